/// One finding of `kgraph check --format json`:
/// `{"severity","message","file"?,"line"?,"column"?,"relations"?}`.
public struct DiagnosticJSON: Codable, Hashable, Sendable {
    public var severity: String
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The relations a finding beyond form concerns (both claims of a contradiction).
    public var relations: [String]?
}

/// `kgraph check --format json`: `{"diagnostics":[...],"errors":N,"warnings":N,"notes":N,"files":N}`.
public struct CheckJSON: Codable, Hashable, Sendable {
    public var diagnostics: [DiagnosticJSON]
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    public var files: Int

    /// The findings of a check over `files` graph files.
    public init(_ diagnostics: [Diagnostic], files: Int) {
        self.diagnostics = diagnostics.map(\.json)
        errors = diagnostics.total(.error)
        warnings = diagnostics.total(.warning)
        notes = diagnostics.total(.note)
        self.files = files
    }
}

extension Diagnostic {
    /// This finding in the stable JSON shape.
    public var json: DiagnosticJSON {
        DiagnosticJSON(severity: severity.rawValue, message: message, file: location?.file, line: location?.line,
                       column: location?.column, relations: relations.isEmpty ? nil : relations)
    }
}
