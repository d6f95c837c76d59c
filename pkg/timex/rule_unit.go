package timex

// ruleUnit reads a week, month or year named from publication: الأسبوع
// الماضي، الشهر الجاري، العام المقبل، هذا العام، نهاية العام (with a
// period, the current one), and vague stretches: الأيام الماضية، السنوات
// الماضية.
func ruleUnit(d *doc, p *parse, j int) (int, bool) {
	k := j
	// الـ24 ساعة الماضية
	if d.word(k, "ال", "لل") {
		if n, ok := d.num(k + 1); ok && n > 0 {
			if en, _, ok := d.get(k+2, lxUnit); ok && en.val == unitHour {
				k += 2
			}
		}
	} else if n, ok := d.num(k); ok && n > 0 && (p.during || d.is(j-1, lxPrep)) {
		if en, _, ok := d.get(k+1, lxUnit); ok && en.val == unitHour {
			k++
		}
	}
	numbered := k > j
	this := false
	if _, e, ok := d.get(k, lxThis); ok {
		k, this = e, true
	}
	en, e, ok := d.get(k, lxUnit)
	if !ok || d.anaphoricBefore(k) || (!d.lexAt(k).art && !this && !numbered) || d.is(e, lxAnaphoric) {
		return j, false
	}
	k = e
	// الأيام القليلة الماضية، الأيام الخمسة الماضية، الساعات الـ24 الماضية
	if en.cnt != 1 && (d.word(k, "القليله") || d.is(k, lxCount)) {
		k = d.next(k)
	} else if _, ok := d.num(k + 1); ok && en.cnt != 1 && d.word(k, "ال") {
		k += 2
	}
	dir, k2 := d.direction(k)
	cur := false
	if dir == 0 {
		if _, e, ok := d.get(k, lxCurrent); ok {
			k2, cur = e, true
		}
	}
	// العام قبل الماضي: the one before last.
	if dir == 0 && d.word(k, "قبل") {
		if _, e, ok := d.get(k+1, lxPast); ok {
			dir, k2 = -2, e
		}
	}
	if en.cnt != 1 || en.val == unitHour {
		// الأيام الماضية، السنوات الأخيرة: no bound worth a date.
		if dir == 0 || this {
			return j, false
		}
		p.vague, p.during = true, true
		p.unitDir = dir
		return k2, true
	}
	if en.val == unitDay {
		return j, false // اليوم is ruleRelDay's
	}
	if dir == 0 && !cur && !this && p.period == "" && !p.during {
		return j, false
	}
	p.unit, p.unitDir = en.val, dir
	return k2, true
}
