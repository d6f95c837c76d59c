package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/rasd-monitor/rasd/pkg/country"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/output"
)

const statsUsage = `usage: extract stats [--top N] [extraction flags] PATH...

Counts records and their killed totals by type, country, admin1 and month,
and lists the N (default 10) largest single-record killed figures with
their evidence, so that an outlier is seen before it is summed. Records
flagged aggregate (a tally of many incidents: a war's toll, a year's
arrests) are counted apart and never summed.

A PATH is an events file (extract's JSONL), an incidents file (extract
merge's JSONL), or a corpus (anything extract reads: .txt, .jsonl of
documents, a directory), which is extracted first with the extraction
flags (see extract -h). An incident counts once, with its best figure.

Exit status: 0 done, 1 some documents or lines failed (the rest were
counted), 2 usage or setup error.
`

// inputKind is what a stats PATH holds.
type inputKind string

const (
	kindCorpus    inputKind = "documents"
	kindEvents    inputKind = "events"
	kindIncidents inputKind = "incidents"
)

// runStats is `extract stats`.
func runStats(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	top := 10
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-h" || a == "--help" || a == "-help":
			fmt.Fprint(stdout, statsUsage)
			return 0
		case a == "--top" || a == "-top":
			if i+1 == len(args) {
				fmt.Fprintln(stderr, "extract stats: --top needs a number")
				return 2
			}
			i++
			a = "--top=" + args[i]
			fallthrough
		case strings.HasPrefix(a, "--top=") || strings.HasPrefix(a, "-top="):
			n, err := strconv.Atoi(a[strings.Index(a, "=")+1:])
			if err != nil || n < 0 {
				fmt.Fprintf(stderr, "extract stats: --top %q: want a number of records\n", a[strings.Index(a, "=")+1:])
				return 2
			}
			top = n
		default:
			rest = append(rest, a)
		}
	}
	cfg, code, ok := parseArgs(rest, stderr, stderr)
	if !ok {
		return code
	}
	if cfg.out.format != output.JSONL {
		fmt.Fprintln(stderr, "extract stats: --format does not apply: stats prints a report")
		return 2
	}

	// What do the paths hold? Peeking at stdin keeps what was read.
	in := bufio.NewReaderSize(stdin, 1<<20)
	var kind inputKind
	for _, p := range cfg.paths {
		k, err := detectKind(p, in)
		if err != nil {
			fmt.Fprintf(stderr, "extract stats: %v\n", err)
			return 2
		}
		if kind != "" && k != kind {
			fmt.Fprintf(stderr, "extract stats: %s holds %s, an earlier path %s: give one kind at a time\n", p, k, kind)
			return 2
		}
		kind = k
	}

	st := newStatsTable(kind, top)
	code = 0
	if kind == kindCorpus {
		code = st.fromCorpus(ctx, cfg, in, stderr)
	} else {
		var n outCounts
		for _, p := range cfg.paths {
			err := eachLine(p, in, func(where string, line []byte) error {
				if err := st.addLine(line, cfg.out, &n); err != nil {
					fmt.Fprintf(stderr, "extract stats: %s: %v\n", where, err)
					code = 1
				}
				return nil
			})
			if err != nil {
				fmt.Fprintf(stderr, "extract stats: %v\n", err)
				return 2
			}
		}
		n.report(stderr, "extract stats", string(kind))
	}
	st.print(stdout)
	return code
}

