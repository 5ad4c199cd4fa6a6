/*
 * The "dicom" handler: DICOM Part 10 files (NEMA PS3.10 section 7: a
 * 128-byte preamble, "DICM", the file meta information group 0002 in
 * explicit VR little endian; PS3.5 section 7: data elements, value
 * representations, sequences and items, undefined lengths; PS3.5 annex A:
 * the transfer syntaxes), what a hospital's PACS, a modality or a study
 * CD holds: every image carries its patient's name, id, birth date,
 * address and phone; a DICOMDIR (PS3.3 F.5) lists every patient of a
 * disc.
 *
 * Read: the transfer syntax of (0002,0010): implicit VR little endian
 * (1.2.840.10008.1.2), explicit VR little endian (.1, and every
 * encapsulated one: JPEG, RLE ...), explicit VR big endian (.2), deflated
 * explicit VR little endian (.1.99, inflated first, charged to the
 * budget). The data set is walked flat: a sequence's items (defined or
 * undefined lengths, (FFFE,E000) items, (FFFE,E00D) and (FFFE,E0DD)
 * delimiters) are read as the elements they hold, so the elements of a
 * DICOMDIR's records and of an OtherPatientIDsSequence are read like the
 * top level ones. Bulk values (OB OW OF OD OL OV UN, pixel data, and
 * encapsulated pixel fragments) are skipped. A UN element of undefined
 * length is a sequence in implicit VR little endian (PS3.5 6.2.2: a private
 * sequence relayed by a system without its dictionary) and is walked
 * into the same way; it had stopped the walk (parse_error), and the patient
 * elements after a private group 0009 sequence were never read.
 *
 * Written: each text value a line, the patient's fields under a label
 * ("Patient name: ADA Q MOSS" with the ^ of a person name a blank, "Date
 * of birth: 1975-03-14" from a DA 19750314, "Phone: ..." from Patient's
 * Telephone Numbers, "Patient ID: ..."), other text elements under their
 * tag, "(0008,1030): CT ABDOMEN"; the values of a multi-valued element
 * separated by "; ". A Patient ID whose Issuer of Patient ID (0010,0021)
 * is the Social Security Administration (SSA, SSN, US SSA, or the SSA's OID
 * 2.16.840.1.113883.4.1) is also written "SSN: ..." (what a site that
 * keys patients by SSN writes). Text is Latin-1 unless the Specific
 * Character Set (0008,0005) says ISO_IR 192 (UTF-8).
 *
 * A data set without the Part 10 header (ACR-NEMA 2.0 files, raw exports
 * of some archives) is read when its first four elements are well formed
 * (group 0008 first, tags ascending, lengths inside the file), in
 * explicit VR when their VRs are letters, else implicit VR little endian.
 *
 * Ignored on purpose: pixel data (scanned insurance cards and burned-in
 * annotations are images), private tags' meaning (their text is kept), other
 * character sets than Latin-1 and UTF-8 (bytes past 0x7F read as Latin-1).
 *
 * Attacker-controlled: every byte. Lengths are checked against what is
 * left; an element running past the end is noted truncated and the walk
 * stops; a data set that ends inside an undefined-length sequence or item
 * (its delimiter never came: a file cut between two elements) is noted
 * truncated; elements are counted against the root's time and the text budget.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"
#include "extract/zinflate.h"

#define DICOM_PREAMBLE 128u
#define DICOM_UNDEFINED 0xFFFFFFFFu

struct dicom_state {
    bool implicit, be, utf8;
    struct ls_buf text;
    struct ls_slice patient_id; /* the last Patient ID, for its issuer */
    size_t elements;
    size_t open; /* undefined-length sequences and items not yet delimited */
    size_t un_at; /* open's value inside an undefined-length UN value (0: none) */
    bool saved_implicit, saved_be; /* the data set's encoding, while a UN value is read */
};

/* One element's header. */
struct dicom_el {
    uint16_t group, elem;
    char vr[3];
    uint32_t len;
};

static bool dicom_long_vr(const char *vr)
{
    static const char *const lv[] = {"OB", "OW", "OF", "OD", "OL", "OV", "SQ", "UT", "UN", "UC", "UR", "SV", "UV"};
    for (size_t i = 0; i < sizeof lv / sizeof lv[0]; i++)
        if (strcmp(vr, lv[i]) == 0) return true;
    return false;
}

