/* libmagic wrapper: one magic_t per worker, bytes already in memory. */
#include <magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "identify/identify.h"

/*
 * Memo of answers, keyed by a SHA-256 of the bytes libmagic looked at (or of
 * the whole object, whose prefix those bytes are) and their length.
 * libmagic is deterministic for the same bytes and flags, so a hit gives the
 * very answer a call would. It pays off on duplicates, which leak dumps are
 * full of (the same logo in every mail, one attachment in many threads, a
 * document both loose and zipped): a text object costs libmagic 2.6 M to
 * 31 M instructions and random bytes ~0.5 ms (docs/performance.md). The
 * pipeline hands in the object's SHA-256, which it computes anyway, so a
 * miss costs a table look-up. MEMO_SLOTS entries, direct-mapped by the
 * hash (a later object with the same slot replaces the older one); an
 * entry is allocated when first used, ~1.4 KB each.
 */
#define MEMO_SLOTS 2048u
#define MEMO_MIME_CAP 256u
#define MEMO_DESC_CAP 1024u

struct magic_memo {
    uint8_t sha[32];     /* of the bytes (see above) */
    size_t len;          /* of those bytes */
    bool has_desc;
    size_t pdf_at;       /* a PDF header found past byte 0 (pdf_after_junk) */
    char mime[MEMO_MIME_CAP];
    char desc[MEMO_DESC_CAP];
};

struct ls_magic {
    magic_t mime;  /* MAGIC_MIME_TYPE */
    magic_t desc;  /* MAGIC_NONE: the human description */
    struct magic_memo *memo[MEMO_SLOTS];
};

/* libmagic reads at most this much of each object for the MIME type: its
 * text classification (encoding checks, regex tests) runs over all of it,
 * and was the largest cost per object at 256 KiB. 64 KiB still holds every
 * header the magic database looks for in the formats leaksift handles. */
#define LS_MAGIC_BYTES (64u << 10)
/* The human description comes from the first 16 KiB (it is informative; the
 * MIME type drives everything else). */
#define LS_MAGIC_DESC_BYTES (16u << 10)
/*
 * Text objects (no byte of the 64 KiB window is one libmagic's encoding
 * tables call binary) are the expensive ones: every soft-magic text test runs,
 * regex tests over 8 KiB windows, ~500 instructions per byte (31 M at 64 KiB,
 * 18 M at 4 KiB). Their MIME type comes from the first 4 KiB: on the 3,449
 * text files and archive members of the bench corpus and /tmp/realworld it
 * equals the 64 KiB answer for every one (2 KiB: one differs, 1 KiB: 10%,
 * C sources whose licence header is longer). JSON is the exception: a cut
 * JSON document is no longer JSON for libmagic, so text that opens with
 * '{' or '[' is looked at as any other object. The description of a text
 * object comes from the same 4 KiB ("with very long lines (N)" and the
 * encoding then describe the prefix only), and for a root it is asked
 * first: see plain_text_desc().
 */
#define LS_MAGIC_TEXT_BYTES (4u << 10)
/* Acrobat accepts "%PDF-" anywhere in the first 1024 bytes (the pdf
 * handler's probe reads it so too: all five bytes inside). */
#define LS_PDF_HEADER_WINDOW 1024u

static magic_t open_one(int flags, char *err, size_t errlen)
{
    magic_t m = magic_open(flags | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS);
    if (!m) {
        snprintf(err, errlen, "libmagic: magic_open failed");
        return NULL;
    }
    if (magic_load(m, NULL) != 0) {
        snprintf(err, errlen, "libmagic: cannot load the magic database: %s",
                 magic_error(m) ? magic_error(m) : "unknown error");
        magic_close(m);
        return NULL;
    }
    size_t bytes = LS_MAGIC_BYTES;
    magic_setparam(m, MAGIC_PARAM_BYTES_MAX, &bytes);
    return m;
}

ls_err ls_magic_open(struct ls_magic **out, char *err, size_t errlen)
{
    struct ls_magic *m = calloc(1, sizeof *m);
    if (!m) return LS_E_NOMEM;
    m->mime = open_one(MAGIC_MIME_TYPE, err, errlen);
    m->desc = m->mime ? open_one(MAGIC_NONE, err, errlen) : NULL;
    if (!m->desc) {
        ls_magic_close(m);
        return LS_E_DEPENDENCY;
    }
    *out = m;
    return LS_OK;
}

