/* Validators, normalisation and redaction (src/scan/validate.c).
 * One behaviour per test; vectors are published test values (card network
 * test numbers, ECBS IBAN examples, ICAO 9303 specimen MRZ). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "scan/validate.h"

static struct ls_slice S(const char *s) { return ls_slice_make(s, strlen(s)); }

/* Run ls_value_check on text; returns validity, fills v. */
static bool check(const char *entity, const char *validator, const char *redact, const char *text,
                  struct ls_value *v)
{
    struct ls_candidate c = {entity, validator, redact, S(text)};
    return ls_value_check(&c, v);
}

/* ---- cards ---- */
static void card_visa_valid(void **st) { (void)st; assert_true(ls_valid_luhn_card(S("4012888888881881"))); }
static void card_visa13_valid(void **st) { (void)st; assert_true(ls_valid_luhn_card(S("4012888888881"))); }
static void card_mastercard_valid(void **st) { (void)st; assert_true(ls_valid_luhn_card(S("5105105105105100"))); }
static void card_mastercard_2series_valid(void **st)
{
    (void)st;
    assert_true(ls_valid_luhn_card(S("2223003122003222")));
}
static void card_amex_valid(void **st) { (void)st; assert_true(ls_valid_luhn_card(S("3782 822463 10005"))); }
static void card_discover_valid(void **st) { (void)st; assert_true(ls_valid_luhn_card(S("6011-1111-1111-1117"))); }
static void card_jcb_valid(void **st) { (void)st; assert_true(ls_valid_luhn_card(S("3530111333300000"))); }
static void card_diners_valid(void **st) { (void)st; assert_true(ls_valid_luhn_card(S("36006666333344"))); }
static void card_luhn_fail_rejected(void **st) { (void)st; assert_false(ls_valid_luhn_card(S("4012888888881882"))); }
static void card_unknown_brand_rejected(void **st)
{
    (void)st;
    assert_false(ls_valid_luhn_card(S("9012888888881881"))); /* Luhn ok, no brand */
}
static void card_wrong_length_rejected(void **st)
{
    (void)st;
    assert_true(ls_valid_luhn_card(S("378282246310005")));
    assert_false(ls_valid_luhn_card(S("3782822463100058"))); /* Amex is 15 */
}
static void card_mc_outside_2series_rejected(void **st)
{
    (void)st;
    assert_false(ls_valid_luhn_card(S("2721000000000004"))); /* 2721 > 2720 */
}
static void card_repeated_digits_rejected(void **st) { (void)st; assert_false(ls_valid_luhn_card(S("4444444444444444"))); }
static void card_famous_test_number_valid(void **st) { (void)st; assert_true(ls_valid_luhn_card(S("4111 1111 1111 1111"))); }
static void card_letters_rejected(void **st) { (void)st; assert_false(ls_valid_luhn_card(S("4012888888881881x"))); }
static void card_match_with_expiry_trimmed(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("credit_card", "luhn", "last4", ": 5105 1051 0510 5100 12/27", &v));
    assert_string_equal(v.norm, "5105105105105100");
    assert_string_equal(v.redacted, "**** **** **** 5100");
}
static void card_mixed_separators_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("credit_card", "luhn", NULL, "5105-1051 0510-5100", &v));
}
static void card_bad_grouping_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("credit_card", "luhn", NULL, "51 0510 5105 1051 00", &v));
}
static void card_redaction_plain(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("credit_card", "luhn", "last4", " 4012888888881881", &v));
    assert_string_equal(v.redacted, "************1881");
}
static void card_ean13_barcode_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    /* an EAN-13 from a product list (POI 49423.xls) that also passes Luhn */
    assert_true(ls_valid_luhn_card(S("4606369090360")));
    assert_false(check("credit_card", "luhn", NULL, "\t4606369090360\n", &v));
    assert_true(check("credit_card", "luhn", NULL, " 4222222222222 ", &v)); /* no EAN: a Visa 13 */
}
static void card_ean13_valid_after_card_word(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("credit_card", "luhn", NULL, "Visa card: 4606369090360\n", &v));
    assert_string_equal(v.norm, "4606369090360");
    /* the labelled string reports only what the plain one drops */
    assert_false(check("credit_card", "luhn", NULL, "Visa card: 4222222222222\n", &v));
}
static void card_more_brands_valid(void **st)
{
    (void)st;
    assert_true(ls_valid_luhn_card(S("675900000018")));      /* Maestro, 12 digits */
    assert_true(ls_valid_luhn_card(S("213100000000019")));   /* JCB 15 */
    assert_true(ls_valid_luhn_card(S("3500000000000017")));  /* 35 outside 3528-3589 */
    assert_true(ls_valid_luhn_card(S("38000000000006")));    /* Diners 38, 14 digits */
    assert_false(ls_valid_luhn_card(S("475900000011")));     /* 12 digits: Maestro only */
}
static void card_maestro_grouped_4_4_4(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("credit_card", "luhn", "last4", " 6759 0000 0018\n", &v));
    assert_string_equal(v.norm, "675900000018");
}

/* ---- IBAN ---- */
static void iban_de_valid(void **st) { (void)st; assert_true(ls_valid_iban(S("DE89370400440532013000"))); }
static void iban_gb_spaced_valid(void **st) { (void)st; assert_true(ls_valid_iban(S("GB82 WEST 1234 5698 7654 32"))); }
static void iban_wrapped_valid(void **st)
{
    (void)st;
    assert_true(ls_valid_iban(S("DE89 3704 0044 \n0532 0130 00")));
    assert_true(ls_valid_iban(S("GB82 WEST 1234\n5698 7654 32")));
    assert_false(ls_valid_iban(S("DE89 3704 0044 \t0532 0130 00")));
}
static void iban_no_shortest_valid(void **st) { (void)st; assert_true(ls_valid_iban(S("NO9386011117947"))); }
static void iban_bad_checksum_rejected(void **st) { (void)st; assert_false(ls_valid_iban(S("DE88370400440532013000"))); }
static void iban_wrong_length_rejected(void **st) { (void)st; assert_false(ls_valid_iban(S("DE8937040044053201300"))); }
static void iban_unknown_country_rejected(void **st) { (void)st; assert_false(ls_valid_iban(S("XX89370400440532013000"))); }
static void iban_norm_upper_compact(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("iban", "iban", "last4", "GB82 WEST 1234 5698 7654 32 GBP", &v));
    assert_string_equal(v.norm, "GB82WEST12345698765432");
    assert_string_equal(v.redacted, "**** **** **** **** **54 32");
}

