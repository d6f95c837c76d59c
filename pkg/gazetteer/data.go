package gazetteer

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The embedded default gazetteer, see data/PROVENANCE.md: places.txt,
// Iraq and Syria, written by hand; region.txt, the countries around them,
// generated from the GeoNames-format dumps of ../shared/gazetteer/region;
// world.txt, the other countries the news names, written by hand.
//
//go:generate go run ../../internal/gazgen -src ../../../shared/gazetteer/region -o data/region.txt
var (
	//go:embed data/places.txt
	placesFile string
	//go:embed data/region.txt
	regionFile string
	//go:embed data/world.txt
	worldFile string
)

// source is one embedded list.
type source struct{ name, text string }

func embedded() []source {
	return []source{{"data/places.txt", placesFile}, {"data/region.txt", regionFile}, {"data/world.txt", worldFile}}
}

// Default returns the embedded gazetteer. It parses the embedded lists on
// every call (a few milliseconds); callers keep the result.
func Default() (*Gazetteer, error) {
	ps, _, err := parseCurated(embedded()...)
	if err != nil {
		return nil, err
	}
	return New(ps), nil
}

// curatedExtra holds the fields of a curated row that only the loader needs.
type curatedExtra struct {
	admin1Code string // GeoNames admin1 code of a governorate, e.g. IQ.13
}

var validFeatures = map[string]bool{
	"country": true, "governorate": true, "district": true, "subdistrict": true,
	"city": true, "town": true, "village": true, "site": true, "region": true,
}

// parseCurated reads the embedded lists, one id space for all. Line format
// (fields separated by |):
//
//	id | feature | parent id | lat, lon | English name | Arabic / variants | key=value ...
//
// A country's id is its ISO code in lower case (iq). Keys: pop=N, gn=N
// (GeoNames id), code=IQ.13 (GeoNames admin1 code of a governorate),
// seat=city|town (a district whose seat bears its name: the seat is added
// as its own place, id without the "d-" prefix, inside it).
func parseCurated(srcs ...source) ([]*Place, map[*Place]curatedExtra, error) {
	var errs []error
	var places []*Place
	extra := map[*Place]curatedExtra{}
	byID := map[string]*Place{}
	parentOf := map[*Place]string{}
	for _, src := range srcs {
		places = parseSource(src, places, extra, byID, parentOf, &errs)
	}
	return resolveCurated(places, extra, byID, parentOf, errs)
}

