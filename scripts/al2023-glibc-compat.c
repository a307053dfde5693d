// Linked into every packaged bootstrap (see scripts/lib/package.sh) so that the binary,
// built against this machine's newer glibc, asks only for symbol versions that Amazon
// Linux 2023's glibc 2.34 has.
//
// package.sh passes `--wrap=NAME` to the linker for every `__wrap_NAME` defined here: the
// linker then sends every call to NAME, including calls from the static Swift runtime,
// Foundation and libstdc++ archives, to `__wrap_NAME`. Add a function here when
// scripts/check-al2023-compat.sh names a new symbol; nothing else has to change.
#if defined(__linux__)

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
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

// Looks the baseline version of a libm symbol up at run time. A link-time `.symver`
// reference would be simpler, but gold (swiftc's linker) applies --wrap to versioned
// references too and would send the wrapper's own call back to the wrapper. libm is opened
// by name because a link with --as-needed may have dropped it once the calls were wrapped.
static void *chronoview_baseline_libm_symbol(const char *name) {
    void *libm = dlopen("libm.so.6", RTLD_NOW | RTLD_GLOBAL);
    void *symbol = libm != NULL ? dlvsym(libm, name, CHRONOVIEW_GLIBC_BASELINE) : NULL;
    if (symbol == NULL) {
        fprintf(stderr, "fatal: %s@%s not found: %s\n", name, CHRONOVIEW_GLIBC_BASELINE, dlerror());
        abort();
    }
    return symbol;
}

typedef double (*chronoview_hypot_function)(double, double);
typedef float (*chronoview_hypotf_function)(float, float);
static _Atomic(chronoview_hypot_function) chronoview_hypot;
static _Atomic(chronoview_hypotf_function) chronoview_hypotf;

// glibc 2.35 gave hypot and hypotf new versions that only drop the obsolete SVID error
// handling (_LIB_VERSION/matherr), which nothing here uses: results are identical.
// Resolved on first use rather than in a constructor, since static initialisers of the
// linked-in runtime may run before ours; racing threads store the same pointer.
double __wrap_hypot(double x, double y) {
    chronoview_hypot_function function = atomic_load_explicit(&chronoview_hypot, memory_order_acquire);
    if (function == NULL) {
        function = (chronoview_hypot_function)chronoview_baseline_libm_symbol("hypot");
        atomic_store_explicit(&chronoview_hypot, function, memory_order_release);
    }
    return function(x, y);
}

float __wrap_hypotf(float x, float y) {
    chronoview_hypotf_function function = atomic_load_explicit(&chronoview_hypotf, memory_order_acquire);
    if (function == NULL) {
        function = (chronoview_hypotf_function)chronoview_baseline_libm_symbol("hypotf");
        atomic_store_explicit(&chronoview_hypotf, function, memory_order_release);
    }
    return function(x, y);
}

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
