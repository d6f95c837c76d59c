package pattern

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/rules"
)

func compile(t *testing.T, src string, sections map[string][]string) (*Set, error) {
	t.Helper()
	fsys := fstest.MapFS{"ar/patterns.txt": {Data: []byte(src)}}
	return Compile(rules.Open(fsys, "ar"), sections, 0)
}

// runes is the normalised text a pattern runs on.
func runes(s string) []rune { return []rune(arabic.New(s).Norm) }

func TestMacrosExpandToTheSectionsPhrases(t *testing.T) {
	set, err := compile(t, "op = {operation}\\s*«(?<name>[^»]+)»\n", map[string][]string{"operation": {"عمليه", "تحت مسمي"}})
	require.NoError(t, err)
	ms, err := set.Get("op").FindAll(runes("انطلقت عملية «ثأر الشهداء» اليوم"))
	require.NoError(t, err)
	require.Len(t, ms, 1)
	g := ms[0].Groups["name"]
	assert.Equal(t, "ثار الشهداء", string(runes("انطلقت عملية «ثأر الشهداء» اليوم")[g[0]:g[1]]))
	ms, err = set.Get("op").FindAll(runes("تحت مسمى «الفجر»"))
	require.NoError(t, err)
	assert.Len(t, ms, 1, "a phrase of two words matches across its space")
}

func TestLongerPhrasesWin(t *testing.T) {
	set, err := compile(t, "p = ^(?:{s})\n", map[string][]string{"s": {"عمليه", "عمليه امنيه"}})
	require.NoError(t, err)
	ms, err := set.Get("p").FindAll(runes("عملية أمنية واسعة"))
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, 11, ms[0].End, "the alternation tries the longest phrase first")
}

// Every problem of a patterns file comes back at once, each as
// file:line: message.
func TestErrorsNameFileAndLine(t *testing.T) {
	src := strings.Join([]string{
		"# comment",
		"good = a+",
		"no equals sign",         // 3
		"Bad-Name = x",           // 4
		"open = (a",              // 5
		"good = b",               // 6: repeats line 2
		"macro = {nosuch}",       // 7
		"empty = ",               // 8
		"lookbehind = (?<=a)b+$", // fine: regexp2 has lookbehind
	}, "\n")
	_, err := compile(t, src, nil)
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{
		"rules/ar/patterns.txt:3: want `name = expression`",
		"rules/ar/patterns.txt:4: want `name = expression`",
		"rules/ar/patterns.txt:5: open:",
		"rules/ar/patterns.txt:6: pattern good repeats line 2",
		"rules/ar/patterns.txt:7: macro: no cue section [nosuch]",
		"rules/ar/patterns.txt:8: want `name = expression`",
	} {
		assert.Contains(t, msg, want)
	}
	assert.NotContains(t, msg, ":9:")

	_, err = Compile(rules.Open(fstest.MapFS{}, "ar"), nil, 0)
	assert.ErrorContains(t, err, "rules/ar/patterns.txt", "a missing file names itself")
}

func TestRequireNamesTheMissingPattern(t *testing.T) {
	set, err := compile(t, "a = x\n", nil)
	require.NoError(t, err)
	assert.NoError(t, set.Require("a"))
	assert.ErrorContains(t, set.Require("a", "b"), "rules/ar/patterns.txt: pattern b is missing")
}

// A pattern that backtracks without end is cut off by its timeout and
// reported; the document is not hung.
func TestCatastrophicPatternTimesOut(t *testing.T) {
	fsys := fstest.MapFS{"ar/patterns.txt": {Data: []byte("evil = ^(a+)+$\n")}}
	set, err := Compile(rules.Open(fsys, "ar"), nil, 20*time.Millisecond)
	require.NoError(t, err)
	text := []rune(strings.Repeat("a", 40) + "!")
	start := time.Now()
	_, err = set.Get("evil").FindAll(text)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrTimeout), "%v", err)
	assert.Contains(t, err.Error(), "evil")
	assert.Less(t, time.Since(start), time.Minute, "bounded, not hung")
}

// FuzzPatterns: any patterns file compiles or fails with errors, never
// panics, and any text matches or times out with an error.
func FuzzPatterns(f *testing.F) {
	f.Add("op = {operation}\\s*«(?<name>[^»]+)»", "انطلقت عملية «ثأر الشهداء»")
	f.Add("r = (?<![^\\s])[وف]?{relative}(?:\\s+\\S+){0,2}\\s*$", "الرجل الذي خطف")
	f.Add("x = (a|b)*c{2,}", "ababcc")
	f.Add("bad = (", "")
	f.Fuzz(func(t *testing.T, src, text string) {
		fsys := fstest.MapFS{"ar/patterns.txt": {Data: []byte(src)}}
		sections := map[string][]string{"operation": {"عمليه"}, "relative": {"الذي", "التي"}}
		set, err := Compile(rules.Open(fsys, "ar"), sections, 50*time.Millisecond)
		if err != nil {
			return
		}
		for _, p := range set.byName {
			ms, err := p.FindAll(runes(text))
			if err != nil {
				continue
			}
			n := len(runes(text))
			for _, m := range ms {
				if m.Start < 0 || m.End > n || m.Start > m.End {
					t.Fatalf("pattern %s: match [%d,%d) outside %d runes", p.Name, m.Start, m.End, n)
				}
			}
		}
	})
}
