/*
 * Outlook messages ([MS-OXMSG]) on top of the compound file reader: the
 * `msg` handler, and the message walker the `ole2` handler also uses when
 * a compound file turns out to hold a message.
 *
 * A message storage holds one stream per variable-size property,
 * "__substg1.0_IIIITTTT" (IIII the property id, TTTT its type: 001F
 * UTF-16LE, 001E 8-bit, 0102 binary, 000D an embedded storage; 2.1.3),
 * recipient storages "__recip_version1.0_#XXXXXXXX" and attachment
 * storages "__attach_version1.0_#XXXXXXXX" (2.2.1-2.2.2).
 *
 * Text: Subject (0x0037), sender (0x0C1A name, 0x0C1F / 0x5D01 address),
 * represented sender (0x0042 / 0x0065), To/Cc/Bcc display lists
 * (0x0E04/0x0E03/0x0E02), each recipient (0x3001 name, 0x39FE SMTP,
 * 0x3003 address), the plain body (0x1000), then every other string
 * property (transport headers 0x007D and the like carry addresses too).
 * The HTML body (0x1013) goes through the markup helper; the compressed
 * RTF body (0x1009, [MS-OXRTFCP], see msg_rtf.c) is decoded and handed
 * over as a child "body.rtf" for the rtf handler.
 * Attachments: binary data (0x3701 0102) becomes a child named by the long
 * file name (0x3707), the short one (0x3704), the display name (0x3001) or
 * "attachment-N"; an embedded message or OLE object (0x3701 000D storage)
 * is exported as a compound file (ole2_cfb_export) and handed over as a
 * child ("<name>.msg" for messages), so nesting is the pipeline's
 * business and its depth budget applies.
 * 8-bit strings (001E) are in the message's code page: PidTagMessageCodepage
 * (0x3FFD), else PidTagInternetCodepage (0x3FDE), both PT_LONG in
 * __properties_version1.0 (2.4.2); the HTML body (binary) in the internet
 * code page first. Single-byte and CJK pages (932, 936, 949, 950 ...) come
 * from the core tables, 65001 is UTF-8; without either property, or for a
 * page without a table (noted `unsupported` once a non-ASCII byte needs
 * it), Windows-1252.
 * Date: the client submit time (0x0039), else the delivery time (0x0E06),
 * PT_SYSTIME in __properties_version1.0, as "Date: <RFC 5322 date>".
 * Multi-valued strings (101F/101E, one stream per value) as "Property
 * 0xIIII" lines like the single ones; in multi-valued binaries (1102) the
 * one-off entry ids (a distribution list's members) as "Member: NAME
 * <ADDRESS>" lines (mime_oneoff_members()).
 * Ignored on purpose: the other fixed-size properties in
 * __properties_version1.0 (other dates, flags), named-property mapping
 * (__nameid_version1.0). Attacker-controlled: every stream and storage name
 * and every property value.
 */
#include "extract/ole2.h"
#include "extract/markup.h"
#include "extract/mime_decode.h"

#include <stdio.h>
#include <string.h>

#define MSG_SUBSTG "__substg1.0_"
#define MSG_RECIP "__recip_version1.0_"
#define MSG_ATTACH "__attach_version1.0_"
#define MSG_PROPS "__properties_version1.0"
/* Compressed RTF decoded per message (a 64 MiB RTF body is a book). */
#define MSG_RTF_MAX (64u << 20)

/* How 8-bit string properties of one message are decoded. */
struct msg_cs {
    const struct ls_codepage *cp;  /* NULL: Windows-1252 */
    bool utf8;                     /* code page 65001 */
    unsigned unsupported;          /* code page without a table, 0 if none */
    bool noted;                    /* unsupported already noted */
    const struct ls_codepage *lcid_cp; /* code page of the message locale, NULL: 1252 */
};

