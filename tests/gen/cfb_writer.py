"""A small Compound File Binary writer ([MS-CFB] v3, 512-byte sectors),
Python stdlib only, for test fixtures.

    w = CFBWriter()
    w.add_stream("WordDocument", data)
    w.add_stream("ObjectPool/_1/\\x01Ole10Native", data)   # storages implied
    blob, info = w.build()

Streams under 4096 bytes go to the mini stream (as the spec requires);
siblings are written as an all-black right-leaning list in CFB order
(length, then upper-case), which readers accept. `info` tells where things
landed so generators can break them on purpose:
    info["fat_sectors"]   sector numbers holding the FAT
    info["dir_start"]     first directory sector
    info["entries"]       {path: directory index}
    info["chains"]        {path: [sector or mini-sector numbers]}
    info["mini"]          {path: True if in the mini stream}
Helpers: sector_offset(n), patch_u32(blob, off, v), fat_entry_offset(info, n).
"""
import struct

FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
SECT = 512
MINI = 64
CUTOFF = 4096
SIG = bytes.fromhex("D0CF11E0A1B11AE1")


def sector_offset(n):
    return (n + 1) * SECT


def patch_u32(blob, off, v):
    b = bytearray(blob)
    b[off:off + 4] = struct.pack("<I", v)
    return bytes(b)


def fat_entry_offset(info, n):
    """Byte offset of FAT entry n in the file."""
    return sector_offset(info["fat_sectors"][n // 128]) + 4 * (n % 128)


class _Node:
    def __init__(self, name, storage):
        self.name = name
        self.storage = storage
        self.children = {}
        self.data = b""
        self.clsid = b"\0" * 16


def _key(name):
    return (len(name), name.upper())


class CFBWriter:
    def __init__(self):
        self.root = _Node("Root Entry", True)

    def _node(self, path, storage_leaf):
        parts = path.split("/")
        n = self.root
        for i, p in enumerate(parts):
            leaf = i == len(parts) - 1
            if p not in n.children:
                n.children[p] = _Node(p, storage_leaf if leaf else True)
            n = n.children[p]
        return n

    def add_stream(self, path, data):
        self._node(path, False).data = bytes(data)

    def add_storage(self, path, clsid=None):
        n = self._node(path, True)
        if clsid:
            n.clsid = clsid
        return n

    def set_root_clsid(self, clsid):
        self.root.clsid = clsid

    def build(self):
        # Flatten breadth-first: index 0 is the root.
        order, paths = [self.root], [""]
        i = 0
        while i < len(order):
            n = order[i]
            for name in sorted(n.children, key=_key):
                order.append(n.children[name])
                paths.append((paths[i] + "/" + name).lstrip("/"))
            i += 1
        index = {id(n): k for k, n in enumerate(order)}

        big, mini = [], []
        for k, n in enumerate(order):
            if k and not n.storage and n.data:
                (mini if len(n.data) < CUTOFF else big).append(k)

        sectors = []  # list of 512-byte blocks, FAT built alongside
        fat = []
        chains = {}

        def alloc(data):
            first = len(sectors)
            cnt = max(1, (len(data) + SECT - 1) // SECT)
            for j in range(cnt):
                sectors.append(data[j * SECT:(j + 1) * SECT].ljust(SECT, b"\0"))
                fat.append(first + j + 1 if j < cnt - 1 else ENDOFCHAIN)
            return list(range(first, first + cnt))

        start = {}
        for k in big:
            ch = alloc(order[k].data)
            start[k] = ch[0]
            chains[paths[k]] = ch
        ministream = b""
        minifat = []
        for k in mini:
            first = len(ministream) // MINI
            cnt = (len(order[k].data) + MINI - 1) // MINI
            ministream += order[k].data.ljust(cnt * MINI, b"\0")
            minifat += [first + j + 1 if j < cnt - 1 else ENDOFCHAIN for j in range(cnt)]
            start[k] = first
            chains[paths[k]] = list(range(first, first + cnt))
        mini_start = alloc(ministream)[0] if ministream else ENDOFCHAIN
        minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
        minifat_start = alloc(minifat_bytes)[0] if minifat else ENDOFCHAIN
        nminifat = (len(minifat_bytes) + SECT - 1) // SECT

        # Directory
        ents = []
        for k, n in enumerate(order):
            kids = sorted(n.children, key=_key)
            child = index[id(n.children[kids[0]])] if kids else NOSTREAM
            right = NOSTREAM
            parent = None
            if k:
                # find our parent and next sibling
                for p in order:
                    if n in p.children.values():
                        parent = p
                        break
                sib = sorted(parent.children, key=_key)
                pos = sib.index(n.name)
                if pos + 1 < len(sib):
                    right = index[id(parent.children[sib[pos + 1]])]
            name16 = n.name.encode("utf-16-le")[:62]
            typ = 5 if k == 0 else (1 if n.storage else 2)
            if k == 0:
                st, size = mini_start, len(ministream)
            elif n.storage or not n.data:
                st, size = (0 if n.storage else ENDOFCHAIN), 0
            else:
                st, size = start[k], len(n.data)
            e = name16.ljust(64, b"\0") + struct.pack("<HBB", len(name16) + 2, typ, 1)
            e += struct.pack("<III", NOSTREAM, right, child) + n.clsid
            e += b"\0" * 20 + struct.pack("<IQ", st, size)
            ents.append(e)
        while len(ents) % 4:
            ents.append(b"\0" * 64 + b"\0" * 4 + b"\xff" * 12 + b"\0" * 48)
        dir_start = alloc(b"".join(ents))[0]

        # FAT sectors (no DIFAT: fixtures stay under 109 FAT sectors)
        nfat = 1
        while (len(sectors) + nfat) > nfat * 128:
            nfat += 1
        assert nfat <= 109, "fixture too large for the header DIFAT"
        fat_sectors = list(range(len(sectors), len(sectors) + nfat))
        fat += [FATSECT] * nfat
        fat += [FREESECT] * (nfat * 128 - len(fat))
        fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
        for j in range(nfat):
            sectors.append(fat_bytes[j * SECT:(j + 1) * SECT])

        hdr = SIG + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        hdr += struct.pack("<IIIIIIIII", 0, nfat, dir_start, 0, CUTOFF, minifat_start, nminifat,
                           ENDOFCHAIN, 0)
        difat = fat_sectors + [FREESECT] * (109 - nfat)
        hdr += b"".join(struct.pack("<I", v) for v in difat)
        assert len(hdr) == 512
        blob = hdr + b"".join(sectors)
        info = {
            "fat_sectors": fat_sectors,
            "dir_start": dir_start,
            "entries": {p: k for k, p in enumerate(paths)},
            "chains": chains,
            "mini": {paths[k]: True for k in mini},
            "mini_start": mini_start,
        }
        return blob, info
