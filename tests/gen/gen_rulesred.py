#!/usr/bin/env python3
"""Red-team answer key for the rule pack: realistic leak files, decoys, key.

Usage: gen_rulesred.py OUTDIR KEYFILE [--seed S]

Written as a grader with an answer key would: the key is made first, from
the formats as people and programs write them (HR forms, CSV exports, logs,
.env, YAML/JSON/INI configs, source code, HTML, e-mail), and the tool is
then measured against it. International spellings (UK/DE/FR/NL phone
numbers and IBANs), every common date-of-birth form, cards with spaces,
dashes and none, 15-digit Amex, unformatted SSNs after a label, PEM/OpenSSH/
PuTTY/PGP keys, cloud and SaaS tokens, DB URLs, .netrc, .pgpass, htpasswd.

Decoys: Luhn-invalid cards, SSNs in unissued ranges, IBANs failing mod 97,
version numbers, order numbers, timestamps, ISBNs, UUIDs, hashes, phone-like
serials and placeholder secrets.

KEYFILE (JSON, outside OUTDIR):
  {"files": {"<rel>": {"expect": [{"entity": E, "norm": N, "kind": K,
                                   "also": [E2, ...],        # other entity names accepted
                                   "wontfix": "reason"}],     # (optional) a known, documented miss
                       "decoy": true|false}}}
Norms are docs/rules.md's (digits for ssn/card/phone, upper-case
alphanumerics for iban/passport, lower case for e-mail, the value as written
for dob/password/token, the JWT signature, the key body's first 255 base64
characters; a marking's text). A finding in a file whose (entity, norm) is
not in the key is a false positive. Deterministic for a given seed.
"""
import argparse
import base64
import importlib.util
import json
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
ALNUM = string.ascii_letters + string.digits
B32 = string.ascii_uppercase + "234567"
HEX = "0123456789abcdef"


