package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
)

func newTestExtractor(t *testing.T) *Extractor {
	t.Helper()
	x, err := New(Options{Strict: true})
	require.NoError(t, err)
	return x
}

func TestParseFigure(t *testing.T) {
	x := newTestExtractor(t)
	cases := []struct {
		text          string
		count, lo, hi int
		exact         bool
	}{
		{"11", 11, 11, 11, true},
		{"١١", 11, 11, 11, true},
		{"ثلاثة", 3, 3, 3, true},
		{"أربعة عشر", 14, 14, 14, true},
		{"ثلاثة وعشرين", 23, 23, 23, true},
		{"مئة وخمسين", 150, 150, 150, true},
		{"4 آلاف", 4000, 4000, 4000, true},
		{"ألف", 1000, 1000, 1000, true},
		{"نحو 30", 30, 30, 30, false},
		{"ما يقرب من 133", 133, 133, 133, false},
		{"عشرات", 20, 20, 99, false},
		{"مئات", 200, 200, 999, false},
		{"أكثر من 40", 40, 40, 40, false},
	}
	for _, c := range cases {
		toks := arabic.New(c.text).Tokens
		f, ok := x.parseFigure(toks, 0)
		require.True(t, ok, c.text)
		assert.Equal(t, len(toks), f.tok1, "%s: whole phrase read", c.text)
		assert.Equal(t, [4]any{c.count, c.lo, c.hi, c.exact}, [4]any{f.count, f.min, f.max, f.exact}, c.text)
	}
	for _, text := range []string{"ضربة", "2.5", "5.6 مليون"} {
		toks := arabic.New(text).Tokens
		_, ok := x.parseFigure(toks, len(toks)-1)
		assert.False(t, ok && text != "ضربة", text)
	}
}

type casualtyWant struct {
	kind  model.CasualtyKind
	count int
	part  bool
	group string
}

func casualtiesIn(t *testing.T, x *Extractor, text string) []casualtyWant {
	t.Helper()
	d := x.newDoc(model.Document{ID: "t", Text: text, Title: "t"})
	var out []casualtyWant
	for _, c := range d.cas {
		g := c.category
		if c.groupActor != nil {
			g = c.groupActor.name
		}
		out = append(out, casualtyWant{c.kind, c.fig.count, c.partOf, g})
	}
	return out
}

func TestCasualties(t *testing.T) {
	x := newTestExtractor(t)
	cases := map[string][]casualtyWant{
		"أسفر عن مقتل 11 جندياً بينهم ضابط.": {{model.Killed, 11, false, "forces"}},
		"ووجدت 7 قتلى من عصابات داعش.":       {{model.Killed, 7, false, "Islamic State"}},
		"القبض على ثلاثة عناصر إرهابية.":     {{model.Arrested, 3, false, "militants"}},
		"أسفر الهجوم عن مقتل جنديين.":        {{model.Killed, 2, false, "forces"}},
		"حصيلة قتلى أولية بلغت 41 شخصا منهم 20 من قوى الأمن الداخلي و16 من تنظيم داعش و5 مدنيين.": {
			{model.Killed, 41, false, "people"},
			{model.Killed, 20, true, "Asayish"},
			{model.Killed, 16, true, "Islamic State"},
			{model.Killed, 5, true, "civilians"},
		},
		"وأشار إلى أن عشرات السجناء من تنظيم داعش فروا من السجن.": {{model.Escaped, 20, false, "Islamic State"}},
		"وقتل الخميس، أيضا وفق المرصد، 8 مدنيين في قصف.":          {{model.Killed, 8, false, "civilians"}},
		"بأن طفلا قتل وأصيب أربعة مدنيين السبت.":                  {{model.Killed, 1, false, "civilians"}, {model.Wounded, 4, false, "civilians"}},
		// No figure is invented for قتلى وجرحى, nor for strikes or soldiers deployed.
		"أدت إلى وقوع قتلى وجرحى.":                     nil,
		"نفذت 133 ضربة جوية.":                          nil,
		"زيادة عدد قواته من 500 جندي إلى 4 آلاف جندي.": nil,
		// A running total over many incidents is not this incident's toll.
		"لترتفع بذلك حصيلة القتلى إلى 18.": nil,
	}
	for text, want := range cases {
		assert.Equal(t, want, casualtiesIn(t, x, text), text)
	}
}
