#!/usr/bin/env python3
"""Thirteenth hostile dump with an answer key (tests/e2e/test_hostile12.py).

make_hostile12.py OUT -> OUT/dump/... and OUT/key.json

Same key format as make_hostile3.py (its docstring lists the expect
fields) and make_hostile8.py's checker (entities_only, exact); the shared
helpers are tests/gen/hostile_common.py. The earlier red teams built
archives, a breach layout, MIME, mail stores, databases, collaboration
exports, e-discovery productions and a workstation; this one lays out what
leaks when a HOSPITAL, an insurer or an employer's BENEFITS system is
breached (Anthem 2015, Change Healthcare 2024), each file written by hand
from the format's documented layout, with fake PII:

- HL7 v2 (chapter 2 encoding rules): ADT^A01/A04/A08 and ORU^R01 messages
  with segments ended by CR only, the MSH's own separators (|^~\\& and an
  unusual set), escape sequences (\\F\\ \\S\\ \\T\\ \\R\\ \\E\\ \\Xhh\\),
  PID-3 identifier lists with an SS type code, PID-7 birth dates, PID-19
  SSNs, PID-13 phone and e-mail (XTN components), NK1, GT1, IN1, IN2; as
  files, as an MLLP capture (0x0B ... 0x1C 0x0D, one cut), batched
  (FHS/BHS), in a zip, mailed, in an interface engine's log, under a lying
  name;
- ANSI X12 005010: 834 enrollment (INS, REF*0F, REF*SY, NM1*IL ...*34*,
  DMG*D8, PER), 837P and 837I claims, 270/271 eligibility, 835
  remittance; delimiters from the ISA (~ * :, control bytes, a line end
  as the terminator), one segment a line or all on one line, two
  interchanges with different delimiters in one file, a cut one, a
  transaction set without its envelope;
- FHIR R4 JSON and XML (Patient with a us-ssn identifier, a Bundle, NDJSON
  bulk export), C-CDA (recordTarget/patientRole, id root
  2.16.840.1.113883.4.1), claims and enrollment CSV extracts, NCPDP D.0
  pharmacy claims;
- DICOM Part 10 (preamble + DICM; explicit and implicit VR little endian,
  PatientName with ^, PatientID whose issuer is the SSA, PatientBirthDate,
  OtherPatientIDsSequence, phone numbers, pixel data to skip), a DICOMDIR,
  DICOM in a zip, one cut in its pixel data;
- decoys a careful responder must not flag: HL7 and X12 control numbers,
  NPIs (10 digits, Luhn over 80840), claim numbers, ICD-10 and CPT codes,
  dates of service, OIDs, member ids.

The readers this dump brought: src/extract/hl7.c, x12.c, dicom.c and ncpdp.c (the
positional fields as labelled lines: "Date of birth: 1975-03-14",
"SSN: 146203037").

"gap": true marks what a careful tool finds and leaksift does not; a gap
that starts to hold fails until its mark is dropped. No gap is left; the
arguable case, and why:
- x12_ref0f_only_ssn (arguable, not a gap): a subscriber number (REF*0F)
  of nine digits is often the SSN, but an 834 says so only with NM1's
  qualifier 34 or REF*SY.

Python stdlib only; deterministic.
"""
import json
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_common as hc  # noqa: E402

FP_KEY = b"hostile12 fingerprint key, test only"
D = hc.Dump(FP_KEY, domain="mercy-health.test", ssn_base=400)
key, put, person, pl = D.key, D.put, D.person, D.pl
check = hc.check
HOSP = "MercyHealth/interfaces"
BEN = "AcmeBenefits/edi"


def ymd(p):
    return p["dob"].replace("-", "")


def dob(*people):
    return [p["dob"] for p in people]


def phone(*people):
    return [p["phone10"] for p in people]


def npi(base):
    """A valid NPI: 9 digits then the Luhn check digit computed over 80840 + them."""
    s = "%09d" % base
    for d in "0123456789":
        if hc.luhn_ok("80840" + s + d):
            return s + d


# ---------------------------------------------------------------- HL7 v2
def hl7_msg(segs, sep="|", enc="^~\\&", end="\r"):
    """Segments (lists of fields, or strings) into one message; MSH first."""
    out = []
    for s in segs:
        out.append(s if isinstance(s, str) else sep.join(s))
    return (end.join(out) + end).encode("latin-1")


def msh(typ, ctrl, sep="|", enc="^~\\&"):
    return sep.join(["MSH" + sep + enc, "EPIC", "MERCY^2.16.840.1.113883.19.5^ISO", "CLOVERLEAF", "MERCY",
                     "20150204083000", "", typ, ctrl, "P", "2.5.1"])


def pid(p, mrn, ssn_in_pid3=True, pid19=True, sep="|", c="^", r="~", tel=True):
    ids = "%s%s%s%sMERCY%sMR" % (mrn, c, c, c, c)
    if ssn_in_pid3:
        ids += r + p["ssn9"] + c * 3 + "USSSA" + c + "SS"
    ph = p["phone10"]
    xtn = ""
    if tel:
        xtn = c + "PRN" + c + "PH" + c + c + "1" + c + ph[:3] + c + ph[3:]
        xtn += r + c + "NET" + c + "Internet" + c + p["email"]
    f = ["PID", "1", "", ids, "", p["last"].upper() + c + p["first"].upper() + c + "Q", "", ymd(p), "F", "", "2106-3",
         "%d MAPLE AVE%s%sSPRINGFIELD%sIL%s62704%sUSA" % (10 + p["n"], c, c, c, c, c), "", xtn, "", "", "", "",
         "ACCT%06d" % (p["n"] * 7919), p["ssn9"] if pid19 else ""]
    return sep.join(f)


