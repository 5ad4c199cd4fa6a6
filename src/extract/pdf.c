/*
 * PDF handler (ISO 32000-1:2008 "Document management — Portable document
 * format — Part 1: PDF 1.7"; PDF 2.0 files read the same way).
 *
 * Reads: classic and stream cross-references, incremental updates, object
 * streams, broken files (linear object scan), Flate/LZW/ASCIIHex/ASCII85/
 * RunLength filters with predictors, the standard security handler with an
 * empty user password (RC4, AES-128), page text (pdf_text.c), the Info
 * dictionary, XMP metadata, annotation contents, form field values, outline
 * titles, link targets (/URI actions), and embedded files (emitted as children, named by /UF or /F).
 * Alerts: javascript (/JS, /S /JavaScript), open_action (/OpenAction naming
 * an action other than a /GoTo within the file, /AA with a trigger that
 * fires unasked: page open/close, document close/save/print), launch (/S /Launch), external_link (actions that fetch
 * or send on their own: /GoToR, /GoToE, /SubmitForm, /ImportData, and /URI
 * when it is the /OpenAction or an /AA). Plain /URI links the reader must
 * click are not alerts: nearly every PDF has them.
 * Ignored on purpose: images (DCT, JPX, JBIG2, CCITT: no text), fonts' glyph
 * programs, signatures, AES-256 (R5/R6) and password-protected files (noted
 * `encrypted`, coverage none).
 *
 * Attacker-controlled: every byte. See pdf_int.h for the limits.
 */
#include "extract/markup.h"
#include "extract/pdf_int.h"
#include "unpack/zipcd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An embedded file larger than this is cut (and marked truncated). */
#define PDF_MAX_CHILD (512u << 20)

static int pdf_probe(const struct ls_object *o)
{
    struct ls_slice head;
    if (!ls_slice_sub(o->data, 0, o->data.len < 1024 ? o->data.len : 1024, &head)) return 0;
    size_t f = ls_slice_find(head, 0, "%PDF-", 5);
    if (f == 0) return 100;
    if (f == SIZE_MAX) return 0;
    /* A header after junk: a PDF when identify says so (it checks that the
     * bytes from the header are one); otherwise only a fallback below the
     * mail and text handlers, so an e-mail or a note that quotes "%PDF-1.7"
     * near its start is read as what it is. */
    return o->mime && strcmp(o->mime, "application/pdf") == 0 ? 90 : 20;
}

struct pdf_run {
    struct pdf_doc d;
    struct pdf_textout t;
    uint8_t *pages;  /* bit per object number: page already interpreted */
    bool a_js, a_open, a_launch, a_link;
    ls_err stop;     /* LS_E_TIMEOUT / LS_E_NOMEM: stop everything */
    bool text_full;  /* the object's text budget is spent: no more text */
    bool kids_full;  /* the root's budget refused a child: no more children */
    const struct pdf_obj *first_page; /* for the fonts of content no page shows */
    bool revising;   /* dict_text into a scratch textout: no appearance streams */
    bool need_ap;    /* /AcroForm /NeedAppearances true: viewers draw the fields anew */
    struct shown *shown; /* content object -> current page (earlier revisions) */
    size_t nshown, capshown;
};

static bool bit_test_set(struct pdf_run *r, uint32_t num)
{
    if (!r->pages || num >= r->d.max_obj) return true;
    uint8_t b = (uint8_t)(1u << (num & 7));
    bool was = r->pages[num >> 3] & b;
    r->pages[num >> 3] |= b;
    return was;
}

static void keep_stop(struct pdf_run *r, ls_err e)
{
    if ((e == LS_E_TIMEOUT || e == LS_E_NOMEM) && r->stop == LS_OK) r->stop = e;
}

/* After producing text: a full text budget stops text, not the rest. */
static void text_result(struct pdf_run *r, ls_err e)
{
    if (e == LS_E_LIMIT || r->t.err == LS_E_LIMIT) r->text_full = true;
    keep_stop(r, e);
}

static bool want_text(const struct pdf_run *r) { return r->stop == LS_OK && !r->text_full; }

/* "Label: text-string\n" */
static void emit_labeled(struct pdf_run *r, const char *label, const struct pdf_obj *s)
{
    if (!want_text(r) || !s || s->kind != PDF_STR || s->u.s.len == 0) return;
    struct ls_buf b;
    ls_buf_init(&b, 16u << 20);
    ls_err e = LS_OK;
    if (label) {
        e = ls_buf_adds(&b, label);
        if (e == LS_OK) e = ls_buf_adds(&b, ": ");
    }
    if (e == LS_OK) e = pdf_text_string(s->u.s, &b);
    if (e == LS_OK) e = ls_buf_addc(&b, '\n');
    struct ls_slice sl = ls_buf_slice(&b);
    (void)pdf_textout_sep(&r->t, '\n');
    text_result(r, pdf_textout_add(&r->t, sl.ptr, sl.len));
    ls_buf_free(&b);
}

/* ---- Info and XMP ---- */

static void info_text(struct pdf_run *r)
{
    struct pdf_doc *d = &r->d;
    const struct pdf_obj *info = pdf_dict_of(pdf_dict_getr(d, d->trailer, "Info"));
    if (!info) return;
    for (size_t i = 0; i < info->u.d.n && want_text(r); i++) {
        struct pdf_obj *v = pdf_resolve(d, info->u.d.v[i].val);
        if (v->kind != PDF_STR) continue;
        char label[64];
        size_t n = info->u.d.v[i].key.len < sizeof label - 1 ? info->u.d.v[i].key.len : sizeof label - 1;
        memcpy(label, info->u.d.v[i].key.ptr, n);
        label[n] = 0;
        emit_labeled(r, label, v);
    }
}

