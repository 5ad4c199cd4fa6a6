#!/usr/bin/env python3
"""End-to-end: values written with characters rules cannot match are found
(src/core/ls_text.c, ls_utf8_fold_lossy: the text and labels every handler
emits). Japanese input methods write full-width digits and letters
("５３６－２２－１８７４", "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ"); Word and web pages
group digits with no-break and narrow no-break spaces; the figure dash and
the non-breaking hyphen are made for numbers; a zero-width space splits a
value without showing. Checked in a text file, an HTML page and a Word
document; CJK sentence punctuation (，！：) and the en dash of prose stay as
written. Fixtures are written here with Python's standard library."""
import io
import os
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

KEY = b"fold-e2e-fingerprint-key"
SSN = "536-22-1874"
CARD = "4111 1111 1111 1111"
PHONE = "212-867-5309"
EMAIL = "jane.roe@example.com"


def fp(entity, value):
    return lsutil.fingerprint(KEY, entity, value)


def wide(s):
    """Full-width forms of ASCII digits, letters and signs."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


LINES = [
    "社員番号 SSN: " + wide(SSN) + "。",                       # full-width SSN in Japanese text
    "Mail: " + wide(EMAIL),                                    # full-width address
    "Card " + CARD.replace(" ", "\u00a0"),                     # no-break spaces
    "Visa " + "5555 5555 5555 4444".replace(" ", "\u202f"),    # narrow no-break spaces
    "Phone " + PHONE.replace("-", "\u2012"),                   # figure dashes
    "Contact " + EMAIL.replace("@", "\u200b@"),                # a zero-width space inside
    "你好，世界！电话：见附件",                                    # CJK punctuation stays
    "Period 2014\u20132015",                                   # the en dash of prose stays
]


def docx(paragraphs):
    body = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % p.replace("&", "&amp;")
                   for p in paragraphs)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
           '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % body)
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
          '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
          'document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)
    return buf.getvalue()


class Fold(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "fold")
        os.makedirs(cls.dir)
        files = {"notes.txt": ("\n".join(LINES) + "\n").encode("utf-8"),
                 "page.html": ("<html><head><meta charset='utf-8'></head><body>" +
                               "".join("<p>%s</p>" % ln for ln in LINES) + "</body></html>").encode("utf-8"),
                 "memo.docx": docx(LINES)}
        for name, data in files.items():
            with open(os.path.join(cls.dir, name), "wb") as f:
                f.write(data)
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_values_found(self):
        self.assertIsNotNone(self.m, self.proc.stderr)
        want = [("ssn", SSN.replace("-", "")), ("email", EMAIL), ("credit_card", CARD.replace(" ", "")),
                ("credit_card", "5555555555554444"), ("phone", PHONE.replace("-", ""))]
        for name in ("notes.txt", "page.html", "memo.docx"):
            o = self.m.obj(os.path.join(self.dir, name))
            got = {(f["entity"], ev.get("fingerprint")) for f in o.get("findings", []) for ev in f["evidence"]}
            for ent, value in want:
                with self.subTest(name=name, entity=ent, value=value):
                    self.assertTrue((ent, fp(ent, value)) in got or
                                    (ent, fp(ent, value.replace("-", ""))) in got, sorted(got))

    def test_text_shows_ascii_and_keeps_prose(self):
        for name in ("notes.txt", "page.html", "memo.docx"):
            p = lsutil.run(["text", os.path.join(self.dir, name)])
            t = p.stdout.decode("utf-8")
            with self.subTest(name=name):
                self.assertIn("SSN: " + SSN + "。", t)
                self.assertIn("Mail: " + EMAIL, t)
                self.assertIn("Card " + CARD, t)
                self.assertIn("Phone " + PHONE, t)
                self.assertIn("Contact " + EMAIL, t)
                self.assertIn("你好，世界！电话：见附件", t)
                self.assertIn("Period 2014\u20132015", t)


if __name__ == "__main__":
    unittest.main()
