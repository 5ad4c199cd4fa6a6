#!/usr/bin/env python3
"""End-to-end: files carried as base64 inside text are decoded into
children "base64@OFFSET" and read (fixtures: tests/gen/gen_b64.py): a zip
and a message in a JSON export (base64 and base64url), JSON with escaped
slashes, a PDF in a SOAP envelope and in an HTML data: URI. Look-alikes
(a PNG, random bytes, a certificate, a word list) give no child."""
import os
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_b64  # noqa: E402
import lsutil  # noqa: E402


class Base64Blobs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-b64-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_b64.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j1")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_carried_files_are_read(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)
        for name, chains in self.expect.items():
            path = os.path.join(self.dir, name)
            with self.subTest(name=name):
                kids = [o for o in self.m.objects if o["path"] == path and o["chain"]]
                if not chains:
                    self.assertEqual(kids, [])
                    self.assertEqual(self.m.obj(path)["verdict"], "clean")
                for chain in chains:
                    o = self.m.obj(path, chain)
                    self.assertIn("ssn", lsutil.entities(o))
                    self.assertEqual(self.m.obj(path)["verdict"], "sensitive")

    def test_message_is_read_as_mail(self):
        path = os.path.join(self.dir, "export.json")
        o = self.m.obj(path, self.expect["export.json"][0])
        self.assertEqual(o["handler"], "mime")


class KubernetesSecrets(unittest.TestCase):
    """Secret manifests: base64 data values that decode to text are read as
    "key: value" lines, so a password inside a connection string is found."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-k8s-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_b64.k8s(cls.dir)
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j1")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_decoded_values(self):
        for name, lines in self.expect.items():
            path = os.path.join(self.dir, name)
            with self.subTest(name=name):
                p = lsutil.run(["text", path])
                self.assertEqual(p.returncode, 0, p.stderr)
                text = p.stdout.decode("utf-8").splitlines()
                for line in lines:
                    self.assertIn(line, text)
                if not lines:
                    self.assertEqual(self.m.obj(path)["text_bytes"], 0)
        o = self.m.obj(os.path.join(self.dir, "secret.yaml"))
        self.assertIn("password", lsutil.entities(o))


if __name__ == "__main__":
    unittest.main()
