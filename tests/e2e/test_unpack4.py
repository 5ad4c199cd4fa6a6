#!/usr/bin/env python3
"""End-to-end: gaps the unpack4 session found by running leaksift over
libarchive's own test archives (fixtures: tests/gen/gen_unpack4.py, written
from scratch in each format's structure).

- an RPM package: no handler took it, its gzip'd cpio payload was scanned
  as raw bytes and the package said `full` with the PII inside unseen; its
  files are members now;
- names libarchive builds as wide characters (an LHA archive as LHa for
  Windows writes it, names in CP932 with the code page in an extended
  header; a cabinet's '\\'-separated UTF-8 names without the UTF-8
  attribute) came back "?" with bad_name; LHA names in CP932 with no code
  page header (LHa for DOS) were fatal to libarchive's reader, and the
  members from the first one on were lost: read again with CP932 as the
  default (listed here by `leaksift text -l`; in a worker the converter
  must be loaded before the sandbox, src/pool/pool_worker.c);
- later volumes of a RAR 4 set: the first member (the rest of a file
  begun in the volume before) fails libarchive's CRC check (stored) or
  cannot be decoded (compressed), and the walk stopped there: the volume's
  other members were lost;
- a sparse file ending in a hole: the member was its data only, its size
  and SHA-256 not the file's;
- GNU tar --format=posix of a file named in Latin-1: libarchive's warning
  about the name made the member partial with parse_error.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arcutil import KeyedArchives  # noqa: E402
import lsutil  # noqa: E402
import gen_unpack4 as gen  # noqa: E402


class Unpack4(KeyedArchives):
    GEN = gen
    KEY = b"unpack4-e2e-fingerprint-key"

    def test_rpm_payload_members(self):
        self.check("acme-hr-1.0-1.noarch.rpm")
        root = self.m.obj(os.path.join(self.dir, "acme-hr-1.0-1.noarch.rpm"))
        self.assertEqual(root["handler"], "archive")

    def test_lha_names_in_the_sandbox(self):
        # a worker converts LHA names from CP932 once its converter was
        # loaded before the sandbox (pool_worker.c warm_up())
        for name in ("names_cp932.lzh", "names_dos.lzh", "names_utf8.lzh"):
            self.check(name)
            self.assertEqual(self.members(name), sorted(gen.EXPECT[name])[1:], name)

    def test_cab_wide_names(self):
        self.check("names_utf8.cab")
        for o in self.m.by_path(os.path.join(self.dir, "names_utf8.cab")):
            self.assertNotIn("bad_name", o["alerts"], o["chain"])

    def test_rar_volume_after_a_crc_error(self):
        for name in ("minutes.part2.rar", "report.part3.rar"):
            self.check(name)
            self.assertEqual(self.members(name), sorted(gen.EXPECT[name])[1:], name)

    def test_sparse_hole_at_the_end(self):
        self.check("image.tar")
        for (name, member), (size, sha) in gen.SIZES.items():
            o = self.m.obj(os.path.join(self.dir, name), [member])
            self.assertEqual((o["file"]["size"], o["file"]["hash"]["sha256"]), (size, sha), member)

    def test_latin1_pax_name_is_no_parse_error(self):
        if "latin1_posix.tar" not in gen.EXPECT:
            self.skipTest("GNU tar is missing here")
        self.check("latin1_posix.tar")
        o = self.m.obj(os.path.join(self.dir, "latin1_posix.tar"), [next(iter(gen.EXPECT["latin1_posix.tar"].keys() - {""}))])
        self.assertTrue(any(e.startswith("name: ") for e in o["errors"]), o["errors"])

    def test_lha_names_in_text_command(self):
        # the names through `leaksift text -l` (no worker, no sandbox)
        for name in ("names_cp932.lzh", "names_dos.lzh", "names_utf8.lzh"):
            p = lsutil.run(["text", "-l", os.path.join(self.dir, name)])
            self.assertEqual(p.returncode, 0, p.stderr)
            listed = sorted(ln.split("\t")[0].lstrip("!") for ln in p.stdout.decode("utf-8", "replace").splitlines()
                            if ln.startswith("!"))
            self.assertEqual(listed, sorted(gen.EXPECT[name])[1:], name)


if __name__ == "__main__":
    unittest.main()
