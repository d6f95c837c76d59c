package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// badLines is a JSONL file of n documents that each fail (text is not a
// string), so that every one of them writes an error record.
func badLines(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"e%d","text":5}`+"\n", i)
	}
	return b.String()
}

// The reproduction: `extract --errors d/z_errors.jsonl d` read its
// own error file back as input and grew it to 23 GB.
func TestErrorsFileInsideInputDirIsNotRead(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.jsonl"), badLines(300))
	errPath := filepath.Join(dir, "z_errors.jsonl")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second) // the bug never ends
	defer cancel()
	res := runFake(t, ctx, []string{"--errors", errPath, dir}, nil, nil, nil)
	assert.Equal(t, 1, res.code)
	d, _, f, _ := summary(t, res.stderr)
	assert.Equal(t, []int{300, 300}, []int{d, f})
	raw, err := os.ReadFile(errPath)
	require.NoError(t, err)
	assert.Equal(t, 300, strings.Count(string(raw), "\n"))
}

// `extract --errors v.jsonl v.jsonl` emptied v.jsonl and reported 0
// documents, exit 0. An output that is an input is refused before
// anything is opened for writing.
func TestErrorsFileThatIsAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	v := filepath.Join(dir, "v.jsonl")
	data := jsonLine("a", trigger) + "\n"
	put(t, v, data)
	put(t, filepath.Join(dir, "sub", "old_errors.jsonl"), "{}\n")
	for _, args := range [][]string{
		{"--errors", v, v},
		{"--errors", v, dir},
		{"--errors", filepath.Join(dir, "sub", "old_errors.jsonl"), dir},
	} {
		var out, errb bytes.Buffer
		assert.Equal(t, 2, run(args, nil, &out, &errb), "%v", args)
		assert.Contains(t, errb.String(), "is the input", "%v", args)
		assert.Contains(t, errb.String(), "refusing to overwrite it", "%v", args)
		assert.Empty(t, out.String())
	}
	raw, err := os.ReadFile(v)
	require.NoError(t, err)
	assert.Equal(t, data, string(raw), "the input is untouched")
}

// stdout redirected to an input (`extract v.jsonl > v.jsonl`, or into an
// input directory) is refused too; the shell has truncated it already,
// but the run says so instead of reporting 0 documents, exit 0, or
// reading its own output back.
func TestStdoutThatIsAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	v := filepath.Join(dir, "v.jsonl")
	put(t, v, jsonLine("a", trigger)+"\n")
	for _, c := range []struct {
		stdout string
		args   []string
	}{
		{v, []string{v}},
		{filepath.Join(dir, "out.jsonl"), []string{dir}},
	} {
		f, err := os.OpenFile(c.stdout, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		require.NoError(t, err)
		var errb bytes.Buffer
		code := run(c.args, nil, f, &errb)
		f.Close()
		assert.Equal(t, 2, code, "%v > %s", c.args, c.stdout)
		assert.Contains(t, errb.String(), "stdout is the input "+c.stdout)
	}

	// --errors and stdout the same file would interleave.
	e := filepath.Join(t.TempDir(), "both.jsonl")
	f, err := os.Create(e)
	require.NoError(t, err)
	defer f.Close()
	var errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"--errors", e, v}, nil, f, &errb))
	assert.Contains(t, errb.String(), "is stdout too")
}

// A regular file as stdout, not among the inputs, is written as before.
func TestStdoutFileElsewhereRuns(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "in", "v.jsonl"), jsonLine("a", "قتل 3 مدنيين بانفجار عبوة ناسفة في بغداد أمس.")+"\n")
	f, err := os.Create(filepath.Join(dir, "out.jsonl"))
	require.NoError(t, err)
	defer f.Close()
	var errb bytes.Buffer
	assert.Equal(t, 0, run([]string{"--quiet", filepath.Join(dir, "in")}, nil, f, &errb), errb.String())
	raw, err := os.ReadFile(filepath.Join(dir, "out.jsonl"))
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"doc_id":"a"`)
}

// `ln -s testdata/seeds L; extract L` gave 0 documents, exit 0.
func TestSymlinkedDirectoryArgument(t *testing.T) {
	seeds, err := filepath.Abs("../../testdata/seeds")
	require.NoError(t, err)
	link := filepath.Join(t.TempDir(), "L")
	require.NoError(t, os.Symlink(seeds, link))
	var out, errb bytes.Buffer
	assert.Equal(t, 0, run([]string{"--workers", "2", link}, nil, &out, &errb), errb.String())
	d, o, _, e := summary(t, errb.String())
	assert.Equal(t, []int{5, 5}, []int{d, o})
	assert.Positive(t, e)
}

