/*
 * Markup helpers over libxml2 (see markup.h for the safety contract).
 *
 * libxml2 is driven through its push parsers (xmlCreatePushParserCtxt,
 * htmlCreatePushParserCtxt) with our own SAX handlers, fed in chunks so large
 * documents are never copied whole and never built into a tree. Our SAX
 * handler has no getEntity / getParameterEntity / resolveEntity /
 * externalSubset callbacks and an entityDecl that only records the fact:
 * libxml2 then has no definition to expand and nothing to load. Only the
 * five predefined XML entities and character references are decoded.
 *
 * Attacker-controlled: everything in the input. libxml2 limits (no
 * XML_PARSE_HUGE) cap names and text nodes; we cap nesting depth.
 */
#include "extract/markup.h"
#include "extract/htmlent.h"
#include "extract/tablectx.h"
#include "extract/texttable.h"
#include "extract/text.h"

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <string.h>
#include <stdlib.h>
#include <strings.h>

#define MARKUP_CHUNK (256u * 1024u)     /* bytes per push-parser feed */
#define TEXTOUT_FLUSH (64u * 1024u)     /* textout hands over this much at once */
#define MARKUP_TIME_EVERY 4096u         /* check the clock every so many elements */
#define MARKUP_PRE_MAX (4u * 1024u * 1024u) /* a <pre>'s text kept for its table labels */

/* ---------------------------------------------------------------- globals */

static bool markup_ready;
/* Stands in for every entity reference that is not one of the five
 * predefined ones: libxml2 treats it as predefined and inlines its content,
 * one space, so nothing is expanded or loaded, text around it is kept and
 * the parser does not drop later references after an "undeclared entity"
 * error. Immutable after ls_markup_global_init(). */
static xmlEntity markup_void_entity;

/* HTML 4's named character references (&eacute; &Tau; &nbsp;: PHP's
 * htmlentities() writes them into XML exports, PhpSpreadsheet's
 * issue.2157.small.xml) read as their characters instead of a space, as a
 * browser would: still nothing declared in the document is expanded.
 * Built from libxml2's HTML table at init; immutable after. */
#define MARKUP_HTML_ENTITIES 512u
static xmlEntity markup_html_entity[MARKUP_HTML_ENTITIES];
static char markup_html_utf8[MARKUP_HTML_ENTITIES][4];
static size_t markup_n_html;

static void markup_html_entities_init(void)
{
    markup_n_html = 0;
    /* HTML 4's last is U+2666 (&diams;); libxml2 looks values up in order */
    for (unsigned cp = 1; cp < 0x2700u && markup_n_html < MARKUP_HTML_ENTITIES; cp++) {
        const htmlEntityDesc *e = htmlEntityValueLookup(cp);
        if (!e || e->value != cp || !e->name) continue;
        if (cp == '&' || cp == '<' || cp == '>' || cp == '"' || cp == '\'') continue; /* predefined */
        char *u = markup_html_utf8[markup_n_html];
        size_t n;
        if (cp < 0x80) {
            u[0] = (char)cp, n = 1;
        } else if (cp < 0x800) {
            u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
        } else {
            u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
            u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
        }
        xmlEntity *x = &markup_html_entity[markup_n_html++];
        memset(x, 0, sizeof *x);
        x->type = XML_ENTITY_DECL;
        x->name = (const xmlChar *)e->name;
        x->content = (xmlChar *)u;
        x->length = (int)n;
        x->etype = XML_INTERNAL_PREDEFINED_ENTITY;
    }
}

static xmlEntityPtr markup_html_entity_get(const xmlChar *name)
{
    for (size_t i = 0; name && i < markup_n_html; i++)
        if (strcmp((const char *)markup_html_entity[i].name, (const char *)name) == 0)
            return &markup_html_entity[i];
    return NULL;
}

static xmlParserInputPtr markup_no_loader(const char *url, const char *id, xmlParserCtxtPtr px)
{
    (void)url;
    (void)id;
    (void)px;
    return NULL; /* never read any external entity, DTD or file */
}

