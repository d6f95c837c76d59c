package main

import (
	"fmt"
	"io"
)

// runDates implements `extract dates`. STUB: filled in by the dates work.
func runDates(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "extract dates: not implemented yet")
	return 2
}
