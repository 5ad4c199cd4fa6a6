/*
 * The "tap3" handler: GSMA TAP3 roaming files (TD.57, Transferred Account
 * Procedure, releases 3.x), what a mobile operator's clearing house and
 * billing mediation keep by the thousand: every call, text and data
 * session a roaming subscriber made abroad, with the subscriber's MSISDN,
 * IMSI and IMEI and the numbers called. The file is ASN.1 BER with
 * APPLICATION tags: a TransferBatch [APPLICATION 1] (BatchControlInfo
 * [4], AccountingInfo [5], NetworkInfo [6], CallEventDetailList [3],
 * AuditControlInfo [15]) or a Notification [APPLICATION 2] (an empty
 * batch); tags over 30 take the long form (5F/7F and base-128 octets:
 * Msisdn [152] is 5F 81 18).
 *
 * The numbers are BCDString (TD.57: two digits an octet, the first in the
 * high nibble, F the filler of an odd count), so no rule reads them as
 * they are stored. Each call event ([APPLICATION 9] MobileOriginatedCall,
 * [10] MobileTerminatedCall, and the others under the CallEventDetailList)
 * gives a labelled line (ls_emit_labels()): "MSISDN: 13125550123" (read
 * by the msisdn rule as the E.164 number without its '+'), "Called
 * number: +447700900123" and "Calling number: +..." (AddressStringDigits,
 * in international format in TAP), "IMSI: ...", "IMEI: ...". The text is
 * every printable AsciiString/NumberString value a line (the sender and
 * recipient PLMN codes, time stamps, APNs, dialled digits).
 *
 * Probed (85) on a TransferBatch whose first element is a
 * BatchControlInfo that starts with the Sender [196] (5F 81 44), or a
 * Notification whose first is the Sender.
 * Ignored on purpose: INTEGER values (charges, durations, cell ids),
 * RAP (return) files' own groups beyond what they share with TAP, the
 * meaning of the codes (read as numbers). Attacker-controlled: every
 * byte; lengths are checked against the data (a length past the end is
 * cut to it and the object noted truncated), nesting is held to
 * TAP3_DEPTH, elements are counted against the root's time, text and
 * labels against the text budget.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/emitlab.h"

#define TAP3_DEPTH 32u

/* One BER element: its tag number, class bits (0x40 application), whether
 * constructed, where its contents start and how long they are; indefinite
 * marks a constructed element with the indefinite length (0x80). */
struct tap3_tlv {
    uint32_t tag;
    uint8_t cls;
    bool constructed, indefinite;
    size_t hdr, len;
};

/* Read the element header at s[off]; false when it is not one. A
 * definite length past the end of s is cut to it and *cut set. */
static bool tap3_tlv(struct ls_slice s, size_t off, struct tap3_tlv *t, bool *cut)
{
    size_t p = off;
    if (p >= s.len) return false;
    int b = ls_slice_at(s, p++);
    t->cls = (uint8_t)(b & 0xC0);
    t->constructed = (b & 0x20) != 0;
    t->tag = (uint32_t)(b & 0x1F);
    if (t->tag == 0x1F) {
        t->tag = 0;
        for (int n = 0;; n++) {
            if (p >= s.len || n == 4) return false;
            int x = ls_slice_at(s, p++);
            t->tag = (t->tag << 7) | (uint32_t)(x & 0x7F);
            if (!(x & 0x80)) break;
        }
    }
    if (p >= s.len) return false;
    int l = ls_slice_at(s, p++);
    t->indefinite = false;
    if (l < 0x80) {
        t->len = (size_t)l;
    } else if (l == 0x80) {
        if (!t->constructed) return false;
        t->indefinite = true;
        t->len = 0;
    } else {
        int n = l & 0x7F;
        if (n > 4) return false;
        size_t v = 0;
        for (int i = 0; i < n; i++) {
            if (p >= s.len) return false;
            v = (v << 8) | (size_t)ls_slice_at(s, p++);
        }
        t->len = v;
    }
    t->hdr = p - off;
    if (!t->indefinite && t->len > s.len - p) {
        t->len = s.len - p;
        *cut = true;
    }
    return true;
}

static int tap3_probe(const struct ls_object *o)
{
    struct tap3_tlv top, first;
    bool cut = false;
    if (!tap3_tlv(o->data, 0, &top, &cut) || top.cls != 0x40 || !top.constructed) return 0;
    if (top.tag != 1 && top.tag != 2) return 0;
    if (!tap3_tlv(o->data, top.hdr, &first, &cut) || first.cls != 0x40) return 0;
    if (top.tag == 2) return first.tag == 196 && !first.constructed ? 85 : 0; /* Sender */
    if (first.tag != 4 || !first.constructed || first.indefinite) return 0; /* BatchControlInfo */
    /* whose first element is the Sender (text starting "add" reads as 61 64 64 ...) */
    struct tap3_tlv sender;
    if (!tap3_tlv(o->data, top.hdr + first.hdr, &sender, &cut)) return 0;
    return sender.cls == 0x40 && sender.tag == 196 && !sender.constructed ? 85 : 0;
}

struct tap3_state {
    struct ls_ctx *c;
    struct ls_buf text, labels, line;
    size_t elements;
    bool cut, deep;
};

