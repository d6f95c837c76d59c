package timex

// ruleDayMonth reads a day and a month name, with an optional year:
// 27 يناير 2021، 01/فبراير/2021، 22 فبراير، في الـ27 من شهر يناير،
// السادس من أبريل، 8 يوليو/تموز الجاري، 15 رمضان 1442 هـ.
// A Hijri month needs its year.
func ruleDayMonth(d *doc, p *parse, j int) (int, bool) {
	k := j
	if d.word(k, "ال", "لل") {
		if _, ok := d.num(k + 1); ok {
			k++
		}
	}
	day := 0
	if n, ok := d.num(k); ok && n >= 1 && n <= 31 && len(d.tx.Word(k)) <= 2 {
		day, k = n, k+1
	} else if en, e, ok := d.get(k, lxOrdinal); ok {
		day, k = en.val, e
	} else {
		return j, false
	}
	if d.punct(k, "/-") || d.word(k, "من") {
		k++
	}
	if d.isMonthWord(k) {
		k++
	}
	month, hijri, k, ok := d.monthAt(k)
	if !ok {
		return j, false
	}
	year, k2, yok := d.yearAfterMonth(k, hijri)
	if hijri && !yok {
		return j, false
	}
	dir, cur := 0, false
	if yok {
		k = k2
	} else {
		dir, cur, k = d.monthDirection(k)
	}
	if yok && !hijri && !validDay(year, month, day) || !yok && day > daysIn(2000, month) {
		return j, false
	}
	p.day, p.month, p.year, p.hijri, p.dir, p.cur = day, month, year, hijri, dir, cur
	return k, true
}

// isMonthWord reports whether token i is شهر (month), as in شهر يناير.
func (d *doc) isMonthWord(i int) bool {
	en, _, ok := d.get(i, lxUnit)
	return ok && en.val == unitMonth && en.cnt == 1
}

// monthAt reads a month name at k, with an alias in the other tradition
// (فبراير/شباط، كانون الثاني/يناير، فبراير شباط).
func (d *doc) monthAt(k int) (month int, hijri bool, end int, ok bool) {
	if en, e, ok := d.get(k, lxMonth); ok {
		month, end = en.val, e
		a := end
		if d.punct(a, "/-(") {
			a++
		}
		if en2, e2, ok := d.get(a, lxMonth); ok && en2.val == month {
			end = e2
			if d.punct(a-1, "(") && d.punct(end, ")") {
				end++
			}
		}
		return month, false, end, true
	}
	if en, e, ok := d.get(k, lxHijriMonth); ok {
		return en.val, true, e, true
	}
	return 0, false, k, false
}

// yearAfterMonth reads an optional year after a month: 2021، /2021،
// من العام 2019، عام 1442 هـ. Hijri years are 1300..1500.
func (d *doc) yearAfterMonth(k int, hijri bool) (int, int, bool) {
	a := k
	if d.punct(a, "/-,،") {
		a++
	}
	if d.word(a, "من") {
		a++
	}
	if en, e, ok := d.get(a, lxUnit); ok && en.val == unitYear && en.cnt == 1 {
		a = e
	}
	y, ok := d.num(a)
	if !ok || len(d.tx.Word(a)) != 4 {
		return 0, k, false
	}
	a++
	if hijri {
		if y < 1300 || y > 1500 {
			return 0, k, false
		}
	} else if y < 1900 || y > 2100 {
		return 0, k, false
	}
	if _, e, ok := d.get(a, lxHijriMark); ok && hijri {
		a = e
	} else if _, e, ok := d.get(a, lxGregMark); ok && !hijri {
		a = e
	}
	return y, a, true
}

// monthDirection reads الماضي/المقبل (dir) or الجاري/الحالي (cur) after
// a month without year.
func (d *doc) monthDirection(k int) (dir int, cur bool, end int) {
	if dir, e := d.direction(k); dir != 0 {
		return dir, false, e
	}
	if _, e, ok := d.get(k, lxCurrent); ok {
		return 0, true, e
	}
	return 0, false, k
}
