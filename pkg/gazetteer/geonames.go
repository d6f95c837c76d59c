package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/rules"
)

// LoadStats counts what Load read.
type LoadStats struct {
	Places  int
	Skipped int
	Errors  []error // positioned: IQ.txt:1234: bad latitude
	// Rows is how many geoname rows were read, Merged how many of them
	// matched a curated entry (which keeps its names and feature and takes
	// the GeoNames id and population), Added how many became new places.
	Rows, Merged, Added int
	Curated             int
}

// regionDir is the subfolder of a dump directory that holds the countries
// around Iraq and Syria in the same format, with their own
// admin1CodesASCII.txt.
const regionDir = "region"

// Load reads a GeoNames dump directory merged with the embedded default:
// every country table XX.txt (IQ.txt, SY.txt, YE.txt ...) in it and in its
// region/ subfolder, with the admin1CodesASCII.txt of each folder (the top
// one required) and admin2Codes.txt. A path to a file made by Compile is
// read as that compact form instead.
func Load(dir string) (*Gazetteer, LoadStats, error) {
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return ReadCompiled(dir)
	}
	var st LoadStats
	curated, extra, err := parseCurated(embedded()...)
	if err != nil {
		return nil, st, err
	}
	st.Curated = len(curated)
	admin1, err := readAdminCodes(dir, "admin1CodesASCII.txt", &st)
	if err != nil {
		return nil, st, err
	}
	regional, err := readAdminCodes(dir, filepath.Join(regionDir, "admin1CodesASCII.txt"), &st)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, st, err
	}
	maps.Copy(admin1, regional)
	admin2, err := readAdminCodes(dir, "admin2Codes.txt", &st)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, st, err
	}
	tables, err := countryTables(dir)
	if err != nil {
		return nil, st, err
	}
	if len(tables) == 0 {
		return nil, st, fmt.Errorf("gazetteer: %s holds no GeoNames country table (XX.txt, such as IQ.txt), nor does its %s/ folder", dir, regionDir)
	}
	m := newMerger(curated, extra, admin1, admin2)
	m.featureWords = featureWords(rules.Default())
	for _, name := range tables {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, st, err
		}
		err = m.readGeonames(f, name, &st)
		f.Close()
		if err != nil {
			return nil, st, err
		}
	}
	// OCHA's Iraqi sub-districts (nahiya), when the dump carries them:
	// GeoNames has no ADM3 for Iraq.
	if f, err := os.Open(filepath.Join(dir, ochaSubdistricts)); err == nil {
		err = m.readOCHA(f, filepath.Base(ochaSubdistricts), &st)
		f.Close()
		if err != nil {
			return nil, st, err
		}
	}
	places := m.finish()
	st.Places = len(places)
	return build(places, m.keys), st, nil
}

// countryTables lists the country tables of a dump directory, relative to
// it: XX.txt, then region/XX.txt, each in name order.
func countryTables(dir string) ([]string, error) {
	var out []string
	for _, sub := range []string{".", regionDir} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if sub == regionDir && errors.Is(err, os.ErrNotExist) {
			break
		}
		if err != nil {
			return nil, err
		}
		for _, e := range entries { // ReadDir sorts by name
			if !e.IsDir() && isCountryTable(e.Name()) {
				out = append(out, filepath.Join(sub, e.Name()))
			}
		}
	}
	return out, nil
}

// isCountryTable reports a GeoNames country table's name: two upper-case
// letters (the ISO code) and .txt.
func isCountryTable(name string) bool {
	cc, ok := strings.CutSuffix(name, ".txt")
	return ok && len(cc) == 2 && cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z'
}

type adminCode struct {
	name string
	gn   int
}

// readAdminCodes reads admin1CodesASCII.txt or admin2Codes.txt (name,
// relative to dir): code, name, ascii name, geonameid.
func readAdminCodes(dir, name string, st *LoadStats) (map[string]adminCode, error) {
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	base := name
	out := map[string]adminCode{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) < 4 || fs[0] == "" || fs[1] == "" {
			st.Skipped++
			st.Errors = append(st.Errors, fmt.Errorf("%s:%d: want code, name, ascii name, geonameid", base, n))
			continue
		}
		gn, _ := strconv.Atoi(fs[3])
		out[fs[0]] = adminCode{name: fs[1], gn: gn}
	}
	return out, sc.Err()
}

