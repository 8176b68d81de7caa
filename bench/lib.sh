# Shared by the benchmark scripts in this folder (sourced, not run): which java, the built jar, free loopback
# ports, starting and stopping a server, and reading wrk's figures. Every server they start listens on
# 127.0.0.1 and is stopped when the script exits.

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$bench_dir/../target/dateline.jar"
if [ -n "${JAVA:-}" ]; then
  java_cmd="$JAVA"
elif [ -n "${JAVA_HOME:-}" ]; then
  java_cmd="$JAVA_HOME/bin/java"
else
  java_cmd=java
fi

need_jar() {
  if [ ! -f "$jar" ]; then
    echo "$(basename "$0"): build first: mvn -q -DskipTests package" >&2
    exit 2
  fi
}

need_command() { # NAME HOW-TO-INSTALL
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "$(basename "$0"): needs $1; install it with: $2" >&2
    exit 2
  fi
}

java_version() {
  "$java_cmd" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print $2; exit}'
}

# A loopback port nothing listens on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# Processes to stop when the script ends, whatever way it ends.
bench_pids=()
bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${bench_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# serve_site DATA PORT LOG [extra serve options...]: starts Dateline and waits (at most a minute) for /healthz.
# SERVER_JAR= serves another build (to compare it with this one on the same site); the harnesses stay this build's.
serve_site() {
  local data="$1" port="$2" log="$3"
  shift 3
  "$java_cmd" ${JAVA_OPTS:-} -jar "${SERVER_JAR:-$jar}" serve --data "$data" --host 127.0.0.1 --port "$port" "$@" >"$log" 2>&1 &
  served_pid=$!
  bench_pids+=("$served_pid")
  wait_healthy "$port" 600 || { echo "the server did not start; its log:" >&2; tail -20 "$log" >&2; exit 1; }
}

# wait_healthy PORT TENTHS: polls /healthz until it answers 200, at most TENTHS tenths of a second.
wait_healthy() {
  local i
  for ((i = 0; i < $2; i++)); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/healthz")" = 200 ]; then return 0; fi
    sleep 0.1
  done
  return 1
}

stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# wrk_figures FILE: "REQ_PER_S P50_MS P99_MS ERRORS MAX_MS" from the output of `wrk --latency`.
wrk_figures() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
      return v
    }
    /Requests\/sec:/ { rps = $2 }
    $1 == "Latency" && $2 != "Distribution" { max = ms($4) }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.3f %.3f %d %.3f\n", rps, p50, p99, errors, max }
  ' "$1"
}

# cpu_ticks PID: the processor time (user and system, in clock ticks) PID and its children have used so far,
# those still running and those it has waited for (a launcher script's helpers).
cpu_ticks() {
  local total=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13 + $14 + $15}')))
  done
  echo "$total"
}

# median of the numbers given as arguments
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
