package extract_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// yesterdayAttack is dated by أمس: its date is the day before publication.
const yesterdayAttack = "قتل 3 مدنيين وأصيب 5 آخرون بانفجار عبوة ناسفة في بغداد أمس."

func newExtractor(t *testing.T) *extract.Extractor {
	t.Helper()
	x, err := extract.New(extract.Options{})
	require.NoError(t, err)
	return x
}

// The corpus carries RFC 3339 timestamps; Published in that form used to
// be ignored, leaving relative dates unresolved.
func TestPublishedRFC3339(t *testing.T) {
	x := newExtractor(t)
	for _, pub := range []string{"2023-03-13", "2023-03-13T10:00:00Z", "2023-03-13T01:30:00+03:00"} {
		evs, err := x.Extract(context.Background(), model.Document{ID: "d", Text: yesterdayAttack, Published: pub})
		require.NoError(t, err, pub)
		require.NotEmpty(t, evs, pub)
		assert.Equal(t, "2023-03-12", evs[0].Date.Start, pub)
		assert.Equal(t, model.BasisRelative, evs[0].Date.Basis, pub)
	}
}

func TestPublishedOtherFormsAreErrors(t *testing.T) {
	x := newExtractor(t)
	for _, pub := range []string{"13/03/2023", "March 13, 2023", "0000-01-01", "9999-12-31"} {
		evs, err := x.Extract(context.Background(), model.Document{ID: "d7", Text: yesterdayAttack, Published: pub})
		assert.Nil(t, evs, pub)
		assert.ErrorContains(t, err, "document d7: published:", pub)
		assert.ErrorContains(t, err, pub, "the error quotes the bad value")
	}
}

// An empty id gave records with id "#1".
func TestEmptyIDIsAnError(t *testing.T) {
	x := newExtractor(t)
	for _, id := range []string{"", "  "} {
		evs, err := x.Extract(context.Background(), model.Document{ID: id, Text: yesterdayAttack})
		assert.Nil(t, evs)
		assert.ErrorContains(t, err, "empty document id")
	}
}

// lateContext is a context that is cancelled at the n-th time anyone asks
// it (Err or Done): a cancellation that arrives at any point of Extract.
type lateContext struct {
	context.Context
	mu    sync.Mutex
	asked int
	n     int
	done  chan struct{}
}

func newLateContext(n int) *lateContext {
	return &lateContext{Context: context.Background(), n: n, done: make(chan struct{})}
}

func (c *lateContext) ask() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked++
	if c.asked == c.n {
		close(c.done)
	}
	return c.asked >= c.n
}

func (c *lateContext) Done() <-chan struct{}       { c.ask(); return c.done }
func (c *lateContext) Deadline() (time.Time, bool) { return time.Time{}, false }

func (c *lateContext) Err() error {
	if c.ask() {
		return context.Canceled
	}
	return nil
}

// A cancellation noticed at the very end returned the full event list
// together with context.Canceled; a caller that kept the events of an
// error could not tell a cut-short list from a whole one. Now an error
// always comes alone, wherever the cancellation lands.
func TestCancellationNeverReturnsEvents(t *testing.T) {
	x := newExtractor(t)
	doc := model.Document{ID: "c", Text: yesterdayAttack, Published: "2023-03-13"}
	for n := 1; ; n++ {
		require.Less(t, n, 100000, "Extract never finished")
		evs, err := x.Extract(newLateContext(n), doc)
		if err == nil {
			require.NotEmpty(t, evs)
			require.Greater(t, n, 1, "the first check must see the cancellation")
			return
		}
		require.ErrorIs(t, err, context.Canceled, "n=%d", n)
		require.Nil(t, evs, "n=%d: events returned with the error", n)
	}
}

// English input gave 0 events with no word: a text that is not Arabic is
// now an error the caller can tell apart (ErrNotArabic), and the batch
// counts it as skipped.
func TestNotArabic(t *testing.T) {
	x := newExtractor(t)
	english := "A car bomb exploded near a checkpoint in Baghdad on Monday, killing three soldiers."
	for name, c := range map[string]struct {
		text       string
		notArabic  bool
		whyContain string
	}{
		"English":               {english, true, "0 of 68 letters are Arabic"},
		"short English":         {"Car bomb", true, "0 of 7 letters are Arabic"},
		"English, Arabic names": {english + " (بغداد، الجيش)", true, "10 of 78 letters are Arabic"},
		"Arabic":                {yesterdayAttack, false, ""},
		"Arabic with English":   {yesterdayAttack + " Source: Reuters, AFP and local media outlets.", false, ""},
		"short, mixed":          {"Baghdad بغداد attack", false, ""},
		"no letters":            {"12 / 15 — 2023", false, ""},
		"empty":                 {"", false, ""},
	} {
		_, err := x.Extract(context.Background(), model.Document{ID: "e", Text: c.text})
		if !c.notArabic {
			assert.NoError(t, err, name)
			continue
		}
		assert.ErrorIs(t, err, extract.ErrNotArabic, name)
		assert.ErrorContains(t, err, "document e: not Arabic text: "+c.whyContain, name)
	}
}
