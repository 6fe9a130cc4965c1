package config

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
)

// validateChannels checks each [[channels]] entry: its platform and ids,
// that it gets digests somehow, its schedule, time zone, tags, filters
// and digest style.
func (c *Config) validateChannels(p *problems) {
	feedTags := map[string]bool{}
	for _, f := range c.Feeds {
		for _, t := range f.Tags {
			feedTags[t] = true
		}
	}
	seen := map[string]int{}
	for i, ch := range c.Channels {
		key := indexPath("channels", i)
		if oneOf(p, key+".platform", ch.Platform, PlatformDiscord, PlatformSlack, PlatformConsole) {
			ch.validateIDs(p, key)
		}
		id := ch.Platform + "/" + ch.ID
		if j, dup := seen[id]; dup && ch.ID != "" {
			p.add(key+".id", "%s channel %q is already channels[%d]; merge the two", ch.Platform, ch.ID, j)
		} else {
			seen[id] = i
		}
		if ch.Schedule != "" {
			if msg := checkCron(ch.Schedule); msg != "" {
				p.add(key+".schedule", "%q %s", ch.Schedule, msg)
			}
		} else if !ch.Live {
			p.add(key, "set a schedule (cron, e.g. \"0 8 * * *\") or live = true, or the channel never gets a digest")
		}
		if _, err := ch.Location(); err != nil {
			p.add(key+".timezone", "%q is not an IANA time zone name such as \"Europe/Berlin\" or \"UTC\"", ch.Timezone)
		}
		checkTags(p, key+".tags", ch.Tags)
		for j, t := range ch.Tags {
			if t != "" && !feedTags[t] {
				p.add(indexPath(key+".tags", j), "no feed has the tag %q", t)
			}
		}
		between(p, key+".live_max_per_hour", ch.LiveMaxPerHour, 1, 3600)
		checkPatterns(p, key+".include", ch.Include)
		checkPatterns(p, key+".exclude", ch.Exclude)
		ch.validateDigest(p, key)
	}
}

// validateDigest checks how the channel's digests look.
func (ch Channel) validateDigest(p *problems, key string) {
	if !oneOf(p, key+".detail", ch.Detail, DetailBrief, DetailFull) {
		return
	}
	switch {
	case ch.MaxStories < 0:
		p.add(key+".max_stories", "%d is negative; leave it out for the default", ch.MaxStories)
	case ch.Detail == DetailBrief && ch.MaxStories > MaxBriefStories:
		p.add(key+".max_stories", "%d is more than a brief digest shows (%d, one Discord message); lower it or set detail = %q",
			ch.MaxStories, MaxBriefStories, DetailFull)
	case ch.MaxStories > MaxFullStories:
		p.add(key+".max_stories", "%d is outside 1..%d", ch.MaxStories, MaxFullStories)
	}
}

// slackID matches Slack's upper-case ids: channels C…/G…, teams T…/E….
var slackID = regexp.MustCompile(`^[A-Z][A-Z0-9]+$`)

// validateIDs checks the channel and scope ids against the platform's form,
// which catches the common mistake of writing a channel's name.
func (ch Channel) validateIDs(p *problems, key string) {
	switch {
	case ch.ID == "":
		p.add(key, "id is missing: the %s channel id to post to", ch.Platform)
	case ch.Platform == PlatformDiscord:
		snowflake(p, key+".id", ch.ID)
		snowflake(p, key+".scope", ch.Scope)
	case ch.Platform == PlatformSlack:
		if !slackID.MatchString(ch.ID) {
			p.add(key+".id", "%q is not a Slack channel id; use the id (like C0123ABCD) from the channel's details, not its name", ch.ID)
		}
		if ch.Scope != "" && !slackID.MatchString(ch.Scope) {
			p.add(key+".scope", "%q is not a Slack team id (like T0123ABCD)", ch.Scope)
		}
	}
}

func checkPatterns(p *problems, key string, patterns []string) {
	for i, pat := range patterns {
		if pat == "" {
			p.add(indexPath(key, i), "an empty pattern matches everything; remove it")
		} else if _, err := regexp.Compile(pat); err != nil {
			p.add(indexPath(key, i), "%q is not a valid RE2 regular expression: %s", pat, regexpReason(err))
		}
	}
}

// regexpReason is what a regexp error says is wrong, without the
// "error parsing regexp" the message around it already implies.
func regexpReason(err error) string {
	var se *syntax.Error
	if errors.As(err, &se) {
		return fmt.Sprintf("%s: `%s`", se.Code, se.Expr)
	}
	return err.Error()
}
