#!/usr/bin/env bash
# The whole benchmark, from scratch, in one command: bash bench/run.sh
# Builds the jar if needed, starts it at -Xmx128m on a fresh embedded PostgreSQL 17, loads N leads
# (default 1,000,000) with bench/generate.sql, then measures each scenario in the same run, in ROUNDS (2)
# alternating rounds: the API under wrk, and its limit, the same SQL statements under pgbench (or COPY, for
# the export). Loopback only, bounded in time. Results: bench/target/results.md (the table) and bench/target/explain.txt.
# Needs: a JDK 17+, wrk, pgbench and psql (Debian: apt-get install wrk postgresql-client), curl.
set -euo pipefail

N=${N:-1000000}
# Which scenarios: "reads" (lists, detail, events, the /health floor, export), "intake" (capture, create) and/or
# "webhooks" (Postmark deliveries).
SCENARIOS=${SCENARIOS:-reads intake webhooks}
wants() { [[ " $SCENARIOS " == *" $1 "* ]]; }
DURATION=${DURATION:-15s}
CONNECTIONS=16
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
OUT=$BENCH_DIR/target
API_PORT=${API_PORT:-18180}
DB_PORT=${DB_PORT:-55440}
export BENCH_DIR

for tool in wrk pgbench psql curl java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (Debian: apt-get install wrk postgresql-client curl)" >&2; exit 2; }
done
BUILT_JAR=$ROOT/bootstrap/target/leads.jar
[ -f "$BUILT_JAR" ] || (cd "$ROOT" && ./mvnw -B -q -DskipTests package)

rm -rf "$OUT" && mkdir -p "$OUT"
# The JVM reads classes from its jar lazily: run a copy, so that a rebuild during the run cannot touch it.
JAR=$OUT/leads.jar
cp "$BUILT_JAR" "$JAR"
export PGHOST=localhost PGPORT=$DB_PORT PGUSER=postgres PGDATABASE=leads
PSQL="psql -X -q -v ON_ERROR_STOP=1"

start_api() { # extra VAR=value settings...: starts the jar on the run's embedded PostgreSQL and waits until it is ready
  env LEADS_DATA_DIR="$OUT/data" LEADS_EMBEDDED_DB_PORT=$DB_PORT LEADS_HTTP_PORT=$API_PORT LEADS_DEMO_DATA=false \
    DATABASE_POOL_SIZE=$CONNECTIONS LEADS_JOBS_WORKER=false "$@" java -Xmx128m -XX:+UseSerialGC -jar "$JAR" >> "$OUT/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$API_PORT/ready" >/dev/null 2>&1 && return 0
    kill -0 $API_PID 2>/dev/null || { cat "$OUT/api.log"; exit 1; }
    sleep 0.5
  done
}
stop_api() {
  kill $API_PID 2>/dev/null; wait $API_PID 2>/dev/null || true
}
trap stop_api EXIT
echo "== starting leads.jar (-Xmx128m) on an embedded PostgreSQL (port $DB_PORT)"
start_api
# pgbench and psql reach PostgreSQL the way the API's pool does: over the Unix socket the jar names at startup
# (loopback TCP costs both sides more CPU per round trip), or over TCP when it names none.
API_SOCKET=$(grep -Eo 'pool over the Unix socket [^)]+' "$OUT/api.log" | awk '{ print $NF }' || true)
# TCP asks for the password the jar generated on first start (the socket's private directory needs none).
export PGPASSWORD; PGPASSWORD=$(cat "$OUT/data/postgres.password")
if [ -n "$API_SOCKET" ]; then
  export PGHOST; PGHOST=$(dirname "$API_SOCKET")
  echo "   the API's pool, pgbench and psql all connect over the Unix socket $API_SOCKET"
else
  echo "   the API's pool, pgbench and psql all connect over TCP to localhost:$DB_PORT"
fi
# Generous memory for the server's sorts, as any production PostgreSQL would have.
$PSQL -c "ALTER SYSTEM SET work_mem = '32MB'" >/dev/null
$PSQL -c "SELECT pg_reload_conf()" >/dev/null

