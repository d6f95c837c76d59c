package gazetteer

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rasd-monitor/rasd/internal/grow"
	"github.com/rasd-monitor/rasd/pkg/arabic"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/textmatch"
	"github.com/rasd-monitor/rasd/rules"
)

// Mention is one place named in a text.
type Mention struct {
	// Tok0, Tok1: tokens [Tok0, Tok1) of the whole mention, relation and
	// feature words included.
	Tok0, Tok1 int
	Span       model.Span // original code points of the whole mention
	Text       string     // e.g. "غربي ناحية العظيم"
	Relation   model.Relation
	Precision  int    // ACLED geo-precision 1..3
	Place      *Place // nil when the text names a place the gazetteer lacks
	// Name is the original text of the place name alone, without relation
	// and feature words ("العظيم" in "غربي ناحية العظيم").
	Name string
	// Feature is the feature word's kind when one preceded the name
	// ("subdistrict" for ناحية), else "".
	Feature string
	// Candidates is how many places the name may denote.
	Candidates int
	// Foreign is the ISO code of the country of a place outside Iraq and
	// Syria that the text names: Place's country when the gazetteer knows
	// the place (بيروت → LB, الحديدة → YE), else the country rules/ar/
	// places.txt gives the name ([foreign]) with Place nil.
	Foreign string
}

// Special values in the name trie besides group indices.
const (
	blocked = -1 // a not-place phrase
	foreign = -2 // first of the foreign-place values: foreign - i is f.foreign[i]
)

// cue is a feature word: which features it points to.
type cue struct {
	kinds   map[string]bool
	site    bool // names a facility or landform rather than a settlement
	settles bool // points to some kind of settlement
	plural  bool // قرى، بلدتي: a list of names may follow
}

var settlement = map[string]bool{"city": true, "town": true, "village": true, "subdistrict": true}

// The two parts of a name's places (Gazetteer.groups): those in Iraq and
// Syria, and those abroad. Each is allowed or not at a mention on its own,
// as a bit of raw.allow and Finder.needCue.
const (
	home   = 0
	abroad = 1
)

// Finder finds and resolves place mentions; immutable, safe for concurrent use.
type Finder struct {
	g       *Gazetteer
	names   textmatch.Trie[int32] // group index, or blocked
	rels    textmatch.Trie[model.Relation]
	feats   textmatch.Trie[*cue]
	needCue []uint8 // per group: bit 1<<part set when that part fires only after a feature word
	// article: per group and part, whether the text's first word must (+1)
	// or must not (-1) carry the article: "ورقة" is not Raqqa (الرقة) and
	// "السورية" is an adjective, not Syria (سورية).
	article [][2]int8
	notName map[string]bool
	prefix  map[string]bool
	country textmatch.Dict[string] // normalised word → ISO code
	// cueFirst: first words (personal names, kunyas) that make a name
	// GeoNames alone knows need a cue.
	cueFirst map[string]bool
	// named: words after which a name is a person's (مواطنة تدعى رانية).
	named   map[string]bool
	foreign []string // ISO codes, indexed by foreign - value
	// starts holds every word a name, relation or feature word may start
	// with: a token with no form in it starts no mention, and costs one
	// lookup per form instead of one per table.
	// The same probe tells the words that may name a country (country),
	// which vote for the country an article is about.
	starts textmatch.Starts
}

// The bits of Finder.starts.
const (
	startsMention = 1 << iota
	namesCountry
)

func (f *Finder) indexStarts() {
	f.Words(func(w string, mention, country bool) {
		if mention {
			f.starts.Add(w, startsMention)
		}
		if country {
			f.starts.Add(w, namesCountry)
		}
	})
}

// Words calls fn with every word a place mention may start with
// (mention: a name, relation or feature word without its clitics) and
// every word that names a country (country), the two questions Find asks
// of each word of a text: for a caller that asks them, with its own, of
// one index of the text (FindIndexed).
func (f *Finder) Words(fn func(word string, mention, country bool)) {
	add := func(k string) { fn(k, true, false) }
	f.names.Starts(add)
	f.rels.Starts(add)
	f.feats.Starts(add)
	for k := range f.country.All() {
		fn(k, false, true)
	}
}

// Marks answers, for token i, Words' two questions: whether a form of it
// is a word a mention may start with, and one that names a country. A
// yes that should be a no costs time only.
type Marks func(i int) (mention, country bool)

// Find returns the place mentions of tx in text order, each resolved with
// the whole document as context.
func (f *Finder) Find(tx *arabic.Text) []Mention {
	ms := make([]uint8, len(tx.Tokens))
	for i, t := range tx.Tokens {
		if t.Kind == arabic.Word {
			ms[i] = uint8(f.starts.Token(tx, i))
		}
	}
	return f.FindIndexed(tx, func(i int) (bool, bool) {
		return ms[i]&startsMention != 0, ms[i]&namesCountry != 0
	})
}

