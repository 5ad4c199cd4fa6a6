/*
 * Shared by the readers of record formats that gather their text and
 * labelled lines in buffers and emit them at the end (hl7, x12, ncpdp,
 * dicom, nacha, fire1099, metro2, efw2, swift, qif, ofx, x937): the final
 * emit, a labelled value, the pieces of a delimited field, the fields
 * and ends of fixed-width records, digit checks. Reads only through
 * ls_slice.
 */
#ifndef LS_EMITLAB_H
#define LS_EMITLAB_H

#include "core/ls_core.h"

struct ls_ctx;
struct ls_object;

/* A reader's end: text (if non-empty) goes to ls_emit_text(), then labels
 * (labelled lines, if non-empty) to ls_emit_labels(), and both buffers are
 * freed. Either may be NULL. Returns the text's error, else the labels'. */
LS_WUR ls_err ls_emit_done(struct ls_ctx *c, struct ls_object *o, struct ls_buf *text, struct ls_buf *labels);

/* Append label, then v, to b; nothing when v is empty. */
LS_WUR ls_err ls_lab_put(struct ls_buf *b, const char *label, struct ls_slice v);

/* Append v to b, blanks (space, tab) trimmed at both ends, control bytes
 * as blanks. */
LS_WUR ls_err ls_lab_clean(struct ls_buf *b, struct ls_slice v);

/* Append "\t<label>: " and v as ls_lab_clean() does; nothing when v is
 * empty or all blanks. */
LS_WUR ls_err ls_lab_line(struct ls_buf *b, const char *label, struct ls_slice v);

/* Append s[off, off + n) to b; nothing when it is not all in s. */
LS_WUR ls_err ls_add_sub(struct ls_buf *b, struct ls_slice s, size_t off, size_t n);

/* The n-th (0-based) piece of s cut at byte sep (an HL7 field or
 * component, an X12 element), or an empty slice. */
struct ls_slice ls_piece(struct ls_slice s, uint8_t sep, size_t n);

/* Field [from, to] (1-based, inclusive) of a fixed-width record, trailing
 * blanks cut; what of it is in rec (a record whose trailing blanks were
 * trimmed is shorter), empty when from is past its end. */
struct ls_slice ls_rec_field(struct ls_slice rec, size_t from, size_t to);

/* Where the record of reclen bytes at s[off] ends: at its line end (CR or
 * LF) when one comes within reclen bytes, else after reclen bytes (or at
 * the end of s; off <= s.len). *next: past the line end (CR, LF or CR LF). */
size_t ls_rec_end(struct ls_slice s, size_t off, size_t reclen, size_t *next);

/* s[from, from + n) is n ASCII digits, all in s. */
bool ls_rec_digits(struct ls_slice s, size_t from, size_t n);
/* v is exactly n ASCII digits. */
bool ls_digits_n(struct ls_slice v, size_t n);

#endif
