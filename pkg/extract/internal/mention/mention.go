// Package mention is the second stage: it reads the finders' layers one
// sentence at a time and turns each trigger, with the clauses of its
// sentence that belong to it, into a mention: what happened, where, when,
// to how many, and its status (actual, planned, negated, hypothetical,
// talk, background, summary). A status is decided from the clause and the
// sentence around the trigger, never from the rest of the article; which
// mentions report one incident is the next stage's question.
package mention

import (
	"context"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/pattern"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// Status says whether a mention reports something that happened.
type Status uint8

// Mention statuses.
const (
	// Actual: it happened.
	Actual Status = iota
	// Planned: announced, threatened or feared, not yet happened.
	Planned
	// Negated: denied, stopped or foiled.
	Negated
	// Hypothetical: a condition (أي هجوم، في حال).
	Hypothetical
	// Talk: a clause of statements, meetings, calls, condemnations.
	Talk
	// Background: told as the subject of something else: a trial, a
	// charge, an anniversary, what someone once did (الذي خطف قبل عامين).
	Background
	// Summary: many incidents at once: a running total, a plural with
	// nothing that makes it one incident, a tally over a period.
	Summary
)

var statusNames = [...]string{"actual", "planned", "negated", "hypothetical", "talk", "background", "summary"}

func (s Status) String() string { return statusNames[s] }

// Opener says how a mention's sentence opens, which tells the article
// model how it relates to what came before.
type Opener uint8

// Openers.
const (
	NoOpener Opener = iota
	// Attribution: وقال المصدر إن …، وبحسب المرصد …: a source retells.
	Attribution
	// Elaboration or result: موضحا …، أسفر عن …: detail of what came before.
	Elaboration
	// Another: وفي تطور آخر، بالتزامن، في حين: something else.
	Another
	// Update: ارتفعت حصيلة …: a new toll of an incident told before.
	Update
)

// Mention is one report of an incident.
type Mention struct {
	Kind find.Kind
	// Trigger indexes Layers.Triggers; -1 for a toll with no trigger.
	Trigger    int
	Sent, Para int
	C0, C1     int // its clauses [C0, C1)
	HeadClause int
	Tok0, Tok1 int
	Status     Status
	// Why names the cue or rule behind a status other than actual.
	Why string

	// RefersBack: a definite trigger (الهجوم، هذه الضربات) naming an
	// incident already told.
	RefersBack bool
	// Continues: its sentence names the incident before (بدأت الواقعة).
	Continues bool
	// Bombing: an explosion of no stated kind, read as ied for now.
	Bombing bool
	// Generic: a weak or plural trigger with nothing behind it, kept only
	// as a possible reference back.
	Generic bool
	// Specific: its trigger is neither weak nor plural.
	Specific bool
	// Qualified: its trigger is a phrase that says more than its kind
	// (القصف المدفعي، الغارة الجوية), so it names nothing of another kind.
	Qualified bool
	Opener    Opener
	// AnotherCue: an «آخر» cue before the trigger in its sentence.
	AnotherCue bool
	// Tally: a toll counted since a date or over a period.
	Tally bool
	// By names who did it when its trigger's clause says so plainly (نفذته
	// X، من قبل X، هجوم لـX، الغارات الروسية), "" otherwise.
	By string
	// DayBefore is the mention whose incident took place the day after
	// this one's: this one was told after غداة in its sentence (ويأتي
	// القصف غداة مقتل 9 مدنيين في غارة).
	DayBefore *Mention

	// lo and hi, when set, bound its tokens inside its clauses: two
	// incidents told in one clause (ويأتي القصف غداة … غارة).
	lo, hi int
	// crowded: its sentence reports more than one incident, so the
	// sentence's places are not all its own.
	crowded bool

	// Frame: what its clauses say.
	Places     []Place            // its trigger clause's, else its clauses', else its sentence's
	Sites      []*gazetteer.Place // resolved places where it happened (no reference points)
	Casualties []find.Casualty
	Date       *find.Date // the date it states itself
}

// Head reports whether the mention has a trigger.
func (m *Mention) Head() bool { return m.Trigger >= 0 }

// Builder is the mention stage; immutable once built.
type Builder struct {
	relative    *pattern.Pattern
	keepFlagged bool
}

// New returns the mention stage. relative is the relative_before pattern;
// keepFlagged keeps planned and negated mentions as incidents.
func New(relative *pattern.Pattern, keepFlagged bool) *Builder {
	return &Builder{relative: relative, keepFlagged: keepFlagged}
}

// negationWindow is how many tokens before a trigger a negation reaches:
// لم يتم اعتقال، not لم تتدخل لمنع هجمات.
const negationWindow = 2

// Build returns the mentions of an article in text order: those that may
// report incidents (actual, or flagged ones when kept) and the dropped
// ones, with their status, for tracing.
func (b *Builder) Build(ctx context.Context, l *find.Layers) ([]*Mention, error) {
	t := l.Text
	var out []*Mention
	type decided struct {
		st  Status
		why string
	}
	stat := make([]decided, len(l.Triggers))
	ti := 0
	for si, s := range t.Sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		nc := s.C1 - s.C0
		heads := make([]int, nc) // trigger index+1 heading each clause, 0 for none
		refine := make([]find.Kind, nc)
		continues := false
		first := len(out)
		comes := l.OpensWith(find.Comes, s.Tok0, s.Tok1)
		var sequels []sequel
		for ; ti < len(l.Triggers) && l.Triggers[ti].Tok0 < s.Tok1; ti++ {
			h := &l.Triggers[ti]
			if h.Tok0 < s.Tok0 || s.Skip {
				continue
			}
			if h.Kind == find.Anaphor {
				continues = true
				continue
			}
			ci := t.ClauseOf(h.Tok0)
			k := ci - s.C0
			c := t.Clauses[ci]
			// A trigger after مسؤول names an office (مسؤول الخطف).
			if _, ok := l.CueBefore(find.Office, h.Tok0, c.Tok0); ok {
				continue
			}
			if h.Kind == model.SuicideBombing || h.Kind == model.CarBomb {
				if refine[k] == "" || h.Kind == model.SuicideBombing {
					refine[k] = h.Kind
				}
			}
			st, why, err := b.status(l, ti, si)
			if err != nil {
				return nil, err
			}
			stat[ti] = decided{st, why}
			if st != Actual && !(b.keepFlagged && (st == Planned || st == Negated)) {
				out = append(out, &Mention{Kind: h.Kind, Trigger: ti, Sent: si, Para: s.Para, C0: ci, C1: ci + 1,
					HeadClause: ci, Tok0: c.Tok0, Tok1: c.Tok1, Status: st, Why: why,
					Specific: h.Flags&(find.Weak|find.Plural) == 0})
				continue
			}
			flags := h.Flags
			if _, ok := l.CueBefore(find.Series, h.Tok0, c.Tok0); ok {
				flags |= find.Plural
			}
			supported := b.supported(l, h, flags, c, s)
			refers := b.refersBack(l, h, c)
			if !supported && !(refers && flags&find.Counted == 0) {
				if flags&find.Plural != 0 {
					out = append(out, &Mention{Kind: h.Kind, Trigger: ti, Sent: si, Para: s.Para, C0: ci, C1: ci + 1,
						HeadClause: ci, Tok0: c.Tok0, Tok1: c.Tok1, Status: Summary, Why: "plural"})
				}
				continue
			}
			// ويأتي القصف غداة مقتل 9 مدنيين في غارة: what follows the sequel
			// word is another, earlier incident, a mention of its own.
			if cur := heads[k]; cur != 0 && comes {
				if q, ok := l.Cue(find.Sequel, l.Triggers[cur-1].Tok1, h.Tok0); ok {
					if n := len(sequels); n == 0 || sequels[n-1].from != q.Tok0 {
						sequels = append(sequels, sequel{trigger: ti, clause: ci, from: q.Tok0})
					}
					continue
				}
			}
			// A specific trigger heads its clause over a generic one
			// (هجمات أربيل الصاروخية is shelling), but not over a reference
			// back (الضربة استهدفت: the strike already told).
			if cur := heads[k]; cur != 0 {
				ch := &l.Triggers[cur-1]
				generic := func(f find.TriggerFlags) bool { return f&(find.Weak|find.Plural) != 0 }
				if b.refersBack(l, ch, c) || !generic(ch.Flags) || generic(flags) || priority(h.Kind) < priority(ch.Kind) {
					continue
				}
			}
			heads[k] = ti + 1
		}
		if s.Skip {
			continue
		}
		var cur *Mention
		for k := range heads {
			ci := s.C0 + k
			c := t.Clauses[ci]
			if heads[k] == 0 {
				if cur != nil {
					cur.C1 = ci + 1
				}
				continue
			}
			hi := heads[k] - 1
			h := &l.Triggers[hi]
			st, why := stat[hi].st, stat[hi].why
			if cur != nil && (l.OpensWith(find.Result, c.Tok0, c.Tok1) || l.OpensWith(find.Elaboration, c.Tok0, c.Tok1) ||
				(h.Kind == cur.Kind && st == Actual)) {
				cur.C1 = ci + 1
				continue
			}
			if cur != nil && oneIncident(l, cur, h, c) {
				cur.C1 = ci + 1
				// تنظيم داعش استهدف …، عبر سيارة مفخخة: a car bomb; a generic
				// word (قتل رميا بالرصاص) does not retype it.
				// A blast told with a generic attack (وفي هجوم آخر … في انفجار
				// عبوة ناسفة) is the bombing the attack was.
				if h.Flags&(find.Weak|find.Plural) == 0 &&
					(priority(h.Kind) > priority(cur.Kind) || h.Kind == find.Explosion && cur.Kind == model.Attack) {
					cur.Kind = h.Kind
				}
				continue
			}
			start := ci
			if cur == nil {
				start = s.C0 // the clauses before the first trigger lead into it
			}
			flags := h.Flags
			if _, ok := l.CueBefore(find.Series, h.Tok0, c.Tok0); ok {
				flags |= find.Plural
			}
			cur = &Mention{Kind: h.Kind, Trigger: hi, Sent: si, Para: s.Para, C0: start, C1: ci + 1, HeadClause: ci,
				RefersBack: b.refersBack(l, h, c), Continues: continues, Status: st, Why: why,
				Generic: !b.supported(l, h, flags, c, s), Specific: flags&(find.Weak|find.Plural) == 0}
			if q := highlighted(l, h, c); q >= 0 {
				// The summary before the highlight word is not its own.
				cur.lo = q
			}
			out = append(out, cur)
		}
		if comes {
			// ويأتي الهجوم بعد ساعات من وصول …: what follows the sequel word
			// is not the incident's own.
			for _, m := range out[first:] {
				if !m.Head() {
					continue
				}
				tr := l.Triggers[m.Trigger]
				if q, ok := l.Cue(find.Sequel, tr.Tok1, t.Clauses[m.C1-1].Tok1); ok && (m.hi == 0 || q.Tok0 < m.hi) {
					m.hi = q.Tok0
				}
			}
		}
		for _, q := range sequels {
			h := &l.Triggers[q.trigger]
			var head *Mention
			for _, m := range out[first:] {
				if m.C0 <= q.clause && q.clause < m.C1 && m.Head() && l.Triggers[m.Trigger].Tok0 < q.from {
					m.hi = q.from
					head = m
				}
			}
			sq := &Mention{Kind: h.Kind, Trigger: q.trigger, Sent: si, Para: s.Para, C0: q.clause, C1: q.clause + 1,
				HeadClause: q.clause, Status: stat[q.trigger].st, Why: stat[q.trigger].why, AnotherCue: true, lo: q.from,
				Specific: h.Flags&(find.Weak|find.Plural) == 0}
			if l.Has(find.DayAfter, q.from, q.from+1) {
				sq.DayBefore = head
			}
			out = append(out, sq)
		}
		// A sentence with no incident may still report a toll, unless its
		// trigger summed up several (في هجومين … أودت بحياة العشرات) or
		// was talk: a summary lends its figures to none.
		if cur == nil && !summed(out[first:]) && hasCasualty(l, t.Clauses[s.C0].Tok0, t.Clauses[s.C1-1].Tok1) {
			cur = &Mention{Trigger: -1, Sent: si, Para: s.Para, C0: s.C0, C1: s.C1, HeadClause: s.C0, Continues: true}
			out = append(out, cur)
		}
		// A trigger dropped as background or a time reference takes the
		// rest of its clause with it (ويعد الهجوم الأكثر دموية منذ تفجير
		// الكرادة … الذي أسفر عن مقتل 300): not the head's frame.
		for _, m := range out[first:] {
			if !m.Head() || (m.Status != Actual && m.Status != Planned && m.Status != Negated) {
				continue
			}
			head := l.Triggers[m.Trigger]
			for _, d := range out[first:] {
				if (d.Status != Background && d.Status != Hypothetical) || !d.Head() {
					continue
				}
				dt := l.Triggers[d.Trigger]
				if dt.Tok0 <= head.Tok0 || d.HeadClause < m.C0 || d.HeadClause >= m.C1 {
					continue
				}
				cut := dropStart(l, dt, t.Clauses[d.HeadClause].Tok0)
				if cut > head.Tok1 && (m.hi == 0 || cut < m.hi) {
					m.hi = cut
				}
			}
		}
		reports := 0
		for _, m := range out[first:] {
			if m.Status != Actual && m.Status != Planned && m.Status != Negated {
				continue
			}
			reports++
			b.settleKind(l, m, refine, s.C0)
		}
		if reports > 1 {
			for _, m := range out[first:] {
				m.crowded = true
			}
		}
	}
	for _, m := range out {
		b.frame(l, m)
	}
	return out, nil
}

