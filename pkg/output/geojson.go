package output

import (
	"encoding/json"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/country"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/notes"
)

// feature is one GeoJSON Feature (RFC 7946): a point at the record's
// primary place with flat properties, which every map tool can style and
// filter on.
type feature struct {
	Type       string     `json:"type"`
	ID         string     `json:"id"`
	Geometry   point      `json:"geometry"`
	Properties properties `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude
}

// properties are the main fields of the record, flat; a struct so that
// they come out in the same order every time.
type properties struct {
	ID              string   `json:"id"`
	DocIDs          string   `json:"doc_ids"`
	NumberOfSources int      `json:"number_of_sources"`
	Type            string   `json:"type"`
	EventType       string   `json:"event_type"`
	SubEventType    string   `json:"sub_event_type"`
	DateStart       string   `json:"date_start"`
	DateEnd         string   `json:"date_end"`
	DatePrecision   string   `json:"date_precision"`
	Location        string   `json:"location"`
	Admin1          string   `json:"admin1"`
	Admin2          string   `json:"admin2"`
	Country         string   `json:"country"`
	GeoPrecision    int      `json:"geo_precision"`
	Actor1          string   `json:"actor1"`
	Actor2          string   `json:"actor2"`
	Killed          int      `json:"killed"`
	Wounded         int      `json:"wounded"`
	Sources         string   `json:"sources"`
	Flags           []string `json:"flags"`
	Notes           string   `json:"notes"`
}

func eventFeature(ev *model.Event) (feature, bool) {
	loc, ok := model.PrimaryPlace(ev.Locations)
	if !ok {
		return feature{}, false
	}
	p := baseProperties(ev.Type, ev.ACLED, ev.Date, loc, ev.Actors, ev.Flags)
	p.ID, p.DocIDs, p.NumberOfSources = ev.ID, ev.DocID, 1
	p.Notes = ev.Notes
	if p.Notes == "" {
		p.Notes = notes.Event(ev)
	}
	for _, c := range ev.Casualties {
		switch c.Kind {
		case model.Killed:
			p.Killed += c.Count
		case model.Wounded:
			p.Wounded += c.Count
		}
	}
	var src []string
	for _, s := range ev.Sources {
		src = appendOnce(src, s.Name)
	}
	p.Sources = strings.Join(src, "; ")
	return newFeature(ev.ID, loc, p), true
}

func incidentFeature(in *model.Incident) (feature, bool) {
	loc, ok := model.PrimaryPlace(in.Locations)
	if !ok {
		return feature{}, false
	}
	p := baseProperties(in.Type, in.ACLED, in.Date, loc, in.Actors, in.Flags)
	p.ID, p.DocIDs, p.NumberOfSources = in.ID, strings.Join(in.DocIDs, "; "), in.NumberOfSources
	p.Notes = in.Notes
	if t, ok := in.Toll(model.Killed); ok {
		p.Killed = t.Best
	}
	if t, ok := in.Toll(model.Wounded); ok {
		p.Wounded = t.Best
	}
	var src []string
	for _, s := range in.Sources {
		src = append(src, s.Name)
	}
	p.Sources = strings.Join(src, "; ")
	return newFeature(in.ID, loc, p), true
}

func baseProperties(t model.EventType, a model.ACLED, d model.Date, loc model.Location, actors []model.Actor, flags []model.Flag) properties {
	s := sidesOf(actors)
	p := properties{
		Type: string(t), EventType: a.EventType, SubEventType: a.SubEventType,
		DateStart: d.Start, DateEnd: d.End, DatePrecision: string(d.Precision),
		Location: loc.Place.Name, Admin1: loc.Place.Admin1, Admin2: loc.Place.Admin2,
		Country: country.Name(loc.Place.Country), GeoPrecision: loc.Precision,
		Flags: []string{},
	}
	if len(s.one) > 0 {
		p.Actor1 = s.one[0].Name
	}
	if len(s.two) > 0 {
		p.Actor2 = s.two[0].Name
	}
	for _, f := range flags {
		p.Flags = append(p.Flags, string(f))
	}
	return p
}

func newFeature(id string, loc model.Location, p properties) feature {
	return feature{Type: "Feature", ID: id,
		Geometry:   point{Type: "Point", Coordinates: [2]float64{loc.Place.Lon, loc.Place.Lat}},
		Properties: p}
}

func appendFeature(dst []byte, f feature) ([]byte, bool, error) {
	b, err := json.Marshal(f)
	if err != nil {
		return dst, false, err
	}
	return append(append(dst, geoSep...), b...), true, nil
}
