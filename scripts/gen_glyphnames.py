#!/usr/bin/env python3
"""Generate src/extract/pdf_glyphs.h: PostScript glyph names (the names a
PDF font's /Differences array gives its codes) to Unicode, sorted by name
for a binary search in pdf_cmap.c (pdf_glyph_unicode()).

Usage:
    gen_glyphnames.py [OUT]        write the header (default: the source tree's)
    gen_glyphnames.py --check OUT  exit 1 if OUT differs from what would be made

The names follow the Adobe Glyph List conventions. They are made here, from
Python's unicodedata (stdlib, no network), not copied from a list:
- Latin letters with diacritics: "LATIN SMALL LETTER E WITH CARON" is
  "ecaron", the capital "Ecaron"; two marks join in order
  ("LATIN SMALL LETTER U WITH DIAERESIS AND ACUTE": "udieresisacute").
  Latin-1 Supplement, Latin Extended-A and B (U+00C0-U+024F), and Latin
  Extended Additional (U+1E00-U+1EFF: Vietnamese).
- Greek letters by their names ("GREEK SMALL LETTER ALPHA WITH TONOS":
  "alphatonos"; Unicode's LAMDA is "lambda"; final sigma "sigma1").
- Cyrillic: the "afiiNNNNN" numbers of the Adobe standard Cyrillic names
  (afii10017 = U+0410 ...), which Windows-1251 and KOI8 fonts use.
- The names of the PDF standard Latin character set (ISO 32000-1 Annex D:
  StandardEncoding, MacRomanEncoding, WinAnsiEncoding, PDFDocEncoding) and
  a few common symbols and ligatures, listed below.
Names of the uniXXXX and uXXXX[XX] forms, single letters, and suffixes
("a.sc", "eacute.alt") are handled in code, not here.
"""
import os
import sys
import unicodedata

MARKS = {
    "ACUTE": "acute", "GRAVE": "grave", "CIRCUMFLEX": "circumflex", "TILDE": "tilde",
    "DIAERESIS": "dieresis", "RING ABOVE": "ring", "CEDILLA": "cedilla", "CARON": "caron",
    "BREVE": "breve", "OGONEK": "ogonek", "MACRON": "macron", "DOT ABOVE": "dotaccent",
    "DOUBLE ACUTE": "hungarumlaut", "DOT BELOW": "dotbelow", "HOOK ABOVE": "hookabove",
    "HORN": "horn", "COMMA BELOW": "commaaccent", "STROKE": "slash",
}

