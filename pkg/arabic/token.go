package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word    Kind = iota + 1 // a run of letters
	Number                  // a run of ASCII digits, with inner . or , between digits
	Punct                   // one punctuation or symbol code point
	Newline                 // a line break: paragraphs end here
)

// Token is one word, number, punctuation mark or line break of the
// normalised text: offsets into the Text it belongs to, which holds its
// text (Text.Word) and its clitic forms (Text.Form). 24 bytes.
type Token struct {
	// Start and End are code-point offsets into the original text.
	Start, End int32
	// NormOff and NormEnd are the token's bytes in Text.Norm.
	NormOff, NormEnd int32
	// form indexes the hash of a word's first form in Text.hashes; other
	// tokens' one form is hashed when asked for (Text.FormHash).
	form int32
	Kind Kind
	// nform is how many forms the token has (at least 1, the token
	// itself); offs packs each form's byte offset into the token, halved,
	// three bits a form (clitics are two-byte letters, at most 8 bytes).
	nform uint8
	offs  uint16
}

// Word returns the normalised text of token i (a word, a number, a
// punctuation mark or "\n").
func (t *Text) Word(i int) string {
	tok := &t.Tokens[i]
	return t.Norm[tok.NormOff:tok.NormEnd]
}

// NumForms returns how many forms token i has: a word's clitic readings
// (see Forms), the word itself first; any other token has one, itself.
func (t *Text) NumForms(i int) int { return int(t.Tokens[i].nform) }

// Form returns form k of token i and its Hash, computed once by New for
// words so that dictionaries probe integers rather than hash strings.
func (t *Text) Form(i, k int) (form string, hash uint64) {
	tok := &t.Tokens[i]
	off := int(tok.offs>>(3*k)&7) * 2
	form = t.Norm[int(tok.NormOff)+off : tok.NormEnd]
	if tok.Kind != Word {
		return form, Hash(form) // a mark or number of a few bytes
	}
	return form, t.hashes[int(tok.form)+k]
}

// FormHash is the hash of form k of token i, without the form.
func (t *Text) FormHash(i, k int) uint64 {
	if tok := &t.Tokens[i]; tok.Kind == Word {
		return t.hashes[int(tok.form)+k]
	}
	return Hash(t.Word(i))
}

// class is what a normalised code point is to the tokeniser.
type class uint8

const (
	cSkip    class = iota // a space or U+FFFD: between tokens
	cNewline              // a token of its own that ends a paragraph
	cDigit                // ASCII digits make numbers
	cWord                 // letters and combining marks make words
	cPunct                // anything else is a token of its own
)

// classOf classifies a normalised code point; New looks ASCII and the
// Arabic block up in tables built from it.
func classOf(r rune) class {
	switch {
	case r == '\n':
		return cNewline
	case r == ' ' || r == utf8.RuneError:
		return cSkip
	case r < utf8.RuneSelf:
		switch {
		case '0' <= r && r <= '9':
			return cDigit
		case 'a' <= r && r <= 'z':
			return cWord
		case r < ' ' && unicode.IsSpace(r):
			return cSkip
		}
		return cPunct
	case unicode.IsSpace(r):
		return cSkip
	case r >= 'ء' && r <= 'ي', unicode.IsLetter(r), unicode.Is(unicode.Mn, r):
		return cWord
	}
	return cPunct
}

// builder is New's state: the normalised copy and its offsets as they
// are written, and the tokeniser reading them one code point at a time.
type builder struct {
	t    *Text
	norm []byte
	toks []Token
	// open is Word or Number while one is being read (the last token),
	// else 0.
	open Kind
	// sepOff is the offset in Norm of a . or , read after a number's
	// digits: part of the number if a digit follows, else a token of its
	// own; -1 when there is none. sepSrc is its original code point.
	sepOff, sepSrc int32
	// lastWord is the last word token: harakat and tatweel right after
	// it were dropped from Norm but belong to the word the user sees, so
	// they extend its End. -1 before the first word.
	lastWord int
	// total is the length of the text in bytes.
	total int
}

// reserve makes room for what the next markEvery code points of the
// text, read from byte done on, add unless NFKC expands them: at most a
// token and a code point of Norm each, and about as many bytes as they
// take in the text. (Norm starts as long as the text, so it only grows
// after an expansion.)
func (b *builder) reserve(done int) {
	n := min(markEvery, b.total-done)
	if cap(b.toks)-len(b.toks) <= n {
		// A token needs a code point of its own: there are no more
		// tokens to come than bytes left.
		b.toks = grow(b.toks, n+1, done, b.total, len(b.toks)+b.total-done+1)
	}
	if bytes := min(4*n, b.total-done); cap(b.norm)-len(b.norm) < bytes {
		b.norm = grow(b.norm, bytes, done, b.total, 0)
	}
}

