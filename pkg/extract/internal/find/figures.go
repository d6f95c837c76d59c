package find

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rasd-monitor/rasd/internal/grow"
	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/textmatch"
	"github.com/rasd-monitor/rasd/rules"
)

// Figure is a number phrase: 11، ثلاثة، أربعة عشر، 4 آلاف، نحو 30، عشرات،
// نصف مليون، مئات الآلاف.
type Figure struct {
	Tok0, Tok1 int // modifier included
	Count      int // the best figure
	Min, Max   int
	Exact      bool
}

// Casualty is a figure read as people killed, wounded, arrested ….
type Casualty struct {
	Kind       model.CasualtyKind
	Fig        Figure
	Tok0, Tok1 int    // what is reported: cue, figure and counted people
	Category   string // the people.txt section: civilians forces militants people prisoners
	Group      *ActorDef
	// PartOf: a breakdown of the figure before it (بينهم ضابط).
	PartOf bool
	// Also: people in addition to a figure told before (5 آخرين، وقتل أيضا).
	Also bool
	// Then is a second fate of the same people (38 عاملا خطفوا وقتلوا:
	// kidnapped, then killed), "" when none.
	Then model.CasualtyKind
}

// maxFigure bounds the figures taken as counts of people; larger numbers
// are money, years or ids.
const maxFigure = 1_000_000

type numWord struct {
	class    string // unit ten hundred scale fraction vague modifier
	value    int
	min, max int
	num, den int    // a fraction's value
	mod      string // approx atleast atmost
}

type personNoun struct {
	category string
	count    int // 1 singular, 2 dual, 0 plural
}

type casualtyWord struct {
	kind  model.CasualtyKind
	count int // nouns that carry a figure (قتيلين = 2, قتيل = 1)
}

// Figures reads casualty figures: numbers.txt, people.txt and
// casualties.txt, with the cue sections that frame a figure.
type Figures struct {
	numbers textmatch.Trie[numWord]
	people  textmatch.Trie[personNoun]
	cues    textmatch.Trie[casualtyWord] // before a figure: مقتل 11
	nouns   textmatch.Trie[casualtyWord] // the counted noun itself: 7 قتلى
	after   textmatch.Trie[casualtyWord] // after the counted people: فروا
	tolls   textmatch.Trie[casualtyWord] // a toll's head: عدد القتلى … إلى 11
	selfs   textmatch.Trie[casualtyWord] // a casualty in itself: مقتله
}

