import Foundation

/// An id as a dictionary key, equal to another only when both spell the same Unicode scalars.
///
/// This is kgraph's one rule for ids, in every reader, the assembler and the graph: `café` with a
/// precomposed `é` and `cafe` + U+0301 are two ids, as they are two ids in XML and in NetworkX
/// (Swift's `String` would call them equal). Names and aliases are looked up folded instead
/// (`NameIndex`), so a user who types either spelling still finds the entity by name.
struct IDKey: Hashable, Sendable {
    let id: String

    init(_ id: String) { self.id = id }

    static func == (a: IDKey, b: IDKey) -> Bool { sameScalars(a.id, b.id) }

    func hash(into hasher: inout Hasher) {
        // Equal scalars are equal UTF-8 bytes: hash the bytes (Hasher is seeded per process).
        if id.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for b in id.utf8 { hasher.combine(b) }
        }
        hasher.combine(0xFF as UInt8)
    }
}

/// Whether two strings spell the same Unicode scalars (compared as UTF-8 bytes).
func sameScalars(_ a: String, _ b: String) -> Bool {
    let compared = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y in
            // The same storage (readers share one string per id) is equal without reading it.
            x.count == y.count && (x.isEmpty || x.baseAddress == y.baseAddress || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
        }
    }
    if let known = compared ?? nil { return known }
    return a.utf8.elementsEqual(b.utf8)
}
