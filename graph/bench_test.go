package graph

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
)

// writeRandomNQuads writes a seeded random graph of n entities and about
// edges relations as N-Quads: every entity has a label and a type, and
// targets are drawn with a skew (a few entities are named often, as in news).
func writeRandomNQuads(path string, n, edges int, seed uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	rng := rand.New(rand.NewPCG(seed, 0))
	types := []string{"Person", "Organization", "Place", "Event"}
	for i := range n {
		fmt.Fprintf(w, "<http://example.org/e/%d> <%s> \"Entity %d\" .\n", i, RDFSLabel, i)
		fmt.Fprintf(w, "<http://example.org/e/%d> <%s> <%s%s> .\n", i, RDFType, Schema, types[i%len(types)])
	}
	for range edges {
		s := rng.IntN(n)
		o := int(float64(n) * rng.Float64() * rng.Float64()) // skewed towards low IDs
		fmt.Fprintf(w, "<http://example.org/e/%d> <http://example.org/rel/p%d> <http://example.org/e/%d> <http://example.org/doc/%d> .\n",
			s, rng.IntN(20), o, rng.IntN(1000))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// BenchmarkAnalyzeLarge reads a generated N-Quads graph of 100,000 entities
// and 500,000 relations and analyses it, reporting each stage's seconds as
// a metric (betweenness and harmonic centrality are skipped at this size,
// as kgb analyze does by default). Run with
//
//	go test ./graph -run '^$' -bench AnalyzeLarge -benchtime 1x
func BenchmarkAnalyzeLarge(b *testing.B) {
	path := filepath.Join(b.TempDir(), "large.nq")
	if err := writeRandomNQuads(path, 100_000, 500_000, 1); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		start := time.Now()
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		g := New()
		if _, err := g.ReadNQuads(f, path, ReadOptions{}); err != nil {
			b.Fatal(err)
		}
		f.Close()
		b.ReportMetric(time.Since(start).Seconds(), "read-s")
		m := Analyze(g, DefaultOptions())
		for _, t := range m.Timings {
			b.ReportMetric(t.Duration.Seconds(), t.Stage+"-s")
		}
		b.ReportMetric(float64(m.Relations), "relations")
		b.ReportMetric(float64(m.Communities), "communities")
	}
}

// BenchmarkPathMeasures times betweenness and harmonic centrality, the
// O(n·m) stages, at the size of the networkx comparison.
func BenchmarkPathMeasures(b *testing.B) {
	g := randomGraph(2000, 10000, 7)
	for b.Loop() {
		m := Analyze(g, DefaultOptions())
		for _, t := range m.Timings {
			b.ReportMetric(t.Duration.Seconds(), t.Stage+"-s")
		}
	}
}

// BenchmarkBetweennessVsGonum runs kgb's betweenness and gonum's
// network.Betweenness (on the same graph, through the gonum multigraph kgb
// embeds) in one run, so their times compare as a ratio:
//
//	go test ./graph -run '^$' -bench VsGonum -benchtime 1x
func BenchmarkBetweennessVsGonum(b *testing.B) {
	g := randomGraph(2000, 10000, 7)
	p := newProjection(g)
	b.Run("kgb", func(b *testing.B) {
		for b.Loop() {
			pathMeasures(p)
		}
	})
	b.Run("gonum", func(b *testing.B) {
		for b.Loop() {
			network.Betweenness(g)
		}
	})
}

// BenchmarkCommunitiesVsGonum compares kgb's Louvain with gonum's
// community.Modularize on a 20,000-entity, 100,000-relation graph, and
// reports the modularity each finds.
func BenchmarkCommunitiesVsGonum(b *testing.B) {
	g := randomGraph(20000, 100000, 1)
	p := newProjection(g)
	b.Run("kgb", func(b *testing.B) {
		for b.Loop() {
			_, q := communities(p, 1, 1)
			b.ReportMetric(q, "Q")
		}
	})
	b.Run("gonum", func(b *testing.B) {
		view := undirectedView{p}
		for b.Loop() {
			r := community.Modularize(view, 1, rand.NewPCG(1, 1))
			b.ReportMetric(community.Q(view, r.Communities(), 1), "Q")
		}
	})
}
