/*
 * Where an archive or a compressed stream says it ends, read from its own
 * structure: libarchive 3.6 takes the end of the input for the end of many
 * formats (a tar cut between two members, an ar cut in a member's header,
 * an RPM cut in its header, a bzip2/xz/lzip stream that lost its last bytes
 * after the tar inside it was decoded), so a file cut there read as whole.
 * Pure functions on a slice: no libarchive, no context. Each returns true
 * when the data ends where its format says it does (or the format cannot
 * tell), false when it was cut short; *why (n bytes) then says how.
 */
#ifndef LS_UNPACK_ENDS_H
#define LS_UNPACK_ENDS_H

#include "core/ls_core.h"

/* bzip2 (the end-of-stream marker 0x177245385090 and its CRC end the
 * last stream, bit-aligned, then at most 7 zero bits; zeros may follow). */
bool unpack_bzip2_ended(struct ls_slice s, char *why, size_t n);
/* xz (.xz file format 2.1.2.4: each stream ends with a 12-byte footer
 * ending "YZ"; stream padding is zero bytes in groups of four). */
bool unpack_xz_ended(struct ls_slice s, char *why, size_t n);
/* lzip (each member ends with a 20-byte trailer whose last 8 bytes give
 * the member's size, header and trailer included; walked back from the
 * end to the first member). */
bool unpack_lzip_ended(struct ls_slice s, char *why, size_t n);
/* ar ("!<arch>\n", 60-byte headers with a decimal size, data padded to
 * an even offset): the headers walked must end at the file's end. */
bool unpack_ar_ended(struct ls_slice s, char *why, size_t n);
/* RPM (lead, signature header padded to 8 bytes, header, payload): the
 * payload must start inside the file. */
bool unpack_rpm_ended(struct ls_slice s, char *why, size_t n);
/* An uncompressed tar libarchive read to the end of the file: it must end
 * in its end-of-archive blocks (two 512-byte zero blocks, then zeros) and
 * on a 512-byte block. */
bool unpack_tar_ended(struct ls_slice s, char *why, size_t n);

/* WARC (ISO 28500: records of "WARC/1.x" header lines, a blank line, a
 * Content-Length block, then CRLF CRLF): the records walked must end
 * inside the file. */
bool unpack_warc_ended(struct ls_slice s, char *why, size_t n);
/* LHA (level 0-3 headers, each followed by its packed data; the list ends
 * with a 0 byte): a list walked from byte 0 to the file's end without that
 * byte lost it. */
bool unpack_lha_ended(struct ls_slice s, char *why, size_t n);
/* xar (a 28-byte header, a zlib-compressed XML table of contents, then the
 * heap): every <data>/<ea> extent and the TOC checksum the table gives
 * (heap offset + length) must end inside the file. */
bool unpack_xar_ended(struct ls_slice s, char *why, size_t n);
/* Whether a file's own structure says it is whole (false when it cannot
 * tell): a cab's header size (cbCabinet) inside the file and no cabinet
 * before or after it in a set; a RAR 4 block walk that reaches its end of
 * archive block (not a volume, no member split across volumes). A decoder failure in such a file is damage, not a cut. */
bool unpack_cab_whole(struct ls_slice s);
bool unpack_rar4_whole(struct ls_slice s);
/* RAR 4 (the blocks walked by their sizes) must not end inside a block:
 * libarchive 3.6 ends quietly when the end of archive block is cut. */
bool unpack_rar4_ended(struct ls_slice s, char *why, size_t n);
/* cab: the header's flags (cfhdrPREV_CABINET 1, cfhdrNEXT_CABINET 2) say it
 * is a cabinet of a multi-cabinet set; false otherwise. */
bool unpack_cab_in_set(struct ls_slice s, bool *prev, bool *next);
/* A program (PE: its headers, sections' raw data and certificate table;
 * ELF: its program headers' file extents and section header table) must
 * lie inside the file: a self-extractor cut inside its program, before
 * the archive after it starts, read as a whole program. */
bool unpack_program_ended(struct ls_slice s, char *why, size_t n);

#endif
