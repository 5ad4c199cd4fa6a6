/*
 * Candidate validation, normalisation and redaction (see validate.h and
 * docs/rules.md, which lists every validator name a rule may use).
 *
 * Input: the bytes one YARA string matched (attacker-controlled, at most a
 * few hundred bytes, possibly including context words and one boundary
 * character before or after the value). Each validator locates the value
 * inside the match, checks it, and ls_value_check() then normalises and
 * redacts it. Pure functions: no allocation, no global state.
 *
 * Sources of the checks:
 *  - payment cards: ISO/IEC 7812 Luhn; brand prefixes and lengths as
 *    published by the networks (Visa 4; Mastercard 51-55, 2221-2720;
 *    Amex 34, 37; Discover 6011, 622126-622925, 644-649, 65; JCB 3528-3589;
 *    Diners 300-305, 3095, 36, 38, 39).
 *  - IBAN: ISO 13616, SWIFT IBAN registry lengths, ISO 7064 mod 97-10.
 *  - SSN: SSA randomisation rules in force since 2011-06-25.
 *  - NANP: NANPA numbering plan (NXX-NXX-XXXX, no N11, no N9X area codes,
 *    555-0100..0199 reserved for fiction).
 *  - MRZ: ICAO Doc 9303 part 4 (TD3), check digits weights 7-3-1.
 */
#include <stdio.h>
#include <string.h>

#include "identify/identify.h" /* ls_sha256: fingerprints of binary credential stores */
#include "scan/validate.h"
#include "scan/validate_crypto.h"
#include "scan/validate_tlds.h"

/* ---- byte helpers (all reads through ls_slice_at) ---------------------- */

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(int c) { return c >= 'a' && c <= 'z'; }
static bool is_alpha(int c) { return is_upper(c) || is_lower(c); }
static bool is_alnum(int c) { return is_digit(c) || is_alpha(c); }
static int to_upper(int c) { return is_lower(c) ? c - 32 : c; }
static int to_lower(int c) { return is_upper(c) ? c + 32 : c; }
static bool is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static bool is_high(int c) { return c >= 0x80; }
static bool is_b64(int c) { return is_alnum(c) || c == '+' || c == '/' || c == '='; }
static bool is_b64url(int c) { return is_alnum(c) || c == '-' || c == '_'; }

static struct ls_slice sub(struct ls_slice s, size_t off, size_t n)
{
    struct ls_slice out = {NULL, 0};
    if (!ls_slice_sub(s, off, n, &out)) out = ls_slice_make(NULL, 0);
    return out;
}

/* Index of the first byte at or after from satisfying pred, or s.len. */
static size_t find_if(struct ls_slice s, size_t from, bool (*pred)(int))
{
    for (size_t i = from; i < s.len; i++)
        if (pred(ls_slice_at(s, i))) return i;
    return s.len;
}

/* Digits of v into out (NUL-ended); non-digits skipped. Returns the number
 * of digits, or SIZE_MAX if more than max-1. */
static size_t collect_digits(struct ls_slice v, char *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (!is_digit(c)) continue;
        if (n + 1 >= max) return SIZE_MAX;
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return n;
}

static unsigned dig(const char *d, size_t i, size_t n)
{
    unsigned v = 0;
    for (size_t k = 0; k < n; k++) v = v * 10 + (unsigned)(d[i + k] - '0');
    return v;
}

static bool all_same(const char *d, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (d[i] != d[0]) return false;
    return n > 0;
}

static bool slice_has(struct ls_slice s, const char *needle)
{
    return ls_slice_find(s, 0, needle, strlen(needle)) != SIZE_MAX;
}

/* Case-insensitive search of an ASCII needle. */
static bool slice_has_nocase(struct ls_slice s, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; n <= s.len && i <= s.len - n; i++) {
        size_t k = 0;
        while (k < n && to_lower(ls_slice_at(s, i + k)) == to_lower((unsigned char)needle[k])) k++;
        if (k == n) return true;
    }
    return false;
}

/* ---- payment cards ------------------------------------------------------ */

struct card_brand {
    unsigned lo, hi;  /* prefix range over the first `digits` digits */
    unsigned digits;
    unsigned len_lo, len_hi;
    bool only_13_16_19; /* Visa */
};

static const struct card_brand card_brands[] = {
    {4, 4, 1, 13, 19, true},             /* Visa */
    {51, 55, 2, 16, 16, false},          /* Mastercard */
    {2221, 2720, 4, 16, 16, false},      /* Mastercard 2-series */
    {34, 34, 2, 15, 15, false},          /* Amex */
    {37, 37, 2, 15, 15, false},          /* Amex */
    {6011, 6011, 4, 16, 19, false},      /* Discover */
    {622126, 622925, 6, 16, 19, false},  /* Discover (China UnionPay co-brand) */
    {644, 649, 3, 16, 19, false},        /* Discover */
    {65, 65, 2, 16, 19, false},          /* Discover */
    {35, 35, 2, 16, 19, false},          /* JCB (3528-3589; test generators use all of 35) */
    {2131, 2131, 4, 15, 15, false},      /* JCB, 15 digits */
    {1800, 1800, 4, 15, 15, false},      /* JCB, 15 digits */
    {300, 305, 3, 14, 19, false},        /* Diners Club International */
    {3095, 3095, 4, 14, 19, false},      /* Diners */
    {36, 36, 2, 14, 19, false},          /* Diners */
    {38, 39, 2, 14, 14, false},          /* Diners International */
    {38, 39, 2, 16, 19, false},          /* Diners (Discover network) */
    {5018, 5018, 4, 12, 19, false},      /* Maestro */
    {5020, 5020, 4, 12, 19, false},      /* Maestro */
    {5038, 5038, 4, 12, 19, false},      /* Maestro */
    {5612, 5612, 4, 12, 19, false},      /* Maestro */
    {5893, 5893, 4, 12, 19, false},      /* Maestro */
    {6304, 6304, 4, 12, 19, false},      /* Maestro (Laser) */
    {6390, 6390, 4, 12, 19, false},      /* Maestro */
    {6759, 6759, 4, 12, 19, false},      /* Maestro UK */
    {6761, 6763, 4, 12, 19, false},      /* Maestro */
};

static bool card_brand_ok(const char *d, size_t n)
{
    for (size_t i = 0; i < sizeof card_brands / sizeof card_brands[0]; i++) {
        const struct card_brand *b = &card_brands[i];
        if (n < b->digits || n < b->len_lo || n > b->len_hi) continue;
        if (b->only_13_16_19 && n != 13 && n != 16 && n != 19) continue;
        unsigned p = dig(d, 0, b->digits);
        if (p >= b->lo && p <= b->hi) return true;
    }
    return false;
}

static bool luhn_ok(const char *d, size_t n)
{
    unsigned sum = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned v = (unsigned)(d[n - 1 - i] - '0');
        if (i % 2 == 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
        sum += v;
    }
    return sum % 10 == 0;
}

bool ls_valid_luhn_card(struct ls_slice v)
{
    char d[24];
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (!is_digit(c) && c != ' ' && c != '-') return false;
    }
    size_t n = collect_digits(v, d, sizeof d);
    if (n == SIZE_MAX || n < 12 || n > 19) return false;
    if (all_same(d, n)) return false;
    return card_brand_ok(d, n) && luhn_ok(d, n);
}

/* Group lengths of a card written with one separator kind. Returns the
 * number of groups, 0 if separators are mixed or doubled. */
static size_t card_groups(struct ls_slice v, size_t *g, size_t max)
{
    size_t n = 0, run = 0;
    int sep = 0;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (is_digit(c)) {
            run++;
            continue;
        }
        if (run == 0 || (sep && c != sep) || n + 1 >= max) return 0;
        sep = c;
        g[n++] = run;
        run = 0;
    }
    if (run == 0 || n + 1 > max) return 0;
    g[n++] = run;
    return n;
}

/* Accepted layouts: no separator; 4-4-4-4(-1..3), 4-4-4-1 (Visa 13) and
 * 4-4-4 (Maestro 12); 4-6-5 (Amex) and 4-6-4 (Diners). */
static bool card_layout_ok(struct ls_slice v)
{
    size_t g[8];
    size_t n = card_groups(v, g, 8);
    if (n == 1) return true;
    if (n == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 5 || g[2] == 4)) return true;
    if (n == 3 && g[0] == 4 && g[1] == 4 && g[2] == 4) return true;
    if (n < 4 || n > 5) return false;
    for (size_t i = 0; i + 1 < n; i++)
        if (g[i] != 4) return false;
    return g[n - 1] >= 1 && g[n - 1] <= 4;
}

static size_t count_class(struct ls_slice v, bool (*pred)(int));

/* GTIN/EAN-13 check digit (weights 1, 3 from the left). */
static bool ean13_ok(struct ls_slice v)
{
    char d[24];
    if (collect_digits(v, d, sizeof d) != 13) return false;
    unsigned sum = 0;
    for (size_t i = 0; i < 12; i++) sum += (unsigned)(d[i] - '0') * (i % 2 ? 3u : 1u);
    return (10 - sum % 10) % 10 == (unsigned)(d[12] - '0');
}

/* A 13-digit number that is also a valid EAN-13 is a barcode (product
 * lists: 4xxxxxxxxxxxx is Germany, Russia, Japan), not a Visa card, unless a
 * card word stands before it ($card_visa13: "Card no. 4222222222222").
 * About 1 in 10 thirteen-digit Visa numbers also has a valid EAN check
 * digit; those are found only with the card word. */
static bool loc_card_labelled(struct ls_slice m, struct ls_value *out)
{
    size_t end = m.len;
    while (end > 0 && !is_digit(ls_slice_at(m, end - 1))) end--;
    size_t start = end;
    while (start > 0 && is_digit(ls_slice_at(m, start - 1))) start--;
    struct ls_slice v = sub(m, start, end - start);
    /* a number that is no EAN is the plain rule's to report */
    if (v.len != 13 || !ean13_ok(v) || !ls_valid_luhn_card(v)) return false;
    out->off = start;
    out->len = v.len;
    return true;
}

static bool card_id_key(struct ls_slice m);
static bool loc_card_id_key(struct ls_slice m, struct ls_value *out);
static bool loc_card_in_iban(struct ls_slice m, struct ls_value *out);

/* pii_card_in_national_id (a veto): the match starts with the label of a
 * 12-digit national id grouped 4-4-4 -- India's Aadhaar (UID), Japan's My
 * Number (in katakana, or kojin bangou) -- which a 12-digit Maestro card
 * (5018, 6304, 6759, 6761 ...) passing Luhn looks like: one in 7,000 such ids. */
static bool national_id_label(struct ls_slice m)
{
    static const char *const labels[] = {"aadhaar", "aadhar", "uid", "my number", "mynumber",
                                         "\xe3\x83\x9e\xe3\x82\xa4\xe3\x83\x8a\xe3\x83\xb3\xe3\x83\x90\xe3\x83\xbc",
                                         "\xe5\x80\x8b\xe4\xba\xba\xe7\x95\xaa\xe5\x8f\xb7"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        size_t n = strlen(labels[i]), k = 0;
        while (k < n && k < m.len && to_lower(ls_slice_at(m, k)) == (unsigned char)labels[i][k]) k++;
        if (k == n) return true;
    }
    return false;
}

static bool loc_card_in_national_id(struct ls_slice m, struct ls_value *out)
{
    size_t end = m.len, start, digits = 0;
    while (end > 0 && !is_digit(ls_slice_at(m, end - 1))) end--;
    for (start = end; start > 0 && digits < 12; start--) {
        int c = ls_slice_at(m, start - 1);
        if (is_digit(c)) digits++;
        else if (!(c == ' ' || c == '-') || !is_digit(ls_slice_at(m, start - 2))) break;
    }
    if (digits != 12) return false;
    out->off = start;
    out->len = end - start;
    out->veto = true;
    return ls_valid_luhn_card(sub(m, start, end - start));
}

/* The match may run on into following numbers ("4111 1111 1111 1111 12/27"):
 * try the whole digit run, then shorter prefixes ending before a separator. */
/* Digits 1-5 only, three or more of them distinct, and no group of four
 * (digits 1-4, 5-8, ...) of one digit: a CJK stroke-order code (glibc's
 * cns11643_stroke: "# 111211121234", 535 of its 52,530 codes pass Luhn with
 * a brand prefix), not a card. A random 16-digit card is made of 1-5 alone
 * once in 30,000; the test numbers of that alphabet are built of such groups
 * (4111 1111 1111 1111, 4444 3333 2222 1111, 5555 3412 4444 1115, 4111 1111
 * 4555 1142) and stay. */
static bool stroke_code(const char *d, size_t n)
{
    bool seen[10] = {false};
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++) {
        if (d[i] < '1' || d[i] > '5') return false;
        if (i % 4 == 3 && d[i] == d[i - 1] && d[i] == d[i - 2] && d[i] == d[i - 3]) return false;
        if (!seen[d[i] - '0']) distinct++;
        seen[d[i] - '0'] = true;
    }
    return distinct >= 3;
}

/* Groups of four separated by spaces, two or more of them "00" and not
 * "0000": Unicode code points (BidiCharacterTest.txt's "2680 0028 2681
 * 0029", U+0028 and U+0029 are the parentheses), not a card (a random group
 * starts "00" once in a hundred; the test numbers' groups are 0000 or have
 * one such group: 5500 0000 0000 0004, 4000 0000 0000 0002). */
static bool code_point_groups(struct ls_slice v)
{
    size_t zeros = 0, run = 0;
    for (size_t i = 0; i <= v.len; i++) {
        int c = i < v.len ? ls_slice_at(v, i) : ' ';
        if (is_digit(c)) {
            run++;
            continue;
        }
        if (run != 4 || c == '-') return false;
        if (ls_slice_at(v, i - 4) == '0' && ls_slice_at(v, i - 3) == '0' &&
            !(ls_slice_at(v, i - 2) == '0' && ls_slice_at(v, i - 1) == '0'))
            zeros++;
        run = 0;
    }
    return zeros >= 2;
}

static size_t last_digit_run(struct ls_slice m, size_t *end);

/* A web asset's version after its file name ("styles.css?v=15195820084786593692",
 * Shopify's cache busters: 19-20 random digits, one in ten passes Luhn):
 * the number right after "?v=" or "&v=" (pii_card_in_id_field's $url_version). */
static bool url_version(struct ls_slice m)
{
    static const char *const keys[] = {"?v=", "&v="};
    size_t end, num = last_digit_run(m, &end);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        size_t n = strlen(keys[k]);
        if (num >= n && ls_slice_starts(sub(m, num - n, n), keys[k], n)) return true;
    }
    return false;
}

static bool loc_card(struct ls_slice m, struct ls_value *out)
{
    if (national_id_label(m)) return loc_card_in_national_id(m, out);
    if (url_version(m)) return loc_card_id_key(m, out);
    /* the plain strings' matches hold at most one letter (the boundary
     * before "x 4111 ..."); $card_visa13's begins with its card word */
    if (count_class(m, is_alpha) + count_class(m, is_high) >= 2) {
        if (is_upper(ls_slice_at(m, 0)) && is_upper(ls_slice_at(m, 1)) && is_digit(ls_slice_at(m, 2)))
            return loc_card_in_iban(m, out); /* pii_card_in_iban: a veto */
        return card_id_key(m) ? loc_card_id_key(m, out) : loc_card_labelled(m, out);
    }
    size_t start = find_if(m, 0, is_digit);
    size_t end = m.len;
    while (end > start && !is_digit(ls_slice_at(m, end - 1))) end--;
    /* "O(-.4435068666934967)": the digits of a decimal fraction, not a card
     * ("No.4111..." after a letter stays one) */
    if (start >= 2 && ls_slice_at(m, start - 1) == '.' && !is_alpha(ls_slice_at(m, start - 2))) return false;
    /* "===============5836386926137587427==": the boundary Python's email
     * package writes (19 random digits between runs of '='), not a card */
    if (start > 0 && ls_slice_at(m, start - 1) == '=' && end < m.len && ls_slice_at(m, end) == '=') return false;
    /* "+4915191863724": a phone number in E.164 form (a German mobile is 13 digits from 49), never
     * a card: no card is written after a '+' */
    if (start > 0 && ls_slice_at(m, start - 1) == '+') return false;
    while (end > start) {
        struct ls_slice v = sub(m, start, end - start);
        if (card_layout_ok(v) && ls_valid_luhn_card(v)) {
            char d[24];
            size_t nd = collect_digits(v, d, sizeof d);
            if (nd == 13 && ean13_ok(v)) return false;
            if (stroke_code(d, nd) || code_point_groups(v)) return false;
            out->off = start;
            out->len = end - start;
            return true;
        }
        /* drop the last group and its separator */
        while (end > start && is_digit(ls_slice_at(m, end - 1))) end--;
        while (end > start && !is_digit(ls_slice_at(m, end - 1))) end--;
    }
    return false;
}

/* A table column whose header names an identifier ("Order ID", "Tracking",
 * "Invoice", "Account ID", "Ref"): the rule pii_card_in_id_column matches
 * the header-labelled copy of a cell, "Order ID: 4111111111111111", that
 * src/extract/tablectx.c writes, and this accepts it, as a veto (docs/rules.md,
 * "Vetoes"), when the number is card-shaped (brand, length, Luhn), a word of
 * the header names an identifier and none speaks of a card ("Card ID", "CC
 * Ref", "Kreditkarte Nr", "Card Number"). Words are runs of letters, in any
 * script (UTF-8), folded to lower case where the script has case (Latin-1,
 * Greek, Cyrillic): a Russian sole proprietor's registry heads its 15-digit
 * registration numbers "\xd0\x9e\xd0\x93\xd0\xa0\xd0\x9d\xd0\x98\xd0\x9f" (OGRNIP), which pass Luhn as Diners cards. */
static size_t utf8_letter(struct ls_slice s, size_t i);

#define WORD_MAX 96 /* bytes of a folded word: 32 CJK characters */

/* Length of the letter (ASCII or UTF-8) at i, else 0. */
static size_t word_char(struct ls_slice s, size_t i)
{
    if (i >= s.len) return 0;
    return is_alpha(ls_slice_at(s, i)) ? 1 : utf8_letter(s, i);
}

/* The word starting at or after i, before lim: its start, and its end in *e
 * (lim if none). A capital after a small letter starts a new word (camel
 * case: "postID", "blogId", "cardId"). */
static size_t word_next(struct ls_slice s, size_t i, size_t lim, size_t *e)
{
    while (i < lim && !word_char(s, i)) i++;
    if (i >= lim) {
        *e = lim;
        return lim;
    }
    size_t j = i, n;
    while (j < lim && (n = word_char(s, j)) != 0) {
        j += n;
        if (n == 1 && is_lower(ls_slice_at(s, j - 1)) && is_upper(ls_slice_at(s, j))) break; /* postID */
    }
    *e = j > lim ? lim : j;
    return i;
}

/* w folded to lower case into out (NUL-ended): ASCII, Latin-1, Greek and
 * Cyrillic capitals; false if it does not fit. */
static bool fold_word(struct ls_slice w, char *out, size_t max)
{
    if (w.len == 0 || w.len >= max) return false;
    for (size_t i = 0; i < w.len; i++) {
        unsigned c = (unsigned)ls_slice_at(w, i), n = (unsigned)ls_slice_at(w, i + 1);
        unsigned lead = c, next = n;
        bool two = i + 1 < w.len;
        if (two && c == 0xd0 && n >= 0x90 && n <= 0x9f) next = n + 0x20;                  /* Cyrillic A-PE */
        else if (two && c == 0xd0 && n >= 0xa0 && n <= 0xaf) lead = 0xd1, next = n - 0x20; /* ER-YA */
        else if (two && c == 0xd0 && n >= 0x80 && n <= 0x8f) lead = 0xd1, next = n + 0x10; /* IO, YE, I, YI ... */
        else if (two && c == 0xd2 && (n == 0x90)) next = 0x91;                             /* GHE with upturn */
        else if (two && c == 0xc3 && n >= 0x80 && n <= 0x9e && n != 0x97) next = n + 0x20; /* Latin-1 */
        else if (two && c == 0xce && n >= 0x91 && n <= 0x9f) next = n + 0x20;              /* Greek ALPHA-OMICRON */
        else if (two && c == 0xce && n >= 0xa0 && n <= 0xa9 && n != 0xa2) lead = 0xcf, next = n - 0x20; /* PI-OMEGA */
        else {
            out[i] = (char)to_lower((int)c);
            continue;
        }
        out[i] = (char)lead;
        out[i + 1] = (char)next;
        i++;
    }
    out[w.len] = '\0';
    return true;
}

static bool word_in(const char *low, const char *const *whole, size_t n_whole, const char *const *part,
                    size_t n_part)
{
    for (size_t i = 0; i < n_whole; i++)
        if (strcmp(low, whole[i]) == 0) return true;
    for (size_t i = 0; i < n_part; i++)
        if (strstr(low, part[i])) return true;
    return false;
}

static bool card_word(struct ls_slice w)
{
    static const char *const whole[] = {"cc", "pan", "visa", "mc", "amex", "credit", "debit",
                                        "mastercard", "maestro", "discover", "jcb", "diners",
                                        "cr\xc3\xa9" "dito", "credito", "d\xc3\xa9" "bito", "debito"};
    static const char *const part[] = {"card", "karte", "carte", "tarjeta", "cartao", "kaart", "kart",
                                       "cart\xc3\xa3", /* cartao with a tilde */
                                       "\xd0\xba\xd0\xb0\xd1\x80\xd1\x82",          /* Russian, Ukrainian kart(a) */
                                       "\xce\xba\xce\xac\xcf\x81\xcf\x84", "\xce\xba\xce\xb1\xcf\x81\xcf\x84", /* Greek */
                                       "\xe5\x8d\xa1",                              /* Chinese ka (card) */
                                       "\xe3\x82\xab\xe3\x83\xbc\xe3\x83\x89",      /* Japanese kaado */
                                       "\xec\xb9\xb4\xeb\x93\x9c",                  /* Korean kadeu */
                                       "\xd8\xa8\xd8\xb7\xd8\xa7\xd9\x82\xd8\xa9"}; /* Arabic bitaqa */
    char low[WORD_MAX];
    return fold_word(w, low, sizeof low) &&
           word_in(low, whole, sizeof whole / sizeof whole[0], part, sizeof part / sizeof part[0]);
}

/* A word naming an identifier: the short ones whole ("ID", "Ref", "SKU"),
 * the others anywhere in a word ("OrderID"), "nummer" only inside a longer
 * word ("Bestellnummer"). A bare "Number", "No", "Nr" or "Nummer" is no
 * identifier: a card dump's columns are "Name, Number, Exp, CVV"; nor is
 * its word in another language (nomer, hao, bangou, beonho). A bank
 * account in Chinese (zhanghao) is often the number of the holder's debit
 * card: it is no identifier here. */
