package slack

import (
	"fmt"

	"github.com/slack-go/slack"
)

// maxPosts is the most posts one answer or digest becomes, however long its
// text: a crafted feed once made a single /story answer 1,200 posts. The
// last one kept says how many more there would have been.
const maxPosts = 10

// ceiling keeps posts within maxPosts, replacing the rest by a note in the
// place (thread or channel) where the rest would have gone.
func ceiling(posts []post) []post {
	if len(posts) <= maxPosts {
		return posts
	}
	more := len(posts) - (maxPosts - 1)
	text := fmt.Sprintf("… %d more posts not shown. Use /newsdigest story with words from a headline to see one story in full.", more)
	note := post{
		Blocks: []slack.Block{slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, escape(text), false, true))},
		Text:   text,
		Reply:  posts[maxPosts-1].Reply,
	}
	return append(posts[:maxPosts-1:maxPosts-1], note)
}
