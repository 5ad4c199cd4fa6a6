/* BinHex 4.0 files (.hqx; RFC 1741): classic Mac OS and Eudora-era
 * archives of a Mac file as 7-bit text. The data fork is the child, under
 * the name BinHex gives it (what StuffIt Expander or `hexbin` would save:
 * the file-name alerts apply); the decoding itself is mime_decode.c's,
 * shared with BinHex mail attachments. The resource fork is not read (the
 * raw scan sees its bytes encoded, i.e. not at all). */
#include <string.h>

#include "core/handler.h"
#include "extract/mime_decode.h"

#define HQX_MARK "(This file must be converted with BinHex"
#define HQX_PROBE_WINDOW 4096u
#define HQX_MAX_NAME 255u /* a BinHex name is one length byte long */

/* The marker line at the start of a line in the first 4 KiB (mail
 * headers or a note may come first), its ')' on the same line and the
 * next line opening with the ':' that starts the 6-bit text: a document
 * that merely quotes the marker is not BinHex. */
static bool marked(struct ls_slice d)
{
    size_t n = d.len < HQX_PROBE_WINDOW ? d.len : HQX_PROBE_WINDOW;
    if (!d.ptr || n < sizeof HQX_MARK - 1) return false;
    const uint8_t *p = d.ptr, *end = d.ptr + n;
    while ((p = memmem(p, (size_t)(end - p), HQX_MARK, sizeof HQX_MARK - 1)) != NULL) {
        const uint8_t *q = p + sizeof HQX_MARK - 1;
        bool line_start = p == d.ptr || p[-1] == '\n' || p[-1] == '\r';
        while (q < end && *q != ')' && *q != '\n') q++;
        if (line_start && q < end && *q == ')') {
            q++;
            while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')) q++;
            if (q < end && *q == ':') return true;
        }
        p++;
    }
    return false;
}

/* libmagic's application/mac-binhex40 also names prose that quotes the
 * marker anywhere: the marker's shape decides, with or without it. */
static int binhex_probe(const struct ls_object *o)
{
    return marked(o->data) ? 80 : 0;
}

static ls_err binhex_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct ls_buf out, name;
    uint64_t left = ls_budget_left(c);
    ls_buf_init(&out, left < SIZE_MAX ? (size_t)left : SIZE_MAX);
    ls_buf_init(&name, HQX_MAX_NAME + 1);
    ls_err e = LS_OK;
    enum mime_hqx r = mime_binhex_decode(o->data, &out, &name, &e);
    if (e == LS_E_NOMEM) {
        ls_buf_free(&out);
        ls_buf_free(&name);
        return e;
    }
    if (r == MIME_HQX_NONE) {
        /* read as the text it is, so that nothing is lost */
        ls_note(c, o, LS_R_PARSE_ERROR, "binhex: no BinHex header whose CRC checks out");
        ls_buf_free(&out);
        ls_buf_free(&name);
        ls_err te = ls_emit_text(c, o, o->data.ptr, o->data.len);
        return te == LS_E_LIMIT ? LS_OK : te;
    }
    ls_err ce = ls_budget_charge(c, o, out.len);
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name.len ? (const void *)name.ptr : "binhex-data";
    ch.name_len = name.len ? name.len : 11;
    ch.data = ls_buf_slice(&out);
    unsigned nt = 0;
    (void)mime_name_alerts(ls_slice_make(ch.name, ch.name_len), ch.tags, &nt);
    bool budget = e == LS_E_LIMIT || ce != LS_OK;
    if (budget || r == MIME_HQX_CUT) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[nt] = budget ? LS_R_LIMIT_BYTES : LS_R_TRUNCATED;
        ch.error = budget ? "binhex: data fork decoded only up to the byte budget"
                          : "binhex: the data fork is cut short or its CRC is wrong";
        if (!budget)
            ls_note(c, o, LS_R_TRUNCATED, "binhex: the encoded text ends before the data fork does, "
                                          "or the fork's CRC is wrong");
    }
    ls_err ee = ls_emit_child(c, o, &ch);
    ls_buf_free(&out);
    ls_buf_free(&name);
    if (budget) return LS_E_LIMIT;
    return ee == LS_E_LIMIT || ee == LS_E_TIMEOUT ? ee : LS_OK;
}

const struct ls_handler ls_handler_binhex = {
    .name = "binhex",
    .probe = binhex_probe,
    .extract = binhex_extract,
};
