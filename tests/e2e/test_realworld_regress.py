"""Regressions found by scanning real files (Debian's /usr/share/doc):
each test is the smallest generated input that reproduced the bug."""
import gzip
import json
import os
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")


def scan(path, tmp):
    out = os.path.join(tmp, "m.jsonl")
    p = subprocess.run([LEAKSIFT, "scan", "-q", "-o", out, path], capture_output=True, text=True)
    assert p.returncode in (0, 1), p.stderr
    with open(out, encoding="utf-8") as f:
        return [r for r in map(json.loads, f) if r["record"] == "object"]


class GzippedTextIsNotMtree(unittest.TestCase):
    """libarchive's mtree bidder took a gzipped reStructuredText file (its
    first line a row of asterisks) for an mtree spec: hundreds of empty
    'members' with parse errors and duplicate_name alerts."""

    def test_one_member_full_coverage(self):
        text = (b"***********\nCollections\n***********\n\n"
                b"lazr.restful makes collections of data available through Pythonic\n"
                b"mechanisms like slices.\n\n    >>> from example import Client\n"
                b"    >>> service = Client()\n")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "collections.rst.gz")
            with gzip.GzipFile(path, "wb", mtime=0) as f:
                f.write(text)
            objs = scan(path, tmp)
            self.assertEqual(len(objs), 2, [o["chain"] for o in objs])
            member = [o for o in objs if o["depth"] == 1][0]
            self.assertEqual(member["file"]["size"], len(text))
            for o in objs:
                self.assertEqual(o["coverage"], "full", o)
                self.assertEqual(o["alerts"], [])


