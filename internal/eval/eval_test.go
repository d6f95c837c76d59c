package eval

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// spanOf is the code-point span of the first occurrence of sub in text.
func spanOf(t *testing.T, text, sub string) model.Span {
	t.Helper()
	i := strings.Index(text, sub)
	require.GreaterOrEqual(t, i, 0, "%q not in text", sub)
	a := utf8.RuneCountInString(text[:i])
	return model.Span{a, a + utf8.RuneCountInString(sub)}
}

// pred is a prediction whose evidence is sub, at its true position.
func pred(t *testing.T, id, text, sub string, typ model.EventType) model.Event {
	t.Helper()
	doc, _, _ := strings.Cut(id, "#")
	return model.Event{ID: id, DocID: doc, Type: typ,
		Evidence: model.Evidence{Text: sub, Span: spanOf(t, text, sub)}}
}

func intp(n int) *int { return &n }

func TestAnchorSpansAreCodePointsOfRawText(t *testing.T) {
	text := "قتل 3 في\u00a0بغداد، ثم قتل 3 في\u00a0بغداد"
	got := anchorSpans(text, "قتل 3 في\u00a0بغداد")
	assert.Equal(t, []model.Span{{0, 14}, {19, 33}}, got)
	assert.Empty(t, anchorSpans(text, "قتل 3 في بغداد"), "a plain space must not match a raw no-break space")
	assert.Equal(t, []model.Span{{0, 2}, {1, 3}}, anchorSpans("aaa", "aa"), "overlapping occurrences")
	assert.Empty(t, anchorSpans(text, ""))
}

func TestNameKey(t *testing.T) {
	same := [][2]string{
		{"Al-Anbar", "al anbar"},
		{"Al-Anbar", "AlAnbar"},
		{"At-Ta'mim", "At Tamim"},
		{"Counter-Terrorism Service", "Counter Terrorism Service"},
		{"ديالى", "ديالي"},
		{"الحسكة", "الحسكه"},
		{"أم الكرامي", "ام الكرامى"},
		{"Ṣalāḥ ad-Dīn", "Salah ad Din"},
		{"«داعش»", "داعش"},
	}
	for _, p := range same {
		assert.Equal(t, NameKey(p[0]), NameKey(p[1]), "%q ~ %q", p[0], p[1])
	}
	assert.Equal(t, "alanbar", NameKey("Al-Anbar"))
	assert.NotEqual(t, NameKey("Kirkuk"), NameKey("Erbil"))
	assert.NotEqual(t, NameKey("Hawija"), NameKey("Al-Hawija"), "the article is not folded: gold lists both")
	s := newNameSet([]string{"Deir ez-Zor", "-"})
	assert.True(t, s.has("deir ezzor"))
	assert.False(t, s.has(""), "an empty name matches nothing")
	assert.False(t, s.has("..."))
}

func TestReadGold(t *testing.T) {
	in := `{"doc_id": "a", "anchor": "x", "optional": false, "type": ["attack"], "date": null, "country": "IQ", "killed": 0}

{"doc_id": "b", "none": true}
{"doc_id": "a", "anchor": "y", "optional": true, "type": ["arrest", "security_operation"], "date": {"start": "2021-01-27", "precision": "day"}, "flags": ["aggregate"]}
`
	gold, err := ReadGold(strings.NewReader(in), "g.jsonl")
	require.NoError(t, err)
	require.Len(t, gold, 3)
	assert.Equal(t, 1, gold[0].Line)
	assert.Nil(t, gold[0].Date)
	require.NotNil(t, gold[0].Killed, "killed 0 is a scored total, not an absent one")
	assert.Equal(t, 0, *gold[0].Killed)
	assert.True(t, gold[1].None)
	assert.Equal(t, 3, gold[1].Line)
	assert.Equal(t, &GoldDate{Start: "2021-01-27", Precision: model.PrecisionDay}, gold[2].Date)

	bad := `{"doc_id": "a", "anchor": "x", "type": ["attack"], "kiled": 3}
{"doc_id": "a", "anchor": "x", "type": ["bombing"]}
{"doc_id": "a", "type": ["attack"]}
{"doc_id": "c", "anchor": "x", "type": ["attack"], "date": {"start": "27/01/2021", "precision": "day"}}
{"doc_id": "d", "none": true}
{"doc_id": "d", "anchor": "x", "type": ["attack"]}
not json
`
	_, err = ReadGold(strings.NewReader(bad), "g.jsonl")
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{
		`g.jsonl:1: json: unknown field "kiled"`,
		`g.jsonl:2: type "bombing" is not in the SPEC taxonomy`,
		"g.jsonl:3: anchor is missing",
		`g.jsonl:4: date.start "27/01/2021" is not YYYY-MM-DD`,
		"g.jsonl:6: document d is marked none on line 5 but has an event",
		"g.jsonl:7: invalid character",
	} {
		assert.Contains(t, msg, want)
	}
}

