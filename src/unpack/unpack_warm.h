/*
 * What the unpacker must load before a worker's sandbox is up (see
 * src/pool/pool_worker.c, warm_up()).
 */
#ifndef LS_UNPACK_WARM_H
#define LS_UNPACK_WARM_H

/* Load the character-set converters libarchive's readers open by name
 * (iconv) and keep them loaded for the life of the process. Call once per
 * worker before open(2) is denied; harmless to call again or unsandboxed. */
void ls_unpack_warm_up(void);

#endif
