/*
 * "pgp": signed (not clear-signed) OpenPGP messages. `gpg --sign` writes the text
 * inside the message, compressed and armored, so nothing of it is readable
 * as it stands. The message is decoded (RFC 4880 / RFC 9580): compressed
 * data packets (tag 8: uncompressed, ZIP = raw deflate, ZLIB) are inflated
 * and walked, and each literal data packet (tag 11) - the signed file or
 * text - is handed over as a child named as the packet says ("pgp-literal"
 * if it gives no name). One-pass signatures, signatures and marker packets
 * are skipped; BZip2 and anything else is reported unsupported. Data
 * "encrypted" under a session key packet that names cipher 0 (plaintext)
 * is walked the same way. The
 * handler takes binary messages (`gpg -s`: a one-pass signature or a
 * compressed packet whose first inflated packet is one); armored blocks in
 * text are decoded through ls_pgp_message_children() by sealed.c.
 *
 * Attacker-controlled: every byte. Packet lengths (including partial body
 * lengths, whose chunks are joined) are checked against what is there;
 * inflated output is bounded by the byte budget; nesting is bounded.
 */
#include <string.h>

#include "extract/pgpmsg.h"
#include "extract/zinflate.h"

#define PGP_NEST_MAX 4u

/* One packet header at the cursor: tag, and its body joined from partial
 * chunks into body (or the slice itself when it is one piece). */
static ls_err pgp_next(struct ls_cursor *cur, unsigned *tag, struct ls_buf *joined, struct ls_slice *body)
{
    uint8_t b;
    LS_TRY(ls_cur_u8(cur, &b));
    LS_FAIL_IF(!(b & 0x80), LS_E_CORRUPT);
    ls_buf_reset(joined);
    if (!(b & 0x40)) { /* old format */
        *tag = (b >> 2) & 0x0fu;
        unsigned lt = b & 3u;
        uint32_t len = 0;
        if (lt == 3) { /* indeterminate: to the end */
            (void)ls_slice_from(cur->in, cur->pos, body);
            cur->pos = cur->in.len;
            return LS_OK;
        }
        if (lt == 0) {
            uint8_t v;
            LS_TRY(ls_cur_u8(cur, &v));
            len = v;
        } else if (lt == 1) {
            uint16_t v;
            LS_TRY(ls_cur_u16be(cur, &v));
            len = v;
        } else {
            LS_TRY(ls_cur_u32be(cur, &len));
        }
        return ls_cur_take(cur, len, body);
    }
    *tag = b & 0x3fu;
    for (bool partial = true; partial;) { /* new format, partial chunks joined */
        uint8_t l0, l1;
        uint32_t len;
        LS_TRY(ls_cur_u8(cur, &l0));
        partial = false;
        if (l0 < 192) {
            len = l0;
        } else if (l0 < 224) {
            LS_TRY(ls_cur_u8(cur, &l1));
            len = ((uint32_t)(l0 - 192) << 8) + l1 + 192u;
        } else if (l0 == 255) {
            LS_TRY(ls_cur_u32be(cur, &len));
        } else {
            len = 1u << (l0 & 0x1fu);
            partial = true;
        }
        struct ls_slice piece;
        LS_TRY(ls_cur_take(cur, len, &piece));
        if (!partial && joined->len == 0) {
            *body = piece;
            return LS_OK;
        }
        LS_TRY(ls_buf_add(joined, piece.ptr, piece.len));
    }
    *body = ls_buf_slice(joined);
    return LS_OK;
}

struct pgp_walk {
    struct ls_ctx *c;
    struct ls_object *o;
    unsigned literals;
    ls_err result; /* first problem: parse error, unsupported, limit */
    bool plain_key; /* a session key packet named cipher 0: the data is not encrypted */
};

static void pgp_fail(struct pgp_walk *w, ls_err e)
{
    if (w->result == LS_OK) w->result = e;
}

static void pgp_packets(struct pgp_walk *w, struct ls_slice msg, unsigned depth);

/* Literal data: format, name length, name, date, then the data. */
static void pgp_literal(struct pgp_walk *w, struct ls_slice body)
{
    struct ls_cursor cur = ls_cur_make(body);
    uint8_t fmt, nlen;
    struct ls_slice name, data;
    if (ls_cur_u8(&cur, &fmt) != LS_OK || ls_cur_u8(&cur, &nlen) != LS_OK ||
        ls_cur_take(&cur, nlen, &name) != LS_OK || ls_cur_skip(&cur, 4) != LS_OK) {
        pgp_fail(w, LS_E_TRUNCATED);
        return;
    }
    (void)ls_slice_from(body, cur.pos, &data);
    struct ls_child ch;
    memset(&ch, 0, sizeof ch);
    ch.name = name.len ? (const void *)name.ptr : "pgp-literal";
    ch.name_len = name.len ? name.len : strlen("pgp-literal");
    ch.data = data;
    w->literals++;
    ls_err e = ls_emit_child(w->c, w->o, &ch);
    if (e != LS_OK) pgp_fail(w, e);
}

