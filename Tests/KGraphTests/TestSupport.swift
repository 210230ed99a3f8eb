import Foundation
@testable import KGraph

/// Fixture text with «» around the places a diagnostic should point at; returns the text without
/// the markers and the 1-based line:column of each marked place, in order.
func marked(_ text: String) -> (text: String, places: [String]) {
    var clean = ""
    var places: [String] = []
    var line = 1, column = 1
    for ch in text.unicodeScalars {
        switch ch {
        case "«": places.append("\(line):\(column)")
        case "»": break
        case "\n": clean.unicodeScalars.append(ch); line += 1; column = 1
        default: clean.unicodeScalars.append(ch); column += 1
        }
    }
    return (clean, places)
}

/// The diagnostics of loading `yaml`, as "line:column: severity: message" without the file name.
func diagnostics(of yaml: String) -> [String] {
    GraphLoader.load(yaml: yaml, file: "f.yaml").diagnostics.map { d in
        String(d.description.dropFirst("f.yaml:".count))
    }
}

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
