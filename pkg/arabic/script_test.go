package arabic

import (
	"testing"

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
