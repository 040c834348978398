package graph

import (
	"fmt"
	"slices"
	"strings"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/multi"
)

// TermKind says how an entity is named in RDF.
type TermKind int

const (
	// Minted entities have no RDF name yet: exporters mint an IRI from the
	// entity's type and label.
	Minted TermKind = iota
	// IRI entities are named by an absolute IRI.
	IRI
	// Blank entities are RDF blank nodes.
	Blank
)

// Term is the RDF name of an entity: an IRI, a blank node label, or nothing
// (Minted) for entities built from text.
type Term struct {
	Kind  TermKind
	Value string // the IRI or the blank node label, without <> or _:
}

// Literal is an RDF literal: a lexical value with an optional datatype IRI or
// language tag (never both).
type Literal struct {
	Value    string
	Datatype string // absolute IRI, empty for a plain string
	Lang     string // BCP 47 tag, empty when none
}

// Entity is a node of the graph: a person, organisation, place or any other
// thing relations are stated about.
type Entity struct {
	id int64

	// Term is the entity's RDF name when it came from RDF; Minted otherwise.
	Term Term
	// Label is the canonical name shown to people.
	Label string
	// Type is a kgb type (PERSON, ORG, GPE, …) or, for entities read from
	// RDF with a class kgb does not know, the class IRI.
	Type string
	// Aliases are the other names the entity goes by, sorted, without Label.
	Aliases []string
	// Mentions counts how often the entity was mentioned in the source text.
	Mentions int
	// Properties hold literal-valued facts, keyed by property IRI or name.
	Properties map[string][]Literal
}

// ID returns the entity's gonum node ID. IDs are assigned in the order
// entities are first added, so they are stable for a given input.
func (e *Entity) ID() int64 { return e.id }

// Name returns the label, or failing that the entity's RDF name.
func (e *Entity) Name() string {
	if e.Label != "" {
		return e.Label
	}
	return e.Term.Value
}

// AddAlias records another name for e; the label and duplicates are ignored.
func (e *Entity) AddAlias(name string) {
	if name == "" || name == e.Label {
		return
	}
	i, found := slices.BinarySearch(e.Aliases, name)
	if !found {
		e.Aliases = slices.Insert(e.Aliases, i, name)
	}
}

// AddProperty records a literal-valued fact about e; exact duplicates are
// ignored.
func (e *Entity) AddProperty(key string, v Literal) {
	if e.Properties == nil {
		e.Properties = make(map[string][]Literal)
	}
	if slices.Contains(e.Properties[key], v) {
		return
	}
	e.Properties[key] = append(e.Properties[key], v)
}

// Provenance is one piece of evidence for a relation: where it was stated and
// by which rule.
type Provenance struct {
	// Document identifies the source document: an IRI, or a path or name
	// that exporters turn into one.
	Document string `json:"document,omitempty"`
	// Sentence is the 1-based index of the sentence within the document;
	// 0 when unknown.
	Sentence int `json:"sentence,omitempty"`
	// Text is the sentence that states the relation.
	Text string `json:"text,omitempty"`
	// Rule names the extraction rule that produced the relation.
	Rule string `json:"rule,omitempty"`
	// Confidence is the extractor's confidence in [0, 1]; 0 when unknown.
	Confidence float64 `json:"confidence,omitempty"`
}

// Relation is a line of the multigraph: one distinct (subject, predicate,
// object, negated) statement and all the evidence for it.
type Relation struct {
	id       int64
	from, to *Entity

	// Predicate is an absolute IRI (relations read from RDF) or a phrase in
	// the third person present ("supports", "calls out").
	Predicate string
	// Negated marks a statement that the source denies ("will not accept").
	Negated bool
	// Provenance lists the distinct evidence, in the order it was added.
	Provenance []Provenance
}

// From returns the subject.
func (r *Relation) From() gg.Node { return r.from }

// To returns the object.
func (r *Relation) To() gg.Node { return r.to }

// Subject returns the subject entity.
func (r *Relation) Subject() *Entity { return r.from }

// Object returns the object entity.
func (r *Relation) Object() *Entity { return r.to }

// ID returns the line ID, unique in the graph and stable for a given input.
func (r *Relation) ID() int64 { return r.id }

// Weight is the evidence count: the number of distinct provenance records,
// and at least 1.
func (r *Relation) Weight() float64 { return float64(max(1, len(r.Provenance))) }

// ReversedLine returns a copy of r with subject and object swapped; it is not
// part of the graph.
func (r *Relation) ReversedLine() gg.Line {
	rev := *r
	rev.from, rev.to = r.to, r.from
	return &rev
}

var (
	_ gg.WeightedLine = (*Relation)(nil)
	_ gg.Node         = (*Entity)(nil)
)

// Ref names the subject or object of a Triple built from text: the entity
// with this type and label, created on first use.
type Ref struct {
	Label string
	Type  string
}

// Triple is one statement to add to the graph, with its evidence.
type Triple struct {
	Subject   Ref
	Predicate string
	Object    Ref
	Negated   bool
	Provenance
}

