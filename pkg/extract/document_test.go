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
