#!/usr/bin/env python3
"""PII written the many ways leaked HR, finance and CRM files write it.

Usage: gen_pii_spellings.py OUTDIR KEYFILE [--seed S] [--records N]

A recall review independent of gen_pii_realistic.py: every entity has a list
of spellings (labels in several languages, separators, groupings, column
layouts, MRZ lines), and each spelling is planted in plain text, CSV, XLSX,
DOCX, e-mail (quoted-printable and base64) and PDF, so a miss can be traced
to a spelling or to a container. KEYFILE (JSON, outside OUTDIR):

  {"files": {"<rel path>": {"<entity>": ["<norm>", ...]}},
   "spellings": {"<entity>/<spelling id>": {"<rel path>": ["<norm>", ...]}},
   "decoy_files": {"<rel path>": "<decoy class>"}}

Norms are docs/rules.md's (digits for ssn, credit_card, phone; upper-case
alphanumerics for iban and passport; lower case for email; upper-case alphanumerics for drivers_license, the value as written
for dob). No value is printed anywhere but in
the fixture files. Deterministic for a given seed.
"""
import argparse
import base64
import json
import os
import quopri
import random
import string
import zipfile
import zlib

FIRST = "Olivia Liam Emma Noah Ava Elijah Sophia Lucas Mia Mateo Chloe Hiro Ana Sven Zofia Ibrahim".split()
LAST = "Reyes Okafor Lindqvist Moreau Kowalczyk Haddad Brennan Sato Varga Silva Novak Weber".split()
AREAS = "201 206 212 213 305 312 347 404 415 512 617 646 713 718 773 818 917 949".split()
DOMAINS = ("acme-payroll.com globex-hr.de initrode.co.uk hooli.io contoso-bank.nl fabrikam.fr "
           "tailspin.app northwind.dev wideworld.tech proseware.com.au").split()

