package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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

func readAll(t *testing.T, paths []string, opts Options) []Item {
	t.Helper()
	var items []Item
	err := Read(context.Background(), paths, opts, func(it Item) error {
		items = append(items, it)
		return nil
	})
	require.NoError(t, err)
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
	big := strings.Repeat("ب", 40<<20) // 80 MB of text: far past bufio.Scanner's 64 KB
	r := strings.NewReader(`{"id":"big","text":"` + big + `"}` + "\n" +
		`{"id":"over","text":"` + strings.Repeat("x", 2000) + `"}` + "\n" +
		`{"id":"after","text":"ok"}`)
	var items []Item
	err := ReadJSONL(context.Background(), r, "s", Options{MaxLine: 100 << 20}, func(it Item) error {
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
	require.NoError(t, ReadJSONL(context.Background(), r, "s", Options{MaxLine: 1000}, func(it Item) error {
		items = append(items, it)
		return nil
	}))
	require.Len(t, items, 2)
	assert.ErrorContains(t, items[0].Err, "more than 1000 bytes")
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
	items := readAll(t, []string{fifo}, Options{})
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
