package gazetteer

import (
	"io/fs"
	"testing/fstest"
)

// mapFS builds a rules file system from file contents.
func mapFS(files map[string]string) fs.FS {
	m := fstest.MapFS{}
	for name, text := range files {
		m[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return m
}
