#!/usr/bin/env python3
"""Benchmark corpus: a file share as a leak dump would hold one.

    python3 bench/make_corpus.py OUTDIR [--size 300M] [--seed 1]

Mixed kinds, by count: plain text / CSV / logs, Word (docx), Excel (xlsx),
PDF, e-mail (.eml with attachments), mbox folders, HTML, zip archives and
tar.gz bundles (holding documents and text), and incompressible "photos"
(.jpg, random bytes). Sizes are log-normal (median ~24 KiB, long tail up to
32 MiB for photos/archives), spread over nested department folders. About 15%
of the text-bearing files carry personal data (e-mail addresses, SSNs,
Luhn-valid card numbers, IBANs, phone numbers) or a secret (AWS key,
private-key header) and a marking. Deterministic for a seed; standard
library only. Prints a one-line description (files, bytes, kinds).
"""
import argparse
import email.message
import email.policy
import gzip
import io
import math
import os
import random
import sys
import tarfile
import zipfile
import zlib

WORDS = ("the of and to in for on with as by at from this that report quarter budget "
         "meeting project customer invoice payment delivery schedule review contract "
         "account region sales forecast team manager office supplier order shipment "
         "policy update draft final approved pending summary action item risk plan "
         "revenue cost margin audit compliance training travel expense claim week "
         "monday tuesday wednesday thursday friday january february march april").split()


def lorem_block(rng, n_bytes):
    out, size = [], 0
    while size < n_bytes:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize() + ".\n"
        out.append(line)
        size += len(line)
    return "".join(out)


def luhn_card(rng):
    digits = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    digits.append((10 - total % 10) % 10)
    return "".join(map(str, digits))


def iban_de(rng):
    bban = "%08d%010d" % (rng.randint(10000000, 99999999), rng.randint(0, 9999999999))
    num = int("".join(str(int(c, 36)) for c in bban + "DE00"))
    return "DE%02d%s" % (98 - num % 97, bban)


