// Package gazetteer resolves Arabic place names in Iraq and Syria to places
// with hierarchy and coordinates.
//
// Two sources feed it: an embedded curated list (data/places.txt, written by
// hand: every governorate and district of both countries, the main towns and
// the valleys, prisons, camps and crossings this news names all the time) and,
// optionally, GeoNames dumps (Load), which add the villages. A Finder then
// reads place mentions out of tokenised text and resolves each one with the
// whole document as context.
package gazetteer

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// Place is one gazetteer entry.
type Place struct {
	ID         string // "geonames:N" or "rasd:slug"
	GeonameID  int
	Name       string // English
	NameAr     string
	Feature    string // SPEC feature: country governorate district subdistrict city town village site region
	Country    string // IQ, SY
	Admin1     string // English governorate name
	Admin2     string // English district name
	Lat, Lon   float64
	Aliases    []string // Arabic spellings
	Parents    []string // ids of enclosing places, nearest first
	Population int
	// Curated is true for entries of the embedded list (possibly enriched
	// from GeoNames); they are preferred on ties and fire without a cue.
	Curated bool
}

// Model returns the SPEC form of p.
func (p *Place) Model() *model.Place {
	return &model.Place{ID: p.ID, Name: p.Name, NameAr: p.NameAr, Feature: p.Feature,
		Country: p.Country, Admin1: p.Admin1, Admin2: p.Admin2, Lat: p.Lat, Lon: p.Lon}
}

// Gazetteer is an immutable set of places.
type Gazetteer struct {
	places []*Place
	byID   map[string]*Place
	// groups[i] are the places sharing one normalised name key, best first;
	// byKey maps the key to i. The Finder's trie stores group indices.
	groups [][]*Place
	keys   []string
	byKey  map[string]int32
	byEn   map[string][]*Place
	// spelling[i] is one original spelling of group i (the Finder's trie
	// keys it exactly as nameKey does); article[i] has bit 1 set when some
	// spelling carries the article, bit 2 when some does not.
	spelling []string
	article  []int8
}

// New builds a gazetteer over places. The places must not be modified
// afterwards: the gazetteer and its finders share them.
func New(places []*Place) *Gazetteer {
	g := &Gazetteer{
		places: places,
		byID:   make(map[string]*Place, len(places)),
		byKey:  make(map[string]int32, len(places)*2),
		byEn:   make(map[string][]*Place, len(places)),
	}
	for _, p := range places {
		g.byID[p.ID] = p
		seen := map[string]bool{}
		for _, a := range p.arabicNames() {
			k := nameKey(a)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			gi, ok := g.byKey[k]
			if !ok {
				gi = int32(len(g.groups))
				g.byKey[k] = gi
				g.groups = append(g.groups, nil)
				g.keys = append(g.keys, k)
				g.spelling = append(g.spelling, a)
				g.article = append(g.article, 0)
			}
			g.groups[gi] = append(g.groups[gi], p)
			if strings.HasPrefix(k, "ال") || k != firstWordKey(a) {
				g.article[gi] |= 1
			} else {
				g.article[gi] |= 2
			}
		}
		if en := strings.ToLower(strings.TrimSpace(p.Name)); en != "" {
			g.byEn[en] = append(g.byEn[en], p)
		}
	}
	for _, grp := range g.groups {
		sortByRank(grp)
	}
	for _, grp := range g.byEn {
		sortByRank(grp)
	}
	return g
}

func (p *Place) arabicNames() []string {
	out := make([]string, 0, 1+len(p.Aliases))
	if p.NameAr != "" {
		out = append(out, p.NameAr)
	}
	return append(out, p.Aliases...)
}

// nameKey is the form a name is indexed under: normalised tokens joined by
// one space, the first without its article, as textmatch.Trie keys it.
func nameKey(name string) string {
	n := arabic.Normalize(name)
	if plainWords(n) {
		// The common case, without building a Text: letters and spaces
		// tokenise exactly as strings.Fields splits them.
		f := strings.Fields(n)
		if len(f) == 0 {
			return ""
		}
		f[0] = arabic.StripArticle(f[0])
		return strings.Join(f, " ")
	}
	toks := arabic.New(name).Tokens
	if len(toks) == 0 {
		return ""
	}
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text
	}
	parts[0] = arabic.StripArticle(parts[0])
	return strings.Join(parts, " ")
}

// featureRank orders features for ties: what a bare name most often means
// in the news (a city before the governorate or district named after it).
var featureRank = map[string]int{
	"city": 9, "governorate": 8, "country": 8, "town": 7, "district": 6,
	"site": 6, "region": 5, "subdistrict": 5, "village": 3,
}

// baseScore is a place's standing without any context.
func (p *Place) baseScore() float64 {
	s := float64(featureRank[p.Feature])
	if p.Curated {
		s += 10
	}
	return s + math.Log10(float64(p.Population)+1)
}

func sortByRank(ps []*Place) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].baseScore() > ps[j].baseScore() })
}

// Len is the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Places returns all places; callers must not modify them.
func (g *Gazetteer) Places() []*Place { return g.places }

// ByID returns the place with the given id, or nil.
func (g *Gazetteer) ByID(id string) *Place { return g.byID[id] }

// Lookup returns the places an Arabic or English name may denote, best
// first. An Arabic name may carry clitics (بالحسكة) and spelling variants.
func (g *Gazetteer) Lookup(name string) []*Place {
	name = strings.TrimSpace(name)
	if ps := g.byEn[strings.ToLower(name)]; len(ps) > 0 {
		return append([]*Place(nil), ps...)
	}
	k := nameKey(name)
	if k == "" {
		return nil
	}
	if gi, ok := g.byKey[k]; ok {
		return append([]*Place(nil), g.groups[gi]...)
	}
	// Try the first word without its proclitics.
	first, rest, _ := strings.Cut(k, " ")
	var forms [arabic.MaxForms]string
	n := arabic.Forms(first, &forms)
	for i := 1; i < n; i++ {
		kk := arabic.StripArticle(forms[i])
		if rest != "" {
			kk += " " + rest
		}
		if gi, ok := g.byKey[kk]; ok {
			return append([]*Place(nil), g.groups[gi]...)
		}
	}
	return nil
}

// Hierarchy returns p's enclosing places, nearest first.
func (g *Gazetteer) Hierarchy(p *Place) []*Place {
	var out []*Place
	for _, id := range p.Parents {
		if q := g.byID[id]; q != nil {
			out = append(out, q)
		}
	}
	return out
}

// plainWords reports whether s holds only letters and spaces.
func plainWords(s string) bool {
	for _, r := range s {
		if r != ' ' && !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// firstWordKey is the key of a name without stripping the article: equal to
// nameKey exactly when the name has no article to strip.
func firstWordKey(name string) string {
	return strings.Join(strings.Fields(arabic.Normalize(name)), " ")
}
