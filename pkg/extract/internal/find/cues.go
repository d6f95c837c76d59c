package find

import (
	"fmt"

	"github.com/rasd-monitor/rasd/internal/grow"
	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
	"github.com/rasd-monitor/rasd/pkg/textmatch"
	"github.com/rasd-monitor/rasd/rules"
)

// Section is a section of cues.txt: a class of words that shape how the
// stages read the text around them. cues.txt documents each.
type Section uint8

// The sections of cues.txt. Their names are the contract between the rule
// file and the code.
const (
	Result Section = iota + 1
	Elaboration
	Attribution
	Negation
	Hypothetical
	Condition
	Planned
	NonEvent
	Aggregate
	War
	Since
	PartOf
	Demonstrative
	OperationCue
	Target
	By
	Cumulative
	Update
	Summary
	AtLeast
	Also
	Air
	Passive
	Office
	Another
	Other
	Denial
	Kunya
	Member
	Past
	Series
	Quantifier
	GroupOf
	Relative
	Background
	Reporting
	Foiled
	Measure
	Joint
	Weapon
	Addressee
	Reach
	Before
	Period
	Manner
	Comes
	Sequel
	DayAfter
	Highlight
	Trend
	Prison
	Affiliation
	Construct
	numSections
)

var sectionNames = [numSections]string{"", "result", "elaboration", "attribution", "negation",
	"hypothetical", "condition", "planned", "nonevent", "aggregate", "war", "since", "partof", "demonstrative",
	"operation", "target", "by", "cumulative", "update", "summary", "atleast", "also", "air",
	"passive", "office", "another", "other", "denial", "kunya", "member", "past", "series", "quantifier",
	"groupof", "relative", "background", "reporting", "foiled", "measure", "joint", "weapon", "addressee", "reach", "before", "period", "manner", "comes", "sequel", "dayafter", "highlight", "trend", "prison", "affiliation", "construct"}

func (s Section) String() string {
	if s < numSections {
		return sectionNames[s]
	}
	return fmt.Sprintf("section(%d)", s)
}

// Cue is one cue phrase in the text.
type Cue struct {
	Tok0, Tok1 int
	Sec        Section
	// Skip is how many code points of the first token are clitics outside
	// the phrase (وأبو: 1).
	Skip int
}

// Cues finds the phrases of every cues.txt section.
type Cues struct {
	trie textmatch.Trie[Section]
	// phrases keeps each section's phrases (normalised) for the context
	// patterns, which are built from the same vocabulary.
	phrases map[string][]string
}

// NewCues compiles cues.txt. Every section the code relies on must be
// there; a section it does not know is an error.
func NewCues(rs rules.Set) (*Cues, error) {
	c := &Cues{phrases: map[string][]string{}}
	var errs rules.ErrorList
	byName := map[string]Section{}
	for s := Section(1); s < numSections; s++ {
		byName[s.String()] = s
	}
	seen := map[Section]bool{}
	dup := map[string]int{}
	for _, e := range rs.Read("cues.txt", &errs) {
		sec, ok := byName[e.Section]
		if !ok {
			errs.Add(e.File, e.Line, "unknown cue section [%s]", e.Section)
			continue
		}
		key := e.Section + "\x00" + arabic.Key(e.Fields[0])
		if first, ok := dup[key]; ok {
			errs.Add(e.File, e.Line, "%q repeats line %d", e.Fields[0], first)
			continue
		}
		dup[key] = e.Line
		if !c.trie.Add(e.Fields[0], sec) {
			errs.Add(e.File, e.Line, "empty phrase")
			continue
		}
		seen[sec] = true
		c.phrases[e.Section] = append(c.phrases[e.Section], arabic.Key(e.Fields[0]))
	}
	for s := Section(1); s < numSections; s++ {
		if !seen[s] && len(errs) == 0 {
			errs.Add(rs.Path("cues.txt"), 0, "section [%s] is missing", s)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// Sections returns the normalised phrases of each section, by name.
func (c *Cues) Sections() map[string][]string { return c.phrases }

// Find returns every cue phrase of t, by first token, shorter first.
func (c *Cues) Find(t *segment.Text, ix Index) []Cue {
	tx := t.Text
	var out []Cue
	toks := t.Tokens
	for i := range toks {
		if ix[i]&tCues == 0 {
			continue
		}
		n := len(out)
		c.trie.EachAt(tx, i, func(m textmatch.Match[Section]) bool {
			for _, sec := range m.Vals {
				h := Cue{Tok0: m.Start, Tok1: m.End, Sec: sec, Skip: m.Skip}
				dup := false
				// Clitic readings of one token find a phrase twice.
				for _, o := range out[n:] {
					if o.Tok1 == h.Tok1 && o.Sec == h.Sec {
						dup = true
						break
					}
				}
				if !dup {
					out = grow.Append(out, h)
				}
			}
			return true
		})
	}
	return out
}
