#!/usr/bin/env python3
"""Redis persistence files with planted values (tests/e2e/test_redis.py).

    gen_redis.py OUTDIR

Written from Redis' rdb.h / t_stream.c / ziplist.c / listpack.c layouts
(Python stdlib; the LZF compressor and ziplist writer are
make_hostile9.py's), all personal data fake:
- v3.rdb: an RDB of Redis 2.x (version 0003): a hash kept as a zipmap, a
  list as a ziplist, a set as an intset of employee numbers, a plain string
  with an expiry;
- v9.rdb: Redis 5-6 (0009): a LZF-compressed JSON string, a quicklist of
  ziplists, a sorted set as a ziplist (member, score), a hash as a
  ziplist with an SSN stored as an integer entry, a plain hash, set and
  sorted set (binary scores);
- v11.rdb: Redis 7 (0011): hashes, sorted sets and sets as listpacks (an
  SSN as a 13-bit and a 64-bit integer element), a quicklist of listpacks
  and a PLAIN node, a stream whose entries carry fields and values (one
  with the master's fields, one with its own, one deleted), with a
  consumer group, a key of 199 bytes with an address at its start;
- lfu.rdb: as Redis 7 saves under an LFU/LRU maxmemory policy (a 0xF9
  frequency or 0xF8 idle time before each key), with a function library
  (0xF5), module aux data (0xF7) and a module value (type 7) whose
  strings hold a name and an SSN;
- hfe.rdb: Redis 7.4+ hashes with field expiry (types 23, 24, 25);
- bigvalue.rdb: a 1.3 MB LZF string whose last line holds an SSN;
- streamcount.rdb: a stream node whose counts overflow when added:
  partial/parse_error, its elements written;
- module.rdb: a Redis 4 module value (type 6) before a key: read up to
  it, partial/unsupported (the raw scan still sees what follows in the
  clear);
- cut.rdb: v9.rdb cut inside its last value: partial/truncated, what came
  before is read;
- badlzf.rdb: an LZF string whose back reference points before its start:
  partial/parse_error;
- trailer.rdb: bytes after the end marker and checksum (handed on as
  hidden_data, read);
- appendonly.aof: RESP commands (HSET's field and value with "$9" between
  them, SETEX, MSET, RPUSH, XADD);
- preamble.aof: an AOF with an RDB preamble (Redis 5+), then commands;
- long.incr.aof: "#TS:" annotations (aof-timestamp-enabled) and commands
  of more than 64 arguments (MSET, XADD with options, HSET, ZADD);
- restore.aof: RESTORE and RESTORE-ASKING commands (a cluster node that
  received migrated keys) whose payloads are DUMP's serialised values, one
  a Redis 4 module value (partial/unsupported), then a SET that is read;
- notes.txt: a text note that starts "REDIS2024" (not an RDB);
- decoy.rdb: order numbers and prices only (no finding).
"""
import json
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_hostile9 import lzf, rdb_len, rdb_str, ziplist  # noqa: E402

SSN = ["536-22-1874", "212-44-7781", "401-73-2290", "318-52-6647", "287-61-4412", "455-18-3309", "623-40-1187"]
DOB = "1975-03-14"


def aux(k, v):
    return b"\xfa" + rdb_str(k) + rdb_str(v)


def head(version):
    return b"REDIS%04d" % version + aux("redis-ver", "7.2.4") + b"\xfe\x00" + b"\xfb\x05\x00"


def end(version):
    return b"\xff" + (b"\0" * 8 if version >= 5 else b"")


def rdb_int_str(n):
    """A string kept as an integer (RDB_ENC_INT32)."""
    return b"\xc2" + struct.pack("<i", n)


def zipmap(pairs):
    out = bytes([len(pairs)])
    for k, v in pairs:
        k, v = k.encode(), v.encode()
        out += bytes([len(k)]) + k + bytes([len(v)]) + b"\x00" + v
    return out + b"\xff"


def intset(values):
    return struct.pack("<II", 4, len(values)) + b"".join(struct.pack("<i", v) for v in values)


