/*
 * JSON string escapes, decoded for the rules. Chat, collaboration and
 * password-manager exports (Slack, Teams, Telegram, Google Takeout,
 * Bitwarden) are JSON whose string values hold whole messages and notes:
 * "New hire Cy Park\nSSN: 142372033\nDOB: 1961-03-12". The raw bytes read
 * "\nSSN" and "\nDOB", a label glued to the escape's "n" with no word
 * boundary before it, and "\u00a0" where a space was, so the context rules
 * miss the values the labels give. Each string literal that holds an
 * escape is decoded (RFC 8259 section 7: \" \\ \/ \b \f \n \r \t and \uXXXX
 * with surrogate pairs; a no-break or figure space as a space) and handed
 * to ls_emit_labels() as one line: scanned as text, a value found both
 * there and in the raw bytes counts once. Strings without an escape are
 * left to the raw scan.
 *
 * Exports also write a form's fields as objects that name their value in
 * another member: Slack attachment fields {"title": "SSN", "value":
 * "536221874"}, Bitwarden custom fields {"name": ..., "value": ...}, AWS
 * tags {"Key": ..., "Value": ...}. An object with a short "title" / "name"
 * / "label" / "key" / "field" / "fieldName" / "displayName" member and a
 * "value" (string or number) of at most 40 bytes with 4 digits or more
 * gives a labels line "SSN: 536221874", as a table row under its header
 * does (tablectx.h). Identity APIs put the label after the value, in a
 * type or code member, often an object of its own: ADP's governmentIDs
 * {"idValue": "536221874", "nameCode": {"codeValue": "SSN"}}, {"type":
 * "passport", "number": ...}: with no label member, a "type" / "code" /
 * "codeValue" / "nameCode" / "idType" ... member (or the code of the object
 * it holds) labels a "value" / "idValue" / "idNumber" / "number" ...
 * member the same way. Objects nested deeper than 32 are not followed.
 *
 * Only text whose first non-blank byte is '{' or '[' is read (a JSON
 * document, JSON Lines). Attacker-controlled: everything; a string is
 * decoded whole (a longer one than LS_JSONESC_STR_MAX passed on in
 * pieces), the lines up to the text budget (limit:text past it), a bad
 * escape is kept as written.
 */
#include "extract/jsonesc.h"

#include <stdlib.h>
#include <string.h>

#include "core/handler.h"

#define JSON_DEPTH_MAX 32u /* objects followed for their label and value */
#define JSON_LABEL_MAX 48u /* tablectx.h's LS_TC_MAX_LABEL */
#define JSON_VALUE_MAX 40u /* tablectx.h's LS_TC_MAX_VALUE */

/* Into a capped string: what is past the cap is cut. */
static void json_addc(struct ls_buf *b, int ch)
{
    if (ls_buf_addc(b, (uint8_t)ch) != LS_OK) return;
}

static void json_addcp(struct ls_buf *b, uint32_t cp)
{
    if (ls_utf8_put(b, cp) != LS_OK) return;
}

