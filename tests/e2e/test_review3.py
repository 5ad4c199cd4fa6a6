#!/usr/bin/env python3
"""End-to-end: review3's findings on this session's changes, each a case
that failed before its fix.
- A named pipe given to --files-from: checking it opened and closed it,
  which released its writer into a pipe with no reader (SIGPIPE) and left
  the real open waiting forever.
- A fingerprint key passed through a pipe whose writer is late
  (--fingerprint-key <(gpg -d key.gpg)): read without blocking, it failed
  with EAGAIN.
- An attachment named with 92 Japanese characters (276 bytes of UTF-8,
  92 UTF-16 units: Windows and Outlook save it) is no bad_name; a name
  component over 255 UTF-16 units still is.
Inputs are written by this test."""
import base64
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")


def mail_with_attachment(name):
    att = base64.encodebytes(b"meeting notes\n").decode()
    enc = "=?UTF-8?B?%s?=" % base64.b64encode(name.encode()).decode()
    return ("From: a@example.org\r\nSubject: t\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
            "--b1\r\nContent-Type: text/plain; name=\"%s\"\r\nContent-Disposition: attachment; filename=\"%s\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n%s\r\n--b1--\r\n" % (enc, enc, att)).encode()


def records(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f]


class Review3(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.d = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def test_files_from_a_named_pipe(self):
        files = []
        for i in range(20):
            p = os.path.join(self.d, "f%02d.txt" % i)
            with open(p, "w") as f:
                f.write("line %d\n" % i)
            files.append(p)
        fifo = os.path.join(self.d, "list")
        os.mkfifo(fifo)
        ok = []

        def writer():
            with open(fifo, "w") as f:  # blocks until the scan opens it
                f.write("\n".join(files) + "\n")
            ok.append(True)

        t = threading.Thread(target=writer, daemon=True)
        t.start()
        out = os.path.join(self.d, "m.jsonl")
        p = subprocess.run([LEAKSIFT, "scan", "-q", "--files-from", fifo, "-o", out],
                           capture_output=True, timeout=60)
        t.join(10)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(ok, [True])
        self.assertEqual(len([r for r in records(out) if r.get("record") == "root_done"]), 20)

    def test_fingerprint_key_from_a_late_pipe(self):
        src = os.path.join(self.d, "in.txt")
        with open(src, "w") as f:
            f.write("SSN 536-22-1874\n")
        key = os.urandom(32)
        r, w = os.pipe()

        def writer():
            time.sleep(0.5)
            os.write(w, key)
            os.close(w)

        t = threading.Thread(target=writer, daemon=True)
        t.start()
        out = os.path.join(self.d, "m.jsonl")
        p = subprocess.run([LEAKSIFT, "scan", "-q", "--fingerprint-key", "/dev/fd/%d" % r, "-o", out, src],
                           capture_output=True, timeout=60, pass_fds=(r,))
        os.close(r)
        t.join(10)
        self.assertEqual(p.returncode, 1, p.stderr)
        ev = [e for o in records(out) if o.get("record") == "object"
              for f in o["findings"] if f["entity"] == "ssn" for e in f["evidence"]]
        self.assertEqual([e["fingerprint"] for e in ev], [lsutil.fingerprint(key, "ssn", "536221874")])

    def scan_mail(self, name):
        p = os.path.join(self.d, "m.eml")
        with open(p, "wb") as f:
            f.write(mail_with_attachment(name))
        out = os.path.join(self.d, "m.jsonl")
        subprocess.run([LEAKSIFT, "scan", "-q", "-o", out, p], capture_output=True, timeout=60)
        objs = [o for o in records(out) if o.get("record") == "object"]
        att = [o for o in objs if o["depth"] == 1 and o["chain"][-1].endswith(".txt")]
        self.assertEqual(len(att), 1, [o["chain"] for o in objs])
        return att[0]

    def test_long_cjk_attachment_name_is_sound(self):
        o = self.scan_mail("会議資料" * 23 + ".txt")  # 96 characters, 276 bytes
        self.assertNotIn("bad_name", o["alerts"])
        self.assertEqual(o["verdict"], "clean")

    def test_name_over_255_units_is_bad(self):
        o = self.scan_mail("資" * 260 + ".txt")
        self.assertIn("bad_name", o["alerts"])


if __name__ == "__main__":
    unittest.main()
