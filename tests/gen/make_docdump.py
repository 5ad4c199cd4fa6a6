#!/usr/bin/env python3
"""An office-document leak dump made by a real office suite, with an answer
key (tests/e2e/test_docdump.py).

    make_docdump.py OUT            ->  OUT/dump/... and OUT/key.json, OUT/fp.key
    make_docdump.py OUT docx xlsx  ->  only these converted formats
    make_docdump.py --fixtures     ->  tests/fixtures/docdump/ (docx, xlsx)

Three hand-written flat OpenDocument sources (a Writer text, a Calc
workbook, an Impress deck) put fake PII and secrets where people hide or
forget them; LibreOffice (`soffice --headless --convert-to`, a private
profile) turns them into docx, odt, doc, rtf, pdf / xlsx, ods, xls, pdf /
pptx, odp, ppt, pdf, the way a file share holds them. One xlsx is then
edited the way Excel's VBA editor leaves it (a `veryHidden` sheet). The
sources themselves are part of the dump (a .fodt is XML any tool can
read), so without LibreOffice the dump and its key still exist: the
sources and the LibreOffice output committed in tests/fixtures/docdump/
(a docx and an xlsx, remade by --fixtures; an odt as well would pass the
50 KB the repository allows for such output).

Hiding spots (Writer): body text (control), a text frame, a drawing shape
with text, hidden text (character attribute), a hidden section, a hidden
paragraph field, tracked deletion, default / first-page / even-page
headers and footers, footnote, endnote, comment, hyperlink target and
tooltip, image title and description, form control value, input field and
its hint, drop-down field list entries, bookmarked text, user field
declaration, hidden variable, alphabetical-index and TOC marks, tiny white
text, document properties (title, subject, comments, keywords, custom).
Calc: visible cell (control), hidden sheet, very hidden sheet (xlsx),
hidden row, hidden column, cell comment, data-validation list, named
expression, chart title and chart data, sheet header/footer, cell
hyperlink target, text box on a sheet, image alt text, tiny white text,
properties. Impress: slide text (control), speaker notes, hidden slide and
its notes, shape off the slide, image alt text, comment, hyperlink, master
page text, tiny white text, properties. Decoys (must not be found): cards
failing Luhn, SSNs in unissued areas (000, 666, 9xx), an IBAN with a wrong
check, a masked card, placeholder passwords, AWS documentation keys,
`confidential` in prose.

key.json: {"root": dump dir, "fingerprint_key": path, "soffice": bool,
"entries": [{"file" (relative to root), "spot", "rule", "entity", "value",
"norm" (the value as fingerprinted), "expect": "must_find" |
"must_not_find" | "absent"}]}. `absent`: the converter did not write the
planted value into that file (an independent check: the zip members'
XML with and without tags, an OLE2 file's bytes in 8-bit and UTF-16LE,
a PDF's text by Ghostscript and its decompressed objects by qpdf), so
nothing can be asked of a reader there. Values are unique per spot, so a
value found says which spot was read.

Python stdlib only, plus soffice / gs / qpdf when present (each format
whose tool is missing is skipped). Deterministic sources; LibreOffice
output carries its own time stamps.
"""
import base64
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

# --- values ---------------------------------------------------------------


def luhn_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def iban_check(cc, bban):
    num = "".join(str(int(c, 36)) for c in bban + cc + "00")
    return "%02d" % (98 - int(num) % 97)


def alnum(seed, n):
    out = ""
    k = 0
    while len(out) < n:
        d = base64.b64encode(hashlib.sha256(("%s/%d" % (seed, k)).encode()).digest()).decode()
        out += re.sub(r"[^A-Za-z0-9]", "", d)
        k += 1
    s = out[:n]
    if not re.search(r"[0-9]", s):
        s = s[:-2] + "7" + s[-1]
    if not re.search(r"[A-Z]", s):
        s = "Q" + s[1:]
    if not re.search(r"[a-z]", s):
        s = s[:1] + "m" + s[2:]
    return s


MARKINGS = ["TOP SECRET", "ATTORNEY-CLIENT PRIVILEGED", "FOR OFFICIAL USE ONLY",
            "TLP:RED", "NOFORN", "LAW ENFORCEMENT SENSITIVE", "ATTORNEY WORK PRODUCT",
            "CONTROLLED UNCLASSIFIED INFORMATION", "SENSITIVE BUT UNCLASSIFIED",
            "DO NOT DISTRIBUTE", "NOT FOR DISTRIBUTION", "TLP:AMBER"]

RULES = {"ssn": "pii_ssn_formatted", "credit_card": "pii_credit_card", "iban": "pii_iban",
         "email": "pii_email", "phone": "pii_phone_nanp",
         "password": "secret_password_assignment", "token": "secret_github_token",
         "stripe": "secret_stripe_key", "marking": "corporate_marking",
         "aws_key": "secret_aws_access_key_id"}
ENTITY = {"stripe": "token"}


