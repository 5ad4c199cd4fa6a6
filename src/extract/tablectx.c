/* Column labels for spreadsheet rows (tablectx.h). */
#include <stdlib.h>
#include <string.h>

#include "core/handler.h"
#include "extract/tablectx.h"

/* The line buffer: a row of labelled values is short. */
#define TC_LINE_MAX (64u * 1024u)

ls_err ls_tc_init(struct ls_tablectx *t)
{
    memset(t, 0, sizeof *t);
    ls_buf_init(&t->line, TC_LINE_MAX);
    t->label = calloc(LS_TC_MAX_COLS, sizeof *t->label);
    t->cand = calloc(LS_TC_MAX_COLS, sizeof *t->cand);
    if (!t->label || !t->cand) {
        ls_tc_free(t);
        return LS_E_NOMEM;
    }
    return LS_OK;
}

void ls_tc_free(struct ls_tablectx *t)
{
    free(t->label);
    free(t->cand);
    t->label = NULL;
    t->cand = NULL;
    ls_buf_free(&t->line);
}

static void clear_row(struct ls_tablectx *t)
{
    if (t->cand) memset(t->cand, 0, LS_TC_MAX_COLS * sizeof *t->cand);
    t->row_text = t->row_other = t->row_label = t->row_numbered = t->row_dated = 0;
    t->row_bad = false;
}

void ls_tc_reset(struct ls_tablectx *t)
{
    ls_buf_reset(&t->line);
    t->line_done = false;
    if (t->label) memset(t->label, 0, LS_TC_MAX_COLS * sizeof *t->label);
    clear_row(t);
    t->rows_seen = 0;
    t->row_cells = 0;
    t->have_header = t->done = false;
    memset(t->secret, 0, sizeof t->secret);
    memset(t->ssn, 0, sizeof t->ssn);
}

const char *ls_tc_label(const struct ls_tablectx *t, uint32_t col)
{
    if (!t->have_header || !t->label || col >= LS_TC_MAX_COLS || !t->label[col][0]) return NULL;
    return t->label[col];
}

static bool is_letter(int ch)
{
    return ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch >= 0x80;
}

static void trim(struct ls_slice s, size_t *a, size_t *b);

bool ls_tc_is_text(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++)
        if (is_letter(ls_slice_at(s, i))) return true;
    size_t a, b;
    trim(s, &a, &b);
    return b - a == 1 && ls_slice_at(s, a) == '#'; /* a row-number column's header */
}

/* s without leading and trailing blanks: [*a, *b). */
static void trim(struct ls_slice s, size_t *a, size_t *b)
{
    *a = 0;
    *b = s.len;
    while (*a < *b && (ls_slice_at(s, *a) == ' ' || ls_slice_at(s, *a) == '\t')) (*a)++;
    while (*b > *a && (ls_slice_at(s, *b - 1) == ' ' || ls_slice_at(s, *b - 1) == '\t')) (*b)--;
}

/* What a header row's text cell is: a label (short, has a letter), a
 * heading with a number in it ("FY2023 Salary", "Q3 2014": names a
 * column but reads as a code, so it labels nothing), or something no
 * header holds (an address, prose, a number). A label is trimmed into out. */
enum tc_kind { TC_LABEL, TC_NUMBERED, TC_BAD };

static enum tc_kind label_text(struct ls_slice s, char *out)
{
    size_t a, b;
    trim(s, &a, &b);
    out[0] = 0;
    if (b - a > LS_TC_MAX_LABEL) return TC_BAD;
    bool letter = false;
    size_t n = 0;
    unsigned digits = 0;
    for (size_t i = a; i < b; i++) {
        int ch = ls_slice_at(s, i);
        if (ch == '@') return TC_BAD; /* an address is a value, not a label */
        if (ch >= '0' && ch <= '9') digits++;
        if (ch < 0x20 || ch == 0x7f) ch = ' '; /* a label stays on its line */
        if (is_letter(ch)) letter = true;
        out[n++] = (char)ch;
    }
    out[n] = 0;
    if (digits >= LS_TC_MIN_DIGITS) { /* a number is a value, a year in words a heading */
        out[0] = 0;
        return letter ? TC_NUMBERED : TC_BAD;
    }
    if (letter || (n == 1 && out[0] == '#')) return TC_LABEL; /* "#": a row-number column */
    out[0] = 0;
    return TC_BAD;
}

