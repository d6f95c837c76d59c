package notes

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rasd-monitor/rasd/pkg/model"
)

var (
	azim = &model.Place{ID: "rasd:iq-azim", Name: "Al-Azim", Feature: "subdistrict", Country: "IQ",
		Admin1: "Diyala", Admin2: "Al-Khalis", Lat: 34.37, Lon: 44.52}
	isis = model.Actor{Name: "Islamic State", Type: model.RebelGroup, Role: model.Perpetrator}
	army = model.Actor{Name: "Iraqi Army", Type: model.StateForces, Role: model.Target}
	day  = model.Date{Start: "2022-01-21", End: "2022-01-21", Precision: model.PrecisionDay, Basis: model.BasisRelative}
	ina  = model.Source{Name: "Iraqi News Agency"}
	dead = func(n int) model.Casualty {
		return model.Casualty{Kind: model.Killed, Count: n, Min: n, Max: n, Exact: true}
	}
	inAzi = model.Location{Relation: model.WestOf, Precision: 2, Place: azim}
)

// seed004 is the SPEC's example event.
func seed004() model.Event {
	k := dead(11)
	k.Group = "Iraqi Army"
	return model.Event{Type: model.Attack, Date: day, Locations: []model.Location{inAzi},
		Actors: []model.Actor{isis, army}, Casualties: []model.Casualty{k}, Sources: []model.Source{ina}}
}

func TestEventFullSentence(t *testing.T) {
	ev := seed004()
	assert.Equal(t, "On 21 January 2022, Islamic State attacked Iraqi Army west of Al-Azim (Diyala, Iraq); "+
		"11 killed (Iraqi Army). Source: Iraqi News Agency.", Event(&ev))
}

func TestDates(t *testing.T) {
	cases := map[string]model.Date{
		"On 21 January 2022":                          day,
		"At dawn on 21 January 2022":                  {Start: "2022-01-21", End: "2022-01-21", Precision: model.PrecisionDay, PartOfDay: model.Dawn},
		"On the night of 21 January 2022":             {Start: "2022-01-21", End: "2022-01-21", Precision: model.PrecisionDay, PartOfDay: model.Night},
		"In January 2022":                             {Start: "2022-01-01", End: "2022-01-31", Precision: model.PrecisionMonth},
		"In 2017":                                     {Start: "2017-01-01", End: "2017-12-31", Precision: model.PrecisionYear},
		"Between 15 and 21 January 2022":              {Start: "2022-01-15", End: "2022-01-21", Precision: model.PrecisionWeek},
		"Between 28 January and 3 February 2022":      {Start: "2022-01-28", End: "2022-02-03", Precision: model.PrecisionWeek},
		"Between 29 December 2021 and 4 January 2022": {Start: "2021-12-29", End: "2022-01-04", Precision: model.PrecisionWeek},
		"On an unknown date":                          {Precision: model.PrecisionUnknown, Basis: model.BasisNone, PartOfDay: model.Dawn},
	}
	for want, d := range cases {
		assert.Equal(t, want, datePhrase(d), "%+v", d)
	}
}

func TestMissingPartsAreLeftOut(t *testing.T) {
	ev := model.Event{Type: model.Airstrike, Date: model.Date{Precision: model.PrecisionUnknown},
		Locations: []model.Location{{Text: "قرية", Relation: model.In, Precision: 1}}} // unresolved place
	assert.Equal(t, "On an unknown date, an air strike took place.", Event(&ev))
}

func TestOnlyOneSideKnown(t *testing.T) {
	ev := model.Event{Type: model.Shelling, Date: day, Actors: []model.Actor{army}}
	assert.Equal(t, "On 21 January 2022, shelling hit Iraqi Army.", Event(&ev))
	ev.Actors = []model.Actor{{Name: "Syrian Army", Type: model.StateForces, Role: model.Perpetrator}}
	assert.Equal(t, "On 21 January 2022, Syrian Army fired shells, rockets or missiles.", Event(&ev))
}

func TestPeopleAndUnnamedGroupsReadAsPeople(t *testing.T) {
	ev := model.Event{Type: model.Attack, Date: day, Actors: []model.Actor{
		{Name: "Unidentified armed group", Type: model.RebelGroup, Role: model.Perpetrator},
		{Name: "Civilians", Type: model.Civilians, Role: model.Target}}}
	assert.Equal(t, "On 21 January 2022, an unidentified armed group attacked civilians.", Event(&ev))
}

func TestArrestedOrganisationsAreMembers(t *testing.T) {
	police := model.Actor{Name: "Iraqi Police", Type: model.StateForces, Role: model.Perpetrator}
	suspects := isis
	suspects.Role = model.Target
	ev := model.Event{Type: model.Arrest, Date: day, Actors: []model.Actor{police, suspects}}
	assert.Equal(t, "On 21 January 2022, Iraqi Police arrested members of Islamic State.", Event(&ev))
}