def ziplist_ints(items):
    """A ziplist whose items are str (6-bit string) or int (int64 entry)."""
    ents = b""
    prev = 0
    for it in items:
        if isinstance(it, int):
            e = bytes([prev, 0xE0]) + struct.pack("<q", it)
        else:
            b = it.encode()
            e = bytes([prev, len(b)]) + b
        ents += e
        prev = len(e)
    body = ents + b"\xff"
    return struct.pack("<IIH", 10 + len(body), 10 + len(ents) - prev, len(items)) + body


def lp_backlen(n):
    if n <= 127:
        return bytes([n])
    if n < 16383:
        return bytes([n >> 7, (n & 127) | 128])
    raise ValueError(n)


def lp_entry(it):
    if isinstance(it, int):
        if 0 <= it < 128:
            e = bytes([it])
        elif -4096 <= it < 4096:
            v = it & 0x1FFF
            e = bytes([0xC0 | (v >> 8), v & 0xFF])
        else:
            e = b"\xf4" + struct.pack("<q", it)
    else:
        b = it.encode()
        if len(b) < 64:
            e = bytes([0x80 | len(b)]) + b
        else:
            e = bytes([0xE0 | (len(b) >> 8), len(b) & 0xFF]) + b
    return e + lp_backlen(len(e))


def listpack(items):
    body = b"".join(lp_entry(i) for i in items) + b"\xff"
    return struct.pack("<IH", 6 + len(body), len(items)) + body


def key(t, name, value):
    return bytes([t]) + rdb_str(name) + value


def v3():
    out = b"REDIS0003" + b"\xfe\x00"
    out += key(9, "employee:77", rdb_str(zipmap([("name", "Jane Roe"), ("ssn", SSN[0]), ("dob", DOB)])))
    out += key(10, "hr:contacts", rdb_str(ziplist(["jane.roe@example-corp.com", "(312) 746-2291"])))
    out += key(11, "hr:ids", rdb_str(intset([4711, 80412])))
    out += b"\xfd" + struct.pack("<I", 1417000000) + key(0, "user:77:email", rdb_str("j.roe@example-corp.com"))
    return out + b"\xff"


def v9_body():
    cache = json.dumps([{"customer_id": 1000 + i, "email": "cust%03d@shop.example" % i, "ssn": SSN[1],
                         "status": "active", "segment": "retail"} for i in range(4)]).encode()
    assert b"cust003@shop.example" not in lzf(cache)  # LZF cuts the repeated parts
    out = key(0, "cache:customers:page:1", rdb_str(cache))
    out += key(14, "queue:mail", rdb_len(2) + rdb_str(ziplist(["to=ana.lima@example-corp.com", "x"])) +
               rdb_str(ziplist(["to=bo.chen@example-corp.com"])))
    out += key(12, "leaderboard", rdb_str(ziplist(["ana.lima@example-corp.com", "12"])))
    out += key(13, "customer:1001", rdb_str(ziplist_ints(["name", "Ana Lima", "ssn", 212447781, "phone",
                                                          "(415) 622-3380"])))
    out += key(4, "customer:1002", rdb_len(2) + rdb_str("ssn") + rdb_str(SSN[2]) + rdb_str("name") +
               rdb_str("Bo Chen"))
    out += key(2, "emails", rdb_len(1) + rdb_str("bo.chen@example-corp.com"))
    out += key(5, "scores", rdb_len(1) + rdb_str("dob " + DOB + " ssn " + SSN[3]) + struct.pack("<d", 1.5))
    out += key(3, "oldscores", rdb_len(1) + rdb_str("cy.park@example-corp.com") + b"\x031.5")
    return out


def v9():
    return head(9) + v9_body() + end(9)


