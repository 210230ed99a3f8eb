import Foundation

/// Merges fragments from one or more files into a `Graph` and validates the whole: duplicate ids,
/// references to unknown entities or documents, unknown kinds and relation types, domain and range,
/// relations without a source. Every problem is reported, not just the first.
///
/// Assembly runs in named phases (`Assembly`): check the vocabulary, reserve room, declare
/// documents and entities, check countries, then per fragment resolve each relation's ends, check
/// its citations and its type, and append the valid ones; last, the warnings. A big graph's
/// assembly does some of this on a second core (`Assembly+SecondCore`), with the same result.
public enum GraphAssembler {
    // One fast path on one core: relation ends a reader gives as entity positions
    // (`GraphFragment.relationEnds`, the GraphML reader) are mapped through an array instead of
    // looked up by id. It went once (issue 11, item 3: 2.5 % of the own export's load, under the
    // 5 % a fast path must earn) and came back when the GraphML reader kept its node numbers per
    // relation at no cost: on the 1,000,000-relation foreign file the lookups were 6.3-8.9 % of the
    // whole `kgraph path` pinned (perf), the mapping 1.2 %. Two others went for good (spellings
    // numbered by a byte hash, relation ids indexed on another thread). With two cores, a big
    // graph's assembly uses the second (`Assembly+SecondCore`).

    /// Builds the graph from `fragments` (in order) over `base` extended by each fragment's vocabulary.
    /// `strictVocabulary`: other formats' files break the vocabulary (unknown kinds and types,
    /// domain and range) with errors, as the native format does, not counted warnings.
    public static func assemble(_ input: consuming [GraphFragment], base: Vocabulary = .standard,
                                strictVocabulary: Bool = false,
                                diagnostics: inout [Diagnostic]) -> Graph {
        assemble(input, base: base, strictVocabulary: strictVocabulary, secondCore: .automatic, diagnostics: &diagnostics)
    }

    /// `secondCore`: whether big fragments are assembled with a second core (tests choose).
    static func assemble(_ input: consuming [GraphFragment], base: Vocabulary = .standard, strictVocabulary: Bool = false,
                         secondCore: Assembly.SecondCore, diagnostics: inout [Diagnostic]) -> Graph {
        var fragments = consume input
        var vocabulary = base
        for f in fragments { vocabulary = vocabulary.merging(f.vocabulary) }
        var a = Assembly(vocabulary: vocabulary, strictVocabulary: strictVocabulary, secondCore: secondCore)
        a.checkVocabulary(fragments)
        a.startApart(fragments)
        if a.apart == nil { checkEntityReferences(fragments, &a.diagnostics) }
        a.reserveRoom(for: fragments)
        a.declare(fragments)
        a.checkCountries(fragments)
        a.handOverDeclared()
        for k in fragments.indices {
            // Taken out of the fragment so that, when every relation is valid, the graph adopts the
            // array itself instead of copying it.
            let list = fragments[k].relations, ends = fragments[k].relationEnds
            fragments[k].relations = []
            fragments[k].relationEnds = .init()
            a.addRelations(list, ends: ends, of: fragments[k], index: k)
        }
        a.warnings(fragments)
        diagnostics += a.diagnostics
        diagnostics += a.lenient.diagnostics(vocabulary)
        a.graph.compact()
        return a.graph
    }
}
