#!/usr/bin/env python3
"""Small OOXML files for the classes found by comparing leaksift with
LibreOffice on real Word/Excel/PowerPoint 2007+ and OpenDocument files
(docs/formats.md, ooxml section, "Recall against LibreOffice"). Each is
modelled on the XML of the real file where the class was met. Stdlib only.

    python3 tests/gen/gen_ooxml_real.py OUTDIR          # all fixtures
    python3 tests/gen/gen_ooxml_real.py --corpus DIR    # fuzz seeds (same files)

Files (all PII fake):
  docx_hlinks.docx       docProps/app.xml HLinks: a vector of variants, four
                         numbers (hash, position, 0, 5) around each link's
                         target and bookmark (POI stress004.docx, OpenXML SDK
                         May_12_04.docx, complex2005_12rtm.docx); the numbers
                         here are the groups of a Luhn-valid card number, which
                         must not be read as one, the targets must be read
  docx_comment_people.docx
                         comment authors: <w:comment w:author>, Word 2013
                         people.xml <w15:person w15:author> with a
                         <w15:presenceInfo w15:userId> e-mail (POI
                         comment.docx, OpenXML SDK Comments-Sample-*.docx)
  pptx_comment_authors.pptx
                         PowerPoint comment authors: commentAuthors.xml
                         <p:cmAuthor name> and the 2021 ppt/authors.xml
                         <p188:author name userId>
  xlsx_persons.xlsx      Excel threaded comments: the authors are only in
                         xl/persons/person.xml <person displayName userId>
  xlsx_chart_dates.xlsx  a chart's cached values (c:numCache) as stored:
                         date categories under formatCode m/d/yy as serials
                         ("37261.0", python-pptx cht-chart-props.pptx, POI
                         and XlsxWriter charts), doubles with float noise
                         ("0.70000000000000029"); a second chart in the 1904
                         date system
  docx_sym.docx          characters typed from Insert Symbol: <w:sym w:font
                         w:char> between runs (python-docx unicode.docx,
                         OpenXML SDK sdsd.docx); Unicode codes are text,
                         Private Use Area glyphs (Wingdings, Webdings) not
  odt_meta_nanos.odt     LibreOffice 7.x meta.xml dates with nanoseconds
                         ("2023-08-17T15:42:35.109579041", PhpWord and odfpy
                         test files): the fraction was digit noise of SSN
                         shape
"""
import os
import sys
import zipfile

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"')
P = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
NS_X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _card():
    body = "455673758689985"
    for last in "0123456789":
        if luhn_ok(body + last):
            return body + last
    raise AssertionError


CARD = _card()                                   # a Luhn-valid Visa number
CARD_GROUPS = [CARD[i:i + 4] for i in range(0, 16, 4)]
HLINK_TARGET = "mailto:hr.payroll@example.com"
HLINK_BOOKMARK = "_Toc354985299"
BODY_TEXT = "Quarterly payroll summary"
W_AUTHOR = "Harriet Quimby-Testwell"
W_USERID = "harriet.quimby@example.com"
W_COMMENT = "Please recheck the salary band"
P_AUTHOR = "Bessie Coleman-Testwell"
P_AUTHOR2 = "Amelia Earhart-Testwell"
P_USERID = "amelia.earhart@example.com"
P_COMMENT = "Numbers for slide two are final"
X_PERSON = "Jacqueline Cochran-Testwell"
X_USERID = "jackie.cochran@example.com"
X_COMMENT = "Who approved this raise?"


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 17, 9, 30, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def rels(items):
    return (XML_DECL + '<Relationships xmlns="%s">' % NS_PR +
            "".join('<Relationship Id="rId%d" Type="%s%s" Target="%s"/>' % (i, REL, t, target)
                    for i, (t, target) in enumerate(items, 1)) + "</Relationships>")


