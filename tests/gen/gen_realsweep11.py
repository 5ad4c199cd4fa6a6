#!/usr/bin/env python3
"""Fixtures for the quirks found in an eleventh sweep of other projects'
test documents (CenterForOpenScience/pydocx, bokuweb/docx-rs,
scanny/python-pptx, open-xml-templating/docxtemplater, microsoft/markitdown,
decalage2/oletools, jgm/pandoc's docx, odt, rtf and pptx, mete0r/pyhwp),
read against pandoc, antiword/catppt and each package's own XML text: each
is the smallest file showing the quirk, written from scratch with the
Python stdlib; every name and number is made up.

    python3 gen_realsweep11.py OUTDIR

- numbered.docx: numbered paragraphs (w:numPr) whose labels are in no
  run: Word draws "1.", "(a)", "IV.", "Article 2" from word/numbering.xml
  (an abstract list's levels: start, numFmt, lvlText) and the paragraph
  styles of word/styles.xml (a heading style numbered through its own
  numPr, its level named by the level's w:pStyle). pydocx's list fixtures
  read 88.5% of pandoc's words, pandoc's own docx 96.8%, docx-rs's
  Japanese "第1章" headings lost their numbers; every clause number of a
  contract was missing. Also: a list instance whose startOverride restarts
  its level at 5, numId 0 (numbering taken off a numbered style), a
  w:pPrChange's old numPr (not the paragraph's), a bullet list (no label),
  decimalZero, isLgl, a list whose levels are a numbering style's
  (w:numStyleLink, as Word's multilevel lists in templates), and a glossary part (word/glossary/) that is not
  numbered by the document's lists.
- notes.rtf: footnotes and a comment inside a paragraph, as Word writes
  them ({\\footnote \\chftn ...}, {\\*\\atnauthor}\\chatn{\\*\\annotation ...}):
  each note's text was written where it is anchored, on lines of its own,
  cutting its paragraph in two (pandoc's footnote.rtf: "As others have
  noted," / the note / " this period was a turning point"): a name or a
  label and its value on two lines. Now the paragraph reads whole and the
  notes follow it; a note at a paragraph's start stays where it is.
- lists.odt: numbered lists as LibreOffice writes them: the labels ("1.",
  "a)", "1.2.", "IV.") are in no text node but drawn from the list style
  (text:list-style in styles.xml, which LibreOffice zips after
  content.xml, and in content.xml's automatic styles). pandoc's odt files
  read 94.9% of its words ("I.", "ii"). Also: a list that continues the
  one before (text:continue-numbering), a list header (no number), an
  item whose text:start-value sets its number, a bullet list (no label),
  an item that opens with a nested list (no label of its own), and
  headings numbered as chapters (text:outline-style in styles.xml: "1",
  "1.1" by text:outline-level; a list header heading has none).
- autonum.pptx: automatically numbered slide paragraphs (a:buAutoNum
  type="arabicPeriod", "alphaLcParenR", "romanUcPeriod", startAt), as
  PowerPoint and pandoc write them (pandoc's lists.pptx,
  start-numbering-at.pptx: "(1) First" read "First"); a level's numbers
  go on under deeper levels and restart after an unnumbered paragraph;
  a bullet (a:buChar) has no label.
- lists.doc: a Word 97 file's numbered paragraphs: their PAPX (PlcBtePapx
  FKP) names an LFO (sprmPIlfo) and a level (sprmPIlvl), the LFO a list
  (PlfLfo), the list its levels (PlfLst and the LVLs after it: iStartAt,
  nfc, fLegal, the xst whose characters 0-8 stand for the levels'
  numbers). POI's Lists.doc and simple-list.doc had read "First item in
  list" where antiword reads "1. First item in list". Also an LFO whose
  LFOLVL restarts level 0 at 5 (fStartAt), and headings numbered by their
  paragraph style (the STSH's UpxPapx, heading 2 taking its list from
  heading 1 through istdBase; POI's Bug52311.doc: "Header 2.1" had read
  without "2.1"), one taking the numbering off with sprmPIlfo 0.
"""
import os
import struct
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sweep_common as sc  # noqa: E402
from sweep_common import W, CT_DOC as CT_MAIN, ooxml_zip as _zip  # noqa: E402