// The scenario every number below is computed from by hand.
const (
	s1 = "هاجم تنظيم داعش فجر أمس قرية\u00a0أم الكرامي في ناحية العظيم وقتل 11 جنديا."
	s2 = " واعتقلت القوات الأمنية ثلاثة إرهابيين في الحويجة."
	s3 = " وكان التنظيم قد خطف مدنيين عام 2017."
	t1 = s1 + s2 + s3

	s0 = "وزار رئيس الوزراء بغداد."
	s4 = " وأعلن جهاز مكافحة الإرهاب في عملية ثأر الشهداء قتل 4 إرهابيين آخرين في وادي الشاي."
	s5 = " وفي عام 2020 قتل الجهاز 206 عناصر."
	t2 = s0 + s4 + s5

	t3 = "بحث الوزير مع نظيره التعاون الأمني."
)

func scenario(t *testing.T) Input {
	gold := []Gold{
		{DocID: "d1", Anchor: "قرية\u00a0أم الكرامي", Type: []model.EventType{model.Attack, model.ArmedClash},
			Date: &GoldDate{Start: "2022-01-21", Precision: model.PrecisionDay}, Country: "IQ",
			Admin1: []string{"Diyala"}, Place: []string{"Umm al-Karami", "أم الكرامي", "Al-Azim"},
			Killed: intp(11), Perpetrator: []string{"Islamic State", "داعش"}},
		{DocID: "d1", Anchor: "ثلاثة إرهابيين في الحويجة", Type: []model.EventType{model.Arrest}, Country: "IQ",
			Admin1: []string{"Kirkuk", "At-Ta'mim"}, Place: []string{"Hawija", "الحويجة"}, Arrested: intp(3),
			Perpetrator: []string{"Iraqi security forces", "القوات الأمنية"}},
		{DocID: "d1", Anchor: "خطف مدنيين عام 2017", Optional: true, Type: []model.EventType{model.Kidnapping},
			Country: "IQ", Flags: []model.Flag{model.Historical}},
		{DocID: "d2", Anchor: "قتل 4 إرهابيين آخرين", Type: []model.EventType{model.SecurityOperation, model.ArmedClash},
			Date: &GoldDate{Start: "2021-01-29", Precision: model.PrecisionDay}, Country: "IQ",
			Admin1: []string{"Kirkuk"}, Killed: intp(4), Operation: "ثأر الشهداء",
			Perpetrator: []string{"Counter Terrorism Service"}},
		{DocID: "d2", Anchor: "قتل الجهاز 206 عناصر", Type: []model.EventType{model.SecurityOperation}, Country: "IQ",
			Killed: intp(206), Flags: []model.Flag{model.Aggregate}},
		{DocID: "d3", None: true},
	}
	docs := map[string]model.Document{
		"d1": {ID: "d1", Text: t1, Published: "2022-01-22"},
		"d2": {ID: "d2", Text: t2}, // no publication date: its dates are not scored
		"d3": {ID: "d3", Text: t3},
		"d4": {ID: "d4", Text: t3},
	}

	// P2 comes first but only overlaps G1 (its evidence text lost the
	// no-break space); P1 contains the anchor and must win.
	p2 := pred(t, "d1#1", t1, s1, model.Attack)
	p2.Evidence.Text = strings.ReplaceAll(s1, "\u00a0", " ")
	p1 := pred(t, "d1#2", t1, s1, model.Attack)
	p1.Date = model.Date{Start: "2022-01-21", End: "2022-01-21", Precision: model.PrecisionDay}
	p1.Locations = []model.Location{{Text: "أم الكرامي", Place: &model.Place{Name: "Umm al Karami", NameAr: "أم الكرامى", Admin1: "Diyala", Country: "IQ"}}}
	p1.Casualties = []model.Casualty{{Kind: model.Killed, Count: 5}, {Kind: model.Killed, Count: 6}, {Kind: model.Wounded, Count: 11}}
	p1.Actors = []model.Actor{{Name: "Islamic State", Text: "تنظيم داعش", Role: model.Perpetrator}}

	// P3's evidence stops inside the anchor: it matches by overlap only.
	p3 := pred(t, "d1#3", t1, "واعتقلت القوات الأمنية ثلاثة إرهابيين", model.SecurityOperation)
	p3.Locations = []model.Location{
		{Text: "الحويجة", Place: nil}, // unresolved: the place slot fails
		{Text: "كركوك", Place: &model.Place{Name: "Kirkuk District", Admin1: "At Ta'mim", Country: "IQ"}}}
	p3.Casualties = []model.Casualty{{Kind: model.Arrested, Count: 2}, {Kind: model.Arrested, Count: 1}}
	p3.Actors = []model.Actor{{Name: "Iraqi Security Forces", Text: "القوات الأمنية", Role: model.Target}}

	p4 := pred(t, "d1#4", t1, s3, model.Kidnapping)
	p5 := pred(t, "d1#5", t1, s3, model.Kidnapping)

	p6 := pred(t, "d2#1", t2, s4, model.SecurityOperation)
	p6.Date = model.Date{Start: "2000-01-01", Precision: model.PrecisionDay} // wrong, but not scored
	p6.Locations = []model.Location{{Text: "وادي الشاي", Place: &model.Place{Name: "Wadi al-Shay", Admin1: "Kirkuk", Country: "IQ"}}}
	p6.Casualties = []model.Casualty{{Kind: model.Killed, Count: 4}}
	p6.Operation = &model.Operation{Name: "Revenge of the Martyrs", Text: "ثأر الشهداء"}
	p6.Actors = []model.Actor{{Name: "Counter-Terrorism Service", Role: model.Perpetrator}}
	p7 := pred(t, "d2#2", t2, s0, model.Attack)

	p8 := pred(t, "d3#1", t3, t3, model.Attack)
	p9 := pred(t, "d4#1", t3, t3, model.Attack)

	return Input{Gold: gold, Docs: docs, Preds: []model.Event{p2, p1, p3, p4, p5, p6, p7, p8, p9}}
}