void ls_magic_close(struct ls_magic *m)
{
    if (!m) return;
    if (m->mime) magic_close(m->mime);
    if (m->desc) magic_close(m->desc);
    for (unsigned i = 0; i < MEMO_SLOTS; i++) free(m->memo[i]);
    free(m);
}

static void copy_out(const char *s, char *out, size_t cap)
{
    if (!cap) return;
    snprintf(out, cap, "%s", s ? s : "");
}

static struct magic_memo **memo_slot(struct ls_magic *m, const uint8_t sha[32])
{
    return &m->memo[((size_t)sha[0] << 8 | sha[1]) % MEMO_SLOTS];
}

static struct magic_memo *memo_find(struct ls_magic *m, const uint8_t sha[32], size_t len)
{
    struct magic_memo *e = *memo_slot(m, sha);
    return e && e->len == len && memcmp(e->sha, sha, 32) == 0 ? e : NULL;
}

/* The slot for these bytes' answers, emptied; NULL (no memo) without memory. */
static struct magic_memo *memo_insert(struct ls_magic *m, const uint8_t sha[32], size_t len)
{
    struct magic_memo **slot = memo_slot(m, sha);
    if (!*slot && !(*slot = malloc(sizeof **slot))) return NULL;
    struct magic_memo *e = *slot;
    memcpy(e->sha, sha, 32);
    e->len = len;
    e->has_desc = false;
    e->pdf_at = 0;
    e->mime[0] = e->desc[0] = 0;
    return e;
}

/* Byte classes of libmagic's encoding.c: 0x00-0x06, 0x0E-0x1A, 0x1C-0x1F
 * and 0x7F make a buffer binary for it; BEL..CR, ESC, printable ASCII and
 * every byte >= 0x80 (Latin-1, UTF-8, "extended ASCII") are text. */
static bool text_byte(uint8_t b)
{
    if (b >= 0x80) return true;
    if (b >= 0x20) return b != 0x7f;
    return (b >= 0x07 && b <= 0x0d) || b == 0x1b;
}

/* Eight bytes at a time: a word with no byte below 0x20 and no 0x7F is
 * text whole (bytes >= 0x80 are text); the others byte by byte. Every
 * object's 64 KiB window is looked at once per libmagic look-up. */
static bool text_window(struct ls_slice d)
{
    static bool bin[256];
    static bool ready;
    if (!ready) {
        for (unsigned b = 0; b < 256; b++) bin[b] = !text_byte((uint8_t)b);
        ready = true;
    }
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    size_t i = 0;
    for (; d.len - i >= 8; i += 8) {
        uint64_t v, del;
        memcpy(&v, d.ptr + i, 8);
        del = v ^ (0x7f * ones);
        if ((((v - 0x20 * ones) & ~v) | ((del - ones) & ~del)) & highs) {
            for (size_t k = i; k < i + 8; k++)
                if (bin[d.ptr[k]]) return false;
        }
    }
    for (; i < d.len; i++)
        if (bin[d.ptr[i]]) return false;
    return d.len > 0;
}

/* '{' or '[' first, after a UTF-8 BOM and white space. */
static bool json_like(struct ls_slice d)
{
    size_t i = ls_slice_starts(d, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < d.len && (d.ptr[i] == ' ' || d.ptr[i] == '\t' || d.ptr[i] == '\r' || d.ptr[i] == '\n')) i++;
    return i < d.len && (d.ptr[i] == '{' || d.ptr[i] == '[');
}

/* Looked at through a 4 KiB prefix (LS_MAGIC_TEXT_BYTES). */
static bool text_object(struct ls_slice d)
{
    return text_window(d) && !json_like(d);
}

/* The first n bytes of d (all of it when shorter), moved back so that no
 * UTF-8 sequence is cut (a cut one would turn "UTF-8" into "ISO-8859") and
 * no CRLF (a lone CR would add "CR line terminators"). */
static struct ls_slice text_prefix(struct ls_slice d, size_t n)
{
    if (d.len <= n) return d;
    size_t k = n;
    while (k > n - 3 && (d.ptr[k] & 0xC0) == 0x80) k--;
    if (d.ptr[k] == '\n' && d.ptr[k - 1] == '\r') k--;
    struct ls_slice out = d;
    out.len = k;
    return out;
}

