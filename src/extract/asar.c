/*
 * "asar": Electron application archives (resources/app.asar), how every
 * Electron desktop app ships its JavaScript, its configuration files and
 * whatever else the build packed (a config/prod.json with API tokens, a
 * SQLite database, a zip). The layout (electron/asar): a Chromium pickle
 * holding the header's size (u32 4, u32 S), then a pickle of S bytes (u32
 * payload size, u32 string length L, the JSON index of L bytes, padded to
 * 4), then the files back to back from offset 8 + S. The index is
 * {"files": {NAME: ENTRY, ...}}: a directory's ENTRY has its own "files";
 * a file's has "size" and "offset" (a decimal string, from the files'
 * start), "executable", "integrity"; one kept outside the archive
 * ("unpacked": true, in app.asar.unpacked/) or a symbolic link ("link")
 * has no bytes here. Each file is handed over as a child named by its
 * path (config/prod.json), identified and read like any file.
 *
 * Probe: u32 4, a header size that fits, a pickle whose string fits in it
 * and starts with '{' (90).
 *
 * Attacker-controlled: every byte. The JSON is walked once, by a bounded
 * recursive descent (ASAR_DEPTH_MAX nested objects or arrays: past it the
 * index is parse_error); names are decoded from JSON escapes and joined
 * with '/' up to ASAR_PATH_MAX bytes; a file whose bytes run past the
 * archive's end is handed over cut (truncated); the pipeline's member
 * limit and the root's clock end the walk.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/jsonesc.h"

#define ASAR_DEPTH_MAX 64u   /* nested JSON objects and arrays */
#define ASAR_PATH_MAX 4096u  /* a child's path, bytes */
#define ASAR_CHECK_EVERY 256u

struct asar {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_cursor j;  /* the JSON index */
    struct ls_slice files; /* the bytes after the header */
    struct ls_buf path;
    size_t entries;
    bool stop;           /* the member limit was reached */
    bool cut;            /* a file ran past the end */
};

static bool asar_header(struct ls_slice d, struct ls_slice *json, size_t *files_at)
{
    struct ls_cursor c = ls_cur_make(d);
    uint32_t four = 0, size = 0, payload = 0, len = 0;
    if (ls_cur_u32le(&c, &four) != LS_OK || four != 4 || ls_cur_u32le(&c, &size) != LS_OK ||
        ls_cur_u32le(&c, &payload) != LS_OK || ls_cur_u32le(&c, &len) != LS_OK)
        return false;
    if (size < 8 || (uint64_t)size + 8 > d.len || len < 2 || (uint64_t)len + 8 > size) return false;
    if (!ls_slice_sub(d, 16, len, json) || json->ptr[0] != '{') return false;
    *files_at = (size_t)size + 8;
    return true;
}

static int asar_probe(const struct ls_object *o)
{
    struct ls_slice json;
    size_t at;
    return asar_header(o->data, &json, &at) ? 90 : 0;
}

static void asar_ws(struct asar *a)
{
    for (int ch; (ch = ls_slice_at(a->j.in, a->j.pos)) == ' ' || ch == '\t' || ch == '\n' || ch == '\r';) a->j.pos++;
}

/* Consume ch (after blanks); false if it is not next. */
static bool asar_eat(struct asar *a, int ch)
{
    asar_ws(a);
    if (ls_slice_at(a->j.in, a->j.pos) != ch) return false;
    a->j.pos++;
    return true;
}

/* A JSON string, decoded into out (when not NULL; \uXXXX as UTF-8 by
 * ls_json_uesc: a surrogate pair as its character, a lone surrogate or
 * \u0000 as U+FFFD). LS_E_CORRUPT when it does not close or a \u lacks
 * its four hex digits. */
static ls_err asar_string(struct asar *a, struct ls_buf *out)
{
    if (!asar_eat(a, '"')) return LS_E_CORRUPT;
    for (;;) {
        int ch = ls_slice_at(a->j.in, a->j.pos++);
        if (ch < 0) return LS_E_CORRUPT;
        if (ch == '"') return LS_OK;
        if (ch == '\\') {
            int e = ls_slice_at(a->j.in, a->j.pos++);
            uint32_t u = 0;
            size_t len = 0;
            switch (e) {
            case 'n': ch = '\n'; break;
            case 't': ch = '\t'; break;
            case 'r': ch = '\r'; break;
            case 'b': ch = '\b'; break;
            case 'f': ch = '\f'; break;
            case 'u': /* the backslash is 2 bytes back */
                u = ls_json_uesc(a->j.in, a->j.pos - 2, &len);
                if (u == 0) return LS_E_CORRUPT;
                a->j.pos += len - 2;
                if (out) LS_TRY(ls_utf8_put(out, u));
                continue;
            case -1: return LS_E_CORRUPT;
            default: ch = e; break; /* \" \\ \/ and anything else as itself */
            }
        }
        if (out) LS_TRY(ls_buf_addc(out, (char)ch));
    }
}

