// Package country names the countries rasd places events in: English
// name, ISO 3166-1 numeric code and ACLED region, keyed by the ISO alpha-2
// code that gazetteer places and actors carry. The table covers Iraq,
// Syria and the 20 countries of the region gazetteer; the codes are ISO
// 3166-1's, the region names ACLED's.
package country

// Country is one entry of the table.
type Country struct {
	Code    string // ISO 3166-1 alpha-2
	Name    string // English short name, as ACLED writes it
	Numeric int    // ISO 3166-1 numeric (ACLED's iso column)
	Region  string // ACLED region
}

// ACLED's regions for the countries below.
const (
	middleEast     = "Middle East"
	northernAfrica = "Northern Africa"
	southAsia      = "South Asia"
)

var table = [...]Country{
	{"IQ", "Iraq", 368, middleEast},
	{"SY", "Syria", 760, middleEast},
	{"AE", "United Arab Emirates", 784, middleEast},
	{"AF", "Afghanistan", 4, southAsia},
	{"BH", "Bahrain", 48, middleEast},
	{"DZ", "Algeria", 12, northernAfrica},
	{"EG", "Egypt", 818, northernAfrica},
	{"IL", "Israel", 376, middleEast},
	{"IR", "Iran", 364, middleEast},
	{"JO", "Jordan", 400, middleEast},
	{"KW", "Kuwait", 414, middleEast},
	{"LB", "Lebanon", 422, middleEast},
	{"LY", "Libya", 434, northernAfrica},
	{"MA", "Morocco", 504, northernAfrica},
	{"OM", "Oman", 512, middleEast},
	{"PS", "Palestine", 275, middleEast},
	{"QA", "Qatar", 634, middleEast},
	{"SA", "Saudi Arabia", 682, middleEast},
	{"SD", "Sudan", 729, northernAfrica},
	{"TN", "Tunisia", 788, northernAfrica},
	{"TR", "Turkey", 792, middleEast},
	{"YE", "Yemen", 887, middleEast},
}

// Lookup returns the country of an ISO alpha-2 code.
func Lookup(code string) (Country, bool) {
	for _, c := range table {
		if c.Code == code {
			return c, true
		}
	}
	return Country{}, false
}

// Name returns the English name of code, or code itself when the table
// lacks it, so that a reader still sees which country was meant.
func Name(code string) string {
	if c, ok := Lookup(code); ok {
		return c.Name
	}
	return code
}

// All lists the table, Iraq and Syria first, then by code.
func All() []Country { return append([]Country(nil), table[:]...) }
