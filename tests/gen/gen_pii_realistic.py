#!/usr/bin/env python3
"""Realistic leak-dump files with planted PII and secrets, and decoys.

Usage: gen_pii_realistic.py OUTDIR KEYFILE [--seed S] [--scale N]

An independent review of the rule pack: the files imitate what leaks look
like (HR exports and payroll reports, customer-database dumps in JSON,
invoices, e-mails with signatures and disclaimers, OCR text of scanned forms,
config files of every kind) with many written forms per entity, and
decoy-only files, one per decoy class, that a good tool must leave alone.
It shares no template with gen_pii_corpus.py.

KEYFILE (JSON, outside OUTDIR):
  {"files": {"<rel path>": {"<entity>": ["<norm>", ...]}},
   "entities": {"<entity>": ["<norm>", ...]},        # distinct, sorted
   "markings": ["<rel path>", ...],                 # files carrying a marking
   "decoy_files": {"<rel path>": "<decoy class>"},  # must yield no finding
   "decoys": {"<class>": N}}

Norms are docs/rules.md's: digits (ssn, credit_card, phone; NANP without
the country code 1, international numbers with it and without a trunk
"(0)"), upper-case alphanumerics (iban, passport), lower case (email), the
JWT signature, the PEM body's first 255 base64 characters, and the value as
written otherwise (dob, password, aws_key, aws_secret, token). Markings are
scored per file (a file with a planted marking must have one).

Decisions encoded here (docs/rules.md, "Decoys"): network test card numbers
(4111 1111 1111 1111) are PAN-shaped and Luhn-valid and are planted as
cards; an address spelled out against harvesters ("name at domain dot
com", "(at)", "[at]") is an address (the nineteenth session: a person's
address written so is still disclosed, and every bare one in /usr/share/doc
and Python's sources is a real author's); masked cards, prose with "at" and
"dot" ("arrived at noon dot com era"), dates that are not a birth date, and
placeholder secrets are decoys. Deterministic for a given seed.
"""
import argparse
import base64
import json
import os
import random
import string

FIRST = ("James Mary Robert Patricia Michael Jennifer William Linda David Elizabeth Richard "
         "Barbara Joseph Susan Thomas Jessica Charles Sarah Priya Rahul Wei Mei Hans Greta "
         "Pierre Camille Lucas Sofia Marco Giulia Jan Anna Lars Ingrid Kenji Yuki Oliver "
         "Amelia Jose Lucia Piotr Agnieszka").split()
LAST = ("Anderson Baker Carter Diaz Edwards Fischer Garcia Hoffmann Ivanova Jensen Kowalski "
        "Lefebvre Martin Nakamura O'Brien Patel Rossi Schmidt Tanaka Mueller Van-Dijk "
        "Williams Nguyen Kim Dubois Moreau Bianchi Novak Larsen Svensson").split()
CORPS = ("northwind-traders.com globex.de initech.co.uk umbrella-group.fr contoso.nl "
         "hooli.io vandelay-industries.com stark-logistics.es wayne-holdings.it "
         "cyberdyne.ch tyrell-corp.pl soylent.com.au").split()
NANP_AREAS = ("201 202 206 212 213 214 267 303 305 310 312 314 347 404 408 412 415 425 469 503 "
              "512 602 617 646 702 713 718 720 732 773 781 786 804 818 832 858 908 917 949 972").split()

B32 = string.ascii_uppercase + "234567"
ALNUM = string.ascii_letters + string.digits


