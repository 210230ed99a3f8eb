import Foundation
import Testing

/// The pictures committed in Examples/ are what the current code draws from the current Graphs/.
@Suite struct ExamplesTests {
    @Test func committedPicturesAreCurrent() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [packageRoot.appendingPathComponent("Examples/render-examples.sh").path,
                       productsFolder.appendingPathComponent("kgraph").path, dir.path]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let drawn = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        let committed = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Examples").path)
            .filter { $0.hasSuffix(".svg") }.sorted()
        #expect(drawn == committed)
        for name in drawn {
            let fresh = try Data(contentsOf: dir.appendingPathComponent(name))
            let old = try Data(contentsOf: packageRoot.appendingPathComponent("Examples").appendingPathComponent(name))
            #expect(fresh == old, "Examples/\(name) is stale: run `make examples`")
        }
    }
}