class Planter:
    """Makes a unique fake value per (document, spot) and records it."""

    def __init__(self):
        self.n = 0
        self.plants = []     # (doc, spot, kind, value, norm, text, decoy)
        self.edits = {}      # doc -> text put in by editing LibreOffice's output

    def value(self, kind, i):
        if kind == "ssn":
            area = 101 + (i * 7) % 560
            if area == 666:
                area = 667
            return "%03d-%02d-%04d" % (area, 11 + i % 88, 1001 + (i * 37) % 8990), None
        if kind == "credit_card":
            body = "4" + hashlib.sha256(b"card%d" % i).hexdigest()
            body = "4" + "".join(c for c in body if c.isdigit())[:14]
            d = body + luhn_digit(body)
            return " ".join(d[k:k + 4] for k in range(0, 16, 4)), d
        if kind == "iban":
            bban = "%08d%010d" % (37040044 + i, 532013000 + i * 7919)
            v = "DE" + iban_check("DE", bban) + bban
            return " ".join(v[k:k + 4] for k in range(0, len(v), 4)), v
        if kind == "email":
            names = ["jane.roe", "m.okafor", "priya.n", "t.lindqvist", "ana.souza", "k.tanaka"]
            doms = ["northwind-mail.com", "contoso-hr.net", "fabrikam.org", "tailspin.co.uk"]
            return "%s%d@%s" % (names[i % len(names)], i, doms[i % len(doms)]), None
        if kind == "phone":
            area = ["212", "312", "415", "617", "713"][i % 5]
            return "(%s) 7%02d-%04d" % (area, i % 100, 2000 + i * 13), None
        if kind == "password":
            return "Kx%s%d" % (alnum("pw%d" % i, 8), i), None
        if kind == "token":
            return "ghp_" + alnum("gh%d" % i, 36), None
        if kind == "stripe":
            return "sk_live_" + alnum("st%d" % i, 24), None
        raise KeyError(kind)

    def plant(self, doc, spot, kind):
        """Text to write in the spot (the value, with a label where the rule
        needs one); the value is recorded for the key."""
        self.n += 1
        if kind == "marking":
            used = [p[3] for p in self.plants if p[0] == doc and p[2] == "marking"]
            v = [m for m in MARKINGS if m not in used][0]
            self.plants.append((doc, spot, kind, v, v, v, False))
            return v
        v, norm = self.value(kind, self.n)
        if norm is None:
            norm = v
        text = v
        if kind == "password":
            text = "password: " + v
        elif kind in ("ssn", "credit_card", "phone"):
            norm = re.sub(r"\D", "", v)
        elif kind == "email":
            norm = v.lower()
        self.plants.append((doc, spot, kind, v, norm, text, False))
        return text

    def decoys(self, doc, spot):
        """Text with look-alikes that must not be found."""
        self.n += 1
        i = self.n
        good = self.value("credit_card", i)[1]
        bad = good[:-1] + str((int(good[-1]) + 1) % 10)
        bban = "%08d%010d" % (50010517, 5407324 + i)
        chk = iban_check("DE", bban)
        wrong = "%02d" % ((int(chk) + 1) % 97 or 3)
        biban = "DE" + wrong + bban
        items = [
            ("credit_card", " ".join(bad[k:k + 4] for k in range(0, 16, 4)), bad),
            ("ssn", "666-%02d-%04d" % (10 + i % 80, 2000 + i), None),
            ("ssn", "000-%02d-%04d" % (10 + i % 80, 3000 + i), None),
            ("ssn", "9%02d-%02d-%04d" % (i % 100, 10 + i % 80, 4000 + i), None),
            ("iban", biban, biban),
            ("password", "changeme", "changeme"),
            ("aws_key", "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ]
        for kind, v, norm in items:
            if norm is None:
                norm = re.sub(r"\D", "", v)
            self.plants.append((doc, spot, kind, v, norm, v, True))
        return ("Card on file **** **** **** %s, test card %s. SSN %s / %s / %s. "
                "IBAN %s. password: changeme. AWS key AKIAIOSFODNN7EXAMPLE. "
                "This will be treated as confidential." % (
                    bad[-4:], items[0][1], items[1][1], items[2][1], items[3][1], biban))


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _png():
    """A 4x4 grey PNG."""
    import struct
    import zlib

    def chunk(t, data):
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xffffffff)
    raw = b"".join(b"\x00" + b"\x80" * 4 for _ in range(4))
    return base64.b64encode(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 0, 0, 0, 0))
                            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")).decode()


PNG = _png()

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" '
      'xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0" '
      'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
      'xmlns:officeooo="http://openoffice.org/2009/office" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
      'xmlns:ooow="http://openoffice.org/2004/writer"')


def meta(p, doc):
    return ('<office:meta><dc:title>Quarterly review %s</dc:title>'
            '<dc:subject>Call %s</dc:subject>'
            '<dc:description>Reviewer %s</dc:description>'
            '<meta:keyword>payout %s</meta:keyword>'
            '<meta:user-defined meta:name="Classification" meta:value-type="string">%s</meta:user-defined>'
            '<meta:user-defined meta:name="Approver SSN" meta:value-type="string">%s</meta:user-defined>'
            '</office:meta>' % (
                esc(p.plant(doc, "prop_title", "email")), esc(p.plant(doc, "prop_subject", "phone")),
                esc(p.plant(doc, "prop_comments", "ssn")), esc(p.plant(doc, "prop_keywords", "iban")),
                esc(p.plant(doc, "prop_custom_marking", "marking")),
                esc(p.plant(doc, "prop_custom", "ssn"))))


