#!/usr/bin/env bash
# Two builds of the API on one database, in alternating rounds: bash bench/ab.sh REV_A [REV_B]
# For a change that must not be slower (a refactoring): builds leads.jar at REV_A and at REV_B (default: the working
# tree) in git worktrees, loads N leads (default 1,000,000) with bench/generate.sql into one embedded PostgreSQL 17,
# starts both jars on it (-Xmx128m, the same pool, both over TCP), warms both up, then measures each scenario in
# ROUNDS (4) rounds in which A and B take turns, the first side alternating between rounds, so that both see the same
# drift of this shared machine. Prints a table of the rounds' means and B/A; bench/target/ab/ab.tsv has every round.
# ENV_A and ENV_B add environment to one side, for one build under two settings, such as the cost of metrics:
#   ENV_B="LEADS_METRICS_PORT=19464" ONLY='list page 1|detail' bash bench/ab.sh HEAD HEAD
# A side with LEADS_METRICS_PORT is scraped every 15 s meanwhile, as Prometheus would.
# Needs: a JDK 17+, wrk, psql (Debian: apt-get install wrk postgresql-client), curl.
set -euo pipefail

REV_A=${1:?usage: bash bench/ab.sh REV_A [REV_B]}
REV_B=${2:-}
N=${N:-1000000}
DURATION=${DURATION:-15s}
ROUNDS=${ROUNDS:-4}
CONNECTIONS=16
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
OUT=$BENCH_DIR/target/ab
DB_PORT=${DB_PORT:-55450}
HOST_PORT=18189 PORT_A=18191 PORT_B=18192
export BENCH_DIR

for tool in wrk psql curl java git; do
  command -v "$tool" >/dev/null || { echo "ab: $tool is missing (Debian: apt-get install wrk postgresql-client curl)" >&2; exit 2; }
done
rm -rf "$OUT" && mkdir -p "$OUT"

build() { # rev-or-empty, side: a copy of leads.jar built at rev (empty: the working tree)
  local rev=$1 side=$2 tree
  if [ -z "$rev" ]; then
    tree=$ROOT
  else
    tree=$OUT/tree-$side
    git -C "$ROOT" worktree remove --force "$tree" >/dev/null 2>&1 || true
    git -C "$ROOT" worktree add --detach "$tree" "$rev" >/dev/null
  fi
  echo "== building $side at ${rev:-the working tree}"
  (cd "$tree" && ./mvnw -B -q -DskipTests package >/dev/null)
  cp "$tree/bootstrap/target/leads.jar" "$OUT/leads-$side.jar"
  [ -z "$rev" ] || git -C "$ROOT" worktree remove --force "$tree"
}
build "$REV_A" a
build "$REV_B" b

PIDS=()
stop_all() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done; }
trap stop_all EXIT
wait_ready() { # port, pid, log
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$1/ready" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; exit 1; }
    sleep 0.5
  done
  echo "ab: the API on port $1 did not become ready" >&2; exit 1
}
# The database's host: a third, idle process that owns the embedded PostgreSQL, so that A and B reach it alike.
env LEADS_DATA_DIR="$OUT/data" LEADS_EMBEDDED_DB_PORT=$DB_PORT LEADS_HTTP_PORT=$HOST_PORT LEADS_DEMO_DATA=false \
  LEADS_JOBS_WORKER=false DATABASE_POOL_SIZE=2 java -Xmx128m -XX:+UseSerialGC -jar "$OUT/leads-b.jar" >> "$OUT/host.log" 2>&1 &
PIDS+=($!); wait_ready $HOST_PORT "${PIDS[-1]}" "$OUT/host.log"
export PGHOST=localhost PGPORT=$DB_PORT PGUSER=postgres PGDATABASE=leads PGPASSWORD; PGPASSWORD=$(cat "$OUT/data/postgres.password")
PSQL="psql -X -q -v ON_ERROR_STOP=1"
$PSQL -c "ALTER SYSTEM SET work_mem = '32MB'" >/dev/null
$PSQL -c "SELECT pg_reload_conf()" >/dev/null
echo "== loading $N leads"
$PSQL -v n="$N" -f "$BENCH_DIR/generate.sql"
$PSQL -c "VACUUM ANALYZE" >/dev/null
$PSQL -c "CHECKPOINT" >/dev/null
ORG=$($PSQL -At -c "SELECT id FROM orgs WHERE name = 'Bench Org 01'")
EMAIL=owner@benchorg01.bench
$PSQL -At -c "SELECT id FROM leads WHERE org_id = '$ORG' ORDER BY md5(id::text) LIMIT 1000" > "$OUT/ids.txt"

