package find

import (
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// Date is a temporal expression (pkg/timex) as the pipeline reads it.
type Date struct {
	timex.Expr
	// Background: a reference point, not an incident's date: a date
	// further on in a clause that opens with منذ (منذ القضاء على داعش في
	// 2019), or منذ with a coarse date (منذ 2015، منذ نحو 3 أعوام).
	Background bool
}

// datesOf marks the background dates among the tagger's expressions.
func datesOf(exprs []timex.Expr, t *segment.Text, l *Layers) []Date {
	out := make([]Date, 0, len(exprs))
	for _, e := range exprs {
		d := Date{Expr: e}
		if ci := t.ClauseOf(e.Tok0); ci >= 0 {
			if s, ok := l.Cue(Since, t.Clauses[ci].Tok0, e.Tok0); ok {
				// منذ مساء الخميس dates what follows it.
				d.Background = s.Tok1 != e.Tok0
			}
		}
		if e.Since && e.Grain != model.PrecisionDay && e.Grain != model.PrecisionWeek {
			d.Background = true
		}
		out = append(out, d)
	}
	return out
}