/* The digits of a BCDString (high nibble first, F a filler, other
 * nibbles a-e as letters); false when it holds none. */
static ls_err tap3_bcd(struct ls_buf *b, struct ls_slice v)
{
    for (size_t i = 0; i < v.len; i++) {
        int x = ls_slice_at(v, i);
        int hi = x >> 4, lo = x & 0xF;
        if (hi != 0xF) LS_TRY(ls_buf_addc(b, (uint8_t)"0123456789abcdef"[hi]));
        if (lo != 0xF) LS_TRY(ls_buf_addc(b, (uint8_t)"0123456789abcdef"[lo]));
    }
    return LS_OK;
}

static bool tap3_printable(struct ls_slice v)
{
    if (!v.len) return false;
    for (size_t i = 0; i < v.len; i++) {
        int x = ls_slice_at(v, i);
        if (x < 0x20 || x > 0x7E) return false;
    }
    return true;
}

/* A primitive APPLICATION element's value. */
static ls_err tap3_value(struct tap3_state *st, uint32_t tag, struct ls_slice v)
{
    static const struct {
        uint32_t tag;
        const char *label, *prefix;
    } nums[] = {{152, "MSISDN", ""},          {129, "IMSI", ""},    {128, "IMEI", ""},
                {407, "Called number", "+"}, {405, "Calling number", "+"}, {404, "CAMEL destination", "+"}};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        if (nums[i].tag != tag || !v.len || v.len > 16) continue;
        LS_TRY(ls_buf_printf(&st->line, "\t%s: %s", nums[i].label, nums[i].prefix));
        return tap3_bcd(&st->line, v);
    }
    if (!tap3_printable(v)) return LS_OK;
    LS_TRY(ls_lab_clean(&st->text, v));
    return ls_buf_addc(&st->text, '\n');
}

/* End a call event's labelled line. */
static ls_err tap3_flush(struct tap3_state *st)
{
    if (st->line.len) {
        LS_TRY(ls_buf_adds(&st->labels, "TAP3 call event"));
        LS_TRY(ls_buf_add(&st->labels, st->line.ptr, st->line.len));
        LS_TRY(ls_buf_addc(&st->labels, '\n'));
    }
    ls_buf_reset(&st->line);
    return LS_OK;
}

/* The elements of s from off: to its end or, when indefinite, to the
 * end-of-contents octets; *used: the bytes read. */
static ls_err tap3_walk(struct tap3_state *st, struct ls_slice s, unsigned depth, bool indefinite, size_t *used)
{
    size_t off = 0;
    *used = s.len;
    while (off < s.len) {
        if (indefinite && off + 1 < s.len && ls_slice_at(s, off) == 0 && ls_slice_at(s, off + 1) == 0) {
            *used = off + 2;
            return LS_OK;
        }
        struct tap3_tlv t;
        if (!tap3_tlv(s, off, &t, &st->cut)) {
            st->cut = true; /* not an element: what is left is not read */
            return LS_OK;
        }
        if (++st->elements % 4096 == 0 && ls_ctx_expired(st->c)) return LS_E_TIMEOUT;
        struct ls_slice in;
        (void)ls_slice_from(s, off + t.hdr, &in);
        if (!t.indefinite) in.len = t.len;
        size_t n = t.len;
        if (t.constructed) {
            if (depth >= TAP3_DEPTH) {
                st->deep = true;
                if (t.indefinite) return LS_OK;
            } else {
                LS_TRY(tap3_walk(st, in, depth + 1, t.indefinite, &n));
            }
            /* a call event under the CallEventDetailList ends its line */
            if (depth == 2) LS_TRY(tap3_flush(st));
        } else if (t.cls == 0x40) {
            LS_TRY(tap3_value(st, t.tag, in));
        }
        off += t.hdr + n;
    }
    if (indefinite) st->cut = true; /* no end-of-contents */
    return LS_OK;
}

static ls_err tap3_extract(struct ls_ctx *c, struct ls_object *o)
{
    if (!tap3_probe(o)) return ls_decline(c, o);
    struct tap3_state st = {.c = c};
    size_t max = (size_t)ls_ctx_limits(c)->max_text;
    ls_buf_init(&st.text, max);
    ls_buf_init(&st.labels, max);
    ls_buf_init(&st.line, max);
    size_t used;
    ls_err e = tap3_walk(&st, o->data, 0, false, &used);
    if (e == LS_OK) e = tap3_flush(&st);
    if (e == LS_E_LIMIT) ls_note(c, o, LS_R_LIMIT_TEXT, "tap3: text cut at the text budget");
    if (st.cut) ls_note(c, o, LS_R_TRUNCATED, "tap3: an element runs past the end of the file");
    if (st.deep) ls_note(c, o, LS_R_LIMIT_DEPTH, "tap3: elements nested deeper than 32 not read");
    ls_err te = ls_emit_done(c, o, &st.text, &st.labels);
    ls_buf_free(&st.line);
    if (e == LS_E_LIMIT) e = LS_OK;
    return e != LS_OK ? e : te;
}

const struct ls_handler ls_handler_tap3 = {
    .name = "tap3",
    .probe = tap3_probe,
    .extract = tap3_extract,
};
