#!/usr/bin/env python3
"""Realistic secret and marking leak files with an answer key.

    gen_secrets_realistic.py OUTDIR [--seed N]

Writes the files real leaks hold secrets in, each with planted values of the
shape their vendor documents, and OUTDIR/key.json:

    {"planted": [{"file": rel, "entity": e, "norm": n, "kind": k}, ...],
     "decoys": [{"file": rel, "kind": k}, ...]}

`norm` is what leaksift fingerprints for that entity (docs/rules.md:
HMAC-SHA256(key, entity ":" norm)); `file` is the root file (a planted value
may sit in a member of a zip, docx, xlsx or e-mail); `kind` names the
secret's type for per-type recall. Decoy files hold only look-alikes
(documented example keys, placeholders, hashes of content, UUIDs, base64
blobs, minified code, "password" in prose and UI strings, words such as
"confidential" in running text): nothing in them may be reported.

Independent of gen_pii_realistic.py (no shared template). Vendor formats:
AWS IAM (AKIA + 16 base32, 40-character secret), GitHub (ghp_ + 36,
github_pat_ + 82), GitLab token prefixes (glpat-, gldt-, glrt-), Slack
(xoxb-/xoxp-/xapp-, hooks.slack.com), Stripe (sk_live_, rk_live_, whsec_),
Twilio (SK + 32 hex API key SID, 32-hex auth token), SendGrid (SG.22.43),
Mailgun (key- + 32), Telegram Bot API (digits:35), Discord (bot token, webhook
URL), Heroku (HRKU-AA + 58), Google (AIza + 35, service-account JSON), npm,
PyPI, Azure (storage AccountKey of 88 base64, Service Bus SharedAccessKey,
AD client secret xxxNQ~..., SAS sig=), PuTTY .ppk v2/v3, PEM/OpenSSH/PGP keys.
"""
import argparse
import base64
import hashlib
import io
import json
import os
import random
import string
import zipfile

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DI = string.digits
AN = UP + LO + DI
HEX = "0123456789abcdef"
B32 = UP + "234567"
B64 = AN + "+/"
URLSAFE = AN + "_-"
CRYPT64 = "./" + DI + UP + LO


class Gen:
    def __init__(self, out, seed):
        self.out = out
        self.r = random.Random(seed)
        self.planted = []
        self.decoys = []
        self.cur = None

    # ---- random values ----------------------------------------------------
    def s(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def mixed(self, alphabet, n):
        """n characters with an upper, a lower and a digit where the
        alphabet has them (real keys do, nearly always)."""
        while True:
            v = self.s(alphabet, n)
            need = [c for c in (UP, LO, DI) if any(x in alphabet for x in c)]
            if all(any(ch in c for ch in v) for c in need):
                return v

    def password(self):
        words = ["Summer", "Winter", "Falcon", "Harbor", "Maple", "Orion", "Velvet", "Cobalt",
                 "Tango", "Granite", "Sierra", "Juniper", "Nimbus", "Quartz"]
        style = self.r.randrange(4)
        if style == 0:
            return self.r.choice(words) + str(self.r.randrange(1990, 2030)) + self.r.choice("!#*.?")
        if style == 1:
            return self.mixed(AN, 3) + self.r.choice("!#%*") + self.mixed(AN, 6) + self.r.choice("@-_+") + self.s(DI, 2)
        if style == 2:
            return self.r.choice(words) + self.r.choice("-_.") + self.r.choice(words).lower() + self.s(DI, 2)
        return self.mixed(AN, self.r.randrange(12, 20))

    def url_password(self):
        return self.mixed(AN, 6) + self.r.choice("-_.~!*") + self.mixed(AN, 6)

    def aws_id(self, prefix="AKIA"):
        return prefix + self.mixed(B32.replace("A", ""), 16)

    def aws_secret(self):
        return self.mixed(B64, 40)

    def b64(self, nbytes):
        return base64.b64encode(bytes(self.r.randrange(256) for _ in range(nbytes))).decode()

    def pem_body(self, nbytes, width=64):
        b = self.b64(nbytes)
        return "\n".join(b[i:i + width] for i in range(0, len(b), width))

    # ---- recording ----------------------------------------------------------
    def plant(self, entity, norm, kind):
        self.planted.append({"file": self.cur, "entity": entity, "norm": norm, "kind": kind})
        return norm

    def write(self, rel, data):
        path = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)

    def begin(self, rel):
        self.cur = rel

    def decoy(self, rel, kind, data):
        self.decoys.append({"file": rel, "kind": kind})
        self.write(rel, data)


# ---- norms leaksift computes (docs/rules.md) ------------------------------------

def key_norm(block):
    """private_key: the base64 characters after the header line's closing
    dashes, JSON "\\n" escapes not counted, first 255."""
    h = block.index("-----", 11) + 5
    body = block[h:].replace("\\n", "").replace("\\r", "")
    end = body.find("-----END")
    if end >= 0:
        body = body[:end]
    return "".join(c for c in body if c.isalnum() and c.isascii() or c in "+/=")[:255]


def ppk_norm(text):
    """PuTTY key: the base64 of its Private-Lines, first 255."""
    at = text.index("Private-Lines:")
    body = text[text.index("\n", at) + 1:]
    return "".join(c for c in body.split("Private-MAC")[0] if c.isalnum() and c.isascii() or c in "+/=")[:255]


# ---- planted values, vendor by vendor ------------------------------------------

def tok_github(g):
    return g.plant("token", "ghp_" + g.mixed(AN, 36), "github")


def tok_github_pat(g):
    return g.plant("token", "github_pat_11" + g.mixed(UP + DI, 20) + "_" + g.mixed(AN, 59), "github_pat")


def tok_gitlab(g, prefix="glpat-"):
    return g.plant("token", prefix + g.mixed(AN, 20), "gitlab")


def tok_slack_bot(g):
    return g.plant("token", "xoxb-%s-%s-%s" % (g.s(DI, 12), g.s(DI, 13), g.mixed(AN, 24)), "slack")


def tok_slack_user(g):
    return g.plant("token", "xoxp-%s-%s-%s-%s" % (g.s(DI, 12), g.s(DI, 12), g.s(DI, 13), g.mixed(HEX, 32)),
                   "slack")


def tok_slack_app(g):
    return g.plant("token", "xapp-1-A%s-%s-%s" % (g.s(UP + DI, 10), g.s(DI, 13), g.mixed(HEX, 64)), "slack_app")


def tok_slack_hook(g):
    return g.plant("token", "https://hooks.slack.com/services/T%s/B%s/%s" % (g.s(UP + DI, 8), g.s(UP + DI, 10),
                                                                              g.mixed(AN, 24)), "slack_webhook")


def tok_stripe(g, kind="sk_live_"):
    return g.plant("token", kind + g.mixed(AN, 99 if g.r.random() < .5 else 24), "stripe")


def tok_stripe_whsec(g):
    return g.plant("token", "whsec_" + g.mixed(AN, 32), "stripe_whsec")


def tok_twilio_sk(g):
    return g.plant("token", "SK" + g.mixed(HEX, 32), "twilio_api_key")


def tok_sendgrid(g):
    return g.plant("token", "SG.%s.%s" % (g.mixed(URLSAFE, 22), g.mixed(URLSAFE, 43)), "sendgrid")


def tok_mailgun(g):
    return g.plant("token", "key-" + g.mixed(LO + DI, 32), "mailgun")


def tok_telegram(g):
    return g.plant("token", "%s:AA%s" % (g.r.choice("1234567") + g.s(DI, 9), g.mixed(URLSAFE, 33)), "telegram")


