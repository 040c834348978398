package config

import (
	"bytes"
	_ "embed"
	"fmt"
	"reflect"
	"slices"

	"github.com/spf13/viper"
)

// Config is kgb's configuration. The comments in default.yaml say what each
// key means and which values it accepts; the rules are enforced by Validate.
type Config struct {
	Analysis Analysis `mapstructure:"analysis" yaml:"analysis"`
	Export   Export   `mapstructure:"export" yaml:"export"`
	Input    Input    `mapstructure:"input" yaml:"input"`
}

// Analysis tunes graph analysis and the `kgb analyze` report.
type Analysis struct {
	Top          int         `mapstructure:"top" yaml:"top"`
	PageRank     PageRank    `mapstructure:"pagerank" yaml:"pagerank"`
	PathMaxNodes int         `mapstructure:"path_max_nodes" yaml:"path_max_nodes"` // 0 means no limit
	ForcePaths   bool        `mapstructure:"force_paths" yaml:"force_paths"`
	Communities  Communities `mapstructure:"communities" yaml:"communities"`
}

// PageRank tunes the PageRank and HITS power iterations.
type PageRank struct {
	Damping       float64 `mapstructure:"damping" yaml:"damping"`
	Tolerance     float64 `mapstructure:"tolerance" yaml:"tolerance"`
	MaxIterations int     `mapstructure:"max_iterations" yaml:"max_iterations"`
}

// Communities tunes Louvain community detection.
type Communities struct {
	Resolution float64 `mapstructure:"resolution" yaml:"resolution"`
	Seed       uint64  `mapstructure:"seed" yaml:"seed"`
}

// Export tunes the writers.
type Export struct {
	BaseIRI string `mapstructure:"base_iri" yaml:"base_iri"`
	DOT     DOT    `mapstructure:"dot" yaml:"dot"`
}

// DOT tunes the Graphviz writer.
type DOT struct {
	SFDPThreshold int  `mapstructure:"sfdp_threshold" yaml:"sfdp_threshold"`
	Style         bool `mapstructure:"style" yaml:"style"`
}

// Input tunes the readers.
type Input struct {
	Lenient bool `mapstructure:"lenient" yaml:"lenient"`
}

//go:embed default.yaml
var defaultYAML []byte

// DefaultYAML returns the embedded default.yaml: the defaults, with a comment
// on every key. It is a valid configuration file.
func DefaultYAML() []byte { return bytes.Clone(defaultYAML) }

var defaultConfig = func() Config {
	var c Config
	if err := baseViper().Unmarshal(&c); err != nil {
		panic("config: embedded default.yaml: " + err.Error())
	}
	return c
}()

// Default returns the configuration kgb uses when nothing is configured: the
// values in DefaultYAML.
func Default() *Config {
	c := defaultConfig
	return &c
}

// baseViper returns a viper holding the embedded defaults, the bottom layer
// of every load.
func baseViper() *viper.Viper {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(defaultYAML)); err != nil {
		panic("config: embedded default.yaml: " + err.Error())
	}
	return v
}

// Keys returns every configuration key, dotted ("analysis.pagerank.damping"),
// sorted. These are the leaves: the keys that hold values.
func Keys() []string {
	keys := make([]string, len(leaves))
	for i, f := range leaves {
		keys[i] = f.key
	}
	slices.Sort(keys)
	return keys
}

// field is one key of the configuration. The schema is read from Config's
// mapstructure tags, so the struct is the only list of keys.
type field struct {
	key      string // dotted, e.g. "analysis.pagerank.damping"
	name     string // the last element, e.g. "damping"
	index    []int  // for reflect.Value.FieldByIndex from a Config
	typ      reflect.Type
	children []*field // in struct order; nil for a leaf
}

var (
	schema = &field{children: fieldsOf(reflect.TypeFor[Config](), "", nil)}
	leaves []*field // in struct order, which is default.yaml's order
	byKey  = map[string]*field{}
)

func init() {
	var walk func(*field)
	walk = func(f *field) {
		for _, c := range f.children {
			byKey[c.key] = c
			if c.children == nil {
				leaves = append(leaves, c)
			}
			walk(c)
		}
	}
	walk(schema)
	for key := range rules {
		if f := byKey[key]; f == nil || f.children != nil {
			panic(fmt.Sprintf("config: rule for %q, which is not a key", key))
		}
	}
}

func fieldsOf(t reflect.Type, prefix string, index []int) []*field {
	var fs []*field
	for i := range t.NumField() {
		sf := t.Field(i)
		name := sf.Tag.Get("mapstructure")
		f := &field{key: join(prefix, name), name: name, index: append(slices.Clip(index), i), typ: sf.Type}
		if sf.Type.Kind() == reflect.Struct {
			f.children = fieldsOf(sf.Type, f.key, f.index)
		}
		fs = append(fs, f)
	}
	return fs
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func (f *field) child(name string) *field {
	for _, c := range f.children {
		if c.name == name {
			return c
		}
	}
	return nil
}
