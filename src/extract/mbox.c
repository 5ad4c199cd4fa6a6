/*
 * MBOX handler: the mboxo / mboxrd family (RFC 4155 "application/mbox",
 * and qmail's mbox(5) for the ">From " quoting of mboxrd).
 *
 * A message starts at a "From " separator line ("From <sender> <date>")
 * at the start of the file or after an empty line; a separator line must
 * carry a time of day ("hh:mm"), or an address or "-" for sender and a
 * header field on the next line, so that body lines such as "From now
 * on..." after an empty paragraph break are not taken for separators
 * (writers quote those as ">From " anyway). See from_line_ok() for the
 * separators without an empty line before them (Netscape's files). Each message is handed over as a child
 * named msg-N (1-based), with one ">" removed from lines matching
 * /^>+From / (mboxrd unquoting; for mboxo this also turns the quoted
 * ">From " back into "From "). The mime handler reads each child.
 *
 * mboxcl/mboxcl2 Content-Length framing: a message whose header block
 * holds "Content-Length: N" ends N bytes after that block when a separator
 * (or the end of the file, or only blank bytes) is there: an mboxcl2 body
 * keeps its "From " lines unquoted, and the separator rule alone would cut
 * the message at one. A length that leads anywhere else is ignored (the
 * separator rule decides).
 *
 * MMDF (SCO, MMDF and some Sendmail setups): each message between two
 * lines of four ^A bytes; a file that starts with such a line is read so,
 * every run of text between delimiter lines that is not blank a message.
 *
 * Classic Mac OS mailboxes (Eudora for Mac, early Mac OS mail clients)
 * end lines with a bare CR: "From ???@??? Wed Nov 26 10:00:00 2014\r".
 * A file whose first line ends with a CR that no LF follows, and that has
 * no LF in its first 64 KiB, is read as a copy with every bare CR made an
 * LF (before, such a mailbox was one line of text: its base64
 * attachments were never decoded).
 *
 * Dovecot dbox files (sdbox "u.N", one message; mdbox "storage/m.N",
 * many, expunged ones too until `doveadm purge`): a header line "2 M1e
 * C5087d3c1" (version 2, the message header size M in hex), then per
 * message "\1\2N <8 hex> <16 hex size>" padded to M bytes with LF last,
 * the message, and a metadata block ("\n\1\3\n", lines "Kvalue", an empty
 * line). Each message is a msg-N, typed by libmagic (the zlib plugin
 * stores it compressed); a size past the end marks it cut.
 *
 * Attacker-controlled: every byte; separators may be missing (text before
 * the first separator is noted as a parse error and handed over as msg-0
 * only if it is not blank), messages may be empty or huge, quoting may be
 * anywhere.
 */
#include <stdio.h>
#include <string.h>

#include "core/handler.h"
#include "extract/mime_decode.h"

#define MBOX_MAX_MESSAGES 1000000u

static bool is_digit(int ch)
{
    return ch >= '0' && ch <= '9';
}

static size_t mbox_line_end(struct ls_slice s, size_t i)
{
    size_t n = ls_slice_find(s, i, "\n", 1);
    return n == SIZE_MAX ? s.len : n;
}

static bool header_line(struct ls_slice s, size_t i)
{
    size_t eol = mbox_line_end(s, i);
    size_t j = i;
    while (j < eol && s.ptr[j] > 32 && s.ptr[j] < 127 && s.ptr[j] != ':') j++;
    return j > i && j < eol && s.ptr[j] == ':';
}

/* "From " + non-empty sender, then either something holding "h:mm" or
 * "hh:mm" on the line, or a header field on the next line. Writers that
 * leave the date out are real (sweep: MimeKit's mbox tests, Thunderbird's
 * "From - " and a Gmail export line cut to "From 1844347792267117879@xxx");
 * a body line "From now on..." after a paragraph break is followed by
 * prose, not by a "Name: value" field. */
static bool line_has_time(struct ls_slice line, size_t j)
{
    for (; j + 3 < line.len; j++) {
        if (is_digit(line.ptr[j]) && line.ptr[j + 1] == ':' && is_digit(line.ptr[j + 2]) &&
            is_digit(line.ptr[j + 3]))
            return true;
    }
    return false;
}

