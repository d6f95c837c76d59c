package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/model"
)

const trigger = "هجوم"

// fakeExtract stands in for the extractor: one event per occurrence of
// trigger, with a correct span, and misbehaviour on request (PANIC, HANG
// ignores its deadline, SLOW honours it, FAIL returns an error).
func fakeExtract(ctx context.Context, doc model.Document) ([]model.Event, error) {
	switch {
	case strings.Contains(doc.Text, "PANIC"):
		panic("boom")
	case strings.Contains(doc.Text, "HANG"):
		time.Sleep(time.Hour)
	case strings.Contains(doc.Text, "SLOW"):
		<-ctx.Done()
		return nil, ctx.Err()
	case strings.Contains(doc.Text, "FAIL"):
		return nil, fmt.Errorf("document %s: event %s#1: evidence: span [1 5] holds ...", doc.ID, doc.ID)
	}
	runes := []rune(doc.Text)
	tr := []rune(trigger)
	var evs []model.Event
	for i := 0; i+len(tr) <= len(runes); i++ {
		if string(runes[i:i+len(tr)]) != trigger {
			continue
		}
		ev := model.Event{
			ID: fmt.Sprintf("%s#%d", doc.ID, len(evs)+1), DocID: doc.ID, Type: model.Attack,
			ACLED:      model.ACLED{EventType: "Battles", SubEventType: "Armed clash"},
			Date:       model.Date{Precision: model.PrecisionUnknown, Basis: model.BasisNone},
			Evidence:   model.Evidence{Text: trigger, Span: model.Span{i, i + len(tr)}},
			Confidence: 0.5,
		}
		evs = append(evs, ev)
	}
	return evs, nil
}

type outcome struct {
	code           int
	stdout, stderr string
}

// runFake runs the batch as runBatch does, with fakeExtract (or f) in
// place of the extractor.
func runFake(t *testing.T, ctx context.Context, args []string, stdin io.Reader, stdout io.Writer,
	f func(context.Context, model.Document) ([]model.Event, error)) outcome {
	t.Helper()
	var out, errb bytes.Buffer
	if stdout == nil {
		stdout = &out
	}
	cfg, code, ok := parseArgs(args, io.Discard, &errb)
	require.True(t, ok, "args %v: code %d: %s", args, code, errb.String())
	b, err := newBatch(ctx, cfg, stdin, stdout, &errb)
	require.NoError(t, err)
	b.opts.Abandon = 100 * time.Millisecond
	if f == nil {
		f = fakeExtract
	}
	b.opts.Extract = f
	code = b.run(ctx)
	return outcome{code, out.String(), errb.String()}
}

var summaryRE = regexp.MustCompile(`extract: (\d+) documents, (\d+) ok, (\d+) failed, (\d+) skipped, (\d+) events in [0-9.]+s\n$`)

// summary reads the summary line; it checks that the documents add up.
func summary(t *testing.T, stderr string) (d, o, f, e int) {
	t.Helper()
	d, o, f, _, e = summarySkipped(t, stderr)
	return d, o, f, e
}

func summarySkipped(t *testing.T, stderr string) (d, o, f, s, e int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(stderr)
	require.NotNil(t, m, "no summary line at the end of stderr:\n%s", stderr)
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	d, o, f, s, e = n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5])
	require.Equal(t, d, o+f+s, "documents = ok + failed + skipped:\n%s", stderr)
	return d, o, f, s, e
}

func put(t *testing.T, path, data string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
}

func jsonLine(id, text string) string {
	b, _ := json.Marshal(map[string]string{"id": id, "text": text, "published": "2021-02-01T10:00:00Z"})
	return string(b)
}

