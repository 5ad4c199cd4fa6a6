/*
 * The "edifact" handler: UN/EDIFACT interchanges (ISO 9735 syntax versions
 * 1-4): what airlines send governments about every passenger (PAXLST, the
 * Advance Passenger Information of the IATA/WCO/ICAO guidelines; PNRGOV,
 * IATA's push of passenger name records) and what any other EDIFACT
 * exchange holds in names, addresses, phones and free text.
 *
 * An interchange may open with the service string advice "UNA" and six
 * characters: component separator, element separator, decimal mark,
 * release character, reserved (repetition separator from version 4), and
 * segment terminator; without UNA they are ":+.? '". The release character
 * before any service character makes it data ("O?'NEIL"). A line end
 * after each terminator is common and ignored. A UNB opens the
 * interchange, UNZ closes it; UNG/UNE groups and UNH/UNT messages nest
 * inside.
 *
 * The values are positional: "DOC+P:110:111+512104729" holds a passport
 * number and "DTM+329:820712" a birth date, which no rule reads as such.
 * Each segment is a text line (elements joined with '+', components with
 * ':', release characters dropped) and the segments below also a labelled
 * line (ls_emit_labels()): NAD (party: FL passenger, FM crew; name and
 * address), TIF (PNRGOV traveller name), DOC (travel document: P passport,
 * V visa, I identity card), DTM (329 date of birth, 36 document expiry;
 * YYMMDD or CCYYMMDD), COM (TE phone, FX fax, EM e-mail), ADD (address),
 * FOP (form of payment: a card number), SSR and IFT (the IATA free texts
 * DOCS, FOID, CTCE, CTCM: src/extract/iata.c).
 *
 * Ignored on purpose: directory validation (which segments a message may
 * hold), control counts (UNT, UNZ), the meaning of other segments, binary
 * UNO objects, syntax version 4's interactive (I-EDI) headers. Text is
 * read in the code page the first UNB's syntax identifier names (UNOC
 * Latin-1 ... UNOK Latin-5) when the file is not valid UTF-8, else as
 * UTF-8. An interchange that opens with UNB and does not close with UNZ,
 * or whose last segment has no terminator (a transfer cut short), is
 * noted truncated.
 *
 * Attacker-controlled: every byte, the service characters included
 * (refused when two that delimit are equal). Segments are counted against
 * the text budget and the root's time.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"
#include "extract/iata.h"

#define EDI_ELEM 0x1d /* elements and components in a segment read: GS and US */
#define EDI_COMP 0x1f

struct edi_sep {
    int comp, elem, rel, term; /* rel -1: none */
};

static bool edi_up(int ch) { return ch >= 'A' && ch <= 'Z'; }
static bool edi_dig(int ch) { return ch >= '0' && ch <= '9'; }
static bool edi_blank(int ch) { return ch == '\r' || ch == '\n' || ch == ' ' || ch == '\t'; }

static size_t edi_start(struct ls_slice d)
{
    size_t i = ls_slice_starts(d, "\xef\xbb\xbf", 3) ? 3 : 0;
    while (i < d.len && i < 64 && edi_blank(ls_slice_at(d, i))) i++;
    return i;
}

/* The service characters: UNA's, or the defaults. *skip: bytes of UNA. */
static bool edi_una(struct ls_slice s, struct edi_sep *sep, size_t *skip)
{
    *sep = (struct edi_sep){':', '+', '?', '\''};
    *skip = 0;
    if (!ls_slice_starts(s, "UNA", 3)) return true;
    if (s.len < 9) return false;
    int comp = ls_slice_at(s, 3), elem = ls_slice_at(s, 4), rel = ls_slice_at(s, 6), term = ls_slice_at(s, 8);
    int v[4] = {comp, elem, rel == ' ' ? -2 : rel, term};
    for (int i = 0; i < 4; i++) {
        if (v[i] == '\n' || v[i] == '\r' || (v[i] >= 0 && (edi_up(v[i]) || edi_dig(v[i])))) return false;
        for (int j = i + 1; j < 4; j++)
            if (v[i] == v[j]) return false;
    }
    if (comp == ' ' || elem == ' ' || term == ' ') return false;
    *sep = (struct edi_sep){comp, elem, rel == ' ' ? -1 : rel, term};
    *skip = 9;
    return true;
}

