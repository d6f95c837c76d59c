package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/arabic"
)

// readRows reads a GeoNames geoname table. The generator's input is
// checked data, so any malformed row is an error naming its line.
func readRows(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	name := filepath.Base(path)
	var out []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	for n := 1; sc.Scan(); n++ {
		if sc.Text() == "" {
			continue
		}
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 19 {
			return nil, fmt.Errorf("%s:%d: want 19 tab-separated fields, got %d", name, n, len(fs))
		}
		r := row{file: name, line: n, name: fs[1], ascii: fs[2], class: fs[6], code: fs[7], cc: fs[8], admin1: fs[10]}
		var errs [4]error
		r.gn, errs[0] = strconv.Atoi(fs[0])
		r.lat, errs[1] = strconv.ParseFloat(fs[4], 64)
		r.lon, errs[2] = strconv.ParseFloat(fs[5], 64)
		if fs[14] != "" {
			r.pop, errs[3] = strconv.Atoi(fs[14])
		}
		for _, e := range errs {
			if e != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, n, e)
			}
		}
		if r.name == "" && r.ascii != "" {
			r.name = r.ascii
		}
		r.ar = arabicNames(append([]string{fs[1]}, strings.Split(fs[3], ",")...))
		out = append(out, r)
	}
	return out, sc.Err()
}

// readAdmin1 reads admin1CodesASCII.txt: code → English name.
func readAdmin1(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 2 || fs[0] == "" || fs[1] == "" {
			return nil, fmt.Errorf("%s:%d: want code, name, ascii name, geonameid", filepath.Base(path), n)
		}
		out[fs[0]] = fs[1]
	}
	return out, sc.Err()
}

// arabicNames keeps the Arabic names among names, cleaned, one per
// normalised spelling (with and without the article are two: the
// gazetteer reads from them whether the name takes one), in order, the
// main name first.
func arabicNames(names []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if k := spellingKey(s); !seen[k] && !persianForm(s) && !directionName(s) {
			seen[k] = true
			out = append(out, s)
		}
	}
	for _, s := range names {
		s, ok := cleanArabic(s)
		if !ok {
			continue
		}
		// "ولاية كابول", "شعبية سرت": the finder reads the unit word
		// itself; the name is what follows it.
		if w, rest, ok := strings.Cut(s, " "); ok && unitWords[arabic.Key(w)] {
			s = rest
		}
		add(s)
	}
	// "لكويت" beside "الكويت": the article's alef lost.
	kept := out[:0]
	for _, s := range out {
		if !strings.HasPrefix(s, "ال") && strings.HasPrefix(s, "ل") && seen[spellingKey("ا"+s)] {
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// unitWords name administrative units before their name; normalised (ة
// as ه, أ and إ as ا).
var unitWords = map[string]bool{
	"ولايه": true, "محافظه": true, "شعبيه": true, "منطقه": true, "اماره": true,
	"اقليم": true, "جهه": true, "بلديه": true, "مديريه": true, "قضاء": true, "مركز": true,
}

// directionName reports a name made only of a direction and a unit word
// ("المنطقة الوسطى", "الشمال", "لواء الجنوب", "الحدود الشمالية"), or a common noun the dumps
// give some unit ("العاصمة" for Amman, Kuwait and Manama, "الداخلية"
// for Oman's interior): in a text it is a direction or that noun, wherever
// the dumps put it.
func directionName(s string) bool {
	if commonNouns[arabic.Key(s)] {
		return true
	}
	for _, w := range strings.Fields(s) {
		if !directionWords[arabic.Key(w)] {
			return false
		}
	}
	return true
}

// directionWords, normalised (ة as ه, ى as ي).
var directionWords = map[string]bool{
	"منطقه": true, "المنطقه": true, "لواء": true, "اللواء": true, "محافظه": true, "المحافظه": true, "الحدود": true,
	"الشمال": true, "الجنوب": true, "الشرق": true, "الغرب": true, "الوسط": true,
	"شمال": true, "جنوب": true, "شرق": true, "غرب": true, "وسط": true,
	"الشماليه": true, "الجنوبيه": true, "الشرقيه": true, "الغربيه": true, "الوسطي": true, "المركزيه": true,
	"الشمالي": true, "الجنوبي": true, "الشرقي": true, "الغربي": true,
}

// commonNouns, normalised: the capital, the interior, central.
var commonNouns = map[string]bool{
	"العاصمه": true, "عاصمه": true, "الداخليه": true, "المركزي": true, "المركزيه": true, "مركزي": true,
}

// persianForm reports a Persian or Pashto form written in Arabic letters:
// "استان قنا" (province), "شهر عجمان" (city of), "هرات ولايت".
func persianForm(s string) bool {
	f := strings.Fields(s)
	for _, w := range f {
		if w == "استان" || w == "شهرستان" || w == "ولايت" {
			return true
		}
	}
	return len(f) > 1 && f[0] == "شهر"
}

// cleanArabic removes diacritics and tatweel and collapses spaces; ok is
// false unless s is written in the letters of Arabic (no Persian, Kurdish
// or Pashto letters, digits or punctuation but a hyphen).
func cleanArabic(s string) (string, bool) {
	var b strings.Builder
	letters := 0
	for _, r := range s {
		switch {
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
			// harakat, superscript alef, tatweel
		case r >= 0x0621 && r <= 0x063A, r >= 0x0641 && r <= 0x064A:
			b.WriteRune(r)
			letters++
		case r == ' ', r == '-':
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	return out, letters >= 2 && !strings.HasPrefix(out, "-") && !strings.HasSuffix(out, "-")
}

// spellingKey is a name normalised, its article kept.
func spellingKey(s string) string { return strings.Join(strings.Fields(arabic.Normalize(s)), " ") }

// key is the form the gazetteer indexes a name under: normalised, the
// first word without its article.
func key(s string) string {
	f := strings.Fields(arabic.Normalize(s))
	if len(f) == 0 {
		return ""
	}
	f[0] = arabic.StripArticle(f[0])
	return strings.Join(f, " ")
}