static bool id_word(struct ls_slice w)
{
    static const char *const whole[] = {"id", "ref", "txn", "sku", "ean", "upc",
                                        "fb", "fbq", /* Facebook's app, page and pixel ids (fb:pages) */
                                        "r\xc3\xa9" "f",                           /* French ref */
                                        "\xd0\xb8\xd0\xbd\xd0\xbd",                /* Russian INN (taxpayer) */
                                        "\xd0\xb8\xd0\xbd\xd0\xbd\xd1\x84\xd0\xbb",    /* INNFL (a person's) */
                                        "\xd0\xb8\xd0\xbd\xd0\xbd\xd1\x8e\xd0\xbb",    /* INNYUL (a company's) */
                                        "\xd0\xba\xd0\xbf\xd0\xbf",                /* KPP */
                                        "\xd0\xb1\xd0\xb8\xd0\xbd",                /* Kazakh BIN */
                                        "\xd0\xb8\xd0\xb8\xd0\xbd",                /* Kazakh IIN */
                                        "\xd1\x83\xd0\xbd\xd0\xbf",                /* Belarus UNP */
                                        "\xd0\xb8\xd0\xb4",                        /* id */
                                        "\xd1\x96\xd0\xbf\xd0\xbd",                /* Ukrainian IPN */
                                        "\xce\xb1\xcf\x86\xce\xbc"};               /* Greek AFM */
    static const char *const part[] = {"order", "tracking", "invoice", "account", "acct",
                                       "reference", "transaction", "shipment", "consignment",
                                       "parcel", "waybill", "serial", "barcode", "gtin", "isbn",
                                       "imei", "iccid", "ticket", "claim", "policy", "batch",
                                       /* German, French, Spanish, Portuguese: Bestell-, Rechnungs-,
                                        * Auftrags(nummer), N\xc2\xb0 de commande, facture, factura,
                                        * pedido, encomenda; Italian ordine, fattura; Dutch factuur;
                                        * Portuguese, Turkish fatura; Nordic, Polish, Czech faktura;
                                        * tracking: rastreio, seguimiento */
                                       "bestell", "rechnung", "auftrag", "commande", "facture", "factura",
                                       "pedido", "encomenda", "ordine", "fattura", "factuur", "fatura",
                                       "faktur", "rastreio", "seguimiento", "r\xc3\xa9" "f\xc3\xa9" "renc",
                                       "s\xc3\xa9" "rie", "best\xc3\xa4" "ll", "zam\xc3\xb3" "wien",
                                       "objedn\xc3\xa1" "vk", "sipari",
                                       /* Russian, Ukrainian: OGRN(IP), OKPO, SNILS, OKTMO, OKATO, EDRPOU,
                                        * RNOKPP, zakaz, zamovlennya, schet, rakhunok, nakladnaya,
                                        * artikul, shtrikh(kod), trek, dogovor, polis, identifikator,
                                        * inventarnyy, seriynyy, kvitantsiya, tranzaktsiya */
                                       "\xd0\xbe\xd0\xb3\xd1\x80\xd0\xbd", "\xd0\xbe\xd0\xba\xd0\xbf\xd0\xbe",
                                       "\xd1\x81\xd0\xbd\xd0\xb8\xd0\xbb\xd1\x81",
                                       "\xd0\xbe\xd0\xba\xd1\x82\xd0\xbc\xd0\xbe", "\xd0\xbe\xd0\xba\xd0\xb0\xd1\x82\xd0\xbe",
                                       "\xd1\x94\xd0\xb4\xd1\x80\xd0\xbf\xd0\xbe\xd1\x83",
                                       "\xd0\xb5\xd0\xb4\xd1\x80\xd0\xbf\xd0\xbe\xd1\x83",
                                       "\xd1\x80\xd0\xbd\xd0\xbe\xd0\xba\xd0\xbf\xd0\xbf",
                                       "\xd0\xb7\xd0\xb0\xd0\xba\xd0\xb0\xd0\xb7",
                                       "\xd0\xb7\xd0\xb0\xd0\xbc\xd0\xbe\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd",
                                       "\xd1\x81\xd1\x87\xd0\xb5\xd1\x82", "\xd1\x81\xd1\x87\xd1\x91\xd1\x82",
                                       "\xd1\x80\xd0\xb0\xd1\x85\xd1\x83\xd0\xbd",
                                       "\xd0\xbd\xd0\xb0\xd0\xba\xd0\xbb\xd0\xb0\xd0\xb4\xd0\xbd",
                                       "\xd0\xb0\xd1\x80\xd1\x82\xd0\xb8\xd0\xba\xd1\x83\xd0\xbb",
                                       "\xd1\x88\xd1\x82\xd1\x80\xd0\xb8\xd1\x85", "\xd1\x82\xd1\x80\xd0\xb5\xd0\xba",
                                       "\xd0\xb4\xd0\xbe\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80",
                                       "\xd0\xbf\xd0\xbe\xd0\xbb\xd0\xb8\xd1\x81",
                                       "\xd0\xb8\xd0\xb4\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb8\xd1\x84",
                                       "\xd1\x96\xd0\xb4\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb8\xd1\x84",
                                       "\xd0\xb8\xd0\xbd\xd0\xb2\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb0\xd1\x80",
                                       "\xd1\x81\xd0\xb5\xd1\x80\xd0\xb8\xd0\xb9\xd0\xbd",
                                       "\xd1\x81\xd0\xb5\xd1\x80\xd1\x96\xd0\xb9\xd0\xbd",
                                       "\xd0\xba\xd0\xb2\xd0\xb8\xd1\x82\xd0\xb0\xd0\xbd\xd1\x86",
                                       "\xd1\x82\xd1\x80\xd0\xb0\xd0\xbd\xd0\xb7\xd0\xb0\xd0\xba\xd1\x86",
                                       /* Greek: parangelia (order), timologio (invoice), logariasmos (account) */
                                       "\xcf\x80\xce\xb1\xcf\x81\xce\xb1\xce\xb3\xce\xb3\xce\xb5\xce\xbb",
                                       "\xcf\x84\xce\xb9\xce\xbc\xce\xbf\xce\xbb\xce\xbf\xce\xb3",
                                       "\xcf\x84\xce\xb9\xce\xbc\xce\xbf\xce\xbb\xcf\x8c\xce\xb3",
                                       "\xce\xbb\xce\xbf\xce\xb3\xce\xb1\xcf\x81\xce\xb9\xce\xb1\xcf\x83\xce\xbc",
                                       /* Chinese: bianhao (number/id), daima, bianma (code: the unified social
                                        * credit code), dingdan, danhao (order, waybill no.), fapiao (invoice),
                                        * liushuihao (transaction no.), xuliehao (serial), tiaoma, tiaoxingma
                                        * (barcode), yundan (waybill), kuaidi (express), shenfenzheng (id card),
                                        * gonghao, xuehao (staff, student no.), zhenghao (certificate no.),
                                        * hetong (contract), baodan (policy), pihao, pici (batch), piaohao
                                        * (ticket no.), shuihao (tax no.), shibiehao, shibiema (identification
                                        * no./code), xuhao (sequence no.) */
                                       "\xe7\xbc\x96\xe5\x8f\xb7", "\xe4\xbb\xa3\xe7\xa0\x81", "\xe7\xbc\x96\xe7\xa0\x81",
                                       "\xe8\xae\xa2\xe5\x8d\x95", "\xe5\x8d\x95\xe5\x8f\xb7", "\xe5\x8f\x91\xe7\xa5\xa8",
                                       "\xe6\xb5\x81\xe6\xb0\xb4\xe5\x8f\xb7", "\xe5\xba\x8f\xe5\x88\x97\xe5\x8f\xb7",
                                       "\xe6\x9d\xa1\xe7\xa0\x81", "\xe6\x9d\xa1\xe5\xbd\xa2\xe7\xa0\x81",
                                       "\xe8\xbf\x90\xe5\x8d\x95", "\xe5\xbf\xab\xe9\x80\x92",
                                       "\xe8\xba\xab\xe4\xbb\xbd\xe8\xaf\x81", "\xe5\xb7\xa5\xe5\x8f\xb7",
                                       "\xe5\xad\xa6\xe5\x8f\xb7", "\xe8\xaf\x81\xe5\x8f\xb7", "\xe5\x90\x88\xe5\x90\x8c",
                                       "\xe4\xbf\x9d\xe5\x8d\x95", "\xe6\x89\xb9\xe5\x8f\xb7", "\xe6\x89\xb9\xe6\xac\xa1",
                                       "\xe7\xa5\xa8\xe5\x8f\xb7", "\xe7\xa8\x8e\xe5\x8f\xb7",
                                       "\xe8\xaf\x86\xe5\x88\xab\xe5\x8f\xb7", "\xe8\xaf\x86\xe5\x88\xab\xe7\xa0\x81",
                                       "\xe5\xba\x8f\xe5\x8f\xb7",
                                       /* Japanese: chuumon (order), denpyou (slip), seikyuu (invoice), kanri
                                        * bangou (control no.), uketsuke (receipt), toiawase (inquiry),
                                        * tsuiseki (tracking), seizou bangou (serial), hinban, kataban,
                                        * houjin bangou (corporate no.), kaiin (member), kouza (account),
                                        * kokyaku (customer), shain (staff), kojin bangou, mainanbaa */
                                       "\xe6\xb3\xa8\xe6\x96\x87", "\xe4\xbc\x9d\xe7\xa5\xa8", "\xe8\xab\x8b\xe6\xb1\x82",
                                       "\xe7\xae\xa1\xe7\x90\x86\xe7\x95\xaa\xe5\x8f\xb7", "\xe5\x8f\x97\xe4\xbb\x98",
                                       "\xe5\x95\x8f\xe5\x90\x88", "\xe5\x95\x8f\xe3\x81\x84\xe5\x90\x88",
                                       "\xe8\xbf\xbd\xe8\xb7\xa1", "\xe8\xa3\xbd\xe9\x80\xa0\xe7\x95\xaa\xe5\x8f\xb7",
                                       "\xe5\x93\x81\xe7\x95\xaa", "\xe5\x9e\x8b\xe7\x95\xaa",
                                       "\xe6\xb3\x95\xe4\xba\xba\xe7\x95\xaa\xe5\x8f\xb7", "\xe4\xbc\x9a\xe5\x93\xa1",
                                       "\xe5\x8f\xa3\xe5\xba\xa7", "\xe9\xa1\xa7\xe5\xae\xa2", "\xe7\xa4\xbe\xe5\x93\xa1",
                                       "\xe5\x80\x8b\xe4\xba\xba\xe7\x95\xaa\xe5\x8f\xb7",
                                       "\xe3\x83\x9e\xe3\x82\xa4\xe3\x83\x8a\xe3\x83\xb3\xe3\x83\x90\xe3\x83\xbc",
                                       /* Korean: jumun (order), songjang (invoice, waybill), saeopja (business
                                        * registration), jumin deungnok (resident registration), gyejwa
                                        * (account), gwalli beonho (control no.), illyeon beonho (serial),
                                        * gogaek beonho (customer no.), hoewon beonho (member no.) */
                                       "\xec\xa3\xbc\xeb\xac\xb8", "\xec\x86\xa1\xec\x9e\xa5", "\xec\x82\xac\xec\x97\x85\xec\x9e\x90",
                                       "\xec\xa3\xbc\xeb\xaf\xbc\xeb\x93\xb1\xeb\xa1\x9d", "\xea\xb3\x84\xec\xa2\x8c",
                                       "\xea\xb4\x80\xeb\xa6\xac\xeb\xb2\x88\xed\x98\xb8",
                                       "\xec\x9d\xbc\xeb\xa0\xa8\xeb\xb2\x88\xed\x98\xb8",
                                       "\xea\xb3\xa0\xea\xb0\x9d\xeb\xb2\x88\xed\x98\xb8",
                                       "\xed\x9a\x8c\xec\x9b\x90\xeb\xb2\x88\xed\x98\xb8",
                                       /* Arabic: talab (order), fatura (invoice), hawiya (identity), hisab (account) */
                                       "\xd8\xb7\xd9\x84\xd8\xa8", "\xd9\x81\xd8\xa7\xd8\xaa\xd9\x88\xd8\xb1\xd8\xa9",
                                       "\xd9\x87\xd9\x88\xd9\x8a\xd8\xa9", "\xd8\xad\xd8\xb3\xd8\xa7\xd8\xa8"};
    char low[WORD_MAX];
    if (!fold_word(w, low, sizeof low)) return false;
    if (word_in(low, whole, sizeof whole / sizeof whole[0], part, sizeof part / sizeof part[0])) return true;
    return w.len > 6 && strstr(low, "nummer") != NULL;
}

/* pii_card_in_id_field: the words of the key before the number name an
 * identifier and none a card ("order_id": ..., Invoice No. ..., "id": ...;
 * not "card_id", "cc_ref"). */
/* Start and end of the last run of digits of m. */
static size_t last_digit_run(struct ls_slice m, size_t *end)
{
    size_t e = m.len;
    while (e > 0 && !is_digit(ls_slice_at(m, e - 1))) e--;
    size_t b = e;
    while (b > 0 && is_digit(ls_slice_at(m, b - 1))) b--;
    *end = e;
    return b;
}

static bool card_id_key(struct ls_slice m)
{
    size_t end, num = last_digit_run(m, &end);
    bool id = false;
    for (size_t i = 0; i < num;) {
        size_t e, w = word_next(m, i, num, &e);
        if (w >= num) break;
        if (card_word(sub(m, w, e - w))) return false;
        id = id || id_word(sub(m, w, e - w));
        i = e;
    }
    return id;
}

/* The number after an identifier key, when it is card-shaped: a veto. */
static bool loc_card_id_key(struct ls_slice m, struct ls_value *out)
{
    size_t end, start = last_digit_run(m, &end);
    struct ls_slice v = sub(m, start, end - start);
    out->off = start;
    out->len = v.len;
    out->veto = true;
    return v.len > 0 && ls_valid_luhn_card(v);
}

static bool loc_card_id_column(struct ls_slice m, struct ls_value *out)
{
    size_t end = m.len;
    while (end > 0 && !is_digit(ls_slice_at(m, end - 1))) end--;
    size_t start = end;
    while (start > 0 && is_digit(ls_slice_at(m, start - 1))) start--;
    size_t val = start; /* "Ref: #5518...": a reference written with its '#' */
    if (val > 0 && ls_slice_at(m, val - 1) == '#') val--;
    if (val < 2 || ls_slice_at(m, val - 1) != ' ' || ls_slice_at(m, val - 2) != ':') return false;
    bool id = false;
    for (size_t i = 0; i + 2 < val;) { /* the header's words */
        size_t e, w = word_next(m, i, val, &e);
        if (w >= val) break;
        if (card_word(sub(m, w, e - w))) return false;
        id = id || id_word(sub(m, w, e - w));
        i = e;
    }
    if (!id) return false;
    struct ls_slice v = sub(m, start, end - start);
    out->off = start;
    out->len = v.len;
    return ls_valid_luhn_card(v);
}

/* ---- IBAN ---------------------------------------------------------------- */

static const char iban_countries[] =
    "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24DE22DJ27DK18"
    "DO28EE20EG29ES24FI18FK18FO18FR27GB22GE22GI23GL18GR27GT28HR21HU28IE22IL23IQ23"
    "IR26IS26IT27JO30KW30KZ20LB28LC32LI21LT20LU20LV21LY25MC27MD24ME22MK19MN20MR27MT31"
    "MU30NI28NL18NO15OM23PK24PL28PS29PT25QA29RO24RS22RU33SA24SC31SD18SE24SI19SK24"
    "SM27SO23ST25SV28TL23TN24TR26UA29VA22VG24XK20YE30";

/* IBAN length for a country code, 0 if not an IBAN country. */
static unsigned iban_length(int a, int b)
{
    for (size_t i = 0; i + 4 <= sizeof iban_countries - 1; i += 4) {
        if (iban_countries[i] == a && iban_countries[i + 1] == b)
            return (unsigned)(iban_countries[i + 2] - '0') * 10u +
                   (unsigned)(iban_countries[i + 3] - '0');
    }
    return 0;
}

/* Upper-case alphanumerics of v (spaces and line breaks skipped) into out;
 * SIZE_MAX if a byte is neither or out is too small. */
static size_t iban_compact(struct ls_slice v, char *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (c == ' ' || c == '\n') continue;
        if (!is_alnum(c) || n + 1 >= max) return SIZE_MAX;
        out[n++] = (char)to_upper(c);
    }
    out[n] = '\0';
    return n;
}

static bool iban_mod97(const char *s, size_t n)
{
    unsigned r = 0;
    for (size_t k = 0; k < n; k++) {
        char c = s[(k + 4) % n]; /* country and check digits move to the end */
        if (is_digit(c)) {
            r = (r * 10 + (unsigned)(c - '0')) % 97;
        } else {
            unsigned v = (unsigned)(c - 'A') + 10;
            r = (r * 100 + v) % 97;
        }
    }
    return r == 1;
}

bool ls_valid_iban(struct ls_slice v)
{
    char s[40];
    size_t n = iban_compact(v, s, sizeof s);
    if (n == SIZE_MAX || n < 15) return false;
    if (!is_upper(s[0]) || !is_upper(s[1]) || !is_digit(s[2]) || !is_digit(s[3])) return false;
    if (iban_length(s[0], s[1]) != n) return false;
    return iban_mod97(s, n);
}

/* Take exactly the country's length in alphanumerics from the first
 * country code; a space, a line break or both (PDF text wraps a grouped
 * IBAN) may only sit between groups of four. */
static bool loc_iban(struct ls_slice m, struct ls_value *out)
{
    /* "IBAN: de89...": the label is not the country code */
    size_t from = m.len >= 4 && slice_has_nocase(sub(m, 0, 4), "iban") ? 4 : 0;
    size_t start = find_if(m, from, is_alpha);
    if (start + 2 > m.len) return false;
    int a = ls_slice_at(m, start), b = ls_slice_at(m, start + 1);
    if (is_lower(a) != is_lower(b)) return false; /* "DE89..." or "de89...", not "De89" */
    unsigned want = iban_length(to_upper(a), to_upper(b));
    if (want == 0) return false;
    size_t got = 0, i = start;
    for (; i < m.len && got < want; i++) {
        int c = ls_slice_at(m, i);
        /* a blank between groups of four, or of the national account number (FR76 30006 00001 ...) */
        if ((c == ' ' || c == '\n') && got >= 4 &&
            (got % 4 == 0 || (is_alnum(ls_slice_at(m, i - 1)) && is_alnum(ls_slice_at(m, i + 1)))))
            continue;
        if (!is_alnum(c)) return false;
        got++;
    }
    if (got != want) return false;
    if (i < m.len && is_alnum(ls_slice_at(m, i))) return false; /* runs on */
    out->off = start;
    out->len = i - start;
    return ls_valid_iban(sub(m, start, i - start));
}

/* pii_card_in_iban (a veto): a grouped IBAN whose bank code is letters
 * (SC72 SSCB 5193 0102 7452 8927 0635 SCR, PK36 SCBL 0000 0011 2345 6702)
 * shows pii_credit_card its digit groups after "B ", a letter and a blank,
 * which it may take for a card. The IBAN must be valid; the digit groups after
 * its last letter group are read as the card rule reads them (up to 24
 * characters, ending before a blank), and a card there is the IBAN's. */
static bool loc_card_in_iban(struct ls_slice m, struct ls_value *out)
{
    struct ls_value iv;
    if (!loc_iban(m, &iv)) return false;
    struct ls_slice ib = sub(m, iv.off, iv.len);
    for (size_t i = 4; i + 2 < ib.len; i++) {
        if (!is_upper(ls_slice_at(ib, i)) || ls_slice_at(ib, i + 1) != ' ' || !is_digit(ls_slice_at(ib, i + 2)))
            continue;
        size_t d = i + 2, e = d;
        while (e < ib.len && (is_digit(ls_slice_at(ib, e)) || ls_slice_at(ib, e) == ' ')) e++;
        if (e < ib.len) /* "7268 334M": the group that runs into a letter is not the card's */
            while (e > d && ls_slice_at(ib, e - 1) != ' ') e--;
        while (e > d && !is_digit(ls_slice_at(ib, e - 1))) e--;
        while (e > d + 24) { /* the card regex spans at most 24 characters */
            while (e > d && ls_slice_at(ib, e - 1) != ' ') e--;
            while (e > d && !is_digit(ls_slice_at(ib, e - 1))) e--;
        }
        struct ls_value cv;
        if (e <= d) return false;
        if (!loc_card(sub(ib, i, e - i), &cv)) { /* no card there: a veto of nothing, not a rejected card */
            cv.off = 2;
            cv.len = e - d;
        }
        out->off = iv.off + i + cv.off;
        out->len = cv.len;
        out->veto = true;
        return true;
    }
    return false;
}

/* ---- SSN ----------------------------------------------------------------- */

/* "ddd-dd-dddd", "ddd dd dddd" or "ddddddddd". */
static bool ssn_shape(struct ls_slice v)
{
    if (v.len == 9) {
        for (size_t i = 0; i < 9; i++)
            if (!is_digit(ls_slice_at(v, i))) return false;
        return true;
    }
    if (v.len != 11) return false;
    int s1 = ls_slice_at(v, 3), s2 = ls_slice_at(v, 6);
    if (s1 != s2 || (s1 != '-' && s1 != ' ')) return false;
    for (size_t i = 0; i < 11; i++)
        if (i != 3 && i != 6 && !is_digit(ls_slice_at(v, i))) return false;
    return true;
}

static const char *const ssn_fakes[] = {
    "078051120", /* Woolworth wallet card */
    "219099999", /* SSA advertising pamphlet */
    "123456789", "457555462", /* LifeLock advertising */
    "987654320",
};

bool ls_valid_ssn(struct ls_slice v)
{
    char d[12];
    if (!ssn_shape(v) || collect_digits(v, d, sizeof d) != 9) return false;
    unsigned area = dig(d, 0, 3), group = dig(d, 3, 2), serial = dig(d, 5, 4);
    if (area == 0 || area == 666 || area >= 900) return false;
    if (group == 0 || serial == 0) return false;
    if (all_same(d, 9)) return false;
    if (all_same(d, 3) && all_same(d + 3, 2) && all_same(d + 5, 4)) return false; /* 111-22-3333: an example */
    for (size_t i = 0; i < sizeof ssn_fakes / sizeof ssn_fakes[0]; i++)
        if (memcmp(d, ssn_fakes[i], 9) == 0) return false;
    return true;
}

static bool loc_ssn(struct ls_slice m, struct ls_value *out)
{
    size_t start = find_if(m, 0, is_digit);
    size_t len = 11;
    if (start < m.len && start + 9 <= m.len) {
        int c3 = ls_slice_at(m, start + 3);
        if (is_digit(c3)) len = 9;
    }
    if (start + len > m.len) return false;
    size_t after = start + len;
    if (after < m.len && is_digit(ls_slice_at(m, after))) return false;
    out->off = start;
    out->len = len;
    return ls_valid_ssn(sub(m, start, len));
}

/* ---- phone numbers ------------------------------------------------------- */

static bool nanp_digits_ok(const char *d)
{
    unsigned area = dig(d, 0, 3), exch = dig(d, 3, 3), line = dig(d, 6, 4);
    if (d[0] < '2' || d[3] < '2') return false;
    if (d[1] == '1' && d[2] == '1') return false; /* N11 service codes */
    if (d[4] == '1' && d[5] == '1') return false;
    if (d[1] == '9') return false; /* N9X: reserved for expansion */
    if (exch == 555 && line >= 100 && line <= 199) return false; /* fiction */
    return area != 0 && !all_same(d, 10);
}

bool ls_valid_nanp(struct ls_slice v)
{
    char d[20];
    size_t n = collect_digits(v, d, sizeof d);
    if (n == 11 && d[0] == '1') return nanp_digits_ok(d + 1);
    return n == 10 && nanp_digits_ok(d);
}

/* ITU-T E.164 country codes: every 1- and 2-digit code in use, and the
 * 2-digit prefixes under which 3-digit codes are assigned. */
static const char e164_two[] =
    "20273031323334363940414344454647484951525354"
    "55565758606162636465668182848690919293949598";
static const char e164_three_pfx[] = "2122232425262935373842505967686980858788969799";

static bool in_pairs(const char *table, char a, char b)
{
    for (size_t i = 0; table[i] && table[i + 1]; i += 2)
        if (table[i] == a && table[i + 1] == b) return true;
    return false;
}

static bool e164_ok(const char *d, size_t n)
{
    if (n < 8 || n > 15 || d[0] == '0') return false;
    if (d[0] == '1') return n == 11 && nanp_digits_ok(d + 1);
    if (d[0] == '7') return n == 11;
    if (all_same(d + 2, n - 2)) return false;
    return in_pairs(e164_two, d[0], d[1]) || in_pairs(e164_three_pfx, d[0], d[1]);
}

/* A number starts at a digit, or at a '+' or '(' right before one (not at
 * the '(' of a label's "Phone (work): 2127365000"). */
static size_t phone_start(struct ls_slice m)
{
    size_t i = 0;
    for (; i < m.len; i++) {
        int c = ls_slice_at(m, i);
        if (is_digit(c) || ((c == '+' || c == '(') && is_digit(ls_slice_at(m, i + 1)))) break;
    }
    return i;
}

/* value: from the first '+', '(' or digit to the last digit */
static bool loc_phone_span(struct ls_slice m, struct ls_value *out)
{
    size_t start = phone_start(m);
    size_t end = m.len;
    while (end > start && !is_digit(ls_slice_at(m, end - 1))) end--;
    if (end <= start) return false;
    out->off = start;
    out->len = end - start;
    return true;
}

/* An extension glued to the number ("212-867-5309x1234", Python Faker's and
 * many CRMs' spelling) is not part of it: the value ends before the 'x'. */
static void phone_cut_extension(struct ls_slice m, struct ls_value *out)
{
    for (size_t i = out->off; i < out->off + out->len; i++) {
        int c = ls_slice_at(m, i);
        if (c != 'x' && c != 'X') continue;
        out->len = i - out->off;
        while (out->len > 0 && !is_digit(ls_slice_at(m, out->off + out->len - 1))) out->len--;
        return;
    }
}

/* "001-212-867-5309": 00 is the international call prefix dialled from most
 * countries, 1 the NANP country code; the value starts after them. */
static void phone_skip_exit_code(struct ls_slice m, struct ls_value *out)
{
    if (out->len < 5 || ls_slice_at(m, out->off) != '0' || ls_slice_at(m, out->off + 1) != '0' ||
        ls_slice_at(m, out->off + 2) != '1')
        return;
    int sep = ls_slice_at(m, out->off + 3);
    if (sep != ' ' && sep != '-' && sep != '.') return;
    out->off += 4;
    out->len -= 4;
}

/* A part, serial or model number label at the start of a match
 * (pii_phone_in_serial_context): "Part No. 212-867-5309", "S/N: 312-867-5311". */
static bool serial_label(struct ls_slice m)
{
    static const char *const labels[] = {"part", "p/n", "s/n", "serial", "model", "sku", "catalog",
                                         "article", "lot", "batch",
                                         /* German, Spanish, Japanese (hinban, kataban, seizou bangou, buhin bangou) */
                                         "teilenummer", "teile-nr", "teilenr", "artikelnummer", "artikel-nr",
                                         "artikelnr", "art.-nr", "art.nr", "seriennummer", "serien-nr",
                                         "seriennr", "modell", "pieza", "\xe5\x93\x81\xe7\x95\xaa",
                                         "\xe5\x9e\x8b\xe7\x95\xaa",
                                         "\xe8\xa3\xbd\xe9\x80\xa0\xe7\x95\xaa\xe5\x8f\xb7",
                                         "\xe9\x83\xa8\xe5\x93\x81\xe7\x95\xaa\xe5\x8f\xb7"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        size_t n = strlen(labels[i]), k = 0;
        while (k < n && k < m.len && to_lower(ls_slice_at(m, k)) == (unsigned char)labels[i][k]) k++;
        if (k == n && (n == m.len || !is_alpha(ls_slice_at(m, n)) || strcmp(labels[i], "catalog") == 0))
            return true;
    }
    return false;
}

struct label_cc;
static const struct label_cc *label_country(struct ls_slice m, size_t off);

static bool loc_nanp(struct ls_slice m, struct ls_value *out)
{
    out->veto = serial_label(m);
    if (!loc_phone_span(m, out)) return false;
    /* "Telefono (IT): 347 123 4567": the label names a country outside North America */
    if (label_country(m, out->off)) return false;
    phone_cut_extension(m, out);
    if (out->len > 4 && ls_slice_at(m, out->off) == '(' && ls_slice_at(m, out->off + 4) != ')') {
        out->off++; /* "(713-853-5660)", "(001-...)": the '(' is the sentence's */
        out->len--;
    }
    phone_skip_exit_code(m, out);
    return out->len > 0 && ls_valid_nanp(sub(m, out->off, out->len));
}

/* ---- national numbers after a phone label ---------------------------------- */

static bool phone_sep(int c) { return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')'; }

/* "01.02.2024 ...", "14/03/1975 ...": a date after a label, not a number. */
static bool national_is_date(struct ls_slice v)
{
    if (v.len < 10) return false;
    int s1 = ls_slice_at(v, 2), s2 = ls_slice_at(v, 5);
    if (!(s1 == '.' || s1 == '/' || s1 == '-') || s2 != s1) return false;
    for (size_t i = 0; i < 10; i++)
        if (i != 2 && i != 5 && !is_digit(ls_slice_at(v, i))) return false;
    unsigned d = (unsigned)(ls_slice_at(v, 0) - '0') * 10u + (unsigned)(ls_slice_at(v, 1) - '0');
    unsigned mo = (unsigned)(ls_slice_at(v, 3) - '0') * 10u + (unsigned)(ls_slice_at(v, 4) - '0');
    int y0 = ls_slice_at(v, 6), y1 = ls_slice_at(v, 7);
    bool year = (y0 == '1' && y1 == '9') || (y0 == '2' && y1 == '0');
    return year && d >= 1 && d <= 31 && mo >= 1 && mo <= 31;
}

/* Brazil's "(11) 91234-5678": a two-digit area code in parentheses. */
static bool national_paren_area(struct ls_slice v)
{
    return ls_slice_at(v, 0) == '(' && is_digit(ls_slice_at(v, 1)) && is_digit(ls_slice_at(v, 2)) &&
           ls_slice_at(v, 3) == ')';
}

/* "(049) 781-6256": North American notation, whatever the digits; such a
 * number is the nanp rule's (which rejects an area code starting 0 or 1). */
static bool national_nanp_notation(struct ls_slice v)
{
    static const char shape[] = "(ddd) ddd-dddd";
    size_t skip = ls_slice_at(v, 5) == ' ' ? 0 : 1; /* "(049)781-6256" too */
    if (v.len + skip != sizeof shape - 1) return false;
    for (size_t i = 0, j = 0; i < v.len; i++, j++) {
        if (j == 5 && skip) j++;
        int c = ls_slice_at(v, i);
        if (shape[j] == 'd' ? !is_digit(c) : c != shape[j]) return false;
    }
    return true;
}

/* The digit groups of v, in order, are exactly those of shape (each a
 * character '1'-'9': a group's length), separated by one or two separators
 * (a '(' and ')' around a group allowed). */
static bool national_groups(struct ls_slice v, const char *shape)
{
    size_t i = 0, g = 0;
    while (i < v.len) {
        if (!is_digit(ls_slice_at(v, i))) {
            i++;
            continue;
        }
        size_t s = i;
        while (i < v.len && is_digit(ls_slice_at(v, i))) i++;
        if (!shape[g] || i - s != (size_t)(shape[g] - '0')) return false;
        g++;
    }
    return shape[g] == '\0';
}

/* Russia, Ukraine, Belarus and Kazakhstan write the last seven digits 3-2-2:
 * "(495) 123-45-67", "8 (495) 123-45-67", "8-916-123-45-67" (8 is the trunk
 * prefix dialled before a 10-digit number there; area codes start 3, 4, 8 or
 * 9); an 11-digit "8916..." run is the same number unseparated. A North
 * American number is never grouped 3-2-2. */
