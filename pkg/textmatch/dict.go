package textmatch

import (
	"iter"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

// Dict maps normalised word forms to values. It is probed with the hash
// the tokeniser computed once for every form of every token
// (arabic.Text.Form), so a lookup is an integer probe into an open-
// addressing table instead of hashing the text again for each table of
// each finder; the key is compared only on a hash match, so a collision
// costs a probe, never a wrong answer. Build it with Put, then share it:
// lookups never write.
type Dict[V any] struct {
	slots []slot[V]
	n     int
}

type slot[V any] struct {
	h   uint64
	key string // "" for an empty slot
	val V
}

// Len is the number of keys.
func (d *Dict[V]) Len() int { return d.n }

// Lookup returns the value of key, whose arabic.Hash is h.
func (d *Dict[V]) Lookup(key string, h uint64) (V, bool) {
	if d.n > 0 {
		mask := uint64(len(d.slots) - 1)
		for i := h & mask; ; i = (i + 1) & mask {
			s := &d.slots[i]
			if s.key == "" {
				break
			}
			if s.h == h && s.key == key {
				return s.val, true
			}
		}
	}
	var zero V
	return zero, false
}

// Get returns the value of key.
func (d *Dict[V]) Get(key string) (V, bool) { return d.Lookup(key, arabic.Hash(key)) }

// Put sets the value of key. The empty string is no token's form, so it
// is not stored.
func (d *Dict[V]) Put(key string, v V) {
	if p := d.Ref(key); p != nil {
		*p = v
	}
}

// Ref returns a pointer to the value of key, adding key with the zero
// value first when it is missing (nil for ""). The pointer is good until
// the next key is added.
func (d *Dict[V]) Ref(key string) *V {
	if key == "" {
		return nil
	}
	h := arabic.Hash(key)
	if 2*(d.n+1) > len(d.slots) {
		d.grow()
	}
	mask := uint64(len(d.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &d.slots[i]
		if s.key == "" {
			s.h, s.key = h, key
			d.n++
			return &s.val
		}
		if s.h == h && s.key == key {
			return &s.val
		}
	}
}

// grow doubles the table (at most half full keeps probes short).
func (d *Dict[V]) grow() {
	old := d.slots
	d.slots = make([]slot[V], max(2, 2*len(old)))
	mask := uint64(len(d.slots) - 1)
	for _, s := range old {
		if s.key == "" {
			continue
		}
		i := s.h & mask
		for d.slots[i].key != "" {
			i = (i + 1) & mask
		}
		d.slots[i] = s
	}
}

// All yields every key and value, in no particular order.
func (d *Dict[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for _, s := range d.slots {
			if s.key != "" && !yield(s.key, s.val) {
				return
			}
		}
	}
}
