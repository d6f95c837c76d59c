package merge

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// Places of the tests, with the gazetteer's hierarchy.
var (
	azim   = &model.Place{ID: "rasd:iq-azim", Name: "Al-Azim", Feature: "subdistrict", Country: "IQ", Admin1: "Diyala", Admin2: "Al-Khalis", Lat: 34.37, Lon: 44.52}
	khalis = &model.Place{ID: "rasd:iq-khalis", Name: "Al-Khalis", Feature: "town", Country: "IQ", Admin1: "Diyala", Admin2: "Al-Khalis", Lat: 33.81, Lon: 44.53}
	diyala = &model.Place{ID: "rasd:g-iq-diyala", Name: "Diyala", Feature: "governorate", Country: "IQ", Admin1: "Diyala", Lat: 33.9, Lon: 45}
	mosul  = &model.Place{ID: "rasd:iq-mosul", Name: "Mosul", Feature: "city", Country: "IQ", Admin1: "Nineveh", Admin2: "Mosul", Lat: 36.34, Lon: 43.13}
	basra  = &model.Place{ID: "rasd:iq-basra", Name: "Basra", Feature: "city", Country: "IQ", Admin1: "Basra", Admin2: "Basra", Lat: 30.5, Lon: 47.8}
	douma  = &model.Place{ID: "rasd:sy-douma", Name: "Douma", Feature: "city", Country: "SY", Admin1: "Rif Dimashq", Admin2: "Douma", Lat: 33.57, Lon: 36.40}
	harast = &model.Place{ID: "rasd:sy-harasta", Name: "Harasta", Feature: "town", Country: "SY", Admin1: "Rif Dimashq", Lat: 33.56, Lon: 36.37}
	arbin  = &model.Place{ID: "rasd:sy-arbin", Name: "Arbin", Feature: "town", Country: "SY", Admin1: "Rif Dimashq", Lat: 33.54, Lon: 36.36}
	syria  = &model.Place{ID: "rasd:sy", Name: "Syria", Feature: "country", Country: "SY", Lat: 35, Lon: 38.5}
)

// ev builds an event of document doc: what happened, on which day, where,
// then options.
func ev(id string, t model.EventType, day string, p *model.Place, opts ...func(*model.Event)) model.Event {
	doc := id[:len(id)-2]
	e := model.Event{ID: id, DocID: doc, Type: t,
		Date:     model.Date{Start: day, End: day, Precision: model.PrecisionDay, Basis: model.BasisRelative},
		Evidence: model.Evidence{Text: "evidence of " + id}, Confidence: 0.7}
	if p != nil {
		e.Locations = []model.Location{{Text: p.Name, Relation: model.In, Precision: 1, Place: p}}
	}
	info, _ := model.Info(t)
	e.ACLED = info.ACLED
	for _, o := range opts {
		o(&e)
	}
	return e
}

func by(name string) func(*model.Event) {
	return func(e *model.Event) {
		e.Actors = append(e.Actors, model.Actor{Name: name, Type: model.RebelGroup, Role: model.Perpetrator})
	}
}

func killed(n int) func(*model.Event) {
	return func(e *model.Event) {
		e.Casualties = append(e.Casualties, model.Casualty{Kind: model.Killed, Count: n, Min: n, Max: n, Exact: true})
	}
}

func source(name string) func(*model.Event) {
	return func(e *model.Event) { e.Sources = append(e.Sources, model.Source{Name: name}) }
}

func flagged(f model.Flag) func(*model.Event) {
	return func(e *model.Event) { e.Flags = append(e.Flags, f) }
}

func dated(start, end string, p model.Precision, b model.Basis) func(*model.Event) {
	return func(e *model.Event) { e.Date = model.Date{Start: start, End: end, Precision: p, Basis: b} }
}

func mergeAll(t *testing.T, evs ...model.Event) []model.Incident {
	t.Helper()
	incs, _, err := Events(evs, Options{})
	require.NoError(t, err)
	return incs
}

// members lists each incident's events, to compare groupings at a glance.
func members(incs []model.Incident) [][]string {
	out := make([][]string, len(incs))
	for i, in := range incs {
		out[i] = in.Events
	}
	return out
}

