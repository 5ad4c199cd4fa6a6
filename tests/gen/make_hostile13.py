#!/usr/bin/env python3
"""Fourteenth hostile dump with an answer key (tests/e2e/test_hostile13.py).

make_hostile13.py OUT -> OUT/dump/... and OUT/key.json

Same key format as make_hostile3.py (its docstring lists the expect
fields) and make_hostile8.py's checker (entities_only, exact); the shared
helpers are tests/gen/hostile_common.py. The earlier red teams built
archives, a breach layout, MIME, mail stores, databases, collaboration,
e-discovery and a workstation; this one lays out what leaks when a
company's FINANCE, PAYROLL and BANKING interchange files are dumped (the
Sony breach had payroll; Equifax, Capital One), each file written by hand
from the format's documented layout, with fake PII:

- NACHA ACH files (94-character records 1/5/6/7/8/9, blocked to ten with
  records of 9s): PPD payroll credits whose Individual Identification
  Number holds the SSN right after the amount's digits, with CR LF, with
  LF and with no line ends at all; one whose ids are employee numbers; an
  IAT batch whose foreign account (an IBAN) touches the amount and whose
  addenda 710-716 carry names and addresses; addenda 05 with an address;
- bank statements and payments: OFX 1.x (SGML, no closing tags), OFX 2.x
  XML, QFX, QIF (one-letter field codes glued to the value), BAI2 (the
  ACH detail of a payroll credit in a 16 record's text), SWIFT MT103 (a
  :50F: ordering customer whose line 4/ is the date of birth), MT940,
  ISO 20022 pain.001, pain.008 (SEPA direct debit: mandate and creditor
  identifier), camt.053 and pacs.008 (a private person's id under the
  SOSE scheme: the social security number), a SEPA mandate as text;
- tax and payroll: IRS FIRE 1099 files (Publication 1220: 750-byte T, A,
  B, C, F records, the payee's TIN without dashes between the TIN type
  and the payer's account number), an EFW2 file with RO and RS records,
  an EFW2C correction file (Publication 42-014: 1024-byte RCA, RCE, RCW
  records with the SSN as reported and as corrected), a payroll bureau's
  fixed-width export (with a header line and without one), QuickBooks IIF
  (tab-separated, !HDR, !EMP with SSNO), GnuCash XML (gzip'd), a payroll
  CSV in a zip with a password-protected twin;
- check images: an X9.37 image cash letter (EBCDIC records with 4-byte
  big-endian lengths, type 25 check detail with the MICR on-us field,
  type 52 image data holding a TIFF, a type 68 user record with the
  depositor's contact), and its ASCII twin;
- decoys a careful responder must not flag: routing numbers (ABA check
  digit right, nine digits like an SSN), trace numbers, batch and entry
  counts, entry hashes, amounts in cents, check serial numbers, FITIDs,
  BIC codes, SEPA creditor identifiers, masked pay-stub SSNs;
- and more: Metro 2 credit reporting (the SSN, date of birth and phone run
  together), OFX 1099 downloads and enrolment requests (<RECID>, <TAXID>),
  IRS MeF return XML and HRIS JSON (camel-case SSN keys), ADP's worker API
  (the SSN's label after its value).

The readers this dump brought: src/extract/nacha.c, fire1099.c, swift.c,
metro2.c, qif.c, iif.c, ofx.c, bai2.c, x937.c; efw2.c reads EFW2C.

"gap": true marks what a careful tool finds and leaksift does not (the
report that came with this file says why); a gap that starts to hold fails
until its mark is dropped. "arguable": true marks an expectation a careful
responder could argue either way (a nine-digit id that payroll usually
fills with the SSN, but need not).

Python stdlib only; deterministic.
"""
import gzip
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_common as hc  # noqa: E402
import gen_hostile as gh  # noqa: E402  (raw zip entries, ZipCrypto)

FP_KEY = b"hostile13 fingerprint key, test only"
D = hc.Dump(FP_KEY, domain="acme-corp.test", ssn_base=420)
key, put, person, pl = D.key, D.put, D.person, D.pl
check = hc.check
FIN = "ACME-FS01/Finance"
PAY = "ACME-FS01/Payroll"
TRE = "ACME-FS01/Treasury"


def aba(prefix8):
    """A routing number: eight digits and the ABA check digit (3-7-1)."""
    w = (3, 7, 1, 3, 7, 1, 3, 7)
    s = sum(int(c) * k for c, k in zip(prefix8, w))
    return prefix8 + str((10 - s % 10) % 10)


ODFI = aba("02100002")        # the company's bank
RDFI = [aba("%08d" % (11000015 + 7919 * i)) for i in range(8)]  # the employees' banks


def fx(s, n, right=False, fill=" "):
    """A fixed-width field: S cut or padded to N (numbers right, zero-filled)."""
    s = str(s)[:n]
    return s.rjust(n, fill) if right else s.ljust(n, fill)


def num(v, n):
    return fx(v, n, right=True, fill="0")


# ---------------------------------------------------------------- NACHA
def ach_file(batches, eol="\r\n", origin_name="ACME CORP", when="141124"):
    """A NACHA file: batches = [(header record (94), [entry and addenda
    records], service class, company id)]. Batch and file control records
    carry real counts, entry hashes and totals; the file is blocked to a
    multiple of ten records with records of 9s."""
    recs = ["1" + "01" + " " + ODFI + fx("1" + "134567890", 10) + when + "0800" + "A" + "094" + "10" + "1"
            + fx("FEDERAL RESERVE BANK", 23) + fx(origin_name, 23) + fx("", 8)]
    f_entries = f_hash = f_credit = 0
    for bn, (hdr, body, scc, coid) in enumerate(batches, 1):
        recs.append(hdr[:87] + num(bn, 7))
        entries = [r for r in body if r[0] == "6"]
        ehash = sum(int(r[3:11]) for r in entries)
        credit = sum(int(r[29:39]) for r in entries)
        recs += body
        recs.append("8" + scc + num(len(body), 6) + num(ehash % 10 ** 10, 10) + num(0, 12) + num(credit, 12)
                    + fx(coid, 10) + fx("", 19) + fx("", 6) + ODFI[:8] + num(bn, 7))
        f_entries += len(body)
        f_hash += ehash
        f_credit += credit
    blocks = (len(recs) + 1 + 9) // 10
    recs.append("9" + num(len(batches), 6) + num(blocks, 6) + num(f_entries, 8) + num(f_hash % 10 ** 10, 10)
                + num(0, 12) + num(f_credit, 12) + fx("", 39))
    while len(recs) % 10:
        recs.append("9" * 94)
    assert all(len(r) == 94 for r in recs), [len(r) for r in recs]
    return (eol.join(recs) + eol).encode("ascii")


def ppd_header(company="ACME CORP", coid="1134567890", sec="PPD", desc="PAYROLL"):
    return ("5" + "220" + fx(company, 16) + fx("", 20) + fx(coid, 10) + sec + fx(desc, 10) + fx("NOV 14", 6)
            + "141126" + "   " + "1" + ODFI[:8] + num(1, 7))


def ppd_entry(seq, rdfi, acct, cents, ind_id, name, addenda=False, tc="22"):
    """Entry detail (6): transaction code, RDFI (8 + check digit), DFI
    account (17), amount (10, cents), Individual Identification Number (15,
    right after the amount's last digit), name (22), discretionary (2),
    addenda indicator, trace number (ODFI + sequence)."""
    return ("6" + tc + rdfi + fx(acct, 17) + num(cents, 10) + fx(ind_id, 15) + fx(name.upper(), 22) + "  "
            + ("1" if addenda else "0") + ODFI[:8] + num(seq, 7))


def addenda05(info, seq):
    return "7" + "05" + fx(info, 80) + num(1, 4) + num(seq, 7)


