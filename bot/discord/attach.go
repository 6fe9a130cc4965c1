package discord

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"regexp"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdigest/newsdigest/bot"
)

// limitAltText is Discord's limit on an attachment's description (its alt text).
const limitAltText = 1024

// attachment describes an uploaded file in a message's JSON; ID is the
// index of its multipart part (files[ID]).
type attachment struct {
	ID          int    `json:"id"`
	Filename    string `json:"filename"`
	Description string `json:"description,omitempty"`
}

// upload is a file sent with a message as a multipart part.
type upload struct {
	name        string
	contentType string
	data        []byte
}

// safeFileName keeps attachment names to what attachment:// URLs allow.
var safeFileName = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,100}$`)

// attachImage uploads img with p and shows it in p's first embed, which
// refers to it as attachment://NAME; the alt text is the attachment's
// description.
func attachImage(p *payload, img *bot.Image) {
	if img == nil || len(img.PNG) == 0 || len(p.Embeds) == 0 {
		return
	}
	name := img.Name
	if !safeFileName.MatchString(name) {
		name = "image.png"
	}
	alt, _ := truncateWords(oneLine(img.Alt), limitAltText)
	p.Attachments = append(p.Attachments, attachment{ID: len(p.uploads), Filename: name, Description: alt})
	p.uploads = append(p.uploads, upload{name: name, contentType: "image/png", data: img.PNG})
	p.Embeds[0].Image = &discordgo.MessageEmbedImage{URL: "attachment://" + name}
}

// encodeBody is the body of a request: JSON, or multipart/form-data with
// the JSON as payload_json and each upload as files[i] when there are
// files, as Discord's message endpoints take them.
func encodeBody(body any, uploads []upload) ([]byte, string, error) {
	if body == nil {
		return nil, "", nil
	}
	js, err := json.Marshal(body)
	if err != nil {
		return nil, "", err
	}
	if len(uploads) == 0 {
		return js, "application/json", nil
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="payload_json"`)
	h.Set("Content-Type", "application/json")
	part, err := w.CreatePart(h)
	if err != nil {
		return nil, "", err
	}
	if _, err := part.Write(js); err != nil {
		return nil, "", err
	}
	for i, u := range uploads {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="files[%d]"; filename=%s`, i, strconv.Quote(u.name)))
		h.Set("Content-Type", u.contentType)
		part, err := w.CreatePart(h)
		if err != nil {
			return nil, "", err
		}
		if _, err := part.Write(u.data); err != nil {
			return nil, "", err
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}

// withoutUploads is p without its files and the embed images that show them.
func withoutUploads(p payload) payload {
	p.uploads, p.Attachments = nil, nil
	embeds := make([]*discordgo.MessageEmbed, len(p.Embeds))
	for i, e := range p.Embeds {
		c := *e
		if c.Image != nil && strings.HasPrefix(c.Image.URL, "attachment://") {
			c.Image = nil
		}
		embeds[i] = &c
	}
	p.Embeds = embeds
	return p
}
