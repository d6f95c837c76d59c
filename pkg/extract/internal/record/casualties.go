package record

import (
	"github.com/rasd-monitor/rasd/pkg/extract/internal/article"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// casualties combines the figures of an incident: a total whose breakdown
// adds up is written as its parts (with their groups), otherwise as the
// total alone; a figure repeated by another report counts once; for one
// kind and side the highest toll stands (a later report updates it);
// figures of different sides never replace each other; people told as
// more (5 آخرين، وقتل أيضا) add up.
func (w *writer) casualties(inc *article.Incident, actors []model.Actor) []model.Casualty {
	t := w.l.Text
	type sourced struct {
		c      find.Casualty
		member int
	}
	var all []sourced
	for i, m := range inc.Members {
		for _, c := range m.Casualties {
			all = append(all, sourced{c, i})
		}
	}
	// Totals and their parts.
	var figs []sourced
	for i := 0; i < len(all); i++ {
		c := all[i].c
		if c.PartOf {
			continue
		}
		j := i + 1
		sum := 0
		for j < len(all) && all[j].c.PartOf && all[j].c.Kind == c.Kind {
			sum += all[j].c.Fig.Count
			j++
		}
		if j > i+1 && sum == c.Fig.Count {
			figs = append(figs, all[i+1:j]...)
		} else {
			figs = append(figs, all[i])
		}
		i = j - 1
	}
	var out []model.Casualty
	var from []int // the member each record came from
	for _, f := range figs {
		c := f.c
		mc := model.Casualty{Kind: c.Kind, Count: c.Fig.Count, Min: c.Fig.Min, Max: c.Fig.Max,
			Exact: c.Fig.Exact, Group: w.group(c, actors)}
		s, e := t.Span(c.Tok0, c.Tok1, 0)
		mc.Text, mc.Span = t.Slice(s, e), model.Span{s, e}
		merged := false
		for i := range out {
			o := &out[i]
			if o.Kind != mc.Kind {
				continue
			}
			if c.Also && o.Count != mc.Count {
				continue // more people, not the same ones told again
			}
			// Figures of one report add up (16 طفلا و4 نساء) unless one
			// repeats the other; another report repeats or updates them,
			// and the highest toll stands. A figure of one side never
			// stands for another's.
			if from[i] == f.member && (o.Count != mc.Count || o.Group != mc.Group) {
				continue
			}
			if o.Group != mc.Group && o.Group != "" && mc.Group != "" {
				continue
			}
			if mc.Count > o.Count {
				*o = mc
				from[i] = f.member
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, mc)
			from = append(from, f.member)
		}
	}
	return out
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
