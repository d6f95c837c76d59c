package gazetteer

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/rules"
)

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad loads the GeoNames dump merged with the embedded list and
// reports the heap the result holds (MB) alongside the time per load.
func BenchmarkLoad(b *testing.B) {
	dir := needShared(b, "gazetteer")
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, _, err = Load(dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(g.Len()), "places")
	b.ReportMetric(heapOf(func() any { g, _, _ := Load(dir); return g }), "heap-MB")
}

// BenchmarkNewFinder compiles the finder over the full gazetteer.
func BenchmarkNewFinder(b *testing.B) {
	g, _, err := Load(needShared(b, "gazetteer"))
	if err != nil {
		b.Fatal(err)
	}
	var f *Finder
	for b.Loop() {
		if f, err = NewFinder(g, rules.Default()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(f.names.Len()), "names")
	b.ReportMetric(heapOf(func() any { f, _ := NewFinder(g, rules.Default()); return f }), "heap-MB")
}

func BenchmarkLookup(b *testing.B) {
	g, _, err := Load(needShared(b, "gazetteer"))
	if err != nil {
		b.Fatal(err)
	}
	names := []string{"كركوك", "بالحسكة", "الحويجة", "عين ترما", "Mosul", "قرية لا توجد"}
	i := 0
	for b.Loop() {
		g.Lookup(names[i%len(names)])
		i++
	}
}

// BenchmarkFind runs the finder over dev.jsonl with the full gazetteer;
// MB/s counts the text bytes, tokenising excluded.
func BenchmarkFind(b *testing.B) {
	g, _, err := Load(needShared(b, "gazetteer"))
	if err != nil {
		b.Fatal(err)
	}
	benchFind(b, g)
}

// BenchmarkFindDefault is BenchmarkFind with the embedded gazetteer, what
// the extractor uses unless given a dump.
func BenchmarkFindDefault(b *testing.B) {
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	benchFind(b, g)
}

func benchFind(b *testing.B, g *Gazetteer) {
	f, err := NewFinder(g, rules.Default())
	if err != nil {
		b.Fatal(err)
	}
	var texts []*arabic.Text
	size := 0
	in, err := os.Open(filepath.Join(needShared(b, "corpus"), "dev.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var d struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &d) == nil {
			texts = append(texts, arabic.New(d.Text))
			size += len(d.Text)
		}
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, tx := range texts {
			f.Find(tx)
		}
	}
}

// heapOf reports how many MB of heap the value made by mk keeps alive.
func heapOf(mk func() any) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := mk()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return float64(after.HeapAlloc-before.HeapAlloc) / 1e6
}

// BenchmarkReadCompiled loads what `extract gazetteer build` writes.
func BenchmarkReadCompiled(b *testing.B) {
	g, _, err := Load(needShared(b, "gazetteer"))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "gaz.bin")
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := g.Compile(out); err != nil {
		b.Fatal(err)
	}
	out.Close()
	fi, _ := os.Stat(path)
	for b.Loop() {
		if _, _, err := ReadCompiled(path); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(fi.Size())/1e6, "file-MB")
}
