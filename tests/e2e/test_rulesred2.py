#!/usr/bin/env python3
"""Second red-team review of the rule pack against an answer key (rulesred2).

tests/gen/gen_rulesred2.py plants realistic secret and PII shapes the first
key (test_rulesred.py) does not have -- developer-platform tokens by their
documented prefixes (Vault hvs., Terraform Cloud, Docker Hub, NuGet,
RubyGems, Linear, Sentry, Pulumi, Supabase, Figma, Doppler, Square,
Mailchimp, FCM server keys, age secret keys, Azure DevOps PATs, rotating
Slack tokens), a WLAN profile's keyMaterial, an OpenVPN static key, Cisco
IOS and Samba smbpasswd credentials, PGPASSWORD/MYSQL_PWD, cifs mount
options, international phone
numbers of 18 countries, birth dates in eight more spellings, grouped cards
of every brand, IBANs of 14 less common countries, passports and e-mail
addresses -- and the false positives seen on real text: `pass: 1532` of a
test summary, `<input name="password" value="Search">`, a SIP peer list
`alice@atlanta.com:5060` (three lines: the combo-list shape), HDFS block
ids, man-page file formats (`login_name:passwd:UID:GID:...`), a sudoers
`NOPASSWD:` line, auth logs, gettext catalogues, man-page synopses and
open-data CSV. Every planted value
is checked by fingerprint; any other finding is a false positive. The
scoring is test_rulesred.py's.

Run directly with --report to print recall/precision per entity.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402,F401
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred2.py")


class RulesRed2(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred2-"

    def test_port_is_no_combo_password_but_a_pin_is(self):
        """Three address:5060 lines are a SIP list (no password); three
        address:PIN lines of a combo list keep their passwords, and a
        `pass:` count is none while `pass: <word>` stays a password."""
        d = os.path.join(self.tmp, "combo")
        os.makedirs(d)
        with open(os.path.join(d, "combo.txt"), "w") as f:
            f.write("ann.lee@gmail.com:12345\nbo.kim@yahoo.com:1234\ncy.roe@outlook.com:Harbor!2024\n")
        with open(os.path.join(d, "sip.txt"), "w") as f:
            f.write("ann@atlanta.com:5060\nbob@biloxi.com:5061\ncyd@chicago.com:8080\n")
        with open(os.path.join(d, "app.yml"), "w") as f:
            f.write("smtp:\n  user: mailer\n  pass: Qz7!rTaw\nsummary:\n  pass: 1532\n  fail: 2\n")
        key = os.urandom(32)
        proc, man = lsutil.scan_keyed(d, [d], key)
        self.assertIsNotNone(man, proc.stderr)
        pw = {os.path.basename(o["path"]): {e["fingerprint"] for fd in o.get("findings", []) if fd["entity"] == "password"
                                            for e in fd["evidence"]} for o in man.roots()}
        fp = lambda v: lsutil.fingerprint(key, "password", v)  # noqa: E731
        self.assertEqual(pw["combo.txt"], {fp("12345"), fp("1234"), fp("Harbor!2024")})
        self.assertEqual(pw["sip.txt"], set())
        self.assertEqual(pw["app.yml"], {fp("Qz7!rTaw")})


if __name__ == "__main__":
    rr.main(GEN, "rulesred2-")
