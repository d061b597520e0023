package server

// Limits bound what one request may ask of the server. Requests over a limit
// are refused before any work is done, with a status that names the limit.
type Limits struct {
	// MaxMessageBytes is the largest request message the server receives
	// (gRPC MaxRecvMsgSize). Larger messages get RESOURCE_EXHAUSTED from
	// gRPC before they reach a handler. Default 16 MiB.
	MaxMessageBytes int
	// MaxArticles is the most articles one BuildTimeline request may carry.
	// Default 1,000.
	MaxArticles int
	// MaxArticleBytes is the largest article text, in bytes. Default 1 MiB.
	MaxArticleBytes int
}

// The defaults of Limits. A news article is rarely over 50 KB, so 1 MiB per
// text admits anything real, and 1,000 articles cover a long-running story
// while keeping one request to seconds of work.
const (
	DefaultMaxMessageBytes = 16 << 20
	DefaultMaxArticles     = 1000
	DefaultMaxArticleBytes = 1 << 20
)

// maxIDBytes bounds Article.id: ids are echoed in every citation, so a huge
// id would multiply the size of a response.
const maxIDBytes = 256

// DefaultLimits returns the default limits: 16 MiB per message, 1,000
// articles per BuildTimeline request and 1 MiB per article text.
func DefaultLimits() Limits {
	return Limits{
		MaxMessageBytes: DefaultMaxMessageBytes,
		MaxArticles:     DefaultMaxArticles,
		MaxArticleBytes: DefaultMaxArticleBytes,
	}
}

// withDefaults returns l with each zero or negative field set to its default.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxMessageBytes <= 0 {
		l.MaxMessageBytes = d.MaxMessageBytes
	}
	if l.MaxArticles <= 0 {
		l.MaxArticles = d.MaxArticles
	}
	if l.MaxArticleBytes <= 0 {
		l.MaxArticleBytes = d.MaxArticleBytes
	}
	return l
}