static bool dicom_bulk_vr(const char *vr)
{
    static const char *const bv[] = {"OB", "OW", "OF", "OD", "OL", "OV", "UN", "SV", "UV", "FL", "FD",
                                     "SL", "SS", "UL", "US", "AT"};
    for (size_t i = 0; i < sizeof bv / sizeof bv[0]; i++)
        if (strcmp(vr, bv[i]) == 0) return true;
    return false;
}

static ls_err dicom_u16(struct ls_cursor *c, bool be, uint16_t *v)
{
    return be ? ls_cur_u16be(c, v) : ls_cur_u16le(c, v);
}

static ls_err dicom_u32(struct ls_cursor *c, bool be, uint32_t *v)
{
    return be ? ls_cur_u32be(c, v) : ls_cur_u32le(c, v);
}

/* Read an element header at the cursor. Items and delimiters (group
 * FFFE) have no VR in any syntax. */
static ls_err dicom_header(struct ls_cursor *c, bool implicit, bool be, struct dicom_el *el)
{
    LS_TRY(dicom_u16(c, be, &el->group));
    LS_TRY(dicom_u16(c, be, &el->elem));
    el->vr[0] = el->vr[1] = el->vr[2] = 0;
    if (implicit || el->group == 0xFFFE) return dicom_u32(c, be, &el->len);
    struct ls_slice vr;
    LS_TRY(ls_cur_take(c, 2, &vr));
    el->vr[0] = (char)ls_slice_at(vr, 0);
    el->vr[1] = (char)ls_slice_at(vr, 1);
    if (dicom_long_vr(el->vr)) {
        LS_TRY(ls_cur_skip(c, 2));
        return dicom_u32(c, be, &el->len);
    }
    uint16_t n;
    LS_TRY(dicom_u16(c, be, &n));
    el->len = n;
    return LS_OK;
}

/* How many elements a bare data set (no preamble, no DICM: ACR-NEMA files,
 * raw exports) starts with in the given encoding: tags ascending, even
 * groups from 0008 on, lengths inside the data. */
static size_t dicom_bare_run(struct ls_slice d, bool implicit)
{
    struct ls_cursor c = ls_cur_make(d);
    uint32_t last = 0;
    size_t n = 0;
    while (n < 4) {
        struct dicom_el el;
        if (dicom_header(&c, implicit, false, &el) != LS_OK) break;
        uint32_t tag = (uint32_t)el.group << 16 | el.elem;
        if (el.group < 0x0008 || el.group > 0x7FE0 || (el.group & 1) || tag <= last) break;
        if (!implicit && !(el.vr[0] >= 'A' && el.vr[0] <= 'Z' && el.vr[1] >= 'A' && el.vr[1] <= 'Z')) break;
        if (el.len == DICOM_UNDEFINED || ls_cur_skip(&c, el.len) != LS_OK) break;
        last = tag;
        n++;
    }
    return n;
}

static int dicom_probe(const struct ls_object *o)
{
    struct ls_slice m;
    if (ls_slice_sub(o->data, DICOM_PREAMBLE, 4, &m) && memcmp(m.ptr, "DICM", 4) == 0) return 95;
    /* a bare data set: four well-formed elements in a row, its first in group 0008 */
    if (ls_slice_at(o->data, 0) != 0x08 || ls_slice_at(o->data, 1) != 0x00) return 0;
    if (dicom_bare_run(o->data, false) == 4 || dicom_bare_run(o->data, true) == 4) return 70;
    return 0;
}

/* ---- text ---------------------------------------------------------------- */

struct dicom_tag {
    uint16_t group, elem;
    const char *label;
};

/* Patient and person fields written under a label; others under their tag. */
static const struct dicom_tag dicom_tags[] = {
    {0x0008, 0x0050, "Accession number"},     {0x0008, 0x0080, "Institution"},
    {0x0008, 0x0090, "Referring physician"},  {0x0008, 0x1030, "Study description"},
    {0x0008, 0x1048, "Physician of record"},  {0x0008, 0x1050, "Performing physician"},
    {0x0008, 0x1060, "Reading physician"},    {0x0008, 0x1070, "Operator"},
    {0x0010, 0x0010, "Patient name"},         {0x0010, 0x0020, "Patient ID"},
    {0x0010, 0x0021, "Issuer of patient ID"}, {0x0010, 0x0030, "Date of birth"},
    {0x0010, 0x0032, "Birth time"},           {0x0010, 0x1000, "Other patient IDs"},
    {0x0010, 0x1001, "Other patient names"},  {0x0010, 0x1005, "Patient's birth name"},
    {0x0010, 0x1040, "Patient address"},      {0x0010, 0x1060, "Mother's birth name"},
    {0x0010, 0x2154, "Phone"},                {0x0010, 0x2155, "Patient telecom"},
    {0x0010, 0x4000, "Patient comments"},     {0x0032, 0x1032, "Requesting physician"},
    {0x0038, 0x0010, "Admission ID"},         {0x0040, 0xA123, "Person name"},
};

