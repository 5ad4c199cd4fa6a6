#!/usr/bin/env python3
"""Files for the gaps of the fourteenth keyed dump (make_hostile13.py) that
the readers close: labels that stand after their value, tables whose
columns one blank separates, HL7 text in a single-byte code page;
tests/e2e/test_gaps.py.

    gen_gaps.py OUTDIR

Written from scratch with Python's standard library (all values fake):
- iso_ids.xml: an ISO 20022 customer credit transfer (pain.001) whose
  debtor's private identification is <Othr><Id>SSN</Id><SchmeNm><Cd>SOSE
  </Cd></SchmeNm></Othr> (the scheme after the value) and a second person's
  passport number under scheme CCPT; a third <Othr> with scheme CUST (a
  customer number: no SSN);
- id_type.xml: another schema's <Identification><Number>..</Number>
  <Type>SSN</Type></Identification>;
- workers.json: an HRIS API's governmentIDs ({"idValue": ..., "nameCode":
  {"codeValue": "SSN"}}) and an object {"type": "SSN", "number": ...};
  a third id whose code names a tax number of another kind (no SSN);
- staff_fixed.txt: a fixed-width export whose header separates its columns
  by one blank ("EMPL SSN       SURNAME         GIVEN NAME  BORN"), the
  SSN column glued to the employee number by one blank in each row;
- adt_latin1.hl7: an HL7 ADT message in ISO 8859-1 (MSH-18 8859/1) with
  accented names; adt_greek.hl7: one in ISO 8859-7 (MSH-18 8859/7);
  adt_utf8_stray.hl7: UTF-8 (MSH-18 UNICODE UTF-8) with one stray Latin-1
  byte in a note: read as UTF-8 still (not as Windows-1252).
The key maps each file to what the test checks.
"""
import json
import os
import sys

SSN1 = "536221874"
SSN2 = "536417720"
SSN3 = "529364118"
SSN4 = "541207736"
SSN5 = "538116204"
PASSPORT = "X48201937"
CUST = "537114826"


def iso_doc(body):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">\n' + body + '</Document>\n')


def othr(value, code):
    return "<Othr><Id>%s</Id><SchmeNm><Cd>%s</Cd></SchmeNm></Othr>" % (value, code)


def iso_ids():
    def party(role, name, ids):
        return ("<%s><Nm>%s</Nm><Id><PrvtId>%s</PrvtId></Id></%s>\n" % (role, name, "".join(ids), role))
    body = ("<CstmrCdtTrfInitn><GrpHdr><MsgId>GAPS-0001</MsgId><NbOfTxs>2</NbOfTxs></GrpHdr>\n"
            "<PmtInf><PmtInfId>P-0001</PmtInfId>\n"
            + party("Dbtr", "Hanna Lindqvist", [othr(SSN1, "SOSE")])
            + "<CdtTrfTxInf><PmtId><EndToEndId>E2E-0001</EndToEndId></PmtId>\n"
            + party("Cdtr", "Rafael Duarte", [othr(PASSPORT, "CCPT"), othr(CUST, "CUST")])
            + "</CdtTrfTxInf></PmtInf></CstmrCdtTrfInitn>\n")
    return iso_doc(body).encode()


def id_type():
    return ('<?xml version="1.0"?>\n<Employees><Employee><Name>Mei Tanaka</Name>\n'
            '<Identification><Number>%s</Number><Type>SSN</Type></Identification>\n'
            '<Identification><Number>48-1234</Number><Type>BADGE</Type></Identification>\n'
            '</Employee></Employees>\n' % SSN2).encode()


def workers():
    doc = {"workers": [
        {"associateOID": "G3Q8P2ZK9001",
         "person": {"legalName": {"givenName": "Omar", "familyName1": "Haddad"},
                    "governmentIDs": [{"itemID": "9200001", "idValue": SSN3,
                                       "nameCode": {"codeValue": "SSN", "shortName": "Social Security Number"}},
                                      {"itemID": "9200002", "idValue": SSN5,
                                       "nameCode": {"codeValue": "FEIN", "shortName": "Federal EIN"}}]}},
        {"associateOID": "G3Q8P2ZK9002",
         "person": {"ids": [{"type": "SSN", "number": SSN4}]}}]}
    return (json.dumps(doc, indent=2) + "\n").encode()


def staff_fixed():
    rows = [("E101", SSN1, "LINDQVIST", "HANNA", "1971-04-09"),
            ("E102", SSN2, "DUARTE", "RAFAEL", "1983-11-23"),
            ("E103", SSN3, "HADDAD", "OMAR", "1990-02-17")]
    lines = ["EMPL SSN       SURNAME         GIVEN NAME  BORN"]
    for r in rows:
        lines.append("%-4s %-9s %-15s %-11s %s" % r)
    return ("\r\n".join(lines) + "\r\n").encode()


def hl7(charset, family, given, codec):
    segs = ["MSH|^~\\&|ADT1|GOOD HEALTH HOSPITAL|GHH LAB|GHH|201411240830||ADT^A01|MSG00001|P|2.5|||||%s|%s"
            % ("GRC" if "7" in charset else "DEU", charset),
            "EVN|A01|201411240830",
            "PID|1||PATID1234^^^GHH^MR||%s^%s^^^^^L||19750314|F|||Hauptstra\u00dfe 1^^Berlin^^10115^DEU" % (family, given)
            if codec == "iso-8859-1" else
            "PID|1||PATID1234^^^GHH^MR||%s^%s^^^^^L||19750314|F" % (family, given),
            "PV1|1|I|2000^2012^01"]
    return ("\r".join(segs) + "\r").encode(codec)


def generate(out):
    os.makedirs(out, exist_ok=True)
    files = {
        "iso_ids.xml": iso_ids(),
        "id_type.xml": id_type(),
        "workers.json": workers(),
        "staff_fixed.txt": staff_fixed(),
        "adt_latin1.hl7": hl7("8859/1", "M\u00fcller", "J\u00fcrgen", "iso-8859-1"),
        "adt_greek.hl7": hl7("8859/7", "\u03a0\u03b1\u03c0\u03b1\u03b4\u03cc\u03c0\u03bf\u03c5\u03bb\u03bf\u03c2",
                             "\u0395\u03bb\u03ad\u03bd\u03b7", "iso-8859-7"),
    }
    # UTF-8 named by MSH-18, one stray Latin-1 byte in a note: the rest stays UTF-8
    files["adt_utf8_stray.hl7"] = hl7("UNICODE UTF-8", "M\u00fcller", "J\u00fcrgen", "utf-8") + \
        "NTE|1||Caf\u00e9 visit\r".encode("iso-8859-1")
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    return {
        "iso_ids.xml": {"ssn": [SSN1], "passport": [PASSPORT], "not_ssn": [CUST]},
        "id_type.xml": {"ssn": [SSN2]},
        "workers.json": {"ssn": [SSN3, SSN4], "not_ssn": [SSN5]},
        "staff_fixed.txt": {"ssn": [SSN1, SSN2, SSN3]},
        "adt_latin1.hl7": {"text": ["M\u00fcller", "J\u00fcrgen", "Hauptstra\u00dfe"]},
        "adt_utf8_stray.hl7": {"text": ["M\u00fcller", "J\u00fcrgen", "Caf"]},
        "adt_greek.hl7": {"text": ["\u03a0\u03b1\u03c0\u03b1\u03b4\u03cc\u03c0\u03bf\u03c5\u03bb\u03bf\u03c2",
                                   "\u0395\u03bb\u03ad\u03bd\u03b7"]},
    }


if __name__ == "__main__":
    if len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)
