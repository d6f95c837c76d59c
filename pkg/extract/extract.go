// Package extract turns Arabic news articles into SPEC event records.
package extract

import (
	"context"
	"io/fs"
	"time"

	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// Options configure an Extractor.
type Options struct {
	// Rules overrides the embedded rules (a tree holding ar/*.txt).
	Rules fs.FS
	// Gazetteer overrides the embedded default gazetteer.
	Gazetteer *gazetteer.Gazetteer
	// MatchTimeout bounds each regular-expression match (default 100ms).
	MatchTimeout time.Duration
}

// Extractor is compiled once and immutable: safe for concurrent use.
type Extractor struct{}

// New compiles all rules.
func New(opts Options) (*Extractor, error) { return &Extractor{}, nil }

// Extract returns the events of one document, in order of their evidence.
// It returns ctx's error when ctx ends first.
func (x *Extractor) Extract(ctx context.Context, doc model.Document) ([]model.Event, error) {
	return nil, ctx.Err()
}