/* What libmagic is given for the MIME type and for the description. */
static void magic_inputs(struct ls_slice d, bool text, struct ls_slice *for_mime, struct ls_slice *for_desc)
{
    if (text) {
        *for_mime = text_prefix(d, LS_MAGIC_TEXT_BYTES);
        *for_desc = *for_mime;
        return;
    }
    *for_mime = d;
    *for_desc = d;
    if (for_desc->len > LS_MAGIC_DESC_BYTES) for_desc->len = LS_MAGIC_DESC_BYTES;
}

/*
 * Whether libmagic's text-encoding check (file_encoding(), encoding.c of
 * file 5.44 and 5.45, which are identical there) certainly calls d binary.
 * For such a buffer the check only costs: it zeroes a 4-byte-per-byte
 * buffer (256 KiB for our 64 KiB), tries seven encodings, converts the
 * whole buffer from EBCDIC and tries two more, then returns "not text",
 * which is also what file_buffer() assumes when MAGIC_NO_CHECK_ENCODING
 * skips the check (funcs.c; the flag is read nowhere else, and the
 * encoding's name is only printed for MAGIC_MIME_ENCODING, which we never
 * ask for). The answer is therefore the same with the flag; ~1/6 of
 * libmagic's time on documents and images went to that check.
 *
 * Certain when: the first 64 KiB (libmagic's encoding_max) hold a byte that
 * its text_chars[] table calls F (never text: this fails ASCII, ISO-8859,
 * extended ASCII and UTF-8, with or without BOM) whose EBCDIC reading is
 * an F byte too (fails both EBCDIC tests), and no UTF-16/UTF-32 byte-order
 * mark opens d (those tests look only past a BOM).
 */