def pii_lines(rng):
    first = rng.choice(["anna", "ben", "carla", "dmitri", "eve", "farid", "grace", "hiro"])
    last = rng.choice(["meyer", "okafor", "silva", "nguyen", "kowalski", "haddad"])
    lines = [
        "Contact: %s.%s@example-corp.com, phone +1 415 555 %04d" % (first, last, rng.randint(100, 9999)),
        "SSN: %03d-%02d-%04d" % (rng.randint(100, 665), rng.randint(1, 99), rng.randint(1, 9999)),
        "Card on file: %s exp 0%d/2%d" % (luhn_card(rng), rng.randint(1, 9), rng.randint(5, 9)),
        "IBAN: %s" % iban_de(rng),
    ]
    if rng.random() < 0.2:
        lines.append("aws_access_key_id = AKIA%s" % "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
                                                              for _ in range(16)))
    if rng.random() < 0.3:
        lines.append("CONFIDENTIAL - INTERNAL USE ONLY")
    rng.shuffle(lines)
    return "\n".join(lines[:rng.randint(1, len(lines))]) + "\n"


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.block = lorem_block(self.rng, 4 << 20)

    def text(self, n):
        """n bytes of prose (a slice of the block), with PII 15% of the time."""
        n = max(64, min(n, len(self.block) - 1))
        start = self.rng.randint(0, len(self.block) - n)
        body = self.block[start:start + n]
        if self.rng.random() < 0.15:
            cut = self.rng.randint(0, len(body))
            body = body[:cut] + "\n" + pii_lines(self.rng) + body[cut:]
        return body

    def csv(self, n):
        rows, size, i = ["id,name,city,amount,note"], 0, 0
        pii = self.rng.random() < 0.15
        while size < n:
            i += 1
            note = pii_lines(self.rng).split("\n")[0] if pii and i % 50 == 1 else self.rng.choice(WORDS)
            row = "%d,%s,%s,%d.%02d,%s" % (i, self.rng.choice(WORDS), self.rng.choice(WORDS),
                                          self.rng.randint(1, 99999), self.rng.randint(0, 99), note)
            rows.append(row)
            size += len(row) + 1
        return "\n".join(rows) + "\n"

    def docx(self, n):
        paras = "".join("<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % xml_esc(line)
                        for line in self.text(n).split("\n") if line)
        doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               '<w:body>%s</w:body></w:document>' % paras)
        ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
              'package/2006/content-types"><Default Extension="rels" ContentType="application/'
              'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
              '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
              'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
                'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                'Target="word/document.xml"/></Relationships>')
        return zip_of([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)])

    def xlsx(self, n):
        rows, r = [], 0
        for line in self.csv(n).split("\n")[:20000]:
            if not line:
                continue
            r += 1
            cells = "".join('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (chr(65 + i), r, xml_esc(v))
                            for i, v in enumerate(line.split(",")[:5]))
            rows.append('<row r="%d">%s</row>' % (r, cells))
        sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.'
                 'org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % "".join(rows))
        ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
              'package/2006/content-types"><Default Extension="rels" ContentType="application/'
              'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
              '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
              'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
              '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
              'spreadsheetml.worksheet+xml"/></Types>')
        rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
                'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                'Target="xl/workbook.xml"/></Relationships>')
        wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
              'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
              'relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        wbrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                  'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
                  'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                  'Target="worksheets/sheet1.xml"/></Relationships>')
        return zip_of([("[Content_Types].xml", ct), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
                       ("xl/_rels/workbook.xml.rels", wbrels), ("xl/worksheets/sheet1.xml", sheet)])

    def pdf(self, n):
        lines = [ln for ln in self.text(n).split("\n") if ln][:4000]
        ops = ["BT /F1 10 Tf 40 800 Td 12 TL"]
        for ln in lines:
            ops.append("(%s) '" % ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
        ops.append("ET")
        stream = zlib.compress("\n".join(ops).encode("latin-1", "replace"))
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
        out = io.BytesIO()
        out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offs = []
        for i, o in enumerate(objs, 1):
            offs.append(out.tell())
            out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
        for off in offs:
            out.write(b"%010d 00000 n \n" % off)
        out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
        return out.getvalue()

    def eml(self, n):
        m = email.message.EmailMessage(policy=email.policy.SMTP)
        m["From"] = "%s@example-corp.com" % self.rng.choice(WORDS)
        m["To"] = "%s@example-corp.com" % self.rng.choice(WORDS)
        m["Subject"] = " ".join(self.rng.choice(WORDS) for _ in range(5))
        m["Date"] = "Mon, 13 May 2024 09:%02d:00 +0000" % self.rng.randint(0, 59)
        m.set_content(self.text(min(n, 8000)))
        if n > 8000:
            kind = self.rng.choice(["docx", "csv", "pdf"])
            data = {"docx": lambda: self.docx(n - 8000), "pdf": lambda: self.pdf(n - 8000),
                    "csv": lambda: self.csv(n - 8000).encode()}[kind]()
            sub = {"docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
                   "pdf": ("application", "pdf"), "csv": ("text", "csv")}[kind]
            if kind == "csv":
                m.add_attachment(data.decode(), subtype="csv", filename="export.csv")
            else:
                m.add_attachment(data, maintype=sub[0], subtype=sub[1], filename="attachment." + kind)
        return m.as_bytes()

    def mbox(self, n):
        out, size, i = [], 0, 0
        while size < n:
            i += 1
            msg = self.eml(self.rng.randint(500, 6000))
            msg = msg.replace(b"\nFrom ", b"\n>From ")
            block = b"From sender%d@example-corp.com Mon May 13 09:00:00 2024\n" % i + msg + b"\n"
            out.append(block)
            size += len(block)
        return b"".join(out)

    def html(self, n):
        body = "".join("<p>%s</p>\n" % xml_esc(line) for line in self.text(n).split("\n") if line)
        return ("<!DOCTYPE html>\n<html><head><title>Intranet</title></head><body>\n%s</body></html>\n"
                % body).encode()

    def photo(self, n):
        return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + self.rng.randbytes(n)

    def member(self, n):
        kind = self.rng.choice(["txt", "csv", "docx", "pdf", "xlsx"])
        return kind, self.make(kind, n)

    def zip(self, n):
        members, size, i = [], 0, 0
        while size < n:
            i += 1
            kind, data = self.member(min(n - size + 64, int(self.rng.lognormvariate(math.log(20000), 1.0))))
            members.append(("folder%d/file%03d.%s" % (i % 3, i, kind), data))
            size += len(data)
        return zip_of(members)

    def targz(self, n):
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w:gz", compresslevel=6) as t:
            size, i = 0, 0
            while size < n:
                i += 1
                kind, data = self.member(min(n - size + 64, int(self.rng.lognormvariate(math.log(20000), 1.0))))
                data = data if isinstance(data, bytes) else data.encode()
                ti = tarfile.TarInfo("bundle/part%03d.%s" % (i, kind))
                ti.size = len(data)
                ti.mtime = 1715590800
                t.addfile(ti, io.BytesIO(data))
                size += len(data)
        return buf.getvalue()

    def make(self, kind, n):
        f = {"txt": lambda: self.text(n).encode(), "log": lambda: self.text(n).encode(),
             "csv": lambda: self.csv(n).encode(), "docx": lambda: self.docx(n),
             "xlsx": lambda: self.xlsx(n), "pdf": lambda: self.pdf(n), "eml": lambda: self.eml(n),
             "mbox": lambda: self.mbox(n), "html": lambda: self.html(n), "jpg": lambda: self.photo(n),
             "zip": lambda: self.zip(n), "tar.gz": lambda: self.targz(n)}[kind]
        return f()


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def zip_of(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 5, 13, 9, 0, 0)),
                       data if isinstance(data, bytes) else data.encode(), zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# kind, weight by count, median size, sigma, cap
