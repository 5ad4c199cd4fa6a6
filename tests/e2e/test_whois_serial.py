#!/usr/bin/env python3
"""EPP / WHOIS phones, serial-number vetoes and lone user@host:port lines
(tests/gen/gen_whois_serial.py)."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import gen_whois_serial as g  # noqa: E402
import lsutil  # noqa: E402

KEY = b"whois-serial-test-key"


class WhoisSerialTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "in")
        g.main(["gen", cls.dir])
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def phones(self, name):
        o = self.m.obj(os.path.join(self.dir, name))
        return sorted(e["fingerprint"] for f in o["findings"] if f["entity"] == "phone" for e in f["evidence"])

    def fp(self, digits):
        return lsutil.fingerprint(KEY, "phone", digits)

    def test_epp_phones_found_floats_not(self):
        want = [self.fp("7035551234"), self.fp("442079460958")]  # NANP without its 1 (docs/rules.md)
        self.assertEqual(self.phones("whois.txt"), sorted(want))

    def test_a_serial_shaped_copy_does_not_hide_the_phone(self):
        self.assertEqual(self.phones("service.txt"), [self.fp("2128675309")])

    def test_user_at_host_port_lines_are_no_combo_list(self):
        o = self.m.obj(os.path.join(self.dir, "sip.conf"))
        self.assertNotIn("password", {f["entity"] for f in o["findings"]}, o["findings"])


if __name__ == "__main__":
    unittest.main()