def nacha_cases():
    """PPD payroll credits: the SSN in the Individual Identification Number
    touches the amount's ten digits ("0000250000536221874"), so no SSN rule
    reads it in the raw bytes."""
    a, b, c = person(), person(), person()
    body = [ppd_entry(i + 1, RDFI[i], "%012d" % (482001 + 7777 * i), 231045 + 1000 * i, p["ssn9"], p["name"])
            for i, p in enumerate((a, b, c))]
    data = ach_file([(ppd_header(), body, "220", "1134567890")])
    r = put(PAY + "/ACH/PPD_PAYROLL_20141126.ach", data)
    key("ach_ppd_crlf_ssn", r, [], planted={"ssn": [a["ssn9"], b["ssn9"], c["ssn9"]]},
        entities_only=["ssn"])
    key("ach_ppd_crlf_not_clean", r, [], verdict="sensitive")
    # the same payroll with LF only and with no line ends (one line of
    # 94-byte records, as mainframes write them)
    d, e = person(), person()
    body = [ppd_entry(i + 1, RDFI[i + 3], "%010d" % (91000417 + 31 * i), 198000 + 55 * i, p["ssn9"], p["name"])
            for i, p in enumerate((d, e))]
    r = put(PAY + "/ACH/payroll_1201.txt", ach_file([(ppd_header(), body, "220", "1134567890")], eol="\n"))
    key("ach_ppd_lf_ssn", r, [], planted={"ssn": [d["ssn9"], e["ssn9"]]}, entities_only=["ssn"])
    f, g = person(), person()
    body = [ppd_entry(i + 1, RDFI[i + 5], "%09d" % (55500121 + i), 321400 + i, p["ssn9"], p["name"])
            for i, p in enumerate((f, g))]
    r = put(PAY + "/ACH/ACHOUT.DAT", ach_file([(ppd_header(), body, "220", "1134567890")], eol=""))
    key("ach_ppd_no_line_ends_ssn", r, [], planted={"ssn": [f["ssn9"], g["ssn9"]]}, entities_only=["ssn"])
    # employee numbers in the id field: routing numbers, trace numbers,
    # entry hashes and amounts only (decoys)
    body = [ppd_entry(i + 1, RDFI[i], "%012d" % (700100 + i), 150000 + 17 * i, "EMP%05d" % (417 + i), nm)
            for i, nm in enumerate(("Ada Moss", "Bob Lee", "Cy Park", "Dee Ross"))]
    r = put(PAY + "/ACH/PPD_EMPID_20141210.ach", ach_file([(ppd_header(), body, "220", "1134567890")]))
    key("ach_employee_ids_clean", r, [], no_findings=True)
    # a vendor batch (CCD) with addenda 05 that carry a remittance e-mail
    h = person()
    body = [ppd_entry(1, RDFI[2], "4410029981", 1250000, "INV-88121", "MOSS CONSULTING LLC", addenda=True),
            addenda05("RMR*IV*88121*12500.00\\ CONTACT %s" % h["email"].upper(), 1)]
    r = put(FIN + "/AP/ACH/CCD_VENDORS_1124.ach",
            ach_file([(ppd_header(sec="CCD", desc="VENDOR PAY"), body, "220", "1134567890")]))
    key("ach_addenda_email", r, [], planted={"email": [h["email"]]}, entities_only=["email"])
    # IAT: the foreign receiver's account (an IBAN) right after the amount;
    # addenda 710-716 with the receiver's name and address
    i_ = person()
    ib = hc.iban("DE", "37040044%010d" % (532013000 + i_["n"]))
    iat_hdr = ("5" + "220" + fx("", 16) + "FF" + "3" + fx("", 15) + "DE" + fx("1134567890", 10) + "IAT"
               + fx("SALARY", 10) + "USD" + "EUR" + "141126" + "   " + "1" + ODFI[:8] + num(1, 7))
    e6 = ("6" + "22" + aba("23138010") + fx("", 4) + num(7, 4) + fx("", 9) + num(425000, 10) + fx(ib, 35)
          + "  " + " " + " " + "1" + ODFI[:8] + num(1, 7))
    ad = ["7" + "10" + "SAL" + num(425000, 18) + fx("", 22) + fx(i_["name"].upper(), 35) + fx("", 6) + num(1, 7),
          "7" + "11" + fx("ACME CORP", 35) + fx("1 INDUSTRIAL WAY", 35) + fx("", 14) + num(1, 7),
          "7" + "12" + fx("NEWARK*NJ\\", 35) + fx("US*07102\\", 35) + fx("", 14) + num(1, 7),
          "7" + "13" + fx("FIRST ACME BANK", 35) + "01" + fx(ODFI, 34) + "US " + fx("", 10) + num(1, 7),
          "7" + "14" + fx("DEUTSCHE TESTBANK", 35) + "02" + fx("TESTDEFFXXX", 34) + "DE " + fx("", 10) + num(1, 7),
          "7" + "15" + fx("EMP0417", 15) + fx("HAUPTSTRASSE 12", 35) + fx("", 34) + num(1, 7),
          "7" + "16" + fx("BERLIN*BE\\", 35) + fx("DE*10115\\", 35) + fx("", 14) + num(1, 7)]
    r = put(PAY + "/ACH/IAT_EXPAT_1126.ach", ach_file([(iat_hdr, [e6] + ad, "220", "1134567890")]))
    key("ach_iat_iban", r, [], planted={"iban": [ib]}, entities_only=["iban"])
    # an ACH file zipped for the bank's portal
    j = person()
    body = [ppd_entry(1, RDFI[1], "3300917", 99000, j["ssn9"], j["name"])]
    r = put(PAY + "/ACH/outbox/PPD_1231.zip", hc.zipb([("PPD_1231.ach", ach_file([(ppd_header(), body, "220",
                                                                                      "1134567890")]))]))
    key("ach_in_zip_ssn", r, ["PPD_1231.ach"], planted={"ssn": [j["ssn9"]]})
    # records an editor trimmed of their trailing blanks (the 9s block too)
    k = person()
    body = [ppd_entry(1, RDFI[3], "7720041", 87000, k["ssn9"], k["name"])]
    raw = ach_file([(ppd_header(), body, "220", "1134567890")]).decode()
    r = put(PAY + "/ACH/PPD_0107_edited.txt", "".join(ln.rstrip() + "\n" for ln in raw.split("\r\n")[:-1]).encode())
    key("ach_trimmed_lines_ssn", r, [], planted={"ssn": [k["ssn9"]]})
    # a company batch (CCD) whose ids are nine-digit invoice numbers: not SSNs
    body = [ppd_entry(i + 1, RDFI[i], "%010d" % (4410029981 + i), 1250000 + i, "%09d" % (421880017 + 31 * i),
                      "VENDOR %d LLC" % i) for i in range(3)]
    r = put(FIN + "/AP/ACH/CCD_VENDORS_1201.ach",
            ach_file([(ppd_header(sec="CCD", desc="VENDOR PAY"), body, "220", "1134567890")]))
    key("ach_ccd_invoice_ids_clean", r, [], no_findings=True)
    # check conversion (ARC): positions 40-54 hold the check serial number
    body = [ppd_entry(i + 1, RDFI[i], "%010d" % (2201948811 + i), 12500 + i, "%09d" % (421004411 + 97 * i),
                      "MIDTOWN PROPERTIES", tc="27") for i in range(3)]
    r = put(FIN + "/AR/Lockbox/ARC_20141124.ach",
            ach_file([(ppd_header(sec="ARC", desc="CHECK PMT"), body, "225", "1134567890")]))
    key("ach_arc_check_serials_clean", r, [], no_findings=True)
    # one batch cut out of a file (no file header or control)
    m_ = person()
    raw = ach_file([(ppd_header(), [ppd_entry(1, RDFI[6], "5520017", 143000, m_["ssn9"], m_["name"])], "220",
                     "1134567890")]).decode().split("\r\n")
    r = put(PAY + "/ACH/batch_only_1212.txt", ("\r\n".join(raw[1:4]) + "\r\n").encode())
    key("ach_batch_only_ssn", r, [], planted={"ssn": [m_["ssn9"]]})
    # a hand-made file whose header has one character too many before the
    # record size (an immediate origin of eleven): the records after it are
    # as NACHA lays them out
    n_ = person()
    raw = ach_file([(ppd_header(), [ppd_entry(1, RDFI[7], "6600912", 99500, n_["ssn9"], n_["name"])], "220",
                     "1134567890")]).decode().split("\r\n")
    raw[0] = (raw[0][:23] + "0" + raw[0][23:])[:94]
    r = put(PAY + "/ACH/legacy/PPD_manual_0115.ach", ("\r\n".join(raw)).encode())
    key("ach_header_off_by_one_ssn", r, [], planted={"ssn": [n_["ssn9"]]})
    # a returns file (R01 in addenda 99): trace numbers and dates, no PII
    ret = ["6" + "21" + RDFI[0] + fx("000000482001", 17) + num(231045, 10) + fx("EMP00417", 15)
           + fx("ADA MOSS", 22) + "  " + "1" + aba("09100001")[:8] + num(11, 7),
           "7" + "99" + "R01" + ODFI[:8] + num(1, 7) + "141126" + fx("", 4) + ODFI[:8] + fx("INSUFFICIENT FUNDS", 44)
           + aba("09100001")[:8] + num(11, 7)]
    ret[1] = fx(ret[1], 94)
    r = put(PAY + "/ACH/returns/RETURNS_1128.ach",
            ach_file([(ppd_header(company="ACME CORP", desc="RETURN"), ret, "220", "1134567890")]))
    key("ach_returns_clean", r, [], no_findings=True)


# ---------------------------------------------------------------- statements
OFX1_HDR = ("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\n"
            "COMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n")


def ofx_trn(kind, date, amt, fitid, name, memo=None, sgml=True):
    parts = [("TRNTYPE", kind), ("DTPOSTED", date), ("TRNAMT", amt), ("FITID", fitid), ("NAME", name)]
    if memo:
        parts.append(("MEMO", memo))
    if sgml:
        return "<STMTTRN>\r\n" + "".join("<%s>%s\r\n" % kv for kv in parts) + "</STMTTRN>\r\n"
    return "<STMTTRN>" + "".join("<%s>%s</%s>" % (k, v, k) for k, v in parts) + "</STMTTRN>\n"