/* UNB then the element separator, a syntax identifier (UNOA..UNOY, IATA,
 * IATB: four capitals) and the component separator. */
static bool edi_unb(struct ls_slice s, const struct edi_sep *sep)
{
    if (!ls_slice_starts(s, "UNB", 3) || ls_slice_at(s, 3) != sep->elem) return false;
    for (size_t i = 4; i < 8; i++)
        if (!edi_up(ls_slice_at(s, i))) return false;
    return ls_slice_at(s, 8) == sep->comp;
}

/* A message without its interchange: UNH, its reference, a message type. */
static bool edi_unh(struct ls_slice s, const struct edi_sep *sep)
{
    if (!ls_slice_starts(s, "UNH", 3) || ls_slice_at(s, 3) != sep->elem) return false;
    size_t at = ls_slice_find(s, 4, &(uint8_t){(uint8_t)sep->elem}, 1);
    if (at == SIZE_MAX || at > 40) return false;
    for (size_t i = at + 1; i < at + 7; i++)
        if (!edi_up(ls_slice_at(s, i))) return false;
    return ls_slice_at(s, at + 7) == sep->comp;
}

static int edifact_probe(const struct ls_object *o)
{
    struct ls_slice rest, body;
    struct edi_sep sep;
    size_t skip;
    if (!ls_slice_from(o->data, edi_start(o->data), &rest) || !edi_una(rest, &sep, &skip)) return 0;
    if (!ls_slice_from(rest, skip, &body)) return 0;
    while (body.len && edi_blank(ls_slice_at(body, 0))) (void)ls_slice_from(body, 1, &body);
    if (edi_unb(body, &sep)) return 90;
    if (edi_unh(body, &sep)) return skip ? 90 : 50; /* over plain text (25) */
    return 0;
}

/* ---- one segment ---------------------------------------------------------------- */

/* A segment's n-th element (0: the tag), and an element's n-th component. */
static struct ls_slice edi_el(struct ls_slice seg, size_t n) { return ls_piece(seg, EDI_ELEM, n); }
static struct ls_slice edi_co(struct ls_slice el, size_t n) { return ls_piece(el, EDI_COMP, n); }

/* The components of el (from component from on) joined with sep, the
 * empty ones left out. */
static ls_err edi_join(struct ls_buf *b, struct ls_slice el, size_t from, const char *sep, bool *any)
{
    for (size_t k = from; k < 16; k++) {
        struct ls_slice v = edi_co(el, k);
        if (!v.len) continue;
        if (*any) LS_TRY(ls_buf_adds(b, sep));
        LS_TRY(ls_lab_clean(b, v));
        *any = true;
    }
    return LS_OK;
}

/* el has a non-empty component at or after from. */
static bool edi_some(struct ls_slice el, size_t from)
{
    for (size_t k = from; k < 16; k++)
        if (edi_co(el, k).len) return true;
    return false;
}

static const char *edi_role(struct ls_slice q)
{
    if (ls_slice_eq_str(q, "FL")) return "Passenger";
    if (ls_slice_eq_str(q, "FM")) return "Crew member";
    if (ls_slice_eq_str(q, "DDT") || ls_slice_eq_str(q, "DDU")) return "Passenger in transit";
    if (ls_slice_eq_str(q, "COT")) return "Crew member in transit";
    return "Party";
}

/* NAD: qualifier, id, name and address lines, party name, street, city,
 * subdivision, postcode, country. */
static ls_err edi_nad(struct ls_buf *b, struct ls_slice seg)
{
    struct ls_slice name = edi_el(seg, 4);
    if (name.len) {
        LS_TRY(ls_buf_printf(b, "\t%s name: ", edi_role(edi_el(seg, 1))));
        bool any = false;
        /* surname first in the composite: written given names, then surname */
        LS_TRY(edi_join(b, name, 1, " ", &any));
        if (any) LS_TRY(ls_buf_addc(b, ' '));
        LS_TRY(ls_lab_clean(b, edi_co(name, 0)));
    }
    bool has = false, any = false;
    for (size_t k = 5; k <= 9; k++) has = has || edi_some(edi_el(seg, k), 0);
    if (!has) return LS_OK;
    LS_TRY(ls_buf_adds(b, "\tAddress: "));
    for (size_t k = 5; k <= 9; k++) LS_TRY(edi_join(b, edi_el(seg, k), 0, ", ", &any));
    return LS_OK;
}

