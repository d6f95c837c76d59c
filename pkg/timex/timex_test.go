package timex

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/rules"
)

// ref is the fixed reference (publication) date of the table tests: a
// Monday.
const ref = "2021-02-01"

func newTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := New(rules.Open(nil, ""))
	require.NoError(t, err)
	return tg
}

type tcase struct {
	in    string // sentence
	text  string // expected expression text
	start string
	end   string // "" = start (or "" for unknown)
	prec  model.Precision
	basis model.Basis
	part  string
	kind  Kind
}

func runCases(t *testing.T, tg *Tagger, pub string, cases []tcase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			tx := arabic.New(c.in)
			got := tg.Find(tx, pub)
			require.NotEmpty(t, got, "no expression in %q", c.in)
			var e *Expr
			for i := range got {
				if got[i].Date.Text == c.text {
					e = &got[i]
				}
			}
			require.NotNil(t, e, "want %q, got %+v", c.text, got)
			end := c.end
			if end == "" {
				end = c.start
			}
			assert.Equal(t, c.start, e.Date.Start, "start")
			assert.Equal(t, end, e.Date.End, "end")
			assert.Equal(t, c.prec, e.Date.Precision, "precision")
			assert.Equal(t, c.basis, e.Date.Basis, "basis")
			assert.Equal(t, c.part, e.Date.PartOfDay, "part of day")
			if c.kind != 0 {
				assert.Equal(t, c.kind, e.Kind, "kind")
			}
			// Spans point into the original text.
			sp := e.Date.Span
			require.NotNil(t, sp)
			assert.Equal(t, e.Date.Text, string([]rune(c.in)[sp[0]:sp[1]]))
		})
	}
}

const (
	day   = model.PrecisionDay
	week  = model.PrecisionWeek
	month = model.PrecisionMonth
	year  = model.PrecisionYear
	unk   = model.PrecisionUnknown
	expl  = model.BasisExplicit
	rel   = model.BasisRelative
	none  = model.BasisNone
)

func TestAbsolute(t *testing.T) {
	runCases(t, newTagger(t), ref, []tcase{
		{"وقع الهجوم في 27 يناير 2021 قرب كركوك", "27 يناير 2021", "2021-01-27", "", day, expl, "", KindDate},
		{"أعلنت في 01/فبراير/2021 عن", "01/فبراير/2021", "2021-02-01", "", day, expl, "", KindDate},
		{"بتاريخ 27/1/2021 وقع", "27/1/2021", "2021-01-27", "", day, expl, "", KindDate},
		{"بتاريخ 27-1-2021 وقع", "27-1-2021", "2021-01-27", "", day, expl, "", KindDate},
		{"بتاريخ 27.1.2021 وقع", "27.1.2021", "2021-01-27", "", day, expl, "", KindDate},
		{"بتاريخ 2021-01-27 وقع", "2021-01-27", "2021-01-27", "", day, expl, "", KindDate},
		{"بتاريخ ٢٧/١/٢٠٢١ وقع", "٢٧/١/٢٠٢١", "2021-01-27", "", day, expl, "", KindDate},
		{"اتخذ العراق، الثلاثاء 6 أبريل 2021، خطوة", "الثلاثاء 6 أبريل 2021", "2021-04-06", "", day, expl, "", KindDate},
		{"وقالت الخلية في بيان لها الاثنين 22 فبراير، إنه", "الاثنين 22 فبراير", "2021-02-22", "", day, rel, "", KindDate},
		{"وقالت الخلية في 22 يناير إنه", "22 يناير", "2021-01-22", "", day, rel, "", KindDate},
		{"وقالت الخلية في 22 فبراير إنه", "22 فبراير", "2020-02-22", "", day, rel, "", KindDate},
		{"وقالت الخلية في 1 فبراير إنه", "1 فبراير", "2021-02-01", "", day, rel, "", KindDate},
		{"سيفتتح في 10 فبراير", "10 فبراير", "2021-02-10", "", day, rel, "", KindDate},
		{"قتل في 16 فبراير", "16 فبراير", "2020-02-16", "", day, rel, "", KindDate},
		{"في السادس من أبريل 2020 قتل", "السادس من أبريل 2020", "2020-04-06", "", day, expl, "", KindDate},
		{"في الحادي والعشرين من سبتمبر 2017 قتل", "الحادي والعشرين من سبتمبر 2017", "2017-09-21", "", day, expl, "", KindDate},
		{"في الـ27 من شهر يناير الماضي", "الـ27 من شهر يناير الماضي", "2021-01-27", "", day, rel, "", KindDate},
		{"يوم 12 مايو/ أيار 2018 شهدت", "يوم 12 مايو/ أيار 2018", "2018-05-12", "", day, expl, "", KindDate},
		{"في 10 فبراير/شباط 2018 عندما", "10 فبراير/شباط 2018", "2018-02-10", "", day, expl, "", KindDate},
		{"في 18 فبراير شباط 2018", "18 فبراير شباط 2018", "2018-02-18", "", day, expl, "", KindDate},
		{"في 20 كانون الثاني/يناير 2014", "20 كانون الثاني/يناير 2014", "2014-01-20", "", day, expl, "", KindDate},
		{"في 25 ديسمبر 2020م وقع", "25 ديسمبر 2020م", "2020-12-25", "", day, expl, "", KindDate},
		// The header line of the seeds.
		{"الإثنين 01/فبراير/2021 - 06:31 م", "الإثنين 01/فبراير/2021", "2021-02-01", "", day, expl, "", KindDate},
	})
}

