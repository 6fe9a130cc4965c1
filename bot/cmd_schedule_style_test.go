package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsdigest/newsdigest/store"
)

// TestScheduleSetStyle runs schedule set/show with digest settings through
// the real scheduler and store, as a chat command would.
func TestScheduleSetStyle(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	now := time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC)
	h := &Handler{Store: st, Schedules: &fakeSchedules{}, Styles: StyleBook{Store: st}, Now: func() time.Time { return now }}
	run := func(sub string, manage bool, args map[string]string) Message {
		return h.Handle(ctx, Command{Platform: "slack", Scope: "slack:T1", ChannelID: "C9", Name: "schedule", Sub: sub, CanManage: manage, Args: args})
	}
	tests := []struct {
		name   string
		sub    string
		manage bool
		args   map[string]string
		want   string
		style  store.DigestStyle
	}{
		{"defaults", "show", false, nil, "Digests here are brief (one message; every article's framing on demand), up to 6 stories, with the coverage chart.", store.DigestStyle{}},
		{"needs permission", "set", false, map[string]string{"max_stories": "4"}, "Sorry: changing feeds or schedules needs", store.DigestStyle{}},
		{"schedule and style", "set", true, map[string]string{"cron": "0 8 * * *", "timezone": "Europe/Berlin", "max_stories": "4", "image": "off"},
			`Digest scheduled: "0 8 * * *" in Europe/Berlin; the next one comes at Sat, 21 Nov 2026 08:00:00 CET. Digests here are brief (one message; every article's framing on demand), up to 4 stories, without the coverage chart.`,
			store.DigestStyle{MaxStories: 4, NoImage: true}},
		{"style only keeps the rest", "set", true, map[string]string{"detail": "full"},
			"Digests here are full (every article's framing in the digest), up to 4 stories, without the coverage chart.",
			store.DigestStyle{MaxStories: 4, Detail: DetailFull, NoImage: true}},
		{"show reports both", "show", false, nil,
			`Digest schedule: "0 8 * * *" in Europe/Berlin; next at Sat, 21 Nov 2026 08:00:00 CET. Digests here are full (every article's framing in the digest), up to 4 stories, without the coverage chart.`,
			store.DigestStyle{MaxStories: 4, Detail: DetailFull, NoImage: true}},
		{"too many for brief", "set", true, map[string]string{"detail": "brief", "max_stories": "12"}, "a brief digest shows at most 9 stories, not 12",
			store.DigestStyle{MaxStories: 4, Detail: DetailFull, NoImage: true}},
		{"bad detail", "set", true, map[string]string{"detail": "tiny"}, `detail is "brief" or "full", not "tiny"`,
			store.DigestStyle{MaxStories: 4, Detail: DetailFull, NoImage: true}},
		{"bad image", "set", true, map[string]string{"image": "maybe"}, `image is on or off, not "maybe"`,
			store.DigestStyle{MaxStories: 4, Detail: DetailFull, NoImage: true}},
		{"nothing to set", "set", true, map[string]string{}, "schedule set needs a cron line",
			store.DigestStyle{MaxStories: 4, Detail: DetailFull, NoImage: true}},
		{"back to brief with the chart", "set", true, map[string]string{"detail": "brief", "image": "on", "max_stories": "9"},
			"up to 9 stories, with the coverage chart.", store.DigestStyle{MaxStories: 9, Detail: DetailBrief}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := run(tc.sub, tc.manage, tc.args)
			if !strings.Contains(m.Text, tc.want) {
				t.Errorf("reply %q\nwant it to contain %q", m.Text, tc.want)
			}
			got, err := h.Styles.ChannelStyle(ctx, Channel{Platform: "slack", ID: "C9"})
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.style {
				t.Errorf("stored style %+v, want %+v", got, tc.style)
			}
		})
	}
}

// fakeSchedules keeps one channel's schedule in memory; the next run is
// always 08:00 Berlin time on 21 November 2026.
type fakeSchedules struct{ cron, tz string }

