package compose

// Tests open real databases: link the drivers store.Open needs.
import _ "github.com/newsdigest/newsdigest/store/drivers"
