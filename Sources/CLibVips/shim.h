#ifndef BROADSHEET_CLIBVIPS_SHIM_H
#define BROADSHEET_CLIBVIPS_SHIM_H
#include <vips/vips.h>

// VIPS_INIT is a macro, and vips_thumbnail and the savers take NULL-terminated option lists,
// which Swift cannot call: each use is wrapped here with its options fixed.

/// Starts libvips once per process. Each build resizes many images at once on every core, so
/// libvips is told to use one thread per image and to keep no operation cache (every file is
/// read once; a cache would only hold decoded images in memory).
static inline int broadsheet_vips_start(void) {
    if (VIPS_INIT("broadsheet")) return -1;
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    return 0;
}

/// The formats a variant is saved in: the source's own.
enum broadsheet_vips_format { BROADSHEET_VIPS_JPEG = 0, BROADSHEET_VIPS_PNG = 1, BROADSHEET_VIPS_WEBP = 2 };

/// Writes `source` shrunk to `width` pixels wide (height in proportion) to `target`, without
/// metadata, so the same source gives the same bytes; 0 on success.
static inline int broadsheet_vips_resize(const char *source, const char *target, int width, int format) {
    VipsImage *image = NULL;
    // The height bound is left open: only the width is asked for, whatever the image's shape.
    if (vips_thumbnail(source, &image, width, "height", 10000000, "size", VIPS_SIZE_DOWN, NULL)) return -1;
    int status;
    switch (format) {
    case BROADSHEET_VIPS_JPEG:
        status = vips_jpegsave(image, target, "Q", 80, "strip", TRUE, "optimize_coding", TRUE, "interlace", TRUE, NULL);
        break;
    case BROADSHEET_VIPS_PNG:
        status = vips_pngsave(image, target, "strip", TRUE, "compression", 9, NULL);
        break;
    default:
        status = vips_webpsave(image, target, "Q", 80, "strip", TRUE, NULL);
        break;
    }
    g_object_unref(image);
    return status;
}

/// Forgets libvips's error text: it is one buffer for the whole process, and failures are
/// reported by file instead.
static inline void broadsheet_vips_clear_error(void) { vips_error_clear(); }
#endif
