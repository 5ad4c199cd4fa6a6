"""PST/OST handler on valid stores written by tests/gen/gen_pst.py (no
Outlook needed), in both encodings, and on copies damaged in known places.

Chains: x.pst > "Inbox/<subject>" > attachment > member; the IPM subtree
("Top of Personal Folders") is not part of the chain. Each fake SSN is
planted in exactly one place, so a finding on the wrong record fails.
"""
import os
import struct
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import gen_pst  # noqa: E402
import lsutil  # noqa: E402


def last4(ssn):
    return "***-**-" + ssn[-4:]


def ssns(o):
    return sorted(e["redacted"] for f in o.get("findings", []) if f["entity"] == "ssn"
                  for e in f["evidence"])


EXPECT = {  # chain -> SSNs found on that record (and nowhere else below the root)
    ("Inbox/Quarterly numbers",): [gen_pst.SSN_BODY],
    ("Inbox/Payroll update",): [gen_pst.SSN_HTML],
    ("Inbox/Documents attached",): [],
    ("Inbox/Documents attached", "customers.txt"): [gen_pst.SSN_ATTACH],
    ("Inbox/Documents attached", "docs.zip"): [],
    ("Inbox/Documents attached", "docs.zip", "secret.txt"): [gen_pst.SSN_ZIP],
    ("Inbox/Documents attached", "Forwarded note"): [gen_pst.SSN_EMBED],
    ("Inbox/Archive/Old thread",): [gen_pst.SSN_SUB],
    ("Inbox/Long report",): [gen_pst.SSN_BIG],
    ("Inbox/Scanned memo",): [],
    ("Inbox/Scanned memo", "body.rtf"): [gen_pst.SSN_RTF],  # compressed RTF, the only body
}


class PstTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmpd = tempfile.TemporaryDirectory()
        cls.tmp = cls.tmpd.name
        spec = gen_pst.default_spec(big=True)
        cls.data, cls.layout = gen_pst.build_layout(spec)
        cls.files = {}
        cls.put("x.pst", cls.data)
        cls.put("p.pst", gen_pst.build_bytes(spec, crypt="permute"))
        cls.put("trunc.pst", cls.data[:len(cls.data) * 2 // 3])
        cls.put("badnbt.pst", cls.damage_btree("nbt_root"))
        cls.put("badbbt.pst", cls.damage_btree("bbt_root"))
        cls.put("badmsg.pst", cls.damage_message("Quarterly numbers"))
        # B-tree pages first (as in stores that grew): a cut copy keeps its index
        first = gen_pst.build_layout(spec, btree_first=True)[0]
        cls.put("cutdata.pst", first[:len(first) * 2 // 3])
        lost = gen_pst.default_spec()
        lost["folders"][0]["messages"][0]["orphan_parent"] = gen_pst.nid(0x7777, 2)
        cls.put("orphan.pst", gen_pst.build_bytes(lost))
        proc, cls.m = lsutil.scan(cls.tmp, [cls.files[k] for k in sorted(cls.files)])
        cls.proc = proc
        if cls.m is None:
            raise AssertionError("no manifest: %r" % proc.stderr[-2000:])

    @classmethod
    def tearDownClass(cls):
        cls.tmpd.cleanup()

    @classmethod
    def put(cls, name, data):
        path = os.path.join(cls.tmp, name)
        with open(path, "wb") as f:
            f.write(data)
        cls.files[name] = path

    @classmethod
    def damage_btree(cls, which):
        """Point the second child of the B-tree's root page past the end of
        the file (the root is an intermediate page: the tree has two levels)."""
        b = bytearray(cls.data)
        _, ib = cls.layout[which]
        assert b[ib + 491] == 1, "root page is not an intermediate page"
        struct.pack_into("<Q", b, ib + 24 + 16, 0x7EEEEEE000)
        return bytes(b)

    @classmethod
    def damage_message(cls, subject):
        """Break the block trailer (its size field) of one message's data."""
        b = bytearray(cls.data)
        bid = cls.layout["nodes"][cls.layout["subjects"][subject]]
        ib, size = cls.layout["blocks"][bid]
        struct.pack_into("<H", b, ib + size - 16, 0xEEEE)
        return bytes(b)

    def root(self, name):
        return self.m.obj(self.files[name])

    def below(self, name):
        return {tuple(o["chain"]): o for o in self.m.by_path(self.files[name]) if o["depth"] > 0}

    # ---- valid store ----

    def test_exit_code(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr[-2000:])  # PII found

    def test_every_record_and_chain(self):
        got = self.below("x.pst")
        self.assertEqual(sorted(got), sorted(EXPECT))
        for chain, want in EXPECT.items():
            self.assertEqual(ssns(got[chain]), [last4(s) for s in want], chain)
            self.assertEqual(got[chain]["coverage"], "full", (chain, got[chain]["errors"]))

    def test_root_full_coverage(self):
        o = self.root("x.pst")
        self.assertEqual(o["handler"], "pst")
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertEqual(o["coverage_reasons"], [])
        self.assertEqual(o["errors"], [])

    def test_depths_and_handlers(self):
        got = self.below("x.pst")
        msg = got[("Inbox/Documents attached",)]
        self.assertEqual(msg["depth"], 1)
        self.assertEqual(msg["parent_id"], self.root("x.pst")["id"])
        self.assertEqual(msg["handler"], "mime")
        self.assertEqual(msg["file"]["mime_type"], "message/rfc822")
        zipo = got[("Inbox/Documents attached", "docs.zip")]
        self.assertEqual(zipo["depth"], 2)
        self.assertEqual(zipo["parent_id"], msg["id"])
        inner = got[("Inbox/Documents attached", "docs.zip", "secret.txt")]
        self.assertEqual(inner["parent_id"], zipo["id"])

    def test_sender_and_recipients_scanned(self):
        o = self.below("x.pst")[("Inbox/Quarterly numbers",)]
        mails = sorted(e["redacted"] for f in o["findings"] if f["entity"] == "email"
                       for e in f["evidence"])
        self.assertEqual(mails, ["a***@example.com", "b***@example.org"])

    def test_text_of_message_and_store(self):
        p = lsutil.run(["text", self.files["x.pst"] + "!Inbox/Quarterly numbers"])
        self.assertEqual(p.returncode, 0, p.stderr)
        out = p.stdout.decode("utf-8")
        self.assertIn("Subject: Quarterly numbers", out)
        self.assertIn("From: Alice Sender <%s>" % gen_pst.EMAIL_SENDER, out)
        self.assertIn(gen_pst.SSN_BODY, out)
        p = lsutil.run(["text", self.files["x.pst"]])
        out = p.stdout.decode("utf-8", "replace")
        for line in ("folder: Inbox (5 items)", "folder: Inbox/Archive (1 items)",
                     "folder: Deleted Items (0 items)"):
            self.assertIn(line, out)

    def test_permute_encoding_reads_the_same(self):
        a = {c: ssns(o) for c, o in self.below("x.pst").items()}
        b = {c: ssns(o) for c, o in self.below("p.pst").items()}
        self.assertEqual(a, b)
        self.assertEqual(self.root("p.pst")["coverage"], "full")
        # a store read whole is not scanned raw: its findings are on its
        # messages, not again on the store (pipeline.c raw_is_redundant)
        self.assertEqual(ssns(self.root("p.pst")), [])
        self.assertEqual(ssns(self.root("x.pst")), [])
        self.assertIn(last4(gen_pst.SSN_HTML), [s for v in a.values() for s in v])

    # ---- damaged stores: partial, a reason, never a crash ----

    def assertPartial(self, name, needle=None):
        o = self.root(name)
        self.assertEqual(o["handler"], "pst")
        self.assertNotEqual(o["coverage"], "full", o)
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertNotIn("worker_crash", o["coverage_reasons"])
        self.assertNotEqual(o["verdict"], "clean")
        if needle:
            self.assertTrue(any(needle in e for e in o["errors"]), o["errors"])
        return o

    def test_truncated(self):
        self.assertPartial("trunc.pst", "pst:")

    def test_damaged_node_btree(self):
        self.assertPartial("badnbt.pst", "Inbox")

    def test_damaged_block_btree(self):
        self.assertPartial("badbbt.pst", "unreadable")

    def test_damaged_message_keeps_the_rest(self):
        self.assertPartial("badmsg.pst", "unreadable")
        got = self.below("badmsg.pst")
        self.assertNotIn(("Inbox/Quarterly numbers",), got)
        want = {c: [last4(s) for s in v] for c, v in EXPECT.items() if c != ("Inbox/Quarterly numbers",)}
        self.assertEqual({c: ssns(o) for c, o in got.items()}, want)

    def test_truncated_data_keeps_what_is_there(self):
        self.assertPartial("cutdata.pst", "unreadable")
        got = self.below("cutdata.pst")
        self.assertEqual(ssns(got[("Inbox/Quarterly numbers",)]), [last4(gen_pst.SSN_BODY)])
        self.assertLess(len(got), len(EXPECT))
        for chain, o in got.items():
            self.assertEqual(ssns(o), [last4(s) for s in EXPECT[chain]], chain)

    def test_orphan_message(self):
        """A message whose folder node is gone is read under "(orphans)"."""
        o = self.assertPartial("orphan.pst", "(orphans)")
        self.assertTrue(any("contents table lists 4 items" in e for e in o["errors"]), o["errors"])
        got = self.below("orphan.pst")
        self.assertNotIn(("Inbox/Quarterly numbers",), got)
        self.assertEqual(ssns(got[("(orphans)/Quarterly numbers",)]), [last4(gen_pst.SSN_BODY)])


def sanitized():
    """ASan/UBSan builds say so in `leaksift version`; their RSS is 2-3x."""
    p = lsutil.run(["version"])
    return b"sanitizers: on" in p.stderr


def peak_rss_mb(workdir, path):
    """Run a scan of path; (exit code, peak RSS in MiB of the CLI and the
    workers it waited for, manifest)."""
    out = os.path.join(workdir, "bulk.jsonl")
    pid = os.fork()
    if pid == 0:
        try:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            # ASan's free quarantine (256 MiB) would be measured, not us
            env = dict(os.environ)
            env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"),
                                                         "quarantine_size_mb=0"]))
            os.execve(lsutil.LEAKSIFT, [lsutil.LEAKSIFT, "scan", "-q", "-j", "1", "-o", out, path], env)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024, lsutil.load(out)


class PstBulkTest(unittest.TestCase):
    """A store of 200 messages with attachments (4.3 MiB, 18 AMap ranges): every
    message read, memory grows with the store's size (it is mapped and
    scanned raw), not with the number of items libpff walks."""

    def test_bulk_store(self):
        with tempfile.TemporaryDirectory() as tmp:
            big = os.path.join(tmp, "bulk.pst")
            small = os.path.join(tmp, "mini.pst")
            gen_pst.build(big, gen_pst.bulk_spec(folders=10, per_folder=20, attach_bytes=20000))
            gen_pst.build(small, gen_pst.mini_spec())
            rc, rss_big, m = peak_rss_mb(tmp, big)
            self.assertEqual(rc, 1)
            root = m.obj(big)
            self.assertEqual(root["coverage"], "full", root["errors"])
            below = [o for o in m.objects if o["depth"] > 0]
            self.assertEqual(len(below), 400)  # 200 messages + 200 attachments
            hits = [o["chain"] for o in below if ssns(o)]
            self.assertEqual(hits, [["Folder 009/Report 009-0019"]])
            rc, rss_small, _ = peak_rss_mb(tmp, small)
            store_mb = os.path.getsize(big) / 1048576.0
            scale = 3 if sanitized() else 1
            self.assertLess(rss_big - rss_small, (store_mb + 8) * scale,
                            "peak RSS %.1f MiB (mini store: %.1f MiB), store %.1f MiB"
                            % (rss_big, rss_small, store_mb))


class PstBudgetTest(unittest.TestCase):
    """The root's byte and member budgets stop the walk: partial with the
    limit as the reason, what was read before kept."""

    def scan(self, *flags):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "b.pst")
            gen_pst.build(path, gen_pst.bulk_spec(folders=4, per_folder=10, attach_bytes=20000))
            proc, m = lsutil.scan(tmp, [path], *flags)
            self.assertIn(proc.returncode, (0, 1), proc.stderr[-2000:])
            return m.obj(path), [o for o in m.objects if o["depth"] > 0]

    def test_byte_budget(self):
        root, below = self.scan("--max-bytes", "300K", "--bytes-factor", "0")
        self.assertEqual(root["coverage"], "partial")
        self.assertIn("limit:bytes", root["coverage_reasons"])
        self.assertTrue(0 < len(below) < 80, len(below))

    def test_member_budget(self):
        root, below = self.scan("--max-members", "25")
        self.assertIn("limit:members", root["coverage_reasons"])
        self.assertEqual(len(below), 25)


