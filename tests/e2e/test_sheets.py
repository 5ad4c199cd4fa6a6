#!/usr/bin/env python3
"""End-to-end tests for spreadsheet dates and numbers (issue #4/#5):
a date is stored as a day serial under a date number format, and leaksift
must write it as the user sees it, in ISO form ("1980-01-01"), in xlsx
(xl/styles.xml, workbookPr date1904), xls (FORMAT/XF/DATEMODE records)
and ods (office:date-value), so a date of birth next to a "Date of birth"
cell is found by the rule pack; numbers typed into cells (an SSN, a
15-digit card number) stay exact digits.

The xlsx files are generated into a temporary directory
(tests/gen/gen_sheets.py); the .xls and .ods files are LibreOffice
conversions of them, committed under tests/fixtures/sheets/ by
tests/gen/make_sheet_fixtures.sh (CI has no LibreOffice)."""
import os
import re
import shutil
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_sheets  # noqa: E402

FIXTURES = os.path.join(lsutil.SRC, "tests", "fixtures", "sheets")
KEY = b"sheets-e2e-fingerprint-key"
DOB = ["1980-01-01", "1985-01-01", "1986-01-02"]  # after Born, Date of birth, DOB


def fp(entity, value):
    return lsutil.fingerprint(KEY, entity, value)


def tokens(text):
    return set(re.split(r"[\s]+", text))


class SheetScan(unittest.TestCase):
    """Sheets generated into a directory (make), plus committed fixtures,
    scanned once with a known fingerprint key."""
    FIXTURE_NAMES = ()

    @classmethod
    def make(cls, outdir):
        raise NotImplementedError

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "sheets")
        os.makedirs(cls.dir)
        cls.make(cls.dir)
        for name in cls.FIXTURE_NAMES:
            shutil.copy(os.path.join(FIXTURES, name), cls.dir)
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def text(self, name):
        p = lsutil.run(["text", os.path.join(self.dir, name)])
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.decode("utf-8")


