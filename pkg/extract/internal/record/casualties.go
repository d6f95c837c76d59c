package record

import (
	"github.com/rasd-monitor/rasd/pkg/extract/internal/article"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// casualties combines the figures of an incident. Within one report, a
// total whose breakdown adds up is written as its parts (with their
// groups), otherwise as the total alone, and figures of one kind add up
// (16 طفلا وأربع نساء). Between reports, those of one kind and the same
// sides tell one toll again or update it: the highest total stands, with
// its own breakdown; figures of different sides never replace each other,
// and people told as more (5 آخرين، وقتل أيضا) add up.
func (w *writer) casualties(inc *article.Incident, actors []model.Actor) []model.Casualty {
	type report struct {
		kind   model.CasualtyKind
		figs   []find.Casualty
		total  int
		groups map[string]bool
	}
	var reports []*report
	var also []find.Casualty
	for _, m := range inc.Members {
		byKind := map[model.CasualtyKind]*report{}
		for _, c := range parts(m.Casualties) {
			if c.Also {
				also = append(also, c)
				continue
			}
			r := byKind[c.Kind]
			if r == nil {
				r = &report{kind: c.Kind, groups: map[string]bool{}}
				byKind[c.Kind] = r
				reports = append(reports, r)
			}
			g := w.group(c, actors)
			if r.groups[g] && restated(r.figs, c) {
				continue // the same figure of the same side, said again
			}
			r.figs = append(r.figs, c)
			r.total += c.Fig.Count
			r.groups[g] = true
		}
	}
	var kept []*report
	for _, r := range reports {
		merged := false
		for i, k := range kept {
			if k.kind == r.kind && sameSides(k.groups, r.groups) {
				if r.total > k.total {
					kept[i] = r
				}
				merged = true
				break
			}
		}
		if !merged {
			kept = append(kept, r)
		}
	}
	var out []model.Casualty
	add := func(c find.Casualty) {
		t := w.l.Text
		mc := model.Casualty{Kind: c.Kind, Count: c.Fig.Count, Min: c.Fig.Min, Max: c.Fig.Max,
			Exact: c.Fig.Exact, Group: w.group(c, actors)}
		s, e := t.Span(c.Tok0, c.Tok1, 0)
		mc.Text, mc.Span = t.Slice(s, e), model.Span{s, e}
		out = append(out, mc)
	}
	for _, r := range kept {
		for _, c := range r.figs {
			add(c)
		}
	}
	for _, c := range also {
		repeated := false
		for _, r := range kept {
			repeated = repeated || r.kind == c.Kind && r.total == c.Fig.Count
		}
		if !repeated {
			add(c)
		}
	}
	return out
}

func restated(figs []find.Casualty, c find.Casualty) bool {
	for _, f := range figs {
		if f.Fig.Count == c.Fig.Count {
			return true
		}
	}
	return false
}

// parts writes a total whose breakdown adds up as its parts: 11 جنديا
// بينهم ضابط stays 11, 41 منهم 20 و16 و5 becomes 20, 16 and 5.
func parts(all []find.Casualty) []find.Casualty {
	var out []find.Casualty
	for i := 0; i < len(all); i++ {
		c := all[i]
		if c.PartOf {
			continue
		}
		j := i + 1
		sum := 0
		for j < len(all) && all[j].PartOf && all[j].Kind == c.Kind {
			sum += all[j].Fig.Count
			j++
		}
		if j > i+1 && sum == c.Fig.Count {
			out = append(out, all[i+1:j]...)
		} else {
			out = append(out, c)
		}
		i = j - 1
	}
	return out
}

// sameSides reports two reports of one toll: the same sides, or one that
// names none.
func sameSides(a, b map[string]bool) bool {
	if a[""] && len(a) == 1 || b[""] && len(b) == 1 {
		return true
	}
	if len(a) != len(b) {
		return false
	}
	for g := range a {
		if !b[g] {
			return false
		}
	}
	return true
}

// group names who the counted people were.
func (w *writer) group(c find.Casualty, actors []model.Actor) string {
	l := w.l
	if c.Group != nil {
		name, _, _ := l.Resolve(c.Group)
		return name
	}
	firstTarget := func(types ...model.ActorType) string {
		for _, a := range actors {
			if a.Role != model.Target {
				continue
			}
			for _, t := range types {
				if a.Type == t {
					return a.Name
				}
			}
		}
		return ""
	}
	switch c.Category {
	case "civilians":
		return "civilians"
	case "forces":
		if g := firstTarget(model.StateForces, model.ExternalForces); g != "" {
			return g
		}
		return "security forces"
	case "militants":
		if l.ArmedGroup != nil {
			return l.ArmedGroup.Name
		}
		return "militants"
	case "prisoners", "protesters":
		return c.Category
	}
	if c.Kind == model.Arrested {
		return firstTarget(model.RebelGroup)
	}
	return ""
}
