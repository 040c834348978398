package export

import (
	"fmt"
	"strings"

	"github.com/kgb-dev/kgb/graph"
)

// hostile are names that break naive writers: quotes, backslashes, line
// breaks, tabs, characters IRIs may not hold, spaces, emoji, right-to-left
// text with a bidi override, NUL, DEL, C1 controls, non-characters,
// underscores and percent signs (which slugs must keep apart from spaces
// and escapes), a trailing backslash (which ends a DOT string early if it
// is not escaped), HTML entities (which Graphviz decodes) and U+FFFD
// (which gonum's DOT parser rejects raw).
var hostile = []string{
	`Emmanuel "Manu" Macron`,
	`back\slash`,
	"two\nlines",
	"tab\there",
	"<>{}|^`",
	"with spaces",
	"emoji 😀🇫🇷",
	"عربي \u202eRTL override",
	"nul\x00byte",
	"cr\rlf",
	"del\x7f c1\u0085",
	"nonchar\ufffe\uffff\ufdd0\U0001fffe",
	"under_score",
	"percent%20sign",
	`trailing\`,
	"AT&T &lt;x&gt;",
	"\uFFFD replacement",
	"",
}

// hostileGraph builds a graph whose every text field holds hostile text:
// entity labels, types, aliases, properties (keys and values), predicates
// (names and an IRI, negated or not) and documents (paths, IRIs, blank
// labels and the default graph), plus an IRI entity and blank nodes with a
// valid and an invalid label.
func hostileGraph() *graph.Graph {
	g := graph.New()
	types := []string{"PERSON", "ORG", "", "NORP", "CONCEPT", "GPE"}
	docs := []string{"", "docs/a b.txt", "http://example.org/doc/1", "_:g", `C:\news\"x".txt`}
	for i, name := range hostile {
		s := graph.Ref{Label: name, Type: types[i%len(types)]}
		o := graph.Ref{Label: hostile[(i+1)%len(hostile)], Type: types[(i+1)%len(types)]}
		pred := hostile[(i+2)%len(hostile)]
		if i%4 == 3 {
			pred = "http://schema.org/knows"
		}
		g.Add(graph.Triple{Subject: s, Predicate: pred, Object: o, Negated: i%3 == 2,
			Provenance: graph.Provenance{Document: docs[i%len(docs)], Sentence: i + 1, Text: name, Rule: "rule " + name, Confidence: 0.5}})
		// A second document for some relations.
		g.Add(graph.Triple{Subject: s, Predicate: pred, Object: o, Negated: i%3 == 2,
			Provenance: graph.Provenance{Document: docs[(i+2)%len(docs)]}})

		e := g.Lookup(name, s.Type)
		e.Mentions = i
		e.AddAlias(hostile[(i+3)%len(hostile)])
		e.AddAlias("alias " + name)
		e.AddProperty(hostile[(i+4)%len(hostile)], graph.Literal{Value: name})
		e.AddProperty("http://schema.org/description", graph.Literal{Value: name, Lang: "en-GB"})
		e.AddProperty("http://schema.org/birthDate", graph.Literal{Value: fmt.Sprint(1900 + i), Datatype: graph.XSD + "gYear"})
	}
	iri := g.EntityFor(graph.Term{Kind: graph.IRI, Value: "http://example.org/x/é?q=1#frag"})
	iri.Label = "an IRI entity " + hostile[0]
	iri.Type = "http://example.org/class/Thing"
	blank := g.EntityFor(graph.Term{Kind: graph.Blank, Value: "b1"})
	badBlank := g.EntityFor(graph.Term{Kind: graph.Blank, Value: "not a label:" + hostile[2]})
	badBlank.AddAlias(hostile[1])
	first := g.Lookup(hostile[0], types[0])
	g.Relate(iri, "has member", first, false, graph.Provenance{Document: "docs/a b.txt"})
	g.Relate(blank, "knows", badBlank, false, graph.Provenance{})
	g.Relate(badBlank, "http://schema.org/knows", blank, true, graph.Provenance{Document: "_:g"})
	g.Relate(first, "self loop", first, false, graph.Provenance{})
	return g
}

// pictures maps text the way dotQuote shows it: C0 controls other than the
// newline, and DEL, become their Unicode control pictures.
func pictures(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7f:
			return 0x2421
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