// maxExpansion bounds what NFKC writes for one presentation form: it
// expands ﷺ to 18 code points, each of up to 3 bytes.
const maxExpansion = 18

// reserveExpansion makes room for a presentation form's expansion,
// besides what reserve made room for.
func (b *builder) reserveExpansion(done int) {
	if bytes := 3*maxExpansion + min(4*markEvery, b.total-done); cap(b.norm)-len(b.norm) < bytes {
		b.norm = grow(b.norm, bytes, done, b.total, 0)
	}
}

// grow returns s with room for need more elements: at least twice its
// capacity and as much as the rest of the text needs at the density read
// so far (done of total bytes), but no more than limit (0: no limit).
// Growing by the density, a dense text (a storm of dots) is allocated
// about once at its final size instead of many times over as append
// would; doubling bounds any text to a few times.
func grow[T any](s []T, need, done, total, limit int) []T {
	n := 2 * cap(s)
	if done > 0 {
		est := int(int64(len(s)) * int64(total) / int64(done))
		n = max(n, est+est/8)
	}
	if limit > 0 {
		n = min(n, limit)
	}
	n = max(n, len(s)+need)
	out := make([]T, len(s), n)
	copy(out, s)
	return out
}

// room returns buf emptied, with a capacity of at least n.
func room[T any](buf []T, n int) []T {
	if cap(buf) >= n {
		return buf[:0]
	}
	return make([]T, 0, n)
}

// emit writes one normalised code point, which came from original code
// point o, and tokenises it.
func (b *builder) emit(r rune, cls class, o int32) {
	off := int32(len(b.norm))
	if r < utf8.RuneSelf {
		b.norm = append(b.norm, byte(r))
	} else {
		b.norm = utf8.AppendRune(b.norm, r)
	}
	end := int32(len(b.norm))
	switch b.open {
	case Word:
		if cls == cWord {
			tok := &b.toks[len(b.toks)-1]
			tok.NormEnd, tok.End = end, o+1
			return
		}
		b.open = 0
	case Number:
		if cls == cDigit {
			tok := &b.toks[len(b.toks)-1]
			tok.NormEnd, tok.End = end, o+1
			b.sepOff = -1
			return
		}
		if b.sepOff < 0 && (r == '.' || r == ',') {
			b.sepOff, b.sepSrc = off, o
			return
		}
		b.closeNumber()
	}
	switch cls {
	case cNewline:
		b.push(Newline, off, end, o)
	case cPunct:
		b.push(Punct, off, end, o)
	case cDigit:
		b.push(Number, off, end, o)
		b.open, b.sepOff = Number, -1
	case cWord:
		b.push(Word, off, end, o)
		b.open, b.lastWord = Word, len(b.toks)-1
	}
}

func (b *builder) push(kind Kind, off, end, o int32) {
	b.toks = append(b.toks, Token{Kind: kind, Start: o, End: o + 1, NormOff: off, NormEnd: end})
}

// closeNumber ends the number being read; a separator after it with no
// digit behind is punctuation.
func (b *builder) closeNumber() {
	b.open = 0
	if b.sepOff >= 0 {
		b.push(Punct, b.sepOff, b.sepOff+1, b.sepSrc)
		b.sepOff = -1
	}
}

// dropped notes an original code point o that left nothing in Norm.
func (b *builder) dropped(r rune, o int32) {
	if b.lastWord >= 0 {
		if tok := &b.toks[b.lastWord]; tok.End == o && isDroppedMark(r) {
			tok.End = o + 1
		}
	}
}

// finish closes the last token and computes every token's forms and
// their hashes over the finished Norm.
func (b *builder) finish() {
	if b.open == Number {
		b.closeNumber()
	}
	t := b.t
	t.Norm = string(b.norm)
	// The forms first, to size the hashes exactly.
	nhash := 0
	for i := range b.toks {
		tok := &b.toks[i]
		tok.nform = 1
		if tok.Kind != Word {
			continue
		}
		offs, n := formOffsets(t.Norm[tok.NormOff:tok.NormEnd])
		tok.form, tok.nform, tok.offs = int32(nhash), uint8(n), offs
		nhash += n
	}
	hashes := room(t.hashes, nhash)
	var suffix [maxFormOffset + 1]uint64
	for i := range b.toks {
		tok := &b.toks[i]
		if tok.Kind != Word {
			continue
		}
		w := t.Norm[tok.NormOff:tok.NormEnd]
		maxOff := 0
		for k := 1; k < int(tok.nform); k++ {
			maxOff = max(maxOff, int(tok.offs>>(3*k)&7)*2)
		}
		suffixHashes(w, suffix[:maxOff+1])
		for k := 0; k < int(tok.nform); k++ {
			hashes = append(hashes, suffix[int(tok.offs>>(3*k)&7)*2])
		}
	}
	t.hashes = hashes
}

