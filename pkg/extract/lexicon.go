package extract

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/textmatch"
	"github.com/rasd-monitor/rasd/rules"
)

// kind is the internal event kind: a SPEC type, or explosion (a bombing
// whose kind a later cue settles).
type kind = model.EventType

// kindExplosion is a bombing whose kind a cue settles (else ied);
// kindAnaphor a word that names an incident already reported (الواقعة).
const (
	kindExplosion kind = "explosion"
	kindAnaphor   kind = "anaphor"
)

type triggerFlags uint8

const (
	weak triggerFlags = 1 << iota
	plural
	counted // only with a number right before it (253 عملية)
)

type trigger struct {
	kind  kind
	flags triggerFlags
	line  int
}

type numWord struct {
	class string // unit ten hundred scale vague modifier
	value int
	min   int
	max   int
	mod   string // approx atleast atmost
}

type personNoun struct {
	category string // civilians forces militants people prisoners
	count    int    // 1 singular, 2 dual, 0 plural
}

type casualtyWord struct {
	kind  model.CasualtyKind
	count int // for nouns that carry a figure (قتيلين = 2, قتيل = 1)
}

type actorDef struct {
	name    string
	typ     model.ActorType
	country string
	generic bool // stands for the armed group the article names
	air     bool // attacks from the air: its attacks are airstrikes
}

type sourceDef struct{ name string }

// lexicon is every rule file compiled into token tries. It is built once
// by New and only read afterwards.
type lexicon struct {
	triggers    textmatch.Trie[trigger]
	numbers     textmatch.Trie[numWord]
	people      textmatch.Trie[personNoun]
	cues        textmatch.Trie[casualtyWord] // cue before a figure
	nouns       textmatch.Trie[casualtyWord] // counted noun that is itself a casualty word
	after       textmatch.Trie[casualtyWord] // verb after the counted people
	actors      textmatch.Trie[*actorDef]
	sources     textmatch.Trie[*sourceDef]
	cue         map[string]*textmatch.Trie[struct{}] // cues.txt sections
	boilerLines map[string]bool
	boilerPre   []string
	// starts maps a word form to the tables holding a phrase that starts
	// with it: one lookup per token form tells which tables to try, so a
	// token no table knows costs one map lookup instead of one per table.
	starts map[string]table
}

// table is a bit set of the lexicon's tables.
type table uint32

const (
	tTriggers table = 1 << iota
	tNumbers
	tPeople
	tCues
	tNouns
	tAfter
	tActors
	tSources
	tCueSections // any cues.txt section
)

// cueSections are the sections of cues.txt.
func cueSections() []string {
	return []string{"result", "elaboration", "negation", "planned", "nonevent",
		"aggregate", "since", "partof", "demonstrative", "operation", "target", "by",
		"cumulative", "atleast", "air", "passive", "office", "another", "denial",
		"kunya", "member", "past"}
}

func casualtyKind(s string) (model.CasualtyKind, bool) {
	switch k := model.CasualtyKind(s); k {
	case model.Killed, model.Wounded, model.Arrested, model.Kidnapped, model.Missing, model.Escaped:
		return k, true
	}
	return "", false
}

func actorType(s string) (model.ActorType, bool) {
	switch t := model.ActorType(s); t {
	case model.StateForces, model.RebelGroup, model.PoliticalMilitia, model.IdentityMilitia,
		model.Rioters, model.Protesters, model.Civilians, model.ExternalForces:
		return t, true
	}
	return "", false
}

