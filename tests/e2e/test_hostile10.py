"""End-to-end: the eleventh hostile dump (tests/gen/make_hostile10.py) against its answer key.

Collaboration and legal data as it leaks, written by hand from each
format's documented layout: a Slack workspace export, Teams messages (HTML
in JSON), Google Chat and a Google Takeout zip, WhatsApp and Telegram chat
exports, an Outlook for Mac .olm with contacts and a calendar, a folded
attendee list; an e-discovery production (Concordance .dat load files in
UTF-8, Latin-1 and UTF-16, an .opt and .lfp, TEXT/ and NATIVES/, a
privilege log); password-manager and browser exports (KeePass, Bitwarden,
1Password, LastPass, Chrome Login Data and Web Data, Firefox logins.json);
HR and payroll exports (ADP with a BOM, Workday, Excel Unicode text, German
and French semicolon CSVs, fixed-width, EFW2, NACHA).

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
import make_hostile10  # noqa: E402


class Hostile10(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile10
    NAME = "hostile10"


if __name__ == "__main__":
    unittest.main()
