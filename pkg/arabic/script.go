package arabic

import (
	"unicode"
	"unicode/utf8"
)

// Letters counts the letters of s, and how many of them are of the Arabic
// script (Arabic, Persian or Urdu letters alike: it tells a script, not a
// language). Marks such as harakat, digits and punctuation are not
// letters.
func Letters(s string) (arabicLetters, all int) {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if c := r | 0x20; 'a' <= c && c <= 'z' {
				all++
			}
			continue
		}
		if unicode.IsLetter(r) {
			all++
			if unicode.Is(unicode.Arabic, r) {
				arabicLetters++
			}
		}
	}
	return arabicLetters, all
}