static void xmp_text(struct pdf_run *r, const struct pdf_obj *root)
{
    struct pdf_doc *d = &r->d;
    struct pdf_obj *m = pdf_dict_getr(d, root, "Metadata");
    if (m->kind != PDF_STREAM || !want_text(r)) return;
    struct ls_buf b;
    ls_buf_init(&b, 16u << 20);
    ls_err e = pdf_stream_decode(d, m, 16u << 20, &b);
    if (e == LS_OK || e == LS_E_LIMIT || e == LS_E_CORRUPT || e == LS_E_TRUNCATED) {
        text_result(r, pdf_textout_flush(&r->t));
        if (want_text(r)) {
            ls_err xe = ls_markup_xml_text(d->c, d->o, ls_buf_slice(&b), LS_MARKUP_ATTRS);
            text_result(r, xe);
            /* libxml2's recovery read the text around the damage; the
             * pages are the document (Ghostscript 9.04 wrote control
             * characters as &#1; into rdf:about): a note, not parse_error */
            if (xe == LS_E_CORRUPT)
                ls_note(d->c, d->o, NULL, "pdf: XMP metadata is not well-formed (read in recovery mode)");
        }
    }
    ls_buf_free(&b);
}

/* ---- pages ---- */

static void page_tree(struct pdf_run *r, struct pdf_obj *node, unsigned depth)
{
    struct pdf_doc *d = &r->d;
    if (depth > PDF_MAX_TREE_DEPTH || !want_text(r)) return;
    if (node->kind == PDF_REF && bit_test_set(r, node->u.ref.num)) return;
    struct pdf_obj *n = pdf_resolve(d, node);
    if (n->kind != PDF_DICT) return;
    struct pdf_obj *kids = pdf_dict_getr(d, n, "Kids");
    if (kids->kind == PDF_ARRAY && !pdf_name_is(pdf_dict_get(n, "Type"), "Page")) {
        for (size_t i = 0; i < kids->u.a.n && want_text(r); i++) page_tree(r, kids->u.a.v[i], depth + 1);
        return;
    }
    if (!r->first_page) r->first_page = n;
    text_result(r, pdf_page_text(d, n, &r->t));
}

/* ---- embedded files ---- */

/* Hand one decoded stream (or several joined) on as a child; de is the
 * decoder's result. */
static void emit_child(struct pdf_run *r, struct ls_slice name, struct ls_slice data, ls_err de,
                       uint64_t declared)
{
    struct pdf_doc *d = &r->d;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    size_t nt = 0;
    if (de == LS_E_LIMIT) {
        ch.flags |= LS_CHILD_TRUNCATED;
        ch.tags[nt++] = LS_R_LIMIT_BYTES;
        ch.error = "pdf: embedded file cut at the size limit";
    } else if (de == LS_E_TRUNCATED || de == LS_E_CORRUPT) {
        ch.flags |= LS_CHILD_TRUNCATED;
        ch.tags[nt++] = de == LS_E_TRUNCATED ? LS_R_TRUNCATED : LS_R_PARSE_ERROR;
        ch.error = "pdf: embedded file stream is damaged";
    }
    ch.name = name.ptr ? (const void *)name.ptr : "";
    ch.name_len = name.len;
    ch.data = data;
    ch.declared_size = declared;
    if (ls_budget_child_ok(d->c, d->o)) {
        ls_err ce = ls_emit_child(d->c, d->o, &ch);
        if (ce == LS_E_LIMIT) r->kids_full = true;
        keep_stop(r, ce);
    } else {
        r->kids_full = true;
        ls_note(d->c, d->o, LS_R_LIMIT_MEMBERS, "pdf: embedded file not extracted (budget)");
    }
}

/* Decode one stream and append it to data; an unknown filter appends the
 * raw bytes. The worst result wins in *de. */
static void append_stream(struct pdf_doc *d, const struct pdf_obj *st, struct ls_buf *data, ls_err *de)
{
    ls_err e = pdf_stream_decode(d, st, PDF_MAX_CHILD, data);
    if (e == LS_E_UNSUPPORTED) e = ls_buf_add(data, st->u.st.raw.ptr, st->u.st.raw.len);
    if (*de == LS_OK || e == LS_E_LIMIT) *de = e;
}

static void emit_file(struct pdf_run *r, struct pdf_obj *ref, const struct pdf_obj *spec)
{
    struct pdf_doc *d = &r->d;
    if (r->stop != LS_OK || r->kids_full || ref->kind != PDF_REF) return;
    if (pdf_done_test_set(d, ref->u.ref.num)) return; /* emitted already */
    struct pdf_obj *st = pdf_resolve(d, ref);
    if (st->kind != PDF_STREAM) return;
    struct ls_buf name, data;
    ls_buf_init(&name, 4096);
    ls_buf_init(&data, PDF_MAX_CHILD);
    const struct pdf_obj *nm = &pdf_null_obj;
    if (spec) {
        nm = pdf_dict_getr(d, spec, "UF");
        if (nm->kind != PDF_STR) nm = pdf_dict_getr(d, spec, "F");
    }
    ls_err e = LS_OK;
    if (nm->kind == PDF_STR && nm->u.s.len) e = pdf_text_string(nm->u.s, &name);
    else e = ls_buf_printf(&name, "embedded-%u", ref->u.ref.num);
    (void)e;
    ls_err de = LS_OK;
    append_stream(d, st, &data, &de);
    int64_t sz;
    uint64_t declared = 0;
    if (pdf_int(pdf_dict_getr(d, pdf_dict_getr(d, st, "Params"), "Size"), &sz) && sz > 0)
        declared = (uint64_t)sz;
    emit_child(r, ls_buf_slice(&name), ls_buf_slice(&data), de, declared);
    ls_buf_free(&name);
    ls_buf_free(&data);
}

