package gazetteer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/rules"
)

// mention returns the mention of f in text whose text is want, or fails.
func mention(t *testing.T, f *Finder, text, want string) Mention {
	t.Helper()
	var got []string
	for _, m := range find(t, f, text) {
		if m.Text == want {
			return m
		}
		got = append(got, m.String())
	}
	require.Failf(t, "no mention", "%q in %q; got %v", want, text, got)
	return Mention{}
}

// The embedded default knows the countries of the region, each with its
// first-level units and its capital, and the other countries the news
// names.
func TestDefaultRegion(t *testing.T) {
	g, err := Default()
	require.NoError(t, err)
	countries := map[string]bool{}
	units := map[string]int{}
	for _, p := range g.Places() {
		require.Len(t, p.Country, 2, p.ID)
		switch p.Feature {
		case "country":
			countries[p.Country] = true
		case "governorate":
			units[p.Country]++
		}
	}
	for _, cc := range []string{"JO", "LB", "PS", "IL", "TR", "IR", "SA", "YE", "EG", "LY", "KW",
		"BH", "QA", "AE", "OM", "TN", "DZ", "MA", "SD", "AF", "US", "RU", "GB", "FR", "DE"} {
		assert.True(t, countries[cc], "no country %s", cc)
	}
	assert.Equal(t, 22, units["YE"], "Yemen's governorates")
	assert.Equal(t, 81, units["TR"], "Turkey's provinces")
}

// A capital abroad resolves to its place, with country, governorate and
// coordinates, and the mention says it is abroad.
func TestForeignCapital(t *testing.T) {
	f := defaultFinder(t)
	m := mention(t, f, "قتل ثلاثة أشخاص في انفجار في بيروت", "بيروت")
	require.NotNil(t, m.Place)
	assert.Equal(t, "geonames:276781", m.Place.ID)
	assert.Equal(t, "LB", m.Place.Country)
	assert.Equal(t, "Beirut", m.Place.Admin1)
	assert.Equal(t, "city", m.Place.Feature)
	assert.InDelta(t, 33.89, m.Place.Lat, 0.05)
	assert.InDelta(t, 35.50, m.Place.Lon, 0.05)
	assert.Equal(t, "LB", m.Foreign)
	assert.Equal(t, "LB", m.Place.Model().Country)

	m = mention(t, f, "وصل الوفد إلى أنقرة مساء أمس", "أنقرة")
	require.NotNil(t, m.Place)
	assert.Equal(t, "TR", m.Place.Country)
	m = mention(t, f, "غارات على مدينة الحديدة في اليمن", "مدينة الحديدة")
	require.NotNil(t, m.Place)
	assert.Equal(t, "YE", m.Place.Country)
	assert.Equal(t, "Al Hudaydah", m.Place.Admin1)
	assert.Contains(t, m.Place.Parents, "geonames:69543", "inside Yemen")
}

// A country or capital abroad that the text does not put anything in is
// the state speaking or acting: not a place (a well-known one stays a
// foreign mention without a place, as before).
func TestAbroadNeedsLocativeContext(t *testing.T) {
	f := defaultFinder(t)
	for _, m := range find(t, f, "تركيا تقصف مواقع الوحدات الكردية") {
		assert.Nil(t, m.Place, m.String())
	}
	m := mention(t, f, "قتل جنديان في تركيا", "تركيا")
	require.NotNil(t, m.Place)
	assert.Equal(t, "TR", m.Place.Country)
	m = mention(t, f, "وقالت أنقرة إنها سترد", "أنقرة")
	assert.Nil(t, m.Place)
	assert.Equal(t, "TR", m.Foreign)
	m = mention(t, f, "اشتباكات شمال تركيا", "شمال تركيا")
	require.NotNil(t, m.Place)
	assert.Equal(t, "TR", m.Place.Country)
}

// City names abroad that are ordinary words fire only after a feature word,
// as the ambiguous names of Iraq and Syria do.
func TestAmbiguousForeignNameNeedsCue(t *testing.T) {
	f := defaultFinder(t)
	for _, text := range []string{
		"ونشرت الوزارة صور الأقمار الصناعية للموقع", // صور: Tyre
		"وأكد بأنه لن يتراجع",                       // بأنه: Baneh
		"يحدوهم الأمل في السلام",                    // أمل: Amol
		"قال بشار الأسد",                            // بشار: Béchar
		"في إطار الاتفاق",                           // إطار: a wrong name of Tyre, dropped
		"في العاصمة",                                // العاصمة: a wrong name of Amman governorate, dropped
	} {
		for _, m := range find(t, f, text) {
			assert.Nil(t, m.Place, "%q: %v", text, m)
		}
	}
	m := mention(t, f, "قصف إسرائيلي على مدينة صور في جنوب لبنان", "مدينة صور")
	require.NotNil(t, m.Place)
	assert.Equal(t, "Tyre", m.Place.Name)
}

