/* SQL dumps: INSERT and COPY rows labelled by their column names (sqldump.h). */
#include "extract/sqldump.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/handler.h"
#include "extract/tablectx.h"

#define SD_NAME_MAX 64u       /* bytes of a table or column name kept */
#define SD_VALUE_MAX 256u     /* bytes of a value kept (tablectx labels <= 40) */
#define SD_SCHEMAS_MAX 4096u  /* CREATE TABLE column lists remembered */
#define SD_COLS_MAX 256u      /* columns of a table (tablectx's LS_TC_MAX_COLS) */
#define SD_CHECK_EVERY 4096u  /* rows between two looks at the clock */
#define SD_HEX_MIN 8u            /* decoded bytes: shorter hex literals are ids and hashes' parts */
#define SD_HEX_TEXT_MAX (1u << 20) /* bytes of one decoded literal kept */
#define SD_SIB_SAMPLE 20u        /* rows a sibling schema's column count is checked on */

struct sd_schema {
    char name[SD_NAME_MAX + 1];
    struct ls_buf cols; /* NUL-separated */
    unsigned ncols;
};

struct sd {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_slice t;
    size_t pos;
    struct ls_tablectx tc;
    struct sd_schema *schemas;
    size_t nschemas;
    char table[SD_NAME_MAX + 1]; /* the table whose header tc holds */
    bool have_table;
    struct ls_buf cols; /* the statement's columns, NUL-separated */
    unsigned ncols;
    struct ls_buf val;
    unsigned rows;
    bool backslash; /* MySQL: backslash escapes in strings */
    bool text_full; /* ls_emit_text said LS_E_LIMIT: no more decoded literals */
    bool broke;     /* a quoted string ran to the end of the text: the statement is misread */
    bool cut;       /* the text ends inside an INSERT's rows: the dump was cut */
    struct ls_buf hex; /* a hex literal decoded */
};

/* The byte at i, -1 past the end. */
static int sd_at(const struct sd *s, size_t i) { return i < s->t.len ? s->t.ptr[i] : -1; }

static bool sd_space(int ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

static bool sd_word_char(int ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '$' || ch >= 0x80;
}

static void sd_skip_space(struct sd *s)
{
    while (sd_space(sd_at(s, s->pos))) s->pos++;
}

/* The keyword kw (upper case), any case, as a whole word: consumed. */
static bool sd_kw(struct sd *s, const char *kw)
{
    sd_skip_space(s);
    size_t i = 0;
    for (; kw[i]; i++) {
        int ch = sd_at(s, s->pos + i);
        if (ch >= 'a' && ch <= 'z') ch -= 32;
        if (ch != kw[i]) return false;
    }
    if (sd_word_char(sd_at(s, s->pos + i))) return false;
    s->pos += i;
    return true;
}

static bool sd_char(struct sd *s, int want)
{
    sd_skip_space(s);
    if (sd_at(s, s->pos) != want) return false;
    s->pos++;
    return true;
}

/* One name part: `quoted`, "quoted", [quoted] or bare; cut to SD_NAME_MAX. */
static bool sd_name_part(struct sd *s, char out[SD_NAME_MAX + 1])
{
    sd_skip_space(s);
    size_t n = 0;
    int open = sd_at(s, s->pos);
    int close = open == '`' ? '`' : open == '"' ? '"' : open == '[' ? ']' : 0;
    if (close) {
        s->pos++;
        for (int ch; (ch = sd_at(s, s->pos)) >= 0; s->pos++) {
            if (ch == close) {
                if (close != ']' && sd_at(s, s->pos + 1) == close) s->pos++; /* doubled */
                else break;
            }
            if (ch == '\n') return false;
            if (n < SD_NAME_MAX) out[n++] = (char)ch;
        }
        if (sd_at(s, s->pos) != close) return false;
        s->pos++;
    } else {
        for (int ch; sd_word_char(ch = sd_at(s, s->pos)); s->pos++)
            if (n < SD_NAME_MAX) out[n++] = (char)ch;
    }
    out[n] = 0;
    return n > 0;
}

/* A possibly qualified name (db.table, "public"."t"): the last part. */
static bool sd_name(struct sd *s, char out[SD_NAME_MAX + 1])
{
    if (!sd_name_part(s, out)) return false;
    while (sd_at(s, s->pos) == '.') {
        s->pos++;
        if (!sd_name_part(s, out)) return false;
    }
    return true;
}

/* Past a quoted string starting at s->pos (quote q); backslash escapes
 * when bs. Returns false (and marks the statement broken) at the end of
 * the text. */
static bool sd_skip_quoted(struct sd *s, int q, bool bs)
{
    s->pos++;
    for (int ch; (ch = sd_at(s, s->pos)) >= 0; s->pos++) {
        if (bs && ch == '\\') {
            s->pos++;
        } else if (ch == q) {
            if (sd_at(s, s->pos + 1) != q) {
                s->pos++;
                return true;
            }
            s->pos++;
        }
    }
    s->broke = true;
    return false;
}

/* Skip to the ',' or ')' that ends the current item at depth 0 (quotes and
 * nested parentheses passed over); returns it, or -1 at the end / ';'. */
static int sd_skip_item(struct sd *s)
{
    unsigned depth = 0;
    for (int ch; (ch = sd_at(s, s->pos)) >= 0;) {
        if (ch == '\'' || ch == '"' || ch == '`') {
            if (!sd_skip_quoted(s, ch, ch == '\'' && s->backslash)) return -1;
            continue;
        }
        if (ch == '(') depth++;
        else if (ch == ')' && depth > 0) depth--;
        else if ((ch == ',' || ch == ')') && depth == 0) return ch;
        else if (ch == ';' && depth == 0) return -1;
        s->pos++;
    }
    return -1;
}

static bool sd_constraint_word(const char *w)
{
    static const char *const kws[] = {"PRIMARY", "KEY",   "UNIQUE",  "CONSTRAINT", "FOREIGN", "INDEX",
                                      "CHECK",   "FULLTEXT", "SPATIAL", "EXCLUDE", "PERIOD", "LIKE"};
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        size_t j = 0;
        while (kws[i][j] && w[j] && (w[j] == kws[i][j] || w[j] == kws[i][j] + 32)) j++;
        if (!kws[i][j] && !w[j]) return true;
    }
    return false;
}

