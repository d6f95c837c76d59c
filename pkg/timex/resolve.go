package timex

import (
	"time"

	"github.com/rasd-monitor/rasd/pkg/model"
)

const iso = "2006-01-02"

// nearFuture is how far after publication a weekday-confirmed day and
// month may lie (announced dates: الاثنين 22 فبراير written weeks ahead).
const nearFuture = 60 * 24 * time.Hour

// upcoming: a day and month without year at most this far after
// publication is the coming one, not last year's (a date eleven months
// old comes with its year or الماضي in news; an announced one does not).
const upcoming = 14 * 24 * time.Hour

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int { return ymd(y, m+1, 0).Day() }

func validDay(y, m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) }

func span(start, end time.Time, prec model.Precision, basis model.Basis) model.Date {
	return model.Date{Start: start.Format(iso), End: end.Format(iso), Precision: prec, Basis: basis}
}

func dayDate(t time.Time, basis model.Basis) model.Date {
	return span(t, t, model.PrecisionDay, basis)
}

func monthDate(y, m int, basis model.Basis) model.Date {
	return span(ymd(y, m, 1), ymd(y, m+1, 0), model.PrecisionMonth, basis)
}

func yearDate(y int, basis model.Basis) model.Date {
	return span(ymd(y, 1, 1), ymd(y, 12, 31), model.PrecisionYear, basis)
}

func unknown() model.Date {
	return model.Date{Precision: model.PrecisionUnknown, Basis: model.BasisNone}
}

// resolve turns a parse into an Expr against the publication date; keep is
// false for a parse that names no time after all.
func resolve(p parse, pub time.Time, hasPub bool) (e Expr, keep bool) {
	e = Expr{Period: p.period, Since: p.since, During: p.during, Hijri: p.hijri, Date: unknown()}
	switch {
	case p.ago:
		resolveAgo(&e, p, pub, hasPub)
	case p.day > 0 && p.month > 0:
		e.Kind, e.Grain = KindDate, model.PrecisionDay
		switch {
		case p.hijri:
			t := hijriToGregorian(p.year, p.month, p.day)
			e.Date = dayDate(t, model.BasisExplicit)
		case p.year > 0:
			e.Date = dayDate(ymd(p.year, p.month, p.day), model.BasisExplicit)
		case hasPub:
			y := pub.Year()
			t := ymd(y, p.month, p.day)
			if p.cur {
				// 12 مايو الحالي: this month's, before or after publication.
			} else if t.After(pub) && t.Sub(pub) <= upcoming && p.dir == 0 {
				// سيفتتح في 23 أكتوبر, written ten days ahead.
			} else if p.dir > 0 {
				if !t.After(pub) {
					y++
				}
			} else if t.After(pub) || (p.dir < 0 && t.Equal(pub)) {
				y--
			}
			// A weekday that fits the next occurrence only (الاثنين 22
			// فبراير written three weeks ahead) wins over the rule.
			if p.weekday >= 0 && p.dir == 0 && !p.cur && validDay(y+1, p.month, p.day) &&
				int(ymd(y, p.month, p.day).Weekday()) != p.weekday &&
				int(ymd(y+1, p.month, p.day).Weekday()) == p.weekday &&
				ymd(y+1, p.month, p.day).Sub(pub) <= nearFuture {
				y++
			}
			if validDay(y, p.month, p.day) {
				e.Date = dayDate(ymd(y, p.month, p.day), model.BasisRelative)
			}
		}
	case p.month > 0:
		e.Kind, e.Grain = KindMonth, model.PrecisionMonth
		switch {
		case p.year > 0:
			e.Date = monthDate(p.year, p.month, model.BasisExplicit)
		case hasPub:
			y, pm := pub.Year(), int(pub.Month())
			if p.cur {
				// أبريل الجاري: publication's year.
			} else if p.dir > 0 {
				if p.month <= pm {
					y++
				}
			} else if p.month > pm || (p.dir < 0 && p.month == pm) {
				y--
			}
			e.Date = monthDate(y, p.month, model.BasisRelative)
		}
	case p.year > 0:
		e.Kind, e.Grain = KindYear, model.PrecisionYear
		if p.hijri {
			s, end := hijriYearToGregorian(p.year)
			e.Date = span(s, end, model.PrecisionYear, model.BasisExplicit)
		} else {
			e.Date = yearDate(p.year, model.BasisExplicit)
		}
	case p.unit > 0:
		resolveUnit(&e, p, pub, hasPub)
	case p.vague:
		e.Kind, e.Grain = KindVague, model.PrecisionUnknown
		e.Future = p.unitDir > 0
	case p.rel:
		e.Kind, e.Grain = KindRelDay, model.PrecisionDay
		if hasPub {
			e.Date = dayDate(pub.AddDate(0, 0, p.relDays), model.BasisRelative)
		}
		e.Future = p.relDays > 0
	case p.weekday >= 0:
		e.Kind, e.Grain = KindWeekday, model.PrecisionDay
		if hasPub {
			back := (int(pub.Weekday()) - p.weekday + 7) % 7
			switch {
			case p.wdDir < 0 && back == 0:
				back = 7
			case p.wdDir > 0:
				back = -((p.weekday - int(pub.Weekday()) + 7) % 7)
				if back == 0 {
					back = -7
				}
			}
			e.Date = dayDate(pub.AddDate(0, 0, -back), model.BasisRelative)
		}
		e.Future = p.wdDir > 0
	case p.part != "":
		e.Kind, e.Grain = KindPartOfDay, model.PrecisionUnknown
	default:
		return e, false
	}
	if e.Grain == model.PrecisionDay || e.Kind == KindPartOfDay {
		e.Date.PartOfDay = p.part
	}
	if e.Date.Start != "" {
		start, _ := time.Parse(iso, e.Date.Start)
		e.Year = start.Year()
		if hasPub && start.After(pub) {
			e.Future = true
		}
		if p.weekday >= 0 && e.Date.Precision == model.PrecisionDay && int(start.Weekday()) != p.weekday {
			e.WeekdayMismatch = true
		}
	} else if p.year > 0 && !p.hijri {
		e.Year = p.year
	}
	return e, true
}

