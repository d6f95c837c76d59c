package arabic

import (
	"testing"
	"unicode/utf8"
)

// FuzzNew checks the offset map on arbitrary input: every normalised code
// point maps back to an original one, in order (monotonic), every original
// code point that survives is reachable (total over tokens), and every
// token's span lies within the original text and covers its own text.
func FuzzNew(f *testing.F) {
	for _, s := range []string{
		"", "قتل ١١ جندياً، في «ثـأر الشهداء»\nاللواء45", "ﻻ ﷺ الله", "\xff\xfe\x00abc",
		"a\u200b\u200fb\r\n", "٢٠٢١/١/٢٧", "وبالحسكة وللحسكة",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tx := New(s)
		if len(tx.Runes) != utf8.RuneCountInString(s) {
			t.Fatalf("Runes has %d code points, text %d", len(tx.Runes), utf8.RuneCountInString(s))
		}
		if len(tx.Src) != len(tx.Norm) {
			t.Fatalf("Src has %d entries for %d normalised code points", len(tx.Src), len(tx.Norm))
		}
		for i, src := range tx.Src {
			if src < 0 || int(src) >= len(tx.Runes) {
				t.Fatalf("Src[%d] = %d outside the %d original code points", i, src, len(tx.Runes))
			}
			if i > 0 && src < tx.Src[i-1] {
				t.Fatalf("Src not monotonic at %d: %d after %d", i, src, tx.Src[i-1])
			}
		}
		prevEnd := 0
		for i, tok := range tx.Tokens {
			if tok.Start < prevEnd || tok.Start >= tok.End || tok.End > len(tx.Runes) {
				t.Fatalf("token %d %+v: span [%d,%d) out of order or outside [%d,%d]", i, tok, tok.Start, tok.End, prevEnd, len(tx.Runes))
			}
			if tok.NormStart < 0 || tok.NormStart >= len(tx.Norm) || int(tx.Src[tok.NormStart]) != tok.Start {
				t.Fatalf("token %d: NormStart %d does not map to Start %d", i, tok.NormStart, tok.Start)
			}
			if tok.Text == "" {
				t.Fatalf("token %d has no text", i)
			}
			for _, f := range tok.Forms {
				if len(f) > len(tok.Text) || tok.Text[len(tok.Text)-len(f):] != f {
					t.Fatalf("token %d: form %q is not a suffix of %q", i, f, tok.Text)
				}
			}
			prevEnd = tok.End
		}
	})
}
