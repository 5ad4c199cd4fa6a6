/*
 * TNEF handler (winmail.dat, application/ms-tnef): [MS-OXTNEF] sections
 * 2.1.3.1 (TNEF stream: signature 0x223E9F78, legacy key, attributes
 * level/id/length/data/checksum), 2.1.3.3 (attribute ids) and 2.1.3.4
 * (MAPI property lists in attMAPIProps and attAttachment); compressed RTF
 * per [MS-OXRTFCP] section 2.1.3.1 (LZFu).
 *
 * Supports: message text from attBody and the MAPI properties PR_BODY,
 * PR_BODY_HTML (through ls_markup_html_text) and every other string
 * property (subject, names, addresses) emitted as text lines;
 * PR_RTF_COMPRESSED decompressed and handed over as a child "body.rtf";
 * attachments (each opened by attAttachRendData) as children named by
 * PR_ATTACH_LONG_FILENAME, else attAttachTitle / PR_ATTACH_FILENAME /
 * PR_DISPLAY_NAME, else attachment-N, with data from PR_ATTACH_DATA_BIN /
 * PR_ATTACH_DATA_OBJ (embedded messages: a nested TNEF stream after a
 * 16-byte IID, handed over as a child the pipeline reads with this handler
 * again), else attAttachData (for an embedded message only Outlook's
 * "not supported by this mail system" note).
 *
 * Ignored on purpose: checksums (reported nowhere; a bad one does not make
 * the data less worth scanning), attachment rendering data, OEM code page
 * attributes (8-bit strings are read as UTF-8 if valid, else
 * windows-1252), named-property names.
 *
 * Attacker-controlled: every length and count; all reads go through
 * ls_cursor, counts are bounded by the bytes left.
 */
#include <string.h>

#include "core/handler.h"
#include "extract/markup.h"
#include "extract/mime_decode.h"

#define TNEF_SIGNATURE 0x223E9F78u
#define TNEF_MAX_ATTACH 100000u
#define TNEF_MAX_NAME 1024u

/* Attribute ids (low 16 bits; the high 16 bits give the attribute type). */
#define ATT_BODY 0x800Cu
#define ATT_SUBJECT 0x8004u
#define ATT_ATTACH_DATA 0x800Fu
#define ATT_ATTACH_TITLE 0x8010u
#define ATT_MAPI_PROPS 0x9003u
#define ATT_ATTACH_REND_DATA 0x9002u
#define ATT_ATTACHMENT 0x9005u

/* MAPI property types and tags */
#define PT_SHORT 0x0002u
#define PT_LONG 0x0003u
#define PT_FLOAT 0x0004u
#define PT_DOUBLE 0x0005u
#define PT_CURRENCY 0x0006u
#define PT_APPTIME 0x0007u
#define PT_ERROR 0x000Au
#define PT_BOOLEAN 0x000Bu
#define PT_OBJECT 0x000Du
#define PT_I8 0x0014u
#define PT_STRING8 0x001Eu
#define PT_UNICODE 0x001Fu
#define PT_SYSTIME 0x0040u
#define PT_CLSID 0x0048u
#define PT_BINARY 0x0102u
#define MV_FLAG 0x1000u

#define PR_BODY 0x1000u
#define PR_RTF_COMPRESSED 0x1009u
#define PR_BODY_HTML 0x1013u
#define PR_DISPLAY_NAME 0x3001u
#define PR_ATTACH_DATA 0x3701u /* _BIN (binary) or _OBJ (object) */
#define PR_ATTACH_FILENAME 0x3704u
#define PR_ATTACH_LONG_FILENAME 0x3707u

struct tnef_attach {
    bool open;
    struct ls_slice data;
    struct ls_slice title;     /* attAttachTitle, 8-bit */
    struct ls_buf long_name;   /* UTF-8, from MAPI */
    struct ls_buf short_name;
    bool data_is_object;
    bool data_from_prop; /* data is PR_ATTACH_DATA_BIN/_OBJ, not attAttachData */
};

struct tnef {
    struct ls_ctx *c;
    struct ls_object *o;
    unsigned n_attach;
    bool stop;
    bool text_full;
    ls_err result;
    struct tnef_attach cur;
};

static void tnef_fail(struct tnef *t, ls_err e)
{
    if (e == LS_OK) return;
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT || e == LS_E_NOMEM) t->stop = true;
    if (t->result == LS_OK) t->result = e;
}

