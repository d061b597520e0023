package dates

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestResolveContext(t *testing.T) {
	text := strings.Repeat("Biden spoke on Friday, March 19, and Putin answered last Wednesday. ", 20000)
	ref := NewDate(2021, 3, 22)

	ms, err := ResolveContext(context.Background(), text, Options{Reference: ref})
	if err != nil || len(ms) != len(Resolve(text, Options{Reference: ref})) {
		t.Fatalf("live context: %d mentions, %v; want all of Resolve's", len(ms), err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ms, err = ResolveContext(ctx, text, Options{Reference: ref})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: err %v, want context.Canceled", err)
	}
	if len(ms) > 2*ctxEvery {
		t.Errorf("cancelled context: tagged on to %d mentions", len(ms))
	}
}
