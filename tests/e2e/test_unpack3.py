#!/usr/bin/env python3
"""End-to-end: the unpacking and walk gaps closed by the unpack3 session
(fixtures: tests/gen/gen_unpack3.py, made by 7z and compress).

- a 7z whose folders (solid blocks) do not all decode: each folder after a
  failed one is found by its first member (a dry read tells a member's
  folder without decoding it), so a folder that decodes between two that
  do not is read (the search galloped over it before), and the members of
  a later folder that fails too say so;
- a 7z whose damaged folder holds a symbolic link: libarchive reads its
  target while listing, the listing ends there, and the members after it
  were left out without a word: a note says so now;
- a compress (.Z) stream followed by bytes whose codes are not valid:
  libarchive failed the block it was decoding and the stream's last data
  (the PII) was lost; now decoded up to those bytes, which are read as the
  member hidden_data, and the stream said parse_error (damage and appended
  bytes cannot be told apart: no end marker);
- roots deep in a tree are stat'ed and opened from their directory's
  descriptor, not by their path from the top: a chain of 1,200 levels with
  a file at each made 1.8 million openat calls (3,000 levels: 10 s of CPU),
  now a few per root (counted with strace when it is there, not timed);
  paths named in several spellings (./, //, ../, absolute, through a link
  the user named) still reach the same files, links inside are not
  followed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_unpack3 as gen  # noqa: E402

KEY = b"unpack3-e2e-fingerprint-key"


class Unpack3(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "arc")
        gen.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY, "-j2")
        cls.ssn = lsutil.fingerprint(KEY, "ssn", gen.SSN.replace("-", ""))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, name):
        if name not in gen.EXPECT:
            self.skipTest("%s: its tool is missing here" % name)
        self.assertIsNotNone(self.m, self.proc.stderr)
        lsutil.check_expect(self, self.m, os.path.join(self.dir, name), gen.EXPECT[name], self.ssn)

    def test_7z_good_folder_between_bad_ones(self):
        self.check("good_between_bad.7z")

    def test_7z_alternating_folders(self):
        self.check("alternating.7z")
        if "alternating.7z" not in gen.EXPECT:
            return
        # the second bad folder's members are said to be in a later folder
        # that did not decode either; the first's, in the failed one
        o = self.m.obj(os.path.join(self.dir, "alternating.7z"), ["f1/m_1_0.txt"])
        self.assertTrue(any("did not decode either" in e for e in o["errors"]), o["errors"])
        o = self.m.obj(os.path.join(self.dir, "alternating.7z"), ["f0/m_0_1.txt"])
        self.assertTrue(any("could not be decoded" in e for e in o["errors"]), o["errors"])
        errs = self.m.obj(os.path.join(self.dir, "alternating.7z"))["errors"]
        self.assertIn("7z: 2 member(s) of later folders read after opening it again", errs)

    def test_7z_listing_cut_by_a_link_is_said(self):
        self.check("link_in_damaged.7z")

    def test_compress_bytes_after_the_stream(self):
        self.check("memo_junk.txt.Z")
        if "memo_junk.txt.Z" not in gen.EXPECT:
            return
        o = self.m.obj(os.path.join(self.dir, "memo_junk.txt.Z"), ["hidden_data"])
        self.assertTrue(0 < o["file"]["size"] <= gen.JUNK["memo_junk.txt.Z"], o["file"])

    def test_compress_whole_quiet(self):
        self.check("memo.txt.Z")

    def test_no_value_in_manifest(self):
        self.assertIsNotNone(self.m, self.proc.stderr)
        for v in (gen.SSN, gen.SSN.replace("-", ""), gen.CARD, gen.CARD.replace(" ", "")):
            self.assertNotIn(v, self.m.text)


def chain(top, levels, every=1):
    """A chain of `levels` directories under top with a file note.txt at
    every `every`-th level; returns {relative path: size} of the files."""
    want = {}
    fd = os.open(top, os.O_RDONLY)
    rel = os.path.basename(top)
    try:
        for i in range(levels):
            if i % every == 0:
                data = b"level %d\n" % i
                f = os.open("note.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                os.write(f, data)
                os.close(f)
                want[rel + "/note.txt"] = len(data)
            os.mkdir("a%04d" % i, dir_fd=fd)
            nfd = os.open("a%04d" % i, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nfd
            rel += "/a%04d" % i
    finally:
        os.close(fd)
    return want


class DeepRoots(unittest.TestCase):
    LEVELS = 1200

    def test_file_at_every_level_linear(self):
        if not shutil.which("strace"):
            self.skipTest("strace is not here: the count of lookups cannot be taken")
        tmp = tempfile.mkdtemp()
        # shutil.rmtree recurses once per level: past Python's limit here
        self.addCleanup(subprocess.run, ["rm", "-rf", tmp], check=False)
        top = os.path.join(tmp, "share")
        os.mkdir(top)
        want = chain(top, self.LEVELS)
        out = os.path.join(tmp, "m.jsonl")
        counts = os.path.join(tmp, "strace.txt")
        # the supervisor only (no -f): it walks, stats and opens every root;
        # LeakSanitizer cannot run under ptrace (an ASan build)
        env = dict(os.environ)
        env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
        p = subprocess.run(["strace", "-c", "-o", counts, "-e", "trace=openat,open",
                            lsutil.LEAKSIFT, "scan", "-q", "-j1", "-o", out, "share"], cwd=tmp,
                           capture_output=True, timeout=600, env=env)
        if p.returncode not in (0, 1) or not os.path.exists(counts):
            self.skipTest("strace could not trace here: %r" % p.stderr[-300:])
        m = lsutil.load(out)
        got = {o["path"]: o for o in m.roots()}
        self.assertEqual(sorted(got), sorted(want))
        for path, size in want.items():
            self.assertEqual((got[path]["coverage"], got[path]["file"]["size"]), ("full", size), path[-40:])
        with open(counts) as f:
            text = f.read()
        calls = sum(int(mt.group(1)) for mt in re.finditer(r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?open(?:at)?$",
                                                             text, re.M))
        self.assertGreater(calls, 0, text)
        # a walk opens each directory once; each root is stat'ed and
        # opened once from its directory; going up is one ".." per level
        self.assertLess(calls, 12 * self.LEVELS, text)

    def test_spellings_and_links(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.mkdir(os.path.join(tmp, "data"))
            top = os.path.join(tmp, "data", "tree")
            os.mkdir(top)
            want = chain(top, 40, every=3)
            # siblings at several levels, a link inside (never followed)
            for rel in ("tree/a0000/b", "tree/a0000/a0001/a0002/c", "tree/z"):
                os.makedirs(os.path.join(tmp, "data", rel))
                with open(os.path.join(tmp, "data", rel, "side.txt"), "w") as f:
                    f.write("side of %s\n" % rel)
                want[rel + "/side.txt"] = len("side of %s\n" % rel)
            os.symlink("../../..", os.path.join(top, "a0000", "a0001", "up"))
            os.symlink("data/tree", os.path.join(tmp, "named_link"))
            other = os.path.join(tmp, "other")
            os.mkdir(other)
            with open(os.path.join(other, "o.txt"), "w") as f:
                f.write("other\n")
            out = os.path.join(tmp, "m.jsonl")
            spellings = {"./data//tree/": "data/tree", "named_link": "data/tree",
                         os.path.join(tmp, "other"): None, "data/tree/../tree/z": "data/tree/z"}
            for arg, base in spellings.items():
                p = subprocess.run([lsutil.LEAKSIFT, "scan", "-q", "-j1", "-o", out, arg], cwd=tmp,
                                   capture_output=True, timeout=300)
                self.assertIn(p.returncode, (0, 1), p.stderr[-2000:])
                m = lsutil.load(out)
                roots = m.roots()
                regular = {o["path"]: o for o in roots if "not_followed" not in o["coverage_reasons"]}
                links = [o["path"] for o in roots if "not_followed" in o["coverage_reasons"]]
                for o in regular.values():
                    self.assertEqual(o["coverage"], "full", (arg, o["path"][-60:], o["errors"]))
                if base is None:
                    self.assertEqual([o["file"]["size"] for o in regular.values()], [6], arg)
                    continue
                exp = {k: v for k, v in want.items() if ("data/" + k).startswith(base + "/")}
                got = {}
                for path, o in regular.items():
                    norm = os.path.normpath(path)
                    norm = norm.replace("named_link", "data/tree", 1)
                    got["/".join(norm.split("/")[1:])] = o["file"]["size"]
                self.assertEqual(got, exp, arg)
                if base == "data/tree":
                    self.assertEqual(len(links), 1, (arg, links))


if __name__ == "__main__":
    unittest.main()