func TestLevantineMonths(t *testing.T) {
	cases := []struct{ name, num string }{
		{"كانون الثاني", "01"}, {"شباط", "02"}, {"آذار", "03"}, {"نيسان", "04"},
		{"أيار", "05"}, {"حزيران", "06"}, {"تموز", "07"}, {"آب", "08"}, {"أيلول", "09"},
		{"تشرين الأول", "10"}, {"تشرين الثاني", "11"}, {"كانون الأول", "12"},
		{"تشرين أول", "10"}, {"كانون ثاني", "01"},
	}
	var tc []tcase
	for _, c := range cases {
		tc = append(tc, tcase{"قتل في 9 " + c.name + " 2019 ثلاثة", "9 " + c.name + " 2019", "2019-" + c.num + "-09", "", day, expl, "", KindDate})
	}
	runCases(t, newTagger(t), ref, tc)
}

func TestMaghrebiMonths(t *testing.T) {
	cases := []struct{ name, num string }{
		{"جانفي", "01"}, {"فيفري", "02"}, {"مارس", "03"}, {"أفريل", "04"}, {"ماي", "05"},
		{"جوان", "06"}, {"جويلية", "07"}, {"أوت", "08"}, {"سبتمبر", "09"}, {"أكتوبر", "10"},
		{"نوفمبر", "11"}, {"ديسمبر", "12"}, {"يوليوز", "07"}, {"غشت", "08"}, {"شتنبر", "09"}, {"نونبر", "11"}, {"دجنبر", "12"},
	}
	var tc []tcase
	for _, c := range cases {
		tc = append(tc, tcase{"في 3 " + c.name + " 2019 وقع", "3 " + c.name + " 2019", "2019-" + c.num + "-03", "", day, expl, "", KindDate})
	}
	runCases(t, newTagger(t), ref, tc)
}

func TestGregorianMonths(t *testing.T) {
	names := []string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}
	var tc []tcase
	for i, n := range names {
		start := ymd(2018, i+1, 1).Format(iso)
		end := ymd(2018, i+2, 0).Format(iso)
		tc = append(tc, tcase{"في " + n + " 2018 وقع", n + " 2018", start, end, month, expl, "", KindMonth})
	}
	runCases(t, newTagger(t), ref, tc)
}

