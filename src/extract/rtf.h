/*
 * RTF reader (rtf_parse.c), separate from the handler (rtf.c) so unit tests
 * can drive it without a pipeline. Pure: no allocation outside its own
 * bounded buffers, no I/O.
 */
#ifndef LS_RTF_H
#define LS_RTF_H

#include "core/ls_core.h"

/* Groups nested deeper than this are skipped (their text is lost and
 * rtf_result.depth_cut is set); the reader's state stays a fixed array. */
#define RTF_MAX_DEPTH 256u

struct rtf_sink {
    void *ud;
    /* UTF-8 text, in pieces. A non-OK return stops the reader. */
    ls_err (*text)(void *ud, struct ls_slice utf8);
    /* One embedded object (\objdata): the OLE1 native data or, for an
     * OLE Packager object, the packaged file; name is the packaged file name
     * or "" (borrowed). truncated: the data was cut at max_object. */
    ls_err (*object)(void *ud, struct ls_slice data, const char *name, bool truncated);
};

struct rtf_result {
    bool not_rtf;      /* did not start with {\rtf */
    bool truncated;    /* input ended inside a group or inside \bin data */
    bool depth_cut;    /* groups deeper than RTF_MAX_DEPTH were skipped */
    unsigned objects;  /* \objdata groups seen */
    unsigned codepage; /* \ansicpg (0 if none) */
    /* First code page in force for an 8-bit character that has no table
     * (multibyte: 932, 936, 949, 950, 1361; or any unknown \ansicpg /
     * \cpg); those bytes were read as Windows-1252. 0 if none. */
    unsigned unsupported_cp;
};

/* Read in, calling sink. max_object caps the bytes kept per \objdata.
 * Returns LS_OK or the first error a sink callback returned (LS_E_NOMEM
 * if a buffer could not grow). Damage is reported in *res, not as errors. */
ls_err rtf_parse(struct ls_slice in, const struct rtf_sink *sink, size_t max_object,
                 struct rtf_result *res);

/* OLE 1.0 object ([MS-OLEDS] 2.2.4 ObjectHeader + EmbeddedObject): the
 * native data and class name (cut to cap). false if obj is not one. */
bool rtf_ole1_native(struct ls_slice obj, struct ls_slice *native, char *cls, size_t cap);
/* OLE Packager native data: the packaged file and its name (cut to cap).
 * false if native is not in that layout. */
bool rtf_package_file(struct ls_slice native, struct ls_slice *file, char *name, size_t cap);

#endif
