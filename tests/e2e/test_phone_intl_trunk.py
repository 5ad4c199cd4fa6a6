#!/usr/bin/env python3
"""A labelled phone number written with the 00 international prefix and the
trunk zero in parentheses ("Phone: 0044 (0) 20 7946 0958", as British and
German letterheads print it; rulesred8 found it missed). rules/mkpack.py,
pii_phone_national: an optional "(0)" after the first group."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

TEXT = (b"Contact: Jane Roe\nPhone: 0044 (0) 20 7946 0958\n"
        b"Kontakt: Max Muster\nTel.: 0049 (0) 30 1234 5678\n")


class PhoneIntlTrunk(lsutil.FilesTree):
    FILES = {"letterhead.txt": TEXT}

    def test_found(self):
        ev = self.found("letterhead.txt", "phone")
        self.assertEqual(sorted(x[-4:] for x in ev), ["0958", "5678"], ev)

if __name__ == "__main__":
    unittest.main()
