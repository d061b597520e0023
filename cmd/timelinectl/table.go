package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// lineWidth is the width table output is laid out for.
const lineWidth = 100

// table lays out rows in columns separated by two spaces. The last column is
// not padded; notes are extra lines under a row, indented to its second
// column.
type table struct {
	rows  [][]string
	notes map[int][]string
}

// add appends a row and returns its index.
func (t *table) add(cells ...string) int {
	t.rows = append(t.rows, cells)
	return len(t.rows) - 1
}

// note adds a line under row i.
func (t *table) note(i int, line string) {
	if t.notes == nil {
		t.notes = make(map[int][]string)
	}
	t.notes[i] = append(t.notes[i], line)
}

// widths returns the width of every column but the last.
func (t *table) widths() []int {
	var w []int
	for _, r := range t.rows {
		for i, c := range r[:max(len(r)-1, 0)] {
			if i == len(w) {
				w = append(w, 0)
			}
			w[i] = max(w[i], utf8.RuneCountInString(c))
		}
	}
	return w
}

func (t *table) write(w io.Writer) error {
	widths := t.widths()
	indent := 0
	if len(widths) > 0 {
		indent = widths[0] + 2
	}
	var b strings.Builder
	for i, r := range t.rows {
		var line strings.Builder
		for j, c := range r {
			line.WriteString(c)
			if j < len(r)-1 {
				line.WriteString(strings.Repeat(" ", widths[j]-utf8.RuneCountInString(c)+2))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
		for _, n := range t.notes[i] {
			fmt.Fprintf(&b, "%s%s\n", strings.Repeat(" ", indent), n)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine collapses runs of white space, newlines included, to one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// truncate shortens s to at most n runes, ending it with an ellipsis when
// something was cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	if n < 1 {
		return ""
	}
	r := []rune(s)[:n-1]
	return strings.TrimRight(string(r), " ") + "…"
}

// escapeCell makes s safe inside a markdown table cell.
func escapeCell(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", `\|`)
}