static bool tc_digit(int ch)
{
    return ch >= '0' && ch <= '9';
}

static bool tc_one_of(int ch, const char *set)
{
    return ch > 0 && strchr(set, ch) != NULL;
}

/* The lengths of the first four digit runs of v (its date part: up to a
 * blank or 'T'), how many there are, and whether anything but digits and
 * - / . separates them. */
static unsigned digit_runs(struct ls_slice v, unsigned len[4], bool *odd)
{
    unsigned n = 0, run = 0;
    *odd = false;
    for (size_t i = 0; i <= v.len; i++) {
        int ch = i < v.len ? ls_slice_at(v, i) : ' ';
        if (tc_digit(ch)) {
            run++;
            continue;
        }
        if (run) {
            if (n < 4) len[n] = run;
            n++;
        }
        run = 0;
        if (ch == ' ' || ch == 'T') break; /* a time may follow */
        if (ch != '-' && ch != '/' && ch != '.') *odd = true;
    }
    return n;
}

/*
 * A number or date cell that can head a column: a year (1900-2099: "Salary
 * | 2022 | 2023"), a date as the readers show one ("2023-01-31",
 * "31.01.2023", "1/31/23", then perhaps a time) or with a month's name
 * ("Jan-23", "March 2023": a payroll sheet's month columns). Such cells
 * label nothing but do not stop their row being the header; any other
 * number ("536221874", "536-22-1874", "1,234", "12") does.
 */
static bool header_number(struct ls_slice v)
{
    unsigned digits = 0, len[4] = {0, 0, 0, 0};
    bool letter = false, odd;
    if (v.len > 24) return false;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (tc_digit(ch)) digits++;
        if (is_letter(ch)) letter = true;
    }
    if (letter) return digits <= 4 && v.len <= 16; /* "Jan-23", "March 2023", "Q1 2023" */
    unsigned n = digit_runs(v, len, &odd);
    if (odd) return false;
    if (n == 1)
        return v.len == 4 && len[0] == 4 &&
               (ls_slice_at(v, 0) == '1' ? ls_slice_at(v, 1) == '9'
                                         : ls_slice_at(v, 0) == '2' && ls_slice_at(v, 1) == '0');
    if (n != 3) return false;
    if (len[0] == 4) return len[1] <= 2 && len[2] <= 2;                 /* 2023-01-31 */
    return len[0] <= 2 && len[1] <= 2 && (len[2] == 2 || len[2] == 4); /* 31.01.2023 1/31/23 */
}

/*
 * An amount of money under a million: "1431.74", "-$12,500.00", "(99.95)",
 * "1.234,56": digits (in groups of three after a thousands separator when
 * there is one), a decimal mark and exactly two decimals. No rule reads such
 * a value as PII (an identifier, phone, card or date has more digits, no
 * two-decimal tail, or other separators), and amount columns are the
 * largest labelled columns of finance exports: "Amount: 1431.74" lines were
 * 84% of the labels of the bench corpus and a quarter of YARA's time on
 * them. Nine or more digits ("536221874.00", an SSN column formatted with
 * decimals) keep their label.
 */
static bool money_value(struct ls_slice v)
{
    size_t i = 0, n = v.len;
    if (n && ls_slice_at(v, n - 1) == ')') n--;
    while (i < n && tc_one_of(ls_slice_at(v, i), "-+($")) i++;
    if (n < i + 4) return false;
    int mark = ls_slice_at(v, n - 3);
    if ((mark != '.' && mark != ',') || !tc_digit(ls_slice_at(v, n - 2)) ||
        !tc_digit(ls_slice_at(v, n - 1)))
        return false;
    size_t end = n - 3, digits = 0, run = 0;
    int sep = 0;
    for (size_t k = i; k < end; k++) {
        int ch = ls_slice_at(v, k);
        if (tc_digit(ch)) {
            digits++;
            run++;
            continue;
        }
        /* a thousands separator: not the decimal mark, always the same one,
         * after one to three digits (the first) or exactly three */
        if (ch == mark || (sep && ch != sep) || !tc_one_of(ch, ",.' ") || run == 0 || run > 3 ||
            (sep && run != 3))
            return false;
        sep = ch;
        run = 0;
    }
    if (run == 0 || (sep && run != 3)) return false;
    return digits <= 6;
}