# IBAN layouts: country, BBAN pattern (n = digit, a = upper letter, c = alnum)
IBAN_FORMS = {
    "DE": "n" * 18, "GB": "aaaa" + "n" * 14, "FR": "n" * 10 + "c" * 11 + "nn", "ES": "n" * 20,
    "IT": "a" + "n" * 10 + "c" * 12, "NL": "aaaa" + "n" * 10, "BE": "n" * 12, "CH": "n" * 5 + "c" * 12,
    "AT": "n" * 16, "PL": "n" * 24, "SE": "n" * 20, "NO": "n" * 11, "DK": "n" * 14, "FI": "n" * 14,
    "PT": "n" * 21, "IE": "aaaa" + "n" * 14, "LU": "nnn" + "c" * 13, "SA": "nn" + "c" * 18,
    "AE": "n" * 19, "TR": "n" * 5 + "0" + "c" * 16, "BR": "n" * 23 + "a" + "c", "CZ": "n" * 20,
    "HU": "n" * 24, "RO": "aaaa" + "c" * 16, "GR": "n" * 7 + "c" * 16, "HR": "n" * 17, "LT": "n" * 16,
    "EE": "n" * 16, "MT": "aaaa" + "n" * 5 + "c" * 18, "CY": "n" * 8 + "c" * 16, "IL": "n" * 19,
    "KW": "aaaa" + "c" * 22, "QA": "aaaa" + "c" * 21, "SI": "n" * 15, "SK": "n" * 20, "IS": "n" * 22,
}


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def d(self, n):
        return "".join(self.r.choice(string.digits) for _ in range(n))

    def up(self, n):
        return "".join(self.r.choice(string.ascii_uppercase) for _ in range(n))

    # ---- values ----------------------------------------------------------------
    def ssn(self):
        while True:
            a = self.r.randint(1, 899)
            v = "%03d%02d%04d" % (a, self.r.randint(1, 99), self.r.randint(1, 9999))
            if a != 666 and v not in ("078051120", "219099999", "123456789", "457555462") and len(set(v)) > 2:
                return v

    @staticmethod
    def luhn_digit(body):
        s = 0
        for i, ch in enumerate(reversed(body)):
            v = int(ch) * (2 if i % 2 == 0 else 1)
            s += v - 9 if v > 9 else v
        return str((10 - s % 10) % 10)

    @staticmethod
    def ean_ok(num):
        s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(num[:12]))
        return (10 - s % 10) % 10 == int(num[12])

    def card(self, brand):
        pfx, n = {"visa": ("4", 16), "visa13": ("4", 13), "visa19": ("4", 19), "mc": ("5" + str(self.r.randint(1, 5)), 16),
                  "mc2": (str(self.r.randint(2221, 2720)), 16), "amex": (self.r.choice(["34", "37"]), 15),
                  "disc": (self.r.choice(["6011", "65", "644", "649"]), 16), "jcb": ("35" + self.d(2), 16),
                  "jcb15": (self.r.choice(["2131", "1800"]), 15), "diners": (self.r.choice(["300", "305", "36", "38"]), 14),
                  "maestro": (self.r.choice(["5018", "5020", "5038", "5893", "6304", "6759", "6761", "6763"]), 12)}[brand]
        while True:
            body = pfx + self.d(n - len(pfx) - 1)
            num = body + self.luhn_digit(body)
            if len(set(num[1:])) > 2 and not (n == 13 and self.ean_ok(num)):
                return num

    def iban(self, cc=None):
        cc = cc or self.r.choice(sorted(IBAN_FORMS))
        bban = "".join({"n": self.r.choice(string.digits), "a": self.r.choice(string.ascii_uppercase),
                        "c": self.r.choice(string.ascii_uppercase + string.digits)}.get(ch, ch)
                       for ch in IBAN_FORMS[cc])
        num = int("".join(str(int(c, 36)) for c in bban + cc + "00"))
        return cc + "%02d" % (98 - num % 97) + bban

    def nanp(self):
        while True:
            a, e = self.r.choice(AREAS), str(self.r.randint(200, 999))
            if e[1:] != "11" and not (e == "555"):
                return a, e, self.d(4)

    def email(self):
        f, l = self.r.choice(FIRST).lower(), self.r.choice(LAST).lower()
        local = self.r.choice(["%s.%s", "%s_%s", "%s%s", "%s.%s+hr", "%s-%s"]) % (f, l)
        if self.r.random() < 0.3:
            local += str(self.r.randint(1, 99))
        return local + "@" + self.r.choice(DOMAINS)

    @staticmethod
    def mrz_cd(s):
        w, t = (7, 3, 1), 0
        for i, ch in enumerate(s):
            v = int(ch) if ch.isdigit() else 0 if ch == "<" else ord(ch) - 55
            t += v * w[i % 3]
        return str(t % 10)

    def mrz(self, num, y, m, dd):
        country = self.r.choice(["USA", "GBR", "D<<", "FRA", "CAN", "NLD"])
        first, last = self.r.choice(FIRST).upper(), self.r.choice(LAST).upper()
        kind = self.r.choice(["P<", "PP", "PD"])
        l1 = (kind + country + last + "<<" + first).ljust(44, "<")[:44]
        doc = num.ljust(9, "<")
        dob = "%02d%02d%02d" % (y % 100, m, dd)
        exp = "%02d%02d%02d" % (self.r.randint(26, 34), self.r.randint(1, 12), self.r.randint(1, 28))
        pers = "<" * 14
        body = doc + self.mrz_cd(doc) + country + dob + self.mrz_cd(dob) + self.r.choice("MF") + exp + self.mrz_cd(exp) + pers + "<"
        comp = doc + self.mrz_cd(doc) + dob + self.mrz_cd(dob) + exp + self.mrz_cd(exp) + pers + "<"
        return l1 + "\n" + body + self.mrz_cd(comp)

    def passport_number(self):
        k = self.r.randrange(5)
        if k == 0:
            return self.d(9)
        if k == 1:
            return self.r.choice("CFGHJK") + self.d(2) + self.r.choice("CFGHJKLMNPRTVWXYZ") + self.d(2) + \
                self.r.choice("CFGHJKLMNPRTVWXYZ") + self.d(2)  # DE C01X00T47
        if k == 2:
            return self.d(2) + self.up(2) + self.d(5)  # FR
        if k == 3:
            return self.up(1) + self.d(8)  # US next-gen
        return self.up(2) + self.d(7)  # NL, ES

    def dob(self):
        return self.r.randint(1940, 2004), self.r.randint(1, 12), self.r.randint(1, 28)


