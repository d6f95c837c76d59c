// Package timex finds temporal expressions in Arabic news text and resolves
// them against the publication date.
//
// STUB: the dates issue fills this package in; the signatures below are the
// contract the pipeline calls.
package timex

import (
	"io/fs"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// Expr is one temporal expression.
type Expr struct {
	Tok0, Tok1 int // tokens [Tok0, Tok1)
	// Date is the resolved date; its Text and Span are set.
	Date model.Date
	// Year is the year the expression names or resolves to, 0 if none.
	Year int
}

// Tagger is compiled once from the rules; immutable, safe for concurrent use.
type Tagger struct{}

// New compiles the date vocabulary of rulesFS (ar/dates.txt).
func New(rulesFS fs.FS) (*Tagger, error) { return &Tagger{}, nil }

// Find returns the temporal expressions of tx in text order, resolved
// against published (YYYY-MM-DD, or "" when unknown).
func (t *Tagger) Find(tx *arabic.Text, published string) []Expr { return nil }

// Published returns the publication date (YYYY-MM-DD) from a date line near
// the top of a raw article (الإثنين 01/فبراير/2021 - 06:31 م).
func (t *Tagger) Published(text string) (string, bool) { return "", false }