def statement_cases():
    # OFX 1.x credit card statement: the card number is the account id
    a = person()
    body = (OFX1_HDR + "<OFX>\r\n<SIGNONMSGSRSV1>\r\n<SONRS>\r\n<STATUS>\r\n<CODE>0\r\n<SEVERITY>INFO\r\n</STATUS>\r\n"
            "<DTSERVER>20141124120000.000[-5:EST]\r\n<LANGUAGE>ENG\r\n<FI>\r\n<ORG>B1\r\n<FID>10898\r\n</FI>\r\n"
            "</SONRS>\r\n</SIGNONMSGSRSV1>\r\n<CREDITCARDMSGSRSV1>\r\n<CCSTMTTRNRS>\r\n<TRNUID>1\r\n<STATUS>\r\n"
            "<CODE>0\r\n<SEVERITY>INFO\r\n</STATUS>\r\n<CCSTMTRS>\r\n<CURDEF>USD\r\n<CCACCTFROM>\r\n<ACCTID>%s\r\n"
            "</CCACCTFROM>\r\n<BANKTRANLIST>\r\n<DTSTART>20141101\r\n<DTEND>20141124\r\n" % a["card"]
            + ofx_trn("DEBIT", "20141103", "-42.17", "2014110324492154300123456", "AMAZON MKTPLACE PMTS")
            + ofx_trn("DEBIT", "20141109", "-118.40", "2014110924692164309876543", "DELTA AIR 0062381726115")
            + "</BANKTRANLIST>\r\n<LEDGERBAL>\r\n<BALAMT>-1604.22\r\n<DTASOF>20141124\r\n</LEDGERBAL>\r\n"
            "</CCSTMTRS>\r\n</CCSTMTTRNRS>\r\n</CREDITCARDMSGSRSV1>\r\n</OFX>\r\n")
    r = put(FIN + "/Statements/Corporate Card/Visa_Nov2014.ofx", body.encode())
    key("ofx1_card_acctid", r, [], planted={"credit_card": [a["card"]]}, entities_only=["credit_card"])
    # OFX 1.x checking: routing (BANKID), account, FITIDs, check numbers;
    # a Zelle memo with an e-mail address and a phone number
    b = person()
    body = (OFX1_HDR + "<OFX>\r\n<BANKMSGSRSV1>\r\n<STMTTRNRS>\r\n<TRNUID>1\r\n<STMTRS>\r\n<CURDEF>USD\r\n"
            "<BANKACCTFROM>\r\n<BANKID>%s\r\n<ACCTID>000483920174\r\n<ACCTTYPE>CHECKING\r\n</BANKACCTFROM>\r\n"
            "<BANKTRANLIST>\r\n<DTSTART>20141101\r\n<DTEND>20141124\r\n" % ODFI
            + ofx_trn("CHECK", "20141104", "-1250.00", "201411040000001043", "CHECK 1043")
            + ofx_trn("DEBIT", "20141112", "-300.00", "201411120000004471", "ZELLE TO %s" % b["name"].upper(),
                      "Zelle payment to %s %s ref 4471" % (b["email"], b["phone"]))
            + ofx_trn("DIRECTDEP", "20141114", "2310.45", "201411140000009921", "ACME CORP PAYROLL PPD 141114")
            + "</BANKTRANLIST>\r\n<LEDGERBAL>\r\n<BALAMT>18220.14\r\n<DTASOF>20141124\r\n</LEDGERBAL>\r\n"
            "</STMTRS>\r\n</STMTTRNRS>\r\n</BANKMSGSRSV1>\r\n</OFX>\r\n")
    r = put(FIN + "/Statements/Operating/Checking_0174_Nov2014.qfx",
            body.replace("<OFX>\r\n", "<OFX>\r\n<SIGNONMSGSRSV1>\r\n<SONRS>\r\n<INTU.BID>10898\r\n"
                         "<INTU.USERID>acmetreasury\r\n</SONRS>\r\n</SIGNONMSGSRSV1>\r\n", 1).encode())
    key("qfx_zelle_email_phone", r, [], planted={"email": [b["email"]], "phone": [b["phone10"]]},
        entities_only=["email", "phone"])
    # OFX 2.x (XML, closing tags)
    c = person()
    body = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            '<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>\n'
            "<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STMTRS><CURDEF>USD</CURDEF>"
            "<BANKACCTFROM><BANKID>%s</BANKID><ACCTID>000483920174</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE>"
            "</BANKACCTFROM><BANKTRANLIST><DTSTART>20141101</DTSTART><DTEND>20141130</DTEND>\n" % ODFI
            + ofx_trn("CREDIT", "20141120", "500.00", "201411200000007310", "REFUND",
                      "Refund to card %s for %s" % (hc.spaced(c["card"]), c["email"]), sgml=False)
            + ofx_trn("DEBIT", "20141121", "-75.00", "201411210000007311", "ACH DEBIT 021000021", sgml=False)
            + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n")
    r = put(FIN + "/Statements/Operating/Checking_0174_Nov2014_v2.ofx", body.encode())
    key("ofx2_xml_memo", r, [], planted={"credit_card": [c["card"]], "email": [c["email"]]},
        entities_only=["credit_card", "email"])
    # an OFX 1099-INT download (broker to tax software): the recipient's
    # TIN under <RECID>, its only label
    t1 = person()
    body = (OFX1_HDR + "<OFX>\r\n<TAX1099MSGSRSV1>\r\n<TAX1099TRNRS>\r\n<TRNUID>0\r\n<STATUS>\r\n<CODE>0\r\n"
            "<SEVERITY>INFO\r\n</STATUS>\r\n<TAX1099RS>\r\n<TAX1099INT_V100>\r\n<SRVRTID>1099INT-0417\r\n"
            "<TAXYEAR>2014\r\n<PAYERADDR>\r\n<PAYERNAME1>ACME BANK &amp; TRUST\r\n<ADDR1>1 MAIN ST\r\n"
            "<CITY>NEWARK\r\n<STATE>NJ\r\n<POSTALCODE>07102\r\n</PAYERADDR>\r\n<PAYERID>11-3456789\r\n"
            "<RECADDR>\r\n<RECNAME1>%s\r\n<ADDR1>12 ELM STREET\r\n<CITY>SPRINGFIELD\r\n<STATE>IL\r\n"
            "<POSTALCODE>62704\r\n</RECADDR>\r\n<RECID>%s\r\n<RECACCT>000483920174\r\n<INTINCOME>412.07\r\n"
            "</TAX1099INT_V100>\r\n</TAX1099RS>\r\n</TAX1099TRNRS>\r\n</TAX1099MSGSRSV1>\r\n</OFX>\r\n"
            % (t1["name"].upper(), t1["ssn9"]))
    r = put(FIN + "/Statements/Tax/1099INT_2014.ofx", body.encode())
    key("ofx_tax1099_recid_ssn", r, [], planted={"ssn": [t1["ssn9"]]}, entities_only=["ssn"])
    # an OFX enrolment request (the customer's TAXID, date of birth, phones)
    t2 = person()
    body = (OFX1_HDR + "<OFX>\r\n<SIGNUPMSGSRQV1>\r\n<ENROLLTRNRQ>\r\n<TRNUID>0417\r\n<ENROLLRQ>\r\n"
            "<FIRSTNAME>%s\r\n<LASTNAME>%s\r\n<ADDR1>12 Elm Street\r\n<CITY>Springfield\r\n<STATE>IL\r\n"
            "<POSTALCODE>62704\r\n<COUNTRY>USA\r\n<DAYPHONE>%s\r\n<EMAIL>%s\r\n<USERID>amoss\r\n"
            "<TAXID>%s\r\n<SECURITYNAME>mother\r\n<DATEBIRTH>%s\r\n</ENROLLRQ>\r\n</ENROLLTRNRQ>\r\n"
            "</SIGNUPMSGSRQV1>\r\n</OFX>\r\n" % (t2["first"], t2["last"], t2["phone10"], t2["email"], t2["ssn9"],
                                                t2["dob"].replace("-", "")))
    r = put(FIN + "/Statements/Enrollment/enroll_request.ofx", body.encode())
    key("ofx_enroll_taxid_dob_phone", r, [], planted={"ssn": [t2["ssn9"]], "phone": [t2["phone10"]],
                                                     "email": [t2["email"]]}, entities_all=["dob"])
    # QIF: one-letter field codes glued to the value (N check number, D date,
    # P payee, M memo, A address); an account description holding a card
    d = person()
    qif = ("!Account\nNCorporate Visa\nD%s\nTCCard\n^\n!Type:CCard\nD11/03'14\nT-42.17\nN1043\nPAMAZON\n^\n"
           "D11/12'14\nT-300.00\nP%s\nA12 Elm Street\nASpringfield, IL 62704\nM%s\n^\n"
           % (d["card"], d["name"], d["email"])).encode()
    r = put(FIN + "/Quicken/corporate_visa.qif", qif)
    # QIF's one-letter field codes touch their values ("D4539...",
    # "Mada.moss@..."): the card rule wants no letter before the number and
    # the e-mail rule reads the code into the local part; src/extract/qif.c
    # splits code from value, and its raw bytes are not scanned again
    # (pipeline.c's ls_obj_raw_redundant())
    key("qif_glued_card", r, [], planted={"credit_card": [d["card"]]})
    key("qif_glued_email", r, [], exact={"email": [d["email"]]})
    # QIF check register: check numbers, dates and amounts only
    qif = ("!Type:Bank\nD11/04'14\nT-1,250.00\nN1043\nPMIDTOWN PROPERTIES\nLRent\n^\nD11/14'14\nT2,310.45\n"
           "NDEP\nPACME CORP PAYROLL\nLSalary\n^\n").encode()
    r = put(FIN + "/Quicken/checking.qif", qif)
    key("qif_register_clean", r, [], no_findings=True)
    # BAI2 prior-day report: a payroll credit's ACH detail in a 16 record
    # (IND ID: the id payroll fills with the SSN) and a Zelle credit
    e, f = person(), person()
    bai = ("01,%s,ACMECORP,141124,0800,1,80,10,2/\n02,ACMECORP,%s,1,141123,,USD,2/\n"
           "03,000483920174,USD,010,1822014,,,015,1604122,,/\n"
           "16,165,231045,,ZXYB0417001,,ACH CREDIT RECEIVED/\n"
           "88,ORIG CO NAME:ACME PAYROLL ORIG ID:1134567890 DESC DATE:141124 ENTRY DESCR:PAYROLL SEC:PPD "
           "TRACE#:%s0000417 EED:141124 IND ID:%s IND NAME:%s/\n"
           "16,195,30000,,ZXYB0417002,,ZELLE FROM %s %s/\n"
           "49,4053221,6/\n98,4053221,1,8/\n99,4053221,1,10/\n"
           % (ODFI, ODFI, ODFI[:8], e["ssn9"], e["last"].upper() + " " + e["first"].upper(),
              f["name"].upper(), f["email"].upper()))
    r = put(TRE + "/BAI/BAI2_PRIORDAY_20141124.bai", bai.encode())
    key("bai2_zelle_email", r, [], planted={"email": [f["email"]]})
    key("bai2_ind_id_ssn", r, [], planted={"ssn": [e["ssn9"]]})
    # BAI2 with routing numbers, bank reference numbers and totals, and a
    # company's (CCD) nine-digit IND ID: no SSN
    bai = ("01,%s,ACMECORP,141125,0800,1,80,10,2/\n02,ACMECORP,%s,1,141124,,USD,2/\n"
           "03,000483920174,USD,010,1822014,,,015,1604122,,/\n16,475,125000,,000001043,,CHECK PAID 1043/\n"
           "16,699,7500,,%s,,ACH DEBIT/\n"
           "16,165,1250000,,ZXYB0418001,,ACH CREDIT RECEIVED/\n88,ORIG CO NAME:MIDTOWN PROP SEC:CCD "
           "IND ID:421990017 IND NAME:ACME CORP/\n49,3197014,5/\n98,3197014,1,7/\n99,3197014,1,9/\n"
           % (ODFI, ODFI, aba("07100001")))
    r = put(TRE + "/BAI/BAI2_PRIORDAY_20141125.bai", bai.encode())
    key("bai2_clean", r, [], no_findings=True)


