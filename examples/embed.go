// Package examples holds newsdigest's sample feeds and example configuration.
//
// The sample feeds are five fictional outlets' feeds (RSS 2.0, Atom and JSON
// Feed) with thirteen articles written for this project, all dated
// 2026-11-20. They cover eight invented stories: one reported by three
// outlets, three by two outlets (among them the Kestrel Strait accord, framed
// in opposite ways by an opinion column and a favourable news report) and four
// by one. Every person, place, company and event in them is made up.
package examples

import "embed"

// FS holds the sample feed files under "feeds/".
//
//go:embed feeds/*.xml feeds/*.json
var FS embed.FS

// Feed describes one sample feed file and the outlet behind it.
type Feed struct {
	File string   // path in FS, e.g. "feeds/harbour-gazette.xml"
	Name string   // outlet name
	Lean string   // operator-style lean label; invented like the outlets
	Tags []string // topics a channel can select the feed by
}

// Feeds lists every sample feed in FS, in a stable order.
var Feeds = []Feed{
	{File: "feeds/harbour-gazette.xml", Name: "Harbour Gazette", Lean: "center", Tags: []string{"news", "business", "science"}},
	{File: "feeds/northern-ledger.xml", Name: "The Northern Ledger", Lean: "center-right", Tags: []string{"news", "business", "politics"}},
	{File: "feeds/valley-courier.xml", Name: "Valley Courier", Lean: "center-left", Tags: []string{"news", "science"}},
	{File: "feeds/meridian-daily.xml", Name: "Meridian Daily", Lean: "right", Tags: []string{"opinion", "politics", "sport"}},
	{File: "feeds/civic-wire.json", Name: "Civic Wire", Lean: "left", Tags: []string{"news", "politics"}},
}

// ExampleConfig is the commented example configuration for a real
// deployment, the text of examples/newsdigest.toml.
//
//go:embed newsdigest.toml
var ExampleConfig []byte
