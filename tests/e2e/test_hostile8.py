"""End-to-end: the ninth hostile dump (tests/gen/make_hostile8.py) against its answer key.

Mail stores and exports as they sit on a seized disk, unpacked: a Dovecot
Maildir with its uidlist, index, cache and log files and Courier's keyword
files, Dovecot sdbox/mdbox files (an expunged message still inside, a
gzip'd one, a cut file), Outlook Express .dbx files (a value across a
block, a base64 attachment, a deleted message, an empty and a cut file), an
MH folder with a deleted ",3", a Thunderbird profile (extensionless
mbox files with X-Mozilla-Status, an uncompacted Inbox still holding an
expunged message, Inbox.sbd/, .msf summaries, an IMAP cache, the same
attachment 50 times), Apple Mail's .emlx, .partial.emlx, Attachments/ and
Envelope Index, a 400-message Google Takeout mbox, a Pine mailbox with its
FOLDER INTERNAL DATA message and Content-Length framing, Outlook .msg files,
an exported .pst with the same attachment in three folders, an .olm, an
.nk2 and a .pab, an Office 365 eDiscovery zip with its load files, a Lotus
Notes .nsf, and the address books and calendars beside them (vCard 2.1
quoted-printable, 3.0 folded, 4.0, iCalendar, LDIF with a base64 value,
Outlook and Gmail CSV exports).

Checked as lsutil.KeyedDumpTests says: scanned twice with a known
fingerprint key (two workers, one), the key's entries against both.
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import lsutil  # noqa: E402
import make_hostile8  # noqa: E402


class Hostile8(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile8
    NAME = "hostile8"


if __name__ == "__main__":
    unittest.main()
