package graph

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const w3cSuite = "../../shared/data/w3c-rdf-n-quads"

// TestW3CNQuadsSyntax runs the W3C RDF 1.1 N-Quads syntax suite as listed in
// its manifest: every positive test must read without error, every negative
// test must fail.
func TestW3CNQuadsSyntax(t *testing.T) {
	manifest, err := os.ReadFile(filepath.Join(w3cSuite, "manifest.ttl"))
	if err != nil {
		t.Skipf("W3C N-Quads suite not found (%v); it lives in ../shared/data, see README", err)
	}
	entry := regexp.MustCompile(`(?s)<#([^>]+)>\s+a\s+rdft:(TestNQuads(?:Positive|Negative)Syntax)\s*;.*?mf:action\s+<([^>]+)>`)
	tests := entry.FindAllSubmatch(manifest, -1)
	var positive, negative int
	for _, m := range tests {
		name, kind, file := string(m[1]), string(m[2]), string(m[3])
		wantOK := kind == "TestNQuadsPositiveSyntax"
		if wantOK {
			positive++
		} else {
			negative++
		}
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(filepath.Join(w3cSuite, file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			_, err = New().ReadNQuads(f, file, ReadOptions{})
			switch {
			case wantOK && err != nil:
				t.Errorf("positive test rejected: %v", err)
			case !wantOK && err == nil:
				t.Errorf("negative test accepted")
			case !wantOK:
				var se *SyntaxError
				if !errors.As(err, &se) || se.Line < 1 || se.Col < 1 {
					t.Errorf("error %v is not a positioned *SyntaxError", err)
				}
			}
		})
	}
	// The suite has 53 positive and 34 negative tests; a manifest the
	// pattern misreads must not pass as a smaller suite.
	if positive != 53 || negative != 34 {
		t.Errorf("read %d positive and %d negative tests from the manifest, want 53 and 34", positive, negative)
	}
}

