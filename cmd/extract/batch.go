package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/ingest"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
	"github.com/rasd-monitor/rasd/rules"
)

const usage = `usage: extract [flags] PATH...
       extract eval|gazetteer|dates [flags] ...

Reads Arabic news articles and writes their events as JSONL (SPEC.md) on
stdout, in input order. A PATH is a .txt file (one article; its id is the
file name without extension), a .jsonl file (one {"id","text",...} a line),
a directory (its .txt and .jsonl files, recursively, in sorted order,
hidden ones skipped), - for JSONL on stdin, or a pipe such as <(zcat x.gz).

Every document ends as events, as no events, or as a failure reported on
stderr (or in --errors). Exit status: 0 all documents succeeded, 1 some
failed (the rest were still processed), 2 usage or setup error, 130/143
stopped by SIGINT/SIGTERM after writing whole lines, 141 stdout closed.

flags:
`

// config is the parsed command line.
type config struct {
	workers    int
	published  string
	rulesDir   string
	gazDir     string
	errorsPath string
	docTimeout time.Duration
	maxDoc     int
	quiet      bool
	paths      []string
}

// parseArgs parses flags, which may come before or after the paths
// ("--" ends them). ok is false when the command should exit with code.
func parseArgs(args []string, stderr io.Writer) (cfg config, code int, ok bool) {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	full := func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	// A mistyped flag gets the flag package's one-line complaint and a
	// hint, not the whole manual.
	fs.Usage = func() { fmt.Fprintln(stderr, "run 'extract -h' for usage") }
	fs.IntVar(&cfg.workers, "workers", runtime.NumCPU(), "documents extracted in parallel (output is the same for any value)")
	fs.StringVar(&cfg.published, "published", "", "publication date `YYYY-MM-DD` for documents that give none")
	fs.StringVar(&cfg.rulesDir, "rules", "", "rules `DIR` (holding ar/*.txt) instead of the embedded rules")
	fs.StringVar(&cfg.gazDir, "gazetteer", "", "GeoNames dump `DIR` (IQ.txt, SY.txt, ...) merged into the embedded gazetteer")
	fs.StringVar(&cfg.errorsPath, "errors", "", "write one JSON line per failed document to `FILE` instead of stderr")
	fs.DurationVar(&cfg.docTimeout, "doc-timeout", 10*time.Second, "time budget of one document; past it the document fails and the batch goes on (0: none)")
	fs.IntVar(&cfg.maxDoc, "max-doc-bytes", 8<<20, "documents with more text fail instead of being extracted: extraction holds ~30x the text in memory (0: no limit)")
	fs.BoolVar(&cfg.quiet, "quiet", false, "no progress bar and no summary line")

	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				full()
				return cfg, 0, false
			}
			return cfg, 2, false
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			cfg.paths = append(cfg.paths, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		cfg.paths = append(cfg.paths, rest[0])
		args = rest[1:]
	}

	bad := func(format string, a ...any) (config, int, bool) {
		fmt.Fprintf(stderr, "extract: "+format+"\n", a...)
		fmt.Fprintln(stderr, "run 'extract -h' for usage")
		return cfg, 2, false
	}
	if len(cfg.paths) == 0 {
		full()
		return cfg, 2, false
	}
	if cfg.workers < 1 {
		return bad("--workers must be at least 1, not %d", cfg.workers)
	}
	if cfg.docTimeout < 0 {
		return bad("--doc-timeout must not be negative")
	}
	if cfg.maxDoc < 0 {
		return bad("--max-doc-bytes must not be negative")
	}
	if cfg.published != "" {
		d, err := timex.ParsePublished(cfg.published)
		if err != nil {
			return bad("--published: %v", err)
		}
		cfg.published = d
	}
	if cfg.rulesDir != "" {
		if fi, err := os.Stat(filepath.Join(cfg.rulesDir, "ar")); err != nil || !fi.IsDir() {
			return bad("--rules %s: want a directory holding ar/*.txt (like rules/ of the repository)", cfg.rulesDir)
		}
	}
	return cfg, 0, true
}

// runBatch is `extract [flags] PATH...`.
func runBatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, code, ok := parseArgs(args, stderr)
	if !ok {
		return code
	}
	b, err := newBatch(cfg, stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return 2
	}
	return b.run(ctx)
}

// batch is one run of the command: the extractor, built once, and the
// outputs.
type batch struct {
	cfg config
	// extract is (*extract.Extractor).Extract of the extractor built once;
	// a func so tests can stand in a misbehaving one.
	extract func(context.Context, model.Document) ([]model.Event, error)
	opts    ingest.Options
	stdout  io.Writer
	stderr  io.Writer
	errFile *os.File
	// grace is how long a worker waits past a document's deadline for
	// Extract to return before abandoning it.
	grace time.Duration
}

