#!/usr/bin/env python3
"""PII whose only label is a column header far above it, labelled phone
numbers without punctuation, and the numbers that look like PII but are not.

Usage: gen_pii_columns.py OUTDIR KEYFILE [--seed S] [--rows N]

Leaked HR and CRM exports put the label once, in a header row ("SSN",
"Social Security Number", "DOB", "Date of Birth", "Passport No."; here
after a row-number column headed "#"), and hundreds of bare values below
it (536221874, 1975-03-14, C01X00T47): the rules' context windows cannot
see the header, so leaksift carries it to each cell
(src/extract/tablectx.h). Each table is written as CSV, TSV, XLSX (values
as numbers, as strings, dates as serials; below a report's title block of
seven rows), DOCX and HTML
tables, ODS, plain text with aligned columns under a title line and a
rule line (a printed report), and a SQL client's output (mysql's +---+
borders and | separators); the label must survive every row, not only the
first few.

Decoys, in the same containers: 16-digit Luhn-valid card-shaped numbers
under "Order", "Order ID", "Tracking", "Invoice", "Account ID" headers,
15-digit Amex-shaped IDs stored as spreadsheet numbers (plain, and a
formula's cached value) under "ID"/"Ref", 9-digit numbers under "Employee
ID", floats such as 371449635398431.19 under "Area" (15 significant digits
would show a Luhn-valid Amex) (decoys/columns.*); unlabelled 10-digit order numbers, some of them
valid NANP numbers (decoys/order_numbers.txt); none may be reported. The
same card numbers under a "Card Number" header, and grouped 4-4-4-4 under
"Order", stay cards (columns/cards.*).

Phone spellings (text, DOCX, XLSX, e-mail): "Tel. 2127365000",
"Tel.: 2127365000", "Ph: 2127365000", "Phone 2127365000", "Mobile:
12127365000", "Fax 212 7365000", "Ph: +1 2127365000", "Telefon: ...".

KEYFILE (JSON, outside OUTDIR), the layout of gen_pii_spellings.py:
  {"files": {"<rel path>": {"<entity>": ["<norm>", ...]}},
   "spellings": {"<entity>/<spelling id>": {"<rel path>": ["<norm>", ...]}},
   "decoy_files": {"<rel path>": "<decoy class>"}}
Norms are docs/rules.md's. Deterministic for a given seed.
"""
import argparse
import csv
import datetime
import io
import json
import os
import random
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_sheets as gs  # noqa: E402
import gen_docs as gd  # noqa: E402

FIRST = "Olivia Liam Emma Noah Ava Elijah Sophia Lucas Mia Mateo Chloe Hiro Ana Sven Zofia Ibrahim".split()
LAST = "Reyes Okafor Lindqvist Moreau Kowalczyk Haddad Brennan Sato Varga Silva Novak Weber".split()
AREAS = "201 206 212 213 305 312 347 404 415 512 617 646 713 718 773 818 917 949".split()
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used = set()

    def d(self, n):
        return "".join(self.r.choice(string.digits) for _ in range(n))

    def up(self, n):
        return "".join(self.r.choice(string.ascii_uppercase) for _ in range(n))

    def fresh(self, make):
        while True:
            v = make()
            if v not in self.used:
                self.used.add(v)
                return v

    def name(self):
        return "%s %s" % (self.r.choice(FIRST), self.r.choice(LAST))

    def ssn(self):
        def make():
            while True:
                a = self.r.randint(1, 899)
                v = "%03d%02d%04d" % (a, self.r.randint(1, 99), self.r.randint(1, 9999))
                if a != 666 and v not in ("078051120", "219099999", "123456789", "457555462") and len(set(v)) > 2:
                    return v
        return self.fresh(make)

    def dob(self):
        return self.fresh(lambda: datetime.date(self.r.randint(1940, 2004), self.r.randint(1, 12),
                                                self.r.randint(1, 28)))

    def passport(self):
        def make():
            k = self.r.randrange(3)
            if k == 0:
                return self.d(9)
            if k == 1:
                return self.up(1) + self.d(8)
            return self.up(2) + self.d(7)
        return self.fresh(make)

    @staticmethod
    def luhn_digit(body):
        s = 0
        for i, ch in enumerate(reversed(body)):
            v = int(ch) * (2 if i % 2 == 0 else 1)
            s += v - 9 if v > 9 else v
        return str((10 - s % 10) % 10)

    def luhn_number(self, prefixes, n):
        def make():
            pfx = self.r.choice(prefixes)
            body = pfx + self.d(n - len(pfx) - 1)
            return body + self.luhn_digit(body)
        return self.fresh(make)

    def nanp(self):
        def make():
            while True:
                a, e = self.r.choice(AREAS), str(self.r.randint(200, 999))
                if e[1:] != "11" and e != "555":
                    return a + e + self.d(4)
        return self.fresh(make)