/* "(a INT, b TEXT, PRIMARY KEY (a))" into cols; s->pos after the ')'. */
static ls_err sd_column_defs(struct sd *s, struct ls_buf *cols, unsigned *ncols)
{
    *ncols = 0;
    if (!sd_char(s, '(')) return LS_OK;
    for (;;) {
        sd_skip_space(s);
        bool quoted = sd_at(s, s->pos) == '`' || sd_at(s, s->pos) == '"' || sd_at(s, s->pos) == '[';
        char name[SD_NAME_MAX + 1];
        if (sd_name_part(s, name) && (quoted || !sd_constraint_word(name)) && *ncols < SD_COLS_MAX) {
            LS_TRY(ls_buf_add(cols, name, strlen(name) + 1));
            (*ncols)++;
        }
        int end = sd_skip_item(s);
        if (end < 0) return LS_OK;
        s->pos++;
        if (end == ')') return LS_OK;
    }
}

/* "(a, b, c)": a column list of names only. */
static ls_err sd_name_list(struct sd *s, struct ls_buf *cols, unsigned *ncols)
{
    *ncols = 0;
    if (!sd_char(s, '(')) return LS_OK;
    for (;;) {
        char name[SD_NAME_MAX + 1];
        if (!sd_name(s, name)) return LS_OK;
        if (*ncols < SD_COLS_MAX) {
            LS_TRY(ls_buf_add(cols, name, strlen(name) + 1));
            (*ncols)++;
        }
        if (sd_char(s, ')')) return LS_OK;
        if (!sd_char(s, ',')) return LS_OK;
    }
}

/* The CREATE TABLE of a name: the same name, else (fold) one in another
 * case (unquoted SQL names are case-blind: a script's "CREATE TABLE
 * Customers" then "INSERT INTO customers"; MySQL on Linux may hold both
 * `Staff` and `staff`, so the exact name wins). */
