package extract

import (
	"sort"

	"github.com/rasd-monitor/rasd/pkg/gazetteer"
)

// within returns the items whose first token lies in [a, b), for items
// sorted by first token. Every lookup of what a clause or a mention holds
// goes through it, so a document's cost grows with its length, not with
// the square of its number of incidents.
func within[T any](items []T, start func(*T) int, a, b int) []T {
	lo := sort.Search(len(items), func(i int) bool { return start(&items[i]) >= a })
	hi := lo + sort.Search(len(items)-lo, func(i int) bool { return start(&items[lo+i]) >= b })
	return items[lo:hi]
}

func (d *docState) placesIn(a, b int) []gazetteer.Mention {
	return within(d.places, func(p *gazetteer.Mention) int { return p.Tok0 }, a, b)
}

func (d *docState) casIn(a, b int) []casualty {
	return within(d.cas, func(c *casualty) int { return c.tok0 }, a, b)
}

func (d *docState) datesIn(a, b int) []dateHit {
	return within(d.dates, func(h *dateHit) int { return h.Tok0 }, a, b)
}

func (d *docState) actorsIn(a, b int) []actorHit {
	return within(d.actors, func(h *actorHit) int { return h.tok0 }, a, b)
}

func (d *docState) trigIn(a, b int) []trigHit {
	return within(d.trig, func(h *trigHit) int { return h.tok0 }, a, b)
}

func (d *docState) sourcesIn(a, b int) []sourceHit {
	return within(d.sources, func(h *sourceHit) int { return h.tok0 }, a, b)
}

func (d *docState) opsIn(a, b int) []opHit {
	return within(d.ops, func(h *opHit) int { return h.tok0 }, a, b)
}

func (d *docState) personsIn(a, b int) []personHit {
	return within(d.persons, func(h *personHit) int { return h.tok0 }, a, b)
}
