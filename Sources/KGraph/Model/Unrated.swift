/// The word for a confidence or assertion that was never recorded. A relation read from another
/// tool's file without them is unrated: it must not read as "high confidence, reported".
public enum Unrated {
    /// How files and text name the missing value.
    public static let word = "unrated"

    /// The value `text` names: `.some(nil)` for `unrated`, nil when it names nothing.
    public static func parse<E: RawRepresentable & CaseIterable>(_ text: String, _ type: E.Type) -> E?? where E.RawValue == String {
        if text == word { return .some(nil) }
        return E.allCases.first { $0.rawValue == text }.map { .some($0) }
    }
}

extension Field {
    /// The value as exports and `--format json` give it: none for a choice left `unrated` (the
    /// file it came from said nothing, so neither do they).
    public func recorded(_ r: Record) -> FieldData? {
        guard let d = get(r) else { return nil }
        if case .choice = value, d == .text(Unrated.word) { return nil }
        return d
    }
}
