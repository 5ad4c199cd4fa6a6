/*
 * Member-name checks for the archive handler: hostile paths, undecodable
 * names, duplicates and names that go "through" an earlier symlink entry
 * (tar: `link -> /etc`, then `link/passwd`). Nothing here touches a file
 * system; the names are only compared with each other.
 */
#include <stdlib.h>
#include <string.h>

#include "unpack/unpack_names.h"

/* Table load factor 1/2; names are copied into one buffer. */
#define NS_MIN_SLOTS 64u

void unpack_names_init(struct unpack_names *ns)
{
    memset(ns, 0, sizeof *ns);
    ls_buf_init(&ns->text, SIZE_MAX - 1);
}

void unpack_names_free(struct unpack_names *ns)
{
    free(ns->slot);
    ls_buf_free(&ns->text);
    memset(ns, 0, sizeof *ns);
}

static uint64_t fnv1a(struct ls_slice s)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < s.len; i++) {
        h ^= (uint64_t)ls_slice_at(s, i);
        h *= 1099511628211ull;
    }
    return h | 1u; /* 0 marks an empty slot */
}

static bool slot_eq(const struct unpack_names *ns, const struct unpack_name_slot *sl, uint64_t h,
                    struct ls_slice name)
{
    struct ls_slice have;
    if (sl->hash != h || sl->len != name.len) return false;
    if (!ls_slice_sub(ls_buf_slice(&ns->text), sl->off, sl->len, &have)) return false;
    return name.len == 0 || memcmp(have.ptr, name.ptr, name.len) == 0;
}

static struct unpack_name_slot *lookup(const struct unpack_names *ns, struct ls_slice name,
                                       uint64_t h)
{
    if (ns->nslots == 0) return NULL;
    size_t mask = ns->nslots - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        struct unpack_name_slot *sl = &ns->slot[i];
        if (sl->hash == 0 || slot_eq(ns, sl, h, name)) return sl;
    }
}

static ls_err grow(struct unpack_names *ns)
{
    size_t n = ns->nslots ? ns->nslots * 2 : NS_MIN_SLOTS;
    struct unpack_name_slot *old = ns->slot;
    size_t oldn = ns->nslots;
    ns->slot = calloc(n, sizeof *ns->slot);
    if (!ns->slot) {
        ns->slot = old;
        return LS_E_NOMEM;
    }
    ns->nslots = n;
    for (size_t i = 0; i < oldn; i++) {
        if (old[i].hash == 0) continue;
        size_t j = (size_t)old[i].hash & (n - 1);
        while (ns->slot[j].hash) j = (j + 1) & (n - 1);
        ns->slot[j] = old[i];
    }
    free(old);
    return LS_OK;
}

static ls_err names_add(struct unpack_names *ns, struct ls_slice name, unsigned kind, bool *dup);
static bool dot_free(struct ls_slice name, struct ls_buf *out);

/* Strip trailing separators: "dir/" and "dir" are the same entry. */
static struct ls_slice trim(struct ls_slice s)
{
    while (s.len > 1) {
        int ch = ls_slice_at(s, s.len - 1);
        if (ch != '/' && ch != '\\') break;
        s.len--;
    }
    return s;
}

/* "./a.txt", "a//b.txt" and "a/./b.txt" are the files "a.txt" and
 * "a/b.txt" once extracted (tar, unzip and 7-Zip drop empty and "."
 * components): one name for duplicates and symlinks. Writes the name
 * without them to out and returns true when it had any. A leading "/"
 * stays (an absolute name is another file); ".." is left alone (such a
 * name has its path_traversal alert). */
static bool dot_free(struct ls_slice name, struct ls_buf *out)
{
    bool any = false, sep = false;
    size_t start = 0;
    for (size_t i = 0; i <= name.len; i++) {
        if (i < name.len && ls_slice_at(name, i) != '/') continue;
        size_t n = i - start;
        struct ls_slice comp = {name.ptr, 0};
        bool dot = n == 1 && ls_slice_at(name, start) == '.';
        if (n == 0 && start == 0 && i < name.len) { /* the leading "/" of an absolute name */
            if (ls_buf_addc(out, '/') != LS_OK) return false;
        } else if (n == 0 && i == name.len) { /* a trailing "/": trim() has it */
            if (sep && ls_buf_addc(out, '/') != LS_OK) return false;
        } else if (n == 0 || dot) {
            any = true;
        } else {
            if (sep && ls_buf_addc(out, '/') != LS_OK) return false;
            if (!ls_slice_sub(name, start, n, &comp) || ls_buf_add(out, comp.ptr, comp.len) != LS_OK) return false;
            sep = true;
        }
        start = i + 1;
    }
    if (any && out->len == 0 && ls_buf_addc(out, '.') != LS_OK) return false; /* "./" is "." */
    return any;
}

