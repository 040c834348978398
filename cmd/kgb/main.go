// Command kgb builds knowledge graphs from text and analyses and exports
// them. Run "kgb --help" for the commands.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
