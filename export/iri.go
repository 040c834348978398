package export

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgb-dev/kgb/graph"
	"gonum.org/v1/gonum/graph/formats/rdf"
)

// namer mints the RDF terms of one graph under one base IRI. Every term a
// writer emits comes from a namer, so that no raw text reaches the output:
//
//   - an entity named by an IRI keeps it (percent-encoded where an IRI may
//     not hold a character, see writableIRI); one whose IRI cannot be
//     written at all gets base + "iri/" + slug(IRI);
//   - a blank node keeps its label when it is a valid N-Quads label, and
//     gets a fresh label "kgb" + hex(label) otherwise;
//   - a minted entity gets base + type segment + "/" + slug(label), the type
//     segment being the lower-cased type percent-encoded ("person",
//     "work_of_art"), or "thing" for no type or a class IRI;
//   - a predicate that is a name gets base + "rel/" + slug(name), and a
//     negated one base + "rel/not/" + slug(predicate), whether the
//     predicate is a name or an IRI;
//   - a property key that is a name gets base + "prop/" + slug(key), and
//     a literal datatype that is not an IRI base + "datatype/" + slug(it);
//   - a document that is not an absolute IRI (a path, "_:g") gets
//     base + "doc/" + slug(document); the empty document is the default
//     graph. A graph label is never a blank node: Virtuoso rejects them.
type namer struct {
	base   string
	blanks map[int64]string // entity ID → blank node label, for Blank entities
}

// newNamer returns the namer of g under o.BaseIRI, or an error when the
// base IRI cannot prefix minted names.
func newNamer(g *graph.Graph, o Options) (*namer, error) {
	base, err := checkBase(o.BaseIRI)
	if err != nil {
		return nil, err
	}
	n := &namer{base: base, blanks: make(map[int64]string)}
	// Keep valid labels first, so that a fresh label can avoid them.
	used := make(map[string]bool)
	var invalid []*graph.Entity
	for _, e := range g.Entities() {
		if e.Term.Kind != graph.Blank {
			continue
		}
		if validBlankLabel(e.Term.Value) && !used[e.Term.Value] {
			n.blanks[e.ID()] = e.Term.Value
			used[e.Term.Value] = true
		} else {
			invalid = append(invalid, e)
		}
	}
	for _, e := range invalid {
		label := fmt.Sprintf("kgb%x", e.Term.Value)
		for i := 2; used[label]; i++ {
			label = fmt.Sprintf("kgb%x-%d", e.Term.Value, i)
		}
		n.blanks[e.ID()] = label
		used[label] = true
	}
	return n, nil
}

// checkBase returns base as it will prefix minted IRIs, or an error when a
// name appended to it would not give a valid absolute IRI (a relative
// base, one without a path such as "http://example.org", one ending in a
// port separator).
func checkBase(base string) (string, error) {
	w, ok := writableIRI(base)
	if ok {
		u, err1 := url.Parse(w)
		probe, err2 := url.Parse(w + "a%20é/b")
		ok = err1 == nil && err2 == nil && u.Host == probe.Host
	}
	if !ok {
		return "", fmt.Errorf("export: base IRI %q cannot prefix names: want an absolute IRI ending in '/' or '#', such as %q", base, graph.DefaultBaseIRI)
	}
	return w, nil
}

// entityTerm is the RDF name of an entity: an IRI or a blank node label.
type entityTerm struct {
	iri, blank string
}

// String returns the term as kgb's JSON and DOT output show it: the IRI, or
// "_:" and the blank node label.
func (t entityTerm) String() string {
	if t.blank != "" {
		return "_:" + t.blank
	}
	return t.iri
}

func (n *namer) entity(e *graph.Entity) entityTerm {
	switch e.Term.Kind {
	case graph.IRI:
		if iri, ok := writableIRI(e.Term.Value); ok {
			return entityTerm{iri: iri}
		}
		return entityTerm{iri: n.base + "iri/" + slug(e.Term.Value)}
	case graph.Blank:
		return entityTerm{blank: n.blanks[e.ID()]}
	}
	return entityTerm{iri: n.base + typeSegment(e.Type) + "/" + slug(e.Label)}
}

// predicate returns the IRI of r's predicate.
func (n *namer) predicate(r *graph.Relation) string {
	if r.Negated {
		return n.base + "rel/not/" + slug(r.Predicate)
	}
	return n.name(r.Predicate, "rel/")
}

// property returns the IRI of a property key.
func (n *namer) property(key string) string { return n.name(key, "prop/") }

// document returns the graph label IRI of a provenance document, or "" for
// the default graph.
func (n *namer) document(doc string) string {
	if doc == "" {
		return ""
	}
	return n.name(doc, "doc/")
}

// class returns the class IRI of an entity type (see graph.TypeClass).
func (n *namer) class(typ string) string {
	if c, ok := writableIRI(graph.TypeClass(n.base, typ)); ok {
		return c
	}
	return n.base + "type/" + escape(typ, false)
}