// Graph is a knowledge graph. The zero value is not usable; call New.
//
// Graph implements gonum's graph.WeightedMultigraph through its
// multi.WeightedDirectedGraph; lines are *Relation and nodes *Entity. The
// weight of the edge between two entities is the sum of the weights of the
// relations from one to the other.
type Graph struct {
	*multi.WeightedDirectedGraph

	entities  []*Entity // in ID order
	byKey     map[string]*Entity
	relations []*Relation // in ID order
	byTriple  map[relationKey]*Relation
}

type relationKey struct {
	from, to  int64
	predicate string
	negated   bool
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{
		WeightedDirectedGraph: multi.NewWeightedDirectedGraph(),
		byKey:                 make(map[string]*Entity),
		byTriple:              make(map[relationKey]*Relation),
	}
}

// entityKey is the lookup key of an entity: its RDF term, or its type and
// label for minted entities (different types never merge).
func entityKey(t Term, typ, label string) string {
	switch t.Kind {
	case IRI:
		return "<" + t.Value
	case Blank:
		return "_:" + t.Value
	default:
		return "=" + typ + "\x00" + label
	}
}

// Entity returns the minted entity with this label and type, creating it
// when it does not exist yet.
func (g *Graph) Entity(label, typ string) *Entity {
	label = clean(label)
	typ = clean(typ)
	return g.entity(Term{}, typ, label)
}

// EntityFor returns the entity named by the RDF term t, creating it when it
// does not exist yet. t must be an IRI or a blank node.
func (g *Graph) EntityFor(t Term) *Entity {
	if t.Kind == Minted {
		panic("graph: EntityFor called with a minted term")
	}
	t.Value = clean(t.Value)
	return g.entity(t, "", "")
}

func (g *Graph) entity(t Term, typ, label string) *Entity {
	key := entityKey(t, typ, label)
	if e, ok := g.byKey[key]; ok {
		return e
	}
	e := &Entity{id: int64(len(g.entities)), Term: t, Label: label, Type: typ}
	g.entities = append(g.entities, e)
	g.byKey[key] = e
	g.AddNode(e)
	return e
}

// Lookup returns the minted entity with this label and type, or nil.
func (g *Graph) Lookup(label, typ string) *Entity {
	return g.byKey[entityKey(Term{}, clean(typ), clean(label))]
}

// LookupTerm returns the entity named by the RDF term t, or nil.
func (g *Graph) LookupTerm(t Term) *Entity {
	return g.byKey[entityKey(t, "", "")]
}

// Add merges a triple into the graph: its entities are found or created, and
// the relation (subject, predicate, object, negated) is created or, when it
// exists, gains the triple's evidence. Evidence identical to evidence
// already recorded does not count twice.
func (g *Graph) Add(t Triple) *Relation {
	s := g.Entity(t.Subject.Label, t.Subject.Type)
	o := g.Entity(t.Object.Label, t.Object.Type)
	return g.Relate(s, clean(t.Predicate), o, t.Negated, t.Provenance)
}

// Relate records that s stands in relation predicate to o, with evidence p.
// Both entities must belong to g.
func (g *Graph) Relate(s *Entity, predicate string, o *Entity, negated bool, p Provenance) *Relation {
	p.Document = clean(p.Document)
	p.Text = clean(p.Text)
	p.Rule = clean(p.Rule)
	key := relationKey{s.id, o.id, predicate, negated}
	r, ok := g.byTriple[key]
	if !ok {
		r = &Relation{id: int64(len(g.relations)), from: s, to: o, Predicate: predicate, Negated: negated}
		g.relations = append(g.relations, r)
		g.byTriple[key] = r
		g.SetWeightedLine(r)
	}
	if !slices.Contains(r.Provenance, p) {
		r.Provenance = append(r.Provenance, p)
	}
	return r
}

// Entities returns the entities in ID order. The slice is the graph's own:
// do not modify it.
func (g *Graph) Entities() []*Entity { return g.entities }

// Relations returns the relations in ID order. The slice is the graph's own:
// do not modify it.
func (g *Graph) Relations() []*Relation { return g.relations }

// Len returns the number of entities.
func (g *Graph) Len() int { return len(g.entities) }

// EntityByID returns the entity with gonum node ID id, or nil.
func (g *Graph) EntityByID(id int64) *Entity {
	if id < 0 || id >= int64(len(g.entities)) {
		return nil
	}
	return g.entities[id]
}

// Nodes returns the entities in ID order, so that gonum algorithms and
// encoders that walk g see a deterministic order.
func (g *Graph) Nodes() gg.Nodes {
	nodes := make([]gg.Node, len(g.entities))
	for i, e := range g.entities {
		nodes[i] = e
	}
	return iterator.NewOrderedNodes(nodes)
}

// String summarises the graph.
func (g *Graph) String() string {
	return fmt.Sprintf("graph: %d entities, %d relations", len(g.entities), len(g.relations))
}

// clean makes s valid UTF-8 so that every exporter can write it.
func clean(s string) string {
	return strings.ToValidUTF8(s, "\uFFFD")
}
