// Linked into every packaged bootstrap (see scripts/lib/package.sh) so that the binary,
// built against this machine's newer glibc, asks only for symbol versions that Amazon
// Linux 2023's glibc 2.34 has.
//
// package.sh passes `--wrap=NAME` to the linker for every `__wrap_NAME` defined here: the
// linker then sends every call to NAME, including calls from the static Swift runtime,
// Foundation and libstdc++ archives, to `__wrap_NAME`. Add a function here when
// scripts/check-al2023-compat.sh names a new symbol; nothing else has to change.
#if defined(__linux__)

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>

// The oldest version of each libm symbol, which every glibc still exports for old binaries.
#if defined(__x86_64__)
#define CHRONOVIEW_GLIBC_BASELINE "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define CHRONOVIEW_GLIBC_BASELINE "GLIBC_2.17"
#else
#error "no glibc baseline version known for this architecture"
#endif

// glibc 2.35 gave hypot and hypotf new versions that only drop the obsolete SVID error
// handling (_LIB_VERSION/matherr), which nothing here uses: results are identical.
double chronoview_hypot_baseline(double, double);
float chronoview_hypotf_baseline(float, float);
__asm__(".symver chronoview_hypot_baseline, hypot@" CHRONOVIEW_GLIBC_BASELINE);
__asm__(".symver chronoview_hypotf_baseline, hypotf@" CHRONOVIEW_GLIBC_BASELINE);

double __wrap_hypot(double x, double y) { return chronoview_hypot_baseline(x, y); }
float __wrap_hypotf(float x, float y) { return chronoview_hypotf_baseline(x, y); }

// arc4random first appeared in glibc 2.36, and GCC 12's static libstdc++ calls it from
// std::random_device. There is no older version to bind to, so draw from the kernel
// (getrandom, glibc 2.25), which is what glibc's own arc4random does too.
static void chronoview_fill_random(void *buffer, size_t length) {
    unsigned char *cursor = buffer;
    while (length > 0) {
        ssize_t got = getrandom(cursor, length, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            // arc4random has no way to report failure; returning predictable bytes would
            // be worse than stopping.
            abort();
        }
        cursor += got;
        length -= (size_t)got;
    }
}

uint32_t __wrap_arc4random(void) {
    uint32_t value;
    chronoview_fill_random(&value, sizeof value);
    return value;
}

void __wrap_arc4random_buf(void *buffer, size_t length) { chronoview_fill_random(buffer, length); }

uint32_t __wrap_arc4random_uniform(uint32_t upper_bound) {
    if (upper_bound < 2) return 0;
    // Reject the values below 2^32 mod upper_bound so every result is equally likely.
    uint32_t minimum = (uint32_t)(-upper_bound) % upper_bound;
    for (;;) {
        uint32_t value = __wrap_arc4random();
        if (value >= minimum) return value % upper_bound;
    }
}

#endif