func TestApproximateFigures(t *testing.T) {
	cases := map[string]model.Casualty{
		"about 30 killed":                     {Kind: model.Killed, Count: 30, Min: 30, Max: 30},
		"between 20 and 99 killed":            {Kind: model.Killed, Count: 20, Min: 20, Max: 99},
		"about 30 (between 25 and 35) killed": {Kind: model.Killed, Count: 30, Min: 25, Max: 35},
		"1,000,000 killed":                    {Kind: model.Killed, Count: 1000000, Min: 1000000, Max: 1000000, Exact: true},
	}
	for want, c := range cases {
		assert.Equal(t, []string{want}, eventTolls([]model.Casualty{c}))
	}
}

func TestFiguresOfOneKindAddUpWithTheirGroups(t *testing.T) {
	a, b, w := dead(20), dead(5), model.Casualty{Kind: model.Wounded, Count: 3, Min: 3, Max: 3, Exact: true}
	a.Group, b.Group = "Asayish", "civilians"
	assert.Equal(t, []string{"25 killed (20 Asayish, 5 civilians)", "3 wounded"},
		eventTolls([]model.Casualty{w, a, b}), "kinds in SPEC order, each kind once")
}

func TestFlagsAreSaid(t *testing.T) {
	ev := model.Event{Type: model.Airstrike, Date: model.Date{Start: "2014-01-01", End: "2014-12-31", Precision: model.PrecisionYear},
		Flags: []model.Flag{model.Historical, model.Aggregate}}
	assert.Equal(t, "In 2014, an air strike took place; a reference to a past incident; "+
		"a tally over many incidents, not one incident.", Event(&ev))
}

func TestOutOfAreaNamesTheCountry(t *testing.T) {
	sanaa := &model.Place{ID: "geonames:71137", Name: "Sanaa", Feature: "city", Country: "YE", Admin1: "Amanat Al Asimah"}
	ev := model.Event{Type: model.Airstrike, Date: day, Flags: []model.Flag{model.OutOfArea},
		Locations: []model.Location{{Relation: model.In, Precision: 1, Place: sanaa}}}
	assert.Equal(t, "On 21 January 2022, an air strike took place in Sanaa (Amanat Al Asimah, Yemen); "+
		"outside Iraq and Syria.", Event(&ev))
}

func TestGovernorateAndCountryPlaces(t *testing.T) {
	gov := &model.Place{Name: "Diyala", Feature: "governorate", Country: "IQ", Admin1: "Diyala"}
	assert.Equal(t, "in Diyala (Iraq)", wherePhrase([]model.Location{{Relation: model.In, Place: gov}}))
	sy := &model.Place{Name: "Syria", Feature: "country", Country: "SY"}
	assert.Equal(t, "in Syria", wherePhrase([]model.Location{{Relation: model.In, Place: sy}}))
}

func TestBetweenTwoPlaces(t *testing.T) {
	other := &model.Place{ID: "x", Name: "Hibhib", Feature: "subdistrict", Country: "IQ", Admin1: "Diyala"}
	locs := []model.Location{{Relation: model.Between, Place: azim}, {Relation: model.Between, Place: other}}
	assert.Equal(t, "between Al-Azim and Hibhib (Diyala, Iraq)", wherePhrase(locs))
}

func TestClashSidesWithoutRoles(t *testing.T) {
	a, b := isis, army
	a.Role, b.Role = model.RoleUnknown, model.RoleUnknown
	ev := model.Event{Type: model.ArmedClash, Date: day, Actors: []model.Actor{a, b}}
	assert.Equal(t, "On 21 January 2022, Islamic State clashed with Iraqi Army.", Event(&ev))
}

func TestIncidentGivesBestFigureRangeAndDocuments(t *testing.T) {
	in := model.Incident{Type: model.Attack, Date: day, Locations: []model.Location{inAzi},
		Actors: []model.Actor{isis, army}, NumberOfSources: 3,
		Tolls:   []model.Toll{{Kind: model.Killed, Best: 11, Low: 9, High: 15, Exact: true, Group: "Iraqi Army"}},
		Sources: []model.IncidentSource{{Name: "Iraqi News Agency"}, {Name: "AFP"}}}
	assert.Equal(t, "On 21 January 2022, Islamic State attacked Iraqi Army west of Al-Azim (Diyala, Iraq); "+
		"11 killed (Iraqi Army; reports give 9 to 15). Sources: Iraqi News Agency and AFP; reported in 3 documents.",
		Incident(&in))
	in.Sources = nil
	in.Tolls = []model.Toll{{Kind: model.Killed, Best: 30, Low: 30, High: 30}}
	assert.Equal(t, "On 21 January 2022, Islamic State attacked Iraqi Army west of Al-Azim (Diyala, Iraq); "+
		"about 30 killed. Reported in 3 documents.", Incident(&in))
}
