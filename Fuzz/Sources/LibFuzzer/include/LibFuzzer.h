#ifndef CHRONOVIEW_LIBFUZZER_H
#define CHRONOVIEW_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's own driver, linked in by -sanitize=fuzzer. The fuzz targets call it from their
// Swift main instead of letting libFuzzer define main: SwiftPM renames an executable's main
// on Linux, and libFuzzer's main would then never be linked.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
