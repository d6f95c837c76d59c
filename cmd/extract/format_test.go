package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/output"
)

// update rewrites the golden files of the command's output formats, as
// cmd/gofmt's tests do:
//
//	go test ./cmd/extract -run Golden -update
//
// Read every changed line before committing.
var update = flag.Bool("update", false, "rewrite testdata/golden/{formats,merge} from the current output")

const (
	seeds  = "../../testdata/seeds"
	golden = "../../testdata/golden"
)

// extractSeeds runs the real batch over the seed articles.
func extractSeeds(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	code := runBatch(context.Background(), append(append([]string{"--quiet"}, args...), seeds), nil, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	return out.String()
}

// checkGolden compares got with the golden file, or rewrites it.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run: go test ./cmd/extract -run Golden -update")
	if string(want) != got {
		t.Errorf("%s differs from the current output (rerun with -update if the change is right):\n%s",
			path, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines that differ, by number.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  - " + a + "\n  + " + c + "\n")
		}
	}
	return b.String()
}

func TestFormatsGolden(t *testing.T) {
	for _, f := range []string{"csv", "geojson"} {
		t.Run(f, func(t *testing.T) {
			got := extractSeeds(t, "--format", f, "--workers", "1")
			assert.Equal(t, got, extractSeeds(t, "--format", f, "--workers", "4"), "the same for any --workers")
			checkGolden(t, filepath.Join(golden, "formats", "seeds."+f), got)
		})
	}
}

func TestCSVHasACLEDsHeaderAndParses(t *testing.T) {
	rows, err := csv.NewReader(strings.NewReader(extractSeeds(t, "--format", "csv"))).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, strings.Split("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"+
		"sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"+
		"iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"+
		"notes,fatalities,tags,timestamp", ","), rows[0])
	jsonl := extractSeeds(t)
	assert.Len(t, rows, 1+strings.Count(jsonl, "\n"), "one row per event")
	for _, r := range rows[1:] {
		assert.NotEmpty(t, r[27], "every row has notes: %v", r)
	}
}

// checkFeatureCollection asserts that s is a GeoJSON FeatureCollection of
// points with coordinates in range, and returns how many features it has.
func checkFeatureCollection(t *testing.T, s string) int {
	t.Helper()
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			Type     string `json:"type"`
			Geometry struct {
				Type        string    `json:"type"`
				Coordinates []float64 `json:"coordinates"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	require.NoError(t, json.Unmarshal([]byte(s), &fc))
	assert.Equal(t, "FeatureCollection", fc.Type)
	for _, f := range fc.Features {
		assert.Equal(t, "Feature", f.Type)
		assert.Equal(t, "Point", f.Geometry.Type)
		require.Len(t, f.Geometry.Coordinates, 2)
		lon, lat := f.Geometry.Coordinates[0], f.Geometry.Coordinates[1]
		assert.True(t, lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, "coordinates %v", f.Geometry.Coordinates)
		assert.NotEmpty(t, f.Properties["notes"])
	}
	return len(fc.Features)
}

func TestGeoJSONIsValidAndCountsWhatItLeavesOut(t *testing.T) {
	var out, errb bytes.Buffer
	code := runBatch(context.Background(), []string{"--quiet", "--format", "geojson", seeds}, nil, &out, &errb)
	require.Equal(t, 0, code)
	n := checkFeatureCollection(t, out.String())
	events := strings.Count(extractSeeds(t), "\n")
	if n < events {
		assert.Contains(t, errb.String(), "without coordinates", "even --quiet says what it left out")
	}
	assert.Positive(t, n)
}

func TestAreaKeepsOnlyItsCountries(t *testing.T) {
	var out, errb bytes.Buffer
	code := runBatch(context.Background(), []string{"--area", "SY", seeds}, nil, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.NotEmpty(t, lines)
	for _, l := range lines {
		assert.Contains(t, l, `"country":"SY"`)
	}
	assert.Contains(t, errb.String(), "--area left out")
}

func TestBadFormatAndAreaAreUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"--format", "xlsx", seeds}, {"--area", "Iraq", seeds}} {
		var out, errb bytes.Buffer
		assert.Equal(t, 2, runBatch(context.Background(), args, nil, &out, &errb), args)
		assert.Contains(t, errb.String(), "--", args)
	}
}

func TestWriterMatchesOutputPackage(t *testing.T) {
	// The batch's framing is the output package's: an empty run is still a
	// whole file in every format.
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.jsonl")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	for _, f := range output.Formats() {
		var out, errb bytes.Buffer
		require.Equal(t, 0, runBatch(context.Background(), []string{"--quiet", "--format", string(f), empty}, nil, &out, &errb))
		var want bytes.Buffer
		require.NoError(t, output.NewWriter(&want, f).Close())
		assert.Equal(t, want.String(), out.String(), f)
	}
}
