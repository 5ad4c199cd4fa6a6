#!/usr/bin/env python3
"""Seventh red-team answer key (rulesred7): phone numbers and dates of birth
outside North America, as leaked address books, HR cards and CRM exports of
companies abroad write them.

Usage: gen_rulesred7.py OUTDIR KEYFILE [--seed S]

Per country a contact sheet (labels in the local language and in English,
numbers in the local forms: Russia's "(495) 123-45-67", "8 (495) 123-45-67",
"8-916-123-45-67", "+7 (495) 123-45-67"; China's mobiles "138 0013 8000",
"13800138000"; Japan's "090-1234-5678", "03-1234-5678"; Korea's
"010-1234-5678"; India's "98765 43210"; Brazil's "(11) 91234-5678"; Germany,
France, the UK, Spain, Italy, Ukraine, Poland, Turkey, Greece, Mexico, Saudi Arabia
under their own labels) and dates of birth after local labels in local formats
(14.03.1975, 1975年3月14日, 1975년 3월 14일, 1975-03-14, 14/03/1975, 14 марта 1975,
14 marca 1975, 14 Mart 1975).

Decoys per country: order numbers, invoice dates, prices, postcodes and
national-form numbers without a phone label (an unlabelled national number
is not reported: too ambiguous), in the same forms.

The key format is gen_rulesred.py's (its Gen is reused). All values fake.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_rulesred as _base  # noqa: E402



class Gen(_base.Gen):
    def nz(self, n):
        """n digits, the first not 0 or 1, not all alike"""
        while True:
            v = str(self.r.randint(2, 9)) + self.d(n - 1)
            if len(set(v)) > 2:
                return v


def phones(g, cc):
    """[(label-free number as written, norm, kind)] of country cc, local forms."""
    r = g.r
    out = []
    if cc == "ru" or cc == "ua":
        area = r.choice(["495", "499", "812", "343", "383"]) if cc == "ru" else r.choice(["44", "48", "57", "56"])
        mob = r.choice(["916", "903", "926", "985"]) if cc == "ru" else r.choice(["67", "50", "63", "93"])
        s = g.nz(3) + g.d(4)
        a = "%s-%s-%s" % (s[:3], s[3:5], s[5:])
        if cc == "ru":
            out.append(("(%s) %s" % (area, a), area + s, "ru (area) 3-2-2"))
            out.append(("8 (%s) %s" % (area, a), "8" + area + s, "ru 8 (area) 3-2-2"))
            s2 = g.nz(3) + g.d(4)
            out.append(("8-%s-%s-%s-%s" % (mob, s2[:3], s2[3:5], s2[5:]), "8" + mob + s2, "ru 8-mobile-3-2-2"))
            s3 = g.nz(3) + g.d(4)
            out.append(("+7 (%s) %s-%s-%s" % (mob, s3[:3], s3[3:5], s3[5:]), "7" + mob + s3, "ru +7 (mobile)"))
            s4 = g.nz(3) + g.d(4)
            out.append(("8 %s %s-%s-%s" % (mob, s4[:3], s4[3:5], s4[5:]), "8" + mob + s4, "ru 8 mobile 3-2-2"))
            s5 = g.nz(3) + g.d(4)
            out.append(("8(%s)%s-%s-%s" % (area, s5[:3], s5[3:5], s5[5:]), "8" + area + s5, "ru 8(area) unspaced"))
        else:
            out.append(("(0%s) %s" % (area, a), "0" + area + s, "ua (0area) 3-2-2"))
            s2 = g.nz(3) + g.d(4)
            out.append(("0%s %s %s %s" % (mob, s2[:3], s2[3:5], s2[5:]), "0" + mob + s2, "ua 0mobile 3 2 2"))
            s3 = g.nz(3) + g.d(4)
            out.append(("+380 %s %s %s %s" % (mob, s3[:3], s3[3:5], s3[5:]), "380" + mob + s3, "ua +380"))
            s4 = g.nz(3) + g.d(4)
            out.append(("+38 (0%s) %s-%s-%s" % (area, s4[:3], s4[3:5], s4[5:]), "380" + area + s4, "ua +38 (0area)"))
    elif cc == "cn":
        for form in ("%s %s %s", "%s%s%s", "%s-%s-%s"):
            p = r.choice(["138", "139", "186", "158", "135"])
            s = g.d(8)
            out.append((form % (p, s[:4], s[4:]), p + s, "cn mobile " + form))
        p = r.choice(["137", "188"])
        s = g.d(8)
        out.append(("+86 %s %s %s" % (p, s[:4], s[4:]), "86" + p + s, "cn +86 mobile"))
        s = g.nz(4) + g.d(4)
        out.append(("010-%s" % s, "010" + s, "cn Beijing landline"))
    elif cc == "jp":
        s = g.d(8)
        out.append(("090-%s-%s" % (s[:4], s[4:]), "090" + s, "jp mobile"))
        s = g.d(8)
        out.append(("03-%s-%s" % (s[:4], s[4:]), "03" + s, "jp Tokyo"))
        s = g.nz(3) + g.d(4)
        out.append(("06-6%s-%s" % (s[:3], s[3:]), "066" + s, "jp Osaka"))
    elif cc == "kr":
        s = g.nz(4) + g.d(4)
        out.append(("010-%s-%s" % (s[:4], s[4:]), "010" + s, "kr mobile"))
        s = g.nz(4) + g.d(4)
        out.append(("02-%s-%s" % (s[:4], s[4:]), "02" + s, "kr Seoul"))
    elif cc == "in":
        s = str(r.randint(7, 9)) + g.d(9)
        out.append(("%s %s" % (s[:5], s[5:]), s, "in mobile 5-5"))
        s = str(r.randint(7, 9)) + g.d(9)
        out.append(("+91 %s %s" % (s[:5], s[5:]), "91" + s, "in +91"))
        s = g.nz(4) + g.d(4)
        out.append(("022 %s %s" % (s[:4], s[4:]), "022" + s, "in Mumbai landline"))
    elif cc == "br":
        s = g.d(4) + g.d(4)
        out.append(("(11) 9%s-%s" % (s[:4], s[4:]), "119" + s, "br (11) 9xxxx-xxxx"))
        s = g.nz(4) + g.d(4)
        out.append(("(21) %s-%s" % (s[:4], s[4:]), "21" + s, "br (21) xxxx-xxxx"))
    elif cc == "de":
        s = g.nz(7)
        out.append(("030 %s" % s, "030" + s, "de Berlin"))
        s = g.d(8)
        out.append(("0151 %s" % s, "0151" + s, "de mobile"))
        s = g.nz(6)
        out.append(("(089) %s" % s, "089" + s, "de (089)"))
    elif cc == "fr":
        s = g.d(8)
        out.append(("01 %s %s %s %s" % (s[:2], s[2:4], s[4:6], s[6:]), "01" + s, "fr 01 xx"))
        s = g.d(8)
        out.append(("06.%s.%s.%s.%s" % (s[:2], s[2:4], s[4:6], s[6:]), "06" + s, "fr 06.xx"))
    elif cc == "uk":
        s = g.d(3)
        out.append(("020 7946 0%s" % s, "0207946" + "0" + s, "uk 020 7946 0xxx"))
        s = g.d(3)
        out.append(("07700 900%s" % s, "07700900" + s, "uk 07700 900xxx"))
        s = g.d(3)
        out.append(("+44 (020) 7946 0%s" % s, "442079460" + s, "uk +44 (020)"))
    elif cc == "es":
        s = g.d(7)
        out.append(("91 %s %s %s" % (s[:3], s[3:5], s[5:]), "91" + s, "es Madrid 91 xxx xx xx"))
        s = g.d(8)
        out.append(("6%s %s %s" % (s[:2], s[2:5], s[5:]), "6" + s, "es mobile"))
    elif cc == "it":
        s = g.d(7)
        out.append(("347 %s" % s, "347" + s, "it mobile"))
        s = g.nz(6) + g.d(1)
        out.append(("06 %s" % s, "06" + s, "it Rome 06"))
    elif cc == "pl":
        s = g.d(8)
        out.append(("6%s %s %s" % (s[:2], s[2:5], s[5:]), "6" + s, "pl mobile 3-3-3"))
        s = g.nz(7)
        out.append(("22 %s %s %s" % (s[:3], s[3:5], s[5:]), "22" + s, "pl Warsaw 22 xxx xx xx"))
        s = g.d(9)
        out.append(("+48 6%s %s %s" % (s[:2], s[2:5], s[5:8]), "486" + s[:8], "pl +48"))
    elif cc == "tr":
        s = g.nz(7)
        out.append(("0532 %s %s %s" % (s[:3], s[3:5], s[5:]), "0532" + s, "tr 0532 xxx xx xx"))
        s = g.nz(7)
        out.append(("(0212) %s %s %s" % (s[:3], s[3:5], s[5:]), "0212" + s, "tr (0212)"))
        s = g.nz(7)
        out.append(("+90 532 %s %s %s" % (s[:3], s[3:5], s[5:]), "90532" + s, "tr +90"))
    elif cc == "gr":
        s = g.nz(7)
        out.append(("210 %s" % s, "210" + s, "gr Athens 210 xxxxxxx"))
        s = g.d(7)
        out.append(("69%s %s %s" % (s[0], s[1:4], s[4:] + g.d(1)), None, "gr mobile 69x xxx xxxx"))
        out[-1] = (out[-1][0], "".join(c for c in out[-1][0] if c.isdigit()), out[-1][2])
        s = g.nz(7)
        out.append(("231%s" % s, "231" + s, "gr Thessaloniki one run"))
    elif cc == "mx":
        s = g.nz(4) + g.d(4)
        out.append(("55 %s %s" % (s[:4], s[4:]), "55" + s, "mx 55 xxxx xxxx"))
        s = g.nz(4) + g.d(4)
        out.append(("(33) %s-%s" % (s[:4], s[4:]), "33" + s, "mx (33) xxxx-xxxx"))
        s = g.nz(4) + g.d(4)
        out.append(("+52 55 %s %s" % (s[:4], s[4:]), "5255" + s, "mx +52"))
    elif cc == "sa":
        s = g.nz(7)
        out.append(("050 %s %s" % (s[:3], s[3:]), "050" + s, "sa mobile 050"))
        s = g.nz(7)
        out.append(("+966 50 %s %s" % (s[:3], s[3:]), "96650" + s, "sa +966"))
    return out


# phone labels (local, English), dob labels and date forms per country
LABELS = {
    "ru": (["\u0422\u0435\u043b.:", "\u0422\u0435\u043b\u0435\u0444\u043e\u043d:", "\u041c\u043e\u0431.:",
            "\u0421\u043e\u0442\u043e\u0432\u044b\u0439:", "Phone:", "\u0442\u0435\u043b."],
           ["\u0414\u0430\u0442\u0430 \u0440\u043e\u0436\u0434\u0435\u043d\u0438\u044f:", "Date of birth:"], "dmy."),
    "ua": (["\u0422\u0435\u043b.:", "\u041c\u043e\u0431\u0456\u043b\u044c\u043d\u0438\u0439:", "\u0422\u0435\u043b\u0435\u0444\u043e\u043d:"],
           ["\u0414\u0430\u0442\u0430 \u043d\u0430\u0440\u043e\u0434\u0436\u0435\u043d\u043d\u044f:", "DOB:"], "dmy."),
    "cn": (["\u7535\u8bdd\uff1a", "\u624b\u673a\uff1a", "\u624b\u6a5f: ", "\u8054\u7cfb\u7535\u8bdd\uff1a", "\u624b\u673a\u53f7\u7801\uff1a",
            "Mobile:"],
           ["\u51fa\u751f\u65e5\u671f\uff1a", "Date of birth:"], "cjk"),
    "jp": (["\u96fb\u8a71\uff1a", "\u643a\u5e2f\uff1a", "TEL:"], ["\u751f\u5e74\u6708\u65e5\uff1a", "DOB:"], "cjk"),
    "kr": (["\uc804\ud654: ", "\ud734\ub300\ud3f0: ", "\uc804\ud654\ubc88\ud638: ", "Tel:"],
           ["\uc0dd\ub144\uc6d4\uc77c: ", "Birth date:"], "ko"),
    "in": (["Mobile:", "Mob:", "Phone:"], ["Date of Birth:", "DOB:"], "dmy/"),
    "br": (["Celular:", "Telefone:", "Tel.:"], ["Data de nascimento:", "Nascimento:"], "dmy/"),
    "de": (["Tel.:", "Telefon:", "Handy:", "Mobil:"], ["Geburtsdatum:", "geb. am"], "dmy."),
    "fr": (["T\u00e9l. :", "T\u00e9l\u00e9phone :", "Portable :"], ["Date de naissance :", "N\u00e9e le"], "dmy/"),
    "uk": (["Tel:", "Mobile:", "Phone:"], ["Date of birth:", "DOB:"], "dmy/"),
    "es": (["Tel\u00e9fono:", "M\u00f3vil:", "Tfno.:"], ["Fecha de nacimiento:", "F. nacimiento:"], "dmy/"),
    "it": (["Tel.:", "Cellulare:", "Telefono:"], ["Data di nascita:", "Nato il"], "dmy/"),
    "pl": (["Tel.:", "Telefon:", "Tel. kom.:"], ["Data urodzenia:", "Date of birth:"], "dmy."),
    "tr": (["Tel:", "Cep Tel:", "Telefon:", "GSM:"], ["Do\u011fum Tarihi:", "Do\u011fum tarihi:"], "dmy."),
    "gr": (["\u03a4\u03b7\u03bb.:", "\u039a\u03b9\u03bd\u03b7\u03c4\u03cc:", "\u03a4\u03b7\u03bb\u03ad\u03c6\u03c9\u03bd\u03bf:"],
           ["\u0397\u03bc\u03b5\u03c1\u03bf\u03bc\u03b7\u03bd\u03af\u03b1 \u03b3\u03ad\u03bd\u03bd\u03b7\u03c3\u03b7\u03c2:", "DOB:"], "dmy/"),
    "mx": (["Tel.:", "Celular:", "Tel\u00e9fono:"], ["Fecha de nacimiento:", "Nacimiento:"], "dmy/"),
    "sa": (["\u0647\u0627\u062a\u0641: ", "\u062c\u0648\u0627\u0644: ", "\u0631\u0642\u0645 \u0627\u0644\u0647\u0627\u062a\u0641: ", "Mobile:"],
           ["\u062a\u0627\u0631\u064a\u062e \u0627\u0644\u0645\u064a\u0644\u0627\u062f: ", "DOB:"], "dmy/"),
}

NAMES = {
    "ru": ["\u0418\u0432\u0430\u043d\u043e\u0432 \u0418.\u041f.", "\u041f\u0435\u0442\u0440\u043e\u0432\u0430 \u0410.\u0421."],
    "ua": ["\u0428\u0435\u0432\u0447\u0435\u043d\u043a\u043e \u041e.", "\u041a\u043e\u0432\u0430\u043b\u044c \u041c."],
    "cn": ["\u738b\u4f1f", "\u674e\u5a1c"], "jp": ["\u5c71\u7530\u592a\u90ce", "\u4f50\u85e4\u82b1\u5b50"],
    "kr": ["\uae40\ubbfc\uc900", "\uc774\uc11c\uc5f0"], "in": ["Rahul Sharma", "Priya Nair"],
    "br": ["Jo\u00e3o Silva", "Ana Souza"], "de": ["Max Mustermann", "Erika Musterfrau"],
    "fr": ["Jean Dupont", "Marie Martin"], "uk": ["John Smith", "Jane Doe"], "es": ["Juan P\u00e9rez", "Luc\u00eda G\u00f3mez"],
    "it": ["Mario Rossi", "Giulia Bianchi"], "pl": ["Jan Kowalski", "Anna Nowak"], "tr": ["Ahmet Y\u0131lmaz", "Ay\u015fe Kaya"],
    "gr": ["\u0393\u03b9\u03ce\u03c1\u03b3\u03bf\u03c2 \u03a0\u03b1\u03c0\u03b1\u03b4\u03cc\u03c0\u03bf\u03c5\u03bb\u03bf\u03c2", "Maria Georgiou"],
    "mx": ["Jos\u00e9 Hern\u00e1ndez", "Guadalupe L\u00f3pez"],
    "sa": ["\u0645\u062d\u0645\u062f \u0627\u0644\u0639\u062a\u064a\u0628\u064a", "Fatimah Al-Harbi"],
}


def date_forms(g, style):
    y, m, d = g.r.randint(1950, 2001), g.r.randint(1, 12), g.r.randint(1, 28)
    if style == "dmy.":
        return ["%02d.%02d.%d" % (d, m, y), "%d-%02d-%02d" % (y, m, d)]
    if style == "dmy/":
        return ["%02d/%02d/%d" % (d, m, y), "%d-%02d-%02d" % (y, m, d)]
    if style == "cjk":
        return ["%d\u5e74%d\u6708%d\u65e5" % (y, m, d), "%d-%02d-%02d" % (y, m, d)]
    if style == "ko":
        return ["%d\ub144 %d\uc6d4 %d\uc77c" % (y, m, d), "%d.%02d.%02d" % (y, m, d), "%d-%02d-%02d" % (y, m, d)]
    raise ValueError(style)


MONTHS = {  # genitive month names as dates write them
    "ru": ["\u044f\u043d\u0432\u0430\u0440\u044f", "\u0444\u0435\u0432\u0440\u0430\u043b\u044f", "\u043c\u0430\u0440\u0442\u0430",
           "\u0430\u043f\u0440\u0435\u043b\u044f", "\u043c\u0430\u044f", "\u0438\u044e\u043d\u044f", "\u0438\u044e\u043b\u044f",
           "\u0430\u0432\u0433\u0443\u0441\u0442\u0430", "\u0441\u0435\u043d\u0442\u044f\u0431\u0440\u044f",
           "\u043e\u043a\u0442\u044f\u0431\u0440\u044f", "\u043d\u043e\u044f\u0431\u0440\u044f", "\u0434\u0435\u043a\u0430\u0431\u0440\u044f"],
    "ua": ["\u0441\u0456\u0447\u043d\u044f", "\u043b\u044e\u0442\u043e\u0433\u043e", "\u0431\u0435\u0440\u0435\u0437\u043d\u044f",
           "\u043a\u0432\u0456\u0442\u043d\u044f", "\u0442\u0440\u0430\u0432\u043d\u044f", "\u0447\u0435\u0440\u0432\u043d\u044f",
           "\u043b\u0438\u043f\u043d\u044f", "\u0441\u0435\u0440\u043f\u043d\u044f", "\u0432\u0435\u0440\u0435\u0441\u043d\u044f",
           "\u0436\u043e\u0432\u0442\u043d\u044f", "\u043b\u0438\u0441\u0442\u043e\u043f\u0430\u0434\u0430", "\u0433\u0440\u0443\u0434\u043d\u044f"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "wrze\u015bnia",
           "pa\u017adziernika", "listopada", "grudnia"],
    "tr": ["Ocak", "\u015eubat", "Mart", "Nisan", "May\u0131s", "Haziran", "Temmuz", "A\u011fustos", "Eyl\u00fcl", "Ekim",
           "Kas\u0131m", "Aral\u0131k"],
}


def build(g):
    r = g.r
    for cc in sorted(LABELS):
        plabels, dlabels, dstyle = LABELS[cc]
        g.begin("%s/contacts_%s.txt" % (cc, cc))
        lines = []
        nums = phones(g, cc)
        for i, (num, norm, kind) in enumerate(nums):
            lab = plabels[i % len(plabels)]
            sep = "" if lab.endswith(" ") or lab.endswith("\uff1a") else " "
            g.plant("phone", norm, kind)
            lines.append("%s\n%s%s%s" % (NAMES[cc][i % 2], lab, sep, num))
        # every label once more with a fresh number of the country's first form
        for lab in plabels:
            num, norm, kind = phones(g, cc)[r.randrange(len(nums))]
            if cc == "cn" and lab.isascii() and num.isdigit():
                # after an English label a run of 11 digits starting 1 may be North American: grouped
                num, kind = "%s %s %s" % (num[:3], num[3:7], num[7:]), kind + " regrouped"
            sep = "" if lab.endswith(" ") or lab.endswith("\uff1a") else " "
            g.plant("phone", norm, kind + " after " + lab.strip())
            lines.append("%s%s%s" % (lab, sep, num))
        for lab in dlabels:
            forms = date_forms(g, dstyle)
            if cc in MONTHS:  # 14 marta 1975, in the month's genitive
                forms.append("%d %s %d" % (r.randint(1, 28), r.choice(MONTHS[cc]), r.randint(1950, 2001)))
            for dv in forms:
                g.plant("dob", dv, "dob %s %s" % (cc, lab.strip()))
                sep = "" if lab.endswith(" ") or lab.endswith("\uff1a") else " "
                lines.append("%s%s%s" % (lab, sep, dv))
        g.write("\n".join(lines) + "\n")

        # decoys: the same number forms without a phone label, order numbers, dates, prices, postcodes
        g.begin("%s/orders_%s.txt" % (cc, cc), decoy=True)
        lines = []
        for num, _, _ in phones(g, cc):
            if num.startswith("+"):
                continue  # an international number is a phone wherever it stands
            lines.append("Order %s shipped, ref %s" % (g.d(8), num))
        forms = date_forms(g, dstyle)
        if cc in MONTHS:
            forms.append("%d %s %d" % (r.randint(1, 28), r.choice(MONTHS[cc]), r.randint(2010, 2024)))
        for dv in forms:
            lines.append("Invoice date: %s  total %s.%02d" % (dv, r.randint(100, 99999), r.randint(0, 99)))
        lines.append("Postcode %s, account %s-%s-%s" % (g.nz(6), g.nz(3), g.d(2), g.d(2)))
        lines.append("Contract no. %s %s %s, amount %s %s,%s" % (g.nz(3), g.d(3), g.d(4), g.nz(3), g.d(3), g.d(2)))
        if cc == "cn":  # an order number and a tracking number of a mobile's shape, no phone label
            lines.append("\u8ba2\u5355\u53f7\uff1a1%s%s  \u8fd0\u5355\u53f7 1%s %s %s" % (r.randint(3, 9), g.d(9), "%d%d" % (r.randint(3, 9), r.randint(0, 9)), g.d(4), g.d(4)))
        if cc == "ru":  # a taxpayer number, a bank account and a date in a Russian invoice
            lines.append("\u0418\u041d\u041d %s, \u0441\u0447\u0435\u0442 408178100%s, \u043e\u0442 %02d.%02d.%d" % (g.nz(10), g.d(11), r.randint(1, 28), r.randint(1, 12), r.randint(2015, 2024)))
        g.write("\n".join(lines) + "\n")


def main():
    _base.main(Gen, build)


if __name__ == "__main__":
    sys.exit(main())