func TestScoreScenario(t *testing.T) {
	r := Score(scenario(t))
	assert.Equal(t, []string{"d1: 1 predictions have an evidence span that does not hold their evidence text (first: d1#1 at [0 70]); matching by overlap trusts the span"},
		r.Warnings, "P2's evidence text lost its no-break space")
	assert.Equal(t, 3, r.Documents)
	assert.Equal(t, 4, r.Required)
	assert.Equal(t, 1, r.Optional)
	assert.Equal(t, 1, r.Ignored, "d4 is not in the gold")

	e := r.Events
	assert.Equal(t, Events{Matched: 3, Required: 4, Predicted: 8, OnOptional: 2, Duplicates: 1, Unmatched: 2,
		Precision: e.Precision, Recall: e.Recall, F1: e.F1}, e)
	assert.InDelta(t, 3.0/6, e.Precision, 1e-9, "3 matched / (8 predicted - 2 on optional gold)")
	assert.InDelta(t, 3.0/4, e.Recall, 1e-9)
	assert.InDelta(t, 0.6, e.F1, 1e-9)

	want := map[string][3]int{ // correct, total, matched total
		SlotType:        {2, 4, 3},
		SlotDate:        {1, 1, 1}, // d2 has no publication date; G2, G5 have date null
		SlotAdmin1:      {3, 3, 3},
		SlotPlace:       {1, 2, 2},
		SlotKilled:      {2, 3, 2},
		SlotWounded:     {0, 0, 0},
		SlotArrested:    {1, 1, 1},
		SlotKidnapped:   {0, 0, 0},
		SlotPerpetrator: {2, 3, 3},
		SlotOperation:   {1, 1, 1},
		SlotFlags:       {0, 1, 0},
	}
	for name, w := range want {
		s := r.Slots[name]
		assert.Equal(t, w, [3]int{s.Correct, s.Total, s.MatchedTotal}, name)
		if w[1] == 0 {
			assert.Nil(t, s.Ratio, name)
		} else {
			assert.InDelta(t, float64(w[0])/float64(w[1]), *s.Ratio, 1e-9, name)
		}
	}
	assert.Len(t, r.Slots, 11)
	assert.Equal(t, [3]int{3, 4, 3}, [3]int{r.Country.Correct, r.Country.Total, r.Country.MatchedTotal})

	assert.Equal(t, Overall{Correct: 13, GoldSlots: 19, Spurious: 3, Ratio: r.Overall.Ratio}, r.Overall)
	assert.InDelta(t, 13.0/22, r.Overall.Ratio, 1e-9)

	// Who matched whom.
	require.Len(t, r.Docs, 3)
	d1 := r.Docs[0]
	assert.Equal(t, "d1#2", d1.Gold[0].Pred.ID)
	assert.True(t, d1.Gold[0].Contains)
	assert.Equal(t, "d1#3", d1.Gold[1].Pred.ID)
	assert.False(t, d1.Gold[1].Contains)
	assert.Equal(t, 14, d1.Gold[1].Overlap, "ثلاثة إرهابيين")
	assert.Equal(t, "d1#4", d1.Gold[2].Pred.ID)
	assert.Equal(t, []PredRef{{ID: "d1#1", Type: model.Attack, Evidence: strings.ReplaceAll(s1, "\u00a0", " "), Span: spanOf(t, t1, s1), Gold: 1}}, d1.Duplicates)
	require.Len(t, d1.OnOptional, 1)
	assert.Equal(t, "d1#5", d1.OnOptional[0].ID)
	assert.Equal(t, 3, d1.OnOptional[0].Gold)
	assert.Empty(t, d1.Unmatched)
	assert.Nil(t, r.Docs[1].Gold[1].Pred, "G5 is missed")
	assert.Equal(t, "d2#2", r.Docs[1].Unmatched[0].ID)
	assert.True(t, r.Docs[2].None)
	assert.Equal(t, "d3#1", r.Docs[2].Unmatched[0].ID)

	// Failed slots say what was wanted and what came.
	byslot := map[string]SlotResult{}
	for _, s := range d1.Gold[1].Slots {
		byslot[s.Slot] = s
	}
	assert.Equal(t, SlotResult{Slot: SlotPerpetrator, Want: "Iraqi security forces | القوات الأمنية",
		Got: "no perpetrator; actors: Iraqi Security Forces (target)"}, byslot[SlotPerpetrator])
	assert.Equal(t, SlotResult{Slot: SlotArrested, OK: true, Want: "3", Got: "2+1 (sum 3)"}, byslot[SlotArrested])
	assert.Equal(t, "«الحويجة» (unresolved), Kirkuk District", byslot[SlotPlace].Got)
}

