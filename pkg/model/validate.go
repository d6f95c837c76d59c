package model

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/go-playground/validator/v10"
)

// structValidator is built once on first use; a validator caches struct
// metadata and is safe for concurrent use, so sharing it is not shared
// mutable state from the caller's point of view.
var structValidator = sync.OnceValue(func() *validator.Validate {
	return validator.New(validator.WithRequiredStructEnabled())
})

// Validate checks the event against the SPEC: enum values, ISO dates,
// precision ranges, counts and bounds (struct tags, via validator/v10), and
// that every span lies within text, in code points, and that every element's
// text is exactly the original text at its span.
func (e *Event) Validate(text string) error {
	return e.ValidateRunes([]rune(text))
}

// ValidateRunes is Validate for a text already split into code points.
func (e *Event) ValidateRunes(text []rune) error {
	var errs []error
	if err := structValidator().Struct(e); err != nil {
		errs = append(errs, err)
	}
	if ti, ok := Info(e.Type); ok && !slices.Contains(ti.Mappings(), e.ACLED) {
		errs = append(errs, fmt.Errorf("acled: %s / %s is not a mapping of %s", e.ACLED.EventType, e.ACLED.SubEventType, e.Type))
	}
	errs = e.checkSpans(len(text), runeSlicer(text), errs)
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("event %s: %w", e.ID, err)
	}
	return nil
}

// CheckSpans is the part of ValidateRunes that needs the text: every span
// lies within it and holds exactly the element's text. It costs little
// next to the struct checks, so producers can run it on every record.
func (e *Event) CheckSpans(text []rune) error {
	return e.CheckSpansIn(len(text), runeSlicer(text))
}

// CheckSpansIn is CheckSpans for a text of n code points read through
// slice, which returns the text of the code-point span [start, end) (as
// arabic.Text's Len and Slice do): no []rune copy of the text needed.
func (e *Event) CheckSpansIn(n int, slice func(start, end int) string) error {
	if err := errors.Join(e.checkSpans(n, slice, nil)...); err != nil {
		return fmt.Errorf("event %s: %w", e.ID, err)
	}
	return nil
}

func runeSlicer(text []rune) func(start, end int) string {
	return func(start, end int) string { return string(text[start:end]) }
}

func (e *Event) checkSpans(n int, slice func(start, end int) string, errs []error) []error {
	check := func(what string, s Span, want string) {
		if s[0] < 0 || s[0] > s[1] || s[1] > n {
			errs = append(errs, fmt.Errorf("%s: span %v outside text of %d code points", what, s, n))
			return
		}
		if got := slice(s[0], s[1]); got != want {
			errs = append(errs, fmt.Errorf("%s: span %v holds %q, record says %q", what, s, got, want))
		}
	}
	check("evidence", e.Evidence.Span, e.Evidence.Text)
	for i, m := range e.Mentions {
		check(fmt.Sprintf("mentions[%d]", i), m.Span, m.Text)
	}
	if e.Date.Span != nil {
		check("date", *e.Date.Span, e.Date.Text)
	}
	if (e.Date.Start == "") != (e.Date.End == "") || e.Date.Start > e.Date.End {
		errs = append(errs, fmt.Errorf("date: start %q and end %q do not form a range", e.Date.Start, e.Date.End))
	}
	for i, l := range e.Locations {
		check(fmt.Sprintf("locations[%d]", i), l.Span, l.Text)
	}
	for i, a := range e.Actors {
		check(fmt.Sprintf("actors[%d]", i), a.Span, a.Text)
	}
	for i, c := range e.Casualties {
		check(fmt.Sprintf("casualties[%d]", i), c.Span, c.Text)
	}
	for i, s := range e.Sources {
		check(fmt.Sprintf("sources[%d]", i), s.Span, s.Text)
	}
	if e.Operation != nil {
		if e.Operation.Name == "" {
			errs = append(errs, errors.New("operation: empty name"))
		}
		check("operation", e.Operation.Span, e.Operation.Text)
	}
	return errs
}
