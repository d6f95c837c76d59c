package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// jsonDoc is one JSONL line. ID is raw so that a numeric id is accepted
// too (many exports number their documents).
type jsonDoc struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Published *string         `json:"published"`
}

// ReadJSONL reads one JSONL stream named name, one document a line, and
// calls yield for each (blank lines are skipped). It does not check ids for
// duplicates; Read does that across all inputs.
func ReadJSONL(ctx context.Context, r io.Reader, name string, opts Options, yield func(Item) error) error {
	lr := lineReader{r: bufio.NewReaderSize(r, 64<<10), max: opts.maxDoc()}
	var lines *linePool
	if opts.DeferDecode {
		lines = &linePool{}
	}
	first := true
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, size, last, err := lr.next()
		where := name + ":" + strconv.Itoa(n)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			if yerr := yield(Item{Where: where, Err: err, Bytes: size}); yerr != nil {
				return yerr
			}
			var tooLarge *TooLargeError
			if errors.As(err, &tooLarge) {
				continue
			}
			return nil // an I/O error: nothing more can be read from r
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, bom)
		}
		trimmed := bytes.TrimSpace(line)
		if len(trimmed) == 0 {
			continue
		}
		if first {
			first = false
			// A JSON array or a pretty-printed object is not one document
			// a line: one clear error, rather than one per line.
			if trimmed[0] == '[' || string(trimmed) == "{" {
				return yield(Item{Where: where, Bytes: size,
					Err: errors.New("JSON, not JSON Lines (one document object a line); convert an array with jq -c '.[]', one object with jq -c '.'"), src: name, line: n})
			}
		}
		it := Item{Where: where, Bytes: size, src: name, line: n}
		if opts.DeferDecode {
			// The consumer decodes it, on its workers (Item.Decode).
			it.raw = &rawLine{b: append(lines.get(), line...), last: last, opts: &opts, pool: lines}
		} else {
			it.decode(line, &opts, last)
		}
		if err := yield(it); err != nil {
			return err
		}
	}
}

// Decode decodes an item read with Options.DeferDecode, setting Doc or
// Err; for any other item it does nothing. It may run on any goroutine,
// and on many items at once, but once per item: copies of an undecoded
// item share its line, whose buffer goes back to the reader once decoded.
func (it *Item) Decode() {
	if r := it.raw; r != nil {
		it.raw = nil
		it.decode(r.b, r.opts, r.last)
		r.pool.put(r.b)
	}
}

// rawLine is a JSONL line read with Options.DeferDecode, and what its
// decoding needs.
type rawLine struct {
	b    []byte
	last bool // the stream's last line, with no newline after it
	opts *Options
	pool *linePool
}

// linePool recycles the buffers of deferred lines: once a worker has
// decoded a line its buffer holds the next one, so reading costs no
// allocation per document. One pool per stream.
type linePool struct{ p sync.Pool }

// maxPooledLine bounds the lines whose buffers are kept for reuse: a huge
// line's buffer is left to the collector.
const maxPooledLine = 1 << 20

func (lp *linePool) get() []byte {
	if b, ok := lp.p.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return nil
}

func (lp *linePool) put(b []byte) {
	if cap(b) <= maxPooledLine {
		lp.p.Put(&b)
	}
}

// decode decodes one JSONL line into it.
func (it *Item) decode(line []byte, opts *Options, last bool) {
	it.Doc, it.Err = decodeLine(line, opts, true)
	if it.Err != nil && last {
		it.Err = fmt.Errorf("truncated last line (no newline at end): %w", it.Err)
	}
}

