#!/usr/bin/env python3
"""`leaksift merge` keeps a record whose member name holds a NUL byte
(written "\\u0000": an attachment named statement.pdf%00.exe, RFC 2231):
jansson refused such a line by default, so merge dropped the object as
"not JSON" (a hostile member gone from the merged manifest) and the
merged summary counted one object less than the records."""
import json
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

MAIL = (b"From: a@example.org\r\nTo: b@example.org\r\nSubject: statement\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
        b"See the attachment.\r\n--b1\r\nContent-Type: application/octet-stream\r\n"
        b"Content-Disposition: attachment; filename*=UTF-8''statement.pdf%00.exe\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nTmFtZTogSmFuZSBSb2UsIFNTTjogNTM2LTIyLTE4NzQK\r\n--b1--\r\n")


class MergeNulName(unittest.TestCase):
    def test_record_with_nul_in_name_is_kept(self):
        tmp = tempfile.mkdtemp(prefix="ls_mergenul_")
        try:
            with open(os.path.join(tmp, "m.eml"), "wb") as f:
                f.write(MAIL)
            shard = os.path.join(tmp, "s.jsonl")
            p = lsutil.run(["scan", "-q", "-o", shard, "m.eml"], cwd=tmp)
            self.assertIn(p.returncode, (0, 1), p.stderr)
            with open(shard, "rb") as f:
                self.assertIn(b"statement.pdf\\u0000.exe", f.read())
            merged = os.path.join(tmp, "merged.jsonl")
            p = lsutil.run(["merge", "-o", merged, shard])
            self.assertIn(p.returncode, (0, 1), p.stderr)
            self.assertNotIn(b"not JSON", p.stderr)
            m = lsutil.load(merged)
            self.assertEqual(sorted(json.dumps(o, sort_keys=True) for o in m.objects),
                             sorted(json.dumps(o, sort_keys=True) for o in lsutil.load(shard).objects))
            self.assertEqual(m.summary["objects"], len(m.objects))
            self.assertIn(["statement.pdf\0.exe"], [o["chain"] for o in m.objects])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
