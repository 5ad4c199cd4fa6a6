/* A split archive's later part in the manifest (splitpart.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "manifest/splitpart.h"
#include "pool/pool.h"

static bool is_root_done(const char *line, size_t len)
{
    static const char done[] = "{\"record\":\"root_done\"";
    return len >= sizeof done - 1 && memcmp(line, done, sizeof done - 1) == 0;
}

bool ls_split_ids(const char *line, size_t len, char out[17], bool *self)
{
    struct ls_slice l = ls_slice_make(line, len), rid;
    size_t at = ls_slice_find(l, 0, LS_SPLIT_KEY, sizeof LS_SPLIT_KEY - 1);
    *self = false;
    if (at == SIZE_MAX || at + sizeof LS_SPLIT_KEY - 1 + 17 > len) return false;
    const char *id = line + at + sizeof LS_SPLIT_KEY - 1;
    if (id[16] != '"') return false;
    memcpy(out, id, 16);
    out[16] = 0;
    *self = ls_journal_field(l, "root_id", &rid) && rid.len == 16 && memcmp(rid.ptr, out, 16) == 0;
    return true;
}

static const char *const verdict_names[4] = {"clean", "sensitive", "hostile", "incomplete"}; /* ls_verdict_name() */

int ls_split_verdict_index(const char *v, size_t n)
{
    for (int i = 0; i < 4; i++)
        if (strlen(verdict_names[i]) == n && memcmp(verdict_names[i], v, n) == 0) return i;
    return 3;
}

const char *ls_split_verdict_name(int v) { return verdict_names[v & 3]; }

/* docs/manifest.md, *Verdict*: hostile > sensitive > incomplete > clean */
static int verdict_rank(int v)
{
    static const int rank[4] = {0, 2, 3, 1};
    return rank[v & 3];
}

/* errors[] of line[0..end) with add and add2 put first and drop (a JSON
 * string as written) removed, appended to b up to end. */
static ls_err put_errors(const char *line, size_t end, const char *add, const char *add2, const char *drop,
                         struct ls_buf *b)
{
    static const char ek[] = ",\"errors\":[";
    size_t ea = ls_slice_find(ls_slice_make(line, end), 0, ek, sizeof ek - 1);
    if (ea == SIZE_MAX || (!add && !add2 && !drop)) return ls_buf_add(b, line, end);
    size_t in = ea + sizeof ek - 1, rest = in;
    ls_err e = ls_buf_add(b, line, in);
    bool any = false;
    if (e == LS_OK && add) {
        e = ls_json_cstr(b, add);
        any = true;
    }
    if (e == LS_OK && add2) {
        if (any) e = ls_buf_addc(b, ',');
        if (e == LS_OK) e = ls_json_cstr(b, add2);
        any = true;
    }
    if (e == LS_OK && drop) {
        struct ls_buf d;
        ls_buf_init(&d, 1u << 16);
        e = ls_json_cstr(&d, drop);
        /* the entry as the first one (the writer puts its note first) */
        if (e == LS_OK && end - in >= d.len && memcmp(line + in, d.ptr, d.len) == 0 &&
            (line[in + d.len] == ',' || line[in + d.len] == ']'))
            rest = in + d.len + (line[in + d.len] == ',' ? 1 : 0);
        ls_buf_free(&d);
    }
    if (e == LS_OK && any && rest < end && line[rest] != ']') e = ls_buf_addc(b, ',');
    if (e == LS_OK) e = ls_buf_add(b, line + rest, end - rest);
    return e;
}

/* The four counts of a root_done's ",\"verdicts\":{\"clean\":N,..."
 * (what the record writer puts there, in this order), from s on. */
static bool verdict_counts(const char *s, unsigned long long n[4])
{
    static const char *const keys[4] = {",\"verdicts\":{\"clean\":", ",\"sensitive\":", ",\"hostile\":",
                                        ",\"incomplete\":"};
    for (unsigned i = 0; i < 4; i++) {
        size_t kl = strlen(keys[i]);
        if (strncmp(s, keys[i], kl) != 0 || s[kl] < '0' || s[kl] > '9') return false;
        char *end;
        errno = 0;
        n[i] = strtoull(s + kl, &end, 10);
        if (errno) return false;
        s = end;
    }
    return true;
}

ls_err ls_split_fix_line(const char *line, size_t len, const struct ls_split_fix *f, int *from, int *to,
                         struct ls_buf *b)
{
    static const char vk[] = ",\"verdict\":\"";
    ls_buf_reset(b);
    struct ls_slice l = ls_slice_make(line, len);
    size_t at = SIZE_MAX, vend = SIZE_MAX;
    if (!is_root_done(line, len) && ls_slice_find(l, 0, LS_SPLIT_KEY, sizeof LS_SPLIT_KEY - 1) != SIZE_MAX) {
        /* the root record's last fields: "verdict":"X","quarantine":B} */
        for (size_t i = 0; (i = ls_slice_find(l, i, vk, sizeof vk - 1)) != SIZE_MAX; i++) at = i;
        if (at != SIZE_MAX) vend = ls_slice_find(l, at + sizeof vk - 1, "\"", 1);
    }
    if (vend != SIZE_MAX) {
        size_t vs = at + sizeof vk - 1;
        int own = ls_split_verdict_index(line + vs, vend - vs), set = ls_split_verdict_index(f->verdict, strlen(f->verdict));
        int mine = f->own_stand_in && own == 3 ? 0 : own;
        int v = verdict_rank(mine) >= verdict_rank(set) ? mine : set;
        bool own_q = ls_slice_find(l, vend, "\"quarantine\":true}", 18) != SIZE_MAX;
        *from = own;
        *to = v;
        bool qv = v == own ? own_q : f->set_q;
        ls_err e = put_errors(line, at, f->add_note, qv && !own_q ? f->unstored_note : NULL, f->drop_note, b);
        if (e == LS_OK)
            e = ls_buf_printf(b, ",\"verdict\":\"%s\",\"quarantine\":%s}", verdict_names[v], qv ? "true" : "false");
        return e;
    }
    if (is_root_done(line, len) && *from >= 0) {
        static const char ck[] = ",\"verdicts\":{\"clean\":";
        at = ls_slice_find(l, 0, ck, sizeof ck - 1);
        size_t end = at == SIZE_MAX ? SIZE_MAX : ls_slice_find(l, at, "}", 1);
        unsigned long long n[4] = {0, 0, 0, 0};
        char tmp[160];
        if (end != SIZE_MAX && end - at < sizeof tmp) {
            memcpy(tmp, line + at, end - at);
            tmp[end - at] = 0;
        } else {
            tmp[0] = 0;
        }
        if (tmp[0] && verdict_counts(tmp, n)) {
            if (n[*from] > 0) {
                n[*from]--;
                n[*to]++;
            }
            ls_err e = ls_buf_add(b, line, at);
            if (e == LS_OK)
                e = ls_buf_printf(b, ",\"verdicts\":{\"clean\":%llu,\"sensitive\":%llu,\"hostile\":%llu,\"incomplete\":%llu",
                                  n[0], n[1], n[2], n[3]);
            if (e == LS_OK) e = ls_buf_add(b, line + end, len - end);
            return e;
        }
    }
    return ls_buf_add(b, line, len);
}
