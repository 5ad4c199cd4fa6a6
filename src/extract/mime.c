/*
 * MIME / EML handler: RFC 5322 (Internet Message Format), RFC 2045-2047
 * (MIME bodies, media types, encoded words), RFC 2046 section 5.1
 * (multipart), RFC 2231 (parameter continuations), RFC 2183
 * (Content-Disposition).
 *
 * Supports: header fields From/To/Cc/Bcc/Subject/Date/Reply-To (plus
 * Sender) emitted as "Name: value" text lines, folded and RFC 2047 encoded;
 * multipart trees nested up to MIME_MAX_NEST, each part decoded (base64,
 * quoted-printable, 7bit/8bit/binary) and converted to UTF-8 from its
 * charset (UTF-8/16, Latin-1 and every single-byte and CJK code page of
 * the core tables: Shift_JIS, EUC-JP, ISO-2022-JP, GBK/GB2312, Big5,
 * EUC-KR; UTF-7; others are noted `unsupported`); text/plain
 * parts emitted as text, text/html parts through ls_markup_html_text();
 * every attachment and every other inline part handed over as a child named
 * by its file name (or part-N, N counting leaf parts from 1 in document
 * order), message/rfc822 parts as children (the pipeline gives them to this
 * handler again), application/ms-tnef as a child (the tnef handler).
 *
 * Ignored on purpose: signatures (S/MIME, PGP: the parts are still handed
 * over as children; an encrypted one is the sealed handler's, an encrypted
 * PGP block in a text part notes `encrypted`), message/partial reassembly,
 * message/external-body. (uuencoded files inside text bodies are decoded.)
 *
 * Attacker-controlled: everything. Boundaries may be missing, wrong or never
 * closed, headers unterminated or megabytes long, parameters malformed,
 * encodings broken. Those give partial coverage (parse_error / truncated
 * notes), never a failure of the whole object.
 *
 * Hand-written rather than GMime: GMime pulls in GLib (global type system,
 * its own allocator, iconv and gconv modules loaded from disk), which fits
 * neither the seccomp sandbox nor forked workers; the subset needed for
 * scanning is small and is fuzzed here (fuzz/fuzz_mime.c).
 */
#include <string.h>
#include <strings.h>

#include "core/handler.h"
#include "extract/b64blob.h"
#include "extract/iata.h"
#include "extract/markup.h"
#include "extract/mime_decode.h"
#include "extract/sealed.h"
#include "extract/text.h"

#define MIME_MAX_NEST 32u           /* multipart nesting inside one message */
#define MIME_MAX_PARTS 100000u      /* entities walked in one message */
#define MIME_MAX_FIELD (256u << 10) /* decoded header value kept for text */
#define MIME_MAX_IATA (64u << 10)   /* labelled lines of the PNR elements of one piece of text */
#define MIME_MAX_PARAM (64u << 10)  /* header value searched for parameters */
#define MIME_MAX_BOUNDARY 8192u     /* RFC 2046 says 70; senders that evade scanners do not */
#define MIME_MAX_NAME 1024u         /* child names */

struct mime_walk {
    struct ls_ctx *c;
    struct ls_object *o;
    uint64_t parts;     /* entities seen */
    uint64_t max_parts;
    unsigned leaf;      /* leaf counter for part-N */
    bool stop;          /* budget exhausted: emit nothing more */
    bool text_full;     /* text budget exhausted */
    bool noted_cs;
    enum mime_charset hdr_cs; /* raw 8-bit header text that is not UTF-8 */
    ls_err result;      /* what extract returns */
};

/* What one entity's headers say. */
struct mime_part {
    struct ls_slice hdr, body;
    bool has_body;
    char type[128];        /* media type, lower-case, default text/plain */
    char disp[32];         /* disposition type */
    char cte[32];          /* transfer encoding */
    struct ls_slice ctype; /* raw Content-Type value (may be empty) */
    struct ls_slice cdisp; /* raw Content-Disposition value */
    bool ctype_dup;        /* more than one Content-Type field */
};

static void walk_fail(struct mime_walk *w, ls_err e)
{
    if (e == LS_OK) return;
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT || e == LS_E_NOMEM) w->stop = true;
    if (w->result == LS_OK) w->result = e;
}

static void cap_slice(struct ls_slice *s, size_t n)
{
    if (s->len > n) s->len = n;
}

static bool blank(struct ls_slice s);

/* ---- text output ---- */

/* PNR elements pasted into a message (an agent's "SSR DOCS SK HK1
 * P/GBR/512104729/GBR/12JUL82/..." line): their labelled lines
 * (src/extract/iata.c), as the pnr handler gives a file of them. */
static void emit_iata(struct mime_walk *w, struct ls_slice s)
{
    if (ls_slice_find(s, 0, "SSR", 3) == SIZE_MAX && ls_slice_find(s, 0, "FP ", 3) == SIZE_MAX) return;
    struct ls_buf lab;
    ls_buf_init(&lab, MIME_MAX_IATA);
    ls_err e = iata_text_labels(&lab, s);
    if ((e == LS_OK || e == LS_E_LIMIT) && lab.len) e = ls_emit_labels(w->c, w->o, lab.ptr, lab.len);
    ls_buf_free(&lab);
    if (e == LS_E_NOMEM) walk_fail(w, e);
}

static void emit_text(struct mime_walk *w, struct ls_slice s)
{
    if (w->text_full || w->stop || s.len == 0) return;
    ls_err e = ls_emit_text(w->c, w->o, s.ptr, s.len);
    if (e == LS_E_LIMIT) {
        w->text_full = true;
        return;
    }
    walk_fail(w, e);
    if (e == LS_OK) emit_iata(w, s);
}

static void note_charset(struct mime_walk *w, struct ls_slice name)
{
    if (w->noted_cs) return;
    w->noted_cs = true;
    struct ls_slice n = name;
    cap_slice(&n, 40);
    struct ls_buf b;
    ls_buf_init(&b, 64);
    if (ls_utf8_lossy(&b, n) == LS_OK || b.len)
        ls_note(w->c, w->o, LS_R_UNSUPPORTED,
                "mime: charset \"%s\" not supported, decoded as lossy UTF-8", ls_buf_str(&b));
    ls_buf_free(&b);
}

static const char *const mime_text_fields[] = {
    "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date",
};

static void emit_field(struct mime_walk *w, const char *name, struct ls_slice value)
{
    struct ls_buf line;
    ls_buf_init(&line, MIME_MAX_FIELD);
    bool unknown = false;
    bool cut = value.len > MIME_MAX_FIELD;
    cap_slice(&value, MIME_MAX_FIELD);
    ls_err e = ls_buf_adds(&line, name);
    if (e == LS_OK) e = ls_buf_adds(&line, ": ");
    if (e == LS_OK) e = mime_header_decode_raw(&line, value, &unknown, w->hdr_cs);
    if (e == LS_E_LIMIT) cut = true;
    if ((e == LS_OK || e == LS_E_LIMIT) && strcmp(name, "Subject") == 0 && line.len > 9)
        ls_set_subject(w->c, w->o, line.ptr + 9, line.len - 9); /* after "Subject: " */
    if (e == LS_OK || e == LS_E_LIMIT) e = ls_buf_addc(&line, '\n');
    if (cut) ls_note(w->c, w->o, LS_R_TRUNCATED, "mime: %s header over %u bytes cut", name,
                     MIME_MAX_FIELD);
    if (unknown && !w->noted_cs) {
        w->noted_cs = true;
        ls_note(w->c, w->o, LS_R_UNSUPPORTED,
                "mime: encoded word in an unsupported charset, decoded as lossy UTF-8");
    }
    if (e == LS_E_NOMEM) walk_fail(w, e);
    emit_text(w, ls_buf_slice(&line));
    ls_buf_free(&line);
}

/* Fields whose encoded words are decoded by part_filename() or that hold
 * no text: not repeated as text. */
static const char *const mime_param_fields[] = {
    "Content-Type", "Content-Disposition", "Content-Transfer-Encoding",
};

static bool has_encoded_word(struct ls_slice v)
{
    size_t at = ls_slice_find(v, 0, "=?", 2);
    return at != SIZE_MAX && ls_slice_find(v, at + 2, "?=", 2) != SIZE_MAX;
}

static void emit_headers(struct mime_walk *w, struct ls_slice hdr)
{
    size_t pos = 0;
    struct ls_slice name, value;
    unsigned n = 0;
    while (!w->stop && mime_next_field(hdr, &pos, &name, &value, NULL)) {
        if (++n > 10000u) {
            ls_note(w->c, w->o, LS_R_TRUNCATED, "mime: over 10000 header fields");
            return;
        }
        bool listed = false;
        for (size_t i = 0; i < sizeof mime_text_fields / sizeof mime_text_fields[0]; i++)
            if (mime_slice_ieq(name, mime_text_fields[i])) {
                emit_field(w, mime_text_fields[i], value);
                listed = true;
            }
        for (size_t i = 0; i < sizeof mime_param_fields / sizeof mime_param_fields[0]; i++)
            if (mime_slice_ieq(name, mime_param_fields[i])) listed = true;
        /* Any other field is in the raw bytes as it is, but an encoded word
         * there (X-Original-Subject, Thread-Topic, Comments, Keywords) hides
         * its text from the raw scan: decoded as a text line too. */
        if (!listed && name.len <= 76 && has_encoded_word(value)) {
            char nm[80];
            memcpy(nm, name.ptr, name.len);
            nm[name.len] = '\0';
            emit_field(w, nm, value);
        }
    }
}

/* ---- headers of one entity ---- */

/* True if the entity's first line is a header field ("Name: ..."). */
static bool starts_with_field(struct ls_slice ent)
{
    size_t pos = 0;
    struct ls_slice n, v;
    return mime_next_field(ent, &pos, &n, &v, NULL) && n.ptr == ent.ptr;
}

static bool multipart_here(struct ls_slice ctype, struct ls_slice body);