# ---------------------------------------------------------------- SWIFT
def swift(mt, fields, sender="ACMEUS33AXXX", receiver="TESTDEFFXXXX"):
    """A FIN message: basic header {1:}, application header {2:} (input),
    user header {3:} (UETR), text block {4: CR LF :tag:value ... CR LF -}."""
    text = "".join("\r\n:%s:%s" % (t, v.replace("\n", "\r\n")) for t, v in fields)
    return ("{1:F01%s0417123456}{2:I%s%sN}{3:{108:PAY0417}{121:3f1b8a7e-9c1d-4e2a-8b55-0417a1b2c3d4}}"
            "{4:%s\r\n-}{5:{CHK:A1B2C3D4E5F6}}" % (sender, mt, receiver, text)).encode()


def swift_cases():
    a = person()
    ib_a = hc.iban("DE", "37040044%010d" % (532014000 + a["n"]))
    ib_o = hc.iban("GB", "TEST%06d%08d" % (601613, 31926800 + a["n"]))
    m = swift("103", [("20", "PAYREF20141124A"), ("23B", "CRED"), ("32A", "141124EUR4250,00"),
                      ("50K", "/%s\nACME CORP UK LTD\n1 CANARY WHARF\nLONDON E14 5AB" % ib_o),
                      ("57A", "TESTDEFFXXX"), ("59", "/%s\n%s\nHAUPTSTRASSE 12\n10115 BERLIN" % (ib_a, a["name"].upper())),
                      ("70", "SALARY NOV 2014 EMP 0417"), ("71A", "SHA")])
    r = put(TRE + "/SWIFT/out/MT103_PAYREF20141124A.fin", m)
    key("mt103_ibans", r, [], planted={"iban": [ib_a, ib_o]}, entities_only=["iban"])
    # :50F: (structured ordering customer): 1/ name, 2/ address, 3/ country
    # and town, 4/ date of birth (YYYYMMDD), 5/ place of birth, 6/ national id
    b = person()
    ib_b = hc.iban("FR", "20041010050500013M02606")
    dob = b["dob"].replace("-", "")
    m = swift("103", [("20", "PAYREF20141124B"), ("23B", "CRED"), ("32A", "141124EUR900,00"),
                      ("50F", "/%s\n1/%s\n2/12 RUE DE RIVOLI\n3/FR/PARIS\n4/%s\n5/FR/LYON"
                       % (ib_b, b["name"].upper(), dob)),
                      ("59", "/%s\nACME GMBH" % hc.iban("DE", "37040044%010d" % 990001)), ("71A", "OUR")])
    r = put(TRE + "/SWIFT/in/MT103_PAYREF20141124B.fin", m)
    key("mt103_50f_iban", r, [], planted={"iban": [ib_b]})
    key("mt103_50f_dob", r, [], entities_all=["dob"])
    # MT940 customer statement: :25: the account (an IBAN), :86: details
    # with the counterparty's IBAN and name (German SVWZ/IBAN+ structure)
    c = person()
    ib_own = hc.iban("DE", "37040044%010d" % 770417)
    ib_c = hc.iban("DE", "50010517%010d" % (540000 + c["n"]))
    m = swift("940", [("20", "STMT20141124"), ("25", ib_own), ("28C", "00211/001"), ("60F", "C141123EUR12500,00"),
                      ("61", "1411241124DR900,00NTRFNONREF//PAY0417"),
                      ("86", "116?00SEPA-UEBERWEISUNG?20EREF+PAY0417?21SVWZ+GEHALT NOV?31TESTDEFF?32%s?38%s"
                       % (c["name"].upper(), ib_c)),
                      ("62F", "C141124EUR11600,00")], receiver="ACMEUS33XXXX", sender="TESTDEFFAXXX")
    r = put(TRE + "/SWIFT/in/MT940_20141124.sta", m)
    key("mt940_ibans", r, [], planted={"iban": [ib_own, ib_c]}, entities_only=["iban"])
    # a statement download: block 4's fields alone, LF line ends
    d = person()
    ib_d = hc.iban("DE", "50010517%010d" % (560000 + d["n"]))
    m = (":20:STARTUMS\n:25:%s\n:28C:00212/001\n:60F:C141124EUR11600,00\n:61:1411251125CR250,00NTRFNONREF\n"
         ":86:166?00GUTSCHRIFT?20SVWZ+ERSTATTUNG?30TESTDEFF?31%s?32%s\n:62F:C141125EUR11850,00\n-\n"
         % (ib_own, ib_d, d["name"].upper())).encode()
    r = put(TRE + "/SWIFT/downloads/umsaetze_20141125.sta", m)
    key("mt940_download_ibans", r, [], planted={"iban": [ib_own, ib_d]}, entities_only=["iban"])
    # an MT103 to a US account: BICs, references, a local account number
    m = swift("103", [("20", "PAYREF20141124C"), ("23B", "CRED"), ("32A", "141124USD12000,00"),
                      ("50K", "/000483920174\nACME CORP\nNEWARK NJ"), ("57A", "CHASUS33XXX"),
                      ("59", "/2201948811\nMIDTOWN PROPERTIES LLC\nNEW YORK NY"), ("70", "INV 88121 RENT DEC"),
                      ("71A", "SHA")])
    r = put(TRE + "/SWIFT/out/MT103_PAYREF20141124C.fin", m)
    key("mt103_us_clean", r, [], no_findings=True)


# ---------------------------------------------------------------- ISO 20022
def iso_doc(ns, body):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:%s" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n%s</Document>\n' % (ns, body)).encode()


def party(tag, name, ib, extra=""):
    return ("<%s><Nm>%s</Nm>%s</%s>\n<%sAcct><Id><IBAN>%s</IBAN></Id></%sAcct>\n"
            % (tag, name, extra, tag, tag, ib, tag))


