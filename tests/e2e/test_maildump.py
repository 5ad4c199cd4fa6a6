"""End-to-end: the mailbox-heavy leak dump (tests/gen/make_maildump.py)
against its answer key.

The generator builds mbox files and .eml trees the way a company's mail
leaks (nested forwards, office attachments, .msg and winmail.dat, odd
transfer encodings and charsets, S/MIME and PGP, truncations, a 10,000-part
message, names that climb out, decoys) and writes what a correct triage
says of each object. One scan (two workers); every key entry must hold
(entries marked arguable are printed, not failed), the manifest must hold
no full planted value, and the same dump scanned with one worker gives the
same records.

Run by hand: LEAKSIFT=build/leaksift LEAKSIFT_SRC=. python3 tests/e2e/test_maildump.py
(MAILDUMP_VERBOSE=1 prints every check).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC") or os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
import make_maildump as gen  # noqa: E402
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT")


def load(raw):
    return [json.loads(l) for l in raw.decode("utf-8").split("\n") if l]


def score(key, recs):
    """(failures, arguable failures, checks made): lists of strings / int."""
    objs = [r for r in recs if r.get("record") == "object"]
    by = {}
    for o in objs:
        by.setdefault((o["path"], tuple(o["chain"])), []).append(o)

    below = lsutil.subtree(objs)

    def ents(o):
        return {f["entity"] for f in o["findings"]}

    def l4(o, entity):
        return {re.sub(r"[^0-9A-Za-z]", "", e["redacted"])[-4:] for f in o["findings"]
                if f["entity"] == entity for e in f["evidence"]}

    fails, arg, checks = [], [], 0
    for c in key["cases"]:
        e = c["expect"]
        path = os.path.normpath(os.path.join(key["root"], c["path"]))
        hits = by.get((path, tuple(c["chain"])), [])
        probs = []
        checks += 1
        if len(hits) != 1:
            have = sorted(o["chain"] for o in objs if o["path"] == path)[:20]
            probs.append("%d records (have %r)" % (len(hits), have))
        else:
            o = hits[0]
            sub = below(o)
            for en in e.get("entities_all", []):
                if en not in ents(o):
                    probs.append("no %s finding" % en)
            for en in e.get("entities_none", []):
                if en in ents(o):
                    probs.append("false %s finding %r" % (en, sorted(l4(o, en))))
            for d in e.get("email_domains_none", []):
                bad = [x["redacted"] for f in o["findings"] if f["entity"] == "email"
                       for x in f["evidence"] if x["redacted"].lower().endswith(d)]
                if bad:
                    probs.append("Message-ID taken for an address: %r" % bad)
            if e.get("no_findings") and o["findings"]:
                probs.append("findings %r" % sorted(ents(o)))
            for en, vals in e.get("last4", {}).items():
                for v in vals:
                    if v not in l4(o, en):
                        probs.append("%s ...%s not found (have %r)" % (en, v, sorted(l4(o, en))))
            for en, vals in e.get("under_last4", {}).items():
                got = set().union(*[l4(x, en) for x in sub])
                for v in vals:
                    if v not in got:
                        probs.append("%s ...%s not found below" % (en, v))
            for en in e.get("under_entities", []):
                if not any(en in ents(x) for x in sub):
                    probs.append("no %s finding below" % en)
            for r in e.get("under_reasons", []):
                if not any(r in x["coverage_reasons"] for x in sub):
                    probs.append("no reason %s below" % r)
            if "coverage" in e and o["coverage"] != e["coverage"]:
                probs.append("coverage %s %r" % (o["coverage"], o["coverage_reasons"]))
            if "coverage_not" in e and o["coverage"] == e["coverage_not"]:
                probs.append("coverage is %s" % o["coverage"])
            for r in e.get("reasons_all", []):
                if r not in o["coverage_reasons"]:
                    probs.append("reason %s missing (have %r)" % (r, o["coverage_reasons"]))
            for a in e.get("alerts_all", []):
                if a not in o["alerts"]:
                    probs.append("alert %s missing (have %r)" % (a, o["alerts"]))
            for a in e.get("alerts_none", []):
                if a in o["alerts"]:
                    probs.append("alert %s present" % a)
            if "verdict" in e and o["verdict"] != e["verdict"]:
                probs.append("verdict %s" % o["verdict"])
            if "verdict_in" in e and o["verdict"] not in e["verdict_in"]:
                probs.append("verdict %s" % o["verdict"])
            if "handler" in e and o["handler"] != e["handler"]:
                probs.append("handler %s" % o["handler"])
            if "children_min" in e and o["children"] < e["children_min"]:
                probs.append("children %d" % o["children"])
        if probs:
            (arg if e.get("arguable") else fails).append(
                "%s %s %r: %s" % (c["case"], c["path"], c["chain"], "; ".join(probs)))
    return fails, arg, checks


def scan(out, dump, args):
    man = os.path.join(out, "m%s.jsonl" % "".join(args))
    p = subprocess.run([LEAKSIFT, "scan", "-q", "-o", man] + args + [dump],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    if p.returncode not in (0, 1):
        raise AssertionError("scan failed (%d): %s" % (p.returncode, p.stderr.decode()[-2000:]))
    with open(man, "rb") as f:
        return f.read()


@unittest.skipUnless(LEAKSIFT, "LEAKSIFT not set")
class MailDump(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-maildump-")
        cls.key = gen.generate(os.path.join(cls.tmp.name, "gen"))
        cls.raw = scan(cls.tmp.name, cls.key["root"], ["-j2"])
        cls.recs = load(cls.raw)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_answer_key(self):
        fails, arg, n = score(self.key, self.recs)
        for a in arg:
            print("arguable:", a, file=sys.stderr)
        if os.environ.get("MAILDUMP_VERBOSE"):
            print("%d checks, %d failed" % (n, len(fails)), file=sys.stderr)
        self.assertEqual(fails, [], "\n" + "\n".join(fails))

    def test_no_full_value_in_manifest(self):
        text = self.raw.decode("utf-8")
        for c in self.key["cases"]:
            for vals in list(c["expect"].get("last4", {}).values()) + list(c["expect"].get("under_last4", {}).values()):
                self.assertTrue(vals)
        for v in gen.PLANTED:
            self.assertNotIn(v, text)
            self.assertNotIn(re.sub(r"[^0-9A-Za-z]", "", v), text)

    def test_every_record_has_what_it_is(self):
        objs = [r for r in self.recs if r["record"] == "object"]
        self.assertGreater(len(objs), 60)
        for o in objs:
            self.assertTrue(o["file"]["mime_type"], o["chain"])
            self.assertIn(o["coverage"], ("full", "partial", "none"))
            if o["coverage"] != "full":
                self.assertTrue(o["coverage_reasons"], (o["path"], o["chain"]))

    def test_same_answer_one_worker(self):
        one = load(scan(self.tmp.name, self.key["root"], ["-j1"]))

        def facts(recs):
            return sorted((o["path"], tuple(o["chain"]), o["coverage"], tuple(o["coverage_reasons"]),
                           tuple(o["alerts"]), o["verdict"],
                           tuple(sorted((f["entity"], f["distinct"]) for f in o["findings"])))
                          for o in recs if o["record"] == "object")
        self.assertEqual(facts(one), facts(self.recs))


if __name__ == "__main__":
    unittest.main()
