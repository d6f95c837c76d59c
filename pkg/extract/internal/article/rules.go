package article

import (
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/mention"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// follows decides whether m, read after inc, reports inc again, and by
// which rule: a compatible mention joins the current incident unless it
// has its own conflicting date or place or says it is another one.
func (b *builder) follows(inc *Incident, m *mention.Mention) (Rule, bool) {
	k := inc.kind
	if !compatible(k, m.Kind) || !datesAgree(inc, m) || !sidesAgree(inc, m) || m.AnotherCue || m.Opener == mention.Another {
		return "", false
	}
	places := placesAgree(inc, m)
	adjacent := m.Sent-inc.lastSent <= 1 && m.Para-inc.lastPara <= 1
	if places == conflict {
		// من بين القتلى 18 عنصرا … في جبل البحوث جنوبي مدينة حماة: a
		// sentence that names the incident's own dead or its place word
		// tells it more finely, within its governorate.
		if adjacent && m.Continues && sameGovernorate(inc, m) {
			return Continues, true
		}
		return "", false
	}
	switch {
	case m.Opener == mention.Update:
		return UpdatesToll, true
	case adjacent && m.Kind == k:
		return Continues, true
	case adjacent && (m.RefersBack || m.Continues || sharesFigure(inc, m) || sameSite(inc, m)):
		// Reports of different kinds are one incident only on firm
		// evidence: a reference back, the same figure, or the same place
		// below a governorate (the operation on Kanous island and the
		// shelling of it).
		return Continues, true
	case (m.Opener == mention.Attribution || m.Opener == mention.Elaboration) && retellable(k, m):
		// وقال المصدر إن مسلحين هاجموا …: the source tells the lead again,
		// naming the attacker, the unit or the weapon.
		return Retells, true
	case places != shared && retellable(k, m) && m.Date == nil && (m.Kind == k || !m.Specific):
		// A detail with no place and no date of its own, of the same kind
		// or told with a generic word, says more of the incident at hand.
		return Retells, true
	}
	return "", false
}

// sameGovernorate reports whether every site of m lies in a governorate
// one of inc's sites lies in.
func sameGovernorate(inc *Incident, m *mention.Mention) bool {
	if len(m.Sites) == 0 {
		return false
	}
	for _, q := range m.Sites {
		ok := false
		for _, p := range inc.sites {
			ok = ok || p.Country == q.Country && p.Admin1 != "" && p.Admin1 == q.Admin1
		}
		if !ok {
			return false
		}
	}
	return true
}

// retellable reports whether a mention of m's kind may retell an incident
// of kind k: the same kind, a generic word (an attack, a blast) for any
// violence, a definite reference back, or an operation's fighting.
func retellable(k find.Kind, m *mention.Mention) bool {
	switch {
	case m.Kind == k, m.RefersBack:
		return true
	case m.Kind == model.Attack || m.Bombing:
		return mention.Family(k) == model.Violence
	case k == model.Attack:
		return mention.Family(m.Kind) == model.Violence && !m.Specific
	}
	return mention.Family(k) == mention.Family(m.Kind) && mention.Family(k) == model.Enforcement
}

// earlierReport finds an earlier incident that m reports again: m refers
// back to it (الهجوم، هذه الضربات), repeats one of its figures, or names
// the same kind at the same site with no date of its own.
func (b *builder) earlierReport(m *mention.Mention) (*Incident, Rule) {
	for i := len(b.incs) - 1; i >= 0 && m.Sent-b.incs[i].lastSent <= maxReferBack; i-- {
		inc := b.incs[i]
		if inc.Tally {
			continue
		}
		k := inc.kind
		if !compatible(k, m.Kind) || !datesAgree(inc, m) || !sidesAgree(inc, m) {
			continue
		}
		p := placesAgree(inc, m)
		if p == conflict {
			continue
		}
		if m.Opener == mention.Another || m.AnotherCue {
			// إلى ذلك، في تطور آخر: a new matter, unless it repeats a figure.
			if sharesFigure(inc, m) {
				return inc, SameFigure
			}
			continue
		}
		if (m.RefersBack || (m.Bombing && p == shared)) && refersTo(m, k) {
			return inc, RefersBack
		}
		if sharesFigure(inc, m) {
			return inc, SameFigure
		}
		if k == m.Kind && p == shared && sameSite(inc, m) && (m.Date == nil || sameDay(inc, m)) {
			return inc, SameSite
		}
		if c, ok := takenPeople[k]; ok && k == m.Kind && counts(inc, c) && !countsOwn(m, c) {
			return inc, Uncounted
		}
	}
	return nil, ""
}

// takenPeople is the casualty kind that counts the people an arrest or an
// abduction took.
var takenPeople = map[find.Kind]model.CasualtyKind{model.Arrest: model.Arrested, model.Kidnapping: model.Kidnapped}

// counts reports whether an incident has a figure of kind c.
func counts(inc *Incident, c model.CasualtyKind) bool {
	for f := range inc.figures {
		if f.kind == c {
			return true
		}
	}
	return false
}

// countsOwn reports whether a mention gives a figure of kind c.
func countsOwn(m *mention.Mention, c model.CasualtyKind) bool {
	for _, cs := range m.Casualties {
		if cs.Kind == c {
			return true
		}
	}
	return false
}

// compatible reports whether two kinds may describe one incident: the same
// kind, kinds of one family, or an operation that involved fighting.
func compatible(a, b find.Kind) bool {
	if a == "" || b == "" || a == b || mention.Family(a) == mention.Family(b) {
		return true
	}
	op := func(k find.Kind) bool { return k == model.SecurityOperation }
	fight := func(k find.Kind) bool {
		return k == model.ArmedClash || k == model.Shelling || k == model.Airstrike
	}
	return (op(a) && fight(b)) || (op(b) && fight(a))
}

// refersTo reports whether a definite trigger of m can name an incident of
// kind k: the same kind, a blast of any bombing, an attack of any violence.
func refersTo(m *mention.Mention, k find.Kind) bool {
	switch {
	case m.Kind == k:
		return true
	case m.Bombing:
		// Blasts (انفجارات هزت المنطقة) are bombs, or what strikes and
		// shells did.
		return k == model.SuicideBombing || k == model.CarBomb || k == model.IED ||
			k == model.Shelling || k == model.Airstrike
	case m.Kind == model.Shelling:
		return k == model.Airstrike && !m.Qualified // القصف, not القصف المدفعي, also names bombing from the air
	case m.Kind == model.Attack:
		return mention.Family(k) == model.Violence
	}
	return false
}

type agreement int

const (
	unknown  agreement = iota // one side names no place where it happened
	shared                    // a place in common, or one inside the other
	conflict                  // different places
)

// placesAgree compares where m and inc happened. Each side is read at its
// most specific: two towns in one governorate are two places, whatever
// governorate or region both reports also name. Only the places where
// something happened can conflict; a place near which or north of which it
// happened never does, but it may show they are one.
func placesAgree(inc *Incident, m *mention.Mention) agreement {
	var mNear []*gazetteer.Place
	for _, q := range m.Places {
		if q.Place != nil && !q.Ref && q.Relation == model.Near && q.Place.Feature != "country" {
			mNear = append(mNear, q.Place)
		}
	}
	a := append(mostSpecific(inc.sites), inc.nearby...)
	b := append(mostSpecific(m.Sites), mNear...)
	for _, p := range a {
		for _, q := range b {
			if samePlace(p, q) {
				return shared
			}
		}
	}
	if len(inc.sites) > 0 && len(m.Sites) > 0 {
		return conflict
	}
	return unknown
}

// mostSpecific keeps the places below a governorate or a region, when
// there are any.
func mostSpecific(ps []*gazetteer.Place) []*gazetteer.Place {
	out := ps[:0:0]
	for _, p := range ps {
		if p.Feature != "governorate" && p.Feature != "region" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return append(out, ps...)
	}
	return out
}

// samePlace reports one place, or one inside the other (Kirkuk governorate
// and Wadi al-Shay in it). Two places that merely share a governorate are
// different places.
func samePlace(p, q *gazetteer.Place) bool {
	return p.ID == q.ID || contains(p, q) || contains(q, p)
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
	case "region":
		// A region (ريف درعا، حوض اليرموك، البادية السورية) has no border
		// rasd knows: it is taken to hold the places of its governorate,
		// or of its country when it spans governorates.
		return outer.Admin1 == "" || inner.Admin1 == outer.Admin1
	case "governorate":
		return inner.Admin1 == outer.Admin1 && outer.Admin1 != ""
	case "district":
		return inner.Admin2 == outer.Admin2 && outer.Admin2 != ""
	}
	return false
}

