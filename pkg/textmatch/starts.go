package textmatch

import "github.com/rasd-monitor/rasd/pkg/arabic"

// Starts maps the words phrases start with to bit sets of the tables
// holding such phrases, by hash alone (the hashes arabic.New stores for
// every form of every token): a filter in front of tries, which compare
// the words themselves, so that a token no table knows costs one probe
// per form, whatever the number of tables. Words whose hashes collide
// share their bits: a table is then tried in vain, never skipped.
type Starts struct {
	slots []startSlot // a slot with no bits is empty
	n     int
}

type startSlot struct {
	h    uint64
	bits uint32
}

// Add sets bits for word; bits 0 adds nothing.
func (s *Starts) Add(word string, bits uint32) {
	if bits == 0 {
		return
	}
	h := arabic.Hash(word)
	if 2*(s.n+1) > len(s.slots) {
		old := s.slots
		s.slots = make([]startSlot, max(16, 2*len(old)))
		s.n = 0
		for _, o := range old {
			if o.bits != 0 {
				s.add(o.h, o.bits)
			}
		}
	}
	s.add(h, bits)
}

func (s *Starts) add(h uint64, bits uint32) {
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.bits == 0 {
			sl.h, sl.bits = h, bits
			s.n++
			return
		}
		if sl.h == h {
			sl.bits |= bits
			return
		}
	}
}

// Of returns the bits of the word whose hash is h.
func (s *Starts) Of(h uint64) uint32 {
	if s.n == 0 {
		return 0
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.h == h || sl.bits == 0 {
			return sl.bits
		}
	}
}

// Token returns the bits of all the forms of token i.
func (s *Starts) Token(tx *arabic.Text, i int) uint32 {
	var bits uint32
	for k := tx.NumForms(i) - 1; k >= 0; k-- {
		bits |= s.Of(tx.FormHash(i, k))
	}
	return bits
}