static void markup_silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void markup_silent_s(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

void ls_markup_global_init(void)
{
    if (markup_ready) return;
    xmlInitParser();
    memset(&markup_void_entity, 0, sizeof markup_void_entity);
    markup_void_entity.type = XML_ENTITY_DECL;
    markup_void_entity.name = (const xmlChar *)"leaksift-void";
    markup_void_entity.content = (xmlChar *)" ";
    markup_void_entity.length = 1;
    markup_void_entity.etype = XML_INTERNAL_PREDEFINED_ENTITY;
    markup_html_entities_init();
    xmlSetExternalEntityLoader(markup_no_loader);
    xmlSetGenericErrorFunc(NULL, markup_silent);
    xmlSetStructuredErrorFunc(NULL, markup_silent_s);
    markup_ready = true;
}

/* ---------------------------------------------------------------- textout */

void ls_textout_init(struct ls_textout *t, struct ls_ctx *c, struct ls_object *o)
{
    t->c = c;
    t->o = o;
    ls_buf_init(&t->buf, TEXTOUT_FLUSH * 2);
    t->err = LS_OK;
    t->total = 0;
    t->last = 0;
}

ls_err ls_textout_flush(struct ls_textout *t)
{
    if (t->err != LS_OK) return t->err;
    if (t->buf.len == 0) return LS_OK;
    ls_err e = ls_emit_text(t->c, t->o, t->buf.ptr, t->buf.len);
    ls_buf_reset(&t->buf);
    if (e != LS_OK) t->err = e;
    return t->err;
}

ls_err ls_textout_add(struct ls_textout *t, const void *p, size_t n)
{
    struct ls_slice s = ls_slice_make(p, n);
    /* Common case (one text node, fits before the next flush): one append. */
    if (t->err == LS_OK && n > 0 && t->buf.len < TEXTOUT_FLUSH && n <= TEXTOUT_FLUSH - t->buf.len) {
        ls_err e = ls_buf_add(&t->buf, p, n);
        if (e != LS_OK) {
            t->err = e;
            return e;
        }
        t->total += n;
        t->last = (uint8_t)ls_slice_at(s, n - 1);
        return LS_OK;
    }
    while (t->err == LS_OK && s.len > 0) {
        size_t room = TEXTOUT_FLUSH - (t->buf.len < TEXTOUT_FLUSH ? t->buf.len : TEXTOUT_FLUSH);
        if (room == 0) {
            LS_TRY(ls_textout_flush(t));
            continue;
        }
        size_t take = s.len < room ? s.len : room;
        /* never end a flush inside a UTF-8 sequence: ls_emit_text() takes
         * each call whole and would replace both halves (a Cyrillic word
         * 64 KiB into ooxml_parser's footnote_reference docx read "Боги
         * \uFFFD\uFFFDлимпа"); the buffer has room for the 3 more bytes */
        while (take < s.len && take < room + 3 && (ls_slice_at(s, take) & 0xC0) == 0x80) take++;
        struct ls_slice piece, rest;
        (void)ls_slice_sub(s, 0, take, &piece);
        (void)ls_slice_from(s, take, &rest);
        ls_err e = ls_buf_add(&t->buf, piece.ptr, piece.len);
        if (e != LS_OK) {
            t->err = e;
            break;
        }
        t->total += take;
        t->last = (uint8_t)ls_slice_at(piece, take - 1);
        s = rest;
    }
    return t->err;
}

ls_err ls_textout_addz(struct ls_textout *t, const char *s)
{
    return ls_textout_add(t, s, strlen(s));
}

static bool markup_is_space(uint8_t ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

ls_err ls_textout_sep(struct ls_textout *t, char sep)
{
    if (t->err != LS_OK) return t->err;
    if (t->total == 0 || t->last == '\n') return LS_OK;
    /* a line break is stronger than a space or tab already written */
    if (markup_is_space(t->last) && sep != '\n') return LS_OK;
    if (sep == '\n' && t->last == ' ' && t->buf.len > 0) {
        t->buf.len--; /* the space not yet flushed becomes the break: no trailing blank */
        t->total--;
    }
    return ls_textout_add(t, &sep, 1);
}

/* Drop the spaces and tabs at the end of what is not flushed yet (the text
 * already handed on cannot be taken back; textout flushes only before it
 * adds more, so the bytes a separator just wrote are always still here). */
static void textout_unwind(struct ls_textout *t)
{
    struct ls_slice b = ls_buf_slice(&t->buf);
    size_t n = b.len;
    while (n > 0 && (ls_slice_at(b, n - 1) == ' ' || ls_slice_at(b, n - 1) == '\t')) n--;
    if (n == b.len) return;
    t->total -= b.len - n;
    t->buf.len = n;
    t->last = n > 0 ? (uint8_t)ls_slice_at(b, n - 1) : 0;
}

ls_err ls_textout_cell(struct ls_textout *t)
{
    if (t->err != LS_OK) return t->err;
    if (t->total == 0 || t->last == '\n' || t->last == '\t') return LS_OK;
    textout_unwind(t); /* the space after a cell's last paragraph */
    if (t->total == 0 || t->last == '\n') return LS_OK;
    return ls_textout_add(t, "\t", 1);
}

ls_err ls_textout_line(struct ls_textout *t)
{
    if (t->err != LS_OK) return t->err;
    if (t->total == 0 || t->last == '\n') return LS_OK;
    textout_unwind(t); /* no tab or space before the break */
    if (t->total == 0 || t->last == '\n') return LS_OK;
    return ls_textout_add(t, "\n", 1);
}

ls_err ls_textout_finish(struct ls_textout *t)
{
    ls_err e = ls_textout_flush(t);
    ls_buf_free(&t->buf);
    return e;
}

/* ---------------------------------------------------------------- encoding */

/* A C0 control other than tab, LF and CR is no XML 1.0 character. Writers
 * still put them in: ONLYOFFICE left a raw 0x02 inside a field's w:instr
 * attribute (ONLYOFFICE-QA ooxml_parser's shade_nil.docx), exporters copy a
 * cell's vertical tab or a pasted 0x01 into w:t. libxml2 in recover mode
 * then stops the tag there: the rest of the attribute read as text ("\*
 * MERGEFORMAT\">") and the text after it was lost, or it drops the byte
 * and glues the words around it; either way the part was a parse_error.
 * Each such byte reads as a space, as NUL does (a carved file's padding). */
static bool markup_bad_ctl(uint8_t ch)
{
    return ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r';
}

/* The first such byte of p[0..n), n if none: eight bytes at a time, a
 * word with no byte below 0x20 passed whole (a tab or line break makes
 * its eight bytes be looked at one by one). */
static size_t markup_first_ctl(const uint8_t *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, p + i, 8);
        if (((x - 0x20 * ones) & ~x & highs) == 0) continue;
        for (size_t k = i; k < i + 8; k++)
            if (markup_bad_ctl(p[k])) return k;
    }
    for (; i < n; i++)
        if (markup_bad_ctl(p[i])) return i;
    return n;
}

static ls_err markup_controls(struct ls_buf *conv, struct ls_slice *out)
{
    size_t i = out->len ? markup_first_ctl(out->ptr, out->len) : 0;
    if (i == out->len) return LS_OK;
    if (out->ptr != conv->ptr) { /* the input itself: copy it first */
        LS_TRY(ls_buf_add(conv, out->ptr, out->len));
        *out = ls_buf_slice(conv);
    }
    for (; i < conv->len; i++)
        if (markup_bad_ctl(conv->ptr[i])) conv->ptr[i] = ' ';
    return LS_OK;
}

/*
 * Give libxml2 UTF-8 only, so it never loads an iconv converter (a gconv
 * module is a file read inside the sandbox). UTF-16 (BOM or "<" pattern) is
 * converted, a UTF-8 BOM dropped, valid UTF-8 passed through, anything else
 * read as Windows-1252 (a superset of Latin-1 for printable text).
 */
static ls_err markup_prepare(struct ls_slice in, struct ls_buf *conv, struct ls_slice *out)
{
    int b0 = ls_slice_at(in, 0), b1 = ls_slice_at(in, 1), b2 = ls_slice_at(in, 2),
        b3 = ls_slice_at(in, 3);
    struct ls_slice rest;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
        (void)ls_slice_from(in, 3, &rest);
        in = rest;
    } else if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
        (void)ls_slice_from(in, 2, &rest);
        LS_TRY(ls_utf16_to_utf8(conv, rest, b0 == 0xFE));
        *out = ls_buf_slice(conv);
        return markup_controls(conv, out);
    } else if ((b0 == '<' && b1 == 0 && b3 == 0 && b2 > 0) || (b0 == 0 && b1 == '<' && b2 == 0 && b3 > 0)) {
        LS_TRY(ls_utf16_to_utf8(conv, in, b0 == 0));
        *out = ls_buf_slice(conv);
        return markup_controls(conv, out);
    }
    if (ls_utf8_valid(in)) {
        *out = in;
        return markup_controls(conv, out);
    }
    /* No charset the reader could use (html.c and xml.c recode what
     * declares one): the text handler's guess (text.h: GBK, Big5, EUC-KR,
     * the Cyrillic, Greek, Hebrew, Arabic and Thai pages, Shift_JIS,
     * EUC-JP), Windows-1252 when it has none. chardet's label-less pages
     * (_chromium_*_with_no_encoding_specified.html) lost every word. */
    size_t bom;
    enum ls_text_enc enc = ls_text_detect(in, &bom);
    if (enc == LS_TEXT_UTF8 || enc == LS_TEXT_BINARY || ls_text_wide(enc)) enc = LS_TEXT_CP1252;
    LS_TRY(ls_text_convert(in, enc, conv));
    *out = ls_buf_slice(conv);
    return markup_controls(conv, out);
}

static size_t markup_conv_max(size_t len)
{
    return len > SIZE_MAX / 4 ? SIZE_MAX / 4 : len * 3 + 16;
}

/* ---------------------------------------------------------------- XML walk */

struct markup_walk {
    struct ls_ctx *c;
    struct ls_object *o;
    const struct ls_xml_sax *sax;
    void *ud;
    xmlParserCtxtPtr px;
    ls_err err;
    unsigned depth;
    unsigned long elements;
    unsigned long texts;
    bool entity_noted;
    unsigned plain_entities; /* harmless declarations let pass (walk_entity_decl) */
    bool soup_cr; /* soup walk: the last text byte seen was a CR */
    struct ls_xml_attr attrs[LS_XML_MAX_ATTRS];
    struct ls_buf amp; /* attribute values with their "&#38;" decoded (walk_amp) */
};

