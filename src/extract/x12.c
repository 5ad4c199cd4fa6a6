/*
 * The "x12" handler: ANSI ASC X12 EDI interchanges (X12.5 interchange
 * control structure, X12.6 application control structure; the HIPAA
 * 005010 implementation guides: 834 benefit enrollment, 837P/837I/837D
 * claims, 270/271 eligibility, 276/277 claim status, 835 remittance), what
 * an insurer, a clearinghouse or an employer's benefits system exchanges
 * and keeps: every member's name, SSN, birth date, address and phone.
 *
 * An interchange starts with the ISA segment, which names the delimiters
 * it uses: the byte after "ISA" separates elements, ISA11 (005010) is the
 * repetition separator, ISA16 (one byte) the component separator, and the
 * byte after ISA16 ends every segment. Any bytes may serve (~ * : ^ are
 * usual; control bytes and letters are seen); a line end after each
 * segment terminator, or as the terminator, is common. ISA is fixed-width
 * on paper (106 bytes) but read here by counting 16 element separators,
 * since senders pad it wrong. A new ISA (a file of interchanges appended
 * together) sets the delimiters again.
 *
 * The values are positional: "NM1*IL*1*MOSS*ADA****34*146203037" or
 * "DMG*D8*19750314" put an SSN and a birth date between asterisks, which
 * no rule reads as one. Each NM1 (entity name; an identification code
 * qualifier 34 is an SSN, MI a member id, XX an NPI, 24 an EIN), REF
 * (reference; SY is an SSN), DMG (demographics: the person's birth date),
 * PER (contact: TE, HP, WP, CP phones, FX fax, EM e-mail), N3 and N4
 * (address) segment gives a labelled line (ls_emit_labels()), "NM1
 * Subscriber name: ADA MOSS\tSSN: 146203037", "DMG Date of birth:
 * 1975-03-14". The text is every segment a line, the element separator
 * written '*' and the component separator ':'.
 *
 * Ignored on purpose: the meaning of other segments (dates of service,
 * claim amounts, diagnosis and procedure codes, control numbers are read
 * as text, unlabelled), envelope validation (counts in SE/GE/IEA), X12
 * XML. A transaction set without its ISA (GS and a functional id of two
 * capitals, or ST and a set id of three digits, first, the element
 * separator after each: a fragment pasted into a ticket)
 * is read with that separator, the terminator ~ (or the line end when the
 * first 4 KiB hold no ~) and components ':' (probed 40, over plain text). An interchange without its IEA trailer at the end of the file
 * (a transfer cut short) is noted truncated.
 *
 * Attacker-controlled: every byte, the delimiters included (refused when
 * two are equal). Segments are counted against the text budget and the
 * root's time.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

struct x12_sep {
    uint8_t elem, comp, rep, term;
};

static bool x12_is_alnum(int ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

static bool x12_is_blank(int ch) { return ch == '\r' || ch == '\n' || ch == ' ' || ch == '\t'; }

/* The ISA segment at the start of s: its delimiters and where the segment
 * after it starts; false when s holds no readable ISA. */
static bool x12_isa(struct ls_slice s, struct x12_sep *sep, size_t *next)
{
    if (!ls_slice_starts(s, "ISA", 3) || s.len < 20) return false;
    int e = ls_slice_at(s, 3);
    if (x12_is_alnum(e) || e == ' ') return false;
    size_t count = 0, i = 3, rep_at = 0;
    for (; i < s.len && i < 200 && count < 16; i++) {
        if (ls_slice_at(s, i) != e) continue;
        if (++count == 11) rep_at = i + 1;
    }
    if (count != 16 || i + 1 >= s.len) return false;
    sep->elem = (uint8_t)e;
    sep->comp = (uint8_t)ls_slice_at(s, i);
    sep->term = (uint8_t)ls_slice_at(s, i + 1);
    int r = ls_slice_at(s, rep_at);
    /* ISA11 is a repetition separator from 00402 on, a standards id (U) before */
    sep->rep = (uint8_t)(x12_is_alnum(r) || r == ' ' ? 0 : r);
    if (sep->comp == sep->elem || sep->term == sep->elem || sep->term == sep->comp) return false;
    if (sep->rep == sep->elem || sep->rep == sep->comp || sep->rep == sep->term) sep->rep = 0;
    *next = i + 2;
    return true;
}

static size_t x12_start(struct ls_slice d)
{
    size_t i = ls_slice_starts(d, "\xef\xbb\xbf", 3) ? 3 : 0;
    while (i < d.len && i < 64 && x12_is_blank(ls_slice_at(d, i))) i++;
    return i;
}

