package timex

import (
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/rules"
)

func TestRuleErrors(t *testing.T) {
	fsys := fstest.MapFS{"ar/dates.txt": {Data: []byte(`# test
[month]
13 | يناير
1 | يناير
[weekday]
9 | الأحد
[part]
brunch | فطور
[unit]
day | many | يوم
[nosuch]
x | y
[relday]
0 | اليوم | art,sparkly
`)}}
	_, err := New(rules.Open(fsys, ""))
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{
		"rules/ar/dates.txt:3:", "rules/ar/dates.txt:6:", "rules/ar/dates.txt:8:",
		"rules/ar/dates.txt:10:", "rules/ar/dates.txt:12:", "rules/ar/dates.txt:14:",
	} {
		assert.Contains(t, msg, want)
	}
	assert.NotContains(t, msg, "dates.txt:4:")

	_, err = New(rules.Open(fstest.MapFS{}, ""))
	assert.Error(t, err, "missing file")
}

// TestConcurrent shares one Tagger between goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	tg := newTagger(t)
	texts := []string{
		"ليل الأربعاء 27 يناير 2021 نفذت القوات",
		"فجر الجمعة الماضية انطلقت العملية",
		"في عام 2020 قتل 206، وقبل يومين، قال",
	}
	want := make([][]Expr, len(texts))
	for i, s := range texts {
		want[i] = tg.Find(arabic.New(s), ref)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; n < 50; n++ {
				i := (g + n) % len(texts)
				got := tg.Find(arabic.New(texts[i]), ref)
				assert.Equal(t, want[i], got)
			}
		}()
	}
	wg.Wait()
}