# ---- containers: a table is (header, rows), every cell a string; kinds say how
# spreadsheets store a column: "s" string, "n" number, "date" serial under a date style

def t_csv(header, rows, delim=","):
    out = io.StringIO()
    w = csv.writer(out, delimiter=delim, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue().encode("utf-8")


def t_txt(header, rows):
    """A report printed with aligned columns (two or more spaces apart)."""
    width = [max(len(r[i]) for r in [header] + rows) + 3 for i in range(len(header))]
    lines = ["".join(c.ljust(width[i]) for i, c in enumerate(r)).rstrip() for r in [header] + rows]
    rule = "".join(("-" * (width[i] - 3)).ljust(width[i]) for i in range(len(header))).rstrip()
    return ("EMPLOYEE REPORT\n\n" + lines[0] + "\n" + rule + "\n" + "\n".join(lines[1:]) + "\n").encode("utf-8")


def t_sql(header, rows):
    """mysql's client output: +---+ borders, | separators, a row count."""
    width = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    border = "+" + "+".join("-" * (w + 2) for w in width) + "+"
    line = lambda r: "| " + " | ".join(c.ljust(width[i]) for i, c in enumerate(r)) + " |"  # noqa: E731
    out = ["mysql> SELECT * FROM employees;", border, line(header), border] + [line(r) for r in rows]
    out += [border, "%d rows in set (0.01 sec)" % len(rows), ""]
    return "\n".join(out).encode("utf-8")


def t_html(header, rows):
    body = "<tr>%s</tr>\n" % "".join("<th>%s</th>" % h for h in header)
    body += "".join("<tr>%s</tr>\n" % "".join("<td>%s</td>" % c for c in r) for r in rows)
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Export</title></head><body>"
            "<h1>Export</h1><table>\n%s</table></body></html>" % body).encode("utf-8")


def _w_cell(text):
    return '<w:tc><w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:tc>' % gd_esc(text)


def gd_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def t_docx(header, rows):
    trs = "".join("<w:tr>%s</w:tr>" % "".join(_w_cell(c) for c in r) for r in [header] + rows)
    body = '<w:p><w:r><w:t>Export</w:t></w:r></w:p><w:tbl>%s</w:tbl>' % trs
    doc = gs.XML_DECL + '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W_NS, body)
    ct = (gs.XML_DECL + '<Types xmlns="%s"><Default Extension="rels" ContentType="application/'
          'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
          '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' % gs.NS_CT)
    return gs.zip_bytes([("[Content_Types].xml", ct),
                         ("_rels/.rels", gs.rels([("rId1", "officeDocument", "word/document.xml")])),
                         ("word/document.xml", doc)])


def _col(i):
    return "ABCDEFGHIJKLMNOP"[i]


def _x_cell(ref, kind, value):
    if kind in ("n", "f") and value.startswith("0"):
        kind = "s"  # a number would lose its leading zero
    if kind == "n":
        return '<c r="%s"><v>%s</v></c>' % (ref, value)
    if kind == "f":  # a formula's cached result
        return '<c r="%s"><f>ROUND(%s,0)</f><v>%s</v></c>' % (ref, value, value)
    if kind == "date":
        d = datetime.date.fromisoformat(value)
        return '<c r="%s" s="%d"><v>%d</v></c>' % (ref, gs.STYLE_MDY, gs.serial(d))
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, gd_esc(value))


# A report's title block above its header row (an HR system's export)
TITLES = ["ACME Corp - Human Resources", "Employee master data", "Report HR-0417",
          "Generated by PeopleSoft", "Filter: all departments", "Status: active and leave",
          "Sorted by last name"]


