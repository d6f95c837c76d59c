package record

import (
	"slices"
	"time"

	"github.com/rasd-monitor/rasd/pkg/extract/internal/article"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/mention"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// maxSingleToll is the largest killed figure one incident is taken to
// have: the deadliest single attacks in Iraq and Syria killed well under
// 2,000 (Camp Speicher, 2014), so a larger figure is the toll of a war, a
// year or a campaign.
const maxSingleToll = 5000

// maxRecentToll is the smallest killed figure that, told as news, is a
// campaign's toll: no attack of the years rasd codes killed a thousand at
// once, while an offensive's toll passes it in weeks (الغوطة الشرقية:
// 1,600 in a month). A recollection (Halabja, Speicher) may be one.
const maxRecentToll = 1000

// campaignToll is the smallest figure that a campaign named in its
// sentence makes a tally: a hundred dead are seldom one attack's toll, and
// a war named beside them (منذ بدء العملية) says whose they are.
const campaignToll = 100

// counted reports words in tokens [a, b) that make a toll a tally: a date
// since which or over which it was counted, a war, a summary, a number of
// days or months.
func counted(l *find.Layers, a, b int) bool {
	for _, d := range l.DatesIn(a, b) {
		if d.Since || d.During && d.Date.Precision != model.PrecisionDay {
			return true
		}
	}
	if l.Has(find.War, a, b) || l.Has(find.Summary, a, b) {
		return true
	}
	for _, f := range l.FiguresIn(a, b) {
		if f.Count > 1 && f.Tok1 < b && l.Has(find.Period, f.Tok1, f.Tok1+1) {
			return true
		}
	}
	return false
}

// date dates an incident: the first date its mentions state, else one in
// its lead's sentence, else the nearest earlier one in its paragraph, else
// the publication date.
func (w *writer) date(inc *article.Incident) model.Date {
	for _, m := range inc.Members {
		if m.Date != nil {
			return m.Date.Date
		}
	}
	t := w.l.Text
	lead := inc.Lead()
	if d, ok := w.dayBefore(lead); ok {
		return d
	}
	s := t.Sents[lead.Sent]
	paraStart := lead.Sent
	for paraStart > 0 && t.Sents[paraStart-1].Para == s.Para {
		paraStart--
	}
	var best *find.Date
	near := w.l.DatesIn(t.Sents[paraStart].Tok0, s.Tok1)
	for i := range near {
		d := &near[i]
		if d.Background || d.Since || !d.Resolved() || d.Dateline || d.Kind == timex.KindVague || d.Kind == timex.KindPartOfDay {
			continue
		}
		if d.Tok0 >= s.Tok0 && d.Tok1 <= s.Tok1 {
			return d.Date
		}
		if d.Tok1 <= s.Tok0 && t.SentOf(d.Tok0) >= 0 && t.Sents[t.SentOf(d.Tok0)].Para == s.Para {
			best = d
		}
	}
	if best != nil {
		return best.Date
	}
	// The day of the incident before it, unless that one is history: a
	// roundup tells one day, a recollection does not set it.
	if inc.When != nil && (w.published == "" || !timex.Historical(*inc.When, w.published)) {
		return *inc.When
	}
	if w.published != "" {
		return model.Date{Start: w.published, End: w.published, Precision: model.PrecisionDay, Basis: model.BasisPublication}
	}
	return model.Date{Precision: model.PrecisionUnknown, Basis: model.BasisNone}
}

// dayBefore dates a mention told after غداة (ويأتي القصف غداة مقتل 9
// مدنيين في غارة): the day before the incident its sentence is about, when
// that one is dated to the day.
func (w *writer) dayBefore(m *mention.Mention) (model.Date, bool) {
	if m.DayBefore == nil || !m.Head() {
		return model.Date{}, false
	}
	var after *article.Incident
	for _, inc := range w.incs {
		if slices.Contains(inc.Members, m.DayBefore) && !slices.Contains(inc.Members, m) {
			after = inc
		}
	}
	if after == nil {
		return model.Date{}, false
	}
	d := w.date(after)
	day, err := time.Parse(time.DateOnly, d.Start)
	if err != nil || d.Precision != model.PrecisionDay {
		return model.Date{}, false
	}
	t := w.l.Text
	cue, ok := w.l.Cue(find.DayAfter, t.Clauses[m.C0].Tok0, w.l.Triggers[m.Trigger].Tok0)
	if !ok {
		return model.Date{}, false
	}
	s, e := t.Span(cue.Tok0, cue.Tok1, 0)
	prev := day.AddDate(0, 0, -1).Format(time.DateOnly)
	return model.Date{Start: prev, End: prev, Precision: model.PrecisionDay, Basis: model.BasisRelative,
		Text: t.Slice(s, e), Span: &model.Span{s, e}}, true
}

// flags qualifies a record: historical (dated more than two months before
// publication, or told as then: وقتها), aggregate (a tally: a toll over a
// year or a month, since a date, of a war, or beyond any single attack),
// out_of_area, planned, negated.
func (w *writer) flags(inc *article.Incident, ev *model.Event) []model.Flag {
	l := w.l
	t := l.Text
	var flags []model.Flag
	historical := ev.Date.Basis != model.BasisPublication && ev.Date.Start != "" && timex.Historical(ev.Date, w.published)
	for _, m := range inc.Members {
		if s := t.Sents[m.Sent]; l.Has(find.Past, s.Tok0, s.Tok1) {
			historical = true
		}
	}
	if historical {
		flags = append(flags, model.Historical)
	}
	aggregate := inc.Tally
	for _, m := range inc.Members {
		s := t.Sents[m.Sent]
		// ومنذ بدأت القوات قصف الغوطة الشهر الماضي، قتل أكثر من 1600: a
		// sentence opened by a campaign counts its toll.
		if l.Has(find.Aggregate, s.Tok0, s.Tok1) || len(m.Casualties) > 0 && l.OpensWith(find.War, s.Tok0, s.Tok1) {
			aggregate = true
		}
		for _, c := range m.Casualties {
			// A toll counted since a date or over a period (بلغ أكثر من ألف
			// قتيل منذ 18 شباط، 1433 مدنيا في 34 يوما), or a war's (حربا
			// أودت بحياة نحو نصف مليون): in the figure's clause, or, for a
			// hundred dead or more, anywhere in its sentence.
			if c.Fig.Count >= campaignToll {
				// منذ أن شنت الحكومة هجوما، بعد عملية استمرت نحو شهرين
				if counted(l, s.Tok0, s.Tok1) || l.Has(find.Since, s.Tok0, s.Tok1) || l.Has(find.Period, s.Tok0, s.Tok1) {
					aggregate = true
				}
				continue
			}
			if cl := t.Clauses[t.ClauseOf(c.Tok0)]; counted(l, cl.Tok0, cl.Tok1) {
				aggregate = true
			}
		}
	}
	for _, c := range ev.Casualties {
		if c.Kind == model.Killed && (c.Count > maxSingleToll || c.Count >= maxRecentToll && !historical) {
			aggregate = true
		}
	}
	if aggregate {
		flags = append(flags, model.Aggregate)
	}
	if outOfArea(inc) {
		flags = append(flags, model.OutOfArea)
	}
	switch inc.Lead().Status {
	case mention.Planned:
		flags = append(flags, model.Planned)
	case mention.Negated:
		flags = append(flags, model.Negated)
	}
	return flags
}

// sources lists who reported the incident: the sources named in its
// mentions, else in their sentences.
func (w *writer) sources(inc *article.Incident) []model.Source {
	l := w.l
	t := l.Text
	var out []model.Source
	seen := map[string]bool{}
	add := func(a, b int) {
		for _, h := range l.SourcesIn(a, b) {
			if h.Tok1 <= b && !seen[h.Name] {
				seen[h.Name] = true
				s, e := t.Span(h.Tok0, h.Tok1, h.Skip)
				out = append(out, model.Source{Name: h.Name, Text: t.Slice(s, e), Span: model.Span{s, e}})
			}
		}
	}
	for _, m := range inc.Members {
		add(m.Tok0, m.Tok1)
	}
	if len(out) == 0 {
		for _, m := range inc.Members {
			s := t.Sents[m.Sent]
			add(s.Tok0, s.Tok1)
		}
	}
	return out
}

// operation is the named operation of the incident's mentions, else of
// their sentences.
func (w *writer) operation(inc *article.Incident) *model.Operation {
	l := w.l
	t := l.Text
	find := func(a, b int) *model.Operation {
		for _, o := range l.OperationsIn(a, b) {
			if o.Tok1 <= b {
				s, e := t.Span(o.Tok0, o.Tok1, 0)
				return &model.Operation{Name: o.Name, Text: t.Slice(s, e), Span: model.Span{s, e}}
			}
		}
		return nil
	}
	for _, m := range inc.Members {
		if op := find(m.Tok0, m.Tok1); op != nil {
			return op
		}
	}
	for _, m := range inc.Members {
		s := t.Sents[m.Sent]
		if op := find(s.Tok0, s.Tok1); op != nil {
			return op
		}
	}
	return nil
}
