package model

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const text = "قتل 11 جنديا في ديالى"

func validEvent() Event {
	return Event{
		ID: "d#1", DocID: "d", Type: Attack,
		ACLED:      ACLED{EventType: "Battles", SubEventType: "Armed clash"},
		Date:       Date{Start: "2022-01-21", End: "2022-01-21", Precision: PrecisionDay, Basis: BasisPublication},
		Locations:  []Location{{Text: "ديالى", Span: Span{16, 21}, Relation: In, Precision: 3, Place: &Place{ID: "x", Name: "Diyala", Feature: "governorate", Country: "IQ", Lat: 33.9, Lon: 45}}},
		Casualties: []Casualty{{Kind: Killed, Count: 11, Min: 11, Max: 11, Exact: true, Text: "قتل 11 جنديا", Span: Span{0, 12}}},
		Evidence:   Evidence{Text: text, Span: Span{0, 21}},
		Confidence: 0.5,
	}
}

func TestValidateAcceptsAValidEvent(t *testing.T) {
	ev := validEvent()
	require.NoError(t, ev.Validate(text))
}

func TestValidateRejects(t *testing.T) {
	cases := map[string]func(*Event){
		"unknown type":          func(e *Event) { e.Type = "riot" },
		"bad date":              func(e *Event) { e.Date.Start, e.Date.End = "21/01/2022", "21/01/2022" },
		"reversed date":         func(e *Event) { e.Date.Start = "2022-02-01" },
		"bad precision":         func(e *Event) { e.Date.Precision = "hour" },
		"span past the text":    func(e *Event) { e.Evidence.Span = Span{0, 99} },
		"span text differs":     func(e *Event) { e.Evidence.Text = "غير" },
		"negative count":        func(e *Event) { e.Casualties[0].Count, e.Casualties[0].Min = -1, -1 },
		"min above count":       func(e *Event) { e.Casualties[0].Min = 12 },
		"max below count":       func(e *Event) { e.Casualties[0].Max = 10 },
		"geo precision 4":       func(e *Event) { e.Locations[0].Precision = 4 },
		"bad relation":          func(e *Event) { e.Locations[0].Relation = "inside" },
		"confidence above 1":    func(e *Event) { e.Confidence = 1.5 },
		"unknown flag":          func(e *Event) { e.Flags = []Flag{"rumour"} },
		"bad actor role":        func(e *Event) { e.Actors = []Actor{{Name: "x", Type: StateForces, Role: "victim"}} },
		"latitude out of range": func(e *Event) { e.Locations[0].Place.Lat = 91 },
		"acled of another type": func(e *Event) { e.ACLED = ACLED{"Explosions/Remote violence", "Air/drone strike"} },
		"mention span differs":  func(e *Event) { e.Mentions = []Evidence{{Text: "غير", Span: Span{0, 3}}} },
	}
	for name, mutate := range cases {
		ev := validEvent()
		mutate(&ev)
		assert.Error(t, ev.Validate(text), name)
	}
}

func TestJSONNames(t *testing.T) {
	ev := validEvent()
	b, err := json.Marshal(ev)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range []string{"id", "doc_id", "type", "acled", "date", "locations", "actors", "casualties",
		"operation", "sources", "flags", "evidence", "mentions", "confidence", "notes"} {
		assert.Contains(t, m, k)
	}
	assert.Equal(t, []any{}, m["actors"], "empty lists are [], not null")
	assert.Nil(t, m["operation"])
	loc := m["locations"].([]any)[0].(map[string]any)
	assert.Equal(t, []any{16.0, 21.0}, loc["span"])
	assert.Contains(t, loc["place"], "name_ar")
}

func TestTaxonomyMapping(t *testing.T) {
	assert.Len(t, EventTypes(), 13, "the SPEC lists 13 types")
	for _, ti := range Taxonomy() {
		assert.True(t, ti.Type.Valid(), ti.Type)
		assert.NotZero(t, ti.Family, ti.Type)
		assert.NotEqual(t, ACLED{}, ti.ACLED, ti.Type)
		assert.Equal(t, ti.ACLED, ti.MapACLED(false, false, false), ti.Type)
	}
	attack, _ := Info(Attack)
	assert.Equal(t, ACLED{"Violence against civilians", "Attack"}, attack.MapACLED(true, true, true))
	assert.Equal(t, ACLED{"Protests", "Excessive force against protesters"}, attack.MapACLED(false, true, true))
	op, _ := Info(SecurityOperation)
	assert.Equal(t, ACLED{"Battles", "Armed clash"}, op.MapACLED(false, false, true))
	assert.Equal(t, ACLED{"Strategic developments", "Other"}, op.MapACLED(true, false, false))
	_, ok := Info("riot")
	assert.False(t, ok)
}