/* Two Content-Type fields (a message built to read one way in a filter
 * and another in a client): the multipart one whose boundary opens a line
 * of the body wins, as it is the reading that shows the parts; else the
 * first. *v holds the first on entry. */
static void ctype_pick(struct mime_part *p, struct ls_slice *v)
{
    size_t pos = 0;
    unsigned seen = 0;
    struct ls_slice name, value;
    while (mime_next_field(p->hdr, &pos, &name, &value, NULL) && seen < 64) {
        if (!mime_slice_ieq(name, "Content-Type")) continue;
        if (++seen > 1) p->ctype_dup = true;
        if (seen > 1 && multipart_here(value, p->body) && !multipart_here(*v, p->body)) *v = value;
    }
}

static void part_parse(struct mime_part *p, struct ls_slice ent, bool digest)
{
    memset(p, 0, sizeof *p);
    if (ent.len && !starts_with_field(ent) && ent.ptr[0] != '\n' && ent.ptr[0] != '\r') {
        /* A part with no headers and no empty line before its content
         * (broken writers): all of it is body, not a header block. */
        p->hdr = ls_slice_make(ent.ptr, 0);
        p->body = ent;
        p->has_body = true;
    } else {
        p->has_body = mime_split_headers(ent, &p->hdr, &p->body);
    }
    p->ctype.ptr = ent.ptr;
    p->cdisp.ptr = ent.ptr;
    struct ls_slice v;
    if (mime_find_field(p->hdr, "Content-Type", &v)) {
        ctype_pick(p, &v);
        p->ctype = v;
        cap_slice(&p->ctype, MIME_MAX_PARAM);
        mime_media_type(p->ctype, p->type, sizeof p->type);
    }
    if (!p->type[0]) {
        const char *def = digest ? "message/rfc822" : "text/plain";
        memcpy(p->type, def, strlen(def) + 1);
    }
    if (mime_find_field(p->hdr, "Content-Disposition", &v)) {
        p->cdisp = v;
        cap_slice(&p->cdisp, MIME_MAX_PARAM);
        mime_disposition(p->cdisp, p->disp, sizeof p->disp);
    }
    if (mime_find_field(p->hdr, "Content-Transfer-Encoding", &v)) {
        cap_slice(&v, 256);
        mime_disposition(v, p->cte, sizeof p->cte);
    }
}

static bool type_is(const struct mime_part *p, const char *t)
{
    return strcmp(p->type, t) == 0;
}

static bool type_prefix(const struct mime_part *p, const char *t)
{
    return strncmp(p->type, t, strlen(t)) == 0;
}

/* File name from Content-Disposition filename, then Content-Type name. */
static bool part_filename(const struct mime_walk *w, const struct mime_part *p, struct ls_buf *out)
{
    if (p->cdisp.len && mime_param_raw(p->cdisp, "filename", out, w->hdr_cs) && out->len) return true;
    ls_buf_reset(out);
    if (p->ctype.len && mime_param_raw(p->ctype, "name", out, w->hdr_cs) && out->len) {
        /* message/external-body's name is where the body lives (a path on
         * an FTP site or a local disk: "/u/nsb/writing/rfcs/RFC-MIME.ps" in
         * RFC 1341's example, Stalwart rfc_001), not a name the part is
         * saved under: its last component names the part, with no
         * absolute_path alert. */
        if (!type_is(p, "message/external-body")) return true;
        size_t cut = 0;
        for (size_t i = 0; i < out->len; i++)
            if (out->ptr[i] == '/' || out->ptr[i] == '\\') cut = i + 1;
        if (cut < out->len) {
            memmove(out->ptr, out->ptr + cut, out->len - cut);
            out->len -= cut;
            return true;
        }
    }
    ls_buf_reset(out);
    return false;
}

/* ---- body decoding ---- */

/* Index after the first "begin NNN name" line of a uuencoded body, or
 * SIZE_MAX. */
static size_t uu_body_start(struct ls_slice body)
{
    size_t pos = 0;
    while (pos < body.len) {
        size_t eol = ls_slice_find(body, pos, "\n", 1);
        if (eol == SIZE_MAX) eol = body.len;
        struct ls_slice line, name;
        (void)ls_slice_sub(body, pos, eol - pos, &line);
        pos = eol < body.len ? eol + 1 : body.len;
        if (mime_uu_begin(line, &name)) return pos;
    }
    return SIZE_MAX;
}

/* A text body labelled base64 whose lines hold words: base64 never has
 * white space inside a line, prose does (enmime's
 * mime-bad-content-transfer-encoding: spam whose plain part says base64 and
 * is not; decoded, it was 3 KB of binary noise in the text). Most of the
 * first 64 non-empty lines must have it, and the decoding must be noise
 * (b64_noise) for the body to be read as it is. */
#define MIME_B64_PROSE_LINES 64u

static bool b64_is_prose(struct ls_slice body)
{
    size_t pos = 0;
    unsigned lines = 0, spaced = 0;
    while (pos < body.len && lines < MIME_B64_PROSE_LINES) {
        size_t eol = ls_slice_find(body, pos, "\n", 1);
        if (eol == SIZE_MAX) eol = body.len;
        struct ls_slice line;
        (void)ls_slice_sub(body, pos, eol - pos, &line);
        pos = eol < body.len ? eol + 1 : body.len;
        size_t a = 0, b = line.len;
        while (a < b && (line.ptr[a] == ' ' || line.ptr[a] == '\t')) a++;
        while (b > a && (line.ptr[b - 1] == ' ' || line.ptr[b - 1] == '\t' || line.ptr[b - 1] == '\r')) b--;
        if (a == b) continue;
        (void)ls_slice_sub(line, a, b - a, &line);
        lines++;
        if (ls_slice_find(line, 0, " ", 1) != SIZE_MAX || ls_slice_find(line, 0, "\t", 1) != SIZE_MAX)
            spaced++;
    }
    return lines > 0 && spaced * 2 > lines;
}

/* What such a body decodes to when it is not base64: binary noise (control
 * bytes, or high bytes that are not UTF-8). A real base64 body followed by
 * a word of junk on its line ("eHl6Cg== ignored", Stalwart's thirdparty
 * 002) decodes to text and is kept. */
static bool b64_noise(struct ls_slice d)
{
    size_t ctl = 0, high = 0;
    for (size_t i = 0; i < d.len; i++) {
        uint8_t ch = d.ptr[i];
        if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f') || ch == 0x7f) ctl++;
        else if (ch >= 0x80) high++;
    }
    return ctl * 20 > d.len || (high * 4 > d.len && !ls_utf8_valid(d));
}

/* Decode the body's transfer encoding. Identity encodings (7bit, 8bit,
 * binary, unknown) give the body itself, without a copy; base64 and
 * quoted-printable decode into out (capped at the root's byte budget) and
 * charge what was produced. *data is the result either way. */
static ls_err part_decode(struct mime_walk *w, const struct mime_part *p, bool as_text,
                          struct ls_buf *out, struct ls_slice *data)
{
    bool b64 = strcmp(p->cte, "base64") == 0;
    bool qp = strcmp(p->cte, "quoted-printable") == 0;
    bool prose = b64 && as_text && b64_is_prose(p->body);
    /* Content-Transfer-Encoding: x-uuencode on an image or a document
     * (Netscape and Eudora sent attachments so: Stalwart legacy_017/048,
     * mail-mime-parser m1014/m2010/m3007): the child is the decoded file,
     * not its uuencoded text. A body read as text keeps it: uu_scan()
     * makes the block a child of its own, as for blocks pasted into text. */
    bool uu = !as_text &&
              (strcmp(p->cte, "x-uuencode") == 0 || strcmp(p->cte, "uuencode") == 0 ||
               strcmp(p->cte, "x-uue") == 0 || strcmp(p->cte, "uue") == 0);
    size_t uu_at = uu ? uu_body_start(p->body) : SIZE_MAX;
    ls_buf_init(out, 0);
    *data = p->body;
    if (!b64 && !qp && uu_at == SIZE_MAX) return LS_OK;
    uint64_t left = ls_budget_left(w->c);
    size_t cap = p->body.len + 16;
    if (left < cap) cap = (size_t)left;
    ls_buf_init(out, cap);
    bool ended = true;
    ls_err e = LS_OK;
    if (uu_at != SIZE_MAX) ended = mime_uu_decode(p->body, &uu_at, out, &e);
    else e = b64 ? mime_b64_decode_chunks(out, p->body) : mime_qp_decode(out, p->body, false);
    *data = ls_buf_slice(out);
    if (prose && b64_noise(*data)) {
        ls_note(w->c, w->o, NULL, "mime: a part labelled base64 is plain text (words on its lines); read as it is");
        ls_buf_free(out);
        ls_buf_init(out, 0);
        *data = p->body;
        return LS_OK;
    }
    if (e != LS_OK && e != LS_E_LIMIT) return e;
    ls_err ce = ls_budget_charge(w->c, w->o, out->len);
    if (e == LS_E_LIMIT || ce != LS_OK) return LS_E_LIMIT;
    return ended ? LS_OK : LS_E_TRUNCATED; /* no "end" line: cut */
}

/* An unknown charset is noted only when it matters: text that is valid
 * UTF-8 (plain ASCII included) reads the same whatever the label says
 * (sweep: "charset=X-UNKNOWN" on a UTF-8 body in the mail gem's tests). */
static enum mime_charset part_charset(struct mime_walk *w, const struct mime_part *p,
                                      struct ls_slice data)
{
    struct ls_buf cs;
    ls_buf_init(&cs, 64);
    enum mime_charset r = MIME_CS_NONE;
    if (p->ctype.len && mime_param(p->ctype, "charset", &cs)) r = mime_charset_lookup(ls_buf_slice(&cs));
    if (r == MIME_CS_UNKNOWN && (!ls_utf8_valid(data) || !mime_charset_ascii_safe(ls_buf_slice(&cs))))
        note_charset(w, ls_buf_slice(&cs));
    ls_buf_free(&cs);
    return r;
}

