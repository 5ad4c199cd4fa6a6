#!/usr/bin/env python3
"""End-to-end tests for data an Office file keeps outside its cells and
paragraphs (docs/formats.md, ooxml, "Pivot caches and connections"):

- a pivot table's cache holds its whole source table, in attributes, after
  the source sheet was deleted: the names, the SSNs typed as numbers (found
  through their field's label), the e-mail addresses and the dates of birth
  of every row are found, the records read with their definition even when
  the zip stores them first;
- an Excel data connection and a Word mail-merge source keep their
  connection strings (with passwords) and SQL: the passwords are found;
- hostile pivot caches (indexes out of range, no definition) and a cut
  workbook give what can be read, never a crash;
- LibreOffice's own pivot caches (tests/fixtures/sheets/pivot_lo.xlsx and
  .xls, made by tests/gen/make_sheet_fixtures.sh): the .xlsx read with its
  source sheet deleted, the .xls cache (_SX_DB_CUR/0001, BIFF records) read
  as rows; and the .xls page header/footer without their layout codes;
- an .xls pivot cache whose string items run on into CONTINUE records (the
  8-bit/UTF-16 flag changing at the split or not): the items read whole,
  the e-mail address and the SSN cut by the split found.

Before this, each of these files was "clean". Fixtures: tests/gen/gen_pivot.py."""
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_pivot  # noqa: E402

KEY = b"pivot-e2e-fingerprint-key"
FIXTURES = os.path.join(lsutil.SRC, "tests", "fixtures", "sheets")


def fp(entity, value):
    return lsutil.fingerprint(KEY, entity, value)


