#!/usr/bin/env python3
# Writes rules/pii/pii.yar (secrets and markings: rules/secrets/mksecrets.py).
# The long literal alternations (SSN groups, card prefixes, "x@" pairs) exist
# to give YARA two-to-four byte atoms; see docs/rules.md. Edit here, rerun,
# and run tests/e2e/test_rules_pack.py.
import os
R=os.path.dirname(os.path.abspath(__file__))
def meta(cat, ent, sev, desc, validator=None, redact=None):
    m=['        category = "%s"'%cat,'        entity = "%s"'%ent,'        severity = "%s"'%sev]
    if validator: m.append('        validator = "%s"'%validator)
    if redact: m.append('        redact = "%s"'%redact)
    m.append('        description = "%s"'%desc)
    return "\n".join(m)
def rule(name, m, strings, cond):
    s="rule %s\n{\n    meta:\n%s\n    strings:\n"%(name,m)
    for k,v in strings: s+="        %s = %s\n"%(k,v)
    s+="    condition:\n        %s\n}\n"%cond
    return s
def alt(xs): return "("+"|".join(xs)+")"
D="0123456789"
LB_NUM=r"(^|[^0-9A-Za-z-])"
hdr=lambda t: "/*\n * %s\n * Generated layout, hand-tuned regexes: see docs/rules.md. Every string\n * must compile without YARA's \"slow down scanning\" warning\n * (tests/e2e/test_rules_pack.py).\n */\n\n"%t

# ---------------- PII
ssn_mid=alt(["-%02d-"%i for i in range(1,100)])
pii=hdr("PII rules: namespace pii.")
pii+=rule("pii_ssn_formatted", meta("pii","ssn","critical","US Social Security number written ddd-dd-dddd (SSA rules since 2011, known fakes rejected)","ssn","last4"),
  [("$ssn", "/%s[0-9]{3}%s[0-9]{4}([^0-9A-Za-z-]|$)/"%(LB_NUM,ssn_mid))], "$ssn")
ctx=r"((\b|_)ssn|\b(ss|s\.s\.) ?(#|no\.?|num)|soc(ial|\.)?[ _-]?sec(urity|\.)?|seguro[ _-]?social)([ _-]?(number|no\.?|num|nbr|full|#))?( ?(\/ ?i?tin|\([a-z ]{1,20}\)))?( is| was)?"
pii+="\n"+rule("pii_ssn_context", meta("pii","ssn","critical","US SSN without dashes (9 digits or ddd dd dddd) right after SSN, SS#, SS No, social security (number), soc. sec. no, Spanish (numero de) seguro social, or a camel-case key ending in SSN (PrimarySSN, employeeSsn)","ssn_context","last4"),
  [("$ssn9", "/%s([^0-9A-Za-z\\n]{0,8}number(long|int|double|decimal))?[^0-9A-Za-z\\n]{0,16}[0-9]{9}([^0-9]|$)/ nocase"%ctx),
   ("$ssn_spaced", "/%s[^0-9A-Za-z\\n]{0,16}[0-9]{3} [0-9]{2} [0-9]{4}([^0-9]|$)/ nocase"%ctx),
   # an identifier whose system or type names it (FHIR: the us-ssn system in JSON or XML, the v2-0203
   # type code SS) or whose root is the SSA's OID (C-CDA, either attribute order: the locator reads the
   # value after extension= when the match starts there)
   ("$ssn_fhir", r"""/us-ssn["']?[ \t]*(,[ \t\r\n]*"value"[ \t]*:[ \t]*"|\/>[ \t\r\n]*<value value=["'])[0-9]{9}["']/"""),
   ("$ssn_fhir_type", r"""/"code"[ \t]*:[ \t]*"SS"[^\[\]{}]{0,80}\}[ \t\r\n]*\][ \t\r\n]*\}[ \t\r\n]*,[ \t\r\n]*("system"[ \t]*:[ \t]*"[^"\n]{0,80}"[ \t\r\n]*,[ \t\r\n]*)?"value"[ \t]*:[ \t]*"[0-9]{9}"/"""),
   ("$ssn_cda", r"""/root=["']2\.16\.840\.1\.113883\.4\.1["'][ \t\r\n]+extension=["'][0-9]{9}["']/"""),
   ("$ssn_cda_ext", r"""/extension=["'][0-9]{9}["'][ \t\r\n]+root=["']2\.16\.840\.1\.113883\.4\.1["']/"""),
   # a camel-case key or tag that ends in SSN (PrimarySSN, SpouseSSN, EmployeeSSN of IRS e-file XML;
   # employeeSsn of JSON APIs): case-sensitive, so "Assn." (association) is no label
   ("$ssn_camel", "/[a-z](SSN|Ssn)(Id|ID|Nbr|Num|Number|No)?[^0-9A-Za-z\\n]{0,16}[0-9]{9}([^0-9]|$)/")], "any of them")
# an SSN an HR system or a form names by its structure (hostile20g: Workday, PeopleSoft, a PDF form field)
pii+="\n"+rule('pii_ssn_typed_national_id', meta("pii","ssn","critical",'US SSN that an HR system or a form names one by its structure: Workday\'s National_ID_Data (<wd:ID>536228714</wd:ID> then an ID_Type_Reference whose National_ID_Type_Code is USA-SSN: the value before its type), PeopleSoft\'s PERS_NID (NATIONAL_ID_TYPE PR, the US SSN, then NATIONAL_ID), a form field named SSN or social security (number) whose value stands alone on the next line (a PDF form\'s field form1[0].Section4[0].SSN[0] or SocialSecurityNumber, as leaksift text prints a field: its name, then its value), an FDF form-data file\'s field (/T (form1[0].SSN[0]) /V (536228714), as Acrobat exports a form\'s data), and an HTML form\'s input named ...ssn whose value attribute holds nine digits (<input name=\\"StudentSSN\\" value=\\"536228714\\">, a saved admin page)','ssn_context','last4'),
  [('$workday', '/<(wd:)?ID>[0-9]{9}<\\/(wd:)?ID>[ \\t\\r\\n]{0,8}<(wd:)?ID_Type_Reference[^>\\n]{0,80}>[ \\t\\r\\n]{0,8}<(wd:)?ID (wd:)?type="National_ID_Type_Code">USA-SSN</'),
   ('$psoft', '/<NATIONAL_ID_TYPE[^>\\n]{0,40}>PR<\\/NATIONAL_ID_TYPE>[ \\t\\r\\n]{0,8}(<[A-Z_]{1,30}[^<>\\n]{0,40}>[^<\\n]{0,40}<\\/[A-Z_]{1,30}>[ \\t\\r\\n]{0,8}){0,3}<NATIONAL_ID( [^>\\n]{0,40})?>[0-9]{9}</'),
   ('$field', '/((\\b|_)ssn|soc(ial)?[ _.-]?sec(urity)?([ _.-]?(number|no|num|nbr))?)(\\[[0-9]{1,3}\\])?[ \\t]*\\r?\\n[ \\t]*[0-9]{9}[ \\t]*(\\r|\\n|$)/ nocase'),
   ('$fdf', '/\\/T ?\\([^()\\r\\n]{0,60}(ssn|social ?security ?(number|no)?)(\\[[0-9]{1,3}\\])?\\) ?\\/V ?\\([0-9]{9}\\)/ nocase'),
   ('$input', '/<input[^<>]{0,120}[ \\t\\r\\n]name=["\']?[A-Za-z0-9_.\\[\\]-]{0,30}ssn(_?(number|no|num|nbr))?["\'][^<>]{0,120}[ \\t\\r\\n]value=["\'][0-9]{9}["\']/ nocase')], 'any of them')
