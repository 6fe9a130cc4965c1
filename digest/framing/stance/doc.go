// Package stance scores the stance a news sentence takes toward a named
// person or group: a multinomial logistic regression over word, lexicon and
// position features of the mention (Mention), trained on NewsMTSC (Hamborg &
// Donnay, EACL 2021, MIT licence) by the command digest/framing/train and
// embedded as weights.json, and an article-level count of clearly critical
// and approving sentences (Target). Result.Shown says whether a label is
// confident enough to show a reader (MinShownConfidence, chosen on DEV for
// precision). The package reads weights; it never trains.
package stance
