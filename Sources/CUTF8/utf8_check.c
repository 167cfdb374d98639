#include "utf8_check.h"
#include <string.h>

int broadsheet_utf8_is_valid_scalar(const uint8_t *bytes, size_t length) {
    size_t index = 0;
    while (index < length) {
        uint8_t lead = bytes[index];
        if (lead < 0x80) { index += 1; continue; }
        if (lead < 0xC2) return 0;
        if (lead < 0xE0) {
            if (index + 1 >= length || (bytes[index + 1] & 0xC0) != 0x80) return 0;
            index += 2;
            continue;
        }
        if (lead < 0xF0) {
            if (index + 2 >= length) return 0;
            uint8_t second = bytes[index + 1];
            uint8_t low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
            if (second < low || second > high || (bytes[index + 2] & 0xC0) != 0x80) return 0;
            index += 3;
            continue;
        }
        if (lead > 0xF4 || index + 3 >= length) return 0;
        uint8_t second = bytes[index + 1];
        uint8_t low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high || (bytes[index + 2] & 0xC0) != 0x80 || (bytes[index + 3] & 0xC0) != 0x80) return 0;
        index += 4;
    }
    return 1;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2")))

// The error classes a pair of neighbouring bytes can show (see the paper): each table gives, for
// one nibble, the classes it is compatible with, and a pair is wrong where all three agree.
enum {
    TOO_SHORT = 1 << 0, TOO_LONG = 1 << 1, OVERLONG_3 = 1 << 2, TOO_LARGE = 1 << 3, SURROGATE = 1 << 4,
    OVERLONG_2 = 1 << 5, TOO_LARGE_1000 = 1 << 6, OVERLONG_4 = 1 << 6, TWO_CONTS = 1 << 7,
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

// A 16-entry byte table in both halves of a vector (the shuffle looks up within each half).
#define B(x) ((char)(uint8_t)(x))
#define TABLE(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) \
    _mm256_setr_epi8(B(a), B(b), B(c), B(d), B(e), B(f), B(g), B(h), B(i), B(j), B(k), B(l), B(m), B(n), B(o), B(p), \
                     B(a), B(b), B(c), B(d), B(e), B(f), B(g), B(h), B(i), B(j), B(k), B(l), B(m), B(n), B(o), B(p))

// The bytes of `input` shifted `n` places later, the last `n` of `previous` coming in front.
#define PREVIOUS(input, previous, n) _mm256_alignr_epi8(input, _mm256_permute2x128_si256(previous, input, 0x21), 16 - (n))

static AVX2 inline __m256i high_nibbles(__m256i bytes) {
    return _mm256_and_si256(_mm256_srli_epi16(bytes, 4), _mm256_set1_epi8(0x0F));
}

// The error classes of each byte and the one before it: lead or continuation, overlong, too large.
static AVX2 inline __m256i special_cases(__m256i input, __m256i previous1) {
    const __m256i byte1_high = TABLE(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
        TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
        TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
    const __m256i byte1_low = TABLE(
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
        CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000);
    const __m256i byte2_high = TABLE(
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
    __m256i a = _mm256_shuffle_epi8(byte1_high, high_nibbles(previous1));
    __m256i b = _mm256_shuffle_epi8(byte1_low, _mm256_and_si256(previous1, _mm256_set1_epi8(0x0F)));
    __m256i c = _mm256_shuffle_epi8(byte2_high, high_nibbles(input));
    return _mm256_and_si256(_mm256_and_si256(a, b), c);
}

// Adds the third and fourth bytes of three- and four-byte sequences, which must be continuations:
// the special cases flag two continuations in a row there, and this clears exactly those flags.
static AVX2 inline __m256i multibyte_lengths(__m256i input, __m256i previous, __m256i special) {
    __m256i previous2 = PREVIOUS(input, previous, 2), previous3 = PREVIOUS(input, previous, 3);
    __m256i third = _mm256_subs_epu8(previous2, _mm256_set1_epi8(B(0xE0 - 0x80)));
    __m256i fourth = _mm256_subs_epu8(previous3, _mm256_set1_epi8(B(0xF0 - 0x80)));
    __m256i must_continue = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(B(0x80)));
    return _mm256_xor_si256(must_continue, special);
}

// Non-zero where the block ends inside a sequence (a lead in its last one, two or three bytes).
static AVX2 inline __m256i incomplete_end(__m256i input) {
    const __m256i limits = _mm256_setr_epi8(
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, B(0xF0 - 1), B(0xE0 - 1), B(0xC0 - 1));
    return _mm256_subs_epu8(input, limits);
}

static AVX2 int valid_avx2(const uint8_t *bytes, size_t length) {
    __m256i error = _mm256_setzero_si256(), previous = _mm256_setzero_si256(), incomplete = _mm256_setzero_si256();
    size_t index = 0;
    uint8_t last[32];
    while (index < length) {
        __m256i input;
        if (index + 32 <= length) {
            input = _mm256_loadu_si256((const __m256i *)(bytes + index));
        } else {
            // The end, padded with ASCII zeros: a sequence cut off by the page's end shows as too short.
            memset(last, 0, sizeof last);
            memcpy(last, bytes + index, length - index);
            input = _mm256_loadu_si256((const __m256i *)last);
        }
        if (_mm256_movemask_epi8(input) == 0) {
            error = _mm256_or_si256(error, incomplete);
        } else {
            __m256i special = special_cases(input, PREVIOUS(input, previous, 1));
            error = _mm256_or_si256(error, multibyte_lengths(input, previous, special));
            incomplete = incomplete_end(input);
        }
        previous = input;
        index += 32;
    }
    error = _mm256_or_si256(error, incomplete);
    return _mm256_testz_si256(error, error);
}

int broadsheet_utf8_is_valid(const uint8_t *bytes, size_t length) {
    return __builtin_cpu_supports("avx2") ? valid_avx2(bytes, length) : broadsheet_utf8_is_valid_scalar(bytes, length);
}

#else

int broadsheet_utf8_is_valid(const uint8_t *bytes, size_t length) { return broadsheet_utf8_is_valid_scalar(bytes, length); }

#endif
