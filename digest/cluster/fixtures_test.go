package cluster

import "time"

// fixture is a short article written for these tests, with the story it
// belongs to ("" for an article that should stand alone).
type fixture struct {
	story string
	title string
	text  string
}

var fixtures = []fixture{
	{"strike", "Lindenport bus drivers walk out over pay",
		`Bus drivers in Lindenport stopped work on Monday after talks with the city transit authority over wages collapsed late on Sunday night.
The drivers' union says its members have had no pay rise in three years while fares went up twice. About 400 drivers joined the strike, leaving most routes without service.
Commuters crowded the tram stops and the few trains into the centre. The transit authority called the walkout premature and said its latest offer of a four percent raise remained on the table.`},
	{"lake", "Algae bloom closes Lake Marrow beaches for the summer",
		`Health officials closed every public beach on Lake Marrow on Thursday after tests found toxic blue-green algae across the northern shore.
Swimmers and dog owners were told to keep out of the water until further notice. The county blamed a hot, still June and fertiliser running off nearby farms.
Marina owners said the closure would cost them their busiest weeks of the year.`},
	{"strike", "Transit strike strands Lindenport commuters as wage talks stall",
		`Lindenport's buses stayed in their depots for a second day as the drivers' strike over wages showed no sign of ending.
Union leaders said the transit authority's offer of a four percent raise did not make up for three years without an increase. Roughly 400 drivers are on strike.
Commuters queued for trams and taxis, and several schools told pupils to stay home. The city's mayor urged both sides to return to the table.`},
	{"", "Harbour City beat Westbrook 3-1 to reach the cup final",
		`Harbour City reached the national cup final with a 3-1 win over Westbrook on Saturday evening.
Two goals from their young striker in the first half put the home side in control, and a late header settled it after Westbrook pulled one back from the penalty spot.
The final will be played next month at the national stadium.`},
	{"volcano", "Volcano on Kessa Island erupts, grounding flights",
		`The volcano on Kessa Island erupted before dawn on Wednesday, sending a column of ash several kilometres into the sky.
Airlines cancelled dozens of flights across the region as the ash cloud drifted east, and the island's only airport was closed.
Civil defence officials evacuated three villages on the volcano's slopes. No injuries were reported.`},
	{"", "Coffee prices climb as drought withers the highland harvest",
		`Coffee futures rose to their highest level in two years after a long drought cut the harvest in the highland growing regions.
Farmers say the cherries ripened early and small, and exporters warn that shipments will fall by a fifth this season.
Roasters expect to pass part of the cost on to shoppers before the end of the year.`},
	{"", "Central bank holds its key rate at 3.5 percent",
		`The central bank left its benchmark interest rate unchanged at 3.5 percent on Tuesday, saying inflation was cooling more slowly than it had hoped.
The governor said the board would keep rates on hold until price growth was clearly back near its target. Most economists had expected the decision.
The currency barely moved after the announcement.`},
	{"volcano", "Ash from Kessa eruption disrupts air travel for a second day",
		`Flights across the region remained disrupted on Thursday as ash from the eruption on Kessa Island kept spreading east.
The island's airport stayed closed and airlines cancelled more flights. Officials said residents evacuated from three villages on the volcano's slopes could not yet return home.
Scientists monitoring the volcano said the eruption had weakened overnight but warned of further explosions.`},
	{"", "European energy ministers agree to fill gas storage before winter",
		`Energy ministers from across Europe agreed on Friday to fill their gas storage sites to 90 percent before the winter heating season.
The deal follows months of high prices after pipeline deliveries from Russia fell, and it lets countries buy liquefied gas together to get better terms.
Some ministers warned that the target would be hard to reach if the weather turned cold early.`},
	{"", "New phone from Orbitel promises two-day battery life",
		`Orbitel unveiled its new flagship phone on Tuesday, promising a battery that lasts two full days and a camera that works better in low light.
The phone goes on sale next month at a slightly higher price than last year's model.
Reviewers who tried it at the launch praised the screen but said the design had barely changed.`},
	{"", "City museum opens exhibition of medieval maps",
		`The city museum opened an exhibition of medieval maps on Saturday, bringing together more than eighty charts lent by libraries across the continent.
The oldest piece is a hand-painted world map from the thirteenth century. Curators said the show traces how sailors and monks imagined lands they had never seen.
The exhibition runs until the end of March.`},
}

// fixtureDocs returns the fixtures as docs an hour apart, starting at start,
// with IDs from firstID.
func fixtureDocs(start time.Time, firstID int64) []Doc {
	docs := make([]Doc, len(fixtures))
	for i, f := range fixtures {
		docs[i] = Doc{ID: firstID + int64(i), Title: f.title, Text: f.text, Time: start.Add(time.Duration(i) * time.Hour)}
	}
	return docs
}

// wireStory is a longer agency-style article, for near-duplicate tests:
// fingerprints of short texts move too much with a single edit.
var wireStory = fixture{"port", "Dock workers at Sorrel Bay vote to end nine-day strike",
	`Dock workers at the port of Sorrel Bay voted on Sunday to accept a new contract, ending a nine-day strike that left hundreds of container ships waiting at anchor and emptied shelves in shops along the coast.
The union said 71 percent of its members backed the deal, which raises hourly pay by six percent this year and a further four percent next year, and limits how far the port operator can replace crane drivers with remotely controlled machines.
The port operator said the first ships would be unloaded within hours and that it expected to clear the backlog within three weeks, working around the clock.
Retailers had warned that the dispute was costing them millions a day. Several supermarket chains rationed rice, cooking oil and canned goods, and car makers in the region halted assembly lines for lack of parts.
The government, which had threatened to order the workers back to their posts, welcomed the vote. The transport minister said the agreement showed that patient negotiation worked better than emergency laws.
Union leaders said their members had not wanted to strike but felt they had no choice after two years of rising prices. They promised to watch closely how the automation clause is applied.
Shipping analysts said freight rates on routes into the bay, which had doubled during the strike, would take several weeks to settle as vessels were rerouted back from other ports.`}
