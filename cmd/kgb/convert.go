package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgb-dev/kgb/export"
	"github.com/kgb-dev/kgb/graph"
)

func (a *app) convertCmd() *cobra.Command {
	var format, out string
	var timings bool
	var list strings.Builder
	for _, f := range export.Formats() {
		fmt.Fprintf(&list, "  %-9s %-12s %s\n", f.Name, strings.Join(f.Extensions, " "), f.Description)
	}
	cmd := &cobra.Command{
		Use:   "convert FILE... (-f FORMAT | -o OUT.EXT)",
		Short: "Convert knowledge graphs between formats: N-Quads, DOT, JSON, …",
		Long: `Read knowledge graphs from N-Quads or N-Triples files ("-" for standard
input), merge them, and write them in another format. The format is -f, or
else inferred from the extension of -o. Formats that carry measures (JSON,
styled DOT) are written after analysing the graph as 'kgb analyze' does.

Formats:
` + list.String() + `
Output goes to standard output unless -o names a file; a failed run leaves
no partial file behind.`,
		Example: `  kgb convert testdata/france-election.nq -f dot | dot -Tsvg > graph.svg
  kgb convert testdata/france-election.nq -o graph.json
  kgb convert a.nq b.nt -f nquads --base-iri https://example.com/id/ -o all.nq`,
		Args: minArgs(1, "at least one N-Quads or N-Triples file (or - for standard input)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := pickFormat(format, out)
			if err != nil {
				return err
			}
			cfg, _, err := a.config(cmd, map[string]string{
				"lenient": "input.lenient", "force-paths": "analysis.force_paths", "base-iri": "export.base_iri",
			})
			if err != nil {
				return err
			}
			g, err := a.loadGraph(args, cfg)
			if err != nil {
				return err
			}
			var m *graph.Metrics
			if f.Measures {
				m = graph.Analyze(g, analysisOptions(cfg))
				a.report(m, timings)
			}
			opt := export.Options{BaseIRI: cfg.Export.BaseIRI, SfdpThreshold: cfg.Export.DOT.SFDPThreshold, Style: cfg.Export.DOT.Style}
			return a.writeOutput(out, func(w io.Writer) error { return f.Write(w, g, m, opt) })
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&format, "format", "f", "", "output format (see the list above)")
	fl.StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	fl.Bool("lenient", false, "skip bad input lines and report how many (input.lenient)")
	fl.Bool("force-paths", false, "compute betweenness and harmonic centrality on graphs of any size (analysis.force_paths)")
	fl.String("base-iri", "", "namespace of minted IRIs (export.base_iri)")
	fl.BoolVar(&timings, "timings", false, "print each analysis stage's duration on standard error")
	cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, f := range export.Formats() {
			names = append(names, f.Name+"\t"+f.Description)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// pickFormat returns the format named by -f, or else the one of -o's
// extension.
func pickFormat(name, out string) (export.Format, error) {
	var names []string
	for _, f := range export.Formats() {
		names = append(names, f.Name)
	}
	switch {
	case name != "":
		if f, ok := export.Lookup(name); ok {
			return f, nil
		}
		return export.Format{}, usagef("unknown format %q: kgb writes %s", name, strings.Join(names, ", "))
	case out != "" && out != "-":
		if f, ok := export.ForPath(out); ok {
			return f, nil
		}
		return export.Format{}, usagef("cannot tell the format from the name %q: pass -f, one of %s", out, strings.Join(names, ", "))
	}
	return export.Format{}, usagef("no output format: pass -f (%s) or -o with a known extension", strings.Join(names, ", "))
}
