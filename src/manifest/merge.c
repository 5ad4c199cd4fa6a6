/* Joining manifests (see merge.h). */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "manifest/merge.h"
#include "manifest/splitpart.h"
#include "pool/pool.h"

/* Root ids seen so far: 16 hex digits are a 64-bit value, kept in an
 * open-addressing set (a merge of millions of roots stays linear). */
struct root_seen {
    uint64_t *slot;  /* 0 = empty; the id 0 itself is held by has_zero */
    size_t cap, n;
    bool has_zero;
};

static uint64_t root_key(const char *id)
{
    uint64_t v = 0;
    for (int i = 0; i < 16 && id[i]; i++) {
        char c = id[i];
        v = v << 4 | (uint64_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

static size_t seen_pos(const struct root_seen *s, uint64_t k)
{
    size_t h = (size_t)(k * 0x9E3779B97F4A7C15ull) & (s->cap - 1);
    while (s->slot[h] && s->slot[h] != k) h = (h + 1) & (s->cap - 1);
    return h;
}

/* Insert id; *fresh tells whether it was new. */
static ls_err seen_add(struct root_seen *s, const char *id, bool *fresh)
{
    uint64_t k = root_key(id);
    if (k == 0) {
        *fresh = !s->has_zero;
        s->has_zero = true;
        return LS_OK;
    }
    if ((s->n + 1) * 2 > s->cap) {
        struct root_seen g = {calloc(s->cap ? s->cap * 2 : 1024, sizeof *g.slot),
                              s->cap ? s->cap * 2 : 1024, s->n, s->has_zero};
        if (!g.slot) return LS_E_NOMEM;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i]) g.slot[seen_pos(&g, s->slot[i])] = s->slot[i];
        free(s->slot);
        *s = g;
    }
    size_t h = seen_pos(s, k);
    *fresh = s->slot[h] == 0;
    if (*fresh) {
        s->slot[h] = k;
        s->n++;
    }
    return LS_OK;
}

/* A manifest line is at most LS_MERGE_LINE_MAX bytes: a worker sends a
 * root's records in frames of at most LS_POOL_MAX_FRAME, so no scan
 * writes a longer one; a longer "line" (a file of zeros, /dev/zero piped
 * in, a binary file) is no manifest and is refused before it grows the
 * buffer past that (getline() grew it until the kernel killed the run). */
_Static_assert(LS_MERGE_LINE_MAX == LS_POOL_MAX_FRAME, "a record line is at most a worker's frame");

size_t ls_merge_line_max(void)
{
#ifdef LEAKSIFT_TEST_HOOKS
    const char *t = getenv("LEAKSIFT_TEST_MERGE_LINE_MAX");
    if (t && *t) return (size_t)strtoull(t, NULL, 10);
#endif
    return LS_MERGE_LINE_MAX;
}

/* One line of f (its '\n' kept) into *line, as getline() does; -1 at
 * the end of the input or on an error, -2 a line longer than max
 * (nothing kept), -3 out of memory. */
static ssize_t get_line(char **line, size_t *cap, FILE *f, size_t max)
{
    size_t n = 0;
    int c = EOF;
    while ((c = getc_unlocked(f)) != EOF) {
        if (c != '\n' && n >= max) return -2;
        if (n + 2 > *cap) {
            size_t nc = *cap ? *cap * 2 : 4096;
            if (nc > max + 2) nc = max + 2;
            char *p = realloc(*line, nc);
            if (!p) return -3;
            *line = p;
            *cap = nc;
        }
        (*line)[n++] = (char)c;
        if (c == '\n') break;
    }
    if (n == 0) return -1;
    (*line)[n] = 0;
    return (ssize_t)n;
}

/* get_line()'s -2 and -3 as merge's error. */
static ls_err line_error(ssize_t len, const char *path, unsigned long long no, char *err, size_t errlen)
{
    if (len == -3) return LS_E_NOMEM;
    if (len != -2) return LS_OK;
    snprintf(err, errlen, "%s: line %llu is longer than %zu bytes: not a manifest (no record is that long)",
             strcmp(path, "-") == 0 ? "standard input" : path, no, ls_merge_line_max());
    return LS_E_LIMIT;
}

/* Split archives' set roots (their verdict and quarantine) found in any
 * input, sorted by id: a later part whose set root was in another shard
 * was written `incomplete` ("not known"); it takes its set root's verdict
 * here, as one run over every shard would have given it. */
struct set_root {
    uint64_t key;
    char id[17];
    signed char verdict;
    bool q;
};

struct merge_state {
    int out_fd;
    struct set_root *sets;
    size_t n_sets, cap_sets;
    struct ls_buf fixed; /* a later part's block rewritten */
    struct ls_buf line;  /* one line of it */
    struct ls_summary *sum;
    struct ls_merge_report *rep;
    struct root_seen seen;
    struct ls_buf block;  /* object lines of the root being read */
    char block_root[17];
    json_t *first_run;
    json_t *inputs;
    const char *key_id, *rules;
    char *err;
    size_t errlen;
};

static int set_cmp(const void *a, const void *b)
{
    const struct set_root *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key ? 1 : strcmp(x->id, y->id);
}

static const struct set_root *set_find(const struct merge_state *m, const char *id)
{
    struct set_root k = {.key = root_key(id)};
    snprintf(k.id, sizeof k.id, "%s", id);
    return m->n_sets ? bsearch(&k, m->sets, m->n_sets, sizeof k, set_cmp) : NULL;
}

/* A set root's record (split.set_root_id its own root_id): kept. */
static ls_err note_set_root(struct merge_state *m, const char *line, size_t len)
{
    char id[17];
    bool self;
    struct ls_slice v;
    if (!ls_split_ids(line, len, id, &self) || !self) return LS_OK;
    if (!ls_journal_field(ls_slice_make(line, len), "verdict", &v)) return LS_OK;
    if (m->n_sets == m->cap_sets) {
        size_t cap = m->cap_sets ? m->cap_sets * 2 : 64;
        struct set_root *n = realloc(m->sets, cap * sizeof *n);
        if (!n) return LS_E_NOMEM;
        m->sets = n;
        m->cap_sets = cap;
    }
    struct set_root *r = &m->sets[m->n_sets++];
    r->key = root_key(id);
    memcpy(r->id, id, sizeof r->id);
    r->verdict = (signed char)ls_split_verdict_index((const char *)v.ptr, v.len);
    static const char qt[] = "\"quarantine\":true}";
    r->q = len >= sizeof qt - 1 && memcmp(line + len - (sizeof qt - 1), qt, sizeof qt - 1) == 0;
    return LS_OK;
}

/* An input for reading from its start: a path, or "-" for standard input,
 * which must be seekable (leaksift merge spools a pipe to a temporary
 * file first): each input is read three times. */
static FILE *open_input(const char *path)
{
    if (strcmp(path, "-") != 0) return fopen(path, "r");
    int fd = dup(STDIN_FILENO);
    if (fd < 0) return NULL;
    if (lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        errno = ESPIPE;
        return NULL;
    }
    FILE *f = fdopen(fd, "r");
    if (!f) close(fd);
    return f;
}

/* Pass 2: every input's set roots. */
static ls_err find_set_roots(struct merge_state *m, const char *const *inputs, size_t n)
{
    ls_err e = LS_OK;
    for (size_t i = 0; i < n && e == LS_OK; i++) {
        FILE *f = open_input(inputs[i]);
        if (!f) {
            snprintf(m->err, m->errlen, "%s: %s", inputs[i], strerror(errno));
            return LS_E_IO;
        }
        char *line = NULL;
        size_t cap = 0, max = ls_merge_line_max();
        ssize_t len;
        unsigned long long no = 0;
        static const char obj[] = "{\"record\":\"object\"";
        while (e == LS_OK && (len = get_line(&line, &cap, f, max)) >= 0) {
            no++;
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
            if ((size_t)len > sizeof obj && memcmp(line, obj, sizeof obj - 1) == 0 &&
                memmem(line, (size_t)len, LS_SPLIT_KEY, sizeof LS_SPLIT_KEY - 1))
                e = note_set_root(m, line, (size_t)len);
        }
        if (e == LS_OK) e = line_error(len, inputs[i], no + 1, m->err, m->errlen);
        free(line);
        fclose(f);
    }
    if (m->n_sets) qsort(m->sets, m->n_sets, sizeof *m->sets, set_cmp);
    return e;
}

/* The block of a later part written `incomplete` because its set root's
 * verdict was not known, rewritten with that verdict when an input holds
 * the set root (splitpart.h); NULL when the block is not such a one. */
static const struct ls_buf *fix_later_part(struct merge_state *m)
{
    const char *p = ls_buf_str(&m->block), *end = p + m->block.len;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    char id[17], note[200];
    bool self;
    if (!nl || !ls_split_ids(p, (size_t)(nl - p), id, &self) || self) return NULL;
    const struct set_root *r = set_find(m, id);
    if (!r) return NULL;
    snprintf(note, sizeof note, LS_SPLIT_NOTE_UNKNOWN, id);
    struct ls_buf q;
    ls_buf_init(&q, 1u << 16);
    bool has = ls_json_cstr(&q, note) == LS_OK && memmem(p, (size_t)(nl - p), q.ptr, q.len);
    ls_buf_free(&q);
    if (!has) return NULL;
    const struct ls_split_fix f = {.verdict = ls_split_verdict_name(r->verdict), .set_q = r->q,
                                   .drop_note = note, .own_stand_in = true,
                                   .unstored_note = LS_SPLIT_NOTE_UNSTORED};
    int from = -1, to = -1;
    ls_buf_reset(&m->fixed);
    for (; p < end; p = nl + 1) {
        nl = memchr(p, '\n', (size_t)(end - p));
        if (ls_split_fix_line(p, (size_t)(nl - p), &f, &from, &to, &m->line) != LS_OK ||
            ls_buf_add(&m->fixed, m->line.ptr, m->line.len) != LS_OK || ls_buf_addc(&m->fixed, '\n') != LS_OK)
            return NULL; /* out of memory: the block as it was (incomplete, never clean) */
    }
    m->rep->parts_resolved++;
    return &m->fixed;
}

static ls_err flush_block(struct merge_state *m, const char *line, size_t len)
{
    if (ls_buf_add(&m->block, line, len) != LS_OK || ls_buf_addc(&m->block, '\n') != LS_OK)
        return LS_E_NOMEM;
    bool fresh;
    LS_TRY(seen_add(&m->seen, m->block_root, &fresh));
    if (!fresh) {
        m->rep->duplicates++;
    } else {
        m->rep->roots++;
        const struct ls_buf *blk = fix_later_part(m);
        if (!blk) blk = &m->block;
        /* feed the summary line by line, then write the block */
        const char *p = (const char *)blk->ptr, *end = p + blk->len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            (void)ls_summary_add_line(m->sum, p, (size_t)(nl - p));
            p = nl + 1;
        }
        if (ls_write_all(m->out_fd, blk->ptr, blk->len) != 0) {
            snprintf(m->err, m->errlen, "cannot write the merged manifest: %s", strerror(errno));
            return LS_E_IO;
        }
    }
    ls_buf_reset(&m->block);
    m->block_root[0] = 0;
    return LS_OK;
}