/* ---- SSN ---- */
static void ssn_valid(void **st) { (void)st; assert_true(ls_valid_ssn(S("536-22-8714"))); }
static void ssn_unformatted_valid(void **st) { (void)st; assert_true(ls_valid_ssn(S("536228714"))); }
static void ssn_area_000_rejected(void **st) { (void)st; assert_false(ls_valid_ssn(S("000-22-8714"))); }
static void ssn_area_666_rejected(void **st) { (void)st; assert_false(ls_valid_ssn(S("666-22-8714"))); }
static void ssn_area_9xx_rejected(void **st) { (void)st; assert_false(ls_valid_ssn(S("912-22-8714"))); }
static void ssn_group_00_rejected(void **st) { (void)st; assert_false(ls_valid_ssn(S("536-00-8714"))); }
static void ssn_serial_0000_rejected(void **st) { (void)st; assert_false(ls_valid_ssn(S("536-22-0000"))); }
static void ssn_woolworth_rejected(void **st) { (void)st; assert_false(ls_valid_ssn(S("078-05-1120"))); }
static void ssn_pamphlet_rejected(void **st) { (void)st; assert_false(ls_valid_ssn(S("219-09-9999"))); }
static void ssn_sequence_rejected(void **st) { (void)st; assert_false(ls_valid_ssn(S("123-45-6789"))); }
static void ssn_mixed_separators_rejected(void **st) { (void)st; assert_false(ls_valid_ssn(S("536-22 8714"))); }
static void ssn_context_located(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("ssn", "ssn_context", "last4", "Social Security Number: 536 22 8714.", &v));
    assert_string_equal(v.norm, "536228714");
    assert_string_equal(v.redacted, "*** ** 8714");
    assert_int_equal(v.off, 24);
    assert_int_equal(v.len, 11);
}
static void ssn_formatted_redaction(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("ssn", "ssn", NULL, " 536-22-8714,", &v));
    assert_string_equal(v.redacted, "***-**-8714");
    assert_string_equal(v.norm, "536228714");
}

/* ---- phones ---- */
static void nanp_valid(void **st) { (void)st; assert_true(ls_valid_nanp(S("(212) 867-5309"))); }
static void nanp_country_code_valid(void **st) { (void)st; assert_true(ls_valid_nanp(S("+1 212-867-5309"))); }
static void nanp_area_starting_1_rejected(void **st) { (void)st; assert_false(ls_valid_nanp(S("112-867-5309"))); }
static void nanp_n11_area_rejected(void **st) { (void)st; assert_false(ls_valid_nanp(S("911-867-5309"))); }
static void nanp_n11_exchange_rejected(void **st) { (void)st; assert_false(ls_valid_nanp(S("212-411-5309"))); }
static void nanp_fictional_555_01_rejected(void **st) { (void)st; assert_false(ls_valid_nanp(S("212-555-0123"))); }
static void nanp_555_other_valid(void **st) { (void)st; assert_true(ls_valid_nanp(S("212-555-1234"))); }
static void nanp_n9x_area_rejected(void **st) { (void)st; assert_false(ls_valid_nanp(S("297-867-5309"))); }
static void phone_norm_drops_country_code(void **st)
{
    (void)st;
    struct ls_value a, b;
    assert_true(check("phone", "nanp", NULL, " +1 (212) 867-5309 ", &a));
    assert_true(check("phone", "e164", NULL, " +12128675309", &b));
    assert_string_equal(a.norm, "2128675309");
    assert_string_equal(b.norm, "2128675309");
    assert_string_equal(a.redacted, "+* (***) ***-5309");
}
/* A label's own parenthesis is not the number's: "Phone (work): 2127365000". */
static void phone_label_paren_not_in_value(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("phone", "nanp", NULL, "Phone (work): 2127365000\n", &v));
    assert_int_equal(v.off, 14);
    assert_int_equal(v.len, 10);
    assert_string_equal(v.redacted, "******5000");
    assert_true(check("phone", "nanp", NULL, "Tel.-Nr.: (212) 736-5000 ", &v));
    assert_int_equal(v.off, 10);
    assert_string_equal(v.norm, "2127365000");
}
/* Faker-style spellings: "x1234" glued on, the 001 exit code, a sentence's '('. */
static void nanp_extension_and_exit_code_not_in_value(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("phone", "nanp", NULL, " 212-867-5309x1234", &v));
    assert_int_equal(v.off, 1);
    assert_int_equal(v.len, 12);
    assert_string_equal(v.norm, "2128675309");
    assert_true(check("phone", "nanp", NULL, " 001-212-867-5309 ", &v));
    assert_int_equal(v.off, 5);
    assert_string_equal(v.norm, "2128675309");
    assert_true(check("phone", "nanp", NULL, "(713-853-5660)", &v));
    assert_int_equal(v.off, 1);
    assert_string_equal(v.redacted, "***-***-5660");
    assert_true(check("phone", "nanp", NULL, "((212) 867-5309)", &v));
    assert_int_equal(v.off, 1);
    assert_false(check("phone", "nanp", NULL, " 001-297-867-5309 ", &v)); /* N9X */
    assert_false(check("phone", "nanp", NULL, " 297-867-5309x12", &v));
}
/* National numbers after a label: trunk 0, 00 + country code, Brazil, nine digits. */
static void phone_national_forms(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("phone", "phone_national", NULL, "Phone: 020 7946 0958\n", &v));
    assert_string_equal(v.norm, "02079460958");
    assert_int_equal(v.off, 7);
    assert_true(check("phone", "phone_national", NULL, "Tel: (0221) 4567890 ", &v));
    assert_string_equal(v.norm, "02214567890");
    assert_true(check("phone", "phone_national", NULL, "Tel.: 0044 20 7946 0958\n", &v));
    assert_string_equal(v.norm, "442079460958"); /* one value with +44 20 7946 0958 */
    assert_true(check("phone", "phone_national", NULL, "Celular: (11) 91234-5678\n", &v));
    assert_string_equal(v.norm, "5511912345678"); /* not taken for +1: Brazil's mobile, +55 */
    assert_true(check("phone", "phone_national", NULL, "Tel\xc3\xa9" "fono: 912 345 678\n", &v));
    assert_string_equal(v.norm, "912345678");
    assert_true(check("phone", "phone_national", NULL, "Tel: 020 7946 0958 2024\n", &v));
    assert_string_equal(v.norm, "02079460958"); /* a trailing group dropped */
}
/* rulesred7: Russia's 3-2-2 groups, its trunk 8, China's mobiles, Italy's */
static void phone_national_outside_na(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("phone", "phone_national", NULL, "\xd0\xa2\xd0\xb5\xd0\xbb.: (495) 123-45-67\n", &v));
    assert_string_equal(v.norm, "74951234567"); /* one value with +7 495 ... */
    assert_true(check("phone", "phone_national", NULL, "Phone: 8 (495) 123-45-67\n", &v));
    assert_string_equal(v.norm, "74951234567"); /* the trunk 8 dropped */
    assert_true(check("phone", "phone_national", NULL, "Phone: 8-916-123-45-67\n", &v));
    assert_string_equal(v.norm, "79161234567");
    assert_true(check("phone", "phone_national", NULL, "Mobile: 138 0013 8000\n", &v));
    assert_string_equal(v.norm, "8613800138000"); /* its 1 is no country code: +86 */
    assert_true(check("phone", "phone_national", NULL, "\xe6\x89\x8b\xe6\x9c\xba\xef\xbc\x9a" "13822482447\n", &v));
    assert_string_equal(v.norm, "8613822482447");
    assert_true(check("phone", "phone_national", NULL, "Tel.: 347 1809213\n", &v));
    assert_string_equal(v.norm, "3471809213");
    /* an 11-digit run starting 1 after an English label may be +1: nanp's when it is one */
    assert_false(check("phone", "phone_national", NULL, "Mobile: 13822482447\n", &v));
    assert_true(check("phone", "phone_national", NULL, "Mobile: 13800138000\n", &v));
    assert_false(check("phone", "phone_national", NULL, "Phone: 495 1234567\n", &v)); /* not 3-2-2 */
    assert_true(check("phone", "phone_national", NULL, "\xce\xa4\xce\xb7\xce\xbb.: 495 1234567\n", &v)); /* Greek label */
    assert_true(check("phone", "phone_national", NULL, "Tel.: 55 1234 5678\n", &v)); /* Mexico 2-4-4 */
    assert_string_equal(v.norm, "5512345678");
    assert_false(check("phone", "phone_national", NULL, "\xe5\xae\xa2\xe6\x9c\x8d\xe7\x94\xb5\xe8\xaf\x9d\xef\xbc\x9a" "400-851-5558\n", &v));
    assert_false(check("phone", "phone_national", NULL, "Phone: 123-456-45-67\n", &v));
    /* the trunk 0 in the area code's parentheses after the country code; Ukraine's +38 (0 */
    assert_true(check("phone", "e164", NULL, " +44 (020) 7946 0958\n", &v));
    assert_string_equal(v.norm, "442079460958");
    assert_true(check("phone", "e164", NULL, " +38 (044) 123-45-67\n", &v));
    assert_string_equal(v.norm, "380441234567");
}
static void phone_national_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("phone", "phone_national", NULL, "Phone: 2128675309\n", &v)); /* nanp's */
    assert_false(check("phone", "phone_national", NULL, "Phone: 12 36 33 92\n", &v)); /* 8 digits */
    assert_false(check("phone", "phone_national", NULL, "Phone: 00387 819\n", &v));
    assert_false(check("phone", "phone_national", NULL, "Phone: 01.02.2024 10:30\n", &v)); /* a date */
    assert_false(check("phone", "phone_national", NULL, "Phone: 0000 000000\n", &v));
    assert_false(check("phone", "phone_national", NULL, "Phone: 2345678901234\n", &v));
    assert_false(check("phone", "phone_national", NULL, "Phone: 0123456789012345\n", &v)); /* too long */
    assert_false(check("phone", "phone_national", NULL, "tel (049) 781-6256 ", &v)); /* NANP notation */
    assert_false(check("phone", "phone_national", NULL, "tel (049)781-6256 ", &v));
}
/* The veto rule's lines: a card-shaped number under an identifier header. */
static void card_id_column_order_vetoed(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("credit_card", "card_id_column", NULL, "\nOrder ID: 4111111111111111\t", &v));
    assert_string_equal(v.norm, "4111111111111111");
    assert_int_equal(v.off, 11);
    /* "account" holds "cc", but not as a word */
    assert_true(check("credit_card", "card_id_column", NULL, "\tAccount ID: 371449635398431\n", &v));
}
static void card_id_column_card_word_kept(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("credit_card", "card_id_column", NULL, "\tCard ID: 4111111111111111\t", &v));
    assert_false(check("credit_card", "card_id_column", NULL, "\nCC Ref: 4111111111111111\t", &v));
    assert_false(check("credit_card", "card_id_column", NULL, "Kreditkarte Nr: 4111111111111111", &v));
    assert_false(check("credit_card", "card_id_column", NULL, "\nAmex account: 371449635398431\n", &v));
    /* no identifier word: a card dump's "Number" column stays cards */
    assert_false(check("credit_card", "card_id_column", NULL, "\nNumber: 4111111111111111\t", &v));
    assert_false(check("credit_card", "card_id_column", NULL, "\nNummer: 4111111111111111\t", &v));
    assert_false(check("credit_card", "card_id_column", NULL, "\nCustomer: 4111111111111111\t", &v));
    assert_true(check("credit_card", "card_id_column", NULL, "\nBestellnummer: 4111111111111111\t", &v));
    assert_true(check("credit_card", "card_id_column", NULL, "\tcustomer_id: 4111111111111111\t", &v));
}
static void card_id_column_not_a_card_ignored(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("credit_card", "card_id_column", NULL, "\nOrder ID: 4111111111111112\t", &v));
    assert_false(check("credit_card", "card_id_column", NULL, "\nOrder ID:4111111111111111\t", &v));
    assert_false(check("credit_card", "card_id_column", NULL, "4111111111111111", &v));
}
static void e164_uk_valid(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("phone", "e164", NULL, " +44 20 7183 8750 ", &v));
    assert_string_equal(v.norm, "442071838750");
}
static void e164_unassigned_code_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("phone", "e164", NULL, " +89 20 7183 8750 ", &v));
}
static void e164_too_short_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("phone", "e164", NULL, "+44 2071", &v));
}

