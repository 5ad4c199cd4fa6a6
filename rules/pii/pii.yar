/*
 * PII rules: namespace pii.
 * Generated layout, hand-tuned regexes: see docs/rules.md. Every string
 * must compile without YARA's "slow down scanning" warning
 * (tests/e2e/test_rules_pack.py).
 */

rule pii_ssn_formatted
{
    meta:
        category = "pii"
        entity = "ssn"
        severity = "critical"
        validator = "ssn"
        redact = "last4"
        description = "US Social Security number written ddd-dd-dddd (SSA rules since 2011, known fakes rejected)"
    strings:
        $ssn = /(^|[^0-9A-Za-z-])[0-9]{3}(-01-|-02-|-03-|-04-|-05-|-06-|-07-|-08-|-09-|-10-|-11-|-12-|-13-|-14-|-15-|-16-|-17-|-18-|-19-|-20-|-21-|-22-|-23-|-24-|-25-|-26-|-27-|-28-|-29-|-30-|-31-|-32-|-33-|-34-|-35-|-36-|-37-|-38-|-39-|-40-|-41-|-42-|-43-|-44-|-45-|-46-|-47-|-48-|-49-|-50-|-51-|-52-|-53-|-54-|-55-|-56-|-57-|-58-|-59-|-60-|-61-|-62-|-63-|-64-|-65-|-66-|-67-|-68-|-69-|-70-|-71-|-72-|-73-|-74-|-75-|-76-|-77-|-78-|-79-|-80-|-81-|-82-|-83-|-84-|-85-|-86-|-87-|-88-|-89-|-90-|-91-|-92-|-93-|-94-|-95-|-96-|-97-|-98-|-99-)[0-9]{4}([^0-9A-Za-z-]|$)/
    condition:
        $ssn
}

