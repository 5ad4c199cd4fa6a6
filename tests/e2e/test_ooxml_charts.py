#!/usr/bin/env python3
"""A chart's cached values are values of their own, one per line: four
cached 4-digit values set apart by spaces read "4486 4486 4486 4486", a
grouped Luhn-valid card number (SheetJS test_files
2013/apachepoi_12843-1.xls.xlsb). Fixture: tests/gen/gen_charts.py."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_charts  # noqa: E402


class ChartCache(unittest.TestCase):
    def test_no_card_from_chart_values(self):
        with tempfile.TemporaryDirectory() as tmp:
            d = os.path.join(tmp, "c")
            gen_charts.generate(d)
            path = os.path.join(d, "chart_cache.xlsx")
            _, m = lsutil.scan(tmp, [d])
            o = m.obj(path)
            self.assertEqual(o["coverage"], "full", o["errors"])
            self.assertNotIn("credit_card", lsutil.entities(o), o["findings"])
            t = lsutil.run(["text", path]).stdout.decode("utf-8")
            self.assertIn("Units Shipped", t)
            self.assertIn("\n4486\n4486\n", t)  # the cache, one value per line
            self.assertNotIn("4486 4486", t)


if __name__ == "__main__":
    unittest.main()
