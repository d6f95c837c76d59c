package article

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rasd-monitor/rasd/pkg/extract/internal/find"
	"github.com/rasd-monitor/rasd/pkg/extract/internal/mention"
	"github.com/rasd-monitor/rasd/pkg/gazetteer"
	"github.com/rasd-monitor/rasd/pkg/model"
	"github.com/rasd-monitor/rasd/pkg/timex"
)

// The article model is tested alone, with mentions built by hand as the
// mention stage would hand them over.

var (
	kirkuk = &gazetteer.Place{ID: "g-kirkuk", Feature: "governorate", Country: "IQ", Admin1: "Kirkuk"}
	hawija = &gazetteer.Place{ID: "hawija", Feature: "district", Country: "IQ", Admin1: "Kirkuk", Admin2: "Hawija", Parents: []string{"g-kirkuk"}}
	riyadh = &gazetteer.Place{ID: "riyadh", Feature: "town", Country: "IQ", Admin1: "Kirkuk", Admin2: "Hawija", Parents: []string{"hawija", "g-kirkuk"}}
	dibis  = &gazetteer.Place{ID: "dibis", Feature: "district", Country: "IQ", Admin1: "Kirkuk", Admin2: "Dibis", Parents: []string{"g-kirkuk"}}
)

// m is a mention of sentence s.
func m(s int, kind find.Kind, opts ...func(*mention.Mention)) *mention.Mention {
	x := &mention.Mention{Kind: kind, Trigger: s, Sent: s, Para: s, Specific: true}
	for _, o := range opts {
		o(x)
	}
	return x
}

func at(ps ...*gazetteer.Place) func(*mention.Mention) {
	return func(x *mention.Mention) {
		x.Sites = ps
		for _, p := range ps {
			x.Places = append(x.Places, mention.Place{Mention: gazetteer.Mention{Place: p, Relation: model.In}})
		}
	}
}

func killed(n int) func(*mention.Mention) {
	return func(x *mention.Mention) {
		x.Casualties = append(x.Casualties, find.Casualty{Kind: model.Killed, Fig: find.Figure{Count: n, Min: n, Max: n, Exact: true}})
	}
}

func on(day string) func(*mention.Mention) {
	return func(x *mention.Mention) {
		x.Date = &find.Date{Expr: timex.Expr{Date: model.Date{Start: day, End: day, Precision: model.PrecisionDay}}}
	}
}

func opener(o mention.Opener) func(*mention.Mention) {
	return func(x *mention.Mention) { x.Opener = o }
}
func toll(x *mention.Mention)     { x.Trigger = -1 }
func definite(x *mention.Mention) { x.RefersBack = true }
func another(x *mention.Mention)  { x.AnotherCue = true }

func rules(ds []Decision) []Rule {
	var out []Rule
	for _, d := range ds {
		out = append(out, d.Rule)
	}
	return out
}

func build(ms ...*mention.Mention) ([]*Incident, []Decision) {
	incs, ds, _ := Build(context.Background(), &find.Layers{}, ms, false) // never done, never fails
	return incs, ds
}

// A cancelled context stops the model at the next mention.
func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	incs, ds, err := Build(ctx, &find.Layers{}, []*mention.Mention{m(0, model.Attack)}, false)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, incs)
	assert.Nil(t, ds)
}

func TestSourceRetellsTheLead(t *testing.T) {
	incs, ds := build(
		m(0, model.Attack, at(hawija), killed(3)),
		m(3, model.Attack, opener(mention.Attribution)), // وقال المصدر إن مسلحين هاجموا …
	)
	assert.Len(t, incs, 1)
	assert.Equal(t, []Rule{Opens, Retells}, rules(ds))
}

func TestPlaceInsideTheLeadsPlaceDoesNotConflict(t *testing.T) {
	incs, _ := build(
		m(0, model.IED, at(hawija), killed(2)),
		m(1, model.IED, at(riyadh), opener(mention.Attribution)),
	)
	assert.Len(t, incs, 1)
}

func TestAnotherDistrictIsAnotherIncident(t *testing.T) {
	incs, ds := build(
		m(0, model.IED, at(hawija), killed(2)),
		m(1, model.IED, at(dibis), killed(1)),
	)
	assert.Len(t, incs, 2)
	assert.Equal(t, []Rule{Opens, Opens}, rules(ds))
}

func TestAnotherCueSplits(t *testing.T) {
	incs, _ := build(
		m(0, model.Attack, at(hawija), killed(1)),
		m(1, model.Attack, another, killed(2)), // وفي هجوم آخر
	)
	assert.Len(t, incs, 2)
}

func TestOwnDateSplits(t *testing.T) {
	incs, _ := build(
		m(0, model.Shelling, at(hawija), on("2022-03-14"), killed(3)),
		m(1, model.Shelling, on("2022-03-11"), killed(1)),
	)
	assert.Len(t, incs, 2)
}

func TestRepeatedFigureJoinsFarBack(t *testing.T) {
	incs, ds := build(
		m(0, model.CarBomb, at(kirkuk), killed(26)),
		m(1, model.Shelling, at(dibis), killed(4)),
		m(6, model.Attack, killed(26)),
	)
	assert.Len(t, incs, 2)
	assert.Equal(t, SameFigure, ds[2].Rule)
	assert.Equal(t, 0, ds[2].Incident)
}

func TestDefiniteTriggerRefersBack(t *testing.T) {
	incs, ds := build(
		m(0, model.SuicideBombing, at(kirkuk), killed(10)),
		m(1, model.Shelling, at(dibis), killed(2)),
		m(4, model.Attack, definite), // وأسفر الهجوم …
	)
	assert.Len(t, incs, 2)
	assert.Equal(t, RefersBack, ds[2].Rule)
	assert.Equal(t, 1, ds[2].Incident, "the nearest compatible incident")
}

func TestAnotherMatterIsNoReferenceBack(t *testing.T) {
	incs, ds := build(
		m(0, model.SuicideBombing, at(kirkuk), killed(10)),
		m(4, model.Attack, definite, opener(mention.Another), at(dibis)), // إلى ذلك، …
	)
	assert.Len(t, incs, 2)
	assert.Equal(t, Opens, ds[1].Rule)
}

func TestTollJoinsTheIncidentBeforeIt(t *testing.T) {
	incs, ds := build(
		m(0, model.Attack, at(hawija)),
		m(1, "", toll, killed(3)),
	)
	assert.Len(t, incs, 1)
	assert.Equal(t, TollJoins, ds[1].Rule)
}

func TestTollBeforeItsIncidentWaits(t *testing.T) {
	incs, ds := build(
		m(0, "", toll, killed(2)), // بمقتل شخصين …
		m(1, model.ArmedClash),    // … في اشتباكات
	)
	assert.Len(t, incs, 1)
	assert.Equal(t, []Rule{TollWaits, TollWaits, Opens}, rules(ds))
}

func TestDroppedMentionsMakeNoIncident(t *testing.T) {
	bg := m(0, model.Kidnapping, at(hawija))
	bg.Status = mention.Background
	incs, ds := build(bg)
	assert.Empty(t, incs)
	assert.Equal(t, []Rule{NotActual}, rules(ds))
}

func TestIncidentWithNoPlaceTakesTheOneBefore(t *testing.T) {
	incs, _ := build(
		m(0, model.Attack, at(hawija), killed(1)),
		m(1, model.IED, another, killed(2)),
	)
	if assert.Len(t, incs, 2) {
		assert.Empty(t, incs[0].Context)
		if assert.Len(t, incs[1].Context, 1) {
			assert.Equal(t, hawija, incs[1].Context[0].Place)
		}
	}
}
