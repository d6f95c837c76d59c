package extract

import (
	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// mention is one report of an incident: a trigger clause and the clauses of
// its sentence that belong with it (the clauses before the sentence's first
// trigger, and those after it up to the next incident).
type mention struct {
	kind       kind
	head       *trigHit // nil for a casualty report with no trigger
	sent       int
	para       int
	c0, c1     int // clauses [c0, c1), global indices
	headClause int
	tok0, tok1 int
	anaphor    bool // its trigger refers back (الهجوم، هذه الضربات)
	continues  bool // its sentence names the incident before (بدأت الواقعة)
	planned    bool
	negated    bool
	bombing    bool // an explosion of no stated kind, read as ied for now
}

// mentions groups each sentence's clauses around its triggers.
func (d *docState) mentions() []*mention {
	var out []*mention
	ti := 0 // next trigger hit
	ci := 0 // next clause
	for si, s := range d.sents {
		c0 := ci
		ci += len(s.clauses)
		// Trigger hits of this sentence, by clause.
		heads := make([]*trigHit, ci-c0)
		refine := make([]kind, ci-c0)
		continues := false
		for ; ti < len(d.trig) && d.trig[ti].tok0 < s.tok1; ti++ {
			h := &d.trig[ti]
			if h.tok0 < s.tok0 || s.skip {
				continue
			}
			if h.kind == kindAnaphor {
				continues = true
				continue
			}
			k := int(d.clauseOf[h.tok0]) - c0
			if h.kind == model.SuicideBombing || h.kind == model.CarBomb {
				if refine[k] == "" || h.kind == model.SuicideBombing {
					refine[k] = h.kind
				}
			}
			if !d.validHead(h, d.clauses[c0+k].clause) {
				continue
			}
			// A specific trigger heads its clause over a generic one:
			// هجمات أربيل الصاروخية is shelling.
			if cur := heads[k]; cur == nil || (cur.flags&(weak|plural) != 0 && h.flags&(weak|plural) == 0) {
				heads[k] = h
			}
		}
		if s.skip {
			continue
		}
		var cur *mention
		for k := range heads {
			c := c0 + k
			h := heads[k]
			if h == nil {
				if cur != nil {
					cur.c1 = c + 1
				}
				continue
			}
			if cur != nil && (d.opensWith("result", d.clauses[c].clause) ||
				d.opensWith("elaboration", d.clauses[c].clause) ||
				(h.kind == cur.kind && !h.negated && !h.planned)) {
				cur.c1 = c + 1
				continue
			}
			start := c
			if cur == nil {
				start = c0 // the clauses before the first trigger lead into it
			}
			cur = &mention{kind: h.kind, head: h, sent: si, para: s.para, c0: start, c1: c + 1, headClause: c,
				anaphor: h.definite && refersBack(h.kind), continues: continues, planned: h.planned, negated: h.negated}
			out = append(out, cur)
		}
		// A sentence with no incident may still report a toll.
		if cur == nil && d.hasCasualty(c0, ci) {
			out = append(out, &mention{sent: si, para: s.para, c0: c0, c1: ci, headClause: c0, continues: true})
		}
		// Settle explosions and refine by cues in the mention's clauses.
		for _, m := range out {
			if m.sent != si {
				continue
			}
			for c := m.c0; c < m.c1; c++ {
				if r := refine[c-c0]; r != "" && (m.kind == kindExplosion || m.kind == model.Attack) {
					m.kind = r
				}
			}
			if m.kind == kindExplosion {
				m.kind = model.IED
				m.bombing = true
			}
		}
	}
	for _, m := range out {
		m.tok0 = d.clauses[m.c0].tok0
		m.tok1 = d.clauses[m.c1-1].tok1
		// Evidence ends at the last word, not at a trailing comma.
		for m.tok1 > m.tok0+1 && d.tx.Tokens[m.tok1-1].Kind == arabic.Punct && isClauseMark(d.tx.Tokens[m.tok1-1].Text) {
			m.tok1--
		}
	}
	return out
}

// validHead reports whether a trigger hit can head a mention: not negated
// or planned (unless kept), not in a clause of talk, and, when weak or
// plural, backed by a figure or a place in its clause.
func (d *docState) validHead(h *trigHit, c clause) bool {
	if (h.negated || h.planned) && !d.x.opts.KeepFlagged {
		return false
	}
	if d.phraseIn("nonevent", c.tok0, c.tok1) {
		return false
	}
	if h.flags&(weak|plural|counted) == 0 {
		return true
	}
	// A number right before it: 9 عمليات، 133 ضربة.
	if h.tok0 > c.tok0 {
		if f, ok := d.x.parseFigure(d.tx.Tokens, h.tok0-1); ok && f.tok1 == h.tok0 {
			return true
		}
		if d.tx.Tokens[h.tok0-1].Kind == arabic.Number {
			return true
		}
	}
	if h.flags&counted != 0 {
		return false
	}
	if d.placeBelowCountry(c.tok0, c.tok1) {
		return true
	}
	return h.flags&plural == 0 && d.casualtyIn(c.tok0, c.tok1)
}

func (d *docState) placeBelowCountry(a, b int) bool {
	for _, p := range d.places {
		if p.Tok0 >= a && p.Tok1 <= b && (p.Place == nil || p.Place.Feature != "country") {
			return true
		}
	}
	return false
}

func (d *docState) casualtyIn(a, b int) bool {
	for _, c := range d.cas {
		if c.tok0 >= a && c.tok1 <= b && c.kind != "" {
			return true
		}
	}
	return false
}

func (d *docState) hasCasualty(c0, c1 int) bool {
	return d.casualtyIn(d.clauses[c0].tok0, d.clauses[c1-1].tok1)
}

// refersBack reports kinds whose definite trigger (الهجوم، التفجير، هذه
// الضربات) names an incident already told; an arrest's definite verbal
// noun (القبض على) does not.
func refersBack(k kind) bool {
	return k != model.Arrest && k != model.WeaponsSeizure
}

// family groups kinds that one incident's reports use interchangeably.
func family(k kind) int {
	switch k {
	case model.SecurityOperation, model.Arrest, model.WeaponsSeizure:
		return 1
	default:
		return 2
	}
}

// compatible reports whether two kinds may describe one incident: the same
// kind, kinds of one family, or an operation that involved fighting.
func compatible(a, b kind) bool {
	if a == "" || b == "" || a == b || family(a) == family(b) {
		return true
	}
	op := func(k kind) bool { return k == model.SecurityOperation }
	fight := func(k kind) bool {
		return k == model.ArmedClash || k == model.Shelling || k == model.Airstrike
	}
	return (op(a) && fight(b)) || (op(b) && fight(a))
}

// priority orders kinds from most to least specific: a merged incident
// takes the most specific kind its reports name.
func priority(k kind) int {
	switch k {
	case model.PrisonBreak:
		return 13
	case model.SuicideBombing:
		return 12
	case model.CarBomb:
		return 11
	case model.IED:
		return 10
	case model.Airstrike:
		return 9
	case model.Shelling:
		return 8
	case model.Assassination:
		return 7
	case model.Kidnapping:
		return 6
	case model.Attack:
		return 5
	case model.ArmedClash:
		return 4
	case model.SecurityOperation:
		return 3
	case model.Arrest:
		return 2
	case model.WeaponsSeizure:
		return 1
	}
	return 0
}