def iso_cases():
    a, b = person(), person()
    ib_d = hc.iban("DE", "37040044%010d" % 880417)
    ib_a = hc.iban("NL", "TEST%010d" % (417000000 + a["n"]))
    ib_b = hc.iban("ES", "2100%04d%02d%010d" % (418, 12, 2051000000 + b["n"]))
    tx = ""
    for i, (p, ib) in enumerate(((a, ib_a), (b, ib_b))):
        tx += ("<CdtTrfTxInf><PmtId><EndToEndId>E2E-0417-%03d</EndToEndId></PmtId>"
               "<Amt><InstdAmt Ccy=\"EUR\">%d.00</InstdAmt></Amt><CdtrAgt><FinInstnId><BIC>TESTNL2A</BIC>"
               "</FinInstnId></CdtrAgt>\n" % (i, 2100 + i) + party("Cdtr", p["name"], ib)
               + "<RmtInf><Ustrd>SALARY NOV 2014</Ustrd></RmtInf></CdtTrfTxInf>\n")
    body = ("<CstmrCdtTrfInitn><GrpHdr><MsgId>ACME-PAY-20141124</MsgId><CreDtTm>2014-11-24T08:00:00</CreDtTm>"
            "<NbOfTxs>2</NbOfTxs><CtrlSum>4201.00</CtrlSum><InitgPty><Nm>ACME CORP</Nm></InitgPty></GrpHdr>\n"
            "<PmtInf><PmtInfId>PMT-0417</PmtInfId><PmtMtd>TRF</PmtMtd><ReqdExctnDt>2014-11-26</ReqdExctnDt>\n"
            + party("Dbtr", "ACME CORP", ib_d) + "<DbtrAgt><FinInstnId><BIC>TESTDEFF</BIC></FinInstnId></DbtrAgt>\n"
            + tx + "</PmtInf></CstmrCdtTrfInitn>\n")
    r = put(TRE + "/SEPA/pain.001_PAYROLL_20141124.xml", iso_doc("pain.001.001.03", body))
    key("pain001_ibans", r, [], planted={"iban": [ib_d, ib_a, ib_b]}, entities_only=["iban"])
    # a creditor with a private id: date and place of birth
    c = person()
    ib_c = hc.iban("IT", "X0542811101%012d" % (123400 + c["n"]))
    prv = ("<Id><PrvtId><DtAndPlcOfBirth><BirthDt>%s</BirthDt><CityOfBirth>Milano</CityOfBirth>"
           "<CtryOfBirth>IT</CtryOfBirth></DtAndPlcOfBirth></PrvtId></Id>" % c["dob"])
    body = ("<CstmrCdtTrfInitn><GrpHdr><MsgId>ACME-EXP-20141124</MsgId><NbOfTxs>1</NbOfTxs></GrpHdr>\n"
            "<PmtInf><PmtInfId>PMT-0418</PmtInfId>\n" + party("Dbtr", "ACME CORP", ib_d)
            + "<CdtTrfTxInf><PmtId><EndToEndId>E2E-0418</EndToEndId></PmtId>\n"
            + party("Cdtr", c["name"], ib_c, prv) + "</CdtTrfTxInf></PmtInf></CstmrCdtTrfInitn>\n")
    r = put(TRE + "/SEPA/pain.001_EXPENSES_20141124.xml", iso_doc("pain.001.001.03", body))
    key("pain001_iban_it", r, [], planted={"iban": [ib_c]})
    # ISO 20022's <BirthDt> is a date-of-birth label (rules/mkpack.py)
    key("pain001_birthdt", r, [], entities_all=["dob"])
    # pacs.008 with a private person's social security number (scheme SOSE)
    d = person()
    ib_e = hc.iban("BE", "539007547%03d" % (30 + d["n"]))
    sose = ("<Id><PrvtId><Othr><Id>%s</Id><SchmeNm><Cd>SOSE</Cd></SchmeNm></Othr></PrvtId></Id>"
            "<CtctDtls><EmailAdr>%s</EmailAdr></CtctDtls>" % (d["ssn9"], d["email"]))
    body = ("<FIToFICstmrCdtTrf><GrpHdr><MsgId>PACS0417</MsgId><NbOfTxs>1</NbOfTxs><SttlmInf><SttlmMtd>CLRG"
            "</SttlmMtd></SttlmInf></GrpHdr>\n<CdtTrfTxInf><PmtId><InstrId>I0417</InstrId><EndToEndId>E2E-0419"
            "</EndToEndId><TxId>TX0417</TxId></PmtId><IntrBkSttlmAmt Ccy=\"EUR\">310.00</IntrBkSttlmAmt>\n"
            + party("Dbtr", d["name"], ib_e, sose) + party("Cdtr", "ACME CORP", ib_d)
            + "</CdtTrfTxInf></FIToFICstmrCdtTrf>\n")
    r = put(TRE + "/SEPA/pacs.008_0417.xml", iso_doc("pacs.008.001.02", body))
    key("pacs008_iban_email", r, [], planted={"iban": [ib_e, ib_d], "email": [d["email"]]})
    # the SSN's scheme (SchmeNm/Cd SOSE, ISO 20022's external person
    # identification code for a social security number) follows the bare
    # number: xml.c labels <Othr><Id> by its scheme
    key("pacs008_sose_ssn", r, [], planted={"ssn": [d["ssn9"]]})
    # camt.053: statement entries with the related parties' names and IBANs
    e = person()
    ib_f = hc.iban("AT", "19043%011d" % (23457320 + e["n"]))
    body = ("<BkToCstmrStmt><GrpHdr><MsgId>CAMT0531124</MsgId><CreDtTm>2014-11-24T20:00:00</CreDtTm></GrpHdr>\n"
            "<Stmt><Id>STMT-1124</Id><Acct><Id><IBAN>%s</IBAN></Id></Acct>\n<Ntry><Amt Ccy=\"EUR\">150.00</Amt>"
            "<CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2014-11-24</Dt></BookgDt><AcctSvcrRef>2014112400417"
            "</AcctSvcrRef><NtryDtls><TxDtls><RltdPties>\n" % ib_d
            + party("Dbtr", e["name"], ib_f)
            + "</RltdPties><RmtInf><Ustrd>Refund travel advance, questions to %s</Ustrd></RmtInf></TxDtls>"
            "</NtryDtls></Ntry></Stmt></BkToCstmrStmt>\n" % e["email"])
    r = put(TRE + "/SEPA/camt.053_20141124.xml", iso_doc("camt.053.001.02", body))
    key("camt053_ibans", r, [], planted={"iban": [ib_d, ib_f], "email": [e["email"]]},
        entities_only=["iban", "email"])
    # pain.008 SEPA direct debit: mandate id, creditor identifier (DE98ZZZ...,
    # not an IBAN), the debtor's IBAN
    f = person()
    ib_g = hc.iban("DE", "12030000%010d" % (1122334 + f["n"]))
    body = ("<CstmrDrctDbtInitn><GrpHdr><MsgId>DD-20141201</MsgId><NbOfTxs>1</NbOfTxs></GrpHdr>\n"
            "<PmtInf><PmtInfId>DD-0417</PmtInfId><PmtMtd>DD</PmtMtd><PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl>"
            "<LclInstrm><Cd>CORE</Cd></LclInstrm><SeqTp>RCUR</SeqTp></PmtTpInf>\n"
            + party("Cdtr", "ACME GMBH", ib_d)
            + "<CdtrSchmeId><Id><PrvtId><Othr><Id>DE98ZZZ09999999999</Id><SchmeNm><Prtry>SEPA</Prtry>"
            "</SchmeNm></Othr></PrvtId></Id></CdtrSchmeId>\n<DrctDbtTxInf><PmtId><EndToEndId>DD-E2E-0417"
            "</EndToEndId></PmtId><InstdAmt Ccy=\"EUR\">49.90</InstdAmt><DrctDbtTx><MndtRltdInf><MndtId>"
            "MNDT-2014-000417</MndtId><DtOfSgntr>2014-03-01</DtOfSgntr></MndtRltdInf></DrctDbtTx>\n"
            + party("Dbtr", f["name"], ib_g) + "</DrctDbtTxInf></PmtInf></CstmrDrctDbtInitn>\n")
    r = put(TRE + "/SEPA/pain.008_DD_20141201.xml", iso_doc("pain.008.001.02", body))
    key("pain008_exact_ibans", r, [], exact={"iban": [ib_d, ib_g]}, entities_only=["iban"])
    # a SEPA mandate as the signed form's text (German): creditor id,
    # mandate reference, the debtor's IBAN and date of birth
    g = person()
    ib_h = hc.iban("DE", "76030080%010d" % (9876 + g["n"]))
    txt = ("SEPA-Lastschriftmandat\r\nZahlungsempfaenger: ACME GmbH, Industriestr. 1, 60311 Frankfurt\r\n"
           "Glaeubiger-Identifikationsnummer: DE98ZZZ09999999999\r\nMandatsreferenz: MNDT-2014-000418\r\n"
           "Kontoinhaber: %s\r\nGeburtsdatum: %s\r\nIBAN: %s\r\nBIC: TESTDEFFXXX\r\n"
           "Frankfurt, 01.03.2014  Unterschrift: ____\r\n" % (g["name"], g["dob"], hc.spaced(ib_h)))
    r = put(TRE + "/SEPA/Mandate/MNDT-2014-000418.txt", txt.encode())
    key("sepa_mandate_text", r, [], planted={"iban": [ib_h]}, entities_all=["dob"], entities_only=["iban", "dob"])


# ---------------------------------------------------------------- tax and payroll
def fire_rec(kind, fields):
    """A 750-byte Publication 1220 record: {1-based position: value}."""
    rec = [" "] * 750
    rec[0] = kind
    for pos, v in fields.items():
        rec[pos - 1:pos - 1 + len(v)] = list(v)
    return "".join(rec[:750])


def fire_file(payees, eol="\r\n", tin_type="2"):
    t = fire_rec("T", {2: "2014", 7: "113456789", 16: "4ZA12", 30: fx("ACME CORP", 40), 110: fx("ACME CORP", 40),
                       190: fx("1 INDUSTRIAL WAY", 40), 230: fx("NEWARK", 40), 270: "NJ", 272: fx("07102", 9),
                       296: num(len(payees), 8), 304: fx("JANE ROE", 40), 344: fx("9735550142", 15),
                       359: fx("PAYROLL@ACME-CORP.TEST", 50), 499: num(1, 8), 518: "I"})
    a = fire_rec("A", {2: "2014", 12: "113456789", 21: "ACME", 26: "NE", 28: fx("1", 18), 53: fx("ACME CORP", 40),
                       134: fx("1 INDUSTRIAL WAY", 40), 174: fx("NEWARK", 40), 214: "NJ", 216: fx("07102", 9),
                       225: fx("9735550142", 15), 500: num(2, 8)})
    recs = [t, a]
    for i, p in enumerate(payees):
        recs.append(fire_rec("B", {2: "2014", 7: p["last"].upper()[:4].ljust(4), 11: tin_type, 12: p["ssn9"],
                                   21: fx("V%05d" % (417 + i), 20), 55: num(1850000 + 1000 * i, 12),
                                   288: fx(p["last"].upper() + " " + p["first"].upper(), 40),
                                   408: fx("%d ELM STREET" % (10 + i), 40), 488: fx("SPRINGFIELD", 40),
                                   528: "IL", 530: fx("62704", 9), 540: num(3 + i, 8)}))
    recs.append(fire_rec("C", {2: num(len(payees), 8), 16: num(sum(1850000 + 1000 * i for i in range(len(payees))),
                                                                18), 500: num(3 + len(payees), 8)}))
    recs.append(fire_rec("F", {2: num(1, 8), 10: "0" * 21, 500: num(4 + len(payees), 8)}))
    return (eol.join(recs) + eol).encode()


def efw2_rec(kind, fields, size=512):
    rec = [" "] * size
    rec[0:len(kind)] = list(kind)
    for pos, v in fields.items():
        rec[pos - 1:pos - 1 + len(v)] = list(v)
    return "".join(rec[:size])


