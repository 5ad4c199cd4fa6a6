#!/usr/bin/env python3
"""An OOXML package encrypted with Excel's built-in password
"VelvetSweatshop" opens in Excel without a prompt (malware uses it to keep
scanners out): leaksift decrypts it ([MS-OFFCRYPTO] Agile Encryption, and
Office 2007's Standard Encryption), reads the
package as the member "EncryptedPackage" and finds what it holds.
Under any other password the file stays coverage none / `encrypted`.
Fixtures: tests/gen/gen_agile.py (hashlib and a Python AES; checked against
msoffcrypto-tool when it was written)."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_agile as g  # noqa: E402

KEY = b"agile-e2e-key"


class Agile(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "in")
        g.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY)
        assert cls.m is not None, cls.proc.stderr.decode(errors="replace")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def fps(self, o):
        return {e["fingerprint"] for f in o["findings"] for e in f["evidence"]}

    def assertDecrypted(self, name, entity, norm):
        root = self.m.obj(self.path(name))
        self.assertEqual(root["handler"], "ole2")
        self.assertEqual(root["coverage"], "full", root["errors"])
        self.assertNotIn("encrypted", root["alerts"])
        self.assertTrue(any("VelvetSweatshop" in e for e in root["errors"]), root["errors"])
        self.assertEqual(root["verdict"], "sensitive")
        pkg = self.m.obj(self.path(name), ["EncryptedPackage"])
        self.assertEqual(pkg["handler"], "ooxml")
        self.assertEqual(pkg["coverage"], "full", pkg["errors"])
        self.assertIn(lsutil.fingerprint(KEY, entity, norm), self.fps(pkg))

    def test_workbook_default_password(self):
        self.assertDecrypted("default.xlsx", "ssn", g.SSN.replace("-", ""))

    def test_document_default_password(self):
        self.assertDecrypted("default.docx", "email", g.EMAIL)

    def test_sha1_aes128(self):
        self.assertDecrypted("default_sha1.xlsx", "ssn", g.SSN.replace("-", ""))

    def test_standard_encryption(self):
        self.assertDecrypted("standard.xlsx", "ssn", g.SSN.replace("-", ""))
        self.assertDecrypted("standard256.docx", "email", g.EMAIL)

    def test_other_password_stays_encrypted(self):
        for name in ("password.xlsx", "standard_password.xlsx"):
            o = self.m.obj(self.path(name))
            with self.subTest(name=name):
                self.assertEqual(o["coverage"], "none")
                self.assertEqual(o["coverage_reasons"], ["encrypted"])
                self.assertEqual(o["verdict"], "incomplete")
                self.assertEqual(o["children"], 0)

    def test_damaged_package_is_not_clean(self):
        pkg = self.m.obj(self.path("default_damaged.xlsx"), ["EncryptedPackage"])
        self.assertEqual(pkg["coverage"], "partial")
        self.assertEqual(self.m.obj(self.path("default_damaged.xlsx"))["verdict"], "incomplete")


if __name__ == "__main__":
    unittest.main()
