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
 * A record ends at its line end when one comes within 512 bytes, else
 * after 512 bytes: files whose records an editor or a script trimmed of
 * their trailing blanks (a field past a record's end is blank), and files
 * whose line ends change from one record to the next (parts put together
 * from two systems), are read record by record, not at a stride found
 * from the first record (which read every later record out of step).
 *
 * EFW2C correction files (SSA Publication 42-014, "Specifications for
 * Filing Forms W-2c and W-3c Electronically") are read the same way:
 * 1024-byte records RCA, RCE, RCW, RCO, RCS, RCT, RCU, RCF; RCW 4-12 the
 * SSN as originally reported, 13-21 the correct SSN, 22-71 the name as
 * originally reported, 72-121 the correct name: "RCW SSN: 421113037 Name:
 * ..." and "RCW Correct SSN: ..." lines (the original SSN may be the wrong
 * one, a transposed real SSN: it is labelled all the same).
 *
 * Ignored on purpose: amounts (no PII), records of other types (kept for
 * the raw scan). A file
 * whose last record is short and has no line end (the others 512 bytes)
 * is read up to it and noted truncated.
 *
 * A file that ends without its final record (RF, RCF), cut at a record
 * boundary, is noted truncated.
 *
 * Attacker-controlled: every byte. Only fixed offsets inside a record are
 * read; the record count is bounded by the size.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

#define EFW2_REC 512u
#define EFW2C_REC 1024u

/* The record length: EFW2C_REC for a correction file (RCA first), else EFW2_REC. */
static size_t efw2_reclen(struct ls_slice d)
{
    return ls_slice_starts(d, "RCA", 3) ? EFW2C_REC : EFW2_REC;
}

/* Bytes from one record to the next: 512, 513 (LF) or 514 (CR LF), by
 * what follows the first record (1024-1026 in a correction file); 0 when
 * the data is no EFW2 file. */
static size_t efw2_stride(struct ls_slice d)
{
    struct ls_slice t;
    if (!ls_slice_sub(d, 0, 2, &t) || memcmp(t.ptr, "RA", 2) != 0) {
        if (!ls_slice_starts(d, "RCA", 3)) return 0;
    }
    const size_t rl = efw2_reclen(d), cor = rl == EFW2C_REC;
    const size_t strides[] = {rl + 2, rl + 1, rl};
    static const char *const ends[] = {"\r\n", "\n", ""};
    for (size_t i = 0; i < 3; i++) {
        size_t el = strlen(ends[i]);
        if (el && (!ls_slice_sub(d, rl, el, &t) || memcmp(t.ptr, ends[i], el) != 0)) continue;
        /* the next record is one of the file's (the employer's RE), or the file ends */
        if (d.len <= strides[i]) return strides[i];
        if (ls_slice_sub(d, strides[i], 2 + cor, &t) && ls_slice_at(t, 0) == 'R' &&
            (!cor || ls_slice_at(t, 1) == 'C') && memchr("AEWOSTUVF", ls_slice_at(t, 1 + cor), 9) != NULL)
            return strides[i];
    }
    return 0;
}

/* A file of line-ended records shorter than EFW2_REC (trimmed): an RA
 * line, then an RE line. */
static bool efw2_lines(struct ls_slice d)
{
    size_t next, end = ls_rec_end(d, 0, efw2_reclen(d), &next);
    if (ls_slice_at(d, 0) != 'R' || ls_slice_at(d, 1) != 'A' || end < 11 || next == end) return false;
    return ls_slice_at(d, next) == 'R' && ls_slice_at(d, next + 1) == 'E';
}

static int efw2_probe(const struct ls_object *o)
{
    if (!((o->data.len >= efw2_reclen(o->data) && efw2_stride(o->data) != 0) || efw2_lines(o->data))) return 0;
    /* the submitter's EIN: nine digits (or blanks in a test file) */
    const size_t ein = efw2_reclen(o->data) == EFW2C_REC ? 3 : 2;
    for (size_t i = ein; i < ein + 9; i++) {
        int ch = ls_slice_at(o->data, i);
        if (!(ch >= '0' && ch <= '9') && ch != ' ') return 0;
    }
    return 90;
}

/* The labelled line of an RW or RS record: SSN at ssn, the three name
 * fields after it. */
static ls_err efw2_person(struct ls_buf *b, struct ls_slice rec, const char *id, size_t ssn,
                          const size_t name[3][2])
{
    LS_TRY(ls_buf_adds(b, id));
    LS_TRY(ls_lab_put(b, " SSN: ", ls_rec_field(rec, ssn, ssn + 8)));
    LS_TRY(ls_buf_adds(b, " Name:"));
    for (size_t i = 0; i < 3; i++) LS_TRY(ls_lab_put(b, " ", ls_rec_field(rec, name[i][0], name[i][1])));
    return ls_buf_addc(b, '\n');
}

/* An EFW2C employee correction: the SSN and name as originally reported,
 * then as corrected. */
static ls_err efw2c_rcw(struct ls_buf *b, struct ls_slice rec)
{
    static const size_t orig[3][2] = {{22, 36}, {37, 51}, {52, 71}}, corr[3][2] = {{72, 86}, {87, 101}, {102, 121}};
    LS_TRY(efw2_person(b, rec, "RCW", 4, orig));
    return efw2_person(b, rec, "RCW Correct", 13, corr);
}

static ls_err efw2_record(struct ls_buf *b, struct ls_slice rec)
{
    static const size_t rw_name[3][2] = {{12, 26}, {27, 41}, {42, 61}};
    static const size_t rs_name[3][2] = {{19, 33}, {34, 48}, {49, 68}};
    int a = ls_slice_at(rec, 0), k = ls_slice_at(rec, 1);
    if (a != 'R') return LS_OK;
    if (k == 'C') {
        struct ls_slice t;
        if (ls_slice_sub(rec, 0, 3, &t) && ls_slice_eq_str(t, "RCW")) return efw2c_rcw(b, rec);
        if (ls_slice_sub(rec, 0, 3, &t) && ls_slice_eq_str(t, "RCA")) {
            LS_TRY(ls_lab_put(b, "RCA Submitter EIN: ", ls_rec_field(rec, 4, 12)));
            return ls_buf_addc(b, '\n');
        }
        return LS_OK;
    }
    if (k == 'W') return efw2_person(b, rec, "RW", 3, rw_name);
    if (k == 'S') return efw2_person(b, rec, "RS", 10, rs_name);
    if (k == 'A') {
        LS_TRY(ls_lab_put(b, "RA Submitter EIN: ", ls_rec_field(rec, 3, 11)));
        return ls_buf_addc(b, '\n');
    }
    if (k == 'E') {
        LS_TRY(ls_lab_put(b, "RE Employer EIN: ", ls_rec_field(rec, 8, 16)));
        return ls_buf_addc(b, '\n');
    }
    return LS_OK;
}

static ls_err efw2_extract(struct ls_ctx *c, struct ls_object *o)
{
    if (efw2_stride(o->data) == 0 && !efw2_lines(o->data)) return LS_OK;
    struct ls_buf b;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = LS_OK;
    size_t off = 0, n = 0;
    bool whole = true; /* every record so far EFW2_REC bytes */
    bool final = false, cut = false; /* the final record (RF, RCF) seen; the last record cut */
    while (e == LS_OK && off < o->data.len) {
        size_t next, end = ls_rec_end(o->data, off, efw2_reclen(o->data), &next);
        struct ls_slice rec;
        (void)ls_slice_sub(o->data, off, end - off, &rec);
        final |= ls_slice_starts(rec, "RF", 2) || ls_slice_starts(rec, "RCF", 3);
        if (next == end && rec.len < efw2_reclen(o->data)) {
            /* the last bytes, no line end: a DOS end of file, or a record cut */
            bool blank = true;
            for (size_t i = 0; i < rec.len && blank; i++) blank = ls_slice_at(rec, i) == 0x1a;
            if (!blank && whole)
                ls_note(c, o, LS_R_TRUNCATED, "efw2: last record %zu bytes long, not %zu", rec.len, efw2_reclen(o->data));
            cut = !blank && whole;
            if (!blank) e = efw2_record(&b, rec);
            break;
        }
        if (rec.len) whole &= rec.len == efw2_reclen(o->data); /* a blank line between records is none */
        e = efw2_record(&b, rec);
        off = next > off ? next : off + 1;
        if (e == LS_OK && ++n % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "efw2: labelled lines cut at the text budget");
    if (e == LS_OK && !final && !cut) /* cut at a record boundary */
        ls_note(c, o, LS_R_TRUNCATED, "efw2: the file ends without its final record (RF)");
    ls_err le = ls_emit_done(c, o, NULL, &b);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : le;
}

const struct ls_handler ls_handler_efw2 = {
    .name = "efw2",
    .probe = efw2_probe,
    .extract = efw2_extract,
};
