// Package pattern compiles the context patterns of patterns.txt: named
// regular expressions (github.com/dlclark/regexp2, for the lookaround a
// token list cannot say) over the normalised text. A pattern is built from
// the cue vocabulary, never restating it: {section} stands for the phrases
// of that cues.txt section. Every pattern runs with a match timeout, and
// only on the clauses a token trie already flagged, so a pathological text
// costs one bounded match and is reported, never hung.
package pattern

import (
	"bufio"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/dlclark/regexp2/v2"

	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/rules"
)

// file is the patterns file of a rules set.
const file = "patterns.txt"

// DefaultTimeout bounds one match. A clause is a few hundred code points
// and a sound pattern matches it in microseconds; the bound is generous
// because regexp2 reads a coarse clock (updated every 100ms by a
// goroutine) that a loaded machine can leave stale, and it is a safety net
// against backtracking that would run for minutes, not a speed limit.
const DefaultTimeout = time.Second

// Set is the compiled patterns of a rules set; immutable, safe for
// concurrent use.
type Set struct {
	path   string // rules/LANG/patterns.txt, for errors
	byName map[string]*Pattern
}

// Pattern is one named pattern.
type Pattern struct {
	Name string
	Line int
	re   *regexp2.Regexp
}

// macro is a {section} reference in a pattern.
var macro = regexp.MustCompile(`\{([a-z_]+)\}`)

// Compile reads patterns.txt of rs: `name = expression` lines, `#`
// comments. sections holds the cue phrases {section} expands to
// (normalised). timeout bounds each match (0: DefaultTimeout). Every bad
// line is reported as file:line: message.
func Compile(rs rules.Set, sections map[string][]string, timeout time.Duration) (*Set, error) {
	var errs rules.ErrorList
	f, err := rs.FS.Open(rs.Path(file))
	if err != nil {
		errs.Add(rs.Path(file), 0, "%v", err)
		return nil, errs.Err()
	}
	defer f.Close()
	set, err := parse(rs.Path(file), f, sections, timeout)
	if err != nil {
		return nil, err
	}
	return set, nil
}

// parse compiles a patterns file read from r; name labels its errors.
func parse(name string, r interface{ Read([]byte) (int, error) }, sections map[string][]string, timeout time.Duration) (*Set, error) {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	var errs rules.ErrorList
	set := &Set{path: name, byName: map[string]*Pattern{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, expr, ok := strings.Cut(line, "=")
		key, expr = strings.TrimSpace(key), strings.TrimSpace(expr)
		if !ok || !validName(key) || expr == "" {
			errs.Add(name, n, "want `name = expression`, not %q", line)
			continue
		}
		if p, dup := set.byName[key]; dup {
			errs.Add(name, n, "pattern %s repeats line %d", key, p.Line)
			continue
		}
		expanded, err := expand(expr, sections)
		if err != nil {
			errs.Add(name, n, "%s: %v", key, err)
			continue
		}
		re, err := regexp2.Compile(expanded, regexp2.None)
		if err != nil {
			errs.Add(name, n, "%s: %v", key, err)
			continue
		}
		re.MatchTimeout = timeout
		set.byName[key] = &Pattern{Name: key, Line: n, re: re}
	}
	if err := sc.Err(); err != nil {
		errs.Add(name, 0, "%v", err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return set, nil
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '_' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// expand replaces each {section} with an alternation of its phrases,
// longest first so that the longest phrase wins, words joined by runs of
// space.
func expand(expr string, sections map[string][]string) (string, error) {
	var missing []string
	out := macro.ReplaceAllStringFunc(expr, func(m string) string {
		name := m[1 : len(m)-1]
		phrases, ok := sections[name]
		if !ok {
			missing = append(missing, name)
			return m
		}
		return alternation(phrases)
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("no cue section [%s]", strings.Join(missing, "], ["))
	}
	return out, nil
}

func alternation(phrases []string) string {
	ps := append([]string(nil), phrases...)
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) })
	parts := make([]string, len(ps))
	for i, p := range ps {
		words := strings.Fields(arabic.Key(p))
		for k, w := range words {
			words[k] = regexp.QuoteMeta(w)
		}
		parts[i] = strings.Join(words, `\s+`)
	}
	return "(?:" + strings.Join(parts, "|") + ")"
}

// Get returns the pattern of that name; the code asks only for patterns
// it documents, and Require checks them at compile time.
func (s *Set) Get(name string) *Pattern { return s.byName[name] }

// Require reports the names the set lacks, as rule-file errors.
func (s *Set) Require(names ...string) error {
	var errs rules.ErrorList
	for _, n := range names {
		if s.byName[n] == nil {
			errs.Add(s.path, 0, "pattern %s is missing", n)
		}
	}
	return errs.Err()
}

// ErrTimeout wraps a match that ran past its timeout.
var ErrTimeout = errors.New("pattern match timed out")

// Match is one match, as rune offsets into the searched slice; Groups
// holds the named groups that took part.
type Match struct {
	Start, End int
	Groups     map[string][2]int
}

// FindAll returns the matches of p in text (normalised runes). A match
// that times out twice returns ErrTimeout naming the pattern: once may be
// regexp2's coarse clock jumping on a loaded machine, twice is the
// pattern.
func (p *Pattern) FindAll(text []rune) ([]Match, error) {
	ms, err := p.findAll(text)
	if errors.Is(err, ErrTimeout) {
		ms, err = p.findAll(text)
	}
	return ms, err
}

func (p *Pattern) findAll(text []rune) ([]Match, error) {
	var out []Match
	names := p.re.GetGroupNames()
	err := p.re.FindRunesMatches(text, 0, func(v regexp2.MatchView) bool {
		i, n, _ := v.GroupRange(0)
		m := Match{Start: i, End: i + n}
		for _, name := range names {
			num := p.re.GroupNumberFromName(name)
			if num <= 0 {
				continue
			}
			if gi, gn, ok := v.GroupRange(num); ok {
				if m.Groups == nil {
					m.Groups = map[string][2]int{}
				}
				m.Groups[name] = [2]int{gi, gi + gn}
			}
		}
		out = append(out, m)
		return true
	})
	if err != nil {
		if strings.Contains(err.Error(), "timeout") {
			return nil, fmt.Errorf("pattern %s (%s line %d): %w", p.Name, file, p.Line, ErrTimeout)
		}
		return nil, fmt.Errorf("pattern %s: %w", p.Name, err)
	}
	return out, nil
}
