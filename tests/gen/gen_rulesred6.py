#!/usr/bin/env python3
"""Sixth red-team answer key (rulesred6): the false positives earlier
sweeps reported on real files, each written here from scratch in the real
file's structure with fake values, beside the true values of the same
kind that must still be found.

Usage: gen_rulesred6.py OUTDIR KEYFILE [--seed S]

- A Russian sole-proprietor registry (.xlsx, as tidyxl/readxl's
  Ekaterinburg_IP_9.xlsx): 15-digit registration numbers (OGRNIP, 304...)
  pass Luhn as Diners cards in a column headed in Cyrillic; a Chinese
  order sheet (order numbers under dingdan bianhao); the same in text
  (OGRNIP: ..., Nomer zakaza: ...). Beside them card columns and card
  labels in both scripts (Nomer karty, xinyongka hao) whose cards stay.
- A statistics table in a PDF (camelot's eu-004.pdf): "+24 1985-96", an
  index change and the years it spans, read as an E.164 number; beside it
  a contact line with a real international number.
- Tax instructions (IRS prose): "A child born on January 1, 1990, is
  considered ...", "If you were born on ...", "Anyone born before ...",
  beside a record's dates of birth (Born on: ..., a biography's "born
  3 May 1980", "He was born on ...").
- A scanned (picture-only) PDF whose image data, binary, holds
  phone-shaped bytes ("+31-62/1238411" between control and high bytes),
  beside a text-only page's real number.
- Chinese company contacts: 400- and 800- service numbers (3-3-4) in
  Chinese text, read as North American numbers, beside a US office's
  number written in the same text, which stays.
- Found in the sweep of real text (trafilatura's saved web pages, Russian
  EGRUL XML): Facebook's page, app and pixel ids in a page's meta tags and
  script (card-shaped), app ids after "iphone" keys (read as phones after
  the label "phone"), "+81 158-23-2012" in JSON-LD (an SSN's shape after
  a country code), a person's INN in an XML attribute INNFL (the shape of a
  12-digit Maestro card; the XML's text drops the attribute's name).

The key format is gen_rulesred.py's (its Gen is reused).
"""
import json
import os
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_rulesred as _base  # noqa: E402

_pdf = _base.load("gen_pdf")

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml."


class Gen(_base.Gen):
    def ogrnip(self):
        """A 15-digit registration number of a Russian sole proprietor
        (3 + region 04-89 + year + serial + check) that passes Luhn: the
        shape of a Diners card (300-305, 14-19 digits)."""
        while True:
            v = "304" + "%02d" % self.r.choice([66, 67, 74, 77, 78, 45]) + self.d(10)
            if self.luhn_ok(v) and len(set(v)) > 3:
                return v

    def write_bytes(self, data):
        self.write(data, binary=True)


# ---- xlsx ------------------------------------------------------------------------------
def col(i):
    return chr(ord("A") + i)


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sheet_xml(rows):
    """Rows of strings; numbers stored as numbers (as the registry exports them), text as
    shared strings. Returns (sheet xml, shared strings)."""
    sst, idx, out = [], {}, []
    for r, row in enumerate(rows, 1):
        cells = []
        for c, v in enumerate(row):
            ref = "%s%d" % (col(c), r)
            if v.isdigit() and len(v) <= 15:
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
                continue
            if v not in idx:
                idx[v] = len(sst)
                sst.append(v)
            cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, idx[v]))
        out.append('<row r="%d">%s</row>' % (r, "".join(cells)))
    return "".join(out), sst


