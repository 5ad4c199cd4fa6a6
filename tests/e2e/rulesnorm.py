"""Fingerprint inputs of planted values, for the rules tests' answer keys.

The validator fingerprints some entities by their canonical value rather
than as written (docs/rules.md, Fingerprints): a date of birth whose order
is known as its ISO date (14 March 1975, 14.03.1975, 19750314 and
1975\u5e743\u670814\u65e5 are all 1975-03-14; an ambiguous 03/04/1975 stays as written), and a
national phone form that names its country with its country code (China's
138 0013 8000 is 8613800138000, Russia's 8 (916) 123-45-67 79161234567).
canon() is that rule for a date written alone (no label); norms() the set a
keyed scorer accepts for a value planted as written. Written here from the
documentation, independently of the C code.
"""
import datetime
import re

import lsutil


# The month names the dob validator reads (docs/rules.md), for dob_norms().
MONTHS = [
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
    ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12), ("januar", 1),
    ("februar", 2), ("m\u00e4rz", 3), ("maerz", 3), ("mai", 5), ("juni", 6), ("juli", 7), ("oktober", 10),
    ("dezember", 12), ("janvier", 1), ("f\u00e9vrier", 2), ("fevrier", 2), ("mars", 3), ("avril", 4),
    ("juin", 6), ("juillet", 7), ("ao\u00fbt", 8), ("aout", 8), ("septembre", 9), ("octobre", 10),
    ("novembre", 11), ("d\u00e9cembre", 12), ("decembre", 12), ("enero", 1), ("febrero", 2), ("marzo", 3),
    ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7), ("agosto", 8), ("septiembre", 9),
    ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12), ("gennaio", 1),
    ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7), ("settembre", 9),
    ("ottobre", 10), ("dicembre", 12), ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5),
    ("augustus", 8), ("janeiro", 1), ("fevereiro", 2), ("mar\u00e7o", 3), ("marco", 3), ("maio", 5),
    ("junho", 6), ("julho", 7), ("setembro", 9), ("outubro", 10), ("novembro", 11), ("dezembro", 12),
    ("\u044f\u043d\u0432\u0430\u0440\u044f", 1), ("\u0444\u0435\u0432\u0440\u0430\u043b\u044f", 2),
    ("\u043c\u0430\u0440\u0442\u0430", 3), ("\u0430\u043f\u0440\u0435\u043b\u044f", 4),
    ("\u043c\u0430\u044f", 5), ("\u0438\u044e\u043d\u044f", 6), ("\u0438\u044e\u043b\u044f", 7),
    ("\u0430\u0432\u0433\u0443\u0441\u0442\u0430", 8),
    ("\u0441\u0435\u043d\u0442\u044f\u0431\u0440\u044f", 9),
    ("\u043e\u043a\u0442\u044f\u0431\u0440\u044f", 10), ("\u043d\u043e\u044f\u0431\u0440\u044f", 11),
    ("\u0434\u0435\u043a\u0430\u0431\u0440\u044f", 12), ("\u043c\u0430\u0439", 5),
    ("\u0441\u0456\u0447\u043d\u044f", 1), ("\u043b\u044e\u0442\u043e\u0433\u043e", 2),
    ("\u0431\u0435\u0440\u0435\u0437\u043d\u044f", 3), ("\u043a\u0432\u0456\u0442\u043d\u044f", 4),
    ("\u0442\u0440\u0430\u0432\u043d\u044f", 5), ("\u0447\u0435\u0440\u0432\u043d\u044f", 6),
    ("\u043b\u0438\u043f\u043d\u044f", 7), ("\u0441\u0435\u0440\u043f\u043d\u044f", 8),
    ("\u0432\u0435\u0440\u0435\u0441\u043d\u044f", 9), ("\u0436\u043e\u0432\u0442\u043d\u044f", 10),
    ("\u043b\u0438\u0441\u0442\u043e\u043f\u0430\u0434\u0430", 11), ("\u0433\u0440\u0443\u0434\u043d\u044f", 12),
    ("stycznia", 1), ("lutego", 2), ("marca", 3), ("kwietnia", 4), ("maja", 5), ("czerwca", 6),
    ("lipca", 7), ("sierpnia", 8), ("wrze\u015bnia", 9), ("wrzesnia", 9), ("pa\u017adziernika", 10),
    ("pazdziernika", 10), ("listopada", 11), ("grudnia", 12), ("ocak", 1), ("\u015fubat", 2),
    ("subat", 2), ("mart", 3), ("nisan", 4), ("may\u0131s", 5), ("mayis", 5), ("haziran", 6),
    ("temmuz", 7), ("a\u011fustos", 8), ("agustos", 8), ("eyl\u00fcl", 9), ("eylul", 9), ("ekim", 10),
    ("kas\u0131m", 11), ("kasim", 11), ("aral\u0131k", 12), ("aralik", 12),
]


