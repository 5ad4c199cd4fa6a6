/*
 * The handler contract: what a format handler sees and the only calls it
 * makes back into the pipeline.
 *
 * A handler gets an object (its bytes as a slice, its name, extension and
 * libmagic type) and may
 *   - ls_emit_text():   append normalised UTF-8 text for the scanner;
 *   - ls_emit_child():  hand over a nested member (the pipeline recurses,
 *                       charges depth/members/bytes, identifies, scans and
 *                       writes its record; the handler never recurses);
 *   - ls_note():        record coverage reasons and alerts;
 *   - ls_budget_*():    charge bytes it expands while producing a member.
 * It never opens files, writes to disk, prints or keeps global state.
 * All input is hostile: read it through ls_slice / ls_cursor only.
 */
#ifndef LS_HANDLER_H
#define LS_HANDLER_H

#include "core/ls_core.h"

struct ls_ctx;

/* Coverage reason and alert tags (strings, as written in the manifest).
 * Tags in the first group are coverage reasons: they make coverage
 * "partial" (or "none" with ls_set_coverage_none). Everything else is an
 * alert. "encrypted" is both. */
#define LS_R_ENCRYPTED "encrypted"
#define LS_R_TRUNCATED "truncated"
#define LS_R_PARSE_ERROR "parse_error"
#define LS_R_UNSUPPORTED "unsupported"
#define LS_R_LIMIT_DEPTH "limit:depth"
#define LS_R_LIMIT_BYTES "limit:bytes"
#define LS_R_LIMIT_MEMBERS "limit:members"
#define LS_R_LIMIT_TEXT "limit:text"
#define LS_R_LIMIT_TIME "limit:time"
#define LS_R_LIMIT_SCAN "limit:scan"
#define LS_R_LIMIT_MEMORY "limit:memory"
#define LS_R_LIMIT_MATCHES "limit:matches"

#define LS_A_ZIP_BOMB "zip_bomb"
#define LS_A_PATH_TRAVERSAL "path_traversal"
#define LS_A_ABSOLUTE_PATH "absolute_path"
#define LS_A_SYMLINK "symlink"
#define LS_A_HARDLINK "hardlink"
#define LS_A_DEVICE "device"
#define LS_A_FIFO "fifo"
#define LS_A_MACRO "macro"
#define LS_A_JAVASCRIPT "javascript"
#define LS_A_OPEN_ACTION "open_action"
#define LS_A_LAUNCH "launch"
#define LS_A_EXT_MISMATCH "ext_mismatch"
#define LS_A_XML_ENTITY "xml_entity"
#define LS_A_EXTERNAL_LINK "external_link"
#define LS_A_DUPLICATE_NAME "duplicate_name"
#define LS_A_BAD_NAME "bad_name"

/*
 * An object: a root file or a member nested inside one. Handlers read the
 * public fields; the rest belongs to the pipeline.
 */
struct ls_object {
    /* ---- public, read-only for handlers ---- */
    struct ls_slice data;        /* the object's bytes (complete or truncated) */
    const uint8_t *name;         /* member name as stored (raw bytes); root: path */
    size_t name_len;
    const char *ext;             /* lower-case extension without dot, "" if none */
    const char *mime;            /* libmagic MIME type, e.g. "application/zip" */
    const char *magic;           /* libmagic description */
    unsigned depth;              /* 0 for a root */
    const struct ls_object *parent;

    /* ---- private to the pipeline ---- */
    uint64_t index;              /* pre-order index within the root */
    void *priv;
};

/* A nested member handed to ls_emit_child(). Everything is borrowed for the
 * duration of the call. */
#define LS_CHILD_MAX_TAGS 8
#define LS_CHILD_TRUNCATED 0x1u /* data is incomplete; give the reason in tags */
#define LS_CHILD_NODATA 0x2u    /* entry has no content (link, dir, device): record only */
struct ls_child {
    const void *name;            /* as stored in the container (raw bytes) */
    size_t name_len;
    struct ls_slice data;
    uint32_t flags;
    const char *tags[LS_CHILD_MAX_TAGS]; /* reasons/alerts for the child, NULL-ended */
    const char *error;           /* message for the child's errors[], or NULL */
    uint64_t declared_size;      /* size the container claims, 0 if unknown */
    /* A MIME type the container's structure vouches for (an mbox message is
     * message/rfc822): libmagic is not run on the child. NULL: identify. */
    const char *mime_hint;
};

