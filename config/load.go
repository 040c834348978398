package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// FileName is the configuration file Load looks for in the working directory
// when no file is named.
const FileName = "kgb.yaml"

// Options say where Load finds configuration beyond the defaults.
type Options struct {
	// File is the file named by --config; it must exist. "" looks for
	// FileName in Dir and goes without a file if there is none.
	File string
	// Dir is the working directory: where FileName is looked for and what a
	// relative File is relative to. "" is the process's.
	Dir string
	// Env looks up an environment variable; nil means os.LookupEnv. A
	// variable set to "" counts as unset, as in viper.
	Env func(string) (string, bool)
	// Flags are the parsed command-line flags; nil means none.
	Flags *pflag.FlagSet
	// FlagKeys maps a flag's name to the key it sets, e.g. "top" to
	// "analysis.top". Only flags the user set (Changed) count. Naming a key
	// that does not exist, or a flag that Flags lacks, is a programming
	// error and panics.
	FlagKeys map[string]string
}

// Sources records where each effective value came from.
type Sources struct {
	of map[string]string
}

// Of returns where key's value came from: "default", "kgb.yaml:12" (the
// file and the line of the key), "env KGB_ANALYSIS_TOP" or "flag --top"; ""
// for a key that does not exist or a nil s.
func (s *Sources) Of(key string) string {
	if s == nil {
		return ""
	}
	return s.of[key]
}

// EnvVar returns the environment variable that sets key: "KGB_" and the key
// in capitals with '.' as '_' (analysis.pagerank.damping is
// KGB_ANALYSIS_PAGERANK_DAMPING).
func EnvVar(key string) string {
	return "KGB_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// Load returns the effective configuration and where each value came from.
// Layers, lowest first: the embedded defaults, the configuration file (see
// Options.File), the environment (EnvVar of each key), the flags in
// o.FlagKeys. Every value from a file, the environment or a flag is checked
// before anything is merged; the errors, of type *Error, come back joined:
// the file's in document order, then the environment's and the flags' in
// key and flag-name order. A file that cannot be read is an error too
// (wrapping fs.ErrNotExist for a missing --config file); a missing
// kgb.yaml is not.
func Load(o Options) (*Config, *Sources, error) {
	src := &Sources{of: make(map[string]string, len(leaves))}
	for _, f := range leaves {
		src.of[f.key] = "default"
	}

	name, data, err := o.readFile()
	if err != nil {
		return nil, nil, err
	}
	var errs []error
	if data != nil {
		lines, ferrs := checkFile(name, data)
		errs = append(errs, ferrs...)
		for key, line := range lines {
			src.of[key] = name + ":" + strconv.Itoa(line)
		}
	}
	env, eerrs := o.envLayer(src)
	errs = append(errs, eerrs...)
	flags, ferrs := o.changedFlags(src)
	errs = append(errs, ferrs...)
	if len(errs) > 0 {
		return nil, nil, joinErrors(errs)
	}

	v := baseViper()
	if data != nil {
		if err := v.MergeConfig(bytes.NewReader(data)); err != nil {
			return nil, nil, fmt.Errorf("config: %s: %w", name, err)
		}
	}
	// The environment is merged as a layer of its own above the file
	// rather than through viper's AutomaticEnv, which reads os.LookupEnv
	// directly and so would ignore o.Env.
	if err := v.MergeConfigMap(env); err != nil {
		return nil, nil, fmt.Errorf("config: environment: %w", err)
	}
	for _, key := range slices.Sorted(maps.Keys(flags)) {
		if err := v.BindPFlag(key, flags[key]); err != nil {
			return nil, nil, fmt.Errorf("config: %w", err)
		}
	}
	var c Config
	if err := v.Unmarshal(&c); err != nil {
		return nil, nil, fmt.Errorf("config: %w", err)
	}
	if errs := c.check(src); len(errs) > 0 {
		return nil, nil, joinErrors(errs)
	}
	return &c, src, nil
}

// readFile returns the configuration file's name as the user knows it, and
// its contents; nil contents when there is no file.
func (o Options) readFile() (string, []byte, error) {
	name, path := o.File, o.File
	if name == "" {
		name, path = FileName, FileName
	}
	if o.Dir != "" && !filepath.IsAbs(path) {
		path = filepath.Join(o.Dir, path)
	}
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		if data == nil {
			data = []byte{}
		}
		return name, data, nil
	case o.File == "" && errors.Is(err, fs.ErrNotExist):
		return "", nil, nil
	}
	return "", nil, fmt.Errorf("config: %w", err)
}

