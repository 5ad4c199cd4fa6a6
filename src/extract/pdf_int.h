/*
 * Internal interfaces of the PDF handler (src/extract/pdf*.c). Nothing
 * outside src/extract/pdf*.c, tests/unit/test_pdf.c and fuzz/fuzz_pdf*.c
 * includes this header.
 *
 * Ownership: every parsed object lives in the document's arena (struct
 * pdf_arena) and is freed with it; objects never own memory of their own.
 * Slices inside objects point into the arena or into the input.
 */
#ifndef LS_PDF_INT_H
#define LS_PDF_INT_H

#include "core/handler.h"

/* ---- limits (one line of reason each) ---- */
/* Nesting of arrays/dictionaries: real files stay below 10. */
#define PDF_MAX_NEST 64u
/* Object references followed in a chain (1 0 R -> 2 0 R -> ...). */
#define PDF_MAX_REF_HOPS 32u
/* xref sections followed through /Prev and /XRefStm. */
#define PDF_MAX_XREF_SECTIONS 1024u
/* Object numbers accepted: dense table, so bounded by the input size too. */
#define PDF_MAX_OBJECTS (1u << 23)
/* One decoded stream: a 64 MiB page content stream is already absurd. */
#define PDF_MAX_STREAM (64u << 20)
/* Filters in one /Filter array. */
#define PDF_MAX_FILTERS 8u
/* Page tree nesting and pages per document. */
#define PDF_MAX_TREE_DEPTH 64u
#define PDF_MAX_PAGES 1000000u
/* Form XObjects nested inside each other while interpreting content. */
#define PDF_MAX_FORM_DEPTH 8u
/* Objects being loaded inside each other (a stream's /Length in another
 * object, an object stream's own dictionary...): bounds the C stack. */
#define PDF_MAX_LOAD_DEPTH 32u
/* Fonts cached per document (more are rebuilt on each use). */
#define PDF_MAX_FONTS 512u
/* Parsed object memory: 64 MiB plus 8 bytes per input byte, at most 1 GiB. */
#define PDF_ARENA_BASE (64u << 20)
#define PDF_ARENA_FACTOR 8u
#define PDF_ARENA_MAX (1ull << 30)

/* ---- arena ---- */
struct pdf_chunk;
struct pdf_arena {
    struct pdf_chunk *head;
    size_t used; /* bytes handed out, all chunks */
    size_t max;
    bool failed; /* an allocation was refused (limit or out of memory) */
};
void pdf_arena_init(struct pdf_arena *a, size_t max);
/* Zeroed, 16-byte aligned memory, or NULL (limit or out of memory). */
void *pdf_arena_alloc(struct pdf_arena *a, size_t n);
/* Copy bytes into the arena (NUL-terminated); NULL on failure. */
bool pdf_arena_dup(struct pdf_arena *a, struct ls_slice s, struct ls_slice *out);
void pdf_arena_free(struct pdf_arena *a);

/* ---- objects ---- */
enum pdf_kind {
    PDF_NULL = 0,
    PDF_BOOL,
    PDF_INT,
    PDF_REAL,
    PDF_NAME,    /* u.s: decoded name without the slash */
    PDF_STR,     /* u.s: decoded (and decrypted) bytes */
    PDF_ARRAY,
    PDF_DICT,
    PDF_REF,
    PDF_STREAM,
    PDF_KEYWORD, /* u.s: bare word, content stream operator */
};

struct pdf_obj;
struct pdf_kv {
    struct ls_slice key;
    struct pdf_obj *val;
};

struct pdf_obj {
    enum pdf_kind kind;
    union {
        bool b;
        int64_t i;
        double r;
        struct ls_slice s;
        struct {
            struct pdf_obj **v;
            size_t n;
        } a;
        struct {
            struct pdf_kv *v;
            size_t n;
        } d;
        struct {
            uint32_t num, gen;
        } ref;
        struct {
            struct pdf_obj *dict;
            struct ls_slice raw; /* the bytes between stream and endstream (input) */
            uint32_t num, gen;   /* owning object, for decryption */
            bool truncated;      /* endstream missing: raw runs to the end of input */
        } st;
    } u;
};

extern struct pdf_obj pdf_null_obj;

/* Lookup helpers; all accept NULL and return NULL/false on a kind mismatch.
 * They do not resolve references: use pdf_dict_getr() for that. */