def writer_doc(p):
    d = "writer"
    g = lambda spot, kind: esc(p.plant(d, spot, kind))  # noqa: E731
    m = meta(p, d)
    styles = (
        '<office:styles><style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
        '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
        'style:default-outline-level="1"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>'
        '</office:styles>')
    auto = (
        '<office:automatic-styles>'
        '<style:style style:name="THidden" style:family="text"><style:text-properties text:display="none"/></style:style>'
        '<style:style style:name="TWhite" style:family="text"><style:text-properties fo:color="#ffffff" fo:font-size="1pt"/></style:style>'
        '<style:style style:name="PFirst" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="First_20_Page"/>'
        '<style:style style:name="PBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>'
        '<style:style style:name="SHidden" style:family="section"><style:section-properties/></style:style>'
        '<style:style style:name="fr1" style:family="graphic"><style:graphic-properties style:wrap="none" fo:border="0.06pt solid #000000"/></style:style>'
        '<style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:fill-color="#dddddd"/></style:style>'
        '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
        'fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>'
        '<style:header-style><style:header-footer-properties fo:min-height="0.5cm"/></style:header-style>'
        '<style:footer-style><style:header-footer-properties fo:min-height="0.5cm"/></style:footer-style></style:page-layout>'
        '</office:automatic-styles>')
    master = (
        '<office:master-styles>'
        '<style:master-page style:name="Standard" style:page-layout-name="pm1">'
        '<style:header><text:p>Header %s</text:p></style:header>'
        '<style:header-left><text:p>Even header %s</text:p></style:header-left>'
        '<style:footer><text:p>Footer %s</text:p></style:footer>'
        '<style:footer-left><text:p>Even footer %s</text:p></style:footer-left>'
        '</style:master-page>'
        '<style:master-page style:name="First_20_Page" style:display-name="First Page" '
        'style:page-layout-name="pm1" style:next-style-name="Standard">'
        '<style:header><text:p>%s - first page header %s</text:p></style:header>'
        '<style:footer><text:p>First footer %s</text:p></style:footer>'
        '</style:master-page></office:master-styles>' % (
            g("header", "ssn"), g("header_even", "email"), g("footer", "phone"),
            g("footer_even", "marking"), g("header_first_marking", "marking"),
            g("header_first", "ssn"), g("footer_first", "credit_card")))
    author = g("tracked_change_author", "email")
    p.edits[d] = p.plant(d, "hyperlink_screentip", "phone")  # docx: Word's ScreenTip, see screentip()
    body = (
        '<office:body><office:text>'
        '<office:forms form:automatic-focus="false" form:apply-design-mode="false">'
        '<form:form form:name="Standard" form:apply-filter="true" form:command-type="table">'
        '<form:text form:name="ContactMail" form:control-implementation="ooo:com.sun.star.form.component.TextField" '
        'xml:id="control1" form:id="control1" form:current-value="%s" form:value="%s"/>'
        '</form:form></office:forms>'
        '<text:tracked-changes text:track-changes="false">'
        '<text:changed-region xml:id="ct1" text:id="ct1"><text:deletion><office:change-info>'
        '<dc:creator>%s</dc:creator><dc:date>2024-03-01T10:00:00</dc:date></office:change-info>'
        '<text:p>Removed: card %s</text:p></text:deletion></text:changed-region>'
        '</text:tracked-changes>'
        '<text:variable-decls><text:variable-decl office:value-type="string" text:name="SecretVar"/></text:variable-decls>'
        '<text:user-field-decls><text:user-field-decl office:value-type="string" office:string-value="%s" '
        'text:name="DeployToken"/></text:user-field-decls>'
        % (g("form_control", "email"), g("form_control_default", "ssn"), author, g("tracked_deletion", "credit_card"),
           g("user_field_decl", "token")))
    body += '<text:h text:style-name="Heading_20_1" text:outline-level="1">Employee review</text:h>'
    body += '<text:p text:style-name="PFirst">Body text: contact %s, SSN %s.<text:change text:change-id="ct1"/></text:p>' % (
        g("body", "email"), g("body_ssn", "ssn"))
    body += '<text:p text:style-name="Standard">%s</text:p>' % esc(p.decoys(d, "body_decoys"))
    body += ('<text:p text:style-name="Standard"><draw:frame draw:style-name="fr1" draw:name="Frame1" '
             'text:anchor-type="paragraph" svg:x="1cm" svg:y="0.5cm" svg:width="16cm" svg:height="2cm" draw:z-index="0">'
             '<draw:text-box><text:p>Frame: wire to %s</text:p></draw:text-box><svg:title>Frame %s</svg:title>'
             '<svg:desc>About %s</svg:desc></draw:frame>Anchor paragraph.</text:p>'
             % (g("text_frame", "iban"), g("frame_title", "ssn"), g("frame_desc", "email")))
    body += ('<text:p text:style-name="Standard"><draw:custom-shape text:anchor-type="paragraph" draw:z-index="1" '
             'draw:name="Shape1" draw:style-name="gr1" svg:width="6cm" svg:height="2cm" svg:x="10cm" svg:y="3cm">'
             '<text:p>Shape: %s</text:p><draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="rectangle" '
             'draw:enhanced-path="M 0 0 L 21600 0 21600 21600 0 21600 0 0 Z N"/></draw:custom-shape>Shape anchor.</text:p>'
             % g("shape", "ssn"))
    body += ('<text:p text:style-name="Standard">Visible words <text:span text:style-name="THidden">hidden %s</text:span> '
             'more words.</text:p>' % g("hidden_text", "ssn"))
    body += ('<text:section text:style-name="SHidden" text:name="HiddenSection" text:display="none">'
             '<text:p text:style-name="Standard">Hidden section %s</text:p></text:section>' % g("hidden_section", "password"))
    body += ('<text:p text:style-name="Standard">Conditional <text:hidden-text text:condition="ooow:1" '
             'text:string-value="%s" text:is-hidden="true">%s</text:hidden-text> end.</text:p>'
             % ((g("hidden_text_field", "phone"),) * 2))
    body += ('<text:p text:style-name="Standard">Status <text:conditional-text text:condition="ooow:1 EQ 2" '
             'text:string-value-if-true="%s" text:string-value-if-false="n/a" text:current-value="false">n/a'
             '</text:conditional-text>, name <text:placeholder text:placeholder-type="text" text:description="Hint %s">'
             '&lt;name&gt;</text:placeholder>.</text:p>' % (g("conditional_text_hidden", "ssn"), g("placeholder_hint", "email")))
    body += ('<text:p text:style-name="Standard">Note here<text:note text:id="ftn1" text:note-class="footnote">'
             '<text:note-citation>1</text:note-citation><text:note-body><text:p>Footnote %s</text:p></text:note-body>'
             '</text:note> and an endnote<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation>'
             '<text:note-body><text:p>Endnote %s</text:p></text:note-body></text:note>.</text:p>'
             % (g("footnote", "ssn"), g("endnote", "email")))
    body += ('<text:p text:style-name="Standard">Reviewed<office:annotation><dc:creator>%s</dc:creator>'
             '<dc:date>2024-03-02T09:00:00</dc:date><text:p>Comment: use %s</text:p><text:p>%s</text:p>'
             '</office:annotation> by HR.</text:p>' % (g("comment_author", "email"), g("comment", "stripe"),
                                                        esc(p.decoys(d, "comment_decoys"))))
    body += ('<table:table table:name="Grades" table:style-name="Tbl1"><table:title>Table %s</table:title>'
             '<table:desc>About %s</table:desc><table:table-column table:number-columns-repeated="2"/>'
             '<table:table-row><table:table-cell office:value-type="string"><text:p>Name</text:p></table:table-cell>'
             '<table:table-cell office:value-type="string"><text:p>Grade</text:p></table:table-cell></table:table-row>'
             '</table:table>' % (g("table_title", "ssn"), g("table_desc", "phone")))
    body += ('<text:p text:style-name="Standard">Reading <text:ruby><text:ruby-base>Tanaka</text:ruby-base>'
             '<text:ruby-text>%s</text:ruby-text></text:ruby> and source <text:bibliography-mark '
             'text:identifier="Roe24" text:bibliography-type="article" text:author="%s" text:title="Payroll" '
             'text:note="%s">[Roe24]</text:bibliography-mark>.</text:p>'
             % (g("ruby_text", "ssn"), g("bibliography_author", "email"), g("bibliography_note", "ssn")))
    body += ('<text:p text:style-name="Standard">See <text:a xlink:type="simple" xlink:href="mailto:%s" '
             'office:name="Call %s" office:title="Call %s">the contact</text:a> and <text:a xlink:type="simple" '
             'xlink:href="https://deploy:%s@build.tailspin.co.uk/job">the build</text:a>.</text:p>'
             % ((g("hyperlink_mailto", "email"),) + (g("hyperlink_tooltip", "phone"),) * 2 + (
                esc(p.plant(d, "hyperlink_url_password", "password").split(": ", 1)[1]),)))
    # the URL password is found by secret_url_credentials
    p.plants[-1] = p.plants[-1][:2] + ("url_password",) + p.plants[-1][3:]
    body += ('<text:p text:style-name="Standard">Badge photo <draw:frame draw:name="Photo1" text:anchor-type="as-char" '
             'svg:width="1cm" svg:height="1cm" draw:z-index="2"><draw:image><office:binary-data>%s</office:binary-data>'
             '</draw:image><svg:title>Badge %s</svg:title><svg:desc>Holder %s</svg:desc></draw:frame>.</text:p>'
             % (PNG, g("image_title", "ssn"), g("image_desc", "email")))
    body += ('<text:p text:style-name="Standard">Form field: <draw:control text:anchor-type="as-char" svg:width="5cm" '
             'svg:height="0.6cm" draw:control="control1"/></text:p>')
    body += ('<text:p text:style-name="Standard">Input: <text:text-input text:description="Hint %s">%s</text:text-input>'
             ' Choice: <text:drop-down text:name="Account"><text:label text:value="Savings"/>'
             '<text:label text:value="%s"/>Savings</text:drop-down>.</text:p>'
             % (g("input_field_hint", "ssn"), g("input_field", "iban"), g("dropdown_entry", "ssn")))
    body += ('<text:p text:style-name="Standard"><text:bookmark-start text:name="PayrollRef"/>Bookmarked %s'
             '<text:bookmark-end text:name="PayrollRef"/>.</text:p>' % g("bookmark_text", "credit_card"))
    body += ('<text:p text:style-name="Standard">Variable<text:variable-set text:name="SecretVar" '
             'office:value-type="string" text:display="none">%s</text:variable-set>.</text:p>' % g("hidden_variable", "ssn"))
    body += ('<text:p text:style-name="Standard">Index<text:alphabetical-index-mark text:string-value="%s"/> and toc'
             '<text:toc-mark text:string-value="%s" text:outline-level="2"/>.</text:p>'
             % (g("index_mark", "ssn"), g("toc_mark", "email")))
    body += ('<text:p text:style-name="Standard">Tiny <text:span text:style-name="TWhite">%s</text:span>.</text:p>'
             % g("white_text", "ssn"))
    body += ('<text:p text:style-name="Standard">Embedded sheet: <draw:frame draw:name="Object1" text:anchor-type="as-char" '
             'svg:width="6cm" svg:height="1.5cm" draw:z-index="3"><draw:object><office:document '
             'office:mimetype="application/vnd.oasis.opendocument.spreadsheet" office:version="1.3"><office:body>'
             '<office:spreadsheet><table:table table:name="Embedded"><table:table-column table:number-columns-repeated="2"/>'
             '<table:table-row>%s%s</table:table-row></table:table><table:table table:name="Second">'
             '<table:table-column/><table:table-row>%s</table:table-row></table:table></office:spreadsheet></office:body>'
             '</office:document></draw:object></draw:frame>.</text:p>'
             % (cell("Payee"), cell(g("embedded_sheet", "iban")), cell(g("embedded_sheet_second", "ssn"))))
    body += '<text:p text:style-name="PBreak">Page two.</text:p><text:p text:style-name="PBreak">Page three.</text:p>'
    body += '</office:text></office:body>'
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">%s%s%s%s%s</office:document>\n'
            % (NS, m, styles, auto, master, body))


