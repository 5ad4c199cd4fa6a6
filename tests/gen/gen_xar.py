#!/usr/bin/env python3
"""xar archives written from the format's description (header, zlib TOC,
heap), Python standard library only.

  plain.xar       two stored files (one with a planted e-mail address)
  doublelink.xar  two files whose <type> says hardlink twice each, the second
                  linking to the first: libarchive 3.6.2 (Debian 12) loops in
                  archive_read_next_header on it without reading input

Usage: gen_xar.py OUTDIR
"""
import hashlib
import os
import struct
import sys
import zlib

HEADER = struct.Struct(">4sHHQQI")  # magic, header size, version, toc z-len, toc len, cksum alg
SHA1 = 1


def _file_xml(fid, name, data_off, data):
    digest = hashlib.sha1(data).hexdigest()
    return (f'<file id="{fid}"><name>{name}</name><type>file</type><mode>0644</mode>'
            f"<data><length>{len(data)}</length><offset>{data_off}</offset><size>{len(data)}</size>"
            '<encoding style="application/octet-stream"/>'
            f'<extracted-checksum style="sha1">{digest}</extracted-checksum>'
            f'<archived-checksum style="sha1">{digest}</archived-checksum></data></file>')


def _link_xml(fid, name, link):
    kind = f'<type link="{link}">hardlink</type>'
    return (f'<file id="{fid}"><name>{name}</name>{kind}{kind}'
            "<inode>4242</inode><deviceno>7</deviceno><mode>0600</mode></file>")


def xar(files_xml, heap_tail=b""):
    """A xar whose TOC lists files_xml; the heap holds the TOC's SHA-1 and
    then heap_tail (the files' data, at offsets from 20)."""
    toc = ('<?xml version="1.0" encoding="UTF-8"?>\n<xar><toc>'
           '<checksum style="sha1"><offset>0</offset><size>20</size></checksum>'
           + "".join(files_xml) + "</toc></xar>\n").encode()
    ztoc = zlib.compress(toc, 9)
    head = HEADER.pack(b"xar!", HEADER.size, 1, len(ztoc), len(toc), SHA1)
    return head + ztoc + hashlib.sha1(ztoc).digest() + heap_tail


def plain():
    a = b"Quarterly notes. Contact: mia.lindqvist@example.org\n"
    b = b"Nothing to see here.\n"
    return xar([_file_xml(1, "notes.txt", 20, a), _file_xml(2, "readme.txt", 20 + len(a), b)], a + b)


def doublelink():
    return xar([_link_xml(1, "payroll.txt", "original"), _link_xml(2, "payroll-copy.txt", "1")])


def main(out):
    os.makedirs(out, exist_ok=True)
    for name, fn in (("plain.xar", plain), ("doublelink.xar", doublelink)):
        with open(os.path.join(out, name), "wb") as f:
            f.write(fn())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
