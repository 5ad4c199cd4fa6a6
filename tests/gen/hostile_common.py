#!/usr/bin/env python3
"""What the keyed hostile dumps (gen_hostile2.py, gen_redteam.py,
make_hostile3.py ... make_hostile16.py) share.

A dump builds on this module:

    D = hostile_common.Dump(b"hostileN fingerprint key, test only",
                            domain="acme-corp.test", ssn_base=140)
    key, put, person, pl = D.key, D.put, D.person, D.pl
    ...
    def generate(out):
        return D.generate(out, (case_fn1, case_fn2, ...))
    check = hostile_common.check

The key format and its fields are make_hostile3.py's (its docstring);
check() is make_hostile8.py's (adds entities_only, exact, reasons_none).
The older dumps keep their module-level names (key, put, run, tmpd) as
aliases of one Dump's methods, so what other generators import from them
still works.
Python stdlib only; deterministic (fixed dates in zips and on files).
"""
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

NAMES = ["Ada Moss", "Bob Lee", "Cy Park", "Dee Ross", "Eve Hart", "Fay Lund", "Gus Kerr", "Hal Oak"]
NOSENSE = ["ssn", "credit_card", "iban", "phone", "passport", "dob", "password", "token", "jwt"]
FILE_TIME = 1417000000
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def check(k, raw):
    """make_hostile8.check (imported when called: make_hostile8 imports
    make_hostile3, which imports this module)."""
    import make_hostile8
    return make_hostile8.check(k, raw)


def rand_str(r, n, alphabet=ALNUM):
    """N characters of ALPHABET drawn from the random.Random R; from ALNUM,
    drawn again until they mix upper case, lower case and digits (as a
    token generator's output does)."""
    while True:
        s = "".join(r.choice(alphabet) for _ in range(n))
        if alphabet != ALNUM or (any(c.isupper() for c in s) and any(c.islower() for c in s)
                                 and any(c.isdigit() for c in s)):
            return s


def record(label, n, name, ssn, mail):
    """The older dumps' PII block: (text, planted): "LABEL record N", a
    name, a dashed SSN and an e-mail address."""
    text = "%s record %d\nName: %s\nSSN %s\nE-mail: %s\n" % (label, n, name, ssn, mail)
    return text, {"ssn": [ssn.replace("-", "")], "email": [mail]}


def rd(p):
    with open(p, "rb") as f:
        return f.read()


def wr(p, data):
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)


def have(*tools):
    return all(shutil.which(t) is not None for t in tools)


def noise(n, seed):
    """Incompressible, deterministic bytes."""
    out, x = bytearray(), seed
    while len(out) < n:
        x = (x * 6364136223846793005 + 1442695040888963407) & (2 ** 64 - 1)
        out += x.to_bytes(8, "little")
    return bytes(out[:n])


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card(n):
    """A 16-digit Visa-range number that passes Luhn."""
    s = "4539%011d" % (7130582 * n + 1200345)
    for d in "0123456789":
        if luhn_ok(s + d):
            return s + d


def iban(country, bban):
    """An IBAN with valid mod-97 check digits."""
    s = bban + country + "00"
    num = int("".join(str(int(c, 36)) for c in s))
    return "%s%02d%s" % (country, 98 - num % 97, bban)


