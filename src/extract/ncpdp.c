/*
 * The "ncpdp" handler: NCPDP Telecommunication Standard claims, versions
 * D.0 and 5.1 (NCPDP Telecommunication Standard Implementation Guide vD.0,
 * section 6 "Transmission structure"; the Data Dictionary for the field
 * identifiers), what a pharmacy's switch, a PBM or a pharmacy system logs:
 * every billing request carries its patient's name, birth date, address,
 * phone and ids, and the cardholder's.
 *
 * A request starts with a fixed 56-byte transaction header (BIN 6 digits,
 * version "D0" or "51", transaction code B1 B2 B3 E1 N1-N3 C1-C3 P1-P4 S1-S3,
 * processor control number, count, provider id qualifier and id, date of
 * service, software vendor id); segments follow, each opened by the
 * segment separator 0x1E, its fields each opened by the field separator
 * 0x1C and named by a two-character identifier glued to the value
 * ("\x1cC419750314"); the group separator 0x1D opens the next transaction
 * of a multi-claim request. A log holds many requests, one a line or
 * back to back.
 *
 * The identifiers glue each value to two letters no rule reads as a label,
 * so each segment gives a labelled line (ls_emit_labels()) of the person
 * fields: patient segment AM01 CA first and CB last name, C4 birth date
 * (written YYYY-MM-DD), CM CN CO CP address, CQ phone, HN e-mail, CY the
 * patient id (an SSN when its qualifier CX is 01); insurance segment AM04
 * C2 cardholder id, CC CD cardholder name, C1 group id. The text is every
 * field a line, "CA: ADA".
 *
 * Ignored on purpose: the meaning of claim, pricing, prescriber and
 * pharmacy fields (NDCs, prescription numbers, NPIs, amounts: read as
 * text, unlabelled), responses' status fields, the batch standard's
 * fixed-width records.
 *
 * Attacker-controlled: every byte. Fields are counted against the text
 * budget and the root's time.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

#define NCPDP_HDR 56u
#define NCPDP_SEG 0x1e
#define NCPDP_FLD 0x1c
#define NCPDP_GRP 0x1d

static bool ncpdp_digit(int ch) { return ch >= '0' && ch <= '9'; }

/* A transaction header at s: BIN digits, a version, a transaction code. */
static bool ncpdp_header(struct ls_slice s)
{
    static const char *const codes[] = {"B1", "B2", "B3", "E1", "N1", "N2", "N3", "C1", "C2",
                                        "C3", "P1", "P2", "P3", "P4", "S1", "S2", "S3"};
    for (size_t i = 0; i < 6; i++)
        if (!ncpdp_digit(ls_slice_at(s, i))) return false;
    struct ls_slice v, code;
    if (!ls_slice_sub(s, 6, 2, &v) || !ls_slice_sub(s, 8, 2, &code)) return false;
    if (!ls_slice_eq_str(v, "D0") && !ls_slice_eq_str(v, "51")) return false;
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (ls_slice_eq_str(code, codes[i])) return true;
    return false;
}

static int ncpdp_probe(const struct ls_object *o)
{
    if (!ncpdp_header(o->data)) return 0;
    /* the first segment right after the header: 0x1E 0x1C "AM" */
    struct ls_slice s;
    if (!ls_slice_sub(o->data, NCPDP_HDR, 4, &s) || !ls_slice_starts(s, "\x1e\x1c" "AM", 4)) return 0;
    return 85;
}

struct ncpdp_state {
    struct ls_buf text, labels, line;
    char segment[3];     /* AM id of the segment read: "01" patient, "04" insurance */
    bool ssn_qualifier;  /* CX 01 seen in this segment */
    size_t fields;
};

static ls_err ncpdp_add(struct ls_buf *b, struct ls_slice v)
{
    for (size_t i = 0; i < v.len; i++) {
        int c = ls_slice_at(v, i);
        LS_TRY(ls_buf_addc(b, (uint8_t)(c < 0x20 || c == 0x7f ? ' ' : c)));
    }
    return LS_OK;
}

static ls_err ncpdp_put(struct ls_buf *b, const char *label, struct ls_slice v)
{
    while (v.len && ls_slice_at(v, v.len - 1) == ' ') v.len--;
    if (!v.len) return LS_OK;
    LS_TRY(ls_buf_printf(b, "\t%s: ", label));
    return ncpdp_add(b, v);
}