class PstNamesTest(unittest.TestCase):
    """Non-ASCII folder, subject and file names come out as UTF-8 in the
    chain; an attachment without a name is attachment-N."""

    def test_names(self):
        spec = {"folders": [{"name": "Entwürfe", "messages": [
            {"subject": "Überweisung für März €", "body": "SSN %s" % gen_pst.SSN_BODY,
             "attachments": [{"name": "Bestätigung.txt", "data": ("SSN %s" % gen_pst.SSN_ATTACH).encode()},
                             {"name": "", "data": b"no name"}]}]}]}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "u.pst")
            gen_pst.build(path, spec)
            proc, m = lsutil.scan(tmp, [path])
            got = {tuple(o["chain"]): ssns(o) for o in m.objects if o["depth"] > 0}
            msg = "Entwürfe/Überweisung für März €"
            self.assertEqual(got, {(msg,): [last4(gen_pst.SSN_BODY)],
                                   (msg, "Bestätigung.txt"): [last4(gen_pst.SSN_ATTACH)],
                                   (msg, "attachment-2"): []})


class PstCodepageTest(unittest.TestCase):
    """An HTML body is bytes in PidTagInternetCodepage: windows-1251 text
    comes out as Cyrillic, not as windows-1252 guesswork."""

    def test_html_codepage(self):
        spec = {"folders": [{"name": "Inbox", "messages": [
            {"subject": "Зарплата", "codepage": 1251,
             "html": "<p>Сотрудник Иванов, SSN %s</p>" % gen_pst.SSN_HTML}]}]}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "cp.pst")
            gen_pst.build(path, spec)
            p = lsutil.run(["text", path + "!Inbox/Зарплата"])
            self.assertEqual(p.returncode, 0, p.stderr)
            out = p.stdout.decode("utf-8")
            self.assertIn("Сотрудник Иванов", out)
            self.assertIn(gen_pst.SSN_HTML, out)


