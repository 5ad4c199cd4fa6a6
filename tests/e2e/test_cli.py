#!/usr/bin/env python3
"""The command line: help texts, version, output to stdout, input lists from
stdin (newline and NUL separated), rule selection, quarantine policy, and
`leaksift text` on files and nested members."""
import io
import json
import os
import pty
import re
import subprocess
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "gen"))
import lsutil  # noqa: E402
from gen_hostile import raw_zip, stored  # noqa: E402

SSN_LINE = "Employee SSN: 536-22-8415\n"
CUSTOM_RULE = """rule acme_project_codename
{
    meta:
        category = "corporate"
        entity = "codename"
    strings:
        $a = "ZEBRA-7731"
    condition:
        $a
}
"""


def scan_long_options():
    """(name, takes_value) for every entry of long_opts[] in scan_cmd.c."""
    with open(os.path.join(lsutil.SRC, "src", "cli", "scan_cmd.c"), encoding="utf-8") as f:
        src = f.read()
    table = re.search(r"long_opts\[\]\s*=\s*\{(.*?)\n\};", src, re.S)
    assert table, "long_opts[] not found in src/cli/scan_cmd.c"
    opts = re.findall(r'\{\s*"([a-z0-9-]+)"\s*,\s*(no_argument|required_argument|optional_argument)',
                      table.group(1))
    assert len(opts) >= 10, opts
    return [(name, kind != "no_argument") for name, kind in opts]


class HelpVersionTest(unittest.TestCase):
    def test_help_texts_exit_0(self):
        for args in (["--help"], ["help"], ["-h"], ["scan", "--help"], ["scan", "-h"],
                     ["text", "--help"]):
            with self.subTest(args=args):
                p = lsutil.run(args)
                self.assertEqual(p.returncode, 0, p.stderr)
                self.assertIn(b"Usage: leaksift", p.stdout)
                self.assertEqual(p.stderr, b"")

    def test_top_help_names_the_commands(self):
        out = lsutil.run(["--help"]).stdout.decode()
        for cmd in ("scan", "text", "version"):
            self.assertRegex(out, r"\n  %s\b" % cmd)

    def test_scan_help_mentions_every_long_option(self):
        out = lsutil.run(["scan", "--help"]).stdout.decode()
        for name, _ in scan_long_options():
            self.assertRegex(out, r"--%s\b" % re.escape(name), "--%s is not in scan --help" % name)

    def test_text_help_mentions_its_options(self):
        with open(os.path.join(lsutil.SRC, "src", "cli", "text_cmd.c"), encoding="utf-8") as f:
            names = re.findall(r'\{\s*"([a-z0-9-]+)"\s*,\s*(?:no|required|optional)_argument', f.read())
        self.assertIn("list", names)
        out = lsutil.run(["text", "--help"]).stdout.decode()
        for name in names:
            self.assertRegex(out, r"--%s\b" % re.escape(name))

    def test_every_long_option_is_accepted(self):
        """Each option of the table is known to the parser (no option is
        listed but rejected as unknown) and does not crash the scan."""
        values = {"output": "-", "quarantine": "none", "shard": "1/1", "help": None}
        with tempfile.TemporaryDirectory() as d:
            f = os.path.join(d, "a.txt")
            with open(f, "w") as fh:
                fh.write("hello\n")
            for name, takes in scan_long_options():
                if name == "help":
                    continue
                args = ["scan", "-q", "--no-default-rules", "-o", os.path.join(d, "m.jsonl"),
                        "--" + name]
                if takes:
                    args.append(values.get(name, os.path.join(d, "a.txt")
                                           if name in ("files-from", "rules", "identifiers",
                                                       "fingerprint-key") else "3"))
                # in d: a relative value ("3" for --quarantine-dir) is created there
                p = lsutil.run(args + [f], timeout=60, cwd=d)
                err = p.stderr.decode(errors="replace")
                self.assertNotIn("unknown option", err, name)
                self.assertIn(p.returncode, (0, 1, 2), "--%s: %s" % (name, err))
                if name not in ("rules", "identifiers", "resume"):  # a.txt is no rule file
                    self.assertIn(p.returncode, (0, 1), "--%s: %s" % (name, err))

    def test_version(self):
        for args in (["--version"], ["version"], ["-V"]):
            p = lsutil.run(args)
            self.assertEqual(p.returncode, 0)
            self.assertRegex(p.stdout.decode(), r"^leaksift \d+\.\d+\.\d+\S* \(manifest version \d+\)\n$")
        with tempfile.TemporaryDirectory() as d:
            f = os.path.join(d, "a.txt")
            open(f, "w").close()
            _, m = lsutil.scan(d, [f])
        out = lsutil.run(["--version"]).stdout.decode()
        self.assertIn("leaksift %s " % m.run["version"], out)
        self.assertIn("manifest version %d)" % m.run["manifest_version"], out)

    def test_scan_accepts_version(self):
        """The issue lists --version among `leaksift scan` options."""
        p = lsutil.run(["scan", "--version"])
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertRegex(p.stdout.decode(), r"^leaksift \d+\.\d+\.\d+")


class ScanCliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.d = self.tmp.name
        self.cwd = os.path.join(self.d, "cwd")
        os.mkdir(self.cwd)
        self.pii = self.write("pii.txt", "Project ZEBRA-7731\n" + SSN_LINE)
        self.plain = self.write("plain.txt", "nothing here\n")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        p = os.path.join(self.d, name)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        return p

    def test_output_to_stdout(self):
        p = lsutil.run(["scan", "-q", "-o", "-", self.pii, self.plain], cwd=self.cwd)
        self.assertEqual(p.returncode, 1, p.stderr.decode())
        self.assertEqual(p.stderr, b"")
        m = lsutil.load(p.stdout)
        self.assertEqual(m.run["record"], "run")
        self.assertEqual(m.summary["roots"], 2)
        self.assertEqual(m.obj(self.pii)["verdict"], "sensitive")
        self.assertEqual(os.listdir(self.cwd), [])

    def test_quiet_off_prints_a_summary_on_stderr(self):
        p = lsutil.run(["scan", "-o", "-", self.pii], cwd=self.cwd)
        self.assertEqual(p.returncode, 1)
        err = p.stderr.decode()
        self.assertIn("ssn", err)  # distinct values per entity
        self.assertNotIn("536-22-8415", err)
        self.assertNotIn("536228415", err)
        q = lsutil.run(["scan", "-q", "-o", "-", self.pii], cwd=self.cwd)
        self.assertEqual(q.stderr, b"")

    def test_messages_escape_hostile_paths(self):
        # a list made with find(1) over a dump carries its hostile names
        bad = os.path.join(self.d, "gone\x1b]0;pwned\x07\u202efdp.exe").encode()
        p = lsutil.run(["scan", "-q", "-o", "-", "--files-from", "-"], stdin=bad + b"\n", cwd=self.cwd)
        self.assertEqual(p.returncode, 1, p.stderr.decode(errors="replace"))
        self.assertNotIn(b"\x1b", p.stderr)
        self.assertNotIn(b"\x07", p.stderr)
        self.assertNotIn("\u202e".encode(), p.stderr)
        self.assertIn(b"gone\\x1B]0;pwned\\x07\\xE2\\x80\\xAEfdp.exe", p.stderr)

    def test_summary_says_why_objects_were_not_read_in_full(self):
        cut = os.path.join(self.tmp.name, "cut.zip")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("a.txt", "hello " * 2000)
        with open(cut, "wb") as f:
            f.write(buf.getvalue()[:-30])  # the end of the central directory is gone
        p = lsutil.run(["scan", "-o", "-", cut, self.plain], cwd=self.cwd)
        m = lsutil.load(p.stdout)
        reasons = m.summary["coverage_reasons"]
        self.assertTrue(reasons, m.summary)
        line = [l for l in p.stderr.decode().splitlines() if l.startswith("  not read in full:")]
        self.assertEqual(len(line), 1, p.stderr.decode())
        for reason, n in reasons.items():
            self.assertIn(" %s %d" % (reason, n), line[0])
        clean = lsutil.run(["scan", "-o", "-", self.plain], cwd=self.cwd)
        self.assertNotIn("not read in full", clean.stderr.decode())

    def test_files_from_stdin(self):
        lst = ("%s\n%s\n" % (self.pii, self.plain)).encode()
        p = lsutil.run(["scan", "-q", "-o", "-", "--files-from", "-"], stdin=lst, cwd=self.cwd)
        self.assertEqual(p.returncode, 1, p.stderr.decode())
        m = lsutil.load(p.stdout)
        self.assertEqual(sorted(o["path"] for o in m.roots()), sorted([self.pii, self.plain]))

    def test_files_from_null_separated(self):
        odd = self.write("line\nbreak.txt", "two\nlines\n")
        lst = b"\0".join(os.fsencode(x) for x in (odd, self.plain)) + b"\0"
        out = os.path.join(self.d, "m.jsonl")
        p = lsutil.run(["scan", "-q", "-o", out, "--null", "--files-from", "-"], stdin=lst, cwd=self.cwd)
        self.assertEqual(p.returncode, 1, p.stderr.decode())  # the newline is a bad_name
        m = lsutil.load(out)
        self.assertEqual(sorted(o["path"] for o in m.roots()), sorted([odd, self.plain]))
        self.assertEqual((m.obj(odd)["coverage"], m.obj(odd)["alerts"]), ("full", ["bad_name"]))
        self.assertEqual(m.obj(self.plain)["verdict"], "clean")

    def test_files_from_file_and_paths_together(self):
        lst = self.write("list.txt", self.plain + "\n\n")
        p = lsutil.run(["scan", "-q", "-o", "-", "--files-from", lst, self.pii], cwd=self.cwd)
        m = lsutil.load(p.stdout)
        self.assertEqual(sorted(o["path"] for o in m.roots()), sorted([self.pii, self.plain]))

    def test_custom_rules_only(self):
        rules = os.path.join(self.d, "rules")
        os.mkdir(rules)
        with open(os.path.join(rules, "custom.yar"), "w") as f:
            f.write(CUSTOM_RULE)
        p = lsutil.run(["scan", "-q", "-o", "-", "--no-default-rules", "--rules", rules, self.pii],
                       cwd=self.cwd)
        self.assertEqual(p.returncode, 1, p.stderr.decode())
        m = lsutil.load(p.stdout)
        self.assertFalse(m.run["rules"]["builtin"])
        ents = lsutil.entities(m.obj(self.pii))
        self.assertEqual(sorted(ents), ["codename"])
        self.assertEqual(ents["codename"]["rule"], "acme_project_codename")
        self.assertEqual(ents["codename"]["category"], "corporate")
        self.assertEqual(ents["codename"]["count"], 1)
        self.assertNotIn("ZEBRA-7731", p.stdout.decode())

    def test_custom_rules_on_top_of_builtins(self):
        rule = self.write("custom.yar", CUSTOM_RULE)
        p = lsutil.run(["scan", "-q", "-o", "-", "--rules", rule, self.pii], cwd=self.cwd)
        m = lsutil.load(p.stdout)
        self.assertTrue(m.run["rules"]["builtin"])
        self.assertEqual(sorted(lsutil.entities(m.obj(self.pii))), ["codename", "ssn"])

    def test_no_default_rules_alone_finds_nothing(self):
        p = lsutil.run(["scan", "-q", "-o", "-", "--no-default-rules", self.pii], cwd=self.cwd)
        m = lsutil.load(p.stdout)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual(m.obj(self.pii)["findings"], [])

    def test_quarantine_none(self):
        p = lsutil.run(["scan", "-q", "-o", "-", "--quarantine", "none", self.pii], cwd=self.cwd)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        o = lsutil.load(p.stdout).obj(self.pii)
        self.assertEqual(o["verdict"], "sensitive")
        self.assertFalse(o["quarantine"])

    def test_quarantine_list(self):
        p = lsutil.run(["scan", "-q", "-o", "-", "--quarantine", "clean", self.plain, self.pii],
                       cwd=self.cwd)
        self.assertEqual(p.returncode, 1, p.stderr.decode())
        m = lsutil.load(p.stdout)
        self.assertTrue(m.obj(self.plain)["quarantine"])
        self.assertFalse(m.obj(self.pii)["quarantine"])

    def test_run_record_lists_the_options(self):
        p = lsutil.run(["scan", "-q", "-o", "-", "--max-depth", "5", self.plain], cwd=self.cwd)
        m = lsutil.load(p.stdout)
        self.assertEqual(m.run["options"], ["-q", "-o", "-", "--max-depth", "5", self.plain])
        self.assertEqual(m.run["limits"]["max_depth"], 5)


