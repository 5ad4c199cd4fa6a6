#!/usr/bin/env python3
"""Generate src/core/codepage_tables.h (single-byte code page tables, and the
name/number index of every page) and src/core/codepage_cjk_tables.h
(double-byte tables of the CJK pages).

Usage:
    gen_codepages.py [OUT]        write the header (default: the source tree's)
    gen_codepages.py --check OUT  exit 1 if OUT differs from what would be made
    gen_codepages.py --dump       print "codec byte codepoint" for every entry
                                  (what tests/unit/test_codepage.c samples)
    gen_codepages.py --cjk-sample print a C array of 200 pseudo-random valid
                                  double-byte pairs per CJK page with Python's
                                  decoding (fixed seed; pasted into
                                  tests/unit/test_codepage.c)

The CJK pages (CJK below) are double-byte: for every lead byte that starts
at least one two-byte character, one row of code points for the trail bytes
from the lowest to the highest defined one (0 = undefined -> U+FFFD), from
Python's codecs. Their single-byte high half is generated as for the other
pages, with 0xFFFD at lead bytes. ISO-2022-JP uses the EUC-JP table
(JIS X 0208 row/cell bytes | 0x80). Output is deterministic (no hashing,
sorted keys, fixed random seed).

Each table maps the high half (0x80-0xFF) of one code page to Unicode,
taken from Python's own codecs (stdlib, no network); bytes a codec does not
define map to U+FFFD. The low half is ASCII in every page listed here
(checked below), so it is not stored. Names are matched loosely by
codepage.c: ASCII letters and digits only, lower-cased ("ISO_8859-2:1987",
"iso-8859-2" and "iso88592" are one key); the script refuses two pages
claiming the same key. Numbers are Windows code page identifiers
(MultiByteToWideChar / PR_MESSAGE_CODEPAGE / RTF \\ansicpg).
"""
import codecs
import sys
from pathlib import Path