func (f *fakeSchedules) next() time.Time {
	loc, _ := time.LoadLocation("Europe/Berlin")
	return time.Date(2026, 11, 21, 8, 0, 0, 0, loc)
}

func (f *fakeSchedules) SetChannelSchedule(ctx context.Context, ch Channel, cron, tz string) (time.Time, error) {
	f.cron, f.tz = cron, tz
	return f.next(), nil
}

func (f *fakeSchedules) ChannelSchedule(ctx context.Context, ch Channel) (string, string, time.Time, error) {
	if f.cron == "" {
		return "", "", time.Time{}, nil
	}
	return f.cron, f.tz, f.next(), nil
}

func (f *fakeSchedules) DisableChannelSchedule(ctx context.Context, ch Channel) error {
	f.cron = ""
	return nil
}

func TestStyledDigest(t *testing.T) {
	d := digestOf(20)
	tests := []struct {
		style   store.DigestStyle
		brief   bool
		stories int
		image   bool
	}{
		{store.DigestStyle{}, true, DefaultMaxStories, true},
		{store.DigestStyle{MaxStories: 3, NoImage: true}, true, 3, false},
		{store.DigestStyle{Detail: DetailFull}, false, defaultFullStories, true},
		{store.DigestStyle{Detail: DetailFull, MaxStories: 15, NoImage: true}, false, 15, false},
	}
	for _, tc := range tests {
		m, err := StyledDigest("News digest", d, tc.style)
		if err != nil {
			t.Fatal(err)
		}
		if m.Brief != tc.brief || len(m.Sections) != tc.stories || (m.Image != nil) != tc.image {
			t.Errorf("style %+v: brief %v, %d stories, image %v", tc.style, m.Brief, len(m.Sections), m.Image != nil)
		}
		if !tc.brief && len(m.Sections) > 0 && len(m.Sections[0].Fields) == 0 {
			t.Errorf("style %+v: the full digest lacks the framing lines", tc.style)
		}
	}
}

// TestDigestFollowsChannelStyle: /digest in a channel shows the digest the
// way the channel's style says.
func TestDigestFollowsChannelStyle(t *testing.T) {
	h, st := seededHandler(t)
	h.Styles = StyleBook{Store: st}
	ctx := context.Background()
	cmd := Command{Platform: "discord", Scope: "discord:1", ChannelID: "77", Name: "digest", Args: map[string]string{"since": "1d"}}
	if m := h.Handle(ctx, cmd); !m.Brief || m.Image == nil {
		t.Errorf("default: brief %v, image %v", m.Brief, m.Image != nil)
	}
	if err := h.Styles.SetChannelStyle(ctx, Channel{Platform: "discord", Scope: "discord:1", ID: "77"}, store.DigestStyle{Detail: DetailFull, NoImage: true}); err != nil {
		t.Fatal(err)
	}
	m := h.Handle(ctx, cmd)
	if m.Brief || m.Image != nil || len(m.Sections) != 2 || len(m.Sections[0].Fields) != 2 {
		t.Errorf("full, no image: brief %v, image %v, %d stories", m.Brief, m.Image != nil, len(m.Sections))
	}
	other := cmd
	other.ChannelID = "78"
	if m := h.Handle(ctx, other); !m.Brief {
		t.Errorf("another channel took this one's style")
	}
}

// FuzzApplyStyleArgs feeds schedule set options as users type them: an
// accepted style is always one a digest can show.
func FuzzApplyStyleArgs(f *testing.F) {
	f.Add("4", "full", "off")
	f.Add("", "", "")
	f.Add("99999999999999999999", "BRIEF", "yes")
	f.Add("-3", "tiny", "maybe")
	f.Fuzz(func(t *testing.T, most, detail, image string) {
		s, _, err := applyStyleArgs(store.DigestStyle{}, map[string]string{"max_stories": most, "detail": detail, "image": image})
		if err != nil {
			return
		}
		if s.MaxStories < 0 || s.MaxStories > maxStoriesFor(s.Detail) || (s.Detail != "" && s.Detail != DetailBrief && s.Detail != DetailFull) {
			t.Errorf("accepted %+v", s)
		}
	})
}
