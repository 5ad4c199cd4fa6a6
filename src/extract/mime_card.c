/* Address books and calendars as mail clients export them: vCard 2.1, 3.0
 * and 4.0 (.vcf, RFC 2426 / 6350), iCalendar and vCalendar (.ics / .vcs,
 * RFC 5545) and LDIF (.ldif, RFC 2849: Thunderbird's and directory
 * exports). The `vcard` handler reads them as the text handler does (the raw
 * scan sees the bytes; a non-UTF-8 file is converted) and adds the content
 * lines the raw bytes do not show whole: a value folded over lines (a CRLF
 * and a blank every 75 octets, in an SSN or an address), written
 * quoted-printable with soft line breaks (vCard 2.1, Outlook: inside a
 * phone number), base64 (vCard ENCODING=b, LDIF `attr:: ...`), in a
 * CHARSET= code page, or with iCalendar's \n \, \; escapes. Each such
 * line is emitted as "NAME: value". Pictures, sounds and certificates
 * (PHOTO, LOGO, SOUND, KEY, jpegPhoto, userCertificate ...) are never
 * decoded: a base64 photo is no text. Source of the decoders:
 * mime_decode.c. */
#include <string.h>

#include "core/handler.h"
#include "extract/mime_decode.h"

extern const struct ls_handler ls_handler_text;

#define CARD_PROBE_WINDOW 4096u
#define CARD_LINE_MAX (1u << 20) /* a logical line longer than this is left to the raw scan */

enum card_kind { CARD_NONE, CARD_VCARD, CARD_LDIF };

