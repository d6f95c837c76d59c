package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/rasd-monitor/rasd/pkg/ingest"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// BatchOptions configure Batch.
type BatchOptions struct {
	// Extractor extracts every document; required unless Extract is set.
	Extractor *Extractor
	// Extract, when set, is called instead of Extractor.Extract: a wrapper
	// (a cache, metrics) or, in tests, a stand-in that misbehaves.
	Extract func(context.Context, model.Document) ([]model.Event, error)
	// Workers is how many documents are extracted at once (0:
	// GOMAXPROCS). The output is the same for any value.
	Workers int
	// DocTimeout is one document's time budget (0: none); past it the
	// document fails and the batch goes on.
	DocTimeout time.Duration
	// Abandon is how long past a document's deadline Batch waits for an
	// Extract that ignores its context (a bug) before it reports the
	// document failed and moves on, leaving that goroutine behind, since
	// Go cannot stop it (0: 2s).
	Abandon time.Duration
	// Encode, if set, turns one document's events into output bytes
	// appended to dst, instead of JSONL lines: the command's CSV and
	// GeoJSON. It runs on the workers, so it must be safe for concurrent
	// use, and it must write whole records.
	Encode func(dst []byte, events []model.Event) ([]byte, error)
	// OnDocument, if set, is called for every document, in input order and
	// from one goroutine, once its outcome is final: its events written to
	// out, or failed, or skipped. An error it returns stops the batch and
	// is Batch's error.
	OnDocument func(DocResult) error
}

// Status is how a document of a batch ended.
type Status int8

// Document outcomes.
const (
	// DocOK: extracted, and its events (maybe none) written.
	DocOK Status = iota
	// DocFailed: unreadable, over a limit, timed out, failed in
	// extraction, or its events could not be written.
	DocFailed
	// DocSkipped: not Arabic text (ErrNotArabic), so nothing to extract.
	DocSkipped
)

func (s Status) String() string {
	switch s {
	case DocOK:
		return "ok"
	case DocFailed:
		return "failed"
	case DocSkipped:
		return "skipped"
	}
	return fmt.Sprintf("Status(%d)", s)
}

// DocResult is the outcome of one document of a batch.
type DocResult struct {
	// ID is the document's id; empty when it could not be read.
	ID string
	// Where names the input: "dir/a.txt", "docs.jsonl:12", "<stdin>:3".
	Where  string
	Status Status
	// Err says why the document failed or was skipped.
	Err error
	// Events is how many events were written for it.
	Events int
	// Bytes is the input it took, for throughput figures.
	Bytes int64
}

// BatchStats adds up a batch: Documents = OK + Failed + Skipped.
type BatchStats struct {
	Documents, OK, Failed, Skipped int
	Events                         int
	Bytes                          int64
}

func (s *BatchStats) add(r DocResult) {
	s.Documents++
	s.Bytes += r.Bytes
	switch r.Status {
	case DocOK:
		s.OK++
		s.Events += r.Events
	case DocFailed:
		s.Failed++
	case DocSkipped:
		s.Skipped++
	}
}