// envLayer reads the environment variable of every key, checks the values,
// and returns the good ones as a nested map for viper.
func (o Options) envLayer(src *Sources) (map[string]any, []error) {
	lookup := o.Env
	if lookup == nil {
		lookup = os.LookupEnv
	}
	layer := map[string]any{}
	var errs []error
	for _, key := range Keys() {
		name := EnvVar(key)
		text, ok := lookup(name)
		if !ok || text == "" {
			continue
		}
		val, err := checkText("env "+name, byKey[key], text)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		setPath(layer, key, val)
		src.of[key] = "env " + name
	}
	return layer, errs
}

// changedFlags returns the flags the user set, by key, having checked their
// values.
func (o Options) changedFlags(src *Sources) (map[string]*pflag.Flag, []error) {
	flags := map[string]*pflag.Flag{}
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(o.FlagKeys)) {
		key := o.FlagKeys[name]
		f := byKey[key]
		if f == nil || f.children != nil {
			panic(fmt.Sprintf("config: FlagKeys maps --%s to %q, which is not a configuration key", name, key))
		}
		if o.Flags == nil {
			continue
		}
		flag := o.Flags.Lookup(name)
		if flag == nil {
			panic(fmt.Sprintf("config: FlagKeys names --%s, which Flags does not define", name))
		}
		if !flag.Changed {
			continue
		}
		if _, err := checkText("flag --"+name, f, flag.Value.String()); err != nil {
			errs = append(errs, err)
			continue
		}
		flags[key] = flag
		src.of[key] = "flag --" + name
	}
	return flags, errs
}

// checkText checks a value given as text (by the environment or a flag) the
// way a value in the file is checked: the text is typed as a plain YAML
// scalar would be, except that a string key takes it verbatim.
func checkText(source string, f *field, text string) (any, error) {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: text}
	if f.typ.Kind() == reflect.String {
		n.Tag = "!!str"
	}
	val, msg := decodeScalar(n, f.typ)
	if msg == "" && rules[f.key] != nil {
		msg = rules[f.key](val)
	}
	if msg != "" {
		return nil, &Error{Source: source, Key: f.key, Msg: msg}
	}
	return val, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// checkFile checks a configuration file named name against the schema. It
// returns the line of every key the file sets, and an *Error per problem, in
// document order: unknown or duplicate keys, values of the wrong type or
// out of range. An empty file, or one of comments only, sets nothing.
func checkFile(name string, data []byte) (map[string]int, []error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// yaml.v3 leaves the line out when it is the first.
		e := &Error{Source: name + ":1", Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			e.Source, e.Msg = name+":"+m[1], m[2]
		}
		return nil, []error{e}
	}
	c := fileChecker{name: name, lines: map[string]int{}}
	if len(doc.Content) > 0 {
		c.section(doc.Content[0], schema)
	}
	return c.lines, c.errs
}

type fileChecker struct {
	name  string
	lines map[string]int
	errs  []error
}

func (c *fileChecker) fail(n *yaml.Node, key, msg string) *Error {
	e := &Error{Source: fmt.Sprintf("%s:%d:%d", c.name, n.Line, n.Column), Key: key, Msg: msg}
	c.errs = append(c.errs, e)
	return e
}

// section checks n, the value of the section f (the whole file for schema).
func (c *fileChecker) section(n *yaml.Node, f *field) {
	n = unalias(n)
	switch {
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null":
		return // "analysis:" with every key under it commented out
	case n.Kind != yaml.MappingNode:
		c.fail(n, f.key, "want a mapping, got "+describe(n))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := join(f.key, k.Value)
		sub := f.child(k.Value)
		if sub == nil {
			c.fail(k, key, unknownKey).Suggestion = suggest(k.Value, f)
			continue
		}
		if line, dup := seen[k.Value]; dup {
			c.fail(k, key, fmt.Sprintf("duplicate key (first at line %d)", line))
			continue
		}
		seen[k.Value] = k.Line
		if sub.children != nil {
			c.section(v, sub)
			continue
		}
		val, msg := decodeScalar(v, sub.typ)
		if msg == "" && rules[key] != nil {
			msg = rules[key](val)
		}
		if msg != "" {
			c.fail(v, key, msg)
			continue
		}
		c.lines[key] = k.Line
	}
}

// setPath sets m[a][b][c] = val for the key "a.b.c", making the inner maps.
func setPath(m map[string]any, key string, val any) {
	parts := strings.Split(key, ".")
	for _, p := range parts[:len(parts)-1] {
		inner, ok := m[p].(map[string]any)
		if !ok {
			inner = map[string]any{}
			m[p] = inner
		}
		m = inner
	}
	m[parts[len(parts)-1]] = val
}
