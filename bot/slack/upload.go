package slack

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"regexp"
	"strings"

	"github.com/slack-go/slack"

	"github.com/newsdigest/newsdigest/bot"
)

// imageTitle is the title Slack shows above the uploaded chart.
const imageTitle = "Coverage by outlet lean"

// maxAltText bounds an uploaded image's alt text.
const maxAltText = 1000

var safeName = regexp.MustCompile(`[^A-Za-z0-9_.-]`)

// uploadName names the image of a delivery uniquely ("coverage-1a2b3c4d.png"),
// so a repeated delivery can find it in the thread and not upload it twice.
func uploadName(name, deliveryID string) string {
	name = safeName.ReplaceAllString(name, "")
	if name == "" {
		name = "image.png"
	}
	if deliveryID == "" {
		return name
	}
	sum := sha256.Sum256([]byte(deliveryID))
	base, ext, _ := strings.Cut(name, ".")
	return base + "-" + hex.EncodeToString(sum[:4]) + "." + ext
}

// postImage uploads img into the thread under threadTS with the external
// upload API (files.getUploadURLExternal, the upload, then
// files.completeUploadExternal with thread_ts and alt text): Slack shows
// uploaded files in messages of their own, so the picture goes under the
// digest and the digest stays one top-level message. resumed says the
// digest was found already posted (a repeated delivery): then the thread is
// searched for the image first. A failure is logged, not returned: the
// digest is out, and a missing picture must not make it post again.
func (b *Bot) postImage(ctx context.Context, channel, threadTS, deliveryID string, img *bot.Image, resumed bool) {
	if img == nil || len(img.PNG) == 0 || threadTS == "" {
		return
	}
	name := uploadName(img.Name, deliveryID)
	log := b.log.With(slog.String("channel_id", channel), slog.String("delivery_id", deliveryID), slog.String("file", name))
	if resumed && deliveryID != "" {
		there, err := b.imageInThread(ctx, channel, threadTS, name)
		if err != nil {
			log.WarnContext(ctx, "slack: cannot look for an earlier chart; uploading it", slog.Any("error", err))
		} else if there {
			return
		}
	}
	for attempt := 1; ; attempt++ {
		if err := b.pacer.wait(ctx, channel); err != nil {
			return
		}
		_, err := b.api.UploadFileContext(ctx, slack.UploadFileParameters{
			Reader:          bytes.NewReader(img.PNG),
			FileSize:        len(img.PNG),
			Filename:        name,
			Title:           imageTitle,
			AltTxt:          shorten(img.Alt, maxAltText),
			Channel:         channel,
			ThreadTimestamp: threadTS,
		})
		if err == nil {
			return
		}
		err = classify(err)
		if !transient(err) || attempt >= 2 || ctx.Err() != nil {
			log.WarnContext(ctx, "slack: coverage chart not posted (the digest was; files:write is needed for the chart)", slog.Any("error", err))
			return
		}
		if err := sleep(ctx, b.backoff); err != nil {
			return
		}
	}
}

// imageInThread reports whether a file named name is already in the thread.
func (b *Bot) imageInThread(ctx context.Context, channel, threadTS, name string) (bool, error) {
	msgs, _, _, err := b.api.GetConversationRepliesContext(ctx, &slack.GetConversationRepliesParameters{
		ChannelID: channel, Timestamp: threadTS, Limit: 200,
	})
	if err != nil {
		return false, fmt.Errorf("conversations.replies %s: %w", channel, classify(err))
	}
	for _, m := range msgs {
		for _, f := range m.Files {
			if f.Name == name {
				return true, nil
			}
		}
	}
	return false, nil
}
