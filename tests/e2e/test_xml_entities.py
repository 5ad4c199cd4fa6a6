#!/usr/bin/env python3
"""Entity declarations in XML (tests/gen/gen_xml_entities.py): an
Illustrator SVG and a DocBook article, whose entities are plain text, are
not hostile; a blow-up, nested references, a SYSTEM entity, more than 64
declarations and any entity inside a docx part still raise xml_entity.
Nothing is expanded either way."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

GEN = os.path.join(HERE, "..", "gen", "gen_xml_entities.py")
EMAIL_LOCAL = "a***@corp-example.com"


class XmlEntityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "xml")
        cls.exp = json.loads(subprocess.run([sys.executable, GEN, cls.dir], stdout=subprocess.PIPE,
                                            check=True).stdout)
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_alerts(self):
        for name, alerts in self.exp.items():
            o = self.m.obj(os.path.join(self.dir, name))
            with self.subTest(name=name):
                self.assertEqual(o["alerts"], alerts, o["errors"])
                self.assertEqual(o["verdict"], "hostile" if alerts else "sensitive")
                # the text around the declarations is read in every case
                ev = [e["redacted"] for f in o["findings"] if f["entity"] == "email" for e in f["evidence"]]
                self.assertIn(EMAIL_LOCAL, ev)

    def test_plain_entities_are_noted(self):
        o = self.m.obj(os.path.join(self.dir, "logo.svg"))
        self.assertEqual(o["coverage"], "full")
        self.assertTrue(any("plain-text entities" in e for e in o["errors"]), o["errors"])

    def test_nothing_expanded(self):
        p = lsutil.run(["text", os.path.join(self.dir, "quadratic.xml")])
        self.assertLess(len(p.stdout), 10000)  # 1000 references to a 50 KB value: not 50 MB
        p = lsutil.run(["text", os.path.join(self.dir, "spec.xml")])
        self.assertNotIn(b"0.21", p.stdout)


if __name__ == "__main__":
    unittest.main()
