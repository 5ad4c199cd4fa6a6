#!/usr/bin/env python3
"""Foundation (issue 2), end to end: a tree of ~3000 generated files gives one
valid manifest with correct SHA-256 and MIME values for every file; bad input
(unreadable, vanished, empty, special, huge, odd names) never stops the run;
exit codes 0 / 1 / 2; nothing is written outside the -o path.
"""
import base64
import hashlib
import os
import random
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_tree  # noqa: E402

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def one_line_error(test, proc):
    """Exit 2 with a single 'leaksift: ...' line on stderr."""
    err = proc.stderr.decode(errors="replace")
    test.assertEqual(proc.returncode, 2, err)
    lines = [l for l in err.splitlines() if l.strip()]
    test.assertEqual(len(lines), 1, err)
    test.assertTrue(lines[0].startswith("leaksift: "), err)
    return lines[0]


class BigTreeTest(unittest.TestCase):
    """The issue's "Done when": a few thousand files, one valid manifest,
    correct SHA-256 and MIME for every file."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.tree = os.path.join(cls.tmp.name, "tree")
        cls.rel = gen_tree.make_tree(cls.tree, 3000)
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.tree], cwd=cls.tmp.name, timeout=300)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_exit_status_matches_the_summary(self):
        self.assertIn(self.proc.returncode, (0, 1), self.proc.stderr.decode(errors="replace"))
        self.assertEqual(self.proc.returncode, 1 if self.m.summary["quarantined"] else 0)

    def test_first_line_run_last_line_summary(self):
        recs = self.m.records
        self.assertEqual(recs[0]["record"], "run")
        self.assertIsInstance(recs[0]["manifest_version"], int)
        self.assertRegex(recs[0]["rules"]["sha256"], r"^[0-9a-f]{64}$")
        self.assertEqual(recs[-1]["record"], "summary")
        kinds = [r["record"] for r in recs[1:-1]]
        self.assertEqual(set(kinds), {"object", "root_done"})

    def test_one_root_record_per_file(self):
        want = sorted(os.path.join(self.tree, p) for p in self.rel)
        self.assertEqual(len(want), 3000)
        self.assertEqual(sorted(o["path"] for o in self.m.roots()), want)
        for o in self.m.roots():
            self.assertEqual(o["chain"], [])
            self.assertIsNone(o["parent_id"])

    def test_sha256_and_size_of_every_file(self):
        for o in self.m.roots():
            p = o["path"]
            self.assertEqual(o["file"]["size"], os.path.getsize(p), p)
            self.assertEqual(o["file"]["hash"]["sha256"], sha256_file(p), p)

    def test_nested_member_hashes(self):
        """Members of zips and gzips carry the hash of their own bytes."""
        import gzip
        import zipfile
        checked = 0
        for o in self.m.objects:
            if o["depth"] != 1:
                continue
            p = o["path"]
            if p.endswith(".zip"):
                with zipfile.ZipFile(p) as z:
                    data = z.read(o["chain"][0])
            elif p.endswith(".gz"):
                with gzip.open(p) as g:
                    data = g.read()
            else:
                continue
            self.assertEqual(o["file"]["hash"]["sha256"], hashlib.sha256(data).hexdigest(), o["chain"])
            self.assertEqual(o["file"]["size"], len(data))
            checked += 1
        self.assertGreater(checked, 100)

    def test_mime_matches_the_file_command(self):
        """libmagic on the bytes must say what `file` says (same libmagic)."""
        if not shutil.which("file"):
            self.skipTest("the file command is not installed (scripts/deps-debian.txt: file)")
        roots = sorted(self.m.roots(), key=lambda o: o["path"])
        sample = random.Random(7).sample(roots, 100)
        # every kind the generator makes, at least once
        for suffix in (".html", ".csv", ".json", ".pdf", ".png", ".gz", ".zip", ".bin", ".txt"):
            sample.append(next(o for o in roots if o["path"].endswith(suffix)))
        proc = subprocess.run(["file", "--brief", "--mime-type", "--"] + [o["path"] for o in sample],
                              stdout=subprocess.PIPE, timeout=120)
        want = proc.stdout.decode().splitlines()
        self.assertEqual(len(want), len(sample))
        bad = []
        for o, w in zip(sample, want):
            if w == "inode/x-empty":
                w = "application/x-empty"  # file(1) stats the path; on bytes libmagic says this
            if o["file"]["mime_type"] != w:
                bad.append((os.path.basename(o["path"]), o["file"]["mime_type"], w))
        self.assertEqual(bad, [], "leaksift vs file(1) MIME types differ")

    def test_root_done_after_each_roots_records(self):
        """A root's object records are contiguous (in any order: children may
        come before their parent), then its root_done."""
        groups, cur = [], None
        for r in self.m.records[1:-1]:
            if r["record"] == "object":
                if cur is None:
                    cur = []
                cur.append(r)
            else:
                self.assertIsNotNone(cur, "root_done without objects: %r" % r)
                self.assertEqual({o["root_id"] for o in cur}, {r["root_id"]})
                self.assertEqual(r["objects"], len(cur))
                self.assertEqual(r["path"], cur[0]["path"])
                groups.append(cur)
                cur = None
        self.assertIsNone(cur, "the last root has no root_done")
        self.assertEqual(len(groups), 3000)
        self.assertEqual(len({g[0]["root_id"] for g in groups}), 3000, "a root appears twice")
        nested = 0
        for g in groups:
            ids = {o["id"]: o for o in g}
            self.assertEqual(len(ids), len(g), "object ids repeat")
            self.assertEqual(len([o for o in g if o["parent_id"] is None]), 1)
            for o in g:
                self.assertTrue(o["id"].startswith(o["root_id"] + ":"))
                if o["parent_id"] is None:
                    self.assertEqual(o["depth"], 0)
                    continue
                nested += 1
                parent = ids[o["parent_id"]]
                self.assertEqual(o["depth"], parent["depth"] + 1)
                self.assertEqual(o["chain"][:-1], parent["chain"])
        self.assertGreater(nested, 100)

    def test_interrupted_run_leaves_a_valid_manifest(self):
        """SIGTERM mid-run: exit 2, complete root blocks only, a summary last."""
        import signal
        import time
        out = os.path.join(self.tmp.name, "interrupted.jsonl")
        proc = subprocess.Popen([lsutil.LEAKSIFT, "scan", "-o", out, self.tree],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=self.tmp.name)
        deadline = time.time() + 60
        while time.time() < deadline and proc.poll() is None:
            if os.path.exists(out):
                with open(out, "rb") as f:
                    if f.read().count(b'"record":"root_done"') >= 20:
                        break
            time.sleep(0.05)
        if proc.poll() is not None:
            proc.communicate()
            self.skipTest("the scan finished before it could be interrupted")
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
        self.assertEqual(proc.returncode, 2, err.decode(errors="replace"))
        self.assertIn(b"interrupted", err)
        m = lsutil.load(out)
        self.assertEqual(m.records[0]["record"], "run")
        self.assertIsNotNone(m.summary)
        self.assertLess(m.summary["roots"], 3000)
        self.assertEqual(m.summary["roots"], len(m.roots()))
        self.assertEqual(len(m.root_dones), len(m.roots()), "an unfinished root block")
        self.assertEqual(m.records[-2]["record"], "root_done")

    def test_summary_counts(self):
        s = self.m.summary
        self.assertEqual(s["roots"], 3000)
        self.assertEqual(s["objects"], len(self.m.objects))
        self.assertEqual(s["bytes_read"], sum(os.path.getsize(os.path.join(self.tree, p))
                                              for p in self.rel))
        self.assertEqual(sum(s["verdicts"].values()), len(self.m.objects))
        self.assertEqual(sum(s["coverage"].values()), len(self.m.objects))


class BadInputTest(unittest.TestCase):
    """Every kind of bad input gets an object record with coverage and
    reason, and the run goes on."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        t = cls.t = os.path.join(cls.tmp.name, "bad")
        os.mkdir(t)

        def write(name, data):
            with open(os.path.join(os.fsencode(t), os.fsencode(name)), "wb") as f:
                f.write(data)

        write("empty.txt", b"")
        write("a-plain.txt", b"nothing to see here\n")
        write("z-plain.txt", b"the last file, scanned after all the others\n")
        write(b"caf\xe9.txt", b"bonjour\n")
        write("new\nline.txt", b"two\nlines\n")
        write("names.zip", cls.zip_with_raw_name(b"r\xe9sum\xe9.txt", b"hello\n"))
        cls.huge = os.path.join(t, "huge.bin")
        with open(cls.huge, "wb") as f:
            chunk = random.Random(3).randbytes(1 << 20)
            for i in range(20):
                f.write(bytes([i]) + chunk[1:])
        os.mkfifo(os.path.join(t, "fifo"))
        cls.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        cls.sock.bind(os.path.join(t, "sock"))
        os.symlink("/etc/passwd", os.path.join(t, "passwd-link"))
        os.symlink(os.path.join(t, "does-not-exist"), os.path.join(t, "dangling-link"))
        if not IS_ROOT:  # root reads a chmod-000 file anyway
            write("locked.txt", b"secret\n")
            os.chmod(os.path.join(t, "locked.txt"), 0)
            os.mkdir(os.path.join(t, "locked-dir"))
            write("locked-dir/inside.txt", b"x\n")
            os.chmod(os.path.join(t, "locked-dir"), 0)
        # listed, then gone before the scan reaches it
        gone = os.path.join(t, "gone.txt")
        write("gone.txt", b"here for a moment\n")
        os.unlink(gone)
        cls.gone = gone
        cls.notdir = os.path.join(t, "a-plain.txt", "inner")  # ENOTDIR: unreadable for root too
        cls.fifo_direct = os.path.join(t, "fifo")
        lst = os.path.join(cls.tmp.name, "list.txt")
        with open(lst, "w") as f:
            f.write("%s\n%s\n%s\n/dev/null\n" % (gone, cls.notdir, cls.fifo_direct))
        # --spill 4M: the 20 MiB file is mapped rather than read
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [t], "--max-scan", "1M", "--spill", "4M",
                                      "--files-from", lst, cwd=cls.tmp.name, timeout=120)

    @staticmethod
    def zip_with_raw_name(raw, data):
        """A zip whose member name is raw bytes (no UTF-8 flag): zipfile
        writes a same-length placeholder, patched in both headers."""
        import io
        import zipfile
        placeholder = "n" * len(raw)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(placeholder, data)
        out = buf.getvalue()
        assert out.count(placeholder.encode()) == 2
        return out.replace(placeholder.encode(), raw)

    @classmethod
    def tearDownClass(cls):
        cls.sock.close()
        for d, dirs, _ in os.walk(cls.t):
            for x in dirs:
                os.chmod(os.path.join(d, x), 0o755)
        cls.tmp.cleanup()

    def rec(self, name):
        return self.m.obj(os.path.join(self.t, name))

    def assert_none(self, o, reason, alert=None):
        self.assertEqual(o["coverage"], "none", o)
        self.assertEqual(o["coverage_reasons"], [reason], o)
        self.assertIsNone(o["file"]["hash"]["sha256"], o)
        self.assertEqual(o["file"]["size"], 0, o)
        self.assertEqual(o["findings"], [], o)
        self.assertNotEqual(o["verdict"], "clean", o)
        if alert:
            self.assertIn(alert, o["alerts"], o)

    def test_run_completes(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr.decode(errors="replace"))
        self.assertIsNotNone(self.m.summary)
        self.assertEqual(len(self.m.root_dones), len(self.m.roots()))
        self.assertEqual(self.rec("z-plain.txt")["verdict"], "clean")
        self.assertEqual(self.m.summary["roots"], len(self.m.roots()))

    def test_empty_file(self):
        o = self.rec("empty.txt")
        self.assertEqual(o["coverage"], "full")
        self.assertEqual(o["coverage_reasons"], [])
        self.assertEqual(o["verdict"], "clean")
        self.assertEqual(o["file"]["size"], 0)
        self.assertEqual(o["file"]["hash"]["sha256"], EMPTY_SHA256)
        self.assertEqual(o["file"]["mime_type"], "application/x-empty")

    def test_fifo_recorded_never_opened(self):
        # Had the scan opened the FIFO for reading it would have blocked past
        # the timeout: reaching here at all is the proof.
        recs = self.m.by_path(self.fifo_direct)
        self.assertEqual(len(recs), 1)  # named by the walk and by --files-from: listed once
        for o in recs:
            self.assert_none(o, "special_file", "fifo")
            self.assertEqual(o["file"]["mime_type"], "inode/fifo")

    def test_socket(self):
        o = self.rec("sock")
        self.assert_none(o, "special_file", "socket")
        self.assertEqual(o["file"]["mime_type"], "inode/socket")

    def test_device_recorded_never_read(self):
        o = self.m.obj("/dev/null")
        self.assert_none(o, "special_file", "device")
        self.assertEqual(o["file"]["mime_type"], "inode/device")

    def test_symlinks_recorded_not_followed(self):
        for name in ("passwd-link", "dangling-link"):
            o = self.rec(name)
            self.assert_none(o, "not_followed", "symlink")
            self.assertEqual(o["file"]["mime_type"], "inode/symlink")
        self.assertNotIn("root:x:0:0", self.m.text)

    def test_huge_file_partial_with_full_hash(self):
        o = self.rec("huge.bin")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("limit:scan", o["coverage_reasons"])
        self.assertEqual(o["file"]["size"], 20 << 20)
        self.assertEqual(o["file"]["hash"]["sha256"], sha256_file(self.huge))
        self.assertNotEqual(o["verdict"], "clean")

    def test_non_utf8_name(self):
        raw = os.fsencode(self.t) + b"/caf\xe9.txt"
        hits = [o for o in self.m.roots() if o.get("path_b64")]
        self.assertEqual(len(hits), 1, [o["path"] for o in hits])
        o = hits[0]
        self.assertEqual(base64.b64decode(o["path_b64"]), raw)
        self.assertEqual(o["path"], self.t + "/caf\ufffd.txt")
        self.assertEqual(o["file"]["hash"]["sha256"], hashlib.sha256(b"bonjour\n").hexdigest())
        self.assertEqual(o["coverage"], "full")
        # the manifest itself stays valid UTF-8 (lsutil.load decoded it strictly)
        done = [r for r in self.m.root_dones if r["root_id"] == o["root_id"]]
        self.assertEqual(base64.b64decode(done[0]["path_b64"]), raw)

    def test_non_utf8_member_name(self):
        z = os.path.join(self.t, "names.zip")
        kids = [o for o in self.m.by_path(z) if o["depth"] == 1]
        self.assertEqual(len(kids), 1)
        o = kids[0]
        self.assertEqual(o["chain"], ["r\ufffdsum\ufffd.txt"])
        self.assertEqual([base64.b64decode(x) for x in o["chain_b64"]], [b"r\xe9sum\xe9.txt"])
        self.assertEqual(o["file"]["hash"]["sha256"], hashlib.sha256(b"hello\n").hexdigest())
        self.assertNotIn("chain_b64", self.m.obj(z))

    def test_newline_in_name(self):
        o = self.rec("new\nline.txt")
        self.assertEqual(o["file"]["hash"]["sha256"], hashlib.sha256(b"two\nlines\n").hexdigest())
        self.assertNotIn("path_b64", o)
        self.assertEqual(o["coverage"], "full")

    def test_vanished(self):
        o = self.m.obj(self.gone)
        self.assert_none(o, "vanished")
        self.assertTrue(o["errors"], o)

    def test_missing_named_paths_are_said_on_stderr(self):
        # paths the user named (here through --files-from) that cannot be
        # opened are recorded and also said, even with -q: a typo is not silent
        err = self.proc.stderr.decode(errors="replace")
        self.assertIn("%s: No such file or directory" % self.gone, err)
        self.assertIn("%s: Not a directory" % self.notdir, err)

    def test_unreadable_path(self):
        o = self.m.obj(self.notdir)
        self.assert_none(o, "unreadable")
        self.assertIn("Not a directory", " ".join(o["errors"]))

    @unittest.skipIf(IS_ROOT, "running as root: chmod 000 does not stop root from reading")
    def test_unreadable_file_and_dir(self):
        o = self.rec("locked.txt")
        self.assert_none(o, "unreadable")
        self.assertIn("Permission denied", " ".join(o["errors"]))
        d = self.rec("locked-dir")
        self.assert_none(d, "unreadable")


class ExitCodeTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.d = self.tmp.name
        self.cwd = os.path.join(self.d, "cwd")
        os.mkdir(self.cwd)
        self.clean = os.path.join(self.d, "clean")
        os.mkdir(self.clean)
        for i in range(3):
            with open(os.path.join(self.clean, "f%d.txt" % i), "w") as f:
                f.write("plain words about pallets and depots, number %d\n" % i)

    def tearDown(self):
        self.tmp.cleanup()

    def run_cli(self, *args, stdin=None):
        return lsutil.run(list(args), stdin=stdin, cwd=self.cwd, timeout=60)

    def test_clean_tree_exits_0(self):
        proc, m = lsutil.scan(self.d, [self.clean], cwd=self.cwd)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        self.assertEqual(m.summary["quarantined"], 0)
        self.assertEqual(m.summary["verdicts"]["clean"], 3)

    def test_flagged_tree_exits_1(self):
        with open(os.path.join(self.clean, "hr.txt"), "w") as f:
            f.write("CONFIDENTIAL\nEmployee SSN: 536-22-8415\n")
        proc, m = lsutil.scan(self.d, [self.clean], cwd=self.cwd)
        self.assertEqual(proc.returncode, 1, proc.stderr.decode(errors="replace"))
        self.assertEqual(m.summary["quarantined"], 1)
        self.assertEqual(m.obj(os.path.join(self.clean, "hr.txt"))["verdict"], "sensitive")

    def test_bad_flags_exit_2(self):
        for args in (["scan", "--bogus", self.clean],
                     ["scan", "--max-depth", "x", self.clean],
                     ["scan", "--max-scan", "12Q", self.clean],
                     ["scan", "--quarantine", "sometimes", self.clean],
                     ["scan", self.clean, "--max-depth"],
                     ["scan", self.clean, "-o"],
                     ["scan"],
                     ["frobnicate"]):
            with self.subTest(args=args):
                one_line_error(self, self.run_cli(*args))
                self.assertEqual(os.listdir(self.cwd), [], "a manifest was written anyway")

    def test_rule_that_does_not_compile(self):
        bad = os.path.join(self.d, "bad.yar")
        with open(bad, "w") as f:
            f.write("rule ok_rule { strings: $a = \"abc\" condition: $a }\n\n"
                    "rule broken { strings: $b = \"x\" condition: $b and and }\n")
        proc = self.run_cli("scan", "--rules", bad, "-o", os.path.join(self.d, "m.jsonl"), self.clean)
        err = proc.stderr.decode(errors="replace")
        self.assertEqual(proc.returncode, 2, err)
        self.assertIn("bad.yar:3", err)

    def test_unreadable_files_from(self):
        proc = self.run_cli("scan", "-o", os.path.join(self.d, "m.jsonl"),
                            "--files-from", os.path.join(self.d, "no-such-list"))
        err = proc.stderr.decode(errors="replace")
        self.assertEqual(proc.returncode, 2, err)
        self.assertIn("no-such-list", err.splitlines()[0])

    def test_output_in_missing_directory(self):
        out = os.path.join(self.d, "missing", "m.jsonl")
        proc = self.run_cli("scan", "-o", out, self.clean)
        line = one_line_error(self, proc)
        self.assertIn(out, line)
        self.assertFalse(os.path.exists(os.path.dirname(out)))


    def test_manifest_write_failure_exits_2(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        proc = self.run_cli("scan", "-q", "-o", "/dev/full", self.clean)
        err = proc.stderr.decode(errors="replace")
        self.assertEqual(proc.returncode, 2, err)
        self.assertIn("/dev/full", err)

    def test_output_inside_the_scanned_tree_is_not_scanned(self):
        out = os.path.join(self.clean, "m.jsonl")
        proc = self.run_cli("scan", "-q", "-o", out, self.clean)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        m = lsutil.load(out)
        self.assertEqual(sorted(os.path.basename(o["path"]) for o in m.roots()),
                         ["f0.txt", "f1.txt", "f2.txt"])


class ExtMismatchTest(unittest.TestCase):
    def test_extension_that_lies_is_an_alert(self):
        with tempfile.TemporaryDirectory() as d:
            files = {
                "invoice.pdf": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(200),
                "report.pdf": b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n",
                "notes.txt": b"plain words\n",
                "data.bin": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(200),
            }
            for name, data in files.items():
                with open(os.path.join(d, name), "wb") as f:
                    f.write(data)
            _, m = lsutil.scan(d, [os.path.join(d, n) for n in sorted(files)], cwd=d)
            lie = m.obj(os.path.join(d, "invoice.pdf"))
            self.assertEqual(lie["file"]["mime_type"], "application/x-dosexec")
            self.assertEqual(lie["file"]["extension"], "pdf")
            self.assertTrue(lie["ext_mismatch"])
            self.assertIn("ext_mismatch", lie["alerts"])
            self.assertEqual(lie["verdict"], "hostile")
            self.assertTrue(lie["quarantine"])
            for name in ("report.pdf", "notes.txt", "data.bin"):
                o = m.obj(os.path.join(d, name))
                self.assertFalse(o["ext_mismatch"], name)
                self.assertNotIn("ext_mismatch", o["alerts"], name)


class NothingWrittenElsewhereTest(unittest.TestCase):
    def snapshot(self, top):
        snap = {}
        for d, dirs, files in os.walk(top):
            for n in dirs + files:
                p = os.path.join(d, n)
                st = os.lstat(p)
                snap[p] = (stat.S_IFMT(st.st_mode), st.st_size, st.st_mtime_ns,
                           sha256_file(p) if stat.S_ISREG(st.st_mode) else None)
        return snap

    def test_only_the_manifest_is_written(self):
        with tempfile.TemporaryDirectory() as d:
            tree, cwd, out, tmpd = (os.path.join(d, x) for x in ("tree", "cwd", "out", "tmp"))
            for x in (cwd, out, tmpd):
                os.mkdir(x)
            env = dict(os.environ, TMPDIR=tmpd)
            gen_tree.make_tree(tree, 60, seed=99)  # includes zips and gzips to unpack
            with open(os.path.join(tree, "pii.txt"), "w") as f:
                f.write("SSN 536-22-8415\n")
            before = self.snapshot(tree)
            # --spill 1K: members over 1 KiB go to unlinked temp files
            proc = lsutil.run(["scan", "-q", "-o", os.path.join(out, "m.jsonl"), "--spill", "1K", tree],
                              cwd=cwd, env=env)
            self.assertEqual(proc.returncode, 1, proc.stderr.decode(errors="replace"))
            self.assertEqual(self.snapshot(tree), before)
            self.assertEqual(os.listdir(cwd), [])
            self.assertEqual(os.listdir(out), ["m.jsonl"])
            self.assertEqual(os.listdir(tmpd), [])
            # without -o: manifest.jsonl in the working directory, nothing else
            proc = lsutil.run(["scan", "-q", tree], cwd=cwd, env=env)
            self.assertEqual(proc.returncode, 1)
            self.assertEqual(os.listdir(cwd), ["manifest.jsonl"])
            m = lsutil.load(os.path.join(cwd, "manifest.jsonl"))
            self.assertEqual(m.summary["roots"], 61)
            self.assertEqual(self.snapshot(tree), before)


if __name__ == "__main__":
    unittest.main()