// sameSite reports a place below governorate level named by both.
func sameSite(inc *Incident, m *mention.Mention) bool {
	for _, q := range m.Sites {
		if q.Feature != "governorate" && inc.siteIDs[q.ID] {
			return true
		}
	}
	return false
}

// datesAgree is false when m states a date of its own other than inc's.
// sameDay reports whether m states the day inc states.
func sameDay(inc *Incident, m *mention.Mention) bool {
	d := m.Date
	if d == nil || !d.Resolved() || d.Since || d.Date.Precision != model.PrecisionDay {
		return false
	}
	for _, o := range inc.dates {
		if o.Precision == model.PrecisionDay && o.Start == d.Date.Start {
			return true
		}
	}
	return false
}

func datesAgree(inc *Incident, m *mention.Mention) bool {
	d := m.Date
	if d == nil || !d.Resolved() || d.Since {
		return true
	}
	for _, o := range inc.dates {
		if !sameTime(o, d.Date) {
			return false
		}
	}
	return true
}

// sameTime reports two dates that may date one incident: the same
// stretch, or a year and a date inside it (في 2014، في حزيران 2014). A
// day and the month it falls in tell different things: an incident and a
// month's tally.
func sameTime(a, b model.Date) bool {
	if a.Start == b.Start && a.End == b.End {
		return true
	}
	within := func(outer, inner model.Date) bool {
		return outer.Precision == model.PrecisionYear && outer.Start <= inner.Start && inner.End <= outer.End
	}
	return within(a, b) || within(b, a)
}

// sidesAgree is false when both name who did it and the names differ:
// the shelling of Douma by the government and the shelling of Damascus by
// rebels are two incidents whatever else they share.
func sidesAgree(inc *Incident, m *mention.Mention) bool {
	if m.By == "" || len(inc.by) == 0 {
		return true
	}
	return inc.by[m.By]
}

// sharesFigure reports the same casualty figure of the same kind on both
// sides: a statement repeated in other words.
func sharesFigure(inc *Incident, m *mention.Mention) bool {
	for _, c := range m.Casualties {
		if c.Fig.Count > 1 && inc.figures[figureKey{c.Kind, c.Fig.Count}] {
			return true
		}
	}
	return false
}
