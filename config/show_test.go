package config

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteYAMLDefault(t *testing.T) {
	_, src, err := load(t, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	const want = `analysis:
  top: 20 # from default
  pagerank:
    damping: 0.85 # from default
    tolerance: 1e-12 # from default
    max_iterations: 1000 # from default
  path_max_nodes: 20000 # from default
  force_paths: false # from default
  communities:
    resolution: 1.0 # from default
    seed: 1 # from default
export:
  base_iri: http://example.org/kgb/ # from default
  dot:
    sfdp_threshold: 150 # from default
    style: true # from default
input:
  lenient: false # from default
`
	var b bytes.Buffer
	if err := Default().WriteYAML(&b, src); err != nil {
		t.Fatal(err)
	}
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}

	b.Reset()
	if err := Default().WriteYAML(&b, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "#") {
		t.Errorf("with nil Sources, got comments:\n%s", b.String())
	}
}

// WriteYAML's output is a configuration file that loads back to the same
// Config, and its comments name each value's source.
func TestWriteYAMLRoundTrip(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		env      map[string]string
		args     []string
		comments []string // lines the output must contain
	}{
		{name: "defaults", comments: []string{"  top: 20 # from default"}},
		{
			name: "every layer",
			file: "analysis:\n  top: 30\n  communities:\n    resolution: 3\n",
			env:  map[string]string{"KGB_ANALYSIS_PAGERANK_TOLERANCE": "1e-300", "KGB_EXPORT_BASE_IRI": "https://example.com/id#"},
			args: []string{"--seed=18446744073709551615", "--lenient", "--damping=0.999999"},
			comments: []string{
				"  top: 30 # from kgb.yaml:2",
				"    resolution: 3.0 # from kgb.yaml:4",
				"    tolerance: 1e-300 # from env KGB_ANALYSIS_PAGERANK_TOLERANCE",
				"  base_iri: https://example.com/id# # from env KGB_EXPORT_BASE_IRI",
				"    seed: 18446744073709551615 # from flag --seed",
				"    damping: 0.999999 # from flag --damping",
				"  lenient: true # from flag --lenient",
			},
		},
		{
			name:     "unusual IRI",
			env:      map[string]string{"KGB_EXPORT_BASE_IRI": "tag:example.org,2024:größe#"},
			comments: []string{"  base_iri: tag:example.org,2024:größe# # from env KGB_EXPORT_BASE_IRI"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, src, err := load(t, tt.file, tt.env, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := want.WriteYAML(&b, src); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, line := range tt.comments {
				if !strings.Contains(out, line+"\n") {
					t.Errorf("output lacks %q:\n%s", line, out)
				}
			}
			path := filepath.Join(t.TempDir(), "shown.yaml")
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			got, src2, err := Load(Options{File: path, Env: envOf(nil)})
			if err != nil {
				t.Fatalf("reloading:\n%s\n%v", out, err)
			}
			if *got != *want {
				t.Errorf("reloaded %+v\nwant     %+v", *got, *want)
			}
			for _, key := range Keys() {
				if s := src2.Of(key); !strings.HasPrefix(s, path+":") {
					t.Errorf("reloaded %s from %q, want from the file", key, s)
				}
			}
		})
	}
}