def tax_cases():
    # IRS FIRE 1099-NEC: the payee's TIN (type 2: an SSN) sits between the
    # TIN type and the payer's account number for the payee
    a, b = person(), person()
    r = put(PAY + "/1099/IRSTAX_1099NEC_2014.txt", fire_file([a, b]))
    key("fire1099_payee_ssn", r, [], planted={"ssn": [a["ssn9"], b["ssn9"]]})
    key("fire1099_contact_email", r, [], planted={"email": ["payroll@acme-corp.test"]})
    # the same without line ends (750-byte records back to back)
    c = person()
    r = put(PAY + "/1099/IRSTAX_1099MISC_2014", fire_file([c], eol=""))
    key("fire1099_no_line_ends_ssn", r, [], planted={"ssn": [c["ssn9"]]})
    # payees with EINs (TIN type 1): no SSN
    d = person()
    d["ssn9"] = "274411987"
    r = put(PAY + "/1099/IRSTAX_1099NEC_VENDORS_2014.txt", fire_file([d], tin_type="1"))
    key("fire1099_ein_payees_no_ssn", r, [], entities_only=["email"])
    # a 1099 file cut in the middle of its second payee record
    e0, e1 = person(), person()
    data = fire_file([e0, e1])
    r = put(PAY + "/1099/IRSTAX_1099INT_2014.part", data[:752 * 3 + 400])
    key("fire1099_cut_ssn", r, [], planted={"ssn": [e0["ssn9"]]}, coverage="partial", reasons_all=["truncated"])
    # EFW2 with RO (optional) and RS (state) records
    e, f = person(), person()
    recs = [efw2_rec("RA", {3: "113456789", 12: "00417ACM", 38: fx("ACME CORP", 57)}),
            efw2_rec("RE", {3: "2014", 8: "113456789", 40: fx("ACME CORP", 57)})]
    for p in (e, f):
        recs.append(efw2_rec("RW", {3: p["ssn9"], 12: fx(p["first"].upper(), 15), 42: fx(p["last"].upper(), 20),
                                    66: fx("12 ELM STREET", 22), 110: fx("SPRINGFIELD", 22), 132: "IL",
                                    134: fx("62704", 5), 188: num(5200000, 11)}))
        recs.append(efw2_rec("RO", {3: fx("", 9), 12: num(12000, 11)}))
        recs.append(efw2_rec("RS", {3: "17", 8: fx("", 2), 10: p["ssn9"], 19: fx(p["first"].upper(), 15),
                                    49: fx(p["last"].upper(), 20), 69: fx("12 ELM STREET", 22)}))
    recs += [efw2_rec("RT", {3: num(2, 7)}), efw2_rec("RU", {3: num(2, 7)}), efw2_rec("RF", {8: num(2, 9)})]
    r = put(PAY + "/W2/W2REPORT_2014.txt", ("\r\n".join(recs) + "\r\n").encode())
    key("efw2_ro_rs_ssn", r, [], planted={"ssn": [e["ssn9"], f["ssn9"]]}, entities_only=["ssn"])
    # EFW2C (Publication 42-014): 1024-byte records, RCW with the SSN as
    # originally reported and as corrected, and both names
    g, h = person(), person()
    recs = [efw2_rec("RCA", {4: "113456789", 13: fx("", 8), 33: fx("ACME CORP", 57)}, 1024),
            efw2_rec("RCE", {4: "2014", 8: fx("", 9), 17: "113456789", 26: fx("", 9), 44: fx("ACME CORP", 57)}, 1024),
            efw2_rec("RCW", {4: g["ssn9"], 13: h["ssn9"], 22: fx(h["first"].upper(), 15),
                             52: fx(h["last"].upper(), 20), 72: fx(h["first"].upper(), 15),
                             102: fx(h["last"].upper(), 20)}, 1024),
            efw2_rec("RCT", {4: num(1, 7)}, 1024), efw2_rec("RCF", {4: num(1, 9)}, 1024)]
    r = put(PAY + "/W2/W2C_CORRECTIONS_2014.txt", ("\r\n".join(recs) + "\r\n").encode())
    key("efw2c_rcw_ssns", r, [], planted={"ssn": [g["ssn9"], h["ssn9"]]}, entities_only=["ssn"])
    # a payroll bureau's fixed-width export with a header line
    i_, j = person(), person()
    lines = ["EMPNO SSN       LAST NAME       FIRST NAME  DOB        RATE     ACCOUNT"]
    for n_, p in enumerate((i_, j)):
        lines.append("%-5s %-9s %-15s %-11s %-10s %8s %s" % ("E%04d" % (417 + n_), p["ssn9"], p["last"].upper(),
                                                            p["first"].upper(), p["dob"], "31.25", "000%09d" % (77 + n_)))
    r = put(PAY + "/Exports/PAYDATA_HDR_1124.txt", ("\r\n".join(lines) + "\r\n").encode())
    # this export separates its columns by one blank, so "EMPNO SSN" is one
    # field at two or more blanks: texttable.c cuts the header at its words
    # when the rows have a blank before and a value at the word
    key("fixed_width_header_ssn", r, [], planted={"ssn": [i_["ssn9"], j["ssn9"]]}, entities_all=["dob"])
    # ... and without one (positions only: a record layout on paper)
    k, m = person(), person()
    lines = ["E%04d%-9s%-15s%-11s%s%08d%s" % (500 + n_, p["ssn9"], p["last"].upper(), p["first"].upper(),
                                            p["dob"].replace("-", ""), 312500, "000%09d" % (90 + n_))
             for n_, p in enumerate((k, m))]
    r = put(PAY + "/Exports/PAYDATA_1124.DAT", ("\r\n".join(lines) + "\r\n").encode())
    key("fixed_width_positional_ssn", r, [], planted={"ssn": [k["ssn9"], m["ssn9"]]}, arguable=True)
    # QuickBooks IIF: employee list (SSNO dashed and bare), paycheck transactions
    n1, n2 = person(), person()
    iif = ("!HDR\tPROD\tVER\tREL\tIIFVER\tDATE\tTIME\tACCNTNT\tACCNTNTSPLITTIME\r\n"
           "HDR\tQuickBooks Pro\tVersion 24.0D\tRelease R6P\t1\t2014-11-24\t1416816000\tN\t0\r\n"
           "!EMP\tNAME\tINIT\tADDR1\tADDR2\tADDR3\tCITY\tSTATE\tZIP\tPHONE1\tEMAIL\tSSNO\tHIREDATE\r\n")
    for p, s in ((n1, n1["ssn"]), (n2, n2["ssn9"])):
        iif += "EMP\t%s\t\t%s\t12 Elm Street\t\tSpringfield\tIL\t62704\t%s\t%s\t%s\t03/01/2011\r\n" % (
            p["name"], p["name"], p["phone"], p["email"], s)
    iif += ("!TRNS\tTRNSID\tTRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\tDOCNUM\tMEMO\r\n!SPL\tSPLID\tTRNSTYPE\tDATE\tACCNT"
            "\tNAME\tAMOUNT\tDOCNUM\tMEMO\r\n!ENDTRNS\r\nTRNS\t\tPAYCHECK\t11/26/2014\tChecking\t%s\t-2310.45\t1043\t"
            "\r\nSPL\t\tPAYCHECK\t11/26/2014\tPayroll Expenses\t%s\t3000.00\t1043\t\r\nENDTRNS\r\n" % (n1["name"], n1["name"]))
    r = put(FIN + "/QuickBooks/employees_export.iif", iif.encode())
    key("iif_ssno_dashed_email_phone", r, [], planted={"ssn": [n1["ssn9"]], "email": [n1["email"], n2["email"]],
                                                       "phone": [n1["phone10"], n2["phone10"]]})
    # the bare SSN under SSNO: a text-table reader takes the !EMP header for
    # a row of the !HDR table above it, and "SSNO" names no SSN column for
    # tablectx; src/extract/iif.c pairs each row with its own !TYPE header
    key("iif_ssno_bare", r, [], planted={"ssn": [n2["ssn9"]]})
    # a customer list: bare phone numbers under PHONE1, after a !TRNS block
    w = person()
    iif = ("!TRNS\tTRNSID\tTRNSTYPE\tDATE\tACCNT\tNAME\tAMOUNT\r\n!SPL\tSPLID\tTRNSTYPE\tDATE\tACCNT\tNAME\t"
           "AMOUNT\r\n!ENDTRNS\r\nTRNS\t\tINVOICE\t11/26/2014\tAccounts Receivable\t%s\t1250.00\r\nSPL\t\tINVOICE\t"
           "11/26/2014\tConsulting\t%s\t-1250.00\r\nENDTRNS\r\n!CUST\tNAME\tBADDR1\tBADDR2\tPHONE1\tFAXNUM\tEMAIL\t"
           "CTYPE\r\nCUST\t%s\t%s\t12 Elm Street\t%s\t2125550199\t%s\tRetail\r\n"
           % (w["name"], w["name"], w["name"], w["name"], w["phone10"], w["email"]))
    r = put(FIN + "/QuickBooks/customers.iif", iif.encode())
    key("iif_cust_bare_phone", r, [], planted={"phone": [w["phone10"]], "email": [w["email"]]})
    # GnuCash XML, gzip'd as GnuCash saves it: an employee's and a customer's address
    o, q = person(), person()
    gnc = ('<?xml version="1.0" encoding="utf-8" ?>\n<gnc-v2\n xmlns:gnc="http://www.gnucash.org/XML/gnc"\n'
           ' xmlns:act="http://www.gnucash.org/XML/act"\n xmlns:employee="http://www.gnucash.org/XML/employee"\n'
           ' xmlns:cust="http://www.gnucash.org/XML/cust"\n xmlns:addr="http://www.gnucash.org/XML/custaddr"\n'
           ' xmlns:trn="http://www.gnucash.org/XML/trn">\n<gnc:count-data cd:type="book">1</gnc:count-data>\n'
           '<gnc:book version="2.0.0">\n<gnc:GncEmployee version="2.0.0">\n  <employee:guid type="guid">'
           '8f2c1e0d4b6a4c2e9a7b1d3f5e6c8a90</employee:guid>\n  <employee:username>%s</employee:username>\n'
           '  <employee:id>000417</employee:id>\n  <employee:addr version="2.0.0">\n    <addr:name>%s</addr:name>\n'
           '    <addr:addr1>12 Elm Street</addr:addr1>\n    <addr:phone>%s</addr:phone>\n'
           '    <addr:email>%s</addr:email>\n  </employee:addr>\n</gnc:GncEmployee>\n'
           '<gnc:GncCustomer version="2.0.0">\n  <cust:name>%s</cust:name>\n  <cust:addr version="2.0.0">\n'
           '    <addr:phone>%s</addr:phone>\n    <addr:email>%s</addr:email>\n  </cust:addr>\n</gnc:GncCustomer>\n'
           '<gnc:transaction version="2.0.0">\n  <trn:id type="guid">1d2c3b4a59687766554433221100ffee</trn:id>\n'
           '  <trn:num>1043</trn:num>\n  <trn:description>Payroll %s</trn:description>\n</gnc:transaction>\n'
           '</gnc:book>\n</gnc-v2>\n' % (o["first"].lower(), o["name"], o["phone"], o["email"], q["name"],
                                        q["phone"], q["email"], o["name"]))
    r = put(FIN + "/GnuCash/acme_books.gnucash", gzip.compress(gnc.encode(), mtime=0))
    key("gnucash_gz", r, None, planted_under={"email": [o["email"], q["email"]], "phone": [o["phone10"], q["phone10"]]})
    # an IRS MeF return (a tax preparer's e-file XML): camel-case SSN tags
    x = person()
    sp, dep = person(), person()
    mef = ('<?xml version="1.0" encoding="UTF-8"?>\n<Return xmlns="http://www.irs.gov/efile" returnVersion="2014v4.0">'
           "\n<ReturnHeader binaryAttachmentCnt=\"0\"><TaxYr>2014</TaxYr><Filer><PrimarySSN>%s</PrimarySSN>"
           "<SpouseSSN>%s</SpouseSSN><NameLine1Txt>%s &amp; %s</NameLine1Txt><PrimaryNameControlTxt>%s"
           "</PrimaryNameControlTxt><USAddress><AddressLine1Txt>12 ELM ST</AddressLine1Txt><CityNm>SPRINGFIELD"
           "</CityNm><StateAbbreviationCd>IL</StateAbbreviationCd><ZIPCd>62704</ZIPCd></USAddress></Filer>"
           "</ReturnHeader>\n<ReturnData documentCnt=\"2\"><IRS1040><DependentDetail><DependentFirstNm>SAM"
           "</DependentFirstNm><DependentSSN>%s</DependentSSN></DependentDetail><WagesAmt>52000</WagesAmt></IRS1040>"
           "<IRSW2><EmployeeSSN>%s</EmployeeSSN><EmployerEIN>113456789</EmployerEIN></IRSW2></ReturnData>"
           "\n</Return>\n" % (x["ssn9"], sp["ssn9"], x["first"].upper(), sp["first"].upper(), x["last"].upper()[:4],
                               dep["ssn9"], x["ssn9"]))
    r = put(PAY + "/TaxPrep/MeF/1040_%s_2014.xml" % x["last"].upper(), mef.encode())
    # an SSN label glued to the word before it (PrimarySSN, SpouseSSN,
    # EmployeeSSN): rules/mkpack.py's camel-case string
    key("mef_xml_camelcase_ssn", r, [], planted={"ssn": [x["ssn9"], sp["ssn9"], dep["ssn9"]]})
    # an HRIS API export (JSON, camel-case keys)
    y = person()
    js = ('{"employees": [{"employeeId": "E0512", "firstName": "%s", "lastName": "%s", "employeeSsn": "%s", '
          '"workEmail": "%s", "hireDate": "2011-03-01"}]}\n' % (y["first"], y["last"], y["ssn9"], y["email"]))
    r = put(PAY + "/Exports/hris_employees.json", js.encode())
    key("hris_json_email", r, [], planted={"email": [y["email"]]})
    key("hris_json_camelcase_ssn", r, [], planted={"ssn": [y["ssn9"]]})
    # ADP's worker API: the value before its label (governmentIDs idValue,
    # then nameCode SSN)
    z = person()
    js = ('{"workers": [{"associateOID": "G3Q8P2ZK0417", "person": {"legalName": {"givenName": "%s", '
          '"familyName1": "%s"}, "governmentIDs": [{"itemID": "9200417", "idValue": "%s", "nameCode": '
          '{"codeValue": "SSN", "shortName": "Social Security Number"}}], "birthDate": "%s"}}]}\n'
          % (z["first"], z["last"], z["ssn9"], z["dob"]))
    r = put(PAY + "/Exports/adp_workers.json", js.encode())
    # the SSN's label (nameCode SSN) comes after the value: jsonesc.c
    # labels idValue by the nameCode's codeValue
    key("adp_api_government_id_ssn", r, [], planted={"ssn": [z["ssn9"]]})
    # a payroll CSV in a zip, and its password-protected twin
    s, t = person(), person()
    csv = "employee_id,name,ssn,date_of_birth,routing,account,net_pay\r\n" + "".join(
        "E%04d,%s,%s,%s,%s,%012d,%d.%02d\r\n" % (417 + i, p["name"], p["ssn"], p["dob"], RDFI[i], 482001 + i,
                                                   2310 + i, 45) for i, p in enumerate((s, t)))
    r = put(PAY + "/Exports/payroll_2014-11.zip", hc.zipb([("payroll_2014-11.csv", csv.encode())]))
    key("payroll_csv_zip", r, ["payroll_2014-11.csv"], planted=pl(s, t, email=False), entities_all=["dob"],
        entities_only=["ssn", "dob"])
    secret = csv.encode()
    crc = zlib.crc32(secret)
    enc = gh._ZipCrypto(b"Payroll2014!").encrypt(bytes(range(11)) + bytes([crc >> 24]) + secret)
    r = put(PAY + "/Exports/payroll_2014-11_protected.zip",
            gh.raw_zip([(b"payroll_2014-11.csv", enc, 0, crc, len(secret), 1)]))
    key("payroll_zip_encrypted", r, ["payroll_2014-11.csv"], coverage="none", reasons_all=["encrypted"])
    key("payroll_zip_encrypted_root", r, [], coverage_not="full", verdict_in=["incomplete", "hostile"])
    # a pay stub whose SSN is masked: no SSN
    u = person()
    stub = ("ACME CORP  EARNINGS STATEMENT\r\nEmployee: %s   Employee ID: E0433\r\nSSN: XXX-XX-%s\r\n"
            "Pay date: 11/26/2014   Check no: 104377\r\nGross: 3,000.00   Net: 2,310.45\r\n"
            "Direct deposit: Routing %s  Account ******2001\r\n" % (u["name"], u["ssn9"][-4:], RDFI[0]))
    r = put(PAY + "/Stubs/stub_E0433_20141126.txt", stub.encode())
    key("paystub_masked_clean", r, [], no_findings=True)
    # a direct-deposit enrolment form (text): SSN, routing, account
    v = person()
    form = ("DIRECT DEPOSIT AUTHORIZATION\r\nEmployee name: %s\r\nSocial Security No: %s\r\nBank routing number: %s"
            "\r\nAccount number: 0048211932\r\nE-mail: %s\r\n" % (v["name"], v["ssn"], RDFI[4], v["email"]))
    r = put(PAY + "/Forms/direct_deposit_%s.txt" % v["last"].lower(), form.encode())
    key("direct_deposit_form", r, [], planted=pl(v), entities_only=["ssn", "email"])