/* ---- leaves ---- */

/* Why a child's data is incomplete. */
enum mime_cut { MIME_CUT_NONE, MIME_CUT_BOUNDARY, MIME_CUT_BUDGET };

static void emit_child_as(struct mime_walk *w, struct ls_slice name, struct ls_slice data,
                          enum mime_cut cut, const char *mime_hint)
{
    if (w->stop) return;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.mime_hint = mime_hint;
    ch.name = name.ptr;
    ch.name_len = name.len;
    ch.data = data;
    unsigned nt = 0;
    (void)mime_name_alerts(name, ch.tags, &nt); /* mail clients save under these names */
    if (cut != MIME_CUT_NONE) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[nt] = cut == MIME_CUT_BUDGET ? LS_R_LIMIT_BYTES : LS_R_TRUNCATED;
        ch.error = cut == MIME_CUT_BUDGET ? "mime: part decoded only up to the byte budget"
                                          : "mime: part cut short (no closing boundary or end line)";
    }
    ls_err e = ls_emit_child(w->c, w->o, &ch);
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT) walk_fail(w, e);
}

static void emit_child(struct mime_walk *w, struct ls_slice name, struct ls_slice data,
                       enum mime_cut cut)
{
    emit_child_as(w, name, data, cut, NULL);
}

static const char *default_ext(const struct mime_part *p)
{
    if (type_is(p, "message/rfc822") || type_is(p, "message/global")) return ".eml";
    if (type_is(p, "text/html")) return ".html";
    if (type_is(p, "text/plain")) return ".txt";
    if (type_is(p, "application/ms-tnef") || type_is(p, "application/vnd.ms-tnef")) return ".dat";
    if (type_is(p, "application/pdf")) return ".pdf";
    return "";
}

/* A BinHex 4.0 attachment (classic Mac OS mail): the file a mail client
 * saves is the decoded data fork, under the name BinHex gives it. False if
 * it does not decode (the part is then a child as it is). */
static bool binhex_child(struct mime_walk *w, struct ls_slice data, enum mime_cut cut)
{
    struct ls_buf out, name;
    uint64_t left = ls_budget_left(w->c);
    ls_buf_init(&out, left < SIZE_MAX ? (size_t)left : SIZE_MAX);
    ls_buf_init(&name, MIME_MAX_NAME);
    ls_err e = LS_OK;
    enum mime_hqx r = mime_binhex_decode(data, &out, &name, &e);
    bool done = r != MIME_HQX_NONE && e != LS_E_NOMEM;
    if (done) {
        ls_err ce = ls_budget_charge(w->c, w->o, out.len);
        enum mime_cut c = (e == LS_E_LIMIT || ce != LS_OK) ? MIME_CUT_BUDGET
                          : r == MIME_HQX_CUT           ? MIME_CUT_BOUNDARY
                                                        : cut;
        struct ls_slice shown = name.len ? ls_buf_slice(&name) : ls_slice_make("binhex-data", 11);
        emit_child(w, shown, ls_buf_slice(&out), c);
        if (c == MIME_CUT_BUDGET) walk_fail(w, LS_E_LIMIT);
    }
    if (e == LS_E_NOMEM) walk_fail(w, e);
    ls_buf_free(&out);
    ls_buf_free(&name);
    return done;
}

static void leaf_as_child(struct mime_walk *w, const struct mime_part *p, struct ls_slice data,
                          enum mime_cut cut)
{
    if ((type_is(p, "application/mac-binhex40") || type_is(p, "application/x-mac-binhex40") ||
         type_is(p, "application/binhex") || type_is(p, "application/x-binhex40")) &&
        binhex_child(w, data, cut))
        return;
    struct ls_buf name;
    ls_buf_init(&name, MIME_MAX_NAME);
    if (!part_filename(w, p, &name)) {
        ls_err e = ls_buf_printf(&name, "part-%u%s", w->leaf, default_ext(p));
        (void)e; /* "part-N" always fits */
    }
    /* An enclosed message is a message whatever fields it has: one of
     * only X- fields, or a header block with no body, was libmagic's
     * text/plain and read as text (its encoded words raw). */
    const char *hint = NULL;
    if ((type_is(p, "message/rfc822") || type_is(p, "message/global") || type_is(p, "text/rfc822-headers")) &&
        starts_with_field(data))
        hint = "message/rfc822";
    emit_child_as(w, ls_buf_slice(&name), data, cut, hint);
    ls_buf_free(&name);
}

static bool has_8bit(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++)
        if (ls_slice_at(s, i) >= 0x80) return true;
    return false;
}

/* A body labelled with a legacy charset whose 8-bit bytes are valid UTF-8
 * is UTF-8: scripts and webmail label UTF-8 text "gb2312" or "iso-8859-1"
 * (recall sweep: a GB2312-labelled spam read as mojibake), while real
 * Latin-1, cp1252, KOI8 or GB text is almost never valid UTF-8 (an
 * accented letter followed by an ASCII one is an invalid sequence). */
static enum mime_charset text_charset(enum mime_charset cs, struct ls_slice data)
{
    bool legacy = cs == MIME_CS_LATIN1 || cs == MIME_CS_CP1252 || mime_cs_codepage(cs) != NULL;
    if (legacy && has_8bit(data) && ls_utf8_valid(data)) return MIME_CS_UTF8;
    return cs;
}

/* Text in cs that ls_emit_text() / the HTML converter take as it is
 * (they replace invalid UTF-8 themselves): no conversion copy needed.
 * Not HTML declared UTF-8 with a bad byte in it: the converter would read
 * all of it as windows-1252 (recall sweep: Russian HTML as mojibake for
 * one stray byte); mime_to_utf8 replaces just the bad sequence. */
static bool passes_as_is(enum mime_charset cs, struct ls_slice data, bool html)
{
    switch (cs) {
    case MIME_CS_UTF8: return !html || ls_utf8_valid(data);
    case MIME_CS_ASCII:
    case MIME_CS_UNKNOWN: return true;
    case MIME_CS_NONE: return html || ls_utf8_valid(data);
    case MIME_CS_CP1252:
    case MIME_CS_LATIN1: return html; /* the converter falls back to cp1252 */
    default: return false;
    }
}

/* ---- uuencoded files inside text bodies ("begin 644 name" ... "end") ---- */

static size_t text_line_end(struct ls_slice s, size_t i)
{
    size_t n = ls_slice_find(s, i, "\n", 1);
    return n == SIZE_MAX ? s.len : n;
}

/* Decode the block after a "begin" line ending at *pos; emit it as a child. */
static void uu_block(struct mime_walk *w, struct ls_slice text, size_t *pos, struct ls_slice name)
{
    struct ls_buf out;
    uint64_t left = ls_budget_left(w->c);
    ls_buf_init(&out, left < text.len ? (size_t)left : text.len);
    ls_err e = LS_OK;
    bool ended = mime_uu_decode(text, pos, &out, &e);
    ls_err ce = ls_budget_charge(w->c, w->o, out.len);
    w->leaf++;
    enum mime_cut cut = (e == LS_E_LIMIT || ce != LS_OK) ? MIME_CUT_BUDGET
                        : ended ? MIME_CUT_NONE : MIME_CUT_BOUNDARY;
    emit_child(w, name, ls_buf_slice(&out), cut);
    if (e == LS_E_NOMEM) walk_fail(w, e);
    if (cut == MIME_CUT_BUDGET) walk_fail(w, LS_E_LIMIT);
    ls_buf_free(&out);
}

static void uu_scan(struct mime_walk *w, struct ls_slice text)
{
    size_t pos = 0;
    while (pos < text.len && !w->stop) {
        size_t at = ls_slice_find(text, pos, "begin ", 6);
        if (at == SIZE_MAX) return;
        if (at > 0 && text.ptr[at - 1] != '\n') {
            pos = at + 1;
            continue;
        }
        size_t eol = text_line_end(text, at);
        struct ls_slice line, name;
        (void)ls_slice_sub(text, at, eol - at, &line);
        pos = eol < text.len ? eol + 1 : text.len;
        if (mime_uu_begin(line, &name) && ++w->parts <= w->max_parts) uu_block(w, text, &pos, name);
    }
}

/* yEnc blocks ("=ybegin ... name=x" ... "=yend"): Usenet's binary encoding,
 * pasted into mail bodies the way uuencode is. */
static void yenc_scan(struct mime_walk *w, struct ls_slice text)
{
    size_t pos = 0;
    while (pos < text.len && !w->stop) {
        size_t at = ls_slice_find(text, pos, "=ybegin ", 8);
        if (at == SIZE_MAX) return;
        size_t eol = text_line_end(text, at);
        pos = eol < text.len ? eol + 1 : text.len;
        struct ls_slice line, name;
        (void)ls_slice_sub(text, at, eol - at, &line);
        if ((at > 0 && text.ptr[at - 1] != '\n') || !mime_yenc_begin(line, &name) ||
            ++w->parts > w->max_parts)
            continue;
        struct ls_buf out;
        uint64_t left = ls_budget_left(w->c);
        ls_buf_init(&out, left < text.len ? (size_t)left : text.len);
        ls_err e = LS_OK;
        bool ended = mime_yenc_decode(text, &pos, &out, &e);
        ls_err ce = ls_budget_charge(w->c, w->o, out.len);
        w->leaf++;
        /* One part of a file posted in several (part=2 total=5), or fewer
         * bytes than the declared size: the rest is elsewhere. */
        uint64_t size = mime_yenc_param(line, "size"), part = mime_yenc_param(line, "part"),
                 total = mime_yenc_param(line, "total");
        bool whole = part ? total == 1 || (!total && size && out.len >= size) : !size || out.len >= size;
        enum mime_cut cut = (e == LS_E_LIMIT || ce != LS_OK) ? MIME_CUT_BUDGET
                            : ended && whole ? MIME_CUT_NONE : MIME_CUT_BOUNDARY;
        emit_child(w, name, ls_buf_slice(&out), cut);
        if (e == LS_E_NOMEM) walk_fail(w, e);
        if (cut == MIME_CUT_BUDGET) walk_fail(w, LS_E_LIMIT);
        ls_buf_free(&out);
    }
}

