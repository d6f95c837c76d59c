package arabic

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormalizeFolds(t *testing.T) {
	cases := map[string]string{
		"أإآٱ":               "اااا",
		"ديالى":              "ديالي",
		"الحسكة":             "الحسكه",
		"جندياً":             "جنديا",
		"كثّفت":              "كثفت",
		"ثـأر":               "ثار",
		"٢٠٢١ ۱۲":            "2021 12",
		"\u200fالعراق\u200e": "العراق",
		"“قال”":              "\"قال\"",
		"كركوك – ديالى":      "كركوك - ديالي",
		"ﻻ":                  "لا",
		"a\u00a0B":           "a b",
	}
	for in, want := range cases {
		assert.Equal(t, want, Normalize(in), "Normalize(%q)", in)
		assert.Equal(t, want, New(in).Norm, "New(%q).Norm", in)
	}
}

func TestTokensMapToOriginal(t *testing.T) {
	text := "قتل ١١ جندياً، في «ثـأر الشهداء»\nاللواء45"
	tx := New(text)
	var got []string
	for _, tok := range tx.Tokens {
		got = append(got, tx.Slice(int(tok.Start), int(tok.End)))
	}
	assert.Equal(t, []string{"قتل", "١١", "جندياً", "،", "في", "«", "ثـأر", "الشهداء", "»", "\n", "اللواء", "45"}, got)
	assert.Equal(t, "11", tx.Word(1))
	assert.Equal(t, Number, tx.Tokens[1].Kind)
	assert.Equal(t, "ثار", tx.Word(6))
}

func TestTokensLieInTheText(t *testing.T) {
	for _, s := range []string{"", "\xff\xfeabc", "ﷺ ﻻ الله", "a\u200b\u200bb"} {
		tx := New(s)
		for _, tok := range tx.Tokens {
			assert.True(t, 0 <= tok.Start && tok.Start < tok.End && int(tok.End) <= tx.Len(), "%q: token %+v", s, tok)
		}
	}
}

// StartAfter finds the original code point of a clitic-stripped word's
// first letter across harakat and tatweel.
func TestStartAfter(t *testing.T) {
	tx := New("قال: وَبِـالحسكة")
	require.Equal(t, "وبالحسكه", tx.Word(2))
	tok := tx.Tokens[2]
	for skip, want := range []string{"وَبِـالحسكة", "بِـالحسكة", "الحسكة", "لحسكة"} {
		assert.Equal(t, want, tx.Slice(tx.StartAfter(tok, skip), int(tok.End)), "skip %d", skip)
	}
}

func TestForms(t *testing.T) {
	var f [MaxForms]string
	n := Forms("وبالحسكه", &f)
	assert.Equal(t, []string{"وبالحسكه", "بالحسكه", "الحسكه", "حسكه"}, f[:n])
	n = Forms("للحسكه", &f)
	assert.Contains(t, f[:n], "حسكه")
	n = Forms("بغداد", &f)
	assert.Equal(t, "بغداد", f[:n][0], "the word itself comes first")
	n = Forms("وال", &f)
	assert.Equal(t, []string{"وال"}, f[:n])
}

// A token's forms come with their hashes, the ones Hash gives the same
// strings: dictionaries keyed by Hash find them.
func TestFormsCarryTheirHashes(t *testing.T) {
	tx := New("وبالحسكة، 12 و«")
	var want [MaxForms]string
	for i := range tx.Tokens {
		n := 1
		want[0] = tx.Word(i)
		if tx.Tokens[i].Kind == Word {
			n = Forms(tx.Word(i), &want)
		}
		require.Equal(t, n, tx.NumForms(i), "token %d %q", i, tx.Word(i))
		for k := 0; k < n; k++ {
			form, h := tx.Form(i, k)
			assert.Equal(t, want[k], form)
			assert.Equal(t, Hash(want[k]), h, "form %q", form)
		}
	}
}

// Slice reads a span with the index of every 64th code point: spans on
// both sides of a mark, at its edges and across several.
func TestSliceAcrossMarks(t *testing.T) {
	var s []rune
	for i := range 300 {
		s = append(s, []rune{'a', 'ب', '€', '😀', 'ﻻ'}[i%5])
	}
	tx := New(string(s))
	require.Equal(t, len(s), tx.Len())
	for _, sp := range [][2]int{{0, 0}, {0, 1}, {63, 65}, {64, 64}, {64, 128}, {1, 299}, {0, 300}, {300, 300}, {127, 129}} {
		assert.Equal(t, string(s[sp[0]:sp[1]]), tx.Slice(sp[0], sp[1]), "%v", sp)
	}
	assert.Panics(t, func() { tx.Slice(2, 1) })
	assert.Panics(t, func() { tx.Slice(0, 301) })
}

// Invalid bytes are one U+FFFD each in spans, as in []rune(text).
func TestSliceOfInvalidUTF8(t *testing.T) {
	s := "ب\xff\xfeج"
	tx := New(s)
	require.Equal(t, 4, tx.Len())
	assert.Equal(t, "\uFFFD\uFFFD", tx.Slice(1, 3))
	assert.Equal(t, string([]rune(s)), tx.Slice(0, 4))
}

// suffixHashes gives Hash of every suffix at an even offset, words of odd
// and even length alike.
func TestSuffixHashes(t *testing.T) {
	for _, w := range []string{"a", "ab", "abc", "وبالحسكه", "وبالحسكهx", "و", "ولل"} {
		out := make([]uint64, 9)
		suffixHashes(w, out)
		for o := 0; o < len(out) && o < len(w); o += 2 {
			assert.Equal(t, Hash(w[o:]), out[o], "%q at %d", w, o)
		}
	}
}
