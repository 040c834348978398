package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const sample = "../../testdata/france-election.nq"

// kgb runs the command line in-process and returns its exit code, stdout
// and stderr.
func kgb(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

// badFile writes an N-Quads file whose line 7 is bad.
func badFile(t *testing.T) string {
	t.Helper()
	good := "<http://ex/a> <http://ex/p> <http://ex/b> .\n"
	path := filepath.Join(t.TempDir(), "bad.nq")
	if err := os.WriteFile(path, []byte(strings.Repeat(good, 6)+"<http://ex/a> <http://ex/p> \"x\" \"g\" .\n"+good), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExitCodes(t *testing.T) {
	t.Setenv("KGB_ANALYSIS_TOP", "") // the caller's environment must not leak in
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no command", nil, 0, ""},
		{"unknown command", []string{"analyse"}, 2, `unknown command "analyse"`},
		{"unknown flag", []string{"analyze", "--nope", sample}, 2, "unknown flag: --nope"},
		{"no files", []string{"analyze"}, 2, "needs at least one"},
		{"bad flag value", []string{"analyze", "--top", "x", sample}, 2, `invalid argument "x"`},
		{"out of range flag", []string{"analyze", "--top", "0", sample}, 2, "flag --top"},
		{"unknown analyze format", []string{"analyze", "--format", "xml", sample}, 2, `unknown --format "xml"`},
		{"unknown convert format", []string{"convert", "-f", "xml", sample}, 2, `unknown format "xml"`},
		{"no convert format", []string{"convert", sample}, 2, "no output format"},
		{"missing file", []string{"analyze", "nope.nq"}, 1, "nope.nq"},
		{"missing config", []string{"analyze", "--config", "nope.yaml", sample}, 1, "nope.yaml"},
		{"ok", []string{"analyze", sample}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := kgb(t, "", tt.args...)
			if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.wantCode, tt.wantErr)
			}
		})
	}
}

