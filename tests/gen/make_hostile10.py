#!/usr/bin/env python3
"""Eleventh hostile dump with an answer key (tests/e2e/test_hostile10.py).

make_hostile10.py OUT -> OUT/dump/... and OUT/key.json

Same key format as make_hostile3.py (its docstring lists the expect
fields) and make_hostile8.py's checker (entities_only, exact). The earlier
red teams built archives, a breach layout, MIME, mail stores and databases;
this one lays out how a company's COLLABORATION and LEGAL data leaks, each
file written by hand from the format's documented layout, with fake PII:

- chat exports: a Slack workspace export (zip: users.json, channels.json,
  <channel>/<date>.json with text, files[], attachments[] and rich-text
  blocks, "\\/"-escaped URLs, <mailto:|> and <tel:|> links, \\u escapes),
  Microsoft Teams messages as Graph returns them (HTML bodies inside JSON),
  Google Chat from Takeout (messages.json, group_info.json), WhatsApp
  chats (iOS and Android text, an export zip with a contact card),
  Telegram Desktop exports (result.json with text split into entity
  runs, messages.html);
- a Google Takeout zip (Contacts .vcf, Calendar .ics, Drive, Profile and
  My Activity JSON), an Outlook for Mac .olm holding contacts and a
  calendar, an .ics whose attendee list is folded inside addresses;
- an e-discovery production: Concordance .dat load files (thorn 0xFE as
  quote, 0x14 as separator, (R) 0xAE as newline) in UTF-8 with a BOM, in
  Latin-1 and in UTF-16LE with a BOM (one with a 9 KB inline text field),
  Relativity's pipe-and-caret dialect, a structured-data production whose
  SSN column is bare digits, an .opt and an IPRO .lfp image
  cross-reference, TEXT/ and NATIVES/ folders, a privilege log; Bates
  numbers (ACME0000001) must give nothing;
- password-manager and browser exports: KeePass 2 XML and KeePass CSV,
  Bitwarden CSV and JSON (a card and an identity with an SSN), 1Password
  CSV and .1pux, LastPass CSV (secure notes), Dashlane CSV, Keeper's
  header-less CSV, Chrome Login Data and Web Data (SQLite, v10 AES-GCM
  password and card blobs), Takeout's Chrome Autofill.json, Firefox
  logins.json (NSS-encrypted fields: nothing readable);
- HR and payroll exports as the systems write them: ADP CSV with a BOM
  glued to the SSN header, Workday CSV (quoted, embedded newlines), Excel
  "Unicode Text" (UTF-16LE, tabs), a German semicolon CSV in cp1252 with
  decimal commas, a French one, a fixed-width payroll file, an SSA EFW2
  (W-2) file (and one cut short), a NACHA direct-deposit file, payroll
  registers with masked (XXX-XX-1234: nothing to find) and spaced SSNs.

"gap": true marks what a careful tool finds and leaksift does not (the
report that came with this file says why); a gap that starts to hold fails
until its mark is dropped.

Python stdlib only; deterministic.
"""
import json
import os
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_hostile3 as h3  # noqa: E402,F401
import make_hostile8 as h8  # noqa: E402  (the checker, msg and fold75)
import make_maildump as mm  # noqa: E402  (.msg writer)
import hostile_common as hc  # noqa: E402

FP_KEY = b"hostile10 fingerprint key, test only"
# the shared helpers (tests/gen/hostile_common.py): people with SSN areas
# 141 up at acme-corp.test, key(), put(), zipb(), card(), iban(), spaced()
D = hc.Dump(FP_KEY, domain="acme-corp.test", ssn_base=140)
key, put, person, pl = D.key, D.put, D.person, D.pl
card, iban, spaced, zipb, NOSENSE = hc.card, hc.iban, hc.spaced, hc.zipb, hc.NOSENSE


def slack_json(obj):
    """Slack's exporter: 4-space indent, "/" escaped as "\\/", non-ASCII as \\u."""
    return json.dumps(obj, indent=4, ensure_ascii=True).replace("/", "\\/").encode()


# ---------------------------------------------------------------- Slack
def slack_cases():
    a, b, c, d, e = person(), person(), person(), person(), person()
    users = [{"id": "U0G9QF9C%d" % i, "team_id": "T0G9PQBBK", "name": p["first"].lower(), "deleted": False,
              "real_name": p["name"], "tz": "America/Los_Angeles", "tz_offset": -28800,
              "profile": {"title": "Payroll", "phone": p["phone"], "real_name": p["name"], "email": p["email"],
                          "image_72": "https://avatars.slack-edge.com/2014-11-24/3146573962_a1b2c3d4e5f6_72.jpg",
                          "avatar_hash": "a1b2c3d4e5f6", "team": "T0G9PQBBK"},
              "is_admin": i == 0, "updated": 1416819600 + i}
             for i, p in enumerate((a, b))]
    channels = [{"id": "C0G9QF9GZ", "name": "general", "created": 1416819600, "creator": "U0G9QF9C0",
                 "is_archived": False, "is_general": True, "members": ["U0G9QF9C0", "U0G9QF9C1"],
                 "topic": {"value": "Company-wide announcements", "creator": "U0G9QF9C0", "last_set": 1416819600},
                 "purpose": {"value": "This channel is for team-wide communication", "creator": "U0G9QF9C0",
                             "last_set": 1416819600}},
                {"id": "C0G9RK2M1", "name": "hr-private", "created": 1416906000, "creator": "U0G9QF9C0",
                 "is_archived": False, "is_general": False, "members": ["U0G9QF9C0"],
                 "topic": {"value": "", "creator": "", "last_set": 0},
                 "purpose": {"value": "Payroll changes", "creator": "U0G9QF9C0", "last_set": 1416906000}}]

    def m(i, user, text, **kw):
        d_ = {"client_msg_id": "5f0b%04x-1c2d-4e5f-8a9b-0c1d2e3f%04x" % (i, i * 7), "type": "message",
              "text": text, "user": user, "ts": "14168%05d.%06d" % (19600 + i * 61, 200 + i),
              "team": "T0G9PQBBK",
              "blocks": [{"type": "rich_text", "block_id": "bk%03d" % i, "elements": [
                  {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}]}]}
        d_.update(kw)
        return d_
    general = [
        m(1, "U0G9QF9C0", "Welcome <@U0G9QF9C1>! Payroll questions go to <mailto:%s|%s>" % (a["email"], a["email"])),
        m(2, "U0G9QF9C1", "Parking in lot 4 is closed on Friday :car: ts 1416819661.000201"),
        m(3, "U0G9QF9C1", "Call me at <tel:+1%s|%s> after 3pm" % (b["phone10"], b["phone"])),
    ]
    hr = [
        m(11, "U0G9QF9C0", "New hire %s\nSSN: %s\nDOB: %s" % (c["name"], c["ssn"], c["dob"])),
        m(12, "U0G9QF9C0", "uploaded a file",
          files=[{"id": "F0G9S3X7Q", "created": 1416906100, "timestamp": 1416906100, "name": "offer_letter.pdf",
                  "title": "Offer letter %s" % d["name"], "mimetype": "application/pdf", "filetype": "pdf",
                  "user": "U0G9QF9C0", "size": 48213,
                  "url_private": "https://files.slack.com/files-pri/T0G9PQBBK-F0G9S3X7Q/offer_letter.pdf",
                  "permalink": "https://acme-corp.slack.com/files/U0G9QF9C0/F0G9S3X7Q/offer_letter.pdf"}]),
        m(13, "U0G9QF9C0", "corporate card for travel",
          attachments=[{"fallback": "Card on file: %s exp 04/17" % spaced(d["card"]), "id": 1,
                        "color": "36a64f", "text": "Card on file: %s exp 04/17" % spaced(d["card"]),
                        "footer": "Expensify"}]),
        m(14, "U0G9QF9C0", "SSN\u00a0correction for %s: %s" % (d["name"], d["ssn"])),
        m(15, "U0G9QF9C0", "Direct deposit form for %s\nSSN: %s\nRouting 121000358" % (e["name"], e["ssn9"])),
    ]
    z = zipb([("users.json", slack_json(users)), ("channels.json", slack_json(channels)),
              ("integration_logs.json", slack_json({"logs": [{"service_id": "3146573962", "service_type": "Google Drive",
                                                              "date": "1416819600", "change_type": "added",
                                                              "user_id": "U0G9QF9C0"}]})),
              ("general/2014-11-24.json", slack_json(general)), ("hr-private/2014-11-25.json", slack_json(hr))])
    r = put("Collab/Slack/Acme Corp Slack export Nov 24 2014.zip", z)
    key("slack_users", r, ["users.json"], planted={"email": [a["email"], b["email"]],
                                                   "phone": [a["phone10"], b["phone10"]]})
    key("slack_channels_clean", r, ["channels.json"], no_findings=True)
    key("slack_integration_clean", r, ["integration_logs.json"], no_findings=True)
    key("slack_general", r, ["general/2014-11-24.json"], planted={"email": [a["email"]], "phone": [b["phone10"]]},
        entities_only=["email", "phone"], exact={"phone": [b["phone10"]]})
    key("slack_hr_ssn", r, ["hr-private/2014-11-25.json"], planted=pl(c, email=False))
    # the JSON string holds "...\\nDOB: 1961-..": the label follows the
    # escape's "n" with no word boundary; JSON string escapes are decoded for
    # the rules (src/extract/jsonesc.c)
    key("slack_hr_dob_after_escape", r, ["hr-private/2014-11-25.json"], entities_all=["dob"])
    key("slack_hr_attachment_card", r, ["hr-private/2014-11-25.json"], planted={"credit_card": [d["card"]]})
    # "SSN\u00a0correction": the exporter writes the no-break space as a JSON escape
    key("slack_hr_escaped_nbsp", r, ["hr-private/2014-11-25.json"], planted={"ssn": [d["ssn9"]]})
    # the same, an SSN without dashes whose only context is "\\nSSN: "
    key("slack_hr_bare_ssn_after_escape", r, ["hr-private/2014-11-25.json"], planted={"ssn": [e["ssn9"]]})
    key("slack_root", r, [], coverage="full", verdict="sensitive")