// A name shared by a place of Iraq or Syria and a place abroad is the
// local one unless the text says otherwise.
func TestAreaFirst(t *testing.T) {
	f := defaultFinder(t)
	m := mention(t, f, "انفجار في محافظة بابل", "محافظة بابل")
	require.NotNil(t, m.Place)
	assert.Equal(t, "IQ", m.Place.Country, "Babil, not Babol")
	assert.Empty(t, m.Foreign)
	m = mention(t, f, "اشتباكات في القنيطرة جنوب سوريا", "القنيطرة")
	require.NotNil(t, m.Place)
	assert.Equal(t, "SY", m.Place.Country)
	// An article about Morocco that names no Syrian place: Kenitra.
	m = mention(t, f, "انقلب قطار في المغرب بين مدينتي الرباط والقنيطرة", "القنيطرة")
	require.NotNil(t, m.Place)
	assert.Equal(t, "MA", m.Place.Country)
	// A Syrian village the gazetteer lacks is not the Libyan town of that
	// name: after a feature word, a place abroad needs its country named.
	m = mention(t, f, "قصف على بلدة المرج في الغوطة الشرقية", "بلدة المرج")
	assert.Nil(t, m.Place)
	assert.Empty(t, m.Foreign)
}

// Load reads every country table of the dump and of its region/ folder:
// places abroad join the embedded units and countries by their codes.
func TestLoadRegionDumps(t *testing.T) {
	g, st, err := Load("testdata/dump")
	require.NoError(t, err)
	var msgs []string
	for _, e := range st.Errors {
		msgs = append(msgs, e.Error())
	}
	assert.Equal(t, []string{"region/YE.txt:4: bad latitude"}, msgs)
	assert.Equal(t, 7, st.Rows)
	assert.Equal(t, 3, st.Merged, "Baghdad, Hodeidah city and governorate join the embedded entries")
	assert.Equal(t, 3, st.Added)

	ps := g.Lookup("الحصن المنيف")
	require.Len(t, ps, 1)
	p := ps[0]
	assert.Equal(t, "YE", p.Country)
	assert.Equal(t, "Al Hudaydah", p.Admin1, "from the embedded governorate of code YE.08")
	assert.Equal(t, []string{"geonames:79416", "geonames:69543"}, p.Parents)
	assert.Equal(t, "village", p.Feature)

	ps = g.Lookup("قرية صنعاء الجديدة")
	require.Len(t, ps, 1)
	assert.Equal(t, "Amanat Al Asimah", ps[0].Admin1)

	ps = g.Lookup("تلة التجربة")
	require.Len(t, ps, 1, "a table of a country the embedded list lacks")
	assert.Equal(t, "XK", ps[0].Country)
	assert.Empty(t, ps[0].Parents)

	city := g.ByID("geonames:79415")
	require.NotNil(t, city)
	assert.True(t, city.Curated)
	assert.Equal(t, "city", city.Feature)

	f, err := NewFinder(g, rules.Default())
	require.NoError(t, err)
	m := mention(t, f, "غارة على الحصن المنيف في محافظة الحديدة غربي اليمن", "الحصن المنيف")
	require.NotNil(t, m.Place)
	assert.Equal(t, "geonames:9990001", m.Place.ID)
	assert.Equal(t, "YE", m.Foreign)
	// The same village in an article about Iraq, with nothing Yemeni
	// around it, is not taken for the Yemeni one.
	for _, m := range f.Find(arabic.New("اشتباكات قرب الحصن المنيف في العراق")) {
		assert.False(t, m.Place != nil && m.Place.Country == "YE", m.String())
	}
}

// A container in another country overrules even a well-known place of the
// same name; a list joined by و and two names side by side are no
// containers.
func TestContainerAbroad(t *testing.T) {
	f := defaultFinder(t)
	m := mention(t, f, `قذائف أصابت سيارة في حي "محمودية" في عفرين`, "محمودية")
	assert.Nil(t, m.Place, "not Mahmudiya of Baghdad")
	m = mention(t, f, "غارات على معسكر حمزة في محافظة إب", "معسكر حمزة")
	assert.Nil(t, m.Place, "not al-Hamza of Iraq")
	m = mention(t, f, "وضعت المعركة في عفرين واشنطن في موقف حرج", "عفرين")
	require.NotNil(t, m.Place)
	assert.Equal(t, "SY", m.Place.Country)
}

// A name after يدعى or تدعى is a person's.
func TestNamedPerson(t *testing.T) {
	f := defaultFinder(t)
	for _, m := range find(t, f, "وقالت مواطنة تدعى رانية إن القذائف سقطت") {
		assert.NotEqual(t, "رانية", m.Text, m.String())
	}
}
