"""End-to-end: the sixteenth hostile dump (tests/gen/make_hostile15.py) against its answer key.

What leaks when a web host or online shop is compromised and its server
dumped: a cPanel backup tarball (wp-config.php, .my.cnf, .htpasswd, the
MySQL dump), Magento env.php and local.xml, a Laravel .env, Django
settings, mysqldump files (extended INSERTs, escaped quotes, hex literals,
_binary, serialized PHP in a column, full and masked card numbers,
bcrypt/phpass hashes; gzip'd, xz'd, cut mid-INSERT, --tab .sql/.txt, a .jpg
that is a dump), Apache access logs with percent-encoded PII in query
strings (plain, rotated .gz, cut .gz), an error log with a POST body, PHP
session files, a skimmer's exfil files, JSON, Elasticsearch bulk and
mongoexport exports, a Redis AOF of sessions, a webshell, a tar that climbs
and links to /etc/shadow, a zip bomb named backup.zip, a ZipCrypto zip.

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
import make_hostile15  # noqa: E402


class Hostile15(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile15
    NAME = "hostile15"


if __name__ == "__main__":
    unittest.main()
