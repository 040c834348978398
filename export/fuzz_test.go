package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/kgb-dev/kgb/graph"
	"gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"
)

// FuzzRoundTrip writes a graph holding an arbitrary name (as entity label,
// alias, property key and value, and document) and predicate through
// N-Quads, JSON and DOT and reads each back: the strict N-Quads reader must
// accept the output and give back the text (made valid UTF-8, as the graph
// does), JSON must decode to it, and gonum's DOT parser must read it.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, "supports")
		f.Add("Macron", s)
	}
	f.Add("\xff\xfeinvalid", "calls\xc0out")
	f.Add("_:x", "http://example.org/p")
	f.Add("x", "http://example.org/kgb/rel/not/x")
	f.Add("x", "mailto:a\u202eb")
	f.Fuzz(func(t *testing.T, name, predicate string) {
		clean := strings.ToValidUTF8(name, "\uFFFD")
		g := graph.New()
		r := g.Add(graph.Triple{
			Subject:    graph.Ref{Label: name, Type: "PERSON"},
			Predicate:  predicate,
			Object:     graph.Ref{Label: "object", Type: "ORG"},
			Provenance: graph.Provenance{Document: name},
		})
		s := r.Subject()
		s.AddAlias(clean + " alias")
		s.AddProperty(clean, graph.Literal{Value: clean})
		n, err := newNamer(g, Options{}.withDefaults())
		if err != nil {
			t.Fatal(err)
		}

		// N-Quads.
		out := write(t, "nquads", g, Options{})
		h := graph.New()
		if _, err := h.ReadNQuads(bytes.NewReader(out), "fuzz.nq", graph.ReadOptions{BaseIRI: base}); err != nil {
			t.Fatalf("reading back: %v\n%s", err, out)
		}
		hs := h.LookupTerm(graph.Term{Kind: graph.IRI, Value: n.entity(s).iri})
		if hs == nil {
			t.Fatalf("subject %s not read back\n%s", n.entity(s), out)
		}
		if hs.Label != clean || hs.Type != "PERSON" || len(hs.Aliases) != 1 || hs.Aliases[0] != clean+" alias" {
			t.Errorf("subject read back as %+v, want label %q", hs, clean)
		}
		key := n.property(clean)
		if vs := hs.Properties[key]; len(vs) != 1 || vs[0].Value != clean {
			t.Errorf("property %s read back as %q, want %q", key, vs, clean)
		}
		if len(h.Relations()) != 1 {
			t.Fatalf("%d relations read back, want 1\n%s", len(h.Relations()), out)
		}
		hr := h.Relations()[0]
		if got := hr.Predicate; got != n.predicate(r) {
			t.Errorf("predicate read back as %q, want %q", got, n.predicate(r))
		} else if name, ok := strings.CutPrefix(got, base+"rel/"); ok && !graph.IsAbsoluteIRI(r.Predicate) && unslug(name) != r.Predicate {
			t.Errorf("predicate %q decodes to %q, want %q", got, unslug(name), r.Predicate)
		}
		if doc := hr.Provenance[0].Document; doc != n.document(clean) {
			t.Errorf("document read back as %q, want %q", doc, n.document(clean))
		} else if name, ok := strings.CutPrefix(doc, base+"doc/"); ok && unslug(name) != clean {
			t.Errorf("document %q decodes to %q, want %q", doc, unslug(name), clean)
		}

		// JSON.
		var j struct {
			Nodes []struct{ Label string }
			Links []struct {
				Predicate  string
				Provenance []graph.Provenance
			}
		}
		if err := json.Unmarshal(write(t, "json", g, Options{}), &j); err != nil {
			t.Fatal(err)
		}
		if len(j.Nodes) != 2 || j.Nodes[0].Label != clean || len(j.Links) != 1 || j.Links[0].Predicate != r.Predicate ||
			j.Links[0].Provenance[0].Document != clean {
			t.Errorf("JSON read back as %+v, want label %q, predicate %q", j, clean, r.Predicate)
		}

		// DOT.
		out = write(t, "dot", g, Options{Style: true})
		file, err := dot.ParseBytes(out)
		if err != nil {
			t.Fatalf("gonum's DOT parser: %v\n%s", err, out)
		}
		for _, st := range file.Graphs[0].Stmts {
			if st, ok := st.(*ast.NodeStmt); ok && st.Node.ID == "0" {
				if got, _ := unquoteDOT(st.Attrs[0].Val); got != pictures(clean) {
					t.Errorf("DOT label %s decodes to %q, want %q", st.Attrs[0].Val, got, pictures(clean))
				}
			}
		}
	})
}
