// Package notes writes the one-sentence English summary that every event
// and incident carries in its `notes` field (ACLED's notes column): when,
// what, who did it to whom, where, the tolls and who reported it, e.g.
//
//	On 21 January 2022, Islamic State attacked Iraqi Army west of Al-Azim
//	(Diyala, Iraq); 11 killed (Iraqi Army). Source: Iraqi News Agency.
//
// It reads only the record, so a reader without Arabic can check the record
// against the note, and the note never says more than the record.
package notes

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rasd-monitor/rasd/pkg/country"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// Event returns the note of one event record.
func Event(ev *model.Event) string {
	s := sentence{
		date: ev.Date, typ: ev.Type, actors: ev.Actors, locations: ev.Locations,
		flags: ev.Flags, tolls: eventTolls(ev.Casualties),
	}
	for _, src := range ev.Sources {
		s.sources = appendOnce(s.sources, src.Name)
	}
	return s.String()
}

// Incident returns the note of an incident: the same sentence with the
// incident's best figures and how many documents reported it.
func Incident(in *model.Incident) string {
	s := sentence{
		date: in.Date, typ: in.Type, actors: in.Actors, locations: in.Locations,
		flags: in.Flags, tolls: incidentTolls(in.Tolls), documents: in.NumberOfSources,
	}
	for _, src := range in.Sources {
		s.sources = appendOnce(s.sources, src.Name)
	}
	return s.String()
}

// sentence is what a note says, whichever record it comes from.
type sentence struct {
	date      model.Date
	typ       model.EventType
	actors    []model.Actor
	locations []model.Location
	tolls     []string
	flags     []model.Flag
	sources   []string
	documents int // incidents: how many documents told it
}

func (s sentence) String() string {
	var b strings.Builder
	b.WriteString(datePhrase(s.date))
	b.WriteString(", ")
	b.WriteString(s.what())
	if where := wherePhrase(s.locations); where != "" {
		b.WriteString(" ")
		b.WriteString(where)
	}
	for _, t := range s.tolls {
		b.WriteString("; ")
		b.WriteString(t)
	}
	for _, f := range s.flags {
		if r := flagRemarks[f]; r != "" {
			b.WriteString("; ")
			b.WriteString(r)
		}
	}
	b.WriteString(".")
	switch len(s.sources) {
	case 0:
	case 1:
		b.WriteString(" Source: " + s.sources[0])
	default:
		b.WriteString(" Sources: " + list(s.sources))
	}
	switch {
	case s.documents > 1 && len(s.sources) > 0:
		fmt.Fprintf(&b, "; reported in %d documents.", s.documents)
	case s.documents > 1:
		fmt.Fprintf(&b, " Reported in %d documents.", s.documents)
	case len(s.sources) > 0:
		b.WriteString(".")
	}
	return b.String()
}

var flagRemarks = map[model.Flag]string{
	model.Historical: "a reference to a past incident",
	model.Aggregate:  "a tally over many incidents, not one incident",
	model.Planned:    "announced, not carried out",
	model.Negated:    "reported as not having happened",
	model.OutOfArea:  "outside Iraq and Syria",
}

// datePhrase opens the sentence: "On 21 January 2022", "At dawn on …",
// "In January 2022", "Between 15 and 21 January 2022", "On an unknown date".
func datePhrase(d model.Date) string {
	start, err1 := time.Parse(time.DateOnly, d.Start)
	end, err2 := time.Parse(time.DateOnly, d.End)
	if err1 != nil || err2 != nil {
		return "On an unknown date"
	}
	switch {
	case d.Precision == model.PrecisionYear && start.YearDay() == 1 && end.Year() == start.Year():
		return "In " + strconv.Itoa(start.Year())
	case d.Precision == model.PrecisionMonth && start.Day() == 1 && end.Month() == start.Month():
		return "In " + start.Format("January 2006")
	case start.Equal(end):
		day := start.Format("2 January 2006")
		if p := partOfDay[d.PartOfDay]; p != "" {
			return p + day
		}
		return "On " + day
	case start.Year() != end.Year():
		return "Between " + start.Format("2 January 2006") + " and " + end.Format("2 January 2006")
	case start.Month() != end.Month():
		return "Between " + start.Format("2 January") + " and " + end.Format("2 January 2006")
	default:
		return "Between " + start.Format("2") + " and " + end.Format("2 January 2006")
	}
}

var partOfDay = map[string]string{
	model.Dawn:      "At dawn on ",
	model.Morning:   "On the morning of ",
	model.Noon:      "At noon on ",
	model.Afternoon: "On the afternoon of ",
	model.Evening:   "On the evening of ",
	model.Night:     "On the night of ",
}