func TestHijri(t *testing.T) {
	runCases(t, newTagger(t), ref, []tcase{
		// Tabular: 1 Ramadan 1442 = 13 April 2021 (Umm al-Qura agrees).
		{"في 1 رمضان 1442 هـ وقع", "1 رمضان 1442 هـ", "2021-04-13", "", day, expl, "", KindDate},
		// 10 Muharram 1443 = 19 August 2021 (tabular; Umm al-Qura says the same).
		{"يوم 10 محرم 1443هـ قتل", "يوم 10 محرم 1443هـ", "2021-08-19", "", day, expl, "", KindDate},
		{"في 15 شعبان 1441 هجري", "15 شعبان 1441 هجري", "2020-04-09", "", day, expl, "", KindDate},
		{"في 12 ربيع الأول 1442 هـ", "12 ربيع الأول 1442 هـ", "2020-10-29", "", day, expl, "", KindDate},
		{"في 9 ذي الحجة 1441 هـ", "9 ذي الحجة 1441 هـ", "2020-07-30", "", day, expl, "", KindDate},
	})
	// A Hijri month without a year, or a name like رجب, is not a date.
	tg := newTagger(t)
	assert.Empty(t, tg.Find(arabic.New("قال أبو رجب إن"), ref))
	assert.Empty(t, tg.Find(arabic.New("خلال شهر رمضان المبارك"), ref))
}

func TestHijriConversion(t *testing.T) {
	for _, c := range []struct {
		y, m, d int
		want    string
	}{
		{1, 1, 1, "0622-07-19"}, // proleptic Gregorian for Julian 16 July 622
		{1442, 9, 1, "2021-04-13"},
		{1443, 1, 1, "2021-08-10"},
		{1445, 1, 1, "2023-07-19"},
		{1400, 1, 1, "1979-11-21"},
	} {
		assert.Equal(t, c.want, hijriToGregorian(c.y, c.m, c.d).Format(iso), "%d-%d-%d", c.y, c.m, c.d)
	}
}

func TestWeekdays(t *testing.T) {
	// ref is Monday 2021-02-01.
	runCases(t, newTagger(t), ref, []tcase{
		{"وقتل الخميس 8 مدنيين", "الخميس", "2021-01-28", "", day, rel, "", KindWeekday},
		{"وقال الاثنين إن", "الاثنين", "2021-02-01", "", day, rel, "", KindWeekday},
		{"وقال الإثنين إن", "الإثنين", "2021-02-01", "", day, rel, "", KindWeekday},
		{"والاثنين الماضي قتل", "الاثنين الماضي", "2021-01-25", "", day, rel, "", KindWeekday},
		{"يوم الثلاثاء قتل", "يوم الثلاثاء", "2021-01-26", "", day, rel, "", KindWeekday},
		{"والأربعاء قتل", "الأربعاء", "2021-01-27", "", day, rel, "", KindWeekday},
		{"فجر الجمعة الماضية انطلقت", "فجر الجمعة الماضية", "2021-01-29", "", day, rel, "dawn", KindWeekday},
		{"السبت الماضي", "السبت الماضي", "2021-01-30", "", day, rel, "", KindWeekday},
		{"الأحد المقبل", "الأحد المقبل", "2021-02-07", "", day, rel, "", KindWeekday},
		{"الاثنين المقبل", "الاثنين المقبل", "2021-02-08", "", day, rel, "", KindWeekday},
		{"ليل الأربعاء قتل", "ليل الأربعاء", "2021-01-27", "", day, rel, "night", KindWeekday},
		{"منذ مساء الخميس تخوض", "منذ مساء الخميس", "2021-01-28", "", day, rel, "evening", KindWeekday},
		{"استهدف قبل منتصف ليل الخميس بلدة", "منتصف ليل الخميس", "2021-01-28", "", day, rel, "night", KindWeekday},
		{"الخميس صباحا", "الخميس صباحا", "2021-01-28", "", day, rel, "morning", KindWeekday},
		{"في ضربة ليل الأحد الاثنين قرب", "ليل الأحد الاثنين", "2021-01-31", "", day, rel, "night", KindWeekday},
	})
	// أحد is "one", not Sunday, without the article.
	assert.Empty(t, newTagger(t).Find(arabic.New("أحد المنفذين"), ref))
}

