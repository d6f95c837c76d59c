package find

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/rules"
)

func newFinders(t *testing.T) *Finders {
	t.Helper()
	g, err := gazetteer.Default()
	require.NoError(t, err)
	f, err := New(rules.Open(nil, ""), g, Options{})
	require.NoError(t, err)
	return f
}

func layersOf(t *testing.T, f *Finders, text string) *Layers {
	t.Helper()
	seg, err := segment.New(rules.Open(nil, ""))
	require.NoError(t, err)
	st, err := seg.Segment(context.Background(), arabic.New(text), true)
	require.NoError(t, err)
	l, err := f.Find(context.Background(), st, "2022-01-21")
	require.NoError(t, err)
	return l
}

func TestParseFigure(t *testing.T) {
	f := newFinders(t)
	cases := []struct {
		text          string
		count, lo, hi int
		exact         bool
	}{
		{"11", 11, 11, 11, true},
		{"١١", 11, 11, 11, true},
		{"ثلاثة", 3, 3, 3, true},
		{"أربعة عشر", 14, 14, 14, true},
		{"أحد عشر", 11, 11, 11, true},
		{"ثلاثة وعشرين", 23, 23, 23, true},
		{"مئة وخمسين", 150, 150, 150, true},
		{"4 آلاف", 4000, 4000, 4000, true},
		{"ألف", 1000, 1000, 1000, true},
		{"نحو 30", 30, 30, 30, false},
		{"ما يقرب من 133", 133, 133, 133, false},
		{"عشرات", 20, 20, 99, false},
		{"مئات", 200, 200, 999, false},
		{"أكثر من 40", 40, 40, 40, false},
		{"نصف مليون", 500_000, 500_000, 500_000, true},
		{"نحو نصف مليون", 500_000, 500_000, 500_000, false},
		{"ربع مليون", 250_000, 250_000, 250_000, true},
		{"مئات الآلاف", 200_000, 200_000, 999_000, false},
		{"عشرات الآلاف", 20_000, 20_000, 99_000, false},
	}
	for _, c := range cases {
		tx := arabic.New(c.text)
		fig, ok := f.figures.Parse(tx, 0)
		require.True(t, ok, c.text)
		assert.Equal(t, len(tx.Tokens), fig.Tok1, "%s: whole phrase read", c.text)
		assert.Equal(t, [4]any{c.count, c.lo, c.hi, c.exact}, [4]any{fig.Count, fig.Min, fig.Max, fig.Exact}, c.text)
	}
	for _, text := range []string{"ضربة", "2.5", "5.6 مليون", "نصف المدينة", "الأحد", "الثلاثة"} {
		_, ok := f.figures.Parse(arabic.New(text), 0)
		assert.False(t, ok, text)
	}
}

type casualtyWant struct {
	kind  model.CasualtyKind
	count int
	part  bool
	group string
}

func casualtiesIn(t *testing.T, f *Finders, text string) []casualtyWant {
	t.Helper()
	var out []casualtyWant
	for _, c := range layersOf(t, f, text).Casualties {
		g := c.Category
		if c.Group != nil {
			g = c.Group.Name
		}
		out = append(out, casualtyWant{c.Kind, c.Fig.Count, c.PartOf, g})
	}
	return out
}

func TestCasualties(t *testing.T) {
	f := newFinders(t)
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
		"أسفر الهجوم عن مقتل أحد عناصر الشرطة.":                   {{model.Killed, 1, false, "forces"}},
		// No figure is invented for قتلى وجرحى, nor for strikes or soldiers deployed.
		"أدت إلى وقوع قتلى وجرحى.":                     nil,
		"نفذت 133 ضربة جوية.":                          nil,
		"زيادة عدد قواته من 500 جندي إلى 4 آلاف جندي.": nil,
		// A running total over many incidents is not this incident's toll.
		"لترتفع بذلك حصيلة القتلى إلى 18.": nil,
	}
	for text, want := range cases {
		assert.Equal(t, want, casualtiesIn(t, f, text), text)
	}
}

// A casualty cue is spent on its figure: a later number in the clause
// counts no one, and a share or a time is no people.
func TestCueDoesNotRefire(t *testing.T) {
	f := newFinders(t)
	assert.Equal(t, []casualtyWant{{model.Killed, 32, false, "civilians"}},
		casualtiesIn(t, f, "قتل 32 مدنيا خلال 24 ساعة في غارات."))
	assert.Empty(t, casualtiesIn(t, f, "أعلن التحالف فقدان 90 بالمئة من أراضي التنظيم."))
}

