/* Helpers shared by the zip-based document handlers (ooxml, odf): how much
 * of one package part to read, which coverage reason a damaged part gives,
 * and the numbers of numbered lists, which no run of text holds. */
#ifndef LS_DOCPART_H
#define LS_DOCPART_H

#include "core/handler.h"

/* Bytes one part may take: the spill threshold, or what the root's budget
 * has left if that is less. */
size_t ls_docpart_max(const struct ls_ctx *c);
/* The coverage reason for a part that could not be read or parsed. */
const char *ls_docpart_reason(ls_err e);

/* A part that could not be read or parsed: noted on o as "WHO: NAME: WHAT
 * (error)" with ls_docpart_reason(e); *result keeps the first error (the
 * package is then partial). */
void ls_docpart_member_error(struct ls_ctx *c, struct ls_object *o, ls_err *result, const char *who,
                             const char *name, ls_err e, const char *what);
/* Read member i of z (named name) into part (reset first), at most
 * ls_docpart_max() bytes; *err: how it went. Damage is noted as above
 * and keeps what was read (true); false when nothing usable came (an
 * encrypted member, an empty damaged one, LS_E_NOMEM, LS_E_TIMEOUT). */
struct ls_zip;
bool ls_docpart_read(struct ls_ctx *c, struct ls_object *o, ls_err *result, const char *who, struct ls_zip *z,
                     size_t i, const char *name, struct ls_buf *part, ls_err *err);

/* Whether a package member's bytes are an AppleDouble file (00 05 16 07):
 * the resource fork macOS Finder's "Compress" adds as __MACOSX/._NAME,
 * named like the part it describes (._sheet1.xml) but no part, no XML. */
bool ls_docpart_appledouble(struct ls_slice data);

/* ---- List numbers ----
 * A numbered paragraph's label ("3.", "(iv)", "Article 2.1", "第2条") is
 * made by the reader from the list's level definitions, not stored in the
 * text. A list has LS_LIST_LEVELS levels; each level's template holds
 * literal text and %1..%9, the current number of that level in that
 * level's format (Word's w:lvlText; ODF's prefix, display levels and
 * suffix are turned into one). */
#define LS_LIST_LEVELS 9u
#define LS_LIST_TEXT 48u /* bytes of a level's template kept (Word: 255 characters) */

enum ls_listfmt {
    LS_LF_DECIMAL,
    LS_LF_DECIMAL_ZERO, /* 01, 02 .. 10 */
    LS_LF_LOWER_ROMAN,
    LS_LF_UPPER_ROMAN,
    LS_LF_LOWER_LETTER, /* a .. z, aa .. zz, aaa */
    LS_LF_UPPER_LETTER,
    LS_LF_NONE,         /* no number: the template's literal text only */
    LS_LF_BULLET,       /* a bullet or picture: no label at all */
    LS_LF_ORDINAL,      /* 1st, 2nd, 3rd, 4th (English suffixes) */
};

struct ls_listlvl {
    uint32_t start;
    uint8_t fmt;             /* enum ls_listfmt */
    bool legal;              /* every level's number in decimal (Word's isLgl) */
    uint8_t restart;         /* when a shallower level's paragraph restarts this
                              * one: 0 always (the default), 1 never (Word's
                              * lvlRestart 0), k + 1 only at levels 0..k-1
                              * (lvlRestart k, k = 1..9) */
    char text[LS_LIST_TEXT]; /* NUL-terminated template */
};

/* The counters of one list; zeroed means nothing counted yet. */
struct ls_listctr {
    uint32_t cur[LS_LIST_LEVELS];
    uint16_t started; /* bit i: level i has a current number */
};

/* n in format f into out (NUL-terminated, at most cap - 1 bytes; cap >= 1);
 * returns the length. Roman numerals past 3999 and letters past 780 (zzz..)
 * are written in decimal. */
size_t ls_docpart_list_number(uint32_t n, enum ls_listfmt f, char *out, size_t cap);
/* Count one paragraph at level lvl (deeper levels restart as their
 * restart field says) and write its
 * label into out as ls_docpart_list_number() does; returns its length, 0
 * for a bullet, an empty template or a level past the last. */
size_t ls_docpart_list_next(const struct ls_listlvl *lv, struct ls_listctr *ctr, unsigned lvl,
                            char *out, size_t cap);
/* Word: a paragraph at level lvl gives every shallower level not counted
 * yet its start value, so a skipped level counts on from there ("2",
 * "2.a.I", then "2.b"; Tika's testWORD_override_list_numbering). Call
 * before ls_docpart_list_next(). */
void ls_docpart_list_fill(const struct ls_listlvl *lv, struct ls_listctr *ctr, unsigned lvl);

#endif
