// Package ingest turns the command's arguments (.txt files, .jsonl files,
// directories, "-" for JSONL on stdin) into a stream of documents, in input
// order, reporting every document it cannot read instead of dropping it.
//
// STUB: the command issue fills this in; the signatures are the contract.
package ingest

import (
	"context"
	"io"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// Item is one input document, or the failure to read one.
type Item struct {
	Doc model.Document
	// Where names the input: "path/file.txt" or "path/file.jsonl:12".
	Where string
	// Err is set when the document could not be read; Doc.ID may then be
	// empty and Where identifies it.
	Err error
}

// Options control reading.
type Options struct {
	// Published is the fallback publication date (YYYY-MM-DD).
	Published string
	// DetectPublished finds a date line near the top of a .txt article.
	DetectPublished func(text string) (string, bool)
	// Stdin is read for the path "-".
	Stdin io.Reader
}

// Read calls yield for every document of paths, in order. It stops early
// when yield returns an error or ctx is done, and returns that error.
func Read(ctx context.Context, paths []string, opts Options, yield func(Item) error) error {
	return nil
}