/* Is the line at i a separator? "From " + non-empty sender (or a bare
 * "From " line, below), then:
 * - after an empty line (or at the start): a time of day ("hh:mm") on the
 *   line, or a header field on the next line and a sender that is an
 *   address or Netscape's and Thunderbird's "-" (writers that leave the
 *   date out are real: MimeKit's mbox tests, Thunderbird's "From - ", a
 *   Gmail export line cut to "From 1844347792267117879@xxx"; a body line
 *   "From Russia with love" followed by "Year: 1963" is not one);
 * - right after a non-empty line: a time or the "-" sender, and a header
 *   field next (Netscape's Content-Length framed files put "From - Mon
 *   Jun  3 12:50:27 1996" right after a closing boundary, MimeKit's
 *   content-length.mbox.txt; mailboxes joined by cat). */
static bool from_line_ok(struct ls_slice s, size_t i, size_t eol, bool prev_empty)
{
    struct ls_slice line;
    if (!ls_slice_sub(s, i, eol - i, &line) || !ls_slice_starts(line, "From ", 5)) return false;
    size_t j = 5;
    size_t sender = j;
    bool at = false;
    while (j < line.len && line.ptr[j] != ' ' && line.ptr[j] != '\t' && line.ptr[j] != '\r')
        at |= line.ptr[j++] == '@';
    bool hdr = eol < s.len && header_line(s, eol + 1);
    if (j == sender) {
        /* a bare "From " with no sender and no date (Thunderbird's own test
         * mailboxes and saved messages, jsmime's): at the start or after an
         * empty line, and a header field next */
        while (j < line.len && (line.ptr[j] == ' ' || line.ptr[j] == '\t' || line.ptr[j] == '\r')) j++;
        return j == line.len && prev_empty && hdr;
    }
    bool dash = j == sender + 1 && line.ptr[sender] == '-';
    bool time = line_has_time(line, j);
    if (prev_empty) return time || ((dash || at) && hdr);
    return (time || dash) && hdr;
}

/* A file saved with a UTF-8 byte order mark (MimeKit's unmunged.mbox.txt)
 * starts after it. */
static struct ls_slice skip_bom(struct ls_slice s)
{
    if (ls_slice_starts(s, "\xEF\xBB\xBF", 3)) (void)ls_slice_from(s, 3, &s);
    return s;
}

/* Is the line starting at i a separator, given whether the previous line
 * was empty (or i is the start of the file)? */
static bool is_separator(struct ls_slice s, size_t i, bool prev_empty)
{
    return from_line_ok(s, i, mbox_line_end(s, i), prev_empty);
}

/* Start of the next separator line at or after from (a line start), or
 * s.len; prev_empty tells whether the line before from was empty. */
static size_t next_separator(struct ls_slice s, size_t from, bool prev_empty)
{
    size_t i = from;
    while (i < s.len) {
        size_t eol = mbox_line_end(s, i);
        if (is_separator(s, i, prev_empty)) return i;
        prev_empty = eol == i || (eol == i + 1 && s.ptr[i] == '\r');
        i = eol < s.len ? eol + 1 : s.len;
    }
    return s.len;
}

#define MBOX_CR_LOOK (64u * 1024u) /* classic Mac OS line ends: mime_cr_lines() */

/* True if the line at i matches /^>+From /. */
static bool quoted_from(struct ls_slice s, size_t i)
{
    size_t j = i;
    while (j < s.len && s.ptr[j] == '>') j++;
    struct ls_slice rest;
    return j > i && ls_slice_from(s, j, &rest) && ls_slice_starts(rest, "From ", 5);
}

static bool needs_unquote(struct ls_slice m)
{
    if (quoted_from(m, 0)) return true;
    size_t at = 0;
    for (;;) {
        at = ls_slice_find(m, at, "\n>", 2);
        if (at == SIZE_MAX) return false;
        if (quoted_from(m, at + 1)) return true;
        at++;
    }
}

static ls_err unquote(struct ls_slice m, struct ls_buf *out)
{
    size_t i = 0;
    while (i < m.len) {
        size_t eol = mbox_line_end(m, i);
        size_t next = eol < m.len ? eol + 1 : m.len;
        size_t start = quoted_from(m, i) ? i + 1 : i;
        struct ls_slice line;
        (void)ls_slice_sub(m, start, next - start, &line);
        LS_TRY(ls_buf_add(out, line.ptr, line.len));
        i = next;
    }
    return LS_OK;
}

/* Message body between its separator line and the next separator, without
 * the empty line that precedes that separator. */
