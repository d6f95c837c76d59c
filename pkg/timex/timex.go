// Package timex finds temporal expressions in Arabic news text and resolves
// them against the publication date.
//
// The design follows olebedev/when: a vocabulary (rules/ar/dates.txt) is
// compiled into a token trie, each token of a document is looked up once
// (lex), and a small set of grammar rules, one per file (rule_*.go), reads
// the looked-up tokens from each position and builds a parse. resolve.go
// turns a parse into a model.Date against the publication date:
//
//   - a full date (27 يناير 2021، 27/1/2021، 2021-01-27, a Hijri date) is
//     basis explicit, precision day;
//   - a day and month without a year (الاثنين 22 فبراير) takes the year
//     that puts it on or before publication (after it with المقبل), except
//     a day at most 14 days ahead (an announced date), one whose weekday
//     fits only the coming occurrence (within 60 days), and الجاري/الحالي
//     (publication's month), which are Future;
//   - a weekday alone is the latest such day on or before publication;
//     with الماضي strictly before, with المقبل strictly after;
//   - اليوم، أمس، أول أمس، الليلة الماضية، قبل يومين are days counted back
//     from publication; قبل أيام and الأسبوع الماضي are the seven days
//     before publication (precision week);
//   - a month (مارس 2019، يناير الماضي، الشهر الماضي، أواخر الشهر) runs
//     from its first to its last day; a year (عام 2017، في 2014، نهاية
//     2017، العام الماضي) from 1 January to 31 December. Periods (مطلع،
//     منتصف، أواخر) and seasons keep the month or year precision and are
//     reported in Expr.Period;
//   - without a publication date, whatever needs one keeps precision
//     unknown, basis none, empty start and end, and its text.
package timex

import (
	"time"

	"github.com/rasd-monitor/rasd/internal/grow"
	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/textmatch"
	"github.com/rasd-monitor/rasd/rules"
)

// Kind says what an expression names, whatever the publication date.
type Kind uint8

// Expression kinds.
const (
	// KindDate: a calendar day given by day and month (27 يناير 2021،
	// الاثنين 22 فبراير، 27/1/2021, a Hijri date).
	KindDate Kind = iota + 1
	// KindWeekday: a day given by its weekday only (الخميس، الجمعة الماضية).
	KindWeekday
	// KindRelDay: a day counted from publication (اليوم، أمس، قبل يومين).
	KindRelDay
	// KindWeek: a week (الأسبوع الماضي، قبل أيام، قبل أسبوع).
	KindWeek
	// KindMonth: a month (مارس 2019، يناير الماضي، الشهر الجاري).
	KindMonth
	// KindYear: a year (عام 2017، في 2014، العام الماضي).
	KindYear
	// KindPartOfDay: a part of day with no day (صباحا، مساء): the day is
	// the one the context gives, usually publication or the previous date.
	KindPartOfDay
	// KindVague: a stretch with no usable bound (قبل سنوات، الأيام الماضية).
	KindVague
)

