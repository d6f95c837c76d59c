package mention

import (
	"sort"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// Place is a place a mention names, and whether it is only a reference
// point: a city named for orientation (شمال العاصمة بغداد beside the
// district where it happened), a place in an office's title (مدير ناحية
// العظيم), a speaker (قالت دمشق), or a source's name.
type Place struct {
	gazetteer.Mention
	Ref bool
}

// frame fills what a mention's clauses say: its span, places, figures,
// date and how its sentence opens.
func (b *Builder) frame(l *find.Layers, m *Mention) {
	t := l.Text
	toks := t.Tokens
	m.Tok0 = t.Clauses[m.C0].Tok0
	m.Tok1 = t.Clauses[m.C1-1].Tok1
	if m.lo > m.Tok0 {
		m.Tok0 = m.lo
	}
	if m.hi > 0 && m.hi < m.Tok1 {
		m.Tok1 = m.hi
	}
	// The mention ends at its last word, not at a trailing comma.
	for m.Tok1 > m.Tok0+1 && toks[m.Tok1-1].Kind == arabic.Punct && isClauseMark(t.Word(m.Tok1-1)) {
		m.Tok1--
	}
	if m.Status != Actual && m.Status != Planned && m.Status != Negated {
		return
	}
	s := t.Sents[m.Sent]
	hc := t.Clauses[m.HeadClause]
	hc.Tok0, hc.Tok1 = max(hc.Tok0, m.Tok0), min(hc.Tok1, m.Tok1)
	own := [][2]int{{hc.Tok0, hc.Tok1}, {m.Tok0, m.Tok1}, {s.Tok0, s.Tok1}}
	if m.crowded || m.lo > 0 || m.hi > 0 {
		own = own[:2] // the rest of the sentence tells something else
	}
	m.Places = placesOf(l, own)
	// Only a place where it happened can conflict with another report's:
	// near a place says less (قرب مدينة X beside في منطقة Y التابعة لقضاء Z
	// may be one place); east of a city, with nothing finer, is where.
	for _, p := range placesOf(l, own[1:]) {
		if p.Place != nil && !p.Ref && p.Place.Feature != "country" && p.Relation != model.Near {
			m.Sites = append(m.Sites, p.Place)
		}
	}
	war := 0
	for _, c := range l.CasualtiesIn(m.Tok0, m.Tok1) {
		if c.Tok1 > m.Tok1 || c.Kind == "" {
			continue
		}
		// وأسفرت الحرب عن مقتل نحو نصف مليون، وشهدت حلب معارك: a war's toll
		// told beside an incident is not its toll.
		if ci := t.ClauseOf(c.Tok0); ci != m.HeadClause && l.Has(find.War, t.Clauses[ci].Tok0, t.Clauses[ci].Tok1) {
			war++
			continue
		}
		m.Casualties = append(m.Casualties, c)
	}
	if !m.Head() && war > 0 && len(m.Casualties) == 0 {
		m.Tally = true
	}
	m.Date = ownDate(l, m)
	for _, d := range l.DatesIn(m.Tok0, m.Tok1) {
		// Counted since a date, or over a stretch longer than a day (طوال
		// اليوم is one day's toll).
		if d.Tok1 <= m.Tok1 && (d.Since || d.During && d.Date.Precision != model.PrecisionDay) {
			m.Tally = true
		}
	}
	first := t.Clauses[m.C0]
	switch {
	case l.OpensWith(find.Update, first.Tok0, first.Tok1):
		m.Opener = Update
	case l.OpensWith(find.Another, s.Tok0, s.Tok1):
		m.Opener = Another
	case l.OpensWith(find.Reporting, s.Tok0, s.Tok1) || l.OpensWith(find.Attribution, s.Tok0, s.Tok1):
		m.Opener = Attribution
	case l.OpensWith(find.Result, first.Tok0, first.Tok1) || l.OpensWith(find.Elaboration, first.Tok0, first.Tok1):
		m.Opener = Elaboration
	}
	if m.Head() && !m.RefersBack {
		h := l.Triggers[m.Trigger]
		m.AnotherCue = m.AnotherCue || l.Has(find.Another, s.Tok0, h.Tok0) || l.Has(find.Other, h.Tok1, min(h.Tok1+2, hc.Tok1))
	}
	m.By = by(l, m)
	if m.Head() {
		tr := l.Triggers[m.Trigger]
		m.Qualified = tr.Tok1-tr.Tok0 > 1
	}
}

// by reads who did it from the plainest forms of the trigger's clause: a
// by-cue before an actor (نفذته فصائل معارضة، من قبل التنظيم), the
// preposition ل right after the trigger (هجوم لتنظيم داعش), or an actor
// whose name holds the trigger (الغارات الروسية).
func by(l *find.Layers, m *Mention) string {
	if !m.Head() {
		return ""
	}
	t := l.Text
	h := l.Triggers[m.Trigger]
	hc := t.Clauses[m.HeadClause]
	for _, a := range l.ActorsIn(hc.Tok0, hc.Tok1) {
		if a.Tok1 > hc.Tok1 || a.Def.Generic {
			continue
		}
		if a.Def.Adj {
			if find.AdjectiveOf(l, a, h) {
				name, _, _ := l.Resolve(a.Def)
				return name
			}
			continue
		}
		_, byCue := l.CueBefore(find.By, a.Tok0, hc.Tok0)
		lam := a.Tok0 == h.Tok1 && a.Skip > 0 && arabic.HasLam(t.Word(a.Tok0))
		holds := a.Tok0 < h.Tok1 && h.Tok0 < a.Tok1
		if byCue || lam || holds {
			name, _, _ := l.Resolve(a.Def)
			return name
		}
	}
	return ""
}

func isClauseMark(s string) bool {
	switch s {
	case "،", "؛", ",", ";", ".", "؟", "?", "!":
		return true
	}
	return false
}

// placesOf returns the places of the first token range that names a
// known one (with the unknown names of the narrower ranges before it: ففي
// بغداد، قتل مدنيان … في حي الشعب), each marked when it is only a
// reference point.
func placesOf(l *find.Layers, ranges [][2]int) []Place {
	var out []Place
	seen := map[int]bool{}
	for _, r := range ranges {
		known := false
		for _, p := range l.PlacesIn(r[0], r[1]) {
			if p.Tok1 > r[1] || insideSource(l, p) || seen[p.Tok0] {
				continue
			}
			seen[p.Tok0] = true
			out = append(out, Place{Mention: p, Ref: speakerOrOffice(l, p)})
			known = known || p.Place != nil
		}
		if !known {
			continue
		}
		// A direction or "near" beside a place where it happened is only
		// orientation (في قضاء الطارمية شمال العاصمة بغداد), unless the
		// place where it happened is coarser (شرق دمشق في الغوطة).
		for i := range out {
			d := &out[i]
			if d.Relation == model.In || d.Relation == "" {
				continue
			}
			for _, p := range out {
				if !p.Ref && p.Relation == model.In && p.Place != nil && orients(d.Place, p.Place) {
					d.Ref = true
					break
				}
			}
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].Tok0 < out[j].Tok0 })
		return out
	}
	return out
}

