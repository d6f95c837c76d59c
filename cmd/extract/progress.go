package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/ingest"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress draws a bar on stderr for long batches, when stderr is a
// terminal and --quiet is not set; otherwise it does nothing, so logs and
// pipes get the summary line alone. The bar counts input bytes (MB/s and,
// when the inputs can be sized up front, an ETA) and shows documents done.
type progress struct {
	w       io.Writer
	on      bool
	start   time.Time
	total   int64 // -1 when unknown (stdin)
	bar     *progressbar.ProgressBar
	lastDoc int
}

// showAfter keeps short runs free of a bar that would only flash.
const showAfter = time.Second

func newProgress(stdout, stderr io.Writer, cfg config, start time.Time) *progress {
	p := &progress{w: stderr, start: start, total: -1}
	// Events scrolling on the same terminal are progress enough, and a bar
	// redrawn between them would garble them.
	p.on = !cfg.quiet && isTerminal(stderr) && !isTerminal(stdout)
	if p.on {
		if total, known := ingest.Size(cfg.paths); known {
			p.total = total
		}
	}
	return p
}

func (p *progress) update(t extract.BatchStats) {
	if !p.on {
		return
	}
	if p.bar == nil {
		if time.Since(p.start) < showAfter {
			return
		}
		p.bar = progressbar.NewOptions64(p.total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(p.total > 0),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSpinnerType(14),
		)
	}
	if t.Documents != p.lastDoc {
		p.bar.Describe(fmt.Sprintf("%d docs, %d failed", t.Documents, t.Failed))
		p.lastDoc = t.Documents
	}
	_ = p.bar.Set64(t.Bytes)
}

// clear removes the bar before another line is written to stderr; the
// next update draws it again.
func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Clear()
		p.bar = nil
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
