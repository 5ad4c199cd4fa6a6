#!/usr/bin/env python3
"""A small writer of valid Unicode PST files ([MS-PST], Outlook Personal
Folders), Python 3 standard library only, for leaksift's tests and fuzz seeds.

Written from the [MS-PST] open specification:
  NDB layer  (2.2): HEADER + ROOT (2.2.2.6), CRC (5.3), block signature (5.5),
             data blocks with BLOCKTRAILER, XBLOCK for data over one block,
             SLBLOCK subnode trees, BBT/NBT B-trees in BTPAGEs, AMap and PMap
             pages, NDB_CRYPT_NONE or NDB_CRYPT_PERMUTE (5.1).
  LTP layer  (2.3): Heap-on-Node (one block per heap), BTH, Property Context,
             Table Context (row index BTH, row matrix, cell existence bitmap).
  Messaging  (2.4): message store (NID 0x21), root folder (0x122) and folders
             with hierarchy / contents / associated-contents tables, messages
             with recipient and attachment tables, attachments by value
             (method 1) and embedded messages (method 5, PtypObject).

Search folders ([MS-PST] 2.4.8: a node of type 0x03 under its parent
folder, whose PC names it; Outlook keeps them under "Search Root") are
written without their search criteria and update queues. Not written: the
name-to-id map (libpff treats it as optional), search queues, the density list, multi-block heaps (a value that does
not fit a heap item goes to a subnode, as the spec prescribes; a folder's
tables must fit one heap block: a few dozen messages per folder), XXBLOCKs
(one node's data is at most ~8 MiB), FMap/FPMap pages (stores are at most
128 AMap ranges, ~31 MiB; build() raises ValueError beyond).

    import gen_pst
    gen_pst.build("x.pst", gen_pst.default_spec())
    gen_pst.build("y.pst", gen_pst.default_spec(), crypt="permute")

Message bodies: plain (PidTagBody), HTML (PidTagHtml), compressed RTF
(PidTagRtfCompressed, LZFu with literals only, [MS-OXRTFCP]).

Checked with two independent readers: libpff (pffinfo, pffexport) and
libpst (readpst) list and export every folder, message, body and
attachment of default_spec(), in both encodings.

CLI: python3 gen_pst.py OUT.pst [--permute] [--big | --mini | --bulk]
"""
import io
import struct
import sys
import zipfile
import zlib

# ---------------------------------------------------------------- constants

BLOCK_MAX = 8176          # bytes of data in one Unicode block (8192 - trailer)
HEAP_ITEM_MAX = 3580      # largest heap allocation; larger values go to subnodes
PAGE = 512
AMAP_FIRST = 0x4400
PMAP_FIRST = 0x4600
DATA_FIRST = 0x4800
AMAP_SPAN = 496 * 8 * 64  # bytes one AMap page maps

NID_MESSAGE_STORE = 0x21
NID_ROOT_FOLDER = 0x122
NID_ATTACHMENT_TABLE = 0x671
NID_RECIPIENT_TABLE = 0x692

T_FOLDER, T_SEARCH, T_MESSAGE, T_ATTACH = 0x02, 0x03, 0x04, 0x05
T_HIER, T_CONTENTS, T_ASSOC, T_LTP = 0x0D, 0x0E, 0x0F, 0x1F

PT_I16, PT_I32, PT_BOOL, PT_I64, PT_TIME = 0x0002, 0x0003, 0x000B, 0x0014, 0x0040
PT_STR, PT_BIN, PT_OBJ = 0x001F, 0x0102, 0x000D

# a fixed FILETIME (2026-03-02 10:00 UTC) so output is reproducible
FILETIME = (1772445600 + 11644473600) * 10000000
STORE_UID = bytes(range(0x10, 0x20))


def nid(index, ntype):
    return (index << 5) | ntype


# ---------------------------------------------------------------- checksums

def crc(data):
    """[MS-PST] 5.3: the reflected CRC-32 table, initial value 0, no final
    inversion; zlib's crc32 with both inversions undone."""
    return zlib.crc32(data, 0xFFFFFFFF) ^ 0xFFFFFFFF


def sig(ib, bid):
    """[MS-PST] 5.5 block / page signature."""
    v = (ib ^ bid) & 0xFFFFFFFF
    return ((v >> 16) ^ v) & 0xFFFF


