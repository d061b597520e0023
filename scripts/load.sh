#!/usr/bin/env bash
# load.sh load-tests a real timelined over loopback with ghz (pinned in
# tools/ghz/go.mod): BuildTimeline on the seed articles and ResolveDates on
# one of them, each at concurrency 1, 8 and 32 with a fixed number of
# requests (bounded runs), and prints one markdown table: requests, errors,
# RPS, p50, p99, the server's and ghz's CPU time per call and the server's
# peak RSS (VmHWM from /proc) after each run.
#
# Usage: scripts/load.sh
# Env:   REQUESTS=2000      requests per measured run
#        WARMUP=200         untimed requests sent before the runs
#        CONCURRENCY="1 8 32"
#        ARTICLES=testdata/articles   what BuildTimeline gets (ResolveDates: the first)
#        KEEP=1             keep the temp folder (ghz reports, server log)
#        GHZ_CPUS=1         ghz --cpus: ghz shares the two cores with the
#                           server, and on one it costs less per call
#                           (0.31 vs 0.38 ms for BuildTimeline here)
#        GHZ_GOGC=400       ghz's GOGC: ghz garbage-collects the dynamic
#                           messages it builds for every call; at Go's
#                           default (100) that costs 0.26 ms of CPU per
#                           BuildTimeline, at 400 0.22 ms, CPU the server
#                           then has (both are on the same two cores)
#        CACHE_BYTES=67108864   timelined --cache-bytes: the analysis cache,
#                           which the repeated BuildTimeline requests hit
#                           after the warm-up; 0 analyses every call anew
#
# Everything listens on and talks to 127.0.0.1 only; the server is started
# and stopped by this script.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
requests=${REQUESTS:-2000}
warmup=${WARMUP:-200}
concurrency=${CONCURRENCY:-1 8 32}
articles=${ARTICLES:-testdata/articles}
cache_bytes=${CACHE_BYTES:-67108864}
ghz_cpus=${GHZ_CPUS:-1}
ghz_gogc=${GHZ_GOGC:-400}

log() { printf '%s\n' "$*" >&2; }
die() { log "load.sh: $*"; exit 1; }

