/// kgraph's version, printed by `kgraph --version` and written into the manual page.
let kgraphVersion = "0.1.0"
