extension Field {
    /// A field whose value is one of `E`'s cases, or none (`Unrated.word`) when `unrated` allows
    /// it: read and set as its word (`FieldValue.choice`), and from the word's UTF-8 bytes.
    /// The words are listed once here and matched against that list: readers set these fields once
    /// per record, and `allCases` makes a new array at each call.
    init<E: CaseIterable & RawRepresentable & Sendable>(_ key: String, choice: E.Type, unrated: Bool, default d: E,
                                                        get: @escaping @Sendable (Record) -> E?,
                                                        set: @escaping @Sendable (inout Record, E?) -> Void) where E.RawValue == String {
        let cases = Array(E.allCases)
        let words = cases.map(\.rawValue) + (unrated ? [Unrated.word] : [])
        let bytes = words.map { Array($0.utf8) }
        self.init(key, .choice(words, default: d.rawValue), text: { get($0)?.rawValue ?? Unrated.word }, set: { r, s in
            guard let k = words.firstIndex(of: s) else { return false }
            // After the cases comes `unrated`: none.
            set(&r, k < cases.count ? cases[k] : nil)
            return true
        }, bytes: { r, b in
            for k in bytes.indices where bytes[k].count == b.count && bytes[k].withUnsafeBufferPointer({ sameBytes($0, b) }) {
                set(&r, k < cases.count ? cases[k] : nil)
                return true
            }
            return false
        })
    }
}
