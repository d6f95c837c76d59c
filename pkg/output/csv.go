package output

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"github.com/rasd-monitor/rasd/pkg/country"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/notes"
)

// header is ACLED's column layout, in ACLED's order.
var header = [...]string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
	"sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
	"interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
	"location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
	"fatalities", "tags", "timestamp",
}

// Header returns the CSV header: ACLED's columns.
func Header() []string { return append([]string(nil), header[:]...) }

// Columns, by name, so that a row is filled by name and written in
// ACLED's order.
const (
	colID = iota
	colDate
	colYear
	colTimePrecision
	colDisorder
	colEventType
	colSubEventType
	colActor1
	colAssoc1
	colInter1
	colActor2
	colAssoc2
	colInter2
	colInteraction
	colCivilianTargeting
	colISO
	colRegion
	colCountry
	colAdmin1
	colAdmin2
	colAdmin3
	colLocation
	colLatitude
	colLongitude
	colGeoPrecision
	colSource
	colSourceScale
	colNotes
	colFatalities
	colTags
	colTimestamp
	nColumns
)

func appendCSV(dst []byte, row []string) ([]byte, bool, error) {
	buf := bytes.NewBuffer(dst)
	w := csv.NewWriter(buf)
	if err := w.Write(row); err != nil {
		return dst, false, err
	}
	w.Flush()
	return buf.Bytes(), true, w.Error()
}

// record is what a row needs, from an event or an incident.
type record struct {
	id         string
	date       model.Date
	acled      model.ACLED
	actors     []model.Actor
	locations  []model.Location
	sources    []string
	notes      string
	fatalities int
	tags       []string
}

func eventRow(ev *model.Event) []string {
	r := record{id: ev.ID, date: ev.Date, acled: ev.ACLED, actors: ev.Actors, locations: ev.Locations,
		notes: ev.Notes, tags: []string{"type=" + string(ev.Type)}}
	if r.notes == "" {
		r.notes = notes.Event(ev) // an events file written before notes existed
	}
	exact := true
	for _, c := range ev.Casualties {
		if c.Kind == model.Killed {
			r.fatalities += c.Count
			exact = exact && c.Exact
		}
	}
	if r.fatalities > 0 && !exact {
		r.tags = append(r.tags, "fatalities approximate")
	}
	for _, f := range ev.Flags {
		r.tags = append(r.tags, string(f))
	}
	for _, s := range ev.Sources {
		r.sources = appendOnce(r.sources, s.Name)
	}
	return r.row()
}

func incidentRow(in *model.Incident) []string {
	r := record{id: in.ID, date: in.Date, acled: in.ACLED, actors: in.Actors, locations: in.Locations,
		notes: in.Notes, tags: []string{"type=" + string(in.Type), "documents=" + strconv.Itoa(in.NumberOfSources)}}
	if t, ok := in.Toll(model.Killed); ok {
		r.fatalities = t.Best
		if !t.Exact {
			r.tags = append(r.tags, "fatalities approximate")
		}
		if t.Low != t.High {
			r.tags = append(r.tags, "fatalities range="+strconv.Itoa(t.Low)+"-"+strconv.Itoa(t.High))
		}
	}
	for _, f := range in.Flags {
		r.tags = append(r.tags, string(f))
	}
	for _, s := range in.Sources {
		r.sources = appendOnce(r.sources, s.Name)
	}
	return r.row()
}