static void e164_iso6709_position_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    /* zone.tab lines: latitude +DDMM, longitude -DDDMM (and with seconds) */
    assert_false(check("phone", "e164", NULL, "BM\t+3217-06446\tAtlantic/Bermuda", &v));
    assert_false(check("phone", "e164", NULL, "US\t+404251-0740023\tAmerica/New_York", &v));
    /* out of range as a position: a phone number after all */
    assert_true(check("phone", "e164", NULL, " +3297-06446 ", &v)); /* 97 minutes */
    assert_true(check("phone", "e164", NULL, " +3217-18446 ", &v)); /* longitude 184 */
    assert_true(check("phone", "e164", NULL, "Tel. +44 20-7183-8750.", &v));
    /* a date and time as one run of digits: Debian snapshot versions */
    assert_false(check("phone", "e164", NULL, "~+20191229111838+", &v));
    assert_false(check("phone", "e164", NULL, " +201411240930 ", &v));
    assert_false(check("phone", "e164", NULL, " +20141124 ", &v));
    /* an Egyptian number in that shape is not a date (month 13+) */
    assert_true(check("phone", "e164", NULL, " +201512345678 ", &v));
}

/* ---- e-mail ---- */
static void email_valid(void **st) { (void)st; assert_true(ls_valid_email(S("john.doe+tag@mail.example.co.uk"))); }
static void email_retina_asset_rejected(void **st) { (void)st; assert_false(ls_valid_email(S("logo@2x.png"))); }
static void email_asset_extension_rejected(void **st) { (void)st; assert_false(ls_valid_email(S("icon@sprites.svg"))); }
static void email_systemd_unit_rejected(void **st)
{
    (void)st;
    assert_false(ls_valid_email(S("getty@tty1.service")));
    assert_false(ls_valid_email(S("user@1000.service")));
}
/* Message-IDs as mail servers and clients write them: not mailboxes */
static void email_message_ids_rejected(void **st)
{
    (void)st;
    assert_false(ls_valid_email(S("20141124180000.GA12345@mail.corp.com")));   /* mutt, sendmail */
    assert_false(ls_valid_email(S("5470F1A2.3040506@corp.com")));              /* Thunderbird */
    assert_false(ls_valid_email(S("E1XsabC-0001aB-Ab@mx1.corp.com")));         /* Exim */
    assert_false(ls_valid_email(S("E1xYz9Q-000AbC-9z@mail.example.org")));     /* Exim */
    assert_false(ls_valid_email(S("E1rAbCd-00000000aBc-1X2y@mx.example.org"))); /* Exim 4.97+ */
    assert_false(ls_valid_email(S("CAKm5jF2xZq1x3Q@mail.gmail.com")));         /* Gmail */
    assert_false(ls_valid_email(S("18782981.1075855378110.JavaMail.evans@thyme.com")));
    /* people whose names look a little like that stay */
    assert_true(ls_valid_email(S("E1lisa-jones@corp.com")));
    assert_true(ls_valid_email(S("Eleanor-Watson-Jr@corp.com"))); /* Exim's 17-character shape */
    assert_true(ls_valid_email(S("ed.smith-2014@corp.com")));
}
static void email_numeric_tld_rejected(void **st) { (void)st; assert_false(ls_valid_email(S("a@10.0.0.1"))); }
static void email_double_dot_rejected(void **st) { (void)st; assert_false(ls_valid_email(S("john..doe@example.com"))); }
static void email_single_label_rejected(void **st) { (void)st; assert_false(ls_valid_email(S("root@localhost"))); }
static void email_reserved_tld_rejected(void **st)
{
    (void)st;
    assert_false(ls_valid_email(S("office@mailer.invalid")));
    assert_false(ls_valid_email(S("root@build.localhost")));
    assert_false(ls_valid_email(S("root@localhost.localdomain")));
}
static void email_internal_tld_accepted(void **st)
{
    (void)st; /* company networks: Active Directory domains, internal mail */
    assert_true(ls_valid_email(S("jsmith@acme.local")));
    assert_true(ls_valid_email(S("hr.payroll@corp.acme.corp")));
    assert_true(ls_valid_email(S("m.lopez@mail.harbor.internal")));
    assert_true(ls_valid_email(S("ops@dc01.LAN")));
}
static void email_undelegated_tld_rejected(void **st)
{
    (void)st;
    assert_false(ls_valid_email(S("c@hc7z.fbs")));        /* fuzzed PDF bytes */
    assert_false(ls_valid_email(S("mia@wideworld.te")));  /* cut by a QP soft line break */
    assert_true(ls_valid_email(S("mia@wideworld.tech")));
    assert_true(ls_valid_email(S("Jane@Example.COM")));
    assert_true(ls_valid_email(S("jane@corp.example")));  /* RFC 2606 documentation names */
    assert_true(ls_valid_email(S("jane@corp.test")));
}
static void email_norm_and_redact(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("email", "email", "email", " John.Doe@Example.COM.", &v));
    assert_string_equal(v.norm, "john.doe@example.com");
    assert_string_equal(v.redacted, "j***@example.com");
}

