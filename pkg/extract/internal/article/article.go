// Package article is the third stage, the article model: it reads an
// article's mentions in order and decides which of them report one
// incident. News is built the same way again and again: a lead says what
// happened, detail sentences and statements retell it (often without a
// definite article: they name the attacker, the unit or the weapon, or open
// with «وقال المصدر إن»), a toll follows, background and earlier incidents
// are recalled, and a roundup tells several incidents in turn, each in its
// own place. A short list of named rules, each traced, places every
// mention: it opens an incident, joins one, or is dropped, and why.
package article

import (
	"context"
	"fmt"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/mention"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// Incident is one incident an article reports: the mentions that report
// it, in text order, the lead first.
type Incident struct {
	Members []*mention.Mention
	// Tally: a toll over many incidents that names a place; it stands
	// alone (flagged aggregate) and nothing joins it.
	Tally bool
	// Context are the places an incident whose reports name none happened
	// at, as the article tells: those of the incident before it, else the
	// first place the article names.
	Context []mention.Place
	// Recalled are the sentences that name it only as background (في قضية
	// اغتيال الحريري, beside الحريري تعرض للاغتيال في بيروت عام 2005): they
	// tell nothing of it, but they are about it.
	Recalled []*mention.Mention
	// When is the date an incident whose reports state none took place
	// on, as the article tells: the date of the incident before it that
	// states one (a roundup tells one day). Nil when none does.
	When *model.Date

	kind     find.Kind
	lastSent int
	lastPara int
	sites    []*gazetteer.Place
	nearby   []*gazetteer.Place
	siteIDs  map[string]bool
	figures  map[figureKey]bool
	dates    []model.Date // the dates its reports state themselves
	by       map[string]bool
}

// Kind is the most specific kind its reports name.
func (inc *Incident) Kind() find.Kind { return inc.kind }

// Lead is the first mention that reports it.
func (inc *Incident) Lead() *mention.Mention { return inc.Members[0] }

// figureKey is a casualty figure as merging compares it.
type figureKey struct {
	kind  model.CasualtyKind
	count int
}

// Decision records which rule placed a mention.
type Decision struct {
	Mention *mention.Mention
	// Rule names the rule (see the Rule constants).
	Rule Rule
	// Incident is the index of the incident it opened or joined, -1 when
	// dropped.
	Incident int
}

func (d Decision) String() string {
	m := d.Mention
	what := string(m.Kind)
	if !m.Head() {
		what = "toll"
	}
	inc := "dropped"
	if d.Incident >= 0 {
		inc = fmt.Sprintf("incident %d", d.Incident+1)
	}
	s := fmt.Sprintf("sentence %d %s: %s → %s", m.Sent+1, what, d.Rule, inc)
	if m.Why != "" {
		s += " (" + m.Why + ")"
	}
	var frame []string
	for _, p := range m.Sites {
		frame = append(frame, "at "+p.Name)
	}
	if m.Date != nil && m.Date.Resolved() {
		frame = append(frame, "on "+m.Date.Date.Start)
	}
	if m.By != "" {
		frame = append(frame, "by "+m.By)
	}
	for _, c := range m.Casualties {
		frame = append(frame, fmt.Sprintf("%s %d", c.Kind, c.Fig.Count))
	}
	if m.Opener != mention.NoOpener {
		frame = append(frame, "opener "+[...]string{"", "attribution", "elaboration", "another", "update"}[m.Opener])
	}
	if m.RefersBack {
		frame = append(frame, "definite")
	}
	if len(frame) > 0 {
		s += " [" + strings.Join(frame, ", ") + "]"
	}
	return s
}

// Rule names a rule of the article model.
type Rule string

// The rules, in the order they are tried.
const (
	// NotActual: the mention's status is not actual (planned, negated,
	// hypothetical, talk, background, summary): no incident.
	NotActual Rule = "not-actual"
	// TallyAlone: a toll counted since a date or over a period sums many
	// incidents; it stands alone when it names a place, else is dropped.
	TallyAlone Rule = "tally"
	// TollJoins: a toll with no trigger, within two sentences of an
	// incident, reports it (ووجدت 7 قتلى).
	TollJoins Rule = "toll-joins"
	// TollOpens: a toll with no incident before it that names a place is
	// an attack (killed, wounded), an abduction or a prison break.
	TollOpens Rule = "toll-opens"
	// TollWaits: a toll told before its incident (بمقتل شخصين …
	// اشتباكات) waits for the incident of the next sentence.
	TollWaits Rule = "toll-waits"
	// Continues: a compatible mention right after an incident, of the same
	// kind, or referring back, or sharing a figure or a site, with no
	// conflicting place or date and no «آخر» cue, reports it.
	Continues Rule = "continues"
	// Retells: a sentence that opens with a source (وقال المصدر إن، وبحسب
	// المرصد) or a result (أسفر) retells the current incident when nothing
	// conflicts.
	Retells Rule = "retells"
	// RefersBack: a definite trigger (الهجوم، هذه الضربات) names an
	// earlier incident of a compatible kind.
	RefersBack Rule = "refers-back"
	// SameFigure: the same casualty figure of the same kind is one
	// statement told again.
	SameFigure Rule = "same-figure"
	// SameSite: the same kind at the same site with no date of its own.
	SameSite Rule = "same-site"
	// Uncounted: an arrest or an abduction that counts no one, after one
	// of its kind that did, took the same people (ألقت الشرطة القبض على
	// شاب … واحتجزت الشرطة الشاب).
	Uncounted Rule = "uncounted"
	// UpdatesToll: «ارتفعت حصيلة …» raises the toll of the current
	// incident.
	UpdatesToll Rule = "updates-toll"
	// GenericAlone: a weak or plural trigger with nothing before it to
	// refer to makes no incident.
	GenericAlone Rule = "generic"
	// Opens: anything else opens an incident.
	Opens Rule = "opens"
)

// maxTollGap is how many sentences after an incident a toll with no
// trigger of its own may still report it.
const maxTollGap = 2

// maxReferBack is how many sentences back a report may refer to an
// incident; it also keeps the model linear in a document's length.
const maxReferBack = 40

// Build reads the mentions of one article and returns its incidents and
// the decision taken on every mention.
func Build(ctx context.Context, l *find.Layers, ms []*mention.Mention, keepFlagged bool) ([]*Incident, []Decision, error) {
	b := &builder{l: l}
	var pending *mention.Mention // a toll told before its incident
	for _, m := range ms {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if m.Status != mention.Actual && !(keepFlagged && (m.Status == mention.Planned || m.Status == mention.Negated)) {
			b.decide(m, NotActual, -1)
			continue
		}
		last := b.last()
		b.reported = b.reported || len(b.decisions) > 0 && b.decisions[len(b.decisions)-1].Rule != NotActual
		switch {
		case !m.Head() && m.Tally:
			if k := b.tollKind(m); k != "" && (mention.PlaceBelowCountry(l, m.Tok0, m.Tok1) || (!b.reported && len(m.Places) > 0)) {
				m.Kind = k
				inc := b.open(m, TallyAlone)
				inc.Tally = true
			} else {
				b.decide(m, TallyAlone, -1)
			}
			continue
		case !m.Head():
			// Hostages or escaped prisoners are no toll of a strike: a toll
			// of the dead and wounded joins any violence, others their kind.
			if k := tollKind(m.Casualties); k != "" && last != nil && k != model.Attack && k != last.kind {
				last = nil
			}
			if last != nil && !last.Tally {
				if m.Opener == mention.Update || (m.Sent-last.lastSent <= maxTollGap && m.Para-last.lastPara <= 1) {
					b.join(last, m, TollJoins)
					continue
				}
				if m.Opener == mention.Attribution && placesAgree(last, m) != conflict && datesAgree(last, m) {
					b.join(last, m, Retells)
					continue
				}
			}
			if prev, rule := b.earlierReport(m); prev != nil {
				b.join(prev, m, rule)
				continue
			}
			// A toll opens an incident where it names a place; the article's
			// first report may name only the country (ارتفع عدد قتلى
			// الاحتجاجات في العراق إلى 11).
			if k := b.tollKind(m); k != "" && (mention.PlaceBelowCountry(l, m.Tok0, m.Tok1) || (!b.reported && len(m.Places) > 0)) {
				m.Kind = k
				b.open(m, TollOpens)
				continue
			}
			b.decide(m, TollWaits, -1)
			pending = m
			continue
		}
		if last != nil && !last.Tally {
			if rule, ok := b.follows(last, m); ok {
				b.join(last, m, rule)
				continue
			}
		}
		if prev, rule := b.earlierReport(m); prev != nil {
			b.join(prev, m, rule)
			continue
		}
		if m.Generic || m.RefersBack && !b.standsAlone(m) {
			// الهجوم with nothing before it to refer to and nothing of its
			// own (a place, a toll): an incident the reader is assumed to
			// know, named in passing.
			b.decide(m, GenericAlone, -1)
			continue
		}
		if pending != nil && m.Sent-pending.Sent <= 1 {
			inc := b.open(pending, TollWaits)
			b.join(inc, m, Opens)
		} else {
			b.open(m, Opens)
		}
		pending = nil
	}
	b.placeContext()
	b.recall(ms)
	return b.incs, b.decisions, nil
}

// recall lends each background mention to the incident it names, when it
// names one incident (not هجمات) and the article tells exactly one of its
// kind.
func (b *builder) recall(ms []*mention.Mention) {
	for _, m := range ms {
		if m.Status != mention.Background || !m.Head() || !m.Specific {
			continue
		}
		var only *Incident
		n := 0
		for _, inc := range b.incs {
			if inc.kind == m.Kind {
				only = inc
				n++
			}
		}
		if n == 1 {
			only.Recalled = append(only.Recalled, m)
		}
	}
}

// placeContext gives an incident whose reports name no place the places
// of the incident before it, else the article's first place below the
// country: a coder reads the place from the article (وقد زاد مقتل خمسة
// متظاهرين في الاشتباكات … in an article on Basra).
func (b *builder) placeContext() {
	var prev []mention.Place
	var when *model.Date
	for _, inc := range b.incs {
		dated := false
		for _, m := range inc.Members {
			if m.Date != nil && m.Date.Resolved() && !m.Date.Since {
				dated = true
				d := m.Date.Date
				when = &d
				break
			}
		}
		if !dated {
			inc.When = when
		}
		var own []mention.Place
		for _, m := range inc.Members {
			for _, p := range m.Places {
				if p.Place != nil && !p.Ref {
					own = append(own, p)
				}
			}
		}
		if len(own) > 0 {
			prev = own
			continue
		}
		if prev == nil {
			prev = b.firstPlace()
		}
		inc.Context = prev
	}
}

// firstPlace is the first place below the country the article names.
func (b *builder) firstPlace() []mention.Place {
	for _, p := range b.l.Places {
		if p.Place != nil && p.Place.Feature != "country" {
			return []mention.Place{{Mention: p}}
		}
	}
	return nil
}

type builder struct {
	l         *find.Layers
	incs      []*Incident
	decisions []Decision
	// reported: a mention before this one reported something.
	reported bool
}

func (b *builder) last() *Incident {
	if len(b.incs) == 0 {
		return nil
	}
	return b.incs[len(b.incs)-1]
}

func (b *builder) decide(m *mention.Mention, r Rule, inc int) {
	b.decisions = append(b.decisions, Decision{Mention: m, Rule: r, Incident: inc})
}

func (b *builder) index(inc *Incident) int {
	for i := len(b.incs) - 1; i >= 0; i-- {
		if b.incs[i] == inc {
			return i
		}
	}
	return -1
}

func (b *builder) open(m *mention.Mention, r Rule) *Incident {
	inc := &Incident{lastSent: m.Sent, lastPara: m.Para, siteIDs: map[string]bool{}, figures: map[figureKey]bool{}, by: map[string]bool{}}
	b.incs = append(b.incs, inc)
	b.absorb(inc, m)
	b.decide(m, r, len(b.incs)-1)
	return inc
}

func (b *builder) join(inc *Incident, m *mention.Mention, r Rule) {
	b.absorb(inc, m)
	if m.Sent > inc.lastSent {
		inc.lastSent, inc.lastPara = m.Sent, m.Para
	}
	b.decide(m, r, b.index(inc))
}

// absorb adds m to inc and to the summaries merging consults, so that a
// check against an incident costs the same however many reports it has.
func (b *builder) absorb(inc *Incident, m *mention.Mention) {
	inc.Members = append(inc.Members, m)
	if m.Kind != "" && kindPriority(m) > mention.Priority(inc.kind) {
		inc.kind = m.Kind
	}
	for _, p := range m.Sites {
		if !inc.siteIDs[p.ID] {
			inc.siteIDs[p.ID] = true
			inc.sites = append(inc.sites, p)
		}
	}
	for _, p := range m.Places {
		if p.Place != nil && !p.Ref && p.Relation == model.Near && p.Place.Feature != "country" {
			inc.nearby = append(inc.nearby, p.Place)
		}
	}
	for _, c := range m.Casualties {
		inc.figures[figureKey{c.Kind, c.Fig.Count}] = true
	}
	if d := m.Date; d != nil && d.Resolved() && !d.Since {
		inc.dates = append(inc.dates, d.Date)
	}
	if m.By != "" {
		inc.by[m.By] = true
	}
}

// kindPriority ranks a mention's kind for a merged incident; an explosion
// of no stated kind yields to shelling and strikes, whose blasts it often
// describes.
func kindPriority(m *mention.Mention) int {
	if m.Bombing {
		return mention.Priority(model.Attack)
	}
	return mention.Priority(m.Kind)
}

// standsAlone reports a mention that tells enough of an incident to open
// one: a toll, or a place below a governorate where it happened.
func (b *builder) standsAlone(m *mention.Mention) bool {
	if len(m.Casualties) > 0 {
		return true
	}
	for _, p := range m.Sites {
		if p.Feature != "governorate" && p.Feature != "country" {
			return true
		}
	}
	return false
}

// tollKind is the incident a toll reports: what the violent words of its
// sentence say (قتلى حملة القصف: shelling), else what befell the people:
// killed or wounded were attacked, kidnapped abducted.
func (b *builder) tollKind(m *mention.Mention) find.Kind {
	k := tollKind(m.Casualties)
	if k != model.Attack {
		return k
	}
	for _, h := range b.l.TriggersIn(m.Tok0, m.Tok1) { // a toll's mention is its sentence
		if mention.Family(h.Kind) == model.Violence && h.Kind != find.Explosion && mention.Priority(h.Kind) > mention.Priority(k) {
			k = h.Kind
		}
	}
	return k
}

// tollKind is the incident a toll with no trigger reports: people killed
// or wounded were attacked, people kidnapped were abducted.
func tollKind(cs []find.Casualty) find.Kind {
	for _, c := range cs {
		switch c.Kind {
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