func TestRelative(t *testing.T) {
	runCases(t, newTagger(t), ref, []tcase{
		{"قتل اليوم 3", "اليوم", "2021-02-01", "", day, rel, "", KindRelDay},
		{"قتل أمس 3", "أمس", "2021-01-31", "", day, rel, "", KindRelDay},
		{"قالت أمس (الأحد) إن", "أمس (الأحد)", "2021-01-31", "", day, rel, "", KindRelDay},
		{"قتل أول أمس 3", "أول أمس", "2021-01-30", "", day, rel, "", KindRelDay},
		{"قتل أول من أمس 3", "أول من أمس", "2021-01-30", "", day, rel, "", KindRelDay},
		{"قتل البارحة 3", "البارحة", "2021-01-31", "", day, rel, "", KindRelDay},
		{"قتل الليلة الماضية 3", "الليلة الماضية", "2021-01-31", "", day, rel, "night", KindRelDay},
		{"هجوما فجر اليوم على", "فجر اليوم", "2021-02-01", "", day, rel, "dawn", KindRelDay},
		{"هجوما صباح اليوم على", "صباح اليوم", "2021-02-01", "", day, rel, "morning", KindRelDay},
		{"هجوما مساء أمس على", "مساء أمس", "2021-01-31", "", day, rel, "evening", KindRelDay},
		{"هجوما ليلة أمس على", "ليلة أمس", "2021-01-31", "", day, rel, "night", KindRelDay},
		{"وقبل يومين، قال", "قبل يومين", "2021-01-30", "", day, rel, "", KindRelDay},
		{"منذ ثلاثة أيام", "منذ ثلاثة أيام", "2021-01-29", "", day, rel, "", KindRelDay},
		{"قبل 5 أيام", "قبل 5 أيام", "2021-01-27", "", day, rel, "", KindRelDay},
		{"قبل أيام قتل", "قبل أيام", "2021-01-25", "2021-01-31", week, rel, "", KindWeek},
		{"قبل أسبوع قتل", "قبل أسبوع", "2021-01-25", "2021-01-31", week, rel, "", KindWeek},
		{"خلال الأسبوع الماضي قتل", "خلال الأسبوع الماضي", "2021-01-25", "2021-01-31", week, rel, "", KindWeek},
		{"الأسبوع المنصرم", "الأسبوع المنصرم", "2021-01-25", "2021-01-31", week, rel, "", KindWeek},
		{"الشهر الماضي قتل", "الشهر الماضي", "2021-01-01", "2021-01-31", month, rel, "", KindMonth},
		{"الشهر الجاري قتل", "الشهر الجاري", "2021-02-01", "2021-02-28", month, rel, "", KindMonth},
		{"هذا الشهر قتل", "هذا الشهر", "2021-02-01", "2021-02-28", month, rel, "", KindMonth},
		{"مطلع الشهر قتل", "مطلع الشهر", "2021-02-01", "2021-02-28", month, rel, "", KindMonth},
		{"أوائل الشهر الماضي قتل", "أوائل الشهر الماضي", "2021-01-01", "2021-01-31", month, rel, "", KindMonth},
		{"منتصف الشهر الماضي قتل", "منتصف الشهر الماضي", "2021-01-01", "2021-01-31", month, rel, "", KindMonth},
		{"أواخر الشهر الماضي قتل", "أواخر الشهر الماضي", "2021-01-01", "2021-01-31", month, rel, "", KindMonth},
		{"قبل شهرين", "قبل شهرين", "2020-12-01", "2020-12-31", month, rel, "", KindMonth},
		{"العام الماضي قتل", "العام الماضي", "2020-01-01", "2020-12-31", year, rel, "", KindYear},
		{"نهاية العام الماضي قتل", "نهاية العام الماضي", "2020-01-01", "2020-12-31", year, rel, "", KindYear},
		{"العام الجاري", "العام الجاري", "2021-01-01", "2021-12-31", year, rel, "", KindYear},
		{"قبل عامين", "قبل عامين", "2019-01-01", "2019-12-31", year, rel, "", KindYear},
		{"غدا", "غدا", "2021-02-02", "", day, rel, "", KindRelDay},
		{"قتل يوم أمس 3", "يوم أمس", "2021-01-31", "", day, rel, "", KindRelDay},
		{"قبل 48 ساعة", "قبل 48 ساعة", "2021-01-30", "", day, rel, "", KindRelDay},
		{"خلال الـ24 ساعة الماضية", "خلال الـ24 ساعة الماضية", "", "", unk, none, "", KindVague},
		{"العام قبل الماضي", "العام قبل الماضي", "2019-01-01", "2019-12-31", year, rel, "", KindYear},
		{"أواخر يناير الماضي", "أواخر يناير الماضي", "2021-01-01", "2021-01-31", month, rel, "", KindMonth},
		{"منذ مطلع أغسطس/آب الماضي، وفقا", "منذ مطلع أغسطس/آب الماضي", "2020-08-01", "2020-08-31", month, rel, "", KindMonth},
		{"في 8 فبراير/شباط الجاري عندما", "8 فبراير/شباط الجاري", "2021-02-08", "", day, rel, "", KindDate},
		{"في الأول من أبريل 2018", "الأول من أبريل 2018", "2018-04-01", "", day, expl, "", KindDate},
		{"هجوم هذا الصباح", "هذا الصباح", "2021-02-01", "", day, rel, "morning", KindRelDay},
		{"منذ يوم الجمعة تتعرض", "منذ يوم الجمعة", "2021-01-29", "", day, rel, "", KindWeekday},
	})
}

