#!/usr/bin/env python3
"""Eleventh red-team answer key (rulesred11): the gaps the tenth pass left,
and an adversary's pass in formats and languages earlier passes did not
use, each file written here from scratch with fake values.

Usage: gen_rulesred11.py OUTDIR KEYFILE [--seed S]

- Gaps: nine-digit SSNs without a label in SQL INSERT tuples whose CREATE
  TABLE names the column (ssn CHAR(9)), in a fixed-width extract under a
  header line and in a report whose header names the column in Spanish
  (Numero de Seguro Social); order ids, phone numbers and zip+4 codes of
  the same length in tables beside them stay clean. A country in a phone
  label (Tel (UK):, Mobile (DE):, Telefono (IT):) picks the plan: the
  national form is one value with the +CC form. Jenkins' master.key (a
  file of exactly 256 hex digits) beside hudson.util.Secret (random
  bytes: a documented miss).
- The pass: US Spanish-language forms (Numero de Seguro Social), labels in
  Polish, Turkish, Finnish, Hungarian and Romanian (passport, date of
  birth), IBANs of less common countries (Mongolia, El Salvador, Sudan,
  Burundi, Falklands, Libya, Oman, Seychelles, Saint Lucia, Kazakhstan),
  cards in 4-4-4-4 with no-break and thin spaces, E.164 numbers in JSON
  (also msisdn without its '+'; a +49 mobile whose 13 digits pass Luhn is
  no Visa card) and in WhatsApp links (wa.me/4915...), dates of birth as 1982-07-12T00:00:00Z,
  secrets in .npmrc (_authToken, _auth, _password), .pypirc, .netrc,
  .docker/config.json, .git-credentials, kubeconfig (client-key-data,
  token, password), rclone.conf, wp-config.php and .env.production.
- Decoys: the same files with placeholders (${NPM_TOKEN}, <password>,
  changeme, put your unique phrase here), Luhn-failing cards with
  no-break spaces, IBANs with a wrong check of those countries, created_at
  and updated_at timestamps, ISO week dates of a sprint plan, passport
  photo sizes and form blanks, a sha512 digest list.

The key format is gen_rulesred.py's (its Gen is reused).
"""
import base64
import json
import os
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_rulesred as _base  # noqa: E402

_r3 = _base.load("gen_rulesred3")
_r10 = _base.load("gen_rulesred10")
ALNUM = string.ascii_letters + string.digits
URLSAFE = ALNUM + "_-"
HEX = "0123456789abcdef"
NBSP, THIN, NNBSP = "\u00a0", "\u2009", "\u202f"
# BBAN layouts (n digits, a capitals, c capitals or digits) of the countries this pass uses
RARE_BBAN = {"MN": "4n,12n", "SV": "4a,20n", "SD": "2n,12n", "BI": "5n,5n,11n,2n", "FK": "2a,12n",
             "LY": "3n,3n,15n", "OM": "3n,16c", "SC": "4a,2n,2n,16n,3a", "LC": "4a,24c", "KZ": "3n,13c"}


class Gen(_r10.Gen):
    def bban(self, cc):
        out = ""
        for part in RARE_BBAN[cc].split(","):
            n, kind = int(part[:-1]), part[-1]
            alpha = {"n": string.digits, "a": string.ascii_uppercase,
                     "c": string.digits + string.ascii_uppercase}[kind]
            out += "".join(self.r.choice(alpha) for _ in range(n))
        return out

    def passport(self, shape):
        return _r3.Gen.passport(self, shape)