def stream():
    """A stream node: master fields (name, ssn); entry 1 with the master's
    fields (flag 2), entry 2 with its own (email, dob), entry 3 deleted."""
    items = [2, 1, 2, "name", "ssn", 0]
    items += [2, 0, 0, "Dee Ross", SSN[4], 5]
    items += [0, 5, 0, 2, "email", "dee.ross@example-corp.com", "dob", DOB, 8]
    items += [3, 9, 0, "Eve Hart", SSN[5], 5]
    node = struct.pack(">QQ", 1417000000000, 0)
    out = rdb_len(1) + rdb_str(node) + rdb_str(listpack(items))
    out += rdb_len(2) + rdb_len(9) + rdb_len(0)  # length, last ID (ms, seq)
    out += rdb_len(0) * 4 + rdb_len(3)  # first ID, max deleted ID, entries added
    out += rdb_len(1) + rdb_str("mailers") + rdb_len(9) + rdb_len(0) + rdb_len(2)  # a group: last ID, read
    out += rdb_len(1) + node + struct.pack("<Q", 1417000000001) + rdb_len(1)  # PEL: one pending entry
    out += rdb_len(1) + rdb_str("worker-1") + struct.pack("<QQ", 1, 2) + rdb_len(1) + node  # a consumer
    return out


def stream_overflow():
    """A stream node whose entry count is 2^63-1 and deleted count 1: their
    sum overflowed and the entries were skipped under `full`."""
    items = [(1 << 63) - 1, 1, 1, "name", 0, 0, 0, 0, "Ann Bay", 4]
    node = struct.pack(">QQ", 1417000000000, 0)
    return head(11) + key(21, "ev", rdb_len(1) + rdb_str(node) + rdb_str(listpack(items)) + rdb_len(0) * 9) + end(11)


def v11():
    out = head(11)
    out += key(16, "customer:2001", rdb_str(listpack(["name", "Fay Lund", "ssn", 318526647, "email",
                                                      "fay.lund@example-corp.com"])))
    out += key(16, "customer:2002", rdb_str(listpack(["ssn", SSN[4], "emp", 4000])))
    out += key(17, "vip", rdb_str(listpack(["gus.kerr@example-corp.com", 3])))
    out += key(20, "tags", rdb_str(listpack(["hal.oak@example-corp.com", 17])))
    out += key(18, "inbox", rdb_len(2) + rdb_len(2) + rdb_str(listpack(["from ivy.lane@example-corp.com"])) +
               rdb_len(1) + rdb_str("big " + SSN[6]))
    out += key(21, "events", stream())
    # a key longer than the 128 bytes written before each element
    out += key(0, "login:fails:gus.ray@example-corp.com:" + "z" * 150, rdb_str("3"))
    return out + end(11)


def rdb_len64(n):
    """A length as rdbSaveLen writes it, 64-bit (0x81) over 32 bits."""
    return rdb_len(n) if n < 1 << 32 else b"\x81" + struct.pack(">Q", n)


def module_id(name, encver):
    """module.c's moduleTypeEncodeId: nine 6-bit characters, 10 bits of version."""
    cset = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    n = 0
    for ch in name:
        n = n << 6 | cset.index(ch)
    return n << 10 | encver


def module_items(items):
    """What RM_Save* writes into a RedisModuleIO of version 2: each item
    an opcode (1 SINT, 2 UINT, 3 float, 4 double, 5 string), then 0."""
    out = b""
    for it in items:
        if isinstance(it, int):
            out += rdb_len(2) + rdb_len(it)
        elif isinstance(it, float):
            out += rdb_len(4) + struct.pack("<d", it)
        else:
            out += rdb_len(5) + rdb_str(it)
    return out + rdb_len(0)


def lfu():
    """As a Redis 7 server with maxmemory-policy allkeys-lfu saves (and
    allkeys-lru: idle times): a 0xF9 frequency byte or a 0xF8 idle time
    before each key; a function library (0xF5), module aux data (0xF7) and
    a module value (type 7, RDB_TYPE_MODULE_2) whose strings are read."""
    out = b"REDIS0010" + aux("redis-ver", "7.0.15") + aux("aof-base", "0")
    out += b"\xf5" + rdb_str("#!lua name=hr\nredis.register_function('f', function() return 'Jo Ray ssn %s' end)"
                             % SSN[5])
    out += b"\xf7" + rdb_len64(module_id("hrindex-x", 1)) + rdb_len(2) + rdb_len(2)
    out += module_items([3, "schema: name, ssn, email"])
    out += b"\xfe\x00\xfb\x04\x00"
    out += b"\xf9\x05" + key(0, "user:5:email", rdb_str("kim.ash@example-corp.com"))
    out += b"\xf9\x02" + key(16, "user:5", rdb_str(listpack(["name", "Kim Ash", "ssn", SSN[0]])))
    out += b"\xf9\x01" + b"\x07" + rdb_str("doc:7") + rdb_len64(module_id("ReJSON-RL", 3))
    out += module_items([6, "name", "Lu Park", 1.5, "ssn", SSN[2]])
    out += b"\xf8" + rdb_len(5000) + key(0, "user:6:ssn", rdb_str(SSN[3]))
    return out + end(10)


