/// The vocabulary that ships with the library, as data in the same YAML form a graph file's
/// `vocabulary:` section uses. Codes map kinds and types to public standards (Wikidata
/// properties, CAMEO event codes, ACLED event types) so exports can carry them. Every scalar is
/// text except the booleans, which say so (`!!bool`): `Vocabulary.standard` reads it without
/// resolving tags from patterns.
public let defaultVocabularyYAML = #"""
kinds:
  - {id: state, label: state, shape: box, style: "rounded,filled", fill: "#cfe2f3", codes: {wikidata: Q7275}}
  - {id: government-body, label: government body, shape: box, fill: "#d9d2e9", codes: {wikidata: Q327333}}
  - {id: armed-force, label: armed force, shape: hexagon, fill: "#f4cccc", codes: {wikidata: Q1785733}}
  - {id: militia, label: militia, shape: octagon, fill: "#f9cb9c", codes: {wikidata: Q17149090}}
  - {id: umbrella-group, label: umbrella group, shape: tab, fill: "#fce5cd", codes: {wikidata: Q1788992}}
  - {id: armed-group, label: armed group, shape: octagon, fill: "#ead1dc", codes: {wikidata: Q2785216}}
  - {id: person, label: person, shape: ellipse, fill: "#fff2cc", codes: {wikidata: Q5}}
  - {id: site, label: site, shape: house, fill: "#d9ead3", codes: {wikidata: Q18247357}}
  - {id: place, label: place, shape: ellipse, style: "dashed,filled", fill: "#eeeeee", codes: {wikidata: Q2221906}}
  - {id: organization, label: organization, shape: component, fill: "#e6e6e6", codes: {wikidata: Q43229}}
  - {id: agreement, label: agreement, shape: note, fill: "#ffffff", codes: {wikidata: Q321839}}

types:
  - id: backs
    label: backs
    inverse: backed by
    domain: [state, armed-force, government-body, person, organization]
    range: [militia, umbrella-group, armed-group, armed-force, organization, state]
    color: "#2e7d32"
    style: dashed
    codes: {wikidata: P859, cameo: "07"}
  - id: attacked
    label: attacked
    inverse: attacked by
    domain: [militia, umbrella-group, armed-group, armed-force, state, government-body, person, organization]
    range: []
    color: "#c62828"
    style: bold
    codes: {acled: Remote violence, cameo: "19"}
  - id: struck
    label: struck
    inverse: struck by
    domain: [state, armed-force, government-body]
    range: []
    color: "#1a3a8f"
    style: bold
    codes: {acled: Explosions/Remote violence, cameo: "195"}
  - id: spoke-for
    label: spoke for
    inverse: spoken for by
    domain: [person]
    range: [state, government-body, armed-force, militia, umbrella-group, armed-group, organization]
    color: "#6a1b9a"
    style: dotted
  - id: member-of
    label: member of
    inverse: has member
    domain: [militia, armed-group, armed-force, person, state, organization, umbrella-group]
    range: [umbrella-group, armed-force, organization, government-body, militia, armed-group, state]
    color: "#795548"
    style: solid
    codes: {wikidata: P463}
  - id: part-of
    label: part of
    inverse: has part
    domain: []
    range: []
    color: "#8d6e63"
    style: solid
    codes: {wikidata: P361}
  - id: leads
    label: leads
    inverse: led by
    domain: [person]
    range: []
    color: "#ad1457"
    style: solid
    codes: {wikidata: P488}
  - id: located-in
    label: located in
    inverse: location of
    domain: [site, place, government-body, armed-force]
    range: [place, state, site]
    color: "#9e9e9e"
    style: dotted
    codes: {wikidata: P131}
  - id: operates
    label: operates
    inverse: operated by
    domain: [state, armed-force, militia, umbrella-group, armed-group, government-body, organization]
    range: [site]
    color: "#00838f"
    style: dashed
    codes: {wikidata: P137}
  - id: uses
    label: uses
    inverse: used by
    domain: [state, armed-force, militia, umbrella-group, armed-group, government-body, organization]
    range: [site, place]
    color: "#00838f"
    style: dotted
  - id: killed
    label: killed
    inverse: killed by
    domain: []
    range: [person]
    color: "#000000"
    style: bold
  - id: allied-with
    label: allied with
    inverse: allied with
    symmetric: !!bool true
    domain: []
    range: []
    color: "#43a047"
    style: solid
  - id: fought
    label: fought
    inverse: fought by
    domain: []
    range: []
    color: "#e65100"
    style: solid
  - id: ordered
    label: ordered strikes on
    inverse: strikes ordered on it by
    domain: [person, government-body]
    range: []
    color: "#283593"
    style: dashed
  - id: warned
    label: warned
    inverse: warned by
    domain: []
    range: []
    color: "#f9a825"
    style: dashed
    codes: {cameo: "13"}
  - id: party-to
    label: party to
    inverse: has party
    domain: [state, organization, government-body]
    range: [agreement]
    color: "#607d8b"
    style: solid
  - id: withdrew-from
    label: withdrew from
    inverse: withdrawn from by
    domain: [state, organization, government-body, person]
    range: [agreement]
    color: "#607d8b"
    style: dashed
  - id: negotiated-with
    label: in talks with
    inverse: in talks with
    symmetric: !!bool true
    domain: []
    range: []
    color: "#607d8b"
    style: dotted
    codes: {cameo: "04"}
  - id: deployed-to
    label: deployed to
    inverse: hosts deployment of
    domain: []
    range: [place, state, site]
    color: "#5d4037"
    style: dotted
  - id: controlled
    label: controlled
    inverse: controlled by
    domain: []
    range: [place, state, site]
    color: "#4e342e"
    style: dashed
  - id: suspended-attacks-on
    label: suspended attacks on
    inverse: spared attacks by
    domain: []
    range: []
    color: "#8bc34a"
    style: dotted
  - id: hosts
    label: hosts
    inverse: hosted by
    domain: [state, government-body, site, place]
    range: []
    color: "#5d4037"
    style: dotted
"""#