# (python codec, canonical name, Windows code page, extra numbers, aliases)
PAGES = [
    ("cp1250", "windows-1250", 1250, [], ["cp1250", "x-cp1250", "win1250"]),
    ("cp1251", "windows-1251", 1251, [], ["cp1251", "x-cp1251", "win1251"]),
    ("cp1252", "windows-1252", 1252, [], ["cp1252", "x-cp1252", "win1252"]),
    ("cp1253", "windows-1253", 1253, [], ["cp1253", "x-cp1253", "win1253"]),
    ("cp1254", "windows-1254", 1254, [], ["cp1254", "x-cp1254", "win1254"]),
    ("cp1255", "windows-1255", 1255, [], ["cp1255", "x-cp1255", "win1255"]),
    ("cp1256", "windows-1256", 1256, [], ["cp1256", "x-cp1256", "win1256"]),
    ("cp1257", "windows-1257", 1257, [], ["cp1257", "x-cp1257", "win1257"]),
    ("cp1258", "windows-1258", 1258, [], ["cp1258", "x-cp1258", "win1258"]),
    ("cp874", "windows-874", 874, [],
     ["cp874", "x-cp874", "ms874", "dos-874", "tis-620", "tis620"]),
    ("latin_1", "iso-8859-1", 28591, [],
     ["iso_8859-1:1987", "iso-ir-100", "latin1", "l1", "csisolatin1", "ibm819", "cp819"]),
    ("iso8859_2", "iso-8859-2", 28592, [],
     ["iso_8859-2:1987", "iso-ir-101", "latin2", "l2", "csisolatin2"]),
    ("iso8859_3", "iso-8859-3", 28593, [],
     ["iso_8859-3:1988", "iso-ir-109", "latin3", "l3", "csisolatin3"]),
    ("iso8859_4", "iso-8859-4", 28594, [],
     ["iso_8859-4:1988", "iso-ir-110", "latin4", "l4", "csisolatin4"]),
    ("iso8859_5", "iso-8859-5", 28595, [],
     ["iso_8859-5:1988", "iso-ir-144", "cyrillic", "csisolatincyrillic"]),
    ("iso8859_6", "iso-8859-6", 28596, [38596],
     ["iso_8859-6:1987", "iso-ir-127", "ecma-114", "asmo-708", "arabic",
      "csisolatinarabic", "iso-8859-6-i", "iso-8859-6-e"]),
    ("iso8859_7", "iso-8859-7", 28597, [],
     ["iso_8859-7:1987", "iso-ir-126", "elot_928", "ecma-118", "greek", "greek8",
      "csisolatingreek", "sun_eu_greek"]),
    ("iso8859_8", "iso-8859-8", 28598, [38598],
     ["iso_8859-8:1988", "iso-ir-138", "hebrew", "csisolatinhebrew", "iso-8859-8-i",
      "iso-8859-8-e", "visual", "logical"]),
    ("iso8859_9", "iso-8859-9", 28599, [],
     ["iso_8859-9:1989", "iso-ir-148", "latin5", "l5", "csisolatin5"]),
    ("iso8859_10", "iso-8859-10", 28600, [],
     ["iso_8859-10:1992", "iso-ir-157", "latin6", "l6", "csisolatin6"]),
    ("iso8859_11", "iso-8859-11", 28601, [], ["iso_8859-11:2001", "thai"]),
    ("iso8859_13", "iso-8859-13", 28603, [], ["latin7", "l7", "csiso885913"]),
    ("iso8859_14", "iso-8859-14", 28604, [],
     ["iso_8859-14:1998", "iso-ir-199", "latin8", "l8", "iso-celtic", "csiso885914"]),
    ("iso8859_15", "iso-8859-15", 28605, [],
     ["iso_8859-15:1998", "latin9", "latin-9", "l9", "latin0", "csiso885915"]),
    ("iso8859_16", "iso-8859-16", 28606, [],
     ["iso_8859-16:2001", "iso-ir-226", "latin10", "l10", "csiso885916"]),
    ("koi8_r", "koi8-r", 20866, [], ["koi8", "cskoi8r"]),
    ("koi8_u", "koi8-u", 21866, [], ["koi8-ru"]),
    ("cp437", "ibm437", 437, [], ["cp437", "437", "cspc8codepage437"]),
    ("cp850", "ibm850", 850, [], ["cp850", "850", "cspc850multilingual"]),
    ("cp852", "ibm852", 852, [], ["cp852", "852", "cspcp852"]),
    ("cp866", "ibm866", 866, [], ["cp866", "866", "csibm866"]),
    ("mac_roman", "macintosh", 10000, [],
     ["mac", "macroman", "mac-roman", "x-mac-roman", "csmacintosh"]),
    ("mac_cyrillic", "x-mac-cyrillic", 10007, [], ["mac-cyrillic", "maccyrillic", "x-mac-ukrainian"]),
    ("mac_greek", "x-mac-greek", 10006, [], ["mac-greek", "macgreek"]),
    ("mac_latin2", "x-mac-ce", 10029, [], ["mac-latin2", "maccentraleurope", "x-mac-centraleurroman"]),
    ("mac_turkish", "x-mac-turkish", 10081, [], ["mac-turkish", "macturkish"]),
    ("mac_iceland", "x-mac-icelandic", 10079, [], ["mac-iceland", "maciceland"]),
]


