package config

import (
	"bytes"
	"testing"

	"go.yaml.in/yaml/v3"
)

// default.yaml, decoded strictly by yaml.v3 without viper, is Default().
func TestDefaultYAMLIsDefault(t *testing.T) {
	dec := yaml.NewDecoder(bytes.NewReader(DefaultYAML()))
	dec.KnownFields(true)
	var c Config
	if err := dec.Decode(&c); err != nil {
		t.Fatal(err)
	}
	if c != *Default() {
		t.Errorf("default.yaml decodes to %+v\nDefault() is %+v", c, *Default())
	}
	if err := Default().Validate(); err != nil {
		t.Errorf("Default() is invalid: %v", err)
	}
}

// default.yaml is what users copy, so it passes the file checks and
// states every key.
func TestDefaultYAMLStatesEveryKey(t *testing.T) {
	lines, errs := checkFile("default.yaml", DefaultYAML())
	for _, err := range errs {
		t.Error(err)
	}
	for _, key := range Keys() {
		if lines[key] == 0 {
			t.Errorf("default.yaml does not set %s", key)
		}
	}
}

func TestDefaultIsACopy(t *testing.T) {
	Default().Analysis.Top = 1
	DefaultYAML()[0] = 'x'
	if Default().Analysis.Top != 20 || DefaultYAML()[0] != '#' {
		t.Error("changing what Default or DefaultYAML returned changed the defaults")
	}
}

func TestLoadNothingIsDefault(t *testing.T) {
	c, _, err := Load(Options{Dir: t.TempDir(), Env: envOf(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if *c != *Default() {
		t.Errorf("got %+v, want %+v", *c, *Default())
	}
}
