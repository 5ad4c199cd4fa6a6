#!/usr/bin/env python3
"""Git object storage for the git handler (tests/e2e/test_git.py,
fuzz/corpus/git/), written by the format's description with the standard
library (zlib, hashlib): loose objects (blob, commit, tree) and a version 2
pack holding a commit, a tree, a base blob and an OFS_DELTA whose inserted
bytes carry a secret that no whole object has - the line a later commit
removed. Also a cut pack, a cut loose object and a bomb (64 MiB of zeros).

    python3 gen_git.py OUTDIR        # fixtures + expect.json
    python3 gen_git.py --seed DIR    # small objects and packs as fuzz seeds

expect.json: {file: {"coverage": ..., "secrets": [entities that must be
found in the file or its children], "email": bool, "bomb": true when
a zip_bomb alert is due}}
"""
import hashlib
import json
import os
import struct
import sys
import zlib

AWS_ID = "AKIAQ7ZJ4KXM2VNP3R5T"
AWS_SECRET = "q8Rz0vYt3KpL7mWn2XsB5dHf9GjC1aEu6NiTo4Ve"
AUTHOR = "Jane Roe <jane.roe@corp-mail.example> 1700000000 +0000"
BASE = "".join("line %d of the settings file, nothing secret here\n" % i for i in range(1, 41)).encode()
SECRET_LINES = ("aws_access_key_id = %s\naws_secret_access_key = %s\n" % (AWS_ID, AWS_SECRET)).encode()


def obj_id(kind, body):
    return hashlib.sha1(b"%s %d\0" % (kind, len(body)) + body).digest()


def loose(kind, body):
    return zlib.compress(b"%s %d\0" % (kind, len(body)) + body)


def commit(tree_id, msg):
    return b"tree %s\nauthor %s\ncommitter %s\n\n%s\n" % (
        tree_id.hex().encode(), AUTHOR.encode(), AUTHOR.encode(), msg)


def tree(entries):
    return b"".join(b"%s %s\0" % (mode, name) + oid for mode, name, oid in entries)


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def pack_header(kind, size):
    """Type in bits 4-6 of the first byte, size 4 bits then 7 per byte."""
    b = (kind << 4) | (size & 0x0F)
    size >>= 4
    out = bytearray()
    while size:
        out.append(b | 0x80)
        b = size & 0x7F
        size >>= 7
    out.append(b)
    return bytes(out)


def ofs(n):
    """OFS_DELTA's base offset encoding (each continuation adds one)."""
    out = bytearray([n & 0x7F])
    n >>= 7
    while n:
        n -= 1
        out.insert(0, 0x80 | (n & 0x7F))
        n >>= 7
    return bytes(out)


def delta(base, head, inserted, tail_from=None):
    """A delta giving base[:head] + inserted + base[tail_from:] (TAIL_FROM
    defaults to HEAD: an insertion), diff-delta's shape: copy, inserts of
    at most 127 bytes, copy; an empty copy is left out (size 0 means
    0x10000)."""
    tail_from = head if tail_from is None else tail_from

    def copy(off, size):
        op, args = 0x80, bytearray()
        for i in range(4):
            if (off >> (8 * i)) & 0xFF:
                op |= 1 << i
                args.append((off >> (8 * i)) & 0xFF)
        for i in range(3):
            if (size >> (8 * i)) & 0xFF:
                op |= 1 << (4 + i)
                args.append((size >> (8 * i)) & 0xFF)
        return bytes([op]) + args
    out = bytearray(varint(len(base)) + varint(head + len(inserted) + len(base) - tail_from))
    if head:
        out += copy(0, head)
    for i in range(0, len(inserted), 127):
        out += bytes([len(inserted[i:i + 127])]) + inserted[i:i + 127]
    if tail_from < len(base):
        out += copy(tail_from, len(base) - tail_from)
    return bytes(out)


def pack():
    blob_id = obj_id(b"blob", BASE)
    t = tree([(b"100644", b"config.ini", blob_id)])
    c = commit(obj_id(b"tree", t), b"remove the AWS key from config.ini")
    objs = [(1, c), (2, t), (3, BASE)]
    out = bytearray(b"PACK" + struct.pack(">II", 2, len(objs) + 1))
    base_at = None
    for kind, body in objs:
        if kind == 3:
            base_at = len(out)
        out += pack_header(kind, len(body)) + zlib.compress(body)
    d = delta(BASE, len(BASE) // 2, SECRET_LINES)
    here = len(out)
    out += pack_header(6, len(d)) + ofs(here - base_at) + zlib.compress(d)
    out += hashlib.sha1(out).digest()
    return bytes(out)


def generate(out):
    objdir = os.path.join(out, "repo.git", "objects")
    expect = {}
    blob = SECRET_LINES + BASE
    t = tree([(b"100644", b"config.ini", obj_id(b"blob", blob))])
    c = commit(obj_id(b"tree", t), b"add deploy settings")
    for kind, body, secrets, email in ((b"blob", blob, ["aws_key", "aws_secret"], False),
                                       (b"tree", t, [], False), (b"commit", c, [], True)):
        oid = obj_id(kind, body).hex()
        path = os.path.join(objdir, oid[:2], oid[2:])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(loose(kind, body))
        expect[os.path.relpath(path, out)] = {"coverage": "full", "secrets": secrets, "email": email}
    packdir = os.path.join(objdir, "pack")
    os.makedirs(packdir, exist_ok=True)
    p = pack()
    name = "pack-%s.pack" % hashlib.sha1(p).hexdigest()
    with open(os.path.join(packdir, name), "wb") as f:
        f.write(p)
    expect[os.path.join("repo.git", "objects", "pack", name)] = {
        "coverage": "full", "secrets": ["aws_key", "aws_secret"], "email": True}
    with open(os.path.join(out, "cut.pack"), "wb") as f:
        f.write(p[:len(p) - 60])
    expect["cut.pack"] = {"coverage": "partial", "secrets": [], "email": True}
    lo = loose(b"blob", blob)
    with open(os.path.join(out, "cut-loose-object"), "wb") as f:
        f.write(lo[:len(lo) // 2])
    expect["cut-loose-object"] = {"coverage": "partial", "secrets": [], "email": False}
    # a bomb: 64 MiB of zeros in a 64 KB loose object (the ratio trips past the 1 MiB floor)
    c = zlib.compressobj(9)
    bomb = c.compress(b"blob %d\0" % (64 << 20)) + b"".join(c.compress(bytes(1 << 20)) for _ in range(64))
    with open(os.path.join(out, "bomb-object"), "wb") as f:
        f.write(bomb + c.flush())
    expect["bomb-object"] = {"coverage": "partial", "secrets": [], "email": False, "bomb": True}
    with open(os.path.join(out, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1, sort_keys=True)
    return expect


def seeds(out):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "pack_delta.pack"), "wb") as f:
        f.write(pack())
    t = tree([(b"100644", b"a.txt", obj_id(b"blob", b"x\n")), (b"040000", b"dir", bytes(20))])
    for name, data in (("loose_blob", loose(b"blob", SECRET_LINES)), ("loose_tree", loose(b"tree", t)),
                       ("loose_commit", loose(b"commit", commit(bytes(20), b"msg")))):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seeds(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit("usage: gen_git.py OUTDIR | --seed DIR")
