#!/usr/bin/env python3
"""Generate the leaksift sample leak dump: a fictional "ACME Corp" file share.

    python3 samples/generate.py samples/dump

Python standard library only, and deterministic: the same seed gives the same
bytes on every machine (zip members are stored, not deflated, and the PNG's
zlib stream is written by hand with stored blocks, so the output does not
depend on the zlib build; no timestamps, hostnames or random boundaries).

Every value planted here is FAKE but shaped to pass leaksift's validators:
SSNs follow the SSA rules (area not 000/666/9xx, group and serial not zero)
and are not on the well-known fake list; card numbers carry real brand
prefixes with a correct Luhn digit; IBANs carry correct ISO 7064 mod-97 check
digits (and French RIB keys); phone numbers are valid NANP (never 555-01xx);
e-mail addresses live under acme-corp.example (RFC 2606: never delivered).

Other scripts (tests/e2e/test_samples.py) import this module: build() returns
the files and the list of planted values, so a test can check that each one
is found and that none of them reaches the manifest in full.
"""
import base64
import email.encoders
import email.mime.base
import email.mime.multipart
import email.mime.text
import io
import os
import random
import struct
import sys
import zipfile
import zlib

SEED = 20261128
DOMAIN = "acme-corp.example"
ZIP_TIME = (2019, 6, 30, 12, 0, 0)

FIRST = ["James", "Maria", "Robert", "Linda", "Michael", "Patricia", "David", "Jennifer",
         "William", "Elizabeth", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Moore"]
DEPTS = ["Finance", "Engineering", "Sales", "HR", "Legal", "Operations"]
AREA_CODES = [212, 303, 312, 404, 415, 503, 617, 646, 702, 713, 206, 305]

SSN_KNOWN_FAKES = {"078051120", "219099999", "123456789", "457555462", "987654320"}

LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
    "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure "
    "dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. "
    "Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt "
    "mollit anim id est laborum."
)


# ---- value makers ---------------------------------------------------------

def make_ssn(rng):
    while True:
        area = rng.randint(1, 899)
        group = rng.randint(1, 99)
        serial = rng.randint(1, 9999)
        digits = "%03d%02d%04d" % (area, group, serial)
        if area != 666 and digits not in SSN_KNOWN_FAKES and len(set(digits)) > 1:
            return "%03d-%02d-%04d" % (area, group, serial)


def luhn_check_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        v = int(ch)
        if i % 2 == 0:  # these get doubled once the check digit is appended
            v = v * 2 - 9 if v * 2 > 9 else v * 2
        total += v
    return str((10 - total % 10) % 10)


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch)
        if i % 2 == 1:
            v = v * 2 - 9 if v * 2 > 9 else v * 2
        total += v
    return total % 10 == 0


CARD_BRANDS = [  # (brand, prefix chooser, length)
    ("visa", lambda r: "4", 16),
    ("mastercard", lambda r: "5" + str(r.randint(1, 5)), 16),
    ("mastercard", lambda r: str(r.randint(2221, 2720)), 16),
    ("amex", lambda r: r.choice(["34", "37"]), 15),
    ("discover", lambda r: "6011", 16),
]


def make_card(rng, brand_index):
    _, prefix_of, length = CARD_BRANDS[brand_index % len(CARD_BRANDS)]
    while True:
        prefix = prefix_of(rng)
        body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - 1 - len(prefix)))
        number = body + luhn_check_digit(body)
        if len(set(number[1:])) > 1:
            break
    assert luhn_ok(number)
    if length == 15:  # Amex prints 4-6-5
        return "%s %s %s" % (number[:4], number[4:10], number[10:])
    sep = rng.choice([" ", "-", ""])
    return sep.join(number[i:i + 4] for i in range(0, 16, 4))


def iban_check(country, bban):
    rearranged = bban + country + "00"
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return "%02d" % (98 - int(numeric) % 97)


def iban_ok(iban):
    s = iban.replace(" ", "")
    numeric = "".join(str(int(ch, 36)) for ch in s[4:] + s[:4])
    return int(numeric) % 97 == 1


