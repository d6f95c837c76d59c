// Command extract reads Arabic news articles and writes SPEC event records
// as JSONL: `extract [flags] PATH...` (see usage in batch.go), plus the
// eval, gazetteer and dates subcommands.
package main

import (
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "eval":
			return runEval(args[1:], stdout, stderr)
		case "gazetteer":
			return runGazetteer(args[1:], stdout, stderr)
		case "dates":
			return runDates(args[1:], stdout, stderr)
		}
	}
	ctx, stop := signalContext()
	defer stop()
	return runBatch(ctx, args, stdin, stdout, stderr)
}
