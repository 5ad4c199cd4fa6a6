"""Shared helpers for the end-to-end tests: run the CLI, load a manifest with
the json module, index its records by path and chain.

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import lsutil
    proc, m = lsutil.scan(tmpdir, [tree])       # runs leaksift scan -o tmpdir/manifest.jsonl tree
    proc, m = lsutil.scan_keyed(tmpdir, [tree], KEY)  # the same with --fingerprint-key (bytes KEY)
    o = m.obj(os.path.join(tree, "a.zip"), ["inner.csv"])
    lsutil.entities(o)                          # {"ssn": finding, ...}
    lsutil.fingerprint(KEY, "ssn", "536221874")  # what the manifest writes for that value
    class T(lsutil.KeyedDumpTests, unittest.TestCase): GEN = make_hostile4  # a keyed dump's checks

Environment: LEAKSIFT (path of the CLI, set by ctest), LEAKSIFT_SRC (source
dir). Keep this module small and its names stable: other tests import it.
"""
import hashlib
import hmac
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

SRC = os.path.abspath(os.environ.get("LEAKSIFT_SRC",
                                     os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  "..", "..")))
LEAKSIFT = os.environ.get("LEAKSIFT", os.path.join(SRC, "build", "leaksift"))
if os.sep in LEAKSIFT:
    LEAKSIFT = os.path.abspath(LEAKSIFT)  # tests run it from other directories


def run(args, stdin=None, timeout=120, cwd=None, env=None):
    """Run `leaksift ARGS...`; returns the CompletedProcess (stdout and stderr
    as bytes). stdin: bytes to feed (default: empty input)."""
    argv = [os.fsencode(a) for a in [LEAKSIFT] + list(args)]  # str or bytes (raw names)
    return subprocess.run(argv, input=stdin if stdin is not None else b"",
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=timeout, cwd=cwd, env=env)


class Manifest:
    """A parsed manifest. Every line must be one JSON object with "record"
    (AssertionError otherwise, naming the line). Attributes: text (raw),
    records (all, in order), run (first line), summary (last line or None),
    objects, root_dones."""

    def __init__(self, text):
        self.text = text
        self.records = []
        if not text.endswith("\n"):
            raise AssertionError("manifest does not end with a newline: %r" % text[-200:])
        for n, line in enumerate(text[:-1].split("\n"), 1):
            try:
                rec = json.loads(line)
            except ValueError as e:
                raise AssertionError("manifest line %d is not JSON (%s): %r" % (n, e, line[:200]))
            if not isinstance(rec, dict) or "record" not in rec:
                raise AssertionError("manifest line %d has no \"record\": %r" % (n, line[:200]))
            self.records.append(rec)
        if not self.records:
            raise AssertionError("empty manifest")
        self.run = self.records[0]
        self.summary = self.records[-1] if self.records[-1]["record"] == "summary" else None
        self.objects = [r for r in self.records if r["record"] == "object"]
        self.root_dones = [r for r in self.records if r["record"] == "root_done"]

    def by_path(self, path):
        """Object records (root and nested) whose root path is path."""
        return [o for o in self.objects if o["path"] == path]

    def index(self):
        """{(path, tuple(chain)): object record} for every object."""
        return {(o["path"], tuple(o["chain"])): o for o in self.objects}

    def roots(self):
        """Root object records (depth 0), in manifest order."""
        return [o for o in self.objects if o["depth"] == 0]

    def obj(self, path, chain=()):
        """The one object record for path and chain (a list of member names)."""
        hits = [o for o in self.by_path(path) if o["chain"] == list(chain)]
        if len(hits) != 1:
            have = sorted((o["path"], tuple(o["chain"])) for o in self.objects)[:50]
            raise AssertionError("%d records for %r %r; have %r" % (len(hits), path, list(chain), have))
        return hits[0]


def load(path_or_bytes):
    """A Manifest from a file path or from the bytes/str of a manifest."""
    if isinstance(path_or_bytes, (bytes, bytearray)):
        data = bytes(path_or_bytes)
    elif isinstance(path_or_bytes, str) and "\n" not in path_or_bytes and os.path.exists(path_or_bytes):
        with open(path_or_bytes, "rb") as f:
            data = f.read()
    else:
        data = path_or_bytes.encode("utf-8")
    return Manifest(data.decode("utf-8"))  # a manifest is UTF-8: a decode error fails the test


def scan(workdir, paths, *extra, timeout=300, stdin=None, cwd=None):
    """Run `leaksift scan -q -o WORKDIR/manifest.jsonl EXTRA... PATHS...`;
    returns (proc, Manifest or None when no manifest was written)."""
    out = os.path.join(workdir, "manifest.jsonl")
    if os.path.exists(out):
        os.unlink(out)
    proc = run(["scan", "-q", "-o", out] + list(extra) + list(paths), stdin=stdin,
               timeout=timeout, cwd=cwd)
    return proc, (load(out) if os.path.exists(out) and os.path.getsize(out) else None)


