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
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/ingest"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/output"
	"github.com/rasd-monitor/rasd/pkg/timex"
	"github.com/rasd-monitor/rasd/rules"
)

const usage = `usage: extract [flags] PATH...
       extract eval|gazetteer|dates [flags] ...
       extract help [eval|gazetteer|dates]

Reads Arabic news articles and writes their events as JSONL (docs/SPEC.md)
on stdout, in input order. A PATH is a .txt file (one article; its id is
the file name without extension), a .jsonl file (one {"id","text",...} a
line), either of them gzipped (.txt.gz, .jsonl.gz), a directory (those
files, recursively, in sorted order, hidden ones skipped), or - for
standard input: JSONL, or one plain-text article with id "stdin"
(--stdin, guessed from the first byte when not given).

Every document ends as events, as no events, as skipped (its text is not
Arabic) or as a failure, reported on stderr (or in --errors); the summary
line adds them up. The output and --errors files are never inputs: one
that already is an input is refused. Exit status: 0 no document failed,
1 some failed (the rest were still processed) or the output could not be
written, 2 usage or setup error, 130/143 stopped by SIGINT/SIGTERM after
writing whole lines, 141 stdout closed.

flags:
`

// config is the parsed command line.
type config struct {
	workers     int
	published   string
	rulesDir    string
	gazDir      string
	errorsPath  string
	docTimeout  time.Duration
	maxDoc      int
	stdinFormat ingest.Format
	quiet       bool
	out         outputConfig
	paths       []string
}

// parseArgs parses flags, which may come before or after the paths
// ("--" ends them). ok is false when the command should exit with code:
// 0 after -h or --version (printed on stdout), 2 on a usage error.
func parseArgs(args []string, stdout, stderr io.Writer) (cfg config, code int, ok bool) {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	full := func(w io.Writer) {
		fmt.Fprint(w, usage)
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	// A mistyped flag gets the flag package's one-line complaint and a
	// hint, not the whole manual. (The flag package calls Usage for -h
	// and errors alike.)
	fs.Usage = func() {}
	var stdinFormat string
	var showVersion bool
	fs.IntVar(&cfg.workers, "workers", runtime.NumCPU(), "documents extracted in parallel (output is the same for any value)")
	fs.StringVar(&cfg.published, "published", "", "publication date `YYYY-MM-DD` for documents that give none")
	fs.StringVar(&cfg.rulesDir, "rules", "", "rules `DIR` (holding ar/*.txt) instead of the embedded rules")
	fs.StringVar(&cfg.gazDir, "gazetteer", "", "GeoNames dump `DIR` (IQ.txt, SY.txt, ...) merged into the embedded gazetteer")
	fs.StringVar(&cfg.errorsPath, "errors", "", "write one JSON line per failed or skipped document to `FILE` instead of stderr")
	fs.DurationVar(&cfg.docTimeout, "doc-timeout", 10*time.Second, "time budget of one document; past it the document fails and the batch goes on (0: none)")
	fs.IntVar(&cfg.maxDoc, "max-doc-bytes", 8<<20, "documents (JSONL lines, .txt files, texts) longer than this fail unread: extraction allocates up to ~64x the text, ~320x if every few words are a place or a figure (0: the reader's own 256 MiB)")
	fs.StringVar(&stdinFormat, "stdin", "", "read - as `txt` (one article) or jsonl (default: guessed from the first byte)")
	fs.BoolVar(&cfg.quiet, "quiet", false, "no progress bar and no summary line")
	fs.BoolVar(&showVersion, "version", false, "print the version and exit")
	var outFlags outputFlags
	outFlags.register(fs)

	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				full(stdout)
				return cfg, 0, false
			}
			fmt.Fprintln(stderr, "run 'extract -h' for usage")
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
	if showVersion {
		fmt.Fprintln(stdout, version())
		return cfg, 0, false
	}

	bad := func(format string, a ...any) (config, int, bool) {
		fmt.Fprintf(stderr, "extract: "+format+"\n", a...)
		fmt.Fprintln(stderr, "run 'extract -h' for usage")
		return cfg, 2, false
	}
	if len(cfg.paths) == 0 {
		full(stderr)
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
	var err error
	if cfg.out, err = outFlags.parse(); err != nil {
		return bad("%v", err)
	}
	switch f := ingest.Format(stdinFormat); f {
	case ingest.Guess, ingest.Text, ingest.JSONL:
		cfg.stdinFormat = f
	default:
		return bad("--stdin %q: want txt or jsonl", stdinFormat)
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
	cfg, code, ok := parseArgs(args, stdout, stderr)
	if !ok {
		return code
	}
	b, err := newBatch(ctx, cfg, stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return 2
	}
	return b.run(ctx)
}

// batch is one run of the command: the extractor, built once, and the
// outputs.
type batch struct {
	cfg  config
	opts extract.BatchOptions
	in   ingest.Options
	// stdout and stderr are the command's; errFile is --errors, open.
	stdout, stderr io.Writer
	errFile        *os.File
}

func newBatch(ctx context.Context, cfg config, stdin io.Reader, stdout, stderr io.Writer) (*batch, error) {
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
				fmt.Fprintf(stderr, "extract: gazetteer: %s\n", safeText(e.Error()))
			}
		}
		xo.Gazetteer = g
	}
	x, err := extract.New(xo)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	b := &batch{
		cfg: cfg, stdout: stdout, stderr: stderr,
		opts: extract.BatchOptions{Extractor: x, Workers: cfg.workers, DocTimeout: cfg.docTimeout},
		// JSONL lines are decoded on the workers, not by the one reader.
		in: ingest.Options{Published: cfg.published, DetectPublished: x.Published, Stdin: stdin,
			StdinFormat: cfg.stdinFormat, MaxDocBytes: cfg.maxDoc, DeferDecode: true},
	}
	if err := b.openOutputs(ctx); err != nil {
		return nil, err
	}
	return b, nil
}