def _docx(path, body, extra=()):
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body))
    ct = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
          'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="%s"/></Types>' % CT_MAIN)
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    # as Word zips them: the document before its numbering and styles
    _zip(path, [("[Content_Types].xml", ct), ("_rels/.rels", rels),
                ("word/document.xml", doc)] + list(extra))


def _wp(text, ppr=""):
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (
        "<w:pPr>%s</w:pPr>" % ppr if ppr else "", text)


def _num(num_id, ilvl=0):
    return '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (ilvl, num_id)


def _lvl(ilvl, fmt, text, start=1, extra=""):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s'
            '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" '
            'w:hanging="360"/></w:pPr></w:lvl>' % (ilvl, start, fmt, extra, text))


NUMBERED_LINES = [
    "1. Definitions",
    "2. Parties",
    "(a) Employer: Northwind Example Ltd",
    "(b) Employee: Jane Roe, SSN 536-22-1874",
    "i. born 14 March 1975",
    "(c) Agent: John Doe",
    "3. Payment",
    "Article 1 General provisions",
    "Article 2 Confidentiality",
    "2.1 Scope of the duty",
    "5. Restarted at five",
    "6. Continued",
    "01. Zero-padded item",
    "IV. Fourth schedule",
    "A. Lettered annex",
    "Section 1. Term",
    "Section 2. Termination",
]
NUMBERED_PLAIN = ["Unnumbered heading", "Formerly numbered", "Bullet point one", "Glossary entry"]


def docx_numbered(path):
    numbering = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:numbering xmlns:w="%s">' % W
        # 0: a clause list: 1. / (a) / i.
        + '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
        + _lvl(0, "decimal", "%1.") + _lvl(1, "lowerLetter", "(%2)") + _lvl(2, "lowerRoman", "%3.")
        + '</w:abstractNum>'
        # 1: headings, each level tied to a style; level 1 legal numbering
        + '<w:abstractNum w:abstractNumId="1">'
        + _lvl(0, "decimal", "Article %1", extra='<w:pStyle w:val="Heading1"/>')
        + _lvl(1, "lowerLetter", "%1.%2", extra='<w:pStyle w:val="Heading2"/><w:isLgl/>')
        + '</w:abstractNum>'
        + '<w:abstractNum w:abstractNumId="2">' + _lvl(0, "bullet", "\uf0b7") + '</w:abstractNum>'
        + '<w:abstractNum w:abstractNumId="3">' + _lvl(0, "decimalZero", "%1.") + '</w:abstractNum>'
        + '<w:abstractNum w:abstractNumId="4">' + _lvl(0, "upperRoman", "%1.", start=4)
        + '</w:abstractNum>'
        + '<w:abstractNum w:abstractNumId="5">' + _lvl(0, "upperLetter", "%1.") + '</w:abstractNum>'
        # 6 stands for the list of the numbering style LegalList: abstract list 7
        + '<w:abstractNum w:abstractNumId="6"><w:numStyleLink w:val="LegalList"/></w:abstractNum>'
        + '<w:abstractNum w:abstractNumId="7"><w:styleLink w:val="LegalList"/>'
        + _lvl(0, "decimal", "Section %1.") + '</w:abstractNum>'
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        + '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
          '<w:startOverride w:val="5"/></w:lvlOverride></w:num>'
        + '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>'
        + '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>'
        + '<w:num w:numId="6"><w:abstractNumId w:val="4"/></w:num>'
        + '<w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>'
        + '<w:num w:numId="8"><w:abstractNumId w:val="7"/></w:num>'
        + '<w:num w:numId="9"><w:abstractNumId w:val="6"/></w:num>'
        + '</w:numbering>')
    styles = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:styles xmlns:w="%s">' % W
        + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        + '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
          '<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
        # Heading2 takes its list from Heading1 (basedOn), its level from the list
        + '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
          '<w:basedOn w:val="Heading1"/></w:style>'
        + '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>'
        + '<w:style w:type="numbering" w:styleId="LegalList"><w:name w:val="Legal List"/>'
          '<w:pPr><w:numPr><w:numId w:val="8"/></w:numPr></w:pPr></w:style>'
        + '</w:styles>')
    h1 = '<w:pStyle w:val="Heading1"/>'
    body = (_wp("Definitions", _num(1)) + _wp("Parties", _num(1))
            + _wp("Employer: Northwind Example Ltd", _num(1, 1))
            + _wp("Employee: Jane Roe, SSN 536-22-1874", _num(1, 1))
            + _wp("born 14 March 1975", _num(1, 2))
            + _wp("Agent: John Doe", _num(1, 1))
            + _wp("Payment", _num(1))
            + _wp("General provisions", h1) + _wp("Confidentiality", h1)
            + _wp("Scope of the duty", '<w:pStyle w:val="Heading2"/>')
            + _wp("Unnumbered heading", h1 + '<w:numPr><w:numId w:val="0"/></w:numPr>')
            + _wp("Formerly numbered", '<w:pPrChange w:id="1" w:author="Jane Roe"><w:pPr>'
                  + _num(1) + '</w:pPr></w:pPrChange>')
            + _wp("Restarted at five", _num(3)) + _wp("Continued", _num(3))
            + _wp("Bullet point one", _num(4))
            + _wp("Zero-padded item", _num(5))
            + _wp("Fourth schedule", _num(6))
            + _wp("Lettered annex", _num(7))
            + _wp("Term", _num(9)) + _wp("Termination", _num(9)))
    glossary = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:glossaryDocument xmlns:w="%s"><w:docParts><w:docPart><w:docPartBody>%s'
                '</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>'
                % (W, _wp("Glossary entry", _num(1))))
    _docx(path, body, [("word/numbering.xml", numbering), ("word/styles.xml", styles),
                       ("word/glossary/document.xml", glossary)])