class Corpus:
    def __init__(self, out, seed):
        self.out = out
        self.r = random.Random(seed)
        self.files = {}
        self.markings = []
        self.decoy_files = {}
        self.decoys = {}
        self.cur = None

    # ---- bookkeeping ----------------------------------------------------------
    def begin(self, rel):
        self.cur = self.files.setdefault(rel, {})

    def plant(self, entity, norm):
        self.cur.setdefault(entity, [])
        if norm not in self.cur[entity]:
            self.cur[entity].append(norm)

    def write(self, rel, text, enc="utf-8"):
        p = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding=enc, newline="") as f:
            f.write(text)

    def decoy(self, cls, n=1):
        self.decoys[cls] = self.decoys.get(cls, 0) + n

    # ---- primitives -------------------------------------------------------------
    def d(self, n):
        return "".join(self.r.choice(string.digits) for _ in range(n))

    def name(self):
        return self.r.choice(FIRST), self.r.choice(LAST)

    @staticmethod
    def luhn(body):
        s = 0
        for i, ch in enumerate(reversed(body)):
            v = int(ch) * (2 if i % 2 == 0 else 1)
            s += v - 9 if v > 9 else v
        return str((10 - s % 10) % 10)

    # ---- SSN --------------------------------------------------------------------
    def ssn_digits(self):
        while True:
            a = self.r.randint(1, 899)
            if a == 666:
                continue
            v = "%03d%02d%04d" % (a, self.r.randint(1, 99), self.r.randint(1, 9999))
            if v not in ("078051120", "219099999", "123456789", "457555462") and len(set(v)) > 1:
                return v

    def ssn_text(self):
        v = self.ssn_digits()
        self.plant("ssn", v)
        dashed, spaced = "%s-%s-%s" % (v[:3], v[3:5], v[5:]), "%s %s %s" % (v[:3], v[3:5], v[5:])
        label = self.r.choice(["SSN", "SSN#", "SS#", "SS No.", "Social Security No.", "Social Security Number",
                               "Soc. Sec. No.", "social security #", "SSN/TIN"])
        form = self.r.randrange(4)
        if form == 0:
            return dashed
        sep = self.r.choice([": ", " ", ":\t", " - "])
        return label + sep + (dashed if form == 1 else spaced if form == 2 else v)

    # ---- cards ------------------------------------------------------------------
    def card_number(self):
        brand = self.r.choice(["visa", "visa", "visa", "mc", "mc", "mc2", "amex", "amex", "disc", "jcb"])
        pfx, n = {"visa": ("4", 16), "mc": (str(self.r.randint(51, 55)), 16),
                  "mc2": (str(self.r.randint(2221, 2720)), 16), "amex": (self.r.choice(["34", "37"]), 15),
                  "disc": ("6011", 16), "jcb": (str(self.r.randint(3528, 3589)), 16)}[brand]
        while True:
            body = pfx + self.d(n - len(pfx) - 1)
            num = body + self.luhn(body)
            if len(set(num[1:])) > 2:
                return num

    @staticmethod
    def card_grouped(num, sep):
        if len(num) == 15:
            return sep.join([num[:4], num[4:10], num[10:]])
        return sep.join(num[i:i + 4] for i in range(0, len(num), 4))

    def card_text(self, num=None):
        num = num or self.card_number()
        self.plant("credit_card", num)
        sep = self.r.choice(["", " ", " ", "-"])
        return num if not sep else self.card_grouped(num, sep)

    def masked_card(self):
        num = self.card_number()
        self.decoy("card_masked")
        return self.r.choice(["**** **** **** %s" % num[-4:], "XXXX-XXXX-XXXX-%s" % num[-4:],
                              "%s******%s" % (num[:6], num[-4:]), "%s %sXX XXXX %s" % (num[:4], num[4:6], num[-4:]),
                              "ending in %s" % num[-4:], "%s-xxxx-xxxx-%s" % (num[:4], num[-4:])])

    def bad_luhn(self):
        num = self.card_number()
        bad = num[:-1] + str((int(num[-1]) + self.r.randint(1, 9)) % 10)
        self.decoy("card_luhn")
        return self.card_grouped(bad, self.r.choice([" ", "-"])) if self.r.random() < 0.5 else bad

    # ---- IBAN ---------------------------------------------------------------------
    # country: (bank-code letters, BBAN length)
    IBAN = {"DE": (0, 18), "GB": (4, 18), "FR": (0, 23), "NL": (4, 14), "ES": (0, 20), "IT": (1, 23),
            "CH": (0, 17), "PL": (0, 24), "BE": (0, 12), "AT": (0, 16), "SE": (0, 20), "IE": (4, 18),
            "PT": (0, 21), "DK": (0, 14), "NO": (0, 11), "FI": (0, 14), "LU": (0, 16), "CZ": (0, 20)}

    @staticmethod
    def mod97(s):
        return int("".join(str(int(c, 36)) for c in s)) % 97

    def iban_value(self):
        cc = self.r.choice(sorted(self.IBAN))
        letters, n = self.IBAN[cc]
        bban = "".join(self.r.choice(string.ascii_uppercase) for _ in range(letters)) + self.d(n - letters)
        return cc + "%02d" % (98 - self.mod97(bban + cc + "00")) + bban

    @staticmethod
    def iban_grouped(v):
        return " ".join(v[i:i + 4] for i in range(0, len(v), 4))

    def iban_text(self):
        v = self.iban_value()
        self.plant("iban", v)
        return v if self.r.random() < 0.4 else self.iban_grouped(v)

    def iban_lower(self):
        """As some CRMs store it: lower case, under an "iban" key."""
        v = self.iban_value()
        self.plant("iban", v)
        return v.lower() if self.r.random() < 0.5 else self.iban_grouped(v).lower()

    def bad_iban(self):
        v = self.iban_value()
        ck = int(v[2:4])
        bad = v[:2] + "%02d" % (ck + 1 if ck < 98 else 2) + v[4:]
        self.decoy("iban_checksum")
        return self.iban_grouped(bad) if self.r.random() < 0.5 else bad

    # ---- e-mail ---------------------------------------------------------------------
    def email_value(self, first=None, last=None):
        if first is None:
            first, last = self.name()
        last = last.replace("'", "").replace("-", "")
        form = self.r.randrange(5)
        local = (first + "." + last if form == 0 else first + last if form == 1 else first + "_" + last
                 if form == 2 else first[0] + last if form == 3 else first)
        if self.r.random() < 0.15:
            local += "+" + self.r.choice(["hr", "billing", "newsletter", "jira"])
        if self.r.random() < 0.2:
            local += str(self.r.randint(1, 99))
        dom = self.r.choice(CORPS)
        if self.r.random() < 0.25:
            dom = self.r.choice(["mail", "eu", "us.corp", "hr"]) + "." + dom
        case = self.r.randrange(3)
        addr = local + "@" + dom
        if case == 0:
            addr = addr.lower()
        elif case == 1:
            addr = local + "@" + dom.upper()
        return addr

    def email_text(self, first=None, last=None):
        a = self.email_value(first, last)
        self.plant("email", a.lower())
        return self.r.choice(["%s", "<%s>", "mailto:%s", "(%s)", "%s;", "\"%s\""]) % a

    def obfuscated_email(self):
        """An address spelled out against harvesters, planted: with the "at"
        in brackets or in words (pipeline.c spelled_addresses(),
        spelled_plain(); prose with both words is at_dot_prose's decoy)."""
        f, l = self.name()
        dom = self.r.choice(CORPS).split(".")
        form = self.r.choice(["%s.%s at %s dot %s", "%s.%s [at] %s [dot] %s", "%s.%s (at) %s (dot) %s"])
        self.plant("email", "%s.%s@%s.%s" % (f.lower(), l.lower(), dom[0], dom[-1]))
        return form % (f.lower(), l.lower(), dom[0], dom[-1])

    # ---- phones ---------------------------------------------------------------------
    def nanp(self):
        while True:
            a = self.r.choice(NANP_AREAS)
            e = "%d%02d" % (self.r.randint(2, 9), self.r.randint(0, 99))
            if e[1:] != "11" and e != "555":
                return a, e, self.d(4)

    def phone_text(self):
        if self.r.random() < 0.06:
            a, e, ln = self.nanp()
            self.plant("phone", a + e + ln)
            return self.r.choice(["Tel: %s %s %s", "Phone %s %s %s", "Mobile: %s %s %s", "Cell: %s %s %s"]) % (a, e, ln)
        if self.r.random() < 0.5:
            a, e, ln = self.nanp()
            self.plant("phone", a + e + ln)
            fmt = self.r.choice(["(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "+1 (%s) %s-%s", "+1 %s-%s-%s",
                                 "+1 %s %s %s", "1-%s-%s-%s", "1 (%s) %s-%s", "+1.%s.%s.%s", "(%s)%s-%s"])
            txt = fmt % (a, e, ln)
            if self.r.random() < 0.15:
                txt += self.r.choice([" x%d", " ext. %d", " Ext %d"]) % self.r.randint(100, 9999)
            return txt
        cc, nat, txt = self.r.choice([
            ("44", None, "+44 20 %s %s" % (self.d(4), self.d(4))),
            ("44", "20", "+44 (0)20 %s %s" % (self.d(4), self.d(4))),
            ("44", "7", "+44 (0)7%s %s" % (self.d(3), self.d(6))),
            ("44", None, "+44 7%s %s" % (self.d(3), self.d(6))),
            ("49", None, "+49 30 %s" % self.d(7)),
            ("49", None, "+49 (0)89 %s" % self.d(7)),
            ("49", None, "+49 171 %s" % self.d(7)),
            ("33", None, "+33 1 %s %s %s %s" % (self.d(2), self.d(2), self.d(2), self.d(2))),
            ("33", None, "+33 6 %s %s %s %s" % (self.d(2), self.d(2), self.d(2), self.d(2))),
            ("31", None, "+31 20 %s %s" % (self.d(3), self.d(4))),
            ("31", None, "+31 (0)20 %s %s" % (self.d(3), self.d(4))),
            ("34", None, "+34 91 %s %s %s" % (self.d(3), self.d(2), self.d(2))),
            ("39", None, "+39 02 %s %s" % (self.d(4), self.d(4))),
            ("41", None, "+41 44 %s %s %s" % (self.d(3), self.d(2), self.d(2))),
            ("48", None, "+48 22 %s %s %s" % (self.d(3), self.d(2), self.d(2))),
            ("91", None, "+91 98%s %s" % (self.d(3), self.d(5))),
            ("61", None, "+61 2 %s %s" % (self.d(4), self.d(4))),
            ("81", None, "+81 3-%s-%s" % (self.d(4), self.d(4))),
            ("55", None, "+55 11 9%s-%s" % (self.d(4), self.d(4))),
            ("44", None, "+442079%s" % self.d(6)),
            ("49", None, "+49-30-%s" % self.d(7)),
        ])
        digits = "".join(c for c in txt.replace("(0)", "") if c.isdigit())
        self.plant("phone", digits)
        return txt

    # ---- passport / MRZ -------------------------------------------------------------
    def passport_number(self):
        kind = self.r.randrange(5)
        if kind == 0:
            return self.d(9)                                     # US, UK
        if kind == 1:
            while True:                                          # DE: C01X00T47
                v = self.r.choice("CFGHJK") + "".join(self.r.choice("0123456789CFGHJKLMNPRTVWXYZ")
                                                      for _ in range(8))
                if sum(c.isalpha() for c in v) <= 3 and sum(c.isdigit() for c in v) >= 5:
                    return v
        if kind == 2:
            return self.d(2) + "".join(self.r.choice(string.ascii_uppercase) for _ in range(2)) + self.d(5)  # FR
        if kind == 3:
            return self.r.choice("JKLMNPRSTZ") + self.d(7)       # IN
        return "".join(self.r.choice(string.ascii_uppercase) for _ in range(2)) + self.d(6)  # CA

    def passport_text(self):
        v = self.passport_number()
        self.plant("passport", v)
        return self.r.choice(["Passport No.: %s", "Passport Number: %s", "Passport #%s", "PASSPORT NO %s",
                              "Passport no. %s", "passport: %s", "Passport No:\t%s", "passport_number=%s",
                              "\"passportNumber\": \"%s\"", "Passport number is %s", "Reisepass-Nr.: %s",
                              "Passport (%s) %%s" % self.r.choice(["USA", "UK", "Germany", "India"])]) % v

    @staticmethod
    def mrz_cd(s):
        w = (7, 3, 1)
        t = 0
        for i, c in enumerate(s):
            v = 0 if c == "<" else int(c) if c.isdigit() else ord(c) - 55
            t += v * w[i % 3]
        return str(t % 10)

    def mrz(self, first, last):
        num = self.d(9)
        self.plant("passport", num)
        nat = self.r.choice(["USA", "GBR", "D<<", "FRA", "NLD", "CAN"])
        dob = "%02d%02d%02d" % (self.r.randint(50, 99), self.r.randint(1, 12), self.r.randint(1, 28))
        exp = "%02d%02d%02d" % (self.r.randint(27, 35), self.r.randint(1, 12), self.r.randint(1, 28))
        names = (last.upper().replace("'", "").replace("-", "<") + "<<" + first.upper())
        l1 = ("P<" + nat + names + "<" * 44)[:44]
        pers = "<" * 14
        body = num + self.mrz_cd(num) + nat + dob + self.mrz_cd(dob) + self.r.choice("MF") + exp + self.mrz_cd(exp)
        body += pers + "<"
        comp = num + self.mrz_cd(num) + dob + self.mrz_cd(dob) + exp + self.mrz_cd(exp) + pers + "<"
        return l1 + "\n" + body + self.mrz_cd(comp)

    # ---- dates of birth ---------------------------------------------------------------
    MONTHS = "January February March April May June July August September October November December".split()

    def date_forms(self, y, m, dd):
        mn = self.MONTHS[m - 1]
        return ["%02d/%02d/%d" % (m, dd, y), "%d/%d/%d" % (m, dd, y), "%02d.%02d.%d" % (dd, m, y),
                "%d-%02d-%02d" % (y, m, dd), "%s %d, %d" % (mn, dd, y), "%d %s %d" % (dd, mn[:3], y),
                "%02d-%s-%d" % (dd, mn[:3], y), "%d %s %d" % (dd, mn, y), "%02d/%02d/%d" % (dd, m, y)]

    def dob_value(self):
        y, m, dd = self.r.randint(1940, 2004), self.r.randint(1, 12), self.r.randint(1, 28)
        v = self.r.choice(self.date_forms(y, m, dd))
        self.plant("dob", v)
        return v

    def dob_text(self):
        v = self.dob_value()
        return self.r.choice(["DOB: %s", "DOB %s", "Date of Birth: %s", "Date of birth %s", "born %s",
                              "Born on %s", "Geburtsdatum: %s", "Birthdate: %s", "D.O.B.: %s",
                              "date of birth:\t%s"]) % v

    def not_dob(self):
        y, m, dd = self.r.randint(1995, 2025), self.r.randint(1, 12), self.r.randint(1, 28)
        self.decoy("date_not_dob")
        return self.r.choice(["Invoice Date: %s", "Hire date: %s", "Due %s", "Start date: %s",
                              "Date: %s", "Last login %s", "Effective %s"]) % self.r.choice(self.date_forms(y, m, dd))

    # ---- secrets ------------------------------------------------------------------------
    def rand(self, alphabet, n):
        while True:
            s = "".join(self.r.choice(alphabet) for _ in range(n))
            if (alphabet != ALNUM and alphabet != ALNUM + "/+") or (
                    any(c.isupper() for c in s) and any(c.islower() for c in s) and any(c.isdigit() for c in s)):
                return s

    def aws_pair(self):
        kid = self.r.choice(["AKIA", "AKIA", "ASIA"]) + self.rand(B32, 16)
        sec = self.rand(ALNUM + "/+", 40)
        self.plant("aws_key", kid)
        self.plant("aws_secret", sec)
        return kid, sec

    def token(self):
        t = self.r.choice([
            lambda: "ghp_" + self.rand(ALNUM, 36),
            lambda: "github_pat_11" + self.rand(ALNUM, 20) + "_" + self.rand(ALNUM, 59),
            lambda: "glpat-" + self.rand(ALNUM, 20),
            lambda: "xoxb-%s-%s-%s" % (self.d(12), self.d(13), self.rand(ALNUM, 24)),
            lambda: "sk_live_" + self.rand(ALNUM, 24),
            lambda: "AIza" + self.rand(ALNUM, 35),
            lambda: "npm_" + self.rand(ALNUM, 36),
            lambda: "SG.%s.%s" % (self.rand(ALNUM + "_-", 22), self.rand(ALNUM + "_-", 43)),
            lambda: "https://hooks.slack.com/services/T%s/B%s/%s" % (
                self.rand(string.ascii_uppercase + string.digits, 8), self.rand(string.ascii_uppercase + string.digits, 10),
                self.rand(ALNUM, 24)),
            lambda: "sk-proj-" + self.rand(ALNUM + "_-", 48) + "T3BlbkFJ" + self.rand(ALNUM + "_-", 40),
            lambda: "shpat_" + self.rand("0123456789abcdef", 32),
            lambda: "hf_" + self.rand(string.ascii_letters, 34),
            lambda: "dop_v1_" + self.rand("0123456789abcdef", 64),
        ])()
        self.plant("token", t)
        return t

    @staticmethod
    def b64u(b):
        return base64.urlsafe_b64encode(b).rstrip(b"=").decode()

    def jwt(self):
        hdr = self.b64u(json.dumps({"alg": self.r.choice(["HS256", "RS256"]), "typ": "JWT"}).encode())
        f, l = self.name()
        pl = self.b64u(json.dumps({"sub": self.d(8), "name": f + " " + l, "iat": 1700000000 + self.r.randint(0, 9 ** 7)}).encode())
        sig = self.b64u(bytes(self.r.getrandbits(8) for _ in range(32)))
        self.plant("jwt", sig)
        return "%s.%s.%s" % (hdr, pl, sig)

    def pem(self):
        kind = self.r.choice(["RSA ", "EC ", "OPENSSH ", ""])
        prefix = {"RSA ": b"\x30\x82\x04\xa4\x02\x01\x00\x02\x82\x01\x01\x00",
                  "EC ": b"\x30\x77\x02\x01\x01\x04\x20",
                  "OPENSSH ": b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01",
                  "": b"\x30\x82\x04\xbd\x02\x01\x00\x30\x0d\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01\x05\x00"}[kind]
        body = base64.b64encode(prefix + bytes(self.r.getrandbits(8) for _ in range(600))).decode()
        lines = [body[i:i + (70 if kind == "OPENSSH " else 64)] for i in range(0, len(body), 70 if kind == "OPENSSH " else 64)]
        self.plant("private_key", body[:255])
        nl = self.r.choice(["\n", "\r\n"])
        return "-----BEGIN %sPRIVATE KEY-----%s%s%s-----END %sPRIVATE KEY-----%s" % (kind, nl, nl.join(lines), nl, kind, nl)

    def password(self):
        while True:
            core = self.r.choice(["Summer", "Winter", "Welcome", "Acme", "Blue", "Tiger", "Falcon", "P@ss",
                                  "Qwerty", "Dragon", "Monkey", "Sunshine", "Galaxy"])
            v = core + self.r.choice(["", "!", "#", "@", "$", "_"]) + self.d(self.r.randint(2, 4)) + self.r.choice(
                ["", "!", "?", "xY", "Zz", "%"])
            if self.r.random() < 0.4:
                v = self.rand(ALNUM, self.r.randint(10, 20))
            return v

    def url_password(self):
        v = "".join(ch for ch in self.password() if ch.isalnum() or ch in "!_-.")
        return v if len(v) >= 6 else v + self.d(6)

    def placeholder(self):
        self.decoy("password_placeholder")
        return self.r.choice(["changeme", "<password>", "${DB_PASSWORD}", "********", "your_password_here",
                              "{{ vault_db_password }}", "%(password)s", "xxxxxxxx", "REDACTED", "<YOUR_PASSWORD>",
                              "$DB_PASS", "null", "''", "\"\""])

    # ---- markings -------------------------------------------------------------------------
    def marking(self, rel):
        self.markings.append(rel)
        return self.r.choice(["CONFIDENTIAL", "Confidential", "Attorney-Client Privileged", "INTERNAL USE ONLY",
                              "Strictly Private & Confidential", "Privileged & Confidential",
                              "PROPRIETARY AND CONFIDENTIAL", "Company Confidential - Do Not Distribute",
                              "For Internal Use Only", "STRICTLY CONFIDENTIAL", "Privileged and Confidential",
                              "ATTORNEY-CLIENT PRIVILEGED / ATTORNEY WORK PRODUCT", "Internal Use Only",
                              "Attorney Work Product", "INTERNAL ONLY"])


