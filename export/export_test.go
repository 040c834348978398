package export_test

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/kgb-dev/kgb/export"
	"github.com/kgb-dev/kgb/graph"
)

func TestRegistry(t *testing.T) {
	var names []string
	for _, f := range export.Formats() {
		names = append(names, f.Name)
		if f.Description == "" || len(f.Extensions) == 0 || f.Write == nil {
			t.Errorf("format %s is incomplete: %+v", f.Name, f)
		}
	}
	if got, want := strings.Join(names, " "), "dot json nquads ntriples"; got != want {
		t.Errorf("Formats() = %s, want %s", got, want)
	}
	for _, tc := range []struct {
		path, want string
		ok         bool
	}{
		{"out.nq", "nquads", true},
		{"dir.d/OUT.NT", "ntriples", true},
		{"g.gv", "dot", true},
		{"g.dot", "dot", true},
		{"g.json", "json", true},
		{"g.txt", "", false},
		{"nq", "", false},
	} {
		f, ok := export.ForPath(tc.path)
		if ok != tc.ok || f.Name != tc.want {
			t.Errorf("ForPath(%q) = %q, %v, want %q, %v", tc.path, f.Name, ok, tc.want, tc.ok)
		}
	}
	if _, ok := export.Lookup("turtle"); ok {
		t.Errorf("Lookup(turtle) found a format")
	}
}

func TestRegisterPanics(t *testing.T) {
	write := func(io.Writer, *graph.Graph, *graph.Metrics, export.Options) error { return nil }
	for _, tc := range []struct {
		name string
		f    export.Format
	}{
		{"duplicate name", export.Format{Name: "nquads", Write: write}},
		{"duplicate extension", export.Format{Name: "nquads2", Extensions: []string{".NQ"}, Write: write}},
		{"no name", export.Format{Write: write}},
		{"no writer", export.Format{Name: "nothing"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Register did not panic")
				}
			}()
			export.Register(tc.f)
		})
	}
}

func TestBadBaseIRI(t *testing.T) {
	g := graph.New()
	g.Add(graph.Triple{Subject: graph.Ref{Label: "a"}, Predicate: "b", Object: graph.Ref{Label: "c"}})
	for _, f := range export.Formats() {
		err := f.Write(io.Discard, g, graph.Analyze(g, graph.DefaultOptions()), export.Options{BaseIRI: "http://example.org"})
		if err == nil || !strings.HasPrefix(err.Error(), "export: ") {
			t.Errorf("%s with base http://example.org: error %v, want an export error", f.Name, err)
		}
	}
}

func ExampleLookup() {
	g := graph.New()
	g.Add(graph.Triple{
		Subject:    graph.Ref{Label: "Emmanuel Macron", Type: "PERSON"},
		Predicate:  "leads",
		Object:     graph.Ref{Label: "Renaissance", Type: "ORG"},
		Provenance: graph.Provenance{Document: "news/2024-06-10.txt"},
	})
	f, ok := export.Lookup("nquads")
	if !ok {
		panic("no nquads format")
	}
	if err := f.Write(os.Stdout, g, nil, export.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <http://example.org/kgb/person/Emmanuel_Macron> <http://www.w3.org/2000/01/rdf-schema#label> "Emmanuel Macron" .
	// <http://example.org/kgb/person/Emmanuel_Macron> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .
	// <http://example.org/kgb/org/Renaissance> <http://www.w3.org/2000/01/rdf-schema#label> "Renaissance" .
	// <http://example.org/kgb/org/Renaissance> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Organization> .
	// <http://example.org/kgb/person/Emmanuel_Macron> <http://example.org/kgb/rel/leads> <http://example.org/kgb/org/Renaissance> <http://example.org/kgb/doc/news%2F2024-06-10.txt> .
}

func ExampleFormats() {
	for _, f := range export.Formats() {
		fmt.Printf("%-8s %-10s measures=%v\n", f.Name, strings.Join(f.Extensions, ","), f.Measures)
	}
	// Output:
	// dot      .dot,.gv   measures=true
	// json     .json      measures=true
	// nquads   .nq        measures=false
	// ntriples .nt        measures=false
}

func ExampleForPath() {
	f, ok := export.ForPath("out/graph.dot")
	fmt.Println(f.Name, ok)
	// Output: dot true
}
