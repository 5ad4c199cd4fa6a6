/*
 * Internals of src/unpack/ shared by the archive handler (archive.c), the
 * zip member reader (zipread.c) and their unit tests. The only folder that
 * includes <archive.h>.
 *
 *   unpack_session  a libarchive reader over an in-memory slice, with our own
 *                   read/seek/skip callbacks (they count the compressed bytes
 *                   handed to libarchive, for the per-member ratio check) and
 *                   a private UTF-8 LC_CTYPE (uselocale) so names stored as
 *                   UTF-8 (zip flag 11, 7z, rar5, pax) come out as bytes;
 *   unpack_sink     where a member's bytes go: an ls_buf up to a threshold,
 *                   then an unlinked temporary file that is mapped at the end;
 *   unpack_meter    the budget: a charge callback (ls_budget_charge in
 *                   production, a counter in tests), a ratio and a floor;
 *   unpack_read     reads the current entry's data through a meter into a
 *                   sink, never past what the meter allows.
 */
#ifndef LS_UNPACK_INT_H
#define LS_UNPACK_INT_H

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include "core/handler.h"

/* Bytes handed to libarchive per read callback: bounds the error of the
 * per-member compressed-byte count used by the ratio check. */
#define UNPACK_BLOCK (16u * 1024u)
/* Entries libarchive may RETRY in a row before we give up on the archive. */
#define UNPACK_MAX_RETRY 16u
/* Bytes of a libarchive message kept (it may quote a whole hostile name). */
#define UNPACK_ERR_SHOWN 200u

enum unpack_mode {
    UNPACK_MODE_ZIP = 1, /* zip only, no filters (zipread) */
    UNPACK_MODE_ANY = 2, /* every format and filter, raw for single streams */
    UNPACK_MODE_RAW = 3, /* every filter, raw format only (one stream) */
    UNPACK_MODE_ZIP_LOCAL = 4, /* zip by its local headers only (streaming reader) */
};

struct unpack_session {
    struct archive *a;
    struct ls_slice in;
    size_t pos;        /* read position of the callbacks within in */
    uint64_t handed;   /* bytes given to libarchive so far (read callback) */
    locale_t loc;      /* UTF-8 LC_CTYPE for libarchive's name conversion */
    char err[256];     /* last libarchive error text ("" if none) */
    /* A dry read (unpack_archive.c, 7z folders): while `dry` is set every
     * read is refused, so libarchive decodes nothing past the bytes it
     * holds; dry_at is the read position at the first refused read, -1 if
     * no seek came before it (dry_seek: a seek came while dry), -2 if no
     * read came. */
    bool dry, dry_seek;
    int64_t dry_at;
    /* Zero bytes handed to libarchive after `in` ends (reads only; seeks
     * and skips stop at in's end): a RAR 5 split set read joined, whose
     * reader looks for the next volume's signature 512 bytes at a time
     * and cut a member continued into a last volume of fewer bytes. */
    size_t pad, padded;
};

/* Open a session over s. On LS_E_CORRUPT/LS_E_UNSUPPORTED, ss->err says why;
 * the session must still be closed. */
ls_err unpack_open(struct unpack_session *ss, struct ls_slice s, enum unpack_mode mode);
/* The same with libarchive reader options (archive_read_set_options syntax,
 * "lha:hdrcharset=CP932"), set under the session's locale; NULL: none. */
ls_err unpack_open_with(struct unpack_session *ss, struct ls_slice s, enum unpack_mode mode,
                        const char *options);

/* The decoded size of every stream of the xz file d, from its indexes read
 * backwards (unpack_archive.c); *first: the first stream's. 0 if d does not
 * parse as xz streams. */
uint64_t unpack_xz_decoded_size(struct ls_slice d, uint64_t *first);
/* Whether the zstd file d holds more than a tar that used `used` decoded
 * bytes: a frame starting at or past them (or after a frame of unknown
 * size), or declared sizes more than pad past
 * them (unpack_archive.c). */
bool unpack_zstd_more(struct ls_slice d, uint64_t used, uint64_t pad);
/* Where the last bzip2 stream of d begins, if past offset 0; 0 if d holds
 * one (unpack_archive.c). */
