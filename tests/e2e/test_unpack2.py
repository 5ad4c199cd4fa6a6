#!/usr/bin/env python3
"""End-to-end: the unpacking gaps closed by the unpack2 session (fixtures:
tests/gen/gen_unpack2.py, made by 7z, gzip, GNU tar, compress and bsdtar).

- a 7z whose folder (solid block) libarchive cannot decode (7-Zip's
  Deflate64 coder; a damaged LZMA2 block) no longer loses the folders after
  it: their members are read (the planted values found), the undecodable
  folder's members are still recorded unread with the failure's reason;
- a gzip or .tar.gz whose CRC-32 or ISIZE trailer is wrong is parse_error
  (gzip -t's "crc error" / "length error"), while several members, tape
  padding, bgzip-style blocks and full-flush streams stay full;
- a compress (.Z) stream cut inside a code is truncated; whole ones (also a
  bsdtar .tar.Z padded to its block) stay full;
- a root file with holes bigger than --max-scan has its data scanned, not
  its first --max-scan bytes of zeros: full when all of its data fits,
  limit:scan (naming the data scanned) when it does not;
- the directory walk goes by each directory's descriptor (openat, not the
  path from the top) and gives descriptors up past a depth set by
  RLIMIT_NOFILE: a 600-deep chain walked under a limit of 64 descriptors
  records every file, once, and its symlinks (to a directory above, to a
  file) unfollowed. (The speed is in the report, not tested.)
"""
import os
import resource
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_unpack2 as gen  # noqa: E402

KEY = b"unpack2-e2e-fingerprint-key"


class Unpack2(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "arc")
        cls.sparse = os.path.join(cls.tmp.name, "sparse")
        cls.names = gen.generate(cls.dir, cls.sparse)
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir, cls.sparse], KEY, "-j2",
                                            "--max-scan", "16M")
        cls.ssn = lsutil.fingerprint(KEY, "ssn", gen.SSN.replace("-", ""))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.sparse if name.endswith(".img") else self.dir, name)

    def check(self, name):
        if name not in gen.EXPECT:
            self.skipTest("%s: its tool is missing here" % name)
        self.assertIsNotNone(self.m, self.proc.stderr)
        lsutil.check_expect(self, self.m, self.path(name), gen.EXPECT[name], self.ssn)

    def test_7z_folders_after_an_unknown_coder(self):
        self.check("folders_deflate64.7z")
        # two Deflate64 folders: the failure is said once, and the count of
        # members read after opening the 7z again is the LZMA2 ones only
        errs = self.m.obj(self.path("folders_deflate64.7z"))["errors"]
        self.assertEqual(sum("Unknown codec" in e for e in errs), 1, errs)
        self.assertIn("7z: 5 member(s) of later folders read after opening it again", errs)

    def test_7z_folder_after_a_damaged_one(self):
        self.check("folder_damaged.7z")

    def test_gzip_trailers_wrong(self):
        for n in ("crc_bad.tar.gz", "isize_bad.tar.gz", "isize_bad.txt.gz", "crc_bad.txt.gz",
                  "second_bad.txt.gz"):
            self.check(n)

    def test_gzip_healthy_shapes_quiet(self):
        for n in ("members.txt.gz", "padded.tar.gz", "blocked.txt.gz", "fullflush.txt.gz"):
            self.check(n)

    def test_compress_cut(self):
        for n in ("cut12.txt.Z", "cut16.txt.Z"):
            self.check(n)

    def test_compress_whole_quiet(self):
        for n in ("memo12.txt.Z", "memo16.txt.Z", "memo_block.tar.Z"):
            self.check(n)

    def test_sparse_root_data_scanned(self):
        self.check("disk.img")
        o = self.m.obj(self.path("disk.img"))
        offs = [ev["offset"] for f in o["findings"] if f["entity"] == "ssn" for ev in f["evidence"]]
        self.assertTrue(offs and all(x >= 80 << 20 for x in offs), offs)
        self.assertTrue(any("holes" in e for e in o["errors"]), o["errors"])

    def test_sparse_root_data_over_max_scan(self):
        self.check("big_data.img")
        o = self.m.obj(self.path("big_data.img"))
        self.assertTrue(any("scanned the first 16777216 of its" in e for e in o["errors"]), o["errors"])

    def test_no_value_in_manifest(self):
        self.assertIsNotNone(self.m, self.proc.stderr)
        for v in (gen.SSN, gen.SSN.replace("-", ""), gen.CARD, gen.CARD.replace(" ", "")):
            self.assertNotIn(v, self.m.text)



class DeepWalk(unittest.TestCase):
    LEVELS = 600

    def test_deep_chain_low_fd_limit(self):
        with tempfile.TemporaryDirectory() as tmp:
            top = os.path.join(tmp, "share")
            os.mkdir(top)
            want = {}
            fd = os.open(top, os.O_RDONLY)
            rel = "share"
            try:
                for i in range(self.LEVELS):
                    if i % 100 == 7:
                        f = os.open("note.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                        os.write(f, b"level %d\n" % i)
                        os.close(f)
                        want[rel + "/note.txt"] = "regular"
                        os.symlink("..", "up", dir_fd=fd)
                        want[rel + "/up"] = "symlink"
                    # two subdirectories: the walk comes back up to the second
                    os.mkdir("a%03d" % i, dir_fd=fd)
                    if i % 50 == 3:
                        os.mkdir("b_side", dir_fd=fd)
                        f = os.open("b_side/side.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                        os.write(f, b"side %d\n" % i)
                        os.close(f)
                        want[rel + "/b_side/side.txt"] = "regular"
                    nfd = os.open("a%03d" % i, os.O_RDONLY, dir_fd=fd)
                    os.close(fd)
                    fd = nfd
                    rel += "/a%03d" % i
                f = os.open("leaf.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                os.write(f, b"the bottom\n")
                os.close(f)
                want[rel + "/leaf.txt"] = "regular"
            finally:
                os.close(fd)
            out = os.path.join(tmp, "m.jsonl")

            def low():
                resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
            p = subprocess.run([lsutil.LEAKSIFT, "scan", "-q", "-j1", "-o", out, "share"], cwd=tmp,
                               capture_output=True, preexec_fn=low, timeout=300)
            self.assertIn(p.returncode, (0, 1), p.stderr[-2000:])
            m = lsutil.load(out)
            roots = m.roots()
            got = [o["path"] for o in roots]
            self.assertEqual(sorted(got), sorted(want), p.stderr[-2000:])
            for o in roots:
                if want[o["path"]] == "symlink":
                    self.assertIn("not_followed", o["coverage_reasons"], o["path"][-80:])
                else:
                    self.assertEqual(o["coverage"], "full", (o["path"][-80:], o["errors"]))


if __name__ == "__main__":
    unittest.main()