static struct sd_schema *sd_find_schema(struct sd *s, const char *name, bool fold)
{
    for (size_t i = s->nschemas; i-- > 0;)
        if (strcmp(s->schemas[i].name, name) == 0) return &s->schemas[i];
    for (size_t i = s->nschemas; fold && i-- > 0;)
        if (strcasecmp(s->schemas[i].name, name) == 0) return &s->schemas[i];
    return NULL;
}

/* CREATE [OR REPLACE] [GLOBAL|LOCAL] [TEMPORARY|TEMP|UNLOGGED|MEMORY|
 * CACHED] TABLE [IF NOT EXISTS] name (defs): MEMORY and CACHED are the
 * script files of H2 and HSQLDB (Java applications' embedded databases). */
static ls_err sd_create(struct sd *s)
{
    if (sd_kw(s, "OR") && !sd_kw(s, "REPLACE")) return LS_OK;
    (void)(sd_kw(s, "GLOBAL") || sd_kw(s, "LOCAL"));
    (void)(sd_kw(s, "TEMPORARY") || sd_kw(s, "TEMP") || sd_kw(s, "UNLOGGED") || sd_kw(s, "MEMORY") ||
           sd_kw(s, "CACHED"));
    if (!sd_kw(s, "TABLE")) return LS_OK;
    if (sd_kw(s, "IF") && !(sd_kw(s, "NOT") && sd_kw(s, "EXISTS"))) return LS_OK;
    char name[SD_NAME_MAX + 1];
    if (!sd_name(s, name)) return LS_OK;
    struct sd_schema *sc = sd_find_schema(s, name, false);
    if (!sc) {
        if (s->nschemas == SD_SCHEMAS_MAX) return LS_OK;
        if (!s->schemas) {
            s->schemas = calloc(SD_SCHEMAS_MAX, sizeof *s->schemas);
            if (!s->schemas) return LS_E_NOMEM;
        }
        sc = &s->schemas[s->nschemas++];
        memcpy(sc->name, name, sizeof sc->name);
        ls_buf_init(&sc->cols, SD_COLS_MAX * (SD_NAME_MAX + 1));
    }
    ls_buf_reset(&sc->cols);
    if (strcmp(s->table, name) == 0) s->have_table = false; /* redefined: a new header */
    return sd_column_defs(s, &sc->cols, &sc->ncols);
}

/* Make tc's header the columns of table name (s->cols): a new table or a
 * new column list starts a new header. */
static ls_err sd_header(struct sd *s, const char *name, struct ls_slice cols, unsigned ncols)
{
    static const char *const none = "";
    if (s->have_table && strcmp(s->table, name) == 0 && ncols == s->ncols &&
        cols.len == s->cols.len && (cols.len == 0 || memcmp(cols.ptr, s->cols.ptr, cols.len) == 0))
        return LS_OK;
    ls_buf_reset(&s->cols);
    LS_TRY(ls_buf_add(&s->cols, cols.len ? cols.ptr : (const void *)none, cols.len));
    s->ncols = ncols;
    memcpy(s->table, name, sizeof s->table);
    s->have_table = true;
    ls_tc_reset(&s->tc);
    size_t at = 0;
    for (unsigned i = 0; i < ncols; i++) {
        size_t end = ls_slice_find(cols, at, "", 1);
        struct ls_slice col;
        if (end == SIZE_MAX || !ls_slice_sub(cols, at, end - at, &col)) break;
        ls_tc_cell(&s->tc, i, col, ls_tc_is_text(col));
        at = end + 1;
    }
    return ls_tc_row_end(&s->tc, NULL, NULL);
}

static ls_err sd_row_end(struct sd *s)
{
    LS_TRY(ls_tc_row_end(&s->tc, s->c, s->o));
    if (++s->rows % SD_CHECK_EVERY == 0 && ls_ctx_expired(s->c)) return LS_E_TIMEOUT;
    return LS_OK;
}

static ls_err sd_keep(struct sd *s, int ch)
{
    return s->val.len < SD_VALUE_MAX ? ls_buf_addc(&s->val, (uint8_t)ch) : LS_OK;
}

/* A quoted value into s->val ('' for a quote; backslash escapes in a
 * MySQL dump). */
