package textmatch

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

func TestStartsOrsTheBitsOfAWord(t *testing.T) {
	var s Starts
	assert.Zero(t, s.Of(arabic.Hash("حسكه")), "an empty Starts has nothing")
	s.Add("حسكه", 1)
	for i := range 1000 { // past several growths
		s.Add(fmt.Sprint("كلمة", i), 4)
	}
	s.Add("حسكه", 2)
	s.Add("بغداد", 0)
	assert.Equal(t, uint32(3), s.Of(arabic.Hash("حسكه")))
	assert.Equal(t, uint32(4), s.Of(arabic.Hash("كلمة999")))
	assert.Zero(t, s.Of(arabic.Hash("بغداد")), "no bits, no word")
	assert.Zero(t, s.Of(arabic.Hash("دمشق")))
}

// A token's bits are those of all its clitic forms.
func TestStartsOfAToken(t *testing.T) {
	var s Starts
	s.Add("حسكه", 1)
	s.Add("الحسكه", 2)
	s.Add("و", 8)
	tx := arabic.New("وبالحسكة و حسكة")
	assert.Equal(t, []uint32{3, 8, 1}, []uint32{s.Token(tx, 0), s.Token(tx, 1), s.Token(tx, 2)})
}
