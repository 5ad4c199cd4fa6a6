/*
 * Rows carved from SQLite b-tree pages outside a database SQLite can open
 * (sqlitepage.c): the pages of a -wal file, of a rollback -journal, and a
 * database's free pages. A record keeps its columns side by side with no
 * separator ("Ada Mosscust001@shop.example601-10-2041"), so the raw-byte
 * scan sees one run where the columns were three; carved, each row is a
 * line of tab-separated values.
 */
#ifndef LS_SQLITEPAGE_H
#define LS_SQLITEPAGE_H

#include "core/ls_core.h"

/* Append to line one text line per row of a table b-tree leaf page (type
 * 0x0D; other pages add nothing): its values tab-separated, integers as
 * digits, reals as %.15g, text with control characters as spaces, BLOBs
 * that are not UTF-8 text left out; a value past the page's local payload
 * (its overflow pages) cut there. page is one whole page; hdr the b-tree
 * header's offset (100 on page 1, else 0); usable the page size less the
 * reserved bytes. Bounded by the page: every offset and length is checked.
 * Returns LS_E_NOMEM or LS_E_LIMIT from line; LS_E_CORRUPT when a cell
 * would overlap one read before (a crafted page: 16,000 pointers at one
 * cell), the rows before it written; else LS_OK. */
LS_WUR ls_err ls_sqlite_carve_page(struct ls_slice page, size_t hdr, size_t usable, struct ls_buf *line);

/* The same for the deleted cells in a table leaf page's freeblocks (their
 * first 4 bytes overwritten: the record header is read from the serial
 * types that are left, the lost leading columns taken as NULL) and in its
 * unallocated space, between the cell pointers and the content area (a
 * cell freed at the area's start is left whole there). */
LS_WUR ls_err ls_sqlite_carve_freeblocks(struct ls_slice page, size_t hdr, size_t usable, struct ls_buf *line);

/* The same for a freelist trunk page, whose first 8 bytes (the next trunk,
 * the leaf count) and leaf numbers overwrote the b-tree header and the
 * start of the cell pointers of the leaf page it was: the pointers left
 * are followed up to the first that points at no cell (LS_E_CORRUPT as
 * above). */
LS_WUR ls_err ls_sqlite_carve_trunk(struct ls_slice page, size_t usable, struct ls_buf *line);

#endif