static void check_run(struct merge_state *m, json_t *o)
{
    const char *kid = json_string_value(json_object_get(o, "fingerprint_key_id"));
    const char *rules = json_string_value(json_object_get(json_object_get(o, "rules"), "sha256"));
    if (!m->first_run) {
        m->first_run = json_incref(o);
        m->key_id = kid;
        m->rules = rules;
        return;
    }
    if (!kid || !m->key_id || strcmp(kid, m->key_id) != 0) m->rep->key_mismatch = true;
    if (!rules || !m->rules || strcmp(rules, m->rules) != 0) m->rep->rules_mismatch = true;
}

static ls_err take_line(struct merge_state *m, const char *line, size_t len, json_t **runs)
{
    json_error_t je;
    json_t *o = json_loadb(line, len, JSON_ALLOW_NUL, &je); /* a member name may hold a NUL (\u0000) */
    const char *rec = o ? json_string_value(json_object_get(o, "record")) : NULL;
    const char *root = o ? json_string_value(json_object_get(o, "root_id")) : NULL;
    ls_err e = LS_OK;
    if (!rec) {
        m->rep->bad_lines++;
    } else if (strcmp(rec, "run") == 0) {
        json_array_append(*runs, o);
    } else if (strcmp(rec, "object") == 0 && root) {
        if (m->block_root[0] && strcmp(m->block_root, root) != 0) {
            m->rep->unfinished++; /* a previous root never got its root_done */
            ls_buf_reset(&m->block);
        }
        snprintf(m->block_root, sizeof m->block_root, "%s", root);
        if (ls_buf_add(&m->block, line, len) != LS_OK || ls_buf_addc(&m->block, '\n') != LS_OK)
            e = LS_E_NOMEM;
    } else if (strcmp(rec, "root_done") == 0 && root) {
        snprintf(m->block_root, sizeof m->block_root, "%s", root);
        e = flush_block(m, line, len);
    }
    json_decref(o);
    return e;
}

