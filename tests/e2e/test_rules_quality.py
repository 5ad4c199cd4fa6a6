#!/usr/bin/env python3
"""Quality of the built-in rule pack, measured on a planted corpus.

tests/gen/gen_pii_corpus.py plants thousands of valid values and decoys in
varied text files (txt, csv, json, log, md, HTML with entity escaping,
e-mails whose body is base64 and zip archives, so some values are only
visible after extraction)
and writes an answer key. We scan with a known
--fingerprint-key, recompute HMAC-SHA256(key, entity ":" norm) for every
planted value with Python's hmac (an implementation independent of the C
code), and require per entity type:
  - recall >= 99%: planted (file, value) pairs whose fingerprint is in that
    file's evidence;
  - precision >= 99%: evidence fingerprints of that file and entity that
    belong to a planted value;
  - the summary's distinct count equals the number of distinct planted values.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402
import rulesnorm  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")
GEN = os.path.join(SRC, "tests", "gen", "gen_pii_corpus.py")
ENTITIES = ("ssn credit_card iban email phone passport dob drivers_license aws_key aws_secret "
            "token jwt password password_hash private_key marking").split()


fingerprint = rulesnorm.fingerprint


class RulesQuality(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        t = cls.tmp.name
        cls.corpus = os.path.join(t, "corpus")
        keyfile = os.path.join(t, "answers.json")
        subprocess.run([sys.executable, GEN, cls.corpus, keyfile, "--files", "150", "--seed", "7", "--documents"],
                       check=True)
        with open(keyfile, encoding="utf-8") as f:
            cls.key = json.load(f)
        cls.fpkey = os.urandom(32)
        fpfile = os.path.join(t, "fp.key")
        with open(fpfile, "wb") as f:
            f.write(cls.fpkey)
        manifest = os.path.join(t, "manifest.jsonl")
        r = subprocess.run([LEAKSIFT, "scan", "-q", "--fingerprint-key", fpfile, "-o", manifest,
                            cls.corpus], capture_output=True, text=True)
        cls.rc, cls.stderr = r.returncode, r.stderr
        with open(manifest, encoding="utf-8") as f:
            cls.records = [json.loads(line) for line in f if line.strip()]
        cls.found = cls.collect_found()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def collect_found(cls):
        """{root relpath: {entity: set(fingerprint)}} from the object records
        (members of an archive count for the archive)."""
        found = {}
        for rec in cls.records:
            if rec.get("record") != "object":
                continue
            rel = os.path.relpath(rec["path"], cls.corpus)
            per = found.setdefault(rel, {})
            for fd in rec.get("findings", []):
                fps = per.setdefault(fd["entity"], set())
                for ev in fd.get("evidence", []):
                    fps.add(ev["fingerprint"])
        return found

    def expected(self, entity):
        """{relpath: set(fingerprint)} of planted values."""
        out = {}
        for rel, ents in self.key["files"].items():
            out[rel] = {fingerprint(self.fpkey, entity, v) for v in ents.get(entity, [])}
        return out

    def test_scan_ran(self):
        self.assertEqual(self.rc, 1, self.stderr)  # findings -> quarantined -> exit 1
        self.assertEqual(self.records[-1]["record"], "summary")
        roots = [r for r in self.records if r.get("record") == "object" and r.get("depth") == 0]
        self.assertEqual(len(roots), len(self.key["files"]))
        nested = [r for r in self.records if r.get("record") == "object" and r.get("depth", 0) > 0]
        self.assertGreater(len(nested), 0)  # zip members

    def test_corpus_is_big_enough(self):
        total = sum(len(v) for v in self.key["entities"].values())
        self.assertGreater(total, 2000)
        self.assertGreater(sum(self.key["decoys"].values()), 1000)

    def test_no_finding_of_an_unplanted_type(self):
        types = {e for per in self.found.values() for e in per}
        self.assertEqual(types - set(ENTITIES), set())

    def test_decoys_counted_as_rejected(self):
        """Checksum-failing look-alikes reach the validators and are rejected."""
        rejected = self.records[-1].get("rejected", {})
        d = self.key["decoys"]
        for entity, kind in (("credit_card", "card_luhn"), ("iban", "iban_checksum"),
                             ("ssn", "ssn_invalid"), ("email", "email_asset"),
                             ("aws_key", "aws_example"), ("token", "token_placeholder")):
            self.assertGreaterEqual(rejected.get(entity, 0), d[kind], entity)

    def check_entity(self, entity):
        exp = self.expected(entity)
        planted = sum(len(v) for v in exp.values())
        self.assertGreater(planted, 0, "generator planted no " + entity)
        tp = fp = 0
        missed, extra = [], []
        for rel in set(exp) | set(self.found):
            want = exp.get(rel, set())
            got = self.found.get(rel, {}).get(entity, set())
            tp += len(want & got)
            fp += len(got - want)
            if want - got:
                missed.append(rel)
            if got - want:
                extra.append(rel)
        recall = tp / planted
        precision = tp / (tp + fp) if tp + fp else 0.0
        self.assertGreaterEqual(recall, 0.99, "%s recall %.4f (%d/%d), missed in %s" %
                                (entity, recall, tp, planted, sorted(missed)[:5]))
        self.assertGreaterEqual(precision, 0.99, "%s precision %.4f (%d false), in %s" %
                                (entity, precision, fp, sorted(extra)[:5]))

    def check_distinct(self, entity):
        summary = self.records[-1]
        got = summary.get("entities", {}).get(entity, {}).get("distinct")
        self.assertEqual(got, len(self.key["entities"][entity]), entity)


def _add(entity):
    setattr(RulesQuality, "test_quality_" + entity, lambda self: self.check_entity(entity))
    setattr(RulesQuality, "test_distinct_" + entity, lambda self: self.check_distinct(entity))


for _e in ENTITIES:
    _add(_e)

if __name__ == "__main__":
    unittest.main()