def hl7_cases():
    a, b = person(), person()
    m = hl7_msg([msh("ADT^A01^ADT_A01", "MSG00001"), "EVN|A01|20150204083000",
                 pid(a, "M1000234"), "PV1|1|I|2000^2012^01||||%s^KERR^GUS^^^^MD^^^^NPI|||MED" % npi(123456701)])
    r = put(HOSP + "/archive/2015-02-04/ADT_A01_MSG00001.hl7", m)
    key("hl7_adt_a01", r, [], planted={"ssn": [a["ssn9"]], "dob": dob(a), "phone": phone(a),
                                      "email": [a["email"]]}, verdict="sensitive")
    # the SSN only in PID-3's identifier list (type code SS), no PID-19, no phone
    m = hl7_msg([msh("ADT^A04^ADT_A01", "MSG00002"), "EVN|A04|20150204090000", pid(b, "M1000235", pid19=False,
                                                                                     tel=False)])
    r = put(HOSP + "/archive/2015-02-04/ADT_A04_MSG00002.hl7", m)
    key("hl7_pid3_ss_type", r, [], planted={"ssn": [b["ssn9"]], "dob": dob(b)}, entities_only=["ssn", "dob"])

    # separators of the sender's own choice: ! fields, # components, % repetitions, ? escape, @ subcomponents
    c = person()
    m = hl7_msg([msh("ADT^A08^ADT_A01", "MSG00003", sep="!", enc="#%?@").replace("^", "#"),
                 "EVN!A08!20150205101500", pid(c, "M1000236", sep="!", c="#", r="%")], sep="!")
    r = put(HOSP + "/archive/2015-02-05/ADT_A08_MSG00003.hl7", m)
    key("hl7_own_separators", r, [], planted={"ssn": [c["ssn9"]], "dob": dob(c), "phone": phone(c),
                                             "email": [c["email"]]})

    # an e-mail address only escaped (\X40\ is '@'), a note's line breaks (\.br\), escaped separators
    d = person()
    local, dom = d["email"].split("@")
    m = hl7_msg([msh("ORU^R01^ORU_R01", "MSG00004"), pid(d, "M1000237", ssn_in_pid3=False, pid19=False, tel=False),
                 "OBR|1|ORD7781|LAB5512|24331-1^LIPID PANEL^LN|||20150203071500",
                 "NTE|1|P|Portal account %s\\X40\\%s\\.br\\Smith \\T\\ Sons Pharmacy \\F\\ refill" % (local, dom)])
    r = put(HOSP + "/archive/2015-02-04/ORU_R01_MSG00004.hl7", m)
    key("hl7_escaped_email", r, [], planted={"email": [d["email"]], "dob": dob(d)})

    # segments ended by LF (a file moved through a Unix box), a UTF-8 BOM
    e = person()
    m = b"\xef\xbb\xbf" + hl7_msg([msh("ADT^A04^ADT_A01", "MSG00005"), pid(e, "M1000238")], end="\n")
    r = put(HOSP + "/archive/2015-02-05/ADT_A04_MSG00005.txt", m)
    key("hl7_lf_bom_txt", r, [], planted={"ssn": [e["ssn9"]], "dob": dob(e), "phone": phone(e)})

    # an MLLP capture: three messages, each 0x0B ... 0x1C 0x0D, and an ACK between them
    f, g, h = person(), person(), person()
    frames = b""
    for i, p in enumerate((f, g, h)):
        frames += b"\x0b" + hl7_msg([msh("ADT^A01^ADT_A01", "CAP%05d" % i), pid(p, "M20%05d" % i)]) + b"\x1c\r"
        frames += b"\x0b" + hl7_msg(["MSH|^~\\&|CLOVERLEAF|MERCY|EPIC|MERCY|20150204083001||ACK|A%05d|P|2.5.1" % i,
                                     "MSA|AA|CAP%05d" % i]) + b"\x1c\r"
    r = put(HOSP + "/captures/mllp_port6661_20150204.bin", frames)
    key("hl7_mllp_capture", r, [], planted={"ssn": [f["ssn9"], g["ssn9"], h["ssn9"]], "dob": dob(f, g, h)})

    # a batch file: FHS/BHS ... BTS/FTS around four ADT^A04
    ppl = [person() for _ in range(4)]
    segs = ["FHS|^~\\&|EPIC|MERCY|||20150206000000||BATCH0206.hl7|", "BHS|^~\\&|EPIC|MERCY|||20150206000000"]
    for i, p in enumerate(ppl):
        segs += [msh("ADT^A04^ADT_A01", "B%04d" % i), "EVN|A04|20150206000000", pid(p, "M30%05d" % i, pid19=False)]
    segs += ["BTS|4", "FTS|1"]
    r = put(HOSP + "/batch/BATCH0206.hl7", hl7_msg(segs))
    key("hl7_batch", r, [], planted={"ssn": [p["ssn9"] for p in ppl], "dob": dob(*ppl)})

    # next of kin, guarantor and insurance: NK1-37, GT1-12, IN2-2 SSNs; GT1-8, IN1-18 birth dates
    pt, kin, gu = person(), person(), person()
    segs = [msh("ADT^A08^ADT_A01", "MSG00010"), "EVN|A08|20150207120000",
            pid(pt, "M1000240", ssn_in_pid3=False, pid19=False, tel=False),
            "NK1|1|%s^%s|SPO|%d OAK ST^^SPRINGFIELD^IL^62704|^PRN^PH^^1^%s^%s|||||||||||%s" % (
                kin["last"].upper(), kin["first"].upper(), kin["n"], kin["phone10"][:3], kin["phone10"][3:], ymd(kin))
            + "|" * 21 + kin["ssn9"],
            "GT1|1|G%05d|%s^%s||%d OAK ST^^SPRINGFIELD^IL^62704|%s||%s|M||SEL|%s" % (
                gu["n"], gu["last"].upper(), gu["first"].upper(), gu["n"], gu["phone"], ymd(gu), gu["ssn9"]),
            "IN1|1|BCBSIL01|60054|BLUE CROSS BLUE SHIELD OF ILLINOIS|PO BOX 805107^^CHICAGO^IL^60680||||GRP%05d"
            "|||||||%s^%s|01|%s" % (pt["n"], pt["last"].upper(), pt["first"].upper(), ymd(pt)),
            "IN2||%s" % pt["ssn9"]]
    r = put(HOSP + "/archive/2015-02-07/ADT_A08_MSG00010.hl7", hl7_msg(segs))
    key("hl7_nk1_gt1_in1_in2", r, [], planted={"ssn": [kin["ssn9"], gu["ssn9"], pt["ssn9"]],
                                              "dob": dob(kin, gu, pt), "phone": phone(kin, gu)})

    # an interface engine's archive zipped, under a name that says nothing
    q, s = person(), person()
    z = hc.zipb([("2015-02-08/ADT_%d.hl7" % i, hl7_msg([msh("ADT^A01^ADT_A01", "Z%04d" % i), pid(p, "M40%04d" % i)]))
                 for i, p in enumerate((q, s))])
    r = put(HOSP + "/backup/cloverleaf_archive_0208.zip", z)
    key("hl7_in_zip", r, None, planted_under={"ssn": [q["ssn9"], s["ssn9"]], "dob": dob(q, s)})

    # decoys only: a result message for a patient known by MRN alone; control ids, NPIs, LOINC codes,
    # dates of observation, an order number
    m = hl7_msg([msh("ORU^R01^ORU_R01", "20150204083000123"), "PID|1||M1000299^^^MERCY^MR||DOE^JANE",
                 "ORC|RE|ORD7790|LAB5599||CM||||20150203071500|||%s^HART^EVE^^^^MD^^^^NPI" % npi(234567801),
                 "OBR|1|ORD7790|LAB5599|4548-4^HEMOGLOBIN A1C^LN|||20150203071500|||||||20150203080000||"
                 "%s^HART^EVE^^^^MD" % npi(234567801),
                 "OBX|1|NM|4548-4^HEMOGLOBIN A1C^LN||6.9|%|4.0-5.6|H|||F|||20150203093000",
                 "OBX|2|CE|29308-4^DIAGNOSIS^LN||E11.9^Type 2 diabetes mellitus^I10||||||F"])
    r = put(HOSP + "/archive/2015-02-04/ORU_R01_decoys.hl7", m)
    key("hl7_decoys_clean", r, [], no_findings=True)


