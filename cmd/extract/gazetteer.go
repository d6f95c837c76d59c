package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/rules"
)

const gazetteerUsage = `usage:
  extract gazetteer lookup [--gazetteer DIR] NAME...
      print the places NAME may denote (Arabic, with or without clitics, or
      English), best first, with hierarchy and coordinates
  extract gazetteer find [--gazetteer DIR] TEXT...
      print the place mentions of TEXT (or of stdin when TEXT is -)
  extract gazetteer report [--gazetteer DIR] FILE.jsonl
      over a corpus (one {"id", "text"} object a line): place mentions
      resolved (in Iraq and Syria, abroad) and unresolved, how many carry a
      country, and the most frequent names and countries
  extract gazetteer build DIR -o FILE
      merge the GeoNames dump DIR with the embedded list into a compact FILE
      that --gazetteer FILE loads fast`

// runGazetteer implements `extract gazetteer`.
func runGazetteer(args []string, stdout, stderr io.Writer) int {
	return dispatch("extract gazetteer", gazetteerUsage, []subcommand{
		{"lookup", runGazLookup},
		{"find", runGazFind},
		{"report", runGazReport},
		{"build", runGazBuild},
	}, args, stdout, stderr)
}

// gazFlags parses the shared --gazetteer flag; ok is false when the
// command should exit with code.
func gazFlags(name string, args []string, stdout, stderr io.Writer) (fs *flag.FlagSet, dir *string, code int, ok bool) {
	fs = flag.NewFlagSet("extract gazetteer "+name, flag.ContinueOnError)
	dir = fs.String("gazetteer", "", "GeoNames dump `DIR` (or a file from `extract gazetteer build`) merged into the embedded gazetteer")
	code, ok = parseFlags(fs, gazetteerUsage, args, stdout, stderr)
	return fs, dir, code, ok
}

// loadGazetteer returns the embedded gazetteer, or dir merged into it.
func loadGazetteer(dir string, stderr io.Writer) (*gazetteer.Gazetteer, error) {
	if dir == "" {
		return gazetteer.Default()
	}
	start := time.Now()
	g, st, err := gazetteer.Load(dir)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "gazetteer %s: %d places (%d dump rows: %d merged into curated entries, %d added; %d skipped) in %v\n",
		dir, st.Places, st.Rows, st.Merged, st.Added, st.Skipped, time.Since(start).Round(time.Millisecond))
	for i, e := range st.Errors {
		if i == 5 {
			fmt.Fprintf(stderr, "gazetteer: (and %d more errors)\n", len(st.Errors)-5)
			break
		}
		fmt.Fprintf(stderr, "gazetteer: %v\n", e)
	}
	return g, nil
}

func runGazLookup(args []string, stdout, stderr io.Writer) int {
	fs, dir, code, ok := gazFlags("lookup", args, stdout, stderr)
	if !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "extract gazetteer lookup: want NAME\n"+gazetteerUsage)
		return 2
	}
	g, err := loadGazetteer(*dir, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "extract gazetteer lookup: %v\n", err)
		return 1
	}
	status := 0
	for _, name := range fs.Args() {
		ps := g.Lookup(name)
		if len(ps) == 0 {
			fmt.Fprintf(stdout, "%s: not found\n", name)
			status = 1
			continue
		}
		fmt.Fprintf(stdout, "%s: %d candidate(s)\n", name, len(ps))
		for i, p := range ps {
			fmt.Fprintf(stdout, "%3d. %s  %s / %s  [%s]  %.4f, %.4f", i+1, p.ID, p.Name, p.NameAr, p.Feature, p.Lat, p.Lon)
			if p.Population > 0 {
				fmt.Fprintf(stdout, "  pop %d", p.Population)
			}
			if p.Curated {
				fmt.Fprint(stdout, "  curated")
			}
			fmt.Fprintln(stdout)
			var chain []string
			for _, q := range g.Hierarchy(p) {
				chain = append(chain, fmt.Sprintf("%s (%s)", q.Name, q.Feature))
			}
			if len(chain) == 0 {
				chain = append(chain, strings.Trim(p.Country+" "+p.Admin1+" "+p.Admin2, " "))
			}
			fmt.Fprintf(stdout, "     in %s\n", strings.Join(chain, " < "))
			if len(p.Aliases) > 0 {
				fmt.Fprintf(stdout, "     also %s\n", strings.Join(p.Aliases, "، "))
			}
		}
	}
	return status
}

func newFinder(dir string, stderr io.Writer) (*gazetteer.Finder, error) {
	g, err := loadGazetteer(dir, stderr)
	if err != nil {
		return nil, err
	}
	return gazetteer.NewFinder(g, rules.Default())
}

func runGazFind(args []string, stdout, stderr io.Writer) int {
	fs, dir, code, ok := gazFlags("find", args, stdout, stderr)
	if !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "extract gazetteer find: want TEXT or -\n"+gazetteerUsage)
		return 2
	}
	f, err := newFinder(*dir, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "extract gazetteer find: %v\n", err)
		return 1
	}
	text := strings.Join(fs.Args(), " ")
	if text == "-" {
		b, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintf(stderr, "extract gazetteer find: %v\n", err)
			return 1
		}
		text = string(b)
	}
	for _, m := range f.Find(arabic.New(text)) {
		fmt.Fprintf(stdout, "[%d,%d) %s\n", m.Span[0], m.Span[1], m)
	}
	return 0
}

