#!/usr/bin/env python3
"""Ninth red-team answer key (rulesred9): what rulesred..rulesred8 did not
try, each file written here from scratch with fake values.

Usage: gen_rulesred9.py OUTDIR KEYFILE [--seed S]

- One person's date of birth written as an HR system, a vCard, a Japanese
  form, a German letter and a US form write it (1975-03-14, 19750314,
  14 March 1975, March 14, 1975, 14.03.1975, 1975年3月14日, 14/03/1975):
  one value, its ISO date, so the person counts once in `distinct`; a
  date whose order a label names ("DOB (DD/MM/YYYY): 03/04/1975"), and an
  ambiguous one (03/04/1980: kept as written).
- National phone forms that name their country beside the international
  form of the same number (China 138 0013 8000 / +86, Russia
  8 (916) 123-45-67 / +7, Brazil (11) 91234-5678 / +55, India
  98765 43210 / +91): one value each; and international numbers of twenty
  more countries, as their people write them.
- Semicolon-separated CSV exports with Spanish, Portuguese, Italian, Dutch
  and Polish headers (Correo electrónico, Telemóvel, Data di nascita,
  Geboortedatum, Data urodzenia, Nr konta): e-mail, DOB, IBAN per row; the
  national ids in them (DNI, NIF, codice fiscale, BSN, PESEL) are no
  entity the pack reports.
- JSON lines of an application log: a card number as a JSON number and an
  e-mail in a payment event; a decoy log of trace, span, order and
  request ids (card-shaped numbers under id keys), epoch milliseconds and
  durations.
- IBANs of twenty-four countries no earlier key has (PL PT MT SA UA BR KZ
  CR EG LT RO TR AE SE CZ HU GR IL SC LC QA SK HR BG), grouped and compact;
  a decoy list of the same with a wrong check digit.
- Secrets of current providers, each in the file a developer leaves it in:
  GitHub fine-grained and classic tokens, Slack bot and app tokens, Stripe
  restricted keys, OpenAI project keys, Anthropic keys, GitLab, npm and
  PyPI tokens, Google API keys, Azure storage and Service Bus connection
  strings, a JWT; beside a decoy file of their documented placeholders.
- Notes and credentials in HTML comments: an HTML mail part in
  quoted-printable (the raw bytes hold "db_password=3DSaff=" and a soft
  line break: no value as written), a UTF-16 page (its raw bytes hold no
  ASCII run: found in the "[comment]" section of its text); a decoy page of
  Outlook's conditional comments and layout notes.

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

UP = string.ascii_uppercase
ALNUM = string.ascii_letters + string.digits
URLSAFE = ALNUM + "_-"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


class Gen(_base.Gen):
    def s(self, alphabet, n):
        """n characters of alphabet with an upper, a lower and a digit when the alphabet has them"""
        while True:
            v = "".join(self.r.choice(alphabet) for _ in range(n))
            if all(any(c in cls for c in v) for cls in (string.ascii_uppercase, string.ascii_lowercase, string.digits)
                   if any(c in alphabet for c in cls)):
                return v

    def nz(self, n):
        while True:
            v = str(self.r.randint(2, 9)) + self.d(n - 1)
            if len(set(v)) > min(3, n - 1):
                return v


def build_dob(g):
    r = g.r
    g.begin("hr/employee_4471_history.txt")
    y, m, d = r.randint(1950, 1999), r.randint(1, 12), r.randint(13, 28)
    iso = "%d-%02d-%02d" % (y, m, d)
    forms = [
        "HRIS record      DOB: %s" % iso,
        "vCard export     BDAY:%d%02d%02d" % (y, m, d),
        "Offer letter     Date of birth: %d %s %d" % (d, MONTHS[m - 1], y),
        "I-9 section 1    Date of Birth: %s %d, %d" % (MONTHS[m - 1], d, y),
        "Arbeitsvertrag   Geburtsdatum: %02d.%02d.%d" % (d, m, y),
        "\u5165\u793e\u66f8\u985e         \u751f\u5e74\u6708\u65e5\uff1a%d\u5e74%d\u6708%d\u65e5" % (y, m, d),
        "UK payroll       DOB: %02d/%02d/%d" % (d, m, y),
    ]
    for f in forms:
        g.plant("dob", iso, "one person's dob: " + f.split("  ")[0])
    y2, m2, d2 = r.randint(1950, 1999), r.randint(1, 12), r.randint(1, 12)
    while d2 == m2:
        d2 = r.randint(1, 12)
    g.plant("dob", "%d-%02d-%02d" % (y2, m2, d2), "ambiguous dob after a DD/MM/YYYY label")
    forms.append("Onboarding form  DOB (DD/MM/YYYY): %02d/%02d/%d" % (d2, m2, y2))
    y3 = r.randint(1950, 1999)
    amb = "%02d/%02d/%d" % (m2, d2, y3)
    g.plant("dob", amb, "ambiguous dob without a label naming the order: as written")
    forms.append("Badge request    DOB: %s" % amb)
    g.write("Employee 4471 - dates of birth on file, per source system\n\n" + "\n".join(forms) + "\n")


def build_phones(g):
    r = g.r
    g.begin("contacts/same_number_two_forms.txt")
    cn = "13" + str(r.randint(5, 9)) + g.d(8)
    ru = "9" + g.d(2) + g.nz(7)
    br = g.nz(2) + "9" + g.nz(8)
    inn = str(r.randint(7, 9)) + g.nz(9)
    lines = [
        "\u738b\u4f1f  \u624b\u673a\uff1a%s %s %s   WeChat card: +86 %s %s %s" % (cn[:3], cn[3:7], cn[7:], cn[:3], cn[3:7], cn[7:]),
        "\u0418\u0432\u0430\u043d\u043e\u0432 \u0418.\u0418.  \u0422\u0435\u043b.: 8 (%s) %s-%s-%s   "
        "\u043c\u043e\u0431.: +7 %s %s-%s-%s" % (ru[:3], ru[3:6], ru[6:8], ru[8:], ru[:3], ru[3:6], ru[6:8], ru[8:]),
        "Ana Souza  Celular: (%s) %s-%s   WhatsApp +55 %s %s-%s" % (br[:2], br[2:7], br[7:], br[:2], br[2:7], br[7:]),
        "Priya Nair  Mobile: %s %s   Office: +91 %s %s" % (inn[:5], inn[5:], inn[:5], inn[5:]),
    ]
    es, it, pl = "6" + g.nz(8), "3" + r.choice("2489") + g.nz(8), r.choice("5678") + g.nz(8)
    lines += ["Luc\u00eda Ruiz  Tel\u00e9fono m\u00f3vil: %s %s %s" % (es[:3], es[3:6], es[6:]),
              "Giulia Romano  Telefono cellulare: %s %s" % (it[:3], it[3:]),
              "Kamil W\u00f3jcik  Numer telefonu: %s %s %s" % (pl[:3], pl[3:6], pl[6:])]
    g.plant("phone", es, "Spanish mobile after 'Tel\u00e9fono m\u00f3vil:'")
    g.plant("phone", it, "Italian mobile after 'Telefono cellulare:'")
    g.plant("phone", pl, "Polish mobile after 'Numer telefonu:'")
    for cc, n, k in (("86", cn, "China"), ("7", ru, "Russia"), ("55", br, "Brazil"), ("91", inn, "India")):
        g.plant("phone", cc + n, "%s mobile, national form" % k)
        g.plant("phone", cc + n, "%s mobile, international form" % k)
    g.write("Regional contacts (exported from the CRM)\n\n" + "\n".join(lines) + "\n")

    g.begin("contacts/intl_directory.txt")
    # country code, grouping of the national significant number, first digits
    plans = [
        ("33", "1 22 22 22 22", "6"), ("49", "30 22222222", "3"), ("81", "3-2222-2222", "3"),
        ("61", "2 2222 2222", "2"), ("52", "55 2222 2222", "5"), ("27", "21 222 2222", "2"),
        ("48", "22 222 22 22", "2"), ("31", "20 222 2222", "2"), ("39", "06 2222 2222", "0"),
        ("34", "912 222 222", "9"), ("90", "212 222 22 22", "2"), ("82", "2-2222-2222", "2"),
        ("65", "6222 2222", "6"), ("234", "803 222 2222", "8"), ("20", "10 2222 2222", "1"),
        ("971", "50 222 2222", "5"), ("972", "52-222-2222", "5"), ("966", "50 222 2222", "5"),
        ("62", "812-2222-2222", "8"), ("63", "917 222 2222", "9"), ("84", "91 222 22 22", "9"),
        ("353", "1 222 2222", "1"), ("46", "8-222 222 22", "8"), ("41", "44 222 22 22", "4"),
    ]
    out = ["International desk directory", ""]
    for cc, shape, first in plans:
        n = list(shape)
        nd = sum(ch.isdigit() for ch in shape)
        body = first + g.d(nd - len(first))
        while len(set(body)) < 4:
            body = first + g.d(nd - len(first))
        it = iter(body)
        written = "".join(next(it) if ch.isdigit() else ch for ch in n)
        g.plant("phone", cc + body, "+%s %s" % (cc, shape))
        out.append("%-28s Tel: +%s %s" % ("Office +%s" % cc, cc, written))
    g.write("\n".join(out) + "\n")


def build_csv(g):
    r = g.r
    people = [("Luc\u00eda", "Mart\u00ednez"), ("Jo\u00e3o", "Ferreira"), ("Giulia", "Romano"), ("Sanne", "de Vries"),
              ("Kamil", "W\u00f3jcik"), ("Pablo", "Ruiz"), ("In\u00eas", "Costa"), ("Marco", "Bianchi")]
    specs = [
        ("export/clientes_es.csv", "Nombre;Apellidos;Correo electr\u00f3nico;Fecha de nacimiento;DNI;IBAN;M\u00f3vil", "ES",
         "d/m", lambda: "%08d%s" % (r.randint(10000000, 99999999), r.choice("TRWAGMYFPDXBNJZSQVHLCKE")),
         lambda: g.d(20), "empresa.es"),
        ("export/clientes_pt.csv", "Nome;Apelido;E-mail;Data de nascimento;NIF;IBAN;Telem\u00f3vel", "PT", "d/m",
         lambda: str(r.choice([1, 2])) + g.d(8), lambda: g.d(21), "empresa.pt"),
        ("export/anagrafica_it.csv", "Nome;Cognome;Indirizzo email;Data di nascita;Codice fiscale;IBAN;Cellulare", "IT",
         "d/m", lambda: "".join(r.choice(UP) for _ in range(6)) + g.d(2) + r.choice(UP) + g.d(2) + r.choice(UP) +
         g.d(3) + r.choice(UP), lambda: r.choice(UP) + g.d(10) + g.d(12), "azienda.it"),
        ("export/klanten_nl.csv", "Voornaam;Achternaam;E-mailadres;Geboortedatum;BSN;IBAN;Telefoonnummer", "NL", "d-m",
         lambda: g.d(9), lambda: "".join(r.choice(UP) for _ in range(4)) + g.d(10), "bedrijf.nl"),
        ("export/klienci_pl.csv", "Imi\u0119;Nazwisko;Adres e-mail;Data urodzenia;PESEL;Nr konta (IBAN);Telefon kom\u00f3rkowy", "PL",
         "d.m", lambda: g.d(11), lambda: g.d(24), "firma.pl"),
    ]
    for rel, header, cc, order, natid, bban, dom in specs:
        g.begin(rel)
        rows = [header]
        for i in range(5):
            first, last = people[(i + len(rel)) % len(people)]
            y, m, d = r.randint(1950, 2001), r.randint(1, 12), r.randint(13, 28)
            sep = order[1]
            date = "%02d%s%02d%s%d" % (d, sep, m, sep, y)
            iban = g.iban(cc, bban())
            local = "%s.%s%d" % (first.lower(), last.lower().replace(" ", ""), r.randint(1, 99))
            local = local.encode("ascii", "ignore").decode()
            em = "%s@%s" % (local, dom)
            g.plant("email", em, "email in a %s CSV" % cc)
            g.plant("dob", "%d-%02d-%02d" % (y, m, d), "dob under %s header" % header.split(";")[3])
            g.plant("iban", iban, "%s IBAN in a CSV" % cc)
            mob = {"ES": "6" + g.d(8), "PT": "9" + r.choice("1236") + g.d(7), "IT": "3" + r.choice("2489") + g.d(8),
                   "NL": "06" + g.d(8), "PL": r.choice("5678") + g.d(8)}[cc]
            while len(set(mob)) < 4:
                mob = mob[:2] + g.d(len(mob) - 2)
            written = {"ES": lambda n: "%s %s %s" % (n[:3], n[3:6], n[6:]),
                       "PT": lambda n: "%s %s %s" % (n[:3], n[3:6], n[6:]),
                       "IT": lambda n: "%s %s" % (n[:3], n[3:]),
                       "NL": lambda n: "%s-%s" % (n[:2], n[2:]),
                       "PL": lambda n: "%s %s %s" % (n[:3], n[3:6], n[6:])}[cc](mob)
            g.plant("phone", mob, "mobile under %s header" % header.split(";")[-1])
            rows.append(";".join([first, last, em, date, natid(), g.grouped(iban) if i % 2 else iban, written]))
        g.write("\r\n".join(rows) + "\r\n")


def build_json_logs(g):
    r = g.r
    g.begin("logs/payments-api.jsonl")
    lines = []
    for i in range(4):
        card = g.card(r.choice(["4", "51"]), 16) if i != 2 else g.card("37", 15)
        em = "customer%d.%s@example-mail.com" % (r.randint(100, 999), r.choice(["smith", "garcia", "kim"]))
        g.plant("credit_card", card, "card as a JSON number in a log line")
        g.plant("email", em, "email in a JSON log line")
        lines.append(json.dumps({"ts": "2024-03-%02dT%02d:%02d:%02d.%03dZ" % (i + 10, r.randint(0, 23), r.randint(0, 59),
                                                                             r.randint(0, 59), r.randint(0, 999)),
                                 "level": "error", "logger": "checkout.PaymentService",
                                 "msg": "authorization declined", "customer_email": em,
                                 "card_number": int(card), "amount_cents": r.randint(100, 99999)},
                                separators=(",", ":")))
    g.write("\n".join(lines) + "\n")

    g.begin("logs/gateway-trace.jsonl", decoy=True)
    lines = []
    for i in range(6):
        lines.append(json.dumps({"ts_ms": 1710000000000 + r.randint(0, 10 ** 9), "trace_id": int(g.card("4", 16)),
                                 "span_id": int(g.card("5" + str(r.randint(1, 5)), 16)),
                                 "order_id": int(g.card("37", 15)), "request_id": g.card("6011", 16),
                                 "duration_ns": r.randint(10 ** 6, 10 ** 10), "status": 200,
                                 "bytes": r.randint(100, 10 ** 6)}, separators=(",", ":")))
    g.write("\n".join(lines) + "\n")


IBANS = [  # country, BBAN layout: d digit, A capital, c capital or digit
    ("PL", "d" * 24), ("PT", "d" * 21), ("MT", "AAAA" + "d" * 5 + "c" * 18), ("SA", "dd" + "c" * 18),
    ("UA", "d" * 6 + "c" * 19), ("BR", "d" * 23 + "Ac"), ("KZ", "ddd" + "c" * 13), ("CR", "0" + "d" * 17),
    ("EG", "d" * 25), ("LT", "d" * 16), ("RO", "AAAA" + "c" * 16), ("TR", "d" * 5 + "0" + "c" * 16),
    ("AE", "d" * 19), ("SE", "d" * 20), ("CZ", "d" * 20), ("HU", "d" * 24), ("GR", "d" * 7 + "c" * 16),
    ("IL", "d" * 19), ("SC", "AAAA" + "d" * 20 + "AAA"), ("LC", "AAAA" + "c" * 24), ("QA", "AAAA" + "c" * 21),
    ("SK", "d" * 20), ("HR", "d" * 17), ("BG", "AAAA" + "d" * 6 + "c" * 8),
]


def build_ibans(g):
    r = g.r

    def bban(shape):
        return "".join(r.choice(string.digits) if ch == "d" else r.choice(UP) if ch == "A" else
                       r.choice(UP + string.digits) if ch == "c" else ch for ch in shape)

    g.begin("finance/beneficiaries_intl.txt")
    out = ["Beneficiary list - treasury payments run", ""]
    for i, (cc, shape) in enumerate(IBANS):
        v = g.iban(cc, bban(shape))
        g.plant("iban", v, "%s IBAN" % cc)
        out.append("%02d  Supplier %s-%03d  IBAN: %s" % (i + 1, cc, r.randint(1, 999), g.grouped(v) if i % 2 else v))
    g.write("\n".join(out) + "\n")

    g.begin("finance/rejected_ibans.txt", decoy=True)
    out = ["Rejected by the bank (check digits wrong) - do not pay", ""]
    for cc, shape in IBANS[:12]:
        out.append("IBAN: %s" % g.grouped(g.bad_iban(cc, bban(shape))))
    g.write("\n".join(out) + "\n")


def build_secrets(g):
    r = g.r
    toks = [
        ("github_pat_" + g.s(ALNUM, 22) + "_" + g.s(ALNUM, 59), "GitHub fine-grained token", "GITHUB_TOKEN="),
        ("ghp_" + g.s(ALNUM, 36), "GitHub classic token", "gh_token: "),
        ("xoxb-%s-%s-%s" % (g.nz(11), g.nz(13), g.s(ALNUM, 24)), "Slack bot token", "SLACK_BOT_TOKEN="),
        ("xapp-1-A%s-%s-%s" % ("".join(r.choice(UP + string.digits) for _ in range(10)), g.nz(13),
                                "".join(r.choice("0123456789abcdef") for _ in range(64))),
         "Slack app-level token", "SLACK_APP_TOKEN="),
        ("rk_live_" + g.s(ALNUM, 99), "Stripe restricted key", "STRIPE_RESTRICTED_KEY="),
        ("sk-proj-" + g.s(URLSAFE, 74) + "T3BlbkFJ" + g.s(URLSAFE, 74), "OpenAI project key", "OPENAI_API_KEY="),
        ("sk-ant-api03-" + g.s(URLSAFE, 93) + "AA", "Anthropic key", "ANTHROPIC_API_KEY="),
        ("glpat-" + g.s(URLSAFE, 20), "GitLab personal access token", "CI_PUSH_TOKEN="),
        ("npm_" + g.s(ALNUM, 36), "npm token", "//registry.npmjs.org/:_authToken="),
        ("pypi-AgEIcHlwaS5vcmc" + g.s(URLSAFE, 140), "PyPI token", "password = "),
        ("AIza" + g.s(URLSAFE, 35), "Google API key", "GOOGLE_MAPS_KEY="),
    ]
    g.begin("repo/.env.production")
    lines = ["# production - do not commit", "NODE_ENV=production"]
    for v, k, lab in toks:
        if lab.startswith("//") or lab.startswith("password"):
            continue
        g.plant("token", v, k, also=("password",))
        lines.append(lab + v)
    g.write("\n".join(lines) + "\n")

    g.begin("repo/.npmrc")
    v, k, lab = toks[8]
    g.plant("token", v, k, also=("password",))
    g.write("registry=https://registry.npmjs.org/\n%s%s\nalways-auth=true\n" % (lab, v))

    g.begin("repo/.pypirc")
    v, k, lab = toks[9]
    g.plant("token", v, k, also=("password",))
    g.write("[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername = __token__\npassword = %s\n" % v)

    g.begin("repo/appsettings.Production.json")
    key88 = base64.b64encode(bytes(r.randrange(256) for _ in range(64))).decode()
    key44 = base64.b64encode(bytes(r.randrange(256) for _ in range(32))).decode()
    acct = "stprod%04d" % r.randint(0, 9999)
    g.plant("token", key88, "Azure storage AccountKey", also=("password",))
    g.plant("token", key44, "Azure Service Bus SharedAccessKey", also=("password",))
    g.write(json.dumps({"ConnectionStrings": {
        "Storage": "DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=%s;EndpointSuffix=core.windows.net"
                   % (acct, key88),
        "ServiceBus": "Endpoint=sb://sb-orders-prod.servicebus.windows.net/;SharedAccessKeyName="
                      "RootManageSharedAccessKey;SharedAccessKey=%s" % key44},
        "Logging": {"LogLevel": {"Default": "Warning"}}}, indent=2) + "\n")

    g.begin("repo/session_dump.txt")
    jwt, sig = g.jwt({"sub": "u-%d" % r.randint(1000, 9999), "email": "ops.lead@example-corp.com", "role": "admin",
                 "iat": 1710000000 + r.randint(0, 99999)})
    g.plant("jwt", sig, "JWT in a support ticket", also=("token",))
    g.plant("email", "ops.lead@example-corp.com", "email of the ticket's reporter")
    g.write("Ticket #88231 from ops.lead@example-corp.com: user cannot log in, cookie copied from the browser:\n"
            "session=%s\n" % jwt)

    g.begin("repo/README.md", decoy=True)
    g.write("""# Setup