class PivotAndConnections(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "pivot")
        gen_pivot.generate(cls.dir)
        with open(os.path.join(FIXTURES, "pivot_lo.xlsx"), "rb") as f:
            lo = f.read()
        with open(os.path.join(cls.dir, "lo_source_deleted.xlsx"), "wb") as f:
            f.write(gen_pivot.drop_sheet(lo, "Employees"))
        shutil.copy(os.path.join(FIXTURES, "pivot_lo.xls"), os.path.join(cls.dir, "lo.xls"))
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def obj(self, name):
        self.assertIsNotNone(self.m, self.proc.stderr)
        return self.m.obj(os.path.join(self.dir, name))

    def found(self, name):
        return {(f["entity"], ev.get("fingerprint")) for f in self.obj(name).get("findings", [])
                for ev in f.get("evidence", [])}

    def text(self, name):
        p = lsutil.run(["text", os.path.join(self.dir, name)])
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.decode("utf-8")

    def test_pivot_cache_rows_are_read(self):
        text = self.text("pivot.xlsx")
        self.assertIn("pivot cache source: Employees!A1:E4", text)
        self.assertIn("Name\tSSN\tEmail\tSalary\tDOB\n", text)  # the calculated field is no column
        for name, ssn, email, salary, dob in gen_pivot.PEOPLE:
            # shared-item indexes resolved, numbers as General, dates ISO
            self.assertIn("%s\t%d\t%s\t%d\t%s\n" % (name, ssn, email, salary, dob), text)
        for name in gen_pivot.NAMES:  # the definition's items, each by its field's name
            self.assertIn("\nName: %s\n" % name, text)
        for ssn in gen_pivot.SSNS:
            self.assertIn("\nSSN: %d\n" % ssn, text)

    def test_pivot_cache_pii_found(self):
        o = self.obj("pivot.xlsx")
        self.assertEqual(o["coverage"], "full", o.get("coverage_reasons"))
        self.assertTrue(o["quarantine"])
        got = self.found("pivot.xlsx")
        for name, ssn, email, salary, dob in gen_pivot.PEOPLE:
            self.assertIn(("ssn", fp("ssn", "%09d" % ssn)), got, ssn)
            self.assertIn(("email", fp("email", email)), got, email)
            self.assertIn(("dob", fp("dob", dob)), got, dob)

    def test_cache_without_records(self):
        got = self.found("pivot_nodata.xlsx")
        for ssn in gen_pivot.SSNS:  # distinct values, each labelled by its field
            self.assertIn(("ssn", fp("ssn", "%09d" % ssn)), got, ssn)

    def test_connection_passwords_found(self):
        for name, password in gen_pivot.PASSWORDS.items():
            o = self.obj(name)
            self.assertEqual(o["coverage"], "full", (name, o.get("coverage_reasons")))
            self.assertIn(("password", fp("password", password)), self.found(name), name)
            self.assertNotIn(password, self.m.text, "a full secret in the manifest")
        self.assertIn("command: SELECT emp_name, ssn, salary FROM dbo.employees", self.text("connections.xlsx"))
        self.assertIn("mail merge query: SELECT * FROM `Employees` WHERE `Bonus` > 0",
                      self.text("mailmerge.docx"))
        self.assertIn("document variable ClientMatter: Matter 2014-0117 for jane.doe@example.com",
                      self.text("mailmerge.docx"))
        self.assertIn(("email", fp("email", "jane.doe@example.com")), self.found("mailmerge.docx"))

    def test_workbook_names_and_reservation(self):
        text = self.text("names.xlsx")
        self.assertIn("defined name HTML_Email: \"%s\"\n" % gen_pivot.NAME_EMAIL, text)
        self.assertIn("defined name Salaries: Payroll!$A$1:$D$40\n", text)
        self.assertNotIn("Print_Area", text)  # a built-in name is layout, not data
        self.assertIn("reserved by: %s\n" % gen_pivot.RESERVED_BY, text)
        got = self.found("names.xlsx")
        self.assertIn(("email", fp("email", gen_pivot.NAME_EMAIL)), got)
        self.assertIn(("email", fp("email", gen_pivot.RESERVED_BY)), got)

    def test_ods_names_databases_forms(self):
        text = self.text("names.ods")
        for line in ("named expression: HTML_Email", 'expression: of:="%s"' % gen_pivot.NAME_EMAIL,
                     "database range: Staff", "database: payroll", "SQL: SELECT name, ssn FROM employees",
                     "form data source: payroll", "form command: SELECT * FROM staff"):
            self.assertIn(line + "\n", text)
        self.assertIn("connection: jdbc:mysql://hr:", text)
        got = self.found("names.ods")
        self.assertIn(("email", fp("email", gen_pivot.NAME_EMAIL)), got)
        self.assertIn("password", {e for e, _ in got})

    def test_hostile_cache(self):
        o = self.obj("pivot_hostile.xlsx")
        self.assertEqual(o["coverage"], "full", o.get("coverage_reasons"))
        text = self.text("pivot_hostile.xlsx")
        # in range: resolved; out of range, negative, empty: nothing
        self.assertIn("B-2\tlast\n", text)
        self.assertNotIn("99999999999", text)
        self.assertIn("past the fields", text)

    def test_cut_workbook(self):
        o = self.obj("pivot_cut.xlsx")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        emails = {ev.get("fingerprint") for f in o.get("findings", []) if f["entity"] == "email"
                  for ev in f.get("evidence", [])}
        self.assertIn(fp("email", gen_pivot.PEOPLE[0][2]), emails)

    def assert_rows(self, text, name):
        self.assertIn("Name\tSSN\tEmail\tSalary\tDOB\n", text, name)
        for person, ssn, email, salary, dob in gen_pivot.PEOPLE:
            self.assertIn("%s\t%d\t%s\t%d\t%s\n" % (person, ssn, email, salary, dob), text, name)

    def assert_pii(self, name):
        got = self.found(name)
        for _, ssn, email, _, dob in gen_pivot.PEOPLE:
            self.assertIn(("ssn", fp("ssn", "%09d" % ssn)), got, (name, ssn))
            self.assertIn(("email", fp("email", email)), got, (name, email))
            self.assertIn(("dob", fp("dob", dob)), got, (name, dob))

    def test_libreoffice_xlsx_without_its_source_sheet(self):
        text = self.text("lo_source_deleted.xlsx")
        self.assertNotIn("sheet: Employees", text)  # only the cache has the people now
        self.assertIn("pivot cache source: Employees!A1:E4", text)
        self.assert_rows(text, "lo_source_deleted.xlsx")
        self.assert_pii("lo_source_deleted.xlsx")
        self.assertEqual(self.obj("lo_source_deleted.xlsx")["coverage"], "full")

    def test_libreoffice_xls_cache(self):
        text = self.text("lo.xls")
        cache = text[text.index("[Pivot cache 0001]"):]  # after the sheets
        for person, ssn, _, _, dob in gen_pivot.PEOPLE:
            self.assertIn("Name: %s\n" % person, cache)
            self.assertIn("DOB: %s\n" % dob, cache)  # SXDtr items as ISO dates
        self.assert_rows(cache, "lo.xls")
        self.assert_pii("lo.xls")
        self.assertEqual(self.obj("lo.xls")["coverage"], "full")

    def test_xls_cache_strings_continued(self):
        for name in ("pivot_continue.xls", "pivot_continue_mixed.xls"):
            text = self.text(name)
            cache = text[text.index("[Pivot cache 0001]"):]
            for (note, _), person in zip(gen_pivot.XLS_NOTES, gen_pivot.XLS_NAMES):
                self.assertIn("\nNotes: %s\n" % note, cache, name)     # the field's item
                self.assertIn("\n%s\t%s\n" % (person, note), cache, name)  # the row
            o = self.obj(name)
            self.assertEqual(o["coverage"], "full", (name, o.get("coverage_reasons")))
            got = self.found(name)
            self.assertIn(("email", fp("email", "harriet.okafor@example.net")), got, name)
            self.assertIn(("ssn", fp("ssn", "536221874")), got, name)

    def test_xls_header_footer_without_codes(self):
        # LibreOffice's default page style: header "&C&A" (the sheet name
        # field), footer "&CPage &P"
        text = self.text("lo.xls")
        self.assertNotIn("&C", text)
        self.assertNotIn("&P", text)
        self.assertIn("\nPage \n", text)


if __name__ == "__main__":
    unittest.main()