class QsortInTheSandbox(unittest.TestCase):
    """glibc's qsort() calls sysinfo() for arrays over 1 KiB; the seccomp
    list lacked it and real PDFs killed the worker (worker_crash)."""

    def test_pdf_with_a_large_width_array(self):
        # a CIDFont /W array of 399 ranges: the PDF handler sorts it
        w = b" ".join(b"%d [%d]" % (i, 500 + i) for i in range(1, 400))
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>"]
        content = b"BT /F1 12 Tf 72 720 Td <00480065006C006C006F> Tj ET"
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objs.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H"
                    b" /DescendantFonts [6 0 R] >>")
        objs.append(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo"
                    b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [" + w + b"] >>")
        out = bytearray(b"%PDF-1.4\n")
        offsets = []
        for i, body in enumerate(objs, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "many.pdf")
            with open(path, "wb") as f:
                f.write(out)
            (root,) = scan(path, tmp)
            self.assertNotIn("worker_crash", root["coverage_reasons"], root["errors"])
            self.assertEqual(root["handler"], "pdf")


def build_pdf(objs, root=1):
    """A classic-xref PDF from object bodies (bytes), numbered from 1."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, root, xref)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def page_objs(content, catalog_extra=b""):
    """Objects 1-5: catalog, pages, page, content stream, Helvetica."""
    return [b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            content,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]


def scan_pdf(data, tmp, name="x.pdf"):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data)
    return scan(path, tmp)


class GoToOpenActionIsNotAnAlert(unittest.TestCase):
    """pdflatex (hyperref), Word and most producers write /OpenAction
    << /S /GoTo /D [page /Fit] >>: every such PDF came out hostile."""

    def test_goto_open_action(self):
        text = stream(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET")
        data = build_pdf(page_objs(text, b"/OpenAction << /S /GoTo /D [3 0 R /Fit] >> "))
        with tempfile.TemporaryDirectory() as tmp:
            (root,) = scan_pdf(data, tmp)
            self.assertEqual(root["alerts"], [])
            self.assertEqual(root["verdict"], "clean")

    def test_goto_by_reference_and_javascript_still_alert(self):
        text = stream(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET")
        objs = page_objs(text, b"/OpenAction 6 0 R ")
        objs.append(b"<< /S /GoTo /D [3 0 R /Fit] >>")
        with tempfile.TemporaryDirectory() as tmp:
            (root,) = scan_pdf(build_pdf(objs), tmp)
            self.assertEqual(root["alerts"], [])
        # a GoTo chaining a script is not navigation only
        objs[-1] = b"<< /S /GoTo /D [3 0 R /Fit] /Next << /S /JavaScript /JS (app.alert(1)) >> >>"
        with tempfile.TemporaryDirectory() as tmp:
            (root,) = scan_pdf(build_pdf(objs), tmp)
            self.assertIn("open_action", root["alerts"])
            self.assertIn("javascript", root["alerts"])


class XfaPiecesAreOneDocument(unittest.TestCase):
    """Adobe LiveCycle forms split the XFA XML over an array of streams
    (preamble, template, datasets, ..., postamble), each marked
    /Type /EmbeddedFile: every piece came out as a child of its own, not
    well-formed alone, so each was 'xml: corrupt' (partial)."""

    def test_joined(self):
        pieces = [b'<?xml version="1.0" encoding="UTF-8"?>\n<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/">',
                  b'<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/">'
                  b'<subform name="form1"><field name="ssn"/></subform></template>',
                  b'<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data>'
                  b'<form1><ssn>536-22-1874</ssn></form1></xfa:data></xfa:datasets>',
                  b"</xdp:xdp>"]
        names = [b"xdp:xdp", b"template", b"datasets", b"</xdp:xdp>"]
        text = stream(b"BT /F1 12 Tf 72 720 Td (Please wait) Tj ET")
        arr = b" ".join(b"(%s) %d 0 R" % (n, 7 + i) for i, n in enumerate(names))
        objs = page_objs(text, b"/AcroForm 6 0 R ")
        objs.append(b"<< /Fields [] /XFA [" + arr + b"] >>")
        for i, p in enumerate(pieces):
            z = zlib.compress(p)
            objs.append(stream(z, b"/Type /EmbeddedFile /Filter /FlateDecode " if i % 2 == 0 else b"/Filter /FlateDecode "))
        with tempfile.TemporaryDirectory() as tmp:
            objs_out = scan_pdf(build_pdf(objs), tmp)
            kids = [o for o in objs_out if o["depth"] == 1]
            self.assertEqual([k["chain"] for k in kids], [["xfa.xdp"]])
            (xfa,) = kids
            self.assertEqual(xfa["handler"], "xml")
            self.assertEqual(xfa["coverage"], "full", xfa["errors"])
            self.assertIn("ssn", [f["entity"] for f in xfa["findings"]])


class SyncFlushedFlateIsComplete(unittest.TestCase):
    """macOS Quartz and Acrobat incremental updates write Flate streams that
    end after a sync flush, without the final block: every byte decodes, but
    the stream was called truncated (partial) - the xref stream of an
    annotated file made the whole document partial."""

    def flate_sync(self, data):
        z = zlib.compressobj()
        return z.compress(data) + z.flush(zlib.Z_SYNC_FLUSH)

    def test_sync_flushed_content(self):
        content = self.flate_sync(b"BT /F1 12 Tf 72 720 Td (SSN 536-22-1874) Tj ET")
        data = build_pdf(page_objs(stream(content, b"/Filter /FlateDecode ")))
        with tempfile.TemporaryDirectory() as tmp:
            (root,) = scan_pdf(data, tmp)
            self.assertEqual(root["coverage"], "full", root["errors"])
            self.assertIn("ssn", [f["entity"] for f in root["findings"]])

    def test_cut_inside_a_block_is_still_truncated(self):
        body = b"BT /F1 12 Tf 72 720 Td (SSN 536-22-1874) Tj ET " * 40
        content = zlib.compress(body)[:-30]
        data = build_pdf(page_objs(stream(content, b"/Filter /FlateDecode ")))
        with tempfile.TemporaryDirectory() as tmp:
            (root,) = scan_pdf(data, tmp)
            self.assertEqual(root["coverage"], "partial")


class BytesBeforeTheHeader(unittest.TestCase):
    """Mac Office keeps a PDF copy of a picture inside an EMF comment record:
    the PDF handler took the EMF (%PDF- in its first KiB) but read the
    xref offsets from the start of the file, not from %PDF-, so it fell
    back to scanning and called the file partial (parse_error)."""

    def test_offsets_count_from_the_header(self):
        pdf = build_pdf(page_objs(stream(b"BT /F1 12 Tf 72 720 Td (SSN 536-22-1874) Tj ET")))
        data = b"\x01\x00\x00\x00" + b"\x00" * 160 + pdf + b"\x0e\x00\x00\x00" * 8
        with tempfile.TemporaryDirectory() as tmp:
            (root,) = scan_pdf(data, tmp, "image1.emf")
            self.assertEqual(root["handler"], "pdf")
            self.assertEqual(root["coverage"], "full", root["errors"])
            self.assertIn("ssn", [f["entity"] for f in root["findings"]])


class FieldScriptsAreNotOpenActions(unittest.TestCase):
    """Form fields carry /AA keystroke/format/calculate scripts (every
    Acrobat form does): they gave open_action as well as javascript. Only
    triggers that fire unasked (page open, document close/save/print)
    are open actions."""

    def field_pdf(self, aa, on_page=False):
        text = stream(b"BT /F1 12 Tf 72 720 Td (Total) Tj ET")
        objs = page_objs(text, b"/AcroForm << /Fields [6 0 R] >> ")
        js = b"<< /S /JavaScript /JS (AFNumber_Format\\(2\\)) >>"
        objs.append(b"<< /FT /Tx /T (total) /V (12.00) /Rect [0 0 10 10] /Subtype /Widget"
                    b" /AA << /" + aa + b" " + js + b" >> >>")
        if on_page:
            objs[2] = objs[2][:-2] + b" /AA << /" + aa + b" " + js + b" >> >>"
        return build_pdf(objs)

    def test_field_triggers(self):
        for key in (b"K", b"F", b"V", b"C"):
            with tempfile.TemporaryDirectory() as tmp:
                (root,) = scan_pdf(self.field_pdf(key), tmp)
                self.assertEqual(root["alerts"], ["javascript"], key)

    def test_page_open_and_close(self):
        for key in (b"O", b"C"):
            with tempfile.TemporaryDirectory() as tmp:
                (root,) = scan_pdf(self.field_pdf(key, on_page=True), tmp)
                self.assertIn("open_action", root["alerts"], key)


def ppt_rec(ver, inst, rtype, body):
    return struct.pack("<HHI", ver | (inst << 4), rtype, len(body)) + body


def ppt_file(doc):
    sys.path.insert(0, os.path.join(os.environ.get("LEAKSIFT_SRC", "."), "tests", "gen"))
    from cfb_writer import CFBWriter  # noqa: E402
    w = CFBWriter()
    w.add_stream("PowerPoint Document", doc)
    w.add_stream("Current User", b"\0" * 20)
    return w.build()[0]


class PptRecordsAfterOddAtoms(unittest.TestCase):
    """Real PowerPoint files (Apache POI's test data: PowerPoint 2007 saves,
    incremental saves) came out partial with most of their text unread:
    'ppt: a record runs past the end of the stream'. (1) PowerPoint writes
    recVer 0xF on RoundTripCustomTableStyles12Atom (0x0428), an atom holding
    a zip: taken for a container, its zip bytes were read as headers.
    (2) Zero bytes between persisted objects ended the walk."""

    SLIDE1 = "Slide one SSN 536-22-1874"
    SLIDE2 = "Slide two mail jane.doe@example.com"

    def slide(self, text):
        t = ppt_rec(0, 0, 0x0FA0, text.encode("utf-16-le"))
        return ppt_rec(0xF, 0, 0x03EE, ppt_rec(0xF, 0, 0x0FF0, t))

    def check(self, doc, status):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "deck.ppt")
            with open(path, "wb") as f:
                f.write(ppt_file(doc))
            (root,) = scan(path, tmp)
            entities = [f["entity"] for f in root["findings"]]
            self.assertIn("ssn", entities)
            self.assertIn("email", entities)
            self.assertEqual(root["coverage"], status, root["errors"])

    def test_atom_with_container_version(self):
        fake_zip = b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4
        doc = (ppt_rec(0xF, 0, 0x03E8, ppt_rec(0xF, 0, 0x0428, fake_zip) + self.slide(self.SLIDE1))
               + self.slide(self.SLIDE2))
        self.check(doc, "full")

    def test_zero_gap_between_objects(self):
        doc = self.slide(self.SLIDE1) + b"\0" * 7 + self.slide(self.SLIDE2)
        self.check(doc, "full")

    def test_garbage_between_objects_is_a_parse_error(self):
        doc = self.slide(self.SLIDE1) + b"\x00\x00\xa0\x0f\xff\xff\xff\x7f" + self.slide(self.SLIDE2)
        self.check(doc, "partial")


class Word6Documents(unittest.TestCase):
    """Word 6.0 / Word 95 files (wIdent 0xA5DC, not Word 97's 0xA5EC) were
    rejected as 'no Word FIB' and only raw-scanned (partial); Cyrillic text
    came out as cp1252 mojibake. Twelve of Apache POI's real .doc files."""

    TEXT = "Компания Аскат, контакт ivan.petrov@example.com\r"

    def word6(self, codepage):
        sys.path.insert(0, os.path.join(os.environ.get("LEAKSIFT_SRC", "."), "tests", "gen"))
        from cfb_writer import CFBWriter  # noqa: E402
        text = self.TEXT.encode("cp1251")
        fib = bytearray(768)
        struct.pack_into("<HHH", fib, 0, 0xA5DC, 0x65, 0x0409)
        struct.pack_into("<II", fib, 0x18, 768, 768 + len(text))
        wd = bytes(fib) + text + b"\0" * 64
        # SummaryInformation: one section holding PIDSI_CODEPAGE (VT_I2)
        sec = struct.pack("<IIII", 24, 1, 1, 16) + struct.pack("<HHHH", 2, 0, codepage, 0)
        fmtid = bytes.fromhex("e0859ff2f94f6810ab9108002b27b3d9")
        si = struct.pack("<HHI16sI", 0xFFFE, 0, 0x00020005, b"\0" * 16, 1) + fmtid + struct.pack("<I", 48) + sec
        w = CFBWriter()
        w.add_stream("WordDocument", wd.ljust(4096, b"\0"))
        w.add_stream("\x05SummaryInformation", si)
        return w.build()[0]

    def test_word6_cyrillic(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "price.doc")
            with open(path, "wb") as f:
                f.write(self.word6(1251))
            (root,) = scan(path, tmp)
            self.assertEqual(root["coverage"], "full", root["errors"])
            self.assertIn("email", [f["entity"] for f in root["findings"]])
            p = subprocess.run([LEAKSIFT, "text", path], capture_output=True)
            self.assertIn("Компания Аскат", p.stdout.decode("utf-8"))


class Word6FarEast(unittest.TestCase):
    """Far East Word 6/95 files say wIdent 0xA699 or 0xA697 (POI reads old
    documents by nFib alone): POI's Bug51944.doc, a Traditional Chinese
    Word 6 fax form, was 'no Word FIB' and only raw-scanned (partial)."""

    TEXT = "公司聯絡 wang.wei@example.com\r"

    def word6_fe(self, ident):
        sys.path.insert(0, os.path.join(os.environ.get("LEAKSIFT_SRC", "."), "tests", "gen"))
        from cfb_writer import CFBWriter  # noqa: E402
        text = self.TEXT.encode("big5")
        fib = bytearray(768)
        struct.pack_into("<HHH", fib, 0, ident, 0x65, 0x0404)
        struct.pack_into("<II", fib, 0x18, 768, 768 + len(text))
        wd = bytes(fib) + text + b"\0" * 64
        sec = struct.pack("<IIII", 24, 1, 1, 16) + struct.pack("<HHHH", 2, 0, 950, 0)
        fmtid = bytes.fromhex("e0859ff2f94f6810ab9108002b27b3d9")
        si = struct.pack("<HHI16sI", 0xFFFE, 0, 0x00020005, b"\0" * 16, 1) + fmtid + struct.pack("<I", 48) + sec
        w = CFBWriter()
        w.add_stream("WordDocument", wd.ljust(4096, b"\0"))
        w.add_stream("\x05SummaryInformation", si)
        return w.build()[0]

    def test_word6_traditional_chinese(self):
        for ident in (0xA699, 0xA697):
            with tempfile.TemporaryDirectory() as tmp:
                path = os.path.join(tmp, "fax.doc")
                with open(path, "wb") as f:
                    f.write(self.word6_fe(ident))
                (root,) = scan(path, tmp)
                self.assertEqual(root["coverage"], "full", (hex(ident), root["errors"]))
                self.assertIn("email", [f["entity"] for f in root["findings"]])
                p = subprocess.run([LEAKSIFT, "text", path], capture_output=True)
                self.assertIn("公司聯絡", p.stdout.decode("utf-8"), hex(ident))


class WinmailWithTrailingLineBreak(unittest.TestCase):
    """winmail.dat files saved from mail clients (Apache POI bug 52400)
    end with the CRLF of their base64 line: 'tnef: attribute header cut
    short' made them partial. Two blank bytes are padding, not a cut
    attribute; a real cut (a partial header) still is one."""

    def tnef(self, tail):
        sys.path.insert(0, os.path.join(os.environ.get("LEAKSIFT_SRC", "."), "tests", "gen"))
        import gen_mail  # noqa: E402
        return gen_mail.winmail_dat() + tail

    def scan_tail(self, tail):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "winmail.dat")
            with open(path, "wb") as f:
                f.write(self.tnef(tail))
            return [o for o in scan(path, tmp) if o["depth"] == 0][0]

    def test_crlf_after_last_attribute(self):
        root = self.scan_tail(b"\r\n")
        self.assertEqual(root["coverage"], "full", root["errors"])
        self.assertEqual(root["verdict"], "sensitive")

    def test_partial_header_is_still_truncated(self):
        root = self.scan_tail(b"\x02\x10\x80")
        self.assertEqual(root["coverage"], "partial")
        self.assertIn("truncated", root["coverage_reasons"])


class LargeObjectStream(unittest.TestCase):
    """pdf.js's bug1978317.pdf holds one object stream of 65 542 objects:
    each object looked up by lexing the stream's header from its start
    (quadratic), two minutes for a 1.5 MB file. The header is now indexed
    once. 30 000 objects took ~30 s before, well under a second now."""

    def test_many_objects_in_one_stream(self):
        n = 30000
        first_obj = 6
        bodies = [b"(item %d)" % i for i in range(n)]
        offs, pos = [], 0
        for b in bodies:
            offs.append(pos)
            pos += len(b) + 1
        hdr = b" ".join(b"%d %d" % (first_obj + i, o) for i, o in enumerate(offs)) + b"\n"
        objstm = hdr + b"\n".join(bodies) + b"\n"
        content = stream(b"BT /F1 12 Tf 72 720 Td (SSN 536-22-1874) Tj ET")
        objs = page_objs(content)
        out = bytearray(b"%PDF-1.7\n")
        offsets = []
        for i, body in enumerate(objs, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        stm_num = first_obj + n
        offsets_stm = len(out)
        out += (b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %d >>\nstream\n"
                % (stm_num, n, len(hdr), len(objstm)) + objstm + b"\nendstream\nendobj\n")
        xref_num = stm_num + 1
        rows = [struct.pack(">BIH", 0, 0, 65535)]
        rows += [struct.pack(">BIH", 1, o, 0) for o in offsets]
        rows += [struct.pack(">BIH", 2, stm_num, i) for i in range(n)]
        rows += [struct.pack(">BIH", 1, offsets_stm, 0)]
        xref_off = len(out)
        rows += [struct.pack(">BIH", 1, xref_off, 0)]
        data = b"".join(rows)
        out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
                % (xref_num, xref_num + 1, len(data)) + data + b"\nendstream\nendobj\n")
        out += b"startxref\n%d\n%%%%EOF\n" % xref_off
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "objstm.pdf")
            with open(path, "wb") as f:
                f.write(out)
            o = os.path.join(tmp, "m.jsonl")
            p = subprocess.run([LEAKSIFT, "scan", "-q", "--root-timeout", "15", "-o", o, path],
                               capture_output=True, text=True)
            self.assertIn(p.returncode, (0, 1), p.stderr)
            with open(o, encoding="utf-8") as f:
                (root,) = [r for r in map(json.loads, f) if r["record"] == "object"]
            self.assertNotIn("limit:time", root["coverage_reasons"], root["errors"])
            self.assertEqual(root["coverage"], "full", root["errors"])
            self.assertIn("ssn", [f["entity"] for f in root["findings"]])


