package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func write(t *testing.T, path string, data string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
}

// readAll reads paths, and again with DeferDecode, decoding the items on
// goroutines of their own and settling them in order as extract.Batch
// does: both ways must give the same items.
func readAll(t *testing.T, paths []string, opts Options) []Item {
	t.Helper()
	var stdin []byte
	if opts.Stdin != nil {
		var err error
		stdin, err = io.ReadAll(opts.Stdin)
		require.NoError(t, err)
	}
	read := func(deferred bool) []Item {
		o := opts
		o.DeferDecode = deferred
		if stdin != nil {
			o.Stdin = bytes.NewReader(stdin)
		}
		var items []Item
		err := Read(context.Background(), paths, o, func(it Item) error {
			items = append(items, it)
			return nil
		})
		require.NoError(t, err)
		return items
	}
	items := read(false)
	deferred := read(true)
	var wg sync.WaitGroup
	for i := range deferred {
		wg.Go(deferred[i].Decode)
	}
	wg.Wait()
	for i := range deferred {
		deferred[i].Settle()
	}
	require.Equal(t, len(items), len(deferred), "items read with DeferDecode")
	for i := range items {
		a, b := items[i], deferred[i]
		assert.Equal(t, a.Doc, b.Doc, "%s read with DeferDecode", a.Where)
		assert.Equal(t, fmt.Sprint(a.Err), fmt.Sprint(b.Err), "%s read with DeferDecode", a.Where)
		assert.Equal(t, [2]any{a.Where, a.Bytes}, [2]any{b.Where, b.Bytes})
	}
	return items
}

func errs(items []Item) map[string]string {
	m := map[string]string{}
	for _, it := range items {
		if it.Err != nil {
			m[it.Where] = it.Err.Error()
		}
	}
	return m
}

func TestTxtPolicies(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "\uFEFFسطر\r\nثان\rثالث")
	write(t, filepath.Join(dir, "bad.txt"), "قتل \xff\xfe مسلحين")
	write(t, filepath.Join(dir, "bin.txt"), "abc\x00def")
	write(t, filepath.Join(dir, "cp1256.txt"), "\xe3\xd3\xe1\xcd\xed\xe4 \xdd\xed \xc8\xdb\xcf\xc7\xcf")
	write(t, filepath.Join(dir, "empty.txt"), "")
	write(t, filepath.Join(dir, "notes.md"), "ignored")
	items := readAll(t, []string{dir}, Options{Published: "2020-01-02"})

	require.Len(t, items, 5, "notes.md is ignored")
	byID := map[string]Item{}
	for _, it := range items {
		byID[it.Doc.ID] = it
	}
	assert.Equal(t, "سطر\nثان\nثالث", byID["a"].Doc.Text, "BOM stripped, CRLF and CR become LF")
	assert.Equal(t, "2020-01-02", byID["a"].Doc.Published)
	assert.Equal(t, "قتل \uFFFD\uFFFD مسلحين", byID["bad"].Doc.Text, "one U+FFFD per invalid byte")
	assert.Equal(t, []rune("قتل \xff\xfe مسلحين"), []rune(byID["bad"].Doc.Text), "same code points as Go sees the raw bytes")
	assert.NoError(t, byID["empty"].Err)
	assert.Equal(t, "", byID["empty"].Doc.Text)

	e := errs(items)
	assert.Contains(t, e[filepath.Join(dir, "bin.txt")], "NUL byte at offset 3")
	assert.Contains(t, e[filepath.Join(dir, "cp1256.txt")], "not UTF-8")
	assert.Len(t, e, 2)
}

