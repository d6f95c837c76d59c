// Command benchcorpus measures extraction throughput at corpus scale (the
// issue "Speed at corpus scale") on ../shared/corpus/bench.jsonl, 7,601
// real articles, and reports in one run:
//
//	(a) the limit: reading the JSONL, decoding it and normalising the text
//	    (arabic.New), nothing else, on the same worker pool;
//	(b) the full extraction as the command does it (extract, encode the
//	    JSON lines) with --workers workers;
//	(c) their ratio;
//
// each with MB/s, documents/s, allocations per document and peak RSS
// (VmHWM, reset between the phases where the kernel allows it).
//
// --repeat N streams the corpus N times: peak RSS must not grow with N.
// Targets (issue): full >= 10 MB/s on 2 cores and >= 40% of the limit,
// RSS < 300 MB, --workers 2 >= 1.7x --workers 1.
package main

import (
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

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchcorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	corpus := fs.String("corpus", "", "JSONL corpus (default: ../shared/corpus/bench.jsonl beside the repository)")
	workers := fs.Int("workers", runtime.NumCPU(), "extraction workers")
	repeat := fs.Int("repeat", 1, "stream the corpus this many times (flat-memory check)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the full extraction to `FILE`")
	phase := fs.String("phase", "both", "limit, full or both")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *workers < 1 || *repeat < 1 || (*phase != "both" && *phase != "limit" && *phase != "full") {
		fmt.Fprintln(stderr, "benchcorpus: --workers and --repeat must be >= 1; --phase limit, full or both")
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
		path, mb(fi.Size()*int64(*repeat))/float64(*repeat), *repeat, *workers, runtime.GOMAXPROCS(0), runtime.Version())

	var limit, full stats
	if *phase != "full" {
		normalise := func(_ context.Context, doc model.Document) (int, int, error) {
			_ = arabic.New(doc.Text)
			return 0, 0, nil
		}
		if limit, err = measure(path, *repeat, *workers, normalise); err != nil {
			fmt.Fprintf(stderr, "benchcorpus: %v\n", err)
			return 1
		}
		limit.print(stdout, "limit (read+decode+normalise)")
	}
	if *phase != "limit" {
		x, err := extract.New(extract.Options{})
		if err != nil {
			fmt.Fprintf(stderr, "benchcorpus: %v\n", err)
			return 1
		}
		if *cpuprofile != "" {
			f, err := os.Create(*cpuprofile)
			if err != nil {
				fmt.Fprintf(stderr, "benchcorpus: %v\n", err)
				return 1
			}
			defer f.Close()
			if err := pprof.StartCPUProfile(f); err != nil {
				fmt.Fprintf(stderr, "benchcorpus: %v\n", err)
				return 1
			}
			defer pprof.StopCPUProfile()
		}
		if full, err = measure(path, *repeat, *workers, extractLikeCommand(x)); err != nil {
			fmt.Fprintf(stderr, "benchcorpus: %v\n", err)
			return 1
		}
		full.print(stdout, "full (extract+encode)")
	}
	if *phase == "both" && limit.mbps() > 0 {
		fmt.Fprintf(stdout, "ratio full/limit: %.0f%%\n", 100*full.mbps()/limit.mbps())
	}
	return 0
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

// extractLikeCommand does per document what cmd/extract does: extract
// under a deadline and encode the JSON lines.
func extractLikeCommand(x *extract.Extractor) func(context.Context, model.Document) (int, int, error) {
	return func(ctx context.Context, doc model.Document) (int, int, error) {
		dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		evs, err := x.Extract(dctx, doc)
		if err != nil {
			return 0, 0, err
		}
		out := 0
		for i := range evs {
			b, err := json.Marshal(&evs[i])
			if err != nil {
				return 0, 0, err
			}
			out += len(b) + 1
		}
		return len(evs), out, nil
	}
}

type stats struct {
	docs, failed, events int
	bytes, outBytes      int64
	elapsed              time.Duration
	// cpu is the process's user+system time: on a shared machine wall
	// time varies with the neighbours' load, CPU per byte much less.
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

func (s stats) mbps() float64 { return mb(s.bytes) / s.elapsed.Seconds() }

func (s stats) print(w io.Writer, name string) {
	fmt.Fprintf(w, "%-31s %d docs, %.1f MB in %.2fs: %.1f MB/s, %.0f docs/s; CPU %.2fs (%.1f MB per CPU-second); %.0f allocs/doc, %.0f KB alloc/doc",
		name+":", s.docs, mb(s.bytes), s.elapsed.Seconds(), s.mbps(),
		float64(s.docs)/s.elapsed.Seconds(), s.cpu.Seconds(), mb(s.bytes)/s.cpu.Seconds(),
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

// measure streams the corpus repeat times through a reader goroutine and
// workers that apply f to each document, as the command's pool does.
func measure(path string, repeat, workers int, f func(context.Context, model.Document) (events, outBytes int, err error)) (stats, error) {
	runtime.GC()
	s := stats{rssReset: resetPeakRSS()}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	start := time.Now()

	ctx := context.Background()
	docs := make(chan model.Document, 4*workers)
	var readErr error
	var bytes int64
	var docsN, failed, events, outBytes atomic.Int64
	var firstErr atomic.Value
	go func() {
		defer close(docs)
		for range repeat {
			file, err := os.Open(path)
			if err != nil {
				readErr = err
				return
			}
			err = ingest.ReadJSONL(ctx, file, path, ingest.Options{}, func(it ingest.Item) error {
				bytes += it.Bytes
				if it.Err != nil {
					failed.Add(1)
					docsN.Add(1)
					firstErr.CompareAndSwap(nil, it.Where+": "+it.Err.Error())
					return nil
				}
				docs <- it.Doc
				return nil
			})
			file.Close()
			if err != nil {
				readErr = err
				return
			}
		}
	}()
	var wg sync.WaitGroup
	times := make([][]docTime, workers)
	for w := range workers {
		wg.Go(func() {
			for doc := range docs {
				t0 := time.Now()
				n, out, err := f(ctx, doc)
				if repeat == 1 { // memory must not grow with --repeat
					times[w] = append(times[w], docTime{doc.ID, time.Since(t0)})
				}
				docsN.Add(1)
				if err != nil {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, doc.ID+": "+err.Error())
					continue
				}
				events.Add(int64(n))
				outBytes.Add(int64(out))
			}
		})
	}
	wg.Wait()
	s.elapsed = time.Since(start)
	s.cpu = cpuTime() - cpu0
	runtime.ReadMemStats(&after)
	if readErr != nil {
		return s, readErr
	}
	s.docs, s.failed, s.events = int(docsN.Load()), int(failed.Load()), int(events.Load())
	s.bytes, s.outBytes = bytes, outBytes.Load()
	s.mallocs = after.Mallocs - before.Mallocs
	s.allocBytes = after.TotalAlloc - before.TotalAlloc
	s.peakRSS = peakRSS()
	s.times = slices.Concat(times...)
	if e, ok := firstErr.Load().(string); ok {
		s.firstErr = e
	}
	return s, nil
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
