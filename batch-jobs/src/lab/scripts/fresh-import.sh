#!/usr/bin/env bash
# The import as Fargate runs it: a fresh process against an external PostgreSQL. For each of three
# rounds, each in a fresh database of one PostgreSQL server started here (Debian's, as the image
# rehearsal installs it): import-cash-flows of the synthetic day (1,000,000 cash flows) in a fresh
# JVM, an empty job (the same import of a file with no details) in a fresh JVM, and psql's \copy of
# the same detail lines into an unlogged table with the same key. Each starts from a checkpoint.
# Prints each round and the median of (import - empty job) / \copy. Run as root, from the project:
#   bash batch-jobs/src/lab/scripts/fresh-import.sh
# On Java 25, TRAINING=import first makes the launcher's AOT cache from a real import of the same
# day into a database of its own (classes and the method profiles of the parsing and loading code),
# instead of the job that finds no database the launcher and the image train with.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../../.." && pwd)
pgbin=${PGBIN:-/usr/lib/postgresql/15/bin}
[ -x "$pgbin/postgres" ] || { echo "no PostgreSQL server at $pgbin (apt-get install postgresql, or set PGBIN)" >&2; exit 2; }
work=$(mktemp -d /tmp/fresh-import.XXXXXX)
chown postgres "$work"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() { su postgres -s /bin/sh -c "$pgbin/pg_ctl -D '$work/data' -m immediate stop" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap stop EXIT
su postgres -s /bin/sh -c "$pgbin/initdb -D '$work/data' -U postgres --auth=trust -E UTF8" >/dev/null
su postgres -s /bin/sh -c "$pgbin/pg_ctl -D '$work/data' -l '$work/server.log' -o '-p $port -k $work -c listen_addresses=127.0.0.1' -w start" >/dev/null
sql() { PGOPTIONS="-c client_min_messages=warning" psql -qtA -h 127.0.0.1 -p "$port" -U postgres "$@"; }

cd "$root"
./settlement-batch generate --business-date=2026-11-20 --out="$work/day" >/dev/null
mkdir -p "$work/empty"
printf 'H,EMPTY,2026-11-19,PROC,2026-11-19T01:00:00+09:00\nT,0,0\n' >"$work/empty/cashflow_20261119.csv"
grep '^D,' "$work/day/cashflow_20261120.csv" >"$work/details.csv"
chmod -R a+r "$work"
lines=$(wc -l <"$work/details.csv")

millis() { local started=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; echo $(( ($(date +%s%N) - started) / 1000000 )); }
if [ "${TRAINING:-}" = import ]; then
  ./settlement-batch --version >/dev/null  # the launcher's build and unpacked app
  sql -d postgres -c "CREATE DATABASE training"
  url="jdbc:postgresql://127.0.0.1:$port/training?user=postgres"
  ./settlement-batch run import-accounts --business-date=2026-11-20 --inbox="$work/day" --outbox="$work/training" --db-url="$url" --log-format=json >/dev/null 2>&1
  app="$root/batch-jobs/target/app"
  java -XX:AOTCacheOutput="$work/trained.aot" -jar "$app/settlement-batch.jar" run import-cash-flows --business-date=2026-11-20 \
    --inbox="$work/day" --outbox="$work/training" --db-url="$url" --log-format=json >/dev/null 2>&1
  mv "$work/trained.aot" "$app/settlement-batch.aot"
  echo "AOT cache trained on an import of $(grep -c '^D,' "$work/day/cashflow_20261120.csv") lines: $(du -m "$app/settlement-batch.aot" | cut -f1) MB"
fi
ratios=()
for round in 1 2 3; do
  db="round$round"
  sql -d postgres -c "CREATE DATABASE $db"
  url="jdbc:postgresql://127.0.0.1:$port/$db?user=postgres"
  # the card master first, untimed (it also migrates the fresh database)
  ./settlement-batch run import-accounts --business-date=2026-11-20 --inbox="$work/day" --outbox="$work/out$round" --db-url="$url" --log-format=json >/dev/null 2>&1
  sql -d "$db" -c "CREATE SCHEMA bench; CREATE UNLOGGED TABLE bench.floor_cash_flow (
      record CHAR(1) NOT NULL, transaction_id VARCHAR(32) PRIMARY KEY, account_id CHAR(10) NOT NULL,
      type TEXT NOT NULL, amount BIGINT NOT NULL, currency CHAR(3) NOT NULL, transacted_at TIMESTAMPTZ NOT NULL,
      merchant_name TEXT NOT NULL, mcc CHAR(4), card_last4 CHAR(4) NOT NULL, original_transaction_id VARCHAR(32))"
  sql -d "$db" -c CHECKPOINT
  copy=$(millis sql -d "$db" -c "\\copy bench.floor_cash_flow FROM '$work/details.csv' (FORMAT csv)")
  sql -d "$db" -c "DROP SCHEMA bench CASCADE" -c CHECKPOINT
  empty=$(millis ./settlement-batch run import-cash-flows --business-date=2026-11-19 --inbox="$work/empty" --outbox="$work/out$round" --db-url="$url" --log-format=json)
  sql -d "$db" -c CHECKPOINT
  import=$(millis ./settlement-batch run import-cash-flows --business-date=2026-11-20 --inbox="$work/day" --outbox="$work/out$round" --db-url="$url" --log-format=json)
  ratio=$(python3 -c "print(round(($import - $empty) / $copy, 2))")
  ratios+=("$ratio")
  echo "round $round: import ${import} ms, empty job ${empty} ms, \\copy of $lines lines ${copy} ms: (import - empty) / \\copy = $ratio"
done
echo "median: $(printf '%s\n' "${ratios[@]}" | sort -n | sed -n 2p)"