/* A date of 6 (YYMMDD) or 8 (CCYYMMDD) digits as YYYY-MM-DD. */
static ls_err edi_date(struct ls_buf *b, const char *label, struct ls_slice v)
{
    size_t n = v.len;
    if (n != 6 && n != 8) return LS_OK;
    for (size_t i = 0; i < n; i++)
        if (!edi_dig(ls_slice_at(v, i))) return LS_OK;
    LS_TRY(ls_buf_printf(b, "\t%s: ", label));
    if (n == 6) LS_TRY(ls_buf_adds(b, ls_slice_at(v, 0) < '3' ? "20" : "19"));
    LS_TRY(ls_add_sub(b, v, 0, n - 4));
    LS_TRY(ls_buf_addc(b, '-'));
    LS_TRY(ls_add_sub(b, v, n - 4, 2));
    LS_TRY(ls_buf_addc(b, '-'));
    return ls_add_sub(b, v, n - 2, 2);
}

static ls_err edi_doc(struct ls_buf *b, struct ls_slice seg)
{
    struct ls_slice type = edi_co(edi_el(seg, 1), 0), num = edi_co(edi_el(seg, 2), 0);
    const char *label = "Travel document number";
    if (type.len && ls_slice_at(type, 0) == 'P') label = "Passport number";
    else if (ls_slice_eq_str(type, "V")) label = "Visa number";
    else if (type.len && ls_slice_at(type, 0) == 'I') label = "Identity card number";
    return ls_lab_line(b, label, num);
}

static ls_err edi_com(struct ls_buf *b, struct ls_slice seg)
{
    for (size_t k = 1; k <= 3; k++) {
        struct ls_slice el = edi_el(seg, k), v = edi_co(el, 0), q = edi_co(el, 1);
        if (ls_slice_eq_str(q, "EM")) LS_TRY(ls_lab_line(b, "E-mail", v));
        else if (ls_slice_eq_str(q, "FX")) LS_TRY(ls_lab_line(b, "Fax", v));
        else if (ls_slice_eq_str(q, "TE") || ls_slice_eq_str(q, "TL") || ls_slice_eq_str(q, "MO"))
            LS_TRY(ls_lab_line(b, "Phone", v));
    }
    return LS_OK;
}

/* SSR (PNRGOV): code, status, count, airline, ..., free text (component 8). */
static ls_err edi_ssr(struct ls_buf *b, struct ls_slice seg)
{
    struct ls_slice el = edi_el(seg, 1);
    return iata_ssr(b, edi_co(el, 0), edi_co(el, 8));
}

/* IFT: free texts that may be an SSR element's ("CTCE JOHN//X.COM"). */
static ls_err edi_ift(struct ls_buf *b, struct ls_slice seg)
{
    for (size_t k = 2; k <= 4; k++) {
        struct ls_slice v = edi_co(edi_el(seg, k), 0), code, text;
        if (v.len > 5 && ls_slice_sub(v, 0, 4, &code) && ls_slice_from(v, 4, &text)) LS_TRY(iata_ssr(b, code, text));
    }
    return LS_OK;
}