// decodeLine decodes one JSONL line; fast lets it try decodeFast first.
func decodeLine(line []byte, opts *Options, fast bool) (model.Document, error) {
	var doc model.Document
	valid := utf8.Valid(line)
	if !valid {
		if bad := invalidBytes(line); bad*4 > len(line) {
			return doc, fmt.Errorf("not UTF-8 text: %d of %d bytes are invalid", bad, len(line))
		}
		// encoding/json replaces each invalid byte with U+FFFD, our policy.
	}
	var id string
	var text, published *string
	var fd fastDoc
	ok := false
	if fast && valid {
		fd, ok = decodeFast(line)
	}
	if ok {
		if !fd.hasID {
			return doc, errors.New(`missing "id"`)
		}
		if strings.TrimSpace(fd.id) == "" {
			return doc, errors.New(`empty "id"`)
		}
		id, text, published = fd.id, fd.text, fd.published
		doc.Title, doc.URL = fd.title, fd.url
	} else {
		var jd jsonDoc
		if err := json.Unmarshal(line, &jd); err != nil {
			var typeErr *json.UnmarshalTypeError
			if errors.As(err, &typeErr) && typeErr.Field != "" {
				// Name the field as the user wrote it, not our Go struct. The
				// rest of the line was decoded: keep the id for the report.
				doc.ID, _ = decodeID(jd.ID)
				return doc, fmt.Errorf("bad JSON: %q must be a %s, not %s", typeErr.Field, typeErr.Type, typeErr.Value)
			}
			return doc, fmt.Errorf("bad JSON: %w", err)
		}
		var err error
		if id, err = decodeID(jd.ID); err != nil {
			return doc, err
		}
		text, published = jd.Text, jd.Published
		doc.Title, doc.URL = jd.Title, jd.URL
	}
	doc.ID = id
	if text == nil {
		return doc, errors.New(`missing "text"`)
	}
	if max := opts.maxDoc(); len(*text) > max {
		// Escapes and U+FFFD for invalid bytes can decode to more
		// bytes than the line held.
		return doc, &TooLargeError{What: "text", Size: int64(len(*text)), Limit: int64(max)}
	}
	doc.Text = *text
	if published != nil && strings.TrimSpace(*published) != "" {
		d, err := timex.ParsePublished(*published)
		if err != nil {
			return doc, fmt.Errorf("published: %w", err)
		}
		doc.Published = d
	} else {
		doc.Published = opts.Published
	}
	return doc, nil
}

func decodeID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", errors.New(`missing "id"`)
	}
	var s string
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("id: %w", err)
		}
	} else {
		var n json.Number
		if err := json.Unmarshal(raw, &n); err != nil {
			return "", fmt.Errorf(`"id" must be a string or a number, not %s`, raw)
		}
		s = n.String()
	}
	if strings.TrimSpace(s) == "" {
		return "", errors.New(`empty "id"`)
	}
	return s, nil
}

// lineReader reads lines of any length up to max with a bufio.Reader
// (bufio.Scanner stops at 64 KB), discarding the excess of longer ones.
type lineReader struct {
	r   *bufio.Reader
	max int
	buf []byte
}

// next returns the next line without its line end, the bytes consumed,
// and whether it was the last line with no newline. err is io.EOF at the
// end, a *TooLargeError for an over-long line (which was read through
// and dropped, so memory stays within max whatever the line's length), or
// a read error.
func (l *lineReader) next() (line []byte, size int64, last bool, err error) {
	if cap(l.buf) > 1<<20 {
		l.buf = nil // do not keep one huge line's buffer for the whole file
	}
	l.buf = l.buf[:0]
	tooLong := false
	for {
		chunk, rerr := l.r.ReadSlice('\n')
		size += int64(len(chunk))
		if !tooLong {
			if len(l.buf)+len(chunk) > l.max+2 { // +2: the CRLF
				tooLong = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		if rerr == bufio.ErrBufferFull {
			continue
		}
		if rerr != nil && rerr != io.EOF {
			return nil, size, false, fmt.Errorf("read: %w", rerr)
		}
		if rerr == io.EOF {
			if size == 0 {
				return nil, 0, false, io.EOF
			}
			last = true
		}
		break
	}
	line = bytes.TrimSuffix(l.buf, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if tooLong || len(line) > l.max {
		n := size
		if !last {
			n-- // the newline
		}
		return nil, size, last, &TooLargeError{What: "line", Size: n, Limit: int64(l.max)}
	}
	return line, size, last, nil
}