/* A value that is PII only by its column: enough digits, short, not an
 * amount of money. */
static bool needs_label(struct ls_slice v)
{
    if (v.len > LS_TC_MAX_VALUE || money_value(v)) return false;
    unsigned digits = 0;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (ch >= '0' && ch <= '9') digits++;
        if (ch == '\n' || ch == '\r' || ch == '\t') return false;
    }
    return digits >= LS_TC_MIN_DIGITS;
}

/* A column of credentials (a password manager's or a help desk's export:
 * "Site | User | Password"): its values are secrets whatever they look
 * like, so they are labelled without the digits a PII value needs. */
static bool secret_label(const char *label)
{
    static const char *const words[] = {"password", "passwd", "passphrase", "passcode", "pwd",
                                        "kennwort", "passwort", "mot de passe", "contrase"};
    char low[LS_TC_MAX_LABEL + 1];
    size_t n = 0;
    for (; label[n] && n < LS_TC_MAX_LABEL; n++)
        low[n] = (char)(label[n] >= 'A' && label[n] <= 'Z' ? label[n] + ('a' - 'A') : label[n]);
    low[n] = 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(low, words[i])) return true;
    return strcmp(low, "pass") == 0 || strcmp(low, "pw") == 0;
}

/* A column of SSNs: "SSN", "Employee SSN", "emp_ssn", "SSN#", "Social
 * Security Number", "Soc Sec No". */
static bool ssn_label(const char *label)
{
    char low[LS_TC_MAX_LABEL + 3];
    size_t n = 0;
    low[n++] = ' ';
    for (size_t i = 0; label[i] && n < LS_TC_MAX_LABEL + 1; i++) {
        char ch = label[i];
        low[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
    }
    low[n++] = ' ';
    low[n] = 0;
    if (strstr(low, "social security") || strstr(low, "soc sec") || strstr(low, "socsec"))
        return true;
    for (const char *p = strstr(low, "ssn"); p; p = strstr(p + 1, "ssn"))
        if (!is_letter((unsigned char)p[-1]) && !is_letter((unsigned char)p[3])) return true;
    for (const char *p = strstr(low, "ss#"); p; p = strstr(p + 1, "ss#")) /* not "Address#" */
        if (!is_letter((unsigned char)p[-1])) return true;
    return false;
}

/*
 * An SSN that lost its leading zeros: a number cell shows 012-34-5678 as
 * 12345678 unless a format keeps the digits (Excel and every CSV export
 * of it strip them; SSNs of areas 001-099, New England's and New York's,
 * are a tenth of all). Under an SSN label a value of seven or eight digits
 * is given back its zeros into out (10 bytes).
 */
static bool ssn_unpadded(struct ls_slice v, char *out)
{
    if (v.len < 7 || v.len > 8) return false;
    for (size_t i = 0; i < v.len; i++)
        if (!tc_digit(ls_slice_at(v, i))) return false;
    size_t pad = 9 - v.len;
    memset(out, '0', pad);
    memcpy(out + pad, v.ptr, v.len);
    out[9] = 0;
    return true;
}

/* A credential cell: one word (no white space), short. */
static bool secret_value(struct ls_slice v)
{
    if (v.len < 4 || v.len > LS_TC_MAX_VALUE) return false;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') return false;
    }
    return true;
}

/* "label: value\t" into the row's line. */
static void add_labelled(struct ls_tablectx *t, const char *label, struct ls_slice v)
{
    size_t keep = t->line.len;
    if (ls_buf_adds(&t->line, label) != LS_OK || ls_buf_add(&t->line, ": ", 2) != LS_OK ||
        ls_buf_add(&t->line, v.ptr, v.len) != LS_OK || ls_buf_addc(&t->line, '\t') != LS_OK)
        t->line.len = keep; /* the line is full: this value is left out */
}

void ls_tc_cell(struct ls_tablectx *t, uint32_t col, struct ls_slice text, bool is_text)
{
    ls_tc_cells(t, col, 1, text, is_text);
}

