package config_test

import (
	"fmt"
	"os"

	"github.com/kgb-dev/kgb/config"
	"github.com/spf13/pflag"
)

// How a command wires its flags: each flag that overrides a key is named in
// FlagKeys, and counts only when the user set it.
func ExampleLoad() {
	flags := pflag.NewFlagSet("analyze", pflag.ContinueOnError)
	flags.Int("top", config.Default().Analysis.Top, "rows in the table")
	flags.Bool("lenient", false, "skip bad lines in N-Quads input")
	if err := flags.Parse([]string{"--top=5"}); err != nil {
		panic(err)
	}
	env := map[string]string{"KGB_ANALYSIS_PAGERANK_DAMPING": "0.9"}

	c, src, err := config.Load(config.Options{
		Dir:      "testdata/example", // holds a kgb.yaml
		Env:      func(name string) (string, bool) { v, ok := env[name]; return v, ok },
		Flags:    flags,
		FlagKeys: map[string]string{"top": "analysis.top", "lenient": "input.lenient"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("top:", c.Analysis.Top, "from", src.Of("analysis.top"))
	fmt.Println("damping:", c.Analysis.PageRank.Damping, "from", src.Of("analysis.pagerank.damping"))
	fmt.Println("base_iri:", c.Export.BaseIRI, "from", src.Of("export.base_iri"))
	fmt.Println("lenient:", c.Input.Lenient, "from", src.Of("input.lenient"))
	// Output:
	// top: 5 from flag --top
	// damping: 0.9 from env KGB_ANALYSIS_PAGERANK_DAMPING
	// base_iri: https://news.example/kg/ from kgb.yaml:5
	// lenient: false from default
}

func ExampleConfig_WriteYAML() {
	c, src, err := config.Load(config.Options{
		Dir: "testdata/example",
		Env: func(string) (string, bool) { return "", false },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := c.WriteYAML(os.Stdout, src); err != nil {
		fmt.Println(err)
	}
	// Output:
	// analysis:
	//   top: 10 # from kgb.yaml:3
	//   pagerank:
	//     damping: 0.85 # from default
	//     tolerance: 1e-12 # from default
	//     max_iterations: 1000 # from default
	//   path_max_nodes: 20000 # from default
	//   force_paths: false # from default
	//   communities:
	//     resolution: 1.0 # from default
	//     seed: 1 # from default
	// export:
	//   base_iri: https://news.example/kg/ # from kgb.yaml:5
	//   dot:
	//     sfdp_threshold: 150 # from default
	//     style: true # from default
	// input:
	//   lenient: false # from default
}
