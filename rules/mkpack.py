#!/usr/bin/env python3
# Writes rules/pii/pii.yar, rules/secrets/secrets.yar, rules/corporate/markings.yar.
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
ctx=r"(\bssn|\bss ?(#|no\.?|num)|soc(ial|\.)?[ _-]?sec(urity|\.)?)([ _-]?(number|no\.?|num|nbr|#))?( ?(\/ ?i?tin|\([a-z ]{1,20}\)))?"
pii+="\n"+rule("pii_ssn_context", meta("pii","ssn","critical","US SSN without dashes (9 digits or ddd dd dddd) right after SSN, SS#, SS No, social security (number), soc. sec. no","ssn_context","last4"),
  [("$ssn9", "/%s[^0-9A-Za-z\\n]{0,4}[0-9]{9}([^0-9]|$)/ nocase"%ctx),
   ("$ssn_spaced", "/%s[^0-9A-Za-z\\n]{0,4}[0-9]{3} [0-9]{2} [0-9]{4}([^0-9]|$)/ nocase"%ctx)], "any of them")
cc="40|41|42|43|44|45|46|47|48|49|51|52|53|54|55|22|23|24|25|26|27|34|37|30|36|38|39|35|60|62|64|65".split("|")
pii+="\n"+rule("pii_credit_card", meta("pii","credit_card","critical","Payment card number (Visa, Mastercard, Amex, Discover, JCB, Diners), plain or grouped by spaces/dashes; Luhn and brand length checked","luhn","last4"),
  [("$card", r"/(^|[^0-9A-Za-z .-]|[^0-9][ .])%s[0-9 -]{10,21}[0-9]([^0-9A-Za-z-]|-[^0-9A-Za-z]|$)/"%alt(cc))], "$card")
ib="AD AE AL AT AZ BA BE BG BH BI BR BY CH CR CY CZ DE DJ DK DO EE EG ES FI FK FO FR GB GE GI GL GR GT HR HU IE IL IQ IS IT JO KW KZ LB LC LI LT LU LV LY MC MD ME MK MN MR MT MU NI NL NO OM PK PL PS PT QA RO RS RU SA SC SD SE SI SK SM SO ST SV TL TN TR UA VA VG XK YE".split()
pii+="\n"+rule("pii_iban", meta("pii","iban","high","International Bank Account Number, compact or in groups of four (lower case right after IBAN); country length and mod-97 checked","iban","last4"),
  [("$iban", r"/\b%s[0-9]{2}( ?[A-Z0-9]{4}){2,7}( ?[A-Z0-9]{1,4})?\b/"%alt(ib)),
   ("$iban_labelled", r"/(iban|IBAN|Iban)[^A-Za-z0-9\n]{0,4}[a-z]{2}[0-9]{2}( ?[a-z0-9]{4}){2,7}( ?[a-z0-9]{1,4})?\b/")], "any of them")
loc=[c+"@" for c in "abcdefghijklmnopqrstuvwxyz0123456789_"]+[r"\-@",r"\+@","%@"]
pii+="\n"+rule("pii_email", meta("pii","email","low","E-mail address (TLD shape checked; asset names such as logo@2x.png rejected)","email","email"),
  [("$email", r"/(^|[^a-z0-9._%%+:!#$&*?^~-]|(^|[^a-z])(mailto|e-?mail|mail|contact|from|to|cc|bcc|reply-to|sender|login|address):)[a-z0-9._%%+-]{0,63}%s[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}/ nocase"%alt(loc))], "$email")
LBP=r"(^|[^0-9A-Za-z+( .-]|[^0-9+] |^ )"
dash=alt(["-"+d for d in D]); dot=alt([r"\."+d for d in D])
pii+="\n"+rule("pii_phone_nanp", meta("pii","phone","low","North American phone number (212) 555-1234, 212-555-1234, 212.555.1234, optional +1 / 1- / 1 ; 2125551234 and 212 555 1234 only after phone/tel/mobile/cell/fax; NANP area/exchange rules","nanp","last4"),
  [("$dash", r"/%s(\+?1[ .-]?)?(\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}-)[2-9][0-9]{2}%s[0-9]{3}([^0-9A-Za-z-]|$)/"%(LBP,dash)),
   ("$dot", r"/%s(\+?1[ .])?[2-9][0-9]{2}\.[2-9][0-9]{2}%s[0-9]{3}([^0-9A-Za-z.-]|\.[^0-9A-Za-z]|\.$|$)/"%(LBP,dot)),
   ("$labelled", r"/(phone|\btel|mobile|\bcell|\bfax)( ?(number|no\.?|#))?[ \t]{0,2}[:#=]?[ \t]{0,2}(\+?1 ?)?[2-9][0-9]{2} ?[2-9][0-9]{2} ?[0-9]{4}([^0-9]|$)/ nocase")], "any of them")
