// Package export writes a knowledge graph (graph.Graph, with its
// graph.Metrics when a format carries measures) in the formats people load
// graphs into: N-Quads and N-Triples for graph databases, Graphviz DOT for
// diagrams, and networkx-compatible node-link JSON for analysis tools.
//
// Each format registers itself by name in an init function, the way
// database/sql drivers do, so the command line lists and picks formats
// (Lookup, ForPath, Formats) without knowing any of them. Every writer is
// deterministic: entities are written in ID order and relations in ID
// order, so the same graph gives the same bytes.
//
// Nothing a writer emits is raw input text. Every RDF term is minted by
// one set of rules: names (labels, predicates, documents, property keys)
// become IRIs under Options.BaseIRI with every character an IRI may not
// hold percent-encoded, so any text gives a valid IRI and different names
// give different IRIs; literals are escaped per N-Triples; DOT strings are
// quoted by this package before gonum's encoder sees them.
package export