func TestYearsAndMonths(t *testing.T) {
	runCases(t, newTagger(t), ref, []tcase{
		{"في عام 2017 قتل", "عام 2017", "2017-01-01", "2017-12-31", year, expl, "", KindYear},
		{"في 2014 احتل", "2014", "2014-01-01", "2014-12-31", year, expl, "", KindYear},
		{"وفي 1981 دمر", "1981", "1981-01-01", "1981-12-31", year, expl, "", KindYear},
		{"وفي نهاية 2017 أعلن", "نهاية 2017", "2017-01-01", "2017-12-31", year, expl, "", KindYear},
		{"منذ 2014 قتل", "منذ 2014", "2014-01-01", "2014-12-31", year, expl, "", KindYear},
		{"في صيف 2014 قتل", "صيف 2014", "2014-01-01", "2014-12-31", year, expl, "", KindYear},
		{"في مارس 2019 طردت", "مارس 2019", "2019-03-01", "2019-03-31", month, expl, "", KindMonth},
		{"في مارس من العام 2019 طردت", "مارس من العام 2019", "2019-03-01", "2019-03-31", month, expl, "", KindMonth},
		{"في ديسمبر/ كانون الأول قتل", "ديسمبر/ كانون الأول", "2020-12-01", "2020-12-31", month, rel, "", KindMonth},
		{"في شهر تموز قتل", "شهر تموز", "2020-07-01", "2020-07-31", month, rel, "", KindMonth},
		{"يناير الماضي", "يناير الماضي", "2021-01-01", "2021-01-31", month, rel, "", KindMonth},
		{"فبراير الماضي", "فبراير الماضي", "2020-02-01", "2020-02-29", month, rel, "", KindMonth},
		{"مارس المقبل", "مارس المقبل", "2021-03-01", "2021-03-31", month, rel, "", KindMonth},
		{"في 1442 هـ", "1442 هـ", "2020-08-20", "2021-08-09", year, expl, "", KindYear},
	})
	tg := newTagger(t)
	// Names and verbs that are also months need a context word.
	assert.Empty(t, tg.Find(arabic.New("مفاعل تموز النووي"), ref))
	assert.Empty(t, tg.Find(arabic.New("مارس الضغط على الحكومة"), ref))
	assert.Empty(t, tg.Find(arabic.New("افتتح باب 2019 للتسجيل"), ref))
	// A bare number is not a year.
	assert.Empty(t, tg.Find(arabic.New("تعقب 2014 حسابا"), ref))
	// اليوم التالي، لليوم الثاني count from another event.
	assert.Empty(t, tg.Find(arabic.New("وفي اليوم التالي قتل"), ref))
	assert.Empty(t, tg.Find(arabic.New("خرجت لليوم الثاني على التوالي"), ref))
	assert.Empty(t, tg.Find(arabic.New("في تلك الليلة قتل"), ref))
	assert.Empty(t, tg.Find(arabic.New("في نفس اليوم قتل"), ref))
	assert.Empty(t, tg.Find(arabic.New("أسوأ أزمات اللجوء في العصر الحديث"), ref))
	assert.Empty(t, tg.Find(arabic.New("أصيب برصاصة في الظهر"), ref))
	assert.Empty(t, tg.Find(arabic.New("عشية الانتخابات توالت"), ref))
	// الصباح is also a family name.
	assert.Empty(t, tg.Find(arabic.New("الشيخ صباح الخالد الحمد الصباح، خلال كلمته"), ref))
}

