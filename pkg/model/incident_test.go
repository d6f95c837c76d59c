package model

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIncidentJSONNames(t *testing.T) {
	b, err := json.Marshal(Incident{ID: "i", Tolls: []Toll{{Kind: Killed, Best: 11, Low: 9, High: 15}}})
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	for _, k := range []string{"incident_id", "events", "doc_ids", "number_of_sources", "type", "acled", "date",
		"locations", "actors", "casualties", "operation", "sources", "flags", "evidence", "notes"} {
		assert.Contains(t, m, k)
	}
	assert.Equal(t, []any{}, m["events"], "empty lists are [], not null")
	toll := m["casualties"].([]any)[0].(map[string]any)
	for _, k := range []string{"kind", "best", "low", "high"} {
		assert.Contains(t, toll, k, "UCDP GED-style bounds")
	}
}

func TestPrimaryPlaceIsTheFirstResolvedLocation(t *testing.T) {
	p := &Place{ID: "x", Name: "Diyala"}
	loc, ok := PrimaryPlace([]Location{{Text: "قرية"}, {Text: "ديالى", Place: p}})
	assert.True(t, ok)
	assert.Same(t, p, loc.Place)
	_, ok = PrimaryPlace([]Location{{Text: "قرية"}})
	assert.False(t, ok)
}