# Annex D and common names (the Latin letters with marks come from the rule).
EXPLICIT = {
    "space": 0x20, "exclam": 0x21, "quotedbl": 0x22, "numbersign": 0x23, "dollar": 0x24,
    "percent": 0x25, "ampersand": 0x26, "quotesingle": 0x27, "parenleft": 0x28,
    "parenright": 0x29, "asterisk": 0x2A, "plus": 0x2B, "comma": 0x2C, "hyphen": 0x2D,
    "period": 0x2E, "slash": 0x2F, "zero": 0x30, "one": 0x31, "two": 0x32, "three": 0x33,
    "four": 0x34, "five": 0x35, "six": 0x36, "seven": 0x37, "eight": 0x38, "nine": 0x39,
    "colon": 0x3A, "semicolon": 0x3B, "less": 0x3C, "equal": 0x3D, "greater": 0x3E,
    "question": 0x3F, "at": 0x40, "bracketleft": 0x5B, "backslash": 0x5C,
    "bracketright": 0x5D, "asciicircum": 0x5E, "underscore": 0x5F, "grave": 0x60,
    "braceleft": 0x7B, "bar": 0x7C, "braceright": 0x7D, "asciitilde": 0x7E,
    "nbspace": 0xA0, "nonbreakingspace": 0xA0, "exclamdown": 0xA1, "cent": 0xA2,
    "sterling": 0xA3, "currency": 0xA4, "yen": 0xA5, "brokenbar": 0xA6, "section": 0xA7,
    "dieresis": 0xA8, "copyright": 0xA9, "ordfeminine": 0xAA, "guillemotleft": 0xAB,
    "logicalnot": 0xAC, "sfthyphen": 0xAD, "registered": 0xAE, "macron": 0xAF,
    "degree": 0xB0, "plusminus": 0xB1, "twosuperior": 0xB2, "threesuperior": 0xB3,
    "acute": 0xB4, "mu": 0xB5, "paragraph": 0xB6, "periodcentered": 0xB7, "cedilla": 0xB8,
    "onesuperior": 0xB9, "ordmasculine": 0xBA, "guillemotright": 0xBB, "onequarter": 0xBC,
    "onehalf": 0xBD, "threequarters": 0xBE, "questiondown": 0xBF, "AE": 0xC6, "Eth": 0xD0,
    "multiply": 0xD7, "Oslash": 0xD8, "Thorn": 0xDE, "germandbls": 0xDF, "ae": 0xE6,
    "eth": 0xF0, "divide": 0xF7, "oslash": 0xF8, "thorn": 0xFE,
    "Cdot": 0x10A, "cdot": 0x10B, "Edot": 0x116, "edot": 0x117, "Gdot": 0x120, "gdot": 0x121,
    "Idot": 0x130, "Zdot": 0x17B, "zdot": 0x17C,
    "Dcroat": 0x110, "dcroat": 0x111, "Hbar": 0x126, "hbar": 0x127, "dotlessi": 0x131,
    "IJ": 0x132, "ij": 0x133, "kgreenlandic": 0x138, "Ldot": 0x13F, "ldot": 0x140,
    "Lslash": 0x141, "lslash": 0x142, "napostrophe": 0x149, "Eng": 0x14A, "eng": 0x14B,
    "OE": 0x152, "oe": 0x153, "Tbar": 0x166, "tbar": 0x167, "longs": 0x17F,
    "florin": 0x192, "Idotaccent": 0x130, "Gcommaaccent": 0x122, "gcommaaccent": 0x123,
    "Kcommaaccent": 0x136, "kcommaaccent": 0x137, "Lcommaaccent": 0x13B,
    "lcommaaccent": 0x13C, "Ncommaaccent": 0x145, "ncommaaccent": 0x146,
    "Rcommaaccent": 0x156, "rcommaaccent": 0x157, "Tcommaaccent": 0x162,
    "tcommaaccent": 0x163, "Scommaaccent": 0x218, "scommaaccent": 0x219,
    "circumflex": 0x2C6, "caron": 0x2C7, "breve": 0x2D8, "dotaccent": 0x2D9, "ring": 0x2DA,
    "ogonek": 0x2DB, "tilde": 0x2DC, "hungarumlaut": 0x2DD,
    "tonos": 0x384, "dieresistonos": 0x385, "anoteleia": 0x387, "sigma1": 0x3C2,
    "endash": 0x2013, "emdash": 0x2014, "quoteleft": 0x2018, "quoteright": 0x2019,
    "quotesinglbase": 0x201A, "quotereversed": 0x201B, "quotedblleft": 0x201C,
    "quotedblright": 0x201D, "quotedblbase": 0x201E, "dagger": 0x2020, "daggerdbl": 0x2021,
    "bullet": 0x2022, "ellipsis": 0x2026, "perthousand": 0x2030, "minute": 0x2032,
    "second": 0x2033, "guilsinglleft": 0x2039, "guilsinglright": 0x203A, "fraction": 0x2044,
    "Euro": 0x20AC, "trademark": 0x2122, "Omega": 0x3A9, "Delta": 0x394, "minus": 0x2212,
    "partialdiff": 0x2202, "product": 0x220F, "summation": 0x2211, "radical": 0x221A,
    "infinity": 0x221E, "integral": 0x222B, "approxequal": 0x2248, "notequal": 0x2260,
    "lessequal": 0x2264, "greaterequal": 0x2265, "lozenge": 0x25CA, "arrowleft": 0x2190,
    "arrowup": 0x2191, "arrowright": 0x2192, "arrowdown": 0x2193, "checkmark": 0x2713,
    "afii61352": 0x2116, "numero": 0x2116, "afii00208": 0x2015,
    "ff": 0xFB00, "fi": 0xFB01, "fl": 0xFB02, "ffi": 0xFB03, "ffl": 0xFB04,
    "f_f": 0xFB00, "f_i": 0xFB01, "f_l": 0xFB02, "f_f_i": 0xFB03, "f_f_l": 0xFB04,
}

