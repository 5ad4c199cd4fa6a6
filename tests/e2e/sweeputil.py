"""What the real-document tests share (test_realsweep*.py, test_*_real.py):
their generators' folder (tests/gen) on sys.path, and RealTree, a
lsutil.GeneratedTree (GEN.generate(dir) writes the files, scanned once for
the class) with the checks they all make:

    import sweeputil  # noqa: E402  (puts tests/gen on sys.path)
    from sweeputil import lsutil  # noqa: E402
    import gen_realsweepN  # noqa: E402

    class RealSweepN(sweeputil.RealTree):
        GEN = gen_realsweepN
        HANDLER = "pdf"   # full()'s handler when not given
        NO_ERRORS = True  # full() also asserts the record has no error
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))


class RealTree(lsutil.GeneratedTree):
    HANDLER = None
    NO_ERRORS = False
    TEXT_OK = False  # text() also asserts that `leaksift text` exits 0

    def full(self, name, handler=None, chain=()):
        """File NAME's record (CHAIN: a member's): read by HANDLER, coverage full."""
        o = self.m.obj(self.p(name), chain)
        self.assertEqual(o["handler"], handler or self.HANDLER)
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        if self.NO_ERRORS:
            self.assertEqual(o["errors"], [])
        return o

    def text(self, name, *members):
        p = lsutil.run(["text", "!".join((self.p(name),) + members)])
        if self.TEXT_OK:
            self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.decode("utf-8")

    def lines(self, name):
        """`leaksift text`'s lines for NAME, trailing tabs cut."""
        return [ln.rstrip("\t") for ln in self.text(name).splitlines()]


class KeyedLines:
    """Mixin: GEN.generate returns {file: [line, ...]}; test_lines checks
    each file is read in full and `leaksift text` gives each line."""

    def test_lines(self):
        for name, want in sorted(self.key.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["coverage"], "full", o.get("errors"))
                got = self.lines(name)
                for line in want:
                    self.assertIn(line, got)