static bool national_ru(struct ls_slice v, const char *d, size_t n)
{
    bool area = d[n == 11 ? 1 : 0] == '3' || d[n == 11 ? 1 : 0] == '4' || d[n == 11 ? 1 : 0] == '8' ||
                d[n == 11 ? 1 : 0] == '9';
    if (n == 10 && area) return national_groups(v, "3322");
    if (n != 11 || d[0] != '8' || !area) return false;
    return v.len == n || national_groups(v, "13322") || national_groups(v, "137") || national_groups(v, "1334");
}

/* A byte of a letter of another script (or a full-width colon) in the label before the value at off */
static bool label_not_ascii(struct ls_slice m, size_t off)
{
    for (size_t i = 0; i < off && i < 64; i++)
        if (ls_slice_at(m, i) >= 0x80) return true;
    return false;
}

/* China's mobiles: 11 digits starting 13-19, written 3-4-4 ("138 0013 8000",
 * "138-0013-8000"), or in one run ("13800138000") after a label that is not
 * ASCII (shouji, dianhua) or when the ten digits after the 1 are no North
 * American number: after an English label a North American number with its
 * country code is as likely, and is the nanp rule's. */
static bool national_cn_mobile(struct ls_slice m, struct ls_slice v, const char *d, size_t n)
{
    if (n != 11 || d[0] != '1' || d[1] < '3') return false;
    if (national_groups(v, "344")) return true;
    if (v.len == n) {
        if (!nanp_digits_ok(d + 1)) return true;
        for (size_t i = 0; i < m.len && i < 64; i++)
            if (ls_slice_at(m, i) >= 0x80) return true;
    }
    return false;
}

/* A trunk 0 written as a group of its own ("0 93 82 / 84 73 99", the old
 * German pair grouping; "0 30 1234567") stands before an area code of 1-4
 * digits. A lone 0 before a longer group ("Telephone no. 0 14400 6667" of
 * a form's render cache) is no trunk prefix: that is a filler digit and a
 * number of another kind. */
static bool national_lone_trunk_ok(struct ls_slice v)
{
    size_t i = 0;
    if (ls_slice_at(v, 0) == '(') i++;
    if (ls_slice_at(v, i) != '0' || i + 1 >= v.len || !phone_sep(ls_slice_at(v, i + 1))) return true;
    i++;
    while (i < v.len && !is_digit(ls_slice_at(v, i))) i++;
    size_t s = i;
    while (i < v.len && is_digit(ls_slice_at(v, i))) i++;
    return i - s >= 1 && i - s <= 4;
}

/* Eight digits without a trunk prefix, as Denmark ("33 12 34 56"), Norway
 * ("412 34 567", "22 12 34 56"), Singapore and Hong Kong ("6468 5788",
 * "2123 4567") write every number: grouped 2-2-2-2, 3-2-3 or 4-4, the first
 * digit 2-9, and nothing more after it in the match (not the first groups
 * of a longer number that the caller retried without its last ones). */
static bool national_eight(struct ls_slice m, size_t end, struct ls_slice v, const char *d)
{
    if (d[0] < '2' || all_same(d, 8)) return false;
    if (!national_groups(v, "2222") && !national_groups(v, "323") && !national_groups(v, "44")) return false;
    for (size_t i = end; i < m.len; i++)
        if (is_digit(ls_slice_at(m, i))) return false;
    return true;
}

/* A label that names the number's country in parentheses ("Tel (UK):",
 * "Mobile (DE):", "T\xc3\xa9l\xc3\xa9phone (FR):"): ISO 3166 codes (and UK) of countries outside
 * North America, their calling codes and what a national number starts
 * with: '0' a trunk 0 dropped in the +CC form, 'k' a 0 kept (Italy's
 * landlines: +39 06 ...), '-' no trunk prefix (a national number starting
 * 0 is then not read by its label). */
struct label_cc {
    char iso[3];
    char cc[4];
    char trunk;
};
static const struct label_cc label_ccs[] = {
    {"UK", "44", '0'}, {"GB", "44", '0'}, {"DE", "49", '0'}, {"FR", "33", '0'}, {"NL", "31", '0'},
    {"BE", "32", '0'}, {"CH", "41", '0'}, {"AT", "43", '0'}, {"IE", "353", '0'}, {"SE", "46", '0'},
    {"FI", "358", '0'}, {"AU", "61", '0'}, {"NZ", "64", '0'}, {"JP", "81", '0'}, {"IN", "91", '0'},
    {"ZA", "27", '0'}, {"TR", "90", '0'}, {"IL", "972", '0'}, {"KR", "82", '0'}, {"UA", "380", '0'},
    {"IT", "39", 'k'}, {"ES", "34", '-'}, {"PT", "351", '-'}, {"GR", "30", '-'}, {"DK", "45", '-'},
    {"NO", "47", '-'}, {"PL", "48", '-'}, {"CZ", "420", '-'}, {"SG", "65", '-'}, {"HK", "852", '-'},
    {"MX", "52", '-'}, {"LU", "352", '-'},
};

/* The country the label before off names, or NULL: "(XX)" with XX a code
 * of label_ccs (either case), the parenthesis right after a letter and a
 * blank or '_' or '-' (not a number's "(02)"). */
static const struct label_cc *label_country(struct ls_slice m, size_t off)
{
    for (size_t i = 1; i + 3 < off && i < 64; i++) {
        if (ls_slice_at(m, i) != '(' || ls_slice_at(m, i + 3) != ')') continue;
        int b = ls_slice_at(m, i - 1);
        if (b != ' ' && b != '_' && b != '-' && !is_alpha(b)) continue;
        int a0 = to_upper(ls_slice_at(m, i + 1)), a1 = to_upper(ls_slice_at(m, i + 2));
        if (!is_alpha(a0) || !is_alpha(a1)) continue;
        for (size_t k = 0; k < sizeof label_ccs / sizeof label_ccs[0]; k++)
            if (label_ccs[k].iso[0] == a0 && label_ccs[k].iso[1] == a1) return &label_ccs[k];
        return NULL;
    }
    return NULL;
}

/* A national number after a label naming its country: its digits d (n of
 * them) with the country code in front, as the +CC form is normalised,
 * must be a whole international number; then the value takes that country
 * code (one value with the +CC form in any object). */
static bool national_by_label(const struct label_cc *L, const char *d, size_t n, struct ls_value *out)
{
    char full[24];
    size_t c = strlen(L->cc), from = 0;
    if (d[0] == '0') {
        if (L->trunk == '-') return false;
        if (L->trunk == '0') from = 1;
    }
    if (n - from < 6 || c + n - from + 1 > sizeof full) return false;
    memcpy(full, L->cc, c);
    memcpy(full + c, d + from, n - from);
    full[c + n - from] = '\0';
    if (!e164_ok(full, c + n - from) || (full[c] == '0' && L->trunk != 'k')) return false;
    memcpy(out->cc, L->cc, c + 1);
    out->drop_trunk = from == 1;
    out->trunk0 = false;
    return true;
}

/* A number written in its country's own way after a phone label:
 * - with the trunk prefix 0 ("020 7946 0958", "(0221) 1234567", "06 12 34 56
 *   78", "(03) 9123 4567"): 9-13 digits, the second not 0;
 * - "00" and a country code ("0044 20 7946 0958"): an E.164 number, the value
 *   starts after the 00 so it is one value with "+44 20 7946 0958";
 * - a two-digit area code in parentheses, 10-11 digits (Brazil);
 * - 9 digits starting 2-9 (Spain, Portugal, Italian mobiles, Belgium).
 * Ten digits without a trunk 0 are North American and left to the nanp rule. */
static bool national_ok(struct ls_slice m, struct ls_value *out)
{
    char d[20];
    struct ls_slice v = sub(m, out->off, out->len);
    size_t n = 0;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (!is_digit(c)) {
            if (!phone_sep(c)) return false;
            continue;
        }
        if (n + 1 >= sizeof d) return false;
        d[n++] = (char)c;
    }
    d[n] = '\0';
    const struct label_cc *lc = n >= 7 && !national_is_date(v) ? label_country(m, out->off) : NULL;
    if (lc && !(d[0] == '0' && d[1] == '0')) return national_by_label(lc, d, n, out);
    if (n == 8 && national_eight(m, out->off + out->len, v, d)) return true;
    if (n < 9 || all_same(d + 1, n - 1) || national_is_date(v) || national_nanp_notation(v)) return false;
    if (d[0] == '0' && d[1] == '0') {
        if (!e164_ok(d + 2, n - 2)) return false;
        size_t skip = 0, seen = 0;
        while (seen < 2 && skip < v.len) seen += is_digit(ls_slice_at(v, skip++)) ? 1u : 0u;
        while (skip < v.len && !is_digit(ls_slice_at(v, skip))) skip++;
        out->off += skip;
        out->len -= skip;
        return true;
    }
    if (d[0] == '0') {
        out->trunk0 = n <= 13 && national_lone_trunk_ok(v);
        return out->trunk0;
    }
    if (national_paren_area(v)) {
        if (n == 11 && d[2] == '9') memcpy(out->cc, "55", 3); /* Brazil's mobile: (11) 91234-5678 */
        return n == 10 || n == 11;
    }
    if (n == 11 && d[0] != '0' && d[1] != '0' && d[2] == '9' && national_groups(v, "254")) {
        memcpy(out->cc, "55", 3);
        return true; /* Brazil's mobiles without the parentheses: "11 91234-5678" (area, 9 and 8 digits) */
    }
    if (national_ru(v, d, n)) { /* +7: Russia's (and Kazakhstan's) numbers, the trunk 8 dropped */
        memcpy(out->cc, "7", 2);
        out->drop_trunk = n == 11;
        return true;
    }
    if (national_cn_mobile(m, v, d, n)) {
        out->national = true; /* its first 1 is no North American country code */
        memcpy(out->cc, "86", 3);
        return true;
    }
    if (n == 10 && d[0] == '3' && national_groups(v, "37"))
        return true; /* Italy's and Colombia's mobiles: "347 1809213" (3xx and the subscriber's 6-7 digits) */
    /* Italy's mobiles grouped 3-3-4 ("347 123 4567") after Italy's own word for them (Cellulare,
     * Telefono cellulare): the label names the country, so the North American look is none */
    if (n == 10 && d[0] == '3' && national_groups(v, "334") && slice_has_nocase(sub(m, 0, out->off), "cellulare")) {
        memcpy(out->cc, "39", 3);
        return true;
    }
    if (n == 10 && d[0] >= '2' && national_groups(v, "244"))
        return true; /* Mexico's and Argentina's "55 1234 5678", "11 1234-5678" (never North American grouping) */
    /* any ten digits after a label of another script (Greek "210 1234567", "691 234 5678"; Cyrillic
     * "4951234567"), which the nanp rule does not read; not China's 400 and 800 service numbers
     * (kefu dianhua: 400-851-5558, no person's, as pii_phone_nanp's CJK rule) */
    if (n == 10 && d[0] >= '2' && label_not_ascii(m, out->off) &&
        !((d[0] == '4' || d[0] == '8') && d[1] == '0' && d[2] == '0'))
        return true;
    if (n == 10 && d[0] >= '6' && v.len == 11 && (ls_slice_at(v, 5) == ' ' || ls_slice_at(v, 5) == '-')) {
        memcpy(out->cc, "91", 3);
        return true; /* India's mobiles: "98765 43210" (a NANP number is never grouped 5-5) */
    }
    return n == 9 && d[0] >= '2';
}

/* value: from the first digit (or '(' before one) to the last digit; a
 * number followed by more digit groups ("Tel: 020 7946 0958 2024") is retried
 * without up to two trailing space-separated groups. */
static bool loc_phone_national(struct ls_slice m, struct ls_value *out)
{
    if (!loc_phone_span(m, out)) return false;
    for (int tries = 0; tries < 3; tries++) {
        struct ls_value t = *out;
        if (national_ok(m, &t)) {
            *out = t;
            return true;
        }
        size_t cut = out->len;
        while (cut > 0 && is_digit(ls_slice_at(m, out->off + cut - 1))) cut--;
        if (cut == 0 || ls_slice_at(m, out->off + cut - 1) != ' ') return false;
        while (cut > 0 && !is_digit(ls_slice_at(m, out->off + cut - 1))) cut--;
        out->len = cut;
    }
    return false;
}

/* True if the '0' at i is a national trunk prefix written "(0)" after the
 * country code (+44 (0)20 ...): it is not dialled and not part of the value. */
static bool trunk_zero(struct ls_slice v, size_t i)
{
    if (i == 0 || ls_slice_at(v, i) != '0' || ls_slice_at(v, i - 1) != '(') return false;
    if (ls_slice_at(v, i + 1) == ')') return true;
    /* "+44 (020) 7946 0958": the trunk 0 written in the area code's
     * parentheses right after the country code; not after +38, whose 0 is
     * the last digit of Ukraine's 380 ("+38 (044) 123-45-67") */
    if (!is_digit(ls_slice_at(v, i + 1))) return false;
    size_t k = i - 1;
    if (k > 0 && (ls_slice_at(v, k - 1) == ' ' || ls_slice_at(v, k - 1) == '-')) k--;
    size_t e = k;
    while (k > 0 && is_digit(ls_slice_at(v, k - 1))) k--;
    if (k == 0 || ls_slice_at(v, k - 1) != '+' || e - k < 1 || e - k > 3) return false;
    return !(e - k == 2 && ls_slice_at(v, k) == '3' && ls_slice_at(v, k + 1) == '8');
}

/* Digits of an international number without a "(0)"; SIZE_MAX if more than max - 1. */
static size_t e164_digits(struct ls_slice v, char *d, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (!is_digit(c) || trunk_zero(v, i)) continue;
        if (n + 1 >= max) return SIZE_MAX;
        d[n++] = (char)c;
    }
    d[n] = '\0';
    return n;
}

/* "+2024-03-14", "+14.03.2024": a signed date, not a phone number. */
static bool e164_is_date(struct ls_slice v)
{
    if (v.len != 11) return false;
    int s1 = ls_slice_at(v, 5), s2 = ls_slice_at(v, 8), t1 = ls_slice_at(v, 3), t2 = ls_slice_at(v, 6);
    if ((s1 == '-' || s1 == '.' || s1 == '/') && s2 == s1) return true;     /* +YYYY-MM-DD */
    return (t1 == '-' || t1 == '.' || t1 == '/') && t2 == t1;               /* +DD.MM.YYYY */
}

/* "+20191229111838" (a snapshot version, 1:10~+20191229111838+6991d57),
 * "+20141124": a date and time written as one run of digits
 * (YYYYMMDD[hhmm[ss]]), years 1970-2099, not a phone number. */
static bool e164_is_timestamp(struct ls_slice v)
{
    size_t n = v.len - 1;
    if (ls_slice_at(v, 0) != '+' || (n != 8 && n != 12 && n != 14)) return false;
    for (size_t i = 1; i < v.len; i++)
        if (!is_digit(ls_slice_at(v, i))) return false;
    const char *d = (const char *)v.ptr + 1; /* digits, checked above */
    unsigned y = dig(d, 0, 4), mo = dig(d, 4, 2), da = dig(d, 6, 2);
    if (y < 1970 || y > 2099 || mo < 1 || mo > 12 || da < 1 || da > 31) return false;
    return n == 8 || (dig(d, 8, 2) < 24 && dig(d, 10, 2) < 60 && (n == 12 || dig(d, 12, 2) < 60));
}

/* "+3217-06446", "+404251-0740023": an ISO 6709 position (latitude
 * +-DDMM[SS], longitude +-DDDMM[SS]: time-zone tables, GPS and GIS exports),
 * not a phone number: degrees, minutes and seconds in range, the
 * longitude signed by the hyphen. */
static bool e164_is_coordinate(struct ls_slice v)
{
    size_t lat = v.len == 11 ? 4 : v.len == 15 ? 6 : 0;
    if (lat == 0 || ls_slice_at(v, 1 + lat) != '-') return false;
    for (size_t i = 1; i < v.len; i++)
        if (i != 1 + lat && !is_digit(ls_slice_at(v, i))) return false;
    const char *d = (const char *)v.ptr; /* every byte checked above: digits and the hyphen */
    unsigned la = dig(d, 1, 2), lo = dig(d, 2 + lat, 3);
    if (la > 90 || lo > 180) return false;
    for (size_t i = 3; i < 1 + lat; i += 2) /* latitude minutes (and seconds) */
        if (dig(d, i, 2) > 59) return false;
    for (size_t i = 5 + lat; i < v.len; i += 2) /* longitude minutes (and seconds) */
        if (dig(d, i, 2) > 59) return false;
    return true;
}

/* "+24 1985-96", "+3.5 2010-2015": a signed change in a table (an index,
 * a percentage) and the year range it spans, not a phone number: a sign,
 * one to three digits (and a decimal part), one blank, a year 1900-2099
 * and, after a dash or slash, a later year in two or four digits. */
static bool e164_is_year_range(struct ls_slice v)
{
    size_t i = 1, n = 0;
    while (i < v.len && is_digit(ls_slice_at(v, i))) i++, n++;
    if (n < 1 || n > 3) return false;
    if (i < v.len && (ls_slice_at(v, i) == '.' || ls_slice_at(v, i) == ',')) {
        size_t f = ++i;
        while (i < v.len && is_digit(ls_slice_at(v, i))) i++;
        if (i == f || i - f > 2) return false;
    }
    if (i >= v.len || ls_slice_at(v, i) != ' ') return false;
    i++;
    size_t rest = v.len - i;
    if (rest != 7 && rest != 9) return false;
    char d[12];
    for (size_t k = 0; k < rest; k++) {
        int c = ls_slice_at(v, i + k);
        if (k == 4 ? (c != '-' && c != '/') : !is_digit(c)) return false;
        d[k] = (char)c;
    }
    unsigned y1 = dig(d, 0, 4), y2 = rest == 7 ? dig(d, 5, 2) : dig(d, 5, 4);
    if (y1 < 1900 || y1 > 2099) return false;
    if (rest == 7) return y2 > y1 % 100;
    return y2 > y1 && y2 - y1 < 100;
}

/* From '+' to the last digit; a number followed by more digit groups
 * ("+44 20 7946 0958 2024") is retried without up to two trailing groups. */
/* "+8917758713E-19", "+345678.5432": a signed number in scientific or
 * decimal notation (test data, floats), not a phone: digits with an exponent
 * right after, or with exactly one '.' and no other separator. */
static bool e164_is_number(struct ls_slice m, const struct ls_value *out)
{
    struct ls_slice v = sub(m, out->off, out->len);
    int after = ls_slice_at(m, out->off + out->len);
    size_t digits = count_class(v, is_digit), dots = 0;
    for (size_t i = 0; i < v.len; i++) dots += ls_slice_at(v, i) == '.';
    if ((after == 'E' || after == 'e') && digits + 1 + dots == v.len) return true; /* '+', digits, '.' */
    if (dots != 1 || digits + 2 != v.len) return false;
    /* "+1.7035551234", "+44.2079460958": the EPP / WHOIS form of a phone
     * (RFC 5733), a country code of 1-3 digits and the number after the dot */
    size_t cc = 0;
    while (cc + 1 < v.len && is_digit(ls_slice_at(v, cc + 1))) cc++;
    int c1 = ls_slice_at(v, 1), first = ls_slice_at(v, cc + 2); /* after the dot */
    bool epp = cc >= 1 && cc <= 3 && digits - cc >= 7 && first != '0' && /* no number starts 0 there */
               (cc > 1 || c1 == '1' || c1 == '7');                       /* one-digit codes: 1 and 7 */
    return !epp;
}

static bool binary_byte(int c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'; }

static bool loc_e164(struct ls_slice m, struct ls_value *out)
{
    char d[20];
    if (!loc_phone_span(m, out)) return false;
    if (ls_slice_at(m, out->off) != '+') {
        /* "msisdn": "4915123456789": an MSISDN is the E.164 number without its '+' (mobile
         * operators' and SMS gateways' records), as is a WhatsApp click-to-chat link's
         * (wa.me/4915123456789, api.whatsapp.com/send?phone=...): one run of 10-15 digits */
        struct ls_slice pre = sub(m, 0, out->off);
        if (!(slice_has_nocase(pre, "isdn") /* msisdn, and Huawei MML's ISDN="..." */ || slice_has_nocase(pre, "wa.me/") ||
              /* a call record's A_NUMBER, called_party_number, ... (pii_phone_e164's $cdr_ab, $cdr_party) */
              slice_has_nocase(pre, "num") || slice_has_nocase(pre, "nbr") || slice_has_nocase(pre, "nr") ||
              slice_has_nocase(pre, "no") ||
              slice_has_nocase(pre, "whatsapp.com/send")) ||
            out->len < 10 || out->len > 15 || count_class(sub(m, out->off, out->len), is_digit) != out->len)
            return false;
        for (size_t i = 0; i < out->len; i++) d[i] = (char)ls_slice_at(m, out->off + i);
        d[out->len] = '\0';
        return e164_ok(d, out->len);
    }
    /* a number ends at two separators in a row ("+49 30 1234567 - 2024") */
    for (size_t i = out->off + 1; i + 1 < out->off + out->len; i++) {
        int c = ls_slice_at(m, i), n = ls_slice_at(m, i + 1);
        if ((c == ' ' || c == '.' || c == '-') && (n == ' ' || n == '.' || n == '-')) {
            out->len = i - out->off;
            break;
        }
    }
    while (out->len > 0 && !is_digit(ls_slice_at(m, out->off + out->len - 1))) out->len--;
    /* "r[0]+3614090360&4294967295" (MD5's constants in minified code): a
     * sum, the '+' right after an operand; "+4572/-3446" (a change log's
     * lines added and removed): not a phone */
    int before = out->off > 0 ? ls_slice_at(m, out->off - 1) : ' ';
    if (before == ']' || before == ')' || before == '_' || slice_has(sub(m, out->off, out->len), "/-"))
        return false;
    /* "\0+333333333339\0" in an embedded bitmap, "+2017..." in font
     * bytes: a control byte on both sides is binary data, not text (a
     * document's own text is scanned again as extracted text) */
    int after = out->off + out->len < m.len ? ls_slice_at(m, out->off + out->len) : ' ';
    if (binary_byte(before) && binary_byte(after)) return false;
    if (e164_is_date(sub(m, out->off, out->len)) || e164_is_coordinate(sub(m, out->off, out->len)) ||
        e164_is_timestamp(sub(m, out->off, out->len)) || e164_is_number(m, out))
        return false;
    for (int tries = 0; tries < 3; tries++) {
        struct ls_slice v = sub(m, out->off, out->len);
        size_t n = e164_digits(v, d, sizeof d);
        /* "(-32768000, +32768000)", "+33554432": a signed number; eight
         * digits in one run is a whole international number only on a few
         * Pacific islands (+677 12345), which write it grouped */
        if (n == 8 && v.len == 9) return false;
        if (e164_is_year_range(v)) return false;
        if (n != SIZE_MAX && e164_ok(d, n)) return true;
        size_t cut = out->len;
        while (cut > 0 && is_digit(ls_slice_at(v, cut - 1))) cut--;
        if (cut == 0 || ls_slice_at(v, cut - 1) != ' ') return false;
        while (cut > 0 && !is_digit(ls_slice_at(v, cut - 1))) cut--;
        out->len = cut;
    }
    return false;
}

/* ---- e-mail -------------------------------------------------------------- */

static bool email_local_char(int c)
{
    return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* Length (2-4) of the well-formed UTF-8 sequence at i when it encodes a
 * letter an internationalised address may hold (RFC 6530 local parts, IDN
 * labels: \xc3\xbc, \xc3\xa9, CJK, Cyrillic, combining accents), else 0:
 * not U+0080-U+00BF (no-break space, guillemets), U+00D7, U+00F7, general
 * punctuation, symbols and arrows (U+2000-U+2BFF), CJK punctuation
 * (U+3000-U+303F: the ideographic space, brackets, the postal mark),
 * full-width signs and digits, private use, specials. */
static size_t utf8_letter_cp(struct ls_slice s, size_t i, unsigned *cpo)
{
    if (i >= s.len) return 0;
    unsigned c = (unsigned)ls_slice_at(s, i), cp, n;
    if (c >= 0xc2 && c <= 0xdf) n = 2, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef) n = 3, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4) n = 4, cp = c & 0x07;
    else return 0;
    if (i + n > s.len) return 0;
    for (unsigned k = 1; k < n; k++) {
        unsigned b = (unsigned)ls_slice_at(s, i + k);
        if ((b & 0xc0) != 0x80) return 0;
        cp = cp << 6 | (b & 0x3f);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
        return 0; /* overlong, out of range, surrogate */
    if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7 || (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
        (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xfe30 && cp <= 0xfe6f) || (cp >= 0xff00 && cp <= 0xff20) ||
        (cp >= 0xff3b && cp <= 0xff40) || (cp >= 0xff5b && cp <= 0xff65) || cp >= 0xfff0)
        return 0;
    *cpo = cp;
    return n;
}

static size_t utf8_letter(struct ls_slice s, size_t i)
{
    unsigned cp;
    return utf8_letter_cp(s, i, &cp);
}

/* Han, kana, Hangul: scripts written without spaces between words. */
static bool cjk(unsigned cp)
{
    return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) ||
           (cp >= 0xff66 && cp <= 0xff9f) || cp >= 0x20000;
}

/* Length of the UTF-8 letter that ends right before end, else 0. */
static size_t utf8_letter_before(struct ls_slice s, size_t end, unsigned *cp)
{
    for (size_t n = 2; n <= 4 && n <= end; n++)
        if ((ls_slice_at(s, end - n) & 0xc0) != 0x80) return utf8_letter_cp(s, end - n, cp) == n ? n : 0;
    return 0;
}

static bool email_local_ok(struct ls_slice l)
{
    if (l.len == 0 || l.len > 64) return false;
    if (ls_slice_at(l, 0) == '.' || ls_slice_at(l, l.len - 1) == '.') return false;
    for (size_t i = 0; i < l.len; i++) {
        int c = ls_slice_at(l, i);
        if (c >= 0x80) {
            size_t n = utf8_letter(l, i);
            if (n == 0) return false;
            i += n - 1;
            continue;
        }
        if (!email_local_char(c)) return false;
        if (c == '.' && ls_slice_at(l, i + 1) == '.') return false;
    }
    return true;
}

/* File extensions that show up as "TLDs" in asset names (logo@2x.png),
 * unit names and file names; none is a delegated TLD. */
static const char *const asset_exts[] = {
    "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "tif", "tiff", "css",
    "js", "ts", "json", "xml", "txt", "pdf", "html", "htm", "php", "map", "woff",
    "woff2", "ttf", "eot", "otf", "mp3", "mp4", "wav", "avi", "webm", "heic", "avif",
    /* systemd template units (getty@tty1.service), packages, configs */
    "service", "socket", "timer", "target", "mount", "automount", "slice", "scope", "swap",
    "device", "header", "po", "xz", "gz", "bz2", "tgz", "lst", "tar", "deb", "rpm", "log",
    "conf", "cfg", "ini", "yml", "yaml", "toml", "lock", "bak", "tmp", "localdomain", "uucp",
};

static bool label_ok(struct ls_slice l)
{
    if (l.len == 0 || l.len > 63) return false;
    if (ls_slice_at(l, 0) == '-' || ls_slice_at(l, l.len - 1) == '-') return false;
    for (size_t i = 0; i < l.len; i++) {
        int c = ls_slice_at(l, i);
        if (c >= 0x80) { /* an internationalised label (m\xc3\xbcller-bau) */
            size_t n = utf8_letter(l, i);
            if (n == 0) return false;
            i += n - 1;
            continue;
        }
        if (!is_alnum(c) && c != '-') return false;
    }
    return true;
}