def content_types(overrides):
    return (XML_DECL + '<Types xmlns="%s">' % NS_CT +
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' +
            "".join('<Override PartName="%s" ContentType="%s"/>' % o for o in overrides) + "</Types>")


def w_doc(body):
    return XML_DECL + "<w:document %s><w:body>%s<w:sectPr/></w:body></w:document>" % (W, body)


def w_p(text):
    return "<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % text


def docx(extra_parts, doc_rels, body, app=None):
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    parts = [("[Content_Types].xml", content_types([("/word/document.xml", wml + "document.main+xml")])),
             ("_rels/.rels", rels([("officeDocument", "word/document.xml"),
                                   ("extended-properties", "docProps/app.xml")])),
             ("word/document.xml", w_doc(body)),
             ("word/_rels/document.xml.rels", rels(doc_rels))]
    parts += extra_parts
    if app:
        parts.append(("docProps/app.xml", app))
    return parts


def variant(tag, value):
    return "<vt:variant><vt:%s>%s</vt:%s></vt:variant>" % (tag, value, tag)


def app_hlinks():
    # as Word writes it: per link hash, position, 0, 5, target, bookmark
    items = [variant("i4", g) for g in CARD_GROUPS]
    items += [variant("lpwstr", HLINK_TARGET), variant("lpwstr", "")]
    items += [variant("i4", v) for v in ("1507389", "344", "0", "5")]
    items += [variant("lpwstr", ""), variant("lpwstr", HLINK_BOOKMARK)]
    return (XML_DECL +
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            "<Template>Normal.dotm</Template><TotalTime>15</TotalTime><Pages>1</Pages>"
            "<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\">%s%s</vt:vector></HeadingPairs>"
            "<HLinks><vt:vector size=\"%d\" baseType=\"variant\">%s</vt:vector></HLinks>"
            "<AppVersion>14.0000</AppVersion></Properties>"
            % (variant("lpstr", "Title"), variant("i4", "1"), len(items), "".join(items)))


def docx_hlinks():
    return docx([], [], w_p(BODY_TEXT), app_hlinks())


def docx_comment_people():
    body = ('<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>%s</w:t></w:r><w:commentRangeEnd w:id="0"/>'
            '<w:r><w:commentReference w:id="0"/></w:r></w:p>' % BODY_TEXT)
    comments = (XML_DECL + '<w:comments %s><w:comment w:id="0" w:author="%s" w:date="2024-05-17T10:01:00Z" '
                'w:initials="HQ"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>%s</w:t></w:r></w:p>'
                "</w:comment></w:comments>" % (W, W_AUTHOR, W_COMMENT))
    people = (XML_DECL + '<w15:people %s><w15:person w15:author="%s"><w15:presenceInfo '
              'w15:providerId="AD" w15:userId="%s"/></w15:person></w15:people>'
              % (W, W_AUTHOR, W_USERID))
    return docx([("word/comments.xml", comments), ("word/people.xml", people)],
                [("comments", "comments.xml"), ("people", "people.xml")], body)


