package record

import (
	"github.com/rasd-monitor/rasd/pkg/extract/internal/article"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/mention"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// maxSingleToll is the largest killed figure one incident is taken to
// have: the deadliest single attacks in Iraq and Syria killed well under
// 2,000, so a larger figure is the toll of a war, a year or a campaign.
const maxSingleToll = 5000

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
	if w.published != "" {
		return model.Date{Start: w.published, End: w.published, Precision: model.PrecisionDay, Basis: model.BasisPublication}
	}
	return model.Date{Precision: model.PrecisionUnknown, Basis: model.BasisNone}
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
		if l.Has(find.Aggregate, s.Tok0, s.Tok1) {
			aggregate = true
		}
		for _, c := range m.Casualties {
			cl := t.Clauses[t.ClauseOf(c.Tok0)]
			// A toll counted since a date or over a period (بلغ أكثر من ألف
			// قتيل منذ 18 شباط), or a war's (حربا أودت بحياة نحو نصف مليون).
			for _, d := range l.DatesIn(cl.Tok0, cl.Tok1) {
				if d.Since || d.During {
					aggregate = true
				}
			}
			if l.Has(find.War, cl.Tok0, cl.Tok1) || l.Has(find.Summary, cl.Tok0, cl.Tok1) {
				aggregate = true
			}
		}
	}
	for _, c := range ev.Casualties {
		if c.Kind == model.Killed && c.Count > maxSingleToll {
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