func TestCorrectTextIsContainmentOrOverlap(t *testing.T) {
	gold := []Gold{{DocID: "d", Anchor: "قتل 4 إرهابيين", Type: []model.EventType{model.Attack}}}
	text := "أعلنت الوزارة قتل 4 إرهابيين. وقالت إن الوضع مستقر."
	cases := []struct {
		name  string
		ev    model.Evidence
		match bool
	}{
		{"contains, span wrong", model.Evidence{Text: "قتل 4 إرهابيين", Span: model.Span{40, 45}}, true},
		{"overlaps by one code point", model.Evidence{Text: "x", Span: model.Span{0, 15}}, true},
		{"touches without overlap", model.Evidence{Text: "x", Span: model.Span{0, 14}}, false},
		{"other sentence", model.Evidence{Text: "وقالت إن الوضع مستقر.", Span: spanOf(t, text, "وقالت إن الوضع مستقر.")}, false},
	}
	require.Equal(t, model.Span{14, 28}, anchorSpans(text, gold[0].Anchor)[0])
	for _, c := range cases {
		r := Score(Input{Gold: gold, Docs: map[string]model.Document{"d": {ID: "d", Text: text}},
			Preds: []model.Event{{ID: "d#1", DocID: "d", Type: model.Attack, Evidence: c.ev}}})
		if c.match {
			assert.Equal(t, 1, r.Events.Matched, c.name)
			assert.Equal(t, 1, r.Slots[SlotType].Correct, c.name)
		} else {
			assert.Equal(t, 0, r.Events.Matched, c.name)
			assert.Equal(t, 1, r.Events.Unmatched, c.name)
			assert.InDelta(t, 0.0, r.Overall.Ratio, 1e-9, c.name)
			assert.Equal(t, 2, r.Overall.GoldSlots+r.Overall.Spurious, c.name)
		}
	}
}

