package main

import (
	"fmt"
	"io"
)

// runGazetteer implements `extract gazetteer`. STUB: filled in by the gazetteer work.
func runGazetteer(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "extract gazetteer: not implemented yet")
	return 2
}
