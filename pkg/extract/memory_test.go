package extract

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// The memory bound of Extract (README, "Performance"): what one document
// allocates, in bytes per byte of its text, whatever the text. Every
// stage is linear in the text, so a bound per byte holds at any size.
const (
	// sparseBytesPerByte bounds a text the rules find little in, however
	// dense its tokens: punctuation and line-break storms, ligatures,
	// one-word sentences. Tokens are 24 bytes, at most one per byte, and
	// the buffers are allocated about once (arabic.Text).
	sparseBytesPerByte = 64
	// anyBytesPerByte bounds any text at all: where every few bytes are a
	// place, a date or a casualty figure, each costs its records in the
	// finders' layers, the mentions and the incidents.
	anyBytesPerByte = 320
)

// Pathological documents stay within the memory bound: a storm of 8 MB of
// dots (4.1 GB before the token representation was made compact) and
// others of every kind of token, and storms of what the rules match.
// Measured with runtime.MemStats, not timed.
func TestMemoryBound(t *testing.T) {
	if testing.Short() {
		t.Skip("pathological documents of up to 8 MB")
	}
	x, err := New(Options{})
	require.NoError(t, err)
	ctx := context.Background()
	// First use builds what is built once (the validator, pools).
	_, err = x.Extract(ctx, model.Document{ID: "warm", Text: "هجوم في بغداد أمس أسفر عن مقتل 5 جنود."})
	require.NoError(t, err)
	for _, c := range []struct {
		unit  string
		size  int
		bound float64
	}{
		{".", 8 << 20, sparseBytesPerByte},
		{"\n", 1 << 20, sparseBytesPerByte},
		{"«", 1 << 20, sparseBytesPerByte},
		{"1.", 1 << 20, sparseBytesPerByte},
		{" ", 1 << 20, sparseBytesPerByte},
		{"\u064b", 1 << 20, sparseBytesPerByte}, // harakat, dropped
		{"ﷺ", 1 << 20, sparseBytesPerByte},      // NFKC: 15 letters each
		{"ب.", 1 << 20, sparseBytesPerByte},     // a sentence every 3 bytes
		{"ب،", 1 << 20, sparseBytesPerByte},     // a clause every 3 bytes
		{"في ", 1 << 20, sparseBytesPerByte},    // a cue's first word
		{"بغداد ", 256 << 10, anyBytesPerByte},  // a place every 11 bytes
		{"أمس ", 256 << 10, anyBytesPerByte},    // a date every 7 bytes
		{"5 قتلى. ", 256 << 10, anyBytesPerByte},
		{"هجوم في كركوك، ", 256 << 10, anyBytesPerByte},
	} {
		// An Arabic word first: a text of dots alone is no Arabic.
		text := "هجوم " + strings.Repeat(c.unit, c.size/len(c.unit))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := x.Extract(ctx, model.Document{ID: "storm", Text: text})
		runtime.ReadMemStats(&after)
		require.NoError(t, err, "%q", c.unit)
		perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(text))
		t.Logf("%q × %d: %.1f bytes allocated per byte", c.unit, c.size/len(c.unit), perByte)
		assert.LessOrEqual(t, perByte, c.bound, "%q × %d", c.unit, c.size/len(c.unit))
	}
}
