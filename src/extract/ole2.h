/*
 * Shared state of the OLE2 family of handlers (ole2, msg): the compound
 * file, the object being extracted, and a text stage that batches output
 * into ls_emit_text(). Internal to src/extract/ole2*.c and msg*.c.
 */
#ifndef LS_OLE2_H
#define LS_OLE2_H

#include "core/handler.h"
#include "extract/ole2_cfb.h"

/* Staged text is handed to ls_emit_text() in chunks of about this size. */
#define OLE2_TEXT_CHUNK (64u * 1024u)
/* Embedded messages/objects walked inside one handler call (msg). */
#define OLE2_MAX_NEST 8u

struct ole2_job {
    struct ls_ctx *c;
    struct ls_object *o;
    struct ole2_cfb *f;
    struct ls_buf text;  /* staged UTF-8, flushed by ole2_flush */
    bool text_full;      /* ls_emit_text said LS_E_LIMIT: stop producing text */
    bool stop;           /* a child budget was exhausted: stop emitting children */
    unsigned children;   /* children emitted so far */
    size_t copied;       /* bytes of object payloads and storages handed on: at most
                          * twice the file's size (ole2_copy_ok()) */
};

/* Whether n more bytes copied out of the file (an object's payload, a
 * storage exported as a file) keep the job within twice the file's size:
 * the directory may point any number of entries at one chain of sectors.
 * Notes parse_error and stops the job's children when not. */
bool ole2_copy_ok(struct ole2_job *j, size_t n);

void ole2_job_init(struct ole2_job *j, struct ls_ctx *c, struct ls_object *o, struct ole2_cfb *f);
/* Flushes staged text and frees the stage. */
ls_err ole2_job_finish(struct ole2_job *j);

/* Text output. All return LS_E_LIMIT once the text budget is full. */
ls_err ole2_flush(struct ole2_job *j);
ls_err ole2_put(struct ole2_job *j, const char *s);
ls_err ole2_put_n(struct ole2_job *j, const void *p, size_t n);
ls_err ole2_put_cp(struct ole2_job *j, uint32_t cp);
ls_err ole2_put_utf16(struct ole2_job *j, struct ls_slice s);
ls_err ole2_put_cp1252(struct ole2_job *j, struct ls_slice s);
/* s in the code page cp (NULL: Windows-1252), as UTF-8. */
ls_err ole2_put_codepage(struct ole2_job *j, const struct ls_codepage *cp, struct ls_slice s);
/* "label: value\n" with value as UTF-16LE or cp1252 (skipped if empty). */
ls_err ole2_put_field(struct ole2_job *j, const char *label, struct ls_slice v, bool utf16);
/* Format a double the way a spreadsheet shows a plain number: integral
 * values as digits (536221874, not 5.36E+08), others with up to 15
 * significant digits. */
ls_err ole2_put_number(struct ole2_job *j, double v);

/* Read stream `idx` (or the child `name` of `storage`) into out, up to the
 * file length. Damage is recorded in j->f. LS_E_ARG if absent. */
ls_err ole2_read(struct ole2_job *j, uint32_t idx, struct ls_buf *out);
ls_err ole2_read_named(struct ole2_job *j, uint32_t storage, const char *name, struct ls_buf *out);

/* A font's charset (Word's FFN chs, BIFF's FONT bCharSet) to the Windows
 * code page of its text; 0 for ANSI, DEFAULT, SYMBOL, Mac, OEM and unknown
 * charsets (ole2_doc.c). */
unsigned ole2_charset_cp(uint8_t chs);

/* The metafile pictures (OfficeArtBlipEMF/WMF records, found by their
 * shape: a whole record with a valid metafile header) in s, a stream of a
 * Word or Excel file that holds OfficeArt pictures (a .doc's Data stream
 * and WordDocument's BStore delay blips, an .xls's drawing group), handed
 * on as children WHERE/picture-N.emf|wmf, inflated when compressed; *n
 * counts them across calls (ole2_ppt.c). */
ls_err ole2_blip_scan(struct ole2_job *j, struct ls_slice s, const char *where, unsigned *n);

/* Hand bytes to the pipeline as a child. Sets j->stop when the budget says
 * no more. flags/tag describe a truncated child (tag may be NULL). */
ls_err ole2_child(struct ole2_job *j, const char *name, size_t name_len, struct ls_slice data,
                  bool truncated);
/* Export storage idx as a compound file and hand it over as a child. */
ls_err ole2_child_storage(struct ole2_job *j, uint32_t idx, const char *name);
/* body = u32 decompressed size + zlib stream: inflated (bounded, charged)
 * and handed on as child name (ole2_ppt.c). */
