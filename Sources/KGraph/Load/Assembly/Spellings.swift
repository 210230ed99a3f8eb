/// Numbers the distinct strings it is given, 0, 1, 2... in order of first sight, so that callers
/// decide once per spelling what a relation type or a cited document means. Strings are the same
/// spelling when their Unicode scalars are (`IDKey`), that is when their UTF-8 bytes are: they are
/// kept in the byte table the graph keeps its ids in.
struct Spellings {
    private var numbers = ByteTable()

    /// The number of `string`, a new one (equal to the count so far) when first seen.
    mutating func number(_ string: String) -> Int { Int(numbers.insert(string).index) }

    /// The number of the string spelled by these UTF-8 bytes (`number(_:)` without a String).
    mutating func number(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int { Int(numbers.insert(bytes).index) }
}