func TestMatchingMaximisesRequiredHits(t *testing.T) {
	// A's evidence covers both sentences and comes first; B covers only
	// the first. Greedy alone gives A the longer first anchor and leaves
	// B a duplicate; rerouting gives each event a prediction.
	a1 := "هجوم مسلح على نقطة تفتيش للجيش قرب الطارمية"
	a2 := "انفجار عبوة"
	text := "وقع " + a1 + ". ثم " + a2 + " في المكان."
	gold := []Gold{
		{DocID: "d", Anchor: a1, Type: []model.EventType{model.Attack}},
		{DocID: "d", Anchor: a2, Type: []model.EventType{model.IED}},
	}
	pa := pred(t, "d#1", text, text, model.IED)
	pb := pred(t, "d#2", text, "وقع "+a1+".", model.Attack)
	r := Score(Input{Gold: gold, Docs: map[string]model.Document{"d": {ID: "d", Text: text}}, Preds: []model.Event{pa, pb}})
	assert.Equal(t, 2, r.Events.Matched)
	assert.Equal(t, 0, r.Events.Duplicates)
	assert.Equal(t, "d#2", r.Docs[0].Gold[0].Pred.ID)
	assert.Equal(t, "d#1", r.Docs[0].Gold[1].Pred.ID)
	assert.Equal(t, 2, r.Slots[SlotType].Correct)
	assert.InDelta(t, 1.0, r.Overall.Ratio, 1e-9)
}

