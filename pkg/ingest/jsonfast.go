package ingest

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// fastDoc is a JSONL line decoded by decodeFast.
type fastDoc struct {
	id, title, url   string
	text, published  *string
	hasID            bool
	textSet, pubSet  bool // the key was there (with a string or null)
	titleSet, urlSet bool
}

// decodeFast decodes the common shape of a JSONL line, a flat object of
// strings, in one pass and without reflection: encoding/json spends most
// of its time on checkValid's scan and on reflection, a third of a core
// on the bench corpus. It gives up (ok false) on anything else (numbers,
// nesting, a known key twice or in another case, invalid escapes or
// UTF-8, control characters) and decodeLine then asks encoding/json, so
// results and errors stay encoding/json's (FuzzDecodeFast pins it).
func decodeFast(line []byte) (d fastDoc, ok bool) {
	p := jsonParser{b: line}
	p.space()
	if !p.byte('{') {
		return d, false
	}
	p.space()
	if p.byte('}') {
		return d, p.end()
	}
	for {
		p.space()
		key, ok := p.key()
		if !ok {
			return d, false
		}
		p.space()
		if !p.byte(':') {
			return d, false
		}
		p.space()
		var s string
		var null bool
		switch {
		case p.literal("null"):
			null = true
		case p.peek('"'):
			if s, ok = p.str(); !ok {
				return d, false
			}
		default:
			if key != "" {
				return d, false
			}
			// Another key's true or false; anything else is left to
			// encoding/json.
			if !p.literal("true") && !p.literal("false") {
				return d, false
			}
		}
		switch key {
		case "id":
			if d.hasID || null {
				return d, false
			}
			d.id, d.hasID = s, true
		case "text":
			if d.textSet {
				return d, false
			}
			d.textSet = true
			if !null {
				d.text = &s
			}
		case "title":
			if d.titleSet {
				return d, false
			}
			d.title, d.titleSet = s, true
		case "url":
			if d.urlSet {
				return d, false
			}
			d.url, d.urlSet = s, true
		case "published":
			if d.pubSet {
				return d, false
			}
			d.pubSet = true
			if !null {
				d.published = &s
			}
		}
		p.space()
		if p.byte(',') {
			continue
		}
		if p.byte('}') {
			return d, p.end()
		}
		return d, false
	}
}

// knownKeys are jsonDoc's fields; encoding/json matches keys to them
// without regard to case, which decodeFast leaves to it.
var knownKeys = [...]string{"id", "text", "title", "url", "published"}

type jsonParser struct {
	b []byte
	i int
}

func (p *jsonParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) byte(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *jsonParser) peek(c byte) bool { return p.i < len(p.b) && p.b[p.i] == c }

func (p *jsonParser) literal(s string) bool {
	if len(p.b)-p.i >= len(s) && string(p.b[p.i:p.i+len(s)]) == s {
		p.i += len(s)
		return true
	}
	return false
}

// end reports whether nothing but white space follows.
func (p *jsonParser) end() bool {
	p.space()
	return p.i == len(p.b)
}

// key reads an object key: one of knownKeys as written, or "" for any
// other key that is plain ASCII and no known key in another case.
func (p *jsonParser) key() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			k := string(p.b[start:p.i]) // the compiler does not allocate for the comparisons
			p.i++
			for _, known := range knownKeys {
				if k == known {
					return known, true
				}
				if strings.EqualFold(k, known) {
					return "", false
				}
			}
			return "", true
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			return "", false // escaped or non-ASCII keys may fold to a known one
		}
		p.i++
	}
	return "", false
}

// str reads a string value, unescaping it as encoding/json does.
func (p *jsonParser) str() (string, bool) {
	p.i++ // the opening quote
	start := p.i
	// Most of a text is plain: find the first quote, backslash or control
	// character eight bytes at a time.
	p.i += plainPrefix(p.b[p.i:])
	if p.i < len(p.b) && p.b[p.i] == '"' {
		s := string(p.b[start:p.i])
		p.i++
		return s, true
	}
	var b strings.Builder
	b.Grow(len(p.b) - start)
	b.Write(p.b[start:p.i])
	for p.i < len(p.b) {
		n := plainPrefix(p.b[p.i:])
		b.Write(p.b[p.i : p.i+n])
		p.i += n
		if p.i >= len(p.b) {
			break
		}
		switch c := p.b[p.i]; {
		case c == '"':
			p.i++
			return b.String(), true
		case c < 0x20:
			return "", false
		}
		// A backslash.
		if p.i+1 >= len(p.b) {
			return "", false
		}
		e := p.b[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				// A pair makes one code point; a lone half is U+FFFD, and
				// what follows it is read on its own.
				save := p.i
				if p.literal(`\u`) {
					if r2, ok := p.hex4(); ok {
						if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
							b.WriteRune(d)
							continue
						}
					}
				}
				p.i = save
				r = utf8.RuneError
			}
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	return "", false
}

func (p *jsonParser) hex4() (rune, bool) {
	if len(p.b)-p.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range p.b[p.i : p.i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	p.i += 4
	return r, true
}

// plainPrefix returns the length of the prefix of b holding no quote,
// backslash or control character, testing eight bytes at a time (the
// classic has-zero-byte trick on the word XORed with each byte sought).
func plainPrefix(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		q := w ^ (ones * '"')
		s := w ^ (ones * '\\')
		// A byte below 0x20 (its high bit clear) minus 0x20 borrows.
		if ((q-ones)&^q|(s-ones)&^s|(w-ones*0x20)&^w)&highs != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if c := b[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return i
}