// name returns s when it is an absolute IRI that can be written, and
// otherwise mints base + ns + slug(s).
func (n *namer) name(s, ns string) string {
	if iri, ok := writableIRI(s); ok {
		return iri
	}
	return n.base + ns + slug(s)
}

// writableIRI returns s as it can be written between < and > in N-Quads,
// where gonum's strict parser, raptor and databases accept it, and reports
// whether it can be. s must be an absolute IRI (graph.IsAbsoluteIRI) that
// Go's URL parser accepts; DEL, C1 controls, Unicode non-characters and
// bidi formatting characters (RFC 3987 §4.1 forbids them) are
// percent-encoded, which leaves a valid IRI unchanged.
func writableIRI(s string) (string, bool) {
	if !graph.IsAbsoluteIRI(s) || !utf8.ValidString(s) {
		return "", false
	}
	if strings.IndexFunc(s, notIRIRune) >= 0 {
		var b strings.Builder
		for _, r := range s {
			if notIRIRune(r) {
				percentEncode(&b, string(r))
			} else {
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() {
		return "", false
	}
	return s, true
}

// notIRIRune reports whether r may not appear raw in an IRI that
// graph.IsAbsoluteIRI accepted: DEL, and non-ASCII runes that are neither
// RFC 3987 ucschar nor iprivate, or that are bidi formatting characters.
func notIRIRune(r rune) bool {
	switch {
	case r < 0x7f:
		return false
	case r <= 0x9f: // DEL and C1 controls
		return true
	case isNoncharacter(r):
		return true
	case 0xe0000 <= r && r <= 0xe0fff: // tags and variation selectors are not ucschar
		return true
	case r == 0x200e || r == 0x200f || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

// isNoncharacter reports whether r is one of Unicode's 66 non-characters.
func isNoncharacter(r rune) bool {
	return 0xfdd0 <= r && r <= 0xfdef || r&0xfffe == 0xfffe
}

// slug turns a name into the last segment of a minted IRI: a space becomes
// '_', ASCII letters and digits and "-.~" stay, non-ASCII letters and digits
// stay raw for readability (they are IRI ucschar), and every other byte of
// the UTF-8 encoding is percent-encoded as %XX, '_' included, so that
// different names give different slugs. unslug inverts it.
func slug(s string) string { return escape(s, true) }

// typeSegment is the type segment of a minted entity IRI: the lower-cased
// type percent-encoded like a slug, except that '_' stays, as types have
// no spaces ("work_of_art"); "thing" for no type or a class IRI.
func typeSegment(typ string) string {
	if typ == "" || graph.IsAbsoluteIRI(typ) {
		return "thing"
	}
	return escape(strings.ToLower(typ), false)
}

// escape percent-encodes s for a path segment; spaces become '_' and '_'
// itself is encoded when spaceAsUnderscore is set.
func escape(s string, spaceAsUnderscore bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' && spaceAsUnderscore:
			b.WriteByte('_')
		case r == '_' && !spaceAsUnderscore,
			'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9',
			r == '-', r == '.', r == '~':
			b.WriteRune(r)
		case r >= 0x80 && size > 1 && (unicode.IsLetter(r) || unicode.IsDigit(r)) && !notIRIRune(r):
			b.WriteString(s[i : i+size])
		default:
			percentEncode(&b, s[i:i+size])
		}
		i += size
	}
	return b.String()
}

func percentEncode(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		b.WriteByte('%')
		b.WriteByte(hex[s[i]>>4])
		b.WriteByte(hex[s[i]&0xf])
	}
}

// unslug inverts slug. Text that slug did not produce decodes as far as it
// can: a malformed escape stays as it is.
func unslug(s string) string {
	return percentDecode(strings.ReplaceAll(s, "_", " "))
}

// percentDecode decodes %XX escapes, leaving malformed ones as they are,
// and makes the result valid UTF-8.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// validBlankLabel reports whether label can be written as an N-Quads blank
// node label: gonum's check, and no ':' (the RDF 1.1 erratum forbids it).
func validBlankLabel(label string) bool {
	_, err := rdf.NewBlankTerm(label)
	return err == nil && !strings.Contains(label, ":")
}

// readablePredicate returns the predicate of r as a person reads it: the
// name for a predicate that is a name, for an IRI the name it was minted
// from under base + "rel/", or else its local name (after the last '#' or
// '/') percent-decoded; "not " before it for a negated relation.
func readablePredicate(r *graph.Relation, base string) string {
	p := r.Predicate
	if graph.IsAbsoluteIRI(p) {
		p = readableIRI(p, base)
	}
	if r.Negated {
		return "not " + p
	}
	return p
}

func readableIRI(iri, base string) string {
	if name, ok := strings.CutPrefix(iri, base+"rel/"); ok && name != "" {
		if neg, ok := strings.CutPrefix(name, "not/"); ok {
			return "not " + unslug(neg)
		}
		return unslug(name)
	}
	local := iri[strings.LastIndexAny(iri, "#/")+1:]
	if local == "" {
		return iri
	}
	return percentDecode(local)
}