static ls_err sd_string(struct sd *s, bool *ok)
{
    s->pos++;
    *ok = false;
    for (int ch; (ch = sd_at(s, s->pos)) >= 0; s->pos++) {
        if (ch == '\\' && s->backslash) {
            int nx = sd_at(s, ++s->pos);
            if (nx < 0) return LS_OK;
            LS_TRY(sd_keep(s, nx == 'n' || nx == 't' || nx == 'r' ? ' ' : nx));
        } else if (ch == '\'') {
            if (sd_at(s, s->pos + 1) != '\'') {
                s->pos++;
                *ok = true;
                return LS_OK;
            }
            s->pos++;
            LS_TRY(sd_keep(s, '\''));
        } else {
            LS_TRY(sd_keep(s, ch == '\n' || ch == '\r' || ch == '\t' ? ' ' : ch));
        }
    }
    return LS_OK;
}

static int sd_hexval(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* A hex literal's digits (0x... or X'...': mysqldump --hex-blob writes
 * every BLOB and binary column so, text included): decoded, when the bytes
 * are UTF-8 text of SD_HEX_MIN bytes or more, added to the object's text
 * on a line of its own, so the rules see it. */
static ls_err sd_hex_text(struct sd *s, struct ls_slice h)
{
    if (s->text_full || h.len % 2 || h.len < 2 * SD_HEX_MIN) return LS_OK;
    ls_buf_reset(&s->hex);
    for (size_t i = 0; i < h.len; i += 2) {
        int a = sd_hexval(h.ptr[i]), b = sd_hexval(h.ptr[i + 1]);
        if (a < 0 || b < 0) return LS_OK;
        uint8_t ch = (uint8_t)(a << 4 | b);
        if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f) return LS_OK; /* not text */
        ls_err e = ls_buf_addc(&s->hex, ch);
        if (e == LS_E_LIMIT) break; /* the first SD_HEX_TEXT_MAX bytes */
        LS_TRY(e);
    }
    if (!ls_utf8_valid(ls_buf_slice(&s->hex)) && s->hex.len < SD_HEX_TEXT_MAX) return LS_OK;
    LS_TRY(ls_buf_addc(&s->hex, '\n') == LS_E_NOMEM ? LS_E_NOMEM : LS_OK);
    ls_err e = ls_emit_text(s->c, s->o, s->hex.ptr, s->hex.len);
    if (e == LS_E_LIMIT) s->text_full = true;
    return e == LS_E_LIMIT ? LS_OK : e;
}

/* One value of a tuple into s->val; *text: a string literal. Returns the
 * separator after it (',' or ')'), -1 when the statement cannot go on. */
static ls_err sd_value(struct sd *s, bool *text, int *sep)
{
    ls_buf_reset(&s->val);
    *text = false;
    *sep = -1;
    sd_skip_space(s);
    int ch = sd_at(s, s->pos);
    int nx = sd_at(s, s->pos + 1);
    bool hexbits = (ch == 'X' || ch == 'x' || ch == 'B' || ch == 'b') && nx == '\'';
    bool prefixed = (ch == 'E' || ch == 'e' || ch == 'N' || ch == 'n') && nx == '\'';
    if (prefixed) s->pos++;
    if (ch == '\'' || prefixed) {
        bool ok;
        LS_TRY(sd_string(s, &ok));
        if (!ok) {
            s->broke = true;
            return LS_OK;
        }
        *text = true;
    } else if (hexbits) {
        s->pos++;
        size_t open = s->pos;
        if (!sd_skip_quoted(s, '\'', false)) return LS_OK;
        struct ls_slice h;
        if ((ch == 'X' || ch == 'x') && s->pos >= open + 2 && ls_slice_sub(s->t, open + 1, s->pos - open - 2, &h))
            LS_TRY(sd_hex_text(s, h));
    } else {
        size_t start = s->pos;
        int end = sd_skip_item(s);
        if (end < 0) return LS_OK;
        size_t stop = s->pos;
        while (stop > start && sd_space(sd_at(s, stop - 1))) stop--;
        struct ls_slice tok;
        (void)ls_slice_sub(s->t, start, stop - start, &tok);
        bool null = tok.len == 4 && (tok.ptr[0] | 32) == 'n' && (tok.ptr[1] | 32) == 'u' &&
                    (tok.ptr[2] | 32) == 'l' && (tok.ptr[3] | 32) == 'l';
        /* CAST(N'1975-03-14' AS Date), to_date('...'), TIMESTAMP '...': the
         * quoted literal inside is the value */
        size_t q1 = ls_slice_find(tok, 0, "'", 1);
        size_t q2 = q1 == SIZE_MAX ? SIZE_MAX : ls_slice_find(tok, q1 + 1, "'", 1);
        if (q2 != SIZE_MAX) (void)ls_slice_sub(tok, q1 + 1, q2 - q1 - 1, &tok);
        if (!null) LS_TRY(ls_buf_add(&s->val, tok.ptr, tok.len < SD_VALUE_MAX ? tok.len : SD_VALUE_MAX));
        struct ls_slice h;
        if (tok.len > 2 && tok.ptr[0] == '0' && (tok.ptr[1] | 32) == 'x' && ls_slice_from(tok, 2, &h))
            LS_TRY(sd_hex_text(s, h));
    }
    *sep = sd_skip_item(s); /* a cast (::text), COLLATE, ... */
    if (*sep > 0) s->pos++;
    return LS_OK;
}

