/*
 * What of an image or a font is not text (media.c): the regions that hold
 * pixels, colour tables, colour profiles, compressed image data or glyph
 * programs. An image no handler reads is scanned for printable runs
 * (pipeline.c: its metadata, EXIF/XMP/IPTC strings, PNG text chunks, JPEG
 * and GIF comments, TIFF ASCII tags); these regions are left out of that
 * scan, as their bytes are noise in which digits read as phone and card
 * numbers (a BMP picture of a real docx gave 34 "phones").
 */
#ifndef LS_MEDIA_H
#define LS_MEDIA_H

#include "core/ls_core.h"

/* One region [off, off + len) of the data. */
struct ls_span {
    size_t off, len;
};

/* At most this many regions per object: beyond, the rest is scanned. */
#define LS_MEDIA_MAX_SPANS (1u << 16)

/*
 * The regions of d that are not text, sorted and disjoint, appended to out
 * as struct ls_span (out initialised by the caller, ls_buf_init); the
 * format is known by its signature: BMP, PNG, JPEG, GIF, TIFF, WMF, EMF,
 * TrueType/OpenType fonts and collections. Returns the format's name, or
 * NULL (out empty) when d is none of them. A structure that breaks off
 * ends the walk: what lies after is scanned as before (nothing is left out
 * that the format does not mark as image data).
 */
const char *ls_media_opaque(struct ls_slice d, struct ls_buf *out);

#endif