func TestPartOfDay(t *testing.T) {
	for _, c := range []struct{ in, part string }{
		{"فجر الخميس", "dawn"}, {"صباح الخميس", "morning"}, {"ظهر الخميس", "noon"},
		{"عصر الخميس", "afternoon"}, {"مساء الخميس", "evening"}, {"ليل الخميس", "night"},
		{"ليلة الخميس", "night"},
	} {
		runCases(t, newTagger(t), ref, []tcase{{c.in, c.in, "2021-01-28", "", day, rel, c.part, KindWeekday}})
	}
	runCases(t, newTagger(t), ref, []tcase{
		{"قصف صباحا على", "صباحا", "", "", unk, none, "morning", KindPartOfDay},
		{"قصف ليلا على", "ليلا", "", "", unk, none, "night", KindPartOfDay},
		{"قصف في المساء على", "المساء", "", "", unk, none, "evening", KindPartOfDay},
	})
	// صباح is also a name.
	assert.Empty(t, newTagger(t).Find(arabic.New("قال المتحدث صباح النعمان"), ref))
}

func TestNoPublication(t *testing.T) {
	tg := newTagger(t)
	for _, in := range []string{"أمس", "الخميس الماضي", "فجر اليوم", "قبل يومين", "الشهر الماضي", "22 فبراير", "يناير الماضي"} {
		got := tg.Find(arabic.New(in), "")
		require.Len(t, got, 1, in)
		d := got[0].Date
		assert.Equal(t, model.PrecisionUnknown, d.Precision, in)
		assert.Equal(t, model.BasisNone, d.Basis, in)
		assert.Empty(t, d.Start, in)
		assert.Equal(t, in, d.Text, in)
	}
	// Explicit dates need no publication date.
	got := tg.Find(arabic.New("27 يناير 2021"), "")
	require.Len(t, got, 1)
	assert.Equal(t, "2021-01-27", got[0].Date.Start)
}

func TestFlags(t *testing.T) {
	tg := newTagger(t)
	one := func(in string) Expr {
		got := tg.Find(arabic.New(in), ref)
		require.Len(t, got, 1, in)
		return got[0]
	}
	assert.True(t, one("خلال العام الماضي").During)
	assert.True(t, one("منذ 2014").Since)
	assert.True(t, one("الأحد المقبل").Future)
	assert.Equal(t, "late", one("أواخر يناير الماضي").Period)
	assert.Equal(t, "summer", one("صيف 2014").Period)
	assert.True(t, one("الأربعاء 28 يناير 2021").WeekdayMismatch)
	assert.False(t, one("الأربعاء 27 يناير 2021").WeekdayMismatch)
	assert.True(t, one("15 رمضان 1442 هـ").Hijri)
	assert.Equal(t, 2017, one("عام 2017").Year)
	old := one("عام 2017")
	assert.True(t, old.Historical(ref))
	age, ok := old.AgeDays(ref)
	assert.True(t, ok)
	assert.Equal(t, 1128, age)
	assert.False(t, one("أمس").Historical(ref))
	assert.False(t, one("أمس").Historical(""))
	assert.True(t, one("خلال العام الماضي").Aggregate())
	assert.False(t, one("أمس").Aggregate())
	assert.Equal(t, "2016-01-01", one("بين عامي 2016 و2017").Date.Start)
	assert.True(t, one("الإثنين 01/فبراير/2021 - 06:31 م").Dateline)
	assert.False(t, one("فجر الجمعة الماضية").Dateline)
	e := one("الشهر الماضي")
	assert.Equal(t, KindMonth, e.Kind)
	assert.Equal(t, model.PrecisionMonth, e.Grain)
}

