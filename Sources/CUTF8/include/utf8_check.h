#ifndef BROADSHEET_UTF8_CHECK_H
#define BROADSHEET_UTF8_CHECK_H
#include <stddef.h>
#include <stdint.h>

// Whether `length` bytes at `bytes` are well-formed UTF-8 (Unicode's table 3-7: no overlong
// forms, surrogates, values past U+10FFFF or cut-off sequences), as Swift's `String(validating:)`
// decides. On a processor with AVX2, 32 bytes are checked at a time by table look-ups (the
// method of Keiser and Lemire, "Validating UTF-8 in less than one instruction per byte", 2021);
// elsewhere a sequence at a time.
int broadsheet_utf8_is_valid(const uint8_t *bytes, size_t length);

// The same check a sequence at a time: what runs without AVX2, callable so that tests check both.
int broadsheet_utf8_is_valid_scalar(const uint8_t *bytes, size_t length);

#endif
