#!/usr/bin/env python3
"""Generate PDF fixtures for leaksift's PDF handler (Python standard library only).

A small PDF writer of its own: objects serialised from Python values, xref
offsets computed, Flate content streams, a Type0 font with a ToUnicode CMap,
xref streams with PNG predictors and object streams, the standard security
handler (RC4 and AES-128, empty user password; RC4 with a user password),
embedded files, JavaScript/OpenAction/Launch, and hostile variants (broken
and missing xref, /Prev cycle, reference cycles, huge /Length, truncated,
corrupt Flate, a Flate bomb).

Usage: gen_pdf.py OUTDIR            write every fixture into OUTDIR
       gen_pdf.py --corpus OUTDIR   small seed files for fuzz/corpus/pdf/

Fake PII planted (what tests/e2e/test_pdf.py looks for) is in the module
constants below; the card number is computed here to pass Luhn, the decoy
fails it.
"""
import hashlib
import os
import struct
import sys
import zlib


def luhn_complete(prefix15):
    digits = [int(c) for c in prefix15]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix15 + str((10 - total % 10) % 10)


SSN = "536-22-1874"
SSN_INFO = "536-22-1875"      # Info /Subject (UTF-16BE)
SSN_ANNOT = "536-22-1876"     # annotation /Contents
SSN_XMP = "536-22-1877"       # XMP metadata
SSN_CHILD = "536-22-1878"     # embedded file
SSN_FIELD = "536-22-1879"     # form field value
LINK_EMAIL = "hr.desk@corp-mail.test"  # a link annotation's mailto: target
SSN_TU = "536-22-1880"        # Type0 + ToUnicode page
SSN_PRODUCER = "536-22-1881"  # ghostscript-made PDF
SSN_REVISION = "536-22-1882"  # page text an update "redacted" (same object redefined)
SSN_REV_NOTE = "536-22-1883"  # annotation /Contents (UTF-16) an update replaced
SSN_REV_FIELD = "536-22-1885"  # form field value inside an object stream, replaced
FILTER_SSNS = {                # one per filter variant
    "ASCIIHexDecode": "536-22-1882",
    "ASCII85Decode": "536-22-1883",
    "LZWDecode": "536-22-1884",
    "RunLengthDecode": "536-22-1885",
    "FlateA85": "536-22-1886",
}
EMAIL = "jane.doe@example.com"
CARD = luhn_complete("453201511283036")          # Visa prefix, Luhn-valid
DECOY_CARD = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)  # fails Luhn
MARK = "CONFIDENTIAL"


# ---------------------------------------------------------------- objects

class Ref:
    def __init__(self, num, gen=0):
        self.num, self.gen = num, gen


class Name(str):
    pass


class Raw(bytes):
    """Bytes written as they are (for hostile tweaks)."""


class Stream:
    def __init__(self, d, data):
        self.d, self.data = dict(d), data


def esc_literal(b):
    out = bytearray(b"(")
    for c in b:
        ch = bytes([c])
        if ch in b"()\\":
            out += b"\\" + ch
        elif c < 32 or c > 126:
            out += b"\\%03o" % c
        else:
            out += ch
    return bytes(out + b")")