/* An XFA form (/AcroForm /XFA): one stream, or an array of (name, stream)
 * pairs that are consecutive pieces of one XML document (preamble, config,
 * template, datasets, ..., postamble). Each piece alone is not well-formed
 * XML, so the pieces are joined into one child "xfa.xdp". Adobe tools mark
 * the pieces /Type /EmbeddedFile; they are claimed here first. */
static void xfa_form(struct pdf_run *r, const struct pdf_obj *root)
{
    struct pdf_doc *d = &r->d;
    const struct pdf_obj *form = pdf_dict_of(pdf_dict_getr(d, root, "AcroForm"));
    struct pdf_obj *entry = form ? pdf_dict_get(form, "XFA") : NULL;
    if (!entry || r->stop != LS_OK || r->kids_full) return;
    struct pdf_obj *xfa = pdf_resolve(d, entry);
    if (xfa->kind != PDF_ARRAY && xfa->kind != PDF_STREAM) return;
    struct ls_buf data;
    ls_buf_init(&data, PDF_MAX_CHILD);
    ls_err de = LS_OK;
    size_t parts = 0;
    size_t n = xfa->kind == PDF_ARRAY ? xfa->u.a.n : 1;
    for (size_t i = 0; i < n && de != LS_E_LIMIT; i++) {
        struct pdf_obj *ref = xfa->kind == PDF_ARRAY ? xfa->u.a.v[i] : entry;
        if (ref->kind != PDF_REF || pdf_done_test_set(d, ref->u.ref.num)) continue;
        const struct pdf_obj *st = pdf_resolve(d, ref);
        if (st->kind != PDF_STREAM) continue;
        append_stream(d, st, &data, &de);
        parts++;
    }
    static const char nm[] = "xfa.xdp";
    if (parts)
        emit_child(r, (struct ls_slice){(const uint8_t *)nm, sizeof nm - 1}, ls_buf_slice(&data), de, 0);
    ls_buf_free(&data);
}

static void filespec(struct pdf_run *r, const struct pdf_obj *spec)
{
    const struct pdf_obj *ef = pdf_dict_of(pdf_dict_getr(&r->d, spec, "EF"));
    if (!ef) return;
    struct pdf_obj *f = pdf_dict_get(ef, "UF");
    if (!f) f = pdf_dict_get(ef, "F");
    if (f) emit_file(r, f, spec);
    for (size_t i = 0; i < ef->u.d.n; i++) emit_file(r, ef->u.d.v[i].val, spec);
}

/* ---- alerts ---- */

static void alert(struct pdf_run *r, bool *flag, const char *tag, const char *what, uint32_t num)
{
    if (*flag) return;
    *flag = true;
    ls_note(r->d.c, r->d.o, tag, "pdf: %s (object %u)", what, num);
}

static bool is_auto_action_uri(struct pdf_doc *d, struct pdf_obj *a)
{
    return pdf_name_is(pdf_dict_getr(d, pdf_resolve(d, a), "S"), "URI");
}

/* A /GoTo to a place in this document with no /Next: what pdflatex
 * (hyperref), Word and most producers write as /OpenAction ("open at page
 * 1, fit width"). Navigation only, not an alert. */
static bool is_local_goto(struct pdf_doc *d, struct pdf_obj *a)
{
    const struct pdf_obj *act = pdf_dict_of(pdf_resolve(d, a));
    return act && pdf_name_is(pdf_dict_getr(d, act, "S"), "GoTo") && !pdf_dict_get(act, "Next");
}

/* /AA triggers that fire without the reader touching anything (ISO 32000
 * 12.6.3): page open/close, document close/save/print, annotation page
 * open/close/visible. The form-field triggers (keystroke, format,
 * validate, calculate, focus, mouse) need a user; their scripts still
 * give `javascript`. /C is "page close" on a page, "calculate" on a field. */
static bool aa_runs_unasked(const struct pdf_obj *aa, bool page)
{
    static const char *const keys[] = {"O", "WC", "WS", "DS", "WP", "DP", "PO", "PC", "PV", "PI"};
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
        if (pdf_dict_get(aa, keys[k])) return true;
    return page && pdf_dict_get(aa, "C");
}

/* A file specification string that names a network location. */
static bool file_name_is_remote(const struct pdf_obj *f)
{
    return f && f->kind == PDF_STR && ls_link_is_remote(f->u.s);
}

/* The target of a /GoToR (ISO 32000 7.11): a string, or a file
 * specification dictionary whose /FS /URL makes /F a URL. A /GoToR to a
 * local or relative file (the next volume of a manual) opens a file on the
 * reader's own disk; one to a URL or share fetches it: only that is an
 * external link. /GoToE targets an embedded file, which is read as a
 * member: never external. */
static bool file_spec_is_remote(struct pdf_doc *d, struct pdf_obj *f)
{
    const struct pdf_obj *v = pdf_resolve(d, f);
    if (v && v->kind == PDF_STR) return file_name_is_remote(v);
    const struct pdf_obj *fs = pdf_dict_of(v);
    if (!fs) return false;
    if (pdf_name_is(pdf_dict_getr(d, fs, "FS"), "URL")) return true;
    return file_name_is_remote(pdf_dict_getr(d, fs, "UF")) ||
           file_name_is_remote(pdf_dict_getr(d, fs, "F")) ||
           file_name_is_remote(pdf_dict_getr(d, fs, "Unix")) ||
           file_name_is_remote(pdf_dict_getr(d, fs, "DOS"));
}

