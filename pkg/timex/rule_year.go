package timex

// ruleYear reads a year: عام 2017، العام 2019، سنة 2014، 1442 هـ, or a
// bare four-digit year after a context word (في 2014، منذ 2014، نهاية
// 2017، صيف 2014).
func ruleYear(d *doc, p *parse, j int) (int, bool) {
	k := j
	word := false
	if en, e, ok := d.get(k, lxUnit); ok && en.val == unitYear && en.cnt == 1 {
		k, word = e, true
	}
	y, ok := d.num(k)
	if !ok || len(d.tx.Word(k)) != 4 {
		return j, false
	}
	k++
	hijri := false
	if _, e, ok := d.get(k, lxHijriMark); ok && y >= 1300 && y <= 1500 {
		k, hijri = e, true
	} else if _, e, ok := d.get(k, lxGregMark); ok {
		k = e
	} else if y < 1900 || y > 2100 {
		return j, false
	}
	if !word && !hijri && p.period == "" && !p.since && !p.during && !d.is(j-1, lxPrep) {
		return j, false
	}
	// 2014-2017, 2014/2015: a range or a season, not one year.
	if d.punct(k, "-/") {
		if _, ok := d.num(k + 1); ok {
			return j, false
		}
	}
	p.year, p.hijri = y, hijri
	return k, true
}
