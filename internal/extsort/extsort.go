// Package extsort sorts records by a string key in bounded memory: records
// are kept in memory up to a budget, and each time it is reached the
// sorted batch is written to a temporary file (a run); reading merges the
// runs. A corpus of any size sorts in the budget plus one buffered
// reader per run.
//
// The order is total and does not depend on the order records were added:
// by key, then by the record's bytes.
package extsort

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Sorter collects records; Sort then yields them in order. Not safe for
// concurrent use.
type Sorter struct {
	budget int
	dir    string
	recs   []record
	size   int
	runs   []*os.File
	names  []string
	closed bool
}

type record struct {
	key  string
	data []byte
}

// perRecord is the memory a record costs beyond its key and data: the
// slice headers and the record itself.
const perRecord = 64

// New returns a Sorter that holds up to budget bytes in memory and spills
// runs into dir ("" for the system's temporary directory).
func New(budget int, dir string) *Sorter {
	return &Sorter{budget: max(budget, 1), dir: dir}
}

// Add adds one record; data is copied.
func (s *Sorter) Add(key string, data []byte) error {
	if s.closed {
		return errors.New("extsort: Add after Sort")
	}
	s.recs = append(s.recs, record{key, bytes.Clone(data)})
	s.size += len(key) + len(data) + perRecord
	if s.size >= s.budget {
		return s.spill()
	}
	return nil
}

// Runs is the number of runs written to disk so far.
func (s *Sorter) Runs() int { return len(s.runs) }

func compare(a, b record) int {
	if c := strings.Compare(a.key, b.key); c != 0 {
		return c
	}
	return bytes.Compare(a.data, b.data)
}

// spill writes the records in memory, sorted, to a new run.
func (s *Sorter) spill() error {
	slices.SortFunc(s.recs, compare)
	f, err := os.CreateTemp(s.dir, "rasd-sort-*")
	if err != nil {
		return fmt.Errorf("extsort: %w", err)
	}
	// The file is only ever read through f: remove its name at once so
	// that nothing is left behind however the program ends (where the
	// system allows removing an open file; elsewhere Close removes it).
	if os.Remove(f.Name()) != nil {
		s.names = append(s.names, f.Name())
	}
	s.runs = append(s.runs, f)
	w := bufio.NewWriterSize(f, 256<<10)
	var hdr [2 * binary.MaxVarintLen64]byte
	for _, r := range s.recs {
		n := binary.PutUvarint(hdr[:], uint64(len(r.key)))
		n += binary.PutUvarint(hdr[n:], uint64(len(r.data)))
		if _, err := w.Write(hdr[:n]); err != nil {
			return fmt.Errorf("extsort: %w", err)
		}
		if _, err := w.WriteString(r.key); err != nil {
			return fmt.Errorf("extsort: %w", err)
		}
		if _, err := w.Write(r.data); err != nil {
			return fmt.Errorf("extsort: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("extsort: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("extsort: %w", err)
	}
	clear(s.recs)
	s.recs, s.size = s.recs[:0], 0
	return nil
}

// Sort ends adding and calls yield for every record in order, stopping
// at the first error yield returns. The data passed to yield is valid
// only during the call.
func (s *Sorter) Sort(yield func(key string, data []byte) error) error {
	if s.closed {
		return errors.New("extsort: Sort called twice")
	}
	s.closed = true
	defer s.Close()
	slices.SortFunc(s.recs, compare)
	if len(s.runs) == 0 {
		for _, r := range s.recs {
			if err := yield(r.key, r.data); err != nil {
				return err
			}
		}
		return nil
	}
	// Merge the runs and what is still in memory.
	h := &mergeHeap{}
	for i, f := range s.runs {
		src := &runReader{r: bufio.NewReaderSize(f, 64<<10), run: i}
		if err := src.next(); err != nil {
			return err
		}
		if src.ok {
			h.srcs = append(h.srcs, src)
		}
	}
	if len(s.recs) > 0 {
		mem := &runReader{mem: s.recs, run: len(s.runs)}
		_ = mem.next()
		h.srcs = append(h.srcs, mem)
	}
	heap.Init(h)
	for h.Len() > 0 {
		src := h.srcs[0]
		if err := yield(src.cur.key, src.cur.data); err != nil {
			return err
		}
		if err := src.next(); err != nil {
			return err
		}
		if src.ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return nil
}

// Close releases the runs; Sort calls it.
func (s *Sorter) Close() error {
	var errs []error
	for _, f := range s.runs {
		errs = append(errs, f.Close())
	}
	for _, name := range s.names {
		errs = append(errs, os.Remove(name))
	}
	s.runs, s.names, s.recs = nil, nil, nil
	return errors.Join(errs...)
}

// runReader yields the records of one run, from a file or from memory.
type runReader struct {
	r   *bufio.Reader
	mem []record
	run int
	cur record
	ok  bool
}

func (r *runReader) next() error {
	if r.r == nil {
		r.ok = len(r.mem) > 0
		if r.ok {
			r.cur, r.mem = r.mem[0], r.mem[1:]
		}
		return nil
	}
	klen, err := binary.ReadUvarint(r.r)
	if err == io.EOF {
		r.ok = false
		return nil
	}
	if err != nil {
		return fmt.Errorf("extsort: reading run %d: %w", r.run, err)
	}
	dlen, err := binary.ReadUvarint(r.r)
	if err != nil {
		return fmt.Errorf("extsort: reading run %d: %w", r.run, err)
	}
	buf := make([]byte, klen+dlen)
	if _, err := io.ReadFull(r.r, buf); err != nil {
		return fmt.Errorf("extsort: reading run %d: %w", r.run, err)
	}
	r.cur, r.ok = record{key: string(buf[:klen]), data: buf[klen:]}, true
	return nil
}

// mergeHeap orders the runs by their current record; equal records come
// from the lower run first, which does not change the output since equal
// records are identical.
type mergeHeap struct{ srcs []*runReader }

func (h *mergeHeap) Len() int { return len(h.srcs) }
func (h *mergeHeap) Less(i, j int) bool {
	if c := compare(h.srcs[i].cur, h.srcs[j].cur); c != 0 {
		return c < 0
	}
	return h.srcs[i].run < h.srcs[j].run
}
func (h *mergeHeap) Swap(i, j int) { h.srcs[i], h.srcs[j] = h.srcs[j], h.srcs[i] }
func (h *mergeHeap) Push(x any)    { h.srcs = append(h.srcs, x.(*runReader)) }
func (h *mergeHeap) Pop() any {
	x := h.srcs[len(h.srcs)-1]
	h.srcs = h.srcs[:len(h.srcs)-1]
	return x
}