# a date of birth as an indexed form field's value on the next line (hostile20g)
pii+="\n"+rule('pii_dob_form_field', meta("pii","dob","medium","Date of birth as a form field's value standing alone on the line after the field's name, the name indexed as XFA and AcroForm names are (form1[0].dateOfBirth[0], DOB[0], Birth_Date[1]: as leaksift text prints a PDF form field, its name then its value), which pii_dob_context does not take (a digit inside the brackets); and an FDF form-data file's field named so (/T (DateOfBirth) /V (03/14/1975))",'dob','mask'),
  [('$field', '/(date[ _-]?of[ _-]?birth|birth[ _-]?date|\\bdob)\\[[0-9]{1,3}\\][ \\t]*\\r?\\n[ \\t]*[0-9]{1,4}[\\/.-][0-9]{1,2}[\\/.-][0-9]{2,4}[ \\t]*(\\r|\\n|$)/ nocase'),
   ('$fdf', '/\\/T ?\\([^()\\r\\n]{0,60}(date ?of ?birth|birth ?date|dob)(\\[[0-9]{1,3}\\])?\\) ?\\/V ?\\([0-9]{1,4}[\\/.-][0-9]{1,2}[\\/.-][0-9]{2,4}\\)/ nocase')], 'any of them')
# Maestro and old JCB issuer numbers of 4 digits (Maestro numbers may have 12 digits)
cc4="5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800".split("|")
CARD_LB=r"(^|[^0-9A-Za-z_ .-]|[^0-9][ .])"
CARD_RB=r"([^0-9A-Za-z.-]|[.-][^0-9A-Za-z]|[.-]$|$)"
cc="40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65".split("|")
pii+="\n"+rule("pii_credit_card", meta("pii","credit_card","critical","Payment card number (Visa, Mastercard, Amex, Discover, JCB, Diners, Maestro), plain or grouped by spaces/dashes; Luhn and brand length checked; a 13-digit number that is also an EAN-13 barcode only after a card word","luhn","last4"),
  [("$card", r"/%s%s[0-9 -]{10,21}[0-9]%s/"%(CARD_LB,alt(cc),CARD_RB)),
   ("$card_iin4", r"/%s%s[0-9 -]{7,17}[0-9]%s/"%(CARD_LB,alt(cc4),CARD_RB)),
   ("$card_visa13", r"/(card|visa|\bcc[ #:.n]|\bpan[ #:.n]|karte|carte|tarjeta)[^0-9\n]{0,24}4[0-9]{12}([^0-9]|$)/ nocase")], "any of them")
ib="AD AE AL AT AZ BA BE BG BH BI BR BY CH CR CY CZ DE DJ DK DO EE EG ES FI FK FO FR GB GE GI GL GR GT HR HU IE IL IQ IR IS IT JO KW KZ LB LC LI LT LU LV LY MC MD ME MK MN MR MT MU NI NL NO OM PK PL PS PT QA RO RS RU SA SC SD SE SI SK SM SO ST SV TL TN TR UA VA VG XK YE".split()
pii+="\n"+rule("pii_iban", meta("pii","iban","high","International Bank Account Number, compact or in groups of four (lower case right after IBAN; a line break may stand between two groups, as PDF text wraps them); country length and mod-97 checked","iban","last4"),
  [("$iban", r"/\b%s[0-9]{2}( ?\n?[A-Z0-9]{4}){2,7}( ?\n?[A-Z0-9]{1,4})?\b/"%alt(ib)),
   ("$iban_labelled", r"/(iban|IBAN|Iban)[^A-Za-z0-9\n]{0,4}[a-z]{2}[0-9]{2}( ?\n?[a-z0-9]{4}){2,7}( ?\n?[a-z0-9]{1,4})?\b/"),
   # printed in the groups of the national account number, not of four: France and Monaco's RIB
   # (FR76 30006 00001 12345678901 89), Spain's CCC (ES91 2100 0418 45 0200051332), Italy's
   # CIN/ABI/CAB (IT60 X 05428 11101 000000123456), Portugal's NIB, a UK sort code and account
   ("$iban_national", r"/\b%s[0-9]{2}( [A-Z0-9]{1,12}){3,7}\b/"%alt("FR MC ES IT SM PT GB IE BE".split()))], "any of them")
loc=[c+"@" for c in "abcdefghijklmnopqrstuvwxyz0123456789_"]+[r"\-@",r"\+@","%@"]
pii+="\n"+rule("pii_email", meta("pii","email","low","E-mail address (TLD delegated or example/test; asset names such as logo@2x.png rejected; not the parts of an address cut by a quoted-printable soft line break; also after a vCard EMAIL;TYPE=...: property)","email","email"),
  [("$email", r"/(^\r?\n?|[^=\r\n]\r?\n|\n\r?\n|[^a-z0-9._%%+:!#$&*?^~\r\n-]|(^|[^a-z])(mailto|e-?mail|mail|contact|from|to|cc|bcc|reply-to|sender|login|address):|[\r\n](item[0-9]{1,3}\.)?email;[a-z0-9=,;\"-]{1,60}:)([a-z0-9._%%+-]|[\x80-\xff]){0,63}%s([a-z0-9-]|[\x80-\xff]){1,63}(\.([a-z0-9-]|[\x80-\xff]){1,63}){0,8}\.[a-z]{2,24}([^=a-z]|=[^\r\n]|$)/ nocase"%alt(loc)),
   # a local part ending in a Latin letter of U+00C0-U+017F (UTF-8 C3-C5 +
   # one continuation byte): three-byte atoms, one string per lead byte (YARA
   # takes at most 128 alternatives for atoms). Any non-ASCII last letter
   # (two-byte atoms "continuation byte, @") cost 13% more CPU on real office
   # files, whose compressed bytes are full of such pairs.
  ]+[("$email_utf8_%x"%b, r"/([a-z0-9._%%+-]|[\x80-\xff]){0,62}%s([a-z0-9-]|[\x80-\xff]){1,63}(\.([a-z0-9-]|[\x80-\xff]){1,63}){0,8}\.[a-z]{2,24}([^=a-z]|=[^\r\n]|$)/ nocase"%alt([r"\x%02x\x%02x@"%(b,c) for c in range(0x80,0xc0)])) for b in (0xc3,0xc4,0xc5)], "any of them")
