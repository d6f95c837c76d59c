// Command benchcorpus measures extraction throughput at corpus scale on
// ../shared/corpus/bench.jsonl, 7,601 real articles. Every phase runs
// through extract.Batch exactly as the extract command does (the same
// reader, worker pool, per-document deadline and ordered writer, output
// discarded) and differs only in what a worker does with a document:
//
//	limit      decode the JSONL line and walk the runes of its text once:
//	           what any extractor must do, the floor under the others;
//	normalise  that, and normalise and tokenise the text (arabic.New);
//	full       the whole extraction and the JSON encoding of the records.
//
// Each phase reports MB/s, documents/s, CPU seconds and MB per CPU-second
// (wall time on a shared machine varies with the neighbours' load, CPU
// per byte much less), allocations per document and peak RSS (VmHWM,
// reset between phases where the kernel allows it); then the ratio of the
// full extraction to the limit.
//
// --repeat N streams the corpus N times: peak RSS must not grow with N.
// Targets (issue 13): full >= 30 MB/s with --workers 2, normalise >= 80
// MB/s, allocations per document at most half of the 148 KB before it,
// peak RSS < 150 MB at --repeat 10.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/ingest"
	"github.com/rasd-monitor/rasd/pkg/model"
)

func main() {
	// The same collector settings as cmd/extract (see tuneGC there), so
	// that the figures are the command's; GOGC/GOMEMLIMIT set by the user
	// win, to compare.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(800)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// phases in the order they run.
var phases = []string{"limit", "normalise", "full"}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchcorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	corpus := fs.String("corpus", "", "JSONL corpus (default: ../shared/corpus/bench.jsonl beside the repository)")
	workers := fs.Int("workers", runtime.NumCPU(), "extraction workers")
	repeat := fs.Int("repeat", 1, "stream the corpus this many times (flat-memory check)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the full extraction to `FILE`")
	phase := fs.String("phase", "all", "the phases to run: limit, normalise, full, or all")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *workers < 1 || *repeat < 1 || (*phase != "all" && !slices.Contains(phases, *phase)) {
		fmt.Fprintln(stderr, "benchcorpus: --workers and --repeat must be >= 1; --phase limit, normalise, full or all")
		return 2
	}
	path := *corpus
	if path == "" {
		var err error
		if path, err = defaultCorpus(); err != nil {
			fmt.Fprintf(stderr, "benchcorpus: skipped: %v (pass --corpus FILE)\n", err)
			return 0
		}
	}
	fi, err := os.Stat(path)
	if err != nil {
		fmt.Fprintf(stderr, "benchcorpus: skipped: corpus %v\n", err)
		return 0
	}

	fmt.Fprintf(stdout, "corpus %s (%.1f MB) x%d, workers %d, GOMAXPROCS %d, %s\n",
		path, mb(fi.Size()), *repeat, *workers, runtime.GOMAXPROCS(0), runtime.Version())

	results := map[string]stats{}
	for _, ph := range phases {
		if *phase != "all" && *phase != ph {
			continue
		}
		var f func(context.Context, model.Document) ([]model.Event, error)
		switch ph {
		case "limit":
			f = walkRunes
		case "normalise":
			f = func(_ context.Context, doc model.Document) ([]model.Event, error) {
				_ = arabic.New(doc.Text)
				return nil, nil
			}
		case "full":
			x, err := extract.New(extract.Options{})
			if err != nil {
				fmt.Fprintf(stderr, "benchcorpus: %v\n", err)
				return 1
			}
			f = x.Extract
			if *cpuprofile != "" {
				stop, err := startProfile(*cpuprofile)
				if err != nil {
					fmt.Fprintf(stderr, "benchcorpus: %v\n", err)
					return 1
				}
				defer stop()
			}
		}
		s, err := measure(path, *repeat, *workers, f)
		if err != nil {
			fmt.Fprintf(stderr, "benchcorpus: %v\n", err)
			return 1
		}
		s.print(stdout, ph)
		results[ph] = s
	}
	if limit, full := results["limit"], results["full"]; limit.mbps() > 0 && full.mbps() > 0 {
		fmt.Fprintf(stdout, "ratio full/limit: %.0f%% (per CPU-second %.0f%%)\n",
			100*full.mbps()/limit.mbps(), 100*full.cpuRate()/limit.cpuRate())
	}
	return 0
}

// runeSink keeps walkRunes' loop from being optimised away.
var runeSink atomic.Int64

// walkRunes is the limit's work on a document: one pass over its runes,
// as the least any reader of the text does.
func walkRunes(_ context.Context, doc model.Document) ([]model.Event, error) {
	n := 0
	for _, r := range doc.Text {
		n += int(r & 1)
	}
	runeSink.Add(int64(n))
	return nil, nil
}

func startProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// defaultCorpus finds ../shared/corpus/bench.jsonl beside the repository
// holding the working directory.
func defaultCorpus() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "corpus", "bench.jsonl")
			if _, err := os.Stat(p); err != nil {
				return "", fmt.Errorf("no corpus at %s", p)
			}
			return filepath.Clean(p), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the repository (no go.mod above the working directory)")
		}
		dir = parent
	}
}

