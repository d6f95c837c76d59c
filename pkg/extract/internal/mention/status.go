package mention

import (
	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// hypotheticalWindow is how many tokens before a trigger a condition word
// reaches (أي هجوم، في حال تعرضت لهجوم).
const hypotheticalWindow = 3

// status decides from trigger ti's clause and sentence whether it reports
// something that happened, and names the cue that decided otherwise.
func (b *Builder) status(l *find.Layers, ti, si int) (Status, string, error) {
	t := l.Text
	h := &l.Triggers[ti]
	c := t.Clauses[t.ClauseOf(h.Tok0)]
	s := t.Sents[si]
	switch {
	case l.Has(find.NonEvent, c.Tok0, h.Tok0) || l.Has(find.NonEvent, h.Tok1, c.Tok1) && !hasCasualty(l, c.Tok0, c.Tok1):
		// A meeting or a visit after the trigger with a toll is where the
		// attack struck (فجر نفسه خلال اجتماع … ليقتل خمسة).
		return Talk, "nonevent", nil
	case l.OpensWith(find.NonEvent, s.Tok0, s.Tok1) && !hasCasualty(l, s.Tok0, s.Tok1):
		// A sentence that opens with a condemnation or a refusal talks
		// about the attack it names (استنكر علاوي في بيان … تفجيرات مدينة
		// الصدر); with a toll it also tells it.
		return Talk, "nonevent", nil
	case l.OpensWith(find.Cumulative, c.Tok0, c.Tok1):
		// A running total (لترتفع بذلك حصيلة القتلى إلى 162) sums up
		// incidents; it is not one.
		return Summary, "cumulative", nil
	case l.Has(find.Hypothetical, max(c.Tok0, h.Tok0-hypotheticalWindow), h.Tok0):
		return Hypothetical, "hypothetical", nil
	case l.Has(find.Condition, c.Tok0, h.Tok0):
		return Hypothetical, "condition", nil
	case l.Has(find.Negation, max(c.Tok0, h.Tok0-negationWindow), h.Tok0):
		return Negated, "negation", nil
	case denied(l, s, h):
		return Negated, "denial", nil
	case h.Flags&find.Speech != 0 && speech(l, h, c):
		// هاجم الرئيس: a verb of attack whose object is an official is
		// speech.
		return Talk, "speech", nil
	case l.Has(find.Foiled, c.Tok0, h.Tok0) && !foughtOrFell(l, s):
		// A foiled attack is no incident, unless the sentence tells of
		// fighting or casualties (إحباط هجوم … وقتل اثنين من المهاجمين).
		return Negated, "foiled", nil
	case l.Has(find.Planned, c.Tok0, min(c.Tok1, h.Tok1+2)):
		// Planned cues stand before the trigger or right after it (هجوم
		// مرتقب).
		return Planned, "planned", nil
	case highlighted(l, h, c) >= 0:
		return Actual, "", nil
	case l.Has(find.Background, c.Tok0, h.Tok0):
		return Background, "background", nil
	case timeReference(l, h, c):
		return Background, "time reference", nil
	case listed(l, h):
		// من قتل وذبح وخطف: kinds of violence listed, no incident.
		return Summary, "list", nil
	case l.Has(find.Summary, c.Tok0, c.Tok1):
		return Summary, "summary", nil
	case trend(l, h, c):
		return Summary, "trend", nil
	}
	if rel, err := b.relativeBefore(l, h, c); err != nil || rel {
		return Background, "relative", err
	}
	return Actual, "", nil
}

// trend reports a trend phrase right before h, or before the trigger h
// qualifies (زيادة عدد الهجمات الصاروخية).
func trend(l *find.Layers, h *find.Trigger, c segment.Clause) bool {
	at := h.Tok0
	for _, g := range l.TriggersIn(c.Tok0, h.Tok0) {
		if g.Tok1 == h.Tok0 {
			at = g.Tok0
		}
	}
	_, ok := l.CueBefore(find.Trend, at, c.Tok0)
	return ok
}

// highlightReach is how many tokens before a trigger a highlight word
// reaches (أشدها عنفا هجوم).
const highlightReach = 2

// highlighted returns the first token of the highlight word that singles
// trigger h out of a summary (أبرزها انفجار), or -1.
func highlighted(l *find.Layers, h *find.Trigger, c segment.Clause) int {
	if q, ok := l.Cue(find.Highlight, max(c.Tok0, h.Tok0-highlightReach), h.Tok0); ok {
		return q.Tok0
	}
	return -1
}

// timeReference reports a trigger that names a time rather than an
// incident: right after منذ or قبل (منذ اغتيال الحريري، قبل اختطافه), or
// after years counted from it (بعد 13 عاما من اغتيال).
func timeReference(l *find.Layers, h *find.Trigger, c segment.Clause) bool {
	at := h.Tok0
	for _, g := range l.TriggersIn(max(c.Tok0, h.Tok0-2), h.Tok0) {
		if g.Kind == find.Anaphor && g.Tok1 == h.Tok0 {
			at = g.Tok0 // قبل حادث الهجوم
		}
	}
	if _, ok := l.CueBefore(find.Since, at, c.Tok0); ok {
		return true
	}
	if _, ok := l.CueBefore(find.Before, at, c.Tok0); ok {
		return true
	}
	// بعد 13 عاما من اغتيال الحريري: years counted from it.
	if g, ok := l.CueBefore(find.GroupOf, h.Tok0, c.Tok0); ok && g.Tok0 > c.Tok0 {
		return l.Has(find.Period, g.Tok0-1, g.Tok0)
	}
	return false
}

// listed reports a trigger joined by و to another trigger of another kind
// (تفجيرات وخطف، قتل وخطف): a list of kinds of violence.
func listed(l *find.Layers, h *find.Trigger) bool {
	for _, o := range l.TriggersIn(h.Tok1, h.Tok1+1) {
		if o.Kind != h.Kind && o.Kind != find.Anaphor && arabic.IsConjoined(l.Text.Word(o.Tok0)) {
			return true
		}
	}
	for _, o := range l.TriggersIn(max(0, h.Tok0-4), h.Tok0) {
		if o.Tok1 == h.Tok0 && o.Kind != h.Kind && o.Kind != find.Anaphor && arabic.IsConjoined(l.Text.Word(h.Tok0)) {
			return true
		}
	}
	return false
}

// speechWindow is how far after a speech verb its subject or object may
// name an official (هاجم البرلماني … الرئيس التونسي).
const speechWindow = 4

// speech reports a verb of attack said of officials: an addressee right
// after it, or within a few words when no armed side, weapon or casualty
// is in the clause (هاجم مسلحون موكب الرئيس is an attack).
func speech(l *find.Layers, h *find.Trigger, c segment.Clause) bool {
	if l.Has(find.Addressee, h.Tok1, min(c.Tok1, h.Tok1+1)) {
		return true
	}
	// شن الأمير … هجوما قويا على …: an official as its subject too.
	near := l.Has(find.Addressee, h.Tok1, min(c.Tok1, h.Tok1+speechWindow)) ||
		l.Has(find.Addressee, max(c.Tok0, h.Tok0-speechWindow), h.Tok0)
	if !near || hasCasualty(l, c.Tok0, c.Tok1) || placeBelowCountry(l, c.Tok0, c.Tok1) {
		return false
	}
	for _, a := range l.ActorsIn(c.Tok0, c.Tok1) {
		if a.Def.Armed() || a.Def.Generic {
			return false
		}
	}
	return len(l.TriggersIn(c.Tok0, c.Tok1)) == 1
}

// denied reports a denial before the trigger in its sentence (نفى مصدر
// بالجيش، مساء السبت، تعرض المطار لهجوم), unless a new statement opens
// between them (نفت …، وقالت إن الهجوم …).
func denied(l *find.Layers, s segment.Sentence, h *find.Trigger) bool {
	d, ok := l.Cue(find.Denial, s.Tok0, h.Tok0)
	if !ok {
		return false
	}
	t := l.Text
	for _, c := range l.CuesIn(d.Tok1, h.Tok0) {
		if c.Sec == find.Reporting && l.OpensWith(find.Reporting, t.Clauses[t.ClauseOf(c.Tok0)].Tok0, c.Tok1) {
			return false
		}
	}
	return true
}

// foughtOrFell reports fighting or a killed or wounded toll in a sentence.
func foughtOrFell(l *find.Layers, s segment.Sentence) bool {
	for _, c := range l.CasualtiesIn(s.Tok0, s.Tok1) {
		if c.Kind == model.Killed || c.Kind == model.Wounded {
			return true
		}
	}
	for _, h := range l.TriggersIn(s.Tok0, s.Tok1) {
		if h.Kind == model.ArmedClash {
			return true
		}
	}
	return false
}

// relativeBefore reports a trigger inside a relative clause about someone
// (الرجل الذي خطف قبل عامين): relative_before matches the clause up to the
// trigger. A relative clause on an incident noun (الهجوم الذي استهدف)
// retells that incident, so it does not count.
func (b *Builder) relativeBefore(l *find.Layers, h *find.Trigger, c segment.Clause) (bool, error) {
	if b.relative == nil || h.Tok0 == c.Tok0 {
		return false, nil
	}
	cue, ok := l.Cue(find.Relative, max(c.Tok0, h.Tok0-3), h.Tok0)
	if !ok {
		return false, nil // the trie flags the clauses the pattern may match
	}
	if len(l.TriggersIn(cue.Tok0-2, cue.Tok0)) > 0 {
		for _, p := range l.TriggersIn(cue.Tok0-2, cue.Tok0) {
			if p.Tok1 == cue.Tok0 {
				return false, nil
			}
		}
	}
	t := l.Text
	a := t.Tokens[c.Tok0].NormOff
	e := t.Tokens[h.Tok0].NormOff
	ms, err := b.relative.FindAll([]rune(t.Norm[a:e]))
	return len(ms) > 0, err
}

// supported reports whether a trigger makes an incident on its own: a
// specific trigger does; a weak or plural one needs a number right before
// it (9 عمليات), a place below the country in its clause, or (weak only)
// a casualty figure, or (plural) a small exact toll in its sentence.
func (b *Builder) supported(l *find.Layers, h *find.Trigger, flags find.TriggerFlags, c segment.Clause, s segment.Sentence) bool {
	if flags&(find.Weak|find.Plural|find.Counted) == 0 {
		return true
	}
	if h.Tok0 > c.Tok0 {
		for _, f := range l.FiguresIn(max(c.Tok0, h.Tok0-6), h.Tok0) {
			if f.Tok1 == h.Tok0 {
				return true
			}
		}
	}
	if flags&find.Counted != 0 {
		return false
	}
	if h.Kind == model.WeaponsSeizure {
		// A find is a seizure only of weapons (العثور على أسلحة), not of
		// bodies or remains.
		return l.Has(find.Weapon, h.Tok1, c.Tok1)
	}
	if placeBelowCountry(l, c.Tok0, c.Tok1) {
		return true
	}
	if flags&find.Plural == 0 {
		// A casualty backs a weak trigger of violence, in its clause or,
		// for the dead and wounded, its sentence (وقتل أحد المحتجين،
		// الجمعة، برصاص ميليشيات …).
		if hasCasualty(l, c.Tok0, c.Tok1) {
			return true
		}
		for _, cs := range l.CasualtiesIn(s.Tok0, s.Tok1) {
			if cs.Tok1 <= s.Tok1 && (cs.Kind == model.Killed || cs.Kind == model.Wounded) {
				return true
			}
		}
		return false
	}
	// Clashes that killed a stated handful of people are one incident
	// (اشتباكات … بمقتل شخصين على الأقل); a big or vague toll (عشرات) over
	// plural attacks is a tally.
	for _, cs := range l.CasualtiesIn(s.Tok0, s.Tok1) {
		if cs.Tok1 <= s.Tok1 && cs.Fig.Min == cs.Fig.Max && cs.Fig.Count < 100 &&
			(cs.Kind == model.Killed || cs.Kind == model.Wounded) {
			return true
		}
	}
	return false
}

// family is a kind's family; an explosion of no stated kind is violence.
func family(k find.Kind) model.Family {
	if k == find.Explosion {
		return model.Violence
	}
	ti, _ := model.Info(k)
	return ti.Family
}

// Family is family for the later stages.
func Family(k find.Kind) model.Family { return family(k) }

// oneIncident reports that a trigger later in a sentence describes the
// incident its earlier one began (هجوم …، عبر سيارة مفخخة; عملية …، وقتل
// خمسة في اشتباكات): both violent, or an operation and its fighting, no
// other place named, no reference to something else.
func oneIncident(l *find.Layers, cur *Mention, h *find.Trigger, c segment.Clause) bool {
	fight := func(k find.Kind) bool { return k == model.ArmedClash || k == model.Shelling || k == model.Airstrike }
	op := func(k find.Kind) bool { return k == model.SecurityOperation }
	violent := family(cur.Kind) == model.Violence && family(h.Kind) == model.Violence && h.Flags&find.Plural == 0
	if !violent && !(op(cur.Kind) && fight(h.Kind)) {
		return false
	}
	if l.Has(find.Another, c.Tok0, h.Tok0) {
		return false
	}
	// A place of its own makes it another incident, unless the head names
	// none (وفي هجوم آخر، … في انفجار عبوة جنوب بعقوبة: the blast is
	// where the attack was).
	t := l.Text
	if !placeBelowCountry(l, t.Clauses[cur.C0].Tok0, t.Clauses[cur.C1-1].Tok1) {
		return true
	}
	for _, p := range l.PlacesIn(c.Tok0, c.Tok1) {
		if p.Tok1 <= c.Tok1 && p.Place != nil && p.Place.Feature != "country" {
			return false
		}
	}
	return true
}

// fromAir reports an attack told as coming from the air: an air cue in the
// trigger's clause (هجمات جوية، طائرات حربية) or an air force that did it:
// the subject before the trigger, the name the trigger is part of, or
// "لـX" right after it (قصف للتحالف), not one that was hit (هجوما على
// قاعدة لقوات التحالف).
func fromAir(l *find.Layers, m *Mention) bool {
	hc := l.Text.Clauses[m.HeadClause]
	if m.lo > hc.Tok0 {
		hc.Tok0 = m.lo
	}
	if m.hi > 0 && m.hi < hc.Tok1 {
		hc.Tok1 = m.hi
	}
	if l.Has(find.Air, hc.Tok0, hc.Tok1) {
		return true
	}
	if !m.Head() {
		return false
	}
	h := l.Triggers[m.Trigger]
	for _, a := range l.ActorsIn(hc.Tok0, hc.Tok1) {
		if !a.Def.Air || a.Tok1 > hc.Tok1 || a.Def.Adj && !find.AdjectiveOf(l, a, h) {
			continue
		}
		overlaps := a.Tok0 < h.Tok1 && h.Tok0 < a.Tok1
		if overlaps || a.Tok1 <= h.Tok0 || (a.Tok0 == h.Tok1 && a.Skip > 0) {
			return true
		}
	}
	return false
}
