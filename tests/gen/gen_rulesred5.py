#!/usr/bin/env python3
"""Fifth red-team answer key (rulesred5): precision on what is not text --
the pixels, colour tables and glyphs of images and fonts -- with the
personal data an image or a font does carry in its metadata beside them.

Usage: gen_rulesred5.py OUTDIR KEYFILE [--seed S]

Every image is written here with struct and zlib (no file is copied). The
decoys are the shape of the false positives seen in real files
(docs/rules.md, "rulesred5"): a 24-bit BMP picture in a .docx whose dark
grey pixels are the bytes "()*+,-./0123456789" (ONLYOFFICE's
no_setting_xml.docx gave 34 phone numbers), an 8-bit BMP whose palette and
pixels read as digits, an OLE-style bitmap with a Luhn-valid run between
';' pixels, a PNG whose stored (uncompressed) IDAT holds such pixels, an
uncompressed TIFF strip, JPEG tables and entropy-coded data, a GIF's
colour table and image data, a WMF's DIB, a font's glyph program. Each
decoy's pixel data also holds phone- and card-shaped runs written as the
rules read them (spaces around them: grey 0x20 pixels).

The files beside them plant real values in the places images keep text,
which must still be found: PNG tEXt and iTXt chunks, a JPEG comment, its
XMP packet and its Exif Artist tag (the Exif block also carries a
thumbnail of noise), a GIF comment extension, TIFF ImageDescription and
Artist tags, a WMF text record, a font's name table.

Text files take three leftovers of earlier reviews: a Korean supplier
list whose phone and fax numbers 0NN-NN-NNNN read as SSNs (beside US SSNs
in a staff table, one of area 05x, and a labelled SSN next to a Korean
number, which must be found), a Bosnian IBAN whose country code a ';' cut
off, read as a Diners card (beside a card after "HR; "), and a bare `key`
assigned a call, read as a token (beside random keys ended by ';').

The key format is gen_rulesred.py's (its Gen is reused):
  {"files": {"<rel>": {"expect": [{"entity", "norm", "kind", "also", "wontfix"}],
                       "decoy": bool}}}
"""
import io
import json
import os
import struct
import zipfile
import zlib
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_rulesred as _base  # noqa: E402


class Gen(_base.Gen):
    def grey_noise(self, n, lo=0x28, hi=0x3A):
        """n bytes of a dark grey random walk: the bytes ( ) * + , - . / 0-9 :"""
        v, out = (lo + hi) // 2, bytearray()
        for _ in range(n):
            v = min(hi, max(lo, v + self.r.randint(-2, 2)))
            out.append(v)
        return out

    def shaped(self):
        """Phone- and card-shaped runs as pixels would spell them."""
        card = self.card("4539", 16)
        return [b"   +49 30 %s %s   " % (self.d(4).encode(), self.d(4).encode()),
                b"   +44 20 7%s %s   " % (self.d(3).encode(), self.d(4).encode()),
                b"   " + self.grouped(card).encode() + b"   ",
                b";A<" + self.card("4963", 16).encode() + b";"]

    def pixels(self, n):
        """Noise with the shaped runs spread through it."""
        buf = self.grey_noise(n)
        runs = self.shaped()
        step = n // (len(runs) + 1)
        for i, s in enumerate(runs):
            at = step * (i + 1)
            buf[at:at + len(s)] = s
        return bytes(buf[:n])


# ---- image writers (struct, zlib) ------------------------------------------------------

def bmp24(w, h, pix):
    row = (w * 3 + 3) // 4 * 4
    data = b"".join(pix[y * w * 3:(y + 1) * w * 3].ljust(row, b"\0") for y in range(h))
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 24, 0, len(data), 2835, 2835, 0, 0)
    return struct.pack("<2sIHHI", b"BM", 14 + 40 + len(data), 0, 0, 54) + info + data


def bmp8(w, h, palette, pix):
    row = (w + 3) // 4 * 4
    data = b"".join(pix[y * w:(y + 1) * w].ljust(row, b"\0") for y in range(h))
    pal = b"".join(bytes((b, g, r, 0)) for r, g, b in palette)
    info = struct.pack("<IiiHHIIiiII", 40, w, h, 1, 8, 0, len(data), 2835, 2835, 256, 0)
    off = 14 + 40 + len(pal)
    return struct.pack("<2sIHHI", b"BM", off + len(data), 0, 0, off) + info + pal + data


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_grey(w, h, pix, chunks=()):
    raw = b"".join(b"\0" + pix[y * w:(y + 1) * w] for y in range(h))
    out = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
    for kind, data in chunks:
        out += png_chunk(kind, data)
    # level 0: stored deflate blocks, the pixels as they are (encoders that do not compress)
    return out + png_chunk(b"IDAT", zlib.compress(raw, 0)) + png_chunk(b"IEND", b"")


