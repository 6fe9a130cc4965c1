// Package bot holds newsdigest's chat logic independent of any platform:
// commands in, transport-neutral messages out, and the Poster interface the
// platform adapters (bot/discord, bot/slack, bot/console) implement.
package bot

// Message is a transport-neutral chat message. All strings are plain text:
// adapters escape them for their platform's markup and split a message that is
// too large for one post, never in the middle of a word or a link.
type Message struct {
	Title     string    // optional heading for the whole message
	Text      string    // optional plain-text introduction
	Sections  []Section // usually one per story
	Ephemeral bool      // only the command's author sees it (where supported)

	// Brief asks for exactly one post: adapters shorten the sections (see
	// Shrink) until the message fits their platform's limits, instead of
	// splitting it across several posts.
	Brief bool
	// Image, when set, is attached to the message (the coverage chart).
	Image *Image `json:",omitempty"`
	// Thread holds details that adapters with threads (Slack) post as one
	// reply under the message; the others offer them on demand (buttons).
	Thread []Section `json:",omitempty"`
}

// Image is a picture attached to a message.
type Image struct {
	Name string // file name, such as "coverage.png"
	Alt  string // what the picture shows, in words (alt text)
	PNG  []byte
}

// Section is one block of a message, such as a story.
type Section struct {
	Heading string   // story headline
	URL     string   // link for the heading, if any
	Text    string   // body paragraphs separated by "\n"
	Fields  []Field  // e.g. one framing line per article
	Balance string   // coverage balance hint for colour: "balanced", "left", "right", "center", ""
	Actions []Action // buttons
	Update  bool     // a story sent before that has new coverage

	// For brief digests: the outlets grouped by the operator's lean labels
	// (left to right, each outlet once, its name a link to its report), the
	// one framing line where the outlets' framing differs, and the
	// blindspot note, if any.
	Outlets   []OutletGroup `json:",omitempty"`
	Framing   string        `json:",omitempty"`
	Blindspot string        `json:",omitempty"`
}

// OutletGroup is the outlets of a story that carry one lean label; Lean is
// "" for outlets the operator did not label.
type OutletGroup struct {
	Lean    string
	Outlets []Link
}

// Link is a name that links to a URL.
type Link struct {
	Text string
	URL  string
}

// Field is a named value, such as an outlet and its framing line.
type Field struct {
	Name  string
	Value string
	URL   string // optional link for Name
}

// Action is a button; ID says what it does ("compare", "sources") and Value
// what it acts on (a story id).
type Action struct {
	ID    string
	Label string
	Value string
}
