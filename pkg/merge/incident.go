package merge

import (
	"cmp"
	"slices"

	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/notes"
)

// build writes the incident record of a finished cluster. Each field
// comes from the member that states it most precisely: the date from the
// finest date, the place from the most specific place, the type from the
// most specific type; the rest from the most precise member overall that
// has it.
func build(c *cluster) *model.Incident {
	ms := c.members // in key order: the first is the earliest
	in := &model.Incident{ID: "inc-" + ms[0].ev.ID}
	for _, m := range ms {
		in.Events = append(in.Events, m.ev.ID)
		in.Evidence = append(in.Evidence, model.MemberEvidence{Event: m.ev.ID, Text: m.ev.Evidence.Text})
		if !slices.Contains(in.DocIDs, m.ev.DocID) {
			in.DocIDs = append(in.DocIDs, m.ev.DocID)
		}
	}
	slices.Sort(in.DocIDs)
	in.NumberOfSources = len(in.DocIDs)

	byPrecision := slices.Clone(ms)
	slices.SortStableFunc(byPrecision, comparePrecision)

	typed := best(ms, func(a, b *member) int {
		return cmp.Or(cmp.Compare(priority(b.ev.Type), priority(a.ev.Type)), comparePrecision(a, b))
	})
	in.Type, in.ACLED = typed.ev.Type, typed.ev.ACLED

	in.Date = best(ms, func(a, b *member) int {
		return cmp.Or(compareDates(a, b), comparePrecision(a, b))
	}).ev.Date
	in.Locations = best(ms, func(a, b *member) int {
		return cmp.Or(comparePlaces(a, b), comparePrecision(a, b))
	}).ev.Locations

	for _, m := range byPrecision {
		if len(m.ev.Actors) > 0 {
			in.Actors = m.ev.Actors
			break
		}
	}
	for _, m := range byPrecision {
		if m.ev.Operation != nil {
			in.Operation = m.ev.Operation
			break
		}
	}
	for _, f := range []model.Flag{model.Historical, model.Aggregate, model.Planned, model.Negated, model.OutOfArea} {
		for _, m := range ms {
			if m.ev.HasFlag(f) {
				in.Flags = append(in.Flags, f)
				break
			}
		}
	}
	for _, m := range ms {
		for _, s := range m.ev.Sources {
			i := slices.IndexFunc(in.Sources, func(x model.IncidentSource) bool { return x.Name == s.Name })
			if i < 0 {
				in.Sources = append(in.Sources, model.IncidentSource{Name: s.Name})
				i = len(in.Sources) - 1
			}
			if !slices.Contains(in.Sources[i].DocIDs, m.ev.DocID) {
				in.Sources[i].DocIDs = append(in.Sources[i].DocIDs, m.ev.DocID)
			}
		}
	}
	in.Tolls = tolls(ms)
	in.Notes = notes.Incident(in)
	if len(ms) == 1 {
		// An incident of one report is that report: its own note keeps
		// what an incident's leaves out (each group's toll).
		in.Notes = notes.Event(ms[0].ev)
	}
	return in
}

// best returns the first member by cmp.
func best(ms []*member, cmp func(a, b *member) int) *member {
	return slices.MinFunc(ms, cmp)
}

// comparePrecision orders members from the most precise: finest date,
// then most specific place, then most figures and sides told, then
// confidence, then key.
func comparePrecision(a, b *member) int {
	return cmp.Or(
		compareDates(a, b),
		comparePlaces(a, b),
		cmp.Compare(len(b.ev.Casualties), len(a.ev.Casualties)),
		cmp.Compare(len(b.ev.Actors), len(a.ev.Actors)),
		cmp.Compare(b.ev.Confidence, a.ev.Confidence),
		cmp.Compare(a.key, b.key),
	)
}

var (
	precisionRank = map[model.Precision]int{model.PrecisionDay: 0, model.PrecisionWeek: 1, model.PrecisionMonth: 2, model.PrecisionYear: 3}
	basisRank     = map[model.Basis]int{model.BasisExplicit: 0, model.BasisRelative: 1, model.BasisPublication: 2}
	// featureRank: the smaller, the more specific a place.
	featureRank = map[string]int{"site": 0, "village": 1, "town": 2, "city": 3, "subdistrict": 4,
		"region": 5, "district": 6, "governorate": 7}
)

// compareDates: a finer date first; among equal precisions, one the text
// states before one resolved from the publication date.
func compareDates(a, b *member) int {
	return cmp.Or(
		cmp.Compare(rank(precisionRank, a.ev.Date.Precision), rank(precisionRank, b.ev.Date.Precision)),
		cmp.Compare(rank(basisRank, a.ev.Date.Basis), rank(basisRank, b.ev.Date.Basis)),
	)
}

// comparePlaces: a place the event happened at before one it happened
// near (ACLED's geo-precision), then the smaller place.
func comparePlaces(a, b *member) int {
	la, oka := model.PrimaryPlace(a.ev.Locations)
	lb, okb := model.PrimaryPlace(b.ev.Locations)
	if !oka || !okb {
		return cmp.Compare(boolRank(oka), boolRank(okb))
	}
	return cmp.Or(
		cmp.Compare(la.Precision, lb.Precision),
		cmp.Compare(rank(featureRank, la.Place.Feature), rank(featureRank, lb.Place.Feature)),
	)
}

func rank[K comparable](m map[K]int, k K) int {
	if r, ok := m[k]; ok {
		return r
	}
	return len(m)
}

func boolRank(ok bool) int {
	if ok {
		return 0
	}
	return 1
}

func priority(t model.EventType) int {
	info, _ := model.Info(t)
	return info.Priority
}

// tolls gives, per casualty kind, the UCDP GED-style best, low and high
// over the members that report that kind. Members that do not report a
// kind do not count as zero: silence is not a figure.
func tolls(ms []*member) []model.Toll {
	var out []model.Toll
	for _, k := range model.CasualtyKinds() {
		var ts []total
		for _, m := range ms {
			if t, ok := m.totals[k]; ok {
				ts = append(ts, t)
			}
		}
		if len(ts) == 0 {
			continue
		}
		out = append(out, toll(k, ts))
	}
	return out
}

// toll is one kind's figure: best is the count most members give; on a
// tie, an exact figure beats an approximate one, then the lower figure
// wins (ACLED's conservative rule).
func toll(k model.CasualtyKind, ts []total) model.Toll {
	type vote struct {
		count, n int
		exact    bool
	}
	var votes []vote
	for _, t := range ts {
		i := slices.IndexFunc(votes, func(v vote) bool { return v.count == t.count })
		if i < 0 {
			votes = append(votes, vote{count: t.count})
			i = len(votes) - 1
		}
		votes[i].n++
		votes[i].exact = votes[i].exact || t.exact
	}
	v := slices.MinFunc(votes, func(a, b vote) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(boolRank(a.exact), boolRank(b.exact)), cmp.Compare(a.count, b.count))
	})
	out := model.Toll{Kind: k, Best: v.count, Exact: v.exact, Low: ts[0].min, High: ts[0].max}
	var groups []string
	for _, t := range ts {
		out.Low, out.High = min(out.Low, t.min), max(out.High, t.max)
		for _, g := range t.groups {
			if g != "" && !slices.Contains(groups, g) {
				groups = append(groups, g)
			}
		}
	}
	if len(groups) == 1 {
		out.Group = groups[0]
	}
	return out
}
