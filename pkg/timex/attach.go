package timex

import "github.com/rasd-monitor/rasd/pkg/model"

// Best picks the expression that dates an event whose evidence is the
// code-point span [start, end) and whose trigger starts at anchor: among
// the expressions inside the span that are not a header dateline, a vague
// stretch or a bare part of day, a resolved one first, then one that does
// not date a report nor open or span a period (Reporting, Since, During),
// then the finest grain (day, week, month, year), then the nearest to
// anchor, preferring one before it. It is the suggested way for the pipeline to attach a date;
// when it finds none, the pipeline falls back to the previous sentence of
// the paragraph or to the publication date (basis publication).
func Best(exprs []Expr, start, end, anchor int) (Expr, bool) {
	best, found := Expr{}, false
	bestKey := [4]int{}
	for _, e := range exprs {
		sp := e.Date.Span
		if sp == nil || sp[0] < start || sp[1] > end || e.Dateline || e.Kind == KindVague || e.Kind == KindPartOfDay {
			continue
		}
		resolved := 1
		if e.Resolved() {
			resolved = 0
		}
		dist := anchor - sp[1]
		if sp[0] > anchor {
			dist = 2 * (sp[0] - anchor) // after the trigger counts double
		} else if dist < 0 {
			dist = 0
		}
		demoted := 0
		if e.Reporting || e.Since || e.During {
			demoted = 1
		}
		key := [4]int{resolved, demoted, grainRank(e.Grain), dist}
		if !found || less(key, bestKey) {
			best, bestKey, found = e, key, true
		}
	}
	return best, found
}

func grainRank(p model.Precision) int {
	switch p {
	case model.PrecisionDay:
		return 0
	case model.PrecisionWeek:
		return 1
	case model.PrecisionMonth:
		return 2
	case model.PrecisionYear:
		return 3
	}
	return 4
}

func less(a, b [4]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}
