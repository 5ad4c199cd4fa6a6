#!/usr/bin/env python3
"""End-to-end: encrypted envelopes are never clean (fixtures:
tests/gen/gen_sealed.py). A whole-file envelope (OpenPGP binary and
armored, CMS enveloped/encrypted data, openssl enc, age, Ansible Vault,
Vim, LUKS, BitLocker, Apple encrypted disk image) gets handler "sealed",
coverage none, reason encrypted and verdict incomplete; an e-mail body or
text with an encrypted PGP block is partial with encrypted; a signed PGP
message (binary: handler pgp; armored in text) has its literal data read as
a child, one it cannot decode is partial with unsupported; look-alikes (keys, signed messages,
text that quotes the signatures, a certificate, encrypted data with no
session key first, a cut "Salted__") are not called encrypted; a large
file of random bytes with no format (a VeraCrypt volume) is partial with
encrypted."""
import json
import os
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_sealed  # noqa: E402
import lsutil  # noqa: E402


class Sealed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-sealed-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_sealed.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j2")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def rec(self, name, chain=()):
        return self.m.obj(os.path.join(self.dir, name), chain)

    def test_exit_status(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)

    def test_envelopes(self):
        sealed = [n for n, e in self.expect.items() if e["sealed"]]
        self.assertGreaterEqual(len(sealed), 14)
        for name in sealed:
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertEqual(o["handler"], "sealed")
                self.assertEqual(o["coverage"], "none")
                self.assertEqual(o["coverage_reasons"], ["encrypted"])
                self.assertEqual(o["verdict"], "incomplete")
                self.assertTrue(any(e.startswith("sealed: ") for e in o["errors"]), o["errors"])

    def test_blocks_inside_text(self):
        for name in ("inline.eml", "reply.txt"):
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertEqual(o["coverage"], "partial")
                self.assertIn("encrypted", o["coverage_reasons"])
                self.assertNotEqual(o["verdict"], "clean")

    def test_signed_messages_are_decoded(self):
        for name in [n for n, e in self.expect.items() if e["decoded"]]:
            path = os.path.join(self.dir, name)
            with self.subTest(name=name):
                kids = [o for o in self.m.objects if o["path"] == path and o["chain"]]
                self.assertTrue(any("ssn" in lsutil.entities(k) for k in kids), [k["chain"] for k in kids])
                root = self.m.obj(path)
                self.assertNotIn("unsupported", root["coverage_reasons"])
                self.assertNotIn("encrypted", root["alerts"])
                if name.endswith(".gpg"):
                    self.assertEqual(root["handler"], "pgp")
                    self.assertEqual(root["coverage"], "full")
        for name in [n for n, e in self.expect.items() if e["unsupported"]]:
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertEqual(o["coverage"], "partial")
                self.assertEqual(o["coverage_reasons"], ["unsupported"])
                self.assertNotIn("encrypted", o["alerts"])

    def test_compression_bomb_is_cut(self):
        bombs = [n for n, e in self.expect.items() if e.get("bomb")]
        self.assertEqual(bombs, ["bomb.gpg"])
        o = self.rec("bomb.gpg")
        self.assertEqual(o["handler"], "pgp")
        self.assertIn("zip_bomb", o["alerts"])
        self.assertEqual(o["verdict"], "hostile")
        # inflating stopped just past the bomb floor (said so), not at 64 MiB
        self.assertTrue(any(e.startswith("pgp: a zlib stream expands over") for e in o["errors"]), o["errors"])
        kids = [k for k in self.m.objects if k["path"] == o["path"] and k["chain"]]
        self.assertTrue(all(k["file"]["size"] < (4 << 20) for k in kids), [k["file"]["size"] for k in kids])

    def test_mime_parts(self):
        # PGP/MIME: the second part is the armored message; S/MIME: the
        # base64 body is the CMS envelope
        for name, part in (("pgpmime.eml", "encrypted.asc"), ("smime.eml", "smime.p7m")):
            o = self.rec(name, [part])
            with self.subTest(name=name):
                self.assertEqual(o["handler"], "sealed")
                self.assertEqual(o["coverage"], "none")
                self.assertEqual(o["verdict"], "incomplete")

    def test_random_volumes(self):
        """A VeraCrypt/TrueCrypt volume has no signature: it is random
        bytes. No handler reads it and libmagic calls it data, so it read
        as full and clean; an object of random bytes (first MiB, and the
        middle MiB of a longer one) of 1 MiB or more, or of 64 KiB or more
        named as a volume (.hc, .tc, .vc), is now partial with encrypted.
        Too small, too even (a counter), biased (7-bit) or random only in
        its first half are not."""
        rand = [n for n, e in self.expect.items() if e.get("random")]
        self.assertEqual(len(rand), 2)
        for name in rand:
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertIsNone(o["handler"])
                self.assertEqual(o["coverage"], "partial")
                self.assertEqual(o["coverage_reasons"], ["encrypted"])
                self.assertEqual(o["verdict"], "incomplete")
                self.assertIn("random data with no known format", str(o["errors"]))
        for name in ("keyfile.tc", "noise.bin", "counter.bin", "biased.bin", "half.bin"):
            with self.subTest(name=name):
                self.assertEqual(self.rec(name)["coverage"], "full")
        self.assertIn("ssn", lsutil.entities(self.rec("half.bin")))

    def test_encrypted_databases(self):
        """An SQLCipher database encrypts its header too: random bytes with
        no type, read as full and clean. Named as a database and in whole
        pages (a multiple of 512 bytes), 4 KiB or more, it is now partial
        with encrypted; not in whole pages, smaller, or named otherwise, it
        is not."""
        dbs = [n for n, e in self.expect.items() if e.get("randomdb")]
        self.assertEqual(sorted(dbs), ["Contacts.SQLITE3", "secure.db"])
        for name in dbs:
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertIsNone(o["handler"])
                self.assertEqual(o["coverage"], "partial")
                self.assertEqual(o["coverage_reasons"], ["encrypted"])
                self.assertEqual(o["verdict"], "incomplete")
                self.assertIn("an encrypted SQLite database", str(o["errors"]))
        for name in ("cache.db", "tiny.db", "pages.bin"):
            with self.subTest(name=name):
                self.assertEqual(self.rec(name)["coverage"], "full")

    def test_split_archive_parts(self):
        """A later part of a split archive (.7z.002, .z01) is random bytes
        too, but named so: unsupported, and said why, not encrypted."""
        split = [n for n, e in self.expect.items() if e.get("split")]
        self.assertEqual(len(split), 2)
        for name in split:
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertEqual(o["coverage"], "partial")
                self.assertEqual(o["coverage_reasons"], ["unsupported"])
                self.assertIn("later part of a split archive", str(o["errors"]))

    def test_look_alikes(self):
        plain = [n for n, e in self.expect.items()
                 if not e["sealed"] and not e["partial"] and not e["unsupported"] and not e["decoded"]
                 and not e.get("random") and not e.get("split") and not e.get("randomdb")]
        for name in plain:
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertNotEqual(o["handler"], "sealed")
                self.assertNotIn("encrypted", o["coverage_reasons"])
                self.assertNotIn("encrypted", o["alerts"])
        # the text that quotes the signatures is read: its SSN is found
        self.assertIn("ssn", lsutil.entities(self.rec("howto.txt")))


if __name__ == "__main__":
    unittest.main()
