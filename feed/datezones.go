package feed

import (
	"regexp"
	"sync"
	"sync/atomic"
	"time"
)

// zoneOffsets are the time-zone abbreviations feeds write, with their real
// offsets in seconds east of UTC. Where one abbreviation names several
// zones, the table takes the one news feeds mean most often: CST is US
// Central (not China), IST India (not Ireland or Israel), AST Atlantic
// (not Arabia), BST British Summer Time.
var zoneOffsets = map[string]int{
	"z": 0, "ut": 0, "utc": 0, "gmt": 0, "wet": 0,
	// North America
	"est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
	"akst": -9 * 3600, "akdt": -8 * 3600, "hst": -10 * 3600, "hast": -10 * 3600, "hadt": -9 * 3600,
	"ast": -4 * 3600, "adt": -3 * 3600, "nst": -(3*3600 + 1800), "ndt": -(2*3600 + 1800),
	// Europe
	"bst": 3600, "west": 3600, "cet": 3600, "met": 3600, "mez": 3600,
	"cest": 2 * 3600, "mest": 2 * 3600, "mesz": 2 * 3600, "eet": 2 * 3600,
	"eest": 3 * 3600, "msk": 3 * 3600, "trt": 3 * 3600,
	// Africa
	"wat": 3600, "cat": 2 * 3600, "sast": 2 * 3600, "eat": 3 * 3600,
	// Asia and the Pacific
	"pkt": 5 * 3600, "ist": 5*3600 + 1800, "npt": 5*3600 + 2700, "ict": 7 * 3600, "wib": 7 * 3600,
	"hkt": 8 * 3600, "sgt": 8 * 3600, "pht": 8 * 3600, "awst": 8 * 3600, "wita": 8 * 3600,
	"jst": 9 * 3600, "kst": 9 * 3600, "wit": 9 * 3600, "acst": 9*3600 + 1800, "acdt": 10*3600 + 1800,
	"aest": 10 * 3600, "aedt": 11 * 3600, "chst": 10 * 3600, "nzst": 12 * 3600, "nzdt": 13 * 3600,
	// South America
	"brt": -3 * 3600, "brst": -2 * 3600, "art": -3 * 3600, "uyt": -3 * 3600, "clt": -4 * 3600,
	"clst": -3 * 3600, "vet": -4 * 3600, "pet": -5 * 3600, "cot": -5 * 3600,
}

// zoneRegions are abbreviations that name a region whose offset changes
// with daylight saving time ("ET" is EST in winter and EDT in summer).
var zoneRegions = map[string]string{
	"et": "America/New_York",
	"ct": "America/Chicago",
	"mt": "America/Denver",
	"pt": "America/Los_Angeles",
}

// ianaZone matches an IANA time-zone name such as Europe/Brussels or
// America/Argentina/Buenos_Aires.
var ianaZone = regexp.MustCompile(`\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc|US|Canada|Brazil|Mexico|Chile)(?:/[A-Za-z0-9_+\-]+)+`)

// zoneCache remembers loaded locations: loading one reads the zone
// database, which is slow next to parsing a date.
var zoneCache sync.Map // name -> *time.Location, or nil for an unknown name

// loadZone returns the location of an IANA zone name, or nil.
func loadZone(name string) *time.Location {
	if v, ok := zoneCache.Load(name); ok {
		loc, _ := v.(*time.Location)
		return loc
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = nil
	}
	if zoneCacheSize.Add(1) <= maxZoneCache {
		zoneCache.Store(name, loc)
	}
	return loc
}

// maxZoneCache bounds zoneCache: zone names come from feeds, and a hostile
// feed could write a new one in every item.
const maxZoneCache = 1024

var zoneCacheSize atomic.Int64
