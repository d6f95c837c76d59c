package find

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/rules"
)

// rulesWith is the embedded rules with one file replaced.
func rulesWith(t *testing.T, name, content string) rules.Set {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(rules.Default(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(rules.Default(), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	require.NoError(t, err)
	m["ar/"+name] = &fstest.MapFile{Data: []byte(content)}
	return rules.Open(m, "ar")
}

// Every rule-file problem is reported as rules/ar/file.txt:line: message,
// all of them at once.
func TestRuleFileErrors(t *testing.T) {
	g, err := gazetteer.Default()
	require.NoError(t, err)
	cases := []struct {
		file, content string
		want          []string
	}{
		{"triggers.txt", "[attack]\nهجوم\nهجوم\n[riot]\nشغب\n[ied]\nعبوة | loud\n", []string{
			`rules/ar/triggers.txt:3: "هجوم" repeats line 2`,
			"rules/ar/triggers.txt:5: unknown event type [riot]",
			`rules/ar/triggers.txt:7: unknown flag "loud"`,
		}},
		{"actors.txt", "[Islamic State | rebel_group |]\nداعش\nداعش\n[Somebody | heroes |]\nأحد\n", []string{
			`rules/ar/actors.txt:3: "داعش" repeats line 2`,
			"rules/ar/actors.txt:5: actor section must be [Name | type | country], not [Somebody | heroes |]",
		}},
		{"sources.txt", "وكالة\n[Agency]\nوكالة الأنباء\nوكالة الأنباء\n", []string{
			"rules/ar/sources.txt:1: source outside a [Name] section",
			`rules/ar/sources.txt:4: "وكالة الأنباء" repeats line 3`,
		}},
		{"numbers.txt", "[unit]\nواحد | one\n[vague]\nعشرات | 20 | 30 | 99\n[modifier]\nنحو | roughly\n[fraction]\nنصف | 2/1\n[dozen]\nدزينة | 12\n", []string{
			"rules/ar/numbers.txt:2:",
			"rules/ar/numbers.txt:4: want min ≤ count ≤ max",
			`rules/ar/numbers.txt:6: modifier must be approx, atleast or atmost, not "roughly"`,
			`rules/ar/numbers.txt:8: a fraction is n/d with 0 < n < d, not "2/1"`,
			"rules/ar/numbers.txt:10: unknown section [dozen]",
		}},
		{"people.txt", "[civilians]\nمدني | x\n", []string{
			`rules/ar/people.txt:2: number must be s, d or p, not "x"`,
		}},
		{"casualties.txt", "[cue:exploded]\nتفجير\n[noun:killed]\nقتيل | -1\n[before:killed]\nقبل\n[self:killed]\nمقتله\n", []string{
			"rules/ar/casualties.txt:2: unknown casualty kind in [cue:exploded]",
			`rules/ar/casualties.txt:4: count must be a positive number, not "-1"`,
			"rules/ar/casualties.txt:6: section must be cue:, noun:, after:, toll: or self:, not [before:killed]",
			"rules/ar/casualties.txt:8: a [self:killed] word needs its count",
		}},
	}
	for _, c := range cases {
		_, err := New(rulesWith(t, c.file, c.content), g, Options{})
		require.Error(t, err, c.file)
		for _, w := range c.want {
			assert.Contains(t, err.Error(), w, c.file)
		}
	}
}

func TestCueFileErrors(t *testing.T) {
	_, err := NewCues(rulesWith(t, "cues.txt", "[result]\nأسفر\nأسفر\n[gossip]\nقيل\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `rules/ar/cues.txt:3: "أسفر" repeats line 2`)
	assert.Contains(t, err.Error(), "rules/ar/cues.txt:5: unknown cue section [gossip]")

	// The code reads every section: a file that lacks one says which.
	_, err = NewCues(rulesWith(t, "cues.txt", "[result]\nأسفر\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "rules/ar/cues.txt: section [elaboration] is missing")

	g, err := gazetteer.Default()
	require.NoError(t, err)
	_, err = New(rulesWith(t, "patterns.txt", "relative_before = x\n"), g, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "rules/ar/patterns.txt: pattern operation_name is missing")
}
