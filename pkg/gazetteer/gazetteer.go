// Package gazetteer resolves Arabic place names in Iraq and Syria to places
// with hierarchy and coordinates.
//
// STUB: the gazetteer issue fills this package in; the signatures below are
// the contract the pipeline calls.
package gazetteer

import (
	"io/fs"

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
}

// Model returns the SPEC form of p.
func (p *Place) Model() *model.Place {
	return &model.Place{ID: p.ID, Name: p.Name, NameAr: p.NameAr, Feature: p.Feature,
		Country: p.Country, Admin1: p.Admin1, Admin2: p.Admin2, Lat: p.Lat, Lon: p.Lon}
}

// Gazetteer is an immutable set of places.
type Gazetteer struct {
	places []*Place
}

// Default returns the embedded gazetteer.
func Default() (*Gazetteer, error) { return &Gazetteer{}, nil }

// LoadStats counts what Load read.
type LoadStats struct {
	Places  int
	Skipped int
	Errors  []error // positioned: IQ.txt:1234: bad latitude
}

// Load reads a GeoNames dump directory (IQ.txt, SY.txt, admin1CodesASCII.txt,
// admin2Codes.txt) merged with the embedded default.
func Load(dir string) (*Gazetteer, LoadStats, error) { return &Gazetteer{}, LoadStats{}, nil }

// Len is the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Lookup returns the places an Arabic or English name may denote.
func (g *Gazetteer) Lookup(name string) []*Place { return nil }

// Mention is one place named in a text.
type Mention struct {
	// Tok0, Tok1: tokens [Tok0, Tok1) of the whole mention, relation and
	// feature words included.
	Tok0, Tok1 int
	Span       model.Span // original code points of the whole mention
	Text       string     // e.g. "غربي ناحية العظيم"
	Relation   model.Relation
	Precision  int    // ACLED geo-precision 1..3
	Place      *Place // nil when the text names a place the gazetteer lacks
}

// Finder finds and resolves place mentions; immutable, safe for concurrent use.
type Finder struct {
	g *Gazetteer
}

// NewFinder compiles a finder over g with the place vocabulary of rulesFS
// (ar/places.txt: feature words, relation words, names that need a cue).
func NewFinder(g *Gazetteer, rulesFS fs.FS) (*Finder, error) { return &Finder{g: g}, nil }

// Find returns the place mentions of tx in text order, each resolved with
// the whole document as context.
func (f *Finder) Find(tx *arabic.Text) []Mention { return nil }