def digits(rng, n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def make_iban(rng, country):
    if country == "DE":
        bban = digits(rng, 8) + digits(rng, 10)
    elif country == "GB":
        bban = rng.choice(["NWBK", "BARC", "MIDL", "LOYD"]) + digits(rng, 6) + digits(rng, 8)
    elif country == "NL":
        bban = rng.choice(["ABNA", "INGB", "RABO"]) + digits(rng, 10)
    elif country == "FR":
        bank, branch, account = digits(rng, 5), digits(rng, 5), digits(rng, 11)
        key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
        bban = bank + branch + account + "%02d" % key
    else:
        raise ValueError(country)
    iban = country + iban_check(country, bban) + bban
    assert iban_ok(iban)
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def make_phone(rng):
    area = rng.choice(AREA_CODES)
    while True:
        exch = rng.randint(200, 999)
        if exch % 100 != 11 and exch != 555:  # no N11 service codes, no 555
            break
    line = rng.randint(1000, 9999)
    return "(%d) %03d-%04d" % (area, exch, line)


def make_aws_key_id(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    while True:
        k = "AKIA" + "".join(rng.choice(alphabet) for _ in range(16))
        if "EXAMPLE" not in k:
            return k


def make_aws_secret(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+"
    return "".join(rng.choice(alphabet) for _ in range(40))


def make_pem_body(rng):
    raw = bytes(rng.randint(0, 255) for _ in range(9 * 48))
    b64 = base64.b64encode(raw).decode("ascii")
    return [b64[i:i + 64] for i in range(0, len(b64), 64)]


# ---- containers written deterministically ----------------------------------

def zlib_stored(data):
    """A zlib stream of stored (uncompressed) deflate blocks: the same bytes
    whatever zlib this Python was built with."""
    out = bytearray(b"\x78\x01")
    pos = 0
    while True:
        chunk = data[pos:pos + 65535]
        pos += len(chunk)
        final = 1 if pos >= len(data) else 0
        out += struct.pack("<BHH", final, len(chunk), len(chunk) ^ 0xFFFF) + chunk
        if final:
            break
    out += struct.pack(">I", zlib.adler32(data) & 0xFFFFFFFF)
    return bytes(out)


def png(width, height, pixel):
    def chunk(kind, body):
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows += bytes(pixel(x, y))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib_stored(bytes(rows)))
            + chunk(b"IEND", b""))


def stored_zip(members):
    """members: list of (name, bytes). Stored entries, fixed times and modes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_STORED
            z.writestr(info, data)
    return buf.getvalue()


# ---- the dump ----------------------------------------------------------------

class Dump:
    def __init__(self):
        self.files = {}
        self.planted = []

    def add(self, path, data):
        assert path not in self.files, path
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data

    def plant(self, path, entity, value, member=None):
        self.planted.append({"file": path, "member": member, "entity": entity, "value": value})


def make_people(rng, n):
    people = []
    used = set()
    while len(people) < n:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if (first, last) in used:
            continue
        used.add((first, last))
        people.append({
            "first": first, "last": last,
            "email": "%s.%s@%s" % (first.lower(), last.lower(), DOMAIN),
            "phone": make_phone(rng), "ssn": make_ssn(rng),
            "dept": rng.choice(DEPTS), "id": "E%05d" % rng.randint(10000, 99999),
        })
    return people


def clean_files(d):
    d.add("README.txt",
          "ACME Corp - shared drive export\n"
          "================================\n\n"
          "This folder is a copy of the team drive as it was on the day of the export.\n"
          "Folders: hr, finance, it, docs, mail, archive, legacy, notes, assets.\n"
          "Questions about the layout go to the IT service desk.\n")
    paras = "\n\n".join(LOREM for _ in range(4))
    d.add("notes/meeting-minutes.txt",
          "Weekly sync - minutes\n\nAttendees: the usual team.\n\n" + paras + "\n")
    d.add("it/app-settings.json",
          '{\n  "service": "inventory",\n  "listen_port": 8080,\n  "log_level": "info",\n'
          '  "features": ["search", "export"],\n  "cache_ttl_seconds": 300\n}\n')

    def pixel(x, y):
        return (200 - 5 * x, 40 + 5 * y, 90 + 3 * (x + y) % 160)

    d.add("assets/logo.png", png(32, 32, pixel))


def hr_csv(d, people):
    path = "hr/employees.csv"
    lines = ["# CONFIDENTIAL - ACME Corp Human Resources - do not forward",
             "employee_id,first_name,last_name,email,phone,ssn,department"]
    for p in people:
        lines.append(",".join([p["id"], p["first"], p["last"], p["email"], p["phone"], p["ssn"],
                               p["dept"]]))
        for ent in ("email", "phone", "ssn"):
            d.plant(path, ent, p[ent])
    d.plant(path, "marking", "CONFIDENTIAL")
    d.add(path, "\r\n".join(lines) + "\r\n")


def payments_json(d, rng, people):
    path = "finance/payments.json"
    items = []
    for i, p in enumerate(people[:6]):
        card = make_card(rng, i)
        iban = make_iban(rng, ["DE", "GB", "NL", "FR"][i % 4])
        d.plant(path, "credit_card", card)
        d.plant(path, "iban", iban)
        d.plant(path, "email", p["email"])
        items.append('    {"customer": "%s %s", "email": "%s", "card_number": "%s", '
                     '"payout_iban": "%s", "amount_usd": %d.%02d}'
                     % (p["first"], p["last"], p["email"], card, iban,
                        rng.randint(100, 9999), rng.randint(0, 99)))
    d.plant(path, "marking", "INTERNAL USE ONLY")
    d.add(path, '{\n  "classification": "INTERNAL USE ONLY",\n  "batch": "2019-Q3-07",\n'
                '  "payments": [\n' + ",\n".join(items) + "\n  ]\n}\n")


def board_report_html(d, rng, people):
    path = "finance/q3-board-report.html"
    rows = []
    for i, vendor in enumerate(["Globex Supplies", "Initech Services", "Umbrella Logistics"]):
        iban = make_iban(rng, ["GB", "DE", "FR"][i])
        d.plant(path, "iban", iban)
        rows.append("<tr><td>%s</td><td>%s</td><td>%d,%03d</td></tr>"
                    % (vendor, iban, rng.randint(10, 999), rng.randint(0, 999)))
    cfo = people[0]
    d.plant(path, "email", cfo["email"])
    d.plant(path, "marking", "CONFIDENTIAL")
    d.add(path,
          "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>Q3 board report</title></head>\n"
          "<body>\n<p class=\"banner\">CONFIDENTIAL</p>\n<h1>ACME Corp - Q3 results</h1>\n"
          "<p>" + LOREM + "</p>\n<h2>Vendor payouts</h2>\n"
          "<table>\n<tr><th>Vendor</th><th>IBAN</th><th>Amount (EUR)</th></tr>\n"
          + "\n".join(rows) + "\n</table>\n"
          "<p>Questions: <a href=\"mailto:%s\">%s %s</a></p>\n</body>\n</html>\n"
          % (cfo["email"], cfo["first"], cfo["last"]))


def deploy_notes(d, rng):
    path = "it/deploy-notes.txt"
    key_id, secret = make_aws_key_id(rng), make_aws_secret(rng)
    pem = make_pem_body(rng)
    d.plant(path, "aws_key", key_id)
    d.plant(path, "aws_secret", secret)
    d.plant(path, "private_key", "\n".join(pem))  # one key; each line must stay out
    d.plant(path, "marking", "INTERNAL USE ONLY")
    d.add(path,
          "INTERNAL USE ONLY\n\nDeploy notes for the inventory service\n\n"
          "1. Export the credentials before running the deploy script:\n\n"
          "[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n\n"
          "2. The deploy host key (rotate after the migration):\n\n"
          "-----BEGIN RSA PRIVATE KEY-----\n%s\n-----END RSA PRIVATE KEY-----\n"
          % (key_id, secret, "\n".join(pem)))


def archive_zip(d, rng, people):
    path = "archive/2019-customer-export.zip"
    member = "export/customers-2019.csv"
    lines = ["customer_id,name,email,ssn,card_number"]
    for i, p in enumerate(people[6:12]):
        card = make_card(rng, i + 2)
        lines.append("C%04d,%s %s,%s,%s,%s" % (i + 1, p["first"], p["last"], p["email"], p["ssn"],
                                               card))
        for ent, v in (("email", p["email"]), ("ssn", p["ssn"]), ("credit_card", card)):
            d.plant(path, ent, v, member)
    readme = "Customer export, June 2019. Columns are described in the CRM handbook.\n"
    d.add(path, stored_zip([("export/readme.txt", readme.encode()),
                            (member, ("\n".join(lines) + "\n").encode())]))


def offer_docx(d, rng, people):
    path = "docs/offer-letter-draft.docx"
    member = "word/document.xml"
    p = people[12]
    paras = [
        "CONFIDENTIAL",
        "Offer of employment",
        "Dear %s %s," % (p["first"], p["last"]),
        "We are pleased to offer you the position of Senior Analyst in %s." % p["dept"],
        "Payroll needs your Social Security Number on file: %s." % p["ssn"],
        "Please reply to %s or call %s." % (people[3]["email"], people[3]["phone"]),
    ]
    for ent, v in (("ssn", p["ssn"]), ("email", people[3]["email"]), ("phone", people[3]["phone"]),
                   ("marking", "CONFIDENTIAL")):
        d.plant(path, ent, v)  # the ooxml handler may surface it on the .docx itself
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % t for t in paras)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (w, body))
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    d.add(path, stored_zip([("[Content_Types].xml", content_types.encode()),
                            ("_rels/.rels", rels.encode()),
                            (member, document.encode())]))


def payroll_eml(d, rng, people):
    path = "mail/fwd-payroll-march.eml"
    member = "payroll-march.csv"
    sender, rcpt = people[1], people[2]
    msg = email.mime.multipart.MIMEMultipart("mixed", boundary="=_acme_sample_boundary_0001")
    msg["From"] = "%s %s <%s>" % (sender["first"], sender["last"], sender["email"])
    msg["To"] = "%s %s <%s>" % (rcpt["first"], rcpt["last"], rcpt["email"])
    msg["Subject"] = "FW: payroll March (internal use only)"
    msg["Date"] = "Mon, 01 Apr 2019 09:15:00 -0400"
    msg["Message-ID"] = "<payroll-0401@mail.%s>" % DOMAIN
    body = ("Hi %s,\n\nforwarding the payroll file as discussed. Call me at %s if the totals look"
            " off.\n\nINTERNAL USE ONLY - do not forward outside Finance.\n\n%s\n"
            % (rcpt["first"], sender["phone"], sender["first"]))
    msg.attach(email.mime.text.MIMEText(body, "plain", "us-ascii"))
    lines = ["employee_id,name,ssn,iban,net_pay"]
    for p in people[4:10]:
        iban = make_iban(rng, "DE")
        lines.append("%s,%s %s,%s,%s,%d.%02d" % (p["id"], p["first"], p["last"], p["ssn"], iban,
                                                 rng.randint(2000, 9000), rng.randint(0, 99)))
        d.plant(path, "ssn", p["ssn"], member)
        d.plant(path, "iban", iban, member)
    att = email.mime.base.MIMEBase("text", "csv")
    att.set_payload(("\r\n".join(lines) + "\r\n").encode("ascii"))
    email.encoders.encode_base64(att)
    att.add_header("Content-Disposition", "attachment", filename=member)
    msg.attach(att)
    for ent, v in (("email", sender["email"]), ("email", rcpt["email"]), ("phone", sender["phone"]),
                   ("marking", "INTERNAL USE ONLY")):
        d.plant(path, ent, v)
    d.add(path, msg.as_bytes())


def utf16_contacts(d, people):
    path = "legacy/contacts-export-utf16.txt"
    lines = ["Contact export (Outlook 2007)", ""]
    for p in people[10:16]:
        lines.append("%s %s\t%s\t%s\tSSN %s" % (p["first"], p["last"], p["email"], p["phone"],
                                                p["ssn"]))
        for ent in ("email", "phone", "ssn"):
            d.plant(path, ent, p[ent])
    d.add(path, b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))


def build(seed=SEED):
    """Returns (files, planted): files maps a relative path to its bytes;
    planted lists {"file", "member", "entity", "value"} for every fake value.
    "member" names the nested member that holds the value (its last chain
    element in the manifest), or None when the value is in the file itself or
    where it surfaces is the handler's choice (the .docx). A private key's
    value is its base64 body, lines joined by newlines."""
    rng = random.Random(seed)
    d = Dump()
    people = make_people(rng, 16)
    clean_files(d)
    hr_csv(d, people)
    payments_json(d, rng, people)
    board_report_html(d, rng, people)
    deploy_notes(d, rng)
    archive_zip(d, rng, people)
    offer_docx(d, rng, people)
    payroll_eml(d, rng, people)
    utf16_contacts(d, people)
    return d.files, d.planted


CLEAN_FILES = ("README.txt", "notes/meeting-minutes.txt", "it/app-settings.json", "assets/logo.png")


def write(outdir, files):
    for rel, data in sorted(files.items()):
        dest = os.path.join(outdir, *rel.split("/"))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as f:
            f.write(data)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: generate.py OUTDIR\n")
        return 2
    files, planted = build()
    write(argv[1], files)
    total = sum(len(v) for v in files.values())
    sys.stderr.write("wrote %d files (%d bytes, %d planted values) to %s\n"
                     % (len(files), total, len(planted), argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