def hl7_more_cases():
    # a 9-digit medical record number in SSN shape (type MR): not an SSN
    a = person()
    mrn = "5%02d%02d%04d" % (10 + a["n"] % 80, 11 + a["n"] % 80, 2000 + a["n"])
    m = hl7_msg([msh("ADT^A04^ADT_A01", "MSG00020"), "PID|1||%s^^^MERCY^MR||%s^%s||%s|F" % (
        mrn, a["last"].upper(), a["first"].upper(), ymd(a))])
    r = put(HOSP + "/archive/2015-02-09/ADT_A04_MSG00020.hl7", m)
    key("hl7_mrn_in_ssn_shape", r, [], planted={"dob": dob(a)}, entities_only=["dob"])
    # a merge (ADT^A40): the prior identifier list in MRG-1 holds the old SSN-keyed id
    b = person()
    m = hl7_msg([msh("ADT^A40^ADT_A39", "MSG00021"), "EVN|A40|20150209110000",
                 pid(b, "M1000260", ssn_in_pid3=False, pid19=False, tel=False),
                 "MRG|M0999260^^^MERCY^MR~%s^^^USSSA^SS" % b["ssn9"]])
    r = put(HOSP + "/archive/2015-02-09/ADT_A40_MSG00021.hl7", m)
    key("hl7_merge_mrg_ssn", r, [], planted={"ssn": [b["ssn9"]], "dob": dob(b)})
    # an MLLP capture cut inside its second message: the first is read, the object says it was cut
    c, d = person(), person()
    full = (b"\x0b" + hl7_msg([msh("ADT^A01^ADT_A01", "CUT00001"), pid(c, "M1000261")]) + b"\x1c\r" +
            b"\x0b" + hl7_msg([msh("ADT^A01^ADT_A01", "CUT00002"), pid(d, "M1000262")]) + b"\x1c\r")
    cut = full.index(b"CUT00002") + 40
    r = put(HOSP + "/captures/mllp_port6661_20150209_cut.bin", full[:cut])
    key("hl7_mllp_cut", r, [], planted={"ssn": [c["ssn9"]], "dob": dob(c)}, coverage="partial",
        reasons_any=["truncated"])
    # an HL7 message mailed as an attachment (base64, application/hl7-v2)
    e = person()
    import base64
    att = base64.encodebytes(hl7_msg([msh("ADT^A08^ADT_A01", "MSG00022"), pid(e, "M1000263")])).decode()
    eml = ("From: interfaces@mercy-health.test\r\nTo: it-support@mercy-health.test\r\n"
           "Subject: failed message for replay\r\nDate: Mon, 9 Feb 2015 11:00:00 -0600\r\n"
           "Message-ID: <h12-0001@mercy-health.test>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n"
           "Please replay the attached.\r\n--b1\r\nContent-Type: application/hl7-v2; name=\"MSG00022.hl7\"\r\n"
           "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"MSG00022.hl7\"\r\n\r\n"
           + att.replace("\n", "\r\n") + "--b1--\r\n")
    r = put("MercyHealth/mail/it-support/failed_replay.eml", eml.encode())
    key("hl7_in_eml", r, None, planted_under={"ssn": [e["ssn9"]], "dob": dob(e)})
    # acknowledgements only: control ids, no patient
    acks = b"".join(b"\x0b" + hl7_msg(["MSH|^~\\&|CLOVERLEAF|MERCY|EPIC|MERCY|2015020908%04d||ACK^A01|A%08d|P|2.5.1" % (i, i),
                                         "MSA|AA|%017d" % (20150209080000000 + i)]) + b"\x1c\r" for i in range(5))
    r = put(HOSP + "/captures/acks_20150209.bin", acks)
    key("hl7_acks_clean", r, [], no_findings=True)
    # an interface engine's log: time-stamped lines, each message printed after "Received:", its segments on
    # lines of their own; and a support ticket quoting a PID segment after a header pasted mid-sentence
    g, h = person(), person()
    log = ""
    for i, p in enumerate((g, h)):
        msg = hl7_msg([msh("ADT^A04^ADT_A01", "LOG%05d" % i), "EVN|A04|20150209080000", pid(p, "M50%05d" % i)],
                      end="\n").decode()
        log += ("[2015-02-09 08:0%d:00,123]  INFO (com.mercy.engine.channel.ADT_IN:412): Received message "
                "(C:\\Engine\\Temp\\in_%d.hl7): %s" % (i, i, msg))
        log += "[2015-02-09 08:0%d:00,456]  INFO (com.mercy.engine.channel.ADT_IN:433): ACK sent AA\n" % i
    r = put(HOSP + "/engine/logs/adt_in.log", log.encode())
    key("hl7_engine_log", r, [], planted={"ssn": [g["ssn9"], h["ssn9"]], "dob": dob(g, h)})
    # two messages in one file, the second from another sender with its own separators (! fields, # components)
    k, m = person(), person()
    first = hl7_msg([msh("ADT^A04^ADT_A01", "MIX00001"), pid(k, "M1000270")])
    second = hl7_msg([msh("ADT^A04^ADT_A01", "MIX00002", sep="!", enc="#~\\&").replace("^", "#"),
                      pid(m, "M1000271", sep="!", c="#")], sep="!")
    r = put(HOSP + "/archive/2015-02-10/merged_feed.hl7", first + second)
    key("hl7_mixed_separators", r, [], planted={"ssn": [k["ssn9"], m["ssn9"]], "dob": dob(k, m),
                                               "phone": phone(k, m)})
    # HL7 v2 XML encoding: fields as elements (PID.7/TS.1, PID.19)
    f = person()
    xml = ('<?xml version="1.0"?>\n<ADT_A01 xmlns="urn:hl7-org:v2xml">\n<MSH><MSH.1>|</MSH.1><MSH.2>^~\\&amp;</MSH.2>'
           '<MSH.9><MSG.1>ADT</MSG.1><MSG.2>A01</MSG.2></MSH.9><MSH.10>X0001</MSH.10></MSH>\n'
           '<PID><PID.3><CX.1>M1000264</CX.1><CX.5>MR</CX.5></PID.3><PID.5><XPN.1><FN.1>%s</FN.1></XPN.1>'
           '<XPN.2>%s</XPN.2></PID.5><PID.7><TS.1>%s</TS.1></PID.7><PID.19>%s</PID.19></PID>\n</ADT_A01>\n' % (
               f["last"].upper(), f["first"].upper(), ymd(f), f["ssn9"]))
    r = put(HOSP + "/xml/ADT_A01_X0001.xml", xml.encode())
    key("hl7_v2_xml", r, [], planted={"ssn": [f["ssn9"]], "dob": dob(f)})


# ---------------------------------------------------------------- X12
def isa(ctrl, e="*", rep="^", comp=":", t="~"):
    f = ["ISA", "00", " " * 10, "00", " " * 10, "ZZ", "ACMEBENEFITS".ljust(15), "ZZ", "BCBSIL".ljust(15), "150204",
         "0830", rep, "00501", "%09d" % ctrl, "0", "P", comp]
    return e.join(f) + t


def x12(segs, ctrl, e="*", rep="^", comp=":", t="~", nl="\n", gs="BE", st="834", ver="005010X220A1"):
    body = [["GS", gs, "ACMEBENEFITS", "BCBSIL", "20150204", "0830", str(ctrl), "X", ver], ["ST", st, "0001", ver]]
    body += segs
    body += [["SE", str(len(segs) + 2), "0001"], ["GE", "1", str(ctrl)], ["IEA", "1", "%09d" % ctrl]]
    out = isa(ctrl, e, rep, comp, t) + nl
    for s in body:
        out += e.join(s).replace(":", comp) + t + nl
    return out.encode("latin-1")


def member834(p, sub=True, ssn_ref="0F", rel="18", email=True):
    segs = [["INS", "Y" if sub else "N", rel, "021", "28", "A", "", "", "FT"],
            ["REF", "0F", p["ssn9"] if ssn_ref == "0F" else "S%08d" % p["n"]],
            ["REF", "1L", "GRP778%03d" % p["n"]],
            ["DTP", "356", "D8", "20150101"],
            ["NM1", "IL", "1", p["last"].upper(), p["first"].upper(), "", "", "", "34", p["ssn9"]]]
    if ssn_ref == "SY":
        segs[4] = ["NM1", "IL", "1", p["last"].upper(), p["first"].upper()]
        segs.append(["REF", "SY", p["ssn9"]])
    per = ["PER", "IP", "", "HP", p["phone10"]]
    if email:
        per += ["EM", p["email"]]
    segs += [per, ["N3", "%d BIRCH RD" % (20 + p["n"])], ["N4", "SPRINGFIELD", "IL", "62704"],
             ["DMG", "D8", ymd(p), "F"], ["HD", "021", "", "HLT", "PPO0001", "FAM"], ["DTP", "348", "D8", "20150101"]]
    return segs