static struct ls_slice message_slice(struct ls_slice s, size_t sep, size_t end)
{
    size_t start = mbox_line_end(s, sep);
    start = start < end ? start + 1 : end;
    if (end > start && s.ptr[end - 1] == '\n') end--;
    if (end > start && s.ptr[end - 1] == '\r') end--;
    struct ls_slice m = {s.ptr, 0};
    (void)ls_slice_sub(s, start, end - start, &m);
    return m;
}

/* The child of message n of a mailbox or batch: "msg-N", a message by type
 * (what a "From " line or DATA starts: no libmagic call); cut_error when
 * the input ends inside it. name: the child's name buffer. */
static void message_child(struct ls_child *ch, char name[32], struct ls_slice m, unsigned long n, bool cut,
                          const char *cut_error)
{
    memset(ch, 0, sizeof *ch);
    int len = snprintf(name, 32, "msg-%lu", n);
    ch->name = name;
    ch->name_len = len > 0 ? (size_t)len : 0;
    ch->data = m;
    ch->mime_hint = "message/rfc822";
    if (cut) {
        ch->flags = LS_CHILD_TRUNCATED;
        ch->tags[0] = LS_R_TRUNCATED;
        ch->error = cut_error;
    }
}

static ls_err emit_message(struct ls_ctx *c, struct ls_object *o, struct ls_slice m,
                           unsigned long n, bool cut)
{
    char name[32];
    struct ls_child ch;
    message_child(&ch, name, m, n, cut, "mbox: the mailbox ends inside this message (no line break at its end)");
    if (!needs_unquote(m)) return ls_emit_child(c, o, &ch);
    struct ls_buf b;
    ls_buf_init(&b, m.len);
    ls_err e = unquote(m, &b);
    if (e == LS_OK) {
        ch.data = ls_buf_slice(&b);
        e = ls_emit_child(c, o, &ch);
    }
    ls_buf_free(&b);
    return e;
}

static bool blank(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] != ' ' && s.ptr[i] != '\t' && s.ptr[i] != '\r' && s.ptr[i] != '\n') return false;
    return true;
}

/* Whether the mailbox ends inside a message: its last byte is not a line
 * break (every writer ends a message's last line, and most add an empty
 * one), unless that last line is how a message ends anyway: a MIME
 * closing delimiter ("--b--") or base64 padding ("...=="); a cut there
 * loses nothing (flanker's torture-part.eml ends "--owatagusiam--"). */
static bool last_line_cut(struct ls_slice s)
{
    if (s.len == 0 || s.ptr[s.len - 1] == '\n') return false;
    size_t start = s.len;
    while (start > 0 && s.ptr[start - 1] != '\n') start--;
    struct ls_slice l;
    (void)ls_slice_sub(s, start, s.len - start, &l);
    while (l.len && (l.ptr[l.len - 1] == ' ' || l.ptr[l.len - 1] == '\t' || l.ptr[l.len - 1] == '\r'))
        l.len--;
    if (l.len >= 5 && l.ptr[0] == '-' && l.ptr[1] == '-' && l.ptr[l.len - 1] == '-' && l.ptr[l.len - 2] == '-')
        return false;
    if (l.len >= 4 && l.ptr[l.len - 1] == '=') {
        size_t i = 0;
        while (i < l.len && ((l.ptr[i] >= 'A' && l.ptr[i] <= 'Z') || (l.ptr[i] >= 'a' && l.ptr[i] <= 'z') ||
                             (l.ptr[i] >= '0' && l.ptr[i] <= '9') || l.ptr[i] == '+' || l.ptr[i] == '/'))
            i++;
        while (i < l.len && l.ptr[i] == '=') i++;
        if (i == l.len) return false;
    }
    return true;
}

static bool field_is(struct ls_slice s, size_t i, const char *name)
{
    size_t n = strlen(name);
    if (i + n > s.len) return false;
    for (size_t k = 0; k < n; k++) {
        int a = s.ptr[i + k], b = name[k];
        if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
        if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
        if (a != b) return false;
    }
    return true;
}

/* mboxcl2: the end of the message whose header block starts at `after`
 * when its Content-Length field leads to a separator, the end of the file
 * or blank bytes only; SIZE_MAX otherwise. */
#define MBOX_HEADER_SCAN (64u << 10)