static void walk_stop(struct markup_walk *w, ls_err e)
{
    if (w->err == LS_OK) w->err = e;
    if (w->px) xmlStopParser(w->px);
}

static const char *walk_str(const xmlChar *s)
{
    return s ? (const char *)s : "";
}

/* An element opens: depth and the root's clock are checked (every
 * MARKUP_TIME_EVERY elements); false when the walk must stop. */
static bool walk_enter(struct markup_walk *w)
{
    if (++w->depth > LS_MARKUP_MAX_DEPTH) {
        walk_stop(w, LS_E_CORRUPT);
        return false;
    }
    if ((++w->elements % MARKUP_TIME_EVERY) == 0 && ls_ctx_expired(w->c)) {
        walk_stop(w, LS_E_TIMEOUT);
        return false;
    }
    return true;
}

/*
 * libxml2 (2.9, entities not substituted) hands an attribute value's
 * "&amp;" and "&#38;" on as the five bytes "&#38;" (to be reparsed by a
 * tree builder); every other reference arrives decoded. A parsed value
 * holds no bare "&", so each "&#38;" is one "&": decoded here, or a sheet
 * named "R&D" read "R&#38;D" and a link's "?a=1&b=2" "?a=1&#38;b=2"
 * (tidyxl's examples.xlsx; tests/e2e/test_realsweep7.py). The decoded
 * values live in w->amp until the next element.
 */
static ls_err walk_amp(struct markup_walk *w, size_t n)
{
    static const char ref[] = "&#38;";
    const size_t rl = sizeof ref - 1;
    size_t need = 0;
    /* most values hold no '&' at all: one memchr each decides it */
    for (size_t i = 0; i < n; i++)
        if (w->attrs[i].value.len >= rl && ls_slice_find(w->attrs[i].value, 0, "&", 1) != SIZE_MAX &&
            ls_slice_find(w->attrs[i].value, 0, ref, rl) != SIZE_MAX)
            need += w->attrs[i].value.len;
    if (need == 0) return LS_OK;
    ls_buf_reset(&w->amp);
    LS_TRY(ls_buf_reserve(&w->amp, need + 1));
    for (size_t i = 0; i < n; i++) {
        struct ls_slice v = w->attrs[i].value;
        if (ls_slice_find(v, 0, ref, rl) == SIZE_MAX) continue;
        size_t start = w->amp.len;
        for (size_t k = 0; k < v.len;) {
            if (k + rl <= v.len && memcmp(v.ptr + k, ref, rl) == 0) {
                LS_TRY(ls_buf_addc(&w->amp, '&'));
                k += rl;
            } else {
                LS_TRY(ls_buf_addc(&w->amp, v.ptr[k]));
                k++;
            }
        }
        /* reserved up front: the buffer never moves while values point in */
        w->attrs[i].value = ls_slice_make(w->amp.ptr + start, w->amp.len - start);
    }
    return LS_OK;
}

static void walk_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                       int nb_ns, const xmlChar **ns, int nb_attrs, int nb_def,
                       const xmlChar **attrs)
{
    struct markup_walk *w = ctx;
    (void)prefix;
    (void)nb_ns;
    (void)ns;
    (void)nb_def;
    if (w->err != LS_OK) return;
    if (!walk_enter(w)) return;
    if (!w->sax->start) return;
    size_t n = 0;
    for (int i = 0; i < nb_attrs && n < LS_XML_MAX_ATTRS; i++) {
        /* libxml2 SAX2: 5 pointers per attribute: local, prefix, URI, value, end */
        const xmlChar *const *a = &attrs[(size_t)i * 5];
        const xmlChar *vb = a[3], *ve = a[4];
        size_t vlen = (vb && ve && ve >= vb) ? (size_t)(ve - vb) : 0;
        w->attrs[n].local = walk_str(a[0]);
        w->attrs[n].ns = walk_str(a[2]);
        w->attrs[n].value = ls_slice_make(vb ? vb : (const xmlChar *)"", vlen);
        n++;
    }
    ls_err e = walk_amp(w, n);
    if (e == LS_OK) e = w->sax->start(w->ud, walk_str(local), walk_str(uri), w->attrs, n);
    if (e != LS_OK) walk_stop(w, e);
}

static void walk_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    struct markup_walk *w = ctx;
    (void)prefix;
    if (w->err != LS_OK) return;
    if (w->depth > 0) w->depth--;
    if (!w->sax->end) return;
    ls_err e = w->sax->end(w->ud, walk_str(local), walk_str(uri));
    if (e != LS_OK) walk_stop(w, e);
}

static void walk_chars(void *ctx, const xmlChar *ch, int len)
{
    struct markup_walk *w = ctx;
    if (w->err != LS_OK) return;
    if ((++w->texts % MARKUP_TIME_EVERY) == 0 && ls_ctx_expired(w->c)) {
        walk_stop(w, LS_E_TIMEOUT);
        return;
    }
    if (!w->sax->text || len <= 0) return;
    ls_err e = w->sax->text(w->ud, ls_slice_make(ch, (size_t)len));
    if (e != LS_OK) walk_stop(w, e);
}

static void walk_note_entity(struct markup_walk *w, const xmlChar *name)
{
    if (w->entity_noted) return;
    w->entity_noted = true;
    ls_note(w->c, w->o, LS_A_XML_ENTITY, "xml: DOCTYPE declares entity '%.64s' (not expanded)",
            walk_str(name));
}

/* A file of XML on its own (not a part of an OOXML or ODF package, where
 * no writer puts a DOCTYPE): the type libmagic gave it. */
static bool standalone_xml(const struct ls_object *o)
{
    const char *m = o->mime;
    if (!m) return false;
    size_t n = strlen(m);
    return strncmp(m, "text/", 5) == 0 || strcmp(m, "application/xml") == 0 ||
           (n > 4 && strcmp(m + n - 4, "+xml") == 0);
}

/* An internal general entity whose value is short plain text: Adobe
 * Illustrator's SVGs (`<!ENTITY ns_svg "http://www.w3.org/2000/svg">`) and
 * DocBook sources (`<!ENTITY version "0.21">`) declare them. Nothing in
 * such a value can expand: no reference (&, %), no markup. */
#define MARKUP_PLAIN_ENTITY_MAX 4096u
#define MARKUP_PLAIN_ENTITIES 64u

static bool plain_entity(int type, const xmlChar *content)
{
    if (type != XML_INTERNAL_GENERAL_ENTITY || !content) return false;
    size_t n = strlen((const char *)content);
    return n <= MARKUP_PLAIN_ENTITY_MAX && !strpbrk((const char *)content, "&%<");
}

