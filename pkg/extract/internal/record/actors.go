package record

import (
	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/article"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/mention"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// actors lists the sides of an incident with their roles, read from the
// clause's structure first (هجوم لـX، على Y، من قبل X, the subject of the
// trigger or of a casualty verb, the people a figure counts) and from the
// kind of incident otherwise. A speaker (وقالت الشرطة) is a source, not a
// side.
func (w *writer) actors(inc *article.Incident, k model.EventType) []model.Actor {
	l := w.l
	t := l.Text
	var out []model.Actor
	index := map[string]int{}
	hasMain := false
	for _, m := range inc.Members {
		for _, h := range l.ActorsIn(m.Tok0, m.Tok1) {
			if h.Tok1 <= m.Tok1 && l.ArmedGroup != nil {
				if name, _, _ := l.Resolve(h.Def); name == l.ArmedGroup.Name {
					hasMain = true
				}
			}
		}
	}
	for _, m := range inc.Members {
		for _, h := range l.ActorsIn(m.Tok0, m.Tok1) {
			if h.Tok1 > m.Tok1 || !w.relevantClause(m, t.ClauseOf(h.Tok0)) {
				continue
			}
			name, typ, country := l.Resolve(h.Def)
			role, ok := w.role(h, m, k, typ, name, hasMain)
			if h.Def.Adj {
				// الهجمات الجوية الروسية: only after what the side did.
				role, ok = model.Perpetrator, m.Head() && find.AdjectiveOf(l, h, l.Triggers[m.Trigger])
			}
			if !ok {
				continue
			}
			s, e := t.Span(h.Tok0, h.Tok1, h.Skip)
			a := model.Actor{Name: name, Text: t.Slice(s, e), Span: model.Span{s, e}, Type: typ, Role: role, Country: country}
			if i, ok := index[name]; ok {
				if rank(role) > rank(out[i].Role) {
					out[i].Role = role
				}
				continue
			}
			index[name] = len(out)
			out = append(out, a)
		}
	}
	w.forceOnProtesters(out, k, inc)
	return w.persons(inc, out, index)
}

// forceOnProtesters: when forces and protesters meet in an attack, the
// forces used the force and the protesters suffered it (ACLED's excessive
// force against protesters), unless another side is named as the attacker.
func (w *writer) forceOnProtesters(out []model.Actor, k model.EventType, inc *article.Incident) {
	if k != model.Attack {
		return
	}
	protesters, forces := false, false
	for _, m := range inc.Members {
		for _, c := range m.Casualties {
			protesters = protesters || c.Category == "protesters"
		}
	}
	for _, a := range out {
		switch {
		case a.Type == model.Protesters:
			protesters = true
		case a.Type == model.StateForces:
			forces = true
		case a.Role == model.Perpetrator:
			return // gunmen, a militia
		}
	}
	if !protesters || !forces {
		return
	}
	for i := range out {
		switch out[i].Type {
		case model.StateForces:
			out[i].Role = model.Perpetrator
		case model.Protesters:
			out[i].Role = model.Target
		}
	}
}

// persons adds the named fighters of an incident (أبو طه البكري) with the
// armed group the article names: targets of the forces' arrests and
// strikes, else of the group's own side.
func (w *writer) persons(inc *article.Incident, out []model.Actor, index map[string]int) []model.Actor {
	l := w.l
	g := l.ArmedGroup
	if g == nil {
		return out
	}
	t := l.Text
	for _, m := range inc.Members {
		for _, p := range l.PersonsIn(m.Tok0, m.Tok1) {
			if p.Tok1 > m.Tok1 {
				continue
			}
			s, e := t.Span(p.Tok0, p.Tok1, 0)
			name := t.Slice(s, e)
			key := g.Name + "/" + name
			if _, ok := index[key]; ok {
				continue
			}
			role := model.Perpetrator
			if forcesFirst(m.Kind) {
				role = model.Target
			}
			index[key] = len(out)
			out = append(out, model.Actor{Name: g.Name, Text: name, Span: model.Span{s, e},
				Type: g.Type, Role: role, Country: g.Country, Person: name})
		}
	}
	return out
}

// forcesFirst reports the kinds forces carry out against armed groups.
func forcesFirst(k model.EventType) bool {
	ti, _ := model.Info(k)
	return ti.ForcesFirst
}

// relevantClause reports whether clause ci of m tells the incident: its
// trigger clause and those before it in its sentence (the subject often
// stands there), or a clause with a trigger or a figure of its own. Asides
// about other sides (في الوقت الذي يتزايد فيه دور التحالف الدولي) name no
// actor of it.
func (w *writer) relevantClause(m *mention.Mention, ci int) bool {
	if ci < 0 {
		return false
	}
	if ci <= m.HeadClause {
		return true
	}
	cl := w.l.Text.Clauses[ci]
	if len(w.l.TriggersIn(cl.Tok0, cl.Tok1)) > 0 {
		return true
	}
	for _, c := range w.l.CasualtiesIn(cl.Tok0, cl.Tok1) {
		if c.Tok1 <= cl.Tok1 {
			return true
		}
	}
	return false
}

func rank(r model.Role) int {
	switch r {
	case model.Perpetrator:
		return 3
	case model.Target:
		return 2
	case model.Responder:
		return 1
	}
	return 0
}

// namesTrigger reports an actor whose name holds the trigger (الهجمات
// الروسية، طيران التحالف): its own strikes.
func (w *writer) namesTrigger(h find.Actor, m *mention.Mention) bool {
	if !m.Head() {
		return false
	}
	tr := w.l.Triggers[m.Trigger]
	return h.Tok0 < tr.Tok1 && tr.Tok0 < h.Tok1
}

// role reads an actor's role in mention m; false leaves the actor out (a
// speaker, not a side).
func (w *writer) role(h find.Actor, m *mention.Mention, k model.EventType, typ model.ActorType, name string, hasMain bool) (model.Role, bool) {
	l := w.l
	t := l.Text
	if typ == model.Civilians {
		return model.Target, true
	}
	if typ == model.Protesters && k != model.Attack {
		return model.Target, true
	}
	if w.namesTrigger(h, m) {
		return model.Perpetrator, true
	}
	ci := t.ClauseOf(h.Tok0)
	c := t.Clauses[ci]
	// الميليشيا الموالية لقوات النظام: whose side a named side is on, not a
	// side itself; after a bare noun (قوات موالية للنظام) it names the side.
	if q, ok := l.CueBefore(find.Affiliation, h.Tok0, c.Tok0); ok {
		for _, a := range l.ActorsIn(max(c.Tok0, q.Tok0-8), q.Tok0) {
			if a.Tok1 == q.Tok0 {
				return "", false
			}
		}
	}
	if _, ok := l.CueBefore(find.By, h.Tok0, c.Tok0); ok {
		return model.Perpetrator, true
	}
	// أحبطت القوات الأمنية هجوما: who foiled it responded.
	if _, ok := l.CueBefore(find.Foiled, h.Tok0, c.Tok0); ok {
		return model.Responder, true
	}
	// The people a figure counts are its victims (قتل أحد عناصر الشرطة،
	// مقتل سبعة من عناصر داعش), whatever stands around them.
	if w.counted(h) {
		return model.Target, true
	}
	if _, ok := l.CueBefore(find.Target, h.Tok0, c.Tok0); ok {
		return model.Target, true
	}
	// A speaker (وقالت الشرطة، بيان لقيادة العمليات) reports; unless forces
	// announce what forces do (أعلنت القوات الأمنية اعتقال …), it is no side.
	if _, ok := l.CueBefore(find.Reporting, h.Tok0, c.Tok0); ok {
		if !(forcesFirst(k) && !h.Def.Armed()) {
			return "", false
		}
	}
	var trig *find.Trigger
	if m.Head() {
		trig = &l.Triggers[m.Trigger]
	}
	// "هجوما لتنظيم داعش": a trigger noun and ل before the actor; "قصف
	// النظام، برصاص قوات الأمن": a noun of attack and its agent.
	if trig != nil && h.Tok0 == trig.Tok1 {
		if h.Skip > 0 && arabic.HasLam(t.Word(h.Tok0)) || h.Skip == 0 && trig.Flags&find.Agent != 0 {
			return model.Perpetrator, true
		}
	}
	// The people a figure counts are its victims: 7 قتلى من عصابات داعش;
	// the side between a casualty verb and its figure killed them (قتل
	// التنظيم 5 من عناصر الشرطة).
	for _, cs := range l.CasualtiesIn(h.Tok0-32, h.Tok0+1) {
		switch {
		case cs.Group != nil && h.Tok0 >= cs.Fig.Tok1 && h.Tok1 <= cs.Tok1:
			return model.Target, true
		case cs.Tok0 < h.Tok0 && h.Tok1 <= cs.Fig.Tok0 && (cs.Kind == model.Killed || cs.Kind == model.Kidnapped):
			return model.Perpetrator, true
		}
	}
	// The subject before the trigger did it (التحالف استهدف بلدة، الأجهزة
	// الأمنية ألقت القبض), unless it suffered it (تعرضت قوات النظام لهجوم).
	if trig != nil && h.Tok1 <= trig.Tok0 && w.subjectOf(h, trig) && !l.Has(find.Passive, c.Tok0, trig.Tok0) {
		return model.Perpetrator, true
	}
	armed := typ == model.RebelGroup || typ == model.PoliticalMilitia || typ == model.IdentityMilitia
	if forcesFirst(k) {
		if armed && typ != model.PoliticalMilitia {
			return model.Target, true
		}
		return model.Perpetrator, true
	}
	if armed {
		if hasMain && l.ArmedGroup != nil && name != l.ArmedGroup.Name {
			return model.Target, true // the other side of the main armed group's attack
		}
		return model.Perpetrator, true
	}
	return model.Target, true
}

// subjectOf reports whether actor h is the subject of trigger tr: in the
// trigger's clause, or in the clause just before it when only a date or an
// aside stands between (شن عناصر من تنظيم داعش، ليلة الجمعة، هجوما), and
// the nearest actor before the trigger.
func (w *writer) subjectOf(h find.Actor, tr *find.Trigger) bool {
	l := w.l
	t := l.Text
	hc, ac := t.ClauseOf(tr.Tok0), t.ClauseOf(h.Tok0)
	if ac < 0 || hc-ac > 2 || t.Clauses[ac].Sent != t.Clauses[hc].Sent {
		return false
	}
	for _, o := range l.ActorsIn(h.Tok0+1, tr.Tok0) {
		if o.Tok1 <= tr.Tok0 && !w.countedGroup(o) && !o.Def.Adj {
			return false // a nearer actor
		}
	}
	return len(l.TriggersIn(h.Tok1, tr.Tok0)) == 0 // no other trigger between
}

// counted reports an actor inside the people a casualty figure counts.
func (w *writer) counted(h find.Actor) bool {
	l := w.l
	for _, c := range l.CasualtiesIn(h.Tok0-32, h.Tok0+1) {
		if h.Tok0 >= c.Fig.Tok1 && h.Tok1 <= c.Tok1 {
			return true
		}
	}
	// A figure of people no casualty cue names, then من or في صفوف: من بين
	// القتلى 18 عنصرا من الميليشيات.
	g, ok := l.CueBefore(find.GroupOf, h.Tok0, h.Tok0-3)
	if !ok {
		return false
	}
	for _, f := range l.FiguresIn(g.Tok0-3, g.Tok0) {
		if f.Tok1 >= g.Tok0-1 {
			return true
		}
	}
	return false
}

// countedGroup reports an actor named as the group a figure counts.
func (w *writer) countedGroup(h find.Actor) bool {
	for _, c := range w.l.CasualtiesIn(h.Tok0-32, h.Tok0+1) {
		if c.Group != nil && h.Tok0 >= c.Tok0 && h.Tok1 <= c.Tok1 {
			return true
		}
	}
	return false
}
