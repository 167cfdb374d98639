#ifndef BROADSHEET_CZLIB_SHIM_H
#define BROADSHEET_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 and deflateInit2 are macros (they pass the library version and the stream's size),
// which Swift does not import: wrap each one.
static inline int broadsheet_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
static inline int broadsheet_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
