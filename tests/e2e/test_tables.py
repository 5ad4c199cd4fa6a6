#!/usr/bin/env python3
"""End-to-end: PII under a header row (src/extract/tablectx.h, csv.c).

A leaked table puts "SSN" and "Date of birth" in a header row and bare
values below it (536221874, 1975-03-14), where no context rule can see the
label. For each record below the header leaksift appends one line of its
values that need their label ("SSN: 536221874<TAB>Date of birth:
1975-03-14"), for CSV/TSV (any delimiter, quoted fields, UTF-16 and
Windows-1252 exports) and for xlsx, xls and ods sheets; the cells are
written as always. Each test asserts those lines (`leaksift text`) and the
distinct SSNs and dates of birth a scan finds; the negatives assert that a
two-column "label | value" form keeps its own adjacency (its DOB found next
to its label, counted once), that prose with commas is not taken for a
table, and that a value in a cell and in its labelled line counts once.

Cells of a docx, pptx, odt or HTML table row are joined by a tab, never by a
space (docs/formats.md): numbers in neighbouring cells ("Mobile | 303 | 862
| 4410", "Units | 4532 | 0151 | 1283 | 0366", a nested "4111 | 1111 1111
1111") must give no phone or card number, while a "SSN | 536221874" or
"Date of birth | 1975-03-14" form row still gives its finding (split.*).

CSV/TSV and xlsx files are generated into a temporary directory
(tests/gen/gen_tables.py); the .xls and .ods files are LibreOffice
conversions of the xlsx, committed under tests/fixtures/tables/ by
tests/gen/make_table_fixtures.sh (CI has no LibreOffice)."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_tables  # noqa: E402

FIXTURES = os.path.join(lsutil.SRC, "tests", "fixtures", "tables")


def values(obj, entity):
    """Distinct values of an entity in one object (by fingerprint)."""
    return {e["fingerprint"] for f in obj["findings"] if f["entity"] == entity
            for e in f["evidence"]}


class Tables(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_tables.generate(cls.dir)
        cls.paths = [os.path.join(cls.dir, n) for n in sorted(os.listdir(cls.dir))]
        cls.paths += [os.path.join(FIXTURES, n) for n in ("staff.xls", "staff.ods")]
        proc, cls.m = lsutil.scan(cls.tmp.name, cls.paths)
        assert cls.m is not None, proc.stderr.decode()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(FIXTURES if name.endswith((".xls", ".ods")) else self.dir, name)

    def text(self, name):
        p = lsutil.run(["text", self.path(name)])
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        return p.stdout.decode("utf-8")

    def check_table(self, name, exp, handler):
        o = self.m.obj(self.path(name))
        self.assertEqual(o["handler"], handler)
        self.assertEqual(o["coverage"], "full", o)
        self.assertEqual(len(values(o, "ssn")), exp["ssn"], (name, o["findings"]))
        self.assertEqual(len(values(o, "dob")), exp["dob"], (name, o["findings"]))
        text = self.text(name)
        for line in exp["labelled"]:
            self.assertIn(line, text, name)

    def test_csv_comma_with_title_row(self):
        self.check_table("staff.csv", self.expect["staff.csv"], "csv")
        # UTF-8: the raw bytes are scanned as they are, then the labels: both
        # are printed; names carry no digits and need no label; an empty cell
        # shifts nothing
        with open(os.path.join(self.dir, "staff.csv"), "rb") as f:
            raw = f.read().decode("utf-8")
        self.assertEqual(self.text("staff.csv"), raw +
                         "Employee ID: E10023\tSSN: 536221874\tDate of birth: 1975-03-14\tPhone: 2127365000\n"
                         "SSN: 536221875\tDate of birth: 1980-01-02\tPhone: 2127365001\n"
                         "Employee ID: E10031\tSSN: 536221876\tDate of birth: 1991-11-30\tPhone: 2127365002\n")

    def test_csv_semicolon_quoted_fields(self):
        self.check_table("staff_semi.csv", self.expect["staff_semi.csv"], "csv")
        text = self.text("staff_semi.csv")
        # a delimiter, "" and a line break inside quotes shift no column
        self.assertIn("SSN: 536221874\tDate of birth: 14.03.1975\tPhone: 2127365000\n", text)
        self.assertIn("SSN: 536221875\tDate of birth: 02.01.1980\tPhone: 2127365001\n", text)

    def test_tsv_utf16_export(self):
        self.check_table("staff.tsv", self.expect["staff.tsv"], "csv")

    def test_csv_cp1252_two_title_rows(self):
        self.check_table("staff_1252.csv", self.expect["staff_1252.csv"], "csv")
        text = self.text("staff_1252.csv")
        self.assertIn('"Zoë Adams"', text)  # converted, then the labels
        self.assertIn("SSN: 536221876\tDate of birth: 1991-11-30", text)

    def test_xlsx(self):
        self.check_table("staff.xlsx", self.expect["staff.xlsx"], "ooxml")
        text = self.text("staff.xlsx")
        self.assertIn("Jane Roe\tE10023\t536221874\t1975-03-14\t2127365000", text)  # the cells
        self.assertIn("\nSSN: 536221875\tDate of birth: 1980-01-02\tPhone: 2127365001\n", text)

    def test_xls_and_ods(self):
        exp = gen_tables.expectation()
        self.check_table("staff.xls", exp, "ole2")
        self.check_table("staff.ods", exp, "odf")
        for name in ("staff.xls", "staff.ods"):
            text = self.text(name)
            for line in ("SSN: 536221874\tDate of birth: 1975-03-14\tPhone: 2127365000\n",
                         "SSN: 536221876\tDate of birth: 1991-11-30\tPhone: 2127365002\n"):
                self.assertIn(line, text, name)  # the last row too

    def test_docx_table(self):
        self.check_table("memo.docx", self.expect["memo.docx"], "ooxml")
        text = self.text("memo.docx")
        # labels joined across runs; the merged Contact cell spans two columns,
        # so the phone in the fifth column is under it
        self.assertIn("SSN: 536221874\tDate of birth: 1975-03-14\tContact: 2127365000\n", text)
        self.assertIn("Regards", text)

    def test_html_table(self):
        self.check_table("memo.html", self.expect["memo.html"], "html")
        text = self.text("memo.html")
        # a <th> broken over lines, colspan=2, unclosed <td>, a nested table
        # (its own cells get no labels and shift nothing)
        for ssn, dob, phone in (("536221874", "1975-03-14", "2127365000"),
                                ("536221876", "1991-11-30", "2127365002")):
            self.assertIn("SSN: %s\tDate of birth: %s\tContact: %s\n" % (ssn, dob, phone), text)
        self.assertNotIn("nested: ", text)

    def test_password_column(self):
        """Values under a Password header are labelled whatever they look
        like (no digits needed): 'Password: hunter2!'."""
        for name in ("passwords.csv", "passwords.html"):
            o = self.m.obj(self.path(name))
            self.assertEqual(len(values(o, "password")), 2, (name, o["findings"]))
            text = self.text(name)
            self.assertIn("Password: hunter2!", text, name)
            self.assertNotIn("Notes: old", text, name)  # other columns: no digits, no label

    def test_two_column_form_keeps_its_adjacency(self):
        o = self.m.obj(self.path("form.xlsx"))
        text = self.text("form.xlsx")
        self.assertIn("Date of birth\t1975-03-14", text)
        self.assertEqual(len(values(o, "dob")), 1, o["findings"])
        self.assertEqual(len(values(o, "ssn")), 1, o["findings"])
        self.assertEqual([f["count"] for f in o["findings"] if f["entity"] in ("ssn", "dob")], [1, 1])

    def test_prose_with_commas_is_not_a_table(self):
        o = self.m.obj(self.path("prose.txt"))
        self.assertEqual(o["handler"], "text")
        self.assertEqual(o["text_bytes"], 0)

    def check_split(self, name, handler):
        """Numbers in neighbouring cells stay apart; a label|value row keeps
        its finding; a row is one line without a leading or trailing tab."""
        o = self.m.obj(self.path(name))
        self.assertEqual(o["handler"], handler)
        self.assertEqual(o["coverage"], "full", o)
        exp = gen_tables.SPLIT_EXPECT

        def last4(entity):
            return {e["redacted"][-4:] for f in o["findings"] if f["entity"] == entity for e in f["evidence"]}
        self.assertEqual(last4("credit_card"), exp["credit_card"], o["findings"])
        self.assertEqual(last4("phone"), exp["phone"], o["findings"])
        self.assertEqual(last4("ssn"), exp["ssn"], o["findings"])
        self.assertEqual(len(values(o, "dob")), exp["dob"], o["findings"])
        text = self.text(name)
        for line in gen_tables.SPLIT_LINES:
            self.assertIn(line, text, name)
        for line in text.split("\n"):
            self.assertFalse(line.startswith("\t") or line.endswith("\t") or line.endswith(" "),
                             (name, line))

    def test_split_numbers_docx(self):
        self.check_split("split.docx", "ooxml")

    def test_split_numbers_odt(self):
        self.check_split("split.odt", "odf")

    def test_split_numbers_pptx(self):
        self.check_split("split.pptx", "ooxml")

    def test_split_numbers_html(self):
        self.check_split("split.html", "html")

    def test_html_cell_blocks_join(self):
        # Outlook writes every cell as <p class=MsoNormal>: the label and its
        # value stay on one line, a nested table's rows are lines of their own
        d = os.path.join(self.tmp.name, "outlook")
        os.makedirs(d)
        p = os.path.join(d, "mail.html")
        with open(p, "w") as f:
            f.write("<html><body><table><tr><td><p class=MsoNormal>SSN<o:p></o:p></p></td>\n"
                    "<td><p class=MsoNormal>536221874<o:p></o:p></p></td></tr>\n"
                    "<tr><td><div>Date of birth</div></td><td><div>1975-03-14</div><br></td></tr>\n"
                    "<tr><td>x</td><td><table><tr><td>4111</td><td>1111 1111 1111</td></tr>"
                    "<tr><td>a</td><td>b</td></tr></table></td><td>y</td></tr></table></body></html>")
        _, m = lsutil.scan(d, [p])
        o = m.obj(p)
        self.assertEqual(sorted({f["entity"] for f in o["findings"]}), ["dob", "ssn"], o["findings"])
        r = lsutil.run(["text", p])
        self.assertEqual(r.stdout.decode(), "SSN\t536221874\nDate of birth\t1975-03-14\n"
                                            "x\n4111\t1111 1111 1111\na\tb\ny\n")

    def test_labels_count_each_value_once(self):
        # the raw bytes and the labelled text both hold a formatted value:
        # it is one value, counted once
        d = os.path.join(self.tmp.name, "once")
        os.makedirs(d)
        p = os.path.join(d, "ssn.csv")
        with open(p, "w") as f:
            f.write("name,ssn,city\nJane,536-22-1874,Boston\n")
        _, m = lsutil.scan(d, [p])
        o = m.obj(p)
        counts = [f["count"] for f in o["findings"] if f["entity"] == "ssn"]
        self.assertTrue(counts and all(c == 1 for c in counts), o["findings"])


if __name__ == "__main__":
    unittest.main()