static int json_hex(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* The four hex digits at pos as a code unit, or -1. */
static long json_u4(struct ls_slice s, size_t pos)
{
    long v = 0;
    if (pos > s.len || s.len - pos < 4) return -1;
    for (size_t i = 0; i < 4; i++) {
        int h = json_hex(ls_slice_at(s, pos + i));
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

uint32_t ls_json_uesc(struct ls_slice s, size_t pos, size_t *len)
{
    long hi = json_u4(s, pos + 2);
    if (hi < 0) return 0;
    *len = 6;
    if (hi >= 0xD800 && hi <= 0xDBFF && ls_slice_at(s, pos + 6) == '\\' && ls_slice_at(s, pos + 7) == 'u') {
        long lo = json_u4(s, pos + 8);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            *len = 12;
            return 0x10000u + (((uint32_t)hi - 0xD800u) << 10) + ((uint32_t)lo - 0xDC00u);
        }
    }
    if (hi >= 0xD800 && hi <= 0xDFFF) return 0xFFFDu; /* a lone surrogate */
    return hi == 0 ? 0xFFFDu : (uint32_t)hi;
}

/* One escape at pos (the backslash) into out; the bytes it took. */
static size_t json_esc(struct ls_slice s, size_t pos, struct ls_buf *out)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    int ch = ls_slice_at(s, pos + 1);
    for (size_t i = 0; from[i]; i++)
        if (ch == from[i]) {
            json_addc(out, to[i]);
            return 2;
        }
    size_t len = 0;
    uint32_t cp = ch == 'u' ? ls_json_uesc(s, pos, &len) : 0;
    if (cp == 0) { /* not an escape: kept as written */
        json_addc(out, '\\');
        return 1;
    }
    if (cp == 0xA0 || cp == 0x2007 || cp == 0x202F) cp = ' '; /* "SSN\u00a0536..." */
    json_addcp(out, cp);
    return len;
}

/* The string literal whose opening quote is at pos, decoded into out;
 * *esc set when it held an escape. A string longer than out's cap (a
 * document's whole text in a search index dump, a long message) goes to
 * spill in pieces as it is decoded once it has held an escape (*spilled
 * set): its lines are kept whole, not cut at the cap (a piece ends where
 * the next begins). *err gets
 * spill's error (LS_E_LIMIT: the text budget). Returns the position after
 * the string. */
static size_t json_string(struct ls_slice s, size_t pos, struct ls_buf *out, bool *esc, bool *spilled,
                          struct ls_buf *spill, ls_err *err)
{
    ls_buf_reset(out);
    *esc = *spilled = false;
    size_t i = pos + 1;
    while (i < s.len) {
        int ch = ls_slice_at(s, i);
        if (ch == '"') return i + 1;
        if (ch == '\n') return i; /* no string spans a line: a stray quote */
        if (out->len + 8 > LS_JSONESC_STR_MAX) { /* room for the longest escape's UTF-8 */
            if (*esc && *err == LS_OK) *err = ls_buf_add(spill, out->ptr, out->len);
            ls_buf_reset(out); /* no escape yet: the raw scan reads the same */
            *spilled = true;
        }
        if (ch == '\\' && i + 1 < s.len) {
            *esc = true;
            i += json_esc(s, i, out);
            continue;
        }
        json_addc(out, ch);
        i++;
    }
    return i;
}

static bool json_opens(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') continue;
        return ch == '{' || ch == '[';
    }
    return false;
}

/* An object being read: the key of the member being read, and the member
 * that names the object's value ("title", "name", "label" ...) and its
 * "value", when short enough to be a label and a value. */
struct json_obj {
    char key[16];
    char label[JSON_LABEL_MAX + 1];
    char code[JSON_LABEL_MAX + 1]; /* a type or code member: the value's kind */
    char value[JSON_VALUE_MAX + 1];
};

struct json_rd {
    struct json_obj st[JSON_DEPTH_MAX];
    unsigned depth; /* objects open; past JSON_DEPTH_MAX they are not followed */
    struct ls_buf lines;
};

static void json_copy(char *dst, size_t cap, struct ls_slice v)
{
    size_t n = v.len < cap ? v.len : 0; /* too long: not a label or a value */
    if (n) memcpy(dst, v.ptr, n);
    dst[n] = 0;
}

static bool json_key_is(const char *k, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        if (strcmp(k, names[i]) == 0) return true;
    return false;
}

/* Members that name the kind of an object's value when it has no label
 * member: {"idValue": "536221874", "nameCode": {"codeValue": "SSN"}} (ADP),
 * {"type": "passport", "number": "..."}; an object in such a member gives
 * its own code or label. */
static const char *const json_code_keys[] = {"type", "Type", "typeCode", "idType", "kind", "code", "Code",
                                             "codeValue", "nameCode", "scheme", "schemeName", "idTypeCode",
                                             "documentType", NULL};

/* A string or number member value of the innermost object. */
static void json_member(struct json_rd *r, struct ls_slice v)
{
    static const char *const label_keys[] = {"title", "name", "label", "key", "field", "fieldName",
                                             "displayName", "Key", "Name", "Title", NULL};
    static const char *const value_keys[] = {"value", "Value", "idValue", "IdValue", "idNumber",
                                             "documentNumber", "identificationNumber", "number", NULL};
    if (r->depth == 0 || r->depth > JSON_DEPTH_MAX) return;
    struct json_obj *ob = &r->st[r->depth - 1];
    if (json_key_is(ob->key, label_keys)) json_copy(ob->label, sizeof ob->label, v);
    else if (json_key_is(ob->key, json_code_keys)) json_copy(ob->code, sizeof ob->code, v);
    else if (json_key_is(ob->key, value_keys)) json_copy(ob->value, sizeof ob->value, v);
}

/* An object ends: "label: value" when it had both (a label member, else a
 * type or code member) and the value has the digits a label is needed for
 * (tablectx.h's rule). An object that is the value of a type or code
 * member passes its code (else its label) up as its parent's code. */
