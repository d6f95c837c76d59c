package extract

import (
	"sort"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/model"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

// negationWindow is how many tokens before a trigger a negation reaches.
const negationWindow = 3

// maxOpName is the most tokens an operation's name may have.
const maxOpName = 6

// annotate finds everything the mentions are built from.
func (d *docState) annotate() {
	lx := d.x.lex
	toks := d.tx.Tokens
	for _, m := range findAll(&lx.triggers, toks, d.tab, tTriggers) {
		if d.clauseOf[m.Start] < 0 {
			continue
		}
		h := trigHit{tok0: m.Start, tok1: m.End, trigger: m.Vals[0]}
		// The article shows in the token's text; Forms stripped it for
		// matching only.
		first := stemOf(toks[m.Start].Text, m.Skip)
		h.definite = strings.HasPrefix(first, "ال") || strings.HasPrefix(first, "لل")
		c := d.clauses[d.clauseOf[m.Start]]
		if _, ok := d.x.cueBefore(toks, "demonstrative", m.Start, c.tok0); ok {
			h.definite = true
		}
		h.negated = d.phraseIn("negation", max(c.tok0, m.Start-negationWindow), m.Start) ||
			d.phraseIn("denial", c.tok0, m.Start)
		// Planned cues stand before the trigger or right after it (هجوم
		// مرتقب).
		h.planned = d.phraseIn("planned", c.tok0, min(c.tok1, m.End+2))
		// A trigger after مسؤول names an office (مسؤول الخطف), not an incident.
		if _, ok := d.x.cueBefore(toks, "office", m.Start, c.tok0); ok {
			continue
		}
		// A trigger after عمليات or سلسلة names many incidents of its kind.
		if m.Start > c.tok0 {
			switch stemOf(toks[m.Start-1].Text, 0) {
			case "عمليات", "سلسله", "سلسلة":
				h.flags |= plural
			}
		}
		d.trig = append(d.trig, h)
	}
	for _, m := range findAll(&lx.actors, toks, d.tab, tActors) {
		d.actors = append(d.actors, actorHit{tok0: m.Start, tok1: m.End, skip: m.Skip, def: m.Vals[0]})
	}
	d.armedGroup = d.mainArmedGroup()
	for _, m := range findAll(&lx.sources, toks, d.tab, tSources) {
		d.sources = append(d.sources, sourceHit{tok0: m.Start, tok1: m.End, skip: m.Skip, def: m.Vals[0]})
	}
	d.places = d.x.places.Find(d.tx)
	for _, e := range d.x.dates.Find(d.tx, d.doc.Published) {
		h := dateHit{Expr: e}
		if ci := d.clauseOf[e.Tok0]; ci >= 0 {
			c := d.clauses[ci]
			if s, ok := d.firstPhrase("since", c.tok0, e.Tok0); ok {
				// منذ مساء الخميس dates what follows it; a date further on
				// in a منذ clause is background to it.
				h.background = !(s.End == e.Tok0)
			}
		}
		// منذ مساء الخميس dates an ongoing incident; منذ نحو 3 أعوام or منذ
		// 2015 measures it against the past: background.
		if e.Since && e.Grain != model.PrecisionDay && e.Grain != model.PrecisionWeek {
			h.background = true
		}
		d.dates = append(d.dates, h)
		if !h.background && !h.Future {
			d.exprs = append(d.exprs, e)
			if !e.Since {
				d.exprsNotSince = append(d.exprsNotSince, e)
			}
		}
	}
	var carry model.CasualtyKind
	for i, c := range d.clauses {
		if d.sents[c.sent].skip {
			continue
		}
		if i > 0 && d.clauses[i-1].sent != c.sent {
			carry = ""
		}
		n := len(d.cas)
		d.cas = d.x.findCasualtiesCarry(toks, d.tab, c.tok0, c.tok1, d.cas, carry)
		if k := d.x.openingCue(toks, c.tok0, c.tok1, len(d.cas) > n); k != "" {
			carry = k
		} else if len(d.cas) > n {
			carry = ""
		}
		d.ops = d.findOperations(c.clause, d.ops)
		d.persons = d.findPersons(c.clause, d.persons)
	}
	// A figure's cue may stand before the figure before it (مقتل 5 جنود
	// و3 مدنيين): order by first token for within.
	sort.SliceStable(d.cas, func(i, j int) bool { return d.cas[i].tok0 < d.cas[j].tok0 })
}

// stemOf returns w without its first skip code points.
func stemOf(w string, skip int) string {
	for i := range w {
		if skip == 0 {
			return w[i:]
		}
		skip--
	}
	return ""
}

// phraseIn reports a cues.txt phrase of section starting in tokens [a, b).
func (d *docState) phraseIn(section string, a, b int) bool {
	_, ok := d.firstPhrase(section, a, b)
	return ok
}

type span struct{ Start, End int }

func (d *docState) firstPhrase(section string, a, b int) (span, bool) {
	tr := d.x.lex.cue[section]
	for i := a; i < b; i++ {
		if d.tab[i]&tCueSections == 0 {
			continue
		}
		if m, ok := tr.LongestAt(d.tx.Tokens, i); ok {
			return span{m.Start, m.End}, true
		}
	}
	return span{}, false
}

// opensWith reports whether clause c opens with a phrase of section,
// after a leading و or ف.
func (d *docState) opensWith(section string, c clause) bool {
	tr := d.x.lex.cue[section]
	for i := c.tok0; i < c.tok1 && i < c.tok0+2; i++ {
		if _, ok := tr.LongestAt(d.tx.Tokens, i); ok {
			return true
		}
		if t := d.tx.Tokens[i].Text; t != "و" && t != "ف" && d.tx.Tokens[i].Kind != arabic.Punct {
			return false
		}
	}
	return false
}

// findOperations reads operation names: a cue (عملية، تحت مسمى) then a name
// in «», (), or "" — the closing mark may be missing, so a clause end or
// maxOpName tokens also end it.
func (d *docState) findOperations(c clause, out []opHit) []opHit {
	toks := d.tx.Tokens
	tr := d.x.lex.cue["operation"]
	for i := c.tok0; i < c.tok1; i++ {
		if d.tab[i]&tCueSections == 0 {
			continue
		}
		m, ok := tr.LongestAt(toks, i)
		if !ok {
			continue
		}
		j := m.End
		if j >= len(toks) {
			break
		}
		open := toks[j].Text
		var closer string
		switch open {
		case "«":
			closer = "»"
		case "(":
			closer = ")"
		case "\"":
			closer = "\""
		default:
			continue
		}
		k := j + 1
		for k < len(toks) && k < j+1+maxOpName && toks[k].Text != closer &&
			toks[k].Kind != arabic.Newline && !isClauseMark(toks[k].Text) {
			k++
		}
		if k == j+1 {
			continue
		}
		name := d.tx.Slice(toks[j+1].Start, toks[k-1].End)
		out = append(out, opHit{tok0: j + 1, tok1: k, name: cleanName(name)})
		i = k
	}
	return out
}

func isClauseMark(s string) bool {
	switch s {
	case "،", "؛", ",", ";", ".", "؟", "?", "!":
		return true
	}
	return false
}

// cleanName drops tatweel and harakat from a name taken from the text, so
// «ثـأر الشهداء» and «ثأر الشهداء» name one operation.
func cleanName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 'ـ' || (r >= 0x064B && r <= 0x065F) || r == 0x0670 {
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// mainArmedGroup is the non-generic armed group named most in the text.
func (d *docState) mainArmedGroup() *actorDef {
	counts := map[*actorDef]int{}
	var best *actorDef
	for _, a := range d.actors {
		if a.def.generic || a.def.typ != "rebel_group" || a.def.name == "Unidentified armed group" {
			continue
		}
		counts[a.def]++
		if best == nil || counts[a.def] > counts[best] {
			best = a.def
		}
	}
	return best
}

// findPersons reads fighters' noms de guerre (أبو طه البكري، وأبو بلال): a
// kunya word, a name, and a second name with the article, standing where a
// member of an armed group is named — not a speaker (وتابع أبو رغيف).
func (d *docState) findPersons(c clause, out []personHit) []personHit {
	toks := d.tx.Tokens
	kunya := d.x.lex.cue["kunya"]
	for i := c.tok0; i < c.tok1; i++ {
		if d.tab[i]&tCueSections == 0 {
			continue
		}
		m, ok := kunya.LongestAt(toks, i)
		if !ok || m.End >= c.tok1 || toks[m.End].Kind != arabic.Word {
			continue
		}
		prev := i - 1
		for prev >= c.tok0 && isOpener(toks[prev].Text) {
			prev--
		}
		_, member := d.x.cueBefore(toks, "member", prev+1, c.tok0)
		if !(member || prev < c.tok0 || m.Skip > 0) {
			continue
		}
		end := m.End + 1
		if end < c.tok1 && toks[end].Kind == arabic.Word && strings.HasPrefix(toks[end].Text, "ال") {
			end++
		}
		out = append(out, personHit{tok0: i, tok1: end})
		i = end - 1
	}
	return out
}

func isOpener(s string) bool { return s == "(" || s == "«" || s == "\"" }
