// Package arabic normalises Arabic news text for matching and splits it into
// tokens, keeping every position as a code-point offset into the original
// text: matching runs on the normalised copy, spans are reported on the
// original (SPEC "Offsets"). Like bleve's analysis/lang/ar it folds the
// letter variants writers mix freely, but it never loses the way back.
//
// New reads the text once: each code point is normalised (through tables
// for ASCII, the Arabic block and the presentation forms NFKC expands;
// the Unicode tables for the rest), written to the normalised copy and
// fed to the tokeniser, so the tokens' offsets into both texts come out
// of the same pass; their clitic forms are hashed once. A token is a few
// int32s, not strings of its own, so memory is a bounded multiple of the
// text's size whatever it holds (see Text).
package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is a document's text with its normalised copy and tokens.
//
// Memory: a token takes 24 bytes, and there is at most one per code
// point of the text; a word takes 8 more per clitic form (at most 5);
// the normalised copy is about as long as the text, up to ten times
// where NFKC expands ligatures (twice: the buffer and the string). Offsets
// are kept per token, not per code point, with the byte offset of every
// 64th code point of the text. The buffers grow to what the rest of the
// text needs at the density read so far (reserve), so that each is
// allocated about once at its final size: New spends about 30 bytes a
// byte on a storm of dots (TestMemoryBound in package extract bounds the
// whole extraction).
type Text struct {
	// Orig is the text as given.
	Orig string
	// Norm is the normalised copy; Token.NormOff and NormEnd index it.
	Norm string
	// Tokens are the words, numbers, punctuation marks and line breaks of
	// Norm, in order.
	Tokens []Token

	// hashes are the words' forms' hashes (Token.form indexes them).
	hashes []uint64
	// normBuf is the buffer Norm was copied from, for the next Reset.
	normBuf []byte
	// n is the length of Orig in code points.
	n int
	// marks holds the byte offset in Orig of every markEvery-th code
	// point, so that a code-point offset finds its byte in a few steps
	// without a []rune copy of the text.
	marks []int32
	// valid: Orig is valid UTF-8 (else each invalid byte is one U+FFFD).
	valid bool
	// letters and arabicLetters count Orig's letters as Letters does.
	letters, arabicLetters int
}

// markEvery is how many code points lie between two entries of
// Text.marks: 4 bytes of index per 64 code points, at most 63 decoded to
// find one.
const markEvery = 64

// New normalises s and tokenises the result. Invalid UTF-8 bytes count as
// one code point each (U+FFFD), as Go's []rune conversion and every JSON
// encoder see them, so spans stay aligned with what the user sees.
func New(s string) *Text {
	t := new(Text)
	t.Reset(s)
	return t
}

// Reset makes t the Text of s, as New(s) does, in the buffers of the text
// t held: a pipeline done with one text reads the next without allocating
// them again. Nothing of the previous text may be in use but its Norm
// and the strings taken from it, which Reset leaves alone.
func (t *Text) Reset(s string) {
	*t = Text{Orig: s, valid: true, Tokens: t.Tokens[:0], hashes: t.hashes[:0],
		marks: t.marks[:0], normBuf: t.normBuf[:0]}
	b := builder{t: t, lastWord: -1, sepOff: -1, total: len(s)}
	// Arabic takes two bytes a letter and a word about six code points;
	// reserve grows the buffers if the text is denser.
	b.norm = room(t.normBuf, len(s)+8)
	b.toks = room(t.Tokens, len(s)/8+4)
	t.marks = room(t.marks, len(s)/markEvery+1)
	var o int32 // the original code point being read
	for i := 0; i < len(s); o++ {
		if o%markEvery == 0 {
			t.marks = append(t.marks, int32(i))
			b.reserve(i)
		}
		c := s[i]
		if c < utf8.RuneSelf {
			e := asciiTable[c]
			t.letters += int(e >> 15)
			if cls := class(e >> 8 & 0x7F); cls == cSkip && b.open != Number {
				// The common case, inline: a space ends a word.
				b.norm = append(b.norm, byte(e))
				b.open = 0
			} else {
				b.emit(rune(e&0xFF), cls, o)
			}
			i++
			continue
		}
		if c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+0600–U+06FF, the Arabic block, in two bytes.
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
			e := arabicTable[r-0x600]
			t.letters += int(e >> 24 & 1)
			t.arabicLetters += int(e >> 25)
			out, cls := rune(e&0xFFFF), class(e>>16&0xFF)
			switch {
			case out == 0:
				b.dropped(r, o)
			case cls == cWord && b.open == Word:
				// The common case, inline: a letter (two bytes, in the
				// block) goes on with the word being read.
				b.norm = append(b.norm, byte(0xC0|out>>6), byte(0x80|out&0x3F))
				tok := &b.toks[len(b.toks)-1]
				tok.NormEnd, tok.End = int32(len(b.norm)), o+1
			default:
				b.emit(out, cls, o)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			t.valid = false
		}
		i += size
		if unicode.IsLetter(r) {
			t.letters++
			if unicode.Is(unicode.Arabic, r) {
				t.arabicLetters++
			}
		}
		if isPresentationForm(r) {
			b.reserveExpansion(i)
		}
		if !normalizeRune(r, func(d rune) { b.emit(d, classOf(d), o) }) {
			b.dropped(r, o)
		}
	}
	b.finish()
	t.n = int(o)
	t.normBuf, t.Tokens = b.norm, b.toks
}

