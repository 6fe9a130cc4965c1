package stance

// Stance labels, in the class order of Result.Probs and of the model's
// weights.
const (
	Negative = "negative"
	Neutral  = "neutral"
	Positive = "positive"
)

// Labels is the class order of Result.Probs and of the model's weights.
var Labels = [3]string{Negative, Neutral, Positive}

// Indexes of the classes in Labels and Result.Probs.
const (
	NegativeClass = 0
	NeutralClass  = 1
	PositiveClass = 2
)