// ochaSubdistricts is OCHA's Iraq sub-district table (COD-AB 2019), as the
// shared dump lays it out: pcode, name_en, name_ar, adm2_pcode, adm2_en,
// adm2_ar, adm1_pcode, adm1_en, adm1_ar, centroid_lat, centroid_lon.
const ochaSubdistricts = "ocha/irq_adm3_subdistricts.tsv"

// readOCHA adds Iraq's sub-districts, inside our governorates and districts.
// A curated sub-district of the same name nearby keeps its entry.
func (m *merger) readOCHA(r io.Reader, name string, st *LoadStats) error {
	gov := map[string]*Place{}
	dist := map[string][]*Place{}
	for _, p := range m.places {
		if !p.Curated || p.Country != "IQ" {
			continue
		}
		for _, a := range p.arabicNames() {
			switch p.Feature {
			case "governorate":
				gov[nameKey(a)] = p
			case "district":
				dist[nameKey(a)] = append(dist[nameKey(a)], p)
			}
		}
	}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		if n == 1 {
			continue // header
		}
		line := sc.Text()
		if line == "" {
			continue
		}
		st.Rows++
		f := strings.Split(line, "\t")
		if len(f) != 11 || f[0] == "" || f[1] == "" {
			st.Skipped++
			st.Errors = append(st.Errors, fmt.Errorf("%s:%d: want 11 tab-separated fields with a pcode and a name", name, n))
			continue
		}
		lat, err1 := strconv.ParseFloat(f[9], 64)
		lon, err2 := strconv.ParseFloat(f[10], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			st.Skipped++
			st.Errors = append(st.Errors, fmt.Errorf("%s:%d: bad coordinates", name, n))
			continue
		}
		ar := f[2]
		if strings.HasPrefix(ar, "مركز ") {
			// "مركز الفلوجة" is the district's central sub-district; as a
			// phrase in news it means the city centre.
			ar = ""
		}
		if ar != "" {
			if c := m.match("IQ", "subdistrict", lat, lon, 0, []string{ar}); c != nil && c.Feature == "subdistrict" {
				st.Merged++
				continue
			}
		}
		p := &Place{ID: "ocha:" + f[0], Name: f[1], NameAr: ar, Feature: "subdistrict", Country: "IQ", Lat: lat, Lon: lon}
		g := gov[nameKey(f[8])]
		if g != nil {
			p.Admin1 = g.Name
		} else {
			p.Admin1 = f[7]
		}
		p.Admin2 = f[4]
		for _, d := range dist[nameKey(f[5])] {
			if g == nil || d.Admin1 == g.Name {
				p.Admin2 = d.Name
				p.Parents = append(p.Parents, d.ID)
				break
			}
		}
		if g != nil {
			p.Parents = append(p.Parents, g.ID)
		}
		if c := m.country["IQ"]; c != nil {
			p.Parents = append(p.Parents, c.ID)
		}
		st.Added++
		m.places = append(m.places, p)
	}
	return sc.Err()
}

// merger folds GeoNames rows into the curated list.
type merger struct {
	places  []*Place
	byKey   map[string][]*Place // curated places by name key
	gov     map[string]*Place   // "IQ.13" → curated governorate
	country map[string]*Place   // "IQ" → curated country
	byGN    map[int]*Place
	admin1  map[string]adminCode
	admin2  map[string]adminCode
	added   []added
	// featureWords are the feature words of rules/ar/places.txt (محافظة،
	// منطقة ...), normalised.
	featureWords map[string]bool
	// parents of the curated places as pointers: merging may change their
	// ids (rasd:x → geonames:N), so Parents are rewritten at the end.
	parents map[*Place][]*Place
	// keys of the names seen, for build to reuse.
	keys keyCache
}

// added is a new place with the codes its hierarchy is resolved from.
type added struct {
	p            *Place
	admin1Code   string // "IQ.13"
	admin2Code   string // raw GeoNames admin2 code
	admin2Joined string // "IQ.13.94590"
}