// Letters counts the letters of the original text, and how many of them
// are Arabic, as Letters(t.Orig) does, without reading it again.
func (t *Text) Letters() (arabicLetters, all int) { return t.arabicLetters, t.letters }

// Len is the length of the original text in code points.
func (t *Text) Len() int { return t.n }

// Slice returns the original text of the code-point span [start, end).
func (t *Text) Slice(start, end int) string {
	if start < 0 || start > end || end > t.n {
		panic("arabic: Slice out of range")
	}
	b0 := t.byteAt(start)
	b1 := b0
	if end > start {
		b1 = t.byteAt(end)
	}
	s := t.Orig[b0:b1]
	if !t.valid && !utf8.ValidString(s) {
		return string([]rune(s)) // one U+FFFD per invalid byte, as []rune(Orig) has it
	}
	return s
}

// byteAt returns the byte offset in Orig of code point c (len(Orig) for
// c == Len()).
func (t *Text) byteAt(c int) int {
	if c >= t.n {
		return len(t.Orig)
	}
	b := int(t.marks[c/markEvery])
	k := c % markEvery
	if !t.valid {
		for ; k > 0; k-- {
			_, size := utf8.DecodeRuneInString(t.Orig[b:])
			b += size
		}
		return b
	}
	// Valid UTF-8: a code point's length is in its first byte.
	for ; k > 0; k-- {
		switch c := t.Orig[b]; {
		case c < 0xC0:
			b++
		case c < 0xE0:
			b += 2
		case c < 0xF0:
			b += 3
		default:
			b += 4
		}
	}
	return b
}

// Normalize returns the normalised form of s without offsets; dictionary
// entries go through it so they compare equal to text tokens.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		normalizeRune(r, func(d rune) { b.WriteRune(d) })
	}
	return b.String()
}

// Key is the dictionary form of a normalised phrase: tokens joined by one
// space. Callers compare dictionary phrases with text through it.
func Key(s string) string {
	return strings.Join(strings.Fields(Normalize(s)), " ")
}

// normalizeRune calls emit with the normalised form of one original code
// point, if any, and reports whether there was one. It is the general
// path; New looks ASCII and the Arabic block up in tables built from it
// (TestTables).
func normalizeRune(r rune, emit func(rune)) bool {
	// Most code points of an article are Arabic letters that stay as
	// they are; decide those first.
	if r >= 'ء' && r <= 'ي' && r != 'أ' && r != 'إ' && r != 'آ' && r != 'ى' && r != 'ة' && r != 'ـ' {
		emit(r)
		return true
	}
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		if r == '\r' || r == '\t' || r == '\f' || r == '\v' {
			r = ' '
		}
		emit(r)
		return true
	case isPresentationForm(r):
		// Presentation forms (ligatures, isolated/final glyph codes) come
		// from old PDFs and copy-paste; NFKC maps them to letters, which
		// are then normalised in turn: presentationTable holds the result
		// (see expandPresentationForm in tables_test.go). Each resulting
		// letter still points at the one original code point.
		out := presentationTable[presentationIndex(r)]
		for _, d := range out {
			emit(d)
		}
		return out != ""
	}
	if f, ok := fold(r); ok {
		if f != 0 {
			emit(f)
			return true
		}
		return false
	}
	if unicode.IsSpace(r) {
		emit(' ')
		return true
	}
	if unicode.IsUpper(r) {
		r = unicode.ToLower(r)
	}
	emit(r)
	return true
}

func isPresentationForm(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFC)
}

// presentationIndex is a presentation form's index in presentationTable:
// U+FB50–U+FDFF, then U+FE70–U+FEFC.
func presentationIndex(r rune) int {
	if r >= 0xFE70 {
		return int(r-0xFE70) + 0xFDFF - 0xFB50 + 1
	}
	return int(r - 0xFB50)
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