/* ---- MRZ (ICAO 9303 part 4 specimen) ---- */
static void mrz_specimen_valid(void **st)
{
    (void)st;
    assert_true(ls_valid_mrz(S("L898902C36UTO7408122F1204159ZE184226B<<<<<10")));
}
static void mrz_bad_document_check_rejected(void **st)
{
    (void)st;
    assert_false(ls_valid_mrz(S("L898902C37UTO7408122F1204159ZE184226B<<<<<10")));
}
static void mrz_bad_composite_rejected(void **st)
{
    (void)st;
    assert_false(ls_valid_mrz(S("L898902C36UTO7408122F1204159ZE184226B<<<<<11")));
}
static void mrz_short_rejected(void **st) { (void)st; assert_false(ls_valid_mrz(S("L898902C36UTO7408122F1204159"))); }
static void mrz_value_is_document_number(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("passport", "mrz", "last4",
                      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
                      &v));
    assert_string_equal(v.norm, "L898902C3");
    assert_string_equal(v.redacted, "*****02C3");
}
static void mrz_lines_joined_by_space(void **st)
{
    (void)st;
    struct ls_value v;
    /* a table cell or a PDF text run joins the two lines with a blank */
    assert_true(check("passport", "mrz", "last4",
                      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<< "
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
                      &v));
    assert_string_equal(v.norm, "L898902C3");
}

/* ---- context rules ---- */
static void passport_context_valid(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("passport", "passport", NULL, "Passport No: c12345678 ", &v));
    assert_string_equal(v.norm, "C12345678");
}
static void passport_word_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("passport", "passport", NULL, "passport number pending", &v));
}
static void dob_iso_valid(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("dob", "dob", NULL, "DOB: 1980-01-05,", &v));
    assert_string_equal(v.norm, "1980-01-05");
    assert_string_equal(v.redacted, "****-**-**");
}
static void dob_impossible_date_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("dob", "dob", NULL, "born 30.02.1990", &v));
}
static void dob_feb29_leap_year_only(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("dob", "dob", NULL, "DOB 29/02/1988", &v));
    assert_false(check("dob", "dob", NULL, "DOB 29/02/1989", &v));
}
static void dob_basic_form(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("dob", "dob", NULL, "BDAY:19850917\r\n", &v));
    assert_int_equal(v.len, 8);
    /* Korean year, month and day syllables, after the label saengnyeonworil that holds two of them */
    assert_true(check("dob", "dob", NULL, "\xec\x83\x9d\xeb\x85\x84\xec\x9b\x94\xec\x9d\xbc: 1975\xeb\x85\x84 3\xec\x9b\x94 14\xec\x9d\xbc", &v));
    assert_string_equal(v.norm, "1975-03-14"); /* fingerprinted as the ISO date */
    assert_false(check("dob", "dob", NULL, "\xec\x83\x9d\xeb\x85\x84\xec\x9b\x94\xec\x9d\xbc: 1975\xeb\x85\x84 2\xec\x9b\x94 30\xec\x9d\xbc", &v));
    /* month names in Russian (genitive), Polish, Turkish */
    assert_true(check("dob", "dob", NULL, "\xd0\x94\xd0\xb0\xd1\x82\xd0\xb0 \xd1\x80\xd0\xbe\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f: 14 \xd0\xbc\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0 1975 ", &v));
    assert_string_equal(v.norm, "1975-03-14");
    assert_true(check("dob", "dob", NULL, "Data urodzenia: 14 marca 1975\n", &v));
    assert_true(check("dob", "dob", NULL, "Do\xc4\x9fum tarihi: 29 \xc5\x9eubat 1976\n", &v));
    assert_false(check("dob", "dob", NULL, "Do\xc4\x9fum tarihi: 29 \xc5\x9eubat 1975\n", &v)); /* no 29 February */
    assert_true(check("dob", "dob", NULL, "birth_date = 20000229,", &v));
    assert_false(check("dob", "dob", NULL, "birth_date = 19990229,", &v)); /* no 29 February */
    assert_false(check("dob", "dob", NULL, "DOB: 18991231 ", &v));
    assert_true(check("dob", "dob", NULL, "DOB: 9/6/1973\n", &v)); /* eight bytes, not eight digits */
}