def x12_cases():
    a, b, c = person(), person(), person()
    segs = [["BGN", "00", "12456", "20150204", "0830", "", "", "", "2"], ["N1", "P5", "ACME CORP", "FI", "366001234"],
            ["N1", "IN", "BLUE CROSS BLUE SHIELD OF ILLINOIS", "FI", "360795230"]]
    segs += member834(a) + member834(b) + member834(c, sub=False, rel="19", ssn_ref="SY", email=False)
    r = put(BEN + "/outbound/834_ACME_20150204.edi", x12(segs, 905))
    key("x12_834_enrollment", r, [], planted={"ssn": [a["ssn9"], b["ssn9"], c["ssn9"]], "dob": dob(a, b, c),
                                             "phone": phone(a, b, c), "email": [a["email"], b["email"]]},
        verdict="sensitive")
    # all on one line
    d, e = person(), person()
    r = put(BEN + "/outbound/834_ACME_20150205.x12", x12(member834(d) + member834(e), 906, nl=""))
    key("x12_834_one_line", r, [], planted={"ssn": [d["ssn9"], e["ssn9"]], "dob": dob(d, e), "phone": phone(d, e)})
    # control bytes as delimiters (GS 0x1D elements, US 0x1F components, FS 0x1C segments), no line ends
    f = person()
    r = put(BEN + "/outbound/834_ACME_20150206.dat", x12(member834(f), 907, e="\x1d", rep="\x1e", comp="\x1f",
                                                            t="\x1c", nl=""))
    key("x12_control_delimiters", r, [], planted={"ssn": [f["ssn9"]], "dob": dob(f), "email": [f["email"]]})
    # the line end is the terminator; '|' elements, '>' components, no repetition separator (004010's U)
    g = person()
    body = x12(member834(g), 908, e="|", rep="U", comp=">", t="\n", nl="")
    r = put(BEN + "/outbound/834_ACME_20150207.txt", body)
    key("x12_newline_terminator", r, [], planted={"ssn": [g["ssn9"]], "dob": dob(g), "phone": phone(g)})
    # two interchanges with different delimiters appended in one file
    h, i = person(), person()
    r = put(BEN + "/outbound/834_ACME_combined.edi", x12(member834(h), 909) +
            x12(member834(i), 910, e="^", rep="{", comp="\\", t="'"))
    key("x12_two_interchanges", r, [], planted={"ssn": [h["ssn9"], i["ssn9"]], "dob": dob(h, i)})

    # an 837P claim: subscriber by member id, secondary id REF*SY, patient = subscriber; provider NPIs,
    # the claim number, ICD-10 and CPT codes, dates of service
    j = person()
    prov = npi(145678902)
    segs = [["BHT", "0019", "00", "0123", "20150204", "0830", "CH"],
            ["NM1", "41", "2", "MERCY BILLING", "", "", "", "", "46", "TGJ23"],
            ["PER", "IC", "BILLING DEPT", "TE", "3125550100"],
            ["NM1", "40", "2", "BCBSIL", "", "", "", "", "46", "00621"],
            ["HL", "1", "", "20", "1"], ["NM1", "85", "2", "MERCY CLINIC", "", "", "", "", "XX", prov],
            ["N3", "1 HOSPITAL DR"], ["N4", "SPRINGFIELD", "IL", "62701"], ["REF", "EI", "366001299"],
            ["HL", "2", "1", "22", "0"], ["SBR", "P", "18", "GRP778", "", "", "", "", "", "BL"],
            ["NM1", "IL", "1", j["last"].upper(), j["first"].upper(), "", "", "", "MI", "XYZ%09d" % j["n"]],
            ["N3", "%d BIRCH RD" % j["n"]], ["N4", "SPRINGFIELD", "IL", "62704"], ["DMG", "D8", ymd(j), "M"],
            ["REF", "SY", j["ssn9"]],
            ["NM1", "PR", "2", "BCBSIL", "", "", "", "", "PI", "00621"],
            ["CLM", "PCN20150204001", "250", "", "", "11:B:1", "Y", "A", "Y", "Y"],
            ["HI", "ABK:E119", "ABF:I10"], ["LX", "1"], ["SV1", "HC:99213", "150", "UN", "1", "", "", "1"],
            ["DTP", "472", "D8", "20150203"], ["LX", "2"], ["SV1", "HC:83036", "100", "UN", "1", "", "", "1"],
            ["DTP", "472", "D8", "19750314"]]
    r = put(BEN + "/claims/837P_20150204.edi", x12(segs, 911, gs="HC", st="837", ver="005010X222A1"))
    key("x12_837p", r, [], planted={"ssn": [j["ssn9"]], "dob": dob(j)}, exact={"dob": dob(j)})
    # an 837I on one line; patient loop (NM1*QC) with its own birth date
    k, kd = person(), person()
    segs = [["BHT", "0019", "00", "0124", "20150204", "0830", "CH"], ["HL", "1", "", "20", "1"],
            ["NM1", "85", "2", "MERCY HOSPITAL", "", "", "", "", "XX", npi(156789003)],
            ["HL", "2", "1", "22", "1"], ["SBR", "P", "", "GRP778"],
            ["NM1", "IL", "1", k["last"].upper(), k["first"].upper(), "", "", "", "MI", "XYZ%09d" % k["n"]],
            ["DMG", "D8", ymd(k), "F"], ["HL", "3", "2", "23", "0"], ["PAT", "19"],
            ["NM1", "QC", "1", kd["last"].upper(), kd["first"].upper()], ["DMG", "D8", ymd(kd), "M"],
            ["CLM", "ICN20150204777", "18250", "", "", "11:A:1"], ["DTP", "434", "RD8", "20150201-20150204"],
            ["HI", "ABK:S72001A"]]
    r = put(BEN + "/claims/837I_20150204.edi", x12(segs, 912, gs="HC", st="837", ver="005010X223A2", nl=""))
    key("x12_837i", r, [], planted={"dob": dob(k, kd)}, exact={"dob": dob(k, kd)})
    # 270 inquiry and 271 answer
    m = person()
    segs = [["BHT", "0022", "13", "10001234", "20150204", "0830"], ["HL", "1", "", "20", "1"],
            ["NM1", "PR", "2", "BCBSIL", "", "", "", "", "PI", "00621"], ["HL", "2", "1", "21", "1"],
            ["NM1", "1P", "2", "MERCY CLINIC", "", "", "", "", "XX", npi(145678902)], ["HL", "3", "2", "22", "0"],
            ["TRN", "1", "93175-012547", "9877281234"],
            ["NM1", "IL", "1", m["last"].upper(), m["first"].upper(), "", "", "", "MI", "XYZ%09d" % m["n"]],
            ["DMG", "D8", ymd(m)], ["DTP", "291", "D8", "20150204"], ["EQ", "30"]]
    r = put(BEN + "/eligibility/270_20150204.edi", x12(segs, 913, gs="HS", st="270", ver="005010X279A1"))
    key("x12_270", r, [], planted={"dob": dob(m)}, entities_only=["dob"])
    segs = segs[:9] + [["N3", "%d BIRCH RD" % m["n"]], ["N4", "SPRINGFIELD", "IL", "62704"],
                       ["PER", "IC", "", "TE", m["phone10"]], ["EB", "1", "FAM", "30", "", "PPO GOLD"]]
    r = put(BEN + "/eligibility/271_20150204.edi", x12(segs, 914, gs="HB", st="271", ver="005010X279A1"))
    key("x12_271", r, [], planted={"dob": dob(m), "phone": phone(m)})
    # 835 remittance: the patient by SSN (NM1*QC ... *34*), claim numbers, amounts, payer ids
    n_ = person()
    segs = [["BPR", "I", "1520.75", "C", "ACH", "CCP", "01", "071000013", "DA", "1234567", "1366001234", "", "01",
             "071000039", "DA", "7654321", "20150210"], ["TRN", "1", "12345678", "1366001234"],
            ["N1", "PR", "BLUE CROSS BLUE SHIELD OF ILLINOIS"], ["N1", "PE", "MERCY CLINIC", "XX", npi(145678902)],
            ["LX", "1"], ["CLP", "PCN20150204001", "1", "250", "180.50", "20", "12", "1501234567890"],
            ["NM1", "QC", "1", n_["last"].upper(), n_["first"].upper(), "", "", "", "34", n_["ssn9"]],
            ["DTM", "232", "20150203"], ["SVC", "HC:99213", "150", "110"], ["CAS", "CO", "45", "40"]]
    r = put(BEN + "/remittance/835_20150210.edi", x12(segs, 915, gs="HP", st="835", ver="005010X221A1"))
    key("x12_835_patient_ssn", r, [], planted={"ssn": [n_["ssn9"]]}, entities_only=["ssn"])
    # decoys only: an 835 for provider-level adjustments, NPIs, trace numbers, claim numbers
    segs = [["BPR", "H", "0", "C", "NON", "", "", "", "", "", "", "", "", "", "", "", "20150210"],
            ["TRN", "1", "87654321", "1366001234"], ["N1", "PE", "MERCY CLINIC", "XX", npi(167890104)],
            ["PLB", npi(167890104), "20151231", "WO:PCN20150204001", "-25.50"]]
    r = put(BEN + "/remittance/835_20150211_plb.edi", x12(segs, 916, gs="HP", st="835", ver="005010X221A1"))
    key("x12_decoys_clean", r, [], no_findings=True)
    # a zip of a month's enrollment files
    o, p = person(), person()
    z = hc.zipb([("834_0301.edi", x12(member834(o), 917)), ("834_0302.edi", x12(member834(p), 918))])
    r = put(BEN + "/archive/834_march.zip", z)
    key("x12_in_zip", r, None, planted_under={"ssn": [o["ssn9"], p["ssn9"]], "dob": dob(o, p)})


