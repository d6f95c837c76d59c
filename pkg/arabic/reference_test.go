package arabic

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file keeps the normaliser and tokeniser as they were before the
// fast paths (rune by rune, []rune copies, one Go string per token): the
// specification the fast code is tested against (FuzzNewMatchesReference,
// TestTables). Change both together.

type refText struct {
	Runes  []rune
	Norm   []rune
	Src    []int32
	Tokens []refToken
}

type refToken struct {
	Text       string
	Kind       Kind
	Start, End int
	NormStart  int
	Forms      []string
}

func refNew(s string) *refText {
	t := &refText{Runes: []rune(s)}
	t.Norm = make([]rune, 0, len(t.Runes))
	t.Src = make([]int32, 0, len(t.Runes))
	for i, r := range t.Runes {
		t.appendNorm(r, int32(i))
	}
	t.Tokens = refTokenize(t.Norm, t.Src, t.Runes)
	return t
}

func refNormalize(s string) string {
	var t refText
	for i, r := range s {
		t.appendNorm(r, int32(i))
	}
	return string(t.Norm)
}

func (t *refText) emit(r rune, src int32) {
	t.Norm = append(t.Norm, r)
	t.Src = append(t.Src, src)
}

func (t *refText) appendNorm(r rune, src int32) {
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
	case refIsPresentationForm(r):
		for _, d := range norm.NFKC.String(string(r)) {
			switch {
			case d == ' ':
			case refIsPresentationForm(d):
				t.emit(d, src)
			default:
				t.appendNorm(d, src)
			}
		}
		return
	}
	if f, ok := refFold(r); ok {
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

func refIsPresentationForm(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFC)
}

func refFold(r rune) (rune, bool) {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x06D6 && r <= 0x06ED:
		return 0, true
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	}
	switch r {
	case 'ـ':
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
		return 0, true
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

func refTokenize(normRunes []rune, src []int32, orig []rune) []refToken {
	origLen := len(orig)
	buf := make([]byte, 0, len(normRunes)*2)
	byteAt := make([]int32, len(normRunes)+1)
	for i, r := range normRunes {
		byteAt[i] = int32(len(buf))
		buf = utf8.AppendRune(buf, r)
	}
	byteAt[len(normRunes)] = int32(len(buf))
	s := string(buf)

	var toks []refToken
	add := func(kind Kind, i, j int) {
		end := int(src[j-1]) + 1
		if kind == Word {
			for end < origLen && refIsDroppedMark(orig[end]) {
				end++
			}
		}
		toks = append(toks, refToken{Text: s[byteAt[i]:byteAt[j]], Kind: kind, Start: int(src[i]), End: end, NormStart: i})
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
		case refIsDigit(r):
			j := i + 1
			for j < n {
				if refIsDigit(normRunes[j]) {
					j++
					continue
				}
				if (normRunes[j] == '.' || normRunes[j] == ',') && j+1 < n && refIsDigit(normRunes[j+1]) {
					j += 2
					continue
				}
				break
			}
			add(Number, i, j)
			i = j
		case refIsWordRune(r):
			j := i + 1
			for j < n && refIsWordRune(normRunes[j]) {
				j++
			}
			add(Word, i, j)
			i = j
		default:
			add(Punct, i, i+1)
			i++
		}
	}
	for i := range toks {
		if toks[i].Kind != Word {
			continue
		}
		var forms [MaxForms]string
		n := refForms(toks[i].Text, &forms)
		toks[i].Forms = append([]string(nil), forms[:n]...)
	}
	return toks
}

func refIsDigit(r rune) bool { return r >= '0' && r <= '9' }

func refIsWordRune(r rune) bool {
	switch {
	case r >= 'ء' && r <= 'ي', r >= 'a' && r <= 'z':
		return true
	case r < 0x80:
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func refIsDroppedMark(r rune) bool {
	f, ok := refFold(r)
	return ok && f == 0 && (r == 'ـ' || (r >= 0x064B && r <= 0x065F) || r == 0x0670)
}

// refForms is Forms as it was: the clitic readings of a word.
func refForms(w string, dst *[MaxForms]string) int {
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
	cut := func(w string, prefixes ...string) (string, bool) {
		for _, p := range prefixes {
			if len(w) >= len(p) && w[:len(p)] == p && len(w)-len(p) >= minStem && w[len(p):] != "ال" {
				return w[len(p):], true
			}
		}
		return w, false
	}
	addWithArticle := func(s string) {
		add(s)
		if len(s) >= len("ال")+minStem && s[:len("ال")] == "ال" {
			add(s[len("ال"):])
		}
	}
	addWithArticle(w)
	conj := w
	if rest, ok := cut(w, "و", "ف"); ok {
		conj = rest
		addWithArticle(rest)
	}
	if len(conj) >= len("لل")+minStem && conj[:len("لل")] == "لل" {
		add(conj[len("لل"):])
	}
	if rest, ok := cut(conj, "ب", "ل", "ك"); ok {
		addWithArticle(rest)
	}
	return n
}
