package eval

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

// NameKey is the form names are compared in: arabic.Normalize (Arabic
// letter variants, harakat, tatweel, digits), then case folding, Latin
// diacritics dropped (NFKD, marks removed), and everything that is neither
// a letter nor a digit removed — spaces, hyphens, apostrophes, dots. So
// "Al-Anbar", "al anbar" and "AlAnbar" are one name, "At-Ta'mim" equals
// "At Tamim", and "ديالى" equals "ديالي"; NFKD also folds the hamza seats
// ؤ and ئ to و and ي, as writers mix them. Dropping separators entirely
// (rather than folding them to a space) is what makes transliterations
// written with and without an apostrophe or hyphen agree.
func NameKey(s string) string {
	s = norm.NFKD.String(arabic.Normalize(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nameSet is a set of accepted names in NameKey form.
type nameSet map[string]bool

func newNameSet(names []string) nameSet {
	s := make(nameSet, len(names))
	for _, n := range names {
		if k := NameKey(n); k != "" {
			s[k] = true
		}
	}
	return s
}

// has reports whether name is one of the accepted names.
func (s nameSet) has(name string) bool {
	k := NameKey(name)
	return k != "" && s[k]
}
