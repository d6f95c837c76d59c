package ingest

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/timex"
)

// FuzzReadJSONL: any input, no panic, and every line is accounted for: each
// non-blank line is exactly one item, a document or an error, named by its
// line number, and every document is valid UTF-8 with an id and a date
// that is empty or YYYY-MM-DD.
func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"نص"}` + "\n",
		"\uFEFF" + `{"id":"a","text":"x","published":"2018-09-27T16:22:23Z"}` + "\r\n\n" + `{"id":2,"text":""}`,
		`{"id":"a","text":"x` + "\xff\xfe" + `"}` + "\n" + `{"id":"b"`,
		`{"text":"x"}` + "\n  \n" + `[1,2]` + "\n" + `{"id":"","text":""}`,
		`{"id":"a","text":"` + strings.Repeat("y", 300) + `"}` + "\n" + `{"id":"b","text":"z"}`,
		`{"id":"a","text":"x","published":"2018-02-30"}`,
		strings.Repeat(" ", 257) + "\n" + strings.Repeat(" ", 256) + "\r\n",
		"\r\n\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		const maxLine = 256 // small, so that the too-long path is fuzzed too
		var items []Item
		err := ReadJSONL(context.Background(), bytes.NewReader(data), "f", Options{MaxDocBytes: maxLine}, func(it Item) error {
			items = append(items, it)
			return nil
		})
		require.NoError(t, err)

		// What the items must be: one per non-blank line, in order.
		var want []string
		var total int64
		lines := bytes.SplitAfter(data, []byte("\n"))
		first := true
		for i, line := range lines {
			total += int64(len(line))
			body := bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
			tooLong := len(body) > maxLine // the BOM counts
			if i == 0 {
				body = bytes.TrimPrefix(body, bom)
			}
			trimmed := bytes.TrimSpace(body)
			if tooLong || len(trimmed) > 0 {
				want = append(want, "f:"+strconv.Itoa(i+1))
			}
			if !tooLong && len(trimmed) > 0 && first {
				first = false
				if trimmed[0] == '[' || string(trimmed) == "{" {
					break // JSON, not JSONL: one error for the stream
				}
			}
		}
		var got []string
		var consumed int64
		for _, it := range items {
			got = append(got, it.Where)
			consumed += it.Bytes
			if it.Err != nil {
				continue
			}
			assert.NotEmpty(t, strings.TrimSpace(it.Doc.ID))
			assert.True(t, utf8.ValidString(it.Doc.Text), "text is valid UTF-8")
			if it.Doc.Published != "" {
				_, perr := timex.ParsePublished(it.Doc.Published)
				assert.NoError(t, perr)
				assert.Len(t, it.Doc.Published, 10)
			}
		}
		require.Equal(t, want, got)
		assert.LessOrEqual(t, consumed, total)
	})
}
