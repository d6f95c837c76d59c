package gazetteer

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/rules"
)

// sharedDir holds the GeoNames dump and corpus (/work/shared next to the
// repository); tests read it at run time and skip without it.
const sharedDir = "../../../shared"

func needShared(t testing.TB, sub string) string {
	t.Helper()
	p := filepath.Join(sharedDir, sub)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: needs %s next to the repository (%v)", p, err)
	}
	return p
}

func defaultFinder(t testing.TB) *Finder {
	t.Helper()
	g, err := Default()
	require.NoError(t, err)
	f, err := NewFinder(g, rules.Default())
	require.NoError(t, err)
	return f
}

// find returns the mentions of text, checking each span against the text.
func find(t *testing.T, f *Finder, text string) []Mention {
	t.Helper()
	ms := f.Find(arabic.New(text))
	runes := []rune(text)
	for _, m := range ms {
		require.Equal(t, string(runes[m.Span[0]:m.Span[1]]), m.Text, "span of %v", m)
		require.GreaterOrEqual(t, m.Precision, 1)
		require.LessOrEqual(t, m.Precision, 3)
	}
	return ms
}

func TestDefaultGazetteer(t *testing.T) {
	g, err := Default()
	require.NoError(t, err)
	assert.Greater(t, g.Len(), 400)
	counts := map[string]int{}
	for _, p := range g.Places() {
		counts[p.Country+" "+p.Feature]++
		if !inArea(p.Country) {
			continue // TestDefaultRegion
		}
		// Iraq and Syria lie within 29–38°N, 35–49°E.
		require.True(t, p.Lat > 29 && p.Lat < 38 && p.Lon > 35 && p.Lon < 49, "%s at %v,%v", p.ID, p.Lat, p.Lon)
		if p.Feature != "country" && !(p.Feature == "region" && len(p.Parents) == 1) {
			require.NotEmpty(t, p.Admin1, "%s has no governorate", p.ID)
		}
		if p.Feature != "country" && p.Feature != "governorate" {
			require.NotEmpty(t, p.Parents, p.ID)
		}
		mp := p.Model()
		require.Equal(t, p.ID, mp.ID)
	}
	assert.Equal(t, 19, counts["IQ governorate"], "18 governorates and Halabja")
	assert.Equal(t, 14, counts["SY governorate"])
	assert.GreaterOrEqual(t, counts["IQ district"], 100)
	assert.GreaterOrEqual(t, counts["SY district"], 60)
}

func TestParseCuratedErrors(t *testing.T) {
	src := "iq | country | - | 33, 44 | Iraq | العراق\n" +
		"x | planet | iq | 33, 44 | X | س\n" +
		"y | city | iq | 133, 44 | Y | ص\n" +
		"z | city | nowhere | 33, 44 | Z | ع\n" +
		"Syria | country | - | 35, 38 | Syria | سوريا\n"
	_, _, err := parseCurated(source{"places.txt", src})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `places.txt:2: unknown feature "planet"`)
	assert.Contains(t, err.Error(), `places.txt:3: bad coordinates`)
	assert.Contains(t, err.Error(), `unknown parent "nowhere"`)
	assert.Contains(t, err.Error(), `places.txt:5: a country's id is its ISO code in lower case, not "Syria"`)
}

