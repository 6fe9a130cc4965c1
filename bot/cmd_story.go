package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsdigest/newsdigest/digest"
)

// story answers /story <query> and the "Compare framings" button: one story
// with every outlet's framing side by side, for the asker only (on every
// platform), so that looking a story up never floods the channel.
func (h *Handler) story(ctx context.Context, c Command) (Message, error) {
	s, err := h.findStory(ctx, c)
	if err != nil {
		return Message{}, err
	}
	if s == nil {
		return Message{Text: "No recent story matches that.", Ephemeral: true}, nil
	}
	m := CompareMessage(*s)
	m.Ephemeral = true
	return m, nil
}

// sources answers the "Sources" button: every article of a story with its link.
func (h *Handler) sources(ctx context.Context, c Command) (Message, error) {
	s, err := h.findStory(ctx, c)
	if err != nil {
		return Message{}, err
	}
	if s == nil {
		return Message{Text: "That story is no longer in the window.", Ephemeral: true}, nil
	}
	sec := Section{Heading: "Sources: " + s.Title}
	for _, a := range s.Articles {
		sec.Fields = append(sec.Fields, Field{Name: a.Source, Value: a.Title, URL: a.URL})
	}
	return Message{Sections: []Section{sec}, Ephemeral: true}, nil
}

// findStory picks the story named by Args["story"] (an id) or the best match
// for Args["query"] within the window.
func (h *Handler) findStory(ctx context.Context, c Command) (*digest.Story, error) {
	until := h.now()
	query := strings.TrimSpace(c.Args["query"])
	id, idErr := strconv.ParseInt(c.Args["story"], 10, 64)
	if c.Args["story"] != "" && idErr != nil {
		return nil, userErrorf("%q is not a story id", c.Args["story"])
	}
	if c.Args["story"] == "" && query == "" {
		return nil, userErrorf("say which story: /story <words from its headline>")
	}
	d, err := h.buildDigest(ctx, c.Scope, until.Add(-h.window()), until, query, 0)
	if err != nil {
		return nil, err
	}
	for i := range d.Stories {
		if c.Args["story"] == "" || d.Stories[i].ID == id {
			return &d.Stories[i], nil
		}
	}
	return nil, nil
}

// CompareMessage shows one story with each outlet's framing side by side.
func CompareMessage(s digest.Story) Message {
	sec := StorySection(s)
	sec.Actions = nil
	m := Message{Title: "How each outlet frames it", Sections: []Section{sec}}
	for _, a := range s.Articles {
		var b strings.Builder
		fmt.Fprintf(&b, "%s\nGenre: %s. Tone toward the event: %s.", a.Title, a.Genre, a.Tone)
		for _, ac := range a.Actors {
			fmt.Fprintf(&b, "\n%s: %s (%s voice)%s", ac.Name, ac.Stance, ac.Voice, firstQuote(ac.Evidence))
		}
		for _, f := range a.Frames {
			fmt.Fprintf(&b, "\nFrame: %s%s", strings.ReplaceAll(f.Name, "_", " "), firstQuote(f.Evidence))
		}
		for i, cue := range a.Cues {
			if i == 6 {
				break
			}
			fmt.Fprintf(&b, "\n%s: «%s»", strings.ReplaceAll(cue.Type, "_", " "), cue.Text)
		}
		m.Sections = append(m.Sections, Section{Heading: a.Source, URL: a.URL, Text: b.String()})
	}
	return m
}