/* BinHex 4.0 pasted into a text body (Eudora and classic Mac OS mail
 * sent attachments so): each marker line that starts a line opens one,
 * decoded as a BinHex part is (binhex_child). */
static void binhex_scan(struct mime_walk *w, struct ls_slice text)
{
    static const char mark[] = "(This file must be converted with BinHex";
    size_t pos = 0;
    while (pos < text.len && !w->stop) {
        size_t at = ls_slice_find(text, pos, mark, sizeof mark - 1);
        if (at == SIZE_MAX) return;
        pos = at + sizeof mark - 1;
        if (at > 0 && text.ptr[at - 1] != '\n' && text.ptr[at - 1] != '\r') continue;
        if (++w->parts > w->max_parts) return;
        struct ls_slice rest;
        (void)ls_slice_from(text, at, &rest);
        (void)binhex_child(w, rest, MIME_CUT_NONE);
    }
}

/* Files pasted into a body as base64 (a data: URI in HTML, a blob pasted
 * into text): after the part's own transfer decoding the raw scan sees
 * only the alphabet; decoded into children "base64@OFFSET" (OFFSET in the
 * part's decoded text) as the text and html handlers do. */
static void body_b64_blobs(struct mime_walk *w, struct ls_slice text)
{
    if (w->stop) return;
    ls_err e = ls_b64_blobs(w->c, w->o, text);
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT || e == LS_E_NOMEM) walk_fail(w, e);
}

/* An armored PGP block in an HTML part (webmail extensions paste it
 * there, one "<br>" or "<div>" per line): tags out, line-breaking ones as
 * line breaks, so the block reads as the sealed helper expects it. */
static void html_pgp_blocks(struct mime_walk *w, struct ls_slice html)
{
    if (ls_slice_find(html, 0, "-----BEGIN PGP ", 15) == SIZE_MAX) return;
    struct ls_buf t;
    ls_buf_init(&t, html.len);
    bool ok = true;
    for (size_t i = 0; i < html.len && ok; i++) {
        if (html.ptr[i] != '<') {
            ok = ls_buf_addc(&t, (char)html.ptr[i]) == LS_OK;
            continue;
        }
        size_t end = ls_slice_find(html, i, ">", 1);
        if (end == SIZE_MAX) break;
        size_t k = i + 1;
        if (k < end && html.ptr[k] == '/') k++;
        static const char *const breaking[] = {"br", "p", "div", "pre", "tr", "li"};
        for (size_t b = 0; b < sizeof breaking / sizeof breaking[0]; b++) {
            size_t n = strlen(breaking[b]);
            if (k + n <= end && strncasecmp((const char *)html.ptr + k, breaking[b], n) == 0 &&
                (k + n == end || html.ptr[k + n] == ' ' || html.ptr[k + n] == '/' || html.ptr[k + n] == '\t')) {
                ok = ls_buf_addc(&t, '\n') == LS_OK;
                break;
            }
        }
        i = end;
    }
    if (ok) ls_sealed_note_blocks(w->c, w->o, ls_buf_slice(&t));
    ls_buf_free(&t);
}

/* RFC 3676 format=flowed: a line ending in a space goes on in the next
 * line (with DelSp=yes that space is not part of the text, so a writer may
 * break inside a word or number: "SSN 536-2 \r\n2-1874"). Lines are
 * joined as a reader shows them: space-stuffing removed, the quote marks
 * of a continuation dropped, "-- " (the signature separator) and a change
 * of quote depth end a paragraph. */
static ls_err unflow(struct ls_buf *out, struct ls_slice in, bool delsp)
{
    size_t pos = 0;
    bool soft = false;
    size_t depth_prev = 0;
    while (pos < in.len) {
        size_t eol = ls_slice_find(in, pos, "\n", 1);
        if (eol == SIZE_MAX) eol = in.len;
        struct ls_slice l, t;
        (void)ls_slice_sub(in, pos, eol - pos, &l);
        pos = eol < in.len ? eol + 1 : in.len;
        if (l.len && l.ptr[l.len - 1] == '\r') l.len--;
        size_t depth = 0;
        while (depth < l.len && l.ptr[depth] == '>') depth++;
        (void)ls_slice_from(l, depth, &t);
        if (t.len && t.ptr[0] == ' ') (void)ls_slice_from(t, 1, &t); /* space-stuffing */
        if (!soft || depth != depth_prev) {
            if (soft) LS_TRY(ls_buf_addc(out, '\n')); /* quote depth changed */
            LS_TRY(ls_buf_add(out, l.ptr, depth));
            if (depth) LS_TRY(ls_buf_addc(out, ' '));
        }
        bool sig = t.len == 3 && memcmp(t.ptr, "-- ", 3) == 0;
        soft = !sig && t.len && t.ptr[t.len - 1] == ' ';
        if (soft && delsp) t.len--;
        LS_TRY(ls_buf_add(out, t.ptr, t.len));
        if (!soft) LS_TRY(ls_buf_addc(out, '\n'));
        depth_prev = depth;
    }
    return LS_OK;
}

static bool param_is(const struct mime_part *p, const char *param, const char *value)
{
    struct ls_buf b;
    ls_buf_init(&b, 64);
    bool r = p->ctype.len && mime_param(p->ctype, param, &b) && mime_slice_ieq(ls_buf_slice(&b), value);
    ls_buf_free(&b);
    return r;
}

static void leaf_text(struct mime_walk *w, const struct mime_part *p, struct ls_slice data,
                      bool html)
{
    struct ls_buf u;
    ls_buf_init(&u, data.len * 3 + 16 > data.len ? data.len * 3 + 16 : data.len);
    struct ls_slice raw = data; /* yEnc is 8-bit: decoded from the bytes, not their charset conversion */
    enum mime_charset cs = text_charset(part_charset(w, p, data), data);
    if (!passes_as_is(cs, data, html)) {
        ls_err e = mime_to_utf8(&u, data, cs);
        walk_fail(w, e == LS_E_LIMIT ? LS_OK : e);
        data = ls_buf_slice(&u);
    }
    struct ls_buf fl;
    ls_buf_init(&fl, data.len * 2 + 16); /* ">x" lines gain a space */
    if (!html) {
        struct ls_slice shown = data;
        if (param_is(p, "format", "flowed")) {
            ls_err e = unflow(&fl, data, param_is(p, "delsp", "yes"));
            if (e == LS_OK) shown = ls_buf_slice(&fl);
            else walk_fail(w, e == LS_E_LIMIT ? LS_OK : e);
        }
        emit_text(w, shown);
        emit_text(w, ls_slice_make("\n", 1));
        uu_scan(w, data);
        yenc_scan(w, raw);
        binhex_scan(w, data);
        body_b64_blobs(w, data);
        ls_sealed_note_blocks(w->c, w->o, data); /* inline PGP: not read */
    } else if (!w->text_full && !w->stop) {
        ls_err e = ls_markup_html_text(w->c, w->o, data); /* no-break spaces: folded as all text is */
        if (e == LS_E_LIMIT) w->text_full = true;
        else walk_fail(w, e);
        emit_text(w, ls_slice_make("\n", 1)); /* its comments: a "[comment]" section of that text */
        body_b64_blobs(w, data); /* data: URIs */
        html_pgp_blocks(w, data); /* encrypted: not read */
    }
    ls_buf_free(&fl);
    ls_buf_free(&u);
}

/* ---- opaque-signed S/MIME (application/pkcs7-mime; smime-type=signed-data) ----
 *
 * RFC 5652 ContentInfo { contentType id-signedData, [0] SignedData {
 * version, digestAlgorithms SET, encapContentInfo { eContentType, [0]
 * eContent OCTET STRING }, ... } }: the signed MIME entity is inside, in
 * the clear (only enveloped data is encrypted). DER, or BER with
 * indefinite lengths and a constructed OCTET STRING in chunks (streaming
 * writers). */
#define CMS_MAX_NEST 8u

/* Tag and length of the TLV at *pos; *len is SIZE_MAX for an indefinite
 * length. *pos moves to the contents. Low tag numbers only (CMS uses no
 * others at these places). */
static bool der_head(struct ls_slice s, size_t *pos, uint8_t *tag, size_t *len)
{
    if (*pos + 2 > s.len) return false;
    *tag = s.ptr[*pos];
    if ((*tag & 0x1f) == 0x1f) return false;
    uint8_t l = s.ptr[*pos + 1];
    *pos += 2;
    if (l < 0x80) {
        *len = l;
    } else if (l == 0x80) {
        if (!(*tag & 0x20)) return false; /* indefinite needs constructed */
        *len = SIZE_MAX;
        return true;
    } else {
        unsigned n = l & 0x7f;
        if (n > 4 || *pos + n > s.len) return false;
        size_t v = 0;
        for (unsigned i = 0; i < n; i++) v = v << 8 | s.ptr[(*pos)++];
        *len = v;
    }
    return *len <= s.len - *pos;
}

/* Skip the TLV at *pos (an indefinite one up to its end-of-contents). */
static bool der_skip(struct ls_slice s, size_t *pos, unsigned nest)
{
    uint8_t tag;
    size_t len;
    if (nest > CMS_MAX_NEST || !der_head(s, pos, &tag, &len)) return false;
    if (len != SIZE_MAX) {
        *pos += len;
        return true;
    }
    while (*pos + 2 <= s.len) {
        if (s.ptr[*pos] == 0 && s.ptr[*pos + 1] == 0) {
            *pos += 2;
            return true;
        }
        if (!der_skip(s, pos, nest + 1)) return false;
    }
    return false;
}