LBP=r"(^|[^0-9A-Za-z+ .-]|[^0-9+] |^ )"
dash=alt(["-"+d for d in D]); dot=alt([r"\."+d for d in D])
PHONE_LABEL=r"(phone|\btel(efon|efono|\xc3\xa9fono|\xc3\xa9phone)?|mobile|\bmob|\bcell|\bfax|\bph[.:]|\bcontact[ _-]?(number|no\b\.?|nr\.?|#)|\bcall me( on| at)?|\bring me( on)?|\btext me( on| at)?|\breach me( on| at)?|\bwhatsapp)"
def utf8_alt(words):
    """Literal UTF-8 words as regex bytes, each as written, in upper case and title case."""
    out=[]
    for w in words:
        for v in (w, w.upper(), w[:1].upper()+w[1:]):
            e="".join("\\x%02x"%b for b in v.encode("utf-8"))
            if e not in out: out.append(e)
    return alt(out)
# phone and birth-date labels of other scripts, for text the text handler decodes from windows-1251,
# KOI8-R, GBK, Big5, EUC-KR, windows-1253/1255/1256 (telefon, mobilnyj; dianhua, shouji; jeonhwa,
# hyudaepon; tilefono; telefon; hatif / data rozhdeniya; chusheng riqi; saengnyeorworil; ...): their own
# strings, as one regex of every label is too complex for YARA; nocase is ASCII only, so utf8_alt lists
# each as written, in capitals and capitalised
INTL_PHONE_LABEL=utf8_alt(["\u0442\u0435\u043b\u0435\u0444\u043e\u043d", "\u0442\u0435\u043b", "\u043c\u043e\u0431\u0438\u043b\u044c\u043d\u044b\u0439", "\u043c\u043e\u0431", "\u0441\u043e\u0442\u043e\u0432\u044b\u0439",
    "\u7535\u8bdd", "\u624b\u673a", "\u624b\u6a5f", "\uc804\ud654", "\ud734\ub300\ud3f0", "\ud578\ub4dc\ud3f0", "\uc5f0\ub77d\ucc98",
    "\u03c4\u03b7\u03bb\u03ad\u03c6\u03c9\u03bd\u03bf", "\u03c4\u03b7\u03bb", "\u03ba\u03b9\u03bd\u03b7\u03c4\u03cc", "\u05d8\u05dc\u05e4\u05d5\u05df", "\u05e0\u05d9\u05d9\u05d3",
    "\u0647\u0627\u062a\u0641", "\u062c\u0648\u0627\u0644", "\u0645\u0648\u0628\u0627\u064a\u0644", "\u062a\u0644\u0641\u0648\u0646",
    "\u043c\u043e\u0431\u0456\u043b\u044c\u043d\u0438\u0439"])
INTL_DOB_WORDS=utf8_alt(["\u0434\u0430\u0442\u0430 \u0440\u043e\u0436\u0434\u0435\u043d\u0438\u044f", "\u0434\u0430\u0442\u0430 \u0440\u043e\u0436\u0434.", "\u51fa\u751f\u65e5\u671f", "\u51fa\u751f\u5e74\u6708\u65e5",
    "\uc0dd\ub144\uc6d4\uc77c", "\u03b7\u03bc\u03b5\u03c1\u03bf\u03bc\u03b7\u03bd\u03af\u03b1 \u03b3\u03ad\u03bd\u03bd\u03b7\u03c3\u03b7\u03c2", "\u05ea\u05d0\u05e8\u05d9\u05da \u05dc\u05d9\u05d3\u05d4", "\u062a\u0627\u0631\u064a\u062e \u0627\u0644\u0645\u064a\u0644\u0627\u062f",
    "\u062a\u0627\u0631\u064a\u062e \u0627\u0644\u0648\u0644\u0627\u062f\u0629", "\u0434\u0430\u0442\u0430 \u043d\u0430\u0440\u043e\u0434\u0436\u0435\u043d\u043d\u044f", "\u751f\u65e5", "\uc0dd\uc77c"])
# Spanish, Portuguese and German labels (Movil, Tfno., Tlf., Fone, Telemovel, Rufnummer) and Japanese
# (denwa, keitai: the UTF-8 of their kanji)
# a qualifier word after the label names the kind of line: Tel\xc3\xa9fono m\xc3\xb3vil, Telefone celular,
# Telefono cellulare, Telefon kom\xc3\xb3rkowy; Polish "Numer telefonu" (genitive)
NATIONAL_LABEL=r"(phone|\bt\xc3\xa9l|\btel(efon[eo]?|\xc3\xa9fono) (m\xc3\xb3vil|movil|celular|cellulare|mobil|kom\xc3\xb3rkowy|komorkowy)|\btel(efonu|efon|efono|efone|efoon|\xc3\xa9fono|\xc3\xa9phone)?|\bmobile?|\bmobiel|\bmob|\bgsm|\bportable|\bhandy|\bcell|\bcelular|\bfax|\bph[.:]|\bcontact[ _-]?(number|no\b\.?|nr\.?|#)|\bcall me( on| at)?|\bring me( on)?|\btext me( on| at)?|\breach me( on| at)?|\bwhatsapp|\bm\xc3\xb3vil|\bmovil|\btfno|\btlfno|\btlf|\bfone|\btelem\xc3\xb3vel|\btelemovel|\brufnummer|\xe9\x9b\xbb\xe8\xa9\xb1|\xe6\x90\xba\xe5\xb8\xaf|phone au|\bcellulare|\btel\. ?kom\.?|\bkom\xc3\xb3rka|\bfon[ :.]|puhelin|\bcel[.:])"
LABEL_TAIL=r"\.?([ _-]?(number|nummer|telefon|\xe9\x9b\xbb\xe8\xa9\xb1|\xe7\x95\xaa\xe5\x8f\xb7|\xe5\x8f\xb7\xe7\xa0\x81|\xe8\x99\x9f\xe7\xa2\xbc|\xeb\xb2\x88\xed\x98\xb8|no\.?|nr\.?|#))?([ _-]?\([a-z ]{2,12}\))?( ?\/ ?(fax|tel\.?|text|sms))?[\"']?[ \t]{0,16}([:#=]|\xef\xbc\x9a)?[ \t]{0,16}[\"']?"
pii+="\n"+rule("pii_phone_nanp", meta("pii","phone","low",r'''North American phone number (212) 555-1234, 212-555-1234, 212.555.1234, optional +1 / 1- / 1 / 001- (a glued extension x1234 is not part of it); 2125551234, 212 555 1234 and 212 5551234 only after a label (Phone, Tel., Tel.-Nr., Telefon, Mobile, Mob., Cell#, Fax, Ph:, Phone (work), Tel/Fax, a JSON key \"phone\": \"...\"); NANP area/exchange rules''',"nanp","last4"),
  [("$dash", r"/%s(\+?1[ .-]?|001[ .-])?(\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}-)[2-9][0-9]{2}%s[0-9]{3}([^0-9A-Za-z-]|[xX][0-9]|$)/"%(LBP,dash)),
   ("$dot", r"/%s(\+?1[ .]|001[ .-])?[2-9][0-9]{2}\.[2-9][0-9]{2}%s[0-9]{3}([^0-9A-Za-z.-]|\.[^0-9A-Za-z]|\.$|[xX][0-9]|$)/"%(LBP,dot)),
   ("$labelled", r"/%s%s(\+?1 ?|001[ -]?)?[2-9][0-9]{2}[ -]?[2-9][0-9]{2} ?[0-9]{4}([^0-9]|$)/ nocase"%(PHONE_LABEL,LABEL_TAIL))], "any of them")