def spaced(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


class FixedZip:
    """writestr with a fixed date (zipfile stamps the clock otherwise)."""
    def __init__(self, z):
        self.z = z

    def writestr(self, name, data, method=zipfile.ZIP_DEFLATED):
        zi = zipfile.ZipInfo(name, (2014, 11, 24, 8, 0, 0))
        zi.compress_type = method
        self.z.writestr(zi, data)


def zipb(members):
    """[(name, bytes)] -> zip bytes, deflated, fixed dates."""
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z0:
        z = FixedZip(z0)
        for name, data in members:
            z.writestr(name, data)
    return b.getvalue()


def sqlite_db(path, ddl_and_rows, page_size=4096):
    """Write a SQLite database at PATH: [(create statement, [row tuples])];
    rows inserted with placeholders in order. Returns its bytes."""
    if os.path.exists(path):
        os.remove(path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA page_size=%d" % page_size)
    con.execute("PRAGMA journal_mode=DELETE")
    for ddl, rows in ddl_and_rows:
        con.execute(ddl)
        if rows:
            ph = ",".join("?" * len(rows[0]))
            name = ddl.split("(")[0].split()[-1]
            con.executemany("INSERT INTO %s VALUES (%s)" % (name, ph), rows)
    con.commit()
    con.close()
    with open(path, "rb") as f:
        return f.read()


def u16(s):
    return s.encode("utf-16-le")


def u16z(s):
    return s.encode("utf-16-le") + b"\0\0"


class Dump:
    """One keyed dump's state: its cases, its root, its people."""

    def __init__(self, fp_key, names=NAMES, domain="acme-corp.test", ssn_base=140, stamp=True):
        """FP_KEY None: the key has no "fp_key". STAMP: put() sets each
        file's times to FILE_TIME (the older dumps leave them)."""
        self.fp_key = fp_key
        self.stamp = stamp
        self.names = names
        self.domain = domain
        self.ssn_base = ssn_base
        self.cases = []
        self.root = self.work = None
        self.n = 0

    def key(self, case, path, chain=(), **expect):
        self.cases.append({"case": case, "path": path, "chain": list(chain) if chain is not None else None,
                           "expect": expect})

    def put(self, rel, data):
        p = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)
        if self.stamp:
            os.utime(p, (FILE_TIME, FILE_TIME))
        return rel

    def tmp(self, name):
        """A path under the work folder (removed when generate() ends)."""
        return os.path.join(self.work, name)

    def tmpd(self, name):
        """A fresh empty folder under the work folder."""
        d = os.path.join(self.work, name)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        return d

    def run(self, args, cwd=None, inp=None):
        """A tool's stdout (in the work folder unless CWD); raises on failure."""
        return subprocess.run(args, cwd=cwd or self.work, input=inp, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, check=True).stdout

    def sevenz(self, members, args=()):
        """[(name, bytes)] -> a 7z made by the 7z tool (ARGS: its options)."""
        d = self.tmpd("7z%d" % len(self.cases))
        for n, data in members:
            wr(os.path.join(d, "src", n), data)
        self.run(["7z", "a", "-bd", "-y"] + list(args) + ["../a.7z", "."], cwd=os.path.join(d, "src"))
        return rd(os.path.join(d, "a.7z"))

    def person(self):
        """A fresh person: name, first, last, email, ssn (dashed), ssn9,
        phone, phone10, dob, card, n. SSN areas from ssn_base+1 (never 666)."""
        self.n += 1
        n = self.n
        area = self.ssn_base + n
        if area >= 666:
            area += 1
        ssn = "%03d-%02d-%04d" % (area, 10 + n % 80, 3000 + 37 * n)
        ph = "%d%d%04d" % ((212, 312, 415, 617, 713)[n % 5], 620 + n, 1000 + 97 * n)
        name = self.names[n % len(self.names)]
        first, last = name.split()
        return {"name": name, "first": first, "last": last,
                "email": "%s.%s%02d@%s" % (first.lower(), last.lower(), n, self.domain), "ssn": ssn,
                "ssn9": ssn.replace("-", ""), "phone": "(%s) %s-%s" % (ph[:3], ph[3:6], ph[6:]), "phone10": ph,
                "dob": "19%02d-%02d-%02d" % (50 + n % 40, 1 + n % 12, 1 + n % 28), "card": card(n), "n": n}

    @staticmethod
    def pl(*people, ssn=True, email=True, phone=False, cc=False):
        """The planted dict for PEOPLE."""
        out = {}
        for p in people:
            if ssn:
                out.setdefault("ssn", []).append(p["ssn9"])
            if email:
                out.setdefault("email", []).append(p["email"])
            if phone:
                out.setdefault("phone", []).append(p["phone10"])
            if cc:
                out.setdefault("credit_card", []).append(p["card"])
        return out

    def generate(self, out, builders, keep_work=False):
        """Build OUT/dump (each builder called in turn) and OUT/key.json;
        return the key. KEEP_WORK: OUT/work is left in place."""
        self.cases = []
        self.n = 0
        out = os.path.abspath(out)
        self.root = os.path.join(out, "dump")
        self.work = os.path.join(out, "work")
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(self.root)
        os.makedirs(self.work)
        for f in builders:
            f()
        if not keep_work:
            shutil.rmtree(self.work, ignore_errors=True)
        k = {"root": self.root, "fp_key": self.fp_key.hex(), "cases": self.cases} if self.fp_key is not None \
            else {"root": self.root, "cases": self.cases}
        with open(os.path.join(out, "key.json"), "w") as f:
            json.dump(k, f, indent=1)
        return k


def corpus_copy(generate, mapping, outdir, optional=False, then=None):
    """Fuzz seeds: generate a dump in a temporary folder and copy
    {dump path: OUTDIR-relative path} out of it. OPTIONAL: a path the dump
    lacks (made by a tool not installed) is passed over. THEN(tmp), if
    given, runs before the temporary folder goes."""
    import tempfile
    with tempfile.TemporaryDirectory() as t:
        generate(t)
        os.makedirs(outdir, exist_ok=True)
        for src, dst in mapping.items():
            if optional and not os.path.exists(os.path.join(t, "dump", src)):
                continue
            os.makedirs(os.path.dirname(os.path.join(outdir, dst)), exist_ok=True)
            shutil.copyfile(os.path.join(t, "dump", src), os.path.join(outdir, dst))
        if then:
            then(t)


def by_harness(corpus, under=""):
    """{dump path: (harness, seed name)} -> corpus_copy's mapping
    {dump path: UNDER/harness/seed name}."""
    return {src: os.path.join(under, h, dst) for src, (h, dst) in corpus.items()}


def main(generate, corpus=None):
    """A dump generator's command line: OUTDIR (prints the case count) or
    --corpus DIR."""
    if corpus and sys.argv[1] == "--corpus":
        corpus(sys.argv[2])
    else:
        print(len(generate(sys.argv[1])["cases"]), "cases")

