// Package eval scores predicted events against gold events, as
// ../shared/gold/README.md defines it. It is pure: gold lines, document
// texts and predictions in, a Report out; reading files and running the
// extractor belong to the command.
//
// Where the README leaves room, this package decides:
//   - country is not a slot (the README's slot list leaves it out); it is
//     reported apart, outside overall.
//   - Slot totals count every required gold event that specifies the slot,
//     missed ones included (README: slots are "over required gold events"),
//     so a miss costs each of its slots; the figure on matched events alone
//     is reported next to it.
//   - A date slot exists only when gold gives a date and the document has
//     a publication date.
//   - Names compare under NameKey (case, Arabic letter variants, Latin
//     diacritics folded; spaces, hyphens, apostrophes and punctuation
//     dropped). place accepts a location's resolved place name or name_ar,
//     not its raw text; admin1 accepts a place's admin1, or the place itself
//     when it is a governorate; perpetrator and operation accept the
//     canonical name or the text.
//   - Matching maximises matched required events, then prefers evidence
//     containing the anchor, larger overlap, earlier prediction (see assign).
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// Gold is one line of a gold file: an event a coder read from a document,
// or a marker that the document holds none.
type Gold struct {
	DocID string `json:"doc_id"`
	// None marks a document that was read and holds no incident.
	None bool `json:"none,omitempty"`
	// Anchor is a verbatim substring of the raw text inside the sentence
	// that reports the event.
	Anchor string `json:"anchor,omitempty"`
	// Optional events are borderline: finding one is neither a hit nor a
	// false positive, and their slots are not scored.
	Optional bool `json:"optional,omitempty"`
	// Type lists the accepted types, best first.
	Type []model.EventType `json:"type,omitempty"`
	// Date is nil when the date is not scored.
	Date *GoldDate `json:"date,omitempty"`
	// Country is ISO 3166-1 alpha-2; reported, not scored (README's slot
	// list leaves it out).
	Country string `json:"country,omitempty"`
	// Name lists are accepted alternatives; empty = not scored.
	Admin1      []string `json:"admin1,omitempty"`
	Place       []string `json:"place,omitempty"`
	Perpetrator []string `json:"perpetrator,omitempty"`
	// Casualty totals; nil = not scored.
	Killed    *int `json:"killed,omitempty"`
	Wounded   *int `json:"wounded,omitempty"`
	Arrested  *int `json:"arrested,omitempty"`
	Kidnapped *int `json:"kidnapped,omitempty"`
	// Operation is the named operation; "" = not scored.
	Operation string `json:"operation,omitempty"`
	// Flags the event must carry; empty = not scored.
	Flags []model.Flag `json:"flags,omitempty"`

	// Line is the line of the gold file, for messages.
	Line int `json:"-"`
}

// GoldDate is the expected date of a gold event.
type GoldDate struct {
	Start     string          `json:"start"`
	Precision model.Precision `json:"precision"`
}

// maxLine bounds one JSONL line; an article-sized prediction fits easily.
const maxLine = 64 << 20

// ReadGold reads a gold JSONL file. name prefixes messages (file:line).
// Unknown keys are errors: a misspelt key would otherwise silently drop a
// slot from the scoring. All problems are reported at once.
func ReadGold(r io.Reader, name string) ([]Gold, error) {
	var out []Gold
	var errs []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var g Gold
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %v", name, n, err))
			continue
		}
		g.Line = n
		if err := g.validate(); err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %v", name, n, err))
			continue
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", name, err))
	}
	// A document cannot both hold no incident and hold events.
	none := map[string]int{}
	for _, g := range out {
		if g.None {
			none[g.DocID] = g.Line
		}
	}
	for _, g := range out {
		if l, ok := none[g.DocID]; ok && !g.None {
			errs = append(errs, fmt.Errorf("%s:%d: document %s is marked none on line %d but has an event", name, g.Line, g.DocID, l))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

func (g *Gold) validate() error {
	if g.DocID == "" {
		return errors.New("doc_id is missing")
	}
	if g.None {
		if g.Anchor != "" || len(g.Type) > 0 {
			return errors.New(`a "none" line carries no event fields`)
		}
		return nil
	}
	if g.Anchor == "" {
		return errors.New("anchor is missing")
	}
	if len(g.Type) == 0 {
		return errors.New("type lists no accepted type")
	}
	for _, t := range g.Type {
		if !t.Valid() {
			return fmt.Errorf("type %q is not in the SPEC taxonomy", t)
		}
	}
	if g.Date != nil {
		if _, err := time.Parse(time.DateOnly, g.Date.Start); err != nil {
			return fmt.Errorf("date.start %q is not YYYY-MM-DD", g.Date.Start)
		}
		switch g.Date.Precision {
		case model.PrecisionDay, model.PrecisionWeek, model.PrecisionMonth, model.PrecisionYear, model.PrecisionUnknown:
		default:
			return fmt.Errorf("date.precision %q is not a SPEC precision", g.Date.Precision)
		}
	}
	for _, c := range []*int{g.Killed, g.Wounded, g.Arrested, g.Kidnapped} {
		if c != nil && *c < 0 {
			return errors.New("casualty totals cannot be negative")
		}
	}
	for _, f := range g.Flags {
		switch f {
		case model.Historical, model.Aggregate, model.Planned, model.Negated:
		default:
			return fmt.Errorf("flag %q is not a SPEC flag", f)
		}
	}
	return nil
}
