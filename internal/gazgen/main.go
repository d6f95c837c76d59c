// Command gazgen writes pkg/gazetteer/data/region.txt, the part of the
// embedded default gazetteer that covers the countries around Iraq and
// Syria, from the GeoNames-format dumps in ../shared/gazetteer/region.
//
// It is run by go generate in pkg/gazetteer (see data.go there):
//
//	go generate ./pkg/gazetteer
//
// or by hand:
//
//	go run ./internal/gazgen -src ../shared/gazetteer/region -o pkg/gazetteer/data/region.txt
//
// What it selects, per country file XX.txt, and why:
//
//   - the country (A.PCLI): every article about the region names some;
//   - its first-level units (A.ADM1) with their GeoNames admin1 codes, so
//     that gazetteer.Load joins the dump's villages to them;
//   - its cities: populated places of 100,000 people or more, the capital
//     (PPLC) and the seats of first-level units (PPLA), which the news
//     names even when they are smaller;
//   - the places rules/ar/places.txt lists as well known abroad ([foreign]),
//     whatever their size, so that every such name resolves.
//
// Only rows with an Arabic name are kept, and only Arabic names: the row's
// Arabic-script names written with the letters of Arabic (Persian, Kurdish
// and Pashto spellings, with letters Arabic lacks, are left out),
// diacritics removed, one spelling per normalised form. An alternate name
// that is another selected place's own name is dropped (the dumps give
// Sana'a governorate the name تعز), and so is an alternate name that only
// repeats another with its first letter cut off (لكويت beside الكويت).
// Rows that the dumps hold twice (an id-less copy within 10 km of a
// GeoNames place of the same name) are written once.
//
// The output is facts in the gazetteer's own line format (names,
// coordinates rounded to 0.001°, codes, feature, population rounded to two
// significant figures); the dumps are never copied. GeoNames ids and fields
// are CC-BY 4.0 (GeoNames, geonames.org): see pkg/gazetteer/data/PROVENANCE.md.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/rasd-monitor/rasd/rules"
)

func main() {
	src := flag.String("src", "../../../shared/gazetteer/region", "the region dump `DIR` (XX.txt, admin1CodesASCII.txt)")
	out := flag.String("o", "data/region.txt", "output `FILE`")
	flag.Parse()
	var buf bytes.Buffer
	st, err := generate(*src, &buf)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gazgen: %v\n", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "gazgen: %v\n", err)
		os.Exit(1)
	}
	for _, n := range st.notes {
		fmt.Fprintf(os.Stderr, "gazgen: %s\n", n)
	}
	fmt.Fprintf(os.Stderr, "gazgen: wrote %s: %d countries, %d first-level units, %d places (%d bytes)\n",
		*out, st.countries, st.units, st.places, buf.Len())
}

// stats is what generate selected, and what it could not place.
type stats struct {
	countries, units, places int
	notes                    []string
}

// row is one line of a GeoNames geoname table.
type row struct {
	file     string
	line     int
	gn       int
	name     string
	ascii    string
	lat, lon float64
	class    string
	code     string
	cc       string
	admin1   string
	pop      int
	ar       []string // Arabic names, cleaned, main name first
}

// entry is one place the generator writes.
type entry struct {
	row
	slug    string
	feature string
	parent  string
	unit    string // admin1 code, for a first-level unit
	english string
	names   []string
}

// isCountryFile reports a GeoNames country table name: XX.txt.
func isCountryFile(name string) bool {
	cc, ok := strings.CutSuffix(name, ".txt")
	return ok && len(cc) == 2 && cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z'
}