NOTES_LINES = [
    "Employee Jane Roe, SSN 536-22-1874, joined the Leeds office in 2014.",
    "Verified against the HR file by Mary Major.",
    "Her manager John Doe approved the transfer on 2 May 2014.",
    "Mary Major",
    "Check the date with payroll.",
    "A note at the start of a paragraph.",
    "The last paragraph follows its note.",
]


def rtf_notes(path):
    fn = ("{\\footnote \\pard\\plain \\s15\\fs20 {\\cs16\\super \\chftn } %s}")
    doc = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}\n"
           "\\pard\\plain Employee Jane Roe, SSN 536-22-"
           "{\\cs16\\super \\chftn}" + fn % "Verified against the HR file by Mary Major." +
           "1874, joined the Leeds office in 2014.\\par\n"
           "\\pard\\plain Her manager John "
           "{\\*\\atnid MM}{\\*\\atnauthor Mary Major}\\chatn"
           "{\\*\\annotation{\\*\\atnref 1}\\pard\\plain Check the date with payroll.}"
           "Doe approved the transfer on 2 May 2014.\\par\n"
           "\\pard\\plain " + fn % "A note at the start of a paragraph." +
           "The last paragraph follows its note.\\par\n}\n")
    with open(path, "w", newline="") as f:
        f.write(doc)


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
          'office:version="1.3"')

LISTS_LINES = [
    "1. Scope",
    "2. Parties",
    "a) Employer: Northwind Example Ltd",
    "b) Employee: Jane Roe, SSN 536-22-1874",
    "2.b.1. born 14 March 1975",
    "3. Payment",
    "4. Continued after a paragraph",
    "IV. Fourth schedule",
    "V. Fifth schedule",
    "IX. Ninth, by its own start value",
    "X. Tenth",
    "Chapter 1 Introduction",
    "Chapter 1.1 Background",
    "Chapter 2 Terms",
]
LISTS_PLAIN = ["List heading without a number", "Bullet entry", "Between the lists",
               "Nested first", "Unnumbered heading"]


def _lvl_num(level, fmt, suffix, start=None, shown=None):
    return ('<text:list-level-style-number text:level="%d" style:num-format="%s" '
            'style:num-suffix="%s"%s%s><style:list-level-properties/>'
            '</text:list-level-style-number>'
            % (level, fmt, suffix, ' text:start-value="%d"' % start if start else "",
               ' text:display-levels="%d"' % shown if shown else ""))