/* A transaction set without its interchange envelope (a GS or ST segment
 * first: a fragment pasted into a ticket, a set a translator wrote out
 * alone): the element separator after the segment id; the terminator ~
 * when one comes in the first 4 KiB, else the line end; components ':'. */
static bool x12_bare(struct ls_slice s, struct x12_sep *sep)
{
    if (!(ls_slice_starts(s, "GS", 2) || ls_slice_starts(s, "ST", 2))) return false;
    int e = ls_slice_at(s, 2);
    if (e < 0 || x12_is_alnum(e) || x12_is_blank(e) || e == ':' || e == '~') return false;
    struct ls_slice w = s;
    if (w.len > 4096) w.len = 4096;
    uint8_t el = (uint8_t)e;
    /* ST*834*: a transaction set id of three digits; GS*BE*: a functional id of two capitals */
    bool st = ls_slice_at(s, 0) == 'S';
    for (size_t i = 3; i < (st ? 6u : 5u); i++) {
        int ch = ls_slice_at(s, i);
        if (st ? !(ch >= '0' && ch <= '9') : !(ch >= 'A' && ch <= 'Z')) return false;
    }
    if (ls_slice_at(s, st ? 6 : 5) != e) return false;
    sep->elem = el;
    sep->comp = ':';
    sep->rep = 0;
    sep->term = ls_slice_find(w, 0, "~", 1) != SIZE_MAX ? '~' : '\n';
    return true;
}

static int x12_probe(const struct ls_object *o)
{
    struct ls_slice rest;
    struct x12_sep sep;
    size_t next;
    if (!ls_slice_from(o->data, x12_start(o->data), &rest)) return 0;
    if (x12_isa(rest, &sep, &next)) return 90;
    return x12_bare(rest, &sep) ? 40 : 0; /* over plain text (25) */
}

/* ---- elements ------------------------------------------------------------------ */

/* An entity identifier code (NM101) as a role. */
static const char *x12_role(struct ls_slice code)
{
    static const struct {
        const char *code, *role;
    } roles[] = {{"IL", "Subscriber"}, {"QC", "Patient"},     {"03", "Dependent"},   {"74", "Corrected insured"},
                 {"70", "Prior insured"}, {"31", "Mailing"},  {"36", "Employer"},    {"E1", "Person"},
                 {"EXS", "Ex-spouse"}, {"GD", "Guardian"},    {"J6", "Power of attorney"}, {"M8", "School"},
                 {"S1", "Parent"},     {"S3", "Custodial parent"}, {"QD", "Responsible party"},
                 {"85", "Billing provider"}, {"82", "Rendering provider"}, {"DN", "Referring provider"},
                 {"77", "Service location"}, {"PR", "Payer"}, {"PE", "Payee"}, {"41", "Submitter"},
                 {"40", "Receiver"},   {"1P", "Provider"},    {"FA", "Facility"},     {"P3", "Primary care provider"}};
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (ls_slice_eq_str(code, roles[i].code)) return roles[i].role;
    return "Entity";
}

/* An identification code qualifier (NM108) as a label. */
static const char *x12_idq(struct ls_slice q)
{
    static const struct {
        const char *q, *label;
    } ids[] = {{"34", "SSN"}, {"MI", "Member ID"}, {"II", "Health identifier"}, {"XX", "NPI"},
               {"24", "EIN"}, {"FI", "Tax ID"},    {"PI", "Payer ID"},          {"N", "Insured's unique ID"},
               {"ZZ", "Mutually defined ID"}, {"46", "ETIN"}, {"SV", "Service provider number"}};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        if (ls_slice_eq_str(q, ids[i].q)) return ids[i].label;
    return "Identifier";
}

/* A reference identification qualifier (REF01) as a label. */
static const char *x12_refq(struct ls_slice q)
{
    static const struct {
        const char *q, *label;
    } refs[] = {{"SY", "SSN"},          {"0F", "Subscriber number"}, {"1L", "Group or policy number"},
                {"6P", "Group number"}, {"IG", "Insurance policy number"}, {"1W", "Member ID"},
                {"23", "Client number"}, {"ABB", "Personal ID"},      {"Q4", "Prior ID"},
                {"EA", "Medical record number"}, {"EJ", "Patient account number"}, {"F6", "Medicare HIC number"},
                {"D9", "Claim number"}, {"G1", "Prior authorization"}, {"0B", "State license number"},
                {"DX", "Department"},   {"ZZ", "Mutually defined"}, {"3H", "Case number"}, {"HJ", "Identity card number"}};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (ls_slice_eq_str(q, refs[i].q)) return refs[i].label;
    return "Reference";
}

