#!/usr/bin/env python3
"""Addresses written with %40 for '@' (src/pipeline/pipeline.c,
url_addresses()): web server and proxy logs, browser history, .url
shortcuts and HAR captures keep a form's or link's address
percent-encoded, where no rule saw an address (hostile11's
url_percent_email). Each such token is decoded into the object's text.
Decoys: a %40 with no local part or no host name gives nothing."""
import os
import sqlite3
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

LOG = (b'10.1.2.3 - - [12/Mar/2024:10:01:22 +0000] "GET /account/reset?user=jane.roe%40acme-payroll.com&lang=en '
       b'HTTP/1.1" 200 512 "-" "Mozilla/5.0"\n'
       b'10.1.2.4 - - [12/Mar/2024:10:01:23 +0000] "GET /static/app.css HTTP/1.1" 200 9000 "-" "curl/8.0"\n')
URL = (b"[InternetShortcut]\r\nURL=https://intranet.acme-payroll.com/hr/profile?contact=mailto%3Aw.zhang%2Bhr%40"
       b"acme-payroll.com\r\n")
DECOY = (b"progress 100%40 done; ratio %40 of 80; token=%40%40%40; file=%40.txt\n"
         b"see https://example.test/search?q=%40home and https://example.test/x?at=%40user\n")


class UrlEscapes(lsutil.FilesTree):
    FILES = {"access.log": LOG, "Profile.url": URL, "decoy.log": DECOY}

    @classmethod
    def generate(cls, out):
        super().generate(out)
        db = sqlite3.connect(os.path.join(out, "History"))
        db.execute("CREATE TABLE urls (id INTEGER PRIMARY KEY, url TEXT, title TEXT)")
        db.execute("INSERT INTO urls (url, title) VALUES (?, ?)",
                   ("https://mail.acme-payroll.com/compose?to=l.okafor%40acme-payroll.com", "Compose"))
        db.commit()
        db.close()

    def emails(self, name):
        return self.found(name, "email")

    def test_log_url(self):
        ev = self.emails("access.log")
        self.assertEqual(len(ev), 1, ev)
        self.assertTrue(ev[0].endswith("@acme-payroll.com"), ev)

    def test_shortcut_nested_escapes(self):
        ev = self.emails("Profile.url")
        self.assertEqual(len(ev), 1, ev)
        self.assertTrue(ev[0].endswith("@acme-payroll.com"), ev)

    def test_history_rows(self):
        self.assertEqual(len(self.emails("History")), 1)

    def test_decoys(self):
        self.assertEqual(self.emails("decoy.log"), [])


if __name__ == "__main__":
    unittest.main()
