#!/usr/bin/env python3
"""Two rule boundaries found in the eleventh session:

- an e-mail address at the start of a line after an empty line ("Contact\\n
  \\nname@example.com": a cell or paragraph after a blank line) was never
  matched: the rule's left boundary took a line break only after a
  character that is no line break (to keep quoted-printable soft breaks
  out), so "\\n\\n" failed;
- the MIME boundaries Python's email package writes
  ("===============5836386926137587427==", 19 random digits) read as card
  numbers when the digits passed Luhn and began like a brand (hostile8).

The messages are written by Python's own email package with a fixed random
seed, so the boundaries are the real thing and the test is repeatable."""
import os
import random
import sys
import tempfile
import unittest
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402


class RuleBoundaries(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.dir = os.path.join(cls.tmp.name, "in")
        os.makedirs(d)
        with open(os.path.join(d, "blank_lines.txt"), "wb") as f:
            f.write(b"Contact\n\nminjun.kim@example-corp.com\n\nThanks,\r\n\r\njohn.smith@example.org\r\n")
        random.seed(20141124)
        cls.boundaries = []
        with open(os.path.join(d, "notifications.mbox"), "wb") as f:
            for i in range(300):
                m = MIMEMultipart()
                m["From"] = "build-bot@example.org"
                m["To"] = "team@example.org"
                m["Subject"] = "nightly report %d" % i
                m.attach(MIMEText("Build %d finished.\n" % i))
                m.attach(MIMEApplication(b"log line\n", Name="build.log"))
                raw = m.as_bytes()
                cls.boundaries.append(m.get_boundary())
                f.write(b"From build-bot@example.org Mon Nov 24 10:00:00 2014\n" + raw + b"\n")
        _, cls.m = lsutil.scan(cls.tmp.name, [d])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_address_after_an_empty_line(self):
        o = self.m.obj(os.path.join(self.dir, "blank_lines.txt"))
        got = sorted(e["redacted"] for f in o["findings"] if f["entity"] == "email" for e in f["evidence"])
        self.assertEqual(got, ["j***@example.org", "m***@example-corp.com"])

    def test_python_mime_boundaries_are_no_cards(self):
        # some of these boundaries' digits pass Luhn and start like a card
        self.assertTrue(all(b.startswith("=" * 15) and b.endswith("==") for b in self.boundaries))
        mbox = os.path.join(self.dir, "notifications.mbox")
        cards = [o for o in self.m.by_path(mbox) if "credit_card" in lsutil.entities(o)]
        self.assertEqual(cards, [], [(o["chain"], lsutil.entities(o)["credit_card"]["evidence"]) for o in cards][:3])


if __name__ == "__main__":
    unittest.main()
