package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// adversarial are documents built to make a careless pipeline go quadratic:
// thousands of reports of one incident, of triggers in one sentence, of
// figures, of unclosed quotes. Their cost must grow with their length;
// BenchmarkAdversarial measures it (no timed assertion here).
func adversarial() map[string]string {
	return map[string]string{
		"one incident retold":      strings.Repeat("هجوم في كركوك أسفر عن مقتل 5 جنود. ", 3000),
		"triggers in one sentence": strings.Repeat("هجوم في كركوك، ", 10000),
		"figures":                  strings.Repeat("قتل 5 ", 20000),
		"unclosed quotes":          strings.Repeat("«", 50000),
		"places":                   strings.Repeat("بين كركوك والموصل و", 5000),
	}
}

func TestAdversarialDocuments(t *testing.T) {
	x := newTestExtractor(t)
	for name, text := range adversarial() {
		evs, err := x.Extract(context.Background(), model.Document{ID: "a", Text: text})
		require.NoError(t, err, name)
		for _, ev := range evs {
			require.NoError(t, ev.Validate(text), name)
		}
		if name == "one incident retold" {
			assert.Len(t, evs, 1, "a report repeated 3000 times is one incident")
		}
	}
}

func BenchmarkAdversarial(b *testing.B) {
	x, err := New(Options{})
	require.NoError(b, err)
	for name, text := range adversarial() {
		b.Run(strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := x.Extract(context.Background(), model.Document{ID: "a", Text: text}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
