/*
 * JSON string escapes, decoded for the rules (src/extract/jsonesc.c), and
 * the \uXXXX decoder the JSON readers share (asar.c).
 */
#ifndef LS_JSONESC_H
#define LS_JSONESC_H

#include "core/ls_core.h"

#define LS_JSONESC_STR_MAX (64u * 1024u) /* a longer decoded string is passed on in pieces */

struct ls_ctx;
struct ls_object;
/* UTF-8 text that opens as JSON ('{' or '[' first: a document, NDJSON): each
 * string literal holding an escape is decoded and handed to ls_emit_labels()
 * as one line, and each object naming its value ({"title": "SSN", "value":
 * "536221874"}), or whose type or code member names the kind of its value
 * ({"idValue": "536221874", "nameCode": {"codeValue": "SSN"}}), gives
 * "SSN: 536221874". Other text: nothing. */
LS_WUR ls_err ls_json_escapes(struct ls_ctx *c, struct ls_object *o, struct ls_slice u8);
/* The "\uXXXX" escape at pos of s (its backslash): its code point, a
 * surrogate pair taken whole (*len 12), else *len 6; a lone surrogate or
 * \u0000 is U+FFFD. 0 (*len untouched) when four hex digits do not follow
 * the "\u". Shared by every reader that decodes JSON strings. */
uint32_t ls_json_uesc(struct ls_slice s, size_t pos, size_t *len);

#endif