class Writer:
    """Objects by number; serialised with optional encryption."""

    def __init__(self):
        self.objs = {}
        self.next = 1
        self.crypt = None  # callable(num, gen, bytes, is_stream) -> bytes
        self.plain = set()  # object numbers never encrypted
        self.crypt_only = None  # set of /Type names: encrypt only those streams

    def add(self, value, num=None):
        if num is None:
            num = self.next
        self.next = max(self.next, num + 1)
        self.objs[num] = value
        return Ref(num)

    def reserve(self):
        r = Ref(self.next)
        self.next += 1
        return r

    def ser(self, v, num, gen=0):
        if isinstance(v, Raw):
            return bytes(v)
        if isinstance(v, bool):
            return b"true" if v else b"false"
        if v is None:
            return b"null"
        if isinstance(v, int):
            return b"%d" % v
        if isinstance(v, float):
            return ("%.4f" % v).encode()
        if isinstance(v, Name):
            return b"/" + v.encode()
        if isinstance(v, str):
            v = v.encode("latin-1")
        if isinstance(v, bytes):
            if self.crypt and num not in self.plain and self.crypt_only is None:
                return b"<" + self.crypt(num, gen, v, False).hex().encode() + b">"
            return esc_literal(v)
        if isinstance(v, Ref):
            return b"%d %d R" % (v.num, v.gen)
        if isinstance(v, list):
            return b"[" + b" ".join(self.ser(x, num, gen) for x in v) + b"]"
        if isinstance(v, dict):
            return b"<<" + b"".join(b"/" + k.encode() + b" " + self.ser(x, num, gen) for k, x in v.items()) + b">>"
        raise TypeError(type(v))

    def ser_obj(self, num, v):
        if isinstance(v, Stream):
            data = v.data
            if (self.crypt and num not in self.plain and v.d.get("Type") != Name("XRef") and
                    (self.crypt_only is None or v.d.get("Type") in self.crypt_only)):
                data = self.crypt(num, 0, data, True)
            d = dict(v.d)
            if "Length" not in d:
                d["Length"] = len(data)
            return self.ser(d, num) + b"\nstream\n" + data + b"\nendstream"
        return self.ser(v, num)

    def classic(self, trailer, header=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"):
        out = bytearray(header)
        offs = {}
        for num in sorted(self.objs):
            offs[num] = len(out)
            out += b"%d 0 obj\n" % num + self.ser_obj(num, self.objs[num]) + b"\nendobj\n"
        size = max(self.objs) + 1
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for n in range(1, size):
            if n in offs:
                out += b"%010d 00000 n \n" % offs[n]
            else:
                out += b"0000000000 00000 f \n"
        t = dict(trailer)
        t["Size"] = size
        out += b"trailer\n" + self.ser(t, 0) + b"\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)

    def with_xref_stream(self, trailer, in_objstm=()):
        """Objects in in_objstm go into one object stream; xref is a stream
        with /W [1 2 1] and the PNG Up predictor."""
        out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        stm_num = max(self.objs) + 1
        xref_num = stm_num + 1
        inside = [n for n in sorted(self.objs) if n in in_objstm]
        hdr, body = [], bytearray()
        for n in inside:
            hdr.append(b"%d %d" % (n, len(body)))
            body += self.ser(self.objs[n], n) + b"\n"
        h = b" ".join(hdr) + b"\n"
        stm = Stream({"Type": Name("ObjStm"), "N": len(inside), "First": len(h),
                      "Filter": Name("FlateDecode")}, zlib.compress(h + bytes(body)))
        offs = {}
        for num in sorted(self.objs):
            if num in inside:
                continue
            offs[num] = len(out)
            out += b"%d 0 obj\n" % num + self.ser_obj(num, self.objs[num]) + b"\nendobj\n"
        offs[stm_num] = len(out)
        out += b"%d 0 obj\n" % stm_num + self.ser_obj(stm_num, stm) + b"\nendobj\n"
        xref_off = len(out)
        size = xref_num + 1
        rows = []
        for n in range(size):
            if n in offs:
                rows.append(bytes([1]) + struct.pack(">H", offs[n]) + bytes([0]))
            elif n in inside:
                rows.append(bytes([2]) + struct.pack(">H", stm_num) + bytes([inside.index(n)]))
            elif n == xref_num:
                rows.append(bytes([1]) + struct.pack(">H", xref_off) + bytes([0]))
            else:
                rows.append(bytes([0, 0, 0, 255 if n == 0 else 0]))
        # PNG Up predictor (filter type 2 per row)
        prev = bytes(4)
        enc = bytearray()
        for r in rows:
            enc += bytes([2]) + bytes((r[i] - prev[i]) & 0xff for i in range(4))
            prev = r
        d = dict(trailer)
        d.update({"Type": Name("XRef"), "Size": size, "W": [1, 2, 1],
                  "Filter": Name("FlateDecode"),
                  "DecodeParms": {"Predictor": 12, "Columns": 4}})
        xs = Stream(d, zlib.compress(bytes(enc)))
        self.plain.add(xref_num)
        out += b"%d 0 obj\n" % xref_num + self.ser_obj(xref_num, xs) + b"\nendobj\n"
        out += b"startxref\n%d\n%%%%EOF\n" % xref_off
        return bytes(out)


# ---------------------------------------------------------------- content

def lit(s):
    return esc_literal(s.encode("latin-1") if isinstance(s, str) else s)


def page_content_main():
    """Text with the spacing cases the extractor must get right."""
    c = bytearray()
    c += b"BT /F1 12 Tf 72 720 Td\n"
    c += lit("Employee record - " + MARK) + b" Tj\n"
    c += b"0 -16 Td " + lit("SSN " + SSN) + b" Tj\n"
    # one word split into kerned pieces: must stay glued
    c += b"0 -16 Td [" + lit("Contact: jane.d") + b" -12 " + lit("oe@exa") + b" 8 " + lit("mple.com") + b"] TJ\n"
    # words positioned separately on one line: must be separated
    c += b"0 -16 Td " + lit("Card:") + b" Tj 60 0 Td " + lit(CARD[:4] + " " + CARD[4:8]) + b" Tj "
    c += b"70 0 Td " + lit(CARD[8:12] + " " + CARD[12:]) + b" Tj\n"
    # a TJ word gap and T* / ' line moves
    c += b"14 TL T* [" + lit("Decoy") + b" -400 " + lit("card") + b" -400 " + lit(DECOY_CARD) + b"] TJ\n"
    # octal escape (space) and a line continuation inside a literal string
    c += b"(Name:\\040Jane Doe, born in Spring\\\nfield) '\n"
    c += b"ET\n"
    # a second text block positioned with cm (device space)
    c += b"q 1 0 0 1 72 500 cm BT /F1 10 Tf 0 0 Td (Internal note) Tj ET Q\n"
    return bytes(c)


def helvetica(w):
    widths = [278] * 224
    return w.add({"Type": Name("Font"), "Subtype": Name("Type1"), "BaseFont": Name("Helvetica"),
                  "Encoding": Name("WinAnsiEncoding"), "FirstChar": 32, "LastChar": 255,
                  "Widths": widths})


def simple_doc(w, contents, info=None, extra_catalog=None, annots=None, font=None):
    """Catalog, one page per content stream; returns the trailer dict."""
    font = font or helvetica(w)
    pages = w.reserve()
    kids = []
    for i, c in enumerate(contents):
        cs = w.add(Stream({"Filter": Name("FlateDecode")}, zlib.compress(c)) if not isinstance(c, Stream) else c)
        page = {"Type": Name("Page"), "Parent": pages, "MediaBox": [0, 0, 612, 792],
                "Resources": {"Font": {"F1": font}}, "Contents": cs}
        if annots and i == 0:
            page["Annots"] = annots
        kids.append(w.add(page))
    w.add({"Type": Name("Pages"), "Kids": kids, "Count": len(kids)}, pages.num)
    cat = {"Type": Name("Catalog"), "Pages": pages}
    cat.update(extra_catalog or {})
    root = w.add(cat)
    t = {"Root": root}
    if info:
        t["Info"] = w.add(info)
    return t


def utf16(s):
    return b"\xfe\xff" + s.encode("utf-16-be")


def std_info():
    return {"Title": "Quarterly payroll", "Author": "Jane Doe",
            "Subject": utf16("Subject SSN " + SSN_INFO), "Keywords": "payroll, " + MARK,
            "Creator": "gen_pdf.py", "Producer": "leaksift test writer"}


XMP = ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
       '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
       '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Reviewer SSN ' + SSN_XMP +
       '</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>'
       '<?xpacket end="w"?>')


# ---------------------------------------------------------------- fixtures

def make_classic():
    w = Writer()
    annot = w.add({"Type": Name("Annot"), "Subtype": Name("Text"), "Rect": [10, 10, 50, 50],
                   "Contents": "Reviewer note: SSN " + SSN_ANNOT, "T": "J. Doe"})
    field = w.add({"FT": Name("Tx"), "T": "employee_ssn", "V": SSN_FIELD,
                   "Subtype": Name("Widget"), "Rect": [100, 100, 200, 120]})
    link = w.add({"Type": Name("Annot"), "Subtype": Name("Link"), "Rect": [0, 0, 10, 10],
                  "A": {"S": Name("URI"), "URI": "mailto:" + LINK_EMAIL}})
    meta = w.add(Stream({"Type": Name("Metadata"), "Subtype": Name("XML")}, XMP.encode()))
    t = simple_doc(w, [page_content_main()], info=std_info(),
                   extra_catalog={"Metadata": meta, "AcroForm": {"Fields": [field]}},
                   annots=[annot, field, link])
    return w.classic(t)


def make_xref_stream():
    w = Writer()
    t = simple_doc(w, [page_content_main()], info=std_info())
    # everything but the content stream goes into the object stream
    inside = {n for n, v in w.objs.items() if not isinstance(v, Stream)}
    return w.with_xref_stream(t, inside)


