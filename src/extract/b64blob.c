/*
 * Files carried as base64 inside text. A leak's JSON exports hold mail
 * attachments as base64 ("contentBytes"), the Gmail API whole messages as
 * base64url ("raw"), SOAP and XML payloads whole documents, HTML data: URIs
 * PDFs: the raw-byte scan sees only the alphabet. A run of at least
 * B64_RUN_MIN base64 characters (standard or URL-safe alphabet; line breaks,
 * JSON's "\n", "\r" and "\/" escapes allowed inside) is decoded when its
 * first bytes are a format the pipeline reads (zip and the Office / ODF
 * packages, PDF, OLE2, gzip, 7z, RAR, RTF, TNEF, an e-mail's header) or
 * printable UTF-8 text with words in it, or compact text that opens as a
 * JSON record or PHP code does; the decoded bytes become a child
 * "base64@OFFSET". Images, certificates and random-looking data are left:
 * their bytes hold no text the rules could read, and each would be a record
 * of noise.
 *
 * Attacker-controlled: every byte. Runs are found by one table lookup per
 * byte; decoding is bounded by the byte budget (ls_budget_left) and by the
 * pipeline's member limit.
 */
#include <stdio.h>
#include <string.h>

#include "extract/b64blob.h"

#define B64_RUN_MIN 128u   /* base64 characters (96 bytes) */
#define B64_HEAD 96u       /* characters decoded to judge a run */
#define B64_TEXT_SAMPLE 72u /* decoded bytes judged as text */

/* 0-63: the sextet; 64: separator allowed inside a run; 65: '=' pad; 255: other */
enum { B64_SEP = 64, B64_PAD = 65, B64_NO = 255 };

static uint8_t b64_table[256];

static void b64_table_init(void)
{
    if (b64_table['A'] == 0 && b64_table['B'] == 1) return;
    memset(b64_table, B64_NO, sizeof b64_table);
    const char *a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (unsigned i = 0; a[i]; i++) b64_table[(uint8_t)a[i]] = (uint8_t)i;
    b64_table['+'] = b64_table['-'] = 62;
    b64_table['/'] = b64_table['_'] = 63;
    b64_table['\n'] = b64_table['\r'] = B64_SEP;
    b64_table['='] = B64_PAD;
}

/* Length of the run at s[i] (escapes "\n", "\r", "\/" included) and the
 * number of base64 characters in it. */
static size_t b64_run(struct ls_slice s, size_t i, size_t *chars)
{
    size_t start = i, n = 0;
    while (i < s.len) {
        uint8_t v = b64_table[s.ptr[i]];
        if (v < 64) {
            n++;
            i++;
        } else if (v == B64_SEP) {
            i++;
        } else if (s.ptr[i] == '\\' && i + 1 < s.len &&
                   (s.ptr[i + 1] == 'n' || s.ptr[i + 1] == 'r' || s.ptr[i + 1] == '/')) {
            if (s.ptr[i + 1] == '/') n++;
            i += 2;
        } else {
            break;
        }
    }
    while (i < s.len && s.ptr[i] == '=') i++; /* padding */
    *chars = n;
    return i - start;
}

/* Decode run (as b64_run delimits it) into out, at most max bytes. */
static ls_err b64_decode_run(struct ls_slice run, size_t max, struct ls_buf *out)
{
    uint32_t acc = 0;
    unsigned bits = 0;
    for (size_t i = 0; i < run.len && out->len < max; i++) {
        uint8_t ch = run.ptr[i];
        uint8_t v = b64_table[ch];
        if (ch == '\\' && i + 1 < run.len) { /* an escape: "\/" is '/', "\n" / "\r" skipped */
            i++;
            if (run.ptr[i] != '/') continue;
            v = 63;
        }
        if (v >= 64) continue;
        acc = (acc << 6 | v) & 0xffffffu;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            LS_TRY(ls_buf_addc(out, (uint8_t)(acc >> bits)));
        }
    }
    return LS_OK;
}

static bool starts(struct ls_slice d, const char *sig, size_t n) { return ls_slice_starts(d, sig, n); }

/* A format the pipeline reads, by its first bytes. */
bool ls_b64_known_format(struct ls_slice d)
{
    static const struct {
        const char *sig;
        size_t len;
    } sigs[] = {
        {"PK\x03\x04", 4}, {"%PDF-", 5}, {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8}, {"\x1f\x8b\x08", 3},
        {"7z\xbc\xaf\x27\x1c", 6}, {"Rar!\x1a\x07", 6}, {"{\\rtf", 5}, {"\x78\x9f\x3e\x22", 4},
        {"BZh", 3}, {"\xfd" "7zXZ", 5},
    };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (starts(d, sigs[i].sig, sigs[i].len)) return true;
    return false;
}

/* Printable ASCII written without blanks that opens as a JSON record or
 * PHP code does (a skimmer's {"cc":"4539...","em":"..."}, a webshell's
 * eval(base64_decode(...)) payload $c=mysqli_connect('...')):
 * half letters and digits, a sixth letters, and one byte in eight of the marks that hold
 * such text together; a token or a hash that decodes to letters and digits
 * has none of them, random bytes are not all printable. */