static bool msg_prefix(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

bool msg_storage_is_msg(const struct ole2_cfb *f, uint32_t st)
{
    if (st >= f->ndir) return false;
    uint32_t i = f->dir[st].first_child;
    for (uint32_t hops = 0; i < f->ndir && hops < f->ndir; hops++, i = f->dir[i].next_sibling)
        if (strcmp(f->dir[i].name, MSG_PROPS) == 0 || msg_prefix(f->dir[i].name, MSG_SUBSTG)) return true;
    return false;
}

/* Property `id` as a string: UTF-16 (001F) preferred, else 8-bit (001E).
 * *utf16 says which; the value is in b. False if absent. */
static bool msg_prop(struct ole2_job *j, uint32_t st, unsigned id, struct ls_buf *b, bool *utf16)
{
    char name[32];
    for (int k = 0; k < 2; k++) {
        (void)snprintf(name, sizeof name, MSG_SUBSTG "%04X%s", id & 0xFFFFu, k == 0 ? "001F" : "001E");
        ls_buf_reset(b);
        ls_err e = ole2_read_named(j, st, name, b);
        if (e == LS_E_ARG || e == LS_E_NOMEM) continue;
        *utf16 = k == 0;
        return true;
    }
    return false;
}

/* ---- code pages ---- */

/* Fixed-size property `tag` (id << 16 | type: 0x0003 PT_LONG, 0x0040
 * PT_SYSTIME) from the fixed-size property stream of storage st: header
 * (32 bytes for the top-level message, 24 for an embedded one), then
 * 16-byte entries (tag, flags, 8-byte value). */
static bool msg_fixed_prop(struct ole2_job *j, uint32_t st, uint32_t tag, uint64_t *v)
{
    struct ls_buf b;
    ls_buf_init(&b, 1u << 20); /* a few hundred entries in real files */
    bool found = false;
    ls_err e = ole2_read_named(j, st, MSG_PROPS, &b);
    struct ls_slice props = ls_buf_slice(&b);
    size_t first = st == 0 ? 32 : 24, second = st == 0 ? 24 : 32;
    for (int pass = 0; pass < 2 && !found && (e == LS_OK || e == LS_E_LIMIT); pass++) {
        for (size_t off = pass == 0 ? first : second; off + 16 <= props.len; off += 16) {
            uint32_t t = 0;
            if (ls_rd_u32le(props, off, &t) && t == tag && ls_rd_u64le(props, off + 8, v)) {
                found = true;
                break;
            }
        }
    }
    ls_buf_free(&b);
    return found;
}

static bool msg_long_prop(struct ole2_job *j, uint32_t st, uint32_t tag, uint32_t *v)
{
    uint64_t x = 0;
    if (!msg_fixed_prop(j, st, tag, &x)) return false;
    *v = (uint32_t)x;
    return true;
}

static void msg_cs_set(struct msg_cs *cs, uint32_t number)
{
    memset(cs, 0, sizeof *cs);
    if (number == 65001) {
        cs->utf8 = true;
    } else if (number != 0 && number != 1252 && number != 20127 && number != 1200) {
        cs->cp = ls_codepage_by_number(number);
        if (!cs->cp) cs->unsupported = number;
    }
}

/* The ANSI code page of a Windows locale (LCID), by primary language;
 * 0 for the Western default (1252). */
static unsigned msg_lcid_codepage(uint32_t lcid)
{
    static const struct { uint16_t lang, cp; } map[] = {
        {0x19, 1251}, {0x22, 1251}, {0x23, 1251}, {0x02, 1251}, {0x2F, 1251}, /* ru uk be bg mk */
        {0x15, 1250}, {0x05, 1250}, {0x1B, 1250}, {0x0E, 1250}, {0x24, 1250}, /* pl cs sk hu sl */
        {0x18, 1250}, {0x1C, 1250},                                           /* ro sq */
        {0x08, 1253}, {0x1F, 1254}, {0x0D, 1255}, {0x01, 1256}, {0x29, 1256}, /* el tr he ar fa */
        {0x25, 1257}, {0x26, 1257}, {0x27, 1257}, {0x2A, 1258}, {0x1E, 874},  /* et lv lt vi th */
        {0x11, 932},  {0x12, 949},
    };
    uint32_t lang = lcid & 0x3FFu;
    if (lang == 0x04) /* Chinese: Taiwan, Hong Kong, Macao traditional */
        return (lcid == 0x0404 || lcid == 0x0C04 || lcid == 0x1404) ? 950 : 936;
    if (lang == 0x1A) return lcid == 0x0C1A || lcid == 0x1C1A ? 1251 : 1250; /* sr-Cyrl / hr, sr-Latn */
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].lang == lang) return map[i].cp;
    return 0;
}

/* The message's code page for 8-bit strings (html: for the HTML body,
 * where the internet code page comes first). */