static void dict_checks(struct pdf_run *r, const struct pdf_obj *o, uint32_t num)
{
    struct pdf_doc *d = &r->d;
    struct pdf_obj *s = pdf_dict_get(o, "S");
    if (pdf_dict_get(o, "JS") || pdf_name_is(s, "JavaScript"))
        alert(r, &r->a_js, LS_A_JAVASCRIPT, "JavaScript action", num);
    if (pdf_name_is(s, "Launch")) alert(r, &r->a_launch, LS_A_LAUNCH, "/Launch action", num);
    if (pdf_name_is(s, "SubmitForm") || pdf_name_is(s, "ImportData"))
        alert(r, &r->a_link, LS_A_EXTERNAL_LINK, "remote action", num);
    if (pdf_name_is(s, "GoToR") && file_spec_is_remote(d, pdf_dict_get(o, "F")))
        alert(r, &r->a_link, LS_A_EXTERNAL_LINK, "remote action (go-to a document over the network)",
              num);
    struct pdf_obj *oa = pdf_dict_get(o, "OpenAction");
    if (oa && pdf_dict_of(pdf_resolve(d, oa)) && !is_local_goto(d, oa)) {
        alert(r, &r->a_open, LS_A_OPEN_ACTION, "/OpenAction runs an action", num);
        if (is_auto_action_uri(d, oa)) alert(r, &r->a_link, LS_A_EXTERNAL_LINK, "/OpenAction opens a URI", num);
    }
    const struct pdf_obj *aa = pdf_dict_of(pdf_resolve(d, pdf_dict_get(o, "AA")));
    if (aa) {
        if (aa_runs_unasked(aa, pdf_name_is(pdf_dict_get(o, "Type"), "Page")))
            alert(r, &r->a_open, LS_A_OPEN_ACTION, "/AA runs an action on open, close, save or print",
                  num);
        for (size_t i = 0; i < aa->u.d.n; i++)
            if (is_auto_action_uri(d, aa->u.d.v[i].val))
                alert(r, &r->a_link, LS_A_EXTERNAL_LINK, "/AA opens a URI", num);
    }
}

/* A widget's or FreeText box's normal appearance: what a viewer shows
 * (poppler's text includes it), often the only place a value typed into a
 * form that was then "printed to PDF" survives. A dictionary of states
 * (check box on/off) holds only tick marks. */
static void appearance_text(struct pdf_run *r, const struct pdf_obj *annot)
{
    struct pdf_doc *d = &r->d;
    const struct pdf_obj *ap = pdf_dict_of(pdf_dict_getr(d, annot, "AP"));
    struct pdf_obj *n = pdf_dict_get(ap, "N");
    if (!n || !want_text(r) || r->revising) return; /* the streams are weighed apart */
    text_result(r, pdf_textout_flush(&r->t));
    text_result(r, pdf_appearance_text(d, n, &r->t));
}

/* A form field's value (ISO 32000-1 12.7.4): a text string, a text
 * stream (long or rich text fields), a list box's array of choices. */
static void field_value(struct pdf_run *r, const struct pdf_obj *o, bool annot)
{
    struct pdf_doc *d = &r->d;
    if (!pdf_dict_get(o, "FT") && !pdf_dict_get(o, "T") && !pdf_dict_get(o, "Parent")) return;
    /* a field's /T is a text string: a Type3 font's /CharProcs (glyphs
     * named T and V, their procedures streams) is no field, and a glyph
     * procedure ("17 0 0 0 17 30 d1") no text (pdf16's Type3 fixture) */
    if (!pdf_dict_get(o, "FT") && !pdf_dict_get(o, "Parent") && pdf_dict_getr(d, o, "T")->kind != PDF_STR) return;
    struct pdf_obj *v = pdf_dict_getr(d, o, "V");
    if (v->kind != PDF_STR && v->kind != PDF_STREAM && v->kind != PDF_ARRAY) return;
    if (!annot) emit_labeled(r, NULL, pdf_dict_getr(d, o, "T"));
    /* the field's user name (/TU, ISO 32000-1 12.7.3.1: the tool tip a reader shows, "Parent/Guardian
     * Social Security Number" for a field named Text7), on the line before its value */
    emit_labeled(r, NULL, pdf_dict_getr(d, o, "TU"));
    if (v->kind == PDF_STR) {
        emit_labeled(r, NULL, v);
    } else if (v->kind == PDF_ARRAY) {
        for (size_t i = 0; i < v->u.a.n && i < 4096; i++) emit_labeled(r, NULL, pdf_resolve(d, v->u.a.v[i]));
    } else {
        struct ls_buf b;
        ls_buf_init(&b, 16u << 20);
        ls_err e = pdf_stream_decode(d, v, 16u << 20, &b);
        if (e == LS_OK || e == LS_E_LIMIT || e == LS_E_CORRUPT || e == LS_E_TRUNCATED) {
            struct pdf_obj s = {.kind = PDF_STR};
            s.u.s = ls_buf_slice(&b);
            emit_labeled(r, NULL, &s);
        }
        ls_buf_free(&b);
    }
}

/* A list box's options (ISO 32000-1 12.7.4.4, /Opt: text strings, or
 * [export display] pairs): the box shows them, and readers that draw a
 * field lacking an appearance stream (poppler) show them all; pdfium's
 * listbox_form.pdf read only the chosen values. A combo box shows its value
 * alone; a box with an appearance stream had that read, unless the form
 * says its appearances are to be made anew (/NeedAppearances true: qpdf's
 * field-types.pdf, pypdf's FormTestFromOo.pdf, whose list boxes' stored
 * appearances are empty, read no option; poppler draws them all). */
static void choice_options(struct pdf_run *r, const struct pdf_obj *o)
{
    struct pdf_doc *d = &r->d;
    if ((pdf_dict_get(o, "AP") && !r->need_ap) || !pdf_name_is(pdf_dict_getr(d, o, "FT"), "Ch")) return;
    int64_t ff = 0;
    (void)pdf_int(pdf_dict_getr(d, o, "Ff"), &ff);
    if (ff & (1 << 17)) return; /* Combo */
    struct pdf_obj *opt = pdf_dict_getr(d, o, "Opt");
    if (opt->kind != PDF_ARRAY) return;
    for (size_t i = 0; i < opt->u.a.n && i < 4096; i++) {
        struct pdf_obj *e = pdf_resolve(d, opt->u.a.v[i]);
        if (e->kind == PDF_ARRAY && e->u.a.n >= 2) e = pdf_resolve(d, e->u.a.v[1]);
        if (e->kind == PDF_STR) emit_labeled(r, NULL, e);
    }
}