func TestRequiredBeforeOptional(t *testing.T) {
	// One prediction overlapping a required and an optional anchor fills
	// the required event; a second one then rests on the optional event.
	text := "قصف مدفعي على القرية ونزوح الأهالي."
	gold := []Gold{
		{DocID: "d", Anchor: "ونزوح الأهالي", Optional: true, Type: []model.EventType{model.Shelling}},
		{DocID: "d", Anchor: "قصف مدفعي", Type: []model.EventType{model.Shelling}},
	}
	p1 := pred(t, "d#1", text, text, model.Shelling)
	p2 := pred(t, "d#2", text, text, model.Shelling)
	r := Score(Input{Gold: gold, Docs: map[string]model.Document{"d": {ID: "d", Text: text}}, Preds: []model.Event{p1, p2}})
	assert.Equal(t, Events{Matched: 1, Required: 1, Predicted: 2, OnOptional: 1, Precision: 1, Recall: 1, F1: 1}, r.Events)
	assert.Equal(t, "d#1", r.Docs[0].Gold[1].Pred.ID)
	assert.Equal(t, "d#2", r.Docs[0].Gold[0].Pred.ID)

	// A third copy matches the required event again: a duplicate.
	p3 := pred(t, "d#3", text, text, model.Shelling)
	r = Score(Input{Gold: gold, Docs: map[string]model.Document{"d": {ID: "d", Text: text}}, Preds: []model.Event{p1, p2, p3}})
	assert.Equal(t, 1, r.Events.Duplicates)
	assert.InDelta(t, 0.5, r.Events.Precision, 1e-9)
	assert.InDelta(t, 0.5, r.Overall.Ratio, 1e-9, "1 correct type / (1 gold slot + 1 duplicate)")
}

func TestSlotRules(t *testing.T) {
	text := "نص الخبر."
	docs := map[string]model.Document{"d": {ID: "d", Text: text, Published: "2021-02-01"}}
	base := model.Event{ID: "d#1", DocID: "d", Type: model.Airstrike, Evidence: model.Evidence{Text: text, Span: model.Span{0, 9}}}
	score := func(g Gold, p model.Event) map[string]bool {
		g.DocID, g.Anchor = "d", "نص"
		if g.Type == nil {
			g.Type = []model.EventType{model.Airstrike}
		}
		r := Score(Input{Gold: []Gold{g}, Docs: docs, Preds: []model.Event{p}})
		out := map[string]bool{}
		for _, s := range r.Docs[0].Gold[0].Slots {
			out[s.Slot] = s.OK
		}
		return out
	}

	t.Run("type among accepted", func(t *testing.T) {
		assert.Equal(t, map[string]bool{"type": true}, score(Gold{Type: []model.EventType{model.Shelling, model.Airstrike}}, base))
		assert.Equal(t, map[string]bool{"type": false}, score(Gold{Type: []model.EventType{model.Shelling}}, base))
	})
	t.Run("date start and precision", func(t *testing.T) {
		g := Gold{Date: &GoldDate{Start: "2021-01-01", Precision: model.PrecisionMonth}}
		p := base
		p.Date = model.Date{Start: "2021-01-01", End: "2021-01-31", Precision: model.PrecisionMonth}
		assert.True(t, score(g, p)["date"])
		p.Date.Precision = model.PrecisionDay
		assert.False(t, score(g, p)["date"])
		_, scored := score(Gold{}, p)["date"]
		assert.False(t, scored, "date null is not scored")
	})
	t.Run("admin1 from place admin1 or a governorate itself", func(t *testing.T) {
		g := Gold{Admin1: []string{"Salah al-Din", "Saladin"}}
		p := base
		p.Locations = []model.Location{{Place: &model.Place{Name: "Tikrit", Admin1: "Salah Al Din"}}}
		assert.True(t, score(g, p)["admin1"])
		p.Locations = []model.Location{{Place: &model.Place{Name: "Saladin", Feature: "governorate"}}}
		assert.True(t, score(g, p)["admin1"])
		p.Locations = []model.Location{{Place: &model.Place{Name: "Saladin", Feature: "city"}}}
		assert.False(t, score(g, p)["admin1"], "a city named like the governorate is not its admin1")
		p.Locations = nil
		assert.False(t, score(g, p)["admin1"])
	})
	t.Run("place by English or Arabic name, any location", func(t *testing.T) {
		g := Gold{Place: []string{"Wadi al-Shay", "وادي الشاي"}}
		p := base
		p.Locations = []model.Location{
			{Text: "كركوك", Place: &model.Place{Name: "Kirkuk"}},
			{Text: "الوادي", Place: &model.Place{Name: "Wadi ash Shai", NameAr: "وادى الشاى"}}}
		assert.True(t, score(g, p)["place"])
		p.Locations = []model.Location{{Text: "وادي الشاي", Place: nil}}
		assert.False(t, score(g, p)["place"], "location text alone is not a resolved place")
	})
	t.Run("casualties: sum or one figure", func(t *testing.T) {
		p := base
		p.Casualties = []model.Casualty{{Kind: model.Killed, Count: 3}, {Kind: model.Killed, Count: 4}, {Kind: model.Wounded, Count: 9}}
		assert.True(t, score(Gold{Killed: intp(7)}, p)["killed"], "sum")
		assert.True(t, score(Gold{Killed: intp(4)}, p)["killed"], "one figure")
		assert.False(t, score(Gold{Killed: intp(9)}, p)["killed"], "wounded do not count as killed")
		assert.True(t, score(Gold{Wounded: intp(9)}, p)["wounded"])
		assert.False(t, score(Gold{Kidnapped: intp(0)}, p)["kidnapped"], "no figure is not zero")
		assert.Equal(t, map[string]bool{"type": true, "arrested": false}, score(Gold{Arrested: intp(1)}, p))
	})
	t.Run("perpetrator by role, name or text", func(t *testing.T) {
		g := Gold{Perpetrator: []string{"Islamic State", "داعش"}}
		p := base
		p.Actors = []model.Actor{{Name: "ISIS", Text: "«داعش»", Role: model.Perpetrator}}
		assert.True(t, score(g, p)["perpetrator"], "text matches after folding punctuation")
		p.Actors = []model.Actor{{Name: "Islamic State", Text: "داعش", Role: model.Target}}
		assert.False(t, score(g, p)["perpetrator"])
	})
	t.Run("operation by name or text", func(t *testing.T) {
		g := Gold{Operation: "ثأر الشهداء"}
		p := base
		assert.False(t, score(g, p)["operation"])
		p.Operation = &model.Operation{Name: "Revenge of the Martyrs", Text: "ثار الشهداء"}
		assert.True(t, score(g, p)["operation"])
	})
	t.Run("all gold flags present", func(t *testing.T) {
		g := Gold{Flags: []model.Flag{model.Historical, model.Aggregate}}
		p := base
		p.Flags = []model.Flag{model.Aggregate, model.Historical, model.Negated}
		assert.True(t, score(g, p)["flags"])
		p.Flags = []model.Flag{model.Aggregate}
		assert.False(t, score(g, p)["flags"])
	})
}