def make_incremental():
    """Original file plus an incremental update replacing the page content."""
    w = Writer()
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (Draft text only) Tj ET"])
    base = w.classic(t)
    # update: new content object for page 1 (the page is object 3 here)
    first_xref = int(base.rsplit(b"startxref", 1)[1].split()[0])
    page_num = [n for n, v in w.objs.items() if isinstance(v, dict) and v.get("Type") == Name("Page")][0]
    page = dict(w.objs[page_num])
    new_cs_num = max(w.objs) + 1
    page["Contents"] = Ref(new_cs_num)
    out = bytearray(base)
    offs = {}
    data = zlib.compress(b"BT /F1 12 Tf 72 700 Td (Final: SSN " + SSN.encode() + b") Tj ET")
    offs[new_cs_num] = len(out)
    out += b"%d 0 obj\n<</Filter/FlateDecode/Length %d>>\nstream\n" % (new_cs_num, len(data)) + data + b"\nendstream\nendobj\n"
    offs[page_num] = len(out)
    out += b"%d 0 obj\n" % page_num + w.ser(page, page_num) + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for n in sorted(offs):
        out += b"%d 1\n%010d 00000 n \n" % (n, offs[n])
    out += b"trailer\n<</Size %d/Root %d 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
        new_cs_num + 1, t["Root"].num, first_xref, xref)
    return bytes(out)


def make_redacted_update():
    """A redaction saved as an incremental update, as Acrobat saves one: the
    page's content stream and its comment are redefined under the same
    object numbers. Readers show only the new revision; the old objects
    (Flate-compressed, UTF-16) stay in the file, invisible to a raw scan."""
    w = Writer()
    note = w.add({"Type": Name("Annot"), "Subtype": Name("Text"), "Rect": [72, 600, 92, 620],
                  "Contents": utf16("Reviewer: employee SSN " + SSN_REV_NOTE)})
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (Employee SSN " + SSN_REVISION.encode() + b") Tj ET"],
                   annots=[note])
    base = w.classic(t)
    first_xref = int(base.rsplit(b"startxref", 1)[1].split()[0])
    cs_num = [n for n, v in w.objs.items() if isinstance(v, Stream)][0]
    out = bytearray(base)
    offs = {}
    data = zlib.compress(b"BT /F1 12 Tf 72 700 Td (Employee SSN [REDACTED]) Tj ET")
    offs[cs_num] = len(out)
    out += b"%d 0 obj\n<</Filter/FlateDecode/Length %d>>\nstream\n" % (cs_num, len(data)) + data + b"\nendstream\nendobj\n"
    offs[note.num] = len(out)
    out += b"%d 0 obj\n<</Type/Annot/Subtype/Text/Rect[72 600 92 620]/Contents(Reviewed)>>\nendobj\n" % note.num
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for n in sorted(offs):
        out += b"%d 1\n%010d 00000 n \n" % (n, offs[n])
    out += b"trailer\n<</Size %d/Root %d 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
        max(w.objs) + 1, t["Root"].num, first_xref, xref)
    return bytes(out)