def cell(text, extra=""):
    return '<table:table-cell office:value-type="string"%s><text:p>%s</text:p></table:table-cell>' % (extra, text)


def calc_doc(p):
    d = "calc"
    g = lambda spot, kind: esc(p.plant(d, spot, kind))  # noqa: E731
    m = meta(p, d)
    auto = (
        '<office:automatic-styles>'
        '<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="7cm"/></style:style>'
        '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:row-height="0.5cm"/></style:style>'
        '<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta2" style:family="table" style:master-page-name="Default"><style:table-properties table:display="false"/></style:style>'
        '<style:style style:name="ce1" style:family="table-cell"><style:text-properties fo:color="#ffffff" fo:font-size="2pt"/></style:style>'
        '<style:style style:name="gr1" style:family="graphic"><style:graphic-properties draw:fill-color="#dddddd"/></style:style>'
        '<style:page-layout style:name="pm1"><style:page-layout-properties/><style:header-style/><style:footer-style/></style:page-layout>'
        '</office:automatic-styles>')
    master = (
        '<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1">'
        '<style:header><style:region-left><text:p>%s</text:p></style:region-left>'
        '<style:region-right><text:p>Owner %s</text:p></style:region-right></style:header>'
        '<style:footer><text:p>Footer %s</text:p></style:footer>'
        '</style:master-page></office:master-styles>'
        % (g("sheet_header_marking", "marking"), g("sheet_header", "email"), g("sheet_footer", "ssn")))
    val = g("validation_list", "ssn")
    body = ('<office:body><office:spreadsheet>'
            '<table:content-validations><table:content-validation table:name="val1" '
            'table:condition="of:cell-content-is-in-list(&quot;Approved&quot;;&quot;%s&quot;)" '
            'table:allow-empty-cell="true" table:base-cell-address="Staff.C2">'
            '<table:help-message table:title="Ask %s" table:display="true"><text:p>Use %s</text:p></table:help-message>'
            '<table:error-message table:title="Call %s" table:display="true" table:message-type="stop">'
            '<text:p>Not allowed</text:p></table:error-message>'
            '</table:content-validation></table:content-validations>' % (
                val, g("validation_help_title", "email"), g("validation_help", "ssn"), g("validation_error_title", "phone")))
    chart = (
        '<draw:frame draw:z-index="1" draw:name="Chart1" svg:width="8cm" svg:height="5cm" svg:x="1cm" svg:y="4cm">'
        '<draw:object><office:document office:mimetype="application/vnd.oasis.opendocument.chart" office:version="1.3">'
        '<office:body><office:chart><chart:chart svg:width="8cm" svg:height="5cm" chart:class="chart:bar">'
        '<chart:title><text:p>Chart %s</text:p></chart:title>'
        '<chart:plot-area table:cell-range-address="local-table.A1:local-table.B3">'
        '<chart:axis chart:dimension="x" chart:name="primary-x"><chart:categories table:cell-range-address="local-table.A2:local-table.A3"/></chart:axis>'
        '<chart:axis chart:dimension="y" chart:name="primary-y"><chart:title><text:p>Axis %s</text:p></chart:title></chart:axis>'
        '<chart:series chart:values-cell-range-address="local-table.B2:local-table.B3" chart:label-cell-address="local-table.B1" chart:class="chart:bar">'
        '<chart:data-point chart:repeated="2"/></chart:series></chart:plot-area>'
        '<table:table table:name="local-table"><table:table-header-columns><table:table-column/></table:table-header-columns>'
        '<table:table-columns><table:table-column/></table:table-columns>'
        '<table:table-header-rows><table:table-row><table:table-cell><text:p/></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>Payout %s</text:p></table:table-cell></table:table-row></table:table-header-rows>'
        '<table:table-rows><table:table-row><table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
        '<table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell></table:table-row>'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Other</text:p></table:table-cell>'
        '<table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell></table:table-row>'
        '</table:table-rows></table:table></chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>'
        % (g("chart_title", "ssn"), g("chart_axis_title", "ssn"), g("chart_series_name", "phone"), g("chart_data", "email")))
    body += ('<table:table table:name="Staff" table:style-name="ta1"><table:shapes>'
             '<draw:custom-shape draw:z-index="0" draw:name="Box" draw:style-name="gr1" svg:width="6cm" svg:height="1.5cm" '
             'svg:x="12cm" svg:y="1cm"><text:p>Box %s</text:p><draw:enhanced-geometry svg:viewBox="0 0 21600 21600" '
             'draw:type="rectangle"/></draw:custom-shape>'
             '<draw:frame draw:z-index="2" draw:name="Photo" svg:width="1cm" svg:height="1cm" svg:x="12cm" svg:y="3cm">'
             '<draw:image><office:binary-data>%s</office:binary-data></draw:image><svg:title>Photo %s</svg:title>'
             '<svg:desc>Holder %s</svg:desc></draw:frame>%s</table:shapes>'
             % (g("sheet_shape", "iban"), PNG, g("image_title", "ssn"), g("image_desc", "phone"), chart))
    body += ('<table:table-column table:style-name="co1" table:number-columns-repeated="3"/>'
             '<table:table-column table:style-name="co1" table:visibility="collapse"/>')
    body += '<table:table-row table:style-name="ro1">%s%s%s%s</table:table-row>' % (
        cell("Name"), cell("Contact"), cell("Status"), cell("Notes"))
    body += '<table:table-row table:style-name="ro1">%s%s%s%s</table:table-row>' % (
        cell("Roe"), cell(g("cell", "email")), cell("Approved", ' table:content-validation-name="val1"'),
        cell("hidden column %s" % g("hidden_column", "ssn")))
    p.edits[d] = p.plant(d, "cell_hyperlink_screentip", "email")  # xlsx: Excel's ScreenTip, see very_hidden()
    ann = ('<table:table-cell office:value-type="string"><office:annotation><dc:creator>%s</dc:creator>'
           '<dc:date>2024-03-02T09:00:00</dc:date><text:p>Comment %s</text:p><text:p>%s</text:p></office:annotation>'
           '<text:p>Okafor</text:p></table:table-cell>' % (g("cell_comment_author", "email"), g("cell_comment", "credit_card"),
                                                           esc(p.decoys(d, "comment_decoys"))))
    body += '<table:table-row table:style-name="ro1">%s%s%s%s</table:table-row>' % (
        ann, cell('<text:a xlink:type="simple" xlink:href="mailto:%s" office:title="Call %s">mail</text:a>' % (
            g("cell_hyperlink", "email"), g("cell_hyperlink_tooltip", "phone"))),
        cell(g("white_cell", "ssn"), ' table:style-name="ce1"'), cell(esc(p.decoys(d, "cell_decoys"))))
    body += '<table:table-row table:style-name="ro1" table:visibility="collapse">%s%s</table:table-row>' % (
        cell("hidden row"), cell(g("hidden_row", "ssn")))
    body += ('<table:table-row table:style-name="ro1">%s<table:table-cell table:formula="of:=IF(1=2;&quot;SSN &quot;&quot;%s&quot;&quot;&quot;;&quot;n/a&quot;)" '
             'office:value-type="string" office:string-value="n/a"><text:p>n/a</text:p></table:table-cell>'
             '<table:table-cell table:formula="of:=IF(1=2;&quot;https://api.tailspin.co.uk/v1?key=%s&quot;;&quot;&quot;)" '
             'office:value-type="string" office:string-value=""><text:p/></table:table-cell></table:table-row>'
             % (cell("End"), g("formula_literal", "ssn"), g("formula_literal_token", "stripe")))
    body += '</table:table>'
    body += ('<table:table table:name="HiddenSheet" table:style-name="ta2"><table:table-column table:style-name="co1" '
             'table:number-columns-repeated="2"/><table:table-row table:style-name="ro1">%s%s</table:table-row>'
             '<table:table-row table:style-name="ro1">%s%s</table:table-row></table:table>'
             % (cell("Key"), cell(g("hidden_sheet", "token")), cell("Card"), cell(g("hidden_sheet_card", "credit_card"))))
    body += ('<table:table table:name="VeryHidden" table:style-name="ta1"><table:table-column table:style-name="co1" '
             'table:number-columns-repeated="2"/><table:table-row table:style-name="ro1">%s%s</table:table-row></table:table>'
             % (cell("Admin"), cell(g("very_hidden_sheet", "password"))))
    body += ('<table:table table:name="%s" table:style-name="ta2"><table:table-column table:style-name="co1"/>'
             '<table:table-row table:style-name="ro1">%s</table:table-row></table:table>'
             % (g("sheet_name", "email"), cell("x")))
    body += ('<table:database-ranges><table:database-range table:name="__Anonymous_Sheet_DB__0" '
             'table:target-range-address="Staff.A1:Staff.D5" table:display-filter-buttons="true">'
             '<table:filter><table:filter-condition table:field-number="1" table:value="%s" table:operator="="/>'
             '</table:filter></table:database-range></table:database-ranges>' % g("autofilter_value", "email"))
    body += ('<table:named-expressions><table:named-expression table:name="AdminKey" table:base-cell-address="$Staff.$A$1" '
             'table:expression="of:=&quot;%s&quot;"/></table:named-expressions>' % g("named_expression", "stripe"))
    body += '</office:spreadsheet></office:body>'
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">%s%s%s%s</office:document>\n'
            % (NS, m, auto, master, body))


