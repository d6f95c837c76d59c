package arabic

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

func TestLetters(t *testing.T) {
	for s, want := range map[string][2]int{
		"":                        {0, 0},
		"هجوم":                    {4, 4},
		"Car bomb":                {0, 7},
		"قَتَلَ 3":                {3, 3},  // harakat and digits are not letters
		"بغداد Baghdad ١٢ ، « »":  {5, 12}, // Arabic-Indic digits and punctuation neither
		"ﺑﻐﺪاد":                   {5, 5},  // presentation forms
		"Ελλάδα":                  {0, 6},
		"گزارش":                   {5, 5}, // Persian letters are Arabic script
		"@#$%^&*()[]{}0123456789": {0, 0},
	} {
		a, all := Letters(s)
		assert.Equal(t, want, [2]int{a, all}, "%q", s)
	}
}

// The fast paths of Letters count what the Unicode tables say, for every
// code point.
func TestLettersAgreesWithTheUnicodeTables(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are no UTF-8
		}
		wantAll, wantAr := 0, 0
		if unicode.IsLetter(r) {
			wantAll = 1
			if unicode.Is(unicode.Arabic, r) {
				wantAr = 1
			}
		}
		ar, all := Letters(string(r))
		if ar != wantAr || all != wantAll {
			t.Fatalf("%U: Letters says %d Arabic of %d letters, the tables %d of %d", r, ar, all, wantAr, wantAll)
		}
	}
}
