#!/usr/bin/env python3
"""Private keys in binary DER form (tests/gen/gen_der_keys.py): each key
file is one private_key finding labelled by its format, with no byte of
the key in the manifest; public keys, certificates, trust stores and a key
inside another file's bytes are not reported."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import gen_der_keys  # noqa: E402
import lsutil  # noqa: E402


class DerKeyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "keys")
        out = subprocess.run([sys.executable, os.path.join(HERE, "..", "gen", "gen_der_keys.py"), cls.dir],
                             stdout=subprocess.PIPE, check=True).stdout
        cls.key = json.loads(out)
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def labels(self, name, chain=()):
        o = self.m.obj(os.path.join(self.dir, name), list(chain))
        return [e["redacted"] for f in o["findings"] if f["rule"] == "secret_der_private_key"
                for e in f["evidence"]], o

    def test_every_key_file(self):
        for name, label in self.key.items():
            got, o = self.labels(name)
            with self.subTest(name=name):
                self.assertEqual(got, [label] if label else [])
                if label:
                    f = lsutil.entities(o)["private_key"]
                    self.assertEqual((f["count"], f["distinct"], f["severity"]), (1, 1, "critical"))
                    self.assertEqual(o["verdict"], "sensitive")

    def test_member_of_an_archive(self):
        got, _ = self.labels("keys.zip", ["backup/server.key"])
        self.assertEqual(got, ["[DER private key (PKCS#1 RSA or DSA)]"])

    def test_no_key_byte_in_the_manifest(self):
        with open(os.path.join(self.dir, "server_rsa.der"), "rb") as f:
            key = f.read()
        modulus = key[12:44].hex()  # 32 bytes of the modulus
        self.assertNotIn(modulus, self.m.text.lower())


if __name__ == "__main__":
    unittest.main()