plus=alt([r"\+"+d for d in "123456789"])
pii+="\n"+rule("pii_phone_e164", meta("pii","phone","low","International phone number in E.164 form (+44 20 7183 8750, +44 (0)20 7183 8750, +81 3-1234-5678); country code and length checked","e164","last4"),
  [("$e164", r"/(^|[^0-9A-Za-z+])%s[0-9]{0,3}( ?\(0\))?[0-9 .-]{6,18}[0-9]([^0-9]|$)/"%plus)], "$e164")
pii+="\n"+rule("pii_passport_context", meta("pii","passport","high","Passport number right after passport (number/no/#, is, (country)), Reisepass-Nr., passeport, pasaporte (6-9 letters/digits, at least 5 digits)","passport","last4"),
  [("$passport", r"/(passport|reisepass|passeport|pasaporte|passaporto)[ _-]?(number|no\.?|num|nr\.?|#|n\xc2\xb0|n\xba)?( is| ?\([a-z ]{2,20}\))?[\"']?[ \t]{0,3}[:#=]?[ \t]{0,3}[\"']?[A-Z0-9]{6,9}([^A-Za-z0-9-]|$)/ nocase")], "$passport")
pii+="\n"+rule("pii_passport_mrz", meta("pii","passport","high","Machine-readable zone of a passport (ICAO 9303 TD3), all check digits verified","mrz","last4"),
  [("$mrz", r"/P<[A-Z<]{42}\r?\n[A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z0-9<]{14}[0-9<][0-9]/")], "$mrz")
dctx=r"(date of birth|[d]ate[_-]?of[_-]?birth|birth[ _-]?date|birthday|d\.o\.b\.?|\bdob|\bborn( on)?|geburtsdatum|\bgeb\.|naissance|nacimiento|nascita)[\"']?( ?\([a-z\/.-]{6,12}\))?[ \t]{0,2}[:=]?[ \t]{0,2}[\"']?"
mon=r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
pii+="\n"+rule("pii_dob_context", meta("pii","dob","medium","Date of birth after DOB / date of birth / birth date / born / Geburtsdatum, also as a JSON or CSV key (YYYY-MM-DD, D/M/YYYY, M/D/YYYY, DD.MM.YYYY, 5 January 1980, 5-Jan-1980, 5th Jan 1980, Jan 5, 1980)","dob","mask"),
  [("$dob", r"/%s[0-9]{1,4}[\/.-][0-9]{1,2}[\/.-][0-9]{2,4}([^0-9]|$)/ nocase"%dctx),
   ("$dob_words", r"/%s([0-9]{1,2}(st|nd|rd|th)?[ -]%s,?[ -][0-9]{4}|%s [0-9]{1,2}(st|nd|rd|th)?,? [0-9]{4})([^0-9]|$)/ nocase"%(dctx,mon,mon))], "any of them")
pii+="\n"+rule("pii_drivers_license_context", meta("pii","drivers_license","high","US driver's licence number after driver's license / driving licence (any case) or DL#, DL No, DL: (5-13 letters/digits, at least 5 digits)","drivers_license","last4"),
  [("$dl", r"/(driver'?s?[ -]licen[cs]e|driving licen[cs]e)[ \t]{0,2}(number|no\.?|num|#)?[ \t]{0,2}[:#=]?[ \t]{0,2}[A-Z0-9]{5,13}([^A-Za-z0-9]|$)/ nocase"),
   ("$dl_abbrev", r"/\bDL ?(#|No\.?|num(ber)?|:)[ \t]{0,2}[:#]?[ \t]{0,2}[A-Z0-9]{5,13}([^A-Za-z0-9]|$)/")], "any of them")
open(R+"/pii/pii.yar","w").write(pii)

# ---------------- secrets
sec=hdr("Secret rules: namespace secrets.")
sec+=rule("secret_private_key", meta("secret","private_key","critical","PEM, OpenSSH or PGP private key block","private_key","keytype"),
  [("$key", r"/-----BEGIN (RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----[\r\n]+[A-Za-z0-9+\/=\r\n:,. -]{32,400}/")], "$key")
