// Package delivery gets digests, live stories and feed-health notices into
// chat channels, exactly once whatever crashes or how many instances share
// the database.
//
// Nothing is posted directly. The Scheduler turns a due schedule (Tick), a
// story that just formed in a live channel (Live) or a feed that turned
// unhealthy or recovered (CheckFeedHealth) into a row of the outbox, keyed so that
// the same run, story or notice is queued once; Deliver then claims pending
// rows and posts each through its platform's bot.Poster, with the delivery
// id as the idempotency key. Every digest is built by compose.Build.
//
// The storage it needs is passed in as Stores, one small interface per
// concern, all of which *store.Store satisfies; NewScheduler refuses a
// missing one instead of turning a feature off.
package delivery
