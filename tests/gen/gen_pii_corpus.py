#!/usr/bin/env python3
"""Plant valid PII/secret values and look-alike decoys in varied text files.

Usage: gen_pii_corpus.py OUTDIR KEYFILE [--files N] [--seed S]

Writes N text files (txt, csv, json, log, md, ini/env) into OUTDIR and an
answer key (JSON) to KEYFILE, which must be outside OUTDIR:

  {"files": {"<relative path>": {"<entity>": ["<normalised value>", ...]}},
   "entities": {"<entity>": ["<normalised value>", ...]},   # distinct, sorted
   "decoys": {"<kind>": N}}

Normalised exactly as DESIGN.md / docs/rules.md say (digits for ssn,
credit_card, phone with NANP numbers without the country code 1; upper-case
alphanumerics for iban and passport; lower-case e-mail; the JWT signature;
the private key's base64 body (first 255 characters); the bytes as written
otherwise), so a test can recompute HMAC-SHA256(key, entity ":" norm).

Decoys (must not be reported): Luhn-failing cards, bad-checksum IBANs, SSNs
in invalid ranges and published fakes, NANP numbers with invalid area or
exchange or in 555-01xx, asset names like logo@2x.png, order numbers, ISBNs,
timestamps, UUIDs, phone-like part numbers, AWS documentation keys,
placeholder passwords and tokens. Deterministic for a given seed.
"""
import argparse
import base64
import html
import json
import os
import random
import string
import zipfile

WORDS = ("the of and to in is was for on that with as by at from this be are "
         "or an which have has had not were but all been one their more will "
         "would there what about when can into some could them other than then "
         "only its also after use two how our work first well way even new want "
         "because any these give day most us report review team meeting project "
         "customer account update quarter budget vendor schedule contract office "
         "record please note attached summary draft final agenda notes follow "
         "status request approval delivery invoice shipment ticket support").split()

FIRST = "john jane alice bob carol dave erin frank grace heidi ivan judy mallory oscar peggy trent victor walter".split()
LAST = "smith jones brown taylor wilson davies evans thomas johnson roberts walker wright robinson thompson white".split()
DOMAINS = "example.com example.org mail.example.net corp.example.co.uk acme.example shop.example.io".split()

