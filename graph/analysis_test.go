package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// randomGraph builds a seeded random directed multigraph: edges relations
// between n entities, with parallel relations under different predicates,
// self-loops, and weights 1–3 (repeated evidence).
func randomGraph(n, edges int, seed uint64) *Graph {
	rng := rand.New(rand.NewPCG(seed, 0))
	g := New()
	ents := make([]*Entity, n)
	for i := range ents {
		ents[i] = g.Entity(fmt.Sprintf("e%d", i), "PERSON")
	}
	for len(g.Relations()) < edges {
		s, o := ents[rng.IntN(n)], ents[rng.IntN(n)]
		pred := fmt.Sprintf("p%d", rng.IntN(3))
		for k := range 1 + rng.IntN(3) {
			g.Relate(s, pred, o, false, Provenance{Document: fmt.Sprintf("d%d", k)})
		}
	}
	return g
}

// pythonWithNetworkx returns a Python interpreter that can import networkx,
// preferring Debian's (python3-networkx, networkx 2.8 on bookworm).
func pythonWithNetworkx(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if path, err := exec.LookPath(py); err == nil && exec.Command(path, "-c", "import networkx").Run() == nil {
			return path
		}
	}
	t.Skip("no python3 with networkx (Debian: apt-get install python3-networkx); skipping the comparison with networkx")
	return ""
}

const networkxScript = `
import json, sys
import networkx as nx
G = nx.MultiDiGraph()
with open(sys.argv[1]) as f:
    n = int(f.readline())
    G.add_nodes_from(range(n))
    for line in f:
        u, v, w = line.split()
        G.add_edge(int(u), int(v), weight=float(w))
pr = nx.pagerank(G, alpha=0.85, tol=1e-12)
bc = nx.betweenness_centrality(G, normalized=False)
hc = nx.harmonic_centrality(G)
json.dump({"version": nx.__version__, "pagerank": [pr[i] for i in range(n)],
           "betweenness": [bc[i] for i in range(n)], "harmonic": [hc[i] for i in range(n)]}, sys.stdout)
`

// TestAgainstNetworkx compares PageRank, raw betweenness and harmonic
// centrality with networkx on a seeded random graph of 2,000 entities and
// 10,000 relations.
func TestAgainstNetworkx(t *testing.T) {
	py := pythonWithNetworkx(t)
	g := randomGraph(2000, 10000, 7)
	dir := t.TempDir()
	var edges bytes.Buffer
	fmt.Fprintln(&edges, g.Len())
	for _, r := range g.Relations() {
		fmt.Fprintf(&edges, "%d %d %s\n", r.Subject().ID(), r.Object().ID(), strconv.FormatFloat(r.Weight(), 'g', -1, 64))
	}
	edgeFile := filepath.Join(dir, "edges.txt")
	if err := os.WriteFile(edgeFile, edges.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, "-c", networkxScript, edgeFile)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx: %v", err)
	}
	var want struct {
		Version                         string
		PageRank, Betweenness, Harmonic []float64
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	t.Logf("networkx %s", want.Version)

	m := Analyze(g, DefaultOptions())
	if !m.HasBetweenness || !m.HasHarmonic {
		t.Fatal("betweenness or harmonic not computed on a 2,000-entity graph")
	}
	check := func(measure string, got func(Measures) float64, want []float64, rel float64) {
		worst := 0.0
		for i, w := range want {
			g := got(m.Nodes[i])
			d := math.Abs(g - w)
			if w != 0 {
				d /= math.Abs(w)
			}
			worst = max(worst, d)
			if d > rel {
				t.Errorf("%s of entity %d = %.17g, networkx %.17g (relative difference %.3g > %g)", measure, i, g, w, d, rel)
				return
			}
		}
		t.Logf("%s: largest relative difference %.3g", measure, worst)
	}
	check("pagerank", func(m Measures) float64 { return m.PageRank }, want.PageRank, 1e-6)
	check("betweenness", func(m Measures) float64 { return m.Betweenness }, want.Betweenness, 1e-9)
	check("harmonic", func(m Measures) float64 { return m.Harmonic }, want.Harmonic, 1e-9)
}

