#!/usr/bin/env python3
"""Fixtures for the office-document quirks left from the eleventh and
twelfth sweeps and found in a fourteenth (openpreserve/format-corpus,
dotnet/Open-XML-SDK's and SheetJS's test files): each is the smallest file
showing the quirk, written from scratch with the Python stdlib; every name
and number is made up.

    python3 gen_realsweep14.py OUTDIR

- restart.docx: Word list levels that do not restart as the default says
  (w:lvlRestart 0: a sub-level that goes on counting under each new
  top-level item; w:lvlRestart 1: a third level that only the first level
  restarts), and list instances whose w:lvlOverride holds a whole w:lvl
  (its own format and text: "III.", "Item 10:"), showing the count of
  the abstract list they point to, as Word does (Tika's
  testWORD_override_list_numbering: "1", "B", "C"); an ordinal level
  ("1st") and a level used before the one above it ("1st.1.a", then
  "1st.2": the skipped level counts on from its start). They read "c)"
  as "a)", "ii." as "i.", "III. Gamma" as "3. Gamma", "1st.2" as "1.1".
- backslash.xlsx: a workbook zipped with Windows separators in its member
  names ("xl\\worksheets\\sheet1.xml") and its parts' names in lower case
  ("[content_types].xml", "xl\\sharedstrings.xml"), as NPOI's 49609.xlsx
  (a .NET zip library's output): read as a zip of loose XML files, its
  rows never put together and its shared strings apart from their cells.

- inherit.pptx: slide paragraphs numbered by what their placeholder
  inherits (no a:pPr of their own, or one without a bullet): the slide
  master's p:txStyles/p:bodyStyle (lvl1pPr a:buAutoNum arabicPeriod,
  lvl2pPr alphaLcParenR) and a layout placeholder's a:lstStyle
  (romanUcPeriod, matched by the slide placeholder's idx), as
  PowerPoint's numbered templates are: "First point" read without its
  "1.". A title, a text box, a paragraph with its own a:buNone and the
  notes page's body stay unnumbered.

- numfmt.xlsx: numbers under percent and fraction formats, custom
  ("0.00%", "0.0%", "# ?/?") and built-in (9 "0%", 13 "# ??/??"), read
  as the stored double ("0.1234", "1.5") where Excel, LibreOffice and the
  ods text show "12.34%" and "1 1/2"; beside them the digit layouts
  already read (an SSN under "000-00-0000", a phone under the
  conditional "[<=9999999]###-####;(###) ###-####") and a nine-digit
  number under a percent format, which stays digits.

- datastyles.ods: a spreadsheet's data styles in content.xml's
  office:automatic-styles (number:text "%", "/", a currency symbol), as
  LibreOffice writes them for percent, date and currency cells: their
  literals were read as text, a line "%%//EUR" before the first sheet.

- restart.doc: the same in a Word 97 file: a level whose LVLF has
  fNoRestart with ilvlRestartLim 0 (never restarted: "c)" had read
  "a)"), and an LFO whose LFOLVL has fFormatting and its own LVL
  (upper-case roman, the list's count: "III. Gamma" had read "3. Gamma").

Returns {file: [lines the text must hold]}.
"""
import os
import struct
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sweep_common as sc  # noqa: E402
from sweep_common import W, S, R, CT_DOC, CT_WB, CT_WS, CT_SST, XMLDECL, OFFDOC  # noqa: E402
from sweep_common import ooxml_zip as _zip, ooxml_types as _types, ooxml_rels as _rels  # noqa: E402


# ------------------------------------------------------------ restart.docx


def _wp(text, num_id=None, ilvl=0):
    ppr = ""
    if num_id is not None:
        ppr = ('<w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>'
               % (ilvl, num_id))
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, escape(text))


def _lvl(ilvl, fmt, text, start=1, extra=""):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s'
            '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/></w:lvl>'
            % (ilvl, start, fmt, extra, text))


