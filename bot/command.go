package bot

// Command is a chat command after an adapter has parsed it. The same Command
// comes from a Discord slash command, a Slack slash command or a button.
type Command struct {
	Platform  string            // "discord" | "slack" | "console"
	Scope     string            // guild id or team id: what the command may see and change
	ChannelID string            // where it was issued
	UserID    string            // who issued it
	CanManage bool              // may change feeds and schedules (Manage Server / workspace admin)
	Name      string            // digest, story, framing, feeds, schedule, why, help, compare, sources
	Sub       string            // add|remove|list, set|show|off
	Args      map[string]string // option name → value: since, topic, query, url, name, lean, genre, feed, cron, timezone, story
}

// Channel addresses one chat channel on one platform.
type Channel struct {
	Platform string
	Scope    string
	ID       string
}