// dropStart is where a dropped trigger's words begin: the cue that made it
// background or a time (منذ، ردا على، الذي) when one stands right before it.
func dropStart(l *find.Layers, h find.Trigger, floor int) int {
	start := h.Tok0
	for _, sec := range []find.Section{find.Since, find.Before, find.Background, find.Relative, find.Hypothetical, find.Condition, find.Series} {
		if c, ok := l.CueBefore(sec, h.Tok0, floor); ok && c.Tok0 < start {
			start = c.Tok0
		}
	}
	return start
}

// sequel is a trigger after a sequel word in a sentence that opens with a
// comes verb: from is where its mention starts.
type sequel struct{ trigger, clause, from int }

// summed reports a trigger dropped as a summary, talk, background or
// condition: the sentence's figures are its, not a toll of their own.
// weapon is an attack's kind as the weapons of its trigger's clause tell
// it: shells and rockets make it shelling, strikes from the air an
// airstrike; an attack otherwise.
func weapon(l *find.Layers, m *Mention) find.Kind {
	hc := l.Text.Clauses[m.HeadClause]
	k := m.Kind
	for _, h := range l.TriggersIn(max(hc.Tok0, m.lo), hc.Tok1) {
		if m.hi > 0 && h.Tok0 >= m.hi {
			break
		}
		if (h.Kind == model.Shelling || h.Kind == model.Airstrike) && priority(h.Kind) > priority(k) {
			k = h.Kind
		}
	}
	return k
}

