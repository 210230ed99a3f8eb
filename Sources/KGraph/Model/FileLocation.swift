/// Where something stands in a source file, 1-based (columns count Unicode scalars).
public struct FileLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    // 32-bit storage: every relation of a big graph carries locations, and no file has 4 billion lines.
    private var line32: Int32
    private var column32: Int32

    public var line: Int {
        get { Int(line32) }
        set { line32 = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(column32) }
        set { column32 = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line32 = Int32(clamping: line)
        self.column32 = Int32(clamping: column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}