static void walk_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *pub,
                             const xmlChar *sys, xmlChar *content)
{
    struct markup_walk *w = ctx;
    (void)pub;
    (void)sys;
    /* A billion laughs nests references, a quadratic blow-up repeats one
     * long value, an XXE names a SYSTEM/PUBLIC source: those, any entity
     * inside a package part, and more than 64 declarations stay alerts. */
    if (standalone_xml(w->o) && plain_entity(type, content) && w->plain_entities < MARKUP_PLAIN_ENTITIES) {
        if (w->plain_entities++ == 0)
            ls_note(w->c, w->o, NULL, "xml: DOCTYPE declares plain-text entities (such as '%.64s'); not expanded",
                    walk_str(name));
        return;
    }
    walk_note_entity(ctx, name);
}

static void walk_unparsed_decl(void *ctx, const xmlChar *name, const xmlChar *pub,
                               const xmlChar *sys, const xmlChar *notation)
{
    (void)pub;
    (void)sys;
    (void)notation;
    walk_note_entity(ctx, name);
}

static xmlEntityPtr walk_get_entity(void *ctx, const xmlChar *name)
{
    (void)ctx;
    xmlEntityPtr h = markup_html_entity_get(name);
    return h ? h : &markup_void_entity;
}

static void walk_sax_init(xmlSAXHandler *h)
{
    memset(h, 0, sizeof *h);
    h->initialized = XML_SAX2_MAGIC;
    h->startElementNs = walk_start;
    h->endElementNs = walk_end;
    h->characters = walk_chars;
    h->cdataBlock = walk_chars;
    h->entityDecl = walk_entity_decl;
    h->unparsedEntityDecl = walk_unparsed_decl;
    h->getEntity = walk_get_entity;
    /* getParameterEntity, resolveEntity, externalSubset stay NULL and no
     * declaration is ever stored, so nothing can be expanded or loaded. */
}

/* libxml2 keeps internal entity declarations in a stand-in document even
 * in SAX mode ("expat compatibility"); they are never looked up (our
 * getEntity answers first) but the caller must free them. */
static void markup_free_doc(xmlParserCtxtPtr px)
{
    if (px->myDoc) {
        xmlFreeDoc(px->myDoc);
        px->myDoc = NULL;
    }
}

#define MARKUP_XML_OPTIONS                                                                     \
    (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER |           \
     XML_PARSE_IGNORE_ENC | XML_PARSE_NOXINCNODE)

/* Feed in to a push parser chunk by chunk until done or w->err is set. */
static void walk_feed(struct markup_walk *w, struct ls_slice in, bool html)
{
    size_t off = 0;
    while (off < in.len && w->err == LS_OK) {
        size_t n = in.len - off < MARKUP_CHUNK ? in.len - off : MARKUP_CHUNK;
        struct ls_slice piece;
        if (!ls_slice_sub(in, off, n, &piece)) break;
        if (html)
            (void)htmlParseChunk(w->px, (const char *)piece.ptr, (int)n, 0);
        else
            (void)xmlParseChunk(w->px, (const char *)piece.ptr, (int)n, 0);
        off += n;
        if (w->err == LS_OK && ls_ctx_expired(w->c)) w->err = LS_E_TIMEOUT;
    }
    if (w->err == LS_OK) {
        if (html)
            (void)htmlParseChunk(w->px, NULL, 0, 1);
        else
            (void)xmlParseChunk(w->px, NULL, 0, 1);
    }
}

/*
 * XML held in memory is parsed by libxml2's pull parser over one
 * NUL-terminated copy of it. The push parser costs ~10% more
 * instructions for the same events (it looks ahead for complete tokens at
 * every step) and bought nothing here: the part is in memory already. The
 * root's clock is still checked every MARKUP_TIME_EVERY elements and text
 * callbacks. Inputs above INT_MAX bytes (libxml2's length type) go through
 * the push parser in chunks as before.
 */
#define MARKUP_PULL_MAX ((size_t)INT_MAX)

static xmlParserCtxtPtr walk_pull_ctxt(const xmlSAXHandler *h, struct markup_walk *w,
                                       struct ls_slice in)
{
    xmlParserCtxtPtr px = xmlNewParserCtxt();
    if (!px) return NULL;
    *px->sax = *h; /* px->sax is libxml2's own full-size handler copy */
    px->userData = w;
    /* CreateMem copies and NUL-terminates (libxml2's scanners rely on the
     * terminator; CreateStatic would read our bytes in place without one). */
    xmlParserInputBufferPtr buf =
        xmlParserInputBufferCreateMem((const char *)in.ptr, (int)in.len, XML_CHAR_ENCODING_NONE);
    xmlParserInputPtr stream = buf ? xmlNewIOInputStream(px, buf, XML_CHAR_ENCODING_NONE) : NULL;
    if (!stream) {
        if (buf) xmlFreeParserInputBuffer(buf);
        xmlFreeParserCtxt(px);
        return NULL;
    }
    if (inputPush(px, stream) < 0) {
        xmlFreeInputStream(stream);
        xmlFreeParserCtxt(px);
        return NULL;
    }
    /* xmlParseDocument sniffs the first four bytes only while no encoding
     * is set (00 00 00 3C would switch to UCS-4 through iconv); the input is
     * UTF-8 by now, so say so. The push parser keys the same sniffing on
     * px->charset, which xmlSwitchEncoding sets. */
    px->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    if (!px->encoding) {
        xmlFreeParserCtxt(px);
        return NULL;
    }
    return px;
}

ls_err ls_markup_xml_walk(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml,
                          const struct ls_xml_sax *sax, void *ud)
{
    ls_markup_global_init();
    struct ls_buf conv;
    ls_buf_init(&conv, markup_conv_max(xml.len));
    struct ls_slice in;
    ls_err e = markup_prepare(xml, &conv, &in);
    if (e != LS_OK) {
        ls_buf_free(&conv);
        return e == LS_E_LIMIT ? LS_E_NOMEM : e;
    }
    if (in.len == 0) { /* an empty part holds no text; not a damaged one */
        ls_buf_free(&conv);
        return LS_OK;
    }
    /* Blanks before the XML declaration (a PHP template's indentation:
     * PhpSpreadsheet's issue.2157.small.xml) are a fatal error to libxml2,
     * after which it drops every entity reference: skipped. */
    size_t lead = 0;
    while (lead < in.len && (in.ptr[lead] == ' ' || in.ptr[lead] == '\t' || in.ptr[lead] == '\r' ||
                             in.ptr[lead] == '\n'))
        lead++;
    if (lead > 0 && ls_slice_find(in, lead, "<?xml", 5) == lead) (void)ls_slice_from(in, lead, &in);
    struct markup_walk w;
    memset(&w, 0, sizeof w);
    w.c = c;
    w.o = o;
    w.sax = sax;
    w.ud = ud;
    ls_buf_init(&w.amp, in.len + 64);
    xmlSAXHandler h;
    walk_sax_init(&h);
    bool pull = in.len <= MARKUP_PULL_MAX;
    w.px = pull ? walk_pull_ctxt(&h, &w, in) : xmlCreatePushParserCtxt(&h, &w, NULL, 0, NULL);
    if (!w.px) {
        ls_buf_free(&conv);
        return LS_E_NOMEM;
    }
    (void)xmlCtxtUseOptions(w.px, MARKUP_XML_OPTIONS);
    /* The input is UTF-8 by now: skip libxml2's own detection, which would
     * take 00 00 00 3C for UCS-4 and open an iconv converter. */
    (void)xmlSwitchEncoding(w.px, XML_CHAR_ENCODING_UTF8);
    w.px->replaceEntities = 0;
    w.px->loadsubset = 0;
    w.px->validate = 0;
    if (pull)
        (void)xmlParseDocument(w.px);
    else
        walk_feed(&w, in, false);
    bool wf = w.px->wellFormed != 0;
    markup_free_doc(w.px);
    xmlFreeParserCtxt(w.px);
    ls_buf_free(&conv);
    ls_buf_free(&w.amp);
    if (w.err != LS_OK) return w.err;
    return wf ? LS_OK : LS_E_CORRUPT;
}

