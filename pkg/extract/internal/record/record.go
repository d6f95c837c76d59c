// Package record is the last stage: it writes each incident of the
// article model as a SPEC event record: locations (the places where it
// happened, most specific first, reference points last), the date, the
// sides and their roles, casualties per kind and side, operation, sources,
// flags, evidence (the lead) and every sentence that told it, confidence.
// The ACLED mapping comes from the taxonomy table in pkg/model.
package record

import (
	"cmp"
	"context"
	"slices"

	"github.com/rasd-monitor/rasd/pkg/extract/internal/article"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/mention"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/notes"
)

// inArea reports the countries rasd codes; an incident elsewhere is
// flagged out_of_area.
func inArea(country string) bool { return country == "IQ" || country == "SY" }

// writer holds one article while its records are written.
type writer struct {
	l         *find.Layers
	doc       model.Document
	published string
	incs      []*article.Incident
	// ctx ends the writing between slots: an incident of a pathological
	// document may gather hundreds of thousands of reports.
	ctx context.Context
}

// Write returns the records of an article's incidents, in order of their
// evidence; incidents too thin to code (no place, no figure, no named
// side) are left out. IDs are left for the caller to number.
func Write(ctx context.Context, l *find.Layers, incs []*article.Incident, doc model.Document) ([]model.Event, error) {
	w := &writer{l: l, doc: doc, published: doc.Published, incs: incs, ctx: ctx}
	var out []model.Event
	for _, inc := range incs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ev, ok := w.event(inc)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if ok {
			out = append(out, ev)
		}
	}
	return out, nil
}

func (w *writer) event(inc *article.Incident) (model.Event, bool) {
	k := inc.Kind()
	if _, ok := model.Info(k); !ok {
		return model.Event{}, false
	}
	if k == model.IED && allBombing(inc) && w.suicideAtSamePlace(inc) {
		k = model.SuicideBombing
	}
	ev := model.Event{DocID: w.doc.ID, Type: k}
	ev.Evidence, ev.Mentions = w.evidence(inc)
	ev.Locations = w.locations(inc)
	if w.ctx.Err() != nil {
		return model.Event{}, false
	}
	ev.Actors = w.actors(inc, k)
	protesters, forces, rioters := false, false, false
	for _, a := range ev.Actors {
		switch a.Type {
		case model.Protesters:
			protesters = true
			rioters = rioters || a.Role == model.Perpetrator
		case model.StateForces:
			forces = true
		}
	}
	if k == model.ArmedClash && protesters && forces {
		// Force used on protesters is an attack on them, not a battle.
		ev.Type, k = model.Attack, model.Attack
		ev.Actors = w.actors(inc, k)
	}
	if w.ctx.Err() != nil {
		return model.Event{}, false
	}
	ev.Casualties = w.casualties(inc, ev.Actors)
	if w.ctx.Err() != nil {
		return model.Event{}, false
	}
	if protesters && k == model.Attack && !fell(ev.Casualties) && (forces || rioters && !w.otherSide(ev.Actors)) {
		// Protesters storming a building, or forces dispersing them with
		// gas and water, is a riot or a dispersal: no one was attacked
		// with weapons, so the SPEC codes no event.
		return model.Event{}, false
	}
	ev.Date = w.date(inc)
	ev.Sources = w.sources(inc)
	ev.Operation = w.operation(inc)
	ev.Flags = w.flags(inc, &ev)

	specific := false
	for _, m := range inc.Members {
		if m.Head() && m.Specific {
			specific = true
		}
	}
	named := false
	for _, a := range ev.Actors {
		if a.Role == model.Perpetrator || a.Role == model.Target {
			named = true
		}
	}
	if len(ev.Locations) == 0 && len(ev.Casualties) == 0 && !(specific && named) {
		return model.Event{}, false
	}
	if len(ev.Locations) == 0 {
		ev.Locations = w.contextLocations(inc)
		ev.Flags = w.flags(inc, &ev)
	}
	ev.ACLED = mapACLED(k, ev.Actors, ev.Casualties)
	ev.Confidence = w.confidence(inc, &ev, specific)
	ev.Notes = notes.Event(&ev)
	return ev, true
}

// fell reports people killed or wounded.
func fell(cs []model.Casualty) bool {
	for _, c := range cs {
		if c.Kind == model.Killed || c.Kind == model.Wounded {
			return true
		}
	}
	return false
}

// otherSide reports a perpetrator that is not protesters.
func (w *writer) otherSide(actors []model.Actor) bool {
	for _, a := range actors {
		if a.Role == model.Perpetrator && a.Type != model.Protesters {
			return true
		}
	}
	return false
}

