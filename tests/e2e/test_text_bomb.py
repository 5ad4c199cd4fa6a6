#!/usr/bin/env python3
"""End-to-end: text that outgrows its object past the bomb ratio is a bomb.
A small xlsx whose thousands of cells all repeat one long shared string (the
shape of Apache POI's poc-shared-strings.xlsx: 110 KB giving 64 MiB of text)
is cut at max(bomb floor, ratio x its size): `partial` with `limit:text`, a
`zip_bomb` alert, `hostile`, and the text before the cut still scanned. A
workbook that repeats a string a few hundred times is no bomb.
(Fixtures: tests/gen/gen_docs.py's xlsx writer, into a temporary dir.)"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
import gen_docs  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")
RATIO, FLOOR = 200, 1 << 20  # the defaults (--bomb-ratio, --bomb-floor)


def workbook(path, text, rows):
    sheet = gen_docs.x_sheet([[(0, "s")]] * rows)
    gen_docs.write_zip(path, gen_docs.xlsx_parts([("Sheet1", sheet)], gen_docs.x_sst([text])))


class TextBomb(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = os.path.join(cls.tmp.name, "in")
        os.makedirs(d)
        long = "SSN 536-22-1874 " + "lorem ipsum dolor " * 600  # ~10.8 KB, said 4,000 times
        workbook(os.path.join(d, "amplified.xlsx"), long, 4000)
        workbook(os.path.join(d, "repeated.xlsx"), "Approved by jane.doe@example.com " * 3, 300)
        out = os.path.join(cls.tmp.name, "m.jsonl")
        p = subprocess.run([LEAKSIFT, "scan", "-q", "-o", out, d], capture_output=True, timeout=300)
        if p.returncode not in (0, 1):
            raise RuntimeError(p.stderr)
        with open(out, encoding="utf-8") as f:
            cls.roots = {os.path.basename(r["path"]): r for r in map(json.loads, f)
                         if r["record"] == "object" and r["depth"] == 0}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_amplified_text_is_cut_at_the_bomb_ratio(self):
        r = self.roots["amplified.xlsx"]
        size = r["file"]["size"]
        cap = max(FLOOR, RATIO * size)
        self.assertLess(cap, 4000 * 10000, "the fixture must amplify past the cap")
        self.assertEqual(r["coverage"], "partial")
        self.assertIn("limit:text", r["coverage_reasons"])
        self.assertIn("zip_bomb", r["alerts"])
        self.assertEqual(r["verdict"], "hostile")
        self.assertGreaterEqual(r["text_bytes"], cap - 64 * 1024)
        self.assertLessEqual(r["text_bytes"], cap + 64 * 1024)
        self.assertIn("ssn", {f["entity"] for f in r["findings"]})

    def test_repeated_strings_are_no_bomb(self):
        r = self.roots["repeated.xlsx"]
        self.assertEqual((r["coverage"], r["alerts"]), ("full", []), r["errors"])
        self.assertGreater(r["text_bytes"], 300 * 90)
        self.assertEqual(r["verdict"], "sensitive")


if __name__ == "__main__":
    unittest.main()