func TestReporting(t *testing.T) {
	tg := newTagger(t)
	got := tg.Find(arabic.New("أفاد المرصد السوري لحقوق الإنسان، صباح الاثنين، بمقتل 38 في ضربة جوية ليل الأحد الاثنين. وقالت الأمم المتحدة الأحد إن"), ref)
	require.Len(t, got, 3)
	assert.True(t, got[0].Reporting, got[0].Date.Text)
	assert.False(t, got[1].Reporting, got[1].Date.Text)
	assert.True(t, got[2].Reporting, got[2].Date.Text)
	best, ok := Best(got, 0, 200, 60)
	require.True(t, ok)
	assert.Equal(t, "ليل الأحد الاثنين", best.Date.Text)
	// قال المرصد إن ... الأحد: the date after إن is the event's.
	got = tg.Find(arabic.New("قال المرصد إن 20 قتلوا الأحد"), ref)
	require.Len(t, got, 1)
	assert.False(t, got[0].Reporting)
	// Vague recent stretches.
	for _, in := range []string{"خلال الأسبوعين الماضيين", "في الأيام القليلة الماضية", "في الأيام الأخيرة", "خلال الساعات الـ24 الماضية"} {
		got = tg.Find(arabic.New(in), ref)
		require.Len(t, got, 1, in)
		assert.Equal(t, KindVague, got[0].Kind, in)
		assert.True(t, got[0].During, in)
	}
}

func TestPublished(t *testing.T) {
	tg := newTagger(t)
	for _, c := range []struct{ in, want string }{
		{"عنوان المقال\nالإثنين 01/فبراير/2021 - 06:31 م\nمصطفى كامل\nنص", "2021-02-01"},
		{"عنوان\n\nالثلاثاء 23/فبراير/2021 - 01:47 م\nطباعة", "2021-02-23"},
		{"عنوان\nنشر في: 12/4/2021\nنص", "2021-04-12"},
		{"عنوان\nقتل 3 في 27 يناير 2021 قرب كركوك\nنص", ""},
		{"لا تاريخ هنا", ""},
	} {
		got, ok := tg.Published(c.in)
		assert.Equal(t, c.want, got, c.in)
		assert.Equal(t, c.want != "", ok, c.in)
	}
}

// FindIndexed with a yes for every token finds what Find does: a yes in
// vain costs time, not an expression.
func TestFindIndexedTakesASuperset(t *testing.T) {
	tg := newTagger(t)
	n := 0
	tg.Words(func(string) { n++ })
	assert.Greater(t, n, 50)
	for _, text := range []string{
		"أفاد المرصد السوري لحقوق الإنسان، صباح الاثنين، بمقتل 38 في ضربة جوية ليل الأحد الاثنين. وقالت الأمم المتحدة الأحد إن",
		"قتل 3 مدنيين أمس و5 في 27 يناير 2021، وفي مطلع العام الماضي",
	} {
		tx := arabic.New(text)
		all := tg.FindIndexed(tx, "2021-02-03", func(int) bool { return true })
		require.NotEmpty(t, all, text)
		assert.Equal(t, tg.Find(tx, "2021-02-03"), all, text)
	}
}

// The tokens lex lists as starts are exactly those startable says an
// expression may start at: FindIndexed tries no others.
func TestStartsAreTheStartableTokens(t *testing.T) {
	tg := newTagger(t)
	for _, text := range []string{
		"قتل 3 مدنيين أمس و5 في 27 يناير 2021، وفي مطلع العام الماضي يوم الخميس ال 12",
		"وقالت الأمم المتحدة الأحد إن ويوم بيوم بال وال لل. 2020/1/5 باب",
	} {
		tx := arabic.New(text)
		d := tg.lex(tx, func(i int) bool { return tg.starts.Token(tx, i) != 0 })
		var want []int32
		for i := range tx.Tokens {
			if d.startable(i) {
				want = append(want, int32(i))
			}
		}
		assert.Equal(t, want, d.starts, text)
	}
}