def frame(x, y, w, h, inner, extra=""):
    return ('<draw:frame svg:x="%s" svg:y="%s" svg:width="%s" svg:height="%s"%s><draw:text-box>%s</draw:text-box></draw:frame>'
            % (x, y, w, h, extra, inner))


def notes(text):
    return ('<presentation:notes><draw:page-thumbnail svg:x="2cm" svg:y="2cm" svg:width="14cm" svg:height="8cm" '
            'draw:page-number="1" presentation:class="page"/>%s</presentation:notes>'
            % frame("2cm", "11cm", "16cm", "8cm", "<text:p>%s</text:p>" % text, ' presentation:class="notes"'))


def impress_doc(p):
    d = "impress"
    g = lambda spot, kind: esc(p.plant(d, spot, kind))  # noqa: E731
    m = meta(p, d)
    auto = (
        '<office:automatic-styles>'
        '<style:style style:name="dp1" style:family="drawing-page"/>'
        '<style:style style:name="dp2" style:family="drawing-page"><style:drawing-page-properties presentation:visibility="hidden"/></style:style>'
        '<style:style style:name="T1" style:family="text"><style:text-properties fo:color="#ffffff" fo:font-size="2pt"/></style:style>'
        '<style:page-layout style:name="PM1"><style:page-layout-properties fo:page-width="28cm" fo:page-height="15.75cm" '
        'style:print-orientation="landscape"/></style:page-layout>'
        '</office:automatic-styles>')
    master = ('<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM1" draw:style-name="dp1">'
              '%s</style:master-page></office:master-styles>'
              % frame("1cm", "14cm", "20cm", "1cm", "<text:p>%s master %s</text:p>" % (
                  g("master_marking", "marking"), g("master_text", "ssn"))))
    s1 = frame("2cm", "2cm", "20cm", "3cm", "<text:p>Slide one: %s</text:p><text:p>%s</text:p>" % (
        g("slide_text", "email"), esc(p.decoys(d, "slide_decoys"))))
    s1 += frame("40cm", "2cm", "8cm", "2cm", "<text:p>Off slide %s</text:p>" % g("off_slide_shape", "ssn"))
    s1 += frame("2cm", "6cm", "20cm", "2cm", '<text:p>Tiny <text:span text:style-name="T1">%s</text:span></text:p>'
                % g("white_text", "ssn"))
    s1 += frame("2cm", "9cm", "20cm", "2cm", '<text:p>Portal <text:a xlink:type="simple" xlink:href="mailto:%s">link</text:a></text:p>'
                % g("hyperlink_mailto", "email"))
    s1 += ('<draw:frame draw:name="Photo" svg:width="2cm" svg:height="2cm" svg:x="24cm" svg:y="2cm">'
           '<draw:image><office:binary-data>%s</office:binary-data></draw:image><svg:title>Photo %s</svg:title>'
           '<svg:desc>Holder %s</svg:desc></draw:frame>' % (PNG, g("image_title", "ssn"), g("image_desc", "phone")))
    s1 += ('<officeooo:annotation svg:x="1cm" svg:y="1cm" svg:width="1cm" svg:height="1cm"><dc:creator>HR</dc:creator>'
           '<dc:date>2024-03-02T09:00:00</dc:date><text:p>Comment %s</text:p></officeooo:annotation>'
           % g("comment", "credit_card"))
    s1 += notes("Speaker notes: %s" % g("notes", "password"))
    s2 = frame("2cm", "2cm", "20cm", "3cm", "<text:p>Hidden slide %s</text:p>" % g("hidden_slide", "iban"))
    s2 += notes("Hidden slide notes %s" % g("hidden_slide_notes", "ssn"))
    s3 = frame("2cm", "2cm", "20cm", "3cm", "<text:p>Last slide</text:p>")
    body = ('<office:body><office:presentation>'
            '<draw:page draw:name="Slide1" draw:style-name="dp1" draw:master-page-name="Default">%s</draw:page>'
            '<draw:page draw:name="Slide2" draw:style-name="dp2" draw:master-page-name="Default">%s</draw:page>'
            '<draw:page draw:name="Slide3" draw:style-name="dp1" draw:master-page-name="Default">%s</draw:page>'
            '</office:presentation></office:body>' % (s1, s2, s3))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.presentation">%s%s%s%s</office:document>\n'
            % (NS, m, auto, master, body))