# ---------------------------------------------------------------- Teams / Google Chat
def chat_cases():
    a, b, c = person(), person(), person()
    msgs = {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats('19%3Ameeting')/messages",
            "value": [
                {"id": "1416819600123", "replyToId": None, "etag": "1416819600123", "messageType": "message",
                 "createdDateTime": "2014-11-24T08:00:00.123Z", "importance": "normal", "locale": "en-us",
                 "from": {"user": {"id": "8ea0e38b-efb3-4757-924a-5f94061cf8c2", "displayName": a["name"],
                                   "userIdentityType": "aadUser"}},
                 "body": {"contentType": "html",
                          "content": "<div><div><p>%s&#39;s SSN is&nbsp;%s, DOB %s</p></div></div>"
                                     % (b["name"], b["ssn"], b["dob"])},
                 "attachments": [], "mentions": [], "reactions": []},
                {"id": "1416819661456", "messageType": "message", "createdDateTime": "2014-11-24T08:01:01.456Z",
                 "from": {"user": {"id": "5f0c8a3e-2b1d-4c6e-9f7a-08d1d6a4b2c3", "displayName": b["name"],
                                   "userIdentityType": "aadUser"}},
                 "body": {"contentType": "html",
                          "content": "<p>Reach me on <a href=\"mailto:%s\">%s</a> or %s</p>"
                                     % (b["email"], b["email"], b["phone"])}}]}
    r = put("Collab/Teams/Payroll chat/messages.json", json.dumps(msgs, indent=2).encode())
    key("teams_html_in_json", r, [], planted={"ssn": [b["ssn9"]], "email": [b["email"]], "phone": [b["phone10"]]},
        entities_all=["dob"])
    key("teams_ids_clean", r, [], entities_only=["ssn", "email", "phone", "dob"])
    gc = {"messages": [
        {"creator": {"name": c["name"], "email": c["email"], "user_type": "Human"},
         "created_date": "Monday, November 24, 2014 at 8:00:00 AM UTC",
         "text": "my social security number is %s, card %s" % (c["ssn"], c["card"]),
         "topic_id": "xFh8sT0bH2c", "message_id": "3qNP8ek4OdY/xFh8sT0bH2c/xFh8sT0bH2c"}]}
    gi = {"members": [{"name": c["name"], "email": c["email"], "user_type": "Human"},
                      {"name": a["name"], "email": a["email"], "user_type": "Human"}]}
    r = put("Collab/Takeout/Google Chat/Groups/DM 3qNP8ek4OdY/messages.json", json.dumps(gc, indent=2).encode())
    key("gchat_messages", r, [], planted=pl(c, cc=True))
    r = put("Collab/Takeout/Google Chat/Groups/DM 3qNP8ek4OdY/group_info.json", json.dumps(gi, indent=2).encode())
    key("gchat_group_info", r, [], planted={"email": [c["email"], a["email"]]}, entities_only=["email"])


