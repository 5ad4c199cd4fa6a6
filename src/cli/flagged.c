/* The human summary's list of quarantined files (scan and merge): the
 * files an IR lead opens first, most distinct values first, then the worst
 * verdict, then the path (the same list for -j1 and -jN, and for a merge of
 * shards). Fed by the summary after each root_done line. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/ls_core.h"
#include "manifest/summary.h"

static int verdict_rank(const char *v)
{
    return strcmp(v, "hostile") == 0 ? 0 : strcmp(v, "sensitive") == 0 ? 1 : strcmp(v, "incomplete") == 0 ? 2 : 3;
}

/* a before b: more distinct values, a worse verdict, then the path (the
 * same list for -j1 and -jN) */
static bool flagged_before(const struct cli_flagged_item *a, const struct cli_flagged_item *b)
{
    if (a->total != b->total) return a->total > b->total;
    int ra = verdict_rank(a->verdict), rb = verdict_rank(b->verdict);
    if (ra != rb) return ra < rb;
    return strcmp(a->path, b->path) < 0;
}

/* root_done's "distinct":{"ssn":3,"email":1} as "ssn 3, email 1"; total
 * is the sum. The line is our own: the key is found outside strings. */
static char *distinct_text(struct ls_slice line, uint64_t *total)
{
    static const char key[] = "\"distinct\":{";
    const size_t klen = sizeof key - 1;
    struct ls_slice k;
    bool in_str = false;
    size_t i = 0;
    *total = 0;
    for (; i < line.len; i++) {
        int c = ls_slice_at(line, i);
        if (in_str) {
            if (c == '\\') i++;
            else if (c == '"') in_str = false;
        } else if (ls_slice_sub(line, i, klen, &k) && ls_slice_eq_str(k, key)) {
            break;
        } else if (c == '"') {
            in_str = true;
        }
    }
    struct ls_buf b;
    ls_buf_init(&b, 1u << 16);
    uint64_t n = 0;
    for (i += klen, in_str = false; i < line.len && (in_str || ls_slice_at(line, i) != '}'); i++) {
        int c = ls_slice_at(line, i);
        if (in_str && c == '\\' && i + 1 < line.len) (void)!ls_buf_addc(&b, (char)ls_slice_at(line, ++i));
        else if (c == '"') in_str = !in_str;
        else if (in_str) (void)!ls_buf_addc(&b, (char)c);
        else if (c == ':') { (void)!ls_buf_addc(&b, ' '); n = 0; }
        else if (c == ',') { (void)!ls_buf_adds(&b, ", "); *total += n; }
        else if (c >= '0' && c <= '9') { (void)!ls_buf_addc(&b, (char)c); n = n * 10 + (uint64_t)(c - '0'); }
    }
    *total += n;
    char *out = strdup(ls_buf_str(&b));
    ls_buf_free(&b);
    return out;
}

void cli_flagged_note(void *ud, const struct ls_summary *s, const char *line, size_t len)
{
    struct cli_flagged *r = ud;
    const struct ls_root_info *ri = ls_summary_last_root(s);
    if (!ri->have || !ri->quarantine) return;
    struct cli_flagged_item f = {0};
    f.entities = distinct_text(ls_slice_make(line, len), &f.total);
    f.path = strdup(ri->path ? ri->path : "");
    snprintf(f.verdict, sizeof f.verdict, "%s", ri->verdict);
    size_t pos = r->n;
    while (pos > 0 && f.path && f.entities && flagged_before(&f, &r->top[pos - 1])) pos--;
    if (!f.path || !f.entities || pos >= CLI_FLAGGED_SHOWN) {
        free(f.path);
        free(f.entities);
        return;
    }
    if (r->n == CLI_FLAGGED_SHOWN) {
        free(r->top[CLI_FLAGGED_SHOWN - 1].path);
        free(r->top[CLI_FLAGGED_SHOWN - 1].entities);
    } else {
        r->n++;
    }
    memmove(&r->top[pos + 1], &r->top[pos], (r->n - 1 - pos) * sizeof f);
    r->top[pos] = f;
}

void cli_flagged_print(const struct cli_flagged *r, uint64_t all)
{
    if (!r->n) return;
    if (all > r->n)
        fprintf(stderr, "  quarantined (%zu of %llu shown, most distinct values first):\n", r->n,
                (unsigned long long)all);
    else
        fprintf(stderr, "  quarantined:\n");
    for (size_t i = 0; i < r->n; i++) {
        const struct cli_flagged_item *f = &r->top[i];
        fprintf(stderr, "    %-10s ", f->verdict);
        cli_put_escaped(stderr, (const uint8_t *)f->path, strlen(f->path), 0);
        if (*f->entities) {
            fputs("  (", stderr);
            cli_put_escaped(stderr, (const uint8_t *)f->entities, strlen(f->entities), 0);
            fputc(')', stderr);
        }
        fputc('\n', stderr);
    }
}

void cli_flagged_free(struct cli_flagged *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->top[i].path);
        free(r->top[i].entities);
    }
    r->n = 0;
}
