package export

import (
	"net/url"
	"strings"
	"testing"

	"github.com/kgb-dev/kgb/graph"
	"gonum.org/v1/gonum/graph/formats/rdf"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"Emmanuel Macron", "Emmanuel_Macron"},
		{"under_score", "under%5Fscore"},
		{"100%", "100%25"},
		{"a-b.c~d", "a-b.c~d"},
		{`"<>{}|^` + "`\\", "%22%3C%3E%7B%7D%7C%5E%60%5C"},
		{"a/b#c?d:e", "a%2Fb%23c%3Fd%3Ae"},
		{"Élysée Москва 北京 ١٢٣", "Élysée_Москва_北京_١٢٣"},
		{"عربي\u202e", "عربي%E2%80%AE"},
		{"😀", "%F0%9F%98%80"},
		{"nul\x00 tab\t nl\n", "nul%00_tab%09_nl%0A"},
		{"c1\u0085 nonchar\ufdd0", "c1%C2%85_nonchar%EF%B7%90"},
		{"bad\xff", "bad%FF"},
		{"", ""},
	} {
		got := slug(tc.in)
		if got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if _, err := rdf.NewIRITerm(graph.DefaultBaseIRI + got); err != nil {
			t.Errorf("slug(%q) = %q does not make a valid IRI: %v", tc.in, got, err)
		}
		if back := unslug(got); back != strings.ToValidUTF8(tc.in, "\uFFFD") {
			t.Errorf("unslug(%q) = %q, want %q", got, back, tc.in)
		}
	}
}