def lzf_periodic(head_, unit, count, tail):
    """LZF of head_ + unit * count + tail, written directly (literals of at
    most 32 bytes, back references of at most 264 bytes at distance
    len(unit)): a long run costs 3 bytes per 264."""
    def lit(b):
        return b"".join(bytes([len(b[i:i + 32]) - 1]) + b[i:i + 32] for i in range(0, len(b), 32))
    out = lit(head_ + unit)
    left = len(unit) * (count - 1)
    d = len(unit) - 1
    while left >= 3:
        n = min(264, left)
        out += bytes([0xE0 | d >> 8, n - 9, d & 0xFF]) if n >= 9 else bytes([(n - 2) << 5 | d >> 8, d & 0xFF])
        left -= n
    rest = (unit * 3)[len(unit) * 3 - left:] if left else b""
    return out + lit(rest + tail)


def amplifier(count):
    """A Redis 7.2 set listpack (type 20) of `count` one-byte integers (1)
    under a 128-byte key, LZF-compressed: text ~130 times its plain size."""
    plain = 6 + 2 * count + 1
    hdr = struct.pack("<IH", plain & 0xFFFFFFFF, min(count, 65535))
    comp = lzf_periodic(hdr, b"\x01\x01", count, b"\xff")
    value = b"\xc3" + rdb_len(len(comp)) + rdb_len(plain) + comp
    return b"REDIS0011\xfe\x00" + key(20, "k" * 128, value) + end(11)


def big_value():
    """A cached page of 1.3 MB kept as one LZF string whose last line holds
    an SSN (cut by a literal run's control byte, not in the file's bytes):
    values were cut at 1 MiB under `full`."""
    tail = b"x" * 22 + b"ssn " + SSN[5].encode() + b"\n"
    unit = b"<tr><td>row</td><td>ok</td></tr>\n"
    comp = lzf_periodic(b"", unit, 40000, tail)
    assert SSN[5].encode() not in comp
    value = b"\xc3" + rdb_len(len(comp)) + rdb_len(len(unit) * 40000 + len(tail)) + comp
    return head(9) + key(0, "cache:report:2014", value) + end(9)


def hfe():
    """Redis 7.4+ hashes with field expiry (RDB 12, rdb.c): type 25 an
    8-byte least expiry then a listpack of field, value, expiry triples
    (0: none); type 24 the least expiry, a count, and per field its
    expiry relative to it plus 1 (0: none), field and value; type 23 (7.4
    RC) the listpack without the least expiry."""
    least = struct.pack("<Q", 1900000000000)
    out = head(12)
    out += key(25, "session:71", least + rdb_str(listpack(["name", "Oda Fry", 0, "ssn", SSN[3], 1900000000000])))
    out += key(24, "session:72", least + rdb_len(2) + rdb_len(0) + rdb_str("email") +
               rdb_str("oda.fry@example-corp.com") + rdb_len(5001) + rdb_str("ssn") + rdb_str(SSN[2]))
    out += key(23, "session:73", rdb_str(listpack(["dob", DOB, 1900000000000])))
    out += key(0, "after", rdb_str("ssn " + SSN[1]))
    return out + end(12)


def module():
    out = head(9) + key(0, "a", rdb_str("before jane.roe@example-corp.com"))
    out += b"\x06" + rdb_str("mod") + rdb_len64(module_id("oldmodule", 0)) + struct.pack("<Q", 0x1234) + b"\x02\x05"
    out += key(0, "b", rdb_str("after " + SSN[0]))
    return out + end(9)