// detectKind tells a corpus from an events or incidents file by its first
// line; directories and .txt files are corpora.
func detectKind(path string, stdin *bufio.Reader) (inputKind, error) {
	var first []byte
	if path == "-" {
		// Peek waits for the buffer to fill or the input to end: enough
		// to see the first line without consuming it.
		b, _ := stdin.Peek(stdin.Size())
		first = firstLine(b)
	} else {
		fi, err := os.Stat(path)
		if err != nil {
			return "", err
		}
		if fi.IsDir() || !strings.EqualFold(filepath.Ext(path), ".jsonl") {
			return kindCorpus, nil
		}
		f, err := os.Open(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		b := make([]byte, 1<<20)
		n, _ := io.ReadFull(f, b)
		first = firstLine(b[:n])
	}
	switch {
	case bytes.Contains(first, []byte(`"incident_id"`)):
		return kindIncidents, nil
	case bytes.Contains(first, []byte(`"doc_id"`)) && bytes.Contains(first, []byte(`"evidence"`)):
		return kindEvents, nil
	}
	return kindCorpus, nil
}

func firstLine(b []byte) []byte {
	for len(b) > 0 {
		line, rest, _ := bytes.Cut(b, []byte("\n"))
		if len(bytes.TrimSpace(line)) > 0 {
			return line
		}
		b = rest
	}
	return nil
}

// statRecord is what stats keeps of one event or incident.
type statRecord struct {
	id, typ         string
	country, admin1 string
	month           string
	killed          int
	hasKilled       bool
	figure          string // how the killed figure was given
	evidence        string
	aggregate       bool
}

type cell struct{ records, withKilled, killed int }

type statsTable struct {
	kind       inputKind
	top        int
	records    int
	aggregates cell
	total      cell
	by         map[string]map[string]*cell // dimension → key → counts
	largest    []statRecord
}

var dimensions = []string{"type", "country", "admin1", "month"}

func newStatsTable(kind inputKind, top int) *statsTable {
	st := &statsTable{kind: kind, top: top, by: map[string]map[string]*cell{}}
	for _, d := range dimensions {
		st.by[d] = map[string]*cell{}
	}
	return st
}

// fromCorpus extracts the corpus with the batch, reading its JSONL back.
func (st *statsTable) fromCorpus(ctx context.Context, cfg config, stdin io.Reader, stderr io.Writer) int {
	st.kind = kindEvents
	pr, pw := io.Pipe()
	b, err := newBatch(ctx, cfg, stdin, pw, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "extract: %v\n", err)
		return 2
	}
	done := make(chan int, 1)
	go func() {
		code := b.run(ctx)
		pw.Close()
		done <- code
	}()
	sc := bufio.NewScanner(pr)
	sc.Buffer(nil, 256<<20)
	var n outCounts
	for sc.Scan() {
		// The batch has already applied --area.
		if err := st.addLine(sc.Bytes(), outputConfig{}, &n); err != nil {
			fmt.Fprintf(stderr, "extract stats: internal error: %v\n", err)
		}
	}
	if err := sc.Err(); err != nil {
		pr.CloseWithError(err)
		fmt.Fprintf(stderr, "extract stats: %v\n", err)
	}
	return <-done
}

// addLine counts one JSONL record of st.kind.
func (st *statsTable) addLine(line []byte, area outputConfig, n *outCounts) error {
	var r statRecord
	switch st.kind {
	case kindIncidents:
		var in model.Incident
		if err := json.Unmarshal(line, &in); err != nil {
			return err
		}
		if in.ID == "" {
			return errors.New("not an incident record (no incident_id)")
		}
		if !area.inArea(in.Locations, n) {
			return nil
		}
		r = statRecord{id: in.ID, typ: string(in.Type), aggregate: in.HasFlag(model.Aggregate)}
		r.country, r.admin1 = placeKeys(in.Locations)
		r.month = monthKey(in.Date)
		if t, ok := in.Toll(model.Killed); ok {
			r.killed, r.hasKilled = t.Best, true
			r.figure = fmt.Sprintf("best %s (reports %s to %s) over %d documents",
				thousands(t.Best), thousands(t.Low), thousands(t.High), in.NumberOfSources)
		}
		// Every member may carry the figure: show the first few.
		var ev []string
		for i, e := range in.Evidence {
			if i == 3 {
				ev = append(ev, fmt.Sprintf("(and %d more)", len(in.Evidence)-3))
				break
			}
			ev = append(ev, e.Event+": "+excerpt(e.Text, 120))
		}
		r.evidence = strings.Join(ev, " | ")
	default:
		var ev model.Event
		if err := json.Unmarshal(line, &ev); err != nil {
			return err
		}
		if ev.ID == "" || ev.DocID == "" {
			return errors.New("not an event record (no id or doc_id)")
		}
		if !area.inArea(ev.Locations, n) {
			return nil
		}
		r = statRecord{id: ev.ID, typ: string(ev.Type), aggregate: ev.HasFlag(model.Aggregate), evidence: ev.Evidence.Text}
		r.country, r.admin1 = placeKeys(ev.Locations)
		r.month = monthKey(ev.Date)
		var texts []string
		for _, c := range ev.Casualties {
			if c.Kind == model.Killed {
				r.killed += c.Count
				r.hasKilled = true
				texts = append(texts, "«"+c.Text+"»")
			}
		}
		r.figure = strings.Join(texts, " + ")
	}
	st.add(r)
	return nil
}

