package main

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// safeName is a file name as the command prints it on stderr: as it is
// when every character is printable, else quoted with Go escapes. A name
// is data from the file system: one holding a newline could forge a
// summary line, one holding terminal escapes or bidi controls could
// rewrite the line it is printed on.
func safeName(s string) string {
	if printable(s) {
		return s
	}
	return strconv.Quote(s)
}

// safeText is a message as the command prints it on stderr: one line,
// each unprintable character (line ends, escapes, bidi controls, invalid
// UTF-8) written as a Go escape. Messages quote file names and input.
func safeText(s string) string {
	if printable(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i]), 16))
		case r == ' ' || unicode.IsPrint(r):
			b.WriteString(s[i : i+n])
		default:
			q := strconv.QuoteRune(r) // '\n', '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
		i += n
	}
	return b.String()
}

func printable(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r != ' ' && !unicode.IsPrint(r) {
			return false
		}
		i += n
	}
	return true
}