/* Enter the TLV at *pos if it has the tag: *pos at its contents. */
static bool der_enter(struct ls_slice s, size_t *pos, uint8_t want)
{
    uint8_t tag;
    size_t len;
    return der_head(s, pos, &tag, &len) && tag == want;
}

/* Append the contents of the OCTET STRING at *pos (primitive, or
 * constructed from primitive chunks) to out. */
static ls_err der_octets(struct ls_slice s, size_t *pos, struct ls_buf *out, unsigned nest)
{
    uint8_t tag;
    size_t len;
    if (nest > CMS_MAX_NEST || !der_head(s, pos, &tag, &len)) return LS_E_CORRUPT;
    if (tag == 0x04 && len != SIZE_MAX) {
        ls_err e = ls_buf_add(out, s.ptr + *pos, len);
        *pos += len;
        return e;
    }
    if (tag != 0x24) return LS_E_CORRUPT;
    size_t end = len == SIZE_MAX ? s.len : *pos + len;
    while (*pos < end) {
        if (len == SIZE_MAX && *pos + 2 <= s.len && s.ptr[*pos] == 0 && s.ptr[*pos + 1] == 0) break;
        LS_TRY(der_octets(s, pos, out, nest + 1));
    }
    return LS_OK;
}

/* The signed content of a CMS SignedData, into out; false if data is not
 * one or it carries no content (a detached signature). */
static bool cms_signed_content(struct ls_slice d, struct ls_buf *out)
{
    static const uint8_t oid_signed[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02};
    size_t pos = 0;
    if (!der_enter(d, &pos, 0x30) || pos + sizeof oid_signed > d.len ||
        memcmp(d.ptr + pos, oid_signed, sizeof oid_signed) != 0)
        return false;
    pos += sizeof oid_signed;
    if (!der_enter(d, &pos, 0xa0) || !der_enter(d, &pos, 0x30)) return false;
    if (!der_skip(d, &pos, 0) || !der_skip(d, &pos, 0)) return false; /* version, digestAlgorithms */
    if (!der_enter(d, &pos, 0x30) || !der_skip(d, &pos, 0)) return false; /* eContentType */
    if (!der_enter(d, &pos, 0xa0)) return false;
    return der_octets(d, &pos, out, 0) == LS_OK && out->len > 0;
}

static bool digits(struct ls_slice s)
{
    if (s.len == 0 || s.len > 9) return false;
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] < '0' || s.ptr[i] > '9') return false;
    return true;
}

static void walk_leaf(struct mime_walk *w, const struct mime_part *p, bool cut)
{
    w->leaf++;
    struct ls_buf fn;
    ls_buf_init(&fn, MIME_MAX_NAME);
    bool named = part_filename(w, p, &fn);
    ls_buf_free(&fn);
    bool attach = named || strcmp(p->disp, "attachment") == 0;
    bool as_text = !attach && (type_is(p, "text/plain") || type_is(p, "text/html"));
    struct ls_buf dec;
    struct ls_slice data;
    ls_err e = part_decode(w, p, as_text, &dec, &data);
    if (e != LS_OK && e != LS_E_LIMIT && e != LS_E_TRUNCATED) {
        walk_fail(w, e);
        ls_buf_free(&dec);
        return;
    }
    enum mime_cut why = e == LS_E_LIMIT                     ? MIME_CUT_BUDGET
                        : cut || e == LS_E_TRUNCATED ? MIME_CUT_BOUNDARY
                                                     : MIME_CUT_NONE;
    if (!attach && type_is(p, "text/plain"))
        leaf_text(w, p, data, false);
    else if (!attach && type_is(p, "text/html"))
        leaf_text(w, p, data, true);
    else
        leaf_as_child(w, p, data, why);
    /* One fragment of a message split for transport (RFC 2046 5.2.2): its
     * bytes are scanned, but a base64 attachment cut across fragments
     * cannot be decoded from one of them; fragments are not reassembled. */
    if (type_is(p, "message/partial")) {
        struct ls_buf num, tot;
        ls_buf_init(&num, 16);
        ls_buf_init(&tot, 16);
        bool has_n = mime_param(p->ctype, "number", &num) && digits(ls_buf_slice(&num));
        bool has_t = mime_param(p->ctype, "total", &tot) && digits(ls_buf_slice(&tot));
        ls_note(w->c, w->o, LS_R_UNSUPPORTED, "mime: message/partial fragment %s of %s not reassembled",
                has_n ? ls_buf_str(&num) : "?", has_t ? ls_buf_str(&tot) : "?");
        ls_buf_free(&num);
        ls_buf_free(&tot);
    }
    if (e == LS_E_LIMIT) walk_fail(w, LS_E_LIMIT);
    ls_buf_free(&dec);
}

/* ---- multipart ---- */

static void walk_entity(struct mime_walk *w, struct ls_slice ent, unsigned nest, bool top,
                        bool digest, bool cut);

/* True if a boundary delimiter "--b" starts at line start pos; *close set
 * for "--b--"; *next gets the index after the line. */
static bool delim_at(struct ls_slice body, size_t pos, struct ls_slice delim, bool *close,
                     size_t *next)
{
    if (pos > 0 && body.ptr[pos - 1] != '\n') return false;
    size_t i = pos + delim.len;
    *close = false;
    /* "--b--" closes; so does "--b-" or "--b---" (sweep: the mail gem's
     * raw_email4.eml ends with a one-dash closing delimiter). */
    if (i < body.len && body.ptr[i] == '-') {
        *close = true;
        while (i < body.len && body.ptr[i] == '-') i++;
    }
    while (i < body.len && (body.ptr[i] == ' ' || body.ptr[i] == '\t' || body.ptr[i] == '\r')) i++;
    /* "--b  --": a boundary declared with trailing spaces ("b  ") read
     * without them, its closing line keeping them (RFC 2046 lets a
     * boundary end in spaces; mime4j's weird-boundary.msg) */
    if (!*close && i + 1 < body.len && i > pos + delim.len && body.ptr[i] == '-' && body.ptr[i + 1] == '-') {
        *close = true;
        while (i < body.len && body.ptr[i] == '-') i++;
        while (i < body.len && (body.ptr[i] == ' ' || body.ptr[i] == '\t' || body.ptr[i] == '\r')) i++;
    }
    if (i < body.len && body.ptr[i] != '\n') return false;
    *next = i < body.len ? i + 1 : body.len;
    return true;
}

/* Next delimiter line at or after from; SIZE_MAX if none. A delimiter
 * counts only at a line start, so only line starts are looked at: linear
 * whatever the boundary's length. (A search for the delimiter anywhere
 * rejected each hit inside a line and went on one byte later: body length
 * times boundary length, 26 s of CPU for 1 MiB of dashes under an 8 KiB
 * boundary; review3.) */
static size_t find_delim(struct ls_slice body, size_t from, struct ls_slice delim, bool *close,
                         size_t *next)
{
    size_t at = from;
    while (at < body.len) {
        if ((at == 0 || body.ptr[at - 1] == '\n') && body.len - at >= delim.len &&
            memcmp(body.ptr + at, delim.ptr, delim.len) == 0 && delim_at(body, at, delim, close, next))
            return at;
        size_t nl = ls_slice_find(body, at, "\n", 1);
        if (nl == SIZE_MAX) return SIZE_MAX;
        at = nl + 1;
    }
    return SIZE_MAX;
}

/* Boundary from the Content-Type, else guessed from the first "--x" line. */
/* The first "--x" line of body (x at least one byte, trailing CR and
 * blanks dropped), as "--x", into delim. */
static bool guess_delim(struct ls_slice body, struct ls_buf *delim)
{
    size_t at = 0;
    while (at < body.len) {
        size_t eol = ls_slice_find(body, at, "\n", 1);
        if (eol == SIZE_MAX) eol = body.len;
        struct ls_slice line;
        (void)ls_slice_sub(body, at, eol - at, &line);
        while (line.len && (line.ptr[line.len - 1] == '\r' || line.ptr[line.len - 1] == ' '))
            line.len--;
        if (line.len > 2 && line.ptr[0] == '-' && line.ptr[1] == '-') {
            cap_slice(&line, MIME_MAX_BOUNDARY + 2);
            return ls_buf_add(delim, line.ptr, line.len) == LS_OK;
        }
        at = eol + 1;
    }
    return false;
}

/* The delimiter line: "--" and the boundary parameter (empty or not);
 * without one (*param false), the body's first "--x" line (noted), else
 * false. */
static bool get_boundary(struct mime_walk *w, const struct mime_part *p, struct ls_buf *delim, bool *param)
{
    struct ls_buf b;
    ls_buf_init(&b, MIME_MAX_BOUNDARY);
    /* boundary="" is a boundary: its delimiter lines are "--" and "----"
     * (gmime's substring.mbox; Python's email and gmime read the parts so) */
    bool ok = mime_param_exact(p->ctype, "boundary", &b);
    *param = ok;
    if (ok) {
        ok = ls_buf_adds(delim, "--") == LS_OK && ls_buf_add(delim, b.ptr, b.len) == LS_OK;
    } else {
        ok = guess_delim(p->body, delim);
        if (ok)
            ls_note(w->c, w->o, LS_R_PARSE_ERROR,
                    "mime: %s without a boundary parameter; read by the body's first delimiter line", p->type);
    }
    ls_buf_free(&b);
    return ok;
}

/* True if s holds only white space (or nothing). */
static bool blank(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] != ' ' && s.ptr[i] != '\t' && s.ptr[i] != '\r' && s.ptr[i] != '\n')
            return false;
    return true;
}

/* Part between two delimiters: drop the line break that belongs to the
 * next delimiter. */
static struct ls_slice part_slice(struct ls_slice body, size_t start, size_t end)
{
    if (end > start && body.ptr[end - 1] == '\n') end--;
    if (end > start && body.ptr[end - 1] == '\r') end--;
    struct ls_slice s = {body.ptr, 0};
    (void)ls_slice_sub(body, start, end - start, &s);
    return s;
}