static void dob_month_name_day_first(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("dob", "dob", NULL, "Date of Birth: 5 January 1980.", &v));
    assert_string_equal(v.norm, "1980-01-05");
    assert_int_equal(v.len, strlen("5 January 1980"));
    assert_string_equal(v.redacted, "* ******* ****");
}
static void dob_month_name_month_first(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("dob", "dob", NULL, "born on Sept 9th, 2001\n", &v));
    assert_string_equal(v.norm, "2001-09-09");
    assert_int_equal(v.len, strlen("Sept 9th, 2001"));
}
/* rules17: one person's date of birth is one value however it is written;
 * an ambiguous one (03/04/1975) stays as written unless a label names the order */
static void dob_norm_iso_when_order_known(void **st)
{
    (void)st;
    struct ls_value v;
    static const char *const same[] = {"DOB: 1975-03-14\n", "BDAY:19750314\r\n", "Date of birth: 14 March 1975\n",
                                       "Date of Birth: March 14, 1975\n", "Geburtsdatum: 14.03.1975\n",
                                       "DOB: 14/03/1975\n", "DOB: 03/14/1975\n", "DOB: 3/14/75\n",
                                       "\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5\xef\xbc\x9a"
                                       "1975\xe5\xb9\xb4" "3\xe6\x9c\x88" "14\xe6\x97\xa5",
                                       "DOB: 1975/3/14\n", "born 14-Mar-75\n"};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        assert_true(check("dob", "dob", NULL, same[i], &v));
        assert_string_equal(v.norm, "1975-03-14");
    }
    assert_true(check("dob", "dob", NULL, "DOB: 03/04/1975\n", &v));
    assert_string_equal(v.norm, "03/04/1975"); /* 3 April or March 4: as written */
    assert_true(check("dob", "dob", NULL, "DOB (DD/MM/YYYY): 03/04/1975\n", &v));
    assert_string_equal(v.norm, "1975-04-03");
    assert_true(check("dob", "dob", NULL, "DOB (mm/dd/yyyy): 03/04/1975\n", &v));
    assert_string_equal(v.norm, "1975-03-04");
    assert_true(check("dob", "dob", NULL, "Geburtsdatum: 3.4.1975\n", &v));
    assert_string_equal(v.norm, "1975-04-03"); /* dots: the day first */
    assert_true(check("dob", "dob", NULL, "DOB: 04/04/1975\n", &v));
    assert_string_equal(v.norm, "1975-04-04");
    assert_true(check("dob", "dob", NULL, "\xe7\x94\x9f\xe5\xb9\xb4\xe6\x9c\x88\xe6\x97\xa5\xef\xbc\x9a"
                                          "\xe5\xb9\xb3\xe6\x88\x90\xe5\x85\x83\xe5\xb9\xb4" "1\xe6\x9c\x88" "8\xe6\x97\xa5", &v));
    assert_string_equal(v.norm, "1989-01-08"); /* Heisei gannen */
}
/* rulesred10: PHP's json_encode escapes '/'; a table header names the layout in brackets */
static void dob_escaped_slash_and_bracket_layout(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("dob", "dob", NULL, "\"dob\":\"03\\/14\\/1975\"", &v));
    assert_string_equal(v.norm, "1975-03-14");
    assert_true(check("dob", "dob", NULL, "\"dob\":\"03\\/04\\/1975\"", &v));
    assert_string_equal(v.norm, "03/04/1975"); /* ambiguous: as written, the escapes dropped */
    assert_true(check("dob", "dob", NULL, "DOB [DD/MM/YYYY]: 03/04/1975\n", &v));
    assert_string_equal(v.norm, "1975-04-03");
    assert_false(check("dob", "dob", NULL, "DOB: 03\\-14\\-1975\n", &v)); /* only "\\/" is an escape */
}

/* a national form with its trunk 0 names no country: flagged for the engine to join to a +CC form */
static void phone_national_trunk0_flagged(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("phone", "phone_national", NULL, "Tel: 020 7946 0958\n", &v));
    assert_true(v.trunk0);
    assert_string_equal(v.norm, "02079460958");
    assert_true(check("phone", "phone_national", NULL, "Tel.: 0044 20 7946 0958\n", &v));
    assert_false(v.trunk0); /* 00 and a country code: international */
    assert_true(check("phone", "e164", NULL, "+44 20 7946 0958\n", &v));
    assert_false(v.trunk0);
}

/* rulesred10: a YAML block scalar's value is on the next line */
static void password_yaml_block_scalar(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password", "password", "password", "password: |\n      Qw7!nRt2Lm", &v));
    assert_string_equal(v.norm, "Qw7!nRt2Lm");
    assert_true(check("password", "password", "password", "password: >-\r\n  Qw7!nRt2Lm", &v));
    assert_string_equal(v.norm, "Qw7!nRt2Lm");
    assert_true(check("token", "token_assignment", NULL, "api_key: >-\n    aB3dE5fG7hJ9kL1mN3pQ5rS7", &v));
    assert_string_equal(v.norm, "aB3dE5fG7hJ9kL1mN3pQ5rS7");
    assert_false(check("password", "password", "password", "password: |", &v)); /* nothing after the indicator */
}

static void dob_month_name_impossible_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("dob", "dob", NULL, "DOB 31 February 1990", &v));
    assert_false(check("dob", "dob", NULL, "DOB Mayor 5 1990", &v));
}
static void drivers_license_valid(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("drivers_license", "drivers_license", NULL, "Driver's License: D1234567\n", &v));
    assert_string_equal(v.norm, "D1234567");
    assert_string_equal(v.redacted, "****4567");
}

static void drivers_license_dashed(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("drivers_license", "drivers_license", NULL, "Driver License No. S530-4607-8123.", &v));
    assert_string_equal(v.norm, "S53046078123"); /* one value however it is grouped */
    assert_true(check("drivers_license", "drivers_license", NULL, "\"driverLicenseNumber\":\"s53046078123\"", &v));
    assert_string_equal(v.norm, "S53046078123");
    assert_false(check("drivers_license", "drivers_license", NULL, "DL: 1-2-3-4-5-6-7", &v)); /* mostly dashes */
}