echo "== loading $N leads"
LOAD_START=$(date +%s)
$PSQL -v n="$N" -f "$BENCH_DIR/generate.sql"
LOAD_SECONDS=$(( $(date +%s) - LOAD_START ))
$PSQL -c "VACUUM ANALYZE" >/dev/null
# Flush the load's dirty pages now, so that no checkpoint of it runs during the measurements.
$PSQL -c "CHECKPOINT" >/dev/null
echo "   loaded in ${LOAD_SECONDS}s: $($PSQL -At -c "SELECT count(*) FROM leads") leads, $($PSQL -At -c "SELECT count(*) FROM message_events") events"

ORG=$($PSQL -At -c "SELECT id FROM orgs WHERE name = 'Bench Org 01'")
EMAIL=owner@benchorg01.bench
$PSQL -c "CREATE TABLE bench_ids AS SELECT row_number() OVER () AS i, id FROM (SELECT id FROM leads WHERE org_id = '$ORG' ORDER BY md5(id::text) LIMIT 1000) s" >/dev/null
# Keyed, so that pgbench's pick of an id (the one statement it runs that the API does not) costs one index probe.
$PSQL -c "ALTER TABLE bench_ids ADD PRIMARY KEY (i)" >/dev/null
$PSQL -At -c "SELECT id FROM bench_ids ORDER BY i" > "$OUT/ids.txt"
# Known emails for the capture scenario: 1,000 of the biggest org's leads, keyed like bench_ids.
$PSQL -c "CREATE TABLE bench_known AS SELECT row_number() OVER () AS i, email FROM (SELECT email FROM leads WHERE org_id = '$ORG' ORDER BY md5(email) LIMIT 1000) s" >/dev/null
$PSQL -c "ALTER TABLE bench_known ADD PRIMARY KEY (i)" >/dev/null
$PSQL -At -c "SELECT email FROM bench_known ORDER BY i" > "$OUT/known.txt"

# Restarted with public capture into the biggest org, its rate limit raised so that the run measures the writes
# rather than 429s, and 127.0.0.1 trusted as a proxy, so that each capture names its own client in X-Forwarded-For.
# (The capture org must exist when the API starts, and the load has only just made it.)
echo "== restarting leads.jar with public capture into Bench Org 01"
stop_api
POSTMARK_PASSWORD=bench-postmark-password
start_api LEADS_PUBLIC_CAPTURE_ORG="Bench Org 01" LEADS_CAPTURE_RATE_LIMIT=1000000 LEADS_TRUSTED_PROXIES=127.0.0.1/32 \
  LEADS_POSTMARK_WEBHOOK_USER=postmark LEADS_POSTMARK_WEBHOOK_PASSWORD=$POSTMARK_PASSWORD

RESULTS=$OUT/results.tsv
printf 'scenario\tapi_rps\tp50_ms\tp99_ms\terrors\tlimit_tps\tratio\tjvm_cpu_ms\tpg_cpu_ms_api\tpg_cpu_ms_limit\twrk_cpu_ms\tbusy_pct\n' > "$RESULTS"

# CPU accounting, from /proc in clock ticks: where each request's CPU goes on the two shared cores.
TICK_MS=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print 1000 / hz }')
jvm_ticks() { # utime + stime of the JVM, all threads
  local f; read -r -a f < <(sed 's/^.*) //' "/proc/$API_PID/stat"); echo $(( f[11] + f[12] ))
}
# shellcheck source=bench/cpu-ticks.sh
source "$BENCH_DIR/cpu-ticks.sh" # pg_ticks
cpu_idle_and_total() { # the whole machine, from /proc/stat: "idle+iowait total" in ticks
  local _cpu user nice system idle iowait irq softirq steal
  read -r _cpu user nice system idle iowait irq softirq steal _ < /proc/stat
  echo "$(( idle + iowait )) $(( user + nice + system + idle + iowait + irq + softirq + steal ))"
}
per_request_ms() { # ticks, count
  awk -v t="$1" -v n="$2" -v ms="$TICK_MS" 'BEGIN { printf "%.3f", (n > 0 ? t * ms / n : 0) }'
}