def t_xlsx(header, rows, kinds, titles=()):
    out = [gs.XML_DECL, '<worksheet xmlns="%s" xmlns:r="%s"><sheetData>' % (gs.NS_X, gs.NS_R)]
    for n, t in enumerate(titles, 1):
        out.append('<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>' % (n, n, gd_esc(t)))
    h = len(titles) + 1
    out.append('<row r="%d">%s</row>' % (h, "".join('<c r="%s%d" t="s"><v>%d</v></c>' % (_col(i), h, i)
                                                    for i in range(len(header)))))
    for n, r in enumerate(rows, h + 1):
        out.append('<row r="%d">%s</row>' % (n, "".join(_x_cell("%s%d" % (_col(i), n), kinds[i], c)
                                                        for i, c in enumerate(r))))
    out.append("</sheetData></worksheet>")
    sst = (gs.XML_DECL + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
           % (gs.NS_X, len(header), len(header), "".join("<si><t>%s</t></si>" % gd_esc(h) for h in header)))
    workbook = (gs.XML_DECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets>'
                '<sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>' % (gs.NS_X, gs.NS_R))
    return gs.zip_bytes([("[Content_Types].xml", gs.content_types()),
                         ("_rels/.rels", gs.rels([("rId1", "officeDocument", "xl/workbook.xml")])),
                         ("xl/workbook.xml", workbook),
                         ("xl/_rels/workbook.xml.rels", gs.rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                                                 ("rId2", "styles", "styles.xml"),
                                                                 ("rId3", "sharedStrings", "sharedStrings.xml")])),
                         ("xl/worksheets/sheet1.xml", "".join(out)),
                         ("xl/styles.xml", gs.x_styles()),
                         ("xl/sharedStrings.xml", sst)])


def _ods_cell(kind, value):
    if kind in ("n", "f"):
        return ('<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p>'
                '</table:table-cell>' % (value, value))
    if kind == "date":
        return ('<table:table-cell office:value-type="date" office:date-value="%s"><text:p>%s</text:p>'
                '</table:table-cell>' % (value, value))
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % gd_esc(value)


def t_ods(header, rows, kinds):
    trs = ['<table:table-row>%s</table:table-row>' % "".join(_ods_cell("s", h) for h in header)]
    trs += ['<table:table-row>%s</table:table-row>' % "".join(_ods_cell(kinds[i], c) for i, c in enumerate(r))
            for r in rows]
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:spreadsheet>'
               '<table:table table:name="Export">%s</table:table></office:spreadsheet></office:body>'
               '</office:document-content>' % (gd.ODF_NS, "".join(trs)))
    styles = '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s/>' % gd.ODF_NS
    return gd.odf_bytes(gd.odf_parts("spreadsheet", content, styles, gd.odf_meta("HR export", "x", "y")))


TABLE_FORMS = ["csv", "tsv", "xlsx", "ods", "docx", "html", "txt", "sql"]


def write_table(form, header, rows, kinds):
    if form == "csv":
        return t_csv(header, rows)
    if form == "tsv":
        return t_csv(header, rows, "\t")
    if form == "xlsx":
        return t_xlsx(header, rows, kinds, TITLES if header[0] == "#" else ())
    if form == "ods":
        return t_ods(header, rows, kinds)
    if form == "docx":
        return t_docx(header, rows)
    if form == "html":
        return t_html(header, rows)
    if form == "sql":
        return t_sql(header, rows)
    return t_txt(header, rows)


# ---- the tables ------------------------------------------------------------------------------

# (spelling id, header label, entity, value maker, spreadsheet kind)
PII_COLUMNS = [
    ("ssn_header", "SSN", "ssn", "ssn", "n"),
    ("ssn_header_long", "Social Security Number", "ssn", "ssn", "s"),
    ("ssn_header_no", "SSN No.", "ssn", "ssn", "n"),
    ("dob_header", "DOB", "dob", "dob", "date"),
    ("dob_header_long", "Date of Birth", "dob", "dob_mdy", "s"),
    ("passport_header", "Passport No.", "passport", "passport", "s"),
    ("passport_header_number", "Passport Number", "passport", "passport", "s"),
]


def value(g, maker):
    if maker == "ssn":
        v = g.ssn()
        return v, v
    if maker == "dob":
        d = g.dob().isoformat()
        return d, d
    if maker == "dob_mdy":
        d = g.dob()
        v = "%02d/%02d/%d" % (d.month, d.day, d.year)
        return v, v
    v = g.passport()
    return v, v