MONTHS = "January February March April May June July August September October November December".split()

# ---- spellings: (id, function(g) -> (text, entity, norm)) ---------------------------------------
def sp_ssn(g):
    out = []
    for sid, fmt in [("label_ssn_hash", "SSN# %s"), ("label_ssn_colon", "SSN: %s"), ("label_ssn_nospace", "SSN:%s"),
                     ("label_social_security_no", "Social Security No. %s"), ("label_ss_hash", "SS# %s"),
                     ("label_social_security_number", "Social Security Number: %s"), ("label_soc_sec", "Soc Sec #: %s"),
                     ("label_ssn_dash", "SSN - %s"), ("label_ssn_tin", "SSN/TIN: %s"), ("label_ss_no", "S.S. No.: %s"),
                     ("label_taxpayer", "Taxpayer ID (SSN): %s"), ("label_ssn_upper", "SOCIAL SECURITY #%s"),
                     ("json_key", '"ssn": "%s"'), ("json_key_long", '"socialSecurityNumber": "%s"')]:
        for form in ("dashed", "spaced", "plain"):
            v = g.ssn()
            s = {"dashed": "%s-%s-%s", "spaced": "%s %s %s", "plain": "%s%s%s"}[form] % (v[:3], v[3:5], v[5:])
            out.append(("%s_%s" % (sid, form), fmt % s, "ssn", v))
    v = g.ssn()
    out.append(("bare_dashed", "%s-%s-%s" % (v[:3], v[3:5], v[5:]), "ssn", v))
    return out


def sp_card(g):
    out = []
    for brand in ("visa", "mc", "mc2", "amex", "disc", "jcb", "diners", "visa19"):
        for sep in ("", " ", "-"):
            num = g.card(brand)
            if sep and len(num) == 15:
                txt = sep.join([num[:4], num[4:10], num[10:]])
            elif sep and len(num) == 14:
                txt = sep.join([num[:4], num[4:10], num[10:]])
            elif sep:
                txt = sep.join(num[i:i + 4] for i in range(0, len(num), 4))
            else:
                txt = num
            lab = g.r.choice(["Card: %s", "CC#: %s", "Card Number %s", "%s", "Kreditkarte: %s", "Visa/MC %s exp 11/27",
                              '"card_number": "%s"', "PAN=%s"])
            out.append(("%s_sep%s" % (brand, {"": "none", " ": "space", "-": "dash"}[sep]), lab % txt, "credit_card", num))
    for brand in ("visa13", "jcb15", "maestro"):
        for k in range(3):
            num = g.card(brand)
            lab = ["Card no. %s", "%s", "Card: %s"][k]
            out.append(("%s_%d" % (brand, k), lab % num, "credit_card", num))
    return out


def sp_iban(g):
    out = []
    for cc in sorted(IBAN_FORMS):
        v = g.iban(cc)
        grouped = " ".join(v[i:i + 4] for i in range(0, len(v), 4))
        k = g.r.randrange(6)
        if k == 0:
            out.append(("compact", "IBAN: %s" % v, "iban", v))
        elif k == 1:
            out.append(("grouped", "IBAN %s" % grouped, "iban", v))
        elif k == 2:
            out.append(("grouped_bare", "Bank account %s (BIC %sXXX)" % (grouped, g.up(4) + cc), "iban", v))
        elif k == 3:
            out.append(("lower_labelled", "iban: %s" % grouped.lower(), "iban", v))
        elif k == 4:
            out.append(("json", '"iban":"%s"' % v, "iban", v))
        else:
            out.append(("compact_bare", "Konto %s" % v, "iban", v))
        out.append(("per_country_%s" % cc, "IBAN %s" % grouped, "iban", v))
    return out