# ---------------------------------------------------------------- WhatsApp / Telegram
def messenger_cases():
    a, b, c, d, e = person(), person(), person(), person(), person()
    lrm = "\u200e"
    ios = ("[24/11/2014, 08:00:12] %s: Messages and calls are end-to-end encrypted.\r\n"
           "[24/11/2014, 08:01:40] %s: here is my SSN %s for the payroll form\r\n"
           "%s[24/11/2014, 08:02:05] %s: %s<attached: 00000012-PHOTO-2014-11-24-08-02-05.jpg>\r\n"
           "[24/11/2014, 08:03:00] %s: and card %s\r\nexp 04/17\r\n"
           % (a["name"], a["name"], a["ssn"], lrm, a["name"], lrm, a["name"], a["card"]))
    r = put("Collab/WhatsApp/WhatsApp Chat - %s.txt" % a["name"], ios.encode())
    key("whatsapp_ios_txt", r, [], planted=pl(a, email=False, cc=True), entities_only=["ssn", "credit_card"])
    android = ("11/24/14, 8:00 AM - Messages to this group are now secured with end-to-end encryption.\n"
               "11/24/14, 8:01 AM - +1 %s: new hire %s SSN %s\n"
               "11/24/14, 8:02 AM - +1 %s: <Media omitted>\n" % (b["phone"], c["name"], c["ssn"], b["phone"]))
    vcf = ("BEGIN:VCARD\nVERSION:3.0\nN:%s;%s;;;\nFN:%s\nTEL;type=CELL;type=VOICE;waid=1%s:+1 %s\nEND:VCARD\n"
           % (d["last"], d["first"], d["name"], d["phone10"], d["phone"]))
    z = zipb([("_chat.txt", android.encode()), ("00000013-%s.vcf" % d["name"].replace(" ", "_"), vcf.encode()),
              ("00000012-AUDIO-2014-11-24-08-02-05.opus", b"OggS\0\x02" + bytes(range(256)) * 8)])
    r = put("Collab/WhatsApp/WhatsApp Chat - Payroll.zip", z)
    key("whatsapp_android_sender_phone", r, ["_chat.txt"], planted={"phone": [b["phone10"]], "ssn": [c["ssn9"]]})
    key("whatsapp_contact_card", r, ["00000013-%s.vcf" % d["name"].replace(" ", "_")],
        planted={"phone": [d["phone10"]]})
    key("whatsapp_zip_root", r, [], coverage="full", verdict="sensitive")
    # Telegram Desktop: "text" is a list of plain strings and entity runs;
    # the SSN sits in a bold run after its label
    tg = {"name": "Payroll", "type": "private_group", "id": 4711815,
          "messages": [
              {"id": 1, "type": "service", "date": "2014-11-24T08:00:00", "date_unixtime": "1416816000",
               "actor": d["name"], "actor_id": "user5512345678", "action": "create_group", "title": "Payroll",
               "members": [d["name"], e["name"]], "text": "", "text_entities": []},
              {"id": 2, "type": "message", "date": "2014-11-24T08:01:00", "date_unixtime": "1416816060",
               "from": d["name"], "from_id": "user5512345678",
               "text": ["%s's SSN is " % e["name"], {"type": "bold", "text": e["ssn"]}, ", phone ",
                        {"type": "phone", "text": "+1%s" % e["phone10"]}, ", mail ",
                        {"type": "email", "text": e["email"]}],
               "text_entities": [{"type": "plain", "text": "%s's SSN is " % e["name"]},
                                 {"type": "bold", "text": e["ssn"]}, {"type": "plain", "text": ", phone "},
                                 {"type": "phone", "text": "+1%s" % e["phone10"]},
                                 {"type": "plain", "text": ", mail "}, {"type": "email", "text": e["email"]}]}]}
    r = put("Collab/Telegram/ChatExport_2014-11-24/result.json",
            json.dumps(tg, indent=1, ensure_ascii=False).encode())
    key("telegram_json_runs", r, [], planted=pl(e, phone=True))
    key("telegram_json_ids_clean", r, [], entities_only=["ssn", "email", "phone"])
    f = person()
    html = ("<!DOCTYPE html>\n<html>\n <head>\n  <meta charset=\"utf-8\"/>\n  <title>Exported Data</title>\n"
            "  <link href=\"css/style.css\" rel=\"stylesheet\"/>\n </head>\n <body>\n"
            "  <div class=\"page_wrap\">\n   <div class=\"history\">\n"
            "    <div class=\"message default clearfix\" id=\"message2\">\n"
            "     <div class=\"pull_left userpic_wrap\"><div class=\"userpic userpic4\" style=\"width: 42px; "
            "height: 42px\"><div class=\"initials\" style=\"line-height: 42px\">DR</div></div></div>\n"
            "     <div class=\"body\">\n      <div class=\"pull_right date details\" title=\"24.11.2014 08:01:00 "
            "UTC+00:00\">08:01</div>\n      <div class=\"from_name\">%s</div>\n"
            "      <div class=\"text\">SSN <strong>%s</strong><br>DOB %s<br><a href=\"mailto:%s\">%s</a></div>\n"
            "     </div>\n    </div>\n   </div>\n  </div>\n </body>\n</html>\n"
            % (d["name"], f["ssn"], f["dob"], f["email"], f["email"]))
    r = put("Collab/Telegram/ChatExport_2014-11-24/messages.html", html.encode())
    key("telegram_html", r, [], planted=pl(f), entities_all=["dob"])