class SheetDates(SheetScan):
    FIXTURE_NAMES = ("dates.xls", "dates1904.xls", "dates.ods", "dates1904.ods")

    @classmethod
    def make(cls, outdir):
        cls.exp = gen_sheets.generate(outdir)

    def assert_rows(self, name, exp_of):
        """Each row reads "label<TAB>value" and no date serial is left."""
        text = self.text(name)
        lines = {line.rstrip() for line in text.splitlines()}
        for label, _, want in gen_sheets.rows_for(exp_of):
            if want:
                self.assertIn("%s\t%s" % (label, want), lines, "%s: row %r\n%s" % (name, label, text))
        toks = tokens(text)
        for serial in self.exp["dates1904.xlsx" if exp_of else "dates.xlsx"]["absent"]:
            self.assertNotIn(serial, toks, "%s: serial %s left in the text\n%s" % (name, serial, text))

    # ---- xlsx

    def test_xlsx_dates_1900(self):
        self.assert_rows("dates.xlsx", False)

    def test_xlsx_dates_1904(self):
        self.assert_rows("dates1904.xlsx", True)

    def test_xlsx_numbers_exact(self):
        text = self.text("dates.xlsx")
        self.assertIn("SSN\t536221874", text)
        self.assertIn("Card\t378282246310005", text)
        self.assertIn("Plain\t12345\t", text)  # a General number stays a number
        self.assertNotIn("E+", text)
        self.assertNotIn("E8", text)

    def test_xlsx_doubles_read_as_excel_shows_them(self):
        """Non-integral numbers are stored with up to 17 digits; they read
        with the 15 significant digits Excel shows (as the xls path does),
        so 'fraction digits' never look like a card or an account number."""
        G = gen_sheets.STYLE_GENERAL
        rows = [("Ratio", ("n", "4.6300000000000001E-2", G), "0.0463"),
                ("Share", ("n", "0.30458926666666664", G), "0.304589266666667"),
                ("Amex-like fraction", ("n", "0.375409796950681", G), "0.375409796950681"),
                ("Big", ("n", "1.5E+20", G), "150000000000000000000")]  # integral: digits
        path = os.path.join(self.dir, "doubles.xlsx")
        with open(path, "wb") as f:
            f.write(gen_sheets.zip_bytes(gen_sheets.xlsx_parts(False, rows)))
        lines = {line.rstrip() for line in self.text("doubles.xlsx").splitlines()}
        for label, _, want in rows:
            self.assertIn("%s\t%s" % (label, want), lines)

    def test_xlsx_without_styles_keeps_serials(self):
        """No styles.xml: nothing says a number is a date; serials stay
        (and no crash, full coverage)."""
        parts = [p for p in gen_sheets.xlsx_parts(False) if p[0] != "xl/styles.xml"]
        path = os.path.join(self.tmp.name, "nostyles.xlsx")
        with open(path, "wb") as f:
            f.write(gen_sheets.zip_bytes(parts))
        p = lsutil.run(["text", path])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"Born\t29221\t", p.stdout)

    def test_xlsx_hostile_styles(self):
        """Style indexes and format ids out of range, junk attributes: the
        numbers are written as numbers."""
        parts = dict(gen_sheets.xlsx_parts(False))
        sheet = parts["xl/worksheets/sheet1.xml"]
        sheet = sheet.replace('r="B2" s="1"', 'r="B2" s="99999999999"')
        sheet = sheet.replace('r="B3" s="2"', 'r="B3" s="-1"')
        sheet = sheet.replace('r="B6" s="5"', 'r="B6" s="4294967295"')
        parts["xl/worksheets/sheet1.xml"] = sheet
        parts["xl/styles.xml"] = parts["xl/styles.xml"].replace(
            '<xf numFmtId="22"', '<xf numFmtId="x22"')
        path = os.path.join(self.tmp.name, "hostile.xlsx")
        with open(path, "wb") as f:
            f.write(gen_sheets.zip_bytes(list(parts.items())))
        p = lsutil.run(["text", path])
        self.assertEqual(p.returncode, 0, p.stderr)
        out = p.stdout.decode()
        self.assertIn("Born\t29221\t", out)
        self.assertIn("Date of birth\t31048\t", out)
        self.assertIn("Locale date\t33069\t", out)
        self.assertIn("Hired\t45292.5\t", out)  # numFmtId "x22" reads as General
        self.assertIn("DOB\t1986-01-02\t", out)  # the untouched styles still apply

    def test_xlsx_iso_date_cells(self):
        """t="d" cells hold ISO 8601 text: written in the same form."""
        parts = dict(gen_sheets.xlsx_parts(False))
        sheet = parts["xl/worksheets/sheet1.xml"]
        sheet = sheet.replace('<c r="B2" s="1"><v>29221</v></c>',
                              '<c r="B2" t="d"><v>1975-05-06T00:00:00</v></c>')
        sheet = sheet.replace('<c r="B5" s="3"><v>45292.5</v></c>',
                              '<c r="B5" t="d"><v>2024-01-01T12:00:00.000Z</v></c>')
        parts["xl/worksheets/sheet1.xml"] = sheet
        path = os.path.join(self.tmp.name, "isodates.xlsx")
        with open(path, "wb") as f:
            f.write(gen_sheets.zip_bytes(list(parts.items())))
        p = lsutil.run(["text", path])
        self.assertEqual(p.returncode, 0, p.stderr)
        out = p.stdout.decode()
        self.assertIn("Born\t1975-05-06\t", out)
        self.assertIn("Hired\t2024-01-01 12:00:00\t", out)

    # ---- xls (LibreOffice conversions, committed)

    def test_xls_dates_1900(self):
        self.assert_rows("dates.xls", False)

    def test_xls_dates_1904(self):
        self.assert_rows("dates1904.xls", True)

    # ---- ods (LibreOffice conversions, committed)

    def assert_ods(self, name, epoch):
        text = self.text(name)
        for label, want in (("Born", "1980-01-01"), ("Date of birth", "1985-01-01"),
                            ("DOB", "1986-01-02"), ("Hired", "2024-01-01 12:00:00"),
                            ("Locale date", "1990-07-15"), ("SSN", "536221874"),
                            ("Card", "378282246310005")):
            # a row's cells joined by a tab (the value, then the displayed
            # text; a number shown with the same digits only as shown)
            self.assertRegex(text, r"(?m)^%s\t%s( |$)" % (re.escape(label), re.escape(want)),
                             "%s: %r" % (name, label))
        if epoch:
            self.assertIn("Epoch\t1904-01-01 ", text)

    def test_ods_dates(self):
        self.assert_ods("dates.ods", False)

    def test_ods_dates_1904(self):
        self.assert_ods("dates1904.ods", True)

    # ---- scan: the rule pack finds the dates of birth

    def test_scan_finds_dob(self):
        self.assertIsNotNone(self.m, self.proc.stderr)
        names = sorted(n for n in os.listdir(self.dir) if n.startswith("dates"))
        self.assertEqual(len(names), 6)
        for name in names:
            o = self.m.obj(os.path.join(self.dir, name))
            self.assertEqual(o["coverage"], "full", (name, o.get("coverage_reasons")))
            got = {ev.get("fingerprint") for f in o.get("findings", []) if f["entity"] == "dob"
                   for ev in f.get("evidence", [])}
            for d in DOB:
                self.assertIn(fp("dob", d), got, "%s: date of birth %s not found" % (name, d))
            ents = lsutil.entities(o)
            self.assertIn("ssn", ents, name)  # "SSN<TAB>536221874": the number kept exact

    def test_fixtures_small_and_real(self):
        for name in ("dates.xls", "dates1904.xls"):
            with open(os.path.join(FIXTURES, name), "rb") as f:
                data = f.read()
            self.assertLessEqual(len(data), 64 * 1024)
            self.assertTrue(data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), name)
        for name in ("dates.ods", "dates1904.ods"):
            path = os.path.join(FIXTURES, name)
            self.assertLessEqual(os.path.getsize(path), 64 * 1024)
            with zipfile.ZipFile(path) as z:
                self.assertIn(b'office:value-type="date"', z.read("content.xml"), name)