def _permute_table():
    """NDB_CRYPT_PERMUTE ([MS-PST] 5.1): a fixed byte substitution. Encoding
    uses the first 256 bytes of the spec's mpbbCrypt (mpbbR); readers decode
    with its inverse (mpbbI)."""
    t = bytes.fromhex(
        "41361362a8216ebbf416cc047f64e85d"
        "1ef2cb2a74c55e35d295479e962d9a88"
        "4c7d843fdbac31b6485ff6c4d8398be7"
        "233b388ec8c1df25b120a546604e9cfb"
        "aad35651457c550007c92b9d859b09a0"
        "8fadb30f63ab894bd7a7155a716642bf"
        "264a6b98faea7753b270052cfd593a86"
        "7ece06eb827857c78d43afb41cd45bcd"
        "e2e9274fc3087280cfb0eff5286dbe30"
        "4d3492d50e3c2232e5e4f99fc2d10a81"
        "12e1ee918376e397e6618a1779a4b7dc"
        "907a5c8c02a6ca69de501a1193b95287"
        "58fced1d37491b6ae0293399bd6cd994"
        "f340546ff0c673b8d63e6518441fdd67"
        "10f10c19ecae03a1147ba90bfff8a3c0"
        "a201f72ebc2468750dfeba2fb5d0da3d")
    assert sorted(t) == list(range(256))
    return t


PERMUTE = _permute_table()


# ---------------------------------------------------------------- LTP: heap

class Heap:
    """Heap-on-Node ([MS-PST] 2.3.1), kept to one block."""

    def __init__(self, client_sig):
        self.client_sig = client_sig
        self.items = []

    def alloc(self, data):
        if len(data) > HEAP_ITEM_MAX:
            raise ValueError("heap item over %d bytes" % HEAP_ITEM_MAX)
        self.items.append(bytes(data))
        return len(self.items) << 5  # hidType 0, hidIndex 1-based, block 0

    def build(self, hid_root):
        body = bytearray()
        offs = []
        pos = 12
        for it in self.items:
            offs.append(pos)
            body += it
            pos += len(it)
        offs.append(pos)
        if pos % 2:
            body += b"\0"
            pos += 1
        pagemap = struct.pack("<HH", len(self.items), 0) + b"".join(struct.pack("<H", o) for o in offs)
        head = struct.pack("<HBBII", pos, 0xEC, self.client_sig, hid_root, 0)
        out = head + bytes(body) + pagemap
        if len(out) > BLOCK_MAX:
            raise ValueError("heap over one block (%d bytes)" % len(out))
        return out


def bth(heap, key_size, ent_size, records):
    """A one-level BTH ([MS-PST] 2.3.2); records: [(key bytes, data bytes)]."""
    root = 0
    if records:
        leaf = b"".join(k + d for k, d in sorted(records))
        root = heap.alloc(leaf)
    return heap.alloc(struct.pack("<BBBBI", 0xB5, key_size, ent_size, 0, root))


class SubnodeAlloc:
    """Hands out subnode NIDs (type LTP) for values too large for a heap."""

    def __init__(self, subs):
        self.subs = subs
        self.next = 0x100

    def add(self, data):
        self.next += 1
        n = nid(self.next, T_LTP)
        self.subs[n] = Node(data)
        return n


def store_value(heap, sub, data):
    """HNID of a variable-size value: a heap item, or a subnode if large."""
    if len(data) <= HEAP_ITEM_MAX:
        return heap.alloc(data)
    return sub.add(data)


def encode_value(ptype, value):
    if ptype == PT_STR:
        return value.encode("utf-16-le")
    if ptype in (PT_I64, PT_TIME):
        return struct.pack("<q", value)
    return bytes(value)


def build_pc(props, subs):
    """Property Context ([MS-PST] 2.3.3): props [(propid, ptype, value)];
    large values become subnodes in subs. Returns the heap bytes."""
    heap = Heap(0xBC)
    sub = SubnodeAlloc(subs)
    recs = []
    for pid, ptype, value in props:
        if ptype in (PT_I32,):
            v = struct.pack("<i", value)
        elif ptype == PT_I16:
            v = struct.pack("<hH", value, 0)
        elif ptype == PT_BOOL:
            v = struct.pack("<BBH", 1 if value else 0, 0, 0)
        elif ptype == PT_OBJ:
            v = struct.pack("<I", heap.alloc(struct.pack("<II", value[0], value[1])))
        else:
            v = struct.pack("<I", store_value(heap, sub, encode_value(ptype, value)))
        recs.append((struct.pack("<H", pid), struct.pack("<H", ptype) + v))
    root = bth(heap, 2, 6, recs)
    return heap.build(root)


def mv_value(values):
    """A multi-valued variable-size property's bytes ([MS-PST] 2.3.3.4.2):
    the count, each value's offset from the start, the values."""
    off = 4 + 4 * len(values)
    head, offs = struct.pack("<I", len(values)), b""
    for v in values:
        offs += struct.pack("<I", off)
        off += len(v)
    return head + offs + b"".join(values)


def cell_size(ptype):
    return {PT_I16: 2, PT_BOOL: 1, PT_I64: 8, PT_TIME: 8}.get(ptype, 4)


