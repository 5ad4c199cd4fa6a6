#!/usr/bin/env python3
"""Second red-team answer key (rulesred2): realistic secret and PII shapes
that the first key (gen_rulesred.py) and the secret generators do not
plant, and the false positives seen on real text (test summaries, HTML
search forms, SIP address lists, logs, .po files, man-page synopses).

Usage: gen_rulesred2.py OUTDIR KEYFILE [--seed S]

Every value is made here (random, with valid check digits where the real
thing has them: Luhn, mod 97); the token shapes follow the vendors'
documented prefixes and lengths. Nothing is copied from a fetched corpus.
The key format is gen_rulesred.py's (its Gen class is reused):
  {"files": {"<rel>": {"expect": [{"entity", "norm", "kind", "also", "wontfix"}],
                       "decoy": bool}}}
"""
import base64
import json
import os
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_rulesred as _base  # noqa: E402

ALNUM = _base.ALNUM
HEX = _base.HEX
LOWER_B32 = "abcdefghijklmnopqrstuvwxyz234567"
BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"
URLSAFE = ALNUM + "_-"


class Gen(_base.Gen):
    def tokchars(self, alphabet, n):
        # mixed: at least one digit and one letter, and no run that reads as a placeholder
        while True:
            v = "".join(self.r.choice(alphabet) for _ in range(n))
            if any(c.isdigit() for c in v) and sum(c.isalpha() for c in v) > min(8, n // 3) and "xxxx" not in v.lower():
                return v

    def b64url(self, n):
        return base64.urlsafe_b64encode(bytes(self.r.getrandbits(8) for _ in range(n))).rstrip(b"=").decode()


def build(g):
    r = g.r

    # ---- 1. vendor tokens by documented prefix, without a telling key name ----
    g.begin("home/dev/.bash_history")
    hvs = g.plant("token", "hvs." + g.tokchars(URLSAFE, 90), "vault service token (hvs.)")
    dckr = g.plant("token", "dckr_pat_" + g.tokchars(URLSAFE, 27), "Docker Hub PAT")
    nuget = g.plant("token", "oy2" + g.tokchars(string.ascii_lowercase + string.digits, 43), "NuGet API key (oy2)")
    lin = g.plant("token", "lin_api_" + g.tokchars(ALNUM, 40), "Linear API key")
    sntry = g.plant("token", "sntryu_" + g.tokchars(HEX, 64), "Sentry user auth token")
    pul = g.plant("token", "pul-" + g.tokchars(HEX, 40), "Pulumi access token")
    sbp = g.plant("token", "sbp_" + g.tokchars(HEX, 40), "Supabase access token")
    g.write("cd ~/src/platform\n"
            "vault login %s\n"
            "echo %s | docker login -u mlopez --password-stdin\n"
            "dotnet nuget push bin/Release/Acme.Core.4.2.0.nupkg --api-key %s --source nuget.org\n"
            "curl -s -H 'Authorization: %s' https://api.linear.app/graphql -d @q.json\n"
            "sentry-cli --auth-token %s releases new 4.2.0\n"
            "pulumi login --cloud-url https://api.pulumi.com <<< %s\n"
            "supabase login --token %s\n"
            "git push origin main\n" % (hvs, dckr, nuget, lin, sntry, pul, sbp))

    g.begin("home/dev/.vault-token")
    v2 = g.plant("token", "hvs." + g.tokchars(URLSAFE, 24), "vault token file (short hvs.)")
    g.write(v2)

    g.begin("keys/age/keys.txt")
    age = g.plant("token", "AGE-SECRET-KEY-1" + "".join(r.choice(BECH32) for _ in range(58)), "age secret key")
    g.write("# created: 2024-03-14T09:12:44Z\n# public key: age1%s\n%s\n"
            % ("".join(r.choice(BECH32.lower()) for _ in range(58)), age))

    g.begin("deploy/terraform/.terraformrc")
    tfc = g.plant("token", g.tokchars(ALNUM, 14) + ".atlasv1." + g.tokchars(ALNUM, 67), "Terraform Cloud token")
    g.write('plugin_cache_dir = "$HOME/.terraform.d/plugin-cache"\n'
            'credentials "app.terraform.io" {\n  token = "%s"\n}\n' % tfc)

    g.begin("src/payments/square_client.py")
    sq_secret = g.plant("token", "sq0csp-" + g.tokchars(URLSAFE, 43), "Square application secret (sq0csp-)")
    sq_token = g.plant("token", "sq0atp-" + g.tokchars(URLSAFE, 22), "Square access token (sq0atp-)")
    g.write("from square.client import Client\n\n"
            "OAUTH = {\"application_id\": \"sq0idp-%s\", \"application_secret\": \"%s\"}\n"
            "client = Client(token='%s', environment='production')\n"
            % (g.tokchars(URLSAFE, 22), sq_secret, sq_token))

    g.begin("src/marketing/newsletter.php")
    mc = g.plant("token", g.tokchars(HEX, 32) + "-us" + str(r.randint(1, 21)), "Mailchimp API key (hex-usN)")
    g.write("<?php\n$mailchimp = new \\MailchimpMarketing\\ApiClient();\n"
            "$mailchimp->setConfig(['apiKey' => '%s', 'server' => 'us6']);\n" % mc)

    g.begin("ops/figma_export.js")
    figd = g.plant("token", "figd_" + g.tokchars(URLSAFE, 40), "Figma personal access token")
    dp = g.plant("token", "dp.pt." + g.tokchars(ALNUM, 43), "Doppler personal token")
    g.write("const headers = { 'X-Figma-Token': '%s' };\n"
            "// doppler: run with `doppler run --token %s -- node export.js`\n" % (figd, dp))

    g.begin("mobile/android/fcm_push.py")
    fcm = g.plant("token", "AAAA" + g.tokchars(URLSAFE, 7) + ":APA91b" + g.tokchars(URLSAFE, 134), "Firebase Cloud Messaging server key")
    g.write("import requests\nheaders = {'Authorization': 'key=%s',\n"
            "           'Content-Type': 'application/json'}\n" % fcm)

    g.begin("ops/ci/gem_release.sh")
    gem = g.plant("token", "rubygems_" + g.tokchars(HEX, 48), "RubyGems API key")
    g.write("#!/bin/sh\nset -e\nmkdir -p ~/.gem\nprintf -- '---\\n:rubygems_api_key: %s\\n' > ~/.gem/credentials\n"
            "gem push pkg/*.gem\n" % gem)

    g.begin("home/dev/.azure/devops.env")
    ado = g.plant("token", "".join(r.choice(LOWER_B32) for _ in range(50)) + g.d(2).replace("0", "2").replace("1", "3")
                  .replace("8", "4").replace("9", "5"), "Azure DevOps PAT (52 base32) under AZURE_DEVOPS_EXT_PAT")
    azdo = g.plant("token", g.tokchars(ALNUM, 76) + "AZDO" + g.tokchars(ALNUM, 4), "Azure DevOps PAT (84, AZDO)")
    g.write("export AZURE_DEVOPS_EXT_PAT=%s\n# new-format token for the build agent\nAGENT_AUTH=%s\n" % (ado, azdo))

    g.begin("ops/slack/rotation.json")
    xoxe = g.plant("token", "xoxe.xoxp-1-" + g.tokchars(ALNUM + "-", 146), "Slack rotating user token (xoxe.xoxp-)")
    g.write('{"ok": true, "token": "%s", "exp": 43200}\n' % xoxe)

    # ---- 2. credentials in configs the first key did not have ----
    g.begin("net/core-sw1-running-config.txt")
    cisco = g.plant("password", "Cr" + g.d(3) + "Sw!tch" + g.d(2), "Cisco type 0 password")
    md5 = g.plant("password_hash", "$1$%s$%s" % (g.rand(ALNUM, 4), "".join(r.choice(ALNUM + "./") for _ in range(22))),
                  "md5crypt enable secret")
    g.write("hostname core-sw1\n!\nenable secret 5 %s\n" % md5 +
            "username netadmin privilege 15 password 0 %s\n!\ninterface Vlan10\n ip address 10.10.0.2 255.255.255.0\n" % cisco)

    g.begin("home/dev/.my.cnf")
    mycnf = g.plant("password", g.password(), "MySQL option file password")
    g.write("[client]\nuser=app_rw\npassword=%s\nhost=db-prod-1.internal\n" % mycnf)

    g.begin("ops/backup_db.sh")
    pgpw = g.plant("password", g.password(), "PGPASSWORD= environment")
    mypw = g.plant("password", g.password(), "MYSQL_PWD= environment")
    g.write("#!/bin/bash\nexport PGPASSWORD='%s'\npg_dump -h db-prod-1 -U backup acme > /backup/acme.sql\n"
            "MYSQL_PWD=%s mysqldump -u backup shop > /backup/shop.sql\n" % (pgpw, mypw))

    g.begin("etc/fstab")
    cifs = g.plant("password", g.password(), "cifs mount password option")
    g.write("UUID=2f1c8d0e-1b3a-4c5d-9e8f-0a1b2c3d4e5f / ext4 defaults 0 1\n"
            "//fs01/finance /mnt/finance cifs username=svc_backup,password=%s,vers=3.0 0 0\n" % cifs)

    g.begin("backup/smbpasswd")
    nt = "".join(r.choice("0123456789ABCDEF") for _ in range(32))
    g.plant("password_hash", nt, "Samba smbpasswd NT hash")
    g.write("alice:1001:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:%s:[U          ]:LCT-5F3A1B2C:\n" % nt)

    g.begin("exfil/wlan/Wi-Fi-CorpGuest.xml")
    wifi = g.plant("password", g.password(), "WLAN profile keyMaterial (netsh wlan export profile key=clear)")
    g.write('<?xml version="1.0"?>\n<WLANProfile xmlns="http://www.microsoft.com/networking/WLAN/profile/v1">\n'
            '<name>CorpGuest</name>\n<MSM><security><authEncryption><authentication>WPA2PSK</authentication>'
            '<encryption>AES</encryption></authEncryption>\n<sharedKey><keyType>passPhrase</keyType>'
            '<protected>false</protected>\n<keyMaterial>%s</keyMaterial>\n</sharedKey></security></MSM>\n'
            '</WLANProfile>\n' % wifi)

    g.begin("vpn/client.ovpn")
    hexkey = "".join(r.choice("0123456789abcdef") for _ in range(512))
    lines = [hexkey[i:i + 32] for i in range(0, 512, 32)]
    g.plant("private_key", "".join(lines)[:255], "OpenVPN static key (tls-auth)")
    g.write("client\ndev tun\nremote vpn.acme-corp.com 1194\nkey-direction 1\n<tls-auth>\n#\n# 2048 bit OpenVPN static key\n#\n"
            "-----BEGIN OpenVPN Static key V1-----\n%s\n-----END OpenVPN Static key V1-----\n</tls-auth>\n"
            % "\n".join(lines))

    g.begin("config/s3cfg")
    s3sec = g.plant("aws_secret", g.rand(ALNUM, 40), "s3cmd secret_key", also=["token"])
    akia = g.plant("aws_key", "AKIA" + "".join(r.choice(_base.B32) for _ in range(16)), "s3cmd access_key")
    g.write("[default]\naccess_key = %s\nsecret_key = %s\nhost_base = s3.amazonaws.com\n" % (akia, s3sec))

    g.begin("config/sqlserver.udl.txt")
    ado = g.plant("password", g.password(), "ADO.NET Pwd=")
    g.write("Provider=MSOLEDBSQL;Data Source=sql-prod-02;Initial Catalog=Payroll;User ID=payroll_app;Pwd=%s;\n" % ado)

    # ---- 3. PII shapes ----
    g.begin("crm/contacts_international.txt")
    lines = []
    for cc, fmt, digits in [("44", "+44 7700 9%s %s", (5, 3)), ("33", "+33 6 %s %s %s %s", (2, 2, 2, 2)),
                            ("49", "+49 (0)30 %s", (7,)), ("91", "+91 98%s %s", (3, 5)),
                            ("61", "+61 4%s %s %s", (2, 3, 3)), ("86", "+86 138 %s %s", (4, 4)),
                            ("81", "+81 90-%s-%s", (4, 4)), ("353", "+353 87 %s %s", (3, 4)),
                            ("7", "+7 (495) %s-%s-%s", (3, 2, 2)), ("27", "+27 82 %s %s", (3, 4)),
                            ("34", "+34 612 %s %s %s", (2, 2, 2)), ("31", "+31 6 %s", (8,)),
                            ("46", "+46 70 %s %s %s", (3, 2, 2)), ("48", "+48 512 %s %s", (3, 3)),
                            ("971", "+971 50 %s %s", (3, 4)), ("65", "+65 9%s %s", (3, 4)),
                            ("82", "+82 10-%s-%s", (4, 4)), ("52", "+52 55 %s %s", (4, 4))]:
        parts = tuple(str(r.randint(1, 9)) + g.d(n - 1) for n in digits)
        v = fmt % parts
        norm = "".join(c for c in v.replace("(0)", "") if c.isdigit())
        g.plant("phone", norm, "international phone +%s" % cc)
        name = r.choice(["Dana Whitfield", "Luc Moreau", "Anja Keller", "Priya Natarajan", "Wei Zhang", "Kenji Sato"])
        lines.append("%-18s %s" % (name, v))
    g.write("Regional contacts (updated Q3)\n\n" + "\n".join(lines) + "\n")

    g.begin("hr/dob_more_forms.txt")
    dobs = []
    for form in ["DOB: %d-%02d-%d", "Date of Birth: %d/%d/%d", "DOB: %d.%02d.%02d", "Born: %dth March, %d",
                 "D.O.B.: %s %d, %d", "Birthdate: %d-%s-%d", "DOB %s %d %d", "Date of birth (MM/DD/YYYY): %02d/%02d/%d"]:
        y = r.randint(1950, 2003)
        d = r.randint(13, 28)
        m = r.randint(1, 12)
        mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]
        if form == "DOB: %d-%02d-%d":
            v = "%d-%02d-%d" % (d, m, y)
        elif form == "Date of Birth: %d/%d/%d":
            v = "%d/%d/%d" % (d, m, y)
        elif form == "DOB: %d.%02d.%02d":
            v = "%d.%02d.%02d" % (y, m, d)
        elif form == "Born: %dth March, %d":
            v = "%dth March, %d" % (d, y)
        elif form == "D.O.B.: %s %d, %d":
            v = "%s. %d, %d" % (mon, d, y)
        elif form == "Birthdate: %d-%s-%d":
            v = "%02d-%s-%d" % (d, mon.upper(), y)
        elif form == "DOB %s %d %d":
            v = "%s %d %d" % (mon, d, y)
        else:
            v = "%02d/%02d/%d" % (m, d, y)
        label = form.split("%")[0]
        g.plant("dob", v, "dob " + form)
        dobs.append("Employee #%s  %s%s" % (g.d(5), label, v))
    g.write("\n".join(dobs) + "\n")

    g.begin("finance/card_payments.txt")
    cards = [("4", 16, "-"), ("51", 16, " "), ("37", 15, " "), ("36", 14, " "), ("6011", 16, "-"), ("4", 19, " "),
             ("35", 16, " "), ("2221", 16, "")]
    out = []
    for pfx, n, sep in cards:
        c = g.card(pfx, n)
        g.plant("credit_card", c, "card %s/%d sep %r" % (pfx, n, sep))
        if n == 15:
            v = sep.join([c[:4], c[4:10], c[10:]])
        elif n == 14:
            v = sep.join([c[:4], c[4:10], c[10:]])
        elif n == 19:
            v = sep.join([c[i:i + 4] for i in range(0, 16, 4)] + [c[16:]])
        else:
            v = sep.join(c[i:i + 4] for i in range(0, n, 4)) if sep else c
        out.append("%s  %-26s exp %02d/%02d  ok" % (r.choice(["J. Ortega", "M. Fischer", "K. Adeyemi"]), v,
                                                   r.randint(1, 12), r.randint(26, 30)))
    # network test numbers: reported (docs/rules.md, Decoys and decisions)
    g.plant("credit_card", "4111111111111111", "Visa test number (reported by decision)")
    g.plant("credit_card", "378282246310005", "Amex test number (reported by decision)")
    out.append("TEST  4111 1111 1111 1111 exp 12/30 (sandbox)")
    out.append("TEST  3782 822463 10005 exp 12/30 (sandbox)")
    g.write("\n".join(out) + "\n")

    g.begin("finance/supplier_ibans.csv")
    rows = ["supplier,country,iban"]
    for cc, n, kind in [("NO", 11, "n"), ("MT", 27, "MT"), ("BR", 25, "BR"), ("SA", 20, "n"), ("QA", 25, "QA"),
                        ("UA", 25, "n"), ("PS", 25, "PS"), ("EG", 25, "n"), ("SC", 27, "SC"), ("LC", 28, "LC"),
                        ("MU", 26, "MU"), ("KZ", 16, "n"), ("IL", 19, "n"), ("TR", 22, "n")]:
        if kind == "MT":
            bban = "MALT" + g.d(5) + g.rand(string.ascii_uppercase + string.digits, 18)
        elif kind == "BR":
            bban = g.d(23) + "C1"
        elif kind == "QA":
            bban = "DOHB" + g.d(21)
        elif kind == "PS":
            bban = "PALS" + g.d(21)
        elif kind == "SC":
            bban = "SSCB" + g.d(20) + "SCR"
        elif kind == "LC":
            bban = "HEMM" + g.d(24)
        elif kind == "MU":
            bban = "BOMM" + g.d(19) + "MUR"
        else:
            bban = g.d(n)
        v = g.iban(cc, bban)
        g.plant("iban", v, "IBAN %s" % cc)
        rows.append("%s Ltd,%s,%s" % (r.choice(["Nordlys", "Azure Sea", "Harbour", "Cedar"]), cc,
                                      g.grouped(v) if r.random() < 0.5 else v))
    g.write("\n".join(rows) + "\n")

    g.begin("hr/passports_and_mail.txt")
    ps = []
    for v, label in [(g.d(9), "Passport No: "), ("C" + g.d(2) + "X" + g.d(2) + "T" + g.d(2), "Passport number: "),
                     ("J" + g.d(7), "Passport: "), (g.d(2) + "AB" + g.d(5), "passport no. ")]:
        g.plant("passport", v, "passport " + label.strip())
        ps.append(label + v)
    for addr in ["j.smith+hr@mail.acme-corp.com", "anna.k@studio.photography", "jose.silva@empresa.com.br",
                 "m_o-neill@uni.ac.uk"]:
        g.plant("email", addr, "email " + addr.split("@")[1])
        ps.append("Contact: " + addr)
    g.write("\n".join(ps) + "\n")

    # ---- 4. real-text shapes that read as findings (false positives) ----
    g.begin("decoy/test_summary.yml", decoy=True)
    g.write("suite: integration\npass: %d\nfail: %d\nskip: %d\nduration: 812.4\n"
            "results:\n  - name: api\n    pass: %d\n    fail: 0\n" % (r.randint(1000, 9999), r.randint(1, 9),
                                                                      r.randint(10, 99), r.randint(100, 999)))

    g.begin("decoy/search_form.html", decoy=True)
    g.write('<form action="/search">\n<input type="text" name="password" value="Search">\n'
            '<input name="username" value="Login">\n'
            '<input type="password" name="password" value="">\n'
            '<input type="submit" name="password" value="Reset">\n</form>\n')

    g.begin("pbx/sip_peers.txt")
    sip = []
    for u, d, port in [("alice", "atlanta.com", 5060), ("bob", "biloxi.com", 5060), ("carol", "chicago.com", 5061),
                       ("dave", "denver.com", 5060)]:
        g.plant("email", "%s@%s" % (u, d), "SIP address (an e-mail-shaped URI)")
        sip.append("%s@%s:%d" % (u, d, port))
    g.write("\n".join(sip) + "\n")

    g.begin("decoy/auth.log", decoy=True)
    g.write("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0 "
            "tty=NODEVssh ruser= rhost=218.188.2.4\n"
            "Jun 15 02:04:59 combo sshd[20882]: Failed password for invalid user admin from 220.117.241.87 port 4213 ssh2\n"
            "Jun 15 02:05:01 combo sshd[20884]: Accepted password for root from 10.0.0.5 port 50122 ssh2\n"
            "Jun 15 04:06:18 combo su(pam_unix)[21416]: session opened for user cyrus by (uid=0)\n"
            "Jul  1 09:00:01 combo passwd[1221]: password for 'jdoe' changed by 'root'\n")

    g.begin("decoy/messages.po", decoy=True)
    g.write('msgid "Password:"\nmsgstr "Passwort:"\n\nmsgid "Enter password for %s:"\nmsgstr "Passwort für %s eingeben:"\n\n'
            'msgid "password=%s"\nmsgstr "Kennwort=%s"\n\nmsgid "The password is too short"\nmsgstr "Das Passwort ist zu kurz"\n')

    g.begin("decoy/manpage.txt", decoy=True)
    g.write("SYNOPSIS\n  mysql [-u user] [-p[password]] [--password[=password]]\n"
            "  curl -u user:password https://host/\n  sshpass -p PASSWORD ssh host\n"
            "OPTIONS\n  -p, --password=PASSWORD\n      The password to use. pass: NUMBER of passes\n")

    g.begin("decoy/hdfs_datanode.log", decoy=True)
    # HDFS block ids (loghub's HDFS_2k.log): card-shaped, Luhn-valid numbers after "blk_"
    lines = []
    for i in range(12):
        blk = g.card(r.choice(["38", "40", "45", "51", "36"]), r.choice([16, 17, 19]))
        lines.append("081109 2035%02d %d INFO dfs.DataNode$PacketResponder: Received block blk_%s%s of size 67108864 "
                     "from /10.251.%d.%d" % (i, r.randint(100, 999), r.choice(["", "-"]), blk, r.randint(1, 250),
                                             r.randint(1, 250)))
    g.write("\n".join(lines) + "\n")

    g.begin("decoy/changelog", decoy=True)
    # sudoers and shell lines, and file formats described in man pages (/usr/share/doc, /usr/share/man)
    g.write("  Fixes parsing of: testuser\n\tALL=NOPASSWD: /usr/bin/wl #comment\n"
            "  $ ./run_benchmarks --benchmark_context=pwd=`pwd`\n"
            "Each line has the format:\n  login_name:passwd:UID:GID:user_name:directory:shell\n"
            "  group_name:password:GID:user_list\n"
            "  hostname:port:username:password:base_dn:flags\n"
            "  ldap.example.com::uid=USERNAME,dc=example,dc=com:PASSWORD::starttls\n")

    g.begin("decoy/open_data.csv", decoy=True)
    rows = ["station_id,lat,lon,zip,fips,opened,count"]
    for _ in range(40):
        rows.append("%s,%.6f,%.6f,%s,%s,%d-%02d-%02d,%d" % (g.d(10), r.uniform(25, 48), -r.uniform(70, 120), g.d(5),
                                                           g.d(5), r.randint(1990, 2020), r.randint(1, 12),
                                                           r.randint(1, 28), r.randint(0, 99999)))
    g.write("\n".join(rows) + "\n")


def main():
    _base.main(Gen, build)


if __name__ == "__main__":
    sys.exit(main())
