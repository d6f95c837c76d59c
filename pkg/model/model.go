// Package model holds the records rasd reads and writes: the input Document
// and the Event of ../shared/SPEC.md. It carries no logic beyond validation;
// the JSON names are the product's contract and must not change.
package model

import (
	"encoding/json"
	"fmt"
)

// Document is one article to extract events from.
type Document struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Title string `json:"title,omitempty"`
	URL   string `json:"url,omitempty"`
	// Published is the publication date as YYYY-MM-DD, or empty when unknown.
	Published string `json:"published,omitempty"`
}

// Span is a half-open [start, end) range in Unicode code points of the
// document's original text.
type Span [2]int

// Start returns the first code point of the span.
func (s Span) Start() int { return s[0] }

// End returns the code point just past the span.
func (s Span) End() int { return s[1] }

// Overlaps reports whether two spans share at least one code point.
func (s Span) Overlaps(o Span) bool { return s[0] < o[1] && o[0] < s[1] }

// EventType is a value of the SPEC taxonomy.
type EventType string

// The SPEC taxonomy.
const (
	ArmedClash        EventType = "armed_clash"
	Attack            EventType = "attack"
	SuicideBombing    EventType = "suicide_bombing"
	IED               EventType = "ied"
	CarBomb           EventType = "car_bomb"
	Airstrike         EventType = "airstrike"
	Shelling          EventType = "shelling"
	Kidnapping        EventType = "kidnapping"
	Assassination     EventType = "assassination"
	SecurityOperation EventType = "security_operation"
	Arrest            EventType = "arrest"
	PrisonBreak       EventType = "prison_break"
	WeaponsSeizure    EventType = "weapons_seizure"
)

// EventTypes lists the taxonomy in SPEC order.
func EventTypes() []EventType {
	out := make([]EventType, len(taxonomy))
	for i, ti := range taxonomy {
		out[i] = ti.Type
	}
	return out
}

// Valid reports whether t is a taxonomy value.
func (t EventType) Valid() bool {
	_, ok := Info(t)
	return ok
}

// ACLED is the ACLED event type and sub-event type an event maps to.
type ACLED struct {
	EventType    string `json:"event_type" validate:"required"`
	SubEventType string `json:"sub_event_type" validate:"required"`
}

// Precision of a resolved date.
type Precision string

// Date precisions.
const (
	PrecisionDay     Precision = "day"
	PrecisionWeek    Precision = "week"
	PrecisionMonth   Precision = "month"
	PrecisionYear    Precision = "year"
	PrecisionUnknown Precision = "unknown"
)

// Basis says how a date was resolved.
type Basis string

// Date bases.
const (
	BasisExplicit    Basis = "explicit"
	BasisRelative    Basis = "relative"
	BasisPublication Basis = "publication"
	BasisNone        Basis = "none"
)

// PartOfDay values.
const (
	Dawn      = "dawn"
	Morning   = "morning"
	Noon      = "noon"
	Afternoon = "afternoon"
	Evening   = "evening"
	Night     = "night"
)

// Date is when an event happened.
type Date struct {
	Start     string    `json:"start" validate:"omitempty,datetime=2006-01-02"`
	End       string    `json:"end" validate:"omitempty,datetime=2006-01-02"`
	Precision Precision `json:"precision" validate:"oneof=day week month year unknown"`
	Basis     Basis     `json:"basis" validate:"oneof=explicit relative publication none"`
	PartOfDay string    `json:"part_of_day,omitempty" validate:"omitempty,oneof=dawn morning noon afternoon evening night"`
	Text      string    `json:"text,omitempty"`
	Span      *Span     `json:"span,omitempty"`
}

// Relation of an event to a named place.
type Relation string

// Location relations.
const (
	In      Relation = "in"
	Near    Relation = "near"
	NorthOf Relation = "north_of"
	SouthOf Relation = "south_of"
	EastOf  Relation = "east_of"
	WestOf  Relation = "west_of"
	Between Relation = "between"
)

// Location is one place an event happened at.
type Location struct {
	Text      string   `json:"text"`
	Span      Span     `json:"span"`
	Relation  Relation `json:"relation" validate:"oneof=in near north_of south_of east_of west_of between"`
	Precision int      `json:"precision" validate:"min=1,max=3"`
	Place     *Place   `json:"place"`
}

// Place is a gazetteer entry as it appears in an event.
type Place struct {
	ID      string  `json:"id" validate:"required"`
	Name    string  `json:"name" validate:"required"`
	NameAr  string  `json:"name_ar"`
	Feature string  `json:"feature" validate:"oneof=country governorate district subdistrict city town village site region"`
	Country string  `json:"country" validate:"len=2"`
	Admin1  string  `json:"admin1"`
	Admin2  string  `json:"admin2"`
	Lat     float64 `json:"lat" validate:"min=-90,max=90"`
	Lon     float64 `json:"lon" validate:"min=-180,max=180"`
}

// ActorType is an ACLED interaction category.
type ActorType string