declare -A PID_OF
for side in a b; do
  port=PORT_${side^^} extra=ENV_${side^^}
  # shellcheck disable=SC2086 # ENV_A and ENV_B are NAME=value words
  env DATABASE_URL="postgres://postgres:$PGPASSWORD@localhost:$DB_PORT/leads" LEADS_HTTP_PORT=${!port} LEADS_DEMO_DATA=false \
    LEADS_JOBS_WORKER=false DATABASE_POOL_SIZE=$CONNECTIONS ${!extra:-} java -Xmx128m -XX:+UseSerialGC -jar "$OUT/leads-$side.jar" \
    >> "$OUT/api-$side.log" 2>&1 &
  PIDS+=($!); PID_OF[$side]=$!
  wait_ready "${!port}" "${PID_OF[$side]}" "$OUT/api-$side.log"
  if [[ ${!extra:-} =~ LEADS_METRICS_PORT=([0-9]+) ]]; then
    metrics_port=${BASH_REMATCH[1]}
    (while sleep 15; do curl -sf "http://127.0.0.1:$metrics_port/metrics" > "$OUT/scrape-$side.txt" || true; done) &
    PIDS+=($!)
  fi
done

SCENARIOS=(
  "list page 1|/leads"
  "status + date range|/leads?status=invited&date_from=2025-06-01&date_to=2025-08-31"
  "tag|/leads?tag=mindset"
  "deep offset (250000)|/leads?offset=250000"
  "q of 3 letters|/leads?q=son"
  "detail|ids:"
  "events|ids:/events"
)
run_wrk() { # side, path-or-ids:suffix, duration, output
  local port=PORT_${1^^} path=$2
  if [[ $path == ids:* ]]; then
    IDS_FILE=$OUT/ids.txt SUFFIX=${path#ids:} USER_EMAIL=$EMAIL wrk -t2 -c$CONNECTIONS -d"$3" --timeout 10s \
      -s "$BENCH_DIR/wrk/ids.lua" "http://127.0.0.1:${!port}" > "$4" 2>&1
  else
    wrk -t2 -c$CONNECTIONS -d"$3" --timeout 10s -H "x-user-email: $EMAIL" -s "$BENCH_DIR/wrk/report.lua" \
      "http://127.0.0.1:${!port}$path" > "$4" 2>&1
  fi
}
echo "== JIT warm-up of both (${JIT_WARMUP:-120s} each over every scenario, not recorded)"
for side in a b; do
  IDS_FILE=$OUT/ids.txt USER_EMAIL=$EMAIL wrk -t1 -c8 -d"${JIT_WARMUP:-120s}" --timeout 10s -s "$BENCH_DIR/wrk/warmup.lua" \
    "http://127.0.0.1:$(v=PORT_${side^^}; echo ${!v})" > "$OUT/warmup-$side.txt" 2>&1
done

printf 'scenario\tround\tside\trps\tp99_ms\terrors\n' > "$OUT/ab.tsv"
for entry in "${SCENARIOS[@]}"; do
  name=${entry%%|*} path=${entry#*|}
  [[ $name =~ ${ONLY:-.} ]] || continue # ONLY='list page 1|events': a regular expression on the scenarios' names
  echo "== $name"
  for side in a b; do run_wrk $side "$path" "${WARMUP:-10s}" /dev/null; done
  for round in $(seq 1 "$ROUNDS"); do
    order="a b"; [ $((round % 2)) -eq 0 ] && order="b a"
    for side in $order; do
      run_wrk $side "$path" "$DURATION" "$OUT/wrk.txt"
      line=$(grep '^RESULT' "$OUT/wrk.txt")
      rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<< "$line")
      p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<< "$line")
      errors=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<< "$line")
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$side" "$rps" "$p99" "$errors" | tee -a "$OUT/ab.tsv"
    done
  done
done

echo
echo "A = ${REV_A}, B = ${REV_B:-working tree}; $N leads; $ROUNDS alternating rounds of $DURATION per side, $CONNECTIONS connections."
echo
echo "| scenario | A req/s | B req/s | B/A | B ahead in | A p99 ms | B p99 ms | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
awk -F'\t' 'NR > 1 {
    key = $1; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    sum[key, $3] += $4; count[key, $3]++; if ($5 > p99[key, $3]) p99[key, $3] = $5; errors[key] += $6
    rps[key, $2, $3] = $4; rounds[key] = ($2 > rounds[key] ? $2 : rounds[key])
  }
  END {
    for (i = 1; i <= n; i++) {
      k = order[i]; a = sum[k, "a"] / count[k, "a"]; b = sum[k, "b"] / count[k, "b"]; ahead = 0
      for (r = 1; r <= rounds[k]; r++) if (rps[k, r, "b"] > rps[k, r, "a"]) ahead++
      printf "| %s | %.0f | %.0f | %.2f | %d of %d | %.1f | %.1f | %d |\n", k, a, b, b / a, ahead, rounds[k], p99[k, "a"], p99[k, "b"], errors[k]
    }
  }' "$OUT/ab.tsv" | tee "$OUT/ab.md"
