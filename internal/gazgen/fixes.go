package main

// Corrections written by hand, each for a reason the dumps cannot tell:
// rows that are no place the news means, Arabic names that are wrong or
// are ordinary words (a city's name that is a word in its own right is
// kept and given a cue in rules/ar/places.txt instead), spellings the news
// uses that the dumps lack, and English names that are odd. Keyed by
// GeoNames id (or the dump's own id).

// skipRows are rows left out.
var skipRows = map[int]string{
	985667963: "Neutral Zone (AE): المنطقة المحايدة is any neutral zone",
	985667973: "Neutral Zone (AE): المنطقة المحايدة is any neutral zone",
}

// dropNames are alternate names of one row that are wrong or common words.
var dropNames = map[int][]string{
	281184:  {"مريا", "يبوس", "ورشليم", "ساليم", "صهيون", "اريئيل", "إيلياء", "البلا"}, // Jerusalem: historical and biblical names, Ariel
	293198:  {"مريا", "يبوس", "ورشليم", "ساليم", "صهيون", "اريئيل", "إيلياء", "البلا"}, // Jerusalem District: the same
	267008:  {"الإطار"},                                                                // Tyre: "the frame"
	250441:  {"امان"},                                                                  // Amman: "safety"
	141584:  {"بن"},                                                                    // Baneh: "son of"
	117574:  {"سن", "سنه"},                                                             // Sanandaj: "tooth", "year"
	130802:  {"يلام", "الام"},                                                          // Ilam: "is blamed", "the mother"
	119208:  {"قوم"},                                                                   // Qom: "people"
	2217362: {"جريان"},                                                                 // Gharyan: "flowing"
	2217351: {"جات"},                                                                   // Ghat: "came"
	2538475: {"ربات"},                                                                  // Rabat: "mistresses"
	365137:  {"حلفا"},                                                                  // Omdurman: Halfa is another town
	124665:  {"المشهد"},                                                                // Mashhad: "the scene"; the city takes no article
	126584:  {"كردستان", "كوردستان"},                                                   // Kordestan province: in this news كردستان is Iraq's Kurdistan Region
	73560:   {"الحوطة"},                                                                // Lahij: al-Hawtah, "the enclosure", names many places
	2507480: {"الجزيره"},                                                               // Algiers: "the island", Al Jazeera
}

// extraNames are spellings the Arabic news uses that the dumps lack.
var extraNames = map[int][]string{
	314830:    {"غازي عنتاب"},   // Gaziantep
	128226:    {"كرمنشاه"},      // Kermanshah
	921194651: {"طرابلس الغرب"}, // Tripoli, Libya (the dump's own id)
}

// englishNames replace odd English names of the dumps.
var englishNames = map[int]string{
	361546: "Arish",        // "City of Cut Noses"
	141681: "Bandar Abbas", // "Cambarão"
}
