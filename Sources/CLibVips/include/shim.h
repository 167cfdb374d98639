#ifndef BROADSHEET_CLIBVIPS_SHIM_H
#define BROADSHEET_CLIBVIPS_SHIM_H

// libvips, opened with dlopen when a build first resizes an image (see vips.c).

/// Opens libvips and starts it; call once per process. -1 when libvips is not installed.
int broadsheet_vips_start(void);

/// The formats a variant is saved in: the source's own.
enum broadsheet_vips_format { BROADSHEET_VIPS_JPEG = 0, BROADSHEET_VIPS_PNG = 1, BROADSHEET_VIPS_WEBP = 2 };

/// Writes `source` shrunk to `width` pixels wide (height in proportion) to `target`, without
/// metadata, so the same source gives the same bytes; 0 on success.
int broadsheet_vips_resize(const char *source, const char *target, int width, int format);

/// Forgets libvips's error text.
void broadsheet_vips_clear_error(void);
#endif