def sp_phone(g):
    out = []
    for sid, fmt in [("paren", "(%s) %s-%s"), ("paren_nospace", "(%s)%s-%s"), ("dash", "%s-%s-%s"),
                     ("dot", "%s.%s.%s"), ("plus1_space", "+1 %s %s %s"), ("plus1_dash", "+1-%s-%s-%s"),
                     ("one_paren", "1 (%s) %s-%s"), ("one_dash", "1-%s-%s-%s"), ("plus1_dot", "+1.%s.%s.%s"),
                     ("tel_uri", "tel:+1%s%s%s"), ("label_compact", "Phone: %s%s%s"), ("label_spaced", "Mobile: %s %s %s"),
                     ("label_cell", "Cell %s-%s-%s"), ("label_fax", "Fax: (%s) %s-%s"), ("label_tel_dot", "Tel. %s.%s.%s"),
                     ("ext", "%s-%s-%s ext. 204"), ("plus1_paren", "+1 (%s) %s-%s"), ("json", '"phone": "%s-%s-%s"')]:
        for _ in range(2):
            a, e, ln = g.nanp()
            out.append((sid, fmt % (a, e, ln), "phone", a + e + ln))
    intl = [("44", "20 %s %s", (4, 4)), ("44", "7%s %s", (3, 6)), ("49", "30 %s", (8,)), ("49", "151 %s %s", (4, 4)),
            ("33", "1 %s %s %s %s", (2, 2, 2, 2)), ("33", "6 %s %s %s %s", (2, 2, 2, 2)), ("34", "91%s %s %s", (1, 3, 3)),
            ("39", "06 %s %s", (4, 4)), ("31", "20 %s %s", (3, 4)), ("61", "2 %s %s", (4, 4)), ("61", "4%s %s %s", (2, 3, 3)),
            ("81", "3-%s-%s", (4, 4)), ("86", "10 %s %s", (4, 4)), ("91", "98%s %s", (3, 5)), ("55", "11 9%s-%s", (4, 4)),
            ("52", "55 %s %s", (4, 4)), ("7", "495 %s-%s-%s", (3, 2, 2)), ("353", "1 %s %s", (3, 4)),
            ("41", "44 %s %s %s", (3, 2, 2)), ("46", "8 %s %s", (3, 5)), ("48", "22 %s %s %s", (3, 2, 2)),
            ("27", "21 %s %s", (3, 4)), ("971", "4 %s %s", (3, 4)), ("65", "6%s %s", (3, 4)), ("852", "2%s %s", (3, 4)),
            ("32", "2 %s %s %s", (3, 2, 2)), ("43", "1 %s", (7,)), ("45", "%s %s %s %s", (2, 2, 2, 2)),
            ("47", "%s %s %s", (3, 2, 3)), ("351", "21 %s %s", (3, 4)), ("90", "212 %s %s %s", (3, 2, 2)),
            ("972", "3-%s-%s", (3, 4)), ("82", "2-%s-%s", (4, 4)), ("64", "9 %s %s", (3, 4))]
    for cc, fmt, groups in intl:
        parts = [g.d(n) for n in groups]
        if parts[0][0] == "0":
            parts[0] = "5" + parts[0][1:]
        nat = fmt % tuple(parts)
        digits = cc + "".join(ch for ch in nat if ch.isdigit())
        k = g.r.randrange(5)
        if k == 0:
            out.append(("e164_spaced_%s" % cc, "+%s %s" % (cc, nat), "phone", digits))
        elif k == 1:
            out.append(("e164_compact_%s" % cc, "+" + digits, "phone", digits))
        elif k == 2:
            out.append(("e164_trunk_%s" % cc, "Tel: +%s (0)%s" % (cc, nat), "phone", digits))
        elif k == 3:
            out.append(("e164_tel_uri_%s" % cc, "tel:+%s" % digits, "phone", digits))
        else:
            out.append(("e164_label_%s" % cc, "Mobile: +%s %s" % (cc, nat), "phone", digits))
    return out