func TestAnalyzeTable(t *testing.T) {
	code, out, stderr := kgb(t, "", "analyze", "--top", "3", sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if want := "18 entities · 26 relations · 1 component · 4 communities · modularity"; !strings.HasPrefix(lines[0], want) {
		t.Errorf("summary %q, want prefix %q", lines[0], want)
	}
	if len(lines) != 2+1+3 || !strings.HasPrefix(lines[2], "RANK") {
		t.Fatalf("want a summary, a blank line, a header and 3 rows; got\n%s", out)
	}
	// The United States receives three relations from well-connected
	// entities and passes nothing on: the top PageRank in this graph.
	if !strings.HasPrefix(lines[3], "1     United States") {
		t.Errorf("first row %q, want United States", lines[3])
	}
}

func TestAnalyzeJSON(t *testing.T) {
	code, out, stderr := kgb(t, "", "analyze", "--format", "json", sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Summary  struct{ Entities, Relations int }
		Entities []struct {
			Label       string
			Betweenness *float64
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Summary.Entities != 18 || len(got.Entities) != 18 {
		t.Fatalf("entities: summary %d, listed %d; want 18 and 18", got.Summary.Entities, len(got.Entities))
	}
	// Russia is the broker between the U.S. story and the French one.
	best := got.Entities[0]
	for _, e := range got.Entities {
		if *e.Betweenness > *best.Betweenness {
			best = e
		}
	}
	if best.Label != "Russia" {
		t.Errorf("highest betweenness: %s, want Russia", best.Label)
	}
}

func TestBadInputWritesNothing(t *testing.T) {
	bad := badFile(t)
	out := filepath.Join(t.TempDir(), "out.nq")
	code, stdout, stderr := kgb(t, "", "convert", bad, "-o", out)
	if code != 1 || !strings.Contains(stderr, bad+":7:33: ") {
		t.Errorf("exit %d, stderr %q; want 1 and %s:7:33", code, stderr, bad)
	}
	if stdout != "" {
		t.Errorf("stdout %q, want nothing", stdout)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
		t.Errorf("output directory holds %v, want nothing", entries)
	}

	code, _, stderr = kgb(t, "", "convert", "--lenient", bad, "-o", out)
	if code != 0 || !strings.Contains(stderr, "skipped 1 bad line(s), read 7 statement(s)") {
		t.Errorf("lenient: exit %d, stderr %q", code, stderr)
	}
	if data, err := os.ReadFile(out); err != nil || bytes.Count(data, []byte("\n")) == 0 {
		t.Errorf("lenient: output %q, %v", data, err)
	}
}

func TestConvertFormats(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ args, want string }{
		{"-f nquads", "<http://example.org/kgb/rel/supports>"},
		{"-f ntriples", "<http://example.org/kgb/rel/supports>"},
		{"-o " + filepath.Join(dir, "g.json"), `"multigraph": true`},
		{"-o " + filepath.Join(dir, "g.dot"), "digraph"},
		{"-o " + filepath.Join(dir, "g.gv"), "digraph"},
	} {
		t.Run(tt.args, func(t *testing.T) {
			args := append([]string{"convert", sample}, strings.Fields(tt.args)...)
			code, out, stderr := kgb(t, "", args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if f := strings.Fields(tt.args); f[0] == "-o" {
				data, err := os.ReadFile(f[1])
				if err != nil {
					t.Fatal(err)
				}
				out = string(data)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("output lacks %q", tt.want)
			}
		})
	}
}

// TestConvertRendersWithGraphviz pipes the DOT output through dot -Tsvg.
func TestConvertRendersWithGraphviz(t *testing.T) {
	dotCmd, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("graphviz's dot is not installed (Debian: apt-get install graphviz)")
	}
	_, out, _ := kgb(t, "", "convert", sample, "-f", "dot")
	cmd := exec.Command(dotCmd, "-Tsvg")
	cmd.Stdin = strings.NewReader(out)
	svg, err := cmd.Output()
	if err != nil || !bytes.Contains(svg, []byte("Marine Le Pen")) {
		t.Errorf("dot -Tsvg: %v", err)
	}
}

func TestStdinAndDeterminism(t *testing.T) {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	_, first, _ := kgb(t, string(data), "convert", "-", "-f", "json")
	_, second, _ := kgb(t, string(data), "convert", "-", "-f", "json")
	if first == "" || first != second {
		t.Error("two runs on the same input gave different JSON")
	}
}

func TestConfigShow(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "my.yaml")
	os.WriteFile(cfg, []byte("analysis:\n  top: 7\n"), 0o644)
	t.Setenv("KGB_ANALYSIS_PAGERANK_DAMPING", "0.9")
	code, out, stderr := kgb(t, "", "config", "show", "--config", cfg)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"top: 7 # from " + cfg + ":2", "damping: 0.9 # from env KGB_ANALYSIS_PAGERANK_DAMPING", "# from default"} {
		if !strings.Contains(out, want) {
			t.Errorf("config show lacks %q:\n%s", want, out)
		}
	}

	os.WriteFile(cfg, []byte("analysis:\n  pagerank:\n    dampng: 0.9\n"), 0o644)
	code, _, stderr = kgb(t, "", "config", "show", "--config", cfg)
	if code != 1 || !strings.Contains(stderr, cfg+":3:5: unknown key \"analysis.pagerank.dampng\"; did you mean \"analysis.pagerank.damping\"?") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestVersionAndCompletion(t *testing.T) {
	if code, out, _ := kgb(t, "", "version"); code != 0 || !strings.HasPrefix(out, "kgb ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if code, out, _ := kgb(t, "", "completion", "bash"); code != 0 || !strings.Contains(out, "__start_kgb") {
		t.Errorf("completion bash: exit %d", code)
	}
}

// TestNQuadsRoundTripIsStable converts kgb's own N-Quads output again: the
// second pass must give the same bytes (names, types, aliases, mention
// counts and documents all survive).
func TestNQuadsRoundTripIsStable(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "1.nq"), filepath.Join(dir, "2.nq")
	if code, _, stderr := kgb(t, "", "convert", sample, "-o", first); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := kgb(t, "", "convert", first, "-o", second); code != 0 {
		t.Fatal(stderr)
	}
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("N-Quads changed on a second conversion:\n%s\n---\n%s", a, b)
	}
}
