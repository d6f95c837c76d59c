package extsort

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func records(n int) []record {
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]record, n)
	for i := range out {
		// Few distinct keys, so that ties are broken by the data.
		out[i] = record{fmt.Sprintf("2018-%02d", rng.IntN(12)+1), fmt.Appendf(nil, `{"n":%d}`, rng.IntN(n))}
	}
	return out
}

func sorted(t *testing.T, budget int, dir string, in []record) (out []string, runs int) {
	t.Helper()
	s := New(budget, dir)
	for _, r := range in {
		require.NoError(t, s.Add(r.key, r.data))
	}
	runs = s.Runs()
	require.NoError(t, s.Sort(func(key string, data []byte) error {
		out = append(out, key+" "+string(data))
		return nil
	}))
	return out, runs
}

func TestSpilledRunsGiveTheInMemoryOrder(t *testing.T) {
	in := records(2000)
	want, runs := sorted(t, 1<<30, "", in)
	require.Zero(t, runs)
	dir := t.TempDir()
	got, runs := sorted(t, 4<<10, dir, in)
	assert.Greater(t, runs, 10, "a small budget spills")
	assert.Equal(t, want, got)
	left, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, left, "no run is left on disk")
}

func TestOrderDoesNotDependOnInputOrder(t *testing.T) {
	in := records(500)
	want, _ := sorted(t, 2<<10, t.TempDir(), in)
	slices.Reverse(in)
	got, _ := sorted(t, 2<<10, t.TempDir(), in)
	assert.Equal(t, want, got)
	assert.True(t, slices.IsSorted(got))
}

func TestYieldErrorStops(t *testing.T) {
	s := New(1<<10, t.TempDir())
	for _, r := range records(100) {
		require.NoError(t, s.Add(r.key, r.data))
	}
	n := 0
	err := s.Sort(func(string, []byte) error {
		n++
		return fmt.Errorf("stop")
	})
	assert.EqualError(t, err, "stop")
	assert.Equal(t, 1, n)
	assert.Error(t, s.Add("k", nil), "no Add after Sort")
}