func TestReadNQuadsErrors(t *testing.T) {
	good := "<http://ex/a> <http://ex/p> <http://ex/b> .\n"
	tests := []struct {
		name    string
		input   string
		wantErr string // "" for no error
	}{
		{"good", good, ""},
		{"comments and blank lines", "# c\n\n   \n" + good + "  # trailing\n", ""},
		{"CRLF", strings.ReplaceAll(good, "\n", "\r\n"), ""},
		{"error on line 7", strings.Repeat(good, 6) + "<http://ex/a> <http://ex/p> <http://ex/b> <http://ex/g> <http://ex/x> .\n",
			`f.nq:7:57: unexpected '<'`},
		{"space in IRI", "<http://ex/a b> <http://ex/p> \"x\" .\n", `f.nq:1:13: unexpected ' ' inside an IRI`},
		{"relative IRI", "<a> <http://ex/p> \"x\" .\n", `f.nq:1:1: relative IRI ref "a"`},
		{"literal as graph", "<http://ex/a> <http://ex/p> \"x\" \"g\" .\n", `f.nq:1:33: unexpected '"'`},
		{"literal subject", "\"s\" <http://ex/p> \"x\" .\n", `f.nq:1:1: unexpected '"'`},
		{"missing dot", "<http://ex/a> <http://ex/p> <http://ex/b>\n", `f.nq:1:42: incomplete statement`},
		{"column counts characters", "<http://ex/é> <http://ex/p> \"x\" \"g\" .\n", `f.nq:1:33: unexpected '"'`},
		{"invalid UTF-8", "<http://ex/a> <http://ex/p> \"\xff\" .\n", `f.nq:1:30: invalid UTF-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New().ReadNQuads(strings.NewReader(tt.input), "f.nq", ReadOptions{})
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want prefix %q", err, tt.wantErr)
			}
		})
	}
}

func TestReadNQuadsLenient(t *testing.T) {
	input := "<http://ex/a> <http://ex/p> <http://ex/b> .\n" +
		"garbage\n" +
		"<http://ex/b> <http://ex/p> <http://ex/c> .\n" +
		"<http://ex/c> <http://ex/p> .\n"
	g := New()
	stats, err := g.ReadNQuads(strings.NewReader(input), "f.nq", ReadOptions{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Statements != 2 || stats.Skipped != 2 || len(stats.Errors) != 2 {
		t.Errorf("stats = %+v, want 2 statements, 2 skipped, 2 errors", stats)
	}
	if !strings.HasPrefix(stats.Errors[0].Error(), "f.nq:2:") || !strings.HasPrefix(stats.Errors[1].Error(), "f.nq:4:") {
		t.Errorf("errors = %v, want lines 2 and 4", stats.Errors)
	}
	if g.Len() != 3 || len(g.Relations()) != 2 {
		t.Errorf("graph = %v, want 3 entities and 2 relations", g)
	}
}

func TestReadNQuadsMapping(t *testing.T) {
	const base = "http://example.org/kgb/"
	input := `<http://ex/lepen> <http://www.w3.org/2000/01/rdf-schema#label> "Marine Le Pen" .
<http://ex/lepen> <http://www.w3.org/2000/01/rdf-schema#label> "Le Pen"@fr .
<http://ex/lepen> <http://www.w3.org/2004/02/skos/core#altLabel> "She" .
<http://ex/lepen> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> .
<http://ex/lepen> <http://example.org/kgb/vocab#mentions> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://ex/lepen> <http://ex/born> "1968-08-05"^^<http://www.w3.org/2001/XMLSchema#date> .
<http://ex/lepen> <http://ex/supports> <http://ex/putin> <http://ex/doc1> .
<http://ex/lepen> <http://ex/supports> <http://ex/putin> <http://ex/doc2> .
<http://ex/lepen> <http://ex/supports> <http://ex/putin> <http://ex/doc2> .
<http://ex/fn> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "ORG" .
_:b1 <http://ex/leads> <http://ex/fn> _:g .
`
	g := New()
	if _, err := g.ReadNQuads(strings.NewReader(input), "f.nq", ReadOptions{BaseIRI: base}); err != nil {
		t.Fatal(err)
	}
	lepen := g.LookupTerm(Term{Kind: IRI, Value: "http://ex/lepen"})
	if lepen == nil {
		t.Fatal("no entity for http://ex/lepen")
	}
	if lepen.Label != "Marine Le Pen" || lepen.Type != "PERSON" || lepen.Mentions != 3 {
		t.Errorf("lepen = %+v, want label Marine Le Pen, type PERSON, 3 mentions", lepen)
	}
	if want := []string{"Le Pen", "She"}; !slices.Equal(lepen.Aliases, want) {
		t.Errorf("aliases = %q, want %q", lepen.Aliases, want)
	}
	if got := lepen.Properties["http://ex/born"]; len(got) != 1 || got[0] != (Literal{Value: "1968-08-05", Datatype: XSD + "date"}) {
		t.Errorf("born = %+v", got)
	}
	if fn := g.LookupTerm(Term{Kind: IRI, Value: "http://ex/fn"}); fn == nil || fn.Type != "ORG" {
		t.Errorf("fn = %+v, want type ORG from a literal rdf:type", fn)
	}
	if g.Len() != 4 {
		t.Errorf("entities = %d, want 4 (types and literals are not nodes)", g.Len())
	}
	rels := g.Relations()
	if len(rels) != 2 {
		t.Fatalf("relations = %d, want 2", len(rels))
	}
	if r := rels[0]; r.Predicate != "http://ex/supports" || r.Weight() != 2 || r.Provenance[1].Document != "http://ex/doc2" {
		t.Errorf("supports = %+v, want weight 2 from doc1 and doc2 (the repeated doc2 quad is the same evidence)", r)
	}
	if r := rels[1]; r.Subject().Term.Kind != Blank || r.Provenance[0].Document != "_:g" {
		t.Errorf("leads = %+v, want a blank subject and document _:g", r)
	}
}

func TestBlankNodesScopedPerRead(t *testing.T) {
	g := New()
	for _, name := range []string{"a.nq", "b.nq"} {
		if _, err := g.ReadNQuads(strings.NewReader("_:x <http://ex/p> <http://ex/o> .\n"), name, ReadOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if g.Len() != 3 {
		t.Errorf("entities = %d, want 3: _:x of a.nq and _:x of b.nq are different nodes", g.Len())
	}
}

func TestTypeClassRoundTrip(t *testing.T) {
	const base = DefaultBaseIRI
	for _, typ := range []string{"PERSON", "GPE", "NORP", "DATE", "Work of art", `a<b>"c`, "é/x#y", "http://schema.org/Movie"} {
		class := TypeClass(base, typ)
		if !IsAbsoluteIRI(class) {
			t.Errorf("TypeClass(%q) = %q, not a writable IRI", typ, class)
		}
		if got := TypeOf(base, class); got != typ {
			t.Errorf("TypeOf(TypeClass(%q)) = %q", typ, got)
		}
	}
}