# ---------------------------------------------------------------------------------------------
# documents


def hr_export(c, i):
    rel = "hr/employees_%02d.csv" % i
    c.begin(rel)
    sep = c.r.choice([",", ";", "\t"])
    ssn_h = c.r.choice(["SSN", "Social Security Number", "SS#", "SSN (no dashes)", "Soc Sec No"])
    dob_h = c.r.choice(["DOB", "Date of Birth", "Birth Date", "BirthDate", "date_of_birth"])
    cols = ["Employee ID", "First Name", "Last Name", ssn_h, dob_h, "Hire Date", "Work Phone", "Email",
            "Department", "Salary"]
    rows = [sep.join(cols)]
    for _ in range(c.r.randint(15, 30)):
        f, l = c.name()
        v = c.ssn_digits()
        c.plant("ssn", v)
        ssn = v if c.r.random() < 0.5 else "%s-%s-%s" % (v[:3], v[3:5], v[5:])
        hire = "%d-%02d-%02d" % (c.r.randint(1998, 2024), c.r.randint(1, 12), c.r.randint(1, 28))
        c.decoy("date_not_dob")
        emp = "E%06d" % c.r.randint(1, 999999) if c.r.random() < 0.5 else c.d(6)
        c.decoy("employee_id")
        row = [emp, f, l, ssn, c.dob_value(), hire, c.phone_text(), c.email_value(f, l), c.r.choice(["Finance", "R&D", "Sales", "Legal", "IT"]), str(c.r.randint(40, 250) * 1000)]
        c.plant("email", row[7].lower())
        row = ['"%s"' % v if sep in v else v for v in row]
        rows.append(sep.join(row))
    c.write(rel, "\r\n".join(rows) + "\r\n")