static ls_err edi_labels(struct ls_buf *b, struct ls_slice seg)
{
    struct ls_slice tag = edi_el(seg, 0);
    if (ls_slice_eq_str(tag, "NAD")) return edi_nad(b, seg);
    if (ls_slice_eq_str(tag, "DOC")) return edi_doc(b, seg);
    if (ls_slice_eq_str(tag, "COM")) return edi_com(b, seg);
    if (ls_slice_eq_str(tag, "SSR")) return edi_ssr(b, seg);
    if (ls_slice_eq_str(tag, "IFT")) return edi_ift(b, seg);
    if (ls_slice_eq_str(tag, "DTM")) {
        struct ls_slice el = edi_el(seg, 1), q = edi_co(el, 0);
        if (ls_slice_eq_str(q, "329")) return edi_date(b, "Date of birth", edi_co(el, 1));
        if (ls_slice_eq_str(q, "36")) return edi_date(b, "Document expiry", edi_co(el, 1));
        return LS_OK;
    }
    if (ls_slice_eq_str(tag, "TIF")) {
        struct ls_slice last = edi_co(edi_el(seg, 1), 0), first = edi_co(edi_el(seg, 2), 0);
        if (!last.len) return LS_OK;
        LS_TRY(ls_buf_adds(b, "\tPassenger name: "));
        if (first.len) {
            LS_TRY(ls_lab_clean(b, first));
            LS_TRY(ls_buf_addc(b, ' '));
        }
        return ls_lab_clean(b, last);
    }
    if (ls_slice_eq_str(tag, "FOP")) {
        struct ls_slice el = edi_el(seg, 1);
        if (!ls_slice_eq_str(edi_co(el, 0), "CC")) return LS_OK;
        return ls_lab_line(b, "Card number", edi_co(el, 4));
    }
    if (ls_slice_eq_str(tag, "ADD")) {
        bool any = false;
        if (!edi_some(edi_el(seg, 2), 1)) return LS_OK;
        LS_TRY(ls_buf_adds(b, "\tAddress: "));
        LS_TRY(edi_join(b, edi_el(seg, 2), 1, ", ", &any));
    }
    return LS_OK;
}

/* ---- the walk ------------------------------------------------------------------- */

struct edi_state {
    struct edi_sep sep;
    struct ls_buf text, labels, seg, scratch;
    size_t segments;
    unsigned page; /* the code page the first UNB's syntax identifier names (0: ASCII or UTF-8) */
    bool open, cut; /* a UNB read, its UNZ not yet; the last segment had no terminator */
};

/* The code page of a syntax identifier (ISO 9735 part 1, annex A): UNOC
 * ISO 8859-1, UNOD 8859-2, UNOE 8859-5, UNOF 8859-7, UNOG 8859-3, UNOH
 * 8859-4, UNOI 8859-6, UNOJ 8859-8, UNOK 8859-9; 0 for the ASCII subsets
 * (UNOA, UNOB, IATA, IATB) and UTF-8 (UNOW, UNOY). */
static unsigned edi_page(struct ls_slice id)
{
    static const struct {
        const char *id;
        unsigned page;
    } pages[] = {{"UNOC", 28591}, {"UNOD", 28592}, {"UNOE", 28595}, {"UNOF", 28597}, {"UNOG", 28593},
                 {"UNOH", 28594}, {"UNOI", 28596}, {"UNOJ", 28598}, {"UNOK", 28599}};
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
        if (ls_slice_eq_str(id, pages[i].id)) return pages[i].page;
    return 0;
}

/* b's bytes read in the code page cp, as UTF-8 (what fits in b's cap). */
static ls_err edi_recode(struct ls_buf *b, const struct ls_codepage *cp, size_t max)
{
    struct ls_buf out;
    ls_buf_init(&out, max);
    ls_err e = ls_codepage_to_utf8(&out, ls_buf_slice(b), cp);
    ls_buf_free(b);
    *b = out;
    return e;
}

/* One raw segment (terminator excluded): st->seg gets it with EDI_ELEM and
 * EDI_COMP for its separators and the released characters as data; the
 * text gets a line, the labels a labelled line. */
static ls_err edi_segment(struct edi_state *st, struct ls_slice raw)
{
    ls_buf_reset(&st->seg);
    for (size_t i = 0; i < raw.len; i++) {
        int c = ls_slice_at(raw, i);
        if (c == st->sep.rel && i + 1 < raw.len) c = ls_slice_at(raw, ++i);
        else if (c == st->sep.elem) c = EDI_ELEM;
        else if (c == st->sep.comp) c = EDI_COMP;
        else if (c == '\r' || c == '\n') continue; /* a line folded inside a segment */
        LS_TRY(ls_buf_addc(&st->seg, (uint8_t)c));
    }
    struct ls_slice seg = ls_buf_slice(&st->seg);
    for (size_t i = 0; i < seg.len; i++) {
        int c = ls_slice_at(seg, i);
        c = c == EDI_ELEM ? '+' : c == EDI_COMP ? ':' : (c < 0x20 || c == 0x7f) ? ' ' : c;
        LS_TRY(ls_buf_addc(&st->text, (uint8_t)c));
    }
    LS_TRY(ls_buf_addc(&st->text, '\n'));
    struct ls_slice tag = edi_el(seg, 0);
    if (ls_slice_eq_str(tag, "UNB")) {
        if (!st->open && !st->page) st->page = edi_page(edi_co(edi_el(seg, 1), 0));
        st->open = true;
    }
    else if (ls_slice_eq_str(tag, "UNZ")) st->open = false;
    ls_buf_reset(&st->scratch);
    LS_TRY(edi_labels(&st->scratch, seg));
    if (st->scratch.len == 0) return LS_OK;
    LS_TRY(ls_lab_clean(&st->labels, tag));
    LS_TRY(ls_buf_add(&st->labels, st->scratch.ptr, st->scratch.len));
    return ls_buf_addc(&st->labels, '\n');
}

