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
		a, b := st.Tokens[s.Tok0].Start, st.Tokens[s.Tok1-1].End
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