struct pdf_obj *pdf_dict_get(const struct pdf_obj *dict, const char *key);
bool pdf_name_is(const struct pdf_obj *o, const char *name);
bool pdf_num(const struct pdf_obj *o, double *v);
bool pdf_int(const struct pdf_obj *o, int64_t *v);
/* A stream's dictionary, or the dictionary itself. */
const struct pdf_obj *pdf_dict_of(const struct pdf_obj *o);

/* ---- lexer ---- */
enum pdf_tok {
    PDF_T_EOF = 0,
    PDF_T_INT,
    PDF_T_REAL,
    PDF_T_NAME,
    PDF_T_STR,       /* literal or hex: decoded bytes in lx->tmp */
    PDF_T_ARR_OPEN,
    PDF_T_ARR_CLOSE,
    PDF_T_DICT_OPEN,
    PDF_T_DICT_CLOSE,
    PDF_T_KEYWORD,   /* word: true false null obj endobj stream R operators */
    PDF_T_BAD,       /* stray delimiter: ) > } { */
};

struct pdf_lex {
    struct ls_cursor cur;
    struct ls_buf tmp; /* decoded string / name of the last token */
};

struct pdf_token {
    enum pdf_tok t;
    int64_t i;
    double r;
    struct ls_slice s; /* NAME/STR: lx->tmp; KEYWORD: the input bytes */
    size_t start;      /* offset of the token in the input */
};

void pdf_lex_init(struct pdf_lex *lx, struct ls_slice in, size_t pos);
void pdf_lex_free(struct pdf_lex *lx);
/* Next token; never fails (EOF at the end, strings cut at the end). */
void pdf_lex_next(struct pdf_lex *lx, struct pdf_token *t);
bool pdf_is_space(int ch);
bool pdf_is_delim(int ch);
/* Decode a literal string body (between the parentheses) into out. */
ls_err pdf_lex_literal(struct ls_slice body, struct ls_buf *out);

/* ---- document ---- */
struct pdf_xent {
    uint64_t off;     /* type 1: offset; type 2: object stream number */
    uint32_t idx;     /* type 2: index inside the object stream */
    uint32_t gen;
    uint8_t type;     /* 0 none/free, 1 in file, 2 in object stream */
    uint8_t busy;     /* being parsed: a reference cycle if seen again */
    uint8_t failed;   /* parse failed once: do not try again */
    struct pdf_obj *obj; /* parsed, cached */
};

struct pdf_crypt;
struct pdf_font;

struct pdf_doc {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ls_slice data;
    struct pdf_arena arena;
    struct pdf_xent *x;
    size_t nx;          /* entries allocated */
    size_t max_obj;     /* object numbers above this are ignored */
    struct pdf_obj *trailer;
    bool scanned;       /* linear recovery scan done */
    bool xref_broken;   /* an older xref section (/Prev) was not found */
    /* sorted offsets of "endstream", built on first need */
    size_t *ends;
    size_t n_ends;
    bool ends_built;
    struct pdf_crypt *crypt; /* NULL: not encrypted (or not decryptable) */
    bool encrypted;     /* /Encrypt present */
    bool crypt_ok;      /* and we can decrypt it */
    bool encrypt_metadata; /* false: /Metadata streams are plain text */
    uint32_t encrypt_num; /* object number of the /Encrypt dictionary (not decrypted) */
    /* sticky problems, turned into the return code */
    bool truncated, corrupt, limited;
    /* fonts cache */
    struct pdf_font *fonts[PDF_MAX_FONTS];
    const struct pdf_obj *font_keys[PDF_MAX_FONTS];
    size_t n_fonts;
    /* stream objects already interpreted as content (forms, shared content) */
    uint8_t *done;      /* per object number bit flags, nx bits */
    unsigned load_depth; /* nested pdf_get() calls */
    uint64_t work;      /* content bytes interpreted */
    uint64_t max_work;
    /* scanned pages (pdf_page_text): a page that shows no text while
     * images cover half of it or more */
    double page_img;      /* area of the images drawn on the page being read */
    double area_scale;    /* |det| of the form matrices around the content read now */
    unsigned pages_read, pages_image_only;
    /* glyphs of Adobe CJK CID fonts without ToUnicode past CID 95: no
     * table maps them (U+FFFD in the text; the object is noted unsupported) */
    uint64_t cjk_unmapped;
};