static void msg_codepage(struct ole2_job *j, uint32_t st, bool html, struct msg_cs *cs)
{
    uint32_t msgcp = 0, netcp = 0, lcid = 0;
    bool m = msg_long_prop(j, st, 0x3FFD0003u, &msgcp), n = msg_long_prop(j, st, 0x3FDE0003u, &netcp);
    /* PidTagMessageLocaleId gives the ANSI page of the writer's locale:
     * after the message code page and before the internet one for the
     * 8-bit properties, and what bytes declared UTF-8 but not UTF-8 are
     * (POI's guess7BitEncoding reads them so too). */
    bool l = msg_long_prop(j, st, 0x3FF10003u, &lcid);
    unsigned lcp = l ? msg_lcid_codepage(lcid) : 0;
    uint32_t v = html ? (n ? netcp : msgcp) : m ? msgcp : l ? (lcp ? lcp : 1252) : netcp;
    msg_cs_set(cs, v);
    cs->lcid_cp = lcp ? ls_codepage_by_number(lcp) : NULL;
}

/* 8-bit text in the message's code page, as UTF-8 through the job. */
static ls_err msg_put8(struct ole2_job *j, struct msg_cs *cs, struct ls_slice v)
{
    /* Declared UTF-8 but not UTF-8: Outlook wrote the locale's ANSI page
     * (POI's hsmf/ASCII_UTF-8_CP1252_LCID1031.msg: cp1252 under 65001). */
    if (cs->utf8) return ls_utf8_valid(v) ? ole2_put_n(j, v.ptr, v.len) : ole2_put_codepage(j, cs->lcid_cp, v);
    if (!cs->cp) {
        if (cs->unsupported && !cs->noted) {
            bool high = false;
            for (size_t i = 0; i < v.len && !high; i++) high = ls_slice_at(v, i) >= 0x80;
            if (high) {
                cs->noted = true;
                ls_note(j->c, j->o, LS_R_UNSUPPORTED,
                        "msg: code page %u not supported, 8-bit strings read as Windows-1252",
                        cs->unsupported);
            }
        }
        return ole2_put_cp1252(j, v);
    }
    return ole2_put_codepage(j, cs->cp, v);
}

/* "label: value\n" for a string property (skipped if empty). */
static ls_err msg_put_field(struct ole2_job *j, struct msg_cs *cs, const char *label, struct ls_slice v,
                            bool utf16)
{
    if (utf16) return ole2_put_field(j, label, v, true);
    size_t n = ls_slice_find(v, 0, "", 1);
    struct ls_slice t;
    (void)ls_slice_sub(v, 0, n == SIZE_MAX ? v.len : n, &t);
    if (t.len == 0) return LS_OK;
    LS_TRY(ole2_put(j, label));
    LS_TRY(ole2_put(j, ": "));
    LS_TRY(msg_put8(j, cs, t));
    return ole2_put(j, "\n");
}

/* ---- properties ---- */

static ls_err msg_field(struct ole2_job *j, struct msg_cs *cs, uint32_t st, const char *label, unsigned id)
{
    struct ls_buf b;
    bool u = false;
    ls_buf_init(&b, j->f->data.len);
    ls_err e = LS_OK;
    if (msg_prop(j, st, id, &b, &u)) e = msg_put_field(j, cs, label, ls_buf_slice(&b), u);
    ls_buf_free(&b);
    return e;
}

/* Property as UTF-8 into out (for child names). */
static bool msg_prop_utf8(struct ole2_job *j, const struct msg_cs *cs, uint32_t st, unsigned id, char *out,
                          size_t cap)
{
    struct ls_buf b, u8;
    bool u = false, ok = false;
    ls_buf_init(&b, 4096);
    ls_buf_init(&u8, cap - 1);
    out[0] = '\0';
    if (msg_prop(j, st, id, &b, &u)) {
        struct ls_slice v = ls_buf_slice(&b);
        ls_err e = LS_OK; /* LS_E_LIMIT just shortens the name */
        if (u)
            e = ls_utf16_to_utf8(&u8, v, false);
        else if (cs->utf8)
            e = ls_utf8_lossy(&u8, v);
        else { /* up to the first NUL, whole (a CJK page pairs bytes) */
            size_t n = 0;
            while (n < v.len && ls_slice_at(v, n) > 0) n++;
            struct ls_slice name = v;
            (void)ls_slice_sub(v, 0, n, &name);
            e = ls_codepage_to_utf8(&u8, name, cs->cp);
        }
        (void)e;
        size_t o = 0;
        for (size_t i = 0; i < u8.len && o + 1 < cap; i++)
            if (u8.ptr[i] != 0) out[o++] = (char)u8.ptr[i];
        out[o] = '\0';
        ok = o > 0;
    }
    ls_buf_free(&b);
    ls_buf_free(&u8);
    return ok;
}