pii+="\n"+rule("pii_phone_national", meta("pii","phone","low",r'''A phone number in its country's national form right after a phone label (Phone, Tel., T\xc3\xa9l., Telefon, Telefoon, Mobile, Mobil, Handy, Cell, Celular, Fax, Ph:, Contact number, M\xc3\xb3vil, Tfno., Fone, Telefonnummer, Mobiltelefon, denwa/keitai in kanji, a JSON key): trunk prefix 0 and 9-13 digits (020 7946 0958, (0221) 1234567, 06 12 34 56 78, (03) 9123 4567), 00 and a country code, (11) 91234-5678, 03(1234)5678, 98765 43210 (India), 9 digits (912 345 678); a country named in the label (Tel (UK):, Mobile (DE):) gives the number its country code, as its +CC form has''',"phone_national","last4"),
  [("$national", r"/%s%s([0-9][ -]?)?\(?[0-9]{2,5}\)?( ?\(0\))?([ .\/-]{1,3}[0-9]{2,8}|\([0-9]{2,5}\)|[0-9]{1,8}){1,5}([^0-9A-Za-z]|$)/ nocase"%(NATIONAL_LABEL,LABEL_TAIL)),
   ("$national_intl", r"/%s%s([0-9][ -]?)?\(?[0-9]{2,5}\)?( ?\(0\))?([ .\/-]{1,3}[0-9]{2,8}|\([0-9]{2,5}\)|[0-9]{1,8}){1,5}([^0-9A-Za-z]|$)/ nocase"%(INTL_PHONE_LABEL,LABEL_TAIL))], "any of them")
plus=alt([r"\+"+d for d in "123456789"])
pii+="\n"+rule("pii_phone_e164", meta("pii","phone","low",r'''International phone number in E.164 form (+44 20 7183 8750, +44 (0)20 7183 8750, +55 (11) 91234-5678, +81 3-1234-5678, the country code in parentheses: (+44) 20 7183 8750, the trunk 0 in the area code's: +44 (020) 7183 8750, +38 (044) 123-45-67 of Ukraine's 380), and an MSISDN (the number without its '+' after msisdn, or after isdn as Huawei's HLR MML writes it: ISDN=\"12125550123\", or after a call record's A_NUMBER, B_NUMBER, calling/called/dialled/connected (party) number, or in a WhatsApp link: wa.me/4915123456789); country code and length checked''',"e164","last4"),
  [("$e164", r"/(^|[^0-9A-Za-z+])%s[0-9]{0,3}( ?\(0\)| ?\(0?[1-9][0-9]{0,3}\))?[0-9 .\/-]{6,18}[0-9]([^0-9]|$)/"%plus),
   ("$e164_paren", r"/\(%s[0-9]{0,3}\) ?(\(0\) ?)?[0-9][0-9 .-]{5,17}[0-9]([^0-9]|$)/"%plus),
   # an MSISDN: the E.164 number without its '+' ("msisdn": "4915123456789", MSISDN=447700900123)
   ("$msisdn", r"/msisdn[\"']?[ \t]{0,4}[:=][ \t]{0,4}[\"']?[1-9][0-9]{9,14}([^0-9]|$)/ nocase"),
   # a WhatsApp click-to-chat link: the number without its '+' (wa.me/4915123456789, api.whatsapp.com/send?phone=...)
   ("$whatsapp", r"/(\bwa\.me\/|whatsapp\.com\/send\/?\?phone=)[1-9][0-9]{9,14}([^0-9]|$)/ nocase"),
   # Huawei HLR MML names the MSISDN ISDN: ADD TPLSUB: ..., ISDN="12125550123" (hostile20t)
   ("$isdn", r"/\bisdn[\"']?[ \t]{0,4}[:=][ \t]{0,4}[\"']?[1-9][0-9]{9,14}([^0-9]|$)/ nocase"),
   # a call detail record's parties, E.164 without the '+' (A_NUMBER: 13125550123, called_number=447700900123;
   # hostile20t)
   ("$cdr_ab", r"/\b[ab][ _-]?(number|num|nbr|nr|no)[\"']?[ \t]{0,4}[:=][ \t]{0,4}[\"']?[1-9][0-9]{9,14}([^0-9]|$)/ nocase"),
   ("$cdr_party", r"/\b(calling|called|dialled|dialed|connected|redirecting)[ _-]?(party[ _-]?)?(number|num|nbr|nr|no)[\"']?[ \t]{0,4}[:=][ \t]{0,4}[\"']?[1-9][0-9]{9,14}([^0-9]|$)/ nocase")], "any of them")