class EncryptedObjectStreamIsNotCorrupt(unittest.TestCase):
    """A PDF with a user password and object streams (pdf.js, pypdf, Tika
    samples) was reported 'encrypted' plus 'parse_error: object stream N:
    corrupt': the cipher text was fed to the Flate decoder."""

    def test_only_encrypted(self):
        sys.path.insert(0, os.path.join(os.environ.get("LEAKSIFT_SRC", "."), "tests", "gen"))
        import hashlib
        import gen_pdf  # noqa: E402
        w = gen_pdf.Writer()
        t = gen_pdf.simple_doc(w, [gen_pdf.page_content_main()], info=gen_pdf.std_info())
        fid = hashlib.md5(b"objstm-encrypted").digest()
        enc, crypt = gen_pdf.security(user_pw=b"secret", file_id=fid)
        e = w.add(enc)
        w.plain.add(e.num)
        w.crypt = crypt
        t["Encrypt"] = e
        t["ID"] = [gen_pdf.Raw(b"<" + fid.hex().encode() + b">")] * 2
        inside = {n for n in w.objs if n != e.num and not isinstance(w.objs[n], gen_pdf.Stream)}
        data = w.with_xref_stream(t, in_objstm=inside)
        with tempfile.TemporaryDirectory() as tmp:
            (root,) = scan_pdf(data, tmp)
            self.assertEqual(root["coverage"], "none")
            self.assertEqual(root["coverage_reasons"], ["encrypted"], root["errors"])


