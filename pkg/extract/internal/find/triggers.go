package find

import (
	"strings"

	"github.com/rasd-monitor/rasd/internal/grow"
	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/textmatch"
	"github.com/rasd-monitor/rasd/rules"
)

// Kind is what a trigger says happened: a SPEC event type, or one of the
// two kinds below that later stages settle.
type Kind = model.EventType

const (
	// Explosion is a bombing of no stated kind: an ied unless a cue in its
	// clause makes it a suicide or car bombing, or a strike's blast.
	Explosion Kind = "explosion"
	// Anaphor is a word that names an incident already told (الواقعة).
	Anaphor Kind = "anaphor"
)

// TriggerFlags qualify a trigger word.
type TriggerFlags uint8

// Trigger flags, as triggers.txt writes them.
const (
	// Weak: generic; an incident only with a figure, place or casualty.
	Weak TriggerFlags = 1 << iota
	// Plural: names several incidents (هجمات، غارات).
	Plural
	// Counted: names an incident only with a number right before it.
	Counted
	// Speech: a verb that is also one of criticism (هاجم): with an
	// official as its object it is talk.
	Speech
	// Agent: a noun whose genitive is who did it (قصف النظام، برصاص قوات
	// الأمن), unlike a verbal noun whose genitive is its object (استهداف
	// قوات الأمن).
	Agent
)

// Trigger is a word that says an incident happened.
type Trigger struct {
	Tok0, Tok1 int
	Kind       Kind
	Flags      TriggerFlags
	// Definite: written with the article (الهجوم، التفجير); whether it
	// refers back is the mention stage's call.
	Definite bool
	// Line is the triggers.txt line, for tracing.
	Line int
}

type triggerDef struct {
	kind  Kind
	flags TriggerFlags
	line  int
}

// Triggers finds the words of triggers.txt.
type Triggers struct {
	trie textmatch.Trie[triggerDef]
}

// NewTriggers compiles triggers.txt.
func NewTriggers(rs rules.Set) (*Triggers, error) {
	f := &Triggers{}
	var errs rules.ErrorList
	seen := map[string]int{}
	for _, e := range rs.Read("triggers.txt", &errs) {
		k := Kind(e.Section)
		if k != Explosion && k != Anaphor && !k.Valid() {
			errs.Add(e.File, e.Line, "unknown event type [%s]", e.Section)
			continue
		}
		d := triggerDef{kind: k, line: e.Line}
		for _, field := range e.Fields[1:] {
			for _, flag := range strings.Fields(field) {
				switch flag {
				case "weak":
					d.flags |= Weak
				case "plural":
					d.flags |= Plural
				case "counted":
					d.flags |= Counted
				case "speech":
					d.flags |= Speech
				case "agent":
					d.flags |= Agent
				default:
					errs.Add(e.File, e.Line, "unknown flag %q", flag)
				}
			}
		}
		key := arabic.StripArticle(arabic.Key(e.Fields[0]))
		if first, ok := seen[key]; ok {
			errs.Add(e.File, e.Line, "%q repeats line %d", e.Fields[0], first)
			continue
		}
		seen[key] = e.Line
		if !f.trie.Add(e.Fields[0], d) {
			errs.Add(e.File, e.Line, "empty phrase")
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

// Find returns the triggers inside t's clauses, leftmost longest.
func (f *Triggers) Find(t *segment.Text, ix Index) []Trigger {
	tx := t.Text
	var out []Trigger
	toks := t.Tokens
	for i := 0; i < len(toks); i++ {
		if ix[i]&tTriggers == 0 || t.ClauseOf(i) < 0 {
			continue
		}
		m, ok := f.trie.LongestAt(tx, i)
		if !ok {
			continue
		}
		d := m.Vals[0]
		// The article shows in the token's text; the match stripped it.
		first := stemOf(tx.Word(i), m.Skip)
		out = grow.Append(out, Trigger{Tok0: m.Start, Tok1: m.End, Kind: d.kind, Flags: d.flags, Line: d.line,
			Definite: arabic.HasArticle(first)})
		i = m.End - 1
	}
	return out
}

// stemOf returns w without its first skip code points.
func stemOf(w string, skip int) string {
	for i := range w {
		if skip == 0 {
			return w[i:]
		}
		skip--
	}
	return ""
}
