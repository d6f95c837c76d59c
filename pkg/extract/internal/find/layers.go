package find

import (
	"sort"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
)

// within returns the items whose first token lies in [a, b), for items
// sorted by first token. Every "what does this clause hold" question goes
// through it, so a document's cost grows with its length, not with the
// square of its number of incidents.
func within[T any](items []T, start func(*T) int, a, b int) []T {
	lo := sort.Search(len(items), func(i int) bool { return start(&items[i]) >= a })
	hi := lo + sort.Search(len(items)-lo, func(i int) bool { return start(&items[lo+i]) >= b })
	return items[lo:hi]
}

// PlacesIn returns the place mentions starting in tokens [a, b).
func (l *Layers) PlacesIn(a, b int) []gazetteer.Mention {
	return within(l.Places, func(p *gazetteer.Mention) int { return p.Tok0 }, a, b)
}

// CasualtiesIn returns the casualty figures starting in tokens [a, b).
func (l *Layers) CasualtiesIn(a, b int) []Casualty {
	return within(l.Casualties, func(c *Casualty) int { return c.Tok0 }, a, b)
}

// FiguresIn returns the number phrases starting in tokens [a, b).
func (l *Layers) FiguresIn(a, b int) []Figure {
	return within(l.Figures, func(f *Figure) int { return f.Tok0 }, a, b)
}

// DatesIn returns the dates starting in tokens [a, b).
func (l *Layers) DatesIn(a, b int) []Date {
	return within(l.Dates, func(d *Date) int { return d.Tok0 }, a, b)
}

// ActorsIn returns the actors starting in tokens [a, b).
func (l *Layers) ActorsIn(a, b int) []Actor {
	return within(l.Actors, func(h *Actor) int { return h.Tok0 }, a, b)
}

// TriggersIn returns the triggers starting in tokens [a, b).
func (l *Layers) TriggersIn(a, b int) []Trigger {
	return within(l.Triggers, func(h *Trigger) int { return h.Tok0 }, a, b)
}

// SourcesIn returns the sources starting in tokens [a, b).
func (l *Layers) SourcesIn(a, b int) []Source {
	return within(l.Sources, func(h *Source) int { return h.Tok0 }, a, b)
}

// OperationsIn returns the operation names starting in tokens [a, b).
func (l *Layers) OperationsIn(a, b int) []Operation {
	return within(l.Operations, func(h *Operation) int { return h.Tok0 }, a, b)
}

// PersonsIn returns the named fighters starting in tokens [a, b).
func (l *Layers) PersonsIn(a, b int) []Person {
	return within(l.Persons, func(h *Person) int { return h.Tok0 }, a, b)
}

// CuesIn returns the cue phrases starting in tokens [a, b). It is asked
// far more than the other layers (every Has, Cue, CueBefore), so it
// searches without within's indirect calls.
func (l *Layers) CuesIn(a, b int) []Cue {
	cs := l.Cues
	lo := cueSearch(cs, a)
	return cs[lo : lo+cueSearch(cs[lo:], b)]
}

// cueSearch returns the first index of cs whose Tok0 is at least a.
func cueSearch(cs []Cue, a int) int {
	lo, hi := 0, len(cs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cs[m].Tok0 < a {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Cue returns the first phrase of section sec starting in tokens [a, b).
func (l *Layers) Cue(sec Section, a, b int) (Cue, bool) {
	for _, c := range l.CuesIn(a, b) {
		if c.Sec == sec {
			return c, true
		}
	}
	return Cue{}, false
}

// Has reports a phrase of section sec starting in tokens [a, b).
func (l *Layers) Has(sec Section, a, b int) bool {
	_, ok := l.Cue(sec, a, b)
	return ok
}

// maxCueReach is how far before a token a cue that ends at it may start.
const maxCueReach = 4

// CueBefore finds a phrase of section sec that ends right before token at
// (a lone و may stand between), starting no earlier than floor.
func (l *Layers) CueBefore(sec Section, at, floor int) (Cue, bool) {
	tx := l.Text.Text
	best, found := Cue{}, false
	for _, c := range l.CuesIn(max(floor, at-maxCueReach), at) {
		if c.Sec != sec {
			continue
		}
		if c.Tok1 == at || (c.Tok1 == at-1 && arabic.IsConjunction(tx.Word(at-1))) {
			// The nearest start wins, as a reader takes the closest word.
			best, found = c, true
		}
	}
	return best, found
}

// OpensWith reports whether tokens [a, b) open with a phrase of sec, after
// a leading conjunction or punctuation mark.
func (l *Layers) OpensWith(sec Section, a, b int) bool {
	tx := l.Text.Text
	toks := tx.Tokens
	for i := a; i < b && i < a+2; i++ {
		if l.Has(sec, i, i+1) {
			return true
		}
		if toks[i].Kind != arabic.Punct && !arabic.IsConjunction(tx.Word(i)) {
			return false
		}
	}
	return false
}