// phrasing is how one event type is told, by which sides are known:
// {P} stands for the perpetrators, {T} for the targets, {A} for both
// together; with neither, the noun "took place".
type phrasing struct {
	noun, both, perp, target string
	// members: an organisation among the targets is written "members of
	// X" (arrested members of Islamic State), people as they are
	// (arrested protesters).
	members bool
}

var phrasings = map[model.EventType]phrasing{
	model.Attack: {noun: "an attack", both: "{P} attacked {T}", perp: "{P} carried out an attack",
		target: "an attack on {T} took place"},
	model.ArmedClash: {noun: "an armed clash", both: "{P} clashed with {T}", perp: "{P} fought an armed clash",
		target: "an armed clash involving {T} took place"},
	model.SuicideBombing: {noun: "a suicide bombing", both: "{P} carried out a suicide bombing against {T}",
		perp: "{P} carried out a suicide bombing", target: "a suicide bombing against {T} took place"},
	model.IED: {noun: "an IED explosion", both: "{P} set off an explosive device against {T}",
		perp: "{P} set off an explosive device", target: "an explosive device went off against {T}"},
	model.CarBomb: {noun: "a car bomb explosion", both: "{P} set off a car bomb against {T}",
		perp: "{P} set off a car bomb", target: "a car bomb went off against {T}"},
	model.Airstrike: {noun: "an air strike", both: "{P} carried out an air strike on {T}",
		perp: "{P} carried out an air strike", target: "an air strike hit {T}"},
	model.Shelling: {noun: "shelling", both: "{P} shelled {T}", perp: "{P} fired shells, rockets or missiles",
		target: "shelling hit {T}"},
	model.Kidnapping: {noun: "an abduction", both: "{P} abducted {T}", perp: "{P} abducted people",
		target: "{T} were abducted", members: true},
	model.Assassination: {noun: "a targeted killing", both: "{P} killed {T} in a targeted attack",
		perp: "{P} carried out a targeted killing", target: "a targeted killing of {T} took place", members: true},
	model.SecurityOperation: {noun: "a security operation", both: "{P} carried out a security operation against {T}",
		perp: "{P} carried out a security operation", target: "a security operation against {T} took place"},
	model.Arrest: {noun: "arrests", both: "{P} arrested {T}", perp: "{P} made arrests",
		target: "{T} were arrested", members: true},
	model.PrisonBreak: {noun: "a prison break", both: "a prison break involving {A} took place",
		perp: "a prison break involving {P} took place", target: "a prison break involving {T} took place"},
	model.WeaponsSeizure: {noun: "a seizure of weapons or explosives", both: "{P} seized weapons or explosives of {T}",
		perp: "{P} seized or defused weapons or explosives", target: "weapons or explosives of {T} were seized"},
}

// what is the middle of the sentence: who did what to whom.
func (s sentence) what() string {
	ph, ok := phrasings[s.typ]
	if !ok {
		ph = phrasing{noun: "an incident of type " + string(s.typ)}
	}
	var perps, targets, others []string
	for _, a := range s.actors {
		switch a.Role {
		case model.Perpetrator:
			perps = appendOnce(perps, actorName(a, false))
		case model.Target:
			targets = appendOnce(targets, actorName(a, ph.members))
		default:
			others = appendOnce(others, actorName(a, false))
		}
	}
	if len(perps) == 0 && len(targets) == 0 && len(others) > 0 {
		// Sides whose roles the text did not tell: a clash's two sides,
		// say. Name them without saying who did what.
		if s.typ == model.ArmedClash && len(others) > 1 {
			return strings.NewReplacer("{P}", others[0], "{T}", list(others[1:])).Replace(ph.both)
		}
		return ph.noun + " involving " + list(others) + " took place"
	}
	tmpl := ph.noun + " took place"
	switch {
	case len(perps) > 0 && len(targets) > 0:
		tmpl = ph.both
	case len(perps) > 0:
		tmpl = ph.perp
	case len(targets) > 0:
		tmpl = ph.target
	}
	all := append(append([]string(nil), perps...), targets...)
	return strings.NewReplacer("{P}", list(perps), "{T}", list(targets), "{A}", list(all)).Replace(tmpl)
}