def x12_more_cases():
    # a BOM and CR LF after each terminator
    a = person()
    r = put(BEN + "/outbound/834_ACME_20150210_win.edi", b"\xef\xbb\xbf" + x12(member834(a), 919, nl="\r\n"))
    key("x12_bom_crlf", r, [], planted={"ssn": [a["ssn9"]], "dob": dob(a), "phone": phone(a)})
    # an ISA whose fixed-width fields the sender did not pad
    b = person()
    body = x12(member834(b), 920).decode("latin-1")
    body = body.replace(" " * 10, "").replace("ACMEBENEFITS   ", "ACMEBENEFITS").replace("BCBSIL         ", "BCBSIL")
    r = put(BEN + "/outbound/834_ACME_20150211.edi", body.encode("latin-1"))
    key("x12_isa_unpadded", r, [], planted={"ssn": [b["ssn9"]], "dob": dob(b)})
    # the subscriber named only by REF*0F (nine digits, the employer's practice: the SSN), no NM1 qualifier
    c = person()
    segs = member834(c)
    segs[4] = ["NM1", "IL", "1", c["last"].upper(), c["first"].upper()]
    r = put(BEN + "/outbound/834_ACME_20150212.edi", x12(segs, 921))
    key("x12_ref0f_only", r, [], planted={"dob": dob(c), "phone": phone(c)})
    key("x12_ref0f_only_ssn", r, [], planted={"ssn": [c["ssn9"]]}, arguable=True)
    # cut in the middle of a member loop: what came before is read, the object says it was cut
    d, e = person(), person()
    full = x12(member834(d) + member834(e), 922)
    cut = full.index(b"NM1*IL*1*" + e["last"].upper().encode())
    r = put(BEN + "/outbound/834_ACME_20150213_partial.edi", full[:cut + 12])
    key("x12_cut", r, [], planted={"ssn": [d["ssn9"]], "dob": dob(d)}, coverage="partial", reasons_any=["truncated"])
    # a transaction set without its envelope, pasted into a help-desk ticket's export (ST first, one a line)
    g = person()
    body = x12(member834(g), 925).decode("latin-1").split("\n")
    st_only = "\n".join(l for l in body if not l.startswith(("ISA", "GS", "GE", "IEA")))
    r = put(BEN + "/tickets/INC0041177_834_fragment.txt", st_only.encode())
    key("x12_st_without_isa", r, [], planted={"ssn": [g["ssn9"]], "dob": dob(g)})
    # a 999 acknowledgement: control numbers only
    segs = [["AK1", "BE", "905", "005010X220A1"], ["AK2", "834", "0001", "005010X220A1"], ["IK5", "A"],
            ["AK9", "A", "1", "1", "1"]]
    r = put(BEN + "/inbound/999_905.edi", x12(segs, 923, gs="FA", st="999", ver="005010X231A1"))
    key("x12_999_clean", r, [], no_findings=True)
    # an 837D dental claim, element separator '|' and components '^' (repetitions '{')
    f = person()
    segs = [["BHT", "0019", "00", "0125", "20150204", "0830", "CH"], ["HL", "1", "", "20", "1"],
            ["NM1", "85", "2", "SMILE DENTAL", "", "", "", "", "XX", npi(178901205)], ["HL", "2", "1", "22", "0"],
            ["SBR", "P", "18"], ["NM1", "IL", "1", f["last"].upper(), f["first"].upper(), "", "", "", "34", f["ssn9"]],
            ["DMG", "D8", ymd(f), "F"], ["CLM", "DENT0204", "320", "", "", "11:B:1"],
            ["SV3", "AD:D2740", "320"], ["TOO", "JP", "8"]]
    r = put(BEN + "/claims/837D_20150204.edi", x12(segs, 924, e="|", rep="{", comp="^", gs="HC", st="837",
                                                   ver="005010X224A2"))
    key("x12_837d_pipes", r, [], planted={"ssn": [f["ssn9"]], "dob": dob(f)}, entities_only=["ssn", "dob"])


# ---------------------------------------------------------------- FHIR, C-CDA, extracts
def fhir_patient(p, mrn):
    return {"resourceType": "Patient", "id": "pat-%d" % p["n"],
            "identifier": [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                                  "code": "MR"}]},
                            "system": "urn:oid:2.16.840.1.113883.19.5", "value": mrn},
                           {"system": "http://hl7.org/fhir/sid/us-ssn", "value": p["ssn9"]}],
            "name": [{"family": p["last"], "given": [p["first"]]}],
            "telecom": [{"system": "phone", "value": p["phone"], "use": "home"},
                        {"system": "email", "value": p["email"]}],
            "gender": "female", "birthDate": p["dob"],
            "address": [{"line": ["%d Cedar Ct" % p["n"]], "city": "Springfield", "state": "IL",
                         "postalCode": "62704"}]}