static bool encoding_binary(struct ls_slice d)
{
    /* text_chars[b] == F and text_chars[ebcdic_to_ascii[b]] == F */
    static const uint8_t never_text[256] = {
        [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x0e] = 1, [0x0f] = 1,
        [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x18] = 1, [0x19] = 1,
        [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1,
    };
    static int version_ok = -1;
    if (version_ok < 0) version_ok = magic_version() == 544 || magic_version() == 545;
    if (!version_ok || d.len < 2) return false;
    if ((d.ptr[0] == 0xff && d.ptr[1] == 0xfe) || (d.ptr[0] == 0xfe && d.ptr[1] == 0xff)) return false;
    if (d.len >= 4 && d.ptr[0] == 0 && d.ptr[1] == 0 && d.ptr[2] == 0xfe && d.ptr[3] == 0xff)
        return false;
    size_t n = d.len < 65536 ? d.len : 65536;
    for (size_t i = 0; i < n; i++)
        if (never_text[d.ptr[i]]) return true;
    return false;
}

static const char *run_on(magic_t mt, struct ls_slice d, const char *fallback)
{
    const void *p = d.ptr ? (const void *)d.ptr : (const void *)"";
    bool skip = encoding_binary(d);
    int flags = skip ? magic_getflags(mt) : 0;
    if (skip && (flags < 0 || magic_setflags(mt, flags | MAGIC_NO_CHECK_ENCODING) != 0)) skip = false;
    const char *r = magic_buffer(mt, p, d.len);
    if (skip) (void)magic_setflags(mt, flags); /* the answer r stays valid until the next call */
    return r ? r : fallback;
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/*
 * A PDF whose "%PDF-" is not at byte 0 (mail headers, white space or other
 * junk before it, common in leaked files; Acrobat reads a header within the
 * first 1024 bytes) is application/pdf when libmagic has nothing more
 * specific to say (text/plain, or application/octet-stream with the
 * description "data": an e-mail quoting "%PDF-" stays message/rfc822, a PNG
 * image/png, an EMF or AppleSingle file application/octet-stream). The header must
 * carry a version ("%PDF-1.7"), an object must follow ("obj" within the
 * bytes libmagic looks at), and libmagic must call the bytes from the header
 * on a PDF; a note that merely mentions the header stays text. Returns the
 * header's offset, 0 when the rule does not apply.
 */
static size_t pdf_after_junk(struct ls_magic *m, struct ls_slice d, const char *mime)
{
    if (strcmp(mime, "text/plain") != 0 && strcmp(mime, "application/octet-stream") != 0) return 0;
    struct ls_slice head = d, rest;
    if (head.len > LS_PDF_HEADER_WINDOW) head.len = LS_PDF_HEADER_WINDOW;
    size_t at = ls_slice_find(head, 1, "%PDF-", 5);
    if (at == SIZE_MAX || !ls_slice_from(d, at, &rest)) return 0;
    if (!is_digit(ls_slice_at(rest, 5)) || ls_slice_at(rest, 6) != '.' || !is_digit(ls_slice_at(rest, 7)))
        return 0;
    if (ls_slice_find(rest, 8, "obj", 3) == SIZE_MAX) return 0;
    if (rest.len > LS_MAGIC_TEXT_BYTES) rest.len = LS_MAGIC_TEXT_BYTES;
    if (strcmp(run_on(m->mime, rest, ""), "application/pdf") != 0) return 0;
    /* libmagic knows some formats without a MIME type (an EMF that carries
     * a PDF copy, AppleSingle): only "data" is nothing specific */
    if (strcmp(mime, "application/octet-stream") == 0) {
        struct ls_slice whole = d;
        if (whole.len > LS_MAGIC_DESC_BYTES) whole.len = LS_MAGIC_DESC_BYTES;
        if (strcmp(run_on(m->desc, whole, "data"), "data") != 0) return 0;
    }
    return at;
}

static void pdf_desc(struct ls_magic *m, struct ls_slice d, size_t at, char *out, size_t cap)
{
    struct ls_slice rest;
    if (!ls_slice_from(d, at, &rest)) rest = d;
    if (rest.len > LS_MAGIC_DESC_BYTES) rest.len = LS_MAGIC_DESC_BYTES;
    snprintf(out, cap, "%s (header at offset %zu)", run_on(m->desc, rest, "data"), at);
}

static bool eat(const char **p, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(*p, word, n) != 0) return false;
    *p += n;
    return true;
}

/*
 * Whether desc is what libmagic says of text that no magic test matched:
 * only its encoding and line properties ("ASCII text", "Unicode text, UTF-8
 * text, with very long lines (312), with CRLF line terminators"). Then the
 * MIME type is text/plain: libmagic's text reader (ascmagic.c) prints its
 * encoding first only when nothing was printed before it, and in MIME mode
 * prints "text/plain" in that same case. A match of any test (CSV, HTML,
 * mail, a script, "ASCII cpio archive") starts the description with its own
 * words. For a text root the description is asked first, and a plain one
 * spares the MIME call: text that matches no test is libmagic's most
 * expensive input (every text test runs). Checked with libmagic 5.44 on
 * 33,955 text files (the bench corpus, /usr/include, /usr/share, /etc,
 * Python's packages, the test fixtures, mail dumps), 16,426 of them plain:
 * the MIME call said text/plain for every one.
 */
static bool plain_text_desc(const char *desc)
{
    static const char *const codes[] = {
        "ASCII", "ISO-8859", "Non-ISO extended-ASCII", "Unicode text, UTF-8 (with BOM)",
        "Unicode text, UTF-8", "EBCDIC", "International EBCDIC",
    };
    const char *p = desc;
    bool code = false;
    for (size_t i = 0; i < sizeof codes / sizeof codes[0] && !code; i++) code = eat(&p, codes[i]);
    if (!code || !eat(&p, " text")) return false;
    if (eat(&p, ", with very long lines")) {
        if (eat(&p, " (")) {
            if (!isdigit((unsigned char)*p)) return false;
            while (isdigit((unsigned char)*p)) p++;
            if (!eat(&p, ")")) return false;
        }
    }
    if (eat(&p, ", with ")) {
        if (!eat(&p, "no")) {
            static const char *const terms[] = {"CRLF", "CR", "LF", "NEL"};
            do {
                bool t = false;
                for (size_t i = 0; i < 4 && !t; i++) t = eat(&p, terms[i]);
                if (!t) return false;
            } while (eat(&p, ", "));
        }
        if (!eat(&p, " line terminators")) return false;
    }
    (void)eat(&p, ", with escape sequences");
    (void)eat(&p, ", with overstriking");
    return *p == 0;
}

/*
 * The MIME type of a text root whose description is one kind of text
 * followed by a plain description of its encoding and lines ("HTML
 * document, ASCII text, with CRLF line terminators", "SMTP mail, Unicode
 * text, UTF-8 text"): for these kinds libmagic's MIME walk over the same
 * 4 KiB gives this type, so the root's second walk (every text test up to
 * the match run again: 0.8 M instructions for a message, 2.9 M for an
 * HTML page, more for source code, found by regex tests) is spared. A description is not a type in general: an entry
 * with no MIME type prints its words but leaves the MIME walk going on to
 * a later entry ("Perl5 module source" and "exported SGML document" are
 * text/plain), so only the kinds measured are mapped, none to text/plain
 * (which pdf_after_junk() would look at): with libmagic 5.44, every one of
 * the text files so described among those of /usr/share, /usr/include,
 * /etc, Python's packages, the test fixtures, the bench corpora and the
 * mail files of this machine had this MIME type (docs/performance.md,
 * twentieth session). Other versions walk twice.
 */
static const char *text_kind_mime(const char *desc)
{
    static const char *const map[][2] = {
        {"HTML document, ", "text/html"},
        {"XML 1.0 document, ", "text/xml"},
        {"SMTP mail, ", "message/rfc822"},
        {"RFC 822 mail, ", "message/rfc822"},
        {"news or mail, ", "message/rfc822"},
        {"C source, ", "text/x-c"},
        {"C++ source, ", "text/x-c++"},
        {"makefile script, ", "text/x-makefile"},
        {"JavaScript source, ", "application/javascript"},
        {"assembler source, ", "text/x-asm"},
        {"troff or preprocessor input, ", "text/troff"},
    };
    static int version_ok = -1;
    if (version_ok < 0) version_ok = magic_version() == 544;
    if (!version_ok) return NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        size_t n = strlen(map[i][0]);
        if (strncmp(desc, map[i][0], n) == 0 && plain_text_desc(desc + n)) return map[i][1];
    }
    return NULL;
}

