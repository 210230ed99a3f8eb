import CYaml

/// Finds the first YAML anchor (`&a`) or alias (`*a`), or value over the size limit, in a native
/// graph file before the YAML library builds a tree from it.
///
/// The native format does not support them, and the tree builder resolves an alias to the node
/// it names, so nine levels of `&a`/`*a` stand for billions of nodes that every later walk (and
/// the builder's own duplicate-key check, which hashes whole keys) pays for: an "alias bomb".
/// libyaml's event stream reports anchors and aliases as they are met, in time linear in the
/// text, with nothing expanded; so the check runs on events and stops at the first one.
enum YAMLAnchorCheck {
    /// The first anchor or alias in `yaml`, with its 1-based line and column; nil when there is
    /// none, or when the text has a syntax error before one (the tree builder reports that).
    /// The same pass refuses a scalar longer than `Limits.valueBytes` before the tree builder
    /// copies it into a string (only a text longer than that can hold one).
    /// - Complexity: O(bytes); texts without a `&` or `*` byte and no longer than the value limit
    ///   are not parsed at all.
    static func firstAnchorOrAlias(in yaml: String) -> (message: String, line: Int, column: Int)? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> (String, Int, Int)? in
            guard bytes.count > Limits.valueBytes
                || bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
            return scan(bytes)
        }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Int, Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            let place = (line: Int(mark.line) + 1, column: Int(mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                let name = text(event.data.alias.anchor)
                return ("YAML alias '*\(name)' is not supported in graph files: write the value out in full", place.line, place.column)
            case YAML_SCALAR_EVENT:
                if let a = event.data.scalar.anchor { return anchorMessage(text(a), place) }
                if event.data.scalar.length > Limits.valueBytes {
                    return ("a value of \(event.data.scalar.length) bytes, over the limit of \(Limits.valueBytes) bytes (16 MiB) for one value",
                            place.line, place.column)
                }
            case YAML_SEQUENCE_START_EVENT:
                if let a = event.data.sequence_start.anchor { return anchorMessage(text(a), place) }
            case YAML_MAPPING_START_EVENT:
                if let a = event.data.mapping_start.anchor { return anchorMessage(text(a), place) }
            default:
                break
            }
        }
        return nil
    }

    private static func anchorMessage(_ name: String, _ place: (line: Int, column: Int)) -> (String, Int, Int) {
        ("YAML anchor '&\(name)' is not supported in graph files (nor are aliases): write each value out in full",
         place.line, place.column)
    }

    private static func text(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }
}
