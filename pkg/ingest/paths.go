package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// kind is what a file name says a file holds.
type kind struct {
	format Format // Text, JSONL, or Guess for no known extension
	gz     bool
}

// kindOf reads a name's extensions: .txt, .jsonl, each optionally .gz.
func kindOf(name string) kind {
	lower := strings.ToLower(name)
	var k kind
	if strings.HasSuffix(lower, ".gz") {
		k.gz = true
		lower = strings.TrimSuffix(lower, ".gz")
	}
	switch filepath.Ext(lower) {
	case ".txt":
		k.format = Text
	case ".jsonl":
		k.format = JSONL
	}
	return k
}

func (k kind) input() bool { return k.format != Guess }

// txtID is the id of a .txt article: its file name without extensions.
func txtID(path string) string {
	base := filepath.Base(path)
	if strings.HasSuffix(strings.ToLower(base), ".gz") {
		base = base[:len(base)-3]
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

const unsupported = "unsupported input: want a .txt or .jsonl file (or .txt.gz, .jsonl.gz), a directory, or -"

func readPath(ctx context.Context, p string, opts *Options, yield func(Item) error) error {
	if p == "-" {
		if opts.Stdin == nil {
			return yield(Item{Where: StdinName, Err: errors.New("no standard input")})
		}
		return readStream(ctx, opts.Stdin, StdinName, opts, yield)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return yield(Item{Where: p, Err: err})
	}
	if fi.IsDir() {
		return walkDir(ctx, p, func(path string, k kind, err error) error {
			if err != nil {
				return yield(Item{Where: path, Err: err})
			}
			return readFile(ctx, path, k, false, opts, yield)
		})
	}
	k := kindOf(p)
	if !k.input() && fi.Mode()&(fs.ModeNamedPipe|fs.ModeCharDevice) == 0 {
		return yield(Item{Where: p, Err: errors.New(unsupported)})
	}
	// A stream named explicitly, like <(zcat docs.jsonl.gz) or
	// /dev/stdin, has no extension: it is read like standard input.
	return readFile(ctx, p, k, true, opts, yield)
}

// readFile reads one file of kind k. named says the user gave its path,
// rather than a directory walk finding it.
func readFile(ctx context.Context, path string, k kind, named bool, opts *Options, yield func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return yield(Item{Where: path, Err: err})
	}
	defer f.Close()
	if len(opts.Exclude) > 0 {
		fi, err := f.Stat()
		if err != nil {
			return yield(Item{Where: path, Err: err})
		}
		if opts.excluded(fi) {
			if named {
				return yield(Item{Where: path, Err: errors.New("an output file of this run; not read as input")})
			}
			return nil
		}
	}
	var r io.Reader = f
	var counted *countingReader
	if k.gz {
		counted = &countingReader{r: f}
		zr, err := gzip.NewReader(counted)
		if err != nil {
			return yield(Item{Where: path, Err: fmt.Errorf("gzip: %w", err), Bytes: counted.n})
		}
		defer zr.Close()
		r = zr
	}
	switch k.format {
	case Text:
		it := readTxt(r, path, txtID(path), opts)
		if counted != nil {
			it.Bytes = counted.n
		}
		return yield(it)
	case JSONL:
		if counted == nil {
			return ReadJSONL(ctx, r, path, *opts, yield)
		}
		// Count what the file gave, not what it decompressed to, so
		// that progress adds up to the files' sizes.
		var last int64
		return ReadJSONL(ctx, r, path, *opts, func(it Item) error {
			it.Bytes, last = counted.n-last, counted.n
			return yield(it)
		})
	}
	return readStream(ctx, r, path, opts, yield)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// readStream reads standard input or a pipe in Options.StdinFormat.
func readStream(ctx context.Context, r io.Reader, name string, opts *Options, yield func(Item) error) error {
	format := opts.StdinFormat
	if format == Guess {
		var err error
		if format, r, err = sniff(r); err != nil {
			return yield(Item{Where: name, Err: fmt.Errorf("read: %w", err)})
		}
	}
	if format == Text {
		return yield(readTxt(r, name, StdinID, opts))
	}
	return ReadJSONL(ctx, r, name, *opts, yield)
}

// sniffLimit bounds the white space sniff reads before it settles on
// JSONL (blank lines).
const sniffLimit = 1 << 20

// sniff guesses a stream's format from its first byte that is not white
// space or a byte-order mark, and returns a reader that still yields
// every byte, since a text's leading white space counts in its offsets.
func sniff(r io.Reader) (Format, io.Reader, error) {
	br := bufio.NewReader(r)
	var prefix []byte
	for len(prefix) < sniffLimit {
		c, err := br.ReadByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Guess, nil, err
		}
		prefix = append(prefix, c)
		switch c {
		case ' ', '\t', '\r', '\n', 0xEF, 0xBB, 0xBF: // the BOM's bytes
			continue
		case '{', '[':
			return JSONL, io.MultiReader(bytes.NewReader(prefix), br), nil
		}
		return Text, io.MultiReader(bytes.NewReader(prefix), br), nil
	}
	return JSONL, io.MultiReader(bytes.NewReader(prefix), br), nil
}

// walkDir calls visit for every input file under the directory root, in
// lexical order, so that the output order is a function of the tree
// alone; and with err for what it cannot read (visit then decides
// whether to go on).
func walkDir(ctx context.Context, root string, visit func(path string, k kind, err error) error) error {
	// The user pointed at a symlink: follow it, but name what is found
	// under the link as given.
	real := root
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if real, err = filepath.EvalSymlinks(root); err != nil {
			return visit(root, kind{}, err)
		}
	}
	return filepath.WalkDir(real, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		top := path == real
		if real != root {
			rel, rerr := filepath.Rel(real, path)
			if rerr == nil {
				path = filepath.Join(root, rel)
			}
		}
		if err != nil {
			// An unreadable directory (or root): report it, skip it.
			if verr := visit(path, kind{}, err); verr != nil {
				return verr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		// Hidden files and directories (.git, editors' .ipynb_checkpoints
		// copies) are not articles.
		if !top && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		k := kindOf(path)
		if !k.input() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Symlinked files are read; symlinked directories are not
			// followed, since they may loop.
			fi, err := os.Stat(path)
			if err != nil {
				return visit(path, k, err)
			}
			if !fi.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil // sockets, fifos: not articles
		}
		return visit(path, k, nil)
	})
}

