package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/ingest"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// The batch writes what Extract gives for each document, in input order,
// for any number of workers, and accounts for every document, whether the
// reader decodes the lines or the workers do (DeferDecode), duplicate ids
// included.
func TestBatchIsExtractInOrder(t *testing.T) {
	x := newExtractor(t)
	paths := []string{seedDir, "-"}
	stdin := `{"id":"en","text":"An English text is skipped, not silently empty."}` + "\n" +
		`{"id":"bad"` + "\n" +
		`{"id":"ar","text":"قتل 3 مدنيين بانفجار عبوة ناسفة في بغداد أمس.","published":"2023-03-13T10:00:00Z"}` + "\n" +
		`{"id":"ar","text":"قتل 4 مدنيين بانفجار عبوة ناسفة في بغداد أمس."}` + "\n"

	// What Extract gives, document by document.
	var want bytes.Buffer
	require.NoError(t, ingest.Read(context.Background(), paths, ingest.Options{Stdin: strings.NewReader(stdin), DetectPublished: x.Published},
		func(it ingest.Item) error {
			if it.Err != nil {
				return nil
			}
			evs, err := x.Extract(context.Background(), it.Doc)
			if errors.Is(err, extract.ErrNotArabic) {
				return nil
			}
			require.NoError(t, err)
			for _, ev := range evs {
				line, err := json.Marshal(ev)
				require.NoError(t, err)
				want.Write(append(line, '\n'))
			}
			return nil
		}))

	for _, run := range []struct {
		workers  int
		deferred bool
	}{{1, false}, {3, false}, {1, true}, {3, true}} {
		workers := run.workers
		var out bytes.Buffer
		var seen []string
		in := ingest.Files(context.Background(), paths, ingest.Options{Stdin: strings.NewReader(stdin), DetectPublished: x.Published,
			DeferDecode: run.deferred})
		stats, err := extract.Batch(context.Background(), in, &out, extract.BatchOptions{
			Extractor: x, Workers: workers,
			OnDocument: func(r extract.DocResult) error {
				seen = append(seen, r.Where[strings.LastIndex(r.Where, "/")+1:]+" "+r.Status.String())
				return nil
			},
		})
		require.NoError(t, err)
		assert.Equal(t, want.String(), out.String(), "%+v", run)
		assert.Equal(t, []string{
			"000_1297feaef265f0cb.txt ok", "001_370109dc803e71f9.txt ok", "002_943838d86b42a674.txt ok",
			"003_b3b37ec40fbd454d.txt ok", "004_38057b0e451fbfbe.txt ok",
			"<stdin>:1 skipped", "<stdin>:2 failed", "<stdin>:3 ok", "<stdin>:4 failed",
		}, seen, "%+v", run)
		assert.Equal(t, extract.BatchStats{Documents: 9, OK: 6, Failed: 2, Skipped: 1,
			Events: strings.Count(want.String(), "\n"), Bytes: stats.Bytes}, stats)
		assert.Positive(t, stats.Bytes)
	}
}

// failAfter is an output that takes n bytes and then fails like a full
// disk, partway through a write.
type failAfter struct {
	bytes.Buffer
	n int
}

func (f *failAfter) Write(p []byte) (int, error) {
	room := max(f.n-f.Len(), 0)
	if len(p) <= room {
		return f.Buffer.Write(p)
	}
	f.Buffer.Write(p[:room])
	return room, syscall.ENOSPC
}

// A document counts as written only once its events are: a write that
// fails partway fails the documents it cut off, and Batch returns the
// write's error.
func TestBatchWriteFailure(t *testing.T) {
	// One event a document, so that whole lines count documents.
	one := func(ctx context.Context, doc model.Document) ([]model.Event, error) {
		return []model.Event{{ID: doc.ID + "#1", DocID: doc.ID, Type: model.Attack, Notes: strings.Repeat("n", 200)}}, nil
	}
	docs := func(yield func(ingest.Item) bool) {
		for i := range 5000 {
			id := fmt.Sprintf("d%04d", i)
			if !yield(ingest.Item{Doc: model.Document{ID: id, Text: "نص"}, Where: id}) {
				return
			}
		}
	}
	out := &failAfter{n: 400 << 10}
	var results []extract.DocResult
	stats, err := extract.Batch(context.Background(), docs, out, extract.BatchOptions{Extract: one, Workers: 2,
		OnDocument: func(r extract.DocResult) error { results = append(results, r); return nil }})
	require.ErrorIs(t, err, syscall.ENOSPC)
	written := strings.Count(out.String(), "\n")
	assert.Equal(t, written, stats.OK)
	assert.Equal(t, written, stats.Events)
	assert.Positive(t, stats.Failed)
	assert.Equal(t, stats.Documents, stats.OK+stats.Failed)
	assert.Equal(t, stats.Documents, len(results))
	firstFailed := slices.IndexFunc(results, func(r extract.DocResult) bool { return r.Status == extract.DocFailed })
	assert.Equal(t, written, firstFailed, "the documents written are the first ones")
	assert.ErrorContains(t, results[firstFailed].Err, "events not written")
}

func TestBatchNeedsAnExtractor(t *testing.T) {
	_, err := extract.Batch(context.Background(), ingest.Files(context.Background(), nil, ingest.Options{}), os.Stdout, extract.BatchOptions{})
	assert.ErrorContains(t, err, "no Extractor")
}

func TestBatchCancelled(t *testing.T) {
	x := newExtractor(t)
	ctx, cancel := context.WithCancelCause(context.Background())
	stop := errors.New("stop now")
	cancel(stop)
	var out bytes.Buffer
	stats, err := extract.Batch(ctx, ingest.Files(context.Background(), []string{filepath.Join(seedDir)}, ingest.Options{}), &out,
		extract.BatchOptions{Extractor: x})
	assert.ErrorIs(t, err, stop, "the cause comes back")
	assert.Zero(t, stats.Documents)
	assert.Empty(t, out.String())
}