// mixedCorpus writes good and bad inputs of every kind ingest knows and
// returns the failures expected, by where, with a word of their reason.
func mixedCorpus(t *testing.T) (dir string, wantFail map[string]string, wantOK []string) {
	dir = t.TempDir()
	p := func(s ...string) string { return filepath.Join(append([]string{dir}, s...)...) }
	put(t, p("a", "good1.txt"), "بغداد\nوقع "+trigger+" على نقطة تفتيش")
	put(t, p("a", "bom_crlf.txt"), "\uFEFFسطر أول\r\n"+trigger+" ثان\r\n")
	put(t, p("a", "badutf8.txt"), "وقع \xff"+trigger+" مسلح")
	put(t, p("a", "empty.txt"), "")
	put(t, p("a", "binary.txt"), "PK\x03\x04\x00\x00binary")
	put(t, p("a", "readme.md"), "not an input")
	require.NoError(t, os.Symlink(p("nowhere.txt"), p("a", "dangling.txt")))
	long := strings.Repeat("كلمة ", 40000) + trigger // 400 KB: far past bufio.Scanner's 64 KB line
	put(t, p("b", "docs.jsonl"), strings.Join([]string{
		jsonLine("j1", "خبر عن "+trigger+" و"+trigger),
		`{"text":"no id here"}`,
		jsonLine("j2", long),
		jsonLine("good1", "duplicate of the .txt id"),
		`{"id":"j3","text":"bad date","published":"27/09/2018"}`,
		`{"id":"j4"`,
		jsonLine("panic", "PANIC"),
		jsonLine("hang", "HANG "+trigger),
		jsonLine("slow", "SLOW"),
		jsonLine("fail", "FAIL "+trigger),
		jsonLine("j5", ""),
		`{"id":"j6","text":"truncated`,
	}, "\n"))
	wantFail = map[string]string{
		p("a", "binary.txt"):      "NUL byte",
		p("a", "dangling.txt"):    "no such file",
		p("b", "docs.jsonl:2"):    `missing "id"`,
		p("b", "docs.jsonl:4"):    `duplicate id "good1" (first at ` + p("a", "good1.txt") + ")",
		p("b", "docs.jsonl:5"):    "bad date",
		p("b", "docs.jsonl:6"):    "bad JSON",
		p("b", "docs.jsonl:7"):    "panicked: boom",
		p("b", "docs.jsonl:8"):    "did not return",
		p("b", "docs.jsonl:9"):    "timed out after 300ms",
		p("b", "docs.jsonl:10"):   "evidence: span [1 5]",
		p("b", "docs.jsonl:12"):   "truncated last line",
		p("missing-dir"):          "no such file",
		p("b", "unsupported.csv"): "unsupported input",
	}
	put(t, p("b", "unsupported.csv"), "x")
	wantOK = []string{"good1", "bom_crlf", "badutf8", "empty", "j1", "j2", "j5"}
	return dir, wantFail, wantOK
}

func TestMixedCorpusAccounting(t *testing.T) {
	dir, wantFail, wantOK := mixedCorpus(t)
	errPath := filepath.Join(t.TempDir(), "errors.jsonl")
	res := runFake(t, context.Background(), []string{
		"--workers", "3", "--doc-timeout", "300ms", "--errors", errPath,
		filepath.Join(dir, "a"), filepath.Join(dir, "b", "docs.jsonl"),
		filepath.Join(dir, "missing-dir"), filepath.Join(dir, "b", "unsupported.csv"),
	}, nil, nil, nil)

	assert.Equal(t, 1, res.code, "some documents failed")
	d, o, f, e := summary(t, res.stderr)
	assert.Equal(t, d, o+f)
	assert.Equal(t, len(wantOK), o)
	assert.Equal(t, len(wantFail), f)
	assert.Equal(t, strings.Count(res.stdout, "\n"), e)
	assert.Equal(t, 1, strings.Count(res.stderr, "\n"), "with --errors, stderr has the summary alone:\n%s", res.stderr)

	raw, err := os.ReadFile(errPath)
	require.NoError(t, err)
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var rec errorRecord
		require.NoError(t, json.Unmarshal([]byte(line), &rec), line)
		_, dup := got[rec.Where]
		assert.False(t, dup, "%s reported twice", rec.Where)
		got[rec.Where] = rec.Error
		if strings.Contains(rec.Where, "docs.jsonl:4") {
			assert.Equal(t, "good1", rec.ID, "the id is kept when it is known")
		}
	}
	require.Len(t, got, len(wantFail), "errors file:\n%s", raw)
	for where, reason := range wantFail {
		assert.Contains(t, got[where], reason, where)
	}

	// The good documents' events are all there, in input order.
	var docs []string
	for _, line := range strings.Split(strings.TrimSpace(res.stdout), "\n") {
		var ev model.Event
		require.NoError(t, json.Unmarshal([]byte(line), &ev), line)
		if len(docs) == 0 || docs[len(docs)-1] != ev.DocID {
			docs = append(docs, ev.DocID)
		}
	}
	assert.Equal(t, []string{"badutf8", "bom_crlf", "good1", "j1", "j2"}, docs)
	assert.Contains(t, res.stdout, `"id":"j1#2"`)
}

