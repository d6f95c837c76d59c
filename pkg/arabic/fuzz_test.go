package arabic

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// seeds are adversarial inputs for the fuzz targets: every class of code
// point the fast paths treat apart, at the edges of words and numbers.
var seeds = []string{
	"", "قتل ١١ جندياً، في «ثـأر الشهداء»\nاللواء45", "ﻻ ﷺ الله", "\xff\xfe\x00abc",
	"a\u200b\u200fb\r\n", "٢٠٢١/١/٢٧", "وبالحسكة وللحسكة", "ﻻ \ufde7\xcb\xcb",
	"1,000.5 1..2 3, 4. ,5 ١٬٥٠٠", "كتبً\u200cً", "ـــ", "ﷲً", "ABC\tÉ\u00a0\u2028x",
	"\u0610\u0615كلمة\u06dd", "۰۱۲\u066a", "ﹰﹱ", "\xd8", "\xd8\x41", "\xdb\xbf", "ﺑﻐﺪاد",
	strings.Repeat(".", 200), strings.Repeat("و", 130) + "ً",
}

// FuzzNewMatchesReference pins New, the one-pass normaliser and tokeniser
// with its tables, to the rune-by-rune reference (reference_test.go):
// the same normalised text, offset map, tokens, spans and forms.
func FuzzNewMatchesReference(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := New(s), refNew(s)
		if got.Norm != string(want.Norm) {
			t.Fatalf("Norm %q, reference %q", got.Norm, string(want.Norm))
		}
		if Normalize(s) != refNormalize(s) {
			t.Fatalf("Normalize %q, reference %q", Normalize(s), refNormalize(s))
		}
		if got.Len() != len(want.Runes) {
			t.Fatalf("Len %d, reference %d", got.Len(), len(want.Runes))
		}
		if a, all := got.Letters(); [2]int{a, all} != lettersOf(s) {
			t.Fatalf("Letters %d of %d, Letters(s) %v", a, all, lettersOf(s))
		}
		if len(got.Tokens) != len(want.Tokens) {
			t.Fatalf("%d tokens, reference %d: %+v", len(got.Tokens), len(want.Tokens), want.Tokens)
		}
		for i, tok := range got.Tokens {
			w := want.Tokens[i]
			if got.Word(i) != w.Text || tok.Kind != w.Kind || int(tok.Start) != w.Start || int(tok.End) != w.End {
				t.Fatalf("token %d: %q %+v, reference %+v", i, got.Word(i), tok, w)
			}
			startsAfterAsReference(t, got, i, want, w)
			forms := w.Forms
			if forms == nil {
				forms = []string{w.Text}
			}
			if got.NumForms(i) != len(forms) {
				t.Fatalf("token %d %q: %d forms, reference %q", i, w.Text, got.NumForms(i), forms)
			}
			for k, want := range forms {
				if form, h := got.Form(i, k); form != want || h != Hash(want) {
					t.Fatalf("token %d form %d: %q, reference %q", i, k, form, want)
				}
			}
			if s, e := int(tok.Start), int(tok.End); got.Slice(s, e) != string(want.Runes[s:e]) {
				t.Fatalf("token %d: Slice %q, reference %q", i, got.Slice(s, e), string(want.Runes[s:e]))
			}
		}
	})
}

// startsAfterAsReference checks StartAfter at every code point of token i
// against the reference's offset map, which kept the original code point
// of every normalised one.
func startsAfterAsReference(t *testing.T, got *Text, i int, want *refText, w refToken) {
	t.Helper()
	for skip := range utf8.RuneCountInString(w.Text) {
		if a, b := got.StartAfter(got.Tokens[i], skip), int(want.Src[w.NormStart+skip]); a != b {
			t.Fatalf("token %d %q: StartAfter(%d) = %d, reference %d", i, w.Text, skip, a, b)
		}
	}
}

// FuzzNew checks the offsets on arbitrary input: every token's span lies
// within the original text, in order, and StartAfter moves through it
// without going back.
func FuzzNew(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tx := New(s)
		if tx.Len() != utf8.RuneCountInString(s) {
			t.Fatalf("Len %d, text %d code points", tx.Len(), utf8.RuneCountInString(s))
		}
		prevEnd := 0
		for i, tok := range tx.Tokens {
			if int(tok.Start) < prevEnd || tok.Start >= tok.End || int(tok.End) > tx.Len() {
				t.Fatalf("token %d %+v: span out of order or outside [%d,%d]", i, tok, prevEnd, tx.Len())
			}
			prev := int(tok.Start)
			for skip := range utf8.RuneCountInString(tx.Word(i)) {
				a := tx.StartAfter(tok, skip)
				if a < prev || a >= int(tok.End) {
					t.Fatalf("token %d %+v: StartAfter(%d) = %d, after %d", i, tok, skip, a, prev)
				}
				prev = a
			}
			if tx.Word(i) == "" {
				t.Fatalf("token %d has no text", i)
			}
			prevEnd = int(tok.End)
		}
	})
}

