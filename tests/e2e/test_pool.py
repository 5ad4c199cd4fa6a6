#!/usr/bin/env python3
"""The worker pool end to end: crash isolation (kill -9 a worker, crash,
forbidden system call, time and memory limits), --resume after kill -9 of the
whole run, SIGTERM, and -j1 vs -jN determinism.

Tests that need a misbehaving worker use the test hooks (markers at the start
of a root), compiled only with -DLEAKSIFT_TEST_HOOKS=ON; `leaksift version`
then prints "test hooks: on" on stderr. Without them those tests are skipped.
"""
import collections
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import lsutil  # noqa: E402
import gen_tree  # noqa: E402

KEY = b"pool-test-fingerprint-key-0123456789"


def hooks_on():
    p = lsutil.run(["version"])
    return b"test hooks: on" in p.stderr


HOOKS = hooks_on()
needs_hooks = unittest.skipUnless(HOOKS, "CLI built without -DLEAKSIFT_TEST_HOOKS=ON")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def small_tree(root, n=12):
    """n ordinary text files, some with an e-mail address."""
    for i in range(n):
        body = b"line %d of a memo\n" % i
        if i % 3 == 0:
            body += b"contact: person%d@example.com\n" % i
        write(os.path.join(root, "f%03d.txt" % i), body)


def load(path):
    with open(path, "r", encoding="utf-8") as f:
        return lsutil.Manifest(f.read())


def children(pid):
    """Direct children of pid (from /proc)."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d, "rb") as f:
                st = f.read()
        except OSError:
            continue
        fields = st[st.rfind(b")") + 2:].split()
        if int(fields[1]) == pid:
            out.append(int(d))
    return out


def alive(pid):
    """pid exists and is not a zombie."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            st = f.read()
    except OSError:
        return False
    return st[st.rfind(b")") + 2:].split()[0] != b"Z"


def count_root_done(path):
    try:
        with open(path, "rb") as f:
            return sum(1 for line in f if line.startswith(b'{"record":"root_done"'))
    except OSError:
        return 0


def wait_for(cond, timeout=60, step=0.05):
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(step)
    return False


def failure(m, path):
    o = m.obj(path)
    return o["verdict"], o["coverage"], o["coverage_reasons"], " ".join(o["errors"])


def check_blocks(test, m):
    """Every root: one contiguous block of object records, then its root_done,
    exactly once."""
    seen, cur = set(), None
    for r in m.records[1:]:
        if r["record"] == "summary":
            break
        test.assertNotIn(r["root_id"], seen, "root %s appears twice" % r.get("path"))
        if cur is None:
            cur = r["root_id"]
        test.assertEqual(r["root_id"], cur, "records of two roots interleave")
        if r["record"] == "root_done":
            seen.add(cur)
            cur = None
    test.assertIsNone(cur, "a block without root_done")
    return seen


class PoolTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="ls-pool-")
        self.d = self.tmp.name
        self.tree = os.path.join(self.d, "tree")
        self.out = os.path.join(self.d, "m.jsonl")
        self.key = os.path.join(self.d, "key")
        write(self.key, KEY)

    def tearDown(self):
        self.tmp.cleanup()

    def scan(self, *args, timeout=300):
        p = lsutil.run(["scan", "-q", "--fingerprint-key", self.key, "-o", self.out] + list(args),
                       timeout=timeout)
        return p, load(self.out)

    # ---- crash isolation ----

    @needs_hooks
    def test_crash_costs_one_root_and_worker_is_replaced(self):
        small_tree(self.tree)
        crash = os.path.join(self.tree, "a_crash.txt")
        write(crash, b"LEAKSIFT-TEST-CRASH\nrest\n")
        p, m = self.scan("-j1", self.tree)
        self.assertEqual(p.returncode, 1, p.stderr)
        v, cov, reasons, err = failure(m, crash)
        self.assertEqual((v, cov, reasons), ("incomplete", "none", ["worker_crash"]))
        self.assertIn("SIGABRT", err)
        # -j1: every later root was done by a fresh worker
        self.assertEqual(len(check_blocks(self, m)), 13)
        for o in m.roots():
            if o["path"] != crash:
                self.assertEqual(o["coverage"], "full", o["path"])
        self.assertEqual(m.summary["roots"], 13)

    @needs_hooks
    def test_kill9_worker_mid_run(self):
        small_tree(self.tree, 30)
        hang = os.path.join(self.tree, "a_hang.txt")
        write(hang, b"LEAKSIFT-TEST-HANG\n")
        argv = [lsutil.LEAKSIFT, "scan", "-q", "-j2", "--root-timeout", "0", "-o", self.out, self.tree]
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            # the other worker finishes the 30 ordinary roots; one stays hung
            self.assertTrue(wait_for(lambda: count_root_done(self.out) >= 30), "run did not progress")
            kids = children(proc.pid)
            self.assertGreaterEqual(len(kids), 1)
            killed = 0
            for k in kids:
                try:  # the idle worker may have exited since it was listed
                    os.kill(k, signal.SIGKILL)
                    killed += 1
                except ProcessLookupError:
                    pass
            self.assertGreaterEqual(killed, 1)  # the hung one cannot have exited
            rc = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self.assertEqual(rc, 1)
        m = load(self.out)
        v, cov, reasons, err = failure(m, hang)
        self.assertEqual((v, reasons), ("incomplete", ["worker_crash"]))
        self.assertIn("SIGKILL", err)
        self.assertEqual(len(check_blocks(self, m)), 31)
        self.assertEqual(sum(1 for o in m.roots() if o["coverage"] == "full"), 30)

    @needs_hooks
    def test_forbidden_syscall_kills_only_the_worker(self):
        small_tree(self.tree)
        bad = os.path.join(self.tree, "b_syscall.txt")
        write(bad, b"LEAKSIFT-TEST-SYSCALL\n")
        p, m = self.scan("-j2", self.tree)
        self.assertEqual(p.returncode, 1, p.stderr)
        v, cov, reasons, err = failure(m, bad)
        self.assertEqual((v, reasons), ("incomplete", ["worker_crash"]))
        self.assertIn("SIGSYS", err)
        self.assertEqual(m.summary["roots"], 13)
        self.assertEqual(sum(1 for o in m.roots() if o["coverage"] == "full"), 12)

    @needs_hooks
    def test_open_is_denied_inside_the_worker(self):
        """The hook tries open("/etc/hostname") and crashes if it worked."""
        f = os.path.join(self.tree, "open.txt")
        write(f, b"LEAKSIFT-TEST-OPEN\nno secrets here\n")
        p, m = self.scan(self.tree)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(m.obj(f)["coverage"], "full")

    @needs_hooks
    def test_time_limit(self):
        small_tree(self.tree, 4)
        hang = os.path.join(self.tree, "hang.txt")
        write(hang, b"LEAKSIFT-TEST-HANG\n")
        t0 = time.time()
        p, m = self.scan("-j2", "--root-timeout", "1", self.tree)
        self.assertLess(time.time() - t0, 30)
        self.assertEqual(p.returncode, 1, p.stderr)
        v, cov, reasons, err = failure(m, hang)
        self.assertEqual((v, cov, reasons), ("incomplete", "none", ["limit:time"]))
        self.assertEqual(m.summary["roots"], 5)

    @needs_hooks
    def test_memory_limit(self):
        small_tree(self.tree, 4)
        oom = os.path.join(self.tree, "c_oom.txt")
        write(oom, b"LEAKSIFT-TEST-OOM\n")
        p, m = self.scan("-j1", self.tree)
        self.assertEqual(p.returncode, 1, p.stderr)
        v, cov, reasons, err = failure(m, oom)
        self.assertEqual((v, reasons), ("incomplete", ["limit:memory"]))
        self.assertEqual(len(check_blocks(self, m)), 5)

    # ---- journal and resume ----

    @needs_hooks
    def test_kill9_supervisor_then_resume(self):
        gen_tree.make_tree(self.tree, count=150, seed=7)
        small_tree(os.path.join(self.tree, "zz"), 10)
        hang = os.path.join(self.tree, "m_hang.txt")  # sorts mid-way
        write(hang, b"LEAKSIFT-TEST-HANG\n")
        argv = [lsutil.LEAKSIFT, "scan", "-q", "-j1", "--root-timeout", "0",
                "--fingerprint-key", self.key, "-o", self.out, self.tree]
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            # -j1: the run stops at the hang marker; wait until it is stuck there
            last = [-1, time.time()]

            def stuck():
                n = count_root_done(self.out)
                if n != last[0]:
                    last[0], last[1] = n, time.time()
                return n > 20 and time.time() - last[1] > 1.5
            self.assertTrue(wait_for(stuck, timeout=120))
            kids = children(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        # the hung worker dies with its supervisor (PR_SET_PDEATHSIG)
        self.assertTrue(wait_for(lambda: not any(alive(k) for k in kids), timeout=10))
        first = load(self.out)
        self.assertIsNone(first.summary)
        done_before = len(first.root_dones)
        # a torn tail, as if the writer died mid-line
        with open(self.out, "ab") as f:
            f.write(b'{"record":"object","id":"x","path":"torn')
        write(hang, b"not a marker any more\n")
        p = lsutil.run(["scan", "-q", "--resume", "-j2", "--fingerprint-key", self.key,
                        "-o", self.out, self.tree], timeout=300)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        m = load(self.out)
        roots = check_blocks(self, m)
        total = 150 + 10 + 1
        self.assertEqual(len(roots), total)
        self.assertEqual(m.summary["roots"], total)
        self.assertEqual(len([r for r in m.records if r["record"] == "run"]), 1)
        self.assertGreater(done_before, 20)
        # the resumed manifest holds the same records as a fresh run
        fresh = os.path.join(self.d, "fresh.jsonl")
        lsutil.run(["scan", "-q", "-j2", "--fingerprint-key", self.key, "-o", fresh, self.tree],
                   timeout=300)
        self.assertEqual(comparable(m), comparable(load(fresh)))
        # resuming a finished run adds nothing
        p = lsutil.run(["scan", "-q", "--resume", "--fingerprint-key", self.key, "-o", self.out,
                        self.tree], timeout=300)
        m2 = load(self.out)
        self.assertEqual(comparable(m2), comparable(m))
        self.assertEqual(m2.summary["roots"], total)

    def test_resume_of_missing_or_empty_manifest_starts_fresh(self):
        small_tree(self.tree, 3)
        write(self.out, b"")
        p = lsutil.run(["scan", "-q", "--resume", "-o", self.out, self.tree])
        self.assertEqual(p.returncode, 1, p.stderr)
        m = load(self.out)
        self.assertEqual(m.run["record"], "run")
        self.assertEqual(m.summary["roots"], 3)
        p = lsutil.run(["scan", "-q", "--resume", "-o", "-", self.tree])
        self.assertEqual(p.returncode, 2)

    @needs_hooks
    def test_sigterm_finishes_cleanly(self):
        small_tree(self.tree, 6)
        hang = os.path.join(self.tree, "a_hang.txt")
        write(hang, b"LEAKSIFT-TEST-HANG\n")
        argv = [lsutil.LEAKSIFT, "scan", "-q", "-j2", "--root-timeout", "0", "-o", self.out, self.tree]
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self.assertTrue(wait_for(lambda: count_root_done(self.out) >= 6))
            proc.send_signal(signal.SIGTERM)
            rc = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self.assertEqual(rc, 2)
        m = load(self.out)
        self.assertIsNotNone(m.summary)
        v, cov, reasons, err = failure(m, hang)
        self.assertEqual((v, reasons), ("incomplete", ["interrupted"]))
        self.assertEqual(m.summary["roots"], 7)
        # --resume redoes the interrupted root (its block is cut out)
        write(hang, b"harmless now\n")
        p = lsutil.run(["scan", "-q", "--resume", "-o", self.out, self.tree], timeout=120)
        self.assertEqual(p.returncode, 1, p.stderr)  # the e-mail addresses
        m = load(self.out)
        self.assertEqual(len(check_blocks(self, m)), 7)
        self.assertEqual(m.obj(hang)["coverage"], "full")
        self.assertEqual(m.summary["roots"], 7)
        self.assertEqual(m.summary["verdicts"]["incomplete"], 0)

    # ---- determinism ----

    def test_j1_and_j4_give_the_same_records(self):
        gen_tree.make_tree(self.tree, count=120, seed=3)
        small_tree(os.path.join(self.tree, "pii"), 9)
        p1, m1 = self.scan("-j1", self.tree)
        out4 = os.path.join(self.d, "m4.jsonl")
        p4 = lsutil.run(["scan", "-q", "-j4", "--fingerprint-key", self.key, "-o", out4, self.tree],
                        timeout=300)
        m4 = load(out4)
        self.assertEqual(p1.returncode, p4.returncode)
        check_blocks(self, m4)
        self.assertEqual(comparable(m1), comparable(m4))
        s1 = dict(m1.summary, elapsed_s=0)
        s4 = dict(m4.summary, elapsed_s=0)
        self.assertEqual(s1, s4)


def comparable(m):
    """Object and root_done records without timings, as a sorted list."""
    out = []
    for r in m.records:
        if r["record"] not in ("object", "root_done"):
            continue
        r = dict(r)
        r.pop("elapsed_s", None)
        r.pop("started", None)
        out.append(json.dumps(r, sort_keys=True))
    out.sort()
    return out


if __name__ == "__main__":
    unittest.main()
