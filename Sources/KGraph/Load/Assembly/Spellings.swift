/// Numbers the distinct strings it is given, 0, 1, 2... in order of first sight, so that callers
/// decide once per spelling what a relation type or a cited document means. Strings are the same
/// spelling when their Unicode scalars are (`IDKey`), that is when their UTF-8 bytes are: they are
/// kept in the byte table the graph keeps its ids in.
struct Spellings {
    private var numbers = ByteTable()
    /// Strings asked for lately with their numbers, by their 16 bytes as held. A relation type is
    /// nearly always a small string (its bytes are in those 16) or one text the reader shares among
    /// relations: found here, it is not hashed (193 instructions a relation before, 1,000,000
    /// relations a load). The strings are kept so that no storage they point to is reused.
    private var recent = [(string: String, number: Int)](repeating: ("", -1), count: 64)

    /// The number of `string`, a new one (equal to the count so far) when first seen.
    mutating func number(_ string: String) -> Int {
        let bits = unsafeBitCast(string, to: (UInt64, UInt64).self)
        let slot = Int(truncatingIfNeeded: ((bits.0 ^ bits.1) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        let held = unsafeBitCast(recent[slot].string, to: (UInt64, UInt64).self)
        if held == bits && recent[slot].number >= 0 { return recent[slot].number }
        let n = Int(numbers.insert(string).index)
        recent[slot] = (string, n)
        return n
    }

    /// The number of the string spelled by these UTF-8 bytes (`number(_:)` without a String).
    mutating func number(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int { Int(numbers.insert(bytes).index) }
}