func TestTxtPublished(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "dated.txt"), "عنوان\nالإثنين 01/فبراير/2021\nنص")
	write(t, filepath.Join(dir, "plain.txt"), "نص")
	detect := func(text string) (string, bool) {
		if strings.Contains(text, "2021") {
			return "2021-02-01", true
		}
		return "", false
	}
	items := readAll(t, []string{dir}, Options{Published: "2020-05-05", DetectPublished: detect})
	require.Len(t, items, 2)
	assert.Equal(t, "2021-02-01", items[0].Doc.Published)
	assert.Equal(t, "2020-05-05", items[1].Doc.Published)

	items = readAll(t, []string{filepath.Join(dir, "plain.txt")}, Options{})
	assert.Equal(t, "", items[0].Doc.Published, "unknown")
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "docs.jsonl")
	write(t, p, strings.Join([]string{
		"\uFEFF" + `{"id":"a","text":"نص","published":"2018-09-27T16:22:23Z","title":"t","url":"u"}`,
		`{"id":"b","text":"x","published":"2018-09-27"}` + "\r",
		``,
		`{"text":"no id"}`,
		`{"id":"c"}`,
		`{"id":"d","text":"","published":"yesterday"}`,
		`{"id":"a","text":"again"}`,
		`{"id":7,"text":"numeric id"}`,
		`{"id":"e","text":"\u00e9` + "\xff" + `"}`,
		`not json`,
		`{"id":"f","text":"empty is fine"}`,
		`{"id":"g","text":"cut`,
	}, "\n"))
	items := readAll(t, []string{p}, Options{Published: "2000-01-01"})
	require.Len(t, items, 11, "the blank line is skipped; every other line is an item")

	assert.Equal(t, "a", items[0].Doc.ID)
	assert.Equal(t, "2018-09-27", items[0].Doc.Published)
	assert.Equal(t, "t", items[0].Doc.Title)
	assert.Equal(t, "u", items[0].Doc.URL)
	assert.Equal(t, p+":1", items[0].Where)
	assert.Equal(t, "2018-09-27", items[1].Doc.Published)
	assert.Equal(t, "7", items[6].Doc.ID)
	assert.Equal(t, "2000-01-01", items[6].Doc.Published, "fallback")
	assert.Equal(t, "é\uFFFD", items[7].Doc.Text)

	e := errs(items)
	assert.Contains(t, e[p+":4"], `missing "id"`)
	assert.Contains(t, e[p+":5"], `missing "text"`)
	assert.Contains(t, e[p+":6"], `bad date "yesterday"`)
	assert.Contains(t, e[p+":7"], `duplicate id "a" (first at `+p+`:1)`)
	assert.Contains(t, e[p+":10"], "bad JSON")
	assert.Contains(t, e[p+":12"], "truncated last line")
	assert.Len(t, e, 6)
}

func TestLongLines(t *testing.T) {
	big := strings.Repeat("ب", 2<<20) // 4 MB of text: far past bufio.Scanner's 64 KB
	r := strings.NewReader(`{"id":"big","text":"` + big + `"}` + "\n" +
		`{"id":"over","text":"` + strings.Repeat("x", 2000) + `"}` + "\n" +
		`{"id":"after","text":"ok"}`)
	var items []Item
	err := ReadJSONL(context.Background(), r, "s", Options{MaxDocBytes: 100 << 20}, func(it Item) error {
		items = append(items, it)
		return nil
	})
	require.NoError(t, err)
	require.Len(t, items, 3)
	require.NoError(t, items[0].Err)
	assert.Equal(t, len(big), len(items[0].Doc.Text))
	assert.NoError(t, items[1].Err)

	r = strings.NewReader(`{"id":"over","text":"` + strings.Repeat("x", 2000) + `"}` + "\n" + `{"id":"after","text":"ok"}` + "\n")
	items = nil
	require.NoError(t, ReadJSONL(context.Background(), r, "s", Options{MaxDocBytes: 1000}, func(it Item) error {
		items = append(items, it)
		return nil
	}))
	require.Len(t, items, 2)
	assert.EqualError(t, items[0].Err, "line of 2023 bytes is over the limit of 1000 bytes")
	assert.Equal(t, "s:1", items[0].Where)
	assert.Equal(t, "after", items[1].Doc.ID)
	assert.Equal(t, "s:2", items[1].Where)
}