/* Line at pos in s without its line break and trailing white space;
 * *next gets the start of the following line. */
static struct ls_slice line_at(struct ls_slice s, size_t pos, size_t *next)
{
    size_t eol = ls_slice_find(s, pos, "\n", 1);
    if (eol == SIZE_MAX) eol = s.len;
    *next = eol < s.len ? eol + 1 : s.len;
    struct ls_slice l = {s.ptr, 0};
    (void)ls_slice_sub(s, pos, eol - pos, &l);
    while (l.len && (l.ptr[l.len - 1] == '\r' || l.ptr[l.len - 1] == ' ' || l.ptr[l.len - 1] == '\t'))
        l.len--;
    return l;
}

/* Whether a last part without its closing delimiter still ended where its
 * writer ended it: a base64 body that ends in '=' padding after a whole
 * number of 4-character groups (only an encoder's last group is padded; a
 * cut anywhere else leaves no '=' at the end). Mailers that never write
 * the closing delimiter are common (Tika's
 * testEML_embedded_xhtml_and_img.eml). */
static bool b64_finished(struct ls_slice ent)
{
    struct mime_part q;
    part_parse(&q, ent, false);
    if (strcmp(q.cte, "base64") != 0 || type_prefix(&q, "multipart/")) return false;
    size_t pos = 0, chars = 0;
    struct ls_slice last = {q.body.ptr, 0};
    while (pos < q.body.len) {
        size_t next;
        struct ls_slice l = line_at(q.body, pos, &next);
        pos = next;
        if (l.len == 0) continue;
        chars += l.len;
        last = l;
    }
    return last.len > 0 && last.ptr[last.len - 1] == '=' && chars % 4 == 0;
}

/* Parts from *next up to the closing delimiter (or the end of the body);
 * *next gets the index after the closing delimiter line. */
/* enclosed: the multipart's body was ended by a delimiter of the multipart
 * around it, not by the end of the data. Its own closing delimiter missing
 * then cuts nothing short: the enclosing delimiter ends its last part as
 * RFC 2046 lets it (RFC 2060's example message, MimeKit's rfc2060.txt,
 * closes "--4.x" with "--x--"); that is an error line, not truncated. */
static void walk_parts(struct mime_walk *w, const struct mime_part *p, struct ls_slice delim,
                       size_t *next, unsigned nest, bool digest, bool enclosed)
{
    bool close = false;
    while (!close && !w->stop) {
        size_t start = *next;
        size_t end = find_delim(p->body, start, delim, &close, next);
        bool cut = end == SIZE_MAX;
        if (cut) {
            end = p->body.len;
            *next = end;
            close = true;
            /* Nothing after the last delimiter: the closing one is
             * missing, but no part is cut short. */
            if (blank(part_slice(p->body, start, end))) break;
            cut = !b64_finished(part_slice(p->body, start, end));
            if (cut && enclosed) {
                cut = false;
                ls_note(w->c, w->o, NULL,
                        "mime: %s closing boundary missing; the enclosing multipart's delimiter ends it",
                        p->type);
            }
            if (cut) ls_note(w->c, w->o, LS_R_TRUNCATED, "mime: %s closing boundary missing", p->type);
        }
        walk_entity(w, part_slice(p->body, start, end), nest + 1, false, digest, cut);
    }
}

/* After the closing delimiter, an opening one for the same boundary means
 * the multipart goes on: a writer that reused the boundary for a nested
 * multipart closed the outer one early (sweep: SpamScope's
 * mail_malformed_1, a zip attachment after "--b--"). An epilogue is
 * otherwise ignored, as RFC 2046 says; its bytes are in the raw scan.
 * *next moves past the reopening delimiter. */
static bool reopened(struct ls_slice body, struct ls_slice delim, size_t *next)
{
    bool close = false;
    size_t after = 0;
    if (*next >= body.len) return false;
    size_t at = find_delim(body, *next, delim, &close, &after);
    if (at == SIZE_MAX || close) return false;
    *next = after;
    return true;
}

/* Whether a multipart body whose boundary is nowhere shows parts that are
 * lost by reading it as text: a line that opens a part's header
 * (Content-Type, Content-Transfer-Encoding, Content-Disposition) or a
 * "--x" delimiter-like line, or the preamble writers put before the first
 * part ("This is a multi-part message in MIME format.": the parts were
 * cut off or stripped). Plain prose is not (rspamd's and enmime's
 * messages with a multipart type and a one-line text body). */
static bool has_ci(struct ls_slice s, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; n && i + n <= s.len; i++) {
        size_t k = 0;
        while (k < n && (s.ptr[i + k] | 0x20) == (uint8_t)word[k]) k++;
        if (k == n) return true;
    }
    return false;
}

static bool parts_lost(struct ls_slice body)
{
    static const char *const fields[] = {"content-type:", "content-transfer-encoding:",
                                         "content-disposition:"};
    static const char *const preambles[] = {"mime format", "mime-formatted", "mime encapsulated",
                                            "multi-part message"};
    for (size_t at = 0; at < body.len;) {
        size_t next;
        struct ls_slice l = line_at(body, at, &next);
        if (l.len > 2 && l.ptr[0] == '-' && l.ptr[1] == '-' && l.ptr[2] > ' ') return true;
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
            struct ls_slice head = l;
            cap_slice(&head, strlen(fields[i]));
            if (mime_slice_ieq(head, fields[i])) return true;
        }
        for (size_t i = 0; i < sizeof preambles / sizeof preambles[0]; i++)
            if (has_ci(l, preambles[i])) return true;
        if (next <= at) break;
        at = next;
    }
    return false;
}

static void walk_multipart(struct mime_walk *w, const struct mime_part *p, unsigned nest, bool enclosed)
{
    struct ls_buf delim;
    ls_buf_init(&delim, MIME_MAX_BOUNDARY + 2);
    bool digest = type_is(p, "multipart/digest");
    bool close = false;
    size_t next = 0;
    bool param = false;
    bool declared = get_boundary(w, p, &delim, &param);
    size_t at = declared ? find_delim(p->body, 0, ls_buf_slice(&delim), &close, &next) : SIZE_MAX;
    if (at == SIZE_MAX && declared && param && delim.len > 2 && delim.ptr[delim.len - 1] == ' ') {
        /* A boundary that ends in spaces whose delimiter lines do not
         * carry them (writers and gateways strip trailing blanks). */
        size_t keep = delim.len;
        while (delim.len > 2 && delim.ptr[delim.len - 1] == ' ') delim.len--;
        at = delim.len > 2 ? find_delim(p->body, 0, ls_buf_slice(&delim), &close, &next) : SIZE_MAX;
        if (at == SIZE_MAX) delim.len = keep;
    }
    if (at == SIZE_MAX && declared) {
        /* The declared boundary is nowhere (a second boundary parameter the
         * writer meant, a boundary cut at the parameter's cap): the body's
         * own first "--x" line, when it is another one, delimits it. */
        struct ls_buf guess;
        ls_buf_init(&guess, MIME_MAX_BOUNDARY + 2);
        bool other = false;
        if (guess_delim(p->body, &guess)) {
            struct ls_slice g = ls_buf_slice(&guess), d = ls_buf_slice(&delim);
            other = !(g.len == d.len && memcmp(g.ptr, d.ptr, g.len) == 0);
        }
        if (other) {
            size_t gat = find_delim(p->body, 0, ls_buf_slice(&guess), &close, &next);
            if (gat != SIZE_MAX) {
                ls_note(w->c, w->o, LS_R_PARSE_ERROR,
                        "mime: %s boundary never found; read by the body's first delimiter line", p->type);
                ls_buf_free(&delim);
                delim = guess;
                at = gat;
            }
        }
        if (at == SIZE_MAX) ls_buf_free(&guess);
    }
    if (at == SIZE_MAX) {
        /* No body at all (a header-only message or part) loses nothing;
         * nor does a body that is plain text with no sign of parts in it:
         * every mail reader shows it as the message's one text part. */
        const char *why = param ? "boundary never found" : "without a boundary parameter";
        if (!blank(p->body)) {
            if (parts_lost(p->body))
                ls_note(w->c, w->o, LS_R_PARSE_ERROR, "mime: %s %s; body read as text", p->type, why);
            else
                ls_note(w->c, w->o, NULL, "mime: %s %s and no part in the body; read as its one text part",
                        p->type, why);
        } else if (!param) {
            ls_note(w->c, w->o, NULL, "mime: %s without a boundary parameter; no body", p->type);
        }
        emit_text(w, p->body);
        ls_buf_free(&delim);
        return;
    }
    /* The preamble, then a line break: the first part's text would
     * otherwise run on from its last word ("MIME message" + "One" was
     * "MIME messageOne": CPython's msg_21.txt). */
    struct ls_slice preamble = part_slice(p->body, 0, at);
    emit_text(w, preamble);
    if (preamble.len) emit_text(w, ls_slice_make("\n", 1));
    /* A first delimiter that already closes ("--b--" at once) has no parts. */
    for (bool first = true;; first = false) {
        if (!first || !close) walk_parts(w, p, ls_buf_slice(&delim), &next, nest, digest, enclosed);
        if (w->stop || !reopened(p->body, ls_buf_slice(&delim), &next)) break;
    }
    ls_buf_free(&delim);
}

/* The charset raw 8-bit header text (a Subject, a From name, a file name
 * written without encoded words) is read in when it is not UTF-8: the
 * message's own Content-Type charset, else the first charset= of a part's
 * header in its first 64 KiB, when that is a legacy 8-bit one (Shift_JIS
 * for ISO-2022-JP). Mailers that put 8-bit bytes in header fields use the
 * charset of the text they write (old Japanese, Russian and Chinese mail);
 * read as windows-1252, "Зарплата" was "Çàðïëàòà". */
