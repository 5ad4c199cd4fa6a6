/*
 * MIME decoding helpers shared by the mail handlers (mime, mbox, tnef, pst):
 * content transfer encodings (RFC 2045 sections 6.7 and 6.8), encoded words
 * (RFC 2047), parameter values (RFC 2045 section 5.1, RFC 2231), charsets
 * to UTF-8, and header-block splitting (RFC 5322 section 2.2).
 *
 * Every function reads its input through a slice and appends to a caller
 * owned ls_buf; on LS_E_LIMIT the buffer keeps what fit. Input is hostile:
 * all decoders are lenient (junk skipped or kept literally) and never fail
 * on malformed data, only on the output buffer's cap or memory.
 */
#ifndef LS_MIME_DECODE_H
#define LS_MIME_DECODE_H

#include "core/ls_core.h"

/* Charsets converted without iconv (glibc's iconv loads gconv modules from
 * disk, which the worker sandbox forbids): the ones below, and every
 * single-byte code page of the core tables (ls_codepage_*: windows-125x,
 * iso-8859-x, koi8-r/u, ibm866, macintosh ...) as MIME_CS_CODEPAGE + its
 * Windows code page number (the multibyte ones included: Shift-JIS, GBK,
 * Big5, EUC-*, ISO-2022-JP), and the 7-bit ISO-2022-KR and HZ through the
 * EUC-KR and GBK tables. Others are UNKNOWN. */
enum mime_charset {
    MIME_CS_NONE = 0, /* no charset given: UTF-8 if valid, else windows-1252 */
    MIME_CS_UTF8,
    MIME_CS_ASCII,
    MIME_CS_LATIN1,
    MIME_CS_CP1252,
    MIME_CS_UTF16,    /* BOM decides; without one the zero bytes (BE by RFC 2781 on a tie) */
    MIME_CS_UTF16LE,
    MIME_CS_UTF16BE,
    MIME_CS_UNKNOWN,  /* converted as lossy UTF-8; callers note it */
    MIME_CS_UTF7,     /* RFC 2152 (Outlook 2000 and Outlook Express wrote it) */
    MIME_CS_ISO2022KR, /* RFC 1557: 7-bit EUC-KR between SO and SI (Korean mail) */
    MIME_CS_HZ,       /* RFC 1843: 7-bit GB 2312 between "~{" and "~}" (Usenet) */
    /* MIME_CS_CODEPAGE + N: the core table of Windows code page N
     * (ls_codepage_by_number(N)); see mime_cs_codepage(). */
    MIME_CS_CODEPAGE = 0x10000,
};

/* The code page table of cs, or NULL if cs is not MIME_CS_CODEPAGE + N. */
const struct ls_codepage *mime_cs_codepage(enum mime_charset cs);

/* Charset by (case-insensitive) name, aliases included; "" gives NONE. */
enum mime_charset mime_charset_lookup(struct ls_slice name);
/* Append in, encoded in cs, to out as UTF-8 (invalid input -> U+FFFD). */
LS_WUR ls_err mime_to_utf8(struct ls_buf *out, struct ls_slice in, enum mime_charset cs);

/* Base64, lenient: bytes outside the alphabet are skipped, decoding stops at
 * the first '=', a missing pad is tolerated (a lone trailing sextet is
 * dropped). */
LS_WUR ls_err mime_b64_decode(struct ls_buf *out, struct ls_slice in);
/* The same for a transfer-encoded body, which may be several separately
 * padded chunks (encoders that flush per buffer write "...=\r\nQUJD...");
 * after padding, decoding goes on at the next line that is base64 alone
 * (a footer or signature line after it ends the body as before). */
LS_WUR ls_err mime_b64_decode_chunks(struct ls_buf *out, struct ls_slice in);
/* Quoted-printable. q_words: RFC 2047 "Q" encoding ('_' is a space, no soft
 * line breaks). Malformed "=" escapes are kept literally; trailing
 * whitespace before a line break is kept (harmless for scanning). */
LS_WUR ls_err mime_qp_decode(struct ls_buf *out, struct ls_slice in, bool q_words);

/* Decode an unstructured header value (already unfolded or not: CR/LF are
 * dropped) into UTF-8: RFC 2047 encoded words in B and Q (adjacent words
 * joined, so a character split across words survives) in any charset
 * mime_charset_lookup() knows, other bytes as UTF-8 if valid, else
 * windows-1252. *unknown_cs (may be NULL) is set when an
 * encoded word named a charset that is not supported. */
