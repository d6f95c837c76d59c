package extract

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rasd-monitor/rasd/pkg/model"
)

func extractText(t *testing.T, x *Extractor, published, text string) []model.Event {
	t.Helper()
	evs, err := x.Extract(context.Background(), model.Document{ID: "t", Text: text, Title: "t", Published: published})
	require.NoError(t, err)
	return evs
}

func types(evs []model.Event) []model.EventType {
	var out []model.EventType
	for _, e := range evs {
		out = append(out, e.Type)
	}
	return out
}

func TestOneRecordPerIncident(t *testing.T) {
	x := newTestExtractor(t)
	// The lead, the official statement and the follow-up toll of one attack.
	evs := extractText(t, x, "2022-01-21", "وشهدت محافظة ديالى شرقي العراق، هجوما لتنظيم داعش الإرهابي على مقر عسكري، أسفر عن مقتل 11 عسكريا بينهم ضابط.\n"+
		"ووفق وكالة الأنباء العراقية فإن عناصر من تنظيم داعش الإرهابي شنوا هجوما فجر اليوم على مقر للجيش العراقي غربي ناحية العظيم مما أسفر عن مقتل 11 جندياً.\n")
	require.Len(t, evs, 1)
	ev := evs[0]
	assert.Equal(t, model.Attack, ev.Type)
	assert.Equal(t, "2022-01-21", ev.Date.Start)
	assert.Equal(t, "dawn", ev.Date.PartOfDay)
	require.Len(t, ev.Casualties, 1, "a repeated toll counts once")
	assert.Equal(t, 11, ev.Casualties[0].Count)
	assert.Equal(t, "Iraqi News Agency", ev.Sources[0].Name)
	assert.Contains(t, ev.Evidence.Text, "وشهدت محافظة ديالى", "the evidence is the lead")
	require.Len(t, ev.Mentions, 2, "both reports are its mentions")
	assert.Contains(t, ev.Mentions[1].Text, "غربي ناحية العظيم")

	// Two attacks in two governorates are two incidents.
	evs = extractText(t, x, "2022-01-21", "قتل ثلاثة جنود في هجوم مسلح على نقطة تفتيش في قضاء الحويجة بمحافظة كركوك.\n"+
		"وفي تطور آخر، قتل مدنيان بانفجار عبوة ناسفة في قضاء المقدادية بمحافظة ديالى.\n")
	assert.Equal(t, []model.EventType{model.Attack, model.IED}, types(evs))
}

func TestNonEvents(t *testing.T) {
	x := newTestExtractor(t)
	for _, text := range []string{
		// a negated attack (the truce held)
		"تستمر الهدنة التي أعلنتها الفصائل وذلك بعدم استهداف السفارة الأميركية في المنطقة الخضراء ببغداد.",
		// a phone call
		"وخلال أول مكالمة هاتفية جمعت وزيري خارجية فرنسا والولايات المتحدة، أشار لودريان إلى أهمية مكافحة الإرهاب.",
		// equipment delivered
		"أعلنت القيادة المركزية أن القوات الأمنية العراقية تسلمت معدات وكاميرات حرارية وأبراج مراقبة.",
		// a generic plural with no place below the country
		"تصاعدت وتيرة العمليات العسكرية ضد تنظيم داعش في العراق وتكررت هجماته.",
	} {
		assert.Empty(t, extractText(t, x, "2021-04-12", text), text)
	}
}

func TestPlannedIsKeptOnlyWhenAsked(t *testing.T) {
	text := "وأضاف البيان أنه من ضمن الخطة تنظيم إنزالات جوية في جزيرة كنعوص جنوب الموصل لمباغتة عناصر التنظيم."
	assert.Empty(t, extractText(t, newTestExtractor(t), "", text))
	x, err := New(Options{KeepFlagged: true, Strict: true})
	require.NoError(t, err)
	evs := extractText(t, x, "", text)
	require.Len(t, evs, 1)
	assert.Equal(t, []model.Flag{model.Planned}, evs[0].Flags)
}

func TestFlags(t *testing.T) {
	x := newTestExtractor(t)
	evs := extractText(t, x, "2021-04-12", "في عام 2020، أعلن جهاز مكافحة الإرهاب في العراق أن قواته تمكنت من قتل 206 عناصر من تنظيم داعش، وتم اعتقال 292 آخرين، وذكر في إحصائية له حول العمليات العسكرية والرقمية التي نفذها خلال العام الماضي، أن قواته نفذت 253 عملية استطاعت من خلالها إلقاء القبض على 292 عنصرًا إرهابيًّا، وقتل 206 آخرين.")
	require.Len(t, evs, 1)
	assert.Equal(t, model.SecurityOperation, evs[0].Type)
	assert.Equal(t, model.PrecisionYear, evs[0].Date.Precision)
	assert.Contains(t, evs[0].Flags, model.Aggregate)
	assert.Contains(t, evs[0].Flags, model.Historical)
}

func TestRolesFromStructure(t *testing.T) {
	x := newTestExtractor(t)
	roles := func(text string) map[string]model.Role {
		out := map[string]model.Role{}
		for _, ev := range extractText(t, x, "2021-02-23", text) {
			for _, a := range ev.Actors {
				out[a.Name] = a.Role
			}
		}
		return out
	}
	assert.Equal(t, map[string]model.Role{"Islamic State": model.Perpetrator, "Iraqi Army": model.Target},
		roles("شنت عناصر من تنظيم داعش هجوما على مقر للجيش العراقي في قضاء الحويجة."))
	assert.Equal(t, map[string]model.Role{"International Coalition": model.Perpetrator, "Islamic State": model.Target},
		roles("نفذ طيران التحالف الدولي ضربات جوية على مواقع تنظيم داعش في وادي الشاي."))
	assert.Equal(t, map[string]model.Role{"Syrian opposition": model.Perpetrator, "Civilians": model.Target},
		roles("أصيب أربعة مدنيين جراء قصف نفذته فصائل معارضة على بلدة جرمانا في ريف دمشق."))
}

func newTestExtractor(t *testing.T) *Extractor {
	t.Helper()
	x, err := New(Options{Strict: true})
	require.NoError(t, err)
	return x
}
