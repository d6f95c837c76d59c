package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runGaz(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"gazetteer"}, args...), nil, &out, &errb)
	return code, out.String(), errb.String()
}

func TestGazetteerUsage(t *testing.T) {
	code, _, stderr := runGaz()
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "usage:")
	code, _, _ = runGaz("nonsense")
	assert.Equal(t, 2, code)
	code, _, _ = runGaz("lookup")
	assert.Equal(t, 2, code)
	code, _, _ = runGaz("report")
	assert.Equal(t, 2, code)
	code, _, _ = runGaz("build", "dir")
	assert.Equal(t, 2, code, "build without -o")
	code, _, _ = runGaz("lookup", "--no-such-flag", "x")
	assert.Equal(t, 2, code)
	code, out, _ := runGaz("help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "extract gazetteer lookup")
}

func TestGazetteerLookup(t *testing.T) {
	code, out, _ := runGaz("lookup", "الحويجة")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Hawija / الحويجة  [town]  35.3200, 43.7700")
	assert.Contains(t, out, "in Hawija (district) < Kirkuk (governorate) < Iraq (country)")
	code, out, _ = runGaz("lookup", "لا-مكان")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "not found")
}

func TestGazetteerFind(t *testing.T) {
	code, out, _ := runGaz("find", "هجوم غربي ناحية العظيم")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, `[5,22) "غربي ناحية العظيم" west_of p2 Al-Azim (subdistrict, Diyala)`)
}

func TestGazetteerReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(
		`{"id":"a","text":"انفجار في كركوك وهجوم على قرية برميزة"}`+"\n"+
			`{"id":"b","text":"غارات على مدينة الحديدة"}`+"\n"), 0o644))
	code, out, stderr := runGaz("report", path)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "place mentions: 3\nresolved, with a country: 2 (66.7%): in Iraq/Syria 1, abroad 1\n"+
		"unresolved: 1 (33.3%)\nforeign, not in the gazetteer: 0 (0.0%)")
	assert.Contains(t, out, "1  Al Hudaydah (city, Al Hudaydah, YE)")
	assert.Contains(t, out, "1  قريه برميزة")
	code, _, _ = runGaz("report", filepath.Join(t.TempDir(), "missing.jsonl"))
	assert.Equal(t, 1, code)
}

func TestGazetteerBuildAndLoad(t *testing.T) {
	dump := filepath.Join(sharedDir, "gazetteer")
	if _, err := os.Stat(filepath.Join(dump, "IQ.txt")); err != nil {
		t.Skipf("skipping: needs the GeoNames dump at %s (%v)", dump, err)
	}
	file := filepath.Join(t.TempDir(), "gaz.bin")
	code, out, stderr := runGaz("build", dump, "-o", file)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "GeoNames")
	code, out, stderr = runGaz("lookup", "--gazetteer", file, "زملكا")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "Zamalka")
	assert.Contains(t, out, "Rif Dimashq")
}