func summed(ms []*Mention) bool {
	for _, m := range ms {
		switch m.Status {
		case Summary, Talk, Background, Hypothetical:
			return true
		}
	}
	return false
}

// settleKind refines a mention's kind from the cues of its clauses: an
// attack from the air is an airstrike, a bombing with a suicide or car cue
// is that, and an explosion of no stated kind an ied.
func (b *Builder) settleKind(l *find.Layers, m *Mention, refine []find.Kind, c0 int) {
	if m.Kind == model.Attack {
		// استهدفت صواريخ أرض-أرض بلدة حرستا: the attack's weapon names it.
		m.Kind = weapon(l, m)
	}
	if (m.Kind == model.Attack || m.Kind == model.Shelling) && fromAir(l, m) {
		m.Kind = model.Airstrike
	}
	for c := m.C0; c < m.C1; c++ {
		if r := refine[c-c0]; r != "" && (m.Kind == find.Explosion || m.Kind == model.Attack) {
			m.Kind = r
		}
	}
	if m.Kind == find.Explosion {
		m.Kind = model.IED
		m.Bombing = true
	}
}

// refersBack reports a definite trigger (with the article, or after a
// demonstrative) of a kind whose definite form names an incident told
// before; after a series word (سلسلة الاغتيالات) it names a kind of
// incident, none in particular.
func (b *Builder) refersBack(l *find.Layers, h *find.Trigger, c segment.Clause) bool {
	if _, ok := l.CueBefore(find.Series, h.Tok0, c.Tok0); ok {
		return false
	}
	definite := h.Definite || construct(l, h, c)
	if _, ok := l.CueBefore(find.Demonstrative, h.Tok0, c.Tok0); ok {
		definite = true
	}
	return definite && refersBackKind(h.Kind)
}

