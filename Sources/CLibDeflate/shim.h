#ifndef BROADSHEET_CLIBDEFLATE_SHIM_H
#define BROADSHEET_CLIBDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