static const unsigned msg_known[] = {0x0037, 0x0C1A, 0x0C1F, 0x5D01, 0x0042, 0x0065,
                                     0x0E04, 0x0E03, 0x0E02, 0x1000, 0x1013};

/* "Date: ..." from the client submit time (PidTagClientSubmitTime),
 * else the delivery time (PidTagMessageDeliveryTime), as the mime
 * handler prints the Date field of a message (drafts have neither). */
static ls_err msg_date(struct ole2_job *j, uint32_t st)
{
    uint64_t ft = 0;
    if (!msg_fixed_prop(j, st, 0x00390040u, &ft) || ft == 0)
        if (!msg_fixed_prop(j, st, 0x0E060040u, &ft)) return LS_OK;
    struct ls_buf d;
    ls_buf_init(&d, 64);
    ls_err e = LS_OK;
    if (mime_filetime_date(&d, ft)) {
        e = ole2_put(j, "Date: ");
        if (e == LS_OK) e = ole2_put_n(j, d.ptr, d.len);
        if (e == LS_OK) e = ole2_put(j, "\n");
    }
    ls_buf_free(&d);
    return e;
}

static ls_err msg_headers(struct ole2_job *j, struct msg_cs *cs, uint32_t st)
{
    char subject[256];
    if (msg_prop_utf8(j, cs, st, 0x0037, subject, sizeof subject))
        ls_set_subject(j->c, j->o, subject, strlen(subject)); /* the record's "subject" */
    LS_TRY(msg_field(j, cs, st, "Subject", 0x0037));
    LS_TRY(msg_field(j, cs, st, "From", 0x0C1A));
    LS_TRY(msg_field(j, cs, st, "From address", 0x0C1F));
    LS_TRY(msg_field(j, cs, st, "From SMTP", 0x5D01));
    LS_TRY(msg_field(j, cs, st, "Sent representing", 0x0042));
    LS_TRY(msg_field(j, cs, st, "Sent representing address", 0x0065));
    LS_TRY(msg_field(j, cs, st, "To", 0x0E04));
    LS_TRY(msg_field(j, cs, st, "Cc", 0x0E03));
    LS_TRY(msg_field(j, cs, st, "Bcc", 0x0E02));
    return msg_date(j, st);
}

static ls_err msg_recipients(struct ole2_job *j, struct msg_cs *cs, uint32_t st)
{
    const struct ole2_cfb *f = j->f;
    uint32_t i = f->dir[st].first_child;
    for (uint32_t hops = 0; i < f->ndir && hops < f->ndir; hops++, i = f->dir[i].next_sibling) {
        if (f->dir[i].type != OLE2_T_STORAGE || !msg_prefix(f->dir[i].name, MSG_RECIP)) continue;
        LS_TRY(msg_field(j, cs, i, "Recipient", 0x3001));
        LS_TRY(msg_field(j, cs, i, "Recipient SMTP", 0x39FE));
        LS_TRY(msg_field(j, cs, i, "Recipient address", 0x3003));
    }
    return LS_OK;
}