func TestRealRunAccounting(t *testing.T) {
	// The real command on the same corpus (with the real extractor):
	// whatever it extracts, every document is accounted for.
	dir, _, _ := mixedCorpus(t)
	var out, errb bytes.Buffer
	code := run([]string{"--workers", "2", "--quiet", filepath.Join(dir, "a")}, nil, &out, &errb)
	assert.Equal(t, 1, code)
	assert.Equal(t, 2, strings.Count(errb.String(), "\n"), "one line per failure, no summary with --quiet:\n%s", errb.String())
	assert.Contains(t, errb.String(), "binary.txt: binary file")
	assert.Contains(t, errb.String(), "dangling.txt: stat")

	out.Reset()
	errb.Reset()
	code = run([]string{filepath.Join(dir, "a", "good1.txt"), filepath.Join(dir, "a", "empty.txt")}, nil, &out, &errb)
	assert.Equal(t, 0, code)
	d, o, f, _ := summary(t, errb.String())
	assert.Equal(t, []int{2, 2, 0}, []int{d, o, f})
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"--workers", "0", "x"},
		{"--published", "2021-02-30", "x"},
		{"--published", "0000-01-01", "x"},
		{"--published", "9999-12-31", "x"},
		{"--nope", "x"},
		{"--doc-timeout", "-1s", "x"},
		{"--rules", "/nonexistent", "x"},
	} {
		var out, errb bytes.Buffer
		assert.Equal(t, 2, run(args, nil, &out, &errb), "%v", args)
		assert.Empty(t, out.String())
		assert.NotEmpty(t, errb.String())
	}
}

func TestFlagsAfterPaths(t *testing.T) {
	cfg, _, ok := parseArgs([]string{"a", "--workers", "3", "b", "--", "--quiet"}, io.Discard, io.Discard)
	require.True(t, ok)
	assert.Equal(t, []string{"a", "b", "--quiet"}, cfg.paths)
	assert.Equal(t, 3, cfg.workers)
	assert.False(t, cfg.quiet)
}

// shuffled is fakeExtract with random delays, so that workers finish out
// of order.
func shuffled(ctx context.Context, doc model.Document) ([]model.Event, error) {
	time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
	return fakeExtract(ctx, doc)
}

func TestDeterministicAcrossWorkers(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 300 {
		text := strings.Repeat("نص "+trigger+" ", i%7)
		if i%50 == 13 {
			lines = append(lines, `{"id":"broken"`)
			continue
		}
		lines = append(lines, jsonLine(fmt.Sprintf("d%03d", i), text))
	}
	put(t, filepath.Join(dir, "c.jsonl"), strings.Join(lines, "\n")+"\n")
	put(t, filepath.Join(dir, "t", "x.txt"), trigger)
	var first string
	for _, w := range []string{"1", "2", "8", "8", "2"} {
		res := runFake(t, context.Background(), []string{"--workers", w, dir}, nil, nil, shuffled)
		require.Equal(t, 1, res.code)
		if first == "" {
			first = res.stdout
			require.NotEmpty(t, first)
			continue
		}
		require.Equal(t, first, res.stdout, "--workers %s", w)
	}
}