/* Reserved, never deliverable (RFC 2606, RFC 6761). */
static const char *const reserved_tlds[] = {"invalid", "localhost"};

/* Not delegated, but the names of company networks (Active Directory
 * domains, mail inside the firewall): jsmith@acme.local, hr@corp.acme.corp
 * are employees' addresses in a corporate leak. localdomain (a host's
 * default) is not one of them. Sorted. */
static const char *const internal_tlds[] = {"corp",     "home", "internal", "intra",
                                            "intranet", "lan",  "local",    "priv",
                                            "private"};

/* Compares t (any case) with a lower-case name, strcmp-style. */
static int tld_cmp(struct ls_slice t, const char *name)
{
    size_t i = 0;
    for (; i < t.len && name[i]; i++) {
        int a = to_lower(ls_slice_at(t, i)), b = (unsigned char)name[i];
        if (a != b) return a - b;
    }
    if (i < t.len) return 1;
    return name[i] ? -1 : 0;
}

/* A delegated top-level domain (validate_tlds.h, from the Public Suffix
 * List) or a documentation one (example, test): random bytes of binaries,
 * uuencoded and fuzzed files, and an address cut by a quoted-printable
 * soft line break ("jane@example.co=\nm") end in names that are none. */
static bool tld_known(struct ls_slice t)
{
    size_t lo = 0, hi = sizeof ls_tlds / sizeof ls_tlds[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = tld_cmp(t, ls_tlds[mid]);
        if (c == 0) return true;
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return false;
}

static bool tld_ok(struct ls_slice t)
{
    if (t.len < 2 || t.len > 24) return false;
    for (size_t i = 0; i < sizeof reserved_tlds / sizeof reserved_tlds[0]; i++)
        if (t.len == strlen(reserved_tlds[i]) && slice_has_nocase(t, reserved_tlds[i])) return false;
    for (size_t i = 0; i < t.len; i++)
        if (!is_alpha(ls_slice_at(t, i))) return false;
    for (size_t i = 0; i < sizeof asset_exts / sizeof asset_exts[0]; i++) {
        size_t n = strlen(asset_exts[i]);
        if (t.len != n) continue;
        size_t k = 0;
        while (k < n && to_lower(ls_slice_at(t, k)) == asset_exts[i][k]) k++;
        if (k == n) return false;
    }
    for (size_t i = 0; i < sizeof internal_tlds / sizeof internal_tlds[0]; i++)
        if (tld_cmp(t, internal_tlds[i]) == 0) return true;
    return tld_known(t);
}

/* Retina asset names: the first domain label is "2x", "3x", "1.5x" ... */
static bool retina_label(struct ls_slice l)
{
    if (l.len < 2 || to_lower(ls_slice_at(l, l.len - 1)) != 'x') return false;
    for (size_t i = 0; i + 1 < l.len; i++)
        if (!is_digit(ls_slice_at(l, i))) return false;
    return true;
}

static bool email_domain_ok(struct ls_slice d)
{
    if (d.len < 4 || d.len > 253) return false;
    size_t start = 0, labels = 0;
    struct ls_slice last = {NULL, 0};
    for (size_t i = 0; i <= d.len; i++) {
        if (i < d.len && ls_slice_at(d, i) != '.') continue;
        last = sub(d, start, i - start);
        if (!label_ok(last)) return false;
        if (labels == 0 && retina_label(last)) return false;
        labels++;
        start = i + 1;
    }
    return labels >= 2 && tld_ok(last);
}

static bool is_hex(int c) { return is_digit(c) || (to_lower(c) >= 'a' && to_lower(c) <= 'f'); }

/* Message-IDs and other generated identifiers written like addresses
 * (<20240309094511.12345@mail.example.com>, <5f3a9c0e1b2d4a6f@host>): a
 * local part with 12 or more digits, or of 16 or more characters that are
 * all hex digits, dots and dashes, or Exim's (<E1XsabC-0001aB-Ab@host>).
 * A person's address has a name in it. */
static bool exim_id(struct ls_slice l)
{
    /* Exim's Message-IDs: "E" + its message id, base-62 groups of 6-6-2
     * (6-11-4 since Exim 4.97): E1XsabC-0001aB-Ab */
    size_t dash2;
    if (l.len == 17) dash2 = 14;
    else if (l.len == 24) dash2 = 19;
    else return false;
    /* the first group is the time in seconds: "1" or "2" leads it until 2058 */
    if (ls_slice_at(l, 0) != 'E' || !is_digit(ls_slice_at(l, 1))) return false;
    for (size_t i = 1; i < l.len; i++) {
        int c = ls_slice_at(l, i);
        if (i == 7 || i == dash2 ? c != '-' : !is_alnum(c)) return false;
    }
    return true;
}

static bool email_local_generated(struct ls_slice l)
{
    if (exim_id(l)) return true;
    size_t digits = 0, hex = 0;
    for (size_t i = 0; i < l.len; i++) {
        int c = ls_slice_at(l, i);
        if (is_digit(c)) digits++;
        if (is_hex(c) || c == '.' || c == '-') hex++;
    }
    return digits >= 12 || (l.len >= 16 && hex == l.len && digits > 0);
}

/* Hosts that name Message-IDs, never a mailbox: Gmail writes
 * <CAKm5jF2+Zq1x3Q...@mail.gmail.com> (personal addresses are
 * @gmail.com), Exchange Online <BY5PR11MB4001...@BY5PR11MB4001.namprd11.
 * prod.outlook.com>. Every message of a mail dump carries one in its
 * Message-ID, In-Reply-To and References fields. */
static bool email_domain_msgid(struct ls_slice d)
{
    static const char *const hosts[] = {"mail.gmail.com"};
    static const char *const suffixes[] = {".prod.outlook.com"};
    for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++)
        if (tld_cmp(d, hosts[i]) == 0) return true;
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t n = strlen(suffixes[i]);
        if (d.len > n && tld_cmp(sub(d, d.len - n, n), suffixes[i]) == 0) return true;
    }
    return false;
}

bool ls_valid_email(struct ls_slice v)
{
    size_t at = ls_slice_find(v, 0, "@", 1);
    if (at == SIZE_MAX || ls_slice_find(v, at + 1, "@", 1) != SIZE_MAX) return false;
    struct ls_slice local = sub(v, 0, at), domain = sub(v, at + 1, v.len - at - 1);
    return email_local_ok(local) && !email_local_generated(local) && email_domain_ok(domain) &&
           !email_domain_msgid(domain);
}

static bool email_domain_char(int c) { return is_alnum(c) || c == '.' || c == '-'; }

/* True if the bytes before i (>= 0x80) end a well-formed UTF-8 character. */
static bool utf8_char_ends(struct ls_slice s, size_t i)
{
    for (size_t n = 1; n <= 4 && n <= i; n++) {
        int c = ls_slice_at(s, i - n);
        if ((c & 0xc0) == 0x80) continue;
        size_t want = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
        return want == n;
    }
    return false;
}

/* The raw bytes of a double-byte legacy encoding (Big5, GBK, Shift_JIS)
 * hold characters whose second byte is ASCII (0x40-0x7e): Big5's full-width
 * colon is A1 47 ("\xa1G"), Shift_JIS's 81 46, so "E-mail:" + address reads
 * "\xa1Gmeiling@example.tw". The ASCII byte at i is such a trail byte when
 * the run of bytes >= 0x80 before it is no UTF-8 and has an odd length (the
 * characters of a run are pairs; its last byte leads the next): three or
 * more bytes, or one of the lead bytes of those encodings' punctuation rows
 * (Big5 A1-A3, Shift_JIS 81); a lone other byte is a Latin-1 or Windows-1252
 * sign (guillemet, quote: "\xabjohn@example.com\xbb"). */
static bool legacy_trail_byte(struct ls_slice m, size_t i)
{
    int c = ls_slice_at(m, i);
    if (i == 0 || c < 0x40 || c > 0x7e || ls_slice_at(m, i - 1) < 0x80 || utf8_char_ends(m, i)) return false;
    size_t r = 0;
    while (r < i && r < 64 && ls_slice_at(m, i - 1 - r) >= 0x80) r++;
    if (r % 2 == 0) return false;
    int lead = ls_slice_at(m, i - 1);
    return r >= 3 || lead == 0x81 || (lead >= 0xa1 && lead <= 0xa3);
}

static bool loc_email(struct ls_slice m, struct ls_value *out)
{
    size_t at = ls_slice_find(m, 0, "@", 1);
    if (at == SIZE_MAX) return false;
    size_t start = at, n;
    bool ascii = false, other = false; /* taken so far: ASCII, letters that are not hiragana */
    unsigned cp;
    for (;;) { /* UTF-8 letters too (jos\xc3\xa9.garc\xc3\xada@): a partial local part is a wrong value */
        if (start > 0 && email_local_char(ls_slice_at(m, start - 1))) {
            start--;
            ascii = other = true;
        } else if (start > 0 && (n = utf8_letter_before(m, start, &cp)) > 0 && !(ascii && cjk(cp)) &&
                   !(other && cp >= 0x3040 && cp <= 0x309f)) {
            start -= n; /* but Japanese prose glues words to an address: "(mail wa)taro@" is taro@, and a */
            other = other || cp < 0x3040 || cp > 0x309f; /* particle in hiragana ends a name in kanji */
        } else {
            break;
        }
    }
    if (start < at && legacy_trail_byte(m, start)) start++;
    /* A JSON \u escape before the local part (the rule's match keeps the byte
     * before it): Go's encoding/json writes "Dana \u003cdana@globex.com\u003e",
     * so an escaped character that no address holds ('<', '"', ' ' ...) ends
     * before the address; an escaped letter (Python's ensure_ascii:
     * "jos\u00e9.garc\u00eda@empresa.es", or "\u0040") is part of it, and these
     * bytes hold only its tail: the decoded text carries the whole address. */
    if (start > 0 && start + 5 < at && ls_slice_at(m, start - 1) == '\\' && to_lower(ls_slice_at(m, start)) == 'u' &&
        is_hex(ls_slice_at(m, start + 1)) && is_hex(ls_slice_at(m, start + 2)) && is_hex(ls_slice_at(m, start + 3)) &&
        is_hex(ls_slice_at(m, start + 4))) {
        unsigned esc = 0;
        for (size_t i = 1; i <= 4; i++) {
            int c = to_lower(ls_slice_at(m, start + i));
            esc = esc * 16u + (unsigned)(is_digit(c) ? c - '0' : c - 'a' + 10);
        }
        if (esc >= 0x80 || email_local_char((int)esc) || esc == '@') return false;
        start += 5;
    }
    size_t end = at + 1, dot = 0;
    for (;;) {
        if (end < m.len && email_domain_char(ls_slice_at(m, end))) dot = ls_slice_at(m, end++) == '.' ? end : dot;
        else if ((n = utf8_letter(m, end)) > 0) end += n;
        else break;
    }
    for (size_t i = dot; dot && i < end; i++) /* the top-level domain is ASCII: "...co.jp(made)" ends at jp */
        if (ls_slice_at(m, i) >= 0x80) end = i;
    while (end > at + 1 && !is_alpha(ls_slice_at(m, end - 1))) end--; /* "a@b.com." */
    out->off = start;
    out->len = end - start;
    if (ls_valid_email(sub(m, start, end - start))) return true;
    /* A file named after an address: Google Takeout's Calendar/ada@corp.example.ics,
     * "jane.roe@corp.example.vcf", a mailbox folder "bob@corp.example.mbox". The
     * extension reads as a top-level domain that is none: the address is what is
     * left without it, when that holds one. */
    size_t ext = end;
    while (ext > at + 1 && ls_slice_at(m, ext - 1) != '.') ext--;
    if (ext <= at + 1 || end - ext > 5 || tld_ok(sub(m, ext, end - ext))) return false;
    out->len = ext - 1 - start;
    return ls_valid_email(sub(m, start, out->len));
}

/* ---- MRZ (ICAO 9303 TD3, line 2) ----------------------------------------- */

static int mrz_value(int c)
{
    if (is_digit(c)) return c - '0';
    if (is_upper(c)) return c - 'A' + 10;
    if (c == '<') return 0;
    return -1;
}

static bool mrz_check(struct ls_slice line, size_t off, size_t n, size_t check_at)
{
    static const int w[3] = {7, 3, 1};
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        int v = mrz_value(ls_slice_at(line, off + i));
        if (v < 0) return false;
        sum += v * w[i % 3];
    }
    return is_digit(ls_slice_at(line, check_at)) && sum % 10 == ls_slice_at(line, check_at) - '0';
}

/* Composite check over document number+check, DOB+check, expiry+check and
 * personal number+check: positions 0-9, 13-19, 21-42. */
static bool mrz_composite(struct ls_slice l)
{
    static const int w[3] = {7, 3, 1};
    int sum = 0;
    size_t k = 0;
    for (size_t i = 0; i < 43; i++) {
        if ((i >= 10 && i <= 12) || i == 20) continue;
        int v = mrz_value(ls_slice_at(l, i));
        if (v < 0) return false;
        sum += v * w[k++ % 3];
    }
    return is_digit(ls_slice_at(l, 43)) && sum % 10 == ls_slice_at(l, 43) - '0';
}

bool ls_valid_mrz(struct ls_slice v)
{
    if (v.len != 44) return false;
    for (size_t i = 0; i < 44; i++)
        if (mrz_value(ls_slice_at(v, i)) < 0) return false;
    if (ls_slice_at(v, 0) == '<') return false;
    int sex = ls_slice_at(v, 20);
    if (sex != 'M' && sex != 'F' && sex != '<' && sex != 'X') return false;
    if (!mrz_check(v, 0, 9, 9) || !mrz_check(v, 13, 6, 19) || !mrz_check(v, 21, 6, 27))
        return false;
    /* the personal-number check may be '<' when the field is empty */
    int pc = ls_slice_at(v, 42);
    if (!(pc == '<' && ls_slice_at(v, 28) == '<') && !mrz_check(v, 28, 14, 42)) return false;
    return mrz_composite(v);
}

static bool mrz_line_char(int c) { return mrz_value(c) >= 0; }

/* The rule matches line 1 ("P<UTO...", 44 characters) then line 2 after a
 * line break, or after a space or tab where a table cell or PDF text run
 * joined the lines; the value is the document number (line 2, positions
 * 0-8, fillers dropped). */
static bool loc_mrz(struct ls_slice m, struct ls_value *out)
{
    if (m.len < 44) return false;
    size_t start = find_if(m, 44, mrz_line_char);
    struct ls_slice line = sub(m, start, 44);
    if (line.len != 44 || !ls_valid_mrz(line)) return false;
    size_t n = 9;
    while (n > 0 && ls_slice_at(line, n - 1) == '<') n--;
    if (n < 5) return false;
    out->off = start;
    out->len = n;
    return true;
}

/* ---- context rules: the value is the last token of the match -------------- */

/* Last run of bytes satisfying pred (and at most max long) ending at or
 * before the match end, skipping trailing bytes that are not. */
static bool last_token(struct ls_slice m, bool (*pred)(int), size_t *off, size_t *len)
{
    size_t end = m.len;
    while (end > 0 && !pred(ls_slice_at(m, end - 1))) end--;
    size_t start = end;
    while (start > 0 && pred(ls_slice_at(m, start - 1))) start--;
    *off = start;
    *len = end - start;
    return end > start;
}

static bool ssn_token_char(int c) { return is_digit(c) || c == '-' || c == ' '; }

static bool loc_ssn_context(struct ls_slice m, struct ls_value *out)
{
    size_t off, len;
    if (ls_slice_starts(m, "extension=", 10)) { /* C-CDA: extension="..." root="<the SSA's OID>" */
        size_t first = 11, end = first;
        while (end < m.len && is_digit(ls_slice_at(m, end))) end++;
        out->off = first;
        out->len = end - first;
        return end > first && ls_valid_ssn(sub(m, first, end - first));
    }
    if (ls_slice_at(m, 0) == '<' && ls_slice_find(m, 0, "USA-SSN", 7) != SIZE_MAX) {
        /* Workday: <wd:ID>...</wd:ID>, then the ID type that says USA-SSN (PeopleSoft's: the value last) */
        size_t first = find_if(m, 0, is_digit), end = first;
        while (end < m.len && is_digit(ls_slice_at(m, end))) end++;
        out->off = first;
        out->len = end - first;
        return end - first == 9 && ls_valid_ssn(sub(m, first, 9));
    }
    if (!last_token(m, ssn_token_char, &off, &len)) return false;
    size_t first = find_if(m, off, is_digit);
    size_t end = off + len;
    while (end > first && !is_digit(ls_slice_at(m, end - 1))) end--;
    if (end <= first) return false;
    out->off = first;
    out->len = end - first;
    return ls_valid_ssn(sub(m, first, end - first));
}

static size_t count_class(struct ls_slice v, bool (*pred)(int))
{
    size_t n = 0;
    for (size_t i = 0; i < v.len; i++)
        if (pred(ls_slice_at(v, i))) n++;
    return n;
}

static bool repeated(struct ls_slice v)
{
    for (size_t i = 1; i < v.len; i++)
        if (ls_slice_at(v, i) != ls_slice_at(v, 0)) return false;
    return true;
}

/* Passport numbers: 6-9 alphanumerics, at least 5 digits, at most 3
 * letters (US 9 digits or letter+8, UK 9 digits, DE C01X00T47 ...). */
/* A German passport number since 2017 (after a German label: Reisepass,
 * Passnummer, Pass-Nr.): nine characters of the alphabet C F G H J K L M N P
 * R T V W X Y Z 0-9 (no vowels, no letters that read as digits), the first
 * C F G H J or K; random, so most have more than three letters
 * (CFKHP1R47). Two digits at least: a word in capitals is no number. */
static bool german_passport(struct ls_slice m, struct ls_slice v)
{
    static const char alphabet[] = "CFGHJKLMNPRTVWXYZ0123456789";
    if (v.len != 9 || !strchr("CFGHJK", to_upper(ls_slice_at(v, 0)))) return false;
    for (size_t i = 0; i < v.len; i++)
        if (!strchr(alphabet, to_upper(ls_slice_at(v, i)))) return false;
    if (count_class(v, is_digit) < 2) return false;
    size_t n = m.len < 16 ? m.len : 16;
    return slice_has_nocase(sub(m, 0, n), "reisepass") || slice_has_nocase(sub(m, 0, n), "passnummer") ||
           slice_has_nocase(sub(m, 0, n), "pass-nr") || slice_has_nocase(sub(m, 0, n), "passnr");
}

static bool loc_passport(struct ls_slice m, struct ls_value *out)
{
    if (!last_token(m, is_alnum, &out->off, &out->len)) return false;
    struct ls_slice v = sub(m, out->off, out->len);
    if (v.len < 6 || v.len > 9 || repeated(v)) return false;
    if (out->off > 0 && ls_slice_at(m, out->off - 1) == '-') return false;
    if (german_passport(m, v)) return true;
    return count_class(v, is_digit) >= 5 && count_class(v, is_alpha) <= 3;
}

static bool dl_char(int c) { return is_alnum(c) || c == '-'; }

/* Driver's licence: 5-13 alphanumerics, possibly grouped by dashes as
 * several states print them (Illinois S530-4607-8123, Florida
 * S530-460-78-123-0), at least 5 digits, at most 3 letters; not all the
 * same character. */
static bool loc_dl(struct ls_slice m, struct ls_value *out)
{
    if (!last_token(m, dl_char, &out->off, &out->len)) return false;
    while (out->len > 0 && ls_slice_at(m, out->off) == '-') {
        out->off++;
        out->len--;
    }
    struct ls_slice v = sub(m, out->off, out->len);
    size_t alnum = count_class(v, is_alnum);
    if (alnum < 5 || alnum > 13 || repeated(v) || v.len - alnum > 4) return false;
    return count_class(v, is_digit) >= 5 && count_class(v, is_alpha) <= 3;
}

static bool date_char(int c) { return is_digit(c) || c == '/' || c == '-' || c == '.'; }
/* a date in a JSON string whose writer escapes '/' (PHP's json_encode: "03\/14\/1975") */
static bool dob_char(int c) { return date_char(c) || c == '\\'; }

static bool date_valid(unsigned y, unsigned mo, unsigned d)
{
    static const unsigned mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2030 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1]) return false;
    if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return false;
    return true;
}

/* The order of a numeric date's day and month that the label before it
 * names: "DOB (DD/MM/YYYY):" (also TT.MM.JJJJ, JJ/MM/AAAA, GG/MM/AAAA),
 * 1 for day first, "(MM/DD/YYYY)" 2 for month first, 0 when it names none. */
static int date_label_order(struct ls_slice label)
{
    static const char *const day_first[] = {"dd/mm", "dd.mm", "dd-mm", "tt.mm", "jj/mm", "gg/mm", "dd mm"};
    static const char *const month_first[] = {"mm/dd", "mm.dd", "mm-dd", "mm dd"};
    for (size_t i = 0; i < sizeof day_first / sizeof day_first[0]; i++)
        if (slice_has_nocase(label, day_first[i])) return 1;
    for (size_t i = 0; i < sizeof month_first / sizeof month_first[0]; i++)
        if (slice_has_nocase(label, month_first[i])) return 2;
    return 0;
}

/* Eight digits YYYYMMDD, or up to three numbers separated by one repeated separator (- / .):
 * YYYY-M-D, or D/M/YYYY and M/D/YYYY (either order accepted when the day is
 * unambiguous or both readings are valid), day and month of 1-2 digits, the
 * year of 4 digits or, day or month first, of 2 (03/14/75). *iso is the
 * date as YYYYMMDD when the form says which number is the day (year first,
 * a day > 12, day and month equal, dots -- D.M.YYYY, as Europe writes
 * dates --, or a label naming the order), else 0. */
static bool date_shape_ok(struct ls_slice v, struct ls_slice label, unsigned *iso)
{
    *iso = 0;
    unsigned n = 0;
    size_t digits = 0;
    while (digits < v.len && digits < 8 && is_digit(ls_slice_at(v, digits)))
        n = n * 10 + (unsigned)(ls_slice_at(v, digits++) - '0');
    if (v.len == 8 && digits == 8) { /* YYYYMMDD (ISO 8601 basic) */
        if (!date_valid(n / 10000, n / 100 % 100, n % 100)) return false;
        *iso = n;
        return true;
    }
    unsigned f[3] = {0, 0, 0};
    size_t len[3] = {0, 0, 0}, k = 0;
    int sep = 0;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (c == '\\' && ls_slice_at(v, i + 1) == '/') continue; /* JSON's escaped "\/" */
        if (c == ' ' && sep == '.' && i > 0 && ls_slice_at(v, i - 1) == '.') continue; /* "14. 3. 1975" */
        if (is_digit(c)) {
            if (++len[k] > 4) return false;
            f[k] = f[k] * 10 + (unsigned)(c - '0');
            continue;
        }
        if (!date_char(c) || (sep && c != sep) || k == 2 || len[k] == 0) return false;
        sep = c;
        k++;
    }
    if (k != 2 || len[2] == 0) return false;
    if (len[0] == 4) {
        if (len[1] > 2 || len[2] > 2 || !date_valid(f[0], f[1], f[2])) return false;
        *iso = f[0] * 10000 + f[1] * 100 + f[2];
        return true;
    }
    if (len[0] > 2 || len[1] > 2 || (len[2] != 4 && len[2] != 2)) return false;
    unsigned y = len[2] == 4 ? f[2] : 1900 + f[2];
    if (len[2] == 2 && y < 1930) y += 100;
    bool dm = date_valid(y, f[1], f[0]), md = date_valid(y, f[0], f[1]);
    if (!dm && !md) return false;
    int order = date_label_order(label);
    if (order == 0 && sep == '.') order = 1;
    if (order == 0 && dm && md && f[0] == f[1]) order = 1;
    if (order == 0) order = dm && md ? 0 : dm ? 1 : 2;
    if (order == 1 && dm) *iso = y * 10000 + f[1] * 100 + f[0];
    else if (order == 2 && md) *iso = y * 10000 + f[0] * 100 + f[1];
    return true;
}

/* Month names, each with its month number: English, German, French, Spanish,
 * Italian, Dutch and Portuguese, in UTF-8 (a word's bytes >= 0x80 are letters). */