def payroll_report(c, i):
    rel = "payroll/payroll_run_%02d.txt" % i
    c.begin(rel)
    out = []
    if c.r.random() < 0.6:
        out.append(c.marking(rel).upper().center(78))
    out.append("ACME PAYROLL SERVICES - PAY PERIOD ENDING %02d/%02d/2024" % (c.r.randint(1, 12), c.r.randint(1, 28)))
    c.decoy("date_not_dob")
    out.append("Run ID: %s   Batch: %s   Page %d of %d" % (c.d(9), c.d(12), 1, c.r.randint(2, 9)))
    c.decoy("nine_digits_no_context")
    out.append("-" * 78)
    for _ in range(c.r.randint(8, 16)):
        f, l = c.name()
        out.append("%-24s %s" % (l.upper() + ", " + f, c.ssn_text()))
        out.append("    Direct deposit: %s   BIC %s" % (c.iban_text(), c.r.choice(["DEUTDEFF", "NWBKGB2L", "BNPAFRPP",
                                                                                  "ABNANL2A", "UBSWCHZH80A"])))
        out.append("    Gross %s  Net %s  Check #%s" % ("{:,.2f}".format(c.r.randint(100000, 900000) / 100),
                                                       "{:,.2f}".format(c.r.randint(50000, 600000) / 100), c.d(7)))
        out.append("")
    c.write(rel, "\n".join(out) + "\n")


