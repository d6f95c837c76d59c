// Package arabic normalises Arabic news text for matching and splits it into
// tokens, keeping every position as a code-point offset into the original
// text: matching runs on the normalised copy, spans are reported on the
// original (SPEC "Offsets"). Like bleve's analysis/lang/ar it folds the
// letter variants writers mix freely, but it never loses the way back.
package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Text is a document's text with its normalised copy and tokens.
type Text struct {
	// Orig is the text as given.
	Orig string
	// Runes is Orig split into code points; spans index it.
	Runes []rune
	// Norm is the normalised copy, one entry per output code point.
	Norm []rune
	// Src maps each Norm code point to the original code point it came from.
	Src []int32
	// Tokens are the words, numbers and punctuation of Norm, in order.
	Tokens []Token
}

// New normalises s and tokenises the result. Invalid UTF-8 bytes count as
// one code point each (U+FFFD), as Go's []rune conversion and every JSON
// encoder see them, so spans stay aligned with what the user sees.
func New(s string) *Text {
	t := &Text{Orig: s, Runes: []rune(s)}
	t.Norm = make([]rune, 0, len(t.Runes))
	t.Src = make([]int32, 0, len(t.Runes))
	for i, r := range t.Runes {
		t.appendNorm(r, int32(i))
	}
	t.Tokens = tokenize(t.Norm, t.Src, t.Runes)
	return t
}

// Slice returns the original text of the code-point span [start, end).
func (t *Text) Slice(start, end int) string {
	return string(t.Runes[start:end])
}

// Normalize returns the normalised form of s without offsets; dictionary
// entries go through it so they compare equal to text tokens.
func Normalize(s string) string {
	var t Text
	for i, r := range s {
		t.appendNorm(r, int32(i))
	}
	return string(t.Norm)
}

func (t *Text) emit(r rune, src int32) {
	t.Norm = append(t.Norm, r)
	t.Src = append(t.Src, src)
}

// appendNorm writes the normalised form of one original code point.
func (t *Text) appendNorm(r rune, src int32) {
	// Most code points of an article are Arabic letters that stay as
	// they are; decide those first.
	if r >= 'ء' && r <= 'ي' && r != 'أ' && r != 'إ' && r != 'آ' && r != 'ى' && r != 'ة' && r != 'ـ' {
		t.emit(r, src)
		return
	}
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r == '\r' || r == '\t' || r == '\f' || r == '\v' {
			r = ' '
		}
		t.emit(r, src)
		return
	case isPresentationForm(r):
		// Presentation forms (ligatures, isolated/final glyph codes) come
		// from old PDFs and copy-paste; NFKC maps them to letters. Each
		// resulting letter still points at the one original code point.
		for _, d := range norm.NFKC.String(string(r)) {
			switch {
			case d == ' ':
			case isPresentationForm(d):
				// Unassigned code points in the block map to themselves:
				// keep them rather than fold them again.
				t.emit(d, src)
			default:
				t.appendNorm(d, src)
			}
		}
		return
	}
	if f, ok := fold(r); ok {
		if f != 0 {
			t.emit(f, src)
		}
		return
	}
	if unicode.IsSpace(r) {
		t.emit(' ', src)
		return
	}
	if unicode.IsUpper(r) {
		r = unicode.ToLower(r)
	}
	t.emit(r, src)
}

func isPresentationForm(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFC)
}

// fold maps one code point to its matching form; 0 drops it. ok is false
// for code points left as they are.
func fold(r rune) (rune, bool) {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED:
		return 0, true // harakat, Quranic marks, superscript alef
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	}
	switch r {
	case 'ـ': // tatweel
		return 0, true
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا', true
	case 'ى', 'ی', 'ې':
		return 'ي', true
	case 'ة':
		return 'ه', true
	case 'ک':
		return 'ك', true
	case 'ۀ', 'ە':
		return 'ه', true
	case '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C',
		'\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF', '\u00AD', '\u061C':
		return 0, true // zero-width and bidi controls, BOM, soft hyphen
	case '“', '”', '„', '‟', '″', '＂':
		return '"', true
	case '‘', '’', '‚', '‛', '′', '`':
		return '\'', true
	case '‹':
		return '«', true
	case '›':
		return '»', true
	case '–', '—', '‒', '―', '−', '‐', '‑', '⁃':
		return '-', true
	case '٫':
		return '.', true
	case '٬':
		return ',', true
	case '٪':
		return '%', true
	case '\u00A0', '\u2007', '\u202F', '\u3000':
		return ' ', true
	case '\u2028', '\u2029', '\u0085':
		return '\n', true
	}
	return 0, false
}

// Key is the dictionary form of a normalised phrase: tokens joined by one
// space. Callers compare dictionary phrases with text through it.
func Key(s string) string {
	return strings.Join(strings.Fields(Normalize(s)), " ")
}
