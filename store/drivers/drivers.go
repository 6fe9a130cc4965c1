// Package drivers links the two SQL drivers store.Open uses into a program:
// modernc.org/sqlite ("sqlite") and pgx ("pgx"). The command imports it
// once; packages that only need store's types (the chat adapters, through
// bot) do not, so they do not carry a database engine or register drivers
// by side effect.
package drivers

import (
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)