static const char *dicom_label(const struct dicom_el *el)
{
    for (size_t i = 0; i < sizeof dicom_tags / sizeof dicom_tags[0]; i++)
        if (dicom_tags[i].group == el->group && dicom_tags[i].elem == el->elem) return dicom_tags[i].label;
    return NULL;
}

/* Append a text value: '\' between values as "; ", a person name's ^ and =
 * as blanks, NUL padding dropped, controls as blanks, Latin-1 as UTF-8
 * unless the data set is UTF-8. */
static ls_err dicom_add_value(struct dicom_state *st, struct ls_slice v, bool person)
{
    while (v.len && (ls_slice_at(v, v.len - 1) == ' ' || ls_slice_at(v, v.len - 1) == 0)) v.len--;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (ch == '\\') LS_TRY(ls_buf_adds(&st->text, "; "));
        else if (person && (ch == '^' || ch == '=')) LS_TRY(ls_buf_addc(&st->text, ' '));
        else if (ch < 0x20 || ch == 0x7f) LS_TRY(ls_buf_addc(&st->text, ' '));
        else if (ch >= 0x80 && !st->utf8) LS_TRY(ls_utf8_put(&st->text, (uint32_t)ch));
        else LS_TRY(ls_buf_addc(&st->text, (uint8_t)ch));
    }
    return LS_OK;
}

/* A DA value YYYYMMDD (or the ACR-NEMA YYYY.MM.DD) as YYYY-MM-DD. */
static bool dicom_date(struct ls_slice v, char out[11])
{
    char d[8];
    size_t n = 0;
    for (size_t i = 0; i < v.len && n < 8; i++) {
        int ch = ls_slice_at(v, i);
        if (ch >= '0' && ch <= '9') d[n++] = (char)ch;
        else if (ch != '.') return false;
        if (i >= 10) return false;
    }
    if (n != 8) return false;
    memcpy(out, d, 4);
    out[4] = '-';
    memcpy(out + 5, d + 4, 2);
    out[7] = '-';
    memcpy(out + 8, d + 6, 2);
    out[10] = 0;
    return true;
}

