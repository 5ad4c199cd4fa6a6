#!/usr/bin/env python3
"""A first-time user's mistakes and questions, end to end: flags that make
no sense alone, inputs named by flags that do not exist, a run that found
nothing to scan, a full disk, the human summary an IR lead reads, `text
--list` of one member, and merges that fail. Each must give a clear
one-line error and the documented exit status, never a silent success, and
never destroy an earlier manifest.

Run: LEAKSIFT=build/leaksift LEAKSIFT_SRC=. python3 tests/e2e/test_ux.py
"""
import io
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

SSNS = ["536-22-%04d" % (1874 + i) for i in range(6)]


def zip_bytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


class UxTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.d = self.tmp.name
        self.tree = os.path.join(self.d, "dump")
        os.makedirs(os.path.join(self.tree, "hr"))
        # three SSNs in one file, one in another, one clean file
        self.many = self.write("dump/hr/staff.txt", "".join("SSN: %s\n" % s for s in SSNS[:3]))
        self.one = self.write("dump/note.txt", "SSN: %s\n" % SSNS[3])
        self.write("dump/readme.txt", "nothing to see\n")
        self.out = os.path.join(self.d, "manifest.jsonl")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, rel, text):
        p = os.path.join(self.d, rel)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        return p

    def scan(self, *args, **kw):
        return lsutil.run(["scan"] + list(args), cwd=self.d, **kw)

    def assert_error(self, p, *needles):
        """Exit status 2, one line on stderr naming the problem."""
        err = p.stderr.decode(errors="replace")
        self.assertEqual(p.returncode, 2, err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        for n in needles:
            self.assertIn(n, err)

    # ---- flags that make no sense, inputs that do not exist ----

    def assert_warning(self, p, rc, *needles):
        err = p.stderr.decode(errors="replace")
        self.assertEqual(p.returncode, rc, err)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertIn("warning:", err)
        for n in needles:
            self.assertIn(n, err)

    def test_null_without_files_from_is_said(self):
        # accepted (test_cli runs every option alone), but never silently
        self.assert_warning(self.scan("-q", "-o", self.out, "--null", self.tree), 1, "--null", "--files-from")

    def test_no_default_rules_alone_is_said(self):
        # without a rule the whole dump comes out "clean", exit 0: the
        # user must hear it, even with -q
        self.assert_warning(self.scan("-q", "-o", self.out, "--no-default-rules", self.tree), 0,
                            "--no-default-rules", "no rule can match")
        rule = self.write("mine.yar", 'rule mine { strings: $a = "nothing" condition: $a }\n')
        p = self.scan("-q", "-o", self.out, "--no-default-rules", "--rules", rule, self.tree)
        self.assertEqual(p.stderr, b"")

    def test_rules_folder_without_rule_files(self):
        empty = os.path.join(self.d, "myrules")
        os.mkdir(empty)
        self.write("myrules/notes.txt", "rule x { condition: true }\n")  # not *.yar
        self.assert_error(self.scan("-q", "-o", self.out, "--rules", empty, self.tree), "--rules", empty)

    def test_empty_quarantine_list(self):
        for bad in ("", ",", "sensitive,", "sensitive,,hostile"):
            self.assert_error(self.scan("-q", "-o", self.out, "--quarantine", bad, self.tree), "--quarantine")

    def test_missing_flag_inputs_keep_the_old_manifest(self):
        """A typo in a flag's file is said with the flag, before the manifest
        of the last run is truncated."""
        old = b'{"record":"run"}\n'
        for flag in ("--files-from", "--rules", "--identifiers"):
            with open(self.out, "wb") as f:
                f.write(old)
            p = self.scan("-q", "-o", self.out, flag, "nonexistent.txt", self.tree)
            self.assert_error(p, flag + " nonexistent.txt", "No such file")
            with open(self.out, "rb") as f:
                self.assertEqual(f.read(), old, flag)
        p = self.scan("-q", "-o", self.out, "--files-from", self.tree)  # a folder is no list
        self.assert_error(p, "--files-from", "Is a directory")

    def test_nothing_to_scan_is_said(self):
        empty = os.path.join(self.d, "unmounted")
        os.mkdir(empty)
        for quiet in ([], ["-q"]):
            p = self.scan(*quiet, "-o", self.out, empty)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(b"warning: no files to scan", p.stderr)
        p = self.scan("-q", "-o", self.out, self.tree)
        self.assertNotIn(b"no files to scan", p.stderr)

    def test_a_file_named_twice_is_scanned_once(self):
        # "dump dump/ dump/note.txt": every file once, ids unique, and said
        # "./dump" and "dump//./note.txt" are the same files written otherwise
        p = self.scan("-o", self.out, "dump", "./dump/", "dump//./note.txt")
        self.assertEqual(p.returncode, 1, p.stderr)
        recs = [json.loads(l) for l in open(self.out, encoding="utf-8")]
        roots = [r for r in recs if r.get("record") == "object" and r["depth"] == 0]
        self.assertEqual(sorted(os.path.basename(r["path"]) for r in roots),
                         ["note.txt", "readme.txt", "staff.txt"])
        ids = [r["id"] for r in recs if r.get("record") == "object"]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(len([r for r in recs if r.get("record") == "root_done"]), 3)
        self.assertIn(b"named more than once: 4 files (scanned once)", p.stderr)

    def test_resume_under_another_spelling(self):
        # review4: a run over "./dump" resumed as "dump" wrote every file again
        p = self.scan("-q", "-o", self.out, "./dump")
        self.assertEqual(p.returncode, 1, p.stderr)
        p = self.scan("--resume", "-o", self.out, "dump")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn(b"resumed: 3 files were already done", p.stderr)
        recs = [json.loads(l) for l in open(self.out, encoding="utf-8")]
        self.assertEqual(len([r for r in recs if r.get("record") == "root_done"]), 3)

    def test_fingerprint_key_is_the_whole_file(self):
        # docs/manifest.md: anyone holding the key file checks a value with
        # HMAC over the file's bytes; a key past 4 KiB was silently cut
        key = os.path.join(self.d, "long.key")
        with open(key, "wb") as f:
            f.write(bytes(range(256)) * 20)  # 5120 bytes
        p = self.scan("-q", "-o", self.out, "--fingerprint-key", key, self.one)
        self.assertEqual(p.returncode, 1, p.stderr)
        with open(key, "rb") as f:
            want = lsutil.fingerprint(f.read(), "ssn", SSNS[3].replace("-", ""))
        ev = lsutil.entities(lsutil.load(self.out).obj(self.one))["ssn"]["evidence"]
        self.assertEqual([e["fingerprint"] for e in ev], [want])
        with open(key, "wb") as f:
            f.write(b"k" * (64 * 1024 + 1))
        self.assert_error(self.scan("-q", "-o", self.out, "--fingerprint-key", key, self.one),
                          "--fingerprint-key", "64 KiB")

    def test_quarantine_store_holding_a_path(self):
        # the store is never walked: a PATH inside it would be skipped whole
        for store, path in ((self.tree, self.tree), (self.tree, os.path.join(self.tree, "hr"))):
            p = self.scan("-q", "-o", self.out, "--quarantine-dir", store, path)
            self.assert_error(p, "--quarantine-dir", path)
            self.assertFalse(os.path.exists(self.out))
        store = os.path.join(self.tree, "q")  # a store inside the tree is fine
        p = self.scan("-q", "-o", self.out, "--quarantine-dir", store, self.tree)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(len(lsutil.load(self.out).roots()), 3)

    # ---- the human summary ----

    def test_summary_lists_the_quarantined_files(self):
        named = self.write("dump/Jane Roe %s.txt" % SSNS[4], "hello\n")  # the value is in the name
        p = self.scan("-o", "-", self.tree)
        self.assertEqual(p.returncode, 1)
        err = p.stderr.decode()
        self.assertIn("manifest: standard output", err)
        lines = err.splitlines()
        head = lines.index("  quarantined:")
        listed = lines[head + 1:head + 4]
        # most distinct values first, each with its verdict and counts
        self.assertRegex(listed[0], r"^    sensitive +%s  \(ssn 3\)$" % self.many)
        self.assertEqual(len([ln for ln in listed if self.one in ln and "(ssn 1)" in ln]), 1, listed)
        self.assertEqual(len([ln for ln in listed if "Jane Roe ***-**-%s.txt" % SSNS[4][-4:] in ln]), 1,
                         listed)
        self.assertNotIn(SSNS[4], err)
        self.assertNotIn(os.path.basename(named), err)
        self.assertNotIn("readme.txt", err)

    def test_summary_shows_ten_of_many(self):
        for i in range(12):
            self.write("dump/f%02d.txt" % i, "SSN: 536-23-%04d\n" % (1000 + i))
        p = self.scan("-o", self.out, "-j", "2", self.tree)
        err = p.stderr.decode()
        self.assertIn("  quarantined (10 of 14 shown, most distinct values first):", err)
        head = err.splitlines().index("  quarantined (10 of 14 shown, most distinct values first):")
        self.assertIn(self.many, err.splitlines()[head + 1])
        q = self.scan("-q", "-o", self.out, self.tree)
        self.assertEqual(q.stderr, b"")

    def test_summary_orders_by_count_not_by_arrival(self):
        # the first file read holds the rarest entity: the summary still
        # lists the most distinct values first, ties by name, for -j1 and -j2
        self.write("dump/0a.txt", "mail jane.roe@example.org\n")
        self.write("dump/0b.txt", "SSN: 536-23-1001\nSSN: 536-23-1002\nSSN: 536-23-1003\n"
                   "SSN: 536-23-1004\nSSN: 536-23-1005\nSSN: 536-23-1006\n")
        lines = []
        for jobs in ("1", "2"):
            p = self.scan("-o", self.out, "-j", jobs, self.tree)
            line = [ln for ln in p.stderr.decode().splitlines() if ln.startswith("  distinct values:")]
            self.assertEqual(len(line), 1, p.stderr)
            lines.append(line[0])
            pairs = line[0].split(":", 1)[1].split()
            got = [(pairs[i], int(pairs[i + 1])) for i in range(0, len(pairs), 2)]
            self.assertEqual(got, sorted(got, key=lambda kv: (-kv[1], kv[0])), line[0])
            self.assertEqual(got[0][0], "ssn", line[0])
            self.assertIn(("email", 1), got)
        self.assertEqual(lines[0], lines[1])

    # ---- a full disk ----

    def test_full_disk_leaves_whole_lines_and_resumes(self):
        for i in range(40):
            self.write("dump/f%02d.txt" % i, "SSN: 536-23-%04d\n" % (1000 + i))
        key = os.path.join(self.d, "fp.key")
        with open(key, "wb") as f:
            f.write(b"k" * 32)

        def small_disk():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
            resource.setrlimit(resource.RLIMIT_FSIZE, (6000, 6000))

        args = ["scan", "-o", self.out, "-j", "1", "--fingerprint-key", key, self.tree]
        p = subprocess.run([lsutil.LEAKSIFT] + args, cwd=self.d, capture_output=True, preexec_fn=small_disk)
        err = p.stderr.decode()
        self.assertEqual(p.returncode, 2, err)
        self.assertIn("cannot write the manifest", err)
        self.assertRegex(err, r"the manifest \(%s\) is incomplete: .* holds \d+ of the 43 files found" % self.out)
        self.assertIn("--resume", err)
        self.assertNotIn("verdicts:", err)  # no summary of a cut manifest as if it were the run
        with open(self.out, "rb") as f:
            data = f.read()
        self.assertTrue(data.endswith(b"\n"), data[-80:])  # no torn line
        for ln in data.splitlines():
            json.loads(ln)
        p = lsutil.run(args[:1] + ["--resume", "-q"] + args[1:], cwd=self.d)
        self.assertEqual(p.returncode, 1, p.stderr)
        m = lsutil.load(self.out)
        paths = [o["path"] for o in m.roots()]
        self.assertEqual(len(paths), 43)
        self.assertEqual(len(set(paths)), 43)
        self.assertEqual(m.summary["entities"]["ssn"]["distinct"], 44)

    # ---- an interrupted run ----

    def test_interrupt_is_said_even_with_quiet(self):
        if b"test hooks: on" not in lsutil.run(["version"]).stderr:
            self.skipTest("needs -DLEAKSIFT_TEST_HOOKS=ON")
        with open(os.path.join(self.tree, "o_hang.txt"), "wb") as f:
            f.write(b"LEAKSIFT-TEST-HANG\n")  # after hr/ and note.txt, before readme.txt
        argv = [lsutil.LEAKSIFT, "scan", "-q", "-j1", "--root-timeout", "0", "-o", self.out, self.tree]
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            done = 0
            while done < 2 and proc.poll() is None:  # the two roots before the hang are written
                time.sleep(0.05)
                if os.path.exists(self.out):
                    with open(self.out, "rb") as f:
                        done = sum(1 for ln in f if ln.startswith(b'{"record":"root_done"'))
            proc.send_signal(signal.SIGTERM)  # the hanging root is recorded interrupted
            err = proc.communicate(timeout=60)[1].decode()
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self.assertEqual(proc.returncode, 2, err)
        self.assertRegex(err, r"^leaksift: interrupted: the manifest holds 3 of the 4 files found "
                              r"\(the same command with --resume goes on\)\n$")

    # ---- text ----

    def make_zip(self):
        z = os.path.join(self.d, "box.zip")
        inner = zip_bytes([("deep.txt", "SSN: %s\n" % SSNS[5])])
        with open(z, "wb") as f:
            f.write(zip_bytes([("a.txt", "hi\n"), ("inner.zip", inner), ("b.txt", "there\n")]))
        return z

    def test_text_list_of_one_member(self):
        z = self.make_zip()
        p = lsutil.run(["text", "--list", z + "!inner.zip"])
        self.assertEqual(p.returncode, 0, p.stderr)
        chains = [ln.split("\t")[0] for ln in p.stdout.decode().splitlines()]
        self.assertEqual(chains, ["!inner.zip!deep.txt", "!inner.zip"])
        p = lsutil.run(["text", "--list", z + "!nope.txt"])
        self.assertEqual(p.returncode, 2)
        self.assertEqual(p.stdout, b"")
        self.assertIn(b"no such member", p.stderr)

    def test_text_no_such_member_lists_members_only(self):
        z = self.make_zip()
        p = lsutil.run(["text", z + "!nope.txt"])
        self.assertEqual(p.returncode, 2)
        listed = p.stderr.decode().splitlines()[1:]
        self.assertEqual(sorted(listed), sorted(["  !a.txt", "  !b.txt", "  !inner.zip", "  !inner.zip!deep.txt"]))
        p = lsutil.run(["text", self.one + "!x"])
        self.assertEqual(p.returncode, 2)
        lines = p.stderr.decode().splitlines()
        self.assertEqual(len(lines), 2, lines)
        self.assertIn("none", lines[1])

    # ---- merge ----

    def test_failed_merge_keeps_the_output(self):
        shards = []
        for k in (1, 2):
            s = os.path.join(self.d, "shard-%d.jsonl" % k)
            p = self.scan("-q", "--shard", "%d/2" % k, "-o", s, self.tree)  # two random keys
            self.assertIn(p.returncode, (0, 1), p.stderr)
            shards.append(s)
        merged = os.path.join(self.d, "merged.jsonl")
        with open(shards[0], "rb") as f:
            yesterday = f.read()  # an earlier manifest at the output path
        with open(merged, "wb") as f:
            f.write(yesterday)
        p = lsutil.run(["merge", "-q", "-o", merged] + shards)
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"different keys", p.stderr)
        with open(merged, "rb") as f:
            self.assertEqual(f.read(), yesterday)
        self.assertEqual(sorted(os.listdir(self.d)), sorted(["dump", "merged.jsonl"] + [os.path.basename(s) for s in shards]))
        p = lsutil.run(["merge", "-q", "-o", merged, shards[0], self.one])  # not a manifest
        self.assert_error(p, self.one, "not a leaksift manifest")
        os.chmod(merged, 0o600)  # a manifest kept private stays so when merged over
        p = lsutil.run(["merge", "-q", "--force", "-o", merged] + shards)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        self.assertEqual(lsutil.load(merged).summary["roots"], 3)
        self.assertEqual(os.stat(merged).st_mode & 0o777, 0o600)
        p = lsutil.run(["merge", "-q", "-o", self.one] + shards)  # -o and an input swapped
        self.assert_error(p, self.one, "not a leaksift manifest")
        with open(self.one) as f:
            self.assertEqual(f.read(), "SSN: %s\n" % SSNS[3])

    def test_merge_lists_the_quarantined_files(self):
        # the summary of a merge names the files to open first, as a scan's
        # does; an output name of 250 bytes (a temporary name beside it
        # would be too long for one file name) is written all the same
        key = os.path.join(self.d, "fp.key")
        with open(key, "wb") as f:
            f.write(b"one key for both shards")
        shards = []
        for k in (1, 2):
            s = os.path.join(self.d, "shard-%d.jsonl" % k)
            p = self.scan("-q", "--fingerprint-key", key, "--shard", "%d/2" % k, "-o", s, self.tree)
            self.assertIn(p.returncode, (0, 1), p.stderr)
            shards.append(s)
        whole = os.path.join(self.d, "whole.jsonl")
        p = self.scan("--fingerprint-key", key, "-o", whole, self.tree)
        listed = p.stderr[p.stderr.index(b"  quarantined:"):]
        merged = os.path.join(self.d, "m" * 244 + ".jsonl")
        p = lsutil.run(["merge", "-o", merged] + shards)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn(b"  quarantined:\n", p.stderr)
        self.assertIn(listed.split(b"\n  named")[0].rstrip(b"\n"), p.stderr)
        self.assertEqual(lsutil.load(merged).summary["quarantined"], lsutil.load(whole).summary["quarantined"])
        self.assertEqual(sorted(os.listdir(self.d)),
                         sorted(["dump", "fp.key", "whole.jsonl", os.path.basename(merged)] +
                                [os.path.basename(s) for s in shards]))

    # ---- -o never destroys what is not a manifest ----

    def test_output_that_is_not_a_manifest_is_never_replaced(self):
        z = self.make_zip()
        with open(z, "rb") as f:
            before = f.read()
        for extra in ([], ["--resume"]):
            p = self.scan("-q", *extra, "-o", z, z)  # "-o leak.zip leak.zip": the evidence itself
            self.assert_error(p, z, "not a leaksift manifest")
            with open(z, "rb") as f:
                self.assertEqual(f.read(), before)
        p = self.scan("-q", "-o", self.out, self.tree)  # a manifest is replaced, resumed, as before
        self.assertEqual(p.returncode, 1, p.stderr)
        p = self.scan("-q", "-o", self.out, self.tree)
        self.assertEqual(p.returncode, 1, p.stderr)
        p = self.scan("-q", "--resume", "-o", self.out, self.tree)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(len(lsutil.load(self.out).roots()), 3)
        open(self.out, "w").close()  # an empty file is no one's content
        p = self.scan("-q", "-o", self.out, self.tree)
        self.assertEqual(p.returncode, 1, p.stderr)

    def test_manifest_named_as_a_path_is_kept(self):
        # "scan -o m.jsonl m.jsonl": emptied before it was looked at
        p = self.scan("-q", "-o", self.out, self.tree)
        self.assertEqual(p.returncode, 1, p.stderr)
        with open(self.out, "rb") as f:
            before = f.read()
        p = self.scan("-q", "-o", self.out, self.out)
        self.assert_error(p, self.out, "both the manifest (-o) and a PATH")
        with open(self.out, "rb") as f:
            self.assertEqual(f.read(), before)


if __name__ == "__main__":
    unittest.main()
