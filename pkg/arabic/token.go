package arabic

import (
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

// Token is one word, number or punctuation mark of the normalised text.
type Token struct {
	// Text is the normalised form.
	Text string
	Kind Kind
	// Start and End are code-point offsets into the original text.
	Start, End int
	// NormStart is the offset of the token's first code point in Text.Norm.
	NormStart int
	// Forms are the word's clitic-stripped forms (see Forms), the word
	// itself first; computed once here because every dictionary looks
	// them up.
	Forms []string
}

// tokenize splits the normalised code points into tokens. src maps each
// normalised code point to its original one; origLen is the original
// length, so a token's End never passes it.
func tokenize(normRunes []rune, src []int32, orig []rune) []Token {
	origLen := len(orig)
	// One string holds all token texts, so tokens share its memory.
	buf := make([]byte, 0, len(normRunes)*2)
	byteAt := make([]int32, len(normRunes)+1)
	for i, r := range normRunes {
		byteAt[i] = int32(len(buf))
		if r < utf8.RuneSelf {
			buf = append(buf, byte(r))
		} else {
			buf = utf8.AppendRune(buf, r)
		}
	}
	byteAt[len(normRunes)] = int32(len(buf))
	s := string(buf)

	toks := make([]Token, 0, len(normRunes)/5+1)
	add := func(kind Kind, i, j int) {
		end := int(src[j-1]) + 1
		if kind == Word {
			// Harakat and tatweel at the end of a word were dropped from
			// the normalised copy but belong to the word the user sees.
			for end < origLen && isDroppedMark(orig[end]) {
				end++
			}
		}
		toks = append(toks, Token{Text: s[byteAt[i]:byteAt[j]], Kind: kind, Start: int(src[i]), End: end, NormStart: i})
	}
	n := len(normRunes)
	for i := 0; i < n; {
		r := normRunes[i]
		switch {
		case r == '\n':
			add(Newline, i, i+1)
			i++
		case r == ' ' || r == utf8.RuneError || (r >= 0x80 || r < ' ') && unicode.IsSpace(r):
			i++
		case isDigit(r):
			j := i + 1
			for j < n {
				if isDigit(normRunes[j]) {
					j++
					continue
				}
				if (normRunes[j] == '.' || normRunes[j] == ',') && j+1 < n && isDigit(normRunes[j+1]) {
					j += 2
					continue
				}
				break
			}
			add(Number, i, j)
			i = j
		case isWordRune(r):
			j := i + 1
			for j < n && isWordRune(normRunes[j]) {
				j++
			}
			add(Word, i, j)
			i = j
		default:
			add(Punct, i, i+1)
			i++
		}
	}
	// All tokens' forms share one backing array.
	var forms [MaxForms]string
	pool := make([]string, 0, len(toks)*3)
	for i := range toks {
		if toks[i].Kind != Word {
			continue
		}
		n := Forms(toks[i].Text, &forms)
		start := len(pool)
		pool = append(pool, forms[:n]...)
		toks[i].Forms = pool[start:len(pool):len(pool)]
	}
	return toks
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isWordRune(r rune) bool {
	switch {
	case r >= 'ء' && r <= 'ي', r >= 'a' && r <= 'z':
		return true
	case r < 0x80:
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
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
// a match stripped from it.
func (t *Text) StartAfter(tok Token, skip int) int {
	if skip <= 0 {
		return tok.Start
	}
	return int(t.Src[tok.NormStart+skip])
}

// Span returns the original span of tokens [i, j), starting skip code
// points into token i.
func (t *Text) Span(i, j, skip int) (start, end int) {
	return t.StartAfter(t.Tokens[i], skip), t.Tokens[j-1].End
}

func isDroppedMark(r rune) bool {
	f, ok := fold(r)
	return ok && f == 0 && (r == 'ـ' || (r >= 0x064B && r <= 0x065F) || r == 0x0670)
}