/* Every other top-level string property, e.g. transport headers. */
static ls_err msg_other_strings(struct ole2_job *j, struct msg_cs *cs, uint32_t st)
{
    const struct ole2_cfb *f = j->f;
    uint32_t i = f->dir[st].first_child;
    for (uint32_t hops = 0; i < f->ndir && hops < f->ndir; hops++, i = f->dir[i].next_sibling) {
        const char *n = f->dir[i].name;
        size_t nl = strlen(n);
        if (f->dir[i].type != OLE2_T_STREAM || !msg_prefix(n, MSG_SUBSTG)) continue;
        /* one value of a multi-valued property: "__substg1.0_IIIITTTT-NNNNNNNN"
         * (2.1.4.2.2; the "__substg1.0_IIIITTTT" stream beside it holds
         * only the lengths) */
        bool mv = nl == 29 && n[20] == '-';
        if (nl != 20 && !mv) continue;
        bool u16 = strncmp(n + 16, mv ? "101F" : "001F", 4) == 0;
        bool bin = mv && strncmp(n + 16, "1102", 4) == 0;
        if (!u16 && !bin && strncmp(n + 16, mv ? "101E" : "001E", 4) != 0) continue;
        unsigned id = 0;
        for (int k = 12; k < 16; k++) {
            char ch = n[k];
            unsigned d = ch >= '0' && ch <= '9' ? (unsigned)(ch - '0')
                         : ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10)
                         : ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10) : 0;
            id = id * 16 + d;
        }
        bool known = false;
        for (size_t k = 0; k < sizeof msg_known / sizeof msg_known[0]; k++) known |= msg_known[k] == id;
        if (known) continue;
        struct ls_buf b;
        char label[32];
        ls_buf_init(&b, f->data.len);
        ls_err e = ole2_read(j, i, &b);
        (void)snprintf(label, sizeof label, "Property 0x%04X", id);
        if (bin && e != LS_E_NOMEM) {
            /* a distribution list's members (PidLidDistributionListOneOffMembers):
             * each one-off entry id's name and address */
            struct ls_buf m;
            ls_buf_init(&m, f->data.len);
            if (mime_oneoff_members(&m, ls_buf_slice(&b), cs->cp)) e = ole2_put_n(j, m.ptr, m.len);
            ls_buf_free(&m);
        } else if (e != LS_E_NOMEM) {
            e = msg_put_field(j, cs, label, ls_buf_slice(&b), u16);
        }
        ls_buf_free(&b);
        if (e == LS_E_LIMIT || e == LS_E_NOMEM) return e;
    }
    return LS_OK;
}

/* The HTML body in its code page: converted here when it is not UTF-8 and
 * the page has a table (the markup helper's own fallback is 1252). */
static ls_err msg_html(struct ole2_job *j, uint32_t st, struct ls_slice html)
{
    struct msg_cs hcs;
    if (ls_utf8_valid(html)) return ls_markup_html_text(j->c, j->o, html);
    msg_codepage(j, st, true, &hcs);
    if (!hcs.cp) return ls_markup_html_text(j->c, j->o, html);
    struct ls_buf u;
    ls_buf_init(&u, html.len > SIZE_MAX / 4 ? SIZE_MAX / 4 : html.len * 3 + 16);
    ls_err e = ls_codepage_to_utf8(&u, html, hcs.cp);
    if (e == LS_OK) e = ls_markup_html_text(j->c, j->o, ls_buf_slice(&u));
    else if (e == LS_E_LIMIT) e = LS_E_NOMEM;
    ls_buf_free(&u);
    return e;
}

static ls_err msg_bodies(struct ole2_job *j, struct msg_cs *cs, uint32_t st)
{
    struct ls_buf b;
    bool u = false;
    ls_buf_init(&b, j->f->data.len);
    ls_err e = LS_OK;
    if (msg_prop(j, st, 0x1000, &b, &u)) {
        struct ls_slice v = ls_buf_slice(&b);
        e = ole2_put(j, "\n");
        if (e == LS_OK) e = u ? ole2_put_utf16(j, v) : msg_put8(j, cs, v);
        if (e == LS_OK) e = ole2_put(j, "\n");
    }
    ls_buf_reset(&b);
    /* HTML body: binary (0102) in most files, sometimes a string. */
    ls_err h = ole2_read_named(j, st, MSG_SUBSTG "10130102", &b);
    if (h == LS_E_ARG && msg_prop(j, st, 0x1013, &b, &u)) h = LS_OK;
    if (e == LS_OK && h != LS_E_ARG && h != LS_E_NOMEM && b.len > 0) {
        e = ole2_flush(j);
        if (e == LS_OK) e = msg_html(j, st, ls_buf_slice(&b));
        if (e == LS_E_LIMIT) j->text_full = true;
        if (e == LS_OK) e = ole2_put(j, "\n");
    }
    ls_buf_reset(&b);
    ls_err r = ole2_read_named(j, st, MSG_SUBSTG "10090102", &b);
    if (e == LS_OK && r != LS_E_ARG && r != LS_E_NOMEM && b.len > 0) {
        struct ls_buf rtf;
        ls_buf_init(&rtf, MSG_RTF_MAX);
        uint64_t left = ls_budget_left(j->c);
        size_t max = left < MSG_RTF_MAX ? (size_t)left : MSG_RTF_MAX;
        ls_err d = msg_rtf_decompress(ls_buf_slice(&b), &rtf, max);
        if (d == LS_E_NOMEM) e = d;
        if (d != LS_OK && d != LS_E_NOMEM)
            ls_note(j->c, j->o, LS_R_PARSE_ERROR, "msg: compressed RTF body damaged (%s)", ls_err_name(d));
        if (e == LS_OK && rtf.len > 0 && ls_budget_charge(j->c, j->o, rtf.len) == LS_OK)
            (void)ole2_child(j, "body.rtf", 8, ls_buf_slice(&rtf), d != LS_OK);
        ls_buf_free(&rtf);
    }
    ls_buf_free(&b);
    return e;
}