pii+="\n"+rule("pii_passport_context", meta("pii","passport","high","Passport number right after passport (number/no/#, is, (country), document number), Reisepass(-Nr./nummer), Passnummer, passeport, pasaporte, passaporto, passaporte, paspoort(nummer), Polish paszport(u), Turkish pasaport, Finnish passin numero, Hungarian utlevel(szam), Romanian pasaport, ryoken bangou, an XML element <PassportNumber>, the number key (number, no, documentNumber) of a JSON or YAML object named passport (passportInfo, passport_details) (6-9 letters/digits, at least 5 digits; a German number of the 2017 alphabet after a German label)","passport","last4"),
  [("$passport", r"/(passport|reisepass|passeport|pasaporte|passaporto|passaporte|paspoort|paszport(u|em)?|\bpasaport|passin numero|(\xc3\xba|\xc3\x9a)tlev\xc3\xa9l(sz\xc3\xa1m)?|pa(\xc8\x99|\xc8\x98|\xc5\x9f|\xc5\x9e|s)aport|\bpassnummer|\bpass-?nr\.?|\xe6\x97\x85\xe5\x88\xb8|\xe3\x83\x91\xe3\x82\xb9\xe3\x83\x9d\xe3\x83\xbc\xe3\x83\x88)[ _-]?((document|doc\.?|id)[ _-]?)?(number|nummer|numero|n\xc3\xbamero|no\.?|num|nr\.?|n\.|#|n\xc2\xb0|n\xc2\xba|n\xba|\xe7\x95\xaa\xe5\x8f\xb7)?( is| ?\([a-z ]{2,20}\))?[\"']?[ \t]{0,16}([:#=>]|\xef\xbc\x9a)?[ \t]{0,16}[\"']?[A-Z0-9]{6,9}([^A-Za-z0-9-]|$)/ nocase"),
   # a nested object named for the passport (JSON "passport": {"number": ...}, "passportInfo":
   # {"documentNumber": ...}; YAML passport:/  no: ...), its number key first or after up to four
   # scalar members ("country": "GBR"; YAML: a key with no value opens another mapping and ends
   # the search); a "number" key of another object is no passport
   ("$nested", r"/\"passport([ _-]?(info|details|data|document))?\"[ \t]*:[ \t\r\n]*\{[ \t\r\n]*(\"[A-Za-z_]{1,24}\"[ \t]*:[ \t]*(\"[^\"\\{}\r\n]{0,40}\"|[0-9.]{1,12}|true|false|null)[ \t]*,[ \t\r\n]*){0,4}\"((document|doc|passport)[ _-]?)?(number|no|num|nr)\"[ \t]*:[ \t]*\"?[A-Z0-9]{6,9}([^A-Za-z0-9-]|$)/ nocase"),
   ("$yaml", r"/(^|\n)[ \t]*passport([ _-]?(info|details|data|document))?:[ \t]*\r?\n([ \t]+[A-Za-z_]{1,24}:[ \t]*[^ \t\r\n{}][^\r\n{}]{0,40}\r?\n){0,4}[ \t]+((document|doc|passport)[ _-]?)?(number|no|num|nr):[ \t]*[\"']?[A-Z0-9]{6,9}([^A-Za-z0-9-]|$)/ nocase")], "any of them")
pii+="\n"+rule("pii_passport_mrz", meta("pii","passport","high","Machine-readable zone of a passport (ICAO 9303 TD3, document code P<, PP, PD ...), all check digits verified; its two lines also joined by a space, an escaped \\\\n or as two JSON strings","mrz","last4"),
  [("$mrz", r"/(P<|PA|PB|PC|PD|PE|PF|PG|PH|PI|PJ|PK|PL|PM|PN|PO|PP|PQ|PR|PS|PT|PU|PV|PW|PX|PY|PZ)[A-Z<]{42}(\r?\n|[ \t]{1,2}|\\n|\"[ \t]*,[ \t\r\n]{0,40}\")[A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z0-9<]{14}[0-9<][0-9]/")], "$mrz")
DOB_WORDS=r"(date of birth|[d]ate[_-]?of[_-]?birth|birth[ _-]?date|birth[ _-]?time|birth[_-]?dt\b|birthday|\bbday|d\.o\.b\.?|\bdob|\bborn( on)?|geburtsdatum|\bgeb\.( am)?|\bgeboren( am| op)?|naiss(ance|\.)|nacimiento|nascita|nascimento|geboortedatum|f\xc3\xb8dselsdato|f\xc3\xb6delsedatum|data urodzenia|\bn\xc3\xa9(e|\(e\))? le|\bnacid[oa] el|\bnascid[oa] em|\bnat[oa] il|\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5|\xe8\xaa\x95\xe7\x94\x9f\xe6\x97\xa5|do(\xc4\x9f|\xc4\x9e|g)um[ _-]?tar(i|\xc4\xb0)hi|\btanggal lahir|\btgl\.? lahir|ng\xc3\xa0y sinh|datum narozen\xc3\xad)"
# after the label: blanks (forms align their values: "DOB:<tab>", "Date of Birth:      "), a
# separator, and the value on the same line or on the next one (PDF form text puts it there); an XML
# attribute named value after the element named for it (FHIR <birthDate value="1975-03-14"/>, C-CDA
# <birthTime value="19750314"/>), or PHP's serialize() (s:3:"dob";s:10:"1975-03-14")
DOB_GAP=r"[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?"
# an extended-JSON wrapper as mongoexport writes a date: "dob": {"$date": "1975-03-14T00:00:00Z"}
# the date's layout after the label names its order: DOB (MM/DD/YYYY), DOB [DD/MM/YYYY]
dctx=DOB_WORDS+r"[\"']?( ?[\(\[][a-z\/.-]{6,12}[\)\]])?"+DOB_GAP
# month names and abbreviations: English, German, French, Spanish, Italian, Dutch, Portuguese (UTF-8;
# a letter may be a two-byte Latin-1 one: mar\xc3\xa7o)
mon=r"(jan|feb|f\xc3\xa9v|fev|m\xc3\xa4r|mar|maa|apr|avr|abr|may|mai|mei|mag|jun|jui|giu|jul|lug|aug|ao\xc3\xbb|aou|ago|sep|set|oct|okt|ott|nov|dec|d\xc3\xa9c|dez|dic|ene|gen|out)[a-z\xc3\xa0-\xbf]{0,8}\.?"
MON_CYR=alt(["".join("\\x%02x"%b for b in w.encode()) for w in ["\u044f\u043d\u0432", "\u0444\u0435\u0432", "\u043c\u0430", "\u0430\u043f\u0440", "\u0438\u044e\u043d", "\u0438\u044e\u043b", "\u0430\u0432\u0433", "\u0441\u0435\u043d", "\u043e\u043a\u0442", "\u043d\u043e\u044f", "\u0434\u0435\u043a",
    "\u0441\u0456\u0447", "\u043b\u044e\u0442", "\u0431\u0435\u0440", "\u043a\u0432\u0456", "\u0442\u0440\u0430", "\u0447\u0435\u0440", "\u043b\u0438\u043f", "\u0441\u0435\u0440", "\u0432\u0435\u0440", "\u0436\u043e\u0432", "\u043b\u0438\u0441", "\u0433\u0440\u0443"]])