// openOutputs makes sure that no output is an input, then opens --errors.
// A file that is both is refused before anything is truncated or read:
// `extract --errors v.jsonl v.jsonl` emptied its input, and an error file
// written inside an input directory was read back as input, growing
// without end. Outputs created by this run are excluded from the inputs.
func (b *batch) openOutputs(ctx context.Context) error {
	var stdoutInfo, stdinInfo os.FileInfo
	if f, ok := b.in.Stdin.(*os.File); ok && slices.Contains(b.cfg.paths, "-") {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			stdinInfo = fi // extract - < v.jsonl
		}
	}
	if f, ok := b.stdout.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			stdoutInfo = fi
			if stdinInfo != nil && os.SameFile(fi, stdinInfo) {
				return errors.New("stdout is the file on stdin: write the output to a file that is not an input")
			}
			if where, found := ingest.Contains(ctx, b.cfg.paths, fi); found {
				return fmt.Errorf("stdout is the input %s: write the output to a file that is not an input", safeName(where))
			}
			b.in.Exclude = append(b.in.Exclude, fi)
		}
	}
	path := b.cfg.errorsPath
	if path == "" {
		return nil
	}
	if fi, err := os.Stat(path); err == nil {
		if stdoutInfo != nil && os.SameFile(fi, stdoutInfo) {
			return fmt.Errorf("--errors %s is stdout too: give it a file of its own", safeName(path))
		}
		if stdinInfo != nil && os.SameFile(fi, stdinInfo) {
			return fmt.Errorf("--errors %s is the file on stdin: refusing to overwrite it; give a file that is not an input", safeName(path))
		}
		if where, found := ingest.Contains(ctx, b.cfg.paths, fi); found {
			return fmt.Errorf("--errors %s is the input %s: refusing to overwrite it; give a file that is not an input", safeName(path), safeName(where))
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--errors: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("--errors: %w", err)
	}
	b.errFile = f
	b.in.Exclude = append(b.in.Exclude, fi)
	return nil
}

// errorRecord is one line of --errors.
type errorRecord struct {
	ID     string `json:"id,omitempty"`
	Where  string `json:"where"`
	Status string `json:"status"` // failed or skipped
	Error  string `json:"error"`
}