type stats struct {
	docs, failed, events int
	bytes, outBytes      int64
	elapsed              time.Duration
	// cpu is the process's user+system time.
	cpu                 time.Duration
	mallocs, allocBytes uint64
	peakRSS             int64 // bytes; -1 when unknown
	rssReset            bool
	firstErr            string
	// times are the per-document durations, for the tail: one slow
	// document holds the command's ordered output back.
	times []docTime
}

type docTime struct {
	id string
	d  time.Duration
}

func mb(n int64) float64 { return float64(n) / 1e6 }

func (s stats) mbps() float64    { return mb(s.bytes) / s.elapsed.Seconds() }
func (s stats) cpuRate() float64 { return mb(s.bytes) / s.cpu.Seconds() }

func (s stats) print(w io.Writer, name string) {
	fmt.Fprintf(w, "%-10s %d docs, %.1f MB in %.2fs: %.1f MB/s, %.0f docs/s; CPU %.2fs (%.1f MB per CPU-second); %.0f allocs/doc, %.1f KB alloc/doc",
		name+":", s.docs, mb(s.bytes), s.elapsed.Seconds(), s.mbps(),
		float64(s.docs)/s.elapsed.Seconds(), s.cpu.Seconds(), s.cpuRate(),
		float64(s.mallocs)/float64(max(s.docs, 1)), float64(s.allocBytes)/1e3/float64(max(s.docs, 1)))
	if s.peakRSS >= 0 {
		note := ""
		if !s.rssReset {
			note = " (process peak so far)"
		}
		fmt.Fprintf(w, ", peak RSS %.0f MB%s", mb(s.peakRSS), note)
	}
	if s.events > 0 || s.failed > 0 {
		fmt.Fprintf(w, ", %d events (%.1f MB JSON), %d failed", s.events, mb(s.outBytes), s.failed)
	}
	fmt.Fprintln(w)
	if len(s.times) > 0 {
		ts := slices.Clone(s.times)
		slices.SortFunc(ts, func(a, b docTime) int { return int(b.d - a.d) })
		q := func(p float64) time.Duration { return ts[int(float64(len(ts)-1)*(1-p))].d }
		fmt.Fprintf(w, "  per document: p50 %v, p99 %v, max %v; slowest:", q(0.5).Round(time.Microsecond),
			q(0.99).Round(time.Microsecond), ts[0].d.Round(time.Microsecond))
		for _, t := range ts[:min(3, len(ts))] {
			fmt.Fprintf(w, " %s %v", t.id, t.d.Round(time.Millisecond))
		}
		fmt.Fprintln(w)
	}
	if s.firstErr != "" {
		fmt.Fprintf(w, "  first failure: %s\n", s.firstErr)
	}
}

// countingWriter discards the output and counts it.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// measure streams the corpus repeat times through extract.Batch with f as
// the extraction, as the command does with the Extractor's.
func measure(path string, repeat, workers int, f func(context.Context, model.Document) ([]model.Event, error)) (stats, error) {
	runtime.GC()
	s := stats{rssReset: resetPeakRSS()}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	start := time.Now()

	ctx := context.Background()
	var mu sync.Mutex
	timed := func(ctx context.Context, doc model.Document) ([]model.Event, error) {
		t0 := time.Now()
		evs, err := f(ctx, doc)
		if repeat == 1 { // memory must not grow with --repeat
			d := time.Since(t0)
			mu.Lock()
			s.times = append(s.times, docTime{doc.ID, d})
			mu.Unlock()
		}
		return evs, err
	}
	var out countingWriter
	bs, err := extract.Batch(ctx, corpusTimes(ctx, path, repeat), &out, extract.BatchOptions{
		Extract:    timed,
		Workers:    workers,
		DocTimeout: 10 * time.Second, // the command's default
		OnDocument: func(r extract.DocResult) error {
			if r.Status != extract.DocOK && s.firstErr == "" {
				s.firstErr = r.Where + ": " + r.Err.Error()
			}
			return nil
		},
	})
	s.elapsed = time.Since(start)
	s.cpu = cpuTime() - cpu0
	runtime.ReadMemStats(&after)
	if err != nil {
		return s, err
	}
	if bs.Documents == 0 {
		return s, fmt.Errorf("%s: no documents", path)
	}
	s.docs, s.failed, s.events = bs.Documents, bs.Failed+bs.Skipped, bs.Events
	s.bytes, s.outBytes = bs.Bytes, out.n
	s.mallocs = after.Mallocs - before.Mallocs
	s.allocBytes = after.TotalAlloc - before.TotalAlloc
	s.peakRSS = peakRSS()
	return s, nil
}

// corpusTimes reads the corpus repeat times, each pass a run of its own
// (ids repeat across passes, not within one), decoding on the workers as
// the command does.
func corpusTimes(ctx context.Context, path string, repeat int) iter.Seq[ingest.Item] {
	return func(yield func(ingest.Item) bool) {
		for range repeat {
			for it := range ingest.Files(ctx, []string{path}, ingest.Options{DeferDecode: true}) {
				if !yield(it) {
					return
				}
			}
		}
	}
}

// peakRSS reads VmHWM, the process's peak resident set, from
// /proc/self/status; -1 where there is none (not Linux).
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest) // "123456 kB"
			if len(f) > 0 {
				if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil {
					return kb << 10
				}
			}
		}
	}
	return -1
}

// resetPeakRSS asks Linux to restart VmHWM from the current RSS (writing
// 5 to clear_refs), so each phase reports its own peak.
func resetPeakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// cpuTime is the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