func TestTwoOutletsReportingOneIncidentAreOneIncident(t *testing.T) {
	a := ev("ina-1#1", model.Attack, "2022-01-21", azim, by("Islamic State"), killed(11), source("Iraqi News Agency"))
	b := ev("afp-7#2", model.Attack, "2022-01-21", khalis, by("Islamic State"), killed(11), source("AFP"))
	incs := mergeAll(t, a, b)
	require.Len(t, incs, 1)
	in := incs[0]
	assert.Equal(t, []string{"afp-7#2", "ina-1#1"}, in.Events)
	assert.Equal(t, []string{"afp-7", "ina-1"}, in.DocIDs)
	assert.Equal(t, 2, in.NumberOfSources)
	assert.Equal(t, []model.IncidentSource{{Name: "AFP", DocIDs: []string{"afp-7"}}, {Name: "Iraqi News Agency", DocIDs: []string{"ina-1"}}}, in.Sources)
	assert.Equal(t, []model.Toll{{Kind: model.Killed, Best: 11, Low: 11, High: 11, Exact: true}}, in.Tolls)
	assert.Contains(t, in.Notes, "reported in 2 documents")
}

func TestTwoIncidentsOfOneArticleStayTwo(t *testing.T) {
	a := ev("doc-1#1", model.Airstrike, "2018-02-20", douma, by("Syrian Army"), killed(5))
	b := ev("doc-1#2", model.Airstrike, "2018-02-20", douma, by("Syrian Army"), killed(5))
	assert.Equal(t, [][]string{{"doc-1#1"}, {"doc-1#2"}}, members(mergeAll(t, a, b)))
}

func TestAReportJoinsOneOfTwoIncidentsItsArticleToldApart(t *testing.T) {
	// A told two strikes on Douma; B tells one of them, with A#2's toll.
	a1 := ev("a-1#1", model.Airstrike, "2018-02-20", douma, killed(20))
	a2 := ev("a-1#2", model.Airstrike, "2018-02-20", douma, killed(30))
	b := ev("b-1#1", model.Airstrike, "2018-02-20", douma, killed(30))
	assert.Equal(t, [][]string{{"a-1#1"}, {"a-1#2", "b-1#1"}}, members(mergeAll(t, a1, a2, b)))
}

func TestFarApartSameDaySameTypeStayApart(t *testing.T) {
	a := ev("a-1#1", model.Airstrike, "2018-06-01", mosul, by("International Coalition"))
	b := ev("b-1#1", model.Airstrike, "2018-06-01", basra, by("International Coalition"))
	assert.Len(t, mergeAll(t, a, b), 2)
}

func TestNearbyTownsOfAnotherDistrictAreOnePlace(t *testing.T) {
	a := ev("a-1#1", model.Shelling, "2018-03-01", arbin)
	b := ev("b-1#1", model.Shelling, "2018-03-01", harast) // 2.4 km away, no district known
	assert.Len(t, mergeAll(t, a, b), 1)
	incs, _, err := Events([]model.Event{a, b}, Options{MaxKm: 1})
	require.NoError(t, err)
	assert.Len(t, incs, 2, "--max-km 1: too far")
}

func TestAGovernorateReportJoinsTheIncidentInsideIt(t *testing.T) {
	a := ev("a-1#1", model.IED, "2022-01-21", azim, killed(3))
	b := ev("b-1#1", model.IED, "2022-01-21", diyala, killed(3))
	incs := mergeAll(t, a, b)
	require.Len(t, incs, 1)
	assert.Equal(t, azim, incs[0].Locations[0].Place, "the most specific place")
}

func TestACountryIsNoPlaceToMergeOn(t *testing.T) {
	a := ev("a-1#1", model.Airstrike, "2018-02-20", douma)
	b := ev("b-1#1", model.Airstrike, "2018-02-20", syria)
	assert.Len(t, mergeAll(t, a, b), 2)
}

func TestDifferentFamiliesStayApart(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2022-01-21", azim)
	b := ev("b-1#1", model.Arrest, "2022-01-21", azim)
	assert.Len(t, mergeAll(t, a, b), 2)
}