class Gen:
    def __init__(self, out, seed):
        self.out = out
        self.r = random.Random(seed)
        self.files = {}
        self.cur = None

    # ---- bookkeeping -------------------------------------------------------------------
    def begin(self, rel, decoy=False):
        self.cur = rel
        self.files[rel] = {"expect": [], "decoy": decoy}

    def plant(self, entity, norm, kind, also=(), wontfix=None):
        e = {"entity": entity, "norm": norm, "kind": kind}
        if also:
            e["also"] = list(also)
        if wontfix:
            e["wontfix"] = wontfix
        self.files[self.cur]["expect"].append(e)
        return norm

    def write(self, text, binary=False):
        p = os.path.join(self.out, self.cur)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(text if binary else text.encode("utf-8"))

    # ---- values ------------------------------------------------------------------------
    def d(self, n):
        return "".join(self.r.choice(string.digits) for _ in range(n))

    def rand(self, alphabet, n):
        while True:
            v = "".join(self.r.choice(alphabet) for _ in range(n))
            if (alphabet is not ALNUM) or (any(c.isdigit() for c in v) and any(c.isupper() for c in v)
                                           and any(c.islower() for c in v)):
                return v

    @staticmethod
    def luhn_ok(num):
        s = 0
        for i, ch in enumerate(reversed(num)):
            v = int(ch)
            if i % 2 == 1:
                v *= 2
                if v > 9:
                    v -= 9
            s += v
        return s % 10 == 0

    def card(self, prefix, length):
        while True:
            body = prefix + self.d(length - len(prefix) - 1)
            for c in "0123456789":
                if self.luhn_ok(body + c):
                    num = body + c
                    break
            if len(set(num)) > 3:
                return num

    def bad_card(self, prefix, length):
        n = self.card(prefix, length)
        last = str((int(n[-1]) + self.r.randint(1, 9)) % 10)
        return n[:-1] + last

    def ssn(self):
        while True:
            a = self.r.randint(1, 899)
            if a == 666:
                continue
            g, s = self.r.randint(1, 99), self.r.randint(1, 9999)
            v = "%03d%02d%04d" % (a, g, s)
            if len(set(v)) > 2 and v not in ("078051120", "219099999", "123456789"):
                return v

    @staticmethod
    def mod97(s):
        return int("".join(str(int(c, 36)) for c in s)) % 97

    def iban(self, cc, bban):
        chk = 98 - self.mod97(bban + cc + "00")
        return "%s%02d%s" % (cc, chk, bban)

    @staticmethod
    def grouped(v, sep=" "):
        return sep.join(v[i:i + 4] for i in range(0, len(v), 4))

    def bad_iban(self, cc, bban):
        v = self.iban(cc, bban)
        chk = int(v[2:4])
        return v[:2] + "%02d" % ((chk + self.r.randint(1, 50)) % 97 + 2 if chk < 50 else chk - 1) + v[4:]

    def password(self):
        words = ["Harbor", "Maple", "Quartz", "Falcon", "Ember", "Cobalt", "Juniper", "Orbit", "Nimbus", "Saffron"]
        return self.r.choice(words) + self.r.choice(["!", "#", "_", "@", "$", ""]) + self.d(self.r.randint(2, 4)) + \
            self.r.choice(["", "x", "Q!", "%z"])

    def url_password(self):
        """A password as written inside a URL: no '@', '#', '%', '/' or ':'."""
        return "".join(c for c in self.password() if c.isalnum() or c in "!_-.") + self.d(2)

    def b64body(self, prefix, n):
        return base64.b64encode(prefix + bytes(self.r.getrandbits(8) for _ in range(n))).decode()

    def pem(self, label, prefix, n=600, headers=""):
        body = self.b64body(prefix, n)
        lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
        return body, "-----BEGIN %s-----\n%s%s\n-----END %s-----\n" % (label, headers, lines, label)

    def jwt(self, claims):
        def b64u(b):
            return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
        h = b64u(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        p = b64u(json.dumps(claims, separators=(",", ":")).encode())
        s = b64u(bytes(self.r.getrandbits(8) for _ in range(32)))
        return "%s.%s.%s" % (h, p, s), s


def build(g):
    r = g.r
    # ------------------------------------------------------------------ HR form (text)
    g.begin("hr/new_starter_form_kowalski.txt")
    ssn = g.ssn()
    pp = "5" + g.d(8)
    iban_gb = g.iban("GB", "WEST" + "12345698765432"[:0] + g.d(14))
    g.plant("ssn", ssn, "ssn 9 digits after 'SSN (no dashes):'")
    g.plant("passport", pp, "passport 'Passport No.:' 9 digits")
    g.plant("dob", "14/03/1985", "dob 'Date of Birth (DD/MM/YYYY):'")
    g.plant("iban", iban_gb, "iban GB grouped after 'IBAN:'")
    g.plant("phone", "447700900" + "123", "phone UK mobile +44 7700 900123")
    g.plant("phone", "02079460958", "phone UK national 020 after 'Home Tel:'")
    g.plant("email", "piotr.kowalski@northwind-traders.co.uk", "email mixed case")
    g.write("""NEW STARTER FORM - HUMAN RESOURCES
=====================================
Employee name:        Piotr Kowalski
Employee ID:          E-204117
Start date:           01/09/2024
Date of Birth (DD/MM/YYYY): 14/03/1985
SSN (no dashes): %s
Passport No.: %s       Expiry: 2031-06-30
Nationality:          Polish
Personal e-mail:      Piotr.Kowalski@Northwind-Traders.co.uk
Mobile:               +44 7700 900123
Home Tel:             020 7946 0958
Bank details
  Account name:       P KOWALSKI
  IBAN:               %s
  BIC:                NWBKGB2L
Signed: ______________  Date: 02/09/2024
""" % (ssn, pp, g.grouped(iban_gb)))

    # ------------------------------------------------------------------ HR CSV export
    g.begin("hr/employees_export.csv")
    rows = ["emp_id,first_name,last_name,email,phone,ssn,date_of_birth,hire_date"]
    for i in range(4):
        s = g.ssn()
        em = "%s.%s@globex.de" % (["anna", "lars", "kenji", "mei"][i], ["schmidt", "jensen", "tanaka", "wong"][i])
        ph = "%s-%s-%s" % (r.choice(["212", "415", "617", "312"]), str(r.randint(200, 999)), g.d(4))
        dob = "19%02d-%02d-%02d" % (r.randint(55, 99), r.randint(1, 12), r.randint(1, 28))
        g.plant("ssn", s, "ssn dashed in CSV")
        g.plant("email", em, "email CSV")
        g.plant("phone", ph.replace("-", ""), "phone NANP dashed CSV")
        g.plant("dob", dob, "dob ISO in date_of_birth column")
        rows.append("%d,%s,%s,%s,%s,%s-%s-%s,%s,2019-04-01" % (1000 + i, "X", "Y", em, ph, s[:3], s[3:5], s[5:], dob))
    g.write("\n".join(rows) + "\n")

    # ------------------------------------------------------------------ payments log
    g.begin("logs/payment-gateway.log")
    visa = g.card("4", 16)
    mc = g.card("53", 16)
    amex = g.card("37", 15)
    disc = g.card("6011", 16)
    mc2 = g.card("2221", 16)
    for v, k in ((visa, "visa no separators in key=value"), (mc, "mastercard dashed"), (amex, "amex 4-6-5 spaces"),
                 (disc, "discover in JSON"), (mc2, "mastercard 2-series spaces")):
        g.plant("credit_card", v, k)
    g.write("""2024-03-14T10:22:31.114Z INFO  [gw-7] txn=88213 status=declined card=%s exp=0927 amount=129.99 EUR
2024-03-14T10:22:35.870Z WARN  [gw-3] retry txn=88214 pan=%s-%s-%s-%s
2024-03-14T10:23:02.002Z DEBUG [gw-1] AMEX charge request: {"number": "%s %s %s", "cvv": "1234"}
2024-03-14T10:23:09.441Z DEBUG [gw-1] payload={"card":{"number":"%s","exp_month":4,"exp_year":2027}}
2024-03-14T10:24:44.000Z INFO  [gw-2] tokenised %s %s %s %s -> tok_1OqZ
2024-03-14T10:25:00.000Z INFO  [gw-2] build 4.11.2024.0314 request_id=7f9c0e2a-1b3d-4c5e-9f60-112233445566 ts=1710411900123
""" % (visa, mc[:4], mc[4:8], mc[8:12], mc[12:], amex[:4], amex[4:10], amex[10:], disc,
       mc2[:4], mc2[4:8], mc2[8:12], mc2[12:]))

    # ------------------------------------------------------------------ customer JSON
    g.begin("db/customers.json")
    iban_de = g.iban("DE", g.d(18))
    iban_fr = g.iban("FR", g.d(10) + "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(11)) + g.d(2))
    iban_nl = g.iban("NL", "ABNA" + g.d(10))
    c1 = g.card("4", 16)
    g.plant("iban", iban_de, "iban DE compact in JSON")
    g.plant("iban", iban_fr, "iban FR grouped in JSON")
    g.plant("iban", iban_nl, "iban NL compact lower-case key")
    g.plant("email", "hans.mueller@globex.de", "email JSON")
    g.plant("email", "camille.dubois+newsletter@umbrella-group.fr", "email plus tag")
    g.plant("email", "j.devries@contoso.nl", "email JSON")
    g.plant("phone", "4930901820", "phone DE +49 30 901820")
    g.plant("phone", "33142685300", "phone FR +33 1 42 68 53 00")
    g.plant("phone", "31201234567", "phone NL +31 (0)20 123 4567")
    g.plant("dob", "1979-11-02", "dob JSON dateOfBirth ISO")
    g.plant("dob", "1990-07-21T00:00:00Z", "dob JSON birth_date as ISO timestamp", also=(),
            wontfix=None)
    g.plant("dob", "02.11.1979", "dob JSON geburtsdatum dotted")
    g.plant("credit_card", c1, "card JSON cc_number")
    g.write(json.dumps([
        {"id": 1, "name": "Hans Mueller", "email": "hans.mueller@globex.de", "phone": "+49 30 901820",
         "iban": iban_de, "dateOfBirth": "1979-11-02", "geburtsdatum": "02.11.1979", "cc_number": c1},
        {"id": 2, "name": "Camille Dubois", "email": "camille.dubois+newsletter@umbrella-group.fr",
         "phone": "+33 1 42 68 53 00", "iban": g.grouped(iban_fr), "order_id": "ORD-2024-000918"},
        {"id": 3, "name": "Jan de Vries", "email": "j.devries@contoso.nl", "telefoon": "+31 (0)20 123 4567",
         "iban": iban_nl, "birth_date": "1990-07-21T00:00:00Z", "created_at": "2023-01-05T09:14:22Z",
         "uuid": "3f2504e0-4f89-11d3-9a0c-0305e82c3301"},
    ], indent=2) + "\n")
    # normalise the dob entry of the ISO timestamp: the date, as the rule reads it
    g.files[g.cur]["expect"][-3]["norm"] = "1990-07-21"

    # ------------------------------------------------------------------ national phone forms
    g.begin("crm/contacts_europe.txt")
    g.plant("phone", "03012345678", "phone DE national 'Tel.: 030 12345678'")
    g.plant("phone", "015123456789", "phone DE mobile 'Handy: 0151 23456789'")
    g.plant("phone", "0142685300", "phone FR 'Tél : 01 42 68 53 00'")
    g.plant("phone", "0612345678", "phone NL 'Mobiel: 06-12345678'")
    g.plant("phone", "07700900456", "phone UK 'Mob: 07700 900456'")
    g.plant("phone", "4989123456", "phone DE +49 (0)89 123456")
    g.plant("phone", "447911123456", "phone UK +44 (0) 7911 123456")
    g.plant("phone", "2128675309", "phone US (212) 867-5309")
    g.plant("phone", "4158675310", "phone US 415.867.5310")
    g.plant("phone", "33612345678", "phone FR +33 6 12 34 56 78")
    g.write("""Contact sheet - EMEA partners
Globex GmbH, Berlin      Tel.: 030 12345678    Handy: 0151 23456789
Umbrella SARL, Paris     Tél : 01 42 68 53 00  Portable: +33 6 12 34 56 78
Contoso BV, Amsterdam    Mobiel: 06-12345678
Initech Ltd, London      Mob: 07700 900456     Switchboard: +44 (0) 7911 123456
Munich office            +49 (0)89 123456
US liaison               (212) 867-5309 / 415.867.5310
""")

    # ------------------------------------------------------------------ passports / DOB in HR forms
    g.begin("hr/visa_application_notes.txt")
    p1, p2, p3, p4 = "C01X00T47", "12AB34567", "5" + g.d(8), "K" + g.d(7)
    g.plant("passport", p1, "passport DE 'Passport number: C01X00T47' (few digits)", wontfix=None)
    g.plant("passport", p2, "passport FR 'N° de passeport : 12AB34567'")
    g.plant("passport", p3, "passport 'Passport #' 9 digits")
    g.plant("passport", p4, "passport 'Passport Number/Expiry:' letter+7 digits",
            wontfix="the label names two values; the passport rule takes the number right after its label")
    dobs = [("DOB: 03/14/1985", "03/14/1985"), ("Date of birth: 14 March 1985", "14 March 1985"),
            ("D.O.B. 14-MAR-1985", "14-MAR-1985"), ("Born on March 14th, 1985", "March 14th, 1985"),
            ("Birthdate: 1985.03.14", "1985.03.14"), ("Geburtsdatum: 14.03.1985", "14.03.1985"),
            ("Date de naissance : 14/03/1985", "14/03/1985"), ("DOB: 3/14/85", "3/14/85"),
            ("Date of Birth: 14th Mar 1985", "14th Mar 1985"), ("DOB - 1985-03-14", "1985-03-14"),
            ("birth_date=19850314", "19850314"), ("Birthday: Mar. 14, 1985", "Mar. 14, 1985")]
    for _, v in dobs:
        g.plant("dob", v, "dob %r" % _)
    g.write("""Visa application - applicant notes (internal)

Applicant 1: Passport number: %s (Germany), issued Berlin
Applicant 2: N° de passeport : %s
Applicant 3: Passport # %s
Applicant 4: Passport Number/Expiry: %s / 2029-05-01

%s
""" % (p1, p2, p3, p4, "\n".join(x for x, _ in dobs)))

    # ------------------------------------------------------------------ .env
    g.begin("app/.env")
    akid = "AKIA" + g.rand(B32, 16)
    asec = g.rand(ALNUM + "/+", 40)
    while not (any(c.isupper() for c in asec) and any(c.islower() for c in asec) and any(c.isdigit() for c in asec)):
        asec = g.rand(ALNUM + "/+", 40)
    stripe = "sk_live_" + g.rand(ALNUM, 24)
    sg = "SG." + g.rand(ALNUM + "_-", 22) + "." + g.rand(ALNUM + "_-", 43)
    tw_tok = g.rand(HEX, 32)
    slack = "xoxb-" + g.d(12) + "-" + g.d(13) + "-" + g.rand(ALNUM, 24)
    ghp = "ghp_" + g.rand(ALNUM, 36)
    dbpw = g.url_password()
    redispw = g.rand(ALNUM, 20)
    g.plant("aws_key", akid, "aws key id .env")
    g.plant("aws_secret", asec, "aws secret .env")
    g.plant("token", stripe, "stripe sk_live")
    g.plant("token", sg, "sendgrid SG.")
    g.plant("token", tw_tok, "twilio auth token by name")
    g.plant("token", slack, "slack xoxb")
    g.plant("token", ghp, "github ghp_")
    g.plant("password", dbpw, "postgres URL password")
    g.plant("password", redispw, "redis URL with empty user redis://:pw@host")
    g.write("""# production - do not commit
APP_ENV=production
APP_VERSION=3.14.159
AWS_ACCESS_KEY_ID=%s
AWS_SECRET_ACCESS_KEY=%s
AWS_REGION=eu-west-1
STRIPE_SECRET_KEY=%s
STRIPE_PUBLISHABLE_KEY=pk_live_51HxYz
SENDGRID_API_KEY=%s
TWILIO_ACCOUNT_SID=AC%s
TWILIO_AUTH_TOKEN=%s
SLACK_BOT_TOKEN=%s
GITHUB_TOKEN=%s
DATABASE_URL=postgres://app_user:%s@db.internal.example.com:5432/orders
REDIS_URL=redis://:%s@cache.internal.example.com:6379/0
SESSION_TTL=3600
""" % (akid, asec, stripe, sg, g.rand(HEX, 32), tw_tok, slack, ghp, dbpw, redispw))

    # ------------------------------------------------------------------ YAML config
    g.begin("deploy/config/application.yml")
    y1, y2, y3 = g.password(), g.password(), g.password()
    mongo = g.rand(ALNUM, 16)
    amqp = g.url_password()
    glpat = "glpat-" + g.rand(ALNUM + "_-", 20)
    g.plant("password", y1, "yaml password: quoted")
    g.plant("password", y2, "yaml spring.datasource password: unquoted")
    g.plant("password", y3, "yaml smtp password after 'pass:'", wontfix=None)
    g.plant("password", mongo, "mongodb+srv URL")
    g.plant("password", amqp, "amqp URL")
    g.plant("token", glpat, "gitlab glpat- in yaml")
    g.plant("email", "alerts@example.com", "smtp user e-mail")
    g.write("""spring:
  datasource:
    url: jdbc:postgresql://pg01.prod.example.com:5432/ledger
    username: ledger_svc
    password: %s
  rabbitmq:
    addresses: amqp://ledger:%s@mq01.prod.example.com:5672/ledger
mail:
  smtp:
    host: smtp.example.com
    user: alerts@example.com
    password: "%s"
mongo:
  uri: mongodb+srv://reporting:%s@cluster0.ab1cd.mongodb.net/reports?retryWrites=true
smtp_relay:
  pass: %s
gitlab:
  api_token: %s
version: 2.7.1
""" % (y2, amqp, y1, mongo, y3, glpat))
    # y3 is under a bare 'pass:' key
    g.files[g.cur]["expect"][2]["kind"] = "yaml 'pass:' key"

    # ------------------------------------------------------------------ JDBC / ADO.NET
    g.begin("deploy/connections.properties")
    j1, j2, j3, j4 = g.url_password(), g.password(), g.password(), g.password()
    for v, k in ((j1, "JDBC ?user=&password="), (j2, "ADO.NET Password=...;"), (j3, "ODBC PWD=...;"),
                 (j4, "spring.datasource.password=")):
        g.plant("password", v, k)
    g.write("""# legacy connection strings
reporting.jdbc=jdbc:mysql://mysql03.example.com:3306/reports?user=rpt&password=%s&useSSL=true
crm.connection=Server=tcp:sql01.example.com,1433;Initial Catalog=CRM;User ID=crm_app;Password=%s;Encrypt=True;
legacy.odbc=Driver={ODBC Driver 17 for SQL Server};Server=sql02;UID=sa;PWD=%s;
spring.datasource.password=%s
app.build=2024.03.14-1187
""" % (j1, j2, j3, j4))

    # ------------------------------------------------------------------ .pgpass, .netrc, htpasswd, git-credentials
    g.begin("home/alice/.pgpass")
    pg1, pg2 = g.password(), g.password()
    g.plant("password", pg1, "pgpass line")
    g.plant("password", pg2, "pgpass line")
    g.write("db01.prod.example.com:5432:orders:orders_rw:%s\n*:*:*:postgres:%s\n" % (pg1, pg2))

    g.begin("home/alice/.netrc")
    n1 = g.password()
    g.plant("password", n1, "netrc multi-line")
    g.write("machine api.example.com\n  login alice\n  password %s\n" % n1)

    g.begin("srv/www/.htpasswd")
    salt = g.rand(ALNUM, 8)
    apr1 = "$apr1$%s$%s" % (salt, g.rand(ALNUM + "./", 22))
    bc = "$2y$10$" + g.rand(ALNUM + "./", 53)
    g.plant("password_hash", apr1, "htpasswd apr1")
    g.plant("password_hash", bc, "htpasswd bcrypt")
    g.write("admin:%s\ndeploy:%s\n" % (apr1, bc))

    g.begin("home/alice/.git-credentials")
    ghp2 = "ghp_" + g.rand(ALNUM, 36)
    g.plant("token", ghp2, "github token in git-credentials URL", also=("password",))
    g.write("https://alice:%s@github.com\n" % ghp2)

    # ------------------------------------------------------------------ keys
    g.begin("keys/id_rsa")
    body, text = g.pem("RSA PRIVATE KEY", b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00")
    g.plant("private_key", body[:255], "PEM RSA")
    g.write(text)
    g.begin("keys/server.key")
    body, text = g.pem("ENCRYPTED PRIVATE KEY", b"\x30\x82\x05\x0e\x30\x40\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x05\x0d")
    g.plant("private_key", body[:255], "PEM PKCS#8 encrypted")
    g.write(text)
    g.begin("keys/ec.pem")
    body, text = g.pem("EC PRIVATE KEY", b"\x30\x77\x02\x01\x01\x04\x20", n=100)
    g.plant("private_key", body[:255], "PEM EC")
    g.write("-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + text)
    g.begin("keys/id_ed25519")
    body = g.b64body(b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01", 300)
    g.plant("private_key", body[:255], "OpenSSH")
    g.write("-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----\n"
            % "\n".join(body[i:i + 70] for i in range(0, len(body), 70)))
    g.begin("keys/secring.asc")
    body = g.b64body(b"\x95\x03\xc6\x04", 700)
    g.plant("private_key", body[:255], "PGP private key block")
    g.write("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----\n"
            % ("\n".join(body[i:i + 64] for i in range(0, len(body), 64)), g.rand(ALNUM, 4)))
    g.begin("keys/deploy.ppk")
    pub = g.b64body(b"\x00\x00\x00\x07ssh-rsa", 260)
    priv = g.b64body(b"\x00\x00\x01\x00", 600)
    plines = [priv[i:i + 64] for i in range(0, len(priv), 64)]
    publines = [pub[i:i + 64] for i in range(0, len(pub), 64)]
    g.plant("private_key", priv[:255], "PuTTY v2")
    g.write("PuTTY-User-Key-File-2: ssh-rsa\r\nEncryption: none\r\nComment: imported-openssh-key\r\nPublic-Lines: %d\r\n%s\r\n"
            "Private-Lines: %d\r\n%s\r\nPrivate-MAC: %s\r\n" % (len(publines), "\r\n".join(publines), len(plines),
                                                             "\r\n".join(plines), g.rand(HEX, 40)))

    # ------------------------------------------------------------------ GCP service account
    g.begin("cloud/gcp-sa-prod.json")
    kid = g.rand(HEX, 40)
    body = g.b64body(b"\x30\x82\x04\xbd\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00", 900)
    pemtext = "-----BEGIN PRIVATE KEY-----\n" + "\n".join(body[i:i + 64] for i in range(0, len(body), 64)) + \
        "\n-----END PRIVATE KEY-----\n"
    g.plant("gcp_key", kid, "gcp private_key_id")
    g.plant("private_key", body[:255], "gcp private_key with \\n escapes")
    g.plant("email", "etl-runner@acme-prod-331207.iam.gserviceaccount.com", "service account e-mail")
    g.write(json.dumps({"type": "service_account", "project_id": "acme-prod-331207", "private_key_id": kid,
                        "private_key": pemtext,
                        "client_email": "etl-runner@acme-prod-331207.iam.gserviceaccount.com",
                        "client_id": "1" + g.d(20),
                        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                        "token_uri": "https://oauth2.googleapis.com/token"}, indent=2) + "\n")

    # ------------------------------------------------------------------ Azure
    g.begin("cloud/azure/appsettings.Production.json")
    acckey = base64.b64encode(bytes(r.getrandbits(8) for _ in range(64))).decode()
    clisec = g.rand(ALNUM, 3) + g.d(1) + "Q~" + g.rand(ALNUM + "_~.-", 34)
    sqlpw = g.password()
    g.plant("token", acckey, "azure storage AccountKey")
    g.plant("token", clisec, "azure AD client secret")
    g.plant("password", sqlpw, "azure SQL connection string Password=")
    g.write(json.dumps({
        "ConnectionStrings": {
            "Storage": "DefaultEndpointsProtocol=https;AccountName=acmeprodstore;AccountKey=%s;EndpointSuffix=core.windows.net" % acckey,
            "Sql": "Server=tcp:acme-prod.database.windows.net,1433;Initial Catalog=acme;Persist Security Info=False;User ID=acmeadmin;Password=%s;MultipleActiveResultSets=False;Encrypt=True;" % sqlpw},
        "AzureAd": {"Instance": "https://login.microsoftonline.com/", "TenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
                    "ClientId": "4a1aa1d5-c567-49d0-ad0b-cd957a47f842", "ClientSecret": clisec},
        "Logging": {"LogLevel": {"Default": "Information"}}}, indent=2) + "\n")

    # ------------------------------------------------------------------ tokens in source
    g.begin("src/notify.py")
    npm = "npm_" + g.rand(ALNUM, 36)
    pypi = "pypi-AgEIcHlwaS5vcmc" + g.rand(ALNUM + "_-", 60)
    hook = "https://hooks.slack.com/services/T%s/B%s/%s" % (g.rand(string.ascii_uppercase + string.digits, 8),
                                                          g.rand(string.ascii_uppercase + string.digits, 10),
                                                          g.rand(ALNUM, 24))
    jwt, sig = g.jwt({"sub": "1029384756", "name": "svc-reporting", "iat": 1710411900, "exp": 1910411900})
    twsk = "SK" + g.rand(HEX, 32)
    gapi = "AIza" + g.rand(ALNUM + "_-", 35)
    g.plant("token", npm, "npm token in source")
    g.plant("token", pypi, "pypi token in source")
    g.plant("token", hook, "slack webhook")
    g.plant("jwt", sig, "JWT in source")
    g.plant("token", twsk, "twilio API key SID")
    g.plant("token", gapi, "google API key")
    pyp = g.password()
    g.plant("password", pyp, "python SMTP login('user', 'pw')", wontfix=None)
    g.write('''"""Notification helpers (do not ship)."""
import smtplib

NPM_PUBLISH = "%s"
PYPI_UPLOAD = "%s"
SLACK_HOOK = "%s"
SERVICE_JWT = "%s"
TWILIO_KEY_SID = "%s"
MAPS_KEY = "%s"
SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8"
BUILD_UUID = "123e4567-e89b-12d3-a456-426614174000"


def send(msg):
    s = smtplib.SMTP("smtp.example.com", 587)
    s.starttls()
    s.login("alerts@example.com", "%s")
    s.sendmail("alerts@example.com", ["ops@example.com"], msg)
''' % (npm, pypi, hook, jwt, twsk, gapi, pyp))
    g.plant("email", "alerts@example.com", "email in source")
    g.plant("email", "ops@example.com", "email in source")

    # ------------------------------------------------------------------ HTML
    g.begin("web/team.html")
    g.plant("email", "sofia.rossi@wayne-holdings.it", "email mailto")
    g.plant("email", "press@wayne-holdings.it", "email text")
    g.plant("phone", "390212345678", "phone IT +39 02 1234 5678")
    g.plant("phone", "3128675311", "phone US in tel: link")
    g.write("""<!DOCTYPE html><html><head><title>Team</title>
<meta name="generator" content="Hugo 0.122.0"></head><body>
<div class="card"><h3>Sofia Rossi</h3>
<a href="mailto:sofia.rossi@wayne-holdings.it">sofia.rossi@wayne-holdings.it</a>
<p>Phone: <a href="tel:+390212345678">+39 02 1234 5678</a></p></div>
<div class="card"><h3>Press</h3><p>press@wayne-holdings.it &middot; (312) 867-5311</p></div>
<footer>&copy; 2024 Wayne Holdings S.p.A. &ndash; P.IVA 01234567890 &ndash; v1.4.12</footer>
</body></html>
""")

    # ------------------------------------------------------------------ e-mail
    g.begin("mail/re_payroll_update.eml")
    iban_be = g.iban("BE", g.d(12))
    ssn2 = g.ssn()
    tmp = "Tz" + g.d(4) + "!kLm"
    g.plant("iban", iban_be, "iban BE grouped in mail")
    g.plant("ssn", ssn2, "ssn 'Social Security Number:' ddd dd dddd")
    g.plant("password", tmp, "temporary password in mail prose")
    g.plant("email", "m.larsen@cyberdyne.ch", "email From:")
    g.plant("email", "payroll@cyberdyne.ch", "email To:")
    g.plant("phone", "41446681800", "phone CH +41 44 668 18 00")
    g.plant("marking", "CONFIDENTIAL", "marking subject")
    g.write("""From: Magnus Larsen <m.larsen@cyberdyne.ch>
To: payroll@cyberdyne.ch
Subject: CONFIDENTIAL - updated bank details
Date: Thu, 14 Mar 2024 10:22:31 +0100
Message-ID: <20240314102231.48213@cyberdyne.ch>
Content-Type: text/plain; charset=utf-8

Hi team,

please update my salary account to IBAN %s
My Social Security Number: %s %s %s (for the US payroll).

Your temporary password is %s - please change it at first login.

Kind regards,
Magnus Larsen | Cyberdyne AG | +41 44 668 18 00
""" % (g.grouped(iban_be), ssn2[:3], ssn2[3:5], ssn2[5:], tmp))

    # ------------------------------------------------------------------ docker / k8s
    g.begin("deploy/k8s/secret.yaml")
    kpw = g.password()
    g.plant("password", kpw, "k8s stringData password")
    tok = g.rand(ALNUM, 40)
    g.plant("token", tok, "k8s stringData API_TOKEN", also=("password",))
    g.write("""apiVersion: v1
kind: Secret
metadata:
  name: billing-secrets
  namespace: prod
type: Opaque
stringData:
  DB_PASSWORD: "%s"
  API_TOKEN: "%s"
  LOG_LEVEL: info
""" % (kpw, tok))

    g.begin("deploy/docker-compose.yml")
    mpw, mrpw = g.password(), g.password()
    g.plant("password", mpw, "compose MYSQL_PASSWORD list form")
    g.plant("password", mrpw, "compose MYSQL_ROOT_PASSWORD map form")
    g.write("""version: "3.8"
services:
  db:
    image: mysql:8.0.36
    environment:
      - MYSQL_PASSWORD=%s
      - MYSQL_USER=shop
  db2:
    image: mariadb:10.11
    environment:
      MYSQL_ROOT_PASSWORD: %s
""" % (mpw, mrpw))

    # ------------------------------------------------------------------ markings
    g.begin("docs/board_minutes.txt")
    g.plant("marking", "STRICTLY CONFIDENTIAL", "marking header")
    g.plant("marking", "INTERNAL USE ONLY", "marking footer")
    g.write("""STRICTLY CONFIDENTIAL
Board of Directors - Minutes of the meeting of 14 March 2024
1. The board approved the FY2025 budget (version 3.2.1).
2. Project update.
INTERNAL USE ONLY - Page 1 of 3
""")

    # ------------------------------------------------------------------ round 2: aligned HR record
    g.begin("hr/personnel_record_aligned.txt")
    s1 = g.ssn()
    c_amex = g.card("34", 15)
    c_diners = g.card("3056", 14)
    c_jcb = g.card("3530", 16)
    iban_es = g.iban("ES", g.d(20))
    iban_it = g.iban("IT", "X" + g.d(10) + g.d(12))
    iban_ch = g.iban("CH", g.d(17))
    iban_no = g.iban("NO", g.d(11))
    g.plant("ssn", s1, "ssn aligned 'SSN:' + 10 spaces")
    g.plant("dob", "14/03/1985", "dob aligned 'DOB:' + tab")
    g.plant("passport", "533380116", "passport 'PASSPORT NO' upper, no colon")
    g.plant("credit_card", c_amex, "amex 4-6-5 dashes")
    g.plant("credit_card", c_diners, "diners 14 4-6-4")
    g.plant("credit_card", c_jcb, "jcb 16 spaces")
    g.plant("iban", iban_es, "iban ES grouped")
    g.plant("iban", iban_it, "iban IT with CIN letter grouped")
    g.plant("iban", iban_ch, "iban CH grouped 21")
    g.plant("iban", iban_no, "iban NO compact 15")
    g.plant("phone", "442079460958", "phone 'Tel: +44 (0)20 7946 0958'")
    g.plant("phone", "4917112345678", "phone DE mobile +49 171 1234567 8")
    g.plant("phone", "2128675309", "phone +1-212-867-5309")
    g.plant("phone", "0142685300", "phone FR dotted after 'Tél.'")
    g.plant("email", "olivia.obrien@hooli.io", "email upper-case", also=())
    g.write("""PERSONNEL RECORD
Name:                 Olivia O'Brien
SSN:          %s
DOB:\t14/03/1985
PASSPORT NO 533380116
Corporate Amex:       %s-%s-%s
Diners:               %s %s %s
JCB:                  %s %s %s %s
Salary IBAN (ES):     %s
Salary IBAN (IT):     %s
Savings (CH):         %s
Pension (NO):         %s
Tel: +44 (0)20 7946 0958
Mobile: +49 171 12345678
US: +1-212-867-5309
Tél. 01.42.68.53.00
E-MAIL: OLIVIA.OBRIEN@HOOLI.IO
""" % (s1, c_amex[:4], c_amex[4:10], c_amex[10:], c_diners[:4], c_diners[4:10], c_diners[10:],
       c_jcb[:4], c_jcb[4:8], c_jcb[8:12], c_jcb[12:], g.grouped(iban_es), g.grouped(iban_it), g.grouped(iban_ch),
       iban_no))

    # ------------------------------------------------------------------ round 2: DOB spellings
    g.begin("hr/dob_forms.txt")
    forms = [("Date of Birth:\n14/03/1985", "14/03/1985", "dob value on the next line (PDF form text)"),
             ("DOB:14MAR1985", "14MAR1985", "dob airline style DDMONYYYY"),
             ("Geburtsdatum: 14. März 1985", "14. März 1985", "dob German month name"),
             ("Date de naissance : 14 mars 1985", "14 mars 1985", "dob French month name"),
             ("Born: 1985-03-14", "1985-03-14", "dob 'Born:'"),
             ("DOB (MM/DD/YYYY): 03/14/1985", "03/14/1985", "dob with format hint"),
             ("date_of_birth: '1985-03-14'", "1985-03-14", "dob YAML quoted"),
             ("<dob>1985-03-14</dob>", "1985-03-14", "dob XML element"),
             ("Date of birth: 14 Mar. 1985", "14 Mar. 1985", "dob abbreviated month with dot")]
    for text, v, k in forms:
        g.plant("dob", v, k)
    g.write("\n\n".join(t for t, _, _ in forms) + "\n")

    # ------------------------------------------------------------------ round 2: secrets in odd places
    g.begin("deploy/k8s/tls-secret.yaml")
    body, pemtext = g.pem("RSA PRIVATE KEY", b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00")
    g.plant("private_key", body[:255], "PEM base64-encoded in a k8s Secret data field (LS0tLS1CRUdJTi...)")
    body2, pem2 = g.pem("PRIVATE KEY", b"\x30\x82\x04\xbd\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00")
    g.plant("private_key", body2[:255], "PEM indented in a YAML block scalar")
    g.write("""apiVersion: v1
kind: Secret
metadata:
  name: web-tls
type: kubernetes.io/tls
data:
  tls.key: %s
stringData:
  other.key: |
%s
""" % (base64.b64encode(pemtext.encode()).decode(), "\n".join("    " + ln for ln in pem2.splitlines())))

    g.begin("sysvol/Groups.xml")
    cpw = base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode().rstrip("=")
    g.plant("password", cpw, "Group Policy Preferences cpassword")
    g.write('<?xml version="1.0" encoding="utf-8"?>\r\n<Groups clsid="{3125E937-EB16-4b4c-9934-544FC6D24D26}">'
            '<User clsid="{DF5F1855-51E5-4d24-8B1A-D9BDE98BA1D1}" name="Administrator (built-in)" image="2" '
            'changed="2024-03-14 10:22:31" uid="{CE475804-94EA-4C12-8B2E-2B3FFF1A05C4}"><Properties action="U" '
            'newName="" fullName="" description="" cpassword="%s" changeLogon="0" noChange="1" neverExpires="1" '
            'acctDisabled="0" userName="Administrator (built-in)"/></User>\r\n</Groups>\r\n' % cpw)

    g.begin("ops/runbook.sh")
    ora, ldap = g.url_password(), g.password()
    mc_key = g.rand(HEX, 32) + "-us14"
    g.plant("password", ora, "sqlplus user/password@db")
    g.plant("password", ldap, "ldapsearch -w password")
    g.plant("token", mc_key, "Mailchimp API key 32hex-usNN")
    g.write("""#!/bin/bash
# nightly export
sqlplus -s system/%s@//ora01.example.com:1521/ORCL @export.sql
ldapsearch -x -H ldap://dc01.example.com -D "cn=svc_ldap,ou=svc,dc=example,dc=com" -w '%s' "(uid=*)"
curl -s https://us14.api.mailchimp.com/3.0/lists --user "anystring:%s"
""" % (ora, ldap, mc_key))
    # curl --user also yields the Mailchimp key as a password
    g.files[g.cur]["expect"][-1]["also"] = ["password"]

    g.begin("cloud/aws/credentials")
    k2, s2 = "ASIA" + g.rand(B32, 16), g.rand(ALNUM + "/+", 40)
    stok = g.rand(ALNUM + "/+", 300) + "=="
    g.plant("aws_key", k2, "aws temp key id ASIA")
    g.plant("aws_secret", s2, "aws secret in credentials file")
    g.plant("token", stok[:255], "aws_session_token (norm: first 255 bytes)", also=("aws_secret",),
            wontfix="a session token works only with its key id and secret, which are reported; "
                    "test_secrets_realistic's key counts it as no finding (docs/rules.md)")
    g.write("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\naws_session_token = %s\nregion = us-east-1\n" % (k2, s2, stok))

    g.begin("src/Billing.java")
    jpw = g.password()
    rk = "rk_live_" + g.rand(ALNUM, 24)
    gpat = "github_pat_11" + g.rand(string.ascii_uppercase + string.digits, 20) + "_" + g.rand(ALNUM, 59)
    g.plant("password", jpw, "Java DriverManager.getConnection(url, user, pw)")
    g.plant("token", rk, "stripe restricted rk_live_")
    g.plant("token", gpat, "github fine-grained PAT")
    g.write("""package com.example.billing;

import java.sql.*;

public class Billing {
    private static final String STRIPE = "%s";
    private static final String GH = "%s";
    Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://db01:3306/billing", "billing", "%s");
    }
}
""" % (rk, gpat, jpw))

    # ------------------------------------------------------------------ round 3: more vendors, prose
    g.begin("app/settings.env")
    mc2 = g.rand(HEX, 32) + "-us21"
    sq = "EAAA" + g.rand(ALNUM + "-_", 60)
    okta = "00" + g.rand(ALNUM + "-_", 40)
    dd = g.rand(HEX, 32)
    hf = "hf_" + g.rand(string.ascii_letters, 34)
    g.plant("token", mc2, "Mailchimp key in .env MAILCHIMP_API_KEY")
    g.plant("token", sq, "Square access token EAAA in .env")
    g.plant("token", okta, "Okta API token after 'Authorization: SSWS'")
    g.plant("token", dd, "Datadog API key DD_API_KEY (32 hex)")
    g.plant("token", hf, "Hugging Face hf_ token")
    g.write("""MAILCHIMP_API_KEY=%s
SQUARE_ACCESS_TOKEN=%s
DD_API_KEY=%s
HF_TOKEN=%s
# okta: curl -H "Authorization: SSWS %s" https://acme.okta.com/api/v1/users
""" % (mc2, sq, dd, hf, okta))

    g.begin("mail/ssn_prose.txt")
    s3, s4 = g.ssn(), g.ssn()
    g.plant("ssn", s3, "ssn 'my SSN is 9digits'")
    g.plant("ssn", s4, "ssn 'Social Security No. is ddd-dd-dddd'")
    g.write("Hi Tom, for the W-4: my SSN is %s and my wife's Social Security No. is %s-%s-%s.\n"
            % (s3, s4[:3], s4[3:5], s4[5:]))

    # ------------------------------------------------------------------ round 4: Java XML configs, combo lists
    g.begin("webapp/WEB-INF/config.xml")
    hb, sp, tc, ctx = g.password(), g.password(), g.password(), g.password()
    g.plant("password", hb, "hibernate <property name=\"connection.password\">pw</property>")
    g.plant("password", sp, "spring <property name=\"password\" value=\"pw\"/>")
    g.plant("password", tc, "tomcat-users password=\"pw\"")
    g.plant("password", ctx, "context.xml <Resource password=\"pw\">")
    g.write("""<?xml version="1.0" encoding="UTF-8"?>
<hibernate-configuration><session-factory>
  <property name="connection.url">jdbc:postgresql://db01:5432/app</property>
  <property name="connection.username">app</property>
  <property name="connection.password">%s</property>
</session-factory></hibernate-configuration>
<beans><bean id="ds" class="org.apache.commons.dbcp2.BasicDataSource">
  <property name="username" value="app"/>
  <property name="password" value="%s"/>
</bean></beans>
<tomcat-users><user username="admin" password="%s" roles="manager-gui"/></tomcat-users>
<Context><Resource name="jdbc/app" auth="Container" type="javax.sql.DataSource" username="app" password="%s" url="jdbc:mysql://db01/app"/></Context>
""" % (hb, sp, tc, ctx))

    g.begin("dumps/combo_2024.txt")
    lines = []
    for i in range(5):
        user = "%s.%s%d" % (r.choice(["mike", "anna", "li", "omar", "sara"]), r.choice(["k", "b", "t"]), r.randint(1, 99))
        dom = r.choice(["gmail.com", "yahoo.co.uk", "web.de", "orange.fr", "hotmail.com"])
        pw = g.password() if i % 2 else g.rand(ALNUM, 10)
        g.plant("email", "%s@%s" % (user, dom), "combo list e-mail")
        g.plant("password", pw, "combo list email:password line")
        lines.append("%s@%s:%s" % (user, dom, pw))
    g.write("\n".join(lines) + "\n")

    # ------------------------------------------------------------------ round 5: cards under card keys
    g.begin("db/payments_export.json")
    pc = [g.card("4", 16), g.card("52", 16), g.card("6011", 16)]
    for v, k in zip(pc, ("card_number key", "card_id key (a card word wins over 'id')", "pan key")):
        g.plant("credit_card", v, k)
    g.write(json.dumps([{"card_number": pc[0]}, {"card_id": pc[1]}, {"pan": int(pc[2]), "order_ref": "A-1001"}],
                       indent=1) + "\n")

    # ------------------------------------------------------------------ round 6: Windows deployment, signatures
    g.begin("deploy/windows/unattend.xml")
    ua, ub = g.password(), base64.b64encode((g.password() + "AdministratorPassword").encode("utf-16-le")).decode()
    g.plant("password", ua, "unattend.xml <Password><Value>..</Value> PlainText true")
    g.plant("password", ub, "unattend.xml <AdministratorPassword><Value>base64</Value> PlainText false")
    g.write("""<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="oobeSystem">
    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64">
      <UserAccounts>
        <AdministratorPassword>
          <Value>%s</Value>
          <PlainText>false</PlainText>
        </AdministratorPassword>
        <LocalAccounts>
          <LocalAccount wcm:action="add">
            <Password>
              <Value>%s</Value>
              <PlainText>true</PlainText>
            </Password>
            <Name>deploy</Name>
          </LocalAccount>
        </LocalAccounts>
      </UserAccounts>
    </component>
  </settings>
</unattend>
""" % (ub, ua))

    g.begin("deploy/windows/setup.bat")
    nu, ps, nus = g.password(), g.password(), g.password()
    g.plant("password", nu, "net user NAME PASSWORD /add")
    g.plant("password", ps, "psexec -u user -p PASSWORD")
    g.plant("password", nus, "net use \\\\\\\\host\\\\share PASSWORD /user:")
    g.write("""@echo off
net user svc_backup %s /add /expires:never
net localgroup administrators svc_backup /add
psexec \\\\fs01 -u CORP\\svc_backup -p %s -s cmd /c "wbadmin start backup"
net use Z: \\\\fs01\\backup %s /user:CORP\\svc_backup /persistent:no
net user guest /active:no
""" % (nu, ps, nus))

    g.begin("mail/signature.txt")
    g.plant("phone", "442079460958", "phone '(+44) 20 7946 0958'")
    g.plant("phone", "4930901820", "phone '(+49) 30 901820'")
    g.plant("email", "h.jensen@initech.co.uk", "email signature")
    g.write("""--
Hanne Jensen | Head of Payroll | Initech Ltd
T (+44) 20 7946 0958 | Berlin office (+49) 30 901820
h.jensen@initech.co.uk
""")

    # ------------------------------------------------------------------ round 7: prose phones, DOB with "of", API tokens
    g.begin("mail/chat_export.txt")
    drf = g.rand(HEX, 40)
    g.plant("phone", "07700900789", "phone 'call me on 07700 900789'")
    g.plant("phone", "02079460123", "phone 'ring me on 020 7946 0123'")
    g.plant("phone", "4158675312", "phone 'text me at 415 867 5312'")
    g.plant("dob", "14th of March 1985", "dob 'born on the 14th of March 1985'", wontfix=None)
    g.plant("dob", "14 de marzo de 1985", "dob 'fecha de nacimiento: 14 de marzo de 1985'")
    g.plant("token", drf, "Authorization: Token 40hex (Django REST framework)")
    g.write("""[09:14] anna: call me on 07700 900789 when you land
[09:15] lars: or ring me on 020 7946 0123, I'm in the office
[09:16] mike: text me at 415 867 5312
[09:20] anna: HR form says date of birth 14th of March 1985, is that right?
[09:21] lars: fecha de nacimiento: 14 de marzo de 1985
[09:30] mike: curl -H "Authorization: Token %s" https://api.example.com/v1/orders/
""" % drf)

    # ------------------------------------------------------------------ round 8: Rails, kubeconfig
    g.begin("app/config/secrets.yml")
    skb = g.rand(HEX, 128)
    g.plant("token", skb, "Rails secret_key_base")
    g.write("production:\n  secret_key_base: %s\n" % skb)

    g.begin("home/alice/.kube/config")
    body, pemtext = g.pem("RSA PRIVATE KEY", b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00")
    g.plant("private_key", body[:255], "kubeconfig client-key-data (base64 PEM)")
    g.write("""apiVersion: v1
clusters:
- cluster:
    server: https://10.20.0.1:6443
  name: prod
users:
- name: admin
  user:
    client-key-data: %s
""" % base64.b64encode(pemtext.encode()).decode())

    # ================================================================== DECOYS
    g.begin("decoy/bad_cards_and_ssns.txt", decoy=True)
    lines = ["Card test matrix (negative cases)"]
    for pre, ln in (("4", 16), ("51", 16), ("37", 15), ("6011", 16)):
        b = g.bad_card(pre, ln)
        lines.append("card: %s   grouped: %s" % (b, g.grouped(b) if ln == 16 else b))
    for a in ("000", "666", "900", "987"):
        lines.append("SSN: %s-%s-%s" % (a, g.d(2).replace("00", "12"), "4821"))
    lines.append("SSN: 536-00-8714")
    lines.append("SSN: 536-22-0000")
    lines.append("SSN 123456789")
    lines.append("ssn=000228714")
    g.write("\n".join(lines) + "\n")

    g.begin("decoy/bad_ibans.csv", decoy=True)
    g.write("name,iban,bic\nA,%s,DEUTDEFF\nB,%s,ABNANL2A\nC,%s,BNPAFRPP\n" % (
        g.bad_iban("DE", g.d(18)), g.grouped(g.bad_iban("NL", "ABNA" + g.d(10))), g.bad_iban("GB", "WEST" + g.d(14))))

    g.begin("decoy/orders.csv", decoy=True)
    rows = ["order_number,invoice_no,tracking,created,isbn,sku,amount"]
    for i in range(6):
        rows.append("%s,INV-%s,1Z%s,%d,978-%s-%s-%s-%s,SKU-%s,%d.%02d" % (
            g.d(10), g.d(8), g.rand(string.ascii_uppercase + string.digits, 16), 1700000000 + r.randint(0, 10 ** 7),
            g.d(1), g.d(3), g.d(5), g.d(1), g.d(6), r.randint(1, 999), r.randint(0, 99)))
    g.write("\n".join(rows) + "\n")

    g.begin("decoy/build_and_hashes.log", decoy=True)
    g.write("""[2024-03-14 10:22:31,114] build 10.0.19045.3570 started (gcc 12.2.0, cmake 3.25.1)
commit 9fceb02d0ae598e95dc970b74767f19372d61af8
sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
md5: d41d8cd98f00b204e9800998ecf8427e
request-id: 550e8400-e29b-41d4-a716-446655440000
epoch_ms=1710411751114 epoch=1710411751
OID 1.2.840.113549.1.1.11
ISBN 978-0-306-40615-7 / ISBN-10 0-306-40615-2
version v4.111.1111.1111 (build 4111111111111111-nightly)
serial number: 4158675309-A
""")

    g.begin("decoy/placeholders.env", decoy=True)
    g.write("""# copy to .env and fill in
DB_PASSWORD=<your password>
ADMIN_PASSWORD=changeme
SMTP_PASSWORD=
REDIS_PASSWORD=${REDIS_PASSWORD}
API_KEY=YOUR_API_KEY_HERE
STRIPE_SECRET_KEY=sk_test_XXXXXXXXXXXXXXXXXXXXXXXX
AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
password=<your password>
password: ********
DATABASE_URL=postgres://user:password@localhost:5432/db
GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
""")

    g.begin("decoy/placeholders.yaml", decoy=True)
    g.write("""database:
  host: localhost
  user: app
  password: "{{ db_password }}"
  admin_password: <CHANGE_ME>
smtp:
  password: !vault |
    $ANSIBLE_VAULT;1.1;AES256
mq:
  url: amqp://guest:guest@localhost:5672/
redis:
  password: "your-redis-password"
""")

    g.begin("decoy/serials_and_times.txt", decoy=True)
    g.write("""Inventory export 2024-03-14 10:22:31Z
Part No. 212-867-5309  qty 4
Model: 415.555.0123
S/N: 312-867-5311
Timestamp: 20240314102231
Meeting 10:30-11:45, room 2.14
Invoice Date: 14/03/1985
Hire date: 1985-03-14
Lat/long +51.5074 -0.1278
""")

    g.begin("decoy/placeholders2.txt", decoy=True)
    g.write("""# README snippets
export OPENAI_API_KEY=<your-api-key>
token: <TOKEN>
AWS_SECRET_ACCESS_KEY=<secret>
api_key: sk_live_xxxxxxxxxxxxxxxxxxxxxxxx
password = os.environ["DB_PASSWORD"]
db.password=${DB_PASSWORD:changeme}
-----BEGIN RSA PRIVATE KEY-----
<paste your private key here>
-----END RSA PRIVATE KEY-----
ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA4nfmlYYy2ZdJ0lzWh9ZLrXCzSXHGHyxbAJ8mwdkcZ9xxzJTRQdQ9U8lPbCl7o+Rk6mV2Ezz9gYQ6g0hXSdrLZ5dN7lVx5y7CoVJ user@laptop
Authorization: Bearer <access_token>
sqlplus / as sysdba
mysql -u root -p
password: "REPLACE_WITH_REAL_PASSWORD"
password = "TODO"
db_password: "<db-password>"
<password>${DB_PASS}</password>
"password": "xxxxxx"
password: "{{PASSWORD}}"
password=$(cat /run/secrets/db)
password = "<%= @db_password %>"
password: ${{ secrets.DB_PASSWORD }}
token: "your-token-goes-here-123456"
""")

    g.begin("decoy/ids_and_numbers.txt", decoy=True)
    g.write("""Case No. 2024-000918   Docket 1:24-cv-01234
Tracking: 1Z999AA10123456784
ISBN: 9780306406157
EAN: 4006381333931
IMEI: 490154203237518
Build: 2024.03.14.1187  Version 12.4.1-rc2
Container digest sha256:4bcd9e36b0c6e4f7a8c1f0e2d3b5a6978812341234abcdef1234567890abcdef
Session: 8f14e45fceea167a5a36dedd4bea2543
IP 192.168.212.100 MAC 00:1A:2B:3C:4D:5E
Coordinates 40.7128, -74.0060
Price: 4532.01 USD, qty 1111
""")

    g.begin("decoy/git_remotes.txt")
    # user@host of an SSH remote is address-shaped and reported as an e-mail (docs/rules.md);
    # what must not be found here is a password in "user@host:path"
    for em in ("git@github.com", "git@gitlab.example.com", "deploy@build01.example.com"):
        g.plant("email", em, "ssh remote user@host (address-shaped)")
    g.write("""git@github.com:acme/billing.git
git@gitlab.example.com:ops/infra.git
deploy@build01.example.com:/srv/releases
""")

    g.begin("decoy/order_ids.json", decoy=True)
    # identifiers that happen to be card-shaped (brand prefix, length, Luhn: 1 random number in 10)
    ids = [g.card(p, 16) for p in ("4", "51", "4", "37")]
    g.write(json.dumps({"orders": [
        {"order_id": int(ids[0]), "status": "shipped", "invoiceNo": ids[1]},
        {"id": int(ids[2]), "tracking_number": ids[3][:15]}]}, indent=2) +
        "\nOrder #%s confirmed. Invoice No. %s\n" % (g.card("4", 16), g.card("55", 16)))

    g.begin("decoy/test_data_and_docs.txt", decoy=True)
    g.write("""# float table (signed, scientific and decimal notation)
+8917758713E-19
-6941755546E-20
+3200141789841E-25
rescale 222 +2.00100000000 -> NaN
toSci "+345678.5432" -> '345678.5432'
# documentation examples
user_info.parse_string("22 111-22-3333 #221B")
aws workmail create-user --name exampleUser --password examplePa$$w0rd
"IAMUserChangePassword": "arn:aws:iam::aws:policy/IAMUserChangePassword",
def prompt(message, is_password: FilterOrBool = False, multiline: FilterOrBool = False):
class Connection:
    user: Incomplete
    password: Incomplete
def pbkdf2(password: Union[bytes, str], salt: bytes) -> bytes: ...
def set_password(self, raw_password: Optional[str]) -> None: ...
""")


def load(name):
    """Another generator of tests/gen as a module (gen_rulesred3's Gen, gen_pdf's writers):
    the later red-team generators build on the earlier ones."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(gen_cls=None, *builders):
    """The command line every red-team generator shares: OUTDIR KEYFILE
    [--seed S]; a gen_cls (default Gen) is filled by each builder in turn
    and its answer key written to KEYFILE."""
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("keyfile")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    g = (gen_cls or Gen)(a.out, a.seed)
    for b in builders or (build,):
        b(g)
    with open(a.keyfile, "w", encoding="utf-8") as f:
        json.dump({"files": g.files}, f, indent=1, sort_keys=True, ensure_ascii=False)


if __name__ == "__main__":
    main()