func TestOrderStdinAndMissing(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b", "2.txt"), "two")
	write(t, filepath.Join(dir, "b", "1.txt"), "one")
	write(t, filepath.Join(dir, "a.jsonl"), `{"id":"j","text":"j"}`+"\n")
	write(t, filepath.Join(dir, "c.csv"), "x")
	write(t, filepath.Join(dir, ".ipynb_checkpoints", "1.txt"), "a hidden copy")
	write(t, filepath.Join(dir, "b", ".2.txt.swp"), "x")
	write(t, filepath.Join(dir, "b", ".hidden.txt"), "x")
	stdin := strings.NewReader(`{"id":"s","text":"s"}` + "\n")
	items := readAll(t, []string{dir, "-", filepath.Join(dir, "nope.txt"), filepath.Join(dir, "c.csv"), filepath.Join(dir, "b", "1.txt")},
		Options{Stdin: stdin})
	var got []string
	for _, it := range items {
		got = append(got, it.Doc.ID+"@"+strings.TrimPrefix(it.Where, dir))
	}
	assert.Equal(t, []string{"j@/a.jsonl:1", "1@/b/1.txt", "2@/b/2.txt", "s@<stdin>:1", "@/nope.txt", "@/c.csv", "1@/b/1.txt"}, got)
	e := errs(items)
	assert.Contains(t, e[filepath.Join(dir, "nope.txt")], "no such file")
	assert.Contains(t, e[filepath.Join(dir, "c.csv")], "unsupported input")
	assert.Contains(t, e[filepath.Join(dir, "b", "1.txt")], "duplicate id \"1\"")
}

func TestUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads everything; permissions cannot make a file unreadable")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "locked", "x.txt"), "x")
	write(t, filepath.Join(dir, "secret.txt"), "x")
	require.NoError(t, os.Chmod(filepath.Join(dir, "locked"), 0))
	require.NoError(t, os.Chmod(filepath.Join(dir, "secret.txt"), 0))
	t.Cleanup(func() { _ = os.Chmod(filepath.Join(dir, "locked"), 0o755) })
	e := errs(readAll(t, []string{dir}, Options{}))
	assert.Contains(t, e[filepath.Join(dir, "locked")], "permission denied")
	assert.Contains(t, e[filepath.Join(dir, "secret.txt")], "permission denied")
}

func TestStopsOnYieldError(t *testing.T) {
	r := strings.NewReader("{\"id\":\"a\",\"text\":\"\"}\n{\"id\":\"b\",\"text\":\"\"}\n")
	n := 0
	err := ReadJSONL(context.Background(), r, "s", Options{}, func(Item) error {
		n++
		return context.Canceled
	})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, n)
}

// Year 0000 or 9999 parse as dates, but resolving "yesterday" or "next
// month" against them wrote "-0001-12-31" and "10000-01-01": a bad
// publication date fails its document instead.
func TestPublishedYearOutOfRange(t *testing.T) {
	r := strings.NewReader(`{"id":"a","text":"أمس","published":"0000-01-01"}` + "\n" +
		`{"id":"b","text":"غدا","published":"9999-12-31T10:00:00Z"}` + "\n" +
		`{"id":"c","text":"x","published":"1999-12-31"}` + "\n")
	var items []Item
	require.NoError(t, ReadJSONL(context.Background(), r, "s", Options{}, func(it Item) error {
		items = append(items, it)
		return nil
	}))
	require.Len(t, items, 3)
	assert.ErrorContains(t, items[0].Err, "year 0 is outside 1900-2199")
	assert.ErrorContains(t, items[1].Err, "year 9999 is outside 1900-2199")
	assert.NoError(t, items[2].Err)
}

func TestNamedPipeIsJSONL(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			_, _ = f.WriteString(`{"id":"p","text":"piped"}` + "\n")
			f.Close()
		}
	}()
	var items []Item // read once: a pipe is read once (not readAll)
	require.NoError(t, Read(context.Background(), []string{fifo}, Options{}, func(it Item) error {
		items = append(items, it)
		return nil
	}))
	require.Len(t, items, 1)
	require.NoError(t, items[0].Err)
	assert.Equal(t, "piped", items[0].Doc.Text)
	assert.Equal(t, fifo+":1", items[0].Where)
}

func TestJSONArrayIsOneError(t *testing.T) {
	for _, in := range []string{
		"[\n  {\"id\": \"a\", \"text\": \"x\"},\n  {\"id\": \"b\", \"text\": \"y\"}\n]\n",
		"\n{\n  \"id\": \"a\",\n  \"text\": \"x\"\n}\n",
		`[{"id":"a","text":"x"}]`,
	} {
		var items []Item
		require.NoError(t, ReadJSONL(context.Background(), strings.NewReader(in), "f", Options{}, func(it Item) error {
			items = append(items, it)
			return nil
		}))
		require.Len(t, items, 1, in)
		assert.ErrorContains(t, items[0].Err, "not JSON Lines")
	}
}

