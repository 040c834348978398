package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgb-dev/kgb/graph"
	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
	"gonum.org/v1/gonum/graph/formats/rdf"
)

const base = graph.DefaultBaseIRI

// write writes g in the named format with metrics from graph.Analyze.
func write(t testing.TB, format string, g *graph.Graph, o Options) []byte {
	t.Helper()
	f, ok := Lookup(format)
	if !ok {
		t.Fatalf("format %s not registered", format)
	}
	var m *graph.Metrics
	if f.Measures {
		m = graph.Analyze(g, graph.DefaultOptions())
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, g, m, o); err != nil {
		t.Fatalf("writing %s: %v", format, err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	g := hostileGraph()
	for _, tc := range []struct {
		format string
		check  func(t *testing.T, g *graph.Graph, out []byte)
	}{
		{"nquads", func(t *testing.T, g *graph.Graph, out []byte) { checkRDF(t, g, out, true) }},
		{"ntriples", func(t *testing.T, g *graph.Graph, out []byte) { checkRDF(t, g, out, false) }},
		{"dot", checkDOT},
		{"json", checkJSON},
	} {
		t.Run(tc.format, func(t *testing.T) {
			for _, style := range []bool{false, true} {
				out := write(t, tc.format, g, Options{Style: style})
				tc.check(t, g, out)
			}
		})
	}
	t.Run("rapper", func(t *testing.T) {
		if _, err := exec.LookPath("rapper"); err != nil {
			t.Skip("rapper (raptor2-utils) not on PATH; not validating with raptor")
		}
		for _, tc := range []struct{ format, syntax string }{{"nquads", "nquads"}, {"ntriples", "ntriples"}, {"ntriples", "nquads"}} {
			path := filepath.Join(t.TempDir(), tc.format)
			if err := os.WriteFile(path, write(t, tc.format, g, Options{}), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("rapper", "-i", tc.syntax, "-c", path).CombinedOutput()
			if err != nil || bytes.Contains(out, []byte("Error")) || bytes.Contains(out, []byte("Warning")) {
				t.Errorf("rapper -i %s -c rejects %s output: %v\n%s", tc.syntax, tc.format, err, out)
			}
		}
	})
	t.Run("graphviz", func(t *testing.T) {
		if _, err := exec.LookPath("dot"); err != nil {
			t.Skip("dot (graphviz) not on PATH; not rendering")
		}
		for _, style := range []bool{false, true} {
			cmd := exec.Command("dot", "-Tsvg")
			cmd.Stdin = bytes.NewReader(write(t, "dot", g, Options{Style: style}))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Errorf("dot -Tsvg (style %v): %v\n%s", style, err, &stderr)
			}
		}
	})
	t.Run("networkx", func(t *testing.T) {
		python := findNetworkx(t)
		path := filepath.Join(t.TempDir(), "g.json")
		if err := os.WriteFile(path, write(t, "json", g, Options{}), 0o644); err != nil {
			t.Fatal(err)
		}
		script := `import json, sys, networkx as nx
g = nx.node_link_graph(json.load(open(sys.argv[1], encoding="utf-8")))
print(g.number_of_nodes(), g.number_of_edges(), g.is_directed(), g.is_multigraph())`
		out, err := exec.Command(python, "-c", script, path).CombinedOutput()
		if err != nil {
			t.Fatalf("networkx: %v\n%s", err, out)
		}
		want := fmt.Sprintf("%d %d True True", g.Len(), len(g.Relations()))
		if got := strings.TrimSpace(lastLine(string(out))); got != want {
			t.Errorf("networkx read nodes, edges, directed, multigraph = %s, want %s\n%s", got, want, out)
		}
	})
}

// findNetworkx returns a python that can import networkx, or skips t.
func findNetworkx(t *testing.T) string {
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		path, err := exec.LookPath(p)
		if err != nil {
			continue
		}
		if exec.Command(path, "-c", "import networkx").Run() == nil {
			return path
		}
	}
	t.Skip("no python3 with networkx (tried /usr/bin/python3 and python3 on PATH); not checking node_link_graph")
	return ""
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// checkRDF reads out back with the graph's strict reader, checks each line
// with gonum's parser and compares every fact with g, decoding the names
// that the namer minted.
func checkRDF(t *testing.T, g *graph.Graph, out []byte, quads bool) {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		st, err := rdf.ParseNQuad(sc.Text())
		if err != nil {
			t.Errorf("gonum rejects %q: %v", sc.Text(), err)
			continue
		}
		if !quads && st.Label.Value != "" {
			t.Errorf("N-Triples line with a graph label: %q", sc.Text())
		}
	}
	h := graph.New()
	if _, err := h.ReadNQuads(bytes.NewReader(out), "out", graph.ReadOptions{BaseIRI: base}); err != nil {
		t.Fatalf("ReadNQuads: %v", err)
	}
	n, err := newNamer(g, Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	if h.Len() != g.Len() {
		t.Errorf("read %d entities, wrote %d", h.Len(), g.Len())
	}
	back := make(map[*graph.Entity]*graph.Entity) // read entity → written one
	for _, e := range g.Entities() {
		term := n.entity(e)
		var r *graph.Entity
		if term.blank != "" {
			r = h.LookupTerm(graph.Term{Kind: graph.Blank, Value: term.blank})
		} else {
			r = h.LookupTerm(graph.Term{Kind: graph.IRI, Value: term.iri})
		}
		if r == nil {
			t.Errorf("entity %q (%v) not read back", e.Name(), term)
			continue
		}
		back[r] = e
		if r.Label != e.Label {
			t.Errorf("%v: label %q, want %q", term, r.Label, e.Label)
		}
		if r.Type != e.Type {
			t.Errorf("%v: type %q, want %q", term, r.Type, e.Type)
		}
		if !slices.Equal(r.Aliases, e.Aliases) {
			t.Errorf("%v: aliases %q, want %q", term, r.Aliases, e.Aliases)
		}
		if r.Mentions != e.Mentions {
			t.Errorf("%v: mentions %d, want %d", term, r.Mentions, e.Mentions)
		}
		props := make(map[string][]graph.Literal)
		for k, v := range r.Properties {
			if name, ok := strings.CutPrefix(k, base+"prop/"); ok {
				k = unslug(name)
			}
			props[k] = v
		}
		if !maps.EqualFunc(props, e.Properties, slices.Equal) && !(len(props) == 0 && len(e.Properties) == 0) {
			t.Errorf("%v: properties %q, want %q", term, props, e.Properties)
		}
	}
	type statement struct {
		s, o      *graph.Entity
		predicate string
		negated   bool
		document  string
	}
	var want, got []statement
	for _, r := range g.Relations() {
		docs := []string{""}
		if quads && len(r.Provenance) > 0 {
			docs = docs[:0]
			for _, p := range r.Provenance {
				if !slices.Contains(docs, p.Document) {
					docs = append(docs, p.Document)
				}
			}
		}
		for _, d := range docs {
			want = append(want, statement{r.Subject(), r.Object(), r.Predicate, r.Negated, d})
		}
	}
	for _, r := range h.Relations() {
		st := statement{s: back[r.Subject()], o: back[r.Object()], predicate: r.Predicate}
		if name, ok := strings.CutPrefix(st.predicate, base+"rel/"); ok {
			name, st.negated = strings.CutPrefix(name, "not/")
			st.predicate = unslug(name)
		}
		for _, p := range r.Provenance {
			st.document = p.Document
			if name, ok := strings.CutPrefix(p.Document, base+"doc/"); ok {
				st.document = unslug(name)
			}
			got = append(got, st)
		}
	}
	key := func(st statement) string {
		return fmt.Sprintf("%d %q %v %d %q", st.s.ID(), st.predicate, st.negated, st.o.ID(), st.document)
	}
	wantKeys, gotKeys := make([]string, len(want)), make([]string, len(got))
	for i, st := range want {
		wantKeys[i] = key(st)
	}
	for i, st := range got {
		if st.s == nil || st.o == nil {
			t.Fatalf("relation %q read between unknown entities", st.predicate)
		}
		gotKeys[i] = key(st)
	}
	slices.Sort(wantKeys)
	slices.Sort(gotKeys)
	if !slices.Equal(gotKeys, wantKeys) {
		t.Errorf("relations read back:\n%s\nwant:\n%s", strings.Join(gotKeys, "\n"), strings.Join(wantKeys, "\n"))
	}
}

// checkDOT parses out with gonum's DOT parser and checks that every entity
// and relation is there with its label.
func checkDOT(t *testing.T, g *graph.Graph, out []byte) {
	t.Helper()
	f, err := dot.ParseBytes(out)
	if err != nil {
		t.Fatalf("gonum's DOT parser: %v\n%s", err, out)
	}
	if len(f.Graphs) != 1 || !f.Graphs[0].Directed || f.Graphs[0].Strict {
		t.Fatalf("want one non-strict digraph, got %v", f.Graphs)
	}
	label := func(attrs []*ast.Attr) string {
		for _, a := range attrs {
			if a.Key == "label" {
				s, ok := unquoteDOT(a.Val)
				if !ok {
					t.Errorf("label %s is not a quoted string", a.Val)
				}
				return s
			}
		}
		t.Errorf("no label in %v", attrs)
		return ""
	}
	var nodes, edges []string
	for _, st := range f.Graphs[0].Stmts {
		switch st := st.(type) {
		case *ast.NodeStmt:
			nodes = append(nodes, st.Node.ID+" "+label(st.Attrs))
		case *ast.EdgeStmt:
			edges = append(edges, st.From.(*ast.Node).ID+" "+st.To.Vertex.(*ast.Node).ID+" "+label(st.Attrs))
		}
	}
	var wantNodes, wantEdges []string
	for _, e := range g.Entities() {
		wantNodes = append(wantNodes, fmt.Sprint(e.ID())+" "+pictures(e.Name()))
	}
	for _, r := range g.Relations() {
		wantEdges = append(wantEdges, fmt.Sprint(r.Subject().ID(), " ", r.Object().ID(), " ", pictures(readablePredicate(r, base))))
	}
	slices.Sort(edges)
	slices.Sort(wantEdges)
	if !slices.Equal(nodes, wantNodes) {
		t.Errorf("nodes:\n%q\nwant:\n%q", nodes, wantNodes)
	}
	if !slices.Equal(edges, wantEdges) {
		t.Errorf("edges:\n%q\nwant:\n%q", edges, wantEdges)
	}
}

// checkJSON decodes out and compares nodes and links with g.
func checkJSON(t *testing.T, g *graph.Graph, out []byte) {
	t.Helper()
	var got struct {
		Directed, Multigraph bool
		Graph                map[string]any
		Nodes                []struct {
			ID, Label, Type string
			Aliases         []string
			Mentions        int
			Properties      map[string][]jsonLiteral
			PageRank        *float64 `json:"pagerank"`
			Betweenness     *float64 `json:"betweenness"`
		}
		Links []struct {
			Source, Target, Predicate, IRI string
			Key                            int64
			Negated                        bool
			Provenance                     []graph.Provenance
		}
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("decoding: %v", err)
	}
	if !bytes.HasSuffix(out, []byte("}\n")) {
		t.Errorf("output does not end in a newline")
	}
	if !got.Directed || !got.Multigraph || got.Graph["entities"] != float64(g.Len()) {
		t.Errorf("header: directed %v, multigraph %v, graph %v", got.Directed, got.Multigraph, got.Graph)
	}
	if len(got.Nodes) != g.Len() || len(got.Links) != len(g.Relations()) {
		t.Fatalf("%d nodes and %d links, want %d and %d", len(got.Nodes), len(got.Links), g.Len(), len(g.Relations()))
	}
	n, _ := newNamer(g, Options{}.withDefaults())
	ids := make(map[string]bool)
	for i, e := range g.Entities() {
		node := got.Nodes[i]
		ids[node.ID] = true
		if node.ID != n.entity(e).String() || node.Label != e.Label || node.Type != e.Type || node.Mentions != e.Mentions ||
			!slices.Equal(node.Aliases, e.Aliases) || len(node.Properties) != len(e.Properties) {
			t.Errorf("node %d = %+v, want entity %+v", i, node, e)
		}
		for k, vs := range e.Properties {
			for j, v := range vs {
				if node.Properties[k][j] != jsonLiteral(v) {
					t.Errorf("node %d property %q = %v, want %v", i, k, node.Properties[k], vs)
				}
			}
		}
		if node.PageRank == nil || node.Betweenness == nil {
			t.Errorf("node %d has no pagerank or betweenness", i)
		}
	}
	if len(ids) != g.Len() {
		t.Errorf("%d distinct node ids for %d entities", len(ids), g.Len())
	}
	for i, r := range g.Relations() {
		l := got.Links[i]
		if l.Source != n.entity(r.Subject()).String() || l.Target != n.entity(r.Object()).String() || l.Key != r.ID() ||
			l.Predicate != r.Predicate || l.Negated != r.Negated || l.IRI != n.predicate(r) || !slices.Equal(l.Provenance, r.Provenance) {
			t.Errorf("link %d = %+v, want relation %+v", i, l, r)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f.Name, func(t *testing.T) {
			for _, style := range []bool{false, true} {
				a := write(t, f.Name, hostileGraph(), Options{Style: style})
				b := write(t, f.Name, hostileGraph(), Options{Style: style})
				if !bytes.Equal(a, b) {
					t.Errorf("two writes of the same graph differ (style %v)", style)
				}
			}
		})
	}
}

func TestDOTLayout(t *testing.T) {
	for _, tc := range []struct {
		name      string
		entities  int
		threshold int
		want      string
	}{
		{"small", 10, 0, "rankdir=LR"},
		{"at default threshold", DefaultSfdpThreshold, 0, "rankdir=LR"},
		{"above default threshold", DefaultSfdpThreshold + 1, 0, "layout=sfdp"},
		{"above own threshold", 11, 10, "layout=sfdp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := graph.New()
			for i := range tc.entities {
				g.Add(graph.Triple{Subject: graph.Ref{Label: fmt.Sprint("e", i), Type: "PERSON"}, Predicate: "knows",
					Object: graph.Ref{Label: fmt.Sprint("e", (i+1)%tc.entities), Type: "PERSON"}})
			}
			out := string(write(t, "dot", g, Options{SfdpThreshold: tc.threshold, Style: true}))
			if !strings.Contains(out, tc.want) {
				t.Errorf("%d entities, threshold %d: no %s in\n%.300s", tc.entities, tc.threshold, tc.want, out)
			}
		})
	}
}

func TestWithoutMetrics(t *testing.T) {
	g := hostileGraph()
	var buf bytes.Buffer
	if err := writeDOT(&buf, g, nil, Options{Style: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "fillcolor") {
		t.Errorf("DOT nodes styled without metrics")
	}
	checkDOT(t, g, buf.Bytes())

	buf.Reset()
	if err := writeJSON(&buf, g, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "pagerank") || strings.Contains(buf.String(), "modularity") {
		t.Errorf("JSON has measures without metrics")
	}
}
