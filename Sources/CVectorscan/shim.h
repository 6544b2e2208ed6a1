// Vectorscan (the portable Hyperscan), as packaged by Debian's libvectorscan-dev.
// `pkg-config --cflags libhs` puts the hs/ directory itself on the include path
// (-I/usr/include/hs), so the header is included by its bare name; that also
// works for installs whose pkg-config prefix is not a default include directory.
#ifndef DECLASS_CVECTORSCAN_SHIM_H
#define DECLASS_CVECTORSCAN_SHIM_H
#include <hs.h>
#include <dlfcn.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

/// A block-mode scan routine with `hs_scan`'s signature.
typedef hs_error_t (*declass_hs_scan_fn)(const hs_database_t *db, const char *data, unsigned int length,
                                         unsigned int flags, hs_scratch_t *scratch,
                                         match_event_handler onEvent, void *context);

/// The scan routine to use on this host, and whether it is the library's 16-byte (SSE4.2) one.
typedef struct {
    declass_hs_scan_fn scan;
    int sixteenByteVectors;
} declass_hs_block_scanner;

/// Whether the CPU has SSE4.2 and POPCNT (CPUID leaf 1, ECX bits 20 and 23): what `corei7_hs_scan` needs.
static inline int declass_hs_cpu_has_sse42(void) {
#if defined(__x86_64__)
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    return (int)(((c >> 20) & 1) && ((c >> 23) & 1));
#else
    return 0;
#endif
}

/// On x86-64, the library's SSE4.2 scan routine (`corei7_hs_scan`) when it exports one and the CPU has
/// SSE4.2; otherwise `hs_scan`.
///
/// A fat-runtime Vectorscan dispatches `hs_scan` to its AVX2 or AVX-512 code on such CPUs, and there
/// Debian's 5.4.9 misses some matches that end in the buffer's last 32 or 64 bytes (the wide-vector tail
/// handling; upstream fixed such bugs in 2026, VectorCamp/vectorscan#375 and #378): `fo+` is not found at
/// the end of 18 x's and "fo" in a database that also holds `zq`. A missed match is text left unredacted.
/// Its 16-byte routines find them; the databases are compiled for the generic platform
/// (`declass_hs_generic_platform`), which every routine of the library can run.
static inline declass_hs_block_scanner declass_hs_block_scanner_for_host(void) {
    declass_hs_block_scanner chosen = { hs_scan, 0 };
    if (!declass_hs_cpu_has_sse42()) return chosen;
    void *self = dlopen(NULL, RTLD_NOW);
    if (!self) return chosen;
    void *sse42 = dlsym(self, "corei7_hs_scan");
    if (sse42) {
        chosen.scan = (declass_hs_scan_fn)sse42;
        chosen.sixteenByteVectors = 1;
    }
    return chosen;
}

/// The platform databases are compiled for: generic tuning and no optional CPU features, so that any of
/// the library's scan routines (the SSE4.2 one `declass_hs_block_scanner_for_host` picks included) can
/// run them.
static inline hs_platform_info_t declass_hs_generic_platform(void) {
    hs_platform_info_t platform;
    platform.tune = HS_TUNE_FAMILY_GENERIC;
    platform.cpu_features = 0;
    platform.reserved1 = 0;
    platform.reserved2 = 0;
    return platform;
}
#endif
