#!/usr/bin/env python3
"""Gaps of the fourteenth keyed dump closed, on files made by
tests/gen/gen_gaps.py (fingerprints checked with a known key):
- xml.c: an identifier whose kind follows it (ISO 20022 <Othr><Id>..</Id>
  <SchmeNm><Cd>SOSE</Cd></SchmeNm>, <Number>..</Number><Type>SSN</Type>)
  was a bare number: now a labels line "SSN: ..." (CCPT: a passport);
  scheme CUST gives no SSN;
- jsonesc.c: {"idValue": .., "nameCode": {"codeValue": "SSN"}} and
  {"type": "SSN", "number": ..} were bare numbers; another code no SSN;
- texttable.c: a header whose columns one blank separates ("EMPL SSN")
  glued the SSN to the employee number: the SSN column is now its own
  when the rows confirm it;
- hl7.c: HL7 text in ISO 8859-1 / 8859-7 (MSH-18) read as U+FFFD: now
  decoded by MSH-18; UTF-8 named by MSH-18 with a stray byte stays UTF-8."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_gaps  # noqa: E402

KEY = b"gaps-test-key-0123456789"


class Gaps(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "f")
        cls.key = gen_gaps.generate(cls.dir)
        _, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY)
        assert cls.m is not None, "the scan wrote no manifest"

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def p(self, name):
        return os.path.join(self.dir, name)

    def fps(self, name, entity):
        o = self.m.obj(self.p(name))
        return {e.get("fingerprint") for f in o.get("findings", []) if f["entity"] == entity
                for e in f["evidence"]}

    def check(self, name, handler):
        o = self.m.obj(self.p(name))
        self.assertEqual(o["handler"], handler)
        self.assertEqual(o["coverage"], "full", o.get("coverage_reasons"))
        k = self.key[name]
        got = self.fps(name, "ssn")
        for v in k.get("ssn", []):
            self.assertIn(lsutil.fingerprint(KEY, "ssn", v), got, "%s: SSN ..%s" % (name, v[-4:]))
        for v in k.get("not_ssn", []):
            self.assertNotIn(lsutil.fingerprint(KEY, "ssn", v), got, "%s: not an SSN ..%s" % (name, v[-4:]))

    def test_iso20022_scheme_after_value(self):
        self.check("iso_ids.xml", "xml")
        o = self.m.obj(self.p("iso_ids.xml"))
        self.assertIn("passport", lsutil.entities(o))

    def test_xml_type_after_number(self):
        self.check("id_type.xml", "xml")

    def test_json_code_after_value(self):
        self.check("workers.json", "text")

    def test_fixed_width_single_blank_header(self):
        self.check("staff_fixed.txt", "text")

    def test_hl7_charset(self):
        for name in ("adt_latin1.hl7", "adt_greek.hl7", "adt_utf8_stray.hl7"):
            o = self.m.obj(self.p(name))
            self.assertEqual(o["handler"], "hl7")
            txt = lsutil.run(["text", self.p(name)]).stdout.decode("utf-8")
            if name != "adt_utf8_stray.hl7":  # its stray byte stays U+FFFD
                self.assertNotIn("\ufffd", txt, name)
            for w in self.key[name]["text"]:
                self.assertIn(w, txt, name)


if __name__ == "__main__":
    unittest.main()
