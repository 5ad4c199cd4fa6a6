/*
 * The "csv" handler: delimited text tables (CSV, TSV, semicolon and pipe
 * separated exports: database dumps, HR and customer lists). Their values
 * sit under a header row ("name,ssn,dob"), out of reach of the rules'
 * context windows, so once a header row is found (tablectx.h) each later
 * record gives a line of its values under labelled columns, "ssn:
 * 536221874\tdob: 1975-03-14", to ls_emit_labels(). The raw bytes are
 * scanned as always; a value found there and in its labelled copy counts
 * once.
 *
 * Format: RFC 4180 with the usual liberties. The delimiter is the one of
 * , ; TAB | that splits the first record into at least LS_TC_MIN_COLS fields
 * and every following sampled record into the same number (quotes honoured;
 * a short last record is allowed). Quoted fields may hold delimiters, line
 * breaks and "" for a quote; a stray quote inside an unquoted field is
 * kept as is. UTF-16 and Windows-1252 exports are converted to UTF-8 and
 * emitted as text, like the text handler does, up to the text budget.
 *
 * Concordance / Relativity load files (an e-discovery production's .dat,
 * the Concordance defaults: field separator DC4 0x14, quote thorn U+00FE,
 * a line break inside a field written as (R) U+00AE; in UTF-8, UTF-16 with
 * a BOM or Latin-1) are the same tables in another dialect, found by a
 * thorn, a separator and a thorn in a row. Their thorns touch the values
 * ("\xfeada@corp.example\xfe"), so the raw scan reads a letter glued to
 * every first value: the fields are emitted as text, one record a line,
 * fields tab-separated, (R) as a line break. Other separators with thorn
 * quotes (a comma, a pipe) are read the same way, and so is Relativity's
 * pipe-and-caret dialect (^BEGDOC^|^ENDDOC^): a caret is a character of an
 * address's local part, so "^ada@corp.example^" reads as no address.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/tablectx.h"
#include "extract/text.h"

#define CSV_SAMPLE (64u * 1024u) /* bytes the probe looks at */
#define CSV_SAMPLE_ROWS 5u      /* records the probe compares */
#define CSV_FIELD_MAX 4096u     /* a field longer than this is written cut */

static const char csv_delims[] = {',', ';', '\t', '|', '\x14'};

/* Concordance's quote (thorn, U+00FE) and in-field line break ((R), U+00AE) in UTF-8 */
#define CSV_THORN "\xc3\xbe"
#define CSV_REG "\xc2\xae"

/* Quoting: RFC 4180 ("), Concordance (thorn, and (R) line breaks), Relativity (^) */
enum csv_dialect { CSV_D_RFC, CSV_D_THORN, CSV_D_CARET };

/* A reader over UTF-8 text. */
struct csv_rd {
    struct ls_slice s;
    size_t pos;
    char delim;
    enum csv_dialect d;
};

static bool csv_at(const struct csv_rd *r, size_t pos, const char *lit)
{
    struct ls_slice t;
    size_t n = strlen(lit);
    return ls_slice_sub(r->s, pos, n, &t) && memcmp(t.ptr, lit, n) == 0;
}

/* At a quote of the dialect: its length, else 0. */
static size_t csv_quote(const struct csv_rd *r, size_t pos)
{
    if (r->d == CSV_D_THORN) return csv_at(r, pos, CSV_THORN) ? 2 : 0;
    return pos < r->s.len && ls_slice_at(r->s, pos) == (r->d == CSV_D_CARET ? '^' : '"') ? 1 : 0;
}

/* Append one byte to a capped field: a field past the cap is written cut. */
static void csv_addc(struct ls_buf *f, int ch)
{
    if (ls_buf_addc(f, (uint8_t)ch) != LS_OK) return;
}

/* Append bytes to a capped field, as csv_addc() one by one: as many as fit. */
static void csv_addrun(struct ls_buf *f, struct ls_slice t)
{
    if (ls_buf_add(f, t.ptr, t.len) != LS_OK) return;
}