def build_tc(columns, rows, subs):
    """Table Context ([MS-PST] 2.3.4). columns: [(propid, ptype)] without the
    row id / row version columns (added here); rows: [{"id": row id,
    propid: value, ...}]. Returns the heap bytes."""
    cols = [(0x67F2, PT_I32), (0x67F3, PT_I32)] + list(columns)
    ibit = {c[0]: i for i, c in enumerate(cols)}
    # 8- and 4-byte cells first (row id at 0, row version at 4), then 2, then 1
    order = cols[:2] + sorted(cols[2:], key=lambda c: -cell_size(c[1]))
    layout = {}
    pos = 0
    ends = {}
    for pid, ptype in order:
        layout[pid] = pos
        pos += cell_size(ptype)
        ends[cell_size(ptype)] = pos
    tci_4b = max([ends.get(8, 0), ends.get(4, 0)])
    tci_2b = max(tci_4b, ends.get(2, 0))
    tci_1b = max(tci_2b, ends.get(1, 0))
    ceb = (len(cols) + 7) // 8
    row_size = tci_1b + ceb
    heap = Heap(0x7C)
    sub = SubnodeAlloc(subs)
    matrix = bytearray()
    index = []
    for r, row in enumerate(rows):
        cells = bytearray(row_size)
        vals = dict(row)
        vals[0x67F2] = row["id"]
        vals[0x67F3] = row.get("ver", 1)
        for pid, ptype in cols:
            if pid not in vals:
                continue
            value = vals[pid]
            if ptype == PT_I32:
                raw = struct.pack("<i", value)
            elif ptype == PT_I16:
                raw = struct.pack("<h", value)
            elif ptype == PT_BOOL:
                raw = bytes([1 if value else 0])
            elif ptype in (PT_I64, PT_TIME):
                raw = struct.pack("<q", value)
            else:
                raw = struct.pack("<I", store_value(heap, sub, encode_value(ptype, value)))
            at = layout[pid]
            cells[at:at + len(raw)] = raw
            b = ibit[pid]
            cells[tci_1b + b // 8] |= 0x80 >> (b % 8)
        matrix += cells
        index.append((struct.pack("<I", row["id"]), struct.pack("<I", r)))
    rows_hnid = 0
    if len(matrix) > BLOCK_MAX:
        raise ValueError("row matrix over one block (rows would have to be laid out per block)")
    if matrix:
        rows_hnid = store_value(heap, sub, bytes(matrix))
    hid_index = bth(heap, 4, 4, index)
    coldesc = b"".join(struct.pack("<IHBB", (pid << 16) | ptype, layout[pid], cell_size(ptype), ibit[pid])
                       for pid, ptype in sorted(cols))
    info = struct.pack("<BB4HIII", 0x7C, len(cols), tci_4b, tci_2b, tci_1b, row_size,
                       hid_index, rows_hnid, 0) + coldesc
    root = heap.alloc(info)
    return heap.build(root)


# ---------------------------------------------------------------- NDB nodes

class Node:
    """A node's data and its subnodes ({nid: Node})."""

    def __init__(self, data, subs=None):
        self.data = data
        self.subs = subs if subs is not None else {}


def btree_pages(entries, leaf_size):
    """Pages a B-tree of that many entries takes (as Store._btree lays it)."""
    total = 0
    per = 488 // leaf_size
    while True:
        pages = max(1, (entries + per - 1) // per)
        total += pages
        if pages == 1:
            return total
        entries = pages
        per = 488 // 24


class Store:
    """Collects top-level nodes, then lays out blocks and pages."""

    def __init__(self, crypt):
        self.crypt = crypt
        self.nodes = []        # (nid, Node, parent nid)
        self.blocks = []       # (bid, stored bytes)
        self.next_bid = 1      # index; external bid = idx*4, internal = idx*4+2
        self.next_page = 1
        self.layout = {"blocks": {}, "nodes": {}}  # bid -> (ib, size); nid -> data bid
        self.btree_first = False  # B-tree pages before the data blocks
        self.reserved = []        # page offsets set aside for them

    def add(self, n, node, parent=0):
        self.nodes.append((n, node, parent))

    def _bid(self, internal):
        b = self.next_bid * 4 + (2 if internal else 0)
        self.next_bid += 1
        return b

    def _data_block(self, raw):
        if self.crypt == "permute":
            raw = raw.translate(PERMUTE)
        bid = self._bid(False)
        self.blocks.append((bid, raw))
        return bid

    def _write_data(self, data):
        """Data tree of a node: one block, or an XBLOCK over several."""
        if len(data) <= BLOCK_MAX:
            return self._data_block(data)
        bids = [self._data_block(data[i:i + BLOCK_MAX]) for i in range(0, len(data), BLOCK_MAX)]
        if len(bids) > BLOCK_MAX // 8:
            raise ValueError("node data needs an XXBLOCK (over %d bytes)" % (BLOCK_MAX // 8 * BLOCK_MAX))
        x = struct.pack("<BBHI", 0x01, 0x01, len(bids), len(data)) + b"".join(struct.pack("<Q", b) for b in bids)
        bid = self._bid(True)
        self.blocks.append((bid, x))
        return bid

    def _write_subs(self, subs):
        """SLBLOCK ([MS-PST] 2.2.2.8.3.3.1) for a node's subnodes, or 0."""
        if not subs:
            return 0
        ents = []
        for n in sorted(subs):
            sn = subs[n]
            ents.append(struct.pack("<QQQ", n, self._write_data(sn.data), self._write_subs(sn.subs)))
        if len(ents) > BLOCK_MAX // 24:
            raise ValueError("too many subnodes for one SLBLOCK")
        sl = struct.pack("<BBHI", 0x02, 0x00, len(ents), 0) + b"".join(ents)
        bid = self._bid(True)
        self.blocks.append((bid, sl))
        return bid

    def _page_bid(self):
        b = self.next_page
        self.next_page += 1
        return b

    def build(self):
        nbt = []
        for n, node, parent in self.nodes:
            nbt.append((n, self._write_data(node.data), self._write_subs(node.subs), parent))
        nbt.sort()
        self.layout["nodes"] = {n: bd for n, bd, _, _ in nbt}
        out = bytearray(DATA_FIRST)
        self.alloc = []
        self._map_room(out, 0)
        if self.btree_first:
            pages = btree_pages(len(nbt), 32) + btree_pages(len(self.blocks), 24)
            self.reserved = [self._place(out, PAGE, PAGE) for _ in range(pages)]
        bbt = []
        for bid, raw in self.blocks:
            size = (len(raw) + 16 + 63) // 64 * 64
            ib = self._place(out, size, 64)
            blk = bytearray(size)
            blk[:len(raw)] = raw
            blk[size - 16:] = struct.pack("<HHIQ", len(raw), sig(ib, bid), crc(raw), bid)
            out[ib:ib + size] = blk
            bbt.append((bid, ib, len(raw)))
            self.layout["blocks"][bid] = (ib, size)
        bbt.sort()
        leaf_bbt = [(b, struct.pack("<QQHHI", b, ib, cb, 2, 0)) for b, ib, cb in bbt]
        leaf_nbt = [(n, struct.pack("<QQQII", n, bd, bs, p, 0)) for n, bd, bs, p in nbt]
        nbt_root = self._btree(out, leaf_nbt, 0x81, 32)
        bbt_root = self._btree(out, leaf_bbt, 0x80, 24)
        self.layout["nbt_root"] = nbt_root
        self.layout["bbt_root"] = bbt_root
        amap_last, amap_free = self._maps(out)
        self._header(out, len(out), nbt_root, bbt_root, amap_last, amap_free)
        return bytes(out)

    def _map_room(self, out, k):
        """Reserve AMap range k's map pages: its AMap, and a PMap after every
        8th AMap ([MS-PST] 2.2.2.7.2-3). FMaps start at range 128: refused."""
        if k >= 128:
            raise ValueError("store over 128 AMap ranges (~31 MiB) would need FMap pages")
        ib = AMAP_FIRST + k * AMAP_SPAN
        pages = [ib] + ([ib + PAGE] if k % 8 == 0 else [])
        end = pages[-1] + PAGE
        if len(out) < end:
            out += bytes(end - len(out))
        for p in pages:
            self.alloc.append((p, PAGE))
        return end

    def _place(self, out, size, align):
        """Allocate size bytes at the end of the file, aligned, never over
        the next AMap range's map pages."""
        ib = (len(out) + align - 1) // align * align
        k = (ib - AMAP_FIRST) // AMAP_SPAN
        if ib + size > AMAP_FIRST + (k + 1) * AMAP_SPAN:
            ib = self._map_room(out, k + 1)
        if len(out) < ib + size:
            out += bytes(ib + size - len(out))
        self.alloc.append((ib, size))
        return ib

    def _btree(self, out, entries, ptype, leaf_size):
        """Write a B-tree bottom-up; returns the root BREF (bid, ib)."""
        level = 0
        size = leaf_size
        while True:
            per = 488 // size
            groups = [entries[i:i + per] for i in range(0, len(entries), per)] or [[]]
            parents = []
            for g in groups:
                bid = self._page_bid()
                ib = self.reserved.pop(0) if self.reserved else self._place(out, PAGE, PAGE)
                body = bytearray(496)
                raw = b"".join(e for _, e in g)
                body[:len(raw)] = raw
                body[488:492] = bytes([len(g), per, size, level])
                out[ib:ib + PAGE] = bytes(body) + struct.pack("<BBHIQ", ptype, ptype, sig(ib, bid),
                                                             crc(bytes(body)), bid)
                key = g[0][0] if g else 0
                parents.append((key, struct.pack("<QQQ", key, bid, ib), (bid, ib)))
            if len(parents) == 1:
                return parents[0][2]
            entries = [(k, e) for k, e, _ in parents]
            level += 1
            size = 24

    def _maps(self, out):
        """Fill every AMap (one bit per 64 bytes in use) and PMap (all set:
        deprecated). Returns (offset of the last AMap, free bytes)."""
        ranges = (len(out) - AMAP_FIRST + AMAP_SPAN - 1) // AMAP_SPAN
        amaps = [bytearray(496) for _ in range(ranges)]
        used = 0
        for ib, size in self.alloc:
            for slot in range((ib - AMAP_FIRST) // 64, (ib - AMAP_FIRST + size) // 64):
                k, bit = divmod(slot, 496 * 8)
                amaps[k][bit // 8] |= 0x80 >> (bit % 8)
            used += size
        for k, amap in enumerate(amaps):
            ib = AMAP_FIRST + k * AMAP_SPAN
            self._map_page(out, ib, bytes(amap), 0x84)
            if k % 8 == 0:
                self._map_page(out, ib + PAGE, b"\xff" * 496, 0x83)
        return AMAP_FIRST + (ranges - 1) * AMAP_SPAN, ranges * AMAP_SPAN - used

    @staticmethod
    def _map_page(out, ib, body, ptype):
        out[ib:ib + PAGE] = body + struct.pack("<BBHIQ", ptype, ptype, 0, crc(body), ib)

    def _header(self, out, eof, nbt_root, bbt_root, amap_last, amap_free):
        h = bytearray(564)
        h[0:4] = b"!BDN"
        struct.pack_into("<HHHBB", h, 8, 0x4D53, 23, 19, 1, 1)
        struct.pack_into("<Q", h, 24, 0)                       # bidUnused
        struct.pack_into("<Q", h, 32, self.next_page + 1)      # bidNextP
        struct.pack_into("<I", h, 40, 0x100)                   # dwUnique
        for i in range(32):                                    # rgnid[]: next free index per type
            struct.pack_into("<I", h, 44 + 4 * i, 0x4000)
        root = struct.pack("<IQQQQQQQQBBH", 0, eof, amap_last, amap_free, 0,
                           nbt_root[0], nbt_root[1], bbt_root[0], bbt_root[1], 2, 0, 0)
        h[180:180 + 72] = root
        h[256:384] = b"\xff" * 128                             # rgbFM (deprecated)
        h[384:512] = b"\xff" * 128                             # rgbFP (deprecated)
        h[512] = 0x80
        h[513] = 1 if self.crypt == "permute" else 0
        struct.pack_into("<Q", h, 516, self.next_bid * 4 + 4)  # bidNextB
        struct.pack_into("<I", h, 4, crc(bytes(h[8:8 + 471])))
        struct.pack_into("<I", h, 524, crc(bytes(h[8:8 + 516])))
        out[0:564] = h


# ---------------------------------------------------------------- messaging

RTF_PRELOAD = 207  # length of [MS-OXRTFCP]'s initial dictionary string


def rtf_compressed(rtf):
    """PidTagRtfCompressed ([MS-OXRTFCP] 2.1.3): COMPTYPE "LZFu", every
    token a literal (control byte 0 before each 8), then the end marker (a
    reference to the dictionary's write position); the CRC is the PST one
    over the compressed bytes."""
    body = bytearray()
    for i in range(0, len(rtf), 8):
        chunk = rtf[i:i + 8]
        ctl = 0
        if len(chunk) < 8:
            ctl = 1 << len(chunk)  # the end marker follows in this run
        body += bytes([ctl]) + chunk
        if len(chunk) < 8:
            break
    else:
        body += b"\x01"
    body += struct.pack(">H", ((RTF_PRELOAD + len(rtf)) % 4096) << 4)
    return struct.pack("<IIII", len(body) + 12, len(rtf), 0x75465A4C, crc(bytes(body))) + bytes(body)


def entry_id(n):
    """A store entry id of a folder: flags, provider uid, NID."""
    return b"\0\0\0\0" + STORE_UID + struct.pack("<I", n)


HIER_COLS = [(0x3001, PT_STR), (0x3602, PT_I32), (0x3603, PT_I32), (0x360A, PT_BOOL)]
CONTENTS_COLS = [(0x0037, PT_STR), (0x001A, PT_STR), (0x0E07, PT_I32), (0x0042, PT_STR),
                 (0x0E06, PT_TIME), (0x0E08, PT_I32)]
RECIP_COLS = [(0x0C15, PT_I32), (0x3001, PT_STR), (0x3002, PT_STR), (0x3003, PT_STR),
              (0x39FE, PT_STR)]
ATTACH_COLS = [(0x0E20, PT_I32), (0x3704, PT_STR), (0x3705, PT_I32), (0x3707, PT_STR),
               (0x370B, PT_I32)]


class Builder:
    def __init__(self, crypt):
        self.store = Store(crypt)
        self.next_folder = 0x400
        self.next_msg = 0x10000 >> 5
        self.subjects = {}  # subject of a top-level message -> its NID

    def folder_nid(self):
        self.next_folder += 1
        return nid(self.next_folder, T_FOLDER)

    def message_nid(self):
        self.next_msg += 1
        return nid(self.next_msg, T_MESSAGE)

    def folder(self, fnid, parent, name, spec):
        """Folder PC plus its three tables; recurses into sub folders."""
        subfolders = [(self.folder_nid(), f) for f in spec.get("folders", [])]
        messages = [(self.message_nid(), m) for m in spec.get("messages", [])]
        # "search_folders": names of search folders under this one (they hold
        # no messages of their own: their results point at other folders')
        searches = [(nid(self.next_folder + 1 + i, T_SEARCH), s) for i, s in enumerate(spec.get("search_folders", []))]
        self.next_folder += len(searches)
        props = [(0x3001, PT_STR, name), (0x3602, PT_I32, len(messages)), (0x3603, PT_I32, 0),
                 (0x360A, PT_BOOL, bool(subfolders or searches)), (0x3613, PT_STR, spec.get("class", "IPF.Note"))]
        subs = {}
        self.store.add(fnid, Node(build_pc(props, subs), subs), parent)
        for sn, sname in searches:
            ssubs = {}
            self.store.add(sn, Node(build_pc([(0x3001, PT_STR, sname), (0x3602, PT_I32, 0)], ssubs), ssubs), fnid)
        hrows = [{"id": n, 0x3001: f["name"], 0x3602: len(f.get("messages", [])), 0x3603: 0,
                  0x360A: bool(f.get("folders"))} for n, f in subfolders]
        hrows += [{"id": n, 0x3001: sname, 0x3602: 0, 0x3603: 0, 0x360A: False} for n, sname in searches]
        crows = [{"id": n, 0x0037: m["subject"], 0x001A: m.get("class", "IPM.Note"), 0x0E07: self.msg_flags(m),
                  0x0042: m.get("sender_name", ""), 0x0E06: FILETIME, 0x0E08: 1024} for n, m in messages]
        for ntype, cols, rows in ((T_HIER, HIER_COLS, hrows), (T_CONTENTS, CONTENTS_COLS, crows),
                                  (T_ASSOC, [], [])):
            tsubs = {}
            self.store.add(fnid - T_FOLDER + ntype, Node(build_tc(cols, rows, tsubs), tsubs), 0)
        for n, m in messages:
            self.subjects[m["subject"]] = n
            # "orphan_parent": a test hook, the NID of a folder that does not exist
            self.store.add(n, self.message(m), m.get("orphan_parent", fnid))
        for n, f in subfolders:
            self.folder(n, fnid, f["name"], f)

    @staticmethod
    def msg_flags(m):
        return 0x01 | (0x10 if m.get("attachments") else 0)  # read, has attachments

    def message(self, m):
        """A message node: PC, recipient table, attachment table and one
        subnode per attachment (embedded messages nest the same way)."""
        subs = {}
        props = [(0x001A, PT_STR, m.get("class", "IPM.Note")), (0x0037, PT_STR, m["subject"]),
                 (0x0E07, PT_I32, self.msg_flags(m)), (0x0E08, PT_I32, 1024),
                 (0x0039, PT_TIME, FILETIME), (0x0E06, PT_TIME, FILETIME),
                 (0x3007, PT_TIME, FILETIME), (0x3008, PT_TIME, FILETIME),
                 (0x3FDE, PT_I32, m.get("codepage", 65001))]
        if m.get("sender_name"):
            props += [(0x0C1A, PT_STR, m["sender_name"]), (0x0042, PT_STR, m["sender_name"])]
        if m.get("sender_email"):
            props += [(0x0C1F, PT_STR, m["sender_email"]), (0x0C1E, PT_STR, "SMTP"),
                      (0x0065, PT_STR, m["sender_email"])]
        to = m.get("to", [])
        if to:
            props.append((0x0E04, PT_STR, "; ".join(n for n, _ in to)))
        if m.get("body") is not None:
            props.append((0x1000, PT_STR, m["body"]))
        if m.get("html") is not None:
            cp = m.get("codepage", 65001)
            props.append((0x1013, PT_BIN, m["html"].encode("utf-8" if cp == 65001 else "cp%d" % cp)))
        if m.get("rtf") is not None:
            props += [(0x1009, PT_BIN, rtf_compressed(m["rtf"].encode("ascii"))), (0x0E1F, PT_BOOL, True)]
        # "strings": other string properties {propid: text}, e.g. a contact's
        # PidTagDisplayName (0x3001) and PidTagBusinessTelephoneNumber (0x3A08)
        props += [(pid, PT_STR, v) for pid, v in sorted(m.get("strings", {}).items())]
        # "raw": other properties as (propid, type, value bytes), e.g. a
        # multi-valued one (PT_MV_UNICODE 0x101F, PT_MV_BINARY 0x1102) built
        # with mv_value()
        props += [(pid, ptype, bytes(v)) for pid, ptype, v in m.get("raw", [])]
        atts = m.get("attachments", [])
        rrows = [{"id": i, 0x0C15: 1, 0x3001: name, 0x3002: "SMTP", 0x3003: addr, 0x39FE: addr}
                 for i, (name, addr) in enumerate(to)]
        tsubs = {}
        subs[NID_RECIPIENT_TABLE] = Node(build_tc(RECIP_COLS, rrows, tsubs), tsubs)
        if atts:
            arows = []
            for i, a in enumerate(atts):
                an = nid(0x200 + i, T_ATTACH)
                subs[an] = self.attachment(a, i)
                arows.append({"id": an, 0x0E20: len(a.get("data", b"")) or 256, 0x3704: a["name"][:12],
                              0x3705: 5 if "message" in a else 1, 0x3707: a["name"], 0x370B: -1})
            tsubs = {}
            subs[NID_ATTACHMENT_TABLE] = Node(build_tc(ATTACH_COLS, arows, tsubs), tsubs)
        pc = build_pc(props, subs)
        return Node(pc, subs)

    def attachment(self, a, i):
        subs = {}
        props = [(0x3704, PT_STR, a["name"][:12]), (0x3707, PT_STR, a["name"]),
                 (0x3001, PT_STR, a["name"]), (0x370B, PT_I32, -1), (0x7FFE, PT_BOOL, False)]
        if "message" in a:
            inner = self.message(a["message"])
            inner_nid = nid(0x300 + i, T_MESSAGE)
            subs[inner_nid] = inner
            props += [(0x3705, PT_I32, 5), (0x0E20, PT_I32, len(inner.data)),
                      (0x3701, PT_OBJ, (inner_nid, len(inner.data)))]
        else:
            data = a["data"]
            props += [(0x3705, PT_I32, 1), (0x0E20, PT_I32, len(data)), (0x3701, PT_BIN, data)]
            if a.get("mime"):
                props.append((0x370E, PT_STR, a["mime"]))
        props.sort(key=lambda p: p[0])
        return Node(build_pc(props, subs), subs)


def build_bytes(spec, crypt="none"):
    """The PST for spec (see default_spec) as bytes. crypt: "none" or
    "permute"."""
    return build_layout(spec, crypt)[0]


def build_layout(spec, crypt="none", btree_first=False):
    """(bytes, layout): layout tells tests where things are, to damage them:
    "nbt_root" / "bbt_root" (bid, offset) of the B-tree root pages,
    "blocks" {bid: (offset, allocated size)}, "nodes" {nid: data bid},
    "subjects" {subject of a top-level message: nid}. btree_first puts the
    B-tree pages before the data (as stores that grew over time have them
    spread), so a truncated copy keeps its index and loses messages."""
    if crypt not in ("none", "permute"):
        raise ValueError("crypt must be none or permute")
    b = Builder(crypt)
    b.store.btree_first = btree_first
    top = nid(b.next_folder + 1, T_FOLDER)  # the first folder NID handed out below
    store_props = [(0x0FF9, PT_BIN, STORE_UID), (0x3001, PT_STR, spec.get("store_name", "Personal Folders")),
                   (0x35E0, PT_BIN, entry_id(top)), (0x67FF, PT_I32, 0)]
    ssubs = {}
    b.store.add(NID_MESSAGE_STORE, Node(build_pc(store_props, ssubs), ssubs), 0)
    root_spec = {"folders": [{"name": spec.get("top_name", "Top of Personal Folders"),
                              "folders": spec.get("folders", [])}]}
    # the root folder is its own parent ([MS-PST] 2.4.4)
    b.folder(NID_ROOT_FOLDER, NID_ROOT_FOLDER, "", root_spec)
    data = b.store.build()
    layout = dict(b.store.layout)
    layout["subjects"] = dict(b.subjects)
    return data, layout


def build(path, spec, crypt="none"):
    data = build_bytes(spec, crypt)
    with open(path, "wb") as f:
        f.write(data)
    return data


# ---------------------------------------------------------------- fixtures

# Values the rule pack's validators accept (see tests/gen/gen_mail.py).
SSN_BODY = "536-22-1901"       # plain body of "Quarterly numbers"
SSN_HTML = "461-37-2902"       # HTML body of "Payroll update"
SSN_ATTACH = "212-09-7903"     # customers.txt attachment
SSN_ZIP = "318-44-2904"        # secret.txt inside docs.zip attachment
SSN_EMBED = "401-23-5905"      # body of the embedded (forwarded) message
SSN_SUB = "402-31-6906"        # body of a message in Inbox/Archive
SSN_BIG = "403-12-3907"        # end of a body stored in a subnode (XBLOCK)
SSN_RTF = "405-66-3909"        # RTF-only body of "Scanned memo"
EMAIL_SENDER = "alice.sender@example.com"


def docs_zip():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("secret.txt", date_time=(2026, 3, 2, 10, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, "employee record\nSSN %s\n" % SSN_ZIP)
    return buf.getvalue()


def default_spec(big=False):
    """Inbox with three messages (plain body; HTML body; attachments: a .txt,
    a .zip holding secret.txt, an embedded message), Inbox/Archive with one.
    big=True adds a message whose body needs a subnode over two blocks."""
    inbox = [
        {"subject": "Quarterly numbers", "sender_name": "Alice Sender", "sender_email": EMAIL_SENDER,
         "to": [("Bob Receiver", "bob.receiver@example.org")],
         "body": "Hello Bob,\nthe employee SSN is %s as discussed.\n" % SSN_BODY},
        {"subject": "Payroll update", "sender_name": "Carol HR", "sender_email": "carol.hr@example.com",
         "to": [("Dan Payroll", "dan.payroll@example.org")],
         "body": "See the HTML version.",
         "html": "<html><body><p>Payroll SSN <b>%s</b></p></body></html>" % SSN_HTML},
        {"subject": "Documents attached", "sender_name": "Erin Files", "sender_email": "erin.files@example.com",
         "to": [("Frank Office", "frank.office@example.org"), ("Gina Legal", "gina.legal@example.org")],
         "body": "Three attachments.",
         "attachments": [
             {"name": "customers.txt", "data": ("name,ssn\nJohn Roe,%s\n" % SSN_ATTACH).encode(),
              "mime": "text/plain"},
             {"name": "docs.zip", "data": docs_zip(), "mime": "application/zip"},
             {"name": "Forwarded note", "message": {
                 "subject": "Forwarded note", "sender_name": "Hank Inner",
                 "sender_email": "hank.inner@example.com",
                 "to": [("Ivy Inner", "ivy.inner@example.org")],
                 "body": "Inner message, SSN %s.\n" % SSN_EMBED}},
         ]},
    ]
    inbox.append({"subject": "Scanned memo", "sender_name": "Mia Memo", "sender_email": "mia.memo@example.com",
                  "rtf": "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0 Memo: SSN %s\\par}" % SSN_RTF})
    if big:
        filler = "".join("line %05d of a long report body\n" % i for i in range(400))
        inbox.append({"subject": "Long report", "sender_name": "Jack Long",
                      "sender_email": "jack.long@example.com",
                      "body": filler + "closing SSN %s\n" % SSN_BIG})
    archive = [{"subject": "Old thread", "sender_name": "Kim Old", "sender_email": "kim.old@example.com",
                "to": [("Lee Old", "lee.old@example.org")],
                "body": "Archived, SSN %s.\n" % SSN_SUB}]
    return {"folders": [{"name": "Inbox", "messages": inbox,
                         "folders": [{"name": "Archive", "messages": archive}]},
                        {"name": "Deleted Items"}]}


SSN_LAST = "404-56-7908"        # last message of the last folder of bulk_spec()


def bulk_spec(folders=20, per_folder=25, attach_bytes=20000):
    """A larger store: folders x per_folder messages, each with a text
    attachment of attach_bytes (not compressible away: every line differs).
    The last message of the last folder carries SSN_LAST in its body."""
    out = []
    for f in range(folders):
        msgs = []
        for i in range(per_folder):
            lines = "".join("folder %03d message %04d line %06d filler text\n" % (f, i, k)
                            for k in range(attach_bytes // 45 + 1))
            last = f == folders - 1 and i == per_folder - 1
            msgs.append({"subject": "Report %03d-%04d" % (f, i), "sender_name": "Bulk Sender",
                         "sender_email": "bulk@example.com",
                         "body": "Report body %d.%s\n" % (i, (" SSN %s" % SSN_LAST) if last else ""),
                         "attachments": [{"name": "report-%04d.txt" % i,
                                          "data": lines[:attach_bytes].encode()}]})
        out.append({"name": "Folder %03d" % f, "messages": msgs})
    return {"folders": out}


def mini_spec():
    """One folder, one message with one attachment: the smallest useful
    store (a fuzz seed)."""
    return {"folders": [{"name": "Inbox", "messages": [
        {"subject": "Hi", "sender_name": "A", "sender_email": "a@example.com",
         "to": [("B", "b@example.org")], "body": "SSN %s" % SSN_BODY,
         "html": "<p>x</p>",
         "attachments": [{"name": "a.txt", "data": b"SSN " + SSN_ATTACH.encode()}]}]}]}


def main(argv):
    if len(argv) < 2 or argv[1].startswith("-"):
        sys.stderr.write("usage: gen_pst.py OUT.pst [--permute] [--big | --mini | --bulk]\n")
        return 2
    crypt = "permute" if "--permute" in argv else "none"
    if "--mini" in argv:
        spec = mini_spec()
    elif "--bulk" in argv:
        spec = bulk_spec()
    else:
        spec = default_spec(big="--big" in argv)
    build(argv[1], spec, crypt)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
