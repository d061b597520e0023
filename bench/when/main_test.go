package main

import (
	"testing"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

func TestFindAll(t *testing.T) {
	p := when.New(nil)
	p.Add(en.All...)
	p.Add(common.All...)
	base := time.Date(2021, time.March, 22, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want []string // the matched texts, in order
	}{
		{"No dates here at all.", nil},
		{"They met on Friday.", []string{"Friday"}},
		{"They met on Friday and spoke again on Sunday.", []string{"Friday", "Sunday"}},
		{"Talks at 3 pm, then a vote on 25/03/2021.", []string{"3 pm", "25/03/2021"}},
	}
	for _, tt := range tests {
		got, errs := find(p, tt.text, base)
		if errs != nil {
			t.Errorf("find(%q): %v", tt.text, errs)
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("find(%q) = %v, want texts %q", tt.text, got, tt.want)
			continue
		}
		for i, x := range got {
			if x.Text != tt.want[i] || tt.text[x.Start:x.End] != x.Text {
				t.Errorf("find(%q)[%d] = %q at [%d,%d), want %q", tt.text, i, x.Text, x.Start, x.End, tt.want[i])
			}
			if i > 0 && x.Start < got[i-1].End {
				t.Errorf("find(%q): match %d overlaps the one before", tt.text, i)
			}
		}
	}
}

func TestTimex(t *testing.T) {
	tests := []struct {
		t               time.Time
		wantType, value string
	}{
		{time.Date(2021, time.March, 19, 0, 0, 0, 0, time.UTC), "DATE", "2021-03-19"},
		{time.Date(2021, time.March, 19, 15, 0, 0, 0, time.UTC), "TIME", "2021-03-19T15:00"},
		{time.Date(2021, time.March, 19, 0, 30, 0, 0, time.UTC), "TIME", "2021-03-19T00:30"},
	}
	for _, tt := range tests {
		x := timex("x", 0, 1, tt.t)
		if x.Type != tt.wantType || x.Value != tt.value {
			t.Errorf("timex(%v) = %s %s, want %s %s", tt.t, x.Type, x.Value, tt.wantType, tt.value)
		}
	}
}
