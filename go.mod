module github.com/newsdigest/newsdigest

go 1.26
