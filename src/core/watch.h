/*
 * Progress watch for third-party calls that can loop forever on hostile
 * input (libarchive 3.6.2 has such loops: a xar whose file carries its
 * hardlink type twice spins in archive_read_next_header, reading nothing).
 *
 * A worker process points ls_watch_cur at a page it shares with the
 * supervisor (src/pool); code around such a call brackets it with
 * ls_watch_enter()/ls_watch_leave() and calls ls_watch_tick() whenever the
 * library makes progress (our read callbacks: input consumed). The
 * supervisor reads the page: a worker that stays inside a watched call
 * with no tick while it burns --stall-timeout seconds of CPU is killed and
 * its root recorded limit:time (docs/sandbox.md), long before
 * --root-timeout. Outside a pool worker (leaksift text, tests, fuzzing)
 * ls_watch_cur is NULL and every call here is a no-op.
 *
 * Calls are not nested across objects: a member is processed after the
 * libarchive call that produced it has returned. depth is a count anyway.
 */
#ifndef LS_WATCH_H
#define LS_WATCH_H

#include <stdatomic.h>
#include <stdint.h>

struct ls_watch {
    _Atomic uint64_t ticks; /* progress: changes at every enter, leave and tick */
    _Atomic uint32_t depth; /* > 0 while inside a watched call */
    _Atomic uint64_t objects; /* records made for the root in hand (the
                               * progress line: one root can be an archive
                               * of a million members) */
};

extern struct ls_watch *ls_watch_cur;

static inline void ls_watch_tick(void)
{
    struct ls_watch *w = ls_watch_cur;
    if (w) atomic_fetch_add_explicit(&w->ticks, 1, memory_order_relaxed);
}

static inline void ls_watch_object(void)
{
    struct ls_watch *w = ls_watch_cur;
    if (w) atomic_fetch_add_explicit(&w->objects, 1, memory_order_relaxed);
}

static inline void ls_watch_enter(void)
{
    struct ls_watch *w = ls_watch_cur;
    if (!w) return;
    atomic_fetch_add_explicit(&w->ticks, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&w->depth, 1, memory_order_relaxed);
}

static inline void ls_watch_leave(void)
{
    struct ls_watch *w = ls_watch_cur;
    if (!w) return;
    atomic_fetch_sub_explicit(&w->depth, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&w->ticks, 1, memory_order_relaxed);
}

#endif