// TestSeedPlaces: every place of the seed articles resolves with the
// embedded list alone, to the right governorate and coordinates.
func TestSeedPlaces(t *testing.T) {
	f := defaultFinder(t)
	cases := []struct {
		text, mention, name, admin1 string
		lat, lon                    float64
	}{
		{"عقب مرور أيام على تفجيري ساحة الطيران في العاصمة بغداد", "ساحة الطيران", "Tayaran Square", "Baghdad", 33.33, 44.42},
		{"عقب مرور أيام على تفجيري ساحة الطيران في العاصمة بغداد", "العاصمة بغداد", "Baghdad", "Baghdad", 33.32, 44.37},
		{"9 عمليات أمنية في كركوك وصلاح الدين والأنبار", "كركوك", "Kirkuk", "Kirkuk", 35.47, 44.39},
		{"9 عمليات أمنية في كركوك وصلاح الدين والأنبار", "صلاح الدين", "Salah al-Din", "Salah al-Din", 34.5, 43.6},
		{"9 عمليات أمنية في كركوك وصلاح الدين والأنبار", "الأنبار", "Al-Anbar", "Al-Anbar", 33.0, 42.0},
		{"تمكن قسم شرطة الحويجة التابع لشرطة محافظة كركوك", "الحويجة", "Hawija", "Kirkuk", 35.32, 43.77},
		{"ضربات جوية في وادي الشاي ضمن قاطع المقر المتقدم - كركوك", "وادي الشاي", "Wadi al-Shay", "Kirkuk", 35.1, 44.1},
		{"ضد مواقع تنظيم «داعش» في جبال قره جوغ بالموصل شمالي العراق", "جبال قره جوغ", "Qara Chogh", "Erbil", 35.85, 43.55},
		{"ضد مواقع تنظيم «داعش» في جبال قره جوغ بالموصل شمالي العراق", "الموصل", "Mosul", "Nineveh", 36.34, 43.13},
		{"مع مكتب جهاز المخابرات في أربيل", "أربيل", "Erbil", "Erbil", 36.19, 44.01},
		{"في مناطق مختلفة من محافظة نينوى", "محافظة نينوى", "Nineveh", "Nineveh", 36.0, 42.5},
		{"وبالذات في جزيرة كنعوص (جنوب الموصل)", "جزيرة كنعوص", "Kanous island", "Nineveh", 35.92, 43.28},
		{"وشهدت محافظة ديالى شرقي العراق هجوما", "محافظة ديالى", "Diyala", "Diyala", 33.9, 45.0},
		{"على مقر للجيش العراقي غربي ناحية العظيم", "غربي ناحية العظيم", "Al-Azim", "Diyala", 34.37, 44.52},
		{"تفجير سيارة مفخخة في سجن غويران بالحسكة", "سجن غويران", "Ghwayran prison", "Al-Hasakah", 36.48, 40.74},
		{"تفجير سيارة مفخخة في سجن غويران بالحسكة", "الحسكة", "Al-Hasakah", "Al-Hasakah", 36.5, 40.75},
		{"أمير قاطع داقوق في ولاية كركوك", "داقوق", "Daquq", "Kirkuk", 35.14, 44.45},
		{"مستغلًا البادية السورية", "البادية السورية", "Syrian Desert", "", 34.5, 38.5},
		{"المناطق الحدودية بصحراء الأنبار", "صحراء الأنبار", "Anbar Desert", "Al-Anbar", 33.0, 41.5},
	}
	for _, c := range cases {
		t.Run(c.mention, func(t *testing.T) {
			var got *Mention
			for _, m := range find(t, f, c.text) {
				if m.Text == c.mention {
					got = &m
				}
			}
			require.NotNil(t, got, "no mention %q in %q", c.mention, c.text)
			require.NotNil(t, got.Place)
			assert.Equal(t, c.name, got.Place.Name)
			assert.Equal(t, c.admin1, got.Place.Admin1)
			assert.InDelta(t, c.lat, got.Place.Lat, 0.15)
			assert.InDelta(t, c.lon, got.Place.Lon, 0.15)
		})
	}
}

// TestSeedFiles runs the finder over the real seed articles: each place
// the seeds' gold names is found resolved somewhere in its article.
func TestSeedFiles(t *testing.T) {
	dir := needShared(t, "corpus/seeds")
	f := defaultFinder(t)
	want := map[string][]string{
		"000_1297feaef265f0cb": {"Tayaran Square", "Baghdad", "Kirkuk", "Salah al-Din", "Al-Anbar", "Hawija", "Wadi al-Shay"},
		"001_370109dc803e71f9": {"Mosul", "Qara Chogh", "Anbar Desert"},
		"002_943838d86b42a674": {"Wadi al-Shay", "Kirkuk", "Erbil", "Daquq", "Salah al-Din"},
		"003_b3b37ec40fbd454d": {"Nineveh", "Kanous island", "Mosul", "Diyala"},
		"004_38057b0e451fbfbe": {"Diyala", "Al-Azim", "Ghwayran prison", "Al-Hasakah"},
	}
	for doc, names := range want {
		raw, err := os.ReadFile(filepath.Join(dir, doc+".txt"))
		require.NoError(t, err)
		found := map[string]bool{}
		for _, m := range find(t, f, string(raw)) {
			if m.Place != nil {
				found[m.Place.Name] = true
			}
		}
		for _, n := range names {
			assert.True(t, found[n], "%s: %s not found", doc, n)
		}
	}
}

