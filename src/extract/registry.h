/* The handler registry (see handlers.def). Only the pipeline uses it. */
#ifndef LS_REGISTRY_H
#define LS_REGISTRY_H
#include "core/handler.h"

#define LS_HANDLER(n) extern const struct ls_handler ls_handler_##n;
#include "extract/handlers.def"
#undef LS_HANDLER

/* NULL-terminated, in handlers.def order. */
extern const struct ls_handler *const ls_handlers[];
/* The handler with this name, or NULL. */
const struct ls_handler *ls_handler_by_name(const char *name);
#endif
