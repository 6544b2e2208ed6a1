// Vectorscan (the portable Hyperscan), as packaged by Debian's libvectorscan-dev.
// `pkg-config --cflags libhs` puts the hs/ directory itself on the include path
// (-I/usr/include/hs), so the header is included by its bare name; that also
// works for installs whose pkg-config prefix is not a default include directory.
#ifndef DECLASS_CVECTORSCAN_SHIM_H
#define DECLASS_CVECTORSCAN_SHIM_H
#include <hs.h>
#endif
