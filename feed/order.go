package feed

import (
	"net/url"
	"strings"

	"github.com/newsdigest/newsdigest/store"
)

// interleaveByHost returns the indexes of feeds in an order that takes one
// feed from each host in turn, keeping the input order within a host. Many
// feeds on one host then do not occupy every worker while they wait for
// that host's concurrency and rate limits, and other hosts are not starved.
func interleaveByHost(feeds []store.Feed) []int {
	var hosts []string
	byHost := map[string][]int{}
	for i, f := range feeds {
		host := ""
		if u, err := url.Parse(f.URL); err == nil {
			host = strings.ToLower(u.Hostname())
		}
		if _, ok := byHost[host]; !ok {
			hosts = append(hosts, host)
		}
		byHost[host] = append(byHost[host], i)
	}
	order := make([]int, 0, len(feeds))
	for round := 0; len(hosts) > 0; round++ {
		remaining := hosts[:0]
		for _, h := range hosts {
			idx := byHost[h]
			order = append(order, idx[round])
			if round+1 < len(idx) {
				remaining = append(remaining, h)
			}
		}
		hosts = remaining
	}
	return order
}
