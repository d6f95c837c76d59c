package extract_test

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/ingest"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// benchDocs reads up to n documents of the shared bench corpus (read at
// run time; cmd/benchcorpus measures the whole corpus as a stream).
func benchDocs(b *testing.B, n int) ([]model.Document, int64) {
	const path = "../../../shared/corpus/bench.jsonl"
	file, err := os.Open(path)
	if err != nil {
		b.Skipf("bench corpus absent (%v); it lives in ../shared beside the repository", err)
	}
	defer file.Close()
	var docs []model.Document
	var size int64
	err = ingest.ReadJSONL(context.Background(), file, path, ingest.Options{}, func(it ingest.Item) error {
		if it.Err == nil && len(docs) < n {
			docs = append(docs, it.Doc)
			size += int64(len(it.Doc.Text))
		}
		return nil
	})
	require.NoError(b, err)
	return docs, size
}

// BenchmarkNormalize is the floor under Extract: normalising and
// tokenising the text, in recycled buffers as Extract does.
func BenchmarkNormalize(b *testing.B) {
	docs, size := benchDocs(b, 1000)
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	var tx arabic.Text
	for i := 0; b.Loop(); i++ {
		tx.Reset(docs[i%len(docs)].Text)
	}
}

// benchExtractor loads 1,000 bench documents and compiles an Extractor,
// with bytes per document and allocations reported.
func benchExtractor(b *testing.B) ([]model.Document, *extract.Extractor) {
	docs, size := benchDocs(b, 1000)
	x, err := extract.New(extract.Options{})
	require.NoError(b, err)
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	return docs, x
}

// BenchmarkExtract is one document at a time (bytes/s is per core).
func BenchmarkExtract(b *testing.B) {
	docs, x := benchExtractor(b)
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		if _, err := x.Extract(ctx, docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractParallel shares one Extractor among GOMAXPROCS
// goroutines, as the command's workers do.
func BenchmarkExtractParallel(b *testing.B) {
	docs, x := benchExtractor(b)
	ctx := context.Background()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := x.Extract(ctx, docs[i%len(docs)]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}
