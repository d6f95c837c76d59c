// Package find holds the finders: each reads one kind of thing in a
// segmented article (triggers, actors, sources, casualty figures,
// operations, persons, cue phrases, and through pkg/gazetteer and
// pkg/timex places and dates) and returns it as a layer, a slice sorted by
// first token. Every finder is compiled once from the rules (New… with a
// rules.Set, all rule-file errors at once as file:line: message) and then
// only read, so one serves any number of goroutines. A finder knows its own
// vocabulary and nothing of events.
package find

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/pattern"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/textmatch"
	"github.com/rasd-monitor/rasd/pkg/timex"
	"github.com/rasd-monitor/rasd/rules"
)

// table is a bit set of the tables the finders look tokens up in
// (twelve: two bytes a token in the Index).
type table uint16

// Index says, per token, which tries have a phrase that may start there:
// one probe per token form (by the hash the tokeniser stored) tells every
// finder whether to try, so a token no rule knows costs one probe instead
// of one per trie.
type Index []table

// mark registers every first word of tr under bit.
func mark[V any](s *textmatch.Starts, tr *textmatch.Trie[V], bit table) {
	tr.Starts(func(k string) { s.Add(k, uint32(bit)) })
}

// index computes the Index of a text.
func index(s *textmatch.Starts, tx *arabic.Text) Index {
	ix := make(Index, len(tx.Tokens))
	for i, t := range tx.Tokens {
		if t.Kind == arabic.Word { // every phrase starts with a word; figures are tried by kind
			ix[i] = table(s.Token(tx, i))
		}
	}
	return ix
}

// Finders is every finder of the pipeline, compiled together so that they
// share one start index, places and dates included.
type Finders struct {
	starts   textmatch.Starts
	cues     *Cues
	triggers *Triggers
	actors   *Actors
	sources  *Sources
	figures  *Figures
	ops      *Operations
	persons  *Persons
	places   *gazetteer.Finder
	dates    *timex.Tagger
	patterns *pattern.Set
}

// Options tune the finders.
type Options struct {
	// PatternTimeout bounds one match of a context pattern.
	PatternTimeout time.Duration
}

// New compiles every finder from the rules set; places come from g.
func New(rs rules.Set, g *gazetteer.Gazetteer, opts Options) (*Finders, error) {
	f := &Finders{}
	var errs []error
	try := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	var err error
	f.cues, err = NewCues(rs)
	try(err)
	if f.cues == nil {
		return nil, errors.Join(errs...) // every other finder reads cue sections
	}
	pats, err := pattern.Compile(rs, f.cues.Sections(), opts.PatternTimeout)
	try(err)
	f.patterns = pats
	f.triggers, err = NewTriggers(rs)
	try(err)
	f.actors, err = NewActors(rs)
	try(err)
	f.sources, err = NewSources(rs)
	try(err)
	f.figures, err = NewFigures(rs)
	try(err)
	if pats != nil {
		f.ops, err = NewOperations(pats)
		try(err)
	}
	f.persons = &Persons{}
	f.places, err = gazetteer.NewFinder(g, rs.FS)
	try(err)
	f.dates, err = timex.New(rs)
	try(err)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	f.places.Words(func(w string, mention, country bool) {
		if mention {
			f.starts.Add(w, uint32(tPlaces))
		}
		if country {
			f.starts.Add(w, uint32(tCountry))
		}
	})
	f.dates.Words(func(w string) { f.starts.Add(w, uint32(tDates)) })
	mark(&f.starts, &f.cues.trie, tCues)
	mark(&f.starts, &f.triggers.trie, tTriggers)
	mark(&f.starts, &f.actors.trie, tActors)
	mark(&f.starts, &f.sources.trie, tSources)
	f.figures.mark(&f.starts)
	return f, nil
}

