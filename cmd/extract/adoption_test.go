package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// -h printed on stderr and `extract help` was read as a path: help asked
// for goes to stdout, exit 0, for the command and every subcommand.
func TestHelpOnStdout(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-h"}, "usage: extract [flags] PATH..."},
		{[]string{"--help"}, "usage: extract [flags] PATH..."},
		{[]string{"help"}, "usage: extract [flags] PATH..."},
		{[]string{"--workers", "2", "-h", "x"}, "-max-doc-bytes"},
		{[]string{"help", "eval"}, "usage: extract eval"},
		{[]string{"eval", "-h"}, "-gold FILE"},
		{[]string{"gazetteer", "-h"}, "extract gazetteer lookup"},
		{[]string{"gazetteer", "help"}, "extract gazetteer lookup"},
		{[]string{"help", "gazetteer"}, "extract gazetteer lookup"},
		{[]string{"gazetteer", "lookup", "-h"}, "-gazetteer DIR"},
		{[]string{"gazetteer", "find", "--help"}, "-gazetteer DIR"},
		{[]string{"gazetteer", "report", "-h"}, "-gazetteer DIR"},
		{[]string{"gazetteer", "build", "-h"}, "-o FILE"},
		{[]string{"dates", "-h"}, "extract dates tag"},
		{[]string{"dates", "tag", "-h"}, "-published YYYY-MM-DD"},
		{[]string{"dates", "report", "-h"}, "extract dates report FILE.jsonl"},
	} {
		var out, errb bytes.Buffer
		assert.Equal(t, 0, run(c.args, nil, &out, &errb), "%v", c.args)
		assert.Contains(t, out.String(), c.want, "%v", c.args)
		assert.Empty(t, errb.String(), "%v", c.args)
	}
}

func TestVersion(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 0, run([]string{"--version"}, nil, &out, &errb))
	assert.Empty(t, errb.String())
	v := strings.TrimSpace(out.String())
	assert.True(t, strings.HasPrefix(v, "extract "), v)
	assert.Contains(t, v, runtime.Version(), "the toolchain that built it")
	assert.NotContains(t, v, "\n")
}

func TestBadStdinFlag(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"--stdin", "csv", "-"}, nil, &out, &errb))
	assert.Contains(t, errb.String(), `--stdin "csv": want txt or jsonl`)
}

// `echo "نص" | extract -` failed: bad JSON: invalid character 'Ù'.
func TestPlainTextOnStdin(t *testing.T) {
	var out, errb bytes.Buffer
	in := strings.NewReader("قتل 3 مدنيين بانفجار عبوة ناسفة في بغداد أمس.\n")
	assert.Equal(t, 0, run([]string{"--published", "2023-03-13", "-"}, in, &out, &errb), errb.String())
	assert.Contains(t, out.String(), `"doc_id":"stdin"`)
	assert.Contains(t, out.String(), `"start":"2023-03-12"`)
	d, o, _, _ := summary(t, errb.String())
	assert.Equal(t, []int{1, 1}, []int{d, o})

	// Forced: the same text read as JSONL is a clear failure.
	out.Reset()
	errb.Reset()
	in = strings.NewReader("نص\n")
	assert.Equal(t, 1, run([]string{"--stdin", "jsonl", "-"}, in, &out, &errb))
	assert.Contains(t, errb.String(), "<stdin>:1: bad JSON")
}

// `.gz` input was refused.
func TestGzipInput(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := io.WriteString(zw, jsonLine("z1", trigger)+"\n"+jsonLine("z2", trigger+" "+trigger)+"\n")
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	put(t, filepath.Join(dir, "x.jsonl.gz"), b.String())
	res := runFake(t, context.Background(), []string{filepath.Join(dir, "x.jsonl.gz")}, nil, nil, nil)
	assert.Equal(t, 0, res.code, res.stderr)
	d, o, _, e := summary(t, res.stderr)
	assert.Equal(t, []int{2, 2, 3}, []int{d, o, e})
}

// English input gave 0 events with no word: it is now counted and
// reported as skipped, and skipping is no failure.
func TestNotArabicIsSkipped(t *testing.T) {
	in := strings.NewReader(
		jsonLine("en", "A car bomb exploded near a checkpoint in Baghdad on Monday, killing three soldiers.") + "\n" +
			jsonLine("ar", "قتل 3 مدنيين بانفجار عبوة ناسفة في بغداد أمس.") + "\n")
	var out, errb bytes.Buffer
	assert.Equal(t, 0, run([]string{"-"}, in, &out, &errb), errb.String())
	d, o, f, s, _ := summarySkipped(t, errb.String())
	assert.Equal(t, []int{2, 1, 0, 1}, []int{d, o, f, s})
	assert.Contains(t, errb.String(), "extract: <stdin>:1: skipped: document en: not Arabic text: 0 of 68 letters are Arabic\n")

	errPath := filepath.Join(t.TempDir(), "errors.jsonl")
	in = strings.NewReader(jsonLine("en", "Car bomb") + "\n")
	assert.Equal(t, 0, run([]string{"--quiet", "--errors", errPath, "-"}, in, &out, &errb))
	raw, err := os.ReadFile(errPath)
	require.NoError(t, err)
	assert.Equal(t, `{"id":"en","where":"<stdin>:1","status":"skipped","error":"document en: not Arabic text: 0 of 7 letters are Arabic"}`+"\n", string(raw))
}

// hugeLine streams n bytes of one JSONL line (never closed: it is
// dropped unread), then a newline.
type hugeLine struct{ n, pos int }

func (h *hugeLine) Read(p []byte) (int, error) {
	const head = `{"id":"h","text":"`
	i := 0
	for i < len(p) && h.pos <= h.n {
		switch {
		case h.pos < len(head):
			c := copy(p[i:], head[h.pos:])
			i, h.pos = i+c, h.pos+c
		case h.pos < h.n:
			c := min(len(p)-i, h.n-h.pos)
			for k := range c {
				p[i+k] = 'x'
			}
			i, h.pos = i+c, h.pos+c
		default:
			p[i] = '\n'
			i, h.pos = i+1, h.pos+1
		}
	}
	if i == 0 {
		return 0, io.EOF
	}
	return i, nil
}

// A line over --max-doc-bytes was buffered up to 256 MB before it was
// turned down; it is now dropped while it is read.
func TestLongLineSkippedWhileReading(t *testing.T) {
	const size = 64 << 20
	in := io.MultiReader(&hugeLine{n: size}, strings.NewReader(jsonLine("after", trigger)+"\n"))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := runFake(t, context.Background(), []string{"--max-doc-bytes", "1048576", "-"}, in, nil, nil)
	runtime.ReadMemStats(&after)
	assert.Equal(t, 1, res.code)
	assert.Contains(t, res.stderr, "extract: <stdin>:1: line of 67108864 bytes is over --max-doc-bytes 1048576; not read")
	assert.Contains(t, res.stdout, `"doc_id":"after"`)
	allocated := after.TotalAlloc - before.TotalAlloc
	assert.Less(t, allocated, uint64(16<<20), "a 64 MB line made the run allocate %d bytes", allocated)
}
