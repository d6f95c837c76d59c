package merge

import (
	"math"
	"strings"
	"time"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// The rules that decide whether two reports tell one incident. Each is a
// small pure function of two members, so that each can be tested alone;
// the README states them for users.

// maxSpanDays is the longest date range a mergeable event may have: a
// month. A year, or no date at all, cannot tell two incidents apart.
const maxSpanDays = 31

// publicationSlack: a date taken from the publication date (no date in
// the text) may be the day before, when the article reports yesterday's
// incident without saying so.
const publicationSlack = 1

// member is one event with what the rules compare, worked out once.
type member struct {
	ev     *model.Event
	key    string
	lo, hi int // the days the event may have happened on, as day numbers
	place  *model.Place
	area   bool     // the place is an area (governorate, district, region), not a point
	small  bool     // a town, village, site or subdistrict: few incidents a day happen there
	perps  []string // named perpetrators
	sides  []string // named armed sides, whatever their role
	totals map[model.CasualtyKind]total
	family model.Family
	flags  string // the flags that must agree: historical, planned, negated
}

// total is one event's figure for one casualty kind: its entries (one per
// group) added up.
type total struct {
	count, min, max int
	exact           bool
	groups          []string
}

func dayNumber(s string) (int, bool) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

// newMember prepares ev; ok is false when the event can only ever be an
// incident of its own: no date or one coarser than a month, no place
// finer than a country, or a tally (aggregate) of many incidents.
func newMember(ev *model.Event, key string) (m *member, ok bool) {
	m = &member{ev: ev, key: key, totals: map[model.CasualtyKind]total{}}
	for _, c := range ev.Casualties {
		t, seen := m.totals[c.Kind]
		t.count += c.Count
		t.min += c.Min
		t.max += c.Max
		t.exact = (t.exact || !seen) && c.Exact
		t.groups = append(t.groups, c.Group)
		m.totals[c.Kind] = t
	}
	lo, ok1 := dayNumber(ev.Date.Start)
	hi, ok2 := dayNumber(ev.Date.End)
	if !ok1 || !ok2 || hi < lo || hi-lo >= maxSpanDays || ev.HasFlag(model.Aggregate) {
		return m, false
	}
	if ev.Date.Basis == model.BasisPublication {
		lo -= publicationSlack
	}
	m.lo, m.hi = lo, hi
	loc, found := model.PrimaryPlace(ev.Locations)
	if !found || loc.Place.Feature == "country" || loc.Place.Country == "" {
		return m, false
	}
	m.place = loc.Place
	switch loc.Place.Feature {
	case "town", "village", "site", "subdistrict":
		m.small = true
	case "governorate", "district", "region":
		m.area = true
		if loc.Place.Admin1 == "" {
			return m, false // a region wider than a governorate (the Syrian Desert)
		}
	}
	info, _ := model.Info(ev.Type)
	m.family = info.Family
	for _, a := range ev.Actors {
		if a.Type == model.Civilians || a.Type == model.Protesters || strings.HasPrefix(a.Name, "Unidentified ") {
			continue // says nothing about which armed side acted
		}
		m.sides = appendOnce(m.sides, a.Name)
		if a.Role == model.Perpetrator {
			m.perps = appendOnce(m.perps, a.Name)
		}
	}
	var fl []string
	for _, f := range []model.Flag{model.Historical, model.Planned, model.Negated} {
		if ev.HasFlag(f) {
			fl = append(fl, string(f))
		}
	}
	m.flags = strings.Join(fl, ",")
	return m, true
}

// Place levels: how surely two places are one.
const (
	placeApart  = 0
	placeNested = 1 // one is an area holding the other (Diyala and Al-Azim)
	placeNear   = 2 // the same district, or points within MaxKm
	placeSame   = 3 // the same gazetteer entry
)

// placeLevel compares two places.
func placeLevel(a, b *member, maxKm float64) int {
	p, q := a.place, b.place
	switch {
	case p.Country != q.Country:
		return placeApart
	case p.ID == q.ID && a.area:
		return placeNear // one area named twice: somewhere in it, both times
	case p.ID == q.ID:
		return placeSame
	case p.Admin2 != "" && p.Admin2 == q.Admin2 && p.Admin1 == q.Admin1:
		return placeNear
	case !a.area && !b.area && km(p, q) <= maxKm:
		// Areas are left out: the coordinates of a governorate or a
		// region are its middle, not where anything happened.
		return placeNear
	case holds(a, q) || holds(b, p):
		return placeNested
	}
	return placeApart
}

// holds reports whether a's place is a governorate containing q. A
// district holds what has its admin2 (the rule above); a region (the
// Qalamoun, Eastern Ghouta) holds nothing the gazetteer can tell: it is
// not an administrative unit.
func holds(a *member, q *model.Place) bool {
	return a.place.Feature == "governorate" && a.place.Admin1 == q.Admin1
}

// pinpointed: both reports name the same small place (a town, village,
// site or subdistrict), or two such places within a few kilometres. On a
// busy day a city, a district or a governorate sees several incidents of
// one kind; a village rarely does.
func pinpointed(a, b *member, maxKm float64) bool {
	return a.small && b.small && (a.place.ID == b.place.ID || km(a.place, b.place) <= maxKm)
}

// specificTypes are kinds of incident rare enough that two reports of one
// on the same day in the same area are likely one.
var specificTypes = map[model.EventType]bool{
	model.SuicideBombing: true, model.CarBomb: true, model.IED: true,
	model.PrisonBreak: true, model.Assassination: true, model.Kidnapping: true,
}

// corroborated: the reports share a second sign beyond family, day and
// area: a named perpetrator, a figure of the same kind (they agree, or
// figuresAgree would have kept them apart), or a rare kind of incident.
// Reports placed no finer than a city must have one.
func corroborated(a, b *member) bool {
	if sharesActor(a, b) {
		return true
	}
	for k := range a.totals {
		if _, ok := b.totals[k]; ok {
			return true
		}
	}
	return a.ev.Type == b.ev.Type && specificTypes[a.ev.Type]
}

// sharesActor: the reports name a perpetrator in common (a side in
// common, for a clash).
func sharesActor(a, b *member) bool {
	x, y := a.perps, b.perps
	if a.ev.Type == model.ArmedClash || b.ev.Type == model.ArmedClash {
		x, y = a.sides, b.sides
	}
	for _, n := range x {
		for _, m := range y {
			if n == m {
				return true
			}
		}
	}
	return false
}

// km is the great-circle distance between two places.
func km(p, q *model.Place) float64 {
	const earthKm = 6371
	rad := math.Pi / 180
	dLat := (q.Lat - p.Lat) * rad
	dLon := (q.Lon - p.Lon) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(p.Lat*rad)*math.Cos(q.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// actorsAgree: when both reports name who did it, they name at least one
// side in common. In a clash, where roles are a matter of telling, any
// named side counts.
func actorsAgree(a, b *member) bool {
	x, y := a.perps, b.perps
	if a.ev.Type == model.ArmedClash || b.ev.Type == model.ArmedClash {
		x, y = a.sides, b.sides
	}
	return len(x) == 0 || len(y) == 0 || sharesActor(a, b)
}

// figuresAgree: for every kind both reports count, the figures are close
// enough to be two tellings of one toll. Tolls rise as they are updated
// (3 killed at first, 8 by evening), so agreement is not equality: the
// ranges overlap, or the larger is at most three times the smaller plus
// two.
func figuresAgree(a, b *member) bool {
	for k, s := range a.totals {
		t, ok := b.totals[k]
		if !ok {
			continue
		}
		if s.min <= t.max && t.min <= s.max {
			continue
		}
		lo, hi := min(s.count, t.count), max(s.count, t.count)
		if hi > 3*lo+2 {
			return false
		}
	}
	return true
}

// coarse: the report dates the incident only to a week or a month.
// Such dates come mostly from background retellings («earlier this
// month»), which are easily taken for the wrong incident: they join one
// only on a matching toll (sameToll).
func (m *member) coarse() bool { return m.hi-m.lo > publicationSlack }

// sameToll: both reports give a figure of some kind, and their ranges for
// it overlap.
func sameToll(a, b *member) bool {
	for k, s := range a.totals {
		if t, ok := b.totals[k]; ok && s.min <= t.max && t.min <= s.max {
			return true
		}
	}
	return false
}

// sameFigure reports whether the reports give the same killed figure: a
// sign, among candidates, of the same incident.
func sameFigure(a, b *member) bool {
	s, ok1 := a.totals[model.Killed]
	t, ok2 := b.totals[model.Killed]
	return ok1 && ok2 && s.count == t.count
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