class FingerprintTest(unittest.TestCase):
    """DESIGN.md: fingerprint = hex HMAC-SHA256(key, entity ":" normalised
    value); --fingerprint-key FILE gives the key, else a random one per run."""

    VALUES = {  # entity: (as written, normalised)
        "ssn": ("536-22-8415", "536228415"),
        "email": ("John.Doe@acme-corp.example", "john.doe@acme-corp.example"),
        "credit_card": ("4786 9897 7162 3234", "4786989771623234"),
        "iban": ("DE43 6372 5493 3941 0967 38", "DE43637254933941096738"),
        "phone": ("(305) 998-2563", "3059982563"),
    }

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        cls.f = os.path.join(d, "pii.txt")
        with open(cls.f, "w") as fh:
            fh.write("SSN %s\nmail %s\ncard %s\niban %s\ntel %s\n"
                     % tuple(cls.VALUES[e][0] for e in ("ssn", "email", "credit_card", "iban",
                                                         "phone")))
        cls.keys = []
        for i, key in enumerate((b"fp-key", b"other-key")):
            kf = os.path.join(d, "k%d.bin" % i)
            with open(kf, "wb") as fh:
                fh.write(key)
            cls.keys.append((key, kf))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def fingerprints(self, *extra):
        p = lsutil.run(["scan", "-q", "-o", "-"] + list(extra) + [self.f])
        self.assertEqual(p.returncode, 1, p.stderr.decode())
        m = lsutil.load(p.stdout)
        out = {}
        for f in m.obj(self.f)["findings"]:
            for e in f["evidence"]:
                out[f["entity"]] = e["fingerprint"]
        return m, out

    def test_fingerprint_is_hmac_of_the_normalised_value(self):
        key, kf = self.keys[0]
        m, fps = self.fingerprints("--fingerprint-key", kf)
        self.assertEqual(m.run["fingerprint_key"], "user")
        self.assertNotIn(key.decode(), m.text)  # the key itself is never written
        for entity, (_, normalised) in self.VALUES.items():
            want = lsutil.fingerprint(key, entity, normalised)
            self.assertEqual(fps.get(entity), want, entity)

    def test_same_key_same_fingerprints_other_key_differs(self):
        _, a = self.fingerprints("--fingerprint-key", self.keys[0][1])
        _, b = self.fingerprints("--fingerprint-key", self.keys[0][1])
        _, c = self.fingerprints("--fingerprint-key", self.keys[1][1])
        self.assertEqual(a, b)
        self.assertEqual(sorted(a), sorted(self.VALUES))
        for e in a:
            self.assertNotEqual(a[e], c[e], e)

    def test_default_key_is_random_per_run(self):
        m1, a = self.fingerprints()
        _, b = self.fingerprints()
        self.assertEqual(m1.run["fingerprint_key"], "per-run")
        self.assertEqual(sorted(a), sorted(b))
        for e in a:
            self.assertNotEqual(a[e], b[e], e)

    def test_missing_or_empty_key_file_exits_2(self):
        empty = os.path.join(self.tmp.name, "empty.key")
        open(empty, "w").close()
        for kf in (empty, os.path.join(self.tmp.name, "no-such.key")):
            p = lsutil.run(["scan", "-q", "-o", "-", "--fingerprint-key", kf, self.f])
            self.assertEqual(p.returncode, 2, kf)
            self.assertEqual(p.stdout, b"")