# Adobe standard Cyrillic: afii10017.. for U+0410.., with Ё (U+0401) and ё
# (U+0451) among them and the other letters of U+0400-U+045F after.
CYRILLIC_UPPER = [0x410, 0x411, 0x412, 0x413, 0x414, 0x415, 0x401] + list(range(0x416, 0x430))
CYRILLIC_LOWER = [0x430, 0x431, 0x432, 0x433, 0x434, 0x435, 0x451] + list(range(0x436, 0x450))
CYRILLIC_OTHER = {  # Ђ Ѓ Є Ѕ І Ї Ј Љ Њ Ћ Ќ Ў; lower case from afii10099; Џ џ Ґ ґ
    10050: 0x490, 10098: 0x491, 10145: 0x40F, 10193: 0x45F,
}
for i, cp in enumerate([0x402, 0x403, 0x404, 0x405, 0x406, 0x407, 0x408, 0x409, 0x40A, 0x40B, 0x40C, 0x40E]):
    CYRILLIC_OTHER[10051 + i] = cp
    CYRILLIC_OTHER[10099 + i] = cp + 0x50


def latin_name(cp):
    n = unicodedata.name(chr(cp), "")
    for case, prefix in (("small", "LATIN SMALL LETTER "), ("capital", "LATIN CAPITAL LETTER ")):
        if not n.startswith(prefix):
            continue
        rest = n[len(prefix):]
        base, _, marks = rest.partition(" WITH ")
        if len(base) != 1 or not marks:
            return None
        out = base.lower() if case == "small" else base
        for m in marks.split(" AND "):
            if m not in MARKS:
                return None
            out += MARKS[m]
        return out
    return None


def greek_name(cp):
    n = unicodedata.name(chr(cp), "")
    for case, prefix in (("small", "GREEK SMALL LETTER "), ("capital", "GREEK CAPITAL LETTER ")):
        if not n.startswith(prefix):
            continue
        base, _, marks = n[len(prefix):].partition(" WITH ")
        if " " in base or base == "FINAL SIGMA":
            return None
        word = "lambda" if base == "LAMDA" else base.lower()
        if case == "capital":
            word = word[0].upper() + word[1:]
        for m in marks.split(" AND ") if marks else []:
            word += {"TONOS": "tonos", "DIALYTIKA": "dieresis"}.get(m, "?")
        return None if "?" in word else word
    return None


def table():
    names = {}

    def add(name, cp):
        if name in names and names[name] != cp:
            sys.exit("gen_glyphnames: %s claimed by U+%04X and U+%04X" % (name, names[name], cp))
        names[name] = cp

    for name, cp in EXPLICIT.items():
        add(name, cp)
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        n = latin_name(cp)
        if n and n not in EXPLICIT:
            add(n, cp)
    for cp in range(0x386, 0x3D0):
        n = greek_name(cp)
        if n and n not in EXPLICIT:
            add(n, cp)
    for i, cp in enumerate(CYRILLIC_UPPER):
        add("afii%d" % (10017 + i), cp)
    for i, cp in enumerate(CYRILLIC_LOWER):
        add("afii%d" % (10065 + i), cp)
    for num, cp in CYRILLIC_OTHER.items():
        add("afii%d" % num, cp)
    return sorted(names.items(), key=lambda kv: kv[0].encode())


def render():
    rows = table()
    out = ["/* Generated by scripts/gen_glyphnames.py: do not edit. PostScript glyph",
           " * names to Unicode, sorted by name (strcmp order) for a binary search. */",
           "static const struct glyph glyphs[] = {"]
    for name, cp in rows:
        out.append('    {"%s", 0x%04X},' % (name, cp))
    out.append("};")
    return "\n".join(out) + "\n"


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "src", "extract", "pdf_glyphs.h")
    if len(argv) >= 2 and argv[0] == "--check":
        with open(argv[1], encoding="utf-8") as f:
            return 0 if f.read() == render() else 1
    with open(argv[0] if argv else default, "w", encoding="utf-8") as f:
        f.write(render())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