// TestAnalyzeDeterministic runs the analysis twice on the same input and
// requires bit-identical results.
func TestAnalyzeDeterministic(t *testing.T) {
	a := Analyze(randomGraph(500, 2000, 3), DefaultOptions())
	b := Analyze(randomGraph(500, 2000, 3), DefaultOptions())
	for i := range a.Nodes {
		if a.Nodes[i] != b.Nodes[i] {
			t.Fatalf("entity %d: %+v then %+v", i, a.Nodes[i], b.Nodes[i])
		}
	}
	if a.Modularity != b.Modularity || a.Communities != b.Communities {
		t.Errorf("communities %d (Q=%v) then %d (Q=%v)", a.Communities, a.Modularity, b.Communities, b.Modularity)
	}
}

func TestAnalyzeSmall(t *testing.T) {
	// Two triangles joined by one relation, an isolated entity, a parallel
	// relation and a self-loop.
	g := New()
	rel := func(s, o string) { g.Add(Triple{Subject: Ref{s, "ORG"}, Predicate: "funds", Object: Ref{o, "ORG"}}) }
	for _, e := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}, {"x", "y"}, {"y", "z"}, {"z", "x"}, {"c", "x"}, {"a", "a"}} {
		rel(e[0], e[1])
	}
	g.Add(Triple{Subject: Ref{"a", "ORG"}, Predicate: "owns", Object: Ref{"b", "ORG"}})
	g.Entity("alone", "PERSON")

	m := Analyze(g, DefaultOptions())
	if m.Entities != 7 || m.Relations != 9 || m.Links != 8 {
		t.Errorf("counts = %d entities, %d relations, %d links; want 7, 9, 8", m.Entities, m.Relations, m.Links)
	}
	if m.Components != 2 || m.Communities != 3 {
		t.Errorf("components = %d, communities = %d; want 2 and 3", m.Components, m.Communities)
	}
	a, c, alone := m.Of(g.Lookup("a", "ORG")), m.Of(g.Lookup("c", "ORG")), m.Of(g.Lookup("alone", "PERSON"))
	if a.OutDegree != 3 || a.InDegree != 2 || a.Degree != 5 {
		t.Errorf("a: out %d in %d degree %d; want 3, 2, 5 (parallel relations and the self-loop count)", a.OutDegree, a.InDegree, a.Degree)
	}
	if alone.Component != 1 || alone.Community != 2 || a.Component != 0 {
		t.Errorf("alone is in component %d community %d, a in component %d; want 1, 2, 0", alone.Component, alone.Community, a.Component)
	}
	if a.Community == m.Of(g.Lookup("x", "ORG")).Community {
		t.Error("the two triangles share a community")
	}
	// Counted by hand: c is inside every shortest path from a to x, y, z
	// (a→b→c→…: 3) and from b to a, x, y, z (b→c→…: 4); x, y and z reach
	// nothing outside their triangle. 3 + 4 = 7.
	if c.Betweenness != 7 {
		t.Errorf("betweenness of c = %v, want 7", c.Betweenness)
	}
	var sum float64
	for _, n := range m.Nodes {
		sum += n.PageRank
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("PageRank sums to %v, want 1", sum)
	}
	if alone.Harmonic != 0 || alone.PageRank <= 0 {
		t.Errorf("alone: harmonic %v, pagerank %v; want 0 and > 0", alone.Harmonic, alone.PageRank)
	}
}

func TestAnalyzeSkipsPathMeasuresOnLargeGraphs(t *testing.T) {
	g := randomGraph(50, 100, 1)
	o := DefaultOptions()
	o.PathMaxNodes = 10
	m := Analyze(g, o)
	if m.HasBetweenness || m.HasHarmonic || len(m.Notes) != 1 {
		t.Errorf("betweenness %v, harmonic %v, notes %q; want both skipped with one note", m.HasBetweenness, m.HasHarmonic, m.Notes)
	}
	o.ForcePaths = true
	if m := Analyze(g, o); !m.HasBetweenness || !m.HasHarmonic {
		t.Error("ForcePaths did not compute betweenness and harmonic centrality")
	}
}

func TestAnalyzeEmpty(t *testing.T) {
	m := Analyze(New(), DefaultOptions())
	if m.Entities != 0 || m.Components != 0 || m.Communities != 0 {
		t.Errorf("empty graph: %+v", m)
	}
	g := New()
	g.Entity("a", "")
	g.Entity("b", "")
	m = Analyze(g, DefaultOptions())
	if m.Components != 2 || m.Communities != 2 || math.IsNaN(m.Nodes[0].Hub) || m.Nodes[0].PageRank != 0.5 {
		t.Errorf("graph without relations: %+v", m)
	}
}