// A symlink to a directory given as PATH read nothing (`ln -s seeds L;
// extract L` gave 0 documents, exit 0): the user pointed at it, so it is
// followed, and the documents are named under the link.
func TestSymlinkedRootIsFollowed(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "real", "a.txt"), "أ")
	write(t, filepath.Join(dir, "real", "sub", "b.jsonl"), `{"id":"b","text":"ب"}`+"\n")
	link := filepath.Join(dir, "L")
	require.NoError(t, os.Symlink(filepath.Join(dir, "real"), link))
	items := readAll(t, []string{link}, Options{})
	var got []string
	for _, it := range items {
		require.NoError(t, it.Err)
		got = append(got, it.Doc.ID+"@"+it.Where)
	}
	assert.Equal(t, []string{"a@" + filepath.Join(link, "a.txt"), "b@" + filepath.Join(link, "sub", "b.jsonl") + ":1"}, got)
}

func TestSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "d", "a.txt"), "أ")
	// A link back up inside the tree is not followed: no endless walk.
	require.NoError(t, os.Symlink(dir, filepath.Join(dir, "d", "up")))
	items := readAll(t, []string{filepath.Join(dir, "d")}, Options{})
	require.Len(t, items, 1)
	assert.Equal(t, "a", items[0].Doc.ID)

	// A root that is a loop of links is an error, not a hang.
	loop := filepath.Join(dir, "loop")
	require.NoError(t, os.Symlink(loop, loop))
	items = readAll(t, []string{loop}, Options{})
	require.Len(t, items, 1)
	assert.ErrorContains(t, items[0].Err, "too many levels of symbolic links")
}

// hugeLine streams one JSONL line of n bytes without holding it, then a
// blank line.
type hugeLine struct{ n, pos int }

func (h *hugeLine) Read(p []byte) (int, error) {
	const head, tail = `{"id":"huge","text":"`, "\"}\n\n"
	i := 0
	for i < len(p) && h.pos < h.n+2 {
		switch tailAt := h.n - 2; {
		case h.pos < len(head):
			c := copy(p[i:], head[h.pos:])
			i, h.pos = i+c, h.pos+c
		case h.pos < tailAt:
			c := min(len(p)-i, tailAt-h.pos)
			for k := range c {
				p[i+k] = 'x'
			}
			i, h.pos = i+c, h.pos+c
		default:
			c := copy(p[i:], tail[h.pos-tailAt:])
			i, h.pos = i+c, h.pos+c
		}
	}
	if i == 0 {
		return 0, io.EOF
	}
	return i, nil
}

// A line over the limit is read through and dropped: what reading holds
// does not grow with the line. (Before, every line was buffered up to
// 256 MB whatever the document limit.)
func TestHugeLineIsSkippedWhileReading(t *testing.T) {
	const size = 64 << 20
	r := io.MultiReader(&hugeLine{n: size}, strings.NewReader(`{"id":"after","text":"ok"}`+"\n"))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var items []Item
	require.NoError(t, ReadJSONL(context.Background(), r, "s", Options{MaxDocBytes: 1 << 20}, func(it Item) error {
		items = append(items, it)
		return nil
	}))
	runtime.ReadMemStats(&after)
	require.Len(t, items, 2)
	var tooLarge *TooLargeError
	require.True(t, errors.As(items[0].Err, &tooLarge), "%v", items[0].Err)
	assert.Equal(t, TooLargeError{What: "line", Size: size, Limit: 1 << 20}, *tooLarge)
	assert.Equal(t, "s:1", items[0].Where)
	assert.Equal(t, "after", items[1].Doc.ID)
	assert.Equal(t, "s:3", items[1].Where)
	allocated := after.TotalAlloc - before.TotalAlloc
	assert.Less(t, allocated, uint64(8<<20), "reading a 64 MB line allocated %d bytes", allocated)
}

