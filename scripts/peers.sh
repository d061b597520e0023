#!/usr/bin/env bash
# peers.sh compares timelinectl's date engine with olebedev/when and
# chrono-node on the same files in one run: whole-process wall time
# (median of N alternating rounds), the ratio of each to timelinectl, peak
# RSS, and each one's TempEval-3 accuracy on the same corpus from
# `timelinectl eval`, printed as one markdown table on stdout (progress goes
# to stderr).
#
# Usage: scripts/peers.sh [ROUNDS]        (default 5; or ROUNDS=n)
# Env:   CORPUS   TimeML folder (default ../shared/data/timeml/tbaq)
#        KEEP=1   keep the temp folder (outputs, timings) and print its path
#
# Needs Go, node and npm (chrono-node is installed into the temp folder from
# bench/chrono/package.json; nothing is installed in the repo). GNU time
# (/usr/bin/time) gives peak RSS when present.
#
# What is timed, per tool, as one process reading the same folder of
# articles (bench/corpus: one text file per TimeML document plus a
# manifest.json carrying each creation date as published_date) and writing
# every mention it finds as JSON to a file:
#   timelinectl  timelinectl resolve --format json DIR
#   when         bench/when DIR        (olebedev/when, Parse looped over each text)
#   chrono       node bench/chrono/harness.js DIR   (chrono.parse per text)
# Every round runs the three in the same order (A B C A B C ...) after one
# untimed warm-up round, so drift in machine load touches all three alike.
set -euo pipefail

rounds=${1:-${ROUNDS:-5}}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${CORPUS:-$root/../shared/data/timeml/tbaq}
cd "$root"

log() { printf '%s\n' "$*" >&2; }
die() { log "peers.sh: $*"; exit 1; }

