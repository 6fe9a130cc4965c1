package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// docFreqBatch is how many terms one statement upserts (two parameters
// each, well within every database's limit).
const docFreqBatch = 500

// LoadDocFreqs returns the stored document frequencies of the story
// clustering: the number of documents counted and the frequency of each
// term key. docs is 0 when none are stored yet.
func (s *Store) LoadDocFreqs(ctx context.Context) (docs float64, terms map[uint32]float64, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT docs FROM doc_freq_totals WHERE id = 1`).Scan(&docs)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, fmt.Errorf("store: load document frequencies: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT term, docs FROM doc_freqs`)
	if err != nil {
		return 0, nil, fmt.Errorf("store: load document frequencies: %w", err)
	}
	defer rows.Close()
	terms = map[uint32]float64{}
	for rows.Next() {
		var term int64
		var n float64
		if err := rows.Scan(&term, &n); err != nil {
			return 0, nil, fmt.Errorf("store: load document frequencies: %w", err)
		}
		terms[uint32(term)] = n
	}
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("store: load document frequencies: %w", err)
	}
	return docs, terms, nil
}

// SaveDocFreqs stores the document count and the given term frequencies
// (upserting them), in one transaction. With replace, the stored terms not
// in terms are deleted first.
func (s *Store) SaveDocFreqs(ctx context.Context, docs float64, terms map[uint32]float64, replace bool) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if replace {
			if _, err := tx.ExecContext(ctx, `DELETE FROM doc_freqs`); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO doc_freq_totals (id, docs) VALUES (1, $1)
			ON CONFLICT (id) DO UPDATE SET docs = excluded.docs`, docs); err != nil {
			return err
		}
		keys := slices.Sorted(maps.Keys(terms))
		for chunk := range slices.Chunk(keys, docFreqBatch) {
			var q strings.Builder
			q.WriteString(`INSERT INTO doc_freqs (term, docs) VALUES `)
			args := make([]any, 0, 2*len(chunk))
			for i, k := range chunk {
				if i > 0 {
					q.WriteString(", ")
				}
				fmt.Fprintf(&q, "($%d, $%d)", 2*i+1, 2*i+2)
				args = append(args, int64(k), terms[k])
			}
			q.WriteString(` ON CONFLICT (term) DO UPDATE SET docs = excluded.docs`)
			if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save document frequencies: %w", err)
	}
	return nil
}