static const struct {
    const char *name;
    unsigned month;
} month_names[] = {
    {"january", 1},   {"february", 2},  {"march", 3},      {"april", 4},      {"may", 5},
    {"june", 6},      {"july", 7},      {"august", 8},     {"september", 9},  {"october", 10},
    {"november", 11}, {"december", 12}, {"januar", 1},     {"februar", 2},    {"m\xc3\xa4rz", 3},
    {"maerz", 3},     {"mai", 5},       {"juni", 6},       {"juli", 7},       {"oktober", 10},
    {"dezember", 12}, {"janvier", 1},   {"f\xc3\xa9" "vrier", 2}, {"fevrier", 2}, {"mars", 3},
    {"avril", 4},     {"juin", 6},      {"juillet", 7},    {"ao\xc3\xbb" "t", 8}, {"aout", 8},
    {"septembre", 9}, {"octobre", 10},  {"novembre", 11},  {"d\xc3\xa9" "cembre", 12}, {"decembre", 12},
    {"enero", 1},     {"febrero", 2},   {"marzo", 3},      {"abril", 4},      {"mayo", 5},
    {"junio", 6},     {"julio", 7},     {"agosto", 8},     {"septiembre", 9}, {"setiembre", 9},
    {"octubre", 10},  {"noviembre", 11}, {"diciembre", 12}, {"gennaio", 1},   {"febbraio", 2},
    {"aprile", 4},    {"maggio", 5},    {"giugno", 6},     {"luglio", 7},     {"settembre", 9},
    {"ottobre", 10},  {"dicembre", 12}, {"januari", 1},    {"februari", 2},   {"maart", 3},
    {"mei", 5},       {"augustus", 8},   {"janeiro", 1},    {"fevereiro", 2},  {"mar\xc3\xa7o", 3},
    {"marco", 3},     {"maio", 5},       {"junho", 6},      {"julho", 7},      {"setembro", 9},
    {"outubro", 10},  {"novembro", 11},  {"dezembro", 12},
    /* Russian (genitive, as dates write them, and nominative), Ukrainian, Polish (genitive), Turkish */
    {"\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8f", 1}, {"\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8f", 2}, {"\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0", 3}, {"\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8f", 4},
    {"\xd0\xbc\xd0\xb0\xd1\x8f", 5}, {"\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8f", 6}, {"\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8f", 7}, {"\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82\xd0\xb0", 8},
    {"\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 9}, {"\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 10}, {"\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 11}, {"\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f", 12},
    {"\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8c", 1}, {"\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8c", 2}, {"\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8c", 4}, {"\xd0\xbc\xd0\xb0\xd0\xb9", 5},
    {"\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8c", 6}, {"\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8c", 7}, {"\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c", 9}, {"\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c", 10},
    {"\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c", 11}, {"\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8c", 12}, {"\xd1\x81\xd1\x96\xd1\x87\xd0\xbd\xd1\x8f", 1}, {"\xd0\xbb\xd1\x8e\xd1\x82\xd0\xbe\xd0\xb3\xd0\xbe", 2},
    {"\xd0\xb1\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb7\xd0\xbd\xd1\x8f", 3}, {"\xd0\xba\xd0\xb2\xd1\x96\xd1\x82\xd0\xbd\xd1\x8f", 4}, {"\xd1\x82\xd1\x80\xd0\xb0\xd0\xb2\xd0\xbd\xd1\x8f", 5}, {"\xd1\x87\xd0\xb5\xd1\x80\xd0\xb2\xd0\xbd\xd1\x8f", 6},
    {"\xd0\xbb\xd0\xb8\xd0\xbf\xd0\xbd\xd1\x8f", 7}, {"\xd1\x81\xd0\xb5\xd1\x80\xd0\xbf\xd0\xbd\xd1\x8f", 8}, {"\xd0\xb2\xd0\xb5\xd1\x80\xd0\xb5\xd1\x81\xd0\xbd\xd1\x8f", 9}, {"\xd0\xb6\xd0\xbe\xd0\xb2\xd1\x82\xd0\xbd\xd1\x8f", 10},
    {"\xd0\xbb\xd0\xb8\xd1\x81\xd1\x82\xd0\xbe\xd0\xbf\xd0\xb0\xd0\xb4\xd0\xb0", 11}, {"\xd0\xb3\xd1\x80\xd1\x83\xd0\xb4\xd0\xbd\xd1\x8f", 12}, {"stycznia", 1}, {"lutego", 2},
    {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6},
    {"lipca", 7}, {"sierpnia", 8}, {"wrze\xc5\x9bnia", 9}, {"wrzesnia", 9},
    {"pa\xc5\xba" "dziernika", 10}, {"pazdziernika", 10}, {"listopada", 11}, {"grudnia", 12},
    {"ocak", 1}, {"\xc5\x9fubat", 2}, {"\xc5\x9eubat", 2}, {"subat", 2},
    {"mart", 3}, {"nisan", 4}, {"may\xc4\xb1s", 5}, {"mayis", 5},
    {"haziran", 6}, {"temmuz", 7}, {"a\xc4\x9fustos", 8}, {"agustos", 8},
    {"eyl\xc3\xbcl", 9}, {"eylul", 9}, {"ekim", 10}, {"kas\xc4\xb1m", 11},
    {"kasim", 11}, {"aral\xc4\xb1k", 12}, {"aralik", 12},
};

static bool month_char(int c) { return is_alpha(c) || c >= 0x80; }

/* 1-12 if w is a month name or an abbreviation of at least 3 bytes. */
static unsigned month_of(struct ls_slice w)
{
    if (w.len < 3) return 0;
    for (size_t i = 0; i < sizeof month_names / sizeof month_names[0]; i++) {
        const char *name = month_names[i].name;
        size_t n = strlen(name);
        size_t k = 0;
        while (k < w.len && k < n && to_lower(ls_slice_at(w, k)) == (unsigned char)name[k]) k++;
        if (k == w.len) return month_names[i].month;
    }
    return 0;
}

/* Number (1-4 digits) starting at i; *end set past it. */
static unsigned number_at(struct ls_slice m, size_t i, size_t *end)
{
    unsigned v = 0;
    size_t k = i;
    while (k < m.len && k - i < 4 && is_digit(ls_slice_at(m, k))) {
        v = v * 10 + (unsigned)(ls_slice_at(m, k) - '0');
        k++;
    }
    *end = k;
    return v;
}

/* "5 January 1980", "January 5, 1980", "Jan 5th 1980", "14-Mar-75" (a
 * two-digit year only with the day first, as Oracle's DD-MON-RR prints
 * dates): the first month word, the day next to it, and the year (the
 * last number). */
static bool loc_dob_words(struct ls_slice m, struct ls_value *out)
{
    size_t w = 0, wend = 0;
    unsigned mon = 0;
    while (!mon && w < m.len) {
        w = find_if(m, wend, month_char);
        for (wend = w; wend < m.len && month_char(ls_slice_at(m, wend));) wend++;
        mon = month_of(sub(m, w, wend - w));
    }
    if (!mon) return false;
    size_t yend = m.len;
    while (yend > wend && !is_digit(ls_slice_at(m, yend - 1))) yend--;
    size_t ystart = yend;
    while (ystart > wend && is_digit(ls_slice_at(m, ystart - 1))) ystart--;
    size_t e, start = w;
    unsigned year = number_at(m, ystart, &e), day = 0;
    if (yend - ystart != 4 && yend - ystart != 2) return false;
    if (yend - ystart == 2) year += year < 30 ? 2000 : 1900; /* "14-Mar-75", as date_shape_ok() */
    size_t before = w;
    while (before > 0 && (ls_slice_at(m, before - 1) == ' ' || ls_slice_at(m, before - 1) == '-' ||
                          (ls_slice_at(m, before - 1) == '.' && before >= 2 && is_digit(ls_slice_at(m, before - 2)))))
        before--; /* "14 March", "14-Mar", "14. M\xc3\xa4rz" */
    if (before >= 3 && ls_slice_at(m, before - 3) == ' ' &&
        (slice_has_nocase(sub(m, before - 2, 2), "of") || slice_has_nocase(sub(m, before - 2, 2), "de")))
        before -= 3; /* "14th of March", "14 de marzo" */
    while (before > 0 && ls_slice_at(m, before - 1) == ' ') before--;
    if (before >= 3 && is_alpha(ls_slice_at(m, before - 1)) && is_alpha(ls_slice_at(m, before - 2)) &&
        is_digit(ls_slice_at(m, before - 3)))
        before -= 2; /* 14th March */
    if (before > 0 && is_digit(ls_slice_at(m, before - 1))) { /* day first */
        start = before;
        while (start > 0 && is_digit(ls_slice_at(m, start - 1))) start--;
        day = number_at(m, start, &e);
    } else {
        if (yend - ystart == 2) return false; /* "Jan 5, 75": a two-digit year only after the day first */
        size_t d = find_if(m, wend, is_digit);
        day = number_at(m, d, &e);
        if (find_if(m, e, is_digit) != ystart) return false; /* day then year */
    }
    out->off = start;
    out->len = yend - start;
    if (!date_valid(year, mon, day)) return false;
    out->date = year * 10000 + mon * 100 + day;
    return true;
}

#define KANJI_YEAR "\xe5\xb9\xb4"
#define KANJI_MONTH "\xe6\x9c\x88"
#define KANJI_DAY "\xe6\x97\xa5"

/* "1975\xe5\xb9\xb43\xe6\x9c\x883\xe6\x97\xa5" (year, month and day kanji), or an era year: Showa 1-64
 * (1926-1989: 1925 + n), Heisei 1-31 (1989-2019: 1988 + n; year one also
 * written gannen, \xe5\x85\x83). The value runs from the year (or the era name) to the day kanji. */
static bool loc_dob_kanji(struct ls_slice m, struct ls_value *out)
{
    static const struct {
        const char *name;
        unsigned base, last;
    } eras[] = {{"\xe6\x98\xad\xe5\x92\x8c", 1925, 64}, {"\xe5\xb9\xb3\xe6\x88\x90", 1988, 31}};
    size_t ky = ls_slice_find(m, 0, KANJI_YEAR, 3);
    while (ky != SIZE_MAX && ky > 0 && !is_digit(ls_slice_at(m, ky - 1)) &&
           !(ky >= 3 && ls_slice_starts(sub(m, ky - 3, 3), "\xe5\x85\x83", 3)))
        ky = ls_slice_find(m, ky + 3, KANJI_YEAR, 3); /* the year kanji of the label seinengappi */
    if (ky == SIZE_MAX || ky == 0) return false;
    size_t ys = ky;
    while (ys > 0 && is_digit(ls_slice_at(m, ys - 1))) ys--;
    unsigned y = 0, mo, d;
    size_t e, start = ys;
    if (ky - ys == 0 && ky >= 3 && ls_slice_starts(sub(m, ky - 3, 3), "\xe5\x85\x83", 3)) {
        ys = ky - 3; /* gannen: the era's first year */
        y = 1;
    } else if (ky - ys >= 1 && ky - ys <= 4) {
        y = number_at(m, ys, &e);
    } else {
        return false;
    }
    start = ys;
    if (ky - ys != 4) { /* an era year: its name right before */
        bool era = false;
        for (size_t i = 0; i < sizeof eras / sizeof eras[0]; i++) {
            if (ys >= 6 && ls_slice_starts(sub(m, ys - 6, 6), eras[i].name, 6) && y >= 1 && y <= eras[i].last) {
                y += eras[i].base;
                start = ys - 6;
                era = true;
                break;
            }
        }
        if (!era) return false;
    }
    size_t p = ky + 3;
    mo = number_at(m, p, &e);
    if (e == p || !ls_slice_starts(sub(m, e, m.len - e), KANJI_MONTH, 3)) return false;
    p = e + 3;
    d = number_at(m, p, &e);
    if (e == p || !ls_slice_starts(sub(m, e, m.len - e), KANJI_DAY, 3)) return false;
    out->off = start;
    out->len = e + 3 - start;
    if (!date_valid(y, mo, d)) return false;
    out->date = y * 10000 + mo * 100 + d;
    return true;
}

#define HANGUL_YEAR "\xeb\x85\x84"
#define HANGUL_MONTH "\xec\x9b\x94"
#define HANGUL_DAY "\xec\x9d\xbc"

/* Korean "1975\xeb\x85\x84 3\xec\x9b\x94 14\xec\x9d\xbc" (year, month and day syllables, a blank after
 * each or not): the first year syllable right after four digits (not the
 * label saengnyeonworil's); the value runs from the year to the day syllable. */
static bool loc_dob_hangul(struct ls_slice m, struct ls_value *out)
{
    size_t ky = ls_slice_find(m, 0, HANGUL_YEAR, 3);
    while (ky != SIZE_MAX && !(ky >= 4 && is_digit(ls_slice_at(m, ky - 1))))
        ky = ls_slice_find(m, ky + 3, HANGUL_YEAR, 3);
    if (ky == SIZE_MAX) return false;
    size_t ys = ky, e;
    while (ys > 0 && is_digit(ls_slice_at(m, ys - 1))) ys--;
    if (ky - ys != 4) return false;
    unsigned y = number_at(m, ys, &e);
    size_t p = ky + 3;
    if (ls_slice_at(m, p) == ' ') p++;
    unsigned mo = number_at(m, p, &e);
    if (e == p || !ls_slice_starts(sub(m, e, m.len - e), HANGUL_MONTH, 3)) return false;
    p = e + 3;
    if (ls_slice_at(m, p) == ' ') p++;
    unsigned d = number_at(m, p, &e);
    if (e == p || !ls_slice_starts(sub(m, e, m.len - e), HANGUL_DAY, 3)) return false;
    out->off = ys;
    out->len = e + 3 - ys;
    if (!date_valid(y, mo, d)) return false;
    out->date = y * 10000 + mo * 100 + d;
    return true;
}

static bool loc_dob(struct ls_slice m, struct ls_value *out)
{
    out->date = 0;
    if (loc_dob_kanji(m, out)) return true;
    if (loc_dob_hangul(m, out)) return true;
    if (loc_dob_words(m, out)) return true;
    size_t off, len;
    if (!last_token(m, dob_char, &off, &len)) return false;
    /* "14. 3. 1975": Czech, Slovak, Polish and German forms put a blank after each dot */
    for (int k = 0; k < 2 && off >= 3 && ls_slice_at(m, off - 1) == ' ' && ls_slice_at(m, off - 2) == '.' &&
                    is_digit(ls_slice_at(m, off - 3));
         k++) {
        size_t b = off - 2;
        while (b > 0 && is_digit(ls_slice_at(m, b - 1))) b--;
        len += off - b;
        off = b;
    }
    size_t first = find_if(m, off, is_digit), end = off + len;
    while (end > first && !is_digit(ls_slice_at(m, end - 1))) end--; /* "14.03.1975." */
    if (first >= end) return false;
    out->off = first;
    out->len = end - first;
    return date_shape_ok(sub(m, out->off, out->len), sub(m, 0, out->off), &out->date);
}

/* ---- secrets -------------------------------------------------------------- */

static const char *const aws_prefixes[] = {"AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA",
                                           "AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA"};

static bool base32_upper(int c) { return is_upper(c) || (c >= '2' && c <= '7'); }

bool ls_valid_aws_key_id(struct ls_slice v)
{
    if (v.len != 20) return false;
    bool pfx = false;
    for (size_t i = 0; i < sizeof aws_prefixes / sizeof aws_prefixes[0]; i++)
        if (ls_slice_starts(v, aws_prefixes[i], 4)) pfx = true;
    if (!pfx) return false;
    for (size_t i = 4; i < 20; i++)
        if (!base32_upper(ls_slice_at(v, i))) return false;
    if (slice_has(v, "EXAMPLE")) return false; /* AWS documentation keys */
    return !repeated(sub(v, 4, 16));
}

static bool loc_aws_key(struct ls_slice m, struct ls_value *out)
{
    size_t start = find_if(m, 0, is_upper);
    out->off = start;
    out->len = 20;
    return ls_valid_aws_key_id(sub(m, start, 20));
}

static bool secret40_char(int c) { return is_alnum(c) || c == '/' || c == '+'; }

/* Documentation values and fake runs that real keys do not contain: the
 * AWS, Stripe and jwt.io examples, "not-a-real", "abcdefgh", "12345678". */
static bool documented_fake(struct ls_slice v)
{
    static const char *const fakes[] = {"example", "4eC39HqLyjWDarjtT1zdp7dc",
                                        "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "not-a-real",
                                        "notarealtoken", "abcdefgh", "12345678", "xxxxxxxx",
                                        "3ax6xnjp29jd6fds4gc373sgvjxteol0",
                                        /* RFC 6749 and PyJWT documentation values */
                                        "czZCaGRSa3F0MzpnWDFmQmF0M2JW", "2YotnFZFEjr1zCsicMWpAA",
                                        "tGzv3JOkF0XG5Qx2TlKWIA", "4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg",
                                        /* the Google Cloud SDK's own OAuth client secret, public, in every
                                         * gcloud user's application_default_credentials.json */
                                        "d-FL95Q19q7MQmFpd7hHD0Ty",
                                        /* the Azure Storage Emulator's (Azurite's) published account key,
                                         * in every Azure SDK's constants and development configs */
                                        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq"};
    for (size_t i = 0; i < sizeof fakes / sizeof fakes[0]; i++)
        if (slice_has_nocase(v, fakes[i])) return true;
    return false;
}

/* A secret of mixed classes: upper, lower and digits all present. */
static bool looks_random(struct ls_slice v)
{
    return count_class(v, is_upper) > 0 && count_class(v, is_lower) > 0 &&
           count_class(v, is_digit) > 0 && !slice_has_nocase(v, "example");
}

/* aws_secret_access_key = X, or the key id's row (AKIA...,X): the 40
 * characters at the end of the match. */
static bool loc_aws_secret(struct ls_slice m, struct ls_value *out)
{
    if (!last_token(m, secret40_char, &out->off, &out->len)) return false;
    return out->len == 40 && looks_random(sub(m, out->off, out->len));
}

static bool is_hex_lower(int c) { return is_digit(c) || (c >= 'a' && c <= 'f'); }
static bool is_hex_upper(int c) { return is_digit(c) || (c >= 'A' && c <= 'F'); }

static bool loc_gcp_key(struct ls_slice m, struct ls_value *out)
{
    if (!last_token(m, is_hex_lower, &out->off, &out->len)) return false;
    struct ls_slice v = sub(m, out->off, out->len);
    return v.len == 40 && !repeated(v) && count_class(v, is_digit) > 0;
}

static bool token_char(int c) { return is_alnum(c) || c == '_' || c == '-'; }
static bool is_dot(int c) { return c == '.'; }
static bool is_dollar(int c) { return c == '$'; }

static bool token_url_char(int c)
{
    return token_char(c) || c == '.' || c == '/' || c == ':' || c == '~' || c == '=' || c == '$' || c == '+';
}

/* The random part must be long and not a placeholder, with a digit or
 * (letters-only tokens such as hf_) at least 30 characters of mixed case. */
static bool token_value_ok(struct ls_slice v)
{
    if (v.len < 16 || documented_fake(v)) return false;
    bool mixed = count_class(v, is_upper) > 2 && count_class(v, is_lower) > 2 && v.len >= 30;
    return (count_class(v, is_digit) > 0 || mixed) && count_class(v, is_alpha) > 8;
}

/* Provider tokens (ghp_, glpat-, xoxb-, sk_live_, SG.x.y, 123:AA..., the
 * hooks.slack.com URL ...): the rule pins the prefix and the shape, so the
 * value is the match from its first letter or digit over token characters,
 * '.', '/', ':', '~', '=', '$' (Atlassian's =CRC, Braintree's
 * access_token$production$...) and '+' (base64 bodies: Stripe's whsec_,
 * Grafana Cloud's glc_, 1Password's ops_), without trailing punctuation. */
static bool mailchimp_ok(struct ls_slice v);

static bool loc_token(struct ls_slice m, struct ls_value *out)
{
    size_t start = find_if(m, 0, is_alnum);
    size_t end = start;
    while (end < m.len && token_url_char(ls_slice_at(m, end))) end++;
    while (end > start && !token_char(ls_slice_at(m, end - 1))) end--;
    out->off = start;
    out->len = end - start;
    struct ls_slice v = sub(m, start, end - start);
    if (v.len >= 35 && v.len <= 37 && ls_slice_at(v, 32) == '-' && ls_slice_starts(sub(v, 33, v.len - 33), "us", 2))
        return mailchimp_ok(v); /* hex: fewer than 9 letters is no placeholder */
    return token_value_ok(v);
}

static bool hex_char(int c) { return is_hex(c); }

/* Mailgun key-: base36, so 32 hex digits after "key-" are a hash with a
 * prefix (cache keys, React keys), not a key. */
static bool loc_mailgun(struct ls_slice m, struct ls_value *out)
{
    if (!loc_token(m, out)) return false;
    struct ls_slice v = sub(m, out->off, out->len);
    return count_class(sub(v, 4, v.len > 4 ? v.len - 4 : 0), hex_char) != (v.len > 4 ? v.len - 4 : 0);
}

/* Mailchimp: 32 hex digits, "-us" and the data centre number; the hex part
 * must have digits and letters and not be one repeated character. */
static bool mailchimp_ok(struct ls_slice v)
{
    struct ls_slice h = sub(v, 0, 32);
    return count_class(h, hex_char) == 32 && count_class(h, is_digit) >= 2 && count_class(h, is_alpha) >= 2 &&
           !repeated(h) && !documented_fake(h) && count_class(sub(v, 35, v.len - 35), is_digit) == v.len - 35;
}

/* Hex keys: ASP.NET validationKey="..." and Twilio SK + 32 hex. The value
 * is the last run of letters and digits; past an SK prefix it is hex, 32+
 * digits long, with digits and letters, not one repeated character. */
static bool loc_hex_key(struct ls_slice m, struct ls_value *out)
{
    if (!last_token(m, is_alnum, &out->off, &out->len)) return false;
    struct ls_slice v = sub(m, out->off, out->len);
    struct ls_slice h = ls_slice_starts(v, "SK", 2) ? sub(v, 2, v.len - 2) : v;
    if (h.len < 32 || count_class(h, hex_char) != h.len || repeated(h)) return false;
    return count_class(h, is_digit) >= 2 && count_class(h, is_alpha) >= 2 && !documented_fake(h);
}

static bool ident_char(int c) { return is_alpha(c) || c == '_' || c == '.'; }

static bool token_assignment_char(int c)
{
    return is_alpha(c) || is_digit(c) || c == '_' || c == '+' || c == '/' || c == '.' || c == '=' ||
           c == '-' || c == '~';
}

static bool is_quote(int c) { return c == '"' || c == '\''; }

/* Start of the value after the first ':' or '=' at or after from (then
 * '>' of '=>', '=' of ':=', blanks, quotes, backslashes). *quoted tells
 * whether a quote was skipped. SIZE_MAX if there is no separator. */
static size_t value_start(struct ls_slice m, size_t from, bool *quoted)
{
    size_t eq = ls_slice_find(m, from, "=", 1), colon = ls_slice_find(m, from, ":", 1);
    size_t sep = eq < colon ? eq : colon;
    *quoted = false;
    if (sep == SIZE_MAX) return SIZE_MAX;
    size_t start = sep + 1;
    if (ls_slice_at(m, start) == '>' || (ls_slice_at(m, sep) == ':' && ls_slice_at(m, start) == '='))
        start++;
    for (int c = ls_slice_at(m, start); is_space(c) || is_quote(c) || c == '\\'; c = ls_slice_at(m, ++start))
        if (is_quote(c)) *quoted = true;
    /* a YAML block scalar (password: |, api_key: >-): the value is on the next line, indented */
    int b = ls_slice_at(m, start);
    if (!*quoted && start > sep + 1 && (b == '|' || b == '>')) {
        size_t i = start + 1;
        if (ls_slice_at(m, i) == '-' || ls_slice_at(m, i) == '+') i++;
        while (ls_slice_at(m, i) == ' ' || ls_slice_at(m, i) == '\t') i++;
        if (ls_slice_at(m, i) == '\r') i++;
        if (i < m.len && ls_slice_at(m, i) == '\n') {
            start = i + 1;
            while (ls_slice_at(m, start) == ' ' || ls_slice_at(m, start) == '\t') start++;
        }
    }
    return start;
}

static bool generic_secret_ok(struct ls_slice v)
{
    if (v.len < 16 || repeated(v) || documented_fake(v)) return false;
    static const char *const not_secret[] = {"your", "placeholder", "changeme", "dummy", "sample",
                                             "process.env", "environ", "settings.", "config.", "api_key",
                                             "apikey", "secret_key", "token_here", "insert", "replace",
                                             "redacted", "0000000000", "getenv", "vault:"};
    for (size_t i = 0; i < sizeof not_secret / sizeof not_secret[0]; i++)
        if (slice_has_nocase(v, not_secret[i])) return false;
    size_t digits = count_class(v, is_digit), alpha = count_class(v, is_alpha);
    bool mixed = count_class(v, is_upper) > 2 && count_class(v, is_lower) > 2 && v.len >= 30;
    return alpha >= 4 && (digits >= 2 || mixed);
}

/* api_key = "value", "client_secret": "value", APP_KEY=base64:value: the
 * value after the first ':' or '=' and its quotes, without a "base64:"
 * prefix. A secret has 16+ characters, letters and at least two digits (or
 * 30+ in mixed case: base64 keys); placeholders (your_api_key_here, xxxx,
 * ${VAR}), code (process.env.X, os.environ, settings.X) and example values
 * are not. */
static bool loc_token_assignment(struct ls_slice m, struct ls_value *out)
{
    bool quoted;
    size_t start = value_start(m, 0, &quoted);
    if (start == SIZE_MAX) return false;
    if (m.len - start > 7 && slice_has_nocase(sub(m, start, 7), "base64:")) start += 7;
    size_t end = start;
    while (end < m.len && token_assignment_char(ls_slice_at(m, end))) end++;
    bool call = ls_slice_at(m, end) == '('; /* the rule keeps a '(' or ';' after the value */
    while (end > start && ls_slice_at(m, end - 1) == '.') end--;
    out->off = start;
    out->len = end - start;
    struct ls_slice v = sub(m, start, end - start);
    /* a call: secret_key = ECMA376Agile.makekey_from_password(...) */
    if (call && count_class(v, ident_char) + count_class(v, is_digit) == v.len) return false;
    /* a TypeScript member, "apiKey: SensitiveString2048;": a capitalised
     * type name, unquoted, after ':' and ended by ';' (client_secret:
     * SessionCreateResponse.ClientSecret;) */
    if (!quoted && ls_slice_at(m, end) == ';' && is_upper(ls_slice_at(v, 0)) &&
        count_class(v, token_char) + count_class(v, is_dot) == v.len && start > 0) {
        size_t b = start;
        while (b > 0 && is_space(ls_slice_at(m, b - 1))) b--;
        if (b > 0 && ls_slice_at(m, b - 1) == ':') return false;
    }
    return generic_secret_ok(v);
}

/* Kubernetes/ECS "name: X_TOKEN / value: ...": the value after "value". */
static bool loc_after_value_key(struct ls_slice m, struct ls_value *out,
                                bool (*loc)(struct ls_slice, struct ls_value *))
{
    size_t at = SIZE_MAX;
    for (size_t i = ls_slice_find(m, 0, "value", 5); i != SIZE_MAX; i = ls_slice_find(m, i + 1, "value", 5))
        at = i;
    if (at == SIZE_MAX) return false;
    struct ls_slice rest = sub(m, at, m.len - at);
    if (!loc(rest, out)) return false;
    out->off += at;
    return true;
}

static bool loc_env_token(struct ls_slice m, struct ls_value *out)
{
    return loc_after_value_key(m, out, loc_token_assignment);
}

/* Authorization: Bearer X (opaque tokens; a JWT is the jwt rule's). */
static bool loc_bearer(struct ls_slice m, struct ls_value *out)
{
    size_t start, b = ls_slice_find(m, 0, "Bearer", 6);
    if (b != SIZE_MAX) start = b + 6;
    else if ((b = ls_slice_find(m, 0, "SSWS", 4)) != SIZE_MAX) start = b + 4; /* Okta's scheme */
    else if ((b = ls_slice_find(m, 0, "Token", 5)) != SIZE_MAX || (b = ls_slice_find(m, 0, "token", 5)) != SIZE_MAX)
        start = b + 5; /* Django REST framework, GitHub: "Authorization: Token ..." */
    else return false;
    while (start < m.len && is_space(ls_slice_at(m, start))) start++;
    size_t end = start;
    while (end < m.len && (token_assignment_char(ls_slice_at(m, end)))) end++;
    out->off = start;
    out->len = end - start;
    struct ls_slice v = sub(m, start, end - start);
    if (ls_slice_starts(v, "eyJ", 3)) return false;
    return v.len >= 20 && generic_secret_ok(v) && count_class(v, is_alpha) > 8;
}

/* Azure SAS: the signature after the last "sig=". */
static bool loc_sas(struct ls_slice m, struct ls_value *out)
{
    size_t at = SIZE_MAX;
    for (size_t i = ls_slice_find(m, 0, "sig=", 4); i != SIZE_MAX; i = ls_slice_find(m, i + 1, "sig=", 4))
        at = i;
    if (at == SIZE_MAX) return false;
    out->off = at + 4;
    out->len = m.len - out->off;
    return out->len >= 40 && looks_random(sub(m, out->off, out->len)) && !documented_fake(sub(m, out->off, out->len));
}

static bool azure_char(int c) { return token_char(c) || c == '~' || c == '.'; }

/* Entra ID client secret: 3 characters, a digit, "Q~", 31-34 more, over
 * letters, digits and _ ~ . - (trailing '.' and '~' included). */
static bool loc_azure_secret(struct ls_slice m, struct ls_value *out)
{
    size_t q = ls_slice_find(m, 0, "Q~", 2);
    if (q == SIZE_MAX || q < 4 || !is_digit(ls_slice_at(m, q - 1))) return false;
    size_t end = q + 2;
    while (end < m.len && azure_char(ls_slice_at(m, end))) end++;
    out->off = q - 4;
    out->len = end - out->off;
    struct ls_slice v = sub(m, out->off, out->len);
    return v.len >= 37 && v.len <= 40 && !documented_fake(v) && count_class(v, is_alpha) > 8;
}

static bool discord_char(int c) { return token_char(c) || c == '.'; }
static bool discord_snowflake(struct ls_slice seg);
static bool discord_named(struct ls_slice m);

/* Discord: a webhook URL (token rules), or the bot token id.ts.hmac at the
 * end of the match: three segments. */
static bool loc_discord(struct ls_slice m, struct ls_value *out)
{
    if (slice_has(m, "https://")) return loc_token(m, out);
    if (!last_token(m, discord_char, &out->off, &out->len)) return false;
    struct ls_slice v = sub(m, out->off, out->len);
    size_t d1 = ls_slice_find(v, 0, ".", 1);
    size_t d2 = d1 == SIZE_MAX ? SIZE_MAX : ls_slice_find(v, d1 + 1, ".", 1);
    if (d2 == SIZE_MAX || ls_slice_find(v, d2 + 1, ".", 1) != SIZE_MAX) return false;
    if (!discord_named(m) && !discord_snowflake(sub(v, 0, d1))) return false; /* a bare token */
    return token_value_ok(v);
}

static bool uuid_char(int c) { return is_hex(c) || c == '-'; }

/* Heroku: HRKU-AA... (token rules) or a legacy UUID after a heroku name. */
static bool loc_uuid_or_token(struct ls_slice m, struct ls_value *out)
{
    if (slice_has(m, "HRKU-")) return loc_token(m, out);
    if (!last_token(m, uuid_char, &out->off, &out->len)) return false;
    struct ls_slice v = sub(m, out->off, out->len);
    return v.len == 36 && count_class(v, is_digit) >= 4 && !documented_fake(v) &&
           !repeated(sub(v, 0, 8));
}

static int b64url_val(int c)
{
    if (is_upper(c)) return c - 'A';
    if (is_lower(c)) return c - 'a' + 26;
    if (is_digit(c)) return c - '0' + 52;
    if (c == '-' || c == '+') return 62;
    if (c == '_' || c == '/') return 63;
    return -1;
}

/* Decode up to max bytes of base64url segment s into out; returns count. */
static size_t b64url_decode(struct ls_slice s, char *out, size_t max)
{
    size_t n = 0;
    unsigned acc = 0, bits = 0;
    for (size_t i = 0; i < s.len && n < max; i++) {
        int v = b64url_val(ls_slice_at(s, i));
        if (v < 0) break;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (char)((acc >> bits) & 0xffu);
        }
    }
    return n;
}

/* header.payload.signature; the header decodes to JSON naming "alg"; the
 * jwt.io sample's signature is documentation. */
static bool loc_jwt(struct ls_slice m, struct ls_value *out)
{
    size_t start = ls_slice_find(m, 0, "eyJ", 3);
    if (start == SIZE_MAX) return false;
    size_t end = start, dots = 0;
    while (end < m.len && (is_b64url(ls_slice_at(m, end)) || ls_slice_at(m, end) == '.')) {
        if (ls_slice_at(m, end) == '.') dots++;
        end++;
    }
    if (dots != 2 || ls_slice_at(m, end - 1) == '.') return false;
    size_t dot = ls_slice_find(m, start, ".", 1);
    char hdr[192];
    size_t n = b64url_decode(sub(m, start, dot - start), hdr, sizeof hdr);
    out->off = start;
    out->len = end - start;
    if (documented_fake(sub(m, dot, end - dot))) return false; /* jwt.io, PyJWT samples */
    return n > 8 && hdr[0] == '{' && slice_has(ls_slice_make(hdr, n), "\"alg\"");
}

static const char *const password_placeholders[] = {
    "password", "passwd", "********", "xxxxxxxx", "changeit", "<password>", "your_password",
    "yourpassword", "null", "none", "true", "false", "secret", "redacted", "example", "placeholder",
    "pass", "pwd", "user", "username", "required", "optional", "string", "undefined",
    "sample", "nopassword", "empty", "changeme", "change_me", "changethis", "replaceme",
    "replace_me", "tbd", "todo", "fixme", "dummy", "value", "mypassword", "my_password", "nil",
    "hidden", "masked", "default", "test", "...", "name", "options", "credentials", "something", "tiger",
    "guest", /* RabbitMQ's documented default account, amqp://guest:guest@localhost */
    /* button and field captions of HTML forms (<input name="password" value="Search">) */
    "search", "reset", "login", "logon", "signin", "submit", "cancel", "apply", "continue",
    /* the other input type of a form's code (type = isPassword ? "password" : "text"), and type names */
    "text", "number", "boolean", "function",
};

/* Template text: your_password_here, <your-db-password>, enter_password ... */
static bool is_word_sep(int c) { return c == '_' || c == '-'; }

static const char *const password_template_prefixes[] = {
    "your_", "your-", "yourpass", "enter_", "enter-", "insert_", "insert-", "replace_", "replace-",
    "replacewith", "put_your", "put-your", "putyour", "fill_in", "fill-in", "fillme", "set_me", "setme",
};

/* Code and template references, not values: self.pw, os.environ[...] ... */
static const char *const password_code_prefixes[] = {
    "self.", "this.", "os.", "process.env", "config.", "settings.", "env.", "args.", "options.",
    "params.", "request.", "!vault", "getenv", "0x",
};

static bool password_char(int c)
{
    return c > 0x20 && c != '"' && c != '\'' && c != ';' && c != ',' && c != '<' && c != '>' &&
           c != '\\' && c != 0x7f;
}

static bool is_slash(int c) { return c == '/'; }

static bool code_punct(int c)
{
    return c == ')' || c == ']' || c == '}' || c == ':' || c == '`' || c == '(' || c == '.';
}

/* "&amp" "&lt" "&gt" "&quot" "&apos" or "&#" digits/x: an entity reference
 * (the value stops at ';', so the ';' itself is not required). */
static bool has_html_entity(struct ls_slice v)
{
    static const char *const names[] = {"&amp", "&lt", "&gt", "&quot", "&apos"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t at = ls_slice_find(v, 0, names[i], strlen(names[i]));
        if (at != SIZE_MAX && !is_alnum(ls_slice_at(v, at + strlen(names[i])))) return true;
    }
    for (size_t at = ls_slice_find(v, 0, "&#", 2); at != SIZE_MAX; at = ls_slice_find(v, at + 2, "&#", 2)) {
        int c = ls_slice_at(v, at + 2);
        if (is_digit(c) || c == 'x' || c == 'X') return true;
    }
    return false;
}

/* Code, not a value: an identifier closed by a bracket or backtick
 * (password=None), cfg(x)]), or bracket pairs ("t})})}var"). */
static bool password_code(struct ls_slice v)
{
    size_t end = v.len;
    bool closer = false;
    while (end > 0 && code_punct(ls_slice_at(v, end - 1))) {
        int c = ls_slice_at(v, end - 1);
        if (c == ')' || c == ']' || c == '}' || c == '`') closer = true;
        end--;
    }
    struct ls_slice b = sub(v, 0, end);
    int last = ls_slice_at(v, v.len - 1);
    if ((last == '(' || last == '[') && (is_alpha(ls_slice_at(v, 0)) || ls_slice_at(v, 0) == '_'))
        return true; /* config['password'], f(x) cut at the quote */
    size_t br = ls_slice_find(v, 0, "[", 1);
    if (br != SIZE_MAX && br > 0 && ls_slice_at(v, v.len - 1) == ']' &&
        (is_alpha(ls_slice_at(v, 0)) || ls_slice_at(v, 0) == '_'))
        return true; /* Optional[str], List[int], _auth$split2[1] */
    if (ls_slice_at(v, 0) == '!' && count_class(v, is_alpha) + 1 == v.len)
        return true; /* YAML tags: !Ref, !Sub, !ENV, !secret */
    if (closer && end > 0 && is_alpha(ls_slice_at(v, 0)) &&
        count_class(b, ident_char) + count_class(b, is_digit) == end)
        return true;
    /* minified JavaScript: password:t.password??null, {password:n}=await h.send(...) */
    if (slice_has(v, "??") || slice_has(v, "?.") || slice_has(v, "}=")) return true;
    return slice_has(v, "})") || slice_has(v, ")}") || slice_has(v, "()") || slice_has(v, "){");
}

/* A package's version or version range: "^2.1.22", "~1.0.5", ">=3.0.0",
 * "1.0.5-beta.2" (a dependency named after passwords in a package.json or
 * a lock file). */
static bool version_range(struct ls_slice v)
{
    size_t i = 0;
    while (i < v.len && (ls_slice_at(v, i) == '^' || ls_slice_at(v, i) == '~' || ls_slice_at(v, i) == '>' ||
                         ls_slice_at(v, i) == '=' || ls_slice_at(v, i) == 'v'))
        i++;
    for (int part = 0; part < 3; part++) {
        size_t d = i;
        while (i < v.len && is_digit(ls_slice_at(v, i))) i++;
        if (i == d || i - d > 6) return false;
        if (part < 2 && ls_slice_at(v, i++) != '.') return false;
    }
    if (i == v.len || ls_slice_at(v, i) == '(') return true; /* pnpm: 5.0.2(@types/node@25.0.1) */
    int c = ls_slice_at(v, i);
    return (c == '-' || c == '+') && count_class(sub(v, i + 1, v.len - i - 1), is_alnum) +
                                             count_class(sub(v, i + 1, v.len - i - 1), is_dot) ==
                                         v.len - i - 1;
}

/* Base64 that begins with '/' (an encrypted password as Group Policy
 * Preferences' cpassword, FileZilla, Jenkins write it: one in 64 starts so),
 * not a path: 24+ characters of the base64 alphabet, both cases and three
 * digits or more, at most two '/'. */
static bool slash_base64(struct ls_slice v)
{
    size_t slashes = 0;
    for (size_t i = 0; i < v.len; i++) slashes += ls_slice_at(v, i) == '/';
    return v.len >= 24 && count_class(v, is_b64) == v.len && slashes <= 2 && count_class(v, is_upper) > 0 &&
           count_class(v, is_lower) > 0 && count_class(v, is_digit) >= 3;
}

static bool password_plausible(struct ls_slice v)
{
    if (v.len < 4 || v.len > 200 || repeated(v) || count_class(v, is_alnum) == 0) return false;
    int c0 = ls_slice_at(v, 0);
    if (c0 == '/' && slash_base64(v)) c0 = 'A';
    if (c0 == '$' || c0 == '%' || c0 == '{' || c0 == '(' || c0 == '[' || c0 == '/' || c0 == '~' ||
        c0 == '`' || c0 == '=' || c0 == '@' || c0 == ')')
        return false; /* ${VAR} %s {{x}} /path `cmd` (PWD=, NOPASSWD:, :=x) */
    size_t ie = v.len;
    while (ie > 1 && code_punct(ls_slice_at(v, ie - 1))) ie--;
    if ((c0 == '&' || c0 == '*' || c0 == ':') && count_class(sub(v, 1, ie - 1), ident_char) == ie - 1)
        return false; /* &str, &str), *const, :py */
    if (c0 == ':' && slice_has(v, "`")) return false; /* :py:data:`bytes` */
    for (size_t i = 0; i < sizeof password_placeholders / sizeof password_placeholders[0]; i++) {
        size_t n = strlen(password_placeholders[i]);
        if (v.len == n && slice_has_nocase(v, password_placeholders[i])) return false;
    }
    for (size_t i = 0; i < sizeof password_code_prefixes / sizeof password_code_prefixes[0]; i++) {
        const char *p = password_code_prefixes[i];
        if (ls_slice_starts(v, p, strlen(p))) return false;
    }
    for (size_t i = 0; i < sizeof password_template_prefixes / sizeof password_template_prefixes[0]; i++) {
        const char *p = password_template_prefixes[i];
        size_t n = strlen(p);
        if (v.len >= n && slice_has_nocase(sub(v, 0, n), p)) return false;
    }
    size_t paren = ls_slice_find(v, 0, "(", 1);
    size_t callee = paren != SIZE_MAX && paren > 0 && ls_slice_at(v, paren - 1) == '!' ? paren - 1 : paren;
    if (paren != SIZE_MAX && callee >= 2 && (is_alpha(c0) || c0 == '_') &&
        count_class(sub(v, 0, callee), ident_char) + count_class(sub(v, 0, callee), is_digit) +
                count_class(sub(v, 0, callee), is_dollar) ==
            callee)
        return false; /* getPassword(), strdup(x, base64.b16encode(x), utils$1.getSafeProp(auth, write!(f, */
    if (count_class(v, is_alpha) == v.len &&
        (slice_has_nocase(v, "passw") || slice_has_nocase(sub(v, v.len - 4, 4), "pass")))
        return false; /* "challengePassword", "newPassword", "proxypass": an identifier */
    if (count_class(v, is_alpha) + count_class(v, is_word_sep) + count_class(v, is_slash) == v.len &&
        slice_has_nocase(v, "passw"))
        return false; /* "REAL_PASSWORD_HERE", "db-password", "auth/wrong-password": a name, template or error code */
    if (!ls_utf8_valid(v)) return false; /* binary around a key word (.pyc, .so) */
    if (ls_slice_starts(v, "arn:", 4)) return false; /* an AWS resource name ("IAMUserChangePassword": "arn:...") */
    if (slice_has_nocase(v, "example")) return false; /* documentation: examplePa$$w0rd, EXAMPLE-PASSWORD */
    if (slice_has_nocase(v, "placeholder")) return false; /* API docs: 'passphrase': 'placeholder-value' */
    if (version_range(v)) return false; /* "@inquirer/password": "^2.1.22", "pgpass": "1.0.5" of a package.json */
    if (ls_slice_starts(v, "www.", 4) || ls_slice_starts(v, "http://", 7) || ls_slice_starts(v, "https://", 8))
        return false; /* a host or URL ("user@password:www.google.com/" of an API's docs) */
    /* raw HTML/XML: the entity-escaped form; the extracted text has the value */
    if (has_html_entity(v) || password_code(v)) return false;
    return !slice_has(v, "****");
}

/* A value made of letters only is prose when another word follows it
 * inside the same string ("Password": "Show password", "Password: Enter
 * your ..."), or when unquoted and short; letters with '_' or '.' unquoted
 * is a code identifier ("BAD_PASSWORD = SEC_ERROR_BASE"). */
static bool password_prose(struct ls_slice v, bool quoted, bool word_follows)
{
    if (count_class(v, ident_char) != v.len) return false;
    if (count_class(v, is_alpha) != v.len) return !quoted;
    return word_follows || (!quoted && v.len < 8);
}

/* key = value, key: value, key="value", 'key' => 'value', <key>value</key>:
 * the value follows the first '=', ':' or '>'. */
static bool loc_password_call(struct ls_slice m, struct ls_value *out);

static bool key_char(int c) { return is_alnum(c) || c == '_'; }

/* The value starts with the name it is assigned to (password = password or
 * ..., ownerPassword=ownerPassword@entry=0x...): code or a debugger dump. */
static bool key_prefix(struct ls_slice m, size_t start, struct ls_slice v)
{
    size_t e = start;
    while (e > 0 && !key_char(ls_slice_at(m, e - 1))) e--;
    size_t b = e;
    while (b > 0 && key_char(ls_slice_at(m, b - 1))) b--;
    size_t n = e - b;
    if (n < 3 || v.len < n) return false;
    for (size_t i = 0; i < n; i++)
        if (to_lower(ls_slice_at(v, i)) != to_lower(ls_slice_at(m, b + i))) return false;
    return true;
}

/* ~/.pgpass: hostname:port:database:username:password, ':' and '\\' escaped
 * by a backslash; the password is the rest of the line after the fourth ':'. */
/* The start of a .pgpass line, the secret_pgpass_password rule's shape:
 * host chars, ':', a port 5430-5439 or 6432 or '*', ':'. */
static bool pgpass_shape(struct ls_slice m)
{
    size_t i = 0;
    while (i < m.len && (ls_slice_at(m, i) == '\r' || ls_slice_at(m, i) == '\n')) i++;
    size_t h = i;
    while (i < m.len && (is_alnum(ls_slice_at(m, i)) || ls_slice_at(m, i) == '.' || ls_slice_at(m, i) == '_' ||
                         ls_slice_at(m, i) == '*' || ls_slice_at(m, i) == '-'))
        i++;
    if (i == h || ls_slice_at(m, i) != ':') return false;
    struct ls_slice rest = sub(m, i, m.len - i);
    return ls_slice_starts(rest, ":*:", 3) || ls_slice_starts(rest, ":6432:", 6) ||
           (ls_slice_starts(rest, ":543", 4) && is_digit(ls_slice_at(rest, 4)) && ls_slice_at(rest, 5) == ':');
}

static bool loc_pgpass(struct ls_slice m, struct ls_value *out)
{
    size_t i = 0, colons = 0;
    while (i < m.len && (ls_slice_at(m, i) == '\r' || ls_slice_at(m, i) == '\n')) i++;
    for (; i < m.len && colons < 4; i++) {
        int c = ls_slice_at(m, i);
        if (c == '\\') i++;
        else if (c == ':') colons++;
    }
    if (colons < 4) return false;
    size_t end = m.len;
    while (end > i && is_space(ls_slice_at(m, end - 1))) end--;
    out->off = i;
    out->len = end - i;
    return password_plausible(sub(m, out->off, out->len));
}

static bool is_not_space(int c) { return !is_space(c); }

/* password: Incomplete, raw_password: Optional[str], password: SecretStr:
 * after a ':' and unquoted, a capitalised name (letters, '_', '.'), maybe
 * subscripted, is a type annotation (Python stubs and models), not a value. */
static bool type_annotation(struct ls_slice m, size_t start, struct ls_slice v)
{
    size_t b = start;
    while (b > 0 && is_space(ls_slice_at(m, b - 1))) b--;
    if (b == 0 || ls_slice_at(m, b - 1) != ':' || !is_upper(ls_slice_at(v, 0))) return false;
    size_t i = 0;
    while (i < v.len && (is_alpha(ls_slice_at(v, i)) || ls_slice_at(v, i) == '_' || ls_slice_at(v, i) == '.')) i++;
    if (i == v.len || ls_slice_at(v, i) == '[' || ls_slice_at(v, i) == ')' || ls_slice_at(v, i) == '|') return true;
    /* a TypeScript member, "KdcAdminPassword: XmlStringMaxLen256;", or
     * parameter, "(password: Uint8Array, ...", "(passwd: Uint8Array | string)":
     * digits too, when a ';' or a union's '|' ends it or a '(' opens the
     * key (a YAML "password: Summer2024" stays a value) */
    while (i < v.len && (is_alnum(ls_slice_at(v, i)) || ls_slice_at(v, i) == '_')) i++;
    int next = ls_slice_at(m, start + v.len);
    return i == v.len && (next == ';' || ls_slice_at(m, 0) == '(' ||
                          (next == ' ' && ls_slice_at(m, start + v.len + 1) == '|'));
}

static bool js_ident_char(int c) { return is_alnum(c) || c == '_' || c == '$'; }

/* Unquoted code around a password key in JavaScript and TypeScript (the
 * rule keeps a ';' or a " -x" after the value): "pass = bundleEncoder;" (a
 * camelCase variable assigned with spaces, as code is written, before a ';'
 * or an operator, "authPassword = authIsObject && ..."; a connection
 * string's "Password=myPass123;" has no spaces and stays a value),
 * "getPassword: function () {", "MqttPassword = Buffer|Uint8Array|string;"
 * (a union type), "with no passphrase:  ssh-keygen -t rsa" (a command). */
static bool password_unquoted_code(struct ls_slice m, size_t start, struct ls_slice v)
{
    size_t end = start + v.len;
    int after = ls_slice_at(m, end);
    if (v.len == 8 && ls_slice_starts(v, "function", 8)) return true;
    if (slice_has(v, "|")) {
        bool part_start = true;
        for (size_t i = 0; i < v.len; i++) {
            int c = ls_slice_at(v, i);
            if (c == '|') {
                if (part_start) return false;
                part_start = true;
            } else if (part_start ? !(is_alpha(c) || c == '_') : !js_ident_char(c)) {
                return false;
            } else {
                part_start = false;
            }
        }
        return !part_start;
    }
    if (after == ' ' && ls_slice_at(m, end + 1) == '-' && is_alpha(ls_slice_at(m, end + 2)) &&
        count_class(v, is_alpha) + count_class(v, is_word_sep) == v.len)
        return true;
    int op = ls_slice_at(m, end + 1);
    bool ternary = after == ' ' && (op == '?' || op == '&' || op == '|' || op == '('); /* "= authIsObject && ..." */
    if ((after != ';' && !ternary) || count_class(v, js_ident_char) != v.len) return false;
    int c0 = ls_slice_at(v, 0);
    bool spaced = start >= 3 && ls_slice_at(m, start - 1) == ' ' && ls_slice_at(m, start - 2) == '=' &&
                  ls_slice_at(m, start - 3) == ' ';
    if (!spaced) return false;
    /* exports.ER_NOT_VALID_PASSWORD = 1819;: an error code's constant (an
     * upper-case name with words before the key word, a number) */
    if (count_class(v, is_digit) == v.len && v.len <= 5) {
        size_t kb = start - 3;
        while (kb > 0 && (is_upper(ls_slice_at(m, kb - 1)) || ls_slice_at(m, kb - 1) == '_')) kb--;
        return ls_slice_find(sub(m, kb, start - 3 - kb), 0, "_", 1) != SIZE_MAX;
    }
    if (!(is_lower(c0) || c0 == '_' || c0 == '$')) return false;
    for (size_t i = 1; i < v.len; i++)
        if (is_upper(ls_slice_at(v, i)) && is_lower(ls_slice_at(v, i - 1))) return true;
    return false;
}

/* A combo list line (secret_password_combo: address:password, the address
 * before the first ':'): a value that is a well-known service port
 * (alice@atlanta.com:5060 of a SIP peer list, git@host:2222) is a
 * user@host:port, not a password; a PIN-like 12345 stays one. */
static bool combo_port(struct ls_slice m, struct ls_slice v)
{
    static const char *const ports[] = {"1433", "1521", "1883", "2222", "3306", "3389", "5060", "5061", "5222",
                                        "5269", "5432", "5672", "5900", "6379", "6443", "6667", "8000", "8008",
                                        "8080", "8081", "8443", "8888", "9000", "9090", "9092", "9200", "9418",
                                        "11211", "27017"};
    size_t colon = ls_slice_find(m, 0, ":", 1), at = ls_slice_find(m, 0, "@", 1);
    if (at == SIZE_MAX || colon == SIZE_MAX || at > colon) return false;
    for (size_t i = 0; i < sizeof ports / sizeof ports[0]; i++)
        if (v.len == strlen(ports[i]) && ls_slice_starts(v, ports[i], v.len)) return true;
    return false;
}

static bool is_colon(int c) { return c == ':'; }

/* UID:GID:user_name:directory:shell: fields separated by ':' (at least
 * min_colons of them), each empty or a name (a letter or '_', then
 * letters, digits and '_'). */
static bool colon_field_names(struct ls_slice v, size_t min_colons)
{
    if (count_class(v, is_colon) < min_colons || min_colons == 0) return false;
    bool field_start = true;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (c == ':') field_start = true;
        else if (field_start ? !(is_alpha(c) || c == '_') : !(is_alnum(c) || c == '_')) return false;
        else field_start = false;
    }
    return true;
}

