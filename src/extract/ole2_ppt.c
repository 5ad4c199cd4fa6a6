/*
 * PowerPoint 97-2003 text ([MS-PPT]): the "PowerPoint Document" stream is
 * a tree of records (2.3.1 RecordHeader: recVer/recInstance u16, recType
 * u16, recLen u32); containers have recVer 0xF and hold records. The tree
 * is walked flat — a container's header is stepped over, so its children
 * are read next — which needs no recursion and visits every byte once.
 * Text: TextCharsAtom (0x0FA0, UTF-16LE), TextBytesAtom (0x0FA8, the low
 * bytes of UTF-16, i.e. Latin-1), CString (0x0FBA, UTF-16LE: titles,
 * comments, hyperlinks, tags). Vertical tab and CR become newlines.
 * Every atom is read, including ones an edit made unreachable from the
 * current user edit: deleted text is still a leak.
 * CryptSession10Container (0x2F14) or an "EncryptedSummary" stream means
 * the document is encrypted: reported, no text.
 * Attacker-controlled: every record header.
 */
#include "extract/ole2.h"

#include <string.h>

#define PR_TEXTCHARS 0x0FA0
#define PR_TEXTBYTES 0x0FA8
#define PR_CSTRING 0x0FBA
#define PR_CRYPT 0x2F14
#define PR_HDR 8u

static ls_err ppt_text16(struct ole2_job *j, struct ls_slice s)
{
    /* Copy units so CR/VT can be mapped; UTF-16 pairs pass through. */
    size_t start = 0;
    for (size_t i = 0; i + 1 < s.len; i += 2) {
        uint16_t u = 0;
        (void)ls_rd_u16le(s, i, &u);
        if (u != 0x0D && u != 0x0B && u != 0) continue;
        struct ls_slice part;
        if (ls_slice_sub(s, start, i - start, &part)) LS_TRY(ole2_put_utf16(j, part));
        if (u) LS_TRY(ole2_put(j, "\n"));
        start = i + 2;
    }
    struct ls_slice rest;
    if (ls_slice_from(s, start, &rest) && rest.len >= 2) LS_TRY(ole2_put_utf16(j, rest));
    return ole2_put(j, "\n");
}

static ls_err ppt_text8(struct ole2_job *j, struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++) {
        uint8_t b = (uint8_t)ls_slice_at(s, i);
        if (b == 0x0D || b == 0x0B)
            LS_TRY(ole2_put(j, "\n"));
        else if (b >= 0x20 || b == 0x09)
            LS_TRY(ole2_put_cp(j, b));
    }
    return ole2_put(j, "\n");
}

static ls_err ppt_walk(struct ole2_job *j, struct ls_slice ps)
{
    struct ls_cursor c = ls_cur_make(ps);
    ls_err r = LS_OK;
    while (ls_cur_left(&c) >= PR_HDR) {
        uint16_t verinst = 0, type = 0;
        uint32_t len = 0;
        struct ls_slice body;
        LS_TRY(ls_cur_u16le(&c, &verinst));
        LS_TRY(ls_cur_u16le(&c, &type));
        LS_TRY(ls_cur_u32le(&c, &len));
        if ((verinst & 0x0F) == 0x0F) {
            if (type == PR_CRYPT) return LS_E_ENCRYPTED;
            continue; /* container: its children follow */
        }
        if (ls_cur_take(&c, len, &body) != LS_OK) {
            /* An atom longer than the stream: read what is there. */
            r = LS_E_TRUNCATED;
            (void)ls_cur_take(&c, ls_cur_left(&c), &body);
        }
        ls_err e = LS_OK;
        if (type == PR_TEXTCHARS || type == PR_CSTRING)
            e = ppt_text16(j, body);
        else if (type == PR_TEXTBYTES)
            e = ppt_text8(j, body);
        if (e != LS_OK) return e;
        if (ls_ctx_expired(j->c)) return LS_E_TIMEOUT;
    }
    return r;
}

ls_err ole2_ppt_extract(struct ole2_job *j, uint32_t st)
{
    if (ole2_cfb_find(j->f, st, "EncryptedSummary") != OLE2_NOSTREAM) {
        ls_note(j->c, j->o, LS_R_ENCRYPTED, "ppt: presentation is encrypted (EncryptedSummary)");
        return LS_E_ENCRYPTED;
    }
    struct ls_buf ps;
    ls_buf_init(&ps, j->f->data.len);
    ls_err e = ole2_read_named(j, st, "PowerPoint Document", &ps);
    if (e != LS_E_NOMEM && e != LS_E_ARG) {
        ls_err r = ppt_walk(j, ls_buf_slice(&ps));
        if (r == LS_E_ENCRYPTED)
            ls_note(j->c, j->o, LS_R_ENCRYPTED, "ppt: presentation is encrypted (CryptSession10Container)");
        else if (r == LS_E_TRUNCATED)
            ls_note(j->c, j->o, LS_R_PARSE_ERROR, "ppt: a record runs past the end of the stream");
        if (r != LS_OK) e = r;
    }
    ls_buf_free(&ps);
    return e;
}