/* ---------------------------------------------------------------- soup walk */

/*
 * Markup that is XML in intent but often not well-formed (VML: "<br>" with
 * no end tag, unquoted attribute values) through the same ls_xml_sax
 * callbacks, parsed by libxml2's HTML parser: it closes void and stray
 * elements itself, never stops on damage, and neither expands entities
 * other than HTML's predefined ones nor loads anything. Names reach the
 * callbacks lower-cased (the HTML parser folds them) and without their
 * prefix ("v:textbox" -> "textbox"); ns is always "". Start and end events
 * stay balanced (the parser closes what it opened).
 */
static const char *soup_local(const xmlChar *name)
{
    const char *s = walk_str(name);
    const char *colon = strrchr(s, ':');
    return colon ? colon + 1 : s;
}

static void soup_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    struct markup_walk *w = ctx;
    if (w->err != LS_OK) return;
    if (!walk_enter(w)) return;
    if (!w->sax->start) return;
    size_t n = 0;
    for (size_t i = 0; atts && atts[i] && n < LS_XML_MAX_ATTRS; i += 2) {
        const char *v = walk_str(atts[i + 1]);
        w->attrs[n].local = soup_local(atts[i]);
        w->attrs[n].ns = "";
        w->attrs[n].value = ls_slice_make(v, strlen(v));
        n++;
    }
    ls_err e = w->sax->start(w->ud, soup_local(name), "", w->attrs, n);
    if (e != LS_OK) walk_stop(w, e);
}

static void soup_end(void *ctx, const xmlChar *name)
{
    struct markup_walk *w = ctx;
    if (w->err != LS_OK) return;
    if (w->depth > 0) w->depth--;
    if (!w->sax->end) return;
    ls_err e = w->sax->end(w->ud, soup_local(name), "");
    if (e != LS_OK) walk_stop(w, e);
}

/* XML turns CRLF and a lone CR into LF (XML 1.0, 2.11); the HTML parser
 * keeps them. Done here, so VML that is well-formed reads as it would have
 * as XML (a CRLF split across two calls is one LF). */
static void soup_chars(void *ctx, const xmlChar *ch, int len)
{
    struct markup_walk *w = ctx;
    if (w->err != LS_OK || len <= 0) return;
    struct ls_slice s = ls_slice_make(ch, (size_t)len);
    uint8_t tmp[1024];
    size_t n = 0;
    for (size_t i = 0; i < s.len && w->err == LS_OK; i++) {
        uint8_t c = (uint8_t)ls_slice_at(s, i);
        bool after_cr = w->soup_cr;
        w->soup_cr = c == '\r';
        if (c == '\n' && after_cr) continue;
        tmp[n++] = c == '\r' ? '\n' : c;
        if (n == sizeof tmp) {
            walk_chars(w, tmp, (int)n);
            n = 0;
        }
    }
    if (n && w->err == LS_OK) walk_chars(w, tmp, (int)n);
}

#define MARKUP_SOUP_OPTIONS                                                                    \
    (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |       \
     HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD | HTML_PARSE_NOIMPLIED)

ls_err ls_markup_soup_walk(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml,
                           const struct ls_xml_sax *sax, void *ud)
{
    ls_markup_global_init();
    struct ls_buf conv;
    ls_buf_init(&conv, markup_conv_max(xml.len));
    struct ls_slice in;
    ls_err e = markup_prepare(xml, &conv, &in);
    if (e != LS_OK) {
        ls_buf_free(&conv);
        return e == LS_E_LIMIT ? LS_E_NOMEM : e;
    }
    struct markup_walk w;
    memset(&w, 0, sizeof w);
    w.c = c;
    w.o = o;
    w.sax = sax;
    w.ud = ud;
    htmlSAXHandler h;
    memset(&h, 0, sizeof h);
    h.startElement = soup_start;
    h.endElement = soup_end;
    h.characters = soup_chars;
    h.cdataBlock = soup_chars;
    w.px = in.len ? htmlCreatePushParserCtxt(&h, &w, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8) : NULL;
    if (in.len && !w.px) {
        ls_buf_free(&conv);
        return LS_E_NOMEM;
    }
    if (w.px) {
        (void)htmlCtxtUseOptions(w.px, MARKUP_SOUP_OPTIONS);
        walk_feed(&w, in, true);
        markup_free_doc(w.px);
        htmlFreeParserCtxt(w.px);
    }
    ls_buf_free(&conv);
    return w.err;
}

bool ls_xml_attr_get(const struct ls_xml_attr *attrs, size_t n, const char *local,
                     const char *ns, struct ls_slice *value)
{
    for (size_t i = 0; i < n; i++) {
        /* first bytes first: most attributes differ there (both strings
         * are NUL-terminated, so [0] is always readable) */
        if (attrs[i].local[0] != local[0] || strcmp(attrs[i].local, local) != 0) continue;
        if (ns && strcmp(attrs[i].ns, ns) != 0) continue;
        *value = attrs[i].value;
        return true;
    }
    return false;
}

/* ---------------------------------------------------------------- XML text */

struct xmltext {
    struct ls_textout out;
    unsigned flags;
};

static ls_err xmltext_start(void *ud, const char *local, const char *ns,
                            const struct ls_xml_attr *attrs, size_t n)
{
    struct xmltext *x = ud;
    (void)local;
    (void)ns;
    LS_TRY(ls_textout_sep(&x->out, '\n'));
    if (!(x->flags & LS_MARKUP_ATTRS)) return LS_OK;
    for (size_t i = 0; i < n; i++) {
        if (attrs[i].value.len == 0) continue;
        LS_TRY(ls_textout_sep(&x->out, '\n'));
        LS_TRY(ls_textout_add(&x->out, attrs[i].value.ptr, attrs[i].value.len));
    }
    /* the element's own text must not glue onto its last attribute value */
    if (n) LS_TRY(ls_textout_sep(&x->out, '\n'));
    return LS_OK;
}

static ls_err xmltext_end(void *ud, const char *local, const char *ns)
{
    struct xmltext *x = ud;
    (void)local;
    (void)ns;
    return ls_textout_sep(&x->out, '\n');
}

static ls_err xmltext_text(void *ud, struct ls_slice s)
{
    struct xmltext *x = ud;
    /* whitespace-only runs between elements carry nothing */
    size_t i = 0;
    while (i < s.len && markup_is_space((uint8_t)ls_slice_at(s, i))) i++;
    if (i == s.len) {
        if (s.len > 0) return ls_textout_sep(&x->out, ' ');
        return LS_OK;
    }
    return ls_textout_add(&x->out, s.ptr, s.len);
}