/* A cell of a row that may be the header: count what kind it is and keep
 * its label text in cand. */
static void tc_candidate(struct ls_tablectx *t, uint32_t col, uint32_t span, struct ls_slice text,
                         struct ls_slice v, bool is_text)
{
    if (!is_text) {
        if (header_number(v))
            t->row_dated++;
        else
            t->row_other++;
        return;
    }
    t->row_text++;
    if (col >= LS_TC_MAX_COLS) { /* counted, never labelled */
        t->row_label++;
        return;
    }
    enum tc_kind k = label_text(text, t->cand[col]);
    if (k == TC_LABEL)
        t->row_label++;
    else if (k == TC_NUMBERED)
        t->row_numbered++;
    else
        t->row_bad = true;
    for (uint32_t i = 1; i < span && col + i < LS_TC_MAX_COLS; i++)
        memcpy(t->cand[col + i], t->cand[col], sizeof t->cand[col]);
}

void ls_tc_cells(struct ls_tablectx *t, uint32_t col, uint32_t span, struct ls_slice text,
                 bool is_text)
{
    if (!t->cand) return;
    size_t a, b;
    trim(text, &a, &b);
    if (a == b) return;
    struct ls_slice v;
    (void)ls_slice_sub(text, a, b - a, &v);
    t->row_cells++;
    if (t->have_header) {
        if (t->line_done) {
            ls_buf_reset(&t->line);
            t->line_done = false;
        }
        const char *l = ls_tc_label(t, col);
        bool secret = col < LS_TC_MAX_COLS && (t->secret[col / 64] >> (col % 64) & 1u);
        bool ssn = col < LS_TC_MAX_COLS && (t->ssn[col / 64] >> (col % 64) & 1u);
        char nine[10];
        if (l && ssn && ssn_unpadded(v, nine))
            add_labelled(t, l, ls_slice_make(nine, 9));
        else if (l && (needs_label(v) || (secret && secret_value(v))))
            add_labelled(t, l, v);
    }
    if (!t->done) tc_candidate(t, col, span, text, v, is_text);
}

struct ls_slice ls_tc_last_line(const struct ls_tablectx *t)
{
    return ls_buf_slice(&t->line);
}

static bool tc_upper(int ch) { return ch >= 'A' && ch <= 'Z'; }
static bool tc_lower(int ch) { return ch >= 'a' && ch <= 'z'; }

/* Letters from i on that belong to one camel-case word ("SSN" in
 * "TaxSSNNumber" stops before "Number"). */
static size_t camel_word(const char *s, size_t i)
{
    size_t j = i + 1;
    if (tc_upper(s[i]) && tc_upper(s[j])) {
        while (tc_upper(s[j]) && !tc_lower(s[j + 1])) j++;
        return j - i;
    }
    while (tc_lower(s[j])) j++;
    return j - i;
}

/* A camel-case column name as words: "TaxSSN" -> "Tax SSN", "DateOfBirth"
 * -> "Date Of Birth", "employeeSsn" -> "employee Ssn" (database columns,
 * SQL Server's above all), so the rules' context ("SSN", "Date of birth")
 * sees a word. A word of one letter is not split off ("DoB", "eMail"); a
 * name with a blank or '_' is left as it is; the cap is kept. */
static void camel_words(char label[LS_TC_MAX_LABEL + 1])
{
    if (strpbrk(label, " _-")) return;
    char out[LS_TC_MAX_LABEL + 1];
    size_t n = 0, prev = 0; /* letters of the word before */
    for (size_t i = 0; label[i] && n < LS_TC_MAX_LABEL; i++) {
        bool edge = i > 0 && tc_upper(label[i]) &&
                    (tc_lower(label[i - 1]) || (tc_upper(label[i - 1]) && tc_lower(label[i + 1])));
        if (edge && prev >= 2 && camel_word(label, i) >= 2 && n + 1 < LS_TC_MAX_LABEL) {
            out[n++] = ' ';
            prev = 0;
        }
        out[n++] = label[i];
        prev = tc_upper(label[i]) || tc_lower(label[i]) ? prev + 1 : 0;
    }
    out[n] = 0;
    memcpy(label, out, n + 1);
}

