"""Shared set-up of the unpack generator tests (test_archives18,
test_archives18b, test_archives19, test_unpack4): GEN, a module of
tests/gen whose generate(dir) writes the fixtures and fills GEN.EXPECT
{file: {member: (coverage, reasons, found)}}, is run once for the class,
the tree scanned keyed (KEY) with -j2; check(*names) asserts each file's
EXPECT entry (lsutil.check_expect), check_prefix(prefix) every file whose
name starts so, members(name) the names of a file's direct members."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))


class KeyedArchives(unittest.TestCase):
    GEN = None
    KEY = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "arc")
        cls.GEN.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], cls.KEY, "-j2")
        cls.ssn = lsutil.fingerprint(cls.KEY, "ssn", cls.GEN.SSN.replace("-", ""))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, *names):
        self.assertIsNotNone(self.m, self.proc.stderr)
        for name in names:
            lsutil.check_expect(self, self.m, os.path.join(self.dir, name), self.GEN.EXPECT[name], self.ssn)

    def check_prefix(self, prefix):
        names = [n for n in self.GEN.EXPECT if n.startswith(prefix)]
        self.assertTrue(names, prefix)
        self.check(*names)

    def members(self, name):
        return sorted(o["chain"][0] for o in self.m.by_path(os.path.join(self.dir, name)) if o["depth"] == 1)
