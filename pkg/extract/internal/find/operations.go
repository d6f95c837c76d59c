package find

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/pattern"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
)

// Operation is a named military or security operation: the tokens of its
// name and the name cleaned of harakat and tatweel.
type Operation struct {
	Tok0, Tok1 int
	Name       string
}

// Operations reads operation names: an operation cue, then a name in
// «», () or "" (operation_name in patterns.txt).
type Operations struct {
	name *pattern.Pattern
}

// operationPattern is the patterns.txt entry for operation names; its
// group `name` is the name.
const operationPattern = "operation_name"

// NewOperations takes the operation pattern from the compiled set.
func NewOperations(ps *pattern.Set) (*Operations, error) {
	if err := ps.Require(operationPattern); err != nil {
		return nil, err
	}
	return &Operations{name: ps.Get(operationPattern)}, nil
}

// Find returns the operation names of t, reading only the clauses where an
// operation cue stands.
func (f *Operations) Find(ctx context.Context, t *segment.Text, l *Layers) ([]Operation, error) {
	var out []Operation
	last := -1
	for _, c := range l.Cues {
		if c.Sec != OperationCue {
			continue
		}
		ci := t.ClauseOf(c.Tok0)
		if ci < 0 || ci == last {
			continue
		}
		last = ci
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cl := t.Clauses[ci]
		// The closing mark may be missing: the name then runs to the end of
		// the line, which the pattern bounds.
		end := cl.Tok1
		for end < len(t.Tokens) && t.Tokens[end].Kind != arabic.Newline && end < cl.Tok1+8 {
			end++
		}
		ms, err := matchTokens(f.name, t, cl.Tok0, end)
		if err != nil {
			return nil, err
		}
		var starts []int
		for _, m := range ms {
			g, ok := m.Groups["name"]
			if !ok {
				continue
			}
			if starts == nil {
				starts = runeStarts(t, cl.Tok0, end)
			}
			a, b := tokensOf(starts, cl.Tok0, g[0], g[1])
			if a >= b {
				continue
			}
			s, e := t.Span(a, b, 0)
			out = append(out, Operation{Tok0: a, Tok1: b, Name: cleanName(t.Slice(s, e))})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Tok0 < out[j].Tok0 })
	return dedupOps(out), nil
}

func dedupOps(ops []Operation) []Operation {
	out := ops[:0]
	for _, o := range ops {
		if n := len(out); n > 0 && out[n-1].Tok0 == o.Tok0 {
			continue
		}
		out = append(out, o)
	}
	return out
}

// matchTokens runs p over the normalised runes of tokens [a, b); matches
// are rune offsets from token a's start.
func matchTokens(p *pattern.Pattern, t *segment.Text, a, b int) ([]pattern.Match, error) {
	first, last := t.Tokens[a], t.Tokens[b-1]
	return p.FindAll([]rune(t.Norm[first.NormOff:last.NormEnd]))
}

// runeStarts returns the rune offset of each token of [a, b) from token
// a's start, in t.Norm.
func runeStarts(t *segment.Text, a, b int) []int {
	starts := make([]int, b-a)
	n, off := 0, t.Tokens[a].NormOff
	for k := a; k < b; k++ {
		n += utf8.RuneCountInString(t.Norm[off:t.Tokens[k].NormOff])
		off = t.Tokens[k].NormOff
		starts[k-a] = n
	}
	return starts
}

// tokensOf returns the tokens [i, j) lying inside normalised runes [s, e)
// of the tokens from a on whose rune offsets are starts.
func tokensOf(starts []int, a, s, e int) (int, int) {
	i := sort.SearchInts(starts, s)
	j := i
	for j < len(starts) && starts[j] < e {
		j++
	}
	return a + i, a + j
}

// cleanName drops tatweel and harakat from a name taken from the text, so
// «ثـأر الشهداء» and «ثأر الشهداء» name one operation.
func cleanName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 'ـ' || (r >= 0x064B && r <= 0x065F) || r == 0x0670 {
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// Person is a fighter's nom de guerre (أبو طه البكري).
type Person struct{ Tok0, Tok1 int }

// Persons reads noms de guerre: a kunya word, a name, and a second name
// with the article, standing where a member of an armed group is named
// (after a member cue, at the start of a clause, or behind a clitic) and
// not where a speaker is (وتابع أبو رغيف).
type Persons struct{}

// Find returns the noms de guerre of t.
func (f *Persons) Find(t *segment.Text, l *Layers) []Person {
	tx := t.Text
	var out []Person
	toks := t.Tokens
	for _, k := range l.Cues {
		if k.Sec != Kunya {
			continue
		}
		i := k.Tok0
		if len(out) > 0 && i < out[len(out)-1].Tok1 {
			continue
		}
		ci := t.ClauseOf(i)
		if ci < 0 {
			continue
		}
		c := t.Clauses[ci]
		if k.Tok1 >= c.Tok1 || toks[k.Tok1].Kind != arabic.Word {
			continue
		}
		prev := i - 1
		for prev >= c.Tok0 && isOpener(tx.Word(prev)) {
			prev--
		}
		_, member := l.CueBefore(Member, prev+1, c.Tok0)
		if !(member || prev < c.Tok0 || k.Skip > 0) {
			continue
		}
		end := k.Tok1 + 1
		if end < c.Tok1 && toks[end].Kind == arabic.Word && arabic.HasArticle(tx.Word(end)) {
			end++
		}
		out = append(out, Person{Tok0: i, Tok1: end})
	}
	return out
}

func isOpener(s string) bool { return s == "(" || s == "«" || s == "\"" }
