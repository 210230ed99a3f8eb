// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kgraph",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "KGraph", targets: ["KGraph"]),
        .library(name: "KGraphRender", targets: ["KGraphRender"]),
        .executable(name: "kgraph", targets: ["kgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Only for `make docs` (swift package generate-documentation); nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Pure Swift: model, vocabulary, loading, validation, names, queries, text writers.
        .target(name: "KGraph", dependencies: ["Yams"]),
        // Graphviz's C API (cgraph + gvc), found through pkg-config.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        // Rendering: plans a picture (selection, engine, DOT text) and lays it out through Graphviz,
        // whose C API only GraphvizRenderer.swift talks to.
        // Resources/ holds the HTML explorer's page, style sheet and script (`render --format html`).
        .target(name: "KGraphRender", dependencies: ["KGraph", "CGraphviz"], resources: [.copy("Resources")]),
        .executableTarget(
            name: "kgraph",
            dependencies: [
                "KGraph", "KGraphRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "who-backs", dependencies: ["KGraph"], path: "Examples/WhoBacks"),
        // Benchmarks (issue 6): the seeded graph generator and the in-process timing program.
        .target(name: "KGraphBenchGen", dependencies: ["KGraph"], path: "Benchmarks/Generator"),
        .executableTarget(
            name: "kgraph-bench-gen",
            dependencies: ["KGraphBenchGen", "KGraph", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/kgraph-bench-gen"
        ),
        .executableTarget(name: "kgraph-bench", dependencies: ["KGraph", "KGraphRender"], path: "Benchmarks/kgraph-bench"),
        // Fuzz targets for every reader (Fuzz/run.sh builds them with libFuzzer and AddressSanitizer).
        .executableTarget(name: "kgraph-fuzz", dependencies: ["KGraph"], path: "Fuzz", exclude: ["run.sh"]),
        .testTarget(name: "KGraphTests", dependencies: ["KGraph"], exclude: ["Fixtures"]),
        .testTarget(name: "KGraphRenderTests", dependencies: ["KGraphRender", "KGraph"]),
        .testTarget(name: "BenchmarkTests", dependencies: ["KGraphBenchGen", "KGraph"]),
        .testTarget(name: "CLITests", dependencies: ["kgraph", "who-backs"], exclude: ["Fixtures"]),
    ]
)