func TestClitics(t *testing.T) {
	f := defaultFinder(t)
	cases := []struct{ text, mention, name string }{
		{"انفجار بالحسكة", "الحسكة", "Al-Hasakah"},
		{"في بغداد وكركوك", "كركوك", "Kirkuk"},
		{"وصل لمحافظة ديالى", "محافظة ديالى", "Diyala"},
		{"طريق للموصل", "للموصل", "Mosul"},
		{"فالرمادي مدينة", "الرمادي", "Ramadi"},
		{"كتكريت", "تكريت", "Tikrit"},
		{"وبالفلوجة", "الفلوجة", "Fallujah"},
	}
	for _, c := range cases {
		ms := find(t, f, c.text)
		var got []string
		for _, m := range ms {
			if m.Place != nil {
				got = append(got, m.Text+"="+m.Place.Name)
			}
		}
		assert.Contains(t, got, c.mention+"="+c.name, c.text)
	}
}

func TestVariants(t *testing.T) {
	g, err := Default()
	require.NoError(t, err)
	for _, pair := range [][2]string{
		{"ديالي", "Diyala"}, {"ديالى", "Diyala"},
		{"الحسكة", "Al-Hasakah"}, {"حسكة", "Al-Hasakah"}, {"الحسكه", "Al-Hasakah"},
		{"نينوي", "Nineveh"}, {"نينوى", "Nineveh"},
		{"اربيل", "Erbil"}, {"إربيل", "Erbil"}, {"أربيل", "Erbil"},
		{"سامراء", "Samarra"}, {"سامرا", "Samarra"},
		{"قرة جوغ", "Qara Chogh"}, {"قره جوغ", "Qara Chogh"},
		{"بالحسكة", "Al-Hasakah"},
		{"Kirkuk", "Kirkuk"}, {"mosul", "Mosul"},
	} {
		ps := g.Lookup(pair[0])
		require.NotEmpty(t, ps, pair[0])
		assert.Equal(t, pair[1], ps[0].Name, pair[0])
	}
	assert.Empty(t, g.Lookup("أتلانتس"))
}

func TestRelations(t *testing.T) {
	f := defaultFinder(t)
	cases := []struct {
		text, mention string
		rel           model.Relation
		prec          int
		name          string
	}{
		{"هجوم غربي ناحية العظيم", "غربي ناحية العظيم", model.WestOf, 2, "Al-Azim"},
		{"قوات تلاحق داعش جنوب الموصل", "جنوب الموصل", model.SouthOf, 2, "Mosul"},
		{"انفجار شمال بغداد", "شمال بغداد", model.NorthOf, 2, "Baghdad"},
		{"اشتباك شرق تكريت", "شرق تكريت", model.EastOf, 2, "Tikrit"},
		{"هجوم بالقرب من سامراء", "بالقرب من سامراء", model.Near, 2, "Samarra"},
		{"قصف على أطراف الفلوجة", "أطراف الفلوجة", model.Near, 2, "Fallujah"},
		{"عملية قرب بيجي", "قرب بيجي", model.Near, 2, "Baiji"},
		{"هجوم جنوبي محافظة كركوك", "جنوبي محافظة كركوك", model.SouthOf, 3, "Kirkuk"},
		{"انفجار في تكريت", "تكريت", model.In, 1, "Tikrit"},
		{"اشتباكات في محافظة الأنبار", "محافظة الأنبار", model.In, 3, "Al-Anbar"},
		{"مداهمة في قضاء الحويجة", "قضاء الحويجة", model.In, 2, "Hawija"},
	}
	for _, c := range cases {
		ms := find(t, f, c.text)
		require.NotEmpty(t, ms, c.text)
		m := ms[len(ms)-1]
		assert.Equal(t, c.mention, m.Text, c.text)
		assert.Equal(t, c.rel, m.Relation, c.text)
		assert.Equal(t, c.prec, m.Precision, c.text)
		require.NotNil(t, m.Place, c.text)
		assert.Equal(t, c.name, m.Place.Name, c.text)
	}
}