/* A signature dictionary (/Type /Sig or /DocTimeStamp, or /ByteRange
 * with /Contents): who signed, why, where, how to reach them, and the
 * names in the certificates it carries (pdf_sig.c). */
static void signature_text(struct pdf_run *r, const struct pdf_obj *o)
{
    struct pdf_doc *d = &r->d;
    static const char *const keys[][2] = {
        {"Name", "Signed by"}, {"Reason", "Reason"}, {"Location", "Location"}, {"ContactInfo", "Contact"},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        emit_labeled(r, keys[i][1], pdf_dict_getr(d, o, keys[i][0]));
    const struct pdf_obj *c = pdf_dict_getr(d, o, "Contents");
    if (c->kind != PDF_STR || !want_text(r)) return;
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20);
    ls_err e = pdf_sig_certs(c->u.s, &b);
    if (b.len) {
        (void)pdf_textout_sep(&r->t, '\n');
        text_result(r, pdf_textout_add(&r->t, b.ptr, b.len));
    }
    ls_buf_free(&b);
    text_result(r, e == LS_E_LIMIT ? LS_OK : e);
}

/* Text-bearing dictionaries outside the page content. */
static void dict_text(struct pdf_run *r, const struct pdf_obj *o)
{
    struct pdf_doc *d = &r->d;
    const struct pdf_obj *type = pdf_dict_get(o, "Type");
    if (pdf_name_is(type, "Sig") || pdf_name_is(type, "DocTimeStamp") ||
        (!type && pdf_dict_get(o, "ByteRange") && pdf_dict_get(o, "Contents") && pdf_dict_get(o, "Filter")))
        signature_text(r, o);
    bool annot = pdf_dict_get(o, "Rect") && pdf_dict_get(o, "Subtype");
    if (annot || pdf_name_is(pdf_dict_get(o, "Type"), "Annot")) {
        emit_labeled(r, NULL, pdf_dict_getr(d, o, "Contents"));
        emit_labeled(r, NULL, pdf_dict_getr(d, o, "T"));
        struct pdf_obj *rc = pdf_dict_getr(d, o, "RC");
        if (rc->kind == PDF_STR) emit_labeled(r, NULL, rc); /* rich text: tags kept, harmless */
        appearance_text(r, o);
    }
    field_value(r, o, annot);
    choice_options(r, o);
    if (pdf_dict_get(o, "Parent") && !annot) { /* outline item */
        struct pdf_obj *title = pdf_dict_getr(d, o, "Title");
        if (title->kind == PDF_STR) emit_labeled(r, NULL, title);
    }
    /* a link's target (mailto: addresses, intranet URLs) */
    struct pdf_obj *act = pdf_dict_getr(d, o, "A");
    if (act->kind == PDF_DICT && pdf_name_is(pdf_dict_getr(d, act, "S"), "URI")) {
        struct pdf_obj *uri = pdf_dict_getr(d, act, "URI");
        if (uri->kind == PDF_STR) emit_labeled(r, NULL, uri);
    }
    if (pdf_dict_get(o, "EF")) filespec(r, o);
}

/* Every dictionary in o: its text, and its alerts when checks (an earlier
 * revision's actions no longer run). */
static void visit(struct pdf_run *r, const struct pdf_obj *o, uint32_t num, unsigned depth, bool checks)
{
    if (depth > PDF_MAX_NEST || r->stop != LS_OK) return;
    if (o->kind == PDF_ARRAY) {
        for (size_t i = 0; i < o->u.a.n; i++) visit(r, o->u.a.v[i], num, depth + 1, checks);
        return;
    }
    const struct pdf_obj *dict = pdf_dict_of(o);
    if (!dict) return;
    if (checks) dict_checks(r, dict, num);
    dict_text(r, dict);
    for (size_t i = 0; i < dict->u.d.n; i++) visit(r, dict->u.d.v[i].val, num, depth + 1, checks);
}

static void walk_objects(struct pdf_run *r, bool text)
{
    struct pdf_doc *d = &r->d;
    for (size_t i = 0; i < d->nx && r->stop == LS_OK; i++) {
        if (d->x[i].type != 1 && d->x[i].type != 2) continue;
        if ((i & 0x3ff) == 0 && ls_ctx_expired(d->c)) {
            r->stop = LS_E_TIMEOUT;
            break;
        }
        struct pdf_obj *o = pdf_get(d, (uint32_t)i);
        if (!text) {
            const struct pdf_obj *dict = pdf_dict_of(o);
            if (dict) dict_checks(r, dict, (uint32_t)i);
            continue;
        }
        visit(r, o, (uint32_t)i, 0, true);
        /* pages the tree did not reach (broken /Kids, recovered files) */
        if (pdf_name_is(pdf_dict_get(o, "Type"), "Page") && o->kind == PDF_DICT && want_text(r) &&
            !bit_test_set(r, (uint32_t)i))
            text_result(r, pdf_page_text(d, o, &r->t));
    }
    if (!text) return;
    /* embedded files no file specification named */
    for (size_t i = 0; i < d->nx && r->stop == LS_OK; i++) {
        if (d->x[i].type != 1 && d->x[i].type != 2) continue;
        struct pdf_obj *o = d->x[i].obj;
        if (o && o->kind == PDF_STREAM && pdf_name_is(pdf_dict_get(o, "Type"), "EmbeddedFile")) {
            struct pdf_obj ref = {.kind = PDF_REF};
            ref.u.ref.num = (uint32_t)i;
            emit_file(r, &ref, NULL);
        }
    }
}