func newBatch(cfg config, stdin io.Reader, stdout, stderr io.Writer) (*batch, error) {
	rulesFS := rules.Default()
	if cfg.rulesDir != "" {
		rulesFS = rules.Dir(cfg.rulesDir)
	}
	xo := extract.Options{Rules: rulesFS}
	if cfg.gazDir != "" {
		g, stats, err := gazetteer.Load(cfg.gazDir)
		if err != nil {
			return nil, fmt.Errorf("--gazetteer %s: %w", cfg.gazDir, err)
		}
		if !cfg.quiet {
			fmt.Fprintf(stderr, "extract: gazetteer %s: %d places, %d skipped, %d errors\n",
				cfg.gazDir, stats.Places, stats.Skipped, len(stats.Errors))
			for i, e := range stats.Errors {
				if i == 5 {
					fmt.Fprintf(stderr, "extract: gazetteer: (and %d more errors)\n", len(stats.Errors)-5)
					break
				}
				fmt.Fprintf(stderr, "extract: gazetteer: %v\n", e)
			}
		}
		xo.Gazetteer = g
	}
	x, err := extract.New(xo)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	tagger, err := timex.New(rulesFS)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	b := &batch{
		cfg: cfg, extract: x.Extract, stdout: stdout, stderr: stderr, grace: 2 * time.Second,
		opts: ingest.Options{Published: cfg.published, DetectPublished: tagger.Published, Stdin: stdin},
	}
	if cfg.errorsPath != "" {
		f, err := os.Create(cfg.errorsPath)
		if err != nil {
			return nil, fmt.Errorf("--errors: %w", err)
		}
		b.errFile = f
	}
	return b, nil
}

// job is one document on its way through the pool. The reader creates it,
// a worker fills in out/events/err and closes done, the writer consumes it
// in input order.
type job struct {
	item   ingest.Item
	done   chan struct{}
	out    []byte // the document's events, one JSON line each
	events int
	err    error
}

// errorRecord is one line of --errors.
type errorRecord struct {
	ID    string `json:"id,omitempty"`
	Where string `json:"where"`
	Error string `json:"error"`
}

type tally struct {
	docs, ok, failed, events int
	bytes                    int64
}

var errStdoutClosed = errors.New("stdout closed")

// run streams the documents through a bounded worker pool and writes
// their events in input order.
//
// Ordering: the reader hands every job both to the workers and, in input
// order, to the pending queue; the writer takes pending jobs one by one
// and waits for each to be done. pending's capacity is the look-ahead, so
// at most look-ahead + workers + 1 documents are in memory whatever the
// corpus size, and the output does not depend on which worker finishes
// first.
func (b *batch) run(ctx context.Context) int {
	start := time.Now()
	// work ends the reader and the workers when the writer stops early
	// (a signal, a closed stdout); ctx alone ends on signals.
	work, stopWork := context.WithCancel(ctx)
	defer stopWork()

	// The look-ahead lets the other workers run on while one document is
	// slow (p99 is ~20x p50 on the bench corpus); documents are small, so
	// even 64 of them in flight is little memory.
	lookahead := max(64, 16*b.cfg.workers)
	jobs := make(chan *job, b.cfg.workers)
	pending := make(chan *job, lookahead)

	go func() {
		defer close(pending)
		defer close(jobs)
		_ = ingest.Read(work, b.cfg.paths, b.opts, func(it ingest.Item) error {
			j := &job{item: it, done: make(chan struct{})}
			if it.Err != nil {
				j.err = it.Err
				close(j.done)
			} else {
				select {
				case jobs <- j:
				case <-work.Done():
					return work.Err()
				}
			}
			select {
			case pending <- j:
				return nil
			case <-work.Done():
				return work.Err()
			}
		})
	}()
	for range b.cfg.workers {
		go func() {
			for j := range jobs {
				b.process(work, j)
				j.item.Doc.Text = "" // done with; the job may wait in the queue
				close(j.done)
			}
		}()
	}

	out := bufio.NewWriterSize(b.stdout, 256<<10)
	var errOut *bufio.Writer
	if b.errFile != nil {
		errOut = bufio.NewWriter(b.errFile)
	}
	prog := newProgress(b.stdout, b.stderr, b.cfg, start)
	var t tally
	var writeErr error

loop:
	for {
		var j *job
		var more bool
		select {
		case j, more = <-pending:
		default:
			// The input has stalled (a trickle on stdin, say): let what is
			// done be seen now rather than when the buffer fills.
			if err := flush(out, errOut); err != nil {
				writeErr = err
				break loop
			}
			select {
			case j, more = <-pending:
			case <-ctx.Done():
				break loop
			}
		}
		if !more {
			break loop
		}
		select {
		case <-j.done:
		case <-ctx.Done():
			break loop
		}
		if ctx.Err() != nil {
			break loop // a job cut short by the signal is not counted
		}
		t.docs++
		t.bytes += j.item.Bytes
		if j.err != nil {
			t.failed++
			rec := errorRecord{ID: j.item.Doc.ID, Where: j.item.Where, Error: j.err.Error()}
			if errOut != nil {
				line, _ := json.Marshal(rec)
				if _, err := errOut.Write(append(line, '\n')); err != nil {
					writeErr = fmt.Errorf("--errors: %w", err)
					break loop
				}
			} else {
				prog.clear()
				fmt.Fprintf(b.stderr, "extract: %s: %s\n", rec.Where, rec.Error)
			}
		} else {
			t.ok++
			t.events += j.events
			if _, err := out.Write(j.out); err != nil {
				writeErr = err
				break loop
			}
		}
		prog.update(t)
	}
	stopWork()
	if writeErr == nil {
		writeErr = flush(out, errOut)
	}
	if errOut != nil {
		if err := b.errFile.Close(); err != nil && writeErr == nil {
			writeErr = fmt.Errorf("--errors: %w", err)
		}
	}
	prog.finish()

	if errors.Is(writeErr, syscall.EPIPE) {
		// The reader of our output has gone (extract | head): stop
		// quietly, like any filter killed by SIGPIPE.
		return 128 + int(syscall.SIGPIPE)
	}
	code := 0
	if t.failed > 0 {
		code = 1
	}
	if writeErr != nil {
		fmt.Fprintf(b.stderr, "extract: write: %v\n", writeErr)
		code = 1
	}
	var sig interrupted
	if errors.As(context.Cause(ctx), &sig) {
		if !b.cfg.quiet {
			fmt.Fprintf(b.stderr, "extract: %v; output ends after the last whole document\n", sig)
		}
		code = sig.exitCode()
	}
	if !b.cfg.quiet {
		fmt.Fprintf(b.stderr, "extract: %d documents, %d ok, %d failed, %d events in %.1fs\n",
			t.docs, t.ok, t.failed, t.events, time.Since(start).Seconds())
	}
	return code
}

