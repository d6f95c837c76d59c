package country

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTableIsConsistent(t *testing.T) {
	seen := map[string]bool{}
	nums := map[int]bool{}
	for _, c := range All() {
		assert.Len(t, c.Code, 2, c.Name)
		assert.False(t, seen[c.Code], "code %s twice", c.Code)
		assert.False(t, nums[c.Numeric], "numeric %d twice", c.Numeric)
		assert.NotEmpty(t, c.Region, c.Code)
		seen[c.Code], nums[c.Numeric] = true, true
	}
	assert.Len(t, seen, 22, "Iraq, Syria and the 20 countries of the region gazetteer")
}

func TestLookup(t *testing.T) {
	iq, ok := Lookup("IQ")
	assert.True(t, ok)
	assert.Equal(t, Country{"IQ", "Iraq", 368, "Middle East"}, iq)
	assert.Equal(t, "Yemen", Name("YE"))
	assert.Equal(t, "XK", Name("XK"), "an unknown code is shown as is")
}
