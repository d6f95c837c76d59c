package extract

import (
	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
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
	// unsupported: a generic trigger kept only as a possible reference back.
	unsupported bool

	// What merging asks of a mention again and again, worked out once.
	places     []*gazetteer.Place
	placesDone bool
	cas        []casualty
	casDone    bool
	date       *dateHit
	dateDone   bool
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
			valid, ok := d.validHead(h, d.clauses[c0+k].clause, s)
			if !valid {
				continue
			}
			h.unsupported = !ok
			// A specific trigger heads its clause over a generic one
			// (هجمات أربيل الصاروخية is shelling), but not over a reference
			// back (الضربة استهدفت: the strike already told).
			cur := heads[k]
			if cur == nil || (!cur.definite && cur.flags&(weak|plural) != 0 && h.flags&(weak|plural) == 0 &&
				priority(h.kind) >= priority(cur.kind)) {
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
			if cur != nil && d.oneViolentIncident(cur, h, c) {
				cur.c1 = c + 1
				if priority(h.kind) > priority(cur.kind) {
					cur.kind = h.kind // تنظيم داعش استهدف …، عبر سيارة مفخخة: a car bomb
				}
				continue
			}
			start := c
			if cur == nil {
				start = c0 // the clauses before the first trigger lead into it
			}
			cur = &mention{kind: h.kind, head: h, sent: si, para: s.para, c0: start, c1: c + 1, headClause: c,
				anaphor: h.definite && refersBack(h.kind), continues: continues, planned: h.planned, negated: h.negated,
				unsupported: h.unsupported}
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
			if (m.kind == model.Attack || m.kind == model.Shelling) && d.fromAir(m) {
				m.kind = model.Airstrike
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
// or planned (unless kept) and not in a clause of talk. supported is false
// for a weak or plural trigger with no figure or place behind it; such a
// trigger still heads a mention when definite (الضربة، هذه الهجمات), since
// it may refer back to an incident told before, but it never makes an
// incident on its own.
func (d *docState) validHead(h *trigHit, c clause, s sentence) (valid, supported bool) {
	if (h.negated || h.planned) && !d.x.opts.KeepFlagged {
		return false, false
	}
	if d.phraseIn("nonevent", c.tok0, c.tok1) {
		return false, false
	}
	// A running total (وارتفعت بذلك حصيلة القتلى إلى 162) sums up
	// incidents; it is not one.
	if d.phraseIn("cumulative", c.tok0, min(c.tok1, c.tok0+2)) {
		return false, false
	}
	supported = d.supported(h, c, s)
	return supported || (h.definite && refersBack(h.kind) && h.flags&counted == 0), supported
}

func (d *docState) supported(h *trigHit, c clause, s sentence) bool {
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
	if h.flags&plural == 0 {
		// A casualty backs a weak trigger of violence, not a find (العثور
		// على جثث is no weapons seizure).
		return h.kind != model.WeaponsSeizure && d.casualtyIn(c.tok0, c.tok1)
	}
	// Clashes that killed a stated handful of people are one incident
	// (اشتباكات … بمقتل شخصين); a big toll over plural attacks is a tally.
	for _, cs := range d.casIn(s.tok0, s.tok1) {
		if cs.tok1 <= s.tok1 && cs.fig.exact && cs.fig.count < 100 &&
			(cs.kind == model.Killed || cs.kind == model.Wounded) {
			return true
		}
	}
	return false
}

func (d *docState) placeBelowCountry(a, b int) bool {
	for _, p := range d.placesIn(a, b) {
		if p.Tok1 <= b && (p.Place == nil || p.Place.Feature != "country") {
			return true
		}
	}
	return false
}

func (d *docState) casualtyIn(a, b int) bool {
	for _, c := range d.casIn(a, b) {
		if c.tok1 <= b && c.kind != "" {
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

// oneViolentIncident reports that a violent trigger later in a sentence
// describes the incident its earlier one began (هجوم …، عبر سيارة مفخخة):
// both violent, no other place named, no reference to something else.
func (d *docState) oneViolentIncident(cur *mention, h *trigHit, c int) bool {
	if family(cur.kind) != 2 || family(h.kind) != 2 || h.flags&plural != 0 {
		return false
	}
	cl := d.clauses[c]
	if d.phraseIn("another", cl.tok0, h.tok0) {
		return false
	}
	for _, p := range d.placesIn(cl.tok0, cl.tok1) {
		if p.Tok1 <= cl.tok1 && p.Place != nil && p.Place.Feature != "country" {
			return false
		}
	}
	return true
}

// fromAir reports an attack told as coming from the air: an air cue in the
// trigger's clause (هجمات جوية، طائرات حربية) or an air force among its
// actors (التحالف استهدف بلدة).
func (d *docState) fromAir(m *mention) bool {
	hc := d.clauses[m.headClause]
	if d.phraseIn("air", hc.tok0, hc.tok1) {
		return true
	}
	// An air force that did it: the subject before the trigger, or "لـX"
	// right after it (قصف للتحالف) — not one that was hit (هجوما على قاعدة
	// لقوات التحالف).
	for _, a := range d.actorsIn(hc.tok0, hc.tok1) {
		if !a.def.air || a.tok1 > hc.tok1 || m.head == nil {
			continue
		}
		overlaps := a.tok0 < m.head.tok1 && m.head.tok0 < a.tok1
		if overlaps || a.tok1 <= m.head.tok0 || (a.tok0 == m.head.tok1 && a.skip > 0) {
			return true
		}
	}
	return false
}