/* Where the segment at s[from] ends (its terminator, released ones
 * passed), or SIZE_MAX when the data end first. */
static size_t edi_seg_end(struct ls_slice s, size_t from, const struct edi_sep *sep)
{
    for (size_t i = from; i < s.len; i++) {
        int c = ls_slice_at(s, i);
        if (c == sep->rel) i++;
        else if (c == sep->term) return i;
    }
    return SIZE_MAX;
}

static ls_err edi_walk(struct ls_ctx *c, struct ls_slice d, struct edi_state *st)
{
    size_t i = 0;
    while (i < d.len) {
        while (i < d.len && edi_blank(ls_slice_at(d, i)) && ls_slice_at(d, i) != st->sep.term) i++;
        if (i >= d.len) break;
        struct ls_slice rest, seg;
        size_t skip;
        if (!ls_slice_from(d, i, &rest)) break;
        if (ls_slice_starts(rest, "UNA", 3) && edi_una(rest, &st->sep, &skip) && skip) { /* a new interchange */
            i += skip;
            continue;
        }
        size_t end = edi_seg_end(d, i, &st->sep);
        st->cut = end == SIZE_MAX;
        if (st->cut) end = d.len;
        if (end > i && ls_slice_sub(d, i, end - i, &seg)) LS_TRY(edi_segment(st, seg));
        i = end + 1;
        if (++st->segments % 4096 == 0 && ls_ctx_expired(c)) return LS_E_TIMEOUT;
    }
    return LS_OK;
}

static ls_err edifact_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct edi_state st = {.segments = 0};
    struct ls_slice rest;
    size_t skip;
    if (!ls_slice_from(o->data, edi_start(o->data), &rest) || !edi_una(rest, &st.sep, &skip))
        return ls_decline(c, o);
    size_t max = (size_t)ls_ctx_limits(c)->max_text;
    ls_buf_init(&st.text, max);
    ls_buf_init(&st.labels, max);
    ls_buf_init(&st.seg, max);
    ls_buf_init(&st.scratch, max);
    ls_err e = edi_walk(c, rest, &st);
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "edifact: text cut at the text budget");
    if (e == LS_OK && st.cut) ls_note(c, o, LS_R_TRUNCATED, "edifact: the last segment has no terminator");
    else if (e == LS_OK && st.open) ls_note(c, o, LS_R_TRUNCATED, "edifact: the interchange ends without its UNZ trailer");
    /* a syntax identifier's single-byte page, unless the bytes are UTF-8 all the same (senders mislabel) */
    const struct ls_codepage *cp = st.page ? ls_codepage_by_number(st.page) : NULL;
    if (cp && !ls_utf8_valid(rest)) {
        ls_err re = edi_recode(&st.text, cp, max);
        ls_err le = edi_recode(&st.labels, cp, max);
        if (re == LS_E_LIMIT || le == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "edifact: text cut at the text budget");
        if (e == LS_OK && re != LS_OK && re != LS_E_LIMIT) e = re;
        if (e == LS_OK && le != LS_OK && le != LS_E_LIMIT) e = le;
    }
    ls_err te = ls_emit_done(c, o, &st.text, &st.labels);
    ls_buf_free(&st.seg);
    ls_buf_free(&st.scratch);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : te;
}

const struct ls_handler ls_handler_edifact = {
    .name = "edifact",
    .probe = edifact_probe,
    .extract = edifact_extract,
};