func generate(src string, w io.Writer) (stats, error) {
	var st stats
	files, err := os.ReadDir(src)
	if err != nil {
		return st, err
	}
	admin1, err := readAdmin1(filepath.Join(src, "admin1CodesASCII.txt"))
	if err != nil {
		return st, err
	}
	foreign, err := foreignNames()
	if err != nil {
		return st, err
	}
	var all []entry
	byCC := map[string][]row{}
	var ccs []string
	for _, f := range files {
		if !isCountryFile(f.Name()) {
			continue
		}
		rows, err := readRows(filepath.Join(src, f.Name()))
		if err != nil {
			return st, err
		}
		cc := strings.TrimSuffix(f.Name(), ".txt")
		for i := range rows {
			applyFixes(&rows[i])
		}
		byCC[cc] = rows
		ccs = append(ccs, cc)
	}
	if len(ccs) == 0 {
		return st, fmt.Errorf("%s holds no XX.txt country file", src)
	}
	sort.Strings(ccs)
	// The [foreign] names of the rules, found in their country's file.
	wanted := map[*row]bool{}
	for _, fn := range foreign {
		r := findName(byCC[fn.cc], fn.name)
		if r == nil {
			st.notes = append(st.notes, fmt.Sprintf("[foreign] %s %s: no place of that name in %s.txt", fn.cc, fn.name, fn.cc))
			continue
		}
		wanted[r] = true
	}
	for _, cc := range ccs {
		es, notes := selectCountry(cc, byCC[cc], admin1, wanted)
		st.notes = append(st.notes, notes...)
		dropSharedNames(es)
		all = append(all, es...)
	}
	for _, e := range all {
		switch e.feature {
		case "country":
			st.countries++
		case "governorate":
			st.units++
		default:
			st.places++
		}
	}
	return st, write(w, all)
}

type foreignName struct{ cc, name string }