def pptx_comment_authors():
    pml = "application/vnd.openxmlformats-officedocument.presentationml."
    pres = (XML_DECL + '<p:presentation %s><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst>'
            '<p:sldSz cx="9144000" cy="6858000"/></p:presentation>' % P)
    slide = (XML_DECL + '<p:sld %s><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/>'
             '<p:nvPr/></p:nvGrpSpPr><p:grpSpPr/><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/>'
             '<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>%s</a:t>'
             '</a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>' % (P, BODY_TEXT))
    authors_old = (XML_DECL + '<p:cmAuthorLst %s><p:cmAuthor id="1" name="%s" initials="BC" lastIdx="1" '
                   'clrIdx="0"/></p:cmAuthorLst>' % (P, P_AUTHOR))
    comments = (XML_DECL + '<p:cmLst %s><p:cm authorId="1" dt="2024-05-17T10:01:00.000" idx="1">'
                '<p:pos x="10" y="10"/><p:text>%s</p:text></p:cm></p:cmLst>' % (P, P_COMMENT))
    authors_new = (XML_DECL + '<p188:authorLst xmlns:p188="http://schemas.microsoft.com/office/powerpoint/2018/8/main">'
                   '<p188:author id="{3E0BAF4B-6C7A-4B0C-9A7B-2B2C9E1A0F11}" name="%s" initials="AE" '
                   'userId="%s" providerId="AD"/></p188:authorLst>' % (P_AUTHOR2, P_USERID))
    return [("[Content_Types].xml", content_types([("/ppt/presentation.xml", pml + "presentation.main+xml"),
                                                   ("/ppt/slides/slide1.xml", pml + "slide+xml")])),
            ("_rels/.rels", rels([("officeDocument", "ppt/presentation.xml")])),
            ("ppt/presentation.xml", pres),
            ("ppt/_rels/presentation.xml.rels", rels([("slide", "slides/slide1.xml"),
                                                      ("commentAuthors", "commentAuthors.xml")])),
            ("ppt/slides/slide1.xml", slide),
            ("ppt/slides/_rels/slide1.xml.rels", rels([("comments", "../comments/comment1.xml")])),
            ("ppt/comments/comment1.xml", comments),
            ("ppt/commentAuthors.xml", authors_old),
            ("ppt/authors.xml", authors_new)]


def xlsx_persons():
    sml = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    wb = (XML_DECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Pay" sheetId="1" r:id="rId1"/>'
          "</sheets></workbook>" % (NS_X, REL[:-1]))
    sheet = (XML_DECL + '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>%s</t>'
             "</is></c></row></sheetData></worksheet>" % (NS_X, BODY_TEXT))
    tc = (XML_DECL + '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
          '<threadedComment ref="A1" dT="2024-05-17T10:01:00.00" personId="{6F1A2B3C-0000-4000-8000-000000000001}" '
          'id="{0A1B2C3D-0000-4000-8000-000000000002}"><text>%s</text></threadedComment></ThreadedComments>'
          % X_COMMENT)
    persons = (XML_DECL + '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
               '<person displayName="%s" id="{6F1A2B3C-0000-4000-8000-000000000001}" userId="%s" '
               'providerId="AD"/></personList>' % (X_PERSON, X_USERID))
    return [("[Content_Types].xml", content_types([("/xl/workbook.xml", sml + "sheet.main+xml"),
                                                   ("/xl/worksheets/sheet1.xml", sml + "worksheet+xml")])),
            ("_rels/.rels", rels([("officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", wb),
            ("xl/_rels/workbook.xml.rels", rels([("worksheet", "worksheets/sheet1.xml"),
                                                 ("person", "persons/person.xml")])),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/worksheets/_rels/sheet1.xml.rels", rels([("threadedComment",
                                                           "../threadedComments/threadedComment1.xml")])),
            ("xl/threadedComments/threadedComment1.xml", tc),
            ("xl/persons/person.xml", persons)]


CHART_SERIALS = ("37261.0", "37262.0")      # 2002-01-05, 2002-01-06
CHART_DATES = ("2002-01-05", "2002-01-06")
CHART_1904 = ("35809.0", "2002-01-15")        # 1904 system (1998-01-14 in 1900)
CHART_NOISE = ("0.70000000000000029", "0.7")
CHART_ID = "536221874"                        # a number stays digits


def chart(date1904, cats, vals):
    pts = lambda xs: "".join('<c:pt idx="%d"><c:v>%s</c:v></c:pt>' % (i, x) for i, x in enumerate(xs))
    return (XML_DECL + '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<c:date1904 val="%d"/><c:chart><c:plotArea><c:lineChart><c:ser><c:idx val="0"/>'
            '<c:tx><c:strRef><c:f>Data!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0">'
            '<c:v>Series 1</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            '<c:cat><c:numRef><c:f>Data!$A$2:$A$3</c:f><c:numCache><c:formatCode>m/d/yy</c:formatCode>'
            '<c:ptCount val="%d"/>%s</c:numCache></c:numRef></c:cat>'
            '<c:val><c:numRef><c:f>Data!$B$2:$B$3</c:f><c:numCache><c:formatCode>General</c:formatCode>'
            '<c:ptCount val="%d"/>%s</c:numCache></c:numRef></c:val></c:ser></c:lineChart></c:plotArea>'
            '</c:chart></c:chartSpace>' % (int(date1904), len(cats), pts(cats), len(vals), pts(vals)))