/* asar_string into out, a string longer than out holds cut there and
 * skipped to its end (*cut set). */
static ls_err asar_string_capped(struct asar *a, struct ls_buf *out, bool *cut)
{
    *cut = false;
    ls_err e = asar_string(a, out);
    if (e != LS_E_LIMIT) return e;
    *cut = true;
    for (int ch; (ch = ls_slice_at(a->j.in, a->j.pos)) >= 0 && ch != '"'; a->j.pos++)
        if (ch == '\\') a->j.pos++;
    return ls_slice_at(a->j.in, a->j.pos++) == '"' ? LS_OK : LS_E_CORRUPT;
}

/* Skip any JSON value (depth: objects and arrays open around it). */
static ls_err asar_skip(struct asar *a, unsigned depth)
{
    asar_ws(a);
    int ch = ls_slice_at(a->j.in, a->j.pos);
    if (ch == '"') return asar_string(a, NULL);
    if (ch == '{' || ch == '[') {
        if (depth >= ASAR_DEPTH_MAX) return LS_E_CORRUPT;
        int close = ch == '{' ? '}' : ']';
        a->j.pos++;
        if (asar_eat(a, close)) return LS_OK;
        do {
            if (close == '}') {
                LS_TRY(asar_string(a, NULL));
                if (!asar_eat(a, ':')) return LS_E_CORRUPT;
            }
            LS_TRY(asar_skip(a, depth + 1));
        } while (asar_eat(a, ','));
        return asar_eat(a, close) ? LS_OK : LS_E_CORRUPT;
    }
    /* a number or literal: its characters */
    size_t start = a->j.pos;
    for (; (ch = ls_slice_at(a->j.in, a->j.pos)) >= 0; a->j.pos++)
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || ch == '-' || ch == '+' || ch == '.' ||
              (ch >= 'A' && ch <= 'Z')))
            break;
    return a->j.pos > start ? LS_OK : LS_E_CORRUPT;
}

/* A decimal number (JSON number or a string of digits); false past 2^63. */
static bool asar_decimal(struct ls_slice s, uint64_t *v)
{
    *v = 0;
    if (s.len == 0 || s.len > 19) return false;
    for (size_t i = 0; i < s.len; i++) {
        if (s.ptr[i] < '0' || s.ptr[i] > '9') return false;
        *v = *v * 10 + (uint64_t)(s.ptr[i] - '0');
    }
    return true;
}

static ls_err asar_files(struct asar *a, unsigned depth);

/* Hand the file at offset/size over as the child named by the path. */
static ls_err asar_child(struct asar *a, uint64_t off, uint64_t size)
{
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = a->path.ptr;
    ch.name_len = a->path.len;
    ch.declared_size = size;
    uint64_t have = off < a->files.len ? a->files.len - off : 0;
    if (size > have) {
        size = have;
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = LS_R_TRUNCATED;
        ch.error = "asar: the file runs past the archive's end";
        a->cut = true;
    }
    (void)ls_slice_sub(a->files, off < a->files.len ? (size_t)off : a->files.len, (size_t)size, &ch.data);
    ls_err e = ls_emit_child(a->c, a->o, &ch);
    if (e == LS_E_LIMIT) {
        a->stop = true;
        return LS_OK;
    }
    return e;
}

/* One entry's object: a directory (its "files" walked, its name a path
 * prefix) or a file (handed over once its size and offset are read). */
