#ifndef BROADSHEET_CLIBXML2_SHIM_H
#define BROADSHEET_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its encoding.h would pull the system's unicode/ucnv.h, which
// clashes with Foundation's own ICU module on a clean build. Only the last two pointer fields of
// xmlCharEncodingHandler depend on it, so that struct is never allocated or copied from Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>

// Swift 6 rejects libxml2's function-pointer globals as not concurrency-safe: wrap each one.
static inline void broadsheet_xmlFree(void *p) { xmlFree(p); }
#endif
