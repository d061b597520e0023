// Package errtext formats the values a caller sent for the error
// messages that name them.
package errtext

import (
	"fmt"
	"unicode/utf8"
)

// maxBytes bounds the bytes of a value Clip quotes.
const maxBytes = 64

// Clip quotes s for an error message, shortened to 64 bytes at a
// character boundary so that a huge bad value does not make a huge error.
func Clip(s string) string {
	if len(s) <= maxBytes {
		return fmt.Sprintf("%q", s)
	}
	cut := maxBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q...", s[:cut])
}
