/* The worker's progress page (watch.h); NULL outside a pool worker. */
#include <stddef.h>

#include "core/watch.h"

struct ls_watch *ls_watch_cur = NULL;