ls_err ole2_zchild(struct ole2_job *j, const char *name, struct ls_slice body);

/* Format extractors, each on the storage `st` of j->f. They emit text (and
 * children), note what they could not read, and return LS_OK,
 * LS_E_ENCRYPTED, or the first error that made their output partial. */
ls_err ole2_doc_extract(struct ole2_job *j, uint32_t st);
ls_err ole2_xls_extract(struct ole2_job *j, uint32_t st);
/* The pivot caches (_SX_DB_CUR) of the workbook in storage st (ole2_pivot.c). */
ls_err ole2_xls_pivots(struct ole2_job *j, uint32_t st);
ls_err ole2_ppt_extract(struct ole2_job *j, uint32_t st);
/* A BIFF8 workbook stream ws[0, len) whose FILEPASS record starts at
 * fp_off, decrypted in place when it is RC4-encrypted with Excel's default
 * password "VelvetSweatshop" (ole2_crypt.c): LS_OK; LS_E_ENCRYPTED (any
 * other password or scheme: nothing changed); LS_E_DEPENDENCY (MD5 failed). */
ls_err ole2_xls_default_decrypt(uint8_t *ws, size_t len, size_t fp_off);
/* A record of a BIFF stream (Workbook, pivot cache) read on across the
 * CONTINUE records (0x003C) after it ([MS-XLS] 2.1.4; ole2_xls.c): the
 * stream, a cursor in the current record's data, the offset of the next
 * record header. */
struct ole2_biff_src {
    struct ls_slice ws;
    struct ls_cursor cur;
    size_t next;
    const struct ls_codepage *cp; /* BIFF5 8-bit characters; NULL: Windows-1252 */
};
/* The record at rec_off of ws, whose data is `data`, from its byte skip
 * (a record shorter than skip reads as cut: LS_E_TRUNCATED). */
struct ole2_biff_src ole2_biff_src_make(struct ls_slice ws, size_t rec_off, struct ls_slice data, size_t skip);
/* cch characters as UTF-8 appended to out; `high` is the first flags
 * byte's fHighByte; a CONTINUE inside the characters restarts with a flags
 * byte of its own (2.5.293), so a string may switch between 8-bit and
 * UTF-16 halves. 8-bit characters are Latin-1 (BIFF8) or in s->cp
 * (BIFF5, biff8 false; NULL is Windows-1252). What was read stays in out on an error
 * (LS_E_TRUNCATED: the string runs past the last record; out full). */
ls_err ole2_biff_chars(struct ole2_biff_src *s, struct ls_buf *out, uint32_t cch, bool high, bool biff8);
/* An XLUnicodeString at the source: cch (u8 when short_len, else u16), the
 * flags byte (BIFF8 only), the characters as ole2_biff_chars. */
ls_err ole2_biff_string(struct ole2_biff_src *s, struct ls_buf *out, bool short_len, bool biff8);
/* VBA module source of the `VBA` storage vba, as text (ole2_vba.c). */
ls_err ole2_vba_extract(struct ole2_job *j, uint32_t vba);
/* Equation Editor / MathType equation objects: storage st holds an
 * "Equation Native" stream; its characters become text (ole2_eqn.c). */
bool ole2_eqn_has(const struct ole2_cfb *f, uint32_t st);
ls_err ole2_eqn_extract(struct ole2_job *j, uint32_t st);
/* Printable runs of cp1252 and UTF-16LE text in s (damaged files). */
ls_err ole2_raw_text(struct ole2_job *j, struct ls_slice s);
/* SummaryInformation and DocumentSummaryInformation under `st`. */
ls_err ole2_props_extract(struct ole2_job *j, uint32_t st);
/* Parse one property set stream (MS-OLEPS) into "Label: value" lines. */
ls_err ole2_props_stream(struct ole2_job *j, struct ls_slice s, bool docsum);

/* The whole handler (ole2 and msg share it; dispatch is by content). */
ls_err ole2_run(struct ls_ctx *c, struct ls_object *o);

/* Outlook message in storage st (msg.c); depth counts embedded messages. */
ls_err msg_extract_storage(struct ole2_job *j, uint32_t st, unsigned depth);
/* True if storage st looks like an Outlook message. */
bool msg_storage_is_msg(const struct ole2_cfb *f, uint32_t st);

/* MS-OXRTFCP: decompress LZFu / copy MELA "compressed" RTF. Output is
 * capped at max bytes (LS_E_LIMIT). LS_E_CORRUPT for a bad header. */
ls_err msg_rtf_decompress(struct ls_slice in, struct ls_buf *out, size_t max);

#endif
