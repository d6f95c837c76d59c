package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

// BenchmarkFind measures Find alone (texts tokenised beforehand) over the
// dev corpus; the extractor as a whole targets ≥10 MB/s.
func BenchmarkFind(b *testing.B) {
	path := shared(b, "corpus", "dev.jsonl")
	f, err := os.Open(path)
	require.NoError(b, err)
	defer f.Close()
	var txs []*arabic.Text
	var pubs []string
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var d struct{ Published, Text string }
		require.NoError(b, json.Unmarshal(sc.Bytes(), &d))
		txs = append(txs, arabic.New(d.Text))
		pubs = append(pubs, d.Published[:10])
		size += len(d.Text)
	}
	tg := newTagger(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for i, tx := range txs {
			tg.Find(tx, pubs[i])
		}
	}
}
