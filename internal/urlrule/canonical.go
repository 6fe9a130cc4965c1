package urlrule

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign or a click,
// never the page.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "msclkid": true,
	"yclid": true, "igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true,
	"_hsenc": true, "_hsmi": true, "mkt_tok": true, "oly_anon_id": true, "oly_enc_id": true,
	"rb_clickid": true, "s_cid": true, "vero_id": true, "vero_conv": true, "wickedid": true,
	"twclid": true, "ttclid": true, "li_fat_id": true, "srsltid": true,
}

func isTrackingParam(name string) bool {
	name = strings.ToLower(name)
	return trackingParams[name] || strings.HasPrefix(name, "utm_")
}

// Canonical returns the identity form of an article URL: scheme and host
// lower-cased, default port and fragment dropped, tracking parameters
// (utm_*, fbclid, gclid and the like) removed and the remaining query
// parameters sorted. Two links to the same page through different campaigns
// get the same canonical URL. A string that is not an absolute http(s) URL
// is returned trimmed and otherwise unchanged.
func Canonical(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" {
		return raw
	}
	scheme := strings.ToLower(u.Scheme)
	if (scheme != "http" && scheme != "https") || u.Host == "" {
		return raw
	}
	u.Scheme = scheme
	u.User = nil
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	host = strings.TrimRight(host, ".")
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	u.RawQuery = cleanQuery(u.RawQuery)
	u.ForceQuery = false
	return u.String()
}

// cleanQuery drops tracking parameters and empty pieces and sorts the rest
// by name, keeping their original encoding.
func cleanQuery(rawQuery string) string {
	if rawQuery == "" {
		return ""
	}
	var kept []string
	for _, part := range strings.FieldsFunc(rawQuery, func(r rune) bool { return r == '&' || r == ';' }) {
		name, _, _ := strings.Cut(part, "=")
		if unescaped, err := url.QueryUnescape(name); err == nil {
			name = unescaped
		}
		if name == "" || isTrackingParam(name) {
			continue
		}
		// A raw space would not survive trimming or re-parsing.
		kept = append(kept, strings.ReplaceAll(part, " ", "%20"))
	}
	sort.SliceStable(kept, func(i, j int) bool {
		ni, _, _ := strings.Cut(kept[i], "=")
		nj, _, _ := strings.Cut(kept[j], "=")
		return ni < nj
	})
	return strings.Join(kept, "&")
}
