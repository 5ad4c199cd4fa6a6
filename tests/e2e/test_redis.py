#!/usr/bin/env python3
"""Redis RDB snapshots and append-only files (src/extract/redis.c) on files
made by tests/gen/gen_redis.py: LZF-compressed strings, zipmaps, ziplists,
intsets, listpacks, quicklists and streams are decoded, every value is
written after its key and a hash's values after their field names, so an
SSN kept as an integer element under "ssn" is found; RESP commands are
read the same way; a module value stops the walk (unsupported), a cut file
is truncated, a damaged LZF string a parse error."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_redis  # noqa: E402


class Redis(lsutil.KeyedHandlerTree):
    GEN = gen_redis
    HANDLER = "redis"

    def raw(self, name):
        with open(self.p(name), "rb") as f:
            return f.read()

    def test_lzf_strings_are_decoded(self):
        # LZF's back references cut the repeated parts of the cached JSON
        self.assertNotIn(b"cust003@shop.example", self.raw("v9.rdb"))
        t = self.text("v9.rdb")
        self.assertIn('"email": "cust003@shop.example", "ssn": "212-44-7781"', t)
        self.assertTrue(t.startswith("cache:customers:page:1: [{"), t)

    def test_hashes_are_labelled(self):
        t = self.text("v9.rdb")
        # a ziplist hash whose SSN is an int64 entry: no digits in the file
        self.assertNotIn(b"212447781", self.raw("v9.rdb"))
        self.assertIn("customer:1001\tname: Ana Lima\tssn: 212447781\tphone: (415) 622-3380\n", t)
        self.assertIn("customer:1002\tssn: 401-73-2290\tname: Bo Chen\n", t)
        self.assertIn("employee:77\tname: Jane Roe\tssn: 536-22-1874\tdob: 1975-03-14\n", self.text("v3.rdb"))
        self.assertIn("customer:2001\tname: Fay Lund\tssn: 318526647\t", self.text("v11.rdb"))

    def test_collections_and_streams(self):
        t = self.text("v11.rdb")
        self.assertIn("inbox: big 623-40-1187\n", t)  # a quicklist's PLAIN node
        self.assertIn("tags: hal.oak@example-corp.com\n", t)
        # stream entries: with the master's fields, with their own, and a deleted one
        self.assertIn("events\tname: Dee Ross\tssn: 287-61-4412\n", t)
        self.assertIn("events\temail: dee.ross@example-corp.com\tdob: 1975-03-14\n", t)
        self.assertIn("events\tname: Eve Hart\tssn: 455-18-3309\n", t)
        self.assertIn("events: mailers\nevents: worker-1\n", t)  # group and consumer names
        # a key's last 128 bytes go before each element; a longer key is also written whole
        self.assertIn("login:fails:gus.ray@example-corp.com:zzz", t)
        t3 = self.text("v3.rdb")
        self.assertIn("hr:ids: 80412\n", t3)  # an intset
        self.assertIn("hr:contacts: (312) 746-2291\n", t3)

    def test_aof_commands(self):
        t = self.text("appendonly.aof")
        self.assertIn("user:9\tssn: 536221874\temail: ann.w@example-corp.com\n", t)
        self.assertIn("session:1: dob=1975-03-14 name=Ann West\n", t)
        self.assertIn("user:9:phone: (212) 746-3391\n", t)
        self.assertIn("audit\tssn: 212447781\twho: ops\n", t)  # XADD's options and ID skipped
        self.assertNotIn("PEXPIREAT", t)
        # the RDB preamble and the commands after it
        tp = self.text("preamble.aof")
        self.assertIn("customer:1001\tname: Ana Lima\tssn: 212447781", tp)
        self.assertIn("user:9\tssn: 536221874", tp)

    def test_lfu_modules_and_functions(self):
        # 0xF9 is the LFU frequency (one byte), 0xF7 module aux data: the
        # walk stopped at the first key of an LFU server ("module auxiliary
        # data"), so nothing of it was read
        t = self.text("lfu.rdb")
        self.assertIn("user:5:email: kim.ash@example-corp.com\n", t)
        self.assertIn("user:5\tname: Kim Ash\tssn: 536-22-1874\n", t)
        self.assertIn("doc:7: Lu Park\ndoc:7: ssn\ndoc:7: 401-73-2290\n", t)  # a module value's strings
        self.assertIn("user:6:ssn: 318-52-6647\n", t)
        self.assertIn("FUNCTION: #!lua name=hr", t)
        self.assertIn("hrindex-x: schema: name, ssn, email\n", t)  # module aux data, under the module's name

    def test_text_budget_stops_the_walk(self):
        # a set listpack of 8M one-byte integers under a 128-byte key (LZF:
        # 90 KB on disk): once the text budget was spent the walk went on
        # adding "KEY: 1" lines to a buffer nobody emptied, 1 GiB of RSS
        path = os.path.join(self.tmp.name, "amp.rdb")
        with open(path, "wb") as f:
            f.write(gen_redis.amplifier(8000000))
        out = os.path.join(self.tmp.name, "amp.jsonl")
        pid = os.fork()
        if pid == 0:
            try:
                fd = os.open(os.devnull, os.O_WRONLY)
                os.dup2(fd, 1)
                os.dup2(fd, 2)
                os.execv(lsutil.LEAKSIFT, [lsutil.LEAKSIFT, "scan", "-q", "-j1", "-o", out, path])
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        self.assertLess(usage.ru_maxrss / 1024, 400)  # MiB
        o = lsutil.load(out).obj(path)
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("limit:text", o["coverage_reasons"])

    def test_long_commands_and_annotations(self):
        # "#TS:" lines made the file text; the arguments of a command past
        # the first 64 were regrouped under the wrong key or lost (MSET's
        # 32nd key, its value written under the first key)
        o = self.m.obj(self.p("long.incr.aof"))
        self.assertEqual(o["handler"], "redis")
        t = self.text("long.incr.aof")
        for i in range(39):
            self.assertIn("acct:%d:owner: owner%02d@example-corp.com\n" % (i, i), t)
        self.assertIn("acct:39:owner: ssn 623-40-1187\n", t)
        self.assertNotIn("acct:0:owner: owner31", t)
        self.assertIn("audit\tf00: v00\t", t)
        self.assertIn("\tf30: v30\t", t)
        self.assertIn("\tssn: 455-18-3309\n", t)
        self.assertEqual(t.count("\tf"), 39)  # no value taken for a field
        self.assertIn("\tssn: 287-61-4412\n", t)
        self.assertIn("ranked: lea.moss@example-corp.com\nranked: x\n", t)
        self.assertNotIn("4111111111111111", t)  # a score

    def test_hashes_with_field_expiry(self):
        # Redis 7.4+ (types 23-25) stopped the walk, unsupported
        t = self.text("hfe.rdb")
        self.assertIn("session:71\tname: Oda Fry\tssn: 318-52-6647\n", t)
        self.assertIn("session:72\temail: oda.fry@example-corp.com\tssn: 401-73-2290\n", t)
        self.assertIn("session:73\tdob: 1975-03-14\n", t)
        self.assertIn("after: ssn 212-44-7781\n", t)

    def test_restore_payloads(self):
        # DUMP's payload (type, RDB value, version, CRC) was written as
        # binary bytes: an SSN as a listpack integer was never seen
        t = self.text("restore.aof")
        self.assertIn("customer:3001\tname: Nia Cole\tssn: 212447781\n", t)
        self.assertIn("outbox:9: to ona.reed@example-corp.com\n", t)
        self.assertIn("outbox:9: dob 1975-03-14\n", t)
        self.assertNotIn("REPLACE", t)
        # a payload that cannot be read is noted; the commands after it are read
        self.assertIn("after:restore: ssn 536-22-1874\n", t)
        o = self.m.obj(self.p("restore.aof"))
        self.assertIn("a RESTORE payload: a module value of Redis 4", str(o["errors"]))

    def test_long_key_written_whole_once(self):
        # RPUSH of 4,000 elements under a 20 KB key: read in 64 groups, the
        # key was written whole with each group
        path = os.path.join(self.tmp.name, "longkey.aof")
        with open(path, "wb") as f:
            f.write(gen_redis.resp([["RPUSH", "K" * 20000] + ["e%d" % i for i in range(4000)]]))
        t = lsutil.run(["text", path]).stdout.decode()
        self.assertEqual(t.count("K" * 20000), 1)
        self.assertEqual(t.count("e3999\n"), 1)

    def test_text_that_starts_like_an_rdb(self):
        o = self.m.obj(self.p("notes.txt"))
        self.assertNotEqual(o["handler"], "redis")
        self.assertEqual(o["coverage"], "full")
        self.assertEqual(lsutil.last4s(o, "ssn"), ["6647"])

    def test_damage_is_reported(self):
        o = self.m.obj(self.p("module.rdb"))
        self.assertIn("a module value", str(o["errors"]))
        o = self.m.obj(self.p("badlzf.rdb"))
        self.assertIn("a damaged LZF string", str(o["errors"]))
        self.assertIn("ev: Ann Bay\n", self.text("streamcount.rdb"))
        o = self.m.obj(self.p("cut.rdb"))
        self.assertIn("cut inside", str(o["errors"]))

    def test_bytes_after_the_end_are_handed_on(self):
        o = self.m.obj(self.p("trailer.rdb"), ["hidden_data"])
        self.assertIn("ssn", lsutil.entities(o))


if __name__ == "__main__":
    unittest.main()