B32 = string.ascii_uppercase + "234567"
ALNUM = string.ascii_letters + string.digits


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.decoys = {}

    def digits(self, n):
        return "".join(self.r.choice(string.digits) for _ in range(n))

    def chars(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def mixed(self, alphabet, n):
        """Random string with at least one upper, one lower and one digit."""
        while True:
            s = self.chars(alphabet, n)
            if (any(c.isupper() for c in s) and any(c.islower() for c in s)
                    and any(c.isdigit() for c in s)
                    and "example" not in s.lower() and "xxxx" not in s.lower()):
                return s

    def sentence(self, n=None):
        n = n or self.r.randint(5, 14)
        w = [self.r.choice(WORDS) for _ in range(n)]
        return " ".join(w).capitalize() + "."

    def decoy(self, kind):
        self.decoys[kind] = self.decoys.get(kind, 0) + 1

    # ---- valid values: each returns (entity, text, norm) -------------------

    def ssn_parts(self):
        while True:
            a = self.r.randint(1, 899)
            if a == 666:
                continue
            g, s = self.r.randint(1, 99), self.r.randint(1, 9999)
            d = "%03d%02d%04d" % (a, g, s)
            if d in ("078051120", "219099999", "123456789", "457555462") or len(set(d)) == 1:
                continue
            return d

    def ssn(self):
        d = self.ssn_parts()
        form = self.r.randrange(4)
        if form <= 1:
            return "ssn", "%s-%s-%s" % (d[:3], d[3:5], d[5:]), d
        if form == 2:
            return "ssn", self.r.choice(["SSN: ", "ssn ", "SSN#"]) + d, d
        return "ssn", "Social Security Number: %s %s %s" % (d[:3], d[3:5], d[5:]), d

    @staticmethod
    def luhn_digit(body):
        s = 0
        for i, ch in enumerate(reversed(body)):
            v = int(ch)
            if i % 2 == 0:
                v = v * 2
                v = v - 9 if v > 9 else v
            s += v
        return str((10 - s % 10) % 10)

    def card_number(self):
        brand = self.r.choice(["visa", "visa", "mc", "mc2", "amex", "disc", "jcb", "diners"])
        pfx, n = {
            "visa": ("4", 16), "mc": (str(self.r.randint(51, 55)), 16),
            "mc2": (str(self.r.randint(2221, 2720)), 16),
            "amex": (self.r.choice(["34", "37"]), 15), "disc": ("6011", 16),
            "jcb": (str(self.r.randint(3528, 3589)), 16), "diners": ("36", 14),
        }[brand]
        while True:
            body = pfx + self.digits(n - len(pfx) - 1)
            num = body + self.luhn_digit(body)
            if len(set(num[1:])) > 1:
                return num

    def card_format(self, num, sep):
        if len(num) == 15:
            return sep.join([num[:4], num[4:10], num[10:]])
        if len(num) == 14:
            return sep.join([num[:4], num[4:10], num[10:]])
        return sep.join(num[i:i + 4] for i in range(0, len(num), 4))

    def card(self):
        num = self.card_number()
        sep = self.r.choice(["", " ", "-"])
        txt = num if sep == "" else self.card_format(num, sep)
        if self.r.random() < 0.2:  # expiry right after the number
            txt += " %02d/%02d" % (self.r.randint(1, 12), self.r.randint(25, 31))
        return "credit_card", txt, num

    IBAN = {"DE": (18, "n"), "FR": (23, "n"), "ES": (20, "n"), "IT": (23, "in"), "AT": (16, "n"),
            "BE": (12, "n"), "CH": (17, "n"), "PL": (24, "n"), "NO": (11, "n"),
            "GB": (18, "aaaa"), "NL": (14, "aaaa")}

    @staticmethod
    def iban_check(cc, bban):
        s = bban + cc + "00"
        num = "".join(str(int(c, 36)) for c in s)
        return "%02d" % (98 - int(num) % 97)

    def iban_value(self):
        cc = self.r.choice(sorted(self.IBAN))
        n, kind = self.IBAN[cc]
        if kind == "aaaa":
            bban = self.chars(string.ascii_uppercase, 4) + self.r.choice("01") + self.digits(n - 5)
        elif kind == "in":
            bban = self.r.choice(string.ascii_uppercase) + self.r.choice("01") + self.digits(n - 2)
        else:
            bban = self.r.choice("01") + self.digits(n - 1)
        return cc, bban

    def iban(self):
        cc, bban = self.iban_value()
        s = cc + self.iban_check(cc, bban) + bban
        txt = s if self.r.random() < 0.4 else " ".join(s[i:i + 4] for i in range(0, len(s), 4))
        return "iban", txt, s

    def email(self):
        local = self.r.choice(FIRST) + self.r.choice([".", "_", ""]) + self.r.choice(LAST)
        if self.r.random() < 0.3:
            local += str(self.r.randint(1, 999))
        addr = local + "@" + self.r.choice(DOMAINS)
        if self.r.random() < 0.2:
            addr = addr[0].upper() + addr[1:]
        txt = self.r.choice(["%s", "<%s>", "mailto:%s", "%s", "Email:%s", "from:%s"]) % addr
        return "email", txt, addr.lower()

    def nanp_parts(self):
        while True:
            a = "%d%d%d" % (self.r.randint(2, 9), self.r.randint(0, 8), self.r.randint(0, 9))
            e = "%d%02d" % (self.r.randint(2, 9), self.r.randint(0, 99))
            line = self.digits(4)
            if a[1:] == "11" or e[1:] == "11" or (e == "555" and line.startswith("01")):
                continue
            return a, e, line

    def phone(self):
        if self.r.random() < 0.25:
            cc, rest = self.r.choice([("44", "20 %s %s" % (self.digits(4), self.digits(4))),
                                      ("49", "30 %s" % self.digits(8)),
                                      ("33", "1 %s %s %s %s" % tuple(self.digits(2) for _ in range(4)))])
            txt = "+%s %s" % (cc, rest)
            return "phone", txt, "".join(c for c in txt if c.isdigit())
        a, e, line = self.nanp_parts()
        txt = self.r.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "+1 %s-%s-%s", "+1 %s %s %s",
                             "Phone: %s%s%s", "tel %s%s%s"]) % (a, e, line)
        return "phone", txt, a + e + line

    @staticmethod
    def mrz_check(s):
        w = (7, 3, 1)
        tot = 0
        for i, c in enumerate(s):
            v = int(c) if c.isdigit() else (0 if c == "<" else ord(c) - 55)
            tot += v * w[i % 3]
        return str(tot % 10)

    def passport_number(self):
        return self.r.choice([self.digits(9), self.r.choice("ACEKLX") + self.digits(8)])

    def passport(self):
        num = self.passport_number()
        if self.r.random() < 0.6:
            txt = self.r.choice(["Passport No: %s", "passport number %s", "Passport: %s", "PASSPORT # %s"]) % num
            return "passport", txt, num
        surname = self.r.choice(LAST).upper()
        given = self.r.choice(FIRST).upper()
        l1 = ("P<UTO" + surname + "<<" + given).ljust(44, "<")
        dob = "%02d%02d%02d" % (self.r.randint(40, 99), self.r.randint(1, 12), self.r.randint(1, 28))
        exp = "%02d%02d%02d" % (self.r.randint(26, 35), self.r.randint(1, 12), self.r.randint(1, 28))
        pers = "<" * 14
        l2 = num + self.mrz_check(num) + "UTO" + dob + self.mrz_check(dob) + self.r.choice("MF") + \
            exp + self.mrz_check(exp) + pers + "<"
        comp = l2[0:10] + l2[13:20] + l2[21:43]
        l2 += self.mrz_check(comp)
        assert len(l2) == 44, l2
        return "passport", l1 + "\n" + l2, num

    def dob(self):
        y, m, d = self.r.randint(1940, 2005), self.r.randint(1, 12), self.r.randint(1, 28)
        month = ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"][m - 1]
        date = self.r.choice(["%04d-%02d-%02d" % (y, m, d), "%02d/%02d/%04d" % (m, d, y),
                              "%02d.%02d.%04d" % (d, m, y), "%d %s %04d" % (d, month, y),
                              "%s %d, %04d" % (month, d, y), "%s %d %04d" % (month[:3], d, y)])
        txt = self.r.choice(["DOB: %s", "Date of Birth: %s", "date of birth %s", "Born on %s"]) % date
        return "dob", txt, date

    def drivers_license(self):
        num = self.r.choice([self.r.choice("ABDFGKMS") + self.digits(7), self.digits(8), self.digits(9)])
        txt = self.r.choice(["Driver's License: %s", "driver license number %s", "DL# %s", "Driving licence %s"]) % num
        return "drivers_license", txt, num

    def aws_key(self):
        while True:
            k = self.r.choice(["AKIA", "ASIA"]) + self.chars(B32, 16)
            if len(set(k[4:])) > 1:
                break
        txt = self.r.choice(["aws_access_key_id = %s", "AccessKeyId: %s", "key %s"]) % k
        return "aws_key", txt, k

    def aws_secret(self):
        s = self.mixed(ALNUM + "/+", 40)
        txt = self.r.choice(["aws_secret_access_key = %s", "AWS_SECRET_ACCESS_KEY=%s",
                             '"SecretAccessKey": "%s"']) % s
        return "aws_secret", txt, s

    def token(self):
        kind = self.r.randrange(6)
        if kind == 4:
            t = "AIza" + self.mixed(ALNUM, 35)
        elif kind == 5:
            t = "npm_" + self.mixed(ALNUM, 36)
        elif kind == 0:
            t = self.r.choice(["ghp_", "gho_", "ghs_"]) + self.mixed(ALNUM, 36)
        elif kind == 1:
            t = "glpat-" + self.mixed(ALNUM, 20)
        elif kind == 2:
            t = "xoxb-%s-%s-%s" % (self.digits(12), self.digits(13), self.mixed(ALNUM, 24))
        else:
            t = "sk_live_" + self.mixed(ALNUM, 24)
        return "token", self.r.choice(["token: %s", "TOKEN=%s", "use %s here"]) % t, t

    @staticmethod
    def b64u(b):
        return base64.urlsafe_b64encode(b).rstrip(b"=").decode()

    def jwt(self):
        hdr = self.b64u(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        pay = self.b64u(json.dumps({"sub": self.digits(8), "iat": self.r.randint(1600000000, 1800000000)}).encode())
        sig = self.b64u(bytes(self.r.randrange(256) for _ in range(32)))
        t = "%s.%s.%s" % (hdr, pay, sig)
        return "jwt", self.r.choice(["Authorization: Bearer %s", "jwt=%s"]) % t, sig

    def password(self):
        if self.r.random() < 0.3:
            pw = self.mixed(ALNUM, self.r.randint(8, 16))
            url = "%s://%s:%s@%s/%s" % (self.r.choice(["postgres", "mysql", "mongodb", "redis", "https"]),
                                        self.r.choice(FIRST), pw, self.r.choice(["db.internal.example", "10.0.0.5", "cache.example.com"]),
                                        self.r.choice(["prod", "app", "cache"]))
            return "password", url, pw
        pw = self.mixed(ALNUM + "!#^&_-", self.r.randint(8, 18))
        txt = self.r.choice(["password = %s", "db_password: %s", 'DB_PASSWORD="%s"', '"password": "%s"',
                             "<password>%s</password>", "smtp.passwd=%s"]) % pw
        return "password", txt, pw

    def password_hash(self):
        kind = self.r.randrange(4)
        crypt = "./" + string.ascii_letters + string.digits
        if kind == 0:
            h = "$6$%s$%s" % (self.chars(crypt, 16), self.chars(crypt, 86))
        elif kind == 1:
            h = "$2y$10$%s" % self.chars(crypt, 53)
        elif kind == 2:
            h = "$apr1$%s$%s" % (self.chars(crypt, 8), self.chars(crypt, 22))
        else:
            h = "$5$%s$%s" % (self.chars(crypt, 16), self.chars(crypt, 43))
        user = self.r.choice(FIRST)
        tail = ":19%03d:0:99999:7:::" % self.r.randint(0, 999) if kind in (0, 3) else ""
        return "password_hash", "%s:%s%s" % (user, h, tail), h

    def private_key(self):
        kind = self.r.choice(["RSA ", "EC ", "OPENSSH ", ""])
        body = base64.b64encode(bytes(self.r.randrange(256) for _ in range(self.r.randint(180, 600)))).decode()
        lines = [body[i:i + 64] for i in range(0, len(body), 64)]
        txt = "-----BEGIN %sPRIVATE KEY-----\n%s\n-----END %sPRIVATE KEY-----" % (kind, "\n".join(lines), kind)
        return "private_key", txt, body[:255]

    def marking(self):
        m = self.r.choice(["CONFIDENTIAL", "Confidential", "INTERNAL USE ONLY", "ATTORNEY-CLIENT PRIVILEGED",
                           "Do Not Distribute", "STRICTLY CONFIDENTIAL", "For Official Use Only"])
        return "marking", m, m

    # ---- decoys: text that must not become a finding ----------------------------

    def decoy_text(self):
        k = self.r.randrange(16)
        if k == 0:
            num = self.card_number()
            bad = num[:-1] + str((int(num[-1]) + self.r.randint(1, 9)) % 10)
            self.decoy("card_luhn")
            return self.r.choice(["card %s", "Card number %s"]) % bad
        if k == 1:
            cc, bban = self.iban_value()
            chk = "%02d" % ((int(self.iban_check(cc, bban)) + self.r.randint(1, 50)) % 97 + 2)
            if chk == self.iban_check(cc, bban):
                chk = "%02d" % ((int(chk) + 1) % 97 + 2)
            self.decoy("iban_checksum")
            return "IBAN %s%s%s" % (cc, chk, bban)
        if k == 2 and self.r.random() < 0.15:
            self.decoy("ssn_group00")  # never even a candidate: the rule skips group 00
            return "ref %03d-00-%04d" % (self.r.randint(1, 665), self.r.randint(1, 9999))
        if k == 2:
            self.decoy("ssn_invalid")
            return "ref " + self.r.choice(["000-%02d-%04d" % (self.r.randint(1, 99), self.r.randint(1, 9999)),
                                            "666-%02d-%04d" % (self.r.randint(1, 99), self.r.randint(1, 9999)),
                                            "9%02d-%02d-%04d" % (self.r.randint(0, 99), self.r.randint(1, 99), self.r.randint(1, 9999)),
                                            "%03d-%02d-0000" % (self.r.randint(1, 665), self.r.randint(1, 99)),
                                            "078-05-1120", "219-09-9999", "123-45-6789"])
        if k == 3:
            self.decoy("phone_invalid")
            a, e, line = self.nanp_parts()
            return "tel " + self.r.choice(["(1%s) %s-%s" % (a[1:], e, line), "%s-%s11-%s" % (a, e[0], line),
                                            "%s-555-01%s" % (a, self.digits(2)), "(0%s) %s-%s" % (a[1:], e, line)])
        if k == 4:
            self.decoy("email_asset")
            return self.r.choice(["logo@2x.png", "icon@3x.jpg", "banner@2x.webp", "sprite@1.5x.svg"])
        if k == 5:
            self.decoy("order_number")
            return self.r.choice(["Order ORD-%s-%s" % (self.digits(8), self.digits(5)), "SO#%s" % self.digits(10),
                                  "invoice INV%s" % self.digits(7)])
        if k == 6:
            self.decoy("isbn")
            return "ISBN 978-%d-%03d-%05d-%d" % (self.r.randint(0, 9), self.r.randint(0, 999),
                                                 self.r.randint(0, 99999), self.r.randint(0, 9))
        if k == 7:
            self.decoy("timestamp")
            return self.r.choice(["2024-%02d-%02dT%02d:%02d:%02dZ" % (self.r.randint(1, 12), self.r.randint(1, 28),
                                                                      self.r.randint(0, 23), self.r.randint(0, 59), self.r.randint(0, 59)),
                                  "ts=1%s" % self.digits(12), "epoch 1%s" % self.digits(9)])
        if k == 8:
            self.decoy("uuid")
            h = "".join(self.r.choice("0123456789abcdef") for _ in range(32))
            return "id %s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
        if k == 9:
            self.decoy("part_number")
            a, e, line = self.nanp_parts()
            return self.r.choice(["SKU-%s-%s-%s" % (a, e, line), "PN 0%s-%s-%s" % (a, e, line),
                                  "part %s-%s-%s5" % (a, e, line)])
        if k == 10:
            self.decoy("aws_example")
            return "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"
        if k == 11:
            self.decoy("password_placeholder")
            return self.r.choice(["password: ********", "password = ${DB_PASSWORD}", "password: <password>",
                                  "password=changeit", "pwd = %s"])
        if k == 12:
            self.decoy("token_placeholder")
            return "token ghp_" + "x" * 36
        if k == 13:
            self.decoy("amount_version")
            return self.r.choice(["total $%d,%03d.%02d" % (self.r.randint(1, 99), self.r.randint(0, 999), self.r.randint(0, 99)),
                                  "version %d.%d.%d" % (self.r.randint(0, 9), self.r.randint(0, 30), self.r.randint(0, 200)),
                                  "host 10.%d.%d.%d" % (self.r.randint(0, 255), self.r.randint(0, 255), self.r.randint(0, 255))])
        if k == 14 and self.r.random() < 0.3:
            self.decoy("password_prose")
            return self.r.choice(["Password: Enter your new password below", "password: see vault",
                                  "Password = Reset on first login"])
        if k == 14:
            self.decoy("dob_invalid")
            return "DOB: %02d/%02d/%04d" % (self.r.randint(13, 19), self.r.randint(32, 39), self.r.randint(1950, 1999))
        self.decoy("passport_word")
        return "passport number pending"

    GENERATORS = ("ssn card iban email phone passport dob drivers_license aws_key aws_secret token jwt "
                  "password password_hash private_key marking").split()

    def value(self):
        return getattr(self, self.r.choice(self.GENERATORS))()


def render(g, kind, items):
    """items: list of text snippets (values and decoys) -> file body."""
    if kind == "csv":
        rows = ["id,name,note"]
        for i, t in enumerate(items):
            cell = t.replace('"', '""')
            rows.append('%d,%s,"%s"' % (i + 1, g.r.choice(FIRST), cell))
        return "\n".join(rows) + "\n"
    if kind == "json":
        return json.dumps({"records": [{"n": i, "text": t} for i, t in enumerate(items)]}, indent=1) + "\n"
    if kind == "log":
        return "".join("2024-05-%02d 10:%02d:%02d INFO worker: %s\n" % (g.r.randint(1, 28), g.r.randint(0, 59),
                                                                       g.r.randint(0, 59), t) for t in items)
    if kind == "html":
        rows = "".join("<tr><td>%d</td><td>%s</td></tr>\n" % (i, html.escape(t).replace("\n", "<br>\n"))
                       for i, t in enumerate(items))
        return ("<!DOCTYPE html>\n<html><head><title>%s</title></head><body>\n<p>%s</p>\n"
                "<table>\n%s</table>\n</body></html>\n" % (g.sentence(3), g.sentence(), rows))
    if kind == "eml":
        body = "\n".join("%s %s %s" % (g.sentence(), t, g.sentence()) for t in items) + "\n"
        b64 = base64.encodebytes(body.encode("utf-8")).decode("ascii")
        return ("From: Records Office <office@mailer.invalid>\nTo: Archive <archive@mailer.invalid>\n"
                "Subject: %s\nDate: Mon, 6 May 2024 10:00:00 +0000\nMIME-Version: 1.0\n"
                "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n%s"
                % (g.sentence(3), b64))
    out = []
    for t in items:
        out.append("%s %s %s" % (g.sentence(), t, g.sentence()))
    if kind == "md":
        return "# " + g.sentence(4) + "\n\n" + "\n\n".join(out) + "\n"
    return "\n".join(out) + "\n"


PLAIN = ["txt", "txt", "csv", "json", "log", "md"]
DOCS = PLAIN + ["html", "eml"]


def plant_file(g, idx, n_values, kinds):
    kind = g.r.choice(kinds)
    items, planted = [], {}
    for _ in range(n_values):
        if g.r.random() < 0.35:
            items.append(g.decoy_text())
            continue
        ent, txt, norm = g.value()
        if kind == "json" and ent in ("passport", "private_key") and "\n" in txt:
            ent, txt, norm = g.email()  # JSON would escape the newline
        if kind == "csv" and '"' in txt:
            ent, txt, norm = g.email()  # CSV would double the quote
        items.append(txt)
        planted.setdefault(ent, set()).add(norm)
    name = "f%04d.%s" % (idx, kind)
    return name, render(g, kind, items), planted


def bundle(outdir, files):
    """Move every 10th file into zip archives of three (values are then only
    visible in the members); the key follows them to the archive's name."""
    names = sorted(files)[::10]
    for b in range(0, len(names), 3):
        group = names[b:b + 3]
        zname = "bundle%02d.zip" % (b // 3)
        merged = {}
        with zipfile.ZipFile(os.path.join(outdir, zname), "w", zipfile.ZIP_DEFLATED) as z:
            for n in group:
                z.write(os.path.join(outdir, n), "docs/" + n)
                os.remove(os.path.join(outdir, n))
                for e, v in files.pop(n).items():
                    merged.setdefault(e, set()).update(v)
        files[zname] = {e: sorted(v) for e, v in merged.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("keyfile")
    ap.add_argument("--files", type=int, default=150)
    ap.add_argument("--per-file", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--documents", action="store_true",
                    help="also HTML pages, base64-encoded e-mails and zip archives "
                         "(values only visible after extraction)")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    g = Gen(a.seed)
    key = {"files": {}, "entities": {}, "decoys": g.decoys}
    for i in range(a.files):
        name, body, planted = plant_file(g, i, a.per_file, DOCS if a.documents else PLAIN)
        with open(os.path.join(a.outdir, name), "w", encoding="utf-8") as f:
            f.write(body)
        key["files"][name] = {e: sorted(v) for e, v in planted.items()}
        for e, v in planted.items():
            key["entities"].setdefault(e, set()).update(v)
    if a.documents:
        bundle(a.outdir, key["files"])
    key["entities"] = {e: sorted(v) for e, v in key["entities"].items()}
    with open(a.keyfile, "w", encoding="utf-8") as f:
        json.dump(key, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
