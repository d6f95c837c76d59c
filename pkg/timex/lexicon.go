package timex

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/textmatch"
	"github.com/rasd-monitor/rasd/rules"
)

// rulesFile is the vocabulary file of a language's rules.
const rulesFile = "dates.txt"

// lexKind is the class of one vocabulary entry.
type lexKind uint8

const (
	lxMonth lexKind = iota + 1
	lxHijriMonth
	lxWeekday
	lxRelDay
	lxPart
	lxPast
	lxNext
	lxCurrent
	lxThis
	lxAnaphoric
	lxUnit
	lxCount
	lxOrdinal
	lxAgo
	lxSince
	lxDuring
	lxPeriod
	lxSeason
	lxPrep
	lxHijriMark
	lxGregMark
	lxDateline
	lxReportVerb
)

var sectionKinds = map[string]lexKind{
	"month": lxMonth, "hijri_month": lxHijriMonth, "weekday": lxWeekday,
	"relday": lxRelDay, "part": lxPart, "past": lxPast, "next": lxNext,
	"current": lxCurrent, "this": lxThis, "anaphoric": lxAnaphoric,
	"unit": lxUnit, "count": lxCount, "ordinal": lxOrdinal, "ago": lxAgo,
	"since": lxSince, "during": lxDuring, "period": lxPeriod, "season": lxSeason,
	"prep": lxPrep, "hijri_mark": lxHijriMark, "greg_mark": lxGregMark,
	"dateline": lxDateline, "report_verb": lxReportVerb,
}

// Units of [unit].
const (
	unitHour = iota + 1
	unitDay
	unitWeek
	unitMonth
	unitYear
)

// few is the count of a plural without a number (أيام، سنوات).
const few = -1

// entry is one vocabulary value.
type entry struct {
	kind lexKind
	val  int    // month, weekday, offset, unit, count, ordinal
	cnt  int    // unit count (1, 2, few)
	str  string // part of day, period, season
	art  bool   // counts only with the article
	// alone: a part of day that may stand without a day.
	alone bool
}

var partNames = map[string]bool{model.Dawn: true, model.Morning: true, model.Noon: true,
	model.Afternoon: true, model.Evening: true, model.Night: true}

// load reads dates.txt into a trie; every bad line goes to errs.
func load(rs rules.Set) (*textmatch.Trie[entry], error) {
	var errs rules.ErrorList
	ents := rs.Read(rulesFile, &errs)
	trie := &textmatch.Trie[entry]{}
	for _, e := range ents {
		kind, ok := sectionKinds[e.Section]
		if !ok {
			errs.Add(e.File, e.Line, "entry outside a known section (%q)", e.Section)
			continue
		}
		en := entry{kind: kind}
		spell := e.Field(1)
		flags := e.Field(2)
		v := e.Field(0)
		bad := func(format string, args ...any) {
			errs.Add(e.File, e.Line, format, args...)
		}
		switch kind {
		case lxMonth, lxHijriMonth, lxOrdinal:
			n, err := strconv.Atoi(v)
			max := 12
			if kind == lxOrdinal {
				max = 31
			}
			if err != nil || n < 1 || n > max {
				bad("value %q: want 1..%d", v, max)
				continue
			}
			en.val = n
		case lxWeekday:
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > 6 {
				bad("weekday %q: want 0 (Sunday)..6", v)
				continue
			}
			en.val = n
		case lxRelDay:
			n, err := strconv.Atoi(v)
			if err != nil || n < -7 || n > 7 {
				bad("offset %q: want -7..7", v)
				continue
			}
			en.val = n
		case lxPart:
			if !partNames[v] {
				bad("part of day %q: want dawn, morning, noon, afternoon, evening or night", v)
				continue
			}
			en.str = v
		case lxUnit:
			switch v {
			case "hour":
				en.val = unitHour
			case "day":
				en.val = unitDay
			case "week":
				en.val = unitWeek
			case "month":
				en.val = unitMonth
			case "year":
				en.val = unitYear
			default:
				bad("unit %q: want hour, day, week, month or year", v)
				continue
			}
			c, ok := parseCount(e.Field(1))
			if !ok {
				bad("count %q: want a number or few", e.Field(1))
				continue
			}
			en.cnt = c
			spell, flags = e.Field(2), e.Field(3)
		case lxCount:
			c, ok := parseCount(v)
			if !ok {
				bad("count %q: want a number or few", v)
				continue
			}
			en.val = c
		case lxPeriod:
			if v != "early" && v != "mid" && v != "late" {
				bad("period %q: want early, mid or late", v)
				continue
			}
			en.str = v
		case lxSeason:
			en.str = v
		}
		for _, f := range strings.Split(flags, ",") {
			switch f = strings.TrimSpace(f); {
			case f == "":
			case f == "art":
				en.art = true
			case f == "alone":
				en.alone = true
			case kind == lxRelDay && partNames[f]:
				en.str = f
			default:
				bad("unknown flag %q", f)
			}
		}
		alts := rules.Alternatives(spell)
		if len(alts) == 0 {
			bad("no spelling")
			continue
		}
		for _, a := range alts {
			if !trie.Add(a, en) {
				bad("spelling %q has no words", a)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if trie.Len() == 0 {
		return nil, fmt.Errorf("rules/%s: no entries", rs.Path(rulesFile))
	}
	return trie, nil
}

func parseCount(s string) (int, bool) {
	if s == "few" {
		return few, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}
