/*
 * Kubernetes Secret manifests: the values under `data:` are base64
 * (`password: aHVudGVyMg==`), so the secret rules never see them. In a text
 * that declares `kind: Secret` (YAML) or `"kind": "Secret"` (JSON), every
 * `key: value` entry of a `data` mapping whose value decodes to printable
 * UTF-8 is added to the text as `key: decoded` - the form the secret rules
 * read (`password: hunter2`, `api-key: sk_live_...`); PEM text is kept.
 * A value that decodes to a file the pipeline reads (gzip, zip, a Java or
 * PKCS#12 key store, a DER key: by its first bytes) is handed over as the
 * child KEY, and so is Helm 3's release Secret (`type:
 * helm.sh/release.v1`, `data.release`): base64 of base64 of a gzip'd JSON
 * release whose `config` holds the values the chart was installed with,
 * passwords included (`helm install --set postgresql.auth.password=...`),
 * the second base64 decoded too. Other binary values (random bytes, an
 * image) are left: a record of noise each.
 *
 * Attacker-controlled: every byte. Lines and values are bounded slices;
 * the output goes through ls_emit_text (the text limit).
 */
#include <string.h>

#include "extract/k8ssecret.h"
#include "extract/mime_decode.h"

#define K8S_VALUE_MAX (8u << 20) /* decoded bytes of one value (a Helm release: hundreds of KB) */
#define K8S_KEY_MAX 256u

static bool k8s_declares_secret(struct ls_slice t)
{
    static const char *const forms[] = {"kind: Secret", "kind: \"Secret\"", "\"kind\": \"Secret\"",
                                        "\"kind\":\"Secret\""};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (ls_slice_find(t, 0, forms[i], strlen(forms[i])) != SIZE_MAX) return true;
    return false;
}

static bool b64_char(uint8_t ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '+' ||
           ch == '/' || ch == '=';
}

static bool key_char(uint8_t ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
           ch == '_' || ch == '.';
}

/* Printable UTF-8 (line breaks and tabs allowed): worth a text line. */
static bool printable_text(struct ls_slice s)
{
    if (s.len == 0 || !ls_utf8_valid(s)) return false;
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] < 0x20 && s.ptr[i] != '\n' && s.ptr[i] != '\r' && s.ptr[i] != '\t') return false;
    return true;
}

/* Decoded bytes that open as a file the pipeline reads: gzip, zip, a Java
 * KeyStore or JCEKS, or DER (a SEQUENCE with a two- or three-byte length:
 * a PKCS#12 bundle, a PKCS#8 or PKCS#1 key). */
static bool k8s_file(struct ls_slice d)
{
    static const struct {
        const char *magic;
        size_t len;
    } files[] = {{"\x1f\x8b\x08", 3}, {"PK\x03\x04", 4}, {"\xfe\xed\xfe\xed", 4}, {"\xce\xce\xce\xce", 4},
                 {"\x30\x82", 2}, {"\x30\x83", 2}};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (ls_slice_starts(d, files[i].magic, files[i].len)) return true;
    return false;
}

/* Hand d over as the child named key. */
static ls_err k8s_child(struct ls_ctx *c, struct ls_object *o, struct ls_slice key, struct ls_slice d)
{
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = key.ptr;
    ch.name_len = key.len;
    ch.data = d;
    ls_err e = ls_emit_child(c, o, &ch);
    return e == LS_E_LIMIT ? LS_OK : e;
}

/* Decoded text that is base64 again (Helm's release) and decodes to a
 * file: handed over as the child KEY. True if it was. */
static bool k8s_second_layer(struct ls_ctx *c, struct ls_object *o, struct ls_slice key, struct ls_slice dec,
                             ls_err *e)
{
    *e = LS_OK;
    if (dec.len < 16) return false;
    for (size_t i = 0; i < dec.len; i++)
        if (!b64_char(dec.ptr[i]) && dec.ptr[i] != '\n' && dec.ptr[i] != '\r') return false;
    struct ls_buf inner;
    ls_buf_init(&inner, K8S_VALUE_MAX);
    bool file = mime_b64_decode(&inner, dec) == LS_OK && k8s_file(ls_buf_slice(&inner));
    if (file) *e = k8s_child(c, o, key, ls_buf_slice(&inner));
    ls_buf_free(&inner);
    return file;
}

/* Decode value and emit "key: decoded" when it is text; hand it over as a
 * child when it is a file (k8s_file), once or twice encoded. */