static int lc(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool ci_eq(const uint8_t *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    if (n != k) return false;
    for (size_t i = 0; i < k; i++)
        if (lc(p[i]) != s[i]) return false;
    return true;
}

static bool ci_starts(const uint8_t *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    return n >= k && ci_eq(p, k, s);
}

static bool ci_find(const uint8_t *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (ci_eq(p + i, k, s)) return true;
    return false;
}

/* The first line that is not blank (nor an LDIF comment) after a UTF-8
 * BOM: BEGIN:VCARD / BEGIN:VCALENDAR; or LDIF's "version: 1" or "dn:" with
 * an objectclass or changetype line in the window. */
static enum card_kind card_kind(struct ls_slice d)
{
    size_t n = d.len < CARD_PROBE_WINDOW ? d.len : CARD_PROBE_WINDOW;
    const uint8_t *p = d.ptr;
    size_t i = 0;
    if (!p) return CARD_NONE;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3;
    for (;;) {
        while (i < n && (p[i] == '\r' || p[i] == '\n' || p[i] == ' ' || p[i] == '\t')) i++;
        if (i < n && p[i] == '#') { /* LDIF comment line */
            while (i < n && p[i] != '\n') i++;
            continue;
        }
        break;
    }
    if (i >= n) return CARD_NONE;
    const uint8_t *l = p + i;
    size_t left = n - i;
    if (ci_starts(l, left, "begin:vcard") || ci_starts(l, left, "begin:vcalendar")) return CARD_VCARD;
    if (ci_starts(l, left, "version: 1") || ci_starts(l, left, "version:1") || ci_starts(l, left, "dn:")) {
        for (size_t k = i; k + 12 < n; k++)
            if (p[k] == '\n' && (ci_starts(p + k + 1, n - k - 1, "objectclass:") ||
                                 ci_starts(p + k + 1, n - k - 1, "changetype:")))
                return CARD_LDIF;
    }
    return CARD_NONE;
}

static int card_probe(const struct ls_object *o)
{
    return card_kind(o->data) != CARD_NONE ? 70 : 0;
}

/* Properties whose values are pictures, sounds, keys or certificates. */
static bool binary_prop(const uint8_t *p, size_t n)
{
    static const char *const names[] = {"photo", "logo", "sound", "key", "jpegphoto", "usercertificate",
                                        "cacertificate", "usersmimecertificate", "userpkcs12",
                                        "thumbnailphoto", "objectguid", "objectsid", "attach",
                                        "x-ms-olk-picture", "audio", "photo;binary", NULL};
    for (size_t i = 0; names[i]; i++)
        if (ci_eq(p, n, names[i])) return true;
    return false;
}

/* A parameter value (ENCODING=..., CHARSET=...) among the ;-separated
 * parameters, or a bare one (vCard 2.1's ";QUOTED-PRINTABLE"). */
static bool param_is(struct ls_slice params, const char *key, const char *val, struct ls_slice *out)
{
    size_t i = 0, kl = strlen(key);
    while (i < params.len) {
        size_t j = i;
        bool q = false;
        while (j < params.len && (q || params.ptr[j] != ';')) {
            if (params.ptr[j] == '"') q = !q;
            j++;
        }
        const uint8_t *s = params.ptr + i;
        size_t sl = j - i;
        if (sl > kl && s[kl] == '=' && ci_starts(s, sl, key)) {
            const uint8_t *v = s + kl + 1;
            size_t vl = sl - kl - 1;
            if (vl >= 2 && v[0] == '"' && v[vl - 1] == '"') {
                v++;
                vl -= 2;
            }
            if (out) *out = ls_slice_make(v, vl);
            if (!val || ci_eq(v, vl, val)) return true;
        } else if (val && ci_eq(s, sl, val)) {
            if (out) *out = ls_slice_make(s, sl);
            return true;
        }
        i = j + 1;
    }
    return false;
}

/* \n \N \, \; \: \\ of iCalendar and vCard 3.0/4.0 values. */
static ls_err unescape(struct ls_buf *out, struct ls_slice v, bool *changed)
{
    size_t a = 0;
    if (v.len == 0) return LS_OK; /* an empty buffer's pointer is NULL: no arithmetic on it */
    for (size_t i = 0; i + 1 < v.len; i++) {
        if (v.ptr[i] != '\\') continue;
        int c = v.ptr[i + 1];
        const char *r = c == 'n' || c == 'N' ? "\n" : c == ',' ? "," : c == ';' ? ";" : c == ':' ? ":"
                                                                               : c == '\\' ? "\\" : NULL;
        if (!r) continue;
        LS_TRY(ls_buf_add(out, v.ptr + a, i - a));
        LS_TRY(ls_buf_add(out, r, 1));
        *changed = true;
        a = i + 2;
        i++;
    }
    return ls_buf_add(out, v.ptr + a, v.len - a);
}

struct card_state {
    struct ls_ctx *c;
    struct ls_object *o;
    enum card_kind kind;
    struct ls_buf line, dec, u8, esc;
    bool cut_said; /* a logical line over CARD_LINE_MAX was noted */
};

/* Append to the logical line; past CARD_LINE_MAX the rest of it is left
 * to the raw scan, and the record says so once (limit:text): a value a
 * fold splits there is not seen whole. */
static ls_err card_append(struct card_state *st, const void *p, size_t n)
{
    if (n == 0) return LS_OK;
    ls_err e = ls_buf_add(&st->line, p, n);
    if (e == LS_E_LIMIT && !st->cut_said) {
        st->cut_said = true;
        ls_note(st->c, st->o, LS_R_LIMIT_TEXT,
                "vcard: a folded line longer than %u bytes was cut; the rest is read by the raw scan only",
                CARD_LINE_MAX);
    }
    return e == LS_E_LIMIT ? LS_OK : e;
}

static bool mostly_text(struct ls_slice s)
{
    size_t bad = 0;
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] < 0x09 || (s.ptr[i] > 0x0D && s.ptr[i] < 0x20)) bad++;
    return s.len > 0 && bad * 20 <= s.len;
}

/* One logical line (folds already removed, soft breaks kept for the QP
 * decoder); folded tells whether unfolding changed it. */
