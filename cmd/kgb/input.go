package main

import (
	"fmt"
	"io"
	"os"

	"github.com/kgb-dev/kgb/config"
	"github.com/kgb-dev/kgb/graph"
)

// loadGraph reads the N-Quads or N-Triples files named by paths ("-" is
// standard input) into one graph. With input.lenient, bad lines are skipped
// and reported on stderr; otherwise the first bad line is the error.
func (a *app) loadGraph(paths []string, cfg *config.Config) (*graph.Graph, error) {
	g := graph.New()
	opt := graph.ReadOptions{BaseIRI: cfg.Export.BaseIRI, Lenient: cfg.Input.Lenient}
	for _, path := range paths {
		var r io.Reader = a.stdin
		name := "<stdin>"
		if path != "-" {
			f, err := os.Open(path)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			r, name = f, path
		}
		stats, err := g.ReadNQuads(r, name, opt)
		if err != nil {
			return nil, err
		}
		if stats.Skipped > 0 {
			fmt.Fprintf(a.stderr, "kgb: %s: skipped %d bad line(s), read %d statement(s)\n", name, stats.Skipped, stats.Statements)
			for _, e := range stats.Errors {
				fmt.Fprintf(a.stderr, "  %v\n", e)
			}
			if more := stats.Skipped - len(stats.Errors); more > 0 {
				fmt.Fprintf(a.stderr, "  … and %d more\n", more)
			}
		}
	}
	return g, nil
}

// analysisOptions turns the configuration into graph.Options.
func analysisOptions(cfg *config.Config) graph.Options {
	an := cfg.Analysis
	return graph.Options{
		Damping:       an.PageRank.Damping,
		Tolerance:     an.PageRank.Tolerance,
		MaxIterations: an.PageRank.MaxIterations,
		PathMaxNodes:  an.PathMaxNodes,
		ForcePaths:    an.ForcePaths,
		Resolution:    an.Communities.Resolution,
		Seed:          an.Communities.Seed,
	}
}

// report prints the analysis notes, and the stage timings when asked, on
// stderr.
func (a *app) report(m *graph.Metrics, timings bool) {
	for _, n := range m.Notes {
		fmt.Fprintln(a.stderr, "kgb: note:", n)
	}
	if timings {
		for _, t := range m.Timings {
			fmt.Fprintf(a.stderr, "kgb: %-12s %8.3fs\n", t.Stage, t.Duration.Seconds())
		}
	}
}