/* libmagic calls any 0x1A followed by a method byte an ARC archive; a real
 * ARC header ([0x1A][method 1-20][file name, NUL-terminated, 13 bytes])
 * has a printable name and its NUL within the 13 bytes. Google Slides'
 * ppt/metadata (a protobuf: 1A 09 0A 03 "256" ...) read as one: an
 * unsupported ARC archive, partial coverage, in every exported .pptx. */
static bool arc_header(struct ls_slice d)
{
    if (d.len < 29) return false;
    const uint8_t *b = (const uint8_t *)d.ptr;
    if (b[0] != 0x1A || b[1] == 0 || b[1] > 20) return false;
    size_t i = 2;
    for (; i < 15 && b[i] != 0; i++)
        if (b[i] < 0x20 || b[i] == 0x7F) return false;
    return i > 2 && i < 15;
}

/* The answers for d, into e (a memo slot) or the caller's arrays. */
static void compute_mime(struct ls_magic *m, struct ls_slice d, bool text, char *mime, size_t cap,
                         size_t *pdf_at)
{
    struct ls_slice for_mime, for_desc;
    magic_inputs(d, text, &for_mime, &for_desc);
    copy_out(run_on(m->mime, for_mime, "application/octet-stream"), mime, cap);
    if (strcmp(mime, "application/x-arc") == 0 && !arc_header(d))
        copy_out("application/octet-stream", mime, cap);
    *pdf_at = pdf_after_junk(m, d, mime);
    if (*pdf_at) copy_out("application/pdf", mime, cap);
}

static void compute_desc(struct ls_magic *m, struct ls_slice d, bool text, size_t pdf_at, char *desc,
                         size_t cap)
{
    struct ls_slice for_mime, for_desc;
    if (pdf_at) {
        pdf_desc(m, d, pdf_at, desc, cap);
        return;
    }
    magic_inputs(d, text, &for_mime, &for_desc);
    copy_out(run_on(m->desc, for_desc, "data"), desc, cap);
    if (strncmp(desc, "ARC archive", 11) == 0 && !arc_header(d)) copy_out("data", desc, cap);
}

/*
 * A root that opens with a zip local header (OOXML and ODF packages) or
 * with "%PDF-" (and is not text to libmagic) is
 * described before its type is asked, and when the description is one
 * that libmagic's database gives exactly one MIME type for (the msooxml and
 * OpenDocument entries: "Microsoft Word 2007+" is always the
 * wordprocessingml type), that type is taken without a second walk of
 * libmagic over 64 KiB. The description looks at the first 16 KiB, the
 * type at 64 KiB; on 4,389 OOXML and ODF files of every mirror, no file
 * given one of these descriptions had another type (a package whose
 * third local header lies past 16 KiB is "Microsoft OOXML" to the
 * description, and keeps its MIME walk). Checked against file 5.44's
 * database only: other versions always walk twice.
 */
