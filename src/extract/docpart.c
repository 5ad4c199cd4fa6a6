/* Shared by ooxml.c and odf.c (see docpart.h). */
#include "extract/docpart.h"

size_t ls_docpart_max(const struct ls_ctx *c)
{
    uint64_t m = ls_ctx_limits(c)->spill_threshold;
    uint64_t left = ls_budget_left(c);
    if (left < m) m = left;
    return m > SIZE_MAX ? SIZE_MAX : (size_t)m;
}

const char *ls_docpart_reason(ls_err e)
{
    switch (e) {
    case LS_E_ENCRYPTED: return LS_R_ENCRYPTED;
    case LS_E_TRUNCATED: return LS_R_TRUNCATED;
    case LS_E_LIMIT: return LS_R_LIMIT_BYTES;
    case LS_E_TIMEOUT: return LS_R_LIMIT_TIME;
    default: return LS_R_PARSE_ERROR;
    }
}
