package eval

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// Input is everything one scoring run needs.
type Input struct {
	Gold []Gold
	// Docs holds the documents by id; anchors are located in their raw
	// text and a document's Published decides whether dates are scored.
	Docs map[string]model.Document
	// Preds are the predicted events, in output order.
	Preds []model.Event
}

// Slot names, in report order. Country is not among them: the README's
// scoring list leaves it out, so it is reported apart (CountrySlot) and
// kept out of overall.
const (
	SlotType        = "type"
	SlotDate        = "date"
	SlotAdmin1      = "admin1"
	SlotPlace       = "place"
	SlotKilled      = "killed"
	SlotWounded     = "wounded"
	SlotArrested    = "arrested"
	SlotKidnapped   = "kidnapped"
	SlotPerpetrator = "perpetrator"
	SlotOperation   = "operation"
	SlotFlags       = "flags"
	CountrySlot     = "country"
)

// Slots returns the scored slots in report order.
func Slots() []string {
	return []string{SlotType, SlotDate, SlotAdmin1, SlotPlace, SlotKilled, SlotWounded,
		SlotArrested, SlotKidnapped, SlotPerpetrator, SlotOperation, SlotFlags}
}

// Score matches preds to gold and scores them (gold/README.md "Scoring").
// It never fails: gaps in the input (a gold document missing from Docs, an
// anchor not found in its text) become Report.Warnings, and scoring goes on
// with what can be matched.
func Score(in Input) *Report {
	r := &Report{Slots: map[string]*SlotScore{}, Country: &SlotScore{}}
	for _, s := range Slots() {
		r.Slots[s] = &SlotScore{}
	}

	// Gold by document, documents in order of first appearance.
	var order []string
	byDoc := map[string][]Gold{}
	none := map[string]bool{}
	for _, g := range in.Gold {
		if _, ok := byDoc[g.DocID]; !ok {
			order = append(order, g.DocID)
			byDoc[g.DocID] = nil
		}
		if g.None {
			none[g.DocID] = true
			continue
		}
		byDoc[g.DocID] = append(byDoc[g.DocID], g)
	}
	predsByDoc := map[string][]model.Event{}
	for _, p := range in.Preds {
		if _, ok := byDoc[p.DocID]; !ok {
			r.Ignored++
			continue
		}
		predsByDoc[p.DocID] = append(predsByDoc[p.DocID], p)
	}

	for _, id := range order {
		doc, ok := in.Docs[id]
		if !ok {
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s: gold names this document but it is not among the documents read; anchors cannot be located, only evidence containing an anchor can match", id))
		}
		dr := scoreDoc(r, doc, id, none[id], byDoc[id], predsByDoc[id])
		r.Docs = append(r.Docs, dr)
	}
	r.Documents = len(order)

	e := &r.Events
	e.Precision = ratio(e.Matched, e.Matched+e.Duplicates+e.Unmatched)
	e.Recall = ratio(e.Matched, e.Required)
	if e.Precision+e.Recall > 0 {
		e.F1 = 2 * e.Precision * e.Recall / (e.Precision + e.Recall)
	}
	for _, s := range r.Slots {
		s.finish()
		r.Overall.Correct += s.Correct
		r.Overall.GoldSlots += s.Total
	}
	r.Country.finish()
	r.Overall.Spurious = e.Duplicates + e.Unmatched
	r.Overall.Ratio = ratio(r.Overall.Correct, r.Overall.GoldSlots+r.Overall.Spurious)
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func scoreDoc(r *Report, doc model.Document, id string, isNone bool, golds []Gold, preds []model.Event) DocResult {
	dr := DocResult{DocID: id, Published: doc.Published, None: isNone}
	occ := make([][]model.Span, len(golds))
	runes := []rune(doc.Text)
	for g := range golds {
		occ[g] = anchorSpans(doc.Text, golds[g].Anchor)
		if len(occ[g]) == 0 && doc.Text != "" {
			r.Warnings = append(r.Warnings, fmt.Sprintf("%s: anchor of gold line %d %q not found in the text", id, golds[g].Line, golds[g].Anchor))
		}
	}
	if doc.Text != "" {
		checkEvidence(r, id, runes, preds)
	}
	links := findLinks(preds, golds, occ)
	a := assign(links, golds, len(preds))
	r.Events.Predicted += len(preds)

	for g, gold := range golds {
		gr := GoldResult{N: g + 1, Line: gold.Line, Anchor: gold.Anchor, Optional: gold.Optional, At: occ[g]}
		if len(occ[g]) > 0 {
			gr.Context = contextOf(runes, occ[g][0], contextWidth)
		}
		var pred *model.Event
		if p := a.goldPred[g]; p >= 0 {
			pred = &preds[p]
			ref := predRef(preds[p], g)
			gr.Pred = &ref
			gr.Contains, gr.Overlap = a.goldLink[g].contains, a.goldLink[g].overlap
		}
		if gold.Optional {
			if pred != nil {
				r.Events.OnOptional++
			}
			r.Optional++
			dr.Gold = append(dr.Gold, gr)
			continue
		}
		r.Required++
		r.Events.Required++
		if pred != nil {
			r.Events.Matched++
		}
		gr.Slots = scoreSlots(gold, pred, doc.Published != "")
		for _, s := range gr.Slots {
			ss := r.Slots[s.Slot]
			if s.Slot == CountrySlot {
				ss = r.Country
			}
			ss.Total++
			if pred != nil {
				ss.MatchedTotal++
			}
			if s.OK {
				ss.Correct++
			}
		}
		dr.Gold = append(dr.Gold, gr)
	}

	// What is left over: a duplicate when it matches a required event
	// (already taken, or it would have been assigned), neutral when it
	// matches only optional ones, else a false positive.
	for p := range preds {
		if a.predGold[p] >= 0 {
			continue
		}
		dup, opt := -1, -1
		for _, l := range links { // best first
			if l.pred != p {
				continue
			}
			if !golds[l.gold].Optional && dup < 0 {
				dup = l.gold
			}
			if golds[l.gold].Optional && opt < 0 {
				opt = l.gold
			}
		}
		switch {
		case dup >= 0:
			r.Events.Duplicates++
			dr.Duplicates = append(dr.Duplicates, predRef(preds[p], dup))
		case opt >= 0:
			r.Events.OnOptional++
			dr.OnOptional = append(dr.OnOptional, predRef(preds[p], opt))
		default:
			r.Events.Unmatched++
			dr.Unmatched = append(dr.Unmatched, predRef(preds[p], -1))
		}
	}
	return dr
}

// checkEvidence warns about predictions whose evidence span does not hold
// their evidence text (SPEC "Offsets"): matching by overlap trusts the span.
func checkEvidence(r *Report, id string, runes []rune, preds []model.Event) {
	bad, first := 0, ""
	for _, p := range preds {
		s := p.Evidence.Span
		if s[0] < 0 || s[0] > s[1] || s[1] > len(runes) || string(runes[s[0]:s[1]]) != p.Evidence.Text {
			if bad == 0 {
				first = fmt.Sprintf("%s at %v", p.ID, s)
			}
			bad++
		}
	}
	if bad > 0 {
		r.Warnings = append(r.Warnings, fmt.Sprintf("%s: %d predictions have an evidence span that does not hold their evidence text (first: %s); matching by overlap trusts the span", id, bad, first))
	}
}

// contextWidth is how many code points of text either side of an anchor
// the details show: enough to see the clause the event was read from.
const contextWidth = 80

// contextOf returns the text around span s within its line, with "…"
// where it was cut.
func contextOf(runes []rune, s model.Span, width int) string {
	start, end := s[0], s[1]
	for start > 0 && s[0]-start < width && runes[start-1] != '\n' {
		start--
	}
	for end < len(runes) && end-s[1] < width && runes[end] != '\n' {
		end++
	}
	out := string(runes[start:end])
	if start > 0 && runes[start-1] != '\n' {
		out = "…" + out
	}
	if end < len(runes) && runes[end] != '\n' {
		out += "…"
	}
	return out
}

func predRef(p model.Event, gold int) PredRef {
	return PredRef{ID: p.ID, Type: p.Type, Evidence: p.Evidence.Text, Span: p.Evidence.Span, Gold: gold + 1}
}

// scoreSlots scores the slots gold specifies; pred is nil for a missed
// event, whose slots all count as wrong. Dates are scored only when gold
// gives one and the document has a publication date (without one, relative
// dates cannot be resolved, README).
func scoreSlots(g Gold, p *model.Event, published bool) []SlotResult {
	var out []SlotResult
	add := func(slot string, want string, ok func() (bool, string)) {
		s := SlotResult{Slot: slot, Want: want}
		if p != nil {
			s.OK, s.Got = ok()
		}
		out = append(out, s)
	}
	add(SlotType, joinTypes(g.Type), func() (bool, string) {
		return slices.Contains(g.Type, p.Type), string(p.Type)
	})
	if g.Date != nil && published {
		add(SlotDate, g.Date.Start+" "+string(g.Date.Precision), func() (bool, string) {
			got := p.Date.Start + " " + string(p.Date.Precision)
			if p.Date.Start == "" {
				got = "(none) " + string(p.Date.Precision)
			}
			return p.Date.Start == g.Date.Start && p.Date.Precision == g.Date.Precision, got
		})
	}
	if len(g.Admin1) > 0 {
		add(SlotAdmin1, strings.Join(g.Admin1, " | "), func() (bool, string) {
			return admin1OK(newNameSet(g.Admin1), p.Locations), gotAdmin1(p.Locations)
		})
	}
	if len(g.Place) > 0 {
		add(SlotPlace, strings.Join(g.Place, " | "), func() (bool, string) {
			return placeOK(newNameSet(g.Place), p.Locations), gotPlaces(p.Locations)
		})
	}
	for _, c := range []struct {
		slot string
		kind model.CasualtyKind
		want *int
	}{
		{SlotKilled, model.Killed, g.Killed},
		{SlotWounded, model.Wounded, g.Wounded},
		{SlotArrested, model.Arrested, g.Arrested},
		{SlotKidnapped, model.Kidnapped, g.Kidnapped},
	} {
		if c.want == nil {
			continue
		}
		add(c.slot, strconv.Itoa(*c.want), func() (bool, string) {
			return casualtiesOK(*c.want, c.kind, p.Casualties)
		})
	}
	if len(g.Perpetrator) > 0 {
		add(SlotPerpetrator, strings.Join(g.Perpetrator, " | "), func() (bool, string) {
			return perpetratorOK(newNameSet(g.Perpetrator), p.Actors)
		})
	}
	if g.Operation != "" {
		add(SlotOperation, g.Operation, func() (bool, string) {
			if p.Operation == nil {
				return false, "(none)"
			}
			set := newNameSet([]string{g.Operation})
			return set.has(p.Operation.Name) || set.has(p.Operation.Text), p.Operation.Name + " «" + p.Operation.Text + "»"
		})
	}
	if len(g.Flags) > 0 {
		add(SlotFlags, joinFlags(g.Flags), func() (bool, string) {
			for _, f := range g.Flags {
				if !p.HasFlag(f) {
					return false, joinFlags(p.Flags)
				}
			}
			return true, joinFlags(p.Flags)
		})
	}
	if g.Country != "" {
		add(CountrySlot, g.Country, func() (bool, string) {
			var got []string
			for _, l := range p.Locations {
				if l.Place != nil && !slices.Contains(got, l.Place.Country) {
					got = append(got, l.Place.Country)
				}
			}
			return slices.Contains(got, g.Country), orNone(strings.Join(got, " "))
		})
	}
	return out
}

// admin1OK: any location's admin1 is accepted. A governorate's own entry
// counts too, since its name is the admin1 even where the gazetteer leaves
// the admin1 field empty.
func admin1OK(set nameSet, locs []model.Location) bool {
	for _, l := range locs {
		if l.Place == nil {
			continue
		}
		if set.has(l.Place.Admin1) {
			return true
		}
		if l.Place.Feature == "governorate" && (set.has(l.Place.Name) || set.has(l.Place.NameAr)) {
			return true
		}
	}
	return false
}

// placeOK: any location's resolved place name (English or Arabic) is
// accepted. The location's text is not: the slot measures whether the
// place was resolved, and an unresolved mention (place null) is not.
func placeOK(set nameSet, locs []model.Location) bool {
	for _, l := range locs {
		if l.Place != nil && (set.has(l.Place.Name) || set.has(l.Place.NameAr)) {
			return true
		}
	}
	return false
}

// casualtiesOK: the sum over the kind, or any one stated figure, equals
// the gold total.
func casualtiesOK(want int, kind model.CasualtyKind, cs []model.Casualty) (bool, string) {
	sum, ok := 0, false
	var figs []string
	for _, c := range cs {
		if c.Kind != kind {
			continue
		}
		sum += c.Count
		figs = append(figs, strconv.Itoa(c.Count))
		ok = ok || c.Count == want
	}
	if len(figs) == 0 {
		return false, "(none)"
	}
	got := figs[0]
	if len(figs) > 1 {
		got = fmt.Sprintf("%s (sum %d)", strings.Join(figs, "+"), sum)
	}
	return ok || sum == want, got
}

// perpetratorOK: an actor with role perpetrator whose canonical name or
// text is accepted (gold lists Arabic surface forms too).
func perpetratorOK(set nameSet, actors []model.Actor) (bool, string) {
	var got []string
	ok := false
	for _, a := range actors {
		if a.Role != model.Perpetrator {
			continue
		}
		got = append(got, a.Name+" «"+a.Text+"»")
		ok = ok || set.has(a.Name) || set.has(a.Text)
	}
	if len(got) == 0 {
		var others []string
		for _, a := range actors {
			others = append(others, a.Name+" ("+string(a.Role)+")")
		}
		if len(others) > 0 {
			return false, "no perpetrator; actors: " + strings.Join(others, ", ")
		}
		return false, "(none)"
	}
	return ok, strings.Join(got, ", ")
}

func gotAdmin1(locs []model.Location) string {
	var got []string
	for _, l := range locs {
		if l.Place != nil && l.Place.Admin1 != "" && !slices.Contains(got, l.Place.Admin1) {
			got = append(got, l.Place.Admin1)
		}
	}
	return orNone(strings.Join(got, ", "))
}

func gotPlaces(locs []model.Location) string {
	var got []string
	for _, l := range locs {
		if l.Place == nil {
			got = append(got, "«"+l.Text+"» (unresolved)")
			continue
		}
		name := l.Place.Name
		if l.Place.NameAr != "" {
			name += " / " + l.Place.NameAr
		}
		got = append(got, name)
	}
	return orNone(strings.Join(got, ", "))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func joinTypes(ts []model.EventType) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, " | ")
}

func joinFlags(fs []model.Flag) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = string(f)
	}
	return orNone(strings.Join(s, " "))
}
