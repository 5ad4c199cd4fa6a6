#!/usr/bin/env python3
"""The vcard handler on hostile shapes (review5): a logical line folded past
the 1 MiB unfolding limit is said (limit:text), a comment line before
BEGIN:VCARD with an empty value is read without undefined behaviour (the
ASan+UBSan run halts on it), and one line folded at every other byte is
read in linear time (a 2 MB file: no time limit, coverage as for any file)."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402


def folded(value, width=75):
    """RFC 6350 folding: CRLF and one blank every width octets."""
    out, line = [], value
    while len(line) > width:
        out.append(line[:width])
        line = " " + line[width:]
    out.append(line)
    return "\r\n".join(out)


class VcardLimits(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.dir = os.path.join(cls.tmp.name, "cards")
        os.makedirs(d)

        def w(name, text):
            with open(os.path.join(d, name), "wb") as f:
                f.write(text.encode("ascii"))
        ssn = "SSN 536-22-1874 on file"
        w("small.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\n" + folded("NOTE:" + "x" * 200 + ssn) + "\r\nEND:VCARD\r\n")
        w("big.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\n" + folded("NOTE:" + "x" * (1200 * 1024) + ssn)
          + "\r\nEND:VCARD\r\n")
        w("comment.vcf", "#:\r\nBEGIN:VCARD\r\nN:\r\nNOTE:\r\nEND:VCARD\r\n")
        # one logical line without a colon, folded every other byte
        w("odd.vcf", "BEGIN:VCARD\r\nX\n" + " y\n" * 500000 + "END:VCARD\r\n")
        _, cls.m = lsutil.scan(cls.tmp.name, [d])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def obj(self, name):
        return self.m.obj(os.path.join(self.dir, name))

    def test_fold_split_value_found_below_the_limit(self):
        o = self.obj("small.vcf")
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertIn("ssn", lsutil.entities(o))

    def test_line_past_the_limit_is_said(self):
        o = self.obj("big.vcf")
        self.assertEqual(o["handler"], "vcard")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("limit:text", o["coverage_reasons"])

    def test_comment_and_empty_values(self):
        o = self.obj("comment.vcf")
        self.assertEqual(o["handler"], "vcard")
        self.assertEqual(o["coverage"], "full", o["errors"])

    def test_odd_folds(self):
        o = self.obj("odd.vcf")
        self.assertEqual(o["handler"], "vcard")
        self.assertEqual(o["coverage"], "full", o["errors"])


if __name__ == "__main__":
    unittest.main()