ls_err ls_markup_xml_text(struct ls_ctx *c, struct ls_object *o, struct ls_slice xml,
                          unsigned flags)
{
    static const struct ls_xml_sax sax = {xmltext_start, xmltext_end, xmltext_text};
    struct xmltext x;
    ls_textout_init(&x.out, c, o);
    x.flags = flags;
    ls_err e = (flags & LS_MARKUP_LENIENT) ? ls_markup_soup_walk(c, o, xml, &sax, &x)
                                           : ls_markup_xml_walk(c, o, xml, &sax, &x);
    ls_err f = ls_textout_finish(&x.out);
    if (f != LS_OK) return f;
    return e;
}

/* ---------------------------------------------------------------- HTML */

struct htmltext {
    struct markup_walk w;
    struct ls_textout out;
    struct ls_buf side;     /* script and style contents */
    unsigned in_side;       /* open script/style elements */
    unsigned in_pre;        /* open pre-formatted elements (html_is_pre) */
    struct ls_buf pre;      /* their text, for the labeller of tables printed in text */
    bool side_full;
    struct ls_buf comments; /* <!-- comments --> (not conditional ones) */
    bool comments_full;
    /* header-row labels of the outermost table (tablectx.h) */
    struct ls_tablectx tc;
    unsigned in_tbl;        /* open <table> elements */
    bool in_cell;           /* inside a cell of the outermost table */
    uint32_t col, span;     /* the cell's column, its colspan */
    struct ls_buf ctext;    /* the cell's text, whitespace collapsed */
    /* layout: open tables and cells, innermost last (any depth) */
    unsigned nest;          /* open table, td and th elements */
    uint64_t cellbits;      /* bit i set: level i is a cell (levels past 64 share bit 63) */
};

/* libxml2's HTML parser lower-cases element names; sorted by strcmp() for
 * bsearch(). */
enum html_kind { HTML_OTHER, HTML_BLOCK, HTML_CELL, HTML_SIDE };

struct html_tag {
    const char *name;
    enum html_kind kind;
};

static const struct html_tag html_tags[] = {
    {"address", HTML_BLOCK},
    {"article", HTML_BLOCK},
    {"aside", HTML_BLOCK},
    {"audio", HTML_BLOCK},
    {"blockquote", HTML_BLOCK},
    {"body", HTML_BLOCK},
    {"br", HTML_BLOCK},
    {"canvas", HTML_BLOCK},
    {"caption", HTML_BLOCK},
    {"center", HTML_BLOCK},
    {"dd", HTML_BLOCK},
    {"details", HTML_BLOCK},
    {"dialog", HTML_BLOCK},
    {"dir", HTML_BLOCK},
    {"div", HTML_BLOCK},
    {"dl", HTML_BLOCK},
    {"dt", HTML_BLOCK},
    {"fieldset", HTML_BLOCK},
    {"figcaption", HTML_BLOCK},
    {"figure", HTML_BLOCK},
    {"footer", HTML_BLOCK},
    {"form", HTML_BLOCK},
    {"frameset", HTML_BLOCK},
    {"h1", HTML_BLOCK},
    {"h2", HTML_BLOCK},
    {"h3", HTML_BLOCK},
    {"h4", HTML_BLOCK},
    {"h5", HTML_BLOCK},
    {"h6", HTML_BLOCK},
    {"head", HTML_BLOCK},
    {"header", HTML_BLOCK},
    {"hgroup", HTML_BLOCK},
    {"hr", HTML_BLOCK},
    {"html", HTML_BLOCK},
    {"iframe", HTML_BLOCK},
    {"label", HTML_BLOCK},
    {"legend", HTML_BLOCK},
    {"li", HTML_BLOCK},
    {"listing", HTML_BLOCK},
    {"main", HTML_BLOCK},
    {"marquee", HTML_BLOCK},
    {"menu", HTML_BLOCK},
    {"nav", HTML_BLOCK},
    {"noframes", HTML_BLOCK},
    {"noscript", HTML_BLOCK},
    {"object", HTML_BLOCK},
    {"ol", HTML_BLOCK},
    {"optgroup", HTML_BLOCK},
    {"option", HTML_BLOCK},
    {"p", HTML_BLOCK},
    {"plaintext", HTML_BLOCK},
    {"pre", HTML_BLOCK},
    {"script", HTML_SIDE},
    {"search", HTML_BLOCK},
    {"section", HTML_BLOCK},
    {"select", HTML_BLOCK},
    {"style", HTML_SIDE},
    {"summary", HTML_BLOCK},
    {"svg", HTML_BLOCK},
    {"table", HTML_BLOCK},
    {"tbody", HTML_BLOCK},
    {"td", HTML_CELL},
    {"template", HTML_BLOCK},
    {"textarea", HTML_BLOCK},
    {"tfoot", HTML_BLOCK},
    {"th", HTML_CELL},
    {"thead", HTML_BLOCK},
    {"title", HTML_BLOCK},
    {"tr", HTML_BLOCK},
    {"ul", HTML_BLOCK},
    {"video", HTML_BLOCK},
    {"xmp", HTML_BLOCK},
};

static int html_tag_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct html_tag *)elem)->name);
}

static enum html_kind html_kind_of(const char *name)
{
    const struct html_tag *t = bsearch(name, html_tags, sizeof html_tags / sizeof html_tags[0],
                                       sizeof html_tags[0], html_tag_cmp);
    return t ? t->kind : HTML_OTHER;
}

static bool html_name_in(const char *name, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcasecmp(name, list[i]) == 0) return true;
    return false;
}

/* Attribute text a reader sees or hears (aria-label: a screen reader's
 * name for an icon-only button or link). */
static const char *const html_attr_names[] = {"alt", "title", "content", "value", "label",
                                              "placeholder", "aria-label", NULL};

static bool html_is_table_part(const char *name)
{
    static const char *const parts[] = {"table", "tbody", "thead", "tfoot", "tr", "caption", NULL};
    for (size_t i = 0; parts[i]; i++)
        if (strcmp(name, parts[i]) == 0) return true;
    return false;
}

/* True when the innermost open table element is a cell, not a table. */
static bool html_in_cell(const struct htmltext *h)
{
    if (h->nest == 0) return false;
    unsigned bit = h->nest > 64 ? 63 : h->nest - 1;
    return (h->cellbits >> bit) & 1u;
}

static void html_nest_push(struct htmltext *h, bool cell)
{
    if (h->nest == UINT_MAX) return;
    unsigned bit = h->nest >= 64 ? 63 : h->nest;
    if (cell) h->cellbits |= (uint64_t)1 << bit;
    else h->cellbits &= ~((uint64_t)1 << bit);
    h->nest++;
}

/* Track open tables and cells (libxml2 closes what the page left open, so
 * starts and ends pair up). */
static void html_nest(struct htmltext *h, const char *name, bool start)
{
    bool cell = strcmp(name, "td") == 0 || strcmp(name, "th") == 0;
    if (!cell && strcmp(name, "table") != 0) return;
    if (start) html_nest_push(h, cell);
    else if (h->nest > 0 && html_in_cell(h) == cell) h->nest--;
}

