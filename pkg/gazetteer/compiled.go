package gazetteer

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"io"
	"os"
)

// compiledMagic heads a compiled gazetteer; bump the version when Place
// changes shape.
const compiledMagic = "rasd-gazetteer/1\n"

// Compile writes g in a compact form that ReadCompiled (and Load given a
// file) reads without re-parsing and re-merging the GeoNames dump.
func (g *Gazetteer) Compile(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if _, err := io.WriteString(bw, compiledMagic); err != nil {
		return err
	}
	ps := make([]Place, len(g.places))
	for i, p := range g.places {
		ps[i] = *p
	}
	if err := gob.NewEncoder(bw).Encode(ps); err != nil {
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
	var ps []Place
	if err := gob.NewDecoder(br).Decode(&ps); err != nil {
		return nil, st, fmt.Errorf("%s: %w", path, err)
	}
	out := make([]*Place, len(ps))
	for i := range ps {
		out[i] = &ps[i]
	}
	st.Places = len(out)
	return New(out), st, nil
}