def _date_ok(y, m, d):
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return 1900 <= y <= 2030


def dob_norms(v):
    """The fingerprint inputs a date of birth written as v may have (a label
    may name the order of an ambiguous one): the ISO
    date (YYYY-MM-DD) of every reading of it (the validator fingerprints a
    date whose order is known so: year first, a month word, CJK, a day > 12,
    dots, a DD/MM label), and v as written (an ambiguous 03/04/1975)."""
    out = {v}
    iso = set()
    m = re.search(r"(?:(\d{4})|\u662d\u548c(\d{1,2})|\u5e73\u6210(\d{1,2}|\u5143))\u5e74(\d{1,2})\u6708(\d{1,2})\u65e5", v)
    k = re.search(r"(\d{4})\ub144 ?(\d{1,2})\uc6d4 ?(\d{1,2})\uc77c", v)
    if m:
        y = int(m.group(1)) if m.group(1) else (1925 + int(m.group(2)) if m.group(2) else
                                                1988 + (1 if m.group(3) == "\u5143" else int(m.group(3))))
        iso.add((y, int(m.group(4)), int(m.group(5))))
    elif k:
        iso.add((int(k.group(1)), int(k.group(2)), int(k.group(3))))
    else:
        mon = 0
        for w in re.findall(r"[^\W\d_]+", v):
            w = w.lower()
            if len(w.encode("utf-8")) >= 3:
                mon = next((n for name, n in MONTHS if name.startswith(w)), 0)
            if mon:
                break
        nums = re.findall(r"\d+", v)
        if mon and len(nums) >= 2:
            y = int(nums[-1])
            if len(nums[-1]) == 2:
                y += 2000 if y < 30 else 1900
            iso.add((y, mon, int(nums[0])))
        elif len(nums) == 1 and len(nums[0]) == 8:
            n = nums[0]
            iso.add((int(n[:4]), int(n[4:6]), int(n[6:])))
        elif len(nums) >= 3:
            a, b, c = nums[:3]
            if len(a) == 4:
                iso.add((int(a), int(b), int(c)))
            else:
                y = int(c) if len(c) == 4 else 1900 + int(c)
                if len(c) == 2 and y < 1930:
                    y += 100
                iso.add((y, int(b), int(a)))
                iso.add((y, int(a), int(b)))
    for y, mo, d in iso:
        if _date_ok(y, mo, d):
            out.add("%04d-%02d-%02d" % (y, mo, d))
    return out



def dob_canon(v, label=""):
    """The fingerprint input of a date of birth written v after label:
    its ISO date when the written form says the order, else v."""
    iso = sorted(x for x in dob_norms(v) if x != v)
    if len(iso) == 1:
        return iso[0]
    nums = re.findall(r"\d+", v)
    if len(iso) == 2 and len(nums) == 3:
        a, b = int(nums[0]), int(nums[1])
        y = iso[0][:4]
        low = label.lower()
        if a == b or "." in v or any(w in low for w in ("dd/mm", "dd.mm", "dd-mm", "tt.mm", "jj/mm", "gg/mm")):
            return "%s-%02d-%02d" % (y, b, a)
        if any(w in low for w in ("mm/dd", "mm.dd", "mm-dd")):
            return "%s-%02d-%02d" % (y, a, b)
    return iso[0] if len(iso) == 1 else v


def phone_norms(v):
    """A planted phone's digits, and the forms with a country code a
    national form may be given (Brazil 55, China 86, India 91, Russia 7 with
    or without its trunk 8)."""
    out = {v}
    if v and v[0] != "0":
        out |= {"55" + v, "86" + v, "91" + v, "7" + v}
        if v[0] == "8":
            out.add("7" + v[1:])
    return out


def norms(entity, v):
    """Every fingerprint input a value planted as v may have."""
    if entity == "dob":
        return dob_norms(v)
    if entity == "phone":
        return phone_norms(v)
    return {v}


def fingerprint(key, entity, v, label=""):
    """lsutil.fingerprint of the canonical form of a dob planted as written."""
    return lsutil.fingerprint(key, entity, dob_canon(v, label) if entity == "dob" else v)
