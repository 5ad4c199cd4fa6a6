"""End-to-end: RAR 4.x, RAR 5.0, MS-CAB and LHA/LZH through the archive
handler (issue 3, formats).

No tool on a test machine writes these formats, so tests/gen/gen_rarcab.py
builds them from their specifications (stored RAR 4 and RAR 5 members,
CAB folders stored and MSZIP, LHA level 0/1/2 headers with -lh0-, -lhd-
and a literal-only -lh5- encoder). One `leaksift scan` over the fixture
directory; each archive must give every member as a child record with the
right chain and depth, the `archive` handler on the container, each
member's PII in that member (every member's email has its own domain, so
the redacted evidence tells them apart), encrypted members `encrypted`,
truncated archives `partial` with a reason, unsupported methods
`unsupported`. `leaksift text FILE!MEMBER` is checked on members too.

Tests marked expectedFailure are known leaksift bugs (see each docstring):
they document the right behaviour and turn into an unexpected success -
a failing run - once fixed; drop the decorator then.
"""
import os
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_rarcab as gen  # noqa: E402

HAVE_CLI = os.access(lsutil.LEAKSIFT, os.X_OK)


def emails(obj):
    """Redacted email evidence of one object, e.g. {'j***@rar4.top.example.com'}."""
    return {e["redacted"] for f in obj.get("findings", []) if f["entity"] == "email"
            for e in f["evidence"]}


def domain(tag):
    return "@%s.example.com" % tag


