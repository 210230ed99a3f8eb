extension IDSlots {
    /// Whether the values all differ. One table of a million values misses the processor's caches
    /// at nearly every insertion (the renaming of a NetworkX file's edge ids spent 86 % of its
    /// lookups' time loading the slot), so the values are first spread, in one pass, into groups
    /// by their top bits, and each group is then checked in a table that stays in the cache.
    /// - Complexity: O(n) time; 8 bytes a value besides the input, while it runs.
    static func allDiffer(_ values: [UInt64]) -> Bool {
        let n = values.count
        guard n > 1 else { return true }
        var groupBits = 0
        while n >> groupBits > groupSize { groupBits += 1 }
        // The group is the top `groupBits` bits; a table's slot is picked by the low bits.
        func group(_ v: UInt64) -> Int { groupBits == 0 ? 0 : Int(truncatingIfNeeded: v >> UInt64(64 - groupBits)) }
        // Where each group starts in `grouped`, the groups in order.
        var start = [Int](repeating: 0, count: (1 << groupBits) + 1)
        for v in values { start[group(v) + 1] += 1 }
        var largest = 0
        for g in 0..<(1 << groupBits) {
            largest = max(largest, start[g + 1])
            start[g + 1] += start[g]
        }
        let grouped = [UInt64](unsafeUninitializedCapacity: n) { out, count in
            var next = start
            for v in values {
                let g = group(v)
                out[next[g]] = v
                next[g] += 1
            }
            count = n
        }
        var size = 16
        while size < largest * 2 { size <<= 1 }
        // 0 marks an empty slot, so a 0 among the values is counted apart.
        var table = [UInt64](repeating: 0, count: size)
        var zeros = 0
        let mask = size - 1
        for g in 0..<(1 << groupBits) where start[g + 1] > start[g] {
            for v in grouped[start[g]..<start[g + 1]] {
                guard v != 0 else { zeros += 1; if zeros > 1 { return false }; continue }
                var i = Int(truncatingIfNeeded: v) & mask
                while table[i] != 0 {
                    if table[i] == v { return false }
                    i = (i + 1) & mask
                }
                table[i] = v
            }
            table.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        return true
    }

    /// About how many values a group holds: its table, at twice that, fits the first-level cache.
    static let groupSize = 1024
}