class SheetLayouts(SheetScan):
    """Numbers shown through digit layouts read as the spreadsheet shows
    them: Excel's Social Security Number format makes 12345678 read
    "012-34-5678" (as a bare number its leading zero and dashes are lost
    and no rule could see an SSN), its Phone Number format makes
    2128675309 "(212) 867-5309", its Zip Code format keeps the zero. The
    labels say nothing, so only the layout can make these findings."""
    FIXTURE_NAMES = ("layouts.xls", "layouts.ods")

    @classmethod
    def make(cls, outdir):
        with open(os.path.join(outdir, "layouts.xlsx"), "wb") as f:
            f.write(gen_sheets.zip_bytes(gen_sheets.xlsx_parts(False, gen_sheets.layout_rows())))

    def lines(self, name):
        return {ln.split("\t", 1)[0]: ln for ln in self.text(name).splitlines()}

    def test_text_as_shown(self):
        for name in ("layouts.xlsx", "layouts.xls", "layouts.ods"):
            lines = self.lines(name)
            for label, _, want in gen_sheets.layout_rows():
                self.assertIn(label, lines, name)
                if want:  # the ods cell's office:value is dropped: same digits
                    self.assertEqual(lines[label].rstrip(), "%s\t%s" % (label, want), name)
            if name != "layouts.ods":  # "#,##0" is no layout: digits as General shows them
                self.assertEqual(lines["Amount"].rstrip(), "Amount\t1234567", name)
            else:  # LibreOffice's shown text, which says the same digits
                self.assertEqual(lines["Amount"].rstrip(), "Amount\t1,234,567", name)

    def test_scan_finds_ssn_and_phone(self):
        self.assertIsNotNone(self.m, self.proc.stderr)
        for name in ("layouts.xlsx", "layouts.xls", "layouts.ods"):
            o = self.m.obj(os.path.join(self.dir, name))
            self.assertEqual(o["coverage"], "full", (name, o.get("coverage_reasons")))
            got = {(f["entity"], ev.get("fingerprint")) for f in o.get("findings", [])
                   for ev in f.get("evidence", [])}
            # (ods: the cell's office:value used to be written before the
            # shown "(212) 867-5309", and the phone rule's boundary refused
            # a number right after a digit run)
            want = [("ssn", "012345678"), ("ssn", "536221874"), ("phone", "2128675309")]
            for ent, value in want:
                self.assertIn((ent, fp(ent, value)), got, "%s: %s %s not found" % (name, ent, value))

    def test_fixtures_small_and_real(self):
        path = os.path.join(FIXTURES, "layouts.xls")
        self.assertLessEqual(os.path.getsize(path), 64 * 1024)
        with open(path, "rb") as f:
            self.assertTrue(f.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


if __name__ == "__main__":
    unittest.main()
