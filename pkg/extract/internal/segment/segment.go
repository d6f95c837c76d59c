// Package segment cuts a normalised article into paragraphs, sentences and
// clauses, and marks the lines that are page furniture (titles, bylines,
// date lines, section headings, web boilerplate) rather than news. It is the
// first stage of the pipeline: every later stage asks it which clause or
// sentence a token belongs to.
package segment

import (
	"context"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/rules"
)

// Clause is a run of tokens [Tok0, Tok1) between commas or semicolons,
// holding at least one word.
type Clause struct {
	Tok0, Tok1 int
	Sent       int // its sentence
}

// Sentence is a run of tokens ended by . ! ? ؟ or a line break; stops
// inside «…» or "…" do not end it, so a quoted statement stays whole.
type Sentence struct {
	Tok0, Tok1 int
	C0, C1     int // its clauses
	Para       int // index of its line (paragraph) among the text's lines
	// Skip marks page furniture and headings: they never yield events.
	Skip bool
}

// Text is an article cut into sentences and clauses.
type Text struct {
	*arabic.Text
	Sents   []Sentence
	Clauses []Clause
	// clauseOf maps a token to its clause plus one, 0 for tokens outside
	// any; it is made with the first clause (a text of punctuation alone
	// has none).
	clauseOf []int32
}

// ClauseOf returns the clause of token i, or -1.
func (t *Text) ClauseOf(i int) int {
	if t.clauseOf == nil {
		return -1
	}
	return int(t.clauseOf[i]) - 1
}

// SentOf returns the sentence of token i, or -1.
func (t *Text) SentOf(i int) int {
	if c := t.ClauseOf(i); c >= 0 {
		return t.Clauses[c].Sent
	}
	return -1
}

// Segmenter holds the boilerplate rules; immutable once built.
type Segmenter struct {
	lines    map[string]bool
	prefixes []string
	// firsts are the first words of the lines and of the prefixes that
	// hold more than a word; firstPrefixes the one-word prefixes. A line
	// whose first token is neither is no boilerplate, and its key is
	// never built.
	firsts        map[string]bool
	firstPrefixes []string
}