static bool b64_compact(struct ls_slice d)
{
    static const char *const opens[] = {"{\"", "[{\"", "[\"", "<?php", "<?="};
    bool open = false;
    for (size_t i = 0; i < sizeof opens / sizeof opens[0] && !open; i++)
        open = ls_slice_starts(d, opens[i], strlen(opens[i]));
    if (!open && !(ls_slice_at(d, 0) == '$' && ((ls_slice_at(d, 1) | 0x20) >= 'a' && (ls_slice_at(d, 1) | 0x20) <= 'z')))
        return false;
    size_t letters = 0, digits = 0, marks = 0;
    for (size_t i = 0; i < d.len; i++) {
        uint8_t ch = d.ptr[i];
        if (ch < 0x20 ? !(ch == '\n' || ch == '\r' || ch == '\t') : ch > 0x7E) return false;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) letters++;
        else if (ch >= '0' && ch <= '9') digits++;
        else if (strchr("{}[]\":,;=()$'", ch)) marks++;
    }
    return d.len >= B64_TEXT_SAMPLE / 2 && (letters + digits) * 2 >= d.len && letters * 6 >= d.len &&
           marks * 8 >= d.len;
}

/* Printable UTF-8 with spaces between words (an e-mail, a CSV, a note);
 * not a token or a hash that happens to decode to letters. */
static bool b64_texty(struct ls_slice d)
{
    size_t n = d.len < B64_TEXT_SAMPLE ? d.len : B64_TEXT_SAMPLE;
    size_t letters = 0, spaces = 0, bad = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t ch = d.ptr[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) letters++;
        else if (ch == ' ' || ch == '\n' || ch == '\t') spaces++;
        else if (ch < 0x20 && ch != '\r') bad++; /* bytes >= 0x80: UTF-8, checked below */
    }
    struct ls_slice head;
    if (!ls_slice_sub(d, 0, n, &head)) return false;
    /* a cut multi-byte sequence at the end of the sample is no fault */
    size_t cut = n;
    while (cut > 0 && n - cut < 3 && (head.ptr[cut - 1] & 0xc0) == 0x80) cut--;
    if (cut > 0 && head.ptr[cut - 1] >= 0xc0) cut--;
    head.len = cut;
    if (bad == 0 && ls_utf8_valid(head) && letters * 2 >= n && spaces * 20 >= n) return true;
    return b64_compact(head);
}

static ls_err b64_child(struct ls_ctx *c, struct ls_object *o, struct ls_slice run, size_t at,
                        bool *taken)
{
    struct ls_buf head;
    ls_buf_init(&head, B64_HEAD);
    struct ls_slice hrun = run;
    if (hrun.len > B64_HEAD * 2) hrun.len = B64_HEAD * 2; /* escapes and breaks included */
    ls_err e = b64_decode_run(hrun, B64_HEAD, &head);
    bool take = e == LS_OK && (ls_b64_known_format(ls_buf_slice(&head)) || b64_texty(ls_buf_slice(&head)));
    ls_buf_free(&head);
    *taken = take;
    if (!take) return LS_OK;
    uint64_t left = ls_budget_left(c);
    size_t full = run.len / 4 * 3 + 3, max = full;
    if (left < max) max = (size_t)left;
    if (max == 0) return ls_budget_charge(c, o, full); /* notes the budget */
    struct ls_buf out;
    ls_buf_init(&out, max);
    e = b64_decode_run(run, max, &out);
    bool cut = e == LS_E_LIMIT || (out.len >= max && max < full);
    if (e == LS_OK || e == LS_E_LIMIT) e = ls_budget_charge(c, o, out.len);
    char name[40];
    snprintf(name, sizeof name, "base64@%zu", at);
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name;
    ch.name_len = strlen(name);
    ch.data = ls_buf_slice(&out);
    if (cut) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = LS_R_LIMIT_BYTES;
        ch.error = "base64: decoded only up to the byte budget";
    }
    if (e == LS_OK) e = ls_emit_child(c, o, &ch);
    ls_buf_free(&out);
    return e;
}

ls_err ls_b64_blobs(struct ls_ctx *c, struct ls_object *o, struct ls_slice text)
{
    b64_table_init();
    size_t i = 0;
    while (i < text.len) {
        if (b64_table[text.ptr[i]] >= 64) {
            i++;
            continue;
        }
        size_t chars = 0, len = b64_run(text, i, &chars);
        if (chars >= B64_RUN_MIN) {
            struct ls_slice run;
            (void)ls_slice_sub(text, i, len, &run);
            bool taken = false;
            LS_TRY(b64_child(c, o, run, i, &taken));
            /* A word of prose right before the block's line break joins
             * the run ("rename it to .zip\nUEsDBBQ..."): try again from
             * the first line start. */
            size_t nl = ls_slice_find(run, 0, "\n", 1);
            if (!taken && nl != SIZE_MAX && nl < B64_RUN_MIN) {
                size_t k = nl;
                while (k < run.len && b64_table[run.ptr[k]] == B64_SEP) k++;
                struct ls_slice rest;
                size_t rchars = 0;
                if (k < run.len && b64_run(text, i + k, &rchars) == len - k && rchars >= B64_RUN_MIN &&
                    ls_slice_sub(text, i + k, len - k, &rest))
                    LS_TRY(b64_child(c, o, rest, i + k, &taken));
            }
        }
        i += len ? len : 1;
    }
    return LS_OK;
}
