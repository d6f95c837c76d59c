package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// readTxt reads one plain-text article from r.
func readTxt(r io.Reader, where, id string, opts *Options) Item {
	it := Item{Where: where, Doc: model.Document{ID: id}, src: where}
	limit := opts.maxDoc()
	raw, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	it.Bytes = int64(len(raw))
	if err != nil {
		it.Err = fmt.Errorf("read: %w", err)
		return it
	}
	if len(raw) > limit {
		// Count the rest without holding it, to say how big it was.
		rest, err := io.Copy(io.Discard, r)
		it.Bytes += rest
		if err != nil {
			it.Err = fmt.Errorf("read: %w", err)
			return it
		}
		it.Err = &TooLargeError{What: "file", Size: it.Bytes, Limit: int64(limit)}
		return it
	}
	if strings.TrimSpace(id) == "" {
		it.Err = errors.New("empty id: the file name has nothing before its extension")
		return it
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		it.Err = fmt.Errorf("binary file (NUL byte at offset %d), not UTF-8 text", i)
		return it
	}
	raw = bytes.TrimPrefix(raw, bom)
	text, err := validText(raw)
	if err != nil {
		it.Err = err
		return it
	}
	if len(text) > limit {
		it.Err = &TooLargeError{What: "text", Size: int64(len(text)), Limit: int64(limit)}
		return it
	}
	text = universalNewlines(text)
	it.Doc.Text = text
	if opts.DetectPublished != nil {
		d, ok, err := detect(opts.DetectPublished, text)
		if err != nil {
			it.Err = err
			return it
		}
		if ok {
			// A detector answer that is no date is ignored like no answer.
			if d, err := timex.ParsePublished(d); err == nil {
				it.Doc.Published = d
			}
		}
	}
	if it.Doc.Published == "" {
		it.Doc.Published = opts.Published
	}
	return it
}

// detect runs the date detector so that a bug in it fails this document
// instead of the whole run.
func detect(f func(string) (string, bool), text string) (d string, ok bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: publication-date detection panicked: %v", r)
		}
	}()
	d, ok = f(text)
	return d, ok, nil
}

var bom = []byte("\uFEFF")

// validText returns raw as a string with each invalid byte replaced by
// U+FFFD, or an error when so much is invalid that it is not UTF-8 at all.
func validText(raw []byte) (string, error) {
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	if bad := invalidBytes(raw); bad*4 > len(raw) {
		return "", fmt.Errorf("not UTF-8 text: %d of %d bytes are invalid (a legacy encoding such as Windows-1256? convert it with iconv)", bad, len(raw))
	}
	var b strings.Builder
	b.Grow(len(raw) + 16)
	for len(raw) > 0 {
		r, n := utf8.DecodeRune(raw)
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(raw[:n])
		}
		raw = raw[n:]
	}
	return b.String(), nil
}

func invalidBytes(b []byte) int {
	bad := 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		b = b[n:]
	}
	return bad
}

func universalNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
