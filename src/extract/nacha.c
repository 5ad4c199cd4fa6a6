/*
 * The "nacha" handler: NACHA ACH files, the batches of direct deposits
 * (payroll), direct debits and vendor payments a company sends its bank
 * (NACHA Operating Rules, Appendix Three "ACH Record Format
 * Specifications"). One leaked payroll file holds every employee's name,
 * bank account number and, in the Individual Identification Number,
 * often the SSN.
 *
 * Layout: 94-character records, usually each followed by CR LF or LF,
 * sometimes none at all (one long line), the last block filled with
 * records of 9s: 1 file header, 5 batch header, 6 entry detail, 7 addenda,
 * 8 batch control, 9 file control. Read here (1-based positions): batch
 * header 51-53 the Standard Entry Class code; entry detail 13-29 the DFI
 * account number, 40-54 the Individual Identification Number, 55-76 the
 * individual's name; in an IAT batch (international) entry detail 40-74
 * the foreign receiver's account number (an IBAN) and addenda 10-16 the
 * receiver's and originator's names and addresses. The identification
 * number follows the amount's ten digits with no gap
 * ("0000231045421113037"), so no SSN rule reads it in the raw bytes: each
 * entry gives a labelled line to ls_emit_labels(), scanned as text ("6
 * Name: ADA MOSS Account: 000000482001 Individual ID (SSN): 421113037";
 * the SSN label only for nine digits in a consumer batch, PPD, WEB, TEL,
 * MTE, POS, whose id a payroll fills with the SSN; a company's batch, CCD
 * or CTX, and the check conversion batches, ARC, BOC, RCK, POP, whose
 * positions 40-54 hold the check serial number, get "Individual ID:"). An
 * IAT account that starts like an IBAN is written "IBAN: ...", which the
 * IBAN rule checks. A file cut before its first batch header (a batch
 * taken out of a file) is read too.
 *
 * A record ends at its line end when one comes within 94 bytes, else
 * after 94 bytes. Ignored on purpose: amounts, routing and trace numbers,
 * counts and hashes (no PII; decoys for an SSN rule), addenda 05 and 98/99
 * text (left to the raw scan, which reads every byte of the file).
 *
 * A file with a file header that ends without a file control record (9)
 * (cut at a record boundary) is noted truncated.
 *
 * Attacker-controlled: every byte. Only fixed offsets inside a record are
 * read; the record count is bounded by the size.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

#define NACHA_REC 94u

/* A file header: '1', priority code "01", then record size "094",
 * blocking factor "10" and format code '1' at positions 35-40, or one to
 * two characters off (a hand-made header whose origin or date field has a
 * character too many or too few: the records after it are read all the same). */
static bool nacha_header(struct ls_slice d)
{
    struct ls_slice t;
    if (!ls_slice_starts(d, "101", 3)) return false;
    for (size_t off = 32; off <= 36; off++)
        if (ls_slice_sub(d, off, 6, &t) && ls_slice_eq_str(t, "094101")) return true;
    return false;
}

/* A batch header without a file header: '5', a service class (200, 220,
 * 225, 280), a Standard Entry Class code, an entry detail next. */
static bool nacha_batch_first(struct ls_slice d)
{
    struct ls_slice sc, sec;
    if (ls_slice_at(d, 0) != '5' || !ls_slice_sub(d, 1, 3, &sc) || !ls_slice_sub(d, 50, 3, &sec)) return false;
    if (!ls_slice_eq_str(sc, "200") && !ls_slice_eq_str(sc, "220") && !ls_slice_eq_str(sc, "225") &&
        !ls_slice_eq_str(sc, "280"))
        return false;
    for (size_t i = 0; i < 3; i++)
        if (ls_slice_at(sec, i) < 'A' || ls_slice_at(sec, i) > 'Z') return false;
    size_t next;
    (void)ls_rec_end(d, 0, NACHA_REC, &next);
    return next > 0 && ls_slice_at(d, next) == '6';
}

static int nacha_probe(const struct ls_object *o)
{
    if (nacha_batch_first(o->data)) return 80;
    if (!nacha_header(o->data)) return 0;
    /* the next record is a batch header or the file control */
    size_t next;
    (void)ls_rec_end(o->data, 0, NACHA_REC, &next);
    int k = ls_slice_at(o->data, next);
    return k == '5' || k == '9' || k < 0 ? 90 : 0;
}

/* Field [from, to] (1-based, inclusive) of a record, blanks cut at both ends. */
static struct ls_slice nacha_field(struct ls_slice rec, size_t from, size_t to)
{
    struct ls_slice f = ls_rec_field(rec, from, to);
    while (f.len && ls_slice_at(f, 0) == ' ') (void)ls_slice_from(f, 1, &f);
    return f;
}

/* A consumer batch whose positions 40-54 hold the Individual
 * Identification Number (the receiver is a person): it may be the SSN. Not
 * ARC, BOC, RCK, POP (a check serial number there), SHR (a card's expiry
 * and a document reference), CIE (the name there, the id after it). */