/* The row just ended as the header: its labels apply from the next row. */
static void tc_adopt(struct ls_tablectx *t)
{
    memcpy(t->label, t->cand, LS_TC_MAX_COLS * sizeof *t->label);
    for (uint32_t i = 0; i < LS_TC_MAX_COLS; i++)
        if (t->label[i][0]) camel_words(t->label[i]);
    t->have_header = true;
    t->header_cells = t->row_text + t->row_dated;
    t->header_used = false;
    memset(t->secret, 0, sizeof t->secret);
    memset(t->ssn, 0, sizeof t->ssn);
    for (uint32_t i = 0; i < LS_TC_MAX_COLS; i++) { /* once per header, not per cell */
        if (!t->label[i][0]) continue;
        if (secret_label(t->label[i])) t->secret[i / 64] |= (uint64_t)1 << (i % 64);
        if (ssn_label(t->label[i])) t->ssn[i / 64] |= (uint64_t)1 << (i % 64);
    }
    ls_buf_reset(&t->line); /* what the old labels gave this row is no record's */
    t->line_done = true;
}

/* Still looking: is the row that just ended the header? A header holds
 * once a row below it gives a labelled value (a one-cell header: once the
 * first LS_TC_SCAN_ROWS rows are past); before that, a header row
 * with more cells replaces it: the real header under a row of group headings
 * ("Employee | | Job" over "Name | SSN | Title"), the main table under a
 * small one above it. */
static bool tc_header_row(struct ls_tablectx *t)
{
    unsigned cells = t->row_text + t->row_other + t->row_dated;
    if (cells == 0) return false; /* empty rows do not count */
    t->rows_seen++;
    /* numbered headings need more labels beside them than there are of
     * them ("Jane Roe | Flat 4, 1012 Main St | Clerk" is a record); year
     * and date cells do not (a name, an SSN and twelve month columns) */
    /* a row of one label heads a one-column list ("SSN" over bare numbers)
     * until a row with more cells comes (a header replaces it, a record
     * ends it: it was a title), or one more such row before any value was
     * labelled */
    bool labels = t->row_label >= LS_TC_MIN_COLS || (cells == 1 && t->row_label == 1);
    bool header = labels && t->row_other == 0 && !t->row_bad && t->row_label > t->row_numbered &&
                  (!t->have_header || cells > t->header_cells ||
                   (cells == 1 && t->header_cells == 1 && !t->header_used));
    if (header)
        tc_adopt(t);
    else if (t->rows_seen >= LS_TC_SCAN_ROWS)
        t->done = true;
    return header;
}

ls_err ls_tc_row_end(struct ls_tablectx *t, struct ls_ctx *c, struct ls_object *o)
{
    if (!t->cand) return LS_OK;
    unsigned row_cells = t->row_cells;
    t->row_cells = 0;
    if (!t->done) {
        bool header = tc_header_row(t);
        clear_row(t);
        if (header) return LS_OK;
    }
    if (!t->have_header) return LS_OK;
    ls_err e = LS_OK;
    if (t->line_done) ls_buf_reset(&t->line); /* a row without cells */
    t->line_done = true;
    if (t->header_cells == 1 && row_cells > 1) { /* a one-cell header heads one column only */
        t->have_header = false;
        ls_buf_reset(&t->line);
        return LS_OK;
    }
    if (t->line.len) {
        t->header_used = true;
        if (t->header_cells > 1) t->done = true; /* a record under the header: it holds */
        t->line.ptr[t->line.len - 1] = '\n'; /* the last tab ends the line */
        if (c && o) e = ls_emit_labels(c, o, t->line.ptr, t->line.len);
    }
    return e == LS_E_LIMIT ? LS_OK : e;
}

ls_err ls_tc_put_value(struct ls_buf *b, struct ls_slice v, size_t max)
{
    size_t n = v.len < max ? v.len : max;
    LS_TRY(ls_buf_reserve(b, n));
    for (size_t i = 0; i < n; i++) {
        uint8_t ch = v.ptr[i];
        LS_TRY(ls_buf_addc(b, ch < 0x20 || ch == 0x7f ? ' ' : ch));
    }
    return LS_OK;
}