def xlsx_chart_dates():
    parts = xlsx_persons()[:5]
    parts[3] = ("xl/_rels/workbook.xml.rels", rels([("worksheet", "worksheets/sheet1.xml")]))
    parts += [("xl/worksheets/_rels/sheet1.xml.rels", rels([("drawing", "../drawings/drawing1.xml")])),
              ("xl/drawings/drawing1.xml",
               XML_DECL + '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>'),
              ("xl/drawings/_rels/drawing1.xml.rels", rels([("chart", "../charts/chart1.xml"),
                                                            ("chart", "../charts/chart2.xml")])),
              ("xl/charts/chart1.xml", chart(False, CHART_SERIALS, (CHART_NOISE[0], CHART_ID))),
              ("xl/charts/chart2.xml", chart(True, (CHART_1904[0],), ("12",)))]
    return parts


SYM_NAME = "Jürgen Großmann-Testwell"


def docx_sym():
    # "Gro" <sym ß> "mann", a Wingdings tick (F0FC) and a Webdings glyph
    body = ('<w:p><w:r><w:t xml:space="preserve">Account holder: Jürgen Gro</w:t></w:r>'
            '<w:r><w:sym w:font="Arial" w:char="00DF"/></w:r><w:r><w:t>mann-Testwell</w:t></w:r>'
            '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
            '<w:r><w:sym w:font="Webdings" w:char="F045"/></w:r></w:p>')
    return docx([], [], body)


ODT_CREATED = ("2023-08-17T15:42:35.109579041", "2023-08-17T15:42:35", "109579041")
ODT_DATE = ("2023-08-17T15:44:06.556431938Z", "2023-08-17T15:44:06Z", "556431938")


def odt_meta_nanos():
    office = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    content = (XML_DECL + '<office:document-content %s xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'office:version="1.3"><office:body><office:text><text:p>%s</text:p></office:text></office:body>'
               "</office:document-content>" % (office, BODY_TEXT))
    meta = (XML_DECL + '<office:document-meta %s xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>'
            "<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>"
            "<meta:editing-duration>PT1M32S</meta:editing-duration>"
            "<meta:generator>LibreOffice/7.4.7.2$Linux_X86_64</meta:generator>"
            '<meta:user-defined meta:name="Reviewed">2023-08-18</meta:user-defined>'
            "</office:meta></office:document-meta>" % (office, ODT_CREATED[0], ODT_DATE[0]))
    manifest = (XML_DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    return [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", content),
            ("meta.xml", meta), ("META-INF/manifest.xml", manifest)]


FIXTURES = {
    "docx_hlinks.docx": docx_hlinks,
    "docx_comment_people.docx": docx_comment_people,
    "pptx_comment_authors.pptx": pptx_comment_authors,
    "xlsx_persons.xlsx": xlsx_persons,
    "xlsx_chart_dates.xlsx": xlsx_chart_dates,
    "odt_meta_nanos.odt": odt_meta_nanos,
    "docx_sym.docx": docx_sym,
}


def generate(out):
    os.makedirs(out, exist_ok=True)
    for name, make in FIXTURES.items():
        write_zip(os.path.join(out, name), make())


def corpus(out):
    os.makedirs(out, exist_ok=True)
    for name, make in FIXTURES.items():
        write_zip(os.path.join(out, "real_" + name.replace(".", "_")), make())


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--corpus":
        corpus(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)
