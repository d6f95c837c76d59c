package find

import (
	"strings"

	"github.com/rasd-monitor/rasd/internal/grow"
	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/segment"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/textmatch"
	"github.com/rasd-monitor/rasd/rules"
)

// ActorDef is one side actors.txt knows.
type ActorDef struct {
	Name    string
	Type    model.ActorType
	Country string
	// Generic: a word for fighters that names no group (الإرهابيين); it
	// stands for the armed group the article names.
	Generic bool
	// Air: it attacks from the air, so its attacks are airstrikes.
	Air bool
	// Adj: the phrase is a nationality adjective (الروسية، التركي): it
	// names the side only right after what that side did (الهجمات الجوية
	// الروسية), not in الخارجية الروسية.
	Adj bool
}

// Armed reports an armed non-state group.
func (d *ActorDef) Armed() bool {
	return d.Type == model.RebelGroup || d.Type == model.PoliticalMilitia || d.Type == model.IdentityMilitia
}

// Actor is a side named in the text.
type Actor struct {
	Tok0, Tok1 int
	Skip       int // clitic code points of the first token outside the name
	Def        *ActorDef
}

// Actors finds the names of actors.txt.
type Actors struct {
	trie textmatch.Trie[*ActorDef]
}

// genericSection is the section of words that stand for the article's
// armed group.
const genericSection = "generic militants"

// unidentified is the side a generic word stands for when the article
// names no armed group.
const unidentified = "Unidentified armed group"

// NewActors compiles actors.txt: `[Name | type | country | air]` sections
// of Arabic names.
func NewActors(rs rules.Set) (*Actors, error) {
	f := &Actors{}
	var errs rules.ErrorList
	seen := map[string]int{}
	var cur *ActorDef
	for _, e := range rs.Read("actors.txt", &errs) {
		name := sectionField(e.Section, 0)
		if cur == nil || cur.Name != name {
			cur = nil
			typ := model.ActorType(sectionField(e.Section, 1))
			if name == "" || !validActorType(typ) {
				errs.Add(e.File, e.Line, "actor section must be [Name | type | country], not [%s]", e.Section)
				continue
			}
			cur = &ActorDef{Name: name, Type: typ, Country: sectionField(e.Section, 2),
				Generic: name == genericSection, Air: sectionField(e.Section, 3) == "air"}
		}
		key := arabic.StripArticle(arabic.Key(e.Fields[0]))
		if first, ok := seen[key]; ok {
			errs.Add(e.File, e.Line, "%q repeats line %d", e.Fields[0], first)
			continue
		}
		seen[key] = e.Line
		def := cur
		switch e.Field(1) {
		case "":
		case "adj":
			adj := *cur
			adj.Adj = true
			def = &adj
		default:
			errs.Add(e.File, e.Line, "a name's flag must be adj, not %q", e.Field(1))
			continue
		}
		if !f.trie.Add(e.Fields[0], def) {
			errs.Add(e.File, e.Line, "empty phrase")
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

func validActorType(t model.ActorType) bool {
	switch t {
	case model.StateForces, model.RebelGroup, model.PoliticalMilitia, model.IdentityMilitia,
		model.Rioters, model.Protesters, model.Civilians, model.ExternalForces:
		return true
	}
	return false
}

func sectionField(section string, i int) string {
	fs := strings.Split(section, "|")
	if i < len(fs) {
		return strings.TrimSpace(fs[i])
	}
	return ""
}

// Find returns the actor names of t, leftmost longest.
func (f *Actors) Find(t *segment.Text, ix Index) []Actor {
	var out []Actor
	for _, m := range findAll(&f.trie, t.Text, ix, tActors) {
		out = append(out, Actor{Tok0: m.Start, Tok1: m.End, Skip: m.Skip, Def: m.Vals[0]})
	}
	return out
}

// Resolve turns a generic word for fighters into the armed group the
// article names, or an unidentified armed group.
func (l *Layers) Resolve(d *ActorDef) (name string, typ model.ActorType, country string) {
	if d.Generic {
		if g := l.ArmedGroup; g != nil {
			return g.Name, g.Type, g.Country
		}
		return unidentified, model.RebelGroup, ""
	}
	return d.Name, d.Type, d.Country
}

// maxAdjectiveGap is how many words may stand between a trigger and the
// nationality that says whose it was (القصف الجوي والمدفعي والصاروخي التركي).
const maxAdjectiveGap = 3

// AdjectiveOf reports a nationality adjective a that qualifies trigger h:
// right after it, or after the words that say how it was done (القصف الجوي
// والمدفعي والصاروخي التركي), not after a noun (مقر القنصلية الإيرانية).
func AdjectiveOf(l *Layers, a Actor, h Trigger) bool {
	if !a.Def.Adj || a.Tok0 < h.Tok1 || a.Tok0 > h.Tok1+maxAdjectiveGap {
		return false
	}
	for i := h.Tok1; i < a.Tok0; i++ {
		if l.Has(Manner, i, i+1) || l.Has(Air, i, i+1) && h.Flags&Agent != 0 {
			continue
		}
		// استهداف الطائرة الروسية: after a verbal noun whose genitive is
		// its object, the aircraft is what was hit, and its adjective too.
		return false
	}
	return true
}

// mainArmedGroup is the non-generic armed group named most in the text.
func mainArmedGroup(actors []Actor) *ActorDef {
	counts := map[*ActorDef]int{}
	var best *ActorDef
	for _, a := range actors {
		if a.Def.Generic || a.Def.Adj || !a.Def.Armed() || a.Def.Name == unidentified {
			continue
		}
		counts[a.Def]++
		if best == nil || counts[a.Def] > counts[best] {
			best = a.Def
		}
	}
	return best
}

// Source is who reported an incident (وكالة الأنباء العراقية).
type Source struct {
	Tok0, Tok1 int
	Skip       int
	Name       string
}

// Sources finds the names of sources.txt.
type Sources struct {
	trie textmatch.Trie[string]
}

// NewSources compiles sources.txt: `[Name]` sections of Arabic names.
func NewSources(rs rules.Set) (*Sources, error) {
	f := &Sources{}
	var errs rules.ErrorList
	seen := map[string]int{}
	for _, e := range rs.Read("sources.txt", &errs) {
		if e.Section == "" {
			errs.Add(e.File, e.Line, "source outside a [Name] section")
			continue
		}
		key := arabic.StripArticle(arabic.Key(e.Fields[0]))
		if first, ok := seen[key]; ok {
			errs.Add(e.File, e.Line, "%q repeats line %d", e.Fields[0], first)
			continue
		}
		seen[key] = e.Line
		if !f.trie.Add(e.Fields[0], e.Section) {
			errs.Add(e.File, e.Line, "empty phrase")
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

// Find returns the source names of t, leftmost longest.
func (f *Sources) Find(t *segment.Text, ix Index) []Source {
	var out []Source
	for _, m := range findAll(&f.trie, t.Text, ix, tSources) {
		out = append(out, Source{Tok0: m.Start, Tok1: m.End, Skip: m.Skip, Name: m.Vals[0]})
	}
	return out
}

// findAll is the trie's FindAll trying only the tokens the index marks.
func findAll[V any](tr *textmatch.Trie[V], tx *arabic.Text, ix Index, bit table) []textmatch.Match[V] {
	toks := tx.Tokens
	var out []textmatch.Match[V]
	for i := 0; i < len(toks); i++ {
		if ix[i]&bit == 0 {
			continue
		}
		if m, ok := tr.LongestAt(tx, i); ok {
			out = grow.Append(out, m)
			i = m.End - 1
		}
	}
	return out
}