Copy `.env.example` to `.env` and fill in your own keys:

```
GITHUB_TOKEN=github_pat_XXXXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
SLACK_BOT_TOKEN=xoxb-your-bot-token
STRIPE_RESTRICTED_KEY=rk_live_...
OPENAI_API_KEY=sk-proj-...
ANTHROPIC_API_KEY=sk-ant-api03-...
GOOGLE_MAPS_KEY=AIzaSy...your-key...
AZURE_STORAGE=DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;EndpointSuffix=core.windows.net
NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
```

Commit `%s` fixed the login page; see issue #4111.
""" % "".join(r.choice("0123456789abcdef") for _ in range(40)))


def qp(text):
    """Quoted-printable (RFC 2045) as a mail client writes an HTML part:
    '=' as =3D, lines cut at 76 with soft breaks."""
    out = []
    for line in text.split("\n"):
        enc = "".join("=%02X" % b if b == 61 or b > 126 else chr(b) for b in line.encode("utf-8"))
        while len(enc) > 75:
            cut = 75
            while enc[cut - 2:cut].find("=") >= 0 and cut > 70:  # never split an =XX escape
                cut -= 1
            out.append(enc[:cut] + "=")
            enc = enc[cut:]
        out.append(enc)
    return "\r\n".join(out)


def build_html_comments(g):
    """Notes and credentials in HTML comments, where a page's authors leave
    them: an HTML mail part in quoted-printable (the raw bytes hold the
    value cut by soft line breaks and its '=' as '=3D') and a UTF-16 page
    (zero bytes between the characters)."""
    r = g.r
    g.begin("mail/release_notes.eml")
    pw = g.password()
    em = "release.bot.%d@example-corp.com" % r.randint(100, 999)
    g.plant("password", pw, "password in an HTML comment of a quoted-printable HTML part")
    g.plant("email", em, "address in an HTML comment of a quoted-printable HTML part")
    g.plant("email", "noreply@example-corp.com", "sender")
    g.plant("email", "all-staff@example-corp.com", "recipient")
    html = ("<html><head><meta charset=\"utf-8\"><style>p{margin:0}</style></head><body>"
            "<p>Hi all, release 4.2 is out. Notes attached.</p>"
            "<!-- TODO remove before sending: staging database for the demo, db_user=demo_rw db_password=%s "
            "(ask %s for access) -->"
            "<p>Regards,<br>Release team</p></body></html>" % (pw, em))
    g.write("From: Release Team <noreply@example-corp.com>\r\nTo: all-staff@example-corp.com\r\n"
            "Subject: Release 4.2\r\nDate: Thu, 14 Mar 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
            "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi all, release 4.2 is out.\r\n"
            "--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            "%s\r\n--b1--\r\n" % qp(html))

    g.begin("web/intranet_status_utf16.html")
    ssn = g.ssn()
    em2 = "h.okafor%d@example-corp.com" % r.randint(10, 99)
    # the raw bytes of a UTF-16 page hold no ASCII run: its comment is read as the "[comment]" section of
    # the page's text (markup.c), as every HTML comment is, in mail or not
    g.plant("ssn", ssn, "SSN in an HTML comment of a UTF-16 page")
    g.plant("email", em2, "address in an HTML comment of a UTF-16 page")
    page = ("<!DOCTYPE html>\n<html><head><title>Payroll status</title></head><body>\n"
            "<h1>Payroll run: complete</h1>\n"
            "<!-- debug: last record processed: employee %s, SSN %s-%s-%s -->\n"
            "<p>All records processed.</p>\n</body></html>\n" % (em2, ssn[:3], ssn[3:5], ssn[5:]))
    g.write(b"\xff\xfe" + page.encode("utf-16-le"), binary=True)

    g.begin("web/outlook_conditional.html", decoy=True)
    g.write("<html><head><!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/>"
            "<o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->"
            "<!-- saved from url=(0014)about:internet --></head><body><p>Lunch menu for the week of "
            "March 11.</p><!-- layout: two columns, 600px --></body></html>\n")


def main():
    _base.main(Gen, build_dob, build_phones, build_csv, build_json_logs, build_ibans, build_secrets, build_html_comments)


if __name__ == "__main__":
    sys.exit(main())
