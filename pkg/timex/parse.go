package timex

import "github.com/rasd-monitor/rasd/pkg/arabic"

// parse is what the grammar read at one position, before resolution.
type parse struct {
	s, e int // tokens [s, e)
	skip int // clitics of token s outside the expression

	since, during bool
	period        string // early, mid, late, or a season
	part          string // part of day

	weekday int // 0..6, -1 none
	wdDir   int // -1 الماضي, +1 المقبل, 0 none

	// Calendar fields named by the text (0 = not named).
	day, month, year int
	hijri            bool
	dir              int  // direction after a day/month without year
	cur              bool // الجاري/الحالي after a day/month: publication's month

	// Relative to publication.
	rel     bool // relDays is set
	relDays int
	unit    int // unitWeek/unitMonth/unitYear for الأسبوع/الشهر/العام + dir
	unitDir int // -1 past, 0 current, +1 next
	ago     bool
	agoUnit int
	agoN    int // count, or few

	vague bool
}

// core tries the core rules (rule_*.go) in order at the position after
// the prefixes; the first that matches wins, so longer forms come first.
// The rules are called directly, not through a table, so that p stays on
// the stack.
func core(d *doc, p *parse, j int) (int, bool) {
	if e, ok := ruleNumericDate(d, p, j); ok {
		return e, true
	}
	if e, ok := ruleDayMonth(d, p, j); ok {
		return e, true
	}
	if e, ok := ruleMonth(d, p, j); ok {
		return e, true
	}
	if e, ok := ruleYear(d, p, j); ok {
		return e, true
	}
	if e, ok := ruleRelDay(d, p, j); ok {
		return e, true
	}
	return ruleUnit(d, p, j)
}

// parseAt reads the expression starting at token i, if any.
func (d *doc) parseAt(i int) (parse, bool) {
	if !d.startable(i) {
		return parse{}, false
	}
	p := parse{s: i, weekday: -1}
	p.skip = d.lexAt(i).skip
	// منذ يومين، قبل أيام: ago first, since منذ is also "since".
	if e, ok := ruleAgo(d, &p, i); ok {
		p.e = e
		return p, true
	}
	// الأول من أبريل: an ordinal day, not the period أول.
	if d.is(i, lxOrdinal) {
		if e, ok := ruleDayMonth(d, &p, i); ok {
			p.e = d.suffixes(&p, e)
			return p, true
		}
	}
	j := i
	// Prefixes: منذ/خلال, مطلع/منتصف/أواخر or a season, a part of day,
	// يوم, a weekday with its direction.
	if _, e, ok := d.get(j, lxSince); ok && d.lexAt(j).end == j+1 {
		p.since, j = true, e
	} else if _, e, ok := d.get(j, lxDuring); ok {
		p.during, j = true, e
	}
	if en, e, ok := d.get(j, lxPeriod); ok {
		p.period, j = en.str, e
		if d.word(j, "من") {
			j++
		}
	} else if en, e, ok := d.get(j, lxSeason); ok {
		p.period, j = en.str, e
	}
	if en, e, ok := d.get(j, lxPart); ok && !d.is(j, lxRelDay) {
		p.part, j = en.str, e
	}
	if d.isDayWord(j) {
		j++
	}
	if en, e, ok := d.get(j, lxWeekday); ok {
		p.weekday, j = en.val, e
		// ليل الأحد الاثنين: the night between two days is the first's.
		if en2, e2, ok := d.get(j, lxWeekday); ok && en2.val == (en.val+1)%7 {
			j = e2
		} else if d.punct(j, "-/") {
			if en2, e2, ok := d.get(j+1, lxWeekday); ok && en2.val == (en.val+1)%7 {
				j = e2
			}
		}
		p.wdDir, j = d.direction(j)
		if d.punct(j, "،,") && d.startsDate(j+1) {
			j++
		}
	}
	end, found := core(d, &p, j)
	switch {
	case found:
	case p.weekday >= 0:
	case p.part != "" && p.period == "" && !p.since && !p.during && d.aloneAt(i):
		// صباحا، مساء: a part of day alone.
	default:
		return p, false
	}
	// Suffixes: a part of day (الخميس مساء), a weekday confirming a
	// relative day (أمس الاثنين، أمس (الاثنين)), an era mark.
	end = d.suffixes(&p, end)
	p.e = end
	return p, true
}

// startable reports whether an expression may start at token i: a number
// or a vocabulary word.
func (d *doc) startable(i int) bool {
	if d.lexAt(i).end > i {
		return true
	}
	switch d.toks[i].Kind {
	case arabic.Number:
		return true
	case arabic.Word:
		if d.filler(i) {
			return true
		}
	}
	return d.isDayWord(i)
}

// filler reports whether word i is one an expression may start with
// though no date word: d.word(i, "ال", "لل", "بال", "وال", "يوم", "ويوم",
// "بيوم"), asked of every word, so by length first.
func (d *doc) filler(i int) bool {
	switch w := d.tx.Word(i); len(w) {
	case 4:
		return w == "ال" || w == "لل"
	case 6:
		return w == "بال" || w == "وال" || w == "يوم"
	case 8:
		return w == "ويوم" || w == "بيوم"
	}
	return false
}

// isDayWord reports whether token i is يوم (not اليوم) used as a filler:
// يوم الخميس، يوم 12 مايو.
func (d *doc) isDayWord(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	if en, _, ok := d.get(i, lxUnit); ok && en.val == unitDay && en.cnt == 1 && !d.lexAt(i).art {
		return d.is(i+1, lxWeekday) || d.startsDate(i+1) || d.is(i+1, lxRelDay)
	}
	return false
}

// startsDate reports whether a day number or ordinal starts at i.
func (d *doc) startsDate(i int) bool {
	if n, ok := d.num(i); ok && n >= 1 && n <= 31 {
		return true
	}
	return d.is(i, lxOrdinal) || d.word(i, "ال", "لل")
}

// direction reads an optional الماضي/المقبل/الجاري at j.
func (d *doc) direction(j int) (int, int) {
	if _, e, ok := d.get(j, lxPast); ok {
		return -1, e
	}
	if _, e, ok := d.get(j, lxNext); ok {
		return 1, e
	}
	return 0, j
}

// aloneAt reports whether the part of day at i may stand alone.
func (d *doc) aloneAt(i int) bool {
	l := d.lexAt(i)
	for _, v := range l.vals {
		if v.kind == lxPart && v.alone && (!v.art || l.art) {
			// الصباح، المساء are also names and nouns: alone only after
			// في، من، حتى، خلال.
			return !l.art || l.skip > 0 || d.is(i-1, lxPrep) || d.word(i-1, "من", "هذا", "هذه")
		}
	}
	return false
}

func (d *doc) suffixes(p *parse, j int) int {
	if p.part == "" && (p.weekday >= 0 || p.rel || p.day > 0) && j < len(d.toks)+1 && d.aloneAt(j) {
		en, e, _ := d.get(j, lxPart)
		p.part, j = en.str, e
	}
	if p.rel && p.weekday < 0 {
		k := j
		paren := d.punct(k, "(")
		if paren {
			k++
		}
		if en, e, ok := d.get(k, lxWeekday); ok && (!paren || d.punct(e, ")")) {
			p.weekday = en.val
			j = e
			if paren {
				j++
			}
		}
	}
	return j
}