func TestBetweenVillages(t *testing.T) {
	f := defaultFinder(t)
	ms := find(t, f, "هجوما على مقر للجيش بين قرى الطالعة وأم الكرامي غربي ناحية العظيم")
	require.Len(t, ms, 3)
	assert.Equal(t, "بين قرى الطالعة", ms[0].Text)
	assert.Equal(t, "الطالعة", ms[0].Name)
	assert.Equal(t, model.Between, ms[0].Relation)
	assert.Nil(t, ms[0].Place, "the villages are not in the embedded list")
	assert.Equal(t, "أم الكرامي", ms[1].Text)
	assert.Equal(t, model.Between, ms[1].Relation)
	assert.Equal(t, "غربي ناحية العظيم", ms[2].Text)
	assert.Equal(t, "Al-Azim", ms[2].Place.Name)
}

func TestLists(t *testing.T) {
	f := defaultFinder(t)
	ms := find(t, f, "قصف على قرى طربا والكسيب والغيضة في ريف السويداء")
	var names []string
	for _, m := range ms {
		names = append(names, m.Name)
	}
	assert.Equal(t, []string{"طربا", "الكسيب", "الغيضة", "السويداء"}, names)
	// A singular cue does not start a list: "وسط" is not و + "سط".
	ms = find(t, f, "في محافظة حمص وسط سوريا")
	for _, m := range ms {
		assert.NotEqual(t, "سط", m.Name)
	}
}

// Disambiguation rule 1: the feature word.
func TestDisambiguateByFeatureWord(t *testing.T) {
	f := defaultFinder(t)
	cases := map[string]string{
		"محافظة كركوك": "governorate",
		"مدينة كركوك":  "city",
		"كركوك":        "city",
		"قضاء كركوك":   "district",
		"قضاء الحويجة": "district",
		"الحويجة":      "town",
		"ولاية كركوك":  "governorate",
	}
	for text, feature := range cases {
		ms := find(t, f, "في "+text)
		require.Len(t, ms, 1, text)
		require.NotNil(t, ms[0].Place, text)
		assert.Equal(t, feature, ms[0].Place.Feature, text)
	}
}

// testGazetteer: a small gazetteer of GeoNames-like (uncurated) places
// that share names, to test each context rule alone.
func testGazetteer(t *testing.T) *Finder {
	t.Helper()
	ps := []*Place{
		{ID: "t:iq", Name: "Iraq", NameAr: "العراق", Feature: "country", Country: "IQ", Curated: true},
		{ID: "t:sy", Name: "Syria", NameAr: "سوريا", Feature: "country", Country: "SY", Curated: true},
		{ID: "t:kirkuk", Name: "Kirkuk", NameAr: "كركوك", Feature: "governorate", Country: "IQ", Admin1: "Kirkuk", Curated: true},
		{ID: "t:anbar", Name: "Al-Anbar", NameAr: "الأنبار", Feature: "governorate", Country: "IQ", Admin1: "Al-Anbar", Curated: true},
		{ID: "t:nineveh", Name: "Nineveh", NameAr: "نينوى", Feature: "governorate", Country: "IQ", Admin1: "Nineveh", Curated: true},
		{ID: "t:hawija-k", Name: "Hawija K", NameAr: "الحويجة", Feature: "village", Country: "IQ", Admin1: "Kirkuk", Population: 100},
		{ID: "t:hawija-a", Name: "Hawija A", NameAr: "الحويجة", Feature: "village", Country: "IQ", Admin1: "Al-Anbar", Population: 5000},
		{ID: "t:tell-iq", Name: "Tell IQ", NameAr: "تل الذهب", Feature: "village", Country: "IQ", Admin1: "Nineveh", Population: 10},
		{ID: "t:tell-sy", Name: "Tell SY", NameAr: "تل الذهب", Feature: "village", Country: "SY", Admin1: "Aleppo", Population: 2000},
		{ID: "t:nasr", Name: "An Nasr", NameAr: "النصر", Feature: "village", Country: "IQ", Admin1: "Diyala"},
		{ID: "t:salam", Name: "As Salam", NameAr: "السلام", Feature: "village", Country: "SY", Admin1: "Idlib", Population: 300},
	}
	f, err := NewFinder(New(ps), rules.Default())
	require.NoError(t, err)
	return f
}

func resolved(ms []Mention, name string) *Place {
	for _, m := range ms {
		if m.Name == name {
			return m.Place
		}
	}
	return nil
}