@unittest.skipUnless(HAVE_CLI, "LEAKSIFT not set")
class TestArchiveFormats(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._td = tempfile.TemporaryDirectory(prefix="ls-rarcab-")
        base = cls._td.name
        cls.fx_dir = os.path.join(base, "fixtures")
        cls.fx = gen.build(cls.fx_dir)
        # the same archives one level down, in a zip
        cls.nested = os.path.join(cls.fx_dir, "nested.zip")
        with zipfile.ZipFile(cls.nested, "w") as z:
            for n in ("main.rar", "main5.rar", "main.cab", "main.lzh"):
                z.write(cls.fx[n], "inner/" + n)
        cls.work = os.path.join(base, "work")
        os.mkdir(cls.work)
        cls.proc, cls.m = lsutil.scan(cls.work, [cls.fx_dir])

    @classmethod
    def tearDownClass(cls):
        cls._td.cleanup()

    # ---- helpers ----

    def path(self, name):
        return os.path.join(self.fx_dir, name)

    def root(self, name):
        o = self.m.obj(self.path(name))
        self.assertEqual(o["depth"], 0)
        self.assertEqual(o["chain"], [])
        self.assertNotIn("worker_crash", o["coverage_reasons"], o)
        return o

    def children(self, name):
        """{member name: record} of the archive's direct members."""
        root = self.root(name)
        kids = [o for o in self.m.by_path(self.path(name)) if o["depth"] == 1]
        out = {}
        for o in kids:
            self.assertEqual(o["parent_id"], root["id"], o)
            self.assertEqual(len(o["chain"]), 1, o)
            self.assertNotIn(o["chain"][0], out, "member recorded twice: %r" % o["chain"])
            out[o["chain"][0]] = o
        return out

    def text(self, name, member):
        p = lsutil.run(["text", "%s!%s" % (self.path(name), member)])
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.decode("utf-8")

    def assertMain(self, name):
        """Every member of a main archive, as gen_rarcab.MEMBERS lists it."""
        want = gen.MEMBERS[name]
        root = self.root(name)
        self.assertEqual(root["handler"], "archive")
        kids = self.children(name)
        files = {n for n, (kind, _) in want.items() if kind != "dir"}
        # directories are recorded only when their name is hostile
        # (docs/unpacking.md); every file, encrypted or not, is a record
        self.assertEqual(set(kids), files)
        for n, (kind, tag) in want.items():
            if kind != "file":
                continue
            o = kids[n]
            self.assertEqual(o["coverage"], "full", o)
            self.assertEqual(o["handler"], "text", o)
            if tag is None:
                self.assertEqual(emails(o), set(), o)
                continue
            got = emails(o)
            self.assertEqual(len(got), 1, (n, got))
            self.assertTrue(next(iter(got)).endswith(domain(tag)), (n, got))
            self.assertIn("credit_card", lsutil.entities(o))
            self.assertIn("jane.doe" + domain(tag), self.text(name, n))
        return root, kids

    def assertEncrypted(self, name, member):
        root = self.root(name)
        o = self.children(name)[member]
        self.assertIn("encrypted", o["alerts"], o)
        self.assertEqual(o["coverage"], "none", o)
        self.assertIn("encrypted", o["coverage_reasons"], o)
        self.assertEqual(o["file"]["size"], 0, o)
        self.assertEqual(emails(o), set())
        self.assertEqual(root["coverage"], "partial")
        self.assertIn("encrypted", root["coverage_reasons"])
        self.assertEqual(self.text(name, member), "")

    # ---- the scan itself ----

    def test_scan_completed(self):
        self.assertIsNotNone(self.m, self.proc.stderr)
        self.assertIsNotNone(self.m.summary, "no summary line")
        self.assertIn(self.proc.returncode, (0, 1), self.proc.stderr)
        self.assertEqual(set(self.fx) | {"nested.zip"},
                         {os.path.basename(o["path"]) for o in self.m.roots()})

    def test_generator_deterministic(self):
        self.assertEqual(gen.fixtures(), gen.fixtures())
        for name, data in gen.fixtures().items():
            with open(self.fx[name], "rb") as f:
                self.assertEqual(f.read(), data, name)

    # ---- RAR 4.x ----

    def test_rar4_members(self):
        root, kids = self.assertMain("main.rar")
        self.assertEqual(kids["hr/staff.txt"]["file"]["size"], len(gen.pii("rar4.sub")))

    def test_rar4_encrypted(self):
        self.assertEncrypted("main.rar", "secret.txt")
        self.assertEqual(self.children("main.rar")["secret.txt"]["file"]["declared_size"], 48)

    def test_rar4_truncated(self):
        root = self.root("truncated.rar")
        kids = self.children("truncated.rar")
        self.assertEqual(root["handler"], "archive")
        self.assertEqual(root["coverage"], "partial")
        self.assertTrue(any("runcated" in e for e in root["errors"]), root["errors"])
        # everything before the cut is there, with its PII
        self.assertTrue(next(iter(emails(kids["report.txt"]))).endswith(domain("rar4.top")))
        self.assertTrue(next(iter(emails(kids["hr/staff.txt"]))).endswith(domain("rar4.sub")))
        self.assertNotIn("after.txt", kids)

    def test_rar4_truncated_reason(self):
        """BUG: the archive breaks off while skipping an encrypted member's
        data; header_error() (src/unpack/unpack_archive.c) takes every header
        error after an encrypted member for encryption, because
        archive_read_has_encrypted_entries() stays > 0 for the rest of the
        archive: the container gets `encrypted` but not `truncated`."""
        self.assertIn("truncated", self.root("truncated.rar")["coverage_reasons"])

    def test_rar4_unsupported_method(self):
        root = self.root("unsupported.rar")
        o = self.children("unsupported.rar")["odd.bin"]
        self.assertEqual(o["coverage"], "partial", o)
        self.assertTrue(any("nsupported" in e for e in o["errors"]), o)
        self.assertEqual(root["coverage"], "partial")

    def test_rar4_unsupported_reason(self):
        """BUG: libarchive's RAR reader returns ARCHIVE_FATAL for an unknown
        method ("Unsupported compression method for RAR file."); stop_tags()
        maps "nsupported" to `unsupported` only for ARCHIVE_FAILED, so the
        member is `truncated`."""
        o = self.children("unsupported.rar")["odd.bin"]
        self.assertIn("unsupported", o["coverage_reasons"])
        self.assertNotIn("truncated", o["coverage_reasons"])

    # ---- RAR 5.0 ----

    def test_rar5_members(self):
        root, kids = self.assertMain("main5.rar")
        self.assertIn("donn\u00e9es.txt", kids)  # UTF-8 name kept

    def test_rar5_encrypted_member(self):
        """BUG (libarchive 3.6-3.7 limitation): the RAR5 reader skips the
        file encryption extra record (EX_CRYPT, archive_read_support_format_
        rar5.c "Skip unsupported entry") and never sets is_data_encrypted,
        so the ciphertext is read as the member's content (coverage full).
        leaksift must find the record itself (a RAR5 header walk, like
        zipcd.c for zip)."""
        self.assertEncrypted("main5.rar", "secret.txt")

    def test_rar5_header_encrypted(self):
        root = self.root("headenc5.rar")
        self.assertEqual(root["handler"], "archive")
        self.assertEqual(root["coverage"], "none")
        self.assertIn("encrypted", root["coverage_reasons"])
        self.assertIn("encrypted", root["alerts"])
        self.assertEqual(self.children("headenc5.rar"), {})

    def test_rar5_truncated(self):
        root = self.root("truncated5.rar")
        kids = self.children("truncated5.rar")
        self.assertEqual(root["coverage"], "partial")
        self.assertIn("truncated", root["coverage_reasons"])
        self.assertTrue(root["errors"])
        self.assertTrue(next(iter(emails(kids["report.txt"]))).endswith(domain("rar5.top")))
        cut = kids["donn\u00e9es.txt"]
        self.assertEqual(cut["coverage"], "partial")
        self.assertIn("truncated", cut["coverage_reasons"])
        self.assertNotIn("after.txt", kids)

    def test_rar5_bad_compressed_data(self):
        """A member claiming compression (version 1, method 3) with bytes that
        are no RAR5 stream: libarchive 3.6 does not check the version, so this
        reads as damage, never as success. (A real compressed member cannot be
        produced without a RAR5 compressor: the `unsupported` case is not
        testable for RAR5.)"""
        root = self.root("unsupported5.rar")
        o = self.children("unsupported5.rar")["odd.bin"]
        self.assertEqual(o["coverage"], "partial", o)
        self.assertTrue(o["coverage_reasons"])
        self.assertTrue(o["errors"])
        self.assertEqual(root["coverage"], "partial")

    # ---- MS-CAB ----

    def test_cab_members(self):
        root, kids = self.assertMain("main.cab")
        # the MSZIP member spans three CFDATA blocks; its PII is in the last
        big = kids["hr/staff.txt"]
        self.assertEqual(big["file"]["size"], 70000 + len(gen.pii("cab.sub")))

    def test_cab_zero_checksum(self):
        o = self.children("nocsum.cab")["a.txt"]
        self.assertEqual(o["coverage"], "full")
        self.assertTrue(next(iter(emails(o))).endswith(domain("cab.nocsum")))

    def test_cab_truncated(self):
        root = self.root("truncated.cab")
        kids = self.children("truncated.cab")
        self.assertEqual(root["coverage"], "partial")
        self.assertIn("truncated", root["coverage_reasons"])
        self.assertTrue(root["errors"])
        self.assertTrue(next(iter(emails(kids["report.txt"]))).endswith(domain("cab.top")))
        cut = kids["hr/staff.txt"]
        self.assertEqual(cut["coverage"], "partial")
        self.assertIn("truncated", cut["coverage_reasons"])
        self.assertLess(cut["file"]["size"], 70000)

    def test_cab_unsupported_member(self):
        o = self.children("unsupported.cab")["odd.bin"]
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("unsupported", o["coverage_reasons"])
        self.assertTrue(any("Quantum" in e for e in o["errors"]), o)
        self.assertEqual(self.root("unsupported.cab")["coverage"], "partial")

    def test_cab_unsupported_container_reason(self):
        """BUG: after the Quantum member, libarchive's next header fails
        (ARCHIVE_FATAL "Unsupported CAB compression : Quantum": it cannot
        skip a folder it cannot decode, so the stored folder after it is
        lost too); header_error() notes every FATAL as `truncated`, though
        nothing is cut short."""
        root = self.root("unsupported.cab")
        self.assertIn("unsupported", root["coverage_reasons"])
        self.assertNotIn("truncated", root["coverage_reasons"])

    # ---- LHA / LZH ----

    def test_lha_members(self):
        root, kids = self.assertMain("main.lzh")
        # -lh5- members (literal-only static Huffman) decode to the original
        self.assertEqual(kids["packed.txt"]["file"]["size"], 20000 + len(gen.pii("lha.lh5")))
        self.assertIn("Employee record (lha.lh5small)", self.text("main.lzh", "small5.txt"))

    def test_lha_truncated(self):
        root = self.root("truncated.lzh")
        kids = self.children("truncated.lzh")
        self.assertEqual(root["coverage"], "partial")
        self.assertIn("truncated", root["coverage_reasons"])
        for n in ("report0.txt", "report1.txt", "report2.txt", "hr/staff.txt"):
            self.assertEqual(kids[n]["coverage"], "full", n)
        self.assertEqual(kids["packed.txt"]["coverage"], "partial")
        self.assertIn("truncated", kids["packed.txt"]["coverage_reasons"])

    def test_lha_unsupported_member(self):
        kids = self.children("unsupported.lzh")
        self.assertEqual(set(kids), {"first.txt", "odd.bin", "plain.txt"})
        o = kids["odd.bin"]
        self.assertEqual(o["coverage"], "partial")
        self.assertTrue(any("nsupported" in e for e in o["errors"]), o)
        # the members around it are read
        self.assertTrue(next(iter(emails(kids["plain.txt"]))).endswith(domain("lha.plain")))
        self.assertTrue(next(iter(emails(kids["first.txt"]))).endswith(domain("lha.first")))

    def test_lha_unsupported_reason(self):
        """BUG: libarchive's LHA reader returns ARCHIVE_WARN for an unknown
        method ("Unsupported lzh compression method -lz5-"); stop_tags()
        tags every warning `parse_error`."""
        o = self.children("unsupported.lzh")["odd.bin"]
        self.assertEqual(o["coverage_reasons"], ["unsupported"])

    def test_lha_larc_first_member(self):
        """BUG: an archive whose first member is LArc -lz5- has "-lz5-" at
        offset 2, not "-lh"; arc_probe()'s MIME fallback looks for "x-lha"
        but libmagic says application/x-lzh-compressed, so the archive
        handler never runs and nothing is unpacked."""
        root = self.root("larc.lzs")
        self.assertEqual(root["handler"], "archive")
        self.assertEqual(set(self.children("larc.lzs")), {"odd.bin", "plain.txt"})

    # ---- nested ----

    def test_nested_in_zip(self):
        """Each format one level down: chains of two names, depth 2."""
        objs = self.m.by_path(self.nested)
        for arc, member, tag in (("main.rar", "hr/staff.txt", "rar4.sub"),
                                 ("main5.rar", "hr/staff.txt", "rar5.sub"),
                                 ("main.cab", "hr/staff.txt", "cab.sub"),
                                 ("main.lzh", "hr/deep/deep.txt", "lha.l1sub")):
            inner = self.m.obj(self.nested, ["inner/" + arc])
            self.assertEqual(inner["handler"], "archive")
            self.assertEqual(inner["depth"], 1)
            o = self.m.obj(self.nested, ["inner/" + arc, member])
            self.assertEqual(o["depth"], 2)
            self.assertEqual(o["parent_id"], inner["id"])
            self.assertTrue(next(iter(emails(o))).endswith(domain(tag)), (arc, emails(o)))
            n_members = len([x for x in objs if x["parent_id"] == inner["id"]])
            self.assertEqual(n_members, len([k for k, v in gen.MEMBERS[arc].items()
                                             if v[0] != "dir"]), arc)
        p = lsutil.run(["text", "%s!inner/main.cab!hr/staff.txt" % self.nested])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"jane.doe@cab.sub.example.com", p.stdout)


if __name__ == "__main__":
    unittest.main()