def make_objstm_update():
    """A form filled in and saved, then cleared and saved again as an
    incremental update, the way current writers save: objects in object
    streams, cross-reference streams. The first revision's field value and
    comment live inside the first object stream (Flate); the update
    redefines both objects in a new object stream. Readers show only the
    new values."""
    w = Writer()
    field = w.add({"FT": Name("Tx"), "T": lit("employee_ssn"), "V": lit("SSN " + SSN_REV_FIELD)})
    note = w.add({"Type": Name("Annot"), "Subtype": Name("Text"), "Rect": [72, 600, 92, 620],
                  "Contents": utf16("Checked by HR: " + EMAIL)})
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (Enrolment form) Tj ET"], annots=[note],
                   extra_catalog={"AcroForm": {"Fields": [field]}})
    base = w.with_xref_stream(t, in_objstm=(field.num, note.num))
    first_xref = int(base.rsplit(b"startxref", 1)[1].split()[0])
    out = bytearray(base)
    stm_num = max(w.objs) + 3  # after the first object stream and xref stream
    xref_num = stm_num + 1
    inside = [(field.num, {"FT": Name("Tx"), "T": lit("employee_ssn"), "V": lit("")}),
              (note.num, {"Type": Name("Annot"), "Subtype": Name("Text"), "Rect": [72, 600, 92, 620],
                          "Contents": lit("Checked")})]
    hdr, body = [], bytearray()
    for n, v in inside:
        hdr.append(b"%d %d" % (n, len(body)))
        body += w.ser(v, n) + b"\n"
    h = b" ".join(hdr) + b"\n"
    data = zlib.compress(h + bytes(body))
    stm_off = len(out)
    out += (b"%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>\nstream\n"
            % (stm_num, len(inside), len(h), len(data)) + data + b"\nendstream\nendobj\n")
    xref_off = len(out)
    rows = [(1, stm_off, 0)] + [(2, stm_num, i) for i in range(len(inside))] + [(1, xref_off, 0)]
    index = [stm_num, 1, inside[0][0], 1, inside[1][0], 1, xref_num, 1]
    order = [0, 1, 2, 3]  # rows in /Index order
    raw = b"".join(struct.pack(">BIB", *rows[i]) for i in order)
    xs = zlib.compress(raw)
    out += (b"%d 0 obj\n<</Type/XRef/Size %d/Root %d 0 R/Prev %d/Index[%s]/W[1 4 1]"
            b"/Filter/FlateDecode/Length %d>>\nstream\n" % (
                xref_num, xref_num + 1, t["Root"].num, first_xref,
                b" ".join(b"%d" % x for x in index), len(xs)) + xs + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % xref_off
    return bytes(out)


CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0110> <0139> <0030>
<0141> <015A> [<0041> <0042> <0043> <0044> <0045> <0046> <0047> <0048> <0049> <004A> <004B> <004C> <004D> <004E> <004F> <0050> <0051> <0052> <0053> <0054> <0055> <0056> <0057> <0058> <0059> <005A>]
endbfrange
2 beginbfchar
<0100> <0020>
<010D> <002D>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def gid_encode(s):
    """Glyph ids for the CMap above: digits 0x110+, A-Z 0x141+, space 0x100, '-' 0x10D."""
    out = bytearray()
    for ch in s:
        if ch == " ":
            g = 0x100
        elif ch == "-":
            g = 0x10D
        elif ch.isdigit():
            g = 0x110 + ord(ch) - 0x30
        else:
            g = 0x141 + ord(ch) - 0x41
        out += struct.pack(">H", g)
    return bytes(out)


def make_tounicode():
    w = Writer()
    tu = w.add(Stream({"Filter": Name("FlateDecode")}, zlib.compress(CMAP)))
    desc = w.add({"Type": Name("Font"), "Subtype": Name("CIDFontType2"), "BaseFont": Name("Fake"),
                  "CIDSystemInfo": {"Registry": "Adobe", "Ordering": "Identity", "Supplement": 0},
                  "DW": 600})
    font = w.add({"Type": Name("Font"), "Subtype": Name("Type0"), "BaseFont": Name("Fake"),
                  "Encoding": Name("Identity-H"), "DescendantFonts": [desc], "ToUnicode": tu})
    content = b"BT /F1 11 Tf 72 700 Td <" + gid_encode("SSN " + SSN_TU).hex().encode() + b"> Tj ET"
    t = simple_doc(w, [content], font=font)
    return w.classic(t)


def make_rotated_ligature():
    """Text rotated 90 degrees, shown in pieces along the rotated baseline,
    and a font whose /Differences puts the "fi" ligature glyph at 0x80."""
    w = Writer()
    font = w.add({"Type": Name("Font"), "Subtype": Name("Type1"), "BaseFont": Name("Times-Roman"),
                  "Encoding": {"Type": Name("Encoding"), "BaseEncoding": Name("WinAnsiEncoding"),
                               "Differences": [128, Name("fi"), Name("hyphen")]},
                  "FirstChar": 32, "LastChar": 255, "Widths": [500] * 224})
    c = bytearray(b"BT /F1 12 Tf 0 1 -1 0 300 100 Tm (SSN) Tj 24 0 Td (536) Tj 18 0 Td (\20122\2011876) Tj\n")
    c += b"0 -14 Td (stamp: con\200dential) Tj ET\n"
    t = simple_doc(w, [c], font=font)
    return w.classic(t)


def make_macroman():
    """A font with /MacRomanEncoding: high bytes are not Windows-1252."""
    w = Writer()
    font = w.add({"Type": Name("Font"), "Subtype": Name("Type1"), "BaseFont": Name("Helvetica"),
                  "Encoding": Name("MacRomanEncoding")})
    text = "Kontakt: Jürgen Müller, Straße 5, SSN 536-22-1874".encode("mac_roman")
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td " + lit(text) + b" Tj ET"], font=font)
    return w.classic(t)


# -- encoders for the filter variants


def ahx(b):
    return b.hex().encode() + b">"


def a85(b):
    out = bytearray()
    for i in range(0, len(b), 4):
        chunk = b[i:i + 4]
        n = len(chunk)
        v = struct.unpack(">I", chunk + bytes(4 - n))[0]
        if v == 0 and n == 4:
            out += b"z"
            continue
        enc = bytearray()
        for _ in range(5):
            enc.append(33 + v % 85)
            v //= 85
        out += bytes(reversed(enc))[:n + 1]
    return bytes(out) + b"~>"


def lzw(b):
    """LZW with EarlyChange 1, as PDF readers expect."""
    table = {bytes([i]): i for i in range(256)}
    nxt, bits = 258, 9
    codes = [(256, 9)]
    cur = b""
    for c in b:
        cand = cur + bytes([c])
        if cand in table:
            cur = cand
            continue
        codes.append((table[cur], bits))
        table[cand] = nxt
        nxt += 1
        if nxt + 1 > (1 << bits) and bits < 12:
            bits += 1
        if nxt >= 4094:
            codes.append((256, bits))
            table = {bytes([i]): i for i in range(256)}
            nxt, bits = 258, 9
        cur = bytes([c])
    if cur:
        codes.append((table[cur], bits))
    codes.append((257, bits))
    acc, nacc, out = 0, 0, bytearray()
    for code, nb in codes:
        acc = (acc << nb) | code
        nacc += nb
        while nacc >= 8:
            out.append((acc >> (nacc - 8)) & 0xff)
            nacc -= 8
    if nacc:
        out.append((acc << (8 - nacc)) & 0xff)
    return bytes(out)


def runlength(b):
    out = bytearray()
    i = 0
    while i < len(b):
        j = i
        while j < len(b) and j - i < 128 and b[j] == b[i]:
            j += 1
        if j - i >= 3:
            out += bytes([257 - (j - i), b[i]])
            i = j
            continue
        j = i
        while j < len(b) and j - i < 128 and not (j + 2 < len(b) and b[j] == b[j + 1] == b[j + 2]):
            j += 1
        out += bytes([j - i - 1]) + b[i:j]
        i = j
    return bytes(out + b"\x80")


def make_filters():
    w = Writer()
    pages = []
    for name, ssn in FILTER_SSNS.items():
        text = b"BT /F1 12 Tf 72 700 Td (" + name.encode() + b" page: SSN " + ssn.encode() + b"   ) Tj ET\n"
        text += b"BT /F1 12 Tf 72 680 Td (xxxxxxxxxxxxxxxxxxxx aaaaaaaa) Tj ET\n"
        if name == "ASCIIHexDecode":
            s = Stream({"Filter": Name(name)}, ahx(text))
        elif name == "ASCII85Decode":
            s = Stream({"Filter": Name(name)}, a85(text))
        elif name == "LZWDecode":
            s = Stream({"Filter": Name(name)}, lzw(text))
        elif name == "RunLengthDecode":
            s = Stream({"Filter": Name(name)}, runlength(text))
        else:
            s = Stream({"Filter": [Name("ASCII85Decode"), Name("FlateDecode")]}, a85(zlib.compress(text)))
        pages.append(s)
    t = simple_doc(w, pages)
    return w.classic(t)


# -- encryption


PAD = bytes([0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01,
             0x08, 0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53,
             0x69, 0x7A])


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xff
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for c in data:
        i = (i + 1) & 0xff
        j = (j + s[i]) & 0xff
        s[i], s[j] = s[j], s[i]
        out.append(c ^ s[(s[i] + s[j]) & 0xff])
    return bytes(out)


def _sbox():
    sbox = [0] * 256
    p = q = 1
    while True:
        p = (p ^ (p << 1) ^ (0x1b if p & 0x80 else 0)) & 0xff
        q ^= q << 1
        q ^= q << 2
        q ^= q << 4
        q &= 0xff
        if q & 0x80:
            q ^= 0x09
        r = lambda x, n: ((x << n) | (x >> (8 - n))) & 0xff  # noqa: E731
        sbox[p] = q ^ r(q, 1) ^ r(q, 2) ^ r(q, 3) ^ r(q, 4) ^ 0x63
        if p == 1:
            break
    sbox[0] = 0x63
    return sbox


SBOX = _sbox()


def _xt(x):
    return ((x << 1) ^ (0x1b if x & 0x80 else 0)) & 0xff


def aes_expand(key):
    nk = len(key) // 4
    rounds = nk + 6
    rk = list(key)
    rcon = 1
    for i in range(len(key), 16 * (rounds + 1), 4):
        t = rk[i - 4:i]
        if i % len(key) == 0:
            t = [SBOX[t[1]] ^ rcon, SBOX[t[2]], SBOX[t[3]], SBOX[t[0]]]
            rcon = _xt(rcon)
        elif nk > 6 and i % len(key) == 16:
            t = [SBOX[x] for x in t]
        rk += [rk[i - len(key) + j] ^ t[j] for j in range(4)]
    return rk, rounds


XT = [_xt(i) for i in range(256)]
SHIFT = [r + 4 * ((c + r) % 4) for c in range(4) for r in range(4)]


def aes_encrypt_expanded(ek, block):
    rk, rounds = ek
    s = [block[i] ^ rk[i] for i in range(16)]
    for rnd in range(1, rounds + 1):
        s = [SBOX[s[j]] for j in SHIFT]
        if rnd != rounds:
            m = []
            for c in range(0, 16, 4):
                a0, a1, a2, a3 = s[c], s[c + 1], s[c + 2], s[c + 3]
                m += [XT[a0] ^ XT[a1] ^ a1 ^ a2 ^ a3, a0 ^ XT[a1] ^ XT[a2] ^ a2 ^ a3,
                      a0 ^ a1 ^ XT[a2] ^ XT[a3] ^ a3, XT[a0] ^ a0 ^ a1 ^ a2 ^ XT[a3]]
            s = m
        o = 16 * rnd
        s = [s[i] ^ rk[o + i] for i in range(16)]
    return bytes(s)


def aes_encrypt_block(key, block):
    """AES-128 or AES-256 (FIPS-197), one block."""
    return aes_encrypt_expanded(aes_expand(key), block)


def aes128_encrypt_block(key, block):
    return aes_encrypt_block(key, block)


def aes_cbc_raw(key, data, iv):
    """CBC without padding or IV prefix (len(data) % 16 == 0)."""
    ek = aes_expand(key)
    out, prev = bytearray(), iv
    for i in range(0, len(data), 16):
        prev = aes_encrypt_expanded(ek, bytes(a ^ b for a, b in zip(data[i:i + 16], prev)))
        out += prev
    return bytes(out)


def hash_2b(password, salt, udata=b""):
    """ISO 32000-2 Algorithm 2.B (R6)."""
    k = hashlib.sha256(password + salt + udata).digest()
    i = 0
    e = b"\0"
    while i < 64 or e[-1] > i - 32:
        k1 = (password + k + udata) * 64
        e = aes_cbc_raw(k[:16], k1, k[16:32])
        h = [hashlib.sha256, hashlib.sha384, hashlib.sha512][sum(e[:16]) % 3]
        k = h(e).digest()
        i += 1
    return k[:32]


def hash_r5(password, salt):
    """R5 (Adobe extension level 3): plain SHA-256(password + salt)."""
    return hashlib.sha256(password + salt).digest()


def security_r6(file_key, user_pw=b"", r=6):
    """AES-256 (V5 R6, or R5) with the given user password; returns (dict, crypt)."""
    h = hash_2b if r == 6 else hash_r5
    vsalt, ksalt = b"vsalt123", b"ksalt456"
    u = h(user_pw, vsalt) + vsalt + ksalt
    ue = aes_cbc_raw(h(user_pw, ksalt), file_key, bytes(16))
    # /O and /OE would need the owner password's hash: readers opening with
    # the user password never look at them, so they are filler here
    o = hashlib.sha384(b"owner" + u).digest()
    oe = hashlib.sha256(b"owner-e" + u).digest()

    def crypt(num, gen, data, is_stream):
        iv = hashlib.md5(b"iv" + struct.pack("<II", num, len(data)) + data).digest()
        return aes_cbc(file_key, data, iv)

    enc = {"Filter": Name("Standard"), "V": 5, "R": r, "Length": 256, "P": -3904,
           "O": o, "U": u, "OE": oe, "UE": ue, "Perms": bytes(16),
           "CF": {"StdCF": {"CFM": Name("AESV3"), "Length": 32, "AuthEvent": Name("DocOpen")}},
           "StmF": Name("StdCF"), "StrF": Name("StdCF")}
    return enc, crypt


def make_aes256(user_pw=b"", r=6):
    w = Writer()
    t = simple_doc(w, [page_content_main()], info=std_info())
    enc, crypt = security_r6(hashlib.sha256(b"file key" + user_pw).digest(), user_pw, r)
    e = w.add(enc)
    w.plain.add(e.num)
    w.crypt = crypt
    t["Encrypt"] = e
    fid = hashlib.md5(b"aes256" + user_pw).digest()
    t["ID"] = [Raw(b"<" + fid.hex().encode() + b">"), Raw(b"<" + fid.hex().encode() + b">")]
    return w.classic(t)


def aes_cbc(key, data, iv):
    n = 16 - len(data) % 16
    data = data + bytes([n]) * n
    return iv + aes_cbc_raw(key, data, iv)


def security(user_pw=b"", owner_pw=b"owner", aes=False, file_id=b"0123456789abcdef"):
    """Standard security handler R3 (RC4-128) or R4 (AESV2). Returns
    (encrypt dict, crypt function)."""
    r = 4 if aes else 3
    p = -3904  # print, copy, ...
    # Algorithm 3: O
    h = hashlib.md5((owner_pw + PAD)[:32]).digest()
    for _ in range(50):
        h = hashlib.md5(h).digest()
    okey = h[:16]
    o = rc4(okey, (user_pw + PAD)[:32])
    for i in range(1, 20):
        o = rc4(bytes(b ^ i for b in okey), o)
    # Algorithm 2: file key
    h = hashlib.md5((user_pw + PAD)[:32] + o + struct.pack("<i", p) + file_id).digest()
    for _ in range(50):
        h = hashlib.md5(h[:16]).digest()
    key = h[:16]
    # Algorithm 5: U
    u = rc4(key, hashlib.md5(PAD + file_id).digest())
    for i in range(1, 20):
        u = rc4(bytes(b ^ i for b in key), u)
    u = u + bytes(16)

    def crypt(num, gen, data, is_stream):
        ext = key + struct.pack("<I", num)[:3] + struct.pack("<H", gen)
        if aes:
            k = hashlib.md5(ext + b"sAlT").digest()[:16]
            iv = hashlib.md5(b"iv" + ext + data).digest()
            return aes_cbc(k, data, iv)
        return rc4(hashlib.md5(ext).digest()[:16], data)

    enc = {"Filter": Name("Standard"), "V": 4 if aes else 2, "R": r, "Length": 128, "P": p, "O": o, "U": u}
    if aes:
        enc["CF"] = {"StdCF": {"CFM": Name("AESV2"), "Length": 16, "AuthEvent": Name("DocOpen")}}
        enc["StmF"] = Name("StdCF")
        enc["StrF"] = Name("StdCF")
    return enc, crypt


def make_encrypted(user_pw=b"", aes=False):
    w = Writer()
    t = simple_doc(w, [page_content_main()], info=std_info())
    fid = hashlib.md5(b"leaksift" + user_pw + (b"aes" if aes else b"rc4")).digest()
    enc, crypt = security(user_pw=user_pw, aes=aes, file_id=fid)
    e = w.add(enc)
    w.plain.add(e.num)
    w.crypt = crypt
    t["Encrypt"] = e
    t["ID"] = [Raw(b"<" + fid.hex().encode() + b">"), Raw(b"<" + fid.hex().encode() + b">")]
    return w.classic(t)


def make_embedded():
    w = Writer()
    return w.classic(make_embedded_writer(w))


def make_embedded_writer(w):
    notes = ("Attachment notes\nSSN " + SSN_CHILD + "\n" + EMAIL + "\n").encode()
    ef = w.add(Stream({"Type": Name("EmbeddedFile"), "Subtype": Name("text#2Fplain"),
                       "Filter": Name("FlateDecode"), "Params": {"Size": len(notes)}},
                      zlib.compress(notes)))
    spec = w.add({"Type": Name("Filespec"), "F": "notes.txt", "UF": utf16("notes.txt"), "EF": {"F": ef}})
    csv = ("name,card\nJane Doe," + CARD + "\n").encode()
    ef2 = w.add(Stream({"Type": Name("EmbeddedFile")}, csv))
    spec2 = w.add({"Type": Name("Filespec"), "F": "cards.csv", "EF": {"F": ef2}})
    annot = w.add({"Type": Name("Annot"), "Subtype": Name("FileAttachment"), "Rect": [0, 0, 20, 20],
                   "FS": spec2, "Contents": "attached list"})
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (See attachments) Tj ET"],
                   extra_catalog={"Names": {"EmbeddedFiles": {"Names": ["notes.txt", spec]}}},
                   annots=[annot])
    return t


