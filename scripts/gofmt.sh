#!/usr/bin/env bash
# gofmt.sh fails, listing them, when Go files of the repository are not
# gofmt'ed (testdata and node_modules aside). Used by .ci/run and make lint.
set -euo pipefail
cd "$(dirname "$0")/.."
unformatted="$(find . -name '*.go' -not -path './.git/*' -not -path '*/testdata/*' \
	-not -path '*/node_modules/*' -print0 | xargs -0 -r gofmt -l)"
if [[ -n "$unformatted" ]]; then
	echo "not gofmt'ed (run gofmt -w):" >&2
	echo "$unformatted" >&2
	exit 1
fi
