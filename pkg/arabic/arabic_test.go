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
	}
}

func TestTokensMapToOriginal(t *testing.T) {
	text := "قتل ١١ جندياً، في «ثـأر الشهداء»\nاللواء45"
	tx := New(text)
	var got []string
	for _, tok := range tx.Tokens {
		got = append(got, tx.Slice(tok.Start, tok.End))
	}
	assert.Equal(t, []string{"قتل", "١١", "جندياً", "،", "في", "«", "ثـأر", "الشهداء", "»", "\n", "اللواء", "45"}, got)
	assert.Equal(t, "11", tx.Tokens[1].Text)
	assert.Equal(t, Number, tx.Tokens[1].Kind)
	assert.Equal(t, "ثار", tx.Tokens[6].Text)
}

func TestSrcIsMonotonicAndTotal(t *testing.T) {
	for _, s := range []string{"", "\xff\xfeabc", "ﷺ ﻻ الله", "a\u200b\u200bb"} {
		tx := New(s)
		require.Len(t, tx.Src, len(tx.Norm))
		for i := 1; i < len(tx.Src); i++ {
			assert.LessOrEqual(t, tx.Src[i-1], tx.Src[i])
		}
		for _, tok := range tx.Tokens {
			assert.True(t, 0 <= tok.Start && tok.Start < tok.End && tok.End <= len(tx.Runes), "%q: token %+v", s, tok)
		}
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