/* ---- earlier revisions ---- */

/* A redaction saved as an incremental update leaves the page as it was in
 * the file: the old content stream, the old form field value, the old
 * annotation. Readers show the newest revision only; a leak holds all of
 * them. Their text follows the current text, each under a line
 * "[earlier revision: object N]". */
#define PDF_MAX_SUPERSEDED 4096u

/* A stream that may be page content or a form: no image, font, metadata,
 * cross-reference, object stream, embedded file, ICC profile, function,
 * pattern or shading dictionary. */
static bool content_like(const struct pdf_obj *st)
{
    static const char *const not_content[] = {
        "Length1", "Length2", "Length3", "Width", "BitsPerComponent", "N",
        "FunctionType", "ShadingType", "PatternType", "Params", "First", "W", NULL,
    };
    const struct pdf_obj *type = pdf_dict_get(st, "Type");
    if (type && !pdf_name_is(type, "XObject")) return false;
    const struct pdf_obj *sub = pdf_dict_get(st, "Subtype");
    if (sub && !pdf_name_is(sub, "Form")) return false;
    for (size_t i = 0; not_content[i]; i++)
        if (pdf_dict_get(st, not_content[i])) return false;
    return true;
}

/* Which current page shows a content object: (num, page) pairs sorted by
 * num, built once per file. */
struct shown {
    uint32_t num;
    const struct pdf_obj *page;
};

static int shown_cmp(const void *a, const void *b)
{
    uint32_t x = ((const struct shown *)a)->num, y = ((const struct shown *)b)->num;
    return x < y ? -1 : x > y;
}

static void shown_add(struct pdf_run *r, const struct pdf_obj *ref, const struct pdf_obj *page)
{
    if (ref->kind != PDF_REF) return;
    if (r->nshown == r->capshown) {
        size_t cap = r->capshown ? r->capshown * 2 : 64;
        struct shown *p = realloc(r->shown, cap * sizeof *p);
        if (!p) return; /* the fonts of the first page are used instead */
        r->shown = p;
        r->capshown = cap;
    }
    r->shown[r->nshown++] = (struct shown){ref->u.ref.num, page};
}

static void shown_build(struct pdf_run *r)
{
    struct pdf_doc *d = &r->d;
    for (size_t i = 0; i < d->nx; i++) {
        const struct pdf_obj *o = d->x[i].obj;
        if (!o || o->kind != PDF_DICT || !pdf_name_is(pdf_dict_get(o, "Type"), "Page")) continue;
        const struct pdf_obj *c = pdf_dict_get(o, "Contents");
        if (!c) continue;
        shown_add(r, c, o);
        const struct pdf_obj *arr = pdf_resolve(d, (struct pdf_obj *)c);
        for (size_t k = 0; arr->kind == PDF_ARRAY && k < arr->u.a.n; k++) shown_add(r, arr->u.a.v[k], o);
    }
    if (r->nshown > 1) qsort(r->shown, r->nshown, sizeof *r->shown, shown_cmp);
}

/* The current page whose contents object num is, for its fonts. */
static const struct pdf_obj *page_of(struct pdf_run *r, uint32_t num)
{
    struct shown key = {num, NULL};
    const struct shown *f =
        r->nshown ? bsearch(&key, r->shown, r->nshown, sizeof *r->shown, shown_cmp) : NULL;
    return f ? f->page : NULL;
}

static bool has_alnum(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if ((ch >= '0' && ch <= '9') || (unsigned)((ch | 0x20) - 'a') < 26u || ch >= 0x80) return true;
    }
    return false;
}

/* Interpret stream num as content into t, with the fonts of the current
 * page that shows it, else of the first page. */
static ls_err stream_text_into(struct pdf_run *r, uint32_t num, const struct pdf_obj *st,
                               struct pdf_textout *t)
{
    const struct pdf_obj *page = page_of(r, num);
    return pdf_stream_text(&r->d, st, page ? page : r->first_page, t);
}

/* The text object o gives: a stream's as content, a dictionary's strings
 * (annotations, field values, links) as the walk reads them. */
static ls_err revision_text_into(struct pdf_run *r, uint32_t num, const struct pdf_obj *o,
                                 struct pdf_textout *t)
{
    if (o->kind == PDF_STREAM) return stream_text_into(r, num, o, t);
    struct pdf_textout keep = r->t; /* dict_text writes to r->t */
    r->t = *t;
    r->revising = true;
    visit(r, o, num, 0, false);
    r->revising = false;
    *t = r->t;
    r->t = keep;
    return t->err;
}

/* Is line a whole line of text? */
static bool has_line(struct ls_slice text, struct ls_slice line)
{
    size_t pos = 0;
    while (line.len && pos < text.len) {
        size_t f = ls_slice_find(text, pos, line.ptr, line.len);
        if (f == SIZE_MAX) return false;
        size_t end = f + line.len;
        if ((f == 0 || text.ptr[f - 1] == '\n') && (end == text.len || text.ptr[end] == '\n'))
            return true;
        pos = f + 1;
    }
    return false;
}

/* The lines of old that neither cur nor the text read so far holds, in
 * order, into out: what an update changed or removed. */
static ls_err new_lines(const struct pdf_run *r, struct ls_slice old, struct ls_slice cur,
                        struct ls_buf *out)
{
    size_t a = 0;
    while (a < old.len) {
        size_t b = a;
        while (b < old.len && old.ptr[b] != '\n') b++;
        struct ls_slice line = ls_slice_make(old.ptr + a, b - a);
        if (line.len && !has_line(cur, line) && !pdf_textout_had_line(&r->t, line)) {
            LS_TRY(ls_buf_add(out, line.ptr, line.len));
            LS_TRY(ls_buf_addc(out, '\n'));
        }
        a = b + 1;
    }
    return LS_OK;
}