// مقتل وإصابة 20 counts the dead and the wounded together: neither kind.
func TestJointFigureCountsNeitherKind(t *testing.T) {
	f := newFinders(t)
	assert.Empty(t, casualtiesIn(t, f, "أسفر التفجير عن مقتل وإصابة 20 شخصا."))
}

// آخرين and أيضا mark people beyond those told before.
func TestAlsoMarksMorePeople(t *testing.T) {
	f := newFinders(t)
	l := layersOf(t, f, "قتل 3 جنود في الهجوم. وقتل 5 آخرين في انفجار عبوة.")
	require.Len(t, l.Casualties, 2)
	assert.False(t, l.Casualties[0].Also)
	assert.True(t, l.Casualties[1].Also)
}

func TestOperationNames(t *testing.T) {
	f := newFinders(t)
	for text, want := range map[string]string{
		"انطلاق عملية «ثأر الشهداء» في ديالى.":        "ثأر الشهداء",
		"ضمن عمليات (العزم الصلب) ضد التنظيم.":        "العزم الصلب",
		"أطلق الجيش عملية \"فجر الجزيرة\" في الحسكة.": "فجر الجزيرة",
		"بدأت عملية «ثـأر الشهداء»":                   "ثأر الشهداء",
	} {
		l := layersOf(t, f, text)
		require.Len(t, l.Operations, 1, text)
		assert.Equal(t, want, l.Operations[0].Name, text)
	}
	assert.Empty(t, layersOf(t, f, "نفذت القوات عملية أمنية في الموصل.").Operations)
}

// A trigger inside a name that starts before it is part of the name
// (قيادة العمليات المشتركة); a name that starts with it is who did it.
func TestTriggerInsideName(t *testing.T) {
	f := newFinders(t)
	l := layersOf(t, f, "أعلنت قيادة العمليات المشتركة رفع حظر التجول في البصرة.")
	assert.Empty(t, l.Triggers)
	l = layersOf(t, f, "وقتل خمسة مدنيين في الغارات الروسية على إدلب.")
	require.Len(t, l.Triggers, 1)
	assert.Equal(t, model.Airstrike, l.Triggers[0].Kind)
}

// Civilians and residents who flee are displaced; prisoners, or anyone
// fleeing a prison, escaped.
func TestFleeingCiviliansAreNoEscape(t *testing.T) {
	f := newFinders(t)
	assert.Empty(t, casualtiesIn(t, f, "وفر أكثر من 2500 مدني من المدينة نحو ريفها."))
	assert.Empty(t, casualtiesIn(t, f, "وفر الآلاف من سكان المنطقة المحاصرة خلال الأيام الماضية."))
	assert.Equal(t, []casualtyWant{{model.Escaped, 20, false, "Islamic State"}},
		casualtiesIn(t, f, "وفر 20 من عناصر التنظيم من السجن المركزي."))
	assert.Equal(t, []casualtyWant{{model.Escaped, 20, false, "prisoners"}},
		casualtiesIn(t, f, "فر 20 سجينا من السجن المركزي."))
}

// آخرون after a figure of another fate in its sentence means other people,
// not more of the same fate.
func TestOthersOfAnotherFate(t *testing.T) {
	f := newFinders(t)
	l := layersOf(t, f, "لقي 16 شخصا حتفهم وأصيب 14 آخرون بجروح.")
	require.Len(t, l.Casualties, 2)
	assert.False(t, l.Casualties[1].Also)
}

// CuesIn answers as within does.
func TestCuesIn(t *testing.T) {
	l := &Layers{Cues: []Cue{{Tok0: 1}, {Tok0: 3}, {Tok0: 3}, {Tok0: 4}, {Tok0: 9}}}
	for a := -1; a <= 11; a++ {
		for b := a; b <= 11; b++ {
			want := within(l.Cues, func(c *Cue) int { return c.Tok0 }, a, b)
			assert.Equal(t, want, l.CuesIn(a, b), "[%d,%d)", a, b)
		}
	}
	assert.Empty(t, (&Layers{}).CuesIn(0, 5))
}
