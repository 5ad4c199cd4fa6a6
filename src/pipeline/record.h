/*
 * The summary digest of each record (src/manifest/summary.h), built by
 * record.c beside the line when this thread asked for it: a pool worker
 * sends it with the line, so the supervisor folds the run summary without
 * parsing the line (docs/performance.md, eighteenth session).
 */
#ifndef LS_RECORD_H
#define LS_RECORD_H

#include "core/ls_core.h"

/* From now on this thread's records leave their digest in b (NULL: off,
 * the default). */
void ls_record_digest_sink(struct ls_buf *b);
/* The digest of the record whose line (len bytes) was just built, in the
 * sink: true with *d set (valid until the next record), once; false when
 * there is none (the sink is off, a value could not be folded exactly
 * from a digest, or the line is not the last one built). */
bool ls_record_digest_take(const char *line, size_t len, struct ls_slice *d);

#endif
