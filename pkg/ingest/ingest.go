// Package ingest reads articles the way the extract command does: .txt
// files, .jsonl files, their .gz forms, directories, and standard input,
// as one stream of documents in input order. Every input document comes
// out as a document or as an error naming it; nothing is dropped.
//
// Policies:
//
//   - Invalid UTF-8: each invalid byte becomes one U+FFFD, exactly as Go's
//     []rune conversion and encoding/json see it, so spans refer to the text
//     the user sees in the JSON output. Input that is mostly invalid (more
//     than a quarter of its bytes, e.g. an article saved as Windows-1256) is an
//     error instead: replacing it would yield a document of U+FFFD.
//   - A lone surrogate escape in JSON text (\ud83d without its pair) becomes
//     one U+FFFD, as encoding/json decodes it: one code point for one, so
//     every later offset is the one Python's json module (which keeps the
//     lone surrogate as one code point) and any code-point reader count.
//     Only that character differs: U+FFFD, since UTF-8 and so the JSON
//     output cannot carry a lone surrogate.
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
//   - Size: a JSONL line, or a .txt file, longer than Options.MaxDocBytes
//     is an error and is skipped while reading, never held whole; so is a
//     text that decodes to more than that.
//   - Files ending in .gz are read through gzip; the limits apply to what
//     they decompress to.
//   - Directories are read recursively in lexical order; hidden files and
//     directories are skipped, and so are the files of Options.Exclude
//     (the run's own outputs). A symlink named as a path is followed;
//     symlinked directories met inside a directory are not (they may loop),
//     symlinked files are.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"iter"
	"os"
	"strconv"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// Item is one input document, or the failure to read one.
type Item struct {
	Doc model.Document
	// Where names the input: "path/file.txt" or "path/file.jsonl:12".
	Where string
	// Err is set when the document could not be read; Doc.ID may then be
	// empty and Where identifies it.
	Err error
	// Bytes is how much input this item consumed (compressed bytes for a
	// .gz file), for throughput figures.
	Bytes int64

	// src and line are Where in parts (line 0 for a whole file), so that
	// the duplicate check can remember a place without keeping a string.
	src  string
	line int
	// raw is a JSONL line still to decode (Options.DeferDecode).
	raw *rawLine
	// seen is the run's ids, when the duplicate check waits for Settle
	// (Options.DeferDecode).
	seen *seenIDs
}

// DefaultMaxDocBytes bounds a JSONL line or a .txt file when
// Options.MaxDocBytes is 0.
const DefaultMaxDocBytes = 256 << 20

// StdinName is how "-" is named in Where.
const StdinName = "<stdin>"

// StdinID is the id of an article read as plain text from standard input.
const StdinID = "stdin"

// Format is how a stream without a file name (standard input, a pipe)
// is read.
type Format string

// Stream formats.
const (
	// Guess reads JSONL when the first byte that is not white space (or
	// a byte-order mark) is '{' or '[', and one plain-text article
	// otherwise. An empty stream is JSONL: no documents.
	Guess Format = ""
	// Text reads the whole stream as one article with id StdinID.
	Text Format = "txt"
	// JSONL reads one document object a line.
	JSONL Format = "jsonl"
)

// Options control reading.
type Options struct {
	// Published is the fallback publication date (YYYY-MM-DD).
	Published string
	// DetectPublished finds a date line near the top of a .txt article.
	DetectPublished func(text string) (string, bool)
	// Stdin is read for the path "-".
	Stdin io.Reader
	// StdinFormat says how Stdin (and a named pipe) is read.
	StdinFormat Format
	// MaxDocBytes bounds one document: a JSONL line, a .txt file or a
	// decoded text longer than this is an error, and an over-long line or
	// file is skipped while reading rather than held (0:
	// DefaultMaxDocBytes).
	MaxDocBytes int
	// Exclude lists files that are never read as input: the run's own
	// output files. A directory walk skips them; a path naming one is an
	// error. See Contains to refuse outputs that already are inputs.
	Exclude []os.FileInfo
	// DeferDecode hands JSONL lines out undecoded, so that a pool of
	// workers can decode them in parallel (Item.Decode) instead of the
	// reader alone. Read then leaves the duplicate-id check, which needs
	// the decoded id, to Item.Settle: the consumer calls it on every item
	// in input order, after Decode. extract.Batch does both.
	DeferDecode bool
}

func (o *Options) maxDoc() int {
	if o.MaxDocBytes > 0 {
		return o.MaxDocBytes
	}
	return DefaultMaxDocBytes
}

func (o *Options) excluded(fi os.FileInfo) bool {
	for _, x := range o.Exclude {
		if os.SameFile(fi, x) {
			return true
		}
	}
	return false
}

// TooLargeError is a document over Options.MaxDocBytes.
type TooLargeError struct {
	// What is "line" (JSONL), "file" (.txt) or "text" (the decoded text).
	What  string
	Size  int64
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s of %d bytes is over the limit of %d bytes", e.What, e.Size, e.Limit)
}

// Read calls yield for every document of paths, in order. It stops early
// when yield returns an error or ctx is done, and returns that error.
// Problems with the input itself are Items with Err, never Read's error.
// Under Options.DeferDecode the consumer decodes JSONL items and checks
// ids for duplicates (Item.Decode, Item.Settle).
func Read(ctx context.Context, paths []string, opts Options, yield func(Item) error) error {
	seen := newSeenIDs()
	dedup := func(it Item) error {
		if it.Err == nil {
			it.seen = seen
			if !opts.DeferDecode {
				it.Settle()
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

// Settle makes the duplicate-id check that Read leaves to the consumer
// under Options.DeferDecode: a document whose id an earlier document of
// the run has becomes an error naming where the first was. Call it on
// every item, in input order and from one goroutine, after Decode (it
// decodes an item Decode has not); it does nothing to an item Read
// checked already.
func (it *Item) Settle() {
	seen := it.seen
	if seen == nil {
		return
	}
	it.seen = nil
	it.Decode()
	if it.Err != nil {
		return
	}
	if first, dup := seen.add(*it); dup {
		it.Err = fmt.Errorf("duplicate id %q (first at %s)", it.Doc.ID, first)
	}
}

// errStop ends Read when the consumer of Files stops ranging.
var errStop = errors.New("stop")

// Files is Read as an iterator, the input of extract.Batch. When ctx ends
// the iteration stops after the current item.
func Files(ctx context.Context, paths []string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		_ = Read(ctx, paths, opts, func(it Item) error {
			if !yield(it) {
				return errStop
			}
			return nil
		})
	}
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