static bool msg_has_ext(const char *name, const char *ext)
{
    size_t n = strlen(name), k = strlen(ext);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++) {
        char c = name[n - k + i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != ext[i]) return false;
    }
    return true;
}

/* ole2_child() with the alerts of a file name a mail client saves under
 * ("..\\..\\Startup\\x.bat", "C:\\boot.ini"), as the mime handler gives them. */
static ls_err msg_file_child(struct ole2_job *j, const char *name, struct ls_slice data, bool truncated)
{
    if (j->stop) return LS_E_LIMIT;
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name;
    ch.name_len = strlen(name);
    ch.data = data;
    unsigned nt = 0;
    (void)mime_name_alerts(ls_slice_make(name, ch.name_len), ch.tags, &nt);
    if (truncated) {
        ch.flags = LS_CHILD_TRUNCATED;
        ch.tags[nt] = LS_R_TRUNCATED;
        ch.error = "ole2: member read from a damaged chain";
    }
    ls_err e = ls_emit_child(j->c, j->o, &ch);
    j->children++;
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT) j->stop = true;
    return e;
}

static ls_err msg_attachment(struct ole2_job *j, const struct msg_cs *cs, uint32_t at, unsigned n)
{
    char name[256];
    if (!msg_prop_utf8(j, cs, at, 0x3707, name, sizeof name) &&
        !msg_prop_utf8(j, cs, at, 0x3704, name, sizeof name) &&
        !msg_prop_utf8(j, cs, at, 0x3001, name, sizeof name))
        (void)snprintf(name, sizeof name, "attachment-%u", n);
    LS_TRY(ole2_put(j, "Attachment: "));
    LS_TRY(ole2_put(j, name));
    LS_TRY(ole2_put(j, "\n"));
    uint32_t data = ole2_cfb_find_type(j->f, at, MSG_SUBSTG "37010102", OLE2_T_STREAM);
    if (data != OLE2_NOSTREAM) {
        struct ls_buf b;
        ls_buf_init(&b, j->f->data.len);
        ls_err e = ole2_read(j, data, &b);
        if (e != LS_E_NOMEM) e = msg_file_child(j, name, ls_buf_slice(&b), e != LS_OK);
        ls_buf_free(&b);
        return e == LS_E_NOMEM ? e : LS_OK;
    }
    uint32_t obj = ole2_cfb_find_type(j->f, at, MSG_SUBSTG "3701000D", OLE2_T_STORAGE);
    if (obj == OLE2_NOSTREAM) return LS_OK;
    if (msg_storage_is_msg(j->f, obj) && !msg_has_ext(name, ".msg")) {
        size_t len = strlen(name);
        if (len + 5 < sizeof name) memcpy(name + len, ".msg", 5);
    }
    ls_err e = ole2_child_storage(j, obj, name);
    return e == LS_E_NOMEM ? e : LS_OK;
}

static ls_err msg_attachments(struct ole2_job *j, const struct msg_cs *cs, uint32_t st)
{
    const struct ole2_cfb *f = j->f;
    unsigned n = 0;
    uint32_t i = f->dir[st].first_child;
    for (uint32_t hops = 0; i < f->ndir && hops < f->ndir && !j->stop; hops++, i = f->dir[i].next_sibling) {
        if (f->dir[i].type != OLE2_T_STORAGE || !msg_prefix(f->dir[i].name, MSG_ATTACH)) continue;
        LS_TRY(msg_attachment(j, cs, i, ++n));
    }
    return LS_OK;
}