static enum mime_charset raw_header_charset(const struct mime_part *p)
{
    struct ls_buf cs;
    ls_buf_init(&cs, 64);
    enum mime_charset r = MIME_CS_NONE;
    if (p->ctype.len && mime_param(p->ctype, "charset", &cs))
        r = mime_raw_header_charset(mime_charset_lookup(ls_buf_slice(&cs)));
    ls_buf_free(&cs);
    if (r != MIME_CS_NONE || !type_prefix(p, "multipart/")) return r;
    struct ls_slice b = p->body;
    cap_slice(&b, 64 * 1024);
    for (size_t at = 0; at < b.len;) {
        size_t hit = ls_slice_find(b, at, "harset=", 7);
        if (hit == SIZE_MAX) break;
        at = hit + 7;
        if (hit == 0 || (b.ptr[hit - 1] != 'c' && b.ptr[hit - 1] != 'C')) continue;
        size_t v = at;
        if (v < b.len && b.ptr[v] == '"') v++;
        size_t e = v;
        while (e < b.len && e - v < 40 && b.ptr[e] != '"' && b.ptr[e] != ';' && b.ptr[e] > ' ') e++;
        struct ls_slice name = {b.ptr + v, e - v};
        r = mime_raw_header_charset(mime_charset_lookup(name));
        if (r != MIME_CS_NONE) return r;
    }
    return MIME_CS_NONE;
}

/* A base64 body whose lines are all base64 and hold a number of
 * characters no encoder ends on (not a multiple of 4): its end is missing.
 * A line that is not base64 (a footer a list server appended, prose
 * labelled base64) leaves it unjudged. */
static bool b64_cut_short(struct ls_slice body)
{
    size_t pos = 0, chars = 0;
    while (pos < body.len) {
        size_t next;
        struct ls_slice l = line_at(body, pos, &next);
        pos = next;
        for (size_t i = 0; i < l.len; i++) {
            uint8_t ch = l.ptr[i];
            bool b64 = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                       ch == '+' || ch == '/' || ch == '=';
            if (!b64) return false;
        }
        chars += l.len;
    }
    return chars % 4 != 0;
}

/* The last line of a header block that ended with the data, without a
 * line end, is visibly a piece of a field: no "Name:" and no folding
 * blank ("Content-Ty"), or a quoted string or angle address left open
 * ("boundary=\"=_Part", "<jane.roe@exa"). A whole field without its line
 * end ("Subject: no body") may be how a header-only file was saved. */
static bool field_cut(struct ls_slice ent)
{
    size_t start = ent.len;
    while (start > 0 && ent.ptr[start - 1] != '\n') start--;
    struct ls_slice l = {ent.ptr + start, ent.len - start};
    if (l.len == 0) return false;
    bool folded = l.ptr[0] == ' ' || l.ptr[0] == '\t';
    if (!folded && ls_slice_find(l, 0, ":", 1) == SIZE_MAX) return true;
    size_t quotes = 0, open = 0;
    for (size_t i = 0; i < l.len; i++) {
        if (l.ptr[i] == '"' && (i == 0 || l.ptr[i - 1] != '\\')) quotes++;
        if (l.ptr[i] == '<') open++;
        if (l.ptr[i] == '>' && open) open--;
    }
    return quotes % 2 == 1 || open > 0;
}

/* Whether a message's own data shows it was cut (the top entity; the
 * parts of a multipart are judged by their delimiters, walk_parts): it
 * ends inside its header block, inside a field (field_cut; not judged
 * inside a message: a MIME part's last line end belongs to the delimiter
 * after it, RFC 2046 5.1.1), or its base64 body ends inside a 4-character
 * group. A text body cut anywhere, a base64 one cut at a line end on a
 * whole group, a header block cut at a line end or after a whole field (a
 * message with no body is complete, RFC 5322 3.5) cannot be told from a
 * whole one (docs/formats.md). */
static bool top_cut(struct mime_walk *w, const struct mime_part *p, struct ls_slice ent)
{
    bool part = false; /* inside a message: an attachment, an mbox in one ... */
    for (const struct ls_object *up = w->o->parent; up && !part; up = up->parent)
        part = up->mime && (strncmp(up->mime, "message/", 8) == 0 || strncmp(up->mime, "multipart/", 10) == 0);
    bool empty_line = part || ls_slice_find(ent, 0, "\n\n", 2) != SIZE_MAX ||
                      ls_slice_find(ent, 0, "\n\r\n", 3) != SIZE_MAX || ls_slice_at(ent, 0) == '\n' ||
                      ls_slice_starts(ent, "\r\n", 2);
    if (!empty_line && ent.len && ent.ptr[ent.len - 1] != '\n' && ent.ptr[ent.len - 1] != '\r' &&
        field_cut(ent)) {
        ls_note(w->c, w->o, LS_R_TRUNCATED, "mime: the message ends inside a header field: cut");
        return true;
    }
    if (strcmp(p->cte, "base64") == 0 && !type_prefix(p, "multipart/") && !blank(p->body) &&
        b64_cut_short(p->body)) {
        ls_note(w->c, w->o, LS_R_TRUNCATED, "mime: the base64 body ends inside a 4-character group: cut");
        return true;
    }
    return false;
}

static void walk_entity(struct mime_walk *w, struct ls_slice ent, unsigned nest, bool top,
                        bool digest, bool cut)
{
    if (w->stop) return;
    if (++w->parts > w->max_parts) {
        if (w->parts == w->max_parts + 1)
            ls_note(w->c, w->o, LS_R_LIMIT_MEMBERS, "mime: over %llu parts",
                    (unsigned long long)w->max_parts);
        return;
    }
    if (nest > MIME_MAX_NEST) {
        ls_note(w->c, w->o, LS_R_LIMIT_DEPTH, "mime: multipart nesting over %u", MIME_MAX_NEST);
        return;
    }
    if (ls_ctx_expired(w->c)) {
        walk_fail(w, LS_E_TIMEOUT);
        return;
    }
    struct mime_part p;
    part_parse(&p, ent, digest);
    /* A message that ends after its header block, with or without the
     * empty line, is complete: RFC 5322 section 3.5 makes the body optional
     * (sweep: header-only messages in the mail gem's tests, and the
     * text/rfc822-headers part of delivery reports). */
    if (top) {
        w->hdr_cs = raw_header_charset(&p);
        emit_headers(w, p.hdr);
        cut = top_cut(w, &p, ent) || cut;
    }
    if (p.ctype_dup)
        ls_note(w->c, w->o, LS_R_PARSE_ERROR, "mime: more than one Content-Type field; read as %s", p.type);
    if (type_prefix(&p, "multipart/")) {
        walk_multipart(w, &p, nest, !top && !cut);
        return;
    }
    /* A header block alone with nothing that names a file (the phantom
     * header of a message/external-body part, a MIME entity's header
     * saved on its own) has no part to hand over: an empty "part-1" child
     * would be noise. */
    if (top && blank(p.body)) {
        struct ls_buf fn;
        ls_buf_init(&fn, MIME_MAX_NAME);
        bool named = part_filename(w, &p, &fn);
        ls_buf_free(&fn);
        if (!named) return;
    }
    walk_leaf(w, &p, cut);
}

/* Drop white-space-only lines before the header block when a header field
 * follows them (sweep: flanker's and php-mime-mail-parser's saved
 * messages open with a line of 255 spaces; Python's email reads on past
 * it). A message whose first line is empty keeps it: that is an empty
 * header block. The BOM of a saved file goes too. */
/* Apple Mail's .emlx: the message's length in bytes on a line of its own
 * (Mail.app pads it with spaces to ten columns: "622       "), the message,
 * then an XML property list of flags. The message alone is read (the plist
 * would be junk after its last part); a length past the end of the file (a
 * cut copy) reads what is there and sets *cut (if cut is not NULL). */
#define EMLX_MAX_DIGITS 10u

static struct ls_slice emlx_message(struct ls_slice data, bool *cut)
{
    uint64_t n = 0;
    size_t i = 0;
    while (i < EMLX_MAX_DIGITS && ls_slice_at(data, i) >= '0' && ls_slice_at(data, i) <= '9')
        n = n * 10 + (uint64_t)(ls_slice_at(data, i++) - '0');
    if (i == 0) return data;
    while (i < 64 && (ls_slice_at(data, i) == ' ' || ls_slice_at(data, i) == '\t')) i++;
    if (ls_slice_at(data, i) == '\r') i++;
    if (ls_slice_at(data, i) != '\n') return data;
    struct ls_slice msg;
    if (!ls_slice_from(data, i + 1, &msg) || !starts_with_field(msg)) return data;
    if (n < msg.len) msg.len = (size_t)n;
    else if (n > msg.len && cut) *cut = true;
    return msg;
}

static struct ls_slice skip_lead(struct ls_slice data)
{
    if (ls_slice_starts(data, "\xEF\xBB\xBF", 3)) (void)ls_slice_from(data, 3, &data);
    data = emlx_message(data, NULL);
    size_t pos = 0;
    while (pos < data.len && pos < (64u << 10)) {
        size_t next;
        struct ls_slice l = line_at(data, pos, &next);
        if (l.len != 0 || next == pos || data.ptr[pos] == '\n' || data.ptr[pos] == '\r') break;
        pos = next;
    }
    struct ls_slice rest;
    if (pos == 0 || !ls_slice_from(data, pos, &rest) || !starts_with_field(rest)) return data;
    return rest;
}

/* ---- probe ---- */

static const char *const mime_known_fields[] = {
    "from",       "to",         "cc",        "subject",     "date",
    "received",   "return-path", "mime-version", "message-id", "reply-to",
    "delivered-to", "x-mailer", "content-type", "sender",    "in-reply-to",
    "references", "x-original-to", "dkim-signature", "authentication-results",
    "thread-topic", "thread-index", "x-received", "arc-seal", "user-agent",
    "content-transfer-encoding", "importance", "x-priority", "bcc",
    "newsgroups", "content-disposition", "content-id", "content-description",
};

