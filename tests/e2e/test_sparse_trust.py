#!/usr/bin/env python3
"""A sparse root is not `full` when the file system reports holes over
data (src/pipeline/api.c, root_extents()). An lseek shim (zfsbug_shim.c,
LD_PRELOAD; workers are forked, so they inherit it) reports only the first
4 KiB of a file of $ZFSBUG_SIZE bytes as data, as OpenZFS 2.2.0's SEEK_DATA
bug did for dirty data. Before: `full`, "all 4096 bytes of its data
scanned", the SSN at 40 MiB missed; now the holes are sampled, a non-zero
byte is found and the file is scanned as any other (`partial`,
`limit:scan`). Needs cc; skips without it."""
import json, os, random, shutil, subprocess, sys, tempfile, unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402


class SparseTrust(unittest.TestCase):
    def test_holes_over_data_not_full(self):
        cc = shutil.which("cc")
        if not cc:
            self.skipTest("no C compiler for the lseek shim")
        with tempfile.TemporaryDirectory() as tmp:
            shim = os.path.join(tmp, "shim.so")
            subprocess.run([cc, "-shared", "-fPIC", "-O2", "-o", shim,
                            os.path.join(lsutil.SRC, "tests", "e2e", "zfsbug_shim.c"), "-ldl"], check=True)
            p = os.path.join(tmp, "disk.img")
            r = random.Random(1)
            words = ["alpha", "beta", "ledger", "payroll", "memo", "north"]
            line = " ".join(r.choice(words) for _ in range(200000)) + "\n"
            with open(p, "w") as f:
                while f.tell() < (40 << 20):
                    f.write(line)
                f.write("Employee Jane Roe, SSN 536-22-1874\n")
                while f.tell() < (64 << 20):
                    f.write(line)
            env = dict(os.environ, LD_PRELOAD=shim, ZFSBUG_SIZE=str(os.path.getsize(p)))
            # an ASan build wants its runtime first in the library list
            env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0").lstrip(":")
            out = os.path.join(tmp, "m.jsonl")
            proc = subprocess.run([lsutil.LEAKSIFT, "scan", "-q", "-j1", "--max-scan", "16M", "-o", out, p],
                                  env=env, capture_output=True, timeout=300)
            self.assertIn(proc.returncode, (0, 1), proc.stderr[-2000:])
            root = lsutil.load(out).obj(p)
            self.assertNotEqual(root["coverage"], "full", root["errors"])
            self.assertIn("limit:scan", root["coverage_reasons"])

    def test_short_record_between_reported_holes_not_full(self):
        """review9: a reported hole over a short record between zeros (a disk
        image's one line of data at 40 MiB + 12345): 64 samples a hole step
        1 MiB and missed it, the root said `full`; the holes are now read
        whole (up to 1 GiB of them)."""
        cc = shutil.which("cc")
        if not cc:
            self.skipTest("no C compiler for the lseek shim")
        with tempfile.TemporaryDirectory() as tmp:
            shim = os.path.join(tmp, "shim.so")
            subprocess.run([cc, "-shared", "-fPIC", "-O2", "-o", shim,
                            os.path.join(lsutil.SRC, "tests", "e2e", "zfsbug_shim.c"), "-ldl"], check=True)
            p = os.path.join(tmp, "disk.img")
            with open(p, "wb") as f:
                f.write(b"IMG0" * 1024)
                f.seek((40 << 20) + 12345)
                f.write(b"Employee Jane Roe, SSN 536-22-1874\n")
                f.truncate(64 << 20)
            env = dict(os.environ, LD_PRELOAD=shim, ZFSBUG_SIZE=str(os.path.getsize(p)))
            env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0").lstrip(":")
            out = os.path.join(tmp, "m.jsonl")
            proc = subprocess.run([lsutil.LEAKSIFT, "scan", "-q", "-j1", "--max-scan", "16M", "-o", out, p],
                                  env=env, capture_output=True, timeout=300)
            self.assertIn(proc.returncode, (0, 1), proc.stderr[-2000:])
            root = lsutil.load(out).obj(p)
            self.assertNotEqual(root["coverage"], "full", root["errors"])
            self.assertIn("limit:scan", root["coverage_reasons"])


if __name__ == "__main__":
    unittest.main()
