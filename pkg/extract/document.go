package extract

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// ErrNotArabic is returned (wrapped, with the letter counts) for a
// document whose text is not Arabic: the rules read Arabic only, so such a
// document would come out with no events and no word why. A text is not
// Arabic when it has letters and none of them is Arabic, or when it has at
// least minLettersToJudge letters and fewer than minArabicPercent percent
// of them are Arabic. Shorter mixed texts are read (a headline naming a
// place in Latin letters); a text without letters (empty, figures alone)
// is read and has no events.
var ErrNotArabic = errors.New("not Arabic text")

const (
	minLettersToJudge = 40
	// minArabicPercent leaves room for the English that Arabic news pages
	// carry (agency names, URLs, a quoted statement).
	minArabicPercent = 30
)

// checkArabic judges a text by its letters (arabic.Text.Letters,
// counted while it is normalised).
func checkArabic(tx *arabic.Text) error {
	ar, all := tx.Letters()
	if all > 0 && (ar == 0 || all >= minLettersToJudge && ar*100 < all*minArabicPercent) {
		return fmt.Errorf("%w: %d of %d letters are Arabic", ErrNotArabic, ar, all)
	}
	return nil
}

// checkDocument is what Extract asks of a document before reading it: an
// id, since every record's id is built from it (an empty one made "#1");
// and a publication date that is empty, YYYY-MM-DD or RFC 3339 (then
// checkArabic asks for Arabic text). It returns the document with
// Published as YYYY-MM-DD, the form the date resolver and the records
// use; a date in any other form is an error rather than silently unknown.
func checkDocument(doc model.Document) (model.Document, error) {
	if strings.TrimSpace(doc.ID) == "" {
		return doc, errors.New("empty document id: every record's id is built from it")
	}
	if doc.Published != "" {
		d, err := timex.ParsePublished(doc.Published)
		if err != nil {
			return doc, fmt.Errorf("document %s: published: %w", doc.ID, err)
		}
		doc.Published = d
	}
	return doc, nil
}
