package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"
)

// parseJSONFeed reads a JSON Feed (https://jsonfeed.org, versions 1 and
// 1.1) field by field, so that one malformed field (an author object
// where a list belongs, a number where a string does) loses that field,
// not the feed. Titles, summary and content_text are plain text by the
// spec; only content_html is HTML.
func parseJSONFeed(body []byte) (*parsedFeed, error) {
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	if tok, err := d.Token(); err != nil {
		return nil, fmt.Errorf("%w: json: %w", errParse, err)
	} else if tok != json.Delim('{') {
		return nil, ErrNotAFeed
	}
	top := map[string]json.RawMessage{}
	var items []*parsedItem
	sawItems := false
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return nil, fmt.Errorf("%w: json: %w", errParse, err)
		}
		key, _ := tok.(string)
		if key == "items" {
			sawItems = true
			if items, err = jsonItems(d); err != nil {
				return nil, fmt.Errorf("%w: json items: %w", errParse, err)
			}
			continue
		}
		var raw json.RawMessage
		if err := d.Decode(&raw); err != nil {
			return nil, fmt.Errorf("%w: json %q: %w", errParse, key, err)
		}
		top[key] = raw
	}
	if !sawItems && !strings.Contains(jsonString(top["version"]), "jsonfeed.org") {
		return nil, ErrNotAFeed
	}
	return &parsedFeed{
		Title: textLine(jsonPlain(top["title"])),
		Link:  linkRef{Href: jsonString(top["home_page_url"])},
		Items: items,
	}, nil
}

// jsonItems reads the value of "items", one item at a time, keeping at
// most itemCap. A value that is not a list holds no items; an item that
// is not an object is passed over.
func jsonItems(d *json.Decoder) ([]*parsedItem, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('[') {
		if _, ok := tok.(json.Delim); ok {
			return nil, skipJSON(d) // an object where the list belongs
		}
		return nil, nil
	}
	var items []*parsedItem
	for d.More() {
		if len(items) >= itemCap {
			var skip struct{}
			if err := d.Decode(&skip); err != nil {
				return items, err
			}
			continue
		}
		var fields map[string]json.RawMessage
		if err := d.Decode(&fields); err != nil {
			var typeErr *json.UnmarshalTypeError
			if errors.As(err, &typeErr) {
				continue // not an object: skip the item
			}
			return items, err
		}
		if fields != nil {
			items = append(items, jsonItem(fields))
		}
	}
	_, err = d.Token() // the closing ]
	return items, err
}

// skipJSON reads past the rest of an object or list whose opening
// delimiter was just read.
func skipJSON(d *json.Decoder) error {
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

func jsonItem(fields map[string]json.RawMessage) *parsedItem {
	it := &parsedItem{
		GUID:    jsonString(fields["id"]),
		Title:   jsonPlain(fields["title"]),
		Summary: jsonPlain(fields["summary"]),
	}
	// An item may give both forms of its content; the longer is kept.
	it.Content = htmlText(jsonString(fields["content_html"]))
	if t := jsonPlain(fields["content_text"]); it.Content.Value == "" {
		it.Content = t
	} else if t.Value != "" {
		it.Extra = append(it.Extra, t)
	}
	for _, key := range []string{"url", "external_url"} {
		if u := jsonString(fields[key]); u != "" {
			it.Links = append(it.Links, linkRef{Href: u})
		}
	}
	for _, key := range []string{"date_published", "date_modified"} {
		if d := jsonString(fields[key]); d != "" {
			it.Dates = append(it.Dates, d)
		}
	}
	it.Authors = append(jsonAuthors(fields["authors"]), jsonAuthors(fields["author"])...)
	var tags []json.RawMessage
	if json.Unmarshal(fields["tags"], &tags) == nil {
		for _, t := range tags[:min(len(tags), maxCategories)] {
			if s := jsonString(t); s != "" {
				it.Categories = append(it.Categories, s)
			}
		}
	}
	return it
}

// jsonPlain reads a plain-text field. Character references are decoded
// (publishing tools write "&#8217;" into JSON titles), but angle brackets
// stay: "</example>" or "std::vector<bool>" is text, not markup.
func jsonPlain(raw json.RawMessage) textValue {
	return plainText(html.UnescapeString(jsonString(raw)))
}

// jsonString reads a JSON string, or a number written where a string
// belongs (ids often are). Anything else is "".
func jsonString(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		if i, err := strconv.ParseInt(n.String(), 10, 64); err == nil {
			return strconv.FormatInt(i, 10)
		}
		return n.String()
	}
	return ""
}

// jsonAuthors reads authors given as a list of objects (1.1), one object
// (1.0's author, or 1.1 written wrongly), or plain strings.
func jsonAuthors(raw json.RawMessage) []string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		list = []json.RawMessage{raw}
	}
	var names []string
	for _, one := range list {
		var obj map[string]json.RawMessage
		if json.Unmarshal(one, &obj) == nil && obj != nil {
			if name := jsonString(obj["name"]); name != "" {
				names = append(names, name)
			}
			continue
		}
		if name := jsonString(one); name != "" {
			names = append(names, name)
		}
	}
	return names
}
