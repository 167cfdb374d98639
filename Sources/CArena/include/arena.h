#ifndef BROADSHEET_ARENA_H
#define BROADSHEET_ARENA_H
#include <stddef.h>

// A per-thread bump allocator for libxml2, installed with xmlMemSetup. Between
// broadsheet_arena_enter and the matching broadsheet_arena_leave on one thread, everything libxml2
// allocates on that thread comes from the thread's arena, and freeing it costs nothing: the last
// leave takes the whole arena back at once. Outside a scope, the functions are malloc's.
// Nothing libxml2 allocated inside a scope may be used after the scope ends.

/// Opens a scope on the calling thread (scopes nest).
void broadsheet_arena_enter(void);
/// Closes a scope; the outermost one takes back everything allocated in it.
void broadsheet_arena_leave(void);
/// Whether the calling thread is inside a scope.
int broadsheet_arena_active(void);

/// `size` bytes, 16-byte aligned: from the thread's arena inside a scope, from malloc outside.
void *broadsheet_arena_malloc(size_t size);
/// Grows or shrinks a block from either allocator, keeping its bytes (in place when it is the
/// arena's newest block and its chunk has room).
void *broadsheet_arena_realloc(void *pointer, size_t size);
/// Frees a block from malloc; a block from an arena goes back with its arena, so nothing is done.
void broadsheet_arena_free(void *pointer);
/// A copy of `text`, from the same place as `broadsheet_arena_malloc`.
char *broadsheet_arena_strdup(const char *text);

#endif
