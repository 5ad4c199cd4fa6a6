#include "extract/registry.h"

#include <string.h>

#define LS_HANDLER(n) &ls_handler_##n,
const struct ls_handler *const ls_handlers[] = {
#include "extract/handlers.def"
    NULL,
};
#undef LS_HANDLER

const struct ls_handler *ls_handler_by_name(const char *name)
{
    for (size_t i = 0; ls_handlers[i]; i++)
        if (strcmp(ls_handlers[i]->name, name) == 0) return ls_handlers[i];
    return NULL;
}