// flush writes out what the buffers hold; both end in whole lines, since
// the writer only ever adds whole documents.
func flush(out, errOut *bufio.Writer) error {
	if err := out.Flush(); err != nil {
		return err
	}
	if errOut != nil {
		if err := errOut.Flush(); err != nil {
			return fmt.Errorf("--errors: %w", err)
		}
	}
	return nil
}

type result struct {
	events []model.Event
	err    error
}

// process extracts one document into j. Extract runs in its own goroutine
// so that a document whose Extract ignores its deadline (a bug) cannot hold
// the batch: past the deadline and a grace period the document is reported
// failed and the worker moves on, leaving that goroutine behind to finish
// or not. Panics become the document's failure too.
func (b *batch) process(ctx context.Context, j *job) {
	// Memory is the other runaway: a 20 MB text took ~580 MB of RSS.
	if n := len(j.item.Doc.Text); b.cfg.maxDoc > 0 && n > b.cfg.maxDoc {
		j.err = fmt.Errorf("text of %d bytes is over --max-doc-bytes %d (extraction needs ~30x the text in memory; raise the limit to try)", n, b.cfg.maxDoc)
		return
	}
	dctx, cancel := ctx, context.CancelFunc(func() {})
	if b.cfg.docTimeout > 0 {
		dctx, cancel = context.WithTimeout(ctx, b.cfg.docTimeout)
	}
	defer cancel()
	ch := make(chan result, 1)
	doc := j.item.Doc // an abandoned goroutine must not share j
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{err: fmt.Errorf("internal error: extractor panicked: %v\n%s", r, firstFrames(debug.Stack()))}
			}
		}()
		evs, err := b.extract(dctx, doc)
		ch <- result{events: evs, err: err}
	}()
	var r result
	select {
	case r = <-ch:
	case <-dctx.Done():
		timer := time.NewTimer(b.grace)
		select {
		case r = <-ch:
		case <-timer.C:
			r.err = fmt.Errorf("internal error: extractor did not return within %v of the document's deadline; abandoned", b.grace)
		}
		timer.Stop()
	}
	if r.err != nil {
		if errors.Is(r.err, context.DeadlineExceeded) && errors.Is(dctx.Err(), context.DeadlineExceeded) {
			r.err = fmt.Errorf("timed out after %v (--doc-timeout)", b.cfg.docTimeout)
		}
		j.err = r.err
		return
	}
	// The spans are not checked again here: Extract checks every record
	// against the text (SPEC "Offsets") and fails the document otherwise;
	// checking twice cost ~5% of the run.
	var buf []byte
	for i := range r.events {
		ev := &r.events[i]
		line, err := json.Marshal(ev)
		if err != nil {
			j.err = fmt.Errorf("internal error: encoding event %s: %w", ev.ID, err)
			return
		}
		buf = append(append(buf, line...), '\n')
	}
	j.out, j.events = buf, len(r.events)
}

// firstFrames keeps the top of a panic's stack: enough to find the bug,
// short enough for an error line.
func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 16 {
		lines = lines[:16]
	}
	return strings.Join(lines, "\n")
}