static ls_err card_line(struct card_state *st, struct ls_slice l, bool folded)
{
    const uint8_t *p = l.ptr;
    size_t n = l.len, colon = 0;
    bool q = false;
    while (colon < n && (q || p[colon] != ':')) {
        if (p[colon] == '"') q = !q;
        colon++;
    }
    if (colon >= n || colon == 0) return LS_OK;
    struct ls_slice v = ls_slice_make(p + colon + 1, n - colon - 1);
    size_t nm = 0;
    while (nm < colon && p[nm] != ';') nm++;
    struct ls_slice name = ls_slice_make(p, nm), params = ls_slice_make(p + nm, colon - nm);
    if (params.len) { /* skip the ';' */
        params.ptr++;
        params.len--;
    }
    size_t dot = nm; /* item1.EMAIL: the group is no part of the name */
    while (dot > 0 && name.ptr[dot - 1] != '.') dot--;
    if (dot > 0) name = ls_slice_make(name.ptr + dot, name.len - dot);
    bool b64 = false, qp = false, changed = folded;
    if (st->kind == CARD_LDIF) {
        if (v.len && v.ptr[0] == ':') { /* attr:: base64 */
            b64 = true;
            v.ptr++;
            v.len--;
        } else if (v.len && v.ptr[0] == '<') {
            return LS_OK; /* attr:< URL */
        }
    } else {
        b64 = param_is(params, "encoding", "b", NULL) || param_is(params, "encoding", "base64", NULL) ||
              param_is(params, "type", "base64", NULL) ||
              (params.len && param_is(params, "x", "base64", NULL));
        qp = param_is(params, "encoding", "quoted-printable", NULL) ||
             param_is(params, "x", "quoted-printable", NULL);
    }
    if (binary_prop(name.ptr, name.len)) return LS_OK;
    while (v.len && (v.ptr[0] == ' ' || v.ptr[0] == '\t')) {
        v.ptr++;
        v.len--;
    }
    ls_buf_reset(&st->dec);
    ls_err e = LS_OK;
    if (b64) {
        e = mime_b64_decode(&st->dec, v);
        if (e == LS_OK && !mostly_text(ls_buf_slice(&st->dec))) return LS_OK;
        changed = true;
    } else if (qp) {
        e = mime_qp_decode(&st->dec, v, false);
        changed = true;
    } else {
        e = ls_buf_add(&st->dec, v.ptr, v.len);
    }
    if (e != LS_OK && e != LS_E_LIMIT) return e;
    struct ls_slice cs;
    enum mime_charset charset = MIME_CS_NONE;
    if (param_is(params, "charset", NULL, &cs)) {
        charset = mime_charset_lookup(cs);
        if (charset == MIME_CS_UNKNOWN) charset = MIME_CS_NONE;
        else if (charset != MIME_CS_UTF8 && charset != MIME_CS_ASCII) changed = true;
    }
    ls_buf_reset(&st->u8);
    e = mime_to_utf8(&st->u8, ls_buf_slice(&st->dec), charset);
    if (e != LS_OK && e != LS_E_LIMIT) return e;
    ls_buf_reset(&st->esc);
    if (st->kind != CARD_LDIF) {
        e = unescape(&st->esc, ls_buf_slice(&st->u8), &changed);
        if (e != LS_OK && e != LS_E_LIMIT) return e;
    } else if (st->u8.len && (e = ls_buf_add(&st->esc, st->u8.ptr, st->u8.len)) != LS_OK && e != LS_E_LIMIT) {
        return e;
    }
    if (!changed) return LS_OK; /* the raw scan reads it as it stands */
    LS_TRY(ls_emit_text(st->c, st->o, name.ptr, name.len));
    LS_TRY(ls_emit_text(st->c, st->o, ": ", 2));
    LS_TRY(ls_emit_text(st->c, st->o, st->esc.ptr, st->esc.len));
    return ls_emit_text(st->c, st->o, "\n", 1);
}