def pii_tables(g, nrows):
    """One table per form: # (row number), Name, Employee ID (decoy), then the
    PII columns."""
    tables = []
    for form in TABLE_FORMS:
        cols = PII_COLUMNS
        header = ["#", "Name", "Employee ID"] + [c[1] for c in cols]
        kinds = ["n", "s", "n"] + [c[4] for c in cols]
        rows, spell = [], {}
        for i in range(nrows):
            row = [str(i + 1), g.name(), g.d(9)]
            for sid, _lab, ent, maker, _k in cols:
                shown, norm = value(g, maker)
                if ent == "passport":
                    norm = norm.upper()
                row.append(shown)
                spell.setdefault("%s/%s" % (ent, sid), []).append(norm)
            rows.append(row)
        ext = {"sql": "txt", "txt": "txt"}.get(form, form)
        tables.append(("columns/pii_%d%s.%s" % (nrows, "_sql" if form == "sql" else "", ext), form, header, rows, kinds,
                       spell))
    return tables


DECOY_HEADERS = ["Order", "Order ID", "Tracking", "Invoice", "Account ID"]


def decoy_tables(g, nrows):
    """16-digit Luhn-valid numbers under order/tracking headers; 15-digit
    Amex-shaped numbers stored as numbers under ID/Ref; 9-digit employee ids."""
    tables = []
    for form in TABLE_FORMS:
        header = ["Customer"] + DECOY_HEADERS + ["ID", "Ref", "Employee ID", "Amount", "Area"]
        kinds = ["s"] + ["s"] * len(DECOY_HEADERS) + ["n", "f", "n", "n", "n"]
        if form in ("txt", "sql"):  # printed: no cell types
            kinds = ["s"] * len(header)
        rows = []
        for _ in range(nrows):
            row = [g.name()]
            row += [g.luhn_number(["4", "51", "52", "53", "54", "55", "6011"], 16) for _ in DECOY_HEADERS]
            row += [g.luhn_number(["34", "37"], 15), g.luhn_number(["34", "37"], 15), g.d(9),
                    "%d.%02d" % (g.r.randint(1, 999), g.r.randint(0, 99)),
                    # a computed area: shown to 15 digits it would read as a Luhn-valid Amex
                    "%s.%d" % (g.luhn_number(["34", "37"], 15), g.r.randint(11, 39))]
            rows.append(row)
        tables.append(("decoys/columns%s.%s" % ("_sql" if form == "sql" else "", "txt" if form == "sql" else form),
                       form, header, rows, kinds))
    return tables


# ---- phone spellings --------------------------------------------------------------------------

PHONE_SPELLINGS = [
    ("tel_dot", "Tel. %s"), ("tel_dot_colon", "Tel.: %s"), ("tel_dot_colon_nospace", "tel.:%s"),
    ("phone_space", "Phone %s"), ("mobile_one", "Mobile: 1%s"), ("fax_3_7", "Fax %s %s"),
    ("ph_plus1", "Ph: +1 %s"), ("ph_colon", "Ph: %s"), ("ph_dot", "Ph. %s"), ("ph_upper", "PH: %s"),
    ("telephone", "Telephone: %s"), ("phone_hash", "Phone #: %s"), ("tel_no", "Tel. No. %s"),
    ("tel_nr", "Tel.-Nr.: %s"), ("telefon", "Telefon: %s"), ("mob", "Mob: %s"), ("mob_dot", "Mob. %s"),
    ("cell_hash", "Cell# %s"), ("tel_fax", "Tel/Fax: %s"), ("phone_paren", "Phone (work): %s"),
    ("work_phone", "Work Phone: %s"), ("phone_number", "Phone Number: %s"),
]

PHONE_DECOYS = ["Order %s shipped on Monday.", "Ref %s", "Invoice no. %s", "Account %s",
                "Tracking: %s", "%s", "Batch %s", "ID %s"]


def phone_items(g):
    out = []
    for sid, fmt in PHONE_SPELLINGS:
        for _ in range(2):
            v = g.nanp()
            txt = fmt % ((v[:3], v[3:]) if fmt.count("%s") == 2 else v)
            out.append((sid, txt, v))
    return out