# --- conversion -----------------------------------------------------------

def _pdf_notes(filt):
    """PDF export with comments as PDF annotations (File > Export as PDF >
    Comments as PDF annotations)."""
    return ('pdf:%s:{"ExportNotes":{"type":"boolean","value":"true"},'
            '"ExportNotesInMargin":{"type":"boolean","value":"false"}}' % filt)


# (extension, --convert-to argument, suffix of the file name); the first is
# the suite's own format: when it cannot be written the module is missing.
TARGETS = {
    "writer": ("fodt", [("odt", "odt", ""), ("docx", "docx", ""), ("doc", "doc", ""), ("rtf", "rtf", ""),
                        ("pdf", "pdf", ""), ("pdf", _pdf_notes("writer_pdf_Export"), "_comments"),
                        ("html", "html", ""), ("xml", "xml:MS Word 2003 XML", "_word2003")]),
    "calc": ("fods", [("ods", "ods", ""), ("xlsx", "xlsx", ""), ("xls", "xls", ""), ("pdf", "pdf", ""),
                      ("pdf", _pdf_notes("calc_pdf_Export"), "_comments"), ("html", "html:HTML (StarCalc)", ""),
                      ("xml", "xml:MS Excel 2003 XML", "_excel2003")]),
    "impress": ("fodp", [("odp", "odp", ""), ("pptx", "pptx", ""), ("ppt", "ppt", ""), ("pdf", "pdf", ""),
                         ("pdf", _pdf_notes("impress_pdf_Export"), "_comments"), ("html", "html", "")]),
}
BASENAMES = {"writer": "HR/Employee_review_2024", "calc": "Finance/Payroll_Q1",
             "impress": "Board/Strategy_offsite"}


