package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/model"
)

var azim = &model.Place{ID: "rasd:iq-azim", Name: "Al-Azim", Feature: "subdistrict", Country: "IQ",
	Admin1: "Diyala", Admin2: "Al-Khalis", Lat: 34.37, Lon: 44.52}

// seed004 is the SPEC's example event.
func seed004() model.Event {
	return model.Event{
		ID: "seed-004#1", DocID: "seed-004", Type: model.Attack,
		ACLED: model.ACLED{EventType: "Battles", SubEventType: "Armed clash"},
		Date:  model.Date{Start: "2022-01-21", End: "2022-01-21", Precision: model.PrecisionDay, Basis: model.BasisRelative},
		Locations: []model.Location{{Text: "بين قرى", Relation: model.Between, Precision: 2},
			{Text: "غربي ناحية العظيم", Relation: model.WestOf, Precision: 2, Place: azim}},
		Actors: []model.Actor{
			{Name: "Islamic State", Type: model.RebelGroup, Role: model.Perpetrator},
			{Name: "Iraqi Army", Type: model.StateForces, Role: model.Target, Country: "IQ"}},
		Casualties: []model.Casualty{{Kind: model.Killed, Count: 11, Min: 11, Max: 11, Exact: true, Group: "Iraqi Army"}},
		Sources:    []model.Source{{Name: "Iraqi News Agency"}},
		Notes:      "On 21 January 2022, Islamic State attacked Iraqi Army west of Al-Azim (Diyala, Iraq); 11 killed (Iraqi Army). Source: Iraqi News Agency.",
	}
}

// acledHeader is ACLED's column layout, written out here independently of
// the package's own list.
const acledHeader = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type," +
	"actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region," +
	"country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes," +
	"fatalities,tags,timestamp"

func writeEvents(t *testing.T, f Format, evs ...model.Event) (string, *Writer) {
	t.Helper()
	var b bytes.Buffer
	w := NewWriter(&b, f)
	for i := range evs {
		require.NoError(t, w.WriteEvent(&evs[i]))
	}
	require.NoError(t, w.Close())
	return b.String(), w
}

