package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rasd-monitor/rasd/internal/eval"
	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/ingest"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
	"github.com/rasd-monitor/rasd/rules"
)

const evalUsage = `usage: extract eval --gold FILE --docs PATH [--pred FILE] [--json] [--published YYYY-MM-DD] [--rules DIR] [--gazetteer DIR] [-v]

Scores events against gold events (gold/README.md): event precision, recall
and F1, each slot, and overall = correct slots / (gold slots + unmatched and
duplicate predictions). Runs the extractor over the documents of --docs (a
directory of .txt, a .txt or a .jsonl), or scores the SPEC event JSONL of
--pred; the documents are read either way, to locate the gold anchors and to
know which documents have a publication date (dates are scored only there).
Only documents the gold file names are scored.

Exit status: 0 scored, 1 a file could not be read, 2 usage error.

flags:
`

// evalConfig is the parsed `extract eval` command line.
type evalConfig struct {
	gold, docs, pred string
	published        string
	rulesDir, gazDir string
	asJSON, verbose  bool
}

// parseEvalArgs parses the command line; ok is false when the command
// should exit with code (0 after -h, 2 on a usage error).
func parseEvalArgs(args []string, stdout, stderr io.Writer) (c evalConfig, code int, ok bool) {
	fs := flag.NewFlagSet("extract eval", flag.ContinueOnError)
	fs.StringVar(&c.gold, "gold", "", "gold events `FILE` (JSONL, gold/README.md)")
	fs.StringVar(&c.docs, "docs", "", "the documents: a directory of .txt, a .txt or a .jsonl `PATH`")
	fs.StringVar(&c.pred, "pred", "", "score the predicted events of `FILE` (SPEC JSONL) instead of running the extractor")
	fs.BoolVar(&c.asJSON, "json", false, "print the report as one JSON object")
	fs.StringVar(&c.published, "published", "", "publication date (`YYYY-MM-DD`) for documents that carry none")
	fs.StringVar(&c.rulesDir, "rules", "", "rules `DIR` (holding ar/*.txt) instead of the embedded rules")
	fs.StringVar(&c.gazDir, "gazetteer", "", "GeoNames dump `DIR` (IQ.txt, SY.txt, ...) merged into the embedded gazetteer")
	fs.BoolVar(&c.verbose, "v", false, "list per gold event what matched and which slots failed, and the unmatched predictions")
	if code, ok := parseFlags(fs, strings.TrimSuffix(evalUsage, "\n"), args, stdout, stderr); !ok {
		return c, code, false
	}
	bad := func(format string, a ...any) (evalConfig, int, bool) {
		fmt.Fprintf(stderr, "extract eval: "+format+"\n", a...)
		fmt.Fprintln(stderr, "run 'extract eval -h' for usage")
		return c, 2, false
	}
	switch {
	case fs.NArg() > 0:
		return bad("unexpected argument %q", fs.Arg(0))
	case c.gold == "":
		return bad("--gold is required")
	case c.docs == "":
		return bad("--docs is required (anchors are located in the document texts)")
	case c.pred != "" && (c.rulesDir != "" || c.gazDir != ""):
		return bad("--rules and --gazetteer configure the extractor; they mean nothing with --pred")
	}
	if c.published != "" {
		d, err := timex.ParsePublished(c.published)
		if err != nil {
			return bad("--published: %v", err)
		}
		c.published = d
	}
	return c, 0, true
}

// runEval implements `extract eval`.
func runEval(args []string, stdout, stderr io.Writer) int {
	c, code, ok := parseEvalArgs(args, stdout, stderr)
	if !ok {
		return code
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "extract eval: %v\n", err)
		return 1
	}

	gold, err := readGoldFile(c.gold)
	if err != nil {
		return fail(err)
	}
	wanted := map[string]bool{}
	for _, g := range gold {
		wanted[g.DocID] = true
	}

	rulesFS := rules.Default()
	if c.rulesDir != "" {
		rulesFS = rules.Dir(c.rulesDir)
	}
	tagger, err := timex.New(rules.Open(rulesFS, ""))
	if err != nil {
		return fail(fmt.Errorf("rules: %w", err))
	}

	// Only the gold's documents are kept: the texts are all scoring needs,
	// and extracting the rest of a corpus would be wasted work.
	ctx := context.Background()
	docs := map[string]model.Document{}
	var order []string
	var readErrs []error
	err = ingest.Read(ctx, []string{c.docs}, ingest.Options{Published: c.published, DetectPublished: tagger.Published},
		func(it ingest.Item) error {
			switch {
			case it.Err != nil:
				readErrs = append(readErrs, fmt.Errorf("%s: %w", it.Where, it.Err))
			case wanted[it.Doc.ID]:
				docs[it.Doc.ID] = it.Doc
				order = append(order, it.Doc.ID)
			}
			return nil
		})
	if err != nil {
		readErrs = append(readErrs, err)
	}
	if len(readErrs) > 0 {
		// A document that cannot be read might be one the gold scores;
		// numbers computed without it would be quietly wrong.
		return fail(fmt.Errorf("reading --docs:\n%w", errors.Join(readErrs...)))
	}

	var preds []model.Event
	if c.pred != "" {
		if preds, err = readPredFile(c.pred); err != nil {
			return fail(err)
		}
	} else {
		xo := extract.Options{Rules: rulesFS}
		if c.gazDir != "" {
			g, stats, err := gazetteer.Load(c.gazDir)
			if err != nil {
				return fail(fmt.Errorf("--gazetteer %s: %w", c.gazDir, err))
			}
			if len(stats.Errors) > 0 {
				// Bad rows are skipped by Load; say so, since they can
				// move the place and admin1 scores.
				fmt.Fprintf(stderr, "extract eval: warning: --gazetteer %s: %d rows skipped as malformed, first: %v\n",
					c.gazDir, len(stats.Errors), stats.Errors[0])
			}
			xo.Gazetteer = g
		}
		x, err := extract.New(xo)
		if err != nil {
			return fail(fmt.Errorf("rules: %w", err))
		}
		for _, id := range order {
			evs, err := x.Extract(ctx, docs[id])
			if err != nil {
				return fail(fmt.Errorf("extracting %s: %w", id, err))
			}
			preds = append(preds, evs...)
		}
	}

	r := eval.Score(eval.Input{Gold: gold, Docs: docs, Preds: preds})
	for _, w := range r.Warnings {
		fmt.Fprintf(stderr, "extract eval: warning: %s\n", w)
	}
	if !c.verbose {
		r.Docs = nil
	}
	if c.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		err = enc.Encode(r)
	} else {
		err = eval.WriteText(stdout, r, c.verbose)
	}
	if err != nil {
		return fail(err)
	}
	return 0
}

func readGoldFile(path string) ([]eval.Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--gold: %w", err)
	}
	defer f.Close()
	return eval.ReadGold(f, path)
}

// readPredFile reads SPEC event JSONL; every malformed line is reported.
func readPredFile(path string) ([]model.Event, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--pred: %w", err)
	}
	defer f.Close()
	var out []model.Event
	var errs []error
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), ingest.DefaultMaxDocBytes)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var e model.Event
		if err := json.Unmarshal(line, &e); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %v", path, n, err))
			continue
		}
		if e.DocID == "" {
			errs = append(errs, fmt.Errorf("%s:%d: doc_id is missing", path, n))
			continue
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", path, err))
	}
	return out, errors.Join(errs...)
}