/* ---- secrets ---- */
static void aws_key_valid(void **st) { (void)st; assert_true(ls_valid_aws_key_id(S("AKIAZ7EXQ2MPLK4TSW5R"))); }
static void aws_key_example_rejected(void **st) { (void)st; assert_false(ls_valid_aws_key_id(S("AKIAIOSFODNN7EXAMPLE"))); }
static void aws_key_bad_alphabet_rejected(void **st) { (void)st; assert_false(ls_valid_aws_key_id(S("AKIAZ7EXQ2MPLK4TSW51"))); }
static void aws_key_bad_prefix_rejected(void **st) { (void)st; assert_false(ls_valid_aws_key_id(S("AKIBZ7EXQ2MPLK4TSW5R"))); }
static void aws_key_redacted_prefix(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("aws_key", "aws_key_id", "prefix4", " AKIAZ7EXQ2MPLK4TSW5R\n", &v));
    assert_string_equal(v.redacted, "AKIA...");
}
static void aws_secret_example_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("aws_secret", "aws_secret", NULL,
                       "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", &v));
}
static void jwt_valid_norm_is_signature(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("jwt", "jwt", "prefix4",
                      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4ODQxMjA3NSJ9."
                      "h7Qe2vX9kLm3Np5Rs8Tu1Wy4Za6Bc0Df2Gh5Jk7Lm9N",
                      &v));
    assert_string_equal(v.norm, "h7Qe2vX9kLm3Np5Rs8Tu1Wy4Za6Bc0Df2Gh5Jk7Lm9N");
    assert_string_equal(v.redacted, "eyJh...");
}
static void jwt_without_alg_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    /* header {"typ":"JWT"} has no alg */
    assert_false(check("jwt", "jwt", NULL, "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpM", &v));
}
static void token_placeholder_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("token", "token", NULL, " ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", &v));
}
static void token_redaction_keeps_type(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("token", "token", "keytype", " ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5A", &v));
    assert_string_equal(v.redacted, "ghp_aB3d...");
}
static void password_assignment_valid(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password", "password", "password", "db_password = \"S3cr3t!pass\"", &v));
    assert_string_equal(v.norm, "S3cr3t!pass");
    assert_string_equal(v.redacted, "********");
}
static void password_xml_valid(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password", "password", NULL, "<password>hunter2x</", &v));
    assert_string_equal(v.norm, "hunter2x");
}
static void password_variable_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("password", "password", NULL, "password: ${DB_PASSWORD}", &v));
    /* rules17: the raw bytes of a quoted-printable body (=3D, a soft line break): the decoded text has it */
    assert_false(check("password", "password", NULL, "db_password=3DSaff=\r\n", &v));
    assert_false(check("password", "password", NULL, "db_password=3DSaffron=20x ", &v));
    assert_true(check("password", "password", NULL, "db_password=3Dprinter2291 ", &v)); /* no other escape: a value */
    assert_false(check("password", "password", NULL, "password = ********", &v));
    assert_false(check("password", "password", NULL, "password=changeit", &v));
}
static void password_entity_escaped_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("password", "password", NULL, "password = Ab1&amp;", &v));
    assert_true(check("password", "password", NULL, "password = R-3KJ&#hd67", &v));
    assert_string_equal(v.norm, "R-3KJ&#hd67");
}
static void password_td_boundary_not_separator(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password", "password", NULL, ">smtp.passwd=L_lbp4NC4", &v));
    assert_string_equal(v.norm, "L_lbp4NC4");
}
static void password_prose_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("password", "password", NULL, "Password: Enter", &v));
}
static void password_code_identifier_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("password", "password", NULL, "BAD_PASSWORD = SEC_ERROR_BASE", &v));
    assert_false(check("password", "password", NULL, "SAE_PASSWORD: attribute f", &v));
    assert_true(check("password", "password", NULL, "password: correcthorsebattery", &v));
}
static void password_quoted_word_accepted(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password", "password", NULL, "password: \"monkey\"", &v));
    assert_string_equal(v.norm, "monkey");
}
static void password_code_reference_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("password", "password", NULL, "password = getPassword()", &v));
    assert_false(check("password", "password", NULL, "password = self.db_password", &v));
    assert_false(check("password", "password", NULL, "password: !vault", &v));
    assert_false(check("password", "password", NULL, ">password = gnome_strdup(password_data-", &v));
    assert_false(check("password", "password", NULL, " NOPASSWD: /bin/systemctl", &v));
    assert_false(check("password", "password", NULL, "\"OLDPWD\": \"/home/user/src", &v));
    assert_true(check("password", "password", NULL, "password = x(7)Yz!q", &v));
}
static void url_password_placeholder_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("password", "url_password", NULL, " https://user:pass@example.com", &v));
}
static void url_password_valid(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password", "url_password", NULL, "\npostgres://admin:hunter22@db.example.com", &v));
    assert_string_equal(v.norm, "hunter22");
}
static void crypt_sha512_shadow_valid(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password_hash", "crypt", "hash",
                      "\nroot:$6$saltsalt$"
                      "qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/",
                      &v));
    assert_string_equal(v.redacted, "$6$...");
}
static void crypt_truncated_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("password_hash", "crypt", NULL, "\nroot:$6$saltsalt$qFmFH.bQmmtXzy", &v));
}
static void htpasswd_apr1_valid(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password_hash", "crypt", NULL, "alice:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/", &v));
    assert_string_equal(v.norm, "$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/");
}
static void private_key_norm_is_body(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("private_key", "private_key", "keytype",
                      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t\n"
                      "-----END RSA PRIVATE KEY-----\ntrailing text",
                      &v));
    assert_string_equal(v.norm, "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t");
    assert_string_equal(v.redacted, "RSA PRIVATE KEY MIIE...");
}
static void private_key_header_only_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("private_key", "private_key", NULL, "-----BEGIN RSA PRIVATE KEY-----\nMIIE", &v));
}

/* ---- dispatch ---- */
static void unknown_validator_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("ssn", "no_such_validator", NULL, "536-22-8714", &v));
}
static void no_validator_takes_whole_match(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("marking", NULL, "none", " CONFIDENTIAL ", &v));
    assert_string_equal(v.norm, "CONFIDENTIAL");
    assert_string_equal(v.redacted, "CONFIDENTIAL");
}
static void unknown_entity_masked_by_default(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("customer_id", NULL, NULL, "CUST-12345", &v));
    assert_string_equal(v.redacted, "****-*****");
}
static void short_values_never_shown_whole(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("x", NULL, "last4", "AB12", &v));
    assert_string_equal(v.redacted, "**12");
}
static void org_strips_boundaries(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("org_identifier", "org", "last4", " ACME-123456.", &v));
    assert_string_equal(v.norm, "ACME-123456");
    assert_string_equal(v.redacted, "****-**3456");
}
static void empty_and_null_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    struct ls_candidate c = {"ssn", "ssn", NULL, {NULL, 0}};
    assert_false(ls_value_check(&c, &v));
    c.entity = NULL;
    c.match = S("536-22-8714");
    assert_false(ls_value_check(&c, &v));
}

#define T(f) cmocka_unit_test(f)
/* A custom rule pairing a digit entity with a prefix style must not print
 * the whole number (found by fuzz_validate in CI). */