static bool loc_password(struct ls_slice m, struct ls_value *out)
{
    if (pgpass_shape(m)) return loc_pgpass(m, out); /* secret_pgpass_password */
    if (m.len >= 7 && slice_has_nocase(sub(m, 0, 7), "define(")) return loc_password_call(m, out);
    size_t from = 0;
    bool quoted;
    /* <password>value</password>; elsewhere a '>' is a boundary byte (<td>) */
    if (ls_slice_at(m, 0) == '<' && is_alpha(ls_slice_at(m, 1))) {
        size_t gt = ls_slice_find(m, 0, ">", 1); /* <Pass encoding="base64">value */
        /* Magento's app/etc/local.xml: <password><![CDATA[value]]>, the value all up to "]]>" */
        if (gt != SIZE_MAX && ls_slice_starts(sub(m, gt + 1, m.len - gt - 1), "<![CDATA[", 9)) {
            size_t ve = ls_slice_find(m, gt + 10, "]]>", 3);
            if (ve == SIZE_MAX) return false;
            out->off = gt + 10;
            out->len = ve - out->off;
            return password_plausible(sub(m, out->off, out->len));
        }
        size_t v = gt == SIZE_MAX ? m.len : find_if(m, gt + 1, is_not_space);
        if (ls_slice_starts(sub(m, v, m.len - v), "<Value>", 7))
            gt = v + 6; /* unattend.xml: <AdministratorPassword><Value>value</Value> */
        if (ls_slice_starts(m, "<Key>", 5)) { /* KeePass: <Key>Password</Key><Value ...>value</Value> */
            size_t val = ls_slice_find(m, 0, "<Value", 6);
            gt = val == SIZE_MAX ? SIZE_MAX : ls_slice_find(m, val, ">", 1);
        }
        if (gt != SIZE_MAX) from = gt;
    }
    size_t start;
    if (from > 0) {
        start = from + 1;
        quoted = true;
    } else {
        /* the boundary byte before the key may be a '=' or ':' itself
         * (ALL=NOPASSWD: /usr/bin/x, --context=pwd=`pwd`): the value follows
         * the separator after the key, not that byte */
        int b0 = ls_slice_at(m, 0);
        start = value_start(m, b0 == '=' || b0 == ':' ? 1 : 0, &quoted);
        if (start == SIZE_MAX) return false;
    }
    /* ?user=x&password=y&ssl=1: a query parameter ends at '&' */
    bool query = ls_slice_at(m, 0) == '&' || ls_slice_at(m, 0) == '?';
    size_t end = start;
    while (end < m.len && password_char(ls_slice_at(m, end)) && !(query && ls_slice_at(m, end) == '&')) end++;
    out->off = start;
    out->len = end - start;
    struct ls_slice v = sub(m, start, end - start);
    bool word_follows = end + 1 < m.len && (ls_slice_at(m, end) == ' ' || ls_slice_at(m, end) == '\t') &&
                        is_alpha(ls_slice_at(m, end + 1));
    /* self.password = credentials, this.pwd = pass: an attribute set from a variable */
    struct ls_slice key = sub(m, 0, start);
    if (key_prefix(m, start, v)) return false;
    /* "encryptedPassword": "MEIEEPgAAA..." (Firefox's logins.json): ciphertext, not the password */
    if (slice_has_nocase(key, "encrypted")) return false;
    /* the raw bytes of a quoted-printable body: db_password=3DSaff=<soft break>ron20Q! (its '=' written
     * =3D, the value cut by a soft line break or holding another =XX escape); the decoded part is
     * scanned as text and gives the value whole */
    if (!quoted && start > 0 && ls_slice_at(m, start - 1) == '=' && ls_slice_starts(v, "3D", 2) && v.len > 2) {
        bool qp = ls_slice_at(v, v.len - 1) == '=';
        for (size_t i = 2; !qp && i + 2 < v.len; i++)
            qp = ls_slice_at(v, i) == '=' && is_hex_upper(ls_slice_at(v, i + 1)) && is_hex_upper(ls_slice_at(v, i + 2));
        if (qp) return false;
    }
    if (!quoted && (slice_has(key, "self.") || slice_has(key, "this.") || slice_has(key, "->")) &&
        count_class(v, ident_char) + count_class(v, is_digit) == v.len)
        return false;
    if (!quoted && (type_annotation(m, start, v) || password_unquoted_code(m, start, v))) return false;
    /* cpio->passphrase = cpio->argument; (C: the value stops at the '>'),
     * field_2_password = other.field_2_password; (a copy from another
     * object: an identifier path whose last name holds the key word) */
    if (!quoted && v.len > 0 && ls_slice_at(v, v.len - 1) == '-' && ls_slice_at(m, end) == '>') return false;
    if (!quoted && count_class(v, js_ident_char) + count_class(v, is_dot) == v.len && is_alpha(ls_slice_at(v, 0))) {
        size_t dot = SIZE_MAX;
        for (size_t i = 0; i < v.len; i++)
            if (ls_slice_at(v, i) == '.') dot = i;
        if (dot != SIZE_MAX && slice_has_nocase(sub(v, dot + 1, v.len - dot - 1), "pass")) return false;
    }
    /* is_password: FilterOrBool = False: a type annotation with a default, not a value */
    if (!quoted && end + 1 < m.len && is_space(ls_slice_at(m, end)) && ls_slice_at(m, end + 1) == '=' &&
        count_class(v, ident_char) + count_class(v, is_digit) == v.len)
        return false;
    /* login_name:passwd:UID:GID:user_name:directory:shell, hostname:port:
     * username:password:base_dn:flags: a file format described in a man
     * page, every ':' field a name */
    /* ... a field list when the key is itself a field (":password:") or
     * the value has four fields; "password: Tr0ub4dor:Horse" stays one
     * (review3) */
    size_t kw = find_if(m, 0, is_alpha);
    bool field_key = kw > 0 && kw < start && ls_slice_at(m, kw - 1) == ':';
    if (!quoted && colon_field_names(v, field_key ? 1 : 3)) return false;
    /* pass: 1532 of a test summary (beside fail:/skip:): a bare "pass" key
     * with a number of up to five digits is a count, not a password
     * (pass=48151623 in a config stays one; review3) */
    size_t k = find_if(m, 0, is_alpha);
    if (k + 4 <= start && ls_slice_starts(sub(m, k, m.len - k), "pass", 4) && !is_alnum(ls_slice_at(m, k + 4)) &&
        ls_slice_at(m, k + 4) != '_' && count_class(v, is_digit) == v.len && v.len <= 5)
        return false;
    if (combo_port(m, v)) return false;
    return password_plausible(v) && !password_prose(v, quoted, word_follows);
}

