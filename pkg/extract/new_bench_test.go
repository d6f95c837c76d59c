package extract_test

import (
	"testing"

	"github.com/rasd-monitor/rasd/pkg/extract"
)

// BenchmarkNew is the start-up cost of the library and the command: compiling
// the embedded rules and the embedded default gazetteer. It grows with the
// embedded data, so changes to pkg/gazetteer/data are measured here.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := extract.New(extract.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
