#!/usr/bin/env python3
"""Recall and precision of the secret and marking rules on realistic leaks.

tests/gen/gen_secrets_realistic.py writes the files real leaks hold secrets
in (.env, docker-compose, k8s Secrets, JSON/properties/PHP configs, web.config
and appsettings connection strings, .npmrc/.pypirc/.netrc/.git-credentials/
docker config, SQL dumps with bcrypt/sha512crypt/argon2/phpass/Django
hashes, pwdump NTLM lines, shell history, PEM/OpenSSH/PGP/PuTTY keys, JWTs in
logs, CI files, a docx memo, a password spreadsheet, password-manager CSV
exports, e-mails with temporary passwords, a zip of a home directory) with
an answer key, plus decoy-only files (documented example keys, placeholders,
content hashes, UUIDs, minified JS, CSS, UI strings, password prose, code,
public certificates, base64 blobs).

Scanned with a known --fingerprint-key: every planted value is checked by
its fingerprint HMAC-SHA256(key, entity ":" norm), so the value must be
located exactly; markings are checked by their text. A finding in a planted
file whose value is no planted value (under any secret entity) is a false
positive; any secret or corporate finding in a decoy file fails. The
manifest must not hold any planted value in full. Run directly with
--report to print recall per kind.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")
GEN = os.path.join(SRC, "tests", "gen", "gen_secrets_realistic.py")
SECRET_ENTITIES = ["private_key", "aws_key", "aws_secret", "gcp_key", "token", "jwt", "password",
                   "password_hash"]

# entity: (min recall, min precision) -- what the pack measures (docs/rules.md)
THRESHOLDS = {e: (1.0, 1.0) for e in SECRET_ENTITIES}
THRESHOLDS["password"] = (0.95, 1.0)
THRESHOLDS["marking"] = (1.0, 1.0)


fingerprint = lsutil.fingerprint


def generate_and_scan(tmp, seed=7, binary=LEAKSIFT):
    corpus = os.path.join(tmp, "corpus")
    subprocess.run([sys.executable, GEN, corpus, "--seed", str(seed)], check=True, capture_output=True)
    with open(os.path.join(corpus, "key.json"), encoding="utf-8") as f:
        key = json.load(f)
    os.unlink(os.path.join(corpus, "key.json"))
    fpkey = os.urandom(32)
    fpfile = os.path.join(tmp, "fp.key")
    with open(fpfile, "wb") as f:
        f.write(fpkey)
    manifest = os.path.join(tmp, "manifest.jsonl")
    r = subprocess.run([binary, "scan", "-q", "-j2", "--fingerprint-key", fpfile, "-o", manifest, corpus],
                       capture_output=True, text=True)
    with open(manifest, encoding="utf-8") as f:
        text = f.read()
    records = [json.loads(line) for line in text.splitlines() if line.strip()]
    return corpus, key, fpkey, r, records, text


def findings_by_root(records, corpus):
    """{root relpath: [(entity, fingerprint, redacted)]} over the root and its members."""
    out = collections.defaultdict(list)
    for rec in records:
        if rec.get("record") != "object":
            continue
        rel = os.path.relpath(rec["path"], corpus)
        for fd in rec.get("findings", []):
            if fd.get("category") not in ("secret", "corporate"):
                continue
            for ev in fd.get("evidence", []):
                out[rel].append((fd["entity"], ev["fingerprint"], ev.get("redacted", "")))
    return out


def marking_hit(planted, redacted):
    a, b = planted.lower(), redacted.lower()
    return a in b or b in a


def evaluate(key, fpkey, found):
    """(per-entity {entity: [tp, n, fp]}, per-kind {kind: [tp, n]}, misses, extras, decoy hits)."""
    ent = collections.defaultdict(lambda: [0, 0, 0])
    kind = collections.defaultdict(lambda: [0, 0])
    misses, extras = [], []
    by_file = collections.defaultdict(list)
    for p in key["planted"]:
        by_file[p["file"]].append(p)
    for rel, planted in by_file.items():
        got = found.get(rel, [])
        good = set()
        for p in planted:
            if p["entity"] == "marking":
                continue
            for e in SECRET_ENTITIES:
                good.add(fingerprint(fpkey, e, p["norm"]))
        got_fp = {(e, f) for e, f, _ in got}
        seen = set()
        for p in planted:
            if (p["entity"], p["norm"]) in seen:
                continue
            seen.add((p["entity"], p["norm"]))
            if p["entity"] == "marking":
                hit = any(e == "marking" and marking_hit(p["norm"], red) for e, _, red in got)
            else:
                hit = (p["entity"], fingerprint(fpkey, p["entity"], p["norm"])) in got_fp
            ent[p["entity"]][1] += 1
            kind[p["kind"]][1] += 1
            if hit:
                ent[p["entity"]][0] += 1
                kind[p["kind"]][0] += 1
            else:
                misses.append((rel, p["kind"], p["entity"]))
        marks = [p["norm"] for p in planted if p["entity"] == "marking"]
        for e, f, red in set(got):
            ok = marking_hit_any(marks, red) if e == "marking" else f in good
            if not ok:
                ent[e][2] += 1
                extras.append((rel, e, red))
    decoy_hits = [(d["file"], d["kind"], e, red) for d in key["decoys"] for e, _, red in found.get(d["file"], [])]
    return ent, kind, misses, extras, decoy_hits


def marking_hit_any(marks, red):
    return any(marking_hit(m, red) for m in marks)


def report(ent, kind, misses, extras, decoy_hits):
    lines = ["%-14s %6s %6s %9s" % ("entity", "n", "recall", "precision")]
    for e, (tp, n, fp) in sorted(ent.items()):
        lines.append("%-14s %6d %6.3f %9.3f" % (e, n, tp / n if n else 0, tp / (tp + fp) if tp + fp else 1))
    lines.append("")
    lines.append("%-24s %4s %6s" % ("kind", "n", "recall"))
    for k, (tp, n) in sorted(kind.items()):
        lines.append("%-24s %4d %6.3f" % (k, n, tp / n if n else 0))
    lines += ["", "misses:"] + ["  %s %s %s" % m for m in misses]
    lines += ["false positives:"] + ["  %s %s %s" % x for x in extras]
    lines += ["decoy hits:"] + ["  %s %s %s %s" % d for d in decoy_hits]
    return "\n".join(lines)


class SecretsRealistic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.corpus, cls.key, fpkey, cls.run_result, cls.records, cls.text = generate_and_scan(cls.tmp.name)
        found = findings_by_root(cls.records, cls.corpus)
        cls.ent, cls.kind, cls.misses, cls.extras, cls.decoy_hits = evaluate(cls.key, fpkey, found)
        sys.stderr.write("\n" + report(cls.ent, cls.kind, cls.misses, cls.extras, cls.decoy_hits) + "\n")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_scan_ran(self):
        self.assertIn(self.run_result.returncode, (0, 1), self.run_result.stderr)
        self.assertTrue(any(r.get("record") == "summary" for r in self.records))

    def test_recall_and_precision(self):
        for e, (rmin, pmin) in THRESHOLDS.items():
            tp, n, fp = self.ent.get(e, [0, 0, 0])
            if n == 0:
                continue
            with self.subTest(entity=e):
                self.assertGreaterEqual(tp / n, rmin, [m for m in self.misses if m[2] == e])
                self.assertGreaterEqual(tp / (tp + fp) if tp + fp else 1.0, pmin,
                                        [x for x in self.extras if x[1] == e])

    def test_every_kind_found(self):
        """Every secret type is found at least once (a type the pack cannot
        see at all is a hole, whatever the totals)."""
        missing = sorted(k for k, (tp, n) in self.kind.items() if tp == 0)
        self.assertEqual(missing, [])

    def test_decoys_clean(self):
        self.assertEqual(self.decoy_hits, [])

    def test_no_full_secret_in_manifest(self):
        leaked = sorted({p["kind"] for p in self.key["planted"]
                         if p["entity"] != "marking" and len(p["norm"]) >= 8 and p["norm"] in self.text})
        self.assertEqual(leaked, [])


if __name__ == "__main__":
    if "--report" in sys.argv:
        import tempfile as _t
        binary = sys.argv[sys.argv.index("--report") + 1] if len(sys.argv) > sys.argv.index("--report") + 1 else LEAKSIFT
        with _t.TemporaryDirectory() as tmp:
            corpus, key, fpkey, r, records, _ = generate_and_scan(tmp, binary=binary)
            print(report(*evaluate(key, fpkey, findings_by_root(records, corpus))))
    else:
        unittest.main()