LS_WUR ls_err mime_header_decode(struct ls_buf *out, struct ls_slice in, bool *unknown_cs);
/* The same, with raw 8-bit text that is not UTF-8 (outside encoded words)
 * read in raw_cs instead of windows-1252 (MIME_CS_NONE: as above). Mailers
 * that write header fields in 8 bits write them in the charset of the
 * message's text (Shift_JIS names, windows-1251 subjects). */
LS_WUR ls_err mime_header_decode_raw(struct ls_buf *out, struct ls_slice in, bool *unknown_cs,
                                     enum mime_charset raw_cs);
/* The charset for raw 8-bit header text of a message whose text is in cs:
 * cs itself when it is a legacy 8-bit one (code pages, Latin-1); Shift_JIS
 * for ISO-2022-JP, EUC-KR for ISO-2022-KR, GBK for HZ (their 8-bit forms);
 * else MIME_CS_NONE. */
enum mime_charset mime_raw_header_charset(enum mime_charset cs);

/* ---- header block ---- */

/* Split a message (or body part) at the first empty line, or at a line
 * that is neither a field nor a continuation with no field after it before
 * an empty or "--" line (the body of a copy that lost its empty line; that
 * line is the body's first). hdr: the header lines (without the empty
 * line); body: what follows. Returns false when the header block never
 * ended (then hdr is everything, body is empty). A part that starts with an
 * empty line has empty headers. */
bool mime_split_headers(struct ls_slice msg, struct ls_slice *hdr, struct ls_slice *body);

/* Iterate over header fields: *pos starts at 0. On true, name is the field
 * name and value the raw, still folded value after the colon (a name alone
 * on its line whose colon opens the folded next line is a field too). Lines
 * that are not fields (no colon, bad name) are skipped and counted in *junk
 * (may be NULL). */
bool mime_next_field(struct ls_slice hdr, size_t *pos, struct ls_slice *name,
                     struct ls_slice *value, unsigned *junk);

/* First field named name (case-insensitive); false if absent. */
bool mime_find_field(struct ls_slice hdr, const char *name, struct ls_slice *value);

/* Append value unfolded: CR and LF dropped, runs of whitespace kept. */
LS_WUR ls_err mime_unfold(struct ls_buf *out, struct ls_slice value);

/* Media type of a Content-Type value, lower-cased, into out (size n, NUL
 * terminated; "" if unparsable): "text/plain". */
void mime_media_type(struct ls_slice value, char *out, size_t n);
/* Disposition type ("attachment", "inline", ""), lower-cased. */
void mime_disposition(struct ls_slice value, char *out, size_t n);

/* Parameter value of a Content-Type / Content-Disposition value, decoded to
 * UTF-8: quoted strings unescaped, RFC 2231 continuations (name*0, name*1*)
 * joined and percent-decoded with their charset, RFC 2047 words inside the
 * value decoded (Outlook writes them). Returns false when absent. */
bool mime_param(struct ls_slice value, const char *param, struct ls_buf *out);
/* The same, raw 8-bit bytes of a plain value read as mime_header_decode_raw()
 * reads them. */
bool mime_param_raw(struct ls_slice value, const char *param, struct ls_buf *out,
                    enum mime_charset raw_cs);

/* A plain parameter's value exactly as written (quotes and quoted-pair
 * escapes removed, nothing trimmed, no RFC 2047 word decoded): a multipart
 * boundary, whose trailing spaces are part of it (RFC 2046 5.1.1). RFC 2231
 * sections are read as mime_param() reads them. */
bool mime_param_exact(struct ls_slice value, const char *param, struct ls_buf *out);

/* Case-insensitive ASCII comparison of a slice with a C string. */
bool mime_slice_ieq(struct ls_slice s, const char *str);
/* False for charset names whose ASCII bytes do not mean ASCII (UTF-7,
 * EBCDIC pages): text in them that happens to be valid UTF-8 is not
 * necessarily what it says. */
bool mime_charset_ascii_safe(struct ls_slice name);
bool mime_slice_istarts(struct ls_slice s, const char *prefix);

/* uuencoded files ("begin NNN name" ... "end"), as mail bodies and .uue
 * files carry them. mime_uu_begin(): whether line is a begin line; *name
 * gets the file name. mime_uu_decode(): decode the lines from *pos to the
 * terminating "`" / "end" / empty line into out, *pos past them; returns
 * whether that terminator was seen (false: the text ended first, or *e was
 * set by out's cap or memory). */
