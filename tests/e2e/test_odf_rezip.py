#!/usr/bin/env python3
"""An ODF package whose "mimetype" is not its first member (re-zipped by a
tool) is still read as ODF, not as a plain zip (pandoc
test/odt/odt/referenceToText.odt). Fixture: tests/gen/gen_odf_rezip.py."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_odf_rezip  # noqa: E402


class OdfRezip(unittest.TestCase):
    def test_read_as_odf(self):
        with tempfile.TemporaryDirectory() as tmp:
            d = os.path.join(tmp, "o")
            gen_odf_rezip.generate(d)
            path = os.path.join(d, "rezipped.odt")
            _, m = lsutil.scan(tmp, [d])
            o = m.obj(path)
            self.assertEqual(o["handler"], "odf")
            self.assertEqual(o["coverage"], "full", o["errors"])
            self.assertIn("ssn", lsutil.entities(o), o["findings"])
            t = lsutil.run(["text", path]).stdout.decode("utf-8")
            self.assertIn("Employee Jane Roe, SSN 536-22-1874", t)
            # no "mimetype" member at all, named .ods (PhpSpreadsheet's
            # nomimetype.ods was read as a plain zip)
            path = os.path.join(d, "nomimetype.ods")
            o = m.obj(path)
            self.assertEqual(o["handler"], "odf")
            self.assertEqual(o["coverage"], "full", o["errors"])
            t = lsutil.run(["text", path]).stdout.decode("utf-8")
            self.assertIn("Jane Roe\tnomimetype.owner@example.org", t)
            # a zip not named as ODF stays an archive: its alerts stand
            z = m.obj(os.path.join(d, "parts.zip"))
            self.assertEqual(z["handler"], "archive")
            self.assertEqual(z["verdict"], "hostile")


if __name__ == "__main__":
    unittest.main()