static bool loc_env_password(struct ls_slice m, struct ls_value *out)
{
    return loc_after_value_key(m, out, loc_password);
}

/* define('DB_PASSWORD', 'value'): the quoted string after the first ','. */
static bool loc_password_call(struct ls_slice m, struct ls_value *out)
{
    size_t comma = ls_slice_find(m, 0, ",", 1);
    if (comma == SIZE_MAX) return false;
    size_t q = comma + 1;
    while (q < m.len && ls_slice_at(m, q) == ' ') q++;
    int quote = ls_slice_at(m, q);
    if (quote != '\'' && quote != '"') return false;
    size_t end = ls_slice_find(m, q + 1, quote == '"' ? "\"" : "'", 1);
    if (end == SIZE_MAX) return false;
    out->off = q + 1;
    out->len = end - q - 1;
    return password_plausible(sub(m, out->off, out->len));
}

/* .netrc: "machine host login user password value": the token after the
 * last "password" and its blanks. */
static bool loc_password_netrc(struct ls_slice m, struct ls_value *out)
{
    size_t at = SIZE_MAX;
    for (size_t i = ls_slice_find(m, 0, "password", 8); i != SIZE_MAX; i = ls_slice_find(m, i + 1, "password", 8))
        at = i;
    if (at == SIZE_MAX) return false;
    size_t start = at + 8;
    while (start < m.len && (ls_slice_at(m, start) == ' ' || ls_slice_at(m, start) == '\t')) start++;
    size_t end = start;
    while (end < m.len && !is_space(ls_slice_at(m, end)) && ls_slice_at(m, end) != 0x7f) end++;
    out->off = start;
    out->len = end - start;
    return password_plausible(sub(m, start, end - start));
}

/* scheme://user:password@host: the password sits between the ':' after the
 * user name and the last '@'. */
static bool loc_url_password(struct ls_slice m, struct ls_value *out)
{
    size_t ss = ls_slice_find(m, 0, "://", 3);
    if (ss == SIZE_MAX) return false;
    size_t colon = ls_slice_find(m, ss + 3, ":", 1);
    size_t at = SIZE_MAX;
    for (size_t i = m.len; i > ss + 3; i--)
        if (ls_slice_at(m, i - 1) == '@') {
            at = i - 1;
            break;
        }
    if (colon == SIZE_MAX || at == SIZE_MAX || colon > at) return false;
    out->off = colon + 1;
    out->len = at - colon - 1;
    /* scheme://:password@host (no user, as redis writes it); not cvs://:pserver:user@host */
    if (colon == ss + 3 && ls_slice_find(sub(m, out->off, out->len), 0, ":", 1) != SIZE_MAX) return false;
    return password_plausible(sub(m, out->off, out->len));
}

static bool b64_std(int c) { return is_alnum(c) || c == '+' || c == '/'; }

/* Base64 of "user:password" (Basic auth, docker "auth", npm _auth): the
 * last base64 run of the match; it must decode to printable text with a
 * user name, a ':' and a plausible password. */
static bool loc_basic_auth(struct ls_slice m, struct ls_value *out)
{
    size_t end = m.len;
    while (end > 0 && !b64_std(ls_slice_at(m, end - 1)) && ls_slice_at(m, end - 1) != '=') end--;
    size_t start = end;
    while (start > 0 && end - start < 2 && ls_slice_at(m, start - 1) == '=') start--; /* padding */
    while (start > 0 && b64_std(ls_slice_at(m, start - 1))) start--;
    out->off = start;
    out->len = end - start;
    char dec[256];
    if (documented_fake(sub(m, start, end - start))) return false;
    size_t n = b64url_decode(sub(m, start, end - start), dec, sizeof dec);
    if (n < 3) return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)dec[i] < 0x20 || (unsigned char)dec[i] >= 0x7f) return false;
    struct ls_slice d = ls_slice_make(dec, n);
    size_t colon = ls_slice_find(d, 0, ":", 1);
    if (colon == SIZE_MAX || colon == 0) return false;
    return password_plausible(sub(d, colon + 1, n - colon - 1));
}

static bool cli_value_char(int c)
{
    return c > 0x20 && c != '"' && c != '\'' && c != 0x7f && c != '<' && c != '>' && c != '\\';
}

/* Command lines: the last word of the match, after its option: -pVALUE,
 * pass:VALUE, user:VALUE (curl -u), user%VALUE (smbclient -U), or the word
 * itself (sshpass -p VALUE, docker login -p VALUE, redis-cli -a VALUE). */
static bool loc_cli_password(struct ls_slice m, struct ls_value *out)
{
    size_t end = m.len;
    size_t start = end;
    while (start > 0 && cli_value_char(ls_slice_at(m, start - 1))) start--;
    struct ls_slice w = sub(m, start, end - start);
    size_t skip = 0;
    bool quote_before = start > 0 && is_quote(ls_slice_at(m, start - 1));
    size_t eq = ls_slice_find(w, 0, "=", 1);
    if (ls_slice_starts(w, "--", 2) && eq != SIZE_MAX) skip = eq + 1; /* --password=VALUE */
    else if (ls_slice_starts(w, "pass:", 5)) skip = 5;
    else if ((ls_slice_starts(w, "-p", 2) || ls_slice_starts(w, "-P", 2) ||
              (ls_slice_starts(w, "-w", 2) && slice_has(m, "ldap"))) && !quote_before)
        skip = 2;
    else if (ls_slice_at(m, m.len - 1) == '@') { /* sqlplus user/password@db */
        size_t slash = ls_slice_find(w, 0, "/", 1);
        if (slash == SIZE_MAX) return false;
        skip = slash + 1;
        end--;
    }
    else if (ls_slice_find(m, 0, "[", 1) < 3 && ls_slice_find(m, 0, "]", 1) != SIZE_MAX) {
        size_t sep = ls_slice_find(w, 0, ":", 1); /* Postfix sasl_passwd: [relay]:587 user:password */
        if (sep == SIZE_MAX) return false;
        skip = sep + 1;
    }
    else if (slice_has(m, "curl") || slice_has(m, "smbclient")) {
        size_t sep = ls_slice_find(w, 0, slice_has(m, "curl") ? ":" : "%", 1);
        if (sep == SIZE_MAX) return false;
        skip = sep + 1;
    }
    out->off = start + skip;
    out->len = end - out->off;
    struct ls_slice v = sub(m, out->off, out->len);
    size_t lw = v.len;
    while (lw > 0 && (ls_slice_at(v, lw - 1) == '.' || ls_slice_at(v, lw - 1) == ',')) lw--;
    if (count_class(sub(v, 0, lw), is_lower) == lw) return false; /* "--password options", "respectively." */
    return password_plausible(v);
}

/* "your temporary password is X", "the password for the portal is X": the
 * word after the verb, without a sentence's closing punctuation (kept after
 * a label's ':'); it must mix letters
 * with digits, or with symbols and both cases (not "case-sensitive"). */
static bool loc_prose_password(struct ls_slice m, struct ls_value *out)
{
    size_t end = m.len, start = m.len;
    while (start > 0 && cli_value_char(ls_slice_at(m, start - 1)) && ls_slice_at(m, start - 1) != ':' &&
           ls_slice_at(m, start - 1) != '(')
        start--;
    size_t before = start;
    while (before > 0 && is_space(ls_slice_at(m, before - 1))) before--;
    bool label = before > 0 && ls_slice_at(m, before - 1) == ':'; /* "password for X: value" */
    while (!label && end > start && (ls_slice_at(m, end - 1) == '.' || ls_slice_at(m, end - 1) == ',' ||
                           ls_slice_at(m, end - 1) == ')' || ls_slice_at(m, end - 1) == ';'))
        end--;
    out->off = start;
    out->len = end - start;
    struct ls_slice v = sub(m, start, end - start);
    if (v.len < 6 || !password_plausible(v)) return false;
    size_t alpha = count_class(v, is_alpha), digits = count_class(v, is_digit);
    size_t symbols = v.len - alpha - digits - count_class(v, ident_char) + alpha; /* not . _ */
    bool cases = count_class(v, is_upper) > 0 && count_class(v, is_lower) > 0;
    return alpha > 0 && (digits > 0 || (symbols > 0 && cases));
}

/* value="...", ENV X_PASSWORD value, IDENTIFIED BY '...', "..." -AsPlainText:
 * the last quoted string of the match, or its last word. */
static bool loc_password_quoted(struct ls_slice m, struct ls_value *out)
{
    size_t end = m.len;
    while (end > 0 && (is_space(ls_slice_at(m, end - 1)) || ls_slice_at(m, end - 1) == '-' ||
                       is_alpha(ls_slice_at(m, end - 1))) && slice_has(m, "-AsPlainText"))
        end--; /* ConvertTo-SecureString "v" -AsPlainText */
    int q = ls_slice_at(m, end - 1);
    size_t start;
    if (is_quote(q)) {
        end--;
        start = end;
        while (start > 0 && ls_slice_at(m, start - 1) != q) start--;
    } else {
        start = end;
        while (start > 0 && !is_space(ls_slice_at(m, start - 1))) start--;
    }
    out->off = start;
    out->len = end - start;
    return password_plausible(sub(m, start, end - start));
}

/* A generated salt or key in single quotes at the end of the match
 * (WordPress's define( 'AUTH_KEY', '...' )): the quoted bytes as they are,
 * any character first (these keys start with '(' or '$' as often as with a
 * letter), 32+ bytes with letters, digits or punctuation beside them, ten
 * or more distinct bytes, and no placeholder words. */
static bool loc_quoted_salt(struct ls_slice m, struct ls_value *out)
{
    if (m.len < 2 || ls_slice_at(m, m.len - 1) != '\'') return false;
    size_t end = m.len - 1, start = end;
    while (start > 0 && ls_slice_at(m, start - 1) != '\'') start--;
    out->off = start;
    out->len = end - start;
    struct ls_slice v = sub(m, start, end - start);
    if (v.len < 32 || count_class(v, is_alpha) == 0 || count_class(v, is_alpha) == v.len) return false;
    bool seen[256] = {false};
    size_t distinct = 0;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (c < 0 || c > 255) return false;
        if (!seen[c]) distinct++;
        seen[c] = true;
    }
    static const char *const words[] = {"your", "phrase", "example", "changeme", "placeholder", "xxxx"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (slice_has_nocase(v, words[i])) return false;
    return distinct >= 10;
}

/* Browser / password-manager export row: the third field from the URL. */
static bool loc_csv_password(struct ls_slice m, struct ls_value *out)
{
    size_t c1 = ls_slice_find(m, 0, ",", 1);
    size_t c2 = c1 == SIZE_MAX ? SIZE_MAX : ls_slice_find(m, c1 + 1, ",", 1);
    if (c2 == SIZE_MAX) return false;
    size_t start = c2 + 1;
    if (ls_slice_at(m, start) == '"') start++;
    size_t end = start;
    while (end < m.len && ls_slice_at(m, end) != ',' && ls_slice_at(m, end) != '"' &&
           ls_slice_at(m, end) != '\r' && ls_slice_at(m, end) != '\n')
        end++;
    out->off = start;
    out->len = end - start;
    return password_plausible(sub(m, start, end - start));
}

static bool crypt_char(int c) { return is_alnum(c) || c == '.' || c == '/' || c == '$' || c == '='; }

/* Length of the hash part after the last '$' for each scheme. */
static bool crypt_shape_ok(struct ls_slice h)
{
    size_t last = h.len;
    while (last > 0 && ls_slice_at(h, last - 1) != '$') last--;
    size_t tail = h.len - last;
    if (ls_slice_starts(h, "$1$", 3) || ls_slice_starts(h, "$apr1$", 6)) return tail == 22;
    if (ls_slice_starts(h, "$5$", 3)) return tail == 43;
    if (ls_slice_starts(h, "$6$", 3)) return tail == 86;
    if (ls_slice_starts(h, "$2a$", 4) || ls_slice_starts(h, "$2b$", 4) ||
        ls_slice_starts(h, "$2y$", 4) || ls_slice_starts(h, "$2x$", 4) || ls_slice_starts(h, "$2$", 3))
        return tail == 53;
    if (ls_slice_starts(h, "$y$", 3) || ls_slice_starts(h, "$7$", 3)) return tail == 43;
    if (ls_slice_starts(h, "$8$", 3) || ls_slice_starts(h, "$9$", 3)) /* Cisco type 8 and 9: 14-character salt */
        return tail == 43 && h.len == 3 + 14 + 1 + 43;
    if (ls_slice_starts(h, "$argon2", 7)) return tail >= 16;
    if (ls_slice_starts(h, "$P$", 3) || ls_slice_starts(h, "$H$", 3)) return h.len == 34;
    if (ls_slice_starts(h, "pbkdf2_sha", 10)) return tail >= 20;
    if (ls_slice_starts(h, "{SHA}", 5)) return h.len == 33;
    return false;
}

static bool hash_char(int c)
{
    return crypt_char(c) || c == '{' || c == '}' || c == '+' || c == ',' || c == '_';
}

/* user:hash (shadow, htpasswd) or a self-describing hash after a boundary
 * byte ($2y$..., $argon2id$..., pbkdf2_sha256$...). */
static bool loc_crypt(struct ls_slice m, struct ls_value *out)
{
    size_t start = 0;
    int c0 = ls_slice_at(m, 0);
    if (c0 != '$' && c0 != 'p') start = 1;
    if (ls_slice_starts(m, "secret", 6)) { /* Cisco: secret 9 $9$... */
        start = ls_slice_find(m, 0, "$", 1);
        if (start == SIZE_MAX) return false;
    } else if (ls_slice_at(m, start) != '$' && !ls_slice_starts(sub(m, start, m.len - start), "pbkdf2_", 7)) {
        size_t colon = ls_slice_find(m, 0, ":", 1);
        if (colon == SIZE_MAX) return false;
        start = colon + 1;
    }
    size_t end = start;
    while (end < m.len && hash_char(ls_slice_at(m, end))) end++;
    out->off = start;
    out->len = end - start;
    struct ls_slice h = sub(m, start, end - start);
    return crypt_shape_ok(h) && !repeated(sub(h, h.len > 22 ? h.len - 22 : 0, h.len > 22 ? 22 : h.len));
}

/* pwdump / secretsdump: user:RID:LM:NT::: -- the NT hash. */
static bool loc_ntlm(struct ls_slice m, struct ls_value *out)
{
    size_t end = ls_slice_find(m, 0, ":::", 3);
    if (end == SIZE_MAX) end = ls_slice_find(m, 0, ":[", 2); /* smbpasswd: user:uid:LM:NT:[flags]:LCT-...: */
    if (end == SIZE_MAX || end < 32) return false;
    out->off = end - 32;
    out->len = 32;
    struct ls_slice v = sub(m, out->off, 32);
    return count_class(v, hex_char) == 32 && !repeated(v);
}

/* PEM / OpenSSH / PGP private key block: the header line and at least 32
 * base64 characters of body. */
static bool loc_private_key(struct ls_slice m, struct ls_value *out)
{
    size_t begin = ls_slice_find(m, 0, "-----BEGIN ", 11);
    if (begin == SIZE_MAX) return false;
    size_t hdr_end = ls_slice_find(m, begin + 11, "-----", 5);
    if (hdr_end == SIZE_MAX) return false;
    size_t end = ls_slice_find(m, hdr_end + 5, "-----END", 8);
    if (end == SIZE_MAX) end = m.len;
    size_t body = 0, run = 0, longest = 0;
    for (size_t i = hdr_end + 5; i < end; i++) {
        if (is_b64(ls_slice_at(m, i))) {
            body++;
            if (++run > longest) longest = run;
        } else {
            run = 0;
        }
    }
    out->off = begin;
    out->len = end - begin;
    /* a body has base64 lines (64 characters in PEM and PGP armour, 70 in
     * OpenSSH); a header followed by short words is a list of file magics
     * (shared-mime-info's "-----BEGIN PGP PRIVATE KEY BLOCK-----" 0 big16
     * 0x9501 ...), not a key; a body cut short with "..." or a '.' before
     * the END line is an API's documented example
     * ("-----BEGIN RSA PRIVATE KEY----- MIIEpQIBAAKCAQEAuyf/lNrH9ck8DmNyo3fG... -----END") */
    if (slice_has(sub(m, hdr_end, end - hdr_end), "...")) return false;
    size_t last = end;
    while (last > hdr_end && is_space(ls_slice_at(m, last - 1))) last--;
    if (end < m.len && ls_slice_at(m, last - 1) == '.') return false;
    return body >= 32 && longest >= 24;
}

/* PuTTY key: the base64 lines after "Private-Lines: N". */
static bool loc_ppk(struct ls_slice m, struct ls_value *out)
{
    size_t nl = ls_slice_find(m, 0, "\n", 1);
    if (nl == SIZE_MAX) return false;
    size_t end = ls_slice_find(m, nl, "\nPrivate", 8); /* a short key: the rule ran on into Private-MAC */
    if (end == SIZE_MAX) end = m.len;
    while (end > nl + 1 && is_space(ls_slice_at(m, end - 1))) end--;
    out->off = nl + 1;
    out->len = end - out->off;
    struct ls_slice v = sub(m, out->off, out->len);
    return count_class(v, is_b64) >= 44 && !repeated(sub(v, 0, 16)); /* ed25519: 48 */
}

/* Markings: the matched words without surrounding blanks and the
 * punctuation that anchored them (":", "|", "&", " -"); legal boilerplate
 * ("... OR CONFIDENTIAL OR OTHER INFORMATION") is no marking. */
static bool marking_trail(int c)
{
    return is_space(c) || c == ':' || c == '|' || c == '&' || c == '-' || c == ',' || c == '/' ||
           c >= 0x80;
}

static bool loc_marking(struct ls_slice m, struct ls_value *out)
{
    size_t start = 0, end = m.len;
    while (start < end && (is_space(ls_slice_at(m, start)) || ls_slice_at(m, start) == ':')) start++;
    while (end > start && marking_trail(ls_slice_at(m, end - 1))) end--;
    out->off = start;
    out->len = end - start;
    struct ls_slice v = sub(m, start, end - start);
    if (slice_has(v, " OR OTHER INFORMATION")) return false;
    int next = ls_slice_at(v, 13);
    if (v.len > 13 && (ls_slice_starts(v, "CONFIDENTIAL ", 13) || ls_slice_starts(v, "Confidential ", 13)) &&
        next != 'A' && next != 'a' && next != '&')
        return false; /* "CONFIDENTIAL flag", "Confidential VM": a technical term ("... and Proprietary" stays) */
    return v.len >= 3;
}

static bool loc_whole(struct ls_slice m, struct ls_value *out)
{
    size_t start = 0, end = m.len;
    while (start < end && is_space(ls_slice_at(m, start))) start++;
    while (end > start && is_space(ls_slice_at(m, end - 1))) end--;
    out->off = start;
    out->len = end - start;
    return end > start;
}

/* Organisation identifiers: the match without its boundary bytes. */
static bool loc_org(struct ls_slice m, struct ls_value *out)
{
    size_t start = find_if(m, 0, is_alnum);
    size_t end = m.len;
    while (end > start && !is_alnum(ls_slice_at(m, end - 1))) end--;
    out->off = start;
    out->len = end - start;
    return end > start;
}

/* ---- credential stores, SSH2 keys, bare assignments ---------------------- */

/* Binary credential stores are found by their file magic at byte 0 (the
 * rules take up to 256 header bytes). The value is that header: it is
 * checked here, fingerprinted by its SHA-256 (NORM_SHA256: master seeds,
 * salts and entry time stamps make it differ between stores) and redacted
 * to a type label ("label" style). Sources: KeePass 1.x/2.x file headers
 * (KeePass's KdbxFile.cs, PwDbHeader), OpenJDK JavaKeyStore/JceKeyStore
 * (magic, version, entry count, first entry tag), RFC 7292 PFX (version 3,
 * authSafe ContentInfo), ssh.com key blob magic 0x3f6ff9eb (RFC 4716 body). */
static const uint8_t kdb_sig[4] = {0x03, 0xd9, 0xa2, 0x9a};

static uint32_t be32_at(struct ls_slice v, size_t i)
{
    uint32_t x = 0;
    for (size_t k = 0; k < 4; k++) x = x << 8 | (uint32_t)(ls_slice_at(v, i + k) & 0xff);
    return x;
}

static const char *keepass_label(struct ls_slice v)
{
    static const uint8_t sig2[4] = {0xfb, 0x4b, 0xb5, 0};
    int kind = ls_slice_at(v, 4);
    if (!ls_slice_starts(v, kdb_sig, 4) || (kind != 0x65 && kind != 0x67) ||
        ls_slice_find(sub(v, 5, 3), 0, sig2, 3) != 0)
        return NULL;
    if (kind == 0x65) /* 1.x: flags (SHA-2, Rijndael, Twofish), version 0x0003000x */
        return v.len >= 16 && (ls_slice_at(v, 8) & 0x0a) && ls_slice_at(v, 14) == 3 && ls_slice_at(v, 15) == 0
                   ? "[KeePass 1.x database]"
                   : NULL;
    if (v.len < 13) return NULL;
    int major = ls_slice_at(v, 10) | ls_slice_at(v, 11) << 8, field = ls_slice_at(v, 12);
    if (field < 1 || field > 11) return NULL;
    if (major == 2) return "[KeePass 2.x database (KDBX 2)]";
    if (major == 3) return "[KeePass 2.x database (KDBX 3)]";
    if (major == 4) return "[KeePass 2.x database (KDBX 4)]";
    return NULL;
}

/* JKS / JCEKS: magic, version (JKS 1 or 2, JCEKS 2), 1..65535 entries, the
 * first entry's tag (private key 1, trusted certificate 2, JCEKS secret 3). */
static const char *keystore_label(struct ls_slice v)
{
    uint32_t magic = be32_at(v, 0), version = be32_at(v, 4), count = be32_at(v, 8), tag = be32_at(v, 12);
    if (v.len < 16 || count == 0 || count > 65535) return NULL;
    if (magic == 0xfeedfeedu && (version == 1 || version == 2) && (tag == 1 || tag == 2))
        return "[Java KeyStore (JKS)]";
    if (magic == 0xcecececeu && version == 2 && tag >= 1 && tag <= 3)
        return "[Java KeyStore (JCEKS)]";
    return NULL;
}

/* A DER/BER SEQUENCE header at *i: 30, then an indefinite (80) or a
 * definite length of 1-3 bytes; *i moves past it. */
static bool der_seq(struct ls_slice v, size_t *i)
{
    if (ls_slice_at(v, *i) != 0x30) return false;
    int l = ls_slice_at(v, *i + 1);
    if (l < 0 || (l > 0x83 && l != 0x80) || (l & 0x80) == 0) return false; /* short form is too small */
    *i += 2 + (l == 0x80 ? 0 : (size_t)(l & 0x7f));
    return *i < v.len;
}

static const char *pkcs12_label(struct ls_slice v)
{
    static const uint8_t ver[3] = {0x02, 0x01, 0x03};
    static const uint8_t oid[10] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07};
    size_t i = 0;
    if (!der_seq(v, &i) || !ls_slice_starts(sub(v, i, 3), ver, 3)) return NULL;
    i += 3;
    if (!der_seq(v, &i) || !ls_slice_starts(sub(v, i, 10), oid, 10)) return NULL;
    int type = ls_slice_at(v, i + 10);
    return type == 1 || type == 2 ? "[PKCS#12 key bundle]" : NULL;
}

/* GnuPG 2.1+ private-keys-v1.d: "(11:private-key(3:rsa(..." or
 * "(21:protected-private-key(...", or the extended format's "Key: (...". */
static const char *gnupg_label(struct ls_slice v)
{
    size_t k = find_if(v, 0, is_alpha); /* past the "\n" of "\nKey: (" */
    struct ls_slice t = sub(v, k, v.len - k);
    if (ls_slice_starts(v, "(11:private-key(", 16) || ls_slice_starts(v, "(21:protected-private-key(", 26) ||
        ls_slice_starts(t, "Key: (private-key (", 19) || ls_slice_starts(t, "Key: (protected-private-key (", 29))
        return "[GnuPG private key]";
    return NULL;
}

/* A DER TLV at *i with tag t: its content's offset and length; *i moves
 * past the whole element. Definite lengths of 1-4 bytes only (DER). */
static bool der_tlv(struct ls_slice v, size_t *i, int t, size_t *off, size_t *len)
{
    if (ls_slice_at(v, *i) != t) return false;
    int l = ls_slice_at(v, *i + 1);
    size_t n = 0, k = *i + 2;
    if (l < 0 || l == 0x80 || l > 0x84) return false;
    if (l < 0x80) {
        n = (size_t)l;
    } else {
        for (int b = 0; b < (l & 0x7f); b++) {
            int x = ls_slice_at(v, k++);
            if (x < 0) return false;
            n = n << 8 | (size_t)x;
        }
    }
    *off = k;
    *len = n;
    *i = k + n;
    return true;
}

/* Private keys in binary DER at byte 0 (what `openssl ... -outform DER`
 * writes): PKCS#1 RSA / OpenSSL DSA, PKCS#8 PrivateKeyInfo, SEC1 EC, and
 * PKCS#8 EncryptedPrivateKeyInfo (RFC 8017, 5958, 5915, 5208). The rule
 * takes the header; only the first fields are checked here. */
