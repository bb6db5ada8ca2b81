# Sourced by bench/run.sh and bench/probe/pg-cpu.sh: CPU time from /proc, in clock ticks (getconf CLK_TCK).

pg_ticks() { # every live PostgreSQL process, plus the exited backends the postmaster has reaped (cutime, cstime)
  local total=0 pid f
  for pid in $(pgrep -x postgres); do
    read -r -a f < <(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    total=$(( total + f[11] + f[12] + f[13] + f[14] ))
  done
  echo $total
}