KINDS = [("txt", 18, 12_000, 1.2, 4 << 20), ("csv", 8, 30_000, 1.3, 8 << 20),
         ("log", 4, 60_000, 1.3, 8 << 20), ("docx", 15, 25_000, 1.0, 4 << 20),
         ("xlsx", 8, 40_000, 1.0, 4 << 20), ("pdf", 12, 30_000, 1.1, 4 << 20),
         ("eml", 10, 10_000, 1.2, 4 << 20), ("mbox", 2, 400_000, 1.0, 16 << 20),
         ("html", 5, 15_000, 1.0, 2 << 20), ("jpg", 9, 150_000, 1.0, 16 << 20),
         ("zip", 6, 200_000, 1.2, 32 << 20), ("tar.gz", 3, 300_000, 1.2, 32 << 20)]

DEPTS = ["finance", "hr", "legal", "sales", "it", "ops", "marketing", "exec"]


def parse_size(s):
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(float(s[:-1]) * mult[s[-1].upper()]) if s[-1].upper() in mult else int(s)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--size", default="300M", help="total bytes to write (K, M, G suffixes)")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv[1:])
    target = parse_size(a.size)
    g = Gen(a.seed)
    rng = g.rng
    kinds = [k for k in KINDS for _ in range(k[1])]
    total, count, by_kind = 0, 0, {}
    while total < target:
        kind, _, median, sigma, cap = rng.choice(kinds)
        n = int(min(cap, max(200, rng.lognormvariate(math.log(median), sigma))))
        data = g.make(kind, n)
        data = data if isinstance(data, bytes) else data.encode()
        dept = rng.choice(DEPTS)
        sub = os.path.join(a.out, dept, "%s_%02d" % (rng.choice(WORDS), rng.randint(0, 30)))
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "%s_%06d.%s" % (rng.choice(WORDS), count, kind)), "wb") as f:
            f.write(data)
        total += len(data)
        count += 1
        by_kind[kind] = by_kind.get(kind, 0) + 1
    print("%d files, %.1f MiB: %s" % (count, total / 1048576.0,
                                      ", ".join("%s %d" % kv for kv in sorted(by_kind.items()))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
