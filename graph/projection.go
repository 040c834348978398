package graph

import (
	"cmp"
	"slices"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// projection is the simple directed graph under a Graph: one edge u→v for
// every ordered pair of entities with at least one relation from u to v,
// weighted by the sum of those relations' weights. It is stored as
// compressed sparse rows with neighbours sorted by ID, so every algorithm
// that walks it visits nodes in the same order on every run: gonum's own
// graphs iterate Go maps, whose order changes between runs and with it the
// last bits of floating-point sums. undirectedView shows it to gonum's
// algorithms.
type projection struct {
	n int
	// out[outStart[u]:outStart[u+1]] are u's successors, outW their
	// weights; likewise in for predecessors (unweighted: only
	// betweenness walks them) and und for the undirected neighbourhood
	// (both directions merged, weights summed). Self-loops are kept in
	// out and in (PageRank counts them) and dropped from und.
	outStart, inStart, undStart []int
	out, in, und                []int64
	outW, undW                  []float64
	nodes                       []gg.Node
}

func newProjection(g *Graph) *projection {
	n := g.Len()
	type arc struct {
		u, v int64
		w    float64
	}
	arcs := make([]arc, 0, len(g.relations))
	for _, r := range g.relations {
		arcs = append(arcs, arc{r.from.id, r.to.id, r.Weight()})
	}
	byEnds := func(a, b arc) int { return cmp.Or(cmp.Compare(a.u, b.u), cmp.Compare(a.v, b.v)) }
	merge := func(arcs []arc) []arc {
		slices.SortStableFunc(arcs, byEnds)
		out := arcs[:0]
		for _, a := range arcs {
			if k := len(out) - 1; k >= 0 && out[k].u == a.u && out[k].v == a.v {
				out[k].w += a.w
				continue
			}
			out = append(out, a)
		}
		return out
	}
	csr := func(arcs []arc) (start []int, adj []int64, w []float64) {
		start = make([]int, n+1)
		adj = make([]int64, len(arcs))
		w = make([]float64, len(arcs))
		for i, a := range arcs {
			start[a.u+1]++
			adj[i], w[i] = a.v, a.w
		}
		for u := range n {
			start[u+1] += start[u]
		}
		return start, adj, w
	}

	p := &projection{n: n, nodes: make([]gg.Node, n)}
	for i := range p.nodes {
		p.nodes[i] = simple.Node(i)
	}
	arcs = merge(arcs)
	p.outStart, p.out, p.outW = csr(arcs)

	rev := make([]arc, len(arcs))
	for i, a := range arcs {
		rev[i] = arc{a.v, a.u, a.w}
	}
	rev = merge(rev)
	p.inStart, p.in, _ = csr(rev)

	und := make([]arc, 0, 2*len(arcs))
	for _, a := range arcs {
		if a.u != a.v {
			und = append(und, a, arc{a.v, a.u, a.w})
		}
	}
	p.undStart, p.und, p.undW = csr(merge(und))
	return p
}

// links counts the edges of the directed projection.
func (p *projection) links() int { return len(p.out) }

func (p *projection) successors(u int64) ([]int64, []float64) {
	return p.out[p.outStart[u]:p.outStart[u+1]], p.outW[p.outStart[u]:p.outStart[u+1]]
}

func (p *projection) predecessors(v int64) []int64 { return p.in[p.inStart[v]:p.inStart[v+1]] }

func (p *projection) neighbours(u int64) ([]int64, []float64) {
	return p.und[p.undStart[u]:p.undStart[u+1]], p.undW[p.undStart[u]:p.undStart[u+1]]
}

func (p *projection) has(id int64) bool { return 0 <= id && id < int64(p.n) }

func (p *projection) nodeList(ids []int64) gg.Nodes {
	nodes := make([]gg.Node, len(ids))
	for i, id := range ids {
		nodes[i] = p.nodes[id]
	}
	return iterator.NewOrderedNodes(nodes)
}

func weightIn(ids []int64, w []float64, id int64) (float64, bool) {
	if i, ok := slices.BinarySearch(ids, id); ok {
		return w[i], true
	}
	return 0, false
}

// undirectedView shows the projection to gonum as a weighted undirected
// simple graph, for components and Louvain communities.
type undirectedView struct{ *projection }

var _ gg.WeightedUndirected = undirectedView{}

func (u undirectedView) Node(id int64) gg.Node {
	if !u.has(id) {
		return nil
	}
	return u.nodes[id]
}
func (u undirectedView) Nodes() gg.Nodes { return iterator.NewOrderedNodes(u.nodes) }
func (u undirectedView) From(id int64) gg.Nodes {
	if !u.has(id) {
		return gg.Empty
	}
	nb, _ := u.neighbours(id)
	return u.nodeList(nb)
}
func (u undirectedView) HasEdgeBetween(x, y int64) bool {
	_, ok := u.Weight(x, y)
	return ok && x != y
}
func (u undirectedView) Edge(x, y int64) gg.Edge { return u.WeightedEdge(x, y) }
func (u undirectedView) EdgeBetween(x, y int64) gg.Edge {
	return u.WeightedEdge(x, y)
}
func (u undirectedView) WeightedEdge(x, y int64) gg.WeightedEdge {
	w, ok := u.Weight(x, y)
	if !ok || x == y {
		return nil
	}
	return simple.WeightedEdge{F: u.nodes[x], T: u.nodes[y], W: w}
}
func (u undirectedView) WeightedEdgeBetween(x, y int64) gg.WeightedEdge {
	return u.WeightedEdge(x, y)
}

// Weight returns the summed weight of the relations between x and y in
// either direction; a node's weight to itself is 0.
func (u undirectedView) Weight(x, y int64) (float64, bool) {
	if !u.has(x) || !u.has(y) {
		return 0, false
	}
	if x == y {
		return 0, true
	}
	nb, w := u.neighbours(x)
	return weightIn(nb, w, y)
}