def customer_json(c, i):
    rel = "db/customers_%02d.json" % i
    c.begin(rel)
    recs = []
    for _ in range(c.r.randint(10, 20)):
        f, l = c.name()
        key_dob = c.r.choice(["dob", "date_of_birth", "birthDate", "dateOfBirth", "birth_date"])
        em = c.email_value(f, l)
        c.plant("email", em.lower())
        rec = {"id": c.r.randint(100000, 9999999), "uuid": "%s-%s-%s-%s-%s" % tuple(
            "".join(c.r.choice("0123456789abcdef") for _ in range(n)) for n in (8, 4, 4, 4, 12)),
               "first_name": f, "last_name": l, "email": em, "phone": c.phone_text(), key_dob: c.dob_value(),
               "created_at": 1600000000000 + c.r.randint(0, 10 ** 11)}
        c.decoy("uuid")
        c.decoy("epoch_millis")
        if c.r.random() < 0.5:
            rec["payment"] = {"card_number": c.card_text(), "exp": "%02d/%02d" % (c.r.randint(1, 12), c.r.randint(25, 31)),
                              "cvv": c.d(3)}
        else:
            rec["payment"] = {"card_last4": c.masked_card(), "iban": c.iban_text() if c.r.random() < 0.6 else c.iban_lower()}
        if c.r.random() < 0.4:
            v = c.ssn_digits()
            c.plant("ssn", v)
            rec[c.r.choice(["ssn", "SSN", "social_security_number", "ssn_no"])] = v
        recs.append(rec)
    c.write(rel, json.dumps({"export": "crm", "count": len(recs), "records": recs}, indent=c.r.choice([None, 2])))


def invoice(c, i):
    rel = "finance/invoice_%04d.txt" % (1000 + i)
    c.begin(rel)
    f, l = c.name()
    out = ["INVOICE", "Invoice No.: INV-%d-%05d" % (c.r.randint(2019, 2025), c.r.randint(1, 99999)),
           c.not_dob(), "Order #%s" % c.d(c.r.choice([8, 9, 10])), "Customer: %s %s <%s>" % (f, l, "")]
    c.decoy("invoice_number")
    c.decoy("order_number")
    out[-1] = "Customer: %s %s %s" % (f, l, c.email_text(f, l))
    out.append("Ship to: %d Main St, Springfield, IL 62701-%s" % (c.r.randint(1, 9999), c.d(4)))
    out.append("Tracking: 1Z%s%s" % ("".join(c.r.choice(string.ascii_uppercase + string.digits) for _ in range(6)), c.d(10)))
    c.decoy("tracking_number")
    out.append("")
    for k in range(c.r.randint(2, 5)):
        out.append("%d  SKU %s-%s  %s x %s  ISBN %s" % (k + 1, c.d(5), c.d(3), c.r.randint(1, 20),
                                                   "{:,.2f}".format(c.r.randint(100, 99999) / 100),
                                                   c.r.choice(["978-3-16-148410-0", "0-306-40615-2", "978-0-596-52068-7",
                                                               "9781491950357"])))
        c.decoy("isbn")
    out.append("")
    pay = c.r.randrange(3)
    if pay == 0:
        out.append("Please remit payment by bank transfer to IBAN %s (BIC %s), quoting the invoice number." % (
            c.iban_text(), c.r.choice(["COBADEFFXXX", "BARCGB22", "INGBNL2A"])))
    elif pay == 1:
        out.append("Paid by card %s, exp %02d/%02d. Thank you!" % (c.masked_card(), c.r.randint(1, 12), c.r.randint(25, 30)))
    else:
        out.append("Charged to card: %s  Exp: %02d/%d  Auth code %s" % (c.card_text(), c.r.randint(1, 12),
                                                                      c.r.randint(2025, 2030), c.d(6)))
    out.append("Questions? Call %s or write to %s" % (c.phone_text(), c.email_text()))
    out.append("VAT reg. DE%s   Bank ref %s" % (c.d(9), c.bad_iban()))
    c.write(rel, "\n".join(out) + "\n")


