package grow

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A slice grown to n elements has cost at most about 2n in allocations,
// and holds what was appended.
func TestAppendDoubles(t *testing.T) {
	const n = 1 << 20
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var s []int64
	for i := range n {
		s = Append(s, int64(i))
	}
	runtime.ReadMemStats(&after)
	assert.Len(t, s, n)
	assert.Equal(t, int64(n-1), s[n-1])
	assert.Equal(t, int64(12345), s[12345])
	assert.LessOrEqual(t, after.TotalAlloc-before.TotalAlloc, uint64(22*8*n/10))
}