def aof():
    cmds = [["SELECT", "0"], ["HSET", "user:9", "ssn", "536221874", "email", "ann.w@example-corp.com"],
            ["SETEX", "session:1", "3600", "dob=" + DOB + " name=Ann West"],
            ["MSET", "k1", "x", "user:9:phone", "(212) 746-3391"],
            ["RPUSH", "outbox", "ben.y@example-corp.com"],
            ["XADD", "audit", "MAXLEN", "100", "1417000000000-0", "ssn", "212447781", "who", "ops"],
            ["PEXPIREAT", "session:1", "1417000000000"]]
    return b"".join(b"*%d\r\n" % len(c) + b"".join(b"$%d\r\n%s\r\n" % (len(x.encode()), x.encode()) for x in c)
                    for c in cmds)


def resp(cmds):
    def b(x):
        return x if isinstance(x, bytes) else x.encode()
    return b"".join(b"*%d\r\n" % len(c) + b"".join(b"$%d\r\n%s\r\n" % (len(b(x)), b(x)) for x in c)
                    for c in cmds)


def aof_long():
    """An .incr.aof as Redis 7 writes it with aof-timestamp-enabled yes
    ("#TS:" annotation lines between commands), with commands of more than
    64 arguments as clients send them: MSET of 40 pairs, XADD with options
    and 40 fields, HSET of 40 pairs, ZADD with an option word (scores left
    out)."""
    mset = ["MSET"]
    for i in range(40):
        mset += ["acct:%d:owner" % i, "owner%02d@example-corp.com" % i]
    mset[-1] = "ssn " + SSN[6]  # the 40th pair's value, after the first 64 arguments
    xadd = ["XADD", "audit", "MAXLEN", "~", "1000", "1417000000000-0"]
    for i in range(40):
        xadd += ["f%02d" % i, "v%02d" % i]
    xadd[-2:] = ["ssn", SSN[5]]
    hset = ["HSET", "person:4"]
    for i in range(40):
        hset += ["note%02d" % i, "n%02d" % i]
    hset[-2:] = ["ssn", SSN[4]]
    zadd = ["ZADD", "ranked", "NX", "4111111111111111", "lea.moss@example-corp.com", "2", "x"]
    out = b"#TS:1417000000\r\n" + resp([["SELECT", "0"], mset])
    out += b"#TS:1417000001\r\n" + resp([xadd, hset, zadd])
    return out


def crc64(data):
    """Redis' crc64.c (Jones polynomial, reflected, initial 0)."""
    crc = 0
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x95AC9329AC4BC9B5 if crc & 1 else 0)
    return crc


def dump_payload(t, value, version=10):
    """DUMP's serialised value: the type byte, the value as an RDB holds
    it, the RDB version (2 bytes LE) and a CRC-64 of all before (LE)."""
    body = bytes([t]) + value + struct.pack("<H", version)
    return body + struct.pack("<Q", crc64(body))


def aof_restore():
    """An AOF of a cluster node that received migrated keys: RESTORE key
    ttl payload [REPLACE], a listpack hash and a quicklist of an LZF'd
    listpack in DUMP's form (the bytes the rules saw were binary)."""
    h = dump_payload(16, rdb_str(listpack(["name", "Nia Cole", "ssn", 212447781])))
    q = dump_payload(18, rdb_len(1) + rdb_len(2) + rdb_str(listpack(["to ona.reed@example-corp.com"] * 3 +
                                                                      ["dob " + DOB])))
    m = dump_payload(6, rdb_len64(module_id("oldmodule", 0)) + b"\x02\x05")  # Redis 4 module: unsupported
    return resp([["SELECT", "0"], ["RESTORE", "customer:3001", "0", h, "REPLACE"],
                 ["RESTORE-ASKING", "outbox:9", "0", q], ["RESTORE", "mod:1", "0", m],
                 ["SET", "after:restore", "ssn " + SSN[0]]])


