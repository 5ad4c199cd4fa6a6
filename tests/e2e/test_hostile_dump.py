"""End-to-end: a realistic hostile leak dump, scanned the way a user would.

tests/gen/gen_hostile.py hostile_dump() builds a file share and mailboxes
holding, 1-4 levels deep in zip / tar.gz / 7z / e-mail attachments, the
structures a hostile dump plants: zip-slip names (../, absolute, drive
letters, UNC, Unicode look-alikes, overlong UTF-8), links and devices in a
tar, duplicate, control-character, invalid and over-long names, ZipCrypto and
AES zips, a 7z with encrypted headers, a password-protected OOXML file,
truncated zip/tar/gz/pdf/docx, a zip whose central directory and local
header disagree, an overlapping-entry bomb, a 42-style nest, gzip of gzip
(5 and 30 deep), polyglots (PDF + zip, JPEG + zip), wrong extensions, empty
files, a huge sparse tar member, a 120-level directory tree, PII three
levels down, zip symlink entries, a PDF with JavaScript in a zip, a macro
document mailed, and clean documents. The dump is scanned once with the default
options (sandbox on, two workers); each test checks one case's records
against the answer an expert expects.
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

SRC = os.environ.get("LEAKSIFT_SRC") or os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
import gen_hostile as gen  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT")
SLOW_S = 300.0  # the whole dump, generous for a busy machine and sanitizer builds


@unittest.skipUnless(LEAKSIFT, "LEAKSIFT not set")
class HostileDump(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-hostile-dump-")
        base = cls.tmp.name
        cls.cases = gen.hostile_dump(base)
        cls.dump = os.path.join(base, "dump")
        it = os.path.join(cls.dump, "share", "it")
        os.symlink("/etc/passwd", os.path.join(it, "passwd_link"))
        os.mkfifo(os.path.join(it, "pipe"))
        cls.cases["fs_symlink"] = os.path.join(it, "passwd_link")
        cls.cases["fs_fifo"] = os.path.join(it, "pipe")
        # files on disk named to deceive, beside a legacy (Latin-1) name that is no fault
        for case, name in (("fs_rlo_name", "invoice\u202efdp.exe"), ("fs_newline_name", "a\nb.txt")):
            with open(os.path.join(it, name), "w") as f:
                f.write("quarterly numbers\n")
            cls.cases[case] = os.path.join(it, name)
        cls.latin1_path = os.path.join(os.fsencode(it), b"caf\xe9.txt")
        with open(cls.latin1_path, "w") as f:
            f.write("quarterly numbers\n")
        cls.manifest = os.path.join(base, "manifest.jsonl")
        t0 = time.monotonic()
        cls.proc = subprocess.run([LEAKSIFT, "scan", "-q", "-j2", "-o", cls.manifest, cls.dump],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=SLOW_S * 2)
        cls.elapsed = time.monotonic() - t0
        with open(cls.manifest, encoding="utf-8") as f:
            cls.records = [json.loads(line) for line in f if line.strip()]
        cls.objects = [r for r in cls.records if r["record"] == "object"]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    # ---- helpers

    def recs(self, case):
        """Every object record under the case's root file."""
        if case not in self.cases:
            self.skipTest("%s not generated (tool missing)" % case)
        path = self.cases[case]
        return [o for o in self.objects if o["path"] == path]

    def get(self, case, *chain):
        hits = [o for o in self.recs(case) if o["chain"] == list(chain)]
        have = [o["chain"] for o in self.recs(case)]
        self.assertEqual(len(hits), 1, "%s %r: have %r" % (case, list(chain), have))
        return hits[0]

    def root(self, case):
        return self.get(case)

    def entities(self, o):
        return {f["entity"] for f in o["findings"]}

    def assertClean(self, o):
        self.assertEqual((o["verdict"], o["coverage"], o["alerts"], o["findings"]),
                         ("clean", "full", [], []), o)

    def assertAlerts(self, o, *alerts):
        for a in alerts:
            self.assertIn(a, o["alerts"], o)
        self.assertEqual(o["verdict"], "hostile", o)

    # ---- the run as a whole

    def test_run_completes_without_crash_or_timeout(self):
        self.assertIn(self.proc.returncode, (0, 1), self.proc.stderr[-2000:])
        self.assertEqual(self.records[-1]["record"], "summary")
        for o in self.objects:
            for bad in ("worker_crash", "limit:time", "limit:memory"):
                self.assertNotIn(bad, o["coverage_reasons"], (o["path"], o["chain"]))
        roots = {o["path"] for o in self.objects if o["depth"] == 0}
        done = {r["path"] for r in self.records if r["record"] == "root_done"}
        self.assertEqual(roots, done)
        for case, path in self.cases.items():
            self.assertIn(path, roots, case)
        self.assertLess(self.elapsed, SLOW_S)

    def test_every_object_has_what_it_is(self):
        for o in self.objects:
            self.assertTrue(o["file"]["mime_type"], (o["path"], o["chain"]))
            self.assertIn(o["verdict"], ("clean", "sensitive", "hostile", "incomplete"))
            if o["verdict"] == "clean":
                self.assertEqual((o["coverage"], o["alerts"], o["findings"]), ("full", [], []))

    # ---- clean things stay clean

    def test_clean_docx_is_clean(self):
        o = self.root("clean_docx")
        self.assertEqual(o["handler"], "ooxml")
        self.assertClean(o)

    def test_clean_text_and_empty_files(self):
        for case in ("clean_txt", "empty_file", "empty_zip_0", "empty_zip_22"):
            self.assertClean(self.root(case))

    # ---- PII deep down rolls up

    def test_pii_three_levels_down_rolls_up(self):
        leaf = [o for o in self.recs("pii_depth3") if "ssn" in self.entities(o) and o["depth"] == 3]
        self.assertEqual(len(leaf), 1, [(o["chain"], self.entities(o)) for o in self.recs("pii_depth3")])
        leaf = leaf[0]
        self.assertEqual(leaf["chain"][0], "archive.tar.gz")
        self.assertEqual(leaf["chain"][-1], "employees.csv")
        ids = {o["id"]: o for o in self.recs("pii_depth3")}
        o = leaf
        while o["parent_id"]:
            o = ids[o["parent_id"]]
            self.assertEqual(o["verdict"], "sensitive", o["chain"])
        self.assertEqual(o["depth"], 0)
        self.assertEqual(self.get("pii_depth3", "readme.txt")["verdict"], "clean")

    def test_pii_in_mail_attachment_three_levels_down(self):
        o = self.get("eml_pii_deep", "records.zip", "2019/q1.tar.gz", "staff.docx")
        self.assertEqual(o["handler"], "ooxml")
        self.assertIn("ssn", self.entities(o))
        self.assertEqual(self.get("eml_pii_deep", "records.zip")["verdict"], "sensitive")
        self.assertEqual(self.root("eml_pii_deep")["verdict"], "sensitive")

    def test_deep_directory_tree(self):
        o = self.root("deep_dirs")
        self.assertGreater(len(o["path"]), 1000)
        self.assertIn("ssn", self.entities(o))
        self.assertEqual(o["verdict"], "sensitive")

    def test_path_longer_than_path_max(self):
        o = self.root("deep_pathmax")
        self.assertGreater(len(o["path"].encode()), 4096)
        self.assertIn("ssn", self.entities(o))
        self.assertEqual((o["coverage"], o["verdict"]), ("full", "sensitive"))

    # ---- names

    def test_zip_slip_names(self):
        want = {"../../evil.txt": "path_traversal", "/etc/evil.conf": "absolute_path",
                "..\\..\\win.txt": "path_traversal", "C:\\Windows\\evil.txt": "absolute_path",
                "\\\\server\\share\\unc.txt": "absolute_path"}
        for name, alert in want.items():
            self.assertAlerts(self.get("zip_slip", name), alert)
        self.assertEqual(self.root("zip_slip")["verdict"], "hostile")

    def test_zip_slip_in_a_document_package(self):
        # a docx is a zip: its "../" member is path_traversal on the document
        o = self.root("docx_slip")
        self.assertEqual(o["handler"], "ooxml")
        self.assertIn("path_traversal", o["alerts"])
        self.assertEqual(o["verdict"], "hostile")

    def test_zip_slip_in_mail_attachment(self):
        o = self.get("eml_slip", "tools.zip", "../../../../home/jdoe/.bashrc")
        self.assertEqual(o["depth"], 2)
        self.assertAlerts(o, "path_traversal")
        self.assertEqual(self.get("eml_slip", "tools.zip", "readme.txt")["verdict"], "clean")
        self.assertEqual(self.root("eml_slip")["verdict"], "hostile")

    def test_attachment_file_names_that_climb_out(self):
        self.assertAlerts(self.get("eml_att_slip", "../../../../etc/cron.d/evil"), "path_traversal")
        self.assertAlerts(self.get("eml_att_slip", "C:\\Users\\Public\\run.bat"), "absolute_path")

    def test_attachment_file_names_are_kept(self):
        names = sorted(o["chain"][0] for o in self.recs("eml_att_slip") if o["depth"] == 1)
        self.assertEqual(names, ["../../../../etc/cron.d/evil", "C:\\Users\\Public\\run.bat"])

    def test_absolute_name_in_a_mailed_7z(self):
        recs = [o for o in self.recs("abs_7z") if o["depth"] == 2]
        self.assertEqual(len(recs), 1)
        self.assertEqual(recs[0]["chain"][0], "keys.7z")
        self.assertTrue(recs[0]["chain"][1].startswith("/") and recs[0]["chain"][1].endswith("/authorized_keys"))
        self.assertAlerts(recs[0], "absolute_path")
        self.assertEqual(self.root("abs_7z")["verdict"], "hostile")

    def test_unicode_lookalike_traversal(self):
        for name in ("\uff0e\uff0e\uff0f\uff0e\uff0e\uff0fboot.ini", "\u2025\u2215evil.txt",
                     "..\u2215..\u2215x.txt"):
            self.assertAlerts(self.get("lookalike", name), "path_traversal")
        self.assertClean(self.get("lookalike", "ok.txt"))

    def test_control_invalid_overlong_and_duplicate_names(self):
        names = {tuple(o["chain"]): o for o in self.recs("ctrl_names") if o["depth"] == 1}
        by_b64 = {}
        for o in self.recs("ctrl_names"):
            if o["depth"] == 1 and "chain_b64" in o:
                import base64
                by_b64[base64.b64decode(o["chain_b64"][0])] = o
        self.assertAlerts(names[("esc\x1b[31mred.txt",)], "bad_name")
        self.assertAlerts(names[("tab\there.txt",)], "bad_name")
        self.assertAlerts(names[("nul\0.txt.exe",)], "bad_name")
        self.assertAlerts(names[("invoice\u202efdp.exe",)], "bad_name")
        self.assertClean(names[("r\u00e9sum\u00e9 \u05e7\u05d5\u05e8\u05d5\u05ea.txt",)])
        self.assertAlerts(by_b64[b"bad\xc0\xaf.txt"], "bad_name")
        self.assertAlerts(by_b64[b"..\xc0\xaf..\xc0\xafetc\xc0\xafpasswd"], "bad_name", "path_traversal")
        dups = [o for o in self.recs("ctrl_names") if o["chain"] == ["dup.txt"]]
        self.assertEqual(sorted("duplicate_name" in o["alerts"] for o in dups), [False, True])
        # a case-folded twin is not a duplicate (Linux trees have them)
        self.assertNotIn("duplicate_name", self.get("ctrl_names", "DUP.TXT")["alerts"])
        self.assertIn("bad_name", self.root("ctrl_names")["alerts"])  # the NUL name

    def test_over_long_names(self):
        o = self.get("long_names", "A" * 5000 + ".txt")
        self.assertAlerts(o, "bad_name")
        deep = [o for o in self.recs("long_names") if o["chain"] and o["chain"][0].endswith("/deep.txt")]
        self.assertEqual(len(deep), 1)
        self.assertEqual(deep[0]["chain"][0].count("/"), 400)  # kept whole
        self.assertClean(deep[0])

    def test_pax_names_past_64k_are_cut_and_said_so(self):
        recs = [o for o in self.recs("long_pax") if o["depth"] == 1]
        self.assertEqual(len(recs), 2)
        for o in recs:
            self.assertEqual(len(o["chain"][0]), 65536)
            self.assertIn("name longer than 64 KiB: cut", o["errors"])
            self.assertIn("bad_name", o["alerts"])
        self.assertTrue(any("ssn" in self.entities(o) for o in recs))
        self.assertTrue(any("path_traversal" in o["alerts"] for o in recs))

    # ---- links and special members

    def test_links_devices_fifo_in_tar_gz(self):
        o = self.get("links_tar", "etc_passwd")
        self.assertAlerts(o, "symlink", "absolute_path")
        self.assertEqual((o["coverage"], o["coverage_reasons"], o["file"]["mime_type"]),
                         ("none", ["not_followed"], "inode/symlink"))
        self.assertTrue(any("/etc/passwd" in e for e in o["errors"]))
        o = self.get("links_tar", "shadow")
        self.assertAlerts(o, "hardlink", "path_traversal")
        self.assertEqual(o["coverage"], "none")
        for dev in ("dev/kmem", "dev/sdb"):
            o = self.get("links_tar", dev)
            self.assertAlerts(o, "device")
            self.assertEqual((o["coverage"], o["coverage_reasons"], o["file"]["mime_type"]),
                             ("none", ["special_file"], "inode/device"))
        o = self.get("links_tar", "queue")
        self.assertAlerts(o, "fifo")
        self.assertEqual(o["file"]["mime_type"], "inode/fifo")
        dups = [o for o in self.recs("links_tar") if o["chain"] == ["readme.txt"]]
        self.assertEqual(sorted("duplicate_name" in o["alerts"] for o in dups), [False, True])
        self.assertClean(self.get("links_tar", "ok.txt"))
        self.assertEqual(self.root("links_tar")["verdict"], "hostile")

    def test_7z_symlinks_inside_a_tar_gz(self):
        o = self.get("links_7z", "home.7z", "shadow")
        self.assertEqual((o["depth"], o["file"]["mime_type"]), (2, "inode/symlink"))
        self.assertAlerts(o, "symlink", "absolute_path")
        self.assertAlerts(self.get("links_7z", "home.7z", "keys"), "symlink", "path_traversal")
        self.assertClean(self.get("links_7z", "home.7z", "ok.txt"))
        self.assertEqual(self.root("links_7z")["verdict"], "hostile")

    def test_symlink_then_write_through_it(self):
        self.assertAlerts(self.get("symlink_through", "link"), "symlink", "absolute_path")
        self.assertAlerts(self.get("symlink_through", "link/pwned.txt"), "path_traversal")
        self.assertAlerts(self.get("symlink_through", "up"), "symlink", "path_traversal")

    def test_symlink_and_fifo_in_the_share(self):
        o = self.root("fs_symlink")
        self.assertAlerts(o, "symlink")
        self.assertEqual((o["coverage"], o["coverage_reasons"]), ("none", ["not_followed"]))
        o = self.root("fs_fifo")
        self.assertAlerts(o, "fifo")
        self.assertEqual(o["coverage"], "none")

    def test_deceptive_file_names_in_the_share(self):
        for case in ("fs_rlo_name", "fs_newline_name"):
            o = self.root(case)
            self.assertAlerts(o, "bad_name")
            self.assertEqual(o["coverage"], "full", o)
        hits = [o for o in self.objects if o["depth"] == 0 and "path_b64" in o
                and base64.b64decode(o["path_b64"]) == self.latin1_path]
        self.assertEqual(len(hits), 1, "no record with the Latin-1 path")
        self.assertClean(hits[0])

    def test_zip_symlink_members(self):
        o = self.get("zip_symlink", "passwd")
        self.assertAlerts(o, "symlink", "absolute_path")
        self.assertEqual((o["coverage"], o["file"]["mime_type"]), ("none", "inode/symlink"))
        self.assertAlerts(self.get("zip_symlink", "up/escape"), "symlink", "path_traversal")
        self.assertClean(self.get("zip_symlink", "ok.txt"))

    # ---- active content, nested

    def test_pdf_javascript_in_zip(self):
        o = self.get("pdf_js_in_zip", "forms/apply.pdf")
        self.assertAlerts(o, "javascript", "open_action", "launch")
        self.assertEqual(self.root("pdf_js_in_zip")["verdict"], "hostile")

    def test_macro_document_in_mail(self):
        o = self.get("docm_in_eml", "invoice.docm")
        self.assertAlerts(o, "macro")
        self.assertEqual(self.root("docm_in_eml")["verdict"], "hostile")

    # ---- encryption: incomplete, never clean, never hostile for that alone

    def assertEncryptedMember(self, o):
        self.assertEqual((o["coverage"], o["coverage_reasons"], o["alerts"], o["verdict"]),
                         ("none", ["encrypted"], ["encrypted"], "incomplete"), o)
        self.assertEqual(o["file"]["mime_type"], "application/encrypted")

    def test_zipcrypto(self):
        self.assertEncryptedMember(self.get("zipcrypto", "secret.txt"))
        self.assertClean(self.get("zipcrypto", "plain.txt"))
        o = self.root("zipcrypto")
        self.assertEqual((o["coverage"], o["verdict"]), ("partial", "incomplete"))
        self.assertIn("encrypted", o["coverage_reasons"])

    def test_aes_zip(self):
        self.assertEncryptedMember(self.get("aes_zip", "ledger.txt"))
        self.assertEqual(self.root("aes_zip")["verdict"], "incomplete")

    def test_7z_with_encrypted_headers_inside_a_zip(self):
        o = self.get("enc_7z_nested", "vault.7z")
        self.assertEqual((o["coverage"], o["verdict"]), ("none", "incomplete"))
        self.assertIn("encrypted", o["coverage_reasons"])
        self.assertEqual(self.root("enc_7z_nested")["verdict"], "incomplete")

    def test_password_protected_ooxml(self):
        o = self.root("enc_ooxml")
        self.assertEqual(o["coverage"], "none")
        self.assertIn("encrypted", o["coverage_reasons"])
        self.assertEqual((o["alerts"], o["verdict"]), (["encrypted"], "incomplete"))

    # ---- damage

    def test_truncated_containers(self):
        for case in ("trunc_zip", "trunc_tar", "trunc_gz", "trunc_gz_small"):
            o = self.root(case)
            self.assertEqual(o["coverage"], "partial", case)
            self.assertIn("truncated", o["coverage_reasons"], case)
            self.assertNotEqual(o["verdict"], "clean", case)
        # what was read before the cut is scanned and rolls up
        self.assertIn("ssn", self.entities(self.get("trunc_zip", "a.txt")))
        self.assertEqual(self.root("trunc_zip")["verdict"], "sensitive")
        # a short gzip stream cut short: its decodable prefix is the member
        o = self.get("trunc_gz_small", "staff.txt")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertIn("ssn", self.entities(o))
        self.assertEqual(self.root("trunc_gz_small")["verdict"], "sensitive")

    def test_truncated_documents(self):
        o = self.root("trunc_pdf")  # cut in its xref table: objects whole, trailer gone
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertIn("ssn", self.entities(o))  # recovered by the object scan
        self.assertEqual(o["verdict"], "sensitive")
        o = self.root("trunc_docx")
        self.assertEqual((o["coverage"], o["verdict"]), ("partial", "incomplete"))

    def test_central_directory_disagrees_with_local_header(self):
        o = self.root("cd_mismatch")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertTrue(any("notes.txt" in e and "invoice.txt" in e for e in o["errors"]), o["errors"])
        self.assertEqual(o["verdict"], "sensitive")  # the member that was read holds an SSN

    def test_traversal_only_in_the_central_directory(self):
        o = self.root("cd_slip")
        self.assertAlerts(o, "path_traversal")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertEqual(self.get("cd_slip", "ok.txt")["verdict"], "clean")

    # ---- bombs and nesting

    def test_overlap_bomb(self):
        o = self.root("fifield")
        self.assertAlerts(o, "zip_bomb")
        self.assertIn("limit:bytes", o["coverage_reasons"])
        self.assertEqual(len(self.recs("fifield")), 1)

    def test_42_style_nest_stops_early(self):
        recs = self.recs("nest42")
        self.assertLess(len(recs), 100)
        self.assertTrue(any("zip_bomb" in o["alerts"] for o in recs))
        o = self.root("nest42")
        self.assertEqual((o["verdict"], o["coverage"]), ("hostile", "partial"))
        self.assertIn("limit:bytes", o["coverage_reasons"])

    def test_quine_like_nest_stops_at_the_depth_limit(self):
        recs = self.recs("quine_like")
        self.assertEqual(max(o["depth"] for o in recs), 16)
        deepest = [o for o in recs if o["depth"] == 16][0]
        self.assertEqual(deepest["chain"], ["r.zip"] * 16)
        self.assertIn("limit:depth", deepest["coverage_reasons"])
        o = self.root("quine_like")
        self.assertEqual((o["coverage"], o["verdict"]), ("full", "incomplete"))

    def test_sparse_member(self):
        o = self.get("sparse_tar", "hole.img")
        self.assertAlerts(o, "zip_bomb")
        self.assertIn("limit:bytes", o["coverage_reasons"])
        self.assertEqual(self.root("sparse_tar")["verdict"], "hostile")

    def test_gzip_of_gzip(self):
        o = self.get("gz_nest5", "log.txt")
        self.assertClean(o)
        self.assertClean(self.root("gz_nest5"))
        o = self.root("gz_nest30")
        self.assertEqual((o["coverage"], o["coverage_reasons"], o["verdict"]),
                         ("partial", ["limit:depth"], "incomplete"))

    # ---- polyglots and wrong extensions

    def test_jpeg_with_a_zip_appended(self):
        o = self.root("jpeg_zip")
        self.assertEqual((o["file"]["mime_type"], o["handler"]), ("image/jpeg", "archive"))
        self.assertTrue(any("appended" in e for e in o["errors"]), o)
        self.assertIn("ssn", self.entities(self.get("jpeg_zip", "hidden.txt")))
        self.assertEqual(o["verdict"], "sensitive")

    def test_pdf_that_is_also_a_zip_text(self):
        o = self.root("pdf_zip_polyglot")
        self.assertEqual(o["handler"], "pdf")
        self.assertIn("ssn", self.entities(o))

    def test_pdf_that_is_also_a_zip_members(self):
        """The pdf handler hands the appended zip on as 'appended_zip'."""
        self.assertEqual(self.get("pdf_zip_polyglot", "appended_zip")["handler"], "archive")
        self.assertIn("ssn", self.entities(self.get("pdf_zip_polyglot", "appended_zip", "hidden.csv")))
        self.assertEqual(self.root("pdf_zip_polyglot")["verdict"], "sensitive")

    def test_wrong_extensions(self):
        o = self.root("docx_as_jpg")
        self.assertEqual(o["handler"], "ooxml")
        self.assertAlerts(o, "ext_mismatch")
        o = self.root("exe_as_pdf")
        self.assertAlerts(o, "ext_mismatch")
        self.assertNotEqual(o["handler"], "pdf")
        o = self.get("eml_docx_jpg", "photo.jpg")
        self.assertAlerts(o, "ext_mismatch")
        self.assertIn("ssn", self.entities(o))
        self.assertEqual(self.root("eml_docx_jpg")["verdict"], "hostile")


if __name__ == "__main__":
    unittest.main()