// resolveAgo: قبل يومين (day), قبل أيام (the week before publication),
// قبل أسبوع (the seven days a week back), قبل شهر, قبل عامين.
func resolveAgo(e *Expr, p parse, pub time.Time, hasPub bool) {
	n := p.agoN
	switch {
	case p.vague || (n == few && p.agoUnit != unitDay):
		e.Kind, e.Grain = KindVague, model.PrecisionUnknown
		return
	case p.agoUnit == unitDay && n == few:
		e.Kind, e.Grain = KindWeek, model.PrecisionWeek
		if hasPub {
			e.Date = span(pub.AddDate(0, 0, -7), pub.AddDate(0, 0, -1), model.PrecisionWeek, model.BasisRelative)
		}
	case p.agoUnit == unitDay:
		e.Kind, e.Grain = KindRelDay, model.PrecisionDay
		if hasPub {
			e.Date = dayDate(pub.AddDate(0, 0, -n), model.BasisRelative)
		}
	case p.agoUnit == unitWeek:
		e.Kind, e.Grain = KindWeek, model.PrecisionWeek
		if hasPub {
			s := pub.AddDate(0, 0, -7*n)
			e.Date = span(s, s.AddDate(0, 0, 6), model.PrecisionWeek, model.BasisRelative)
		}
	case p.agoUnit == unitMonth:
		e.Kind, e.Grain = KindMonth, model.PrecisionMonth
		if hasPub {
			m := ymd(pub.Year(), int(pub.Month()), 1).AddDate(0, -n, 0)
			e.Date = monthDate(m.Year(), int(m.Month()), model.BasisRelative)
		}
	case p.agoUnit == unitYear:
		e.Kind, e.Grain = KindYear, model.PrecisionYear
		if hasPub {
			e.Date = yearDate(pub.Year()-n, model.BasisRelative)
		}
	}
}

// resolveUnit: الأسبوع الماضي (the seven days before publication), الشهر
// الجاري، العام الماضي، هذا العام، نهاية العام (the current one).
func resolveUnit(e *Expr, p parse, pub time.Time, hasPub bool) {
	dir := p.unitDir
	e.Future = dir > 0
	switch p.unit {
	case unitWeek:
		e.Kind, e.Grain = KindWeek, model.PrecisionWeek
		if hasPub {
			s, end := pub.AddDate(0, 0, -7), pub.AddDate(0, 0, -1)
			switch dir {
			case 0:
				s, end = pub.AddDate(0, 0, -6), pub
			case 1:
				s, end = pub.AddDate(0, 0, 1), pub.AddDate(0, 0, 7)
			}
			e.Date = span(s, end, model.PrecisionWeek, model.BasisRelative)
		}
	case unitMonth:
		e.Kind, e.Grain = KindMonth, model.PrecisionMonth
		if hasPub {
			m := ymd(pub.Year(), int(pub.Month()), 1).AddDate(0, dir, 0)
			e.Date = monthDate(m.Year(), int(m.Month()), model.BasisRelative)
		}
	case unitYear:
		e.Kind, e.Grain = KindYear, model.PrecisionYear
		if hasPub {
			e.Date = yearDate(pub.Year()+dir, model.BasisRelative)
		}
	}
}
