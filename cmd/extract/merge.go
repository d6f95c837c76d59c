package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"syscall"
	"time"

	"github.com/rasd-monitor/rasd/internal/extsort"
	"github.com/rasd-monitor/rasd/pkg/merge"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/output"
)

const mergeUsage = `usage: extract merge [flags] [FILE...]

Groups the events of many documents (SPEC event JSONL, as extract writes
it) into incidents: events of different documents that tell one incident
become one incident record with all their sources and UCDP-style
best/low/high tolls (README "Merging"). Reads the FILEs, or stdin when
none is given or FILE is -; writes incidents on stdout, by date.

The input may come in any order: it is sorted by date in at most
--sort-mem bytes of memory (spilling sorted runs to --tmpdir beyond that),
and incidents are gathered in a window of about a month of events, so
memory does not grow with the corpus. The output is the same for any
input order.

Exit status: 0 merged, 1 some input lines were not events (reported on
stderr, the rest merged), 2 usage or setup error.

flags:
`

type mergeConfig struct {
	out     outputConfig
	maxKm   float64
	sortMem int
	tmpDir  string
	quiet   bool
	paths   []string
}

func parseMergeArgs(args []string, stderr io.Writer) (c mergeConfig, code int, ok bool) {
	fs := flag.NewFlagSet("extract merge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, mergeUsage)
		fs.PrintDefaults()
	}
	var of outputFlags
	of.register(fs)
	fs.Float64Var(&c.maxKm, "max-km", 10, "two towns, villages or sites this close (`KM`) are one place")
	fs.IntVar(&c.sortMem, "sort-mem", 64<<20, "memory (`BYTES`) for sorting the input by date; beyond it sorted runs go to --tmpdir")
	fs.StringVar(&c.tmpDir, "tmpdir", "", "`DIR` for the sort's runs (default: the system's temporary directory)")
	fs.BoolVar(&c.quiet, "quiet", false, "no summary line")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, 0, false
		}
		return c, 2, false
	}
	bad := func(format string, a ...any) (mergeConfig, int, bool) {
		fmt.Fprintf(stderr, "extract merge: "+format+"\n", a...)
		fmt.Fprintln(stderr, "run 'extract merge -h' for usage")
		return c, 2, false
	}
	var err error
	if c.out, err = of.parse(); err != nil {
		return bad("%v", err)
	}
	if c.maxKm <= 0 {
		return bad("--max-km must be positive")
	}
	if c.sortMem <= 0 {
		return bad("--sort-mem must be positive")
	}
	c.paths = fs.Args()
	if len(c.paths) == 0 {
		c.paths = []string{"-"}
	}
	return c, 0, true
}

// runMerge is `extract merge`.
func runMerge(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, code, ok := parseMergeArgs(args, stderr)
	if !ok {
		return code
	}
	start := time.Now()
	sorter := extsort.New(c.sortMem, c.tmpDir)
	defer sorter.Close()

	// Pass 1: read every line, check it is an event, sort by date.
	var bad int
	for _, path := range c.paths {
		err := eachLine(path, stdin, func(where string, line []byte) error {
			var head struct {
				ID    string     `json:"id"`
				DocID string     `json:"doc_id"`
				Type  string     `json:"type"`
				Date  model.Date `json:"date"`
				Inc   string     `json:"incident_id"`
			}
			err := json.Unmarshal(line, &head)
			switch {
			case err != nil:
				err = fmt.Errorf("not JSON: %v", err)
			case head.Inc != "":
				err = errors.New("an incident, not an event (merge reads what extract writes)")
			case head.ID == "" || head.DocID == "" || !model.EventType(head.Type).Valid():
				err = errors.New(`not an event record: "id", "doc_id" and a SPEC "type" are required`)
			}
			if err != nil {
				bad++
				fmt.Fprintf(stderr, "extract merge: %s: %v\n", where, err)
				return nil
			}
			return sorter.Add(merge.SortKey(head.ID, head.Date), line)
		})
		if err != nil {
			fmt.Fprintf(stderr, "extract merge: %v\n", err)
			return 2
		}
	}
	runs := sorter.Runs()

	// Pass 2: merge in date order.
	out := bufio.NewWriterSize(stdout, 256<<10)
	records := output.NewWriter(out, c.out.format)
	var left outCounts
	var multi int
	m := merge.New(merge.Options{MaxKm: c.maxKm}, func(in *model.Incident) error {
		if in.NumberOfSources > 1 {
			multi++
		}
		if !c.out.inArea(in.Locations, &left) {
			return nil
		}
		b, ok, err := c.out.format.AppendIncident(nil, in)
		if err != nil {
			return err
		}
		if !ok {
			left.noCoordinates++
		}
		return records.Write(b)
	})
	err := sorter.Sort(func(_ string, line []byte) error {
		ev := new(model.Event)
		if err := json.Unmarshal(line, ev); err != nil {
			// The first pass read only the head of each line.
			bad++
			fmt.Fprintf(stderr, "extract merge: event %s: not an event record: %v\n", ev.ID, err)
			return nil
		}
		return m.Add(ev)
	})
	if err == nil {
		err = m.Close()
	}
	if err == nil {
		err = records.Close()
	}
	if err == nil {
		err = out.Flush()
	}
	if errors.Is(err, syscall.EPIPE) {
		return 128 + int(syscall.SIGPIPE)
	}
	if err != nil {
		fmt.Fprintf(stderr, "extract merge: %v\n", err)
		return 1
	}
	if !c.quiet || left.noCoordinates > 0 {
		left.report(stderr, "extract merge", "incidents")
	}
	if !c.quiet {
		st := m.Stats()
		fmt.Fprintf(stderr, "extract merge: %d events, %d incidents (%d told by 2 or more documents), %d placed by a tie-break, %d not events; window peak %d incidents, %d sort runs; %.1fs\n",
			st.Events, st.Incidents, multi, st.Ties, bad, st.PeakOpen, runs, time.Since(start).Seconds())
	}
	if bad > 0 {
		return 1
	}
	return 0
}

// eachLine calls f with every non-blank line of a JSONL file (- for
// stdin), named as file:line. Lines may be of any length.
func eachLine(path string, stdin io.Reader, f func(where string, line []byte) error) error {
	var r io.Reader = stdin
	name := "stdin"
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return err
		}
		defer file.Close()
		r, name = file, path
	}
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if ferr := f(name+":"+strconv.Itoa(n), bytes.TrimSpace(line)); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
}
