package main

import (
	"fmt"
	"io"
)

// subcommand is one verb of a command group (extract dates tag, extract
// gazetteer lookup …).
type subcommand struct {
	name string
	run  func(args []string, stdout, stderr io.Writer) int
}

// dispatch runs the subcommand args[0] names: usage on stdout for -h,
// usage on stderr and exit 2 for a missing or unknown one.
func dispatch(prog, usage string, subs []subcommand, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprintln(stdout, usage)
		return 0
	}
	for _, s := range subs {
		if s.name == args[0] {
			return s.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "%s: unknown subcommand %q\n%s\n", prog, args[0], usage)
	return 2
}