/* Bytes from pos on that csv_field() copies as they are, whatever its
 * state: none is the delimiter, a line end, or the first byte of a quote
 * (", ^, a thorn's 0xC3) or of Concordance's line break (0xC2). */
static size_t csv_plain_run(const struct csv_rd *r)
{
    size_t i = r->pos;
    for (; i < r->s.len; i++) {
        int ch = ls_slice_at(r->s, i);
        if (ch == r->delim || ch == '\n' || ch == '\r' || ch == '"' || ch == '^' || ch == 0xC2 || ch == 0xC3)
            break;
    }
    return i - r->pos;
}

/* Next field into f (unquoted); *eol set when it ended its record. false at
 * the end of the input. */
static bool csv_field(struct csv_rd *r, struct ls_buf *f, bool *eol)
{
    ls_buf_reset(f);
    *eol = false;
    if (r->pos >= r->s.len) return false;
    size_t q = csv_quote(r, r->pos);
    bool quoted = q > 0;
    r->pos += q;
    while (r->pos < r->s.len) {
        size_t run = csv_plain_run(r);
        if (run) { /* copied at once, as byte by byte below (cut at f's cap alike) */
            struct ls_slice t;
            (void)ls_slice_sub(r->s, r->pos, run, &t);
            csv_addrun(f, t);
            r->pos += run;
            continue;
        }
        int ch = ls_slice_at(r->s, r->pos);
        if (quoted && csv_quote(r, r->pos)) {
            if (csv_quote(r, r->pos + q)) { /* a doubled quote is one */
                for (size_t i = 0; i < q; i++) csv_addc(f, ls_slice_at(r->s, r->pos + i));
                r->pos += 2 * q;
                continue;
            }
            quoted = false; /* closing quote; text up to the delimiter joins */
            r->pos += q;
            continue;
        }
        if (r->d == CSV_D_THORN && csv_at(r, r->pos, CSV_REG)) { /* Concordance's line break in a field */
            csv_addc(f, '\n');
            r->pos += 2;
            continue;
        }
        if (!quoted && ch == r->delim) {
            r->pos++;
            return true;
        }
        if (!quoted && (ch == '\n' || ch == '\r')) {
            r->pos++;
            if (ch == '\r' && ls_slice_at(r->s, r->pos) == '\n') r->pos++;
            *eol = true;
            return true;
        }
        csv_addc(f, ch);
        r->pos++;
    }
    *eol = true;
    return true;
}

/* Fields in each of the first rows; the number of rows read. */
static unsigned csv_shape(struct ls_slice s, char delim, enum csv_dialect dialect, unsigned *fields,
                          unsigned max_rows, struct ls_buf *f)
{
    struct csv_rd r = {s, 0, delim, dialect};
    unsigned rows = 0, n = 0;
    bool eol;
    while (rows < max_rows && csv_field(&r, f, &eol)) {
        n++;
        if (eol) {
            if (n > 1 || f->len) fields[rows++] = n; /* blank lines do not count */
            n = 0;
        }
    }
    if (n && rows < max_rows) fields[rows++] = n;
    return rows;
}

/* A load file's dialect: a thorn, a separator and a thorn in a row in the
 * sample (Concordance), or ^|^ (Relativity); its separator, else 0. */
static char csv_loadfile_delim(struct ls_slice s, enum csv_dialect *d)
{
    *d = CSV_D_THORN;
    for (size_t i = 0; i < sizeof csv_delims; i++) {
        const char pat[] = {'\xc3', '\xbe', csv_delims[i], '\xc3', '\xbe'};
        if (ls_slice_find(s, 0, pat, sizeof pat) != SIZE_MAX) return csv_delims[i];
    }
    *d = CSV_D_CARET;
    if (ls_slice_find(s, 0, "^|^", 3) != SIZE_MAX) return '|';
    *d = CSV_D_RFC;
    return 0;
}

/* The delimiter of a table, or 0: at least min_rows records of the same
 * width (a sample cut mid-record may leave its last record short). *dialect
 * set to the load file's when the table is one (thorn or caret quotes). */