def tiff_le(entries, blobs, base=0):
    """A little-endian TIFF: entries [(tag, type, values or bytes)], blobs
    placed after the header; returns the bytes. Values that do not fit in
    four bytes go after the IFD."""
    out = bytearray(b"II*\0\0\0\0\0")
    where = {}
    for name, data in blobs:
        where[name] = len(out)
        out += data
        if len(out) % 2:
            out += b"\0"
    ifd = len(out)
    struct.pack_into("<I", out, 4, ifd)
    extra_at = ifd + 2 + 12 * len(entries) + 4
    extra = bytearray()
    body = bytearray(struct.pack("<H", len(entries)))
    size = {2: 1, 3: 2, 4: 4, 7: 1}
    for tag, typ, val in sorted(entries, key=lambda e: e[0]):
        if callable(val):
            val = val(where)
        if typ in (2, 7):
            raw = val if isinstance(val, bytes) else val.encode("latin-1") + b"\0"
            count = len(raw)
        else:
            vals = val if isinstance(val, (list, tuple)) else [val]
            raw = b"".join(struct.pack("<H" if typ == 3 else "<I", v) for v in vals)
            count = len(vals)
        if len(raw) <= 4:
            field = raw.ljust(4, b"\0")
        else:
            field = struct.pack("<I", extra_at + len(extra))
            extra += raw + (b"\0" if len(raw) % 2 else b"")
        body += struct.pack("<HHI", tag, typ, count) + field
    body += struct.pack("<I", 0)
    return bytes(out + body + extra), where


def jpeg_tables(g):
    # quantisation tables of a low-quality encoder: values 0x20-0x7e, printable
    dqt = b"\xFF\xDB" + struct.pack(">H", 67) + b"\x00" + bytes(g.r.randint(0x30, 0x39) for _ in range(64))
    sof = b"\xFF\xC0" + struct.pack(">HBHHB", 11, 8, 16, 16, 1) + b"\x01\x11\x00"
    dht = b"\xFF\xC4" + struct.pack(">H", 19 + 12) + b"\x00" + bytes([0, 1, 5, 1, 1, 1, 1, 1, 1] + [0] * 7) + \
        bytes(range(12))
    return dqt + sof + dht


def jpeg(g, segments, scan):
    """SOI, the given APP/COM segments, tables, one scan of entropy-coded
    bytes (no 0xFF in them), EOI."""
    out = b"\xFF\xD8"
    for marker, data in segments:
        out += bytes((0xFF, marker)) + struct.pack(">H", len(data) + 2) + data
    sos = b"\xFF\xDA" + struct.pack(">HB", 8, 1) + b"\x01\x00\x00\x3F\x00"
    return out + jpeg_tables(g) + sos + scan.replace(b"\xFF", b"\xFE") + b"\xFF\xD9"


def jfif():
    return (0xE0, b"JFIF\0\x01\x01\x00\x00\x48\x00\x48\x00\x00")


def gif_blocks(data):
    out = b""
    for i in range(0, len(data), 255):
        part = data[i:i + 255]
        out += bytes([len(part)]) + part
    return out + b"\0"


def gif(w, h, palette, image, comment=None):
    out = b"GIF89a" + struct.pack("<HHBBB", w, h, 0xF7, 0, 0) + palette
    if comment is not None:
        out += b"\x21\xFE" + gif_blocks(comment)
    out += b"\x21\xF9\x04\x00\x00\x00\x00\x00"
    out += b"\x2C" + struct.pack("<HHHHB", 0, 0, w, h, 0) + b"\x08" + gif_blocks(image)
    return out + b"\x3B"