def _li(text, attrs=""):
    return '<text:list-item%s><text:p>%s</text:p></text:list-item>' % (attrs, text)


def odt_lists(path):
    outline = ('<text:outline-style style:name="Outline">'
               '<text:outline-level-style text:level="1" style:num-format="1" '
               'style:num-prefix="Chapter "/>'
               '<text:outline-level-style text:level="2" style:num-format="1" '
               'style:num-prefix="Chapter " text:display-levels="2"/>'
               '<text:outline-level-style text:level="3" style:num-format=""/>'
               '</text:outline-style>')
    styles = ('<?xml version="1.0" encoding="UTF-8"?><office:document-styles %s><office:styles>'
              '<text:list-style style:name="Numbering_20_123">%s%s%s</text:list-style>%s'
              '</office:styles></office:document-styles>'
              % (ODF_NS, _lvl_num(1, "1", "."), _lvl_num(2, "a", ")"),
                 _lvl_num(3, "1", ".", shown=3), outline))
    auto = ('<office:automatic-styles><text:list-style style:name="L1">%s</text:list-style>'
            '<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" '
            'text:bullet-char="•"/></text:list-style></office:automatic-styles>'
            % _lvl_num(1, "I", ".", start=4))
    body = ('<text:h text:outline-level="1">Introduction</text:h>'
            '<text:h text:outline-level="2">Background</text:h>'
            '<text:h text:outline-level="1" text:is-list-header="true">Unnumbered heading</text:h>'
            '<text:list text:style-name="Numbering_20_123">'
            '<text:list-header><text:p>List heading without a number</text:p></text:list-header>'
            + _li("Scope")
            + '<text:list-item><text:p>Parties</text:p><text:list>'
            + _li("Employer: Northwind Example Ltd")
            + '<text:list-item><text:p>Employee: Jane Roe, SSN 536-22-1874</text:p><text:list>'
            + _li("born 14 March 1975") + '</text:list></text:list-item>'
            + '</text:list></text:list-item>'
            + _li("Payment") + '</text:list>'
            + '<text:p>Between the lists</text:p>'
            + '<text:list text:style-name="Numbering_20_123" text:continue-numbering="true">'
            + _li("Continued after a paragraph") + '</text:list>'
            + '<text:list text:style-name="L1">' + _li("Fourth schedule") + _li("Fifth schedule")
            + _li("Ninth, by its own start value", ' text:start-value="9"') + _li("Tenth")
            + '</text:list>'
            + '<text:list text:style-name="L2">' + _li("Bullet entry") + '</text:list>'
            + '<text:list text:style-name="L2"><text:list-item><text:list>' + _li("Nested first")
            + '</text:list></text:list-item></text:list>'
            + '<text:h text:outline-level="1">Terms</text:h>')
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s>%s'
               '<office:body><office:text>%s</office:text></office:body>'
               '</office:document-content>' % (ODF_NS, auto, body))
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content.encode("utf-8"))  # as LibreOffice: before styles.xml
        z.writestr("styles.xml", styles.encode("utf-8"))
        z.writestr("META-INF/manifest.xml", manifest)


P_NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')

AUTONUM_LINES = [
    "1. Collect the badge",
    "2. Sign the NDA",
    "a) Employee: Jane Roe",
    "b) SSN 536-22-1874",
    "3. Return the laptop",
    "1. Restarted after a plain paragraph",
    "(3) Third example",
    "(4) Fourth example",
    "IV. Fourth step",
]
AUTONUM_PLAIN = ["A plain paragraph", "A bulleted point"]


def _ap(text, bullet="", lvl=0):
    return ('<a:p><a:pPr lvl="%d" marL="0" indent="0">%s</a:pPr><a:r><a:rPr lang="en-US"/>'
            '<a:t>%s</a:t></a:r></a:p>' % (lvl, bullet, text))