DOB_FORM_WORDS=r"(date[ _-]?of[ _-]?birth|birth[ _-]?date|d\.o\.b\.?|\bdob|data urodzenia|do(\xc4\x9f|\xc4\x9e|g)um[ _-]?tar(i|\xc4\xb0)hi)"
MON_PL_TR=r"(stycz|lut|marc|kwie|maj|czerw|lip|sierp|wrze|pa|listop|grud|ocak|\xc5\x9fubat|\xc5\x9eubat|subat|mart|nisan|may|haziran|temmuz|a\xc4\x9fustos|agustos|eyl|ekim|kas|aral)"
DOB_MORE_WORDS=r"(data na(s|\xc8\x99|\xc5\x9f)terii|sz(\xc3\xbc|\xc3\x9c|u)let(\xc3\xa9|\xc3\x89|e)si (id(\xc5\x91|\xc5\x90|o)|d(\xc3\xa1|\xc3\x81|a)tum)|syntym(\xc3\xa4|\xc3\x84|a)(aika|p(\xc3\xa4|\xc3\x84|a)iv(\xc3\xa4|\xc3\x84|a))|datum ro(\xc4\x91|d|dj)enja|d(\xc3\xa1|a)tum narodenia|gimimo data|dzim(\xc5\xa1|\xc5\xa0|s)anas datums|s(\xc3\xbc|\xc3\x9c|u)nni(aeg|kuup(\xc3\xa4|a)ev)|tarikh lahir|\bf(\xc3\xb6|\xc3\x96)dd|\bf(\xc3\xb8|\xc3\x98)dt|fecha de nac\.|\bf\. ?nac\.|\bnasc\.|\bgeb\.?-?datum|geburtstag)"
pii+="\n"+rule("pii_dob_context", meta("pii","dob","medium","Date of birth after DOB / date of birth / birth date / BirthDt (ISO 20022) / born / BDAY (vCard) / Geburtsdatum / geboortedatum / date de naissance / fecha de nacimiento / data di nascita / fodselsdato / geboren am / n\xc3\xa9e le / nacido el / nascido em / seinengappi, also as a JSON or CSV key, the value on the same line or the next (YYYY-MM-DD, D/M/YYYY, M/D/YYYY, DD.MM.YYYY, 5 January 1980, 5-Jan-1980, 14-Mar-75 (day first; not before a quoted-printable soft break), 5th Jan 1980, Jan 5, 1980, 14MAR1985, month names in English, German, French, Spanish, Italian, Dutch and Portuguese: 14. M\xc3\xa4rz 1985, 14 mars 1985, 13 de mar\xc3\xa7o de 1985, Japanese 1975nen3gatsu3nichi and Showa/Heisei years, and the ISO basic form YYYYMMDD of vCard BDAY and database columns)","dob","mask"),
  # a '\\' may escape each '/' (JSON as PHP's json_encode writes it: "dob":"03\\/14\\/1975")
  # a blank may follow each dot (Czech, Slovak, Polish and German forms: "Datum narozen\xc3\xad: 14. 3. 1975")
  [("$dob", r"/%s[0-9]{1,4}(\\?[\/.-]|\. )[0-9]{1,2}(\\?[\/.-]|\. )[0-9]{2,4}([^0-9]|$)/ nocase"%dctx),
   # day first and month first in two strings: one regex holds at most 128 alternatives and repeats (YARA's RE_MAX_SPLIT_ID)
   ("$dob_words", r"/%s[0-9]{1,2}(st|nd|rd|th|\.)?[ -]?((of|de) )?%s,?[ -]?(de )?([0-9]{4}([^0-9]|$)|[0-9]{2}([^0-9=]|$))/ nocase"%(dctx,mon)),
   ("$dob_words_mf", r"/%s%s [0-9]{1,2}(st|nd|rd|th)?,? [0-9]{4}([^0-9]|$)/ nocase"%(dctx,mon)),
   ("$dob_basic", r"/%s%s(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([^0-9]|$)/ nocase"%(DOB_WORDS,DOB_GAP)),
   # Japanese: 1975\xe5\xb9\xb43\xe6\x9c\x883\xe6\x97\xa5 (year, month, day kanji), and the Showa and Heisei era years
   ("$dob_jp", r"/%s%s((19|20)[0-9]{2}|\xe6\x98\xad\xe5\x92\x8c[0-9]{1,2}|\xe5\xb9\xb3\xe6\x88\x90([0-9]{1,2}|\xe5\x85\x83))\xe5\xb9\xb4[0-9]{1,2}\xe6\x9c\x88[0-9]{1,2}\xe6\x97\xa5/ nocase"%(DOB_WORDS,DOB_GAP)),
   # the labels of other scripts: numeric dates, and Chinese ones (1985\xe5\xb9\xb43\xe6\x9c\x8812\xe6\x97\xa5)
   ("$dob_intl", r"/%s%s[0-9]{1,4}[\/.-][0-9]{1,2}[\/.-][0-9]{2,4}([^0-9]|$)/"%(INTL_DOB_WORDS,DOB_GAP)),
   ("$dob_intl_cjk", r"/%s%s(19|20)[0-9]{2}\xe5\xb9\xb4[0-9]{1,2}\xe6\x9c\x88[0-9]{1,2}\xe6\x97\xa5/"%(INTL_DOB_WORDS,DOB_GAP)),
   ("$dob_intl_ko", r"/%s%s(19|20)[0-9]{2}\xeb\x85\x84 ?[0-9]{1,2}\xec\x9b\x94 ?[0-9]{1,2}\xec\x9d\xbc/"%(INTL_DOB_WORDS,DOB_GAP)),
   # month names in Russian and Ukrainian after those labels (14 \u043c\u0430\u0440\u0442\u0430 1975)
   ("$dob_intl_words", r"/%s%s[0-9]{1,2} %s([\xd0\xd1][\x80-\xbf]){0,6}\.? [0-9]{4}([^0-9]|$)/"%(INTL_DOB_WORDS,DOB_GAP,MON_CYR)),
   # form labels of more languages, numeric dates only (one string: each string of a label set costs its
   # atoms' hits): Romanian data nasterii, Hungarian szuletesi ido / datum, Finnish syntymaaika / -paiva,
   # Croatian, Serbian and Bosnian datum rodjenja, Slovak datum narodenia, Lithuanian gimimo data, Latvian
   # dzimsanas datums, Estonian sunniaeg / sunnikuupaev, Malay tarikh lahir, Swedish fodd, Danish and
   # Norwegian fodt, the abbreviations fecha de nac., F. nac., nasc., Geb.-Datum, and German Geburtstag
   ("$dob_more", r"/%s%s[0-9]{1,4}([\/.-]|\. )[0-9]{1,2}([\/.-]|\. )[0-9]{2,4}([^0-9]|$)/ nocase"%(DOB_MORE_WORDS,DOB_GAP)),
   # after the form labels of English, Polish and Turkish (one string, not every label above: each string of
   # DOB_WORDS' atoms, born and birthday among them, costs 1-2% on real text): Korean dates
   # (1975\xeb\x85\x84 3\xec\x9b\x94 14\xec\x9d\xbc: year, month, day syllables, a blank after each or not), month names in
   # Russian and Ukrainian (14 \u043c\u0430\u0440\u0442\u0430 1975), Polish and Turkish (14 marca 1975, 14 Mart 1975)
   ("$dob_words_intl", r"/%s%s((19|20)[0-9]{2}\xeb\x85\x84 ?[0-9]{1,2}\xec\x9b\x94 ?[0-9]{1,2}\xec\x9d\xbc|[0-9]{1,2}\.? (%s([\xd0\xd1][\x80-\xbf]){0,6}|%s([a-z]|[\xc3-\xc5][\x80-\xbf]){0,10})\.? [0-9]{4}([^0-9]|$))/ nocase"%(DOB_FORM_WORDS,DOB_GAP,MON_CYR,MON_PL_TR))], "any of them")
