"""Records stay exact past the depths the code keeps on the stack: a chain
of 70 nested zips with --max-depth 80 gives one record per level,
each with the full chain, and `leaksift text` reaches its deepest member; and merging a manifest with itself keeps every
root once (the root set is a hash set, not a scan)."""
import io
import json
import os
import subprocess
import tempfile
import unittest
import zipfile

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")
LEVELS = 70


class DeepChain(unittest.TestCase):
    def test_seventy_levels_full_chains(self):
        with tempfile.TemporaryDirectory() as tmp:
            data = b"deep inside: jane.doe@example.com\n"
            name = "x.txt"
            for i in range(LEVELS):
                buf = io.BytesIO()
                with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
                    z.writestr(name, data)
                data, name = buf.getvalue(), "level%02d.zip" % i
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(data)
            out = os.path.join(tmp, "m.jsonl")
            p = subprocess.run([LEAKSIFT, "scan", "-q", "--max-depth", "80", "-o", out, path],
                               capture_output=True, text=True)
            self.assertEqual(p.returncode, 1, p.stderr)
            with open(out, encoding="utf-8") as f:
                objs = [r for r in map(json.loads, f) if r["record"] == "object"]
            self.assertEqual(len(objs), LEVELS + 1)
            for o in objs:
                self.assertEqual(len(o["chain"]), o["depth"])
            deepest = max(objs, key=lambda o: o["depth"])
            self.assertEqual(deepest["depth"], LEVELS)
            self.assertEqual(deepest["chain"][-1], "x.txt")
            self.assertEqual(deepest["chain"][0], "level%02d.zip" % (LEVELS - 2))
            self.assertIn("email", {f["entity"] for f in deepest["findings"]})
            # `leaksift text` reaches the same member through its 70-name chain
            target = "!".join([path] + deepest["chain"])
            p = subprocess.run([LEAKSIFT, "text", target], capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stdout.strip(), "deep inside: jane.doe@example.com")
            p = subprocess.run([LEAKSIFT, "text", "!".join([path] + ["x"] * 1025)],
                               capture_output=True, text=True)
            self.assertEqual(p.returncode, 2)
            self.assertIn("more than 1024 members deep", p.stderr)

    def test_merge_of_a_manifest_with_itself_keeps_roots_once(self):
        with tempfile.TemporaryDirectory() as tmp:
            tree = os.path.join(tmp, "t")
            os.makedirs(tree)
            for i in range(300):
                with open(os.path.join(tree, "f%03d" % i), "w") as f:
                    f.write("row %d\n" % i)
            key = os.path.join(tmp, "k")
            with open(key, "wb") as f:
                f.write(b"0123456789abcdef")
            m = os.path.join(tmp, "m.jsonl")
            p = subprocess.run([LEAKSIFT, "scan", "-q", "--fingerprint-key", key, "-o", m, tree],
                               capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stderr)
            both = os.path.join(tmp, "both.jsonl")
            p = subprocess.run([LEAKSIFT, "merge", "-o", both, m, m], capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("300 roots appeared in several inputs", p.stderr)
            with open(both, encoding="utf-8") as f:
                recs = [json.loads(l) for l in f]
            self.assertEqual(sum(r["record"] == "root_done" for r in recs), 300)
            self.assertEqual(recs[-1]["roots"], 300)


if __name__ == "__main__":
    unittest.main()
