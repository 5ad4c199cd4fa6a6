#!/usr/bin/env python3
"""Split archives on disk read as one (docs/unpacking.md, "Split archives"):
7-Zip volumes, zip -s, split -b of a .tar.gz, split -d of a .tar, made by
tests/gen/gen_splitvol.py with fake PII in a member past the first part.

The set root's record describes the joined archive (its members as
children, `split` naming the parts); each later part is a root of its own,
`full` by reference (`split.set_root_id`, an `errors` line) with its set
root's verdict, written after it; with --quarantine-dir every part of a
quarantined set is stored as the file it is (SplitQuarantine: a clean set
is not, a crashed set root's later parts are `incomplete`, a later part
whose set root is not known is never `clean`). A missing middle
part: the parts before it are read, the root is `truncated` and says which
part is missing. A later part alone stays as before. -j1 and -j2 give the
same records, so does a run resumed between a set root and its parts, and
`leaksift text` reads a member past the first part; `leaksift merge` of two
shards gives a later part whose set root fell in the other shard its set
root's verdict (the records of one run). Names as real tools
write them (zip -s of Mail.Zip: Mail.z01 ...; split -d with the prefix
"x.part": x.part00 ...), byte splits of a Version 7 tar (no "ustar") and of
a mailbox, and part 1000 of a 7-Zip set (.001 ... .1000) are joined the
same way (SplitThousandParts: part 1000 not read again alone). Files named
as parts that are each a whole archive (x.001 a whole tar, x.002 another)
are each a root (SplitWholeArchives); RAR 4 volumes are joined only by a
member split across them (SplitRar4Volumes)."""
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_splitvol  # noqa: E402

KEY = b"splitvol-test-fingerprint-key-0123456789"
SETS = ("sev", "zs", "tg", "td", "zc", "pp", "v7", "mb")


def hooks_on():
    p = lsutil.run(["version"])
    return b"test hooks: on" in p.stderr


needs_hooks = unittest.skipUnless(hooks_on(), "CLI built without -DLEAKSIFT_TEST_HOOKS=ON")


def comparable(m):
    """Object records by id, without what differs between runs."""
    return {o["id"]: json.dumps(o, sort_keys=True) for o in m.objects}


@unittest.skipUnless(all(shutil.which(t) for t in ("7z", "zip", "split")),
                     "needs 7z, zip and split (scripts/deps-debian.txt)")