def build_gaps(g):
    r = g.r
    # a CREATE TABLE names the column; the INSERTs carry bare nine digits
    g.begin("db/hr_prod_2019.sql")
    out = ["-- MySQL dump 10.13  Distrib 5.7.42, for Linux (x86_64)", "",
           "DROP TABLE IF EXISTS `employees`;",
           "CREATE TABLE `employees` (\n  `emp_id` int(11) NOT NULL AUTO_INCREMENT,\n  `full_name` varchar(80) NOT NULL,\n"
           "  `ssn` char(9) DEFAULT NULL,\n  `hire_date` date DEFAULT NULL,\n  `dept_no` int(11) DEFAULT NULL,\n"
           "  PRIMARY KEY (`emp_id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;", "",
           "LOCK TABLES `employees` WRITE;"]
    rows = []
    for i in range(4):
        v = g.ssn()
        g.plant("ssn", v, "bare SSN in an INSERT tuple, CREATE TABLE ssn char(9)")
        rows.append("(%d,'%s','%s','20%02d-%02d-%02d',%d)" % (
            1001 + i, r.choice(["Dana Holt", "Ira Vance", "Lee Moss", "Ana Ruiz"]), v, r.randint(5, 19),
            r.randint(1, 12), r.randint(1, 28), r.randint(100000000, 999999999)))
    out.append("INSERT INTO `employees` VALUES %s;" % ",".join(rows))
    out += ["UNLOCK TABLES;", "",
            "CREATE TABLE `orders` (\n  `order_id` int(11) NOT NULL,\n  `customer_phone` varchar(12),\n"
            "  `zip4` char(9),\n  `total` decimal(10,2)\n);",
            "INSERT INTO `orders` VALUES %s;" % ",".join(
                "(%s,'%s','%s',%d.%02d)" % (g.d(9), g.plant("phone", g.nanp(), "customer_phone in an INSERT tuple"),
                                            "9%s" % g.d(8), r.randint(10, 999), r.randint(0, 99))
                for _ in range(5))]
    g.write("\n".join(out) + "\n")

    # a fixed-width extract under a header line
    g.begin("mainframe/EMPX0419.TXT")
    lines = ["EMPNO  LAST NAME       FIRST NAME  SSN        HIRED     DEPT",
             "------ --------------- ----------- ---------- --------- ----"]
    for i in range(4):
        v = g.ssn()
        g.plant("ssn", v, "bare SSN in a fixed-width extract under a header line")
        lines.append("%06d %-15s %-11s %-10s %-9s %04d" % (
            r.randint(1, 999999), r.choice(["HOLT", "VANCE", "MOSS", "RUIZ"]), r.choice(["DANA", "IRA", "LEE"]), v,
            "20%02d%02d%02d" % (r.randint(5, 19), r.randint(1, 12), r.randint(1, 28)), r.randint(1, 9999)))
    g.write("\r\n".join(lines) + "\r\n")

    # a report whose header names the column in Spanish (a US benefits office's form export)
    g.begin("beneficios/reporte_empleados.csv")
    lines = ["Nombre,Numero de Seguro Social,Fecha de contratacion,Departamento"]
    for i in range(3):
        v = g.ssn()
        g.plant("ssn", v, "bare SSN under a Spanish column header (Numero de Seguro Social)")
        lines.append("%s,%s,%02d/%02d/20%02d,%s" % (r.choice(["Ana Ruiz", "Luis Pena", "Eva Soto"]), v,
                                                    r.randint(1, 12), r.randint(1, 28), r.randint(5, 19),
                                                    r.choice(["Ventas", "Finanzas"])))
    g.write("\n".join(lines) + "\n")

    # nine-digit order ids, tracking numbers and zip+4 codes beside a phone column: no SSN
    g.begin("sales/orders_q3.csv")
    lines = ["order_id,customer_phone,tracking,zip_plus4,amount"]
    for _ in range(6):
        lines.append("%s,%s,%s,%s,%d.%02d" % (g.d(9), g.plant("phone", g.nanp(), "phone column of an order export"),
                                              g.d(9), "9%s" % g.d(8), r.randint(10, 999), r.randint(0, 99)))
    g.write("\n".join(lines) + "\n")

    # the country in a phone label picks the plan
    g.begin("contacts/emea_directory.txt")
    out = []
    forms = [("Tel (UK)", "020 7946 %s" % g.d(4), "44", True), ("Mobile (DE)", "0151 %s %s" % (g.d(4), g.d(4)), "49", True),
             ("Telefono (IT)", "347 %s %s" % (g.d(3), g.d(4)), "39", False),
             ("T\u00e9l\u00e9phone (FR)", "06 %s %s %s %s" % (g.d(2), g.d(2), g.d(2), g.d(2)), "33", True),
             ("Tel\u00e9fono (ES)", "91 %s %s %s" % (g.d(3), g.d(2), g.d(2)), "34", False),
             ("Mobiel (NL)", "06-%s" % g.d(8), "31", True), ("Phone (AU)", "(02) 9374 %s" % g.d(4), "61", True)]
    for label, num, cc, trunk in forms:
        digits = "".join(c for c in num if c.isdigit())
        norm = cc + (digits[1:] if trunk else digits)
        g.plant("phone", norm, "national number after a label naming its country (%s)" % label)
        out.append("%-16s %s" % (label + ":", num))
    g.write("Regional contacts (updated weekly)\n\n" + "\n".join(out) + "\n")

    # Jenkins' master key, and the secret it seals (random bytes)
    g.begin("jenkins_home/secrets/master.key")
    v = g.hx(256)
    g.plant("token", v, "Jenkins master.key: exactly 256 hex digits, nothing else",
            wontfix="only the whole object's shape (256 hex digits, nothing else) or its name tells it: a YARA "
            "string of hex digits has no atom, and rules see no file name (docs/rules.md, Decoys and decisions)")
    g.write(v)
    g.begin("jenkins_home/secrets/hudson.util.Secret")
    g.write(bytes(r.getrandbits(8) for _ in range(272)), binary=True)


