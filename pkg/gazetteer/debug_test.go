package gazetteer

import (
	"os"
	"path/filepath"
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