def generate(out):
    os.makedirs(out, exist_ok=True)
    k = {}

    def write(name, data, spec):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        k[name] = spec

    write("v3.rdb", v3(), {"find": [["ssn", "1874"], ["dob", None], ["email", None], ["phone", "2291"]],
                           "coverage": "full"})
    write("v9.rdb", v9(), {"find": [["ssn", "7781"], ["ssn", "2290"], ["ssn", "6647"], ["phone", "3380"],
                                    ["email", None]], "coverage": "full"})
    write("v11.rdb", v11(), {"find": [["ssn", "6647"], ["ssn", "4412"], ["ssn", "3309"], ["ssn", "1187"],
                                      ["email", None], ["dob", None]], "coverage": "full"})
    write("lfu.rdb", lfu(), {"find": [["ssn", "1874"], ["ssn", "2290"], ["ssn", "6647"], ["ssn", "3309"],
                                      ["email", None]], "coverage": "full"})
    write("hfe.rdb", hfe(), {"find": [["ssn", "6647"], ["ssn", "2290"], ["ssn", "7781"], ["email", None],
                                      ["dob", None]], "coverage": "full"})
    write("bigvalue.rdb", big_value(), {"find": [["ssn", "3309"]], "coverage": "full"})
    write("streamcount.rdb", stream_overflow(), {"find": [], "coverage": "partial", "reason": "parse_error"})
    write("module.rdb", module(), {"find": [["email", None]], "coverage": "partial", "reason": "unsupported"})
    body = v9()
    write("cut.rdb", body[:len(body) - 20], {"find": [["ssn", "7781"]], "coverage": "partial",
                                              "reason": "truncated"})
    bad = head(9) + key(0, "x", b"\xc3" + rdb_len(4) + rdb_len(40) + b"\x01ab\xe0") + end(9)
    write("badlzf.rdb", bad, {"find": [], "coverage": "partial", "reason": "parse_error"})
    write("trailer.rdb", head(9) + key(0, "a", rdb_str("x")) + end(9) +
          b"left behind: ssn " + SSN[2].encode() + b"\n", {"find": [["ssn", "2290"]], "coverage": "full"})
    write("appendonly.aof", aof(), {"find": [["ssn", "1874"], ["ssn", "7781"], ["dob", None], ["email", None],
                                             ["phone", "3391"]], "coverage": "full"})
    write("long.incr.aof", aof_long(), {"find": [["ssn", "1187"], ["ssn", "3309"], ["ssn", "4412"], ["email", None]],
                                         "coverage": "full"})
    write("restore.aof", aof_restore(), {"find": [["ssn", "7781"], ["ssn", "1874"], ["email", None], ["dob", None]],
                                         "coverage": "partial", "reason": "unsupported"})
    with open(os.path.join(out, "notes.txt"), "wb") as f:  # not keyed: read as text
        f.write(b"REDIS2024 cutover plan\nOwner: Mia Holt, ssn " + SSN[3].encode() + b"\n")
    write("preamble.aof", head(9) + v9_body() + end(9) + aof(),
          {"find": [["ssn", "7781"], ["ssn", "1874"], ["email", None]], "coverage": "full"})
    decoy = head(9) + key(4, "order:1", rdb_len(2) + rdb_str("total") + rdb_str("1874.50") + rdb_str("sku") +
                          rdb_str("ZX-88")) + key(0, "orders:count", rdb_int_str(536221874)) + end(9)
    write("decoy.rdb", decoy, {"find": [], "coverage": "full"})
    return k


def seeds(out):
    """Small fuzz seeds (fuzz/corpus/redis)."""
    os.makedirs(out, exist_ok=True)
    for name, data in (("v3.rdb", v3()), ("v9.rdb", v9()), ("v11.rdb", v11()), ("module.rdb", module()), ("lfu.rdb", lfu()), ("hfe.rdb", hfe()),
                       ("appendonly.aof", aof()), ("long.incr.aof", aof_long()),
                       ("restore.aof", aof_restore()), ("preamble.aof", head(9) + v9_body() + end(9) + aof())):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--corpus":
        seeds(sys.argv[2])
        return
    key_ = generate(os.path.join(sys.argv[1], "redis"))
    json.dump(key_, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