# LibreOffice output committed for machines without it (CI): small (< 50
# KB together), remade by `make_docdump.py --fixtures` whenever the sources
# above change (the test fails on a stale one: its values are not found).
FIXTURE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "docdump")
FIXTURES = [("writer", "docx"), ("calc", "xlsx")]


def soffice_path():
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(src, fmt, arg, outdir, profile):
    exe = soffice_path()
    cmd = [exe, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
           "--convert-to", arg, "--outdir", outdir, src]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
                   env=dict(os.environ, HOME=os.path.dirname(profile) or "/tmp"))
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt)
    return out if os.path.exists(out) and os.path.getsize(out) else None


def very_hidden(xlsx, out, tip=None):
    """The xlsx as Excel leaves it after two edits LibreOffice cannot make:
    its sheet "VeryHidden" set to state="veryHidden" (what Excel's VBA
    property editor writes; no menu can show it again), and a ScreenTip
    (tooltip) on the first cell hyperlink."""
    with zipfile.ZipFile(xlsx) as zi, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info)
            if info.filename.startswith("xl/worksheets/sheet") and tip:
                data = re.sub(rb"(<hyperlink [^>]*?)(/?>)", lambda m: m.group(1) + b' tooltip="Mail '
                              + esc(tip).encode() + b'"' + m.group(2), data, count=1)
            if info.filename == "xl/workbook.xml":
                data = re.sub(rb'(<sheet name="VeryHidden"[^>]*?)(/>)', rb'\1 state="veryHidden"\2', data, count=1)
                data = re.sub(rb'(<sheet name="HiddenSheet"[^>]*?)state="veryHidden"', rb'\1state="hidden"', data)
            zo.writestr(info, data)


def screentip(docx, out, tip):
    """The docx with a ScreenTip on its first hyperlink (<w:hyperlink
    w:tooltip>: Insert > Link > ScreenTip in Word; LibreOffice writes none)."""
    with zipfile.ZipFile(docx) as zi, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zi.infolist():
            data = zi.read(info)
            if info.filename == "word/document.xml":
                data = re.sub(rb"<w:hyperlink ", b'<w:hyperlink w:tooltip="Call ' + esc(tip).encode() + b'" ',
                              data, count=1)
            zo.writestr(info, data)


def very_hidden_xls(xls, out):
    """The xls with the BoundSheet8 record of "VeryHidden" set to hsState 2
    (very hidden, [MS-XLS] 2.4.28): the record's name is an
    XLUnicodeString of 10 8-bit characters right after hsState and dt."""
    with open(xls, "rb") as f:
        data = bytearray(f.read())
    at = data.find(b"\x0a\x00VeryHidden")
    if at >= 2 and data[at - 2] == 0:
        data[at - 2] = 2
    with open(out, "wb") as f:
        f.write(bytes(data))


# --- the independent check: is the value in the file at all? --------------


def _variants(v):
    b = v.encode("utf-8")
    return [b, esc(v).encode(), v.encode("utf-16-le"), v.encode("utf-16-be")]


