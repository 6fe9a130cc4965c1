package slack

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"
)

// adminCacheTTL is how long a user's permission is remembered: long enough
// to spare the API during a burst of commands, short enough that a demoted
// admin loses access soon.
const adminCacheTTL = 2 * time.Minute

// canManage reports whether userID may change feeds and schedules in the
// workspace: a workspace admin or owner, or a member of the configured
// admin user group. Failures to ask Slack count as no, and are logged.
func (b *Bot) canManage(ctx context.Context, teamID, userID string) bool {
	key := teamID + "/" + userID
	if ok, found := b.admins.get(key, b.now()); found {
		return ok
	}
	ok, err := b.askCanManage(ctx, userID)
	if err != nil {
		b.log.WarnContext(ctx, "slack: cannot check admin rights", slog.String("team_id", teamID), slog.String("user_id", userID), slog.Any("error", err))
		return false
	}
	b.admins.put(key, ok, b.now())
	return ok
}

func (b *Bot) askCanManage(ctx context.Context, userID string) (bool, error) {
	u, err := b.api.GetUserInfoContext(ctx, userID)
	if err != nil {
		return false, fmt.Errorf("users.info %s: %w", userID, classify(err))
	}
	if u.IsAdmin || u.IsOwner || u.IsPrimaryOwner {
		return true, nil
	}
	if b.opts.AdminGroup == "" {
		return false, nil
	}
	group, err := b.adminGroupID(ctx)
	if err != nil {
		return false, err
	}
	members, err := b.api.GetUserGroupMembersContext(ctx, group)
	if err != nil {
		return false, fmt.Errorf("usergroups.users.list %s: %w", group, classify(err))
	}
	return slices.Contains(members, userID), nil
}

// adminGroupID returns the configured group's id, looking a handle such as
// "newsdigest-admins" (or "@newsdigest-admins") up by name.
func (b *Bot) adminGroupID(ctx context.Context) (string, error) {
	g := strings.TrimPrefix(b.opts.AdminGroup, "@")
	if strings.HasPrefix(g, "S") && strings.ToUpper(g) == g {
		return g, nil
	}
	b.admins.mu.Lock()
	id := b.admins.groupID
	b.admins.mu.Unlock()
	if id != "" {
		return id, nil
	}
	groups, err := b.api.GetUserGroupsContext(ctx)
	if err != nil {
		return "", fmt.Errorf("usergroups.list: %w", classify(err))
	}
	for _, ug := range groups {
		if strings.EqualFold(ug.Handle, g) || strings.EqualFold(ug.Name, g) {
			b.admins.mu.Lock()
			b.admins.groupID = ug.ID
			b.admins.mu.Unlock()
			return ug.ID, nil
		}
	}
	return "", fmt.Errorf("admin_group %q: no such user group in this workspace", b.opts.AdminGroup)
}

// adminCache remembers permission answers briefly.
type adminCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	m       map[string]adminEntry
	groupID string // admin_group's id once a handle has been looked up
}

type adminEntry struct {
	ok      bool
	expires time.Time
}

func newAdminCache(ttl time.Duration) *adminCache {
	return &adminCache{ttl: ttl, m: make(map[string]adminEntry)}
}

func (c *adminCache) get(key string, now time.Time) (ok, found bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, found := c.m[key]
	if !found || !now.Before(e.expires) {
		return false, false
	}
	return e.ok, true
}

func (c *adminCache) put(key string, ok bool, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) > 10_000 {
		for k, e := range c.m {
			if !now.Before(e.expires) {
				delete(c.m, k)
			}
		}
	}
	c.m[key] = adminEntry{ok: ok, expires: now.Add(c.ttl)}
}
