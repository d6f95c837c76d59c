package main

import (
	"fmt"
	"io"
)

// runEval implements `extract eval`. STUB: filled in by the eval work.
func runEval(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "extract eval: not implemented yet")
	return 2
}
