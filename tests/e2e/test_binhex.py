#!/usr/bin/env python3
"""BinHex 4.0 files (tests/gen/gen_binhex.py): the data fork is a child
read by its own handler, a cut file is partial, a name that climbs out is
alerted, and a marked file that does not decode is not clean."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import gen_binhex  # noqa: E402
import lsutil  # noqa: E402



class BinhexTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "mac")
        gen_binhex.main(["gen_binhex.py", cls.dir])
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def obj(self, name, chain=()):
        return self.m.obj(os.path.join(self.dir, name), list(chain))

    def test_data_fork_is_a_child(self):
        for name in ("payroll.hqx", "MAC_FILE_0001"):
            root = self.obj(name)
            self.assertEqual((root["handler"], root["coverage"], root["children"]), ("binhex", "full", 1), name)
            csv = self.obj(name, ["Payroll FY14.csv"])
            self.assertEqual(csv["coverage"], "full", name)
            self.assertEqual(lsutil.last4s(csv, "ssn"), [lsutil.last4(gen_binhex.SSN_CSV)], name)
            self.assertEqual(root["verdict"], "sensitive", name)

    def test_archive_inside(self):
        z = self.obj("archive.hqx", ["cards.zip"])
        self.assertEqual(z["handler"], "archive")
        self.assertEqual(lsutil.last4s(self.obj("archive.hqx", ["cards.zip", "cards.txt"]), "credit_card"),
                         [lsutil.last4(gen_binhex.CARD_ZIP)])

    def test_cut_file(self):
        root = self.obj("cut.hqx")
        self.assertEqual((root["coverage"], root["coverage_reasons"]), ("partial", ["truncated"]))
        child = self.obj("cut.hqx", ["notes.txt"])
        self.assertIn("truncated", child["coverage_reasons"])
        self.assertEqual(lsutil.last4s(child, "ssn"), [lsutil.last4(gen_binhex.SSN_CUT)])

    def test_name_that_climbs_out(self):
        child = self.obj("climb.hqx", ["../../Startup/run.txt"])
        self.assertIn("path_traversal", child["alerts"])
        self.assertEqual(lsutil.last4s(child, "ssn"), [lsutil.last4(gen_binhex.SSN_CLIMB)])
        self.assertEqual(self.obj("climb.hqx")["verdict"], "hostile")

    def test_garbled_is_not_clean(self):
        o = self.obj("garbled.hqx")
        self.assertEqual((o["handler"], o["coverage"], o["coverage_reasons"]), ("binhex", "partial", ["parse_error"]))
        self.assertEqual(o["verdict"], "incomplete")

    def test_pasted_into_a_mail_body(self):
        o = self.obj("pasted.eml")
        self.assertEqual(o["handler"], "mime")
        child = self.obj("pasted.eml", ["staff.csv"])
        self.assertEqual(child["coverage"], "full")
        self.assertEqual(lsutil.last4s(child, "ssn"), [lsutil.last4(gen_binhex.SSN_PASTED)])

    def scan_rss(self, path, out):
        """Exit code and peak RSS (MiB) of `leaksift scan -j1` of path, its
        worker included (wait4 counts reaped descendants)."""
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
        return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024

    def test_run_length_bomb_is_not_expanded(self):
        # 400,000 runs: ~100 MB if expanded, from ~1 MB of text
        path = os.path.join(self.tmp.name, "bomb.hqx")
        with open(path, "wb") as f:
            f.write(gen_binhex.rle_bomb(b"notes.txt", ("SSN %s\n" % gen_binhex.SSN_CSV).encode(), 400000))
        small = os.path.join(self.tmp.name, "small.hqx")
        with open(small, "wb") as f:
            f.write(gen_binhex.rle_bomb(b"notes.txt", ("SSN %s\n" % gen_binhex.SSN_CSV).encode(), 10))
        out = os.path.join(self.tmp.name, "bomb.jsonl")
        _, base = self.scan_rss(small, os.path.join(self.tmp.name, "small.jsonl"))
        code, rss = self.scan_rss(path, out)
        self.assertEqual(code, 1)
        # MiB over the same scan of a 10-run file (the libraries, the rules
        # and a sanitizer's shadow memory cost the same in both): the runs
        # were never expanded
        self.assertLess(rss - base, 40)
        m = lsutil.load(out)
        child = m.obj(path, ["notes.txt"])
        self.assertEqual(lsutil.last4s(child, "ssn"), [lsutil.last4(gen_binhex.SSN_CSV)])

    def test_prose_quoting_the_marker_is_text(self):
        o = self.obj("about-binhex.txt")
        self.assertEqual((o["handler"], o["coverage"], o["coverage_reasons"]), ("text", "full", []))
        self.assertEqual(lsutil.last4s(o, "ssn"), [lsutil.last4(gen_binhex.SSN_CSV)])


if __name__ == "__main__":
    unittest.main()
