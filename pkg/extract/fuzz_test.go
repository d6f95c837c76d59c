package extract_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/ingest"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// FuzzExtract: for any text, Extract returns (no panic, no runaway) and
// every event honours the SPEC contract: its spans are in range, in code
// points, and hold exactly the text the record gives (Event.Validate), and
// ids count doc_id#1, #2, ... Crashers found are kept under
// testdata/fuzz/FuzzExtract and replayed by go test.
func FuzzExtract(f *testing.F) {
	x, err := extract.New(extract.Options{})
	require.NoError(f, err)
	for _, s := range []string{
		"",
		"قتل 3 مدنيين وأصيب 5 آخرون بانفجار عبوة ناسفة في بغداد أمس",
		"أعلنت خلية الإعلام الأمني، فجر اليوم الخميس، مقتل 11 جندياً بهجوم لتنظيم داعش غربي ناحية العظيم.",
		"\uFFFD\u0651\u064B ، . ؟ 12 ١٢ ۱۲ \u200f\u200c هجوم",
		"ال ال و ب ل ك 0 00 000000000000000000000000",
	} {
		f.Add(s, true)
	}
	// Real articles make the fuzzer start from the paths that matter;
	// they are read at run time, never copied into the repository.
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), true)
		}
	}
	if file, err := os.Open("../../../shared/corpus/dev.jsonl"); err == nil {
		n := 0
		_ = ingest.ReadJSONL(context.Background(), file, "dev", ingest.Options{}, func(it ingest.Item) error {
			if it.Err == nil && n < 20 {
				f.Add(it.Doc.Text, n%2 == 0)
				n++
			}
			return nil
		})
		file.Close()
	}

	f.Fuzz(func(t *testing.T, text string, dated bool) {
		doc := model.Document{ID: "fz", Text: text}
		if dated {
			doc.Published = "2021-02-04"
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		evs, err := x.Extract(ctx, doc)
		if errors.Is(err, extract.ErrNotArabic) {
			return
		}
		require.NoError(t, err, "a document of %d bytes", len(text))
		runes := []rune(text)
		for i := range evs {
			ev := &evs[i]
			require.NoError(t, ev.ValidateRunes(runes), "%d: %s", i, ev)
			require.Equal(t, doc.ID, ev.DocID)
			require.Equal(t, fmt.Sprintf("%s#%d", doc.ID, i+1), ev.ID)
		}
	})
}

// TestExtractConcurrent shares one Extractor among goroutines, as the
// command's workers do (run it with -race): each must get exactly what a
// lone caller gets.
func TestExtractConcurrent(t *testing.T) {
	x, err := extract.New(extract.Options{})
	require.NoError(t, err)
	var docs []model.Document
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		docs = append(docs, model.Document{ID: filepath.Base(p), Text: string(b), Published: "2021-02-01"})
	}
	docs = append(docs, model.Document{ID: "inline", Text: "قتل 3 مدنيين بانفجار عبوة ناسفة في بغداد أمس"})
	ctx := context.Background()
	want := make([][]model.Event, len(docs))
	for i, d := range docs {
		want[i], err = x.Extract(ctx, d)
		require.NoError(t, err)
	}
	const goroutines = 8
	got := make([][][]model.Event, goroutines)
	errs := make([]error, goroutines)
	done := make(chan int)
	for g := range goroutines {
		go func() {
			defer func() { done <- g }()
			got[g] = make([][]model.Event, len(docs))
			for k := range docs {
				i := (k + g) % len(docs) // different orders in each goroutine
				if got[g][i], errs[g] = x.Extract(ctx, docs[i]); errs[g] != nil {
					return
				}
			}
		}()
	}
	for range goroutines {
		<-done
	}
	for g := range goroutines {
		require.NoError(t, errs[g])
		require.Equal(t, want, got[g], "goroutine %d", g)
	}
}
