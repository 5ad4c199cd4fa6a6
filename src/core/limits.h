/*
 * Default budgets, one line of reason each (YARA's limits.h). Every one is a
 * CLI flag; see ls_limits_default() and README "Budgets".
 */
#ifndef LS_LIMITS_H
#define LS_LIMITS_H

/* Nesting depth of members below a root. ClamAV uses 17, Strelka 15. */
#define LS_DEF_MAX_DEPTH 16u
/* Expanded bytes per root: max(1 GiB, 64 x root size). ClamAV: 400 MB/file. */
#define LS_DEF_ROOT_BYTES_MIN (1ull << 30)
#define LS_DEF_ROOT_BYTES_FACTOR 64u
/* A member (and a root as a whole) expanding over 200:1 beyond 1 MiB is a
 * bomb. DEFLATE tops out near 1032:1 (gzip -1 of zeros: ~229:1), so a
 * 1000:1 cut would miss gzip bombs; Apache POI's ZipSecureFile cuts at 100:1
 * past 100 KiB on real office files. DESIGN.md said 64 MiB: that let every
 * bomb cost 64 MiB of memory and ~0.5 s (docs/architecture.md). */
#define LS_DEF_BOMB_RATIO 200u
#define LS_DEF_BOMB_FLOOR (1ull << 20)
/* Members per root: far above real archives, far below 42.zip's 4.5 billion. */
#define LS_DEF_MAX_MEMBERS 1000000ull
/* Extracted text per object: a 64 MiB text body is already a book shelf. */
#define LS_DEF_MAX_TEXT (64ull << 20)
/* Raw bytes of one object handed to YARA: larger tails are hashed, not scanned. */
#define LS_DEF_MAX_SCAN (1ull << 30)
/* Wall time per root: one pathological root must not stall a run. */
#define LS_DEF_ROOT_TIME_S 600u
/* One YARA scan: YARA's own default is unlimited; 60 s is ample for 1 GiB. */
#define LS_DEF_YARA_TIMEOUT_S 60u
/* Members above this are spilled to an unlinked temporary file and mapped. */
#define LS_DEF_SPILL_THRESHOLD (256ull << 20)
/* Distinct values recorded per object (evidence[] entries). */
#define LS_DEF_MAX_EVIDENCE 10000ull
/* CPU seconds a worker may spend inside one libarchive call without that
 * call consuming input (core/watch.h): such a call decodes at most 16 KiB
 * of input, which takes milliseconds; libarchive 3.6.2 has endless loops. */
#define LS_DEF_STALL_S 10u

#endif
