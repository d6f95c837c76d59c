package timex

import (
	"fmt"
	"strings"
	"time"
)

// The publication years ParsePublished accepts. Relative expressions
// (أمس، الشهر المقبل، قبل عامين) are resolved against the publication
// date, so a year such as 0000 or 9999 made dates like "-0001-12-31" and
// "10000-01-01" that are no ISO 8601 dates; no news article is dated
// outside these years, and a typo in an export is better caught than
// resolved against.
const (
	MinPublishedYear = 1900
	MaxPublishedYear = 2199
)

// publishedLayouts are the forms a publication date comes in: a date, an
// RFC 3339 timestamp (the corpus format), and the same without a zone.
var publishedLayouts = [...]string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", time.DateTime}

// ParsePublished reads a publication date given as YYYY-MM-DD or as an
// RFC 3339 timestamp (2023-03-13T10:00:00Z) and returns it as YYYY-MM-DD,
// the form Find and the records use. A timestamp keeps the calendar day of
// its own zone: that is the day its publisher dated the article. Any other
// form, or a year outside MinPublishedYear..MaxPublishedYear, is an error
// saying what is wanted.
func ParsePublished(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, layout := range publishedLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if y := t.Year(); y < MinPublishedYear || y > MaxPublishedYear {
			return "", fmt.Errorf("bad date %q: year %d is outside %d-%d", s, y, MinPublishedYear, MaxPublishedYear)
		}
		return t.Format(time.DateOnly), nil
	}
	return "", fmt.Errorf("bad date %q: want YYYY-MM-DD or RFC 3339 (2023-03-13T10:00:00Z)", s)
}