// Contains reports whether reading paths would read the file fi, and
// where: a caller about to write an output file (stdout redirected to a
// file, an error log) checks first that it is not one of its inputs,
// which it would truncate or read back. Standard input is not checked.
func Contains(ctx context.Context, paths []string, fi os.FileInfo) (where string, found bool) {
	errFound := errors.New("found")
	for _, p := range paths {
		if p == "-" {
			continue
		}
		pi, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !pi.IsDir() {
			if os.SameFile(pi, fi) {
				return p, true
			}
			continue
		}
		err = walkDir(ctx, p, func(path string, _ kind, err error) error {
			if err != nil {
				return nil
			}
			if ci, err := os.Stat(path); err == nil && os.SameFile(ci, fi) {
				where = path
				return errFound
			}
			return nil
		})
		if err == errFound {
			return where, true
		}
	}
	return "", false
}

// Size returns the total bytes of the inputs named by paths, for a progress
// estimate; known is false when one of them is stdin or cannot be sized.
func Size(paths []string) (total int64, known bool) {
	known = true
	add := func(path string) {
		if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
			total += fi.Size()
		} else {
			known = false
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if p == "-" || err != nil {
			known = false
			continue
		}
		if !fi.IsDir() {
			add(p)
			continue
		}
		_ = walkDir(context.Background(), p, func(path string, _ kind, err error) error {
			if err != nil {
				known = false
				return nil
			}
			add(path)
			return nil
		})
	}
	return total, known
}
