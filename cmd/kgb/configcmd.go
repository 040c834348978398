package main

import (
	"github.com/spf13/cobra"

	"github.com/kgb-dev/kgb/config"
)

func (a *app) configCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show kgb's configuration",
		Long: `Show kgb's configuration.

Values come from, in rising precedence: the built-in defaults, kgb.yaml in the
working directory (or the file named by --config), KGB_* environment variables
(KGB_ANALYSIS_PAGERANK_DAMPING=0.9 sets analysis.pagerank.damping) and flags.`,
	}
	var defaults bool
	show := &cobra.Command{
		Use:   "show",
		Short: "Print the effective configuration as YAML, with where each value came from",
		Long: `Print the effective configuration as YAML. Each value carries a comment
saying where it came from: the defaults, a file and line, an environment
variable. The output is itself a valid configuration file.

With --defaults, print the built-in defaults with their documentation: a
good start for your own kgb.yaml:

  kgb config show --defaults > kgb.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if defaults {
				_, err := a.stdout.Write(config.DefaultYAML())
				return err
			}
			cfg, src, err := a.config(cmd, nil)
			if err != nil {
				return err
			}
			return cfg.WriteYAML(a.stdout, src)
		},
	}
	show.Flags().BoolVar(&defaults, "defaults", false, "print the documented built-in defaults instead")
	cmd.AddCommand(show)
	return cmd
}
