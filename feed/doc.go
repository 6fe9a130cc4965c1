// Package feed polls news feeds and stores their articles.
//
// A poll of one feed is a pipeline of small steps: fetch (conditional GET,
// decoding, size limits, redirects, per-host limits, a private-address
// check after DNS) → parse (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed, in
// any declared or sniffed encoding; an HTML page is searched for its feed
// link) → normalise (plain text, absolute links, canonical URLs, dates that
// fall back to the first-seen time) → full text for teasers (readability)
// → store (new, edited or already seen) → schedule the next check.
//
// Poller.Poll fetches a given list of feeds once; Poller.Run polls the feeds
// the Store says are due until its context ends. Polling state (validators,
// next check, failures, health) lives in the Store, so it survives restarts.
package feed