/* Nothing but blanks left from s->pos: the statement was cut there. */
static bool sd_at_end(struct sd *s)
{
    sd_skip_space(s);
    return s->pos >= s->t.len;
}

/* VALUES (...), (...) */
static ls_err sd_tuples(struct sd *s, bool label)
{
    while (sd_char(s, '(')) {
        int sep = ',';
        for (uint32_t col = 0; sep == ','; col++) {
            bool text;
            LS_TRY(sd_value(s, &text, &sep));
            if (sep < 0) {
                if (sd_at_end(s)) s->cut = true; /* inside a value or between two */
                return LS_OK;
            }
            struct ls_slice v = ls_buf_slice(&s->val);
            if (label) ls_tc_cell(&s->tc, col, v, text && ls_tc_is_text(v));
        }
        if (label) LS_TRY(sd_row_end(s));
        if (!sd_char(s, ',')) return LS_OK;
    }
    if (sd_at_end(s)) s->cut = true; /* "VALUES (...)," and no more */
    return LS_OK;
}

/* The statement's columns: its own list, else its table's CREATE TABLE. */
static ls_err sd_columns_for(struct sd *s, const char *name, struct ls_buf *own, unsigned nown,
                             bool *label)
{
    *label = false;
    if (nown >= LS_TC_MIN_COLS) {
        LS_TRY(sd_header(s, name, ls_buf_slice(own), nown));
        *label = true;
        return LS_OK;
    }
    if (nown == 0 && s->have_table && strcmp(s->table, name) == 0) { /* the table's rows go on */
        *label = true;
        return LS_OK;
    }
    const struct sd_schema *sc = sd_find_schema(s, name, true);
    if (!sc || sc->ncols < LS_TC_MIN_COLS) return LS_OK;
    LS_TRY(sd_header(s, name, ls_buf_slice(&sc->cols), sc->ncols));
    *label = true;
    return LS_OK;
}

/* The statement's table and optional column list ("name (a, b)", INSERT
 * and COPY alike): *found when a name was read, *label when its columns
 * are known (tc then holds them as the header). */
static ls_err sd_target(struct sd *s, bool *found, bool *label)
{
    char name[SD_NAME_MAX + 1];
    *label = false;
    *found = sd_name(s, name);
    if (!*found) return LS_OK;
    struct ls_buf own;
    ls_buf_init(&own, SD_COLS_MAX * (SD_NAME_MAX + 1));
    unsigned nown = 0;
    ls_err e = sd_name_list(s, &own, &nown);
    if (e == LS_OK) e = sd_columns_for(s, name, &own, nown, label);
    ls_buf_free(&own);
    return e;
}

/* INSERT [IGNORE|OR REPLACE|OR IGNORE] [INTO] name [(cols)] VALUES tuples */
static ls_err sd_insert(struct sd *s)
{
    if (sd_kw(s, "OR")) (void)(sd_kw(s, "REPLACE") || sd_kw(s, "IGNORE"));
    (void)sd_kw(s, "IGNORE");
    (void)sd_kw(s, "INTO"); /* SQL Server's scripts write INSERT [dbo].[T] */
    bool found, label;
    ls_err e = sd_target(s, &found, &label);
    if (e != LS_OK || !found || !(sd_kw(s, "VALUES") || sd_kw(s, "VALUE"))) return e;
    return sd_tuples(s, label);
}

