// Command extract reads Arabic news articles and writes SPEC event records
// as JSONL: `extract [flags] PATH...` (see usage in batch.go), plus the
// eval, gazetteer and dates subcommands.
//
// The batch is extract.Batch over ingest.Files; this command adds the
// flags, the reports on stderr or --errors, the progress bar, signals and
// exit codes. How it behaves when things go wrong:
//
//   - Unreadable, malformed or oversized input is one failure per
//     document, named by file or file:line (policies in pkg/ingest:
//     invalid UTF-8 becomes U+FFFD per byte, duplicate ids fail the later
//     document); a text that is not Arabic is skipped and reported.
//   - An output file (stdout redirected to a file, --errors) that is one
//     of the inputs is refused before it is written (exit 2); outputs the
//     run creates are never read as input.
//   - A document that exceeds --doc-timeout fails and the batch goes on.
//     Should Extract not return within a grace period after that deadline
//     (a bug: it ignores its context), the document is reported failed all
//     the same and its worker moves on; the stuck goroutine is left behind,
//     since Go cannot stop it.
//   - A panic in Extract, or an Extract error (it fails a document whose
//     records would break the SPEC's spans), fails that document only.
//   - A failed write (a full disk) fails the documents whose events it did
//     not write, stops the run and exits 1.
//   - SIGINT/SIGTERM: the output stops after the last whole document, is
//     flushed, the summary is printed, and the exit status is 128+signal
//     (130, 143). A second signal kills at once.
//   - A closed stdout (extract ... | head) stops the run quietly: no error,
//     no summary, status 141 as for a filter killed by SIGPIPE.
//   - File names and messages on stderr have their unprintable characters
//     escaped, so that each report is one line.
//
// Output is byte-identical for any --workers: results are written in input
// order through a reorder queue of bounded look-ahead, so memory stays flat
// however many documents stream through.
package main

import (
	"context"
	"io"
	"os"
	"runtime/debug"
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
		case "trace":
			return runTrace(args[1:], stdout, stderr)
		case "merge":
			return runMerge(args[1:], stdin, stdout, stderr)
		case "stats":
			ctx, stop := signalContext()
			defer stop()
			tuneGC()
			return runStats(ctx, args[1:], stdin, stdout, stderr)
		case "help":
			// extract help [SUBCOMMAND]: the same as -h, on stdout.
			if len(args) > 1 {
				return run([]string{args[1], "-h"}, stdin, stdout, stderr)
			}
			return runBatch(context.Background(), []string{"-h"}, stdin, stdout, stderr)
		}
	}
	ctx, stop := signalContext()
	defer stop()
	tuneGC()
	return runBatch(ctx, args, stdin, stdout, stderr)
}

// tuneGC trades memory the batch does not need for CPU it does. The live
// heap is small (the compiled rules and a few documents, ~10 MB) while
// each document allocates ~150 KB, so at the default GOGC=100 the
// collector ran every ~70 documents and took ~40% of the CPU on the bench
// corpus. At 800 it runs a tenth as often: 1.7x the throughput for ~45 MB
// instead of ~20 MB peak RSS. The memory limit keeps a corpus of huge
// documents from using 9x its live heap. GOGC or GOMEMLIMIT set by the
// user win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(800)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
}