def email_msg(c, i):
    rel = "mail/msg_%03d.eml" % i
    c.begin(rel)
    f1, l1 = c.name()
    f2, l2 = c.name()
    a1, a2 = c.email_value(f1, l1), c.email_value(f2, l2)
    c.plant("email", a1.lower())
    c.plant("email", a2.lower())
    body = ["Hi %s," % f2, "",
            "As discussed, here are the details for the new hire onboarding. %s" % c.dob_text(), "",
            "Her %s and the offer letter are attached. Contact her at %s or on %s." % (
                c.ssn_text(), c.email_text(), c.phone_text()),
            "", "Don't forget to reset your password before Monday - the portal will prompt you.",
            "Tracking for the laptop shipment: %s" % c.d(12), ""]
    c.decoy("password_prose")
    c.decoy("tracking_number")
    if c.r.random() < 0.5:
        body.append("Obfuscated on the website as %s to dodge scrapers." % c.obfuscated_email())
    sig = ["--", "%s %s" % (f1, l1), c.r.choice(["Senior Accountant", "HR Business Partner", "VP Engineering"]),
           "%s | %s" % (c.r.choice(["Northwind Traders GmbH", "Globex Ltd"]), c.r.choice(["London", "Berlin", "Paris"])),
           "T: %s" % c.phone_text(), "M: %s" % c.phone_text(), "E: %s" % c.email_text(f1, l1), ""]
    disc = []
    if c.r.random() < 0.7:
        m = c.marking(rel)
        disc = ["%s: This e-mail and any attachments are intended solely for the addressee. If you are not the "
                "intended recipient, please delete it." % m]
    hdrs = ["From: \"%s, %s\" <%s>" % (l1, f1, a1), "To: %s %s <%s>" % (f2, l2, a2),
            "Subject: Onboarding %s" % c.r.choice(["docs", "paperwork", "packet"]),
            "Date: Tue, %d Mar 2024 09:%02d:11 +0100" % (c.r.randint(1, 28), c.r.randint(0, 59)),
            "Message-ID: <%s.%s@mail.%s>" % (c.d(13), c.d(6), c.r.choice(CORPS)),
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    c.decoy("message_id")
    c.write(rel, "\r\n".join(hdrs + body + sig + disc) + "\r\n")


def ocr_form(c, i):
    rel = "scans/form_%03d_ocr.txt" % i
    c.begin(rel)
    f, l = c.name()
    out = ["APPLICATION FOR EMPLOYMENT    Page 1 of 3", "", "Section A - Personal Information", "",
           "Last name   %s        First name   %s" % (l.upper(), f), c.dob_text(), c.ssn_text(),
           "Home phone  %s     Cell %s" % (c.phone_text(), c.phone_text()), "Email  %s" % c.email_text(f, l),
           c.passport_text(), "", "Section B - Banking", "Account holder %s %s   IBAN %s" % (f, l, c.iban_text()), "",
           "Form rev. 2019-04  OMB No. 1545-0074  Cat. No. 10220Q", "Scanned %s" % c.not_dob()]
    c.decoy("form_number")
    if c.r.random() < 0.5:
        out += ["", "Copy of passport data page:", c.mrz(f, l.replace("'", ""))]
    c.write(rel, "\n".join(out) + "\n")


def configs(c, i):
    k = i % 12
    if k >= 8:
        return more_configs(c, i, k)
    if k == 0:
        rel = "repo%02d/.env" % i
        c.begin(rel)
        kid, sec = c.aws_pair()
        pw = c.password()
        c.plant("password", pw)
        txt = ("APP_ENV=production\nAPP_DEBUG=false\nDB_HOST=db01.internal\nDB_PORT=5432\nDB_USERNAME=app\n"
               "DB_PASSWORD=%s\nAWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\nGITHUB_TOKEN=%s\n"
               "REDIS_PASSWORD=%s\nBUILD_SHA=%s\n") % (pw, kid, sec, c.token(), c.placeholder(),
                                                      "".join(c.r.choice("0123456789abcdef") for _ in range(40)))
        c.decoy("git_sha")
    elif k == 1:
        rel = "repo%02d/config/database.yml" % i
        c.begin(rel)
        pw, pw2 = c.password(), c.url_password()
        c.plant("password", pw)
        c.plant("password", pw2)
        txt = ("default: &default\n  adapter: postgresql\n  pool: 5\n\nproduction:\n  <<: *default\n"
               "  host: pg-prod.internal\n  username: hr_app\n  password: \"%s\"\n\nreporting:\n"
               "  url: postgres://report:%s@pg-ro.internal:5432/hr\n\ndevelopment:\n  password: %s\n") % (
            pw, pw2, c.placeholder())
    elif k == 2:
        rel = "repo%02d/web.config" % i
        c.begin(rel)
        pw = c.password()
        c.plant("password", pw)
        txt = ('<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <connectionStrings>\n'
               '    <add name="HR" connectionString="Server=tcp:sql01.corp.local,1433;Database=HR;User ID=sa;'
               'Password=%s;Encrypt=True;" providerName="System.Data.SqlClient" />\n  </connectionStrings>\n'
               '  <appSettings>\n    <add key="Version" value="4.12.3.1187" />\n  </appSettings>\n</configuration>\n') % pw
        c.decoy("version_string")
    elif k == 3:
        rel = "repo%02d/odbc.ini" % i
        c.begin(rel)
        pw = c.password()
        c.plant("password", pw)
        txt = ("[ODBC Data Sources]\nPayroll=SQL Server\n\n[Payroll]\nDriver=ODBC Driver 17 for SQL Server\n"
               "Server=10.20.30.40\nDatabase=payroll\nUID=svc_payroll\nPWD=%s\n\n; DSN string used by the batch job:\n"
               "; Driver={SQL Server};Server=10.20.30.41;Uid=batch;Pwd=%s;\n") % (pw, c.placeholder())
    elif k == 4:
        rel = "repo%02d/settings.json" % i
        c.begin(rel)
        pw = c.password()
        c.plant("password", pw)
        jwt = c.jwt()
        txt = json.dumps({"service": "billing", "version": "2.3.4-rc1", "db": {"user": "billing", "password": pw},
                          "auth": {"token": "Bearer " + jwt, "issuer": "https://login.%s" % c.r.choice(CORPS)},
                          "slack": {"bot_token": c.token()}, "smtp": {"password": c.placeholder()}}, indent=2)
        c.decoy("version_string")
    elif k == 5:
        rel = "repo%02d/deploy/id_%s" % (i, c.r.choice(["rsa", "ecdsa", "ed25519", "deploy"]))
        c.begin(rel)
        txt = c.pem()
    elif k == 6:
        rel = "repo%02d/aws/credentials" % i
        c.begin(rel)
        kid, sec = c.aws_pair()
        txt = ("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\nregion = eu-west-1\n\n"
               "[docs-example]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
               "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n") % (kid, sec)
        c.decoy("aws_example")
    else:
        rel = "repo%02d/logs/app.log" % i
        c.begin(rel)
        lines = []
        for _ in range(c.r.randint(20, 40)):
            ts = "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (c.r.randint(1, 12), c.r.randint(1, 28), c.r.randint(0, 23),
                                                         c.r.randint(0, 59), c.r.randint(0, 59), c.r.randint(0, 999))
            kind = c.r.randrange(6)
            if kind == 0:
                lines.append("%s INFO  auth: Authorization: Bearer %s" % (ts, c.jwt()))
            elif kind == 1:
                lines.append("%s WARN  http: GET https://api:%s@internal.%s/v1/export 200 %dms" % (
                    ts, c.password_planted(), c.r.choice(CORPS), c.r.randint(5, 900)))
            elif kind == 2:
                lines.append("%s INFO  req=%s ip=10.%d.%d.%d took %dms build=%s" % (
                    ts, "-".join("".join(c.r.choice("0123456789abcdef") for _ in range(n)) for n in (8, 4, 4, 4, 12)),
                    c.r.randint(0, 255), c.r.randint(0, 255), c.r.randint(0, 255), c.r.randint(1, 999),
                    "".join(c.r.choice("0123456789abcdef") for _ in range(40))))
                c.decoy("uuid")
                c.decoy("git_sha")
            elif kind == 3:
                lines.append("%s ERROR login failed for user=%s password=%s" % (ts, c.email_text(), c.placeholder()))
            elif kind == 4:
                lines.append("%s DEBUG payment charged card=%s amount=%d.%02d" % (ts, c.masked_card(), c.r.randint(1, 999),
                                                                               c.r.randint(0, 99)))
            else:
                lines.append("%s INFO  epoch=%d seq=%s v%d.%d.%d" % (ts, 1700000000000 + c.r.randint(0, 10 ** 10),
                                                                   c.d(9), c.r.randint(1, 9), c.r.randint(0, 20),
                                                                   c.r.randint(0, 99)))
                c.decoy("epoch_millis")
        txt = "\n".join(lines) + "\n"
    c.write(rel, txt)


