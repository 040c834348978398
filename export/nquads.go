package export

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/kgb-dev/kgb/graph"
	"gonum.org/v1/gonum/graph/formats/rdf"
)

func init() {
	Register(Format{
		Name:        "nquads",
		Extensions:  []string{".nq"},
		Description: "RDF N-Quads, one graph per source document (graph databases)",
		Write: func(w io.Writer, g *graph.Graph, _ *graph.Metrics, o Options) error {
			return writeRDF(w, g, o, true)
		},
	})
	Register(Format{
		Name:        "ntriples",
		Extensions:  []string{".nt"},
		Description: "RDF N-Triples, without provenance (any RDF tool)",
		Write: func(w io.Writer, g *graph.Graph, _ *graph.Metrics, o Options) error {
			return writeRDF(w, g, o, false)
		},
	})
}

// writeRDF writes g as N-Quads or, when quads is false, N-Triples, through
// cayleygraph/quad's writer with terms minted by a namer.
//
// Each entity's facts come first, in entity ID order and in the default
// graph: rdfs:label (always for a minted entity, whose IRI says nothing to
// a person), rdf:type, skos:altLabel per alias, the mention count, then
// the properties by key. Relations follow in relation ID order, one quad
// per distinct provenance document with the document as graph label (the
// default graph when there is none); in N-Triples a relation is one triple.
func writeRDF(w io.Writer, g *graph.Graph, o Options, quads bool) error {
	o = o.withDefaults()
	n, err := newNamer(g, o)
	if err != nil {
		return err
	}
	sw := &statementWriter{w: nquads.NewWriter(w)}
	var (
		label    = quad.IRI(graph.RDFSLabel)
		typ      = quad.IRI(graph.RDFType)
		alias    = quad.IRI(graph.SKOSAltLabel)
		mentions = quad.IRI(graph.MentionsIRI(n.base))
	)
	terms := make([]quad.Value, g.Len())
	for _, e := range g.Entities() {
		s := n.entity(e).value()
		terms[e.ID()] = s
		if e.Label != "" || e.Term.Kind == graph.Minted {
			sw.write(s, label, literal{Value: e.Label}, nil)
		}
		if e.Type != "" {
			sw.write(s, typ, quad.IRI(n.class(e.Type)), nil)
		}
		for _, a := range e.Aliases {
			sw.write(s, alias, literal{Value: a}, nil)
		}
		if e.Mentions > 0 {
			sw.write(s, mentions, literal{Value: strconv.Itoa(e.Mentions), Datatype: graph.XSDInteger}, nil)
		}
		keys := make([]string, 0, len(e.Properties))
		for k := range e.Properties {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p := quad.IRI(n.property(k))
			for _, v := range e.Properties[k] {
				l, err := n.literal(v)
				if err != nil && sw.err == nil {
					sw.err = fmt.Errorf("export: entity %q, property %q: %w", e.Name(), k, err)
				}
				sw.write(s, p, l, nil)
			}
		}
	}
	var docs []string
	for _, r := range g.Relations() {
		s, p, obj := terms[r.Subject().ID()], quad.IRI(n.predicate(r)), terms[r.Object().ID()]
		if !quads {
			sw.write(s, p, obj, nil)
			continue
		}
		docs = docs[:0]
		for _, pv := range r.Provenance {
			if d := n.document(pv.Document); !slices.Contains(docs, d) {
				docs = append(docs, d)
			}
		}
		if len(docs) == 0 {
			docs = append(docs, "")
		}
		for _, d := range docs {
			var l quad.Value
			if d != "" {
				l = quad.IRI(d)
			}
			sw.write(s, p, obj, l)
		}
	}
	return sw.close()
}

// value returns t as a quad value.
func (t entityTerm) value() quad.Value {
	if t.blank != "" {
		return quad.BNode(t.blank)
	}
	return quad.IRI(t.iri)
}

// statementWriter keeps the first error of a quad writer (sticky error), so
// that the loops above need not check every call.
type statementWriter struct {
	w   *nquads.Writer
	err error
}

func (sw *statementWriter) write(s, p, o, label quad.Value) {
	if sw.err != nil {
		return
	}
	if err := sw.w.WriteQuad(quad.Quad{Subject: s, Predicate: p, Object: o, Label: label}); err != nil {
		sw.err = fmt.Errorf("export: writing %v %v %v: %w", s, p, o, err)
	}
}

func (sw *statementWriter) close() error {
	if err := sw.w.Close(); err != nil && sw.err == nil {
		sw.err = fmt.Errorf("export: %w", err)
	}
	return sw.err
}

// literal is an RDF literal as a quad.Value whose String is its N-Triples
// form. quad.String escapes too little, and quad's typed values write
// datatypes as prefixed names (<xsd:integer>), which N-Triples does not
// have. Datatype must be a writable absolute IRI and Lang a valid
// language tag; namer.literal makes sure they are.
type literal graph.Literal

// String writes the literal per the N-Triples STRING_LITERAL_QUOTE
// production: '\', '"', LF and CR as ECHAR, other C0 and C1 controls, DEL
// and non-characters as UCHAR, everything else raw; then "@" and the
// language tag, or "^^" and the datatype IRI unless it is xsd:string.
//
// U+FFFE and U+FFFF stay raw: the grammar allows them, but raptor rejects
// them escaped.
func (l literal) String() string {
	var b strings.Builder
	b.Grow(len(l.Value) + 2)
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(l.Value, "\uFFFD") {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || 0x7f <= r && r <= 0x9f || isNoncharacter(r) && r != 0xfffe && r != 0xffff:
			if r <= 0xffff {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				fmt.Fprintf(&b, `\U%08X`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	switch {
	case l.Lang != "":
		b.WriteString("@" + l.Lang)
	case l.Datatype != "" && l.Datatype != graph.XSDString:
		b.WriteString("^^<" + l.Datatype + ">")
	}
	return b.String()
}

// Native returns the lexical value.
func (l literal) Native() any { return l.Value }

var _ quad.Value = literal{}

// literal returns v as a writable literal: its datatype minted as
// base + "datatype/" + slug(datatype) when it is not a writable IRI, or an error for a language
// tag that is not well-formed. A literal with a language tag has datatype
// rdf:langString, so the tag wins over a datatype.
func (n *namer) literal(v graph.Literal) (literal, error) {
	if v.Lang != "" {
		if _, err := rdf.NewLiteralTerm("", "@"+v.Lang); err != nil || !utf8.ValidString(v.Lang) {
			return literal{Value: v.Value}, fmt.Errorf("language tag %q is not well-formed", v.Lang)
		}
		return literal{Value: v.Value, Lang: v.Lang}, nil
	}
	if v.Datatype != "" {
		v.Datatype = n.name(v.Datatype, "datatype/")
	}
	return literal(v), nil
}