def sp_email(g):
    out = []
    for sid, fmt in [("bare", "%s"), ("angle", "Jane Roe <%s>"), ("mailto", "mailto:%s"), ("label", "E-mail: %s"),
                     ("upper", "%s"), ("json", '"email":"%s"'), ("paren", "(%s)"), ("semicolon_list", "%s; ")]:
        for _ in range(3):
            e = g.email()
            txt = fmt % (e.upper() if sid == "upper" else e)
            out.append((sid, txt, "email", e.lower()))
    return out


def sp_passport(g):
    out = []
    for sid, fmt in [("en_no", "Passport No.: %s"), ("en_number", "Passport Number %s"), ("en_hash", "Passport#%s"),
                     ("en_upper", "PASSPORT NO %s"), ("en_country", "Passport (USA): %s"), ("json", '"passport_number": "%s"'),
                     ("json_camel", '"passportNo":"%s"'), ("de_nr", "Reisepass-Nr.: %s"), ("de_nummer", "Reisepassnummer: %s"),
                     ("de_passnummer", "Passnummer: %s"), ("fr", "N° de passeport : %s"), ("fr2", "Passeport n° %s"),
                     ("es", "Número de pasaporte: %s"), ("es2", "Pasaporte No. %s"), ("it", "Numero passaporto: %s"),
                     ("it2", "Passaporto n. %s"), ("pt", "Passaporte nº %s"), ("nl", "Paspoortnummer: %s"),
                     ("en_doc", "Passport document number: %s")]:
        for _ in range(2):
            v = g.passport_number()
            out.append((sid, fmt % v, "passport", v))
    for _ in range(6):
        v = g.passport_number()
        y, m, dd = g.dob()
        out.append(("mrz", g.mrz(v, y, m, dd), "passport", v))
    for _ in range(2):  # the two lines in one table cell or PDF text run
        v = g.passport_number()
        y, m, dd = g.dob()
        out.append(("mrz_one_line", g.mrz(v, y, m, dd).replace("\n", " "), "passport", v))
    return out


def sp_dob(g):
    out = []
    forms = [("mdy_slash", lambda y, m, d: "%02d/%02d/%d" % (m, d, y)), ("dmy_dot", lambda y, m, d: "%02d.%02d.%d" % (d, m, y)),
             ("iso", lambda y, m, d: "%d-%02d-%02d" % (y, m, d)), ("month_name", lambda y, m, d: "%s %d, %d" % (MONTHS[m - 1], d, y)),
             ("day_month", lambda y, m, d: "%d %s %d" % (d, MONTHS[m - 1], y)), ("dmy_abbr", lambda y, m, d: "%02d-%s-%d" % (d, MONTHS[m - 1][:3], y)),
             ("mdy_short", lambda y, m, d: "%d/%d/%02d" % (m, d, y % 100))]
    labels = [("dob", "DOB: %s"), ("dob_nocolon", "DOB %s"), ("dob_dash", "DOB - %s"), ("dotted", "D.O.B. %s"),
              ("date_of_birth", "Date of Birth %s"), ("date_of_birth_colon", "Date of birth: %s"), ("born", "born %s"),
              ("born_on", "Born on %s"), ("birth_date", "Birth Date: %s"), ("birthdate", "Birthdate: %s"),
              ("geburtsdatum", "Geburtsdatum: %s"), ("geb", "geb. %s"), ("fr", "Date de naissance : %s"),
              ("es", "Fecha de nacimiento: %s"), ("it", "Data di nascita: %s"), ("json", '"dob": "%s"'),
              ("json_camel", '"dateOfBirth":"%s"'), ("dob_upper", "DATE OF BIRTH: %s"), ("nl", "Geboortedatum: %s"),
              ("dob_paren", "DOB (mm/dd/yyyy): %s"), ("xml_element", "<DateOfBirth>%s</DateOfBirth>"),
              ("xml_attr", 'birthDate="%s"')]
    for lid, lab in labels:
        for fid, f in g.r.sample(forms, 3):
            y, m, d = g.dob()
            if lid in ("geburtsdatum", "geb", "fr", "es", "it", "nl") and fid in ("mdy_slash", "mdy_short", "month_name"):
                fid, f = forms[1]
            if lid == "dob_paren":
                fid, f = forms[0]
            v = f(y, m, d)
            # the label names the order: fingerprinted as the ISO date (docs/rules.md)
            norm = "%d-%02d-%02d" % (y, m, d) if lid == "dob_paren" else v
            out.append(("%s_%s" % (lid, fid), lab % v, "dob", norm))
    return out


