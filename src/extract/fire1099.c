/*
 * The "fire1099" handler: IRS FIRE information returns, the 1099 (and
 * 1098, 5498, W-2G) files a payer or its payroll bureau transmits to the
 * IRS (IRS Publication 1220, "Specifications for Electronic Filing of
 * Forms 1097, 1098, 1099, 3921, 3922, 5498 and W-2G", tax year 2020 on).
 * One leaked file holds every payee's TIN (for a person: the SSN), name
 * and address.
 *
 * Layout: fixed 750-byte records, followed by CR LF, LF or nothing,
 * identified by their first byte: T transmitter, A payer, B payee, C end
 * of payer, K state totals, F end of transmission. Read here (1-based
 * positions of the spec): T 7-15 the transmitter's TIN; A 12-20 the
 * payer's TIN, 53-92 its name; B 11 the type of TIN (1 an EIN, 2 an SSN,
 * ITIN or ATIN, blank unknown), 12-20 the payee's TIN, 288-327 the first
 * payee name line. The TIN touches the type before it and the payer's
 * account number for the payee after it ("B2014 MOSS2421113037V00417"),
 * which no SSN rule reads on its own: each B record gives a labelled line,
 * "B SSN: 421113037 Name: MOSS ADA" (type 2), "B EIN: ..." (type 1) or
 * "B TIN: ..." (blank: not claimed an SSN), to ls_emit_labels() (scanned
 * as text). Addresses, the contact's e-mail and phone stand apart in their
 * fields and are left to the raw scan, which reads every byte.
 *
 * A record ends at its line end when one comes within 750 bytes, else
 * after 750 bytes. Ignored on purpose: amounts, counts, sequence numbers
 * (no PII), the name lines of layouts before tax year 2020 (positions 248
 * on: the TIN is where it always was).
 *
 * A file that ends without its end of transmission record (F), cut at a
 * record boundary, is noted truncated.
 *
 * Attacker-controlled: every byte. Only fixed offsets inside a record are
 * read; the record count is bounded by the size.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

#define FIRE_REC 750u

/* A T record (payment year, transmitter TIN) whose next record is an A. */
static bool fire_file(struct ls_slice d)
{
    if (ls_slice_at(d, 0) != 'T' || !ls_rec_digits(d, 1, 4) || !ls_rec_digits(d, 6, 9)) return false;
    size_t next;
    (void)ls_rec_end(d, 0, FIRE_REC, &next);
    return ls_slice_at(d, next) == 'A' && ls_rec_digits(d, next + 1, 4);
}

static int fire_probe(const struct ls_object *o)
{
    return fire_file(o->data) ? 90 : 0;
}

static ls_err fire_record(struct ls_buf *b, struct ls_slice rec)
{
    switch (ls_slice_at(rec, 0)) {
    case 'T':
        LS_TRY(ls_lab_put(b, "T Transmitter TIN: ", ls_rec_field(rec, 7, 15)));
        break;
    case 'A':
        LS_TRY(ls_lab_put(b, "A Payer TIN: ", ls_rec_field(rec, 12, 20)));
        LS_TRY(ls_lab_put(b, " Payer: ", ls_rec_field(rec, 53, 92)));
        break;
    case 'B': {
        int t = ls_slice_at(rec, 10);
        LS_TRY(ls_lab_put(b, t == '2' ? "B SSN: " : t == '1' ? "B EIN: " : "B TIN: ", ls_rec_field(rec, 12, 20)));
        LS_TRY(ls_lab_put(b, " Name: ", ls_rec_field(rec, 288, 327)));
        break;
    }
    default:
        return LS_OK;
    }
    return ls_buf_addc(b, '\n');
}

static ls_err fire_extract(struct ls_ctx *c, struct ls_object *o)
{
    if (!fire_file(o->data)) return LS_OK;
    struct ls_buf b;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = LS_OK;
    size_t off = 0, n = 0;
    bool eot = false, cut = false; /* the F record (end of transmission) seen; the last record cut */
    while (e == LS_OK && off < o->data.len) {
        size_t next, end = ls_rec_end(o->data, off, FIRE_REC, &next);
        struct ls_slice rec;
        (void)ls_slice_sub(o->data, off, end - off, &rec);
        if (next == end && next == o->data.len && rec.len < FIRE_REC) {
            bool blank = true; /* a DOS end of file, or a record cut */
            for (size_t i = 0; i < rec.len && blank; i++) blank = ls_slice_at(rec, i) == 0x1a;
            if (!blank) ls_note(c, o, LS_R_TRUNCATED, "fire1099: last record %zu bytes long, not 750", rec.len);
            cut |= !blank;
        }
        eot |= ls_slice_at(rec, 0) == 'F';
        e = fire_record(&b, rec);
        off = next > off ? next : off + 1;
        if (e == LS_OK && ++n % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "fire1099: labelled lines cut at the text budget");
    if (e == LS_OK && !eot && !cut) /* cut at a record boundary */
        ls_note(c, o, LS_R_TRUNCATED, "fire1099: the file ends without its end of transmission record (F)");
    ls_err le = ls_emit_done(c, o, NULL, &b);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : le;
}

const struct ls_handler ls_handler_fire1099 = {
    .name = "fire1099",
    .probe = fire_probe,
    .extract = fire_extract,
};