/* The patient and insurance segments' person fields. */
static ls_err ncpdp_label(struct ncpdp_state *st, struct ls_slice id, struct ls_slice v)
{
    static const struct {
        const char *id, *label;
    } names[] = {{"CA", "Patient first name"}, {"CB", "Patient last name"}, {"CM", "Address"},
                 {"CN", "City"},               {"CO", "State"},             {"CP", "ZIP"},
                 {"HN", "E-mail"},             {"C2", "Cardholder ID"},     {"CC", "Cardholder first name"},
                 {"CD", "Cardholder last name"}, {"C1", "Group ID"}};
    struct ls_buf *b = &st->line;
    if (ls_slice_eq_str(id, "C4") && ls_digits_n(v, 8)) {
        LS_TRY(ls_buf_adds(b, "\tDate of birth: "));
        LS_TRY(ls_add_sub(b, v, 0, 4));
        LS_TRY(ls_buf_addc(b, '-'));
        LS_TRY(ls_add_sub(b, v, 4, 2));
        LS_TRY(ls_buf_addc(b, '-'));
        return ls_add_sub(b, v, 6, 2);
    }
    if (ls_slice_eq_str(id, "CQ") && ls_digits_n(v, 10)) {
        LS_TRY(ls_buf_adds(b, "\tPhone: ("));
        LS_TRY(ls_add_sub(b, v, 0, 3));
        LS_TRY(ls_buf_adds(b, ") "));
        LS_TRY(ls_add_sub(b, v, 3, 3));
        LS_TRY(ls_buf_addc(b, '-'));
        return ls_add_sub(b, v, 6, 4);
    }
    if (ls_slice_eq_str(id, "CX")) {
        st->ssn_qualifier = ls_slice_eq_str(v, "01");
        return LS_OK;
    }
    if (ls_slice_eq_str(id, "CY")) return ncpdp_put(b, st->ssn_qualifier ? "SSN" : "Patient ID", v);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (ls_slice_eq_str(id, names[i].id)) return ncpdp_put(b, names[i].label, v);
    return LS_OK;
}

/* End the segment's labelled line. */
static ls_err ncpdp_flush(struct ncpdp_state *st)
{
    if (st->line.len) {
        LS_TRY(ls_buf_printf(&st->labels, "AM%s", st->segment));
        LS_TRY(ls_buf_add(&st->labels, st->line.ptr, st->line.len));
        LS_TRY(ls_buf_addc(&st->labels, '\n'));
    }
    ls_buf_reset(&st->line);
    st->ssn_qualifier = false;
    st->segment[0] = st->segment[1] = '?';
    return LS_OK;
}

/* One field (its two-character id and value). */
static ls_err ncpdp_field(struct ncpdp_state *st, struct ls_slice f)
{
    struct ls_slice id, v = {NULL, 0};
    if (!ls_slice_sub(f, 0, 2, &id)) return LS_OK;
    (void)ls_slice_from(f, 2, &v);
    LS_TRY(ncpdp_add(&st->text, id));
    LS_TRY(ls_buf_adds(&st->text, ": "));
    LS_TRY(ncpdp_add(&st->text, v));
    LS_TRY(ls_buf_addc(&st->text, '\n'));
    if (ls_slice_eq_str(id, "AM")) {
        LS_TRY(ncpdp_flush(st));
        st->segment[0] = (char)(ls_slice_at(v, 0) > 0x20 ? ls_slice_at(v, 0) : '?');
        st->segment[1] = (char)(ls_slice_at(v, 1) > 0x20 ? ls_slice_at(v, 1) : '?');
        return LS_OK;
    }
    return ncpdp_label(st, id, v);
}

static ls_err ncpdp_walk(struct ls_ctx *c, struct ls_slice d, struct ncpdp_state *st)
{
    size_t i = 0;
    while (i < d.len) {
        int ch = ls_slice_at(d, i);
        struct ls_slice rest;
        (void)ls_slice_from(d, i, &rest);
        if (ch != NCPDP_FLD && ch != NCPDP_SEG && ch != NCPDP_GRP && ncpdp_header(rest)) {
            /* a request's header: its text as it stands, then its segments */
            LS_TRY(ncpdp_flush(st));
            size_t n = rest.len < NCPDP_HDR ? rest.len : NCPDP_HDR;
            LS_TRY(ls_add_sub(&st->text, rest, 0, n));
            LS_TRY(ls_buf_addc(&st->text, '\n'));
            i += n;
            continue;
        }
        if (ch == NCPDP_SEG || ch == NCPDP_GRP) LS_TRY(ncpdp_flush(st));
        if (ch != NCPDP_FLD) {
            i++;
            continue;
        }
        size_t end = i + 1;
        while (end < d.len) {
            int e = ls_slice_at(d, end);
            if (e == NCPDP_FLD || e == NCPDP_SEG || e == NCPDP_GRP || e == '\r' || e == '\n') break;
            end++;
        }
        struct ls_slice f;
        if (ls_slice_sub(d, i + 1, end - i - 1, &f)) LS_TRY(ncpdp_field(st, f));
        i = end;
        if (++st->fields % 4096 == 0 && ls_ctx_expired(c)) return LS_E_TIMEOUT;
    }
    return ncpdp_flush(st);
}

static ls_err ncpdp_extract(struct ls_ctx *c, struct ls_object *o)
{
    if (!ncpdp_header(o->data)) return ls_decline(c, o);
    struct ncpdp_state st = {.segment = "??", .ssn_qualifier = false};
    size_t max = (size_t)ls_ctx_limits(c)->max_text;
    ls_buf_init(&st.text, max);
    ls_buf_init(&st.labels, max);
    ls_buf_init(&st.line, max);
    ls_err e = ncpdp_walk(c, o->data, &st);
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "ncpdp: text cut at the text budget");
    ls_err te = ls_emit_done(c, o, &st.text, &st.labels);
    ls_buf_free(&st.line);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : te;
}

const struct ls_handler ls_handler_ncpdp = {
    .name = "ncpdp",
    .probe = ncpdp_probe,
    .extract = ncpdp_extract,
};
