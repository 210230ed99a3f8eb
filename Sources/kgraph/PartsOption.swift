import ArgumentParser
import KGraph

/// `--include-parts`, shared by show, timeline and path (and render --path): a named entity also
/// stands for the entities that are part of it, so "United States" answers for US armed forces and
/// US Central Command too.
struct PartsOption: ParsableArguments {
    @Flag(name: .long, help: "Also include the entities that are part of the named ones (part-of, to any depth).")
    var includeParts = false

    /// `entities`, with their parts when asked.
    func expand(_ entities: [Int32], in g: Graph) -> [Int32] { includeParts ? g.withParts(entities) : entities }

    /// `endpoint`, standing for its parts too when asked.
    func expand(_ endpoint: Endpoint, in g: Graph) -> Endpoint { includeParts ? endpoint.withParts(in: g) : endpoint }
}
