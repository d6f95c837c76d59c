package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/ingest"
)

const traceUsage = `usage: extract trace [--doc ID] [--published YYYY-MM-DD] PATH...

Shows how the article model read each document: for every mention (a
trigger with its clauses, or a toll), its sentence, its status and the rule
that placed it (opened an incident, joined one, or was dropped), then the
records. PATH is read as by the batch command; --doc keeps one document.

flags:
`

// runTrace is `extract trace`.
func runTrace(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract trace", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, traceUsage)
		fs.PrintDefaults()
	}
	doc := fs.String("doc", "", "trace only the document with this `ID`")
	published := fs.String("published", "", "publication date (`YYYY-MM-DD`) for documents that carry none")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "extract trace: no PATH given; run 'extract trace -h' for usage")
		return 2
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "extract trace: %v\n", err)
		return 2
	}
	ctx := context.Background()
	found := false
	err = ingest.Read(ctx, fs.Args(), ingest.Options{Published: *published, DetectPublished: x.Published}, func(it ingest.Item) error {
		if it.Err != nil || (*doc != "" && it.Doc.ID != *doc) {
			return nil
		}
		found = true
		evs, lines, err := x.Trace(ctx, it.Doc)
		if err != nil {
			fmt.Fprintf(stdout, "== %s: %v\n", it.Doc.ID, err)
			return nil
		}
		fmt.Fprintf(stdout, "== %s (published %q)\n", it.Doc.ID, it.Doc.Published)
		for _, l := range lines {
			fmt.Fprintln(stdout, "  "+l)
		}
		for _, ev := range evs {
			fmt.Fprintf(stdout, "  record %s %s: %.100s\n", ev.ID, ev.Type, ev.Evidence.Text)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintf(stderr, "extract trace: %v\n", err)
		return 1
	}
	if *doc != "" && !found {
		fmt.Fprintf(stderr, "extract trace: no document %q\n", *doc)
		return 1
	}
	return 0
}