static ls_err read_input(struct merge_state *m, const char *path, json_t **runs)
{
    FILE *f = open_input(path);
    if (!f) {
        snprintf(m->err, m->errlen, "%s: %s", path, strerror(errno));
        return LS_E_IO;
    }
    char *line = NULL;
    size_t cap = 0, max = ls_merge_line_max();
    ssize_t n;
    unsigned long long no = 0;
    ls_err e = LS_OK;
    while (e == LS_OK && (n = get_line(&line, &cap, f, max)) >= 0) {
        no++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        if (n > 0) e = take_line(m, line, (size_t)n, runs);
    }
    if (e == LS_OK) e = line_error(n, path, no + 1, m->err, m->errlen);
    if (m->block.len) m->rep->unfinished++;
    ls_buf_reset(&m->block);
    m->block_root[0] = 0;
    free(line);
    fclose(f);
    return e;
}

static ls_err write_run(struct merge_state *m, const char *const *inputs, size_t n)
{
    json_t *run = m->first_run ? json_deep_copy(m->first_run) : json_object();
    json_t *from = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(from, json_string(inputs[i]));
    json_object_set_new(run, "record", json_string("run"));
    json_object_set_new(run, "merged_from", from);
    char *s = json_dumps(run, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(run);
    if (!s) return LS_E_NOMEM;
    size_t len = strlen(s);
    s[len] = '\n';
    int rc = ls_write_all(m->out_fd, s, len + 1);
    free(s);
    if (rc != 0) {
        snprintf(m->err, m->errlen, "cannot write the merged manifest: %s", strerror(errno));
        return LS_E_IO;
    }
    return LS_OK;
}

ls_err ls_manifest_merge(const char *const *inputs, size_t n, int out_fd, bool force,
                         struct ls_summary *sum, struct ls_merge_report *rep, char *err,
                         size_t errlen)
{
    struct merge_state m;
    memset(&m, 0, sizeof m);
    memset(rep, 0, sizeof *rep);
    m.out_fd = out_fd;
    m.sum = sum;
    m.rep = rep;
    m.err = err;
    m.errlen = errlen;
    ls_buf_init(&m.block, SIZE_MAX);
    ls_buf_init(&m.fixed, SIZE_MAX);
    ls_buf_init(&m.line, SIZE_MAX);
    json_t *runs = json_array();
    ls_err e = LS_OK;
    /* pass 1: the run records decide whether the inputs can be merged */
    for (size_t i = 0; i < n && e == LS_OK; i++) {
        FILE *f = open_input(inputs[i]);
        char *line = NULL;
        size_t cap = 0, max = ls_merge_line_max();
        ssize_t len;
        unsigned long long no = 0;
        if (!f) {
            snprintf(err, errlen, "%s: %s", inputs[i], strerror(errno));
            e = LS_E_IO;
            break;
        }
        while ((len = get_line(&line, &cap, f, max)) >= 0) {
            no++;
            json_t *o = json_loadb(line, (size_t)len, JSON_ALLOW_NUL, NULL);
            const char *rec = o ? json_string_value(json_object_get(o, "record")) : NULL;
            bool is_run = rec && strcmp(rec, "run") == 0;
            if (is_run) check_run(&m, o);
            json_decref(o); /* rec points into o: not used past here */
            if (is_run) break;
        }
        e = line_error(len, inputs[i], no + 1, err, errlen);
        free(line);
        fclose(f);
    }
    if (e == LS_OK && rep->key_mismatch && !force) {
        snprintf(err, errlen, "the manifests were fingerprinted under different keys, so distinct "
                              "counts cannot be merged: rerun the shards with one --fingerprint-key "
                              "(or pass --force)");
        e = LS_E_ARG;
    }
    if (e == LS_OK) e = find_set_roots(&m, inputs, n);
    if (e == LS_OK) e = write_run(&m, inputs, n);
    for (size_t i = 0; i < n && e == LS_OK; i++) e = read_input(&m, inputs[i], &runs);
    json_decref(runs);
    json_decref(m.first_run);
    free(m.seen.slot);
    free(m.sets);
    ls_buf_free(&m.block);
    ls_buf_free(&m.fixed);
    ls_buf_free(&m.line);
    return e;
}