var kindNames = [...]string{"", "date", "weekday", "relday", "week", "month", "year", "part_of_day", "vague"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Expr is one temporal expression.
type Expr struct {
	Tok0, Tok1 int // tokens [Tok0, Tok1)
	// Date is the resolved date; its Text and Span are set.
	Date model.Date
	// Year is the year the expression names or resolves to, 0 if none.
	Year int

	// Kind is what the expression names.
	Kind Kind
	// Grain is the precision the expression has once anchored (day, week,
	// month, year; unknown for a bare part of day or a vague stretch);
	// Date.Precision is "unknown" instead when it could not be anchored.
	Grain model.Precision
	// Period is early, mid or late (مطلع، منتصف، أواخر) or a season
	// (spring, summer, autumn, winter) inside the month or year, else "".
	Period string
	// Since: منذ + date, the start of something still going on.
	Since bool
	// During: خلال/طيلة + period, a span (tallies: "خلال العام الماضي").
	During bool
	// Future: the expression points after publication (المقبل، غدا).
	Future bool
	// Hijri: the text gives a Hijri date, converted (see hijri.go).
	Hijri bool
	// Dateline: a full date with its year that fills its line but for a
	// clock time (an article's header date), so it dates the article, not
	// an event.
	Dateline bool
	// Reporting: the expression sits by a verb of saying (قال المرصد
	// الأحد إن، أفاد، صباح الاثنين، بـ): it dates the report, which may be
	// later than the event.
	Reporting bool
	// WeekdayMismatch: the text names a weekday the resolved day is not.
	WeekdayMismatch bool
}

// AgeDays returns how many days before published (YYYY-MM-DD) the
// expression's time ends; false when either date is unknown.
func (e Expr) AgeDays(published string) (int, bool) {
	pub, err := time.Parse(iso, published)
	if err != nil || e.Date.End == "" {
		return 0, false
	}
	end, err := time.Parse(iso, e.Date.End)
	if err != nil {
		return 0, false
	}
	return int(pub.Sub(end).Hours() / 24), true
}

// HistoricalAfter is how long before publication an incident is history
// rather than news: the SPEC's historical flag. Two months keeps a report
// of last month's attack news and a reminder of last year's history.
const HistoricalAfter = 60

// Historical reports whether the expression's time ended more than
// HistoricalAfter days before published.
func (e Expr) Historical(published string) bool {
	age, ok := e.AgeDays(published)
	return ok && age > HistoricalAfter
}

// Historical reports whether a resolved date ended more than
// HistoricalAfter days before published (YYYY-MM-DD).
func Historical(d model.Date, published string) bool {
	return Expr{Date: d}.Historical(published)
}

// Aggregate reports whether the expression spans a whole period the way
// yearly tallies do (خلال العام الماضي، في عام 2020 with counts): a
// During stretch, or a bare year or month. The pipeline still needs the
// counts to flag an event aggregate.
func (e Expr) Aggregate() bool {
	return e.During || e.Kind == KindYear || e.Kind == KindMonth && e.Period == ""
}

// Full reports whether e resolved to one calendar day.
func (e Expr) Full() bool { return e.Date.Precision == model.PrecisionDay }

// Resolved reports whether e has a start date.
func (e Expr) Resolved() bool { return e.Date.Start != "" }

// Tagger is compiled once from the rules; immutable, safe for concurrent use.
type Tagger struct {
	trie *textmatch.Trie[entry]
	// starts holds the words a phrase of the vocabulary starts with: one
	// probe per form tells most tokens apart before the trie is asked.
	starts textmatch.Starts
}

// New compiles the date vocabulary of a rules set (dates.txt).
func New(rs rules.Set) (*Tagger, error) {
	trie, err := load(rs)
	if err != nil {
		return nil, err
	}
	t := &Tagger{trie: trie}
	t.Words(func(w string) { t.starts.Add(w, 1) })
	return t, nil
}

// Words calls fn with every word a phrase of the date vocabulary starts
// with (without its clitics): Find looks the words of a text up only
// where a form of one stands, which a caller indexing the text for its
// own tables too can tell FindIndexed.
func (t *Tagger) Words(fn func(word string)) { t.trie.Starts(fn) }

// Find returns the temporal expressions of tx in text order, resolved
// against published (YYYY-MM-DD, or "" when unknown).
func (t *Tagger) Find(tx *arabic.Text, published string) []Expr {
	return t.FindIndexed(tx, published, func(i int) bool { return t.starts.Token(tx, i) != 0 })
}

// FindIndexed is Find for a caller that has indexed the words of tx with
// those of Words: mayStart(i) tells whether a form of token i is one (a
// yes that should be a no costs time only).
func (t *Tagger) FindIndexed(tx *arabic.Text, published string, mayStart func(i int) bool) []Expr {
	var pub time.Time
	hasPub := false
	if published != "" {
		if p, err := time.Parse("2006-01-02", published); err == nil {
			pub, hasPub = p, true
		}
	}
	d := t.lex(tx, mayStart)
	var out []Expr
	// Only where an expression may start (most tokens are no such place):
	// after an expression, from its end on.
	next := 0
	for _, s := range d.starts {
		i := int(s)
		if i < next {
			continue
		}
		p, ok := d.parseAt(i)
		if !ok {
			continue
		}
		e, keep := resolve(p, pub, hasPub)
		if keep {
			e.Tok0, e.Tok1 = p.s, p.e
			start, end := tx.Span(p.s, p.e, p.skip)
			e.Date.Text = tx.Slice(start, end)
			e.Date.Span = &model.Span{start, end}
			e.Dateline = e.Kind == KindDate && p.year > 0 && d.fillsLine(p.s, p.e)
			e.Reporting = !e.Dateline && d.reporting(p.s, p.e)
			out = grow.Append(out, e)
		}
		next = p.e
	}
	return out
}