static bool nacha_consumer(const char sec[3])
{
    static const char *const codes[] = {"PPD", "WEB", "TEL", "MTE", "POS"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (memcmp(sec, codes[i], 3) == 0) return true;
    return false;
}

static ls_err nacha_entry(struct ls_buf *b, struct ls_slice rec, const char sec[3])
{
    LS_TRY(ls_buf_adds(b, "6"));
    if (memcmp(sec, "IAT", 3) == 0) {
        struct ls_slice acct = nacha_field(rec, 40, 74);
        int c0 = ls_slice_at(acct, 0), c2 = ls_slice_at(acct, 2);
        bool iban = c0 >= 'A' && c0 <= 'Z' && c2 >= '0' && c2 <= '9';
        LS_TRY(ls_lab_put(b, iban ? " IBAN: " : " Account: ", acct));
        return ls_buf_addc(b, '\n');
    }
    LS_TRY(ls_lab_put(b, " Name: ", nacha_field(rec, 55, 76)));
    LS_TRY(ls_lab_put(b, " Account: ", nacha_field(rec, 13, 29)));
    struct ls_slice id = nacha_field(rec, 40, 54);
    LS_TRY(ls_lab_put(b, nacha_consumer(sec) && ls_digits_n(id, 9) ? " Individual ID (SSN): " : " Individual ID: ",
                     id));
    return ls_buf_addc(b, '\n');
}

/* IAT addenda 10-16: names, addresses, the receiver's id. */
static ls_err nacha_iat_addenda(struct ls_buf *b, struct ls_slice rec)
{
    int t = ls_slice_at(rec, 2);
    if (ls_slice_at(rec, 1) != '1') return LS_OK;
    if (t == '0') {
        LS_TRY(ls_lab_put(b, "7 Receiver: ", nacha_field(rec, 47, 81)));
        return ls_buf_addc(b, '\n');
    }
    if (t == '1' || t == '2' || t == '6') {
        LS_TRY(ls_lab_put(b, t == '1' ? "7 Originator: " : "7 Address: ", nacha_field(rec, 4, 38)));
        LS_TRY(ls_lab_put(b, " ", nacha_field(rec, 39, 73)));
        return ls_buf_addc(b, '\n');
    }
    if (t == '5') {
        LS_TRY(ls_lab_put(b, "7 Receiver ID: ", nacha_field(rec, 4, 18)));
        LS_TRY(ls_lab_put(b, " Address: ", nacha_field(rec, 19, 53)));
        return ls_buf_addc(b, '\n');
    }
    return LS_OK;
}

static ls_err nacha_record(struct ls_buf *b, struct ls_slice rec, char sec[3])
{
    switch (ls_slice_at(rec, 0)) {
    case '5': {
        struct ls_slice s = nacha_field(rec, 51, 53);
        memset(sec, ' ', 3);
        if (s.len == 3) memcpy(sec, s.ptr, 3);
        return LS_OK;
    }
    case '6':
        return nacha_entry(b, rec, sec);
    case '7':
        return memcmp(sec, "IAT", 3) == 0 ? nacha_iat_addenda(b, rec) : LS_OK;
    default:
        return LS_OK;
    }
}

static ls_err nacha_extract(struct ls_ctx *c, struct ls_object *o)
{
    if (!nacha_header(o->data) && !nacha_batch_first(o->data)) return LS_OK;
    struct ls_buf b;
    ls_buf_init(&b, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = LS_OK;
    size_t off = 0, n = 0;
    char sec[3] = {' ', ' ', ' '};
    bool header = nacha_header(o->data), control = false, cut = false;
    while (e == LS_OK && off < o->data.len) {
        size_t next, end = ls_rec_end(o->data, off, NACHA_REC, &next);
        struct ls_slice rec;
        (void)ls_slice_sub(o->data, off, end - off, &rec);
        if (next == end && next == o->data.len && rec.len < NACHA_REC) {
            /* the last bytes, no line end: a DOS end of file, or a record cut */
            bool blank = true;
            for (size_t i = 0; i < rec.len && blank; i++) blank = ls_slice_at(rec, i) == 0x1a;
            if (!blank) ls_note(c, o, LS_R_TRUNCATED, "nacha: last record %zu bytes long, not 94", rec.len);
            cut |= !blank;
        }
        control |= ls_slice_at(rec, 0) == '9';
        e = nacha_record(&b, rec, sec);
        off = next > off ? next : off + 1;
        if (e == LS_OK && ++n % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "nacha: labelled lines cut at the text budget");
    /* a file header promises a file control record (9) at the end: a file
     * cut at a record boundary has none */
    if (e == LS_OK && header && !control && !cut)
        ls_note(c, o, LS_R_TRUNCATED, "nacha: the file ends without its file control record (9)");
    ls_err le = ls_emit_done(c, o, NULL, &b);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : le;
}

const struct ls_handler ls_handler_nacha = {
    .name = "nacha",
    .probe = nacha_probe,
    .extract = nacha_extract,
};