api_warmup() { # path-or-empty, extra wrk args...: traffic that is not recorded
  local path=$1; shift
  # After a switch of endpoint the JIT recompiles (detail measured 0.215 ms of JVM CPU per request in its first
  # 20 s and 0.163 ms in the next 20), as a server in production has long done.
  wrk -t2 -c$CONNECTIONS -d"${WARMUP:-10s}" --timeout 10s "$@" "http://127.0.0.1:$API_PORT$path" > /dev/null 2>&1
}

api_wrk() { # file name, path-or-empty, extra wrk args...; prints one RESULT line with the CPU figures
  local name=$1 path=$2; shift 2
  local jvm0 pg0 line requests idle0 total0 idle1 total1 wrk_seconds TIMEFORMAT='%U %S'
  jvm0=$(jvm_ticks); pg0=$(pg_ticks); read -r idle0 total0 < <(cpu_idle_and_total)
  # wrk's own CPU (user + system seconds, from bash's time): the load generator shares the cores too.
  wrk_seconds=$( { time wrk -t2 -c$CONNECTIONS -d"$DURATION" --timeout 10s "$@" "http://127.0.0.1:$API_PORT$path" \
    > "$OUT/wrk-$name.txt" 2>&1; } 2>&1 )
  local jvm_used=$(( $(jvm_ticks) - jvm0 )) pg_used=$(( $(pg_ticks) - pg0 ))
  read -r idle1 total1 < <(cpu_idle_and_total)
  line=$(grep '^RESULT' "$OUT/wrk-$name.txt")
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<< "$line")
  echo "$line jvm_ms=$(per_request_ms $jvm_used "$requests") pg_ms=$(per_request_ms $pg_used "$requests")" \
    "wrk_ms=$(awk -v c="$wrk_seconds" -v n="$requests" 'BEGIN { split(c, t, " "); printf "%.3f", (n > 0 ? (t[1] + t[2]) * 1000 / n : 0) }')" \
    "busy=$(awk -v i=$(( idle1 - idle0 )) -v t=$(( total1 - total0 )) 'BEGIN { printf "%.0f", (t > 0 ? 100 * (1 - i / t) : 0) }')"
}

limit_pgbench() { # file name, scripts (space-separated, each may carry pgbench's @weight); prints "tps pg_ms_per_transaction"
  local name=$1 scripts=$2 pg0 transactions file files=()
  for file in $scripts; do files+=(-f "$file"); done
  pg0=$(pg_ticks)
  pgbench -n -M prepared -c $CONNECTIONS -j 2 -T "${DURATION%s}" "${PARAMETERS[@]/#/-D}" "${files[@]}" \
    > "$OUT/pgbench-$name.txt" 2>&1 || { cat "$OUT/pgbench-$name.txt"; exit 1; }
  local pg_used=$(( $(pg_ticks) - pg0 ))
  transactions=$(grep -Eo 'number of transactions actually processed: [0-9]+' "$OUT/pgbench-$name.txt" | grep -Eo '[0-9]+$')
  echo "$(grep -Eo 'tps = [0-9.]+' "$OUT/pgbench-$name.txt" | head -1 | cut -d' ' -f3) $(per_request_ms $pg_used "$transactions")"
}