class EmptyCompoundFiles(unittest.TestCase):
    """PowerPoint keeps 1.5 KiB empty compound files for deleted embedded
    objects (ExOleObjStg); Apache POI's tests have files with only
    zero-byte streams. Nothing in them can be missed, but each was
    'ole2: no document stream this handler knows' (unsupported, partial)."""

    def cfb(self, streams):
        sys.path.insert(0, os.path.join(os.environ.get("LEAKSIFT_SRC", "."), "tests", "gen"))
        from cfb_writer import CFBWriter  # noqa: E402
        w = CFBWriter()
        for name, data in streams:
            w.add_stream(name, data)
        return w.build()[0]

    def root(self, data):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "object.bin")
            with open(path, "wb") as f:
                f.write(data)
            return [o for o in scan(path, tmp) if o["depth"] == 0][0]

    def test_empty_and_zero_byte(self):
        for streams in ([], [("Contents", b""), ("Data/Part", b"")]):
            root = self.root(self.cfb(streams))
            self.assertEqual(root["handler"], "ole2")
            self.assertEqual(root["coverage"], "full", (streams, root["errors"]))

    def test_unknown_stream_with_bytes_is_still_unsupported(self):
        root = self.root(self.cfb([("VisioDocument", b"\x01\x02\x03" * 100)]))
        self.assertEqual(root["coverage"], "partial")
        self.assertIn("unsupported", root["coverage_reasons"])




