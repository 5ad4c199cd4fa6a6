/*
 * CID -> Unicode tables of the Adobe CJK character collections (Adobe
 * Technical Notes #5078 Japan1, #5079 GB1, #5080 CNS1, #5093 Korea1), as
 * Debian's poppler-data ships them: /usr/share/poppler/cidToUnicode/Adobe-X,
 * one line per CID from 0, each the hexadecimal code point (0000: none).
 * Read once before the workers fork (see pdf_cidu.h); the files are the
 * system's, not the scanned input, but are still read with bounds: at most
 * PDF_CIDU_FILE_MAX bytes, PDF_CIDU_MAX_CIDS lines, code points <= U+10FFFF
 * (a longer or malformed line maps its CID to nothing).
 *
 * With them, the predefined code-to-CID CMaps of the four collections
 * (ISO 32000-1 9.7.5.2 Table 118: 90ms-RKSJ-H, EUC-H, GBK-EUC-H, B5pc-H,
 * CNS-EUC-H, KSC-Johab-H ...; /usr/share/poppler/cMap/Adobe-X/NAME, Adobe's
 * CMap resources): every file of those directories that maps codes to
 * CIDs (not the Uni* ones, whose codes are Unicode and are decoded as such,
 * nor the CID-to-CID and UCS2 tables), parsed by the PDF reader's CMap
 * parser (pdf_cmap.c) into one arena, their usecmap links resolved within
 * the collection. Bounded: PDF_CIDU_MAX_CMAPS files, each read up to
 * PDF_CIDU_CMAP_MAX bytes, PDF_CIDU_ARENA_MAX bytes parsed in all.
 */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/ls_core.h"
#include "extract/pdf_cidu.h"
#include "extract/pdf_int.h"

/* A table file read at most (the largest, Adobe-GB1, is 151 KB). */
#define PDF_CIDU_FILE_MAX (4u << 20)
/* CIDs per collection kept at most (Adobe-GB1-6 has 30,284; CIDs are 16-bit). */
#define PDF_CIDU_MAX_CIDS 65536u

/* Predefined CMaps kept at most (poppler-data 0.4.12 ships 113 of them). */
#define PDF_CIDU_MAX_CMAPS 256u
/* One CMap file read at most (the largest, GBK2K-H, is 91 KB). */
#define PDF_CIDU_CMAP_MAX (1u << 20)
/* All parsed CMaps together (the 113 take about 1 MB). */
#define PDF_CIDU_ARENA_MAX (32u << 20)
#define PDF_CIDU_NAME_MAX 32u

struct cidu_cmap {
    char name[PDF_CIDU_NAME_MAX];
    enum pdf_cjk o;
    struct pdf_cmap *cm;
};

static struct cidu_cmap cidu_cmaps[PDF_CIDU_MAX_CMAPS];
static size_t cidu_ncmaps;
static struct pdf_arena cidu_arena;

struct cidu_table {
    uint32_t *v;
    size_t n;
};

static struct cidu_table cidu_tables[PDF_CJK_N];
static pthread_once_t cidu_once = PTHREAD_ONCE_INIT;
static unsigned cidu_count;

/* The file at path, whole, into a malloc'd buffer (NULL if unreadable or
 * past the cap). */
static uint8_t *cidu_read(const char *path, size_t cap, size_t *len)
{
    *len = 0;
    /* non-blocking, and a regular file only: a FIFO or device named by
     * $LEAKSIFT_POPPLER_DATA must not hold up the start of a scan */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return NULL;
    }
    uint8_t *b = malloc(cap);
    size_t n = 0;
    while (b && n < cap) {
        ssize_t r = read(fd, b + n, cap - n);
        if (r < 0) {
            free(b);
            b = NULL;
        }
        if (r <= 0) break;
        n += (size_t)r;
    }
    close(fd);
    if (b && n == cap) { /* past the cap: not the file we know */
        free(b);
        b = NULL;
    }
    *len = b ? n : 0;
    return b;
}

static int cidu_hex(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* One line's code point: 1 to 6 hex digits, nothing else; 0 otherwise. */
static uint32_t cidu_line(struct ls_slice line)
{
    uint32_t v = 0;
    if (line.len == 0 || line.len > 6) return 0;
    for (size_t i = 0; i < line.len; i++) {
        int h = cidu_hex(ls_slice_at(line, i));
        if (h < 0) return 0;
        v = v << 4 | (uint32_t)h;
    }
    return v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF) ? v : 0;
}

static void cidu_parse(struct ls_slice s, struct cidu_table *t)
{
    size_t lines = 0;
    for (size_t i = 0; i < s.len; i++)
        if (ls_slice_at(s, i) == '\n') lines++;
    if (s.len && ls_slice_at(s, s.len - 1) != '\n') lines++;
    if (lines > PDF_CIDU_MAX_CIDS) lines = PDF_CIDU_MAX_CIDS;
    if (lines == 0) return;
    uint32_t *v = calloc(lines, sizeof *v);
    if (!v) return;
    size_t cid = 0, start = 0;
    for (size_t i = 0; i <= s.len && cid < lines; i++) {
        if (i < s.len && ls_slice_at(s, i) != '\n') continue;
        struct ls_slice line;
        size_t end = i > start && ls_slice_at(s, i - 1) == '\r' ? i - 1 : i;
        if (ls_slice_sub(s, start, end - start, &line)) v[cid] = cidu_line(line);
        cid++;
        start = i + 1;
    }
    t->v = v;
    t->n = cid;
}

