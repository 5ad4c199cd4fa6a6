#!/usr/bin/env python3
"""The sample dump (samples/): deterministic generator, every planted value
type found where it was planted, and the manifest never a second leak.

samples/generate.py is imported for the list of planted values; the scan runs
on the committed samples/ folder exactly as the README demo does.
"""
import collections
import filecmp
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

SAMPLES = os.path.join(lsutil.SRC, "samples")
DUMP = os.path.join(SAMPLES, "dump")


def load_generator():
    spec = importlib.util.spec_from_file_location("ls_samples_generate",
                                                  os.path.join(SAMPLES, "generate.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


GEN = load_generator()
FILES, PLANTED = GEN.build()


def rel_files(top):
    out = set()
    for d, _, names in os.walk(top):
        for n in names:
            out.add(os.path.relpath(os.path.join(d, n), top).replace(os.sep, "/"))
    return out


def norm(entity, value):
    """The normalised form the fingerprint uses (DESIGN.md)."""
    if entity in ("ssn", "credit_card", "phone"):
        return re.sub(r"\D", "", value)
    if entity == "iban":
        return re.sub(r"[^A-Z0-9]", "", value.upper())
    if entity == "email":
        return value.lower()
    return value


def leak_forms(p):
    """Every spelling of a planted value that must not reach the manifest."""
    v = p["value"]
    if p["entity"] == "private_key":
        return set(v.split("\n"))
    forms = {v, norm(p["entity"], v)}
    if p["entity"] == "email":
        forms.add(v.split("@")[0] + "@")  # the local part with its @ is enough to identify
    return forms


class GeneratorTest(unittest.TestCase):
    def test_regenerating_gives_the_committed_dump_byte_for_byte(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "dump")
            proc = subprocess.run([sys.executable, os.path.join(SAMPLES, "generate.py"), out],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
            self.assertEqual(proc.returncode, 0, proc.stderr.decode())
            self.assertEqual(rel_files(out), rel_files(DUMP))
            self.assertEqual(rel_files(out), set(FILES))
            for rel in sorted(FILES):
                self.assertTrue(filecmp.cmp(os.path.join(out, rel), os.path.join(DUMP, rel),
                                            shallow=False), "%s differs from samples/dump" % rel)

    def test_dump_is_small(self):
        self.assertLess(sum(len(v) for v in FILES.values()), 200 * 1024)

    def test_planted_values_are_valid(self):
        """The generator's own arithmetic: Luhn, mod-97, SSA rules."""
        kinds = collections.Counter(p["entity"] for p in PLANTED)
        for e in ("ssn", "credit_card", "iban", "email", "phone", "aws_key", "private_key",
                  "marking"):
            self.assertGreater(kinds[e], 0, e)
        for p in PLANTED:
            v = norm(p["entity"], p["value"])
            if p["entity"] == "credit_card":
                self.assertTrue(GEN.luhn_ok(v), v)
                self.assertRegex(v, r"^(4\d{15}|5[1-5]\d{14}|2[2-7]\d{14}|3[47]\d{13}|6011\d{12})$")
            elif p["entity"] == "iban":
                self.assertTrue(GEN.iban_ok(v), v)
            elif p["entity"] == "ssn":
                self.assertEqual(len(v), 9)
                self.assertNotIn(v[:3], ("000", "666"))
                self.assertLess(int(v[:3]), 900)
                self.assertNotEqual(v[3:5], "00")
                self.assertNotEqual(v[5:], "0000")
                self.assertNotIn(v, GEN.SSN_KNOWN_FAKES)
            elif p["entity"] == "email":
                self.assertTrue(v.endswith("@acme-corp.example"), v)
            elif p["entity"] == "aws_key":
                self.assertRegex(v, r"^AKIA[A-Z2-7]{16}$")


class SampleScanTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.key = b"samples-test-key"
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [SAMPLES], cls.key, cwd=cls.tmp.name)
        cls.raw = cls.m.text if cls.m else ""

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, rel):
        return os.path.join(SAMPLES, "dump", *rel.split("/"))

    def test_exit_status_is_1(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr.decode(errors="replace"))

    def test_every_sample_file_has_a_root_record(self):
        roots = {o["path"] for o in self.m.roots()}
        for rel in FILES:
            self.assertIn(self.path(rel), roots)

    def test_clean_files_are_clean(self):
        for rel in GEN.CLEAN_FILES:
            o = self.m.obj(self.path(rel))
            self.assertEqual(o["findings"], [], rel)
            self.assertEqual(o["verdict"], "clean", rel)
            self.assertEqual(o["coverage"], "full", rel)
            self.assertFalse(o["quarantine"], rel)
        self.assertEqual(self.m.obj(self.path("assets/logo.png"))["file"]["mime_type"], "image/png")

    def test_planted_types_found_where_planted(self):
        want = collections.defaultdict(set)
        for p in PLANTED:
            want[(p["file"], p["member"], p["entity"])].add(norm(p["entity"], p["value"]))
        for (rel, member, entity), values in sorted(want.items(), key=str):
            objs = self.m.by_path(self.path(rel))
            self.assertTrue(objs, "no record for %s" % rel)
            if member:
                objs = [o for o in objs if o["chain"] and o["chain"][-1] == member]
                self.assertEqual(len(objs), 1, "member %s of %s" % (member, rel))
            got = max(lsutil.distinct(o, entity) for o in objs)
            self.assertGreaterEqual(got, len(values), "%s %s %s: %d distinct, planted %d"
                                    % (rel, member, entity, got, len(values)))

    def test_every_planted_value_is_found_by_fingerprint(self):
        """Fingerprint = HMAC-SHA256(key, entity ":" normalised value): with a
        known key each planted value can be checked for, one by one."""
        fps = collections.defaultdict(set)  # (file, last chain element) -> fingerprints
        prefix = os.path.join(SAMPLES, "dump") + os.sep
        for o in self.m.objects:
            if not o["path"].startswith(prefix):
                continue
            rel = o["path"][len(prefix):].replace(os.sep, "/")
            for f in o["findings"]:
                for e in f["evidence"]:
                    fps[(rel, o["chain"][-1] if o["chain"] else None)].add(e["fingerprint"])
                    fps[(rel, "*")].add(e["fingerprint"])
        checked = 0
        for p in PLANTED:
            if p["entity"] in ("marking", "private_key"):
                continue
            fp = lsutil.fingerprint(self.key, p["entity"], norm(p["entity"], p["value"]))
            where = (p["file"], p["member"] or "*")
            self.assertIn(fp, fps[where], "planted %s in %s %s not found"
                          % (p["entity"], p["file"], p["member"] or ""))
            checked += 1
        self.assertGreater(checked, 100)
        self.assertEqual(self.m.run["fingerprint_key"], "user")

    def test_planted_files_are_quarantined_sensitive(self):
        for rel in {p["file"] for p in PLANTED}:
            o = self.m.obj(self.path(rel))
            self.assertEqual(o["verdict"], "sensitive", rel)
            self.assertTrue(o["quarantine"], rel)

    def test_nested_members_have_their_own_records(self):
        zpath = self.path("archive/2019-customer-export.zip")
        root = self.m.obj(zpath)
        member = self.m.obj(zpath, ["export/customers-2019.csv"])
        self.assertEqual(member["parent_id"], root["id"])
        self.assertEqual(member["depth"], 1)
        self.assertEqual(member["root_id"], root["root_id"])
        self.assertEqual(self.m.obj(zpath, ["export/readme.txt"])["verdict"], "clean")
        att = self.m.obj(self.path("mail/fwd-payroll-march.eml"), ["payroll-march.csv"])
        self.assertEqual(lsutil.distinct(att, "ssn"), 6)
        self.assertEqual(lsutil.distinct(att, "iban"), 6)

    def test_redacted_evidence_keeps_only_the_tail(self):
        csv = self.m.obj(self.path("hr/employees.csv"))
        ssns = sorted(p["value"] for p in PLANTED
                      if p["file"] == "hr/employees.csv" and p["entity"] == "ssn")
        got = sorted(e["redacted"] for e in lsutil.entities(csv)["ssn"]["evidence"])
        self.assertEqual(got, sorted("***-**-" + s[-4:] for s in ssns))
        mails = sorted(p["value"] for p in PLANTED
                       if p["file"] == "hr/employees.csv" and p["entity"] == "email")
        got = sorted(e["redacted"] for e in lsutil.entities(csv)["email"]["evidence"])
        self.assertEqual(got, sorted(v[0] + "***@" + v.split("@")[1] for v in mails))
        pay = self.m.obj(self.path("finance/payments.json"))
        cards = sorted(norm("credit_card", p["value"])[-4:] for p in PLANTED
                       if p["file"] == "finance/payments.json" and p["entity"] == "credit_card")
        got = sorted(re.sub(r"\D", "", e["redacted"]) for e in lsutil.entities(pay)["credit_card"]["evidence"])
        self.assertEqual(got, cards)
        for f in pay["findings"]:
            for e in f["evidence"]:
                self.assertRegex(e["fingerprint"], r"^[0-9a-f]{64}$")
                self.assertIn(e["where"], ("raw", "text"))

    def test_summary_counts_distinct_entities(self):
        s = self.m.summary
        self.assertIsNotNone(s, "no summary record on the last line")
        planted = collections.defaultdict(set)
        for p in PLANTED:
            planted[p["entity"]].add(norm(p["entity"], p["value"]))
        ents = s["entities"]
        for e in ("ssn", "credit_card", "iban", "phone", "aws_key", "aws_secret", "private_key"):
            self.assertIn(e, ents)
            self.assertEqual(ents[e]["distinct"], len(planted[e]), e)
            self.assertGreaterEqual(ents[e]["findings"], ents[e]["distinct"], e)
        self.assertGreaterEqual(ents["email"]["distinct"], len(planted["email"]))
        self.assertGreaterEqual(s["quarantined"], len({p["file"] for p in PLANTED}))
        self.assertEqual(s["roots"], len(self.m.roots()))
        self.assertEqual(s["objects"], len(self.m.objects))
        self.assertEqual(sum(s["verdicts"].values()), len(self.m.objects))

    def test_manifest_is_never_a_second_leak(self):
        self.assertGreater(len(self.raw), 1000)
        printed = (self.proc.stdout + self.proc.stderr).decode(errors="replace")
        for p in PLANTED:
            if p["entity"] == "marking":
                continue  # a classification banner is not a secret; it is shown as found
            for form in leak_forms(p):
                self.assertNotIn(form, self.raw, "planted %s from %s is in the manifest"
                                 % (p["entity"], p["file"]))
                self.assertNotIn(form, printed)


if __name__ == "__main__":
    unittest.main()
