#!/usr/bin/env bash
# Runs a command and prints the CPU every PostgreSQL process spent meanwhile (live processes' utime + stime,
# and the reaped backends' through the postmaster's cutime + cstime), in ms: bash bench/probe/pg-cpu.sh CMD...
set -euo pipefail
# shellcheck source=bench/cpu-ticks.sh
source "$(cd "$(dirname "$0")/.." && pwd)/cpu-ticks.sh"
before=$(pg_ticks)
"$@"
echo "postgres_cpu_ms=$(( ($(pg_ticks) - before) * 1000 / $(getconf CLK_TCK) ))"
