package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// mergeLines runs extract merge over JSONL given on stdin.
func mergeLines(t *testing.T, input string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = runMerge(args, strings.NewReader(input), &out, &errb)
	return out.String(), errb.String(), code
}

func incidents(t *testing.T, jsonl string) []model.Incident {
	t.Helper()
	var out []model.Incident
	sc := bufio.NewScanner(strings.NewReader(jsonl))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var in model.Incident
		require.NoError(t, json.Unmarshal(sc.Bytes(), &in))
		out = append(out, in)
	}
	return out
}

func TestTwoOutletsOneIncidentEndToEnd(t *testing.T) {
	// Two outlets tell one roadside bomb in their own words; extraction
	// then merge gives one incident with both sources and one toll.
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs.jsonl")
	require.NoError(t, os.WriteFile(docs, []byte(
		`{"id":"ina-100","published":"2022-01-21","text":"أعلنت وكالة الأنباء العراقية أن عبوة ناسفة انفجرت صباح اليوم على دورية للجيش العراقي في ناحية العظيم شمالي ديالى، ما أسفر عن مقتل 3 جنود."}`+"\n"+
			`{"id":"afp-200","published":"2022-01-21","text":"قالت وكالة فرانس برس إن ثلاثة جنود عراقيين قتلوا اليوم بانفجار عبوة ناسفة استهدفت دوريتهم في ناحية العظيم بمحافظة ديالى."}`+"\n"),
		0o644))
	events := runExtract(t, docs)
	require.Equal(t, 2, strings.Count(events, "\n"), "one event per article")
	out, errs, code := mergeLines(t, events, "--quiet")
	require.Equal(t, 0, code, errs)
	incs := incidents(t, out)
	require.Len(t, incs, 1)
	in := incs[0]
	assert.Equal(t, []string{"afp-200", "ina-100"}, in.DocIDs)
	assert.Equal(t, 2, in.NumberOfSources)
	var names []string
	for _, s := range in.Sources {
		names = append(names, s.Name)
	}
	slices.Sort(names)
	assert.Equal(t, []string{"AFP", "Iraqi News Agency"}, names)
	toll, ok := in.Toll(model.Killed)
	require.True(t, ok)
	assert.Equal(t, 3, toll.Best)
	assert.Equal(t, model.IED, in.Type)
}

func runExtract(t *testing.T, paths ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	code := runBatch(t.Context(), append([]string{"--quiet"}, paths...), nil, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	return out.String()
}

// twoOfOneArticle are two incidents one article tells apart, on one day in
// one place: the merge must believe the article.
const twoOfOneArticle = `{"id":"a#1","doc_id":"a","type":"ied","acled":{"event_type":"Explosions/Remote violence","sub_event_type":"Remote explosive/landmine/IED"},"date":{"start":"2022-01-21","end":"2022-01-21","precision":"day","basis":"relative"},"locations":[{"text":"العظيم","span":[0,6],"relation":"in","precision":1,"place":{"id":"rasd:iq-azim","name":"Al-Azim","name_ar":"العظيم","feature":"subdistrict","country":"IQ","admin1":"Diyala","admin2":"Al-Khalis","lat":34.37,"lon":44.52}}],"actors":[],"casualties":[],"operation":null,"sources":[],"flags":[],"evidence":{"text":"x","span":[0,1]},"mentions":[],"confidence":0.7,"notes":""}
{"id":"a#2","doc_id":"a","type":"ied","acled":{"event_type":"Explosions/Remote violence","sub_event_type":"Remote explosive/landmine/IED"},"date":{"start":"2022-01-21","end":"2022-01-21","precision":"day","basis":"relative"},"locations":[{"text":"العظيم","span":[0,6],"relation":"in","precision":1,"place":{"id":"rasd:iq-azim","name":"Al-Azim","name_ar":"العظيم","feature":"subdistrict","country":"IQ","admin1":"Diyala","admin2":"Al-Khalis","lat":34.37,"lon":44.52}}],"actors":[],"casualties":[],"operation":null,"sources":[],"flags":[],"evidence":{"text":"y","span":[0,1]},"mentions":[],"confidence":0.7,"notes":""}
`

func TestTwoIncidentsOfOneArticleStayTwoEndToEnd(t *testing.T) {
	out, errs, code := mergeLines(t, twoOfOneArticle, "--quiet")
	require.Equal(t, 0, code, errs)
	assert.Len(t, incidents(t, out), 2)
}

func TestMergeOfReversedInputIsIdentical(t *testing.T) {
	events := runExtract(t, seeds)
	lines := strings.SplitAfter(strings.TrimSuffix(events, "\n"), "\n")
	lines[len(lines)-1] += "\n"
	slices.Reverse(lines)
	reversed := strings.Join(lines, "")
	require.NotEqual(t, events, reversed)
	want, _, code := mergeLines(t, events, "--quiet")
	require.Equal(t, 0, code)
	got, _, code := mergeLines(t, reversed, "--quiet", "--sort-mem", "2048") // and sorted through runs on disk
	require.Equal(t, 0, code)
	assert.Equal(t, want, got)
}

func TestMergeGolden(t *testing.T) {
	events := runExtract(t, seeds)
	for _, f := range []string{"jsonl", "csv", "geojson"} {
		t.Run(f, func(t *testing.T) {
			out, errs, code := mergeLines(t, events, "--quiet", "--format", f)
			require.Equal(t, 0, code, errs)
			checkGolden(t, filepath.Join(golden, "merge", "seeds."+f), out)
			if f == "geojson" {
				checkFeatureCollection(t, out)
			}
		})
	}
}

func TestMergeReportsLinesThatAreNotEvents(t *testing.T) {
	input := "not json\n" + `{"incident_id":"inc-a#1"}` + "\n" + strings.SplitAfter(twoOfOneArticle, "\n")[0]
	out, errs, code := mergeLines(t, input, "--quiet")
	assert.Equal(t, 1, code, "some lines failed, the rest merged")
	assert.Contains(t, errs, "stdin:1: not JSON")
	assert.Contains(t, errs, "stdin:2: an incident, not an event")
	assert.Len(t, incidents(t, out), 1)
}

func TestMergeReportsAnEventWithABadBodyAndGoesOn(t *testing.T) {
	good := strings.SplitAfter(twoOfOneArticle, "\n")[0]
	badBody := strings.Replace(strings.SplitAfter(twoOfOneArticle, "\n")[1], `"casualties":[]`, `"casualties":"many"`, 1)
	out, errs, code := mergeLines(t, good+badBody, "--quiet")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "event a#2: not an event record")
	assert.Len(t, incidents(t, out), 1)
}

func TestMergeSummarySaysWhatItDid(t *testing.T) {
	_, errs, code := mergeLines(t, twoOfOneArticle)
	require.Equal(t, 0, code)
	assert.Contains(t, errs, "2 events, 2 incidents (0 told by 2 or more documents)")
}
