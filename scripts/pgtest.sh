#!/usr/bin/env bash
# scripts/pgtest.sh: a throwaway PostgreSQL cluster for the tests.
#
#   scripts/pgtest.sh start DIR   initdb in DIR, start the server on a unix
#                                 socket in DIR (no TCP port), create the
#                                 database timelined_test, and print its URL
#   scripts/pgtest.sh stop DIR    stop that server
#
# It needs Debian's postgresql package (apt-get install postgresql). Run as
# root, it runs initdb and pg_ctl as the postgres user, which PostgreSQL
# requires. Export the printed URL as TIMELINED_TEST_POSTGRES to run the
# PostgreSQL tests.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
cmd=$1
dir=$2

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [[ -z "$bin" ]]; then
	echo "$0: PostgreSQL is not installed (apt-get install postgresql)" >&2
	exit 1
fi
as=()
if [[ $(id -u) -eq 0 ]]; then
	as=(runuser -u postgres --)
fi

case "$cmd" in
start)
	mkdir -p "$dir"
	dir="$(cd "$dir" && pwd)"
	if [[ $(id -u) -eq 0 ]]; then
		chown postgres "$dir"
	fi
	"${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
	# No TCP: the socket lives in DIR. fsync off: a test cluster is thrown away.
	"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-c listen_addresses='' -k $dir -c fsync=off -c max_connections=200" start >/dev/null
	for _ in $(seq 100); do
		"$bin/pg_isready" -q -h "$dir" -U postgres && break
		sleep 0.1
	done
	"${as[@]}" "$bin/createdb" -h "$dir" -U postgres timelined_test
	echo "postgres://postgres@/timelined_test?host=$dir&sslmode=disable"
	;;
stop)
	dir="$(cd "$dir" && pwd)"
	"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	;;
*)
	usage
	;;
esac
