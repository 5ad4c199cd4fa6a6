#!/usr/bin/env python3
"""A worker stuck in an endless loop inside libarchive is killed after
--stall-timeout seconds of CPU without progress (core/watch.h,
src/pool/pool_super.c), not after the root's wall-time limit: the root is
`incomplete` with `limit:time` and says why, every other root is scanned,
the exit code is 1.

Fixtures (tests/gen/gen_xar.py, into a temporary directory): a xar whose
files say hardlink twice (libarchive 3.6.2 loops in archive_read_next_header
without reading input) and a plain xar, which must still be read whole.
With the test hooks, a marker root spins inside a watched section.
`leaksift text`, which has no supervisor, gives up on its own (exit 2).
"""
import os
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import lsutil  # noqa: E402
import gen_xar  # noqa: E402
import gen_pst  # noqa: E402

HOOKS = b"test hooks: on" in lsutil.run(["version"]).stderr


class Stall(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.tree = os.path.join(self.tmp.name, "in")
        gen_xar.main(self.tree)
        with open(os.path.join(self.tree, "memo.txt"), "wb") as f:
            f.write(b"Call me: ana.ribeiro@example.net\n")

    def tearDown(self):
        self.tmp.cleanup()

    def scan(self, *extra):
        t0 = time.monotonic()
        p, m = lsutil.scan(self.tmp.name, [self.tree], "-j2", *extra, timeout=240)
        return p, m, time.monotonic() - t0

    def test_libarchive_loop_costs_its_root_only(self):
        p, m, took = self.scan("--stall-timeout", "2")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertLess(took, 120)  # the root limit (600 s) never came into it
        stuck = m.obj(os.path.join(self.tree, "doublelink.xar"))
        self.assertEqual((stuck["verdict"], stuck["coverage"], stuck["coverage_reasons"]),
                         ("incomplete", "none", ["limit:time"]))
        self.assertIn("inside libarchive or libpff without progress", " ".join(stuck["errors"]))
        plain = m.obj(os.path.join(self.tree, "plain.xar"))
        self.assertEqual(plain["coverage"], "full")
        notes = m.obj(os.path.join(self.tree, "plain.xar"), ["notes.txt"])
        self.assertEqual(lsutil.distinct(notes, "email"), 1)
        memo = m.obj(os.path.join(self.tree, "memo.txt"))
        self.assertEqual(lsutil.distinct(memo, "email"), 1)
        self.assertEqual(m.run["limits"]["stall_s"], 2)

    def test_stall_timeout_zero_is_off(self):
        os.unlink(os.path.join(self.tree, "doublelink.xar"))
        p, m, _ = self.scan("--stall-timeout", "0")
        self.assertEqual(m.run["limits"]["stall_s"], 0)
        self.assertEqual(m.obj(os.path.join(self.tree, "plain.xar"))["coverage"], "full")

    def test_bad_value_is_an_error(self):
        p = lsutil.run(["scan", "--stall-timeout", "soon", self.tree])
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"--stall-timeout", p.stderr)

    def test_text_command_gives_up(self):
        """leaksift text runs in-process, without a supervisor: its own CPU
        timer ends a libarchive loop after 10 s of CPU (exit 2, a message)."""
        t0 = time.monotonic()
        p = lsutil.run(["text", os.path.join(self.tree, "doublelink.xar")], timeout=240)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"no progress", p.stderr)
        self.assertLess(time.monotonic() - t0, 200)
        p = lsutil.run(["text", os.path.join(self.tree, "plain.xar") + "!notes.txt"])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(b"mia.lindqvist@example.org", p.stdout)

    @unittest.skipUnless(HOOKS, "CLI built without -DLEAKSIFT_TEST_HOOKS=ON")
    def test_marker_spinning_in_a_watched_call(self):
        os.unlink(os.path.join(self.tree, "doublelink.xar"))
        with open(os.path.join(self.tree, "spin.txt"), "wb") as f:
            f.write(b"LEAKSIFT-TEST-STALL\n")
        p, m, took = self.scan("--stall-timeout", "1", "--root-timeout", "500")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertLess(took, 120)
        spin = m.obj(os.path.join(self.tree, "spin.txt"))
        self.assertEqual((spin["coverage"], spin["coverage_reasons"]), ("none", ["limit:time"]))
        self.assertIn("--stall-timeout", " ".join(spin["errors"]))
        self.assertEqual(m.summary["roots"], 3)

    def test_pst_store_is_watched_its_messages_are_not(self):
        """A PST store runs under the watch (libpff has no loop we can
        provoke on demand: with the test hooks a message subject spins in
        the walk); its messages and their attachments (a zip, read by
        libarchive) run outside it, so a whole store with --stall-timeout 1
        is read in full."""
        os.unlink(os.path.join(self.tree, "doublelink.xar"))
        gen_pst.build(os.path.join(self.tree, "mail.pst"), gen_pst.default_spec(big=True))
        spec = gen_pst.mini_spec()
        spec["folders"][0]["messages"].insert(0, {"subject": "LEAKSIFT-TEST-STALL",
                                                  "sender_name": "S", "body": "spin"})
        if HOOKS:
            gen_pst.build(os.path.join(self.tree, "spin.pst"), spec)
        p, m, took = self.scan("--stall-timeout", "1", "--root-timeout", "500")
        self.assertLess(took, 120)
        store = m.obj(os.path.join(self.tree, "mail.pst"))
        self.assertEqual((store["coverage"], store["coverage_reasons"]), ("full", []))
        zipped = m.obj(os.path.join(self.tree, "mail.pst"),
                       ["Inbox/Documents attached", "docs.zip", "secret.txt"])
        self.assertEqual(lsutil.distinct(zipped, "ssn"), 1)
        if HOOKS:
            self.assertEqual(p.returncode, 1, p.stderr)
            spin = m.obj(os.path.join(self.tree, "spin.pst"))
            self.assertEqual((spin["verdict"], spin["coverage_reasons"]), ("incomplete", ["limit:time"]))
            self.assertIn("libpff without progress", " ".join(spin["errors"]))


if __name__ == "__main__":
    unittest.main()
