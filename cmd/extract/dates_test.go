package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDatesUsage(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"frobnicate"},
		{"tag"},
		{"tag", "--published", "01/02/2021", "أمس"},
		{"tag", "--bogus", "أمس"},
		{"report"},
		{"report", "a.jsonl", "b.jsonl"},
	} {
		var out, errb bytes.Buffer
		assert.Equal(t, 2, runDates(args, &out, &errb), "%q", args)
		assert.NotEmpty(t, errb.String(), "%q", args)
	}
}

func TestDatesTag(t *testing.T) {
	var out, errb bytes.Buffer
	code := runDates([]string{"tag", "--published", "2021-02-01", "انطلقت", "فجر", "الجمعة", "الماضية", "وفي", "عام", "2020"}, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2, out.String())
	assert.Contains(t, lines[0], `"فجر الجمعة الماضية"`)
	assert.Contains(t, lines[0], "2021-01-29\tday\trelative")
	assert.Contains(t, lines[0], "part=dawn")
	assert.Contains(t, lines[1], "2020-01-01..2020-12-31\tyear\texplicit")
}

func TestDatesTagHeader(t *testing.T) {
	var out, errb bytes.Buffer
	text := "عنوان\nالإثنين 01/فبراير/2021 - 06:31 م\nقتل أمس 3"
	require.Equal(t, 0, runDates([]string{"tag", text}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "published (from header): 2021-02-01")
	assert.Contains(t, out.String(), `"أمس"`)
	assert.Contains(t, out.String(), "2021-01-31")
}

func TestDatesReport(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.jsonl")
	corpus := `{"id":"a","published":"2018-09-27T16:22:23Z","text":"قتل 3 أمس و2 الخميس الماضي في عام 2017 بحسب ما ذكر في 2011 ، 2012"}
{"id":"b","published":"","text":"قتل 3 الخميس"}
`
	require.NoError(t, os.WriteFile(path, []byte(corpus), 0o644))
	var out, errb bytes.Buffer
	require.Equal(t, 0, runDates([]string{"report", path}, &out, &errb), errb.String())
	s := out.String()
	assert.Contains(t, s, "documents: 2 (without publication date: 1)")
	assert.Contains(t, s, "expressions found: 5")
	assert.Regexp(t, `day\s+2\b`, s)
	assert.Regexp(t, `year\s+2\b`, s)
	assert.Regexp(t, `unknown\s+1\b`, s)
	assert.Contains(t, s, "2012") // a bare year left over
}

// TestDatesReportDev runs the report over ../shared/corpus/dev.jsonl.
func TestDatesReportDev(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "corpus", "dev.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared dev corpus %s not available (%v)", path, err)
	}
	var out, errb bytes.Buffer
	require.Equal(t, 0, runDates([]string{"report", path}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "documents: 300")
	t.Log("\n" + out.String())
}

func TestDatesReportMissingFile(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 1, runDates([]string{"report", filepath.Join(t.TempDir(), "none.jsonl")}, &out, &errb))
}