// Disambiguation rule 2: administrative units named elsewhere.
func TestDisambiguateByAdminContext(t *testing.T) {
	f := testGazetteer(t)
	ms := f.Find(arabic.New("عمليات في كركوك، واعتقال مطلوبين في قرية الحويجة"))
	require.NotNil(t, resolved(ms, "الحويجة"))
	assert.Equal(t, "t:hawija-k", resolved(ms, "الحويجة").ID)
	ms = f.Find(arabic.New("عمليات في الأنبار، واعتقال مطلوبين في قرية الحويجة"))
	assert.Equal(t, "t:hawija-a", resolved(ms, "الحويجة").ID)
}

// Disambiguation rule 2b: the unit a place is said to lie in ("X في
// محافظة Y") outweighs everything; a name with no candidate there is a
// place the gazetteer lacks.
func TestDisambiguateByContainer(t *testing.T) {
	f := testGazetteer(t)
	ms := f.Find(arabic.New("قصف قرية تل الذهب في محافظة نينوى"))
	require.NotNil(t, resolved(ms, "تل الذهب"))
	assert.Equal(t, "t:tell-iq", resolved(ms, "تل الذهب").ID)
	ms = f.Find(arabic.New("قصف قرية الحويجة، نينوى"))
	require.Len(t, ms, 2)
	assert.Nil(t, ms[0].Place, "no الحويجة in Nineveh")
}

// Disambiguation rule 3: the country the article is about.
func TestDisambiguateByCountry(t *testing.T) {
	f := testGazetteer(t)
	ms := f.Find(arabic.New("قالت القوات العراقية إنها داهمت تل الذهب في العراق"))
	assert.Equal(t, "t:tell-iq", resolved(ms, "تل الذهب").ID)
	ms = f.Find(arabic.New("قالت مصادر سورية إن القصف طال تل الذهب شمال سوريا"))
	assert.Equal(t, "t:tell-sy", resolved(ms, "تل الذهب").ID)
}

// Disambiguation rule 4: population, when nothing else tells.
func TestDisambiguateByPopulation(t *testing.T) {
	f := testGazetteer(t)
	ms := f.Find(arabic.New("قصف تل الذهب"))
	assert.Equal(t, "t:tell-sy", resolved(ms, "تل الذهب").ID)
	ms = f.Find(arabic.New("هجوم على قرية الحويجة"))
	assert.Equal(t, "t:hawija-a", resolved(ms, "الحويجة").ID)
}

// Common words that are also village names fire only with a place cue.
func TestCueNames(t *testing.T) {
	f := testGazetteer(t)
	assert.Empty(t, f.Find(arabic.New("أعلنوا النصر على الإرهاب من أجل السلام")))
	ms := f.Find(arabic.New("هاجم مسلحون قرية النصر وبلدة السلام"))
	require.Len(t, ms, 2)
	assert.Equal(t, "t:nasr", ms[0].Place.ID)
	assert.Equal(t, "قرية النصر", arabic.New("هاجم مسلحون قرية النصر وبلدة السلام").Slice(ms[0].Span[0], ms[0].Span[1]))
	assert.Equal(t, "t:salam", ms[1].Place.ID)

	d := defaultFinder(t)
	// بلد (Balad) vs البلد (the country), العظيم (great) vs ناحية العظيم.
	for _, text := range []string{"الأوضاع في البلد", "الشعب العظيم", "القائم بالأعمال الأمريكي", "وفق الدستور"} {
		for _, m := range d.Find(arabic.New(text)) {
			assert.Nil(t, m.Place, "%q: %v", text, m)
		}
	}
	ms = d.Find(arabic.New("هجوم في قضاء بلد"))
	require.Len(t, ms, 1)
	assert.Equal(t, "Balad", ms[0].Place.Name)
}

func TestNotPlaces(t *testing.T) {
	f := defaultFinder(t)
	for _, text := range []string{
		"قوات سوريا الديمقراطية", "حلف شمال الأطلسي", "الحدود السورية", "الساحة السورية",
		"ورقة الذئاب المنفردة", "المحافظة على الأمن", "تنظيم الدولة الإسلامية في العراق والشام",
		"قال لبي بي سي", "منطقة زراعية", "مناطق مختلفة", "بلدات وقرى",
		"مجلس الدوما الروسي", "قال الكاتب البصري", "تغيير السلوك", "في ميادين القتال", "سيارة الهجين",
	} {
		for _, m := range f.Find(arabic.New(text)) {
			assert.Nil(t, m.Place, "%q: %v", text, m)
			assert.False(t, m.Text == text && m.Foreign == "", "%q read as unresolved %v", text, m)
		}
	}
}