class PstContactTest(unittest.TestCase):
    """A contact keeps its personal data in string properties, not in a
    body: every string property reaches the text; no subject, so the
    display name names the record."""

    def test_contact(self):
        contact = {"subject": "", "class": "IPM.Contact",
                   "strings": {0x3001: "Jane Roe", 0x3A08: "+1 202 555 0147", 0x3A29: "12 Elm Street",
                               0x8083: "jane.roe@example.net", 0x3004: "SSN %s" % gen_pst.SSN_BODY}}
        spec = {"folders": [{"name": "Contacts", "class": "IPF.Contact", "messages": [contact]}]}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "c.pst")
            gen_pst.build(path, spec)
            proc, m = lsutil.scan(tmp, [path])
            o = m.obj(path, ["Contacts/Jane Roe"])
            self.assertEqual(ssns(o), [last4(gen_pst.SSN_BODY)])
            self.assertIn("email", lsutil.entities(o))
            out = lsutil.run(["text", path + "!Contacts/Jane Roe"]).stdout.decode()
            self.assertIn("0x3a08: +1 202 555 0147", out)
            self.assertIn("0x3a29: 12 Elm Street", out)


class PstDuplicateNamesTest(unittest.TestCase):
    """Repeated subjects and sibling folder names get " (N)": every chain
    names one record, and `leaksift text` reaches each."""

    def test_duplicates(self):
        def msg(subject, ssn):
            return {"subject": subject, "body": "SSN %s" % ssn if ssn else "none"}
        spec = {"folders": [
            {"name": "Inbox", "messages": [msg("Re: hello", gen_pst.SSN_BODY), msg("Re: hello", gen_pst.SSN_HTML),
                                           msg("Re: hello (2)", None), msg("Re: hello", gen_pst.SSN_ATTACH)]},
            {"name": "Inbox", "messages": [msg("other", gen_pst.SSN_ZIP)]}]}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "dup.pst")
            gen_pst.build(path, spec)
            proc, m = lsutil.scan(tmp, [path])
            got = {tuple(o["chain"]): ssns(o) for o in m.objects if o["depth"] > 0}
            self.assertEqual(got, {("Inbox/Re: hello",): [last4(gen_pst.SSN_BODY)],
                                   ("Inbox/Re: hello (2)",): [last4(gen_pst.SSN_HTML)],
                                   ("Inbox/Re: hello (2) (2)",): [],
                                   ("Inbox/Re: hello (3)",): [last4(gen_pst.SSN_ATTACH)],
                                   ("Inbox (2)/other",): [last4(gen_pst.SSN_ZIP)]})
            p = lsutil.run(["text", path + "!Inbox/Re: hello (3)"])
            self.assertIn(gen_pst.SSN_ATTACH, p.stdout.decode())


