package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
	"github.com/rasd-monitor/rasd/rules"
)

const datesUsage = `usage:
  extract dates tag [--published YYYY-MM-DD] TEXT...
      print the temporal expressions of TEXT (or of stdin when TEXT is -)
  extract dates report FILE.jsonl
      coverage over a corpus (id, published RFC3339, text): expressions
      found, resolved to day/week/month/year, left unknown, and the 20 most
      frequent date-like strings no expression covers`

// runDates implements `extract dates`.
func runDates(args []string, stdout, stderr io.Writer) int {
	return dispatch("extract dates", datesUsage, []subcommand{
		{"tag", runDatesTag},
		{"report", runDatesReport},
	}, args, stdout, stderr)
}

func runDatesTag(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract dates tag", flag.ContinueOnError)
	published := fs.String("published", "", "publication date `YYYY-MM-DD` to resolve relative expressions against")
	if code, ok := parseFlags(fs, datesUsage, args, stdout, stderr); !ok {
		return code
	}
	if *published != "" {
		d, err := timex.ParsePublished(*published)
		if err != nil {
			fmt.Fprintf(stderr, "extract dates tag: --published: %v\n", err)
			return 2
		}
		*published = d
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, datesUsage)
		return 2
	}
	text := strings.Join(fs.Args(), " ")
	if text == "-" {
		b, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintf(stderr, "extract dates tag: %v\n", err)
			return 1
		}
		text = string(b)
	}
	tg, err := timex.New(rules.Open(nil, ""))
	if err != nil {
		fmt.Fprintf(stderr, "extract dates: %v\n", err)
		return 1
	}
	pub := *published
	if pub == "" {
		if p, ok := tg.Published(text); ok {
			pub = p
			fmt.Fprintf(stdout, "published (from header): %s\n", p)
		}
	}
	for _, e := range tg.Find(arabic.New(text), pub) {
		fmt.Fprintln(stdout, formatExpr(e))
	}
	return 0
}

// formatExpr prints one expression for analysts, one line.
func formatExpr(e timex.Expr) string {
	d := e.Date
	var b strings.Builder
	fmt.Fprintf(&b, "[%d,%d) %q\t%s", d.Span[0], d.Span[1], d.Text, e.Kind)
	if d.Start != "" {
		if d.End != d.Start {
			fmt.Fprintf(&b, "\t%s..%s", d.Start, d.End)
		} else {
			fmt.Fprintf(&b, "\t%s", d.Start)
		}
	} else {
		b.WriteString("\t-")
	}
	fmt.Fprintf(&b, "\t%s\t%s", d.Precision, d.Basis)
	var extra []string
	if d.PartOfDay != "" {
		extra = append(extra, "part="+d.PartOfDay)
	}
	if e.Period != "" {
		extra = append(extra, "period="+e.Period)
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{e.Since, "since"}, {e.During, "during"}, {e.Future, "future"}, {e.Hijri, "hijri"},
		{e.Dateline, "dateline"}, {e.Reporting, "reporting"}, {e.WeekdayMismatch, "weekday-mismatch"}} {
		if f.on {
			extra = append(extra, f.name)
		}
	}
	if len(extra) > 0 {
		b.WriteString("\t" + strings.Join(extra, " "))
	}
	return b.String()
}

type reportDoc struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

func runDatesReport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract dates report", flag.ContinueOnError)
	if code, ok := parseFlags(fs, datesUsage, args, stdout, stderr); !ok {
		return code
	}
	args = fs.Args()
	if len(args) != 1 {
		fmt.Fprintln(stderr, datesUsage)
		return 2
	}
	f, err := os.Open(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "extract dates report: %v\n", err)
		return 1
	}
	defer f.Close()
	tg, err := timex.New(rules.Open(nil, ""))
	if err != nil {
		fmt.Fprintf(stderr, "extract dates: %v\n", err)
		return 1
	}
	var (
		docs, noPub, found int
		byPrec             = map[model.Precision]int{}
		byKind             = map[timex.Kind]int{}
		leftover           = map[string]int{}
	)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d reportDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			fmt.Fprintf(stderr, "extract dates report: %s:%d: %v\n", args[0], line, err)
			return 1
		}
		docs++
		pub, _ := timex.ParsePublished(d.Published) // a bad date counts as none
		if pub == "" {
			if p, ok := tg.Published(d.Text); ok {
				pub = p
			} else {
				noPub++
			}
		}
		tx := arabic.New(d.Text)
		exprs := tg.Find(tx, pub)
		for _, e := range exprs {
			found++
			byPrec[e.Date.Precision]++
			byKind[e.Kind]++
		}
		for _, s := range tg.Unrecognised(tx, exprs) {
			leftover[s]++
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "extract dates report: %v\n", err)
		return 1
	}
	pct := func(n int) float64 {
		if found == 0 {
			return 0
		}
		return 100 * float64(n) / float64(found)
	}
	fmt.Fprintf(stdout, "documents: %d (without publication date: %d)\n", docs, noPub)
	fmt.Fprintf(stdout, "expressions found: %d\n", found)
	for _, p := range []model.Precision{model.PrecisionDay, model.PrecisionWeek, model.PrecisionMonth, model.PrecisionYear, model.PrecisionUnknown} {
		fmt.Fprintf(stdout, "  %-8s %5d  %5.1f%%\n", p, byPrec[p], pct(byPrec[p]))
	}
	fmt.Fprintln(stdout, "by kind:")
	for k := timex.KindDate; k <= timex.KindVague; k++ {
		fmt.Fprintf(stdout, "  %-12s %5d\n", k, byKind[k])
	}
	top := mostFrequent(leftover)
	total := 0
	for _, x := range top {
		total += x.n
	}
	fmt.Fprintf(stdout, "unrecognised date-like strings: %d (%d distinct); top 20:\n", total, len(top))
	for i, x := range top {
		if i == 20 {
			break
		}
		fmt.Fprintf(stdout, "  %4d  %s\n", x.n, x.key)
	}
	return 0
}