// run extracts the inputs and reports on them.
func (b *batch) run(ctx context.Context) int {
	start := time.Now()
	var errOut *bufio.Writer
	var errEnc *json.Encoder
	if b.errFile != nil {
		errOut = bufio.NewWriter(b.errFile)
		errEnc = json.NewEncoder(errOut)
		errEnc.SetEscapeHTML(false) // "<stdin>:3" as written
	}
	prog := newProgress(b.stdout, b.stderr, b.cfg, start)
	var seen extract.BatchStats
	opts := b.opts
	opts.OnDocument = func(r extract.DocResult) error {
		seen.Documents++
		seen.Bytes += r.Bytes
		if r.Status == extract.DocFailed {
			seen.Failed++
		}
		// With the reader of the output gone (extract | head) the
		// documents cut off are no news: the run stops quietly.
		if r.Status != extract.DocOK && !errors.Is(r.Err, syscall.EPIPE) {
			rec := errorRecord{ID: r.ID, Where: r.Where, Status: r.Status.String(), Error: b.reason(r.Err)}
			if errEnc != nil {
				if err := errEnc.Encode(rec); err != nil {
					return fmt.Errorf("--errors: %w", err)
				}
			} else {
				prog.clear()
				fmt.Fprintln(b.stderr, reportLine(rec))
			}
		}
		prog.update(seen)
		return nil
	}
	// The records are encoded in --format on the workers; the writer adds
	// what comes once (the CSV header, the GeoJSON collection around the
	// features). What --format or --area leaves out is counted, not lost.
	var left outCounts
	var mu sync.Mutex
	opts.Encode = func(dst []byte, evs []model.Event) ([]byte, error) {
		dst, n, err := b.cfg.out.appendEvents(dst, evs)
		mu.Lock()
		left.add(n)
		mu.Unlock()
		return dst, err
	}
	var out io.Writer = b.stdout // JSONL needs no framing
	var records *output.Writer
	if b.cfg.out.format != output.JSONL {
		records = output.NewWriter(b.stdout, b.cfg.out.format)
		out = recordWriter{records}
	}
	stats, err := extract.Batch(ctx, ingest.Files(ctx, b.cfg.paths, b.in), out, opts)
	if records != nil {
		if cerr := records.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("write: %w", cerr)
		}
	}
	if errOut != nil {
		if ferr := errOut.Flush(); ferr != nil && err == nil {
			err = fmt.Errorf("--errors: %w", ferr)
		}
		if cerr := b.errFile.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("--errors: %w", cerr)
		}
	}
	prog.finish()

	if errors.Is(err, syscall.EPIPE) {
		// The reader of our output has gone (extract | head): stop
		// quietly, like any filter killed by SIGPIPE.
		return 128 + int(syscall.SIGPIPE)
	}
	code := 0
	if stats.Failed > 0 {
		code = 1
	}
	var sig interrupted
	switch {
	case errors.As(err, &sig):
		if !b.cfg.quiet {
			fmt.Fprintf(b.stderr, "extract: %v; output ends after the last whole document\n", sig)
		}
		code = sig.exitCode()
	case err != nil:
		fmt.Fprintf(b.stderr, "extract: %s\n", safeText(err.Error()))
		code = 1
	}
	if !b.cfg.quiet {
		mu.Lock() // a worker abandoned on a failed write may still encode
		left.report(b.stderr, "extract", "events")
		mu.Unlock()
		fmt.Fprintf(b.stderr, "extract: %d documents, %d ok, %d failed, %d skipped, %d events in %.1fs\n",
			stats.Documents, stats.OK, stats.Failed, stats.Skipped, stats.Events, time.Since(start).Seconds())
	}
	return code
}

// reason is a document's error as the command words it: the size limit
// by the flag that sets it.
func (b *batch) reason(err error) string {
	var tooLarge *ingest.TooLargeError
	if errors.As(err, &tooLarge) {
		return fmt.Sprintf("%s of %d bytes is over --max-doc-bytes %d; not read (extraction allocates up to ~64x the text, ~320x if every few words are a place or a figure; raise the limit to try)",
			tooLarge.What, tooLarge.Size, tooLarge.Limit)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return err.Error() + " (--doc-timeout)"
	}
	return err.Error()
}

// reportLine is one document's failure or skip on stderr, on one line
// whatever its file name or message hold.
func reportLine(rec errorRecord) string {
	if rec.Status == extract.DocSkipped.String() {
		return fmt.Sprintf("extract: %s: skipped: %s", safeName(rec.Where), safeText(rec.Error))
	}
	return fmt.Sprintf("extract: %s: %s", safeName(rec.Where), safeText(rec.Error))
}

// recordWriter lets the batch write whole documents' records through an
// output.Writer, which frames them. A failed write counts as writing
// nothing, so the documents in it fail rather than pass for written.
type recordWriter struct{ w *output.Writer }

func (r recordWriter) Write(p []byte) (int, error) {
	if err := r.w.Write(p); err != nil {
		return 0, err
	}
	return len(p), nil
}