def _png_chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))


class MediaNoiseIsNotPii(unittest.TestCase):
    """Pixels are noise in which the rules found "y***@y.ob" (a GIF in
    pdf.js's tests, the same GIF inside a POI docx) and a phone number (a
    BMP): media without a handler is scanned only in printable runs of 16+
    bytes, where metadata (XMP) lives, at its real offsets."""

    def test_noise_run_ignored_xmp_found(self):
        import random
        r = random.Random(7)
        noise = bytes(r.randrange(256) for _ in range(100000))
        # short printable runs that the rules would take: an address, a phone
        fake = b"\x01yy@y.ob\x02 \x03(212) 736-5000\x04"
        xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>photo.desk@corp-mail.test'
               b'</dc:creator></x:xmpmeta>')
        png = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
               + _png_chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0" + xmp)
               + _png_chunk(b"IDAT", noise[:4000] + fake + noise[4000:]) + _png_chunk(b"IEND", b""))
        with tempfile.TemporaryDirectory() as tmp:
            p = os.path.join(tmp, "photo.png")
            with open(p, "wb") as f:
                f.write(png)
            objs = scan(p, tmp)
            o = objs[0]
            self.assertEqual(o["file"]["mime_type"], "image/png")
            found = {(f["entity"], e["redacted"], e["offset"]) for f in o["findings"] for e in f["evidence"]}
            self.assertEqual(found, {("email", "p***@corp-mail.test", png.find(b"photo.desk"))})


if __name__ == "__main__":
    unittest.main()
