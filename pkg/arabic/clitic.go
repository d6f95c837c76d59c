package arabic

import "strings"

// minStem is the shortest stem, in bytes (two Arabic letters), left after a
// clitic is stripped; shorter remainders are letters of the word itself.
const minStem = 4

// MaxForms is the most forms Forms writes.
const MaxForms = 8

// Forms writes into dst the forms a word may stand for once its proclitics
// are removed, the word itself first: و/ف (and), then ب/ل/ك (in, to, like),
// then the article ال, with لل (ل + ال) as one. All forms are substrings of
// w, so nothing is allocated. It returns how many forms it wrote.
//
// وبالحسكة → وبالحسكه, بالحسكه, الحسكه, حسكه
func Forms(w string, dst *[MaxForms]string) int {
	n := 0
	add := func(s string) {
		for i := 0; i < n; i++ {
			if dst[i] == s {
				return
			}
		}
		if n < MaxForms {
			dst[n] = s
			n++
		}
	}
	addWithArticle := func(s string) {
		add(s)
		if rest, ok := strings.CutPrefix(s, "ال"); ok && len(rest) >= minStem {
			add(rest)
		}
	}
	addWithArticle(w)
	conj := w
	if rest, ok := cutOne(w, "و", "ف"); ok {
		conj = rest
		addWithArticle(rest)
	}
	if rest, ok := strings.CutPrefix(conj, "لل"); ok && len(rest) >= minStem {
		add(rest) // لل = ل + ال: the article's alef is dropped
	}
	if rest, ok := cutOne(conj, "ب", "ل", "ك"); ok {
		addWithArticle(rest)
	}
	return n
}

func cutOne(w string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= minStem && rest != "ال" {
			return rest, true
		}
	}
	return w, false
}

// StripArticle removes a leading ال when enough of the word remains.
func StripArticle(w string) string {
	if rest, ok := strings.CutPrefix(w, "ال"); ok && len(rest) >= minStem {
		return rest
	}
	return w
}

// IsConjunction reports a conjunction written apart (و، ف), which may stand
// between a cue and what it introduces.
func IsConjunction(w string) bool { return w == "و" || w == "ف" }

// HasArticle reports a word written with the article, alone (الهجوم) or
// after the preposition ل (للهجوم).
func HasArticle(w string) bool {
	return strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "لل")
}

// HasLam reports a word that opens with the preposition ل (to, of, by):
// هجوم لداعش is an attack by IS.
func HasLam(w string) bool { return strings.HasPrefix(w, "ل") }

// IsConjoined reports a word that opens with the conjunction و (وخطف):
// it may be joined to the word before it.
func IsConjoined(w string) bool { return strings.HasPrefix(w, "و") && len(w) > len("و") }