def metro2_base(p, acct, j1=None):
    """A Metro 2 base segment (426 bytes, the record descriptor word "0426"
    in characters; "0526" with a 100-byte J1 associated consumer segment):
    surname 232-256, first name 257-276, middle 277-296, generation 297,
    SSN 298-306, date of birth 307-314 (MMDDYYYY), phone 315-324, address
    330-361, city 394-413, state 414-415, ZIP 416-424."""
    y, mo, dd = p["dob"].split("-")
    rec = efw2_rec("", {5: "1", 6: "11242014080000", 21: fx("ACMEFIN01", 20), 43: fx(acct, 30), 73: "I",
                        74: "01", 76: "03012011", 84: num(15000, 9), 129: "11", 160: num(8423, 9),
                        187: "11242014", 232: fx(p["last"].upper(), 25), 257: fx(p["first"].upper(), 20),
                        277: fx("", 20), 297: " ", 298: p["ssn9"], 307: mo + dd + y, 315: p["phone10"], 325: "1",
                        330: fx("12 ELM STREET", 32), 394: fx("SPRINGFIELD", 20), 414: "IL", 416: fx("62704", 9),
                        425: "Y", 426: "O"}, 426)
    if j1:
        y, mo, dd = j1["dob"].split("-")
        rec += efw2_rec("J1", {4: fx(j1["last"].upper(), 25), 29: fx(j1["first"].upper(), 20), 70: j1["ssn9"],
                               79: mo + dd + y, 87: j1["phone10"], 97: "2"}, 100)
    return ("%04d" % len(rec)) + rec[4:]


def credit_cases():
    """Metro 2: the consumer credit reporting format a lender sends the
    credit bureaus (Equifax, Experian, TransUnion) every month."""
    a, b, c = person(), person(), person()
    hdr = "0426" + efw2_rec("", {5: "HEADER", 11: "11", 13: fx("EQX0417", 10), 43: "11242014", 51: "11242014",
                                 67: fx("ACME FINANCIAL", 40), 167: fx("1 INDUSTRIAL WAY NEWARK NJ", 96)}, 426)[4:]
    recs = [hdr, metro2_base(a, "ACF00004170001"), metro2_base(b, "ACF00004170002", j1=c)]
    recs.append("0426" + efw2_rec("", {5: "TRAILER", 12: num(2, 9)}, 426)[4:])
    r = put(FIN + "/Credit/METRO2_EQUIFAX_201411.txt", ("\r\n".join(recs) + "\r\n").encode())
    key("metro2_ssn", r, [], planted={"ssn": [a["ssn9"], b["ssn9"], c["ssn9"]]})
    key("metro2_dob", r, [], entities_all=["dob"])
    key("metro2_phone", r, [], planted={"phone": [a["phone10"], c["phone10"]]})
    # base segments without the header record (a file cut for a dispute)
    d = person()
    r = put(FIN + "/Credit/disputes/METRO2_ACF0417_extract.txt", (metro2_base(d, "ACF00004170417") + "\r\n").encode())
    key("metro2_headerless_ssn", r, [], planted={"ssn": [d["ssn9"]]}, entities_all=["dob"])
    # a list of long transaction ids that start like a Metro 2 record
    # (four digits of 0426 or more, a '1', fourteen digits): no PII
    ids = "".join("2014112408%012d\n" % (300417000000 + 7919 * i) for i in range(40))
    r = put(FIN + "/Credit/txn_ids_201411.txt", ids.encode())
    key("txn_id_list_clean", r, [], no_findings=True, coverage="full")


# ---------------------------------------------------------------- check images
def x9_rec(fields, ebcdic=True, size=None):
    """An X9.37 record: a 4-byte big-endian length, then the record in
    EBCDIC (code page 037) or ASCII."""
    s = "".join(fields)
    if size:
        s = fx(s, size)
    b = s.encode("cp037" if ebcdic else "ascii")
    return struct.pack(">I", len(b)) + b