def more_configs(c, i, k):
    if k == 8:
        rel = "site%02d/wp-config.php" % i
        c.begin(rel)
        pw = c.password().replace("'", "")
        c.plant("password", pw)
        txt = ("<?php\n/** The name of the database for WordPress */\ndefine( 'DB_NAME', 'wp_prod' );\n"
               "define( 'DB_USER', 'wp_admin' );\ndefine( 'DB_PASSWORD', '%s' );\ndefine( 'DB_HOST', 'localhost' );\n"
               "define( 'AUTH_KEY', 'put your unique phrase here' );\n$table_prefix = 'wp_';\n") % pw
    elif k == 9:
        rel = "home%02d/.netrc" % i
        c.begin(rel)
        pw = c.password()
        c.plant("password", pw)
        txt = "machine ftp.%s\nlogin deploy\npassword %s\n" % (c.r.choice(CORPS), pw)
    elif k == 10:
        rel = "repo%02d/src/main/resources/application.properties" % i
        c.begin(rel)
        pw, pw2 = c.password(), c.url_password()
        c.plant("password", pw)
        c.plant("password", pw2)
        txt = ("server.port=8080\nspring.datasource.url=jdbc:postgresql://db:5432/hr\nspring.datasource.username=hr\n"
               "spring.datasource.password=%s\nlegacy.url=jdbc:mysql://10.1.2.3:3306/crm?user=crm&password=%s&useSSL=false\n"
               "app.api.token=%s\nmail.password=${MAIL_PASSWORD}\n") % (pw, pw2, c.token())
        c.decoy("password_placeholder")
    else:
        rel = "repo%02d/appsettings.Production.json" % i
        c.begin(rel)
        pw = c.password()
        c.plant("password", pw)
        txt = json.dumps({"ConnectionStrings": {
            "Default": "Server=sql-prod;Database=Payroll;User Id=payroll_svc;Password=%s;TrustServerCertificate=True" % pw},
            "SendGrid": {"ApiKey": c.token()}, "Logging": {"LogLevel": {"Default": "Warning"}}}, indent=2)
    c.write(rel, txt)


def password_planted(self):
    v = self.url_password()
    self.plant("password", v)
    return v


Corpus.password_planted = password_planted


def generic_keys(c, n):
    """Vendor-less API keys and secrets in config files (Django SECRET_KEY,
    Azure AccountKey, X-API-Key headers, client secrets): only the name they
    are assigned to says what they are. Variables and placeholders next to
    them are decoys."""
    for i in range(n):
        rel = "svc%02d/config/%s" % (i, c.r.choice(["service.yaml", "settings.json", "app.env", "azure.txt"]))
        c.begin(rel)
        hexkey = "".join(c.r.choice("0123456789abcdef") for _ in range(32))
        b64 = c.rand(ALNUM, 86) + "=="
        pair = c.rand(ALNUM, 20) + c.d(4)
        for v in (hexkey, b64, pair):
            c.plant("token", v)
        txt = ("# service configuration\napi_key: %s\n"
               "storage: DefaultEndpointsProtocol=https;AccountName=corp%d;AccountKey=%s;EndpointSuffix=core.windows.net\n"
               "client_secret = \"%s\"\n"
               "fallback_api_key: ${FALLBACK_API_KEY}\n"
               "auth_token = process.env.AUTH_TOKEN_%d\n"
               "access_token: your_access_token_here\n") % (hexkey, i, b64, pair, 2020 + i)
        c.decoy("key_placeholder", 3)
        c.write(rel, txt)


def test_cards(c):
    rel = "repo_payments/tests/fixtures.py"
    c.begin(rel)
    nums = ["4111111111111111", "5555555555554444", "378282246310005", "6011111111111117", "4012888888881881"]
    for n in nums:
        c.plant("credit_card", n)
    txt = "# Stripe/Braintree test card numbers\nTEST_CARDS = [\n%s]\n" % "".join('    "%s",\n' % n for n in nums)
    c.write(rel, txt)


# ---------------------------------------------------------------------------------------------
# decoy-only files: one class each, nothing in them may be reported

def prose(c, n=8):
    w = ("the report shows quarterly figures for each region and the team will review them before the "
         "meeting on thursday please check the attached list and reply with corrections").split()
    return " ".join(c.r.choice(w) for _ in range(n)).capitalize() + "."