pii+="\n"+rule("pii_drivers_license_context", meta("pii","drivers_license","high","US driver's licence number after driver's license / driver's lic. / driving licence / operator's license (any case, also as a JSON key) or DL#, DL No, DL:, DLN:, or a column or key DL_NUMBER / DL_NO / DL Number followed by : or = (upper case DL; 5-13 letters/digits, possibly grouped by dashes, at least 5 digits)","drivers_license","last4"),
  [("$dl", r"/(driver'?s?[ _-]?(licen[cs]e|lic\.?)|driving licen[cs]e|operator'?s? licen[cs]e)( ?\([A-Z]{2}\))?[ _\t-]{0,2}(number|no\.?|num|#)?[\"']?[ \t]{0,2}[:#=]?[ \t]{0,2}[\"']?[A-Z0-9][A-Z0-9-]{3,15}[A-Z0-9]([^A-Za-z0-9-]|$)/ nocase"),
   ("$dl_abbrev", r"/\bDLN? ?(#|No\.?|num(ber)?|:)[ \t]{0,2}[:#]?[ \t]{0,2}[A-Z0-9][A-Z0-9-]{3,15}[A-Z0-9]([^A-Za-z0-9-]|$)/"),
   # a subscriber export's column DL_NUMBER: F4107717 (upper-case DL: dl_num in code is a download count; hostile20t)
   ("$dl_column", r"/\bDL[ _-]?(NUMBER|NBR|NUM|NO|Number|No)[\"']?[ \t]{0,2}[:=][ \t]{0,2}[\"']?[A-Z0-9][A-Z0-9-]{3,15}[A-Z0-9]([^A-Za-z0-9-]|$)/")], "any of them")
# a card-shaped number as the value of a key or label naming an identifier is that identifier
ID_KEY=r"(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}([ _-]?(no\.?|nr\.?|number|num|#)[\"']?[ \t]{0,4}[:=#]?|[\"']?[ \t]{0,4}[:=#])[ \t]{0,4}[\"']?"
# ID_KEY followed by a brand prefix, split by the byte before the prefix (what ID_KEY can end with: a
# quote, a blank, ':', '=', '#', the '.' of no./nr., the last letter of no, nr, number, num) so that
# YARA's atoms are that byte and the two digits, not the two digits alone, which occur at every
# position of every long number (the single string cost 2.6 times as much; docs/rules.md). The same
# matches: each string takes the matches of ID_KEY+prefix whose last key byte is its own, so no two
# strings match the same bytes (ID_KEY = A K W S T below).
def id_key_strings():
    i=ID_KEY.index("(order"); j=ID_KEY.index("|id)")+4
    A,K=ID_KEY[:i],ID_KEY[i:j]
    W=r"[A-Za-z0-9_-]{0,16}"; S1=r"[ _-]?(no\.?|nr\.?|number|num|#)"; Q=r"[\"']?"; B=r"[ \t]{0,4}"
    S="(%s%s%s[:=#]?|%s%s[:=#])"%(S1,Q,B,Q,B)
    assert ID_KEY==A+K+W+S+B+Q
    sep="(%s%s%s|%s%s)"%(S1,Q,B,Q,B)
    forms=[("q2",W+S+B,r'\"'),("q1",W+S+B,"'"),("b1",W+S+r"[ \t]{0,3}"," "),("b2",W+S+r"[ \t]{0,3}",r"\t"),
           ("colon",W+sep,":"),("eq",W+sep,"="),("hash",W+sep,"#"),
           # a '#' right after a 16-byte W and '_' or '-' (S1's own '#'): the one such key sep does not take
           ("hash16",r"[A-Za-z0-9_-]{16}[_-]","#"),
           ("dot",W+r"[ _-]?(no|nr)",r"\."),("o",W+r"[ _-]?n","o"),("r",W+r"[ _-]?(n|numbe)","r"),("m",W+r"[ _-]?nu","m")]
    return [("$id_key_%s"%n, r"/%s%s%s%s[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase"%(A,K,mid,alt([ch+c for c in cc]))) for n,mid,ch in forms]
ID_INTL=utf8_alt(["\u043e\u0433\u0440\u043d", "\u0438\u043d\u043d", "\u043a\u043f\u043f", "\u0441\u043d\u0438\u043b\u0441", "\u043e\u043a\u043f\u043e",
                  "\u0437\u0430\u043a\u0430\u0437", "\u0441\u0447\u0435\u0442", "\u0441\u0447\u0451\u0442",
                  "\u7f16\u53f7", "\u8ba2\u5355", "\u5355\u53f7", "\u4ee3\u7801", "\u53d1\u7968", "\u8fd0\u5355",
                  "\u6ce8\u6587", "\u4f1d\u7968", "\uc8fc\ubb38", "\uc1a1\uc7a5"])
