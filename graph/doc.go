// Package graph is kgb's knowledge graph: entities as nodes and relations as
// the lines of a gonum weighted directed multigraph
// (gonum.org/v1/gonum/graph/multi), one line per distinct
// (subject, predicate, object, negated), weighted by the evidence that
// states it.
//
// A Graph is built through Add from triples (what the extractor produces) or
// read from N-Quads / N-Triples with ReadNQuads, which is strict: every line
// is checked against the RDF 1.1 grammar before it is used, and an error names
// the file, line and column.
//
// Analyze measures a graph: degree, weighted PageRank, betweenness, harmonic
// centrality, HITS, weakly connected components and Louvain communities.
// Every measure is deterministic, so the same graph gives byte-identical
// output on every run.
package graph