def wmf(records):
    body = b"".join(struct.pack("<IH", (6 + len(p)) // 2, fn) + p for fn, p in records)
    body += struct.pack("<IH", 3, 0)
    words = (18 + len(body)) // 2
    place = struct.pack("<IHhhhhHI", 0x9AC6CDD7, 0, 0, 0, 2000, 1500, 1440, 0)
    check = 0
    for (v,) in struct.iter_unpack("<H", place):
        check ^= v
    place += struct.pack("<H", check)
    hdr = struct.pack("<HHHIHIH", 1, 9, 0x0300, words, 0, max(len(p) for _, p in records) // 2 + 3, 0)
    return place + hdr + body


def wmf_textout(text):
    s = text.encode("latin-1")
    return (0x0521, struct.pack("<H", len(s)) + s + (b"\0" if len(s) % 2 else b"") + struct.pack("<hh", 100, 100))


def wmf_stretchdib(w, h, pix):
    dib = bmp24(w, h, pix)[14:]
    return (0x0F43, struct.pack("<IHhhhhhhhh", 0x00CC0020, 0, h, w, 0, 0, h, w, 0, 0) + dib)


def ttf(tables):
    """A TrueType font: the offset table, table records (sorted by tag),
    tables at 4-byte boundaries."""
    tags = sorted(tables)
    n = len(tags)
    head = struct.pack(">IHHHH", 0x00010000, n, 16, 0, n * 16 - 16)
    off = 12 + 16 * n
    recs, body = b"", b""
    for t in tags:
        data = tables[t]
        recs += struct.pack(">4sIII", t, 0, off + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return head + recs + body


def name_table(strings):
    recs, store = b"", b""
    for nid, s in strings:
        b = s.encode("latin-1")
        recs += struct.pack(">HHHHHH", 1, 0, 0, nid, len(b), len(store))
        store += b
    return struct.pack(">HHH", 0, len(strings), 6 + 12 * len(strings)) + recs + store


def docx_with(media_name, media):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Default Extension="bmp" ContentType="image/bmp"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'image" Target="media/%s"/></Relationships>' % media_name)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>Settings test: the picture below.</w:t></w:r></w:p></w:body></w:document>')
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)
        z.writestr("word/_rels/document.xml.rels", drels)
        z.writestr("word/media/" + media_name, media)
    return bio.getvalue()


def build(g):
    r = g.r
    W, H = 160, 120

    # ---- decoys: pixel data, colour tables, glyphs -----------------------------------
    g.begin("decoy/settings.docx", decoy=True)
    g.write(docx_with("images.bmp", bmp24(W, H, g.pixels(W * H * 3))), binary=True)

    g.begin("decoy/scan.bmp", decoy=True)
    g.write(bmp24(W, H, g.pixels(W * H * 3)), binary=True)

    grey_pal = [(v, v, v) for v in (0x28 + (i % 19) for i in range(256))]
    g.begin("decoy/palette.bmp", decoy=True)
    g.write(bmp8(W, H, grey_pal, g.pixels(W * H)), binary=True)

    g.begin("decoy/stored.png", decoy=True)
    g.write(png_grey(W, H, g.pixels(W * H)), binary=True)

    g.begin("decoy/strip.tif", decoy=True)
    pix = g.pixels(W * H)
    data, _ = tiff_le([(256, 3, W), (257, 3, H), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                       (273, 4, lambda w: w["strip"]), (277, 3, 1), (278, 3, H), (279, 4, len(pix))],
                      [("strip", pix)])
    g.write(data, binary=True)

    g.begin("decoy/photo.jpg", decoy=True)
    g.write(jpeg(g, [jfif()], g.pixels(W * H)), binary=True)

    pal = b"".join(bytes((v, v, v)) for v in (0x28 + (i % 19) for i in range(256)))
    g.begin("decoy/anim.gif", decoy=True)
    g.write(gif(W, H, pal, g.pixels(W * H)), binary=True)

    g.begin("decoy/logo.wmf", decoy=True)
    g.write(wmf([wmf_stretchdib(64, 48, g.pixels(64 * 48 * 3))]), binary=True)

    g.begin("decoy/Serif.ttf", decoy=True)
    g.write(ttf({b"glyf": g.pixels(6000), b"hmtx": g.pixels(1200),
                 b"name": name_table([(1, "Acme Serif"), (2, "Regular")])}), binary=True)

    # ---- metadata: the text an image does carry --------------------------------------
    def person():
        first = r.choice(["anna", "jonas", "marta", "pieter", "ines", "tomasz"])
        last = r.choice(["keller", "de.vries", "nowak", "ferreira", "lindqvist", "brandt"])
        return "%s.%s@%s" % (first, last, r.choice(["fotostudio-nord.de", "mediahuis.nl", "agencja-kadr.pl"]))

    def phone_de():
        return "4940" + g.d(8)

    g.begin("meta/portrait.png")
    mail, tel = person(), phone_de()
    g.plant("email", mail, "PNG tEXt Author")
    g.plant("phone", tel, "PNG iTXt Comment")
    g.write(png_grey(W, H, g.pixels(W * H), chunks=[
        (b"tEXt", b"Author\0Photographer: " + mail.encode()),
        (b"iTXt", b"Comment\0\0\0de\0Kommentar\0" + ("Buchung und Rechte: Telefon +%s %s %s"
                                                      % (tel[:2], tel[2:4], tel[4:])).encode()),
    ]), binary=True)

    g.begin("meta/event.jpg")
    m1, m2, tel = person(), person(), phone_de()
    card = g.card("5412", 16)
    g.plant("email", m1, "JPEG COM")
    g.plant("email", m2, "JPEG XMP dc:creator")
    g.plant("phone", tel, "JPEG Exif Artist")
    g.plant("credit_card", card, "JPEG COM: a card in a comment")
    thumb = jpeg(g, [jfif()], g.pixels(3000))
    exif, _ = tiff_le([(270, 2, "Company summer party, hall B"),
                       (315, 2, "Fotostudio Nord, Tel. +%s %s %s" % (tel[:2], tel[2:4], tel[4:]))], [])
    # IFD1: the thumbnail (JPEGInterchangeFormat) after IFD0's data
    ifd1 = len(exif)
    exif = bytearray(exif)
    struct.pack_into("<I", exif, 8 + 2 + 12 * 2, ifd1)
    ifd1_body = struct.pack("<H", 2) + struct.pack("<HHII", 513, 4, 1, ifd1 + 2 + 24 + 4) + \
        struct.pack("<HHII", 514, 4, 1, len(thumb)) + struct.pack("<I", 0)
    exif = bytes(exif) + ifd1_body + thumb
    xmp = ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
           'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq>'
           '</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>' % m2)
    g.write(jpeg(g, [jfif(), (0xE1, b"Exif\0\0" + exif),
                     (0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp.encode()),
                     (0xFE, ("Ordered by %s, paid with card %s" % (m1, g.grouped(card))).encode())],
                 g.pixels(W * H)), binary=True)

    g.begin("meta/banner.gif")
    mail = person()
    g.plant("email", mail, "GIF comment extension")
    g.write(gif(W, H, pal, g.pixels(W * H), comment=("Design: %s, final version" % mail).encode()), binary=True)

    g.begin("meta/fax.tif")
    mail, tel = person(), phone_de()
    g.plant("email", mail, "TIFF ImageDescription")
    g.plant("phone", tel, "TIFF Artist")
    pix = g.pixels(W * H)
    data, _ = tiff_le([(256, 3, W), (257, 3, H), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                       (270, 2, "Scanned form, reply to %s" % mail),
                       (273, 4, lambda w: w["strip"]), (277, 3, 1), (278, 3, H), (279, 4, len(pix)),
                       (315, 2, "Scanner operator, phone +%s %s %s" % (tel[:2], tel[2:4], tel[4:]))],
                      [("strip", pix)])
    g.write(data, binary=True)

    g.begin("meta/chart.wmf")
    tel = phone_de()
    g.plant("phone", tel, "WMF TEXTOUT record")
    g.write(wmf([wmf_stretchdib(64, 48, g.pixels(64 * 48 * 3)),
                 wmf_textout("Hotline +%s %s %s (Mo-Fr)" % (tel[:2], tel[2:4], tel[4:]))]), binary=True)

    g.begin("meta/Sans.ttf")
    mail = person()
    g.plant("email", mail, "font name table (designer's contact)")
    g.write(ttf({b"glyf": g.pixels(6000),
                 # storage holds the strings back to back: the copyright last, as its run ends there
                 b"name": name_table([(1, "Acme Sans"), (2, "Regular"),
                                      (0, "Copyright 2021 Acme Type, contact %s" % mail)])}), binary=True)


def build_text(g):
    r = g.r

    # ---- a Korean supplier list: phone and fax 0NN-NN-NNNN read as SSNs ------------
    # the numbers are phones (a phone rule may find them after the FAX label: not
    # required), never SSNs
    g.begin("suppliers_kr.tsv")

    def kr(area):
        v = "%s-%s-%s" % (area, g.d(2), g.d(4))
        g.plant("phone", v.replace("-", ""), "Korean phone 0NN-NN-NNNN", wontfix="found only after a label")
        return v

    rows = ["코드\t업체명\t주소\t우편번호\t전화\tFAX\t품목"]
    for code, name, addr, area, item in [("CD416", "삼화정밀", "경남 김해군 상동면 1073-3", "052", "W/STRIP"),
                                         ("ES251", "동양전기", "경남 창원시 남산동 601-2", "055", "BATTERY"),
                                         ("CS562", "영천산업", "경북 영천시 신기동 282", "054", "S/ROOF"),
                                         ("PC620", "대성금속", "충남 천안시 성정동 77", "041", "SASH FRAME")]:
        rows.append("%s\t%s\t%s\t%d-%03d\t%s\t%s\t%s" % (code, name, addr, r.randint(100, 799), r.randint(0, 999),
                                                       kr(area), kr(area), item))
    old = "0343-%s-%s" % (g.d(2), g.d(4))
    g.plant("phone", old.replace("-", ""), "Korean phone 0NNN-NN-NNNN", wontfix="found only after a label")
    rows.append("ET225\t한국부품\t경기 군포시 당동 730\t435-010\t%s\t%s\t HORN ASSY" % (old, kr("031")))
    g.write("\n".join(rows) + "\n")

    g.begin("hr/staff_us.tsv")
    ssns = [g.ssn() for _ in range(3)]
    while not ssns[2].startswith("05"):  # an SSN of an area that is also a Korean area code
        ssns[2] = "05" + "%d" % r.randint(1, 5) + ssns[2][3:]
    lines = ["Name\tSSN\tPhone"]
    for i, (name, s, area) in enumerate(zip(["Dana Whitfield", "Omar Haddad", "Grace Lim"], ssns,
                                            ["312", "617", "213"])):
        g.plant("ssn", s, "dashed SSN in a staff table%s" % (" (area 05x)" if i == 2 else ""))
        tel = area + "555" + "%04d" % r.randint(200, 9999)
        g.plant("phone", tel, "NANP phone beside it")
        lines.append("%s\t%s-%s-%s\t(%s) %s-%s" % (name, s[:3], s[3:5], s[5:], tel[:3], tel[3:6], tel[6:]))
    g.write("\n".join(lines) + "\n")

    g.begin("hr/expat_kr.txt")
    s = "05%d%s" % (r.randint(1, 5), g.ssn()[3:])
    g.plant("ssn", s, "labelled SSN beside a Korean office number")
    g.write("Assignee: Min-jun Park, SSN: %s-%s-%s, Ulsan office 052-%s-%s\n" % (s[:3], s[3:5], s[5:], g.d(2), g.d(4)))

    # ---- a Bosnian IBAN whose country code a ';' cut off: its 18 digits, check
    # digits 39, read as a Diners card -------------------------------------------------
    while True:
        bban = g.d(16)
        iban = g.iban("BA", bban)
        if iban[2:4] == "39" and g.luhn_ok(iban[2:]):
            break
    # a list of examples in plain text, as an IBAN library keeps them (in a CSV the
    # table's header-labelled lines put the column's name between the two)
    g.begin("banks_ba.txt")
    g.plant("iban", iban, "BA IBAN written whole")
    g.write("# country; check digits and BBAN; whole\n"
            "BA; %s; %s\n" % (iban[2:], iban))
    g.begin("cards_hr.txt")
    card = g.card("4539", 16)
    g.plant("credit_card", card, "card after a country code (no IBAN of that length)")
    g.write("# customer; country; card\nIvana Horvat; HR; %s\n" % card)

    # ---- a bare key assigned a call: code, not a secret ----------------------------
    g.begin("decoy/pkcs12.js", decoy=True)
    g.write("      // derive the key\n"
            "      var key = pki.pbe.generatePkcs12Key(password, salt, 1, iterationCount, 24);\n"
            "      key = forge.pkcs5.pbkdf2(password, salt, count, dkLen);\n"
            "      SESSION_KEY = crypto.subtle.importKey2(raw, keyData);\n")

    g.begin("conf/app.js")
    def key(n):  # random-looking: no run of letters that reads as a word
        up, lo, dg = "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789"
        return "".join(r.choice(up) + r.choice(lo) + r.choice(dg) for _ in range(n // 3))

    k1, k2 = key(33), key(42)
    g.plant("token", k1, "bare key = value; in code")
    g.plant("token", k2, "SESSION_KEY=value; in a shell line")
    g.write("const key = %s;\nexport SESSION_KEY=%s;\n" % (k1, k2))


def main():
    _base.main(Gen, build, build_text)


if __name__ == "__main__":
    sys.exit(main())
