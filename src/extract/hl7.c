/*
 * The "hl7" handler: HL7 version 2 messages (HL7 v2.3-2.8, chapter 2
 * "Control": message construction rules, 2.5 encoding rules, 2.7 escape
 * sequences; chapter 3 PID/NK1/MRG, chapter 6 IN1/IN2/GT1), what a
 * hospital's interface engine logs and archives: ADT admissions and
 * updates, ORU results, one message a file, many a file, batched
 * (FHS/BHS ... BTS/FTS; a file that starts with FHS or BHS and holds no
 * FTS or BTS segment was cut at a segment boundary: noted truncated), or
 * an MLLP capture (each message framed by 0x0B
 * ... 0x1C 0x0D, the minimal lower layer protocol of the HL7 transport
 * specification; a capture whose last frame has no end byte 0x1C was cut
 * inside a message: noted truncated), or inside other text: an interface
 * engine's log or a support ticket that holds a header somewhere in a line
 * (after a time stamp) and, in its first 64 KiB, a PID segment at the
 * start of a line (probed 40: over plain text, under the formats that hold
 * text; the lines that are not segments are text as they stand).
 *
 * A message is segments ended by CR (LF and CR LF read the same); MSH, FHS
 * and BHS name their own separators in their first bytes: MSH-1 the field
 * separator (usually |), MSH-2 the component, repetition, escape and
 * subcomponent characters (usually ^~\&). Each such header sets the
 * separators for what follows (two messages of one file may differ).
 *
 * The person fields are positional: PID-7 "19750314" or PID-19
 * "146203037" are digits between bars that no rule reads as a birth date
 * or an SSN. Each PID, NK1, GT1, IN1, IN2 and MRG segment gives a labelled
 * line (ls_emit_labels()) of the fields chapter 3 and 6 define: names
 * (XPN: family^given^middle, written given middle family), birth dates
 * (DTM, written YYYY-MM-DD), SSNs, addresses (XAD), phones and e-mail
 * addresses (XTN: the formatted number, or country, area and local
 * number, or the address of a NET/Internet entry) and identifier lists
 * (CX: id^check digit^scheme^assigning authority^type; type SS is an SSN,
 * others are written with their type code: MR, PI, MB, ...):
 * "PID Name: ADA J MOSS\tDate of birth: 1975-03-14\tSSN: 146203037\n".
 * The text is every segment a line, escape sequences decoded (\F\ \S\ \T\
 * \R\ \E\ the separators, \Xhh..\ bytes, \.br\ a line break; highlight,
 * character set and locally defined escapes dropped).
 *
 * HL7 v2's XML encoding (an XML file naming the urn:hl7-org:v2xml
 * namespace in its first 2 KiB; probed 85, over generic XML) is written
 * back segment by segment in the pipe encoding and read the same way.
 *
 * Text that is not UTF-8 is decoded by the character set MSH-18 names
 * (8859/1 ... 8859/15, ISO IR14/87/159, BIG-5, GB 18030-2000, KS X 1001;
 * Windows-1252 for ASCII, none or another name; a UTF-8 name keeps it as
 * it is) before it is read (below: character sets).
 *
 * Ignored on purpose: the meaning of other segments' fields (OBX values,
 * notes, orders are read as text), the acknowledgement semantics. Dates of service, control
 * ids, NPIs and codes stay unlabelled text.
 *
 * Attacker-controlled: every byte, the separators included (any byte but
 * CR and LF; duplicates are refused and the default set used). Segments,
 * fields and repetitions are counted against the text budget and the
 * root's time.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

/* The separators a header declares. */
struct hl7_sep {
    uint8_t field, comp, rep, esc, sub;
};