def make_encrypted_attachments_only():
    """AES-128 crypt filter for embedded files only (/EFF), strings and
    streams /Identity: only the attachment is encrypted."""
    base = Writer()
    data = make_embedded_writer(base)
    fid = hashlib.md5(b"eff").digest()
    enc, crypt = security(aes=True, file_id=fid)
    enc["StmF"] = Name("Identity")
    enc["StrF"] = Name("Identity")
    enc["EFF"] = Name("StdCF")
    e = base.add(enc)
    base.plain.add(e.num)
    base.crypt = crypt
    base.crypt_only = {Name("EmbeddedFile")}
    data["Encrypt"] = e
    data["ID"] = [Raw(b"<" + fid.hex().encode() + b">"), Raw(b"<" + fid.hex().encode() + b">")]
    return base.classic(data)


SIGNER_EMAIL = "jane.signer@example.com"   # in the signer's certificate (subjectAltName)
SIGNER_NAME = "J\u00fcrgen M\u00fcller"      # /Name written as UTF-8 without a BOM
SIGN_CONTACT = "contracts.desk@example.org"  # /ContactInfo


def make_signed():
    """A PDF with a signature field whose value is a signature dictionary:
    /Name (UTF-8 without a BOM, as signing tools write it), /Reason,
    /Location, /ContactInfo, and /Contents holding a real CMS SignedData
    made by the openssl command with a self-signed certificate naming the
    signer. None when the openssl command is missing."""
    import shutil
    import subprocess
    import tempfile
    if not shutil.which("openssl"):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        key, crt, data, sig = (os.path.join(tmp, n) for n in ("k.pem", "c.pem", "d.bin", "s.der"))
        with open(data, "wb") as f:
            f.write(b"signed bytes")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", crt, "-days", "3650", "-subj", "/CN=Jane Signer/O=Initech Legal",
                        "-addext", "subjectAltName=email:" + SIGNER_EMAIL],
                       check=True, capture_output=True)
        subprocess.run(["openssl", "cms", "-sign", "-binary", "-in", data, "-signer", crt, "-inkey", key,
                        "-outform", "DER", "-out", sig], check=True, capture_output=True)
        with open(sig, "rb") as f:
            der = f.read()
    w = Writer()
    sigdict = w.add({"Type": Name("Sig"), "Filter": Name("Adobe.PPKLite"),
                     "SubFilter": Name("adbe.pkcs7.detached"), "ByteRange": [0, 10, 20, 10],
                     "Name": SIGNER_NAME.encode("utf-8"), "Reason": "Approved for payroll",
                     "Location": "Zurich office", "ContactInfo": SIGN_CONTACT,
                     "M": "D:20141124090000Z",
                     "Contents": Raw(b"<" + (der + bytes(256)).hex().encode() + b">")})
    field = w.add({"FT": Name("Sig"), "T": "Signature1", "V": sigdict, "Type": Name("Annot"),
                   "Subtype": Name("Widget"), "Rect": [0, 0, 0, 0]})
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (Signed contract) Tj ET"], annots=[field],
                   extra_catalog={"AcroForm": {"Fields": [field], "SigFlags": 3}})
    return w.classic(t)


