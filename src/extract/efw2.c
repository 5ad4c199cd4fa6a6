/*
 * The "efw2" handler: SSA EFW2 wage files, the W-2 reports a payroll system
 * or a payroll bureau submits to the Social Security Administration
 * (SSA Publication 42-007, "Specifications for Filing Forms W-2 and W-3
 * Electronically", tax years 2010 on). One leaked file holds every
 * employee's SSN, full name, address and wages.
 *
 * Layout: fixed 512-byte records, each usually followed by CR LF (or LF),
 * identified by their first two bytes: RA submitter, RE employer, RW
 * employee wages, RO employee optional, RS state, RT total, RU total
 * optional, RV state total, RF final. Read here (1-based positions of the
 * spec): RA 3-11 submitter EIN; RE 8-16 employer EIN; RW 3-11 SSN, 12-26
 * first name, 27-41 middle name, 42-61 last name; RS 10-18 SSN, 19-33
 * first, 34-48 middle, 49-68 last. The SSN field touches the record type
 * before it and the name after it ("RW536221874ADA"), which no SSN rule
 * reads as a number on its own: each such record gives a labelled line,
 * "RW SSN: 536221874 Name: ADA MOSS", to ls_emit_labels() (scanned as text;
 * a value found in the raw bytes too counts once). Addresses, e-mail
 * addresses and phone numbers stand apart in their fields and are left to
 * the raw scan, which reads every byte of the file as always.
 *
 * Ignored on purpose: amounts (no PII), EFW2C correction files (RCA, RCW:
 * another layout), records of other types (kept for the raw scan). A file
 * whose last record is short is read up to it and noted truncated.
 *
 * Attacker-controlled: every byte. Only fixed offsets inside a record are
 * read; the record count is bounded by the size.
 */
#include <string.h>

#include "core/handler.h"

#define EFW2_REC 512u

/* Bytes from one record to the next: 512, 513 (LF) or 514 (CR LF), by
 * what follows the first record; 0 when the data is no EFW2 file. */
static size_t efw2_stride(struct ls_slice d)
{
    struct ls_slice t;
    if (!ls_slice_sub(d, 0, 2, &t) || memcmp(t.ptr, "RA", 2) != 0) return 0;
    static const size_t strides[] = {EFW2_REC + 2, EFW2_REC + 1, EFW2_REC};
    static const char *const ends[] = {"\r\n", "\n", ""};
    for (size_t i = 0; i < 3; i++) {
        size_t el = strlen(ends[i]);
        if (el && (!ls_slice_sub(d, EFW2_REC, el, &t) || memcmp(t.ptr, ends[i], el) != 0)) continue;
        /* the next record is one of the file's (the employer's RE), or the file ends */
        if (d.len <= strides[i]) return strides[i];
        if (ls_slice_sub(d, strides[i], 2, &t) && ls_slice_at(t, 0) == 'R' &&
            memchr("AEWOSTUVF", ls_slice_at(t, 1), 9) != NULL)
            return strides[i];
    }
    return 0;
}

static int efw2_probe(const struct ls_object *o)
{
    if (o->data.len < EFW2_REC || efw2_stride(o->data) == 0) return 0;
    /* the submitter's EIN: nine digits (or blanks in a test file) */
    for (size_t i = 2; i < 11; i++) {
        int ch = ls_slice_at(o->data, i);
        if (!(ch >= '0' && ch <= '9') && ch != ' ') return 0;
    }
    return 90;
}

/* Field [from, to] (1-based, inclusive) of a record, trailing blanks cut. */
static struct ls_slice efw2_field(struct ls_slice rec, size_t from, size_t to)
{
    struct ls_slice f = {NULL, 0};
    if (!ls_slice_sub(rec, from - 1, to - from + 1, &f)) return (struct ls_slice){NULL, 0};
    while (f.len && ls_slice_at(f, f.len - 1) == ' ') f.len--;
    return f;
}

static ls_err efw2_put(struct ls_buf *b, const char *label, struct ls_slice v)
{
    if (v.len == 0) return LS_OK;
    LS_TRY(ls_buf_adds(b, label));
    return ls_buf_add(b, v.ptr, v.len);
}

/* The labelled line of an RW or RS record: SSN at ssn, the three name
 * fields after it. */
static ls_err efw2_person(struct ls_buf *b, struct ls_slice rec, const char *id, size_t ssn,
                          const size_t name[3][2])
{
    LS_TRY(ls_buf_adds(b, id));
    LS_TRY(efw2_put(b, " SSN: ", efw2_field(rec, ssn, ssn + 8)));
    LS_TRY(ls_buf_adds(b, " Name:"));
    for (size_t i = 0; i < 3; i++) LS_TRY(efw2_put(b, " ", efw2_field(rec, name[i][0], name[i][1])));
    return ls_buf_addc(b, '\n');
}

static ls_err efw2_record(struct ls_buf *b, struct ls_slice rec)
{
    static const size_t rw_name[3][2] = {{12, 26}, {27, 41}, {42, 61}};
    static const size_t rs_name[3][2] = {{19, 33}, {34, 48}, {49, 68}};
    int a = ls_slice_at(rec, 0), k = ls_slice_at(rec, 1);
    if (a != 'R') return LS_OK;
    if (k == 'W') return efw2_person(b, rec, "RW", 3, rw_name);
    if (k == 'S') return efw2_person(b, rec, "RS", 10, rs_name);
    if (k == 'A') {
        LS_TRY(efw2_put(b, "RA Submitter EIN: ", efw2_field(rec, 3, 11)));
        return ls_buf_addc(b, '\n');
    }
    if (k == 'E') {
        LS_TRY(efw2_put(b, "RE Employer EIN: ", efw2_field(rec, 8, 16)));
        return ls_buf_addc(b, '\n');
    }
    return LS_OK;
}

static ls_err efw2_extract(struct ls_ctx *c, struct ls_object *o)
{
    size_t stride = efw2_stride(o->data);
    if (stride == 0) return LS_OK;
    struct ls_buf b;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = LS_OK;
    size_t off = 0, n = 0;
    for (; e == LS_OK && off < o->data.len; off += stride) {
        struct ls_slice rec, left;
        (void)ls_slice_from(o->data, off, &left);
        if (left.len < EFW2_REC) {
            /* a line end or two after the last record is no record */
            bool blank = true;
            for (size_t i = 0; i < left.len && blank; i++)
                blank = ls_slice_at(left, i) == '\r' || ls_slice_at(left, i) == '\n' ||
                        ls_slice_at(left, i) == 0x1a; /* DOS end of file */
            if (!blank) {
                ls_note(c, o, LS_R_TRUNCATED, "efw2: last record %zu bytes long, not 512", left.len);
                e = efw2_record(&b, left);
            }
            break;
        }
        (void)ls_slice_sub(left, 0, EFW2_REC, &rec);
        e = efw2_record(&b, rec);
        if (e == LS_OK && ++n % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "efw2: labelled lines cut at the text budget");
    ls_err le = b.len ? ls_emit_labels(c, o, b.ptr, b.len) : LS_OK;
    ls_buf_free(&b);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : le;
}

const struct ls_handler ls_handler_efw2 = {
    .name = "efw2",
    .probe = efw2_probe,
    .extract = efw2_extract,
};
