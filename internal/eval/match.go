package eval

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// anchorSpans returns every occurrence of anchor in text as code-point
// spans of the raw text (overlapping occurrences included).
func anchorSpans(text, anchor string) []model.Span {
	if anchor == "" {
		return nil
	}
	var out []model.Span
	n := utf8.RuneCountInString(anchor)
	runeAt, byteAt := 0, 0
	for {
		i := strings.Index(text[byteAt:], anchor)
		if i < 0 {
			return out
		}
		runeAt += utf8.RuneCountInString(text[byteAt : byteAt+i])
		byteAt += i
		out = append(out, model.Span{runeAt, runeAt + n})
		// Step one code point so overlapping occurrences are found too.
		_, size := utf8.DecodeRuneInString(text[byteAt:])
		byteAt += size
		runeAt++
	}
}

// link is one possible match of a prediction with a gold event.
type link struct {
	pred, gold int
	// contains: the evidence text holds the anchor verbatim.
	contains bool
	// overlap: the most code points the evidence span shares with one
	// occurrence of the anchor.
	overlap int
}

// stronger orders links best first: evidence containing the anchor, then
// larger overlap, then earlier prediction, then earlier gold event.
func (a link) stronger(b link) bool {
	if a.contains != b.contains {
		return a.contains
	}
	if a.overlap != b.overlap {
		return a.overlap > b.overlap
	}
	if a.pred != b.pred {
		return a.pred < b.pred
	}
	return a.gold < b.gold
}

// findLinks returns every (prediction, gold) pair that matches, best first.
// A prediction is told by its evidence (the lead) and its mentions (every
// sentence merged into it): a gold anchor in any of them matches.
func findLinks(preds []model.Event, golds []Gold, occ [][]model.Span) []link {
	var links []link
	for p := range preds {
		told := append([]model.Evidence{preds[p].Evidence}, preds[p].Mentions...)
		for g := range golds {
			l := link{pred: p, gold: g}
			for _, ev := range told {
				l.contains = l.contains || strings.Contains(ev.Text, golds[g].Anchor)
				for _, s := range occ[g] {
					if o := min(ev.Span[1], s[1]) - max(ev.Span[0], s[0]); o > l.overlap {
						l.overlap = o
					}
				}
			}
			if l.contains || l.overlap > 0 {
				links = append(links, l)
			}
		}
	}
	sort.Slice(links, func(i, j int) bool { return links[i].stronger(links[j]) })
	return links
}

// assignment pairs predictions with gold events of one document.
type assignment struct {
	predGold []int  // gold index per prediction, -1 when none
	goldPred []int  // prediction index per gold event, -1 when none
	goldLink []link // the link that made each gold match
}

// assign matches predictions to gold events. Required gold events come
// first and get a maximum matching, so that no prediction is left a
// duplicate while it could fill a missed event (one prediction whose long
// evidence covers two anchors must not starve a second prediction that
// only matches one of them). Within that, it prefers the strongest links
// (see link.stronger), greedily, and only reroutes to gain a match.
// Optional gold events then take what is left, the same way.
func assign(links []link, golds []Gold, npred int) assignment {
	a := assignment{predGold: make([]int, npred), goldPred: make([]int, len(golds)), goldLink: make([]link, len(golds))}
	for i := range a.predGold {
		a.predGold[i] = -1
	}
	for i := range a.goldPred {
		a.goldPred[i] = -1
	}
	for _, optional := range []bool{false, true} {
		inSet := func(g int) bool { return g >= 0 && golds[g].Optional == optional }
		adj := make([][]link, len(golds)) // links stay best first
		for _, l := range links {
			if inSet(l.gold) && a.predGold[l.pred] == -1 {
				adj[l.gold] = append(adj[l.gold], l)
			}
		}
		take := func(l link) {
			a.predGold[l.pred], a.goldPred[l.gold], a.goldLink[l.gold] = l.gold, l.pred, l
		}
		for _, l := range links {
			if inSet(l.gold) && a.goldPred[l.gold] == -1 && a.predGold[l.pred] == -1 {
				take(l)
			}
		}
		// Kuhn's augmenting paths: after this no unmatched gold event of
		// the set can gain a prediction without another losing one.
		var seen []bool
		var augment func(g int) bool
		augment = func(g int) bool {
			for _, l := range adj[g] {
				if seen[l.pred] {
					continue
				}
				seen[l.pred] = true
				if cur := a.predGold[l.pred]; cur == -1 || (inSet(cur) && augment(cur)) {
					take(l)
					return true
				}
			}
			return false
		}
		for g := range golds {
			if inSet(g) && a.goldPred[g] == -1 {
				seen = make([]bool, npred)
				augment(g)
			}
		}
	}
	return a
}