static char csv_delimiter(struct ls_slice s, bool cut, unsigned min_rows, enum csv_dialect *dialect)
{
    struct ls_buf f;
    ls_buf_init(&f, CSV_FIELD_MAX);
    char best = 0, td = csv_loadfile_delim(s, dialect);
    if (td) min_rows = 2; /* the dialect names the file a table */
    for (size_t d = 0; d < sizeof csv_delims && !best; d++) {
        unsigned fields[CSV_SAMPLE_ROWS];
        if (td && csv_delims[d] != td) continue;
        /* not in the sample: every record is one field (only the delimiter
         * ends a field), no table; a memchr, not a read of five records */
        if (ls_slice_find(s, 0, &csv_delims[d], 1) == SIZE_MAX) continue;
        unsigned rows = csv_shape(s, csv_delims[d], *dialect, fields, CSV_SAMPLE_ROWS, &f);
        if (rows < min_rows || fields[0] < LS_TC_MIN_COLS) continue;
        bool same = true;
        for (unsigned i = 1; i < rows && same; i++)
            same = fields[i] == fields[0] || (i + 1 == rows && (cut || rows > 2) &&
                                              fields[i] < fields[0]);
        if (same) best = csv_delims[d];
    }
    ls_buf_free(&f);
    if (!best) *dialect = CSV_D_RFC;
    return best;
}

/* Excel's "sep=;" first line (it names the delimiter of the file for
 * Excel, whatever the locale's list separator; European exports write it):
 * the delimiter, and where the table starts after the line. */
