#include "arena.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// Every block the arena hands out follows a 16-byte header: its size, then MAGIC. A block from
// malloc has glibc's chunk size there instead (under 2^48, low bits flags), so the word before a
// pointer tells which allocator made it, whichever thread frees it.
#define MAGIC UINT64_C(0xB20ADB5EA7A2E4A1)
#define HEADER 16
#define CHUNK (256 * 1024)
// What a thread keeps between scopes; a larger page's chunks go back to malloc.
#define RETAINED (4 * 1024 * 1024)

struct chunk {
    struct chunk *next;
    size_t size;
};

struct arena {
    struct chunk *chunks;  // in use, newest first
    struct chunk *spare;   // kept from earlier scopes, each CHUNK bytes
    char *cursor;
    char *end;
    size_t spareBytes;
    int depth;
};

static _Thread_local struct arena arena;

static int is_ours(const void *pointer) {
    return ((const uint64_t *)pointer)[-1] == MAGIC;
}

static size_t size_of(const void *pointer) {
    return (size_t)((const uint64_t *)pointer)[-2];
}

static void start(struct chunk *chunk) {
    chunk->next = arena.chunks;
    arena.chunks = chunk;
    arena.cursor = (char *)(((uintptr_t)(chunk + 1) + 15) & ~(uintptr_t)15);
    arena.end = (char *)chunk + chunk->size;
}

static void *take(size_t size) {
    size_t needed = (size + HEADER + 15) & ~(size_t)15;
    if (needed < size) return NULL;  // overflow
    if ((size_t)(arena.end - arena.cursor) < needed) {
        size_t chunkSize = needed + sizeof(struct chunk) + 16 > CHUNK ? needed + sizeof(struct chunk) + 16 : CHUNK;
        struct chunk *chunk;
        if (chunkSize == CHUNK && arena.spare) {
            chunk = arena.spare;
            arena.spare = chunk->next;
            arena.spareBytes -= CHUNK;
        } else {
            chunk = malloc(chunkSize);
            if (!chunk) return NULL;
            chunk->size = chunkSize;
        }
        start(chunk);
    }
    uint64_t *header = (uint64_t *)arena.cursor;
    header[0] = size;
    header[1] = MAGIC;
    arena.cursor += needed;
    return arena.cursor - needed + HEADER;
}

void broadsheet_arena_enter(void) {
    arena.depth += 1;
}

void broadsheet_arena_leave(void) {
    if (--arena.depth > 0) return;
    // Chunks of the usual size are kept for the next scope, up to RETAINED; the others go back.
    struct chunk *chunk = arena.chunks;
    while (chunk) {
        struct chunk *next = chunk->next;
        if (chunk->size == CHUNK && arena.spareBytes + CHUNK <= RETAINED) {
            chunk->next = arena.spare;
            arena.spare = chunk;
            arena.spareBytes += CHUNK;
        } else {
            free(chunk);
        }
        chunk = next;
    }
    arena.chunks = NULL;
    arena.cursor = arena.end = NULL;
}

int broadsheet_arena_active(void) {
    return arena.depth > 0;
}

void *broadsheet_arena_malloc(size_t size) {
    return arena.depth > 0 ? take(size) : malloc(size);
}

void *broadsheet_arena_realloc(void *pointer, size_t size) {
    if (!pointer) return broadsheet_arena_malloc(size);
    if (!is_ours(pointer)) return realloc(pointer, size);
    size_t old = size_of(pointer);
    if (size <= old) return pointer;
    // The newest block grows in place when its chunk has room.
    char *blockEnd = (char *)pointer + ((old + 15) & ~(size_t)15);
    size_t grown = (size + 15) & ~(size_t)15;
    if (arena.depth > 0 && blockEnd == arena.cursor && (size_t)(arena.end - (char *)pointer) >= grown) {
        ((uint64_t *)pointer)[-2] = size;
        arena.cursor = (char *)pointer + grown;
        return pointer;
    }
    void *moved = broadsheet_arena_malloc(size);
    if (moved) memcpy(moved, pointer, old);
    return moved;
}

void broadsheet_arena_free(void *pointer) {
    if (pointer && !is_ours(pointer)) free(pointer);
}

char *broadsheet_arena_strdup(const char *text) {
    size_t length = strlen(text) + 1;
    char *copy = broadsheet_arena_malloc(length);
    if (copy) memcpy(copy, text, length);
    return copy;
}
