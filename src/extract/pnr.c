/*
 * The "pnr" handler: passenger name records as a GDS shows and logs them
 * (Amadeus, Sabre, Galileo/Travelport displays and PNR histories, pasted
 * into agency queues, tickets and files), what a travel agency or an
 * airline's reservation system leaks: each traveller's passport number
 * and birth date inside "SSR DOCS" slash fields, "SSR FOID" document
 * numbers, "SSR CTCE" e-mail addresses in IATA's escaped form
 * (JOHN..DOE//EXAMPLE.COM), "SSR CTCM" phones and "FP CC" cards glued to
 * their card code (CCVI4539...).
 *
 * The text is the file as it is (UTF-8; invalid bytes replaced); each line
 * holding such an element also gives a labelled line (ls_emit_labels(),
 * src/extract/iata.c reads the elements): "Passport number: ...", "Date of
 * birth: 1982-07-12", "E-mail: john_doe@example.com".
 *
 * Probed (35, over plain text's 25) on ASCII or UTF-8 text whose first
 * 64 KiB hold two lines with an SSR element iata.c reads ("SSR DOCS",
 * Galileo's "SSRDOCS", Sabre's entry "3DOCS/"), or one and a PNR's header
 * (RP/ office line) or form of payment (FP). Ignored on
 * purpose: the itinerary, fares, remarks and OSI lines (read as text), other
 * encodings (the text handler reads those). Attacker-controlled: every
 * byte; the text and the labels are held to the text budget.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"
#include "extract/iata.h"

#define PNR_PROBE_MAX (64u * 1024u)

/* The next line of s from *pos (without its CR LF); false at the end. */
static bool pnr_next_line(struct ls_slice s, size_t *pos, struct ls_slice *line)
{
    if (*pos >= s.len) return false;
    size_t e = ls_slice_find(s, *pos, "\n", 1);
    if (e == SIZE_MAX) e = s.len;
    size_t n = e - *pos;
    (void)ls_slice_sub(s, *pos, n, line);
    if (line->len && ls_slice_at(*line, line->len - 1) == '\r') line->len--;
    *pos = e + 1;
    return true;
}

static int pnr_probe(const struct ls_object *o)
{
    struct ls_slice head;
    size_t n = o->data.len < PNR_PROBE_MAX ? o->data.len : PNR_PROBE_MAX;
    if (!ls_slice_sub(o->data, 0, n, &head) || n == 0) return 0;
    if (ls_slice_find(head, 0, "\0", 1) != SIZE_MAX) return 0;
    if (ls_slice_find(head, 0, "SSR", 3) == SIZE_MAX && ls_slice_find(head, 0, "3DOCS/", 6) == SIZE_MAX &&
        ls_slice_find(head, 0, "3FOID/", 6) == SIZE_MAX && ls_slice_find(head, 0, "3CTC", 4) == SIZE_MAX)
        return 0;
    size_t pos = 0, ssr = 0;
    bool header = false;
    struct ls_slice line;
    while (pnr_next_line(head, &pos, &line)) {
        if (iata_line_has_ssr(line)) ssr++;
        else if (ls_slice_starts(line, "RP/", 3) || ls_slice_find(line, 0, " FP ", 4) != SIZE_MAX) header = true;
    }
    /* a cut multi-byte character at the end of the sample is not evidence against UTF-8 */
    while (head.len && (ls_slice_at(head, head.len - 1) & 0x80)) head.len--;
    if (!ls_utf8_valid(head)) return 0;
    return ssr >= 2 || (ssr == 1 && header) ? 35 : 0;
}

static ls_err pnr_extract(struct ls_ctx *c, struct ls_object *o)
{
    size_t max = (size_t)ls_ctx_limits(c)->max_text;
    struct ls_buf labels;
    ls_buf_init(&labels, max);
    ls_err le = iata_text_labels(&labels, o->data);
    if (le == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "pnr: labels cut at the text budget");
    ls_err te = ls_emit_text(c, o, o->data.ptr, o->data.len);
    ls_err e = ls_emit_done(c, o, NULL, &labels);
    if (le != LS_OK && le != LS_E_LIMIT) return le;
    return te != LS_OK ? te : e;
}

const struct ls_handler ls_handler_pnr = {
    .name = "pnr",
    .probe = pnr_probe,
    .extract = pnr_extract,
};
