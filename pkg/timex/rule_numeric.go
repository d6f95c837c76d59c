package timex

import (
	"strconv"
	"strings"
)

// ruleNumericDate reads an all-digit date: 27/1/2021, 27-1-2021,
// 2021-01-27, 2021/01/27, 27.1.2021. Day first unless the first number
// has four digits; a two-digit year is 20yy up to 50, else 19yy.
func ruleNumericDate(d *doc, p *parse, j int) (int, bool) {
	var parts [3]string
	end := j
	if j < len(d.toks) && strings.Count(d.tx.Word(j), ".") == 2 && !strings.Contains(d.tx.Word(j), ",") {
		// The tokenizer keeps 27.1.2021 as one number.
		copy(parts[:], strings.Split(d.tx.Word(j), "."))
		end = j + 1
	} else {
		if _, ok := d.num(j); !ok || !d.punct(j+1, "/-") {
			return j, false
		}
		sep := d.tx.Word(j + 1)
		if _, ok := d.num(j + 2); !ok || !d.punct(j+3, sep) {
			return j, false
		}
		if _, ok := d.num(j + 4); !ok {
			return j, false
		}
		parts = [3]string{d.tx.Word(j), d.tx.Word(j + 2), d.tx.Word(j + 4)}
		end = j + 5
	}
	var n [3]int
	for i, s := range parts {
		v, err := strconv.Atoi(s)
		if err != nil || s == "" {
			return j, false
		}
		n[i] = v
	}
	var y, m, day int
	switch {
	case len(parts[0]) == 4:
		y, m, day = n[0], n[1], n[2]
	case len(parts[2]) == 4:
		day, m, y = n[0], n[1], n[2]
	case len(parts[2]) == 2:
		day, m, y = n[0], n[1], n[2]+1900
		if n[2] <= 50 {
			y = n[2] + 2000
		}
	default:
		return j, false
	}
	if y < 1900 || y > 2100 || !validDay(y, m, day) {
		return j, false
	}
	p.day, p.month, p.year = day, m, y
	return end, true
}