static ls_err k8s_entry(struct ls_ctx *c, struct ls_object *o, struct ls_slice key, struct ls_slice value)
{
    if (key.len == 0 || key.len > K8S_KEY_MAX || value.len < 4 || value.len / 4 * 3 > K8S_VALUE_MAX)
        return LS_OK;
    for (size_t i = 0; i < value.len; i++)
        if (!b64_char(value.ptr[i])) return LS_OK;
    struct ls_buf dec, line;
    ls_buf_init(&dec, K8S_VALUE_MAX);
    ls_buf_init(&line, K8S_VALUE_MAX + K8S_KEY_MAX + 4);
    ls_err e = LS_OK;
    bool ok = mime_b64_decode(&dec, value) == LS_OK;
    if (ok && k8s_file(ls_buf_slice(&dec))) {
        e = k8s_child(c, o, key, ls_buf_slice(&dec));
    } else if (ok && printable_text(ls_buf_slice(&dec)) && !k8s_second_layer(c, o, key, ls_buf_slice(&dec), &e)) {
        e = ls_buf_add(&line, key.ptr, key.len);
        if (e == LS_OK) e = ls_buf_adds(&line, ": ");
        if (e == LS_OK) e = ls_buf_add(&line, dec.ptr, dec.len);
        if (e == LS_OK) e = ls_buf_addc(&line, '\n');
        if (e == LS_OK) e = ls_emit_text(c, o, line.ptr, line.len);
    }
    ls_buf_free(&dec);
    ls_buf_free(&line);
    return e;
}

static size_t skip_ws(struct ls_slice s, size_t i)
{
    while (i < s.len && (s.ptr[i] == ' ' || s.ptr[i] == '\t')) i++;
    return i;
}

/* A run of chars accepted by ok at i: its end. */
static size_t span(struct ls_slice s, size_t i, bool (*ok)(uint8_t))
{
    while (i < s.len && ok(s.ptr[i])) i++;
    return i;
}

/* ---- YAML: "data:" then more-indented "key: value" lines ---- */

static ls_err k8s_yaml(struct ls_ctx *c, struct ls_object *o, struct ls_slice t)
{
    size_t pos = 0, data_indent = SIZE_MAX;
    while (pos < t.len) {
        size_t eol = ls_slice_find(t, pos, "\n", 1);
        if (eol == SIZE_MAX) eol = t.len;
        struct ls_slice line;
        (void)ls_slice_sub(t, pos, eol - pos, &line);
        pos = eol + 1;
        if (line.len && line.ptr[line.len - 1] == '\r') line.len--;
        size_t ind = skip_ws(line, 0);
        if (ind == line.len || line.ptr[ind] == '#') continue; /* blank or comment */
        if (data_indent != SIZE_MAX && ind <= data_indent) data_indent = SIZE_MAX;
        if (data_indent == SIZE_MAX) {
            struct ls_slice rest;
            (void)ls_slice_from(line, ind, &rest);
            if (ls_slice_eq_str(rest, "data:") || ls_slice_eq_str(rest, "data: ")) data_indent = ind;
            continue;
        }
        size_t kend = span(line, ind, key_char);
        if (kend == ind || kend >= line.len || line.ptr[kend] != ':') continue;
        size_t v = skip_ws(line, kend + 1);
        if (v < line.len && (line.ptr[v] == '"' || line.ptr[v] == '\'')) v++;
        size_t vend = span(line, v, b64_char);
        struct ls_slice key, value;
        (void)ls_slice_sub(line, ind, kend - ind, &key);
        (void)ls_slice_sub(line, v, vend - v, &value);
        LS_TRY(k8s_entry(c, o, key, value));
    }
    return LS_OK;
}

/* ---- JSON: "data": { "key": "value", ... } ---- */

static ls_err k8s_json(struct ls_ctx *c, struct ls_object *o, struct ls_slice t)
{
    size_t at = 0;
    while ((at = ls_slice_find(t, at, "\"data\"", 6)) != SIZE_MAX) {
        size_t i = skip_ws(t, at + 6);
        at += 6;
        if (i >= t.len || t.ptr[i] != ':') continue;
        i = skip_ws(t, i + 1);
        while (i < t.len && (t.ptr[i] == '\n' || t.ptr[i] == '\r')) i = skip_ws(t, i + 1);
        if (i >= t.len || t.ptr[i] != '{') continue;
        i++;
        for (;;) { /* "key": "value" pairs */
            while (i < t.len && (t.ptr[i] == ' ' || t.ptr[i] == '\t' || t.ptr[i] == '\n' || t.ptr[i] == '\r' ||
                                 t.ptr[i] == ','))
                i++;
            if (i >= t.len || t.ptr[i] != '"') break;
            size_t kend = span(t, i + 1, key_char);
            if (kend >= t.len || t.ptr[kend] != '"') break;
            size_t j = skip_ws(t, kend + 1);
            if (j >= t.len || t.ptr[j] != ':') break;
            j = skip_ws(t, j + 1);
            if (j >= t.len || t.ptr[j] != '"') break;
            size_t vend = span(t, j + 1, b64_char);
            if (vend >= t.len || t.ptr[vend] != '"') break;
            struct ls_slice key, value;
            (void)ls_slice_sub(t, i + 1, kend - i - 1, &key);
            (void)ls_slice_sub(t, j + 1, vend - j - 1, &value);
            LS_TRY(k8s_entry(c, o, key, value));
            i = vend + 1;
        }
    }
    return LS_OK;
}

ls_err ls_k8s_secret_text(struct ls_ctx *c, struct ls_object *o, struct ls_slice text)
{
    if (!k8s_declares_secret(text)) return LS_OK;
    LS_TRY(k8s_yaml(c, o, text));
    return k8s_json(c, o, text);
}
