// Package textmatch finds dictionary phrases in tokenised Arabic text with a
// token trie: one probe per token and clitic form, whatever the size of
// the dictionary, and word boundaries for free (Go's regexp \b is ASCII-only
// and a regex alternation of thousands of names runs at ~1 MB/s). The
// probes use the hashes arabic.New stored for every form (see Dict).
package textmatch

import (
	"strings"
	"unicode/utf8"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

// Trie maps token sequences to values. Build it with Add, then share it:
// matching never writes to it, so one Trie serves any number of goroutines.
type Trie[V any] struct {
	root node[V]
	size int
}

type node[V any] struct {
	next Dict[*node[V]]
	vals []V
}

// Match is one dictionary phrase found in the text.
type Match[V any] struct {
	// Start and End are token indices: tokens [Start, End) matched.
	Start, End int
	// Skip is how many normalised code points of the first token are
	// clitics (و ف ب ل ك) outside the phrase; the article ال is kept.
	Skip int
	// Vals are the values added for the phrase.
	Vals []V
}

// Len is the number of phrases added.
func (t *Trie[V]) Len() int { return t.size }

// Add adds phrase with value v. The phrase is normalised and tokenised like
// text; its first word matches with or without the article and proclitics.
// It returns false for a phrase with no tokens.
func (t *Trie[V]) Add(phrase string, v V) bool {
	tx := arabic.New(phrase)
	if len(tx.Tokens) == 0 {
		return false
	}
	n := &t.root
	for i, tok := range tx.Tokens {
		key := tx.Word(i)
		// Only a written article is stripped: آلاف normalises to الاف
		// but has none.
		if i == 0 && strings.HasPrefix(tx.Slice(int(tok.Start), int(tok.End)), "ال") {
			key = arabic.StripArticle(key)
		}
		p := n.next.Ref(key)
		if *p == nil {
			*p = &node[V]{}
		}
		n = *p
	}
	if len(n.vals) == 0 {
		t.size++
	}
	n.vals = append(n.vals, v)
	return true
}

// Starts calls fn with every key a phrase may start with (a first word
// without its article), so callers can build a cheap index of the tokens
// worth trying.
func (t *Trie[V]) Starts(fn func(key string)) {
	for k := range t.root.next.All() {
		fn(k)
	}
}

// child returns the node after n for token j read whole.
func (n *node[V]) child(tx *arabic.Text, j int) *node[V] {
	c, _ := n.next.Lookup(tx.Form(j, 0))
	return c
}

// LongestAt returns the longest phrase starting at token i. It walks as
// EachAt does, without the callback: built on EachAt it cost the full
// extraction about 3 % (every finder probes it at every start token).
func (t *Trie[V]) LongestAt(tx *arabic.Text, i int) (Match[V], bool) {
	var best Match[V]
	found := false
	toks := tx.Tokens
	nf := tx.NumForms(i)
	for f := 0; f < nf; f++ {
		form, h := tx.Form(i, f)
		n, _ := t.root.next.Lookup(form, h)
		if n == nil {
			continue
		}
		for j := i + 1; ; j++ {
			if len(n.vals) > 0 && (!found || j > best.End) {
				best = Match[V]{Start: i, End: j, Skip: clitics(tx.Word(i), form), Vals: n.vals}
				found = true
			}
			if j >= len(toks) || n.next.Len() == 0 || toks[j].Kind == arabic.Newline {
				break
			}
			if isQuote(tx, j) && j+1 < len(toks) {
				// Names are often quoted mid-phrase: تنظيم «داعش».
				if c := n.child(tx, j+1); c != nil {
					j++
				}
			}
			if n = n.child(tx, j); n == nil {
				break
			}
		}
	}
	return best, found
}

// EachAt calls yield with every phrase starting at token i, shorter ones
// first for each clitic reading of the token; yield returns false to stop.
// Cue tables need all of them: «أسفر» and «أسفر الهجوم» may belong to
// different sections.
func (t *Trie[V]) EachAt(tx *arabic.Text, i int, yield func(Match[V]) bool) {
	toks := tx.Tokens
	nf := tx.NumForms(i)
	for f := 0; f < nf; f++ {
		form, h := tx.Form(i, f)
		n, _ := t.root.next.Lookup(form, h)
		if n == nil {
			continue
		}
		for j := i + 1; ; j++ {
			if len(n.vals) > 0 && !yield(Match[V]{Start: i, End: j, Skip: clitics(tx.Word(i), form), Vals: n.vals}) {
				return
			}
			if j >= len(toks) || n.next.Len() == 0 || toks[j].Kind == arabic.Newline {
				break
			}
			if isQuote(tx, j) && j+1 < len(toks) {
				if c := n.child(tx, j+1); c != nil {
					j++
				}
			}
			if n = n.child(tx, j); n == nil {
				break
			}
		}
	}
}

// FindAll returns the leftmost-longest, non-overlapping phrases of tx.
func (t *Trie[V]) FindAll(tx *arabic.Text) []Match[V] {
	var out []Match[V]
	for i := 0; i < len(tx.Tokens); {
		if m, ok := t.LongestAt(tx, i); ok {
			out = append(out, m)
			i = m.End
			continue
		}
		i++
	}
	return out
}

// clitics counts the code points of w before form that are clitics rather
// than part of the phrase: the article stays inside the span, and لل (ل +
// the article's lam) is kept whole rather than split mid-article.
func clitics(w, form string) int {
	prefix := w[:len(w)-len(form)]
	prefix = strings.TrimSuffix(prefix, "ال")
	prefix = strings.TrimSuffix(prefix, "لل")
	return utf8.RuneCountInString(prefix)
}

func isQuote(tx *arabic.Text, j int) bool {
	if tx.Tokens[j].Kind != arabic.Punct {
		return false
	}
	w := tx.Word(j)
	return w == "«" || w == "»" || w == "\""
}