// A file name holding a newline printed a forged summary line on stderr.
func TestFileNamesAreEscapedOnStderr(t *testing.T) {
	dir := t.TempDir()
	name := "a\nextract: 0 documents, 0 ok, 0 failed, 0 skipped, 0 events in 0.0s\n\x1b[2K\u202e.txt"
	put(t, filepath.Join(dir, name), "bin\x00ary")
	res := runFake(t, context.Background(), []string{dir}, nil, nil, nil)
	assert.Equal(t, 1, res.code)
	lines := strings.Split(strings.TrimSuffix(res.stderr, "\n"), "\n")
	require.Len(t, lines, 2, "one report line and the summary:\n%s", res.stderr)
	assert.Contains(t, lines[0], `a\nextract: 0 documents`)
	assert.Contains(t, lines[0], `\x1b[2K\u202e.txt"`)
	assert.NotContains(t, lines[0], "\x1b")
	d, _, f, _ := summary(t, res.stderr)
	assert.Equal(t, []int{1, 1}, []int{d, f})
}

func TestSafeText(t *testing.T) {
	for in, want := range map[string]string{
		"plain: قتل 3":      "plain: قتل 3",
		"line\nbreak":       `line\nbreak`,
		"tab\tand \x1b[31m": `tab\tand \x1b[31m`,
		"bidi \u202eevil":   `bidi \u202eevil`,
		"bad \xff byte":     `bad \xff byte`,
		`quotes "kept"`:     `quotes "kept"`,
	} {
		assert.Equal(t, want, safeText(in), "%q", in)
	}
	assert.Equal(t, "dir/a.txt", safeName("dir/a.txt"))
	assert.Equal(t, `"dir/a\nb.txt"`, safeName("dir/a\nb.txt"))
}

// fullDisk accepts limit bytes, then fails as a full disk does: a short
// write and ENOSPC.
type fullDisk struct {
	bytes.Buffer
	limit int
}

func (d *fullDisk) Write(p []byte) (int, error) {
	room := d.limit - d.Len()
	if len(p) <= room {
		return d.Buffer.Write(p)
	}
	d.Buffer.Write(p[:max(room, 0)])
	return max(room, 0), &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
}

// On a full disk the summary still said every document was ok. Now a
// document is ok only once its events are written; the ones the failed
// write cut off are failed, and the run says why.
func TestFullDiskFailsTheDocumentsNotWritten(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 3000 {
		lines = append(lines, jsonLine(fmt.Sprintf("d%04d", i), trigger)) // one event each
	}
	put(t, filepath.Join(dir, "c.jsonl"), strings.Join(lines, "\n")+"\n")
	disk := &fullDisk{limit: 300 << 10}
	errPath := filepath.Join(t.TempDir(), "errors.jsonl")
	res := runFake(t, context.Background(), []string{"--errors", errPath, dir}, nil, disk, nil)
	assert.Equal(t, 1, res.code)
	assert.Contains(t, res.stderr, "no space left on device")
	d, o, f, e := summary(t, res.stderr)
	written := strings.Count(disk.String(), "\n") // whole lines: one a document
	assert.Equal(t, written, o, "ok means written")
	assert.Equal(t, written, e)
	assert.Positive(t, f)
	assert.Less(t, d, 3000, "the run stops at the full disk")
	raw, err := os.ReadFile(errPath)
	require.NoError(t, err)
	assert.Equal(t, f, strings.Count(string(raw), "\n"), "each document not written is reported")
	assert.Contains(t, string(raw), `"error":"events not written: write: write /dev/stdout: no space left on device"`)
}

// The same through stdin: `extract - < v.jsonl > v.jsonl` and
// `extract --errors v.jsonl - < v.jsonl`.
func TestStdinFileThatIsAnOutputIsRefused(t *testing.T) {
	v := filepath.Join(t.TempDir(), "v.jsonl")
	data := jsonLine("a", trigger) + "\n"
	put(t, v, data)
	in, err := os.Open(v)
	require.NoError(t, err)
	defer in.Close()
	out, err := os.OpenFile(v, os.O_WRONLY|os.O_APPEND, 0)
	require.NoError(t, err)
	defer out.Close()
	var errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"-"}, in, out, &errb))
	assert.Contains(t, errb.String(), "stdout is the file on stdin")

	errb.Reset()
	var stdout bytes.Buffer
	assert.Equal(t, 2, run([]string{"--errors", v, "-"}, in, &stdout, &errb))
	assert.Contains(t, errb.String(), "is the file on stdin: refusing to overwrite it")
	raw, err := os.ReadFile(v)
	require.NoError(t, err)
	assert.Equal(t, data, string(raw))
}
