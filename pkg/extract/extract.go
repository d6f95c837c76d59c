// Package extract turns Arabic news articles into SPEC event records.
//
// The pipeline runs forward through typed stages, each reading only what
// the stages before it produced:
//
//  1. segment: a normalised copy of the text keeping offsets (pkg/arabic),
//     cut into paragraphs, sentences and clauses, page furniture marked;
//  2. find: the finders' layers: cue phrases, triggers, actors, sources,
//     casualty figures, operations, persons (token tries compiled from
//     rules/), places (pkg/gazetteer) and dates (pkg/timex);
//  3. mention: each trigger with the clauses of its sentence that belong
//     to it, its frame (places, figures, date) and its status;
//  4. article: the article model, which decides which mentions report one
//     incident, rule by traced rule;
//  5. record: one SPEC record per incident.
//
// Everything compiled lives in the Extractor, built once by New and only
// read by Extract.
package extract

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sync"
	"time"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/article"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/mention"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/record"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/rules"
)

// Options configure an Extractor. The zero value uses the embedded rules
// and the embedded default gazetteer.
type Options struct {
	// Rules overrides the embedded rules: a tree holding LANG/*.txt, such
	// as rules.Dir("path/to/rules").
	Rules fs.FS
	// Lang is the rules directory to read; "" is rules.DefaultLang (ar).
	Lang string
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
	// PatternTimeout bounds one match of a context pattern
	// (rules/LANG/patterns.txt); 0 is 100ms. A document that trips it
	// fails with an error naming the pattern.
	PatternTimeout time.Duration
}

// Extractor is compiled once and immutable: safe for concurrent use.
type Extractor struct {
	seg      *segment.Segmenter
	finders  *find.Finders
	mentions *mention.Builder
	opts     Options
	// texts recycles the buffers of normalised texts (arabic.Text.Reset)
	// from one document to the next; scratch, no state.
	texts sync.Pool
}

// maxPooledText bounds the texts whose buffers are recycled: a huge
// document's are left to the collector.
const maxPooledText = 1 << 20

// text returns s normalised and tokenised in recycled buffers; release
// gives them back once nothing of the text is in use.
func (x *Extractor) text(s string) *arabic.Text {
	if tx, ok := x.texts.Get().(*arabic.Text); ok {
		tx.Reset(s)
		return tx
	}
	return arabic.New(s)
}

func (x *Extractor) release(tx *arabic.Text) {
	if len(tx.Orig) <= maxPooledText {
		tx.Reset("") // let go of the document
		x.texts.Put(tx)
	}
}

// New compiles all rules. Rule-file problems come back together, each as
// rules/LANG/file.txt:line: message.
func New(opts Options) (*Extractor, error) {
	rs := rules.Open(opts.Rules, opts.Lang)
	g := opts.Gazetteer
	if g == nil {
		var err error
		if g, err = gazetteer.Default(); err != nil {
			return nil, fmt.Errorf("embedded gazetteer: %w", err)
		}
	}
	seg, segErr := segment.New(rs)
	finders, findErr := find.New(rs, g, find.Options{PatternTimeout: opts.PatternTimeout})
	if err := errors.Join(segErr, findErr); err != nil {
		return nil, err
	}
	relative, err := finders.Pattern("relative_before")
	if err != nil {
		return nil, err
	}
	return &Extractor{seg: seg, finders: finders, mentions: mention.New(relative, opts.KeepFlagged), opts: opts}, nil
}

// Published returns the publication date (YYYY-MM-DD) written in a date
// line near the top of a raw article, for inputs that carry no metadata.
func (x *Extractor) Published(text string) (string, bool) {
	return x.finders.Published(text)
}

// Extract returns the events of one document, in order of their evidence,
// each valid against the SPEC. The document needs an id; Published may be
// empty, YYYY-MM-DD or RFC 3339; a text that is not Arabic is an error
// wrapping ErrNotArabic. When ctx ends first it returns no events and
// ctx's error; a context pattern that runs past its timeout fails the
// document with an error naming the pattern.
func (x *Extractor) Extract(ctx context.Context, doc model.Document) ([]model.Event, error) {
	events, _, err := x.run(ctx, doc, false)
	return events, err
}

// Trace is Extract that also returns, for every mention of the document,
// which rule of the article model placed it (see package article), one
// line each: the decisions behind the records.
func (x *Extractor) Trace(ctx context.Context, doc model.Document) ([]model.Event, []string, error) {
	return x.run(ctx, doc, true)
}

func (x *Extractor) run(ctx context.Context, doc model.Document, trace bool) ([]model.Event, []string, error) {
	doc, err := checkDocument(doc)
	if err != nil {
		return nil, nil, err
	}
	// The events hold strings of the text, never its tokens or offsets:
	// its buffers serve the next document.
	tx := x.text(doc.Text)
	defer x.release(tx)
	if err := checkArabic(tx); err != nil {
		return nil, nil, fmt.Errorf("document %s: %w", doc.ID, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	t, err := x.seg.Segment(ctx, tx, doc.Title != "")
	if err != nil {
		return nil, nil, err
	}
	layers, err := x.finders.Find(ctx, t, doc.Published)
	if err != nil {
		return nil, nil, fmt.Errorf("document %s: %w", doc.ID, err)
	}
	ms, err := x.mentions.Build(ctx, layers)
	if err != nil {
		return nil, nil, fmt.Errorf("document %s: %w", doc.ID, err)
	}
	incs, decisions, err := article.Build(ctx, layers, ms, x.opts.KeepFlagged)
	if err != nil {
		return nil, nil, err
	}
	events, err := record.Write(ctx, layers, incs, doc)
	if err != nil {
		return nil, nil, err
	}
	var runes []rune // Strict's full validation reads the text as runes
	if x.opts.Strict && len(events) > 0 {
		runes = []rune(doc.Text)
	}
	for i := range events {
		events[i].ID = fmt.Sprintf("%s#%d", doc.ID, i+1)
		var err error
		if x.opts.Strict {
			err = events[i].ValidateRunes(runes)
		} else {
			err = events[i].CheckSpansIn(t.Len(), t.Slice)
		}
		if err != nil {
			// A record that breaks the SPEC is a bug of ours; report it
			// rather than write it.
			return nil, nil, fmt.Errorf("document %s: %w", doc.ID, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	var lines []string
	if trace {
		for _, d := range decisions {
			m := d.Mention
			s, e := t.Span(m.Tok0, m.Tok1, 0)
			lines = append(lines, fmt.Sprintf("%s «%s»", d, excerpt(t.Slice(s, e), 90)))
		}
	}
	return events, lines, nil
}

// excerpt shortens s to n code points.
func excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