def fhir_cases():
    a = person()
    r = put("MercyHealth/fhir/Patient-%d.json" % a["n"], json.dumps(fhir_patient(a, "M5000001"), indent=2).encode())
    key("fhir_patient_json", r, [], planted={"dob": dob(a), "email": [a["email"]], "phone": phone(a)})
    # the SSN is only an identifier whose system names it (http://hl7.org/fhir/sid/us-ssn)
    key("fhir_patient_json_ssn", r, [], planted={"ssn": [a["ssn9"]]})
    b, c = person(), person()
    bundle = {"resourceType": "Bundle", "type": "searchset", "total": 2,
              "entry": [{"fullUrl": "https://fhir.mercy-health.test/Patient/pat-%d" % p["n"],
                         "resource": fhir_patient(p, "M50000%02d" % p["n"])} for p in (b, c)] +
              [{"resource": {"resourceType": "Coverage", "id": "cov-1", "subscriberId": "XYZ%09d" % b["n"],
                             "beneficiary": {"reference": "Patient/pat-%d" % b["n"]},
                             "period": {"start": "2015-01-01"}}}]}
    r = put("MercyHealth/fhir/search-bundle.json", json.dumps(bundle).encode())
    key("fhir_bundle_json", r, [], planted={"dob": dob(b, c), "email": [b["email"], c["email"]]})
    ppl = [person() for _ in range(3)]
    nd = "".join(json.dumps(fhir_patient(p, "M60000%02d" % p["n"])) + "\n" for p in ppl)
    r = put("MercyHealth/fhir/bulk-export/Patient.ndjson", nd.encode())
    key("fhir_ndjson", r, [], planted={"dob": dob(*ppl), "email": [p["email"] for p in ppl]})
    d = person()
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<Patient xmlns="http://hl7.org/fhir">\n'
           '  <identifier><system value="http://hl7.org/fhir/sid/us-ssn"/><value value="%s"/></identifier>\n'
           '  <name><family value="%s"/><given value="%s"/></name>\n'
           '  <telecom><system value="phone"/><value value="%s"/></telecom>\n'
           '  <telecom><system value="email"/><value value="%s"/></telecom>\n'
           '  <birthDate value="%s"/>\n</Patient>\n' % (d["ssn9"], d["last"], d["first"], d["phone"], d["email"],
                                                        d["dob"]))
    r = put("MercyHealth/fhir/Patient-%d.xml" % d["n"], xml.encode())
    key("fhir_patient_xml", r, [], planted={"email": [d["email"]], "phone": phone(d)})
    key("fhir_patient_xml_dob", r, [], planted={"dob": dob(d)})
    key("fhir_patient_xml_ssn", r, [], planted={"ssn": [d["ssn9"]]})
    # C-CDA: the SSN as an id under the SSA's OID, the birth time as HL7 TS
    e = person()
    cda = ('<?xml version="1.0"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n'
           '<templateId root="2.16.840.1.113883.10.20.22.1.2"/>\n<id root="2.16.840.1.113883.19.5.99999.1" '
           'extension="TT988"/>\n<code code="34133-9" codeSystem="2.16.840.1.113883.6.1"/>\n'
           '<title>Summary of episode note</title>\n<effectiveTime value="20150204083000-0600"/>\n'
           '<recordTarget><patientRole>\n<id extension="M7000001" root="2.16.840.1.113883.19.5"/>\n'
           '<id extension="%s" root="2.16.840.1.113883.4.1"/>\n'
           '<addr use="HP"><streetAddressLine>%d Elm St</streetAddressLine><city>Springfield</city>'
           '<state>IL</state><postalCode>62704</postalCode></addr>\n'
           '<telecom value="tel:+1-%s-%s-%s" use="HP"/>\n<telecom value="mailto:%s"/>\n'
           '<patient><name><given>%s</given><family>%s</family></name>'
           '<administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1"/>'
           '<birthTime value="%s"/></patient>\n</patientRole></recordTarget>\n</ClinicalDocument>\n' % (
               e["ssn9"], e["n"], e["phone10"][:3], e["phone10"][3:6], e["phone10"][6:], e["email"], e["first"],
               e["last"], ymd(e)))
    r = put("MercyHealth/hie/ccda/CCD_M7000001.xml", cda.encode())
    key("ccda_email_phone", r, [], planted={"email": [e["email"]], "phone": phone(e)})
    key("ccda_ssn_oid", r, [], planted={"ssn": [e["ssn9"]]})
    # a YYYYMMDD date (the TS value 19750314) is fingerprinted as its ISO date (docs/rules.md, Fingerprints)
    key("ccda_birthtime", r, [], planted={"dob": [e["dob"]]})

    # a claims extract as CSV (a data warehouse query), with decoy columns: NPI, claim number, codes, DOS
    ppl = [person() for _ in range(3)]
    rows = ["member_id,first_name,last_name,dob,ssn,rendering_npi,claim_no,dos,icd10,cpt,billed"]
    for p in ppl:
        rows.append("XYZ%09d,%s,%s,%s,%s,%s,PCN2015%06d,2015-02-03,E11.9,99213,150.00" % (
            p["n"], p["first"], p["last"], p["dob"], p["ssn9"], npi(145678902), p["n"]))
    r = put("AcmeBenefits/warehouse/claims_extract_2015Q1.csv", ("\r\n".join(rows) + "\r\n").encode())
    key("claims_csv", r, [], planted={"ssn": [p["ssn9"] for p in ppl], "dob": dob(*ppl)},
        entities_only=["ssn", "dob"])
    # an employer's benefits enrollment export: dependents with their own SSNs and birth dates
    emp, sp, ch = person(), person(), person()
    rows = ["EmpID\tRelationship\tFirst\tLast\tSSN\tBirth Date\tPlan\tCoverage Start",
            "E1042\tEmployee\t%s\t%s\t%s\t%s\tPPO Gold\t01/01/2015" % (emp["first"], emp["last"], emp["ssn"], emp["dob"]),
            "E1042\tSpouse\t%s\t%s\t%s\t%s\tPPO Gold\t01/01/2015" % (sp["first"], sp["last"], sp["ssn"], sp["dob"]),
            "E1042\tChild\t%s\t%s\t%s\t%s\tPPO Gold\t01/01/2015" % (ch["first"], ch["last"], ch["ssn"], ch["dob"])]
    r = put("AcmeBenefits/hr/open_enrollment_2015.tsv", ("\n".join(rows) + "\n").encode())
    key("enrollment_tsv", r, [], planted={"ssn": [emp["ssn9"], sp["ssn9"], ch["ssn9"]], "dob": dob(emp, sp, ch)})
    # NCPDP D.0 pharmacy claims: a 56-byte header, segments opened by 0x1E, fields by 0x1C, each field named
    # by two characters glued to its value (CA first name, CB last name, C4 birth date, CX 01 + CY: the SSN
    # as patient id, CQ phone, C2 cardholder id), 0x1D before the second claim of a request; one request a line
    f, g, h = person(), person(), person()
    r = put("AcmeBenefits/pharmacy/ncpdp_claims_20150204.dat",
            b"\n".join(ncpdp_request(p, i) for i, p in enumerate((f, g, h))) + b"\n")
    key("ncpdp_d0_claims", r, [], planted={"dob": dob(f, g, h), "ssn": [f["ssn9"], g["ssn9"], h["ssn9"]],
                                          "phone": phone(f, g, h)})


def fhir_more_cases():
    # the SSN named by the identifier's type (v2-0203 code SS), no us-ssn system
    a = person()
    pt = fhir_patient(a, "M5000090")
    pt["identifier"][1] = {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                 "code": "SS"}]}, "value": a["ssn9"]}
    r = put("MercyHealth/fhir/Patient-%d-typed.json" % a["n"], json.dumps(pt).encode())
    key("fhir_identifier_type_ss", r, [], planted={"dob": dob(a), "email": [a["email"]]})
    key("fhir_identifier_type_ss_ssn", r, [], planted={"ssn": [a["ssn9"]]})
    # a bulk export gzipped
    import gzip
    ppl = [person() for _ in range(2)]
    nd = "".join(json.dumps(fhir_patient(p, "M61000%02d" % p["n"])) + "\n" for p in ppl).encode()
    r = put("MercyHealth/fhir/bulk-export/Patient.ndjson.gz", gzip.compress(nd, mtime=0))
    key("fhir_ndjson_gz", r, None, planted_under={"dob": dob(*ppl), "email": [p["email"] for p in ppl]})


def ncpdp_request(p, i):
    hdr = "610020" + "D0" + "B1" + "%-10s" % "ACMERX" + "2" + "01" + "%-15s" % npi(145678902) + "20150204" + " " * 10
    assert len(hdr) == 56
    fs, ss, gs = "\x1c", "\x1e", "\x1d"
    pat = (ss + fs + "AM01" + fs + "CX01" + fs + "CY" + p["ssn9"] + fs + "C4" + ymd(p) + fs + "C52" + fs + "CA" +
           p["first"].upper() + fs + "CB" + p["last"].upper() + fs + "CM%d BIRCH RD" % p["n"] + fs + "CNSPRINGFIELD" +
           fs + "COIL" + fs + "CP62704" + fs + "CQ" + p["phone10"])
    ins = ss + fs + "AM04" + fs + "C2XYZ%09d" % p["n"] + fs + "C1GRP778"
    claim = ss + fs + "AM07" + fs + "EM1" + fs + "D2%012d" % (700000 + i) + fs + "E103" + fs + "D700093101901"
    claim2 = gs + ss + fs + "AM07" + fs + "EM1" + fs + "D2%012d" % (800000 + i) + fs + "E103" + fs + "D700378180001"
    return (hdr + pat + ins + claim + claim2).encode()


# ---------------------------------------------------------------- DICOM
EXPLICIT_LE = "1.2.840.10008.1.2.1"
IMPLICIT_LE = "1.2.840.10008.1.2"
LONG_VR = {"OB", "OW", "OF", "OD", "OL", "OV", "SQ", "UT", "UN", "UC", "UR", "SV", "UV"}


def dpad(vr, v):
    if isinstance(v, str):
        v = v.encode("latin-1")
    if len(v) % 2:
        v += b"\0" if vr in ("UI", "OB", "UN") else b" "
    return v


def del_(tag, vr, v, implicit=False):
    """One data element, little endian; v bytes/str, or None with undefined length (sequences)."""
    g, e = tag
    if v is None:
        body, n = b"", 0xFFFFFFFF
    else:
        body = dpad(vr, v)
        n = len(body)
    if implicit:
        return struct.pack("<HHI", g, e, n) + body
    if vr in LONG_VR:
        return struct.pack("<HH2sHI", g, e, vr.encode(), 0, n) + body
    return struct.pack("<HH2sH", g, e, vr.encode(), n) + body