static void tnef_text(struct tnef *t, struct ls_slice s)
{
    if (t->text_full || t->stop || s.len == 0) return;
    ls_err e = ls_emit_text(t->c, t->o, s.ptr, s.len);
    if (e == LS_E_LIMIT) t->text_full = true;
    else tnef_fail(t, e);
}

/* Drop the terminating NUL(s) MAPI strings carry. */
static struct ls_slice strip_nuls(struct ls_slice s, bool unicode)
{
    size_t unit = unicode ? 2 : 1;
    if (unicode) s.len &= ~(size_t)1;
    while (s.len >= unit && s.ptr[s.len - 1] == 0 && s.ptr[s.len - unit] == 0) s.len -= unit;
    return s;
}

/* Emit 8-bit or UTF-16LE string as one text line. */
static void tnef_string(struct tnef *t, struct ls_slice s, bool unicode)
{
    struct ls_buf u;
    s = strip_nuls(s, unicode);
    ls_buf_init(&u, s.len * 3 + 16);
    ls_err e = mime_to_utf8(&u, s, unicode ? MIME_CS_UTF16LE : MIME_CS_NONE);
    if (e == LS_OK && u.len) e = ls_buf_addc(&u, '\n');
    if (e == LS_E_NOMEM) tnef_fail(t, e);
    tnef_text(t, ls_buf_slice(&u));
    ls_buf_free(&u);
}

static void set_name(struct ls_buf *b, struct ls_slice s, bool unicode)
{
    ls_buf_reset(b);
    ls_err e = mime_to_utf8(b, strip_nuls(s, unicode), unicode ? MIME_CS_UTF16LE : MIME_CS_NONE);
    (void)e; /* a capped name keeps what fit */
}

/* ---- compressed RTF ([MS-OXRTFCP]) ---- */

static const char rtf_prebuf[] =
    "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
    "\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
    "{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

#define LZFU_COMPRESSED 0x75465A4Cu   /* "LZFu" */
#define LZFU_UNCOMPRESSED 0x414C454Du /* "MELA" */

static ls_err lzfu_run(struct ls_cursor *c, struct ls_buf *out)
{
    uint8_t dict[4096];
    size_t pre = sizeof rtf_prebuf - 1;
    memset(dict, 0, sizeof dict);
    memcpy(dict, rtf_prebuf, pre);
    unsigned wpos = (unsigned)pre;
    for (;;) {
        uint8_t ctl;
        if (ls_cur_u8(c, &ctl) != LS_OK) return LS_E_TRUNCATED;
        for (int bit = 0; bit < 8; bit++) {
            if (!(ctl & (1u << bit))) {
                uint8_t ch;
                if (ls_cur_u8(c, &ch) != LS_OK) return LS_E_TRUNCATED;
                dict[wpos] = ch;
                wpos = (wpos + 1) & 4095u;
                LS_TRY(ls_buf_addc(out, ch));
                continue;
            }
            uint16_t ref;
            if (ls_cur_u16be(c, &ref) != LS_OK) return LS_E_TRUNCATED;
            unsigned off = ref >> 4, len = (ref & 15u) + 2u;
            if (off == wpos) return LS_OK; /* end marker */
            for (unsigned k = 0; k < len; k++) {
                uint8_t ch = dict[(off + k) & 4095u];
                dict[wpos] = ch;
                wpos = (wpos + 1) & 4095u;
                LS_TRY(ls_buf_addc(out, ch));
            }
        }
    }
}

static ls_err lzfu_decode(struct ls_slice in, struct ls_buf *out)
{
    struct ls_cursor c = ls_cur_make(in);
    uint32_t csize, rsize, magic, crc;
    LS_TRY(ls_cur_u32le(&c, &csize));
    LS_TRY(ls_cur_u32le(&c, &rsize));
    LS_TRY(ls_cur_u32le(&c, &magic));
    LS_TRY(ls_cur_u32le(&c, &crc));
    (void)csize;
    (void)crc;
    if (magic == LZFU_UNCOMPRESSED) {
        struct ls_slice rest;
        (void)ls_slice_from(in, c.pos, &rest);
        if (rest.len > rsize) rest.len = rsize;
        return ls_buf_add(out, rest.ptr, rest.len);
    }
    if (magic != LZFU_COMPRESSED) return LS_E_CORRUPT;
    return lzfu_run(&c, out);
}

