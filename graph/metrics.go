package graph

import "time"

// Measures of one entity, as computed by Analyze.
type Measures struct {
	// InDegree, OutDegree and Degree count relations (lines), so parallel
	// relations between two entities each count.
	InDegree, OutDegree, Degree int
	// PageRank is the weighted PageRank score; scores sum to 1.
	PageRank float64
	// Betweenness is the raw number of shortest paths through the entity
	// (directed, on the simple projection); BetweennessNorm divides it by
	// (n-1)(n-2).
	Betweenness, BetweennessNorm float64
	// Harmonic is the harmonic centrality: the sum of 1/d(u, v) over every
	// other entity u that reaches v.
	Harmonic float64
	// Hub and Authority are the HITS scores, each vector of unit 2-norm.
	Hub, Authority float64
	// Community numbers the Louvain community, 0 being the largest.
	Community int
	// Component numbers the weakly connected component, 0 being the largest.
	Component int
}

// Timing is how long one stage of the analysis took.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// Metrics holds the measures of every entity of a graph and the summary of
// the whole.
type Metrics struct {
	// Nodes holds the measures of each entity, indexed by entity ID.
	Nodes []Measures

	// Entities and Relations count the graph; Links counts the edges of
	// the simple projection (distinct ordered entity pairs).
	Entities, Relations, Links int
	// Components and Communities count the groups found; Modularity is
	// the Louvain partition's modularity on the undirected projection.
	Components, Communities int
	Modularity              float64

	// HasBetweenness and HasHarmonic report whether those measures were
	// computed; they are skipped above Options.PathMaxNodes unless forced.
	HasBetweenness, HasHarmonic bool

	// Notes explain measures that were skipped and how to get them.
	Notes []string
	// Timings lists each stage and its duration, in order.
	Timings []Timing
}

// Of returns the measures of e.
func (m *Metrics) Of(e *Entity) Measures { return m.Nodes[e.id] }

// Options tune Analyze. The zero value is not useful; start from
// DefaultOptions.
type Options struct {
	// Damping is PageRank's damping factor, in (0, 1).
	Damping float64
	// Tolerance stops PageRank and HITS when the L1 change of the score
	// vector in one iteration falls below Tolerance times the number of
	// entities (networkx's criterion).
	Tolerance float64
	// MaxIterations bounds PageRank and HITS.
	MaxIterations int
	// PathMaxNodes is the largest graph on which betweenness and harmonic
	// centrality (O(n·m) time) are computed; 0 means no limit.
	PathMaxNodes int
	// ForcePaths computes betweenness and harmonic centrality whatever the
	// size of the graph.
	ForcePaths bool
	// Resolution is the Louvain modularity resolution; 1 is standard.
	Resolution float64
	// Seed seeds the Louvain community search.
	Seed uint64
}

// DefaultOptions returns the options kgb uses when nothing is configured.
func DefaultOptions() Options {
	return Options{
		Damping:       0.85,
		Tolerance:     1e-12,
		MaxIterations: 1000,
		PathMaxNodes:  20000,
		Resolution:    1,
		Seed:          1,
	}
}