func TestTypeSegment(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"PERSON", "person"},
		{"WORK_OF_ART", "work_of_art"},
		{"", "thing"},
		{"http://schema.org/Person", "thing"},
		{"Odd Type/x", "odd%20type%2Fx"},
	} {
		if got := typeSegment(tc.in); got != tc.want {
			t.Errorf("typeSegment(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWritableIRI(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"http://example.org/a", "http://example.org/a", true},
		{"http://example.org/é?q=1#f", "http://example.org/é?q=1#f", true},
		{"urn:isbn:0451450523", "urn:isbn:0451450523", true},
		{"http://example.org/a\u202eb", "http://example.org/a%E2%80%AEb", true},
		{"http://example.org/a\u0085\x7f", "http://example.org/a%C2%85%7F", true},
		{"http://example.org/\ufffe", "http://example.org/%EF%BF%BE", true},
		{"http://example.org/a b", "", false},
		{"http://example.org/<a>", "", false},
		{"http://example.org/%zz", "", false},
		{"http://a:port/", "", false},
		{"relative/path", "", false},
		{"_:b1", "", false},
		{"", "", false},
	} {
		got, ok := writableIRI(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("writableIRI(%q) = %q, %v, want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
		if ok {
			if _, err := rdf.ParseNQuad("<" + got + "> <http://p> <" + got + "> <" + got + "> ."); err != nil {
				t.Errorf("gonum rejects %q: %v", got, err)
			}
		}
	}
}

func TestCheckBase(t *testing.T) {
	for _, tc := range []struct {
		base string
		ok   bool
	}{
		{graph.DefaultBaseIRI, true},
		{"http://example.org/ns#", true},
		{"urn:kgb:", true},
		{"http://example.org", false}, // names would land in the host
		{"http://", false},
		{"http://example.org:", false},
		{"example.org/", false},
		{"http://example.org/a b/", false},
	} {
		_, err := checkBase(tc.base)
		if (err == nil) != tc.ok {
			t.Errorf("checkBase(%q) = %v, want ok %v", tc.base, err, tc.ok)
		}
	}
}

func TestNamer(t *testing.T) {
	g := graph.New()
	minted := g.Entity("Emmanuel Macron", "PERSON")
	untyped := g.Entity("x y", "")
	iri := g.EntityFor(graph.Term{Kind: graph.IRI, Value: "http://example.org/e"})
	badIRI := g.EntityFor(graph.Term{Kind: graph.IRI, Value: "http://example.org/a b"})
	blank := g.EntityFor(graph.Term{Kind: graph.Blank, Value: "b1"})
	badBlank := g.EntityFor(graph.Term{Kind: graph.Blank, Value: "a b"})
	taken := g.EntityFor(graph.Term{Kind: graph.Blank, Value: "kgb612062"}) // hex of "a b"
	n, err := newNamer(g, Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	const b = graph.DefaultBaseIRI
	for _, tc := range []struct {
		name, got, want string
	}{
		{"minted", n.entity(minted).String(), b + "person/Emmanuel_Macron"},
		{"untyped", n.entity(untyped).String(), b + "thing/x_y"},
		{"IRI", n.entity(iri).String(), "http://example.org/e"},
		{"unwritable IRI", n.entity(badIRI).String(), b + "iri/http%3A%2F%2Fexample.org%2Fa_b"},
		{"blank", n.entity(blank).String(), "_:b1"},
		{"invalid blank", n.entity(badBlank).String(), "_:kgb612062-2"},
		{"blank with that label", n.entity(taken).String(), "_:kgb612062"},
		{"predicate name", n.predicate(&graph.Relation{Predicate: "calls out"}), b + "rel/calls_out"},
		{"predicate IRI", n.predicate(&graph.Relation{Predicate: "http://schema.org/knows"}), "http://schema.org/knows"},
		{"negated predicate", n.predicate(&graph.Relation{Predicate: "accepts", Negated: true}), b + "rel/not/accepts"},
		{"negated IRI predicate", n.predicate(&graph.Relation{Predicate: "http://s.org/p", Negated: true}), b + "rel/not/http%3A%2F%2Fs.org%2Fp"},
		{"document path", n.document("news/a b.txt"), b + "doc/news%2Fa_b.txt"},
		{"document IRI", n.document("http://example.org/d"), "http://example.org/d"},
		{"document blank", n.document("_:g"), b + "doc/%5F%3Ag"},
		{"default graph", n.document(""), ""},
		{"property name", n.property("birth date"), b + "prop/birth_date"},
		{"property IRI", n.property("http://schema.org/name"), "http://schema.org/name"},
		{"schema.org class", n.class("PERSON"), "http://schema.org/Person"},
		{"kgb class", n.class("NORP"), b + "type/NORP"},
		{"odd class", n.class("a b"), b + "type/a%20b"},
		{"class IRI", n.class("http://example.org/C"), "http://example.org/C"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, tc.got, tc.want)
		}
		if iri := tc.got; iri != "" && iri[0] != '_' {
			if u, err := url.Parse(iri); err != nil || !u.IsAbs() {
				t.Errorf("%s: %q is not an absolute IRI: %v", tc.name, iri, err)
			}
		}
	}
}

func TestLiteral(t *testing.T) {
	n := &namer{base: graph.DefaultBaseIRI}
	for _, tc := range []struct {
		name string
		in   graph.Literal
		want string
		err  bool
	}{
		{"plain", graph.Literal{Value: "Macron"}, `"Macron"`, false},
		{"echar", graph.Literal{Value: "a\\b\"c\nd\re"}, `"a\\b\"c\nd\re"`, false},
		{"uchar", graph.Literal{Value: "\x00\t\x1f\x7f\u0085"}, `"\u0000\u0009\u001F\u007F\u0085"`, false},
		{"non-characters", graph.Literal{Value: "\ufdd0\U0001fffe\ufffe\uffff"}, "\"\\uFDD0\\U0001FFFE\ufffe\uffff\"", false},
		{"raw unicode", graph.Literal{Value: "عربي\u202e😀"}, "\"عربي\u202e😀\"", false},
		{"invalid UTF-8", graph.Literal{Value: "a\xffb"}, "\"a\ufffdb\"", false},
		{"integer", graph.Literal{Value: "3", Datatype: graph.XSDInteger}, `"3"^^<http://www.w3.org/2001/XMLSchema#integer>`, false},
		{"xsd:string", graph.Literal{Value: "s", Datatype: graph.XSDString}, `"s"`, false},
		{"datatype name", graph.Literal{Value: "s", Datatype: "my type"}, `"s"^^<http://example.org/kgb/datatype/my_type>`, false},
		{"language", graph.Literal{Value: "Président", Lang: "fr-FR"}, `"Président"@fr-FR`, false},
		{"bad language", graph.Literal{Value: "x", Lang: "fr FR"}, "", true},
	} {
		l, err := n.literal(tc.in)
		if (err != nil) != tc.err {
			t.Errorf("%s: error %v, want error %v", tc.name, err, tc.err)
		}
		if tc.err {
			continue
		}
		if got := l.String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		st, err := rdf.ParseNQuad("<http://s> <http://p> " + l.String() + " .")
		if err != nil {
			t.Errorf("%s: gonum rejects %s: %v", tc.name, l, err)
			continue
		}
		if text, _, _, _ := st.Object.Parts(); text != strings.ToValidUTF8(tc.in.Value, "\uFFFD") {
			t.Errorf("%s: %s reads back as %q, want %q", tc.name, l, text, tc.in.Value)
		}
	}
}

func TestReadablePredicate(t *testing.T) {
	const b = graph.DefaultBaseIRI
	for _, tc := range []struct {
		predicate string
		negated   bool
		want      string
	}{
		{"calls out", false, "calls out"},
		{"accepts", true, "not accepts"},
		{"http://schema.org/knows", false, "knows"},
		{"http://example.org/v#member%20of", false, "member of"},
		{b + "rel/calls_out", false, "calls out"},
		{b + "rel/not/calls_out", false, "not calls out"},
		{"http://example.org/", false, "http://example.org/"},
	} {
		r := &graph.Relation{Predicate: tc.predicate, Negated: tc.negated}
		if got := readablePredicate(r, b); got != tc.want {
			t.Errorf("readablePredicate(%q, %v) = %q, want %q", tc.predicate, tc.negated, got, tc.want)
		}
	}
}
