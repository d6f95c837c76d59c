package segment

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/rules"
)

func segment(t *testing.T, text string, hasTitle bool) *Text {
	t.Helper()
	s, err := New(rules.Open(nil, ""))
	require.NoError(t, err)
	st, err := s.Segment(context.Background(), arabic.New(text), hasTitle)
	require.NoError(t, err)
	return st
}

func sentences(st *Text) []string {
	var out []string
	for _, s := range st.Sents {
		if s.Skip {
			continue
		}
		a, b := st.Span(s.Tok0, s.Tok1, 0)
		out = append(out, st.Slice(a, b))
	}
	return out
}

func TestQuotesKeepTheirStops(t *testing.T) {
	st := segment(t, "وقال المصدر «قتل ثلاثة. وأصيب اثنان» في الهجوم. وانتهى الأمر.", true)
	assert.Equal(t, []string{"وقال المصدر «قتل ثلاثة. وأصيب اثنان» في الهجوم.", "وانتهى الأمر."}, sentences(st))
}

func TestFirstLineWithoutStopIsATitle(t *testing.T) {
	st := segment(t, "مقتل ثلاثة جنود بهجوم في كركوك\nقتل ثلاثة جنود بهجوم على نقطة تفتيش في قضاء الحويجة.", false)
	assert.Equal(t, []string{"قتل ثلاثة جنود بهجوم على نقطة تفتيش في قضاء الحويجة."}, sentences(st))
}

// A one-line article with no title and no full stop is the article.
func TestOneLineArticleIsRead(t *testing.T) {
	line := "قتل ثلاثة مدنيين بانفجار عبوة ناسفة في سوق بمدينة بعقوبة صباح اليوم"
	assert.Equal(t, []string{line}, sentences(segment(t, line, false)))
}

// A storm of punctuation makes no clauses: memory follows the words.
func TestPunctuationMakesNoClauses(t *testing.T) {
	st := segment(t, strings.Repeat(". ", 10000)+"قتل جندي.", true)
	assert.Len(t, st.Clauses, 1)
	assert.Len(t, st.Sents, 1)
}

func TestBoilerplateLinesAreSkipped(t *testing.T) {
	fsys := fstest.MapFS{"ar/boilerplate.txt": {Data: []byte("[line]\nاقرأ أيضا\n[prefix]\nجميع الحقوق\n")}}
	s, err := New(rules.Open(fsys, "ar"))
	require.NoError(t, err)
	st, err := s.Segment(context.Background(), arabic.New("قتل جندي في الهجوم.\nاقرأ أيضا\nجميع الحقوق محفوظة لموقع الأخبار 2022."), true)
	require.NoError(t, err)
	assert.Equal(t, []string{"قتل جندي في الهجوم."}, sentences(st))

	_, err = New(rules.Open(fstest.MapFS{"ar/boilerplate.txt": {Data: []byte("[footer]\nx\n")}}, "ar"))
	assert.ErrorContains(t, err, "rules/ar/boilerplate.txt:2: unknown section [footer]")
}

func TestCancelledContextStops(t *testing.T) {
	s, err := New(rules.Open(nil, ""))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = s.Segment(ctx, arabic.New(strings.Repeat("كلمة ", 50000)), true)
	assert.ErrorIs(t, err, context.Canceled)
}

// naiveBoilerplate is isBoilerplate without the first-word filter: the
// line's key built and looked up.
func (s *Segmenter) naiveBoilerplate(tx *arabic.Text, start, end int) bool {
	if end-start > maxBoilerplateTokens {
		return false
	}
	parts := make([]string, 0, end-start)
	for i := start; i < end; i++ {
		parts = append(parts, tx.Word(i))
	}
	key := strings.Join(parts, " ")
	if s.lines[key] {
		return true
	}
	for _, p := range s.prefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// The first-word filter of isBoilerplate changes no answer: every rule,
// cut and extended, and some news, answer as the key lookup does.
func TestBoilerplateFilter(t *testing.T) {
	s, err := New(rules.Open(nil, ""))
	require.NoError(t, err)
	s.prefixes = append(s.prefixes, "جميع الحقوق", "حقوق") // a one-word prefix too
	s.firsts["جميع"] = true
	s.firstPrefixes = append(s.firstPrefixes, "حقوق")
	var lines []string
	for k := range s.lines {
		lines = append(lines, k, k+" اليوم", "اليوم "+k, k[:len(k)/2])
	}
	for _, p := range s.prefixes {
		lines = append(lines, p, p+" ونص", p+"ه", p[:len(p)/2], "و"+p)
	}
	lines = append(lines, "قتل 3 مدنيين في بغداد.", "حقوقي بارز", "حق", "«طباعة»", "")
	n := 0
	for _, line := range lines {
		tx := arabic.New(line)
		if len(tx.Tokens) == 0 {
			continue
		}
		want := s.naiveBoilerplate(tx, 0, len(tx.Tokens))
		assert.Equal(t, want, s.isBoilerplate(tx, 0, len(tx.Tokens)), "%q", line)
		if want {
			n++
		}
	}
	assert.Greater(t, n, len(s.lines), "the rules' own lines are boilerplate")
}

// countClauses, which sizes the clauses and sentences, counts the clauses
// Segment makes, and bounds its sentences.
func TestCountClauses(t *testing.T) {
	s, err := New(rules.Open(nil, ""))
	require.NoError(t, err)
	for _, text := range []string{
		"", "...", "قتل 3 مدنيين، وأصيب 5. وقال «إن الهجوم. وقع» أمس!\nعنوان\n\nب.ب.ب،،ب",
		strings.Repeat("ب. ", 100), "ب\nب\n", "«قال: نعم، لا.» ثم؟ ثم",
	} {
		tx := arabic.New(text)
		st, err := s.Segment(context.Background(), tx, false)
		require.NoError(t, err)
		assert.Equal(t, len(st.Clauses), countClauses(tx), "%q", text)
		assert.LessOrEqual(t, len(st.Sents), countClauses(tx), "%q", text)
	}
}
