package config

import (
	"errors"
	"fmt"
	"github.com/agnivade/levenshtein"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Error is a bad configuration value, or a key kgb does not know. Its Error
// method reads
//
//	kgb.yaml:4:12: analysis.top: want an integer, got "twenty"
//	kgb.yaml:7:3: unknown key "analysis.pagernk"; did you mean "analysis.pagerank"?
//	env KGB_ANALYSIS_TOP: want an integer, got "x"
//	flag --top: must be at least 1, got 0
//
// leaving the key out where the source already names it (an environment
// variable or a flag).
type Error struct {
	// Source is where the value came from: "kgb.yaml:4:12" (file, line and
	// column), "kgb.yaml:3" for a YAML syntax error, "env KGB_ANALYSIS_TOP",
	// "flag --top"; "" for a Config checked by Validate alone.
	Source string
	// Key is the dotted key, "" for an error about the file as a whole.
	Key string
	// Msg says what is wrong. It is "unknown key" when Key is not a key kgb
	// knows.
	Msg string
	// Suggestion is the known key the user probably meant, for an unknown key.
	Suggestion string
}

const unknownKey = "unknown key"

func (e *Error) Error() string {
	var b strings.Builder
	if e.Source != "" {
		b.WriteString(e.Source + ": ")
	}
	switch {
	case e.Msg == unknownKey:
		fmt.Fprintf(&b, "unknown key %q", e.Key)
	case e.Key != "" && !strings.HasPrefix(e.Source, "env ") && !strings.HasPrefix(e.Source, "flag "):
		b.WriteString(e.Key + ": " + e.Msg)
	default:
		b.WriteString(e.Msg)
	}
	if e.Suggestion != "" {
		fmt.Fprintf(&b, "; did you mean %q?", e.Suggestion)
	}
	return b.String()
}

// joinErrors returns nil, the only error, or all of them joined (one per
// line, in order).
func joinErrors(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

// rules hold each key's range or format, checked on a value of the key's Go
// type. They return "" for a good value, else what is wrong. A key without a
// rule accepts every value of its type.
var rules = map[string]func(any) string{
	"analysis.top":                     atLeast(1),
	"analysis.pagerank.damping":        betweenZeroAndOne,
	"analysis.pagerank.tolerance":      positive,
	"analysis.pagerank.max_iterations": atLeast(1),
	"analysis.path_max_nodes":          atLeast(0),
	"analysis.communities.resolution":  positive,
	"export.base_iri":                  baseIRI,
	"export.dot.sfdp_threshold":        atLeast(1),
}

func atLeast(min int) func(any) string {
	return func(v any) string {
		if n := v.(int); n < min {
			return fmt.Sprintf("must be at least %d, got %d", min, n)
		}
		return ""
	}
}

func betweenZeroAndOne(v any) string {
	if x := v.(float64); !(x > 0 && x < 1) {
		return "must be between 0 and 1 (exclusive), got " + formatFloat(x)
	}
	return ""
}

func positive(v any) string {
	if x := v.(float64); !(x > 0) {
		return "must be greater than 0, got " + formatFloat(x)
	}
	return ""
}

// baseIRI accepts an absolute IRI (RFC 3987: a scheme, then ':') ending in
// '/' or '#', so that appending a local name yields an IRI, and holding none
// of the characters N-Quads forbids in an IRIREF.
func baseIRI(v any) string {
	s := v.(string)
	if i := strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("<>\"{}|^`\\", r)
	}); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return fmt.Sprintf("must not contain %q, got %q", r, s)
	}
	if !hasScheme(s) {
		return fmt.Sprintf("must be an absolute IRI, starting with a scheme such as \"http:\", got %q", s)
	}
	if !strings.HasSuffix(s, "/") && !strings.HasSuffix(s, "#") {
		return fmt.Sprintf("must end in '/' or '#', got %q", s)
	}
	return ""
}

