"""End-to-end: OLE2 / Office 97-2003 / Outlook .msg.

Runs `leaksift scan` on files made by tests/gen/gen_ole2.py (into a
temporary directory) and on the LibreOffice-made fixtures committed in
tests/fixtures/ole2/ (see tests/gen/make_ole2_fixtures.sh), and checks
the manifest: handler, findings in the right object (children by chain),
coverage reasons for damaged and encrypted files, the macro alert.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

GEN = os.path.join(lsutil.SRC, "tests", "gen", "gen_ole2.py")
sys.path.insert(0, os.path.dirname(GEN))
import gen_ole2  # noqa: E402
FIX = os.path.join(lsutil.SRC, "tests", "fixtures", "ole2")


def last4(obj, entity):
    """Last four characters of each redacted value of entity in obj."""
    out = set()
    for f in obj.get("findings", []):
        if f["entity"] == entity:
            out |= {e["redacted"][-4:] for e in f["evidence"]}
    return out


def text_evidence(obj, entity):
    """Redacted values of entity found in extracted text (not raw bytes)."""
    return {e["redacted"] for f in obj.get("findings", []) if f["entity"] == entity
            for e in f["evidence"] if e.get("where") == "text"}


class Ole2Test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.tree = os.path.join(cls.tmp.name, "tree")
        subprocess.run([sys.executable, GEN, cls.tree], check=True)
        for name in ("pii_doc.doc", "pii_xls.xls", "pii_ppt.ppt"):
            shutil.copy(os.path.join(FIX, name), cls.tree)
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.tree])
        assert cls.m is not None, cls.proc.stderr.decode(errors="replace")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def obj(self, name, chain=()):
        return self.m.obj(os.path.join(self.tree, name), chain)

    def text(self, name):
        p = lsutil.run(["text", os.path.join(self.tree, name)])
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.decode("utf-8")

    # ---- LibreOffice-made documents ----

    def test_doc_body_table_header_properties(self):
        o = self.obj("pii_doc.doc")
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertEqual(last4(o, "ssn"), {"1874"})          # decoy 000-12-3456 rejected
        self.assertEqual(last4(o, "credit_card"), {"9855"})  # table cell; Luhn decoy rejected
        self.assertIn("marking", lsutil.entities(o))        # CONFIDENTIAL in the page header
        emails = {e["redacted"] for f in o["findings"] if f["entity"] == "email" for e in f["evidence"]}
        self.assertIn("h***@example.com", emails)           # header text
        self.assertTrue(text_evidence(o, "email"))

    def test_wide_property(self):
        # A VT_LPWSTR Comments property: only readable by parsing the set.
        self.assertIn("p***@example.com", text_evidence(self.obj("plain.doc"), "email"))

    def test_document_properties(self):
        # The Comments property (SummaryInformation) carries props.owner@.
        for name in ("pii_doc.doc", "pii_xls.xls", "pii_ppt.ppt"):
            o = self.obj(name)
            emails = {e["redacted"] for f in o["findings"] if f["entity"] == "email" for e in f["evidence"]}
            self.assertIn("p***@example.com", emails, name)

    def test_xls_number_sst_continue(self):
        o = self.obj("pii_xls.xls")
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        # 536221874 is a NUMBER cell (a double in the file): only readable as
        # "536221874" from extracted text, never as 5.36E+08.
        self.assertIn("1874", last4(o, "ssn"))
        self.assertTrue(text_evidence(o, "ssn"))
        # A card after 9,000 bytes of Cyrillic (16-bit SST string split by CONTINUE).
        self.assertIn("4476", last4(o, "credit_card"))
        self.assertIn("9855", last4(o, "credit_card"))
        emails = {e["redacted"] for f in o["findings"] if f["entity"] == "email" for e in f["evidence"]}
        self.assertIn("l***@example.com", emails)           # long.string@ at the end of an 8 KiB+ string

    def test_ppt_text_atoms(self):
        o = self.obj("pii_ppt.ppt")
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertIn("9855", last4(o, "credit_card"))
        self.assertIn("1874", last4(o, "ssn"))
        self.assertTrue(text_evidence(o, "ssn"))             # TextCharsAtom is UTF-16

    # ---- generated documents ----

    def test_plain_doc_unicode_piece(self):
        o = self.obj("plain.doc")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertEqual(o["alerts"], [])
        # The card is only in the UTF-16 piece: found in text, not raw bytes.
        self.assertIn("**** **** **** 9855", text_evidence(o, "credit_card"))
        self.assertIn("1874", last4(o, "ssn"))

    def test_doc_name_lists(self):
        """Word's revision log (SttbSavedBy: who saved, to which path),
        revision-mark and comment authors and the template path live in the
        table stream, not in the property sets: read, so a value in a user
        name or a folder name is found."""
        o = self.obj("names.doc")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        t = self.text("names.doc")
        for line in ("Saved by: Jane Roe", "Saved to: C:\\Users\\jroe\\Desktop\\memo.doc",
                     "Saved by: " + gen_ole2.NAMES_EMAIL, "Saved to: " + gen_ole2.SAVED_BY_PATH,
                     "Revision author: Reviewer Quokka", "Comment author: Legal Numbat",
                     "Associated: Q:\\templates\\hr-letter.dot"):
            self.assertIn(line + "\n", t)
        self.assertIn(gen_ole2.NAMES_SSN[-4:], last4(o, "ssn"))
        self.assertIn(gen_ole2.NAMES_EMAIL.split("@")[1], str(o["findings"]))

    def test_doc_name_list_cut(self):
        """A list cut short is parse_error; the document text and the other
        lists are still read."""
        o = self.obj("names_cut.doc")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        t = self.text("names_cut.doc")
        self.assertIn("Employee SSN", t)
        self.assertIn("Comment author: Legal Numbat", t)

    def test_doc_fast_save_leftovers(self):
        """A fast-saved Word 97+ file (fComplex) keeps the text its edits
        deleted in WordDocument where no piece points: read under a marker
        line, 8-bit and UTF-16; a formatting page (FKP) is not text."""
        o = self.obj("fastsaved.doc")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        t = self.text("fastsaved.doc")
        marker = "[text outside the document's pieces (fast save)]"
        self.assertIn(marker, t)
        left = t[t.index(marker):]
        self.assertIn("bonus for SSN %s withheld." % gen_ole2.DELETED_SSN, left)
        self.assertIn("write to %s" % gen_ole2.DELETED_EMAIL, left)
        self.assertNotIn("FKP bytes", t)
        self.assertIn("Employee SSN", t[:t.index(marker)])  # the pieces come first
        self.assertIn(gen_ole2.DELETED_SSN[-4:], last4(o, "ssn"))
        self.assertIn(gen_ole2.DELETED_EMAIL.split("@")[1], str(o["findings"]))
        self.assertNotIn(marker, self.text("plain.doc"))  # not fast-saved: no scan

    def test_word6_overlapping_pieces(self):
        """A fast-saved Word 6 file whose 4000 pieces all claim the same
        8 KiB stretch (control bytes: no text, so the text budget never
        stops them): reading pieces x stretch would be 32 MB for a 57 KB
        stream. The pieces may make leaksift read at most twice the stream
        (at least 1 MiB); past that the rest are not read, said so
        (parse_error), and the stretches no piece read are still read by
        the leftover pass: the deleted paragraph and the tail."""
        o = self.obj("hostile_w6_pieces.doc")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertIn("more than twice the WordDocument stream", str(o["errors"]))
        self.assertIn("1874", last4(o, "ssn"))
        t = self.text("hostile_w6_pieces.doc")
        for part in (gen_ole2.W6_HOSTILE_KEPT, gen_ole2.W6_HOSTILE_DELETED, gen_ole2.W6_HOSTILE_TAIL):
            self.assertIn(part.replace("\r", "\n"), t)
        # the appended edit lies past fcMac, reachable only through a piece
        # after the budget ran out
        self.assertNotIn(gen_ole2.W6_HOSTILE_APPENDED.replace("\r", "\n"), t)

    def test_word97_overlapping_pieces(self):
        """The same budget for Word 97: 2000 pieces over one 64 KiB stretch
        of control bytes. The head piece is read, the reading stops at the
        budget (said so), the tail piece after it is not read."""
        o = self.obj("hostile_w97_pieces.doc")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertIn("more than twice the WordDocument stream", str(o["errors"]))
        self.assertIn("email", lsutil.entities(o))
        t = self.text("hostile_w97_pieces.doc")
        self.assertIn(gen_ole2.W97_HOSTILE_HEAD.replace("\r", "\n"), t)
        self.assertNotIn("Tail piece", t)

    def test_irm_protected_doc(self):
        """Information Rights Management: the content is encrypted in
        DRMContent and the WordDocument stream is a placeholder, so the
        file must not read as fully covered; the license names its owner
        in clear."""
        o = self.obj("irm.doc")
        self.assertNotEqual(o["coverage"], "full")
        self.assertIn("encrypted", o["coverage_reasons"])
        self.assertIn("Information Rights Management", str(o["errors"]))
        self.assertIn("example.com", str([f for f in o["findings"] if f["entity"] == "email"]))
        self.assertIn(gen_ole2.IRM_OWNER, self.text("irm.doc"))

    def test_xls_external_cells_and_names(self):
        """CRN records cache the cells of another workbook that formulas
        refer to (strings 8-bit and UTF-16, numbers, booleans): data this
        file shows on no sheet; a defined name can be a string constant
        (HTML_Email of Excel's web export). Both are read."""
        o = self.obj("extern.xls")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        t = self.text("extern.xls")
        self.assertIn("Kerrigan\t%s\t98000\n" % gen_ole2.EXTERN_PHONE, t)
        self.assertIn("SSN %s\tTRUE\t\tZürich\n" % gen_ole2.EXTERN_SSN, t)
        self.assertIn("HTML_Email: %s\n" % gen_ole2.NAME_EMAIL, t)
        self.assertIn("written by: %s\n" % gen_ole2.WRITE_USER, t)  # padding trimmed
        self.assertNotIn("\x06", t)  # the built-in name
        self.assertIn(gen_ole2.EXTERN_SSN[-4:], last4(o, "ssn"))
        self.assertIn(gen_ole2.EXTERN_PHONE[-4:], last4(o, "phone"))
        self.assertIn("example.com", str([f for f in o["findings"] if f["entity"] == "email"]))

    def test_doc_form_fields(self):
        """Legacy form fields keep their help and status texts and a
        drop-down's entries in the Data stream (FFData), in no run of the
        document; a picture record there is no form field."""
        o = self.obj("formfields.doc")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        t = self.text("formfields.doc")
        self.assertIn("[form fields]\nform field: Text1\nform field default: Enter your SSN\n", t)
        self.assertIn("form field help: Ask %s\n" % gen_ole2.FF_HELP_EMAIL, t)
        self.assertIn("form field status: Like %s\n" % gen_ole2.FF_STATUS_SSN, t)
        self.assertIn("form field entries: Pending, SSN %s, Closed\n" % gen_ole2.FF_ENTRY_SSN, t)
        self.assertEqual(t.count("form field: "), 2)
        self.assertEqual(last4(o, "ssn") >= {gen_ole2.FF_STATUS_SSN[-4:], gen_ole2.FF_ENTRY_SSN[-4:]}, True)
        self.assertNotIn("[form fields]", self.text("plain.doc"))

    def test_xls_validations_and_comment_authors(self):
        """DV records: the input and error messages, and a list
        validation's entries (an SSN in a drop-down no cell holds, split
        across a CONTINUE record); a DV of "none" strings and a number
        formula says nothing; NOTE names the comment's author."""
        o = self.obj("validation.xls")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        t = self.text("validation.xls")
        self.assertIn("validation: Approved, %s, Rejected\n" % gen_ole2.DV_LIST_SSN, t)
        self.assertIn("validation message: Ask %s for new codes\n" % gen_ole2.DV_PROMPT_EMAIL, t)
        self.assertEqual(t.count("validation message: "), 4)
        self.assertEqual(t.count("validation: "), 1)
        self.assertIn("comment author: %s\n" % gen_ole2.NOTE_AUTHOR, t)
        self.assertIn("filter: =%s\n" % gen_ole2.FILTER_SSN, t)
        self.assertIn("chart text: %s\n" % gen_ole2.CHART_TITLE, t)
        self.assertEqual(t.count("filter: "), 1)
        self.assertIn(gen_ole2.FILTER_SSN[-4:], last4(o, "ssn"))
        self.assertNotIn("\x00", t)
        self.assertIn(gen_ole2.DV_LIST_SSN[-4:], last4(o, "ssn"))
        self.assertIn("email", lsutil.entities(o))

    def test_small_xls_records(self):
        o = self.obj("small.xls")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertEqual(last4(o, "ssn"), {"1874"})          # NUMBER 536221874 beside "Employee SSN"
        emails = {e["redacted"] for f in o["findings"] if f["entity"] == "email" for e in f["evidence"]}
        # jane.doe@ is split across a CONTINUE that switches to 16-bit
        # characters; fml@ is a FORMULA's STRING result; hr.lead@ a HEADER.
        self.assertEqual(emails, {"j***@example.com", "f***@example.com", "h***@example.com",
                                  "p***@example.com",   # the Comments property
                                  "l***@example.com"})  # a HLINK target (UTF-16 moniker)
        self.assertIn("l***@example.com", text_evidence(o, "email"))
        self.assertIn("j***@example.com", text_evidence(o, "email"))

    def test_small_ppt_atoms(self):
        o = self.obj("small.ppt")
        self.assertEqual(o["handler"], "ole2")
        self.assertIn("**** **** **** 9855", text_evidence(o, "credit_card"))   # TextCharsAtom
        self.assertIn("1874", last4(o, "ssn"))                                  # TextBytesAtom
        self.assertIn("p***@example.com", text_evidence(o, "email"))            # CString
        # ExOleObjStg (zlib) holding a workbook: a child read by ole2 again.
        obj = self.obj("small.ppt", ["ppt-object-1"])
        self.assertEqual(obj["handler"], "ole2")
        self.assertEqual(last4(obj, "ssn"), {"1874"})
        # An object storage whose root holds an Ole10Native package.
        pkg = self.obj("small.ppt", ["ppt-object-2", "slide_notes.txt"])
        self.assertEqual(last4(pkg, "ssn"), {"1874"})

    def test_macro_alert(self):
        o = self.obj("macro.doc")
        self.assertIn("macro", o["alerts"])
        # The module source is decompressed ([MS-OVBA]) and scanned as text.
        self.assertIn("v***@example.com", text_evidence(o, "email"))
        self.assertNotEqual(o["verdict"], "clean")

    def test_xlm_macro_sheet(self):
        o = self.obj("xlm.xls")
        self.assertIn("macro", o["alerts"])
        self.assertNotIn("macro", self.obj("small.xls")["alerts"])

    def test_ole10native_package_child(self):
        o = self.obj("package.doc", ["payroll_Gehälter.txt"])  # cp1252 name -> UTF-8
        self.assertIn("1874", last4(o, "ssn"))
        self.assertEqual(o["depth"], 1)

    def test_encrypted(self):
        for name in ("encrypted.doc", "encrypted_ooxml.docx", "filepass.xls"):
            o = self.obj(name)
            self.assertEqual(o["handler"], "ole2", name)
            self.assertIn("encrypted", o["coverage_reasons"], name)
            self.assertNotEqual(o["coverage"], "full", name)
        # nothing of an encrypted OOXML package is readable: none, as an encrypted zip member
        self.assertEqual(self.obj("encrypted_ooxml.docx")["coverage"], "none")

    def test_damaged_is_partial(self):
        expect = {
            "hostile_fat_cycle.doc": "parse_error",
            "hostile_out_of_range.doc": "parse_error",
            "hostile_dir_cycle.doc": "parse_error",
            "hostile_huge_shift.doc": "parse_error",
            "truncated.doc": "truncated",
            "hostile_mini_cycle.msg": "parse_error",
        }
        for name, reason in expect.items():
            o = self.obj(name)
            self.assertEqual(o["coverage"], "partial", name)
            self.assertIn(reason, o["coverage_reasons"], name)
            self.assertTrue(o["errors"], name)
        # Text before the damage is still read.
        self.assertIn("1874", last4(self.obj("hostile_fat_cycle.doc"), "ssn"))
        self.assertIn("**** **** **** 9855", text_evidence(self.obj("truncated.doc"), "credit_card"))

    # ---- Outlook .msg ----

    # ---- oddities of genuine files (POI test data) that lose nothing ----

    def test_garbage_sizes_of_storages_and_unused_entries(self):
        o = self.obj("quirk_sizes.doc")
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(o["coverage"], "full", o.get("errors"))

    def test_property_set_quirks_are_full(self):
        for name in ("quirk_props_empty.doc", "quirk_props_zero.doc", "quirk_props_pad.doc",
                     "quirk_props_shift.doc", "quirk_props_small.doc"):
            o = self.obj(name)
            self.assertEqual(o["coverage"], "full", (name, o.get("errors")))
            proc = subprocess.run([lsutil.LEAKSIFT, "text", os.path.join(self.tree, name)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
            t = proc.stdout.decode("utf-8", "replace")
            self.assertIn("Company: Initech Holdings", t, name)
            self.assertIn("Case owner: Reach hr.case@example.com", t, name)

    def test_property_value_cut_is_partial(self):
        o = self.obj("damaged_props_cut.doc")
        self.assertEqual(o["coverage"], "partial")
        self.assertTrue(any("DocumentSummaryInformation' damaged" in e for e in o.get("errors", [])),
                        o.get("errors"))

    def msg_text(self, name):
        proc = subprocess.run([lsutil.LEAKSIFT, "text", os.path.join(self.tree, name)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc.stdout.decode("utf-8", "replace")

    def test_msg_ansi_strings_in_the_locale_code_page(self):
        for name in ("ansi_utf8_lcid1031.msg", "ansi_cp1251_lcid1031.msg"):
            t = self.msg_text(name)
            self.assertIn("Subject: Grüße Müller", t, name)
            self.assertIn("Zahlung für Jürgen", t, name)
            self.assertEqual(self.obj(name)["coverage"], "full", name)
        t = self.msg_text("ansi_cp1251_lcid1049.msg")
        self.assertIn("Subject: Тема", t)
        self.assertIn("Текст письма", t)

    def test_xls_record_quirks_are_full(self):
        o = self.obj("quirk_records.xls")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertIn("Quirk workbook cell quirk.cell@example.com", self.msg_text("quirk_records.xls"))

    def test_vba_module_zero_padding_is_full(self):
        o = self.obj("quirk_vba_pad.doc")
        self.assertIn("macro", o["alerts"])
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertIn("[VBA module Module1]", self.msg_text("quirk_vba_pad.doc"))

    def test_powerpoint95_text_content(self):
        o = self.obj("ppt95.ppt")
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        t = self.msg_text("ppt95.ppt")
        self.assertIn("Betriebsbedingte Kündigung\n", t)
        self.assertIn("Kontakt: anna.weber@example.com\n(§ 1 Abs. 2)", t)

    def test_msg_message(self):
        o = self.obj("mail.msg")
        self.assertEqual(o["handler"], "msg")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        ents = lsutil.entities(o)
        for e in ("ssn", "credit_card", "email", "marking"):
            self.assertIn(e, ents)
        emails = {e["redacted"] for f in o["findings"] if f["entity"] == "email" for e in f["evidence"]}
        self.assertIn("h***@example.com", emails)           # a recipient (html.only / hr.lead)
        # The card 9855 is only in the UTF-16 body: found in extracted text.
        self.assertIn("**** **** **** 9855", text_evidence(o, "credit_card"))

    def test_msg_attachments_and_rtf(self):
        o = self.obj("mail.msg", ["notes.txt"])
        self.assertIn("1874", last4(o, "ssn"))
        rtf = self.obj("mail.msg", ["body.rtf"])
        emails = {e["redacted"] for f in rtf["findings"] if f["entity"] == "email" for e in f["evidence"]}
        self.assertEqual(emails, {"r***@example.com"})      # decoded from LZFu

    def test_msg_nested_three_levels(self):
        lvl1 = self.obj("mail.msg", ["Fwd level two.msg"])
        self.assertEqual(lvl1["handler"], "msg")
        lvl2 = self.obj("mail.msg", ["Fwd level two.msg", "Level three.msg"])
        self.assertEqual(lvl2["handler"], "msg")
        deep = self.obj("mail.msg", ["Fwd level two.msg", "Level three.msg", "deep_secret.txt"])
        self.assertEqual(deep["depth"], 3)
        self.assertEqual(last4(deep, "credit_card"), {"4476"})


if __name__ == "__main__":
    unittest.main()