class SplitVolumes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ls_splitvol_")
        cls.key = gen_splitvol.generate(cls.tmp)
        cls.w1 = os.path.join(cls.tmp, "w1")
        cls.w2 = os.path.join(cls.tmp, "w2")
        os.makedirs(cls.w1)
        os.makedirs(cls.w2)
        p, cls.m2 = lsutil.scan_keyed(cls.w2, ["split"], KEY, "-j2", cwd=cls.tmp)
        assert cls.m2 is not None, p.stderr
        p, cls.m1 = lsutil.scan_keyed(cls.w1, ["split"], KEY, "-j1", cwd=cls.tmp)
        assert cls.m1 is not None, p.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def p(self, rel):
        return "split/" + rel

    def test_pii_past_the_first_part_is_found(self):
        for s in SETS:
            k = self.key[s]
            with self.subTest(set=s):
                member = self.m2.obj(self.p(k["root"]), k["member"])
                self.assertEqual(lsutil.last4s(member, "ssn"), sorted(lsutil.last4(v) for v in k["ssn"]))
                root = self.m2.obj(self.p(k["root"]))
                self.assertEqual(root["verdict"], "sensitive")
                self.assertEqual(root["coverage"], "full", root["errors"])

    def test_set_root_record(self):
        for s in SETS:
            k = self.key[s]
            with self.subTest(set=s):
                root = self.m2.obj(self.p(k["root"]))
                parts = [self.p(x) for x in k["parts"]]
                self.assertEqual(root["split"], {"set_root_id": root["root_id"], "parts": len(parts),
                                                 "part": parts.index(self.p(k["root"])) + 1,
                                                 "files": [os.path.basename(x) for x in parts]})
                self.assertEqual(root["file"]["size"],
                                 sum(os.path.getsize(os.path.join(self.tmp, x)) for x in parts))

    def test_later_parts_by_reference(self):
        for s in SETS:
            k = self.key[s]
            parts = [self.p(x) for x in k["parts"]]
            root = self.m2.obj(self.p(k["root"]))
            for i, part in enumerate(parts):
                if part == self.p(k["root"]):
                    continue
                with self.subTest(part=part):
                    o = self.m2.obj(part)
                    self.assertEqual(o["split"], {"set_root_id": root["root_id"], "part": i + 1,
                                                  "parts": len(parts)})
                    # the set root's verdict: never `clean` when its set is not
                    self.assertEqual((o["coverage"], o["verdict"], o["quarantine"], o["findings"]),
                                     ("full", root["verdict"], root["quarantine"], []))
                    self.assertEqual(o["verdict"], "sensitive")
                    done = [d for d in self.m2.root_dones if d["root_id"] == o["root_id"]][0]
                    self.assertEqual(done["verdicts"]["sensitive"], 1)
                    self.assertIn("read as part %d of %d of the set rooted at %s" % (i + 1, len(parts),
                                                                                   self.p(k["root"])),
                                  o["errors"][0])
                    self.assertEqual(o["file"]["size"], os.path.getsize(os.path.join(self.tmp, part)))

    def test_missing_middle_part(self):
        k = self.key["miss"]
        root = self.m2.obj(self.p(k["root"]))
        self.assertEqual(root["coverage"], "partial")
        self.assertIn("truncated", root["coverage_reasons"])
        self.assertTrue(any("part 3 (%s) is missing" % k["missing"] in e for e in root["errors"]), root["errors"])
        self.assertEqual(root["split"]["parts"], 2)
        member = self.m2.obj(self.p(k["root"]), k["member"])
        self.assertEqual(lsutil.last4s(member, "ssn"), [lsutil.last4(k["ssn"][0])])
        self.assertEqual(self.m2.obj(self.p(k["parts"][1]))["split"]["set_root_id"], root["root_id"])
        for after in k["after_gap"]:  # past the gap: alone, as before
            self.assertNotIn("split", self.m2.obj(self.p(after)))
        # a later part whose first part is not there: alone, as before
        o = self.m2.obj(self.p(self.key["lone"]["root"]))
        self.assertNotIn("split", o)
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("unsupported", o["coverage_reasons"])

    def test_one_worker_same_as_two(self):
        for m in (self.m1, self.m2):  # both joined the sets ...
            self.assertEqual(sum(1 for o in m.objects if "split" in o),
                             sum(len(self.key[s]["parts"]) for s in SETS + ("miss",)))
        self.assertEqual(comparable(self.m1), comparable(self.m2))  # ... the same way

    def test_resume_between_set_root_and_parts(self):
        """A run cut after the set root's block (its later parts not done)
        and resumed gives the records of an uncut run."""
        full = os.path.join(self.w1, "manifest.jsonl")
        with open(full, "rb") as f:
            lines = f.read().split(b"\n")
        cut = None
        for i, line in enumerate(lines):
            if line.startswith(b'{"record":"root_done"') and json.loads(line)["path"] == self.p(self.key["sev"]["root"]):
                cut = i
        self.assertIsNotNone(cut)
        w = os.path.join(self.tmp, "wr")
        os.makedirs(w, exist_ok=True)
        out = os.path.join(w, "manifest.jsonl")
        with open(out, "wb") as f:
            f.write(b"\n".join(lines[:cut + 1]) + b"\n")
        keyfile = os.path.join(self.w1, "key")
        p = lsutil.run(["scan", "-q", "--resume", "-o", out, "--fingerprint-key", keyfile, "-j2", "split"],
                       cwd=self.tmp)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        m = lsutil.load(out)
        self.assertEqual(comparable(m), comparable(self.m1))
        later = m.obj(self.p(self.key["sev"]["parts"][1]))
        self.assertEqual(later["split"]["part"], 2)
        self.assertEqual(later["verdict"], "sensitive")  # the set root's, from the manifest resumed

    @needs_hooks
    def test_held_parts_memory_capped(self):
        """Later parts held for their set root (a zip set's .z01 ... listed
        before its .zip) past the writer's memory cap go to a temporary
        file: the same records, never more than the cap in memory."""
        keyfile = os.path.join(self.w2, "key")
        for cap in (0, 2500):
            with self.subTest(cap=cap):
                w = os.path.join(self.tmp, "wh%d" % cap)
                os.makedirs(w, exist_ok=True)
                out = os.path.join(w, "manifest.jsonl")
                env = dict(os.environ, LEAKSIFT_TEST_HELD_MEM=str(cap))
                p = lsutil.run(["scan", "-q", "-o", out, "--fingerprint-key", keyfile, "-j2", "split"],
                               cwd=self.tmp, env=env)
                self.assertIn(p.returncode, (0, 1), p.stderr)
                m = re.search(rb"test: held parts: (\d+) spilled, at most (\d+) bytes in memory", p.stderr)
                self.assertIsNotNone(m, p.stderr)
                self.assertGreater(int(m.group(1)), 0)
                self.assertLessEqual(int(m.group(2)), cap)
                self.assertEqual(comparable(lsutil.load(out)), comparable(self.m2))

    def test_merge_of_shards_gives_later_parts_their_verdict(self):
        """A later part whose set root fell in the other shard is written
        `incomplete` ("not known"); merging the shards gives it its set
        root's verdict: the same records as one run over both."""
        keyfile = os.path.join(self.w2, "key")
        outs = []
        for k in (1, 2):
            w = os.path.join(self.tmp, "shard%d" % k)
            os.makedirs(w, exist_ok=True)
            outs.append(os.path.join(w, "manifest.jsonl"))
            p = lsutil.run(["scan", "-q", "-o", outs[-1], "--fingerprint-key", keyfile, "-j2",
                            "--shard", "%d/2" % k, "split"], cwd=self.tmp)
            self.assertIn(p.returncode, (0, 1), p.stderr)
        unknown = sum(1 for out in outs for o in lsutil.load(out).objects
                      if any("is not known" in e for e in o["errors"]))
        self.assertGreater(unknown, 0)  # some set crosses the shards
        merged = os.path.join(self.tmp, "merged.jsonl")
        p = lsutil.run(["merge", "-q", "-o", merged] + outs)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        m = lsutil.load(merged)
        self.assertEqual(comparable(m), comparable(self.m2))
        strip = lambda d: {k: v for k, v in d.items() if k != "elapsed_s"}  # noqa: E731
        self.assertEqual(sorted(json.dumps(strip(d), sort_keys=True) for d in m.root_dones),
                         sorted(json.dumps(strip(d), sort_keys=True) for d in self.m2.root_dones))
        self.assertEqual(m.summary["verdicts"], self.m2.summary["verdicts"])

    def test_summary_counts_a_set_once(self):
        summ = self.m2.summary
        roots = [o for o in self.m2.objects if o["depth"] == 0]
        later = sum(o["file"]["size"] for o in roots
                    if "split" in o and o["split"]["set_root_id"] != o["root_id"])
        self.assertGreater(later, 0)
        self.assertEqual(summ["bytes_read"], sum(o["file"]["size"] for o in roots) - later)

    def test_text_reads_a_member_past_the_first_part(self):
        k = self.key["sev"]
        p = lsutil.run(["text", self.p(k["root"]) + "!" + "!".join(k["member"])], cwd=self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(k["ssn"][0].encode(), p.stdout)
        p = lsutil.run(["text", self.p(k["parts"][1])], cwd=self.tmp)
        self.assertEqual((p.returncode, p.stdout), (0, b""), p.stderr)


def sha256_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def tree(d):
    return sorted(os.path.relpath(os.path.join(a, n), d) for a, _, ns in os.walk(d) for n in ns)


@unittest.skipUnless(all(shutil.which(t) for t in ("7z", "zip", "split")),
                     "needs 7z, zip and split (scripts/deps-debian.txt)")
class SplitQuarantine(unittest.TestCase):
    """Every part of a sensitive set reads `sensitive` and is in the
    quarantine store as the file it is; a clean set is all clean and not
    stored; a set root that crashes gives `incomplete` later parts."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ls_splitq_")
        cls.key = gen_splitvol.generate(cls.tmp)
        cls.extra = gen_splitvol.generate_extra(cls.tmp)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_every_part_stored_and_sensitive(self):
        w = os.path.join(self.tmp, "wq")
        os.makedirs(w)
        q = os.path.join(w, "store")
        before = tree(self.tmp)
        p, m = lsutil.scan(w, ["split/sev", "split/zs", "splitq/clean"], "-j2", "--quarantine-dir", q,
                           cwd=self.tmp)
        self.assertIsNotNone(m, p.stderr)
        self.assertNotIn(b"not copied", p.stderr)
        parts = ["split/" + x for s in ("sev", "zs") for x in self.key[s]["parts"]]
        for part in parts:
            with self.subTest(part=part):
                o = m.obj(part)
                self.assertEqual((o["verdict"], o["quarantine"]), ("sensitive", True))
        for part in self.extra["clean"]:
            with self.subTest(part=part):
                o = m.obj("splitq/" + part)
                self.assertEqual((o["verdict"], o["quarantine"]), ("clean", False))
                self.assertIn("split", o)
        want = sorted(set(sha256_of(os.path.join(self.tmp, x)) for x in parts))
        held = sorted(n for n in tree(q) if n != "index.jsonl")
        self.assertEqual(held, sorted(h[:2] + "/" + h for h in want))
        for h in want:
            self.assertEqual(sha256_of(os.path.join(q, h[:2], h)), h)
        # nothing else written anywhere
        self.assertEqual(sorted(x for x in tree(self.tmp) if not x.startswith("wq/")), before)
        self.assertEqual(sorted(x for x in tree(w) if not x.startswith("store/")), ["manifest.jsonl"])

    @needs_hooks
    def test_set_root_crash_gives_incomplete_parts(self):
        for j in ("-j1", "-j2"):
            with self.subTest(jobs=j):
                w = os.path.join(self.tmp, "wc" + j)
                os.makedirs(w)
                p, m = lsutil.scan(w, ["splitq/crash"], j, cwd=self.tmp)
                self.assertIsNotNone(m, p.stderr)
                parts = ["splitq/" + x for x in self.extra["crash"]]
                self.assertIn("worker_crash", m.obj(parts[0])["coverage_reasons"])
                for part in parts[1:]:
                    o = m.obj(part)
                    self.assertEqual(o["verdict"], "incomplete", o)

    def test_unknown_set_root_is_not_clean(self):
        """A later part named alone while its set root (beside it) is not
        scanned: its set's verdict is not known, so `incomplete`."""
        w = os.path.join(self.tmp, "wu")
        os.makedirs(w)
        part = "split/" + self.key["sev"]["parts"][1]
        p, m = lsutil.scan(w, [part], cwd=self.tmp)
        self.assertIsNotNone(m, p.stderr)
        o = m.obj(part)
        self.assertEqual(o["verdict"], "incomplete")
        self.assertTrue(any("is not known" in e for e in o["errors"]), o["errors"])


    def test_merged_part_quarantined_but_not_stored_says_so(self):
        """A later part scanned in a run apart from its set root, under a
        policy without `incomplete` (--quarantine sensitive,hostile): it is
        not quarantined there, so that run's store lacks it; merged, it
        takes its set root's verdict and quarantine (hold it back) and an
        errors line says that run's store does not hold it. Under the
        default policy (incomplete quarantined, stored) no such line."""
        sev = self.key["sev"]
        keyfile = os.path.join(self.tmp, "mq.key")
        with open(keyfile, "wb") as f:
            f.write(KEY)
        for policy, noted in (("sensitive,hostile", True), ("sensitive,hostile,incomplete", False)):
            with self.subTest(policy=policy):
                w = tempfile.mkdtemp(prefix="mq_", dir=self.tmp)
                outs, stores = [], []
                for k, path in enumerate(("split/" + sev["root"], "split/" + sev["parts"][1])):
                    outs.append(os.path.join(w, "m%d.jsonl" % k))
                    stores.append(os.path.join(w, "q%d" % k))
                    p = lsutil.run(["scan", "-q", "-o", outs[-1], "--fingerprint-key", keyfile, "--quarantine",
                                    policy, "--quarantine-dir", stores[-1], path], cwd=self.tmp)
                    self.assertIn(p.returncode, (0, 1), p.stderr)
                part = "split/" + sev["parts"][1]
                self.assertEqual(lsutil.load(outs[1]).obj(part)["quarantine"], not noted)
                h = sha256_of(os.path.join(self.tmp, part))
                self.assertEqual(os.path.exists(os.path.join(stores[1], h[:2], h)), not noted)
                merged = os.path.join(w, "merged.jsonl")
                p = lsutil.run(["merge", "-q", "-o", merged] + outs)
                self.assertEqual(p.returncode, 1, p.stderr)
                o = lsutil.load(merged).obj(part)
                self.assertEqual((o["verdict"], o["quarantine"]), ("sensitive", True))
                said = [e for e in o["errors"] if "does not hold it" in e]
                self.assertEqual(len(said), 1 if noted else 0, o["errors"])


class SplitThousandParts(unittest.TestCase):
    """big.tar.001 ... big.tar.1000 (7-Zip and HJSplit write the thousandth
    part with four digits): part 1000 is the set's last part, recorded by
    reference, not also read alone as a file of its own."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ls_split1000_")
        cls.key = gen_splitvol.generate_thousand(cls.tmp)
        w = os.path.join(cls.tmp, "w")
        os.makedirs(w)
        p, cls.m = lsutil.scan_keyed(w, ["thousand"], KEY, "-j2", cwd=cls.tmp)
        assert cls.m is not None, p.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_part_1000_is_the_last_part(self):
        root = self.m.obj(self.key["root"])
        self.assertEqual(root["split"]["parts"], 1000)
        self.assertEqual(root["coverage"], "full", root["errors"])
        member = self.m.obj(self.key["root"], ["z_people.csv"])
        self.assertEqual(lsutil.last4s(member, "ssn"), [lsutil.last4(self.key["ssn"])])
        last = self.m.obj(self.key["last"])
        self.assertEqual(last["split"], {"set_root_id": root["root_id"], "part": 1000, "parts": 1000})
        self.assertEqual((last["coverage"], last["verdict"], last["findings"]), ("full", "sensitive", []))
        self.assertEqual([o["path"] for o in self.m.objects if o["path"] == self.key["last"]], [self.key["last"]])


class SpillPastAddressSpace(unittest.TestCase):
    """--spill past the address space (2^64 - 1): a root read into memory
    (a split set's parts joined, any file) is read whole; the reader's cap
    of --spill, 1 GiB at least, wrapped (cap + 1 = 0) and a freed buffer
    became the root's bytes: the worker died (worker_crash)."""

    def test_huge_spill_reads_roots(self):
        with tempfile.TemporaryDirectory(prefix="ls_spill_") as d:
            with open(os.path.join(d, "staff.csv"), "wb") as f:
                f.write(b"name,ssn\nJane Roe,536-22-1874\n")
            out = os.path.join(d, "m.jsonl")
            p = lsutil.run(["scan", "-q", "-j1", "--spill", "18446744073709551615", "-o", out,
                            os.path.join(d, "staff.csv")])
            self.assertIn(p.returncode, (0, 1), p.stderr)
            o = lsutil.load(out).objects[0]
            self.assertEqual((o["coverage"], o["verdict"]), ("full", "sensitive"), o["errors"])


class SplitNotAnArchive(lsutil.FilesTree):
    """Byte-split names on files that are no archive's pieces (numbered
    exports, t.aa and t.ab): each is read as the file it is, its findings in
    its own record, not joined to the first (whose type it is not)."""
    FILES = {
        "staff.aa": b"Quarterly staff export, part one: nothing personal here.\n" * 40,
        "staff.ab": b"Name: Jane Roe, SSN: 536-22-1874\n",
    }

    def test_numbered_text_files_are_read_alone(self):
        a, b = self.m.obj(self.p("staff.aa")), self.m.obj(self.p("staff.ab"))
        self.assertNotIn("split", a)
        self.assertNotIn("split", b)
        self.assertEqual(a["verdict"], "clean")
        self.assertEqual(b["verdict"], "sensitive")
        self.assertIn("ssn", [f["entity"] for f in b["findings"]])


class SplitWholeArchives(unittest.TestCase):
    """Files named as a byte split's parts that are each a whole archive
    of a format that does not say where it ends (x.001 a whole tar, x.002
    another, the second smaller), of one whose header says how long it is
    (cab, ISO 9660, WIM), or of two formats (x.001 a zip and x.002 a tar,
    .part1 a RAR and .part2 a 7z, ...): each is a root of its own and the
    second's members are read (joined, the reader stopped at the first's
    end and the SSN in the second was never found: cab and xar said clean).
    A tar cut by split -b exactly at a member's header, after zeros, is
    still one set."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ls_splitwhole_")
        os.makedirs(os.path.join(cls.tmp, "w"))
        cls.key = gen_splitvol.generate_whole(cls.tmp)
        p, cls.m = lsutil.scan(os.path.join(cls.tmp, "w"), ["whole"], "-j2", cwd=cls.tmp)
        assert cls.m is not None, p.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_each_whole_archive_is_its_own_root(self):
        pairs = [k for k in self.key if k != "cut"]
        self.assertGreaterEqual(len(pairs), 13)
        for name in pairs:
            k = self.key[name]
            with self.subTest(pair=name):
                one, two = (self.m.obj("whole/" + f) for f in k["files"])
                self.assertNotIn("split", one)
                self.assertNotIn("split", two)
                # a WIM has no reader: partial, incomplete
                self.assertEqual(one["verdict"], "incomplete" if name == "wim" else "clean")
                self.assertEqual(two["verdict"], "sensitive")
                below = lsutil.subtree(self.m.objects)(two)
                found = {f for o in below for f in lsutil.last4s(o, "ssn")}
                self.assertEqual(found, {lsutil.last4(k["ssn"])})

    def test_tar_cut_at_a_member_header_is_one_set(self):
        k = self.key["cut"]
        root = self.m.obj("whole/" + k["files"][0])
        self.assertEqual(root["split"]["parts"], len(k["files"]))
        self.assertEqual(root["verdict"], "sensitive")
        self.assertEqual(lsutil.last4s(self.m.obj("whole/" + k["files"][0], ["z_people.csv"]), "ssn"),
                         [lsutil.last4(k["ssn"])])


class SplitRar4Volumes(unittest.TestCase):
    """RAR 4 volumes (gen_splitvol.generate_rar4, written from the
    technote's layout): libarchive's RAR 4 reader stops at a volume's end
    of archive block unless a member is split after it, so a set whose
    volumes hold whole files said `full` with the second volume's members
    never read. A volume that ends at a member's end ends the set: volumes
    joined by a split member are one root, the next volume a root of its
    own, and every SSN is found. A file of a volume's name that is no RAR
    (a 7z named x.part2.rar) is a root of its own."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ls_splitrar4_")
        os.makedirs(os.path.join(cls.tmp, "w"))
        cls.key = gen_splitvol.generate_rar4(cls.tmp)
        p, cls.m = lsutil.scan(os.path.join(cls.tmp, "w"), ["rar4"], "-j2", cwd=cls.tmp)
        assert cls.m is not None, p.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def found(self, path):
        below = lsutil.subtree(self.m.objects)(self.m.obj("rar4/" + path))
        return {f for o in below for f in lsutil.last4s(o, "ssn")}

    def test_volumes_of_whole_files_are_each_read(self):
        k = self.key["whole"]
        for f in k["files"]:
            self.assertNotIn("split", self.m.obj("rar4/" + f))
        self.assertEqual(self.found(k["files"][1]), {lsutil.last4(k["ssn"])})
        self.assertEqual(self.m.obj("rar4/" + k["files"][1])["verdict"], "sensitive")

    def test_rar5_volumes_of_whole_files_are_each_read(self):
        k = self.key["rar5"]
        for f in k["files"]:
            o = self.m.obj("rar4/" + f)
            self.assertNotIn("split", o)
            self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertEqual(self.found(k["files"][1]), {lsutil.last4(k["ssn"])})

    @unittest.skipUnless(shutil.which("7z"), "no 7z")
    def test_a_7z_named_as_the_next_volume_is_read_alone(self):
        # joined, libarchive's RAR reader failed at the 7z's bytes and the
        # SSN in it was never read; every RAR volume starts with the marker
        k = self.key["rar7z"]
        for f in k["files"]:
            self.assertNotIn("split", self.m.obj("rar4/" + f))
        second = self.m.obj("rar4/" + k["files"][1])
        self.assertEqual(second["coverage"], "full", second["errors"])
        self.assertEqual(self.found(k["files"][1]), {lsutil.last4(k["ssn"])})
        first = self.m.obj("rar4/" + k["files"][0])
        self.assertIn("truncated", first["coverage_reasons"])  # its member goes on in a volume not there

    def test_rar5_member_split_into_a_small_last_volume(self):
        # libarchive's RAR 5 reader looks for the next volume 512 bytes at a
        # time: a member continued into a last volume of fewer bytes was cut
        # ("RAR5: Header CRC error", partial) and the SSN in its part lost
        k = self.key["rar5s"]
        root = self.m.obj("rar4/" + k["files"][0])
        self.assertEqual(root["split"]["parts"], 2)
        self.assertEqual(root["coverage"], "full", root["errors"])
        member = self.m.obj("rar4/" + k["files"][0], ["m_people.csv"])
        self.assertEqual(member["coverage"], "full", member["errors"])
        self.assertEqual(self.found(k["files"][0]), {lsutil.last4(k["ssn"])})

    def test_volumes_joined_only_by_a_split_member(self):
        k = self.key["span"]
        root = self.m.obj("rar4/" + k["files"][0])
        self.assertEqual(root["split"]["parts"], 2)
        self.assertEqual(root["coverage"], "full", root["errors"])
        self.assertEqual(self.found(k["files"][0]), {lsutil.last4(k["ssn_span"])})
        last = self.m.obj("rar4/" + k["files"][2])
        self.assertNotIn("split", last)
        self.assertEqual(self.found(k["files"][2]), {lsutil.last4(k["ssn_last"])})


class SplitHugeSparse(unittest.TestCase):
    """Two sparse parts whose sizes sum to just under 2^63: the workers'
    address-space limit (4 GiB + twice the largest root) wrapped around
    2^64 to 64 MiB, and every root of the run failed for want of memory,
    not only the set. Needs a file system with files that large (tmpfs)."""

    def test_sum_does_not_starve_workers(self):
        # the set root's worker reads the first GiB of zeros (--root-timeout ends it)
        avail = 0
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    avail = int(line.split()[1]) * 1024
        if avail < (3 << 30):
            self.skipTest("needs 3 GiB of free memory")
        base = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
        tmp = tempfile.mkdtemp(prefix="ls_splitsparse_", dir=base)
        out = tempfile.mkdtemp(prefix="ls_splitsparse_w_")
        try:
            part = (1 << 62) - (1 << 30) + (1 << 24)  # two: 2^63 - 2 GiB + 32 MiB
            os.makedirs(os.path.join(tmp, "huge"))
            for n in ("x.7z.001", "x.7z.002"):
                with open(os.path.join(tmp, "huge", n), "wb") as f:
                    if n.endswith(".001"):
                        f.write(b"7z\xbc\xaf\x27\x1c")  # a byte split's first part starts as an archive
                    try:
                        os.ftruncate(f.fileno(), part)
                    except OSError:
                        self.skipTest("no sparse files of 2^62 bytes here")
            os.makedirs(os.path.join(tmp, "plain"))
            with open(os.path.join(tmp, "plain", "people.csv"), "wb") as f:
                f.write(gen_splitvol.people(["219-09-9999", "078-05-1120"], "sparse"))
            p, m = lsutil.scan(out, ["plain", "huge"], "-j1", "--root-timeout", "3", cwd=tmp)
            self.assertIsNotNone(m, p.stderr)
            o = m.obj("plain/people.csv")
            self.assertEqual((o["verdict"], o["coverage"]), ("sensitive", "full"), o)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