ls_err msg_extract_storage(struct ole2_job *j, uint32_t st, unsigned depth)
{
    (void)depth; /* embedded messages are children: the pipeline counts depth */
    struct msg_cs cs;
    msg_codepage(j, st, false, &cs);
    ls_err e = msg_headers(j, &cs, st);
    if (e == LS_OK) e = msg_recipients(j, &cs, st);
    if (e == LS_OK) e = msg_other_strings(j, &cs, st);
    if (e == LS_OK) e = msg_bodies(j, &cs, st);
    if (e == LS_E_NOMEM) return e;
    ls_err a = msg_attachments(j, &cs, st);
    return e != LS_OK ? e : a;
}

/* ---- the msg handler ---------------------------------------------------- */

/* Probe: CFB signature plus message streams named in the first directory
 * sector (read straight from the header's first directory sector number,
 * no FAT needed), or the .msg extension. */
static int msg_probe(const struct ls_object *o)
{
    if (!ole2_is_cfb(o->data)) return 0;
    if (o->ext && strcmp(o->ext, "msg") == 0) return 90;
    uint16_t shift = 0;
    uint32_t first = 0;
    if (!ls_rd_u16le(o->data, 30, &shift) || (shift != 9 && shift != 12) || !ls_rd_u32le(o->data, 48, &first))
        return 0;
    uint64_t off = ((uint64_t)first + 1) << shift;
    struct ls_slice sec;
    if (off > o->data.len || !ls_slice_sub(o->data, (size_t)off, (size_t)1 << shift, &sec)) return 0;
    static const uint8_t pat[] = {'_', 0, '_', 0, 's', 0, 'u', 0, 'b', 0, 's', 0, 't', 0, 'g', 0};
    static const uint8_t pat2[] = {'_', 0, '_', 0, 'p', 0, 'r', 0, 'o', 0, 'p', 0};
    static const uint8_t pat3[] = {'_', 0, '_', 0, 'n', 0, 'a', 0, 'm', 0, 'e', 0, 'i', 0, 'd', 0};
    if (ls_slice_find(sec, 0, pat, sizeof pat) != SIZE_MAX || ls_slice_find(sec, 0, pat2, sizeof pat2) != SIZE_MAX ||
        ls_slice_find(sec, 0, pat3, sizeof pat3) != SIZE_MAX)
        return 90;
    return 0;
}

/* Whether the file ends inside a sector its FAT still uses: a message cut
 * one byte short of its last sector loses only that sector's padding, which
 * no stream read reaches, and had said `full` ([MS-CFB] 2.2: sector s is
 * the bytes from (s + 1) << shift; a trailing part sector the FAT marks
 * free, or does not cover, is no cut). Skipped when the compound file's
 * own reading already found the file short (ole2_run notes that). */
static bool msg_cut_in_sector(struct ls_slice data, uint32_t *sector)
{
    struct ole2_cfb f;
    bool cut = false;
    *sector = 0;
    if (ole2_cfb_open(&f, data) == LS_OK && !(f.damage & OLE2_DMG_TRUNCATED) && f.sector_size &&
        (data.len & (f.sector_size - 1)) != 0 && data.len / f.sector_size >= 1) {
        size_t s = data.len / f.sector_size - 1; /* the part sector (the header is one) */
        cut = s < f.fat_len && f.fat[s] != 0xFFFFFFFFu; /* not FREESECT */
        *sector = (uint32_t)s;
    }
    ole2_cfb_close(&f);
    return cut;
}

static ls_err msg_handler_extract(struct ls_ctx *c, struct ls_object *o)
{
    uint32_t s;
    bool cut = msg_cut_in_sector(o->data, &s);
    ls_err e = ole2_run(c, o);
    if (cut)
        ls_note(c, o, LS_R_TRUNCATED, "msg: the file ends inside sector %u, which its FAT uses: the rest is cut",
                (unsigned)s);
    return e;
}

const struct ls_handler ls_handler_msg = {
    .name = "msg",
    .probe = msg_probe,
    .extract = msg_handler_extract,
};
