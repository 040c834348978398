package config

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// WriteYAML writes c as a configuration file, keys in default.yaml's order.
// With s non-nil, each value carries a trailing comment saying where it came
// from ("top: 30 # from env KGB_ANALYSIS_TOP"). The output loads back to c.
func (c *Config) WriteYAML(w io.Writer, s *Sources) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(mappingNode(reflect.ValueOf(c).Elem(), schema, s)); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return nil
}

// mappingNode returns the section f of the Config c as a YAML mapping.
func mappingNode(c reflect.Value, f *field, s *Sources) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for _, sub := range f.children {
		var val *yaml.Node
		if sub.children != nil {
			val = mappingNode(c, sub, s)
		} else {
			val = scalarNode(c.FieldByIndex(sub.index))
			if from := s.Of(sub.key); from != "" {
				val.LineComment = "from " + from
			}
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: sub.name}, val)
	}
	return m
}

// scalarNode returns v, a leaf of Config, as a YAML scalar of its own type.
func scalarNode(v reflect.Value) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode}
	switch v.Kind() {
	case reflect.Bool:
		n.Tag, n.Value = "!!bool", strconv.FormatBool(v.Bool())
	case reflect.Int:
		n.Tag, n.Value = "!!int", strconv.FormatInt(v.Int(), 10)
	case reflect.Uint64:
		n.Tag, n.Value = "!!int", strconv.FormatUint(v.Uint(), 10)
	case reflect.Float64:
		n.Tag, n.Value = "!!float", formatFloat(v.Float())
		if !strings.ContainsAny(n.Value, ".e") {
			n.Value += ".0" // 1.0, not 1: a number, written as one
		}
	case reflect.String:
		n.Tag, n.Value = "!!str", v.String()
	default:
		panic("config: no YAML scalar for " + v.Type().String())
	}
	return n
}
