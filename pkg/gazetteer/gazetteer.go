// Package gazetteer resolves Arabic place names to places with hierarchy and
// coordinates: in detail in Iraq and Syria, and the countries, provinces and
// cities around them and the other countries the news names.
//
// Two sources feed it: an embedded curated list (data/places.txt, written by
// hand: every governorate and district of both countries, the main towns and
// the valleys, prisons, camps and crossings this news names all the time;
// data/region.txt, generated from GeoNames data: the 20 countries of the
// region, their first-level units and cities; data/world.txt, other
// countries, by hand) and, optionally, GeoNames dumps (Load), which add the
// villages. A Finder then reads place mentions out of tokenised text and
// resolves each one with the whole document as context, preferring places
// in Iraq and Syria, the area this news is about, where a name is shared.
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
	Country    string // ISO 3166-1 code: IQ, SY, YE ...
	Admin1     string // English name of the governorate (first-level unit)
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
	// groups[i] are the places sharing one normalised name key: those in
	// the area (Iraq, Syria) first, nHome[i] of them, then those abroad,
	// each part best first. byKey maps the key to i. The Finder's trie
	// stores group indices.
	groups [][]*Place
	nHome  []int32
	keys   []string
	byKey  map[string]int32
	byEn   map[string][]*Place
	// spelling[i] is one original spelling of group i (the Finder's trie
	// keys it exactly as nameKey does); article[i] has bit 1 set when some
	// spelling of a place in the area carries the article, bit 2 when some
	// does not, and bits 4 and 8 the same for the places abroad.
	spelling []string
	article  []int8
}

// inArea reports whether a country is one this news is about; the Finder
// prefers their places where a name is shared with a place abroad.
func inArea(country string) bool { return country == "IQ" || country == "SY" }

// Article bits of Gazetteer.article, for the places in the area; the bits
// for the places abroad are these shifted by abroadShift.
const (
	withArticle    = 1
	withoutArticle = 2
	abroadShift    = 2
)

// New builds a gazetteer over places. The places must not be modified
// afterwards: the gazetteer and its finders share them.
func New(places []*Place) *Gazetteer {
	return build(places, nil)
}

// build is New with the keys of names already computed (Load's merger
// computed most of them): normalising every name is most of the cost.
func build(places []*Place, keys keyCache) *Gazetteer {
	g := &Gazetteer{
		places: places,
		byID:   make(map[string]*Place, len(places)),
		byKey:  make(map[string]int32, len(places)*2),
		byEn:   make(map[string][]*Place, len(places)),
		groups: make([][]*Place, 0, len(places)),
		keys:   make([]string, 0, len(places)),
	}
	seen := map[string]bool{}
	for _, p := range places {
		g.byID[p.ID] = p
		clear(seen)
		for _, a := range p.arabicNames() {
			k, art := keys.key(a)
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
			bit := int8(withoutArticle)
			if art {
				bit = withArticle
			}
			if !inArea(p.Country) {
				bit <<= abroadShift
			}
			g.article[gi] |= bit
		}
		if en := strings.ToLower(strings.TrimSpace(p.Name)); en != "" {
			g.byEn[en] = append(g.byEn[en], p)
		}
	}
	g.nHome = make([]int32, len(g.groups))
	for gi, grp := range g.groups {
		g.nHome[gi] = homeFirst(grp)
	}
	for _, grp := range g.byEn {
		homeFirst(grp)
	}
	return g
}

// homeFirst orders a group: the places in the area first, then those
// abroad, each by rank. It returns how many are in the area.
func homeFirst(grp []*Place) int32 {
	if len(grp) == 1 { // most names: no sort, no allocation
		if inArea(grp[0].Country) {
			return 1
		}
		return 0
	}
	sortByRank(grp)
	sort.SliceStable(grp, func(i, j int) bool { return inArea(grp[i].Country) && !inArea(grp[j].Country) })
	n := int32(0)
	for n < int32(len(grp)) && inArea(grp[n].Country) {
		n++
	}
	return n
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
	k, _ := nameKeyArticle(name)
	return k
}

// nameKeyArticle is nameKey, and whether the name counts as written with
// the article: its key starts with ال, or differs from its plain
// normalised words (the article was stripped).
func nameKeyArticle(name string) (string, bool) {
	n := arabic.Normalize(name)
	var k string
	if plainWords(n) {
		// The common case, without building a Text: letters and spaces
		// tokenise exactly as strings.Fields splits them.
		f := strings.Fields(n)
		if len(f) == 0 {
			return "", false
		}
		f[0] = arabic.StripArticle(f[0])
		k = strings.Join(f, " ")
	} else {
		tx := arabic.New(name)
		if len(tx.Tokens) == 0 {
			return "", false
		}
		parts := make([]string, len(tx.Tokens))
		for i := range tx.Tokens {
			parts[i] = tx.Word(i)
		}
		parts[0] = arabic.StripArticle(parts[0])
		k = strings.Join(parts, " ")
	}
	return k, strings.HasPrefix(k, "ال") || k != strings.Join(strings.Fields(n), " ")
}

// keyCache remembers nameKeyArticle per name; a nil cache computes.
type keyCache map[string]nameKeyed

type nameKeyed struct {
	key     string
	article bool
}

func (c keyCache) key(name string) (string, bool) {
	if c == nil {
		return nameKeyArticle(name)
	}
	if e, ok := c[name]; ok {
		return e.key, e.article
	}
	k, art := nameKeyArticle(name)
	c[name] = nameKeyed{k, art}
	return k, art
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

// Lookup returns the places an Arabic or English name may denote, those
// in Iraq and Syria first, each part best first. An Arabic name may carry clitics (بالحسكة) and spelling variants.
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
