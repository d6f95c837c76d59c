// Package output writes events and incidents in the formats analysts'
// tools read: JSONL (the SPEC records), ACLED's CSV layout (R, pandas, a
// spreadsheet) and GeoJSON (QGIS, kepler.gl).
//
// Encoding and framing are apart so that a batch can encode records on
// many goroutines and still write one valid file: Append* turns records
// into bytes and holds no state; a Writer adds what comes once (the CSV
// header, the GeoJSON collection's opening and closing) and the GeoJSON
// separators.
package output

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/rasd-monitor/rasd/pkg/model"
)

// Format is an output format.
type Format string

// The formats.
const (
	JSONL   Format = "jsonl"
	CSV     Format = "csv"
	GeoJSON Format = "geojson"
)

// Formats lists the formats.
func Formats() []Format { return []Format{JSONL, CSV, GeoJSON} }

// ParseFormat reads a format name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want jsonl, csv or geojson)", s)
}

// geoSep precedes every GeoJSON feature; the Writer drops it before the
// first, so that features are joined by ",\n" however they were batched.
const geoSep = ",\n"

// AppendEvent appends ev's encoding to dst. written is false when the
// format cannot hold the event: GeoJSON, for an event with no resolved
// place (the caller counts these).
func (f Format) AppendEvent(dst []byte, ev *model.Event) (out []byte, written bool, err error) {
	switch f {
	case JSONL:
		// MarshalJSON's output is json.Marshal's, compact and escaped:
		// json.Marshal(ev) would only compact it again.
		b, err := ev.MarshalJSON()
		if err != nil {
			return dst, false, fmt.Errorf("event %s: %w", ev.ID, err)
		}
		return append(append(dst, b...), '\n'), true, nil
	case CSV:
		return appendCSV(dst, eventRow(ev))
	case GeoJSON:
		ft, ok := eventFeature(ev)
		if !ok {
			return dst, false, nil
		}
		return appendFeature(dst, ft)
	}
	return dst, false, fmt.Errorf("unknown format %q", f)
}

// AppendIncident appends in's encoding to dst, as AppendEvent does.
func (f Format) AppendIncident(dst []byte, in *model.Incident) (out []byte, written bool, err error) {
	switch f {
	case JSONL:
		b, err := json.Marshal(in)
		if err != nil {
			return dst, false, fmt.Errorf("incident %s: %w", in.ID, err)
		}
		return append(append(dst, b...), '\n'), true, nil
	case CSV:
		return appendCSV(dst, incidentRow(in))
	case GeoJSON:
		ft, ok := incidentFeature(in)
		if !ok {
			return dst, false, nil
		}
		return appendFeature(dst, ft)
	}
	return dst, false, fmt.Errorf("unknown format %q", f)
}

// Writer writes one file of a format: the opening before the first
// record, the records, the closing at Close. Close must be called, even
// with no records: an empty CSV still has its header and an empty GeoJSON
// is still a FeatureCollection.
type Writer struct {
	w        io.Writer
	f        Format
	started  bool
	features bool // a GeoJSON feature has been written
	skipped  int
}

// NewWriter returns a Writer of format f on w.
func NewWriter(w io.Writer, f Format) *Writer { return &Writer{w: w, f: f} }

func (w *Writer) start() error {
	if w.started {
		return nil
	}
	w.started = true
	var err error
	switch w.f {
	case CSV:
		var b []byte
		b, _, err = appendCSV(nil, Header())
		if err == nil {
			_, err = w.w.Write(b)
		}
	case GeoJSON:
		_, err = io.WriteString(w.w, `{"type":"FeatureCollection","features":[`+"\n")
	}
	return err
}

// Write writes records encoded by AppendEvent or AppendIncident, whole
// records only.
func (w *Writer) Write(chunk []byte) error {
	if err := w.start(); err != nil {
		return err
	}
	if len(chunk) == 0 {
		return nil
	}
	if w.f == GeoJSON && !w.features {
		chunk = chunk[len(geoSep):]
		w.features = true
	}
	_, err := w.w.Write(chunk)
	return err
}

// WriteEvent encodes and writes one event.
func (w *Writer) WriteEvent(ev *model.Event) error {
	b, ok, err := w.f.AppendEvent(nil, ev)
	if err != nil {
		return err
	}
	if !ok {
		w.skipped++
	}
	return w.Write(b)
}

// WriteIncident encodes and writes one incident.
func (w *Writer) WriteIncident(in *model.Incident) error {
	b, ok, err := w.f.AppendIncident(nil, in)
	if err != nil {
		return err
	}
	if !ok {
		w.skipped++
	}
	return w.Write(b)
}

// Skipped is how many records WriteEvent and WriteIncident left out
// because the format cannot hold them (GeoJSON: no coordinates).
func (w *Writer) Skipped() int { return w.skipped }

// Close writes the closing of the file. It does not close the underlying
// writer.
func (w *Writer) Close() error {
	if err := w.start(); err != nil {
		return err
	}
	if w.f == GeoJSON {
		_, err := io.WriteString(w.w, "\n]}\n")
		return err
	}
	return nil
}
