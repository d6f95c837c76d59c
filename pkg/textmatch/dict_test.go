package textmatch

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

func TestDictPutGet(t *testing.T) {
	var d Dict[int]
	_, ok := d.Get("بغداد")
	assert.False(t, ok, "an empty Dict has nothing")
	for i := range 1000 {
		d.Put(fmt.Sprint("كلمة", i), i)
	}
	d.Put("كلمة7", -7) // a second Put replaces
	*d.Ref("كلمة8") += 100
	require.Equal(t, 1000, d.Len())
	for i := range 1000 {
		want := i
		switch i {
		case 7:
			want = -7
		case 8:
			want = 108
		}
		v, ok := d.Get(fmt.Sprint("كلمة", i))
		assert.True(t, ok)
		assert.Equal(t, want, v)
	}
	_, ok = d.Get("كلمة1000")
	assert.False(t, ok)
	n := 0
	for range d.All() {
		n++
	}
	assert.Equal(t, 1000, n)
}

// A key is confirmed on a hash match: a form whose hash equals a key's
// (a collision) is not that key.
func TestDictConfirmsTheKey(t *testing.T) {
	var d Dict[string]
	d.Put("بغداد", "baghdad")
	_, ok := d.Lookup("دمشق", arabic.Hash("بغداد"))
	assert.False(t, ok)
	v, ok := d.Lookup("بغداد", arabic.Hash("بغداد"))
	assert.True(t, ok)
	assert.Equal(t, "baghdad", v)
}

func TestDictIgnoresTheEmptyKey(t *testing.T) {
	var d Dict[int]
	d.Put("", 1)
	assert.Nil(t, d.Ref(""))
	assert.Equal(t, 0, d.Len())
	_, ok := d.Get("")
	assert.False(t, ok)
}
