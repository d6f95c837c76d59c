package timex

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParsePublishedForms(t *testing.T) {
	for in, want := range map[string]string{
		"2023-03-13T10:00:00Z":      "2023-03-13",
		"2018-09-27T23:22:23+03:00": "2018-09-27", // the publisher's own day, not UTC's
		"2018-09-27":                "2018-09-27",
		" 2018-09-27 ":              "2018-09-27",
		"2018-09-27 10:00:00":       "2018-09-27",
		"2018-09-27T10:00:00":       "2018-09-27",
		"1900-01-01":                "1900-01-01",
		"2199-12-31":                "2199-12-31",
	} {
		got, err := ParsePublished(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
}

func TestParsePublishedRejects(t *testing.T) {
	for in, why := range map[string]string{
		"13/03/2023":  "want YYYY-MM-DD or RFC 3339",
		"2018-13-01":  "want YYYY-MM-DD or RFC 3339",
		"2021-02-30":  "want YYYY-MM-DD or RFC 3339",
		"yesterday":   "want YYYY-MM-DD or RFC 3339",
		"":            "want YYYY-MM-DD or RFC 3339",
		"0000-01-01":  "year 0 is outside 1900-2199",
		"9999-12-31":  "year 9999 is outside 1900-2199",
		"1899-12-31":  "year 1899 is outside 1900-2199",
		"2200-01-01Z": "want YYYY-MM-DD",
	} {
		_, err := ParsePublished(in)
		assert.ErrorContains(t, err, why, in)
	}
}
