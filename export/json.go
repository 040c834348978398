package export

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/kgb-dev/kgb/graph"
)

func init() {
	Register(Format{
		Name:        "json",
		Extensions:  []string{".json"},
		Description: "node-link JSON with the measures (networkx node_link_graph, D3)",
		Measures:    true,
		Write:       writeJSON,
	})
}

// jsonGraph is networkx's node-link form of a directed multigraph, as
// networkx.node_link_graph reads it with its default keys ("links",
// "source", "target", "key") in networkx 2.8 and 3.x.
type jsonGraph struct {
	Directed   bool        `json:"directed"`
	Multigraph bool        `json:"multigraph"`
	Graph      jsonSummary `json:"graph"`
	Nodes      []jsonNode  `json:"nodes"`
	Links      []jsonLink  `json:"links"`
}

type jsonSummary struct {
	Entities    int      `json:"entities"`
	Relations   int      `json:"relations"`
	Components  *int     `json:"components,omitempty"`
	Communities *int     `json:"communities,omitempty"`
	Modularity  *float64 `json:"modularity,omitempty"`
}

type jsonNode struct {
	// ID is the entity's IRI or "_:" and its blank node label.
	ID         string                   `json:"id"`
	Label      string                   `json:"label"`
	Type       string                   `json:"type,omitempty"`
	IRI        string                   `json:"iri,omitempty"`
	Blank      string                   `json:"blank,omitempty"`
	Aliases    []string                 `json:"aliases,omitempty"`
	Mentions   int                      `json:"mentions,omitempty"`
	Properties map[string][]jsonLiteral `json:"properties,omitempty"`
	*MeasuresJSON
}

type jsonLiteral struct {
	Value    string `json:"value"`
	Datatype string `json:"datatype,omitempty"`
	Lang     string `json:"lang,omitempty"`
}

// MeasuresJSON are an entity's graph.Measures under the JSON names kgb
// writes everywhere (the names networkx users know); measures that were not
// computed are nil and left out.
type MeasuresJSON struct {
	Degree                int      `json:"degree"`
	InDegree              int      `json:"in_degree"`
	OutDegree             int      `json:"out_degree"`
	PageRank              float64  `json:"pagerank"`
	Betweenness           *float64 `json:"betweenness,omitempty"`
	BetweennessNormalized *float64 `json:"betweenness_normalized,omitempty"`
	Harmonic              *float64 `json:"harmonic,omitempty"`
	Hub                   float64  `json:"hub"`
	Authority             float64  `json:"authority"`
	Community             int      `json:"community"`
	Component             int      `json:"component"`
}

type jsonLink struct {
	Source     string             `json:"source"`
	Target     string             `json:"target"`
	Key        int64              `json:"key"`
	Predicate  string             `json:"predicate"`
	IRI        string             `json:"iri"`
	Negated    bool               `json:"negated"`
	Weight     float64            `json:"weight"`
	Provenance []graph.Provenance `json:"provenance,omitempty"`
}

// writeJSON writes g in node-link form: every entity as a node keyed by its
// IRI (or blank node label) with its label, type, aliases, mention count,
// properties and, when m is not nil, its measures; every relation as a
// link keyed by its relation ID with its predicate as written (and as a
// minted IRI), its weight and its evidence. The graph object summarises
// the whole. Betweenness and harmonic centrality appear only when they
// were computed.
func writeJSON(w io.Writer, g *graph.Graph, m *graph.Metrics, o Options) error {
	o = o.withDefaults()
	n, err := newNamer(g, o)
	if err != nil {
		return err
	}
	if m != nil && len(m.Nodes) != g.Len() {
		return fmt.Errorf("export: metrics of %d entities for a graph of %d", len(m.Nodes), g.Len())
	}
	out := jsonGraph{
		Directed:   true,
		Multigraph: true,
		Graph:      jsonSummary{Entities: g.Len(), Relations: len(g.Relations())},
		Nodes:      make([]jsonNode, 0, g.Len()),
		Links:      make([]jsonLink, 0, len(g.Relations())),
	}
	if m != nil {
		out.Graph.Components = &m.Components
		out.Graph.Communities = &m.Communities
		out.Graph.Modularity = &m.Modularity
	}
	ids := make([]string, g.Len())
	for _, e := range g.Entities() {
		t := n.entity(e)
		ids[e.ID()] = t.String()
		node := jsonNode{
			ID:       t.String(),
			Label:    e.Label,
			Type:     e.Type,
			IRI:      t.iri,
			Blank:    t.blank,
			Aliases:  e.Aliases,
			Mentions: e.Mentions,
		}
		if len(e.Properties) > 0 {
			node.Properties = make(map[string][]jsonLiteral, len(e.Properties))
			for k, vs := range e.Properties {
				for _, v := range vs {
					node.Properties[k] = append(node.Properties[k], jsonLiteral(v))
				}
			}
		}
		if m != nil {
			node.MeasuresJSON = MeasuresOf(e, m)
		}
		out.Nodes = append(out.Nodes, node)
	}
	for _, r := range g.Relations() {
		out.Links = append(out.Links, jsonLink{
			Source:     ids[r.Subject().ID()],
			Target:     ids[r.Object().ID()],
			Key:        r.ID(),
			Predicate:  r.Predicate,
			IRI:        n.predicate(r),
			Negated:    r.Negated,
			Weight:     r.Weight(),
			Provenance: r.Provenance,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// MeasuresOf returns the measures of e in m for JSON output.
func MeasuresOf(e *graph.Entity, m *graph.Metrics) *MeasuresJSON {
	ms := m.Of(e)
	j := &MeasuresJSON{
		Degree:    ms.Degree,
		InDegree:  ms.InDegree,
		OutDegree: ms.OutDegree,
		PageRank:  ms.PageRank,
		Hub:       ms.Hub,
		Authority: ms.Authority,
		Community: ms.Community,
		Component: ms.Component,
	}
	if m.HasBetweenness {
		j.Betweenness = &ms.Betweenness
		j.BetweennessNormalized = &ms.BetweennessNorm
	}
	if m.HasHarmonic {
		j.Harmonic = &ms.Harmonic
	}
	return j
}
