#!/usr/bin/env python3
"""An empty content stream that declares /FlateDecode (/Length 0) is no
damage: the PDF is read in full (qpdf
qpdf/qtest/qpdf/empty-stream-compressed.pdf was partial, "content stream
5: truncated"). Fixture: tests/gen/gen_pdf_empty.py."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_pdf_empty  # noqa: E402


class PdfEmptyFlate(unittest.TestCase):
    def test_full(self):
        with tempfile.TemporaryDirectory() as tmp:
            d = os.path.join(tmp, "p")
            gen_pdf_empty.generate(d)
            _, m = lsutil.scan(tmp, [d])
            o = m.obj(os.path.join(d, "empty_flate.pdf"))
            self.assertEqual(o["handler"], "pdf")
            self.assertEqual(o["coverage"], "full", o["errors"])
            self.assertIn("ssn", lsutil.entities(o), o["findings"])


if __name__ == "__main__":
    unittest.main()