func runGazReport(args []string, stdout, stderr io.Writer) int {
	fs, dir, code, ok := gazFlags("report", args, stdout, stderr)
	if !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "extract gazetteer report: want one FILE.jsonl\n"+gazetteerUsage)
		return 2
	}
	f, err := newFinder(*dir, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "extract gazetteer report: %v\n", err)
		return 1
	}
	in, err := os.Open(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "extract gazetteer report: %v\n", err)
		return 1
	}
	defer in.Close()
	r, err := gazReport(f, in)
	if err != nil {
		fmt.Fprintf(stderr, "extract gazetteer report: %s: %v\n", fs.Arg(0), err)
		return 1
	}
	r.write(stdout)
	return 0
}

type gazReportResult struct {
	docs, mentions, resolved, unresolved int
	abroad                               int // resolved to a place outside Iraq and Syria
	foreign                              int // a well-known name abroad the gazetteer lacks
	foreignNames                         map[string]int
	bytes                                int
	elapsed                              time.Duration
	unresolvedNames                      map[string]int
	resolvedNames                        map[string]int
	countries                            map[string]int
}

// gazReport runs the finder over a JSONL corpus.
func gazReport(f *gazetteer.Finder, in io.Reader) (*gazReportResult, error) {
	r := &gazReportResult{unresolvedNames: map[string]int{}, resolvedNames: map[string]int{}, foreignNames: map[string]int{},
		countries: map[string]int{}}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var doc struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		r.docs++
		r.bytes += len(doc.Text)
		start := time.Now()
		ms := f.Find(arabic.New(doc.Text))
		r.elapsed += time.Since(start)
		for _, m := range ms {
			r.mentions++
			switch {
			case m.Place != nil:
				r.resolved++
				r.countries[m.Place.Country]++
				r.resolvedNames[m.Place.Name+" ("+m.Place.Feature+", "+strings.TrimPrefix(m.Place.Admin1+", ", ", ")+m.Place.Country+")"]++
				if m.Foreign != "" {
					r.abroad++
				}
			case m.Foreign != "":
				r.foreign++
				r.foreignNames[m.Foreign+" "+m.Name]++
			default:
				r.unresolved++
				r.unresolvedNames[m.Feature+" "+m.Name]++
			}
		}
	}
	return r, sc.Err()
}

func (r *gazReportResult) write(w io.Writer) {
	pct := func(n int) float64 {
		if r.mentions == 0 {
			return 0
		}
		return 100 * float64(n) / float64(r.mentions)
	}
	fmt.Fprintf(w, "documents: %d (%.1f MB, finder %.1f MB/s incl. tokenising)\n", r.docs, float64(r.bytes)/1e6,
		float64(r.bytes)/1e6/max(r.elapsed.Seconds(), 1e-9))
	fmt.Fprintf(w, "place mentions: %d\nresolved, with a country: %d (%.1f%%): in Iraq/Syria %d, abroad %d\n"+
		"unresolved: %d (%.1f%%)\nforeign, not in the gazetteer: %d (%.1f%%)\n",
		r.mentions, r.resolved, pct(r.resolved), r.resolved-r.abroad, r.abroad,
		r.unresolved, pct(r.unresolved), r.foreign, pct(r.foreign))
	top := func(title string, m map[string]int) {
		fmt.Fprintf(w, "\n%s:\n", title)
		for i, e := range mostFrequent(m) {
			if i == 20 {
				break
			}
			fmt.Fprintf(w, "%5d  %s\n", e.n, strings.TrimSpace(e.key))
		}
	}
	top("20 most frequent unresolved names (feature word, name)", r.unresolvedNames)
	top("20 most frequent resolved places", r.resolvedNames)
	top("20 most frequent countries of resolved places", r.countries)
	top("20 most frequent foreign names not in the gazetteer", r.foreignNames)
}

func runGazBuild(args []string, stdout, stderr io.Writer) int {
	// DIR may come before or after -o.
	fs := flag.NewFlagSet("extract gazetteer build", flag.ContinueOnError)
	out := fs.String("o", "", "output `FILE`")
	var pos []string
	for len(args) > 0 {
		if code, ok := parseFlags(fs, gazetteerUsage, args, stdout, stderr); !ok {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 1 || *out == "" {
		fmt.Fprintln(stderr, "extract gazetteer build: want DIR -o FILE\n"+gazetteerUsage)
		return 2
	}
	g, err := loadGazetteer(pos[0], stderr)
	if err != nil {
		fmt.Fprintf(stderr, "extract gazetteer build: %v\n", err)
		return 1
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintf(stderr, "extract gazetteer build: %v\n", err)
		return 1
	}
	if err := g.Compile(f); err != nil {
		f.Close()
		fmt.Fprintf(stderr, "extract gazetteer build: %v\n", err)
		return 1
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(stderr, "extract gazetteer build: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %d places (includes GeoNames data, CC-BY 4.0, geonames.org)\n", *out, g.Len())
	return 0
}
