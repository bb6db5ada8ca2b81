#!/usr/bin/env bash
# Runs a command and prints the CPU every PostgreSQL process spent meanwhile (live processes' utime + stime,
# and the reaped backends' through the postmaster's cutime + cstime), in ms: bash bench/probe/pg-cpu.sh CMD...
set -euo pipefail
pg_ticks() {
  local total=0 pid f
  for pid in $(pgrep -x postgres); do
    read -r -a f < <(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    total=$(( total + f[11] + f[12] + f[13] + f[14] ))
  done
  echo $total
}
before=$(pg_ticks)
"$@"
echo "postgres_cpu_ms=$(( ($(pg_ticks) - before) * 1000 / $(getconf CLK_TCK) ))"
