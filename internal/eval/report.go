package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// Report is the outcome of one scoring run. Its JSON form is what
// `extract eval --json` prints.
type Report struct {
	// Documents the gold file names (the scored documents).
	Documents int `json:"documents"`
	// Required and Optional count the gold events.
	Required int `json:"required_gold"`
	Optional int `json:"optional_gold"`
	// Ignored counts predictions for documents the gold does not name.
	Ignored int    `json:"ignored_predictions"`
	Events  Events `json:"events"`
	// Slots by name (see Slots for the order).
	Slots   map[string]*SlotScore `json:"slots"`
	Overall Overall               `json:"overall"`
	// Country is reported for information only: not a README slot, not
	// in overall.
	Country  *SlotScore  `json:"country_unscored"`
	Warnings []string    `json:"warnings,omitempty"`
	Docs     []DocResult `json:"docs,omitempty"`
}

// Events is event-level precision and recall.
type Events struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Matched required gold events, of Required.
	Matched  int `json:"matched"`
	Required int `json:"required"`
	// Predicted counts all predictions in scored documents.
	Predicted int `json:"predicted"`
	// OnOptional predictions matched only optional gold: neither hits nor
	// false positives.
	OnOptional int `json:"on_optional"`
	// Duplicates matched an already matched required event.
	Duplicates int `json:"duplicates"`
	// Unmatched predictions matched no gold event.
	Unmatched int `json:"unmatched"`
}

// SlotScore is one slot over the required gold events that specify it.
type SlotScore struct {
	Correct int `json:"correct"`
	// Total counts required gold events specifying the slot, missed ones
	// included, so a slot's ratio falls with recall.
	Total int `json:"total"`
	// Ratio is Correct/Total, nil when no gold event specifies the slot.
	Ratio *float64 `json:"ratio"`
	// MatchedTotal is Total restricted to matched events: Correct /
	// MatchedTotal is the slot's accuracy where the event was found.
	MatchedTotal int `json:"matched_total"`
}

func (s *SlotScore) finish() {
	if s.Total > 0 {
		r := ratio(s.Correct, s.Total)
		s.Ratio = &r
	}
}

// Overall is correct slots / (gold slots + unmatched and duplicate
// predictions).
type Overall struct {
	Correct   int     `json:"correct"`
	GoldSlots int     `json:"gold_slots"`
	Spurious  int     `json:"spurious"`
	Ratio     float64 `json:"ratio"`
}

// DocResult details one scored document.
type DocResult struct {
	DocID     string `json:"doc_id"`
	Published string `json:"published,omitempty"`
	// None: gold says the document holds no incident.
	None       bool         `json:"none,omitempty"`
	Gold       []GoldResult `json:"gold,omitempty"`
	Duplicates []PredRef    `json:"duplicates,omitempty"`
	OnOptional []PredRef    `json:"on_optional,omitempty"`
	Unmatched  []PredRef    `json:"unmatched,omitempty"`
}

// GoldResult is one gold event and what matched it.
type GoldResult struct {
	// N numbers the gold events of the document from 1 (G1, G2, ...).
	N        int          `json:"n"`
	Line     int          `json:"line"`
	Anchor   string       `json:"anchor"`
	Optional bool         `json:"optional,omitempty"`
	At       []model.Span `json:"at"`
	// Context is the text around the anchor's first occurrence.
	Context  string   `json:"context,omitempty"`
	Pred     *PredRef `json:"pred,omitempty"`
	Contains bool     `json:"contains,omitempty"`
	Overlap  int      `json:"overlap,omitempty"`
	// Slots are scored for required events only.
	Slots []SlotResult `json:"slots,omitempty"`
}

// SlotResult is one slot of one gold event.
type SlotResult struct {
	Slot string `json:"slot"`
	OK   bool   `json:"ok"`
	Want string `json:"want"`
	Got  string `json:"got,omitempty"`
}

// PredRef names a prediction in the details.
type PredRef struct {
	ID       string          `json:"id"`
	Type     model.EventType `json:"type"`
	Evidence string          `json:"evidence"`
	Span     model.Span      `json:"span"`
	// Gold is the N of the gold event it matched (duplicates, extra
	// matches of optional events), 0 when none.
	Gold int `json:"gold,omitempty"`
}

// WriteText prints the report for people; verbose adds per-document
// details.
func WriteText(w io.Writer, r *Report, verbose bool) error {
	ew := &errWriter{w: w}
	e := r.Events
	ew.printf("gold: %d documents, %d required + %d optional events", r.Documents, r.Required, r.Optional)
	if r.Ignored > 0 {
		ew.printf("; %d predictions ignored (documents the gold does not name)", r.Ignored)
	}
	ew.printf("\n\n")
	ew.printf("events     precision %.3f  recall %.3f  F1 %.3f\n", e.Precision, e.Recall, e.F1)
	ew.printf("           matched %d of %d required; predicted %d = %d matched + %d on optional gold + %d duplicates + %d unmatched\n\n",
		e.Matched, e.Required, e.Predicted, e.Matched, e.OnOptional, e.Duplicates, e.Unmatched)
	ew.printf("%-13s %9s  %6s   %s\n", "slot", "correct", "ratio", "on matched events")
	for _, name := range Slots() {
		ew.printf("%s\n", slotLine(name, r.Slots[name]))
	}
	ew.printf("%-13s %9s  %6.3f   = %d / (%d gold slots + %d unmatched and duplicate predictions)\n",
		"overall", fmt.Sprintf("%d/%d", r.Overall.Correct, r.Overall.GoldSlots+r.Overall.Spurious),
		r.Overall.Ratio, r.Overall.Correct, r.Overall.GoldSlots, r.Overall.Spurious)
	ew.printf("%s   (not scored, not in overall)\n", slotLine("(country)", r.Country))
	if verbose {
		for _, d := range r.Docs {
			writeDoc(ew, d)
		}
	}
	return ew.err
}