RESTART_LINES = [
    "1. Alpha", "a) First sub", "b) Second sub", "2. Beta", "c) Third sub",
    "1 Part one", "1.1 Clause", "i. point", "1.2 Clause", "ii. point", "2 Part two", "i. point again",
    "III. Gamma", "IV. Delta", "5. Epsilon",
    "Item 10: Employee SSN 536-22-1874",
    "1st Chapter", "1st.1.a Deep clause", "1st.2 Next section",
]


def docx_restart(path):
    numbering = (
        XMLDECL + '<w:numbering xmlns:w="%s">' % W +
        # a sub-level that never restarts (lvlRestart 0)
        '<w:abstractNum w:abstractNumId="1">' + _lvl(0, "decimal", "%1.") +
        _lvl(1, "lowerLetter", "%2)", extra='<w:lvlRestart w:val="0"/>') + '</w:abstractNum>' +
        # a third level restarted by the first level only (lvlRestart 1)
        '<w:abstractNum w:abstractNumId="2">' + _lvl(0, "decimal", "%1") +
        _lvl(1, "decimal", "%1.%2") +
        _lvl(2, "lowerRoman", "%3.", extra='<w:lvlRestart w:val="1"/>') + '</w:abstractNum>' +
        # an ordinal first level; its third level used before its second
        '<w:abstractNum w:abstractNumId="5">' + _lvl(0, "ordinal", "%1") +
        _lvl(1, "decimal", "%1.%2") + _lvl(2, "lowerLetter", "%1.%2.%3") + '</w:abstractNum>' +
        '<w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num>' +
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>' +
        # list instances of abstract list 1 redefining its first level
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">' +
        _lvl(0, "upperRoman", "%1.") + '</w:lvlOverride></w:num>' +
        '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="10"/>' + _lvl(0, "decimal", "Item %1:") +
        '</w:lvlOverride></w:num>' +
        '</w:numbering>')
    body = "".join([
        _wp("Alpha", 1), _wp("First sub", 1, 1), _wp("Second sub", 1, 1), _wp("Beta", 1),
        _wp("Third sub", 1, 1),
        _wp("Part one", 2), _wp("Clause", 2, 1), _wp("point", 2, 2), _wp("Clause", 2, 1),
        _wp("point", 2, 2), _wp("Part two", 2), _wp("point again", 2, 2),
        _wp("Gamma", 3), _wp("Delta", 3), _wp("Epsilon", 1),
        _wp("Employee SSN 536-22-1874", 4),
        _wp("Chapter", 5), _wp("Deep clause", 5, 2), _wp("Next section", 5, 1),
    ])
    doc = XMLDECL + '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body)
    wrels = _rels([("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                    "numbering", "numbering.xml")])
    _zip(path, [("[Content_Types].xml", _types([("/word/document.xml", CT_DOC)])),
                ("_rels/.rels", _rels([(OFFDOC, "word/document.xml")])),
                ("word/document.xml", doc), ("word/_rels/document.xml.rels", wrels),
                ("word/numbering.xml", numbering)])


# ------------------------------------------------------------ backslash.xlsx

BACKSLASH_LINES = [
    "Name\tSSN\tCity",
    "Jane Roe\t536-22-1874\tSpringfield",
    "John Doe\t412-55-6781\tShelbyville",
]


def xlsx_backslash(path):
    strings = ["Name", "SSN", "City", "Jane Roe", "536-22-1874", "Springfield", "John Doe",
               "412-55-6781", "Shelbyville"]
    sst = (XMLDECL + '<sst xmlns="%s" count="%d" uniqueCount="%d">' % (S, len(strings), len(strings))
           + "".join("<si><t>%s</t></si>" % escape(t) for t in strings) + "</sst>")
    rows = []
    for r in range(3):
        cells = "".join('<c r="%s%d" t="s"><v>%d</v></c>' % ("ABC"[c], r + 1, r * 3 + c)
                        for c in range(3))
        rows.append('<row r="%d">%s</row>' % (r + 1, cells))
    sheet = (XMLDECL + '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>'
             % (S, "".join(rows)))
    wb = (XMLDECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Staff" sheetId="1" '
          'r:id="rId1"/></sheets></workbook>' % (S, R))
    wbrels = _rels([("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                     "worksheet", "worksheets/sheet1.xml"),
                    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                     "sharedStrings", "sharedstrings.xml")])
    types = _types([("/xl/workbook.xml", CT_WB), ("/xl/worksheets/sheet1.xml", CT_WS),
                    ("/xl/sharedstrings.xml", CT_SST)])
    # the member order and names of 49609.xlsx: strings before the sheet
    _zip(path, [("[content_types].xml", types), ("xl\\sharedstrings.xml", sst),
                ("xl\\_rels\\workbook.xml.rels", wbrels), ("xl\\worksheets\\sheet1.xml", sheet),
                ("xl\\workbook.xml", wb), ("_rels\\.rels", _rels([(OFFDOC, "xl/workbook.xml")]))])


# ------------------------------------------------------------ inherit.pptx

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_PRES = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
CT_SLIDE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
CT_LAYOUT = "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"
CT_MASTER = "application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"
CT_NOTES = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"


def _ap(text, ppr=""):
    return "<a:p>%s<a:r><a:rPr lang=\"en-US\"/><a:t>%s</a:t></a:r></a:p>" % (ppr, escape(text))


def _sp(sid, ph, paras, lst=""):
    nv = "<p:nvPr>%s</p:nvPr>" % ph if ph else "<p:nvPr/>"
    return ('<p:sp><p:nvSpPr><p:cNvPr id="%d" name="Shape %d"/><p:cNvSpPr/>%s</p:nvSpPr>'
            '<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle>%s</a:lstStyle>%s</p:txBody></p:sp>'
            % (sid, sid, nv, lst, "".join(paras)))


def _sld(root, shapes, extra=""):
    return (XMLDECL + '<p:%s xmlns:a="%s" xmlns:r="%s" xmlns:p="%s"><p:cSld><p:spTree>'
            '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr/>%s</p:spTree></p:cSld>%s</p:%s>' % (root, A, R, P, "".join(shapes), extra, root))


INHERIT_LINES = [
    "Quarterly review", "1. First point", "2. Second point", "a) Sub point", "3. Third point",
    "I. Alpha", "II. Beta", "Not numbered", "Plain note", "Speaker note Jane Roe",
]


def pptx_inherit(path):
    auto = '<a:lvl%dpPr marL="0"><a:buFont typeface="+mj-lt"/><a:buAutoNum type="%s"/></a:lvl%dpPr>'
    master = _sld("sldMaster", [
        _sp(2, '<p:ph type="title"/>', [_ap("Click to edit Master title style")]),
        _sp(3, '<p:ph type="body" idx="1"/>', [_ap("Click to edit Master text styles")]),
    ], '<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>'
       '<p:txStyles><p:titleStyle><a:lvl1pPr><a:buNone/></a:lvl1pPr></p:titleStyle>'
       '<p:bodyStyle>' + auto % (1, "arabicPeriod", 1) + auto % (2, "alphaLcParenR", 2) +
       '</p:bodyStyle><p:otherStyle><a:lvl1pPr/></p:otherStyle></p:txStyles>')
    layout1 = _sld("sldLayout", [_sp(2, '<p:ph type="title"/>', []),
                                 _sp(3, '<p:ph idx="1"/>', [])])
    layout2 = _sld("sldLayout", [_sp(2, '<p:ph type="title"/>', []),
                                 _sp(3, '<p:ph idx="1"/>', []),
                                 _sp(4, '<p:ph sz="half" idx="2"/>', [],
                                     auto % (1, "romanUcPeriod", 1))])
    slide1 = _sld("sld", [
        _sp(2, '<p:ph type="title"/>', [_ap("Quarterly review")]),
        _sp(3, '<p:ph idx="1"/>', [_ap("First point"), _ap("Second point"),
                                   _ap("Sub point", '<a:pPr lvl="1"/>'), _ap("Third point")]),
    ])
    slide2 = _sld("sld", [
        _sp(3, '<p:ph idx="1"/>', [_ap("Not numbered", '<a:pPr><a:buNone/></a:pPr>')]),
        _sp(4, '<p:ph sz="half" idx="2"/>', [_ap("Alpha"), _ap("Beta")]),
        _sp(5, None, [_ap("Plain note")]),
    ])
    notes = _sld("notes", [_sp(2, '<p:ph type="body" idx="1"/>', [_ap("Speaker note Jane Roe")])])
    pres = (XMLDECL + '<p:presentation xmlns:a="%s" xmlns:r="%s" xmlns:p="%s">'
            '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
            '<p:sldIdLst><p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/>'
            '</p:sldIdLst></p:presentation>' % (A, R, P))
    types = _types([("/ppt/presentation.xml", CT_PRES), ("/ppt/slides/slide1.xml", CT_SLIDE),
                    ("/ppt/slides/slide2.xml", CT_SLIDE),
                    ("/ppt/slideLayouts/slideLayout1.xml", CT_LAYOUT),
                    ("/ppt/slideLayouts/slideLayout2.xml", CT_LAYOUT),
                    ("/ppt/slideMasters/slideMaster1.xml", CT_MASTER),
                    ("/ppt/notesSlides/notesSlide1.xml", CT_NOTES)])
    lay = RT + "slideLayout"
    # PowerPoint's member order: slides before their layouts and master
    _zip(path, [
        ("[Content_Types].xml", types), ("_rels/.rels", _rels([(OFFDOC, "ppt/presentation.xml")])),
        ("ppt/presentation.xml", pres),
        ("ppt/_rels/presentation.xml.rels", _rels([(RT + "slideMaster", "slideMasters/slideMaster1.xml"),
                                                   (RT + "slide", "slides/slide1.xml"),
                                                   (RT + "slide", "slides/slide2.xml")])),
        ("ppt/slides/_rels/slide1.xml.rels", _rels([(lay, "../slideLayouts/slideLayout1.xml"),
                                                    (RT + "notesSlide", "../notesSlides/notesSlide1.xml")])),
        ("ppt/slides/_rels/slide2.xml.rels", _rels([(lay, "/ppt/slideLayouts/slideLayout2.xml")])),
        ("ppt/slides/slide1.xml", slide1), ("ppt/slides/slide2.xml", slide2),
        ("ppt/notesSlides/notesSlide1.xml", notes),
        ("ppt/slideLayouts/_rels/slideLayout1.xml.rels",
         _rels([(RT + "slideMaster", "../slideMasters/slideMaster1.xml")])),
        ("ppt/slideLayouts/_rels/slideLayout2.xml.rels",
         _rels([(RT + "slideMaster", "../slideMasters/slideMaster1.xml")])),
        ("ppt/slideLayouts/slideLayout1.xml", layout1), ("ppt/slideLayouts/slideLayout2.xml", layout2),
        ("ppt/slideMasters/_rels/slideMaster1.xml.rels",
         _rels([(lay, "../slideLayouts/slideLayout1.xml"), (lay, "../slideLayouts/slideLayout2.xml")])),
        ("ppt/slideMasters/slideMaster1.xml", master),
    ])


# ------------------------------------------------------------ numfmt.xlsx

NUMFMT_ROWS = [  # (label, value, format id, shown)
    ("Bonus rate", 0.1234, 164, "12.34%"),
    ("Attrition", -0.05, 165, "-5.0%"),
    ("Share", 0.5, 9, "50%"),
    ("Hours", 1.5, 166, "1 1/2"),
    ("Portion", 0.75, 13, "3/4"),
    ("Third", 2.3333333, 12, "2 1/3"),
    ("SSN", 78051120, 167, "078-05-1120"),
    ("Phone", 2128675309, 168, "(212) 867-5309"),
    ("Employee id", 536221874, 9, "536221874"),
]
NUMFMT_CODES = [(164, "0.00%"), (165, "0.0%"), (166, "# ?/?"), (167, "000-00-0000"),
                (168, "[<=9999999]###-####;(###) ###-####")]


def xlsx_numfmt(path):
    ids = sorted({r[2] for r in NUMFMT_ROWS})
    styles = (XMLDECL + '<styleSheet xmlns="%s"><numFmts count="%d">%s</numFmts>' % (
        S, len(NUMFMT_CODES), "".join('<numFmt numFmtId="%d" formatCode="%s"/>' % (i, escape(c, {'"': "&quot;"}))
                                      for i, c in NUMFMT_CODES)) +
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
              '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" '
              'fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="%d"><xf '
              'numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' % (len(ids) + 1) +
              "".join('<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" '
                      'applyNumberFormat="1"/>' % i for i in ids) + '</cellXfs></styleSheet>')
    rows = []
    for k, (label, v, fid, _) in enumerate(NUMFMT_ROWS):
        rows.append('<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d" s="%d">'
                    '<v>%r</v></c></row>' % (k + 1, k + 1, escape(label), k + 1, ids.index(fid) + 1, v))
    sheet = XMLDECL + '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (S, "".join(rows))
    wb = (XMLDECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Rates" sheetId="1" '
          'r:id="rId1"/></sheets></workbook>' % (S, R))
    rt = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    _zip(path, [("[Content_Types].xml", _types([("/xl/workbook.xml", CT_WB),
                                                 ("/xl/worksheets/sheet1.xml", CT_WS)])),
                ("_rels/.rels", _rels([(OFFDOC, "xl/workbook.xml")])),
                ("xl/workbook.xml", wb),
                ("xl/_rels/workbook.xml.rels", _rels([(rt + "worksheet", "worksheets/sheet1.xml"),
                                                      (rt + "styles", "styles.xml")])),
                ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet)])


# ------------------------------------------------------------ datastyles.ods

ODS_LINES = ["Name\tRate\tHired\tSalary", "Jane Roe\t5%\t1990-01-01 01/01/1990\t52,000 EUR"]


def ods_datastyles(path):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
    styles = (
        '<office:automatic-styles>'
        '<number:percentage-style style:name="N11"><number:number number:decimal-places="0" '
        'number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>'
        '<number:date-style style:name="N37"><number:month number:style="long"/><number:text>/'
        '</number:text><number:day number:style="long"/><number:text>/</number:text>'
        '<number:year number:style="long"/></number:date-style>'
        '<number:currency-style style:name="N108"><number:number number:decimal-places="0" '
        'number:min-integer-digits="1" number:grouping="true"/><number:text> </number:text>'
        '<number:currency-symbol>EUR</number:currency-symbol></number:currency-style>'
        '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N11"/>'
        '</office:automatic-styles>')

    def cell(v):
        if isinstance(v, tuple):
            return v[0]
        return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(v)
    rows = [["Name", "Rate", "Hired", "Salary"],
            ["Jane Roe",
             ('<table:table-cell table:style-name="ce1" office:value-type="percentage" '
              'office:value="0.05"><text:p>5%</text:p></table:table-cell>',),
             ('<table:table-cell office:value-type="date" office:date-value="1990-01-01">'
              '<text:p>01/01/1990</text:p></table:table-cell>',),
             ('<table:table-cell office:value-type="currency" office:currency="EUR" '
              'office:value="52000"><text:p>52,000 EUR</text:p></table:table-cell>',)]]
    body = "".join("<table:table-row>%s</table:table-row>" % "".join(cell(v) for v in r) for r in rows)
    content = (XMLDECL + '<office:document-content %s office:version="1.3">%s<office:body>'
               '<office:spreadsheet><table:table table:name="Staff">%s</table:table>'
               '</office:spreadsheet></office:body></office:document-content>' % (ns, styles, body))
    manifest = (XMLDECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                'xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


# ------------------------------------------------------------ restart.doc

DOC_LINES = ["1. Alpha", "a) First sub", "b) Second sub", "2. Beta", "c) Third sub",
             "III. Gamma", "IV. Delta", "5. Epsilon"]


def doc_restart(path):
    """A Word 97 file: one compressed piece, a PlcBtePapx FKP whose PAPXs
    give sprmPIlvl and sprmPIlfo, PlfLst (one list of nine levels) and
    PlfLfo (LFO 1 the list; LFO 2 redefining level 0 with fFormatting)."""
    paras = [("Alpha", (1, 0)), ("First sub", (1, 1)), ("Second sub", (1, 1)), ("Beta", (1, 0)),
             ("Third sub", (1, 1)), ("Gamma", (2, 0)), ("Delta", (2, 0)), ("Epsilon", (1, 0))]
    text = "".join(p + "\r" for p, _ in paras).encode("cp1252")
    # cb 0, cb' 5: istd 0, sprmPIlvl, sprmPIlfo, a pad byte
    papxs = [b"\0\x05" + struct.pack("<HHB", 0, 0x260A, ilvl) + struct.pack("<HH", 0x460B, ilfo) + b"\0"
             for _, (ilfo, ilvl) in paras]
    wd, table = sc.w97_papx_doc(text, [len(p) + 1 for p, _ in paras], papxs, 2 * 140)
    lsid = 0x2468ACE0
    lstf = struct.pack("<II", lsid, 0) + struct.pack("<9H", *[0x0FFF] * 9) + b"\0\0"
    plflst = struct.pack("<H", 1) + lstf
    lvls = (sc.w97_lvl(1, 0, "\x00.") + sc.w97_lvl(1, 4, "\x01)", norestart=True, lim=0)
            + b"".join(sc.w97_lvl(1, 0, chr(k) + ".") for k in range(2, 9)))
    struct.pack_into("<II", wd, 154 + 8 * 73, len(table), len(plflst))  # PlfLst
    table += plflst + lvls  # the LVLs follow, outside lcbPlfLst
    lfo = struct.pack("<IIIBBBB", lsid, 0, 0, 0, 0, 0, 0)
    lfo2 = struct.pack("<IIIBBBB", lsid, 0, 0, 1, 0, 0, 0)
    plflfo = (struct.pack("<I", 2) + lfo + lfo2 + struct.pack("<I", 0)  # LFO 1: no LFOLVL
              + struct.pack("<I", 0) + struct.pack("<II", 0, 0x20)  # LFOLVL: level 0, fFormatting
              + sc.w97_lvl(1, 1, "\x00."))  # its LVL: upper-case roman
    struct.pack_into("<II", wd, 154 + 8 * 74, len(table), len(plflfo))  # PlfLfo
    table += plflfo
    sc.write(path, sc.cfb([("WordDocument", bytes(wd)), ("0Table", bytes(table))]))


def generate(out):
    os.makedirs(out, exist_ok=True)
    docx_restart(os.path.join(out, "restart.docx"))
    xlsx_backslash(os.path.join(out, "backslash.xlsx"))
    pptx_inherit(os.path.join(out, "inherit.pptx"))
    xlsx_numfmt(os.path.join(out, "numfmt.xlsx"))
    ods_datastyles(os.path.join(out, "datastyles.ods"))
    doc_restart(os.path.join(out, "restart.doc"))
    return {"restart.doc": DOC_LINES,
            "datastyles.ods": ODS_LINES,
            "numfmt.xlsx": ["%s\t%s" % (r[0], r[3]) for r in NUMFMT_ROWS],
            "restart.docx": RESTART_LINES, "backslash.xlsx": BACKSLASH_LINES,
            "inherit.pptx": INHERIT_LINES}


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
