package gazetteer

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"strings"
)

// compiledMagic heads a compiled gazetteer; bump the version when Place
// changes shape.
const compiledMagic = "rasd-gazetteer/3\n"

// compiled is the stored form: the places and the name index New builds,
// so reading skips normalising every name again.
type compiled struct {
	Places   []Place
	Keys     []string
	Spelling []string
	Article  []int8
	Groups   [][]int32 // place indices per key, best first
}

// Compile writes g in a compact form that ReadCompiled (and Load given a
// file) reads without re-parsing and re-merging the GeoNames dump.
func (g *Gazetteer) Compile(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if _, err := io.WriteString(bw, compiledMagic); err != nil {
		return err
	}
	c := compiled{Places: make([]Place, len(g.places)), Keys: g.keys, Spelling: g.spelling, Article: g.article,
		Groups: make([][]int32, len(g.groups))}
	idx := make(map[*Place]int32, len(g.places))
	for i, p := range g.places {
		c.Places[i] = *p
		idx[p] = int32(i)
	}
	for gi, grp := range g.groups {
		c.Groups[gi] = make([]int32, len(grp))
		for j, p := range grp {
			c.Groups[gi][j] = idx[p]
		}
	}
	if err := gob.NewEncoder(bw).Encode(&c); err != nil {
		return err
	}
	return bw.Flush()
}

// ReadCompiled reads a gazetteer written by Compile.
func ReadCompiled(path string) (*Gazetteer, LoadStats, error) {
	var st LoadStats
	f, err := os.Open(path)
	if err != nil {
		return nil, st, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	head := make([]byte, len(compiledMagic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != compiledMagic {
		return nil, st, fmt.Errorf("%s: not a compiled rasd gazetteer", path)
	}
	var c compiled
	if err := gob.NewDecoder(br).Decode(&c); err != nil {
		return nil, st, fmt.Errorf("%s: %w", path, err)
	}
	if len(c.Keys) != len(c.Groups) || len(c.Spelling) != len(c.Groups) || len(c.Article) != len(c.Groups) {
		return nil, st, fmt.Errorf("%s: inconsistent name index", path)
	}
	g := &Gazetteer{
		places:   make([]*Place, len(c.Places)),
		byID:     make(map[string]*Place, len(c.Places)),
		byKey:    make(map[string]int32, len(c.Keys)),
		byEn:     make(map[string][]*Place, len(c.Places)),
		groups:   make([][]*Place, len(c.Groups)),
		keys:     c.Keys,
		spelling: c.Spelling,
		article:  c.Article,
	}
	for i := range c.Places {
		p := &c.Places[i]
		g.places[i] = p
		g.byID[p.ID] = p
		if en := strings.ToLower(strings.TrimSpace(p.Name)); en != "" {
			g.byEn[en] = append(g.byEn[en], p)
		}
	}
	for gi, idx := range c.Groups {
		g.byKey[c.Keys[gi]] = int32(gi)
		g.groups[gi] = make([]*Place, len(idx))
		for j, k := range idx {
			if k < 0 || int(k) >= len(g.places) {
				return nil, st, fmt.Errorf("%s: inconsistent name index", path)
			}
			g.groups[gi][j] = g.places[k]
		}
	}
	// Compile kept each group in the order New gave it: home places first.
	g.nHome = make([]int32, len(g.groups))
	for gi, grp := range g.groups {
		for _, p := range grp {
			if !inArea(p.Country) {
				break
			}
			g.nHome[gi]++
		}
	}
	for _, grp := range g.byEn {
		homeFirst(grp)
	}
	st.Places = len(g.places)
	return g, st, nil
}