# (python codec, canonical name, Windows code page, extra numbers, aliases,
#  kind, table codec). kind: LS_CP_DBCS (lead + trail), LS_CP_GBK (DBCS; a
# GB18030 four-byte sequence is one U+FFFD), LS_CP_EUCJP (DBCS; 0x8F starts
# a three-byte JIS X 0212 character, read as U+FFFD), LS_CP_ISO2022JP.
CJK = [
    ("cp932", "shift_jis", 932, [],
     ["sjis", "x-sjis", "ms_kanji", "windows-31j", "csshiftjis", "cswindows31j",
      "shift-jis", "x-ms-cp932", "ms932"], "LS_CP_DBCS", "cp932"),
    ("euc_jp", "euc-jp", 20932, [51932],
     ["x-euc-jp", "cseucpkdfmtjapanese", "eucjp", "ujis"], "LS_CP_EUCJP", "euc_jp"),
    ("iso2022_jp", "iso-2022-jp", 50220, [50221, 50222],
     ["csiso2022jp", "iso2022jp"], "LS_CP_ISO2022JP", "euc_jp"),
    ("gbk", "gbk", 936, [51936, 54936],
     ["gb2312", "cp936", "x-gbk", "csgb2312", "gb18030", "euc-cn", "x-euc-cn",
      "csgb231280", "gb_2312-80", "chinese", "iso-ir-58", "ms936", "windows-936"],
     "LS_CP_GBK", "gbk"),
    ("cp950", "big5", 950, [],
     ["big5-hkscs", "cn-big5", "x-x-big5", "csbig5", "big-5", "ms950", "x-big5"],
     "LS_CP_DBCS", "cp950"),
    ("cp949", "euc-kr", 949, [51949],
     ["cp949", "ks_c_5601-1987", "windows-949", "ks_c_5601-1989", "ksc5601",
      "ksc_5601", "korean", "csksc56011987", "iso-ir-149", "cseuckr", "uhc",
      "x-windows-949", "ms949"], "LS_CP_DBCS", "cp949"),
]


def dbcs_rows(codec):
    """{lead: (lo, [code points lo..hi])} for leads 0x80-0xFF, trails
    0x40-0xFE: only the two-byte characters Python decodes to one BMP
    character."""
    rows = {}
    for lead in range(0x80, 0x100):
        cells = {}
        for t in range(0x40, 0xFF):
            try:
                ch = bytes([lead, t]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(ch) == 1 and 0 < ord(ch) <= 0xFFFF and ord(ch) != 0xFFFD:
                cells[t] = ord(ch)
        if cells:
            lo, hi = min(cells), max(cells)
            rows[lead] = (lo, [cells.get(t, 0) for t in range(lo, hi + 1)])
    return rows


def cjk_high_half(codec, table_codec, kind):
    """Single bytes 0x80-0xFF: U+FFFD at lead bytes and undefined bytes."""
    if kind == "LS_CP_ISO2022JP":
        return [0xFFFD] * 128
    leads = dbcs_rows(table_codec)
    out = []
    for b in range(0x80, 0x100):
        v = 0xFFFD
        if b not in leads and not (kind == "LS_CP_EUCJP" and b == 0x8F):
            try:
                s = bytes([b]).decode(codec)
                if len(s) == 1 and ord(s) <= 0xFFFF:
                    v = ord(s)
            except UnicodeDecodeError:
                pass
        out.append(v)
    return out


def build_cjk():
    lines = [
        "/*",
        " * GENERATED by scripts/gen_codepages.py from Python's codecs -- do not",
        " * edit; rerun the script (tests/e2e/test_codepages.py checks it is current).",
        " *",
        " * Double-byte tables of the CJK code pages. Per table: a flat array of",
        " * code points (0 = undefined, read as U+FFFD) and, for each lead byte",
        " * 0x80-0xFF, the offset of its row and the lowest and highest trail",
        " * byte it defines (hi == 0: not a lead byte). Included only by",
        " * src/core/codepage.c.",
        " */",
        "#ifndef LS_CODEPAGE_CJK_TABLES_H",
        "#define LS_CODEPAGE_CJK_TABLES_H",
        "",
        "#include <stdint.h>",
        "",
    ]
    done = set()
    for codec, canon, num, _extra, _aliases, kind, tcodec in CJK:
        if tcodec in done:
            continue
        done.add(tcodec)
        rows = dbcs_rows(tcodec)
        flat = []
        index = []
        for lead in range(0x80, 0x100):
            if lead in rows:
                lo, cells = rows[lead]
                index.append((len(flat), lo, lo + len(cells) - 1))
                flat.extend(cells)
            else:
                index.append((0, 0, 0))
        lines.append(f"/* Python codec {tcodec}: {len(rows)} lead bytes */")
        lines.append(f"static const uint16_t dbcs_{tcodec}_cells[{len(flat)}] = {{")
        for r in range(0, len(flat), 12):
            lines.append("    " + ",".join(f"0x{v:X}" for v in flat[r:r + 12]) + ",")
        lines.append("};")
        lines.append(f"static const struct ls_dbcs_row dbcs_{tcodec}_rows[128] = {{")
        for r in range(0, 128, 4):
            lines.append("    " + " ".join(f"{{{o}u, 0x{lo:02X}, 0x{hi:02X}}},"
                                           for o, lo, hi in index[r:r + 4]))
        lines.append("};")
        lines.append(f"static const struct ls_dbcs dbcs_{tcodec} = "
                     f"{{dbcs_{tcodec}_cells, dbcs_{tcodec}_rows}};")
        lines.append("")
    lines.append("#endif")
    return "\n".join(lines) + "\n"


def cjk_sample():
    import random
    rnd = random.Random(20261128)
    out = ["/* GENERATED by scripts/gen_codepages.py --cjk-sample */",
           "static const struct cjk_pair cjk_pairs[] = {"]
    for codec, canon, num, _e, _a, kind, tcodec in CJK:
        rows = dbcs_rows(tcodec)
        pairs = [(lead, lo + i, v) for lead, (lo, cells) in sorted(rows.items())
                 for i, v in enumerate(cells) if v]
        for lead, t, v in sorted(rnd.sample(pairs, 200)):
            if kind == "LS_CP_ISO2022JP":
                if not (0xA1 <= lead <= 0xFE and 0xA1 <= t <= 0xFE):
                    continue
                raw = b"\x1b$B" + bytes([lead & 0x7F, t & 0x7F]) + b"\x1b(B"
            else:
                raw = bytes([lead, t])
            dec = raw.decode(codec)
            if len(dec) != 1 or ord(dec) != v:
                raise SystemExit(f"{codec}: {raw!r} decodes to {dec!r}, table has {v:#x}")
            b1, b2 = (raw[3], raw[4]) if kind == "LS_CP_ISO2022JP" else (raw[0], raw[1])
            out.append(f'    {{{num}u, 0x{b1:02X}, 0x{b2:02X}, 0x{v:04X}}},')
    out.append("};")
    return "\n".join(out) + "\n"


def key(name):
    """The lookup key codepage.c computes: ASCII letters/digits, lower-case."""
    return "".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum())


