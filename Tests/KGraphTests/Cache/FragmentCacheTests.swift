import Foundation
import Testing
@testable import KGraph

/// A fresh folder for one test's cache and graph files.
private func scratch() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgraph-cache-\(UUID())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// A valid graph big enough to pass `GraphLoader.cacheThreshold`, with a tunable name.
private func bigGraph(name: String = "Iran", extra: String = "") -> String {
    var y = """
        graph:
          title: cache test
        documents:
          - id: d1
            title: A report
            published: 2024-02
        entities:
          - id: iran
            name: \(name)
            kind: state
            aliases: [IR, "Islamic Republic"]
            attributes: {founded: 1979, tags: [a, b], nested: {x: 1.5, y: true}}
          - id: iraq
            name: Iraq
            kind: state

        """
    y += "relations:\n"
    var i = 0
    while y.utf8.count < GraphLoader.cacheThreshold + 1000 {
        y += """
              - id: r\(i)
                source: iran
                type: backs
                target: iraq
                date: \(2000 + i % 20)-0\(1 + i % 9)..
                confidence: medium
                sources:
                  - document: d1
                    quote: "quote number \(i) with “curly” quotes"
                note: note \(i)

            """
        i += 1
    }
    return y + extra
}

@Suite(.serialized) struct FragmentCacheTests {
    @Test func sha256MatchesPublishedVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Fed in uneven pieces, the digest is the same.
        var h = SHA256()
        let text = Array("The quick brown fox jumps over the lazy dog".utf8)
        h.update(text[0..<5]); h.update(text[5..<40]); h.update(text[40...])
        #expect(h.finish().map { String(format: "%02x", $0) }.joined()
                == "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592")
    }

    @Test func secondLoadComesFromTheCacheAndEqualsTheFirst() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/g.yaml"
        try bigGraph().write(toFile: file, atomically: true, encoding: .utf8)
        let cache = FragmentCache(folder: dir + "/cache")
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let key = cache.key(for: data, file: file)
        #expect(cache.lookUp(key) == nil)

        var parsedDiagnostics: [Diagnostic] = []
        let parsed = GraphFileParser.parse(yaml: String(decoding: data, as: UTF8.self), file: file,
                                           diagnostics: &parsedDiagnostics)
        cache.store(parsed, diagnostics: parsedDiagnostics, key: key)
        let hit = try #require(cache.lookUp(key))
        #expect(hit.diagnostics == parsedDiagnostics)
        #expect(hit.fragment.entities == parsed.entities)
        #expect(hit.fragment.relations == parsed.relations)
        #expect(hit.fragment.documents == parsed.documents)
        #expect(hit.fragment.title == parsed.title)
        #expect(hit.fragment.entityPlaces.map(\.aliases) == parsed.entityPlaces.map(\.aliases))
        #expect(hit.fragment.relationPlaces.map(\.documents) == parsed.relationPlaces.map(\.documents))
        #expect(hit.fragment.relationPlaces.map(\.source) == parsed.relationPlaces.map(\.source))
        #expect(hit.fragment.entities[0].attributes["nested"] == .map(["x": .double(1.5), "y": .bool(true)]))
    }

    @Test func aChangedFileMissesTheCacheAndLoadsTheNewContent() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/g.yaml"
        setenv("KGRAPH_CACHE", dir + "/cache", 1)
        defer { unsetenv("KGRAPH_CACHE") }

        try bigGraph(name: "Iran").write(toFile: file, atomically: true, encoding: .utf8)
        let first = try GraphLoader.load(paths: [file])
        #expect(first.graph.entity(id: "iran")?.name == "Iran")
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir + "/cache")
        #expect(entries.count == 1, "the first load fills the cache")
        let again = try GraphLoader.load(paths: [file])
        #expect(again.graph.entities == first.graph.entities && again.graph.relations == first.graph.relations)
        #expect(again.diagnostics == first.diagnostics)

        // Same size, one letter different: the content hash changes, so the new name is seen.
        try bigGraph(name: "Iram").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try GraphLoader.load(paths: [file]).graph.entity(id: "iran")?.name == "Iram")

        // A new error in the file is reported, not hidden behind a cached clean parse.
        try bigGraph(name: "Iran", extra: "  - id: bad\n    source: iran\n").write(toFile: file, atomically: true, encoding: .utf8)
        let broken = try GraphLoader.load(paths: [file])
        #expect(broken.diagnostics.hasErrors)
        let cachedBroken = try GraphLoader.load(paths: [file])
        #expect(cachedBroken.diagnostics == broken.diagnostics)
    }

    @Test func aDamagedEntryIsIgnored() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/g.yaml"
        try bigGraph().write(toFile: file, atomically: true, encoding: .utf8)
        let cache = FragmentCache(folder: dir + "/cache")
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let key = cache.key(for: data, file: file)
        var found: [Diagnostic] = []
        let parsed = GraphFileParser.parse(yaml: String(decoding: data, as: UTF8.self), file: file, diagnostics: &found)
        cache.store(parsed, diagnostics: found, key: key)
        let entry = dir + "/cache/" + (try FileManager.default.contentsOfDirectory(atPath: dir + "/cache")[0])
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))
        // Flip one byte in the payload, then truncate: both are refused, never trusted or trapped on.
        bytes[bytes.count / 2] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: entry))
        #expect(cache.lookUp(key) == nil)
        try Data(bytes.prefix(bytes.count / 3)).write(to: URL(fileURLWithPath: entry))
        #expect(cache.lookUp(key) == nil)
        // Another file's key never finds this entry.
        #expect(cache.lookUp(cache.key(for: data, file: dir + "/other.yaml")) == nil)
    }

    @Test func offSwitchesTheCacheOff() {
        #expect(FragmentCache.configured(environment: ["KGRAPH_CACHE": "off", "HOME": "/root"]) == nil)
        #expect(FragmentCache.configured(environment: ["KGRAPH_CACHE": "/tmp/x"])?.folder == "/tmp/x")
        #expect(FragmentCache.configured(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.folder == "/c/kgraph")
        #expect(FragmentCache.configured(environment: ["HOME": "/h"])?.folder == "/h/.cache/kgraph")
    }
}