def tok_discord(g):
    uid = str(g.r.randrange(10 ** 17, 12 * 10 ** 17))
    first = base64.b64encode(uid.encode()).decode().rstrip("=")
    return g.plant("token", "%s.%s.%s" % (first, g.mixed(URLSAFE, 6), g.mixed(URLSAFE, 38)), "discord")


def tok_discord_hook(g):
    return g.plant("token", "https://discord.com/api/webhooks/%s/%s" % (g.s(DI, 19), g.mixed(URLSAFE, 68)),
                   "discord_webhook")


def tok_heroku(g):
    return g.plant("token", "HRKU-AA" + g.mixed(URLSAFE, 58), "heroku")


def tok_google(g):
    return g.plant("token", "AIza" + g.mixed(URLSAFE, 35), "google_api")


def tok_npm(g):
    return g.plant("token", "npm_" + g.mixed(AN, 36), "npm")


def tok_pypi(g):
    return g.plant("token", "pypi-AgEIcHlwaS5vcmc" + g.mixed(URLSAFE, 120), "pypi")


def tok_openai(g):
    return g.plant("token", "sk-proj-" + g.mixed(URLSAFE, 40) + "T3BlbkFJ" + g.mixed(URLSAFE, 40), "openai")


def tok_azure_client_secret(g):
    return g.plant("token", g.mixed(AN, 3) + g.r.choice(DI) + "Q~" + g.mixed(AN + "_~.-", 34), "azure_ad_secret")


def jwt(g):
    hdr = base64.urlsafe_b64encode(json.dumps({"alg": "RS256", "typ": "JWT", "kid": g.s(HEX, 8)}).encode()).decode().rstrip("=")
    pl = base64.urlsafe_b64encode(json.dumps({"sub": g.s(DI, 8), "iat": 1716000000 + g.r.randrange(10 ** 6),
                                              "scope": "read write"}).encode()).decode().rstrip("=")
    sig = g.mixed(URLSAFE, 86)
    g.plant("jwt", sig, "jwt")
    return "%s.%s.%s" % (hdr, pl, sig)


def pem(g, label, nbytes=600, headers=""):
    block = "-----BEGIN %s-----\n%s%s\n-----END %s-----\n" % (label, headers, g.pem_body(nbytes), label)
    g.plant("private_key", key_norm(block), "pem_" + label.lower().replace(" ", "_"))
    return block


def openssh(g):
    body = base64.b64encode(b"openssh-key-v1\0" + bytes(g.r.randrange(256) for _ in range(380))).decode()
    block = "-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----\n" % "\n".join(
        body[i:i + 70] for i in range(0, len(body), 70))
    g.plant("private_key", key_norm(block), "openssh")
    return block


def pgp(g):
    block = ("-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\nComment: User-ID:\tMaria Lopez "
             "<m.lopez@harborfreight-logistics.com>\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----\n"
             % (g.pem_body(900), g.mixed(AN, 4)))
    g.plant("private_key", key_norm(block), "pgp")
    return block


def ppk(g, version):
    pub = g.pem_body(270)
    priv = g.pem_body(640)
    lines = priv.split("\n")
    if version == 2:
        text = ("PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: rsa-key-20240311\n"
                "Public-Lines: %d\n%s\nPrivate-Lines: %d\n%s\nPrivate-MAC: %s\n"
                % (len(pub.split("\n")), pub, len(lines), priv, g.s(HEX, 40)))
    else:
        text = ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20240502\n"
                "Public-Lines: 2\n%s\nPrivate-Lines: %d\n%s\nPrivate-MAC: %s\n"
                % (g.pem_body(51), len(lines), priv, g.s(HEX, 64)))
    g.plant("private_key", ppk_norm(text), "ppk%d" % version)
    return text


def bcrypt(g):
    return g.plant("password_hash", "$2y$10$" + g.s(CRYPT64, 53), "bcrypt")


def sha512crypt(g, rounds=False):
    salt = g.s(CRYPT64, 16)
    pre = "$6$rounds=656000$" if rounds else "$6$"
    return g.plant("password_hash", pre + salt + "$" + g.s(CRYPT64, 86), "sha512crypt")


def md5crypt(g):
    return g.plant("password_hash", "$1$" + g.s(CRYPT64, 8) + "$" + g.s(CRYPT64, 22), "md5crypt")


def argon2(g):
    salt = base64.b64encode(bytes(g.r.randrange(256) for _ in range(16))).decode().rstrip("=")
    h = base64.b64encode(bytes(g.r.randrange(256) for _ in range(32))).decode().rstrip("=")
    return g.plant("password_hash", "$argon2id$v=19$m=65536,t=3,p=4$%s$%s" % (salt, h), "argon2")


def phpass(g):
    return g.plant("password_hash", "$P$B" + g.s(CRYPT64, 30), "phpass")


def django_pbkdf2(g):
    h = base64.b64encode(bytes(g.r.randrange(256) for _ in range(32))).decode()
    return g.plant("password_hash", "pbkdf2_sha256$600000$%s$%s" % (g.mixed(AN, 22), h), "django_pbkdf2")


def ntlm(g):
    return g.plant("password_hash", g.s(HEX, 32), "ntlm")


def pw(g, kind, value=None):
    return g.plant("password", value or g.password(), kind)


# ---- containers ---------------------------------------------------------------------

def zip_bytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 11, 8, 15, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def esc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def docx(paragraphs, table=None, header=None, footer=None):
    """A minimal Word document: paragraphs, one table (rows of cells), an
    optional header and footer line."""
    body = "".join('<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc(p) for p in paragraphs)
    if table:
        body += "<w:tbl>" + "".join(
            "<w:tr>" + "".join('<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>' % esc(c) for c in row) + "</w:tr>"
            for row in table) + "</w:tbl>"
    sect, rels, ct = "", "", ""
    parts = []
    for kind, text, rid in (("header", header, "rId10"), ("footer", footer, "rId11")):
        if text is None:
            continue
        parts.append(("word/%s1.xml" % kind, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                      '<w:%s %s><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:%s>' % ("hdr" if kind == "header" else "ftr",
                                                                             W, esc(text), "hdr" if kind == "header" else "ftr")))
        sect += '<w:%sReference w:type="default" r:id="%s"/>' % (kind, rid)
        rels += ('<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" '
                 'Target="%s1.xml"/>' % (rid, kind, kind))
        ct += ('<Override PartName="/word/%s1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
               'wordprocessingml.%s+xml"/>' % (kind, kind))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s<w:sectPr>%s</w:sectPr>'
           '</w:body></w:document>' % (W, body, sect))
    members = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.'
         'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
         'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
         'wordprocessingml.document.main+xml"/>%s</Types>' % ct),
        ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
         'org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml", doc),
        ("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
         'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % rels),
    ] + parts
    return zip_bytes(members)