/* Does the file hold more than one revision: a second %%EOF? (Linearized
 * files have two as well; their objects are each defined once.) */
bool pdf_several_revisions(const struct pdf_doc *d);
/* Definitions the cross-reference no longer points at: objects an
 * incremental update replaced or freed, which stay in the file. Each
 * "N G obj" at the start of a line whose offset is not object N's current
 * one is parsed (not cached) and given to fn, in file order, at most max
 * of them; returns how many. */
typedef void (*pdf_superseded_fn)(void *ud, uint32_t num, struct pdf_obj *o);
size_t pdf_each_superseded(struct pdf_doc *d, size_t max, pdf_superseded_fn fn, void *ud);

/* Set up: xref (or recovery scan), trailer, encryption. */
ls_err pdf_doc_open(struct pdf_doc *d, struct ls_ctx *c, struct ls_object *o);
void pdf_doc_close(struct pdf_doc *d);
/* Object num (generation ignored unless conflicting), parsed and cached;
 * &pdf_null_obj if absent or broken. Never NULL. */
struct pdf_obj *pdf_get(struct pdf_doc *d, uint32_t num);
/* Follow references (bounded); never NULL. */
struct pdf_obj *pdf_resolve(struct pdf_doc *d, struct pdf_obj *o);
struct pdf_obj *pdf_dict_getr(struct pdf_doc *d, const struct pdf_obj *dict, const char *key);
/* Parse one object at the parser position (after "N G obj"); strings are
 * decrypted for object (num, gen) when the document is encrypted. */
struct pdf_parser {
    struct pdf_lex lx;
    struct pdf_doc *d;
    struct pdf_arena *arena;
    bool refs;        /* recognise "N G R" */
    bool decrypt;
    uint32_t num, gen;
    unsigned depth;
    bool bad;         /* something was malformed */
};
void pdf_parser_init(struct pdf_parser *p, struct pdf_doc *d, struct pdf_arena *a,
                     struct ls_slice in, size_t pos);
void pdf_parser_free(struct pdf_parser *p);
/* Parse the value whose first token is t. Never NULL (null on failure). */
struct pdf_obj *pdf_parse_value(struct pdf_parser *p, const struct pdf_token *t);
/* Parse "<value> [stream ... endstream]" after "N G obj"; never NULL. */
struct pdf_obj *pdf_parse_indirect(struct pdf_parser *p, uint32_t num, uint32_t gen);
/* Where a stream's data ends: offset of the matching "endstream" at or
 * after from, or SIZE_MAX. */
size_t pdf_find_endstream(struct pdf_doc *d, size_t from);
void pdf_mark_corrupt(struct pdf_doc *d, const char *fmt, ...) LS_PRINTF(2, 3);

/* ---- filters ---- */
/* Called with every n bytes a decoder produces; non-OK stops it. */
/* n new bytes out; in_used / out_total so far (the ratio check) */
typedef ls_err (*pdf_charge_fn)(void *ud, size_t n, uint64_t in_used, uint64_t out_total);

ls_err pdf_flate_decode(struct ls_slice in, struct ls_buf *out, pdf_charge_fn charge, void *ud);
ls_err pdf_lzw_decode(struct ls_slice in, int early_change, struct ls_buf *out);
ls_err pdf_ahx_decode(struct ls_slice in, struct ls_buf *out);
ls_err pdf_a85_decode(struct ls_slice in, struct ls_buf *out);
ls_err pdf_rl_decode(struct ls_slice in, struct ls_buf *out);
/* TIFF (2) and PNG (10..15) predictors. */
ls_err pdf_predict(struct ls_slice in, int predictor, int colors, int bpc, int columns,
                   struct ls_buf *out);
/* Decrypt (if needed) and decode a stream into out (max: cap bytes).
 * LS_OK; LS_E_LIMIT: cap or budget hit, out holds the first bytes;
 * LS_E_CORRUPT: damaged data, out holds what decoded; LS_E_UNSUPPORTED:
 * an image codec (DCT, JPX, JBIG2, CCITT), out is empty. */
ls_err pdf_stream_decode(struct pdf_doc *d, const struct pdf_obj *stream, size_t cap,
                         struct ls_buf *out);

