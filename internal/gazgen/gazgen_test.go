package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The committed pkg/gazetteer/data/region.txt is what the generator makes
// of the shared region dumps: nobody edited it by hand, and a change of
// the dumps or of the generator shows up here.
func TestGeneratorReproducesCommittedFile(t *testing.T) {
	src := filepath.Join("..", "..", "..", "shared", "gazetteer", "region")
	if _, err := os.Stat(filepath.Join(src, "YE.txt")); err != nil {
		t.Skipf("skipping: needs the region dumps at %s next to the repository (%v)", src, err)
	}
	var buf bytes.Buffer
	st, err := generate(src, &buf)
	require.NoError(t, err)
	committed, err := os.ReadFile(filepath.Join("..", "..", "pkg", "gazetteer", "data", "region.txt"))
	require.NoError(t, err)
	if !bytes.Equal(buf.Bytes(), committed) {
		t.Fatalf("pkg/gazetteer/data/region.txt is not what the generator writes (%d bytes, committed %d): rerun `go generate ./pkg/gazetteer`",
			buf.Len(), len(committed))
	}
	assert.Equal(t, 20, st.countries)
}

// Names: only Arabic letters, one per spelling, the article kept apart, the
// unit word and Persian forms dropped, a truncated article dropped.
func TestArabicNames(t *testing.T) {
	got := arabicNames([]string{"Kabul", "ولاية كابول", "كابُل", "كابل", "کابل", "الكويت", "لكويت", "استان کابل", "كابول ولايت", "سقّز (1)"})
	assert.Equal(t, []string{"كابول", "كابل", "الكويت"}, got)
}

func TestRoundPop(t *testing.T) {
	assert.Equal(t, 620000, roundPop(617871))
	assert.Equal(t, 99, roundPop(99))
	assert.Equal(t, 1900000, roundPop(1937451))
}