// Batch extracts the documents of in with a pool of workers and writes
// their events to out as JSONL (one record a line, the SPEC's JSON), in
// input order, whatever the number of workers: this is the extract
// command, for embedders. Items of in that carry an error are reported
// failed; ingest.Files gives the command's input policy. Items read with
// ingest.Options.DeferDecode are decoded on the workers and checked for
// duplicate ids in input order (Item.Decode, Item.Settle): the reader
// then only splits lines, so it keeps up with any number of workers.
//
// Every document ends as written events, as a failure or as a skip,
// reported through OnDocument and counted in the stats; a document counts
// as written only once its bytes have reached out, so a full disk fails
// the documents it cut off rather than reporting them written. Output
// ends after a whole document.
//
// Batch returns after in is exhausted, or early with a non-nil error: the
// error of a write to out (the documents written until then are counted),
// the error of OnDocument, or ctx's cause when ctx ends (documents still
// in flight are then neither written nor counted).
//
// Memory stays flat however many documents stream through: at most a
// bounded look-ahead of documents is held.
func Batch(ctx context.Context, in iter.Seq[ingest.Item], out io.Writer, opts BatchOptions) (BatchStats, error) {
	extract := opts.Extract
	if extract == nil {
		if opts.Extractor == nil {
			return BatchStats{}, errors.New("extract.Batch: no Extractor")
		}
		extract = opts.Extractor.Extract
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	r := &batchRun{extract: extract, timeout: opts.DocTimeout, abandon: opts.Abandon, encode: opts.Encode}
	if r.encode == nil {
		r.encode = appendJSONL
	}
	if r.abandon <= 0 {
		r.abandon = 2 * time.Second
	}
	return r.run(ctx, in, out, workers, opts.OnDocument)
}

// batchRun is one call of Batch.
type batchRun struct {
	extract func(context.Context, model.Document) ([]model.Event, error)
	encode  func([]byte, []model.Event) ([]byte, error)
	timeout time.Duration
	abandon time.Duration
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

// flushAt is how much output is gathered before it is written.
const flushAt = 256 << 10

// run streams the documents through the workers and writes their events
// in input order.
//
// Ordering: the reader hands every job both to the workers and, in input
// order, to the pending queue; the writer takes pending jobs one by one
// and waits for each to be done. pending's capacity is the look-ahead, so
// at most look-ahead + workers + 1 documents are in memory whatever the
// corpus size, and the output does not depend on which worker finishes
// first.
func (r *batchRun) run(ctx context.Context, in iter.Seq[ingest.Item], out io.Writer, workers int, onDoc func(DocResult) error) (BatchStats, error) {
	// work ends the reader and the workers when the writer stops early
	// (ctx, a failed write).
	work, stopWork := context.WithCancel(ctx)
	defer stopWork()

	// The look-ahead lets the other workers run on while one document is
	// slow (p99 is ~20x p50 on the bench corpus); documents are small, so
	// even 64 of them in flight is little memory.
	lookahead := max(64, 16*workers)
	jobs := make(chan *job, workers)
	pending := make(chan *job, lookahead)

	go func() {
		defer close(pending)
		defer close(jobs)
		for it := range in {
			j := &job{item: it, done: make(chan struct{})}
			if it.Err != nil {
				j.err = it.Err
				close(j.done)
			} else {
				select {
				case jobs <- j:
				case <-work.Done():
					return
				}
			}
			select {
			case pending <- j:
			case <-work.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			rn := r.newRunner()
			for j := range jobs {
				rn = r.process(work, j, rn)
				j.item.Doc.Text = "" // done with; the job may wait in the queue
				close(j.done)
			}
			close(rn.calls)
		}()
	}

	w := &orderedWriter{out: out, onDoc: onDoc}
	err := r.write(ctx, pending, w)
	stopWork()
	if ferr := w.flush(); err == nil {
		err = ferr
	}
	if err == nil && ctx.Err() != nil {
		err = context.Cause(ctx)
	}
	return w.stats, err
}

// write consumes the pending jobs in order until they run out, ctx ends
// or a write fails.
func (r *batchRun) write(ctx context.Context, pending <-chan *job, w *orderedWriter) error {
	for {
		var j *job
		var more bool
		select {
		case j, more = <-pending:
		default:
			// The input has stalled (a trickle on stdin, say): let what is
			// done be seen now rather than when the buffer fills.
			if err := w.flush(); err != nil {
				return err
			}
			select {
			case j, more = <-pending:
			case <-ctx.Done():
				return nil
			}
		}
		if !more {
			return nil
		}
		select {
		case <-j.done:
		case <-ctx.Done():
			return nil
		}
		if ctx.Err() != nil {
			return nil // a job cut short by ctx is not counted
		}
		// A deferred item's duplicate check, in input order.
		if j.item.Settle(); j.item.Err != nil && j.err == nil {
			j.err, j.out, j.events = j.item.Err, nil, 0
		}
		res := DocResult{ID: j.item.Doc.ID, Where: j.item.Where, Bytes: j.item.Bytes, Err: j.err}
		switch {
		case j.err == nil:
			res.Status, res.Events = DocOK, j.events
		case errors.Is(j.err, ErrNotArabic):
			res.Status = DocSkipped
		default:
			res.Status = DocFailed
		}
		w.add(res, j.out)
		if len(w.buf) >= flushAt {
			if err := w.flush(); err != nil {
				return err
			}
		}
	}
}

// orderedWriter gathers whole documents' output and writes it in one
// call, keeping each document's outcome until the bytes before it have
// been written: a write that fails partway (a full disk) fails exactly
// the documents it did not write.
type orderedWriter struct {
	out   io.Writer
	onDoc func(DocResult) error
	buf   []byte
	held  []heldDoc
	stats BatchStats
}

// heldDoc is a document whose outcome waits for the write of buf[:end].
type heldDoc struct {
	res DocResult
	end int
}

func (w *orderedWriter) add(res DocResult, out []byte) {
	w.buf = append(w.buf, out...)
	w.held = append(w.held, heldDoc{res, len(w.buf)})
}

// flush writes the buffer and reports the documents held behind it.
func (w *orderedWriter) flush() error {
	var n int
	var werr error
	if len(w.buf) > 0 {
		n, werr = w.out.Write(w.buf)
		if werr == nil && n < len(w.buf) {
			werr = io.ErrShortWrite
		}
	}
	if werr != nil {
		werr = fmt.Errorf("write: %w", werr)
	}
	held := w.held
	w.buf, w.held = w.buf[:0], w.held[:0]
	for _, h := range held {
		if h.res.Status == DocOK && h.end > n && werr != nil {
			h.res.Status, h.res.Events = DocFailed, 0
			h.res.Err = fmt.Errorf("events not written: %w", werr)
		}
		w.stats.add(h.res)
		if w.onDoc != nil {
			if err := w.onDoc(h.res); err != nil {
				return err
			}
		}
	}
	return werr
}

// timeoutError is a document past BatchOptions.DocTimeout; it is a
// context.DeadlineExceeded.
type timeoutError struct{ after time.Duration }

func (e timeoutError) Error() string { return fmt.Sprintf("timed out after %v", e.after) }
func (e timeoutError) Unwrap() error { return context.DeadlineExceeded }

type result struct {
	events []model.Event
	err    error
}

// runner is the goroutine a worker runs Extract on, so that a document
// whose Extract ignores its deadline (a bug) cannot hold the batch: the
// worker abandons the runner and takes a new one. A runner serves
// document after document, keeping the stack it grew (a goroutine per
// document grew one from scratch each time: 2% of the run).
type runner struct {
	calls chan call
	res   chan result // buffered: an abandoned runner delivers and leaves
}

type call struct {
	ctx context.Context
	doc model.Document
}

func (r *batchRun) newRunner() *runner {
	rn := &runner{calls: make(chan call), res: make(chan result, 1)}
	go func() {
		for c := range rn.calls {
			rn.res <- r.call(c.ctx, c.doc)
		}
	}()
	return rn
}

// call runs Extract; a panic becomes the document's failure.
func (r *batchRun) call(ctx context.Context, doc model.Document) (res result) {
	defer func() {
		if p := recover(); p != nil {
			res = result{err: fmt.Errorf("internal error: extractor panicked: %v\n%s", p, firstFrames(debug.Stack()))}
		}
	}()
	evs, err := r.extract(ctx, doc)
	return result{events: evs, err: err}
}

// process extracts one document into j on the runner rn and returns the
// runner for the next document: past the document's deadline and the
// Abandon period the document is reported failed and rn left behind to
// finish or not, and a new runner takes over.
func (r *batchRun) process(ctx context.Context, j *job, rn *runner) *runner {
	if j.item.Decode(); j.item.Err != nil {
		j.err = j.item.Err
		return rn
	}
	dctx, cancel := ctx, context.CancelFunc(func() {})
	if r.timeout > 0 {
		dctx, cancel = context.WithTimeout(ctx, r.timeout)
	}
	defer cancel()
	rn.calls <- call{dctx, j.item.Doc} // an abandoned runner must not share j
	var res result
	select {
	case res = <-rn.res:
	case <-dctx.Done():
		timer := time.NewTimer(r.abandon)
		select {
		case res = <-rn.res:
		case <-timer.C:
			res.err = fmt.Errorf("internal error: extractor did not return within %v of the document's deadline; abandoned", r.abandon)
			close(rn.calls) // it leaves once Extract returns, if ever
			rn = r.newRunner()
		}
		timer.Stop()
	}
	if res.err != nil {
		if errors.Is(res.err, context.DeadlineExceeded) && errors.Is(dctx.Err(), context.DeadlineExceeded) {
			res.err = timeoutError{r.timeout}
		}
		j.err = res.err
		return rn
	}
	// The spans are not checked again here: Extract checks every record
	// against the text (SPEC "Offsets") and fails the document otherwise;
	// checking twice cost ~5% of the run.
	buf, err := r.encode(nil, res.events)
	if err != nil {
		j.err = err
		return rn
	}
	j.out, j.events = buf, len(res.events)
	return rn
}

// appendJSONL is the default encoding: one SPEC record a line.
func appendJSONL(dst []byte, events []model.Event) ([]byte, error) {
	for i := range events {
		ev := &events[i]
		// MarshalJSON's output is json.Marshal's, compact and escaped:
		// json.Marshal(ev) would only compact it again (4% of the run).
		line, err := ev.MarshalJSON()
		if err != nil {
			return dst, fmt.Errorf("internal error: encoding event %s: %w", ev.ID, err)
		}
		dst = append(append(dst, line...), '\n')
	}
	return dst, nil
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