/* Walk the physical lines: a line that starts with a blank continues the
 * one before (the fold and one blank go); a quoted-printable value whose
 * line ends with '=' goes on at the next line (kept for the decoder). */
static ls_err card_lines(struct card_state *st)
{
    struct ls_slice d = st->o->data;
    size_t i = 0;
    bool have = false, folded = false, qp_open = false;
    /* where the logical line's name ends (its first ':'), searched only in
     * the bytes each physical line appends: one line folded a million
     * times had been searched from its start each time (review5: 6.4 s
     * for 200 KB) */
    size_t colon = SIZE_MAX, searched = 0;
    bool is_qp = false;
    unsigned long lines = 0;
    ls_err e = LS_OK;
    while (i <= d.len && e == LS_OK) {
        size_t j = i;
        while (j < d.len && d.ptr[j] != '\n') j++;
        size_t k = j;
        if (k > i && d.ptr[k - 1] == '\r') k--;
        const uint8_t *s = d.ptr + i;
        size_t sl = k - i;
        bool cont = have && sl > 0 && (s[0] == ' ' || s[0] == '\t');
        if (qp_open && have) {
            /* the soft break: keep "=\n" so the QP decoder joins the halves */
            if (card_append(st, "\n", 1) == LS_E_NOMEM) return LS_E_NOMEM;
            if (card_append(st, s, sl) == LS_E_NOMEM) return LS_E_NOMEM;
        } else if (cont) {
            if (card_append(st, s + 1, sl - 1) == LS_E_NOMEM) return LS_E_NOMEM;
            folded = true;
        } else {
            if (have) e = card_line(st, ls_buf_slice(&st->line), folded);
            ls_buf_reset(&st->line);
            have = sl > 0;
            folded = false;
            colon = SIZE_MAX;
            searched = 0;
            is_qp = false;
            if (have && card_append(st, s, sl) == LS_E_NOMEM) return LS_E_NOMEM;
        }
        if (have) {
            struct ls_slice cur = ls_buf_slice(&st->line);
            if (colon == SIZE_MAX) {
                const uint8_t *hit = searched < cur.len ? memchr(cur.ptr + searched, ':', cur.len - searched) : NULL;
                searched = cur.len;
                if (hit) {
                    colon = (size_t)(hit - cur.ptr);
                    is_qp = st->kind == CARD_VCARD && ci_find(cur.ptr, colon, "quoted-printable");
                }
            }
            qp_open = is_qp && sl > 0 && s[sl - 1] == '=' && j < d.len;
        } else {
            qp_open = false;
        }
        if (j >= d.len) break;
        i = j + 1;
        if ((++lines & 0xFFFF) == 0 && ls_ctx_expired(st->c)) return LS_E_TIMEOUT;
    }
    if (e == LS_OK && have) e = card_line(st, ls_buf_slice(&st->line), folded);
    return e;
}

static ls_err card_extract(struct ls_ctx *c, struct ls_object *o)
{
    /* everything the text handler does (conversion, base64 files, tables) */
    ls_err e = ls_handler_text.extract(c, o);
    if (e != LS_OK) return e;
    struct card_state st = {c, o, card_kind(o->data), {0}, {0}, {0}, {0}, false};
    if (st.kind == CARD_NONE) return LS_OK;
    ls_buf_init(&st.line, CARD_LINE_MAX);
    ls_buf_init(&st.dec, CARD_LINE_MAX);
    ls_buf_init(&st.u8, CARD_LINE_MAX * 3);
    ls_buf_init(&st.esc, CARD_LINE_MAX * 3);
    e = card_lines(&st);
    ls_buf_free(&st.line);
    ls_buf_free(&st.dec);
    ls_buf_free(&st.u8);
    ls_buf_free(&st.esc);
    return e == LS_E_LIMIT ? LS_OK : e;
}

const struct ls_handler ls_handler_vcard = {
    .name = "vcard",
    .probe = card_probe,
    .extract = card_extract,
};
