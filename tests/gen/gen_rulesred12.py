#!/usr/bin/env python3
"""Twelfth red-team answer key (rulesred12): values as real exports of
ticketing, CRM and HR systems write them, and secrets in the deploy files
the earlier passes did not plant, each file written here from scratch with
fake values.

Usage: gen_rulesred12.py OUTDIR KEYFILE [--seed S]

- Ticketing and CRM exports: a Zendesk-like JSON export whose ticket
  bodies hold escaped line breaks (\\n before a label: "\\nSSN: ...",
  "\\nDOB: ..."), a Jira CSV with quoted multi-line cells, a Salesforce
  contact CSV, JSON Lines as Python's json writes them (ensure_ascii:
  j\\u00fcrgen@m\\u00fcller-bau.de) and as Go's encoding/json does
  (\\u003c and \\u003e around an address, \\u0026 in URLs).
- SQL: a MySQL dump whose strings carry backslash escapes (\\' and \\n
  around values) and a PostgreSQL COPY block (tabs, \\N).
- Cards grouped as printed: Amex 4-6-5, Diners 4-6-4, a 19-digit Visa
  4-4-4-4-3, dashes and spaces.
- Phones of many countries in E.164 and after labels in their national
  forms; dates of birth after labels in more languages.
- Deploy secrets: a terraform.tfstate (an RDS password, an IAM access
  key's secret), an Ansible inventory (ansible_become_password,
  ansible_ssh_pass), Jenkins' credentials.xml, and cloud keys of
  providers the pack did not name (Tencent Cloud's AKID..., Netlify's
  nfp_, Render's rnd_, Yandex Cloud's AQVN and y0_, Contentful's CFPAT-).
- Services' own syntax: SQL that creates accounts (IDENTIFIED BY, WITH
  PASSWORD), redis.conf requirepass, tomcat-users.xml, Spring properties,
  phpMyAdmin's config, FileZilla's sitemanager.xml (base64), wpa_supplicant
  psk, Postfix's sasl_passwd, a Kubernetes Secret, .s3cfg, Cargo's
  credentials.toml; national phone forms after labels, dates of birth as
  people type them, addresses in capitals and with a +tag.
- A router's config (Cisco type 7 passwords, a type 9 secret, an SNMP RW
  community beside public RO), Group Policy Preferences' cpassword, Drupal,
  Joomla and Django settings, gcloud's application default credentials (a
  refresh token beside the SDK's public client secret).
- Documented misses (wontfix): a phone split over an area-code column and a
  number column, an address in a base64-encoded JSON body of a log line,
  name_at_domain.io.
- Decoys: order and invoice numbers that pass Luhn behind a prefix
  (INV-..., #...), tracking numbers, GUIDs, digests, version strings,
  timestamps, ISBN-13s, IMEIs under their label, Go-escaped URLs without an
  address, and the same deploy files with placeholders.

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

_r11 = _base.load("gen_rulesred11")
ALNUM = string.ascii_letters + string.digits
URLSAFE = ALNUM + "_-"
HEX = "0123456789abcdef"
UPNUM = string.ascii_uppercase + string.digits


class Gen(_r11.Gen):
    def dob_iso(self):
        r = self.r
        return "19%02d-%02d-%02d" % (r.randint(50, 99), r.randint(1, 12), r.randint(13, 28))

    def uuid(self):
        h = self.hx(32)
        return "%s-%s-4%s-a%s-%s" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:])

    def luhn_id(self, prefix, length):
        """An identifier of card shape (brand prefix, Luhn), as order systems print them."""
        return self.card(prefix, length)


def build_tickets(g):
    r = g.r
    # a helpdesk export: JSON whose bodies carry escaped line breaks before each label
    g.begin("helpdesk/zendesk_tickets.json")
    tickets = []
    for i in range(3):
        ssn = g.ssn()
        dob = g.dob_iso()
        card = g.card(*(("4", 16), ("51", 16), ("37", 15))[i])
        ph = g.nanp()
        em = "%s.%s%d@%s" % (r.choice(["dana", "ira", "lee"]), r.choice(["holt", "vance", "moss"]), i,
                             r.choice(["gmail.com", "outlook.com", "yahoo.com"]))
        g.plant("ssn", ssn, "SSN after an escaped line break in a JSON ticket body (\\nSSN: ...)")
        g.plant("dob", dob, "DOB after an escaped line break in a JSON ticket body (\\nDOB: ...)")
        g.plant("credit_card", card, "card in a JSON ticket body")
        g.plant("phone", ph, "phone after an escaped line break (\\nPhone: ...)")
        g.plant("email", em, "requester e-mail")
        body = ("Hi support,\nI was charged twice on card %s.\nSSN: %s\nDOB: %s\nPhone: (%s) %s-%s\n"
                "Please call me back.\nThanks" % (card, ssn, dob, ph[:3], ph[3:6], ph[6:]))
        tickets.append({"id": 48200 + i, "subject": "Double charge #%d" % (88000 + i),
                        "description": body, "requester": {"email": em, "name": "Customer %d" % i},
                        "created_at": "2024-0%d-1%dT09:1%d:00Z" % (i + 1, i, i), "tags": ["billing"]})
    g.write(json.dumps({"tickets": tickets, "count": 3}) + "\n")

    # a Jira CSV export: quoted multi-line description cells
    g.begin("jira/HR-export.csv")
    rows = ["Issue key,Summary,Reporter,Description,Created"]
    for i in range(3):
        ssn = g.ssn()
        em = "%s%d@acme-corp.com" % (r.choice(["hr.ops", "payroll", "benefits"]), i)
        ph = "+44 20 7946 %s" % g.d(4)
        g.plant("ssn", ssn[:3] + ssn[3:5] + ssn[5:], "SSN 3-2-4 in a quoted multi-line Jira cell")
        g.plant("email", em, "Jira reporter")
        g.plant("phone", "44" + ph[4:].replace(" ", ""), "E.164 in a multi-line Jira cell")
        desc = "New hire paperwork\nEmployee SSN: %s-%s-%s\nMobile: %s\n\n""Reviewed"" by HR" % (
            ssn[:3], ssn[3:5], ssn[5:], ph)
        rows.append('HR-%d,"Onboarding, batch %d",%s,"%s",2024-03-%02d 10:00' % (
            120 + i, i, em, desc.replace('"', '""'), 10 + i))
    g.write("\r\n".join(rows) + "\r\n")

    # a Salesforce contact export
    g.begin("crm/salesforce_contacts.csv")
    rows = ['"Id","FirstName","LastName","Email","Phone","MobilePhone","Birthdate","MailingCountry"']
    for i in range(4):
        em = "%s.%s@%s" % (r.choice(["ana", "luis", "eva", "marc"]), r.choice(["ruiz", "pena", "soto"]),
                           r.choice(["northwind.com", "contoso.de", "fabrikam.fr"]))
        ph, mob = g.nanp(), g.nanp()
        dob = g.dob_iso()
        g.plant("email", em, "Salesforce Email column")
        g.plant("phone", ph, "Salesforce Phone column (xxx) xxx-xxxx")
        g.plant("phone", mob, "Salesforce MobilePhone column, digits only")
        g.plant("dob", dob, "Salesforce Birthdate column (ISO)")
        rows.append('"003%s","Ana","Ruiz","%s","(%s) %s-%s","%s","%s","US"' % (
            g.s(ALNUM, 15), em, ph[:3], ph[3:6], ph[6:], mob, dob))
    g.write("\n".join(rows) + "\n")

    # JSON Lines as Python writes them (ensure_ascii) and as Go writes them (\u003c, \u003e, \u0026)
    g.begin("events/contacts.jsonl")
    out = []
    for local, dom in (("j\u00fcrgen.gro\u00df", "m\u00fcller-bau.de"), ("jos\u00e9.garc\u00eda", "empresa.es"),
                       ("fran\u00e7ois", "soci\u00e9t\u00e9-g\u00e9n\u00e9rale.fr")):
        em = "%s%d@%s" % (local, r.randint(1, 99), dom)
        g.plant("email", em.lower(), "non-ASCII address as \\u escapes in JSON Lines (ensure_ascii)")
        out.append(json.dumps({"type": "contact.created", "email": em, "ts": 1700000000 + r.randint(0, 10 ** 6)}))
    for i in range(3):
        em = "%s%d@%s" % (r.choice(["dana.holt", "ira.vance", "lee.moss"]), i, r.choice(["globex.com", "initech.io"]))
        g.plant("email", em, "address between Go's \\u003c and \\u003e in JSON Lines")
        out.append('{"level":"info","msg":"mail queued","to":"Dana Holt \\u003c%s\\u003e","queue":"smtp-%d"}' % (em, i))
    em = "%s%d@globex.com" % (r.choice(["dana.holt", "ira.vance"]), r.randint(1, 99))
    g.plant("email", em, "address with its @ escaped as \\u0040 in JSON Lines")
    out.append('{"event":"signup","email":"%s","plan":"pro"}' % em.replace("@", "\\u0040"))
    em = "%s@globex.com" % r.choice(["billing", "ap.team", "ar"])
    g.plant("email", em, "address in a Go-escaped URL query (\\u0026)")
    out.append('{"level":"debug","url":"https://api.globex.com/v2/notify?email=%s\\u0026lang=en\\u0026id=%s"}' % (em, g.d(6)))
    g.write("\n".join(out) + "\n")


def build_sql(g):
    r = g.r
    g.begin("db/crm_2021.sql")
    rows = []
    for i in range(3):
        em = "%s%d@%s" % (r.choice(["o.brien", "d.arcy", "o.neil"]), i, r.choice(["gmail.com", "eircom.net"]))
        ssn, ph = g.ssn(), g.nanp()
        g.plant("email", em, "e-mail in a MySQL INSERT beside backslash-escaped strings")
        g.plant("ssn", ssn, "SSN after \\n inside an escaped MySQL string (\\nSSN: ...)")
        g.plant("phone", ph, "phone in a MySQL string after \\'")
        rows.append("(%d,'Sean O\\'Brien','%s','Called: \\'%s-%s-%s\\' re refund.\\nSSN: %s-%s-%s\\nok')" % (
            i + 1, em, ph[:3], ph[3:6], ph[6:], ssn[:3], ssn[3:5], ssn[5:]))
    g.write("-- MySQL dump 10.13\nINSERT INTO `contacts` (`id`,`name`,`email`,`notes`) VALUES %s;\n" % ",".join(rows))

    g.begin("db/pg_customers.sql")
    out = ["COPY public.customers (id, email, phone, card_number, birth_date, notes) FROM stdin;"]
    for i in range(4):
        em = "%s%d@%s" % (r.choice(["mia", "noah", "emma"]), r.randint(10, 99), r.choice(["web.de", "gmx.net"]))
        ph = "+49 30 %s" % g.d(7)
        card = g.card(r.choice(["4", "52"]), 16)
        dob = g.dob_iso()
        g.plant("email", em, "e-mail in a PostgreSQL COPY row")
        g.plant("phone", "49" + ph[4:].replace(" ", ""), "E.164 in a PostgreSQL COPY row")
        g.plant("credit_card", card, "card in a card_number column of a COPY row")
        g.plant("dob", dob, "date in a birth_date column of a COPY row")
        out.append("\t".join([str(i + 1), em, ph, card, dob, "\\N" if i % 2 else "VIP\\nrenewal"]))
    out.append("\\.")
    g.write("\n".join(out) + "\n")


def build_cards(g):
    r = g.r
    g.begin("payments/card_vault_dump.txt")
    out = ["# exported from the old POS, groups as printed on the card"]
    for pre, n, groups, sep, kind in (("37", 15, (4, 6, 5), " ", "Amex 4-6-5 with spaces"),
                                      ("34", 15, (4, 6, 5), "-", "Amex 4-6-5 with dashes"),
                                      ("36", 14, (4, 6, 4), " ", "Diners 4-6-4 with spaces"),
                                      ("300", 14, (4, 6, 4), "-", "Diners 4-6-4 with dashes"),
                                      ("4", 19, (4, 4, 4, 4, 3), " ", "Visa 19 digits 4-4-4-4-3"),
                                      ("6011", 16, (4, 4, 4, 4), " ", "Discover 4-4-4-4"),
                                      ("2221", 16, (4, 4, 4, 4), "-", "Mastercard 2-series with dashes")):
        c = g.card(pre, n)
        g.plant("credit_card", c, kind)
        parts, k = [], 0
        for w in groups:
            parts.append(c[k:k + w])
            k += w
        out.append("%s|%02d/%02d|%s" % (sep.join(parts), r.randint(1, 12), r.randint(26, 30), g.d(3)))
    g.write("\n".join(out) + "\n")


def build_phones_dobs(g):
    r = g.r
    g.begin("crm/global_contacts.txt")
    out = ["Global key accounts", ""]
    # (country code, national number, its groups as the country writes them after +CC)
    for cc, nat, groups in (("81", "3" + g.d(8), (1, 4, 4)), ("55", "119" + g.d(8), (2, 5, 4)),
                            ("91", "9" + g.d(9), (5, 5)), ("27", "82" + g.d(7), (2, 3, 4)),
                            ("52", "55" + g.d(8), (2, 4, 4)), ("971", "50" + g.d(7), (2, 3, 4)),
                            ("65", "9" + g.d(7), (4, 4)), ("82", "10" + g.d(8), (2, 4, 4)),
                            ("234", "803" + g.d(7), (3, 3, 4)), ("254", "712" + g.d(6), (3, 6)),
                            ("63", "917" + g.d(7), (3, 3, 4)), ("62", "812" + g.d(8), (3, 4, 4)),
                            ("90", "532" + g.d(7), (3, 3, 2, 2)), ("48", "601" + g.d(6), (3, 3, 3))):
        g.plant("phone", cc + nat, "E.164 of +%s" % cc)
        parts, k = [], 0
        for w in groups:
            parts.append(nat[k:k + w])
            k += w
        sep = "-" if cc in ("81", "82", "62") else " "
        out.append("%-10s +%s %s" % (r.choice(["Mobile:", "Tel:", "Phone:", "WhatsApp:"]), cc, sep.join(parts)))
    g.write("\n".join(out) + "\n")

    g.begin("hr/personnel_multilang.txt")
    out = []
    for label, fmt in (("F\u00f6delsedatum", "%Y-%m-%d"), ("F\u00f8dselsdato", "%d.%m.%Y"),
                       ("Datum narozen\u00ed", "%d. %m. %Y"), ("\u0397\u03bc\u03b5\u03c1\u03bf\u03bc\u03b7\u03bd\u03af\u03b1 \u03b3\u03ad\u03bd\u03bd\u03b7\u03c3\u03b7\u03c2", "%d/%m/%Y"),
                       ("\u0414\u0430\u0442\u0430 \u0440\u043e\u0436\u0434\u0435\u043d\u0438\u044f", "%d.%m.%Y"),
                       ("\u51fa\u751f\u65e5\u671f", "%Y\u5e74%m\u6708%d\u65e5"), ("Ng\u00e0y sinh", "%d/%m/%Y"),
                       ("Tanggal lahir", "%d-%m-%Y"), ("\u062a\u0627\u0631\u064a\u062e \u0627\u0644\u0645\u064a\u0644\u0627\u062f", "%d/%m/%Y"),
                       ("\u05ea\u05d0\u05e8\u05d9\u05da \u05dc\u05d9\u05d3\u05d4", "%d/%m/%Y"),
                       ("Data de nascimento", "%d/%m/%Y"), ("Syntym\u00e4aika", "%d.%m.%Y"),
                       ("Geburtsdatum", "%d.%m.%Y"), ("Fecha de nacimiento", "%d/%m/%Y")):
        iso = g.dob_iso()
        y, m, d = iso.split("-")
        written = fmt.replace("%Y", y).replace("%m", m).replace("%d", d)
        g.plant("dob", iso, "date of birth after %s (%s)" % (label, fmt))
        out.append("%s: %s" % (label, written))
    g.write("\n".join(out) + "\n")


def build_secrets(g):
    r = g.r
    g.begin("infra/terraform.tfstate")
    pw = g.password()
    ak, sk = "AKIA" + g.s(string.ascii_uppercase + "234567", 16), g.s(ALNUM + "/+", 40)
    g.plant("password", pw, "RDS password in a tfstate's attributes")
    g.plant("aws_key", ak, "IAM access key id in a tfstate (\"id\")")
    g.plant("aws_secret", sk, "IAM access key secret in a tfstate (\"secret\")", also=["token", "password"])
    state = {"version": 4, "terraform_version": "1.6.2", "serial": 42, "lineage": g.uuid(), "outputs": {},
             "resources": [
                 {"mode": "managed", "type": "aws_db_instance", "name": "main", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                  "instances": [{"schema_version": 2, "attributes": {"engine": "postgres", "username": "app",
                                                                    "password": pw, "port": 5432}}]},
                 {"mode": "managed", "type": "aws_iam_access_key", "name": "ci",
                  "instances": [{"schema_version": 0, "attributes": {"id": ak, "secret": sk, "status": "Active",
                                                                    "user": "ci-deployer"}}]}]}
    g.write(json.dumps(state, indent=2) + "\n")

    g.begin("ansible/inventory/prod.ini")
    p1, p2 = g.password(), g.password()
    g.plant("password", p1, "ansible_become_password in an inventory line")
    g.plant("password", p2, "ansible_ssh_pass in group vars of an inventory")
    g.write("[web]\nweb01.prod ansible_host=10.0.1.11 ansible_user=deploy ansible_become_password=%s\n\n"
            "[db:vars]\nansible_user=dbadmin\nansible_ssh_pass=%s\n" % (p1, p2))

    g.begin("jenkins_home/credentials.xml")
    enc = "{AQAAABAAAAAQ" + g.s(ALNUM + "+/", 42) + "=}"
    g.plant("password", enc, "Jenkins credentials.xml <password> (encrypted under master.key, in the same dump)",
            also=["token"])
    g.write("<?xml version='1.1' encoding='UTF-8'?>\n<com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin=\"credentials@1271\">\n"
            "  <domainCredentialsMap class=\"hudson.util.CopyOnWriteMap$Hash\">\n    <entry>\n"
            "      <com.cloudbees.plugins.credentials.domains.Domain><specifications/></com.cloudbees.plugins.credentials.domains.Domain>\n"
            "      <java.util.concurrent.CopyOnWriteArrayList>\n"
            "        <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n"
            "          <scope>GLOBAL</scope>\n          <id>nexus-deploy</id>\n          <username>deploy</username>\n"
            "          <password>%s</password>\n"
            "        </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n"
            "      </java.util.concurrent.CopyOnWriteArrayList>\n    </entry>\n  </domainCredentialsMap>\n"
            "</com.cloudbees.plugins.credentials.SystemCredentialsProvider>\n" % enc)

    g.begin("ops/cloud_keys_handover.md")
    toks = [("AKID" + g.s(ALNUM, 32), "Tencent Cloud SecretId (AKID + 32)"),
            ("nfp_" + g.s(ALNUM, 36), "Netlify personal access token (nfp_)"),
            ("rnd_" + g.s(ALNUM, 32), "Render API key (rnd_)"),
            ("AQVN" + g.s(URLSAFE, 36), "Yandex Cloud API key (AQVN)"),
            ("y0_" + g.s(URLSAFE, 55), "Yandex OAuth token (y0_)"),
            ("CFPAT-" + g.s(URLSAFE, 43), "Contentful personal access token (CFPAT-)")]
    out = ["# Handover: cloud accounts", ""]
    for t, kind in toks:
        g.plant("token", t, kind, also=["password"])
        out.append("- %s: `%s`" % (kind.split(" (")[0], t))
    g.write("\n".join(out) + "\n")


def build_decoys(g):
    r = g.r
    g.begin("erp/invoices_2024.csv", decoy=True)
    rows = ["invoice,ref,tracking,guid,sha256,amount,issued"]
    for i in range(6):
        rows.append("INV-%s,#%s,1Z%s,%s,%s,%d.%02d,2024-%02d-%02dT10:%02d:00Z" % (
            g.luhn_id("4", 16), g.luhn_id("5", 16), g.s(UPNUM, 16), g.uuid(), g.hx(64),
            r.randint(10, 9999), r.randint(0, 99), r.randint(1, 12), r.randint(1, 28), r.randint(0, 59)))
    g.write("\n".join(rows) + "\n")

    g.begin("support/ticket_notes.txt", decoy=True)
    out = []
    for i in range(4):
        out.append("Order #%s shipped via FedEx %s, invoice INV%s, build %d.%d.%d.%d, ISBN 978-%d-%s-%s-%d" % (
            g.luhn_id("4", 16), g.d(12), g.luhn_id("37", 15), r.randint(1, 20), r.randint(0, 9), r.randint(0, 999),
            r.randint(1000, 9999), r.randint(0, 1), g.d(3), g.d(5), r.randint(0, 9)))
    for i in range(3):
        out.append("IMEI: %s  IMEI2: %s  serial %s" % (g.luhn_id("35", 15), g.luhn_id("86", 15), g.s(UPNUM, 11)))
    g.write("\n".join(out) + "\n")

    g.begin("events/go_service.jsonl", decoy=True)
    g.write("".join('{"level":"info","msg":"redirect \\u003chttps://cdn.globex.com/a?x=%d\\u0026y=%s\\u003e","ts":"2024-05-0%dT12:00:0%dZ","trace":"%s"}\n'
                    % (r.randint(1, 99), g.hx(8), i + 1, i, g.hx(32)) for i in range(4)))

    g.begin("templates/terraform.tfvars.example", decoy=True)
    g.write('db_password = "CHANGE_ME"\naws_secret_key = "<your secret key>"\nnetlify_token = "nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n'
            'render_api_key = "rnd_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"\ntencent_secret_id = "AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n')
    g.begin("templates/inventory.sample.ini", decoy=True)
    g.write("[web]\nweb01 ansible_become_password={{ vault_become_pass }}\n[db:vars]\nansible_ssh_pass=changeme\n")
    g.begin("hr/birthday_calendar.txt", decoy=True)
    g.write("Team events\nHire date: 2019-03-14\nStart date: 14.03.2021\nCreated: 2024-02-29T08:00:00Z\n"
            "Datum: 14. 3. 2024\n\u65e5\u671f\uff1a2024\u5e743\u670814\u65e5\nVersion 2024.03.14\n")


def build_configs(g):
    """Where admins leave passwords in the services' own syntax: SQL that
    creates accounts, redis.conf, Tomcat's users file, Spring properties,
    phpMyAdmin's config, FileZilla's site manager, wpa_supplicant, Postfix's
    sasl_passwd, a Kubernetes Secret, s3cmd's and Cargo's credentials."""
    r = g.r
    g.begin("db/provision_users.sql")
    p1, p2, p3 = g.password(), g.password(), g.password()
    g.plant("password", p1, "MySQL CREATE USER ... IDENTIFIED BY 'pw'")
    g.plant("password", p2, "MySQL GRANT ... IDENTIFIED BY 'pw' (5.x)")
    g.plant("password", p3, "PostgreSQL ALTER USER ... WITH PASSWORD 'pw'")
    g.write("CREATE USER 'app'@'%%' IDENTIFIED BY '%s';\nGRANT SELECT, INSERT ON crm.* TO 'report'@'10.0.%%' IDENTIFIED BY '%s';\n"
            "ALTER USER etl WITH PASSWORD '%s';\nFLUSH PRIVILEGES;\n" % (p1, p2, p3))

    g.begin("etc/redis/redis.conf")
    pw = g.password()
    g.plant("password", pw, "redis.conf requirepass")
    g.write("bind 127.0.0.1\nport 6379\n# requirepass foobared\nrequirepass %s\nmaxmemory 2gb\n" % pw)

    g.begin("opt/tomcat/conf/tomcat-users.xml")
    pw = g.password()
    g.plant("password", pw, "tomcat-users.xml password attribute")
    g.write('<?xml version="1.0" encoding="UTF-8"?>\n<tomcat-users xmlns="http://tomcat.apache.org/xml">\n'
            '  <role rolename="manager-gui"/>\n  <user username="deployer" password="%s" roles="manager-gui,manager-script"/>\n'
            '</tomcat-users>\n' % pw)

    g.begin("app/src/main/resources/application.properties")
    p1, p2 = g.password(), g.password()
    g.plant("password", p1, "spring.datasource.password")
    g.plant("password", p2, "spring.mail.password")
    g.write("spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.username=app\n"
            "spring.datasource.password=%s\nspring.mail.host=smtp.office365.com\nspring.mail.password=%s\n" % (p1, p2))

    g.begin("www/phpmyadmin/config.inc.php")
    pw = g.password()
    g.plant("password", pw, "phpMyAdmin $cfg['Servers'][$i]['password']")
    g.write("<?php\n$i = 1;\n$cfg['Servers'][$i]['host'] = 'localhost';\n$cfg['Servers'][$i]['user'] = 'root';\n"
            "$cfg['Servers'][$i]['password'] = '%s';\n" % pw)

    g.begin("Users/ops/AppData/Roaming/FileZilla/sitemanager.xml")
    pw = g.password()
    b = base64.b64encode(pw.encode()).decode()
    g.plant("password", b, "FileZilla <Pass encoding=\"base64\"> (the password in base64)", also=["token"])
    g.write('<?xml version="1.0" encoding="UTF-8"?>\n<FileZilla3 version="3.66.1" platform="windows">\n  <Servers>\n'
            '    <Server>\n      <Host>ftp.acme-corp.example</Host>\n      <Port>21</Port>\n      <Protocol>0</Protocol>\n'
            '      <User>webmaster</User>\n      <Pass encoding="base64">%s</Pass>\n      <Name>prod ftp</Name>\n'
            '    </Server>\n  </Servers>\n</FileZilla3>\n' % b)

    g.begin("etc/wpa_supplicant/wpa_supplicant.conf")
    pw = g.password()
    g.plant("password", pw, "wpa_supplicant psk=\"...\" (Wi-Fi passphrase)")
    g.write('ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev\nupdate_config=1\ncountry=GB\n\nnetwork={\n'
            '\tssid="ACME-Staff"\n\tpsk="%s"\n\tkey_mgmt=WPA-PSK\n}\n' % pw)

    g.begin("etc/postfix/sasl_passwd")
    pw = g.password()
    g.plant("password", pw, "Postfix sasl_passwd [relay]:587 user:password")
    g.plant("email", "alerts@acme-corp.com", "relay login in sasl_passwd")
    g.write("[smtp.gmail.com]:587 alerts@acme-corp.com:%s\n" % pw)

    g.begin("k8s/db-secret.yaml")
    pw = g.password()
    b = base64.b64encode(pw.encode()).decode()
    g.plant("password", b, "Kubernetes Secret data.password (base64)", also=["token"])
    g.plant("password", pw, "Kubernetes Secret data.password, decoded")
    g.write("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-credentials\ntype: Opaque\ndata:\n"
            "  username: %s\n  password: %s\n" % (base64.b64encode(b"app").decode(), b))

    g.begin("home/ops/.s3cfg")
    ak, sk = "AKIA" + g.s(string.ascii_uppercase + "234567", 16), g.s(ALNUM + "/+", 40)
    g.plant("aws_key", ak, "access_key in .s3cfg")
    g.plant("aws_secret", sk, "secret_key in .s3cfg", also=["token", "password"])
    g.write("[default]\naccess_key = %s\nsecret_key = %s\nhost_base = s3.amazonaws.com\nuse_https = True\n" % (ak, sk))

    g.begin("home/dev/.cargo/credentials.toml")
    t = "cio" + g.s(ALNUM, 32)
    g.plant("token", t, "crates.io token in Cargo's credentials.toml", also=["password"])
    g.write('[registry]\ntoken = "%s"\n' % t)


def build_forms(g):
    r = g.r
    # national phone forms after labels, several countries
    g.begin("crm/branch_contacts.txt")
    out = []
    for label, num, norm in (("\u96fb\u8a71", "03-%s-%s" % (g.d(4), g.d(4)), None),
                             ("Mobile", "04%s %s %s" % (g.d(2), g.d(3), g.d(3)), None),
                             ("Cell", "082 %s %s" % (g.d(3), g.d(4)), None),
                             ("Tel", "(11) 3%s-%s" % (g.d(3), g.d(4)), None),
                             ("Tel\u00e9fono", "55 %s %s" % (g.d(4), g.d(4)), None),
                             ("Telefon", "0%s %s" % ("30", g.d(8)), None)):
        digits = "".join(c for c in num if c.isdigit())
        g.plant("phone", norm or digits, "national form after %s (%s)" % (label, num))
        out.append("%s: %s" % (label, num))
    g.write("\n".join(out) + "\n")

    # dates of birth in the forms people type
    g.begin("hr/applicants.txt")
    out = []
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    for fmt in ("DOB: {d}{th} of {M} {Y}", "Born: {M} {d}{th}, {Y}", "Date of birth: {Y}.{m:02d}.{d:02d}",
                "DOB {d:02d}-{MON}-{Y}", "D.O.B {d}/{m}/{Y}", "Fecha de nacimiento: {d} de {mes} de {Y}",
                "Date of Birth: {m}/{d}/{y:02d}", "Birthdate: {Y}/{m:02d}/{d:02d}"):
        iso = g.dob_iso()
        Y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:])
        mes = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
               "noviembre", "diciembre"][m - 1]
        g.plant("dob", iso, "date of birth as %s" % fmt)
        th = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        out.append(fmt.format(th=th, d=d, m=m, Y=Y, y=Y % 100, M=months[m - 1], MON=months[m - 1][:3].upper(), mes=mes))
    g.write("\n".join(out) + "\n")

    # upper-case and sub-addressed e-mails
    g.begin("crm/leads.txt")
    out = []
    for em in ("%s.%s@%s" % (r.choice(["JOHN", "MARY"]), r.choice(["DOE", "ROE"]), r.choice(["ACME-CORP.COM", "GLOBEX.CO.UK"])),
               "%s+%s@%s" % (r.choice(["ana", "eva"]), r.choice(["newsletter", "crm"]), r.choice(["gmail.com", "proton.me"]))):
        g.plant("email", em.lower(), "address %s" % ("in capitals" if em.isupper() else "with a +tag"))
        out.append("Lead: %s" % em)
    g.write("\n".join(out) + "\n")


def build_decoys2(g):
    r = g.r
    g.begin("templates/redis.conf.default", decoy=True)
    g.write("# requirepass foobared\n# masterauth <master-password>\nport 6379\n")
    g.begin("templates/provision.sql.tmpl", decoy=True)
    g.write("CREATE USER '{{ db_user }}'@'%' IDENTIFIED BY '{{ db_password }}';\nALTER USER app WITH PASSWORD '<password>';\n"
            "CREATE USER 'svc'@'%' IDENTIFIED BY '${SVC_PASSWORD}';\n")
    g.begin("templates/wpa_supplicant.example", decoy=True)
    g.write('network={\n\tssid="example"\n\tpsk="<your passphrase>"\n}\nnetwork={\n\tssid="guest"\n\tkey_mgmt=NONE\n}\n')
    g.begin("logs/app_metrics.log", decoy=True)
    out = []
    for i in range(5):
        out.append("2024-03-%02dT10:%02d:%02d.%03d+0100 req=%s dur_ms=%d bytes=%d build=%d.%d.%d sha=%s" % (
            10 + i, i, i * 7, r.randint(0, 999), g.uuid(), r.randint(1, 9999), r.randint(10 ** 5, 10 ** 9),
            r.randint(1, 9), r.randint(0, 30), r.randint(0, 9999), g.hx(40)))
    g.write("\n".join(out) + "\n")


def build_known_misses(g):
    """Documented misses (docs/rules.md, red-team review 12): each needs a
    reader, not a rule."""
    r = g.r
    g.begin("crm/contacts_split_phone.csv")
    rows = ["name,area_code,phone,email"]
    for i in range(2):
        ph, em = g.nanp(), "%s%d@globex.com" % (r.choice(["dana", "ira"]), i)
        g.plant("phone", ph, "a phone split over an area-code column and a number column",
                wontfix="the table reader labels the phone column alone ('phone: 686-4021', 7 digits): joining "
                "two columns is the table reader's job (src/extract/tablectx.c), a rule sees one cell")
        g.plant("email", em, "e-mail beside the split phone")
        rows.append("Dana Holt,%s,%s-%s,%s" % (ph[:3], ph[3:6], ph[6:], em))
    g.write("\n".join(rows) + "\n")
    g.begin("logs/api_debug.log")
    em = "%s@globex.com" % r.choice(["ira.vance", "lee.moss"])
    g.plant("email", em, "e-mail inside a base64-encoded JSON body in a debug log",
            wontfix="no reader decodes base64 runs in plain text; a rule cannot decode")
    body = base64.b64encode(json.dumps({"email": em, "plan": "pro"}).encode()).decode()
    g.write("2024-03-14 10:11:13 DEBUG POST /v2/signup body=%s\n2024-03-14 10:11:14 INFO 201 Created\n" % body)
    g.begin("web/team_underscored.txt")
    em = "%s@initech.io" % r.choice(["dana.holt", "press"])
    g.plant("email", em, "address spelled with _at_ (name_at_domain.io)",
            wontfix="spelled_addresses() (src/pipeline/pipeline.c) reads bracketed and bare-word forms only: "
            "snake_case identifiers (created_at_utc.py) have the same shape")
    g.write("Write to %s for interviews.\n" % em.replace("@", "_at_"))


def build_network(g):
    """A router's running config (Cisco type 7 and type 9 secrets, SNMP
    communities), Group Policy Preferences' cpassword, CMS and framework
    settings, gcloud's application default credentials."""
    r = g.r
    g.begin("netops/configs/edge-rtr-01.cfg")
    h9 = "$9$" + g.s(ALNUM + "./", 14) + "$" + g.s(ALNUM + "./", 43)
    t7a, t7b = "08" + g.s("0123456789ABCDEF", 16), "09" + g.s("0123456789ABCDEF", 10)
    comm = g.password().replace("!", "").replace("#", "")
    g.plant("password_hash", h9, "Cisco enable secret 9 (scrypt)")
    g.plant("password", t7a, "Cisco username ... password 7 (reversible type 7)")
    g.plant("password", t7b, "Cisco line vty password 7 (reversible type 7)")
    g.plant("password", comm, "SNMP community (RW)")
    g.write("hostname edge-rtr-01\n!\nenable secret 9 %s\nusername netops privilege 15 password 7 %s\n"
            "snmp-server community %s RW\nsnmp-server community public RO\n!\nline vty 0 4\n password 7 %s\n"
            " transport input ssh\n!\nend\n" % (h9, t7a, comm, t7b))

    g.begin("sysvol/Policies/{31B2F340-016D-11D2-945F-00C04FB984F9}/Machine/Preferences/Groups/Groups.xml")
    cp = g.s(ALNUM + "+/", 43)
    g.plant("password", cp, "Group Policy Preferences cpassword (AES key published by Microsoft)", also=["token"])
    g.write('<?xml version="1.0" encoding="utf-8"?>\n<Groups clsid="{3125E937-EB16-4b4c-9934-544FC6D24D26}">'
            '<User clsid="{DF5F1855-51E5-4d24-8B1A-D9BDE98BA1D1}" name="LocalAdmin" image="2" changed="2019-05-14 09:12:33">'
            '<Properties action="U" newName="" fullName="" description="" cpassword="%s" changeLogon="0" noChange="1" '
            'neverExpires="1" acctDisabled="0" userName="LocalAdmin"/></User>\n</Groups>\n' % cp)

    g.begin("www/sites/default/settings.php")
    p1 = g.password()
    g.plant("password", p1, "Drupal $databases ... 'password' => '...'")
    g.write("<?php\n$databases['default']['default'] = array (\n  'database' => 'drupal',\n  'username' => 'drupal',\n"
            "  'password' => '%s',\n  'host' => 'localhost',\n);\n" % p1)
    g.begin("www/configuration.php")
    p1, sec = g.password(), g.s(ALNUM, 16)
    g.plant("password", p1, "Joomla public $password")
    g.plant("token", sec, "Joomla public $secret", also=["password"])
    g.write("<?php\nclass JConfig {\n\tpublic $user = 'joomla';\n\tpublic $password = '%s';\n\tpublic $secret = '%s';\n}\n"
            % (p1, sec))
    g.begin("app/project/settings.py")
    p1 = g.password()
    g.plant("password", p1, "Django DATABASES 'PASSWORD'")
    g.write("DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.postgresql',\n        'NAME': 'app',\n"
            "        'USER': 'app',\n        'PASSWORD': '%s',\n        'HOST': 'db',\n    }\n}\n" % p1)

    g.begin("home/dev/.config/gcloud/application_default_credentials.json")
    rt = "1//0" + g.s(URLSAFE, 99)
    g.plant("token", rt, "Google OAuth refresh token in gcloud's application default credentials")
    g.write(json.dumps({"client_id": "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com",
                        "client_secret": "d-FL95Q19q7MQmFpd7hHD0Ty", "refresh_token": rt,
                        "type": "authorized_user"}, indent=2) + "\n")
    # the same file of a user who logged out: the SDK's public client only
    g.begin("home/qa/.config/gcloud/application_default_credentials.json", decoy=True)
    g.write(json.dumps({"client_id": "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com",
                        "client_secret": "d-FL95Q19q7MQmFpd7hHD0Ty", "type": "authorized_user"}, indent=2) + "\n")
    g.begin("netops/configs/template.cfg", decoy=True)
    g.write("hostname {{ hostname }}\nenable secret 9 <hash>\nsnmp-server community public RO\nsnmp-server community private RW\n"
            "line vty 0 4\n password 7 <type7>\n")


def main():
    _base.main(Gen, build_tickets, build_sql, build_cards, build_phones_dobs, build_secrets, build_decoys,
                build_configs, build_forms, build_decoys2, build_known_misses,
                build_network)


if __name__ == "__main__":
    sys.exit(main())
