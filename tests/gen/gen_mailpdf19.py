#!/usr/bin/env python3
"""Small PDF and mail files for the nineteenth session's PDF and mail work
(docs/formats.md, PDF and OLE2/.msg sections). Each file is written here
from scratch in the real file's structure (ISO 32000-1 9.7.5 CMaps, Adobe
technical note #5014); none is copied. Stdlib only (and the other
generators here); all personal data is fake.

    python3 tests/gen/gen_mailpdf19.py OUTDIR          # all fixtures
    python3 tests/gen/gen_mailpdf19.py --corpus DIR    # fuzz seeds (pdf, msg)

Files:
  cjk_embedded_cmap.pdf  a Type0 font over Adobe-Japan1 CIDs whose /Encoding
                   is an embedded CMap stream (one-byte ASCII codes to CIDs
                   1-95, two-byte codes 8001.. to the kanji's and kana's
                   CIDs), no ToUnicode; a second font's embedded CMap uses
                   90ms-RKSJ-H (/UseCMap) and maps one more code (A0) to
                   社. The codes were read as CIDs: garbage
  cjk_partial_tounicode.pdf  Identity-H over Adobe-GB1, a ToUnicode that
                   maps only CIDs 1-95 (ASCII): the Chinese CIDs it leaves
                   out were read as code points (U+06F1 for 个), now through
                   the collection's table
  cjk_legacy_cmaps.pdf  four Type0 fonts with predefined CMaps the code
                   pages did not read exactly: CNS-EUC-H (EUC-TW, two- and
                   four-byte codes: no code page, U+FFFD), KSC-Johab-H
                   (Johab: read as UHC, wrong Hangul), GBK2K-H (GB 18030's
                   four-byte codes split in two), HKscs-B5-H (the HKSCS
                   characters cp950 lacks)
  cjk_codespace_gaps.pdf  an Identity-H font over Adobe-Japan1 whose
                   ToUnicode maps nothing and gives a one-byte codespace
                   (<00> <FF>): its two-byte codes had been cut in halves
                   (pdf.js's issue7696.pdf); and an embedded CMap whose
                   cidchar <E0> lies outside its codespace (<00> <7F>), as
                   pdf.js's issue11768_reduced.pdf: the byte had been
                   paired with the next one
  need_appearances.pdf  an AcroForm with /NeedAppearances true whose list
                   box (people to approve a payroll change: names and SSNs
                   in /Opt) has an empty appearance stream, as LibreOffice
                   writes them (qpdf's field-types.pdf, pypdf's
                   FormTestFromOo.pdf): viewers draw the options anew; they
                   were not read (a box with an appearance had only that)
  whole.msg        an Outlook .msg whose attachment's last sector ends the
                   file, padded to a whole sector
  cut_last_sector.msg  an Outlook .msg cut one byte short of its last
                   sector: the FAT still names it
The CIDs are those of the Adobe character collections (Adobe Technical
Notes #5078, #5079); the legacy codes are those of the encodings (EUC-TW
written here from CNS 11643 plane 1's rows and cells).
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cfb_writer  # noqa: E402
import gen_mailpdf18 as g18  # noqa: E402
import gen_ole2  # noqa: E402
import gen_pdf as g  # noqa: E402

SSN_EMB = "536-22-4108"
SSN_USE = "536-22-4119"
SSN_PTU = "536-22-4121"
SSN_CNS = "536-22-4132"
SSN_JOHAB = "536-22-4143"
SSN_GBK2K = "536-22-4154"
SSN_HK = "536-22-4165"
EMAIL_EMB = "hanako.sato@example.jp"
EMAIL_PTU = "li.na@example.cn"

EMB_WORDS = ["社員情報", "山田太郎", "東京都港区"]
USE_WORDS = ["山田太郎", "社"]
PTU_WORDS = g18.GB_WORDS

# CNS 11643 plane 1 (EUC-TW two-byte codes; the four-byte form is 8E A1
# before them)
CNS = {"個": "d4b6", "人": "a7a9", "資": "e6f1", "料": "d5e8", "姓": "ccef", "名": "c7d8", "陳": "ddf3",
       "美": "d3a1", "玲": "d2c5", "電": "e7d9", "話": "e6e3"}
CNS_WORDS = ["個人資料", "姓名", "陳美玲", "電話"]
JOHAB_WORDS = ["개인정보", "이름", "김민준"]
GBK2K_WORDS = ["个人信息", "㐀䶵", "张伟"]
HK_WORDS = ["冇嗰", "粵語資料"]


def _font(w, base, ordering, enc, tounicode=None):
    desc = w.add({"Type": g.Name("Font"), "Subtype": g.Name("CIDFontType0"), "BaseFont": g.Name(base),
                  "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": ordering.encode(), "Supplement": 4},
                  "DW": 1000})
    font = {"Type": g.Name("Font"), "Subtype": g.Name("Type0"), "BaseFont": g.Name(base),
            "Encoding": enc, "DescendantFonts": [desc]}
    if tounicode is not None:
        font["ToUnicode"] = w.add(g.Stream({}, tounicode))
    return w.add(font)


def _cmap(name, ordering, body, usecmap=None):
    head = ("%%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin\n12 dict begin\n"
            "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (%s) /Supplement 4 >> def\n"
            "/CMapName /%s def\n/CMapType 1 def\n" % (ordering, name))
    if usecmap:
        head += "/%s usecmap\n" % usecmap
    return (head + body + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode()


def _line(y, font, data):
    return b"BT /%s 11 Tf 72 %d Td <%s> Tj ET\n" % (font.encode(), y, data.hex().encode())


def cjk_embedded_cmap(path):
    """Codes: ASCII one byte (CID = code - 31), the CJK characters two
    bytes from 8001 in order of first use (cidchar); a second font over
    90ms-RKSJ-H with A0 added for 社."""
    w = g.Writer()
    helv = g.helvetica(w)
    chars = []
    for word in EMB_WORDS:
        for ch in word:
            if ch not in chars:
                chars.append(ch)
    code = {ch: 0x8001 + i for i, ch in enumerate(chars)}
    body = ("2 begincodespacerange\n<00> <7F>\n<8000> <FFFF>\nendcodespacerange\n"
            "1 begincidrange\n<20> <7E> 1\nendcidrange\n"
            "%d begincidchar\n" % len(chars))
    body += "".join("<%04X> %d\n" % (code[ch], g18.JAPAN1[ch]) for ch in chars) + "endcidchar\n"
    cm = w.add(g.Stream({"Type": g.Name("CMap"), "CMapName": g.Name("Leak-Subset-H"),
                         "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"Japan1", "Supplement": 4}},
                        _cmap("Leak-Subset-H", "Japan1", body)))
    f1 = _font(w, "KozMinPr6N-Regular", "Japan1", cm)
    over = ("1 begincidchar\n<A0> %d\nendcidchar\n" % g18.JAPAN1["社"])
    cm2 = w.add(g.Stream({"Type": g.Name("CMap"), "CMapName": g.Name("Leak-RKSJ-H"),
                          "UseCMap": g.Name("90ms-RKSJ-H"),
                          "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"Japan1", "Supplement": 2}},
                         _cmap("Leak-RKSJ-H", "Japan1", over, usecmap="90ms-RKSJ-H")))
    f2 = _font(w, "Ryumin-Light", "Japan1", cm2)

    def enc(s):
        return b"".join(struct.pack(">H", code[ch]) if ch in code else ch.encode("ascii") for ch in s)
    c = b"BT /F1 11 Tf 72 740 Td (Personnel record) Tj ET\n"
    c += _line(720, "E1", enc(" ".join(EMB_WORDS)))
    c += _line(700, "E1", enc("SSN %s %s" % (SSN_EMB, EMAIL_EMB)))
    c += _line(680, "E2", b"\xa0 " + ("山田太郎 SSN %s" % SSN_USE).encode("shift_jis"))
    g18._write(w, path, c, {"F1": helv, "E1": f1, "E2": f2})


def cjk_partial_tounicode(path):
    w = g.Writer()
    helv = g.helvetica(w)
    tu = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
          "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
          "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
          "1 beginbfrange\n<0001> <005F> <0020>\nendbfrange\n"
          "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode()
    f = _font(w, "STSong-Light", "GB1", g.Name("Identity-H"), tounicode=tu)
    c = b"BT /F1 11 Tf 72 740 Td (Personnel record) Tj ET\n"
    c += _line(720, "P1", g18._cids(g18.GB1, " ".join(PTU_WORDS[:3])))
    c += _line(700, "P1", g18._cids(g18.GB1, " ".join(PTU_WORDS[3:])))
    c += _line(680, "P1", g18._cids(g18.GB1, "SSN %s %s" % (SSN_PTU, EMAIL_PTU)))
    g18._write(w, path, c, {"F1": helv, "P1": f})


def _cns(s):
    out = b""
    for i, ch in enumerate(s):
        if ch in CNS:
            two = bytes.fromhex(CNS[ch])
            out += (b"\x8e\xa1" + two) if i % 3 == 2 else two  # some in the four-byte form
        else:
            out += ch.encode("ascii")
    return out


LEGACY = (("C1", "MingStd-Light", "CNS1", "CNS-EUC-H", CNS_WORDS, SSN_CNS, _cns),
          ("K1", "HYSMyeongJo-Medium", "Korea1", "KSC-Johab-H", JOHAB_WORDS, SSN_JOHAB,
           lambda s: s.encode("johab")),
          ("G1", "STSong-Light", "GB1", "GBK2K-H", GBK2K_WORDS, SSN_GBK2K, lambda s: s.encode("gb18030")),
          ("H1", "MingStd-Light", "CNS1", "HKscs-B5-H", HK_WORDS, SSN_HK, lambda s: s.encode("big5hkscs")))


def cjk_legacy_cmaps(path):
    w = g.Writer()
    helv = g.helvetica(w)
    fonts = {"F1": helv}
    c = b"BT /F1 11 Tf 72 740 Td (Personnel record) Tj ET\n"
    y = 720
    for key, base, ordering, cmap, words, ssn, enc in LEGACY:
        fonts[key] = _font(w, base, ordering, g.Name(cmap))
        c += _line(y, key, enc(" ".join(words)))
        c += _line(y - 20, key, enc("SSN %s" % ssn))
        y -= 50
    g18._write(w, path, c, fonts)


GAP_WORDS = ["山田太郎", "東京都港区"]
SSN_GAP = "536-22-4209"


def cjk_codespace_gaps(path):
    w = g.Writer()
    helv = g.helvetica(w)
    empty_tu = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapType 2 def\n"
                "1 begincodespacerange\n<00> <ff>\nendcodespacerange\nendcmap\n"
                "CMapName currentdict /CMap defineresource pop\nend end\n").encode()
    f1 = _font(w, "Ryumin-Light", "Japan1", g.Name("Identity-H"), tounicode=empty_tu)
    body = ("1 begincodespacerange\n<00> <7F>\nendcodespacerange\n"
            "1 begincidrange\n<20> <7E> 1\nendcidrange\n"
            "1 begincidchar\n<E0> %d\nendcidchar\n" % g18.JAPAN1["社"])
    cm = w.add(g.Stream({"Type": g.Name("CMap"), "CMapName": g.Name("Leak-Gap-H"),
                         "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"Japan1", "Supplement": 2}},
                        _cmap("Leak-Gap-H", "Japan1", body)))
    f2 = _font(w, "Ryumin-Light", "Japan1", cm)
    c = b"BT /F1 11 Tf 72 740 Td (Personnel record) Tj ET\n"
    c += _line(720, "G1", g18._cids(g18.JAPAN1, " ".join(GAP_WORDS)))
    c += _line(700, "G2", b"\xe0 SSN " + SSN_GAP.encode())
    g18._write(w, path, c, {"F1": helv, "G1": f1, "G2": f2})


SSN_OPT = "536-22-4198"
OPTIONS = ["Jane Roe %s" % SSN_OPT, "John Doe", "Mary Major"]


def need_appearances(path):
    w = g.Writer()
    ap = w.add(g.Stream({"Type": g.Name("XObject"), "Subtype": g.Name("Form"), "BBox": [0, 0, 200, 60]},
                        b"1 1 1 rg 0 0 200 60 re f\n/Tx BMC\nEMC\n"))
    box = w.add({"Type": g.Name("Annot"), "Subtype": g.Name("Widget"), "FT": g.Name("Ch"),
                 "T": b"approvers", "Rect": [72, 600, 272, 660], "Opt": [x.encode() for x in OPTIONS],
                 "V": b"", "AP": {"N": ap}, "DA": b"/F1 10 Tf 0 g"})
    c = b"BT /F1 12 Tf 72 700 Td (Payroll change approvers:) Tj ET\n"
    t = g.simple_doc(w, [c], annots=[box],
                     extra_catalog={"AcroForm": {"Fields": [box], "NeedAppearances": True}})
    with open(path, "wb") as f:
        f.write(w.classic(t))


PDFS = (("cjk_embedded_cmap.pdf", cjk_embedded_cmap), ("cjk_partial_tounicode.pdf", cjk_partial_tounicode),
        ("cjk_legacy_cmaps.pdf", cjk_legacy_cmaps), ("cjk_codespace_gaps.pdf", cjk_codespace_gaps),
        ("need_appearances.pdf", need_appearances))

SSN_MSG = "536-22-4176"
CSV_MSG = ("name,ssn,email\r\n" + "".join("Employee %d,536-22-%04d,emp%d@example.com\r\n" % (i, 4200 + i, i)
                                           for i in range(120))
           + "Jane Roe,%s,jane.roe@example.com\r\n" % SSN_MSG).encode()


def _swap_sectors(blob, a, b):
    """The compound file with sectors a and b traded places, every
    reference to them (header, DIFAT in the header, FAT, directory starts
    of the root and of streams of 4096 bytes or more) following."""
    def fix(v):
        return b if v == a else a if v == b else v
    buf = bytearray(blob)
    off = cfb_writer.sector_offset
    sa, sb = bytes(buf[off(a):off(a) + 512]), bytes(buf[off(b):off(b) + 512])
    buf[off(a):off(a) + 512], buf[off(b):off(b) + 512] = sb, sa
    for o in (48, 60, 68) + tuple(76 + 4 * i for i in range(109)):
        buf[o:o + 4] = struct.pack("<I", fix(struct.unpack_from("<I", buf, o)[0]))
    nfat = struct.unpack_from("<I", buf, 44)[0]
    fats = [struct.unpack_from("<I", buf, 76 + 4 * i)[0] for i in range(nfat)]
    table = b"".join(bytes(buf[off(s):off(s) + 512]) for s in fats)
    ent = list(struct.unpack("<%dI" % (len(table) // 4), table))
    ent[a], ent[b] = ent[b], ent[a]
    ent = [fix(v) if v < 0xFFFFFFFA else v for v in ent]
    table = struct.pack("<%dI" % len(ent), *ent)
    for i, s in enumerate(fats):
        buf[off(s):off(s) + 512] = table[512 * i:512 * (i + 1)]
    d = struct.unpack_from("<I", buf, 48)[0]
    seen = set()
    while d < 0xFFFFFFFA and d not in seen:
        seen.add(d)
        for e in range(4):
            at = off(d) + 128 * e
            kind, start, size = buf[at + 66], struct.unpack_from("<I", buf, at + 116)[0], \
                struct.unpack_from("<Q", buf, at + 120)[0]
            if kind == 5 or (kind == 2 and size >= 4096):
                buf[at + 116:at + 120] = struct.pack("<I", fix(start))
        d = ent[d]
    return bytes(buf)


def whole_msg():
    """A message with a CSV attachment of 4096 bytes or more (in the
    regular sectors), moved to the end of the file: its last sector holds
    the attachment's last bytes and then padding, as in Outlook's files."""
    w = cfb_writer.CFBWriter()
    w.set_root_clsid(bytes.fromhex("0B0D020000000000C000000000000046"))
    gen_ole2.add_message(w, "", "Staff list, SSN %s" % SSN_MSG, "Jane Roe's SSN is %s.\r\n" % SSN_MSG,
                         [("file", "staff.csv", CSV_MSG)], top=True)
    blob, info = w.build()
    last = len(blob) // 512 - 2
    csv = info["chains"]["__attach_version1.0_#00000000/__substg1.0_37010102"]
    assert len(CSV_MSG) % 512 and len(CSV_MSG) >= 4096
    return _swap_sectors(blob, csv[-1], last)


def cut_last_sector_msg():
    data = whole_msg()
    assert len(data) % 512 == 0
    return data[:-1]


def files():
    return {"whole.msg": whole_msg(), "cut_last_sector.msg": cut_last_sector_msg()}


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, data in files().items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    for name, fn in PDFS:
        fn(os.path.join(outdir, name))


def corpus(outdir):
    """Fuzz seeds: the PDFs for pdf, the messages for msg."""
    d = os.path.join(outdir, "pdf")
    os.makedirs(d, exist_ok=True)
    for n, fn in PDFS:
        fn(os.path.join(d, "mailpdf19_" + n))
    d = os.path.join(outdir, "msg")
    os.makedirs(d, exist_ok=True)
    for n, data in files().items():
        with open(os.path.join(d, "mailpdf19_" + n), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--corpus":
        corpus(sys.argv[2])
    else:
        generate(sys.argv[1] if len(sys.argv) > 1 else ".")