func placeKeys(locs []model.Location) (countryKey, admin1Key string) {
	loc, ok := model.PrimaryPlace(locs)
	if !ok || loc.Place.Country == "" {
		return "(no place)", "(no place)"
	}
	c := country.Name(loc.Place.Country)
	a := loc.Place.Admin1
	if a == "" {
		a = "(country only)"
	}
	return c, c + " / " + a
}

func monthKey(d model.Date) string {
	if len(d.Start) < 7 {
		return "(no date)"
	}
	return d.Start[:7]
}

func (st *statsTable) add(r statRecord) {
	st.records++
	c := cell{records: 1}
	if r.hasKilled {
		c.withKilled, c.killed = 1, r.killed
	}
	if r.aggregate {
		st.aggregates.add(c)
		return
	}
	st.total.add(c)
	keys := map[string]string{"type": r.typ, "country": r.country, "admin1": r.admin1, "month": r.month}
	for _, d := range dimensions {
		cl := st.by[d][keys[d]]
		if cl == nil {
			cl = &cell{}
			st.by[d][keys[d]] = cl
		}
		cl.add(c)
	}
	if r.hasKilled && st.top > 0 {
		st.largest = append(st.largest, r)
		slices.SortStableFunc(st.largest, func(a, b statRecord) int {
			return cmp.Or(cmp.Compare(b.killed, a.killed), cmp.Compare(a.id, b.id))
		})
		if len(st.largest) > st.top {
			st.largest = st.largest[:st.top]
		}
	}
}

func (c *cell) add(d cell) {
	c.records += d.records
	c.withKilled += d.withKilled
	c.killed += d.killed
}

func (st *statsTable) print(w io.Writer) {
	fmt.Fprintf(w, "%d %s; %d aggregate (tallies of many incidents, not summed below: %s killed in %d)\n",
		st.records, st.kind, st.aggregates.records, thousands(st.aggregates.killed), st.aggregates.withKilled)
	fmt.Fprintf(w, "killed, excluding aggregates: %s in %d of %d %s\n",
		thousands(st.total.killed), st.total.withKilled, st.total.records, st.kind)
	for _, d := range dimensions {
		fmt.Fprintf(w, "\nby %s\n", d)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", d, string(st.kind), "with killed", "killed")
		for _, k := range st.order(d) {
			c := st.by[d][k]
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t\n", k, c.records, c.withKilled, thousands(c.killed))
		}
		tw.Flush()
	}
	if len(st.largest) == 0 {
		return
	}
	fmt.Fprintf(w, "\nthe %d largest killed figures (excluding aggregates): check them before summing\n", len(st.largest))
	for i, r := range st.largest {
		fmt.Fprintf(w, "%2d. %s killed  %s  %s  %s  %s\n", i+1, thousands(r.killed), r.id, r.typ, r.month, r.admin1)
		if r.figure != "" {
			fmt.Fprintf(w, "    figure: %s\n", r.figure)
		}
		fmt.Fprintf(w, "    evidence: %s\n", excerpt(r.evidence, 300))
	}
}

// order lists a dimension's keys: months in calendar order, the rest from
// the most records.
func (st *statsTable) order(d string) []string {
	var keys []string
	for k := range st.by[d] {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if d == "month" {
			return strings.Compare(a, b) // "(no date)" sorts before digits
		}
		return cmp.Or(cmp.Compare(st.by[d][b].records, st.by[d][a].records), strings.Compare(a, b))
	})
	return keys
}

func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// thousands writes n with thousands separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}