/* A table row is a line, its cells set apart by one tab
 * (ls_textout_cell()): "<td>555 </td><td>123</td>" never reads "555 123".
 * Other block elements end a line, except inside a cell, where they join
 * like a Word cell's paragraphs: "<td><p>SSN</p></td><td><p>536221874</p>"
 * (Outlook's tables) stays "SSN<TAB>536221874". A table in a cell starts
 * its own lines. A tab never ends a line; HTML text has no tab of its own
 * (whitespace runs are one space). */
static ls_err html_boundary(struct htmltext *h, enum html_kind k, const char *name)
{
    if (k == HTML_CELL) return ls_textout_cell(&h->out);
    if (k != HTML_BLOCK) return LS_OK;
    if (html_in_cell(h) && !html_is_table_part(name)) return ls_textout_sep(&h->out, ' ');
    return ls_textout_line(&h->out);
}

/* Links whose target is an address or a number, not a page: the person
 * behind "Call us" or "Write to Jane" (tel: as phones' browsers dial it,
 * sms:, callto: as Skype's buttons write it). */
static bool html_is_contact_link(const char *v)
{
    return strncasecmp(v, "mailto:", 7) == 0 || strncasecmp(v, "tel:", 4) == 0 ||
           strncasecmp(v, "sms:", 4) == 0 || strncasecmp(v, "callto:", 7) == 0;
}

static ls_err html_attrs(struct htmltext *h, const char *name, const xmlChar **atts)
{
    if (!atts || h->in_side) return LS_OK;
    for (size_t i = 0; atts[i] && i < 2 * LS_XML_MAX_ATTRS; i += 2) {
        const char *an = (const char *)atts[i];
        const char *av = (const char *)atts[i + 1];
        if (!av || !*av) continue;
        bool keep = html_name_in(an, html_attr_names) ||
                    (strcasecmp(an, "href") == 0 && html_is_contact_link(av));
        if (!keep) continue;
        LS_TRY(ls_textout_sep(&h->out, ' '));
        LS_TRY(ls_textout_addz(&h->out, av));
        LS_TRY(ls_textout_sep(&h->out, ' '));
    }
    (void)name;
    return LS_OK;
}

/* colspan="N" (1..LS_TC_MAX_COLS; anything else is 1) */
static uint32_t html_colspan(const xmlChar **atts)
{
    for (size_t i = 0; atts && atts[i] && i < 2 * LS_XML_MAX_ATTRS; i += 2) {
        const char *v = (const char *)atts[i + 1];
        if (strcasecmp((const char *)atts[i], "colspan") != 0 || !v) continue;
        uint32_t n = 0;
        for (size_t j = 0; v[j] >= '0' && v[j] <= '9' && n <= LS_TC_MAX_COLS; j++)
            n = n * 10 + (uint32_t)(v[j] - '0');
        return n == 0 ? 1 : n > LS_TC_MAX_COLS ? LS_TC_MAX_COLS : n;
    }
    return 1;
}

static void html_table_start(struct htmltext *h, const char *name, const xmlChar **atts)
{
    if (strcmp(name, "table") == 0 && ++h->in_tbl == 1) ls_tc_reset(&h->tc);
    if (h->in_tbl != 1) return;
    if (strcmp(name, "tr") == 0) {
        h->col = 0;
        h->in_cell = false;
    } else if ((strcmp(name, "td") == 0 || strcmp(name, "th") == 0) && !h->in_cell) {
        h->in_cell = true;
        h->span = html_colspan(atts);
        ls_buf_reset(&h->ctext);
    }
}

static ls_err html_table_end(struct htmltext *h, const char *name)
{
    if (strcmp(name, "table") == 0 && h->in_tbl) {
        if (--h->in_tbl == 0) h->in_cell = false;
        return LS_OK;
    }
    if (h->in_tbl != 1) return LS_OK;
    if ((strcmp(name, "td") == 0 || strcmp(name, "th") == 0) && h->in_cell) {
        struct ls_slice t = ls_buf_slice(&h->ctext);
        ls_tc_cells(&h->tc, h->col, h->span, t, ls_tc_is_text(t));
        h->col += h->span;
        h->in_cell = false;
    }
    if (strcmp(name, "tr") == 0) return ls_tc_row_end(&h->tc, h->w.c, h->w.o);
    return LS_OK;
}

/* A cell's text for the header and its labelled values: whitespace runs as
 * one space (capped: labels and values are short). */
static void html_cell_text(struct htmltext *h, struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++) {
        uint8_t ch = (uint8_t)ls_slice_at(s, i);
        bool sp = markup_is_space(ch);
        if (sp && (h->ctext.len == 0 || h->ctext.ptr[h->ctext.len - 1] == ' ')) continue;
        if (ls_buf_addc(&h->ctext, sp ? ' ' : ch) != LS_OK) return;
    }
}

/* Elements whose line breaks a browser shows: a report, a mail or a
 * mysql table saved as <pre> keeps its lines (the labeller of tables
 * printed in text needs them), a textarea its address lines. */
static bool html_is_pre(const char *name)
{
    static const char *const pre[] = {"pre", "textarea", "listing", "plaintext", "xmp", NULL};
    for (size_t i = 0; pre[i]; i++)
        if (strcmp(name, pre[i]) == 0) return true;
    return false;
}

static void html_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
    struct htmltext *h = ctx;
    const char *name = walk_str(xname);
    if (h->w.err != LS_OK) return;
    if ((++h->w.elements % MARKUP_TIME_EVERY) == 0 && ls_ctx_expired(h->w.c)) {
        walk_stop(&h->w, LS_E_TIMEOUT);
        return;
    }
    enum html_kind k = html_kind_of(name);
    if (k == HTML_SIDE) h->in_side++;
    if (html_is_pre(name) && h->in_pre < UINT_MAX) h->in_pre++;
    if (h->tc.cand && !h->in_side) html_table_start(h, name, atts);
    ls_err e = html_boundary(h, k, name);
    if (!h->in_side) html_nest(h, name, true);
    if (e == LS_OK) e = html_attrs(h, name, atts);
    if (e != LS_OK) walk_stop(&h->w, e);
}

static void html_end(void *ctx, const xmlChar *xname)
{
    struct htmltext *h = ctx;
    const char *name = walk_str(xname);
    if (h->w.err != LS_OK) return;
    enum html_kind k = html_kind_of(name);
    if (html_is_pre(name) && h->in_pre > 0 && --h->in_pre == 0 && h->pre.len) {
        /* a report saved as <pre>: its columns' labels (texttable.h) */
        ls_err t = ls_texttable_labels(h->w.c, h->w.o, ls_buf_slice(&h->pre));
        ls_buf_reset(&h->pre);
        if (t != LS_OK) {
            walk_stop(&h->w, t);
            return;
        }
    }
    if (k == HTML_SIDE && h->in_side > 0) {
        h->in_side--;
        if (!h->side_full && ls_buf_addc(&h->side, '\n') != LS_OK) h->side_full = true;
    }
    ls_err e = h->tc.cand && !h->in_side ? html_table_end(h, name) : LS_OK;
    if (!h->in_side) html_nest(h, name, false);
    if (e == LS_OK) e = html_boundary(h, k, name);
    if (e != LS_OK) walk_stop(&h->w, e);
}

