// Package rules embeds rasd's rule data (rules/ar/*.txt) and reads its one
// line format. Analysts extend the extractor by editing these files; the
// extractor compiles them once (extract.New) and reports every malformed
// line as file:line: message, all at once, like go/scanner.ErrorList.
//
// Format: UTF-8 text, one entry a line. `#` starts a comment; blank lines
// are skipped. `[name]` starts a section that applies to the entries below
// it. An entry's fields are separated by `|` and trimmed; what each field
// means is documented at the top of each file.
package rules

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
)

//go:embed ar
var embedded embed.FS

// Default returns the embedded rules. Paths inside it look like
// "ar/triggers.txt".
func Default() fs.FS { return embedded }

// DefaultLang is the language of the embedded rules.
const DefaultLang = "ar"

// Set is a rules tree and the language whose directory the compilers read:
// a second language is a second directory (and a normaliser), not an edit
// of every finder.
type Set struct {
	FS   fs.FS
	Lang string
}

// Open returns the rules of lang in fsys; a nil fsys is the embedded tree
// and an empty lang is DefaultLang.
func Open(fsys fs.FS, lang string) Set {
	if fsys == nil {
		fsys = embedded
	}
	if lang == "" {
		lang = DefaultLang
	}
	return Set{FS: fsys, Lang: lang}
}

// Path is the path of a rule file of the set's language.
func (s Set) Path(name string) string { return s.Lang + "/" + name }

// Read parses the set's file name (e.g. "triggers.txt"). Every problem,
// the file's absence included, goes to errs.
func (s Set) Read(name string, errs *ErrorList) []Entry {
	es, err := Read(s.FS, s.Path(name), errs)
	if err != nil {
		errs.Add(s.Path(name), 0, "%v", err)
	}
	return es
}

// Dir returns rules read from a directory laid out like rules/ (holding
// ar/...), for analysts who edit rules without rebuilding.
func Dir(path string) fs.FS { return os.DirFS(path) }

// Error is one problem in a rule file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("rules/%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("rules/%s: %s", e.File, e.Msg)
}

// ErrorList collects rule errors so that one run reports all of them.
type ErrorList []*Error

// Add appends an error at file:line.
func (l *ErrorList) Add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Error lists the first ten errors, one a line.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i == 10 {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-10)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns nil for an empty list, else the list sorted by file and line.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
	return l
}

// Entry is one rule line.
type Entry struct {
	File    string
	Line    int
	Section string
	Fields  []string
}

// Field returns field i, or "" when the line has fewer fields.
func (e Entry) Field(i int) string {
	if i < len(e.Fields) {
		return e.Fields[i]
	}
	return ""
}

// Read parses one rule file. Problems of form (an unclosed section header)
// go to errs; a missing file is returned as an error.
func Read(fsys fs.FS, name string, errs *ErrorList) ([]Entry, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Entry
	section := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") || len(line) < 3 {
				errs.Add(name, n, "malformed section header %q", line)
				continue
			}
			section = strings.TrimSpace(line[1 : len(line)-1])
			continue
		}
		fields := strings.Split(line, "|")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		out = append(out, Entry{File: name, Line: n, Section: section, Fields: fields})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("rules/%s: %w", name, err)
	}
	return out, nil
}

// Alternatives splits a field of `/`-separated spellings.
func Alternatives(field string) []string {
	var out []string
	for _, s := range strings.Split(field, "/") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