// parseSource reads the lines of one list.
func parseSource(src source, places []*Place, extra map[*Place]curatedExtra, byID map[string]*Place,
	parentOf map[*Place]string, errs *[]error) []*Place {
	bad := func(line int, format string, args ...any) {
		*errs = append(*errs, fmt.Errorf("%s:%d: %s", src.name, line, fmt.Sprintf(format, args...)))
	}
	sc := bufio.NewScanner(strings.NewReader(src.text))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if len(f) < 6 {
			bad(n, "want at least 6 |-separated fields, got %d", len(f))
			continue
		}
		p := &Place{ID: "rasd:" + f[0], Feature: f[1], Name: f[4], Curated: true}
		if !validFeatures[p.Feature] {
			bad(n, "unknown feature %q", p.Feature)
			continue
		}
		lat, lon, ok := parseLatLon(f[3])
		if !ok {
			bad(n, "bad coordinates %q", f[3])
			continue
		}
		p.Lat, p.Lon = lat, lon
		for _, a := range strings.Split(f[5], "/") {
			if a = strings.TrimSpace(a); a != "" {
				p.Aliases = append(p.Aliases, a)
			}
		}
		if len(p.Aliases) == 0 || p.Name == "" {
			bad(n, "missing English or Arabic name")
			continue
		}
		p.NameAr, p.Aliases = p.Aliases[0], p.Aliases[1:]
		var seat string
		var ex curatedExtra
		seatGN := 0
		if len(f) > 6 {
			for _, kv := range strings.Fields(f[6]) {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "pop":
					p.Population, ok = atoiOK(v)
				case "gn":
					p.GeonameID, ok = atoiOK(v)
				case "seatgn":
					seatGN, ok = atoiOK(v)
				case "code":
					ex.admin1Code, ok = v, v != ""
				case "seat":
					seat, ok = v, validFeatures[v]
				default:
					ok = false
				}
				if !ok {
					bad(n, "bad key=value %q", kv)
				}
			}
		}
		if p.GeonameID > 0 {
			p.ID = fmt.Sprintf("geonames:%d", p.GeonameID)
		}
		if p.Feature == "country" {
			if len(f[0]) != 2 || strings.ToLower(f[0]) != f[0] {
				bad(n, "a country's id is its ISO code in lower case, not %q", f[0])
				continue
			}
			p.Country = strings.ToUpper(f[0])
		}
		if byID[f[0]] != nil {
			bad(n, "duplicate id %q", f[0])
			continue
		}
		byID[f[0]] = p
		if f[2] != "" && f[2] != "-" {
			parentOf[p] = f[2]
		}
		places = append(places, p)
		extra[p] = ex
		if seat != "" {
			id, cut := strings.CutPrefix(f[0], "d-")
			if !cut {
				bad(n, "seat= needs a district id starting with d-")
				continue
			}
			s := &Place{ID: "rasd:" + id, Feature: seat, Name: p.Name, NameAr: p.NameAr,
				Aliases: p.Aliases, Lat: p.Lat, Lon: p.Lon, Population: p.Population, Curated: true}
			p.Population = 0
			if seatGN > 0 {
				s.GeonameID = seatGN
				s.ID = fmt.Sprintf("geonames:%d", seatGN)
			}
			if byID[id] != nil {
				bad(n, "duplicate id %q", id)
				continue
			}
			byID[id] = s
			parentOf[s] = f[0]
			places = append(places, s)
		}
	}
	if err := sc.Err(); err != nil {
		*errs = append(*errs, fmt.Errorf("%s: %w", src.name, err))
	}
	return places
}

// resolveCurated resolves the hierarchy of the parsed lists: parents,
// country, governorate, district.
func resolveCurated(places []*Place, extra map[*Place]curatedExtra, byID map[string]*Place,
	parentOf map[*Place]string, errs []error) ([]*Place, map[*Place]curatedExtra, error) {
	final := make(map[string]*Place, len(places))
	for _, p := range places {
		final[p.ID] = p
	}
	for _, p := range places {
		cur := p
		for depth := 0; ; depth++ {
			pid, ok := parentOf[cur]
			if !ok {
				break
			}
			q := byID[pid]
			if q == nil || depth > 8 {
				errs = append(errs, fmt.Errorf("%s: unknown parent %q", p.ID, pid))
				break
			}
			p.Parents = append(p.Parents, q.ID)
			cur = q
		}
		setAdmin(p, func(id string) *Place { return final[id] })
	}
	return places, extra, errors.Join(errs...)
}

// setAdmin fills Country, Admin1 and Admin2 from p and its parents.
func setAdmin(p *Place, get func(string) *Place) {
	chain := []*Place{p}
	for _, id := range p.Parents {
		if q := get(id); q != nil {
			chain = append(chain, q)
		}
	}
	for _, q := range chain {
		switch q.Feature {
		case "country":
			p.Country = q.Country
		case "governorate":
			if p.Admin1 == "" {
				p.Admin1 = q.Name
			}
		case "district":
			if p.Admin2 == "" {
				p.Admin2 = q.Name
			}
		}
	}
}

func parseLatLon(s string) (lat, lon float64, ok bool) {
	a, b, found := strings.Cut(s, ",")
	if !found {
		return 0, 0, false
	}
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	lon, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, false
	}
	return lat, lon, true
}

func atoiOK(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}