/* Inflated bytes charged as they come: a compression bomb stops at the
 * bomb ratio past the floor. */
static ls_err pgp_charge(void *ud, size_t n, uint64_t in_used, uint64_t out_total)
{
    struct pgp_walk *w = ud;
    return zinflate_budget(w->c, w->o, "pgp", n, in_used, out_total);
}

static void pgp_compressed(struct pgp_walk *w, struct ls_slice body, unsigned depth)
{
    int algo = ls_slice_at(body, 0);
    struct ls_slice rest;
    (void)ls_slice_from(body, 1, &rest);
    if (algo == 0) {
        pgp_packets(w, rest, depth + 1);
        return;
    }
    if (algo != 1 && algo != 2) { /* BZip2 (3) and unknown algorithms */
        pgp_fail(w, LS_E_UNSUPPORTED);
        return;
    }
    uint64_t left = ls_budget_left(w->c);
    size_t max = left < SIZE_MAX ? (size_t)left : SIZE_MAX;
    struct ls_buf out;
    ls_buf_init(&out, max);
    ls_err e = zinflate_stream(rest, algo == 2 ? 15 : -15, &out, max, NULL, pgp_charge, w);
    if (e != LS_OK) pgp_fail(w, e);
    if (e != LS_E_LIMIT && e != LS_E_NOMEM) pgp_packets(w, ls_buf_slice(&out), depth + 1);
    ls_buf_free(&out);
}

/* A symmetric-key session key packet (tag 3, version 4: version, cipher,
 * S2K ...) whose cipher is 0, "plaintext or unencrypted data" (RFC 4880
 * 9.2; Delta Chat's plaintext Autocrypt Setup Message test): the
 * encrypted data packets that follow hold their packets in the clear. */
static bool pgp_plain_skesk(struct ls_slice body)
{
    return ls_slice_at(body, 0) == 4 && ls_slice_at(body, 1) == 0;
}

static bool pgp_packet_start(struct ls_slice d, size_t at)
{
    int b = ls_slice_at(d, at);
    if (b < 0 || !(b & 0x80)) return false;
    unsigned tag = (b & 0x40) ? (b & 0x3fu) : ((b >> 2) & 0x0fu);
    return tag == 2 || tag == 4 || tag == 8 || tag == 11;
}

/* Whether an encrypted data packet (tag 9 or 18) is at the cursor. */
static bool pgp_packet_after(struct ls_cursor cur)
{
    int b = ls_slice_at(cur.in, cur.pos);
    if (b < 0 || !(b & 0x80)) return false;
    unsigned tag = (b & 0x40) ? (b & 0x3fu) : ((b >> 2) & 0x0fu);
    return tag == 9 || tag == 18;
}

/* Encrypted data (tag 9) or integrity-protected encrypted data (tag 18,
 * version 1) under the plaintext cipher: a prefix of block size + 2 bytes
 * (random, its last two repeated) before the packets. The plaintext
 * cipher has no block size; writers use 0 (rpgp), or a cipher's 8 or 16:
 * the first length after which a packet starts is taken. */
static void pgp_plain_data(struct pgp_walk *w, struct ls_slice body, bool seipd, unsigned depth)
{
    static const size_t block[] = {0, 8, 16};
    size_t v = 0;
    if (seipd) {
        if (ls_slice_at(body, 0) != 1) {
            pgp_fail(w, LS_E_UNSUPPORTED);
            return;
        }
        v = 1;
    }
    for (size_t i = 0; i < sizeof block / sizeof block[0]; i++) {
        size_t bs = block[i];
        struct ls_slice rest;
        if (!ls_slice_from(body, v + bs + 2, &rest)) break;
        bool repeat = bs == 0 || (ls_slice_at(body, v + bs - 2) == ls_slice_at(body, v + bs) &&
                                  ls_slice_at(body, v + bs - 1) == ls_slice_at(body, v + bs + 1));
        if (repeat && pgp_packet_start(rest, 0)) {
            pgp_packets(w, rest, depth + 1);
            return;
        }
    }
    pgp_fail(w, LS_E_CORRUPT);
}