// hasScheme reports whether s starts with scheme ":", where
// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
func hasScheme(s string) bool {
	for i, r := range s {
		switch {
		case r == ':':
			return i > 0
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
		case i > 0 && ('0' <= r && r <= '9' || r == '+' || r == '-' || r == '.'):
		default:
			return false
		}
	}
	return false
}

// Validate checks every value of c against its key's rule (the ranges
// stated in default.yaml) and returns the errors joined, in Keys order, or
// nil. Load validates what it returns; call Validate on a Config built in
// code.
func (c *Config) Validate() error { return joinErrors(c.check(nil)) }

// check validates c, naming each bad value's source from s (which may be
// nil).
func (c *Config) check(s *Sources) []error {
	var errs []error
	rv := reflect.ValueOf(c).Elem()
	for _, key := range Keys() {
		rule := rules[key]
		if rule == nil {
			continue
		}
		if msg := rule(rv.FieldByIndex(byKey[key].index).Interface()); msg != "" {
			errs = append(errs, &Error{Source: s.Of(key), Key: key, Msg: msg})
		}
	}
	return errs
}

// decodeScalar converts n to a value of type t (one of the leaf types of
// Config), or says what is wrong with it. YAML's own typing is respected: a
// quoted "20" is a string, not an integer, and a bool is true or false, not
// yes or on. A string key takes any scalar but null.
func decodeScalar(n *yaml.Node, t reflect.Type) (any, string) {
	n = unalias(n)
	want := "want " + typeName(t) + ", got " + describe(n)
	if n.Kind != yaml.ScalarNode {
		return nil, want
	}
	tag := n.ShortTag()
	switch t.Kind() {
	case reflect.String:
		if tag == "!!null" {
			return nil, want
		}
		return n.Value, ""
	case reflect.Bool:
		if tag != "!!bool" {
			return nil, want
		}
	case reflect.Int, reflect.Uint64:
		if tag != "!!int" {
			return nil, want
		}
	case reflect.Float64:
		if tag != "!!int" && tag != "!!float" {
			return nil, want
		}
	}
	p := reflect.New(t)
	if err := n.Decode(p.Interface()); err != nil {
		return nil, want
	}
	v := p.Elem().Interface()
	if x, ok := v.(float64); ok && (math.IsInf(x, 0) || math.IsNaN(x)) {
		return nil, "want a finite number, got " + describe(n)
	}
	return v, ""
}

// typeName names what a value of type t looks like in YAML.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int:
		return "an integer"
	case reflect.Uint64:
		return "a non-negative integer"
	case reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Struct:
		return "a mapping"
	}
	panic("config: no YAML name for " + t.String())
}

// describe shows n in an error message: a string quoted, a number as
// written, a collection by its kind.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!str":
		return strconv.Quote(n.Value)
	case "!!null":
		return "null"
	}
	return n.Value
}

func unalias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// formatFloat writes x the shortest way that reads back as x.
func formatFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// suggest returns the known key the user probably meant by name, a key that
// parent does not have, or "". It tries, in order: a key of parent that
// differs only in case; the closest key of parent by Levenshtein distance,
// if at most a third of its length (at least 1) away; a key of parent that
// name abbreviates (3 letters or more); the only key elsewhere with that
// exact name ("top" at the top level means "analysis.top").
func suggest(name string, parent *field) string {
	for _, c := range parent.children {
		if strings.EqualFold(c.name, name) {
			return c.key
		}
	}
	var best *field
	bestDist := 0
	for _, c := range parent.children {
		if d := levenshtein.ComputeDistance(name, c.name); best == nil || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best != nil && bestDist <= max(1, utf8.RuneCountInString(best.name)/3) {
		return best.key
	}
	if utf8.RuneCountInString(name) >= 3 {
		for _, c := range parent.children {
			if strings.HasPrefix(c.name, name) {
				return c.key
			}
		}
	}
	var found []string
	for _, f := range byKey {
		if f.name == name {
			found = append(found, f.key)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}
