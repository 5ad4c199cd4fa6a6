#!/usr/bin/env python3
"""Fingerprints, recomputed independently with Python's hmac.

DESIGN.md: fingerprint = hex HMAC-SHA256(key, entity ":" normalised value),
key = raw bytes of --fingerprint-key FILE, or random per run. We plant a few
values in different written forms, scan, and check that:
  - each planted value's fingerprint is in the evidence of its file with the
    right entity, and the redacted form is the documented one;
  - the same value written two ways is one fingerprint and one distinct value
    (per root and in the summary);
  - the same key gives the same fingerprints in two runs, another key or no
    key gives different ones;
  - neither the value nor its plain (unkeyed) SHA-256 appears in the manifest.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")

# (entity, text as written, normalised value, redacted form in the manifest)
PLANTED = [
    ("ssn", "SSN 536-22-8714 recorded", "536228714", "***-**-8714"),
    ("ssn", "ssn: 536228714 again", "536228714", "*****8714"),
    ("credit_card", "card 5105 1051 0510 5100 exp 12/27", "5105105105105100", "**** **** **** 5100"),
    ("credit_card", "alt 4012888888881881 end", "4012888888881881", "************1881"),
    ("iban", "IBAN GB82 WEST 1234 5698 7654 32 ok", "GB82WEST12345698765432", "**** **** **** **** **54 32"),
    ("email", "mail Jane.Roe@Example.org today", "jane.roe@example.org", "j***@example.org"),
    ("phone", "call +1 (212) 867-5309 now", "2128675309", "+* (***) ***-5309"),
    ("phone", "or 212.867.5309 too", "2128675309", "***.***.5309"),
    ("aws_key", "aws_access_key_id = AKIAZ7EXQ2MPLK4TSW5R", "AKIAZ7EXQ2MPLK4TSW5R", "AKIA..."),
]


fp = lsutil.fingerprint


class Fingerprints(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        t = cls.tmp.name
        cls.dir = os.path.join(t, "dump")
        os.makedirs(cls.dir)
        # one file per planted line, and one file holding every line
        for i, (_, text, _, _) in enumerate(PLANTED):
            with open(os.path.join(cls.dir, "v%02d.txt" % i), "w") as f:
                f.write("Notes from the meeting.\n%s\nEnd of notes.\n" % text)
        with open(os.path.join(cls.dir, "all.txt"), "w") as f:
            f.write("\n".join(p[1] for p in PLANTED) + "\n")
        cls.key = b"leaksift test key \x00\x01\x02\xff"
        cls.keyfile = os.path.join(t, "key.bin")
        with open(cls.keyfile, "wb") as f:
            f.write(cls.key)
        cls.run1 = cls.scan("m1.jsonl", ["--fingerprint-key", cls.keyfile])
        cls.run2 = cls.scan("m2.jsonl", ["--fingerprint-key", cls.keyfile])
        other = os.path.join(t, "other.bin")
        with open(other, "wb") as f:
            f.write(b"another key")
        cls.run3 = cls.scan("m3.jsonl", ["--fingerprint-key", other])
        cls.run4 = cls.scan("m4.jsonl", [])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def scan(cls, name, extra):
        out = os.path.join(cls.tmp.name, name)
        r = subprocess.run([LEAKSIFT, "scan", "-q", "-o", out] + extra + [cls.dir],
                           capture_output=True, text=True)
        assert r.returncode in (0, 1), r.stderr
        with open(out, encoding="utf-8") as f:
            text = f.read()
        return text, [json.loads(line) for line in text.splitlines() if line.strip()]

    @staticmethod
    def evidence(records):
        """{basename: {(entity, fingerprint): redacted}}"""
        out = {}
        for rec in records:
            if rec.get("record") != "object":
                continue
            per = out.setdefault(os.path.basename(rec["path"]), {})
            for fd in rec.get("findings", []):
                for ev in fd.get("evidence", []):
                    per[(fd["entity"], ev["fingerprint"])] = ev["redacted"]
        return out

    def test_each_planted_value_found_with_hmac(self):
        ev = self.evidence(self.run1[1])
        for i, (entity, _, norm, redacted) in enumerate(PLANTED):
            got = ev.get("v%02d.txt" % i, {})
            k = (entity, fp(self.key, entity, norm))
            self.assertIn(k, got, "%s %s not found; have %s" % (entity, norm, got))
            self.assertEqual(got[k], redacted)

    def test_all_file_has_every_fingerprint(self):
        got = self.evidence(self.run1[1]).get("all.txt", {})
        for entity, _, norm, _ in PLANTED:
            self.assertIn((entity, fp(self.key, entity, norm)), got)

    def test_two_forms_one_distinct_value(self):
        summary = self.run1[1][-1]
        self.assertEqual(summary["record"], "summary")
        want = {}
        for entity, _, norm, _ in PLANTED:
            want.setdefault(entity, set()).add(norm)
        for entity, norms in want.items():
            self.assertEqual(summary["entities"][entity]["distinct"], len(norms), entity)
        roots = [r for r in self.run1[1] if r.get("record") == "root_done" and r["path"].endswith("all.txt")]
        self.assertEqual(len(roots), 1)
        for entity, norms in want.items():
            self.assertEqual(roots[0]["distinct"][entity], len(norms), entity)

    def test_same_key_same_fingerprints(self):
        self.assertEqual(self.evidence(self.run1[1]), self.evidence(self.run2[1]))

    def test_other_key_or_no_key_differs(self):
        a = {k for per in self.evidence(self.run1[1]).values() for k in per}
        for run in (self.run3, self.run4):
            b = {k for per in self.evidence(run[1]).values() for k in per}
            self.assertTrue(b)
            self.assertFalse(a & b)

    def test_no_plain_value_or_plain_hash_in_manifest(self):
        for text, _ in (self.run1, self.run4):
            for entity, written, norm, _ in PLANTED:
                self.assertNotIn(norm, text)
                self.assertNotIn(hashlib.sha256(norm.encode()).hexdigest(), text)
                self.assertNotIn(hashlib.sha256((entity + ":" + norm).encode()).hexdigest(), text)
            for raw in ("536-22-8714", "5105 1051 0510 5100", "Jane.Roe", "867-5309"):
                self.assertNotIn(raw, text)


if __name__ == "__main__":
    unittest.main()
