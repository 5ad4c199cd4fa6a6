#!/usr/bin/env python3
"""Build RAR 4.x, RAR 5.0, MS-CAB and LHA/LZH archives from their public
specifications, in pure Python 3 (struct, zlib): nothing on a test machine
can write these formats (rar is non-free; lcab/lha writers are absent).

    python3 tests/gen/gen_rarcab.py OUTDIR           # every fixture
    python3 tests/gen/gen_rarcab.py --corpus DIR     # small fuzz seeds

Library: every builder returns bytes; build(outdir) writes all fixtures and
returns {name: path}; MEMBERS says what each archive holds. Deterministic:
fixed timestamps, no randomness, the same bytes on every run.

Sources:
- RAR 4.x: RARLAB technote.txt (RAR 2.9x/3.x/4.x block format): marker
  block, MAIN_HEAD 0x73, FILE_HEAD 0x74, ENDARC_HEAD 0x7b; each header's
  HEAD_CRC is the low 16 bits of the CRC32 of the header after HEAD_CRC.
  Method 0x30 = store. FHD_PASSWORD (0x04) marks an encrypted member,
  FHD_DIRECTORY (0xe0) a directory.
- RAR 5.0: RARLAB "RAR 5.0 archive format": 8-byte signature, blocks of
  CRC32 + vint size + vint type + vint flags, main (1), file (2), archive
  encryption (4) and end (5) headers; compression info bits 7-9 = method
  (0 = store); file encryption extra record type 1.
- MS-CAB: [MS-CAB] (CFHEADER, CFFOLDER, CFFILE, CFDATA with its checksum
  algorithm); typeCompress 0 = none, 1 = MSZIP ("CK" + a deflate stream of
  at most 32 KiB of output per CFDATA block).
- LHA: the LHa for UNIX header.doc.txt description of level 0, 1 and 2
  headers (header checksum / CRC-16, extended headers 0x00 common, 0x01
  file name, 0x02 directory name with 0xff separators); -lh0- stored,
  -lhd- directory, -lh5- (a literal-only static-Huffman encoder, below).
"""
import os
import struct
import sys
import zlib

# One email per member, so a test can tell which member a finding is in.
def pii(tag):
    """Fake PII text for the member tagged tag (ASCII, deterministic)."""
    return ("Employee record (%s)\n"
            "Name: Jane Doe\n"
            "Email: jane.doe@%s.example.com\n"
            "Phone: +1 202 555 0147\n"
            "Card: 4111 1111 1111 1111\n" % (tag, tag)).encode()


DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 2          # 2024-01-02
DOS_TIME = (3 << 11) | (4 << 5) | (6 // 2)              # 03:04:06
DOS_DT = (DOS_DATE << 16) | DOS_TIME
UNIX_TIME = 1704164646                                    # 2024-01-02 03:04:06 UTC


def crc32(b):
    return zlib.crc32(b) & 0xFFFFFFFF


# ------------------------------------------------------------------ RAR 4.x

RAR4_SIG = b"Rar!\x1a\x07\x00"
RAR4_MAIN, RAR4_FILE, RAR4_END = 0x73, 0x74, 0x7B
FHD_PASSWORD = 0x0004
FHD_DIRECTORY = 0x00E0
FHD_LONG_BLOCK = 0x8000      # ADD_SIZE (packed size) follows HEAD_SIZE
RAR4_STORE = 0x30


def rar4_block(htype, flags, body):
    """A RAR 4 block header: HEAD_CRC, HEAD_TYPE, HEAD_FLAGS, HEAD_SIZE, body."""
    size = 7 + len(body)
    rest = struct.pack("<BHH", htype, flags, size) + body
    return struct.pack("<H", crc32(rest) & 0xFFFF) + rest


def rar4_file(name, data=b"", directory=False, encrypted=False, method=RAR4_STORE,
              unp_ver=29, packed=None, host_os=2):
    """A FILE_HEAD block followed by its packed data. name: bytes as stored
    (WinRAR on Windows stores '\\' separators). packed: the stored data if
    not data itself (for a method that is not store)."""
    flags = FHD_LONG_BLOCK
    attr = 0x20
    if directory:
        flags |= FHD_DIRECTORY
        attr = 0x10
        data = b""
    if encrypted:
        flags |= FHD_PASSWORD
    body_data = data if packed is None else packed
    fields = struct.pack("<IIBIIBBHI", len(body_data), len(data), host_os, crc32(data),
                         DOS_DT, unp_ver, method, len(name), attr)
    return rar4_block(RAR4_FILE, flags, fields + name) + body_data


def rar4_archive(entries, end=True, main_flags=0):
    out = RAR4_SIG + rar4_block(RAR4_MAIN, main_flags, b"\0" * 6)
    for e in entries:
        out += e
    if end:
        out += rar4_block(RAR4_END, 0x4000, b"")
    return out


def rar4_main():
    """Normal file, a directory, a file in it, and an encrypted member."""
    return rar4_archive([
        rar4_file(b"report.txt", pii("rar4.top")),
        rar4_file(b"hr", directory=True),
        rar4_file(b"hr\\staff.txt", pii("rar4.sub")),
        # encrypted flag only: the bytes are not really AES; nobody may read them
        rar4_file(b"secret.txt", b"\x8f\x13" * 24, encrypted=True),
        rar4_file(b"after.txt", pii("rar4.after")),
    ])


def rar4_unsupported():
    """A member whose method byte (0x36) no RAR version defines; then a
    stored member."""
    return rar4_archive([
        rar4_file(b"odd.bin", pii("rar4.odd"), method=0x36),
        rar4_file(b"plain.txt", pii("rar4.plain")),
    ])


# ------------------------------------------------------------------ RAR 5.0

RAR5_SIG = b"Rar!\x1a\x07\x01\x00"
HFL_EXTRA, HFL_DATA = 0x0001, 0x0002
FHFL_DIRECTORY, FHFL_UTIME, FHFL_CRC32 = 0x0001, 0x0002, 0x0004


def vint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def rar5_block(htype, hflags, fields, extra=b"", data=b"", data_size=None):
    """CRC32, vint size, then type, flags, [extra size], [data size], fields,
    extra area; followed by the data area."""
    if extra:
        hflags |= HFL_EXTRA
    if data or data_size is not None:
        hflags |= HFL_DATA
    h = vint(htype) + vint(hflags)
    if hflags & HFL_EXTRA:
        h += vint(len(extra))
    if hflags & HFL_DATA:
        h += vint(len(data) if data_size is None else data_size)
    h += fields + extra
    hs = vint(len(h)) + h
    return struct.pack("<I", crc32(hs)) + hs + data


def rar5_extra(rtype, rdata):
    body = vint(rtype) + rdata
    return vint(len(body)) + body


def rar5_crypt_record():
    """File encryption record (type 1): AES-256 (version 0), password check
    present and tweaked checksums (flags 3), KDF count 15, salt, IV, check value + its checksum. Fixed bytes:
    nothing is really encrypted with them."""
    return rar5_extra(1, vint(0) + vint(0x0003) + bytes([15]) + bytes(range(16)) +
                      bytes(range(16, 32)) + bytes(range(32, 44)))


def rar5_file(name, data=b"", directory=False, encrypted=False, method=0, version=0,
              packed=None):
    """A file header (type 2) + data area. name: UTF-8 with '/'."""
    fflags = FHFL_UTIME | FHFL_CRC32
    attr = 0x20
    if directory:
        fflags |= FHFL_DIRECTORY
        attr = 0x10
        data = b""
    body_data = data if packed is None else packed
    comp = (version & 0x3F) | (method << 7)
    fields = (vint(fflags) + vint(len(data)) + vint(attr) + struct.pack("<I", UNIX_TIME) +
              struct.pack("<I", crc32(data)) + vint(comp) + vint(0) + vint(len(name)) + name)
    extra = rar5_crypt_record() if encrypted else b""
    # the data size field is written even when it is 0 (directories):
    # libarchive refuses a file header without it, as RAR itself writes it
    return rar5_block(2, 0, fields, extra=extra, data=body_data, data_size=len(body_data))


def rar5_archive(entries, end=True, crypt_header=False):
    out = RAR5_SIG
    if crypt_header:
        # archive encryption header (type 4): every later header is encrypted
        out += rar5_block(4, 0, vint(0) + vint(0x0001) + bytes([15]) + bytes(range(16)) +
                          bytes(range(100, 112)))
    out += rar5_block(1, 0, vint(0))
    for e in entries:
        out += e
    if end:
        out += rar5_block(5, 0, vint(0))
    return out


def rar5_main():
    return rar5_archive([
        rar5_file(b"report.txt", pii("rar5.top")),
        rar5_file(b"hr", directory=True),
        rar5_file(b"hr/staff.txt", pii("rar5.sub")),
        rar5_file(b"secret.txt", b"\x8f\x13" * 24, encrypted=True),
        rar5_file("donn\u00e9es.txt".encode(), pii("rar5.utf8")),
        rar5_file(b"after.txt", pii("rar5.after")),
    ])


def rar5_header_encrypted():
    """Archive encryption header first: the rest is ciphertext (here random-
    looking fixed bytes)."""
    sig = RAR5_SIG + rar5_block(4, 0, vint(0) + vint(0x0001) + bytes([15]) +
                                bytes(range(16)) + bytes(range(100, 112)))
    return sig + bytes((i * 73 + 41) & 0xFF for i in range(256))


def rar5_unsupported():
    """A member stored with compression version 1 (bits 0-5 of the
    compression info; RAR 5.0 defines only version 0), then a stored one."""
    return rar5_archive([
        rar5_file(b"odd.bin", pii("rar5.odd"), method=3, version=1,
                  packed=bytes((i * 37 + 11) & 0xFF for i in range(64))),
        rar5_file(b"plain.txt", pii("rar5.plain")),
    ])


# ------------------------------------------------------------------ MS-CAB

CAB_NONE, CAB_MSZIP = 0, 1
CAB_BLOCK = 32768
A_NAME_IS_UTF = 0x80


def cab_checksum(data, seed=0):
    """[MS-CAB] 2.2.4 CSUMCompute: XOR of little-endian 32-bit words, the 1-3
    leftover bytes packed big-end first."""
    csum = seed
    n4 = len(data) // 4
    for (w,) in struct.iter_unpack("<I", data[:n4 * 4]):
        csum ^= w
    ul = 0
    rest = data[n4 * 4:]
    for i, b in enumerate(rest):
        ul |= b << (8 * (len(rest) - 1 - i))
    return (csum ^ ul) & 0xFFFFFFFF


def cab_data_blocks(data, compress, checksum=True):
    """CFDATA blocks of at most 32 KiB of uncompressed data each. MSZIP: 'CK'
    and an independent deflate stream per block (no history is needed)."""
    out = []
    chunks = [data[i:i + CAB_BLOCK] for i in range(0, len(data), CAB_BLOCK)] or [b""]
    for ch in chunks:
        if compress == CAB_MSZIP:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            ab = b"CK" + c.compress(ch) + c.flush()
        else:
            ab = ch
        sizes = struct.pack("<HH", len(ab), len(ch))
        csum = cab_checksum(sizes, cab_checksum(ab)) if checksum else 0
        out.append(struct.pack("<I", csum) + sizes + ab)
    return out


def cab_archive(folders, checksum=True, set_id=0x4C53):
    """folders: [(typeCompress, [(name bytes, data, attribs), ...]), ...].
    Names use '\\' as the separator, as Windows makes them."""
    nfiles = sum(len(f[1]) for f in folders)
    hdr_len, fold_len = 36, 8 * len(folders)
    files_blob = b""
    folders_data = []
    for fi, (comp, members) in enumerate(folders):
        off = 0
        for name, data, attr in members:
            files_blob += struct.pack("<IIHHHH", len(data), off, fi, DOS_DATE, DOS_TIME,
                                      attr) + name + b"\0"
            off += len(data)
        folders_data.append(cab_data_blocks(b"".join(m[1] for m in members), comp, checksum))
    coff_files = hdr_len + fold_len
    pos = coff_files + len(files_blob)
    folder_blob = b""
    data_blob = b""
    for (comp, _), blocks in zip(folders, folders_data):
        folder_blob += struct.pack("<IHH", pos, len(blocks), comp)
        for b in blocks:
            data_blob += b
            pos += len(b)
    total = pos
    head = struct.pack("<4sIIIIIBBHHHHH", b"MSCF", 0, total, 0, coff_files, 0, 3, 1,
                       len(folders), nfiles, 0, set_id, 0)
    out = head + folder_blob + files_blob + data_blob
    assert len(out) == total
    return out


def big_text(tag, n):
    """n bytes of varied text with the tag's PII near the end (so it lies past
    the first 32 KiB CFDATA block)."""
    lines = []
    i = 0
    while sum(len(x) for x in lines) < n:
        lines.append(b"line %06d filler %08x lorem ipsum dolor sit amet\n" % (i, (i * 2654435761) & 0xFFFFFFFF))
        i += 1
    return b"".join(lines)[:n] + pii(tag)


def cab_main():
    """Two folders: one stored (two files), one MSZIP (a file in a
    subdirectory spanning several CFDATA blocks, a UTF-8 name)."""
    return cab_archive([
        (CAB_NONE, [(b"report.txt", pii("cab.top"), 0x20),
                    (b"notes.txt", b"nothing to see here\r\n", 0x20)]),
        (CAB_MSZIP, [(b"hr\\staff.txt", big_text("cab.sub", 70000), 0x20),
                     ("donn\u00e9es.txt".encode(), pii("cab.utf8"), 0x20 | A_NAME_IS_UTF)]),
    ])


def cab_unsupported():
    """Folder 0 compressed with Quantum (typeCompress 2), which libarchive
    does not implement; folder 1 stored."""
    good = cab_archive([(CAB_NONE, [(b"odd.bin", pii("cab.odd"), 0x20)]),
                        (CAB_NONE, [(b"plain.txt", pii("cab.plain"), 0x20)])])
    # patch folder 0's typeCompress (CFFOLDER at 36: coffCabStart, cCFData, typeCompress)
    return good[:42] + struct.pack("<H", 2 | (10 << 8)) + good[44:]


# ------------------------------------------------------------------ LHA

def crc16(data, crc=0):
    """CRC-16/ARC (poly 0xA001 reflected), LHA's data and header CRC."""
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def lha_level0(name, data, method=b"-lh0-", packed=None):
    body = data if packed is None else packed
    h = (method + struct.pack("<IIIBB", len(body), len(data), DOS_DT, 0x20, 0) +
         bytes([len(name)]) + name + struct.pack("<H", crc16(data)))
    return bytes([len(h), sum(h) & 0xFF]) + h + body


def lha_ext1(etype, payload):
    """Level 1/2 extended header: type + payload + next header size (filled
    by the caller's chaining)."""
    return bytes([etype]) + payload


def _chain_ext(exts, size_bytes=2):
    """Serialise extended headers: each is type+payload followed by the size
    of the next one (0 after the last)."""
    out = b""
    for i, e in enumerate(exts):
        nxt = len(exts[i + 1]) + size_bytes if i + 1 < len(exts) else 0
        out += e + struct.pack("<H", nxt)
    first = len(exts[0]) + size_bytes if exts else 0
    return first, out


def lha_level1(name, data, directory=None, method=b"-lh0-", packed=None):
    """Level 1: base header with the file name, extended headers after it
    (directory name ext 0x02, '\\xff' separated)."""
    body = data if packed is None else packed
    exts = []
    if directory:
        exts.append(lha_ext1(0x02, directory.replace(b"/", b"\xff") + b"\xff"))
    first, ext_blob = _chain_ext(exts)
    h = (method + struct.pack("<IIIBB", len(body) + len(ext_blob), len(data), DOS_DT, 0x20, 1) +
         bytes([len(name)]) + name + struct.pack("<H", crc16(data)) + b"U" +
         struct.pack("<H", first))
    return bytes([len(h), sum(h) & 0xFF]) + h + ext_blob + body


def lha_level2(name, data, directory=None, method=b"-lh0-", packed=None):
    """Level 2: 2-byte total header size, extended headers 0x00 (header
    CRC16), 0x01 (file name), 0x02 (directory name)."""
    body = data if packed is None else packed
    exts = [lha_ext1(0x00, b"\0\0")]
    if name:
        exts.append(lha_ext1(0x01, name))
    if directory:
        exts.append(lha_ext1(0x02, directory.replace(b"/", b"\xff") + b"\xff"))
    first, ext_blob = _chain_ext(exts)
    fixed_len = 26
    total = fixed_len + len(ext_blob)
    h = (struct.pack("<H", total) + method + struct.pack("<IIIBB", len(body), len(data),
                                                          UNIX_TIME, 0x20, 2) +
         struct.pack("<H", crc16(data)) + b"U" + struct.pack("<H", first) + ext_blob)
    assert len(h) == total
    # the common header (first ext, right after the fixed part) holds the CRC
    # of the whole header computed with that field zero
    hc = crc16(h)
    h = h[:fixed_len + 1] + struct.pack("<H", hc) + h[fixed_len + 3:]
    return h + body


def lha_archive(entries):
    return b"".join(entries) + b"\0"


def lha_main(lh5=True):
    """Every header level; stored members, a directory (-lhd-), a member in a
    subdirectory, and -lh5- members (literal-only static Huffman)."""
    ents = [
        lha_level0(b"report0.txt", pii("lha.l0")),
        lha_level1(b"report1.txt", pii("lha.l1")),
        lha_level2(b"report2.txt", pii("lha.l2")),
        lha_level2(b"", b"", directory=b"hr", method=b"-lhd-"),
        lha_level2(b"staff.txt", pii("lha.sub"), directory=b"hr"),
        lha_level1(b"deep.txt", pii("lha.l1sub"), directory=b"hr/deep"),
    ]
    if lh5:
        d = big_text("lha.lh5", 20000)
        ents.append(lha_level2(b"packed.txt", d, method=b"-lh5-", packed=lh5_encode(d)))
        d = pii("lha.lh5small")
        ents.append(lha_level1(b"small5.txt", d, method=b"-lh5-", packed=lh5_encode(d)))
    return lha_archive(ents)


def lha_unsupported():
    """A stored member, one with LArc's -lz5- method (level 0 header, as LArc
    writes it; libarchive recognises the method and says "Unsupported lzh
    compression method"), then another stored member."""
    return lha_archive([
        lha_level2(b"first.txt", pii("lha.first")),
        lha_level0(b"odd.bin", pii("lha.odd"), method=b"-lz5-",
                   packed=bytes((i * 37 + 11) & 0xFF for i in range(64))),
        lha_level2(b"plain.txt", pii("lha.plain")),
    ])


def larc_first():
    """An archive whose first member is LArc -lz5- (level 0): offset 2 holds
    "-lz5-", not "-lh?-"; libarchive's LHA bidder accepts it."""
    return lha_archive([
        lha_level0(b"odd.bin", pii("larc.odd"), method=b"-lz5-",
                   packed=bytes((i * 37 + 11) & 0xFF for i in range(64))),
        lha_level0(b"plain.txt", pii("larc.plain")),
    ])


# ---- -lh5-: a literal-only static-Huffman encoder -----------------------
#
# An -lh5- stream is a sequence of blocks: 16 bits of symbol count, then the
# code lengths of the "temp" (pt) code used to send the literal/length code
# lengths, those lengths (c_len, NC = 510 symbols), the position code lengths
# (NP = 14), then the symbols. All bit fields MSB first. This encoder only
# emits literals (symbols 0-255), one block, the Huffman codes built from
# the real frequencies with lengths limited to 16 (pt lengths to 7 so they
# fit the 3-bit + unary length code).

NC, NT, NP = 510, 19, 14
CBIT, TBIT, PBIT = 9, 5, 4


class _Bits:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def put(self, value, width):
        for i in range(width - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                self.acc = self.n = 0

    def done(self):
        if self.n:
            self.out.append(self.acc << (8 - self.n))
            self.acc = self.n = 0
        return bytes(self.out)


def _huff_lengths(freq, limit):
    """Code lengths (list) for the symbols with freq > 0, limited to limit
    bits (package-merge would be exact; halving frequencies until the tree
    fits is simple and correct)."""
    import heapq
    f = list(freq)
    while True:
        syms = [i for i, x in enumerate(f) if x > 0]
        lens = [0] * len(f)
        if len(syms) == 1:
            lens[syms[0]] = 1
            return lens
        heap = [(f[i], i, (i,)) for i in syms]
        heapq.heapify(heap)
        tie = len(f)
        while len(heap) > 1:
            a = heapq.heappop(heap)
            b = heapq.heappop(heap)
            for s in a[2] + b[2]:
                lens[s] += 1
            tie += 1
            heapq.heappush(heap, (a[0] + b[0], tie, a[2] + b[2]))
        if max(lens) <= limit:
            return lens
        f = [(x + 1) // 2 if x > 0 else 0 for x in f]


def _canon_codes(lens):
    """Canonical codes as LHA's make_table builds them: by length, then
    symbol order."""
    codes = [0] * len(lens)
    code = 0
    for ln in range(1, 17):
        for s, l in enumerate(lens):
            if l == ln:
                codes[s] = code
                code += 1
        code <<= 1
    return codes


def _put_pt_len(bits, lens, nbit, special):
    """Send a pt-style length table: count in nbit bits, then each length in
    3 bits (7 and over: 111 followed by ones and a zero), and after the
    special-th (3rd for the temp table) a 2-bit count of zeros to skip."""
    n = len(lens)
    while n > 0 and lens[n - 1] == 0:
        n -= 1
    bits.put(n, nbit)
    i = 0
    while i < n:
        k = lens[i]
        if k <= 6:
            bits.put(k, 3)
        else:
            bits.put((1 << (k - 3)) - 2, k - 3)
        i += 1
        if i == special:
            z = 0
            while i < n and lens[i] == 0 and z < 3:
                i += 1
                z += 1
            bits.put(z, 2)


def lh5_encode(data):
    """Compress data as -lh5- with literals only (no back references)."""
    bits = _Bits()
    block = 65535
    for start in range(0, len(data), block):
        chunk = data[start:start + block]
        freq = [0] * NC
        for b in chunk:
            freq[b] += 1
        used = [i for i in range(NC) if freq[i]]
        bits.put(len(chunk), 16)
        if len(used) == 1:
            # single-symbol block: empty temp table (value 0), c table with
            # count 0 and the symbol itself
            bits.put(0, TBIT)
            bits.put(0, TBIT)
            bits.put(0, CBIT)
            bits.put(used[0], CBIT)
            clen = None
        else:
            clen = _huff_lengths(freq, 16)
            # c_len is sent with the temp code: symbols 0 = one zero,
            # 1 = 3..18 zeros (4 bits), 2 = 20.. zeros (9 bits), k+2 = length k
            n = NC
            while n > 0 and clen[n - 1] == 0:
                n -= 1
            tokens = []
            i = 0
            while i < n:
                if clen[i] == 0:
                    z = 0
                    while i < n and clen[i] == 0:
                        i += 1
                        z += 1
                    while z > 0:
                        if z <= 2:
                            tokens.append((0, None))
                            z -= 1
                        elif z <= 18:
                            tokens.append((1, z - 3))
                            z = 0
                        elif z == 19:
                            tokens.append((0, None))
                            tokens.append((1, 15))
                            z = 0
                        else:
                            take = min(z, 20 + 511)
                            tokens.append((2, take - 20))
                            z -= take
                else:
                    tokens.append((clen[i] + 2, None))
                    i += 1
            tfreq = [0] * NT
            for t, _ in tokens:
                tfreq[t] += 1
            tused = [i for i in range(NT) if tfreq[i]]
            if len(tused) == 1:
                bits.put(0, TBIT)
                bits.put(tused[0], TBIT)
                tcodes = None
            else:
                tlen = _huff_lengths(tfreq, 16)
                _put_pt_len(bits, tlen, TBIT, 3)
                tcodes = _canon_codes(tlen)
            bits.put(n, CBIT)
            for t, extra in tokens:
                if tcodes is not None:
                    bits.put(tcodes[t], tlen[t])
                if t == 1:
                    bits.put(extra, 4)
                elif t == 2:
                    bits.put(extra, CBIT)
        # position table: no matches, so a single-symbol (0) empty table
        bits.put(0, PBIT)
        bits.put(0, PBIT)
        if clen is not None:
            ccodes = _canon_codes(clen)
            for b in chunk:
                bits.put(ccodes[b], clen[b])
    return bits.done()


# ------------------------------------------------------------------ fixtures

def truncated(b, keep=None):
    return b[:keep if keep is not None else len(b) * 2 // 3]


def fixtures():
    """{file name: bytes} for every fixture."""
    r4, r5, cab, lha = rar4_main(), rar5_main(), cab_main(), lha_main()
    return {
        "main.rar": r4,
        "truncated.rar": truncated(r4),
        "unsupported.rar": rar4_unsupported(),
        "main5.rar": r5,
        "truncated5.rar": truncated(r5),
        "unsupported5.rar": rar5_unsupported(),
        "headenc5.rar": rar5_header_encrypted(),
        "main.cab": cab,
        "nocsum.cab": cab_archive([(CAB_MSZIP, [(b"a.txt", pii("cab.nocsum"), 0x20)])],
                                  checksum=False),
        "truncated.cab": truncated(cab, len(cab) // 2),
        "unsupported.cab": cab_unsupported(),
        "main.lzh": lha,
        "truncated.lzh": truncated(lha),
        "unsupported.lzh": lha_unsupported(),
        "larc.lzs": larc_first(),
    }


# What each main archive holds: chain name -> (kind, PII tag or None).
MEMBERS = {
    "main.rar": {"report.txt": ("file", "rar4.top"), "hr": ("dir", None),
                 "hr/staff.txt": ("file", "rar4.sub"), "secret.txt": ("encrypted", None),
                 "after.txt": ("file", "rar4.after")},
    "main5.rar": {"report.txt": ("file", "rar5.top"), "hr": ("dir", None),
                  "hr/staff.txt": ("file", "rar5.sub"), "secret.txt": ("encrypted", None),
                  "donn\u00e9es.txt": ("file", "rar5.utf8"), "after.txt": ("file", "rar5.after")},
    "main.cab": {"report.txt": ("file", "cab.top"), "notes.txt": ("file", None),
                 "hr/staff.txt": ("file", "cab.sub"), "donn\u00e9es.txt": ("file", "cab.utf8")},
    "main.lzh": {"report0.txt": ("file", "lha.l0"), "report1.txt": ("file", "lha.l1"),
                 "report2.txt": ("file", "lha.l2"), "hr/": ("dir", None),
                 "hr/staff.txt": ("file", "lha.sub"), "hr/deep/deep.txt": ("file", "lha.l1sub"),
                 "packed.txt": ("file", "lha.lh5"), "small5.txt": ("file", "lha.lh5small")},
}


def build(outdir):
    os.makedirs(outdir, exist_ok=True)
    out = {}
    for name, data in fixtures().items():
        p = os.path.join(outdir, name)
        with open(p, "wb") as f:
            f.write(data)
        out[name] = p
    return out


def corpus(outdir):
    """Small fuzz seeds (each well under 64 KiB)."""
    os.makedirs(outdir, exist_ok=True)
    seeds = {
        "rar4_store.rar": rar4_main(),
        "rar4_unsupported.rar": rar4_unsupported(),
        "rar5_store.rar": rar5_main(),
        "rar5_headenc.rar": rar5_header_encrypted(),
        "cab_mszip.cab": cab_archive([
            (CAB_NONE, [(b"a.txt", pii("seed.a"), 0x20)]),
            (CAB_MSZIP, [(b"d\\b.txt", pii("seed.b") * 4, 0x20)])]),
        "lha_levels.lzh": lha_main(lh5=False),
        "lha_lh5.lzh": lha_archive([lha_level2(b"p.txt", pii("seed.p") * 8, method=b"-lh5-",
                                               packed=lh5_encode(pii("seed.p") * 8))]),
    }
    for name, data in seeds.items():
        assert len(data) <= 64 << 10, name
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    return sorted(seeds)


def main(argv):
    if len(argv) == 3 and argv[1] == "--corpus":
        for n in corpus(argv[2]):
            print(n)
        return 0
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    for name, path in sorted(build(argv[1]).items()):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
