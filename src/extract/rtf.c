/*
 * "rtf": Rich Text Format documents (RTF 1.9.1) through the reader in
 * rtf_parse.c (what it keeps, decodes and skips is documented there).
 * Text goes to ls_emit_text(); every \objdata embedded object becomes a
 * child (the packaged file of an OLE Packager object, else the OLE1 native
 * data, typically an OLE2 compound file). Input that ends inside a group is
 * partial (truncated); groups nested past RTF_MAX_DEPTH are skipped and
 * reported (parse_error). 8-bit text in a code page without a table
 * (Shift-JIS, GBK, Big5, Hangul fonts) is read as Windows-1252 and noted
 * `unsupported`.
 * Attacker-controlled: every byte (see rtf_parse.c).
 */
#include <stdio.h>
#include <string.h>

#include "core/handler.h"
#include "extract/markup.h"
#include "extract/rtf.h"

struct rtf_h {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_textout out;
    unsigned n_obj;
    bool stop_children;
    ls_err partial;
};

static ls_err rtf_h_text(void *ud, struct ls_slice s)
{
    struct rtf_h *h = ud;
    ls_err e = ls_textout_add(&h->out, s.ptr, s.len);
    /* text full: keep reading for embedded objects */
    return e == LS_E_LIMIT ? LS_OK : e;
}

static ls_err rtf_h_object(void *ud, struct ls_slice data, const char *name, bool truncated)
{
    struct rtf_h *h = ud;
    char fallback[32];
    h->n_obj++;
    if (h->stop_children) return LS_OK;
    if (!name[0]) {
        (void)snprintf(fallback, sizeof fallback, "objdata%u", h->n_obj);
        name = fallback;
    }
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name;
    ch.name_len = strlen(name);
    ch.data = data;
    if (truncated) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[0] = LS_R_LIMIT_BYTES;
        ch.error = "rtf: \\objdata cut at the size limit";
    }
    ls_err e = ls_emit_child(h->c, h->o, &ch);
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT) {
        h->stop_children = true;
        if (h->partial == LS_OK) h->partial = e;
        return e == LS_E_TIMEOUT ? e : LS_OK;
    }
    return e;
}

static size_t rtf_max_object(struct ls_ctx *c)
{
    uint64_t m = ls_ctx_limits(c)->spill_threshold, left = ls_budget_left(c);
    if (left < m) m = left;
    return m > SIZE_MAX ? SIZE_MAX : (size_t)m;
}

static ls_err rtf_report(struct ls_ctx *c, struct ls_object *o, const struct rtf_result *r)
{
    ls_err e = LS_OK;
    if (r->depth_cut) {
        ls_note(c, o, LS_R_PARSE_ERROR, "rtf: groups nested deeper than %u skipped",
                RTF_MAX_DEPTH);
        e = LS_E_CORRUPT;
    }
    if (r->unsupported_cp)
        ls_note(c, o, LS_R_UNSUPPORTED,
                "rtf: code page %u (multibyte or unknown) read as Windows-1252", r->unsupported_cp);
    if (r->truncated) {
        ls_note(c, o, LS_R_TRUNCATED, "rtf: input ends inside a group or \\bin data");
        e = LS_E_TRUNCATED;
    }
    return e;
}

static ls_err rtf_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct rtf_h h;
    memset(&h, 0, sizeof h);
    h.c = c;
    h.o = o;
    ls_textout_init(&h.out, c, o);
    const struct rtf_sink sink = {&h, rtf_h_text, rtf_h_object};
    struct rtf_result r;
    ls_err e = rtf_parse(o->data, &sink, rtf_max_object(c), &r);
    ls_err f = ls_textout_finish(&h.out);
    if (e != LS_OK) return e;
    ls_err d = rtf_report(c, o, &r);
    if (d != LS_OK) return d;
    if (f != LS_OK) return f;
    return h.partial;
}

static int rtf_probe(const struct ls_object *o)
{
    if (ls_slice_starts(o->data, "{\\rtf", 5)) return 90;
    if (o->mime && (strcmp(o->mime, "text/rtf") == 0 || strcmp(o->mime, "application/rtf") == 0))
        return 60;
    return 0;
}

const struct ls_handler ls_handler_rtf = {
    .name = "rtf",
    .probe = rtf_probe,
    .extract = rtf_extract,
};
