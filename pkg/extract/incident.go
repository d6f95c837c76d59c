package extract

import (
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// incident is one reported incident: the mentions that report it, in text
// order. Its evidence is the run of text from its first mention to its last
// when they follow one another, else its first mention.
type incident struct {
	members []*mention
	// runs are the stretches of text that report it: mentions that follow
	// one another form one run; a report further on starts another.
	runs     []run
	lastSent int
	lastPara int
	tally    bool // a toll over many incidents: merges with nothing

	// Summaries of the members, kept by absorb.
	best     kind // the most specific kind its reports name
	places   []*gazetteer.Place
	placeIDs map[string]bool
	figures  map[figureKey]bool
	dates    map[string]bool // the dates its reports state themselves
}

type run struct {
	tok0, tok1 int
	members    []*mention
	lastSent   int
}

func (d *docState) newIncident(m *mention) *incident {
	inc := &incident{runs: []run{{m.tok0, m.tok1, []*mention{m}, m.sent}}, lastSent: m.sent, lastPara: m.para,
		placeIDs: map[string]bool{}, figures: map[figureKey]bool{}, dates: map[string]bool{}}
	d.absorb(inc, m)
	return inc
}

// figureKey is a casualty figure as merging compares it.
type figureKey struct {
	kind  model.CasualtyKind
	count int
}

// absorb adds m to inc and to the summaries merging consults, so that a
// check against an incident costs the same however many reports it has.
func (d *docState) absorb(inc *incident, m *mention) {
	inc.members = append(inc.members, m)
	if m.kind != "" && kindPriority(m) > kindPriority(&mention{kind: inc.best}) {
		inc.best = m.kind
	}
	for _, p := range d.resolvedPlaces(m) {
		if !inc.placeIDs[p.ID] {
			inc.placeIDs[p.ID] = true
			inc.places = append(inc.places, p)
		}
	}
	for _, c := range d.casualtiesOf(m) {
		inc.figures[figureKey{c.kind, c.fig.count}] = true
	}
	if h := d.ownDate(m); h != nil && h.Date.Start != "" && !h.Since {
		inc.dates[h.Date.Start] = true
	}
}

func (inc *incident) kind() kind { return inc.best }

// kindPriority ranks a mention's kind for a merged incident; an explosion
// of no stated kind yields to shelling and strikes, whose blasts it often
// describes.
func kindPriority(m *mention) int {
	if m.bombing {
		return priority(model.Attack)
	}
	return priority(m.kind)
}

// maxTollGap is how many sentences after an incident a toll with no
// trigger of its own (ووجدت 7 قتلى) may still report it.
const maxTollGap = 2

// incidents merges mentions that report one incident.
func (d *docState) incidents(ms []*mention) []*incident {
	var out []*incident
	var pending *mention // a toll told before its incident (بمقتل شخصين … اشتباكات)
	for _, m := range ms {
		var last *incident
		if len(out) > 0 {
			last = out[len(out)-1]
		}
		adjacent := last != nil && m.sent-last.lastSent <= 1 && m.para-last.lastPara <= 1
		switch {
		case m.head == nil && d.tally(m):
			// A toll counted since a date sums many incidents: it stands
			// alone (flagged aggregate) when it names a place, and never
			// joins or absorbs a single incident.
			if k := tollKind(d.casualtiesOf(m)); k != "" && d.placeBelowCountry(m.tok0, m.tok1) {
				m.kind = k
				inc := d.newIncident(m)
				inc.tally = true
				out = append(out, inc)
			}
			continue
		case m.head == nil: // a toll
			if last != nil && !last.tally && m.sent-last.lastSent <= maxTollGap && m.para-last.lastPara <= 1 {
				d.join(last, m, true)
				continue
			}
			if k := tollKind(d.casualtiesOf(m)); k != "" && d.placeBelowCountry(m.tok0, m.tok1) {
				m.kind = k
				out = append(out, d.newIncident(m))
				continue
			}
			pending = m
			continue
		case adjacent && !last.tally && d.sameIncident(last, m):
			d.join(last, m, true)
			continue
		}
		if prev := d.earlierReport(out, m); prev != nil {
			d.join(prev, m, false)
			continue
		}
		if m.unsupported {
			continue // a generic word with nothing before it to refer to
		}
		var inc *incident
		if pending != nil && m.sent-pending.sent <= 1 {
			inc = d.newIncident(pending)
			d.join(inc, m, true)
		} else {
			inc = d.newIncident(m)
		}
		pending = nil
		out = append(out, inc)
	}
	return out
}

// tollKind is the incident a toll with no trigger reports: people killed
// or wounded were attacked, people kidnapped were abducted.
func tollKind(cs []casualty) kind {
	for _, c := range cs {
		switch c.kind {
		case model.Killed, model.Wounded:
			return model.Attack
		case model.Kidnapped:
			return model.Kidnapping
		case model.Escaped:
			return model.PrisonBreak
		}
	}
	return ""
}

// join adds m to inc: a mention that follows extends the last run, one
// further on starts a run of its own.
func (d *docState) join(inc *incident, m *mention, follows bool) {
	d.absorb(inc, m)
	if follows {
		r := &inc.runs[len(inc.runs)-1]
		r.tok1 = max(r.tok1, m.tok1)
		r.members = append(r.members, m)
		r.lastSent = m.sent
		inc.lastSent = m.sent
		inc.lastPara = m.para
		return
	}
	// A report a sentence or two on still continues the last run.
	if r := &inc.runs[len(inc.runs)-1]; m.sent-r.lastSent <= maxRunGap && m.tok0 >= r.tok1 {
		r.tok1 = m.tok1
		r.members = append(r.members, m)
		r.lastSent = m.sent
		return
	}
	inc.runs = append(inc.runs, run{m.tok0, m.tok1, []*mention{m}, m.sent})
}

// maxRunGap is how many sentences may stand between two reports of one
// incident for its evidence to run from the first to the second.
const maxRunGap = 2

// sameIncident decides whether mention m, right after inc, reports it:
// it refers back to it, shares a place or a figure with it, or is of the
// same kind in no other place.
func (d *docState) sameIncident(inc *incident, m *mention) bool {
	k := inc.kind()
	if !compatible(k, m.kind) || !d.datesAgree(inc, m) {
		return false
	}
	if m.head != nil && !m.anaphor && d.phraseIn("another", d.sents[m.sent].tok0, m.head.tok0) {
		return false
	}
	places := d.placesAgree(inc, m)
	if places == conflict {
		return false
	}
	if m.kind == k {
		return true
	}
	// Reports of different kinds are one incident only on firm evidence: a
	// reference back, the same figure, or the same place below a
	// governorate (the operation on Kanous island and the shelling of it).
	return m.anaphor || m.continues || d.sharesFigure(inc, m) || d.sameSite(inc, m)
}

// sameSite reports a place below governorate level named by both.
func (d *docState) sameSite(inc *incident, m *mention) bool {
	for _, q := range d.resolvedPlaces(m) {
		if q.Feature != "governorate" && q.Feature != "country" && inc.placeIDs[q.ID] {
			return true
		}
	}
	return false
}

// earlierReport finds an earlier incident that m reports again: m refers
// back to it (الهجوم، هذه الضربات), repeats one of its figures, or names
// the same kind at the same site with no date of its own.
func (d *docState) earlierReport(incs []*incident, m *mention) *incident {
	for i := len(incs) - 1; i >= 0 && m.sent-incs[i].lastSent <= maxReferBack; i-- {
		inc := incs[i]
		if inc.tally {
			continue
		}
		k := inc.kind()
		if !compatible(k, m.kind) || !d.datesAgree(inc, m) {
			continue
		}
		p := d.placesAgree(inc, m)
		if p == conflict {
			continue
		}
		if (m.anaphor || (m.bombing && p == shared)) && refersTo(m, k) {
			return inc
		}
		if d.sharesFigure(inc, m) {
			return inc
		}
		if k == m.kind && p == shared && d.sameSite(inc, m) && d.ownDate(m) == nil {
			return inc
		}
	}
	return nil
}

// maxReferBack is how many sentences back a report may refer to an
// incident; it also keeps merging linear in a document's length.
const maxReferBack = 40

// refersTo reports whether a definite trigger of m can name an incident of
// kind k: the same kind, a blast of any bombing, an attack of any violence.
func refersTo(m *mention, k kind) bool {
	switch {
	case m.kind == k:
		return true
	case m.bombing:
		// Blasts (انفجارات هزت المنطقة) are bombs, or what strikes and
		// shells did.
		return k == model.SuicideBombing || k == model.CarBomb || k == model.IED ||
			k == model.Shelling || k == model.Airstrike
	case m.kind == model.Shelling:
		return k == model.Airstrike // القصف also names bombing from the air
	case m.kind == model.Attack:
		return family(k) == 2
	}
	return false
}

type placeAgreement int

const (
	unknown  placeAgreement = iota // one side names no resolved place
	shared                         // a place in common, or one inside the other
	conflict                       // different places
)

func (d *docState) placesAgree(inc *incident, m *mention) placeAgreement {
	a, b := inc.places, d.resolvedPlaces(m)
	a, b = without(a, "country"), without(b, "country")
	if len(a) == 0 || len(b) == 0 {
		return unknown
	}
	// Two different towns in one governorate are two places, whatever
	// governorate both reports also name.
	if fa, fb := without(a, "governorate"), without(b, "governorate"); len(fa) > 0 && len(fb) > 0 {
		a, b = fa, fb
	}
	for _, p := range a {
		for _, q := range b {
			if samePlace(p, q) {
				return shared
			}
		}
	}
	return conflict
}

// samePlace reports one place, or one inside the other (Kirkuk governorate
// and Wadi al-Shay in it). Two places that merely share a governorate are
// different places.
func samePlace(p, q *gazetteer.Place) bool {
	if p.ID == q.ID {
		return true
	}
	return contains(p, q) || contains(q, p)
}

func contains(outer, inner *gazetteer.Place) bool {
	if outer.Country != inner.Country {
		return false
	}
	for _, id := range inner.Parents {
		if id == outer.ID {
			return true
		}
	}
	switch outer.Feature {
	case "country":
		return true
	case "governorate":
		return inner.Admin1 == outer.Admin1 && outer.Admin1 != ""
	case "district":
		return inner.Admin2 == outer.Admin2 && outer.Admin2 != ""
	}
	return false
}

// datesAgree is false when both sides carry their own dates and they differ.
func (d *docState) datesAgree(inc *incident, m *mention) bool {
	dm := d.ownDate(m)
	if dm == nil || dm.Date.Start == "" || dm.Since {
		return true
	}
	return len(inc.dates) == 0 || (len(inc.dates) == 1 && inc.dates[dm.Date.Start])
}

// sharesFigure reports the same casualty figure of the same kind on both
// sides: a statement repeated in other words.
func (d *docState) sharesFigure(inc *incident, m *mention) bool {
	for _, c := range d.casualtiesOf(m) {
		if c.fig.count > 1 && inc.figures[figureKey{c.kind, c.fig.count}] {
			return true
		}
	}
	return false
}

// without drops the places of one feature: "in Iraq" says nothing about
// whether two reports are of one incident, nor does a governorate both name.
func without(ps []*gazetteer.Place, feature string) []*gazetteer.Place {
	out := ps[:0:0]
	for _, p := range ps {
		if p.Feature != feature {
			out = append(out, p)
		}
	}
	return out
}

// tally reports a toll counted since a date or over a period (وقتل عشرات
// … منذ عام 2015): it reports no single incident.
func (d *docState) tally(m *mention) bool {
	for _, h := range d.datesIn(m.tok0, m.tok1) {
		if (h.Since || h.During) && h.Tok1 <= m.tok1 {
			return true
		}
	}
	return false
}
