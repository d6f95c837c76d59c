package timex

// ruleUnit reads a week, month or year named from publication: الأسبوع
// الماضي، الشهر الجاري، العام المقبل، هذا العام، نهاية العام (with a
// period, the current one), and vague stretches: الأيام الماضية، السنوات
// الماضية.
func ruleUnit(d *doc, p *parse, j int) (int, bool) {
	k := j
	this := false
	if _, e, ok := d.get(k, lxThis); ok {
		k, this = e, true
	}
	en, e, ok := d.get(k, lxUnit)
	if !ok || (!d.lx[k].art && !this) || d.is(e, lxAnaphoric) {
		return j, false
	}
	k = e
	// الأيام القليلة الماضية، الأيام الخمسة الماضية
	if en.cnt != 1 && (d.word(k, "القليله") || d.is(k, lxCount)) {
		k = d.next(k)
	}
	dir, k2 := d.direction(k)
	cur := false
	if dir == 0 {
		if _, e, ok := d.get(k, lxCurrent); ok {
			k2, cur = e, true
		}
	}
	if en.cnt != 1 {
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