// A well-known name abroad the gazetteer lacks is still reported as
// foreign, with its country and no place.
func TestForeign(t *testing.T) {
	g, err := Default()
	require.NoError(t, err)
	var ps []*Place
	for _, p := range g.Places() {
		if p.Country != "YE" {
			ps = append(ps, p)
		}
	}
	f, err := NewFinder(New(ps), rules.Default())
	require.NoError(t, err)
	ms := f.Find(arabic.New("غارات على مدينة الحديدة"))
	require.Len(t, ms, 1)
	assert.Nil(t, ms[0].Place)
	assert.Equal(t, "YE", ms[0].Foreign)
}

func TestUnresolvedAfterFeatureWord(t *testing.T) {
	f := defaultFinder(t)
	ms := f.Find(arabic.New("هجوم على قرية برميزة في ريف إدلب"))
	require.Len(t, ms, 2)
	assert.Equal(t, "قرية برميزة", ms[0].Text)
	assert.Nil(t, ms[0].Place)
	assert.Equal(t, 1, ms[0].Precision)
	assert.Equal(t, "قريه", ms[0].Feature)
}

func TestFinderConcurrent(t *testing.T) {
	f := defaultFinder(t)
	text := "تفجير في سجن غويران بالحسكة وهجوم غربي ناحية العظيم في ديالى"
	want := f.Find(arabic.New(text))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				assert.Equal(t, want, f.Find(arabic.New(text)))
			}
		}()
	}
	wg.Wait()
}

func TestNewFinderRuleErrors(t *testing.T) {
	g, err := Default()
	require.NoError(t, err)
	fsys := mapFS(map[string]string{"ar/places.txt": "[feature]\nplanet | كوكب\n[relation]\nabove | فوق\n"})
	_, err = NewFinder(g, fsys)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "rules/ar/places.txt:2: unknown feature \"planet\"")
	assert.Contains(t, err.Error(), "rules/ar/places.txt:4: unknown relation \"above\"")
}

func TestLoadGeoNames(t *testing.T) {
	dir := needShared(t, "gazetteer")
	g, st, err := Load(dir)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, g.Len(), 30000)
	assert.Equal(t, g.Len(), st.Places)
	assert.Zero(t, st.Skipped)
	assert.Greater(t, st.Merged, 100)
	// The curated entry keeps its names and feature and gains the id.
	k := g.Lookup("كركوك")
	require.NotEmpty(t, k)
	assert.Equal(t, "geonames:94787", k[0].ID)
	assert.Equal(t, "city", k[0].Feature)
	assert.Equal(t, "Kirkuk", k[0].Admin1)
	// Governorates join through their GeoNames admin1 code.
	lat := g.Lookup("اللاذقية")
	require.NotEmpty(t, lat)
	for _, p := range g.Places() {
		if p.Feature == "governorate" && p.Country == "SY" {
			assert.True(t, p.Curated, "uncurated governorate %s", p.Name)
		}
	}
	// GeoNames adds the villages, inside our governorates.
	f, err := NewFinder(g, rules.Default())
	require.NoError(t, err)
	ms := f.Find(arabic.New("قصف على بلدة زملكا وعين ترما وحوش الضواهرة في الغوطة الشرقية"))
	var admins []string
	for _, m := range ms {
		require.NotNil(t, m.Place, m.Text)
		admins = append(admins, m.Place.Admin1)
	}
	assert.Equal(t, []string{"Rif Dimashq", "Rif Dimashq", "Rif Dimashq", "Rif Dimashq"}, admins)
	// Seeds still resolve the same with the full gazetteer.
	ms = f.Find(arabic.New("بين قرى الطالعة وأم الكرامي غربي ناحية العظيم"))
	require.Len(t, ms, 3)
	assert.Equal(t, "Al-Azim", ms[2].Place.Name)
}