aws="AKIA ASIA ABIA ACCA AGPA AIDA AIPA ANPA ANVA APKA AROA ASCA".split()
sec+="\n"+rule("secret_aws_access_key_id", meta("secret","aws_key","high","AWS access key ID (AKIA/ASIA... + 16 base32 characters)","aws_key_id","prefix4"),
  [("$id", r"/(^|[^A-Z0-9])%s[A-Z2-7]{16}([^A-Za-z0-9]|$)/"%alt(aws))], "$id")
sec+="\n"+rule("secret_aws_secret_key", meta("secret","aws_secret","critical","AWS secret access key (40 characters) after aws_secret_access_key / SecretAccessKey","aws_secret","prefix4"),
  [("$secret", r"/(^|[^a-z0-9_])(aws_?secret_?(access_?)?key|secret_?access_?key)\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?[A-Za-z0-9\/+]{40}([^A-Za-z0-9\/+=]|$)/ nocase")], "$secret")
sec+="\n"+rule("secret_gcp_service_account", meta("secret","gcp_key","critical","Google Cloud service-account JSON key (private_key_id of a service_account file)","gcp_key_id","prefix4"),
  [("$id", r'/"private_key_id"[ \t]*:[ \t]*"[0-9a-f]{40}"/'), ("$ctx_type", r'/"type"[ \t]*:[ \t]*"service_account"/')], "$id and $ctx_type")
sec+="\n"+rule("secret_github_token", meta("secret","token","high","GitHub personal, OAuth, app or refresh token","token","keytype"),
  [("$classic", r"/(^|[^A-Za-z0-9_])(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}([^A-Za-z0-9_]|$)/"),
   ("$fine", r"/github_pat_[A-Za-z0-9_]{82}/")], "any of them")
sec+="\n"+rule("secret_gitlab_token", meta("secret","token","high","GitLab personal access token","token","keytype"),
  [("$pat", r"/glpat-[A-Za-z0-9_-]{20}([^A-Za-z0-9_-]|$)/")], "$pat")
sec+="\n"+rule("secret_slack_token", meta("secret","token","high","Slack bot/user/app token","token","keytype"),
  [("$tok", r"/xox[abeprs]-[0-9A-Za-z-]{10,120}/")], "$tok")
sec+="\n"+rule("secret_stripe_key", meta("secret","token","high","Stripe secret or restricted API key","token","keytype"),
  [("$key", r"/(sk|rk)_(live|test)_[0-9A-Za-z]{24,99}/")], "$key")
sec+="\n"+rule("secret_google_api_key", meta("secret","token","high","Google API key (AIza + 35 characters)","token","keytype"),
  [("$key", r"/(^|[^A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}([^A-Za-z0-9_-]|$)/")], "$key")
sec+="\n"+rule("secret_npm_token", meta("secret","token","high","npm access token","token","keytype"),
  [("$tok", r"/(^|[^A-Za-z0-9_])npm_[A-Za-z0-9]{36}([^A-Za-z0-9_]|$)/")], "$tok")
sec+="\n"+rule("secret_pypi_token", meta("secret","token","high","PyPI API token","token","keytype"),
  [("$tok", r"/pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,200}/")], "$tok")
sec+="\n"+rule("secret_sendgrid_key", meta("secret","token","high","SendGrid API key (SG.<22>.<43>)","token","keytype"),
  [("$key", r"/(^|[^A-Za-z0-9_.-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}([^A-Za-z0-9_-]|$)/")], "$key")
sec+="\n"+rule("secret_slack_webhook", meta("secret","token","high","Slack incoming-webhook URL (hooks.slack.com/services/T.../B.../...)","token","keytype"),
  [("$url", r"/https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24}/")], "$url")
sec+="\n"+rule("secret_openai_key", meta("secret","token","high","OpenAI API key (sk-... with the T3BlbkFJ marker)","token","keytype"),
  [("$key", r"/(^|[^A-Za-z0-9_-])sk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,80}T3BlbkFJ[A-Za-z0-9_-]{20,80}/")], "$key")
sec+="\n"+rule("secret_shopify_token", meta("secret","token","high","Shopify access token or shared secret (shpat_, shpss_, shpca_, shppa_ + 32 hex)","token","keytype"),
  [("$tok", r"/shp(at|ss|ca|pa)_[a-fA-F0-9]{32}([^A-Za-z0-9_]|$)/")], "$tok")
sec+="\n"+rule("secret_huggingface_token", meta("secret","token","high","Hugging Face access token (hf_ + 34 letters)","token","keytype"),
  [("$tok", r"/(^|[^A-Za-z0-9_])hf_[A-Za-z0-9]{34}([^A-Za-z0-9_]|$)/")], "$tok")
