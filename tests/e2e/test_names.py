#!/usr/bin/env python3
"""Values in names: a leak names files and folders after what they hold
("Jane Roe 536-22-1874/passport.txt", a zip member "people/<address>/cv.txt",
a PST message after its subject). Each object's name (a root's path as given,
a member's name) is scanned like its text: the finding is on that object with
"where": "name", and the manifest shows the name with the value replaced by
its redacted form, in `path`, in `chain` (every descendant's too) and in the
`*_b64` twins, so the manifest never holds the value. Names without a value
the rules find are written as they are.
"""
import base64
import io
import json
import os
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import lsutil  # noqa: E402
import gen_hostile  # noqa: E402
import gen_pst  # noqa: E402

SSN = "536-22-1874"
EMAIL = "mia.lindqvist@example.org"
CARD = "4539 1488 0343 6467"
SUBJECT_SSN = "412-67-3390"
SECRETS = (SSN, "536221874", EMAIL, "mia.lindqvist", CARD, SUBJECT_SSN,
           "412673390", "4539148803436467")


def zbytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


class Names(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-names-")
        t = cls.tree = os.path.join(cls.tmp.name, "share")
        os.makedirs(os.path.join(t, "HR", "Jane Roe %s" % SSN))
        os.makedirs(os.path.join(t, "ordinary"))
        cls.put(os.path.join("HR", "Jane Roe %s" % SSN, "passport.txt"), b"travel notes\n")
        cls.put(os.path.join("ordinary", "IMG_20190314_123456.txt"), b"holiday\n")
        cls.put(os.path.join("ordinary", "report 2023-Q4 v12345678.txt"), b"numbers\n")
        inner = zbytes([("notes.txt", "employee SSN %s on file\n" % SUBJECT_SSN)])
        cls.put("exports.zip", zbytes([
            ("people/%s/cv.txt" % EMAIL, "curriculum vitae\n"),
            ("cards/%s/receipt.txt" % CARD, "receipt\n"),
            ("ssn %s/inner.zip" % SSN, inner),
            ("plain/readme.txt", "nothing here\n"),
        ]))
        # a legacy code-page name (no UTF-8 flag): the raw bytes as stored
        cls.put("legacy.zip", gen_hostile.raw_zip([gen_hostile.stored(
            ("caf\xe9 %s.txt" % SSN).encode("latin-1"), b"menu\n")]))
        # a part named after a value, quoted by the "macro" alert's message
        cls.put("macros.xlsx", zbytes([
            ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
             'openxmlformats.org/package/2006/content-types"/>'),
            ("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><sheets/></workbook>'),
            ("xl/macrosheets/SSN %s.xml" % SSN, "<xm:macrosheet/>"),
        ]))
        spec = gen_pst.mini_spec()
        spec["folders"][0]["messages"][0]["subject"] = "Payroll fix for SSN %s" % SUBJECT_SSN
        gen_pst.build(os.path.join(t, "mail.pst"), spec)
        cls.store = os.path.join(cls.tmp.name, "store")
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [t], "-j2", "--quarantine-dir", cls.store)
        with open(os.path.join(cls.tmp.name, "manifest.jsonl"), "rb") as f:
            cls.raw = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def put(cls, rel, data):
        with open(os.path.join(cls.tree, rel), "wb") as f:
            f.write(data)

    def p(self, *parts):
        return os.path.join(self.tree, *parts)

    def where(self, o, entity):
        return [e["where"] for f in o["findings"] if f["entity"] == entity for e in f["evidence"]]

    def test_no_value_anywhere_in_the_manifest(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)
        text = self.raw.decode("utf-8")
        decoded = []
        for rec in self.m.records:
            for key, val in rec.items():
                if key.endswith("_b64"):
                    for v in (val if isinstance(val, list) else [val]):
                        decoded.append(base64.b64decode(v).decode("latin-1"))
        for value in SECRETS:
            self.assertNotIn(value, text)
            for d in decoded:
                self.assertNotIn(value, d)

    def test_error_messages_are_masked(self):
        o = self.m.obj(self.p("macros.xlsx"))
        self.assertIn("macro", o["alerts"])
        msgs = [e for e in o["errors"] if "macro sheet" in e]
        self.assertEqual(len(msgs), 1, o["errors"])
        self.assertIn("SSN ***-**-1874", msgs[0])

    def test_quarantine_store(self):
        # a root whose path holds a value is stored (reopened by its real
        # path) and its index line names it as the manifest shows it
        with open(os.path.join(self.store, "index.jsonl"), "rb") as f:
            index = [json.loads(line) for line in f]
        paths = [e["path"] for e in index]
        self.assertIn(self.p("HR", "Jane Roe ***-**-1874", "passport.txt"), paths)
        raw = b"".join(json.dumps(e).encode() for e in index)
        for value in SECRETS:
            self.assertNotIn(value.encode(), raw)
        for e in index:
            self.assertTrue(os.path.exists(os.path.join(self.store, e["sha256"][:2], e["sha256"])))

    def test_folder_of_a_root(self):
        o = self.m.obj(self.p("HR", "Jane Roe ***-**-1874", "passport.txt"))
        self.assertEqual(o["verdict"], "sensitive")
        self.assertEqual(self.where(o, "ssn"), ["name"])
        ev = lsutil.entities(o)["ssn"]["evidence"][0]
        self.assertEqual(ev["redacted"], "***-**-1874")
        self.assertEqual(ev["offset"], len(self.p("HR", "Jane Roe ")))
        self.assertEqual([r["path"] for r in self.m.root_dones].count(
            self.p("HR", "Jane Roe ***-**-1874", "passport.txt")), 1)

    def test_ordinary_names_are_kept(self):
        for name in ("IMG_20190314_123456.txt", "report 2023-Q4 v12345678.txt"):
            o = self.m.obj(self.p("ordinary", name))
            self.assertEqual((o["verdict"], o["findings"]), ("clean", []), o)
        o = self.m.obj(self.p("exports.zip"), ["plain/readme.txt"])
        self.assertEqual(o["verdict"], "clean")

    def test_members_and_their_descendants(self):
        z = self.p("exports.zip")
        cv = self.m.obj(z, ["people/m***@example.org/cv.txt"])
        self.assertEqual(self.where(cv, "email"), ["name"])
        cards = [o for o in self.m.by_path(z) if o["chain"] and o["chain"][0].startswith("cards/")]
        self.assertEqual(len(cards), 1)
        card = cards[0]
        self.assertEqual(self.where(card, "credit_card"), ["name"])
        self.assertTrue(card["chain"][0].endswith("6467/receipt.txt"), card["chain"])
        inner = self.m.obj(z, ["ssn ***-**-1874/inner.zip"])
        self.assertEqual(self.where(inner, "ssn"), ["name"])
        notes = self.m.obj(z, ["ssn ***-**-1874/inner.zip", "notes.txt"])
        self.assertEqual(self.where(notes, "ssn"), ["raw"])  # its own content, not the parent's name

    def test_text_command_takes_the_chain_as_shown(self):
        z = self.p("exports.zip")
        for member in ("ssn ***-**-1874/inner.zip", "ssn %s/inner.zip" % SSN):
            p = lsutil.run(["text", z + "!" + member + "!notes.txt"])
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(b"employee SSN", p.stdout)
        p = lsutil.run(["text", z + "!ssn ***-**-9999/inner.zip!notes.txt"])
        self.assertEqual(p.returncode, 2)

    def test_legacy_code_page_name(self):
        recs = [o for o in self.m.by_path(self.p("legacy.zip")) if o["depth"] == 1]
        self.assertEqual(len(recs), 1)
        o = recs[0]
        self.assertEqual(self.where(o, "ssn"), ["name"])
        self.assertIn("chain_b64", o)
        self.assertEqual(base64.b64decode(o["chain_b64"][0]), b"caf\xe9 ***-**-1874.txt")

    def test_pst_message_named_after_its_subject(self):
        msgs = [o for o in self.m.by_path(self.p("mail.pst")) if o["depth"] == 1]
        self.assertEqual(len(msgs), 1)
        self.assertEqual(msgs[0]["chain"], ["Inbox/Payroll fix for SSN ***-**-3390"])
        self.assertIn("name", self.where(msgs[0], "ssn"))
        self.assertNotIn(SUBJECT_SSN, msgs[0].get("subject", ""))


if __name__ == "__main__":
    unittest.main()
