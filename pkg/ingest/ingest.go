// Package ingest turns the extract command's arguments (.txt files, .jsonl files,
// directories, "-" for JSONL on stdin) into a stream of documents, in input
// order, reporting every document it cannot read instead of dropping it.
//
// Policies, so that every input document ends as a document or an error:
//
//   - Invalid UTF-8: each invalid byte becomes one U+FFFD, exactly as Go's
//     []rune conversion and encoding/json see it, so spans refer to the text
//     the user sees in the JSON output. Input that is mostly invalid (more
//     than a quarter of its bytes, e.g. an article saved as Windows-1256) is an
//     error instead: replacing it would yield a document of U+FFFD.
//   - A .txt file holding a NUL byte is binary: an error.
//   - A byte-order mark at the start of a file is stripped (it marks the
//     file's encoding, it is not text). Inside a JSON string it is kept,
//     since the user's own offsets count it.
//   - .txt line ends are read like Python's universal newlines (CRLF and a
//     lone CR become LF), so text[start:end] in Python matches our spans.
//     A JSONL line may end in CRLF.
//   - Empty text is a valid document (it simply has no events).
//   - Duplicate ids: the first document with an id wins; every later one is
//     an error naming where the first was. Ids are remembered for the whole
//     run (~150 bytes each), everything else streams.
//   - A JSONL line longer than Options.MaxLine is an error for that line;
//     reading goes on with the next line without holding the long one.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// Item is one input document, or the failure to read one.
type Item struct {
	Doc model.Document
	// Where names the input: "path/file.txt" or "path/file.jsonl:12".
	Where string
	// Err is set when the document could not be read; Doc.ID may then be
	// empty and Where identifies it.
	Err error
	// Bytes is how much input this item consumed, for throughput figures.
	Bytes int64

	// src and line are Where in parts (line 0 for a whole file), so that
	// the duplicate check can remember a place without keeping a string.
	src  string
	line int
}

// DefaultMaxLine is the longest JSONL line (and .txt file) read by default.
const DefaultMaxLine = 256 << 20

// StdinName is how "-" is named in Where.
const StdinName = "<stdin>"

// Options control reading.
type Options struct {
	// Published is the fallback publication date (YYYY-MM-DD).
	Published string
	// DetectPublished finds a date line near the top of a .txt article.
	DetectPublished func(text string) (string, bool)
	// Stdin is read for the path "-".
	Stdin io.Reader
	// MaxLine bounds one JSONL line or one .txt file in bytes
	// (0: DefaultMaxLine).
	MaxLine int
}

func (o *Options) maxLine() int {
	if o.MaxLine > 0 {
		return o.MaxLine
	}
	return DefaultMaxLine
}

// Read calls yield for every document of paths, in order. It stops early
// when yield returns an error or ctx is done, and returns that error.
// Problems with the input itself are Items with Err, never Read's error.
func Read(ctx context.Context, paths []string, opts Options, yield func(Item) error) error {
	seen := newSeenIDs()
	dedup := func(it Item) error {
		if it.Err == nil {
			if first, dup := seen.add(it); dup {
				it.Err = fmt.Errorf("duplicate id %q (first at %s)", it.Doc.ID, first)
			}
		}
		return yield(it)
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := readPath(ctx, p, &opts, dedup); err != nil {
			return err
		}
	}
	return nil
}

// seenIDs remembers every id of the run and where it was first seen,
// compactly: ~150 bytes of peak RSS an id, measured over 30k documents,
// against ~250 for a map of id and place strings, which was all the
// memory growth of a long run. An id
// is kept as a 128-bit hash, two maphash seeds: a false duplicate would
// need a collision of odds around n²/2¹²⁹. A place is an index into the
// input names plus a line number.
type seenIDs struct {
	seed1, seed2 maphash.Seed
	ids          map[[2]uint64]place
	srcs         []string
}

type place struct{ src, line int32 }

func newSeenIDs() *seenIDs {
	return &seenIDs{seed1: maphash.MakeSeed(), seed2: maphash.MakeSeed(), ids: make(map[[2]uint64]place)}
}

// add records it's id; when the id was seen before it returns that place.
func (s *seenIDs) add(it Item) (first string, dup bool) {
	key := [2]uint64{maphash.String(s.seed1, it.Doc.ID), maphash.String(s.seed2, it.Doc.ID)}
	if p, ok := s.ids[key]; ok {
		if p.line == 0 {
			return s.srcs[p.src], true
		}
		return s.srcs[p.src] + ":" + strconv.Itoa(int(p.line)), true
	}
	if len(s.srcs) == 0 || s.srcs[len(s.srcs)-1] != it.src {
		s.srcs = append(s.srcs, it.src)
	}
	s.ids[key] = place{src: int32(len(s.srcs) - 1), line: int32(it.line)}
	return "", false
}