static void redaction_never_shows_whole_value(void **st)
{
    (void)st;
    static const char m[] = "p0430993-530AKcno_such_validatIVAT";
    struct ls_candidate c = {"ssn", "token", "keytype", {(const uint8_t *)m, sizeof m - 1}};
    struct ls_value v;
    assert_true(ls_value_check(&c, &v));
    assert_string_equal(v.norm, "0430993530");
    assert_null(strstr(v.redacted, "0430993"));
    assert_string_equal(v.redacted, "****30");
}


/* ---- secrets: documented values, new shapes (gen_secrets_realistic) ---- */
static void jwt_io_sample_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("jwt", "jwt", NULL,
                       "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
                       "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", &v));
}
static void token_documented_values_rejected(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("token", "token", NULL, "sk_test_4eC39HqLyjWDarjtT1zdp7dc", &v));
    assert_false(check("token", "token", NULL, "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", &v));
    assert_true(check("token", "token", NULL, " 7104938217:AAFq3xZ9kLm2Np5Rs8Tu1Wy4Za6Bc0Df2Gh\n", &v));
    assert_string_equal(v.norm, "7104938217:AAFq3xZ9kLm2Np5Rs8Tu1Wy4Za6Bc0Df2Gh");
}
static void token_assignment_base64_prefix(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("token", "token_assignment", NULL, "APP_KEY=base64:q8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8Yw=", &v));
    assert_string_equal(v.norm, "q8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8Yw=");
}
static void token_assignment_call_is_code(void **st)
{
    (void)st;
    struct ls_value v;
    /* the rule's match ends with the '(' of a call: code, not a value */
    assert_false(check("token", "token_assignment", NULL, " self.secret_key = ECMA376Agile.makekey_from_password(", &v));
    assert_false(check("token", "token_assignment", NULL, " encryption_key = ECMA376Agile._derive_encryption_key(", &v));
    /* the same value with no call after it, and a real key before a '(' stay */
    assert_true(check("token", "token_assignment", NULL, " secret_key = ECMA376Agile.makekey_from_password\n", &v));
    assert_true(check("token", "token_assignment", NULL, " api_key=q8Vt3Lm9Xz2Rk7Pw4Ns6+Bh1J(", &v));
}
/* a counts key and man-page field lists are no passwords; short colon
 * values and long digit passwords are (review3) */
