/*
 * Percent-encoded query strings and form bodies, decoded for the rules.
 *
 * Web server access and error logs, proxy logs, browser history, HAR
 * captures and debug dumps keep what a visitor typed into a form as the
 * request's query string or application/x-www-form-urlencoded body
 * (WHATWG URL, "application/x-www-form-urlencoded parsing"; RFC 3986 2.1):
 * "card=4539%201234%205678%209012", "telephone=%28212%29+620-1097",
 * "login%5Bpassword%5D=...". No rule sees a number or a value so written.
 *
 * ls_urlq_decode() finds each such token in a slice (a run of URL
 * characters holding a %XX escape, or a form - "name=value" fields joined
 * by & or after a ?, with + for a space) and appends its fields, decoded,
 * one "name=value" a line, to OUT: only the fields that decoding changed
 * (the others are in the text as written). '+' is a space in a query or a
 * form, not in a path; an escape decoded to another escape (%2540) is
 * decoded once more; control bytes become spaces. The caller adds OUT to
 * the object's text as labels (ls_emit_labels), so a value found both as
 * written and decoded counts once and coverage is not touched.
 *
 * Limits: URLQ_TOKEN_MAX bytes of a token are read (the rest skipped),
 * URLQ_FIELD_MAX bytes of a field kept, URLQ_FIELDS_MAX fields a call.
 * Attacker-controlled: every byte of S.
 */
#ifndef LS_EXTRACT_URLQUERY_H
#define LS_EXTRACT_URLQUERY_H

#include "core/ls_core.h"

#define URLQ_TOKEN_MAX 16384u  /* bytes of one token looked at: longer runs are data, not a request */
#define URLQ_FIELD_MAX 2048u   /* bytes of one decoded field kept: values the rules match are short */
#define URLQ_FIELDS_MAX 65536u /* fields decoded a call: a log of a million requests keeps its first */

/* Append the decoded fields of every percent-encoded query string or form
 * body in S to OUT ("name=value\n" each). Returns LS_OK; LS_E_LIMIT when
 * URLQ_FIELDS_MAX was reached or OUT is full (what fit is kept); LS_E_NOMEM. */
ls_err ls_urlq_decode(struct ls_slice s, struct ls_buf *out);

#endif