static void tnef_child(struct tnef *t, struct ls_slice name, struct ls_slice data, bool cut)
{
    if (t->stop) return;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name.ptr;
    ch.name_len = name.len;
    ch.data = data;
    unsigned nt = 0;
    (void)mime_name_alerts(name, ch.tags, &nt); /* "..\\..\\x.bat": saved by its name */
    if (cut) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[nt] = LS_R_TRUNCATED;
        ch.error = "tnef: data cut short";
    }
    ls_err e = ls_emit_child(t->c, t->o, &ch);
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT) tnef_fail(t, e);
}

static void tnef_rtf(struct tnef *t, struct ls_slice v)
{
    struct ls_buf out;
    uint64_t left = ls_budget_left(t->c);
    ls_buf_init(&out, left < (64u << 20) ? (size_t)left : (64u << 20));
    ls_err e = lzfu_decode(v, &out);
    if (e != LS_OK)
        ls_note(t->c, t->o, e == LS_E_LIMIT ? LS_R_LIMIT_BYTES : LS_R_TRUNCATED,
                "tnef: compressed RTF body %s", e == LS_E_LIMIT ? "over budget" : "damaged");
    if (out.len && ls_budget_charge(t->c, t->o, out.len) == LS_OK)
        tnef_child(t, ls_slice_make("body.rtf", 8), ls_buf_slice(&out), e != LS_OK);
    ls_buf_free(&out);
}

/* ---- MAPI property lists ---- */

static size_t fixed_size(uint16_t type)
{
    switch (type) {
    case PT_SHORT:
    case PT_BOOLEAN:
    case PT_LONG:
    case PT_FLOAT:
    case PT_ERROR: return 4;
    case PT_DOUBLE:
    case PT_CURRENCY:
    case PT_APPTIME:
    case PT_I8:
    case PT_SYSTIME: return 8;
    case PT_CLSID: return 16;
    case 0x0001: return 0; /* PT_NULL */
    default: return SIZE_MAX;
    }
}

static bool is_variable(uint16_t type)
{
    return type == PT_STRING8 || type == PT_UNICODE || type == PT_BINARY || type == PT_OBJECT;
}

/* Skip the property name of a named property (id >= 0x8000). */
static ls_err skip_prop_name(struct ls_cursor *c)
{
    uint32_t kind, v;
    LS_TRY(ls_cur_skip(c, 16)); /* GUID */
    LS_TRY(ls_cur_u32le(c, &kind));
    LS_TRY(ls_cur_u32le(c, &v));
    if (kind == 1) { /* string name: v bytes, padded to 4 */
        LS_TRY(ls_cur_skip(c, v));
        LS_TRY(ls_cur_skip(c, (4u - (v & 3u)) & 3u));
    }
    return LS_OK;
}

/* One value of a variable type: length, bytes, padding to 4. */
static ls_err take_var(struct ls_cursor *c, struct ls_slice *v)
{
    uint32_t len;
    LS_TRY(ls_cur_u32le(c, &len));
    LS_TRY(ls_cur_take(c, len, v));
    size_t pad = (4u - (len & 3u)) & 3u;
    if (pad > ls_cur_left(c)) pad = ls_cur_left(c); /* tolerate a missing last pad */
    return ls_cur_skip(c, pad);
}

static void attach_value(struct tnef *t, uint16_t id, uint16_t type, struct ls_slice v)
{
    bool uni = type == PT_UNICODE;
    bool str = uni || type == PT_STRING8;
    if (id == PR_ATTACH_LONG_FILENAME && str) set_name(&t->cur.long_name, v, uni);
    else if ((id == PR_ATTACH_FILENAME || id == PR_DISPLAY_NAME) && str && !t->cur.short_name.len)
        set_name(&t->cur.short_name, v, uni);
    else if (id == PR_ATTACH_DATA && (type == PT_BINARY || type == PT_OBJECT) && !t->cur.data_from_prop && v.len) {
        /* The property wins over attAttachData: for an embedded message
         * Outlook writes there only the 89-byte note "This attachment is a
         * MAPI 1.0 embedded message and is not supported by this mail
         * system", the message itself being PR_ATTACH_DATA_OBJ (MimeKit's
         * christmas.tnef: a task and a 385 KB appointment were lost). An
         * empty one does not hide attAttachData (review4). */
        t->cur.data = v;
        t->cur.data_is_object = type == PT_OBJECT;
        t->cur.data_from_prop = true;
    }
}