ls_err unpack_names_add(struct unpack_names *ns, struct ls_slice name, unsigned kind, bool *dup)
{
    struct ls_buf canon;
    ls_buf_init(&canon, name.len + 1);
    if (dot_free(name, &canon)) name = ls_buf_slice(&canon);
    ls_err e = names_add(ns, name, kind, dup);
    ls_buf_free(&canon);
    return e;
}

static ls_err names_add(struct unpack_names *ns, struct ls_slice name, unsigned kind, bool *dup)
{
    name = trim(name);
    uint64_t h = fnv1a(name);
    *dup = false;
    if ((ns->count + 1) * 2 > ns->nslots) LS_TRY(grow(ns));
    struct unpack_name_slot *sl = lookup(ns, name, h);
    if (sl->hash) {
        *dup = true;
        sl->kind |= kind;
        return LS_OK;
    }
    LS_FAIL_IF(name.len > UINT32_MAX, LS_E_LIMIT);
    size_t off = ns->text.len;
    LS_TRY(ls_buf_add(&ns->text, name.ptr, name.len));
    sl->hash = h;
    sl->off = off;
    sl->len = (uint32_t)name.len;
    sl->kind = kind;
    ns->count++;
    if (kind & UNPACK_NAME_SYMLINK) ns->symlinks++;
    return LS_OK;
}

static bool through_link(const struct unpack_names *ns, struct ls_slice name, size_t *at);

bool unpack_names_through_link(const struct unpack_names *ns, struct ls_slice name, size_t *at)
{
    if (ns->symlinks == 0) return false;
    struct ls_buf canon;
    ls_buf_init(&canon, name.len + 1);
    if (dot_free(name, &canon)) name = ls_buf_slice(&canon); /* "./link/x" goes through "link" */
    bool r = through_link(ns, name, at);
    ls_buf_free(&canon);
    return r;
}

static bool through_link(const struct unpack_names *ns, struct ls_slice name, size_t *at)
{
    for (size_t i = 1; i < name.len; i++) {
        int ch = ls_slice_at(name, i);
        if (ch != '/' && ch != '\\') continue;
        struct ls_slice pre = trim(ls_slice_make(name.ptr, i));
        const struct unpack_name_slot *sl = lookup(ns, pre, fnv1a(pre));
        if (sl && sl->hash && (sl->kind & UNPACK_NAME_SYMLINK)) {
            *at = i;
            return true;
        }
    }
    return false;
}

static bool is_sep(int ch) { return ch == '/' || ch == '\\'; }

/* ".." as a whole component anywhere in the path. */
static bool has_dotdot(struct ls_slice s)
{
    size_t start = 0;
    for (size_t i = 0; i <= s.len; i++) {
        if (i < s.len && !is_sep(ls_slice_at(s, i))) continue;
        if (i - start == 2 && ls_slice_at(s, start) == '.' && ls_slice_at(s, start + 1) == '.')
            return true;
        start = i + 1;
    }
    return false;
}

