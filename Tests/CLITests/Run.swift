import Foundation
import Testing

/// What a command printed and how it exited.
struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The folder that holds the built products (`kgraph`, `who-backs`), found from the test bundle.
let productsFolder: URL = {
    var url = Bundle.main.bundleURL
    for _ in 0..<4 {
        if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("kgraph").path) { return url }
        url = url.deletingLastPathComponent()
    }
    return Bundle.main.bundleURL.deletingLastPathComponent()
}()

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs a built product with `arguments`, in `directory`, with `environment` added (a nil value removes a variable).
func runProduct(_ product: String, _ arguments: [String], in directory: URL? = nil,
                environment: [String: String?] = [:]) throws -> Outcome {
    let p = Process()
    p.executableURL = productsFolder.appendingPathComponent(product)
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["KGRAPH_GRAPH"] = nil
    for (k, v) in environment { env[k] = v ?? nil }
    p.environment = env
    if let directory { p.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Read both pipes before waiting so a large output cannot block the child.
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Outcome(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// Runs the built `kgraph` with `arguments`.
func kgraph(_ arguments: [String], in directory: URL? = nil, environment: [String: String?] = [:]) throws -> Outcome {
    try runProduct("kgraph", arguments, in: directory, environment: environment)
}

/// `--graph` pointing at a fixture.
func graph(_ name: String = "small.yaml") -> [String] { ["--graph", fixtures.appendingPathComponent(name).path] }

/// A fresh empty folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-cli-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}
