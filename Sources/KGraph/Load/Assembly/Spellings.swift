/// Numbers the distinct strings it is given, 0, 1, 2... in order of first sight, so that callers
/// decide once per spelling what a relation type or a cited document means. Strings are the same
/// spelling when their Unicode scalars are (`IDKey`).
struct Spellings {
    private var numbers: [IDKey: Int] = [:]

    /// The number of `string`, a new one (equal to the count so far) when first seen.
    mutating func number(_ string: String) -> Int {
        if let n = numbers[IDKey(string)] { return n }
        numbers[IDKey(string)] = numbers.count
        return numbers.count - 1
    }
}
