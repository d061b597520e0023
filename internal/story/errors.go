package story

import (
	"errors"
	"fmt"
)

// The domain's errors. Every error the Service returns for something the
// caller did wraps one of them (the gRPC adapter maps them to status codes
// in one table); anything else is a failure of the store or a bug.
var (
	// ErrNotFound: the story does not exist (or was deleted).
	ErrNotFound = errors.New("story not found")
	// ErrAlreadyExists: a story with that id exists.
	ErrAlreadyExists = errors.New("story already exists")
	// ErrInvalid: a request field is malformed; Error.Field names it.
	ErrInvalid = errors.New("invalid argument")
	// ErrLimit: the request would go over a limit; Error.Limit names it.
	ErrLimit = errors.New("limit reached")
	// ErrVersionAhead: a watcher asked for changes after a version the
	// story has not reached.
	ErrVersionAhead = errors.New("version ahead of the story")
	// ErrConflict: the story kept changing under a write (other replicas
	// writing it); Store.Commit returns it when the story's version is not
	// the commit's base.
	ErrConflict = errors.New("story changed concurrently")
	// ErrClosed: the service is shutting down.
	ErrClosed = errors.New("story service closed")
)

// Error is a domain error with what the adapters need to explain it.
type Error struct {
	// Err is one of the sentinel errors above.
	Err error
	// Story is the id of the story concerned, when there is one.
	Story string
	// Field is the request field at fault ("articles", "name"), if any.
	Field string
	// Limit names the limit reached (for ErrLimit): "max stories".
	Limit string
	// Msg says what is wrong, for a person.
	Msg string
}

func (e *Error) Error() string {
	if e.Msg != "" {
		return e.Msg
	}
	if e.Story != "" {
		return fmt.Sprintf("%v: stories/%s", e.Err, e.Story)
	}
	return e.Err.Error()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// notFound is ErrNotFound for story id.
func notFound(id string) error {
	return &Error{Err: ErrNotFound, Story: id, Msg: fmt.Sprintf("story stories/%s not found", id)}
}

// NotFound returns ErrNotFound for the story id, as stores report it.
func NotFound(id string) error { return notFound(id) }

// invalid is ErrInvalid for field.
func invalid(field, format string, args ...any) error {
	return &Error{Err: ErrInvalid, Field: field, Msg: field + ": " + fmt.Sprintf(format, args...)}
}
