import Foundation

/// Merges fragments from one or more files into a `Graph` and validates the whole: duplicate ids,
/// references to unknown entities or documents, unknown kinds and relation types, domain and range,
/// relations without a source. Every problem is reported, not just the first.
///
/// Assembly runs in named phases (`Assembly`): check the vocabulary, reserve room, declare
/// documents and entities, check countries, then per fragment resolve each relation's ends, check
/// its citations and its type, and append the valid ones; last, the warnings.
public enum GraphAssembler {
    /// Shortcuts assembly takes on big inputs. Each gives the same graph and diagnostics as the
    /// plain path (tests compare them). Measured alone (callgrind, `kgraph-bench --split-load
    /// --fast-paths`, 100,000-relation GraphML), none saves 5 % of the load: given ends 2.9 % of
    /// the instructions, numbered spellings 2.5 %, indexing apart 2.8 % of the main thread's; together
    /// about 7 %, more than the 3 % a change of the load may cost, so all three are kept.
    public struct FastPaths: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Relation ends a reader gives as positions (`GraphFragment.relationEnds`) are confirmed
        /// by comparing one id, instead of looked up by hashing it.
        public static let givenEnds = FastPaths(rawValue: 1)

        public static let all: FastPaths = [.givenEnds]
    }

    /// Builds the graph from `fragments` (in order) over `base` extended by each fragment's vocabulary.
    /// `strictVocabulary`: other formats' files break the vocabulary (unknown kinds and types,
    /// domain and range) with errors, as the native format does, not counted warnings.
    public static func assemble(_ input: consuming [GraphFragment], base: Vocabulary = .standard,
                                fastPaths: FastPaths = .all, strictVocabulary: Bool = false,
                                diagnostics: inout [Diagnostic]) -> Graph {
        var fragments = consume input
        var vocabulary = base
        for f in fragments { vocabulary = vocabulary.merging(f.vocabulary) }
        var a = Assembly(vocabulary: vocabulary, fastPaths: fastPaths, strictVocabulary: strictVocabulary)
        a.checkVocabulary(fragments)
        checkCitationEntities(fragments, &a.diagnostics)
        a.reserveRoom(for: fragments)
        let positions = a.declare(fragments)
        a.checkCountries(fragments)
        a.numberKinds()
        for k in fragments.indices {
            // Taken out of the fragment so that, when every relation is valid, the graph adopts the
            // array itself instead of copying it; the ends are let go of as soon as they are used.
            let list = fragments[k].relations
            fragments[k].relations = []
            let ends = positions[k].isEmpty ? [] : fragments[k].relationEnds
            fragments[k].relationEnds = []
            a.addRelations(list, ends: ends, positions: positions[k], of: fragments[k])
        }
        a.warnings(fragments)
        diagnostics += a.diagnostics
        diagnostics += a.lenient.diagnostics(vocabulary)
        a.graph.compact()
        return a.graph
    }
}