// NewFinder compiles a finder over g with the place vocabulary of rulesFS
// (ar/places.txt: feature words, relation words, names that need a cue).
func NewFinder(g *Gazetteer, rulesFS fs.FS) (*Finder, error) {
	const file = "ar/places.txt"
	var errs rules.ErrorList
	entries, err := rules.Read(rulesFS, file, &errs)
	if err != nil {
		return nil, err
	}
	f := &Finder{g: g, notName: map[string]bool{}, prefix: map[string]bool{},
		cueFirst: map[string]bool{}, named: map[string]bool{}}
	type foreignName struct{ name, cc string }
	var foreigners []foreignName
	cueKeys := map[string]bool{}
	bareKeys := map[string]bool{}
	articleKeys := map[string]bool{}
	var notPlace []string
	for _, e := range entries {
		switch e.Section {
		case "feature":
			if len(e.Fields) < 2 || len(e.Fields) > 3 {
				errs.Add(file, e.Line, "want features | words [| plural words]")
				continue
			}
			c := &cue{kinds: map[string]bool{}}
			for _, k := range strings.Split(e.Fields[0], ",") {
				k = strings.TrimSpace(k)
				if !validFeatures[k] {
					errs.Add(file, e.Line, "unknown feature %q", k)
				}
				c.kinds[k] = true
				c.settles = c.settles || settlement[k]
			}
			c.site = !c.settles && !c.kinds["governorate"] && !c.kinds["district"]
			for _, w := range rules.Alternatives(e.Fields[1]) {
				f.feats.Add(w, c)
			}
			if len(e.Fields) == 3 {
				pc := *c
				pc.plural = true
				for _, w := range rules.Alternatives(e.Fields[2]) {
					f.feats.Add(w, &pc)
				}
			}
		case "relation":
			if len(e.Fields) != 2 {
				errs.Add(file, e.Line, "want relation | words")
				continue
			}
			rel := model.Relation(e.Fields[0])
			switch rel {
			case model.In, model.Near, model.NorthOf, model.SouthOf, model.EastOf, model.WestOf, model.Between:
			default:
				errs.Add(file, e.Line, "unknown relation %q", e.Fields[0])
				continue
			}
			for _, w := range rules.Alternatives(e.Fields[1]) {
				f.rels.Add(w, rel)
			}
		case "cue", "not_place", "not_name", "name_prefix", "bare", "cue_first", "article", "named":
			if len(e.Fields) != 1 {
				errs.Add(file, e.Line, "want one field of /-separated words")
				continue
			}
			for _, w := range rules.Alternatives(e.Fields[0]) {
				switch e.Section {
				case "cue":
					cueKeys[nameKey(w)] = true
				case "not_place":
					notPlace = append(notPlace, w)
				case "bare":
					bareKeys[nameKey(w)] = true
				case "article":
					articleKeys[nameKey(w)] = true
				case "cue_first":
					f.cueFirst[arabic.Key(w)] = true
				case "named":
					f.named[arabic.Key(w)] = true
				case "not_name":
					f.notName[arabic.Key(w)] = true
					f.notName[arabic.StripArticle(arabic.Key(w))] = true
				case "name_prefix":
					f.prefix[arabic.Key(w)] = true
				}
			}
		case "country", "foreign":
			if len(e.Fields) != 2 || len(e.Fields[0]) != 2 {
				errs.Add(file, e.Line, "want ISO code | words")
				continue
			}
			for _, w := range rules.Alternatives(e.Fields[1]) {
				if e.Section == "country" {
					f.country.Put(arabic.Key(w), e.Fields[0])
				} else {
					foreigners = append(foreigners, foreignName{w, e.Fields[0]})
				}
			}
		default:
			errs.Add(file, e.Line, "entry outside a known section [%s]", e.Section)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	// Names go in under one original spelling per key, so the trie keys
	// them exactly as New did.
	for gi, sp := range g.spelling {
		f.names.Add(sp, int32(gi))
	}
	f.article = make([][2]int8, len(g.groups))
	for gi, k := range g.keys {
		first, _, _ := strings.Cut(k, " ")
		for part := home; part <= abroad; part++ {
			switch bits := g.article[gi] >> (part * abroadShift) & (withArticle | withoutArticle); {
			case bareKeys[k]:
				f.article[gi][part] = -1
			case articleKeys[k]:
				f.article[gi][part] = 1
			case bits == withArticle && utf8.RuneCountInString(first) <= 3:
				f.article[gi][part] = 1
			}
		}
	}
	for _, w := range notPlace {
		f.names.Add(w, blocked)
	}
	for _, fn := range foreigners {
		if gi, known := g.byKey[nameKey(fn.name)]; known && g.nHome[gi] > 0 && g.groups[gi][0].Curated {
			continue // a curated local place of that name wins
		}
		f.names.Add(fn.name, int32(foreign-len(f.foreign)))
		f.foreign = append(f.foreign, fn.cc)
	}
	f.needCue = make([]uint8, len(g.groups))
	for gi := range g.groups {
		for part, ps := range f.parts(int32(gi)) {
			if len(ps) > 0 && (cueKeys[g.keys[gi]] || f.autoCue(g.keys[gi], ps)) {
				f.needCue[gi] |= 1 << part
			}
		}
	}
	f.indexStarts()
	return f, nil
}

// parts splits group gi into its places in the area and those abroad.
func (f *Finder) parts(gi int32) [2][]*Place {
	grp, n := f.g.groups[gi], f.g.nHome[gi]
	return [2][]*Place{grp[:n], grp[n:]}
}

// autoCue reports whether a name only GeoNames knows is too risky to fire
// bare: one-word village names are mostly ordinary words or personal names
// (النصر، السلام، محمد), names starting with a personal name or kunya
// (محمد يوسف، أبو علي) are people far more often than villages, and names
// holding a particle (مشرف على) are phrases.
func (f *Finder) autoCue(key string, grp []*Place) bool {
	maxPop := 0
	for _, p := range grp {
		if p.Curated {
			return false
		}
		maxPop = max(maxPop, p.Population)
	}
	words := strings.Split(key, " ")
	if len(words) == 1 {
		return maxPop < 50000
	}
	if f.cueFirst[words[0]] || f.cueFirst["ال"+words[0]] {
		return true
	}
	for _, w := range words {
		if f.notName[w] {
			return true
		}
	}
	return false
}

// raw is a mention before resolution.
type raw struct {
	start, end, skip int
	nameStart        int
	nameSkip         int
	rel              model.Relation
	cue              *cue
	featTok          int   // the feature word's token when cue != nil
	featSkip         int   // clitic code points before the feature word
	group            int32 // -1: unresolved
	allow            uint8 // which parts of the group may be meant: bit 1<<part
	foreign          string
}

// FindIndexed is Find for a caller that has indexed the words of tx with
// those of Words, and answers for them through marks.
func (f *Finder) FindIndexed(tx *arabic.Text, marks Marks) []Mention {
	var rs []raw
	for i := 0; i < len(tx.Tokens); {
		if mention, _ := marks(i); !mention || tx.Tokens[i].Kind != arabic.Word || i > 0 && f.named[tx.Word(i-1)] {
			i++
			continue
		}
		r, next, ok := f.mentionAt(tx, i)
		if !ok {
			i = next
			continue
		}
		rs = grow.Append(rs, r)
		i = r.end
		// Lists after "between" or a plural cue: بين قرى الطالعة وأم الكرامي.
		for r.rel == model.Between || (r.cue != nil && r.cue.plural) {
			r2, ok := f.andNext(tx, r)
			if !ok {
				break
			}
			rs = grow.Append(rs, r2)
			i = r2.end
			if r.cue == nil || !r.cue.plural {
				break // بين X وY: two items
			}
			r = r2
		}
	}
	if len(rs) == 0 {
		return nil
	}
	return f.resolve(tx, rs, marks)
}

// mentionAt reads [relation] [feature word] name at token i. When there is
// none it returns the token to continue from.
func (f *Finder) mentionAt(tx *arabic.Text, i int) (raw, int, bool) {
	// The name at i is asked for up to three times: read it once.
	name, named := f.names.LongestAt(tx, i)
	if named && name.Vals[0] == blocked {
		return raw{}, name.End, false
	}
	r := raw{start: i, rel: model.In, group: -1}
	j := i
	if m, ok := f.rels.LongestAt(tx, i); ok && !f.abroadName(name, named, m.End) {
		r.rel, j, r.skip = m.Vals[0], m.End, m.Skip
	}
	if j >= len(tx.Tokens) || tx.Tokens[j].Kind != arabic.Word {
		return raw{}, i + 1, false
	}
	if j != i {
		name, named = f.names.LongestAt(tx, j)
	}
	a, aok := f.nameMatched(tx, j, nil, name, named)
	var b raw
	bok := false
	// A feature word is a cue only without the article: "محافظة كركوك",
	// but "المحافظة على" (preserving) and "المدينة الحدودية" are not names.
	if fm, ok := f.feats.LongestAt(tx, j); ok && fm.End < len(tx.Tokens) && !hasArticle(tx.Word(j), fm.Skip) {
		c, k, ft := fm.Vals[0], fm.End, j
		// Two feature words: "منطقة وادي بردى", "مدينة قرية ..." — the
		// second one says what the place is.
		if fm2, ok := f.feats.LongestAt(tx, k); ok && fm2.Skip == 0 && fm2.End < len(tx.Tokens) && !hasArticle(tx.Word(k), 0) {
			if _, direct := f.nameAt(tx, k, c); !direct || f.isFeatureWordName(tx, k) {
				c, ft, k = fm2.Vals[0], k, fm2.End
			}
		}
		if nb, ok := f.nameAt(tx, k, c); ok {
			b, bok = nb, true
		} else if e, ok := f.unknownName(tx, k, 0); ok {
			b = raw{nameStart: k, end: e, group: -1}
			bok = true
		}
		if bok {
			b.cue, b.featTok = c, ft
			if ft == j {
				b.featSkip = fm.Skip
			}
			if j == i {
				r.skip = fm.Skip
			}
		}
	}
	switch {
	case bok && (!aok || b.end > a.end || (b.end == a.end && f.betterTie(b, a))):
		r.end, r.nameStart, r.nameSkip, r.group, r.allow, r.cue, r.featTok, r.featSkip, r.foreign = b.end, b.nameStart, b.nameSkip, b.group, b.allow, b.cue, b.featTok, b.featSkip, b.foreign
	case aok:
		if j == i {
			r.skip = a.nameSkip
		}
		r.end, r.nameStart, r.nameSkip, r.group, r.allow, r.foreign = a.end, a.nameStart, a.nameSkip, a.group, a.allow, a.foreign
	default:
		return raw{}, i + 1, false
	}
	return r, 0, true
}

// abroadName reports whether m, the name at a token (ok: there is one),
// is a name of places abroad only that runs past end, where a relation
// word starting at the same token ends: "جنوب السودان", "شمال سيناء" are
// South Sudan and North Sinai, not south of Sudan.
func (f *Finder) abroadName(m textmatch.Match[int32], ok bool, end int) bool {
	if !ok || m.End <= end || m.Skip > 0 {
		return false
	}
	for _, v := range m.Vals {
		if v >= 0 && f.g.nHome[v] == 0 {
			return true
		}
	}
	return false
}

// betterTie reports whether the feature-word reading b ("قضاء" + "شط
// العرب") beats the whole-name reading a ("قضاء شط العرب", a GeoNames alias)
// of the same tokens: only when it resolves to a curated entry and the
// whole name does not ("سجن غويران" stays the prison, not غويران).
func (f *Finder) betterTie(b, a raw) bool {
	if b.group < 0 {
		return b.foreign != "" && a.group < 0
	}
	if a.group < 0 {
		return true
	}
	return f.g.groups[b.group][0].Curated && !f.g.groups[a.group][0].Curated
}

// nameAt matches a known name at token j; c is the feature word before it.
func (f *Finder) nameAt(tx *arabic.Text, j int, c *cue) (raw, bool) {
	if j >= len(tx.Tokens) || tx.Tokens[j].Kind != arabic.Word {
		return raw{}, false
	}
	m, ok := f.names.LongestAt(tx, j)
	return f.nameMatched(tx, j, c, m, ok)
}

// nameMatched is nameAt with the names trie's match at j, m (ok: there is
// one), already read.
func (f *Finder) nameMatched(tx *arabic.Text, j int, c *cue, m textmatch.Match[int32], ok bool) (raw, bool) {
	if !ok || m.Vals[0] == blocked {
		return raw{}, false
	}
	gi, cc := int32(-1), ""
	for _, v := range m.Vals {
		if v <= foreign {
			cc = f.foreign[foreign-v]
		} else if v >= 0 {
			gi = v
		}
	}
	var allow uint8
	if gi >= 0 {
		allow = f.allowed(tx, j, m, gi, c, cc != "")
		if allow == 0 && len(f.parts(gi)[abroad]) > 0 {
			return raw{}, false // "وسلط التقرير" is no Salt, the known place abroad
		}
	}
	if allow == 0 {
		// Not a known name here; a well-known foreign place still is one.
		return raw{nameStart: j, nameSkip: m.Skip, end: m.End, group: -1, foreign: cc}, cc != ""
	}
	return raw{nameStart: j, nameSkip: m.Skip, end: m.End, group: gi, allow: allow, foreign: cc}, true
}

// allowed applies the checks a name must pass at token j, for the places
// in the area and those abroad apart: which of the two it may denote.
// wellKnown: the name is a [foreign] one, whose places abroad need no cue.
func (f *Finder) allowed(tx *arabic.Text, j int, m textmatch.Match[int32], gi int32, c *cue, wellKnown bool) uint8 {
	if c != nil && (m.Skip > 0 || strings.HasPrefix(tx.Word(j), "لل")) {
		// A name right after its feature word takes no clitic:
		// "بلدات وقرى" is two nouns, not the village قرى.
		return 0
	}
	if f.notName[f.g.keys[gi]] {
		return 0 // على folds into علي, a village name
	}
	if c != nil {
		if _, ok := f.rels.LongestAt(tx, j); ok {
			return 0 // "منطقة شرقي ...": a direction, not a village شرقي
		}
	}
	var allow uint8
	for part, ps := range f.parts(gi) {
		if len(ps) == 0 || (f.needCue[gi]&(1<<part) != 0 && c == nil && !(wellKnown && part == abroad)) {
			continue
		}
		if a := f.article[gi][part]; a != 0 && (a > 0) != hasArticle(tx.Word(j), m.Skip) {
			continue
		}
		if c != nil {
			// "مناطق سورية": Syrian areas. Abroad a country and its
			// capital may share the name: "مدينة تونس" is the city; and
			// after a site the country is where it lies (مطار الكويت).
			if part == home && slices.ContainsFunc(ps, isCountry) || part == abroad && !c.site && !slices.ContainsFunc(ps, notCountry) {
				continue
			}
			if !ps[0].Curated && m.End == j+1 && !hasArticle(tx.Word(j), 0) && strings.HasSuffix(tx.Word(j), "يه") {
				continue // "قاعدة جوية": an adjective
			}
		}
		allow |= 1 << part
	}
	return allow
}

// countryOf returns the ISO code a word names, or "".
func (f *Finder) countryOf(w string) string {
	c, _ := f.country.Get(w)
	return c
}

func isCountry(p *Place) bool  { return p.Feature == "country" }
func notCountry(p *Place) bool { return p.Feature != "country" }

// isFeatureWordName reports whether the name at k is just a feature word
// (a village called وادي).
func (f *Finder) isFeatureWordName(tx *arabic.Text, k int) bool {
	fm, ok := f.feats.LongestAt(tx, k)
	if !ok {
		return false
	}
	m, ok := f.names.LongestAt(tx, k)
	return ok && m.End <= fm.End
}

// andNext reads the next item of a list: "وأم الكرامي" after "بين قرى الطالعة".
func (f *Finder) andNext(tx *arabic.Text, prev raw) (raw, bool) {
	e := prev.end
	if e >= len(tx.Tokens) || tx.Tokens[e].Kind != arabic.Word || !strings.HasPrefix(tx.Word(e), "و") {
		return raw{}, false
	}
	if _, ok := f.feats.LongestAt(tx, e); ok {
		return raw{}, false // "مدينة عفرين والقرى المتصلة"
	}
	r := raw{start: e, rel: prev.rel, cue: prev.cue, featTok: prev.featTok, featSkip: prev.featSkip, group: -1}
	if n, ok := f.andName(tx, e, prev.cue); ok {
		r.end, r.nameStart, r.nameSkip, r.group, r.allow, r.skip, r.foreign = n.end, e, n.nameSkip, n.group, n.allow, n.nameSkip, n.foreign
		return r, true
	}
	if prev.cue == nil {
		return raw{}, false
	}
	if end, ok := f.unknownName(tx, e, 1); ok {
		r.end, r.nameStart, r.nameSkip, r.skip = end, e, 1, 1
		return r, true
	}
	return raw{}, false
}

// andName is nameAt for a list item: it takes its و, and the list's cue.
func (f *Finder) andName(tx *arabic.Text, e int, c *cue) (raw, bool) {
	r, ok := f.nameAt(tx, e, nil)
	if ok || c == nil {
		return r, ok
	}
	m, ok := f.names.LongestAt(tx, e)
	if !ok || m.Vals[0] < 0 || m.Skip != 1 {
		return raw{}, false
	}
	// Only the conjunction before it: reuse nameAt's checks on the bare word.
	gi := m.Vals[0]
	if f.notName[f.g.keys[gi]] {
		return raw{}, false
	}
	var allow uint8
	for part, ps := range f.parts(gi) {
		if a := f.article[gi][part]; len(ps) > 0 && (a == 0 || (a > 0) == hasArticle(tx.Word(e), 1)) {
			allow |= 1 << part
		}
	}
	if allow == 0 {
		return raw{}, false
	}
	return raw{nameStart: e, nameSkip: 1, end: m.End, group: gi, allow: allow}, true
}

// unknownName reads a name the gazetteer lacks at token k (skipping skip
// leading clitic letters): one word, or two when the first is a name
// prefix such as أم or تل. It refuses words that cannot be names.
func (f *Finder) unknownName(tx *arabic.Text, k, skip int) (int, bool) {
	if k >= len(tx.Tokens) || !f.nameWord(tx, k, skip) {
		return 0, false
	}
	if _, ok := f.feats.LongestAt(tx, k); ok {
		return 0, false
	}
	if _, ok := f.rels.LongestAt(tx, k); ok {
		return 0, false
	}
	w := tx.Word(k)[skipBytes(tx.Word(k), skip):]
	if f.prefix[w] && k+1 < len(tx.Tokens) && f.nameWord(tx, k+1, 0) {
		return k + 2, true
	}
	return k + 1, true
}

// nameWord reports whether token k may be (part of) a place name.
func (f *Finder) nameWord(tx *arabic.Text, k, skip int) bool {
	text := tx.Word(k)
	if tx.Tokens[k].Kind != arabic.Word || !arabic.IsArabicWord(text) {
		return false
	}
	w := text[skipBytes(text, skip):]
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	// A name right after a feature word takes no preposition or conjunction
	// (سجن بالبلاد، بلدات وجيوب),
	// and an indefinite word in -ية is an adjective (منطقة زراعية).
	for _, p := range []string{"بال", "لل", "كال", "فال", "و"} {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	if !strings.HasPrefix(w, "ال") && strings.HasSuffix(w, "يه") {
		return false
	}
	var forms [arabic.MaxForms]string
	n := arabic.Forms(w, &forms)
	for i := 0; i < n; i++ {
		if f.notName[forms[i]] || f.countryOf(forms[i]) != "" {
			return false
		}
	}
	return true
}

func skipBytes(s string, runes int) int {
	b := 0
	for i := 0; i < runes && b < len(s); i++ {
		_, n := utf8.DecodeRuneInString(s[b:])
		b += n
	}
	return b
}

// hasArticle reports whether the word, past its clitics, starts with ال.
func hasArticle(w string, skip int) bool {
	w = w[skipBytes(w, skip):]
	return strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "لل")
}

// resolve picks each mention's place with the document as context: the
// feature word, the governorates the other mentions point to, the country
// the article is about, then rank and population. A name of places both
// in Iraq and Syria and abroad is resolved in each part apart, the part in
// the area exactly as if the places abroad were not there, and decide
// chooses between the two.
func (f *Finder) resolve(tx *arabic.Text, rs []raw, marks Marks) []Mention {
	d := &docContext{rs: rs, tx: tx, votes: map[string]int{}, admin: map[string]map[int32]bool{},
		first: make([]*Place, len(rs))}
	// Country votes from words like العراق، السورية.
	for i, t := range tx.Tokens {
		if _, country := marks(i); !country || t.Kind != arabic.Word {
			continue
		}
		for k := range tx.NumForms(i) { // hashed once by the tokeniser
			if c, _ := f.country.Lookup(tx.Form(i, k)); c != "" {
				d.votes[c]++
				break
			}
		}
	}
	// First pass: the best reading of each mention without admin context;
	// its governorate supports the other mentions.
	for i, r := range rs {
		if r.group < 0 {
			continue
		}
		var best *Place
		vote := false
		if near, far := f.candidates(r); len(near) > 0 {
			best = f.pick(near, r.cue, "", nil, nil)
			vote = best.Curated || len(near) == 1
		} else if best = f.pickAbroad(far, r.cue, nil, 0, nil, nil, r.foreign); best != nil {
			// Not after a feature word: "بلدات الجيزة" in an article on
			// Daraa must not make itself Egyptian.
			vote = best.Curated && r.cue == nil
		}
		d.first[i] = best
		if vote {
			d.votes[best.Country]++
			if best.Admin1 != "" {
				k := best.Country + "|" + best.Admin1
				if d.admin[k] == nil {
					d.admin[k] = map[int32]bool{}
				}
				d.admin[k][r.group] = true
			}
		}
	}
	// The area's country the article is most about: the places abroad do
	// not change how a name of Iraq or Syria resolves.
	for c, n := range d.votes {
		if inArea(c) && (n > d.homeVotes || (n == d.homeVotes && c < d.country)) {
			d.country, d.homeVotes = c, n
		}
	}
	out := make([]Mention, 0, len(rs))
	locative := false
	for i, r := range rs {
		locative = f.locative(tx, rs, i, locative)
		s, e := tx.Span(r.start, r.end, r.skip)
		ns, _ := tx.Span(r.nameStart, r.end, r.nameSkip)
		m := Mention{Tok0: r.start, Tok1: r.end, Span: model.Span{s, e}, Text: tx.Slice(s, e),
			Relation: r.rel, Name: tx.Slice(ns, e), Foreign: r.foreign}
		if r.cue != nil {
			w := tx.Word(r.featTok)
			m.Feature = w[skipBytes(w, r.featSkip):]
		}
		if r.group >= 0 {
			m.Candidates = len(f.g.groups[r.group])
			var keep bool
			if m.Place, keep = f.place(d, i, locative); !keep {
				continue
			}
			switch {
			case m.Place != nil && inArea(m.Place.Country):
				m.Foreign = ""
			case m.Place != nil:
				m.Foreign = m.Place.Country
			}
		}
		m.Precision = precision(m.Place, r.rel, r.cue)
		out = append(out, m)
	}
	return out
}

// docContext is what resolve knows of a document after its first pass.
type docContext struct {
	rs    []raw
	tx    *arabic.Text
	votes map[string]int // per country: its words and the curated places named
	// admin[country|admin1] are the groups of the mentions whose first
	// reading lies in that governorate.
	admin     map[string]map[int32]bool
	first     []*Place // per mention: its reading without context
	country   string   // Iraq or Syria, whichever the article speaks of more
	homeVotes int      // its votes
}

// support counts the other mentions whose first reading lies in p's
// governorate.
func (d *docContext) support(group int32) func(*Place) int {
	return func(p *Place) int {
		n := 0
		for gi := range d.admin[p.Country+"|"+p.Admin1] {
			if gi != group {
				n++
			}
		}
		return n
	}
}

// place resolves mention i of a known name; keep is false when there is
// no mention after all (only villages abroad, in a country the article
// does not speak of).
func (f *Finder) place(d *docContext, i int, locative bool) (p *Place, keep bool) {
	r := d.rs[i]
	support := d.support(r.group)
	within := f.container(d.tx, d.rs, d.first, i)
	near, far := f.candidates(r)
	var local, abroad *Place
	if len(near) > 0 {
		local = f.pick(near, r.cue, d.country, support, within)
		if within != nil && !sameAdmin1(local, within) && (!local.Curated || local.Country != within.Country) {
			// "قرية هداج في ريف الحسكة": the only هداج we know is in
			// Raqqa, so this one is a village the gazetteer lacks. A
			// well-known place yields only to a container in another
			// country (حي محمودية في عفرين is no Mahmudiya of Baghdad).
			local = nil
		}
	}
	if len(far) > 0 {
		abroad = f.pickAbroad(far, r.cue, d.votes, d.homeVotes, support, within, r.foreign)
	}
	p = decide(local, abroad, r, support, within, d.votes)
	if p != nil && p == abroad && !locative && (p.Feature == "country" || p.Feature == "city") {
		// A country or city abroad named without في, a relation or a
		// feature word is mostly its state or government (تركيا تقصف،
		// طهران تسلح), not where something happened: a well-known one is
		// reported as foreign without a place, any other is no mention.
		p = nil
		if r.foreign == "" {
			p = local
		}
	}
	return p, p != nil || len(near) > 0 || r.cue != nil || r.foreign != ""
}

// locativeWords put what follows in a place: في تركيا، إلى لبنان.
var locativeWords = map[string]bool{
	"في": true, "وفي": true, "ففي": true, "داخل": true, "الي": true, "والي": true, "علي": true,
	"عبر": true, "نحو": true, "باتجاه": true,
}

// locative reports whether mention i is said to be where something is: a
// feature word, a relation other than between, a preposition of place
// before it (في، إلى، على، داخل) or attached to it (بتركيا), or a
// conjunction after such a mention (في اليمن والسعودية). prev is what it
// reported for mention i-1.
func (f *Finder) locative(tx *arabic.Text, rs []raw, i int, prev bool) bool {
	r := rs[i]
	if r.cue != nil || (r.rel != model.In && r.rel != model.Between) {
		return true
	}
	w := tx.Word(r.nameStart)
	if r.start == r.nameStart && r.nameSkip > 0 && strings.ContainsRune(w[:skipBytes(w, r.nameSkip)], 'ب') {
		return true
	}
	if r.start > 0 && locativeWords[tx.Word(r.start-1)] {
		return true
	}
	return prev && i > 0 && rs[i-1].end == r.start && strings.HasPrefix(w, "و")
}

// candidates are the places a mention may denote: those in the area and
// those abroad, as far as the text allows each.
func (f *Finder) candidates(r raw) (near, far []*Place) {
	ps := f.parts(r.group)
	if r.allow&(1<<home) != 0 {
		near = ps[home]
	}
	if r.allow&(1<<abroad) != 0 {
		far = ps[abroad]
	}
	return near, far
}

// decide chooses between the best reading of a name in the area and the
// best reading abroad. What the text says comes first: a place the other
// mentions or a container point to (الحديدة is a village of Raqqa when the
// article names the villages around it), then the feature word. Then the
// standing of each: a name rules/ar/places.txt gives to a country abroad
// ([foreign]) means that place; so does an article that speaks of the
// country abroad and of the local place's country at most through this
// name; else a curated place of Iraq or Syria wins over a place abroad
// (بابل is Babil, not Babol), a well-known place abroad over a village of
// the area, and between villages the country the article speaks of more.
func decide(local, far *Place, r raw, support func(*Place) int, within *Place, votes map[string]int) *Place {
	localCtx := local != nil && (support(local) > 0 || sameAdmin1(local, within))
	switch {
	case far == nil && r.foreign != "" && !localCtx:
		return nil // a well-known place abroad the gazetteer lacks
	case far == nil:
		return local
	case local == nil:
		return far
	}
	if farCtx := support(far) > 0 || sameAdmin1(far, within); localCtx != farCtx {
		if localCtx {
			return local
		}
		return far
	}
	if a, b := cueFit(r.cue, local), cueFit(r.cue, far); a != b {
		if a > b {
			return local
		}
		return far
	}
	switch {
	case r.foreign != "":
		return far
	case votes[local.Country] <= 1 && votes[far.Country] >= 2:
		// An article about Morocco that never names Syria but for this
		// name: القنيطرة is Kenitra.
		return far
	case local.Curated:
		return local
	case far.Curated:
		return far
	case votes[far.Country] > votes[local.Country]:
		return far
	}
	return local
}

// cueFit is how well a feature word fits a place: 2 it names its feature,
// 1 it names some settlement and the place is one, else 0.
func cueFit(c *cue, p *Place) int {
	switch {
	case c == nil:
		return 0
	case c.kinds[p.Feature]:
		return 2
	case settlement[p.Feature] && c.settles:
		return 1
	}
	return 0
}

// sameAdmin1 reports whether p lies in the governorate of the container
// place within (nil: no container).
func sameAdmin1(p, within *Place) bool {
	return p != nil && within != nil && p.Country == within.Country && p.Admin1 == within.Admin1
}

func isQuote(w string) bool {
	switch w {
	case `"`, "«", "»", "'", "“", "”":
		return true
	}
	return false
}

// pick scores the candidates of one name.
func (f *Finder) pick(grp []*Place, c *cue, country string, adminSupport func(*Place) int, within *Place) *Place {
	if len(grp) == 1 {
		return grp[0]
	}
	var best *Place
	bestScore := 0.0
	for _, p := range grp {
		s := p.baseScore() + cueScore(c, p)
		if p.Curated && (c == nil || c.kinds[p.Feature]) {
			// A name means the well-known place when nothing says
			// otherwise: context may choose among villages, not demote
			// Syria to a village called سوريا, or Ras al-Ayn to a hamlet
			// near the other towns named with it.
			s += 30
		}
		if country != "" && p.Country == country {
			s += 15
		}
		if adminSupport != nil && p.Feature != "governorate" {
			if n := adminSupport(p); n > 0 {
				s += 20 + float64(min(n, 5))
			}
		}
		if sameAdmin1(p, within) {
			s += 50
		}
		if best == nil || s > bestScore {
			best, bestScore = p, s
		}
	}
	return best
}

// pickAbroad is pick for the places abroad: the country the article
// speaks of most among theirs counts, and the one rules/ar/places.txt
// gives the name (cc). A place only a GeoNames dump knows (a village)
// needs the article to speak of its country more than of Iraq and Syria
// (homeVotes: the most votes of either), or to name places around it;
// after a feature word any place abroad needs its country named (or the
// name to be a [foreign] one of that country), and a country is not meant
// unless the word names a site (مدينة تونس is the city, مطار الكويت is in
// Kuwait).
func (f *Finder) pickAbroad(grp []*Place, c *cue, votes map[string]int, homeVotes int, adminSupport func(*Place) int, within *Place, cc string) *Place {
	top, topVotes := "", 0
	for _, p := range grp {
		if n := votes[p.Country]; n > topVotes || (n == topVotes && n > 0 && p.Country < top) {
			top, topVotes = p.Country, n
		}
	}
	var best *Place
	bestScore := 0.0
	for _, p := range grp {
		if c != nil && !c.site && p.Feature == "country" {
			continue
		}
		n := 0
		if adminSupport != nil {
			n = adminSupport(p)
		}
		ctx := n > 0 || sameAdmin1(p, within)
		if !p.Curated && (votes[p.Country] == 0 || votes[p.Country] <= homeVotes) && !ctx {
			continue
		}
		if c != nil && votes != nil && votes[p.Country] == 0 && !ctx && p.Country != cc {
			// "بلدة المرج" in an article about Ghouta: a village the
			// gazetteer lacks, not Libya's al-Marj.
			continue
		}
		s := p.baseScore() + cueScore(c, p)
		if p.Curated && (c == nil || c.kinds[p.Feature]) {
			s += 30
		}
		if p.Country == top {
			s += 15
		}
		if p.Country == cc {
			s += 10
		}
		if n > 0 && p.Feature != "governorate" {
			s += 20 + float64(min(n, 5))
		}
		if sameAdmin1(p, within) {
			s += 50
		}
		if best == nil || s > bestScore {
			best, bestScore = p, s
		}
	}
	return best
}

// cueScore is what a feature word says for a candidate.
func cueScore(c *cue, p *Place) float64 {
	switch {
	case c == nil:
		return 0
	case c.kinds[p.Feature]:
		return 40
	case settlement[p.Feature] && c.settles:
		// Reporters call a city a بلدة and a town a مدينة.
		return 30
	}
	return -5
}

// container is the place that mention i is said to lie in: "X في محافظة
// Y", "X بريف Y", "X، Y" — the next mention, right after it or after في,
// when that one is an administrative unit, city or region.
func (f *Finder) container(tx *arabic.Text, rs []raw, first []*Place, i int) *Place {
	if i+1 >= len(rs) || first[i+1] == nil {
		return nil
	}
	next := rs[i+1]
	end := rs[i].end
	for end < next.start && isQuote(tx.Word(end)) {
		end++ // حي "محمودية" في عفرين
	}
	switch gap := next.start - end; {
	case gap == 0:
		// Only بـ joins a container to a name (منطقة التل بمدينة طرابلس);
		// و joins a list (بلدتي طفس وصيدا), nothing two names side by side
		// (المعركة في عفرين واشنطن).
		if !strings.HasPrefix(tx.Word(next.start), "ب") || strings.HasPrefix(arabic.Key(first[i+1].NameAr), "ب") {
			return nil
		}
	case gap == 1:
		if w := tx.Word(end); w != "في" && w != "،" && w != "," && w != "-" && w != "(" {
			return nil
		}
	default:
		return nil
	}
	switch p := first[i+1]; p.Feature {
	case "governorate", "district", "city", "town", "region":
		return p
	}
	return nil
}

// precision is the ACLED geo-precision of a mention.
func precision(p *Place, rel model.Relation, c *cue) int {
	feature := ""
	if p != nil {
		feature = p.Feature
	} else if c != nil {
		for k := range c.kinds {
			if len(c.kinds) == 1 {
				feature = k
			}
		}
	}
	prec := 1
	switch feature {
	case "country", "governorate":
		return 3
	case "district", "region":
		prec = 2
	}
	if rel != model.In {
		prec = max(prec, 2)
	}
	if p != nil && c != nil && c.site && !c.kinds[p.Feature] {
		// "سجن X" where X is a town: the site is somewhere at X.
		prec = max(prec, 2)
	}
	return prec
}

// String renders a mention for debugging and the lookup command.
func (m Mention) String() string {
	if m.Place == nil {
		return fmt.Sprintf("%q %s p%d unresolved", m.Text, m.Relation, m.Precision)
	}
	if !inArea(m.Place.Country) {
		return fmt.Sprintf("%q %s p%d %s (%s, %s, %s)", m.Text, m.Relation, m.Precision, m.Place.Name, m.Place.Feature, m.Place.Admin1, m.Place.Country)
	}
	return fmt.Sprintf("%q %s p%d %s (%s, %s)", m.Text, m.Relation, m.Precision, m.Place.Name, m.Place.Feature, m.Place.Admin1)
}
