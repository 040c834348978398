package graph

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/gonum/graph/formats/rdf"
)

// ReadOptions tune ReadNQuads.
type ReadOptions struct {
	// BaseIRI is the namespace kgb minted IRIs under, so that its own
	// vocabulary (mention counts, entity type classes) is read back.
	BaseIRI string
	// Lenient skips bad lines, counting them in ReadStats, instead of
	// failing on the first.
	Lenient bool
}

// ReadStats reports what ReadNQuads read.
type ReadStats struct {
	Statements int     // statements used
	Skipped    int     // bad lines skipped (Lenient only)
	Errors     []error // the first MaxReportedErrors skipped lines' errors (Lenient only)
}

// MaxReportedErrors bounds ReadStats.Errors.
const MaxReportedErrors = 10

// SyntaxError is a bad line in an N-Quads file.
type SyntaxError struct {
	File      string
	Line, Col int // 1-based; Col counts characters, not bytes
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ReadNQuads reads N-Quads (or N-Triples, which is a subset) from r into g.
// name is the file name used in error messages.
//
// Every statement is parsed by gonum's strict RDF 1.1 parser
// (gonum.org/v1/gonum/graph/formats/rdf), which passes the W3C N-Quads
// syntax suite; cayleygraph/quad's reader is not used here because it
// accepts malformed input (a literal as graph label, an IRI with a space
// split into two terms), leaves \u escapes in IRIs undecoded and turns typed
// literals into Go values, losing their lexical form.
//
// Statements map onto the graph as follows: IRIs and blank nodes in subject
// or object position are entities; rdfs:label gives an entity its label
// (further labels become aliases), skos:altLabel an alias, rdf:type its
// type (kgb's schema.org classes map back to kgb types, see TypeOf), the
// mention-count property under opt.BaseIRI its mention count; any other
// literal-valued statement becomes a property; a statement whose object is
// an entity becomes a relation with the graph label as its document.
// Blank node labels are scoped to one call: the same label read from two
// files names two entities.
//
// On a bad line ReadNQuads returns a *SyntaxError unless opt.Lenient is set,
// in which case the line is skipped and counted. Statements read before an
// error stay in g.
func (g *Graph) ReadNQuads(r io.Reader, name string, opt ReadOptions) (ReadStats, error) {
	rd := &nquadsReader{g: g, opt: opt, name: name, blanks: make(map[string]*Entity)}
	br := bufio.NewReaderSize(r, 64*1024)
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadString('\n')
		if line != "" {
			// N-Quads ends a line at LF or CR; a lone CR inside a
			// line starts a new statement on the same editor line.
			for _, stmt := range strings.Split(strings.TrimRight(line, "\r\n"), "\r") {
				if perr := rd.statement(stmt, lineNo); perr != nil {
					if !opt.Lenient {
						return rd.stats, perr
					}
					rd.stats.Skipped++
					if len(rd.stats.Errors) < MaxReportedErrors {
						rd.stats.Errors = append(rd.stats.Errors, perr)
					}
				}
			}
		}
		if errors.Is(err, io.EOF) {
			return rd.stats, nil
		}
		if err != nil {
			return rd.stats, fmt.Errorf("graph: reading %s: %w", name, err)
		}
	}
}

type nquadsReader struct {
	g      *Graph
	opt    ReadOptions
	name   string
	stats  ReadStats
	blanks map[string]*Entity // this call's blank nodes by label
}

func (rd *nquadsReader) statement(line string, lineNo int) error {
	trimmed := strings.TrimLeft(line, " \t")
	if trimmed == "" || trimmed[0] == '#' {
		return nil
	}
	if !utf8.ValidString(line) {
		col := utf8.RuneCountInString(line[:firstInvalidUTF8(line)]) + 1
		return &SyntaxError{rd.name, lineNo, col, "invalid UTF-8; N-Quads files must be UTF-8 encoded"}
	}
	st, err := rdf.ParseNQuad(line)
	if err != nil {
		col, msg := explain(err, line)
		return &SyntaxError{rd.name, lineNo, col, msg}
	}
	if col := blankLabelColon(line, st); col > 0 {
		return &SyntaxError{rd.name, lineNo, col, "':' in a blank node label; RDF 1.1 (with its erratum) does not allow it"}
	}
	if err := rd.add(st); err != nil {
		return &SyntaxError{rd.name, lineNo, 1, err.Error()}
	}
	rd.stats.Statements++
	return nil
}