func TestOneFamilyMergesAndKeepsTheMostSpecificType(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2022-01-21", azim, killed(3))
	b := ev("b-1#1", model.CarBomb, "2022-01-21", azim, killed(3))
	incs := mergeAll(t, a, b)
	require.Len(t, incs, 1)
	assert.Equal(t, model.CarBomb, incs[0].Type)
	assert.Equal(t, b.ACLED, incs[0].ACLED)
}

func TestTwoTypesInOneTownNeedASecondSign(t *testing.T) {
	// A ground attack and an air strike on Hajin the same day are, unless
	// something else says so, two incidents.
	a := ev("a-1#1", model.Attack, "2018-09-10", harast)
	b := ev("b-1#1", model.Airstrike, "2018-09-10", harast, by("Russia"))
	assert.Len(t, mergeAll(t, a, b), 2)
	c := ev("c-1#1", model.Attack, "2018-09-10", harast, by("Russia"))
	assert.Len(t, mergeAll(t, b, c), 1, "the same perpetrator")
}

func TestDifferentDaysStayApart(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2022-01-21", azim)
	b := ev("b-1#1", model.Attack, "2022-01-23", azim)
	assert.Len(t, mergeAll(t, a, b), 2)
}

func TestAPublicationDateMayMeanTheDayBefore(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2022-01-21", azim)
	b := ev("b-1#1", model.Attack, "2022-01-22", azim, dated("2022-01-22", "2022-01-22", model.PrecisionDay, model.BasisPublication))
	incs := mergeAll(t, a, b)
	require.Len(t, incs, 1)
	assert.Equal(t, "2022-01-21", incs[0].Date.Start, "the date the text states wins")
	c := ev("c-1#1", model.Attack, "2022-01-22", azim) // stated, not from publication
	assert.Len(t, mergeAll(t, a, c), 2)
}

func TestAMonthReportJoinsTheOnlyIncidentOfItsMonth(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2022-01-21", azim, killed(11))
	b := ev("b-1#1", model.Attack, "", azim, killed(11), dated("2022-01-01", "2022-01-31", model.PrecisionMonth, model.BasisExplicit))
	incs := mergeAll(t, a, b)
	require.Len(t, incs, 1)
	assert.Equal(t, model.PrecisionDay, incs[0].Date.Precision, "the finest date")
}

func TestAMonthReportNeedsAMatchingToll(t *testing.T) {
	// «earlier this month, an attack on Al-Azim»: background, as likely
	// about another attack as about this one.
	a := ev("a-1#1", model.Attack, "2022-01-21", azim, killed(11))
	b := ev("b-1#1", model.Attack, "", azim, dated("2022-01-01", "2022-01-31", model.PrecisionMonth, model.BasisExplicit))
	assert.Len(t, mergeAll(t, a, b), 2)
	c := ev("c-1#1", model.Attack, "", azim, killed(30), dated("2022-01-01", "2022-01-31", model.PrecisionMonth, model.BasisExplicit))
	assert.Len(t, mergeAll(t, a, c), 2, "a toll that does not overlap")
}

func TestAMonthReportFittingTwoIncidentsStaysAlone(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2022-01-10", azim, killed(4))
	b := ev("b-1#1", model.Attack, "2022-01-21", azim, killed(4))
	c := ev("c-1#1", model.Attack, "", azim, killed(4), dated("2022-01-01", "2022-01-31", model.PrecisionMonth, model.BasisExplicit))
	assert.Equal(t, [][]string{{"a-1#1"}, {"b-1#1"}, {"c-1#1"}}, members(mergeAll(t, a, b, c)))
}

func TestACityNeedsASecondSign(t *testing.T) {
	// Douma saw many strikes a day in February 2018: the same day and
	// city alone do not make two reports one strike.
	a := ev("a-1#1", model.Airstrike, "2018-02-20", douma)
	b := ev("b-1#1", model.Airstrike, "2018-02-20", douma)
	assert.Len(t, mergeAll(t, a, b), 2)
	for name, sign := range map[string][]func(*model.Event){
		"a perpetrator": {by("Russia"), by("Russia")},
		"a figure":      {killed(5), killed(7)},
	} {
		a := ev("a-1#1", model.Airstrike, "2018-02-20", douma, sign[0])
		b := ev("b-1#1", model.Airstrike, "2018-02-20", douma, sign[1])
		assert.Len(t, mergeAll(t, a, b), 1, name)
	}
	c := ev("c-1#1", model.CarBomb, "2018-02-20", douma)
	d := ev("d-1#1", model.CarBomb, "2018-02-20", douma)
	assert.Len(t, mergeAll(t, c, d), 1, "a car bomb is rare enough")
	e := ev("e-1#1", model.Airstrike, "2018-02-20", harast)
	f := ev("f-1#1", model.Airstrike, "2018-02-20", harast)
	assert.Len(t, mergeAll(t, e, f), 1, "a town needs no second sign")
}

