package model

import "encoding/json"

// Incident is one incident told by one or more documents: the record
// `extract merge` writes (SPEC "Incident record"). Its descriptive fields
// are an Event's, each taken from the member that states it most
// precisely; its tolls are UCDP GED-style bounds over the members.
type Incident struct {
	// ID is derived from the incident's earliest member (by date, then
	// event id), so it is the same for the same members in any input order.
	ID string `json:"incident_id"`
	// Events are the member event ids, earliest first.
	Events []string `json:"events"`
	// DocIDs are the members' documents, sorted.
	DocIDs []string `json:"doc_ids"`
	// NumberOfSources is the number of distinct documents: len(DocIDs).
	NumberOfSources int        `json:"number_of_sources"`
	Type            EventType  `json:"type"`
	ACLED           ACLED      `json:"acled"`
	Date            Date       `json:"date"`
	Locations       []Location `json:"locations"`
	Actors          []Actor    `json:"actors"`
	Tolls           []Toll     `json:"casualties"`
	Operation       *Operation `json:"operation"`
	// Sources are the sources the members cite, each once, with the
	// documents that cite it. Spans are left out: they point into
	// different documents.
	Sources []IncidentSource `json:"sources"`
	Flags   []Flag           `json:"flags"`
	// Evidence is every member's lead sentence, in the order of Events, so
	// that a reader can check the merge without the events file.
	Evidence []MemberEvidence `json:"evidence"`
	Notes    string           `json:"notes"`
}

// Toll is an incident's figure for one kind of casualty, as UCDP GED gives
// fatalities: Best is the figure most members agree on (ties: an exact
// figure over an approximate one, then the lower), Low and High the
// lowest and highest bounds any member gives.
type Toll struct {
	Kind CasualtyKind `json:"kind"`
	Best int          `json:"best"`
	Low  int          `json:"low"`
	High int          `json:"high"`
	// Exact is true when at least one member giving Best gave it exactly.
	Exact bool `json:"exact"`
	// Group is set when every member figure of this kind that names a
	// group names this one.
	Group string `json:"group,omitempty"`
}

// IncidentSource is one source cited by an incident's members.
type IncidentSource struct {
	Name   string   `json:"name"`
	DocIDs []string `json:"doc_ids"`
}

// MemberEvidence is the lead sentence of one member event.
type MemberEvidence struct {
	Event string `json:"event"`
	Text  string `json:"text"`
}

// MarshalJSON writes empty lists as [] rather than null, as Event does.
func (in Incident) MarshalJSON() ([]byte, error) {
	type plain Incident
	p := plain(in)
	if p.Events == nil {
		p.Events = []string{}
	}
	if p.DocIDs == nil {
		p.DocIDs = []string{}
	}
	if p.Locations == nil {
		p.Locations = []Location{}
	}
	if p.Actors == nil {
		p.Actors = []Actor{}
	}
	if p.Tolls == nil {
		p.Tolls = []Toll{}
	}
	if p.Sources == nil {
		p.Sources = []IncidentSource{}
	}
	if p.Flags == nil {
		p.Flags = []Flag{}
	}
	if p.Evidence == nil {
		p.Evidence = []MemberEvidence{}
	}
	return json.Marshal(p)
}

// HasFlag reports whether the incident carries f.
func (in *Incident) HasFlag(f Flag) bool {
	for _, g := range in.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// PrimaryPlace is the place an event is mapped at: that of its first
// (most specific) location the gazetteer resolved, with the location.
// ok is false when no location resolved.
func PrimaryPlace(locs []Location) (loc Location, ok bool) {
	for _, l := range locs {
		if l.Place != nil {
			return l, true
		}
	}
	return Location{}, false
}

// Toll returns the incident's figure of kind k, if it has one.
func (in *Incident) Toll(k CasualtyKind) (Toll, bool) {
	for _, t := range in.Tolls {
		if t.Kind == k {
			return t, true
		}
	}
	return Toll{}, false
}

// CasualtyKinds lists the casualty kinds in SPEC order.
func CasualtyKinds() []CasualtyKind {
	return []CasualtyKind{Killed, Wounded, Arrested, Kidnapped, Missing, Escaped}
}