pii+="\n"+rule("pii_card_in_id_field", meta("pii","credit_card","critical",r"""Not a finding (the luhn validator vetoes what it matches): a card-shaped number (brand, length, Luhn) written without separators as the value of a key or label naming an identifier (order_id=..., \"invoiceNo\": ..., Order #..., Tracking number ..., \"id\": ..., IMEISV 3539... after the bare word; no card word in the key: card_id, cc_ref stay cards) is that identifier, so its credit_card evidence in the object is dropped (counted under rejected)""","luhn"),
  id_key_strings()+[
   # the same in other scripts: Russian registration and tax numbers (OGRN, OGRNIP, INN, KPP, SNILS, OKPO),
   # orders and invoices (zakaz, schet); Chinese bianhao, dingdan, danhao, daima (the unified social credit
   # code), fapiao, yundan; Japanese chuumon, denpyou; Korean jumun, songjang (written, upper and title case)
   ("$id_key_intl", r"/%s([A-Za-z_-]|[\xd0\xd1][\x80-\xbf]|[\xe3-\xed][\x80-\xbf][\x80-\xbf]){0,12}[ \t]{0,4}(\xe2\x84\x96|No\.?|Nr\.?|#)?[\"']?[ \t]{0,4}([:=#]|\xef\xbc\x9a)?[ \t]{0,4}[\"']?%s[0-9]{8,17}([^0-9A-Za-z]|$)/"%(ID_INTL,alt(cc+cc4))),
   # Facebook's app, page and pixel ids in web pages: <meta property="fb:app_id" content="...">, fbq('init', '...')
   ("$fb_id", r"/(fb:(app_id|pages|admins|profile_id|page_id)[\"'][ \t\r\n]{1,8}content=|fbq\([\"']init[\"'], ?)[\"']%s[0-9]{8,17}([^0-9A-Za-z]|$)/"%alt(cc+cc4))]
   # the later ids of a page list (content="179800383306,297015277071153,..."; news sites list up to 34):
   # one string per position, as YARA reports one match per start and the atom is fb:pages
   +[("$fb_list_%d"%k, r"/fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){%d}%s[0-9]{8,17}([^0-9A-Za-z]|$)/"%(k,alt(cc+cc4))) for k in range(1,40)]
   # a web asset's version (Shopify's styles.css?v=15195820084786593692: 19-20 random digits, a cache buster;
   # no brand prefixes in the regex: with them YARA's atoms cost 4% of the pack on real text; the validator checks
   # the brand; ?ver= and ?version= are not taken)
   +[("$url_version", r"/[?&]v=[0-9]{10,19}([^0-9A-Za-z]|$)/"),
     # a device or SIM id after its bare word (IMEISV 3539185292226357: 16 digits, no check digit, TAC 35...,
     # one in ten a JCB card's shape; hostile20t)
     ("$imei_bare", r"/(^|[^A-Za-z0-9_])(imei([ _-]?sv)?|iccid)[ \t]{1,4}[0-9]{12,19}([^0-9A-Za-z]|$)/ nocase")], "any of them")
# countries whose IBAN has a letter bank code followed by 12+ digits in groups (a card's length)
ib_letter_bank="AZ DO GB GT IE JO KW LC MU NI PK PS QA SC SV VG YE".split()
# the digit groups of a grouped IBAN after its letter bank code (SC72 SSCB 5193 0102 ...) are that IBAN
pii+="\n"+rule("pii_card_in_iban", meta("pii","credit_card","critical",r"""Not a finding (the luhn validator vetoes what it matches): the digit groups after the letter bank code of a valid grouped IBAN (SC72 SSCB 5193 0102 7452 8927 0635 SCR, PK36 SCBL 0000 0011 2345 6702) are part of that IBAN, so a card-shaped number there has its credit_card evidence dropped (counted under rejected)""","luhn"),
  [("$iban", r"/\b%s[0-9]{2}( [A-Z0-9]{4}){0,3} [A-Z0-9]{3}[A-Z] [0-9]{4}( [0-9]{4}){2,5}( [A-Z0-9]{1,4}){0,3}/"%alt(ib_letter_bank))], "$iban")
# a 12-digit national id (India's Aadhaar, Japan's My Number) is grouped 4-4-4 as a 12-digit Maestro card is
pii+="\n"+rule("pii_card_in_national_id", meta("pii","credit_card","critical",r"""Not a finding (the luhn validator vetoes what it matches): a 12-digit number grouped 4-4-4 (or not) after an Aadhaar, UID, My Number or kojin bangou label is that national id, not a Maestro card that happens to pass Luhn, so its credit_card evidence in the object is dropped (counted under rejected)""","luhn"),
  [("$national_id", r"/(aadhaa?r|\buid\b|\bmy ?number|\xe3\x83\x9e\xe3\x82\xa4\xe3\x83\x8a\xe3\x83\xb3\xe3\x83\x90\xe3\x83\xbc|\xe5\x80\x8b\xe4\xba\xba\xe7\x95\xaa\xe5\x8f\xb7)[^0-9\r\n]{0,24}[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}([^0-9]|$)/ nocase")], "$national_id")
# a NANP-shaped number right after a part, serial or model number label is that number
# German, Spanish and Japanese part and model labels too (Teilenummer, Art.-Nr., pieza, hinban, kataban)
SERIAL_LABEL=r"(\bpart|\bp\/n|\bs\/n|\bserial|\bmodel|\bsku|\bcatalog(ue)?|\barticle|\blot|\bbatch|\bteilenummer|\bteile-?nr|\bartikelnummer|\bartikel-?nr|\bart\.-?nr|\bseriennummer|\bserien-?nr|\bmodell|\bpieza|\xe5\x93\x81\xe7\x95\xaa|\xe5\x9e\x8b\xe7\x95\xaa|\xe8\xa3\xbd\xe9\x80\xa0\xe7\x95\xaa\xe5\x8f\xb7|\xe9\x83\xa8\xe5\x93\x81\xe7\x95\xaa\xe5\x8f\xb7)([ _-]?(no\.?|number|nr\.?|#))?[ \t]{0,4}([:#.]|\xef\xbc\x9a)?[ \t]{0,4}"
pii+="\n"+rule("pii_phone_in_serial_context", meta("pii","phone","low",r"""Not a finding (the nanp validator vetoes what it matches): a North American-shaped number (212-867-5309, (212) 867-5309, 212.867.5309) right after a part, serial, model, SKU, catalogue, article, lot or batch number label (Part No. 212-867-5309, S/N: 312-867-5311) is that identifier, so its phone evidence in the object is dropped (counted under rejected)""","nanp"),
  [("$serial", r"/%s(\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[.-])[2-9][0-9]{2}[.-][0-9]{4}([^0-9A-Za-z]|$)/ nocase"%SERIAL_LABEL)], "$serial")
id_pfx=alt([": "+p for p in cc+["50","56","58","63","67","21","18"]])
pii+="\n"+rule("pii_card_in_id_column", meta("pii","credit_card","critical",r"""Not a finding, a veto: a card-shaped number (brand, length, Luhn) written without separators in a table column headed by an identifier (Order, Order ID, Tracking, Invoice, Account ID, Ref, SKU, Serial, IMEI ...; no card word in the header) is that identifier, so its credit_card evidence in the object is dropped (counted under rejected). Matches only the header-labelled lines of tables (src/extract/tablectx.h); the header words are checked by the validator, so the regex's atoms are the value's first two digits after ': ' (or ': #': a reference written #5518...)""").replace('severity = "critical"', 'severity = "critical"\n        validator = "card_id_column"\n        veto = "labels"'),
  [("$id", r"/(^|[\t\n])[^\t\n:]{1,48}%s[0-9]{10,17}([\t\n]|$)/"%id_pfx),
   # a ticket or order reference written with its '#' (a CSV's ref column: #5518588890947227)
   ("$id_hash", r"/(^|[\t\n])[^\t\n:]{1,48}%s[0-9]{10,17}([\t\n]|$)/"%id_pfx.replace(": ", ": #"))], "any of them")
open(R+"/pii/pii.yar","w").write(pii)

# rules/secrets/secrets.yar and rules/corporate/markings.yar are written by
# rules/secrets/mksecrets.py.
