#!/usr/bin/env python3
"""Addresses spelled out against harvesters ("jane.roe (at) corp.example",
"j.okafor[at]corp[dot]co[dot]uk", "info {AT} firma [DOT] de": web pages,
signatures, forum posts) are added to the text as addresses
(src/pipeline/pipeline.c, spelled_addresses()). Only a bracketed "at"
counts; a host needs two labels and a last one of letters."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

PAGE = (b"<html><body><p>Contact our payroll desk: jane.roe (at) acme-payroll.com</p>"
        b"<p>UK office: j.okafor[at]acme-payroll[dot]co[dot]uk</p></body></html>\n")
SIG = b"--\nMax Muster\ninfo {AT} firma-muster [DOT] de\n"
DECOY = (b"Meet me (at) noon in the lobby. Lunch (at) 12.30 sharp; price (at) 5.00 each.\n"
         b"Files [at] home; a (at) b (dot); (at) corp.example\n")


class Spelled(lsutil.FilesTree):
    FILES = {"contact.html": PAGE, "signature.txt": SIG, "decoy.txt": DECOY}

    def emails(self, name):
        return sorted(v.split("@")[1] for v in self.found(name, "email"))

    def test_page(self):
        self.assertEqual(self.emails("contact.html"), ["acme-payroll.co.uk", "acme-payroll.com"])

    def test_signature(self):
        self.assertEqual(self.emails("signature.txt"), ["firma-muster.de"])

    def test_decoys(self):
        self.assertEqual(self.emails("decoy.txt"), [])


if __name__ == "__main__":
    unittest.main()