// Text can decode to more bytes than its line (an invalid byte becomes
// the three bytes of U+FFFD): the limit holds for the text too.
func TestDecodedTextOverLimit(t *testing.T) {
	line := `{"id":"a","text":"` + strings.Repeat("x", 60) + strings.Repeat("\xff", 20) + `"}`
	require.Len(t, line, 100)
	var items []Item
	require.NoError(t, ReadJSONL(context.Background(), strings.NewReader(line+"\n"), "s", Options{MaxDocBytes: 100}, func(it Item) error {
		items = append(items, it)
		return nil
	}))
	require.Len(t, items, 1)
	assert.EqualError(t, items[0].Err, "text of 120 bytes is over the limit of 100 bytes")
	assert.Empty(t, items[0].Doc.Text, "the text is not kept")
}

func TestTxtFileOverLimit(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "big.txt"), strings.Repeat("ب", 1000))
	items := readAll(t, []string{dir}, Options{MaxDocBytes: 100})
	require.Len(t, items, 1)
	assert.EqualError(t, items[0].Err, "file of 2000 bytes is over the limit of 100 bytes")
}

// The run's outputs are never read back: an error file inside an input
// directory was read as input, its errors written to it again, forever.
func TestExcludedFilesAreNotRead(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.jsonl"), `{"id":"a","text":"x"}`+"\n")
	out := filepath.Join(dir, "z_errors.jsonl")
	write(t, out, `{"id":"e","where":"w","error":"bad"}`+"\n")
	fi, err := os.Stat(out)
	require.NoError(t, err)
	opts := Options{Exclude: []os.FileInfo{fi}}

	items := readAll(t, []string{dir}, opts)
	require.Len(t, items, 1, "the walk skips the output")
	assert.Equal(t, "a", items[0].Doc.ID)

	items = readAll(t, []string{out}, opts)
	require.Len(t, items, 1)
	assert.ErrorContains(t, items[0].Err, "an output file of this run")
}

func TestContains(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "in", "sub", "v.jsonl"), "")
	write(t, filepath.Join(dir, "in", ".hidden", "h.jsonl"), "")
	write(t, filepath.Join(dir, "in", "notes.md"), "")
	write(t, filepath.Join(dir, "elsewhere.jsonl"), "")
	stat := func(p string) os.FileInfo {
		fi, err := os.Stat(filepath.Join(dir, p))
		require.NoError(t, err)
		return fi
	}
	paths := []string{"-", filepath.Join(dir, "in")}
	where, found := Contains(context.Background(), paths, stat("in/sub/v.jsonl"))
	assert.True(t, found)
	assert.Equal(t, filepath.Join(dir, "in", "sub", "v.jsonl"), where)
	for _, p := range []string{"elsewhere.jsonl", "in/.hidden/h.jsonl", "in/notes.md"} {
		_, found = Contains(context.Background(), paths, stat(p))
		assert.False(t, found, "%s is not read, so not an input", p)
	}
	where, found = Contains(context.Background(), []string{filepath.Join(dir, "elsewhere.jsonl")}, stat("elsewhere.jsonl"))
	assert.True(t, found)
	assert.Equal(t, filepath.Join(dir, "elsewhere.jsonl"), where)
}

func gz(t *testing.T, data string) string {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write([]byte(data))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.String()
}

func TestGzip(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.jsonl.gz"), gz(t, `{"id":"j1","text":"نص"}`+"\n"+`{"id":"j2","text":"آخر"}`+"\n"))
	write(t, filepath.Join(dir, "b.TXT.GZ"), gz(t, "\uFEFFسطر\r\nثان"))
	write(t, filepath.Join(dir, "c.jsonl.gz"), "not gzip at all")
	truncated := gz(t, `{"id":"t1","text":"x"}`+"\n"+strings.Repeat(`{"id":"tn","text":"y"}`, 100))
	write(t, filepath.Join(dir, "d.jsonl.gz"), truncated[:len(truncated)-12])
	write(t, filepath.Join(dir, "e.gz"), gz(t, "x"))
	items := readAll(t, []string{dir}, Options{})
	var got []string
	for _, it := range items {
		got = append(got, it.Doc.ID+"@"+strings.TrimPrefix(it.Where, dir+"/"))
	}
	assert.Equal(t, []string{"j1@a.jsonl.gz:1", "j2@a.jsonl.gz:2", "b@b.TXT.GZ", "@c.jsonl.gz", "t1@d.jsonl.gz:1", "@d.jsonl.gz:2"}, got,
		"e.gz says nothing of what it holds: not an input")
	assert.Equal(t, "نص", items[0].Doc.Text)
	assert.Equal(t, "سطر\nثان", items[2].Doc.Text, "the .txt policies apply inside")
	assert.ErrorContains(t, items[3].Err, "gzip: invalid header")
	assert.ErrorContains(t, items[5].Err, "unexpected EOF", "a truncated archive fails where it ends")

	var consumed int64
	for _, it := range items[:2] {
		consumed += it.Bytes
	}
	fi, err := os.Stat(filepath.Join(dir, "a.jsonl.gz"))
	require.NoError(t, err)
	assert.Equal(t, fi.Size(), consumed, "bytes count the compressed file, as Size does")

	items = readAll(t, []string{filepath.Join(dir, "a.jsonl.gz")}, Options{})
	require.Len(t, items, 2, "named explicitly too")
}

