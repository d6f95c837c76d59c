package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// update rewrites the golden files, as cmd/gofmt's tests do:
//
//	go test ./pkg/extract -run TestGolden -update
//
// Read every changed record against its article before committing: a
// golden file pins what is right, not whatever the code printed.
var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

const (
	seedDir   = "../../testdata/seeds"
	goldenDir = "../../testdata/golden"
)

func TestGolden(t *testing.T) {
	x, err := extract.New(extract.Options{Strict: true})
	require.NoError(t, err)
	seeds, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, seeds, "no seed articles in %s", seedDir)
	for _, path := range seeds {
		id := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(id, func(t *testing.T) {
			text, err := os.ReadFile(path)
			require.NoError(t, err)
			doc := model.Document{ID: id, Text: string(text)}
			doc.Published, _ = x.Published(doc.Text)
			events, err := x.Extract(context.Background(), doc)
			require.NoError(t, err)
			var got bytes.Buffer
			enc := json.NewEncoder(&got)
			enc.SetEscapeHTML(false)
			for _, ev := range events {
				require.NoError(t, enc.Encode(ev))
			}
			golden := filepath.Join(goldenDir, id+".jsonl")
			if *update {
				require.NoError(t, os.MkdirAll(goldenDir, 0o755))
				require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden file; run: go test ./pkg/extract -run TestGolden -update")
			if !bytes.Equal(want, got.Bytes()) {
				t.Errorf("%s differs from the current output (rerun with -update if the change is right):\n%s",
					golden, diffEvents(want, got.Bytes()))
			}
		})
	}
}

// diffEvents shows, field by field, how the events differ: a changed JSON
// line is unreadable, a changed field is not.
func diffEvents(want, got []byte) string {
	w := splitEvents(want)
	g := splitEvents(got)
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		switch {
		case i >= len(w):
			fmt.Fprintf(&b, "+ event %d (new): %s\n", i+1, summary(g[i]))
		case i >= len(g):
			fmt.Fprintf(&b, "- event %d (gone): %s\n", i+1, summary(w[i]))
		default:
			for _, k := range sortedKeys(w[i], g[i]) {
				a, _ := json.Marshal(w[i][k])
				c, _ := json.Marshal(g[i][k])
				if !bytes.Equal(a, c) {
					fmt.Fprintf(&b, "  event %d %s:\n    - %s\n    + %s\n", i+1, k, a, c)
				}
			}
		}
	}
	return b.String()
}

func splitEvents(data []byte) []map[string]any {
	var out []map[string]any
	for _, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		m := map[string]any{}
		if err := json.Unmarshal(line, &m); err != nil {
			m = map[string]any{"unparsable": string(line)}
		}
		out = append(out, m)
	}
	return out
}

func summary(m map[string]any) string {
	ev, _ := m["evidence"].(map[string]any)
	text, _ := ev["text"].(string)
	if r := []rune(text); len(r) > 80 {
		text = string(r[:80]) + "…"
	}
	return fmt.Sprintf("%v %v %q", m["id"], m["type"], text)
}

func sortedKeys(a, b map[string]any) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range []map[string]any{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	return keys
}
