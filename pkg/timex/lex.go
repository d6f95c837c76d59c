package timex

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rasd-monitor/rasd/internal/grow"
	"github.com/rasd-monitor/rasd/pkg/arabic"
)

// lexeme is what the vocabulary says about the tokens starting at one
// position.
type lexeme struct {
	end  int // tokens [i, end) matched; 0 when nothing matched
	skip int // clitic code points of the first token outside the phrase
	art  bool
	vals []entry
}

// doc is one document being tagged: its tokens and their lexemes.
type doc struct {
	t    *Tagger
	tx   *arabic.Text
	toks []arabic.Token
	// lexes holds, per token and one past the last (rules look at the
	// word after a match, which may be the end of the text), the index of
	// its lexeme in lexemes; lexemes[0] is the empty one. Most tokens are
	// no date word: four bytes each, not a lexeme.
	lexes   []int32
	lexemes []lexeme
	// starts are the tokens an expression may start at (startable), in
	// order: numbers, date words and the fillers startable names.
	starts []int32
}

// lexAt returns the lexeme of token i (empty for none).
func (d *doc) lexAt(i int) *lexeme {
	if d.lexes == nil {
		return &d.lexemes[0]
	}
	return &d.lexemes[d.lexes[i]]
}

// lex looks every word of tx that mayStart a phrase up in the vocabulary
// once.
func (t *Tagger) lex(tx *arabic.Text, mayStart func(i int) bool) *doc {
	// lexes is made with the first lexeme: a text without a date word
	// (a storm of punctuation) costs nothing per token.
	d := &doc{t: t, tx: tx, toks: tx.Tokens, lexemes: make([]lexeme, 1, len(tx.Tokens)/16+8)}
	for i, tok := range d.toks {
		switch {
		case tok.Kind == arabic.Number:
			d.starts = grow.Append(d.starts, int32(i))
			continue
		case tok.Kind != arabic.Word:
			continue
		case !mayStart(i) || !d.lexWord(i):
			if d.filler(i) {
				d.starts = grow.Append(d.starts, int32(i))
			}
			continue
		}
		d.starts = grow.Append(d.starts, int32(i))
	}
	return d
}

// lexWord looks word i up and reports whether it is a date word.
func (d *doc) lexWord(i int) bool {
	m, ok := d.t.trie.LongestAt(d.tx, i)
	if !ok {
		return false
	}
	// باب is "door", not ب + آب (August): a two-letter month name
	// reads only without clitics (وفي، بعد stay prepositions).
	w := d.tx.Word(i)
	if m.Skip > 0 && m.End == i+1 && utf8.RuneCountInString(w)-m.Skip <= 2 && m.Vals[0].kind == lxMonth {
		return false
	}
	if d.lexes == nil {
		d.lexes = make([]int32, len(d.toks)+1)
	}
	d.lexes[i] = int32(len(d.lexemes))
	d.lexemes = grow.Append(d.lexemes, lexeme{end: m.End, skip: m.Skip, art: hasArticle(w, m.Skip), vals: m.Vals})
	return true
}

// hasArticle reports whether w, skip code points in, starts with the
// article (ال, or لل for ل + ال).
func hasArticle(w string, skip int) bool {
	for ; skip > 0 && w != ""; skip-- {
		_, n := utf8.DecodeRuneInString(w)
		w = w[n:]
	}
	return strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "لل")
}

// get returns the entry of kind k of the phrase at token i, honouring the
// art flag, and the token after the phrase.
func (d *doc) get(i int, k lexKind) (entry, int, bool) {
	if i < 0 || i >= len(d.toks)+1 {
		return entry{}, i, false
	}
	l := d.lexAt(i)
	for _, v := range l.vals {
		if v.kind == k && (!v.art || l.art) {
			return v, l.end, true
		}
	}
	return entry{}, i, false
}

// next returns the token after the phrase at i (i+1 for a non-phrase).
func (d *doc) next(i int) int {
	if i < len(d.toks)+1 && d.lexAt(i).end > i {
		return d.lexAt(i).end
	}
	return i + 1
}

// reporting reports whether the expression [s, e) dates a report: a verb
// of saying among the eight words before it in its sentence with no إن/أن
// in between (أفاد المرصد السوري لحقوق الإنسان، صباح الاثنين، ...), or
// إن/أن right after it (قالت الأمم المتحدة الاثنين إن).
func (d *doc) reporting(s, e int) bool {
	k := e
	for k < len(d.toks) && d.toks[k].Kind == arabic.Punct {
		k++
	}
	if d.word(k, "ان", "انه", "انها", "بان") {
		return true
	}
	for i, n := s-1, 0; i >= 0 && n < 8 && d.toks[i].Kind != arabic.Newline; i-- {
		if d.toks[i].Kind == arabic.Punct {
			if d.punct(i, ".!?؟:") {
				return false
			}
			continue
		}
		n++
		if d.is(i, lxReportVerb) {
			return true
		}
		if d.word(i, "ان", "انه", "انها", "بان") {
			return false
		}
	}
	return false
}

// is reports whether the phrase at i has an entry of kind k.
func (d *doc) is(i int, k lexKind) bool {
	_, _, ok := d.get(i, k)
	return ok
}

// num returns the value of a plain number token at i (no inner . or ,).
func (d *doc) num(i int) (int, bool) {
	if i < 0 || i >= len(d.toks) || d.toks[i].Kind != arabic.Number {
		return 0, false
	}
	s := d.tx.Word(i)
	if len(s) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// punct reports whether token i is one of the punctuation marks in set.
func (d *doc) punct(i int, set string) bool {
	if i < 0 || i >= len(d.toks) || d.toks[i].Kind != arabic.Punct {
		return false
	}
	return strings.Contains(set, d.tx.Word(i))
}

// word reports whether token i is the (normalised) word w.
func (d *doc) word(i int, ws ...string) bool {
	if i < 0 || i >= len(d.toks) || d.toks[i].Kind != arabic.Word {
		return false
	}
	for _, w := range ws {
		if d.tx.Word(i) == w {
			return true
		}
	}
	return false
}

// fillsLine reports whether tokens [s, e) are all the words and numbers of
// their line, but for punctuation, clock times and dateline words.
func (d *doc) fillsLine(s, e int) bool {
	ls, le := s, e
	for ls > 0 && d.toks[ls-1].Kind != arabic.Newline {
		ls--
	}
	for le < len(d.toks) && d.toks[le].Kind != arabic.Newline {
		le++
	}
	for k := ls; k < le; {
		switch {
		case k == s:
			k = e
		case d.toks[k].Kind == arabic.Punct || d.toks[k].Kind == arabic.Number:
			k++
		case d.is(k, lxDateline):
			k = d.lexAt(k).end
		default:
			return false
		}
	}
	return true
}
