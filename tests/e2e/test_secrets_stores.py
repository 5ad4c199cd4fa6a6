#!/usr/bin/env python3
"""Credential stores by type, SSH2/PuTTY keys, bare Discord tokens and
secrets under bare names (tests/gen/gen_secrets_stores.py).

Every planted value must be found by its fingerprint HMAC-SHA256(key,
entity ":" norm) -- for a KeePass database, Java KeyStore or PKCS#12 bundle
the SHA-256 of its first 256 bytes, also as a member of a zip -- and its
object must be "sensitive" (held back). Decoys (a JKS trust store, a PKCS#12
of certificates only, a DER certificate, an SSH2 public key, random bytes,
a JPEG, a zip, strings shaped like Discord tokens that are not, placeholders,
identifiers, variables, UUIDs and public keys under secret names) give no
secret finding. A store's manifest evidence is a type label, never bytes of
the file; no planted token is in the manifest in full.
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
GEN = os.path.join(SRC, "tests", "gen", "gen_secrets_stores.py")

LABELS = {"kdbx3": "[KeePass 2.x database (KDBX 3)]", "kdbx4": "[KeePass 2.x database (KDBX 4)]",
          "kdb1": "[KeePass 1.x database]", "jks": "[Java KeyStore (JKS)]",
          "jceks": "[Java KeyStore (JCEKS)]", "pkcs12": "[PKCS#12 key bundle]", "pfx": "[PKCS#12 key bundle]",
          "ssh2_rfc4716": "[SSH2 private key (RFC 4716)]", "gnupg_sexp": "[GnuPG private key]",
          "gnupg_extended": "[GnuPG private key]"}


fingerprint = lsutil.fingerprint


class SecretsStores(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        corpus = os.path.join(cls.tmp.name, "corpus")
        subprocess.run([sys.executable, GEN, corpus], check=True, capture_output=True)
        with open(os.path.join(corpus, "key.json"), encoding="utf-8") as f:
            cls.key = json.load(f)
        os.unlink(os.path.join(corpus, "key.json"))
        cls.fpkey = os.urandom(32)
        fpfile = os.path.join(cls.tmp.name, "fp.key")
        with open(fpfile, "wb") as f:
            f.write(cls.fpkey)
        manifest = os.path.join(cls.tmp.name, "m.jsonl")
        cls.run_result = subprocess.run([LEAKSIFT, "scan", "-q", "-j2", "--fingerprint-key", fpfile, "-o",
                                         manifest, corpus], capture_output=True, text=True)
        with open(manifest, encoding="utf-8") as f:
            cls.text = f.read()
        cls.records = [json.loads(x) for x in cls.text.splitlines() if x.strip()]
        # {root file: [(entity, fingerprint, redacted, verdict of the object)]}
        cls.found = collections.defaultdict(list)
        cls.objects = {}
        for rec in cls.records:
            if rec.get("record") != "object":
                continue
            rel = os.path.relpath(rec["path"], corpus)
            root = rel  # a member's path is its root's
            cls.objects.setdefault(root, []).append(rec)
            for fd in rec.get("findings", []):
                if fd.get("category") != "secret":
                    continue
                for ev in fd.get("evidence", []):
                    cls.found[root].append((fd["entity"], ev["fingerprint"], ev.get("redacted", ""),
                                            rec.get("verdict")))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_scan_ran(self):
        self.assertIn(self.run_result.returncode, (0, 1), self.run_result.stderr)

    def hits(self, p):
        want = fingerprint(self.fpkey, p["entity"], p["norm"])
        return [x for x in self.found.get(p["file"], []) if x[0] == p["entity"] and x[1] == want]

    def test_every_planted_value_found(self):
        misses = [(p["file"], p["kind"]) for p in self.key["planted"] if not self.hits(p)]
        self.assertEqual(misses, [], "found: %s" % dict(self.found))

    def test_store_objects_held_back_with_a_label(self):
        for p in self.key["planted"]:
            if p["entity"] not in ("credential_store",) and p["kind"] != "ssh2_rfc4716":
                continue
            with self.subTest(kind=p["kind"]):
                hits = self.hits(p)
                self.assertTrue(hits, p["kind"])
                self.assertIn(hits[0][3], ("sensitive",), hits[0])
                label = LABELS.get(p["kind"].replace("_in_zip", ""))
                if label:
                    self.assertEqual(hits[0][2], label)

    def test_no_secret_finding_in_decoys(self):
        bad = [(d["file"], d["kind"], self.found[d["file"]]) for d in self.key["decoys"] if self.found.get(d["file"])]
        self.assertEqual(bad, [])

    def test_no_extra_findings_in_planted_files(self):
        """Every secret finding in a planted file is a planted value."""
        good = collections.defaultdict(set)
        for p in self.key["planted"]:
            good[p["file"]].add(fingerprint(self.fpkey, p["entity"], p["norm"]))
        extra = [(f, e, red) for f in good for e, fp, red, _ in self.found.get(f, []) if fp not in good[f]]
        self.assertEqual(extra, [])

    def test_no_full_value_in_manifest(self):
        leaked = [p["kind"] for p in self.key["planted"] if p["entity"] != "credential_store" and p["norm"] in self.text]
        self.assertEqual(leaked, [])


if __name__ == "__main__":
    unittest.main()