def tiff_image():
    """A 16x8 bilevel TIFF (G4 would be usual; uncompressed here)."""
    w, h = 16, 8
    pix = bytes([0xAA, 0x55] * h)
    entries = [(256, 3, 1, w), (257, 3, 1, h), (258, 3, 1, 1), (259, 3, 1, 1), (262, 3, 1, 0),
               (273, 4, 1, 8 + 2 + 12 * 9 + 4), (277, 3, 1, 1), (278, 3, 1, h), (279, 4, 1, len(pix))]
    ifd = struct.pack("<H", len(entries))
    for tag, typ, cnt, val in entries:
        ifd += struct.pack("<HHI", tag, typ, cnt) + (struct.pack("<HH", val, 0) if typ == 3 else struct.pack("<I", val))
    return b"II*\0" + struct.pack("<I", 8) + ifd + b"\0\0\0\0" + pix


def x937(who, ebcdic=True):
    e = ebcdic
    img = tiff_image()
    out = x9_rec(["01", "03", "T", aba("02100002"), aba("02100002"), "20141124", "0800", "N", fx("ACME BANK", 18),
                  fx("ACME CORP", 18), "A", "  ", " ", fx("", 2), fx("", 1), fx("", 1)], e, 80)
    out += x9_rec(["10", "01", aba("02100002"), aba("02100002"), "20141124", "20141124", "0800", "I", "G",
                   fx("CL0417", 8), fx("ACME CORP", 14), fx("9735550142", 10), "C", " ", " ", fx("", 2)], e, 80)
    out += x9_rec(["20", "01", aba("02100002"), aba("02100002"), "20141124", "20141124", fx("B0417", 10),
                   num(1, 4), fx("", 2), fx("", 9), fx("", 5)], e, 80)
    for i in range(2):
        onus = fx("%010d/%04d" % (48392017 + i, 1043 + i), 20)
        out += x9_rec(["25", fx("", 15), " ", RDFI[i][:8], RDFI[i][8], onus, num(125000 + 5000 * i, 10),
                       num(1000417 + i, 15), "G", "1", "0", "0", "Y", "0", "1", " ", " "], e, 80)
        out += x9_rec(["26", "1", aba("02100002"), "20141124", num(1000417 + i, 15), fx("", 18), "Y", " ", "  ",
                       fx("", 3)], e, 80)
        out += x9_rec(["50", "1", num(len(img), 7), aba("02100002"), "20141124", "00", "00", "0", "0", "1", "0",
                       "1", "0", " ", " ", "0", " ", "0", " ", "0", " ", fx("", 8), " ", fx("", 7)], e, 80)
        # type 52: routing, business date, cycle, item sequence, three
        # security names, clipping origin and coordinates, the image
        # reference key's length (positions 102-106) and key, the digital
        # signature's length (5) and signature, the image's length (7), the image
        head = "".join(["52", aba("02100002"), "20141124", "01", num(1000417 + i, 15), fx("", 48), "0",
                        "0" * 16, num(0, 5), num(0, 5), num(len(img), 7)])
        assert len(head) == 118
        body = head.encode("cp037" if e else "ascii") + img
        out += struct.pack(">I", len(body)) + body
    # a user record (type 68) a deposit app wrote: the depositor's contact
    data = "DEPOSITOR %s %s %s" % (who["name"].upper(), who["email"].upper(), who["phone"])
    out += x9_rec(["68", "3", fx("", 9), fx("ACME RDC APP", 20), "001", "001", num(len(data), 7), data], e)
    out += x9_rec(["70", num(2, 4), num(255000, 12), num(0, 12), num(2, 5), fx("", 20), fx("", 4)], e, 80)
    out += x9_rec(["90", num(1, 6), num(2, 8), num(255000, 14), num(2, 9), fx("ACME BANK", 18), "20141124",
                   fx("", 15)], e, 80)
    out += x9_rec(["99", num(1, 6), num(16, 8), num(2, 8), num(255000, 16), fx("ACME BANK", 14),
                   fx("9735550142", 10), fx("", 16)], e, 80)
    return out


def check_image_cases():
    """Routing, on-us and serial numbers, amounts and item sequence numbers
    are decoys; the depositor in a user record is not; each image is a
    member a responder must be able to list (and hold back)."""
    a, b = person(), person()
    r = put(TRE + "/RDC/ICL_20141124_0417.x937", x937(a, True))
    key("x937_ebcdic_user_record", r, [], planted={"email": [a["email"]], "phone": [a["phone10"]]},
        entities_only=["email", "phone"])
    key("x937_ebcdic_image_1", r, ["image_1.tif"], coverage_not="none")
    key("x937_ebcdic_image_2", r, ["image_2.tif"], coverage_not="none")
    r = put(TRE + "/RDC/ICL_20141124_0418.icl", x937(b, False))
    key("x937_ascii_user_record", r, [], planted={"email": [b["email"]], "phone": [b["phone10"]]},
        entities_only=["email", "phone"])
    key("x937_ascii_image_2", r, ["image_2.tif"], coverage_not="none")


# ---------------------------------------------------------------- decoys
def decoy_cases():
    # a positive-pay file: account, check serial, amount, issue date, payee
    pp = "".join("%012d%010d%012d%s%-40s\r\n" % (483920174, 1043 + i, 125000 + 77 * i, "20141124", nm)
                 for i, nm in enumerate(("MIDTOWN PROPERTIES LLC", "NEWARK ELECTRIC", "ACME STAFFING INC")))
    r = put(TRE + "/PositivePay/PP_20141124.txt", pp.encode())
    key("positive_pay_clean", r, [], no_findings=True)
    # remittance CSV: routing numbers, trace numbers, cents, check serials
    rows = ["routing,trace_number,amount_cents,check_serial,batch,entry_hash,effective"]
    for i in range(6):
        rows.append("%s,%s%07d,%d,%06d,%07d,%010d,141126" % (RDFI[i], ODFI[:8], 417 + i, 231045 + 999 * i,
                                                          104300 + i, 1, 110000150 + 7919 * i))
    r = put(TRE + "/Recon/ach_recon_1126.csv", ("\r\n".join(rows) + "\r\n").encode())
    key("recon_csv_clean", r, [], no_findings=True)
    # a banks list: BICs, routing numbers, SEPA creditor identifiers
    txt = "".join("%s  %s  %s  %s\n" % (b, aba("%08d" % (26009593 + 11 * i)), c, "ACME VENDOR %d" % i)
                  for i, (b, c) in enumerate((("CHASUS33XXX", "DE98ZZZ09999999999"), ("DEUTDEFF500", "NL97ZZZ123456780001"),
                                              ("BNPAFRPPXXX", "FR72ZZZ123456"), ("TESTGB2LXXX", "GB24ZZZSDDBARC0000007495895"))))
    r = put(TRE + "/Recon/bank_directory.txt", ("BIC          ROUTING    CREDITOR ID          NAME\n" + txt).encode())
    key("bic_creditor_ids_clean", r, [], no_findings=True)
    # a wire log: transaction ids, IMADs and OMADs, amounts
    log = "".join("2014-11-24 08:%02d:11 WIRE OUT IMAD 20141124QMGFT015%06d OMAD 20141124B1QGC07C%06d "
                  "TXN 88%010d AMT %d.00 ABA %s\n" % (i, 417 + i, 1043 + i, 482001 + i, 12000 + i, RDFI[i])
                  for i in range(5))
    r = put(TRE + "/Wires/wire_log_20141124.log", log.encode())
    key("wire_log_clean", r, [], no_findings=True)


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (nacha_cases, statement_cases, swift_cases, iso_cases, tax_cases, credit_cases, check_image_cases,
                            decoy_cases))


CORPUS = {PAY + "/ACH/PPD_PAYROLL_20141126.ach": "nacha/h13_ppd_crlf.ach",
          PAY + "/ACH/ACHOUT.DAT": "nacha/h13_ppd_no_line_ends.ach",
          PAY + "/ACH/IAT_EXPAT_1126.ach": "nacha/h13_iat.ach",
          PAY + "/1099/IRSTAX_1099NEC_2014.txt": "fire1099/h13_1099nec.txt",
          PAY + "/1099/IRSTAX_1099MISC_2014": "fire1099/h13_no_line_ends",
          TRE + "/SWIFT/in/MT103_PAYREF20141124B.fin": "swift/h13_mt103_50f.fin",
          TRE + "/SWIFT/in/MT940_20141124.sta": "swift/h13_mt940.sta",
          PAY + "/W2/W2C_CORRECTIONS_2014.txt": "efw2/h13_efw2c.txt",
          FIN + "/Credit/METRO2_EQUIFAX_201411.txt": "metro2/h13_metro2_j1.txt",
          FIN + "/Quicken/corporate_visa.qif": "qif/h13_ccard.qif",
          FIN + "/QuickBooks/employees_export.iif": "iif/h13_employees.iif",
          FIN + "/QuickBooks/customers.iif": "iif/h13_customers.iif",
          FIN + "/Statements/Corporate Card/Visa_Nov2014.ofx": "ofx/h13_ccard.ofx",
          FIN + "/Statements/Operating/Checking_0174_Nov2014_v2.ofx": "ofx/h13_ofx2.ofx",
          FIN + "/Statements/Enrollment/enroll_request.ofx": "ofx/h13_enroll.ofx",
          FIN + "/Statements/Tax/1099INT_2014.ofx": "ofx/h13_tax1099.ofx",
          TRE + "/BAI/BAI2_PRIORDAY_20141124.bai": "bai2/h13_priorday.bai",
          TRE + "/BAI/BAI2_PRIORDAY_20141125.bai": "bai2/h13_priorday_ccd.bai",
          TRE + "/RDC/ICL_20141124_0417.x937": "x937/h13_ebcdic.x937",
          TRE + "/RDC/ICL_20141124_0418.icl": "x937/h13_ascii.icl"}


if __name__ == "__main__":
    hc.main(generate, lambda outdir: hc.corpus_copy(generate, CORPUS, outdir))
