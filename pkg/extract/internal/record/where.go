package record

import (
	"sort"

	"github.com/rasd-monitor/rasd/pkg/extract/internal/article"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/mention"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// featureRank orders places from most to least specific.
func featureRank(p *gazetteer.Place) int {
	if p == nil {
		return 9 // a name the gazetteer lacks: kept, after the known places
	}
	switch p.Feature {
	case "site":
		return 0
	case "village":
		return 1
	case "town":
		return 2
	case "city":
		return 3
	case "subdistrict":
		return 4
	case "district":
		return 5
	case "region":
		return 6 // a valley, a desert, a countryside: within a governorate or across
	case "governorate":
		return 7
	}
	return 8 // country
}

// locations lists every place where the incident happened, most specific
// first, then the reference points; a country is kept only when nothing
// finer is known.
func (w *writer) locations(inc *article.Incident) []model.Location {
	var ps []mention.Place
	seen := map[string]bool{}
	for _, m := range inc.Members {
		for _, p := range m.Places {
			key := p.Text
			if p.Place != nil {
				key = p.Place.ID
			}
			if !seen[key] {
				seen[key] = true
				ps = append(ps, p)
			}
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Ref != ps[j].Ref {
			return !ps[i].Ref
		}
		return featureRank(ps[i].Place) < featureRank(ps[j].Place)
	})
	var out []model.Location
	for _, p := range ps {
		if p.Place != nil && p.Place.Feature == "country" && len(out) > 0 {
			continue
		}
		l := model.Location{Text: p.Text, Span: p.Span, Relation: p.Relation, Precision: p.Precision}
		if l.Relation == "" {
			l.Relation = model.In
		}
		if l.Precision == 0 {
			l.Precision = 1
		}
		if p.Place != nil {
			l.Place = p.Place.Model()
		}
		out = append(out, l)
	}
	return out
}

// contextLocations are the places the article model read from the
// article for an incident that names none.
func (w *writer) contextLocations(inc *article.Incident) []model.Location {
	var out []model.Location
	for _, p := range inc.Context {
		l := model.Location{Text: p.Text, Span: p.Span, Relation: p.Relation, Precision: p.Precision, Place: p.Place.Model()}
		if l.Relation == "" {
			l.Relation = model.In
		}
		if l.Precision == 0 {
			l.Precision = 1
		}
		out = append(out, l)
	}
	return out
}

// outOfArea reports an incident whose places all lie outside Iraq and
// Syria.
func outOfArea(inc *article.Incident) bool {
	abroad := false
	for _, m := range inc.Members {
		for _, p := range m.Places {
			if p.Ref {
				continue
			}
			country := p.Foreign
			if p.Place != nil {
				country = p.Place.Country
			}
			if country == "" || inArea(country) {
				return false
			}
			abroad = true
		}
	}
	return abroad
}