def _sp(paras):
    return ('<p:sp><p:nvSpPr><p:cNvPr id="2" name="Content"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            '<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>%s</p:txBody></p:sp>' % "".join(paras))


def pptx_autonum(path):
    num = '<a:buFont typeface="+mj-lt"/><a:buAutoNum type="%s"%s/>'
    ar, lc = num % ("arabicPeriod", ""), num % ("alphaLcParenR", "")
    slide = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld %s><p:cSld><p:spTree>'
             '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
             '<p:grpSpPr/>%s%s%s</p:spTree></p:cSld></p:sld>'
             % (P_NS,
                _sp([_ap("Collect the badge", ar), _ap("Sign the NDA", ar),
                     _ap("Employee: Jane Roe", lc, 1), _ap("SSN 536-22-1874", lc, 1),
                     _ap("Return the laptop", ar), _ap("A plain paragraph", "<a:buNone/>"),
                     _ap("Restarted after a plain paragraph", ar),
                     _ap("A bulleted point", '<a:buChar char="•"/>')]),
                _sp([_ap("Third example", num % ("arabicParenBoth", ' startAt="3"')),
                     _ap("Fourth example", num % ("arabicParenBoth", ' startAt="3"'))]),
                _sp([_ap("Fourth step", num % ("romanUcPeriod", ' startAt="4"'))])))
    pres = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation %s>'
            '<p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst>'
            '<p:sldSz cx="9144000" cy="6858000"/></p:presentation>' % P_NS)
    ct = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
          'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.presentationml.presentation.main+xml"/><Override PartName="/ppt/slides/'
          'slide1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.'
          'slide+xml"/></Types>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/>'
            '</Relationships>')
    prels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
             '2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
             'officeDocument/2006/relationships/slide" Target="slides/slide1.xml"/></Relationships>')
    _zip(path, [("[Content_Types].xml", ct), ("_rels/.rels", rels),
                ("ppt/presentation.xml", pres), ("ppt/_rels/presentation.xml.rels", prels),
                ("ppt/slides/slide1.xml", slide)])


DOC_LINES = [
    "1. Definitions",
    "2. Parties",
    "(a) Employee: Jane Roe, SSN 536-22-1874",
    "(b) Employer: Northwind Example Ltd",
    "2.2.1 born 14 March 1975",
    "3. Payment",
    "5. Restarted at five",
    "6. Continued",
    "1 Scope",
    "1.1 Purpose",
    "2 Terms",
]
DOC_PLAIN = ["Intro paragraph", "Last paragraph", "Unnumbered heading"]


def _doc_std(name, base, grpprl):
    """A paragraph style's STD: StdfBase (stk 1, istdBase), xstzName, an
    UpxPapx (cbUpx, istd, grpprl, padded) and an empty UpxChpx."""
    stdf = struct.pack("<HHHHH", 0, 1 | (base << 4), 2, 0, 0)
    nm = struct.pack("<H", len(name)) + name.encode("utf-16-le") + b"\0\0"
    upx = struct.pack("<HH", 2 + len(grpprl), 0) + grpprl
    upx += b"\0" * (len(upx) & 1)
    std = stdf + nm + upx + struct.pack("<H", 0)
    return struct.pack("<H", len(std)) + std


