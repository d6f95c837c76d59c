package timex

import (
	"strings"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// publishedLines is how many non-empty lines from the top Published reads.
const publishedLines = 15

// Published returns the publication date (YYYY-MM-DD) from a date line near
// the top of a raw article (الإثنين 01/فبراير/2021 - 06:31 م): the first of
// the first lines that holds a full explicit date and nothing else but a
// weekday, a clock time and dateline words (ص، م، نشر في، بتاريخ…).
func (t *Tagger) Published(text string) (string, bool) {
	n := 0
	for len(text) > 0 && n < publishedLines {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		n++
		if len(line) > 300 {
			continue
		}
		for _, e := range t.Find(arabic.New(line), "") {
			if e.Dateline && e.Date.Precision == model.PrecisionDay && e.Date.Basis == model.BasisExplicit {
				return e.Date.Start, true
			}
		}
	}
	return "", false
}
