package timex

// ruleAgo reads a span counted back from publication: قبل يومين، قبل
// أيام، منذ ثلاثة أيام، قبل 3 أسابيع، قبل عام. منذ عام 2014 is a year,
// not one year ago; قبل يومين من الإعلان counts from another event and is
// kept vague.
func ruleAgo(d *doc, p *parse, i int) (int, bool) {
	_, k, ok := d.get(i, lxAgo)
	if !ok {
		return i, false
	}
	if d.word(k, "نحو", "حوالي", "قرابه", "زهاء") {
		k++
	}
	n := 0
	if v, ok := d.num(k); ok && v > 0 && v < 100 {
		n, k = v, k+1
	} else if en, e, ok := d.get(k, lxCount); ok {
		n, k = en.val, e
	}
	en, e, ok := d.get(k, lxUnit)
	if !ok || d.lexAt(k).art {
		return i, false
	}
	if en.val == unitYear {
		if _, ok := d.num(e); ok {
			return i, false // منذ عام 2014
		}
	}
	if n == 0 && en.val == unitDay && (d.is(e, lxWeekday) || d.startsDate(e)) {
		return i, false // منذ يوم الجمعة: since, not ago
	}
	if n == 0 {
		n = en.cnt
	}
	unit := en.val
	if unit == unitHour {
		// قبل 48 ساعة: whole days; other hours are vague.
		if n >= 24 && n%24 == 0 {
			unit, n = unitDay, n/24
		} else {
			p.vague = true
		}
	}
	p.ago, p.agoUnit, p.agoN = true, unit, n
	p.since = d.is(i, lxSince)
	if d.word(e, "من", "علي", "على") {
		p.vague = true
	}
	return e, true
}