// The tries of the start index.
const (
	tCues table = 1 << iota
	tTriggers
	tActors
	tSources
	tNumbers
	tPeople
	tCasCues
	tCasNouns
	tCasAfter
	tPlaces  // a place mention may start (gazetteer.Finder.Words)
	tCountry // the word names a country (idem)
	tDates   // a date phrase may start (timex.Tagger.Words)
)

// Find runs every finder over t, in the order their inputs need: cues
// first, then triggers, actors and sources, dates, then the figures (which
// read the actors, cues and dates), operations, persons and places. published
// (YYYY-MM-DD or "") anchors relative dates.
func (f *Finders) Find(ctx context.Context, t *segment.Text, published string) (*Layers, error) {
	ix := index(&f.starts, t.Text)
	l := &Layers{Text: t}
	l.Cues = f.cues.Find(t, ix)
	l.Triggers = f.triggers.Find(t, ix)
	l.Actors = f.actors.Find(t, ix)
	l.Sources = f.sources.Find(t, ix)
	l.Triggers = outsideNames(l.Triggers, l.Actors, l.Sources)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Dates come before figures: a year is no toll (قتلوا عام 2015). Dates
	// and places ask the shared index which tokens to read.
	l.Dates = datesOf(f.dates.FindIndexed(t.Text, published, func(i int) bool { return ix[i]&tDates != 0 }), t, l)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var err error
	if l.Casualties, l.Figures, err = f.figures.Find(ctx, t, ix, l); err != nil {
		return nil, err
	}
	if l.Operations, err = f.ops.Find(ctx, t, l); err != nil {
		return nil, err
	}
	l.Persons = f.persons.Find(t, l)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	l.Places = f.places.FindIndexed(t.Text, func(i int) (bool, bool) {
		return ix[i]&tPlaces != 0, ix[i]&tCountry != 0
	})
	l.ArmedGroup = mainArmedGroup(l.Actors)
	return l, ctx.Err()
}

// outsideNames drops the triggers inside the name of an actor or a source
// that starts before them: قيادة العمليات المشتركة is a command, not
// operations. A name that starts with the trigger (الغارات الروسية, read as
// who struck) leaves it be.
func outsideNames(trs []Trigger, actors []Actor, sources []Source) []Trigger {
	inside := func(t Trigger) bool {
		for _, a := range actors {
			if a.Tok0 < t.Tok0 && t.Tok1 <= a.Tok1 {
				return true
			}
		}
		for _, s := range sources {
			if s.Tok0 < t.Tok0 && t.Tok1 <= s.Tok1 {
				return true
			}
		}
		return false
	}
	out := trs[:0]
	for _, t := range trs {
		if !inside(t) {
			out = append(out, t)
		}
	}
	return out
}

// ctxEvery is how many clauses a finder reads between looks at its
// context: often enough that a document past its deadline stops within
// milliseconds, rarely enough to cost nothing.
const ctxEvery = 256

// Pattern returns the context pattern of that name, for the later stages,
// or an error naming the patterns file when it is missing.
func (f *Finders) Pattern(name string) (*pattern.Pattern, error) {
	if err := f.patterns.Require(name); err != nil {
		return nil, err
	}
	return f.patterns.Get(name), nil
}

// Published returns the publication date written in a date line near the
// top of a raw article.
func (f *Finders) Published(text string) (string, bool) { return f.dates.Published(text) }

// Layers is everything the finders found in one article, each layer sorted
// by first token. Later stages read it and never write it.
type Layers struct {
	Text       *segment.Text
	Cues       []Cue
	Triggers   []Trigger
	Actors     []Actor
	Sources    []Source
	Casualties []Casualty
	// Figures are every number phrase of the clauses, casualties or not.
	Figures    []Figure
	Operations []Operation
	Persons    []Person
	Places     []gazetteer.Mention
	Dates      []Date
	// ArmedGroup is the non-generic armed group the article names most,
	// for generic words such as الإرهابيين; nil when it names none.
	ArmedGroup *ActorDef
}

// Span is a run of tokens [Tok0, Tok1).
type Span struct{ Tok0, Tok1 int }

func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Tok0, s.Tok1) }