def make_javascript():
    w = Writer()
    js = w.add({"Type": Name("Action"), "S": Name("JavaScript"), "JS": "app.alert('hello');"})
    launch = w.add({"Type": Name("Annot"), "Subtype": Name("Link"), "Rect": [0, 0, 10, 10],
                    "A": {"S": Name("Launch"), "F": "cmd.exe"}})
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (Plain page) Tj ET"],
                   extra_catalog={"OpenAction": js}, annots=[launch])
    return w.classic(t)


def make_goto_local():
    """Links to the next volume on the reader's own disk (/GoToR to a relative
    file, a file-spec dictionary with a DOS path) and to an embedded file
    (/GoToE): nothing is fetched, no alert; clean with full coverage."""
    w = Writer()
    links = [w.add({"Type": Name("Annot"), "Subtype": Name("Link"), "Rect": [0, 0, 10, 10], "A": a})
             for a in ({"S": Name("GoToR"), "F": "volume2.pdf", "D": [0, Name("Fit")]},
                       {"S": Name("GoToR"), "F": {"Type": Name("Filespec"), "F": "C:\\Manuals\\v3.pdf"},
                        "D": [0, Name("Fit")]},
                       {"S": Name("GoToE"), "T": {"R": Name("C"), "N": "annex"}})]
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (See volume two) Tj ET"], annots=links)
    return w.classic(t)


def make_goto_remote():
    """A /GoToR whose file specification is a URL (/FS /URL): external_link."""
    w = Writer()
    link = w.add({"Type": Name("Annot"), "Subtype": Name("Link"), "Rect": [0, 0, 10, 10],
                  "A": {"S": Name("GoToR"), "F": {"FS": Name("URL"), "F": "https://files.evil.example/x.pdf"},
                        "D": [0, Name("Fit")]}})
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (See volume two) Tj ET"], annots=[link])
    return w.classic(t)