static const char *der_key_label(struct ls_slice v)
{
    static const uint8_t v0[3] = {0x02, 0x01, 0x00}, v1[3] = {0x02, 0x01, 0x01};
    static const uint8_t rsa[9] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01};
    static const uint8_t ec[7] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01};
    static const uint8_t dsa[7] = {0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01};
    static const uint8_t pkcs5[8] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05};
    static const uint8_t pkcs12pbe[9] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01};
    size_t i = 0, off, len, aoff, alen;
    if (!der_tlv(v, &i, 0x30, &off, &len)) return NULL;
    i = off;
    struct ls_slice at = sub(v, i, 3);
    if (ls_slice_starts(at, v0, 3) || ls_slice_starts(at, v1, 3)) {
        bool one = ls_slice_at(v, i + 2) == 1;
        i += 3;
        size_t j = i;
        if (der_tlv(v, &j, 0x30, &aoff, &alen)) { /* PKCS#8 (v1: RFC 5958): AlgorithmIdentifier */
            size_t o = aoff, ooff, olen;
            if (!der_tlv(v, &o, 0x06, &ooff, &olen)) return NULL;
            struct ls_slice oid = sub(v, ooff, olen);
            if (ls_slice_at(v, j) != 0x04) return NULL; /* the key: an OCTET STRING */
            if (olen == 9 && ls_slice_starts(oid, rsa, 9)) return "[DER private key (PKCS#8 RSA)]";
            if (olen == 7 && ls_slice_starts(oid, ec, 7)) return "[DER private key (PKCS#8 EC)]";
            if (olen == 7 && ls_slice_starts(oid, dsa, 7)) return "[DER private key (PKCS#8 DSA)]";
            if (olen == 3 && ls_slice_at(v, ooff) == 0x2b && ls_slice_at(v, ooff + 1) == 0x65 &&
                ls_slice_at(v, ooff + 2) >= 0x6e && ls_slice_at(v, ooff + 2) <= 0x71)
                return "[DER private key (PKCS#8 Ed25519/Ed448/X25519/X448)]";
            return NULL;
        }
        j = i;
        if (!one && der_tlv(v, &j, 0x02, &aoff, &alen)) /* PKCS#1 / OpenSSL DSA: the modulus or p */
            return alen >= 64 ? "[DER private key (PKCS#1 RSA or DSA)]" : NULL;
        j = i;
        if (one && der_tlv(v, &j, 0x04, &aoff, &alen) && alen >= 20 && alen <= 66) { /* SEC1 */
            int next = ls_slice_at(v, j);
            return next == 0xa0 || next == 0xa1 || j == off + len ? "[DER private key (SEC1 EC)]" : NULL;
        }
        return NULL;
    }
    size_t j = i;
    if (!der_tlv(v, &j, 0x30, &aoff, &alen)) return NULL; /* EncryptedPrivateKeyInfo */
    size_t o = aoff, ooff, olen;
    if (!der_tlv(v, &o, 0x06, &ooff, &olen)) return NULL;
    struct ls_slice oid = sub(v, ooff, olen);
    bool pbe = (olen == 9 && ls_slice_starts(oid, pkcs5, 8)) || (olen == 10 && ls_slice_starts(oid, pkcs12pbe, 9));
    return pbe && ls_slice_at(v, j) == 0x04 ? "[DER encrypted private key (PKCS#8)]" : NULL;
}

static const char *store_label(struct ls_slice v)
{
    if (ls_slice_starts(v, "P2/56w", 6)) return "[SSH2 private key (RFC 4716)]";
    if (ls_slice_starts(v, "CREATE TABLE logins (origin_url VARCHAR", 39))
        return "[Chromium saved passwords (Login Data)]";
    if (ls_slice_starts(v, "{\"nextId\":", 10)) return "[Firefox saved passwords (logins.json)]";
    if (gnupg_label(v)) return gnupg_label(v);
    const char *l = keepass_label(v);
    if (!l) l = keystore_label(v);
    if (!l) l = pkcs12_label(v);
    if (!l) l = der_key_label(v);
    if (!l) l = ls_crypto_wallet_label(v);
    return l;
}

static bool loc_store(struct ls_slice m, struct ls_value *out)
{
    out->off = 0;
    out->len = m.len;
    return !ls_slice_starts(m, "P2/56w", 6) && store_label(m) != NULL;
}

/* RFC 4716 private key: the base64 body after the BEGIN line and its
 * headers (Comment: ..., continued lines); the ssh.com key blob starts
 * with the magic 3f 6f f9 eb, "P2/56w" in base64. */
static bool loc_ssh2_key(struct ls_slice m, struct ls_value *out)
{
    size_t at = ls_slice_find(m, 0, "\nP2/56w", 7);
    if (at == SIZE_MAX) return false;
    size_t end = m.len;
    while (end > at + 1 && !is_b64(ls_slice_at(m, end - 1))) end--;
    out->off = at + 1;
    out->len = end - out->off;
    struct ls_slice v = sub(m, out->off, out->len);
    return count_class(v, is_b64) >= 32 && !repeated(sub(v, 6, 16));
}

/* Discord bot token without a name before it: the first segment is the
 * unpadded base64 of a decimal snowflake id (17-19 digits, no leading 0,
 * unused trailing bits zero) whose time stamp (id >> 22, milliseconds since
 * 2015-01-01) falls before 2045. */
static bool discord_snowflake(struct ls_slice seg)
{
    uint64_t id = 0;
    unsigned acc = 0, bits = 0;
    size_t n = 0;
    for (size_t i = 0; i < seg.len; i++) {
        int x = b64url_val(ls_slice_at(seg, i));
        if (x < 0 || x > 61) return false; /* '-', '_' never encode digits */
        acc = (acc << 6 | (unsigned)x) & 0xfffu;
        bits += 6;
        if (bits < 8) continue;
        bits -= 8;
        int c = (int)((acc >> bits) & 0xffu);
        if (!is_digit(c) || (n == 0 && c == '0') || ++n > 19) return false;
        id = id * 10 + (uint64_t)(c - '0');
    }
    if (bits && (acc & ((1u << bits) - 1))) return false;
    return n >= 17 && (id >> 22) > 0 && (id >> 22) < 946728000000ull;
}

static bool discord_named(struct ls_slice m)
{
    return slice_has_nocase(m, "discord") || slice_has(m, "Bot ");
}

/* Names the key-assignment rule already reports (secret_key_assignment),
 * and names of values that are public or not secrets: another rule, or
 * nothing, owns them. Compared on the lower-cased name without separators. */
static bool bare_name_skipped(struct ls_slice name)
{
    static const char *const skip[] = {
        "apikey", "apisecret", "secretkey", "clientsecret", "accesstoken", "authtoken", "appsecret",
        "appkey", "privatetoken", "jwtsecret", "jwtkey", "sessionsecret", "sessionkey", "cookiesecret",
        "secrettoken", "signingsecret", "signingkey", "encryptionkey", "webhooksecret", "hmacsecret",
        "hmackey", "masterkey", "consumersecret", "refreshtoken", "bottoken", "public", "publishable",
        "pubkey", "sitekey", "cachekey", "sortkey", "primarykey", "foreignkey", "partitionkey",
        "idempotencykey", "hashkey", "rangekey", "keyid", "tokenid", "pagetoken", "nexttoken",
        "csrftoken", "xsrftoken", "continuationtoken", "synctoken", "accesskey", "secretaccess"};
    char low[48];
    size_t n = 0;
    for (size_t i = 0; i < name.len && n + 1 < sizeof low; i++) {
        int c = ls_slice_at(name, i);
        if (is_alnum(c)) low[n++] = (char)to_lower(c);
    }
    low[n] = '\0';
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (strstr(low, skip[i])) return true;
    return false;
}

/* Letters inside words ("Word", "word", "WORD": 4+ letters of one case,
 * or a capital and 3+ lower-case letters) against all letters: identifiers,
 * prose and placeholders are mostly words (more than 60%), random keys are
 * not (1-7% of random 16-40-character values are, and are missed). */
static bool wordy(struct ls_slice v)
{
    size_t letters = count_class(v, is_alpha), in_words = 0;
    for (size_t i = 0; i < v.len;) {
        size_t j = is_upper(ls_slice_at(v, i)) && is_lower(ls_slice_at(v, i + 1)) ? i + 1 : i;
        int c = ls_slice_at(v, j);
        if (!is_alpha(c)) {
            i = j + 1;
            continue;
        }
        bool (*cls)(int) = is_lower(c) ? is_lower : is_upper;
        size_t k = j;
        while (k < v.len && cls(ls_slice_at(v, k))) k++;
        if (k - i >= 4) in_words += k - i;
        i = k;
    }
    return letters == 0 || in_words * 10 > letters * 6;
}

/* An identifier: 2+ separators ('_', '.', '-') between parts that are all
 * letters or all digits (MyApp_Prod_Key_2024, release-2024-01-15). */
static bool dotted_identifier(struct ls_slice v)
{
    size_t seps = 0, run_alpha = 0, run_digit = 0;
    for (size_t i = 0; i <= v.len; i++) {
        int c = i < v.len ? ls_slice_at(v, i) : '_';
        if (c == '_' || c == '.' || c == '-') {
            if (run_alpha && run_digit) return false;
            seps += i < v.len;
            run_alpha = run_digit = 0;
        } else if (is_alpha(c)) {
            run_alpha++;
        } else if (is_digit(c)) {
            run_digit++;
        } else {
            return false;
        }
    }
    return seps >= 2;
}

static bool uuid_shape(struct ls_slice v)
{
    if (v.len != 36) return false;
    for (size_t i = 0; i < 36; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (ls_slice_at(v, i) == '-') || (!dash && !is_hex(ls_slice_at(v, i)))) return false;
    }
    return true;
}

static size_t distinct_bytes(struct ls_slice v)
{
    bool seen[256] = {false};
    size_t n = 0;
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        if (!seen[c]) n++;
        seen[c] = true;
    }
    return n;
}

/* A value under a bare name must look random: upper, lower and digits (or
 * 32+ hex digits with 4+ of each), 10+ distinct characters, not words, no
 * path, URL, dotted name or UUID. */
static bool bare_value_ok(struct ls_slice v)
{
    int c0 = ls_slice_at(v, 0);
    if (c0 == '.' || c0 == '/' || c0 == '-' || c0 == '~' || slice_has(v, "..") || slice_has(v, "//"))
        return false;
    if (ls_slice_starts(v, "0x", 2) || ls_slice_starts(v, "eyJ", 3)) /* a key id or hex literal; a JWT */
        return false;
    size_t pfx = 0; /* a vendor prefix (sk_live_, pk_live_, ghp_, xoxb-, key-): a vendor rule's, or public */
    while (pfx < 9 && is_lower(ls_slice_at(v, pfx))) pfx++;
    if (pfx >= 2 && pfx <= 8 && (ls_slice_at(v, pfx) == '_' || ls_slice_at(v, pfx) == '-')) return false;
    size_t up = count_class(v, is_upper), lo = count_class(v, is_lower), dg = count_class(v, is_digit);
    bool hex = v.len >= 32 && count_class(v, hex_char) == v.len && dg >= 4 && up + lo >= 4 && (up == 0 || lo == 0);
    if (!hex && !(up && lo && dg)) return false;
    static const char *const fakes[] = {"fake", "mock", "invalid", "secret", "token", "password", "test"};
    for (size_t i = 0; i < sizeof fakes / sizeof fakes[0]; i++)
        if (slice_has_nocase(v, fakes[i])) return false;
    return distinct_bytes(v) >= 10 && !uuid_shape(v) && !dotted_identifier(v) && (hex || !wordy(v));
}

/* token = X, secret: X, key=X, "auth": "X", GITHUB_TOKEN=X: located as
 * token_assignment, then the name and the value are checked; a URL query
 * parameter (?key=<document id>) is not a config entry. */
static bool loc_bare_assignment(struct ls_slice m, struct ls_value *out)
{
    bool quoted;
    size_t sep = value_start(m, 0, &quoted);
    if (sep == SIZE_MAX || !loc_token_assignment(m, out)) return false;
    if (ls_slice_at(m, 0) == '?' || ls_slice_at(m, 0) == '&') return false; /* a URL's query: ids, not secrets */
    size_t colon = ls_slice_find(m, 0, ":", 1), eq = ls_slice_find(m, 0, "=", 1);
    size_t name_end = colon < eq ? colon : eq;
    if (bare_name_skipped(sub(m, 0, name_end))) return false;
    return bare_value_ok(sub(m, out->off, out->len));
}

/* ---- dispatch --------------------------------------------------------------- */

struct validator {
    const char *name;
    bool (*locate)(struct ls_slice m, struct ls_value *out);
};

static const struct validator validators[] = {
    {"none", loc_whole},
    {"luhn", loc_card},
    {"card_id_column", loc_card_id_column},
    {"iban", loc_iban},
    {"ssn", loc_ssn},
    {"ssn_context", loc_ssn_context},
    {"nanp", loc_nanp},
    {"e164", loc_e164},
    {"phone_national", loc_phone_national},
    {"email", loc_email},
    {"mrz", loc_mrz},
    {"passport", loc_passport},
    {"dob", loc_dob},
    {"drivers_license", loc_dl},
    {"aws_key_id", loc_aws_key},
    {"aws_secret", loc_aws_secret},
    {"gcp_key_id", loc_gcp_key},
    {"token", loc_token},
    {"token_assignment", loc_token_assignment},
    {"jwt", loc_jwt},
    {"password", loc_password},
    {"url_password", loc_url_password},
    {"crypt", loc_crypt},
    {"private_key", loc_private_key},
    {"org", loc_org},
    {"ppk", loc_ppk},
    {"hex_key", loc_hex_key},
    {"sas", loc_sas},
    {"azure_secret", loc_azure_secret},
    {"discord", loc_discord},
    {"uuid_or_token", loc_uuid_or_token},
    {"env_value_token", loc_env_token},
    {"env_password", loc_env_password},
    {"bearer", loc_bearer},
    {"netrc", loc_password_netrc},
    {"basic_auth", loc_basic_auth},
    {"cli_password", loc_cli_password},
    {"prose_password", loc_prose_password},
    {"csv_password", loc_csv_password},
    {"password_quoted", loc_password_quoted},
    {"quoted_salt", loc_quoted_salt},
    {"mailgun", loc_mailgun},
    {"ntlm", loc_ntlm},
    {"marking", loc_marking},
    {"store", loc_store},
    {"ssh2_key", loc_ssh2_key},
    {"bare_assignment", loc_bare_assignment},
    {"wif", ls_loc_wif},
    {"bip32_xprv", ls_loc_xprv},
    {"hex_privkey", ls_loc_hex_privkey},
    {"seed_phrase", ls_loc_seed_phrase},
    {"wallet_json", ls_loc_wallet_json},
};

static const struct validator *find_validator(const char *name)
{
    if (!name || !*name) return &validators[0];
    for (size_t i = 0; i < sizeof validators / sizeof validators[0]; i++)
        if (strcmp(validators[i].name, name) == 0) return &validators[i];
    return NULL;
}

/* ---- normalisation ---------------------------------------------------------- */

enum norm_kind { NORM_ASIS, NORM_DIGITS, NORM_UPPER_ALNUM, NORM_LOWER, NORM_PHONE, NORM_B64, NORM_JWT,
                 NORM_B64_BODY, NORM_SHA256 };

static bool streq(const char *a, const char *b) { return a && strcmp(a, b) == 0; }

static enum norm_kind norm_kind_for(const char *entity, const char *validator)
{
    if (streq(entity, "ssn") || streq(entity, "credit_card")) return NORM_DIGITS;
    if (streq(entity, "phone")) return NORM_PHONE;
    if (streq(entity, "iban") || streq(entity, "passport") || streq(entity, "drivers_license"))
        return NORM_UPPER_ALNUM;
    if (streq(entity, "email")) return NORM_LOWER;
    if (streq(validator, "private_key")) return NORM_B64;
    if (streq(validator, "ppk") || streq(validator, "ssh2_key")) return NORM_B64_BODY;
    if (streq(validator, "store")) return NORM_SHA256;
    if (streq(validator, "jwt")) return NORM_JWT;
    return NORM_ASIS;
}

static bool norm_keep(enum norm_kind k, int c)
{
    switch (k) {
    case NORM_DIGITS:
    case NORM_PHONE: return is_digit(c);
    case NORM_UPPER_ALNUM: return is_alnum(c);
    case NORM_B64:
    case NORM_B64_BODY: return is_b64(c);
    default: return true;
    }
}

static int norm_map(enum norm_kind k, int c)
{
    if (k == NORM_UPPER_ALNUM) return to_upper(c);
    if (k == NORM_LOWER) return to_lower(c);
    return c;
}

static void normalise(enum norm_kind k, struct ls_slice v, char *out, bool national)
{
    if (k == NORM_SHA256) { /* binary header: its hash, in hex */
        uint8_t d[32];
        ls_sha256(v, d);
        ls_hex(d, 32, out);
        return;
    }
    size_t n = 0;
    size_t from = 0;
    if (k == NORM_B64) { /* the body after the header line */
        size_t h = ls_slice_find(v, 11, "-----", 5);
        from = h == SIZE_MAX ? v.len : h + 5;
    } else if (k == NORM_JWT) { /* the signature: unique per token */
        size_t d1 = ls_slice_find(v, 0, ".", 1);
        size_t d2 = d1 == SIZE_MAX ? SIZE_MAX : ls_slice_find(v, d1 + 1, ".", 1);
        from = d2 == SIZE_MAX ? 0 : d2 + 1;
    }
    for (size_t i = from; i < v.len && n + 1 < LS_VALUE_NORM_MAX; i++) {
        int c = ls_slice_at(v, i);
        if (k == NORM_PHONE && trunk_zero(v, i)) continue;
        if (k == NORM_B64 && c == '\\') { /* a "\n" escape of a key inside JSON */
            i++;
            continue;
        }
        if (norm_keep(k, c)) out[n++] = (char)norm_map(k, c);
    }
    out[n] = '\0';
    /* NANP numbers are fingerprinted without the country code 1 (written
     * first: "+1 212 ...", "1-212-...", "12128675309"; not Brazil's
     * "(11) 91234-5678", whose 11 digits start with its area code) */
    int first = v.len > 0 ? ls_slice_at(v, 0) : 0;
    if (k == NORM_PHONE && !national && n == 11 && out[0] == '1' && (first == '+' || first == '1'))
        memmove(out, out + 1, n);
}

/* A national phone form that names its country: the country code in front
 * (and Russia's trunk 8 dropped), as its international form is normalised. */
static void normalise_cc(char *norm, const char *cc, bool drop_trunk)
{
    size_t n = strlen(norm), c = strlen(cc), from = drop_trunk && n > 0 ? 1u : 0u;
    if (c == 0 || n - from + c + 1 > LS_VALUE_NORM_MAX) return;
    memmove(norm + c, norm + from, n - from + 1);
    memcpy(norm, cc, c);
}

/* ---- redaction -------------------------------------------------------------- */

struct rbuf {
    char *p;
    size_t n, max;
};

static void rput(struct rbuf *r, int c)
{
    if (r->n + 1 < r->max) r->p[r->n++] = (char)c;
    r->p[r->n] = '\0';
}

static void rputs(struct rbuf *r, const char *s)
{
    while (*s) rput(r, (unsigned char)*s++);
}

/* Mask every alphanumeric but the last `keep`; other bytes stay (layout). */
static void redact_last(struct rbuf *r, struct ls_slice v, size_t keep)
{
    size_t total = count_class(v, is_alnum);
    if (keep > total / 2) keep = total / 2;
    size_t seen = 0;
    for (size_t i = 0; i < v.len && i < 64; i++) {
        int c = ls_slice_at(v, i);
        if (!is_alnum(c)) {
            rput(r, c >= 0x20 && c < 0x7f ? c : ' ');
            continue;
        }
        seen++;
        rput(r, seen + keep > total ? c : '*');
    }
}

static void redact_email(struct rbuf *r, struct ls_slice v)
{
    size_t at = ls_slice_find(v, 0, "@", 1);
    if (at == SIZE_MAX || at == 0) {
        rputs(r, "***");
        return;
    }
    size_t first = utf8_letter(v, 0);
    if (first == 0 || first > at) first = 1;
    for (size_t i = 0; i < first; i++) rput(r, to_lower(ls_slice_at(v, i))); /* a UTF-8 letter whole */
    rputs(r, "***");
    for (size_t i = at; i < v.len; i++) rput(r, to_lower(ls_slice_at(v, i)));
}

/* First n printable bytes, then "..." */
static void redact_prefix(struct rbuf *r, struct ls_slice v, size_t n)
{
    if (n > v.len / 2) n = v.len / 2;
    for (size_t i = 0; i < n; i++) {
        int c = ls_slice_at(v, i);
        rput(r, c > 0x20 && c < 0x7f ? c : '?');
    }
    rputs(r, "...");
}

/* Private key: its type from the header, and the first 4 body characters.
 * Token: its provider prefix (up to the last '_' or '-' in the first 12
 * bytes) and 4 more characters. */
static void redact_keytype(struct rbuf *r, struct ls_slice v)
{
    if (ls_slice_starts(v, "-----BEGIN ", 11)) {
        size_t h = ls_slice_find(v, 11, "-----", 5);
        if (h == SIZE_MAX) h = v.len;
        for (size_t i = 11; i < h && i < 60; i++) rput(r, ls_slice_at(v, i));
        size_t b = h == v.len ? v.len : find_if(v, h + 5, is_alnum);
        if (b < v.len) rput(r, ' ');
        for (size_t i = b; i < v.len && i < b + 4; i++) rput(r, ls_slice_at(v, i));
        rputs(r, "...");
        return;
    }
    size_t pfx = 0;
    for (size_t i = 0; i < v.len && i < 12; i++) {
        int c = ls_slice_at(v, i);
        if (c == '_' || c == '-') pfx = i + 1;
    }
    redact_prefix(r, v, pfx + 4);
}

/* The scheme only: "$6$...", "{SHA}...", "pbkdf2_sha256$...", or "***" for
 * a bare hash (NTLM). */
static void redact_hash(struct rbuf *r, struct ls_slice v)
{
    size_t i = 0;
    if (ls_slice_at(v, 0) == '{') {
        while (i < v.len && i < 8 && ls_slice_at(v, i) != '}') rput(r, ls_slice_at(v, i++));
        rputs(r, "}...");
        return;
    }
    if (ls_slice_at(v, 0) == '$') {
        rput(r, '$');
        for (i = 1; i < v.len && i < 8 && ls_slice_at(v, i) != '$'; i++) rput(r, ls_slice_at(v, i));
        rputs(r, "$...");
        return;
    }
    size_t d = ls_slice_find(v, 0, "$", 1);
    if (d != SIZE_MAX && d <= 16 && count_class(sub(v, 0, d), ident_char) + count_class(sub(v, 0, d), is_digit) == d) {
        for (i = 0; i < d; i++) rput(r, ls_slice_at(v, i));
        rputs(r, "$...");
        return;
    }
    rputs(r, "***");
}

static void redact_mask_all(struct rbuf *r, struct ls_slice v)
{
    for (size_t i = 0; i < v.len && i < 32; i++) {
        int c = ls_slice_at(v, i);
        rput(r, is_alnum(c) ? '*' : (c >= 0x20 && c < 0x7f ? c : ' '));
    }
}

static void redact_plain(struct rbuf *r, struct ls_slice v)
{
    for (size_t i = 0; i < v.len && i < 96; i++) {
        int c = ls_slice_at(v, i);
        rput(r, c >= 0x20 && c < 0x7f ? c : ' ');
    }
}

static const char *default_redact(const char *entity)
{
    static const char *const map[][2] = {
        {"ssn", "last4"}, {"credit_card", "last4"}, {"iban", "last4"}, {"email", "email"},
        {"phone", "last4"}, {"passport", "last4"}, {"dob", "mask"}, {"drivers_license", "last4"},
        {"private_key", "keytype"}, {"aws_key", "prefix4"}, {"aws_secret", "prefix4"},
        {"gcp_key", "prefix4"}, {"token", "keytype"}, {"jwt", "prefix4"},
        {"password", "password"}, {"password_hash", "hash"}, {"marking", "none"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (streq(entity, map[i][0])) return map[i][1];
    return "mask";
}

static void redact(const char *style, struct ls_slice v, struct rbuf *r)
{
    if (streq(style, "last4")) redact_last(r, v, 4);
    else if (streq(style, "last2")) redact_last(r, v, 2);
    else if (streq(style, "email")) redact_email(r, v);
    else if (streq(style, "prefix4")) redact_prefix(r, v, 4);
    else if (streq(style, "keytype")) redact_keytype(r, v);
    else if (streq(style, "password")) rputs(r, "********");
    else if (streq(style, "hash")) redact_hash(r, v);
    else if (streq(style, "none")) redact_plain(r, v);
    else if (streq(style, "label")) rputs(r, store_label(v) ? store_label(v) : "[credential store]");
    else redact_mask_all(r, v);
}

/* The manifest never holds a whole value, whatever style a rule asks for
 * (a custom rule may pair a digit entity with "keytype" or "prefix4"): if
 * the redacted form still shows the whole normalised value, or every one of
 * its digits in order, it is replaced by a mask with the last two
 * characters. Only the explicit style "none" is exempt. */
static void redact_guard(const char *style, struct ls_value *out)
{
    size_t n = strlen(out->norm);
    if (strcmp(style, "none") == 0 || n < 4) return;
    bool leak = strstr(out->redacted, out->norm) != NULL;
    if (!leak) {
        char digits[LS_VALUE_REDACT_MAX];
        size_t k = 0;
        for (size_t i = 0; out->redacted[i] && k + 1 < sizeof digits; i++)
            if (out->redacted[i] >= '0' && out->redacted[i] <= '9') digits[k++] = out->redacted[i];
        digits[k] = '\0';
        leak = k >= 4 && strcmp(digits, out->norm) == 0;
    }
    if (leak) {
        memcpy(out->redacted, "****", 4);
        out->redacted[4] = out->norm[n - 2];
        out->redacted[5] = out->norm[n - 1];
        out->redacted[6] = '\0';
    }
}

bool ls_value_check(const struct ls_candidate *cand, struct ls_value *out)
{
    memset(out, 0, sizeof *out);
    if (!cand || !cand->entity || cand->match.len == 0 || !cand->match.ptr) return false;
    const struct validator *val = find_validator(cand->validator);
    if (!val || !val->locate(cand->match, out)) return false;
    struct ls_slice v = sub(cand->match, out->off, out->len);
    if (v.len == 0) return false;
    normalise(norm_kind_for(cand->entity, cand->validator), v, out->norm, out->national);
    if (streq(cand->entity, "phone") && out->cc[0]) normalise_cc(out->norm, out->cc, out->drop_trunk);
    if (out->date) /* a date of birth whose order is known: one value however written */
        snprintf(out->norm, sizeof out->norm, "%04u-%02u-%02u", out->date / 10000, out->date / 100 % 100,
                 out->date % 100);
    if (streq(cand->entity, "dob") && strchr(out->norm, '\\')) { /* "03\/14\/1975" is 03/14/1975 */
        size_t k = 0;
        for (size_t i = 0; out->norm[i]; i++)
            if (out->norm[i] != '\\') out->norm[k++] = out->norm[i];
        out->norm[k] = '\0';
    }
    if (out->norm[0] == '\0') return false;
    const char *style = cand->redact && *cand->redact ? cand->redact : default_redact(cand->entity);
    struct rbuf r = {out->redacted, 0, sizeof out->redacted};
    out->redacted[0] = '\0';
    redact(style, v, &r);
    redact_guard(style, out);
    return true;
}