/* Whitespace runs collapse to one space: HTML layout whitespace is noise;
 * but inside a pre-formatted element line breaks, spaces and tabs stay.
 * Copied through a stack buffer so a page costs a few adds, not one per word. */
static ls_err html_text_main(struct htmltext *h, struct ls_slice s)
{
    uint8_t tmp[4096];
    size_t n = 0;
    bool space = h->out.total == 0 || markup_is_space(h->out.last);
    bool pre = h->in_pre > 0 && !html_in_cell(h); /* a cell stays on its row's line */
    for (size_t i = 0; i < s.len; i++) {
        uint8_t ch = (uint8_t)ls_slice_at(s, i);
        if (pre && ch == '\n') {
            if (n) LS_TRY(ls_textout_add(&h->out, tmp, n));
            n = 0;
            LS_TRY(ls_textout_line(&h->out));
            space = true;
            continue;
        }
        if (pre && (ch == ' ' || ch == '\t')) {
            space = true; /* kept as they are: aligned columns stay aligned */
        } else if (markup_is_space(ch)) {
            if (space) continue;
            ch = ' ';
            space = true;
        } else {
            space = false;
        }
        tmp[n++] = ch;
        if (n == sizeof tmp) {
            LS_TRY(ls_textout_add(&h->out, tmp, n));
            n = 0;
        }
    }
    return n ? ls_textout_add(&h->out, tmp, n) : LS_OK;
}

static void html_chars(void *ctx, const xmlChar *ch, int len)
{
    struct htmltext *h = ctx;
    if (h->w.err != LS_OK || len <= 0) return;
    struct ls_slice s = ls_slice_make(ch, (size_t)len);
    if (h->in_side) {
        if (!h->side_full && ls_buf_add(&h->side, s.ptr, s.len) != LS_OK) h->side_full = true;
        return;
    }
    if (h->in_cell && h->in_tbl == 1) html_cell_text(h, s);
    if (h->in_pre) {
        ls_err pe = ls_buf_add(&h->pre, s.ptr, s.len); /* past its cap: the labels of what fit */
        (void)pe;
    }
    ls_err e = html_text_main(h, s);
    if (e != LS_OK) walk_stop(&h->w, e);
}

/* A comment's text: not shown by a browser, but where a page's authors
 * leave notes, credentials and the markup they took out (a leaked web page
 * or an HTML mail). Kept after the text under a "[comment]" marker, as
 * script and style are. Outlook's and Word's conditional comments
 * (<!--[if mso]> ... <![endif]-->) hold markup, not notes: skipped. */
static void html_comment(void *ctx, const xmlChar *value)
{
    struct htmltext *h = ctx;
    if (h->w.err != LS_OK || !value || h->comments_full) return;
    struct ls_slice s = ls_slice_make(value, strlen((const char *)value));
    size_t i = 0;
    while (i < s.len && markup_is_space((uint8_t)ls_slice_at(s, i))) i++;
    if (i == s.len || ls_slice_starts(ls_slice_make(s.ptr + i, s.len - i), "[if", 3) ||
        ls_slice_starts(ls_slice_make(s.ptr + i, s.len - i), "[endif", 6) ||
        ls_slice_starts(ls_slice_make(s.ptr + i, s.len - i), "<![endif", 8))
        return;
    if (ls_buf_add(&h->comments, s.ptr, s.len) != LS_OK || ls_buf_addc(&h->comments, '\n') != LS_OK)
        h->comments_full = true; /* past the text cap: the comments that fit */
}

#define MARKUP_HTML_OPTIONS                                                                    \
    (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |       \
     HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD)

static ls_err html_run(struct htmltext *h, struct ls_slice in)
{
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = html_start;
    sax.endElement = html_end;
    sax.characters = html_chars;
    sax.cdataBlock = html_chars;
    sax.comment = html_comment;
    h->w.px = htmlCreatePushParserCtxt(&sax, h, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
    if (!h->w.px) return LS_E_NOMEM;
    (void)htmlCtxtUseOptions(h->w.px, MARKUP_HTML_OPTIONS);
    walk_feed(&h->w, in, true);
    markup_free_doc(h->w.px);
    htmlFreeParserCtxt(h->w.px);
    h->w.px = NULL;
    return h->w.err;
}

static ls_err html_emit_side(struct htmltext *h)
{
    if (h->side.len) {
        LS_TRY(ls_textout_sep(&h->out, '\n'));
        LS_TRY(ls_textout_addz(&h->out, "[script/style]\n"));
        LS_TRY(ls_textout_add(&h->out, h->side.ptr, h->side.len));
    }
    if (h->comments.len == 0) return LS_OK;
    LS_TRY(ls_textout_sep(&h->out, '\n'));
    LS_TRY(ls_textout_addz(&h->out, "[comment]\n"));
    return ls_textout_add(&h->out, h->comments.ptr, h->comments.len);
}

ls_err ls_markup_html_text(struct ls_ctx *c, struct ls_object *o, struct ls_slice html)
{
    ls_markup_global_init();
    struct ls_buf conv;
    ls_buf_init(&conv, markup_conv_max(html.len));
    struct ls_slice in;
    ls_err e = markup_prepare(html, &conv, &in);
    if (e != LS_OK) {
        ls_buf_free(&conv);
        return e == LS_E_LIMIT ? LS_E_NOMEM : e;
    }
    /* references libxml2 2.9 reads otherwise than a browser (htmlent.h) */
    struct ls_buf ent;
    ls_buf_init(&ent, in.len > SIZE_MAX / 5 ? SIZE_MAX / 5 : in.len * 4 + 16);
    bool rewritten = false;
    e = ls_htmlent_rewrite(in, &ent, &rewritten);
    if (e != LS_OK) {
        ls_buf_free(&ent);
        ls_buf_free(&conv);
        return e == LS_E_LIMIT ? LS_E_NOMEM : e; /* 4 bytes a byte: never reached */
    }
    if (rewritten) {
        in = ls_buf_slice(&ent);
        ls_buf_free(&conv);
    }
    struct htmltext h;
    memset(&h, 0, sizeof h);
    h.w.c = c;
    h.w.o = o;
    ls_textout_init(&h.out, c, o);
    uint64_t max = ls_ctx_limits(c)->max_text;
    ls_buf_init(&h.side, max > SIZE_MAX ? SIZE_MAX : (size_t)max);
    ls_buf_init(&h.comments, max > SIZE_MAX ? SIZE_MAX : (size_t)max);
    ls_buf_init(&h.ctext, LS_TC_MAX_LABEL + 1);
    ls_buf_init(&h.pre, MARKUP_PRE_MAX);
    if (ls_tc_init(&h.tc) != LS_OK) memset(&h.tc, 0, sizeof h.tc); /* no labels */
    e = html_run(&h, in);
    if (e == LS_OK) e = ls_tc_row_end(&h.tc, c, o); /* a last row left open */
    if (e == LS_OK) e = html_emit_side(&h);
    ls_err f = ls_textout_finish(&h.out);
    ls_buf_free(&h.side);
    ls_buf_free(&h.comments);
    ls_buf_free(&h.ctext);
    ls_buf_free(&h.pre);
    ls_tc_free(&h.tc);
    ls_buf_free(&conv);
    ls_buf_free(&ent);
    if (f != LS_OK) return f;
    return e;
}
