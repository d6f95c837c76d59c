package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
)

// shared is ../shared of the checkout, read at run time, never copied.
func shared(t testing.TB, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s not available (%v): these tests need the checkout's ../shared", p, err)
	}
	return p
}

type goldEvent struct {
	DocID  string `json:"doc_id"`
	Anchor string `json:"anchor"`
	Date   *struct {
		Start     string          `json:"start"`
		Precision model.Precision `json:"precision"`
	} `json:"date"`
}

// sentence returns the code-point span of the sentence around [s, e).
func sentence(runes []rune, s, e int) (int, int) {
	stop := func(r rune) bool { return strings.ContainsRune(".!?؟\n", r) }
	for s > 0 && !stop(runes[s-1]) {
		s--
	}
	for e < len(runes) && !stop(runes[e]) {
		e++
	}
	return s, e
}

func TestSeeds(t *testing.T) {
	goldPath := shared(t, "gold", "seeds.jsonl")
	seedDir := shared(t, "corpus", "seeds")
	tg := newTagger(t)
	f, err := os.Open(goldPath)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	checked := 0
	for sc.Scan() {
		var g goldEvent
		require.NoError(t, json.Unmarshal(sc.Bytes(), &g))
		if g.Date == nil {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(seedDir, g.DocID+".txt"))
		require.NoError(t, err)
		text := string(raw)
		pub, _ := tg.Published(text)
		tx := arabic.New(text)
		exprs := tg.Find(tx, pub)
		b := strings.Index(text, g.Anchor)
		require.GreaterOrEqual(t, b, 0, "anchor %q not in %s", g.Anchor, g.DocID)
		as := len([]rune(text[:b]))
		ae := as + len([]rune(g.Anchor))
		s, e := sentence([]rune(tx.Orig), as, ae)
		best, ok := Best(exprs, s, e, as)
		if pub == "" && ok && best.Date.Basis != model.BasisExplicit {
			continue // not scored without a publication date (gold README)
		}
		checked++
		if assert.True(t, ok, "%s %q: no expression in its sentence", g.DocID, g.Anchor) {
			assert.Equal(t, g.Date.Start, best.Date.Start, "%s %q: %q", g.DocID, g.Anchor, best.Date.Text)
			assert.Equal(t, g.Date.Precision, best.Date.Precision, "%s %q: %q", g.DocID, g.Anchor, best.Date.Text)
		}
	}
	require.NoError(t, sc.Err())
	assert.GreaterOrEqual(t, checked, 5)
}

func TestSeedPublished(t *testing.T) {
	dir := shared(t, "corpus", "seeds")
	tg := newTagger(t)
	want := map[string]string{
		"000_1297feaef265f0cb": "2021-02-01",
		"001_370109dc803e71f9": "2021-04-12",
		"002_943838d86b42a674": "2021-02-23",
		"003_b3b37ec40fbd454d": "",
		"004_38057b0e451fbfbe": "",
	}
	for id, w := range want {
		raw, err := os.ReadFile(filepath.Join(dir, id+".txt"))
		require.NoError(t, err)
		got, ok := tg.Published(string(raw))
		assert.Equal(t, w, got, id)
		assert.Equal(t, w != "", ok, id)
	}
}

// TestSeedExpressions pins the examples on the seeds.
func TestSeedExpressions(t *testing.T) {
	dir := shared(t, "corpus", "seeds")
	tg := newTagger(t)
	for _, c := range []struct {
		id, text, start string
		prec            model.Precision
		part            string
	}{
		{"000_1297feaef265f0cb", "ليل الأربعاء 27 يناير 2021", "2021-01-27", day, "night"},
		{"000_1297feaef265f0cb", "فجر الجمعة الماضية", "2021-01-29", day, "dawn"},
		{"002_943838d86b42a674", "الاثنين 22 فبراير", "2021-02-22", day, ""},
		{"002_943838d86b42a674", "أواخر يناير الماضي", "2021-01-01", month, ""},
		{"001_370109dc803e71f9", "عام 2020", "2020-01-01", year, ""},
		{"001_370109dc803e71f9", "الثلاثاء 6 أبريل 2021", "2021-04-06", day, ""},
		{"003_b3b37ec40fbd454d", "عام 2017", "2017-01-01", year, ""},
		{"004_38057b0e451fbfbe", "نهاية 2017", "2017-01-01", year, ""},
		{"004_38057b0e451fbfbe", "مارس من العام 2019", "2019-03-01", month, ""},
	} {
		raw, err := os.ReadFile(filepath.Join(dir, c.id+".txt"))
		require.NoError(t, err)
		pub, _ := tg.Published(string(raw))
		found := false
		for _, e := range tg.Find(arabic.New(string(raw)), pub) {
			if e.Date.Text == c.text {
				found = true
				assert.Equal(t, c.start, e.Date.Start, c.text)
				assert.Equal(t, c.prec, e.Date.Precision, c.text)
				assert.Equal(t, c.part, e.Date.PartOfDay, c.text)
			}
		}
		assert.True(t, found, "%s: %q not found", c.id, c.text)
	}
}