def xlsx(rows, sheet_name):
    data, sst = sheet_xml(rows)
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
        'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType='
        '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="%ssheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="%sworksheet+xml"/><Override PartName='
        '"/xl/sharedStrings.xml" ContentType="%ssharedStrings+xml"/></Types>' % (CT_SML, CT_SML, CT_SML),
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%sofficeDocument" '
        'Target="xl/workbook.xml"/></Relationships>' % REL,
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="%s" '
        'xmlns:r="%s"><sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>'
        % (NS_MAIN, NS_R, xml_esc(sheet_name)),
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
        '%sworksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="%ssharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>' % (REL, REL),
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
        'xmlns="%s" xmlns:r="%s"><sheetData>%s</sheetData></worksheet>' % (NS_MAIN, NS_R, data),
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="%s" '
        'count="%d" uniqueCount="%d">%s</sst>' % (NS_MAIN, len(sst), len(sst),
                                               "".join("<si><t>%s</t></si>" % xml_esc(s) for s in sst)),
    }
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                     "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"):
            z.writestr(zipfile.ZipInfo(name, date_time=(2016, 3, 1, 10, 0, 0)), parts[name].encode("utf-8"),
                       compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# ---- pdf -------------------------------------------------------------------------------
def pdf_text(lines, top=740, lead=14):
    c = bytearray(b"BT /F1 10 Tf %d %d Td %d TL\n" % (56, top, lead))
    for ln in lines:
        if isinstance(ln, (list, tuple)):   # a table row: cells at their columns, on one baseline
            x = 0
            for cx, cell in ln:
                c += b"%d 0 Td " % (cx - x) + _pdf.lit(cell) + b" Tj "
                x = cx
            c += b"%d 0 Td T*\n" % (-x)
        else:
            c += _pdf.lit(ln) + b" Tj T*\n"
    c += b"ET\n"
    return bytes(c)


def pdf_doc(contents):
    w = _pdf.Writer()
    return w.classic(_pdf.simple_doc(w, contents))


def pdf_scanned(noise):
    """One page that draws one picture (a DCT stream of noise) and no text, then a
    second page of text."""
    w = _pdf.Writer()
    img = w.add(_pdf.Stream({"Type": _pdf.Name("XObject"), "Subtype": _pdf.Name("Image"), "Width": 64,
                             "Height": 64, "ColorSpace": _pdf.Name("DeviceRGB"), "BitsPerComponent": 8,
                             "Filter": _pdf.Name("DCTDecode")}, noise))
    pages = w.reserve()
    draw = w.add(_pdf.Stream({}, b"q 612 0 0 792 0 0 cm /Im1 Do Q\n"))
    p1 = w.add({"Type": _pdf.Name("Page"), "Parent": pages, "MediaBox": [0, 0, 612, 792],
                "Resources": {"XObject": {"Im1": img}}, "Contents": draw})
    w.add({"Type": _pdf.Name("Pages"), "Kids": [p1], "Count": 1}, pages.num)
    root = w.add({"Type": _pdf.Name("Catalog"), "Pages": pages})
    return w.classic({"Root": root})


# ---- the corpus ------------------------------------------------------------------------
def build(g):
    r = g.r
    surnames = ["Abbasov", "Belova", "Vasiliev", "Grigorieva", "Denisov", "Egorova", "Zhukov", "Ivanova",
                "Kozlov", "Lebedeva", "Morozov", "Nikitina"]
    cyr = ["\u0410\u0431\u0431\u0430\u0441\u043e\u0432", "\u0411\u0435\u043b\u043e\u0432\u0430",
           "\u0412\u0430\u0441\u0438\u043b\u044c\u0435\u0432", "\u0413\u0440\u0438\u0433\u043e\u0440\u044c\u0435\u0432\u0430",
           "\u0414\u0435\u043d\u0438\u0441\u043e\u0432", "\u0415\u0433\u043e\u0440\u043e\u0432\u0430"]

    # ------------------------------------------------------------ the registry (decoy)
    g.begin("registry/ekaterinburg_ip.xlsx", decoy=True)
    hdr = ["\u0424\u0418\u041e", "\u0414\u0430\u0442\u0430 \u0440\u0435\u0433\u0438\u0441\u0442\u0440\u0430\u0446\u0438\u0438",
           "\u041e\u041a\u041f\u041e", "\u0418\u041d\u041d", "\u041e\u0413\u0420\u041d\u0418\u041f",
           "\u0420\u0435\u0433\u0438\u043e\u043d"]
    rows = [["\u0421\u041f\u0410\u0420\u041a - \u0421\u043f\u0438\u0441\u043e\u043a"], hdr]
    for i in range(12):
        rows.append(["%s %s" % (cyr[i % len(cyr)], surnames[i]), "%02d.%02d.2004" % (r.randint(1, 28), r.randint(1, 12)),
                     g.d(8), "66" + g.d(10), g.ogrnip(),
                     "\u0421\u0432\u0435\u0440\u0434\u043b\u043e\u0432\u0441\u043a\u0430\u044f \u043e\u0431\u043b\u0430\u0441\u0442\u044c"])
    g.write_bytes(xlsx(rows, "\u0421\u041f\u0410\u0420\u041a - \u0421\u043f\u0438\u0441\u043e\u043a"))

    # ------------------------------------------------------------ a Russian shop's customers: the card column stays
    g.begin("registry/clients_ru.xlsx")
    hdr = ["\u041a\u043b\u0438\u0435\u043d\u0442", "\u041d\u043e\u043c\u0435\u0440 \u0437\u0430\u043a\u0430\u0437\u0430",
           "\u041d\u043e\u043c\u0435\u0440 \u043a\u0430\u0440\u0442\u044b", "\u041e\u0413\u0420\u041d\u0418\u041f"]
    rows = [hdr]
    for i in range(4):
        card = g.card(r.choice(["4", "51", "52"]), 16)
        g.plant("credit_card", card, "card in a column headed Nomer karty (card number, Cyrillic)")
        rows.append([cyr[i], g.card("4", 16), card, g.ogrnip()])
    g.write_bytes(xlsx(rows, "\u041a\u043b\u0438\u0435\u043d\u0442\u044b"))

    # ------------------------------------------------------------ a Chinese order sheet
    g.begin("orders/orders_cn.xlsx")
    hdr = ["\u8ba2\u5355\u7f16\u53f7", "\u5ba2\u6237", "\u4fe1\u7528\u5361\u53f7", "\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801"]
    rows = [hdr]
    for i in range(4):
        card = g.card(r.choice(["4", "6011", "35"]), 16)
        g.plant("credit_card", card, "card in a column headed xinyongka hao (credit card number, Chinese)")
        rows.append([g.card(r.choice(["62", "35", "4"]), 16), "\u5f20\u4f1f%d" % i, card, g.card("30", 16)])
    g.write_bytes(xlsx(rows, "\u8ba2\u5355"))

    # ------------------------------------------------------------ the same in text
    g.begin("registry/contractor_ru.txt")
    card = g.card("4", 16)
    g.plant("credit_card", card, "card after Karta: (Cyrillic card word)")
    g.write("\u0418\u041f %s\n\u041e\u0413\u0420\u041d\u0418\u041f: %s\n\u0418\u041d\u041d: 66%s\n"
            "\u041d\u043e\u043c\u0435\u0440 \u0437\u0430\u043a\u0430\u0437\u0430: %s\n"
            "\u041a\u0430\u0440\u0442\u0430: %s\n\u0437\u0430\u043a\u0430\u0437 \u2116 %s\n"
            "\u8ba2\u5355\u7f16\u53f7\uff1a%s\n"
            % (cyr[0], g.ogrnip(), g.d(10), g.card("4", 16), card, g.card("5", 16), g.card("6011", 16)))

    # ------------------------------------------------------------ a statistics table in a PDF
    g.begin("tables/eu_retail.pdf")
    phone = "44207946" + g.d(4)
    g.plant("phone", phone, "phone E.164 in a contact line under a table")
    rows = []
    for country, idx, chg, yrs, kind in (("Sweden", "87", "+24", "1985-96", "Supermarket"),
                                         ("Austria", "91", "+12", "1990-98", "Discount"),
                                         ("Denmark", "78", "+3.5", "2001-2010", "Hypermarket"),
                                         ("Finland", "82", "+31", "1989-1995", "Supermarket")):
        rows.append([(0, country), (90, idx), (130, chg + " " + yrs), (230, kind)])
    lines = ["Table 4. Retail concentration by member state", [(0, "Country"), (90, "Index"), (130, "Change"),
                                                              (230, "Format")]] + rows
    lines += ["", "Contact: Statistics unit, tel. +44 20 7946 %s" % phone[-4:]]
    g.write_bytes(pdf_doc([pdf_text(lines)]))

    # ------------------------------------------------------------ tax instructions (decoy)
    g.begin("forms/instructions_1040.pdf", decoy=True)
    prose = ["Age 65 or older. You are considered to be age 65 on the day before your 65th birthday.",
             "If you were born on January 1, 1949, you are considered to be age 65 at the end of 2013.",
             "Qualifying child. A child born on January 1, 1990, is considered to be age 24 at the end",
             "of 2013. A qualifying child who was born on 12/31/1995 must be under age 19.",
             "Anyone born before January 2, 1949 should see Pub. 554. Persons born on 1 July 1950",
             "or later use the worksheet. Each dependent born on or after 2000-01-01 needs an SSN."]
    g.write_bytes(pdf_doc([pdf_text(prose)]))
    g.begin("forms/eligibility.txt", decoy=True)
    g.write("Eligibility\n\nChildren born on 1 January 2010 or later qualify.\n"
            "A person born on 5 May 1960 reaches pension age in 2027.\n"
            "If your spouse was born on 02/03/1955, enter 1 on line 39a.\n"
            "Someone born on March 3, 1970 is 50 on March 3, 2020.\n")

    # ------------------------------------------------------------ records: the dates of birth stay
    g.begin("hr/staff_records.txt")
    dobs = ["1990-01-01", "14/03/1985", "3 May 1980", "12 June 1975", "July 4, 1968"]
    for v, k in zip(dobs, ("Born on: ISO", "Born: D/M/Y", "biography (born D Month YYYY)",
                           "He was born on D Month YYYY", "the employee was born on Month D, YYYY")):
        g.plant("dob", v, "dob " + k)
    g.write("Name: Olga Vasilieva\nBorn on: 1990-01-01\n\nName: Piet Jansen\nBorn: 14/03/1985\n\n"
            "Jane Roe (born 3 May 1980) joined in 2004.\n"
            "Mark Doe, our new controller. He was born on 12 June 1975 in Leeds.\n"
            "According to the file, the employee was born on July 4, 1968.\n")

    # ------------------------------------------------------------ a scanned PDF: noise in the picture
    g.begin("scans/contract_scan.pdf", decoy=True)
    noise = bytearray(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    for _ in range(2048):
        noise.append(r.getrandbits(8))
    shaped = [b"\x8c\x01\xa7\x93\x05\xe2\xfe+31-62/1238411\x9c\x00\xe1\x8f\x07\xb3\xd4",
              b"\x04\xc9\x81\x02\xf3\x9a\xbb +49 (0)30 9475 3318 \x07\xa0\x8e\xd7\x1e\xff\xc2",
              b"\x9e\x00\xd1\xae\x16\xe9\x83 (212) 736-4418\xf1\x05\x8b\xac\x00\xbe\xe7\x99"]
    for i, s in enumerate(shaped):
        at = 300 + i * 500
        noise[at:at + len(s)] = s
    noise += b"\xff\xd9"
    g.write_bytes(pdf_scanned(bytes(noise)))

    # ------------------------------------------------------------ Chinese contacts
    g.begin("cn/company_contacts.txt")
    us = "617" + str(r.randint(200, 899)) + g.d(4)
    g.plant("phone", us, "a US office's number in Chinese text (NANP, dashed)")
    g.write("\u516c\u53f8\u8054\u7cfb\u65b9\u5f0f\n"
            "\u5ba2\u670d\u70ed\u7ebf\uff1a400-%s-%s\n"
            "\u5168\u56fd\u514d\u8d39\u670d\u52a1\u7535\u8bdd 800-%s-%s\u3002\n"
            "\u5982\u6709\u95ee\u9898\u8bf7\u81f4\u7535 400-%s-%s \u6216\u8005 800-%s-%s\n"
            "\u7f8e\u56fd\u529e\u4e8b\u5904\u7535\u8bdd\uff1a%s-%s-%s\n"
            % (r.randint(600, 899), g.d(4), r.randint(600, 899), g.d(4), r.randint(600, 899), g.d(4),
               r.randint(600, 899), g.d(4), us[:3], us[3:6], us[6:]))


def build_web(g):
    """A saved news page (as scraped web pages leak): Facebook's page, app and pixel ids in
    its meta tags and script are card-shaped; its JSON-LD gives a Japanese shop's phone
    after its country code ("+81 158-23-2012": the shape of an SSN). A card in a comment
    of the same page stays."""
    r = g.r
    g.begin("web/news_article.html")
    card = g.card("4", 16)
    g.plant("credit_card", card, "card quoted in a reader's comment")
    jp = "%03d-%02d-%04d" % (r.randint(120, 999), r.randint(10, 99), r.randint(1000, 9999))
    g.plant("phone", "81" + jp.replace("-", ""), "phone E.164 +81 ddd-dd-dddd in JSON-LD")
    g.write("<!DOCTYPE html>\n<html><head>\n<meta charset=\"utf-8\">\n"
            "<meta property=\"fb:pages\" content=\"%s\"/>\n<meta property=\"fb:app_id\" content=\"%s\" />\n"
            "<script>fbq('init', '%s'); fbq('track', 'PageView');</script>\n"
            "<script>var apps={appId:{iphone:'6%s',ipad:'6%s'},\"SEOTwitterAppIdIphone\":\"3%s\"};</script>\n"
            "<script type=\"application/ld+json\">{\"@type\": \"LocalBusiness\", \"name\": \"Suisan\", "
            "\"telephone\": \"+81 %s\"}</script>\n</head><body>\n<h1>Crab season opens</h1>\n"
            "<p>Comment: my card %s was charged twice for the tour!</p>\n</body></html>\n"
            % (g.card("1800", 15), g.card("34", 15), g.card("22", 16), g.d(8), g.d(8), g.d(8), jp, card))
    # an EGRUL record as XML: a person's 12-digit INN under INNFL has a Maestro card's shape
    # (5018...); the text of the XML gives the attribute's value without its name
    g.begin("registry/egrul_record.xml", decoy=True)
    g.write('<?xml version="1.0" encoding="utf-8"?>\n<\u0421\u0432\u0424\u041b '
            '\u0424\u0430\u043c\u0438\u043b\u0438\u044f="\u0418\u0412\u0410\u041d\u041e\u0412" '
            '\u0418\u041d\u041d\u0424\u041b="%s"/>\n' % g.card("5018", 12))


def main():
    _base.main(Gen, build, build_web)


if __name__ == "__main__":
    sys.exit(main())
