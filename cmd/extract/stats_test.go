package main

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// statsEvent is an event line with a killed figure and flags.
func statsEvent(t *testing.T, id string, killed int, flags ...model.Flag) string {
	t.Helper()
	ev := model.Event{ID: id, DocID: strings.Split(id, "#")[0], Type: model.Attack,
		Date:  model.Date{Start: "2018-03-04", End: "2018-03-04", Precision: model.PrecisionDay, Basis: model.BasisExplicit},
		Flags: flags, Evidence: model.Evidence{Text: "evidence of " + id},
		Locations: []model.Location{{Relation: model.In, Precision: 1, Place: &model.Place{
			ID: "x", Name: "Douma", Feature: "city", Country: "SY", Admin1: "Rif Dimashq"}}},
		Casualties: []model.Casualty{{Kind: model.Killed, Count: killed, Min: killed, Max: killed, Exact: true, Text: "figure of " + id}}}
	b, err := json.Marshal(ev)
	require.NoError(t, err)
	return string(b) + "\n"
}

func runStatsOn(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runStats(t.Context(), args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestStatsLeavesAggregatesOutOfTheTotals(t *testing.T) {
	in := statsEvent(t, "a#1", 5) + statsEvent(t, "b#1", 7) + statsEvent(t, "c#1", 500000, model.Aggregate)
	out, errs, code := runStatsOn(t, in, "-")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "3 events; 1 aggregate (tallies of many incidents, not summed below: 500,000 killed in 1)")
	assert.Contains(t, out, "killed, excluding aggregates: 12 in 2 of 2 events")
	assert.Regexp(t, `Syria / Rif Dimashq\s+2\s+2\s+12`, out)
	assert.Regexp(t, `2018-03\s+2\s+2\s+12`, out)
	assert.NotContains(t, out, "c#1", "an aggregate is not among the largest single figures")
}

func TestStatsShowsTheLargestFiguresWithEvidence(t *testing.T) {
	in := statsEvent(t, "a#1", 5) + statsEvent(t, "b#1", 1000000) + statsEvent(t, "c#1", 7)
	out, _, code := runStatsOn(t, in, "--top", "2", "-")
	require.Equal(t, 0, code)
	i := strings.Index(out, "the 2 largest killed figures")
	require.GreaterOrEqual(t, i, 0, out)
	top := out[i:]
	assert.Contains(t, top, "1. 1,000,000 killed  b#1")
	assert.Contains(t, top, "figure: «figure of b#1»")
	assert.Contains(t, top, "evidence: evidence of b#1")
	assert.Contains(t, top, "2. 7 killed  c#1")
	assert.NotContains(t, top, "a#1")
}

func TestStatsCountsAnIncidentOnceWithItsBestFigure(t *testing.T) {
	events := statsEvent(t, "a#1", 10) + statsEvent(t, "b#1", 12) + statsEvent(t, "c#1", 10)
	incs, errs, code := mergeLines(t, events, "--quiet")
	require.Equal(t, 0, code, errs)
	require.Equal(t, 1, strings.Count(incs, "\n"), "one incident told three times")
	out, _, code := runStatsOn(t, incs, "-")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "killed, excluding aggregates: 10 in 1 of 1 incidents")
	assert.Contains(t, out, "figure: best 10 (reports 10 to 12) over 3 documents")
}

func TestStatsExtractsACorpus(t *testing.T) {
	out, errs, code := runStatsOn(t, "", "--quiet", seeds)
	require.Equal(t, 0, code, errs)
	n := strings.Count(extractSeeds(t), "\n")
	assert.True(t, strings.HasPrefix(out, strconv.Itoa(n)+" events;"), out)
}

func TestStatsRejectsMixedInputs(t *testing.T) {
	_, errs, code := runStatsOn(t, statsEvent(t, "a#1", 1), "-", seeds)
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "one kind at a time")
}