def sp_dl(g):
    out = []
    vals = [lambda: g.up(1) + g.d(7), lambda: g.d(9), lambda: g.up(1) + g.d(12), lambda: g.d(8), lambda: g.up(2) + g.d(6)]
    for sid, fmt in [("dl_hash", "Driver's License #: %s"), ("dl_no", "Driver License No. %s"), ("dl_colon", "DL: %s"),
                     ("dl_hash_abbrev", "DL# %s"), ("dl_lic", "Drivers Lic#: %s"), ("dl_lic_no", "Driver's Lic. No. %s"),
                     ("dl_number", "Driver's License Number: %s"), ("dln", "DLN: %s"), ("json", '"drivers_license": "%s"'),
                     ("json_camel", '"driverLicenseNumber":"%s"'), ("upper", "DRIVER LICENSE: %s"),
                     ("operator", "Operator's License No: %s"), ("with_state", "Driver's License (CA): %s")]:
        for k in range(2):
            v = g.r.choice(vals)()
            out.append((sid, fmt % v, "drivers_license", v))
    for k in range(3):  # state formats printed with dashes (IL, FL, MI)
        v = g.up(1) + g.d(3) + "-" + g.d(4) + "-" + g.d(4)
        out.append(("dashed", "Driver's License: %s" % v, "drivers_license", v.replace("-", "")))
    return out


SPELLERS = [sp_ssn, sp_card, sp_iban, sp_phone, sp_email, sp_passport, sp_dob, sp_dl]

# ---- containers ---------------------------------------------------------------------------------
FILLER = ("Please find the record below. The file was exported from the HR system on Monday. "
          "Contact the service desk with corrections. Thanks").split(". ")


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def w_txt(items, g):
    lines = []
    for _sid, txt, _e, _n in items:
        lines.append("%s %s" % (g.r.choice(FILLER), txt))
        lines.append("")
    return "\n".join(lines).encode("utf-8")


def w_csv(items, g):
    rows = ["id,name,field,value,comment"]
    for i, (_sid, txt, _e, _n) in enumerate(items):
        cell = '"%s"' % txt.replace('"', '""') if ("," in txt or '"' in txt or "\n" in txt) else txt
        rows.append("%d,%s %s,x,%s,ok" % (i + 1, g.r.choice(FIRST), g.r.choice(LAST), cell))
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")


def zbytes(parts):
    import io
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data)
    return b.getvalue()


CT = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>%s</Types>'
RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
REL = '<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>'