func TestARegionHoldsNoTown(t *testing.T) {
	qalamoun := &model.Place{ID: "rasd:sy-qalamoun", Name: "Qalamoun", Feature: "region", Country: "SY", Admin1: "Rif Dimashq", Lat: 33.9, Lon: 36.6}
	a := ev("a-1#1", model.Shelling, "2018-04-14", qalamoun, by("Russia"))
	b := ev("b-1#1", model.Shelling, "2018-04-14", harast, by("Russia"))
	assert.Len(t, mergeAll(t, a, b), 2, "the Qalamoun is in Rif Dimashq, Harasta too, yet far apart")
}

func TestDifferentPerpetratorsStayApart(t *testing.T) {
	a := ev("a-1#1", model.Airstrike, "2018-02-20", harast, by("Russia"))
	b := ev("b-1#1", model.Airstrike, "2018-02-20", harast, by("Israel"))
	c := ev("c-1#1", model.Airstrike, "2018-02-20", harast, by("Unidentified armed group"))
	assert.Equal(t, [][]string{{"a-1#1", "c-1#1"}, {"b-1#1"}}, members(mergeAll(t, a, b, c)),
		"an unnamed perpetrator conflicts with none; the tie goes to the earliest")
}

func TestFarApartFiguresStayApart(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2022-01-21", azim, killed(3))
	b := ev("b-1#1", model.Attack, "2022-01-21", azim, killed(50))
	assert.Len(t, mergeAll(t, a, b), 2)
	c := ev("c-1#1", model.Attack, "2022-01-21", azim, killed(9)) // a risen toll
	assert.Len(t, mergeAll(t, a, c), 1)
}

func TestTheFigureMostReportsGiveIsBest(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2022-01-21", azim, killed(12))
	b := ev("b-1#1", model.Attack, "2022-01-21", azim, killed(10))
	c := ev("c-1#1", model.Attack, "2022-01-21", azim, killed(10))
	d := ev("d-1#1", model.Attack, "2022-01-21", azim) // no figure: not a zero
	incs := mergeAll(t, a, b, c, d)
	require.Len(t, incs, 1)
	assert.Equal(t, []model.Toll{{Kind: model.Killed, Best: 10, Low: 10, High: 12, Exact: true}}, incs[0].Tolls)
}

func TestAnExactFigureBeatsAnApproximateOneOnATie(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2022-01-21", azim, func(e *model.Event) {
		e.Casualties = []model.Casualty{{Kind: model.Killed, Count: 20, Min: 20, Max: 99}}
	})
	b := ev("b-1#1", model.Attack, "2022-01-21", azim, killed(24))
	incs := mergeAll(t, a, b)
	require.Len(t, incs, 1)
	assert.Equal(t, []model.Toll{{Kind: model.Killed, Best: 24, Low: 20, High: 99, Exact: true}}, incs[0].Tolls)
}

func TestTalliesAndUndatedEventsStayAloneUndatedLast(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2022-01-21", azim, flagged(model.Aggregate), killed(200))
	b := ev("b-1#1", model.Attack, "2022-01-21", azim, killed(200), flagged(model.Aggregate))
	c := ev("c-1#1", model.Attack, "", azim, dated("", "", model.PrecisionUnknown, model.BasisNone))
	d := ev("d-1#1", model.Attack, "", azim, dated("", "", model.PrecisionUnknown, model.BasisNone))
	e := ev("e-1#1", model.Attack, "2022-03-01", azim)
	assert.Equal(t, [][]string{{"a-1#1"}, {"b-1#1"}, {"e-1#1"}, {"c-1#1"}, {"d-1#1"}}, members(mergeAll(t, c, d, e, a, b)))
}