def dseq(tag, items, implicit=False):
    """A sequence of undefined length whose items have undefined length."""
    out = del_(tag, "SQ", None, implicit)
    for it in items:
        out += struct.pack("<HHI", 0xFFFE, 0xE000, 0xFFFFFFFF) + it + struct.pack("<HHI", 0xFFFE, 0xE00D, 0)
    return out + struct.pack("<HHI", 0xFFFE, 0xE0DD, 0)


def dicom(elements, ts=EXPLICIT_LE, sop="1.2.840.10008.5.1.4.1.1.2"):
    """Part 10: preamble, DICM, the explicit-VR meta group, then ELEMENTS (already encoded)."""
    inst = "1.2.826.0.1.3680043.8.498.%d" % (len(elements) * 7 + 1)
    meta = (del_((2, 1), "OB", b"\0\1") + del_((2, 2), "UI", sop) + del_((2, 3), "UI", inst) +
            del_((2, 0x10), "UI", ts) + del_((2, 0x12), "UI", "1.2.826.0.1.3680043.9.7433.1"))
    meta = del_((2, 0), "UL", struct.pack("<I", len(meta))) + meta
    return b"\0" * 128 + b"DICM" + meta + elements


def patient_elems(p, imp=False, issuer="MERCY", pid_value=None, pixels=4096):
    out = (del_((8, 0x20), "DA", "20150203", imp) + del_((8, 0x60), "CS", "CT", imp) +
           del_((8, 0x90), "PN", "KERR^GUS^^DR", imp) +
           del_((0x10, 0x10), "PN", "%s^%s^Q" % (p["last"].upper(), p["first"].upper()), imp) +
           del_((0x10, 0x20), "LO", pid_value or "M8%06d" % p["n"], imp) +
           del_((0x10, 0x21), "LO", issuer, imp) +
           del_((0x10, 0x30), "DA", ymd(p), imp) + del_((0x10, 0x40), "CS", "F", imp) +
           del_((0x10, 0x2154), "SH", p["phone"], imp) +
           del_((0x20, 0x0D), "UI", "1.2.826.0.1.3680043.8.498.%d" % (1000 + p["n"]), imp) +
           del_((0x28, 0x10), "US", struct.pack("<H", 64), imp) + del_((0x28, 0x11), "US", struct.pack("<H", 32), imp))
    noise = hc_noise(pixels, p["n"])
    return out + del_((0x7FE0, 0x10), "OW", noise, imp)


def hc_noise(n, seed):
    out, x = bytearray(), seed
    while len(out) < n:
        x = (x * 6364136223846793005 + 1442695040888963407) & (2 ** 64 - 1)
        out += x.to_bytes(8, "little")
    return bytes(out[:n])


def dicom_cases():
    a = person()
    r = put("MercyHealth/pacs/CT/1.2.840.113619.2.55.3.4.1/IM000001.dcm", dicom(patient_elems(a)))
    key("dicom_explicit", r, [], planted={"dob": dob(a), "phone": phone(a)}, entities_only=["dob", "phone"])
    b = person()
    r = put("MercyHealth/pacs/CT/1.2.840.113619.2.55.3.4.2/IM000001", dicom(patient_elems(b, imp=True), ts=IMPLICIT_LE))
    key("dicom_implicit_no_ext", r, [], planted={"dob": dob(b), "phone": phone(b)})
    # the SSN as PatientID, its issuer the SSA (the VA's and some clinics' practice), and OtherPatientIDsSequence
    c = person()
    other = dseq((0x10, 0x1002), [del_((0x10, 0x20), "LO", c["ssn9"]) + del_((0x10, 0x21), "LO", "US SSA") +
                                  del_((0x10, 0x22), "CS", "TEXT"),
                                  del_((0x10, 0x20), "LO", "M8%06d" % c["n"]) + del_((0x10, 0x21), "LO", "MERCY")])
    el = patient_elems(c, issuer="SSA", pid_value=c["ssn9"])
    cut = el.index(struct.pack("<HH", 0x10, 0x30))
    el = el[:cut] + el[cut:cut + 16] + other + el[cut + 16:]
    r = put("MercyHealth/pacs/MR/1.2.840.113619.2.55.3.5.1/IM000001.dcm", dicom(el))
    key("dicom_ssn_patient_id", r, [], planted={"ssn": [c["ssn9"]], "dob": dob(c)})
    # a DICOMDIR: directory records (0004,1220) whose PATIENT record holds name, id and birth date
    d, e = person(), person()
    recs = []
    for p in (d, e):
        recs.append(del_((4, 0x1400), "UL", struct.pack("<I", 0)) + del_((4, 0x1430), "CS", "PATIENT") +
                    del_((0x10, 0x10), "PN", "%s^%s" % (p["last"].upper(), p["first"].upper())) +
                    del_((0x10, 0x20), "LO", "M8%06d" % p["n"]) + del_((0x10, 0x30), "DA", ymd(p)))
    ddir = dicom(del_((4, 0x1130), "CS", "MERCY_CD_0204") + dseq((4, 0x1220), recs), sop="1.2.840.10008.1.3.10")
    r = put("MercyHealth/pacs/export_cd/DICOMDIR", ddir)
    key("dicomdir", r, [], planted={"dob": dob(d, e)}, entities_only=["dob"])
    # a study zipped for a referring physician
    f, g = person(), person()
    z = hc.zipb([("STUDY1/IM%04d.dcm" % i, dicom(patient_elems(p))) for i, p in enumerate((f, g))])
    r = put("MercyHealth/outbox/study_for_dr_kerr.zip", z)
    key("dicom_in_zip", r, None, planted_under={"dob": dob(f, g), "phone": phone(f, g)})
    # cut in the pixel data: what came before is read, the object says it was cut
    h = person()
    full = dicom(patient_elems(h, pixels=65536))
    r = put("MercyHealth/pacs/CT/1.2.840.113619.2.55.3.4.9/IM000007.dcm", full[:len(full) - 40000])
    key("dicom_cut_pixels", r, [], planted={"dob": dob(h), "phone": phone(h)}, coverage="partial",
        reasons_any=["truncated"])
    # decoy-only DICOM: a phantom scan, no patient (an anonymised QA image): UIDs, dates, device serials
    el = (del_((8, 0x20), "DA", "20150203") + del_((8, 0x70), "LO", "GE MEDICAL SYSTEMS") +
          del_((0x10, 0x10), "PN", "PHANTOM^QA") + del_((0x10, 0x20), "LO", "QA20150203") +
          del_((0x18, 0x1000), "LO", "1234567893") + del_((0x20, 0x0D), "UI", "1.2.840.113619.2.55.3.604688119") +
          del_((0x7FE0, 0x10), "OW", hc_noise(8192, 77)))
    r = put("MercyHealth/pacs/QA/phantom_20150203.dcm", dicom(el))
    key("dicom_phantom_clean", r, [], no_findings=True)


