import Foundation
import Testing

/// The HTML explorer in a real browser (issue 15): Tests/Browser/explorer_test.py drives headless
/// Chromium through Selenium over pages the built `kgraph` writes, and compares what they show with
/// the CLI's JSON (show, relations --since/--until, path, neighbors). `.ci/setup test` installs
/// Chromium, its driver and Selenium.
@Suite(.serialized) struct ExplorerBrowserTests {
    func run(_ part: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", packageRoot.appendingPathComponent("Tests/Browser/explorer_test.py").path,
                       "--kgraph", productsFolder.appendingPathComponent("kgraph").path,
                       "--bench-gen", productsFolder.appendingPathComponent("kgraph-bench-gen").path,
                       "--graphs", packageRoot.appendingPathComponent("Graphs").path,
                       "--hostile", fixtures.appendingPathComponent("hostile.yaml").path,
                       "--only", part]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "explorer_test.py --only \(part):\n\(text)")
    }

    /// Search, cards, edges, time window, filters, paths, focus, keyboard and the shared link on the shipped graph.
    @Test func shippedGraph() throws { try run("shipped") }

    /// The legend lists only the visible relations' styles, as `render` with the same filters; "unrated" toggles.
    @Test func legendFollowsWhatIsVisible() throws { try run("legend") }

    /// Hostile names, quotes, notes and titles show literally; nothing runs and only http(s) links exist.
    @Test func hostileNames() throws { try run("hostile") }

    /// A generated 5,000-entity graph opens and searches; past the size limit the page says so.
    @Test func fiveThousandEntities() throws { try run("scale") }
}