func newMerger(curated []*Place, extra map[*Place]curatedExtra, admin1, admin2 map[string]adminCode) *merger {
	m := &merger{places: curated, byKey: map[string][]*Place{}, gov: map[string]*Place{},
		country: map[string]*Place{}, byGN: map[int]*Place{}, admin1: admin1, admin2: admin2,
		parents: map[*Place][]*Place{}, keys: keyCache{}}
	byID := map[string]*Place{}
	for _, p := range curated {
		byID[p.ID] = p
	}
	for _, p := range curated {
		for _, id := range p.Parents {
			m.parents[p] = append(m.parents[p], byID[id])
		}
		for _, a := range p.arabicNames() {
			k, _ := m.keys.key(a)
			m.byKey[k] = append(m.byKey[k], p)
		}
		if c := extra[p].admin1Code; c != "" {
			m.gov[c] = p
		}
		if p.Feature == "country" {
			m.country[p.Country] = p
		}
		if p.GeonameID > 0 {
			m.byGN[p.GeonameID] = p
		}
	}
	return m
}

// readGeonames reads one geoname table. Malformed rows are skipped and
// reported with their position.
func (m *merger) readGeonames(r io.Reader, name string, st *LoadStats) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	bad := func(n int, msg string) {
		st.Skipped++
		st.Errors = append(st.Errors, fmt.Errorf("%s:%d: %s", name, n, msg))
	}
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" {
			continue
		}
		st.Rows++
		f := strings.Split(line, "\t")
		if len(f) != 19 {
			bad(n, fmt.Sprintf("want 19 tab-separated fields, got %d", len(f)))
			continue
		}
		gn, err := strconv.Atoi(f[0])
		if err != nil || gn <= 0 {
			bad(n, "bad geonameid")
			continue
		}
		if f[1] == "" {
			bad(n, "empty name")
			continue
		}
		lat, err := strconv.ParseFloat(f[4], 64)
		if err != nil || lat < -90 || lat > 90 {
			bad(n, "bad latitude")
			continue
		}
		lon, err := strconv.ParseFloat(f[5], 64)
		if err != nil || lon < -180 || lon > 180 {
			bad(n, "bad longitude")
			continue
		}
		if len(f[8]) != 2 {
			bad(n, "bad country code")
			continue
		}
		pop := 0
		if f[14] != "" {
			if pop, err = strconv.Atoi(f[14]); err != nil || pop < 0 {
				bad(n, "bad population")
				continue
			}
		}
		feature := featureOf(f[6], f[7], pop)
		if feature == "" {
			continue // a feature class the SPEC has no name for (L.ZNB)
		}
		// GeoNames ids ≥ 900000000 in these dumps are synthetic (README).
		realGN := gn
		if gn >= 900000000 {
			realGN = 0
		}
		var ar []string
		if isArabicScript(f[1]) {
			ar = append(ar, f[1])
		}
		for _, a := range strings.Split(f[3], ",") {
			if a = strings.TrimSpace(a); a != "" && isArabicScript(a) {
				ar = append(ar, a)
			}
		}
		cc := f[8]
		c := m.match(cc, feature, lat, lon, realGN, ar)
		if c == nil && feature == "governorate" {
			c = m.gov[cc+"."+f[10]] // the ADM1 row of a curated governorate
		}
		if c != nil {
			st.Merged++
			if c.GeonameID == 0 && realGN > 0 {
				c.GeonameID = realGN
				c.ID = fmt.Sprintf("geonames:%d", realGN)
			}
			if c.Population == 0 && kindOf(c.Feature) == "populated" {
				// Only settlements: a district's head count would outrank
				// the town it is named after.
				c.Population = pop
			}
			if realGN > 0 && m.byGN[realGN] == nil {
				m.byGN[realGN] = c
			}
			continue
		}
		p := &Place{GeonameID: realGN, Name: f[1], Feature: feature, Country: cc,
			Lat: lat, Lon: lon, Population: pop}
		if realGN > 0 {
			p.ID = fmt.Sprintf("geonames:%d", realGN)
		} else {
			p.ID = fmt.Sprintf("rasd:gn%d", gn)
		}
		if len(ar) > 0 {
			p.NameAr, p.Aliases = ar[0], dedupe(ar[1:])
		}
		st.Added++
		m.places = append(m.places, p)
		if realGN > 0 {
			m.byGN[realGN] = p
		}
		m.added = append(m.added, added{p: p, admin1Code: cc + "." + f[10], admin2Code: f[11],
			admin2Joined: cc + "." + f[10] + "." + f[11]})
	}
	return sc.Err()
}

