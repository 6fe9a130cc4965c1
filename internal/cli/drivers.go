package cli

// The command opens SQLite or PostgreSQL: link both drivers.
import _ "github.com/newsdigest/newsdigest/store/drivers"