/* Add old's text under "[what: object N]": its lines that the text of the
 * object's current definition cur (NULL: none) lacks, when they show a
 * letter or digit. A stream that shows nothing (a CMap, a script, a
 * drawing) and an unchanged rewrite add nothing. */
static void revision(struct pdf_run *r, const char *what, uint32_t num, const struct pdf_obj *old,
                     const struct pdf_obj *cur)
{
    struct pdf_doc *d = &r->d;
    struct pdf_textout a, b;
    pdf_textout_init(&a, d);
    pdf_textout_init(&b, d);
    a.scratch = b.scratch = true;
    struct ls_buf kept;
    ls_buf_init(&kept, PDF_MAX_STREAM);
    ls_err e = revision_text_into(r, num, old, &a);
    pdf_textout_tidy(&a); /* lines as the current text's were flushed */
    struct ls_slice sa = ls_buf_slice(&a.buf);
    if (has_alnum(sa)) {
        if (cur && cur->kind == old->kind) (void)revision_text_into(r, num, cur, &b);
        pdf_textout_tidy(&b);
        if (new_lines(r, sa, ls_buf_slice(&b.buf), &kept) == LS_OK) sa = ls_buf_slice(&kept);
    }
    char line[64];
    int n = snprintf(line, sizeof line, "[%s: object %u]\n", what, num);
    if (has_alnum(sa) && n > 0 && (size_t)n < sizeof line) {
        (void)pdf_textout_sep(&r->t, '\n');
        text_result(r, pdf_textout_add(&r->t, line, (size_t)n));
        text_result(r, pdf_textout_add(&r->t, sa.ptr, sa.len));
        text_result(r, pdf_textout_flush(&r->t)); /* known from now on */
    }
    ls_buf_free(&kept);
    pdf_textout_free(&a);
    pdf_textout_free(&b);
    text_result(r, e == LS_E_LIMIT ? LS_OK : e);
}

/* Appearance streams of every state (/AP /N /D /R, each a stream or a
 * dictionary of states): a checkbox's /Off and /Yes drawings are no
 * unused content. */
static void mark_appearances(struct pdf_run *r)
{
    struct pdf_doc *d = &r->d;
    for (size_t i = 0; i < d->nx; i++) {
        const struct pdf_obj *o = pdf_dict_of(d->x[i].obj);
        const struct pdf_obj *ap = o ? pdf_dict_of(pdf_dict_getr(d, o, "AP")) : NULL;
        for (size_t k = 0; ap && k < ap->u.d.n; k++) {
            const struct pdf_obj *v = ap->u.d.v[k].val;
            if (v->kind == PDF_REF) (void)pdf_done_test_set(d, v->u.ref.num);
            const struct pdf_obj *states = pdf_dict_of(pdf_resolve(d, (struct pdf_obj *)v));
            for (size_t m = 0; states && states->kind == PDF_DICT && m < states->u.d.n; m++)
                if (states->u.d.v[m].val->kind == PDF_REF)
                    (void)pdf_done_test_set(d, states->u.d.v[m].val->u.ref.num);
        }
    }
}

static void superseded(void *ud, uint32_t num, struct pdf_obj *o)
{
    struct pdf_run *r = ud;
    if (!want_text(r) || (o->kind == PDF_STREAM && !content_like(o))) return;
    if (o->kind != PDF_STREAM && !pdf_dict_of(o) && o->kind != PDF_ARRAY) return;
    revision(r, "earlier revision", num, o, pdf_get(&r->d, num));
}

/* Current streams no page, form or annotation used: the content an
 * update unlinked from its page but did not free. */
static void unused_streams(struct pdf_run *r)
{
    struct pdf_doc *d = &r->d;
    for (size_t i = 0; i < d->nx && want_text(r); i++) {
        if ((d->x[i].type != 1 && d->x[i].type != 2) || !d->x[i].obj) continue;
        const struct pdf_obj *o = d->x[i].obj;
        if (o->kind != PDF_STREAM || !content_like(o) || pdf_done_test_set(d, (uint32_t)i)) continue;
        revision(r, "unused content", (uint32_t)i, o, NULL);
    }
}

static void earlier_revisions(struct pdf_run *r)
{
    /* a recovered file weighed every definition already */
    if (!want_text(r) || r->d.scanned || !pdf_several_revisions(&r->d)) return;
    text_result(r, pdf_textout_flush(&r->t)); /* the current text's lines are known */
    mark_appearances(r);
    shown_build(r);
    unused_streams(r);
    (void)pdf_each_superseded(&r->d, PDF_MAX_SUPERSEDED, superseded, r);
}

/* ---- entry ---- */

/* Complete files end with %%EOF; junk after it (appended data) is fine,
 * but objects after the last %%EOF mean an update was cut off. */
static bool has_eof_marker(struct ls_slice in)
{
    size_t last = SIZE_MAX, pos = 0;
    for (;;) {
        size_t f = ls_slice_find(in, pos, "%%EOF", 5);
        if (f == SIZE_MAX) break;
        last = f;
        pos = f + 5;
    }
    if (last == SIZE_MAX) return false;
    return ls_slice_find(in, last, "endobj", 6) == SIZE_MAX &&
           ls_slice_find(in, last, "endstream", 9) == SIZE_MAX;
}