func TestHistoricalReferencesMergeOnlyWithEachOther(t *testing.T) {
	a := ev("a-1#1", model.Attack, "2014-06-10", azim, flagged(model.Historical))
	b := ev("b-1#1", model.Attack, "2014-06-10", azim, flagged(model.Historical))
	c := ev("c-1#1", model.Attack, "2014-06-10", azim)
	assert.Equal(t, [][]string{{"a-1#1", "b-1#1"}, {"c-1#1"}}, members(mergeAll(t, a, b, c)))
}

func TestIncidentIDIsItsEarliestMembers(t *testing.T) {
	a := ev("z-1#1", model.Attack, "2022-01-20", azim, dated("2022-01-21", "2022-01-21", model.PrecisionDay, model.BasisPublication))
	b := ev("a-1#1", model.Attack, "2022-01-21", azim)
	incs := mergeAll(t, a, b)
	require.Len(t, incs, 1)
	assert.Equal(t, "inc-a-1#1", incs[0].ID, "same end date: the smaller id")
}

// corpus is a day-by-day stream of reports from four outlets: some tell
// the same incidents, some different ones, some fit several.
func corpus() []model.Event {
	places := []*model.Place{azim, khalis, diyala, mosul, basra, douma, harast}
	types := []model.EventType{model.Attack, model.Airstrike, model.IED, model.Arrest}
	perps := []string{"Islamic State", "Russia", "", "Unidentified armed group"}
	var evs []model.Event
	for i := range 400 {
		day := fmt.Sprintf("2018-%02d-%02d", 1+i/60%12, 1+i%28)
		id := fmt.Sprintf("%s-%d#%d", []string{"SK", "BB", "CN", "FR"}[i%4], i/3, 1+i%3)
		opts := []func(*model.Event){killed(1 + i%7)}
		if p := perps[i%len(perps)]; p != "" {
			opts = append(opts, by(p))
		}
		evs = append(evs, ev(id, types[i%len(types)], day, places[i*7%len(places)], opts...))
		if i%5 == 0 { // a second outlet retells it the same day
			twin := evs[len(evs)-1]
			twin.ID, twin.DocID = fmt.Sprintf("XX-%d#1", i), fmt.Sprintf("XX-%d", i)
			evs = append(evs, twin)
		}
	}
	return evs
}

func encode(t *testing.T, incs []model.Incident) []byte {
	var b []byte
	for _, in := range incs {
		line, err := json.Marshal(in)
		require.NoError(t, err)
		b = append(append(b, line...), '\n')
	}
	return b
}

func TestReversedInputGivesTheSameIncidents(t *testing.T) {
	evs := corpus()
	incs := mergeAll(t, evs...)
	require.Less(t, len(incs), len(evs), "the corpus has retellings")
	slices.Reverse(evs)
	assert.Equal(t, string(encode(t, incs)), string(encode(t, mergeAll(t, evs...))))
}

func TestIncidentsLeaveAsDatesAdvance(t *testing.T) {
	evs := corpus()
	slices.SortFunc(evs, func(a, b model.Event) int {
		return strings.Compare(SortKey(a.ID, a.Date), SortKey(b.ID, b.Date))
	})
	emitted := 0
	m := New(Options{}, func(*model.Incident) error { emitted++; return nil })
	for i := range evs {
		require.NoError(t, m.Add(&evs[i]))
	}
	before := emitted
	require.NoError(t, m.Close())
	assert.Greater(t, before, emitted/2, "most incidents are out before Close")
	assert.Less(t, m.Stats().PeakOpen, emitted/4, "the window holds a month, not the corpus")
}

func TestMergerRejectsUnsortedAndRepeatedEvents(t *testing.T) {
	m := New(Options{}, func(*model.Incident) error { return nil })
	a := ev("a-1#1", model.Attack, "2022-01-21", azim)
	b := ev("b-1#1", model.Attack, "2022-01-20", azim)
	require.NoError(t, m.Add(&a))
	assert.ErrorContains(t, m.Add(&a), "twice")
	assert.ErrorContains(t, m.Add(&b), "sort events")
}