static bool hl7_is_end(int ch) { return ch == '\r' || ch == '\n' || ch == 0x0b || ch == 0x1c; }
static bool hl7_is_digit(int ch) { return ch >= '0' && ch <= '9'; }
static bool hl7_is_alnum(int ch)
{
    return hl7_is_digit(ch) || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

/* A header segment (MSH, FHS, BHS) at s: its separators, or false. The
 * field separator and the encoding characters must be distinct bytes, not
 * letters, digits, blanks or line ends. */
static bool hl7_header(struct ls_slice s, struct hl7_sep *sep)
{
    if (!(ls_slice_starts(s, "MSH", 3) || ls_slice_starts(s, "FHS", 3) || ls_slice_starts(s, "BHS", 3)))
        return false;
    uint8_t ch[6]; /* 5 used: one more keeps gcc -O3 from a false -Wstringop-overflow */
    size_t n = 0;
    for (size_t i = 3; i < s.len && n < 5; i++) {
        int c = ls_slice_at(s, i);
        if (n > 1 && c == ch[0]) break; /* MSH-2 may name fewer than four (no subcomponents) */
        if (c < 0x21 || c == 0x7f || hl7_is_alnum(c) || hl7_is_end(c)) return false;
        for (size_t k = 0; k < n; k++)
            if (ch[k] == c) return false;
        ch[n++] = (uint8_t)c;
    }
    if (n < 4) return false; /* the field separator and at least component, repetition, escape */
    sep->field = ch[0];
    sep->comp = ch[1];
    sep->rep = ch[2];
    sep->esc = ch[3];
    sep->sub = n > 4 ? ch[4] : 0;
    return true;
}

/* Where the message starts: past a byte order mark, blanks, line ends and
 * the MLLP start byte. */
static size_t hl7_start(struct ls_slice d)
{
    size_t i = 0;
    if (ls_slice_starts(d, "\xef\xbb\xbf", 3)) i = 3;
    while (i < d.len && i < 64) {
        int c = ls_slice_at(d, i);
        if (c != 0x0b && c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
        i++;
    }
    return i;
}

/* Bytes searched for a message inside other text (an interface engine's
 * log, a support ticket): the first 64 KiB. */
#define HL7_EMBED_WINDOW (64u << 10)

/* A header segment somewhere in s (after a log line's time stamp, ...):
 * its offset, or SIZE_MAX. */
static size_t hl7_find_header(struct ls_slice s, struct hl7_sep *sep)
{
    size_t at = 0;
    while ((at = ls_slice_find(s, at, "MSH", 3)) != SIZE_MAX) {
        struct ls_slice rest;
        if (ls_slice_from(s, at, &rest) && hl7_header(rest, sep)) return at;
        at++;
    }
    return SIZE_MAX;
}

/* A message inside other text: a header, then a PID segment at the start of
 * a line (what the labels read). */
static bool hl7_embedded(struct ls_slice d)
{
    struct ls_slice w = d;
    if (w.len > HL7_EMBED_WINDOW) w.len = HL7_EMBED_WINDOW;
    struct hl7_sep sep;
    size_t at = hl7_find_header(w, &sep);
    if (at == SIZE_MAX) return false;
    uint8_t pid[5] = {'\r', 'P', 'I', 'D', sep.field};
    if (ls_slice_find(w, at, pid, 5) != SIZE_MAX) return true;
    pid[0] = '\n';
    return ls_slice_find(w, at, pid, 5) != SIZE_MAX;
}

/* HL7 v2's XML encoding: its namespace in the first 2 KiB of an XML file. */
static bool hl7_xml(struct ls_slice d)
{
    size_t i = hl7_start(d);
    if (ls_slice_at(d, i) != '<') return false;
    struct ls_slice w = d;
    if (w.len > 2048) w.len = 2048;
    return ls_slice_find(w, i, "urn:hl7-org:v2xml", 17) != SIZE_MAX;
}

static int hl7_probe(const struct ls_object *o)
{
    struct ls_slice rest;
    struct hl7_sep sep;
    if (ls_slice_from(o->data, hl7_start(o->data), &rest) && hl7_header(rest, &sep) &&
        ls_slice_find(rest, 8, &sep.field, 1) != SIZE_MAX) /* the field separator comes again (MSH-3 ...) */
        return 90;
    if (hl7_xml(o->data)) return 85; /* over generic XML (up to 75) */
    /* messages inside a log or a note: over plain text (25), under the formats that hold text */
    return hl7_embedded(o->data) ? 40 : 0;
}

/* ---- fields ------------------------------------------------------------------ */

static int hl7_hex(int c)
{
    if (hl7_is_digit(c)) return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Append the escape sequence body e (between two escape characters). */
static ls_err hl7_unescape_one(struct ls_buf *b, struct ls_slice e, const struct hl7_sep *sep)
{
    int k = ls_slice_at(e, 0);
    if (e.len == 1 && k == 'F') return ls_buf_addc(b, sep->field);
    if (e.len == 1 && k == 'S') return ls_buf_addc(b, sep->comp);
    if (e.len == 1 && k == 'T') return ls_buf_addc(b, sep->sub ? sep->sub : '&');
    if (e.len == 1 && k == 'R') return ls_buf_addc(b, sep->rep);
    if (e.len == 1 && k == 'E') return ls_buf_addc(b, sep->esc);
    if (k == 'X') { /* hex bytes; controls become blanks */
        for (size_t i = 1; i + 1 < e.len; i += 2) {
            int hi = hl7_hex(ls_slice_at(e, i)), lo = hl7_hex(ls_slice_at(e, i + 1));
            if (hi < 0 || lo < 0) break;
            int v = hi * 16 + lo;
            LS_TRY(ls_buf_addc(b, (uint8_t)(v < 0x20 || v == 0x7f ? ' ' : v)));
        }
        return LS_OK;
    }
    if (ls_slice_eq_str(e, ".br") || ls_slice_starts(e, ".sp", 3))
        return ls_buf_addc(b, '\n');
    return LS_OK; /* \H\ \N\ \Cxxyy\ \Mxxyyzz\ \Zxx\ and formatting: nothing to read */
}

/* Append s with its escape sequences decoded; an escape without its end is
 * kept as written. Line-end bytes become blanks (a label line stays one). */
static ls_err hl7_unescape(struct ls_buf *b, struct ls_slice s, const struct hl7_sep *sep)
{
    size_t i = 0;
    while (i < s.len) {
        int c = ls_slice_at(s, i);
        if (c == sep->esc) {
            size_t end = ls_slice_find(s, i + 1, &sep->esc, 1);
            struct ls_slice e;
            if (end != SIZE_MAX && end > i + 1 && end - i - 1 <= 64 && ls_slice_sub(s, i + 1, end - i - 1, &e)) {
                LS_TRY(hl7_unescape_one(b, e, sep));
                i = end + 1;
                continue;
            }
        }
        LS_TRY(ls_buf_addc(b, (uint8_t)(c == '\r' || c == '\n' ? ' ' : c)));
        i++;
    }
    return LS_OK;
}

/* What a labelled field holds. */
enum hl7_kind { K_NAME, K_DOB, K_SSN, K_ADDR, K_TEL, K_IDS, K_ID };

struct hl7_field {
    const char *seg;
    unsigned num; /* HL7 field number: PID-7 is 7 */
    enum hl7_kind kind;
    const char *label;
};

/* Chapter 3 (PID, NK1, MRG) and chapter 6 (GT1, IN1, IN2) person fields. */
static const struct hl7_field hl7_fields[] = {
    {"PID", 2, K_IDS, "Patient ID"},
    {"PID", 3, K_IDS, "Patient ID"},
    {"PID", 4, K_IDS, "Alternate patient ID"},
    {"PID", 5, K_NAME, "Name"},
    {"PID", 6, K_NAME, "Mother's maiden name"},
    {"PID", 7, K_DOB, "Date of birth"},
    {"PID", 9, K_NAME, "Alias"},
    {"PID", 11, K_ADDR, "Address"},
    {"PID", 13, K_TEL, "Home"},
    {"PID", 14, K_TEL, "Work"},
    {"PID", 18, K_IDS, "Account number"},
    {"PID", 19, K_SSN, "SSN"},
    {"PID", 20, K_ID, "Driver's license number"},
    {"NK1", 2, K_NAME, "Name"},
    {"NK1", 4, K_ADDR, "Address"},
    {"NK1", 5, K_TEL, "Home"},
    {"NK1", 6, K_TEL, "Work"},
    {"NK1", 16, K_DOB, "Date of birth"},
    {"NK1", 30, K_NAME, "Contact name"},
    {"NK1", 31, K_TEL, "Contact"},
    {"NK1", 32, K_ADDR, "Contact address"},
    {"NK1", 33, K_IDS, "Identifier"},
    {"NK1", 37, K_SSN, "SSN"},
    {"MRG", 1, K_IDS, "Prior patient ID"},
    {"MRG", 7, K_NAME, "Prior name"},
    {"GT1", 2, K_IDS, "Guarantor number"},
    {"GT1", 3, K_NAME, "Name"},
    {"GT1", 4, K_NAME, "Spouse name"},
    {"GT1", 5, K_ADDR, "Address"},
    {"GT1", 6, K_TEL, "Home"},
    {"GT1", 7, K_TEL, "Work"},
    {"GT1", 8, K_DOB, "Date of birth"},
    {"GT1", 12, K_SSN, "SSN"},
    {"GT1", 16, K_NAME, "Employer name"},
    {"GT1", 17, K_ADDR, "Employer address"},
    {"GT1", 18, K_TEL, "Employer"},
    {"IN1", 16, K_NAME, "Insured name"},
    {"IN1", 18, K_DOB, "Insured date of birth"},
    {"IN1", 19, K_ADDR, "Insured address"},
    {"IN1", 36, K_ID, "Policy number"},
    {"IN1", 49, K_IDS, "Insured ID"},
    {"IN2", 1, K_ID, "Insured employee ID"},
    {"IN2", 2, K_SSN, "Insured SSN"},
    {"IN2", 8, K_ID, "Medicare number"},
    {"IN2", 63, K_TEL, "Insured home"},
};

static ls_err hl7_put(struct ls_buf *b, const char *label, struct ls_slice v, const struct hl7_sep *sep)
{
    if (v.len == 0) return LS_OK;
    LS_TRY(ls_buf_printf(b, "\t%s: ", label));
    return hl7_unescape(b, v, sep);
}

/* XPN (family^given^middle^suffix^prefix), written given middle family:
 * the family name is a component of its own (FN: surname&own prefix ...):
 * its first subcomponent. */
static ls_err hl7_name(struct ls_buf *b, const char *label, struct ls_slice v, const struct hl7_sep *sep)
{
    struct ls_slice fam = ls_piece(v, sep->comp, 0);
    if (sep->sub) fam = ls_piece(fam, sep->sub, 0);
    struct ls_slice parts[4] = {ls_piece(v, sep->comp, 4), ls_piece(v, sep->comp, 1), ls_piece(v, sep->comp, 2),
                                fam};
    bool any = false;
    for (size_t i = 0; i < 4; i++) any |= parts[i].len > 0;
    if (!any) return LS_OK;
    LS_TRY(ls_buf_printf(b, "\t%s:", label));
    for (size_t i = 0; i < 4; i++)
        if (parts[i].len) {
            LS_TRY(ls_buf_addc(b, ' '));
            LS_TRY(hl7_unescape(b, parts[i], sep));
        }
    struct ls_slice suffix = ls_piece(v, sep->comp, 3);
    if (suffix.len) {
        LS_TRY(ls_buf_addc(b, ' '));
        LS_TRY(hl7_unescape(b, suffix, sep));
    }
    return LS_OK;
}

/* A DTM's date (YYYYMMDD, then a time, a zone) as YYYY-MM-DD; a date with
 * only a year or a month stays as written. */
static ls_err hl7_date(struct ls_buf *b, const char *label, struct ls_slice v, const struct hl7_sep *sep)
{
    struct ls_slice d = ls_piece(v, sep->comp, 0);
    size_t n = 0;
    while (n < d.len && n < 8 && hl7_is_digit(ls_slice_at(d, n))) n++;
    if (n < 8) return hl7_put(b, label, d, sep);
    LS_TRY(ls_buf_printf(b, "\t%s: ", label));
    LS_TRY(ls_add_sub(b, d, 0, 4));
    LS_TRY(ls_buf_addc(b, '-'));
    LS_TRY(ls_add_sub(b, d, 4, 2));
    LS_TRY(ls_buf_addc(b, '-'));
    return ls_add_sub(b, d, 6, 2);
}

/* XAD: street^other^city^state^zip^country, blanks between. */
static ls_err hl7_addr(struct ls_buf *b, const char *label, struct ls_slice v, const struct hl7_sep *sep)
{
    bool first = true;
    for (size_t i = 0; i < 6; i++) {
        struct ls_slice p = ls_piece(v, sep->comp, i);
        if (sep->sub && i == 0) p = ls_piece(p, sep->sub, 0); /* SAD: street address&name&number */
        if (!p.len) continue;
        LS_TRY(first ? ls_buf_printf(b, "\t%s: ", label) : ls_buf_adds(b, i == 2 ? ", " : " "));
        LS_TRY(hl7_unescape(b, p, sep));
        first = false;
    }
    return LS_OK;
}

/* XTN: [formatted number]^use^equipment^e-mail address^country^area^local
 * ^extension^any text ... ^unformatted number (12). */
static ls_err hl7_tel(struct ls_buf *b, const char *label, struct ls_slice v, const struct hl7_sep *sep)
{
    struct ls_slice mail = ls_piece(v, sep->comp, 3), area = ls_piece(v, sep->comp, 5),
                    local = ls_piece(v, sep->comp, 6), formatted = ls_piece(v, sep->comp, 0),
                    unformatted = ls_piece(v, sep->comp, 11), country = ls_piece(v, sep->comp, 4);
    const char *what = ls_slice_eq_str(ls_piece(v, sep->comp, 2), "FX") ? "fax" : "phone";
    if (mail.len) {
        LS_TRY(ls_buf_printf(b, "\t%s e-mail: ", label));
        LS_TRY(hl7_unescape(b, mail, sep));
    }
    if (local.len == 7 && area.len == 3) {
        LS_TRY(ls_buf_printf(b, "\t%s %s: ", label, what));
        if (country.len) {
            LS_TRY(ls_buf_addc(b, '+'));
            LS_TRY(hl7_unescape(b, country, sep));
            LS_TRY(ls_buf_addc(b, ' '));
        }
        LS_TRY(ls_buf_addc(b, '('));
        LS_TRY(ls_add_sub(b, area, 0, 3));
        LS_TRY(ls_buf_adds(b, ") "));
        LS_TRY(ls_add_sub(b, local, 0, 3));
        LS_TRY(ls_buf_addc(b, '-'));
        return ls_add_sub(b, local, 3, 4);
    }
    if (area.len || local.len) {
        LS_TRY(ls_buf_printf(b, "\t%s %s: ", label, what));
        LS_TRY(hl7_unescape(b, country, sep));
        if (country.len) LS_TRY(ls_buf_addc(b, ' '));
        LS_TRY(hl7_unescape(b, area, sep));
        LS_TRY(ls_buf_addc(b, ' '));
        return hl7_unescape(b, local, sep);
    }
    struct ls_slice num = formatted.len ? formatted : unformatted;
    if (!num.len) return LS_OK;
    LS_TRY(ls_buf_printf(b, "\t%s %s: ", label, what));
    return hl7_unescape(b, num, sep);
}

/* CX: id^check digit^check digit scheme^assigning authority^type code; an
 * SS (or SSN: systems write both) type is an SSN. */
static ls_err hl7_ids(struct ls_buf *b, const char *label, struct ls_slice v, const struct hl7_sep *sep)
{
    struct ls_slice id = ls_piece(v, sep->comp, 0), type = ls_piece(v, sep->comp, 4);
    if (!id.len) return LS_OK;
    if (ls_slice_eq_str(type, "SS") || ls_slice_eq_str(type, "SSN")) return hl7_put(b, "SSN", id, sep);
    if (!type.len) return hl7_put(b, label, id, sep);
    LS_TRY(ls_buf_printf(b, "\t%s (", label));
    LS_TRY(hl7_unescape(b, type, sep));
    LS_TRY(ls_buf_adds(b, "): "));
    return hl7_unescape(b, id, sep);
}

static ls_err hl7_value(struct ls_buf *b, const struct hl7_field *f, struct ls_slice v, const struct hl7_sep *sep)
{
    switch (f->kind) {
    case K_NAME: return hl7_name(b, f->label, v, sep);
    case K_DOB: return hl7_date(b, f->label, v, sep);
    case K_ADDR: return hl7_addr(b, f->label, v, sep);
    case K_TEL: return hl7_tel(b, f->label, v, sep);
    case K_IDS: return hl7_ids(b, f->label, v, sep);
    case K_SSN: return hl7_put(b, f->label, ls_piece(v, sep->comp, 0), sep);
    case K_ID: return hl7_put(b, f->label, ls_piece(v, sep->comp, 0), sep);
    }
    return LS_OK;
}

/* Repetitions past this in one field are left to the text. */
#define HL7_MAX_REPS 64

/* The labelled line of one segment into out (nothing for a segment no
 * field of hl7_fields names); scratch holds the line while it is built. */
static ls_err hl7_labels(struct ls_buf *out, struct ls_buf *scratch, struct ls_slice seg, const struct hl7_sep *sep)
{
    ls_buf_reset(scratch);
    for (size_t i = 0; i < sizeof hl7_fields / sizeof hl7_fields[0]; i++) {
        const struct hl7_field *f = &hl7_fields[i];
        if (!ls_slice_starts(seg, f->seg, 3)) continue;
        struct ls_slice field = ls_piece(seg, sep->field, f->num);
        size_t from = 0;
        for (size_t r = 0; r < HL7_MAX_REPS && from < field.len; r++) { /* one pass over the field */
            size_t end = ls_slice_find(field, from, &sep->rep, 1);
            if (end == SIZE_MAX) end = field.len;
            struct ls_slice rep;
            if (ls_slice_sub(field, from, end - from, &rep)) LS_TRY(hl7_value(scratch, f, rep, sep));
            from = end + 1;
        }
    }
    if (scratch->len == 0) return LS_OK;
    LS_TRY(ls_add_sub(out, seg, 0, 3));
    LS_TRY(ls_buf_add(out, scratch->ptr, scratch->len));
    return ls_buf_addc(out, '\n');
}

/* ---- segments ---------------------------------------------------------------- */

struct hl7_state {
    struct hl7_sep sep;
    struct ls_buf text, labels, scratch;
    size_t segments;
    bool embedded; /* messages inside other text: a header may stand anywhere in a line */
};

static ls_err hl7_segment(struct hl7_state *st, struct ls_slice seg)
{
    if ((seg.len >= 3 && hl7_header(seg, &st->sep)) || (st->embedded && hl7_find_header(seg, &st->sep) != SIZE_MAX)) {
        /* a header (or a log line holding one): its encoding characters are no escapes */
        LS_TRY(ls_buf_add(&st->text, seg.ptr, seg.len));
        return ls_buf_addc(&st->text, '\n');
    }
    bool is_seg = seg.len >= 4 && ls_slice_at(seg, 3) == st->sep.field;
    for (size_t i = 0; i < 3 && is_seg; i++) {
        int ch = ls_slice_at(seg, i);
        is_seg = (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    }
    if (!is_seg) { /* a line that is no segment (a log's own lines): as it stands */
        LS_TRY(ls_buf_add(&st->text, seg.ptr, seg.len));
        return ls_buf_addc(&st->text, '\n');
    }
    LS_TRY(hl7_unescape(&st->text, seg, &st->sep));
    LS_TRY(ls_buf_addc(&st->text, '\n'));
    return hl7_labels(&st->labels, &st->scratch, seg, &st->sep);
}

static ls_err hl7_walk(struct ls_ctx *c, struct ls_slice d, struct hl7_state *st)
{
    size_t i = hl7_start(d);
    while (i < d.len) {
        while (i < d.len && (hl7_is_end(ls_slice_at(d, i)) || ls_slice_at(d, i) == ' ')) i++;
        size_t end = i;
        while (end < d.len && !hl7_is_end(ls_slice_at(d, end))) end++;
        struct ls_slice seg;
        if (end > i && ls_slice_sub(d, i, end - i, &seg)) LS_TRY(hl7_segment(st, seg));
        i = end;
        if (++st->segments % 4096 == 0 && ls_ctx_expired(c)) return LS_E_TIMEOUT;
    }
    return LS_OK;
}

/* ---- HL7 v2 XML ------------------------------------------------------------- */

/* The XML encoding (HL7 Version 2: XML Encoding Syntax, release 1) names
 * each segment (<PID>), field (<PID.7>), component (<XPN.1>, <TS.1>) and
 * subcomponent (<FN.1> inside <XPN.1>); groups (<ADT_A01.INSURANCE>) and
 * the message element hold them. Each segment is written back in the pipe
 * encoding (|^~\& separators; the value's own separator characters as
 * blanks, the five XML entities decoded) and read as any other. */
struct hl7_xml_state {
    struct ls_buf seg;   /* the segment being written back */
    unsigned depth;      /* element depth inside the segment: 1 segment, 2 field, 3 component, 4 sub */
    unsigned field, comp, sub;
};

/* The number after the last '.' of an element name ("PID.19" -> 19), 0 if none. */
static unsigned hl7_xml_num(struct ls_slice name)
{
    size_t dot = name.len;
    while (dot > 0 && ls_slice_at(name, dot - 1) != '.') dot--;
    if (dot == 0 || dot == name.len || name.len - dot > 3) return 0;
    unsigned n = 0;
    for (size_t i = dot; i < name.len; i++) {
        int ch = ls_slice_at(name, i);
        if (!hl7_is_digit(ch)) return 0;
        n = n * 10 + (unsigned)(ch - '0');
    }
    return n;
}

static bool hl7_xml_segname(struct ls_slice name)
{
    if (name.len != 3) return false;
    for (size_t i = 0; i < 3; i++) {
        int ch = ls_slice_at(name, i);
        if (!((ch >= 'A' && ch <= 'Z') || hl7_is_digit(ch))) return false;
    }
    return true;
}

/* Separators up to position n (from *at) so the next value lands there. */
static ls_err hl7_xml_pad(struct ls_buf *b, unsigned *at, unsigned n, uint8_t sep, uint8_t rep)
{
    if (n <= *at) return rep ? ls_buf_addc(b, rep) : LS_OK; /* the same position again: a repetition */
    for (unsigned k = *at; k < n && k - *at < 300; k++) LS_TRY(ls_buf_addc(b, sep));
    *at = n;
    return LS_OK;
}

static ls_err hl7_xml_open(struct hl7_xml_state *x, struct ls_slice name)
{
    if (x->depth == 0) {
        if (!hl7_xml_segname(name)) return LS_OK; /* the message, a group */
        ls_buf_reset(&x->seg);
        LS_TRY(ls_buf_add(&x->seg, name.ptr, name.len));
        if (ls_slice_eq_str(name, "MSH")) LS_TRY(ls_buf_adds(&x->seg, "|^~\\&"));
        x->depth = 1;
        x->field = ls_slice_eq_str(name, "MSH") ? 2 : 0;
        return LS_OK;
    }
    unsigned n = hl7_xml_num(name);
    x->depth++;
    if (x->depth == 2) {
        if (n <= 2 && ls_slice_starts(ls_buf_slice(&x->seg), "MSH", 3))
            return LS_OK; /* MSH.1 and MSH.2: the separators, written above */
        x->comp = x->sub = 1;
        return hl7_xml_pad(&x->seg, &x->field, n ? n : x->field + 1, '|', '~');
    }
    if (x->depth == 3) {
        x->sub = 1;
        return hl7_xml_pad(&x->seg, &x->comp, n ? n : x->comp + 1, '^', 0);
    }
    if (x->depth == 4) return hl7_xml_pad(&x->seg, &x->sub, n ? n : x->sub + 1, '&', 0);
    return LS_OK;
}

/* Text between tags, entities decoded, separator characters as blanks. */
static ls_err hl7_xml_text(struct hl7_xml_state *x, struct ls_slice t)
{
    static const struct {
        const char *ent;
        char ch;
    } ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    if (x->depth < 2) return LS_OK;
    if (x->depth == 2 && x->field <= 2 && ls_slice_starts(ls_buf_slice(&x->seg), "MSH", 3)) return LS_OK;
    for (size_t i = 0; i < t.len; i++) {
        int ch = ls_slice_at(t, i);
        if (ch == '&') {
            struct ls_slice rest;
            (void)ls_slice_from(t, i, &rest);
            for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++)
                if (ls_slice_starts(rest, ents[k].ent, strlen(ents[k].ent))) {
                    ch = ents[k].ch;
                    i += strlen(ents[k].ent) - 1;
                    break;
                }
        }
        if (ch == '|' || ch == '^' || ch == '~' || ch == '\\' || ch == '&' || ch == '\r' || ch == '\n') ch = ' ';
        LS_TRY(ls_buf_addc(&x->seg, (uint8_t)ch));
    }
    return LS_OK;
}

static ls_err hl7_xml_close(struct hl7_xml_state *x, struct hl7_state *st)
{
    if (x->depth == 0) return LS_OK;
    if (--x->depth > 0) return LS_OK;
    return hl7_segment(st, ls_buf_slice(&x->seg));
}

/* Walk the tags: comments, processing instructions and declarations
 * skipped, empty elements opened and closed. */
static ls_err hl7_xml_walk(struct ls_ctx *c, struct ls_slice d, struct hl7_state *st, struct hl7_xml_state *x)
{
    size_t i = 0;
    while (i < d.len) {
        size_t lt = ls_slice_find(d, i, "<", 1);
        size_t end = lt == SIZE_MAX ? d.len : lt;
        struct ls_slice t;
        if (end > i && ls_slice_sub(d, i, end - i, &t)) LS_TRY(hl7_xml_text(x, t));
        if (lt == SIZE_MAX) break;
        size_t gt = ls_slice_find(d, lt, ">", 1);
        if (gt == SIZE_MAX) break;
        struct ls_slice tag;
        (void)ls_slice_sub(d, lt + 1, gt - lt - 1, &tag);
        int first = ls_slice_at(tag, 0);
        if (first != '?' && first != '!') {
            bool closing = first == '/', empty = tag.len && ls_slice_at(tag, tag.len - 1) == '/';
            size_t from = closing ? 1 : 0, n = from;
            while (n < tag.len && ls_slice_at(tag, n) > ' ' && ls_slice_at(tag, n) != '/') n++;
            struct ls_slice name;
            (void)ls_slice_sub(tag, from, n - from, &name);
            if (!closing) LS_TRY(hl7_xml_open(x, name));
            if (closing || empty) LS_TRY(hl7_xml_close(x, st));
        }
        i = gt + 1;
        if (++st->segments % 4096 == 0 && ls_ctx_expired(c)) return LS_E_TIMEOUT;
    }
    return LS_OK;
}

static ls_err hl7_xml_read(struct ls_ctx *c, struct ls_object *o, struct hl7_state *st)
{
    struct hl7_xml_state x = {.depth = 0};
    ls_buf_init(&x.seg, (size_t)ls_ctx_limits(c)->max_text);
    ls_err e = hl7_xml_walk(c, o->data, st, &x);
    ls_buf_free(&x.seg);
    return e;
}

/* An MLLP capture (its first byte 0x0B) whose last frame has no end byte
 * 0x1C: the capture was cut inside a message. */
static bool hl7_mllp_cut(struct ls_slice d)
{
    size_t i = ls_slice_starts(d, "\xef\xbb\xbf", 3) ? 3 : 0;
    if (ls_slice_at(d, i) != 0x0b) return false;
    bool open = false;
    for (; i < d.len; i++) {
        int ch = ls_slice_at(d, i);
        if (ch == 0x0b) open = true;
        else if (ch == 0x1c) open = false;
    }
    return open;
}

/* ---- character sets ----
 *
 * MSH-18 (HL7 table 0211) names the message's character set: "ASCII",
 * "8859/1" ... "8859/15", "UNICODE UTF-8", "ISO IR14" (JIS X 0201),
 * "ISO IR87" (JIS X 0208), "BIG-5", "GB 18030-2000", "KS X 1001" ... Text
 * that is not valid UTF-8 is decoded by it before it is read (segments
 * and separators are ASCII in all of them): a Latin-1 name read as
 * U+FFFD before. A single-byte name without a table, ASCII (mislabelled:
 * the bytes are not ASCII) or no MSH-18 read as Windows-1252; UNICODE,
 * UNICODE UTF-8 and ISO IR192 (UTF-8 with a stray byte) as before; the
 * first header's MSH-18 counts for the file. */

/* The code page MSH-18 of the header at h names (NULL: Windows-1252);
 * *utf8 set when it names UTF-8 (UNICODE, UNICODE UTF-8, ISO IR192). */
static const struct ls_codepage *hl7_charset(struct ls_slice h, const struct hl7_sep *sep, bool *utf8)
{
    *utf8 = false;
    size_t end = 0;
    while (end < h.len && !hl7_is_end(ls_slice_at(h, end))) end++;
    struct ls_slice seg = {h.ptr, end};
    struct ls_slice v = ls_piece(ls_piece(seg, sep->field, 17), sep->rep, 0);
    while (v.len && ls_slice_at(v, 0) == ' ') v.ptr++, v.len--;
    while (v.len && ls_slice_at(v, v.len - 1) == ' ') v.len--;
    char name[24];
    if (v.len == 0 || v.len >= sizeof name) return NULL;
    memcpy(name, v.ptr, v.len);
    name[v.len] = 0;
    if (strcmp(name, "UNICODE") == 0 || strcmp(name, "UNICODE UTF-8") == 0 || strcmp(name, "ISO IR192") == 0) {
        *utf8 = true;
        return NULL;
    }
    static const char *const map[][2] = {{"ISO IR14", "shift_jis"}, {"ISO IR87", "iso-2022-jp"},
                                         {"ISO IR159", "euc-jp"},   {"BIG-5", "big5"},
                                         {"GB 18030-2000", "gb18030"}, {"KS X 1001", "euc-kr"},
                                         {NULL, NULL}};
    for (size_t i = 0; map[i][0]; i++)
        if (strcmp(name, map[i][0]) == 0) return ls_codepage_by_name(ls_slice_make(map[i][1], strlen(map[i][1])));
    if (strncmp(name, "8859/", 5) == 0 && strcmp(name, "8859/1") != 0) { /* 8859/1 in practice: Windows-1252 */
        char iso[32];
        size_t n = strlen(name + 5);
        memcpy(iso, "iso-8859-", 9);
        memcpy(iso + 9, name + 5, n + 1);
        return ls_codepage_by_name(ls_slice_make(iso, 9 + n));
    }
    return NULL;
}

/* d recoded to UTF-8 into u by the charset its first header names; false
 * when d is valid UTF-8 or its header says UTF-8 (read as it is: a stray
 * byte in UTF-8 text does not make the rest Windows-1252). */
static bool hl7_recode(struct ls_slice d, struct ls_buf *u, ls_err *e)
{
    *e = LS_OK;
    if (ls_utf8_valid(d)) return false;
    struct hl7_sep sep;
    struct ls_slice w = d, h = {NULL, 0};
    if (w.len > HL7_EMBED_WINDOW) w.len = HL7_EMBED_WINDOW;
    size_t at = hl7_find_header(w, &sep);
    bool utf8 = false;
    const struct ls_codepage *cp = at != SIZE_MAX && ls_slice_from(d, at, &h) ? hl7_charset(h, &sep, &utf8) : NULL;
    if (utf8) return false;
    ls_buf_init(u, d.len > SIZE_MAX / 4 ? SIZE_MAX / 4 : d.len * 3 + 16);
    *e = ls_codepage_to_utf8(u, d, cp);
    if (*e == LS_E_LIMIT) *e = LS_E_NOMEM; /* 3 bytes a byte: never reached */
    return true;
}

/* A batch file (FHS first) without its FHS's trailer FTS, or a batch (BHS
 * first) without its BTS, at the start of a line: cut at a segment
 * boundary. */
static bool hl7_batch_cut(struct ls_slice rest)
{
    const char *trailer = ls_slice_starts(rest, "FHS", 3) ? "FTS" : ls_slice_starts(rest, "BHS", 3) ? "BTS" : NULL;
    if (!trailer) return false;
    for (size_t k = 0; k < 2; k++) {
        const uint8_t pat[4] = {k ? '\n' : '\r', (uint8_t)trailer[0], (uint8_t)trailer[1], (uint8_t)trailer[2]};
        if (ls_slice_find(rest, 0, pat, 4) != SIZE_MAX) return false;
    }
    return true;
}

static ls_err hl7_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct hl7_state st = {.sep = {'|', '^', '~', '\\', '&'}, .segments = 0};
    struct ls_slice rest;
    bool xml = false;
    if (!ls_slice_from(o->data, hl7_start(o->data), &rest) || !hl7_header(rest, &st.sep)) {
        xml = hl7_xml(o->data);
        if (!xml && !hl7_embedded(o->data)) return ls_decline(c, o);
        st.embedded = !xml;
    }
    size_t max = (size_t)ls_ctx_limits(c)->max_text;
    ls_buf_init(&st.text, max);
    ls_buf_init(&st.labels, max);
    ls_buf_init(&st.scratch, max);
    struct ls_buf u;
    ls_err e = LS_OK;
    bool recoded = !xml && hl7_recode(o->data, &u, &e);
    if (e == LS_OK) e = xml ? hl7_xml_read(c, o, &st) : hl7_walk(c, recoded ? ls_buf_slice(&u) : o->data, &st);
    if (recoded) ls_buf_free(&u);
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "hl7: text cut at the text budget");
    if (e == LS_OK && hl7_mllp_cut(o->data)) ls_note(c, o, LS_R_TRUNCATED, "hl7: the last MLLP frame has no end byte");
    else if (e == LS_OK && !xml && !st.embedded && hl7_batch_cut(rest))
        ls_note(c, o, LS_R_TRUNCATED, "hl7: the batch file ends without its trailer (FTS or BTS)");
    ls_err te = ls_emit_done(c, o, &st.text, &st.labels);
    ls_buf_free(&st.scratch);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : te;
}

const struct ls_handler ls_handler_hl7 = {
    .name = "hl7",
    .probe = hl7_probe,
    .extract = hl7_extract,
};