// construct reports a one-word trigger in construct with a definite noun
// after a construct word (وتسبب قصف المطار): definite by its genitive.
func construct(l *find.Layers, h *find.Trigger, c segment.Clause) bool {
	toks := l.Text.Tokens
	if h.Tok1-h.Tok0 != 1 || h.Tok1 >= c.Tok1 || toks[h.Tok1].Kind != arabic.Word || !arabic.HasArticle(l.Text.Word(h.Tok1)) {
		return false
	}
	_, ok := l.CueBefore(find.Construct, h.Tok0, c.Tok0)
	return ok
}

func refersBackKind(k find.Kind) bool {
	if k == find.Explosion || k == find.Anaphor {
		return true
	}
	ti, ok := model.Info(k)
	return ok && ti.RefersBack
}

// priority ranks kinds from least to most specific; an explosion of no
// stated kind ranks with an attack.
func priority(k find.Kind) int {
	if k == find.Explosion {
		return priority(model.Attack)
	}
	ti, _ := model.Info(k)
	return ti.Priority
}

// Priority is priority for the later stages.
func Priority(k find.Kind) int { return priority(k) }

func hasCasualty(l *find.Layers, a, b int) bool {
	for _, c := range l.CasualtiesIn(a, b) {
		if c.Tok1 <= b {
			return true
		}
	}
	return false
}

// placeBelowCountry reports a place finer than a country in tokens [a, b).
func placeBelowCountry(l *find.Layers, a, b int) bool {
	for _, p := range l.PlacesIn(a, b) {
		if p.Tok1 <= b && (p.Place == nil || p.Place.Feature != "country") {
			return true
		}
	}
	return false
}

// PlaceBelowCountry is placeBelowCountry for the later stages.
func PlaceBelowCountry(l *find.Layers, a, b int) bool { return placeBelowCountry(l, a, b) }
