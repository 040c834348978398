package export

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/kgb-dev/kgb/graph"
	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/multi"
)

func init() {
	Register(Format{
		Name:        "dot",
		Extensions:  []string{".dot", ".gv"},
		Description: "Graphviz DOT diagram (render with dot -Tsvg), styled by the measures",
		Measures:    true,
		Write:       writeDOT,
	})
}

// palette colours communities; it is Okabe and Ito's colour-blind-safe
// palette without black, cycled when there are more communities.
var palette = []string{"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"}

// shapes are the node shapes of entity types; other types are ellipses.
var shapes = map[string]string{
	"PERSON": "ellipse",
	"ORG":    "box",
	"GPE":    "house",
	"LOC":    "house",
	"FAC":    "house",
	"NORP":   "hexagon",
	"EVENT":  "diamond",
	"DATE":   "note",
}

// writeDOT writes g as a Graphviz digraph through gonum's encoder: one node
// per entity (gonum's numeric node IDs, labelled with the entity's name),
// one edge per relation labelled with its readable predicate and dashed
// when negated. Graphs above o.SfdpThreshold entities ask for the sfdp
// layout, smaller ones for dot's left-to-right layers.
//
// With o.Style and metrics, nodes are shaped by type, filled by community,
// sized by PageRank relative to the highest, and carry their measures as a
// tooltip; edges are as wide as 1 + log2(weight). Without metrics the
// diagram is unstyled.
func writeDOT(w io.Writer, g *graph.Graph, m *graph.Metrics, o Options) error {
	o = o.withDefaults()
	base, err := checkBase(o.BaseIRI)
	if err != nil {
		return err
	}
	if m != nil && len(m.Nodes) != g.Len() {
		return fmt.Errorf("export: metrics of %d entities for a graph of %d", len(m.Nodes), g.Len())
	}
	style := o.Style && m != nil
	var maxRank float64
	if style {
		for _, ms := range m.Nodes {
			maxRank = max(maxRank, ms.PageRank)
		}
	}

	d := &dotGraph{DirectedGraph: multi.NewDirectedGraph()}
	if g.Len() > o.SfdpThreshold {
		d.graph = encoding.Attributes{{Key: "layout", Value: "sfdp"}, {Key: "overlap", Value: "prism"}}
	} else {
		d.graph = encoding.Attributes{{Key: "rankdir", Value: "LR"}}
	}
	if style {
		d.node = encoding.Attributes{{Key: "style", Value: "filled"}}
	}
	nodes := make([]*dotNode, g.Len())
	for _, e := range g.Entities() {
		n := &dotNode{id: e.ID(), attrs: encoding.Attributes{{Key: "label", Value: dotQuote(e.Name())}}}
		if style {
			n.attrs = append(n.attrs, nodeStyle(e, m.Of(e), m, maxRank)...)
		}
		nodes[e.ID()] = n
		d.AddNode(n)
	}
	for _, r := range g.Relations() {
		l := &dotLine{from: nodes[r.Subject().ID()], to: nodes[r.Object().ID()], id: r.ID()}
		l.attrs = encoding.Attributes{{Key: "label", Value: dotQuote(readablePredicate(r, base))}}
		if r.Negated {
			l.attrs = append(l.attrs, encoding.Attribute{Key: "style", Value: "dashed"})
		}
		if o.Style {
			l.attrs = append(l.attrs, encoding.Attribute{Key: "penwidth", Value: fmt.Sprintf("%.2f", 1+math.Log2(r.Weight()))})
		}
		d.SetLine(l)
	}
	b, err := dot.MarshalMulti(d, "kgb", "", "\t")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	b = append(b, '\n')
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

func nodeStyle(e *graph.Entity, ms graph.Measures, m *graph.Metrics, maxRank float64) encoding.Attributes {
	shape, ok := shapes[e.Type]
	if !ok {
		shape = "ellipse"
	}
	var scale float64 // 0 for the least central entity, 1 for the most
	if maxRank > 0 {
		scale = math.Sqrt(ms.PageRank / maxRank)
	}
	tip := fmt.Sprintf("%s\nPageRank %.4g\ndegree %d (in %d, out %d)", e.Name(), ms.PageRank, ms.Degree, ms.InDegree, ms.OutDegree)
	if m.HasBetweenness {
		tip += fmt.Sprintf("\nbetweenness %.4g (normalised %.4g)", ms.Betweenness, ms.BetweennessNorm)
	}
	if m.HasHarmonic {
		tip += fmt.Sprintf("\nharmonic %.4g", ms.Harmonic)
	}
	tip += fmt.Sprintf("\nhub %.4g, authority %.4g\ncommunity %d, component %d", ms.Hub, ms.Authority, ms.Community, ms.Component)
	return encoding.Attributes{
		{Key: "shape", Value: shape},
		{Key: "fillcolor", Value: palette[ms.Community%len(palette)]},
		{Key: "width", Value: fmt.Sprintf("%.2f", 0.75+1.25*scale)},
		{Key: "fontsize", Value: fmt.Sprintf("%.1f", 10+10*scale)},
		{Key: "tooltip", Value: dotQuote(tip)},
	}
}

// dotGraph is the multigraph handed to gonum's DOT encoder: nodes and lines
// that carry their DOT attributes, and the graph-wide ones.
type dotGraph struct {
	*multi.DirectedGraph
	graph, node, edge encoding.Attributes
}

func (d *dotGraph) DOTAttributers() (graph, node, edge encoding.Attributer) {
	return &d.graph, &d.node, &d.edge
}

type dotNode struct {
	id    int64
	attrs encoding.Attributes
}

func (n *dotNode) ID() int64                        { return n.id }
func (n *dotNode) Attributes() []encoding.Attribute { return n.attrs }

type dotLine struct {
	from, to *dotNode
	id       int64
	attrs    encoding.Attributes
}

func (l *dotLine) From() gg.Node                    { return l.from }
func (l *dotLine) To() gg.Node                      { return l.to }
func (l *dotLine) ID() int64                        { return l.id }
func (l *dotLine) Attributes() []encoding.Attribute { return l.attrs }
func (l *dotLine) ReversedLine() gg.Line {
	rev := *l
	rev.from, rev.to = l.to, l.from
	return &rev
}

var (
	_ dot.Attributers     = (*dotGraph)(nil)
	_ gg.Directed         = (*dotGraph)(nil)
	_ encoding.Attributer = (*dotNode)(nil)
	_ encoding.Attributer = (*dotLine)(nil)
)

// dotQuote returns s as a DOT double-quoted string that Graphviz shows as
// s: '"' and '\' escaped, a newline as Graphviz's line break \n, other C0
// controls and DEL as their Unicode control pictures (U+2400 + c, U+2421;
// a DOT string cannot hold NUL, and Graphviz drops the others), '&' as
// &amp; (Graphviz decodes HTML entities in labels, so "&lt;" would show as
// "<"), U+FFFD as &#xFFFD; (gonum's DOT parser rejects it raw), and every
// other character raw. The result is also a Go string literal that
// strconv.Unquote accepts, which is what makes gonum's encoder write it
// verbatim instead of re-quoting it with Go escapes Graphviz does not know.
func dotQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\uFFFD':
			b.WriteString("&#xFFFD;")
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune(0x2421)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