static void password_counts_and_fields(void **st)
{
    (void)st;
    struct ls_value v;
    assert_false(check("password", "password", NULL, "\npass: 1532\n", &v));
    assert_false(check("password", "password", NULL, " passwd: login_name:passwd:UID:GID\n", &v));
    assert_true(check("password", "password", NULL, "\npass=48151623\n", &v));
    assert_string_equal(v.norm, "48151623");
    assert_true(check("password", "password", NULL, "password: Tr0ub4dor:Horse\n", &v));
    assert_string_equal(v.norm, "Tr0ub4dor:Horse");
    assert_true(check("password", "password", NULL, "password = hunter:tiger:Lion\n", &v));
}
static void password_arrow_and_code(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password", "password", NULL, "'password' => 'T4ngo-Orion7',", &v));
    assert_string_equal(v.norm, "T4ngo-Orion7");
    assert_false(check("password", "password", NULL, " password=None):", &v));
    assert_false(check("password", "password", NULL, ",password:t})})}var", &v));
    assert_false(check("password", "password", NULL, " FHD_PASSWORD = 0x0004", &v));
    assert_false(check("password", "password", NULL, "Password:=CCSInfo.SHPassword,", &v));
    assert_false(check("password", "password", NULL, "\"show_password\": \"Show p", &v));
    assert_false(check("password", "password", NULL, "--password=`echo", &v));
    assert_false(check("password", "password", NULL, " password: Optional[str] = None", &v));
    assert_false(check("password", "password", NULL, " MasterUserPassword: !Ref DBPassword", &v));
    assert_false(check("password", "password", NULL, "(user: &str, password: &str)", &v));
    assert_false(check("token", "mailgun", NULL, "'key-9dd4e461268c8034f5c8564e155c67a6'", &v));
    assert_true(check("token", "mailgun", NULL, " key-7bq2xnmp41jd8fks5gc293sgvjxtewq9\n", &v));
    assert_false(check("password", "password", NULL, " ownerPassword=ownerPassword@entry=0x1165830", &v));
    assert_false(check("password", "password", NULL, " self.password = config['", &v));
    assert_false(check("password", "password", NULL, " self.username, self.password = credentials", &v));
    assert_true(check("password", "password", NULL, " smtp.passwd=&hA0PWTwC3Gb", &v)); /* & + digits: a value */
    assert_string_equal(v.norm, "&hA0PWTwC3Gb");
}
static void basic_auth_decoded(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password", "basic_auth", NULL, "Authorization: Basic YWRtaW46UzNjcjN0IXBhc3M=", &v));
    assert_string_equal(v.norm, "YWRtaW46UzNjcjN0IXBhc3M=");
    assert_string_equal(v.redacted, "********");
    /* "username:password" is a placeholder */
    assert_false(check("password", "basic_auth", NULL, "Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ=", &v));
}
static void cli_password_forms(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password", "cli_password", NULL, "mysql -u root -pWq83!zLm", &v));
    assert_string_equal(v.norm, "Wq83!zLm");
    assert_true(check("password", "cli_password", NULL, "mysqldump -uroot -p'Wq83!zLm", &v));
    assert_string_equal(v.norm, "Wq83!zLm");
    assert_true(check("password", "cli_password", NULL, "curl -u admin:Tr0ub4dor&3", &v));
    assert_string_equal(v.norm, "Tr0ub4dor&3");
    assert_true(check("password", "cli_password", NULL, "-passout pass:Kx8pq2Lm", &v));
    assert_string_equal(v.norm, "Kx8pq2Lm");
}
static void prose_password_forms(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password", "prose_password", NULL, "password is Kx8#pq2Lm.", &v));
    assert_string_equal(v.norm, "Kx8#pq2Lm");
    assert_false(check("password", "prose_password", NULL, "password is case-sensitive", &v));
    assert_false(check("password", "prose_password", NULL, "password is stored", &v));
}
static void hashes_standalone(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("password_hash", "crypt", NULL, "'$2y$10$Q7WnOq1yYpW4pRzvA0bL6eCj8sXkT3mHf5uGd2iN9oE1rZtVwq7Ky", &v));
    assert_string_equal(v.redacted, "$2y$...");
    assert_true(check("password_hash", "crypt", NULL, "\tpbkdf2_sha256$600000$Zk3Lq9Vt2Rx8Pw4Ns6Bh1J$"
                      "q8Vt3Lm9Xz2Rk7Pw4Ns6Bh1Jc5Df0Ga8YwQe2vX9kLm3=", &v));
    assert_string_equal(v.redacted, "pbkdf2_sha256$...");
    assert_true(check("password_hash", "ntlm", "hash",
                      "Administrator:500:aad3b435b51404eeaad3b435b51404ee:8846f7eaee8fb117ad06bdd830b7586c:::", &v));
    assert_string_equal(v.norm, "8846f7eaee8fb117ad06bdd830b7586c");
    assert_string_equal(v.redacted, "***");
}
static void marking_trimmed(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("marking", "marking", "none", "\n  Confidential -", &v));
    assert_string_equal(v.norm, "Confidential");
    assert_false(check("marking", "marking", "none", "CONFIDENTIAL OR OTHER INFORMATION", &v));
    assert_false(check("marking", "marking", "none", "CONFIDENTIAL flag", &v));
    assert_false(check("marking", "marking", "none", "Confidential VM", &v));
    assert_true(check("marking", "marking", "none", "CONFIDENTIAL AND PROPRIETARY", &v));
    assert_true(check("password", "prose_password", NULL, "password is Kx8#pq2Lm", &v));
    assert_false(check("password", "prose_password", NULL, "password is \"Alias.password", &v));
    assert_false(check("password", "cli_password", NULL, " --password respectively.", &v));
}
static void ppk_private_lines(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("private_key", "ppk", "prefix4", "Private-Lines: 2\nAAAAgQDk3mQ9Vt2Rx8Pw4Ns6Bh1Jc5Df0Ga8YwQe2vX9kLm3Np5Rs8Tu1Wy4Za6Bc0Df2Gh5Jk7\n"
                      "Lm9NAAAAQQD3k2\n", &v));
    assert_string_equal(v.norm, "AAAAgQDk3mQ9Vt2Rx8Pw4Ns6Bh1Jc5Df0Ga8YwQe2vX9kLm3Np5Rs8Tu1Wy4Za6Bc0Df2Gh5Jk7Lm9NAAAAQQD3k2");
}
static void private_key_json_escapes(void **st)
{
    (void)st;
    struct ls_value v;
    assert_true(check("private_key", "private_key", NULL, "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nBKcwggSjAgEAAoIBAQC7", &v));
    assert_string_equal(v.norm, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(card_visa_valid), T(card_visa13_valid), T(card_mastercard_valid),
        T(card_mastercard_2series_valid), T(card_amex_valid), T(card_discover_valid),
        T(card_jcb_valid), T(card_diners_valid), T(card_luhn_fail_rejected),
        T(card_unknown_brand_rejected), T(card_wrong_length_rejected),
        T(card_mc_outside_2series_rejected), T(card_repeated_digits_rejected), T(card_famous_test_number_valid),
        T(card_letters_rejected), T(card_match_with_expiry_trimmed),
        T(card_mixed_separators_rejected), T(card_bad_grouping_rejected), T(card_redaction_plain),
        T(card_ean13_barcode_rejected), T(card_ean13_valid_after_card_word), T(card_more_brands_valid),
        T(card_maestro_grouped_4_4_4),
        T(iban_de_valid), T(iban_gb_spaced_valid), T(iban_wrapped_valid), T(iban_no_shortest_valid),
        T(iban_bad_checksum_rejected), T(iban_wrong_length_rejected),
        T(iban_unknown_country_rejected), T(iban_norm_upper_compact),
        T(ssn_valid), T(ssn_unformatted_valid), T(ssn_area_000_rejected), T(ssn_area_666_rejected),
        T(ssn_area_9xx_rejected), T(ssn_group_00_rejected), T(ssn_serial_0000_rejected),
        T(ssn_woolworth_rejected), T(ssn_pamphlet_rejected), T(ssn_sequence_rejected),
        T(ssn_mixed_separators_rejected), T(ssn_context_located), T(ssn_formatted_redaction),
        T(nanp_valid), T(nanp_country_code_valid), T(nanp_area_starting_1_rejected),
        T(nanp_n11_area_rejected), T(nanp_n11_exchange_rejected), T(nanp_fictional_555_01_rejected),
        T(nanp_555_other_valid), T(nanp_n9x_area_rejected), T(phone_norm_drops_country_code),
        T(phone_label_paren_not_in_value), T(nanp_extension_and_exit_code_not_in_value),
        T(phone_national_forms), T(phone_national_outside_na), T(phone_national_rejected), T(card_id_column_order_vetoed),
        T(card_id_column_card_word_kept), T(card_id_column_not_a_card_ignored),
        T(e164_uk_valid), T(e164_unassigned_code_rejected), T(e164_too_short_rejected),
        T(e164_iso6709_position_rejected),
        T(email_valid), T(email_message_ids_rejected), T(email_retina_asset_rejected), T(email_asset_extension_rejected),
        T(email_systemd_unit_rejected), T(email_numeric_tld_rejected), T(email_double_dot_rejected), T(email_single_label_rejected),
        T(email_reserved_tld_rejected), T(email_internal_tld_accepted), T(email_undelegated_tld_rejected), T(email_norm_and_redact),
        T(mrz_specimen_valid), T(mrz_bad_document_check_rejected), T(mrz_bad_composite_rejected),
        T(mrz_short_rejected), T(mrz_value_is_document_number), T(mrz_lines_joined_by_space),
        T(passport_context_valid), T(passport_word_rejected), T(dob_iso_valid),
        T(dob_impossible_date_rejected), T(dob_feb29_leap_year_only), T(dob_basic_form), T(dob_month_name_day_first),
        T(dob_month_name_month_first), T(dob_norm_iso_when_order_known), T(dob_escaped_slash_and_bracket_layout), T(phone_national_trunk0_flagged), T(password_yaml_block_scalar), T(dob_month_name_impossible_rejected), T(drivers_license_valid), T(drivers_license_dashed),
        T(aws_key_valid), T(aws_key_example_rejected), T(aws_key_bad_alphabet_rejected),
        T(aws_key_bad_prefix_rejected), T(aws_key_redacted_prefix), T(aws_secret_example_rejected),
        T(jwt_valid_norm_is_signature), T(jwt_without_alg_rejected), T(token_placeholder_rejected),
        T(token_redaction_keeps_type), T(password_assignment_valid), T(password_xml_valid),
        T(password_variable_rejected), T(password_prose_rejected), T(password_code_identifier_rejected), T(password_entity_escaped_rejected),
        T(password_td_boundary_not_separator), T(password_quoted_word_accepted),
        T(password_code_reference_rejected), T(url_password_placeholder_rejected), T(url_password_valid), T(crypt_sha512_shadow_valid),
        T(crypt_truncated_rejected), T(htpasswd_apr1_valid), T(private_key_norm_is_body),
        T(private_key_header_only_rejected),
        T(unknown_validator_rejected), T(no_validator_takes_whole_match),
        T(unknown_entity_masked_by_default), T(short_values_never_shown_whole),
        T(org_strips_boundaries), T(empty_and_null_rejected),
        T(redaction_never_shows_whole_value),
        T(jwt_io_sample_rejected), T(token_documented_values_rejected), T(token_assignment_base64_prefix), T(token_assignment_call_is_code),
        T(password_counts_and_fields), T(password_arrow_and_code), T(basic_auth_decoded), T(cli_password_forms), T(prose_password_forms),
        T(hashes_standalone), T(marking_trimmed), T(ppk_private_lines), T(private_key_json_escapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