// Actor types.
const (
	StateForces      ActorType = "state_forces"
	RebelGroup       ActorType = "rebel_group"
	PoliticalMilitia ActorType = "political_militia"
	IdentityMilitia  ActorType = "identity_militia"
	Rioters          ActorType = "rioters"
	Protesters       ActorType = "protesters"
	Civilians        ActorType = "civilians"
	ExternalForces   ActorType = "external_forces"
)

// Role of an actor in an event.
type Role string

// Actor roles.
const (
	Perpetrator Role = "perpetrator"
	Target      Role = "target"
	Responder   Role = "responder"
	RoleUnknown Role = "unknown"
)

// Actor is a side named in an event.
type Actor struct {
	Name    string    `json:"name" validate:"required"`
	Text    string    `json:"text"`
	Span    Span      `json:"span"`
	Type    ActorType `json:"type" validate:"oneof=state_forces rebel_group political_militia identity_militia rioters protesters civilians external_forces"`
	Role    Role      `json:"role" validate:"oneof=perpetrator target responder unknown"`
	Country string    `json:"country,omitempty" validate:"omitempty,len=2"`
	// Person is a named member of the side (أبو طه البكري): the record
	// keeps him with the group he belongs to rather than as a side of his
	// own. Text and Span then point at his name.
	Person string `json:"person,omitempty"`
}

// CasualtyKind is what happened to the people counted.
type CasualtyKind string

// Casualty kinds.
const (
	Killed    CasualtyKind = "killed"
	Wounded   CasualtyKind = "wounded"
	Arrested  CasualtyKind = "arrested"
	Kidnapped CasualtyKind = "kidnapped"
	Missing   CasualtyKind = "missing"
	Escaped   CasualtyKind = "escaped"
)

// Casualty is one reported figure.
type Casualty struct {
	Kind  CasualtyKind `json:"kind" validate:"oneof=killed wounded arrested kidnapped missing escaped"`
	Count int          `json:"count" validate:"min=0"`
	Min   int          `json:"min" validate:"min=0,ltefield=Count"`
	Max   int          `json:"max" validate:"gtefield=Count"`
	Exact bool         `json:"exact"`
	Group string       `json:"group,omitempty"`
	Text  string       `json:"text"`
	Span  Span         `json:"span"`
}

// Operation is a named military or security operation.
type Operation struct {
	Name string `json:"name" validate:"required"`
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Source is who reported an event.
type Source struct {
	Name string `json:"name" validate:"required"`
	Text string `json:"text"`
	Span Span   `json:"span"`
}

// Flag qualifies an event.
type Flag string

// Event flags.
const (
	Historical Flag = "historical"
	Aggregate  Flag = "aggregate"
	Planned    Flag = "planned"
	Negated    Flag = "negated"
	// OutOfArea: the incident happened outside Iraq and Syria.
	OutOfArea Flag = "out_of_area"
)

// Evidence is a stretch of the document's text: the sentence or clause an
// event was read from, or one of the sentences that report it again.
type Evidence struct {
	Text string `json:"text" validate:"required"`
	Span Span   `json:"span"`
}

// Event is one incident, as SPEC defines it.
type Event struct {
	ID         string     `json:"id" validate:"required"`
	DocID      string     `json:"doc_id" validate:"required"`
	Type       EventType  `json:"type" validate:"oneof=armed_clash attack suicide_bombing ied car_bomb airstrike shelling kidnapping assassination security_operation arrest prison_break weapons_seizure"`
	ACLED      ACLED      `json:"acled"`
	Date       Date       `json:"date"`
	Locations  []Location `json:"locations" validate:"dive"`
	Actors     []Actor    `json:"actors" validate:"dive"`
	Casualties []Casualty `json:"casualties" validate:"dive"`
	Operation  *Operation `json:"operation"`
	Sources    []Source   `json:"sources" validate:"dive"`
	Flags      []Flag     `json:"flags" validate:"dive,oneof=historical aggregate planned negated out_of_area"`
	// Evidence is the lead: the first sentence that reports the incident.
	Evidence Evidence `json:"evidence"`
	// Mentions are every sentence that reports the incident, the lead
	// first, then each retelling merged into it, in text order.
	Mentions   []Evidence `json:"mentions" validate:"dive"`
	Confidence float64    `json:"confidence" validate:"min=0,max=1"`
	// Notes is one generated English sentence for readers without Arabic:
	// date, what, who, where, tolls, source.
	Notes string `json:"notes"`
}

// MarshalJSON writes empty lists as [] rather than null, so consumers never
// have to tell a missing list from an empty one.
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event
	p := plain(e)
	if p.Locations == nil {
		p.Locations = []Location{}
	}
	if p.Actors == nil {
		p.Actors = []Actor{}
	}
	if p.Casualties == nil {
		p.Casualties = []Casualty{}
	}
	if p.Sources == nil {
		p.Sources = []Source{}
	}
	if p.Flags == nil {
		p.Flags = []Flag{}
	}
	if p.Mentions == nil {
		p.Mentions = []Evidence{}
	}
	return json.Marshal(p)
}

// HasFlag reports whether the event carries f.
func (e *Event) HasFlag(f Flag) bool {
	for _, g := range e.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// String is a short human form for logs and test failures.
func (e *Event) String() string {
	return fmt.Sprintf("%s %s %q", e.ID, e.Type, e.Evidence.Text)
}
