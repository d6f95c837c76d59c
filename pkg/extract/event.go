package extract

import (
	"sort"
	"time"

	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// historicalAfter is how long before publication an incident is history
// rather than news.
const historicalAfter = 60 * 24 * time.Hour

// event writes the record of one incident; false drops an incident too thin
// to code (no place, no figure, no named side).
func (d *docState) event(inc *incident) (model.Event, bool) {
	k := inc.kind()
	if k == "" || k == kindExplosion || k == kindAnaphor {
		return model.Event{}, false
	}
	if k == model.IED && d.allBombing(inc) && d.suicideAtSamePlace(inc) {
		k = model.SuicideBombing
	}
	ev := model.Event{DocID: d.doc.ID, Type: k}
	best := d.bestRun(inc)
	s, e := d.tokSpan(best.tok0, best.tok1)
	ev.Evidence = model.Evidence{Text: d.tx.Slice(s, e), Span: model.Span{s, e}}
	ev.Mentions = []model.Evidence{ev.Evidence}
	ev.Locations = d.locations(inc)
	if len(ev.Locations) == 0 && d.foreignOnly(inc) {
		// An incident abroad (Gaza, Bahrain): outside the Iraq and Syria
		// this product codes.
		return model.Event{}, false
	}
	ev.Actors = d.actorsOf(inc, k)
	for _, a := range ev.Actors {
		if k == model.Attack && a.Role == model.Perpetrator && a.Type == model.Protesters {
			// Protesters storming a building is a riot, which the SPEC
			// taxonomy does not code.
			return model.Event{}, false
		}
	}
	ev.Casualties = d.casualties(inc, ev.Actors)
	ev.Date = d.dateOf(inc)
	ev.Sources = d.sourcesOf(inc)
	ev.Operation = d.operationOf(inc)
	ev.Flags = d.flagsOf(inc, ev.Date, len(ev.Casualties) > 0)

	strong := false
	for _, m := range inc.members {
		if m.head != nil && m.head.flags&(weak|plural) == 0 {
			strong = true
		}
	}
	named := false
	for _, a := range ev.Actors {
		if a.Role == model.Perpetrator || a.Role == model.Target {
			named = true
		}
	}
	if len(ev.Locations) == 0 && len(ev.Casualties) == 0 && !(strong && named) {
		return model.Event{}, false
	}
	ev.ACLED = acled(k, ev.Actors, ev.Casualties)
	ev.Confidence = d.confidence(inc, &ev, strong)
	return ev, true
}

// bestRun is the stretch of text that tells the incident most fully: a
// precise place, a figure and a date count; the first run wins ties.
func (d *docState) bestRun(inc *incident) run {
	best, bestScore := inc.runs[0], -1
	for _, r := range inc.runs {
		score := 0
		for _, m := range r.members {
			for _, p := range d.placesOf(m) {
				switch {
				case p.Place == nil:
					score++ // a village the gazetteer lacks is still precise
				case p.Place.Feature != "country" && p.Place.Feature != "governorate":
					score += 2
				default:
					continue
				}
				break
			}
			if len(d.casualtiesOf(m)) > 0 {
				score += 2
			}
			if d.ownDate(m) != nil {
				score++
			}
		}
		// On a tie the later run wins: a lead sums up, the report that
		// follows tells.
		if score >= bestScore {
			best, bestScore = r, score
		}
	}
	return best
}

// tokSpan is the original code-point span of tokens [a, b).
func (d *docState) tokSpan(a, b int) (int, int) {
	return d.tx.Tokens[a].Start, d.tx.Tokens[b-1].End
}

func (d *docState) allBombing(inc *incident) bool {
	for _, m := range inc.members {
		if m.kind == model.IED && !m.bombing {
			return false
		}
	}
	return true
}

// suicideAtSamePlace reports a suicide cue anywhere in the article at a
// place the incident names (أحد المنفذين الانتحاريين في ساحة الطيران), which
// settles a bombing of no stated kind.
func (d *docState) suicideAtSamePlace(inc *incident) bool {
	var mine []*gazetteer.Place
	for _, m := range inc.members {
		mine = append(mine, d.resolvedPlaces(m)...)
	}
	for _, h := range d.trig {
		if h.kind != model.SuicideBombing || d.clauseOf[h.tok0] < 0 {
			continue
		}
		c := d.clauses[d.clauseOf[h.tok0]]
		for _, p := range d.placesIn(c.tok0, c.tok1) {
			if p.Place == nil || p.Tok1 > c.tok1 {
				continue
			}
			for _, q := range mine {
				if q.ID == p.Place.ID && q.Feature != "country" && q.Feature != "governorate" {
					return true
				}
			}
		}
	}
	return false
}

// placesOf is the places of a mention: those of its trigger clause, else
// of its clauses, else of its sentence.
func (d *docState) placesOf(m *mention) []gazetteer.Mention {
	hc := d.clauses[m.headClause]
	s := d.sents[m.sent]
	for _, r := range [][2]int{{hc.tok0, hc.tok1}, {m.tok0, m.tok1}, {s.tok0, s.tok1}} {
		var out []gazetteer.Mention
		for _, p := range d.placesIn(r[0], r[1]) {
			if p.Tok1 <= r[1] {
				out = append(out, p)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// resolvedPlaces is the known places anywhere in a mention's clauses, else
// in its sentence: what merging compares.
func (d *docState) resolvedPlaces(m *mention) []*gazetteer.Place {
	if !m.placesDone {
		m.places, m.placesDone = d.findResolvedPlaces(m), true
	}
	return m.places
}

func (d *docState) findResolvedPlaces(m *mention) []*gazetteer.Place {
	s := d.sents[m.sent]
	for _, r := range [][2]int{{m.tok0, m.tok1}, {s.tok0, s.tok1}} {
		var out []*gazetteer.Place
		for _, p := range d.placesIn(r[0], r[1]) {
			if p.Place != nil && p.Tok1 <= r[1] {
				out = append(out, p.Place)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// featureRank orders places from most to least specific.
func featureRank(p *gazetteer.Place) int {
	if p == nil {
		return 9 // a name the gazetteer lacks: kept, after the known places
	}
	switch p.Feature {
	case "site":
		return 0
	case "village":
		return 1
	case "town":
		return 2
	case "city":
		return 3
	case "subdistrict":
		return 4
	case "district":
		return 5
	case "governorate":
		return 6
	case "region":
		return 7
	}
	return 8 // country
}

// locations lists every place of the incident, most specific first; a
// country is kept only when nothing finer is known.
func (d *docState) locations(inc *incident) []model.Location {
	var ms []gazetteer.Mention
	seen := map[string]bool{}
	for _, m := range inc.members {
		for _, p := range d.placesOf(m) {
			if p.Foreign != "" {
				continue
			}
			key := p.Text
			if p.Place != nil {
				key = p.Place.ID
			}
			if !seen[key] {
				seen[key] = true
				ms = append(ms, p)
			}
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return featureRank(ms[i].Place) < featureRank(ms[j].Place) })
	var out []model.Location
	for _, p := range ms {
		if p.Place != nil && p.Place.Feature == "country" && len(out) > 0 {
			continue
		}
		l := model.Location{Text: p.Text, Span: p.Span, Relation: p.Relation, Precision: p.Precision}
		if l.Relation == "" {
			l.Relation = model.In
		}
		if l.Precision == 0 {
			l.Precision = 1
		}
		if p.Place != nil {
			l.Place = p.Place.Model()
		}
		out = append(out, l)
	}
	return out
}

// foreignOnly reports an incident whose places are all abroad.
func (d *docState) foreignOnly(inc *incident) bool {
	foreign := false
	for _, m := range inc.members {
		for _, p := range d.placesOf(m) {
			if p.Foreign == "" {
				return false
			}
			foreign = true
		}
	}
	return foreign
}

// ownDate is the date a mention states itself: in its trigger clause, else
// in its clauses (timex.Best ranks them); background dates (a reference
// point in a منذ clause) are left out.
func (d *docState) ownDate(m *mention) *dateHit {
	if !m.dateDone {
		m.date, m.dateDone = d.findOwnDate(m), true
	}
	return m.date
}

func (d *docState) findOwnDate(m *mention) *dateHit {
	hc := d.clauses[m.headClause]
	anchor := d.tx.Tokens[hc.tok0].Start
	if m.head != nil {
		anchor = d.tx.Tokens[m.head.tok0].Start
	}
	for i, r := range [][2]int{{hc.tok0, hc.tok1}, {m.tok0, m.tok1}} {
		s, e := d.tokSpan(r[0], r[1])
		exprs := d.exprs
		if i > 0 {
			exprs = d.exprsNotSince
		}
		exprs = within(exprs, func(e *timex.Expr) int { return e.Tok0 }, r[0], r[1])
		if best, ok := timex.Best(exprs, s, e, anchor); ok {
			for i, h := range d.datesIn(r[0], r[1]) {
				if h.Tok0 == best.Tok0 {
					return &d.datesIn(r[0], r[1])[i]
				}
			}
		}
	}
	return nil
}

// dateOf dates an incident: the first date its mentions state, else one in
// its first sentence, else the nearest earlier one in its paragraph, else
// the publication date.
func (d *docState) dateOf(inc *incident) model.Date {
	for _, m := range inc.members {
		if h := d.ownDate(m); h != nil {
			return h.Date
		}
	}
	first := inc.members[0]
	s := d.sents[first.sent]
	paraStart := first.sent
	for paraStart > 0 && d.sents[paraStart-1].para == s.para {
		paraStart--
	}
	var best *dateHit
	near := d.datesIn(d.sents[paraStart].tok0, s.tok1)
	for i := range near {
		h := &near[i]
		if h.background || h.Since || !h.Resolved() || h.Dateline || h.Kind == timex.KindVague || h.Kind == timex.KindPartOfDay {
			continue
		}
		if h.Tok0 >= s.tok0 && h.Tok1 <= s.tok1 {
			return h.Date
		}
		if h.Tok1 <= s.tok0 && d.paraOfTok(h.Tok0) == s.para {
			best = h
		}
	}
	if best != nil {
		return best.Date
	}
	if d.doc.Published != "" {
		return model.Date{Start: d.doc.Published, End: d.doc.Published,
			Precision: model.PrecisionDay, Basis: model.BasisPublication}
	}
	return model.Date{Precision: model.PrecisionUnknown, Basis: model.BasisNone}
}

func (d *docState) paraOfTok(t int) int {
	if ci := d.clauseOf[t]; ci >= 0 {
		return d.sents[d.clauses[ci].sent].para
	}
	return -1
}

func (d *docState) flagsOf(inc *incident, date model.Date, figures bool) []model.Flag {
	var flags []model.Flag
	historical := false
	if pub, err := time.Parse(time.DateOnly, d.doc.Published); err == nil && date.Start != "" && date.Basis != model.BasisPublication {
		if start, err := time.Parse(time.DateOnly, date.Start); err == nil && pub.Sub(start) > historicalAfter {
			historical = true
		}
	}
	for _, m := range inc.members {
		if s := d.sents[m.sent]; d.phraseIn("past", s.tok0, s.tok1) {
			historical = true
		}
	}
	if historical {
		flags = append(flags, model.Historical)
	}
	// A toll over a month or a year, or since a date, is a tally of many
	// incidents.
	aggregate := figures && (date.Precision == model.PrecisionYear || date.Precision == model.PrecisionMonth)
	for _, m := range inc.members {
		s := d.sents[m.sent]
		if d.phraseIn("aggregate", s.tok0, s.tok1) {
			aggregate = true
		}
		// A toll counted since a date or over a period (بلغ أكثر من ألف
		// قتيل منذ 18 شباط): the date in the figure's own clause.
		for _, c := range d.casualtiesOf(m) {
			ci := d.clauseOf[c.tok0]
			cl := d.clauses[ci]
			for _, h := range d.datesIn(cl.tok0, cl.tok1) {
				if h.Since || h.During {
					aggregate = true
				}
			}
		}
	}
	if aggregate {
		flags = append(flags, model.Aggregate)
	}
	first := inc.members[0]
	if first.planned {
		flags = append(flags, model.Planned)
	}
	if first.negated {
		flags = append(flags, model.Negated)
	}
	return flags
}

func (d *docState) sourcesOf(inc *incident) []model.Source {
	var out []model.Source
	seen := map[string]bool{}
	add := func(a, b int) {
		for _, h := range d.sourcesIn(a, b) {
			if h.tok1 <= b && !seen[h.def.name] {
				seen[h.def.name] = true
				s, e := d.tx.Span(h.tok0, h.tok1, h.skip)
				out = append(out, model.Source{Name: h.def.name, Text: d.tx.Slice(s, e), Span: model.Span{s, e}})
			}
		}
	}
	for _, m := range inc.members {
		add(m.tok0, m.tok1)
	}
	if len(out) == 0 {
		for _, m := range inc.members {
			s := d.sents[m.sent]
			add(s.tok0, s.tok1)
		}
	}
	return out
}

func (d *docState) operationOf(inc *incident) *model.Operation {
	find := func(a, b int) *model.Operation {
		for _, o := range d.opsIn(a, b) {
			if o.tok1 <= b {
				s, e := d.tokSpan(o.tok0, o.tok1)
				return &model.Operation{Name: o.name, Text: d.tx.Slice(s, e), Span: model.Span{s, e}}
			}
		}
		return nil
	}
	for _, m := range inc.members {
		if op := find(m.tok0, m.tok1); op != nil {
			return op
		}
	}
	for _, m := range inc.members {
		s := d.sents[m.sent]
		if op := find(s.tok0, s.tok1); op != nil {
			return op
		}
	}
	return nil
}

// acled maps a type to ACLED's event and sub-event types through the
// taxonomy table, from who was attacked and whether anyone fell.
func acled(k kind, actors []model.Actor, cs []model.Casualty) model.ACLED {
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

// confidence scores how much of the record rests on the text: a strong
// trigger, and a place, a date and a figure in the trigger's own clause
// count most. It ranks records; it is not a calibrated probability.
func (d *docState) confidence(inc *incident, ev *model.Event, strong bool) float64 {
	score := 0.3
	if strong {
		score += 0.15
	}
	first := inc.members[0]
	hc := d.clauses[first.headClause]
	inClause := func(sp model.Span) bool {
		s, e := d.tokSpan(hc.tok0, hc.tok1)
		return sp[0] >= s && sp[1] <= e
	}
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
	if score > 0.95 {
		score = 0.95
	}
	return float64(int(score*100+0.5)) / 100
}
