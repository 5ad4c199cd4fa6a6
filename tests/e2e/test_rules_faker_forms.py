#!/usr/bin/env python3
"""Phone and IBAN forms that fake-data generators and real people write.

An audit against Faker-style data (docs/rules.md, "Fake-data generators")
found numbers written with a glued extension (212-867-5309x1234), the 001-
exit code, inside a sentence's parentheses, under a JSON key "phone" or
"phone_number", and
national numbers with a trunk 0 after a phone label (Phone: 020 7946 0958)
missed. tests/gen/gen_pii_faker_forms.py writes each form, with values that
are valid in reality, into text, JSON, CSV, docx and xlsx; we scan with a
known --fingerprint-key and require every value in every file, nothing in
the decoy file, and no phone in the file of values the generators make but
the world does not have (N9X/N11 area codes, 555-01xx, eight digits, dates
after a phone label).
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
GEN = os.path.join(SRC, "tests", "gen", "gen_pii_faker_forms.py")


fingerprint = rulesnorm.fingerprint


class RulesFakerForms(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        corpus = os.path.join(cls.tmp.name, "c")
        keyfile = os.path.join(cls.tmp.name, "key.json")
        subprocess.run([sys.executable, GEN, corpus, keyfile], check=True)
        with open(keyfile, encoding="utf-8") as f:
            cls.key = json.load(f)
        cls.fpkey = os.urandom(32)
        fpfile = os.path.join(cls.tmp.name, "fp.key")
        with open(fpfile, "wb") as f:
            f.write(cls.fpkey)
        manifest = os.path.join(cls.tmp.name, "m.jsonl")
        cls.proc = subprocess.run([LEAKSIFT, "scan", "-q", "--fingerprint-key", fpfile, "-o", manifest, corpus],
                                  capture_output=True, text=True)
        cls.found = {}
        with open(manifest, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("record") != "object":
                    continue
                per = cls.found.setdefault(os.path.relpath(rec["path"], corpus), {})
                for fd in rec.get("findings", []):
                    per.setdefault(fd["entity"], set()).update(ev["fingerprint"] for ev in fd.get("evidence", []))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_scan_ran(self):
        self.assertIn(self.proc.returncode, (0, 1), self.proc.stderr)
        self.assertTrue(self.found)

    def test_every_form_in_every_container(self):
        misses = {}
        for form, where in self.key["forms"].items():
            for rel, entity, norm in where:
                got = self.found.get(rel, {}).get(entity, set())
                if fingerprint(self.fpkey, entity, norm) not in got:
                    misses.setdefault(form, []).append(rel)
        self.assertEqual(misses, {}, "forms missed, by container")

    def test_nothing_but_the_planted_values(self):
        extra = {}
        for rel, per in self.found.items():
            if rel not in self.key["files"]:
                continue
            for entity, fps in per.items():
                want = {fingerprint(self.fpkey, entity, n) for n in self.key["files"][rel].get(entity, [])}
                if fps - want:
                    extra.setdefault(rel, {})[entity] = len(fps - want)
        self.assertEqual(extra, {}, "values found that were not planted (a wrong cut or a false positive)")

    def test_generator_only_numbers_rejected(self):
        self.assertIn("rejected.txt", self.found)
        self.assertEqual(self.found["rejected.txt"], {})

    def test_decoys_clean(self):
        self.assertIn("decoys.txt", self.found)
        self.assertEqual(self.found["decoys.txt"], {})


if __name__ == "__main__":
    unittest.main()
