// libxml2, as packaged by Debian's libxml2-dev. `pkg-config --cflags libxml-2.0` puts
// /usr/include/libxml2 on the include path, so the headers are included as <libxml/…>.
// Only DeclassXML imports this module.
#ifndef DECLASS_CLIBXML2_SHIM_H
#define DECLASS_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, and libxml/encoding.h then includes ICU's <unicode/ucnv.h>,
// whose enums clash with the ICU copy Foundation ships (_FoundationICU). declass never touches the
// encoding handlers' ICU fields, so the ICU part of the header is left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#endif
