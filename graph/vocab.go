package graph

import (
	"net/url"
	"strings"
)

// IRIs of the vocabularies kgb reads and writes.
const (
	RDFType      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	RDFSLabel    = "http://www.w3.org/2000/01/rdf-schema#label"
	SKOSAltLabel = "http://www.w3.org/2004/02/skos/core#altLabel"
	XSD          = "http://www.w3.org/2001/XMLSchema#"
	XSDString    = XSD + "string"
	XSDInteger   = XSD + "integer"
	XSDDouble    = XSD + "double"
	XSDBoolean   = XSD + "boolean"
	RDFLangStr   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
	Schema       = "http://schema.org/"
)

// DefaultBaseIRI is the namespace of minted IRIs when none is configured.
const DefaultBaseIRI = "http://example.org/kgb/"

// MentionsIRI is the property that carries an entity's mention count, in the
// vocabulary under base.
func MentionsIRI(base string) string { return base + "vocab#mentions" }

// classes maps kgb's entity types to the schema.org classes they are written
// as in RDF. The mapping is one to one so that reading an export back gives
// the same types; types with no fitting schema.org class get one under the
// base IRI (see TypeClass).
var classes = map[string]string{
	"PERSON":      Schema + "Person",
	"ORG":         Schema + "Organization",
	"GPE":         Schema + "AdministrativeArea",
	"LOC":         Schema + "Place",
	"FAC":         Schema + "CivicStructure",
	"EVENT":       Schema + "Event",
	"WORK_OF_ART": Schema + "CreativeWork",
	"PRODUCT":     Schema + "Product",
	"LAW":         Schema + "Legislation",
	"LANGUAGE":    Schema + "Language",
	"CONCEPT":     Schema + "Thing",
}

var types = func() map[string]string {
	m := make(map[string]string, len(classes))
	for t, c := range classes {
		m[c] = t
	}
	return m
}()

// TypeClass returns the RDF class IRI of an entity type: the schema.org class
// for the kgb types that have one, base + "type/" + typ for other kgb types
// (NORP, DATE, …) percent-encoded, and typ itself when it is already an absolute IRI.
func TypeClass(base, typ string) string {
	if c, ok := classes[typ]; ok {
		return c
	}
	if IsAbsoluteIRI(typ) {
		return typ
	}
	return base + "type/" + url.PathEscape(typ)
}

// TypeOf is the inverse of TypeClass: the kgb type written as class.
func TypeOf(base, class string) string {
	if t, ok := types[class]; ok {
		return t
	}
	if t, ok := strings.CutPrefix(class, base+"type/"); ok && t != "" && !strings.ContainsAny(t, "/#") {
		if typ, err := url.PathUnescape(t); err == nil {
			return typ
		}
	}
	return class
}

// IsAbsoluteIRI reports whether s looks like an absolute IRI: a scheme
// (a letter, then letters, digits, '+', '-' or '.') and a colon, and no
// character that an IRI may not hold. Predicates and documents that are not
// absolute IRIs are names, minted into IRIs by exporters.
func IsAbsoluteIRI(s string) bool {
	colon := strings.IndexByte(s, ':')
	if colon < 1 {
		return false
	}
	for i := 0; i < colon; i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || strings.IndexByte("<>\"{}|^`\\", c) >= 0 {
			return false
		}
	}
	return true
}