def build_pass_pii(g):
    r = g.r
    # a US Spanish-language intake form
    g.begin("forms/solicitud_beneficios.txt")
    ssn, ssn2 = g.ssn(), g.ssn()
    g.plant("ssn", ssn, "SSN after N\u00famero de Seguro Social (no dashes)")
    g.plant("ssn", ssn2, "SSN after Seguro Social No. (spaced 3-2-4)")
    dob = "%02d/%02d/19%02d" % (r.randint(13, 28), r.randint(1, 12), r.randint(50, 99))
    g.plant("dob", dob, "Fecha de nacimiento (day > 12)")
    em = "%s.%s@correo-ejemplo.com.mx" % (r.choice(["maria", "jose"]), r.choice(["lopez", "garcia"]))
    g.plant("email", em, "Correo electr\u00f3nico")
    g.write("SOLICITUD DE BENEFICIOS\n\nNombre: Mar\u00eda L\u00f3pez\nN\u00famero de Seguro Social: %s\n"
            "C\u00f3nyuge - Seguro Social No. %s %s %s\nFecha de nacimiento: %s\nCorreo electr\u00f3nico: %s\n"
            % (ssn, ssn2[:3], ssn2[3:5], ssn2[5:], dob, em))

    # passports and dates of birth with Polish, Turkish, Finnish, Hungarian and Romanian labels
    g.begin("travel/manifest_eu_east.txt")
    out = []
    for label, shape, dlabel in (("Nr paszportu", "AA9999999", "Data urodzenia"),
                                 ("Pasaport No", "U99999999", "Do\u011fum Tarihi"),
                                 ("Passin numero", "AA9999999", "Syntym\u00e4aika"),
                                 ("\u00datlev\u00e9lsz\u00e1m", "AA9999999", "Sz\u00fclet\u00e9si d\u00e1tum"),
                                 ("Num\u0103r pa\u0219aport", "99999999", "Data na\u0219terii")):
        p = g.passport(shape)
        d = "%02d.%02d.19%02d" % (r.randint(13, 28), r.randint(1, 12), r.randint(50, 99))
        g.plant("passport", p, "passport after %s" % label)
        g.plant("dob", d, "date of birth after %s" % dlabel)
        out.append("%s: %s\n%s: %s\n" % (label, p, dlabel, d))
    g.write("\n".join(out))

    # IBANs of less common countries, grouped and compact
    g.begin("finance/correspondent_accounts.txt")
    out = []
    for i, cc in enumerate(sorted(RARE_BBAN)):
        v = g.iban(cc, g.bban(cc))
        g.plant("iban", v, "IBAN of %s" % cc)
        out.append("%-24s %s" % ("Beneficiary %d" % (i + 1), g.grouped(v) if i % 2 else "IBAN " + v))
    g.write("Correspondent accounts\n\n" + "\n".join(out) + "\n")

    # cards grouped with no-break and thin spaces (a web shop's receipt, a PDF's text)
    g.begin("receipts/order_confirmation.html")
    out = []
    for i, (sep, pre) in enumerate(((NBSP, "4"), (THIN, "51"), (NNBSP, "4"), ("&nbsp;", "52"), ("&#8201;", "4"))):
        c = g.card(pre, 16)
        g.plant("credit_card", c, "card 4-4-4-4 with %r between groups" % sep)
        out.append("<tr><td>Card</td><td>%s</td></tr>" % sep.join(c[j:j + 4] for j in range(0, 16, 4)))
    g.write("<html><body><table>\n%s\n</table></body></html>\n" % "\n".join(out))

    # E.164 numbers in JSON, also an msisdn without its '+'; dates of birth as ISO timestamps
    g.begin("api/customers_export.json")
    recs = []
    for cc, n in (("44", "7700" + g.d(6)), ("49", "151" + g.d(8)), ("33", "6" + g.d(8)), ("34", "6" + g.d(8))):
        dob = "19%02d-%02d-%02dT00:00:00Z" % (r.randint(50, 99), r.randint(1, 12), r.randint(1, 28))
        g.plant("phone", cc + n, "E.164 in a JSON string")
        g.plant("dob", dob[:10], "birthDate as an ISO timestamp")
        recs.append({"id": g.hx(24), "phone": "+" + cc + n, "birthDate": dob,
                     "createdAt": "2023-%02d-%02dT10:11:12Z" % (r.randint(1, 12), r.randint(1, 28))})
    # a German mobile is 13 digits from its 49: one that passes Luhn reads as a 13-digit Visa after its '+'
    v = g.card("49151", 13)
    g.plant("phone", v, "E.164 German mobile that is also a Luhn-valid 13-digit number from 4")
    recs.append({"id": g.hx(24), "phone": "+" + v, "createdAt": "2024-02-03T04:05:06Z"})
    m = "49" + "160" + g.d(8)
    g.plant("phone", m, "msisdn in JSON, E.164 digits without '+'")
    recs.append({"id": g.hx(24), "msisdn": m, "createdAt": "2024-01-02T03:04:05Z"})
    g.write(json.dumps({"customers": recs}, indent=2) + "\n")

    # WhatsApp click-to-chat links: the E.164 number without its '+' (a shop's contact page, a chat export)
    g.begin("web/contact.html")
    out = []
    for cc, n, form in (("44", "7700" + g.d(6), "https://wa.me/%s"), ("34", "6" + g.d(8), "https://wa.me/%s?text=Hola"),
                        ("55", "11" + "9" + g.d(8), "https://api.whatsapp.com/send?phone=%s&text=Ol%%C3%%A1")):
        g.plant("phone", cc + n, "E.164 digits in a WhatsApp link (%s)" % form.split("/")[2])
        out.append('<a class="wa" href="%s">WhatsApp</a>' % (form % (cc + n)))
    out.append('<a href="https://wa.me/message/%s">WhatsApp Business</a>' % g.s(string.ascii_uppercase + string.digits, 13))
    g.write("<html><body>\n%s\n</body></html>\n" % "\n".join(out))


