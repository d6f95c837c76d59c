// Package merge groups the events of many documents into incidents: five
// outlets reporting one car bomb become one incident with five sources and
// one toll.
//
// Two events are one incident when they come from different documents,
// their types are of one family (model.Info(t).Family), their dates
// overlap, their places are the same, near each other or nested, the
// perpetrators they name agree and their figures are close; unless both
// name the same town or village and the same type, they share a second
// sign: a named perpetrator, a figure of the same kind or a rare kind of
// incident; and a report dated only to a week or a month gives a toll
// that overlaps the incident's (rules.go).
// An event joins the incident every member of which it agrees with, the
// best fitting one when several do (see Merger.choose). An event never joins an incident that already
// holds an event of its own document: an article that tells two incidents
// apart is believed.
//
// The Merger takes events in SortKey order (by date, then id) and hands
// each incident on as soon as no later event can join it, so memory holds
// about a month of events whatever the size of the corpus. The result
// depends only on the set of events, not on the order they came in.
package merge

import (
	"container/heap"
	"fmt"
	"slices"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// Options tune the merge. The zero value is the default.
type Options struct {
	// MaxKm: two points (cities, towns, villages, sites) this close are one
	// place. Default 10.
	MaxKm float64
}

func (o Options) maxKm() float64 {
	if o.MaxKm <= 0 {
		return 10
	}
	return o.MaxKm
}

// SortKey is the order the Merger needs: by the event's last possible
// day, then id; events with no date last. Sorting by the last day puts a
// report dated only "in March" after the March reports it may join.
// Compare keys as strings.
func SortKey(id string, d model.Date) string {
	if _, ok := dayNumber(d.End); ok {
		return d.End + "\x00" + id
	}
	return "~\x00" + id // after every digit: undated events come last
}

// Stats describe one merge.
type Stats struct {
	Events    int // events added
	Incidents int // incidents emitted
	Joined    int // events that joined an incident opened by another
	// Ties counts events that several incidents fitted equally well (the
	// earliest took them; a coarse-dated one stayed alone).
	Ties int
	// PeakOpen is the most incidents held open at once: the window.
	PeakOpen int
}

// Merger groups events, added in SortKey order, into incidents.
type Merger struct {
	opts  Options
	emit  func(*model.Incident) error
	open  []*cluster // incidents later events may still join, in key order
	done  clusterHeap
	last  string
	stats Stats
}

// cluster is an incident being gathered.
type cluster struct {
	key     string // its first member's: the incident's place in the output
	members []*member
	lo, hi  int // the days every member's date allows
	docs    []string
}

// New returns a Merger that hands each finished incident to emit, in
// order of the incidents' first members.
func New(opts Options, emit func(*model.Incident) error) *Merger {
	return &Merger{opts: opts, emit: emit}
}

// Add merges one event. Events must come in SortKey order; the Merger
// keeps ev.
func (m *Merger) Add(ev *model.Event) error {
	key := SortKey(ev.ID, ev.Date)
	switch {
	case m.stats.Events > 0 && key == m.last:
		return fmt.Errorf("merge: event %s appears twice", ev.ID)
	case key < m.last:
		return fmt.Errorf("merge: event %s (%s) comes after a later event: sort events by merge.SortKey first", ev.ID, ev.Date.End)
	}
	m.last = key
	m.stats.Events++

	// No event from here on can reach an incident that ended more than a
	// month (the longest mergeable date) and a day before this one.
	if day, ok := dayNumber(ev.Date.End); ok {
		m.close(func(c *cluster) bool { return c.hi < day-maxSpanDays-publicationSlack })
	} else {
		m.close(func(*cluster) bool { return true })
	}

	mem, mergeable := newMember(ev, key)
	if !mergeable {
		heap.Push(&m.done, &cluster{key: key, members: []*member{mem}})
		return m.flush()
	}
	if c := m.choose(mem); c != nil {
		c.members = append(c.members, mem)
		c.lo, c.hi = max(c.lo, mem.lo), min(c.hi, mem.hi)
		c.docs = append(c.docs, ev.DocID)
		m.stats.Joined++
	} else {
		m.open = append(m.open, &cluster{key: key, members: []*member{mem}, lo: mem.lo, hi: mem.hi, docs: []string{ev.DocID}})
		m.stats.PeakOpen = max(m.stats.PeakOpen, len(m.open))
	}
	return m.flush()
}

// Close hands on every incident still open.
func (m *Merger) Close() error {
	m.close(func(*cluster) bool { return true })
	return m.flush()
}

// Stats returns the counts so far.
func (m *Merger) Stats() Stats { return m.stats }

// choose returns the open incident mem belongs to, or nil. When several
// fit equally well, the one most reports already agree on wins, then the
// earliest: an incident that five outlets told is the likelier home of a
// sixth report than a lone one. A report dated only to a week or a month
// is not placed by such a tie-break: it stays alone.
func (m *Merger) choose(mem *member) *cluster {
	var best *cluster
	bestScore, tie := -1, false
	for _, c := range m.open { // in key order: the earliest first
		s, ok := m.fit(c, mem)
		switch {
		case !ok:
		case s > bestScore || s == bestScore && len(c.members) > len(best.members):
			best, bestScore, tie = c, s, false
		case s == bestScore && len(c.members) == len(best.members):
			tie = true
		}
	}
	if tie {
		m.stats.Ties++
		if mem.hi > mem.lo+publicationSlack {
			return nil
		}
	}
	return best
}

// fit says whether mem may join c, and how well it fits: the weakest
// place agreement with any member first, then a shared killed figure and
// a shared named perpetrator.
func (m *Merger) fit(c *cluster, mem *member) (score int, ok bool) {
	first := c.members[0]
	if slices.Contains(c.docs, mem.ev.DocID) || first.family != mem.family || first.flags != mem.flags {
		return 0, false
	}
	if max(c.lo, mem.lo) > min(c.hi, mem.hi) {
		return 0, false
	}
	level, figure, actor := placeSame, 0, 0
	for _, x := range c.members {
		l := placeLevel(mem, x, m.opts.maxKm())
		if l == placeApart || !actorsAgree(mem, x) || !figuresAgree(mem, x) {
			return 0, false
		}
		if !(pinpointed(mem, x, m.opts.maxKm()) && mem.ev.Type == x.ev.Type) && !corroborated(mem, x) {
			return 0, false
		}
		if (mem.coarse() || x.coarse()) && !sameToll(mem, x) {
			return 0, false
		}
		level = min(level, l)
		if sameFigure(mem, x) {
			figure = 1
		}
		if len(mem.perps) > 0 && len(x.perps) > 0 {
			actor = 1 // they agree, so they share one
		}
	}
	return level*10 + figure + actor, true
}

// close moves the open incidents that done selects to the finished ones.
func (m *Merger) close(done func(*cluster) bool) {
	kept := m.open[:0]
	for _, c := range m.open {
		if done(c) {
			heap.Push(&m.done, c)
		} else {
			kept = append(kept, c)
		}
	}
	clear(m.open[len(kept):])
	m.open = kept
}

// flush emits the finished incidents that no open one precedes, so the
// output is in key order.
func (m *Merger) flush() error {
	for m.done.Len() > 0 && (len(m.open) == 0 || m.done[0].key < m.open[0].key) {
		c := heap.Pop(&m.done).(*cluster)
		m.stats.Incidents++
		if err := m.emit(build(c)); err != nil {
			return err
		}
	}
	return nil
}

// Events merges events held in memory, in any order.
func Events(events []model.Event, opts Options) ([]model.Incident, Stats, error) {
	type keyed struct {
		key string
		ev  *model.Event
	}
	ks := make([]keyed, len(events))
	for i := range events {
		ks[i] = keyed{SortKey(events[i].ID, events[i].Date), &events[i]}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	var out []model.Incident
	m := New(opts, func(in *model.Incident) error {
		out = append(out, *in)
		return nil
	})
	for _, k := range ks {
		if err := m.Add(k.ev); err != nil {
			return nil, m.Stats(), err
		}
	}
	err := m.Close()
	return out, m.Stats(), err
}

// clusterHeap orders finished incidents by key.
type clusterHeap []*cluster

func (h clusterHeap) Len() int           { return len(h) }
func (h clusterHeap) Less(i, j int) bool { return h[i].key < h[j].key }
func (h clusterHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *clusterHeap) Push(x any)        { *h = append(*h, x.(*cluster)) }
func (h *clusterHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	return c
}
