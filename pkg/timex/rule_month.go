package timex

// ruleMonth reads a month without a day: مارس 2019، في مارس من العام
// 2019، يناير الماضي، شهر تموز، أواخر يناير. A bare month name needs a
// context word (في، منذ، شهر، مطلع…) since مارس is also a verb and تموز,
// نيسان, آب are names.
func ruleMonth(d *doc, p *parse, j int) (int, bool) {
	k := j
	monthWord := d.isMonthWord(k)
	if monthWord {
		k++
	}
	month, hijri, k, ok := d.monthAt(k)
	if !ok || hijri {
		return j, false
	}
	year, k2, yok := d.yearAfterMonth(k, false)
	dir, cur := 0, false
	if yok {
		k = k2
	} else {
		k0 := k
		dir, cur, k = d.monthDirection(k)
		if k == k0 && !monthWord && p.period == "" && !p.since && !p.during && !d.is(j-1, lxPrep) {
			return j, false
		}
	}
	p.month, p.year, p.dir, p.cur = month, year, dir, cur
	return k, true
}