func slotLine(name string, s *SlotScore) string {
	if s.Total == 0 {
		return fmt.Sprintf("%-13s %9s  %6s", name, "0/0", "-")
	}
	onMatched := "-"
	if s.MatchedTotal > 0 {
		onMatched = fmt.Sprintf("%d/%d %.3f", s.Correct, s.MatchedTotal, ratio(s.Correct, s.MatchedTotal))
	}
	return fmt.Sprintf("%-13s %9s  %6.3f   %s", name, fmt.Sprintf("%d/%d", s.Correct, s.Total), *s.Ratio, onMatched)
}

func writeDoc(ew *errWriter, d DocResult) {
	ew.printf("\n== %s", d.DocID)
	if d.Published != "" {
		ew.printf("  (published %s)", d.Published)
	} else {
		ew.printf("  (no publication date: dates not scored)")
	}
	if d.None {
		ew.printf("  gold: no incident")
	}
	ew.printf("\n")
	for _, g := range d.Gold {
		kind := "required"
		if g.Optional {
			kind = "optional"
		}
		ew.printf("  G%d %s «%s»%s\n", g.N, kind, g.Anchor, at(g.At))
		if g.Pred == nil {
			if g.Optional {
				ew.printf("     not found (optional: no penalty)\n")
				continue
			}
			ew.printf("     MISSED: %d slots lost (%s)\n", len(scored(g.Slots)), wants(g.Slots))
			if g.Context != "" {
				ew.printf("     text: «%s»\n", clip(g.Context, 400))
			}
			continue
		}
		how := fmt.Sprintf("evidence overlaps anchor by %d", g.Overlap)
		if g.Contains {
			how = "evidence contains anchor"
		}
		ew.printf("     matched %s %s (%s): %s\n", g.Pred.ID, g.Pred.Type, how, excerpt(g.Pred.Evidence, 100))
		if g.Optional {
			continue
		}
		var ok []string
		for _, s := range scored(g.Slots) {
			if s.OK {
				ok = append(ok, s.Slot)
			}
		}
		ew.printf("     ok: %s\n", orNone(strings.Join(ok, " ")))
		for _, s := range g.Slots {
			if s.OK {
				continue
			}
			if s.Slot == CountrySlot {
				ew.printf("     info %-11s want %s, got %s (not scored)\n", s.Slot, s.Want, s.Got)
				continue
			}
			ew.printf("     FAIL %-11s want %s\n", s.Slot, clip(s.Want, 120))
			ew.printf("          %-11s got  %s\n", "", s.Got)
		}
	}
	for _, p := range d.Duplicates {
		ew.printf("  DUPLICATE of G%d: %s %s %s: %s\n", p.Gold, p.ID, p.Type, spanText(p.Span), excerpt(p.Evidence, 100))
	}
	for _, p := range d.OnOptional {
		ew.printf("  extra on optional G%d (no penalty): %s %s: %s\n", p.Gold, p.ID, p.Type, excerpt(p.Evidence, 100))
	}
	for _, p := range d.Unmatched {
		ew.printf("  UNMATCHED (false positive): %s %s %s: %s\n", p.ID, p.Type, spanText(p.Span), excerpt(p.Evidence, 100))
	}
}

// scored drops the informational country slot.
func scored(ss []SlotResult) []SlotResult {
	var out []SlotResult
	for _, s := range ss {
		if s.Slot != CountrySlot {
			out = append(out, s)
		}
	}
	return out
}

func wants(ss []SlotResult) string {
	var out []string
	for _, s := range scored(ss) {
		w := s.Want
		if i := strings.Index(w, " | "); i >= 0 {
			w = w[:i] // best accepted value is enough here
		}
		out = append(out, s.Slot+" "+w)
	}
	return strings.Join(out, "; ")
}

func at(spans []model.Span) string {
	if len(spans) == 0 {
		return "  (anchor not in text)"
	}
	var s []string
	for _, sp := range spans {
		s = append(s, spanText(sp))
	}
	return " at " + strings.Join(s, ", ")
}

func spanText(s model.Span) string { return fmt.Sprintf("[%d,%d)", s[0], s[1]) }

// excerpt quotes s shortened to n code points on one line.
func excerpt(s string, n int) string { return "«" + clip(s, n) + "»" }

// clip shortens s to n code points and puts it on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// errWriter keeps the first write error so printing code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
