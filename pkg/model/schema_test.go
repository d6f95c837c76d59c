package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The record contract lives in the repository (docs/) and is kept equal to
// the shared one; the JSON Schema of an event is tested against every
// golden record. santhosh-tekuri/jsonschema is a test dependency only.

const (
	specPath   = "../../docs/SPEC.md"
	sharedSpec = "../../../shared/SPEC.md"
	schemaPath = "../../docs/event.schema.json"
	goldenGlob = "../../testdata/golden/*.jsonl"
)

func TestSpecIsTheSharedOne(t *testing.T) {
	shared, err := os.ReadFile(sharedSpec)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: cannot compare docs/SPEC.md with the shared SPEC", sharedSpec)
	}
	require.NoError(t, err)
	ours, err := os.ReadFile(specPath)
	require.NoError(t, err)
	assert.Equal(t, string(shared), string(ours), "docs/SPEC.md differs from ../shared/SPEC.md: copy the shared one over it (cp ../shared/SPEC.md docs/)")
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(schemaPath)
	require.NoError(t, err)
	return sch
}

func validateJSON(sch *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

func TestGoldenRecordsMatchTheSchema(t *testing.T) {
	sch := compileSchema(t)
	files, err := filepath.Glob(goldenGlob)
	require.NoError(t, err)
	require.NotEmpty(t, files)
	n := 0
	for _, f := range files {
		fh, err := os.Open(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for line := 1; sc.Scan(); line++ {
			assert.NoError(t, validateJSON(sch, sc.Bytes()), "%s:%d", f, line)
			n++
		}
		require.NoError(t, sc.Err())
		fh.Close()
	}
	assert.Positive(t, n)
}

// fullEvent sets every field, optional ones included; its spans hold
// their texts in text ("قتل 11 جنديا في ديالى"), whatever they stand for.
func fullEvent() Event {
	ev := validEvent()
	ev.Date.PartOfDay = Dawn
	ev.Date.Text = "قتل"
	ev.Date.Span = &Span{0, 3}
	ev.Locations[0].Place.NameAr = "ديالى"
	ev.Locations[0].Place.Admin1 = "Diyala"
	ev.Locations[0].Place.Admin2 = "Baqubah"
	ev.Actors = []Actor{{Name: "Islamic State", Text: "جنديا", Span: Span{7, 12}, Type: RebelGroup, Role: Perpetrator, Country: "IQ", Person: "أبو طه"}}
	ev.Casualties[0].Group = "Iraqi Army"
	ev.Operation = &Operation{Name: "Revenge of the Martyrs", Text: "قتل 11", Span: Span{0, 6}}
	ev.Sources = []Source{{Name: "Iraqi News Agency", Text: "في", Span: Span{13, 15}}}
	ev.Flags = []Flag{Historical, OutOfArea}
	ev.Mentions = []Evidence{ev.Evidence}
	ev.Notes = "On 21 January 2022, Islamic State attacked the Iraqi Army in Diyala."
	return ev
}

// unset lists the fields of v left at their zero value, by JSON path.
func unset(v reflect.Value, path string, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			*out = append(*out, path)
			return
		}
		unset(v.Elem(), path, out)
	case reflect.Struct:
		for i := range v.NumField() {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			unset(v.Field(i), path+"."+name, out)
		}
	case reflect.Slice:
		if v.Len() == 0 {
			*out = append(*out, path)
		}
		for i := range v.Len() {
			unset(v.Index(i), path+"[]", out)
		}
	case reflect.Array:
	default:
		if v.IsZero() && v.Kind() != reflect.Int && v.Kind() != reflect.Float64 && v.Kind() != reflect.Bool {
			*out = append(*out, path)
		}
	}
}

// Every field of the record is in the schema: a record with every field
// set validates, and the schema takes no field it does not name
// (additionalProperties is false throughout). A field added to pkg/model
// fails here until fullEvent sets it and the schema has it.
func TestSchemaCoversEveryField(t *testing.T) {
	ev := fullEvent()
	var missing []string
	unset(reflect.ValueOf(ev), "event", &missing)
	require.Empty(t, missing, "fullEvent leaves fields unset")
	require.NoError(t, ev.Validate(text), "fullEvent is a valid event")
	data, err := json.Marshal(ev)
	require.NoError(t, err)
	assert.NoError(t, validateJSON(compileSchema(t), data))
}

func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	valid, err := json.Marshal(fullEvent())
	require.NoError(t, err)
	for name, edit := range map[string]func(m map[string]any){
		"unknown type":      func(m map[string]any) { m["type"] = "riot" },
		"no notes":          func(m map[string]any) { delete(m, "notes") },
		"no mentions":       func(m map[string]any) { delete(m, "mentions") },
		"unknown field":     func(m map[string]any) { m["extra"] = 1 },
		"confidence over 1": func(m map[string]any) { m["confidence"] = 1.5 },
		"bad flag":          func(m map[string]any) { m["flags"] = []any{"rumour"} },
		"repeated flag":     func(m map[string]any) { m["flags"] = []any{"historical", "historical"} },
		"date not ISO":      func(m map[string]any) { m["date"].(map[string]any)["start"] = "21/01/2022" },
		"span of three":     func(m map[string]any) { m["evidence"].(map[string]any)["span"] = []any{1, 2, 3} },
		"negative span":     func(m map[string]any) { m["evidence"].(map[string]any)["span"] = []any{-1, 2} },
		"id without #n":     func(m map[string]any) { m["id"] = "d" },
		"acled of another type": func(m map[string]any) {
			m["acled"] = map[string]any{"event_type": "Strategic developments", "sub_event_type": "Arrests"}
		},
		"place without country": func(m map[string]any) {
			delete(m["locations"].([]any)[0].(map[string]any)["place"].(map[string]any), "country")
		},
	} {
		var m map[string]any
		require.NoError(t, json.Unmarshal(valid, &m))
		edit(m)
		data, err := json.Marshal(m)
		require.NoError(t, err)
		assert.Error(t, validateJSON(sch, data), name)
	}
}

// The schema's type-to-ACLED pairs are the taxonomy's.
func TestSchemaACLEDPairsAreTheTaxonomy(t *testing.T) {
	sch := compileSchema(t)
	var all []ACLED
	for _, ti := range Taxonomy() {
		for _, a := range ti.Mappings() {
			if !containsACLED(all, a) {
				all = append(all, a)
			}
		}
	}
	for _, ti := range Taxonomy() {
		for _, a := range all {
			ev := fullEvent()
			ev.Type, ev.ACLED = ti.Type, a
			data, err := json.Marshal(ev)
			require.NoError(t, err)
			err = validateJSON(sch, data)
			if containsACLED(ti.Mappings(), a) {
				assert.NoError(t, err, "%s may map to %v", ti.Type, a)
			} else {
				assert.Error(t, err, "%s does not map to %v", ti.Type, a)
			}
		}
	}
}

func containsACLED(list []ACLED, a ACLED) bool {
	for _, b := range list {
		if a == b {
			return true
		}
	}
	return false
}
