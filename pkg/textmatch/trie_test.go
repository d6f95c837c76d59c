package textmatch

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

func TestFindAllLongestWithClitics(t *testing.T) {
	var tr Trie[string]
	tr.Add("الحسكة", "hasakah")
	tr.Add("سجن غويران", "ghwayran")
	tr.Add("سجن", "prison")
	tr.Add("قوات سوريا الديمقراطية", "sdf")
	text := "تفجير في سجن غويران بالحسكة وللحسكة، وقوات سوريا الديمقراطية"
	tx := arabic.New(text)
	ms := tr.FindAll(tx)
	require.Len(t, ms, 4)
	var got []string
	for _, m := range ms {
		s, e := tx.Span(m.Start, m.End, m.Skip)
		got = append(got, m.Vals[0]+"="+tx.Slice(s, e))
	}
	assert.Equal(t, []string{"ghwayran=سجن غويران", "hasakah=الحسكة", "hasakah=للحسكة", "sdf=قوات سوريا الديمقراطية"}, got)
}

func TestNoMatchAcrossNewline(t *testing.T) {
	var tr Trie[int]
	tr.Add("وادي الشاي", 1)
	assert.Empty(t, tr.FindAll(arabic.New("وادي\nالشاي")))
	assert.Len(t, tr.FindAll(arabic.New("بوادي الشاي")), 1)
}

func TestEachAtReportsEveryPhrase(t *testing.T) {
	var tr Trie[string]
	tr.Add("أسفر", "result")
	tr.Add("أسفر الهجوم", "result-attack")
	tr.Add("الهجوم", "attack")
	toks := arabic.New("وأسفر الهجوم عن مقتل")
	var got []string
	tr.EachAt(toks, 0, func(m Match[string]) bool {
		got = append(got, m.Vals[0])
		assert.Equal(t, 1, m.Skip, "the conjunction is a clitic")
		return true
	})
	assert.Equal(t, []string{"result", "result-attack"}, got)
	n := 0
	tr.EachAt(toks, 0, func(Match[string]) bool { n++; return false })
	assert.Equal(t, 1, n, "yield false stops")
}