// orients reports whether a place named with a direction or "near" (d)
// only orients a reader beside the place where it happened (in): in is
// below a governorate, and if in is a region, d is no finer than one.
func orients(d, in *gazetteer.Place) bool {
	switch in.Feature {
	case "country", "governorate":
		return false
	case "region":
		return d == nil || d.Feature == "governorate" || d.Feature == "region" || d.Feature == "country"
	}
	return true
}

// speakerOrOffice reports a place right after a reporting verb (قالت
// دمشق) or an office word (مدير ناحية العظيم، محافظ نينوى).
func speakerOrOffice(l *find.Layers, p gazetteer.Mention) bool {
	floor := max(0, p.Tok0-2)
	if ci := l.Text.ClauseOf(p.Tok0); ci >= 0 {
		floor = max(floor, l.Text.Clauses[ci].Tok0)
	}
	if _, ok := l.CueBefore(find.Office, p.Tok0, floor); ok {
		return true
	}
	if p.Place == nil || (p.Place.Feature != "country" && p.Place.Feature != "city") {
		return false
	}
	// A capital that speaks, denies or accuses stands for its government.
	for _, sec := range []find.Section{find.Reporting, find.Denial, find.Background} {
		if _, ok := l.CueBefore(sec, p.Tok0, floor); ok {
			return true
		}
	}
	return false
}

// insideSource reports a place inside a source's name (وكالة الأنباء
// العراقية): the outlet, not the scene.
func insideSource(l *find.Layers, p gazetteer.Mention) bool {
	for _, s := range l.SourcesIn(max(0, p.Tok0-8), p.Tok0+1) {
		if s.Tok0 <= p.Tok0 && p.Tok1 <= s.Tok1 {
			return true
		}
	}
	return false
}

// ownDate is the date a mention states itself: in its trigger clause, else
// in its clauses (timex.Best ranks them). Background dates are left out,
// and a منذ date dates the mention only in the trigger's own clause.
func ownDate(l *find.Layers, m *Mention) *find.Date {
	t := l.Text
	hc := t.Clauses[m.HeadClause]
	anchor := int(t.Tokens[hc.Tok0].Start)
	if m.Head() {
		anchor = int(t.Tokens[l.Triggers[m.Trigger].Tok0].Start)
	}
	for i, r := range [][2]int{{hc.Tok0, hc.Tok1}, {m.Tok0, m.Tok1}} {
		ds := l.DatesIn(r[0], r[1])
		exprs := make([]timex.Expr, 0, len(ds))
		for _, d := range ds {
			if d.Background || d.Future || (i > 0 && d.Since) {
				continue
			}
			exprs = append(exprs, d.Expr)
		}
		s, e := t.Span(r[0], r[1], 0)
		if best, ok := timex.Best(exprs, s, e, anchor); ok {
			for k := range ds {
				if ds[k].Tok0 == best.Tok0 {
					return &ds[k]
				}
			}
		}
	}
	return nil
}