static ls_err asar_entry(struct asar *a, unsigned depth)
{
    if (depth >= ASAR_DEPTH_MAX || !asar_eat(a, '{')) return LS_E_CORRUPT;
    uint64_t size = 0, off = 0;
    bool have_size = false, have_off = false, outside = false;
    struct ls_buf k, v;
    ls_buf_init(&k, 256);
    ls_buf_init(&v, 64);
    ls_err e = LS_OK;
    if (!asar_eat(a, '}')) {
        do {
            ls_buf_reset(&k);
            bool long_key;
            e = asar_string_capped(a, &k, &long_key); /* a long key is no field of ours */
            if (e != LS_OK) break;
            if (long_key) ls_buf_reset(&k);
            if (!asar_eat(a, ':')) {
                e = LS_E_CORRUPT;
                break;
            }
            struct ls_slice key = ls_buf_slice(&k);
            asar_ws(a);
            int first = ls_slice_at(a->j.in, a->j.pos);
            if (ls_slice_eq_str(key, "files") && first == '{') {
                e = asar_files(a, depth + 1);
            } else if ((ls_slice_eq_str(key, "size") || ls_slice_eq_str(key, "offset"))) {
                size_t start = a->j.pos;
                ls_buf_reset(&v);
                if (first == '"') {
                    e = asar_string(a, &v);
                } else {
                    e = asar_skip(a, depth + 1);
                    struct ls_slice num;
                    if (e == LS_OK && ls_slice_sub(a->j.in, start, a->j.pos - start, &num))
                        e = ls_buf_add(&v, num.ptr, num.len);
                }
                bool ok = false;
                if (e == LS_E_LIMIT) e = LS_OK; /* too long a number: not one */
                else ok = e == LS_OK && asar_decimal(ls_buf_slice(&v), ls_slice_eq_str(key, "size") ? &size : &off);
                if (ls_slice_eq_str(key, "size")) have_size = ok;
                else have_off = ok;
            } else if (ls_slice_eq_str(key, "unpacked") || ls_slice_eq_str(key, "link")) {
                size_t start = a->j.pos;
                e = asar_skip(a, depth + 1);
                struct ls_slice val;
                if (e == LS_OK && ls_slice_sub(a->j.in, start, a->j.pos - start, &val))
                    outside = outside || !ls_slice_eq_str(val, "false");
            } else {
                e = asar_skip(a, depth + 1);
            }
        } while (e == LS_OK && !a->stop && asar_eat(a, ','));
        if (e == LS_OK && !a->stop && !asar_eat(a, '}')) e = LS_E_CORRUPT;
    }
    ls_buf_free(&k);
    ls_buf_free(&v);
    LS_TRY(e);
    if (a->stop || outside || !have_size || !have_off) return LS_OK;
    return asar_child(a, off, size);
}

/* A "files" object: NAME: ENTRY pairs, each NAME appended to the path. */
static ls_err asar_files(struct asar *a, unsigned depth)
{
    if (depth >= ASAR_DEPTH_MAX || !asar_eat(a, '{')) return LS_E_CORRUPT;
    if (asar_eat(a, '}')) return LS_OK;
    size_t base = a->path.len;
    do {
        if (a->entries++ % ASAR_CHECK_EVERY == ASAR_CHECK_EVERY - 1 && ls_ctx_expired(a->c)) return LS_E_TIMEOUT;
        a->path.len = base;
        ls_err pe = base ? ls_buf_addc(&a->path, '/') : LS_OK;
        if (pe != LS_OK && pe != LS_E_LIMIT) return pe; /* past ASAR_PATH_MAX: the path as it is */
        bool cut; /* a path past ASAR_PATH_MAX keeps its first bytes */
        LS_TRY(asar_string_capped(a, &a->path, &cut));
        if (!asar_eat(a, ':')) return LS_E_CORRUPT;
        LS_TRY(asar_entry(a, depth + 1));
    } while (!a->stop && asar_eat(a, ','));
    a->path.len = base;
    if (a->stop) return LS_OK;
    return asar_eat(a, '}') ? LS_OK : LS_E_CORRUPT;
}

static ls_err asar_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice json;
    size_t files_at;
    if (!asar_header(o->data, &json, &files_at)) return LS_E_CORRUPT;
    struct asar a;
    memset(&a, 0, sizeof a);
    a.c = c;
    a.o = o;
    a.j = ls_cur_make(json);
    (void)ls_slice_from(o->data, files_at, &a.files);
    ls_buf_init(&a.path, ASAR_PATH_MAX);
    ls_err e = LS_OK;
    /* {"files": {...}} (other top-level members skipped) */
    if (!asar_eat(&a, '{')) e = LS_E_CORRUPT;
    struct ls_buf k;
    ls_buf_init(&k, 256);
    while (e == LS_OK && !a.stop) {
        ls_buf_reset(&k);
        bool long_key;
        e = asar_string_capped(&a, &k, &long_key);
        if (e != LS_OK) break;
        if (long_key) ls_buf_reset(&k);
        if (!asar_eat(&a, ':')) {
            e = LS_E_CORRUPT;
            break;
        }
        asar_ws(&a);
        if (ls_slice_eq_str(ls_buf_slice(&k), "files") && ls_slice_at(a.j.in, a.j.pos) == '{')
            e = asar_files(&a, 1);
        else
            e = asar_skip(&a, 1);
        if (e != LS_OK || a.stop || !asar_eat(&a, ',')) break;
    }
    ls_buf_free(&k);
    ls_buf_free(&a.path);
    if (e == LS_E_CORRUPT) ls_note(c, o, LS_R_PARSE_ERROR, "asar: damaged index (JSON)");
    if (e == LS_OK && a.cut) return LS_E_TRUNCATED;
    return e;
}

const struct ls_handler ls_handler_asar = {
    .name = "asar",
    .probe = asar_probe,
    .extract = asar_extract,
};