# Each scenario is measured in ROUNDS rounds, the API and its limit taking turns, so that both sides see the
# same drift of this shared machine (PostgreSQL's CPU for the same statements moves by 20-30 % between runs).
# The API's figures are the rounds' means (p99: the worst round; errors: the sum), the limit's too.
measure() { # name, path-or-empty, pgbench script, extra wrk args...
  local name=$1 path=$2 script=$3; shift 3
  api_warmup "$path" "$@"
  local round api_lines="" limit_lines=""
  for round in $(seq 1 "${ROUNDS:-2}"); do
    api_lines+="$(api_wrk "$name-$round" "$path" "$@")"$'\n'
    limit_lines+="$(limit_pgbench "$name-$round" "$script")"$'\n'
  done
  local api limit
  api=$(awk '
    { for (i = 1; i <= NF; i++) if (split($i, kv, "=") == 2) { sum[kv[1]] += kv[2]; if (kv[2] > max[kv[1]]) max[kv[1]] = kv[2] } n++ }
    END { printf "RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d jvm_ms=%.3f pg_ms=%.3f wrk_ms=%.3f busy=%.0f\n",
      sum["rps"] / n, sum["p50_ms"] / n, max["p99_ms"], sum["errors"], sum["requests"], sum["jvm_ms"] / n,
      sum["pg_ms"] / n, sum["wrk_ms"] / n, sum["busy"] / n }' <<< "${api_lines%$'\n'}")
  limit=$(awk '{ tps += $1; ms += $2; n++ } END { printf "%.1f %.3f\n", tps / n, ms / n }' <<< "${limit_lines%$'\n'}")
  record "$name" "$api" "$limit"
}

record() { # name, RESULT line, "limit-tps pg-ms"
  local name=$1 line=$2 tps pg_limit_ms
  read -r tps pg_limit_ms <<< "$3"
  local rps p50 p99 errors jvm_ms pg_ms wrk_ms busy
  rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<< "$line"); p50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<< "$line")
  p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<< "$line"); errors=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<< "$line")
  jvm_ms=$(sed -E 's/.*jvm_ms=([0-9.]+).*/\1/' <<< "$line"); pg_ms=$(sed -E 's/.*pg_ms=([0-9.]+).*/\1/' <<< "$line")
  wrk_ms=$(sed -E 's/.*wrk_ms=([0-9.]+).*/\1/' <<< "$line"); busy=$(sed -E 's/.*busy=([0-9]+).*/\1/' <<< "$line")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$errors" "$tps" \
    "$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.2f", a / b }')" "$jvm_ms" "$pg_ms" "$pg_limit_ms" "$wrk_ms" "$busy" >> "$RESULTS"
  echo "   $name: API ${rps} req/s (p50 ${p50} ms, p99 ${p99} ms, ${errors} errors; CPU per request: JVM ${jvm_ms} ms," \
    "PostgreSQL ${pg_ms} ms, wrk ${wrk_ms} ms; cores ${busy} % busy); limit ${tps} tps (PostgreSQL ${pg_limit_ms} ms CPU per transaction)"
}

