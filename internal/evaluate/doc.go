// Package evaluate measures temporal taggers on TimeML corpora.
package evaluate
