/// Numbers the distinct strings it is given, 0, 1, 2... in order of first sight, so that callers
/// decide once per spelling what a relation type or a cited document means. Strings are the same
/// spelling when their Unicode scalars are (`IDKey`).
///
/// `byteHash` (`GraphAssembler.FastPaths.numberedSpellings`): a seeded hash of the UTF-8 bytes in
/// a table of its own, several times cheaper than a `Hasher`-keyed dictionary for the few strings
/// a big graph names millions of times; otherwise a dictionary.
struct Spellings {
    private let byteHash: Bool
    private var numbers: [IDKey: Int] = [:]
    /// Entry number + 1 in the low 32 bits, hash tag in the high 32; 0 is empty.
    private var slots = [UInt64](repeating: 0, count: 16)
    private var strings: [String] = []
    private let seed = ByteTable.processSeed

    init(byteHash: Bool) { self.byteHash = byteHash }

    /// The number of `string`, a new one (equal to the count so far) when first seen.
    mutating func number(_ string: String) -> Int {
        guard byteHash else {
            if let n = numbers[IDKey(string)] { return n }
            numbers[IDKey(string)] = numbers.count
            return numbers.count - 1
        }
        let hash = hash(string)
        let tag = hash >> 32, mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            if slots[i] >> 32 == tag {
                let e = Int(slots[i] & 0xFFFF_FFFF) - 1
                if sameScalars(strings[e], string) { return e }
            }
            i = (i + 1) & mask
        }
        strings.append(string)
        slots[i] = tag << 32 | UInt64(strings.count)
        if strings.count * 2 > slots.count { grow() }
        return strings.count - 1
    }

    private func hash(_ s: String) -> UInt64 {
        s.utf8.withContiguousStorageIfAvailable { ByteTable.hash($0, seed: seed) }
            ?? Array(s.utf8).withUnsafeBufferPointer { ByteTable.hash($0, seed: seed) }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            let e = Int(slot & 0xFFFF_FFFF) - 1
            var i = Int(truncatingIfNeeded: hash(strings[e])) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