// actorName writes an actor as a sentence needs it: people in lower case
// (civilians, protesters), an unnamed group with its article, and, where
// asked, an organisation as its members.
func actorName(a model.Actor, members bool) string {
	switch {
	case a.Type == model.Civilians || a.Type == model.Protesters:
		return strings.ToLower(a.Name)
	case strings.HasPrefix(a.Name, "Unidentified "):
		return "an " + strings.ToLower(a.Name)
	case members:
		return "members of " + a.Name
	}
	return a.Name
}

// wherePhrase is "west of Al-Azim (Diyala, Iraq)", "in Diyala (Iraq)",
// "in Syria", or "" when no location resolved.
func wherePhrase(locs []model.Location) string {
	loc, ok := model.PrimaryPlace(locs)
	if !ok {
		return ""
	}
	rel := relations[loc.Relation]
	if rel == "" {
		rel = "in"
	}
	here := placeName(loc.Place)
	if loc.Relation == model.Between {
		// The other end of "between A and B", if it resolved too.
		for _, l := range locs {
			if l.Relation == model.Between && l.Place != nil && l.Place.ID != loc.Place.ID {
				return "between " + loc.Place.Name + " and " + placeName(l.Place)
			}
		}
		rel = "near"
	}
	return rel + " " + here
}

var relations = map[model.Relation]string{
	model.In: "in", model.Near: "near", model.NorthOf: "north of", model.SouthOf: "south of",
	model.EastOf: "east of", model.WestOf: "west of", model.Between: "between",
}

// placeName is the place with what contains it: "Al-Azim (Diyala, Iraq)".
func placeName(p *model.Place) string {
	cn := country.Name(p.Country)
	if p.Feature == "country" {
		return cn
	}
	within := make([]string, 0, 2)
	if p.Admin1 != "" && p.Admin1 != p.Name {
		within = append(within, p.Admin1)
	}
	if cn != "" {
		within = append(within, cn)
	}
	if len(within) == 0 {
		return p.Name
	}
	return p.Name + " (" + strings.Join(within, ", ") + ")"
}

var kindOrder = model.CasualtyKinds()

// eventTolls writes an event's figures, one phrase per kind: "11 killed
// (Iraqi Army)", "14 killed (11 Iraqi Army, 3 civilians)", "about 30
// wounded", "between 20 and 99 killed".
func eventTolls(cs []model.Casualty) []string {
	var out []string
	for _, k := range kindOrder {
		var parts []model.Casualty
		for _, c := range cs {
			if c.Kind == k {
				parts = append(parts, c)
			}
		}
		switch len(parts) {
		case 0:
			continue
		case 1:
			c := parts[0]
			t := figure(c.Count, c.Min, c.Max, c.Exact) + " " + string(k)
			if c.Group != "" {
				t += " (" + c.Group + ")"
			}
			out = append(out, t)
		default:
			total, exact := 0, true
			var each []string
			for _, c := range parts {
				total += c.Count
				exact = exact && c.Exact
				e := figure(c.Count, c.Min, c.Max, c.Exact)
				if c.Group != "" {
					e += " " + c.Group
				}
				each = append(each, e)
			}
			t := number(total)
			if !exact {
				t = "about " + t
			}
			out = append(out, t+" "+string(k)+" ("+strings.Join(each, ", ")+")")
		}
	}
	return out
}

// figure writes one reported number with its uncertainty.
func figure(count, lo, hi int, exact bool) string {
	n := number(count)
	switch {
	case exact || lo == hi && hi == count:
		if exact {
			return n
		}
		return "about " + n
	case count == lo:
		return "between " + number(lo) + " and " + number(hi)
	default:
		return "about " + n + " (between " + number(lo) + " and " + number(hi) + ")"
	}
}

// number writes n with thousands separators (1,000,000), as English
// prose does, so that a wild figure is read as the number it is.
func number(n int) string {
	if n < 0 {
		return "-" + number(-n)
	}
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// incidentTolls writes an incident's best figures with the range the
// reports give: "11 killed (Iraqi Army; reports give 9 to 15)".
func incidentTolls(ts []model.Toll) []string {
	var out []string
	for _, t := range ts {
		best := number(t.Best)
		if !t.Exact {
			best = "about " + best
		}
		var paren []string
		if t.Group != "" {
			paren = append(paren, t.Group)
		}
		if t.Low != t.High {
			paren = append(paren, "reports give "+number(t.Low)+" to "+number(t.High))
		}
		s := best + " " + string(t.Kind)
		if len(paren) > 0 {
			s += " (" + strings.Join(paren, "; ") + ")"
		}
		out = append(out, s)
	}
	return out
}

// list joins names as English does: "A", "A and B", "A, B and C".
func list(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