static void message_value(struct tnef *t, uint16_t id, uint16_t type, struct ls_slice v)
{
    if (id == PR_RTF_COMPRESSED && type == PT_BINARY) {
        tnef_rtf(t, v);
    } else if (id == PR_BODY_HTML && (type == PT_BINARY || type == PT_STRING8 || type == PT_UNICODE)) {
        struct ls_buf u;
        ls_buf_init(&u, v.len * 3 + 16);
        ls_err e = mime_to_utf8(&u, v, type == PT_UNICODE ? MIME_CS_UTF16LE : MIME_CS_NONE);
        if (e == LS_OK && !t->text_full && !t->stop) {
            e = ls_markup_html_text(t->c, t->o, ls_buf_slice(&u));
            if (e == LS_E_LIMIT) t->text_full = true;
            else tnef_fail(t, e);
            tnef_text(t, ls_slice_make("\n", 1));
        }
        ls_buf_free(&u);
    } else if (type == PT_STRING8 || type == PT_UNICODE) {
        tnef_string(t, v, type == PT_UNICODE);
    }
}

static ls_err read_prop(struct tnef *t, struct ls_cursor *c, bool attach)
{
    uint16_t type, id;
    LS_TRY(ls_cur_u16le(c, &type));
    LS_TRY(ls_cur_u16le(c, &id));
    if (id >= 0x8000u) LS_TRY(skip_prop_name(c));
    uint16_t base = type & (uint16_t)~MV_FLAG;
    uint32_t count = 1;
    if ((type & MV_FLAG) || is_variable(base)) LS_TRY(ls_cur_u32le(c, &count));
    if (count > ls_cur_left(c) / 4u + 1u) return LS_E_CORRUPT;
    for (uint32_t i = 0; i < count; i++) {
        struct ls_slice v;
        if (is_variable(base)) {
            LS_TRY(take_var(c, &v));
        } else {
            size_t n = fixed_size(base);
            if (n == SIZE_MAX) return LS_E_UNSUPPORTED;
            LS_TRY(ls_cur_take(c, n, &v));
            continue;
        }
        if (attach) {
            attach_value(t, id, base, v);
        } else if ((type & MV_FLAG) && base == PT_BINARY) {
            /* a distribution list's members (PidLidDistributionListOneOffMembers) */
            struct ls_buf m;
            ls_buf_init(&m, v.len * 2 + 64);
            if (mime_oneoff_members(&m, v, NULL)) tnef_text(t, ls_buf_slice(&m));
            ls_buf_free(&m);
        } else {
            message_value(t, id, base, v);
        }
        if (t->stop) return LS_OK;
    }
    return LS_OK;
}

static void read_props(struct tnef *t, struct ls_slice data, bool attach)
{
    struct ls_cursor c = ls_cur_make(data);
    uint32_t n;
    if (ls_cur_u32le(&c, &n) != LS_OK) {
        ls_note(t->c, t->o, LS_R_TRUNCATED, "tnef: MAPI property list cut short");
        return;
    }
    for (uint32_t i = 0; i < n && !t->stop; i++) {
        ls_err e = read_prop(t, &c, attach);
        if (e != LS_OK) {
            ls_note(t->c, t->o, e == LS_E_TRUNCATED ? LS_R_TRUNCATED : LS_R_PARSE_ERROR,
                    "tnef: MAPI property %u of %u unreadable (%s)", i + 1, n, ls_err_name(e));
            return;
        }
    }
}

/* ---- attachments ---- */

static void attach_flush(struct tnef *t)
{
    struct tnef_attach *a = &t->cur;
    if (!a->open) return;
    a->open = false;
    struct ls_buf name;
    ls_buf_init(&name, TNEF_MAX_NAME);
    ls_err e = LS_OK;
    if (a->long_name.len) e = ls_buf_add(&name, a->long_name.ptr, a->long_name.len);
    else if (a->title.len) set_name(&name, a->title, false);
    else if (a->short_name.len) e = ls_buf_add(&name, a->short_name.ptr, a->short_name.len);
    if (name.len == 0) e = ls_buf_printf(&name, "attachment-%u", t->n_attach);
    (void)e; /* a capped name keeps what fit */
    struct ls_slice data = a->data;
    /* An embedded message (PT_OBJECT) starts with the 16-byte IID. */
    if (a->data_is_object && data.len >= 16) (void)ls_slice_from(data, 16, &data);
    tnef_child(t, ls_buf_slice(&name), data, false);
    ls_buf_free(&name);
    memset(&a->data, 0, sizeof a->data);
    memset(&a->title, 0, sizeof a->title);
    ls_buf_reset(&a->long_name);
    ls_buf_reset(&a->short_name);
    a->data_is_object = false;
    a->data_from_prop = false;
}