static bool dicom_ssa_issuer(struct ls_slice v)
{
    while (v.len && (ls_slice_at(v, v.len - 1) == ' ' || ls_slice_at(v, v.len - 1) == 0)) v.len--;
    static const char *const names[] = {"SSA", "SSN", "US SSA", "US SSN", "USSSA", "2.16.840.1.113883.4.1"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (v.len == strlen(names[i])) {
            size_t k = 0;
            while (k < v.len && (ls_slice_at(v, k) | 0x20) == (names[i][k] | 0x20)) k++;
            if (k == v.len) return true;
        }
    return false;
}

/* Text: no control bytes but tabs and line ends, NULs only as padding at
 * the end (a binary US or UL value of an implicit VR data set is not). */
static bool dicom_texty(struct ls_slice v)
{
    while (v.len && ls_slice_at(v, v.len - 1) == 0) v.len--;
    for (size_t i = 0; i < v.len; i++) {
        int ch = ls_slice_at(v, i);
        if (ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\n') return false;
    }
    return v.len > 0;
}

/* One text element's line. */
static ls_err dicom_text(struct dicom_state *st, const struct dicom_el *el, struct ls_slice v)
{
    if (el->group == 0x0008 && el->elem == 0x0005) { /* Specific Character Set */
        st->utf8 = ls_slice_find(v, 0, "ISO_IR 192", 10) != SIZE_MAX;
        return LS_OK;
    }
    if (!dicom_texty(v)) return LS_OK;
    const char *label = dicom_label(el);
    char iso[11];
    if (el->group == 0x0010 && el->elem == 0x0030 && dicom_date(v, iso))
        return ls_buf_printf(&st->text, "Date of birth: %s\n", iso);
    if (el->group == 0x0010 && el->elem == 0x0020) st->patient_id = v;
    if (el->group == 0x0010 && el->elem == 0x0021 && st->patient_id.len && dicom_ssa_issuer(v)) {
        LS_TRY(ls_buf_adds(&st->text, "SSN: "));
        LS_TRY(dicom_add_value(st, st->patient_id, false));
        LS_TRY(ls_buf_addc(&st->text, '\n'));
    }
    if (label) LS_TRY(ls_buf_printf(&st->text, "%s: ", label));
    else LS_TRY(ls_buf_printf(&st->text, "(%04X,%04X): ", el->group, el->elem));
    bool person = strcmp(el->vr, "PN") == 0 || (label && strstr(label, "name") != NULL) ||
                  (label && strstr(label, "physician") != NULL);
    LS_TRY(dicom_add_value(st, v, person));
    return ls_buf_addc(&st->text, '\n');
}

/* ---- the walk ------------------------------------------------------------ */

/* Skip an undefined-length bulk value: encapsulated pixel fragments, items
 * with defined lengths, up to the sequence delimiter. */
static ls_err dicom_skip_fragments(struct ls_cursor *c, bool be)
{
    for (;;) {
        struct dicom_el it;
        LS_TRY(dicom_header(c, true, be, &it));
        if (it.group != 0xFFFE) return LS_E_CORRUPT;
        if (it.elem == 0xE0DD) return LS_OK;
        if (it.len == DICOM_UNDEFINED) return LS_E_CORRUPT;
        LS_TRY(ls_cur_skip(c, it.len));
    }
}

/* Does a sequence's first item start at the cursor (an implicit VR
 * element's value is a sequence)? */
static bool dicom_item_next(const struct ls_cursor *c, bool be)
{
    struct ls_cursor p = *c;
    uint16_t g = 0, e = 0;
    if (dicom_u16(&p, be, &g) != LS_OK || dicom_u16(&p, be, &e) != LS_OK) return false;
    return g == 0xFFFE && (e == 0xE000 || e == 0xE0DD);
}

static ls_err dicom_element(struct dicom_state *st, struct ls_cursor *c)
{
    struct dicom_el el;
    LS_TRY(dicom_header(c, st->implicit, st->be, &el));
    if (el.group == 0xFFFE) { /* an item: its elements follow; a delimiter closes an undefined length */
        if (el.elem == 0xE000 && el.len == DICOM_UNDEFINED) st->open++;
        else if ((el.elem == 0xE00D || el.elem == 0xE0DD) && st->open) st->open--;
        if (st->un_at && st->open < st->un_at) { /* the UN value's end: the data set's own encoding again */
            st->implicit = st->saved_implicit;
            st->be = st->saved_be;
            st->un_at = 0;
        }
        return LS_OK;
    }
    if (!st->implicit && el.len == DICOM_UNDEFINED && strcmp(el.vr, "UN") == 0 && el.group != 0x7FE0) {
        /* PS3.5 6.2.2: a UN value of undefined length is a sequence in
         * implicit VR little endian (a private or unknown sequence relayed by
         * a system without its dictionary): walked into like an SQ */
        st->open++;
        st->un_at = st->open;
        st->saved_implicit = st->implicit;
        st->saved_be = st->be;
        st->implicit = true;
        st->be = false;
        return LS_OK;
    }
    if (strcmp(el.vr, "SQ") == 0 || (st->implicit && dicom_item_next(c, st->be))) { /* walk into it */
        if (el.len == DICOM_UNDEFINED) st->open++;
        return LS_OK;
    }
    if (el.len == DICOM_UNDEFINED) return dicom_skip_fragments(c, st->be);
    struct ls_slice v;
    if (ls_cur_take(c, el.len, &v) != LS_OK) return LS_E_TRUNCATED;
    if (el.group == 0x7FE0 || (!st->implicit && dicom_bulk_vr(el.vr))) return LS_OK;
    if (st->implicit && (el.len > 0x10000 || el.group == 0x0028)) return LS_OK; /* no VR: bulk, image numbers */
    if (st->implicit && (v.len == 2 || v.len == 4) && memchr(v.ptr, 0, v.len) != NULL) return LS_OK; /* US, UL */
    return dicom_text(st, &el, v);
}

static ls_err dicom_walk(struct ls_ctx *c, struct dicom_state *st, struct ls_slice ds)
{
    struct ls_cursor cur = ls_cur_make(ds);
    while (ls_cur_left(&cur) > 0) {
        size_t at = cur.pos;
        ls_err e = dicom_element(st, &cur);
        if (e != LS_OK) return e;
        if (cur.pos == at) return LS_E_CORRUPT;
        if (++st->elements % 4096 == 0 && ls_ctx_expired(c)) return LS_E_TIMEOUT;
    }
    return LS_OK;
}

/* The file meta group: the transfer syntax, and where the data set starts. */
static ls_err dicom_meta(struct dicom_state *st, struct ls_slice d, size_t *start, bool *deflated)
{
    struct ls_cursor cur = ls_cur_make(d);
    *deflated = false;
    struct ls_slice m;
    if (!ls_slice_sub(d, DICOM_PREAMBLE, 4, &m) || memcmp(m.ptr, "DICM", 4) != 0) {
        /* a bare data set: its encoding as the probe found it */
        st->implicit = dicom_bare_run(d, false) < 4;
        *start = 0;
        return LS_OK;
    }
    LS_TRY(ls_cur_seek(&cur, DICOM_PREAMBLE + 4));
    for (;;) {
        size_t at = cur.pos;
        uint16_t g;
        if (ls_cur_u16le(&cur, &g) != LS_OK || g != 0x0002) {
            *start = at;
            return LS_OK;
        }
        LS_TRY(ls_cur_seek(&cur, at));
        struct dicom_el el;
        struct ls_slice v;
        LS_TRY(dicom_header(&cur, false, false, &el));
        if (el.len == DICOM_UNDEFINED) return LS_E_CORRUPT;
        LS_TRY(ls_cur_take(&cur, el.len, &v));
        if (el.elem != 0x0010) continue;
        while (v.len && (ls_slice_at(v, v.len - 1) == 0 || ls_slice_at(v, v.len - 1) == ' ')) v.len--;
        st->implicit = ls_slice_eq_str(v, "1.2.840.10008.1.2");
        st->be = ls_slice_eq_str(v, "1.2.840.10008.1.2.2");
        *deflated = ls_slice_eq_str(v, "1.2.840.10008.1.2.1.99");
    }
}

static ls_err dicom_inflate(struct ls_ctx *c, struct ls_object *o, struct ls_slice in, struct ls_buf *out)
{
    size_t max = (size_t)ls_ctx_limits(c)->max_text;
    ls_err e = zinflate_buf(in, -15, out, max);
    LS_TRY(ls_budget_charge(c, o, out->len));
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_BYTES, "dicom: deflated data set cut at %zu bytes", max);
    else if (e != LS_OK) ls_note(c, o, LS_R_TRUNCATED, "dicom: deflated data set: %s", ls_err_name(e));
    return LS_OK;
}

static ls_err dicom_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct dicom_state st = {.implicit = false};
    size_t start;
    bool deflated;
    struct ls_buf inflated;
    ls_buf_init(&inflated, (size_t)ls_ctx_limits(c)->max_text);
    ls_buf_init(&st.text, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = dicom_meta(&st, o->data, &start, &deflated);
    struct ls_slice ds = {NULL, 0};
    if (e == LS_OK) (void)ls_slice_from(o->data, start, &ds);
    if (e == LS_OK && deflated) {
        e = dicom_inflate(c, o, ds, &inflated);
        ds = ls_buf_slice(&inflated);
    }
    if (e == LS_OK) e = dicom_walk(c, &st, ds);
    if (e == LS_OK && st.open) /* cut between two elements inside a sequence: its delimiters never came */
        ls_note(c, o, LS_R_TRUNCATED, "dicom: the data set ends inside %zu undefined-length sequences or items",
                st.open);
    if (e == LS_E_TRUNCATED) ls_note(c, o, LS_R_TRUNCATED, "dicom: an element runs past the end of the file");
    else if (e == LS_E_CORRUPT) ls_note(c, o, LS_R_PARSE_ERROR, "dicom: element structure broken");
    else if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "dicom: text cut at the text budget");
    ls_err te = ls_emit_done(c, o, &st.text, NULL);
    ls_buf_free(&inflated);
    if (e == LS_E_TRUNCATED || e == LS_E_CORRUPT || e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : te;
}

const struct ls_handler ls_handler_dicom = {
    .name = "dicom",
    .probe = dicom_probe,
    .extract = dicom_extract,
};
