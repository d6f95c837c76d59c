package extract

import (
	"strings"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// forcesFirst are the kinds that forces carry out against armed groups:
// state and foreign forces default to perpetrator, armed groups to target.
func forcesFirst(k kind) bool {
	switch k {
	case model.SecurityOperation, model.Arrest, model.WeaponsSeizure, model.Airstrike, model.Shelling:
		return true
	}
	return false
}

// resolve turns a generic word for fighters into the armed group the
// article names, or an unidentified armed group.
func (d *docState) resolve(def *actorDef) (string, model.ActorType, string) {
	if def.generic {
		if d.armedGroup != nil {
			return d.armedGroup.name, d.armedGroup.typ, d.armedGroup.country
		}
		return "Unidentified armed group", model.RebelGroup, ""
	}
	return def.name, def.typ, def.country
}

// actorsOf lists the sides of an incident with their roles, read from the
// clause's structure first (هجوم لـX، على Y، من قبل X, the people a figure
// counts) and from the kind of incident otherwise.
func (d *docState) actorsOf(inc *incident, k kind) []model.Actor {
	var out []model.Actor
	index := map[string]int{}
	hasMain := false
	for _, m := range inc.members {
		for _, h := range d.actorsIn(m.tok0, m.tok1) {
			if h.tok1 <= m.tok1 && d.armedGroup != nil {
				if name, _, _ := d.resolve(h.def); name == d.armedGroup.name {
					hasMain = true
				}
			}
		}
	}
	for _, m := range inc.members {
		for _, h := range d.actorsIn(m.tok0, m.tok1) {
			if h.tok1 > m.tok1 || !d.relevantClause(m, d.clauseOf[h.tok0]) {
				continue
			}
			name, typ, country := d.resolve(h.def)
			role := d.role(h, m, m.kind, typ, name, hasMain)
			s, e := d.tx.Span(h.tok0, h.tok1, h.skip)
			a := model.Actor{Name: name, Text: d.tx.Slice(s, e), Span: model.Span{s, e}, Type: typ, Role: role, Country: country}
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
	return d.personsOf(inc, out, index)
}

// persons adds the named fighters of an incident (أبو طه البكري) with the
// armed group the article names: targets of the forces' arrests and
// strikes, else of the group's own side.
func (d *docState) personsOf(inc *incident, out []model.Actor, index map[string]int) []model.Actor {
	g := d.armedGroup
	if g == nil {
		return out
	}
	for _, m := range inc.members {
		for _, p := range d.personsIn(m.tok0, m.tok1) {
			if p.tok1 > m.tok1 {
				continue
			}
			s, e := d.tx.Span(p.tok0, p.tok1, 0)
			name := d.tx.Slice(s, e)
			key := g.name + "/" + name
			if _, ok := index[key]; ok {
				continue
			}
			role := model.Perpetrator
			if forcesFirst(m.kind) {
				role = model.Target
			}
			index[key] = len(out)
			out = append(out, model.Actor{Name: g.name, Text: name, Span: model.Span{s, e},
				Type: g.typ, Role: role, Country: g.country, Person: name})
		}
	}
	return out
}

// relevantClause reports whether clause ci of m tells the incident: its
// trigger clause and those before it in its sentence (the subject often
// stands there), or a clause with a trigger or a figure of its own. Asides about other
// sides (في الوقت الذي يتزايد فيه دور التحالف الدولي) name no actor of it.
func (d *docState) relevantClause(m *mention, ci int32) bool {
	if ci < 0 {
		return false
	}
	c := int(ci)
	if c <= m.headClause {
		return true // the trigger's clause and the lead-in of its sentence
	}
	cl := d.clauses[c]
	if len(d.trigIn(cl.tok0, cl.tok1)) > 0 {
		return true
	}
	return d.casualtyIn(cl.tok0, cl.tok1)
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

func (d *docState) role(h actorHit, m *mention, k kind, typ model.ActorType, name string, hasMain bool) model.Role {
	toks := d.tx.Tokens
	if typ == model.Civilians {
		return model.Target
	}
	if typ == model.Protesters && k != model.Attack {
		return model.Target
	}
	// The trigger is part of the actor's name (الهجمات الروسية، طيران
	// التحالف): its own strikes.
	if m.head != nil && h.tok0 < m.head.tok1 && m.head.tok0 < h.tok1 {
		return model.Perpetrator
	}
	if ci := d.clauseOf[h.tok0]; ci >= 0 {
		c := d.clauses[ci]
		if _, ok := d.x.cueBefore(toks, "by", h.tok0, c.tok0); ok {
			return model.Perpetrator
		}
		if _, ok := d.x.cueBefore(toks, "target", h.tok0, c.tok0); ok {
			return model.Target
		}
		// "هجوما لتنظيم داعش": a trigger noun and ل before the actor.
		if m.head != nil && h.tok0 == m.head.tok1 && h.skip > 0 && strings.HasPrefix(toks[h.tok0].Text, "ل") {
			return model.Perpetrator
		}
		// The people a figure counts are its victims: 7 قتلى من عصابات داعش.
		if d.insideCasualty(h) {
			return model.Target
		}
		// The subject before the trigger did it (التحالف استهدف بلدة، الأجهزة
		// الأمنية ألقت القبض), unless it suffered it (تعرضت قوات النظام لهجوم).
		if m.head != nil && h.tok1 <= m.head.tok0 && d.subjectOf(h, m) &&
			!d.phraseIn("passive", c.tok0, m.head.tok0) {
			return model.Perpetrator
		}
	}
	armed := typ == model.RebelGroup || typ == model.PoliticalMilitia || typ == model.IdentityMilitia
	if forcesFirst(k) {
		if armed && typ != model.PoliticalMilitia {
			return model.Target
		}
		return model.Perpetrator
	}
	if armed {
		if hasMain && d.armedGroup != nil && name != d.armedGroup.name {
			return model.Target // the other side of the main armed group's attack
		}
		return model.Perpetrator
	}
	return model.Target
}

// subjectOf reports whether actor h is the subject of m's trigger: in the
// trigger's clause, or in the clause just before it when only a date or an
// aside stands between (شن عناصر من تنظيم داعش، ليلة الجمعة، هجوما), and
// the nearest actor before the trigger.
func (d *docState) subjectOf(h actorHit, m *mention) bool {
	hc, ac := d.clauseOf[m.head.tok0], d.clauseOf[h.tok0]
	if ac < 0 || hc-ac > 2 || d.clauses[ac].sent != d.clauses[hc].sent {
		return false
	}
	for _, o := range d.actorsIn(h.tok0+1, m.head.tok0) {
		if o.tok1 <= m.head.tok0 && !d.insideCasualty(o) {
			return false // a nearer actor
		}
	}
	if len(d.trigIn(h.tok1, m.head.tok0)) > 0 {
		return false // another trigger between
	}
	return true
}

// insideCasualty reports an actor named as the group a figure counts.
func (d *docState) insideCasualty(h actorHit) bool {
	for _, c := range d.casIn(h.tok0-maxCasualtyLen, h.tok0+1) {
		if c.groupActor != nil && h.tok0 >= c.tok0 && h.tok1 <= c.tok1 {
			return true
		}
	}
	return false
}

// casualtiesOf is the casualty figures inside a mention.
func (d *docState) casualtiesOf(m *mention) []casualty {
	if !m.casDone {
		m.cas, m.casDone = d.findCasualtiesOf(m), true
	}
	return m.cas
}

func (d *docState) findCasualtiesOf(m *mention) []casualty {
	var out []casualty
	for _, c := range d.casIn(m.tok0, m.tok1) {
		if c.tok1 <= m.tok1 && c.kind != "" {
			out = append(out, c)
		}
	}
	return out
}

// casualties combines the figures of an incident: a total whose breakdown
// adds up is written as its parts (with their groups), otherwise as the
// total alone; a figure repeated by another report counts once; for one
// kind and group the highest toll stands.
func (d *docState) casualties(inc *incident, actors []model.Actor) []model.Casualty {
	var all []casualty
	for _, m := range inc.members {
		all = append(all, d.casualtiesOf(m)...)
	}
	// Totals and their parts.
	var figs []casualty
	for i := 0; i < len(all); i++ {
		c := all[i]
		if c.partOf {
			continue
		}
		j := i + 1
		sum := 0
		for j < len(all) && all[j].partOf && all[j].kind == c.kind {
			sum += all[j].fig.count
			j++
		}
		if j > i+1 && sum == c.fig.count {
			figs = append(figs, all[i+1:j]...)
		} else {
			figs = append(figs, c)
		}
		i = j - 1
	}
	var out []model.Casualty
	from := []int{} // the member each record came from
	for _, c := range figs {
		mc := model.Casualty{Kind: c.kind, Count: c.fig.count, Min: c.fig.min, Max: c.fig.max,
			Exact: c.fig.exact, Group: d.group(c, actors)}
		s, e := d.tokSpan(c.tok0, c.tok1)
		mc.Text, mc.Span = d.tx.Slice(s, e), model.Span{s, e}
		mi := memberOf(inc, c)
		merged := false
		for i := range out {
			o := &out[i]
			// Figures of one report add up (16 طفلا و4 نساء) unless one
			// repeats the other; another report repeats or updates them,
			// and the highest toll stands.
			if o.Kind != mc.Kind || (from[i] == mi && (o.Count != mc.Count || o.Group != mc.Group)) {
				continue
			}
			if o.Count == mc.Count || o.Group == mc.Group || o.Group == "" || mc.Group == "" {
				if mc.Count > o.Count {
					*o = mc
					from[i] = mi
				}
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, mc)
			from = append(from, mi)
		}
	}
	return out
}

func memberOf(inc *incident, c casualty) int {
	for i, m := range inc.members {
		if c.tok0 >= m.tok0 && c.tok1 <= m.tok1 {
			return i
		}
	}
	return -1
}

// group names who the counted people were.
func (d *docState) group(c casualty, actors []model.Actor) string {
	if c.groupActor != nil {
		name, _, _ := d.resolve(c.groupActor)
		return name
	}
	firstTarget := func(types ...model.ActorType) string {
		for _, a := range actors {
			if a.Role != model.Target {
				continue
			}
			for _, t := range types {
				if a.Type == t {
					return a.Name
				}
			}
		}
		return ""
	}
	switch c.category {
	case "civilians":
		return "civilians"
	case "forces":
		if g := firstTarget(model.StateForces, model.ExternalForces); g != "" {
			return g
		}
		return "security forces"
	case "militants":
		if d.armedGroup != nil {
			return d.armedGroup.name
		}
		return "militants"
	case "prisoners":
		return "prisoners"
	}
	if c.kind == model.Arrested {
		return firstTarget(model.RebelGroup)
	}
	return ""
}