/* ---- encryption (ISO 32000-1 7.6, standard security handler) ---- */
/* (MD5, SHA-2 and AES come from src/identify/ls_crypto.h.) */
/* RC4 over buf (in place). */
void pdf_rc4(struct ls_slice key, uint8_t *buf, size_t n);
/* AES-128-CBC: in = IV (16) + ciphertext; PKCS#5 padding removed. */
ls_err pdf_aes128_cbc_decrypt(const uint8_t key[16], struct ls_slice in, struct ls_buf *out);
/* Set up decryption with the empty user password. LS_OK if it works,
 * LS_E_ENCRYPTED if not (password needed, unsupported handler). *what gets
 * a short description for the record. */
ls_err pdf_crypt_setup(struct pdf_doc *d, const struct pdf_obj *enc, const char **what);
/* Decrypt bytes of object (num, gen) into out, with the crypt filter for
 * what they are: /StrF, /StmF, or /EFF for embedded file streams. */
enum pdf_crypt_what { PDF_CRYPT_STRING, PDF_CRYPT_STREAM, PDF_CRYPT_EMBEDDED };
ls_err pdf_crypt_decrypt(const struct pdf_doc *d, uint32_t num, uint32_t gen,
                         enum pdf_crypt_what what, struct ls_slice in, struct ls_buf *out);

/* ---- text ---- */
struct pdf_cmap;
/* Parse a CMap: a ToUnicode one (bfchar, bfrange) or a code-to-CID one
 * (cidrange, cidchar, notdefrange, "/Name usecmap"); NULL if nothing
 * usable. Allocated in a. */
struct pdf_cmap *pdf_cmap_parse(struct pdf_arena *a, struct ls_slice data);
/* The CMap a CMap's usecmap names (empty if none), and the one found for
 * it (its codespace and CIDs then count as cm's, after cm's own). */
struct ls_slice pdf_cmap_use_name(const struct pdf_cmap *cm);
void pdf_cmap_set_use(struct pdf_cmap *cm, const struct pdf_cmap *use);
/* Whether cm (or a CMap it uses) maps codes to CIDs. */
bool pdf_cmap_has_cids(const struct pdf_cmap *cm);
/* The CID of a code of nbytes bytes; false (and *cid 0) if none maps it. */
bool pdf_cmap_cid(const struct pdf_cmap *cm, uint32_t code, size_t nbytes, uint32_t *cid);
/* A CMap that maps no code (a codespace alone): Quartz writes such a
 * ToUnicode for fonts whose text it does not know. */
bool pdf_cmap_empty(const struct pdf_cmap *cm);
/* An embedded TrueType font's own 'cmap' (format 12 or 4, Windows or
 * Unicode platform) turned around: map[gid] = the Unicode code point it
 * draws (0: none), for gid < n. Returns how many mappings were read (0: no
 * usable cmap). For Type0 fonts without ToUnicode (Mac OS X Quartz). With
 * mac_order, a glyf font with neither cmap nor post: glyphs 3-97 as the
 * standard Macintosh order's ASCII (space ... tilde). */
size_t pdf_ttf_glyph_unicode(struct ls_slice font, uint32_t *map, size_t n, bool mac_order);
/* The built-in encoding of a CFF font program (FontFile3 /Type1C, or an
 * OpenType font's 'CFF ' table; pdf_cff.c): PDF_CFF_CUSTOM with map[code]
 * = the Unicode of the glyph each code draws (0: none), PDF_CFF_STANDARD
 * when the program says StandardEncoding, 0 when it gives no usable one
 * (damaged, CID-keyed, the Expert encoding). map is always set. */
#define PDF_CFF_CUSTOM 1
#define PDF_CFF_STANDARD 2
int pdf_cff_encoding(struct ls_slice font, uint32_t map[256]);
/* Take the next code from s at *pos (length per the codespace ranges, or
 * fallback bytes); returns the number of bytes (>= 1) or 0 at the end. */
size_t pdf_cmap_code(const struct pdf_cmap *cm, struct ls_slice s, size_t pos, int fallback,
                     uint32_t *code);
/* pdf_cmap_code for a code-to-CID CMap: bytes no codespace range holds
 * are a code a CID entry names, when one does (the shortest). */
size_t pdf_cmap_code_cid(const struct pdf_cmap *cm, struct ls_slice s, size_t pos, int fallback,
                         uint32_t *code);
