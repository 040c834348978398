package graph

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
)

var louvainCases = []struct {
	n, edges int
	seed     uint64
}{
	{50, 60, 1},      // sparse: isolated entities and several components
	{300, 1200, 2},   //
	{1000, 5000, 3},  //
	{2000, 10000, 7}, // the networkx comparison graph
}

// checkPartition fails unless groups put every node of p in exactly one
// non-empty group, with members in ID order.
func checkPartition(t *testing.T, p *projection, groups [][]gg.Node) {
	t.Helper()
	seen := make([]int, p.n)
	for _, g := range groups {
		if len(g) == 0 {
			t.Error("empty group")
		}
		if !slices.IsSortedFunc(g, func(a, b gg.Node) int { return int(a.ID() - b.ID()) }) {
			t.Error("group not in ID order")
		}
		for _, n := range g {
			seen[n.ID()]++
		}
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("node %d is in %d groups, want 1", id, k)
		}
	}
}

// TestLouvainQ checks the reported modularity against gonum's community.Q,
// an independent O(Σ|c|²) computation, that every node is in exactly one
// community, and that the partition is about as good as gonum's.
func TestLouvainQ(t *testing.T) {
	for _, c := range louvainCases {
		p := newProjection(randomGraph(c.n, c.edges, c.seed))
		for _, res := range []float64{0.5, 1, 2} {
			t.Run(fmt.Sprintf("n%d/γ%g", c.n, res), func(t *testing.T) {
				groups, q := communities(p, res, 1)
				checkPartition(t, p, groups)
				want := community.Q(undirectedView{p}, groups, res)
				if math.Abs(q-want) > 1e-12 {
					t.Errorf("Q = %.17g, gonum's community.Q %.17g", q, want)
				}
				// Louvain from singletons never ends below the singleton
				// partition, whose Q is −γ·Σ(k_i/m2)².
				if single := community.Q(undirectedView{p}, nil, res); q < single {
					t.Errorf("Q = %v below the singleton partition's %v", q, single)
				}
				// Different visiting orders reach different local optima, so
				// only ask to be near gonum's Modularize (within 0.004 on
				// these graphs; equal on average over seeds).
				view := undirectedView{p}
				gonum := community.Q(view, community.Modularize(view, res, rand.NewPCG(1, 1)).Communities(), res)
				if q < gonum-0.01 {
					t.Errorf("Q = %v, more than 0.01 below gonum Modularize's %v", q, gonum)
				}
				t.Logf("%d communities, Q = %.6f, gonum Modularize %.6f", len(groups), q, gonum)
			})
		}
	}
}

// TestLouvainAggregate checks one level's contraction: the total weight is
// kept, and the new graph with every node alone has the modularity of the
// level's partition on the original graph.
func TestLouvainAggregate(t *testing.T) {
	for _, c := range louvainCases {
		p := newProjection(randomGraph(c.n, c.edges, c.seed))
		g := &louvainGraph{start: p.undStart, adj: p.und, w: p.undW}
		comm, moved := louvainLevel(g, 1, rand.New(rand.NewPCG(1, 1)))
		if !moved {
			t.Fatalf("n%d: first level moved nothing", c.n)
		}
		next, relabel, count := louvainAggregate(g, comm)
		membership := make([]int, p.n)
		for i, c := range comm {
			membership[i] = relabel[c]
		}
		_, m2 := g.degrees()
		k, m2Next := next.degrees()
		if math.Abs(m2-m2Next) > 1e-9*m2 {
			t.Errorf("n%d: total degree %v after aggregation, %v before", c.n, m2Next, m2)
		}
		var q float64
		for i := range count {
			if !slices.IsSorted(next.adj[next.start[i]:next.start[i+1]]) || slices.Contains(next.adj[next.start[i]:next.start[i+1]], int64(i)) {
				t.Errorf("n%d: neighbours of %d unsorted or include itself", c.n, i)
			}
			q += 2*next.self[i]/m2Next - (k[i]/m2Next)*(k[i]/m2Next)
		}
		if want := louvainQ(p, membership, count, 1); math.Abs(q-want) > 1e-12 {
			t.Errorf("n%d: aggregated singleton Q = %v, partition Q on the original %v", c.n, q, want)
		}
	}
}

// plantedGraph builds groups×size entities; each pair inside a group is
// related with probability pIn, each pair across groups with pOut.
func plantedGraph(groups, size int, pIn, pOut float64, seed uint64) *Graph {
	rng := rand.New(rand.NewPCG(seed, 0))
	g := New()
	n := groups * size
	ents := make([]*Entity, n)
	for i := range ents {
		ents[i] = g.Entity(fmt.Sprintf("e%d", i), "PERSON")
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			pr := pOut
			if i/size == j/size {
				pr = pIn
			}
			if rng.Float64() < pr {
				g.Relate(ents[i], "p", ents[j], false, Provenance{Document: "d"})
			}
		}
	}
	return g
}

// TestLouvainPlanted checks that Louvain recovers planted groups exactly
// and does at least as well as gonum's Modularize there.
func TestLouvainPlanted(t *testing.T) {
	const groups, size = 4, 50
	for seed := range uint64(5) {
		p := newProjection(plantedGraph(groups, size, 0.3, 0.01, seed))
		got, q := communities(p, 1, seed)
		checkPartition(t, p, got)
		var want [][]gg.Node
		for c := range groups {
			want = append(want, p.nodes[c*size:(c+1)*size])
		}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("seed %d: %d communities of sizes %v, want the %d planted groups of %d", seed, len(got), sizes(got), groups, size)
		}
		view := undirectedView{p}
		gonum := community.Q(view, community.Modularize(view, 1, rand.NewPCG(seed, seed)).Communities(), 1)
		if q < gonum-1e-12 {
			t.Errorf("seed %d: Q = %.15f, below gonum Modularize's %.15f", seed, q, gonum)
		}
		t.Logf("seed %d: Q = %.6f, gonum Modularize %.6f, planted %.6f", seed, q, gonum, community.Q(view, want, 1))
	}
}

func sizes(groups [][]gg.Node) []int {
	s := make([]int, len(groups))
	for i, g := range groups {
		s[i] = len(g)
	}
	return s
}

// TestLouvainDeterministic requires identical groups and bit-identical Q
// from two runs on separately built copies of the same graph.
func TestLouvainDeterministic(t *testing.T) {
	for _, c := range louvainCases {
		a, qa := communities(newProjection(randomGraph(c.n, c.edges, c.seed)), 1, 42)
		b, qb := communities(newProjection(randomGraph(c.n, c.edges, c.seed)), 1, 42)
		if qa != qb || !slices.EqualFunc(a, b, slices.Equal) {
			t.Errorf("n%d: %d communities (Q=%v) then %d (Q=%v)", c.n, len(a), qa, len(b), qb)
		}
	}
}

// TestLouvainNoEdges keeps every entity alone with Q = 0 when there are no
// relations between distinct entities.
func TestLouvainNoEdges(t *testing.T) {
	g := New()
	a, b := g.Entity("a", "ORG"), g.Entity("b", "ORG")
	g.Entity("c", "ORG")
	g.Relate(a, "p", a, false, Provenance{})
	g.Relate(b, "p", b, false, Provenance{})
	p := newProjection(g)
	groups, q := communities(p, 1, 1)
	checkPartition(t, p, groups)
	if len(groups) != 3 || q != 0 {
		t.Errorf("%d groups, Q = %v; want 3 and 0", len(groups), q)
	}
}
