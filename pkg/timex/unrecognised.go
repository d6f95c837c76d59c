package timex

import (
	"strings"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

// Unrecognised returns the date-like strings of tx that none of exprs
// covers, for coverage reports: each month name, weekday, relative day
// word, Hijri month next to a number, unit with the article or after a
// number (الساعات الماضية، 3 سنوات), or year-like number (1900..2100)
// outside an expression, with the
// token on each side, normalised (so equal contexts count together).
func (t *Tagger) Unrecognised(tx *arabic.Text, exprs []Expr) []string {
	d := t.lex(tx, func(i int) bool { return t.starts.Token(tx, i) != 0 })
	covered := make([]bool, len(tx.Tokens))
	for _, e := range exprs {
		for i := e.Tok0; i < e.Tok1 && i < len(covered); i++ {
			covered[i] = true
		}
	}
	var out []string
	for i := 0; i < len(d.toks); {
		end := i + 1
		dateLike := false
		if d.lexAt(i).end > i {
			end = d.lexAt(i).end
			dateLike = d.is(i, lxMonth) || d.is(i, lxWeekday) || d.is(i, lxRelDay) ||
				d.is(i, lxHijriMonth) && (d.startsDate(i-1) || d.startsDate(end)) ||
				d.is(i, lxUnit) && d.unitDateLike(i, end)
		} else if n, ok := d.num(i); ok && n >= 1900 && n <= 2100 && len(d.tx.Word(i)) == 4 {
			dateLike = true
		}
		if dateLike && !covered[i] {
			out = append(out, d.window(i, end))
		}
		i = end
	}
	return out
}

// unitDateLike reports whether the unit at [i, end) reads as time: after a
// number (3 سنوات), or with the article and not the singular عام/العام
// (الأمين العام, "general"), or followed by a number or direction.
func (d *doc) unitDateLike(i, end int) bool {
	if i > 0 && d.toks[i-1].Kind == arabic.Number {
		return true
	}
	if _, ok := d.num(end); ok {
		return true
	}
	if dir, _ := d.direction(end); dir != 0 || d.is(end, lxCurrent) {
		return true
	}
	en, _, _ := d.get(i, lxUnit)
	return d.lexAt(i).art && !(en.val == unitYear && en.cnt == 1) && en.val != unitDay && !(en.val == unitHour && en.cnt == 1)
}

// window returns tokens [i-1, end+1) of one line, normalised, space-joined.
func (d *doc) window(i, end int) string {
	s, e := i, end
	if s > 0 && d.toks[s-1].Kind != arabic.Newline {
		s--
	}
	if e < len(d.toks) && d.toks[e].Kind != arabic.Newline {
		e++
	}
	parts := make([]string, 0, e-s)
	for k := s; k < e; k++ {
		parts = append(parts, d.tx.Word(k))
	}
	return strings.Join(parts, " ")
}
