package story

import (
	"context"
	"fmt"
	"sync"
)

// hub wakes the watchers of a story when it changes.
type hub struct {
	mu   sync.Mutex
	subs map[string]map[*subscriber]struct{}
}

// subscriber is one watcher's doorbell: a send on a full channel is
// dropped, since one pending wake-up reads every change since.
type subscriber struct{ ch chan struct{} }

func (h *hub) subscribe(id string) *subscriber {
	sub := &subscriber{ch: make(chan struct{}, 1)}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs[id] == nil {
		h.subs[id] = make(map[*subscriber]struct{})
	}
	h.subs[id][sub] = struct{}{}
	return sub
}

func (h *hub) unsubscribe(id string, sub *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs[id], sub)
	if len(h.subs[id]) == 0 {
		delete(h.subs, id)
	}
}

// publish wakes the watchers of story id; "" wakes every watcher.
func (h *hub) publish(id string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for sid, subs := range h.subs {
		if id != "" && sid != id {
			continue
		}
		for sub := range subs {
			select {
			case sub.ch <- struct{}{}:
			default:
			}
		}
	}
}

// watchPage is how many versions a watcher reads from the store at once.
const watchPage = 64

// Watch sends the changes of story id's chronology to send, one batch per
// version in version order, until ctx ends (ctx.Err()), the service closes
// (nil: a clean end), the story is deleted (ErrNotFound) or send fails.
// With since 0 the first batch is the whole chronology (Reset); with the
// last version a watcher saw, the batches after it, or, when the store no
// longer keeps them, the whole chronology again.
func (s *Service) Watch(ctx context.Context, id string, since int64, send func(*Batch) error) error {
	if err := s.open(); err != nil {
		return err
	}
	if since < 0 {
		return invalid("since_version", "%d is negative", since)
	}
	if n := s.watchers.Add(1); n > int64(s.limits.MaxWatchers) {
		s.watchers.Add(-1)
		return &Error{Err: ErrLimit, Story: id, Limit: "max watchers",
			Msg: fmt.Sprintf("the server already serves %d watches, its limit (max watchers)", s.limits.MaxWatchers)}
	}
	defer s.watchers.Add(-1)
	sub := s.hub.subscribe(id)
	defer s.hub.unsubscribe(id, sub)

	story, err := s.store.GetStory(ctx, id)
	if err != nil {
		return err
	}
	if since > story.Version {
		return &Error{Err: ErrVersionAhead, Story: id, Field: "since_version",
			Msg: fmt.Sprintf("since_version: %d is after version %d of stories/%s", since, story.Version, id)}
	}
	last, reset := since, since == 0
	for {
		if reset {
			_, chron, err := s.Timeline(ctx, id)
			if err != nil {
				return err
			}
			if err := send(resetBatch(chron)); err != nil {
				return err
			}
			last, reset = chron.Version, false
		}
		for {
			bs, current, err := s.store.Changes(ctx, id, last, watchPage)
			if err != nil {
				return err
			}
			if current < last {
				// Deleted and created again under the same id.
				return notFound(id)
			}
			if len(bs) > 0 && bs[0].Version != last+1 {
				reset = true
				break
			}
			for i := range bs {
				if err := send(&bs[i]); err != nil {
					return err
				}
				last = bs[i].Version
			}
			if len(bs) < watchPage {
				break
			}
		}
		if reset {
			continue
		}
		select {
		case <-sub.ch:
		case <-ctx.Done():
			return ctx.Err()
		case <-s.closing:
			return nil
		}
	}
}

// resetBatch is the whole chronology as one batch.
func resetBatch(c *Chronology) *Batch {
	b := &Batch{Version: c.Version, Reset: true, WindowStart: c.WindowStart, WindowEnd: c.WindowEnd,
		ArticleCount: len(c.Articles), Changes: make([]Change, 0, len(c.Entries)+len(c.Background))}
	for _, e := range c.Entries {
		b.Changes = append(b.Changes, Change{Type: Added, Entry: e})
	}
	for _, e := range c.Background {
		b.Changes = append(b.Changes, Change{Type: Added, Entry: e, Background: true})
	}
	return b
}
