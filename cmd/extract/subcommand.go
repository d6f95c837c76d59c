package main

import (
	"errors"
	"flag"
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

// parseFlags parses a subcommand's flags. -h (or --help) prints usage and
// the flags on stdout and exits 0; a bad flag gets the flag package's
// complaint and a hint on stderr and exits 2. ok is false when the
// command should exit with code.
func parseFlags(fs *flag.FlagSet, usage string, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	fs.SetOutput(stderr)
	fs.Usage = func() {} // the flag package calls it for -h and errors alike
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, usage)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return 0, false
		}
		fmt.Fprintf(stderr, "run '%s -h' for usage\n", fs.Name())
		return 2, false
	}
	return 0, true
}
