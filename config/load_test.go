package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// testFlags mimics the CLI: flags of several types, each bound to a key.
// --damping is a string flag so that a bad number reaches Load.
func testFlags(t *testing.T, args ...string) (*pflag.FlagSet, map[string]string) {
	t.Helper()
	fs := pflag.NewFlagSet("kgb", pflag.ContinueOnError)
	fs.Int("top", 20, "")
	fs.String("damping", "0.85", "")
	fs.Uint64("seed", 1, "")
	fs.Bool("lenient", false, "")
	fs.String("base-iri", "http://example.org/kgb/", "")
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fs, map[string]string{
		"top":      "analysis.top",
		"damping":  "analysis.pagerank.damping",
		"seed":     "analysis.communities.seed",
		"lenient":  "input.lenient",
		"base-iri": "export.base_iri",
	}
}

// envOf returns an Options.Env that sees only vars.
func envOf(vars map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

// writeFiles writes files (path relative to a new temporary directory →
// contents) and returns the directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// load runs Load on a kgb.yaml holding file (none if file is ""), the
// environment env and the command line args.
func load(t *testing.T, file string, env map[string]string, args ...string) (*Config, *Sources, error) {
	t.Helper()
	files := map[string]string{}
	if file != "" {
		files[FileName] = file
	}
	flags, keys := testFlags(t, args...)
	return Load(Options{Dir: writeFiles(t, files), Env: envOf(env), Flags: flags, FlagKeys: keys})
}

func TestLoadPrecedence(t *testing.T) {
	const top30 = "analysis:\n  top: 30\n"
	tests := []struct {
		name    string
		file    string
		env     map[string]string
		args    []string
		want    func(*Config)
		sources map[string]string
	}{
		{
			name:    "defaults",
			want:    func(*Config) {},
			sources: map[string]string{"analysis.top": "default", "input.lenient": "default"},
		},
		{
			name:    "file over default",
			file:    top30,
			want:    func(c *Config) { c.Analysis.Top = 30 },
			sources: map[string]string{"analysis.top": "kgb.yaml:2", "analysis.pagerank.damping": "default"},
		},
		{
			name:    "env over file",
			file:    top30,
			env:     map[string]string{"KGB_ANALYSIS_TOP": "40"},
			want:    func(c *Config) { c.Analysis.Top = 40 },
			sources: map[string]string{"analysis.top": "env KGB_ANALYSIS_TOP"},
		},
		{
			name:    "flag over env",
			file:    top30,
			env:     map[string]string{"KGB_ANALYSIS_TOP": "40"},
			args:    []string{"--top=50"},
			want:    func(c *Config) { c.Analysis.Top = 50 },
			sources: map[string]string{"analysis.top": "flag --top"},
		},
		{
			name:    "flag left unset does not count",
			file:    top30,
			args:    []string{"--lenient"},
			want:    func(c *Config) { c.Analysis.Top = 30; c.Input.Lenient = true },
			sources: map[string]string{"analysis.top": "kgb.yaml:2", "input.lenient": "flag --lenient"},
		},
		{
			name:    "empty env var is unset",
			file:    top30,
			env:     map[string]string{"KGB_ANALYSIS_TOP": ""},
			want:    func(c *Config) { c.Analysis.Top = 30 },
			sources: map[string]string{"analysis.top": "kgb.yaml:2"},
		},
		{
			name: "each key from its own layer",
			file: "analysis:\n  top: 30\n  pagerank:\n    damping: 0.5\n    tolerance: 1e-6\nexport:\n  dot:\n    style: false\n",
			env:  map[string]string{"KGB_ANALYSIS_PAGERANK_DAMPING": "0.6", "KGB_EXPORT_DOT_SFDP_THRESHOLD": "10"},
			args: []string{"--damping", "0.7", "--seed", "9"},
			want: func(c *Config) {
				c.Analysis.Top = 30
				c.Analysis.PageRank.Damping = 0.7
				c.Analysis.PageRank.Tolerance = 1e-6
				c.Analysis.Communities.Seed = 9
				c.Export.DOT.SFDPThreshold = 10
				c.Export.DOT.Style = false
			},
			sources: map[string]string{
				"analysis.top":                "kgb.yaml:2",
				"analysis.pagerank.damping":   "flag --damping",
				"analysis.pagerank.tolerance": "kgb.yaml:5",
				"analysis.communities.seed":   "flag --seed",
				"export.dot.sfdp_threshold":   "env KGB_EXPORT_DOT_SFDP_THRESHOLD",
				"export.dot.style":            "kgb.yaml:8",
				"input.lenient":               "default",
			},
		},
		{
			name: "env of every type",
			env: map[string]string{
				"KGB_ANALYSIS_COMMUNITIES_SEED":       "18446744073709551615",
				"KGB_ANALYSIS_COMMUNITIES_RESOLUTION": "2",
				"KGB_ANALYSIS_FORCE_PATHS":            "true",
				"KGB_ANALYSIS_PAGERANK_TOLERANCE":     "1e-9",
				"KGB_EXPORT_BASE_IRI":                 "https://example.com/id#",
			},
			want: func(c *Config) {
				c.Analysis.Communities.Seed = 18446744073709551615
				c.Analysis.Communities.Resolution = 2
				c.Analysis.ForcePaths = true
				c.Analysis.PageRank.Tolerance = 1e-9
				c.Export.BaseIRI = "https://example.com/id#"
			},
			sources: map[string]string{"export.base_iri": "env KGB_EXPORT_BASE_IRI"},
		},
		{
			name: "file of every type",
			file: "analysis:\n  communities:\n    resolution: 2\n    seed: 0x10\n  force_paths: true\n  path_max_nodes: 0\n" +
				"export:\n  base_iri: urn:x-kgb:entity/\ninput: {lenient: true}\n",
			want: func(c *Config) {
				c.Analysis.Communities.Resolution = 2
				c.Analysis.Communities.Seed = 16
				c.Analysis.ForcePaths = true
				c.Analysis.PathMaxNodes = 0
				c.Export.BaseIRI = "urn:x-kgb:entity/"
				c.Input.Lenient = true
			},
			sources: map[string]string{"input.lenient": "kgb.yaml:9", "export.base_iri": "kgb.yaml:8"},
		},
		{name: "empty file", file: "\n", want: func(*Config) {}},
		{name: "comments only", file: "# nothing yet\n\n# top: 5\n", want: func(*Config) {}},
		{name: "section with every key commented out", file: "analysis:\n  # top: 5\nexport: {}\n", want: func(*Config) {}},
		{
			name: "anchors and aliases",
			file: "analysis:\n  top: &n 7\n  pagerank:\n    max_iterations: *n\n",
			want: func(c *Config) { c.Analysis.Top = 7; c.Analysis.PageRank.MaxIterations = 7 },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, src, err := load(t, tt.file, tt.env, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			want := Default()
			tt.want(want)
			if *got != *want {
				t.Errorf("got  %+v\nwant %+v", *got, *want)
			}
			for key, from := range tt.sources {
				if s := src.Of(key); s != from {
					t.Errorf("Of(%q) = %q, want %q", key, s, from)
				}
			}
		})
	}
}

func TestLoadFileDiscovery(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		file    string // Options.File
		wantTop int
		wantSrc string // Of("analysis.top")
	}{
		{name: "kgb.yaml in Dir", files: map[string]string{"kgb.yaml": "analysis: {top: 3}\n"}, wantTop: 3, wantSrc: "kgb.yaml:1"},
		{name: "no kgb.yaml", files: map[string]string{"kgb.yml": "analysis: {top: 3}\n"}, wantTop: 20, wantSrc: "default"},
		{name: "--config relative to Dir", files: map[string]string{"conf/my.yaml": "\nanalysis: {top: 4}\n"}, file: "conf/my.yaml", wantTop: 4, wantSrc: "conf/my.yaml:2"},
		{
			name:    "--config instead of kgb.yaml",
			files:   map[string]string{"kgb.yaml": "not: valid\n", "my.yaml": "analysis: {top: 5}\n"},
			file:    "my.yaml",
			wantTop: 5, wantSrc: "my.yaml:1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, src, err := Load(Options{File: tt.file, Dir: writeFiles(t, tt.files), Env: envOf(nil)})
			if err != nil {
				t.Fatal(err)
			}
			if c.Analysis.Top != tt.wantTop || src.Of("analysis.top") != tt.wantSrc {
				t.Errorf("top = %d from %q, want %d from %q", c.Analysis.Top, src.Of("analysis.top"), tt.wantTop, tt.wantSrc)
			}
		})
	}

	t.Run("absolute --config", func(t *testing.T) {
		dir := writeFiles(t, map[string]string{"abs.yaml": "analysis: {top: 6}\n"})
		path := filepath.Join(dir, "abs.yaml")
		c, src, err := Load(Options{File: path, Dir: t.TempDir(), Env: envOf(nil)})
		if err != nil {
			t.Fatal(err)
		}
		if c.Analysis.Top != 6 || src.Of("analysis.top") != path+":1" {
			t.Errorf("top = %d from %q", c.Analysis.Top, src.Of("analysis.top"))
		}
	})

	t.Run("--config missing", func(t *testing.T) {
		_, _, err := Load(Options{File: "missing.yaml", Dir: t.TempDir(), Env: envOf(nil)})
		if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "missing.yaml") {
			t.Errorf("err = %v, want a not-exist error naming missing.yaml", err)
		}
	})
}

func TestLoadFileErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		want string
	}{
		{
			name: "unknown key, misspelt",
			file: "analysis:\n  pagernk:\n    damping: 0.9\n",
			want: `kgb.yaml:2:3: unknown key "analysis.pagernk"; did you mean "analysis.pagerank"?`,
		},
		{
			name: "unknown key, wrong case",
			file: "analysis:\n  Top: 5\n",
			want: `kgb.yaml:2:3: unknown key "analysis.Top"; did you mean "analysis.top"?`,
		},
		{
			name: "unknown key, abbreviated",
			file: "analysis:\n  pagerank:\n    max_iter: 5\n",
			want: `kgb.yaml:3:5: unknown key "analysis.pagerank.max_iter"; did you mean "analysis.pagerank.max_iterations"?`,
		},
		{
			name: "unknown key, at the wrong level",
			file: "top: 5\n",
			want: `kgb.yaml:1:1: unknown key "top"; did you mean "analysis.top"?`,
		},
		{
			name: "unknown key, nothing close",
			file: "# colours\ncolour: red\n",
			want: `kgb.yaml:2:1: unknown key "colour"`,
		},
		{
			name: "duplicate key",
			file: "analysis:\n  top: 1\n  top: 2\n",
			want: `kgb.yaml:3:3: analysis.top: duplicate key (first at line 2)`,
		},
		{
			name: "string for an integer",
			file: "analysis:\n  top: twenty\n",
			want: `kgb.yaml:2:8: analysis.top: want an integer, got "twenty"`,
		},
		{
			name: "quoted integer",
			file: "analysis:\n  top: \"20\"\n",
			want: `kgb.yaml:2:8: analysis.top: want an integer, got "20"`,
		},
		{
			name: "float for an integer",
			file: "analysis:\n  pagerank:\n    max_iterations: 2.5\n",
			want: `kgb.yaml:3:21: analysis.pagerank.max_iterations: want an integer, got 2.5`,
		},
		{
			name: "mapping for a scalar",
			file: "analysis:\n  top:\n    rows: 5\n",
			want: `kgb.yaml:3:5: analysis.top: want an integer, got a mapping`,
		},
		{
			name: "list for a scalar",
			file: "analysis:\n  top: [1, 2]\n",
			want: `kgb.yaml:2:8: analysis.top: want an integer, got a list`,
		},
		{
			name: "null for a scalar",
			file: "analysis:\n  top:\n",
			want: `kgb.yaml:2:7: analysis.top: want an integer, got null`,
		},
		{
			name: "yes for a bool",
			file: "input:\n  lenient: yes\n",
			want: `kgb.yaml:2:12: input.lenient: want true or false, got "yes"`,
		},
		{
			name: "number for a bool",
			file: "export:\n  dot:\n    style: 1\n",
			want: `kgb.yaml:3:12: export.dot.style: want true or false, got 1`,
		},
		{
			name: "negative seed",
			file: "analysis:\n  communities:\n    seed: -1\n",
			want: `kgb.yaml:3:11: analysis.communities.seed: want a non-negative integer, got -1`,
		},
		{
			name: "string for a number",
			file: "analysis:\n  pagerank:\n    damping: high\n",
			want: `kgb.yaml:3:14: analysis.pagerank.damping: want a number, got "high"`,
		},
		{
			name: "infinite number",
			file: "analysis:\n  pagerank:\n    tolerance: .inf\n",
			want: `kgb.yaml:3:16: analysis.pagerank.tolerance: want a finite number, got .inf`,
		},
		{
			name: "scalar for a section",
			file: "analysis: 5\n",
			want: `kgb.yaml:1:11: analysis: want a mapping, got 5`,
		},
		{
			name: "list for the file",
			file: "- analysis\n",
			want: `kgb.yaml:1:1: want a mapping, got a list`,
		},
		{
			name: "damping out of range",
			file: "analysis:\n  pagerank:\n    damping: 1.5\n",
			want: `kgb.yaml:3:14: analysis.pagerank.damping: must be between 0 and 1 (exclusive), got 1.5`,
		},
		{
			name: "top below 1",
			file: "analysis:\n  top: 0\n",
			want: `kgb.yaml:2:8: analysis.top: must be at least 1, got 0`,
		},
		{
			name: "negative path_max_nodes",
			file: "analysis:\n  path_max_nodes: -1\n",
			want: `kgb.yaml:2:19: analysis.path_max_nodes: must be at least 0, got -1`,
		},
		{
			name: "zero tolerance",
			file: "analysis:\n  pagerank:\n    tolerance: 0\n",
			want: `kgb.yaml:3:16: analysis.pagerank.tolerance: must be greater than 0, got 0`,
		},
		{
			name: "negative resolution",
			file: "analysis:\n  communities:\n    resolution: -0.5\n",
			want: `kgb.yaml:3:17: analysis.communities.resolution: must be greater than 0, got -0.5`,
		},
		{
			name: "sfdp_threshold below 1",
			file: "export:\n  dot:\n    sfdp_threshold: 0\n",
			want: `kgb.yaml:3:21: export.dot.sfdp_threshold: must be at least 1, got 0`,
		},
		{
			name: "base IRI without a final / or #",
			file: "export:\n  base_iri: http://example.org/kgb\n",
			want: `kgb.yaml:2:13: export.base_iri: must end in '/' or '#', got "http://example.org/kgb"`,
		},
		{
			name: "relative base IRI",
			file: "export:\n  base_iri: example.org/kgb/\n",
			want: `kgb.yaml:2:13: export.base_iri: must be an absolute IRI, starting with a scheme such as "http:", got "example.org/kgb/"`,
		},
		{
			name: "base IRI with a space",
			file: "export:\n  base_iri: \"http://example.org/my kgb/\"\n",
			want: `kgb.yaml:2:13: export.base_iri: must not contain ' ', got "http://example.org/my kgb/"`,
		},
		{
			name: "base IRI in angle brackets",
			file: "export:\n  base_iri: \"<http://example.org/kgb/>\"\n",
			want: `kgb.yaml:2:13: export.base_iri: must not contain '<', got "<http://example.org/kgb/>"`,
		},
		{
			name: "null base IRI",
			file: "export:\n  base_iri: ~\n",
			want: `kgb.yaml:2:13: export.base_iri: want a string, got null`,
		},
		{
			name: "syntax error",
			file: "analysis:\n  top: 5\n pagerank: {}\n",
			want: `kgb.yaml:2: did not find expected key`,
		},
		{
			name: "syntax error yaml.v3 gives no line for",
			file: "analysis: \"\\x\"\n",
			want: `kgb.yaml:1: did not find expected hexdecimal number`,
		},
		{
			name: "several errors, in file order",
			file: "analysis:\n  top: x\n  pagernk: {}\ninput:\n  lenient: 1\n",
			want: `kgb.yaml:2:8: analysis.top: want an integer, got "x"` + "\n" +
				`kgb.yaml:3:3: unknown key "analysis.pagernk"; did you mean "analysis.pagerank"?` + "\n" +
				`kgb.yaml:5:12: input.lenient: want true or false, got 1`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := load(t, tt.file, nil)
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestErrorFields(t *testing.T) {
	_, _, err := load(t, "analysis:\n  pagernk: {}\n", nil)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %#v, want an *Error", err)
	}
	want := Error{Source: "kgb.yaml:2:3", Key: "analysis.pagernk", Msg: "unknown key", Suggestion: "analysis.pagerank"}
	if *e != want {
		t.Errorf("got %+v, want %+v", *e, want)
	}
}

func TestLoadEnvAndFlagErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		args []string
		want string
	}{
		{
			name: "env not an integer",
			env:  map[string]string{"KGB_ANALYSIS_TOP": "x"},
			want: `env KGB_ANALYSIS_TOP: want an integer, got "x"`,
		},
		{
			name: "env out of range",
			env:  map[string]string{"KGB_ANALYSIS_PAGERANK_DAMPING": "2"},
			want: `env KGB_ANALYSIS_PAGERANK_DAMPING: must be between 0 and 1 (exclusive), got 2`,
		},
		{
			name: "env yes for a bool",
			env:  map[string]string{"KGB_INPUT_LENIENT": "yes"},
			want: `env KGB_INPUT_LENIENT: want true or false, got "yes"`,
		},
		{
			name: "env string is taken verbatim",
			env:  map[string]string{"KGB_EXPORT_BASE_IRI": "true"},
			want: `env KGB_EXPORT_BASE_IRI: must be an absolute IRI, starting with a scheme such as "http:", got "true"`,
		},
		{
			name: "env errors in key order, after the file's",
			file: "analysis: {top: 0}\n",
			env:  map[string]string{"KGB_INPUT_LENIENT": "no", "KGB_ANALYSIS_COMMUNITIES_SEED": "-3"},
			want: `kgb.yaml:1:17: analysis.top: must be at least 1, got 0` + "\n" +
				`env KGB_ANALYSIS_COMMUNITIES_SEED: want a non-negative integer, got -3` + "\n" +
				`env KGB_INPUT_LENIENT: want true or false, got "no"`,
		},
		{
			name: "flag out of range",
			args: []string{"--top=0"},
			want: `flag --top: must be at least 1, got 0`,
		},
		{
			name: "flag not a number",
			args: []string{"--damping=abc"},
			want: `flag --damping: want a number, got "abc"`,
		},
		{
			name: "flag bad IRI, even though env is fine",
			env:  map[string]string{"KGB_EXPORT_BASE_IRI": "http://a.example/"},
			args: []string{"--base-iri=http://b.example"},
			want: `flag --base-iri: must end in '/' or '#', got "http://b.example"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := load(t, tt.file, tt.env, tt.args...)
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestLoadFlagKeysMisuse(t *testing.T) {
	tests := []struct {
		name string
		keys map[string]string
	}{
		{name: "unknown key", keys: map[string]string{"top": "analysis.rows"}},
		{name: "section, not a key", keys: map[string]string{"top": "analysis"}},
		{name: "flag not defined", keys: map[string]string{"rows": "analysis.top"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			flags, _ := testFlags(t)
			Load(Options{Dir: t.TempDir(), Env: envOf(nil), Flags: flags, FlagKeys: tt.keys})
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Config)
		want   string // "" for valid
	}{
		{name: "default", change: func(*Config) {}},
		{name: "no path limit", change: func(c *Config) { c.Analysis.PathMaxNodes = 0 }},
		{name: "fragment base", change: func(c *Config) { c.Export.BaseIRI = "https://example.com/kgb#" }},
		{name: "zero value", change: func(c *Config) { *c = Config{} }, want: "analysis.communities.resolution: must be greater than 0, got 0\n" +
			"analysis.pagerank.damping: must be between 0 and 1 (exclusive), got 0\n" +
			"analysis.pagerank.max_iterations: must be at least 1, got 0\n" +
			"analysis.pagerank.tolerance: must be greater than 0, got 0\n" +
			"analysis.top: must be at least 1, got 0\n" +
			`export.base_iri: must be an absolute IRI, starting with a scheme such as "http:", got ""` + "\n" +
			"export.dot.sfdp_threshold: must be at least 1, got 0"},
		{name: "damping 1", change: func(c *Config) { c.Analysis.PageRank.Damping = 1 }, want: "analysis.pagerank.damping: must be between 0 and 1 (exclusive), got 1"},
		{name: "scheme with a digit first", change: func(c *Config) { c.Export.BaseIRI = "1http://x/" }, want: `export.base_iri: must be an absolute IRI, starting with a scheme such as "http:", got "1http://x/"`},
		{name: "tab in IRI", change: func(c *Config) { c.Export.BaseIRI = "http://x/\t/" }, want: `export.base_iri: must not contain '\t', got "http://x/\t/"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			tt.change(c)
			err := c.Validate()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestLoadIgnoresProcessEnvWhenEnvGiven(t *testing.T) {
	t.Setenv("KGB_ANALYSIS_TOP", "99")
	c, _, err := Load(Options{Dir: t.TempDir(), Env: envOf(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if c.Analysis.Top != 20 {
		t.Errorf("top = %d, want 20: the process environment leaked in", c.Analysis.Top)
	}
	c, src, err := Load(Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if c.Analysis.Top != 99 || src.Of("analysis.top") != "env KGB_ANALYSIS_TOP" {
		t.Errorf("with Env nil: top = %d from %q, want 99 from the process environment", c.Analysis.Top, src.Of("analysis.top"))
	}
}

func TestSourcesOf(t *testing.T) {
	var s *Sources
	if got := s.Of("analysis.top"); got != "" {
		t.Errorf("nil Sources: Of = %q", got)
	}
	_, s, err := load(t, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Of("analysis"); got != "" {
		t.Errorf(`Of("analysis") = %q, want "" (a section has no source)`, got)
	}
	for _, key := range Keys() {
		if got := s.Of(key); got != "default" {
			t.Errorf("Of(%q) = %q, want default", key, got)
		}
	}
}

// The schema read from the struct and the keys listed here must agree.
func TestKeys(t *testing.T) {
	want := []string{
		"analysis.communities.resolution",
		"analysis.communities.seed",
		"analysis.force_paths",
		"analysis.pagerank.damping",
		"analysis.pagerank.max_iterations",
		"analysis.pagerank.tolerance",
		"analysis.path_max_nodes",
		"analysis.top",
		"export.base_iri",
		"export.dot.sfdp_threshold",
		"export.dot.style",
		"input.lenient",
	}
	if got := Keys(); !reflect.DeepEqual(got, want) {
		t.Errorf("Keys() = %q\nwant %q", got, want)
	}
}

func TestEnvVar(t *testing.T) {
	tests := []struct{ key, want string }{
		{"analysis.pagerank.damping", "KGB_ANALYSIS_PAGERANK_DAMPING"},
		{"export.base_iri", "KGB_EXPORT_BASE_IRI"},
		{"input.lenient", "KGB_INPUT_LENIENT"},
	}
	for _, tt := range tests {
		if got := EnvVar(tt.key); got != tt.want {
			t.Errorf("EnvVar(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}