// New compiles boilerplate.txt of the rules set.
func New(rs rules.Set) (*Segmenter, error) {
	s := &Segmenter{lines: map[string]bool{}, firsts: map[string]bool{}}
	var errs rules.ErrorList
	for _, e := range rs.Read("boilerplate.txt", &errs) {
		switch e.Section {
		case "line":
			s.lines[arabic.Key(e.Fields[0])] = true
		case "prefix":
			s.prefixes = append(s.prefixes, arabic.Key(e.Fields[0]))
		default:
			errs.Add(e.File, e.Line, "unknown section [%s]", e.Section)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for k := range s.lines {
		first, _, _ := strings.Cut(k, " ")
		s.firsts[first] = true
	}
	for _, p := range s.prefixes {
		if first, _, spaced := strings.Cut(p, " "); spaced {
			s.firsts[first] = true
		} else {
			s.firstPrefixes = append(s.firstPrefixes, p)
		}
	}
	return s, nil
}

// maxBoilerplateTokens is the longest line the boilerplate rules may
// match: a copyright or comment-form line, not a paragraph.
const maxBoilerplateTokens = 40

// headingWords is the most words a line without a full stop may have and
// still be taken for a heading rather than news.
const headingWords = 8

// checkEvery is how many tokens a loop walks between looks at its context.
const checkEvery = 1 << 14

// Segment cuts tx into sentences and clauses. hasTitle says the document's
// title is given apart, so its first line is body text. It stops with ctx's
// error when ctx ends.
func (s *Segmenter) Segment(ctx context.Context, tx *arabic.Text, hasTitle bool) (*Text, error) {
	// Sized once: a text of thousands of one-word sentences (a storm of
	// "ب.") grew them through append at five times their size.
	n := countClauses(tx)
	t := &Text{Text: tx, Clauses: make([]Clause, 0, n), Sents: make([]Sentence, 0, n)}
	toks := tx.Tokens
	para := 0
	first := true
	for start := 0; start < len(toks); {
		end := start
		for end < len(toks) && toks[end].Kind != arabic.Newline {
			end++
		}
		if end > start {
			// A first line with no full stop is a title, unless it is the
			// whole article (a one-line report with no title).
			title := first && !hasTitle && !endsSentence(tx, start, end) && hasMoreWords(toks, end)
			skip := s.isBoilerplate(tx, start, end) || isHeading(tx, start, end) || title
			first = false
			if err := t.appendSentences(ctx, start, end, para, skip); err != nil {
				return nil, err
			}
			para++
		}
		start = end + 1
	}
	return t, nil
}

// countClauses counts the clauses appendSentences makes: a run of tokens
// holding a word, ended by a clause or sentence mark or a line's end.
// Every sentence has a clause, so it bounds the sentences too.
func countClauses(tx *arabic.Text) int {
	n, words := 0, 0
	for i, tk := range tx.Tokens {
		switch tk.Kind {
		case arabic.Word:
			words++
			continue
		case arabic.Newline:
		case arabic.Punct:
			switch tx.Word(i) {
			case "،", "؛", ",", ";", ".", "!", "?", "؟":
			default:
				continue
			}
		default:
			continue
		}
		if words > 0 {
			n++
		}
		words = 0
	}
	if words > 0 {
		n++
	}
	return n
}

func hasMoreWords(toks []arabic.Token, from int) bool {
	for _, tk := range toks[from:] {
		if tk.Kind == arabic.Word {
			return true
		}
	}
	return false
}

func (t *Text) appendSentences(ctx context.Context, start, end, para int, skip bool) error {
	toks := t.Tokens
	s := Sentence{Tok0: start, Para: para, Skip: skip, C0: len(t.Clauses)}
	c0 := start // first token of the open clause
	words := 0  // words in the open clause
	quote := 0  // «» depth
	dquote := false
	closeClause := func(i int) {
		// A clause of punctuation alone is no clause: a storm of dots
		// must not become millions of sentences.
		if i > c0 && words > 0 {
			if t.clauseOf == nil {
				t.clauseOf = make([]int32, len(toks))
			}
			for k := c0; k < i; k++ {
				t.clauseOf[k] = int32(len(t.Clauses)) + 1
			}
			t.Clauses = append(t.Clauses, Clause{Tok0: c0, Tok1: i, Sent: len(t.Sents)})
		}
		c0, words = i, 0
	}
	closeSentence := func(i int) {
		if len(t.Clauses) > s.C0 {
			s.Tok1, s.C1 = i, len(t.Clauses)
			t.Sents = append(t.Sents, s)
		}
		s = Sentence{Tok0: i, Para: para, Skip: skip, C0: len(t.Clauses)}
	}
	for i := start; i < end; i++ {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		tk := toks[i]
		if tk.Kind == arabic.Word {
			words++
		}
		if tk.Kind != arabic.Punct {
			continue
		}
		switch t.Word(i) {
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
			closeClause(i + 1)
			if quote == 0 && !dquote {
				closeSentence(i + 1)
			}
		}
	}
	closeClause(end)
	closeSentence(end)
	return nil
}

// isBoilerplate reports whether line [start, end) of tx is page furniture.
func (s *Segmenter) isBoilerplate(tx *arabic.Text, start, end int) bool {
	// Page furniture is a few words; a paragraph of news never is.
	if end-start > maxBoilerplateTokens || !s.mayOpen(tx.Word(start)) {
		return false
	}
	var b strings.Builder
	b.Grow(int(tx.Tokens[end-1].NormEnd - tx.Tokens[start].NormOff))
	for i := start; i < end; i++ {
		if i > start {
			b.WriteByte(' ')
		}
		b.WriteString(tx.Word(i))
	}
	key := b.String()
	if s.lines[key] {
		return true
	}
	for _, p := range s.prefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// mayOpen reports whether a line opening with token text w may be
// boilerplate: tokens hold no space, so a line's key starts with a
// phrase only if w is its first word (or, for a phrase of one word,
// starts with it).
func (s *Segmenter) mayOpen(w string) bool {
	if s.firsts[w] {
		return true
	}
	for _, p := range s.firstPrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// isHeading reports a short line without a full stop: a section header,
// byline or date line.
func isHeading(tx *arabic.Text, start, end int) bool {
	words := 0
	for _, t := range tx.Tokens[start:end] {
		if t.Kind == arabic.Word {
			words++
		}
	}
	return words < headingWords && !endsSentence(tx, start, end)
}

func endsSentence(tx *arabic.Text, start, end int) bool {
	for i := end - 1; i >= start; i-- {
		switch tx.Word(i) {
		case "»", "\"", ")", "'":
			continue
		case ".", "!", "?", "؟", ":":
			return true
		}
		return false
	}
	return false
}
