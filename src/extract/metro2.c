/*
 * The "metro2" handler: Metro 2 credit reporting files, the monthly
 * account reports a lender, card issuer or collector sends the consumer
 * credit bureaus (Equifax, Experian, TransUnion, Innovis; CDIA "Credit
 * Reporting Resource Guide", Metro 2 Format, character format). One leaked
 * file holds every borrower's name, SSN, date of birth, phone and address.
 *
 * Layout: a header record, base segments of 426 bytes (each with its
 * appended segments), a trailer; every record starts with its Record
 * Descriptor Word, its length in four characters ("0426"; "0526" with a
 * J1 segment), records usually followed by CR LF. Read here (1-based
 * positions of the base segment, the RDW counted): 232-256 surname,
 * 257-276 first name, 277-296 middle name, 298-306 SSN, 307-314 date of
 * birth (MMDDYYYY), 315-324 telephone; in a J1 (100 bytes) or J2 (200
 * bytes) associated consumer segment: 4-28 surname, 29-48 first name,
 * 70-78 SSN, 79-86 date of birth, 87-96 telephone. The SSN, the date of
 * birth and the phone run together ("421113037031519752126211097"), which
 * no rule reads: each consumer gives a labelled line, "Name: MOSS ADA
 * SSN: 421113037 Date of birth: 1975-03-15 Phone: 2126211097", to
 * ls_emit_labels() (scanned as text). Addresses stand apart and are left
 * to the raw scan, which reads every byte of the file.
 *
 * Probe: a HEADER record (90); without one (80), a base segment whose time
 * stamp (6-19, MMDDYYYYHHMMSS) is a date and whose record ends where its
 * RDW says, at a line end, the end of the data or another record's RDW
 * (a number of 426 or more): any line of digits had passed before (a
 * digit-only export claimed one time in ten).
 *
 * Other appended segments (K1-K4, L1, N1) are stepped over by their fixed
 * lengths; an unknown one ends the record's reading. A record whose RDW is
 * no number is read up to its line end. The packed (binary) Metro 2 format
 * is not read (the raw scan only).
 *
 * A file with a HEADER record that ends without its TRAILER record (cut
 * at a record boundary) is noted truncated.
 *
 * Attacker-controlled: every byte. Only fixed offsets inside a record are
 * read; each record moves on at least one byte.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

#define M2_BASE 426u

static size_t m2_rdw(struct ls_slice d, size_t off)
{
    if (!ls_rec_digits(d, off, 4)) return 0;
    size_t n = 0;
    for (size_t i = off; i < off + 4; i++) n = n * 10 + (size_t)(ls_slice_at(d, i) - '0');
    return n;
}

/* A base segment's time stamp (positions 6-19, MMDDYYYYHHMMSS) that is a
 * date: month 01-12, day 01-31, year 19xx or 20xx. */
static bool m2_stamp(struct ls_slice d)
{
    if (!ls_rec_digits(d, 5, 14)) return false;
    int mo = (ls_slice_at(d, 5) - '0') * 10 + ls_slice_at(d, 6) - '0';
    int dd = (ls_slice_at(d, 7) - '0') * 10 + ls_slice_at(d, 8) - '0';
    int cc = (ls_slice_at(d, 9) - '0') * 10 + ls_slice_at(d, 10) - '0';
    return mo >= 1 && mo <= 12 && dd >= 1 && dd <= 31 && (cc == 19 || cc == 20);
}

static int m2_probe(const struct ls_object *o)
{
    struct ls_slice d = o->data, t;
    size_t n = m2_rdw(d, 0);
    if (n < M2_BASE) return 0;
    if (ls_slice_sub(d, 4, 6, &t) && ls_slice_eq_str(t, "HEADER")) return 90;
    /* no header: a base segment (processing indicator 1, a time stamp)
     * whose record ends where its RDW says: at a line end, another RDW or
     * the end of the data */
    if (ls_slice_at(d, 4) != '1' || !m2_stamp(d) || d.len < n) return 0;
    int after = ls_slice_at(d, n);
    return after < 0 || after == '\r' || after == '\n' || m2_rdw(d, n) >= M2_BASE ? 80 : 0;
}

/* A consumer's line: names at nm[3], SSN, DOB (MMDDYYYY), phone at the
 * given 1-based positions of seg. */