class PstSearchFolderTest(unittest.TestCase):
    def test_search_folders_are_not_missing_folders(self):
        # Outlook keeps search folders (node type 0x03) under "Search Root",
        # whose PidTagSubfolders is set: they hold criteria, not messages,
        # so the store is read in full (java-libpst's dist-list.pst was
        # parse_error for it)
        spec = {"folders": [
            {"name": "Inbox", "messages": [{"subject": "s", "body": "SSN %s" % gen_pst.SSN_BODY}]},
            {"name": "Search Root", "search_folders": ["Unread Mail", "Large Mail"]}]}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "search.pst")
            gen_pst.build(path, spec)
            proc, m = lsutil.scan(tmp, [path])
            o = m.obj(path)
            self.assertEqual(o["handler"], "pst")
            self.assertEqual((o["coverage"], o["coverage_reasons"], o["errors"]), ("full", [], []))
            got = {tuple(x["chain"]): ssns(x) for x in m.objects if x["depth"] > 0}
            self.assertEqual(got, {("Inbox/s",): [last4(gen_pst.SSN_BODY)]})


class PstFlipTest(unittest.TestCase):
    """Bytes overwritten across the store: every copy gets a record, none
    crashes a worker."""

    def test_overwritten_bytes(self):
        data = gen_pst.build_bytes(gen_pst.default_spec())
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            step = len(data) // 24
            for k in range(24):
                b = bytearray(data)
                at = 0x4400 + k * step if k else 600
                at = min(at, len(b) - 64)
                b[at:at + 48] = bytes((i * 37 + k) & 0xFF for i in range(48))
                p = os.path.join(tmp, "f%02d.pst" % k)
                with open(p, "wb") as f:
                    f.write(b)
                paths.append(p)
            proc, m = lsutil.scan(tmp, paths)
            self.assertIn(proc.returncode, (0, 1), proc.stderr[-2000:])
            for p in paths:
                o = m.obj(p)
                self.assertNotIn("worker_crash", o["coverage_reasons"], p)
                self.assertNotIn("limit:time", o["coverage_reasons"], p)


if __name__ == "__main__":
    unittest.main()
