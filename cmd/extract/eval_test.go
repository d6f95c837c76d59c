package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sharedDir holds the gold and corpus (/work/shared next to the repo); it
// is read at run time, never copied into the repository.
const sharedDir = "../../../shared"

func needShared(t *testing.T) (gold, seeds string) {
	t.Helper()
	gold = filepath.Join(sharedDir, "gold", "seeds.jsonl")
	seeds = filepath.Join(sharedDir, "corpus", "seeds")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("skipping: needs the shared gold and seed corpus at %s (%v)", sharedDir, err)
	}
	return gold, seeds
}

// seedPreds writes a hand-made prediction file for the seeds; the numbers
// TestEvalSeedsWithPred expects are counted by hand from it. Evidence spans
// are true code-point spans of the seed texts, as SPEC requires (the scorer
// warns otherwise).
func seedPreds(t *testing.T, seeds string) string {
	t.Helper()
	texts := map[string][]rune{}
	text := func(doc string) []rune {
		if texts[doc] == nil {
			raw, err := os.ReadFile(filepath.Join(seeds, doc+".txt"))
			require.NoError(t, err)
			texts[doc] = []rune(string(raw))
		}
		return texts[doc]
	}
	// ev is an evidence object for the first occurrence of sub in doc,
	// widened by from code points before and to after.
	ev := func(doc, sub string, from, to int) string {
		rs := text(doc)
		i := strings.Index(string(rs), sub)
		require.GreaterOrEqual(t, i, 0, "%q not in %s", sub, doc)
		a := utf8.RuneCountInString(string(rs)[:i]) - from
		b := a + from + utf8.RuneCountInString(sub) + to
		e, err := json.Marshal(map[string]any{"text": string(rs[a:b]), "span": []int{a, b}})
		require.NoError(t, err)
		return string(e)
	}
	const d0, d1, d3, d4 = "000_1297feaef265f0cb", "001_370109dc803e71f9", "003_b3b37ec40fbd454d", "004_38057b0e451fbfbe"
	lines := []string{
		// 000 G1 (suicide bombing): type, admin1, place right = 3/3.
		`{"id":"` + d0 + `#1","doc_id":"` + d0 + `","type":"suicide_bombing","evidence":` + ev(d0, "تفجيري ساحة الطيران", 0, 0) + `,
		  "locations":[{"text":"بغداد","span":[0,0],"relation":"in","precision":1,"place":{"id":"x","name":"Baghdad","name_ar":"بغداد","feature":"city","country":"IQ","admin1":"Baghdad"}}]}`,
		// 000 G5: type, date, killed, perpetrator, operation right; no location = 5/7.
		`{"id":"` + d0 + `#2","doc_id":"` + d0 + `","type":"armed_clash","date":{"start":"2021-01-29","end":"2021-01-29","precision":"day","basis":"relative"},
		  "evidence":` + ev(d0, "قتل 4 إرهابيين آخرين", 10, 0) + `,"casualties":[{"kind":"killed","count":4,"min":4,"max":4,"exact":true,"text":"","span":[0,0]}],
		  "actors":[{"name":"Counter-Terrorism Service","text":"جهاز مكافحة الإرهاب","span":[0,0],"type":"state_forces","role":"perpetrator"}],
		  "operation":{"name":"Revenge of the Martyrs","text":"ثأر الشهداء","span":[0,0]}}`,
		// The same event again: a duplicate.
		`{"id":"` + d0 + `#3","doc_id":"` + d0 + `","type":"armed_clash","evidence":` + ev(d0, "قتل 4 إرهابيين آخرين", 0, 0) + `}`,
		// 001 G2 (aggregate): all 6 slots right.
		`{"id":"` + d1 + `#1","doc_id":"` + d1 + `","type":"security_operation","date":{"start":"2020-01-01","end":"2020-12-31","precision":"year","basis":"explicit"},
		  "evidence":` + ev(d1, "قتل 206 عناصر", 0, 0) + `,"flags":["aggregate"],
		  "casualties":[{"kind":"killed","count":206,"text":"","span":[0,0]},{"kind":"arrested","count":292,"text":"","span":[0,0]}],
		  "actors":[{"name":"Counter Terrorism Service","text":"","span":[0,0],"type":"state_forces","role":"perpetrator"}]}`,
		// 003 G2 (arrest): type, admin1, place, arrested right; no perpetrator = 4/5.
		`{"id":"` + d3 + `#1","doc_id":"` + d3 + `","type":"arrest","evidence":` + ev(d3, "أبو طه البكري", 0, 0) + `,
		  "locations":[{"text":"العظيم","span":[0,0],"relation":"in","precision":1,"place":{"id":"y","name":"Al Adhaim","name_ar":"العظيم","feature":"subdistrict","country":"IQ","admin1":"Diyala"}}],
		  "casualties":[{"kind":"arrested","count":1,"text":"","span":[0,0]}]}`,
		// 003 G3 is optional: neither hit nor false positive.
		`{"id":"` + d3 + `#2","doc_id":"` + d3 + `","type":"kidnapping","evidence":` + ev(d3, "طريق كركوك – ديالى عام 2017", 0, 0) + `}`,
		// 004 G1 by overlap only: the evidence ends 3 code points into the
		// anchor "أم الكرامي". Only the type right = 1/5.
		`{"id":"` + d4 + `#1","doc_id":"` + d4 + `","type":"attack","evidence":` + ev(d4, "أم الكر", 5, -4) + `}`,
		// Matches nothing: a false positive.
		`{"id":"` + d4 + `#2","doc_id":"` + d4 + `","type":"airstrike","evidence":` + ev(d4, "في هجومين", 0, 0) + `}`,
		// Not a gold document: ignored.
		`{"id":"999#1","doc_id":"999","type":"attack","evidence":{"text":"x","span":[0,1]}}`,
	}
	for i := range lines {
		lines[i] = strings.Join(strings.Fields(lines[i]), " ")
	}
	path := filepath.Join(t.TempDir(), "pred.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	return path
}

func TestEvalSeedsWithPred(t *testing.T) {
	gold, seeds := needShared(t)
	pred := seedPreds(t, seeds)

	var out, errb bytes.Buffer
	code := runEval([]string{"--gold", gold, "--docs", seeds, "--pred", pred}, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	assert.Empty(t, errb.String(), "no warnings: every gold document was read and every anchor found")
	text := out.String()
	for _, want := range []string{
		"gold: 5 documents, 14 required + 4 optional events; 1 predictions ignored",
		// 5 matched / (8 predicted - 1 on optional gold); 5 / 14 required.
		"events     precision 0.714  recall 0.357  F1 0.476",
		"matched 5 of 14 required; predicted 8 = 5 matched + 1 on optional gold + 1 duplicates + 1 unmatched",
		"type               5/14   0.357   5/5 1.000",
		// Seeds 003 and 004 carry no publication date; 000-002 have a
		// date line, so their 5 gold dates are scored.
		"date                2/5   0.400   2/2 1.000",
		"admin1             2/13   0.154   2/4 0.500",
		"place              2/10   0.200   2/4 0.500",
		"killed              2/5   0.400   2/3 0.667",
		"arrested            2/3   0.667   2/2 1.000",
		"perpetrator        2/11   0.182   2/4 0.500",
		"operation           1/1   1.000   1/1 1.000",
		"flags               1/1   1.000   1/1 1.000",
		"overall           19/65   0.292   = 19 / (63 gold slots + 2 unmatched and duplicate predictions)",
	} {
		assert.Contains(t, text, want)
	}

	out.Reset()
	code = runEval([]string{"--gold", gold, "--docs", seeds, "--pred", pred, "--json", "-v"}, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	var r struct {
		Events struct {
			Precision, Recall              float64
			Matched, Predicted, Duplicates int
			OnOptional                     int `json:"on_optional"`
		}
		Overall struct {
			Correct   int `json:"correct"`
			GoldSlots int `json:"gold_slots"`
			Ratio     float64
		}
		Docs []struct {
			DocID      string `json:"doc_id"`
			Duplicates []struct{ ID string }
		}
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &r), out.String())
	assert.InDelta(t, 5.0/7, r.Events.Precision, 1e-9)
	assert.InDelta(t, 5.0/14, r.Events.Recall, 1e-9)
	assert.Equal(t, [4]int{5, 8, 1, 1}, [4]int{r.Events.Matched, r.Events.Predicted, r.Events.OnOptional, r.Events.Duplicates})
	assert.Equal(t, [2]int{19, 63}, [2]int{r.Overall.Correct, r.Overall.GoldSlots})
	assert.InDelta(t, 19.0/65, r.Overall.Ratio, 1e-9)
	require.Len(t, r.Docs, 5)
	assert.Equal(t, "000_1297feaef265f0cb#3", r.Docs[0].Duplicates[0].ID)

	out.Reset()
	code = runEval([]string{"-v", "--gold", gold, "--docs", seeds, "--pred", pred}, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	for _, want := range []string{
		"== 003_b3b37ec40fbd454d  (no publication date: dates not scored)",
		"  DUPLICATE of G5: 000_1297feaef265f0cb#3 armed_clash",
		"matched 004_38057b0e451fbfbe#1 attack (evidence overlaps anchor by 3)",
		"UNMATCHED (false positive): 004_38057b0e451fbfbe#2 airstrike",
		"FAIL perpetrator want Diyala Intelligence Directorate",
	} {
		assert.Contains(t, out.String(), want)
	}
}

func TestEvalPublishedFallbackScoresDates(t *testing.T) {
	gold, seeds := needShared(t)
	pred := seedPreds(t, seeds)
	var out, errb bytes.Buffer
	// The seeds' gold dates for 003 and 004 are null, so a fallback date
	// adds no date slots there; 000-002 keep their own date lines.
	code := runEval([]string{"--gold", gold, "--docs", seeds, "--pred", pred, "--published", "2022-01-23"}, &out, &errb)
	require.Equal(t, 0, code, errb.String())
	assert.Contains(t, out.String(), "date                2/5   0.400")
	assert.NotContains(t, out.String(), "no publication date")
}

func TestEvalUsageAndFileErrors(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	require.NoError(t, os.WriteFile(gold, []byte(`{"doc_id":"a","anchor":"نص","type":["attack"]}`+"\n"), 0o644))
	docs := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(docs, []byte("نص"), 0o644))
	badPred := filepath.Join(dir, "bad.jsonl")
	require.NoError(t, os.WriteFile(badPred, []byte("{\"doc_id\":\"a\"}\nnot json\n"), 0o644))

	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--docs", docs}, 2, "--gold is required"},
		{[]string{"--gold", gold}, 2, "--docs is required"},
		{[]string{"--gold", gold, "--docs", docs, "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"--gold", gold, "--docs", docs, "--published", "23/01/2022"}, 2, "want YYYY-MM-DD"},
		{[]string{"--gold", gold, "--docs", docs, "--pred", badPred, "--rules", dir}, 2, "mean nothing with --pred"},
		{[]string{"--gold", gold, "--docs", docs, "--bogus"}, 2, "flag provided but not defined"},
		{[]string{"--gold", filepath.Join(dir, "none.jsonl"), "--docs", docs}, 1, "--gold: open"},
		{[]string{"--gold", gold, "--docs", filepath.Join(dir, "missing")}, 1, "reading --docs"},
		{[]string{"--gold", gold, "--docs", docs, "--pred", filepath.Join(dir, "none.jsonl")}, 1, "--pred: open"},
		{[]string{"--gold", gold, "--docs", docs, "--pred", badPred}, 1, "bad.jsonl:2: invalid character"},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		assert.Equal(t, c.code, runEval(c.args, &out, &errb), "%v: %s", c.args, errb.String())
		assert.Contains(t, errb.String(), c.msg, "%v", c.args)
	}

	var help bytes.Buffer
	assert.Equal(t, 0, runEval([]string{"-h"}, &help, &help))
	assert.Contains(t, help.String(), "usage: extract eval --gold FILE --docs PATH")

	// A well-formed run with no predictions scores zero, not an error.
	var out, errb bytes.Buffer
	goodPred := filepath.Join(dir, "empty.jsonl")
	require.NoError(t, os.WriteFile(goodPred, nil, 0o644))
	require.Equal(t, 0, runEval([]string{"--gold", gold, "--docs", docs, "--pred", goodPred}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "overall             0/1   0.000")
}