static ls_err finish(struct pdf_run *r, bool any_text)
{
    struct pdf_doc *d = &r->d;
    text_result(r, pdf_textout_flush(&r->t));
    if (d->encrypted && !d->crypt_ok) {
        if (!any_text) ls_set_coverage_none(d->c, d->o);
        return LS_E_ENCRYPTED;
    }
    if (r->stop != LS_OK) return r->stop;
    if (d->limited || r->text_full || r->kids_full) return LS_E_LIMIT;
    if (d->truncated) return LS_E_TRUNCATED;
    if (d->corrupt) return LS_E_CORRUPT;
    return LS_OK;
}

/* A zip appended after the PDF (cat doc.pdf x.zip), ending the file: readers
 * open the PDF, unzip opens the zip, so the zip is as much the file's
 * content as the PDF is. Its central directory must be valid and its local
 * headers all where it says, after a prefix (the PDF); it is handed on as
 * the member "appended_zip" (no extension: it may be a docx as well as a
 * zip) for the archive or ooxml handler. */
static bool zip_ends_the_file(struct ls_slice s)
{
    size_t eocd = SIZE_MAX;
    for (size_t at = ls_slice_find(s, s.len > 65557 ? s.len - 65557 : 0, "PK\x05\x06", 4);
         at != SIZE_MAX; at = ls_slice_find(s, at + 1, "PK\x05\x06", 4))
        eocd = at;
    uint16_t clen;
    if (eocd == SIZE_MAX || !ls_rd_u16le(s, eocd + 20, &clen)) return false;
    /* A zip the PDF goes on after (a raw embedded-file stream, then
     * endstream ... %%EOF) is no appendix: its members are the PDF's own
     * children already. Only white space may follow the zip's end. */
    for (size_t i = eocd + 22 + clen; i < s.len; i++) {
        int ch = ls_slice_at(s, i);
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n' && ch != 0) return false;
    }
    return true;
}

static void appended_zip(struct pdf_run *r)
{
    struct pdf_doc *d = &r->d;
    struct ls_zipcd_report z;
    struct ls_slice tail;
    struct ls_slice s = d->o->data;
    if (r->stop != LS_OK || r->kids_full || !zip_ends_the_file(s)) return;
    if (ls_zipcd_check(s, &z) != LS_OK || !z.is_zip || z.prefix == 0 || z.bad_local != 0 ||
        (z.entries == 0 && !z.bomb) || !ls_slice_from(s, (size_t)z.prefix, &tail) ||
        !ls_slice_starts(tail, "PK\x03\x04", 4))
        return;
    ls_note(d->c, d->o, NULL,
            "pdf: zip appended after %llu bytes (polyglot), read as member 'appended_zip'",
            (unsigned long long)z.prefix);
    static const char nm[] = "appended_zip";
    emit_child(r, (struct ls_slice){(const uint8_t *)nm, sizeof nm - 1}, tail, LS_OK, tail.len);
}

static ls_err pdf_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct pdf_run *r = calloc(1, sizeof *r);
    if (!r) return LS_E_NOMEM;
    ls_err err = pdf_doc_open(&r->d, c, o);
    struct pdf_doc *d = &r->d;
    pdf_textout_init(&r->t, d);
    if (err != LS_OK) goto out;
    r->pages = calloc(d->max_obj / 8 + 1, 1);
    if (!r->pages) {
        err = LS_E_NOMEM;
        goto out;
    }
    /* more than one revision: the lines of the current text are kept, so
     * only what earlier revisions had and the current one lacks is added */
    if (pdf_several_revisions(d)) pdf_textout_keep_lines(&r->t);
    if (!has_eof_marker(d->data)) {
        d->truncated = true;
        ls_note(c, o, LS_R_TRUNCATED, "pdf: no %%%%EOF after the last object");
    }
    if (d->encrypted && !d->crypt_ok) {
        walk_objects(r, false); /* names are not encrypted: alerts still work */
        appended_zip(r);
        err = finish(r, false);
        goto out;
    }
    info_text(r);
    struct pdf_obj *root = pdf_dict_getr(d, d->trailer, "Root");
    if (root->kind == PDF_DICT) {
        const struct pdf_obj *form = pdf_dict_of(pdf_dict_getr(d, root, "AcroForm"));
        const struct pdf_obj *na = form ? pdf_dict_getr(d, form, "NeedAppearances") : NULL;
        r->need_ap = na && na->kind == PDF_BOOL && na->u.b;
        page_tree(r, pdf_dict_get(root, "Pages") ? pdf_dict_get(root, "Pages") : &pdf_null_obj, 0);
        dict_checks(r, root, 0);
        xfa_form(r, root);
    }
    walk_objects(r, true);
    /* mostly a scan (a photo or a scanned appendix among text pages is not) */
    if (d->pages_image_only && d->pages_image_only >= d->pages_read - d->pages_image_only)
        ls_note(c, o, LS_R_UNSUPPORTED,
                "pdf: %u of %u pages are images with no text (scanned?): what they show is not read (no OCR)",
                d->pages_image_only, d->pages_read);
    if (d->cjk_unmapped)
        ls_note(c, o, LS_R_UNSUPPORTED,
                "pdf: %llu glyphs of Adobe CJK CID fonts that no ToUnicode maps not read (CIDs past 95 with no "
                "CID-to-Unicode table: poppler-data not installed, or a CID it leaves unmapped; U+FFFD in the text)",
                (unsigned long long)d->cjk_unmapped);
    if (root->kind == PDF_DICT) xmp_text(r, root);
    earlier_revisions(r);
    if (d->arena.failed) {
        ls_note(c, o, LS_R_LIMIT_MEMORY, "pdf: object memory limit reached");
        d->limited = true;
    }
    appended_zip(r);
    err = finish(r, true);
out:
    pdf_textout_free(&r->t);
    free(r->shown);
    free(r->pages);
    pdf_doc_close(d);
    free(r);
    return err;
}

const struct ls_handler ls_handler_pdf = {
    .name = "pdf",
    .probe = pdf_probe,
    .extract = pdf_extract,
};
