/*
 * Text encoding detection and conversion for the "text" handler (text.c),
 * exposed for unit tests and for handlers that meet bare text.
 */
#ifndef LS_TEXT_H
#define LS_TEXT_H

#include "core/ls_core.h"

enum ls_text_enc {
    LS_TEXT_UTF8,    /* valid UTF-8 or ASCII (possibly with a BOM) */
    LS_TEXT_UTF16LE,
    LS_TEXT_UTF16BE,
    LS_TEXT_UTF32LE, /* with a BOM, or mostly-BMP text with zero bytes in their places */
    LS_TEXT_UTF32BE,
    LS_TEXT_CP1252,  /* 8-bit text that is not UTF-8: Windows-1252 / Latin-1 */
    LS_TEXT_SJIS,    /* Japanese Shift_JIS (Windows code page 932), by its kana */
    LS_TEXT_EUCJP,   /* Japanese EUC-JP, by its kana */
    LS_TEXT_CP1251,  /* Cyrillic pages, by the frequencies of Russian letters */
    LS_TEXT_KOI8R,
    LS_TEXT_CP866,
    LS_TEXT_ISO8859_5,
    LS_TEXT_MACCYR,  /* x-mac-cyrillic */
    LS_TEXT_CP1253,  /* Greek */
    LS_TEXT_ISO8859_7,
    LS_TEXT_CP1255,  /* Hebrew */
    LS_TEXT_ISO8859_8,
    LS_TEXT_CP1256,  /* Arabic */
    LS_TEXT_ISO8859_6,
    LS_TEXT_CP874,   /* Thai (TIS-620) */
    LS_TEXT_GBK,     /* Chinese GBK / GB2312 / GB18030, by its common characters */
    LS_TEXT_BIG5,    /* Chinese Big5 (cp950) */
    LS_TEXT_EUCKR,   /* Korean EUC-KR / UHC (cp949) */
    LS_TEXT_CP1250,  /* Central European: by letters Windows-1252 reads as symbols */
    LS_TEXT_ISO8859_2,
    LS_TEXT_BINARY,  /* not text */
};

/* Guess the encoding of s. *bom_len gets the length of a byte-order mark
 * (0 if none). BOM-less UTF-16 is recognised by the share of zero bytes at
 * odd (LE) or even (BE) offsets in the first 4 KiB, BOM-less UTF-32 by its
 * two high bytes of every four being zero. 8-bit text that is not UTF-8 is
 * Shift_JIS or EUC-JP when, in its first 64 KiB, every byte over 0x7F forms
 * a character of that encoding and at least one character in ten is a kana
 * or Japanese punctuation (what no European text in Windows-1252 has).
 * Other 8-bit text is judged on its first 8 KiB: GBK, Big5 or EUC-KR by
 * their structure and most common characters, then the Cyrillic, Greek,
 * Hebrew, Arabic and Thai single-byte pages by letter frequencies, then
 * windows-1250 and ISO-8859-2 by letters Windows-1252 reads as symbols
 * (text.c says how); when none is clearly right, Windows-1252. */
enum ls_text_enc ls_text_detect(struct ls_slice s, size_t *bom_len);

/* Append s (without BOM) converted from enc to UTF-8. LS_E_LIMIT when out
 * is full (what fit is kept). UTF-8 input is copied with invalid bytes
 * replaced; a UTF-32 unit out of range becomes U+FFFD, a trailing part of
 * one is dropped. */
LS_WUR ls_err ls_text_convert(struct ls_slice s, enum ls_text_enc enc, struct ls_buf *out);

/* Length of the longest prefix of s, at most max, that does not end in the
 * middle of a UTF-16 code unit or surrogate pair (for chunked conversion). */
size_t ls_text_utf16_cut(struct ls_slice s, size_t max, bool big_endian);

/* UTF-16 or UTF-32: the text needs two or four bytes a character. */
bool ls_text_wide(enum ls_text_enc enc);

/* ls_text_utf16_cut() for any encoding: whole UTF-16 pairs, whole UTF-32
 * units, any byte for the rest. */
size_t ls_text_cut(struct ls_slice s, size_t max, enum ls_text_enc enc);

struct ls_ctx;
struct ls_object;
/* UTF-8 text the raw-byte scan reads as it is (text, csv): each line that
 * holds what rules cannot match (full-width digits, no-break spaces, ...:
 * ls_utf8_fold_lossy) is added folded to the object's labels, so the value
 * is found; every other line is left to the raw scan. */
ls_err ls_text_fold_lines(struct ls_ctx *c, struct ls_object *o, struct ls_slice u8);

#endif
