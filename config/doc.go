// Package config is kgb's configuration: the Config struct, its built-in
// defaults (default.yaml, embedded, and the file a user copies to start
// their own), and Load, which layers a YAML file, KGB_* environment
// variables and command-line flags over those defaults, in that order of
// increasing precedence. The merge is done by viper; because viper forgets
// where a value came from and lowercases keys, the file is first read with
// yaml.v3 and checked key by key, so that a mistake is reported at its file,
// line and column ("kgb.yaml:7:3: unknown key "analysis.pagernk"; did you
// mean "analysis.pagerank"?"), and environment and flag values are checked
// by the same rules. Sources records where each effective value came from,
// and WriteYAML prints the effective configuration annotated with it.
package config
