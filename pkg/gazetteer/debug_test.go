package gazetteer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/rules"
)

func TestDebugSeeds(t *testing.T) {
	if os.Getenv("GZDEBUG") == "" {
		t.Skip()
	}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFinder(g, rules.Default())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt")
	for _, fn := range files {
		b, _ := os.ReadFile(fn)
		t.Log("==", fn)
		for _, m := range f.Find(arabic.New(string(b))) {
			if m.Place != nil {
				t.Logf("%v  %s %.2f,%.2f", m, m.Place.ID, m.Place.Lat, m.Place.Lon)
			} else {
				t.Logf("%v", m)
			}
		}
	}
}

func TestDebugDev(t *testing.T) {
	out := os.Getenv("GZDEV")
	if out == "" {
		t.Skip()
	}
	g, _, err := Load("../../../shared/gazetteer")
	if err != nil {
		t.Fatal(err)
	}
	f, err := NewFinder(g, rules.Default())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile("../../../shared/corpus/dev.jsonl")
	w, _ := os.Create(out)
	defer w.Close()
	for _, line := range strings.Split(string(b), "\n") {
		var doc struct{ ID, Text string }
		if json.Unmarshal([]byte(line), &doc) != nil {
			continue
		}
		tx := arabic.New(doc.Text)
		for _, m := range f.Find(tx) {
			s, e := max(0, m.Span[0]-30), min(len(tx.Runes), m.Span[1]+30)
			ctx := strings.ReplaceAll(tx.Slice(s, e), "\n", " ")
			src := "-"
			if m.Place != nil {
				src = fmt.Sprint(m.Place.Curated, " ", m.Place.ID)
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", m, m.Feature, src, ctx)
		}
	}
}
