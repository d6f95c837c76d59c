package extract

import (
	"strings"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

// clause is a run of tokens [tok0, tok1) between commas or semicolons.
type clause struct{ tok0, tok1 int }

// sentence is a run of tokens ended by . ! ? ؟ or a line break; stops
// inside «…» or "…" do not end it, so a quoted statement stays whole.
type sentence struct {
	tok0, tok1 int
	para       int // index of its line (paragraph) among the text's lines
	clauses    []clause
	// skip marks page furniture and headings: titles, bylines, date lines,
	// section headers and web boilerplate, which never yield events.
	skip bool
}

// maxBoilerplateTokens is the longest line the boilerplate rules may
// match: a copyright or comment-form line, not a paragraph.
const maxBoilerplateTokens = 40

// headingWords is the most words a line without a full stop may have and
// still be taken for a heading rather than news.
const headingWords = 8

// segment splits tokens into sentences and clauses. hasTitle says the
// document's title is given apart, so its first line is body text.
func (x *Extractor) segment(tx *arabic.Text, hasTitle bool) []sentence {
	toks := tx.Tokens
	var out []sentence
	para := 0
	firstLine := true
	for start := 0; start < len(toks); {
		end := start
		for end < len(toks) && toks[end].Kind != arabic.Newline {
			end++
		}
		if end > start {
			skip := x.isBoilerplate(toks[start:end]) || isHeading(toks[start:end]) ||
				(firstLine && !hasTitle && !endsSentence(toks[start:end]))
			firstLine = false
			out = appendSentences(out, toks, start, end, para, skip)
			para++
		}
		start = end + 1
	}
	return out
}

func appendSentences(out []sentence, toks []arabic.Token, start, end, para int, skip bool) []sentence {
	s := sentence{tok0: start, para: para, skip: skip}
	c := clause{tok0: start}
	quote := 0      // «» depth
	dquote := false // inside "…"
	closeClause := func(i int) {
		if i > c.tok0 {
			c.tok1 = i
			s.clauses = append(s.clauses, c)
		}
		c = clause{tok0: i}
	}
	for i := start; i < end; i++ {
		t := toks[i]
		if t.Kind != arabic.Punct {
			continue
		}
		switch t.Text {
		case "«":
			quote++
		case "»":
			if quote > 0 {
				quote--
			}
		case "\"":
			dquote = !dquote
		case "،", "؛", ",", ";":
			closeClause(i + 1)
		case ".", "!", "?", "؟":
			if quote > 0 || dquote {
				closeClause(i + 1)
				continue
			}
			closeClause(i + 1)
			if s.clauses != nil {
				s.tok1 = i + 1
				out = append(out, s)
			}
			s = sentence{tok0: i + 1, para: para, skip: skip}
		}
	}
	closeClause(end)
	if s.clauses != nil {
		s.tok1 = end
		out = append(out, s)
	}
	return out
}

func (x *Extractor) isBoilerplate(line []arabic.Token) bool {
	// Page furniture is a few words; a paragraph of news never is.
	if len(line) > maxBoilerplateTokens {
		return false
	}
	var b strings.Builder
	for i, t := range line {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	key := b.String()
	if x.lex.boilerLines[key] {
		return true
	}
	for _, p := range x.lex.boilerPre {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// isHeading reports a short line without a full stop: a section header,
// byline or date line.
func isHeading(line []arabic.Token) bool {
	words := 0
	for _, t := range line {
		if t.Kind == arabic.Word {
			words++
		}
	}
	return words < headingWords && !endsSentence(line)
}

func endsSentence(line []arabic.Token) bool {
	for i := len(line) - 1; i >= 0; i-- {
		switch line[i].Text {
		case "»", "\"", ")", "'":
			continue
		case ".", "!", "?", "؟", ":":
			return true
		}
		return false
	}
	return false
}