static ls_err json_close(struct json_rd *r)
{
    if (r->depth == 0) return LS_OK;
    r->depth--;
    if (r->depth >= JSON_DEPTH_MAX) return LS_OK;
    const struct json_obj *ob = &r->st[r->depth];
    const char *label = ob->label[0] ? ob->label : ob->code;
    if (r->depth > 0) {
        struct json_obj *up = &r->st[r->depth - 1];
        const char *kind = ob->code[0] ? ob->code : ob->label;
        if (kind[0] && !up->code[0] && json_key_is(up->key, json_code_keys))
            memcpy(up->code, kind, strlen(kind) + 1); /* both JSON_LABEL_MAX + 1 */
    }
    unsigned digits = 0;
    for (const char *p = ob->value; *p; p++) digits += *p >= '0' && *p <= '9';
    if (!label[0] || digits < 4) return LS_OK;
    LS_TRY(ls_buf_adds(&r->lines, label));
    LS_TRY(ls_buf_adds(&r->lines, ": "));
    LS_TRY(ls_buf_adds(&r->lines, ob->value));
    return ls_buf_addc(&r->lines, '\n');
}

static void json_open(struct json_rd *r)
{
    if (r->depth < JSON_DEPTH_MAX) memset(&r->st[r->depth], 0, sizeof r->st[0]);
    if (r->depth < UINT32_MAX) r->depth++;
}

static size_t json_skip_blank(struct ls_slice s, size_t i)
{
    while (i < s.len && (ls_slice_at(s, i) == ' ' || ls_slice_at(s, i) == '\t' || ls_slice_at(s, i) == '\r' ||
                         ls_slice_at(s, i) == '\n'))
        i++;
    return i;
}

/* A string token at i (its quote): decoded; a key (':' follows) becomes the
 * innermost object's current key, a value goes to json_member(); a string
 * with an escape goes to the lines whole. Returns the position after it. */
static size_t json_token(struct json_rd *r, struct ls_slice s, size_t i, struct ls_buf *str, ls_err *e)
{
    bool esc, spilled;
    i = json_string(s, i, str, &esc, &spilled, &r->lines, e);
    bool key = ls_slice_at(s, json_skip_blank(s, i)) == ':';
    if (spilled) { /* no key, label or value: its last piece is not the string */
    } else if (key && r->depth && r->depth <= JSON_DEPTH_MAX) {
        json_copy(r->st[r->depth - 1].key, sizeof r->st[0].key, ls_buf_slice(str));
    } else if (!key) {
        json_member(r, ls_buf_slice(str));
    }
    if (esc && str->len && *e == LS_OK) {
        *e = ls_buf_add(&r->lines, str->ptr, str->len);
        if (*e == LS_OK) *e = ls_buf_addc(&r->lines, '\n');
    }
    return i;
}

/* A number at i: a member value (an SSN or a phone written as a number). */
static size_t json_number(struct json_rd *r, struct ls_slice s, size_t i)
{
    size_t b = i;
    while (i < s.len && ((ls_slice_at(s, i) >= '0' && ls_slice_at(s, i) <= '9') || ls_slice_at(s, i) == '-' ||
                         ls_slice_at(s, i) == '+' || ls_slice_at(s, i) == '.' || ls_slice_at(s, i) == 'e' ||
                         ls_slice_at(s, i) == 'E'))
        i++;
    struct ls_slice v;
    (void)ls_slice_sub(s, b, i - b, &v);
    json_member(r, v);
    return i;
}

ls_err ls_json_escapes(struct ls_ctx *c, struct ls_object *o, struct ls_slice u8)
{
    if (!json_opens(u8)) return LS_OK;
    struct json_rd *r = calloc(1, sizeof *r);
    if (!r) return LS_E_NOMEM;
    struct ls_buf str;
    ls_buf_init(&str, LS_JSONESC_STR_MAX);
    ls_buf_init(&r->lines, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = LS_OK;
    size_t i = 0;
    unsigned n = 0;
    while (e == LS_OK && i < u8.len) {
        int ch = ls_slice_at(u8, i);
        if (ch == '"') i = json_token(r, u8, i, &str, &e);
        else if ((ch >= '0' && ch <= '9') || ch == '-') i = json_number(r, u8, i);
        else {
            if (ch == '{') json_open(r);
            else if (ch == '}') e = json_close(r);
            i++;
        }
        if (e == LS_OK && ++n % 65536 == 0 && ls_ctx_expired(c)) e = LS_E_TIMEOUT;
    }
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "json: decoded strings cut at the text budget");
    ls_err le = r->lines.len ? ls_emit_labels(c, o, r->lines.ptr, r->lines.len) : LS_OK;
    ls_buf_free(&str);
    ls_buf_free(&r->lines);
    free(r);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : le;
}
