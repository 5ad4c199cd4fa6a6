/* Shared pieces of the record format readers (emitlab.h). */
#include "extract/emitlab.h"

#include "core/handler.h"

ls_err ls_emit_done(struct ls_ctx *c, struct ls_object *o, struct ls_buf *text, struct ls_buf *labels)
{
    ls_err te = text && text->len ? ls_emit_text(c, o, text->ptr, text->len) : LS_OK;
    ls_err le = labels && labels->len ? ls_emit_labels(c, o, labels->ptr, labels->len) : LS_OK;
    if (text) ls_buf_free(text);
    if (labels) ls_buf_free(labels);
    return te != LS_OK ? te : le;
}

ls_err ls_lab_put(struct ls_buf *b, const char *label, struct ls_slice v)
{
    if (v.len == 0) return LS_OK;
    LS_TRY(ls_buf_adds(b, label));
    return ls_buf_add(b, v.ptr, v.len);
}

static bool lab_blank(int c) { return c == ' ' || c == '\t'; }

ls_err ls_lab_clean(struct ls_buf *b, struct ls_slice v)
{
    size_t from = 0, to = v.len;
    while (from < to && lab_blank(ls_slice_at(v, from))) from++;
    while (to > from && lab_blank(ls_slice_at(v, to - 1))) to--;
    for (size_t i = from; i < to; i++) {
        int c = ls_slice_at(v, i);
        LS_TRY(ls_buf_addc(b, (uint8_t)(c < 0x20 || c == 0x7f ? ' ' : c)));
    }
    return LS_OK;
}

ls_err ls_lab_line(struct ls_buf *b, const char *label, struct ls_slice v)
{
    size_t i = 0;
    while (i < v.len && lab_blank(ls_slice_at(v, i))) i++;
    if (i == v.len) return LS_OK;
    LS_TRY(ls_buf_printf(b, "\t%s: ", label));
    return ls_lab_clean(b, v);
}

ls_err ls_add_sub(struct ls_buf *b, struct ls_slice s, size_t off, size_t n)
{
    struct ls_slice p;
    if (!ls_slice_sub(s, off, n, &p)) return LS_OK;
    return ls_buf_add(b, p.ptr, p.len);
}

struct ls_slice ls_piece(struct ls_slice s, uint8_t sep, size_t n)
{
    size_t from = 0;
    for (size_t k = 0; k < n; k++) {
        size_t at = ls_slice_find(s, from, &sep, 1);
        if (at == SIZE_MAX) return (struct ls_slice){NULL, 0};
        from = at + 1;
    }
    size_t end = ls_slice_find(s, from, &sep, 1);
    if (end == SIZE_MAX) end = s.len;
    struct ls_slice out = {NULL, 0};
    (void)ls_slice_sub(s, from, end - from, &out);
    return out;
}

struct ls_slice ls_rec_field(struct ls_slice rec, size_t from, size_t to)
{
    struct ls_slice f = {NULL, 0};
    if (from > rec.len) return f;
    if (to > rec.len) to = rec.len;
    if (!ls_slice_sub(rec, from - 1, to - from + 1, &f)) return (struct ls_slice){NULL, 0};
    while (f.len && ls_slice_at(f, f.len - 1) == ' ') f.len--;
    return f;
}

size_t ls_rec_end(struct ls_slice s, size_t off, size_t reclen, size_t *next)
{
    size_t lim = s.len - off < reclen + 1 ? s.len - off : reclen + 1, end = off + lim;
    for (size_t i = off; i < off + lim; i++)
        if (ls_slice_at(s, i) == '\r' || ls_slice_at(s, i) == '\n') {
            end = i;
            break;
        }
    if (end - off > reclen) end = off + reclen;
    *next = end;
    if (ls_slice_at(s, *next) == '\r') ++*next;
    if (ls_slice_at(s, *next) == '\n') ++*next;
    return end;
}

bool ls_rec_digits(struct ls_slice s, size_t from, size_t n)
{
    for (size_t i = from; i < from + n; i++) {
        int ch = ls_slice_at(s, i);
        if (ch < '0' || ch > '9') return false;
    }
    return true;
}

bool ls_digits_n(struct ls_slice v, size_t n)
{
    return v.len == n && ls_rec_digits(v, 0, n);
}
