#!/usr/bin/env python3
"""End-to-end: Message-IDs are not e-mail addresses.

Every message of a mail dump names several Message-IDs, written like
addresses: its own (Message-ID), its thread's (In-Reply-To, References,
folded over lines), its parts' (Content-ID), a fragment's whole message (message/partial's
id parameter). The validator drops the shapes
it knows by themselves (timestamps, hex, Gmail, Exchange, Exim); one with
words in its local part ("<q3.budget.review@northwind-traders.com>", as
many mailers and list servers write them) is known only by where it
stands: between angle brackets in such a header field. There it is no
address; the same value written elsewhere (a body, a Reply-To) still is.

Each planted address is checked by its fingerprint (HMAC with a known key,
computed here), so the test says which values were counted, not only how
many. Inputs are written by this test: a CRLF message, an LF mailbox of
two messages, and the same message inside a zip."""
import os
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

KEY = b"msgid-test-key"
DOM = "northwind-traders.com"
PEOPLE = ["alice.brandt", "bob.keller", "carol.diaz", "dave.ortiz"]
IDS = ["20.thread.notice", "q1.budget.kickoff", "q2.budget.draft", "q3.budget.review",
       "part1.logo.image"]


def message(eol):
    lines = [
        "From: Alice Brandt <alice.brandt@%s>" % DOM,
        "To: bob.keller@%s" % DOM,
        "Reply-To: <dave.ortiz@%s>" % DOM,
        "Subject: budget thread",
        "Message-ID: <20.thread.notice@%s>" % DOM,
        "In-Reply-To: <q3.budget.review@%s>" % DOM,
        "References: <q1.budget.kickoff@%s>" % DOM,
        " <q2.budget.draft@%s>" % DOM,
        "\t<q3.budget.review@%s>" % DOM,
        "MIME-Version: 1.0",
        'Content-Type: multipart/mixed; boundary="b1"',
        "",
        "--b1",
        "Content-Type: text/plain",
        "",
        "Please write to <carol.diaz@%s> about it." % DOM,
        "--b1",
        "Content-Type: image/png",
        "Content-ID: <part1.logo.image@%s>" % DOM,
        "Content-Transfer-Encoding: base64",
        "",
        "iVBORw0KGgo=",
        "--b1--",
        "",
    ]
    return eol.join(lines).encode()


def mailbox():
    first = message("\n")
    second = ("From: Bob Keller <bob.keller@%s>\n"
              "To: alice.brandt@%s\n"
              "Subject: Re: budget thread\n"
              "Message-ID: <q4.budget.final@%s>\n"
              "References: <20.thread.notice@%s>\n\n"
              "Agreed.\n" % (DOM, DOM, DOM, DOM)).encode()
    return (b"From alice Mon Mar  3 10:00:00 2014\n" + first + b"\n"
            b"From bob Mon Mar  3 11:00:00 2014\n" + second + b"\n")


def email_fps(obj):
    return {e["fingerprint"] for f in obj.get("findings", []) if f["entity"] == "email"
            for e in f["evidence"]}


def fps(locals_):
    return {lsutil.fingerprint(KEY, "email", "%s@%s" % (l, DOM)) for l in locals_}


class MessageIdTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.tmp.name
        with open(os.path.join(d, "thread.eml"), "wb") as f:
            f.write(message("\r\n"))
        with open(os.path.join(d, "box.mbox"), "wb") as f:
            f.write(mailbox())
        with open(os.path.join(d, "frag.eml"), "wb") as f:
            f.write(("From: alice.brandt@%s\r\nSubject: report (1/2)\r\nMIME-Version: 1.0\r\n"
                     "Content-Type: message/partial;\r\n id=\"q5.report.split@%s\"; number=1; total=2\r\n"
                     "\r\nFrom: alice.brandt@%s\r\nSubject: report\r\n\r\nfirst half\r\n"
                     % (DOM, DOM, DOM)).encode())
        with zipfile.ZipFile(os.path.join(d, "mail.zip"), "w") as z:
            z.writestr("export/thread.eml", message("\n"))
        cls.proc, cls.m = lsutil.scan_keyed(d, [os.path.join(d, n) for n in
                                                 ("thread.eml", "box.mbox", "mail.zip", "frag.eml")], KEY)
        cls.d = d

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_ran(self):
        self.assertIsNotNone(self.m, self.proc.stderr)

    def test_message_ids_not_counted(self):
        o = self.m.obj(os.path.join(self.d, "thread.eml"))
        got = email_fps(o)
        self.assertEqual(got, fps(PEOPLE), "people's addresses only, no Message-ID")
        self.assertFalse(got & fps(IDS))
        self.assertEqual(lsutil.distinct(o, "email"), len(PEOPLE))

    def test_mailbox(self):
        box = os.path.join(self.d, "box.mbox")
        objs = self.m.by_path(box)
        got = set()
        for o in objs:
            got |= email_fps(o)
        self.assertEqual(got, fps(PEOPLE))
        self.assertFalse(got & fps(IDS + ["q4.budget.final"]))

    def test_in_zip(self):
        o = self.m.obj(os.path.join(self.d, "mail.zip"), ["export/thread.eml"])
        self.assertEqual(email_fps(o), fps(PEOPLE))

    def test_partial_fragment_id(self):
        """message/partial's id parameter (RFC 2046 5.2.2) is the whole
        message's id, in every fragment."""
        o = self.m.obj(os.path.join(self.d, "frag.eml"))
        self.assertEqual(email_fps(o), fps(["alice.brandt"]))

    def test_same_value_elsewhere_still_counts(self):
        """A Message-ID's value in a body is text, counted as written."""
        d = os.path.join(self.d, "body")
        os.makedirs(d, exist_ok=True)
        p = os.path.join(d, "note.txt")
        with open(p, "wb") as f:
            f.write(("The thread id was q1.budget.kickoff@%s, and its first mail\n"
                     "Message-ID: <q2.budget.draft@%s>\n" % (DOM, DOM)).encode())
        _, m = lsutil.scan_keyed(d, [p], KEY)
        self.assertEqual(email_fps(m.obj(p)), fps(["q1.budget.kickoff"]))


if __name__ == "__main__":
    unittest.main()