static bool known_field(struct ls_slice name)
{
    for (size_t i = 0; i < sizeof mime_known_fields / sizeof mime_known_fields[0]; i++)
        if (mime_slice_ieq(name, mime_known_fields[i])) return true;
    return false;
}

/* A multipart Content-Type whose boundary delimiter opens a line of the
 * body is worth a second field: a MIME entity saved on its own (decrypted
 * S/MIME or PGP/MIME content, mime4j's test messages) has no other header. */
static bool multipart_here(struct ls_slice ctype, struct ls_slice body)
{
    char type[32];
    cap_slice(&ctype, MIME_MAX_PARAM);
    mime_media_type(ctype, type, sizeof type);
    if (strncmp(type, "multipart/", 10) != 0) return false;
    struct ls_buf b, delim;
    ls_buf_init(&b, MIME_MAX_BOUNDARY);
    ls_buf_init(&delim, MIME_MAX_BOUNDARY + 2);
    bool close = false, ok = false;
    size_t next = 0;
    if (mime_param_exact(ctype, "boundary", &b) && b.len && ls_buf_adds(&delim, "--") == LS_OK &&
        ls_buf_add(&delim, b.ptr, b.len) == LS_OK)
        ok = find_delim(body, 0, ls_buf_slice(&delim), &close, &next) != SIZE_MAX;
    ls_buf_free(&b);
    ls_buf_free(&delim);
    return ok;
}

/* Count known fields in the first lines; -1 if a line before the end of the
 * header block (or the window) is not a header line, unless it is one of
 * few among three known fields or more. */
static int probe_fields(struct ls_slice win)
{
    struct ls_slice hdr, body;
    bool ended = mime_split_headers(win, &hdr, &body);
    if (!ended) {
        /* Window cut inside the headers: drop the partial last line. */
        size_t i = hdr.len;
        while (i > 0 && hdr.ptr[i - 1] != '\n') i--;
        hdr.len = i;
    }
    size_t pos = 0;
    unsigned junk = 0;
    int known = 0, fields = 0;
    struct ls_slice n, v;
    while (mime_next_field(hdr, &pos, &n, &v, &junk)) {
        if (fields == 0 && n.ptr != hdr.ptr) return -1; /* first line is no field */
        fields++;
        if (known_field(n)) known++;
        if (mime_slice_ieq(n, "content-type") && multipart_here(v, body)) known++;
    }
    /* A stray line or two among many known fields is a broken fold
     * (Exchange's anti-spam fields cut without their leading blank), not
     * text that happens to open with "Name:". */
    if (fields == 0 || (junk && (known < 3 || junk * 4 > (unsigned)fields))) return -1;
    return known;
}

/* A CMS SignedData file (.p7m: an opaque-signed S/MIME message saved on
 * its own, a signed document such as Italy's fattura.xml.p7m): the cheap
 * test of its first bytes, then the full walk to the content. */
static bool cms_signed_file(struct ls_slice d)
{
    static const uint8_t oid_signed[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02};
    size_t pos = 0;
    uint8_t tag;
    size_t len;
    if (!der_head(d, &pos, &tag, &len) || tag != 0x30 || pos + sizeof oid_signed > d.len ||
        memcmp(d.ptr + pos, oid_signed, sizeof oid_signed) != 0)
        return false;
    struct ls_buf b;
    ls_buf_init(&b, d.len);
    bool ok = cms_signed_content(d, &b);
    ls_buf_free(&b);
    return ok;
}

/* Name of a signed file's content: its own name without ".p7m" (".p7s",
 * ".p7c"), else "signed-content"; ".eml" appended when the content is a
 * MIME entity (the mime handler's probe then knows it). */
static void cms_content_name(const struct ls_object *o, struct ls_slice content, struct ls_buf *name)
{
    struct ls_slice n = ls_slice_make(o->name, o->name ? o->name_len : 0);
    for (size_t i = n.len; i > 0; i--)
        if (n.ptr[i - 1] == '/' || n.ptr[i - 1] == '\\') {
            (void)ls_slice_from(n, i, &n);
            break;
        }
    bool suffixed = n.len > 4 && n.ptr[n.len - 4] == '.' && (n.ptr[n.len - 3] | 0x20) == 'p' &&
                    n.ptr[n.len - 2] == '7' && n.ptr[n.len - 1] && strchr("mMsScC", n.ptr[n.len - 1]) != NULL;
    ls_err e = suffixed && n.len - 4 <= MIME_MAX_NAME / 2 ? ls_buf_add(name, n.ptr, n.len - 4)
                                                           : ls_buf_adds(name, "signed-content");
    if (e == LS_OK && starts_with_field(content)) e = ls_buf_adds(name, ".eml");
    (void)e; /* a name that did not fit keeps what did */
}

static ls_err cms_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_buf content, name;
    ls_buf_init(&content, o->data.len);
    ls_buf_init(&name, MIME_MAX_NAME);
    ls_err e = LS_OK;
    if (!cms_signed_content(o->data, &content)) {
        ls_note(c, o, LS_R_PARSE_ERROR, "mime: CMS SignedData without readable content");
    } else if ((e = ls_budget_charge(c, o, content.len)) == LS_OK) {
        cms_content_name(o, ls_buf_slice(&content), &name);
        struct ls_child ch;
        memset(&ch, 0, sizeof ch);
        ch.name = name.ptr;
        ch.name_len = name.len;
        ch.data = ls_buf_slice(&content);
        e = ls_emit_child(c, o, &ch);
    }
    ls_buf_free(&content);
    ls_buf_free(&name);
    return e;
}

/* A message saved as UTF-16 or UTF-32 (PowerShell 5's Out-File, Notepad's
 * "Unicode"): its UTF-8 conversion, at most max bytes of it, in *out; false
 * (nothing converted) for any other encoding. */
static bool wide_message(struct ls_slice data, size_t max, struct ls_buf *out, bool *cut)
{
    size_t bom = 0;
    enum ls_text_enc enc = ls_text_detect(data, &bom);
    struct ls_slice s;
    if (!ls_text_wide(enc) || !ls_slice_from(data, bom, &s)) return false;
    ls_buf_init(out, max);
    ls_err e = ls_text_convert(s, enc, out);
    if (cut) *cut = e == LS_E_LIMIT;
    if (e == LS_OK || e == LS_E_LIMIT) return true;
    ls_buf_free(out);
    return false;
}

static int mime_probe(const struct ls_object *o)
{
    /* below the sealed handler's 95 (encrypted envelopes are its own) */
    if (ls_slice_at(o->data, 0) == 0x30 && cms_signed_file(o->data)) return 80;
    struct ls_slice win = skip_lead(o->data);
    cap_slice(&win, 64u << 10);
    int known = win.len ? probe_fields(win) : -1;
    bool magic_says = o->mime && (strcmp(o->mime, "message/rfc822") == 0 ||
                                  strcmp(o->mime, "message/news") == 0);
    bool ext_says = o->ext && (strcmp(o->ext, "eml") == 0);
    struct ls_buf wide;
    if (known < 1 && (magic_says || ext_says) && wide_message(o->data, 64u << 10, &wide, NULL)) {
        win = skip_lead(ls_buf_slice(&wide));
        known = win.len ? probe_fields(win) : -1;
        ls_buf_free(&wide);
    }
    if (known >= 2) return 85;
    if (known == 1 && (magic_says || ext_says)) return 75;
    if (magic_says) return 60;
    return 0;
}

static ls_err mime_extract(struct ls_ctx *c, struct ls_object *o)
{
    if (ls_slice_at(o->data, 0) == 0x30 && cms_signed_file(o->data)) return cms_extract(c, o);
    struct mime_walk w;
    memset(&w, 0, sizeof w);
    w.c = c;
    w.o = o;
    w.max_parts = ls_ctx_limits(c)->max_members;
    if (w.max_parts > MIME_MAX_PARTS) w.max_parts = MIME_MAX_PARTS;
    /* the conversion is a copy: at most max_text bytes of it (a UTF-16
     * message is rarely more than a few MB; a spilled multi-GB one must
     * not become a heap copy of the same size) */
    struct ls_buf wide;
    uint64_t mt = ls_ctx_limits(c)->max_text;
    size_t cap = mt < SIZE_MAX ? (size_t)mt : SIZE_MAX;
    size_t need = o->data.len < SIZE_MAX / 2 ? o->data.len * 2 : SIZE_MAX;
    bool cut = false, conv = wide_message(o->data, need < cap ? need : cap, &wide, &cut);
    if (conv) ls_note(c, o, NULL, "mime: the message is UTF-16 or UTF-32 text; read as its UTF-8 conversion");
    if (conv && cut)
        ls_note(c, o, LS_R_LIMIT_TEXT, "mime: the UTF-8 conversion cut at %zu bytes (--max-text)", cap);
    bool emlx_cut = false;
    (void)emlx_message(o->data, &emlx_cut);
    if (emlx_cut) ls_note(c, o, LS_R_TRUNCATED, "mime: the .emlx length line counts bytes past the end of the file");
    struct ls_slice d = conv ? ls_buf_slice(&wide) : o->data;
    struct ls_buf lf;
    ls_buf_init(&lf, d.len);
    /* A message saved on classic Mac OS: lines end with a bare CR (before,
     * the whole message was one header line: its attachments were never
     * decoded, and it said "full"). */
    if (mime_cr_lines(d, 64u << 10)) {
        ls_err e = mime_add_cr_as_lf(&lf, d);
        if (e != LS_OK) {
            ls_buf_free(&lf);
            if (conv) ls_buf_free(&wide);
            return e;
        }
        ls_note(c, o, NULL, "mime: classic Mac OS line ends (CR); read as LF");
        d = ls_buf_slice(&lf);
    }
    walk_entity(&w, skip_lead(d), 0, true, false, false);
    ls_buf_free(&lf);
    if (conv) ls_buf_free(&wide);
    return w.result;
}

const struct ls_handler ls_handler_mime = {
    .name = "mime",
    .probe = mime_probe,
    .extract = mime_extract,
};