[[ -r /proc/self/status ]] || die "needs /proc (Linux) for the server's peak RSS"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/load.XXXXXX")
server_pid=
cleanup() {
	if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
		kill -TERM "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	if [[ ${KEEP:-} == 1 ]]; then log "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

log "== build"
# timeline.proto imports buf/validate/validate.proto (make protovalidate).
[[ -f third_party/protovalidate/buf/validate/validate.proto ]] ||
	(cd tools && go run ./protovalidateproto ../third_party/protovalidate)
go build -o "$tmp/timelined" ./cmd/timelined
go build -o "$tmp/requests" ./bench/requests
go build -o "$tmp/loadreport" ./bench/loadreport
go build -modfile=tools/ghz/go.mod -o "$tmp/ghz" github.com/bojand/ghz/cmd/ghz
go build -modfile=tools/go.mod -o "$tmp/grpcurl" github.com/fullstorydev/grpcurl/cmd/grpcurl
request_info=$("$tmp/requests" -binary -build "$tmp/build.bin" -resolve "$tmp/resolve.bin" "$articles")

# free_port prints a loopback TCP port nobody listens on.
free_port() {
	local port
	for _ in $(seq 50); do
		port=$((20000 + RANDOM % 40000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
	die "no free loopback port found"
}

port=$(free_port)
addr=127.0.0.1:$port
log "== start timelined on $addr"
"$tmp/timelined" --addr "$addr" --metrics-addr "" --drain-grace 0 --cache-bytes "$cache_bytes" 2>"$tmp/server.log" &
server_pid=$!

healthy=0
for _ in $(seq 100); do
	kill -0 "$server_pid" 2>/dev/null || die "timelined exited: $(tail -5 "$tmp/server.log")"
	if "$tmp/grpcurl" -plaintext -max-time 1 "$addr" grpc.health.v1.Health/Check 2>/dev/null | grep -q '"SERVING"'; then
		healthy=1
		break
	fi
	sleep 0.1
done
((healthy)) || die "timelined did not report SERVING within 10 s: $(tail -5 "$tmp/server.log")"

peak_kib() { awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status"; }
# cpu_ticks prints the server's user + system CPU time so far, in clock ticks.
# The command name in /proc/PID/stat is in parentheses and may hold spaces,
# so the fields are counted after the closing one.
cpu_ticks() { sed 's/.*) //' "/proc/$server_pid/stat" | awk '{print $12 + $13}'; }
hz=$(getconf CLK_TCK)
# children_us sets children to the CPU time (user + system) of this shell's
# finished children so far, in microseconds: ghz's, read around each run.
# `times` must run in this shell, not in a $(...) subshell, which has no
# children: hence a variable, not output.
children=0
children_us() {
	times >"$tmp/times"
	children=$(awk 'NR == 2 {
		t = 0
		for (i = 1; i <= 2; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] }
		printf "%.0f", t * 1e6
	}' "$tmp/times")
}

# ghz_run RPC DATA N C OUT: one bounded ghz run, JSON report to OUT.
ghz_run() {
	GOGC=$ghz_gogc "$tmp/ghz" --cpus "$ghz_cpus" --insecure \
		--import-paths proto,third_party/protovalidate --proto timeline/v1/timeline.proto \
		--call "timeline.v1.TimelineService.$1" -B "$2" -n "$3" -c "$4" \
		--connections 1 --timeout 20s -O json -o "$5" "$addr" ||
		die "ghz $1 -c $4 failed"
}

log "== warm-up ($warmup requests per RPC)"
ghz_run BuildTimeline "$tmp/build.bin" "$warmup" 8 "$tmp/warmup-build.json"
ghz_run ResolveDates "$tmp/resolve.bin" "$warmup" 8 "$tmp/warmup-resolve.json"

: >"$tmp/runs.tsv"
for rpc in BuildTimeline ResolveDates; do
	data=$tmp/build.bin
	[[ $rpc == ResolveDates ]] && data=$tmp/resolve.bin
	for c in $concurrency; do
		log "== $rpc: $requests requests at concurrency $c"
		out=$tmp/$rpc-c$c.json
		t0=$(cpu_ticks)
		children_us
		c0=$children
		ghz_run "$rpc" "$data" "$requests" "$c" "$out"
		children_us
		c1=$children
		t1=$(cpu_ticks)
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$rpc" "$c" "$out" "$(peak_kib)" \
			"$(awk -v d=$((t1 - t0)) -v hz="$hz" 'BEGIN {printf "%.0f", d * 1e6 / hz}')" "$((c1 - c0))" >>"$tmp/runs.tsv"
	done
done

log "== stop timelined"
kill -TERM "$server_pid"
stopped=0
for _ in $(seq 100); do
	if ! kill -0 "$server_pid" 2>/dev/null; then
		stopped=1
		break
	fi
	sleep 0.1
done
((stopped)) || log "timelined still running 10 s after SIGTERM; cleanup kills it"
wait "$server_pid" 2>/dev/null || true
server_pid=

echo "- Load test, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- timelined on $addr (loopback), ghz $(sed -n 's/.*github.com\/bojand\/ghz \(v[^ ]*\).*/\1/p' tools/ghz/go.mod | head -1) on $ghz_cpus CPU(s) with GOGC=$ghz_gogc, one connection, metrics off, analysis cache $(
	if ((cache_bytes > 0)); then echo "$cache_bytes bytes (every BuildTimeline after the first finds the articles there)"; else echo off; fi)."
echo "- BuildTimeline: $articles, $request_info in the wire format ghz sends (-B); ResolveDates: the first article."
echo
"$tmp/loadreport" "$tmp/runs.tsv"