func TestNoPublicationDateMeansDateNotScored(t *testing.T) {
	g := []Gold{{DocID: "d", Anchor: "نص", Type: []model.EventType{model.Attack},
		Date: &GoldDate{Start: "2021-01-01", Precision: model.PrecisionDay}}}
	p := []model.Event{{ID: "d#1", DocID: "d", Type: model.Attack, Evidence: model.Evidence{Text: "نص"}}}
	r := Score(Input{Gold: g, Docs: map[string]model.Document{"d": {ID: "d", Text: "نص"}}, Preds: p})
	assert.Equal(t, 0, r.Slots[SlotDate].Total)
	assert.Equal(t, 1, r.Overall.GoldSlots)
	r = Score(Input{Gold: g, Docs: map[string]model.Document{"d": {ID: "d", Text: "نص", Published: "2021-01-02"}}, Preds: p})
	assert.Equal(t, [2]int{0, 1}, [2]int{r.Slots[SlotDate].Correct, r.Slots[SlotDate].Total})
	assert.InDelta(t, 0.5, r.Overall.Ratio, 1e-9)
}

func TestWarnings(t *testing.T) {
	g := []Gold{
		{DocID: "gone", Anchor: "x", Type: []model.EventType{model.Attack}},
		{DocID: "d", Anchor: "غير موجود", Type: []model.EventType{model.Attack}, Line: 2},
	}
	r := Score(Input{Gold: g, Docs: map[string]model.Document{"d": {ID: "d", Text: "نص"}}})
	require.Len(t, r.Warnings, 2)
	assert.Contains(t, r.Warnings[0], "gone: gold names this document but it is not among the documents read")
	assert.Contains(t, r.Warnings[1], `d: anchor of gold line 2 "غير موجود" not found`)
	assert.Equal(t, 2, r.Events.Required)
	assert.InDelta(t, 0.0, r.Events.Precision, 1e-9, "no predictions: precision 0, not NaN")
}