/* A file of cMap/Adobe-X/ that maps legacy codes to CIDs: not the Uni*
 * CMaps (Unicode codes, decoded as such), the Adobe-X-N CID-to-CID and
 * UCS2 tables, nor a name a PDF could not give in full. */
static bool cidu_cmap_name(const char *n)
{
    size_t len = strlen(n);
    if (len == 0 || len >= PDF_CIDU_NAME_MAX || n[0] == '.') return false;
    if (strncmp(n, "Adobe-", 6) == 0 || strncmp(n, "Uni", 3) == 0 || strncmp(n, "Identity", 8) == 0)
        return false;
    return strstr(n, "UCS2") == NULL;
}

static void cidu_cmap_file(const char *dir, const char *name, enum pdf_cjk o)
{
    size_t plen = strlen(dir) + strlen(name) + 2;
    char *path = malloc(plen);
    if (!path) return;
    (void)snprintf(path, plen, "%s/%s", dir, name);
    size_t len = 0;
    uint8_t *b = cidu_read(path, PDF_CIDU_CMAP_MAX, &len);
    free(path);
    if (!b) return;
    struct pdf_cmap *cm = pdf_cmap_parse(&cidu_arena, ls_slice_make(b, len));
    free(b);
    if (!cm || (!pdf_cmap_has_cids(cm) && !pdf_cmap_use_name(cm).len)) return;
    struct cidu_cmap *e = &cidu_cmaps[cidu_ncmaps++];
    (void)snprintf(e->name, sizeof e->name, "%s", name);
    e->o = o;
    e->cm = cm;
}

static struct cidu_cmap *cidu_cmap_find(struct ls_slice name, enum pdf_cjk o)
{
    for (size_t i = 0; i < cidu_ncmaps; i++)
        if ((o == PDF_CJK_NONE || cidu_cmaps[i].o == o) && ls_slice_eq_str(name, cidu_cmaps[i].name))
            return &cidu_cmaps[i];
    return NULL;
}

static void cidu_load_cmaps(const char *root, const char *const *names)
{
    pdf_arena_init(&cidu_arena, PDF_CIDU_ARENA_MAX);
    for (unsigned o = 1; o < PDF_CJK_N; o++) {
        size_t plen = strlen(root) + strlen(names[o]) + sizeof "/cMap/";
        char *dir = malloc(plen);
        if (!dir) continue;
        (void)snprintf(dir, plen, "%s/cMap/%s", root, names[o]);
        DIR *dh = opendir(dir);
        struct dirent *de;
        while (dh && (de = readdir(dh)) != NULL && cidu_ncmaps < PDF_CIDU_MAX_CMAPS)
            if (cidu_cmap_name(de->d_name)) cidu_cmap_file(dir, de->d_name, (enum pdf_cjk)o);
        if (dh) closedir(dh);
        free(dir);
    }
    /* the V CMaps use their H one, and a few others another: the CMap
     * named, in the same collection */
    for (size_t i = 0; i < cidu_ncmaps; i++) {
        struct ls_slice use = pdf_cmap_use_name(cidu_cmaps[i].cm);
        struct cidu_cmap *u = use.len ? cidu_cmap_find(use, cidu_cmaps[i].o) : NULL;
        if (u) pdf_cmap_set_use(cidu_cmaps[i].cm, u->cm);
    }
}

static void cidu_load_once(void)
{
    static const char *const names[PDF_CJK_N] = {NULL, "Adobe-Japan1", "Adobe-GB1", "Adobe-CNS1", "Adobe-Korea1"};
    const char *dir = getenv("LEAKSIFT_POPPLER_DATA");
    if (!dir || !*dir) dir = "/usr/share/poppler";
    cidu_load_cmaps(dir, names);
    for (unsigned o = 1; o < PDF_CJK_N; o++) {
        size_t plen = strlen(dir) + strlen(names[o]) + sizeof "/cidToUnicode/";
        char *path = malloc(plen);
        if (!path) continue;
        (void)snprintf(path, plen, "%s/cidToUnicode/%s", dir, names[o]);
        size_t len = 0;
        uint8_t *b = cidu_read(path, PDF_CIDU_FILE_MAX, &len);
        free(path);
        if (!b) continue;
        cidu_parse(ls_slice_make(b, len), &cidu_tables[o]);
        free(b);
        if (cidu_tables[o].n > 96) cidu_count++; /* past the ASCII the PDF reader knows anyway */
    }
}

unsigned ls_pdf_cidu_load(void)
{
    (void)pthread_once(&cidu_once, cidu_load_once);
    return cidu_count;
}

uint32_t pdf_cidu_map(enum pdf_cjk o, uint32_t cid)
{
    if ((unsigned)o >= PDF_CJK_N || !cidu_tables[o].v || cid >= cidu_tables[o].n) return 0;
    return cidu_tables[o].v[cid];
}

bool pdf_cidu_have(enum pdf_cjk o)
{
    return (unsigned)o < PDF_CJK_N && cidu_tables[o].n > 96;
}

const struct pdf_cmap *pdf_cidu_cmap(struct ls_slice name, enum pdf_cjk *o)
{
    *o = PDF_CJK_NONE;
    const struct cidu_cmap *e = name.len ? cidu_cmap_find(name, PDF_CJK_NONE) : NULL;
    if (!e) return NULL;
    *o = e->o;
    return e->cm;
}

size_t ls_pdf_cidu_cmaps(void)
{
    return cidu_ncmaps;
}