def blob_texts(data, depth=0):
    """What a value may sit in inside data: the bytes themselves; a zip's
    members (also a zip embedded at any offset, as in an OLE2 stream),
    with and without their XML tags; the hex of an RTF \\objdata decoded;
    recursively, 3 levels."""
    out = [data]
    if depth >= 3:
        return out
    starts = [m.start() for m in re.finditer(rb"PK\x03\x04", data)][:8]
    for at in starts:
        try:
            with zipfile.ZipFile(io.BytesIO(data[at:])) as z:
                for n in z.namelist():
                    try:
                        m = z.read(n)
                    except Exception:
                        continue
                    out += blob_texts(m, depth + 1)
                    out.append(re.sub(rb"<[^>]*>", b"", m))
        except (zipfile.BadZipFile, ValueError, EOFError, OSError):
            continue
    for h in re.findall(rb"\\objdata\s*([0-9A-Fa-f\s]{64,})", data):
        try:
            out += blob_texts(bytes.fromhex(re.sub(rb"\s", b"", h).decode()[: len(re.sub(rb"\s", b"", h)) // 2 * 2]),
                              depth + 1)
        except ValueError:
            pass
    return out


def pdf_texts(path, tmp):
    out = []
    if shutil.which("gs"):
        r = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=txtwrite",
                            "-sOutputFile=-", path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           timeout=120)
        out.append(r.stdout)
        out.append(re.sub(rb"\s+", b" ", r.stdout))
    if shutil.which("qpdf"):
        q = os.path.join(tmp, "qdf.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, q],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        if os.path.exists(q):
            with open(q, "rb") as f:
                raw = f.read()
            out.append(raw)
            # hex strings <FEFF...> and <...>
            for h in re.findall(rb"<([0-9A-Fa-f\s]{8,})>", raw):
                try:
                    bb = bytes.fromhex(re.sub(rb"\s", b"", h).decode())
                except ValueError:
                    continue
                out.append(bb)
    return out


def present(path, value, tmp):
    ext = path.rsplit(".", 1)[-1]
    with open(path, "rb") as f:
        raw = f.read()
    hay = blob_texts(raw)
    if ext == "pdf":
        hay += pdf_texts(path, tmp)
    for h in hay:
        for v in _variants(value):
            if v in h:
                return True
    return False


# --- the dump -------------------------------------------------------------

# Values in the file that leaksift does not read yet, in handlers this key
# does not test for now (ole2_doc.c and ole2_xls.c were being changed by
# another engineer): left out of the key, listed here and in the report of
# the change that wrote this generator.
#   .doc: the legacy form fields' FFDATA (Data stream) is read and keyed
#         since (hint, list entries)
#   .xls: string constants of formulas (ptgStr in the CELL formula's
#         rgce); data validations (DV), comment authors (NOTE), autofilter
#         criteria (AUTOFILTER) and chart titles (SeriesText) are read and
#         keyed since
#   Excel 2003 XML (xmlss.c): LibreOffice 7.4 writes a validation's help
#         message as bare text between </Styles> and the first Worksheet,
#         which the reader passes over
NOT_KEYED = {
    ("xml", "validation_help"),
    ("xls", "formula_literal"), ("xls", "formula_literal_token"),
}


def generate(out, profile=None, formats=None):
    """Writes OUT/dump, OUT/key.json, OUT/fp.key; returns the key."""
    dump = os.path.join(out, "dump")
    os.makedirs(dump, exist_ok=True)
    p = Planter()
    docs = {"writer": writer_doc(p), "calc": calc_doc(p), "impress": impress_doc(p)}
    fpkey = os.path.join(out, "fp.key")
    with open(fpkey, "wb") as f:
        f.write(b"docdump fingerprint key, fixed so runs compare")
    tmp = tempfile.mkdtemp(prefix="docdump-", dir=out)
    profile = profile or os.path.join(out, "lo-profile")
    have_lo = soffice_path() is not None
    files = {}   # doc -> [relative file]
    fixtures = []
    for doc, xml in docs.items():
        ext, targets = TARGETS[doc]
        rel = BASENAMES[doc] + "." + ext
        dst = os.path.join(dump, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "w", encoding="utf-8") as f:
            f.write(xml)
        files[doc] = [rel]
        if not have_lo:
            for fdoc, fext in FIXTURES:
                src = os.path.join(FIXTURE_DIR, os.path.basename(BASENAMES[doc]) + "." + fext)
                if fdoc == doc and os.path.exists(src):
                    relf = BASENAMES[doc] + "." + fext
                    shutil.copyfile(src, os.path.join(dump, relf))
                    files[doc].append(relf)
                    fixtures.append(relf)
                    edited = BASENAMES[doc] + ("_screentip.docx" if fext == "docx" else "_veryhidden.xlsx")
                    (screentip if fext == "docx" else very_hidden)(src, os.path.join(dump, edited), p.edits[doc])
                    files[doc].append(edited)
            continue
        for fmt, arg, suffix in targets:
            if formats and fmt not in formats:
                continue
            conv = os.path.join(tmp, doc + "-" + fmt + suffix)
            os.makedirs(conv, exist_ok=True)
            got = convert(dst, fmt, arg, conv, profile)
            if not got and (fmt, arg, suffix) == targets[0]:
                # The module is not installed (LibreOffice opens a flat
                # presentation in Writer when Impress is missing).
                print("make_docdump: soffice cannot write %s (module not installed?): "
                      "%s kept as the source only" % (fmt, rel), file=sys.stderr)
                break
            if not got:
                print("make_docdump: soffice gave no %s for %s" % (fmt, rel), file=sys.stderr)
                continue
            relo = BASENAMES[doc] + suffix + "." + fmt
            shutil.copyfile(got, os.path.join(dump, relo))
            files[doc].append(relo)
            if fmt in ("xlsx", "xls") and not suffix:
                relv = BASENAMES[doc] + "_veryhidden." + fmt
                if fmt == "xlsx":
                    very_hidden(got, os.path.join(dump, relv), p.edits.get(doc))
                else:
                    very_hidden_xls(got, os.path.join(dump, relv))
                files[doc].append(relv)
            if fmt == "docx" and not suffix:
                rels = BASENAMES[doc] + "_screentip.docx"
                screentip(got, os.path.join(dump, rels), p.edits[doc])
                files[doc].append(rels)
    entries = []
    for doc, rels in files.items():
        for rel in rels:
            path = os.path.join(dump, rel)
            for (d, spot, kind, v, norm, text, decoy) in p.plants:
                if d != doc or (rel.rsplit(".", 1)[-1], spot) in NOT_KEYED:
                    continue
                entity = ENTITY.get(kind, kind)
                rule = RULES.get(kind, "secret_url_credentials" if kind == "url_password" else None)
                if kind == "url_password":
                    entity = "password"
                if decoy:
                    expect = "must_not_find"
                else:
                    expect = "must_find" if present(path, v, tmp) else "absent"
                entries.append({"file": rel, "spot": spot, "rule": rule, "entity": entity,
                                "value": v, "norm": norm, "expect": expect})
    shutil.rmtree(tmp, ignore_errors=True)
    key = {"root": dump, "fingerprint_key": fpkey, "soffice": have_lo, "fixtures": fixtures,
           "entries": entries}
    with open(os.path.join(out, "key.json"), "w") as f:
        json.dump(key, f, indent=1)
    return key


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    prof = os.environ.get("DOCDUMP_LO_PROFILE", "/tmp/docdump-lo")
    if sys.argv[1] == "--fixtures":
        if not soffice_path():
            print("make_docdump: --fixtures needs soffice", file=sys.stderr)
            return 2
        tmp = tempfile.mkdtemp(prefix="docdump-fix-")
        key = generate(tmp, profile=prof, formats=sorted({e for d, e in FIXTURES}))
        os.makedirs(FIXTURE_DIR, exist_ok=True)
        for doc, ext in FIXTURES:
            shutil.copyfile(os.path.join(key["root"], BASENAMES[doc] + "." + ext),
                            os.path.join(FIXTURE_DIR, os.path.basename(BASENAMES[doc]) + "." + ext))
        shutil.rmtree(tmp, ignore_errors=True)
        print("make_docdump: fixtures written to %s" % os.path.normpath(FIXTURE_DIR))
        return 0
    key = generate(sys.argv[1], profile=prof, formats=sys.argv[2:] or None)
    n = {}
    for e in key["entries"]:
        n[e["expect"]] = n.get(e["expect"], 0) + 1
    print("make_docdump: %s: %s" % (key["root"], n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