static size_t content_length_end(struct ls_slice s, size_t after)
{
    size_t i = after, body = SIZE_MAX;
    uint64_t len = UINT64_MAX;
    while (i < s.len) {
        /* a header block ends at its empty line: a "From " line or 64 KiB
         * without one means no Content-Length framing (and keeps a file of
         * header lines only from being rescanned for every message) */
        if (i - after > MBOX_HEADER_SCAN || field_is(s, i, "from ")) return SIZE_MAX;
        size_t eol = mbox_line_end(s, i);
        if (eol == i || (eol == i + 1 && s.ptr[i] == '\r')) { /* the empty line */
            body = eol < s.len ? eol + 1 : s.len;
            break;
        }
        if (field_is(s, i, "content-length:")) {
            size_t j = i + 15;
            while (j < eol && (s.ptr[j] == ' ' || s.ptr[j] == '\t')) j++;
            uint64_t v = 0;
            size_t d = j;
            while (j < eol && s.ptr[j] >= '0' && s.ptr[j] <= '9' && v < (UINT64_C(1) << 48))
                v = v * 10 + (uint64_t)(s.ptr[j++] - '0');
            if (j > d) len = v;
        }
        i = eol < s.len ? eol + 1 : s.len;
    }
    if (body == SIZE_MAX || len == UINT64_MAX || len > s.len - body) return SIZE_MAX;
    size_t p = body + (size_t)len;
    if (p == s.len) return p;
    if (p > 0 && s.ptr[p - 1] != '\n') return SIZE_MAX; /* not a line start */
    size_t q = p;
    if (q < s.len && s.ptr[q] == '\r') q++;
    if (q < s.len && s.ptr[q] == '\n') q++; /* the empty line before the separator */
    struct ls_slice rest;
    (void)ls_slice_from(s, q, &rest);
    if (blank(rest)) return s.len;
    if (is_separator(s, p, true)) return p;
    return q > p && is_separator(s, q, true) ? q : SIZE_MAX;
}

/* A "From " line inside a MIME attachment of a message: a patch made by
 * `git format-patch` ("From <sha1> Mon Sep 17 00:00:00 2001" then its
 * From:, Date: and Subject: fields: notmuch's insert/mbox-attachment.eml)
 * attached to a mail that an mboxo writer did not quote. The separator
 * rule alone cut the message there: its multipart lost its closing
 * delimiter (truncated) and the rest of the patch became a message. When
 * the message's top multipart is still open at the separator and its
 * closing delimiter ("--b--") comes before the separator after it (at
 * most MBOX_OPEN_SEGMENTS separators and MBOX_OPEN_LOOK bytes on), the
 * message ends at the first separator after the delimiter. */
#define MBOX_OPEN_SEGMENTS 16u
#define MBOX_OPEN_LOOK (64u << 20)

static bool close_delim_in(struct ls_slice s, size_t from, size_t to, struct ls_slice close)
{
    struct ls_slice seg;
    if (to < from || !ls_slice_sub(s, from, to - from, &seg)) return false;
    for (size_t at = 0;;) {
        size_t hit = ls_slice_find(seg, at, close.ptr, close.len);
        if (hit == SIZE_MAX) return false;
        if (hit == 0 ? from == 0 || ls_slice_at(s, from - 1) == '\n' : ls_slice_at(seg, hit - 1) == '\n')
            return true;
        at = hit + 1;
    }
}

/* The boundary of the multipart Content-Type in the header block of the
 * message starting at `after` (the line after its separator), into b. */
static bool message_boundary(struct ls_slice s, size_t after, size_t end, struct ls_buf *b)
{
    struct ls_slice msg, hdr, body, ctype;
    if (end < after || !ls_slice_sub(s, after, end - after, &msg)) return false;
    if (msg.len > MBOX_HEADER_SCAN) msg.len = MBOX_HEADER_SCAN;
    if (!mime_split_headers(msg, &hdr, &body) || !mime_find_field(hdr, "content-type", &ctype)) return false;
    char type[16];
    mime_media_type(ctype, type, sizeof type);
    return strncmp(type, "multipart/", 10) == 0 && mime_param_exact(ctype, "boundary", b) && b->len;
}