def phone_file(items, form):
    lines = ["%s %s" % (FIRST[i % len(FIRST)], txt) for i, (_sid, txt, _v) in enumerate(items)]
    if form == "txt":
        return ("Contact list\n\n" + "\n".join(lines) + "\n").encode("utf-8")
    if form == "eml":
        return ("From: HR <hr@acme-payroll.com>\r\nTo: Payroll <payroll@acme-payroll.com>\r\n"
                "Subject: Contacts\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "\r\n".join(lines) + "\r\n").encode("utf-8")
    if form == "docx":
        paras = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % gd_esc(l) for l in lines)
        doc = gs.XML_DECL + '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W_NS, paras)
        ct = (gs.XML_DECL + '<Types xmlns="%s"><Default Extension="rels" ContentType="application/'
              'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
              '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
              'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' % gs.NS_CT)
        return gs.zip_bytes([("[Content_Types].xml", ct),
                             ("_rels/.rels", gs.rels([("rId1", "officeDocument", "word/document.xml")])),
                             ("word/document.xml", doc)])
    # xlsx: the label and number in one cell
    return t_xlsx(["Name", "Contact"], [[FIRST[i % len(FIRST)], txt] for i, (_s, txt, _v) in enumerate(items)],
                  ["s", "s"])


def card_tables(g, nrows):
    """Real cards in tables: under a card header (plain), under a bare
    "Number" (a card dump's Name, Number, Exp, CVV), and grouped 4-4-4-4
    under an "Order" header (the formatting says card, whatever the column)."""
    tables = []
    for form in TABLE_FORMS:
        header = ["Customer", "Card Number", "Order", "Number", "Exp"]
        rows, plain, grouped, dump = [], [], [], []
        for _ in range(nrows):
            a = g.luhn_number(["4", "51", "55"], 16)
            b = g.luhn_number(["4", "51", "55"], 16)
            c = g.luhn_number(["4", "51", "55"], 16)
            rows.append([g.name(), a, " ".join(b[i:i + 4] for i in range(0, 16, 4)), c,
                         "%02d/%02d" % (g.r.randint(1, 12), g.r.randint(26, 31))])
            plain.append(a)
            grouped.append(b)
            dump.append(c)
        spell = {"credit_card/card_header": plain, "credit_card/grouped_under_order": grouped,
                 "credit_card/number_header": dump}
        rel = "columns/cards%s.%s" % ("_sql" if form == "sql" else "", "txt" if form == "sql" else form)
        tables.append((rel, form, header, rows, ["s"] * len(header), spell))
    return tables


def build(out, seed, nrows):
    g = Gen(seed)
    key = {"files": {}, "spellings": {}, "decoy_files": {}}

    def put(rel, data):
        p = os.path.join(out, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)

    for rel, form, header, rows, kinds, spell in pii_tables(g, nrows) + card_tables(g, max(20, nrows // 10)):
        put(rel, write_table(form, header, rows, kinds))
        per = key["files"].setdefault(rel, {})
        for sp, norms in spell.items():
            ent = sp.split("/")[0]
            per.setdefault(ent, []).extend(norms)
            key["spellings"].setdefault(sp, {})[rel] = norms
    for rel, form, header, rows, kinds in decoy_tables(g, nrows):
        put(rel, write_table(form, header, rows, kinds))
        key["decoy_files"][rel] = "numbers_under_id_headers"
    for form in ("txt", "eml", "docx", "xlsx"):
        items = phone_items(g)
        rel = "phones/phones.%s" % form
        put(rel, phone_file(items, form))
        key["files"][rel] = {"phone": [v for _s, _t, v in items]}
        if form == "eml":  # the message's own header addresses
            key["files"][rel]["email"] = ["hr@acme-payroll.com", "payroll@acme-payroll.com"]
        for sid, _txt, v in items:
            key["spellings"].setdefault("phone/" + sid, {}).setdefault(rel, []).append(v)
    decoys = [fmt % g.d(10) if fmt != "%s" else g.nanp() for fmt in PHONE_DECOYS for _ in range(3)]
    put("decoys/order_numbers.txt", ("Order log\n\n" + "\n".join(decoys) + "\n").encode("utf-8"))
    key["decoy_files"]["decoys/order_numbers.txt"] = "ten_digits_no_label"
    return key


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("keyfile")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rows", type=int, default=300)
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    key = build(a.outdir, a.seed, a.rows)
    with open(a.keyfile, "w", encoding="utf-8") as f:
        json.dump(key, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