func readCSV(t *testing.T, s string) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewBufferString(s)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, name := range rows[0] {
			m[name] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func TestCSVHeaderIsACLEDs(t *testing.T) {
	s, _ := writeEvents(t, CSV)
	assert.Equal(t, acledHeader+"\n", s, "an empty file is the header alone")
}

func TestCSVRowMapsTheEventToACLEDColumns(t *testing.T) {
	s, _ := writeEvents(t, CSV, seed004())
	rows := readCSV(t, s)
	require.Len(t, rows, 1)
	assert.Equal(t, map[string]string{
		"event_id_cnty": "seed-004#1", "event_date": "2022-01-21", "year": "2022", "time_precision": "1",
		"disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
		"actor1": "Islamic State", "assoc_actor_1": "", "inter1": "2",
		"actor2": "Iraqi Army", "assoc_actor_2": "", "inter2": "1", "interaction": "12", "civilian_targeting": "",
		"iso": "368", "region": "Middle East", "country": "Iraq", "admin1": "Diyala", "admin2": "Al-Khalis", "admin3": "",
		"location": "Al-Azim", "latitude": "34.37", "longitude": "44.52", "geo_precision": "2",
		"source": "Iraqi News Agency", "source_scale": "", "notes": seed004().Notes, "fatalities": "11",
		"tags": "type=attack", "timestamp": "",
	}, rows[0])
}

func TestCSVQuotesWhatNeedsQuoting(t *testing.T) {
	e := seed004()
	e.Notes = "a \"quoted\" note,\nover two lines"
	s, _ := writeEvents(t, CSV, e)
	assert.Equal(t, e.Notes, readCSV(t, s)[0]["notes"])
}

func TestCSVCoarseDatesAndCivilians(t *testing.T) {
	e := seed004()
	e.Date = model.Date{Start: "2022-01-01", End: "2022-01-31", Precision: model.PrecisionMonth}
	e.Actors = []model.Actor{{Name: "Civilians", Type: model.Civilians, Role: model.Target}}
	e.ACLED = model.ACLED{EventType: "Violence against civilians", SubEventType: "Attack"}
	e.Casualties[0].Exact = false
	row := readCSV(t, func() string { s, _ := writeEvents(t, CSV, e); return s }())[0]
	assert.Equal(t, "2022-01-16", row["event_date"], "the middle of the month")
	assert.Equal(t, "3", row["time_precision"])
	assert.Equal(t, "", row["actor1"], "no perpetrator named")
	assert.Equal(t, "Civilians", row["actor2"])
	assert.Equal(t, "70", row["interaction"], "a lone actor's code and 0")
	assert.Equal(t, "Civilian targeting", row["civilian_targeting"])
	assert.Equal(t, "type=attack; fatalities approximate", row["tags"])
}

func TestCSVIncidentRowGivesTheBestFigure(t *testing.T) {
	in := model.Incident{ID: "inc-a#1", Type: model.Attack, ACLED: model.ACLED{EventType: "Battles", SubEventType: "Armed clash"},
		Date: seed004().Date, Locations: seed004().Locations, NumberOfSources: 3,
		Tolls:   []model.Toll{{Kind: model.Killed, Best: 11, Low: 9, High: 15, Exact: true}},
		Sources: []model.IncidentSource{{Name: "AFP"}, {Name: "Reuters"}}, Notes: "note"}
	var b bytes.Buffer
	w := NewWriter(&b, CSV)
	require.NoError(t, w.WriteIncident(&in))
	require.NoError(t, w.Close())
	row := readCSV(t, b.String())[0]
	assert.Equal(t, "inc-a#1", row["event_id_cnty"])
	assert.Equal(t, "11", row["fatalities"])
	assert.Equal(t, "AFP; Reuters", row["source"])
	assert.Equal(t, "type=attack; documents=3; fatalities range=9-15", row["tags"])
}

type collection struct {
	Type     string `json:"type"`
	Features []struct {
		Type     string `json:"type"`
		ID       string `json:"id"`
		Geometry struct {
			Type        string    `json:"type"`
			Coordinates []float64 `json:"coordinates"`
		} `json:"geometry"`
		Properties map[string]any `json:"properties"`
	} `json:"features"`
}

func TestGeoJSONIsAFeatureCollectionOfPoints(t *testing.T) {
	unplaced := seed004()
	unplaced.ID, unplaced.Locations = "seed-004#2", nil
	second := seed004()
	second.ID = "seed-004#3"
	s, w := writeEvents(t, GeoJSON, seed004(), unplaced, second)
	var fc collection
	require.NoError(t, json.Unmarshal([]byte(s), &fc), s)
	assert.Equal(t, "FeatureCollection", fc.Type)
	require.Len(t, fc.Features, 2)
	f := fc.Features[0]
	assert.Equal(t, "Feature", f.Type)
	assert.Equal(t, "Point", f.Geometry.Type)
	assert.Equal(t, []float64{44.52, 34.37}, f.Geometry.Coordinates, "longitude first")
	assert.Equal(t, "Islamic State", f.Properties["actor1"])
	assert.Equal(t, 11.0, f.Properties["killed"])
	assert.Equal(t, "seed-004#3", fc.Features[1].ID)
	assert.Equal(t, 1, w.Skipped(), "the event without a place is counted, not lost silently")
}

func TestGeoJSONWithNoFeaturesIsStillValid(t *testing.T) {
	s, _ := writeEvents(t, GeoJSON)
	var fc collection
	require.NoError(t, json.Unmarshal([]byte(s), &fc), s)
	assert.Equal(t, "FeatureCollection", fc.Type)
	assert.Empty(t, fc.Features)
}

func TestChunksEncodedApartMakeOneFile(t *testing.T) {
	// A batch encodes each document's records on its own goroutine; the
	// Writer must join the chunks into the file WriteEvent would write.
	evs := []model.Event{seed004(), seed004(), seed004()}
	for i := range evs {
		evs[i].ID = evs[i].DocID + "#" + string(rune('1'+i))
	}
	for _, f := range Formats() {
		want, _ := writeEvents(t, f, evs...)
		var b bytes.Buffer
		w := NewWriter(&b, f)
		one, _, err := f.AppendEvent(nil, &evs[0])
		require.NoError(t, err)
		two, _, err := f.AppendEvent(nil, &evs[1])
		require.NoError(t, err)
		two, _, err = f.AppendEvent(two, &evs[2])
		require.NoError(t, err)
		require.NoError(t, w.Write(nil)) // a document with no events
		require.NoError(t, w.Write(one))
		require.NoError(t, w.Write(two))
		require.NoError(t, w.Close())
		assert.Equal(t, want, b.String(), f)
	}
}

func TestJSONLIsTheSPECRecord(t *testing.T) {
	e := seed004()
	s, _ := writeEvents(t, JSONL, e)
	want, err := json.Marshal(e)
	require.NoError(t, err)
	assert.Equal(t, string(want)+"\n", s)
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats() {
		got, err := ParseFormat(string(f))
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
	_, err := ParseFormat("xlsx")
	assert.ErrorContains(t, err, "jsonl, csv or geojson")
}
