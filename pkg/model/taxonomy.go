package model

// Family groups event types that reports of one incident use
// interchangeably: a raid is told as an operation, then as arrests and
// seizures; a bombing as an attack, an explosion, a strike.
type Family int

// Event families.
const (
	// Violence is armed violence: clashes, attacks, bombs, strikes, abductions.
	Violence Family = iota + 1
	// Enforcement is what security forces do to suspects: operations,
	// arrests, seizures.
	Enforcement
)

// TypeInfo is everything rasd knows about one event type, in one place:
// the SPEC's ACLED mapping, the family and priority that merging uses, and
// the defaults that role assignment falls back on. Every stage and the
// validation read this table; nothing restates it.
type TypeInfo struct {
	Type   EventType
	Family Family
	// Priority orders types from least to most specific: an incident whose
	// reports name several types takes the highest.
	Priority int
	// RefersBack: a definite trigger of this type (الهجوم، التفجير، هذه
	// الضربات) names an incident already told. An arrest's definite verbal
	// noun (القبض على) does not.
	RefersBack bool
	// ForcesFirst: forces carry it out against armed groups, so when the
	// text does not say, state and foreign forces are the perpetrators and
	// armed groups the targets.
	ForcesFirst bool
	// ACLED is the mapping when nothing below applies.
	ACLED ACLED
	// Civilians is the mapping when civilians are the ones attacked, and
	// Protesters when protesters are (ACLED's excessive force); the zero
	// value keeps ACLED.
	Civilians, Protesters ACLED
	// Fighting is the mapping when people were killed or wounded (a raid
	// that met resistance); the zero value keeps ACLED.
	Fighting ACLED
}

// The ACLED types the taxonomy maps to.
var (
	acledClash       = ACLED{"Battles", "Armed clash"}
	acledVACAttack   = ACLED{"Violence against civilians", "Attack"}
	acledAbduction   = ACLED{"Violence against civilians", "Abduction/forced disappearance"}
	acledExcessive   = ACLED{"Protests", "Excessive force against protesters"}
	acledSuicide     = ACLED{"Explosions/Remote violence", "Suicide bomb"}
	acledIED         = ACLED{"Explosions/Remote violence", "Remote explosive/landmine/IED"}
	acledAir         = ACLED{"Explosions/Remote violence", "Air/drone strike"}
	acledShelling    = ACLED{"Explosions/Remote violence", "Shelling/artillery/missile attack"}
	acledOther       = ACLED{"Strategic developments", "Other"}
	acledArrests     = ACLED{"Strategic developments", "Arrests"}
	acledDisruptWeap = ACLED{"Strategic developments", "Disrupted weapons use"}
)

// taxonomy is the table itself; nothing writes it after initialisation.
var taxonomy = [...]TypeInfo{
	{Type: ArmedClash, Family: Violence, Priority: 4, RefersBack: true, ACLED: acledClash},
	{Type: Attack, Family: Violence, Priority: 5, RefersBack: true, ACLED: acledClash,
		Civilians: acledVACAttack, Protesters: acledExcessive},
	{Type: SuicideBombing, Family: Violence, Priority: 12, RefersBack: true, ACLED: acledSuicide},
	{Type: IED, Family: Violence, Priority: 10, RefersBack: true, ACLED: acledIED},
	{Type: CarBomb, Family: Violence, Priority: 11, RefersBack: true, ACLED: acledIED},
	{Type: Airstrike, Family: Violence, Priority: 9, RefersBack: true, ForcesFirst: true, ACLED: acledAir},
	{Type: Shelling, Family: Violence, Priority: 8, RefersBack: true, ForcesFirst: true, ACLED: acledShelling},
	{Type: Kidnapping, Family: Violence, Priority: 6, RefersBack: true, ACLED: acledAbduction},
	{Type: Assassination, Family: Violence, Priority: 7, RefersBack: true, ACLED: acledVACAttack},
	{Type: SecurityOperation, Family: Enforcement, Priority: 3, RefersBack: true, ForcesFirst: true,
		ACLED: acledOther, Fighting: acledClash},
	{Type: Arrest, Family: Enforcement, Priority: 2, ForcesFirst: true, ACLED: acledArrests},
	{Type: PrisonBreak, Family: Violence, Priority: 13, RefersBack: true, ACLED: acledOther, Fighting: acledClash},
	{Type: WeaponsSeizure, Family: Enforcement, Priority: 1, ForcesFirst: true, ACLED: acledDisruptWeap},
}

// Taxonomy lists the SPEC's event types with what rasd knows of each, in
// SPEC order. The returned slice is a copy.
func Taxonomy() []TypeInfo { return append([]TypeInfo(nil), taxonomy[:]...) }

// Info returns the taxonomy entry of t.
func Info(t EventType) (TypeInfo, bool) {
	for _, ti := range taxonomy {
		if ti.Type == t {
			return ti, true
		}
	}
	return TypeInfo{}, false
}

// Mappings lists every ACLED type an event of this type may carry.
func (ti TypeInfo) Mappings() []ACLED {
	out := []ACLED{ti.ACLED}
	for _, a := range []ACLED{ti.Civilians, ti.Protesters, ti.Fighting} {
		if a != (ACLED{}) {
			out = append(out, a)
		}
	}
	return out
}

// MapACLED picks the ACLED mapping of an event of this type from who was
// attacked and whether anyone was killed or wounded. Civilians win over
// protesters: gunmen killing bystanders at a protest is violence against
// civilians.
func (ti TypeInfo) MapACLED(civilianTarget, protesterTarget, fighting bool) ACLED {
	switch {
	case civilianTarget && ti.Civilians != (ACLED{}):
		return ti.Civilians
	case protesterTarget && ti.Protesters != (ACLED{}):
		return ti.Protesters
	case fighting && ti.Fighting != (ACLED{}):
		return ti.Fighting
	}
	return ti.ACLED
}