/* NM1: role, type (1 person), last, first, middle, prefix, suffix, id
 * qualifier, id. */
static ls_err x12_nm1(struct ls_buf *b, struct ls_slice seg, const struct x12_sep *sep)
{
    const char *role = x12_role(ls_piece(seg, sep->elem, 1));
    struct ls_slice last = ls_piece(seg, sep->elem, 3), first = ls_piece(seg, sep->elem, 4),
                    middle = ls_piece(seg, sep->elem, 5), suffix = ls_piece(seg, sep->elem, 7);
    if (last.len || first.len) {
        LS_TRY(ls_buf_printf(b, "\t%s name:", role));
        struct ls_slice parts[4] = {first, middle, last, suffix};
        for (size_t i = 0; i < 4; i++)
            if (parts[i].len) {
                LS_TRY(ls_buf_addc(b, ' '));
                LS_TRY(ls_lab_clean(b, parts[i]));
            }
    }
    struct ls_slice q = ls_piece(seg, sep->elem, 8), id = ls_piece(seg, sep->elem, 9);
    if (!id.len) return LS_OK;
    return ls_lab_line(b, x12_idq(q), id);
}

/* A date as YYYY-MM-DD when it is eight digits (D8), else as written. */
static ls_err x12_date(struct ls_buf *b, const char *label, struct ls_slice v)
{
    if (!ls_digits_n(v, 8)) return ls_lab_line(b, label, v);
    LS_TRY(ls_buf_printf(b, "\t%s: ", label));
    LS_TRY(ls_add_sub(b, v, 0, 4));
    LS_TRY(ls_buf_addc(b, '-'));
    LS_TRY(ls_add_sub(b, v, 4, 2));
    LS_TRY(ls_buf_addc(b, '-'));
    return ls_add_sub(b, v, 6, 2);
}

/* A phone of ten digits (or 1 and ten) written (212) 555-1234. */
static ls_err x12_phone(struct ls_buf *b, const char *label, struct ls_slice v)
{
    struct ls_slice d = v;
    if (ls_digits_n(v, 11) && ls_slice_at(v, 0) == '1') (void)ls_slice_from(v, 1, &d);
    if (!ls_digits_n(d, 10)) return ls_lab_line(b, label, v);
    LS_TRY(ls_buf_printf(b, "\t%s: (", label));
    LS_TRY(ls_add_sub(b, d, 0, 3));
    LS_TRY(ls_buf_adds(b, ") "));
    LS_TRY(ls_add_sub(b, d, 3, 3));
    LS_TRY(ls_buf_addc(b, '-'));
    return ls_add_sub(b, d, 6, 4);
}

/* PER: function, name, then up to three (qualifier, number) pairs. */
static ls_err x12_per(struct ls_buf *b, struct ls_slice seg, const struct x12_sep *sep)
{
    LS_TRY(ls_lab_line(b, "Contact", ls_piece(seg, sep->elem, 2)));
    for (size_t k = 3; k <= 7; k += 2) {
        struct ls_slice q = ls_piece(seg, sep->elem, k), v = ls_piece(seg, sep->elem, k + 1);
        if (!v.len) continue;
        if (ls_slice_eq_str(q, "EM")) LS_TRY(ls_lab_line(b, "E-mail", v));
        else if (ls_slice_eq_str(q, "FX")) LS_TRY(x12_phone(b, "Fax", v));
        else if (ls_slice_eq_str(q, "EX")) LS_TRY(ls_lab_line(b, "Extension", v));
        else if (ls_slice_eq_str(q, "UR")) LS_TRY(ls_lab_line(b, "URL", v));
        else LS_TRY(x12_phone(b, "Phone", v)); /* TE, HP, WP, CP, BN, AP, NP ... */
    }
    return LS_OK;
}

