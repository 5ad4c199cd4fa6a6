/*
 * Deflate64 ("enhanced deflate", zip method 9): what Windows Explorer's
 * compressed folders and 7-Zip's zip writer (-mm=Deflate64) write, and what
 * libarchive 3.6 does not decode ("Unsupported ZIP compression method").
 * The format is deflate (RFC 1951) with a 64 KiB window, length code 285
 * meaning 3 + a 16-bit extra, and distance codes 30 and 31 (32769 and
 * 49153, 14 extra bits each).
 *
 * A plain decoder over a slice (its one allocation is its 128 KiB window),
 * output handed to the caller through a callback, which may refuse
 * (budget, bomb ratio). Codes are decoded bit by bit (canonical Huffman
 * counts): simple, and fast enough for what a dump holds in this method.
 */
#ifndef LS_INFLATE64_H
#define LS_INFLATE64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum ls_i64_result {
    LS_I64_DONE = 0,   /* the final block was decoded */
    LS_I64_SHORT,      /* the input ended first (cut member) */
    LS_I64_BAD,        /* invalid data (a code, a distance past the start, ...) */
    LS_I64_STOPPED,    /* the output callback refused */
    LS_I64_NOMEM,      /* the window could not be allocated */
};

/* out(ud, p, n): take n more decoded bytes (p points into the window; they
 * stay valid until the next call). Non-zero stops the decoder. Every 4096
 * blocks it is also called with (NULL, 0), so a caller can stop a stream
 * that decodes to nothing (a deadline). 
 * *produced: bytes handed to out; *used: input bytes consumed. */
enum ls_i64_result ls_inflate64(const uint8_t *in, size_t len, int (*out)(void *ud, const uint8_t *p, size_t n),
                                void *ud, uint64_t *produced, size_t *used);

#endif