static void pgp_packets(struct pgp_walk *w, struct ls_slice msg, unsigned depth)
{
    if (depth > PGP_NEST_MAX) {
        pgp_fail(w, LS_E_LIMIT);
        return;
    }
    struct ls_cursor cur = ls_cur_make(msg);
    struct ls_buf joined;
    ls_buf_init(&joined, msg.len);
    while (ls_cur_left(&cur) > 0 && w->result != LS_E_LIMIT && w->result != LS_E_TIMEOUT) {
        unsigned tag = 0;
        struct ls_slice body;
        ls_err e = pgp_next(&cur, &tag, &joined, &body);
        if (e != LS_OK) {
            pgp_fail(w, e == LS_E_NOMEM ? e : LS_E_TRUNCATED);
            break;
        }
        if (tag == 8)
            pgp_compressed(w, body, depth);
        else if (tag == 11)
            pgp_literal(w, body);
        else if (tag == 3 && pgp_plain_skesk(body))
            w->plain_key = true;
        else if ((tag == 9 || tag == 18) && w->plain_key)
            pgp_plain_data(w, body, tag == 18, depth);
        else if (tag != 2 && tag != 4 && tag != 10 && tag != 19) /* 19: the integrity check */
            pgp_fail(w, LS_E_UNSUPPORTED);
    }
    ls_buf_free(&joined);
}

unsigned ls_pgp_message_children(struct ls_ctx *c, struct ls_object *o, struct ls_slice msg, ls_err *err)
{
    struct pgp_walk w = {c, o, 0, LS_OK, false};
    pgp_packets(&w, msg, 0);
    *err = w.result;
    return w.literals;
}

/* ---- the handler: binary signed messages (`gpg --sign` without -a) ---- */

/* The first packet of a signed message: a one-pass signature (tag 4,
 * version 3, a known signature type) or compressed data (tag 8, algorithm
 * 0-2) whose first inflated packet is a one-pass signature, a signature or
 * literal data; or a session key packet naming the plaintext cipher
 * followed by the encrypted data packet it "encrypts". */
static bool pgp_signed_start(struct ls_slice d)
{
    struct ls_cursor cur = ls_cur_make(d);
    struct ls_buf joined;
    ls_buf_init(&joined, 1u << 20);
    unsigned tag = 0;
    struct ls_slice body;
    bool yes = false;
    if (pgp_next(&cur, &tag, &joined, &body) == LS_OK) {
        int v = ls_slice_at(body, 0);
        if (tag == 4) {
            int st = ls_slice_at(body, 1);
            yes = v == 3 && (st == 0 || st == 1) && body.len == 13;
        } else if (tag == 3) {
            yes = pgp_plain_skesk(body) && body.len >= 4 && pgp_packet_after(cur);
        } else if (tag == 8 && v >= 0 && v <= 2) {
            struct ls_slice rest;
            (void)ls_slice_from(body, 1, &rest);
            struct ls_buf head;
            ls_buf_init(&head, 64);
            ls_err e = v == 0 ? ls_buf_add(&head, rest.ptr, rest.len < 64 ? rest.len : 64)
                              : zinflate_buf(rest, v == 2 ? 15 : -15, &head, 64);
            int b = head.len ? head.ptr[0] : 0;
            unsigned inner = (b & 0x40) ? (b & 0x3fu) : ((b >> 2) & 0x0fu);
            yes = (e == LS_OK || e == LS_E_LIMIT || e == LS_E_TRUNCATED) && (b & 0x80) &&
                  (inner == 4 || inner == 2 || inner == 11);
            ls_buf_free(&head);
        }
    }
    ls_buf_free(&joined);
    return yes;
}

static int pgp_probe(const struct ls_object *o)
{
    return pgp_signed_start(o->data) ? 90 : 0;
}

static ls_err pgp_extract(struct ls_ctx *c, struct ls_object *o)
{
    ls_err e = LS_OK;
    unsigned n = ls_pgp_message_children(c, o, o->data, &e);
    if (e == LS_E_LIMIT || e == LS_E_TIMEOUT || e == LS_E_NOMEM) return e;
    if (e != LS_OK || n == 0)
        ls_note(c, o, e == LS_E_UNSUPPORTED ? LS_R_UNSUPPORTED : e == LS_OK ? LS_R_PARSE_ERROR : LS_R_TRUNCATED,
                "pgp: OpenPGP message read in part (%u literal%s; %s)", n, n == 1 ? "" : "s",
                e == LS_OK ? "no literal data" : ls_err_name(e));
    return LS_OK;
}

const struct ls_handler ls_handler_pgp = {
    .name = "pgp",
    .probe = pgp_probe,
    .extract = pgp_extract,
};
