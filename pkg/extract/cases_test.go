package extract_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// casesDir holds one phenomenon a case, as cmd/gofmt's testdata does:
// NAME.input is a few sentences with a header (comment lines saying what
// the case pins, then `published: YYYY-MM-DD`, an optional `title:`, a
// blank line, the text), NAME.golden the article model's decisions and
// the records in short. Rewrite the goldens with
//
//	go test ./pkg/extract -run TestCases -update
//
// and read every change against its input before committing.
const casesDir = "testdata/cases"

func TestCases(t *testing.T) {
	x, err := extract.New(extract.Options{Strict: true})
	require.NoError(t, err)
	inputs, err := filepath.Glob(filepath.Join(casesDir, "*.input"))
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".input")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(in)
			require.NoError(t, err)
			doc := parseCase(t, name, string(raw))
			events, trace, err := x.Trace(context.Background(), doc)
			require.NoError(t, err)
			got := renderCase(trace, events)
			golden := strings.TrimSuffix(in, ".input") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "no golden file: run with -update and read it")
			assert.Equal(t, string(want), got, "%s: the decisions or records changed (rerun with -update if the change is right)", name)
		})
	}
}

// parseCase reads a case's header and text.
func parseCase(t *testing.T, name, raw string) model.Document {
	t.Helper()
	doc := model.Document{ID: name}
	header, text, ok := strings.Cut(raw, "\n\n")
	require.True(t, ok, "%s: a header, a blank line, then the text", name)
	for _, line := range strings.Split(header, "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "published:"):
			doc.Published = strings.TrimSpace(strings.TrimPrefix(line, "published:"))
		case strings.HasPrefix(line, "title:"):
			doc.Title = strings.TrimSpace(strings.TrimPrefix(line, "title:"))
		default:
			t.Fatalf("%s: unknown header line %q", name, line)
		}
	}
	doc.Text = text
	return doc
}

// renderCase writes the decisions and the records in a form a reader can
// check against the input: what, when, where, tolls, sides, flags.
func renderCase(trace []string, events []model.Event) string {
	var b strings.Builder
	for _, l := range trace {
		fmt.Fprintln(&b, l)
	}
	for _, ev := range events {
		fmt.Fprintf(&b, "record %s %s on %s (%s)", ev.ID, ev.Type, orNone(ev.Date.Start), ev.Date.Precision)
		var at []string
		for _, l := range ev.Locations {
			name := "«" + l.Text + "»"
			if l.Place != nil {
				name = l.Place.Name
				if l.Place.Admin1 != "" && l.Place.Admin1 != l.Place.Name {
					name += ", " + l.Place.Admin1
				}
			}
			if l.Relation != model.In {
				name = string(l.Relation) + " " + name
			}
			at = append(at, name)
		}
		if len(at) > 0 {
			fmt.Fprintf(&b, " at %s", strings.Join(at, "; "))
		}
		b.WriteString("\n")
		for _, c := range ev.Casualties {
			exact := ""
			if !c.Exact {
				exact = " (about)"
			}
			fmt.Fprintf(&b, "  %s %d%s %s\n", c.Kind, c.Count, exact, orNone(c.Group))
		}
		for _, a := range ev.Actors {
			who := a.Name
			if a.Person != "" {
				who += " / " + a.Person
			}
			fmt.Fprintf(&b, "  %s: %s\n", a.Role, who)
		}
		if ev.Operation != nil {
			fmt.Fprintf(&b, "  operation: %s\n", ev.Operation.Name)
		}
		if len(ev.Flags) > 0 {
			fmt.Fprintf(&b, "  flags: %v\n", ev.Flags)
		}
		fmt.Fprintf(&b, "  told in %d sentence(s)\n", len(ev.Mentions))
	}
	if len(events) == 0 {
		b.WriteString("no records\n")
	}
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