struct ls_handler {
    const char *name; /* "zip", "ooxml", "pdf", ... written as the record's handler */
    /* 0..100: how sure the handler is that it can read this object, from
     * evidence it checked (magic bytes, structure). Highest wins; earlier in
     * handlers.def wins ties; 0 means no. */
    int (*probe)(const struct ls_object *o);
    /* Extract text and children. Returning LS_E_TRUNCATED / LS_E_LIMIT /
     * LS_E_TIMEOUT / LS_E_ENCRYPTED / LS_E_CORRUPT marks the object partial
     * with the matching reason (if the handler has not noted one); text and
     * children already emitted are kept. */
    ls_err (*extract)(struct ls_ctx *c, struct ls_object *o);
};

/* Append UTF-8 text (invalid bytes are replaced). Returns LS_E_LIMIT once
 * the object's text budget is full (the pipeline notes limit:text); the
 * handler should then stop producing text. */
ls_err ls_emit_text(struct ls_ctx *c, struct ls_object *o, const void *p, size_t n);
/* Append header-row labelled table values ("SSN: 536221874\tDate of birth:
 * 1980-01-01\n", src/extract/tablectx.h). They are appended to the text
 * after extraction and scanned as text, but a value found both in a cell
 * and in its labelled copy counts once. */
ls_err ls_emit_labels(struct ls_ctx *c, struct ls_object *o, const void *p, size_t n);
/* The object is a message: its subject (UTF-8) goes into the record's
 * "subject", cut to 200 bytes and redacted (digit runs of 6+ digits keep their
 * last 4, an address its first character: the manifest is never a second
 * leak). The first call per object wins. */
void ls_set_subject(struct ls_ctx *c, struct ls_object *o, const void *p, size_t n);
static inline ls_err ls_emit_textz(struct ls_ctx *c, struct ls_object *o, const char *s);

/* Process a nested member depth-first: identify, hash, dispatch, scan and
 * write its record. Returns LS_E_LIMIT when the root's depth, member or
 * byte budget stops it (the pipeline notes it on parent and child), LS_E_TIMEOUT
 * past the root's time budget; the handler should then stop emitting.
 * Other errors concern the child only and are already in its record:
 * LS_OK is returned for them. */
ls_err ls_emit_child(struct ls_ctx *c, struct ls_object *parent, const struct ls_child *ch);

/* Record a coverage reason or an alert (tags above) on o, with an optional
 * printf-style message for the record's errors[] (fmt may be NULL). */
void ls_note(struct ls_ctx *c, struct ls_object *o, const char *tag, const char *fmt, ...)
    LS_PRINTF(4, 5);

/* The handler could read none of the object's content (e.g. encrypted). */
void ls_set_coverage_none(struct ls_ctx *c, struct ls_object *o);

/* The object is not in the handler's format after all (its probe was a
 * guess the content then refuted: lzma_alone's header checks on another
 * binary's bytes). Call it before emitting anything, and return LS_OK: the
 * pipeline forgets the handler and offers the object to the next handler
 * that probes it, else to none (its raw bytes scanned as an object no
 * handler read). Returns LS_E_INTERNAL, changing nothing, once the handler
 * has emitted text, members or notes. */
ls_err ls_decline(struct ls_ctx *c, struct ls_object *o);

/* Charge n bytes a handler has expanded (decompressed) for o to the root's
 * budget. LS_E_LIMIT once exhausted (noted as limit:bytes on o). Handlers
 * that decompress must charge as they produce, before emitting. */
ls_err ls_budget_charge(struct ls_ctx *c, struct ls_object *o, uint64_t n);
/* The same for zeros an archive declares rather than compresses (the holes
 * of a sparse member): charged to the byte budget, and kept out of the
 * root's bomb ratio up to LS_HOLES_FREE bytes per root (past that they
 * count as expansion: many sparse members are a bomb again). */
#define LS_HOLES_FREE (64u << 20)
ls_err ls_budget_charge_holes(struct ls_ctx *c, struct ls_object *o, uint64_t n);
/* True if one more member at depth o->depth+1 would be accepted (depth,
 * members, time). Lets a container skip reading a member it cannot emit. */
bool ls_budget_child_ok(struct ls_ctx *c, const struct ls_object *o);
/* Bytes still allowed to be expanded under this root. */
uint64_t ls_budget_left(const struct ls_ctx *c);
/* The limits in force. */
const struct ls_limits *ls_ctx_limits(const struct ls_ctx *c);
/* True once the root's wall-time budget is spent (check in long loops). */
bool ls_ctx_expired(struct ls_ctx *c);

static inline ls_err ls_emit_textz(struct ls_ctx *c, struct ls_object *o, const char *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return ls_emit_text(c, o, s, n);
}

#endif
