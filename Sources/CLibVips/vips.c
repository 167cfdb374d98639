#include "shim.h"
#include <dlfcn.h>
#include <stddef.h>

// libvips is opened with dlopen when a build first resizes an image, not linked: it brings about
// ninety shared libraries (GLib, the image codecs), and loading them at every start doubled the
// time of a build with nothing to do. Only the few functions used are looked up, with the
// prototypes of libvips 8 (vips/vips.h), so its headers are not needed either. VIPS_INIT is a
// macro (vips_init is called), and vips_thumbnail and the savers take NULL-terminated option
// lists, which Swift cannot call: each use is wrapped here with its options fixed.

typedef struct _VipsImage VipsImage;

struct broadsheet_vips_functions {
    int (*init)(const char *argv0);
    void (*concurrency_set)(int concurrency);
    void (*cache_set_max)(int max);
    int (*thumbnail)(const char *filename, VipsImage **out, int width, ...);
    int (*jpegsave)(VipsImage *in, const char *filename, ...);
    int (*pngsave)(VipsImage *in, const char *filename, ...);
    int (*webpsave)(VipsImage *in, const char *filename, ...);
    void (*unref)(void *object);
    void (*error_clear)(void);
};

/// The functions looked up, once (`broadsheet_vips_start`).
static struct broadsheet_vips_functions functions;

/// Opens libvips and starts it, once per process (the caller makes sure of once). Each build
/// resizes many images at once on every core, so libvips is told to use one thread per image and
/// to keep no operation cache (every file is read once). -1 when libvips is not installed.
int broadsheet_vips_start(void) {
    struct broadsheet_vips_functions *vips = &functions;
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libvips.so", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return -1;
    *(void **)&vips->init = dlsym(library, "vips_init");
    *(void **)&vips->concurrency_set = dlsym(library, "vips_concurrency_set");
    *(void **)&vips->cache_set_max = dlsym(library, "vips_cache_set_max");
    *(void **)&vips->thumbnail = dlsym(library, "vips_thumbnail");
    *(void **)&vips->jpegsave = dlsym(library, "vips_jpegsave");
    *(void **)&vips->pngsave = dlsym(library, "vips_pngsave");
    *(void **)&vips->webpsave = dlsym(library, "vips_webpsave");
    *(void **)&vips->unref = dlsym(library, "g_object_unref");
    *(void **)&vips->error_clear = dlsym(library, "vips_error_clear");
    if (!vips->init || !vips->concurrency_set || !vips->cache_set_max || !vips->thumbnail
        || !vips->jpegsave || !vips->pngsave || !vips->webpsave || !vips->unref
        || !vips->error_clear) return -1;
    if (vips->init("broadsheet")) return -1;
    vips->concurrency_set(1);
    vips->cache_set_max(0);
    return 0;
}

/// VIPS_SIZE_DOWN of libvips's VipsSize: only ever shrink.
#define BROADSHEET_VIPS_SIZE_DOWN 2

/// Writes `source` shrunk to `width` pixels wide (height in proportion) to `target`, without
/// metadata, so the same source gives the same bytes; 0 on success.
int broadsheet_vips_resize(const char *source, const char *target, int width, int format) {
    struct broadsheet_vips_functions *vips = &functions;
    VipsImage *image = NULL;
    // The height bound is left open: only the width is asked for, whatever the image's shape.
    if (vips->thumbnail(source, &image, width, "height", 10000000, "size", BROADSHEET_VIPS_SIZE_DOWN, NULL)) return -1;
    int status;
    switch (format) {
    case BROADSHEET_VIPS_JPEG:
        status = vips->jpegsave(image, target, "Q", 80, "strip", 1, "optimize_coding", 1, "interlace", 1, NULL);
        break;
    case BROADSHEET_VIPS_PNG:
        status = vips->pngsave(image, target, "strip", 1, "compression", 9, NULL);
        break;
    default:
        status = vips->webpsave(image, target, "Q", 80, "strip", 1, NULL);
        break;
    }
    vips->unref(image);
    return status;
}

/// Forgets libvips's error text: it is one buffer for the whole process, and failures are
/// reported by file instead.
void broadsheet_vips_clear_error(void) { functions.error_clear(); }