static bool is_absolute(struct ls_slice s)
{
    int c0 = ls_slice_at(s, 0), c1 = ls_slice_at(s, 1);
    if (is_sep(c0)) return true; /* "/etc", "\x", "\\server\share" */
    bool alpha = (c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z');
    return alpha && c1 == ':'; /* "C:\x", "C:x" (drive-relative) */
}

/* Spellings of '.', '/', '\' and ':' that are not ASCII but become ASCII on
 * the way to a file system: Unicode look-alikes that Windows' "best fit"
 * code-page conversion maps to ASCII (fullwidth forms, one- and two-dot
 * leaders, division and fraction slashes, set minus), and overlong UTF-8
 * encodings that lax decoders accept (the IIS "..%c0%af" bug). */
struct name_fold {
    const char *from;
    size_t len;
    const char *to;
};

static const struct name_fold name_folds[] = {
    {"\xef\xbc\x8e", 3, "."},  /* U+FF0E fullwidth full stop */
    {"\xe2\x80\xa4", 3, "."},  /* U+2024 one dot leader */
    {"\xe2\x80\xa5", 3, ".."}, /* U+2025 two dot leader */
    {"\xef\xb9\x92", 3, "."},  /* U+FE52 small full stop */
    {"\xef\xbc\x8f", 3, "/"},  /* U+FF0F fullwidth solidus */
    {"\xe2\x88\x95", 3, "/"},  /* U+2215 division slash */
    {"\xe2\x81\x84", 3, "/"},  /* U+2044 fraction slash */
    {"\xe2\xa7\xb8", 3, "/"},  /* U+29F8 big solidus */
    {"\xef\xbc\xbc", 3, "\\"}, /* U+FF3C fullwidth reverse solidus */
    {"\xef\xb9\xa8", 3, "\\"}, /* U+FE68 small reverse solidus */
    {"\xe2\x88\x96", 3, "\\"}, /* U+2216 set minus */
    {"\xe2\xa7\xb9", 3, "\\"}, /* U+29F9 big reverse solidus */
    {"\xef\xbc\x9a", 3, ":"},  /* U+FF1A fullwidth colon */
    {"\xc0\xae", 2, "."},      /* overlong '.' */
    {"\xc0\xaf", 2, "/"},      /* overlong '/' */
    {"\xc1\x9c", 2, "\\"},     /* overlong '\' */
    {"\xe0\x80\xae", 3, "."},
    {"\xe0\x80\xaf", 3, "/"},
    {"\xe0\x81\x9c", 3, "\\"},
};

/* name with every look-alike above replaced by its ASCII; false if nothing
 * was replaced (or out of memory: then the plain checks stand alone). */
static bool fold_name(struct ls_slice name, struct ls_buf *out)
{
    bool any = false;
    size_t i = 0;
    while (i < name.len) {
        const struct name_fold *hit = NULL;
        struct ls_slice rest;
        if (ls_slice_at(name, i) >= 0x80 && ls_slice_from(name, i, &rest))
            for (size_t k = 0; k < sizeof name_folds / sizeof name_folds[0] && !hit; k++)
                if (ls_slice_starts(rest, name_folds[k].from, name_folds[k].len)) hit = &name_folds[k];
        ls_err e = hit ? ls_buf_adds(out, hit->to) : ls_buf_addc(out, (uint8_t)ls_slice_at(name, i));
        if (e != LS_OK) return false;
        any = any || hit;
        i += hit ? hit->len : 1;
    }
    return any;
}

/* Longer than any file system takes: a component over NAME_MAX (255 bytes)
 * or a whole name over PATH_MAX (4096). Extraction fails or truncates. */
#define UNPACK_NAME_MAX 255u
#define UNPACK_PATH_MAX 4096u
static bool too_long(struct ls_slice s)
{
    if (s.len > UNPACK_PATH_MAX) return true;
    size_t start = 0;
    for (size_t i = 0; i <= s.len; i++) {
        if (i < s.len && !is_sep(ls_slice_at(s, i))) continue;
        if (i - start > UNPACK_NAME_MAX) return true;
        start = i + 1;
    }
    return false;
}

/* A component Windows takes for a device whatever its extension (CON,
 * aux.c, "nul .txt", COM1-9, LPT1-9, CONIN$/CONOUT$): extraction there
 * fails, hangs on the console or writes to a port. Case-insensitive;
 * trailing spaces before the extension count as nothing. Noted on the
 * member, not an alert: real source trees hold such names (the Linux
 * kernel's drivers/gpu/drm/nouveau/nvkm/subdev/i2c/aux.c). */
static bool windows_device(struct ls_slice s)
{
    static const char *const dev[] = {"con", "prn", "aux", "nul", "conin$", "conout$"};
    size_t start = 0;
    for (size_t i = 0; i <= s.len; i++) {
        if (i < s.len && !is_sep(ls_slice_at(s, i))) continue;
        size_t end = start;
        while (end < i && ls_slice_at(s, end) != '.') end++;
        while (end > start && ls_slice_at(s, end - 1) == ' ') end--;
        char base[8];
        size_t n = end - start;
        if (n >= 3 && n <= 7) {
            for (size_t k = 0; k < n; k++) {
                int c = ls_slice_at(s, start + k);
                base[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            base[n] = 0;
            for (size_t k = 0; k < sizeof dev / sizeof dev[0]; k++)
                if (strcmp(base, dev[k]) == 0) return true;
            if (n == 4 && (memcmp(base, "com", 3) == 0 || memcmp(base, "lpt", 3) == 0) && base[3] >= '1' &&
                base[3] <= '9')
                return true;
        }
        start = i + 1;
    }
    return false;
}

static bool has_high(struct ls_slice s)
{
    for (size_t i = 0; i < s.len; i++)
        if (ls_slice_at(s, i) >= 0x80) return true;
    return false;
}

static unsigned plain_flags(struct ls_slice name)
{
    unsigned f = 0;
    if (has_dotdot(name)) f |= UNPACK_NAME_TRAVERSAL;
    if (is_absolute(name)) f |= UNPACK_NAME_ABSOLUTE;
    return f;
}

/* A two-byte overlong encoding (0xC0/0xC1 + a continuation byte) of a
 * control character or of '.', '/', ':' or '\\': what a lax decoder turns
 * into a path separator or a dot ("..\xc0\xaf" is "../"). Bytes that are
 * merely not UTF-8 are not hostile: a zip without the UTF-8 flag stores its
 * names in the OEM code page (cp437 "caf\x82"), old tars in Latin-1 or
 * Shift_JIS, and extractors convert them. */
static bool has_overlong_ascii(struct ls_slice s)
{
    for (size_t i = 0; i + 1 < s.len; i++) {
        int b0 = ls_slice_at(s, i), b1 = ls_slice_at(s, i + 1);
        if ((b0 != 0xc0 && b0 != 0xc1) || (b1 & 0xc0) != 0x80) continue;
        int c = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
        if (c < 0x20 || c == '.' || c == '/' || c == ':' || c == '\\' || c == 0x7f) return true;
    }
    return false;
}

unsigned unpack_name_flags(struct ls_slice name)
{
    unsigned f = plain_flags(name);
    if (name.len == 0 || ls_name_hides(name) || has_overlong_ascii(name) || too_long(name))
        f |= UNPACK_NAME_BAD;
    if (windows_device(name)) f |= UNPACK_NAME_WINDEV;
    if (!has_high(name)) return f; /* plain ASCII: nothing to fold */
    struct ls_buf folded;
    ls_buf_init(&folded, UNPACK_PATH_MAX * 4 + 64);
    if (fold_name(name, &folded)) f |= plain_flags(ls_buf_slice(&folded));
    ls_buf_free(&folded);
    return f;
}

/* Where a link entry named name pointing at target would lead once
 * extracted: outside the extraction root (a ".." climbing above it) or to an
 * absolute path. "lib/a -> ../lib64/b" stays inside; "x -> ../../etc" and
 * "x -> /etc/passwd" do not. Look-alikes are folded first. */
unsigned unpack_link_flags(struct ls_slice name, struct ls_slice target)
{
    struct ls_buf folded;
    ls_buf_init(&folded, UNPACK_PATH_MAX * 4 + 64);
    struct ls_slice t = has_high(target) && fold_name(target, &folded) ? ls_buf_slice(&folded) : target;
    unsigned f = is_absolute(t) ? UNPACK_NAME_ABSOLUTE : 0;
    long depth = 0; /* directories below the root where the link lives */
    size_t start = 0;
    for (size_t i = 0; i < name.len; i++)
        if (is_sep(ls_slice_at(name, i))) {
            if (i > start) depth++;
            start = i + 1;
        }
    start = 0;
    for (size_t i = 0; i <= t.len && !(f & UNPACK_NAME_TRAVERSAL); i++) {
        if (i < t.len && !is_sep(ls_slice_at(t, i))) continue;
        size_t n = i - start;
        bool dot = n == 1 && ls_slice_at(t, start) == '.';
        bool dotdot = n == 2 && ls_slice_at(t, start) == '.' && ls_slice_at(t, start + 1) == '.';
        if (dotdot && --depth < 0) f |= UNPACK_NAME_TRAVERSAL;
        else if (n > 0 && !dot && !dotdot) depth++;
        start = i + 1;
    }
    ls_buf_free(&folded);
    return f;
}
