package discord

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/newsdigest/newsdigest/bot"
)

// Reasons an interaction cannot become a command; the user sees them.
var (
	errNotInGuild     = errors.New("newsdigest works inside a server, not in direct messages")
	errUnknownCommand = errors.New("unknown command")
	errBadOption      = errors.New("bad option")
)

// maxOptionLen bounds any one option value; Discord allows 6000 characters
// but nothing we accept (URLs, cron lines, queries) needs more than this.
const maxOptionLen = 2048

// subcommands lists the commands that have subcommands and which ones.
var subcommands = map[string][]string{
	"feeds":    {"add", "remove", "list"},
	"schedule": {"set", "show", "off"},
}

// personal commands answer only their author (ephemeral); only /digest
// posts for the whole channel. The choice is made before the command runs,
// when the interaction is acknowledged, and matches what bot.Handler marks
// ephemeral; deliver copes when the two disagree.
var personal = map[string]bool{
	"story": true, "framing": true, "feeds": true, "schedule": true, "why": true, "help": true,
	"compare": true, "sources": true,
}

// parseInteraction decodes an interaction payload.
func parseInteraction(body []byte) (*discordgo.Interaction, error) {
	var in discordgo.Interaction
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, fmt.Errorf("decode interaction: %w", err)
	}
	if in.Type == 0 {
		return nil, errors.New("decode interaction: no type")
	}
	return &in, nil
}

// baseCommand fills what every command from in shares: who, where, rights.
func baseCommand(in *discordgo.Interaction) (bot.Command, error) {
	if in.GuildID == "" || in.Member == nil || in.Member.User == nil || in.Member.User.ID == "" {
		return bot.Command{}, errNotInGuild
	}
	perms := in.Member.Permissions
	return bot.Command{
		Platform:  "discord",
		Scope:     "discord:" + in.GuildID,
		ChannelID: in.ChannelID,
		UserID:    in.Member.User.ID,
		CanManage: perms&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0,
		Args:      map[string]string{},
	}, nil
}

// toCommand turns a slash command or a button press into a bot.Command.
func toCommand(in *discordgo.Interaction) (bot.Command, error) {
	c, err := baseCommand(in)
	if err != nil {
		return c, err
	}
	switch in.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		data, ok := in.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return c, fmt.Errorf("%w: no command data", errUnknownCommand)
		}
		if err := fillSlash(&c, data); err != nil {
			return c, err
		}
		return c, nil
	case discordgo.InteractionMessageComponent:
		data, ok := in.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return c, fmt.Errorf("%w: no component data", errUnknownCommand)
		}
		id, value, err := decodeCustomID(data.CustomID)
		if err != nil {
			return c, err
		}
		c.Name = id
		c.Args["story"] = value
		return c, nil
	default:
		return c, fmt.Errorf("%w: interaction type %d", errUnknownCommand, in.Type)
	}
}

func fillSlash(c *bot.Command, data discordgo.ApplicationCommandInteractionData) error {
	name := data.Name
	if _, ok := commandNames[name]; !ok {
		return fmt.Errorf("%w: /%s", errUnknownCommand, truncateRunes(name, 32))
	}
	c.Name = name
	opts := data.Options
	if subs, ok := subcommands[name]; ok {
		if len(opts) != 1 || opts[0] == nil || opts[0].Type != discordgo.ApplicationCommandOptionSubCommand {
			return fmt.Errorf("%w: /%s needs one of %s", errUnknownCommand, name, strings.Join(subs, ", "))
		}
		if !contains(subs, opts[0].Name) {
			return fmt.Errorf("%w: /%s %s", errUnknownCommand, name, truncateRunes(opts[0].Name, 32))
		}
		c.Sub = opts[0].Name
		opts = opts[0].Options
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		v, err := optionValue(o)
		if err != nil {
			return err
		}
		c.Args[o.Name] = v
	}
	return nil
}

// optionValue renders an option's value as the string bot.Command carries.
func optionValue(o *discordgo.ApplicationCommandInteractionDataOption) (string, error) {
	var s string
	switch v := o.Value.(type) {
	case nil:
		s = ""
	case string:
		s = strings.TrimSpace(v)
	case float64:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		s = strconv.FormatBool(v)
	default:
		return "", fmt.Errorf("%w: %s has an unsupported value", errBadOption, truncateRunes(o.Name, 32))
	}
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%w: %s is not valid text", errBadOption, truncateRunes(o.Name, 32))
	}
	if len(s) > maxOptionLen {
		return "", fmt.Errorf("%w: %s is longer than %d bytes", errBadOption, truncateRunes(o.Name, 32), maxOptionLen)
	}
	return s, nil
}

// focusedOption finds the option being typed in an autocomplete interaction.
func focusedOption(in *discordgo.Interaction) (name, typed string, ok bool) {
	data, isCmd := in.Data.(discordgo.ApplicationCommandInteractionData)
	if !isCmd {
		return "", "", false
	}
	opts := data.Options
	if len(opts) == 1 && opts[0] != nil && opts[0].Type == discordgo.ApplicationCommandOptionSubCommand {
		opts = opts[0].Options
	}
	for _, o := range opts {
		if o != nil && o.Focused {
			s, _ := o.Value.(string)
			return o.Name, s, true
		}
	}
	return "", "", false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