static size_t open_multipart_end(struct ls_slice s, size_t after, size_t end)
{
    if (end >= s.len) return end;
    struct ls_buf b, close, other;
    ls_buf_init(&b, 256);
    ls_buf_init(&close, 262);
    ls_buf_init(&other, 256);
    size_t out = end;
    if (message_boundary(s, after, end, &b) && ls_buf_adds(&close, "--") == LS_OK &&
        ls_buf_add(&close, b.ptr, b.len) == LS_OK && ls_buf_adds(&close, "--") == LS_OK &&
        !close_delim_in(s, after, end, ls_buf_slice(&close))) {
        size_t cur = end;
        for (unsigned k = 0; k < MBOX_OPEN_SEGMENTS && cur < s.len && cur - end <= MBOX_OPEN_LOOK; k++) {
            size_t eol = mbox_line_end(s, cur);
            size_t start = eol < s.len ? eol + 1 : s.len;
            size_t next = next_separator(s, start, false);
            /* a message of its own that declares the same boundary (a
             * writer's fixed one, Gnus's "=-=-=") closes its own multipart:
             * the open message before it was cut, not continued */
            ls_buf_reset(&other);
            if (message_boundary(s, start, next, &other) && other.len == b.len &&
                memcmp(other.ptr, b.ptr, b.len) == 0)
                break;
            if (close_delim_in(s, cur, next, ls_buf_slice(&close))) {
                out = next;
                break;
            }
            cur = next;
        }
    }
    ls_buf_free(&b);
    ls_buf_free(&close);
    ls_buf_free(&other);
    return out;
}

/* A line of four ^A (MMDF's delimiter), CR before the LF allowed. */
static bool mmdf_delim(struct ls_slice s, size_t i)
{
    size_t eol = mbox_line_end(s, i);
    size_t n = eol - i;
    if (n == 5 && s.ptr[i + 4] == '\r') n = 4;
    return n == 4 && memcmp(s.ptr + i, "\1\1\1\1", 4) == 0;
}

static ls_err mmdf_extract(struct ls_ctx *c, struct ls_object *o, struct ls_slice s)
{
    unsigned long n = 0;
    size_t start = 0, i = 0;
    while (i <= s.len) {
        bool delim = i < s.len && mmdf_delim(s, i);
        if (delim || i == s.len) {
            struct ls_slice m;
            (void)ls_slice_sub(s, start, i - start, &m);
            if (!blank(m)) {
                if (++n > MBOX_MAX_MESSAGES) return LS_E_LIMIT;
                if (ls_ctx_expired(c)) return LS_E_TIMEOUT;
                bool cut = i == s.len && last_line_cut(s);
                if (cut) ls_note(c, o, LS_R_TRUNCATED, "mbox: ends without a line break, inside message %lu", n);
                LS_TRY(emit_message(c, o, m, n, cut));
            }
            if (i == s.len) break;
        }
        size_t eol = mbox_line_end(s, i);
        i = eol < s.len ? eol + 1 : s.len;
        if (delim) start = i;
        if (i == s.len && delim) break;
    }
    return LS_OK;
}

/* ---- Dovecot dbox (src/lib-storage/index/dbox-common/dbox-file.h) ---- */

#define DBOX_MSG_HDR_MIN 30u /* "\1\2N " + 8 hex + " " + 16 hex + "\n" */