def scan_keyed(workdir, paths, key, *extra, **kw):
    """scan() with a known fingerprint key: writes the bytes `key` to
    WORKDIR/key and runs `leaksift scan ... --fingerprint-key WORKDIR/key
    EXTRA... PATHS...`, so fingerprints can be recomputed with hmac.
    Keywords as for scan(); returns what scan() returns."""
    keyfile = os.path.join(workdir, "key")
    with open(keyfile, "wb") as f:
        f.write(key)
    return scan(workdir, paths, "--fingerprint-key", keyfile, *extra, **kw)


def entities(obj):
    """{entity: finding} of an object record (first finding per entity)."""
    out = {}
    for f in obj.get("findings", []):
        out.setdefault(f["entity"], f)
    return out


def last4(value):
    """The last four characters of a planted value, separators dropped: what
    a redacted evidence value ends with."""
    return value.replace(" ", "").replace("-", "")[-4:]


def last4s(obj, entity):
    """Sorted last four characters of the evidence of an object's first
    finding of an entity ([] if none)."""
    f = entities(obj).get(entity)
    return sorted(e["redacted"][-4:] for e in f["evidence"]) if f else []


def distinct(obj, entity):
    """Distinct values of an entity in one object (summed over its rules)."""
    return sum(f["distinct"] for f in obj.get("findings", []) if f["entity"] == entity)


def fingerprint(key, entity, norm):
    """Hex HMAC-SHA256(key, entity ":" norm), as DESIGN.md defines the
    manifest's fingerprints, computed with Python's hmac (independently of
    the C code). `norm` is the normalised value (digits only for ssn, ...)."""
    return hmac.new(key, (entity + ":" + norm).encode("utf-8"), hashlib.sha256).hexdigest()


def subtree(objs):
    """A function below(o) -> [o and every record under it], for the object
    records `objs` of one manifest (linked by parent_id)."""
    kids = {}
    for o in objs:
        kids.setdefault(o["parent_id"], []).append(o)

    def below(o):
        out, todo = [], [o]
        while todo:
            x = todo.pop()
            out.append(x)
            todo.extend(kids.get(x["id"], []))
        return out
    return below


