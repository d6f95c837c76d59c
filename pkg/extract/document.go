package extract

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// checkDocument is what Extract asks of a document before reading it: an
// id, since every record's id is built from it (an empty one made "#1"),
// and a publication date that is empty, YYYY-MM-DD or RFC 3339. It returns
// the document with Published as YYYY-MM-DD, the form the date resolver
// and the records use; a date in any other form is an error rather than
// silently unknown.
func checkDocument(doc model.Document) (model.Document, error) {
	if strings.TrimSpace(doc.ID) == "" {
		return doc, errors.New("empty document id: every record's id is built from it")
	}
	if doc.Published == "" {
		return doc, nil
	}
	d, err := timex.ParsePublished(doc.Published)
	if err != nil {
		return doc, fmt.Errorf("document %s: published: %w", doc.ID, err)
	}
	doc.Published = d
	return doc, nil
}