def w_docx(items, g):
    paras = []
    for _sid, txt, _e, _n in items:
        for line in txt.split("\n"):
            paras.append('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % xml_esc(line))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/'
           'wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % "".join(paras))
    return zbytes([("[Content_Types].xml", CT % '<Override PartName="/word/document.xml" ContentType="application/vnd.'
                    'openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'),
                   ("_rels/.rels", RELS % (REL % ("rId1", "officeDocument", "word/document.xml"))),
                   ("word/document.xml", doc)])


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def w_xlsx(items, g):
    rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Detail</t></is></c></row>']
    for i, (_sid, txt, _e, _n) in enumerate(items):
        r = i + 2
        rows.append('<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s %s</t></is></c><c r="B%d" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c></row>'
                    % (r, r, g.r.choice(FIRST), g.r.choice(LAST), r, xml_esc(txt)))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % "".join(rows))
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/'
          'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>')
    return zbytes([("[Content_Types].xml", CT % ('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                                                 'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
                                                 'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                                                 'spreadsheetml.worksheet+xml"/>')),
                   ("_rels/.rels", RELS % (REL % ("rId1", "officeDocument", "xl/workbook.xml"))),
                   ("xl/workbook.xml", wb),
                   ("xl/_rels/workbook.xml.rels", RELS % (REL % ("rId1", "worksheet", "worksheets/sheet1.xml"))),
                   ("xl/worksheets/sheet1.xml", sheet)])


EML_HEADER_ADDRS = ("hr.ops@acme-payroll.com", "payroll@acme-payroll.com")


def w_eml(items, g):
    body = w_txt(items, g)
    if g.r.random() < 0.5:
        enc, payload = "quoted-printable", quopri.encodestring(body).decode("ascii")
    else:
        enc, payload = "base64", base64.encodebytes(body).decode("ascii")
    return ("From: HR Operations <hr.ops@acme-payroll.com>\r\nTo: Payroll <payroll@acme-payroll.com>\r\n"
            "Subject: Updated employee records\r\nDate: Tue, 12 Mar 2024 09:15:00 +0100\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: %s\r\n\r\n%s" % (enc, payload)).encode("ascii")


def pdf_str(s):
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def w_pdf(items, g):
    lines = []
    for _sid, txt, _e, _n in items:
        lines.extend(txt.split("\n"))
    content = "BT /F1 10 Tf 50 800 Td 12 TL\n" + "".join("%s Tj T*\n" % pdf_str(l) for l in lines) + "ET\n"
    data = zlib.compress(content.encode("latin-1"))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 %d] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            % (820 + 12 * len(lines)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return bytes(out)


WRITERS = {"txt": w_txt, "csv": w_csv, "xlsx": w_xlsx, "docx": w_docx, "eml": w_eml, "pdf": w_pdf}


def pdf_safe(item):
    return all(ord(ch) < 256 for ch in item[1])


def build(out, seed, rounds):
    g = Gen(seed)
    key = {"files": {}, "spellings": {}, "decoy_files": {}}
    for speller in SPELLERS:
        for rnd in range(rounds):
            name = speller.__name__[3:]
            for kind, w in sorted(WRITERS.items()):
                # fresh values per container so each (spelling, container) is scored alone
                sel = [it for it in speller(g) if (kind != "pdf" or pdf_safe(it)) and (kind != "csv" or "\n" not in it[1])]
                rel = "%s/%s_%d.%s" % (name, name, rnd, kind)
                with open(_path(out, rel), "wb") as f:
                    f.write(w(sel, g))
                per = key["files"].setdefault(rel, {})
                if kind == "eml":  # the message's own header addresses
                    per["email"] = list(EML_HEADER_ADDRS)
                for sid, _txt, ent, norm in sel:
                    if norm not in per.setdefault(ent, []):
                        per[ent].append(norm)
                    key["spellings"].setdefault("%s/%s" % (ent, sid), {}).setdefault(rel, []).append(norm)
    decoys(g, out, key)
    return key


def _path(out, rel):
    p = os.path.join(out, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def decoys(g, out, key):
    """Decoy-only files: values from real documents that look like PII."""
    def put(cls, lines, kind="txt"):
        rel = "decoys/%s.%s" % (cls, kind)
        items = [("d", t, None, None) for t in lines]
        with open(_path(out, rel), "wb") as f:
            f.write(WRITERS[kind](items, g))
        key["decoy_files"][rel] = cls

    def ean13(prefix):
        while True:
            body = prefix + g.d(12 - len(prefix))
            s = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
            num = body + str((10 - s % 10) % 10)
            if g.luhn_digit(num[:-1]) == num[-1]:
                return num
    # product lists with EAN-13 barcodes that happen to pass Luhn (4xx: Germany, Russia, Japan)
    for kind in ("txt", "xlsx", "csv"):
        put("ean13_barcodes_%s" % kind, ["Art. %s\t%s\tEAN %s\t%d,%02d EUR" % (g.d(6), g.r.choice(["Kalender 2011", "Tee 20x2g", "USB-Kabel"]),
                                                                          ean13(g.r.choice(["40", "41", "42", "43", "46", "49", "45"])),
                                                                          g.r.randint(1, 99), g.r.randint(0, 99)) for _ in range(40)], kind)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("keyfile")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=1)
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    key = build(a.outdir, a.seed, a.rounds)
    with open(a.keyfile, "w", encoding="utf-8") as f:
        json.dump(key, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