size_t unpack_bzip2_last_stream(struct ls_slice d);
/* Whether d, a decoded piece of a stream, looks like the end of one tar
 * (cpio: or cpio) and not the start of another archive. */
bool unpack_archive_end_shape(struct ls_slice d, bool cpio);
void unpack_close(struct unpack_session *ss);
/* archive_read_next_header under the session's locale; copies the error
 * text into ss->err when the result is not ARCHIVE_OK. */
int unpack_next(struct unpack_session *ss, struct archive_entry **e);

/* ---- sinks ---- */
struct unpack_sink {
    struct ls_buf mem;     /* in-memory part (own buffer) */
    struct ls_buf *ext;    /* if set, bytes go here only (never spilled) */
    int fd;                /* spill file, -1 until spilled */
    uint64_t len;          /* bytes in the sink */
    uint64_t spill_at;     /* spill once len would pass this; 0 = never */
    void *map;             /* mapping of the spill file after finish */
    size_t map_len;
    const char *spill_kind; /* "O_TMPFILE" or "memfd" once spilled */
};

void unpack_sink_init(struct unpack_sink *k, uint64_t spill_at);
void unpack_sink_init_ext(struct unpack_sink *k, struct ls_buf *ext);
/* Append; LS_E_LIMIT if an external buffer's max cut it (what fit is kept),
 * LS_E_IO / LS_E_NOMEM if spilling failed. */
ls_err unpack_sink_add(struct unpack_sink *k, const void *p, size_t n);
/* The sink's bytes (maps the spill file if any). */
ls_err unpack_sink_slice(struct unpack_sink *k, struct ls_slice *out);
void unpack_sink_free(struct unpack_sink *k);

/* ---- reading one entry ---- */
struct unpack_meter {
    /* Charge n expanded bytes; non-OK (LS_E_LIMIT) stops the read. */
    ls_err (*charge)(void *ud, uint64_t n);
    void *ud;
    uint64_t max;        /* bytes of this member to keep, at most */
    unsigned ratio;      /* bomb: out > floor and out / in > ratio (0 = off) */
    uint64_t floor;
    bool (*expired)(void *ud); /* wall-time budget, may be NULL */
    /* Sparse holes: up to hole_free bytes of them count toward neither
     * ratio; they are charged through charge_holes (charge if NULL). */
    uint64_t hole_free;
    ls_err (*charge_holes)(void *ud, uint64_t n);
    uint64_t skip;       /* bytes at the entry's start to pass over, neither
                          * kept nor charged (an earlier read charged them);
                          * block offsets are then ignored (raw streams only) */
    uint64_t tail_to;    /* a sparse entry: its size; libarchive hands on no
                          * block for a hole at its end, whose zeros are
                          * added once the data is read (0: none) */
};

enum unpack_stop {
    UNPACK_DONE = 0,     /* the whole entry was read */
    UNPACK_CUT_MAX,      /* meter->max reached (or the sink's own cap) */
    UNPACK_CUT_BUDGET,   /* charge() refused */
    UNPACK_CUT_BOMB,     /* expansion ratio past the floor */
    UNPACK_CUT_TIME,     /* expired() */
    UNPACK_ENCRYPTED,    /* libarchive could not decrypt */
    UNPACK_FAILED,       /* ARCHIVE_FAILED / WARN mid-entry: entry damaged */
    UNPACK_FATAL,        /* ARCHIVE_FATAL: the archive cannot go on */
    UNPACK_SINK_ERROR,   /* spill failed (I/O, memory) */
};

struct unpack_result {
    enum unpack_stop stop;
    uint64_t out;        /* bytes produced (and charged), holes included */
    uint64_t in;         /* compressed bytes libarchive consumed, approx. */
    bool warned;         /* libarchive warned mid-entry (data kept; text in ss->err) */
    uint64_t skipped;    /* bytes passed over (meter->skip) */
};

/* Read the current entry's data into k. Every byte is charged before it is
 * stored; sparse holes are charged and zero-filled. */
void unpack_read(struct unpack_session *ss, const struct unpack_meter *m, struct unpack_sink *k,
                 struct unpack_result *res);

/* Tag and text for a stop that is not UNPACK_DONE (NULL tag for DONE). */
const char *unpack_stop_tag(enum unpack_stop s);

#endif