// match finds the curated entry a GeoNames row describes: the same GeoNames
// id, or a shared Arabic name, a compatible feature and a nearby point.
func (m *merger) match(cc, feature string, lat, lon float64, gn int, ar []string) *Place {
	if gn > 0 {
		if p := m.byGN[gn]; p != nil && p.Curated {
			return p
		}
	}
	var best *Place
	bestD := math.Inf(1)
	for _, a := range ar {
		k, _ := m.keys.key(a)
		// "محافظة اللاذقية", "منطقة الباب": the unit's name without its
		// feature word is how the curated list spells it.
		if first, rest, ok := strings.Cut(k, " "); ok && m.featureWords[first] {
			k = arabic.StripArticle(rest)
		}
		for _, p := range m.byKey[k] {
			if p.Country != cc || kindOf(p.Feature) != kindOf(feature) {
				continue
			}
			d := distKm(lat, lon, p.Lat, p.Lon)
			if d <= maxMergeKm[kindOf(feature)] && d < bestD {
				best, bestD = p, d
			}
		}
	}
	return best
}

// kindOf groups features that may describe the same thing in the two sources.
func kindOf(feature string) string {
	switch feature {
	case "city", "town", "village", "subdistrict":
		return "populated"
	case "site", "region":
		return "site"
	}
	return feature
}

// maxMergeKm: how far apart the two sources may put one place (governorate
// centroids differ a lot, points of towns little).
var maxMergeKm = map[string]float64{
	"country": 1000, "governorate": 200, "district": 60, "populated": 25, "site": 40,
}

func distKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// featureOf maps a GeoNames feature class and code to a SPEC feature.
func featureOf(class, code string, pop int) string {
	switch class {
	case "A":
		switch code {
		case "PCLI", "PCL", "PCLD":
			return "country"
		case "ADM1":
			return "governorate"
		case "ADM2":
			return "district"
		case "ADM3":
			return "subdistrict"
		}
		return "region"
	case "P":
		switch {
		case code == "PPLC" || code == "PPLA":
			return "city"
		case code == "PPLX":
			return "region" // a neighbourhood: part of a town
		case pop >= 100000:
			return "city"
		case pop >= 10000 || code == "PPLA2" || code == "PPLA3":
			return "town"
		}
		return "village"
	case "S", "R":
		return "site"
	case "T", "H", "V":
		return "region"
	}
	return ""
}

func isArabicScript(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// finish resolves the hierarchy of the added places: governorate from the
// admin1 code (the curated governorate's English name), district from the
// admin2 code (in Iraq the GeoNames id of the district).
func (m *merger) finish() []*Place {
	for p, ps := range m.parents {
		p.Parents = p.Parents[:0]
		for _, q := range ps {
			p.Parents = append(p.Parents, q.ID)
		}
	}
	for _, a := range m.added {
		p := a.p
		var parents []string
		if p.Feature != "district" && a.admin2Code != "" {
			var d *Place
			if gn, err := strconv.Atoi(a.admin2Code); err == nil {
				if q := m.byGN[gn]; q != nil && q.Feature == "district" {
					d = q
				}
			}
			switch {
			case d != nil:
				p.Admin2 = d.Name
				parents = append(parents, d.ID)
			case m.admin2[a.admin2Joined].name != "":
				p.Admin2 = m.admin2[a.admin2Joined].name
			}
		} else if p.Feature == "district" {
			p.Admin2 = p.Name
		}
		if g := m.gov[a.admin1Code]; g != nil {
			if p.Feature != "governorate" {
				p.Admin1 = g.Name
				parents = append(parents, g.ID)
			}
		} else if ac, ok := m.admin1[a.admin1Code]; ok {
			p.Admin1 = ac.name
		}
		if p.Feature == "governorate" {
			p.Admin1 = p.Name
		}
		if c := m.country[p.Country]; c != nil && p.Feature != "country" {
			parents = append(parents, c.ID)
		}
		p.Parents = parents
	}
	return m.places
}

// featureWords reads the feature words of ar/places.txt; a rules error
// leaves the set empty (NewFinder reports it).
func featureWords(fsys fs.FS) map[string]bool {
	out := map[string]bool{}
	var errs rules.ErrorList
	entries, err := rules.Read(fsys, "ar/places.txt", &errs)
	if err != nil {
		return out
	}
	for _, e := range entries {
		if e.Section == "feature" && len(e.Fields) == 2 {
			for _, w := range rules.Alternatives(e.Fields[1]) {
				out[arabic.StripArticle(arabic.Key(w))] = true
			}
		}
	}
	return out
}