/* Append the Unicode text for code as UTF-8; false if unmapped. */
bool pdf_cmap_map(const struct pdf_cmap *cm, uint32_t code, size_t nbytes, struct ls_buf *out,
                  ls_err *err);

/* Decode a PDF text string (UTF-16BE/LE with BOM, UTF-8 with BOM, else
 * PDFDocEncoding) and append it as UTF-8. */
ls_err pdf_text_string(struct ls_slice s, struct ls_buf *out);
/* ASCII spelling of a Latin ligature (U+FB00..U+FB06: "ff", "fi", ...),
 * or NULL: "conﬁdential" must still match "confidential". */
const char *pdf_ligature(uint32_t cp);
/* Append cp as UTF-8, ligatures spelled out. */
ls_err pdf_put_cp(struct ls_buf *out, uint32_t cp);
/* Glyph name to Unicode ("a", "uni0041", "u1F600", common names); 0 if unknown. */
uint32_t pdf_glyph_unicode(struct ls_slice name);

/* Text of every page (page tree order), through ls_emit_text. */
struct pdf_textout {
    struct pdf_doc *d;
    struct ls_buf buf;
    ls_err err; /* sticky: LS_E_LIMIT once the text budget is full */
    int last;   /* last byte added (survives flushes), -1 if none */
    uint64_t *lines; /* NULL, or hashes of the lines flushed (pdf_textout_keep_lines) */
    size_t nlines, line_slots; /* lines kept; slots of lines (a power of two) */
    bool scratch;    /* a buffer the caller reads: flushes keep the text (up to 4 MiB) */
    uint64_t shown;  /* bytes added but lone separators (a page showed text or not) */
    uint64_t flushes; /* times buf was handed on (an offset into it is stale after one) */
    /* Spacing accents drawn over a glyph next to them (a show started
     * behind the accent's end, or an accent behind the last glyph's): the
     * accent's offset in buf and the side of its letter (+1 after, -1
     * before); pdf_textout_tidy composes them. */
    uint32_t accent_at[64];
    int8_t accent_side[64];
    size_t naccents;
};
void pdf_textout_init(struct pdf_textout *t, struct pdf_doc *d);
ls_err pdf_textout_add(struct pdf_textout *t, const void *p, size_t n);
ls_err pdf_textout_sep(struct pdf_textout *t, char sep);
ls_err pdf_textout_flush(struct pdf_textout *t);
/* Join words broken at line ends ("acci-" / "dental") and accents drawn
 * over letters ("e" under an acute) in t->buf; flushes do it. */
void pdf_textout_tidy(struct pdf_textout *t);
/* Remember (a hash of) every line flushed from now on, up to 65,536. */
void pdf_textout_keep_lines(struct pdf_textout *t);
/* Was this line flushed already (whole, kept by pdf_textout_keep_lines)? */
bool pdf_textout_had_line(const struct pdf_textout *t, struct ls_slice line);
void pdf_textout_free(struct pdf_textout *t);

/* Interpret one page (content streams, forms); page is a /Page dict. */
ls_err pdf_page_text(struct pdf_doc *d, const struct pdf_obj *page, struct pdf_textout *t);
/* Text of a stream no page shows now (an earlier revision's page content
 * or form), interpreted in the resources of page (a /Page dict whose
 * resources it had; NULL: its own /Resources, else none). */
ls_err pdf_stream_text(struct pdf_doc *d, const struct pdf_obj *stream, const struct pdf_obj *page,
                       struct pdf_textout *t);
/* Interpret a content stream in the given resources (exposed for tests). */
ls_err pdf_content_text(struct pdf_doc *d, struct ls_slice content, const struct pdf_obj *res,
                        struct pdf_textout *t, unsigned depth);
bool pdf_done_test_set(struct pdf_doc *d, uint32_t num);
/* Text of an annotation's normal appearance stream (/AP /N: a filled form
 * field's value as drawn, a FreeText box, a stamp); once per stream. */
ls_err pdf_appearance_text(struct pdf_doc *d, struct pdf_obj *ap, struct pdf_textout *t);

/* The subject names (and subjectAltName e-mail addresses) of the
 * certificates inside a signature's /Contents (DER CMS / PKCS#7), as
 * "signer certificate: ..." lines appended to out (pdf_sig.c). Nothing
 * for a blob that does not decode. */
ls_err pdf_sig_certs(struct ls_slice der, struct ls_buf *out);

#endif