def xlsx(rows, sheet="Sheet1"):
    strings, index = [], {}

    def si(v):
        if v not in index:
            index[v] = len(strings)
            strings.append(v)
        return index[v]
    data = ""
    for i, row in enumerate(rows, 1):
        data += '<row r="%d">' % i
        for j, v in enumerate(row):
            data += '<c r="%s%d" t="s"><v>%d</v></c>' % ("ABCDEFGHIJ"[j], i, si(v))
        data += "</row>"
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    members = [
        ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.'
         'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
         'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
         'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
         'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
         'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
        ("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/officeDocument" '
         'Target="xl/workbook.xml"/></Relationships>' % rel),
        ("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook %s xmlns:r="%s">'
         '<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % (ns, rel, sheet)),
        ("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
         'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
         'Type="%s/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="%s/sharedStrings" '
         'Target="sharedStrings.xml"/></Relationships>' % (rel, rel)),
        ("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet %s>'
         '<sheetData>%s</sheetData></worksheet>' % (ns, data)),
        ("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst %s count="%d" '
         'uniqueCount="%d">%s</sst>' % (ns, len(strings), len(strings),
                                        "".join("<si><t>%s</t></si>" % esc(s) for s in strings))),
    ]
    return zip_bytes(members)


def eml(frm, to, subject, body, attachments=()):
    bnd = "=_leak_%08x" % (hash(subject) & 0xffffffff)
    out = ("From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: Mon, 11 Mar 2024 09:14:02 +0000\r\n"
           "Message-ID: <20240311091402.4417@mail.harborfreight-logistics.com>\r\nMIME-Version: 1.0\r\n"
           % (frm, to, subject))
    if not attachments:
        return out + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body.replace("\n", "\r\n")
    out += 'Content-Type: multipart/mixed; boundary="%s"\r\n\r\n--%s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n' % (
        bnd, bnd, body.replace("\n", "\r\n"))
    for name, data in attachments:
        b = base64.b64encode(data.encode() if isinstance(data, str) else data).decode()
        out += ('--%s\r\nContent-Type: application/octet-stream; name="%s"\r\nContent-Disposition: attachment; '
                'filename="%s"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n'
                % (bnd, name, name, "\r\n".join(b[i:i + 76] for i in range(0, len(b), 76))))
    return out + "--%s--\r\n" % bnd


# ---- plain-text leak files ---------------------------------------------------------------

def dotenv(g, i):
    g.begin("app%d/.env" % i)
    db = pw(g, "env_db_password")
    up = g.url_password()
    g.plant("password", up, "env_database_url")
    t = ["# production - do not commit", "APP_ENV=production", "APP_DEBUG=false",
         "APP_KEY=base64:%s" % g.plant("token", g.b64(32), "laravel_app_key"),
         "DB_CONNECTION=mysql", "DB_HOST=10.20.4.15", "DB_PORT=3306", "DB_DATABASE=shop_prod",
         "DB_USERNAME=shop", "DB_PASSWORD=%s" % db,
         "DATABASE_URL=postgres://app_rw:%s@db-prod-01.internal:5432/app" % up,
         "REDIS_PASSWORD=\"%s\"" % pw(g, "env_redis_password"),
         "AWS_ACCESS_KEY_ID=%s" % g.plant("aws_key", g.aws_id(), "aws_key_id"),
         "AWS_SECRET_ACCESS_KEY=%s" % g.plant("aws_secret", g.aws_secret(), "aws_secret"),
         "AWS_DEFAULT_REGION=eu-west-1",
         "STRIPE_KEY=pk_live_%s" % g.mixed(AN, 24),
         "STRIPE_SECRET=%s" % tok_stripe(g),
         "STRIPE_WEBHOOK_SECRET=%s" % tok_stripe_whsec(g),
         "SENDGRID_API_KEY=%s" % tok_sendgrid(g),
         "MAILGUN_SECRET=%s" % tok_mailgun(g),
         "MAILGUN_DOMAIN=mg.harborfreight-logistics.com",
         "TWILIO_ACCOUNT_SID=AC%s" % g.s(HEX, 32),
         "TWILIO_API_KEY=%s" % tok_twilio_sk(g),
         "TWILIO_AUTH_TOKEN=%s" % g.plant("token", g.mixed(HEX, 32), "twilio_auth_token"),
         "TELEGRAM_BOT_TOKEN=%s" % tok_telegram(g),
         "SLACK_BOT_TOKEN=%s" % tok_slack_bot(g),
         "GITHUB_TOKEN=%s" % tok_github(g),
         "JWT_SECRET=%s" % g.plant("token", g.mixed(AN, 48), "jwt_secret"),
         "SESSION_SECRET='%s'" % g.plant("token", g.mixed(AN + "-_", 40), "session_secret"),
         "MAIL_PASSWORD=%s" % pw(g, "env_mail_password"),
         "SENTRY_DSN=https://%s@o123456.ingest.sentry.io/4504" % g.s(HEX, 32)]
    g.write(g.cur, "\n".join(t) + "\n")


def compose(g):
    g.begin("deploy/docker-compose.yml")
    t = """version: "3.8"
services:
  db:
    image: postgres:15
    environment:
      POSTGRES_USER: harbor
      POSTGRES_PASSWORD: %s
      POSTGRES_DB: harbor
  mysql:
    image: mysql:8
    environment:
      - MYSQL_ROOT_PASSWORD=%s
      - MYSQL_PASSWORD=%s
  api:
    image: registry.harborfreight-logistics.com/api:2.4.1
    environment:
      DATABASE_URL: "mysql://api:%s@mysql:3306/api"
      DISCORD_BOT_TOKEN: "%s"
      HEROKU_API_KEY: %s
      OPENAI_API_KEY: %s
""" % (pw(g, "compose_password"), pw(g, "compose_password"), pw(g, "compose_password"),
       g.plant("password", g.url_password(), "compose_url"), tok_discord(g), tok_heroku(g), tok_openai(g))
    g.write(g.cur, t)


def k8s(g):
    g.begin("deploy/k8s/secrets.yaml")
    plain = g.password()
    enc = base64.b64encode(plain.encode()).decode()
    g.plant("password", enc, "k8s_secret_data")
    # leaksift decodes a Secret's data values (src/extract/k8ssecret.c): the
    # password itself is found too
    g.plant("password", plain, "k8s_secret_data_decoded")
    t = """apiVersion: v1
kind: Secret
metadata:
  name: harbor-db
  namespace: prod
type: Opaque
data:
  username: aGFyYm9y
  password: %s
---
apiVersion: v1
kind: Secret
metadata:
  name: harbor-api
stringData:
  DB_PASSWORD: "%s"
  GITLAB_TOKEN: %s
  SLACK_WEBHOOK_URL: %s
---
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: api
          env:
            - name: SPRING_DATASOURCE_PASSWORD
              value: "%s"
            - name: GOOGLE_MAPS_KEY
              value: %s
""" % (enc, pw(g, "k8s_string_data"), tok_gitlab(g), tok_slack_hook(g), pw(g, "k8s_env_value"), tok_google(g))
    g.write(g.cur, t)


def json_config(g):
    g.begin("config/production.json")
    d = {"server": {"port": 8443, "host": "0.0.0.0"},
         "database": {"host": "sql-prod.harbor.local", "user": "svc_orders", "password": pw(g, "json_password"),
                      "pool": 20},
         "smtp": {"host": "smtp.office365.com", "username": "noreply@harborfreight-logistics.com",
                  "pass": g.password()},
         "stripe": {"secretKey": tok_stripe(g, "rk_live_")},
         "sendgrid": {"apiKey": tok_sendgrid(g)},
         "auth": {"clientId": "9d4f3c1e-0b7a-4a55-9b6e-2f1c8d7e6a5b", "clientSecret": tok_azure_client_secret(g),
                  "tenant": "harborfreight.onmicrosoft.com"},
         "slack": {"appToken": tok_slack_app(g), "userToken": tok_slack_user(g)}}
    g.write(g.cur, json.dumps(d, indent=2) + "\n")


def gcp_json(g):
    g.begin("keys/harbor-prod-4d2f1a.json")
    keyid = g.plant("gcp_key", g.s(HEX, 40), "gcp_key_id")
    block = "-----BEGIN PRIVATE KEY-----\n%s\n-----END PRIVATE KEY-----\n" % g.pem_body(1216)
    g.plant("private_key", key_norm(block.replace("\n", "\\n")), "gcp_private_key")
    d = {"type": "service_account", "project_id": "harbor-prod-4d2f1a", "private_key_id": keyid,
         "private_key": block, "client_email": "deployer@harbor-prod-4d2f1a.iam.gserviceaccount.com",
         "client_id": g.s(DI, 21), "auth_uri": "https://accounts.google.com/o/oauth2/auth",
         "token_uri": "https://oauth2.googleapis.com/token"}
    g.write(g.cur, json.dumps(d, indent=2) + "\n")


def dotfiles(g):
    g.begin("home/mlopez/.npmrc")
    auth = base64.b64encode(("mlopez:" + g.password()).encode()).decode()
    g.plant("password", auth, "npmrc_auth")
    g.write(g.cur, "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=%s\n"
            "@harbor:registry=https://npm.harborfreight-logistics.com/\n"
            "//npm.harborfreight-logistics.com/:_auth=%s\nalways-auth=true\n" % (tok_npm(g), auth))
    g.begin("home/mlopez/.pypirc")
    g.write(g.cur, "[distutils]\nindex-servers =\n    pypi\n    internal\n\n[pypi]\nusername = __token__\n"
            "password = %s\n\n[internal]\nrepository = https://pypi.harbor.local/simple\nusername = mlopez\n"
            "password = %s\n" % (tok_pypi(g), pw(g, "pypirc_password")))
    g.begin("home/mlopez/.netrc")
    g.write(g.cur, "machine api.heroku.com\n  login m.lopez@harborfreight-logistics.com\n  password %s\n"
            "machine git.heroku.com\n  login m.lopez@harborfreight-logistics.com\n  password %s\n"
            "machine ftp.harbor.local login backup password %s\n"
            % (tok_heroku(g), g.planted[-1]["norm"], pw(g, "netrc_password")))
    g.begin("home/mlopez/.git-credentials")
    g.write(g.cur, "https://mlopez:%s@github.com\nhttps://oauth2:%s@gitlab.harborfreight-logistics.com\n"
            "https://mlopez:%s@bitbucket.org\n" % (tok_github(g), tok_gitlab(g), pw(g, "git_credentials",
                                                                                   g.url_password())))
    g.begin("home/mlopez/.docker/config.json")
    dauth = base64.b64encode(("mlopez:" + g.password()).encode()).decode()
    g.plant("password", dauth, "docker_auth")
    g.write(g.cur, json.dumps({"auths": {"registry.harborfreight-logistics.com": {"auth": dauth}},
                               "credsStore": ""}, indent="\t") + "\n")
    g.begin("home/mlopez/.aws/credentials")
    g.write(g.cur, "[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n\n[deploy]\n"
            "aws_access_key_id=%s\naws_secret_access_key=%s\naws_session_token=%s\n"
            % (g.plant("aws_key", g.aws_id(), "aws_key_id"), g.plant("aws_secret", g.aws_secret(), "aws_secret"),
               g.plant("aws_key", g.aws_id("ASIA"), "aws_key_id"), g.plant("aws_secret", g.aws_secret(), "aws_secret"),
               g.b64(180)))


def properties(g):
    g.begin("src/main/resources/application-prod.properties")
    g.write(g.cur, "spring.datasource.url=jdbc:postgresql://pg-prod.harbor.local:5432/tms\n"
            "spring.datasource.username=tms\nspring.datasource.password=%s\n"
            "spring.mail.host=smtp.sendgrid.net\nspring.mail.username=apikey\nspring.mail.password=%s\n"
            "app.jwt.secret=%s\nldap.bind.password = %s\n"
            "# Keystore\nserver.ssl.key-store-password=%s\n"
            % (pw(g, "properties_password"), tok_sendgrid(g), g.plant("token", g.mixed(AN, 64), "jwt_secret"),
               pw(g, "properties_password"), pw(g, "properties_password")))


def php(g):
    g.begin("www/config/database.php")
    g.write(g.cur, "<?php\nreturn [\n    'default' => 'mysql',\n    'connections' => [\n        'mysql' => [\n"
            "            'host' => '127.0.0.1',\n            'database' => 'crm',\n            'username' => 'crm',\n"
            "            'password' => '%s',\n        ],\n        'legacy' => array(\n            \"password\" => \"%s\",\n"
            "        ),\n    ],\n];\n$db_pass = '%s';\n$config['smtp_pass'] = \"%s\";\n"
            "define('DB_PASSWORD', '%s');\n"
            % (pw(g, "php_array_password"), pw(g, "php_array_password"), pw(g, "php_db_pass"),
               pw(g, "php_smtp_pass"), pw(g, "php_define")))


def webconfig(g):
    g.begin("iis/web.config")
    key = g.plant("token", g.b64(64), "azure_storage_key")
    sak = g.plant("token", g.b64(32), "azure_sas_key")
    vk = g.plant("token", g.s("0123456789ABCDEF", 128), "machine_key")
    g.write(g.cur, """<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <connectionStrings>
    <add name="Orders" connectionString="Server=tcp:harbor-sql.database.windows.net,1433;Initial Catalog=orders;User ID=ordersvc;Password=%s;Encrypt=True;" providerName="System.Data.SqlClient" />
    <add name="Legacy" connectionString="Data Source=SQL01\\PROD;Initial Catalog=legacy;uid=sa;pwd=%s" />
  </connectionStrings>
  <appSettings>
    <add key="StorageConnectionString" value="DefaultEndpointsProtocol=https;AccountName=harborprod;AccountKey=%s;EndpointSuffix=core.windows.net" />
    <add key="ServiceBus" value="Endpoint=sb://harbor.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s" />
  </appSettings>
  <system.web>
    <machineKey validationKey="%s" decryptionKey="%s" validation="HMACSHA256" decryption="AES" />
  </system.web>
</configuration>
""" % (pw(g, "connstr_password"), pw(g, "connstr_pwd"), key, sak, vk,
       g.plant("token", g.s("0123456789ABCDEF", 64), "machine_key")))
    g.begin("api/appsettings.Production.json")
    g.write(g.cur, json.dumps({
        "ConnectionStrings": {"Default": "Server=sql02.harbor.local;Database=Billing;User Id=billing;Password=%s;"
                              % pw(g, "connstr_password"),
                              "Redis": "redis-prod.harbor.local:6380,password=%s,ssl=True" % pw(g, "connstr_password")},
        "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=harborfn;AccountKey=%s;"
                               "EndpointSuffix=core.windows.net" % g.plant("token", g.b64(64), "azure_storage_key"),
        "AzureAd": {"Instance": "https://login.microsoftonline.com/", "ClientSecret": tok_azure_client_secret(g)},
        "Blob": {"SasUrl": "https://harborprod.blob.core.windows.net/exports?sv=2022-11-02&ss=b&srt=co&sp=rl"
                 "&se=2025-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=%s" %
                 g.plant("token", g.b64(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"), "azure_sas")},
    }, indent=2) + "\n")


def sql_dump(g):
    g.begin("backup/users.sql")
    rows = []
    for i, fn in enumerate([bcrypt, bcrypt, sha512crypt, argon2, phpass, django_pbkdf2, md5crypt]):
        rows.append("(%d,'user%d','user%d@harborfreight-logistics.com','%s','2023-0%d-1%d 10:22:0%d')"
                    % (i + 1, i, i, fn(g), i % 9 + 1, i % 10, i % 10))
    g.write(g.cur, "-- MySQL dump 10.13  Distrib 8.0.33\n-- Host: localhost    Database: crm\n\n"
            "DROP TABLE IF EXISTS `users`;\nCREATE TABLE `users` (\n  `id` int NOT NULL AUTO_INCREMENT,\n"
            "  `login` varchar(64) NOT NULL,\n  `email` varchar(255) NOT NULL,\n  `password_hash` varchar(255) NOT NULL,\n"
            "  `created_at` datetime DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n\n"
            "LOCK TABLES `users` WRITE;\nINSERT INTO `users` VALUES %s;\nUNLOCK TABLES;\n\n"
            "COPY public.auth_user (id, password, username) FROM stdin;\n1\t%s\tadmin\n\\.\n"
            % (",".join(rows), django_pbkdf2(g)))
    g.begin("backup/pwdump.txt")
    lines = []
    for name, rid in (("Administrator", 500), ("Guest", 501), ("krbtgt", 502), ("svc_backup", 1104), ("mlopez", 1107)):
        lines.append("%s:%d:aad3b435b51404eeaad3b435b51404ee:%s:::" % (name, rid, ntlm(g)))
    lines.append("HARBOR\\jdoe:1109:%s:%s:::" % (g.s(HEX, 32), ntlm(g)))
    g.write(g.cur, "\n".join(lines) + "\n")
    g.begin("backup/etc/shadow")
    g.write(g.cur, "root:%s:19420:0:99999:7:::\ndaemon:*:19420:0:99999:7:::\nmlopez:%s:19501:0:99999:7:::\n"
            "deploy:%s:19502:0:99999:7:::\nsshd:!:19420::::::\n" % (sha512crypt(g), sha512crypt(g, True), md5crypt(g)))


def history(g):
    g.begin("home/mlopez/.bash_history")
    cmds = ["ls -la", "cd /srv/harbor",
            "mysql -u root -p%s crm" % pw(g, "mysql_p"),
            "mysqldump -uroot -p'%s' --all-databases > all.sql" % pw(g, "mysql_p"),
            "curl -u admin:%s https://jenkins.harbor.local/api/json" % pw(g, "curl_u"),
            "curl --user 'deploy:%s' -X POST https://nexus.harbor.local/service/rest/v1/components" % pw(g, "curl_u"),
            "curl -H \"Authorization: Bearer %s\" https://api.github.com/user" % tok_github(g),
            "curl -H 'Authorization: Basic %s' https://artifactory.harbor.local/api" % g.plant(
                "password", base64.b64encode(("ci:" + g.password()).encode()).decode(), "basic_auth"),
            "sshpass -p '%s' ssh admin@10.20.4.15" % pw(g, "sshpass"),
            "docker login -u mlopez -p %s registry.harborfreight-logistics.com" % pw(g, "docker_login"),
            "redis-cli -h redis-prod -a %s" % pw(g, "redis_cli"),
            "export PGPASSWORD=%s" % pw(g, "pgpassword"),
            "psql -h pg-prod -U tms", "git push origin main",
            "export AWS_SECRET_ACCESS_KEY=%s" % g.plant("aws_secret", g.aws_secret(), "aws_secret"),
            "openssl pkcs12 -export -in cert.pem -inkey key.pem -out cert.p12 -passout pass:%s" % pw(g, "openssl_pass"),
            "htop", "exit"]
    g.write(g.cur, "\n".join(cmds) + "\n")


def keys(g):
    g.begin("home/mlopez/.ssh/id_rsa")
    g.write(g.cur, pem(g, "RSA PRIVATE KEY", 1190))
    g.begin("home/mlopez/.ssh/id_ed25519")
    g.write(g.cur, openssh(g))
    g.begin("certs/server.key")
    g.write(g.cur, pem(g, "PRIVATE KEY", 1216))
    g.begin("certs/ec.key")
    g.write(g.cur, "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + pem(g, "EC PRIVATE KEY", 121))
    g.begin("certs/legacy-enc.key")
    g.write(g.cur, pem(g, "RSA PRIVATE KEY", 1190, "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,%s\n\n" % g.s("0123456789ABCDEF", 32)))
    g.begin("certs/pkcs8-enc.pem")
    g.write(g.cur, pem(g, "ENCRYPTED PRIVATE KEY", 1250))
    g.begin("keys/mlopez-secret.asc")
    g.write(g.cur, pgp(g))
    g.begin("keys/deploy.ppk")
    g.write(g.cur, ppk(g, 2))
    g.begin("keys/jump-host.ppk")
    g.write(g.cur, ppk(g, 3))


def logs(g):
    g.begin("logs/api-gateway.log")
    lines = []
    for i in range(6):
        lines.append('2024-03-11T09:%02d:13Z INFO request id=%s path=/v1/orders auth="Bearer %s" status=200'
                     % (i, g.s(HEX, 16), jwt(g)))
    lines.append("2024-03-11T09:07:13Z WARN webhook discord %s failed" % tok_discord_hook(g))
    lines.append("2024-03-11T09:08:02Z DEBUG google maps key=%s" % tok_google(g))
    g.write(g.cur, "\n".join(lines) + "\n")


def ci(g):
    g.begin("repo/.gitlab-ci.yml")
    g.write(g.cur, "variables:\n  DOCKER_DRIVER: overlay2\n  NPM_TOKEN: %s\n  GITLAB_DEPLOY_TOKEN: %s\n"
            "  RUNNER_TOKEN: %s\n  HF_TOKEN: hf_%s\n\ndeploy:\n  script:\n    - echo $NPM_TOKEN\n"
            "    - curl -X POST -F token=%s https://gitlab.harbor.local/api/v4/projects/12/trigger/pipeline\n"
            % (tok_npm(g), tok_gitlab(g, "gldt-"), tok_gitlab(g, "glrt-"),
               g.plant("token", "hf_" + g.mixed(UP + LO, 34), "huggingface")[3:], tok_gitlab(g, "glptt-")))
    g.begin("repo/scripts/notify.py")
    g.write(g.cur, "import requests\n\nSLACK = '%s'\nBOT_TOKEN = \"%s\"\nGH_PAT = '%s'\n"
            "DO_TOKEN = 'dop_v1_%s'\nSHOPIFY = 'shpat_%s'\n\ndef send(msg):\n    requests.post(SLACK, json={'text': msg})\n"
            % (tok_slack_hook(g), tok_telegram(g), tok_github_pat(g),
               g.plant("token", "dop_v1_" + g.mixed(HEX, 64), "digitalocean")[7:],
               g.plant("token", "shpat_" + g.mixed(HEX, 32), "shopify")[6:]))


# ---- documents, spreadsheets, mail, archives ---------------------------------------------

def mark(g, text, kind="marking"):
    """A marking: scored per file (the finding's text must contain it or lie
    inside it, any case)."""
    return g.plant("marking", text, kind)


def documents(g):
    g.begin("shares/Legal/Settlement memo.docx")
    g.write(g.cur, docx(
        ["MEMORANDUM", "To: Executive Committee", "From: Office of General Counsel",
         "Re: Draft settlement terms with Corvane Shipping",
         "This memo summarises our exposure and the proposed terms. %s." % mark(g, "Attorney Work Product"),
         "The data room credentials for the mediator are below; the account expires on 30 April."],
        table=[["System", "Username", "Password"],
               ["Data room", "mediator01", pw(g, "docx_table", "Harbor" + g.s(DI, 4) + "!dr")],
               ["SFTP", "corvane-xfer", pw(g, "docx_table", g.mixed(AN, 6) + g.s(DI, 4))]],
        header=mark(g, "PRIVILEGED & CONFIDENTIAL"), footer=mark(g, "Attorney-Client Privileged")))
    g.begin("shares/IT/Runbook - payment gateway.docx")
    g.write(g.cur, docx(
        ["Payment gateway runbook", "Classification: %s" % mark(g, "Internal Use Only"),
         "Production Stripe key: %s" % tok_stripe(g),
         "Ops bot: Slack token %s" % tok_slack_bot(g),
         "Break-glass admin password: %s (rotate after use)" % pw(g, "docx_prose")]))
    g.begin("shares/IT/passwords.xlsx")
    rows = [["System", "URL", "Username", "Password", "Notes"]]
    for name in ("VPN", "Firewall", "vCenter", "Backup NAS", "Domain admin"):
        rows.append([name, "https://%s.harbor.local" % name.lower().replace(" ", ""), "admin",
                     pw(g, "xlsx_password_column", g.r.choice(["Summer", "Harbor", "Winter"]) + g.s(DI, 4) + "!"),
                     "rotated 2024-02"])
    g.write(g.cur, xlsx(rows, "Credentials"))
    g.begin("shares/IT/browser-export.csv")
    lines = ["name,url,username,password,note"]
    for site in ("github.com", "aws.amazon.com", "portal.azure.com", "mail.harborfreight-logistics.com"):
        lines.append("%s,https://%s/login,m.lopez@harborfreight-logistics.com,%s," % (site, site, pw(g, "browser_csv", g.password())))
    g.write(g.cur, "\n".join(lines) + "\n")
    g.begin("shares/IT/lastpass_export.csv")
    lines = ["url,username,password,totp,extra,name,grouping,fav"]
    for site in ("https://vpn.harbor.local", "https://jira.harbor.local", "http://sn"):
        lines.append("%s,jdoe,%s,,,%s,Work,0" % (site, pw(g, "browser_csv", g.password()), site.split("//")[1]))
    g.write(g.cur, "\n".join(lines) + "\n")


def mails(g):
    g.begin("mail/temp-password.eml")
    g.write(g.cur, eml("IT Service Desk <servicedesk@harborfreight-logistics.com>", "Dana Whitfield <d.whitfield@harborfreight-logistics.com>",
                       "Your account has been reset",
                       "Hi Dana,\n\nYour account has been unlocked. Your temporary password is %s\n\n"
                       "You will be asked to choose a new password at first login.\n\nIT Service Desk\n"
                       % pw(g, "email_temp_password", g.password().rstrip(".?"))))
    g.begin("mail/vpn-access.eml")
    g.write(g.cur, eml("Rob Ellery <r.ellery@harborfreight-logistics.com>", "contractor@corvane.example",
                       "%s: VPN access" % mark(g, "CONFIDENTIAL"),
                       "Hi,\n\nAs discussed, here are your VPN details.\nUsername: corvane-ext\nPassword: %s\n\n"
                       "The initial password for the portal is %s - please change it.\n\nRob\n\n"
                       "--\nThis e-mail is intended only for the addressee.\n"
                       % (pw(g, "email_password_label"), pw(g, "email_initial_password"))))
    g.begin("mail/deploy-keys.eml")
    g.write(g.cur, eml("Rob Ellery <r.ellery@harborfreight-logistics.com>", "m.lopez@harborfreight-logistics.com",
                       "prod keys", "Attached the prod env and the deploy key. Don't forward.\n",
                       attachments=[("prod.env", "AWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\n" % (
                           g.plant("aws_key", g.aws_id(), "aws_key_id"), g.plant("aws_secret", g.aws_secret(), "aws_secret"))),
                                    ("deploy_key", openssh(g))]))


def archive(g):
    g.begin("exfil/home-backup.zip")
    members = [("home/ci/.git-credentials", "https://ci-bot:%s@github.com\n" % tok_github(g)),
               ("home/ci/.ssh/id_ecdsa", pem(g, "EC PRIVATE KEY", 121)),
               ("home/ci/.config/gh/hosts.yml", "github.com:\n    oauth_token: %s\n    user: ci-bot\n" %
                g.plant("token", "gho_" + g.mixed(AN, 36), "github")),
               ("home/ci/.env", "DB_PASSWORD='%s'\nSTRIPE_KEY=%s\n" % (pw(g, "zip_env"), tok_stripe(g))),
               ("home/ci/notes.docx", docx(["%s" % mark(g, "STRICTLY CONFIDENTIAL"), "Root password for bastion: %s"
                                            % pw(g, "zip_docx_prose")]))]
    g.write(g.cur, zip_bytes(members))


def markings(g):
    g.begin("shares/Board/minutes-2024-02.txt")
    g.write(g.cur, "%s\n\nBOARD OF DIRECTORS - MINUTES\n\nPresent: ...\n\n%s - %s\n"
            % (mark(g, "COMPANY CONFIDENTIAL"), mark(g, "Do Not Distribute"), mark(g, "Not for external distribution")))
    g.begin("shares/Gov/cable-2291.txt")
    g.write(g.cur, "%s\n\nSUBJECT: (U) PORT LOGISTICS REVIEW\n\n1. %s Summary of findings follows.\n"
            "2. %s Vendor access remains under review.\n\n%s\n"
            % (mark(g, "SECRET//NOFORN"), mark(g, "(S//NF)"), mark(g, "(U//FOUO)"), mark(g, "SECRET//NOFORN")))
    g.begin("shares/Gov/brief.txt")
    g.write(g.cur, "%s\nCLASSIFIED BY: J. Smith\n\nOverview of the programme.\n\n%s\n"
            % (mark(g, "TOP SECRET//SI//NOFORN"), mark(g, "FOR OFFICIAL USE ONLY")))
    g.begin("shares/Gov/cui-notice.txt")
    g.write(g.cur, "%s\nControlled by: Department of Logistics\nCUI Category: PRVCY\n\n"
            "This document contains %s.\n" % (mark(g, "CUI"), mark(g, "Controlled Unclassified Information")))
    g.begin("shares/Security/incident-2024-07.txt")
    g.write(g.cur, "%s\n\nIncident report 2024-07: credential stuffing against the customer portal.\n"
            % mark(g, "TLP:AMBER"))
    g.begin("shares/Legal/production-vol3.txt")
    g.write(g.cur, "HARBOR-0001123\n%s\nSubject to protective order\n"
            % mark(g, "HIGHLY CONFIDENTIAL - ATTORNEYS' EYES ONLY"))
    g.begin("shares/Product/roadmap.txt")
    g.write(g.cur, "%s\n\nRoadmap FY25 - %s\n" % (mark(g, "Proprietary and Confidential"), mark(g, "For Internal Use Only")))
    g.begin("shares/Gov/noforn.txt")
    g.write(g.cur, "Distribution: %s\nRelease to partners only after review.\n" % mark(g, "NOFORN"))


# ---- decoys: nothing in these may be reported ------------------------------------------

def more_formats(g):
    g.begin("iis/legacy/web.config")
    g.write(g.cur, '<?xml version="1.0"?>\n<configuration>\n  <appSettings>\n    <add key="SmtpHost" value="smtp.harbor.local" />\n'
            '    <add key="SmtpPassword" value="%s" />\n    <add key="Ldap:BindPassword" value="%s" />\n  </appSettings>\n'
            '</configuration>\n' % (pw(g, "appsettings_kv"), pw(g, "appsettings_kv")))
    g.begin("docker/api/Dockerfile")
    g.write(g.cur, "FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nENV DB_PASSWORD %s\nENV SENTRY_ENV=prod\n"
            "COPY . /app\nRUN pip install -r /app/requirements.txt\nCMD [\"gunicorn\", \"app:app\"]\n" % pw(g, "dockerfile_env"))
    g.begin("backup/grants.sql")
    g.write(g.cur, "CREATE USER 'reporting'@'%%' IDENTIFIED BY '%s';\nGRANT SELECT ON crm.* TO 'reporting'@'%%';\n"
            "ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY '%s';\n"
            "CREATE ROLE etl WITH LOGIN PASSWORD '%s';\n" % (pw(g, "sql_identified_by"), pw(g, "sql_identified_by"),
                                                             pw(g, "sql_password")))
    g.begin("scripts/Deploy-Site.ps1")
    g.write(g.cur, "$user = 'HARBOR\\svc_deploy'\n$pass = ConvertTo-SecureString \"%s\" -AsPlainText -Force\n"
            "$cred = New-Object System.Management.Automation.PSCredential($user, $pass)\n"
            "Invoke-Command -ComputerName web01 -Credential $cred -ScriptBlock { iisreset }\n" % pw(g, "powershell_securestring"))
    g.begin("home/mlopez/.config/filezilla/recentservers.xml")
    fz = g.password()
    g.write(g.cur, '<?xml version="1.0" encoding="UTF-8"?>\n<FileZilla3>\n <RecentServers>\n  <Server>\n   <Host>ftp.harbor.local</Host>\n'
            '   <Port>21</Port>\n   <User>backup</User>\n   <Pass encoding="base64">%s</Pass>\n  </Server>\n </RecentServers>\n</FileZilla3>\n'
            % g.plant("password", base64.b64encode(fz.encode()).decode(), "filezilla"))
    g.begin("etc/wpa_supplicant/wpa_supplicant.conf")
    g.write(g.cur, 'ctrl_interface=DIR=/var/run/wpa_supplicant\nnetwork={\n    ssid="HARBOR-CORP"\n    psk="%s"\n    key_mgmt=WPA-PSK\n}\n'
            % pw(g, "wifi_psk", g.password() + "x9"))
    g.begin("ansible/inventory/prod.ini")
    g.write(g.cur, "[web]\nweb01 ansible_host=10.20.4.21 ansible_user=deploy ansible_become_pass=%s\n\n[db:vars]\nansible_ssh_pass=%s\n"
            % (pw(g, "ansible_pass"), pw(g, "ansible_pass")))
    g.begin("home/dba/.bash_history")
    g.write(g.cur, "sqlcmd -S sql01 -U sa -P %s -Q \"SELECT @@VERSION\"\nmongodump --host mongo01 --username admin --password %s --out /backup\n"
            % (pw(g, "sqlcmd_P"), pw(g, "cli_generic_password")))
    g.begin("app2/.env")
    vals = (g.plant("token", "ATATT3xFfGF0" + g.mixed(URLSAFE, 170) + "=" + g.s("0123456789ABCDEF", 8), "atlassian"),
            g.plant("token", "sk-ant-api03-" + g.mixed(URLSAFE, 93) + "AA", "anthropic"),
            g.plant("token", "NRAK-" + g.mixed(UP + DI, 27), "newrelic"),
            g.plant("token", "PMAK-%s-%s" % (g.mixed(HEX, 24), g.mixed(HEX, 34)), "postman"),
            g.plant("token", "dapi" + g.mixed(HEX, 32), "databricks"),
            g.plant("token", "glsa_%s_%s" % (g.mixed(AN, 32), g.mixed(HEX, 8)), "grafana"),
            g.plant("token", "access_token$production$%s$%s" % (g.mixed(LO + DI, 16), g.mixed(HEX, 32)), "braintree"),
            g.plant("token", "GOCSPX-" + g.mixed(URLSAFE, 28), "google_oauth"),
            one_line_key(g))
    g.write(g.cur, "ATLASSIAN_API_TOKEN=%s\nANTHROPIC_API_KEY=%s\nNEW_RELIC_USER_KEY=%s\nPOSTMAN_KEY=%s\n"
            "DATABRICKS_HOST=https://adb-1.azuredatabricks.net\nDATABRICKS_TOKEN=%s\nGRAFANA_SA=%s\nBRAINTREE=%s\n"
            "GOOGLE_CLIENT_SECRET=%s\nSIGNING_KEY=\"-----BEGIN RSA PRIVATE KEY----- %s -----END RSA PRIVATE KEY-----\"\n" % vals)
    g.begin("logs/oauth-debug.log")
    g.write(g.cur, "2024-03-11 09:21:44 DEBUG token response access_token=%s expires_in=3599\n"
            "2024-03-11 09:21:44 DEBUG refresh_token=%s\n" % (
                g.plant("token", "ya29." + g.mixed(URLSAFE, 160), "google_oauth"),
                g.plant("token", "1//0" + g.mixed(URLSAFE, 99), "google_oauth")))


def one_line_key(g):
    body = g.b64(1190)
    spaced = " ".join(body[i:i + 64] for i in range(0, len(body), 64))
    g.plant("private_key", key_norm("-----BEGIN RSA PRIVATE KEY----- %s -----END RSA PRIVATE KEY-----" % spaced), "pem_one_line")
    return spaced


def decoys(g):
    g.decoy("decoys/docs/aws-quickstart.md", "documented_example_keys",
            "# Configure the CLI\n\n```\n$ aws configure\nAWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE\n"
            "AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n```\n\n"
            "Or in ~/.aws/credentials:\n\n    aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
            "    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n"
            "A session token looks like `ASIAIOSFODNN7EXAMPLE`.\n"
            "Stripe's docs use `sk_test_4eC39HqLyjWDarjtT1zdp7dc` and the jwt.io sample token is\n"
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n"
            "The Telegram docs write a bot token as 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11.\n")
    g.decoy("decoys/app/.env.example", "placeholders",
            "APP_KEY=\nDB_PASSWORD=changeme\nDB_PASSWORD2=secret\nREDIS_PASSWORD=null\nAPI_KEY=your_api_key_here\n"
            "SECRET_KEY=<your-secret-key>\nSTRIPE_SECRET=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n"
            "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nMAIL_PASSWORD=${SMTP_PASSWORD}\n"
            "JWT_SECRET=\"\"\nTWILIO_AUTH_TOKEN=your_auth_token\nAWS_SECRET_ACCESS_KEY=<secret>\n"
            "password: \"{{ vault_db_password }}\"\nDATABASE_URL=postgres://user:password@localhost:5432/db\n"
            "DATABASE_URL2=mysql://root:<password>@127.0.0.1/app\nADMIN_PASSWORD=********\n")
    g.decoy("decoys/lock/package-lock.json", "content_hashes", json.dumps({
        "name": "web", "lockfileVersion": 3, "packages": {
            "node_modules/%s" % n: {"version": "1.%d.0" % i, "resolved": "https://registry.npmjs.org/%s/-/%s-1.%d.0.tgz" % (n, n, i),
                                    "integrity": "sha512-" + base64.b64encode(hashlib.sha512(n.encode()).digest()).decode()}
            for i, n in enumerate(["react", "lodash", "axios", "jsonwebtoken", "bcryptjs", "passport", "dotenv"])}},
        indent=2) + "\n")
    g.decoy("decoys/lock/SHA256SUMS", "content_hashes", "".join(
        "%s  harbor-%s.tar.gz\n" % (hashlib.sha256(str(i).encode()).hexdigest(), v) for i, v in enumerate(["1.0", "1.1", "2.0"]))
        + "".join("commit %s\nAuthor: CI <ci@harbor.local>\n\n    bump\n\n" % hashlib.sha1(str(i).encode()).hexdigest()
                  for i in range(4)))
    g.decoy("decoys/ids/objects.json", "uuids_and_ids", json.dumps([
        {"id": str(__import__("uuid").UUID(int=g.r.getrandbits(128), version=4)), "api_key_id": "key_%d" % i,
         "request_id": g.s(HEX, 32), "trace": g.s(HEX, 16), "etag": "W/\"%s\"" % g.s(HEX, 40)}
        for i in range(5)], indent=1) + "\n")
    g.decoy("decoys/web/app.min.js", "minified_code",
            'function l(e){var t=e.password,n=e.apiKey||"",r={password:"",confirmPassword:""};'
            'return t.length<8?{error:"Password must be at least 8 characters"}:{ok:!0}}'
            'var c={token:null,accessToken:localStorage.getItem("accessToken"),secret:void 0};'
            'function p(e,t){return fetch("/api/login",{method:"POST",body:JSON.stringify({username:e,password:t})})}'
            'var f="data:image/png;base64,%s";var g={api_key:n,password:t,passwordConfirm:r.password};\n'
            % g.b64(300))
    g.decoy("decoys/web/site.css", "css",
            'input[type=password],.password-field{border:1px solid #ccc}.secret-key-label{color:#333}'
            '.token-badge{background:url(data:image/svg+xml;base64,%s)}\n' % g.b64(120))
    g.decoy("decoys/i18n/en.json", "ui_strings", json.dumps({
        "login": {"password": "Password", "password_hint": "At least 12 characters", "forgot_password": "Forgot your password?",
                  "new_password": "New password:", "confirm_password": "Confirm password", "show_password": "Show password",
                  "password_too_weak": "Password is too weak", "api_key_label": "API key", "secret": "Secret"}}, indent=2) + "\n")
    g.decoy("decoys/i18n/strings.xml", "ui_strings",
            '<resources>\n  <string name="password">Password</string>\n  <string name="prompt_password">Password:</string>\n'
            '  <string name="error_invalid_password">Password is too short</string>\n</resources>\n')
    g.decoy("decoys/i18n/fr.po", "ui_strings",
            'msgid "Password:"\nmsgstr "Mot de passe :"\n\nmsgid "Your password is incorrect"\nmsgstr "Votre mot de passe est incorrect"\n')
    g.decoy("decoys/policy/password-policy.txt", "password_prose",
            "Password policy\n\nPasswords must be at least 12 characters long. Your password is case-sensitive.\n"
            "Your new password must differ from the last 5. Do not share your password: report phishing to IT.\n"
            "If you forget your password, use the self-service portal. The password is stored as a salted hash.\n"
            "Temporary passwords are sent by SMS. A temporary password is valid for 24 hours.\n"
            "We treat your personal data as confidential and never sell it. Confidentiality obligations survive.\n"
            "Our internal tools are documented on the wiki.\n")
    g.decoy("decoys/src/auth.py", "code",
            "import getpass\n\nPASSWORD_MIN_LENGTH = 12\n\n\nclass User:\n    def set_password(self, password):\n"
            "        self.password = password\n        self.password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())\n\n"
            "    def check(self, password=None):\n        password = password or getpass.getpass()\n"
            "        return bcrypt.checkpw(password.encode(), self.password_hash)\n\n\n"
            "def connect(cfg):\n    return psycopg2.connect(host=cfg.host, password=cfg.password, user=cfg['user'])\n"
            "    # api_key = os.environ['API_KEY']\n    token = request.headers.get('Authorization')\n"
            "    secret_key = settings.SECRET_KEY\n    client_secret = kwargs.get('client_secret')\n")
    g.decoy("decoys/src/models.py", "code",
            "class Login(BaseModel):\n    username: str\n    password: Optional[str] = None\n    api_key: List[str] = []\n\n"
            "CACHE = {'key-%s': 1}\nfn connect(user: &str, password: &str) -> Result<()> {}\n" % hashlib.md5(b"x").hexdigest())
    g.decoy("decoys/cfn/template.yaml", "code",
            "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUserPassword: !Ref DBPassword\n"
            "      password: !Sub '{{resolve:secretsmanager:db}}'\nsensor:\n  password: !secret mqtt_password\n")
    g.decoy("decoys/src/lib.py", "code",
            "def _cmp(self, other):\n    \"\"\"Helper for comparison operators, for internal use only.\"\"\"\n\n"
            "class Upload:\n    def run(self, config):\n        self.username = config['username']\n"
            "        self.password = config['password']\n        data['name'] = data['password'] = ''\n"
            "        self.username, self.password = credentials\n        key = base64.b16encode(os.urandom(8))\n"
            "        password = base64.b16encode(random_bytes[8:])\n        passwd = _raw_input(prompt, stream)\n\n"
            "OIDS = {AttributeOID.CHALLENGE_PASSWORD: \"challengePassword\"}\n"
            "# Credentials can be passed via the --username and --password options instead of the URL.\n"
            "# Load and return a dynamic library identified by 'name'.\n"
            "#0 PDFDoc::setup (this=0x311e1b0, ownerPassword=ownerPassword@entry=0x1165830)\n"
            "# Make sure to always set CONFIDENTIAL flag in Assuan.\n# Makefile.am: Do not distribute README-boot.\n"
            "# pass the password as --password=something\n"
            "# Renamed members to handle --user and --password respectively.\n"
            "# The keystore password is \"Alias.password\" by default.\n"
            "# hyperv: Block root partition functionality in a Confidential VM\n")
    g.decoy("decoys/docs/https.html", "documented_example_keys",
            '<pre>openssl pkcs12 -export -inkey key.pem -in cert.pem -passout pass:sample</code></pre>\n'
            '<p>sql:mysql://scott:tiger@my.example.com/pardb and http_proxy="http://proxyuser:proxypass@proxyhost:3128"</p>\n')
    g.decoy("decoys/docs/oauth.md", "documented_example_keys",
            "Client authentication (RFC 6749 section 2.3.1):\n\n    Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW\n\n"
            "Response:\n\n    {\"access_token\":\"2YotnFZFEjr1zCsicMWpAA\", \"refresh_token\":\"tGzv3JOkF0XG5Qx2TlKWIA\"}\n\n"
            "PyJWT: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzb21lIjoicGF5bG9hZCJ9.4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg\n")
    g.decoy("decoys/src/schema.ts", "code",
            "export interface Credentials {\n  username: string;\n  password: string;\n  apiKey?: string;\n}\n"
            "const schema = z.object({ password: z.string().min(8), passwordConfirm: z.string() });\n"
            "// SELECT id FROM users WHERE login = ? AND password_hash = ?\n"
            '<input type="password" name="password" autocomplete="current-password" />\n')
    g.decoy("decoys/certs/public.pem", "public_material",
            "-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----\n-----BEGIN PUBLIC KEY-----\n%s\n"
            "-----END PUBLIC KEY-----\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ%s deploy@harbor\n"
            % (g.pem_body(700), g.pem_body(294), g.mixed(AN, 200)))
    g.decoy("decoys/codes/iata-like.txt", "code_lists",
            "\n".join(["CTS", "CTT", "CUA", "CUB", "CUI", "CUJ", "FOU", "SEC", "TLP", "NOF"]) + "\n")
    g.decoy("decoys/sql/schema.sql", "code",
            "CREATE TABLE users (id serial, password varchar(255) NOT NULL, password_reset_token text);\n"
            "-- ALTER USER app PASSWORD '<password>';\nUPDATE users SET password = ? WHERE id = ?;\n"
            "INSERT INTO settings VALUES ('smtp_password', '');\n")
    g.decoy("decoys/blob/embedded.html", "base64_blobs",
            '<html><body><img src="data:image/jpeg;base64,%s"><script>var k="%s";</script></body></html>\n'
            % (g.b64(600), g.b64(64)))


def build(out, seed):
    g = Gen(out, seed)
    for i in range(2):
        dotenv(g, i)
    for fn in (compose, k8s, json_config, gcp_json, dotfiles, properties, php, webconfig, sql_dump, history, keys,
               logs, ci, documents, mails, archive, markings, more_formats, decoys):
        fn(g)
    with open(os.path.join(out, "key.json"), "w") as f:
        json.dump({"planted": g.planted, "decoys": g.decoys}, f, indent=1)
    return g


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    g = build(a.out, a.seed)
    print("%d planted values in %d files, %d decoy files" % (
        len(g.planted), len({p["file"] for p in g.planted}), len(g.decoys)))


if __name__ == "__main__":
    main()