/* The labels of one segment (nothing for the segments not read here). */
static ls_err x12_labels(struct ls_buf *b, struct ls_slice seg, const struct x12_sep *sep)
{
    struct ls_slice id = ls_piece(seg, sep->elem, 0);
    if (ls_slice_eq_str(id, "NM1")) return x12_nm1(b, seg, sep);
    if (ls_slice_eq_str(id, "REF")) {
        struct ls_slice q = ls_piece(seg, sep->elem, 1);
        return ls_lab_line(b, x12_refq(q), ls_piece(seg, sep->elem, 2));
    }
    if (ls_slice_eq_str(id, "DMG")) /* DMG02 is the person's birth date (D8, or a period RD8) */
        return x12_date(b, "Date of birth", ls_piece(ls_piece(seg, sep->elem, 2), '-', 0));
    if (ls_slice_eq_str(id, "PER")) return x12_per(b, seg, sep);
    if (ls_slice_eq_str(id, "N3")) {
        LS_TRY(ls_lab_line(b, "Address", ls_piece(seg, sep->elem, 1)));
        return ls_lab_line(b, "Address line 2", ls_piece(seg, sep->elem, 2));
    }
    if (ls_slice_eq_str(id, "N4")) {
        LS_TRY(ls_lab_line(b, "City", ls_piece(seg, sep->elem, 1)));
        LS_TRY(ls_lab_line(b, "State", ls_piece(seg, sep->elem, 2)));
        return ls_lab_line(b, "ZIP", ls_piece(seg, sep->elem, 3));
    }
    return LS_OK;
}

/* ---- segments ------------------------------------------------------------------ */

struct x12_state {
    struct x12_sep sep;
    struct ls_buf text, labels, scratch;
    size_t segments;
    bool open; /* an ISA read, its IEA not yet */
};

/* One segment: a text line with '*' and ':' for its separators, and its
 * labelled line. */
static ls_err x12_segment(struct x12_state *st, struct ls_slice seg)
{
    for (size_t i = 0; i < seg.len; i++) {
        int c = ls_slice_at(seg, i);
        if (c == st->sep.elem) c = '*';
        else if (c == st->sep.comp) c = ':';
        else if (c == st->sep.rep) c = '^';
        else if (c < 0x20 || c == 0x7f) c = ' ';
        LS_TRY(ls_buf_addc(&st->text, (uint8_t)c));
    }
    LS_TRY(ls_buf_addc(&st->text, '\n'));
    ls_buf_reset(&st->scratch);
    LS_TRY(x12_labels(&st->scratch, seg, &st->sep));
    if (st->scratch.len == 0) return LS_OK;
    LS_TRY(ls_lab_clean(&st->labels, ls_piece(seg, st->sep.elem, 0)));
    LS_TRY(ls_buf_add(&st->labels, st->scratch.ptr, st->scratch.len));
    return ls_buf_addc(&st->labels, '\n');
}

static ls_err x12_walk(struct ls_ctx *c, struct ls_slice d, struct x12_state *st)
{
    size_t i = x12_start(d);
    while (i < d.len) {
        while (i < d.len && x12_is_blank(ls_slice_at(d, i)) && ls_slice_at(d, i) != st->sep.term) i++;
        struct ls_slice rest, seg;
        size_t next;
        if (!ls_slice_from(d, i, &rest)) break;
        if (x12_isa(rest, &st->sep, &next)) { /* an interchange: its own delimiters */
            (void)ls_slice_sub(rest, 0, next - 1, &seg);
            LS_TRY(x12_segment(st, seg));
            st->open = true;
            i += next;
            continue;
        }
        size_t end = ls_slice_find(rest, 0, &st->sep.term, 1);
        if (end == SIZE_MAX) end = rest.len;
        if (end > 0 && ls_slice_sub(rest, 0, end, &seg)) {
            LS_TRY(x12_segment(st, seg));
            if (ls_slice_eq_str(ls_piece(seg, st->sep.elem, 0), "IEA")) st->open = false;
        }
        i += end + 1;
        if (++st->segments % 4096 == 0 && ls_ctx_expired(c)) return LS_E_TIMEOUT;
    }
    return LS_OK;
}

static ls_err x12_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct x12_state st = {.segments = 0};
    struct ls_slice rest;
    size_t next;
    if (!ls_slice_from(o->data, x12_start(o->data), &rest)) return ls_decline(c, o);
    if (!x12_isa(rest, &st.sep, &next) && !x12_bare(rest, &st.sep)) return ls_decline(c, o);
    size_t max = (size_t)ls_ctx_limits(c)->max_text;
    ls_buf_init(&st.text, max);
    ls_buf_init(&st.labels, max);
    ls_buf_init(&st.scratch, max);
    ls_err e = x12_walk(c, o->data, &st);
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "x12: text cut at the text budget");
    if (e == LS_OK && st.open) ls_note(c, o, LS_R_TRUNCATED, "x12: the interchange ends without its IEA trailer");
    ls_err te = ls_emit_done(c, o, &st.text, &st.labels);
    ls_buf_free(&st.scratch);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : te;
}

const struct ls_handler ls_handler_x12 = {
    .name = "x12",
    .probe = x12_probe,
    .extract = x12_extract,
};