def make_plain():
    """No PII, no alerts: must come out clean with full coverage."""
    w = Writer()
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (Lorem ipsum dolor sit amet) Tj ET"],
                   extra_catalog={"OpenAction": [Ref(3), Name("Fit")]})
    return w.classic(t)


# -- hostile variants


def make_broken_xref():
    data = bytearray(make_classic())
    # shift every object by inserting junk after the header; xref offsets now all wrong
    i = data.index(b"1 0 obj")
    data[i:i] = b"% junk inserted after the file was written\n"
    return bytes(data)


def make_no_xref():
    data = make_classic()
    return data[:data.index(b"xref\n")] + b"%%EOF\n"


def make_prev_cycle():
    w = Writer()
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (Cycle test SSN " + SSN.encode() + b") Tj ET"])
    base = w.classic(t)
    # the first trailer gets /Prev pointing at a second section appended
    # after it, whose /Prev points to itself: a cycle both ways
    base = base.replace(b"trailer\n<<", b"trailer\n<</Prev 0000000000", 1)
    sec = len(base)
    base = base.replace(b"/Prev 0000000000", b"/Prev %010d" % sec, 1)
    base += b"xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size %d/Root %d 0 R/Prev %d>>\n" % (
        max(w.objs) + 1, t["Root"].num, sec)
    base += b"startxref\n%d\n%%%%EOF\n" % sec
    return base


def make_ref_cycle():
    w = Writer()
    font = helvetica(w)
    a = w.reserve()
    b = w.reserve()
    w.add(Ref(b.num), a.num)   # 1 -> 2 -> 1
    w.add(Ref(a.num), b.num)
    pages = w.reserve()
    cs = w.add(Raw(b"<</Length " + str(a.num).encode() + b" 0 R>>\nstream\nBT /F1 12 Tf 72 700 Td (Ref cycle SSN "
                   + SSN.encode() + b") Tj ET\nendstream"))
    page = w.add({"Type": Name("Page"), "Parent": pages, "Resources": {"Font": {"F1": font}}, "Contents": cs})
    # the page tree contains itself
    w.add({"Type": Name("Pages"), "Kids": [page, pages, a], "Count": 1, "Parent": pages}, pages.num)
    root = w.add({"Type": Name("Catalog"), "Pages": pages, "Outlines": a})
    return w.classic({"Root": root})


def make_huge_length():
    w = Writer()
    font = helvetica(w)
    pages = w.reserve()
    body = b"BT /F1 12 Tf 72 700 Td (Huge length SSN " + SSN.encode() + b") Tj ET"
    cs = w.add(Raw(b"<</Length 99999999999>>\nstream\n" + body + b"\nendstream"))
    page = w.add({"Type": Name("Page"), "Parent": pages, "Resources": {"Font": {"F1": font}}, "Contents": cs})
    w.add({"Type": Name("Pages"), "Kids": [page], "Count": 1}, pages.num)
    root = w.add({"Type": Name("Catalog"), "Pages": pages})
    return w.classic({"Root": root})


def make_truncated():
    data = make_classic()
    # cut inside the Info dictionary, after the page content
    return data[:int(len(data) * 0.8)]


def make_junk_after():
    """A complete file with 10 KiB of non-PDF data appended: still complete."""
    return make_classic() + b"\0appended" * 1024


def make_cut_update():
    """An incremental update cut off in the middle: the first revision is
    complete (%%EOF), the update is not."""
    inc = make_incremental()
    i = inc.index(b"%%EOF") + 6
    return inc[:i + 120]


