package timex

// anaphoricBefore reports whether the word before j points back to another
// time: في تلك الليلة، في نفس اليوم، ذلك العام.
func (d *doc) anaphoricBefore(j int) bool {
	return d.word(j-1, "تلك", "ذلك", "نفس", "ذات", "بنفس", "وبنفس", "ونفس")
}

// ruleRelDay reads a day named from publication: اليوم، أمس، أول أمس،
// البارحة، غدا، الليلة، الليلة الماضية. اليوم التالي (the day after some
// other event) is not one.
func ruleRelDay(d *doc, p *parse, j int) (int, bool) {
	// هذا الصباح، هذه الليلة: today's.
	if _, k, ok := d.get(j, lxThis); ok && d.lexAt(k).art {
		if en, e, ok := d.get(k, lxPart); ok {
			if p.part == "" {
				p.part = en.str
			}
			p.rel, p.relDays = true, 0
			return e, true
		}
	}
	if d.anaphoricBefore(j) {
		return j, false // في تلك الليلة، في نفس اليوم
	}
	en, k, ok := d.get(j, lxRelDay)
	// اليوم التالي، لليوم الثاني على التوالي: counted from something else.
	if !ok || d.is(k, lxAnaphoric) || d.is(k, lxOrdinal) {
		return j, false
	}
	off := en.val
	if en.str != "" && p.part == "" {
		p.part = en.str
	}
	if _, e, ok := d.get(k, lxPast); ok && en.val == 0 && en.str != "" {
		off, k = -1, e // الليلة الماضية
	}
	p.rel, p.relDays = true, off
	return k, true
}