def build_pass_secrets(g):
    r = g.r
    g.begin("home/ci/.npmrc")
    t = "npm_" + g.s(ALNUM, 36)
    g.plant("token", t, "npm token in .npmrc _authToken")
    pw = g.password()
    auth = base64.b64encode(("deploy:%s" % pw).encode()).decode()
    g.plant("password", auth, "npm _auth (base64 of user:password) in .npmrc")
    pw2 = base64.b64encode(g.password().encode()).decode()
    g.plant("password", pw2, "npm _password (base64) for a private registry")
    g.write("registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=%s\n"
            "@acme:registry=https://npm.acme-corp.example/\n//npm.acme-corp.example/:_auth=%s\n"
            "//npm.acme-corp.example/:username=deploy\n//npm.acme-corp.example/:_password=%s\nalways-auth=true\n"
            % (t, auth, pw2))

    g.begin("home/ci/.pypirc")
    t = "pypi-AgEIcHlwaS5vcmc" + g.s(URLSAFE, 120)
    pw = g.password()
    g.plant("token", t, "PyPI API token in .pypirc", also=["password"])
    g.plant("password", pw, "private index password in .pypirc")
    g.write("[distutils]\nindex-servers =\n    pypi\n    internal\n\n[pypi]\nusername = __token__\npassword = %s\n\n"
            "[internal]\nrepository = https://pypi.acme-corp.example/simple/\nusername = release-bot\npassword = %s\n"
            % (t, pw))

    g.begin("home/ci/.docker/config.json")
    pw = g.password()
    auth = base64.b64encode(("ci-bot:%s" % pw).encode()).decode()
    g.plant("password", auth, "registry auth (base64 user:password) in .docker/config.json", also=["token"])
    g.write(json.dumps({"auths": {"registry.acme-corp.example:5000": {"auth": auth},
                                  "https://index.docker.io/v1/": {}},
                        "credsStore": "", "HttpHeaders": {"User-Agent": "Docker-Client/24.0.7 (linux)"}},
                       indent="\t") + "\n")

    g.begin("home/ci/.git-credentials")
    t = "glpat-" + g.s(URLSAFE, 20)
    pw = g.url_password()
    g.plant("token", t, "GitLab token in .git-credentials", also=["password"])
    g.plant("password", pw, "password in .git-credentials (Bitbucket Server)")
    g.write("https://oauth2:%s@gitlab.acme-corp.example\nhttps://jdoe:%s@bitbucket.acme-corp.example:7990\n" % (t, pw))

    g.begin("home/ops/.kube/config")
    body, pem = g.pem("RSA PRIVATE KEY", b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00", 1180)
    kd = base64.b64encode(pem.encode()).decode()
    g.plant("private_key", body[:255], "client-key-data (base64 of a PEM key) in a kubeconfig",
            )
    pw = g.password()
    g.plant("password", pw, "basic-auth password of a kubeconfig user")
    g.write("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://10.20.0.1:6443\n"
            "    insecure-skip-tls-verify: true\n  name: prod\ncontexts:\n- context:\n    cluster: prod\n"
            "    user: admin\n  name: prod-admin\ncurrent-context: prod-admin\nusers:\n- name: admin\n  user:\n"
            "    client-certificate-data: %s\n    client-key-data: %s\n- name: legacy\n  user:\n"
            "    username: admin\n    password: %s\n"
            % (base64.b64encode(b"-----BEGIN CERTIFICATE-----\nMIIC" + g.s(ALNUM, 60).encode() +
                                b"\n-----END CERTIFICATE-----\n").decode(), kd, pw))

    g.begin("home/ops/.config/rclone/rclone.conf")
    ak, sk = "AKIA" + g.s(string.ascii_uppercase + "234567", 16), g.s(ALNUM + "/+", 40)
    g.plant("aws_key", ak, "access_key_id in rclone.conf")
    g.plant("aws_secret", sk, "secret_access_key in rclone.conf", also=["password", "token"])
    obs = g.s(URLSAFE, 40)
    g.plant("password", obs, "rclone pass = (obscured, reversible) in rclone.conf")
    g.write("[s3-backup]\ntype = s3\nprovider = AWS\naccess_key_id = %s\nsecret_access_key = %s\nregion = eu-west-1\n\n"
            "[nas]\ntype = sftp\nhost = 10.0.4.20\nuser = backup\npass = %s\n" % (ak, sk, obs))

    g.begin("www/html/wp-config.php")
    pw = g.password()
    g.plant("password", pw, "DB_PASSWORD in wp-config.php")
    keys = []
    for name in ("AUTH_KEY", "SECURE_AUTH_KEY"):
        v = g.s(ALNUM + "!#$%()*+,-.:;<=>?@[]^_{|}~", 64)
        g.plant("token", v, "%s salt in wp-config.php" % name, also=["password"])
        keys.append("define( '%s', '%s' );" % (name, v.replace("'", "\\'")))
    g.write("<?php\n/** The name of the database for WordPress */\ndefine( 'DB_NAME', 'wp_prod' );\n"
            "define( 'DB_USER', 'wp_admin' );\ndefine( 'DB_PASSWORD', '%s' );\ndefine( 'DB_HOST', 'localhost' );\n"
            "%s\n$table_prefix = 'wp_';\n" % (pw, "\n".join(keys)))

    g.begin("app/.env.production")
    sec = g.hx(64)
    g.plant("token", sec, "SESSION_SECRET in .env.production", also=["password"])
    pw = g.url_password()
    g.plant("password", pw, "password in DATABASE_URL")
    sk = "sk_live_" + g.s(ALNUM, 24)
    g.plant("token", sk, "Stripe live key")
    g.write("NODE_ENV=production\nSESSION_SECRET=%s\nDATABASE_URL=postgres://app:%s@db.internal:5432/app\n"
            "STRIPE_SECRET_KEY=%s\nLOG_LEVEL=info\n" % (sec, pw, sk))


def build_decoys(g):
    r = g.r
    g.begin("templates/.npmrc.example", decoy=True)
    g.write("//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n//npm.acme-corp.example/:_auth=${NPM_AUTH}\n"
            "//npm.acme-corp.example/:_password=<base64-password>\n")
    g.begin("templates/pypirc.sample", decoy=True)
    g.write("[pypi]\nusername = __token__\npassword = <your PyPI token>\n\n[internal]\nusername = you\n"
            "password = changeme\n")
    g.begin("templates/docker-config.json", decoy=True)
    g.write(json.dumps({"auths": {"registry.example.com": {"auth": ""}}, "credsStore": "desktop"}, indent=2) + "\n")
    g.begin("templates/wp-config-sample.php", decoy=True)
    g.write("<?php\ndefine( 'DB_PASSWORD', 'password_here' );\ndefine( 'AUTH_KEY',         'put your unique phrase here' );\n"
            "define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );\n")
    g.begin("templates/kubeconfig.redacted.yaml", decoy=True)
    g.write("users:\n- name: admin\n  user:\n    client-key-data: REDACTED\n    token: REDACTED\n"
            "    password: \"\"\n")
    g.begin("templates/.env.example", decoy=True)
    g.write("SESSION_SECRET=\nDATABASE_URL=postgres://user:password@localhost:5432/app\nSTRIPE_SECRET_KEY=sk_live_xxx\n")

    # Luhn-failing cards with no-break spaces, IBANs with a wrong check
    g.begin("qa/payment_form_tests.txt", decoy=True)
    out = []
    for sep in (NBSP, THIN, NNBSP, NBSP, THIN):
        c = g.bad_card("4", 16)
        out.append("rejected as expected: " + sep.join(c[j:j + 4] for j in range(0, 16, 4)))
    for cc in sorted(RARE_BBAN):
        v = g.iban(cc, g.bban(cc))
        chk = int(v[2:4])
        out.append("invalid check digits: %s" % g.grouped(v[:2] + "%02d" % (chk + 1 if chk < 97 else 2) + v[4:]))
    g.write("\n".join(out) + "\n")

    # timestamps that are no birth dates; a sprint plan in ISO weeks
    g.begin("api/audit_events.json", decoy=True)
    ev = [{"id": g.hx(24), "createdAt": "19%02d-%02d-%02dT00:00:00Z" % (r.randint(70, 99), r.randint(1, 12),
                                                                       r.randint(1, 28)),
           "updatedAt": "2024-%02d-%02dT00:00:00Z" % (r.randint(1, 12), r.randint(1, 28)),
           "requestId": g.hx(16), "latencyMs": r.randint(10, 999)} for _ in range(5)]
    g.write(json.dumps(ev, indent=1) + "\n")
    g.begin("pm/sprint_plan.md", decoy=True)
    g.write("| sprint | from | to |\n|---|---|---|\n" + "".join(
        "| %d | 2024-W%02d-1 | 2024-W%02d-5 |\n" % (i, w, w + 1) for i, w in enumerate(range(10, 40, 3))))

    # passport words without numbers; digests of 128 hex digits
    g.begin("travel/visa_checklist.txt", decoy=True)
    g.write("Passport photo: 35x45 mm, taken within the last 6 months\nNr paszportu: ____________\n"
            "Pasaport No: (see attached)\nPassin numero: ks. liite 2\nPassport validity: 6 months beyond 2024-12-31\n")
    g.begin("dist/SHA512SUMS", decoy=True)
    g.write("".join("%s  leaksift-1.%d.%d.tar.gz\n" % (g.hx(128), i, j) for i in range(2) for j in range(3)))
    g.begin("dist/build.id", decoy=True)
    g.write(g.hx(64) + "\n")


def mrz_cd(s):
    t = 0
    for i, c in enumerate(s):
        t += (0 if c == "<" else int(c) if c.isdigit() else ord(c) - 55) * (7, 3, 1)[i % 3]
    return str(t % 10)


def td3(g, num, last, first, bad=False):
    """The two lines of a passport's MRZ (ICAO 9303 TD3); bad: a wrong
    document number check digit."""
    r = g.r
    dob = "%02d%02d%02d" % (r.randint(50, 99), r.randint(1, 12), r.randint(1, 28))
    exp = "%02d%02d%02d" % (r.randint(27, 35), r.randint(1, 12), r.randint(1, 28))
    d1 = mrz_cd(num)
    if bad:
        d1 = str((int(d1) + 3) % 10)
    l1 = ("P<GBR" + last + "<<" + first + "<" * 44)[:44]
    pers = "<" * 14
    body = num + d1 + "GBR" + dob + mrz_cd(dob) + r.choice("MF") + exp + mrz_cd(exp) + pers + "<"
    return l1, body + mrz_cd(num + d1 + dob + mrz_cd(dob) + exp + mrz_cd(exp) + pers + "<")


def build_nested19b(g):
    """Appended (rules19b): a passport number under a JSON or YAML object
    named for the passport, and MRZ lines stored as JSON strings."""
    r = g.r
    g.begin("visa/applications_export.json")
    apps = []
    for i, (outer, inner) in enumerate((("passport", "number"), ("passport", "no"),
                                        ("passportInfo", "documentNumber"), ("passport_details", "passport_number"))):
        num = g.plant("passport", g.d(9) if i % 2 == 0 else r.choice("CKLX") + g.d(8),
                      "passport number under a JSON object %s.%s" % (outer, inner))
        doc = {inner: num}
        if i >= 2:  # the number after other members of the object
            doc = {"issuingCountry": "GBR", "expiry": "2031-0%d-15" % (i + 1), "verified": True, inner: num}
        apps.append({"applicationId": "VA-2014-%05d" % r.randint(10000, 99999),
                     "applicant": {"givenNames": "ANNA", outer: doc}, "status": "SUBMITTED"})
    g.write(json.dumps(apps, indent=2) + "\n")
    g.begin("visa/mrz_reads.json")
    reads = []
    for i, (last, first) in enumerate((("HOLT", "DANA"), ("VANCE", "IRA"))):
        num = g.plant("passport", g.d(9), "MRZ as %s" % ("two JSON strings of an array", "one JSON string with an escaped newline")[i])
        l1, l2 = td3(g, num, last, first)
        reads.append({"scanId": i + 1, "mrz": [l1, l2] if i == 0 else l1 + "\n" + l2})
    g.write(json.dumps({"reads": reads}, indent=2) + "\n")
    g.begin("visa/traveller.yaml")
    num = g.plant("passport", g.d(9), "passport number under a YAML mapping passport:")
    g.write("traveller:\n  name: Lee Moss\n  passport:\n    country: GBR\n    number: \"%s\"\n"
            "  loyalty:\n    number: %s\n" % (num, g.d(9)))
    # a number key of another object; a wrong MRZ check digit in JSON strings
    g.begin("shop/orders_export.json", decoy=True)
    g.write(json.dumps([{"order": {"number": g.d(9), "country": "GBR"}, "invoice": {"no": g.d(9)},
                         "passportPhoto": {"sizeMm": "35x45"}, "shipment": {"id": g.d(9)}}
                        for _ in range(3)], indent=2) + "\n")
    g.begin("visa/mrz_rejected.json", decoy=True)
    l1, l2 = td3(g, g.d(9), "ROE", "JANE", bad=True)
    g.write(json.dumps({"mrz": [l1, l2], "status": "check digit mismatch"}, indent=2) + "\n")


def build_spelled19b(g):
    """Appended (rules19b): addresses spelled against harvesters in forms
    the bracketed (at)/[dot] reader did not take: angle brackets, the
    symbols in brackets, bare words; prose with "at" and "dot" stays clean."""
    g.begin("web/team_contacts.txt")
    out = ["Team contacts (no mailto links, please)", ""]
    for i, (fmt, kind) in enumerate((("%s <at> %s <dot> %s", "angle brackets <at> <dot>"),
                                      ("%s [@] %s [.] %s", "symbols in brackets [@] [.]"),
                                      ("%s at %s dot %s", "bare lower-case at/dot"),
                                      ("%s AT %s DOT %s", "bare upper-case AT/DOT"))):
        local = g.r.choice(["dana.holt", "ira_vance", "lmoss", "ana.ruiz"]) + str(i)
        host, tld = g.r.choice(["northwind-traders", "globex", "initech"]), g.r.choice(["com", "org", "de"])
        g.plant("email", "%s@%s.%s" % (local, host, tld), "spelled address, " + kind)
        out.append("- %s: %s" % (["sales", "support", "press", "billing"][i], fmt % (local, host, tld)))
    local = "helpdesk"
    g.plant("email", "%s@mail.initech.co.uk" % local, "spelled address, bare at/dot, four labels")
    out.append("- helpdesk: %s at mail dot initech dot co dot uk" % local)
    g.plant("email", "press.office@globex.fr", "spelled address, bracketed at, bare dot")
    out.append("- press (EU): press.office [at] globex dot fr")
    g.write("\n".join(out) + "\n")
    g.begin("docs/ui_notes.txt", decoy=True)
    g.write("Look at the dot in the middle of the screen.\nWe arrived at noon dot com era was over.\n"
            "The price at 5 dot 00 is fine.\nThe cursor at line dot end blinks.\nMeet me at home dot com is a joke.\n"
            "Press <Tab> at <each> field.\nMeet me [at] home dot and bring the dot matrix printer.\n")


def main():
    _base.main(Gen, build_gaps, build_pass_pii, build_pass_secrets, build_decoys, build_nested19b,
               build_spelled19b)


if __name__ == "__main__":
    sys.exit(main())
