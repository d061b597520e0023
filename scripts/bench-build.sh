#!/usr/bin/env bash
# bench-build.sh measures BenchmarkBuild/10000 (one chronology of 10,000 TBAQ
# articles) for the working tree and for each git revision given, in one
# run: each revision's test binary is built once, then every round runs them
# all in the same order (A B C A B C ...), so that drift in machine load
# touches all alike. Per run it prints the benchmark line (wall ns/op,
# B/op, allocs/op) and GNU time's CPU seconds and peak RSS of the whole
# process (one warm-up build and COUNT timed ones).
#
# Usage: scripts/bench-build.sh [REV ...]     e.g. scripts/bench-build.sh main
# Env:   ROUNDS (default 2), COUNT (builds per run, default 3)
#
# A revision is exported with `git archive` into a temp folder whose parent
# links ../shared, so its benchmark reads the same corpus. Needs Go and GNU
# time (/usr/bin/time).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-2}
count=${COUNT:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$(cd "$root/../shared" && pwd)" "$tmp/shared"

names=(worktree)
dirs=("$root")
for rev in "$@"; do
	dir="$tmp/$(echo "$rev" | tr -c 'a-zA-Z0-9\n' '_')"
	mkdir -p "$dir"
	git -C "$root" archive "$rev" | tar -x -C "$dir"
	names+=("$rev")
	dirs+=("$dir")
done
for i in "${!dirs[@]}"; do
	echo "building ${names[$i]}" >&2
	(cd "${dirs[$i]}" && go test -c -o "$tmp/bench-$i.test" ./internal/timeline)
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
for round in $(seq "$rounds"); do
	for i in "${!dirs[@]}"; do
		cd "${dirs[$i]}/internal/timeline"
		out=$(/usr/bin/time -f "cpu %U+%S s, peak RSS %M KB" "$tmp/bench-$i.test" -test.run '^$' \
			-test.bench 'BenchmarkBuild/10000$' -test.benchtime "${count}x" -test.benchmem 2>&1 |
			grep -E '^BenchmarkBuild|^cpu [0-9]')
		echo "round $round ${names[$i]}: $(echo "$out" | tr -s ' \t\n' ' ')"
	done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