// evidence is the lead, the first mention, and every mention that told the
// incident, in text order.
func (w *writer) evidence(inc *article.Incident) (model.Evidence, []model.Evidence) {
	t := w.l.Text
	span := func(m *mention.Mention) model.Evidence {
		s, e := t.Span(m.Tok0, m.Tok1, 0)
		return model.Evidence{Text: t.Slice(s, e), Span: model.Span{s, e}}
	}
	lead := span(inc.Lead())
	spans := make([]model.Span, 0, len(inc.Members)+len(inc.Recalled))
	for _, m := range append(inc.Members[:len(inc.Members):len(inc.Members)], inc.Recalled...) {
		s, e := t.Span(m.Tok0, m.Tok1, 0)
		spans = append(spans, model.Span{s, e})
	}
	// Two mentions of one sentence are one stretch of text: overlapping
	// spans merge, in one pass over them in text order.
	slices.SortFunc(spans, func(a, b model.Span) int { return cmp.Compare(a[0], b[0]) })
	var all []model.Evidence
	for i := 0; i < len(spans); {
		cur := spans[i]
		j := i + 1
		for ; j < len(spans) && spans[j].Overlaps(cur); j++ {
			cur[1] = max(cur[1], spans[j][1])
		}
		all = append(all, model.Evidence{Text: t.Slice(cur[0], cur[1]), Span: cur})
		i = j
	}
	return lead, all
}

func allBombing(inc *article.Incident) bool {
	for _, m := range inc.Members {
		if m.Kind == model.IED && !m.Bombing {
			return false
		}
	}
	return true
}

// suicideAtSamePlace reports a suicide cue anywhere in the article at a
// place the incident names (أحد المنفذين الانتحاريين في ساحة الطيران), which
// settles a bombing of no stated kind.
func (w *writer) suicideAtSamePlace(inc *article.Incident) bool {
	t := w.l.Text
	mine := map[string]bool{}
	for _, m := range inc.Members {
		for _, p := range m.Sites {
			if p.Feature != "governorate" {
				mine[p.ID] = true
			}
		}
	}
	for _, h := range w.l.Triggers {
		ci := t.ClauseOf(h.Tok0)
		if h.Kind != model.SuicideBombing || ci < 0 {
			continue
		}
		c := t.Clauses[ci]
		for _, p := range w.l.PlacesIn(c.Tok0, c.Tok1) {
			if p.Place != nil && p.Tok1 <= c.Tok1 && mine[p.Place.ID] {
				return true
			}
		}
	}
	return false
}

// mapACLED maps a type to ACLED's event and sub-event types through the
// taxonomy table, from who was attacked and whether anyone fell.
func mapACLED(k model.EventType, actors []model.Actor, cs []model.Casualty) model.ACLED {
	civilians, protesters, fighting := false, false, false
	for _, a := range actors {
		if a.Role == model.Target {
			civilians = civilians || a.Type == model.Civilians
			protesters = protesters || a.Type == model.Protesters
		}
	}
	for _, c := range cs {
		if c.Kind == model.Killed || c.Kind == model.Wounded {
			fighting = true
			civilians = civilians || c.Group == "civilians"
		}
	}
	ti, _ := model.Info(k)
	return ti.MapACLED(civilians, protesters, fighting)
}

// confidence scores how much of the record rests on the text: a specific
// trigger, and a place, a date and a figure in the trigger's own clause
// count most. It ranks records; it is not a calibrated probability.
func (w *writer) confidence(inc *article.Incident, ev *model.Event, specific bool) float64 {
	t := w.l.Text
	score := 0.3
	if specific {
		score += 0.15
	}
	hc := t.Clauses[inc.Lead().HeadClause]
	s, e := t.Span(hc.Tok0, hc.Tok1, 0)
	inClause := func(sp model.Span) bool { return sp[0] >= s && sp[1] <= e }
	for _, l := range ev.Locations {
		if l.Place != nil {
			score += 0.1
			if inClause(l.Span) {
				score += 0.05
			}
			break
		}
	}
	if ev.Date.Basis == model.BasisExplicit || ev.Date.Basis == model.BasisRelative {
		score += 0.1
		if ev.Date.Span != nil && inClause(*ev.Date.Span) {
			score += 0.05
		}
	}
	if len(ev.Casualties) > 0 {
		score += 0.1
		if inClause(ev.Casualties[0].Span) {
			score += 0.05
		}
	}
	for _, a := range ev.Actors {
		if a.Role == model.Perpetrator {
			score += 0.05
			break
		}
	}
	if len(ev.Flags) > 0 {
		score -= 0.1
	}
	score = min(score, 0.95)
	return float64(int(score*100+0.5)) / 100
}