func TestStdin(t *testing.T) {
	in := strings.NewReader(jsonLine("s1", trigger) + "\n" + jsonLine("s2", "") + "\n")
	res := runFake(t, context.Background(), []string{"-"}, in, nil, nil)
	assert.Equal(t, 0, res.code)
	assert.Contains(t, res.stdout, `"doc_id":"s1"`)
	d, o, _, e := summary(t, res.stderr)
	assert.Equal(t, []int{2, 2, 1}, []int{d, o, e})
}

// brokenPipe fails like a stdout whose reader has gone, after n bytes.
type brokenPipe struct{ n int }

func (b *brokenPipe) Write(p []byte) (int, error) {
	if b.n <= 0 {
		return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
	}
	b.n -= len(p)
	return len(p), nil
}

func TestClosedStdoutIsQuiet(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 5000 {
		lines = append(lines, jsonLine(fmt.Sprintf("d%d", i), trigger+" "+trigger))
	}
	put(t, filepath.Join(dir, "c.jsonl"), strings.Join(lines, "\n")+"\n")
	res := runFake(t, context.Background(), []string{dir}, nil, &brokenPipe{n: 300 << 10}, nil)
	assert.Equal(t, 141, res.code)
	assert.Empty(t, res.stderr, "no noise when the reader has gone")
}

func TestInterruptWritesWholeLines(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 2000 {
		lines = append(lines, jsonLine(fmt.Sprintf("d%d", i), trigger))
	}
	put(t, filepath.Join(dir, "c.jsonl"), strings.Join(lines, "\n")+"\n")
	ctx, cancel := context.WithCancelCause(context.Background())
	var n atomic.Int32
	f := func(ctx context.Context, doc model.Document) ([]model.Event, error) {
		if n.Add(1) == 500 {
			cancel(interrupted{os.Interrupt})
		}
		return fakeExtract(ctx, doc)
	}
	res := runFake(t, ctx, []string{"--workers", "4", dir}, nil, nil, f)
	assert.Equal(t, 130, res.code)
	assert.Contains(t, res.stderr, "interrupted by SIGINT")
	d, o, fl, e := summary(t, res.stderr)
	assert.Equal(t, d, o+fl)
	assert.Less(t, d, 2000)
	assert.Equal(t, e, strings.Count(res.stdout, "\n"))
	require.True(t, strings.HasSuffix(res.stdout, "\n"))
	for _, line := range strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n") {
		require.True(t, json.Valid([]byte(line)), "half-written line %q", line)
	}
}

// syncBuffer is a bytes.Buffer safe to read while the batch writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestFlushesWhenInputStalls(t *testing.T) {
	pr, pw := io.Pipe()
	out := &syncBuffer{}
	done := make(chan outcome)
	go func() { done <- runFake(t, context.Background(), []string{"-"}, pr, out, nil) }()
	_, err := io.WriteString(pw, jsonLine("first", trigger)+"\n")
	require.NoError(t, err)
	// The input is still open: the first document's event must show anyway.
	assert.Eventually(t, func() bool { return strings.Contains(out.String(), `"doc_id":"first"`) },
		5*time.Second, 10*time.Millisecond)
	_, err = io.WriteString(pw, jsonLine("second", trigger)+"\n")
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	res := <-done
	assert.Equal(t, 0, res.code)
	assert.Contains(t, out.String(), `"doc_id":"second"`)
}

func TestMaxDocBytes(t *testing.T) {
	in := strings.NewReader(jsonLine("big", strings.Repeat(trigger+" ", 100)) + "\n" + jsonLine("small", trigger) + "\n")
	res := runFake(t, context.Background(), []string{"--max-doc-bytes", "500", "-"}, in, nil, nil)
	assert.Equal(t, 1, res.code)
	assert.Contains(t, res.stderr, "<stdin>:1: line of 957 bytes is over --max-doc-bytes 500; not read")
	assert.Contains(t, res.stdout, `"doc_id":"small"`)
	assert.NotContains(t, res.stdout, `"doc_id":"big"`)
}