def dicom_more_cases():
    import zlib
    # explicit VR big endian (retired, still on old archives)
    a = person()
    el = patient_elems(a)
    r = put("MercyHealth/pacs/old/IM_BE_0001.dcm", dicom(to_big_endian(el), ts="1.2.840.10008.1.2.2"))
    key("dicom_big_endian", r, [], planted={"dob": dob(a), "phone": phone(a)})
    # deflated explicit VR little endian: the data set is a raw deflate stream
    b = person()
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    ds = co.compress(patient_elems(b)) + co.flush()
    r = put("MercyHealth/pacs/SR/deflated_0001.dcm", dicom(ds, ts="1.2.840.10008.1.2.1.99"))
    key("dicom_deflated", r, [], planted={"dob": dob(b), "phone": phone(b)})
    # UTF-8 (ISO_IR 192): a name with accents, an e-mail address in the patient comments
    c = person()
    el = (del_((8, 5), "CS", "ISO_IR 192") + del_((0x10, 0x10), "PN", "M\u00fcller^Zo\u00eb".encode("utf-8")) +
          del_((0x10, 0x20), "LO", "M8%06d" % c["n"]) + del_((0x10, 0x30), "DA", ymd(c)) +
          del_((0x10, 0x4000), "LT", "Send results to %s" % c["email"]))
    r = put("MercyHealth/pacs/US/IM_UTF8_0001.dcm", dicom(el))
    key("dicom_utf8_comments", r, [], planted={"dob": dob(c), "email": [c["email"]]})
    # encapsulated JPEG pixel data (fragments of undefined length), then a private text element after it
    d = person()
    frags = (struct.pack("<HHI", 0xFFFE, 0xE000, 0) + struct.pack("<HHI", 0xFFFE, 0xE000, 1024) + hc_noise(1024, 9) +
             struct.pack("<HHI", 0xFFFE, 0xE0DD, 0))
    el = (del_((0x10, 0x10), "PN", "%s^%s" % (d["last"].upper(), d["first"].upper())) +
          del_((0x10, 0x30), "DA", ymd(d)) + struct.pack("<HH2sHI", 0x7FE0, 0x10, b"OB", 0, 0xFFFFFFFF) + frags +
          del_((0x7FE1, 0x10), "LO", "MERCY PACS") + del_((0x7FE1, 0x1001), "LT", "Burn request by %s" % d["email"]))
    r = put("MercyHealth/pacs/CR/IM_JPEG_0001.dcm", dicom(el, ts="1.2.840.10008.1.2.4.50"))
    key("dicom_encapsulated_then_text", r, [], planted={"dob": dob(d), "email": [d["email"]]})
    # a structured report: the findings text in a ContentSequence item quotes the patient's SSN
    n = person()
    item = (del_((0x40, 0xA040), "CS", "TEXT") +
            del_((0x40, 0xA160), "UT", "Pre-authorization for %s, SSN %s, approved." % (n["name"], n["ssn9"])))
    el = (del_((0x10, 0x10), "PN", "%s^%s" % (n["last"].upper(), n["first"].upper())) +
          del_((0x10, 0x30), "DA", ymd(n)) + dseq((0x40, 0xA730), [item]))
    r = put("MercyHealth/pacs/SR/SR_preauth_0001.dcm", dicom(el, sop="1.2.840.10008.5.1.4.1.1.88.11"))
    key("dicom_sr_text_ssn", r, [], planted={"ssn": [n["ssn9"]], "dob": dob(n)})
    # cut inside the meta group: nothing to read, said so
    e = person()
    full = dicom(patient_elems(e))
    r = put("MercyHealth/pacs/CT/IM_cut_header.dcm", full[:150])
    key("dicom_cut_header", r, [], coverage="partial", reasons_any=["truncated"])
    # a bare ACR-NEMA data set, no preamble or DICM (old archives, some exports)
    f = person()
    r = put("MercyHealth/pacs/old/ACRNEMA_0001.ima", patient_elems(f, imp=True))
    key("dicom_bare_dataset", r, [], planted={"dob": dob(f), "phone": phone(f)})


def to_big_endian(el):
    """Re-encode explicit-VR little-endian elements (no sequences) big endian."""
    out, i = b"", 0
    while i < len(el):
        g, e, vr = struct.unpack_from("<HH2s", el, i)
        vrs = vr.decode()
        if vrs in LONG_VR:
            n = struct.unpack_from("<I", el, i + 8)[0]
            hdr, i = struct.pack(">HH2sHI", g, e, vr, 0, n), i + 12
        else:
            n = struct.unpack_from("<H", el, i + 6)[0]
            hdr, i = struct.pack(">HH2sH", g, e, vr, n), i + 8
        v = el[i:i + n]
        if vrs == "US":
            v = struct.pack(">H", struct.unpack("<H", v)[0])
        elif vrs in ("OW",):
            v = b"".join(v[k:k + 2][::-1] for k in range(0, len(v), 2))
        out += hdr + v
        i += n
    return out


# ---------------------------------------------------------------- decoys
def decoy_cases():
    rows = ["NPI,Provider Organization Name,Taxonomy,Enumeration Date,Last Update"]
    for i in range(6):
        rows.append("%s,MERCY CLINIC %d,207Q00000X,2007-05-23,2015-01-%02d" % (npi(145678902 + 1111 * i), i, 10 + i))
    r = put("AcmeBenefits/reference/npi_directory.csv", ("\n".join(rows) + "\n").encode())
    key("npi_directory_clean", r, [], no_findings=True)
    text = ("Claim PCN20150204001 (ICN 1501234567890), DOS 03/14/1975-03/14/1975? no: DOS 02/03/2015.\n"
            "Dx E11.9, I10, S72.001A; CPT 99213, 83036; HCPCS J1815. Rendering NPI %s, billing NPI %s.\n"
            "Member ID XYZ000000412, group GRP778412. Interchange control 000000905, GS 905, ST 0001.\n"
            "OIDs: 2.16.840.1.113883.19.5, 2.16.840.1.113883.6.1, 2.16.840.1.113883.4.6.\n"
            "Service date: 1975-03-14 (a data-entry error corrected in the 835).\n" % (npi(145678902), npi(156789003)))
    r = put("AcmeBenefits/claims/appeals/notes_PCN20150204001.txt", text.encode())
    key("claim_notes_decoys_clean", r, [], no_findings=True)


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (hl7_cases, x12_cases, fhir_cases, dicom_cases, decoy_cases, hl7_more_cases,
                            x12_more_cases, fhir_more_cases, dicom_more_cases))


CORPUS = {HOSP + "/archive/2015-02-05/ADT_A08_MSG00003.hl7": "hl7/h12_own_separators.hl7",
          HOSP + "/archive/2015-02-04/ORU_R01_MSG00004.hl7": "hl7/h12_escapes.hl7",
          HOSP + "/captures/mllp_port6661_20150204.bin": "hl7/h12_mllp.bin",
          HOSP + "/archive/2015-02-07/ADT_A08_MSG00010.hl7": "hl7/h12_nk1_gt1_in1.hl7",
          BEN + "/outbound/834_ACME_20150204.edi": "x12/h12_834.edi",
          BEN + "/outbound/834_ACME_20150206.dat": "x12/h12_834_control.dat",
          BEN + "/outbound/834_ACME_combined.edi": "x12/h12_two_isa.edi",
          BEN + "/claims/837I_20150204.edi": "x12/h12_837i.edi",
          "MercyHealth/pacs/MR/1.2.840.113619.2.55.3.5.1/IM000001.dcm": "dicom/h12_sequence.dcm",
          "MercyHealth/pacs/CT/1.2.840.113619.2.55.3.4.2/IM000001": "dicom/h12_implicit.dcm",
          "MercyHealth/pacs/export_cd/DICOMDIR": "dicom/h12_DICOMDIR",
          "MercyHealth/pacs/old/ACRNEMA_0001.ima": "dicom/h12_bare.ima",
          "MercyHealth/pacs/old/IM_BE_0001.dcm": "dicom/h12_big_endian.dcm",
          "MercyHealth/pacs/SR/deflated_0001.dcm": "dicom/h12_deflated.dcm",
          "MercyHealth/pacs/CR/IM_JPEG_0001.dcm": "dicom/h12_encapsulated.dcm",
          HOSP + "/captures/mllp_port6661_20150209_cut.bin": "hl7/h12_mllp_cut.bin",
          BEN + "/outbound/834_ACME_20150213_partial.edi": "x12/h12_cut.edi",
          BEN + "/claims/837D_20150204.edi": "x12/h12_837d_pipes.edi",
          "AcmeBenefits/pharmacy/ncpdp_claims_20150204.dat": "ncpdp/h12_claims.dat",
          HOSP + "/engine/logs/adt_in.log": "hl7/h12_engine.log",
          HOSP + "/xml/ADT_A01_X0001.xml": "hl7/h12_v2.xml",
          BEN + "/tickets/INC0041177_834_fragment.txt": "x12/h12_st_only.txt"}


if __name__ == "__main__":
    hc.main(generate, lambda outdir: hc.corpus_copy(generate, CORPUS, outdir))
