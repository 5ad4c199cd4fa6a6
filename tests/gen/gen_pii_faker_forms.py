#!/usr/bin/env python3
"""PII written the way fake-data libraries (Faker for Python, faker-js) and
real people write it, in the forms an audit against such generators found
missed (2026-11-29): NANP numbers with a glued extension (212-867-5309x1234),
the 001- exit code, a number in parentheses in a sentence, a JSON key
"phone"; national numbers with a trunk 0 after a phone label in ten
countries' spellings, 00 + country code, Brazil's (11) 91234-5678, Spain's
nine digits, +55 (11) ...; a driver's licence under a
"driver_license_number" key; an Iranian IBAN. Every value is valid in reality
(NANP area and exchange rules, real country codes, mod-97).

Each form is written as a labelled line in text, a JSON record, a CSV
column, a docx paragraph and an xlsx cell. rejected.txt holds what the
generators make that is not a real number (N9X and N11 area codes, 555-01xx,
'00' after a trunk 0, eight digits, a date after a phone label) and
decoys.txt holds order numbers, ids, dates and versions: nothing may be
found in either.

usage: gen_pii_faker_forms.py OUTDIR KEYFILE
KEYFILE (JSON): {"files": {rel: {entity: [norm, ...]}}, "forms": {form: [[rel, entity, norm], ...]}}
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pii_spellings as G  # noqa: E402  (docx/xlsx writers)


def iban(country, bban):
    """A valid IBAN for country + bban (ISO 7064 mod 97-10)."""
    s = bban + country + "00"
    n = int("".join(str(int(c, 36)) for c in s))
    return "%s%02d%s" % (country, 98 - n % 97, bban)


# (form, entity, text as labelled/written, value as it would be in a JSON
#  value or CSV cell, normalised value)
FORMS = [
    ("nanp_x_ext3", "phone", "Phone: 212-867-5309x123", "212-867-5309x123", "2128675309"),
    ("nanp_x_ext5", "phone", "Phone: 212-736-5000x12345", "212-736-5000x12345", "2127365000"),
    ("nanp_dot_x", "phone", "Call 312.555.2198x4410 after 5pm.", "312.555.2198x4410", "3125552198"),
    ("nanp_paren_x", "phone", "Work: (415)555-2671x487", "(415)555-2671x487", "4155552671"),
    ("nanp_001", "phone", "From abroad dial 001-646-555-3890 for support.", "001-646-555-3890", "6465553890"),
    ("nanp_001_x", "phone", "Direct line 001-617-555-2142x2231", "001-617-555-2142x2231", "6175552142"),
    ("nanp_in_parens", "phone", "Please contact Jane Roe (713-853-5660) regarding the claim.", "713-853-5660", "7138535660"),
    ("nanp_001_in_parens", "phone", "Please contact Jane Roe (001-303-555-7712) by Friday.", "001-303-555-7712", "3035557712"),
    ("nanp_paren_in_parens", "phone", "Jim Smith ((503) 555-8271) called twice.", "(503) 555-8271", "5035558271"),
    ("nanp_json_plain", "phone", '{"name": "Jane Roe", "phone": "2064815523"}', "2064815523", "2064815523"),
    ("gb_trunk", "phone", "Phone: 020 7946 0958", "020 7946 0958", "02079460958"),
    ("gb_mobile", "phone", "Mobile: 07700 900123", "07700 900123", "07700900123"),
    ("gb_freephone", "phone", "Tel: 0800 446148", "0800 446148", "0800446148"),
    ("gb_paren_area", "phone", "Tel: (01632) 960532", "(01632) 960532", "01632960532"),
    ("gb_compact", "phone", "Telephone: 01134960877", "01134960877", "01134960877"),
    ("de_paren", "phone", "Telefon: (0221) 4567890", "(0221) 4567890", "02214567890"),
    ("de_slash", "phone", "Tel.: 030/12345678", "030/12345678", "03012345678"),
    ("de_handy", "phone", "Handy: 0151 23456789", "0151 23456789", "015123456789"),
    ("fr_pairs", "phone", "T\u00e9l\u00e9phone : 01 42 68 53 00", "01 42 68 53 00", "0142685300"),
    ("fr_dots", "phone", "T\u00e9l. 06.12.34.56.78", "06.12.34.56.78", "0612345678"),
    ("nl_mobile", "phone", "Telefoon: 06-12345678", "06-12345678", "0612345678"),
    ("au_paren", "phone", "Contact number: (03) 9123 4567", "(03) 9123 4567", "0391234567"),
    ("au_mobile", "phone", "Mobile: 0412 345 678", "0412 345 678", "0412345678"),
    ("in_trunk", "phone", "Mobile No: 098765 43210", "098765 43210", "09876543210"),
    ("it_trunk", "phone", "Telefono: 02 8721 4455", "02 8721 4455", "0287214455"),
    ("es_nine", "phone", "Tel\u00e9fono: 912 345 678", "912 345 678", "912345678"),
    ("es_pairs", "phone", "Tel: 934 12 56 78", "934 12 56 78", "934125678"),
    ("br_paren", "phone", "Celular: (11) 91234-5678", "(11) 91234-5678", "5511912345678"),
    ("intl_00", "phone", "Tel.: 0044 20 7946 0958", "0044 20 7946 0958", "442079460958"),
    ("gb_json", "phone", '{"name": "John Smith", "phone": "020 7946 0958"}', "020 7946 0958", "02079460958"),
    ("phone_number_key", "phone", '{"name": "Ann Lee", "phone_number": "0161 496 0750"}', "0161 496 0750", "01614960750"),
    ("e164_paren_area", "phone", "Fone +55 (11) 3456-7890 comercial", "+55 (11) 3456-7890", "551134567890"),
    ("dl_number_key", "drivers_license", '{"name": "Ann Lee", "driver_license_number": "D4817263"}', "D4817263", "D4817263"),
    ("iban_ir", "iban", "IBAN: " + iban("IR", "0540105180021273113007"),
     iban("IR", "0540105180021273113007"), iban("IR", "0540105180021273113007")),
]

# What the generators make that is not a real number: none may be reported.
REJECTED = [
    "Phone: 296-776-3241x12",         # area N9X (reserved)
    "Phone: (592)256-3520",           # area N9X
    "Phone: 211-867-5309",            # area N11
    "Phone: 415-411-2671",            # exchange N11
    "Phone: 212-555-0142",            # 555-0100..0199: fiction
    "Tel: 001-398-755-1165",          # area N9X behind the exit code
    "Phone: 12 36 33 92",             # eight digits
    "Phone: 98765432",                # eight digits
    "Phone: 01.02.2024 10:30",        # a date after a label
    "Mobile: 14/03/1975 1234",        # a date after a label
    "Phone: 0000 000000",             # one repeated digit
    "Phone: 2345678901234",           # thirteen digits, no trunk 0
]

DECOYS = [
    "Order #2128675309 shipped 2024-03-14T10:22:33Z",
    "Invoice INV-2024-000123 total 1,234.50 EUR",
    "ISBN 978-3-16-148410-0",
    "request_id=3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d",
    "Build 10.0.19045.3570 (20240314.1234)",
    "Ref 536228714; Account 0207946095; Customer ID: 0612345678",
    "Mobile app version 2.3.14 released 2024-03-14",
    "Phone: n/a    Fax: none",
    "phone 3 of 4 replaced",
    "Phone: 2024-03-14",
    "Serial No: 0800-4461-4800",
    "Case 0044 2079 4609 58 closed",
    "Lot 0151 23456789 expires 06/2027",
    "ts=1710411753 ms=1710411753123",
]


def write(out, keyfile):
    os.makedirs(out, exist_ok=True)
    files = {}
    forms = {}

    def plant(rel, form, entity, norm):
        files.setdefault(rel, {}).setdefault(entity, [])
        if norm not in files[rel][entity]:
            files[rel][entity].append(norm)
        forms.setdefault(form, []).append([rel, entity, norm])

    class R:
        import random
        r = random.Random(5)

    text = []
    rows = ["id,name,phone,iban"]
    recs = []
    for i, (form, entity, line, value, norm) in enumerate(FORMS):
        text.append(line)
        plant("forms.txt", form, entity, norm)
        if not line.startswith("{"):
            key = "phone" if entity == "phone" else "iban"
            recs.append({"id": i + 1, "name": "Jane Roe", key: value})
            plant("forms.json", form, entity, norm)
            cell = '"%s"' % value if "," in value else value
            rows.append("%d,Jane Roe,%s,%s" % (i + 1, cell if entity == "phone" else "",
                                               cell if entity == "iban" else ""))
            plant("forms.csv", form, entity, norm)
    items = [(i, f[2], None, None) for i, f in enumerate(FORMS) if not f[2].startswith("{")]
    for rel, data in (("forms.docx", G.w_docx(items, R)), ("forms.xlsx", G.w_xlsx(items, R))):
        with open(os.path.join(out, rel), "wb") as f:
            f.write(data)
        for form, entity, line, _value, norm in FORMS:
            if not line.startswith("{"):
                plant(rel, form, entity, norm)
    with open(os.path.join(out, "forms.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(text) + "\n")
    with open(os.path.join(out, "forms.json"), "w", encoding="utf-8") as f:
        json.dump(recs, f, indent=1, ensure_ascii=False)
    with open(os.path.join(out, "forms.csv"), "w", encoding="utf-8") as f:
        f.write("\r\n".join(rows) + "\r\n")
    with open(os.path.join(out, "rejected.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(REJECTED) + "\n")
    with open(os.path.join(out, "decoys.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(DECOYS) + "\n")
    with open(keyfile, "w", encoding="utf-8") as f:
        json.dump({"files": files, "forms": forms}, f, indent=1)


if __name__ == "__main__":
    write(sys.argv[1], sys.argv[2])
