#!/usr/bin/env python3
"""Apple Mail .emlx files as Mail.app writes them (tests/gen/gen_emlx.py):
the message is read through MIME (a base64 body is not text until
decoded), a cut file is partial, and a text that opens with a number is
not taken for one."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import gen_emlx  # noqa: E402
import lsutil  # noqa: E402



class EmlxTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "Messages")
        gen_emlx.main(["gen_emlx.py", cls.dir])
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def obj(self, name, chain=()):
        return self.m.obj(os.path.join(self.dir, name), list(chain))

    def test_base64_body_read(self):
        # Mail.app pads the length line with spaces: the message was read
        # as plain text before, its base64 body never decoded
        for name in ("1001.emlx", "1003.emlx", "recovered-0004"):
            o = self.obj(name)
            self.assertEqual((o["handler"], o["coverage"], o["errors"]), ("mime", "full", []), name)
            self.assertEqual(o.get("subject"), "payroll", name)
            self.assertEqual(lsutil.last4s(o, "ssn"), [lsutil.last4(gen_emlx.SSN_BODY)], name)
            self.assertEqual(o["verdict"], "sensitive", name)

    def test_attachment_is_a_child(self):
        self.assertEqual(self.obj("1002.emlx")["children"], 1)  # the plist is no part
        att = self.obj("1002.emlx", ["cards.txt"])
        self.assertEqual(lsutil.last4s(att, "credit_card"), [lsutil.last4(gen_emlx.CARD_ATTACH)])

    def test_cut_file_is_partial(self):
        o = self.obj("1005.partial.emlx")
        self.assertEqual((o["handler"], o["coverage"], o["coverage_reasons"]), ("mime", "partial", ["truncated"]))
        self.assertEqual(lsutil.last4s(o, "ssn"), [lsutil.last4(gen_emlx.SSN_CUT)])

    def test_bytes_after_the_message_are_scanned(self):
        o = self.obj("1006.emlx")
        self.assertEqual(lsutil.last4s(o, "ssn"), sorted([lsutil.last4(gen_emlx.SSN_BODY), lsutil.last4(gen_emlx.SSN_TAIL)]))

    def test_text_with_a_number_first_is_text(self):
        o = self.obj("notes.txt")
        self.assertEqual(o["handler"], "text")
        self.assertEqual(o["children"], 0)
        self.assertEqual(lsutil.last4s(o, "ssn"), [lsutil.last4(gen_emlx.SSN_BODY)])

    def test_saved_message_without_final_line_break(self):
        # one message with its "From " line: an .eml without a final line
        # break is whole (as one without the "From " line is); a mailbox
        # that ends so was cut
        o = self.obj("saved.eml")
        self.assertEqual((o["handler"], o["coverage"], o["verdict"]), ("mbox", "full", "sensitive"))
        self.assertEqual(lsutil.last4s(self.obj("saved.eml", ["msg-1"]), "ssn"), [lsutil.last4(gen_emlx.SSN_BODY)])
        o = self.obj("cut.mbox")
        self.assertEqual((o["coverage"], o["coverage_reasons"]), ("partial", ["truncated"]))

    def test_text_command_shows_the_decoded_body(self):
        p = lsutil.run(["text", os.path.join(self.dir, "1001.emlx")])
        self.assertEqual(p.returncode, 0, p.stderr[-500:])
        self.assertIn(gen_emlx.SSN_BODY, p.stdout.decode())


if __name__ == "__main__":
    unittest.main()