def high_half(codec):
    out = []
    for b in range(0x80, 0x100):
        try:
            s = bytes([b]).decode(codec)
        except UnicodeDecodeError:
            out.append(0xFFFD)
            continue
        if len(s) != 1 or ord(s) > 0xFFFF:
            raise SystemExit(f"{codec}: byte {b:#x} does not map to one BMP character")
        out.append(ord(s))
    for b in range(0x80):
        if bytes([b]).decode(codec) != chr(b):
            raise SystemExit(f"{codec}: low half is not ASCII at {b:#x}")
    return out


def build():
    lines = [
        "/*",
        " * GENERATED by scripts/gen_codepages.py from Python's codecs -- do not",
        " * edit; rerun the script (tests/e2e/test_codepages.py checks it is current).",
        " *",
        " * High halves (bytes 0x80-0xFF) of single-byte code pages as UTF-16 code",
        " * units (all are in the BMP); 0xFFFD where the code page defines no",
        " * character. The low half of every page here is ASCII. The CJK pages'",
        " * double-byte tables are in codepage_cjk_tables.h, included first.",
        " * Included only by src/core/codepage.c.",
        " */",
        "#ifndef LS_CODEPAGE_TABLES_H",
        "#define LS_CODEPAGE_TABLES_H",
        "",
        "#include <stdint.h>",
        "",
    ]
    names = {}
    numbers = {}
    for idx, (codec, canon, num, extra, aliases) in enumerate(PAGES):
        codecs.lookup(codec)  # fails loudly if this Python lacks it
        tbl = high_half(codec)
        ident = "cp_" + key(canon)
        lines.append(f"/* {canon} (Windows code page {num}; Python codec {codec}) */")
        lines.append(f"static const uint16_t {ident}[128] = {{")
        for r in range(0, 128, 8):
            row = ", ".join(f"0x{v:04X}" for v in tbl[r:r + 8])
            lines.append(f"    {row},")
        lines.append("};")
        lines.append("")
        for n in [num] + extra:
            if n in numbers:
                raise SystemExit(f"number {n} claimed twice")
            numbers[n] = idx
        for a in [canon] + aliases + [codec]:
            k = key(a)
            if names.get(k, idx) != idx:
                raise SystemExit(f"alias {a!r} ({k}) claimed by two pages")
            names[k] = idx

    for j, (codec, canon, num, extra, aliases, kind, tcodec) in enumerate(CJK):
        idx = len(PAGES) + j
        codecs.lookup(codec)
        tbl = cjk_high_half(codec, tcodec, kind)
        ident = "cp_" + key(canon)
        lines.append(f"/* {canon} (Windows code page {num}; Python codec {codec}): single bytes */")
        lines.append(f"static const uint16_t {ident}[128] = {{")
        for r in range(0, 128, 8):
            row = ", ".join(f"0x{v:04X}" for v in tbl[r:r + 8])
            lines.append(f"    {row},")
        lines.append("};")
        lines.append("")
        for n in [num] + extra:
            if n in numbers:
                raise SystemExit(f"number {n} claimed twice")
            numbers[n] = idx
        for a in [canon] + aliases + [codec]:
            k = key(a)
            if names.get(k, idx) != idx:
                raise SystemExit(f"alias {a!r} ({k}) claimed by two pages")
            names[k] = idx

    lines.append("/* One entry per page: canonical name, Windows number, high half. */")
    lines.append("#define LS_CODEPAGE_N %d" % (len(PAGES) + len(CJK)))
    lines.append("static const struct ls_codepage ls_codepages[LS_CODEPAGE_N] = {")
    for codec, canon, num, _extra, _aliases in PAGES:
        lines.append(f'    {{"{canon}", {num}u, cp_{key(canon)}, LS_CP_SBCS, NULL}},')
    for codec, canon, num, _extra, _aliases, kind, tcodec in CJK:
        lines.append(f'    {{"{canon}", {num}u, cp_{key(canon)}, {kind}, &dbcs_{tcodec}}},')
    lines.append("};")
    lines.append("")
    lines.append("/* Lookup keys (letters and digits, lower-case), sorted for bsearch. */")
    lines.append("static const struct ls_codepage_name ls_codepage_names[] = {")
    for k in sorted(names):
        lines.append(f'    {{"{k}", {names[k]}}},')
    lines.append("};")
    lines.append("")
    lines.append("/* Windows code page numbers, sorted for bsearch. */")
    lines.append("static const struct ls_codepage_num ls_codepage_nums[] = {")
    for n in sorted(numbers):
        lines.append(f"    {{{n}u, {numbers[n]}}},")
    lines.append("};")
    lines.append("")
    lines.append("#endif")
    return "\n".join(lines) + "\n"


def main(argv):
    default = Path(__file__).resolve().parent.parent / "src" / "core" / "codepage_tables.h"
    if len(argv) > 1 and argv[1] == "--cjk-sample":
        sys.stdout.write(cjk_sample())
        return 0
    if len(argv) > 1 and argv[1] == "--dump":
        for codec, canon, num, _e, _a in PAGES:
            for i, v in enumerate(high_half(codec)):
                print(f"{canon} {num} {0x80 + i:#04x} U+{v:04X}")
        return 0
    if len(argv) > 1 and argv[1] == "--check":
        out = Path(argv[2]) if len(argv) > 2 else default
        cjk = out.parent / "codepage_cjk_tables.h"
        for path, text in ((out, build()), (cjk, build_cjk())):
            if not path.exists() or path.read_text() != text:
                print(f"{path} is stale: rerun scripts/gen_codepages.py", file=sys.stderr)
                return 1
        return 0
    out = Path(argv[1]) if len(argv) > 1 else default
    out.write_text(build())
    (out.parent / "codepage_cjk_tables.h").write_text(build_cjk())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