static bool csv_sep_line(struct ls_slice s, char *delim, size_t *start)
{
    if (s.len < 5 || !csv_at(&(struct csv_rd){s, 0, 0, CSV_D_RFC}, 0, "sep=")) return false;
    int ch = ls_slice_at(s, 4);
    if (ch <= ' ' || ch >= 0x7f || ch == '"' || (ch >= '0' && ch <= '9') ||
        ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
        return false;
    size_t at = 5;
    if (at < s.len && ls_slice_at(s, at) == '\r') at++;
    if (at < s.len && ls_slice_at(s, at) != '\n') return false;
    *delim = (char)ch;
    *start = at < s.len ? at + 1 : at;
    return true;
}

/* Records the probe wants: two when the file says it is a table, else three
 * (two lines of prose with the same number of commas happen). */
#define CSV_ROWS(named) ((named) ? 2u : 3u)

static bool csv_named(const struct ls_object *o)
{
    if (o->mime && (strcmp(o->mime, "text/csv") == 0 || strcmp(o->mime, "application/csv") == 0 ||
                    strcmp(o->mime, "text/tab-separated-values") == 0))
        return true;
    /* A text file named .xls is a web application's "Excel export":
     * tab- or comma-separated rows Excel opens as a sheet. */
    return o->ext && (strcmp(o->ext, "csv") == 0 || strcmp(o->ext, "tsv") == 0 ||
                      strcmp(o->ext, "tab") == 0 || strcmp(o->ext, "xls") == 0);
}

/* The probe's view: the first CSV_SAMPLE bytes as UTF-8. */
static enum ls_text_enc csv_sample(struct ls_slice data, struct ls_buf *u8, bool *cut)
{
    size_t bom;
    struct ls_slice head, body;
    size_t n = data.len < CSV_SAMPLE ? data.len : CSV_SAMPLE;
    *cut = n < data.len;
    (void)ls_slice_sub(data, 0, n, &head);
    enum ls_text_enc enc = ls_text_detect(head, &bom);
    if (enc == LS_TEXT_BINARY || !ls_slice_from(head, bom, &body)) return LS_TEXT_BINARY;
    body.len = ls_text_cut(body, body.len, enc);
    if (ls_text_convert(body, enc, u8) == LS_E_NOMEM) return LS_TEXT_BINARY;
    return enc;
}

/* An SQL script (`sqlite3 .dump`: one INSERT per line, commas in every
 * line) is text: its rows are read by the text handler's SQL dump reader
 * (sqldump.h), which knows the columns from the statements. */
static bool csv_sql(struct ls_slice sample)
{
    return ls_slice_find(sample, 0, "INSERT ", 7) != SIZE_MAX ||
           ls_slice_find(sample, 0, "CREATE TABLE ", 13) != SIZE_MAX ||
           ls_slice_find(sample, 0, "insert into ", 12) != SIZE_MAX;
}

static int csv_probe(const struct ls_object *o)
{
    if (o->data.len == 0) return 0;
    struct ls_buf u8;
    bool cut;
    ls_buf_init(&u8, CSV_SAMPLE * 3 + 16);
    enum ls_text_enc enc = csv_sample(o->data, &u8, &cut);
    bool named = csv_named(o);
    enum csv_dialect dialect = CSV_D_RFC;
    char d = 0;
    size_t start;
    bool sep = enc != LS_TEXT_BINARY && csv_sep_line(ls_buf_slice(&u8), &d, &start);
    if (!sep)
        d = enc == LS_TEXT_BINARY || csv_sql(ls_buf_slice(&u8))
                ? 0
                : csv_delimiter(ls_buf_slice(&u8), cut, CSV_ROWS(named), &dialect);
    ls_buf_free(&u8);
    if (!d) return 0;
    /* above "text" (25; 60 for UTF-16 with a BOM) when named a table, a
     * load file, a table with Excel's "sep=" line, or Excel's "Unicode
     * Text" (UTF-16, tab-separated, whatever its name: .txt) */
    bool utf16 = enc == LS_TEXT_UTF16LE || enc == LS_TEXT_UTF16BE;
    return named || sep || dialect != CSV_D_RFC || (utf16 && d == '\t') ? 70 : 30;
}

/* ---- extraction ---- */

/* Every record through the header-label context: past the header, each
 * record's values that need their column's label go to ls_emit_labels().
 * plain (the Concordance dialect), when not NULL, gets the fields as text:
 * tab-separated, one record a line. */
static ls_err csv_labels(struct ls_ctx *c, struct ls_object *o, struct csv_rd r, struct ls_buf *plain)
{
    struct ls_tablectx tc;
    struct ls_buf f;
    LS_TRY(ls_tc_init(&tc));
    /* a load file's field is a whole document's text: the plain text keeps it whole */
    ls_buf_init(&f, plain ? (size_t)ls_ctx_limits(c)->max_text : CSV_FIELD_MAX);
    uint32_t col = 0;
    bool eol, labels = true;
    ls_err e = LS_OK, pe = LS_OK;
    while (e == LS_OK && csv_field(&r, &f, &eol)) {
        if (labels) ls_tc_cell(&tc, col, ls_buf_slice(&f), ls_tc_is_text(ls_buf_slice(&f)));
        if (plain && pe == LS_OK) {
            pe = ls_buf_add(plain, f.ptr, f.len);
            if (pe == LS_OK) pe = ls_buf_addc(plain, eol ? '\n' : '\t');
        }
        col++;
        if (!eol) continue;
        if (labels) e = ls_tc_row_end(&tc, c, o);
        col = 0;
        if (tc.done && !tc.have_header) labels = false; /* no header: no labels */
        if (!labels && !plain) break;
        if (e == LS_OK && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_OK && col && labels) e = ls_tc_row_end(&tc, c, o); /* a last record without a line end */
    if (pe == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "csv: load file text cut at the text budget");
    ls_buf_free(&f);
    ls_tc_free(&tc);
    return e;
}

/* The fields of a load file as text (see the top). */
static ls_err csv_loadfile_text(struct ls_ctx *c, struct ls_object *o, struct csv_rd r)
{
    struct ls_buf plain;
    ls_buf_init(&plain, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = csv_labels(c, o, r, &plain);
    ls_err te = ls_emit_text(c, o, plain.ptr, plain.len);
    ls_buf_free(&plain);
    return e != LS_OK ? e : te;
}

static ls_err csv_extract(struct ls_ctx *c, struct ls_object *o)
{
    size_t bom;
    enum ls_text_enc enc = ls_text_detect(o->data, &bom);
    if (enc == LS_TEXT_BINARY) return LS_OK;
    struct ls_slice body;
    if (!ls_slice_from(o->data, bom, &body)) return LS_OK;
    struct ls_buf conv;
    ls_buf_init(&conv, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = LS_OK;
    if (enc != LS_TEXT_UTF8) {
        /* UTF-16 and Windows-1252 exports: the text is the converted table */
        e = ls_text_convert(body, enc, &conv);
        if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "csv: converted text cut at the text budget");
        if (e != LS_OK && e != LS_E_LIMIT) {
            ls_buf_free(&conv);
            return e;
        }
        e = LS_OK;
        body = ls_buf_slice(&conv);
    }
    struct ls_slice head, table = body;
    enum csv_dialect dialect = CSV_D_RFC;
    (void)ls_slice_sub(body, 0, body.len < CSV_SAMPLE ? body.len : CSV_SAMPLE, &head);
    char delim = 0;
    size_t start = 0;
    if (csv_sep_line(head, &delim, &start))
        (void)ls_slice_from(body, start, &table); /* the table after Excel's "sep=" line */
    else
        delim = csv_delimiter(head, head.len < body.len, CSV_ROWS(csv_named(o)), &dialect);
    bool loadfile = dialect != CSV_D_RFC;
    if (enc != LS_TEXT_UTF8 && !loadfile) e = ls_emit_text(c, o, conv.ptr, conv.len);
    if (e == LS_OK && enc == LS_TEXT_UTF8) e = ls_text_fold_lines(c, o, body); /* the raw scan cannot fold */
    struct csv_rd r = {table, 0, delim, dialect};
    if (e == LS_OK && delim) e = loadfile ? csv_loadfile_text(c, o, r) : csv_labels(c, o, r, NULL);
    ls_buf_free(&conv);
    return e;
}

const struct ls_handler ls_handler_csv = {
    .name = "csv",
    .probe = csv_probe,
    .extract = csv_extract,
};

/* ---- rows whose column names are in another file (tablectx.h) ---- */

bool ls_csv_rows_fit(struct ls_slice rows, char delim, unsigned ncols)
{
    unsigned fields[CSV_SAMPLE_ROWS * 4];
    struct ls_buf f;
    ls_buf_init(&f, CSV_FIELD_MAX);
    struct ls_slice head = rows;
    if (head.len > CSV_SAMPLE) head.len = CSV_SAMPLE;
    unsigned n = csv_shape(head, delim, CSV_D_RFC, fields, sizeof fields / sizeof fields[0], &f);
    ls_buf_free(&f);
    bool cut = head.len < rows.len;
    if (cut && n > 1) n--; /* the last row sampled may be cut */
    unsigned good = 0;
    for (unsigned i = 0; i < n; i++) good += fields[i] == ncols;
    return n > 0 && good * 5 >= n * 4;
}

ls_err ls_csv_rows_labels(struct ls_ctx *c, struct ls_object *o, struct ls_slice rows, char delim,
                          struct ls_slice cols, unsigned ncols)
{
    struct ls_tablectx tc;
    LS_TRY(ls_tc_init(&tc));
    size_t at = 0;
    for (unsigned i = 0; i < ncols; i++) { /* the header row the file lacks */
        size_t end = ls_slice_find(cols, at, "", 1);
        struct ls_slice col;
        if (end == SIZE_MAX || !ls_slice_sub(cols, at, end - at, &col)) break;
        ls_tc_cell(&tc, i, col, ls_tc_is_text(col));
        at = end + 1;
    }
    ls_err e = ls_tc_row_end(&tc, NULL, NULL);
    struct csv_rd r = {rows, 0, delim, CSV_D_RFC};
    struct ls_buf f;
    ls_buf_init(&f, CSV_FIELD_MAX);
    uint32_t col = 0;
    bool eol;
    uint64_t nrec = 0;
    while (e == LS_OK && csv_field(&r, &f, &eol)) {
        ls_tc_cell(&tc, col++, ls_buf_slice(&f), ls_tc_is_text(ls_buf_slice(&f)));
        if (!eol) continue;
        e = ls_tc_row_end(&tc, c, o);
        col = 0;
        if (e == LS_OK && ++nrec % 4096 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_OK && col) e = ls_tc_row_end(&tc, c, o);
    ls_buf_free(&f);
    ls_tc_free(&tc);
    return e;
}
