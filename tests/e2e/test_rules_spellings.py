#!/usr/bin/env python3
"""Recall of the PII rules per written form and per container.

tests/gen/gen_pii_spellings.py writes every entity in many spellings (SSN
after 'SSN#', 'SS#', 'Social Security No.'; cards grouped 4-4-4-4 and 4-6-5,
Visa 13 and 19, JCB 15, Maestro 12; IBANs of 37 countries compact, grouped
and lower case; NANP and E.164 numbers of 34 countries; passports after
labels in seven languages and in MRZ lines; birth dates after labels in
six languages; driver's licences) into text, CSV, XLSX, DOCX, e-mail and PDF
files, plus decoy-only files (EAN-13 barcodes that pass Luhn). We scan with
a known --fingerprint-key and require every planted value to be found in
its file and nothing to be found in a decoy file; the misses are listed by
spelling and container. Run it directly with LEAKSIFT=... to see the table.
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
GEN = os.path.join(SRC, "tests", "gen", "gen_pii_spellings.py")
ENTITIES = ["ssn", "credit_card", "iban", "phone", "email", "passport", "dob", "drivers_license"]


fingerprint = rulesnorm.fingerprint


def run(corpus, workdir):
    fpkey = os.urandom(32)
    fpfile = os.path.join(workdir, "fp.key")
    with open(fpfile, "wb") as f:
        f.write(fpkey)
    manifest = os.path.join(workdir, "manifest.jsonl")
    r = subprocess.run([LEAKSIFT, "scan", "-q", "--fingerprint-key", fpfile, "-o", manifest, corpus],
                       capture_output=True, text=True)
    found = {}
    with open(manifest, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("record") != "object":
                continue
            per = found.setdefault(os.path.relpath(rec["path"], corpus), {})
            for fd in rec.get("findings", []):
                per.setdefault(fd["entity"], set()).update(ev["fingerprint"] for ev in fd.get("evidence", []))
    return r, found, fpkey


def score(key, found, fpkey):
    """{entity: [tp, planted, fp]}, {spelling: [misses]}"""
    tot = {e: [0, 0, 0] for e in ENTITIES}
    for rel, per in key["files"].items():
        for e, norms in per.items():
            want = {fingerprint(fpkey, e, n) for n in norms}
            got = found.get(rel, {}).get(e, set())
            tot[e][0] += len(want & got)
            tot[e][1] += len(want)
            tot[e][2] += len(got - want)
    misses = {}
    for sp, files in key["spellings"].items():
        e = sp.split("/")[0]
        for rel, norms in files.items():
            got = found.get(rel, {}).get(e, set())
            for n in norms:
                if fingerprint(fpkey, e, n) not in got:
                    misses.setdefault(sp, []).append(rel.rsplit(".", 1)[-1])
    return tot, misses


class RulesSpellings(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        corpus = os.path.join(cls.tmp.name, "c")
        keyfile = os.path.join(cls.tmp.name, "key.json")
        subprocess.run([sys.executable, GEN, corpus, keyfile, "--seed", "7"], check=True)
        with open(keyfile, encoding="utf-8") as f:
            cls.key = json.load(f)
        cls.proc, cls.found, fpkey = run(corpus, cls.tmp.name)
        cls.tot, cls.misses = score(cls.key, cls.found, fpkey)
        lines = ["%-16s %7s %9s %5s" % ("entity", "recall", "precision", "n")]
        for e, (tp, n, fp) in cls.tot.items():
            lines.append("%-16s %7.3f %9.3f %5d" % (e, tp / n if n else 0, tp / (tp + fp) if tp + fp else 0, n))
        for sp, kinds in sorted(cls.misses.items()):
            lines.append("  missed %-40s in %s" % (sp, ",".join(sorted(kinds))))
        sys.stderr.write("\n" + "\n".join(lines) + "\n")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_scan_ran(self):
        self.assertIn(self.proc.returncode, (0, 1), self.proc.stderr)

    def test_every_spelling_found_in_every_container(self):
        self.assertEqual(self.misses, {})

    def test_no_extra_values(self):
        """Nothing but the planted values (a value cut short is both a miss and an extra)."""
        self.assertEqual({e: t[2] for e, t in self.tot.items() if t[2]}, {})

    def test_decoy_files_have_no_findings(self):
        bad = {rel: sorted(self.found.get(rel, {})) for rel in self.key["decoy_files"] if self.found.get(rel)}
        self.assertEqual(bad, {})


if __name__ == "__main__":
    unittest.main()
