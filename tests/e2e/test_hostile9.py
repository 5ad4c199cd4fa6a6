"""End-to-end: the tenth hostile dump (tests/gen/make_hostile9.py) against its answer key.

Databases and backups as breach dumps carry them, written by hand from each
format's documented layout: pg_dump custom, directory and tar archives and
odd plain dumps; mysqldump (extended INSERTs, --hex-blob, --tab), MyISAM,
an InnoDB page, a row-based binlog; mongodump .bson, .bson.gz, --archive
(plain and gzip'd), int64 and double fields, mongoexport JSON and CSV; a
Redis RDB with LZF-compressed strings and a ziplist hash, an AOF;
Elasticsearch _bulk and elasticdump exports; SQLite -wal and -journal
files, deleted rows in freeblocks and free pages, an SQLCipher file; an
Android adb backup (compressed, stored, encrypted), an iOS backup tree, a
registry hive and a SQL Server .bak.

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
import make_hostile9  # noqa: E402


class Hostile9(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile9
    NAME = "hostile9"


if __name__ == "__main__":
    unittest.main()