func TestLoadMalformedRows(t *testing.T) {
	dir := t.TempDir()
	good := "98182\tBaghdad\tBaghdad\tبغداد\t33.34058\t44.40088\tP\tPPLC\tIQ\t\t07\t\t\t\t7216000\t\t44\tAsia/Baghdad\t2019-08-25\n"
	rows := good +
		"99999\tX\tX\t\tabc\t44.4\tP\tPPL\tIQ\t\t07\t\t\t\t0\t\t\tAsia/Baghdad\t2019-08-25\n" +
		"99998\tY\tY\t\t33.3\t444.4\tP\tPPL\tIQ\t\t07\t\t\t\t0\t\t\tAsia/Baghdad\t2019-08-25\n" +
		"too\tfew\tfields\n" +
		"99997\tقرية\tQarya\tقرية الاختبار\t33.3\t44.4\tP\tPPL\tIQ\t\t07\t\t\t\t12\t\t\tAsia/Baghdad\t2019-08-25\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "IQ.txt"), []byte(rows), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "admin1CodesASCII.txt"), []byte("IQ.07\tBaghdad\tBaghdad\t98180\nbroken\n"), 0o644))
	g, st, err := Load(dir)
	require.NoError(t, err)
	assert.Equal(t, 4, st.Skipped)
	var msgs []string
	for _, e := range st.Errors {
		msgs = append(msgs, e.Error())
	}
	assert.Equal(t, []string{
		"admin1CodesASCII.txt:2: want code, name, ascii name, geonameid",
		"IQ.txt:2: bad latitude",
		"IQ.txt:3: bad longitude",
		"IQ.txt:4: want 19 tab-separated fields, got 3",
	}, msgs)
	assert.Equal(t, 1, st.Merged, "Baghdad merges into the curated city")
	assert.Equal(t, 1, st.Added)
	ps := g.Lookup("قرية الاختبار")
	require.Len(t, ps, 1)
	assert.Equal(t, "Baghdad", ps[0].Admin1)
	assert.Equal(t, "geonames:99997", ps[0].ID)
	assert.Equal(t, "geonames:98182", g.Lookup("بغداد")[0].ID)

	_, _, err = Load(t.TempDir())
	assert.Error(t, err, "a directory without the dump files")
}

func TestCompileRoundTrip(t *testing.T) {
	g, err := Default()
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, g.Compile(&buf))
	path := filepath.Join(t.TempDir(), "gaz.bin")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	g2, st, err := Load(path)
	require.NoError(t, err)
	assert.Equal(t, g.Len(), g2.Len())
	assert.Equal(t, g.Len(), st.Places)
	assert.Equal(t, g.Lookup("الحويجة")[0].ID, g2.Lookup("الحويجة")[0].ID)
	f1, err := NewFinder(g, rules.Default())
	require.NoError(t, err)
	f2, err := NewFinder(g2, rules.Default())
	require.NoError(t, err)
	tx := arabic.New("بين قرى الطالعة وأم الكرامي غربي ناحية العظيم، وسجن غويران بالحسكة، ومحافظة كركوك والحويجة")
	ids := func(ms []Mention) []string {
		var out []string
		for _, m := range ms {
			id := "-"
			if m.Place != nil {
				id = m.Place.ID
			}
			out = append(out, m.Text+"="+id)
		}
		return out
	}
	assert.Equal(t, ids(f1.Find(tx)), ids(f2.Find(tx)))
	require.NoError(t, os.WriteFile(path, []byte("junk"), 0o644))
	_, _, err = Load(path)
	assert.Error(t, err)
}

// FindIndexed with marks that say yes to every token finds what Find
// does: a mark in vain costs time, not a mention.
func TestFindIndexedTakesASuperset(t *testing.T) {
	f := defaultFinder(t)
	var words, countries int
	f.Words(func(w string, mention, country bool) {
		if mention {
			words++
		}
		if country {
			countries++
		}
	})
	assert.Greater(t, words, 1000)
	assert.Greater(t, countries, 10)
	for _, text := range []string{
		"قصف على بلدة زملكا وعين ترما وحوش الضواهرة في الغوطة الشرقية",
		"بين قرى الطالعة وأم الكرامي غربي ناحية العظيم، وسجن غويران بالحسكة، ومحافظة كركوك والحويجة",
		"قالت مصادر سورية إن القصف طال تل الذهب شمال سوريا، وفي العراق",
	} {
		tx := arabic.New(text)
		all := f.FindIndexed(tx, func(int) (bool, bool) { return true, true })
		require.NotEmpty(t, all, text)
		assert.Equal(t, f.Find(tx), all, text)
	}
}