def decoy_files(c, n):
    def gen(cls, line):
        rel = "misc/%s.txt" % cls
        c.begin(rel)
        c.decoy_files[rel] = cls
        out = [prose(c)]
        for _ in range(n):
            out.append(line())
        out.append(prose(c))
        c.write(rel, "\n".join(out) + "\n")

    hexs = lambda k: "".join(c.r.choice("0123456789abcdef") for _ in range(k))
    gen("order_numbers", lambda: c.r.choice(["Order #%s", "PO %s", "Order No. %s", "SO-%s", "Ref: %s"]) % c.d(c.r.choice([7, 8, 9, 10, 12])))
    gen("invoice_numbers", lambda: c.r.choice(["INV-%s-%s", "Invoice %s/%s", "Rechnung Nr. %s-%s"]) % (c.d(4), c.d(6)))
    gen("uuids", lambda: "id=%s-%s-%s-%s-%s" % (hexs(8), hexs(4), hexs(4), hexs(4), hexs(12)))
    gen("git_shas", lambda: "commit %s  %s" % (hexs(40), hexs(7)))
    gen("timestamps", lambda: c.r.choice(["ts=%d", "%d", "time: %d ms"]) % (1500000000000 + c.r.randint(0, 2 * 10 ** 11))
        if c.r.random() < 0.5 else "2024-%02d-%02dT%02d:%02d:%02dZ epoch %d" % (
            c.r.randint(1, 12), c.r.randint(1, 28), c.r.randint(0, 23), c.r.randint(0, 59), c.r.randint(0, 59),
            1600000000 + c.r.randint(0, 10 ** 8)))
    gen("signed_dates", lambda: "valid_from=+%d-%02d-%02d" % (c.r.randint(1990, 2030), c.r.randint(1, 12), c.r.randint(1, 28))
        if c.r.random() < 0.5 else "shift +%02d.%02d.%d" % (c.r.randint(1, 28), c.r.randint(1, 12), c.r.randint(1990, 2030)))
    gen("versions", lambda: c.r.choice(["v%d.%d.%d", "version %d.%d.%d", "build %d.%d.%d"]) % (
        c.r.randint(0, 20), c.r.randint(0, 30), c.r.randint(0, 9999)) + " (%d.%d.%d.%d)" % (
        c.r.randint(1, 10), c.r.randint(0, 9), c.r.randint(10000, 22631), c.r.randint(1, 5000)))
    gen("isbns", lambda: "ISBN %s" % c.r.choice(["978-%d-%s-%s-%d" % (c.r.randint(0, 9), c.d(3), c.d(5), c.r.randint(0, 9)),
                                                  "978%s" % c.d(10), "%d-%s-%s-%d" % (c.r.randint(0, 9), c.d(3), c.d(5), c.r.randint(0, 9))]))
    gen("tracking_numbers", lambda: c.r.choice(["UPS 1Z%s%s", "FedEx %s%s", "USPS 9400%s%s"]) % (
        "".join(c.r.choice(string.ascii_uppercase) for _ in range(2)) + c.d(4), c.d(8)))
    gen("serial_numbers", lambda: c.r.choice(["S/N %s-%s-%s", "Serial: %s%s%s", "P/N %s.%s.%s"]) % (
        c.d(4), c.d(4), c.d(4)))
    gen("nine_digit_numbers", lambda: c.r.choice(["Account %s", "Customer ID %s", "Ticket %s", "Member no. %s",
                                                  "Routing %s"]) % c.d(9))
    gen("bad_luhn_cards", lambda: "Card on file: %s" % c.bad_luhn())
    gen("masked_cards", lambda: "Paid with %s" % c.masked_card())
    gen("bad_ibans", lambda: "IBAN %s" % c.bad_iban())
    gen("non_dob_dates", lambda: c.not_dob())
    gen("password_prose", lambda: c.r.choice([
        "Your password must be at least 12 characters long.",
        "Please reset your password: follow the link we sent you.",
        "Never share your password with anyone, including IT staff.",
        "Forgot password? Contact the help desk.",
        "The password policy changed last week."]))
    gen("password_placeholders", lambda: c.r.choice(["password=%s", "DB_PASSWORD=%s", "\"password\": \"%s\"",
                                                     "Password=%s;", "password: %s"]) % c.placeholder())
    gen("aws_examples", lambda: c.r.choice(["AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
                                            "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                                            "key AKIAI44QH8DHBEXAMPLE"]))
    gen("at_dot_prose", lambda: c.r.choice(["We arrived at noon dot com era was over.", "Look at the dot on the map.",
                                            "The price at 5 dot 00 is fine.", "Meet me at home dot com is a joke.",
                                            "Aim at the red dot and press the button."]))
    gen("amounts_and_ids", lambda: c.r.choice([
        "Total $%s,%s,%s.%s" % (c.d(1), c.d(3), c.d(3), c.d(2)), "EUR %s.%s,%s" % (c.d(3), c.d(3), c.d(2)),
        "ZIP %s-%s" % (c.d(5), c.d(4)), "IP 10.%d.%d.%d" % (c.r.randint(0, 255), c.r.randint(0, 255), c.r.randint(0, 255)),
        "MAC 00:1a:%s:%s:%s:%s" % (c.d(2), c.d(2), c.d(2), c.d(2)), "GPS %d.%s, -%d.%s" % (
            c.r.randint(10, 60), c.d(4), c.r.randint(10, 120), c.d(4))]))
    # Spreadsheet cells of doubles as Excel stores them (15-17 significant
    # digits): the fraction's digits here are a Luhn-valid, brand-prefixed
    # card number, which must not be read after "0.".
    def float_cell():
        num = c.card_number()
        return "\t".join([c.r.choice(["Q%d ratio" % c.r.randint(1, 4), "rate", "share"]), c.d(5),
                          c.r.choice(["0.%s", "%d.%s" % (c.r.randint(1, 99), "%s"), "-0.%s"]) % num,
                          "%d.%sE-2" % (c.r.randint(1, 9), num)])
    gen("float_cells", float_cell)
    gen("prose_confidentiality", lambda: c.r.choice([
        "The confidentiality agreement expires next year.",
        "We discussed confidentiality obligations under the NDA.",
        "Internal users can find the guide on the intranet."]))
    # the integer part of a decimal amount or measurement that happens to
    # pass Luhn (seen in real xlsx cell values: 4840178720400.85)
    gen("decimal_values", lambda: "%s\t%s.%s" % (
        c.r.choice(["Total", "Balance", "value", "Sum"]), c.card_number(), c.d(c.r.choice([1, 2, 6]))))
    # product lists: EAN-13 barcodes (4xx: Germany, Russia, Japan) that also
    # pass Luhn, as about 1 in 10 do, read as 13-digit Visa numbers (POI's
    # 49423.xls, a Russian price list)
    def ean13():
        while True:
            body = c.r.choice(["40", "42", "46", "49"]) + c.d(10)
            num = body + str((10 - sum(int(ch) * (3 if i % 2 else 1) for i, ch in enumerate(body)) % 10) % 10)
            if c.luhn(num[:-1]) == num[-1]:
                return num
    gen("ean13_barcodes", lambda: "\t".join([c.d(6), c.r.choice(["Kalender 2011", "Tee 20x2g", "USB cable 2m"]),
                                             c.r.choice(["%s", "EAN %s", "GTIN: %s"]) % ean13(),
                                             "%d.%02d" % (c.r.randint(1, 99), c.r.randint(0, 99))]))
    # bytes of fuzzed PDFs and uuencoded archives with an '@' between
    # letters: the 'top-level domain' is no delegated one
    junk_chars = string.ascii_letters + string.digits + "!#%&*()<>?/;:[]{}^~_"
    gen("junk_addresses", lambda: "".join(c.r.choice(junk_chars) for _ in range(12)) + "/%s@%s.%s" % (
        c.r.choice(string.ascii_lowercase), c.r.choice(["hc7z", "e", "0", "q", "1"]),
        c.r.choice(["qn", "ox", "uh", "hl", "vk", "fBs", "pfck", "zq"])) + "<<" + "".join(
        c.r.choice(junk_chars) for _ in range(10)))
    for cls in list(c.decoy_files.values()):
        c.decoy(cls + "_file", n)


def build(out, seed, scale):
    c = Corpus(out, seed)
    for i in range(3 * scale):
        hr_export(c, i)
    for i in range(3 * scale):
        payroll_report(c, i)
    for i in range(3 * scale):
        customer_json(c, i)
    for i in range(6 * scale):
        invoice(c, i)
    for i in range(8 * scale):
        email_msg(c, i)
    for i in range(6 * scale):
        ocr_form(c, i)
    for i in range(48 * scale):
        configs(c, i)
    test_cards(c)
    generic_keys(c, 2 * scale)
    decoy_files(c, 25 * scale)
    ents = {}
    for per in c.files.values():
        for e, vs in per.items():
            ents.setdefault(e, set()).update(vs)
    return {"files": c.files, "entities": {e: sorted(v) for e, v in ents.items()},
            "markings": sorted(c.markings), "decoy_files": c.decoy_files, "decoys": c.decoys}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("keyfile")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scale", type=int, default=2)
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    key = build(a.outdir, a.seed, a.scale)
    with open(a.keyfile, "w", encoding="utf-8") as f:
        json.dump(key, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