// matchesReference fails t at the first difference between New and the
// reference on s.
func matchesReference(t *testing.T, s string) {
	t.Helper()
	got, want := New(s), refNew(s)
	if a, all := got.Letters(); [2]int{a, all} != lettersOf(s) {
		t.Fatalf("%q: Letters %d of %d, Letters(s) %v", s, a, all, lettersOf(s))
	}
	if got.Norm != string(want.Norm) || len(got.Tokens) != len(want.Tokens) {
		t.Fatalf("%q: Norm %q with %d tokens, reference %q with %d", s, got.Norm, len(got.Tokens), string(want.Norm), len(want.Tokens))
	}
	for i, tok := range got.Tokens {
		w := want.Tokens[i]
		if got.Word(i) != w.Text || tok.Kind != w.Kind || int(tok.Start) != w.Start || int(tok.End) != w.End {
			t.Fatalf("%q: token %d: %q %+v, reference %+v", s, i, got.Word(i), tok, w)
		}
		startsAfterAsReference(t, got, i, want, w)
		if w.Kind == Word && got.NumForms(i) != len(w.Forms) {
			t.Fatalf("%q: token %d: %d forms, reference %q", s, i, got.NumForms(i), w.Forms)
		}
	}
}

// Every code point, alone and inside a word followed by a haraka and a
// number, normalises and tokenises as the reference says.
func TestNewMatchesReferenceOnEveryCodePoint(t *testing.T) {
	if testing.Short() {
		t.Skip("1.1 million code points")
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		matchesReference(t, string(r))
		matchesReference(t, "بو"+string(r)+"ً1"+string(r)+"2")
	}
}

// Random text over the alphabet the fast paths care about: the Arabic
// block, presentation forms, marks, digits, separators, spaces, Latin.
func TestNewMatchesReferenceOnRandomText(t *testing.T) {
	var alphabet []rune
	for r := rune(0x600); r < 0x700; r++ {
		alphabet = append(alphabet, r)
	}
	alphabet = append(alphabet, []rune("ﻻﷺﷲﹰﺑﻐ\ufde7 \n\t\r.,1234567890aZé\u00a0\u200c\u2028\uFFFD«»\"\x00")...)
	alphabet = append(alphabet, []rune("ولبكفال ")...) // clitics, often
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		n := rng.IntN(40)
		var b strings.Builder
		for range n {
			if rng.IntN(50) == 0 {
				b.WriteByte(byte(0x80 + rng.IntN(0x80))) // an invalid byte
				continue
			}
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		matchesReference(t, b.String())
	}
}

func lettersOf(s string) [2]int {
	a, all := Letters(s)
	return [2]int{a, all}
}

// FuzzFormOffsets pins formOffsets, which New uses, to Forms: the same
// forms in the same order, for any word, and never more than Token holds.
func FuzzFormOffsets(f *testing.F) {
	for _, w := range []string{"وبالحسكه", "للحسكه", "وللحسكه", "فالال", "والال", "بال", "وال", "ولل",
		"كال", "الالال", "ببب", "وبالال", "ولل12", "abc", "", "و", "ال"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		var want [MaxForms]string
		n := Forms(w, &want)
		offs, m := formOffsets(w)
		if n > maxPackedForms || m != n {
			t.Fatalf("%q: %d forms, Forms %d %q", w, m, n, want[:n])
		}
		for k := range n {
			if off := int(offs>>(3*k)&7) * 2; w[off:] != want[k] {
				t.Fatalf("%q: form %d %q, Forms %q", w, k, w[off:], want[k])
			}
		}
	})
}

// Every word of up to six letters over the clitics' letters and two
// others gives Forms' forms.
func TestFormOffsetsOnEveryShortWord(t *testing.T) {
	letters := []string{"و", "ف", "ب", "ل", "ك", "ا", "ه", "a"}
	var walk func(w string, depth int)
	walk = func(w string, depth int) {
		var want [MaxForms]string
		n := Forms(w, &want)
		offs, m := formOffsets(w)
		if m != n {
			t.Fatalf("%q: %d forms, Forms %q", w, m, want[:n])
		}
		for k := range n {
			if off := int(offs>>(3*k)&7) * 2; w[off:] != want[k] {
				t.Fatalf("%q: form %d %q, Forms %q", w, k, w[off:], want[k])
			}
		}
		if depth < 6 {
			for _, l := range letters {
				walk(w+l, depth+1)
			}
		}
	}
	walk("", 0)
}