func (r record) row() []string {
	row := make([]string, nColumns)
	row[colID] = r.id
	if day, ok := eventDate(r.date); ok {
		row[colDate] = day.Format(time.DateOnly)
		row[colYear] = strconv.Itoa(day.Year())
		row[colTimePrecision] = timePrecision(r.date.Precision)
	}
	row[colDisorder] = disorderType(r.acled)
	row[colEventType], row[colSubEventType] = r.acled.EventType, r.acled.SubEventType

	s := sidesOf(r.actors)
	if len(s.one) > 0 {
		row[colActor1], row[colAssoc1] = s.one[0].Name, names(s.one[1:])
		row[colInter1] = strconv.Itoa(inter(s.one[0].Type))
	}
	if len(s.two) > 0 {
		row[colActor2], row[colAssoc2] = s.two[0].Name, names(s.two[1:])
		row[colInter2] = strconv.Itoa(inter(s.two[0].Type))
	}
	row[colInteraction] = interaction(row[colInter1], row[colInter2])
	for _, a := range r.actors {
		if a.Role == model.Target && a.Type == model.Civilians {
			row[colCivilianTargeting] = "Civilian targeting"
		}
	}

	if loc, ok := model.PrimaryPlace(r.locations); ok {
		p := loc.Place
		if c, ok := country.Lookup(p.Country); ok {
			row[colISO], row[colRegion] = strconv.Itoa(c.Numeric), c.Region
		}
		row[colCountry] = country.Name(p.Country)
		row[colAdmin1], row[colAdmin2] = p.Admin1, p.Admin2
		row[colLocation] = p.Name
		row[colLatitude] = strconv.FormatFloat(p.Lat, 'f', -1, 64)
		row[colLongitude] = strconv.FormatFloat(p.Lon, 'f', -1, 64)
		row[colGeoPrecision] = strconv.Itoa(loc.Precision)
	}
	row[colSource] = strings.Join(r.sources, "; ")
	row[colNotes] = r.notes
	row[colFatalities] = strconv.Itoa(r.fatalities)
	row[colTags] = strings.Join(r.tags, "; ")
	return row
}

// eventDate is the day a row is dated: the day itself, or the middle of a
// week or month, so that a month's events do not all pile up on its first
// day. time_precision says which.
func eventDate(d model.Date) (time.Time, bool) {
	start, err1 := time.Parse(time.DateOnly, d.Start)
	end, err2 := time.Parse(time.DateOnly, d.End)
	if err1 != nil || err2 != nil || end.Before(start) {
		return time.Time{}, false
	}
	return start.AddDate(0, 0, int(end.Sub(start).Hours()/24)/2), true
}

// timePrecision is ACLED's code: 1 the day, 2 the week, 3 the month (or
// coarser).
func timePrecision(p model.Precision) string {
	switch p {
	case model.PrecisionDay:
		return "1"
	case model.PrecisionWeek:
		return "2"
	}
	return "3"
}

// disorderType is ACLED's disorder type of an event type.
func disorderType(a model.ACLED) string {
	switch {
	case a.EventType == "Protests" && a.SubEventType == "Excessive force against protesters":
		return "Political violence; Demonstrations"
	case a.EventType == "Protests" || a.EventType == "Riots":
		return "Demonstrations"
	case a.EventType == "Strategic developments":
		return "Strategic developments"
	case a.EventType == "":
		return ""
	}
	return "Political violence"
}

// sides splits actors into ACLED's actor 1 (who acted) and actor 2 (on
// whom), each with its associates. Sides whose role the text does not
// tell fill an empty side, actor 1 first.
type sides struct{ one, two []model.Actor }

func sidesOf(actors []model.Actor) sides {
	var s sides
	var others []model.Actor
	for _, a := range actors {
		switch a.Role {
		case model.Perpetrator:
			s.one = appendActor(s.one, a)
		case model.Target:
			s.two = appendActor(s.two, a)
		default:
			others = appendActor(others, a)
		}
	}
	if len(s.one) == 0 && len(others) > 0 {
		s.one, others = others[:1], others[1:]
	}
	if len(s.two) == 0 && len(others) > 0 {
		s.two, others = others[:1], others[1:]
	}
	for _, a := range others {
		s.two = appendActor(s.two, a)
	}
	return s
}

// appendActor adds a unless an actor of that name is there already (one
// group named with two of its members).
func appendActor(list []model.Actor, a model.Actor) []model.Actor {
	for _, b := range list {
		if b.Name == a.Name {
			return list
		}
	}
	return append(list, a)
}

func names(as []model.Actor) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Name
	}
	return strings.Join(out, "; ")
}

// inter is ACLED's inter code of an actor type.
func inter(t model.ActorType) int {
	switch t {
	case model.StateForces:
		return 1
	case model.RebelGroup:
		return 2
	case model.PoliticalMilitia:
		return 3
	case model.IdentityMilitia:
		return 4
	case model.Rioters:
		return 5
	case model.Protesters:
		return 6
	case model.Civilians:
		return 7
	case model.ExternalForces:
		return 8
	}
	return 0
}

// interaction is ACLED's two-digit code: the two inter codes, the lower
// first; a lone actor's code followed by 0.
func interaction(a, b string) string {
	switch {
	case a == "" && b == "":
		return ""
	case a == "":
		return b + "0"
	case b == "":
		return a + "0"
	case b < a:
		return b + a
	}
	return a + b
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