bool mime_uu_begin(struct ls_slice line, struct ls_slice *name);
bool mime_uu_decode(struct ls_slice text, size_t *pos, struct ls_buf *out, ls_err *e);

/* yEnc (yenc.org 1.3; Usenet binaries, pasted into mail bodies):
 * mime_yenc_begin(): whether line is a "=ybegin ... name=N" line; *name gets
 * the name (the rest of the line after "name=", as the spec says).
 * mime_yenc_decode(): decode the lines from *pos up to "=yend" into out, *pos
 * past that line ("=ypart" lines skipped); returns whether "=yend" was seen
 * (false: the text ended first, or *e was set by out's cap or memory). */
bool mime_yenc_begin(struct ls_slice line, struct ls_slice *name);
bool mime_yenc_decode(struct ls_slice text, size_t *pos, struct ls_buf *out, ls_err *e);
/* A number parameter of a "=ybegin" line ("size", "part", "total"), 0 if
 * absent (or after "name=", which runs to the end of the line). */
uint64_t mime_yenc_param(struct ls_slice line, const char *key);

/* BinHex 4.0 (RFC 1741; classic Mac OS mail attachments, .hqx):
 * "(This file must be converted with BinHex 4.0)", then the 6-bit text
 * between two ':', run-length coded (0x90), then the header (name, type,
 * creator, flags, fork lengths, CRC) and the data fork. Returns
 * MIME_HQX_NONE when in holds no BinHex header that checks out (its CRC);
 * else out gets the data fork (as far as it is there) and name the file
 * name the header gives: MIME_HQX_WHOLE when the fork is all there, its
 * CRC right and the closing ':' seen, MIME_HQX_CUT otherwise. The decoded
 * stream is held to out's cap (*e LS_E_LIMIT past it). The resource fork
 * is not returned. */
enum mime_hqx { MIME_HQX_NONE, MIME_HQX_WHOLE, MIME_HQX_CUT };
enum mime_hqx mime_binhex_decode(struct ls_slice in, struct ls_buf *out, struct ls_buf *name, ls_err *e);

/* Alerts for an attachment file name a mail client would save under (mime,
 * tnef, msg): LS_A_PATH_TRAVERSAL for a ".." component (either separator),
 * LS_A_ABSOLUTE_PATH for a leading separator or drive letter, LS_A_BAD_NAME
 * for a control or bidi character (ls_name_has_control(): NUL, newline,
 * U+202E that shows "invoice<RLO>fdp.exe" as "invoiceexe.pdf"). Appends to
 * tags (NULL-ended, LS_CHILD_MAX_TAGS entries) from *n on; returns *n. */
unsigned mime_name_alerts(struct ls_slice name, const char **tags, unsigned *n);

/* A Windows FILETIME (100 ns ticks since 1601-01-01 UTC), as Outlook
 * stores send and delivery times, appended to out as an RFC 5322 date
 * ("Wed, 26 Feb 2014 07:51:02 +0000"). False (nothing written) for 0 and
 * for times outside the years 1970..9999 (unset or damaged values). */
bool mime_filetime_date(struct ls_buf *out, uint64_t filetime);

/* MAPI one-off entry identifiers (a recipient outside any address book:
 * MAPI_ONE_OFF_UID, version, flags, then display name, address type and
 * address, NUL-terminated, UTF-16LE under MAPI_ONE_OFF_UNICODE (0x8000)
 * else 8-bit in cp, NULL for Windows-1252; [MS-OXCDATA] 2.2.5.1) found
 * anywhere in v (one entry id, or the values of a multi-valued binary
 * property such as a distribution list's PidLidDistributionListOneOffMembers),
 * each appended to out as "Member: NAME <ADDRESS>\n". Returns how many. */
unsigned mime_oneoff_members(struct ls_buf *out, struct ls_slice v, const struct ls_codepage *cp);

/* Classic Mac OS line ends (Eudora, Claris Emailer, Mac OS 9 "Save As"):
 * the first line break in d's first `look` bytes is a CR that no LF
 * follows, and no LF shows there at all. */
bool mime_cr_lines(struct ls_slice d, size_t look);
/* d appended to out with every CR that no LF follows made an LF. */
ls_err mime_add_cr_as_lf(struct ls_buf *out, struct ls_slice d) LS_WUR;

#endif
