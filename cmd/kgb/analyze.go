package main

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/kgb-dev/kgb/export"
	"github.com/kgb-dev/kgb/graph"
)

func (a *app) analyzeCmd() *cobra.Command {
	var format, out string
	var timings bool
	cmd := &cobra.Command{
		Use:   "analyze FILE...",
		Short: "Rank the entities of a knowledge graph and find its groups",
		Long: `Read knowledge graphs from N-Quads or N-Triples files ("-" for standard
input), merge them, and measure the result:

  degree       relations in and out
  pagerank     weighted PageRank: who the evidence points to
  betweenness  shortest paths through an entity: the brokers
  harmonic     harmonic centrality: who is close to everyone
  hub, authority  HITS scores
  community    Louvain community (0 is the largest)
  component    weakly connected component (0 is the largest)

The table lists the top entities by PageRank (--top) under a one-line
summary. --format json or csv writes every entity, for other programs.
Betweenness and harmonic centrality take time proportional to entities ×
relations; above analysis.path_max_nodes entities they are skipped with a
note unless --force-paths is given.`,
		Example: `  kgb analyze testdata/france-election.nq
  kgb analyze --top 5 a.nq b.nq
  kgb analyze --format csv -o measures.csv big.nq --timings`,
		Args: minArgs(1, "at least one N-Quads or N-Triples file (or - for standard input)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains([]string{"table", "json", "csv"}, format) {
				return usagef("unknown --format %q: want table, json or csv", format)
			}
			cfg, _, err := a.config(cmd, map[string]string{
				"top": "analysis.top", "lenient": "input.lenient", "force-paths": "analysis.force_paths",
			})
			if err != nil {
				return err
			}
			g, err := a.loadGraph(args, cfg)
			if err != nil {
				return err
			}
			m := graph.Analyze(g, analysisOptions(cfg))
			a.report(m, timings)
			return a.writeOutput(out, func(w io.Writer) error {
				rows := ranked(g, m)
				switch format {
				case "json":
					return writeAnalysisJSON(w, rows, m)
				case "csv":
					return writeAnalysisCSV(w, rows, m)
				}
				return writeAnalysisTable(w, rows[:min(len(rows), cfg.Analysis.Top)], m)
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "table", "output format: table, json or csv")
	f.StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	f.Int("top", 20, "rows in the table (analysis.top)")
	f.Bool("lenient", false, "skip bad input lines and report how many (input.lenient)")
	f.Bool("force-paths", false, "compute betweenness and harmonic centrality on graphs of any size (analysis.force_paths)")
	f.BoolVar(&timings, "timings", false, "print each analysis stage's duration on standard error")
	return cmd
}

// row is one entity with its measures.
type row struct {
	e *graph.Entity
	m graph.Measures
}

// ranked returns every entity by falling PageRank, ties by ID.
func ranked(g *graph.Graph, m *graph.Metrics) []row {
	rows := make([]row, 0, g.Len())
	for _, e := range g.Entities() {
		rows = append(rows, row{e, m.Of(e)})
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(b.m.PageRank, a.m.PageRank) })
	return rows
}

func summary(m *graph.Metrics) string {
	return fmt.Sprintf("%s · %s · %s · %s · modularity %.3f",
		count(m.Entities, "entity", "entities"), count(m.Relations, "relation", "relations"),
		count(m.Components, "component", "components"), count(m.Communities, "community", "communities"), m.Modularity)
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func writeAnalysisTable(w io.Writer, rows []row, m *graph.Metrics) error {
	fmt.Fprintln(w, summary(m))
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RANK\tENTITY\tTYPE\tPAGERANK\tDEGREE\tIN\tOUT\tBETWEENNESS\tHARMONIC\tHUB\tAUTHORITY\tCOMMUNITY\tCOMPONENT")
	for i, r := range rows {
		btw, harm := "-", "-"
		if m.HasBetweenness {
			btw = strconv.FormatFloat(r.m.Betweenness, 'f', 1, 64)
		}
		if m.HasHarmonic {
			harm = strconv.FormatFloat(r.m.Harmonic, 'f', 2, 64)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%.4f\t%d\t%d\t%d\t%s\t%s\t%.4f\t%.4f\t%d\t%d\n",
			i+1, cell(r.e.Name(), 40), cell(r.e.Type, 16), r.m.PageRank, r.m.Degree, r.m.InDegree, r.m.OutDegree,
			btw, harm, r.m.Hub, r.m.Authority, r.m.Community, r.m.Component)
	}
	return tw.Flush()
}

// cell makes text fit a table cell: control characters (newlines, tabs)
// become spaces and long text is cut with an ellipsis.
func cell(s string, width int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	if s == "" {
		return "-"
	}
	if r := []rune(s); len(r) > width {
		return string(r[:width-1]) + "…"
	}
	return s
}

// entityJSON is one entity in `kgb analyze --format json`.
type entityJSON struct {
	Rank  int    `json:"rank"`
	Label string `json:"label"`
	IRI   string `json:"iri,omitempty"`
	Type  string `json:"type,omitempty"`
	*export.MeasuresJSON
}

func entityRow(i int, r row, m *graph.Metrics) entityJSON {
	j := entityJSON{Rank: i + 1, Label: r.e.Label, Type: r.e.Type, MeasuresJSON: export.MeasuresOf(r.e, m)}
	switch r.e.Term.Kind {
	case graph.IRI:
		j.IRI = r.e.Term.Value
	case graph.Blank:
		j.IRI = "_:" + r.e.Term.Value
	}
	return j
}

func writeAnalysisJSON(w io.Writer, rows []row, m *graph.Metrics) error {
	out := struct {
		Summary struct {
			Entities    int      `json:"entities"`
			Relations   int      `json:"relations"`
			Links       int      `json:"links"`
			Components  int      `json:"components"`
			Communities int      `json:"communities"`
			Modularity  float64  `json:"modularity"`
			Notes       []string `json:"notes,omitempty"`
		} `json:"summary"`
		Entities []entityJSON `json:"entities"`
	}{}
	s := &out.Summary
	s.Entities, s.Relations, s.Links, s.Components, s.Communities, s.Modularity, s.Notes =
		m.Entities, m.Relations, m.Links, m.Components, m.Communities, m.Modularity, m.Notes
	out.Entities = make([]entityJSON, len(rows))
	for i, r := range rows {
		out.Entities[i] = entityRow(i, r, m)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeAnalysisCSV(w io.Writer, rows []row, m *graph.Metrics) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"rank", "label", "iri", "type", "pagerank", "degree", "in_degree", "out_degree",
		"betweenness", "betweenness_normalized", "harmonic", "hub", "authority", "community", "component"})
	num := func(x *float64) string {
		if x == nil {
			return ""
		}
		return strconv.FormatFloat(*x, 'g', -1, 64)
	}
	for i, r := range rows {
		j := entityRow(i, r, m)
		cw.Write([]string{strconv.Itoa(j.Rank), j.Label, j.IRI, j.Type, num(&j.PageRank),
			strconv.Itoa(j.Degree), strconv.Itoa(j.InDegree), strconv.Itoa(j.OutDegree),
			num(j.Betweenness), num(j.BetweennessNormalized), num(j.Harmonic), num(&j.Hub), num(&j.Authority),
			strconv.Itoa(j.Community), strconv.Itoa(j.Component)})
	}
	cw.Flush()
	return cw.Error()
}
