#!/usr/bin/env python3
"""Column names from a sibling file (src/pipeline/sibling.c) on the dumps of
tests/gen/gen_sibling.py: an SSN stored as 9 bare digits in a data file
whose column names are in a schema file beside it (pg_dump -Fd's toc.dat,
mysqldump --tab's TABLE.sql, a bcp format file, a SQL*Loader control file,
a schema dump beside COPY ... TO CSV) is found, on disk and among the
members of a tar, tar.gz and zip; pairs that do not fit (another table,
another INFILE, a different column count) label nothing; -j1 and -j3 give
the same findings, and --resume reads the schema of a root done before."""
import json
import os
import re
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_sibling  # noqa: E402

KEY = b"sibling test key"


def ssn_last4(objs):
    return sorted(re.sub(r"\D", "", e["redacted"])[-4:] for o in objs for f in o.get("findings", [])
                  if f["entity"] == "ssn" for e in f["evidence"])


class Sibling(lsutil.GeneratedTree):
    GEN = gen_sibling

    def under(self, rel, m=None):
        """The records of root rel and everything inside it."""
        return (m or self.m).by_path(self.p(rel))

    def test_planted_found(self):
        for rel, ssns in sorted(self.key.items()):
            if not ssns:
                continue
            with self.subTest(rel=rel):
                self.assertEqual(ssn_last4(self.under(rel)), sorted(s[-4:] for s in ssns))

    def test_camel_case_labels(self):
        # TaxSSN (bcp/PAYEE.FMT) reads "Tax SSN"; a one-letter word is not split off
        self.assertIn("Tax SSN: %s" % self.key["bcp/PAYEE.DAT"][0], self.text("bcp/PAYEE.DAT"))
        t = self.text("misc/camel.csv")
        self.assertIn("Date Of Birth: 1975-03-14\tDoB: 1975-03-14\tID Number: 12345678", t)

    def test_own_header_counts_once(self):
        # visits.csv has its header row: the csv handler labels it, the schema adds no second line
        self.assertEqual(self.count("pgcsv/visits.csv", "ssn"), 1)
        self.assertEqual(self.count("tab/staff.txt", "ssn"), 2)

    def test_unfit_pairs_label_nothing(self):
        for rel in ("neg/orders.txt", "neg/batch.dat", "neg/parts.txt", "neg/shipments.txt"):
            with self.subTest(rel=rel):
                o = self.m.obj(self.p(rel))
                self.assertEqual(o["findings"], [], o)
                self.assertEqual(o["verdict"], "clean")

    def test_schema_files_stay_clean(self):
        for rel in ("pgdir/toc.dat", "tab/staff.sql", "bcp/emp.fmt", "bcp/vendor.fmt", "sqlldr/payroll.ctl",
                    "pgcsv/patients.sql"):
            with self.subTest(rel=rel):
                self.assertEqual(self.m.obj(self.p(rel))["verdict"], "clean")

    def test_text_shows_the_labels(self):
        t = self.text("tab/staff.txt")
        self.assertIn("ssn: %s" % self.key["tab/staff.txt"][0], t)
        t = self.text("pgdir/4001.dat.gz", "4001.dat")
        self.assertIn("ssn: %s" % self.key["pgdir/4001.dat.gz"][0], t)
        t = self.text("sqlldr/payroll.dat")
        self.assertIn("emp_ssn: %s" % self.key["sqlldr/payroll.dat"][0], t)

    def test_same_findings_any_worker_count_and_resume(self):
        with tempfile.TemporaryDirectory() as tmp:
            keyfile = os.path.join(tmp, "k")
            with open(keyfile, "wb") as f:
                f.write(KEY)
            runs = {}
            for j in ("-j1", "-j3"):
                man = os.path.join(tmp, j + ".jsonl")
                p = lsutil.run(["scan", "-q", j, "--fingerprint-key", keyfile, "-o", man, self.dir])
                self.assertIn(p.returncode, (0, 1), p.stderr)
                with open(man) as f:
                    runs[j] = sorted(json.dumps([o["id"], o["findings"]], sort_keys=True)
                                     for o in map(json.loads, f) if o["record"] == "object")
            self.assertEqual(runs["-j1"], runs["-j3"])
            # the schema's root is done in a first session; the data file is
            # scanned after --resume and still gets its column names
            man = os.path.join(tmp, "resume.jsonl")
            tab = os.path.join(tmp, "tab")
            shutil.copytree(self.p("tab"), tab)
            lsutil.run(["scan", "-q", "--fingerprint-key", keyfile, "-o", man, os.path.join(tab, "staff.sql")])
            p = lsutil.run(["scan", "-q", "--resume", "--fingerprint-key", keyfile, "-o", man, tab])
            self.assertEqual(p.returncode, 1, p.stderr)
            m = lsutil.load(man)
            self.assertEqual(ssn_last4(m.by_path(os.path.join(tab, "staff.txt"))),
                             sorted(s[-4:] for s in self.key["tab/staff.txt"]))
            self.assertEqual(len(m.by_path(os.path.join(tab, "staff.sql"))), 1)


if __name__ == "__main__":
    unittest.main()
