package ingest

import (
	"bytes"
	"context"
	"fmt"
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

// FuzzDecodeFast pins decodeLine's fast path to encoding/json: any line
// decodes to the same document and the same error with and without it.
func FuzzDecodeFast(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"نص","title":"t","url":"u","published":"2018-09-27T16:22:23Z","source":"BBC"}`,
		` { "id" : "a" , "text" : "x\"y\\z\/\n\r\t\b\f\u00e9\u0000" } `,
		`{"id":"a","text":"a\ud83db\ud83d\ude00c\ude00\ud800\u0041\udc00"}`,
		`{"id":"a","text":"\ud800\uZZZZ"}`, `{"id":"a","text":"\x"}`, `{"id":"a","text":"` + "\x01" + `"}`,
		`{"id":"a","Text":"x"}`, `{"ID":"a","text":"x"}`, `{"id":"a","text":"x","text":"y"}`,
		`{"id":"a","ſource":"x","text":"y"}`, `{"id":"a","te\u0078t":"y"}`, `{"id":"a","published":"K"}`,
		`{"id":7,"text":"x"}`, `{"id":null,"text":"x"}`, `{"id":"","text":"x"}`, `{"id":" ","text":"x"}`,
		`{"id":"a","text":null}`, `{"id":"a"}`, `{"id":"a","text":"x","title":null,"url":null,"published":null}`,
		`{"id":"a","text":"x","n":5}`, `{"id":"a","text":"x","b":true,"c":false,"d":null}`,
		`{"id":"a","text":"x","o":{"k":[1,2]}}`, `{"id":"a","text":5}`, `{"id":"a","text":"x","title":["t"]}`,
		`{"id":"a","text":"x"} x`, `{"id":"a","text":"x"`, `{}`, `{ }`, `[]`, ``, `{"id":"a",}`,
		`{"id":"a","text":"` + strings.Repeat(`ab\"`, 40) + `"}`, `{"id":"a","text":"x","published":"2018-02-30"}`,
		`{"id":"a","text":"` + strings.Repeat("وبالحسكة ", 30) + "\xff" + `"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		opts := Options{Published: "2001-02-03", MaxDocBytes: 200}
		fast, fastErr := decodeLine(line, &opts, true)
		slow, slowErr := decodeLine(line, &opts, false)
		if fast != slow || fmt.Sprint(fastErr) != fmt.Sprint(slowErr) {
			t.Fatalf("%q:\nfast %+v, %v\njson %+v, %v", line, fast, fastErr, slow, slowErr)
		}
	})
}

// The fast path is taken for the common shape of a line, not just left
// to encoding/json.
func TestDecodeFastTakesTheCommonShape(t *testing.T) {
	d, ok := decodeFast([]byte(`{"id": "BB-1", "url": "http://x", "source": "BBC", "title": "عنوان \"x\"", "published": "2018-02-18T20:50:44Z", "text": "نص\nثان"}`))
	require.True(t, ok)
	assert.Equal(t, "BB-1", d.id)
	assert.Equal(t, "عنوان \"x\"", d.title)
	assert.Equal(t, "نص\nثان", *d.text)
	assert.Equal(t, "2018-02-18T20:50:44Z", *d.published)
}

// plainPrefix finds the first quote, backslash or control byte at every
// position of a word.
func TestPlainPrefix(t *testing.T) {
	for _, c := range []byte{'"', '\\', 0, 0x1f} {
		for n := range 20 {
			b := bytes.Repeat([]byte{'a', 0xd9, 0x80, 0x7f, ' '}, 5)[:20]
			b[n] = c
			assert.Equal(t, n, plainPrefix(b), "%q at %d", c, n)
		}
	}
	assert.Equal(t, 3, plainPrefix([]byte("abc")))
}