static int hexval(int ch)
{
    return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                                               : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

/* n hex digits at s[i..]: the value, or UINT64_MAX if any is not hex */
static uint64_t hexnum(struct ls_slice s, size_t i, size_t n)
{
    uint64_t v = 0;
    if (i > s.len || s.len - i < n || n > 16) return UINT64_MAX;
    for (size_t k = 0; k < n; k++) {
        int h = hexval(s.ptr[i + k]);
        if (h < 0) return UINT64_MAX;
        v = v << 4 | (uint64_t)h;
    }
    return v;
}

/* The file header line "2 M1e C5087d3c1\n": its end (after the LF) and the
 * message header size, or false. */
static bool dbox_header(struct ls_slice s, size_t *body, size_t *msg_hdr)
{
    if (s.len < 4 || s.ptr[0] != '2' || s.ptr[1] != ' ') return false;
    size_t eol = mbox_line_end(s, 0);
    if (eol >= s.len || eol > 256) return false;
    size_t m = DBOX_MSG_HDR_MIN;
    for (size_t i = 2; i < eol;) {
        size_t j = i;
        while (j < eol && s.ptr[j] != ' ') j++;
        if (j > i + 1 && s.ptr[i] == 'M') {
            uint64_t v = hexnum(s, i + 1, j - i - 1);
            if (v == UINT64_MAX || v < DBOX_MSG_HDR_MIN || v > 4096) return false;
            m = (size_t)v;
        }
        i = j + 1;
    }
    *body = eol + 1;
    *msg_hdr = m;
    return s.len - *body >= 3 && memcmp(s.ptr + *body, "\1\2", 2) == 0;
}

static ls_err dbox_extract(struct ls_ctx *c, struct ls_object *o, struct ls_slice s, size_t pos, size_t mh)
{
    unsigned long n = 0;
    while (pos < s.len) {
        if (blank(ls_slice_make(s.ptr + pos, s.len - pos))) break;
        uint64_t size = s.len - pos >= mh ? hexnum(s, pos + 13, 16) : UINT64_MAX;
        if (memcmp(s.ptr + pos, "\1\2", s.len - pos < 2 ? s.len - pos : 2) != 0 || size == UINT64_MAX ||
            s.ptr[pos + mh - 1] != '\n') {
            /* not a message header: look for the next one */
            size_t next = ls_slice_find(s, pos + 1, "\n\1\2", 3);
            ls_note(c, o, LS_R_PARSE_ERROR, "dbox: no message header at offset %zu", pos);
            if (next == SIZE_MAX) break;
            pos = next + 1;
            continue;
        }
        if (++n > MBOX_MAX_MESSAGES) return LS_E_LIMIT;
        if (ls_ctx_expired(c)) return LS_E_TIMEOUT;
        size_t start = pos + mh;
        bool cut = size > s.len - start;
        size_t len = cut ? s.len - start : (size_t)size;
        char name[32];
        struct ls_child ch;
        memset(&ch, 0, sizeof ch);
        int nl = snprintf(name, sizeof name, "msg-%lu", n);
        ch.name = name;
        ch.name_len = nl > 0 ? (size_t)nl : 0;
        ch.data = ls_slice_make(s.ptr + start, len);
        if (cut) {
            ch.flags = LS_CHILD_TRUNCATED;
            ch.tags[0] = LS_R_TRUNCATED;
            ch.error = "dbox: the file ends before the message's declared size";
            ls_note(c, o, LS_R_TRUNCATED, "dbox: the file ends inside message %lu", n);
        }
        LS_TRY(ls_emit_child(c, o, &ch));
        if (cut) break;
        pos = start + len;
        /* the metadata block: "\n\1\3\n", "Kvalue" lines, an empty line */
        if (s.len - pos >= 4 && memcmp(s.ptr + pos, "\n\1\3\n", 4) == 0) {
            pos += 4;
            while (pos < s.len) {
                size_t eol = mbox_line_end(s, pos);
                bool empty = eol == pos;
                pos = eol < s.len ? eol + 1 : s.len;
                if (empty) break;
            }
        }
    }
    return LS_OK;
}

/* ---- BSMTP (batch SMTP: RFC 2442's application/batch-SMTP, exim's and
 * sendmail's -bS input, queue files that spam traps keep) ----
 *
 * SMTP commands before each message: "HELO x", "MAIL FROM:<a>", "RCPT
 * TO:<b>", "DATA", then the message with its lines dot-stuffed (RFC 5321
 * 4.5.2: a line starting with "." has another put before it) and a line
 * "." after it, then the next transaction or "QUIT". SpamAssassin's test
 * file was read as HTML: the message's headers and encoded body raw. */

#define BSMTP_LOOK 64u /* command lines before the first DATA */

static bool word_ci(struct ls_slice line, const char *w)
{
    size_t n = strlen(w);
    if (line.len < n) return false;
    for (size_t k = 0; k < n; k++) {
        int a = line.ptr[k];
        if (a >= 'a' && a <= 'z') a -= 'a' - 'A';
        if (a != w[k]) return false;
    }
    return true;
}

/* The line at i without its line end; *next the start of the next line. */
static struct ls_slice bsmtp_line(struct ls_slice s, size_t i, size_t *next)
{
    size_t eol = mbox_line_end(s, i);
    *next = eol < s.len ? eol + 1 : s.len;
    struct ls_slice l = {s.ptr, 0};
    (void)ls_slice_sub(s, i, eol - i, &l);
    if (l.len && l.ptr[l.len - 1] == '\r') l.len--;
    return l;
}

static bool bsmtp_data(struct ls_slice l)
{
    while (l.len && (l.ptr[l.len - 1] == ' ' || l.ptr[l.len - 1] == '\t')) l.len--;
    return l.len == 4 && word_ci(l, "DATA");
}

/* An SMTP command a batch holds around its messages. */
static bool bsmtp_command(struct ls_slice l)
{
    static const char *const cmds[] = {"HELO ", "EHLO ", "LHLO ", "MAIL FROM:", "RCPT TO:", "XFORWARD ",
                                       "XCLIENT ", "RSET", "NOOP", "QUIT"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (word_ci(l, cmds[i])) return true;
    return false;
}

/* A batch: a HELO/EHLO/LHLO or MAIL FROM first, command lines only up to a
 * DATA line, and after it a header field or a "From " line. */
static bool bsmtp_start(struct ls_slice s)
{
    size_t i = 0, next;
    struct ls_slice l;
    if (!word_ci(s, "HELO ") && !word_ci(s, "EHLO ") && !word_ci(s, "LHLO ") && !word_ci(s, "MAIL FROM:"))
        return false;
    for (unsigned n = 0; n < BSMTP_LOOK && i < s.len; n++) {
        l = bsmtp_line(s, i, &next);
        if (bsmtp_data(l)) {
            struct ls_slice m;
            return next < s.len && ls_slice_from(s, next, &m) &&
                   (header_line(m, 0) || ls_slice_starts(m, "From ", 5));
        }
        if (!bsmtp_command(l)) return false;
        i = next;
    }
    return false;
}

/* One message from pos (the line after DATA): dot-unstuffed into out, up
 * to its "." line; *next after that line (s.len and *cut without one). */
static ls_err bsmtp_message(struct ls_slice s, size_t pos, struct ls_buf *out, size_t *next, bool *cut)
{
    size_t i = pos;
    *cut = true;
    *next = s.len;
    bool first = true;
    while (i < s.len) {
        size_t after;
        struct ls_slice l = bsmtp_line(s, i, &after);
        if (l.len == 1 && l.ptr[0] == '.') {
            *cut = false;
            *next = after;
            return LS_OK;
        }
        /* the mailbox separator some batches keep ("From x Fri Aug 31
         * 13:39:16 2001"): the envelope's sender, not a header field */
        bool sep = first && ls_slice_starts(l, "From ", 5) && from_line_ok(s, i, mbox_line_end(s, i), true);
        first = false;
        if (!sep) {
            size_t from = ls_slice_at(s, i) == '.' ? i + 1 : i;
            struct ls_slice keep = {s.ptr, 0};
            (void)ls_slice_sub(s, from, after - from, &keep);
            LS_TRY(ls_buf_add(out, keep.ptr, keep.len));
        }
        i = after;
    }
    return LS_OK;
}

static ls_err bsmtp_extract(struct ls_ctx *c, struct ls_object *o, struct ls_slice s)
{
    unsigned long n = 0;
    size_t i = 0;
    bool junk = false;
    while (i < s.len) {
        size_t next;
        struct ls_slice l = bsmtp_line(s, i, &next);
        if (!bsmtp_data(l)) {
            if (!junk && l.len && !bsmtp_command(l) && !blank(l)) {
                junk = true;
                ls_note(c, o, LS_R_PARSE_ERROR, "bsmtp: a line at offset %zu is no SMTP command", i);
            }
            /* the envelope (HELO host, MAIL FROM and RCPT TO addresses)
             * is the batch's own text: the file is not scanned raw */
            if (!blank(l)) {
                LS_TRY(ls_emit_text(c, o, l.ptr, l.len));
                LS_TRY(ls_emit_text(c, o, "\n", 1));
            }
            i = next;
            continue;
        }
        if (++n > MBOX_MAX_MESSAGES) return LS_E_LIMIT;
        if (ls_ctx_expired(c)) return LS_E_TIMEOUT;
        struct ls_buf b;
        ls_buf_init(&b, s.len - next);
        bool cut = false;
        ls_err e = bsmtp_message(s, next, &b, &next, &cut);
        if (e == LS_OK) {
            char name[32];
            struct ls_child ch;
            message_child(&ch, name, ls_buf_slice(&b), n, cut,
                          "bsmtp: the batch ends inside this message (no \".\" line after it)");
            if (cut) ls_note(c, o, LS_R_TRUNCATED, "bsmtp: the batch ends inside message %lu", n);
            e = ls_emit_child(c, o, &ch);
        }
        ls_buf_free(&b);
        LS_TRY(e);
        i = next;
    }
    return LS_OK;
}

static ls_err mbox_walk(struct ls_ctx *c, struct ls_object *o, struct ls_slice s);

static ls_err mbox_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_slice s = skip_bom(o->data);
    if (!mime_cr_lines(s, MBOX_CR_LOOK)) return mbox_walk(c, o, s);
    struct ls_buf b;
    ls_buf_init(&b, s.len);
    ls_err e = mime_add_cr_as_lf(&b, s);
    if (e == LS_OK) {
        ls_note(c, o, NULL, "mbox: classic Mac OS line ends (CR), read as LF");
        e = mbox_walk(c, o, ls_buf_slice(&b));
    }
    ls_buf_free(&b);
    return e;
}

static ls_err mbox_walk(struct ls_ctx *c, struct ls_object *o, struct ls_slice s)
{
    size_t dbox_body, dbox_mh;
    if (dbox_header(s, &dbox_body, &dbox_mh)) return dbox_extract(c, o, s, dbox_body, dbox_mh);
    if (mmdf_delim(s, 0)) return mmdf_extract(c, o, s);
    if (bsmtp_start(s)) return bsmtp_extract(c, o, s);
    size_t sep = next_separator(s, 0, true);
    if (sep > 0) {
        struct ls_slice lead;
        (void)ls_slice_sub(s, 0, sep, &lead);
        if (!blank(lead)) {
            ls_note(c, o, LS_R_PARSE_ERROR, "mbox: %zu bytes before the first \"From \" line", sep);
            struct ls_child ch;
            memset(&ch, 0, sizeof ch);
            ch.name = "msg-0";
            ch.name_len = 5;
            ch.data = lead;
            LS_TRY(ls_emit_child(c, o, &ch));
        }
    }
    unsigned long n = 0;
    while (sep < s.len) {
        if (++n > MBOX_MAX_MESSAGES) return LS_E_LIMIT;
        if (ls_ctx_expired(c)) return LS_E_TIMEOUT;
        size_t after = mbox_line_end(s, sep);
        after = after < s.len ? after + 1 : s.len;
        size_t end = next_separator(s, after, false);
        size_t cl_end = content_length_end(s, after);
        if (cl_end != SIZE_MAX && cl_end > end) end = cl_end; /* a "From " line inside an mboxcl2 body */
        else if (cl_end == SIZE_MAX) end = open_multipart_end(s, after, end);
        /* A cut inside the last message's header block or single-part
         * body shows no other sign (mime finds missing boundaries). A saved
         * message (.eml: one message, mutt's and Thunderbird's "From " line
         * first) is judged as an .eml without it is: by its MIME only. */
        bool saved = n == 1 && end == s.len && o->ext && strcmp(o->ext, "eml") == 0;
        bool cut = end == s.len && !saved && last_line_cut(s);
        if (cut)
            ls_note(c, o, LS_R_TRUNCATED, "mbox: ends without a line break, inside message %lu", n);
        LS_TRY(emit_message(c, o, message_slice(s, sep, end), n, cut));
        sep = end;
    }
    return LS_OK;
}

static int mbox_probe(const struct ls_object *o)
{
    struct ls_slice s = skip_bom(o->data);
    uint8_t head[4096];
    if (mime_cr_lines(s, MBOX_CR_LOOK)) { /* judge the first lines as LF ones */
        struct ls_buf b;
        ls_buf_init(&b, sizeof head);
        struct ls_slice first = s;
        if (first.len > sizeof head) first.len = sizeof head;
        bool ok = mime_add_cr_as_lf(&b, first) == LS_OK;
        size_t n = ok ? b.len : 0;
        if (n) memcpy(head, b.ptr, n);
        ls_buf_free(&b);
        s = ls_slice_make(head, n);
    }
    size_t eol = mbox_line_end(s, 0), db, dm;
    if (dbox_header(s, &db, &dm)) return 90;
    if (mmdf_delim(s, 0)) return eol < s.len && header_line(s, eol + 1) ? 90 : 0;
    if (bsmtp_start(s)) return 90;
    if (!from_line_ok(s, 0, eol, true)) return 0;
    bool hint = (o->ext && strcmp(o->ext, "mbox") == 0) ||
                (o->mime && strcmp(o->mime, "application/mbox") == 0);
    if (eol < s.len && header_line(s, eol + 1)) return 90;
    return hint ? 60 : 0; /* "From 9:30 to 11:00 ..." in a text file is not mail */
}

const struct ls_handler ls_handler_mbox = {
    .name = "mbox",
    .probe = mbox_probe,
    .extract = mbox_extract,
};
