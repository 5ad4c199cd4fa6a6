/*
 * Organisation identifiers (--identifiers FILE): a simple line format turned
 * into YARA source for the "corporate" namespace. See docs/rules.md.
 */
#ifndef LS_IDENTIFIERS_H
#define LS_IDENTIFIERS_H

#include "core/ls_core.h"

/* Translate the identifiers file text into YARA source appended to
 * yara_out. A bad line: LS_E_ARG with err = "FILE:LINE: message". */
ls_err ls_identifiers_compile(struct ls_slice file_text, const char *file_name,
                              struct ls_buf *yara_out, char *err, size_t errlen);

#endif
