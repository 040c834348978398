package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgb-dev/kgb/config"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks a mistake in how kgb was called: exit code 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// app carries what every command shares: the streams and the global flags.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	configFile     string
}

// run executes kgb with args and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	started := false
	root.PersistentPreRun = func(*cobra.Command, []string) { started = true }
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "kgb:", strings.TrimSuffix(err.Error(), "\n"))
	var ue usageError
	var ce *config.Error
	switch {
	case !started, errors.As(err, &ue):
		// Cobra fails before running a command on unknown commands and
		// flags.
		fmt.Fprintln(stderr, "Run 'kgb --help' for usage.")
		return exitUsage
	case errors.As(err, &ce) && strings.HasPrefix(ce.Source, "flag "):
		return exitUsage
	}
	return exitFailure
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "kgb",
		Short: "kgb builds knowledge graphs: who does what to whom",
		Long: `kgb builds knowledge graphs of who does what to whom, measures them
(PageRank, betweenness, communities) and writes them for graph databases
(N-Quads), diagrams (Graphviz DOT) and analysis tools (JSON).

Today kgb reads knowledge graphs from N-Quads or N-Triples files, so the
analysis and export work on any RDF data; building them from text is coming:

  kgb analyze testdata/france-election.nq          # who is central?
  kgb convert testdata/france-election.nq -o g.dot # a diagram
  dot -Tsvg g.dot > g.svg

Configuration comes from, in rising precedence: the built-in defaults (see
'kgb config show'), kgb.yaml in the working directory or the file named by
--config, KGB_* environment variables, and flags.`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version(),
	}
	root.PersistentFlags().StringVar(&a.configFile, "config", "", "configuration file (default: ./kgb.yaml when present)")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.SetVersionTemplate("{{.Version}}\n")
	root.AddCommand(a.analyzeCmd(), a.convertCmd(), a.configCmd(), a.versionCmd())
	return root
}

// config loads the configuration with the command's flags on top; flagKeys
// maps flag names to the configuration keys they set.
func (a *app) config(cmd *cobra.Command, flagKeys map[string]string) (*config.Config, *config.Sources, error) {
	return config.Load(config.Options{File: a.configFile, Flags: cmd.Flags(), FlagKeys: flagKeys})
}

// minArgs checks the number of positional arguments as a usage error.
func minArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("%s needs %s", cmd.CommandPath(), what)
		}
		return nil
	}
}