[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, got '$rounds'"
[[ -d $corpus ]] || die "corpus folder $corpus not found (set CORPUS)"
corpus=$(cd "$corpus" && pwd)
for tool in go node npm; do
	command -v "$tool" >/dev/null || die "$tool is required"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/peers.XXXXXX")
if [[ ${KEEP:-} == 1 ]]; then
	log "keeping $tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi

log "== build"
go build -o "$tmp/timelinectl" ./cmd/timelinectl
go build -o "$tmp/when" ./bench/when
go build -o "$tmp/corpus-writer" ./bench/corpus
mkdir -p "$tmp/chrono"
cp bench/chrono/package.json bench/chrono/harness.js "$tmp/chrono/"
(cd "$tmp/chrono" && npm install --no-audit --no-fund --loglevel=error >/dev/null) ||
	die "npm install of chrono-node failed"
"$tmp/corpus-writer" -o "$tmp/corpus" "$corpus" 2>"$tmp/corpus.log"
cat "$tmp/corpus.log" >&2
bytes=$(awk '{for (i = 1; i < NF; i++) if ($(i+1) == "bytes") print $i}' "$tmp/corpus.log")

names=(timelinectl when chrono)
declare -A cmd=(
	[timelinectl]="$tmp/timelinectl resolve --format json $tmp/corpus"
	[when]="$tmp/when $tmp/corpus"
	[chrono]="node $tmp/chrono/harness.js $tmp/corpus"
)
declare -A label=(
	[timelinectl]="timelinectl resolve (this project)"
	[when]="olebedev/when v1.1.0"
	[chrono]="chrono-node $(node -p "require('$tmp/chrono/package.json').dependencies['chrono-node']")"
)

have_time=0
[[ -x /usr/bin/time ]] && /usr/bin/time -f %M true 2>/dev/null && have_time=1

# run_one NAME ROUND: runs one tool once and, after the warm-up round,
# appends "wall_us cpu_us rss_kib" to NAME.times. Wall and CPU (user+sys of
# the process and its children) come from bash's time keyword with
# millisecond resolution; peak RSS from GNU time when present. The JSON
# goes to NAME.json, stderr to NAME.err.
run_one() {
	local name=$1 round=$2 t rss=0 wrap=()
	((have_time)) && wrap=(/usr/bin/time -f %M -o "$tmp/$name.rss")
	# shellcheck disable=SC2086 # the command is a word list on purpose
	t=$({ TIMEFORMAT='%3R %3U %3S' && time "${wrap[@]}" ${cmd[$name]} >"$tmp/$name.json" 2>"$tmp/$name.err"; } 2>&1) ||
		die "$name failed in round $round: $(tail -3 "$tmp/$name.err")"
	((have_time)) && rss=$(tail -1 "$tmp/$name.rss")
	if ((round > 0)); then
		awk -v rss="$rss" '{printf "%d %d %d\n", $1 * 1e6, ($2 + $3) * 1e6, rss}' <<<"$t" >>"$tmp/$name.times"
		# The harnesses also say how long the parser alone took.
		awk '$1 == "parse:" {printf "%d %d\n", $5 * 1000, $2}' "$tmp/$name.err" >>"$tmp/$name.parse"
	fi
}

log "== warm-up round, then $rounds timed rounds (alternating ${names[*]})"
for ((r = 0; r <= rounds; r++)); do
	for name in "${names[@]}"; do
		run_one "$name" "$r"
	done
	((r == 0)) || log "round $r/$rounds done"
done

# median FILE COLUMN: the median of a column of integers.
median() {
	sort -n -k"$2,$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {
		if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

bench='^BenchmarkResolve$/^TBAQ$'
log "== tagging alone: go test -bench '$bench' -cpu 1 ./internal/dates (this project's engine, one core)"
go test -run '^$' -bench "$bench" -benchtime=2s -cpu 1 ./internal/dates >"$tmp/bench.txt" 2>&1 || true
engine_mbs=$(awk '/^BenchmarkResolve/ {for (i = 1; i < NF; i++) if ($(i+1) == "MB/s") print $i}' "$tmp/bench.txt" | tail -1)

log "== accuracy (timelinectl eval)"
"$tmp/timelinectl" eval "$corpus" >"$tmp/timelinectl.eval" 2>&1 ||
	die "timelinectl eval failed: $(tail -3 "$tmp/timelinectl.eval")"
for name in when chrono; do
	"$tmp/timelinectl" eval --system "$tmp/$name.json" "$corpus" >"$tmp/$name.eval" 2>&1 ||
		die "timelinectl eval --system $name.json failed: $(tail -3 "$tmp/$name.eval")"
done

# figure FILE ROW FIELD: a number from the summary table Report.Write prints
# ("strict P R F1", "relaxed P R F1", "value F1 (...)", "type F1 (...)").
figure() {
	awk -v row="$2" -v f="$3" '$1 == row {print $f; exit}' "$1"
}

base=$(median "$tmp/timelinectl.times" 1)
base_cpu=$(median "$tmp/timelinectl.times" 2)
machine="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "- Peer comparison, $(date -u '+%Y-%m-%d %H:%M UTC'), $machine, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- Corpus: $corpus ($(grep -c '"id"' "$tmp/corpus/manifest.json") documents, ${bytes:-?} bytes of text)"
echo "- Whole process, median of $rounds alternating rounds after a warm-up; peak RSS: the largest of the rounds (GNU time %M)."
echo
echo "| tool | wall median (ms) | wall vs timelinectl | CPU median (ms) | CPU vs timelinectl | text MB/s (wall) | peak RSS (MiB) | TIMEX found | strict F1 | relaxed P | relaxed R | relaxed F1 | value F1 | type F1 |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for name in "${names[@]}"; do
	us=$(median "$tmp/$name.times" 1)
	cpu=$(median "$tmp/$name.times" 2)
	rss=$(sort -n -k3,3 "$tmp/$name.times" | tail -1 | awk '{print $3}')
	mentions=$(awk '$1 == "gold" {for (i = 1; i < NF; i++) if ($i == "system") {print $(i+1); exit}}' "$tmp/$name.eval")
	e=$tmp/$name.eval
	awk -v n="${label[$name]}" -v us="$us" -v base="$base" -v cpu="$cpu" -v bcpu="$base_cpu" -v kib="$rss" -v b="${bytes:-0}" -v m="${mentions:-?}" \
		-v sf="$(figure "$e" strict 4)" -v rp="$(figure "$e" relaxed 2)" -v rr="$(figure "$e" relaxed 3)" \
		-v rf="$(figure "$e" relaxed 4)" -v vf="$(figure "$e" value 2)" -v tf="$(figure "$e" type 2)" \
		-v have="$have_time" 'BEGIN {
		rssS = have ? sprintf("%.1f", kib / 1024) : "n/a"
		mbs = b > 0 ? sprintf("%.2f", b / (us / 1e6) / 1e6) : "?"
		printf "| %s | %.1f | %.2fx | %.1f | %.2fx | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			n, us / 1000, us / base, cpu / 1000, cpu / bcpu, mbs, rssS, m, sf, rp, rr, rf, vf, tf }'
done
echo
echo "Tagging alone, one core (no start-up, reading or output): timelinectl's engine from \`go test -bench '$bench' -cpu 1 ./internal/dates\`; the peers from the time their harness spent inside the parser (median of the rounds)."
echo
echo "| tool | tagging MB/s | timelinectl engine speed-up |"
echo "|---|---:|---:|"
for name in "${names[@]}"; do
	if [[ $name == timelinectl ]]; then
		echo "| ${label[$name]} | ${engine_mbs:-n/a} | — |"
		continue
	fi
	median "$tmp/$name.parse" 1 | awk -v n="${label[$name]}" -v b="$(head -1 "$tmp/$name.parse" | awk '{print $2}')" -v e="${engine_mbs:-0}" '{
		mbs = b / ($1 / 1e6) / 1e6
		printf "| %s | %.2f | %s |\n", n, mbs, (e > 0 ? sprintf("%.1fx", e / mbs) : "n/a") }'
done
echo
echo "- X vs timelinectl: the tool's median over timelinectl's (above 1 = slower than timelinectl). CPU = user + sys of the process tree."
echo "- MB/s: text bytes over whole-process wall time (start-up, reading, JSON output included)."
echo "- Accuracy: TempEval-3 Task A on the same corpus, from \`timelinectl eval $corpus\` and \`timelinectl eval --system TOOL.json $corpus\`."