func readStdin(t *testing.T, in string, f Format) []Item {
	t.Helper()
	return readAll(t, []string{"-"}, Options{Stdin: strings.NewReader(in), StdinFormat: f})
}

// Plain Arabic text on stdin failed with bad JSON: invalid character 'Ù'.
func TestStdinGuess(t *testing.T) {
	items := readStdin(t, "\n  قتل 3 مدنيين {x}\n", Guess)
	require.Len(t, items, 1)
	require.NoError(t, items[0].Err)
	assert.Equal(t, StdinID, items[0].Doc.ID)
	assert.Equal(t, StdinName, items[0].Where)
	assert.Equal(t, "\n  قتل 3 مدنيين {x}\n", items[0].Doc.Text, "leading white space is kept: offsets count it")

	items = readStdin(t, "\n\uFEFF  "+`{"id":"a","text":"x"}`+"\n"+`{"id":"b","text":"y"}`, Guess)
	require.Len(t, items, 2)
	assert.Equal(t, StdinName+":2", items[0].Where, "lines are counted from the true first line")

	items = readStdin(t, `[{"id":"a","text":"x"}]`, Guess)
	require.Len(t, items, 1)
	assert.ErrorContains(t, items[0].Err, "not JSON Lines")

	assert.Empty(t, readStdin(t, " \n\n", Guess), "nothing given: no document")
}

func TestStdinForced(t *testing.T) {
	items := readStdin(t, `{"id":"a","text":"x"}`, Text)
	require.Len(t, items, 1)
	assert.Equal(t, `{"id":"a","text":"x"}`, items[0].Doc.Text)

	items = readStdin(t, "قتل", JSONL)
	require.Len(t, items, 1)
	assert.ErrorContains(t, items[0].Err, "bad JSON")

	items = readStdin(t, "", Text)
	require.Len(t, items, 1, "an empty article when asked for one")
	assert.NoError(t, items[0].Err)
}

// A lone surrogate escape decodes to one U+FFFD: one code point for the
// one Python's json.loads keeps, so offsets after it agree. Python:
//
//	>>> s = json.loads(r'"a\ud83db\ud83d\ude00c\ude00"')
//	>>> len(s), s.index("c")
//	(6, 4)
func TestLoneSurrogates(t *testing.T) {
	items := readStdin(t, `{"id":"a","text":"a\ud83db\ud83d\ude00c\ude00"}`, JSONL)
	require.Len(t, items, 1)
	require.NoError(t, items[0].Err)
	runes := []rune(items[0].Doc.Text)
	assert.Len(t, runes, 6)
	assert.Equal(t, 4, slices.Index(runes, 'c'), "c is code point 4, as in Python")
	assert.Equal(t, []rune{'a', '\uFFFD', 'b', '\U0001F600', 'c', '\uFFFD'}, runes)
}

// A field of the wrong type is named as the user wrote it (the message
// named our Go struct: "Go struct field jsonDoc.text").
func TestWrongFieldType(t *testing.T) {
	items := readStdin(t, `{"id":"a","text":5}`+"\n"+`{"id":"b","text":"x","title":["t"]}`+"\n", JSONL)
	require.Len(t, items, 2)
	assert.EqualError(t, items[0].Err, `bad JSON: "text" must be a string, not number`)
	assert.EqualError(t, items[1].Err, `bad JSON: "title" must be a string, not array`)
	assert.Equal(t, []string{"a", "b"}, []string{items[0].Doc.ID, items[1].Doc.ID}, "the id names the failure")
}
