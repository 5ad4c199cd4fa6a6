#!/usr/bin/env python3
"""The built-in rule pack compiles cleanly and follows the meta conventions.

- every rules/**/*.yar compiles with yarac, and yarac prints NO warning
  (in particular no "string ... may slow down scanning");
- every rule carries string meta category, entity, severity, description,
  with category = its folder's namespace and known severity/validator/redact
  names (docs/rules.md);
- the generated identifiers rules (samples/identifiers.txt) compile without
  warnings too, find what they describe, and a bad identifiers line is a
  FILE:LINE error with exit code 2;
- the CLI's built-in pack finds one example of every rule on a small text.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")
RULES = sorted(glob.glob(os.path.join(SRC, "rules", "**", "*.yar"), recursive=True))

CATEGORIES = {"pii": "pii", "secrets": "secret", "corporate": "corporate", "hostile": "hostile"}
SEVERITIES = {"low", "medium", "high", "critical"}
VALIDATORS = {"none", "quoted_salt", "luhn", "iban", "ssn", "ssn_context", "nanp", "e164", "phone_national", "email", "mrz",
              "passport", "dob", "drivers_license", "aws_key_id", "aws_secret", "gcp_key_id",
              "token", "token_assignment", "jwt", "password", "url_password", "crypt", "private_key", "org",
              "ppk", "hex_key", "sas", "azure_secret", "discord", "uuid_or_token", "env_value_token",
              "env_password", "bearer", "netrc", "basic_auth", "cli_password", "prose_password",
              "csv_password", "ntlm", "marking", "password_quoted", "mailgun", "card_id_column",
              "store", "ssh2_key", "bare_assignment"}
VALIDATORS |= {"wif", "bip32_xprv", "hex_privkey", "seed_phrase", "wallet_json"}  # src/scan/validate_crypto.c
REDACTS = {"last4", "last2", "email", "prefix4", "keytype", "password", "hash", "none", "mask", "label"}

RULE_RE = re.compile(r"^rule\s+(\w+)\s*\{(.*?)^\}", re.S | re.M)
META_RE = re.compile(r'^\s*(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$', re.M)

# One line per rule that must produce a finding of that entity.
EXAMPLES = {
    "ssn": ["SSN 536-22-8714 on file", "ssn: 536228715"],
    "credit_card": ["card 5500-0000-0000-0004 exp"],
    "iban": ["IBAN DE89 3704 0044 0532 0130 00 ok",
             "account DE89 3704 0044 \n0532 0130 00 (wrapped in a PDF line)",
             "GB82 WEST 1234\n5698 7654 32 end"],
    "email": ["write to Jane.Roe@example.org today"],
    "phone": ["call (212) 867-5309 now", "or +44 20 7183 8750."],
    "passport": ["Passport No: 512345678", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                 "L898902C36UTO7408122F1204159ZE184226B<<<<<10"],
    "dob": ["DOB: 1980-01-05", "BDAY:19850917", "birth_date=19850917&ref=a"],
    "drivers_license": ["Driver's License: D1234567"],
    "private_key": ["-----BEGIN OPENSSH PRIVATE KEY-----\n"
                    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                    "QyNTUxOQAAACBGu5vT3Yd4Qw1oJp0k9wV7m8b3n2c1x0z9y8w7v6u5tA==\n"
                    "-----END OPENSSH PRIVATE KEY-----"],
    "aws_key": ["aws_access_key_id = AKIAZ7EXQ2MPLK4TSW5R"],
    "aws_secret": ["aws_secret_access_key = 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"],
    "gcp_key": ['{"type": "service_account", "private_key_id": "3f2a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a"}'],
    "token": ["ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A", "glpat-Ab3De5Fg7Hj9Kl1Mn3Pq",
              "xoxb-176536724810-198746983230-pdFZKVeTuE8sk7oOcBrzbqgy",
              "sk_live_51HqLyjWDarjtT1zdp7dcQx9", "key=AIzaSyD3x9Fk2Lq8Vn4Tb7Rp1Wm6Zc0Hy5Ju2Ke",
              "NPM_TOKEN=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
              "pypi-AgEIcHlwaS5vcmcCJDY3ZDhmOWE0LTk1ZmEtNDk3Yy1hYjE2LWQ3NjI0NzM4Yjk5ZAACKlsz",
              "TELEGRAM_TOKEN=7104938217:AAFq3xZ9kLm2Np5Rs8Tu1Wy4Za6Bc0Df2Gh",
              "key-7bq2xnmp41jd8fks5gc293sgvjxtewq9", "TWILIO_API_KEY=SK2f9c41d7e3b86a05c4e1f7a9d2b38c61",
              "AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6QUJDREVGR0hJSktMTU5PUA==",
              "JWT_SECRET=q8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8"],
    "jwt": ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ODQxMjA3NSJ9."
            "h7Qe2vX9kLm3Np5Rs8Tu1Wy4Za6Bc0Df2Gh5Jk7Lm9N"],
    "password": ['db_password = "S3cr3t!pass"', "postgres://admin:hunter22@db.example.com/prod",
                 "$ mysql -u root -pWq83!zLm shop", "Authorization: Basic YWRtaW46UzNjcjN0IXBhc3M=",
                 "Your temporary password is Kx8#pq2Lm4", "'password' => 'T4ngo-Orion7',"],
    "password_hash": ["alice:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/",
                      "(1,'bob','$2y$10$Q7WnOq1yYpW4pRzvA0bL6eCj8sXkT3mHf5uGd2iN9oE1rZtVwq7Ky')",
                      "Administrator:500:aad3b435b51404eeaad3b435b51404ee:8846f7eaee8fb117ad06bdd830b7586c:::"],
    "marking": ["ATTORNEY-CLIENT PRIVILEGED", "SECRET//NOFORN", "IBM Confidential\n", "(U//FOUO) text"],
}


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def findings(manifest):
    out = {}
    with open(manifest, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("record") != "object":
                continue
            for fd in rec.get("findings", []):
                out.setdefault(fd["entity"], []).append(fd)
    return out


class RulesPack(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.t = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def yarac(self, path):
        r = run(["yarac", path, os.path.join(self.t, "out.bin")])
        return r.returncode, r.stdout + r.stderr

    def test_pack_present(self):
        self.assertGreaterEqual(len(RULES), 3)
        for ns in CATEGORIES:
            self.assertTrue(any("/rules/%s/" % ns in p.replace(os.sep, "/") for p in RULES), ns)

    @unittest.skipIf(shutil.which("yarac") is None, "yarac not installed")
    def test_every_file_compiles_without_warnings(self):
        for path in RULES:
            rc, out = self.yarac(path)
            self.assertEqual(rc, 0, "%s: %s" % (path, out))
            self.assertNotIn("warning", out.lower(), "%s: %s" % (path, out))
            self.assertNotIn("slow down", out, path)

    @unittest.skipIf(shutil.which("yarac") is None, "yarac not installed")
    def test_whole_pack_compiles_together_without_warnings(self):
        allp = os.path.join(self.t, "all.yar")
        with open(allp, "w", encoding="utf-8") as out:
            for path in RULES:
                with open(path, encoding="utf-8") as f:
                    out.write(f.read() + "\n")
        rc, out = self.yarac(allp)
        self.assertEqual(rc, 0, out)
        self.assertEqual(out.strip(), "")

    def test_slow_rule_is_detected(self):
        """The check above can fail: a digits-only regex does warn."""
        if shutil.which("yarac") is None:
            self.skipTest("yarac not installed")
        bad = os.path.join(self.t, "bad.yar")
        with open(bad, "w") as f:
            f.write("rule slow { strings: $a = /[0-9]{3}-[0-9]{2}-[0-9]{4}/ condition: $a }\n")
        rc, out = self.yarac(bad)
        self.assertIn("slow down scanning", out)

    def test_meta_conventions(self):
        names = set()
        for path in RULES:
            ns = os.path.basename(os.path.dirname(path))
            self.assertIn(ns, CATEGORIES, path)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            rules = RULE_RE.findall(text)
            self.assertTrue(rules, path)
            for name, body in rules:
                self.assertNotIn(name, names, "duplicate rule name " + name)
                names.add(name)
                meta = dict(META_RE.findall(body.split("strings:")[0]))
                for k in ("category", "entity", "severity", "description"):
                    self.assertIn(k, meta, "%s: %s lacks %s" % (path, name, k))
                self.assertEqual(meta["category"], CATEGORIES[ns], name)
                self.assertIn(meta["severity"], SEVERITIES, name)
                self.assertRegex(meta["entity"], r"^[a-z][a-z0-9_]*$", name)
                if "validator" in meta:
                    self.assertIn(meta["validator"], VALIDATORS, name)
                if "redact" in meta:
                    self.assertIn(meta["redact"], REDACTS, name)
                if "veto" in meta:  # the only kind of veto the engine knows
                    self.assertEqual(meta["veto"], "labels", name)

    def scan(self, files, extra=()):
        d = os.path.join(self.t, "in")
        os.makedirs(d, exist_ok=True)
        for name, body in files.items():
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(body)
        m = os.path.join(self.t, "m.jsonl")
        r = run([LEAKSIFT, "scan", "-q", "-o", m] + list(extra) + [d])
        return r, m

    def test_every_entity_found_by_cli(self):
        files = {}
        for ent, lines in EXAMPLES.items():
            for i, line in enumerate(lines):
                files["%s_%d.txt" % (ent, i)] = "Text before.\n%s\nText after.\n" % line
        r, m = self.scan(files)
        self.assertEqual(r.returncode, 1, r.stderr)
        got = findings(m)
        for ent in EXAMPLES:
            self.assertIn(ent, got, "no %s finding" % ent)
        # every example line is its own file: each must hold its entity
        per_file = {}
        with open(m, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("record") == "object":
                    per_file[os.path.basename(rec["path"])] = {fd["entity"] for fd in rec.get("findings", [])}
        for ent, lines in EXAMPLES.items():
            for i in range(len(lines)):
                self.assertIn(ent, per_file.get("%s_%d.txt" % (ent, i), set()), "%s example %d" % (ent, i))
        with open(m, encoding="utf-8") as f:
            manifest = f.read()
        # the manifest never holds the full value
        for needle in ("536-22-8714", "5500-0000-0000-0004", "AKIAZ7EXQ2MPLK4TSW5R", "S3cr3t!pass",
                       "hunter22", "uWq8l9+R3fT2kV7nZpXa5cY1bJ4hG6dE0sMoLiKu", "Jane.Roe@example.org",
                       "jane.roe@example.org", "DE89370400440532013000", "867-5309"):
            self.assertNotIn(needle, manifest)

    def test_values_at_first_byte_and_alone(self):
        """Boundary anchors accept the start and end of the data."""
        files = {"card.txt": "4012888888881881", "ssn.txt": "536-22-8714\n",
                 "mail.txt": "jane.roe@example.org", "phone.txt": "(212) 867-5309",
                 "iban.txt": "DE89370400440532013000\n", "aws.txt": "AKIAZ7EXQ2MPLK4TSW5R"}
        r, m = self.scan(files)
        self.assertEqual(r.returncode, 1, r.stderr)
        with open(m, encoding="utf-8") as f:
            recs = [json.loads(x) for x in f]
        per = {os.path.basename(x["path"]): {fd["entity"] for fd in x.get("findings", [])}
               for x in recs if x.get("record") == "object"}
        want = {"card.txt": "credit_card", "ssn.txt": "ssn", "mail.txt": "email",
                "phone.txt": "phone", "iban.txt": "iban", "aws.txt": "aws_key"}
        for name, ent in want.items():
            self.assertIn(ent, per.get(name, set()), name)

    def test_user_rule_with_meta(self):
        """The docs/rules.md example: a --rules file with its own entity."""
        rules = os.path.join(self.t, "my.yar")
        with open(rules, "w") as f:
            f.write('rule acme_customer_number { meta: category = "pii" entity = "customer_number" '
                    'severity = "medium" redact = "last4" description = "x" '
                    'strings: $v = /CUST-[0-9]{8}\\b/ condition: $v }\n'
                    'rule typo_validator { meta: category = "pii" entity = "typo" severity = "low" '
                    'validator = "no_such_check" description = "x" '
                    'strings: $v = "ORDER-" condition: $v }\n')
        r, m = self.scan({"c.txt": "customer CUST-12345678 ORDER-1\n"},
                         ["--no-default-rules", "--rules", rules])
        self.assertEqual(r.returncode, 1, r.stderr)
        got = findings(m)
        ev = got["customer_number"][0]["evidence"][0]
        self.assertEqual(ev["redacted"], "****-****5678")
        self.assertNotIn("typo", got)  # unknown validator: rejected, not found
        with open(m, encoding="utf-8") as f:
            summary = [json.loads(x) for x in f][-1]
        self.assertEqual(summary["rejected"].get("typo"), 1)

    def test_identifiers_sample(self):
        sample = os.path.join(SRC, "samples", "identifiers.txt")
        text = ("Mail bob.smith@acme-corp.example about ACME-123456 and PROJECT NIGHTJAR.\n"
                "Host build01.corp.acme-corp.example is down; see www.acme-corp.example.\n")
        r, m = self.scan({"memo.txt": text}, ["--no-default-rules", "--identifiers", sample])
        self.assertEqual(r.returncode, 1, r.stderr)
        got = findings(m)
        self.assertIn("org_identifier", got)
        red = [ev["redacted"] for fd in got["org_identifier"] for ev in fd["evidence"]]
        self.assertIn("b***@acme-corp.example", red)
        self.assertTrue(any("NIGHTJAR" in x.upper() for x in red), red)
        self.assertTrue(any(x.endswith("3456") and "123456" not in x for x in red), red)
        with open(m, encoding="utf-8") as f:
            self.assertNotIn("bob.smith", f.read())

    def test_identifiers_bad_line_is_file_line_error(self):
        bad = os.path.join(self.t, "ids.txt")
        with open(bad, "w") as f:
            f.write("# ok\ndomain acme.example\nemployee-id E[0-9]{6}/ condition: true } rule x {\n")
        r, m = self.scan({"a.txt": "hello\n"}, ["--identifiers", bad])
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("%s:3:" % bad, r.stderr)

    def test_identifiers_unknown_kind(self):
        bad = os.path.join(self.t, "ids.txt")
        with open(bad, "w") as f:
            f.write("\n\nfoo bar\n")
        r, m = self.scan({"a.txt": "hello\n"}, ["--identifiers", bad])
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("%s:3:" % bad, r.stderr)
        self.assertIn("unknown kind", r.stderr)


if __name__ == "__main__":
    unittest.main()