def doc_lists(path):
    """A Word 97 file: one compressed piece, a PlcBtePapx FKP whose PAPXs
    give sprmPIlvl and sprmPIlfo, PlfLst (one list of nine levels) and
    PlfLfo (two LFOs of that list, the second restarting level 0 at 5)."""
    paras = [("Intro paragraph", None), ("Definitions", (1, 0)), ("Parties", (1, 0)),
             ("Employee: Jane Roe, SSN 536-22-1874", (1, 1)),
             ("Employer: Northwind Example Ltd", (1, 1)), ("born 14 March 1975", (1, 2)),
             ("Payment", (1, 0)), ("Restarted at five", (2, 0)), ("Continued", (2, 0)),
             ("Scope", 1), ("Purpose", 2), ("Unnumbered heading", (0, 0, 1)), ("Terms", 1),
             ("Last paragraph", None)]
    text = "".join(p + "\r" for p, _ in paras).encode("cp1252")
    papxs = []
    for _, lst in paras:
        if isinstance(lst, int):  # a heading: its style's numbering (istd only)
            papxs.append(b"\x02" + struct.pack("<H", lst) + b"\0")
        elif lst:  # cb 0, cb' 5: istd, sprmPIlvl, sprmPIlfo, a pad byte
            papxs.append(b"\0\x05" + struct.pack("<HHB", lst[2] if len(lst) > 2 else 0, 0x260A, lst[1])
                         + struct.pack("<HH", 0x460B, lst[0]) + b"\0")
        else:
            papxs.append(b"\x02" + struct.pack("<H", 0) + b"\0")
    # PAPXs past rgfc and rgbx (4 * 15 + 13 * 14 bytes)
    wd, table = sc.w97_papx_doc(text, [len(p) + 1 for p, _ in paras], papxs, 2 * 140)
    # the stylesheet: Normal, heading 1 (list LFO 3, level 0), heading 2
    # (level 1, its list from heading 1)
    stshi = struct.pack("<9H", 3, 10, 1, 3, 0, 0, 0, 0, 0)
    stsh = (struct.pack("<H", len(stshi)) + stshi + _doc_std("Normal", 0x0FFF, b"")
            + _doc_std("heading 1", 0, struct.pack("<HHHB", 0x460B, 3, 0x260A, 0))
            + _doc_std("heading 2", 1, struct.pack("<HB", 0x260A, 1)))
    struct.pack_into("<II", wd, 154 + 8 * 1, len(table), len(stsh))  # STSH
    table += stsh
    lsid, hsid = 0x1234ABCD, 0x55556666
    lstf = struct.pack("<II", lsid, 0) + struct.pack("<9H", *[0x0FFF] * 9) + b"\0\0"
    hstf = struct.pack("<II", hsid, 0) + struct.pack("<9H", *[0x0FFF] * 9) + b"\0\0"
    plflst = struct.pack("<H", 2) + lstf + hstf
    lvls = (sc.w97_lvl(1, 0, "\x00.") + sc.w97_lvl(1, 4, "(\x01)")
            + sc.w97_lvl(1, 2, "\x00.\x01.\x02", legal=True)
            + b"".join(sc.w97_lvl(1, 0, chr(k) + ".") for k in range(3, 9)))
    lvls += (sc.w97_lvl(1, 0, "\x00") + sc.w97_lvl(1, 0, "\x00.\x01")
             + b"".join(sc.w97_lvl(1, 0, chr(k)) for k in range(2, 9)))
    struct.pack_into("<II", wd, 154 + 8 * 73, len(table), len(plflst))  # PlfLst
    table += plflst + lvls  # the LVLs follow, outside lcbPlfLst
    lfo = struct.pack("<IIIBBBB", lsid, 0, 0, 0, 0, 0, 0)
    lfo2 = struct.pack("<IIIBBBB", lsid, 0, 0, 1, 0, 0, 0)
    lfo3 = struct.pack("<IIIBBBB", hsid, 0, 0, 0, 0, 0, 0)
    plflfo = (struct.pack("<I", 3) + lfo + lfo2 + lfo3 + struct.pack("<I", 0)
              + struct.pack("<I", 0) + struct.pack("<II", 5, 0x10)  # LFOLVL: level 0, fStartAt
              + struct.pack("<I", 0))
    struct.pack_into("<II", wd, 154 + 8 * 74, len(table), len(plflfo))  # PlfLfo
    table += plflfo
    sc.write(path, sc.cfb([("WordDocument", bytes(wd)), ("0Table", bytes(table))]))


def generate(out):
    os.makedirs(out, exist_ok=True)
    docx_numbered(os.path.join(out, "numbered.docx"))
    rtf_notes(os.path.join(out, "notes.rtf"))
    odt_lists(os.path.join(out, "lists.odt"))
    pptx_autonum(os.path.join(out, "autonum.pptx"))
    doc_lists(os.path.join(out, "lists.doc"))
    return {"numbered.docx": NUMBERED_LINES, "notes.rtf": NOTES_LINES, "lists.odt": LISTS_LINES,
            "autonum.pptx": AUTONUM_LINES, "lists.doc": DOC_LINES}


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
