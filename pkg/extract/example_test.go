package extract_test

import (
	"context"
	"fmt"
	"log"

	"github.com/rasd-monitor/rasd/pkg/extract"
	"github.com/rasd-monitor/rasd/pkg/model"
)

func Example() {
	// Compile the embedded rules and gazetteer once; the Extractor is
	// immutable and may be shared by any number of goroutines.
	x, err := extract.New(extract.Options{})
	if err != nil {
		log.Fatal(err)
	}
	doc := model.Document{
		ID:        "example",
		Published: "2022-01-21",
		Text: "ووفق وكالة الأنباء العراقية فإن عناصر من تنظيم داعش الإرهابي شنوا هجوما فجر اليوم " +
			"على مقر للجيش العراقي بين قرى الطالعة وأم الكرامي غربي ناحية العظيم مما أسفر عن مقتل 11 جندياً.",
	}
	events, err := x.Extract(context.Background(), doc)
	if err != nil {
		log.Fatal(err)
	}
	for _, ev := range events {
		fmt.Println(ev.ID, ev.Type, ev.Date.Start, ev.Date.PartOfDay)
		for _, l := range ev.Locations {
			// Place is nil when the text names a place the gazetteer lacks.
			if l.Place == nil {
				fmt.Println(" place:", l.Relation, l.Text, "(not in the gazetteer)")
				continue
			}
			fmt.Println(" place:", l.Relation, l.Place.Name, l.Place.Admin1)
		}
		for _, a := range ev.Actors {
			fmt.Println(" actor:", a.Role, a.Name)
		}
		for _, c := range ev.Casualties {
			fmt.Println(" casualties:", c.Kind, c.Count, c.Group)
		}
	}
	// Output:
	// example#1 attack 2022-01-21 dawn
	//  place: west_of Al-Azim Diyala
	//  place: between بين قرى الطالعة (not in the gazetteer)
	//  place: between أم الكرامي (not in the gazetteer)
	//  actor: perpetrator Islamic State
	//  actor: target Iraqi Army
	//  casualties: killed 11 Iraqi Army
}