func (rd *nquadsReader) add(st *rdf.Statement) error {
	subject, err := rd.entity(st.Subject)
	if err != nil {
		return err
	}
	predicate, _, _, err := st.Predicate.Parts()
	if err != nil {
		return err
	}
	text, qual, kind, err := st.Object.Parts()
	if err != nil {
		return err
	}
	if kind != rdf.Literal {
		if predicate == RDFType && kind == rdf.IRI {
			if subject.Type == "" {
				subject.Type = TypeOf(rd.opt.BaseIRI, text)
			} else {
				subject.AddProperty(RDFType, Literal{Value: text, Datatype: XSD + "anyURI"})
			}
			return nil
		}
		object, err := rd.entity(st.Object)
		if err != nil {
			return err
		}
		doc, err := rd.document(st.Label)
		if err != nil {
			return err
		}
		rd.g.Relate(subject, predicate, object, false, Provenance{Document: doc})
		return nil
	}
	lit := Literal{Value: clean(text)}
	switch {
	case strings.HasPrefix(qual, "@"):
		lit.Lang = qual[1:]
	case qual != "" && qual != XSDString:
		lit.Datatype = qual
	}
	switch predicate {
	case RDFSLabel:
		if subject.Label == "" {
			subject.Label = lit.Value
		} else {
			subject.AddAlias(lit.Value)
		}
		return nil
	case SKOSAltLabel:
		subject.AddAlias(lit.Value)
		return nil
	case RDFType:
		if subject.Type == "" {
			subject.Type = TypeOf(rd.opt.BaseIRI, lit.Value)
			return nil
		}
	case MentionsIRI(rd.opt.BaseIRI):
		if n, err := strconv.Atoi(lit.Value); err == nil && n >= 0 && rd.opt.BaseIRI != "" {
			subject.Mentions += n
			return nil
		}
	}
	subject.AddProperty(predicate, lit)
	return nil
}

// entity returns the entity an IRI or blank node term names.
func (rd *nquadsReader) entity(t rdf.Term) (*Entity, error) {
	text, _, kind, err := t.Parts()
	if err != nil {
		return nil, err
	}
	switch kind {
	case rdf.IRI:
		return rd.g.EntityFor(Term{Kind: IRI, Value: text}), nil
	case rdf.Blank:
		if e, ok := rd.blanks[text]; ok {
			return e, nil
		}
		// Keep the label unless an earlier call used it.
		label := text
		for i := 2; rd.g.LookupTerm(Term{Kind: Blank, Value: label}) != nil; i++ {
			label = text + "-" + strconv.Itoa(i)
		}
		e := rd.g.EntityFor(Term{Kind: Blank, Value: label})
		rd.blanks[text] = e
		return e, nil
	}
	return nil, fmt.Errorf("graph: unexpected %v term %q", kind, t.Value)
}

// document returns the provenance document of a graph label: the IRI, a
// blank label as "_:label", or "" for the default graph.
func (rd *nquadsReader) document(t rdf.Term) (string, error) {
	if t.Value == "" {
		return "", nil
	}
	text, _, kind, err := t.Parts()
	if err != nil {
		return "", err
	}
	if kind == rdf.Blank {
		return "_:" + text, nil
	}
	return text, nil
}

var atOffset = regexp.MustCompile(`unexpected rune ('(?:[^']|\\')*'|"(?:[^"]|\\")*")(?: \(\\u[0-9a-f]+\))? at (\d+)$`)

// explain turns a gonum parse error into a column and a message a person
// can act on.
func explain(err error, line string) (col int, msg string) {
	s := err.Error()
	if m := atOffset.FindStringSubmatch(s); m != nil {
		off, _ := strconv.Atoi(m[2])
		r := m[1]
		if before := []rune(line)[:min(off, utf8.RuneCountInString(line))]; strings.Count(string(before), "<") > strings.Count(string(before), ">") {
			return off + 1, fmt.Sprintf("unexpected %s inside an IRI: IRIs may not hold spaces or <>\"{}|^`\\; percent-encode them", r)
		}
		return off + 1, fmt.Sprintf("unexpected %s: a statement is subject, predicate, object, an optional graph label (<IRI> or _:blank), then '.'", r)
	}
	first := len(line) - len(strings.TrimLeft(line, " \t"))
	switch {
	case errors.Is(err, rdf.ErrIncomplete):
		return utf8.RuneCountInString(strings.TrimRight(line, " \t")) + 1, "incomplete statement: want subject, predicate, object, an optional graph label and a final '.'"
	case strings.Contains(s, "relative IRI"):
		i := strings.Index(s, "relative IRI")
		return first + 1, s[i:] + "; N-Quads needs absolute IRIs such as <http://example.org/x>"
	}
	return first + 1, strings.TrimPrefix(s, "rdf: ")
}

// blankLabelColon returns the 1-based column of a colon inside a blank node
// label of st, or 0. gonum's parser follows the RDF 1.1 grammar as first
// published, which allowed the colon; the W3C suite rejects it.
func blankLabelColon(line string, st *rdf.Statement) int {
	for _, t := range []rdf.Term{st.Subject, st.Object, st.Label} {
		if label, ok := strings.CutPrefix(t.Value, "_:"); ok && strings.Contains(label, ":") {
			i := strings.Index(line, t.Value) + 2 + strings.Index(label, ":")
			return utf8.RuneCountInString(line[:i]) + 1
		}
	}
	return 0
}

func firstInvalidUTF8(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}
