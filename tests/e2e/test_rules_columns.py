#!/usr/bin/env python3
"""PII labelled only by a column header far above it; labelled phone
numbers without punctuation; card-shaped identifiers in ID columns.

tests/gen/gen_pii_columns.py writes tables of 300 rows (CSV, TSV, XLSX with
numbers, strings and date serials, ODS, DOCX and HTML tables, a report
printed with aligned columns, mysql client output) whose SSN,
date-of-birth and passport columns carry their label only in the header
row ("SSN", "Social Security Number", "DOB", "Date of Birth", "Passport
No."); phone numbers after "Tel.", "Tel.:", "Ph:", "Mob.", "Tel.-Nr.",
"Phone (work):" ...; cards under a "Card Number" header and grouped 4-4-4-4
under "Order"; and decoy-only files: Luhn-valid 16-digit numbers under
Order / Tracking / Invoice / Account ID headers, 15-digit Amex-shaped IDs
stored as spreadsheet numbers under ID / Ref, unlabelled 10-digit order
numbers. Every planted value must be found in its file, nothing else, and
no decoy file may have a finding. Run directly with LEAKSIFT=... to see
the misses.
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
GEN = os.path.join(SRC, "tests", "gen", "gen_pii_columns.py")


fingerprint = rulesnorm.fingerprint


class RulesColumns(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        corpus = os.path.join(cls.tmp.name, "c")
        keyfile = os.path.join(cls.tmp.name, "key.json")
        subprocess.run([sys.executable, GEN, corpus, keyfile, "--seed", "11", "--rows", "300"], check=True)
        with open(keyfile, encoding="utf-8") as f:
            cls.key = json.load(f)
        cls.fpkey = os.urandom(32)
        fpfile = os.path.join(cls.tmp.name, "fp.key")
        with open(fpfile, "wb") as f:
            f.write(cls.fpkey)
        manifest = os.path.join(cls.tmp.name, "m.jsonl")
        cls.proc = subprocess.run([LEAKSIFT, "scan", "-q", "--fingerprint-key", fpfile, "-o", manifest, corpus],
                                  capture_output=True, text=True)
        cls.found, cls.rejected = {}, {}
        with open(manifest, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("record") != "object":
                    continue
                rel = os.path.relpath(rec["path"], corpus)
                per = cls.found.setdefault(rel, {})
                for fd in rec.get("findings", []):
                    per.setdefault(fd["entity"], set()).update(ev["fingerprint"] for ev in fd.get("evidence", []))
                cls.rejected[rel] = rec.get("rejected", {})
        cls.misses = {}
        for sp, files in cls.key["spellings"].items():
            ent = sp.split("/")[0]
            for rel, norms in files.items():
                got = cls.found.get(rel, {}).get(ent, set())
                n = sum(fingerprint(cls.fpkey, ent, v) not in got for v in norms)
                if n:
                    cls.misses.setdefault(sp, {})[rel] = "%d of %d" % (n, len(norms))
        if cls.misses:
            sys.stderr.write("\nmisses: %s\n" % json.dumps(cls.misses, indent=1, sort_keys=True))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_scan_ran(self):
        self.assertIn(self.proc.returncode, (0, 1), self.proc.stderr)

    def test_every_planted_value_found(self):
        self.assertEqual(self.misses, {})

    def test_no_extra_values(self):
        extra = {}
        for rel, per in self.key["files"].items():
            for ent, got in self.found.get(rel, {}).items():
                want = {fingerprint(self.fpkey, ent, v) for v in per.get(ent, [])}
                if got - want:
                    extra["%s %s" % (rel, ent)] = len(got - want)
        self.assertEqual(extra, {})

    def test_decoy_files_have_no_findings(self):
        bad = {rel: {e: len(v) for e, v in self.found.get(rel, {}).items()}
               for rel in self.key["decoy_files"] if self.found.get(rel)}
        self.assertEqual(bad, {})

    def test_vetoed_cards_counted_as_rejected(self):
        """Card-shaped IDs are not dropped silently: each shows under rejected."""
        for form in ("csv", "xlsx", "html"):
            rel = "decoys/columns.%s" % form
            self.assertGreaterEqual(self.rejected.get(rel, {}).get("credit_card", 0), 300 * 7, rel)

    def test_phone_spellings_present(self):
        """The generator plants what this test is about (a guard against an empty key)."""
        for sp in ("phone/tel_dot", "phone/tel_dot_colon", "phone/ph_colon", "phone/mob_dot", "ssn/ssn_header",
                   "dob/dob_header", "passport/passport_header"):
            self.assertIn(sp, self.key["spellings"])


if __name__ == "__main__":
    unittest.main()