func TestWriteText(t *testing.T) {
	r := Score(scenario(t))
	var b bytes.Buffer
	require.NoError(t, WriteText(&b, r, false))
	out := b.String()
	for _, want := range []string{
		"gold: 3 documents, 4 required + 1 optional events; 1 predictions ignored",
		"events     precision 0.500  recall 0.750  F1 0.600",
		"matched 3 of 4 required; predicted 8 = 3 matched + 2 on optional gold + 1 duplicates + 2 unmatched",
		"type                2/4   0.500   2/3 0.667",
		"wounded             0/0       -",
		"overall           13/22   0.591   = 13 / (19 gold slots + 3 unmatched and duplicate predictions)",
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "== d1")

	b.Reset()
	require.NoError(t, WriteText(&b, r, true))
	out = b.String()
	for _, want := range []string{
		"== d1  (published 2022-01-22)",
		"== d2  (no publication date: dates not scored)",
		"G1 required «قرية\u00a0أم الكرامي» at [24,39)",
		"matched d1#2 attack (evidence contains anchor)",
		"FAIL type        want arrest",
		"FAIL place       want Hawija | الحويجة",
		"G2 required «قتل الجهاز 206 عناصر» at [121,141)\n     MISSED: 3 slots lost (type security_operation; killed 206; flags aggregate)",
		"G2 required «ثلاثة إرهابيين في الحويجة» at [94,119)\n     matched d1#3 security_operation (evidence overlaps anchor by 14)",
		"     ok: admin1 arrested\n",
		"FAIL perpetrator want Iraqi security forces | القوات الأمنية\n                      got  no perpetrator; actors: Iraqi Security Forces (target)",
		"G3 optional",
		"     text: «…",
		"DUPLICATE of G1: d1#1 attack [0,70)",
		"extra on optional G3 (no penalty): d1#5",
		"UNMATCHED (false positive): d2#2 attack",
		"gold: no incident",
	} {
		assert.Contains(t, out, want)
	}
}

func TestReportJSON(t *testing.T) {
	r := Score(scenario(t))
	r.Docs = nil
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.InDelta(t, 0.5, m["events"].(map[string]any)["precision"], 1e-9)
	assert.InDelta(t, 13.0/22, m["overall"].(map[string]any)["ratio"], 1e-9)
	assert.Nil(t, m["slots"].(map[string]any)["wounded"].(map[string]any)["ratio"])
	assert.EqualValues(t, 2, m["slots"].(map[string]any)["type"].(map[string]any)["correct"])
	assert.NotContains(t, m, "docs")
}

func TestContextOf(t *testing.T) {
	text := []rune("سطر أول\nقبل قبل المرساة بعد بعد\nسطر أخير")
	s := model.Span{16, 23} // المرساة
	require.Equal(t, "المرساة", string(text[s[0]:s[1]]))
	assert.Equal(t, "قبل قبل المرساة بعد بعد", contextOf(text, s, 80), "stops at the line ends")
	assert.Equal(t, "…قبل المرساة بعد…", contextOf(text, s, 4))
	assert.Equal(t, "المرساة", contextOf([]rune("المرساة"), model.Span{0, 7}, 5))
}