static ls_err m2_person(struct ls_buf *b, struct ls_slice seg, const size_t nm[3][2], size_t ssn, size_t dob,
                        size_t phone)
{
    LS_TRY(ls_buf_adds(b, "Name:"));
    for (size_t i = 0; i < 3; i++) LS_TRY(ls_lab_put(b, " ", ls_rec_field(seg, nm[i][0], nm[i][1])));
    struct ls_slice v = ls_rec_field(seg, ssn, ssn + 8);
    if (v.len == 9 && ls_rec_digits(v, 0, 9)) LS_TRY(ls_lab_put(b, " SSN: ", v));
    v = ls_rec_field(seg, dob, dob + 7);
    if (v.len == 8 && ls_rec_digits(v, 0, 8) && ls_slice_at(v, 4) != '0') {
        struct ls_slice mo, dd, y;
        (void)ls_slice_sub(v, 0, 2, &mo);
        (void)ls_slice_sub(v, 2, 2, &dd);
        (void)ls_slice_sub(v, 4, 4, &y);
        LS_TRY(ls_lab_put(b, " Date of birth: ", y));
        LS_TRY(ls_lab_put(b, "-", mo));
        LS_TRY(ls_lab_put(b, "-", dd));
    }
    v = ls_rec_field(seg, phone, phone + 9);
    if (v.len == 10 && ls_rec_digits(v, 0, 10) && ls_slice_at(v, 0) != '0') LS_TRY(ls_lab_put(b, " Phone: ", v));
    return ls_buf_addc(b, '\n');
}

/* Appended segments after the base: their identifiers and lengths. */
static size_t m2_seglen(struct ls_slice id)
{
    static const struct { const char *id; size_t len; } segs[] = {
        {"J1", 100}, {"J2", 200}, {"K1", 34}, {"K2", 34}, {"K3", 40}, {"K4", 30}, {"L1", 54}, {"N1", 146}};
    for (size_t i = 0; i < sizeof segs / sizeof segs[0]; i++)
        if (ls_slice_eq_str(id, segs[i].id)) return segs[i].len;
    return 0;
}

static ls_err m2_record(struct ls_buf *b, struct ls_slice rec)
{
    static const size_t base_nm[3][2] = {{232, 256}, {257, 276}, {277, 296}};
    static const size_t j_nm[3][2] = {{4, 28}, {29, 48}, {49, 68}};
    struct ls_slice t;
    if (rec.len < M2_BASE || (ls_slice_sub(rec, 4, 6, &t) && ls_slice_eq_str(t, "HEADER")) ||
        (ls_slice_sub(rec, 4, 7, &t) && ls_slice_eq_str(t, "TRAILER")))
        return LS_OK;
    LS_TRY(m2_person(b, rec, base_nm, 298, 307, 315));
    size_t off = M2_BASE;
    for (unsigned k = 0; k < 16 && ls_slice_sub(rec, off, 2, &t); k++) {
        size_t n = m2_seglen(t);
        struct ls_slice seg;
        if (n == 0 || !ls_slice_sub(rec, off, n, &seg)) break;
        if (ls_slice_at(t, 0) == 'J') LS_TRY(m2_person(b, seg, j_nm, 70, 79, 87));
        off += n;
    }
    return LS_OK;
}

static ls_err m2_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice d = o->data;
    struct ls_buf b;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = LS_OK;
    size_t off = 0, n = 0;
    bool header = false, trailer = false, cut = false;
    while (e == LS_OK && off < d.len) {
        size_t len = m2_rdw(d, off), end;
        if (len < 8) { /* no RDW: up to the line end */
            end = off;
            while (end < d.len && ls_slice_at(d, end) != '\n') end++;
        } else {
            end = len <= d.len - off ? off + len : d.len;
            if (end - off < len) ls_note(c, o, LS_R_TRUNCATED, "metro2: last record %zu bytes, not %zu", end - off, len);
            cut |= end - off < len;
        }
        struct ls_slice rec, t;
        (void)ls_slice_sub(d, off, end - off, &rec);
        header |= len >= 8 && ls_slice_sub(rec, 4, 6, &t) && ls_slice_eq_str(t, "HEADER");
        trailer |= len >= 8 && ls_slice_sub(rec, 4, 7, &t) && ls_slice_eq_str(t, "TRAILER");
        if (len >= 8) e = m2_record(&b, rec);
        off = end > off ? end : off + 1;
        while (off < d.len && (ls_slice_at(d, off) == '\r' || ls_slice_at(d, off) == '\n')) off++;
        if (e == LS_OK && ++n % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "metro2: labelled lines cut at the text budget");
    /* a header record promises a trailer record at the end: a file cut at
     * a record boundary has none (a headerless extract promises nothing) */
    if (e == LS_OK && header && !trailer && !cut)
        ls_note(c, o, LS_R_TRUNCATED, "metro2: the file ends without its trailer record");
    ls_err le = ls_emit_done(c, o, NULL, &b);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : le;
}

const struct ls_handler ls_handler_metro2 = {
    .name = "metro2",
    .probe = m2_probe,
    .extract = m2_extract,
};
