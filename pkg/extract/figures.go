package extract

import (
	"strconv"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// figure is a number phrase: 11، ثلاثة، أربعة عشر، 4 آلاف، نحو 30، عشرات.
type figure struct {
	tok0, tok1 int // tokens, modifier included
	count      int
	min, max   int
	exact      bool
}

// maxFigure bounds the figures taken as counts of people; larger numbers
// are money, years or ids.
const maxFigure = 1_000_000

// parseFigure reads a number phrase starting at token i.
func (x *Extractor) parseFigure(toks []arabic.Token, i int) (figure, bool) {
	f := figure{tok0: i, exact: true}
	mod := ""
	j := i
	if m, ok := x.lex.numbers.LongestAt(toks, j); ok && m.Vals[0].class == "modifier" {
		mod = m.Vals[0].mod
		j = m.End
	}
	total, cur, read := 0, 0, false
	vague := false
	for j < len(toks) {
		t := toks[j]
		if t.Kind == arabic.Number {
			if read && cur != 0 {
				break // two numbers in a row are two figures
			}
			n, ok := atoi(t.Text)
			if !ok {
				break
			}
			cur += n
			read = true
			j++
			continue
		}
		if t.Kind != arabic.Word {
			break
		}
		m, ok := x.lex.numbers.LongestAt(toks, j)
		if !ok {
			break
		}
		w := m.Vals[0]
		// After the first word a number word must be joined by و (ثلاثة
		// وعشرين) or follow directly (أربعة عشر، 4 آلاف).
		if read && m.Skip > 0 && !strings.HasPrefix(t.Text, "و") {
			break
		}
		switch w.class {
		case "unit", "ten", "hundred":
			cur += w.value
		case "scale":
			if !read && j > 0 && toks[j-1].Kind == arabic.Number {
				return f, false // 5.6 مليون: the number before it did not parse
			}
			if cur == 0 {
				cur = 1
			}
			total += cur * w.value
			cur = 0
		case "vague":
			if read {
				break
			}
			f.count, f.min, f.max, f.exact = w.value, w.min, w.max, false
			vague = true
		default:
			return f, false
		}
		read = true
		j = m.End
		if vague {
			break
		}
	}
	if !read {
		return f, false
	}
	f.tok1 = j
	if !vague {
		n := total + cur
		if n <= 0 || n > maxFigure {
			return f, false
		}
		f.count, f.min, f.max = n, n, n
	}
	if mod != "" {
		f.exact = false
	}
	return f, true
}

func atoi(s string) (int, bool) {
	s = strings.ReplaceAll(s, ",", "")
	if strings.Contains(s, ".") {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n > maxFigure {
		return 0, false
	}
	return n, true
}

// casualty is a figure read as people killed, wounded, arrested ….
type casualty struct {
	kind       model.CasualtyKind
	fig        figure
	tok0, tok1 int    // the span reported: cue, figure and counted noun
	category   string // civilians forces militants people prisoners
	groupActor *actorDef
	partOf     bool // a breakdown of the figure before it (بينهم ضابط)
}

// maxCasualtyLen bounds the tokens of one casualty phrase, cue to group.
const maxCasualtyLen = 32

// maxAfterGap is how far after the counted people a verb may tell what
// befell them: 12 مدنيا على الأقل من عائلة واحدة بينهم 4 أطفال قتلوا.
const maxAfterGap = 10

// maxCueGap is how many tokens may stand between a casualty cue and its
// figure: مقتل 11 جنديا (0)، حصيلة قتلى أولية بلغت 41 شخصا (2).
const maxCueGap = 3

// findCasualtiesCarry reads every casualty figure of the clause tokens
// [c0, c1): a figure with a counted noun and a cue, a casualty noun
// (قتيلا، جرحى), or a cue before a singular or dual noun (مقتل جنديين).
// carry is the kind of a cue that opened an earlier clause of the
// sentence and found no figure there (وقتل الخميس، أيضا وفق المرصد، 8
// مدنيين): the first counted people take it.
func (x *Extractor) findCasualtiesCarry(toks []arabic.Token, tab []table, c0, c1 int, out []casualty, carry model.CasualtyKind) []casualty {
	first := len(out)
	const counting = tNumbers | tCues | tPeople | tNouns
	for i := c0; i < c1 && i < c0+2; i++ {
		if _, ok := x.lex.cue["cumulative"].LongestAt(toks, i); ok {
			return out // a running total over many incidents
		}
	}
	for i := c0; i < c1; i++ {
		if toks[i].Kind != arabic.Number && tab[i]&counting == 0 {
			continue
		}
		f, ok := x.parseFigure(toks, i)
		if ok && f.tok1 <= c1 {
			if c, ok := x.casualtyAt(toks, f, c0, c1); ok {
				out = append(out, c)
				i = c.tok1 - 1
				continue
			}
			i = f.tok1 - 1
			continue
		}
		// A singular or dual noun before a verb of what befell it: طفلا قتل.
		if c, ok := x.nounCount(toks, i, c1); ok && c.kind == "" && c.tok1 < c1 {
			if m, ok := x.lex.after.LongestAt(toks, c.tok1); ok && m.Skip == 0 {
				c.kind = m.Vals[0].kind
				out = append(out, c)
				i = c.tok1 - 1
				continue
			}
		}
		// A cue before a singular or dual noun with no figure.
		m, ok := x.lex.cues.LongestAt(toks, i)
		if !ok || m.End >= c1 {
			continue
		}
		j := skipArticleWords(toks, m.End, c1)
		if c, ok := x.nounCount(toks, j, c1); ok {
			c.kind = m.Vals[0].kind
			if c.fig.count > 0 {
				c.tok0 = i
				out = append(out, c)
				i = c.tok1 - 1
			}
		}
	}
	if carry != "" && len(out) > first && out[first].kind == "" && !out[first].partOf {
		out[first].kind = carry
	}
	// A figure right after بينهم/منهم, or joined by و to such a figure, is
	// a breakdown of the figure before it.
	for k := first + 1; k < len(out); k++ {
		prev := out[k-1]
		p := out[k].fig.tok0 - 1
		if p >= c0 && p >= prev.tok1 {
			if _, ok := x.cueBefore(toks, "partof", out[k].fig.tok0, c0); ok {
				out[k].partOf = true
			} else if prev.partOf && toks[p].Text == "و" {
				out[k].partOf = true
			}
		}
		if out[k].partOf && out[k].kind == "" {
			out[k].kind = prev.kind
		}
	}
	// Drop the figures that turned out to count no casualties.
	kept := out[:first]
	for _, c := range out[first:] {
		if c.kind != "" {
			kept = append(kept, c)
		}
	}
	return kept
}

// skipArticleWords skips the quantifiers that may stand between a cue and
// its noun: مقتل أحد الجنود, القبض على المدعو.
func skipArticleWords(toks []arabic.Token, i, end int) int {
	for i < end && (toks[i].Text == "احد" || toks[i].Text == "المدعو" || toks[i].Text == "المكني") {
		i++
	}
	return i
}

// nounCount reads a singular or dual person noun at j as a figure of 1 or 2.
func (x *Extractor) nounCount(toks []arabic.Token, j, end int) (casualty, bool) {
	if j >= end {
		return casualty{}, false
	}
	if m, ok := x.lex.nouns.LongestAt(toks, j); ok && m.Vals[0].count > 0 {
		n := m.Vals[0].count
		return casualty{kind: m.Vals[0].kind, fig: figure{tok0: j, tok1: m.End, count: n, min: n, max: n, exact: true}, tok0: j, tok1: m.End}, true
	}
	if m, ok := x.lex.people.LongestAt(toks, j); ok && m.Vals[0].count > 0 && m.Skip == 0 {
		n := m.Vals[0].count
		c := casualty{fig: figure{tok0: j, tok1: m.End, count: n, min: n, max: n, exact: true}, tok0: j, tok1: m.End, category: m.Vals[0].category}
		return c, true
	}
	return casualty{}, false
}

// casualtyAt reads what a figure counts and what happened to them.
func (x *Extractor) casualtyAt(toks []arabic.Token, f figure, c0, c1 int) (casualty, bool) {
	c := casualty{fig: f, tok0: f.tok0, tok1: f.tok1}
	j := f.tok1
	counted := false
	if j < c1 {
		if m, ok := x.lex.nouns.LongestAt(toks, j); ok && m.Skip == 0 {
			// 70 قتيل وجريح counts the dead and the wounded together: no
			// figure for either.
			if m.End < c1 {
				if n, ok := x.lex.nouns.LongestAt(toks, m.End); ok && n.Skip > 0 && n.Vals[0].kind != m.Vals[0].kind {
					return c, false
				}
			}
			c.kind = m.Vals[0].kind
			c.tok1 = m.End
			j = m.End
			counted = true
		} else if m, ok := x.lex.people.LongestAt(toks, j); ok && m.Skip == 0 {
			c.category = m.Vals[0].category
			c.tok1 = m.End
			j = m.End
			counted = true
		}
	}
	// "على الأقل" after the figure or its noun: a lower bound.
	if m, ok := x.lex.cue["atleast"].LongestAt(toks, min(j, len(toks)-1)); ok && j < c1 {
		c.fig.exact = false
		j = m.End
	}
	// "من X": the people belong to actor X (20 من قوى الأمن، 16 من داعش،
	// 1500 من مقاتلي وحدات حماية الشعب).
	if j+1 < c1 && toks[j].Text == "من" {
		k := j + 1
		if m, ok := x.lex.people.LongestAt(toks, k); ok && m.End < c1 {
			k = m.End
		}
		if m, ok := x.lex.actors.LongestAt(toks, k); ok {
			c.groupActor = m.Vals[0]
			c.tok1 = m.End
			counted = true
		}
	}
	if c.kind == "" {
		if k, at, ok := x.casualtyCueBefore(toks, f.tok0, c0); ok {
			c.kind = k
			c.tok0 = at
		} else if counted {
			// A verb after the counted people: عشرات السجناء … فروا.
			for p := c.tok1; p < c1 && p < c.tok1+maxAfterGap; p++ {
				if m, ok := x.lex.after.LongestAt(toks, p); ok {
					c.kind = m.Vals[0].kind
					break
				}
			}
		}
	}
	if !counted && c.kind != "" && c.tok0 == f.tok0 {
		return c, false // a bare number after nothing: not people
	}
	if !counted && c.kind == "" {
		return c, false
	}
	if _, ok := x.cueBefore(toks, "partof", f.tok0, c0); ok {
		c.partOf = true
	}
	// Counted people with no kind yet may still be a breakdown joined by و
	// to one (… و16 من تنظيم داعش و5 مدنيين); findCasualtiesCarry settles it.
	return c, true
}

// casualtyCueBefore finds a casualty cue ending at most maxCueGap tokens
// before token at, within the clause.
func (x *Extractor) casualtyCueBefore(toks []arabic.Token, at, c0 int) (model.CasualtyKind, int, bool) {
	for start := at - 1; start >= c0 && start >= at-maxCueGap-4; start-- {
		m, ok := x.lex.cues.LongestAt(toks, start)
		if !ok || m.End > at || at-m.End > maxCueGap {
			continue
		}
		return m.Vals[0].kind, start, true
	}
	return "", 0, false
}

// cueBefore finds a phrase of a cues.txt section ending right before
// token at (a lone و may stand between), within the clause.
func (x *Extractor) cueBefore(toks []arabic.Token, section string, at, c0 int) (int, bool) {
	tr := x.lex.cue[section]
	for start := at - 1; start >= c0 && start >= at-4; start-- {
		if m, ok := tr.LongestAt(toks, start); ok && (m.End == at || (m.End == at-1 && toks[at-1].Text == "و")) {
			return start, true
		}
	}
	return 0, false
}

// openingCue returns the kind of a casualty cue that opens clause [c0, c1)
// (after و) when the clause holds no figure of its own.
func (x *Extractor) openingCue(toks []arabic.Token, c0, c1 int, found bool) model.CasualtyKind {
	if found || c0 >= c1 {
		return ""
	}
	if m, ok := x.lex.cues.LongestAt(toks, c0); ok {
		return m.Vals[0].kind
	}
	return ""
}
