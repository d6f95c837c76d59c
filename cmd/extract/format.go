package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/output"
)

// outputFlags are --format and --area, shared by extraction and merge.
type outputFlags struct {
	format string
	area   string
}

func (o *outputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&o.format, "format", "jsonl", "output `FORMAT`: jsonl (SPEC records), csv (ACLED's columns) or geojson (a FeatureCollection of points)")
	fs.StringVar(&o.area, "area", "", "keep only records whose place is in these `COUNTRIES` (ISO codes, e.g. IQ,SY); records with no resolved country are dropped and counted")
}

// outputConfig is the parsed --format and --area.
type outputConfig struct {
	format output.Format
	// area holds the kept country codes; nil keeps everything.
	area map[string]bool
}

func (o outputFlags) parse() (outputConfig, error) {
	f, err := output.ParseFormat(o.format)
	if err != nil {
		return outputConfig{}, fmt.Errorf("--format: %w", err)
	}
	c := outputConfig{format: f}
	if strings.TrimSpace(o.area) == "" {
		return c, nil
	}
	c.area = map[string]bool{}
	for _, code := range strings.Split(o.area, ",") {
		code = strings.ToUpper(strings.TrimSpace(code))
		if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
			return outputConfig{}, fmt.Errorf("--area %q: want ISO 3166 alpha-2 country codes such as IQ,SY", o.area)
		}
		c.area[code] = true
	}
	return c, nil
}

// outCounts are the records the output left out, and why.
type outCounts struct {
	noCoordinates int // GeoJSON: no resolved place
	outsideArea   int // --area: placed in another country
	noCountry     int // --area: no resolved place, so no country
}

func (c *outCounts) add(d outCounts) {
	c.noCoordinates += d.noCoordinates
	c.outsideArea += d.outsideArea
	c.noCountry += d.noCountry
}

// inArea applies --area to a record's locations: its primary place's
// country must be one of the area's. A record with no resolved place has
// no country and is dropped: --area asks for records known to be there.
func (o outputConfig) inArea(locs []model.Location, n *outCounts) bool {
	if o.area == nil {
		return true
	}
	loc, ok := model.PrimaryPlace(locs)
	switch {
	case !ok || loc.Place.Country == "":
		n.noCountry++
		return false
	case !o.area[loc.Place.Country]:
		n.outsideArea++
		return false
	}
	return true
}

// appendEvents encodes the events --area keeps, in the format.
func (o outputConfig) appendEvents(dst []byte, evs []model.Event) ([]byte, outCounts, error) {
	var n outCounts
	for i := range evs {
		if !o.inArea(evs[i].Locations, &n) {
			continue
		}
		var ok bool
		var err error
		if dst, ok, err = o.format.AppendEvent(dst, &evs[i]); err != nil {
			return dst, n, fmt.Errorf("internal error: encoding %w", err)
		}
		if !ok {
			n.noCoordinates++
		}
	}
	return dst, n, nil
}

// report says on stderr what the output left out, so that nothing is
// dropped silently. what names the records ("events", "incidents").
func (n outCounts) report(stderr io.Writer, prog, what string) {
	if n.noCoordinates > 0 {
		fmt.Fprintf(stderr, "%s: %d %s without coordinates (no resolved place) are not in the GeoJSON\n", prog, n.noCoordinates, what)
	}
	if n.outsideArea+n.noCountry > 0 {
		fmt.Fprintf(stderr, "%s: --area left out %d %s placed in other countries and %d with no resolved country\n",
			prog, n.outsideArea, what, n.noCountry)
	}
}
