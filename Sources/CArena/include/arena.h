#ifndef BROADSHEET_ARENA_H
#define BROADSHEET_ARENA_H
#include <stddef.h>

// A per-thread bump allocator for libxml2, installed with xmlMemSetup. Between
// broadsheet_arena_enter and the matching broadsheet_arena_leave on one thread, everything libxml2
// allocates on that thread comes from the thread's arena, and freeing it costs nothing: the last
// leave takes the whole arena back at once. Outside a scope, the functions are malloc's.
// Nothing libxml2 allocated inside a scope may be used after the scope ends.

void broadsheet_arena_enter(void);
void broadsheet_arena_leave(void);
/// Whether the calling thread is inside a scope.
int broadsheet_arena_active(void);

void *broadsheet_arena_malloc(size_t size);
void *broadsheet_arena_realloc(void *pointer, size_t size);
void broadsheet_arena_free(void *pointer);
char *broadsheet_arena_strdup(const char *text);

#endif