sec+="\n"+rule("secret_digitalocean_token", meta("secret","token","high","DigitalOcean personal access / OAuth token (dop_v1_, doo_v1_, dor_v1_ + 64 hex)","token","keytype"),
  [("$tok", r"/do(p|o|r)_v1_[a-f0-9]{64}([^A-Za-z0-9_]|$)/")], "$tok")
sec+="\n"+rule("secret_key_assignment", meta("secret","token","high","API key, client secret, secret key or access token assigned in a config file (api_key=..., \\\"client_secret\\\": \\\"...\\\", SECRET_KEY = '...', AccountKey=...); 16+ characters with letters and digits, placeholders and variables rejected","token_assignment","mask"),
  [("$assign", r"/(^|[^a-z0-9])(api[_-]?key|api[_-]?secret|secret[_-]?key|client[_-]?secret|access[_-]?token|auth[_-]?token|app[_-]?secret|private[_-]?token|accountkey|sharedaccesskey)[\"']?[ \t]*[:=][ \t]*[\"']?[a-z0-9_+\/.=-]{16,200}/ nocase")], "$assign")
sec+="\n"+rule("secret_jwt", meta("secret","jwt","medium","JSON Web Token (header decodes to JSON naming alg)","jwt","prefix4"),
  [("$jwt", r"/eyJ[A-Za-z0-9_-]{10,500}\.eyJ[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{16,600}/")], "$jwt")
sec+="\n"+rule("secret_password_assignment", meta("secret","password","high","Password assigned in a config file (password=..., \\\"password\\\": \\\"...\\\", <password>...</password>); placeholders and variables rejected","password","password"),
  [("$assign", r"/(^|[^a-z0-9_.-])[a-z0-9_.-]{0,24}(password|passwd|passphrase|pwd)\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?[^\s\"'<>;,\\]{4,128}([ \t][a-z])?/ nocase"),
   ("$xml", r"/<(password|passwd|pwd)>[^<\s]{4,128}<\//")], "any of them")
sec+="\n"+rule("secret_password_define", meta("secret","password","high","Password constant in PHP (define('DB_PASSWORD', '...'), wp-config.php)","password","password"),
  [("$define", r"/define\( ?[\"'][A-Z0-9_]{0,24}(PASSWORD|PASSWD|PASS|PWD)[\"'] ?, ?[\"'][^\"'\r\n]{4,128}[\"']/ nocase")], "$define")
sec+="\n"+rule("secret_netrc_password", meta("secret","password","high","Password in a .netrc / _netrc entry (machine ... login ... password ...)","password","password"),
  [("$netrc", r"/\blogin[ \t]+[^\s]{1,64}[ \t\r\n]+password[ \t]+[^\s]{4,128}/")], "$netrc")
sec+="\n"+rule("secret_url_credentials", meta("secret","password","high","Password in a URL or connection string (scheme://user:password@host)","url_password","password"),
  [("$url", r"/(^|[^a-z0-9+.-])[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:\/@\"']{1,64}:[^\s\/@\"']{3,128}@[a-z0-9.-]{1,253}/ nocase")], "$url")
hs=[r"\$1\$",r"\$2a\$",r"\$2b\$",r"\$2y\$",r"\$5\$",r"\$6\$",r"\$y\$",r"\$7\$",r"\$apr1\$",r"\{SHA\}"]
sec+="\n"+rule("secret_password_hash", meta("secret","password_hash","high","Password hash line from /etc/shadow or an htpasswd file (crypt MD5/bcrypt/SHA-256/SHA-512/yescrypt, apr1, {SHA})","crypt","hash"),
  [("$line", r"/(^|[^a-z0-9_.-])[a-z_][a-z0-9_.-]{0,31}%s[.\/A-Za-z0-9$+=]{8,200}/"%alt([":"+h for h in hs]))], "$line")
open(R+"/secrets/secrets.yar","w").write(sec)

corp=hdr("Corporate rules: namespace corporate.")
corp+=rule("corporate_marking", meta("corporate","marking","medium","Classification or handling marking (CONFIDENTIAL, INTERNAL (USE) ONLY, ATTORNEY-CLIENT PRIVILEGED, ATTORNEY WORK PRODUCT, DO NOT DISTRIBUTE, ...) in any case",None,"none"),
  [("$marking", r"/\b((strictly |company |highly |privileged (and|&) |proprietary (and|&) )?confidential|(for )?internal (use )?only|attorney[- ]client privileged?|attorney work product|do not distribute|not for (external )?distribution|top secret|for official use only|secret\/\/noforn)\b/ nocase")], "$marking")
open(R+"/corporate/markings.yar","w").write(corp)