rule pii_ssn_context
{
    meta:
        category = "pii"
        entity = "ssn"
        severity = "critical"
        validator = "ssn_context"
        redact = "last4"
        description = "US SSN without dashes (9 digits or ddd dd dddd) right after SSN, SS#, SS No, social security (number), soc. sec. no, Spanish (numero de) seguro social, or a camel-case key ending in SSN (PrimarySSN, employeeSsn)"
    strings:
        $ssn9 = /((\b|_)ssn|\b(ss|s\.s\.) ?(#|no\.?|num)|soc(ial|\.)?[ _-]?sec(urity|\.)?|seguro[ _-]?social)([ _-]?(number|no\.?|num|nbr|full|#))?( ?(\/ ?i?tin|\([a-z ]{1,20}\)))?( is| was)?([^0-9A-Za-z\n]{0,8}number(long|int|double|decimal))?[^0-9A-Za-z\n]{0,16}[0-9]{9}([^0-9]|$)/ nocase
        $ssn_spaced = /((\b|_)ssn|\b(ss|s\.s\.) ?(#|no\.?|num)|soc(ial|\.)?[ _-]?sec(urity|\.)?|seguro[ _-]?social)([ _-]?(number|no\.?|num|nbr|full|#))?( ?(\/ ?i?tin|\([a-z ]{1,20}\)))?( is| was)?[^0-9A-Za-z\n]{0,16}[0-9]{3} [0-9]{2} [0-9]{4}([^0-9]|$)/ nocase
        $ssn_fhir = /us-ssn["']?[ \t]*(,[ \t\r\n]*"value"[ \t]*:[ \t]*"|\/>[ \t\r\n]*<value value=["'])[0-9]{9}["']/
        $ssn_fhir_type = /"code"[ \t]*:[ \t]*"SS"[^\[\]{}]{0,80}\}[ \t\r\n]*\][ \t\r\n]*\}[ \t\r\n]*,[ \t\r\n]*("system"[ \t]*:[ \t]*"[^"\n]{0,80}"[ \t\r\n]*,[ \t\r\n]*)?"value"[ \t]*:[ \t]*"[0-9]{9}"/
        $ssn_cda = /root=["']2\.16\.840\.1\.113883\.4\.1["'][ \t\r\n]+extension=["'][0-9]{9}["']/
        $ssn_cda_ext = /extension=["'][0-9]{9}["'][ \t\r\n]+root=["']2\.16\.840\.1\.113883\.4\.1["']/
        $ssn_camel = /[a-z](SSN|Ssn)(Id|ID|Nbr|Num|Number|No)?[^0-9A-Za-z\n]{0,16}[0-9]{9}([^0-9]|$)/
    condition:
        any of them
}

rule pii_ssn_typed_national_id
{
    meta:
        category = "pii"
        entity = "ssn"
        severity = "critical"
        validator = "ssn_context"
        redact = "last4"
        description = "US SSN that an HR system or a form names one by its structure: Workday's National_ID_Data (<wd:ID>536228714</wd:ID> then an ID_Type_Reference whose National_ID_Type_Code is USA-SSN: the value before its type), PeopleSoft's PERS_NID (NATIONAL_ID_TYPE PR, the US SSN, then NATIONAL_ID), a form field named SSN or social security (number) whose value stands alone on the next line (a PDF form's field form1[0].Section4[0].SSN[0] or SocialSecurityNumber, as leaksift text prints a field: its name, then its value), an FDF form-data file's field (/T (form1[0].SSN[0]) /V (536228714), as Acrobat exports a form's data), and an HTML form's input named ...ssn whose value attribute holds nine digits (<input name=\"StudentSSN\" value=\"536228714\">, a saved admin page)"
    strings:
        $workday = /<(wd:)?ID>[0-9]{9}<\/(wd:)?ID>[ \t\r\n]{0,8}<(wd:)?ID_Type_Reference[^>\n]{0,80}>[ \t\r\n]{0,8}<(wd:)?ID (wd:)?type="National_ID_Type_Code">USA-SSN</
        $psoft = /<NATIONAL_ID_TYPE[^>\n]{0,40}>PR<\/NATIONAL_ID_TYPE>[ \t\r\n]{0,8}(<[A-Z_]{1,30}[^<>\n]{0,40}>[^<\n]{0,40}<\/[A-Z_]{1,30}>[ \t\r\n]{0,8}){0,3}<NATIONAL_ID( [^>\n]{0,40})?>[0-9]{9}</
        $field = /((\b|_)ssn|soc(ial)?[ _.-]?sec(urity)?([ _.-]?(number|no|num|nbr))?)(\[[0-9]{1,3}\])?[ \t]*\r?\n[ \t]*[0-9]{9}[ \t]*(\r|\n|$)/ nocase
        $fdf = /\/T ?\([^()\r\n]{0,60}(ssn|social ?security ?(number|no)?)(\[[0-9]{1,3}\])?\) ?\/V ?\([0-9]{9}\)/ nocase
        $input = /<input[^<>]{0,120}[ \t\r\n]name=["']?[A-Za-z0-9_.\[\]-]{0,30}ssn(_?(number|no|num|nbr))?["'][^<>]{0,120}[ \t\r\n]value=["'][0-9]{9}["']/ nocase
    condition:
        any of them
}

rule pii_dob_form_field
{
    meta:
        category = "pii"
        entity = "dob"
        severity = "medium"
        validator = "dob"
        redact = "mask"
        description = "Date of birth as a form field's value standing alone on the line after the field's name, the name indexed as XFA and AcroForm names are (form1[0].dateOfBirth[0], DOB[0], Birth_Date[1]: as leaksift text prints a PDF form field, its name then its value), which pii_dob_context does not take (a digit inside the brackets); and an FDF form-data file's field named so (/T (DateOfBirth) /V (03/14/1975))"
    strings:
        $field = /(date[ _-]?of[ _-]?birth|birth[ _-]?date|\bdob)\[[0-9]{1,3}\][ \t]*\r?\n[ \t]*[0-9]{1,4}[\/.-][0-9]{1,2}[\/.-][0-9]{2,4}[ \t]*(\r|\n|$)/ nocase
        $fdf = /\/T ?\([^()\r\n]{0,60}(date ?of ?birth|birth ?date|dob)(\[[0-9]{1,3}\])?\) ?\/V ?\([0-9]{1,4}[\/.-][0-9]{1,2}[\/.-][0-9]{2,4}\)/ nocase
    condition:
        any of them
}

rule pii_credit_card
{
    meta:
        category = "pii"
        entity = "credit_card"
        severity = "critical"
        validator = "luhn"
        redact = "last4"
        description = "Payment card number (Visa, Mastercard, Amex, Discover, JCB, Diners, Maestro), plain or grouped by spaces/dashes; Luhn and brand length checked; a 13-digit number that is also an EAN-13 barcode only after a card word"
    strings:
        $card = /(^|[^0-9A-Za-z_ .-]|[^0-9][ .])(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65)[0-9 -]{10,21}[0-9]([^0-9A-Za-z.-]|[.-][^0-9A-Za-z]|[.-]$|$)/
        $card_iin4 = /(^|[^0-9A-Za-z_ .-]|[^0-9][ .])(5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9 -]{7,17}[0-9]([^0-9A-Za-z.-]|[.-][^0-9A-Za-z]|[.-]$|$)/
        $card_visa13 = /(card|visa|\bcc[ #:.n]|\bpan[ #:.n]|karte|carte|tarjeta)[^0-9\n]{0,24}4[0-9]{12}([^0-9]|$)/ nocase
    condition:
        any of them
}

rule pii_iban
{
    meta:
        category = "pii"
        entity = "iban"
        severity = "high"
        validator = "iban"
        redact = "last4"
        description = "International Bank Account Number, compact or in groups of four (lower case right after IBAN; a line break may stand between two groups, as PDF text wraps them); country length and mod-97 checked"
    strings:
        $iban = /\b(AD|AE|AL|AT|AZ|BA|BE|BG|BH|BI|BR|BY|CH|CR|CY|CZ|DE|DJ|DK|DO|EE|EG|ES|FI|FK|FO|FR|GB|GE|GI|GL|GR|GT|HR|HU|IE|IL|IQ|IR|IS|IT|JO|KW|KZ|LB|LC|LI|LT|LU|LV|LY|MC|MD|ME|MK|MN|MR|MT|MU|NI|NL|NO|OM|PK|PL|PS|PT|QA|RO|RS|RU|SA|SC|SD|SE|SI|SK|SM|SO|ST|SV|TL|TN|TR|UA|VA|VG|XK|YE)[0-9]{2}( ?\n?[A-Z0-9]{4}){2,7}( ?\n?[A-Z0-9]{1,4})?\b/
        $iban_labelled = /(iban|IBAN|Iban)[^A-Za-z0-9\n]{0,4}[a-z]{2}[0-9]{2}( ?\n?[a-z0-9]{4}){2,7}( ?\n?[a-z0-9]{1,4})?\b/
        $iban_national = /\b(FR|MC|ES|IT|SM|PT|GB|IE|BE)[0-9]{2}( [A-Z0-9]{1,12}){3,7}\b/
    condition:
        any of them
}

rule pii_email
{
    meta:
        category = "pii"
        entity = "email"
        severity = "low"
        validator = "email"
        redact = "email"
        description = "E-mail address (TLD delegated or example/test; asset names such as logo@2x.png rejected; not the parts of an address cut by a quoted-printable soft line break; also after a vCard EMAIL;TYPE=...: property)"
    strings:
        $email = /(^\r?\n?|[^=\r\n]\r?\n|\n\r?\n|[^a-z0-9._%+:!#$&*?^~\r\n-]|(^|[^a-z])(mailto|e-?mail|mail|contact|from|to|cc|bcc|reply-to|sender|login|address):|[\r\n](item[0-9]{1,3}\.)?email;[a-z0-9=,;\"-]{1,60}:)([a-z0-9._%+-]|[\x80-\xff]){0,63}(a@|b@|c@|d@|e@|f@|g@|h@|i@|j@|k@|l@|m@|n@|o@|p@|q@|r@|s@|t@|u@|v@|w@|x@|y@|z@|0@|1@|2@|3@|4@|5@|6@|7@|8@|9@|_@|\-@|\+@|%@)([a-z0-9-]|[\x80-\xff]){1,63}(\.([a-z0-9-]|[\x80-\xff]){1,63}){0,8}\.[a-z]{2,24}([^=a-z]|=[^\r\n]|$)/ nocase
        $email_utf8_c3 = /([a-z0-9._%+-]|[\x80-\xff]){0,62}(\xc3\x80@|\xc3\x81@|\xc3\x82@|\xc3\x83@|\xc3\x84@|\xc3\x85@|\xc3\x86@|\xc3\x87@|\xc3\x88@|\xc3\x89@|\xc3\x8a@|\xc3\x8b@|\xc3\x8c@|\xc3\x8d@|\xc3\x8e@|\xc3\x8f@|\xc3\x90@|\xc3\x91@|\xc3\x92@|\xc3\x93@|\xc3\x94@|\xc3\x95@|\xc3\x96@|\xc3\x97@|\xc3\x98@|\xc3\x99@|\xc3\x9a@|\xc3\x9b@|\xc3\x9c@|\xc3\x9d@|\xc3\x9e@|\xc3\x9f@|\xc3\xa0@|\xc3\xa1@|\xc3\xa2@|\xc3\xa3@|\xc3\xa4@|\xc3\xa5@|\xc3\xa6@|\xc3\xa7@|\xc3\xa8@|\xc3\xa9@|\xc3\xaa@|\xc3\xab@|\xc3\xac@|\xc3\xad@|\xc3\xae@|\xc3\xaf@|\xc3\xb0@|\xc3\xb1@|\xc3\xb2@|\xc3\xb3@|\xc3\xb4@|\xc3\xb5@|\xc3\xb6@|\xc3\xb7@|\xc3\xb8@|\xc3\xb9@|\xc3\xba@|\xc3\xbb@|\xc3\xbc@|\xc3\xbd@|\xc3\xbe@|\xc3\xbf@)([a-z0-9-]|[\x80-\xff]){1,63}(\.([a-z0-9-]|[\x80-\xff]){1,63}){0,8}\.[a-z]{2,24}([^=a-z]|=[^\r\n]|$)/ nocase
        $email_utf8_c4 = /([a-z0-9._%+-]|[\x80-\xff]){0,62}(\xc4\x80@|\xc4\x81@|\xc4\x82@|\xc4\x83@|\xc4\x84@|\xc4\x85@|\xc4\x86@|\xc4\x87@|\xc4\x88@|\xc4\x89@|\xc4\x8a@|\xc4\x8b@|\xc4\x8c@|\xc4\x8d@|\xc4\x8e@|\xc4\x8f@|\xc4\x90@|\xc4\x91@|\xc4\x92@|\xc4\x93@|\xc4\x94@|\xc4\x95@|\xc4\x96@|\xc4\x97@|\xc4\x98@|\xc4\x99@|\xc4\x9a@|\xc4\x9b@|\xc4\x9c@|\xc4\x9d@|\xc4\x9e@|\xc4\x9f@|\xc4\xa0@|\xc4\xa1@|\xc4\xa2@|\xc4\xa3@|\xc4\xa4@|\xc4\xa5@|\xc4\xa6@|\xc4\xa7@|\xc4\xa8@|\xc4\xa9@|\xc4\xaa@|\xc4\xab@|\xc4\xac@|\xc4\xad@|\xc4\xae@|\xc4\xaf@|\xc4\xb0@|\xc4\xb1@|\xc4\xb2@|\xc4\xb3@|\xc4\xb4@|\xc4\xb5@|\xc4\xb6@|\xc4\xb7@|\xc4\xb8@|\xc4\xb9@|\xc4\xba@|\xc4\xbb@|\xc4\xbc@|\xc4\xbd@|\xc4\xbe@|\xc4\xbf@)([a-z0-9-]|[\x80-\xff]){1,63}(\.([a-z0-9-]|[\x80-\xff]){1,63}){0,8}\.[a-z]{2,24}([^=a-z]|=[^\r\n]|$)/ nocase
        $email_utf8_c5 = /([a-z0-9._%+-]|[\x80-\xff]){0,62}(\xc5\x80@|\xc5\x81@|\xc5\x82@|\xc5\x83@|\xc5\x84@|\xc5\x85@|\xc5\x86@|\xc5\x87@|\xc5\x88@|\xc5\x89@|\xc5\x8a@|\xc5\x8b@|\xc5\x8c@|\xc5\x8d@|\xc5\x8e@|\xc5\x8f@|\xc5\x90@|\xc5\x91@|\xc5\x92@|\xc5\x93@|\xc5\x94@|\xc5\x95@|\xc5\x96@|\xc5\x97@|\xc5\x98@|\xc5\x99@|\xc5\x9a@|\xc5\x9b@|\xc5\x9c@|\xc5\x9d@|\xc5\x9e@|\xc5\x9f@|\xc5\xa0@|\xc5\xa1@|\xc5\xa2@|\xc5\xa3@|\xc5\xa4@|\xc5\xa5@|\xc5\xa6@|\xc5\xa7@|\xc5\xa8@|\xc5\xa9@|\xc5\xaa@|\xc5\xab@|\xc5\xac@|\xc5\xad@|\xc5\xae@|\xc5\xaf@|\xc5\xb0@|\xc5\xb1@|\xc5\xb2@|\xc5\xb3@|\xc5\xb4@|\xc5\xb5@|\xc5\xb6@|\xc5\xb7@|\xc5\xb8@|\xc5\xb9@|\xc5\xba@|\xc5\xbb@|\xc5\xbc@|\xc5\xbd@|\xc5\xbe@|\xc5\xbf@)([a-z0-9-]|[\x80-\xff]){1,63}(\.([a-z0-9-]|[\x80-\xff]){1,63}){0,8}\.[a-z]{2,24}([^=a-z]|=[^\r\n]|$)/ nocase
    condition:
        any of them
}

rule pii_phone_nanp
{
    meta:
        category = "pii"
        entity = "phone"
        severity = "low"
        validator = "nanp"
        redact = "last4"
        description = "North American phone number (212) 555-1234, 212-555-1234, 212.555.1234, optional +1 / 1- / 1 / 001- (a glued extension x1234 is not part of it); 2125551234, 212 555 1234 and 212 5551234 only after a label (Phone, Tel., Tel.-Nr., Telefon, Mobile, Mob., Cell#, Fax, Ph:, Phone (work), Tel/Fax, a JSON key \"phone\": \"...\"); NANP area/exchange rules"
    strings:
        $dash = /(^|[^0-9A-Za-z+ .-]|[^0-9+] |^ )(\+?1[ .-]?|001[ .-])?(\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}-)[2-9][0-9]{2}(-0|-1|-2|-3|-4|-5|-6|-7|-8|-9)[0-9]{3}([^0-9A-Za-z-]|[xX][0-9]|$)/
        $dot = /(^|[^0-9A-Za-z+ .-]|[^0-9+] |^ )(\+?1[ .]|001[ .-])?[2-9][0-9]{2}\.[2-9][0-9]{2}(\.0|\.1|\.2|\.3|\.4|\.5|\.6|\.7|\.8|\.9)[0-9]{3}([^0-9A-Za-z.-]|\.[^0-9A-Za-z]|\.$|[xX][0-9]|$)/
        $labelled = /(phone|\btel(efon|efono|\xc3\xa9fono|\xc3\xa9phone)?|mobile|\bmob|\bcell|\bfax|\bph[.:]|\bcontact[ _-]?(number|no\b\.?|nr\.?|#)|\bcall me( on| at)?|\bring me( on)?|\btext me( on| at)?|\breach me( on| at)?|\bwhatsapp)\.?([ _-]?(number|nummer|telefon|\xe9\x9b\xbb\xe8\xa9\xb1|\xe7\x95\xaa\xe5\x8f\xb7|\xe5\x8f\xb7\xe7\xa0\x81|\xe8\x99\x9f\xe7\xa2\xbc|\xeb\xb2\x88\xed\x98\xb8|no\.?|nr\.?|#))?([ _-]?\([a-z ]{2,12}\))?( ?\/ ?(fax|tel\.?|text|sms))?[\"']?[ \t]{0,16}([:#=]|\xef\xbc\x9a)?[ \t]{0,16}[\"']?(\+?1 ?|001[ -]?)?[2-9][0-9]{2}[ -]?[2-9][0-9]{2} ?[0-9]{4}([^0-9]|$)/ nocase
    condition:
        any of them
}

rule pii_phone_national
{
    meta:
        category = "pii"
        entity = "phone"
        severity = "low"
        validator = "phone_national"
        redact = "last4"
        description = "A phone number in its country's national form right after a phone label (Phone, Tel., T\xc3\xa9l., Telefon, Telefoon, Mobile, Mobil, Handy, Cell, Celular, Fax, Ph:, Contact number, M\xc3\xb3vil, Tfno., Fone, Telefonnummer, Mobiltelefon, denwa/keitai in kanji, a JSON key): trunk prefix 0 and 9-13 digits (020 7946 0958, (0221) 1234567, 06 12 34 56 78, (03) 9123 4567), 00 and a country code, (11) 91234-5678, 03(1234)5678, 98765 43210 (India), 9 digits (912 345 678); a country named in the label (Tel (UK):, Mobile (DE):) gives the number its country code, as its +CC form has"
    strings:
        $national = /(phone|\bt\xc3\xa9l|\btel(efon[eo]?|\xc3\xa9fono) (m\xc3\xb3vil|movil|celular|cellulare|mobil|kom\xc3\xb3rkowy|komorkowy)|\btel(efonu|efon|efono|efone|efoon|\xc3\xa9fono|\xc3\xa9phone)?|\bmobile?|\bmobiel|\bmob|\bgsm|\bportable|\bhandy|\bcell|\bcelular|\bfax|\bph[.:]|\bcontact[ _-]?(number|no\b\.?|nr\.?|#)|\bcall me( on| at)?|\bring me( on)?|\btext me( on| at)?|\breach me( on| at)?|\bwhatsapp|\bm\xc3\xb3vil|\bmovil|\btfno|\btlfno|\btlf|\bfone|\btelem\xc3\xb3vel|\btelemovel|\brufnummer|\xe9\x9b\xbb\xe8\xa9\xb1|\xe6\x90\xba\xe5\xb8\xaf|phone au|\bcellulare|\btel\. ?kom\.?|\bkom\xc3\xb3rka|\bfon[ :.]|puhelin|\bcel[.:])\.?([ _-]?(number|nummer|telefon|\xe9\x9b\xbb\xe8\xa9\xb1|\xe7\x95\xaa\xe5\x8f\xb7|\xe5\x8f\xb7\xe7\xa0\x81|\xe8\x99\x9f\xe7\xa2\xbc|\xeb\xb2\x88\xed\x98\xb8|no\.?|nr\.?|#))?([ _-]?\([a-z ]{2,12}\))?( ?\/ ?(fax|tel\.?|text|sms))?[\"']?[ \t]{0,16}([:#=]|\xef\xbc\x9a)?[ \t]{0,16}[\"']?([0-9][ -]?)?\(?[0-9]{2,5}\)?( ?\(0\))?([ .\/-]{1,3}[0-9]{2,8}|\([0-9]{2,5}\)|[0-9]{1,8}){1,5}([^0-9A-Za-z]|$)/ nocase
        $national_intl = /(\xd1\x82\xd0\xb5\xd0\xbb\xd0\xb5\xd1\x84\xd0\xbe\xd0\xbd|\xd0\xa2\xd0\x95\xd0\x9b\xd0\x95\xd0\xa4\xd0\x9e\xd0\x9d|\xd0\xa2\xd0\xb5\xd0\xbb\xd0\xb5\xd1\x84\xd0\xbe\xd0\xbd|\xd1\x82\xd0\xb5\xd0\xbb|\xd0\xa2\xd0\x95\xd0\x9b|\xd0\xa2\xd0\xb5\xd0\xbb|\xd0\xbc\xd0\xbe\xd0\xb1\xd0\xb8\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b\xd0\xb9|\xd0\x9c\xd0\x9e\xd0\x91\xd0\x98\xd0\x9b\xd0\xac\xd0\x9d\xd0\xab\xd0\x99|\xd0\x9c\xd0\xbe\xd0\xb1\xd0\xb8\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b\xd0\xb9|\xd0\xbc\xd0\xbe\xd0\xb1|\xd0\x9c\xd0\x9e\xd0\x91|\xd0\x9c\xd0\xbe\xd0\xb1|\xd1\x81\xd0\xbe\xd1\x82\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9|\xd0\xa1\xd0\x9e\xd0\xa2\xd0\x9e\xd0\x92\xd0\xab\xd0\x99|\xd0\xa1\xd0\xbe\xd1\x82\xd0\xbe\xd0\xb2\xd1\x8b\xd0\xb9|\xe7\x94\xb5\xe8\xaf\x9d|\xe6\x89\x8b\xe6\x9c\xba|\xe6\x89\x8b\xe6\xa9\x9f|\xec\xa0\x84\xed\x99\x94|\xed\x9c\xb4\xeb\x8c\x80\xed\x8f\xb0|\xed\x95\xb8\xeb\x93\x9c\xed\x8f\xb0|\xec\x97\xb0\xeb\x9d\xbd\xec\xb2\x98|\xcf\x84\xce\xb7\xce\xbb\xce\xad\xcf\x86\xcf\x89\xce\xbd\xce\xbf|\xce\xa4\xce\x97\xce\x9b\xce\x88\xce\xa6\xce\xa9\xce\x9d\xce\x9f|\xce\xa4\xce\xb7\xce\xbb\xce\xad\xcf\x86\xcf\x89\xce\xbd\xce\xbf|\xcf\x84\xce\xb7\xce\xbb|\xce\xa4\xce\x97\xce\x9b|\xce\xa4\xce\xb7\xce\xbb|\xce\xba\xce\xb9\xce\xbd\xce\xb7\xcf\x84\xcf\x8c|\xce\x9a\xce\x99\xce\x9d\xce\x97\xce\xa4\xce\x8c|\xce\x9a\xce\xb9\xce\xbd\xce\xb7\xcf\x84\xcf\x8c|\xd7\x98\xd7\x9c\xd7\xa4\xd7\x95\xd7\x9f|\xd7\xa0\xd7\x99\xd7\x99\xd7\x93|\xd9\x87\xd8\xa7\xd8\xaa\xd9\x81|\xd8\xac\xd9\x88\xd8\xa7\xd9\x84|\xd9\x85\xd9\x88\xd8\xa8\xd8\xa7\xd9\x8a\xd9\x84|\xd8\xaa\xd9\x84\xd9\x81\xd9\x88\xd9\x86|\xd0\xbc\xd0\xbe\xd0\xb1\xd1\x96\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb8\xd0\xb9|\xd0\x9c\xd0\x9e\xd0\x91\xd0\x86\xd0\x9b\xd0\xac\xd0\x9d\xd0\x98\xd0\x99|\xd0\x9c\xd0\xbe\xd0\xb1\xd1\x96\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb8\xd0\xb9)\.?([ _-]?(number|nummer|telefon|\xe9\x9b\xbb\xe8\xa9\xb1|\xe7\x95\xaa\xe5\x8f\xb7|\xe5\x8f\xb7\xe7\xa0\x81|\xe8\x99\x9f\xe7\xa2\xbc|\xeb\xb2\x88\xed\x98\xb8|no\.?|nr\.?|#))?([ _-]?\([a-z ]{2,12}\))?( ?\/ ?(fax|tel\.?|text|sms))?[\"']?[ \t]{0,16}([:#=]|\xef\xbc\x9a)?[ \t]{0,16}[\"']?([0-9][ -]?)?\(?[0-9]{2,5}\)?( ?\(0\))?([ .\/-]{1,3}[0-9]{2,8}|\([0-9]{2,5}\)|[0-9]{1,8}){1,5}([^0-9A-Za-z]|$)/ nocase
    condition:
        any of them
}

rule pii_phone_e164
{
    meta:
        category = "pii"
        entity = "phone"
        severity = "low"
        validator = "e164"
        redact = "last4"
        description = "International phone number in E.164 form (+44 20 7183 8750, +44 (0)20 7183 8750, +55 (11) 91234-5678, +81 3-1234-5678, the country code in parentheses: (+44) 20 7183 8750, the trunk 0 in the area code's: +44 (020) 7183 8750, +38 (044) 123-45-67 of Ukraine's 380), and an MSISDN (the number without its '+' after msisdn, or after isdn as Huawei's HLR MML writes it: ISDN=\"12125550123\", or after a call record's A_NUMBER, B_NUMBER, calling/called/dialled/connected (party) number, or in a WhatsApp link: wa.me/4915123456789); country code and length checked"
    strings:
        $e164 = /(^|[^0-9A-Za-z+])(\+1|\+2|\+3|\+4|\+5|\+6|\+7|\+8|\+9)[0-9]{0,3}( ?\(0\)| ?\(0?[1-9][0-9]{0,3}\))?[0-9 .\/-]{6,18}[0-9]([^0-9]|$)/
        $e164_paren = /\((\+1|\+2|\+3|\+4|\+5|\+6|\+7|\+8|\+9)[0-9]{0,3}\) ?(\(0\) ?)?[0-9][0-9 .-]{5,17}[0-9]([^0-9]|$)/
        $msisdn = /msisdn[\"']?[ \t]{0,4}[:=][ \t]{0,4}[\"']?[1-9][0-9]{9,14}([^0-9]|$)/ nocase
        $whatsapp = /(\bwa\.me\/|whatsapp\.com\/send\/?\?phone=)[1-9][0-9]{9,14}([^0-9]|$)/ nocase
        $isdn = /\bisdn[\"']?[ \t]{0,4}[:=][ \t]{0,4}[\"']?[1-9][0-9]{9,14}([^0-9]|$)/ nocase
        $cdr_ab = /\b[ab][ _-]?(number|num|nbr|nr|no)[\"']?[ \t]{0,4}[:=][ \t]{0,4}[\"']?[1-9][0-9]{9,14}([^0-9]|$)/ nocase
        $cdr_party = /\b(calling|called|dialled|dialed|connected|redirecting)[ _-]?(party[ _-]?)?(number|num|nbr|nr|no)[\"']?[ \t]{0,4}[:=][ \t]{0,4}[\"']?[1-9][0-9]{9,14}([^0-9]|$)/ nocase
    condition:
        any of them
}

rule pii_passport_context
{
    meta:
        category = "pii"
        entity = "passport"
        severity = "high"
        validator = "passport"
        redact = "last4"
        description = "Passport number right after passport (number/no/#, is, (country), document number), Reisepass(-Nr./nummer), Passnummer, passeport, pasaporte, passaporto, passaporte, paspoort(nummer), Polish paszport(u), Turkish pasaport, Finnish passin numero, Hungarian utlevel(szam), Romanian pasaport, ryoken bangou, an XML element <PassportNumber>, the number key (number, no, documentNumber) of a JSON or YAML object named passport (passportInfo, passport_details) (6-9 letters/digits, at least 5 digits; a German number of the 2017 alphabet after a German label)"
    strings:
        $passport = /(passport|reisepass|passeport|pasaporte|passaporto|passaporte|paspoort|paszport(u|em)?|\bpasaport|passin numero|(\xc3\xba|\xc3\x9a)tlev\xc3\xa9l(sz\xc3\xa1m)?|pa(\xc8\x99|\xc8\x98|\xc5\x9f|\xc5\x9e|s)aport|\bpassnummer|\bpass-?nr\.?|\xe6\x97\x85\xe5\x88\xb8|\xe3\x83\x91\xe3\x82\xb9\xe3\x83\x9d\xe3\x83\xbc\xe3\x83\x88)[ _-]?((document|doc\.?|id)[ _-]?)?(number|nummer|numero|n\xc3\xbamero|no\.?|num|nr\.?|n\.|#|n\xc2\xb0|n\xc2\xba|n\xba|\xe7\x95\xaa\xe5\x8f\xb7)?( is| ?\([a-z ]{2,20}\))?[\"']?[ \t]{0,16}([:#=>]|\xef\xbc\x9a)?[ \t]{0,16}[\"']?[A-Z0-9]{6,9}([^A-Za-z0-9-]|$)/ nocase
        $nested = /\"passport([ _-]?(info|details|data|document))?\"[ \t]*:[ \t\r\n]*\{[ \t\r\n]*(\"[A-Za-z_]{1,24}\"[ \t]*:[ \t]*(\"[^\"\\{}\r\n]{0,40}\"|[0-9.]{1,12}|true|false|null)[ \t]*,[ \t\r\n]*){0,4}\"((document|doc|passport)[ _-]?)?(number|no|num|nr)\"[ \t]*:[ \t]*\"?[A-Z0-9]{6,9}([^A-Za-z0-9-]|$)/ nocase
        $yaml = /(^|\n)[ \t]*passport([ _-]?(info|details|data|document))?:[ \t]*\r?\n([ \t]+[A-Za-z_]{1,24}:[ \t]*[^ \t\r\n{}][^\r\n{}]{0,40}\r?\n){0,4}[ \t]+((document|doc|passport)[ _-]?)?(number|no|num|nr):[ \t]*[\"']?[A-Z0-9]{6,9}([^A-Za-z0-9-]|$)/ nocase
    condition:
        any of them
}

rule pii_passport_mrz
{
    meta:
        category = "pii"
        entity = "passport"
        severity = "high"
        validator = "mrz"
        redact = "last4"
        description = "Machine-readable zone of a passport (ICAO 9303 TD3, document code P<, PP, PD ...), all check digits verified; its two lines also joined by a space, an escaped \\n or as two JSON strings"
    strings:
        $mrz = /(P<|PA|PB|PC|PD|PE|PF|PG|PH|PI|PJ|PK|PL|PM|PN|PO|PP|PQ|PR|PS|PT|PU|PV|PW|PX|PY|PZ)[A-Z<]{42}(\r?\n|[ \t]{1,2}|\\n|\"[ \t]*,[ \t\r\n]{0,40}\")[A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z0-9<]{14}[0-9<][0-9]/
    condition:
        $mrz
}

rule pii_dob_context
{
    meta:
        category = "pii"
        entity = "dob"
        severity = "medium"
        validator = "dob"
        redact = "mask"
        description = "Date of birth after DOB / date of birth / birth date / BirthDt (ISO 20022) / born / BDAY (vCard) / Geburtsdatum / geboortedatum / date de naissance / fecha de nacimiento / data di nascita / fodselsdato / geboren am / nÃ©e le / nacido el / nascido em / seinengappi, also as a JSON or CSV key, the value on the same line or the next (YYYY-MM-DD, D/M/YYYY, M/D/YYYY, DD.MM.YYYY, 5 January 1980, 5-Jan-1980, 14-Mar-75 (day first; not before a quoted-printable soft break), 5th Jan 1980, Jan 5, 1980, 14MAR1985, month names in English, German, French, Spanish, Italian, Dutch and Portuguese: 14. MÃ¤rz 1985, 14 mars 1985, 13 de marÃ§o de 1985, Japanese 1975nen3gatsu3nichi and Showa/Heisei years, and the ISO basic form YYYYMMDD of vCard BDAY and database columns)"
    strings:
        $dob = /(date of birth|[d]ate[_-]?of[_-]?birth|birth[ _-]?date|birth[ _-]?time|birth[_-]?dt\b|birthday|\bbday|d\.o\.b\.?|\bdob|\bborn( on)?|geburtsdatum|\bgeb\.( am)?|\bgeboren( am| op)?|naiss(ance|\.)|nacimiento|nascita|nascimento|geboortedatum|f\xc3\xb8dselsdato|f\xc3\xb6delsedatum|data urodzenia|\bn\xc3\xa9(e|\(e\))? le|\bnacid[oa] el|\bnascid[oa] em|\bnat[oa] il|\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5|\xe8\xaa\x95\xe7\x94\x9f\xe6\x97\xa5|do(\xc4\x9f|\xc4\x9e|g)um[ _-]?tar(i|\xc4\xb0)hi|\btanggal lahir|\btgl\.? lahir|ng\xc3\xa0y sinh|datum narozen\xc3\xad)[\"']?( ?[\(\[][a-z\/.-]{6,12}[\)\]])?[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?[0-9]{1,4}(\\?[\/.-]|\. )[0-9]{1,2}(\\?[\/.-]|\. )[0-9]{2,4}([^0-9]|$)/ nocase
        $dob_words = /(date of birth|[d]ate[_-]?of[_-]?birth|birth[ _-]?date|birth[ _-]?time|birth[_-]?dt\b|birthday|\bbday|d\.o\.b\.?|\bdob|\bborn( on)?|geburtsdatum|\bgeb\.( am)?|\bgeboren( am| op)?|naiss(ance|\.)|nacimiento|nascita|nascimento|geboortedatum|f\xc3\xb8dselsdato|f\xc3\xb6delsedatum|data urodzenia|\bn\xc3\xa9(e|\(e\))? le|\bnacid[oa] el|\bnascid[oa] em|\bnat[oa] il|\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5|\xe8\xaa\x95\xe7\x94\x9f\xe6\x97\xa5|do(\xc4\x9f|\xc4\x9e|g)um[ _-]?tar(i|\xc4\xb0)hi|\btanggal lahir|\btgl\.? lahir|ng\xc3\xa0y sinh|datum narozen\xc3\xad)[\"']?( ?[\(\[][a-z\/.-]{6,12}[\)\]])?[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?[0-9]{1,2}(st|nd|rd|th|\.)?[ -]?((of|de) )?(jan|feb|f\xc3\xa9v|fev|m\xc3\xa4r|mar|maa|apr|avr|abr|may|mai|mei|mag|jun|jui|giu|jul|lug|aug|ao\xc3\xbb|aou|ago|sep|set|oct|okt|ott|nov|dec|d\xc3\xa9c|dez|dic|ene|gen|out)[a-z\xc3\xa0-\xbf]{0,8}\.?,?[ -]?(de )?([0-9]{4}([^0-9]|$)|[0-9]{2}([^0-9=]|$))/ nocase
        $dob_words_mf = /(date of birth|[d]ate[_-]?of[_-]?birth|birth[ _-]?date|birth[ _-]?time|birth[_-]?dt\b|birthday|\bbday|d\.o\.b\.?|\bdob|\bborn( on)?|geburtsdatum|\bgeb\.( am)?|\bgeboren( am| op)?|naiss(ance|\.)|nacimiento|nascita|nascimento|geboortedatum|f\xc3\xb8dselsdato|f\xc3\xb6delsedatum|data urodzenia|\bn\xc3\xa9(e|\(e\))? le|\bnacid[oa] el|\bnascid[oa] em|\bnat[oa] il|\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5|\xe8\xaa\x95\xe7\x94\x9f\xe6\x97\xa5|do(\xc4\x9f|\xc4\x9e|g)um[ _-]?tar(i|\xc4\xb0)hi|\btanggal lahir|\btgl\.? lahir|ng\xc3\xa0y sinh|datum narozen\xc3\xad)[\"']?( ?[\(\[][a-z\/.-]{6,12}[\)\]])?[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?(jan|feb|f\xc3\xa9v|fev|m\xc3\xa4r|mar|maa|apr|avr|abr|may|mai|mei|mag|jun|jui|giu|jul|lug|aug|ao\xc3\xbb|aou|ago|sep|set|oct|okt|ott|nov|dec|d\xc3\xa9c|dez|dic|ene|gen|out)[a-z\xc3\xa0-\xbf]{0,8}\.? [0-9]{1,2}(st|nd|rd|th)?,? [0-9]{4}([^0-9]|$)/ nocase
        $dob_basic = /(date of birth|[d]ate[_-]?of[_-]?birth|birth[ _-]?date|birth[ _-]?time|birth[_-]?dt\b|birthday|\bbday|d\.o\.b\.?|\bdob|\bborn( on)?|geburtsdatum|\bgeb\.( am)?|\bgeboren( am| op)?|naiss(ance|\.)|nacimiento|nascita|nascimento|geboortedatum|f\xc3\xb8dselsdato|f\xc3\xb6delsedatum|data urodzenia|\bn\xc3\xa9(e|\(e\))? le|\bnacid[oa] el|\bnascid[oa] em|\bnat[oa] il|\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5|\xe8\xaa\x95\xe7\x94\x9f\xe6\x97\xa5|do(\xc4\x9f|\xc4\x9e|g)um[ _-]?tar(i|\xc4\xb0)hi|\btanggal lahir|\btgl\.? lahir|ng\xc3\xa0y sinh|datum narozen\xc3\xad)[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])([^0-9]|$)/ nocase
        $dob_jp = /(date of birth|[d]ate[_-]?of[_-]?birth|birth[ _-]?date|birth[ _-]?time|birth[_-]?dt\b|birthday|\bbday|d\.o\.b\.?|\bdob|\bborn( on)?|geburtsdatum|\bgeb\.( am)?|\bgeboren( am| op)?|naiss(ance|\.)|nacimiento|nascita|nascimento|geboortedatum|f\xc3\xb8dselsdato|f\xc3\xb6delsedatum|data urodzenia|\bn\xc3\xa9(e|\(e\))? le|\bnacid[oa] el|\bnascid[oa] em|\bnat[oa] il|\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5|\xe8\xaa\x95\xe7\x94\x9f\xe6\x97\xa5|do(\xc4\x9f|\xc4\x9e|g)um[ _-]?tar(i|\xc4\xb0)hi|\btanggal lahir|\btgl\.? lahir|ng\xc3\xa0y sinh|datum narozen\xc3\xad)[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?((19|20)[0-9]{2}|\xe6\x98\xad\xe5\x92\x8c[0-9]{1,2}|\xe5\xb9\xb3\xe6\x88\x90([0-9]{1,2}|\xe5\x85\x83))\xe5\xb9\xb4[0-9]{1,2}\xe6\x9c\x88[0-9]{1,2}\xe6\x97\xa5/ nocase
        $dob_intl = /(\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\xa0\xd0\x9e\xd0\x96\xd0\x94\xd0\x95\xd0\x9d\xd0\x98\xd0\xaf|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f|\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\x2e|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\xa0\xd0\x9e\xd0\x96\xd0\x94\x2e|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\x2e|\xe5\x87\xba\xe7\x94\x9f\xe6\x97\xa5\xe6\x9c\x9f|\xe5\x87\xba\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5|\xec\x83\x9d\xeb\x85\x84\xec\x9b\x94\xec\x9d\xbc|\xce\xb7\xce\xbc\xce\xb5\xcf\x81\xce\xbf\xce\xbc\xce\xb7\xce\xbd\xce\xaf\xce\xb1\x20\xce\xb3\xce\xad\xce\xbd\xce\xbd\xce\xb7\xcf\x83\xce\xb7\xcf\x82|\xce\x97\xce\x9c\xce\x95\xce\xa1\xce\x9f\xce\x9c\xce\x97\xce\x9d\xce\x8a\xce\x91\x20\xce\x93\xce\x88\xce\x9d\xce\x9d\xce\x97\xce\xa3\xce\x97\xce\xa3|\xce\x97\xce\xbc\xce\xb5\xcf\x81\xce\xbf\xce\xbc\xce\xb7\xce\xbd\xce\xaf\xce\xb1\x20\xce\xb3\xce\xad\xce\xbd\xce\xbd\xce\xb7\xcf\x83\xce\xb7\xcf\x82|\xd7\xaa\xd7\x90\xd7\xa8\xd7\x99\xd7\x9a\x20\xd7\x9c\xd7\x99\xd7\x93\xd7\x94|\xd8\xaa\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xae\x20\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd9\x84\xd8\xa7\xd8\xaf|\xd8\xaa\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xae\x20\xd8\xa7\xd9\x84\xd9\x88\xd9\x84\xd8\xa7\xd8\xaf\xd8\xa9|\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\x9d\xd0\x90\xd0\xa0\xd0\x9e\xd0\x94\xd0\x96\xd0\x95\xd0\x9d\xd0\x9d\xd0\xaf|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f|\xe7\x94\x9f\xe6\x97\xa5|\xec\x83\x9d\xec\x9d\xbc)[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?[0-9]{1,4}[\/.-][0-9]{1,2}[\/.-][0-9]{2,4}([^0-9]|$)/
        $dob_intl_cjk = /(\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\xa0\xd0\x9e\xd0\x96\xd0\x94\xd0\x95\xd0\x9d\xd0\x98\xd0\xaf|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f|\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\x2e|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\xa0\xd0\x9e\xd0\x96\xd0\x94\x2e|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\x2e|\xe5\x87\xba\xe7\x94\x9f\xe6\x97\xa5\xe6\x9c\x9f|\xe5\x87\xba\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5|\xec\x83\x9d\xeb\x85\x84\xec\x9b\x94\xec\x9d\xbc|\xce\xb7\xce\xbc\xce\xb5\xcf\x81\xce\xbf\xce\xbc\xce\xb7\xce\xbd\xce\xaf\xce\xb1\x20\xce\xb3\xce\xad\xce\xbd\xce\xbd\xce\xb7\xcf\x83\xce\xb7\xcf\x82|\xce\x97\xce\x9c\xce\x95\xce\xa1\xce\x9f\xce\x9c\xce\x97\xce\x9d\xce\x8a\xce\x91\x20\xce\x93\xce\x88\xce\x9d\xce\x9d\xce\x97\xce\xa3\xce\x97\xce\xa3|\xce\x97\xce\xbc\xce\xb5\xcf\x81\xce\xbf\xce\xbc\xce\xb7\xce\xbd\xce\xaf\xce\xb1\x20\xce\xb3\xce\xad\xce\xbd\xce\xbd\xce\xb7\xcf\x83\xce\xb7\xcf\x82|\xd7\xaa\xd7\x90\xd7\xa8\xd7\x99\xd7\x9a\x20\xd7\x9c\xd7\x99\xd7\x93\xd7\x94|\xd8\xaa\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xae\x20\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd9\x84\xd8\xa7\xd8\xaf|\xd8\xaa\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xae\x20\xd8\xa7\xd9\x84\xd9\x88\xd9\x84\xd8\xa7\xd8\xaf\xd8\xa9|\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\x9d\xd0\x90\xd0\xa0\xd0\x9e\xd0\x94\xd0\x96\xd0\x95\xd0\x9d\xd0\x9d\xd0\xaf|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f|\xe7\x94\x9f\xe6\x97\xa5|\xec\x83\x9d\xec\x9d\xbc)[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?(19|20)[0-9]{2}\xe5\xb9\xb4[0-9]{1,2}\xe6\x9c\x88[0-9]{1,2}\xe6\x97\xa5/
        $dob_intl_ko = /(\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\xa0\xd0\x9e\xd0\x96\xd0\x94\xd0\x95\xd0\x9d\xd0\x98\xd0\xaf|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f|\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\x2e|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\xa0\xd0\x9e\xd0\x96\xd0\x94\x2e|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\x2e|\xe5\x87\xba\xe7\x94\x9f\xe6\x97\xa5\xe6\x9c\x9f|\xe5\x87\xba\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5|\xec\x83\x9d\xeb\x85\x84\xec\x9b\x94\xec\x9d\xbc|\xce\xb7\xce\xbc\xce\xb5\xcf\x81\xce\xbf\xce\xbc\xce\xb7\xce\xbd\xce\xaf\xce\xb1\x20\xce\xb3\xce\xad\xce\xbd\xce\xbd\xce\xb7\xcf\x83\xce\xb7\xcf\x82|\xce\x97\xce\x9c\xce\x95\xce\xa1\xce\x9f\xce\x9c\xce\x97\xce\x9d\xce\x8a\xce\x91\x20\xce\x93\xce\x88\xce\x9d\xce\x9d\xce\x97\xce\xa3\xce\x97\xce\xa3|\xce\x97\xce\xbc\xce\xb5\xcf\x81\xce\xbf\xce\xbc\xce\xb7\xce\xbd\xce\xaf\xce\xb1\x20\xce\xb3\xce\xad\xce\xbd\xce\xbd\xce\xb7\xcf\x83\xce\xb7\xcf\x82|\xd7\xaa\xd7\x90\xd7\xa8\xd7\x99\xd7\x9a\x20\xd7\x9c\xd7\x99\xd7\x93\xd7\x94|\xd8\xaa\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xae\x20\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd9\x84\xd8\xa7\xd8\xaf|\xd8\xaa\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xae\x20\xd8\xa7\xd9\x84\xd9\x88\xd9\x84\xd8\xa7\xd8\xaf\xd8\xa9|\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\x9d\xd0\x90\xd0\xa0\xd0\x9e\xd0\x94\xd0\x96\xd0\x95\xd0\x9d\xd0\x9d\xd0\xaf|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f|\xe7\x94\x9f\xe6\x97\xa5|\xec\x83\x9d\xec\x9d\xbc)[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?(19|20)[0-9]{2}\xeb\x85\x84 ?[0-9]{1,2}\xec\x9b\x94 ?[0-9]{1,2}\xec\x9d\xbc/
        $dob_intl_words = /(\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\xa0\xd0\x9e\xd0\x96\xd0\x94\xd0\x95\xd0\x9d\xd0\x98\xd0\xaf|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f|\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\x2e|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\xa0\xd0\x9e\xd0\x96\xd0\x94\x2e|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\x2e|\xe5\x87\xba\xe7\x94\x9f\xe6\x97\xa5\xe6\x9c\x9f|\xe5\x87\xba\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5|\xec\x83\x9d\xeb\x85\x84\xec\x9b\x94\xec\x9d\xbc|\xce\xb7\xce\xbc\xce\xb5\xcf\x81\xce\xbf\xce\xbc\xce\xb7\xce\xbd\xce\xaf\xce\xb1\x20\xce\xb3\xce\xad\xce\xbd\xce\xbd\xce\xb7\xcf\x83\xce\xb7\xcf\x82|\xce\x97\xce\x9c\xce\x95\xce\xa1\xce\x9f\xce\x9c\xce\x97\xce\x9d\xce\x8a\xce\x91\x20\xce\x93\xce\x88\xce\x9d\xce\x9d\xce\x97\xce\xa3\xce\x97\xce\xa3|\xce\x97\xce\xbc\xce\xb5\xcf\x81\xce\xbf\xce\xbc\xce\xb7\xce\xbd\xce\xaf\xce\xb1\x20\xce\xb3\xce\xad\xce\xbd\xce\xbd\xce\xb7\xcf\x83\xce\xb7\xcf\x82|\xd7\xaa\xd7\x90\xd7\xa8\xd7\x99\xd7\x9a\x20\xd7\x9c\xd7\x99\xd7\x93\xd7\x94|\xd8\xaa\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xae\x20\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd9\x84\xd8\xa7\xd8\xaf|\xd8\xaa\xd8\xa7\xd8\xb1\xd9\x8a\xd8\xae\x20\xd8\xa7\xd9\x84\xd9\x88\xd9\x84\xd8\xa7\xd8\xaf\xd8\xa9|\xd0\xb4\xd0\xb0\xd1\x82\xd0\xb0\x20\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f|\xd0\x94\xd0\x90\xd0\xa2\xd0\x90\x20\xd0\x9d\xd0\x90\xd0\xa0\xd0\x9e\xd0\x94\xd0\x96\xd0\x95\xd0\x9d\xd0\x9d\xd0\xaf|\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0\x20\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbe\xd0\xb4\xd0\xb6\xd0\xb5\xd0\xbd\xd0\xbd\xd1\x8f|\xe7\x94\x9f\xe6\x97\xa5|\xec\x83\x9d\xec\x9d\xbc)[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?[0-9]{1,2} (\xd1\x8f\xd0\xbd\xd0\xb2|\xd1\x84\xd0\xb5\xd0\xb2|\xd0\xbc\xd0\xb0|\xd0\xb0\xd0\xbf\xd1\x80|\xd0\xb8\xd1\x8e\xd0\xbd|\xd0\xb8\xd1\x8e\xd0\xbb|\xd0\xb0\xd0\xb2\xd0\xb3|\xd1\x81\xd0\xb5\xd0\xbd|\xd0\xbe\xd0\xba\xd1\x82|\xd0\xbd\xd0\xbe\xd1\x8f|\xd0\xb4\xd0\xb5\xd0\xba|\xd1\x81\xd1\x96\xd1\x87|\xd0\xbb\xd1\x8e\xd1\x82|\xd0\xb1\xd0\xb5\xd1\x80|\xd0\xba\xd0\xb2\xd1\x96|\xd1\x82\xd1\x80\xd0\xb0|\xd1\x87\xd0\xb5\xd1\x80|\xd0\xbb\xd0\xb8\xd0\xbf|\xd1\x81\xd0\xb5\xd1\x80|\xd0\xb2\xd0\xb5\xd1\x80|\xd0\xb6\xd0\xbe\xd0\xb2|\xd0\xbb\xd0\xb8\xd1\x81|\xd0\xb3\xd1\x80\xd1\x83)([\xd0\xd1][\x80-\xbf]){0,6}\.? [0-9]{4}([^0-9]|$)/
        $dob_more = /(data na(s|\xc8\x99|\xc5\x9f)terii|sz(\xc3\xbc|\xc3\x9c|u)let(\xc3\xa9|\xc3\x89|e)si (id(\xc5\x91|\xc5\x90|o)|d(\xc3\xa1|\xc3\x81|a)tum)|syntym(\xc3\xa4|\xc3\x84|a)(aika|p(\xc3\xa4|\xc3\x84|a)iv(\xc3\xa4|\xc3\x84|a))|datum ro(\xc4\x91|d|dj)enja|d(\xc3\xa1|a)tum narodenia|gimimo data|dzim(\xc5\xa1|\xc5\xa0|s)anas datums|s(\xc3\xbc|\xc3\x9c|u)nni(aeg|kuup(\xc3\xa4|a)ev)|tarikh lahir|\bf(\xc3\xb6|\xc3\x96)dd|\bf(\xc3\xb8|\xc3\x98)dt|fecha de nac\.|\bf\. ?nac\.|\bnasc\.|\bgeb\.?-?datum|geburtstag)[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?[0-9]{1,4}([\/.-]|\. )[0-9]{1,2}([\/.-]|\. )[0-9]{2,4}([^0-9]|$)/ nocase
        $dob_words_intl = /(date[ _-]?of[ _-]?birth|birth[ _-]?date|d\.o\.b\.?|\bdob|data urodzenia|do(\xc4\x9f|\xc4\x9e|g)um[ _-]?tar(i|\xc4\xb0)hi)[\"']?( value|;s:[0-9]{1,3}:)?[ \t]{0,16}([:=>-]|\xef\xbc\x9a)?([ \t]{0,16}|[ \t]{0,4}\r?\n[ \t]{0,8})[\"']?((19|20)[0-9]{2}\xeb\x85\x84 ?[0-9]{1,2}\xec\x9b\x94 ?[0-9]{1,2}\xec\x9d\xbc|[0-9]{1,2}\.? ((\xd1\x8f\xd0\xbd\xd0\xb2|\xd1\x84\xd0\xb5\xd0\xb2|\xd0\xbc\xd0\xb0|\xd0\xb0\xd0\xbf\xd1\x80|\xd0\xb8\xd1\x8e\xd0\xbd|\xd0\xb8\xd1\x8e\xd0\xbb|\xd0\xb0\xd0\xb2\xd0\xb3|\xd1\x81\xd0\xb5\xd0\xbd|\xd0\xbe\xd0\xba\xd1\x82|\xd0\xbd\xd0\xbe\xd1\x8f|\xd0\xb4\xd0\xb5\xd0\xba|\xd1\x81\xd1\x96\xd1\x87|\xd0\xbb\xd1\x8e\xd1\x82|\xd0\xb1\xd0\xb5\xd1\x80|\xd0\xba\xd0\xb2\xd1\x96|\xd1\x82\xd1\x80\xd0\xb0|\xd1\x87\xd0\xb5\xd1\x80|\xd0\xbb\xd0\xb8\xd0\xbf|\xd1\x81\xd0\xb5\xd1\x80|\xd0\xb2\xd0\xb5\xd1\x80|\xd0\xb6\xd0\xbe\xd0\xb2|\xd0\xbb\xd0\xb8\xd1\x81|\xd0\xb3\xd1\x80\xd1\x83)([\xd0\xd1][\x80-\xbf]){0,6}|(stycz|lut|marc|kwie|maj|czerw|lip|sierp|wrze|pa|listop|grud|ocak|\xc5\x9fubat|\xc5\x9eubat|subat|mart|nisan|may|haziran|temmuz|a\xc4\x9fustos|agustos|eyl|ekim|kas|aral)([a-z]|[\xc3-\xc5][\x80-\xbf]){0,10})\.? [0-9]{4}([^0-9]|$))/ nocase
    condition:
        any of them
}

rule pii_drivers_license_context
{
    meta:
        category = "pii"
        entity = "drivers_license"
        severity = "high"
        validator = "drivers_license"
        redact = "last4"
        description = "US driver's licence number after driver's license / driver's lic. / driving licence / operator's license (any case, also as a JSON key) or DL#, DL No, DL:, DLN:, or a column or key DL_NUMBER / DL_NO / DL Number followed by : or = (upper case DL; 5-13 letters/digits, possibly grouped by dashes, at least 5 digits)"
    strings:
        $dl = /(driver'?s?[ _-]?(licen[cs]e|lic\.?)|driving licen[cs]e|operator'?s? licen[cs]e)( ?\([A-Z]{2}\))?[ _\t-]{0,2}(number|no\.?|num|#)?[\"']?[ \t]{0,2}[:#=]?[ \t]{0,2}[\"']?[A-Z0-9][A-Z0-9-]{3,15}[A-Z0-9]([^A-Za-z0-9-]|$)/ nocase
        $dl_abbrev = /\bDLN? ?(#|No\.?|num(ber)?|:)[ \t]{0,2}[:#]?[ \t]{0,2}[A-Z0-9][A-Z0-9-]{3,15}[A-Z0-9]([^A-Za-z0-9-]|$)/
        $dl_column = /\bDL[ _-]?(NUMBER|NBR|NUM|NO|Number|No)[\"']?[ \t]{0,2}[:=][ \t]{0,2}[\"']?[A-Z0-9][A-Z0-9-]{3,15}[A-Z0-9]([^A-Za-z0-9-]|$)/
    condition:
        any of them
}

rule pii_card_in_id_field
{
    meta:
        category = "pii"
        entity = "credit_card"
        severity = "critical"
        validator = "luhn"
        description = "Not a finding (the luhn validator vetoes what it matches): a card-shaped number (brand, length, Luhn) written without separators as the value of a key or label naming an identifier (order_id=..., \"invoiceNo\": ..., Order #..., Tracking number ..., \"id\": ..., IMEISV 3539... after the bare word; no card word in the key: card_id, cc_ref stay cards) is that identifier, so its credit_card evidence in the object is dropped (counted under rejected)"
    strings:
        $id_key_q2 = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}([ _-]?(no\.?|nr\.?|number|num|#)[\"']?[ \t]{0,4}[:=#]?|[\"']?[ \t]{0,4}[:=#])[ \t]{0,4}(\"40|\"41|\"42|\"43|\"44|\"45|\"46|\"47|\"48|\"49|\"51|\"52|\"53|\"54|\"55|\"22|\"23|\"24|\"25|\"26|\"27|\"34|\"37|\"30|\"36|\"38|\"39|\"35|\"60|\"62|\"64|\"65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_q1 = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}([ _-]?(no\.?|nr\.?|number|num|#)[\"']?[ \t]{0,4}[:=#]?|[\"']?[ \t]{0,4}[:=#])[ \t]{0,4}('40|'41|'42|'43|'44|'45|'46|'47|'48|'49|'51|'52|'53|'54|'55|'22|'23|'24|'25|'26|'27|'34|'37|'30|'36|'38|'39|'35|'60|'62|'64|'65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_b1 = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}([ _-]?(no\.?|nr\.?|number|num|#)[\"']?[ \t]{0,4}[:=#]?|[\"']?[ \t]{0,4}[:=#])[ \t]{0,3}( 40| 41| 42| 43| 44| 45| 46| 47| 48| 49| 51| 52| 53| 54| 55| 22| 23| 24| 25| 26| 27| 34| 37| 30| 36| 38| 39| 35| 60| 62| 64| 65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_b2 = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}([ _-]?(no\.?|nr\.?|number|num|#)[\"']?[ \t]{0,4}[:=#]?|[\"']?[ \t]{0,4}[:=#])[ \t]{0,3}(\t40|\t41|\t42|\t43|\t44|\t45|\t46|\t47|\t48|\t49|\t51|\t52|\t53|\t54|\t55|\t22|\t23|\t24|\t25|\t26|\t27|\t34|\t37|\t30|\t36|\t38|\t39|\t35|\t60|\t62|\t64|\t65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_colon = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}([ _-]?(no\.?|nr\.?|number|num|#)[\"']?[ \t]{0,4}|[\"']?[ \t]{0,4})(:40|:41|:42|:43|:44|:45|:46|:47|:48|:49|:51|:52|:53|:54|:55|:22|:23|:24|:25|:26|:27|:34|:37|:30|:36|:38|:39|:35|:60|:62|:64|:65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_eq = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}([ _-]?(no\.?|nr\.?|number|num|#)[\"']?[ \t]{0,4}|[\"']?[ \t]{0,4})(=40|=41|=42|=43|=44|=45|=46|=47|=48|=49|=51|=52|=53|=54|=55|=22|=23|=24|=25|=26|=27|=34|=37|=30|=36|=38|=39|=35|=60|=62|=64|=65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_hash = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}([ _-]?(no\.?|nr\.?|number|num|#)[\"']?[ \t]{0,4}|[\"']?[ \t]{0,4})(#40|#41|#42|#43|#44|#45|#46|#47|#48|#49|#51|#52|#53|#54|#55|#22|#23|#24|#25|#26|#27|#34|#37|#30|#36|#38|#39|#35|#60|#62|#64|#65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_hash16 = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{16}[_-](#40|#41|#42|#43|#44|#45|#46|#47|#48|#49|#51|#52|#53|#54|#55|#22|#23|#24|#25|#26|#27|#34|#37|#30|#36|#38|#39|#35|#60|#62|#64|#65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_dot = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}[ _-]?(no|nr)(\.40|\.41|\.42|\.43|\.44|\.45|\.46|\.47|\.48|\.49|\.51|\.52|\.53|\.54|\.55|\.22|\.23|\.24|\.25|\.26|\.27|\.34|\.37|\.30|\.36|\.38|\.39|\.35|\.60|\.62|\.64|\.65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_o = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}[ _-]?n(o40|o41|o42|o43|o44|o45|o46|o47|o48|o49|o51|o52|o53|o54|o55|o22|o23|o24|o25|o26|o27|o34|o37|o30|o36|o38|o39|o35|o60|o62|o64|o65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_r = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}[ _-]?(n|numbe)(r40|r41|r42|r43|r44|r45|r46|r47|r48|r49|r51|r52|r53|r54|r55|r22|r23|r24|r25|r26|r27|r34|r37|r30|r36|r38|r39|r35|r60|r62|r64|r65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_m = /(^|[^A-Za-z0-9_])[\"']?[A-Za-z0-9_.-]{0,24}(order|invoice|tracking|transaction|txn|shipment|reference|ref|sku|serial|account|acct|ticket|policy|claim|parcel|waybill|consignment|barcode|gtin|isbn|imei|iccid|batch|nummer|bestell|rechnung|auftrag|commande|facture|factura|pedido|id)[A-Za-z0-9_-]{0,16}[ _-]?nu(m40|m41|m42|m43|m44|m45|m46|m47|m48|m49|m51|m52|m53|m54|m55|m22|m23|m24|m25|m26|m27|m34|m37|m30|m36|m38|m39|m35|m60|m62|m64|m65)[0-9]{10,17}([^0-9A-Za-z]|$)/ nocase
        $id_key_intl = /(\xd0\xbe\xd0\xb3\xd1\x80\xd0\xbd|\xd0\x9e\xd0\x93\xd0\xa0\xd0\x9d|\xd0\x9e\xd0\xb3\xd1\x80\xd0\xbd|\xd0\xb8\xd0\xbd\xd0\xbd|\xd0\x98\xd0\x9d\xd0\x9d|\xd0\x98\xd0\xbd\xd0\xbd|\xd0\xba\xd0\xbf\xd0\xbf|\xd0\x9a\xd0\x9f\xd0\x9f|\xd0\x9a\xd0\xbf\xd0\xbf|\xd1\x81\xd0\xbd\xd0\xb8\xd0\xbb\xd1\x81|\xd0\xa1\xd0\x9d\xd0\x98\xd0\x9b\xd0\xa1|\xd0\xa1\xd0\xbd\xd0\xb8\xd0\xbb\xd1\x81|\xd0\xbe\xd0\xba\xd0\xbf\xd0\xbe|\xd0\x9e\xd0\x9a\xd0\x9f\xd0\x9e|\xd0\x9e\xd0\xba\xd0\xbf\xd0\xbe|\xd0\xb7\xd0\xb0\xd0\xba\xd0\xb0\xd0\xb7|\xd0\x97\xd0\x90\xd0\x9a\xd0\x90\xd0\x97|\xd0\x97\xd0\xb0\xd0\xba\xd0\xb0\xd0\xb7|\xd1\x81\xd1\x87\xd0\xb5\xd1\x82|\xd0\xa1\xd0\xa7\xd0\x95\xd0\xa2|\xd0\xa1\xd1\x87\xd0\xb5\xd1\x82|\xd1\x81\xd1\x87\xd1\x91\xd1\x82|\xd0\xa1\xd0\xa7\xd0\x81\xd0\xa2|\xd0\xa1\xd1\x87\xd1\x91\xd1\x82|\xe7\xbc\x96\xe5\x8f\xb7|\xe8\xae\xa2\xe5\x8d\x95|\xe5\x8d\x95\xe5\x8f\xb7|\xe4\xbb\xa3\xe7\xa0\x81|\xe5\x8f\x91\xe7\xa5\xa8|\xe8\xbf\x90\xe5\x8d\x95|\xe6\xb3\xa8\xe6\x96\x87|\xe4\xbc\x9d\xe7\xa5\xa8|\xec\xa3\xbc\xeb\xac\xb8|\xec\x86\xa1\xec\x9e\xa5)([A-Za-z_-]|[\xd0\xd1][\x80-\xbf]|[\xe3-\xed][\x80-\xbf][\x80-\xbf]){0,12}[ \t]{0,4}(\xe2\x84\x96|No\.?|Nr\.?|#)?[\"']?[ \t]{0,4}([:=#]|\xef\xbc\x9a)?[ \t]{0,4}[\"']?(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_id = /(fb:(app_id|pages|admins|profile_id|page_id)[\"'][ \t\r\n]{1,8}content=|fbq\([\"']init[\"'], ?)[\"'](40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_1 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){1}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_2 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){2}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_3 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){3}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_4 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){4}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_5 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){5}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_6 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){6}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_7 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){7}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_8 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){8}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_9 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){9}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_10 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){10}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_11 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){11}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_12 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){12}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_13 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){13}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_14 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){14}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_15 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){15}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_16 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){16}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_17 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){17}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_18 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){18}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_19 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){19}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_20 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){20}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_21 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){21}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_22 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){22}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_23 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){23}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_24 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){24}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_25 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){25}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_26 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){26}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_27 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){27}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_28 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){28}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_29 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){29}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_30 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){30}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_31 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){31}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_32 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){32}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_33 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){33}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_34 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){34}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_35 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){35}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_36 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){36}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_37 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){37}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_38 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){38}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $fb_list_39 = /fb:pages[\"'][ \t\r\n]{1,8}content=[\"']([0-9]{5,17}, ?){39}(40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65|5018|5020|5038|5612|5893|6304|6390|6759|6761|6762|6763|2131|1800)[0-9]{8,17}([^0-9A-Za-z]|$)/
        $url_version = /[?&]v=[0-9]{10,19}([^0-9A-Za-z]|$)/
        $imei_bare = /(^|[^A-Za-z0-9_])(imei([ _-]?sv)?|iccid)[ \t]{1,4}[0-9]{12,19}([^0-9A-Za-z]|$)/ nocase
    condition:
        any of them
}

rule pii_card_in_iban
{
    meta:
        category = "pii"
        entity = "credit_card"
        severity = "critical"
        validator = "luhn"
        description = "Not a finding (the luhn validator vetoes what it matches): the digit groups after the letter bank code of a valid grouped IBAN (SC72 SSCB 5193 0102 7452 8927 0635 SCR, PK36 SCBL 0000 0011 2345 6702) are part of that IBAN, so a card-shaped number there has its credit_card evidence dropped (counted under rejected)"
    strings:
        $iban = /\b(AZ|DO|GB|GT|IE|JO|KW|LC|MU|NI|PK|PS|QA|SC|SV|VG|YE)[0-9]{2}( [A-Z0-9]{4}){0,3} [A-Z0-9]{3}[A-Z] [0-9]{4}( [0-9]{4}){2,5}( [A-Z0-9]{1,4}){0,3}/
    condition:
        $iban
}

rule pii_card_in_national_id
{
    meta:
        category = "pii"
        entity = "credit_card"
        severity = "critical"
        validator = "luhn"
        description = "Not a finding (the luhn validator vetoes what it matches): a 12-digit number grouped 4-4-4 (or not) after an Aadhaar, UID, My Number or kojin bangou label is that national id, not a Maestro card that happens to pass Luhn, so its credit_card evidence in the object is dropped (counted under rejected)"
    strings:
        $national_id = /(aadhaa?r|\buid\b|\bmy ?number|\xe3\x83\x9e\xe3\x82\xa4\xe3\x83\x8a\xe3\x83\xb3\xe3\x83\x90\xe3\x83\xbc|\xe5\x80\x8b\xe4\xba\xba\xe7\x95\xaa\xe5\x8f\xb7)[^0-9\r\n]{0,24}[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}([^0-9]|$)/ nocase
    condition:
        $national_id
}

rule pii_phone_in_serial_context
{
    meta:
        category = "pii"
        entity = "phone"
        severity = "low"
        validator = "nanp"
        description = "Not a finding (the nanp validator vetoes what it matches): a North American-shaped number (212-867-5309, (212) 867-5309, 212.867.5309) right after a part, serial, model, SKU, catalogue, article, lot or batch number label (Part No. 212-867-5309, S/N: 312-867-5311) is that identifier, so its phone evidence in the object is dropped (counted under rejected)"
    strings:
        $serial = /(\bpart|\bp\/n|\bs\/n|\bserial|\bmodel|\bsku|\bcatalog(ue)?|\barticle|\blot|\bbatch|\bteilenummer|\bteile-?nr|\bartikelnummer|\bartikel-?nr|\bart\.-?nr|\bseriennummer|\bserien-?nr|\bmodell|\bpieza|\xe5\x93\x81\xe7\x95\xaa|\xe5\x9e\x8b\xe7\x95\xaa|\xe8\xa3\xbd\xe9\x80\xa0\xe7\x95\xaa\xe5\x8f\xb7|\xe9\x83\xa8\xe5\x93\x81\xe7\x95\xaa\xe5\x8f\xb7)([ _-]?(no\.?|number|nr\.?|#))?[ \t]{0,4}([:#.]|\xef\xbc\x9a)?[ \t]{0,4}(\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[.-])[2-9][0-9]{2}[.-][0-9]{4}([^0-9A-Za-z]|$)/ nocase
    condition:
        $serial
}

rule pii_card_in_id_column
{
    meta:
        category = "pii"
        entity = "credit_card"
        severity = "critical"
        validator = "card_id_column"
        veto = "labels"
        description = "Not a finding, a veto: a card-shaped number (brand, length, Luhn) written without separators in a table column headed by an identifier (Order, Order ID, Tracking, Invoice, Account ID, Ref, SKU, Serial, IMEI ...; no card word in the header) is that identifier, so its credit_card evidence in the object is dropped (counted under rejected). Matches only the header-labelled lines of tables (src/extract/tablectx.h); the header words are checked by the validator, so the regex's atoms are the value's first two digits after ': ' (or ': #': a reference written #5518...)"
    strings:
        $id = /(^|[\t\n])[^\t\n:]{1,48}(: 40|: 41|: 42|: 43|: 44|: 45|: 46|: 47|: 48|: 49|: 51|: 52|: 53|: 54|: 55|: 22|: 23|: 24|: 25|: 26|: 27|: 34|: 37|: 30|: 36|: 38|: 39|: 35|: 60|: 62|: 64|: 65|: 50|: 56|: 58|: 63|: 67|: 21|: 18)[0-9]{10,17}([\t\n]|$)/
        $id_hash = /(^|[\t\n])[^\t\n:]{1,48}(: #40|: #41|: #42|: #43|: #44|: #45|: #46|: #47|: #48|: #49|: #51|: #52|: #53|: #54|: #55|: #22|: #23|: #24|: #25|: #26|: #27|: #34|: #37|: #30|: #36|: #38|: #39|: #35|: #60|: #62|: #64|: #65|: #50|: #56|: #58|: #63|: #67|: #21|: #18)[0-9]{10,17}([\t\n]|$)/
    condition:
        any of them
}
