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