# The filters' values, bound as parameters by pgbench (-M prepared sends :name as a parameter) exactly as the
# API binds them, so both sides get the same plans from the plan cache (literals would always get custom plans).
# Deep pages: half way down the biggest org (250,000 of 500,000 leads at N=1,000,000), by offset and by cursor. The
# cursor is the one the API answers for the page before: after the lead just above that depth, for no filter
# (decision 0015: base64url of "v1 <created_at in µs> <id> <first 16 hex digits of SHA-256 of the filters' text>").
DEPTH=$(( N / 4 ))
IFS='|' read -r AFTER_MICROS AFTER_ID AFTER_AT < <($PSQL -At -c "SELECT (extract(epoch FROM created_at) * 1000000)::bigint,
  id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM leads WHERE org_id = '$ORG'
  ORDER BY created_at DESC, id DESC OFFSET $(( DEPTH - 1 )) LIMIT 1")
CURSOR=$(printf 'v1 %s %s %s' "$AFTER_MICROS" "$AFTER_ID" "$(printf '' | sha256sum | cut -c1-16)" | base64 -w0 | tr '+/' '-_' | tr -d '=')
PARAMETERS=(org="$ORG" statuses='{invited}' createdFrom=2025-06-01T00:00:00Z createdBefore=2025-09-01T00:00:00Z
  firstWholeDay=2025-06-01 endOfWholeDays=2025-09-01 tags='{mindset}' searchPattern=%son% rarePattern=%77777%
  letterTerm=a deepOffset="$DEPTH" afterCreatedAt="$AFTER_AT" afterId="$AFTER_ID")
with_literals() { # SQL with :name parameters -> the same SQL with quoted literals (for psql and EXPLAIN)
  local sql=$1 parameter
  for parameter in "${PARAMETERS[@]}"; do sql=${sql//:${parameter%%=*}/\'${parameter#*=}\'}; done
  echo "$sql"
}

filtered_script() { # name, where clause[, the statement that gives the total, when not counting]
  local name=$1 where=$2
  local total_statement=${3:-"SELECT count(*) FROM leads l WHERE $where;"}
  local total
  total=$($PSQL -At -c "SELECT count(*) FROM leads l WHERE $(with_literals "$where")")
  local variant=walk
  [ "$total" -le 5000 ] && variant=small
  sed -e "s|TOTAL_STATEMENT|$total_statement|" -e "s|WHERE_CLAUSE|$where|g" \
    "$BENCH_DIR/pgbench/list-filtered-$variant.sql.in" > "$OUT/$name.sql"
  echo "$OUT/$name.sql"
}

search_script() { # name, pattern parameter: a q of a term with a trigram, paged as the API pages it (SearchTablePage)
  local name=$1 pattern=$2 total org_leads length
  read -r total org_leads < <($PSQL -At -F' ' -c "$(with_literals "SELECT (SELECT count(*) FROM lead_search s
    WHERE s.org_id = :org AND s.haystack LIKE lower(:$pattern)), (SELECT sum(n) FROM lead_status_counts WHERE org_id = :org)")")
  # SearchTablePage.walkLength: four times the leads the density predicts for the page, plus 100, up to 10,000.
  length=$(awk -v t="$total" -v o="$org_leads" 'BEGIN { t = (t < 1 ? 1 : t); o = (o < t ? t : o); printf "%d", 51 * o / t * 4 + 100 }')
  if [ "$length" -le 10000 ]; then
    sed -e "s|WALK_LENGTH|$length|" -e "s|PATTERN|$pattern|g" "$BENCH_DIR/pgbench/list-search-walk.sql.in" > "$OUT/$name.sql"
  else
    sed -e "s|PATTERN|$pattern|g" "$BENCH_DIR/pgbench/list-search-sorted.sql.in" > "$OUT/$name.sql"
  fi
  echo "$OUT/$name.sql"
}

# How soon a list request whose client goes away stops its statement. Another session holds the leads table, so the
# request's statement waits for the lock (as a slow one would run on); the client gives up after 0.5 s, and
# pg_stat_activity is polled until no list statement is active. Without the cancel it would wait for the lock.
measure_abandoned() {
  echo "== abandoned requests: from the client's leaving until its statement stops"
  $PSQL -c "BEGIN" -c "LOCK TABLE leads IN ACCESS EXCLUSIVE MODE" -c "SELECT pg_sleep(30)" -c "ROLLBACK" >/dev/null 2>&1 &
  local locker=$! i start waited samples=()
  until [ "$($PSQL -At -c "SELECT count(*) FROM pg_locks WHERE relation = 'leads'::regclass AND mode = 'AccessExclusiveLock' AND granted")" = 1 ]; do sleep 0.05; done
  for i in 1 2 3 4 5; do
    curl -s -o /dev/null -m 0.5 -H "x-user-email: $EMAIL" "http://127.0.0.1:$API_PORT/leads?q=son" || true
    start=$(date +%s%N)
    for _ in $(seq 1 500); do
      [ "$($PSQL -At -c "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND wait_event_type = 'Lock' AND query LIKE '%FROM leads l%'")" = 0 ] && break
    done
    waited=$(( ($(date +%s%N) - start) / 1000000 ))
    samples+=("$waited")
  done
  $PSQL -c "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()" >/dev/null
  wait $locker 2>/dev/null || true
  ABANDONED_MS="${samples[*]}"
  echo "   statement stopped ${ABANDONED_MS// / ms, } ms after the client left (each poll of pg_stat_activity takes a psql start, ~10 ms)"
  printf 'abandoned request: ms until its statement stopped (5 tries)\t%s\t-\t-\t-\t-\t-\t-\t-\t-\t-\t-\n' "${ABANDONED_MS// /, }" >> "$RESULTS"
}

list_scenario() { # name, query string, pgbench script
  local name=$1 query=$2 script=$3
  echo "== $name"
  measure "$name" "/leads$query" "$script" -H "x-user-email: $EMAIL" -s "$BENCH_DIR/wrk/report.lua"
}

if wants reads; then
# Not recorded: HotSpot's C2 compiler shares the two cores with the load, so the hot paths take a minute or
  # more of traffic to compile (list page 1 measured 216 req/s in its first 10 s and 830 after 90 s). A server
  # in production has long done that, so every scenario's requests get traffic first, at 8 connections, which
  # leaves the compiler thread a share of the CPU.
  echo "== JIT warm-up (${JIT_WARMUP:-120s}, not recorded)"
  IDS_FILE=$OUT/ids.txt USER_EMAIL=$EMAIL wrk -t1 -c8 -d"${JIT_WARMUP:-120s}" --timeout 10s -s "$BENCH_DIR/wrk/warmup.lua" \
    "http://127.0.0.1:$API_PORT" > "$OUT/wrk-warmup.txt" 2>&1
  
  while read -r line; do with_literals "$line"; done < "$BENCH_DIR/pgbench/list-first-page.sql" > "$OUT/list-first-page.sql"
  list_scenario "list page 1 (biggest org)" "" "$OUT/list-first-page.sql"
  sed "s|ORG_LITERAL|'$ORG'::uuid|g" "$BENCH_DIR/pgbench/list-status-date.sql.in" > "$OUT/status-date.sql"
  list_scenario "status + date range" "?status=invited&date_from=2025-06-01&date_to=2025-08-31" "$OUT/status-date.sql"
  list_scenario "tag" "?tag=mindset" \
    "$(filtered_script tag "l.org_id = :org AND l.tags @> CAST(:tags AS text[])" \
        "SELECT coalesce(sum(n), 0) FROM lead_tag_counts WHERE org_id = :org AND tag = (CAST(:tags AS text[]))[1];")"
  while read -r line; do with_literals "$line"; done < "$BENCH_DIR/pgbench/list-deep-offset.sql" > "$OUT/list-deep-offset.sql"
  list_scenario "deep offset ($DEPTH)" "?offset=$DEPTH" "$OUT/list-deep-offset.sql"
  sed "s|ORG_LITERAL|'$ORG'::uuid|g" "$BENCH_DIR/pgbench/list-cursor.sql.in" > "$OUT/list-cursor.sql"
  list_scenario "cursor at depth ($DEPTH)" "?cursor=$CURSOR" "$OUT/list-cursor.sql"
  list_scenario "q of 3 letters, common (son)" "?q=son" "$(search_script q searchPattern)"
  list_scenario "q of 5 letters, rare (77777)" "?q=77777" "$(search_script q-rare rarePattern)"
  list_scenario "q of 1 letter (a)" "?q=a" "$(filtered_script q-letter \
    "l.org_id = :org AND strpos(lead_search_text(l.email, l.first_name, l.last_name), lower(:letterTerm)) > 0" \
    "SELECT count(*) FROM lead_search s WHERE s.org_id = :org AND strpos(s.haystack, lower(:letterTerm)) > 0;")"
  measure_abandoned
  
  for scenario in detail events; do
    echo "== $scenario"
    suffix=""; [ $scenario = events ] && suffix="/events"
    IDS_FILE=$OUT/ids.txt SUFFIX=$suffix USER_EMAIL=$EMAIL measure "$scenario" "" "$BENCH_DIR/pgbench/$scenario.sql" \
      -s "$BENCH_DIR/wrk/ids.lua"
  done
  
  # The floor: what the JVM's HTTP stack costs per request with no database work at all. A request that must
  # cost the JVM less than this to reach its ratio target cannot reach it on this machine.
  echo "== floor: GET /health"
  api_warmup "/health" -s "$BENCH_DIR/wrk/report.lua"
  line=$(api_wrk "health (floor, no database)" "/health" -s "$BENCH_DIR/wrk/report.lua")
  printf '%s\t%s\t%s\t%s\t%s\t-\t-\t%s\t%s\t-\t%s\t%s\n' "GET /health (floor, no database)" \
    "$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<< "$line")" "$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<< "$line")" \
    "$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<< "$line")" "$(sed -E 's/.*errors=([0-9]+).*/\1/' <<< "$line")" \
    "$(sed -E 's/.*jvm_ms=([0-9.]+).*/\1/' <<< "$line")" "$(sed -E 's/.*pg_ms=([0-9.]+).*/\1/' <<< "$line")" \
    "$(sed -E 's/.*wrk_ms=([0-9.]+).*/\1/' <<< "$line")" "$(sed -E 's/.*busy=([0-9]+).*/\1/' <<< "$line")" >> "$RESULTS"
  echo "   $line"
  
  echo "== export of the biggest org"
  EXPORT_SQL="SELECT l.id, l.created_at, l.updated_at, l.status, l.first_name, l.last_name, l.email, l.phone, array_to_string(l.tags, E'\\x1F') AS tags, l.source, l.utm_source, l.utm_medium, l.utm_campaign, l.last_contacted_at, l.version FROM leads l WHERE l.org_id = '$ORG' ORDER BY l.created_at DESC, l.id DESC"
  # One export first, not recorded, for the JIT (its first run here took 7.2 s, the next ones 4.3 s).
  curl -s -o /dev/null -X POST -H "x-user-email: $EMAIL" -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$API_PORT/leads/export"
  RSS_BEFORE=$(awk '/VmRSS/ {print $2}' /proc/$API_PID/status)
  COPY_START=$(date +%s.%N); PG0=$(pg_ticks)
  COPY_ROWS=$($PSQL -c "COPY ($EXPORT_SQL) TO STDOUT WITH CSV" | wc -l)
  COPY_SECONDS=$(awk -v a="$(date +%s.%N)" -v b="$COPY_START" 'BEGIN { printf "%.3f", a - b }')
  COPY_PG_CPU=$(per_request_ms $(( $(pg_ticks) - PG0 )) 1000)
  PG0=$(pg_ticks); JVM0=$(jvm_ticks)
  read -r API_SECONDS API_BYTES API_STATUS < <(curl -s -o "$OUT/export.csv" -w '%{time_total} %{size_download} %{http_code}\n' \
    -X POST -H "x-user-email: $EMAIL" -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$API_PORT/leads/export")
  EXPORT_PG_CPU=$(per_request_ms $(( $(pg_ticks) - PG0 )) 1000); EXPORT_JVM_CPU=$(per_request_ms $(( $(jvm_ticks) - JVM0 )) 1000)
  API_ROWS=$(( $(wc -l < "$OUT/export.csv") - 1 ))
  HWM=$(awk '/VmHWM/ {print $2}' /proc/$API_PID/status)
  COPY_RPS=$(awk -v r="$COPY_ROWS" -v s="$COPY_SECONDS" 'BEGIN { printf "%.0f", r / s }')
  API_RPS=$(awk -v r="$API_ROWS" -v s="$API_SECONDS" 'BEGIN { printf "%.0f", r / s }')
  EXPORT_ERRORS=0; [ "$API_STATUS" = 200 ] || EXPORT_ERRORS=1
  echo "   API ${API_ROWS} rows in ${API_SECONDS}s (${API_RPS} rows/s, HTTP $API_STATUS); COPY ${COPY_ROWS} rows in ${COPY_SECONDS}s (${COPY_RPS} rows/s)"
  echo "   JVM RSS before the export ${RSS_BEFORE} kB, peak over the whole run ${HWM} kB (-Xmx128m)"
  echo "   CPU: the API's export JVM ${EXPORT_JVM_CPU} s + PostgreSQL ${EXPORT_PG_CPU} s; COPY PostgreSQL ${COPY_PG_CPU} s"
  printf 'export (rows/s)\t%s\t-\t-\t%s\t%s\t%s\t-\t-\t-\t-\t-\n' "$API_RPS" "$EXPORT_ERRORS" "$COPY_RPS" \
    "$(awk -v a="$API_RPS" -v b="$COPY_RPS" 'BEGIN { printf "%.2f", a / b }')" >> "$RESULTS"
  
  echo "== EXPLAIN (ANALYZE, BUFFERS) of each list query"
  {
    for f in "$OUT/list-first-page.sql" "$OUT/status-date.sql" "$OUT/tag.sql" "$OUT/q.sql" "$OUT/q-rare.sql" "$OUT/q-letter.sql"; do
      grep -E '^SELECT (\(SELECT|count|coalesce|l\.id|WITH)|^WITH' "$f" | while read -r line; do with_literals "$line"; done | while read -r statement; do
        echo "-- $statement"
        $PSQL -c "EXPLAIN (ANALYZE, BUFFERS) ${statement%;}"
      done
    done
  } > "$OUT/explain.txt" 2>&1
fi

# Leads coming in: public captures (half new emails, half known ones) and POST /leads, each against pgbench
# running the statements the API sends for it. Last, because both add leads to the biggest org.
intake_scenario() { # name, wrk script, pgbench scripts
  local name=$1 script=$2 scripts=$3
  echo "== $name"
  # Writes take their own JIT warm-up: none of their code ran in the reads' warm-up.
  RUN_TAG="$(date +%s%N)" KNOWN_FILE=$OUT/known.txt USER_EMAIL=$EMAIL WARMUP=${INTAKE_WARMUP:-40s} \
    measure "$name" "" "$scripts" -s "$script"
}
if wants intake; then
  RUN_TAG="$(date +%s%N)" KNOWN_FILE=$OUT/known.txt USER_EMAIL=$EMAIL wrk -t1 -c8 -d"${INTAKE_JIT_WARMUP:-40s}" --timeout 10s \
    -s "$BENCH_DIR/wrk/capture.lua" "http://127.0.0.1:$API_PORT" > "$OUT/wrk-intake-warmup.txt" 2>&1
  intake_scenario "capture (half new, half known emails)" "$BENCH_DIR/wrk/capture.lua" \
    "$BENCH_DIR/pgbench/capture-new.sql@1 $BENCH_DIR/pgbench/capture-known.sql@1"
  intake_scenario "create (signed-in POST)" "$BENCH_DIR/wrk/create.lua" "$BENCH_DIR/pgbench/create.sql"
  echo "   leads in the biggest org after the intake scenarios: $($PSQL -At -c "SELECT count(*) FROM leads WHERE org_id = '$ORG'")"
fi

# Providers' webhooks: Postmark deliveries for existing leads (each a new event), against pgbench running the
# statements the API sends for one.
if wants webhooks; then
  POSTMARK_AUTH=$(printf 'postmark:%s' "$POSTMARK_PASSWORD" | base64 -w0)
  export POSTMARK_AUTH
  KNOWN_FILE=$OUT/known.txt wrk -t1 -c8 -d"${INTAKE_JIT_WARMUP:-40s}" --timeout 10s \
    -s "$BENCH_DIR/wrk/postmark.lua" "http://127.0.0.1:$API_PORT" > "$OUT/wrk-webhooks-warmup.txt" 2>&1
  echo "== Postmark deliveries (POST /webhooks/postmark)"
  KNOWN_FILE=$OUT/known.txt WARMUP=${INTAKE_WARMUP:-40s} measure "postmark delivery webhook" "" \
    "$BENCH_DIR/pgbench/postmark-delivery.sql" -s "$BENCH_DIR/wrk/postmark.lua"
  echo "   message events recorded: $($PSQL -At -c "SELECT count(*) FROM message_events WHERE provider = 'postmark'")"
fi

{
  echo "| scenario | API req/s | p50 ms | p99 ms | errors | limit (pgbench tps / COPY rows/s) | API ÷ limit | JVM CPU ms/req | PG CPU ms/req (API) | PG CPU ms/tx (pgbench) | wrk CPU ms/req | cores busy % |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  tail -n +2 "$RESULTS" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }'
  echo
  if wants reads; then
    echo "Export: API ${API_ROWS} rows in ${API_SECONDS} s, COPY ${COPY_ROWS} rows in ${COPY_SECONDS} s;" \
         "JVM RSS ${RSS_BEFORE} kB before the export, peak ${HWM} kB over the run (-Xmx128m)." \
         "CPU: the API's export took JVM ${EXPORT_JVM_CPU} s and PostgreSQL ${EXPORT_PG_CPU} s; COPY took PostgreSQL ${COPY_PG_CPU} s."
  fi
  echo "Load: ${N} leads in ${LOAD_SECONDS} s. Per scenario: ${ROUNDS:-2} alternating rounds of ${DURATION} for each side, ${CONNECTIONS} connections."
} > "$OUT/results.md"
cat "$OUT/results.md"
