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
    // No fast paths on one core: each of the three it had (relation ends handed over by the
    // GraphML reader, spellings numbered by a byte hash, relation ids indexed on another thread)
    // saved under 5 % of the whole load pinned to one core (issue 11, item 3), so each went. With
    // two cores, a big graph's assembly uses the second (`Assembly+SecondCore`).

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
            let list = fragments[k].relations
            fragments[k].relations = []
            a.addRelations(list, of: fragments[k], index: k)
        }
        a.warnings(fragments)
        diagnostics += a.diagnostics
        diagnostics += a.lenient.diagnostics(vocabulary)
        a.graph.compact()
        return a.graph
    }
}