class KeyedDumpTests:
    """The checks of a keyed hostile dump (tests/gen/make_hostile3.py's key
    format and check()), as a mixin: a test module sets GEN (the generator
    module) and NAME, and derives `class X(lsutil.KeyedDumpTests,
    unittest.TestCase)`. The dump is scanned with a known fingerprint key,
    with two workers and with one; every key entry not marked arguable must
    hold in both, both runs must give the same answers, and every file the
    generator wrote must be keyed."""
    GEN = None
    NAME = "dump"

    @classmethod
    def setUpClass(cls):
        if not os.environ.get("LEAKSIFT"):
            raise unittest.SkipTest("LEAKSIFT not set")
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-%s-" % cls.NAME)
        base = cls.tmp.name
        cls.key = cls.GEN.generate(os.path.join(base, "gen"))
        keyfile = os.path.join(base, "fp.key")
        with open(keyfile, "wb") as f:
            f.write(bytes.fromhex(cls.key["fp_key"]))
        cls.runs = {}
        for name, args in (("j2", ["-j2"]), ("j1", ["-j1"])):
            man = os.path.join(base, name + ".jsonl")
            p = subprocess.run([LEAKSIFT, "scan", "-q", "-o", man, "--fingerprint-key", keyfile] + args +
                               [cls.key["root"]], cwd=base, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=300)
            with open(man, "rb") as f:
                cls.runs[name] = (p.returncode, f.read(), p.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def verify(self, name):
        rc, raw, err = self.runs[name]
        self.assertEqual(rc, 1, err[-2000:])
        bad, fails, arguable = self.GEN.check(self.key, raw)
        self.assertEqual(bad, [])
        self.assertEqual(fails, [], "\n".join(fails))
        for a in arguable:
            print("arguable or known gap (%s): %s" % (name, a), file=sys.stderr)

    def test_two_workers(self):
        self.verify("j2")

    def test_one_worker(self):
        self.verify("j1")

    def test_same_answer_any_worker_count(self):
        def objects(raw):
            keep = ("id", "chain", "coverage", "coverage_reasons", "alerts", "verdict")
            return sorted(json.dumps({k: r[k] for k in keep}, sort_keys=True)
                          for r in map(json.loads, raw.splitlines()) if r["record"] == "object")
        self.assertEqual(objects(self.runs["j2"][1]), objects(self.runs["j1"][1]))

    def test_key_covers_every_root(self):
        # every file the generator wrote is keyed, so none is planted unchecked
        keyed = {os.path.normpath(os.path.join(self.key["root"], c["path"])) for c in self.key["cases"]}
        roots = {r["path"] for r in map(json.loads, self.runs["j2"][1].splitlines())
                 if r["record"] == "object" and r["depth"] == 0}
        self.assertEqual(roots - keyed, set())


def check_expect(tc, m, path, expect, ssn_fp):
    """Assert an unpack generator's EXPECT entry for one file (gen_unpack2.py,
    gen_unpack3.py): {member: (coverage, reasons that must be there, found)},
    member "" for the file itself; coverage "none_or_partial" allows either;
    found True: the SSN (fingerprint ssn_fp) is among the ssn evidence, a
    string: a substring of some errors[] entry."""
    for member, (coverage, reasons, found) in expect.items():
        o = m.obj(path, [member] if member else [])
        with tc.subTest(path=os.path.basename(path), member=member):
            why = (o["coverage_reasons"], o["errors"])
            if coverage == "none_or_partial":
                tc.assertIn(o["coverage"], ("none", "partial"), why)
            else:
                tc.assertEqual(o["coverage"], coverage, why)
            for r in reasons:
                tc.assertIn(r, o["coverage_reasons"], why)
            fps = {ev.get("fingerprint") for f in o.get("findings", []) if f["entity"] == "ssn"
                   for ev in f["evidence"]}
            if found is True:
                tc.assertIn(ssn_fp, fps, why)
            elif isinstance(found, str):
                tc.assertTrue(any(found in e for e in o["errors"]), why)


class GeneratedTree(unittest.TestCase):
    """Fixture of the sweep tests: GEN.generate(dir) writes a tree (a
    generator module of tests/gen), scanned once for the class (self.m);
    what generate returns is self.key; p(name) is a file's path there,
    text(name, *members) what `leaksift text` prints for it."""
    GEN = None

    @classmethod
    def generate(cls, out):
        return cls.GEN.generate(out)

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "f")
        cls.key = cls.generate(cls.dir)
        _, cls.m = scan(cls.tmp.name, [cls.dir])
        assert cls.m is not None, "the scan wrote no manifest"

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def p(self, name):
        return os.path.join(self.dir, name)

    def text(self, name, *members):
        spec = "!".join((self.p(name),) + members)
        return run(["text", spec]).stdout.decode("utf-8")

    def redacted(self, o, entity):
        """The redacted evidence values of an entity in a record."""
        return [e["redacted"] for f in o["findings"] if f["entity"] == entity for e in f["evidence"]]

    def found(self, name, entity):
        """The redacted evidence values of an entity in file NAME's record."""
        return self.redacted(self.m.obj(self.p(name)), entity)

    def count(self, name, entity):
        """How many matches of an entity file NAME's record counts."""
        return sum(f["count"] for f in self.m.obj(self.p(name))["findings"] if f["entity"] == entity)


class FilesTree(GeneratedTree):
    """GeneratedTree for a few small files given inline: FILES = {name:
    bytes}, written to a fresh directory and scanned once for the class."""
    FILES = {}

    @classmethod
    def generate(cls, out):
        os.makedirs(out)
        for name, data in cls.FILES.items():
            with open(os.path.join(out, name), "wb") as f:
                f.write(data)


class KeyedHandlerTree(GeneratedTree):
    """A handler's generated files with their key, as GEN.generate returns
    it: {file: {"coverage": c, "reason": r (optional), "find": [[entity,
    last4 or None], ...], "decoys": ["entity:last4", ...] (optional)}}.
    test_keyed_files checks every file: read by HANDLER, its coverage and
    reason, each planted value found (ending in last4), no decoy found; a
    file with nothing planted and full coverage is clean, one read with
    coverage none has no finding."""
    HANDLER = None

    def ends_in(self, values, last4):
        return any(re.sub(r"\D", "", v).endswith(last4) for v in values)

    def test_keyed_files(self):
        for name, spec in sorted(self.key.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["handler"], self.HANDLER)
                self.assertEqual(o["coverage"], spec["coverage"], o["errors"])
                if "reason" in spec:
                    self.assertIn(spec["reason"], o["coverage_reasons"])
                for entity, last4 in spec["find"]:
                    got = self.redacted(o, entity)
                    self.assertTrue(got, (entity, o["findings"]))
                    if last4:
                        self.assertTrue(self.ends_in(got, last4), (entity, last4, got))
                for decoy in spec.get("decoys", []):
                    entity, last4 = decoy.split(":")
                    got = self.redacted(o, entity)
                    self.assertFalse(self.ends_in(got, last4), (decoy, got))
                if spec["coverage"] == "none" or (not spec["find"] and spec["coverage"] == "full"):
                    self.assertEqual(o["findings"], [])
                if not spec["find"] and spec["coverage"] == "full":
                    self.assertEqual(o["verdict"], "clean")
