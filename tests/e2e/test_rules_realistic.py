#!/usr/bin/env python3
"""Precision and recall of the built-in pack on realistic leak files.

An independent review of the rules (tests/gen/gen_pii_realistic.py, which
shares no template with gen_pii_corpus.py): HR exports with header rows,
payroll reports, CRM JSON dumps, invoices, e-mails with signatures and
disclaimers, OCR text of forms with MRZ lines, .env/YAML/web.config/ODBC/
JSON/credentials/log files, private keys; plus decoy-only files, one per
decoy class (order and invoice numbers, UUIDs, git SHAs, epoch millis,
versions, ISBNs, tracking and serial numbers, bare 9-digit numbers, Luhn-
and mod-97-failing numbers, masked cards, non-birth dates, "password" in
prose, placeholder secrets, AWS documentation keys, "name at domain dot
com"), in which nothing may be reported.

We scan with a known --fingerprint-key, recompute HMAC-SHA256(key, entity
":" norm) for every planted value, and require per entity the recall and
precision in THRESHOLDS (what the pack achieves, see docs/rules.md);
markings are scored per file. The measured table is printed to stderr.
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
GEN = os.path.join(SRC, "tests", "gen", "gen_pii_realistic.py")

# entity: (min recall, min precision)
THRESHOLDS = {
    "ssn": (0.99, 0.99), "credit_card": (0.99, 0.99), "iban": (0.99, 0.99), "email": (0.99, 0.99),
    "phone": (0.99, 0.99), "passport": (0.99, 0.99), "dob": (0.99, 0.99), "aws_key": (1.0, 1.0),
    "aws_secret": (1.0, 1.0), "token": (1.0, 1.0), "jwt": (1.0, 1.0), "password": (0.99, 0.99),
    "private_key": (1.0, 1.0),
}


fingerprint = rulesnorm.fingerprint


def scan(corpus, workdir):
    """(returncode, stderr, records, fingerprint key) of one scan."""
    fpkey = os.urandom(32)
    fpfile = os.path.join(workdir, "fp.key")
    with open(fpfile, "wb") as f:
        f.write(fpkey)
    manifest = os.path.join(workdir, "manifest.jsonl")
    r = subprocess.run([LEAKSIFT, "scan", "-q", "--fingerprint-key", fpfile, "-o", manifest, corpus],
                       capture_output=True, text=True)
    with open(manifest, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return r.returncode, r.stderr, records, fpkey


def found_by_file(records, corpus):
    """{root relpath: {entity: set(fingerprint)}}; members count for their root."""
    found = {}
    for rec in records:
        if rec.get("record") != "object":
            continue
        rel = os.path.relpath(rec["path"], corpus)
        per = found.setdefault(rel, {})
        for fd in rec.get("findings", []):
            fps = per.setdefault(fd["entity"], set())
            for ev in fd.get("evidence", []):
                fps.add(ev["fingerprint"])
    return found


def score(key, found, fpkey):
    """{entity: (tp, planted, fp, [(file, missed redacted-less norms)], [files with extras])}."""
    out = {}
    for entity in key["entities"]:
        tp = fp = planted = 0
        missed, extra = [], []
        for rel in set(key["files"]) | set(found):
            norms = key["files"].get(rel, {}).get(entity, [])
            want = {fingerprint(fpkey, entity, v): v for v in norms}
            got = found.get(rel, {}).get(entity, set())
            planted += len(want)
            tp += len(set(want) & got)
            fp += len(got - set(want))
            missed += [(rel, v) for h, v in want.items() if h not in got]
            if got - set(want):
                extra.append(rel)
        out[entity] = (tp, planted, fp, missed, extra)
    return out


def table(scores, marking):
    lines = ["%-12s %8s %9s %6s" % ("entity", "recall", "precision", "n")]
    for e, (tp, planted, fp, _m, _x) in sorted(scores.items()):
        lines.append("%-12s %8.4f %9.4f %6d" % (e, tp / planted if planted else 0.0,
                                                tp / (tp + fp) if tp + fp else 0.0, planted))
    lines.append("%-12s %8.4f %9.4f %6d  (per file)" % ("marking", *marking))
    return "\n".join(lines)


class RulesRealistic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        t = cls.tmp.name
        cls.corpus = os.path.join(t, "corpus")
        keyfile = os.path.join(t, "answers.json")
        subprocess.run([sys.executable, GEN, cls.corpus, keyfile, "--seed", "11", "--scale", "2"], check=True)
        with open(keyfile, encoding="utf-8") as f:
            cls.key = json.load(f)
        cls.rc, cls.stderr, cls.records, fpkey = scan(cls.corpus, t)
        cls.found = found_by_file(cls.records, cls.corpus)
        cls.scores = score(cls.key, cls.found, fpkey)
        cls.marking = cls.marking_score()
        sys.stderr.write("\n" + table(cls.scores, cls.marking) + "\n")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def marking_score(cls):
        want = set(cls.key["markings"])
        got = {rel for rel, per in cls.found.items() if per.get("marking")}
        tp = len(want & got)
        return (tp / len(want) if want else 0.0, tp / len(got) if got else 0.0, len(want))

    def test_scan_ran(self):
        self.assertEqual(self.rc, 1, self.stderr)
        self.assertEqual(self.records[-1]["record"], "summary")

    def test_corpus_is_big_enough(self):
        for e in THRESHOLDS:
            self.assertGreaterEqual(len(self.key["entities"].get(e, [])), 8, e)
        self.assertGreater(sum(len(v) for v in self.key["entities"].values()), 1000)
        self.assertGreaterEqual(len(self.key["decoy_files"]), 20)

    def test_entities(self):
        bad = []
        for e, (rmin, pmin) in THRESHOLDS.items():
            tp, planted, fp, missed, extra = self.scores[e]
            recall, precision = tp / planted, tp / (tp + fp) if tp + fp else 0.0
            if recall < rmin:
                bad.append("%s recall %.4f < %.2f, missed e.g. %s" % (e, recall, rmin, missed[:4]))
            if precision < pmin:
                bad.append("%s precision %.4f < %.2f (%d false), in %s" % (e, precision, pmin, fp, sorted(extra)[:4]))
        self.assertEqual(bad, [])

    def test_markings(self):
        recall, precision, n = self.marking
        self.assertGreater(n, 5)
        self.assertGreaterEqual(recall, 1.0)
        self.assertGreaterEqual(precision, 1.0)

    def test_decoy_files_have_no_findings(self):
        """Each decoy class has a file of its own; nothing in it is a finding."""
        bad = {}
        for rel, cls in self.key["decoy_files"].items():
            ents = sorted(e for e, fps in self.found.get(rel, {}).items() if fps)
            if ents:
                bad[cls] = ents
        self.assertEqual(bad, {})

    def test_decoy_classes_reach_validators(self):
        """Checksum-failing look-alikes are candidates that the C checks reject."""
        rejected = self.records[-1].get("rejected", {})
        self.assertGreaterEqual(rejected.get("credit_card", 0), self.key["decoys"]["card_luhn"])
        self.assertGreaterEqual(rejected.get("iban", 0), self.key["decoys"]["iban_checksum"])
        self.assertGreater(rejected.get("aws_key", 0), 0)
        self.assertGreater(rejected.get("password", 0), 0)

    def test_test_card_numbers_are_cards(self):
        """Decision (docs/rules.md): network test PANs are Luhn-valid PANs and reported."""
        tp, _p, _fp, missed, _x = self.scores["credit_card"]
        self.assertEqual([m for m in missed if m[0].startswith("repo_payments/")], [])


if __name__ == "__main__":
    unittest.main()