/* One line of a COPY block: tab-separated, \N null, backslash escapes. */
static ls_err sd_copy_line(struct sd *s, struct ls_slice line)
{
    uint32_t col = 0;
    ls_buf_reset(&s->val);
    for (size_t i = 0; i <= line.len; i++) {
        int ch = i < line.len ? line.ptr[i] : '\t';
        if (ch == '\t') {
            struct ls_slice v = ls_buf_slice(&s->val);
            bool null = v.len == 2 && v.ptr[0] == '\\' && v.ptr[1] == 'N';
            if (!null) ls_tc_cell(&s->tc, col, v, ls_tc_is_text(v));
            col++;
            ls_buf_reset(&s->val);
        } else if (ch == '\\' && i + 1 < line.len && line.ptr[i + 1] != 'N') {
            int nx = line.ptr[++i];
            LS_TRY(sd_keep(s, nx == 'n' || nx == 't' || nx == 'r' ? ' ' : nx));
        } else {
            LS_TRY(sd_keep(s, ch));
        }
    }
    return sd_row_end(s);
}

/* COPY name [(cols)] FROM stdin; then lines up to "\." */
static ls_err sd_copy(struct sd *s)
{
    bool found, label;
    ls_err e = sd_target(s, &found, &label);
    if (e != LS_OK || !found || !label || !sd_kw(s, "FROM") || !sd_kw(s, "STDIN")) return e;
    size_t eol = ls_slice_find(s->t, s->pos, "\n", 1);
    s->pos = eol == SIZE_MAX ? s->t.len : eol + 1;
    while (s->pos < s->t.len) {
        eol = ls_slice_find(s->t, s->pos, "\n", 1);
        size_t end = eol == SIZE_MAX ? s->t.len : eol;
        struct ls_slice line;
        (void)ls_slice_sub(s->t, s->pos, end - s->pos, &line);
        if (line.len && line.ptr[line.len - 1] == '\r') line.len--;
        s->pos = eol == SIZE_MAX ? s->t.len : eol + 1;
        if (line.len == 2 && line.ptr[0] == '\\' && line.ptr[1] == '.') break;
        LS_TRY(sd_copy_line(s, line));
    }
    return LS_OK;
}

/* A statement at s->pos (a line start, blanks skipped). */
static ls_err sd_statement(struct sd *s)
{
    if (sd_kw(s, "INSERT")) return sd_insert(s);
    if (sd_kw(s, "REPLACE")) return sd_insert(s);
    if (sd_kw(s, "CREATE")) return sd_create(s);
    if (sd_kw(s, "COPY")) return sd_copy(s);
    return LS_OK;
}

/* Worth a look: the text has an INSERT in any case (Oracle SQL Developer
 * and Toad write "Insert into") or a COPY ... FROM stdin (psql scripts:
 * FROM STDIN). */
static bool sd_candidate(struct ls_slice t)
{
    return ls_slice_find(t, 0, "NSERT", 5) != SIZE_MAX || ls_slice_find(t, 0, "nsert", 5) != SIZE_MAX ||
           ls_slice_find(t, 0, "FROM stdin", 10) != SIZE_MAX || ls_slice_find(t, 0, "FROM STDIN", 10) != SIZE_MAX;
}

/* MySQL and MariaDB write backslash escapes in strings; standard SQL
 * (PostgreSQL, SQLite) does not, and there 'C:\' is a whole string.
 * Backquoted names are MySQL's too: a dump by Adminer, HeidiSQL or
 * Navicat, or a later part of a dump split in pieces, has none of the
 * other marks. */