// formOffsets is Forms as the byte offsets of the forms in w (they are
// its suffixes), packed three bits a form (offset/2) as Token.offs holds
// them, and their number: the same forms in the same order, without
// building their strings. A word that does not open with a clitic's
// letter (ا و ف ب ل ك), or is too short to lose one, is its only form.
func formOffsets(w string) (offs uint16, n int) {
	if len(w) < 2*len("و") || !isCliticLetter(w[:2]) {
		return 0, 1
	}
	// The word itself is form 0, at offset 0; then as Forms adds them.
	var f forms
	f.withArticle(w, 0)
	conj := 0
	if cutsOne(w, "و", "ف") {
		conj = len("و")
		f.withArticle(w, conj)
	}
	if strings.HasPrefix(w[conj:], "لل") && len(w)-conj-len("لل") >= minStem {
		f.add(conj + len("لل"))
	}
	if cutsOne(w[conj:], "ب", "ل", "ك") {
		f.withArticle(w, conj+len("ب"))
	}
	return f.offs, f.n
}

// forms gathers a word's form offsets for formOffsets.
type forms struct {
	offs uint16
	n    int
}

func (f *forms) add(off int) {
	for k := 0; k < f.n; k++ {
		if int(f.offs>>(3*k)&7)*2 == off {
			return
		}
	}
	if f.n < maxPackedForms {
		f.offs |= uint16(off/2) << (3 * f.n)
		f.n++
	}
}

// withArticle adds the form at off and, when it has the article, the
// form without it.
func (f *forms) withArticle(w string, off int) {
	f.add(off)
	if strings.HasPrefix(w[off:], "ال") && len(w)-off-len("ال") >= minStem {
		f.add(off + len("ال"))
	}
}

// maxPackedForms is how many forms Token.offs holds: the distinct
// offsets of و، ب and ال stripped (0, 2, 4, 6, 8).
const maxPackedForms = 5

// cutsOne reports whether cutOne would cut one of the (two-byte)
// prefixes off w.
func cutsOne(w string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(w, p) && len(w)-len(p) >= minStem && w[len(p):] != "ال" {
			return true
		}
	}
	return false
}

// isCliticLetter reports whether the two bytes are ا، و، ف، ب، ل or ك,
// the first letters of every proclitic and of the article.
func isCliticLetter(b string) bool {
	switch b {
	case "ا", "و", "ف", "ب", "ل", "ك":
		return true
	}
	return false
}

// IsArabicWord reports whether w is made of Arabic letters.
func IsArabicWord(w string) bool {
	for _, r := range w {
		if r < 0x0600 || r > 0x06FF {
			return false
		}
	}
	return w != ""
}

// StartAfter returns the original offset of token tok's code point skip
// places into its normalised text: the span of a word without the clitics
// a match stripped from it. It reads the original code points from the
// token's start again (a few: clitics are at most four letters) rather
// than keep an offset for every normalised code point.
func (t *Text) StartAfter(tok Token, skip int) int {
	o := int(tok.Start)
	if skip <= 0 {
		return o
	}
	// A token starts at the first code point an original one gives
	// (TestTables: an expansion is one word).
	for b := t.byteAt(o); o < t.n-1; o++ {
		r, size := utf8.DecodeRuneInString(t.Orig[b:])
		if n := normLen(r); skip < n {
			break
		} else {
			skip -= n
		}
		b += size
	}
	return o
}

// normLen is how many code points the normalised form of r has.
func normLen(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		return 1
	case r >= 0x600 && r <= 0x6FF:
		if arabicTable[r-0x600]&0xFFFF != 0 {
			return 1
		}
		return 0
	case isPresentationForm(r):
		return utf8.RuneCountInString(presentationTable[presentationIndex(r)])
	}
	n := 0
	normalizeRune(r, func(rune) { n++ })
	return n
}

// Span returns the original span of tokens [i, j), starting skip code
// points into token i.
func (t *Text) Span(i, j, skip int) (start, end int) {
	return t.StartAfter(t.Tokens[i], skip), int(t.Tokens[j-1].End)
}

// isDroppedMark reports harakat and tatweel, which Norm drops but a word
// keeps in its span.
func isDroppedMark(r rune) bool {
	return r == 'ـ' || (r >= 0x064B && r <= 0x065F) || r == 0x0670
}
