package extract_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"log"
	"strings"
	"testing/fstest"
	"time"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/ingest"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/rules"
)

// Batch does what the extract command does: read inputs by the command's
// policy (here JSONL on a reader; file and directory paths work alike),
// extract them in parallel and write the events as JSONL in input order,
// accounting for every document.
func ExampleBatch() {
	x, err := extract.New(extract.Options{})
	if err != nil {
		log.Fatal(err)
	}
	input := `{"id":"a","text":"قتل 3 مدنيين بانفجار عبوة ناسفة في بغداد أمس.","published":"2023-03-13T10:00:00Z"}
{"id":"b","text":"A car bomb exploded in Baghdad, killing three."}
{"id":"c","text":5}
`
	ctx := context.Background()
	in := ingest.Files(ctx, []string{"-"}, ingest.Options{
		Stdin:           strings.NewReader(input),
		DetectPublished: x.Published, // date lines atop .txt articles
		MaxDocBytes:     8 << 20,     // longer lines are dropped while read
		DeferDecode:     true,        // JSONL lines are decoded on Batch's workers
	})
	var out bytes.Buffer // a file or os.Stdout in real use
	stats, err := extract.Batch(ctx, in, &out, extract.BatchOptions{
		Extractor:  x,
		Workers:    2,
		DocTimeout: 10 * time.Second,
		OnDocument: func(r extract.DocResult) error {
			if r.Status != extract.DocOK {
				fmt.Printf("%s %s: %v\n", r.Where, r.Status, r.Err)
			}
			return nil
		},
	})
	if err != nil {
		log.Fatal(err) // a failed write, or ctx ended
	}
	fmt.Printf("%d documents, %d ok, %d failed, %d skipped, %d events\n",
		stats.Documents, stats.OK, stats.Failed, stats.Skipped, stats.Events)
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		var ev model.Event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			log.Fatal(err)
		}
		fmt.Println(ev.ID, ev.Type, ev.Date.Start)
	}
	// Output:
	// <stdin>:2 skipped: document b: not Arabic text: 0 of 37 letters are Arabic
	// <stdin>:3 failed: bad JSON: "text" must be a string, not number
	// 3 documents, 1 ok, 1 failed, 1 skipped, 1 events
	// a#1 ied 2023-03-12
}

// Custom rules: analysts usually edit a copy of rules/ and pass
// rules.Dir(path) (the command's --rules). Here the copy is made in memory
// from the embedded rules, with one trigger added.
func Example_customRules() {
	custom := fstest.MapFS{}
	err := fs.WalkDir(rules.Default(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rules.Default(), path)
		custom[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		log.Fatal(err)
	}
	// A skirmish (مناوشة) is an armed clash.
	triggers := custom["ar/triggers.txt"]
	triggers.Data = append(triggers.Data, "\n[armed_clash]\nمناوشة\n"...)

	doc := model.Document{ID: "m", Published: "2023-03-13",
		Text: "اندلعت مناوشة بين مسلحين وقوات الجيش العراقي في قضاء الطارمية شمال بغداد أمس."}
	for _, r := range []fs.FS{rules.Default(), custom} {
		x, err := extract.New(extract.Options{Rules: r})
		if err != nil {
			log.Fatal(err) // every bad rule line, as rules/ar/file.txt:line: message
		}
		events, err := x.Extract(context.Background(), doc)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(len(events), "events")
		for _, ev := range events {
			fmt.Println(ev.ID, ev.Type, ev.Date.Start)
		}
	}
	// Output:
	// 0 events
	// 1 events
	// m#1 armed_clash 2023-03-12
}
