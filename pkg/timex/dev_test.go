package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

// TestDevGoldDates scores Best (the suggested attachment) against the dated
// gold events of ../shared/gold/dev.jsonl, taking the anchor's sentence and
// falling back to the publication date when the sentence has no
// expression. It fails only when accuracy drops below the level reached
// when the tagger was written.
func TestDevGoldDates(t *testing.T) {
	goldPath := shared(t, "gold", "dev.jsonl")
	corpus := shared(t, "corpus", "dev.jsonl")
	tg := newTagger(t)
	docs := map[string]reportDocT{}
	f, err := os.Open(corpus)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var d reportDocT
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d))
		docs[d.ID] = d
	}
	g, err := os.Open(goldPath)
	require.NoError(t, err)
	defer g.Close()
	sc = bufio.NewScanner(g)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	total, right := 0, 0
	for sc.Scan() {
		var ev goldEvent
		require.NoError(t, json.Unmarshal(sc.Bytes(), &ev))
		d, ok := docs[ev.DocID]
		if ev.Date == nil || !ok {
			continue
		}
		pub := d.Published[:10]
		tx := arabic.New(d.Text)
		exprs := tg.Find(tx, pub)
		b := strings.Index(d.Text, ev.Anchor)
		if b < 0 {
			continue
		}
		as := len([]rune(d.Text[:b]))
		s, e := sentence([]rune(tx.Orig), as, as+len([]rune(ev.Anchor)))
		start, prec, text := pub, "day", "(publication)"
		if best, ok := Best(exprs, s, e, as); ok {
			start, prec, text = best.Date.Start, string(best.Date.Precision), best.Date.Text
		}
		total++
		if start == ev.Date.Start && prec == string(ev.Date.Precision) {
			right++
		} else {
			t.Logf("%s %q: got %s %s from %q, gold %s %s", ev.DocID, ev.Anchor, start, prec, text, ev.Date.Start, ev.Date.Precision)
		}
	}
	t.Logf("dev gold dates: %d/%d right", right, total)
	assert.GreaterOrEqual(t, float64(right)/float64(total), 0.75)
}

type reportDocT struct {
	ID, Published, Text string
}
