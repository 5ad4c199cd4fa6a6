"""End-to-end: the twelfth hostile dump (tests/gen/make_hostile11.py) against its answer key.

What leaks when a user's workstation or its backup is dumped file by file:
Windows artefacts (.lnk, desktop.ini, Thumbs.db, .url, PowerShell history,
Sticky Notes, NTUSER.DAT, .evtx, .nk2, a cut .ost), Mac artefacts
(AppleDouble, __MACOSX, .DS_Store, binary plists, Time Machine,
.webarchive, browser history, iMessage), phone backups (iTunes Manifest.db
with hash-named files, adb), office leftovers (owner files, autosaves,
.xlk, OneNote, Visio, Publisher, Works, Notepad++, mail-merge sources,
.prn, XPS) and files whose names lie.

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
import make_hostile11  # noqa: E402


class Hostile11(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile11
    NAME = "hostile11"


if __name__ == "__main__":
    unittest.main()