static bool sd_mysql(struct ls_slice t)
{
    static const char *const marks[] = {"/*!40",         "ENGINE=",       "-- MySQL dump", "phpMyAdmin",
                                        "MariaDB dump",  "INSERT INTO `", "CREATE TABLE `", "REPLACE INTO `",
                                        "insert into `"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (ls_slice_find(t, 0, marks[i], strlen(marks[i])) != SIZE_MAX) return true;
    return false;
}

/* A dump tool's own marks (mysqldump, MariaDB, phpMyAdmin and the MySQL
 * tools sd_mysql() knows, pg_dump, sqlite3's .dump): not a script or a
 * document that quotes an INSERT. */
static bool sd_dump_marks(struct ls_slice t)
{
    static const char *const marks[] = {"PostgreSQL database dump", "BEGIN TRANSACTION;"};
    if (sd_mysql(t)) return true;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (ls_slice_find(t, 0, marks[i], strlen(marks[i])) != SIZE_MAX) return true;
    return false;
}

static ls_err sd_run(struct sd *s)
{
    while (s->pos < s->t.len) {
        size_t line = s->pos;
        while (sd_at(s, s->pos) == ' ' || sd_at(s, s->pos) == '\t') s->pos++;
        int ch = sd_at(s, s->pos) | 32;
        if (ch == 'i' || ch == 'c' || ch == 'r') LS_TRY(sd_statement(s));
        if (s->broke) { /* its rows so far stay; the next statement is looked for on the next line */
            s->broke = false;
            s->pos = line;
        } else if (s->pos > line && sd_at(s, s->pos - 1) == '\n') {
            continue; /* ended at a line start */
        }
        size_t eol = ls_slice_find(s->t, s->pos, "\n", 1);
        if (eol == SIZE_MAX) break;
        s->pos = eol + 1;
    }
    return LS_OK;
}

ls_err ls_sqldump_labels(struct ls_ctx *c, struct ls_object *o, struct ls_slice text)
{
    if (!sd_candidate(text)) return LS_OK;
    struct sd s;
    memset(&s, 0, sizeof s);
    s.c = c;
    s.o = o;
    s.t = text;
    s.backslash = sd_mysql(text);
    LS_TRY(ls_tc_init(&s.tc));
    ls_buf_init(&s.cols, SD_COLS_MAX * (SD_NAME_MAX + 1));
    ls_buf_init(&s.val, SD_VALUE_MAX + 1);
    ls_buf_init(&s.hex, SD_HEX_TEXT_MAX);
    ls_err e = sd_run(&s);
    /* a dump that stops inside a statement's rows was cut (a copy or a
     * transfer that did not finish): the rows before the cut are read, the
     * rest of the table is not there; text cut by the text limit is noted
     * as that */
    if (e == LS_OK && s.cut && sd_dump_marks(text) && text.len < ls_ctx_limits(c)->max_text)
        ls_note(c, o, LS_R_TRUNCATED, "sqldump: the text ends inside an INSERT statement's rows: the dump was cut");
    ls_buf_free(&s.hex);
    for (size_t i = 0; i < s.nschemas; i++) ls_buf_free(&s.schemas[i].cols);
    free(s.schemas);
    ls_buf_free(&s.val);
    ls_buf_free(&s.cols);
    ls_tc_free(&s.tc);
    return e;
}

/* ---- a table split over two files (sqldump.h, "Sibling schemas") ---- */

/* The statement at s->pos names table (exact, else in another case: a
 * name from a file name), with a column list: CREATE TABLE name (defs) or
 * COPY name (cols) FROM. */
static ls_err sd_schema_stmt(struct sd *s, const char *table, struct ls_buf *cols, unsigned *ncols,
                             bool *exact)
{
    char name[SD_NAME_MAX + 1];
    struct ls_buf got;
    unsigned n = 0;
    ls_buf_init(&got, SD_COLS_MAX * (SD_NAME_MAX + 1));
    ls_err e = LS_OK;
    if (sd_kw(s, "COPY")) {
        if (sd_name(s, name)) e = sd_name_list(s, &got, &n);
    } else if (sd_kw(s, "CREATE")) {
        if (sd_kw(s, "OR") && !sd_kw(s, "REPLACE")) goto out;
        (void)(sd_kw(s, "GLOBAL") || sd_kw(s, "LOCAL"));
        (void)(sd_kw(s, "TEMPORARY") || sd_kw(s, "TEMP") || sd_kw(s, "UNLOGGED"));
        if (!sd_kw(s, "TABLE")) goto out;
        if (sd_kw(s, "IF") && !(sd_kw(s, "NOT") && sd_kw(s, "EXISTS"))) goto out;
        if (sd_name(s, name)) e = sd_column_defs(s, &got, &n);
    }
    if (e != LS_OK || n == 0) goto out;
    bool same = !*table || strcmp(name, table) == 0; /* "": the first statement's */
    if (!same && (*exact || strcasecmp(name, table) != 0)) goto out; /* an exact one stays */
    if (*ncols && !same) goto out; /* the first case-blind one stays */
    ls_buf_reset(cols);
    e = ls_buf_add(cols, got.ptr, got.len);
    *ncols = e == LS_OK ? n : 0;
    *exact = same;
out:
    ls_buf_free(&got);
    return e;
}

ls_err ls_sqldump_columns(struct ls_slice schema, const char *table, struct ls_buf *cols, unsigned *ncols)
{
    struct sd s;
    memset(&s, 0, sizeof s);
    s.t = schema;
    s.backslash = sd_mysql(schema);
    *ncols = 0;
    bool exact = false;
    ls_err e = LS_OK;
    while (s.pos < s.t.len && e == LS_OK && !exact) {
        while (sd_at(&s, s.pos) == ' ' || sd_at(&s, s.pos) == '\t') s.pos++;
        int ch = sd_at(&s, s.pos) | 32;
        if (ch == 'c') e = sd_schema_stmt(&s, table, cols, ncols, &exact);
        size_t eol = ls_slice_find(s.t, s.pos, "\n", 1);
        if (eol == SIZE_MAX) break;
        s.pos = eol + 1;
    }
    return e;
}

/* Of the first SD_SIB_SAMPLE lines, how many have exactly n tab-separated
 * fields, and how many were looked at. */
static void sd_tab_shape(struct ls_slice t, unsigned n, unsigned *good, unsigned *seen)
{
    *good = *seen = 0;
    size_t pos = 0;
    while (pos < t.len && *seen < SD_SIB_SAMPLE) {
        size_t eol = ls_slice_find(t, pos, "\n", 1);
        size_t end = eol == SIZE_MAX ? t.len : eol;
        unsigned f = 1;
        for (size_t i = pos; i < end; i++) f += t.ptr[i] == '\t';
        bool blank = end == pos || (end == pos + 1 && t.ptr[pos] == '\r');
        bool stop = end - pos >= 2 && t.ptr[pos] == '\\' && t.ptr[pos + 1] == '.';
        if (stop) break;
        if (!blank) {
            (*seen)++;
            *good += f == n;
        }
        pos = eol == SIZE_MAX ? t.len : eol + 1;
    }
}

bool ls_sqldump_rows_fit(struct ls_slice rows, unsigned ncols)
{
    unsigned good, seen;
    sd_tab_shape(rows, ncols, &good, &seen);
    return seen > 0 && good * 5 >= seen * 4;
}

ls_err ls_sqldump_rows_labels(struct ls_ctx *c, struct ls_object *o, struct ls_slice rows,
                              struct ls_slice cols, unsigned ncols)
{
    struct sd s;
    memset(&s, 0, sizeof s);
    s.c = c;
    s.o = o;
    s.t = rows;
    LS_TRY(ls_tc_init(&s.tc));
    ls_buf_init(&s.cols, SD_COLS_MAX * (SD_NAME_MAX + 1));
    ls_buf_init(&s.val, SD_VALUE_MAX + 1);
    char table[SD_NAME_MAX + 1] = "-"; /* sd_header copies a whole name */
    ls_err e = sd_header(&s, table, cols, ncols);
    while (e == LS_OK && s.pos < s.t.len) {
        size_t eol = ls_slice_find(s.t, s.pos, "\n", 1);
        size_t end = eol == SIZE_MAX ? s.t.len : eol;
        struct ls_slice line;
        (void)ls_slice_sub(s.t, s.pos, end - s.pos, &line);
        if (line.len && line.ptr[line.len - 1] == '\r') line.len--;
        s.pos = eol == SIZE_MAX ? s.t.len : eol + 1;
        if (line.len == 2 && line.ptr[0] == '\\' && line.ptr[1] == '.') break;
        if (line.len) e = sd_copy_line(&s, line);
    }
    ls_buf_free(&s.val);
    ls_buf_free(&s.cols);
    ls_tc_free(&s.tc);
    return e;
}
