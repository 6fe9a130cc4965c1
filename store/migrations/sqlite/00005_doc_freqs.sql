-- Document frequencies of the story clustering, kept between runs so that a
-- restarted bot weighs words as it learned to instead of starting over.
-- term is the cluster index's 32-bit term key.

-- +goose Up
CREATE TABLE doc_freqs (
    term INTEGER PRIMARY KEY,
    docs REAL    NOT NULL
);
CREATE TABLE doc_freq_totals (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    docs REAL    NOT NULL
);

-- +goose Down
DROP TABLE doc_freq_totals;
DROP TABLE doc_freqs;