// loadLexicon reads and compiles the rule files, collecting every problem.
func loadLexicon(fsys fs.FS) (*lexicon, error) {
	lx := &lexicon{cue: map[string]*textmatch.Trie[struct{}]{}, boilerLines: map[string]bool{}}
	var errs rules.ErrorList
	read := func(name string) []rules.Entry {
		es, err := rules.Read(fsys, name, &errs)
		if err != nil {
			errs.Add(name, 0, "%v", err)
		}
		return es
	}
	// seen reports a phrase listed twice in one table: the second would
	// silently shadow or double the first.
	type seenKey struct{ table, key string }
	seen := map[seenKey]int{}
	dup := func(table string, e rules.Entry, phrase string) bool {
		k := seenKey{table, arabic.StripArticle(arabic.Key(phrase))}
		if first, ok := seen[k]; ok {
			errs.Add(e.File, e.Line, "%q repeats line %d", phrase, first)
			return true
		}
		seen[k] = e.Line
		return false
	}
	add := func(e rules.Entry, phrase string, addFn func(string) bool) {
		if !addFn(phrase) {
			errs.Add(e.File, e.Line, "empty phrase")
		}
	}

	for _, e := range read("ar/triggers.txt") {
		k := kind(e.Section)
		if k != kindExplosion && k != kindAnaphor && !k.Valid() {
			errs.Add(e.File, e.Line, "unknown event type [%s]", e.Section)
			continue
		}
		t := trigger{kind: k, line: e.Line}
		for _, f := range e.Fields[1:] {
			for _, flag := range strings.Fields(f) {
				switch flag {
				case "weak":
					t.flags |= weak
				case "plural":
					t.flags |= plural
				case "counted":
					t.flags |= counted
				default:
					errs.Add(e.File, e.Line, "unknown flag %q", flag)
				}
			}
		}
		if dup("triggers", e, e.Fields[0]) {
			continue
		}
		add(e, e.Fields[0], func(p string) bool { return lx.triggers.Add(p, t) })
	}

	for _, e := range read("ar/numbers.txt") {
		w := numWord{class: e.Section}
		var err error
		switch e.Section {
		case "unit", "ten", "hundred", "scale":
			w.value, err = strconv.Atoi(e.Field(1))
		case "vague":
			if w.value, err = strconv.Atoi(e.Field(1)); err == nil {
				if w.min, err = strconv.Atoi(e.Field(2)); err == nil {
					w.max, err = strconv.Atoi(e.Field(3))
				}
			}
			if err == nil && !(w.min <= w.value && w.value <= w.max) {
				err = fmt.Errorf("want min ≤ count ≤ max")
			}
		case "modifier":
			w.mod = e.Field(1)
			if w.mod != "approx" && w.mod != "atleast" && w.mod != "atmost" {
				err = fmt.Errorf("modifier must be approx, atleast or atmost, not %q", w.mod)
			}
		default:
			err = fmt.Errorf("unknown section [%s]", e.Section)
		}
		if err != nil {
			errs.Add(e.File, e.Line, "%v", err)
			continue
		}
		if dup("numbers", e, e.Fields[0]) {
			continue
		}
		add(e, e.Fields[0], func(p string) bool { return lx.numbers.Add(p, w) })
	}

	for _, e := range read("ar/people.txt") {
		p := personNoun{category: e.Section}
		switch e.Field(1) {
		case "s":
			p.count = 1
		case "d":
			p.count = 2
		case "p":
		default:
			errs.Add(e.File, e.Line, "number must be s, d or p, not %q", e.Field(1))
			continue
		}
		if dup("people", e, e.Fields[0]) {
			continue
		}
		add(e, e.Fields[0], func(s string) bool { return lx.people.Add(s, p) })
	}

	for _, e := range read("ar/casualties.txt") {
		role, k, _ := strings.Cut(e.Section, ":")
		ck, ok := casualtyKind(k)
		if !ok {
			errs.Add(e.File, e.Line, "unknown casualty kind in [%s]", e.Section)
			continue
		}
		w := casualtyWord{kind: ck}
		if f := e.Field(1); f != "" {
			n, err := strconv.Atoi(f)
			if err != nil || n < 1 {
				errs.Add(e.File, e.Line, "count must be a positive number, not %q", f)
				continue
			}
			w.count = n
		}
		var tr *textmatch.Trie[casualtyWord]
		switch role {
		case "cue":
			tr = &lx.cues
		case "noun":
			tr = &lx.nouns
		case "after":
			tr = &lx.after
		default:
			errs.Add(e.File, e.Line, "section must be cue:, noun: or after:, not [%s]", e.Section)
			continue
		}
		if dup("casualties:"+role, e, e.Fields[0]) {
			continue
		}
		add(e, e.Fields[0], func(p string) bool { return tr.Add(p, w) })
	}

	var cur *actorDef
	for _, e := range read("ar/actors.txt") {
		if cur == nil || cur.name != sectionField(e.Section, 0) {
			cur = nil
			name := sectionField(e.Section, 0)
			typ, ok := actorType(sectionField(e.Section, 1))
			if name == "" || !ok {
				errs.Add(e.File, e.Line, "actor section must be [Name | type | country], not [%s]", e.Section)
				continue
			}
			cur = &actorDef{name: name, typ: typ, country: sectionField(e.Section, 2),
				generic: name == "generic militants", air: sectionField(e.Section, 3) == "air"}
		}
		if dup("actors", e, e.Fields[0]) {
			continue
		}
		a := cur
		add(e, e.Fields[0], func(p string) bool { return lx.actors.Add(p, a) })
	}

	var src *sourceDef
	for _, e := range read("ar/sources.txt") {
		if src == nil || src.name != e.Section {
			src = &sourceDef{name: e.Section}
		}
		if e.Section == "" {
			errs.Add(e.File, e.Line, "source outside a [Name] section")
			continue
		}
		if dup("sources", e, e.Fields[0]) {
			continue
		}
		s := src
		add(e, e.Fields[0], func(p string) bool { return lx.sources.Add(p, s) })
	}

	for _, name := range cueSections() {
		lx.cue[name] = &textmatch.Trie[struct{}]{}
	}
	for _, e := range read("ar/cues.txt") {
		tr, ok := lx.cue[e.Section]
		if !ok {
			errs.Add(e.File, e.Line, "unknown cue section [%s]", e.Section)
			continue
		}
		if dup("cues:"+e.Section, e, e.Fields[0]) {
			continue
		}
		add(e, e.Fields[0], func(p string) bool { return tr.Add(p, struct{}{}) })
	}

	for _, e := range read("ar/boilerplate.txt") {
		switch e.Section {
		case "line":
			lx.boilerLines[arabic.Key(e.Fields[0])] = true
		case "prefix":
			lx.boilerPre = append(lx.boilerPre, arabic.Key(e.Fields[0]))
		default:
			errs.Add(e.File, e.Line, "unknown section [%s]", e.Section)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	lx.starts = map[string]table{}
	mark := func(bit table) func(string) { return func(k string) { lx.starts[k] |= bit } }
	lx.triggers.Starts(mark(tTriggers))
	lx.numbers.Starts(mark(tNumbers))
	lx.people.Starts(mark(tPeople))
	lx.cues.Starts(mark(tCues))
	lx.nouns.Starts(mark(tNouns))
	lx.after.Starts(mark(tAfter))
	lx.actors.Starts(mark(tActors))
	lx.sources.Starts(mark(tSources))
	for _, tr := range lx.cue {
		tr.Starts(mark(tCueSections))
	}
	return lx, nil
}

// tables returns which tables have a phrase that may start at tok.
func (lx *lexicon) tables(tok arabic.Token) table {
	if tok.Kind != arabic.Word {
		return 0 // every phrase starts with a word; figures are tried by kind
	}
	var t table
	for _, f := range tok.Forms {
		t |= lx.starts[f]
	}
	return t
}

func sectionField(section string, i int) string {
	fs := strings.Split(section, "|")
	if i < len(fs) {
		return strings.TrimSpace(fs[i])
	}
	return ""
}
