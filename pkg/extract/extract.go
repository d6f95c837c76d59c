// Package extract turns Arabic news articles into SPEC event records.
//
// The pipeline, per document: normalise a copy of the text keeping offsets
// (pkg/arabic); split it into sentences and clauses; find triggers, number
// phrases, actors, sources, operations (token tries compiled from rules/),
// places (pkg/gazetteer) and dates (pkg/timex); group each sentence's
// clauses around its triggers into mentions; merge the mentions that report
// one incident; and write one record per incident. Everything compiled
// lives in the Extractor, built once by New and only read by Extract.
package extract

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/textmatch"
	"github.com/rasd-monitor/rasd/pkg/timex"
	"github.com/rasd-monitor/rasd/rules"
)

// Options configure an Extractor. The zero value uses the embedded rules
// and the embedded default gazetteer.
type Options struct {
	// Rules overrides the embedded rules: a tree holding ar/*.txt, such as
	// rules.Dir("path/to/rules").
	Rules fs.FS
	// Gazetteer overrides the embedded default gazetteer, e.g. with
	// gazetteer.Load of a GeoNames dump.
	Gazetteer *gazetteer.Gazetteer
	// KeepFlagged also emits mentions flagged planned or negated (with those
	// flags). By default they are dropped: a coder would not record them.
	KeepFlagged bool
	// Strict runs the full SPEC validation (model.Event.Validate) on every
	// record instead of the span checks alone; tests use it. The struct
	// checks cost about a tenth of the extraction time.
	Strict bool
}

// Extractor is compiled once and immutable: safe for concurrent use.
type Extractor struct {
	lex    *lexicon
	places *gazetteer.Finder
	dates  *timex.Tagger
	opts   Options
}

// New compiles all rules. Rule-file problems come back together, each as
// rules/ar/file.txt:line: message.
func New(opts Options) (*Extractor, error) {
	fsys := opts.Rules
	if fsys == nil {
		fsys = rules.Default()
	}
	g := opts.Gazetteer
	if g == nil {
		var err error
		if g, err = gazetteer.Default(); err != nil {
			return nil, fmt.Errorf("embedded gazetteer: %w", err)
		}
	}
	lex, lexErr := loadLexicon(fsys)
	places, placeErr := gazetteer.NewFinder(g, fsys)
	dates, dateErr := timex.New(fsys)
	if err := errors.Join(lexErr, placeErr, dateErr); err != nil {
		return nil, err
	}
	return &Extractor{lex: lex, places: places, dates: dates, opts: opts}, nil
}

// Published returns the publication date (YYYY-MM-DD) written in a date
// line near the top of a raw article, for inputs that carry no metadata.
func (x *Extractor) Published(text string) (string, bool) {
	return x.dates.Published(text)
}

// Extract returns the events of one document, in order of their evidence,
// each valid against the SPEC. The document needs an id; Published may be
// empty, YYYY-MM-DD or RFC 3339. When ctx ends first it returns ctx's
// error and no events.
func (x *Extractor) Extract(ctx context.Context, doc model.Document) ([]model.Event, error) {
	doc, err := checkDocument(doc)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d := x.newDoc(doc)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ms := d.mentions()
	incs := d.incidents(ms)
	events := make([]model.Event, 0, len(incs))
	for _, inc := range incs {
		if ev, ok := d.event(inc); ok {
			events = append(events, ev)
		}
	}
	for i := range events {
		events[i].ID = fmt.Sprintf("%s#%d", doc.ID, i+1)
		check := events[i].CheckSpans
		if x.opts.Strict {
			check = events[i].ValidateRunes
		}
		if err := check(d.tx.Runes); err != nil {
			// A record that breaks the SPEC is a bug of ours; report it
			// rather than write it.
			return nil, fmt.Errorf("document %s: %w", doc.ID, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return events, nil
}

// docState is one document while it is being read.
type docState struct {
	x       *Extractor
	doc     model.Document
	tx      *arabic.Text
	sents   []sentence
	clauses []clauseInfo
	// clauseOf maps a token to its clause, -1 for tokens outside any.
	clauseOf []int32
	// tab says, per token, which tables have a phrase that may start there.
	tab []table

	trig    []trigHit
	actors  []actorHit
	sources []sourceHit
	places  []gazetteer.Mention
	dates   []dateHit
	exprs   []timex.Expr // the dates that may date an incident, for timex.Best
	// exprsNotSince leaves out منذ dates, which date an incident only in
	// its trigger's own clause.
	exprsNotSince []timex.Expr
	cas           []casualty
	ops           []opHit
	persons       []personHit
	// armedGroup is the armed group the article names most, for generic
	// words such as الإرهابيين.
	armedGroup *actorDef
}

type clauseInfo struct {
	clause
	sent int
}

type trigHit struct {
	tok0, tok1 int
	trigger
	definite bool // with the article or after a demonstrative: refers back
	negated  bool
	planned  bool
	// unsupported: weak or plural with nothing behind it (see validHead).
	unsupported bool
}

type actorHit struct {
	tok0, tok1 int
	skip       int
	def        *actorDef
}

type sourceHit struct {
	tok0, tok1 int
	skip       int
	def        *sourceDef
}

type dateHit struct {
	timex.Expr
	background bool // after منذ in a clause: a reference point, not the incident's date
}

// personHit is a fighter's nom de guerre (أبو طه البكري).
type personHit struct{ tok0, tok1 int }

type opHit struct {
	tok0, tok1 int // the name's tokens
	name       string
}

func (x *Extractor) newDoc(doc model.Document) *docState {
	tx := arabic.New(doc.Text)
	d := &docState{x: x, doc: doc, tx: tx}
	d.sents = x.segment(tx, doc.Title != "")
	d.clauseOf = make([]int32, len(tx.Tokens))
	for i := range d.clauseOf {
		d.clauseOf[i] = -1
	}
	for si, s := range d.sents {
		for _, c := range s.clauses {
			for t := c.tok0; t < c.tok1; t++ {
				d.clauseOf[t] = int32(len(d.clauses))
			}
			d.clauses = append(d.clauses, clauseInfo{clause: c, sent: si})
		}
	}
	d.tab = make([]table, len(tx.Tokens))
	for i, t := range tx.Tokens {
		d.tab[i] = x.lex.tables(t)
	}
	d.annotate()
	return d
}

// findAll is textmatch's FindAll trying only the tokens the start index
// marks for the table.
func findAll[V any](tr *textmatch.Trie[V], toks []arabic.Token, tab []table, bit table) []textmatch.Match[V] {
	var out []textmatch.Match[V]
	for i := 0; i < len(toks); i++ {
		if tab[i]&bit == 0 {
			continue
		}
		if m, ok := tr.LongestAt(toks, i); ok {
			out = append(out, m)
			i = m.End - 1
		}
	}
	return out
}
