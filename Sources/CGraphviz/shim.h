#ifndef KGRAPH_CGRAPHVIZ_SHIM_H
#define KGRAPH_CGRAPHVIZ_SHIM_H
#include <gvc.h>

/// Swift 6 rejects the mutable C global `Agdirected`; hand it out by value instead.
static inline Agdesc_t kg_agdirected(void) { return Agdirected; }
#endif