def make_corrupt_flate():
    """Good text in its own Flate block, then a damaged block."""
    w = Writer()
    good = b"BT /F1 12 Tf 72 700 Td (Before damage SSN " + SSN.encode() + b") Tj ET\n"
    co = zlib.compressobj(6)
    head = co.compress(good) + co.flush(zlib.Z_FULL_FLUSH)
    junk = "".join("BT (line %d of filler %x) Tj ET\n" % (i, i * 7919) for i in range(400)).encode()
    tail = bytearray(co.compress(junk) + co.flush())
    for i in range(len(tail) // 2, len(tail) // 2 + 40):
        tail[i] ^= 0x5A
    t = simple_doc(w, [Stream({"Filter": Name("FlateDecode")}, head + bytes(tail))])
    return w.classic(t)


def make_bomb(size=512 << 20):
    """A content stream inflating to `size` bytes of spaces, and a normal
    page after it."""
    co = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [co.compress(b"BT /F1 12 Tf 72 700 Td (Bomb page) Tj ET\n")]
    for _ in range(size // len(chunk)):
        parts.append(co.compress(chunk))
    parts.append(co.flush())
    w = Writer()
    t = simple_doc(w, [Stream({"Filter": Name("FlateDecode")}, b"".join(parts)),
                       b"BT /F1 12 Tf 72 700 Td (After the bomb SSN " + SSN.encode() + b") Tj ET"])
    return w.classic(t)


def make_ghostscript(outdir):
    """A PDF made by a real producer (ps2pdf), if ghostscript is installed."""
    import shutil
    import subprocess
    if not shutil.which("ps2pdf"):
        return None
    ps = os.path.join(outdir, "gs_source.ps")
    with open(ps, "w") as f:
        f.write("%!PS\n/Helvetica findfont 12 scalefont setfont\n"
                "72 700 moveto (Producer test SSN " + SSN_PRODUCER + ") show\n"
                "72 680 moveto (Contact " + EMAIL + ") show\nshowpage\n")
    out = os.path.join(outdir, "ghostscript.pdf")
    try:
        subprocess.run(["ps2pdf", ps, out], check=True, timeout=60,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (subprocess.SubprocessError, OSError):
        return None
    finally:
        os.unlink(ps)
    return out


FIXTURES = {
    "classic.pdf": make_classic,
    "xref_stream.pdf": make_xref_stream,
    "incremental.pdf": make_incremental,
    "redacted_update.pdf": make_redacted_update,
    "objstm_update.pdf": make_objstm_update,
    "signed.pdf": make_signed,
    "tounicode.pdf": make_tounicode,
    "filters.pdf": make_filters,
    "rotated.pdf": make_rotated_ligature,
    "macroman.pdf": make_macroman,
    "rc4_empty.pdf": lambda: make_encrypted(),
    "aes_empty.pdf": lambda: make_encrypted(aes=True),
    "user_password.pdf": lambda: make_encrypted(user_pw=b"secret"),
    "aes256_empty.pdf": make_aes256,
    "aes256_password.pdf": lambda: make_aes256(user_pw=b"secret"),
    "aes256_r5_empty.pdf": lambda: make_aes256(r=5),
    "aes256_r5_password.pdf": lambda: make_aes256(user_pw=b"secret", r=5),
    "aes_password.pdf": lambda: make_encrypted(user_pw=b"secret", aes=True),
    "embedded.pdf": make_embedded,
    "eff_only.pdf": make_encrypted_attachments_only,
    "javascript.pdf": make_javascript,
    "plain.pdf": make_plain,
    "goto_local.pdf": make_goto_local,
    "goto_remote.pdf": make_goto_remote,
    "broken_xref.pdf": make_broken_xref,
    "no_xref.pdf": make_no_xref,
    "prev_cycle.pdf": make_prev_cycle,
    "ref_cycle.pdf": make_ref_cycle,
    "huge_length.pdf": make_huge_length,
    "truncated.pdf": make_truncated,
    "junk_after.pdf": make_junk_after,
    "cut_update.pdf": make_cut_update,
    "corrupt_flate.pdf": make_corrupt_flate,
}


def generate(outdir, bomb=True):
    os.makedirs(outdir, exist_ok=True)
    for name, fn in FIXTURES.items():
        data = fn()
        if data is None:  # its tool is missing (make_signed: openssl)
            continue
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    if bomb:
        with open(os.path.join(outdir, "bomb.pdf"), "wb") as f:
            f.write(make_bomb())
    make_ghostscript(outdir)


def corpus(outdir):
    """Small seeds (each <= 64 KiB) for fuzz/corpus/pdf/."""
    os.makedirs(outdir, exist_ok=True)
    for name, fn in FIXTURES.items():
        data = fn()
        if data is None:
            continue
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    with open(os.path.join(outdir, "bomb_small.pdf"), "wb") as f:
        f.write(make_bomb(48 << 20))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--corpus":
        corpus(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)


# ---------------------------------------------------------------- hostile seeds

def hostile_files():
    """Small hand-made hostile inputs (regression seeds for tests/regress/pdf/)."""
    out = {}
    hdr = b"%PDF-1.7\n"
    # a chain of streams whose /Length is the next object: deep loads
    body = bytearray(hdr)
    for n in range(1, 1000):
        body += b"%d 0 obj <</Length %d 0 R>> stream\nx\nendstream endobj\n" % (n, n + 1)
    body += b"1000 0 obj 1 endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    out["length_chain.pdf"] = bytes(body)
    # page tree 5000 levels deep
    body = bytearray(hdr + b"1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n")
    for n in range(2, 1000):
        body += b"%d 0 obj <</Type/Pages/Kids[%d 0 R]>> endobj\n" % (n, n + 1)
    body += b"1000 0 obj <</Type/Page/Contents 1001 0 R>> endobj\n"
    body += b"1001 0 obj <<>> stream\nBT (deep page) Tj ET\nendstream endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    out["deep_tree.pdf"] = bytes(body)
    # nesting far past the parser's bound
    out["deep_nesting.pdf"] = hdr + b"1 0 obj " + b"[<<" * 20000 + b" endobj trailer <</Root 1 0 R>>\n%%EOF\n"
    # streams that never end
    out["no_endstream.pdf"] = hdr + b"".join(b"%d 0 obj <</Length 999999>> stream\nBT (x) Tj ET\n" % n
                                             for n in range(1, 1200)) + b"trailer <</Root 1 0 R>>"
    # form XObjects that draw themselves and each other
    forms = bytearray(hdr + b"1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
                      b"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
                      b"3 0 obj <</Type/Page/Parent 2 0 R/Contents 4 0 R/Resources 5 0 R>> endobj\n"
                      b"4 0 obj <<>> stream\n/A Do /B Do /A Do\nendstream endobj\n"
                      b"5 0 obj <</XObject <</A 6 0 R /B 7 0 R>> /Font <</F1 8 0 R>> >> endobj\n"
                      b"6 0 obj <</Subtype/Form/Resources 5 0 R>> stream\nBT /F1 9 Tf (form A) Tj ET /B Do /A Do\nendstream endobj\n"
                      b"7 0 obj <</Subtype/Form>> stream\n/A Do BT (form B) Tj ET /B Do\nendstream endobj\n"
                      b"8 0 obj <</Type/Font/Subtype/Type1/ToUnicode 8 0 R/Encoding <</Differences [0 /a /uniFFFF /u1F600 -5 /x]>> >> endobj\n")
    forms += b"trailer <</Root 1 0 R>>\n%%EOF\n"
    out["form_cycle.pdf"] = bytes(forms)
    # object stream containing itself and an xref stream with absurd widths
    xs = (hdr + b"1 0 obj <</Type/ObjStm/N 99999999/First 4 0 R/Length 1 0 R>> stream\n1 0 2 5 [1 0 R]\nendstream endobj\n"
          b"2 0 obj <</Type/XRef/W[8 8 8]/Size 4294967295/Index[0 4294967295 7 999999999999]/Length 24/Prev 2>> stream\n"
          + b"\x02" * 24 + b"\nendstream endobj\n"
          b"3 0 obj <</Filter/FlateDecode/DecodeParms<</Predictor 15/Columns 16777216/Colors 32/BitsPerComponent 16>>>> stream\n"
          + zlib.compress(b"\x02" * 64) + b"\nendstream endobj\nstartxref\n" + str(len(hdr)).encode() + b"\n%%EOF\n")
    out["objstm_self.pdf"] = xs
    # many Tf against a big font dictionary
    fonts = b" ".join(b"/F%d 9 0 R" % i for i in range(500))
    content = b"BT " + b" ".join(b"/F%d 12 Tf (w) Tj" % (i % 500) for i in range(1500)) + b" ET"
    out["many_fonts.pdf"] = (hdr + b"1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
                             b"2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
                             b"3 0 obj <</Type/Page/Parent 2 0 R/Contents 4 0 R/Resources <</Font <<" + fonts + b">> >> >> endobj\n"
                             b"4 0 obj <<>> stream\n" + content + b"\nendstream endobj\n"
                             b"9 0 obj <</Type/Font/Subtype/Type0/DescendantFonts[<</W [0 [1 2 3] 5 4294967295 7 10 20 30]>>]>> endobj\n"
                             b"trailer <</Root 1 0 R>>\n%%EOF\n")
    # encryption dictionaries that must not crash the key derivation
    out["bad_encrypt.pdf"] = (hdr + b"1 0 obj <</Type/Catalog>> endobj\n"
                              b"2 0 obj <</Filter/Standard/V 4/R 4/Length 99999/O ()/U <00>/P -1"
                              b"/CF <</StdCF <</CFM/AESV2>> >>/StmF/StdCF/StrF/StdCF>> endobj\n"
                              b"3 0 obj (abc) endobj\ntrailer <</Root 1 0 R/Encrypt 2 0 R/ID [<> <>]>>\n%%EOF\n")
    return out


def write_hostile(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, data in hostile_files().items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