// foreignNames reads the [foreign] section of the embedded place rules.
func foreignNames() ([]foreignName, error) {
	var errs rules.ErrorList
	entries, err := rules.Read(rules.Default(), "ar/places.txt", &errs)
	if err != nil {
		return nil, err
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	var out []foreignName
	for _, e := range entries {
		if e.Section == "foreign" && len(e.Fields) == 2 {
			for _, n := range rules.Alternatives(e.Fields[1]) {
				out = append(out, foreignName{e.Fields[0], n})
			}
		}
	}
	return out, nil
}

// findName returns the row that name most likely means: a capital, a seat,
// a first-level unit, else the most populous.
func findName(rows []row, name string) *row {
	k := key(name)
	var best *row
	for i := range rows {
		r := &rows[i]
		for _, a := range r.ar {
			if key(a) == k && (best == nil || standing(r) > standing(best)) {
				best = r
			}
		}
	}
	return best
}

func standing(r *row) float64 {
	s := math.Log10(float64(r.pop) + 1)
	switch r.code {
	case "PPLC":
		s += 20
	case "PPLA", "ADM1":
		s += 10
	}
	if r.class == "P" {
		s += 5 // the town before the district named after it
	}
	if r.gn >= syntheticID {
		s -= 1 // an id-less copy loses to the GeoNames row
	}
	return s
}

// syntheticID: ids from here on are the dump's own, not GeoNames ids.
const syntheticID = 900000000

// selectCountry picks the rows of one country file.
func selectCountry(cc string, rows []row, admin1 map[string]string, wanted map[*row]bool) ([]entry, []string) {
	var notes []string
	var country *entry
	var units, places []entry
	unitOf := map[string]string{} // admin1 code → slug
	codeCount := map[string]int{}
	for i := range rows {
		if rows[i].code == "ADM1" && rows[i].admin1 != "" {
			codeCount[rows[i].admin1]++
		}
	}
	slugs := map[string]int{}
	slugFor := func(prefix, name string) string {
		s := prefix + strings.ToLower(cc) + "-" + slugify(name)
		slugs[s]++
		if n := slugs[s]; n > 1 {
			s += "-" + strconv.Itoa(n)
		}
		return s
	}
	for i := range rows {
		r := &rows[i]
		if len(r.ar) == 0 || skipRows[r.gn] != "" {
			continue
		}
		switch {
		case r.class == "A" && r.code == "PCLI":
			if country != nil {
				notes = append(notes, fmt.Sprintf("%s:%d: a second country row", r.file, r.line))
				continue
			}
			country = &entry{row: *r, slug: strings.ToLower(cc), feature: "country", english: r.name}
		case r.class == "A" && r.code == "ADM1":
			e := entry{row: *r, feature: "governorate", english: r.name}
			if r.admin1 != "" && codeCount[r.admin1] == 1 {
				e.unit = cc + "." + r.admin1
				if n := admin1[e.unit]; n != "" {
					e.english = n
				}
			}
			e.slug = slugFor("g-", e.english)
			if e.unit != "" {
				unitOf[r.admin1] = e.slug
			}
			units = append(units, e)
		case r.class == "P" && historical[r.code]:
			// A former capital, an abandoned or destroyed place.
		case r.class == "P" && (r.pop >= 100000 || r.code == "PPLC" || r.code == "PPLA") || wanted[r]:
			places = append(places, entry{row: *r, feature: featureOf(r), english: r.name})
		}
	}
	if country == nil {
		return nil, append(notes, fmt.Sprintf("%s: no country row (A.PCLI) with an Arabic name; file skipped", cc))
	}
	places = dedupe(places)
	for i := range places {
		p := &places[i]
		p.slug = slugFor("", p.english)
		if s := unitOf[p.admin1]; s != "" && p.feature != "governorate" {
			p.parent = s
		} else {
			p.parent = country.slug
		}
	}
	for i := range units {
		units[i].parent = country.slug
	}
	sort.SliceStable(units, func(i, j int) bool { return units[i].slug < units[j].slug })
	sort.SliceStable(places, func(i, j int) bool {
		if places[i].parent != places[j].parent {
			return places[i].parent < places[j].parent
		}
		return places[i].slug < places[j].slug
	})
	out := append([]entry{*country}, units...)
	return append(out, places...), notes
}

// featureOf maps a selected row to a SPEC feature, as gazetteer.Load maps
// GeoNames rows.
func featureOf(r *row) string {
	switch {
	case r.class == "A" && r.code == "ADM1":
		return "governorate"
	case r.class == "A" && r.code == "ADM2":
		return "district"
	case r.class == "A":
		return "region"
	case r.code == "PPLC" || r.code == "PPLA" || r.pop >= 100000:
		return "city"
	case r.pop >= 10000 || r.code == "PPLA2" || r.code == "PPLA3":
		return "town"
	}
	return "village"
}

// dedupe drops the second copy of a place: same main name, within 10 km.
func dedupe(ps []entry) []entry {
	sort.SliceStable(ps, func(i, j int) bool { return standing(&ps[i].row) > standing(&ps[j].row) })
	var out []entry
	for _, p := range ps {
		dup := false
		for _, q := range out {
			if key(p.ar[0]) == key(q.ar[0]) && distKm(p.lat, p.lon, q.lat, q.lon) < 10 {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}

// applyFixes applies the hand corrections of fixes.go to r.
func applyFixes(r *row) {
	if n := englishNames[r.gn]; n != "" {
		r.name = n
	}
	if drop := dropNames[r.gn]; len(drop) > 0 {
		kept := r.ar[:0]
		for _, a := range r.ar {
			if !slices.ContainsFunc(drop, func(d string) bool { return spellingKey(d) == spellingKey(a) }) {
				kept = append(kept, a)
			}
		}
		r.ar = kept
	}
	if extra := extraNames[r.gn]; len(extra) > 0 {
		r.ar = arabicNames(append(r.ar, extra...))
	}
}

// historical are GeoNames codes of places that no longer are what the
// news names: PPLH historical, PPLQ abandoned, PPLW destroyed, PPLCH a
// former capital.
var historical = map[string]bool{"PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true}

// dropSharedNames settles the names of one country's entries: an
// alternate name that is another entry's main name is dropped (the dumps
// give Sana'a governorate the name تعز, and Kuwait City the country's name
// الكويت); an alternate name several entries share is kept by the most
// prominent only (الجزائر العاصمة is Algiers, not Sidi Bel Abbes).
func dropSharedNames(es []entry) {
	mainOf := map[string]bool{}
	for _, e := range es {
		mainOf[key(e.ar[0])] = true
	}
	// Units and places apart: a governorate and its seat may share names.
	owner := map[string]*entry{}
	for i := range es {
		e := &es[i]
		for _, a := range e.ar[1:] {
			k := e.class + " " + key(a)
			if o := owner[k]; o == nil || standing(&e.row) > standing(&o.row) {
				owner[k] = e
			}
		}
	}
	for i := range es {
		e := &es[i]
		own := key(e.ar[0])
		e.names = []string{e.ar[0]}
		for _, a := range e.ar[1:] {
			k := key(a)
			if k != own && (mainOf[k] || owner[e.class+" "+k] != e) {
				continue
			}
			e.names = append(e.names, a)
		}
	}
}

func write(w io.Writer, es []entry) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, header)
	cc := ""
	for _, e := range es {
		if e.cc != cc {
			cc = e.cc
			fmt.Fprintf(bw, "\n# ---- %s --------------------------------------------------------------\n", cc)
		}
		for _, s := range append([]string{e.english}, e.names...) {
			if strings.ContainsAny(s, "|#/") {
				return fmt.Errorf("%s:%d: name %q holds a separator", e.file, e.line, s)
			}
		}
		parent := e.parent
		if parent == "" {
			parent = "-"
		}
		fmt.Fprintf(bw, "%s | %s | %s | %.3f, %.3f | %s | %s |", e.slug, e.feature, parent, e.lat, e.lon,
			e.english, strings.Join(e.names, " / "))
		if e.pop > 0 {
			fmt.Fprintf(bw, " pop=%d", roundPop(e.pop))
		}
		if e.gn > 0 && e.gn < syntheticID {
			fmt.Fprintf(bw, " gn=%d", e.gn)
		}
		if e.unit != "" {
			fmt.Fprintf(bw, " code=%s", e.unit)
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}

const header = `# rasd default gazetteer: the countries around Iraq and Syria, their
# first-level units and their cities. GENERATED by internal/gazgen from the
# GeoNames-format dumps of ../shared/gazetteer/region; do not edit, rerun
#   go generate ./pkg/gazetteer
# Derived from GeoNames data (names, coordinates, codes, populations):
# CC-BY 4.0, "GeoNames" (geonames.org); see PROVENANCE.md. Population is
# rounded to two significant figures, coordinates to 0.001 degrees.
#
# id | feature | parent id | lat, lon | English name | Arabic name / variants | key=value ...
`

// roundPop keeps two significant figures: a size class, not a census.
func roundPop(n int) int {
	p := 1
	for n/p >= 100 {
		p *= 10
	}
	return (n + p/2) / p * p
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(asciiFold(s)) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// asciiFold drops the marks of the Latin letters GeoNames names use.
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 {
			b.WriteRune(r)
			continue
		}
		if f, ok := latinFold[r]; ok {
			b.WriteString(f)
		}
	}
	return b.String()
}

var latinFold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ā': "a", 'ã': "a", 'å': "a", 'ą': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i", 'İ': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'ō': "o", 'õ': "o", 'ø': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ū': "u",
	'ç': "c", 'ć': "c", 'č': "c", 'ğ': "g", 'ş': "s", 'ș': "s", 'š': "s", 'ţ': "t", 'ț': "t",
	'ḩ': "h", 'ḥ': "h", 'ḑ': "d", 'ḍ': "d", 'ẓ': "z", 'ẕ': "z", 'ṣ': "s", 'ṭ': "t",
	'ñ': "n", 'ý': "y", 'ž': "z", 'ż': "z", 'Á': "a", 'É': "e", 'Ā': "a", 'Ş': "s", 'Ç': "c",
	'Ö': "o", 'Ü': "u", 'Ī': "i", 'Ū': "u", 'Ḩ': "h", 'Ţ': "t", 'Ẕ': "z",
}

func distKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