// NewFigures compiles numbers.txt, people.txt and casualties.txt.
func NewFigures(rs rules.Set) (*Figures, error) {
	f := &Figures{}
	var errs rules.ErrorList
	type key struct{ table, phrase string }
	seen := map[key]int{}
	dup := func(table string, e rules.Entry) bool {
		k := key{table, arabic.StripArticle(arabic.Key(e.Fields[0]))}
		if first, ok := seen[k]; ok {
			errs.Add(e.File, e.Line, "%q repeats line %d", e.Fields[0], first)
			return true
		}
		seen[k] = e.Line
		return false
	}
	add := func(e rules.Entry, ok bool) {
		if !ok {
			errs.Add(e.File, e.Line, "empty phrase")
		}
	}
	for _, e := range rs.Read("numbers.txt", &errs) {
		w, err := parseNumWord(e)
		if err != nil {
			errs.Add(e.File, e.Line, "%v", err)
			continue
		}
		if !dup("numbers", e) {
			add(e, f.numbers.Add(e.Fields[0], w))
		}
	}
	for _, e := range rs.Read("people.txt", &errs) {
		p := personNoun{category: e.Section}
		switch e.Field(1) {
		case "s":
			p.count = 1
		case "d":
			p.count = 2
		case "p":
		default:
			errs.Add(e.File, e.Line, "number must be s, d or p, not %q", e.Field(1))
			continue
		}
		if !dup("people", e) {
			add(e, f.people.Add(e.Fields[0], p))
		}
	}
	for _, e := range rs.Read("casualties.txt", &errs) {
		role, k, _ := strings.Cut(e.Section, ":")
		ck := model.CasualtyKind(k)
		switch ck {
		case model.Killed, model.Wounded, model.Arrested, model.Kidnapped, model.Missing, model.Escaped:
		default:
			errs.Add(e.File, e.Line, "unknown casualty kind in [%s]", e.Section)
			continue
		}
		w := casualtyWord{kind: ck}
		if s := e.Field(1); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				errs.Add(e.File, e.Line, "count must be a positive number, not %q", s)
				continue
			}
			w.count = n
		}
		var tr *textmatch.Trie[casualtyWord]
		switch role {
		case "cue":
			tr = &f.cues
		case "noun":
			tr = &f.nouns
		case "after":
			tr = &f.after
		case "toll":
			tr = &f.tolls
		case "self":
			tr = &f.selfs
			if w.count == 0 {
				errs.Add(e.File, e.Line, "a [self:%s] word needs its count", ck)
				continue
			}
		default:
			errs.Add(e.File, e.Line, "section must be cue:, noun:, after:, toll: or self:, not [%s]", e.Section)
			continue
		}
		if !dup("casualties:"+role, e) {
			add(e, tr.Add(e.Fields[0], w))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

func parseNumWord(e rules.Entry) (numWord, error) {
	w := numWord{class: e.Section}
	var err error
	switch e.Section {
	case "unit", "ten", "hundred", "scale":
		w.value, err = strconv.Atoi(e.Field(1))
	case "fraction":
		// نصف | 1/2: a share of the scale word after it (نصف مليون).
		n, d, ok := strings.Cut(e.Field(1), "/")
		if w.num, err = strconv.Atoi(n); err == nil && ok {
			w.den, err = strconv.Atoi(d)
		}
		if err == nil && (!ok || w.num < 1 || w.den <= w.num) {
			err = fmt.Errorf("a fraction is n/d with 0 < n < d, not %q", e.Field(1))
		}
	case "vague":
		if w.value, err = strconv.Atoi(e.Field(1)); err == nil {
			if w.min, err = strconv.Atoi(e.Field(2)); err == nil {
				w.max, err = strconv.Atoi(e.Field(3))
			}
		}
		if err == nil && !(w.min <= w.value && w.value <= w.max) {
			err = fmt.Errorf("want min ≤ count ≤ max")
		}
	case "modifier":
		w.mod = e.Field(1)
		if w.mod != "approx" && w.mod != "atleast" && w.mod != "atmost" {
			err = fmt.Errorf("modifier must be approx, atleast or atmost, not %q", w.mod)
		}
	default:
		err = fmt.Errorf("unknown section [%s]", e.Section)
	}
	return w, err
}

func (f *Figures) mark(s *textmatch.Starts) {
	mark(s, &f.numbers, tNumbers)
	mark(s, &f.people, tPeople)
	mark(s, &f.cues, tCasCues)
	mark(s, &f.nouns, tCasNouns)
	mark(s, &f.after, tCasAfter)
	mark(s, &f.tolls, tCasCues)
	mark(s, &f.selfs, tCasCues)
}

// Parse reads a number phrase starting at token i.
func (f *Figures) Parse(tx *arabic.Text, i int) (Figure, bool) {
	toks := tx.Tokens
	fig := Figure{Tok0: i, Exact: true}
	mod := ""
	j := i
	if m, ok := f.numbers.LongestAt(tx, j); ok && m.Vals[0].class == "modifier" {
		mod = m.Vals[0].mod
		j = m.End
	}
	total, cur, read := 0, 0, false
	var vague *numWord
	frac := [2]int{1, 1}
words:
	for j < len(toks) {
		t := toks[j]
		if t.Kind == arabic.Number {
			if read {
				break // two numbers in a row are two figures
			}
			n, ok := atoi(tx.Word(j))
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
		m, ok := f.numbers.LongestAt(tx, j)
		if !ok {
			break
		}
		w := m.Vals[0]
		// After the first word a number word must be joined by و (ثلاثة
		// وعشرين) or follow directly (أربعة عشر، 4 آلاف).
		if read && m.Skip > 0 && !strings.HasPrefix(tx.Word(j), "و") {
			break
		}
		switch w.class {
		case "unit", "ten", "hundred":
			if vague != nil || frac[1] != 1 || arabic.HasArticle(stemOf(tx.Word(j), m.Skip)) {
				break words // الأحد، الثلاثة: not a count
			}
			cur += w.value
		case "fraction":
			if read {
				break words
			}
			frac = [2]int{w.num, w.den}
		case "scale":
			if !read && frac[1] == 1 && j > 0 && toks[j-1].Kind == arabic.Number {
				return fig, false // 5.6 مليون: the number before it did not parse
			}
			if vague != nil {
				// مئات الآلاف: the vague count of the scale.
				vague.value, vague.min, vague.max = vague.value*w.value, vague.min*w.value, vague.max*w.value
				j = m.End
				break words
			}
			if cur == 0 {
				cur = 1
			}
			total += cur * w.value * frac[0] / frac[1]
			cur, frac = 0, [2]int{1, 1}
		case "vague":
			if read {
				break words
			}
			v := w
			vague = &v
		default:
			break words // a modifier inside a figure starts another
		}
		read = true
		j = m.End
		if vague != nil && !f.scaleAt(tx, j) {
			break
		}
	}
	if !read || frac[1] != 1 {
		return fig, false // a fraction with no scale after it (نصف المدينة)
	}
	fig.Tok1 = j
	if vague != nil {
		if vague.max > maxFigure {
			return fig, false
		}
		fig.Count, fig.Min, fig.Max, fig.Exact = vague.value, vague.min, vague.max, false
	} else {
		n := total + cur
		if n <= 0 || n > maxFigure {
			return fig, false
		}
		fig.Count, fig.Min, fig.Max = n, n, n
	}
	if mod != "" {
		// نحو 30، أكثر من 30: 30 stays the best figure and its bound; the
		// text gives no other.
		fig.Exact = false
	}
	return fig, true
}

func (f *Figures) scaleAt(tx *arabic.Text, j int) bool {
	toks := tx.Tokens
	if j >= len(toks) || toks[j].Kind != arabic.Word {
		return false
	}
	m, ok := f.numbers.LongestAt(tx, j)
	return ok && m.Vals[0].class == "scale" && m.Skip == 0
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

// maxAfterGap is how far after the counted people a verb may tell what
// befell them: 12 مدنيا على الأقل من عائلة واحدة بينهم 4 أطفال قتلوا.
const maxAfterGap = 10

// maxCueGap is how many tokens may stand between a casualty cue and its
// figure: مقتل 11 جنديا (0)، حصيلة قتلى أولية بلغت 41 شخصا (2).
const maxCueGap = 3

// Find reads every casualty figure of t's clauses, given the cue and actor
// layers already in l.
func (f *Figures) Find(ctx context.Context, t *segment.Text, ix Index, l *Layers) ([]Casualty, []Figure, error) {
	var out []Casualty
	var figs []Figure
	var carry model.CasualtyKind
	for ci, c := range t.Clauses {
		if ci%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		if t.Sents[c.Sent].Skip {
			continue
		}
		if ci > 0 && t.Clauses[ci-1].Sent != c.Sent {
			carry = ""
		}
		n := len(out)
		out = f.inClause(t, ix, l, c, out, carry, &figs)
		switch k := f.openingCue(t.Text, c, len(out) > n); {
		case k != "":
			carry = k
		case len(out) > n:
			carry = ""
		}
	}
	// Only prisoners, or people in a sentence that names a prison, escape;
	// others who flee are displaced (فر منها أكثر من 250 ألف مدني، فرار نحو
	// 170 ألف شخص من المدينة) or desert (هروب المئات من مسلحي الحوثي من
	// جبهات القتال).
	out = slices.DeleteFunc(out, func(c Casualty) bool {
		return c.Kind == model.Escaped && c.Category != "prisoners" && !prisonIn(l, t.Sents[t.SentOf(c.Tok0)])
	})
	// A figure's cue may stand before the figure before it (مقتل 5 جنود
	// و3 مدنيين): keep the layer sorted by first token.
	sortByTok0(out)
	// لقي 16 شخصا حتفهم وأصيب 14 آخرون: «others» than the dead, not more
	// wounded than wounded told before.
	for k := 1; k < len(out); k++ {
		prev := out[k-1]
		if out[k].Also && prev.Kind != out[k].Kind && t.SentOf(prev.Tok0) == t.SentOf(out[k].Tok0) {
			out[k].Also = false
			// ستة محتجين قتلوا، وجرح 20 آخرين: the others are of the same
			// people.
			if (out[k].Category == "" || out[k].Category == "people") && out[k].Group == nil {
				out[k].Category, out[k].Group = prev.Category, prev.Group
			}
		}
	}
	return out, figs, nil
}

// prisonIn reports a prison or a prison break's trigger in sentence s.
func prisonIn(l *Layers, s segment.Sentence) bool {
	if l.Has(Prison, s.Tok0, s.Tok1) {
		return true
	}
	for _, h := range l.TriggersIn(s.Tok0, s.Tok1) {
		if h.Kind == model.PrisonBreak {
			return true
		}
	}
	return false
}

func sortByTok0(cs []Casualty) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Tok0 < cs[j-1].Tok0; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// inClause reads the figures of clause c. carry is the kind of a cue that
// opened an earlier clause of the sentence and found no figure there (وقتل
// الخميس، أيضا وفق المرصد، 8 مدنيين): the first counted people take it.
func (f *Figures) inClause(t *segment.Text, ix Index, l *Layers, c segment.Clause, out []Casualty, carry model.CasualtyKind, figs *[]Figure) []Casualty {
	tx := t.Text
	toks := t.Tokens
	c0, c1 := c.Tok0, c.Tok1
	first := len(out)
	if l.OpensWith(Cumulative, c0, c1) {
		return out // a running total over many incidents
	}
	const counting = tNumbers | tCasCues | tPeople | tCasNouns
	for i := c0; i < c1; i++ {
		if toks[i].Kind != arabic.Number && ix[i]&counting == 0 {
			continue
		}
		fig, ok := f.Parse(tx, i)
		if ok && inDate(l, fig) {
			i = fig.Tok1 - 1 // عام 2015، 9 آب: a date, not a count
			continue
		}
		if ok && fig.Tok1 <= c1 {
			*figs = grow.Append(*figs, fig)
			if fig.Tok1 < c1 && l.Has(Weapon, fig.Tok1, fig.Tok1+1) {
				i = fig.Tok1 - 1 // بسقوط 3 قذائف: it counts shells, not people
				continue
			}
			if cs, ok := f.casualtyAt(tx, l, fig, c0, c1, out[first:]); ok {
				out = grow.Append(out, cs)
				i = cs.Tok1 - 1
				continue
			}
			i = fig.Tok1 - 1
			continue
		}
		// A casualty word in itself: أسفر عن مقتله.
		if m, ok := f.selfs.LongestAt(tx, i); ok && m.End <= c1 {
			n := m.Vals[0].count
			out = grow.Append(out, Casualty{Kind: m.Vals[0].kind, Fig: Figure{Tok0: i, Tok1: m.End, Count: n, Min: n, Max: n, Exact: true}, Tok0: i, Tok1: m.End})
			i = m.End - 1
			continue
		}
		// A singular or dual noun before a verb of what befell it: طفلا قتل.
		if cs, ok := f.nounCount(tx, i, c1); ok && cs.Kind == "" && cs.Tok1 < c1 {
			if m, ok := f.after.LongestAt(tx, cs.Tok1); ok && m.Skip == 0 {
				cs.Kind = m.Vals[0].kind
				out = grow.Append(out, cs)
				i = cs.Tok1 - 1
				continue
			}
		}
		// A cue before a singular or dual noun with no figure.
		m, ok := f.cues.LongestAt(tx, i)
		if !ok || m.End >= c1 || l.jointAt(i, m.End) {
			continue
		}
		j := m.End
		for j < c1 && l.Has(Quantifier, j, j+1) {
			j++ // مقتل المدعو، القبض على المكنى
		}
		if cs, ok := f.nounCount(tx, j, c1); ok {
			cs.Kind = m.Vals[0].kind
			if cs.Fig.Count > 0 {
				cs.Tok0 = i
				out = grow.Append(out, cs)
				i = cs.Tok1 - 1
			}
		}
	}
	if carry != "" && len(out) > first && out[first].Kind == "" && !out[first].PartOf {
		out[first].Kind = carry
	}
	// A figure right after بينهم/منهم, or joined by و to such a figure, is
	// a breakdown of the figure before it.
	for k := first + 1; k < len(out); k++ {
		prev := out[k-1]
		p := out[k].Fig.Tok0 - 1
		if p >= c0 && p >= prev.Tok1 {
			if _, ok := l.CueBefore(PartOf, out[k].Fig.Tok0, c0); ok {
				out[k].PartOf = true
			} else if prev.PartOf && arabic.IsConjunction(tx.Word(p)) {
				out[k].PartOf = true
			}
		}
		if out[k].PartOf && out[k].Kind == "" {
			out[k].Kind = prev.Kind
		}
	}
	// «أيضا» or «كما» in the clause before a figure: more people than
	// those told before.
	for k := first; k < len(out); k++ {
		if !out[k].Also && l.Has(Also, c0, out[k].Fig.Tok0) {
			out[k].Also = true
		}
	}
	// Drop the figures that turned out to count no casualties; a second
	// fate is a figure of its own.
	kept := out[:first]
	for _, cs := range out[first:] {
		if cs.Kind == "" {
			continue
		}
		kept = append(kept, cs)
		if cs.Then != "" {
			then := cs
			then.Kind, then.Then = cs.Then, ""
			kept = append(kept, then)
		}
	}
	return kept
}

// inDate reports a figure inside a date expression.
func inDate(l *Layers, fig Figure) bool {
	for _, d := range l.DatesIn(max(0, fig.Tok0-8), fig.Tok1) {
		if d.Tok0 <= fig.Tok0 && fig.Tok1 <= d.Tok1 {
			return true
		}
	}
	return false
}

// jointAt reports a phrase that counts two kinds together over [a, b)
// (مقتل وإصابة 20): its figure is neither kind's.
func (l *Layers) jointAt(a, b int) bool {
	for _, c := range l.CuesIn(max(0, a-maxCueReach), b) {
		if c.Sec == Joint && c.Tok0 < b && a < c.Tok1 {
			return true
		}
	}
	return false
}

// nounCount reads a singular or dual person noun at j as a figure of 1 or 2.
func (f *Figures) nounCount(tx *arabic.Text, j, end int) (Casualty, bool) {
	if j >= end {
		return Casualty{}, false
	}
	if m, ok := f.nouns.LongestAt(tx, j); ok && m.Vals[0].count > 0 {
		n := m.Vals[0].count
		return Casualty{Kind: m.Vals[0].kind, Fig: Figure{Tok0: j, Tok1: m.End, Count: n, Min: n, Max: n, Exact: true}, Tok0: j, Tok1: m.End}, true
	}
	if m, ok := f.people.LongestAt(tx, j); ok && m.Vals[0].count > 0 && m.Skip == 0 {
		n := m.Vals[0].count
		return Casualty{Fig: Figure{Tok0: j, Tok1: m.End, Count: n, Min: n, Max: n, Exact: true}, Tok0: j, Tok1: m.End, Category: m.Vals[0].category}, true
	}
	return Casualty{}, false
}

// casualtyAt reads what a figure counts and what happened to them. before
// are the clause's figures read so far.
func (f *Figures) casualtyAt(tx *arabic.Text, l *Layers, fig Figure, c0, c1 int, before []Casualty) (Casualty, bool) {
	toks := tx.Tokens
	c := Casualty{Fig: fig, Tok0: fig.Tok0, Tok1: fig.Tok1}
	j := fig.Tok1
	counted := false
	if j < c1 {
		if m, ok := f.nouns.LongestAt(tx, j); ok && m.Skip == 0 {
			// 70 قتيل وجريح counts the dead and the wounded together: no
			// figure for either.
			if m.End < c1 {
				if n, ok := f.nouns.LongestAt(tx, m.End); ok && n.Skip > 0 && n.Vals[0].kind != m.Vals[0].kind {
					return c, false
				}
			}
			c.Kind, c.Tok1, j, counted = m.Vals[0].kind, m.End, m.End, true
		} else if m, ok := f.people.LongestAt(tx, j); ok && m.Skip == 0 {
			c.Category, c.Tok1, j, counted = m.Vals[0].category, m.End, m.End, true
		} else if l.Has(Measure, j, j+1) || (toks[j].Kind == arabic.Punct && tx.Word(j) == "%") {
			return c, false // 90 بالمئة، 24 ساعة: a share or a time, not people
		}
	}
	// "على الأقل" after the figure or its noun: a lower bound.
	if cue, ok := l.Cue(AtLeast, j, j+1); ok && j < c1 {
		c.Fig.Exact = false
		j = cue.Tok1
	}
	// آخرين after the figure, as its noun or after it: in addition to
	// those told before.
	if l.Has(Also, fig.Tok1, min(j+1, c1)) {
		c.Also = true
	}
	// The counted noun opens an actor's name (206 عناصر من تنظيم داعش،
	// 5 مسلحي داعش): the people are that actor's.
	for _, a := range l.ActorsIn(fig.Tok1, fig.Tok1+1) {
		if a.Tok1 <= c1 && a.Tok1 > j {
			c.Group, c.Tok1, j, counted = a.Def, a.Tok1, a.Tok1, true
		}
	}
	// "من X": the people belong to actor X (20 من قوى الأمن، 16 من داعش،
	// 1500 من مقاتلي وحدات حماية الشعب).
	if g, ok := l.Cue(GroupOf, j, j+1); ok && g.Tok1 < c1 && c.Group == nil {
		k := g.Tok1
		for _, a := range l.ActorsIn(k, k+1) { // 16 من عناصر داعش
			c.Group, c.Tok1, counted = a.Def, a.Tok1, true
		}
		if c.Group == nil {
			if m, ok := f.people.LongestAt(tx, k); ok && m.End <= c1 {
				k = m.End
				if c.Category == "" { // 3 من عناصر الشرطة
					c.Category, c.Tok1, counted = m.Vals[0].category, m.End, true
				}
			}
			for _, a := range l.ActorsIn(k, k+1) {
				c.Group, c.Tok1, counted = a.Def, a.Tok1, true
			}
		}
	}
	if c.Kind == "" {
		if k, at, ok := f.cueBefore(tx, l, fig.Tok0, c0, before); ok {
			c.Kind, c.Tok0 = k, at
		} else if k, at, ok := f.tollBefore(tx, l, fig.Tok0, c0); ok {
			c.Kind, c.Tok0 = k, at
			counted = true
		} else if counted {
			// A verb after the counted people: عشرات السجناء … فروا.
			for p := c.Tok1; p < c1 && p < c.Tok1+maxAfterGap; p++ {
				if m, ok := f.after.LongestAt(tx, p); ok {
					c.Kind = m.Vals[0].kind
					// 38 عاملا خطفوا وقتلوا: the same people, two fates.
					if n, ok := f.after.LongestAt(tx, m.End); m.End < c1 && ok && n.Skip > 0 && n.Vals[0].kind != c.Kind {
						c.Then = n.Vals[0].kind
					}
					break
				}
			}
		}
	}
	if !counted && c.Kind != "" && c.Tok0 == fig.Tok0 {
		return c, false // a bare number after nothing: not people
	}
	if !counted && c.Kind == "" {
		return c, false
	}
	if _, ok := l.CueBefore(PartOf, fig.Tok0, c0); ok {
		c.PartOf = true
	}
	// Counted people with no kind yet may still be a breakdown joined by و
	// to one (… و16 من تنظيم داعش و5 مدنيين); inClause settles it.
	return c, true
}

// cueBefore finds a casualty cue ending at most maxCueGap tokens before
// token at, within the clause, that no figure read before stands between:
// in «قتل 32 مدنيا خلال 24 ساعة» the cue is spent on the 32.
func (f *Figures) cueBefore(tx *arabic.Text, l *Layers, at, c0 int, before []Casualty) (model.CasualtyKind, int, bool) {
	for start := at - 1; start >= c0 && start >= at-maxCueGap-4; start-- {
		m, ok := f.cues.LongestAt(tx, start)
		if !ok || m.End > at || at-m.End > maxCueGap {
			continue
		}
		for _, b := range before {
			if b.Fig.Tok0 >= m.End && b.Fig.Tok1 <= at {
				// قتل أربعة جنود وستة مسلحين: a figure joined by و to the
				// one before shares its cue.
				if b.Tok1 == at && arabic.IsConjoined(tx.Word(at)) || b.Tok1 == at-1 && arabic.IsConjunction(tx.Word(at-1)) {
					return b.Kind, at, b.Kind != ""
				}
				return "", 0, false
			}
		}
		if l.jointAt(start, m.End) {
			return "", 0, false // مقتل وإصابة 20
		}
		return m.Vals[0].kind, start, true
	}
	return "", 0, false
}

// tollBefore reads a figure that a toll reaches: a toll's head earlier in
// the clause and a reach word right before the figure (ارتفع عدد قتلى
// الاحتجاجات في مدن متفرقة إلى 11 شخصا، بلغت حصيلة الضحايا 30).
func (f *Figures) tollBefore(tx *arabic.Text, l *Layers, at, c0 int) (model.CasualtyKind, int, bool) {
	r, ok := l.CueBefore(Reach, at, c0)
	if !ok {
		return "", 0, false
	}
	// The nearest head before the reach word: عدد القتلى إلى 58 والجرحى
	// إلى 2771 counts the wounded second.
	for i := r.Tok0 - 1; i >= c0; i-- {
		if m, ok := f.tolls.LongestAt(tx, i); ok && m.End <= r.Tok0 {
			return m.Vals[0].kind, i, true
		}
		if m, ok := f.nouns.LongestAt(tx, i); ok && m.End <= r.Tok0 && m.End >= r.Tok0-1 {
			return m.Vals[0].kind, i, true
		}
	}
	return "", 0, false
}

// openingCue returns the kind of a casualty cue that opens clause c (after
// و) when the clause holds no figure of its own.
func (f *Figures) openingCue(tx *arabic.Text, c segment.Clause, found bool) model.CasualtyKind {
	if found || c.Tok0 >= c.Tok1 {
		return ""
	}
	if m, ok := f.cues.LongestAt(tx, c.Tok0); ok {
		return m.Vals[0].kind
	}
	return ""
}