func readPath(ctx context.Context, p string, opts *Options, yield func(Item) error) error {
	if p == "-" {
		if opts.Stdin == nil {
			return yield(Item{Where: StdinName, Err: errors.New("no standard input")})
		}
		return ReadJSONL(ctx, opts.Stdin, StdinName, *opts, yield)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return yield(Item{Where: p, Err: err})
	}
	if !fi.IsDir() {
		switch kind(p) {
		case ".jsonl":
			return readJSONLFile(ctx, p, opts, yield)
		case ".txt":
			return yield(readTxt(p, opts))
		}
		if fi.Mode()&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0 {
			// A stream named explicitly, like <(zcat docs.jsonl.gz) or
			// /dev/stdin, has no extension; it can only be JSONL.
			return readJSONLFile(ctx, p, opts, yield)
		}
		return yield(Item{Where: p, Err: errors.New("unsupported input: want a .txt or .jsonl file, a directory, or -")})
	}
	// WalkDir visits in lexical order, which makes the output order a
	// function of the tree alone. Symlinked directories are not followed
	// (cycles); symlinked files are. Hidden files and directories (.git,
	// editors' .ipynb_checkpoints copies) are not articles.
	return filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			// An unreadable directory (or root): report it, skip it.
			if yerr := yield(Item{Where: path, Err: err}); yerr != nil {
				return yerr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		k := kind(path)
		if k != ".txt" && k != ".jsonl" {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil {
				return yield(Item{Where: path, Err: err})
			}
			if fi.IsDir() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil // sockets, fifos: not articles
		}
		if k == ".jsonl" {
			return readJSONLFile(ctx, path, opts, yield)
		}
		return yield(readTxt(path, opts))
	})
}

func kind(p string) string { return strings.ToLower(filepath.Ext(p)) }

// Size returns the total bytes of the inputs named by paths, for a progress
// estimate; known is false when one of them is stdin or cannot be sized.
func Size(paths []string) (total int64, known bool) {
	known = true
	for _, p := range paths {
		if p == "-" {
			known = false
			continue
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				known = false
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if k := kind(path); path != p && k != ".txt" && k != ".jsonl" {
				return nil
			}
			if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
				total += fi.Size()
			}
			return nil
		})
	}
	return total, known
}

func readTxt(path string, opts *Options) Item {
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	it := Item{Where: path, Doc: model.Document{ID: id}, src: path}
	f, err := os.Open(path)
	if err != nil {
		it.Err = err
		return it
	}
	defer f.Close()
	limit := opts.maxLine()
	raw, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	it.Bytes = int64(len(raw))
	if err != nil {
		it.Err = fmt.Errorf("read: %w", err)
		return it
	}
	if len(raw) > limit {
		it.Err = fmt.Errorf("file larger than %d bytes", limit)
		return it
	}
	if id == "" {
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

func readJSONLFile(ctx context.Context, path string, opts *Options, yield func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return yield(Item{Where: path, Err: err})
	}
	defer f.Close()
	return ReadJSONL(ctx, f, path, *opts, yield)
}

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
	lr := lineReader{r: bufio.NewReaderSize(r, 64<<10), max: opts.maxLine()}
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
			if errors.Is(err, errTooLong) {
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
					Err: errors.New("JSON, not JSON Lines (one document object a line); convert with jq -c '.[]' or jq -c ."), src: name, line: n})
			}
		}
		it := decodeLine(line, &opts)
		it.Where, it.Bytes, it.src, it.line = where, size, name, n
		if it.Err != nil && last {
			it.Err = fmt.Errorf("truncated last line (no newline at end): %w", it.Err)
		}
		if err := yield(it); err != nil {
			return err
		}
	}
}

func decodeLine(line []byte, opts *Options) Item {
	var it Item
	if !utf8.Valid(line) {
		if bad := invalidBytes(line); bad*4 > len(line) {
			it.Err = fmt.Errorf("not UTF-8 text: %d of %d bytes are invalid", bad, len(line))
			return it
		}
		// encoding/json replaces each invalid byte with U+FFFD, our policy.
	}
	var jd jsonDoc
	if err := json.Unmarshal(line, &jd); err != nil {
		it.Err = fmt.Errorf("bad JSON: %w", err)
		return it
	}
	id, err := decodeID(jd.ID)
	if err != nil {
		it.Err = err
		return it
	}
	it.Doc = model.Document{ID: id, Title: jd.Title, URL: jd.URL}
	if jd.Text == nil {
		it.Err = errors.New(`missing "text"`)
		return it
	}
	it.Doc.Text = *jd.Text
	if jd.Published != nil && strings.TrimSpace(*jd.Published) != "" {
		d, err := timex.ParsePublished(*jd.Published)
		if err != nil {
			it.Err = fmt.Errorf("published: %w", err)
			return it
		}
		it.Doc.Published = d
	} else {
		it.Doc.Published = opts.Published
	}
	return it
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

var errTooLong = errors.New("line too long")

// lineReader reads lines of any length up to max with a bufio.Reader
// (bufio.Scanner stops at 64 KB), discarding the excess of longer ones.
type lineReader struct {
	r   *bufio.Reader
	max int
	buf []byte
}

// next returns the next line without its line end, the bytes consumed,
// and whether it was the last line with no newline. err is io.EOF at the
// end, errTooLong (wrapped) for an over-long line, or a read error.
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
		return nil, size, last, fmt.Errorf("%w: more than %d bytes", errTooLong, l.max)
	}
	return line, size, last, nil
}