static const char *package_mime(struct ls_slice d, const char *desc)
{
    static const char *const map[][2] = {
        {"Microsoft Word 2007+", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"Microsoft Excel 2007+", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"Microsoft PowerPoint 2007+",
         "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {"OpenDocument Text", "application/vnd.oasis.opendocument.text"},
        {"OpenDocument Spreadsheet", "application/vnd.oasis.opendocument.spreadsheet"},
        {"OpenDocument Presentation", "application/vnd.oasis.opendocument.presentation"},
    };
    static int version_ok = -1;
    if (version_ok < 0) version_ok = magic_version() == 544;
    if (!version_ok) return NULL;
    /* a PDF from its first byte: every "PDF document, version ..." is
     * application/pdf (977 of pdf.js's test files, 63 of Tika's and POI's) */
    if (ls_slice_starts(d, "%PDF-", 5)) return strncmp(desc, "PDF document", 12) == 0 ? "application/pdf" : NULL;
    if (!ls_slice_starts(d, "PK\x03\x04", 4)) return NULL;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(desc, map[i][0]) == 0) return map[i][1];
    return NULL;
}

void ls_magic_identify(struct ls_magic *m, struct ls_slice data, const uint8_t *data_sha256, char *mime,
                       size_t mime_cap, char *desc, size_t desc_cap, bool want_desc)
{
    struct ls_slice d = data;
    if (d.len > LS_MAGIC_BYTES) d.len = LS_MAGIC_BYTES;
    /* the key: the whole object's hash (it fixes the prefix), else the prefix's */
    uint8_t sha[32];
    size_t key_len = data.len;
    if (data_sha256) {
        memcpy(sha, data_sha256, 32);
    } else {
        ls_sha256(d, sha);
        key_len = d.len;
    }
    struct magic_memo *e = memo_find(m, sha, key_len);
    char own[MEMO_MIME_CAP];
    size_t pdf_at = 0;
    int text = -1; /* text_object(d), once it was asked */
    if (!e) {
        text = text_object(d);
        /* a text root: the description first (plain_text_desc(), text_kind_mime()) */
        char early[MEMO_DESC_CAP];
        bool have_early = want_desc && desc && desc_cap && text;
        /* a package root: its description first too (package_mime()) */
        bool have_pkg = want_desc && desc && desc_cap && !text &&
                        (ls_slice_starts(d, "PK\x03\x04", 4) || ls_slice_starts(d, "%PDF-", 5));
        if (have_early)
            copy_out(run_on(m->desc, text_prefix(d, LS_MAGIC_TEXT_BYTES), "data"), early, sizeof early);
        if (have_pkg) compute_desc(m, d, false, 0, early, sizeof early);
        const char *pkg = have_pkg ? package_mime(d, early) : NULL;
        const char *kind = have_early ? text_kind_mime(early) : NULL;
        if (have_early && plain_text_desc(early)) {
            copy_out("text/plain", own, sizeof own);
            pdf_at = pdf_after_junk(m, d, own);
            if (pdf_at) copy_out("application/pdf", own, sizeof own);
        } else if (pkg || kind) {
            copy_out(pkg ? pkg : kind, own, sizeof own);
        } else {
            compute_mime(m, d, text, own, sizeof own, &pdf_at);
        }
        have_early = have_early || have_pkg; /* early holds the description */
        e = memo_insert(m, sha, key_len);
        if (e) {
            copy_out(own, e->mime, sizeof e->mime);
            e->pdf_at = pdf_at;
        }
        if (have_early && !pdf_at) {
            copy_out(own, mime, mime_cap);
            copy_out(early, desc, desc_cap);
            if (e) {
                copy_out(early, e->desc, sizeof e->desc);
                e->has_desc = true;
            }
            return;
        }
    } else {
        copy_out(e->mime, own, sizeof own);
        pdf_at = e->pdf_at;
    }
    copy_out(own, mime, mime_cap);
    if (!desc || !desc_cap) return;
    desc[0] = 0;
    /* The description costs a second pass of libmagic: members get it only
     * when their type is unknown, where it is the only clue (want_desc
     * false otherwise). */
    if (!want_desc && strcmp(own, "application/octet-stream") != 0) return;
    if (e && e->has_desc) {
        copy_out(e->desc, desc, desc_cap);
        return;
    }
    char own_desc[MEMO_DESC_CAP];
    if (text < 0) text = text_object(d);
    compute_desc(m, d, text, pdf_at, own_desc, sizeof own_desc);
    copy_out(own_desc, desc, desc_cap);
    if (e) {
        copy_out(own_desc, e->desc, sizeof e->desc);
        e->has_desc = true;
    }
}
