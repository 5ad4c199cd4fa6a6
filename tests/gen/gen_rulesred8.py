#!/usr/bin/env python3
"""Eighth red-team answer key (rulesred8): the cases earlier rounds left,
and classes found in real text, each written here from scratch with fake
values.

Usage: gen_rulesred8.py OUTDIR KEYFILE [--seed S]

- Staff cards in double-byte legacy code pages (Big5, Shift_JIS): the
  address right after a full-width colon, whose second byte is ASCII (Big5
  A1 47 is "\\xa1G", Shift_JIS 81 46 "\\x81F"): the raw bytes read
  "Gmeiling.chen@example.tw", a second, false address. Beside them a
  Windows-1252 note whose addresses stand in guillemets and curly quotes
  (one high byte before the address, which stays whole).
- German contact lines in the old DIN grouping (a lone trunk 0, pairs, a
  slash between area code and number: "Tel. 0 93 82 / 84 73 99"), and a
  decoy: a form's render cache "Telephone no. 0 14400 6667" (a lone 0
  before a five-digit group: no trunk prefix). A Spanish mobile after an
  "iPhone:" label (the engine's app-id veto took it; an app id is one run
  of digits, this number is grouped), beside a page's list of app ids
  after "iPhone" (the value is one run even where the match goes on).
- Eight-digit numbers without a trunk prefix after a phone label, as
  Denmark (33 12 34 56), Norway (412 34 567), Singapore and Hong Kong
  (6468 5788) write every number; Finnish "Puhelin:", German "Fon:";
  Brazil's mobiles without the area code's parentheses (11 91234-5678); beside
  order and customer numbers of the same shapes without a label.
- Dates of birth after the form labels of more languages (Romanian,
  Hungarian, Finnish, Croatian, Slovak, Lithuanian, Latvian, Estonian,
  Malay, Swedish, Danish and Norwegian) and abbreviations (Fecha de nac.,
  F. Nac., Data nasc., Geb.-Datum) and German Geburtstag; decoys: a
  birthday party's date, an expiry and an invoice date.
- A saved shop page: Shopify's asset versions ("styles.css?v=1519582008
  4786593692": 19-20 digits, one in ten passes Luhn) and a Facebook page
  list whose later ids ("fb:pages" content="1798...,2970...") are
  card-shaped; a reader's comment with a card stays.

The key format is gen_rulesred.py's (its Gen is reused).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_rulesred as _base  # noqa: E402



class Gen(_base.Gen):
    def write_enc(self, text, enc):
        self.write(text.encode(enc), binary=True)

    def nz(self, n):
        """n digits, the first not 0 or 1, not all alike"""
        while True:
            v = str(self.r.randint(2, 9)) + self.d(n - 1)
            if len(set(v)) > min(2, n - 1):
                return v

    def local(self, first, last):
        return self.r.choice(["%s.%s", "%s%s", "%s_%s"]) % (first, last)


TW = [("\u9673\u7f8e\u73b2", "meiling", "chen"), ("\u6797\u5fd7\u660e", "chihming", "lin"),
      ("\u9ec3\u6dd1\u82ac", "shufen", "huang"), ("\u5f35\u5bb6\u8c6a", "chiahao", "chang")]
JP = [("\u5c71\u7530\u592a\u90ce", "taro", "yamada"), ("\u4f50\u85e4\u82b1\u5b50", "hanako", "sato"),
      ("\u9234\u6728\u4e00\u90ce", "ichiro", "suzuki")]


def build_legacy(g):
    r = g.r
    g.begin("legacy/staff_big5.txt")
    lines = ["\u54e1\u5de5\u8cc7\u6599\u5361\uff08\u4eba\u4e8b\u90e8\uff09"]
    for name, first, last in TW:
        addr = "%s%d@example.tw" % (g.local(first, last), r.randint(1, 99))
        g.plant("email", addr, "e-mail after a Big5 full-width colon (A1 47)")
        label = r.choice(["\u96fb\u5b50\u90f5\u4ef6\uff1a", "\u4fe1\u7bb1\uff1a", "Email\uff1a", "E-mail\uff1a"])
        lines += ["\u59d3\u540d\uff1a" + name, label + addr]
    lines.append("\u5099\u8a3b\uff1a\u6b64\u8cc7\u6599\u50c5\u4f9b\u4eba\u4e8b\u90e8\u9580\u4f7f\u7528\u3002")
    g.write_enc("\r\n".join(lines) + "\r\n", "big5")

    g.begin("legacy/staff_sjis.txt")
    lines = ["\u793e\u54e1\u540d\u7c3f\uff08\u793e\u5916\u79d8\uff09"]
    for name, first, last in JP:
        addr = "%s@example.co.jp" % g.local(first, last)
        g.plant("email", addr, "e-mail after a Shift_JIS full-width colon (81 46)")
        label = r.choice(["\u30e1\u30fc\u30eb\uff1a", "\u9023\u7d61\u5148\uff1a", "E\u30e1\u30fc\u30eb\uff1a"])
        lines += ["\u6c0f\u540d\uff1a" + name, label + addr]
    g.write_enc("\r\n".join(lines) + "\r\n", "shift_jis")

    g.begin("legacy/note_cp1252.txt")
    a1 = "%s@example.fr" % g.local("helene", "lefevre")
    a2 = "%s@example.de" % g.local("juergen", "mueller")
    a3 = "%s@example.es" % g.local("jose", "nunez")
    g.plant("email", a1, "e-mail in guillemets, Windows-1252")
    g.plant("email", a2, "e-mail in curly quotes, Windows-1252")
    g.plant("email", a3, "e-mail after a no-break space, Windows-1252")
    g.write_enc("Merci d'\u00e9crire \u00e0 \u00ab%s\u00bb ou \u201c%s\u201d.\r\nContacto:\u00a0%s \u2013 gracias.\r\n"
                % (a1, a2, a3), "cp1252")


def build_phones(g):
    r = g.r
    g.begin("phones/kontakte_de.txt")
    lines = ["Ansprechpartner (Stand 1998)"]
    for lab in ("Tel.", "Telefon:", "Fax:", "Tel.:"):
        area = r.choice(["0 93 82", "0 30", "0 89", "02 21", "0 69", "0 71 31"])
        sub = " ".join("%02d" % r.randint(10, 99) for _ in range(3))
        sep = r.choice([" / ", " "])
        num = "%s%s%s" % (area, sep, sub)
        g.plant("phone", "".join(c for c in num if c.isdigit()), "DIN pairs (a lone trunk 0 or pairs from the right): %s" % lab)
        lines.append("%s %s" % (lab, num))
    # a contact card's label for the owner's mobile: "iPhone" ends in "phone" like an app id's key
    # ("appId={iphone:'640467805'}", one run of digits), but this number is grouped
    mob = "6%02d %03d %03d" % (r.randint(0, 99), r.randint(100, 999), r.randint(100, 999))
    g.plant("phone", mob.replace(" ", ""), "Spanish mobile after an iPhone label")
    lines.append("iPhone: %s" % mob)
    g.write("\n".join(lines) + "\n")

    # eight-digit numbers without a trunk prefix (Denmark, Norway, Singapore, Hong Kong), the Finnish
    # label Puhelin and the German Fon
    g.begin("phones/kontakt_nordic.txt")
    lines = ["Kontaktpersoner / yhteyshenkil\u00f6t / contacts"]

    def eight(first):
        while True:
            v = first + g.d(8 - len(first))
            if len(set(v)) > 2:
                return v
    forms = [("Tlf.:", "%s %s %s %s", (2, 2, 2, 2), "3"), ("Mobil:", "%s %s %s", (3, 2, 3), "4"),
             ("Telefon:", "%s %s %s %s", (2, 2, 2, 2), "2"), ("Tel.", "%s %s", (4, 4), "6"),
             ("Tel:", "%s %s", (4, 4), "2"), ("Mobile:", "%s-%s", (4, 4), "9")]
    for lab, fmt, groups, first in forms:
        v = eight(first)
        parts, i = [], 0
        for k in groups:
            parts.append(v[i:i + k])
            i += k
        g.plant("phone", v, "eight digits %s after %s" % ("-".join(map(str, groups)), lab))
        lines.append("%s %s" % (lab, fmt % tuple(parts)))
    for lab in ("Puhelin:", "Matkapuhelin:"):
        v = "0" + r.choice(["40", "50", "9"]) + g.nz(7)
        g.plant("phone", v, "Finnish number after %s" % lab)
        lines.append("%s %s %s %s" % (lab, v[:3], v[3:6], v[6:]))
    for lab, sep in (("Celular:", "-"), ("WhatsApp:", " "), ("Cel.:", "-")):
        v = r.choice(["11", "21", "31", "48", "85"]) + "9" + g.d(8)
        g.plant("phone", v, "Brazilian mobile without parentheses after %s" % lab)
        lines.append("%s %s %s%s%s" % (lab, v[:2], v[2:7], sep, v[7:]))
    for fmt in ("Fon: 0%s / %s %s", "Fon 0%s %s%s"):
        area, a, b = r.choice(["511", "89", "30", "221"]), g.nz(3), g.d(3)
        g.plant("phone", "0" + area + a + b, "German number after Fon")
        lines.append(fmt % (area, a, b))
    g.write("\n".join(lines) + "\n")

    g.begin("phones/nordic_orders.txt", decoy=True)
    g.write("Ordre %s %s %s %s sendt\nKundenr. %s %s %s\nFonds %d: %s %s\nfont: %d %d %d %d\n"
            "Tel: 3%s %s %s %s %s (ten digits in pairs: no number we read, nor its first eight)\n"
            % (g.nz(2), g.d(2), g.d(2), g.d(2), g.nz(3), g.d(2), g.d(3), r.randint(2000, 2024), g.nz(4), g.d(4),
               r.randint(10, 99), r.randint(10, 99), r.randint(10, 99), r.randint(10, 99),
               g.d(1), g.d(2), g.d(2), g.d(2), g.d(2)))

    # a news site's app links: ids after "iPhone", a list of them (one run of digits each), not a phone
    g.begin("phones/app_links.txt", decoy=True)
    g.write("Descarga la app: Android %s Noticias para iPhone %s %s %s\n"
            % (g.nz(9), g.nz(9), g.nz(9), g.nz(9)))

    g.begin("phones/form_render_cache.txt", decoy=True)
    lines = []
    for lab in ("Telephone no.", "Fax no.", "Phone", "Tel."):
        lines.append("%s 0 %d %d" % (lab, r.randint(10000, 99999), r.randint(1000, 9999)))
    lines.append("Date 0 %d %d" % (r.randint(10000, 99999), r.randint(1000, 9999)))
    g.write("<field name=\"phone\">\n" + "\n".join(lines) + "\n</field>\n")


# date-of-birth labels of more languages and abbreviations, with the date forms their countries write
DOB_LABELS = [("Data na\u0219terii:", "%02d.%02d.%d"), ("Data nasterii:", "%02d.%02d.%d"),
              ("Sz\u00fclet\u00e9si id\u0151:", "%d.%02d.%02d."), ("Sz\u00fclet\u00e9si d\u00e1tum:", "%d.%02d.%02d"),
              ("Syntym\u00e4aika:", "%d.%d.%d"), ("Syntym\u00e4p\u00e4iv\u00e4:", "%d.%d.%d"),
              ("Datum ro\u0111enja:", "%02d.%02d.%d."), ("D\u00e1tum narodenia:", "%02d.%02d.%d"),
              ("Gimimo data:", "%d-%02d-%02d"), ("Dzim\u0161anas datums:", "%02d.%02d.%d"),
              ("S\u00fcnniaeg:", "%02d.%02d.%d"), ("Tarikh lahir:", "%02d/%02d/%d"), ("F\u00f6dd:", "%d-%02d-%02d"),
              ("F\u00f8dt:", "%02d.%02d.%d"), ("Fecha de nac.:", "%02d/%02d/%d"), ("F. Nac.:", "%02d/%02d/%d"),
              ("Data nasc.:", "%02d/%02d/%d"), ("Geb.-Datum:", "%02d.%02d.%d"), ("Geburtstag:", "%02d.%02d.%d")]


def build_dob(g):
    r = g.r
    g.begin("hr/roster_eu.txt")
    lines = ["Personnel roster (EU subsidiaries) - confidential"]
    for i, (lab, fmt) in enumerate(DOB_LABELS):
        y, m, d = r.randint(1950, 2001), r.randint(1, 12), r.randint(1, 28)
        ymd = fmt.startswith("%d.%02d.%02d") or fmt.startswith("%d-")
        if fmt == "%d.%d.%d":
            v = fmt % (d, m, y)
        else:
            v = fmt % ((y, m, d) if ymd else (d, m, y))
        g.plant("dob", v.rstrip("."), "dob after %s" % lab)
        lines.append("Employee %03d\n%s %s" % (i + 1, lab, v))
    g.write("\n".join(lines) + "\n")

    g.begin("hr/events.txt", decoy=True)
    g.write("Geburtstagsfeier am %02d.%02d.2024 im Haus\nSyntym\u00e4p\u00e4iv\u00e4juhlat %d.%d.2024\n"
            "G\u00fcltig bis: %02d.%02d.2029\nRechnungsdatum: %02d.%02d.2023\n"
            % (r.randint(1, 28), r.randint(1, 12), r.randint(1, 28), r.randint(1, 12), r.randint(1, 28),
               r.randint(1, 12), r.randint(1, 28), r.randint(1, 12)))


def luhn_digit(body):
    for c in "0123456789":
        if _base.Gen.luhn_ok(body + c):
            return c


def build_web(g):
    r = g.r
    g.begin("web/shop_page.html")
    shop = r.randint(1000, 9999)
    head = ["<!doctype html>", "<html><head><meta charset=\"utf-8\">"]
    for asset in ("styles.scss.css", "custom.css", "theme.js", "soldout.png", "option_selection.js"):
        ver = r.choice(["4", "51", "36", "6011"])
        ver = ver + g.d(18 - len(ver))
        ver = ver + luhn_digit(ver)  # 19 digits: a Visa-, Mastercard-, Diners- or Discover-shaped version
        head.append("<link href=\"//cdn.shop.example/s/files/1/%d/t/13/assets/%s?v=%s\" rel=\"stylesheet\">"
                    % (shop, asset, ver))
    ids = [g.card(r.choice(["1", "3"]), 15) if i == 0 else g.card(r.choice(["4", "37", "51", "36"]),
                                                                    r.choice([15, 16])) for i in range(6)]
    head.append("<meta property=\"fb:pages\" content=\"%s\" />" % r.choice([",", ", "]).join(ids))
    card = g.card("4", 16)
    g.plant("credit_card", card, "card in a reader's comment on a shop page")
    head.append("</head><body><h1>Summer sale</h1>")
    head.append("<div class=\"comment\">Charged twice on my card %s %s %s %s, please refund!</div>"
                % (card[:4], card[4:8], card[8:12], card[12:]))
    head.append("</body></html>")
    g.write("\n".join(head) + "\n")


def main():
    _base.main(Gen, build_legacy, build_phones, build_web, build_dob)


if __name__ == "__main__":
    sys.exit(main())