# ---------------------------------------------------------------- Google Takeout, .olm, .ics
def takeout_cases():
    a, b, c, d, owner = person(), person(), person(), person(), person()
    vcf = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s\r\nN:%s;%s;;;\r\nEMAIL;TYPE=INTERNET;TYPE=HOME:%s\r\n"
           "TEL;TYPE=CELL:%s\r\nBDAY:%s\r\nNOTE:SSN %s\\nbadge 4711\r\nCATEGORIES:myContacts\r\nEND:VCARD\r\n"
           % (a["name"], a["last"], a["first"], a["email"], a["phone"], a["dob"], a["ssn"]))
    att = ["ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=%s;X-NUM-GUESTS=0:mailto:%s"
           % (p["name"], p["email"]) for p in (b, c)]
    ics = (b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n"
           b"CALSCALE:GREGORIAN\r\nX-WR-CALNAME:" + owner["email"].encode() + b"\r\nBEGIN:VEVENT\r\n"
           b"DTSTART:20141124T160000Z\r\nDTEND:20141124T170000Z\r\nDTSTAMP:20141124T080000Z\r\n"
           b"UID:7kukuqrfedlm2f9t1o7fnq3kas@google.com\r\n" + b"".join(h8.fold75(x) for x in att) +
           h8.fold75("DESCRIPTION:Interview notes\\nCandidate SSN %s\\, DOB %s" % (d["ssn"], d["dob"])) +
           b"SUMMARY:Offer call\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    profile = {"name": {"givenName": a["first"], "familyName": a["last"], "formattedName": a["name"]},
               "displayName": a["name"], "emails": [{"value": a["email"]}], "birthday": a["dob"],
               "gender": {"type": "female"}, "phoneNumbers": [{"value": "+1%s" % a["phone10"], "type": "mobile"}]}
    activity = [{"header": "Drive", "title": "Edited payroll_2014.xlsx",
                 "titleUrl": "https://drive.google.com/open?id=1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms",
                 "time": "2014-11-24T08:00:00.123Z", "products": ["Drive"],
                 "activityControls": ["Web & App Activity"]} for _ in range(3)]
    drive = "name,ssn,dob\r\n%s,%s,%s\r\n" % (c["name"], c["ssn"], c["dob"])
    z = zipb([("Takeout/archive_browser.html", b"<html><body><h1>Your Google data</h1></body></html>"),
              ("Takeout/Contacts/All Contacts/All Contacts.vcf", vcf.encode()),
              ("Takeout/Calendar/%s.ics" % owner["email"], ics),
              ("Takeout/Profile/Profile.json", json.dumps(profile, indent=2).encode()),
              ("Takeout/My Activity/Drive/MyActivity.json", json.dumps(activity, indent=2).encode()),
              ("Takeout/Drive/HR/roster.csv", drive.encode())])
    r = put("Collab/Takeout/takeout-20141124T080000Z-001.zip", z)
    key("takeout_vcf", r, ["Takeout/Contacts/All Contacts/All Contacts.vcf"],
        planted={"ssn": [a["ssn9"]], "email": [a["email"]], "phone": [a["phone10"]]})
    # Takeout names a calendar after its owner's address: the name must be
    # written masked (the address rule reads the extension as part of the
    # domain, acme-corp.test.ics: the address is what is left without it).
    # The address after "X-WR-CALNAME:" is not found (a colon before an
    # address is only taken after mailto, email, from ...: user:pass@host)
    key("takeout_ics_name_masked", r, ["Takeout/Calendar/%s.ics" % owner["email"]], absent=True)
    key("takeout_ics_name_masked2", r, ["Takeout/Calendar/%s***@acme-corp.test.ics" % owner["email"][0]],
        coverage="full")
    key("takeout_ics_attendees", r, None, planted_under={"email": [b["email"], c["email"]], "ssn": [d["ssn9"]]})
    key("takeout_profile", r, ["Takeout/Profile/Profile.json"],
        planted={"email": [a["email"]], "phone": [a["phone10"]]}, entities_all=["dob"])
    key("takeout_activity_clean", r, ["Takeout/My Activity/Drive/MyActivity.json"], no_findings=True)
    key("takeout_drive_csv", r, ["Takeout/Drive/HR/roster.csv"], planted=pl(c, email=False))
    key("takeout_index_clean", r, ["Takeout/archive_browser.html"], no_findings=True)
    # Outlook for Mac: contacts and calendar as XML inside the .olm zip
    e, f = person(), person()
    contacts = ('<?xml version="1.0" encoding="UTF-8"?>\n<contacts>\n<contact>'
                '<OPFContactCopyDisplayName>%s</OPFContactCopyDisplayName>'
                '<OPFContactCopyFirstName>%s</OPFContactCopyFirstName>'
                '<OPFContactCopyLastName>%s</OPFContactCopyLastName>'
                '<OPFContactCopyCellPhone>%s</OPFContactCopyCellPhone>'
                '<OPFContactCopyEmailAddressList><contactEmailAddress OPFContactEmailAddressAddress="%s" '
                'OPFContactEmailAddressName="%s" OPFContactEmailAddressType="0"/></OPFContactCopyEmailAddressList>'
                '<OPFContactCopyNotesPlain>SSN %s</OPFContactCopyNotesPlain>'
                '</contact>\n</contacts>\n' % (e["name"], e["first"], e["last"], e["phone"], e["email"], e["name"],
                                                e["ssn"]))
    cal = ('<?xml version="1.0" encoding="UTF-8"?>\n<appointments>\n<appointment>'
           '<OPFCalendarEventCopySummary>Benefits review</OPFCalendarEventCopySummary>'
           '<OPFCalendarEventCopyOrganizer>%s</OPFCalendarEventCopyOrganizer>'
           '<OPFCalendarEventCopyAttendeeList><appointmentAttendee OPFCalendarAttendeeAddress="%s" '
           'OPFCalendarAttendeeName="%s" OPFCalendarAttendeeType="1"/></OPFCalendarEventCopyAttendeeList>'
           '<OPFCalendarEventCopyDescriptionPlain>Bring card %s</OPFCalendarEventCopyDescriptionPlain>'
           '</appointment>\n</appointments>\n' % (e["email"], f["email"], f["name"], f["card"]))
    z = zipb([("Local/com.microsoft.__Contacts/Contacts.xml", contacts.encode()),
              ("Local/com.microsoft.__Calendar/Calendar.xml", cal.encode()),
              ("Categories.xml", b'<?xml version="1.0"?>\n<categories><category name="Red"/></categories>\n')])
    r = put("Collab/Outlook/ada.olm", z)
    key("olm_contacts", r, ["Local/com.microsoft.__Contacts/Contacts.xml"],
        planted={"ssn": [e["ssn9"]], "email": [e["email"]], "phone": [e["phone10"]]})
    key("olm_calendar", r, ["Local/com.microsoft.__Calendar/Calendar.xml"],
        planted={"email": [e["email"], f["email"]], "credit_card": [f["card"]]})
    key("olm_categories_clean", r, ["Categories.xml"], no_findings=True)
    # an Outlook invitation: a long attendee list folded at 75 octets, so
    # folds fall inside addresses
    ppl = [person() for _ in range(6)]
    body = b"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nPRODID:Microsoft Exchange Server 2010\r\nVERSION:2.0\r\n" \
           b"BEGIN:VEVENT\r\nORGANIZER;CN=\"Moss, Ada\":mailto:" + ppl[0]["email"].encode() + b"\r\n"
    for p in ppl[1:]:
        body += h8.fold75("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=\"%s, %s\":mailto:%s"
                          % (p["last"], p["first"], p["email"]))
    body += (b"UID:040000008200E00074C5B7101A82E00800000000D0C8E2B1F007D0010000000000000000100000001B3F9A5C"
             b"\r\nSUMMARY;LANGUAGE=en-US:Layoff list review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    r = put("Collab/Outlook/Layoff list review.ics", body)
    key("ics_folded_attendees", r, [], planted={"email": [p["email"] for p in ppl]}, entities_only=["email"])


# ---------------------------------------------------------------- e-discovery production
TH, SEP, NL = "\u00fe", "\x14", "\u00ae"


def dat(rows):
    return "".join(SEP.join(TH + v + TH for v in row) + "\r\n" for row in rows)


def ediscovery_cases():
    people = [person() for _ in range(6)]
    a, b, c, d, e, f = people
    head = ["BEGBATES", "ENDBATES", "BEGATTACH", "ENDATTACH", "CUSTODIAN", "FROM", "TO", "SUBJECT", "DATESENT",
            "TEXTPATH", "NATIVEPATH", "MD5HASH"]
    rows = [head]
    for i, (s, t) in enumerate(((a, b), (b, c))):
        bb = "ACME%07d" % (1 + i * 3)
        rows.append([bb, "ACME%07d" % (3 + i * 3), bb, "ACME%07d" % (3 + i * 3), s["name"], s["email"],
                     "%s; %s" % (t["email"], a["email"]), "RE: benefits enrollment", "11/24/2014",
                     "TEXT\\TEXT001\\%s.txt" % bb, "NATIVES\\NATIVE001\\%s.msg" % bb,
                     "9f86d081884c7d659a2feaa0c55ad015"])
    r = put("Legal/PROD001/DATA/PROD001.dat", b"\xef\xbb\xbf" + dat(rows).encode())
    key("dat_utf8_emails", r, [], planted={"email": [a["email"], b["email"], c["email"]]},
        entities_only=["email"])
    # Latin-1: the thorn is one byte 0xFE, the (R) newline 0xAE; an
    # inline extracted-text field holds the SSN
    rows = [head[:6] + ["EXTRACTEDTEXT"],
            ["ACME0000010", "ACME0000010", "", "", "Ren\u00e9e Fa\u00fcre", d["email"],
             "Employee: %s%sSSN: %s%sDOB: %s%sSalaire: 4.250,00" % (d["name"], NL, d["ssn"], NL, d["dob"], NL)]]
    r = put("Legal/PROD002/DATA/PROD002.dat", dat(rows).encode("latin-1"))
    key("dat_latin1_inline_text", r, [], planted=pl(d), entities_all=["dob"])
    rows = [head[:6] + ["EXTRACTEDTEXT"],
            ["ACME0000020", "ACME0000021", "", "", e["name"], e["email"],
             "Card %s%sSSN %s" % (e["card"], NL, e["ssn"])]]
    r = put("Legal/PROD003/DATA/PROD003.dat", b"\xff\xfe" + dat(rows).encode("utf-16-le"))
    key("dat_utf16_bom", r, [], planted=pl(e, cc=True))
    # a structured-data production (an HRIS table): bare nine-digit SSNs
    # under an SSN column, thorn-quoted
    hr = [person() for _ in range(3)]
    rows = [["EMPID", "LASTNAME", "FIRSTNAME", "SSN", "BIRTHDATE", "BEGBATES"]]
    rows += [["%05d" % (10023 + i), p["last"], p["first"], p["ssn9"], p["dob"], "ACME%07d" % (100 + i)]
             for i, p in enumerate(hr)]
    r = put("Legal/PROD004/DATA/HRIS_EXPORT.dat", b"\xef\xbb\xbf" + dat(rows).encode())
    key("dat_structured_bare_ssn", r, [], planted={"ssn": [p["ssn9"] for p in hr]})
    key("dat_structured_bates_clean", r, [], entities_only=["ssn", "dob"])
    opt = "".join("ACME%07d,PROD001,IMAGES\\IMG001\\ACME%07d.tif,%s,,,%s\r\n"
                  % (i, i, "Y" if i in (1, 4) else "", "3" if i in (1, 4) else "") for i in range(1, 7))
    r = put("Legal/PROD001/DATA/PROD001.opt", opt.encode())
    key("opt_clean", r, [], no_findings=True, verdict="clean")
    lfp = "".join("IM,ACME%07d,%s,0,@PROD001;IMAGES\\IMG001;ACME%07d.tif;2\r\n" % (i, "D" if i in (1, 4) else "", i)
                  for i in range(1, 7))
    r = put("Legal/PROD001/DATA/PROD001.lfp", lfp.encode())
    key("lfp_clean", r, [], no_findings=True, verdict="clean")
    txt = ("From: %s\r\nTo: %s\r\nSubject: RE: benefits enrollment\r\n\r\nPlease update my record:\r\n"
           "SSN %s, cell %s.\r\n" % (a["email"], b["email"], a["ssn"], a["phone"]))
    r = put("Legal/PROD001/TEXT/TEXT001/ACME0000001.txt", txt.encode())
    key("text_folder", r, [], planted=pl(a, phone=True))
    r = put("Legal/PROD001/NATIVES/NATIVE001/ACME0000004.msg",
            mm.outlook_msg("roster", "see attached", [("roster.csv", h8.csv_att("SSN %s" % f["ssn"]))]))
    key("native_msg_att", r, None, planted_under={"ssn": [f["ssn9"]]})
    priv = ("Bates Begin,Bates End,Date,Author,Recipients,Privilege Type,Description\r\n"
            "ACME0000007,ACME0000009,11/24/2014,%s,\"%s; %s\",Attorney-Client,"
            "Email requesting legal advice re: severance\r\n" % (c["email"], a["email"], b["email"]))
    r = put("Legal/PROD001/Privilege Log.csv", priv.encode())
    key("privlog", r, [], planted={"email": [a["email"], b["email"], c["email"]]}, entities_only=["email"])


# ---------------------------------------------------------------- password managers and browsers
def sqlite_bytes(ddl, rows):
    p = D.tmp("t.sqlite")
    if os.path.exists(p):
        os.remove(p)
    con = sqlite3.connect(p)
    for s in ddl:
        con.execute(s)
    for sql, vals in rows:
        con.execute(sql, vals)
    con.commit()
    con.close()
    with open(p, "rb") as f:
        return f.read()


def blob(seed, n):
    return h3.noise(n, seed)


PW = ["Xk9#mPq2!vLr", "Qw7$zLp0#rTe", "hunter2-Bl4ck!", "S3cure*Payr0ll", "Tr0ub4dor&3xQ", "Mx!82kLp#Wq0"]


def password_cases():
    a, b, c, d = person(), person(), person(), person()
    kx = ('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<KeePassFile>\n\t<Meta>\n'
          '\t\t<Generator>KeePass</Generator>\n\t\t<DatabaseName>Acme</DatabaseName>\n\t</Meta>\n\t<Root>\n'
          '\t\t<Group>\n\t\t\t<UUID>8dNRYTF1SUaJRr3kFXnYNQ==</UUID>\n\t\t\t<Name>Database</Name>\n'
          '\t\t\t<Entry>\n\t\t\t\t<UUID>iuBXZgJUrUycBkzcJdlkhQ==</UUID>\n'
          '\t\t\t\t<String>\n\t\t\t\t\t<Key>Notes</Key>\n\t\t\t\t\t<Value>SSN for the W-4: %s</Value>\n'
          '\t\t\t\t</String>\n\t\t\t\t<String>\n\t\t\t\t\t<Key>Password</Key>\n'
          '\t\t\t\t\t<Value ProtectInMemory="True">%s</Value>\n\t\t\t\t</String>\n'
          '\t\t\t\t<String>\n\t\t\t\t\t<Key>Title</Key>\n\t\t\t\t\t<Value>Payroll portal</Value>\n\t\t\t\t</String>\n'
          '\t\t\t\t<String>\n\t\t\t\t\t<Key>URL</Key>\n\t\t\t\t\t<Value>https://payroll.acme-corp.test/</Value>\n'
          '\t\t\t\t</String>\n\t\t\t\t<String>\n\t\t\t\t\t<Key>UserName</Key>\n\t\t\t\t\t<Value>%s</Value>\n'
          '\t\t\t\t</String>\n\t\t\t</Entry>\n\t\t</Group>\n\t</Root>\n</KeePassFile>\n'
          % (a["ssn"], PW[0], a["email"]))
    r = put("Secrets/KeePass/Acme.xml", kx.encode())
    key("keepass_xml", r, [], planted=pl(a))
    # KeePass 2 XML keeps a password as <String><Key>Password</Key><Value
    # ProtectInMemory="True">...</Value></String>: no rule reads a value in the
    # element after its key element (patch hostile10-keepass-1pux-password.patch)
    key("keepass_xml_password", r, [], entities_all=["password"], exact={"password": [PW[0]]})
    kc = ('"Account","Login Name","Password","Web Site","Comments"\r\n'
          '"Payroll portal","%s","%s","https://payroll.acme-corp.test/","SSN %s"\r\n'
          '"VPN","%s","%s","https://vpn.acme-corp.test/",""\r\n' % (b["email"], PW[1], b["ssn"], b["email"], PW[2]))
    r = put("Secrets/KeePass/Acme.csv", kc.encode())
    key("keepass_csv", r, [], planted=pl(b), entities_all=["password"])
    bw = ("folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\r\n"
          "Work,1,login,Payroll,,,0,https://payroll.acme-corp.test/,%s,%s,\r\n"
          "Work,,login,VPN,,,0,https://vpn.acme-corp.test/,%s,%s,\r\n"
          "Personal,,note,Tax,\"SSN %s\",,0,,,,\r\n" % (c["email"], PW[3], c["email"], PW[4], c["ssn"]))
    r = put("Secrets/bitwarden_export_20141124080000.csv", bw.encode())
    key("bitwarden_csv", r, [], planted=pl(c), entities_all=["password"])
    bj = {"encrypted": False, "folders": [{"id": "4f1c2b7e-2d3a-4c5b-8e9f-0a1b2c3d4e5f", "name": "Work"}],
          "items": [
              {"id": "a1b2c3d4-0000-4000-8000-000000000001", "organizationId": None, "folderId": None, "type": 1,
               "reprompt": 0, "name": "Bank", "notes": None, "favorite": False,
               "login": {"uris": [{"match": None, "uri": "https://bank.example/"}], "username": d["email"],
                         "password": PW[5], "totp": None}, "collectionIds": None},
              {"id": "a1b2c3d4-0000-4000-8000-000000000002", "type": 3, "name": "Visa", "favorite": False,
               "card": {"cardholderName": d["name"], "brand": "Visa", "number": d["card"], "expMonth": "4",
                        "expYear": "2017", "code": "123"}},
              {"id": "a1b2c3d4-0000-4000-8000-000000000003", "type": 4, "name": "Me", "favorite": False,
               "identity": {"title": "Ms", "firstName": d["first"], "middleName": None, "lastName": d["last"],
                            "address1": "1 Main St", "city": "Springfield", "state": "IL", "postalCode": "62701",
                            "country": "US", "company": "Acme", "email": d["email"], "phone": d["phone"],
                            "ssn": d["ssn"], "username": d["first"].lower(), "passportNumber": None,
                            "licenseNumber": None}}]}
    r = put("Secrets/bitwarden_export_20141124080000.json", json.dumps(bj, indent=2).encode())
    key("bitwarden_json", r, [], planted=pl(d, phone=True, cc=True), entities_all=["password"])
    e, f = person(), person()
    op = ('"Title","Website","Username","Password","OTPAuth","Favorite","Archived","Tags","Notes"\r\n'
          '"Payroll","https://payroll.acme-corp.test/","%s","%s",,"false","false","work","SSN %s"\r\n'
          % (e["email"], PW[0] + "z", e["ssn"]))
    r = put("Secrets/1PasswordExport-ABCDEFGHIJKLMNOPQRSTUVWXYZ-20141124-080000.csv", op.encode())
    key("onepassword_csv", r, [], planted=pl(e), entities_all=["password"])
    data = {"accounts": [{"attrs": {"accountName": e["name"], "name": e["name"], "email": e["email"],
                                    "uuid": "GYLVZ7QXZBHNJD3XYE7F3HAFTY", "domain": "https://acme.1password.com/"},
                          "vaults": [{"attrs": {"uuid": "4yxxa2kcqbjd7drq7vuhgwtdha", "name": "Private"},
                                      "items": [{"uuid": "fkruyzrldvizuqlnavfj3gltfe", "favIndex": 0,
                                                 "createdAt": 1416816000, "updatedAt": 1416816000,
                                                 "categoryUuid": "001",
                                                 "details": {"loginFields": [
                                                     {"value": e["email"], "id": "", "name": "username",
                                                      "fieldType": "T", "designation": "username"},
                                                     {"value": PW[1] + "z", "id": "", "name": "password",
                                                      "fieldType": "P", "designation": "password"}],
                                                     "sections": [{"title": "Identity", "name": "ident", "fields": [
                                                         {"title": "social security number", "id": "ssn",
                                                          "value": {"string": f["ssn"]}}]}],
                                                     "notesPlain": ""},
                                                 "overview": {"title": "Payroll",
                                                              "url": "https://payroll.acme-corp.test/"}}]}]}]}
    z = zipb([("export.attributes", json.dumps({"version": 3, "description": "1Password Unencrypted Export",
                                                "createdAt": 1416816000}).encode()),
              ("export.data", json.dumps(data, indent=2).encode())])
    r = put("Secrets/1PasswordExport-GYLVZ7QXZBHNJD3XYE7F3HAFTY-20141124-080000.1pux", z)
    key("onepux_data", r, ["export.data"], planted={"ssn": [f["ssn9"]], "email": [e["email"]]})
    # a 1PUX login field names what it is after its value ({"value": "...",
    # "name": "password", "designation": "password"}) (same patch)
    key("onepux_password", r, ["export.data"], entities_all=["password"], exact={"password": [PW[1] + "z"]})
    g, h = person(), person()
    lp = ("url,username,password,totp,extra,name,grouping,fav\r\n"
          "https://payroll.acme-corp.test/,%s,%s,,,Payroll,Work,0\r\n"
          "http://sn,,,,\"NoteType:Credit Card\nLanguage:en-US\nName on Card:%s\nType:Visa\nNumber:%s\n"
          "Security Code:123\nStart Date:,\nExpiration Date:April,2017\nNotes:\",Visa,Personal,0\r\n"
          "http://sn,,,,\"NoteType:Social Security\nLanguage:en-US\nName:%s\nNumber:%s\nNotes:\",SSN,Personal,0\r\n"
          % (g["email"], PW[2] + "z", g["name"], g["card"], h["name"], h["ssn"]))
    r = put("Secrets/lastpass_export.csv", lp.encode())
    key("lastpass_csv", r, [], planted={"email": [g["email"]], "credit_card": [g["card"]], "ssn": [h["ssn9"]]},
        entities_all=["password"])
    # Chrome "Login Data": passwords are v10 AES-GCM blobs; the user names
    # and sites are in the clear
    i_, j_ = person(), person()
    ld = sqlite_bytes(
        ["CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR)",
         "CREATE TABLE logins (origin_url VARCHAR NOT NULL, action_url VARCHAR, username_element VARCHAR, "
         "username_value VARCHAR, password_element VARCHAR, password_value BLOB, submit_element VARCHAR, "
         "signon_realm VARCHAR NOT NULL, date_created INTEGER NOT NULL, blacklisted_by_user INTEGER NOT NULL, "
         "scheme INTEGER NOT NULL, times_used INTEGER, date_last_used INTEGER NOT NULL DEFAULT 0, "
         "UNIQUE (origin_url, username_element, username_value, password_element, signon_realm))"],
        [("INSERT INTO meta VALUES(?,?)", ("version", "29")),
         ("INSERT INTO meta VALUES(?,?)", ("last_compatible_version", "29"))] +
        [("INSERT INTO logins VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
          ("https://payroll.acme-corp.test/login", "https://payroll.acme-corp.test/session", "user",
           p["email"], "pass", b"v10" + blob(p["n"], 12 + 14 + 16), "", "https://payroll.acme-corp.test/",
           13061234567890123 + k, 0, 0, 3, 13061234567890999)) for k, p in enumerate((i_, j_))])
    r = put("Secrets/Chrome/Default/Login Data", ld)
    key("chrome_login_data", r, None, planted_under={"email": [i_["email"], j_["email"]]})
    key("chrome_login_data_blobs", r, [], entities_only=["email", "credential_store", "password"])
    # the passwords are DPAPI/keychain-sealed blobs, but the file is a
    # browser's credential store (whoever holds the user's profile opens it),
    # as a .kdbx is: no rule names it (patch hostile10-keepass-1pux-password.patch:
    # the logins table's schema in the database's first page)
    key("chrome_login_data_store", r, [], entities_all=["credential_store"])
    k_ = person()
    wd = sqlite_bytes(
        ["CREATE TABLE autofill_profiles (guid VARCHAR PRIMARY KEY, company_name VARCHAR, "
         "street_address VARCHAR, city VARCHAR, state VARCHAR, zipcode VARCHAR, country_code VARCHAR, "
         "date_modified INTEGER NOT NULL DEFAULT 0, origin VARCHAR DEFAULT '', use_count INTEGER NOT NULL DEFAULT 0)",
         "CREATE TABLE autofill_profile_emails (guid VARCHAR, email VARCHAR)",
         "CREATE TABLE autofill_profile_phones (guid VARCHAR, number VARCHAR)",
         "CREATE TABLE credit_cards (guid VARCHAR PRIMARY KEY, name_on_card VARCHAR, expiration_month INTEGER, "
         "expiration_year INTEGER, card_number_encrypted BLOB, date_modified INTEGER NOT NULL DEFAULT 0, "
         "origin VARCHAR DEFAULT '', use_count INTEGER NOT NULL DEFAULT 0)"],
        [("INSERT INTO autofill_profiles VALUES(?,?,?,?,?,?,?,?,?,?)",
          ("5b0f2a1c-3d4e-4f50-8a6b-7c8d9e0f1a2b", "Acme", "1 Main St", "Springfield", "IL", "62701", "US",
           1416816000, "https://payroll.acme-corp.test", 4)),
         ("INSERT INTO autofill_profile_emails VALUES(?,?)", ("5b0f2a1c-3d4e-4f50-8a6b-7c8d9e0f1a2b", k_["email"])),
         ("INSERT INTO autofill_profile_phones VALUES(?,?)", ("5b0f2a1c-3d4e-4f50-8a6b-7c8d9e0f1a2b", k_["phone"])),
         ("INSERT INTO credit_cards VALUES(?,?,?,?,?,?,?,?)",
          ("6c1a3b2d-4e5f-4a61-9b7c-8d9e0f1a2b3c", k_["name"], 4, 2017, b"v10" + blob(99, 44), 1416816000,
           "https://payroll.acme-corp.test", 2))])
    r = put("Secrets/Chrome/Default/Web Data", wd)
    key("chrome_web_data", r, None, planted_under={"email": [k_["email"]], "phone": [k_["phone10"]]})
    ff = {"nextId": 3, "logins": [
        {"id": n, "hostname": "https://payroll.acme-corp.test", "httpRealm": None,
         "formSubmitURL": "https://payroll.acme-corp.test", "usernameField": "user", "passwordField": "pass",
         "encryptedUsername": "MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECP" +
         h3.base64.b64encode(blob(n, 24)).decode(),
         "encryptedPassword": "MEIEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECP" +
         h3.base64.b64encode(blob(n + 7, 32)).decode(),
         "guid": "{5f0c8a3e-2b1d-4c6e-9f7a-08d1d6a4b2c%d}" % n, "encType": 1, "timeCreated": 1416816000123 + n,
         "timeLastUsed": 1416816000456 + n, "timePasswordChanged": 1416816000789 + n, "timesUsed": 3}
        for n in (1, 2)], "potentiallyVulnerablePasswords": [], "dismissedBreachAlertsByLoginGUID": {},
        "version": 3}
    # compact, as Firefox writes it (JSON.stringify)
    r = put("Secrets/Firefox/Profiles/x1y2z3.default/logins.json", json.dumps(ff, separators=(",", ":")).encode())
    # encryptedPassword is NSS ciphertext (base64 DER), no password; the file is a
    # credential store (key4.db next to it decrypts it when no primary password is set)
    key("firefox_logins_nothing_readable", r, [], entities_only=["credential_store"])
    # no rule named the file a credential store: its first bytes, {"nextId":N,"logins":[
    key("firefox_logins_store", r, [], entities_all=["credential_store"])


# ---------------------------------------------------------------- HR / payroll exports
def hr_cases():
    ps = [person() for _ in range(3)]
    adp = ("\ufeffSSN,Associate ID,Last Name,First Name,Birth Date,Hire Date,Regular Pay Rate Amount,Home Phone,"
           "Personal Contact: Personal Email\r\n")
    adp += "".join("%s,G3K%06d,%s,%s,%s,08/01/2011,\"4,250.00\",%s,%s\r\n"
                   % (p["ssn9"], 4711 + i, p["last"], p["first"], "%s/%s/%s" % (p["dob"][5:7], p["dob"][8:],
                                                                              p["dob"][:4]),
                      p["phone"], p["email"]) for i, p in enumerate(ps))
    r = put("HR/ADP/Employee_Export_20141124.csv", adp.encode())
    key("adp_bom_ssn_first_column", r, [], planted=pl(*ps, phone=True), entities_all=["dob"])
    ws = [person() for _ in range(2)]
    wd = ('"Employee ID","Legal Name","National ID","National ID Type","Date of Birth","Home Address",'
          '"Primary Work Email"\r\n')
    wd += "".join('"%d","%s","%s","USA-SSN","%s","1 Main St\nApt %d\nSpringfield, IL 62701","%s"\r\n'
                  % (21000 + i, p["name"], p["ssn"], p["dob"], 4 + i, p["email"]) for i, p in enumerate(ws))
    r = put("HR/Workday/Worker_Data_Report.csv", wd.encode())
    key("workday_csv_multiline", r, [], planted=pl(*ws), entities_all=["dob"])
    us = [person() for _ in range(2)]
    ut = "Employee\tSSN\tDOB\tBank account\r\n" + "".join(
        "%s\t%s\t%s\t%s\r\n" % (p["name"], p["ssn9"], p["dob"], iban("GB", "NWBK60161331926%03d" % (800 + i)))
        for i, p in enumerate(us))
    r = put("HR/Payroll/employees_unicode.txt", b"\xff\xfe" + ut.encode("utf-16-le"))
    key("excel_unicode_text", r, [], planted={"ssn": [p["ssn9"] for p in us],
                                              "iban": [iban("GB", "NWBK60161331926%03d" % (800 + i))
                                                       for i in range(2)]})
    de = [("M\u00fcller", "J\u00fcrgen", "12.03.1961", iban("DE", "37040044053201300%d" % k), "4.250,00")
          for k in range(2)]
    gs = ("Personalnummer;Nachname;Vorname;Geburtsdatum;IBAN;Bruttogehalt;Steuerklasse\r\n" +
          "".join("%d;%s;%s;%s;%s;%s;1\r\n" % (10023 + i, x[0], x[1], x[2], spaced(x[3]), x[4])
                  for i, x in enumerate(de)))
    r = put("HR/DATEV/Lohn_Export_2014_11.csv", gs.encode("cp1252"))
    key("german_semicolon_iban", r, [], planted={"iban": [x[3] for x in de]})
    key("german_decimal_commas_clean", r, [], entities_only=["iban", "dob"])
    fr_iban = iban("FR", "20041010050500013M02606")
    fs = ("Matricule;Nom;Pr\u00e9nom;Date de naissance;IBAN;Salaire brut\r\n"
          "A0042;Fa\u00fcre;Ren\u00e9e;03/12/1961;%s;3 450,75\r\n" % spaced(fr_iban))
    r = put("HR/Paie/export_paie_novembre.csv", fs.encode("cp1252"))
    key("french_semicolon_iban", r, [], planted={"iban": [fr_iban]}, entities_only=["iban", "dob"])
    # fixed-width payroll: the SSN field touches the name field
    fx = [person() for _ in range(3)]
    fw = "SSN      LASTNAME            FIRSTNAME      DOB     RATE\r\n" + "".join(
        "%s%-20s%-15s%s%09.2f\r\n" % (p["ssn9"], p["last"].upper(), p["first"].upper(), p["dob"].replace("-", ""),
                                      4250.0 + i) for i, p in enumerate(fx))
    r = put("HR/Payroll/PAYROLL.TXT", fw.encode())
    key("fixed_width_ssn_glued_to_name", r, [], planted={"ssn": [p["ssn9"] for p in fx]})
    # SSA EFW2 (W-2 e-file), 512-byte records (RA submitter, RE employer,
    # RW employee: SSN in 3-11, first name 12-26, middle 27-41, last 42-61,
    # RF final): the SSN touches "RW" and the name
    w2 = [person() for _ in range(2)]
    recs = ["RA" + "123456789" + " " * 501, ("RE2014 987654321" + " " * 496)]
    for p in w2:
        rw = "RW" + p["ssn9"] + "%-15s%-15s%-20s" % (p["first"].upper(), "", p["last"].upper())
        rw += "%-22s%-22s%-22s%-2s%-5s" % ("", "1 MAIN ST", "SPRINGFIELD", "IL", "62701")
        rw += " " * (512 - len(rw))
        recs.append(rw)
    recs.append("RF" + " " * 5 + "%09d" % len(w2) + " " * 496)
    r = put("HR/Payroll/W2REPORT.efw2", "\r\n".join(recs).encode() + b"\r\n")
    key("efw2_rw_ssn", r, [], planted={"ssn": [p["ssn9"] for p in w2]}, coverage="full")
    rc = b"".join(x.encode() + b"\r\n" for x in recs[:3]) + recs[3][:200].encode()
    r = put("HR/Payroll/W2REPORT_cut.efw2", rc)
    key("efw2_cut", r, [], planted={"ssn": [w2[0]["ssn9"], w2[1]["ssn9"]]}, coverage="partial",
        reasons_all=["truncated"])
    # NACHA PPD direct deposit: entry detail records, the SSN as the
    # individual identification number (src/extract/nacha.c labels it; the
    # header's origin has eleven characters, which nacha.c tolerates)
    na = [person() for _ in range(2)]
    ach = ["101 121000358 12345678901411240800A094101ACME BANK              ACME CORP              "]
    ach.append("5200ACME CORP                           1234567890PPDPAYROLL   141124141125   1121000350000001")
    for i, p in enumerate(na):
        ach.append("622121000358%-17s%010d%-15s%-22s  0121000350000%03d"
                   % ("00%010d" % (4711 + i), 425000, p["ssn9"], p["name"].upper(), i + 1))
    ach.append("820000000200242000070000000000000000008500001234567890                         121000350000001")
    ach.append("9000001000001000000020024200007000000000000000000850000                                       ")
    r = put("HR/Payroll/PPD_20141124.ach", "\n".join(x[:94].ljust(94) for x in ach).encode() + b"\n")
    key("nacha_individual_id_ssn", r, [], planted={"ssn": [p["ssn9"] for p in na]})


# ---------------------------------------------------------------- added later (numbering kept)
def late_cases():
    # a UTF-16 load file whose inline extracted text is a long e-mail: the
    # SSN sits 9 KB into its field (the raw bytes show nothing: UTF-16)
    g = person()
    filler = ("Please find below the minutes of the benefits committee. " * 160)
    rows = [["BEGBATES", "ENDBATES", "CUSTODIAN", "EXTRACTEDTEXT"],
            ["ACME0000030", "ACME0000034", "Ren\u00e9e Fa\u00fcre",
             "%s%sEmployee: %s%sSSN: %s%s" % (filler, NL, g["name"], NL, g["ssn"], NL)]]
    r = put("Legal/PROD005/DATA/PROD005.dat", b"\xff\xfe" + dat(rows).encode("utf-16-le"))
    key("dat_utf16_long_text_field", r, [], planted={"ssn": [g["ssn9"]]})
    # Relativity's pipe-and-caret load file (^BEGDOC^|^ENDDOC^): an HRIS
    # production with bare SSNs under its SSN column
    h, i_ = person(), person()
    rc = "^EMPID^|^NAME^|^SSN^|^EMAIL^\r\n" + "".join(
        "^%05d^|^%s^|^%s^|^%s^\r\n" % (30100 + k, p["name"], p["ssn9"], p["email"]) for k, p in enumerate((h, i_)))
    r = put("Legal/PROD006/DATA/PROD006.dat", rc.encode())
    key("dat_pipe_caret", r, [], planted=pl(h, i_))
    # Dashlane's credentials.csv (the password is not after the URL) and
    # Keeper's CSV export (no header row: folder,title,login,password,url,notes)
    j_, k_ = person(), person()
    dl = ("username,username2,username3,title,password,note,url,category,otpSecret\r\n"
          "%s,,,Payroll,%s,,https://payroll.acme-corp.test,Business,\r\n" % (j_["email"], PW[3] + "q"))
    r = put("Secrets/Dashlane/credentials.csv", dl.encode())
    key("dashlane_csv", r, [], planted={"email": [j_["email"]]}, entities_all=["password"],
        exact={"password": [PW[3] + "q"]})
    kp = ("Work,Payroll,%s,%s,https://payroll.acme-corp.test,\r\nWork,VPN,%s,%s,https://vpn.acme-corp.test,\r\n"
          % (k_["email"], PW[4] + "q", k_["email"], PW[5] + "q"))
    r = put("Secrets/Keeper/keeper.csv", kp.encode())
    key("keeper_headerless_csv", r, [], planted={"email": [k_["email"]]}, entities_all=["password"], arguable=True)
    # a payroll register that masks SSNs (XXX-XX-1234) next to one that
    # writes them with spaces under an SSN column
    ms = [person() for _ in range(3)]
    reg = "Employee,SSN,Net Pay\r\n" + "".join("%s,XXX-XX-%s,\"1,234.56\"\r\n" % (p["name"], p["ssn9"][-4:])
                                                 for p in ms)
    r = put("HR/Payroll/register_masked.csv", reg.encode())
    key("payroll_masked_ssn_clean", r, [], no_findings=True)
    sp = "Employee,SSN,Net Pay\r\n" + "".join("%s,%s %s %s,\"1,234.56\"\r\n"
                                                % (p["name"], p["ssn9"][:3], p["ssn9"][3:5], p["ssn9"][5:]) for p in ms)
    r = put("HR/Payroll/register_spaces.csv", sp.encode())
    key("payroll_spaced_ssn", r, [], planted={"ssn": [p["ssn9"] for p in ms]})
    # Takeout's Chrome autofill: phone numbers as bare E.164 digits in JSON
    m_ = person()
    af = {"Autofill Profile": [{"address_home_city": ["Springfield"], "email_address": [m_["email"]],
                                "phone_home_whole_number": ["+1%s" % m_["phone10"]], "name_full": [m_["name"]],
                                "guid": "5B0F2A1C-3D4E-4F50-8A6B-7C8D9E0F1A2B", "use_count": 4}]}
    r = put("Collab/Takeout/Chrome/Autofill.json", json.dumps(af, indent=2).encode())
    key("takeout_chrome_autofill", r, [], planted={"email": [m_["email"]], "phone": [m_["phone10"]]})
    # an HR bot's Slack message: the SSN in an attachment field whose title
    # names it ({"title": "SSN", "value": "..."})
    n_ = person()
    bot = [{"type": "message", "subtype": "bot_message", "bot_id": "B0G9T2K3L", "username": "HR Bot",
            "ts": "1416906200.000300", "text": "New hire record",
            "attachments": [{"fallback": "New hire record", "id": 1, "color": "2eb886",
                             "fields": [{"title": "Name", "value": n_["name"], "short": True},
                                        {"title": "SSN", "value": n_["ssn9"], "short": True},
                                        {"title": "Start date", "value": "2014-12-01", "short": True}]}]}]
    r = put("Collab/Slack/export_2/hr-bot/2014-11-25.json", slack_json(bot))
    # the label is another member of the object ("title": "SSN"), out of
    # the rules' reach in the raw bytes: such objects give a "title: value"
    # labels line (src/extract/jsonesc.c)
    key("slack_bot_fields_ssn", r, [], planted={"ssn": [n_["ssn9"]]})
    # Confluence's XML backup (entities.xml): page bodies in the storage
    # format (XHTML) inside CDATA, with &nbsp; between a label and its value
    o_, q_ = person(), person()
    ent = ('<?xml version="1.0" encoding="UTF-8"?>\n<hibernate-generic datetime="2014-11-24 08:00:00">\n'
           '<object class="BodyContent" package="com.atlassian.confluence.core">\n'
           '<id name="id">98307</id>\n<property name="body"><![CDATA[<h2>Onboarding</h2><table><tbody>'
           '<tr><th>Name</th><td>%s</td></tr><tr><th>SSN</th><td>%s</td></tr></tbody></table>'
           '<p>Backup contact SSN:&nbsp;%s</p>]]></property>\n<property name="bodyType">2</property>\n'
           '</object>\n</hibernate-generic>\n' % (o_["name"], o_["ssn"], q_["ssn9"]))
    r = put("Collab/Confluence/xmlexport-20141124/entities.xml", ent.encode())
    key("confluence_cdata_table", r, [], planted={"ssn": [o_["ssn9"]]})
    # the CDATA holds XHTML: read as HTML, its "&nbsp;" is a space between
    # the label and the digits (realsweep10's xml fix)
    key("confluence_cdata_nbsp", r, [], planted={"ssn": [q_["ssn9"]]})
    # a production's extracted text as Relativity writes it: UTF-16LE with a BOM
    t_ = person()
    r = put("Legal/PROD001/TEXT/TEXT001/ACME0000002.txt",
            b"\xff\xfe" + ("Employee: %s\r\nSSN %s\r\n" % (t_["name"], t_["ssn9"])).encode("utf-16-le"))
    key("text_folder_utf16", r, [], planted={"ssn": [t_["ssn9"]]})


# ---------------------------------------------------------------- checker
check = h8.check


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (slack_cases, chat_cases, messenger_cases, takeout_cases, ediscovery_cases,
                            password_cases, hr_cases, late_cases))


CORPUS = {"Legal/PROD001/DATA/PROD001.dat": "csv/h10_prod001_utf8.dat",
          "Legal/PROD002/DATA/PROD002.dat": "csv/h10_prod002_latin1.dat",
          "Legal/PROD003/DATA/PROD003.dat": "csv/h10_prod003_utf16.dat",
          "Legal/PROD004/DATA/HRIS_EXPORT.dat": "csv/h10_hris.dat",
          "HR/Payroll/W2REPORT.efw2": "efw2/h10_w2report.efw2", "HR/Payroll/W2REPORT_cut.efw2": "efw2/h10_cut.efw2",
          "Legal/PROD006/DATA/PROD006.dat": "csv/h10_caret.dat"}


def corpus(outdir):
    """Fuzz seeds: OUTDIR/<harness>/h10_* (fuzz/corpus)."""
    hc.corpus_copy(generate, CORPUS, outdir)


if __name__ == "__main__":
    hc.main(generate, corpus)