static void attach_open(struct tnef *t)
{
    attach_flush(t);
    if (++t->n_attach > TNEF_MAX_ATTACH) {
        ls_note(t->c, t->o, LS_R_LIMIT_MEMBERS, "tnef: over %u attachments", TNEF_MAX_ATTACH);
        t->stop = true;
        return;
    }
    t->cur.open = true;
}

/* ---- attributes ---- */

static void attribute(struct tnef *t, uint8_t level, uint32_t attr, struct ls_slice data)
{
    uint16_t id = (uint16_t)(attr & 0xFFFFu);
    if (level == 2 && id == ATT_ATTACH_REND_DATA) {
        attach_open(t);
        return;
    }
    if (level == 2 && !t->cur.open) attach_open(t); /* data before RendData */
    switch (id) {
    case ATT_BODY: tnef_string(t, data, false); break;
    case ATT_SUBJECT: tnef_string(t, data, false); break;
    case ATT_MAPI_PROPS: read_props(t, data, false); break;
    case ATT_ATTACHMENT: read_props(t, data, true); break;
    case ATT_ATTACH_TITLE: t->cur.title = data; break;
    case ATT_ATTACH_DATA:
        if (!t->cur.data_from_prop) {
            t->cur.data = data;
            t->cur.data_is_object = false;
        }
        break;
    default: break;
    }
}

/* A line break or NUL padding after the last attribute (a winmail.dat
 * saved from a mail client keeps the CRLF that ended its base64) is not
 * a cut attribute: fewer bytes than a header, all blank. */
static bool tnef_only_padding(const struct ls_cursor *c)
{
    size_t left = ls_cur_left(c);
    if (left >= 9) return false;
    for (size_t i = 0; i < left; i++) {
        int ch = ls_slice_at(c->in, c->pos + i);
        if (ch != '\r' && ch != '\n' && ch != 0 && ch != ' ' && ch != '\t') return false;
    }
    return true;
}

static void tnef_walk(struct tnef *t, struct ls_cursor *c)
{
    while (ls_cur_left(c) > 0 && !t->stop && !tnef_only_padding(c)) {
        uint8_t level;
        uint32_t attr, len;
        struct ls_slice data;
        uint16_t checksum;
        if (ls_ctx_expired(t->c)) {
            tnef_fail(t, LS_E_TIMEOUT);
            return;
        }
        if (ls_cur_u8(c, &level) != LS_OK || ls_cur_u32le(c, &attr) != LS_OK ||
            ls_cur_u32le(c, &len) != LS_OK) {
            ls_note(t->c, t->o, LS_R_TRUNCATED, "tnef: attribute header cut short");
            return;
        }
        bool cut = ls_cur_take(c, len, &data) != LS_OK;
        if (cut) {
            (void)ls_slice_from(c->in, c->pos, &data);
            ls_note(t->c, t->o, LS_R_TRUNCATED, "tnef: attribute 0x%08x: %u bytes declared, %zu left",
                    attr, len, data.len);
            (void)ls_cur_seek(c, c->in.len);
        }
        attribute(t, level, attr, data);
        if (!cut && ls_cur_u16le(c, &checksum) != LS_OK) {
            ls_note(t->c, t->o, LS_R_TRUNCATED, "tnef: checksum cut short");
            return;
        }
    }
}

static ls_err tnef_extract(struct ls_ctx *c, struct ls_object *o)
{
    struct tnef t;
    memset(&t, 0, sizeof t);
    t.c = c;
    t.o = o;
    ls_buf_init(&t.cur.long_name, TNEF_MAX_NAME);
    ls_buf_init(&t.cur.short_name, TNEF_MAX_NAME);
    struct ls_cursor cur = ls_cur_make(o->data);
    uint32_t sig;
    uint16_t key;
    if (ls_cur_u32le(&cur, &sig) != LS_OK || sig != TNEF_SIGNATURE || ls_cur_u16le(&cur, &key) != LS_OK) {
        ls_note(c, o, LS_R_PARSE_ERROR, "tnef: no TNEF signature");
        return LS_E_CORRUPT;
    }
    tnef_walk(&t, &cur);
    attach_flush(&t);
    ls_buf_free(&t.cur.long_name);
    ls_buf_free(&t.cur.short_name);
    return t.result;
}

static int tnef_probe(const struct ls_object *o)
{
    uint32_t sig;
    if (!ls_rd_u32le(o->data, 0, &sig) || sig != TNEF_SIGNATURE) return 0;
    return 95;
}

const struct ls_handler ls_handler_tnef = {
    .name = "tnef",
    .probe = tnef_probe,
    .extract = tnef_extract,
};