class LongPathTest(unittest.TestCase):
    """A dump may nest directories past PATH_MAX (4096 bytes), where open()
    and stat() of the whole path fail: every file must still be read, and
    copied to the quarantine store."""

    def test_file_below_path_max_is_scanned_and_quarantined(self):
        with tempfile.TemporaryDirectory() as tmp:
            top = os.path.join(tmp, "dump")
            os.mkdir(top)
            fd = os.open(top, os.O_RDONLY)
            for i in range(120):  # 120 x 46 bytes: past 4096 wherever tmp is
                name = "level%03d_" % i + "x" * 37
                os.mkdir(name, dir_fd=fd)
                nfd = os.open(name, os.O_RDONLY, dir_fd=fd)
                os.close(fd)
                fd = nfd
            leaf = os.open("leaf.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
            os.write(leaf, SSN_LINE.encode())
            os.close(leaf)
            os.close(fd)
            out = os.path.join(tmp, "m.jsonl")
            qdir = os.path.join(tmp, "q")
            p = lsutil.run(["scan", "-q", "-o", out, "--quarantine-dir", qdir, top])
            self.assertEqual(p.returncode, 1, p.stderr.decode())
            objs = lsutil.load(out).objects
            self.assertEqual(len(objs), 1, objs)
            o = objs[0]
            self.assertGreater(len(o["path"].encode()), 4096)
            self.assertTrue(o["path"].endswith("/leaf.txt"))
            self.assertEqual(o["coverage"], "full", o)
            self.assertIn("ssn", lsutil.entities(o))
            with open(os.path.join(qdir, "index.jsonl"), encoding="utf-8") as f:
                idx = [json.loads(line) for line in f]
            self.assertEqual([e["path"] for e in idx], [o["path"]])
            self.assertEqual(p.stderr, b"")


def _scan_rss_mb(args):
    """Run `leaksift scan ARGS`, quietly; (exit code, max RSS in MiB of the
    process and the children it waited for)."""
    pid = os.fork()
    if pid == 0:
        try:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.execv(lsutil.LEAKSIFT, [lsutil.LEAKSIFT, "scan", "-q"] + args)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024


class DeepTreeTest(unittest.TestCase):
    """A chain of 1,200 directories with 250-byte names (a 300 KB path):
    the walk kept a copy of every level's path, 180 MB here (gigabytes at
    the 4096-level limit); it now holds the path once."""

    def test_deep_chain_costs_its_path_once(self):
        with tempfile.TemporaryDirectory() as tmp:
            top = os.path.join(tmp, "deep")
            flat = os.path.join(tmp, "flat")
            os.mkdir(top)
            os.mkdir(flat)
            fd = os.open(top, os.O_RDONLY)
            for i in range(1200):
                name = "%04d" % i + "d" * 246
                os.mkdir(name, dir_fd=fd)
                nfd = os.open(name, os.O_RDONLY, dir_fd=fd)
                os.close(fd)
                fd = nfd
            for where in (fd, os.open(flat, os.O_RDONLY)):
                leaf = os.open("leaf.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=where)
                os.write(leaf, SSN_LINE.encode())
                os.close(leaf)
                os.close(where)
            try:
                self.check_deep(tmp, top, flat)
            finally:
                subprocess.run(["rm", "-rf", top], check=True)  # too deep for shutil.rmtree's recursion

    def check_deep(self, tmp, top, flat):
        out = os.path.join(tmp, "m.jsonl")
        rc, deep_mb = _scan_rss_mb(["-o", out, top])
        self.assertEqual(rc, 1)
        objs = lsutil.load(out).objects
        self.assertEqual(len(objs), 1, objs)
        self.assertGreater(len(objs[0]["path"]), 300000)
        self.assertIn("ssn", lsutil.entities(objs[0]), {k: v for k, v in objs[0].items() if k != "path"})
        rc, flat_mb = _scan_rss_mb(["-o", os.path.join(tmp, "f.jsonl"), flat])
        self.assertEqual(rc, 1)
        self.assertLess(deep_mb - flat_mb, 40, (deep_mb, flat_mb))


def _stderr_on_pty(args):
    """Run leaksift ARGS with stderr on a pseudo-terminal (stdout and stdin
    not): (exit code, everything written to the terminal)."""
    master, slave = pty.openpty()
    try:
        with open(os.devnull, "wb") as null:
            proc = subprocess.Popen([lsutil.LEAKSIFT] + args, stdin=subprocess.DEVNULL, stdout=null, stderr=slave)
        os.close(slave)
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed its side
                break
            if not chunk:
                break
            out += chunk
        return proc.wait(timeout=300), out
    finally:
        os.close(master)


class ProgressTest(unittest.TestCase):
    """The progress line on a terminal (issue #7): roots, objects, bytes,
    rate, ETA, flagged. A single archive of many members must show its
    members going by while it is in hand, not "0/1 files" until it ends."""

    def test_progress_counts_members_of_the_root_in_hand(self):
        try:
            os.close(os.openpty()[0])
        except OSError as e:  # no pseudo-terminals in this sandbox
            self.skipTest("no pty: %s" % e)
        with tempfile.TemporaryDirectory() as tmp:
            z = os.path.join(tmp, "share.zip")
            n = 12000
            with zipfile.ZipFile(z, "w", zipfile.ZIP_STORED) as zf:
                for i in range(n):
                    zf.writestr("u%02d/note%05d.txt" % (i % 50, i), b"note %d\n" % i)
                zf.writestr("hr/ssn.txt", SSN_LINE)
            out = os.path.join(tmp, "m.jsonl")
            rc, tty = _stderr_on_pty(["scan", "-j1", "-o", out, z])
            self.assertEqual(rc, 1, tty[-2000:])
            lines = re.findall(rb"leaksift: (\d+)/(\d+) files, (\d+) objects, [0-9.]+/[0-9.]+ MiB, "
                               rb"[0-9.]+ MiB/s, ETA [^,]+, (\d+) flagged", tty)
            self.assertTrue(lines, tty[-2000:])
            during = [int(o) for d, t, o, f in lines if d == b"0" and t == b"1"]
            self.assertTrue(any(0 < o <= n + 2 for o in during), (during, tty[-500:]))
            self.assertEqual(during, sorted(during))  # never goes back
            self.assertIn(b"leaksift: 1 files, %d objects (incl. nested)" % (n + 2), tty)
            # -q: the summary and the progress line are both off
            z = os.path.join(tmp, "small.zip")
            with zipfile.ZipFile(z, "w") as zf:
                zf.writestr("hr/ssn.txt", SSN_LINE)
            rc, tty = _stderr_on_pty(["scan", "-q", "-j1", "-o", out, z])
            self.assertEqual(rc, 1)
            self.assertNotIn(b" objects, ", tty)
            # not a terminal: no progress line, the summary only
            p = lsutil.run(["scan", "-j1", "-o", out, z], timeout=300)
            self.assertEqual(p.returncode, 1)
            self.assertNotIn(b"\x1b[K", p.stderr)
            self.assertIn(b"objects (incl. nested)", p.stderr)


class TextCliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        cls.plain = os.path.join(d, "plain.txt")
        with open(cls.plain, "w") as f:
            f.write("plain words\n")
        cls.utf16 = os.path.join(d, "wide.txt")
        with open(cls.utf16, "wb") as f:
            f.write(b"\xff\xfe" + "Grüße from ACME\r\n".encode("utf-16-le"))
        cls.zip = os.path.join(d, "bundle.zip")
        with zipfile.ZipFile(cls.zip, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("inner/note.txt", "hello from a member\n")
            z.writestr("inner/other.txt", "another member\n")
            inner = os.path.join(d, "inner.zip")
            with zipfile.ZipFile(inner, "w") as z2:
                z2.writestr("deep.txt", "deep inside\n")
            z.write(inner, "nested.zip")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_text_of_a_plain_file(self):
        p = lsutil.run(["text", self.plain])
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual(p.stdout, b"plain words\n")

    def test_text_on_a_terminal_cannot_drive_it(self):
        evil = os.path.join(self.tmp.name, "evil.txt")
        body = ("Invoice \x1b]0;pwned\x07 total\r\nline two\tcol\rHIDDEN over\n"
                "name \u202efdp.exe done\n").encode()
        with open(evil, "wb") as f:
            f.write(body)
        # redirected: the bytes as they are
        p = lsutil.run(["text", evil])
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual(p.stdout, body)
        # on a terminal (a pseudo-terminal here): ESC, BEL, a lone CR and the
        # bidi override escaped; CRLF, tabs and line feeds kept
        try:
            master, slave = pty.openpty()
        except OSError as e:  # no pseudo-terminals in this sandbox
            self.skipTest("no pty: %s" % e)
        try:
            proc = subprocess.Popen([lsutil.LEAKSIFT, "text", evil], stdout=slave, stderr=subprocess.PIPE)
            os.close(slave)
            out = b""
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the child closed its side
                    break
                if not chunk:
                    break
                out += chunk
            self.assertEqual(proc.wait(timeout=60), 0, proc.stderr.read().decode())
            proc.stderr.close()
        finally:
            os.close(master)
        out = out.replace(b"\r\n", b"\n")  # the terminal's own line discipline (onlcr)
        self.assertNotIn(b"\x1b", out)
        self.assertNotIn(b"\x07", out)
        self.assertNotIn("\u202e".encode(), out)
        self.assertIn(b"Invoice \\x1B]0;pwned\\x07 total", out)
        self.assertIn(b"line two\tcol\\x0DHIDDEN over", out)
        self.assertIn(b"name \\xE2\\x80\\xAEfdp.exe done", out)

    def test_text_of_utf16_is_utf8(self):
        p = lsutil.run(["text", self.utf16])
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertIn("Grüße from ACME".encode(), p.stdout)

    def test_text_of_a_member(self):
        p = lsutil.run(["text", self.zip + "!inner/note.txt"])
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual(p.stdout, b"hello from a member\n")

    def test_text_of_a_container_read_whole_is_empty(self):
        # its raw bytes are not scanned (its members are): nothing to print,
        # and a note on stderr instead of the zip's bytes on the terminal
        p = lsutil.run(["text", self.zip])
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual(p.stdout, b"")
        self.assertIn("archive handler read this object whole", p.stderr.decode())

    def test_text_of_a_nested_member(self):
        p = lsutil.run(["text", self.zip + "!nested.zip!deep.txt"])
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual(p.stdout, b"deep inside\n")

    def test_missing_member_lists_members(self):
        p = lsutil.run(["text", self.zip + "!inner/nope.txt"])
        self.assertEqual(p.returncode, 2)
        err = p.stderr.decode()
        self.assertIn("no such member", err)
        for name in ("inner/note.txt", "inner/other.txt", "nested.zip"):
            self.assertIn(name, err)
        self.assertEqual(p.stdout, b"")

    def test_list(self):
        p = lsutil.run(["text", "--list", self.zip])
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        out = p.stdout.decode()
        for chain in ("!inner/note.txt", "!nested.zip!deep.txt"):
            self.assertIn(chain + "\t", out)

    def test_hostile_member_names_are_escaped_and_addressable(self):
        """A name carrying a terminal escape, a newline, a tab, '!', a bidi
        override or invalid UTF-8 is listed as \\xHH, never raw, and the listed form addresses
        the member."""
        path = os.path.join(self.tmp.name, "names.zip")
        names = {b"evil\x1b]0;owned\x07.txt": "e1", b"two\nlines.txt": "e2",
                 b"tab\there!bang.txt": "e3", b"latin\xe9.txt": "e4",
                 "invoice\u202efdp.exe".encode(): "e5"}
        with open(path, "wb") as f:
            f.write(raw_zip([stored(n, ("text of %s\n" % t).encode()) for n, t in names.items()]))
        p = lsutil.run(["text", "--list", path])
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        for bad in (b"\x1b", b"\x07", b"two\nlines", b"tab\t", "\u202e".encode()):
            self.assertNotIn(bad, p.stdout)
        lines = p.stdout.decode("utf-8").splitlines()
        self.assertEqual(len(lines), len(names) + 1)  # the zip and each member, one line each
        listed = [ln.split("\t")[0] for ln in lines if ln.startswith("!")]
        self.assertIn("!evil\\x1B]0;owned\\x07.txt", listed)
        self.assertIn("!tab\\x09here\\x21bang.txt", listed)
        self.assertIn("!latin\\xE9.txt", listed)
        self.assertIn("!invoice\\xE2\\x80\\xAEfdp.exe", listed)  # RLO would show "invoiceexe.pdf"
        for chain in listed:  # each listed chain, pasted back, finds its member
            q = lsutil.run(["text", path + chain])
            self.assertEqual(q.returncode, 0, (chain, q.stderr.decode()))
            self.assertTrue(q.stdout.startswith(b"text of e"), (chain, q.stdout))

    def test_text_of_a_fifo_does_not_hang(self):
        """Never hang: a FIFO is not a file to read (no writer would come)."""
        fifo = os.path.join(self.tmp.name, "fifo")
        if not os.path.exists(fifo):
            os.mkfifo(fifo)
        try:
            p = lsutil.run(["text", fifo], timeout=15)
        except subprocess.TimeoutExpired:
            self.fail("leaksift text FIFO blocked (opened a FIFO for reading)")
        self.assertEqual(p.returncode, 2, p.stderr.decode())
        self.assertTrue(p.stderr.strip(), "no error message")

    def test_text_of_a_directory_is_an_error(self):
        p = lsutil.run(["text", self.tmp.name])
        self.assertEqual(p.returncode, 2, p.stderr.decode())
        self.assertTrue(p.stderr.strip(), "no error message")
        self.assertEqual(p.stdout, b"")

    def test_missing_file_and_bad_usage(self):
        self.assertEqual(lsutil.run(["text", self.zip + ".nope"]).returncode, 2)
        self.assertEqual(lsutil.run(["text"]).returncode, 2)
        self.assertEqual(lsutil.run(["text", "--bogus", self.plain]).returncode, 2)


if __name__ == "__main__":
    unittest.main()
