#!/usr/bin/env bash
# Concierge benchmark suite: start-up time, memory and throughput of each target (embedded H2, PostgreSQL),
# with nginx serving the same bytes on the same machine as the yardstick. See bench/README.md.
#
#   bench/run.sh [--no-build]
#
# Environment: TARGETS (h2 postgres), DURATION (10s), ROUNDS (5), CONNECTIONS (64), JAVA_OPTS (empty),
# SCENARIOS (every file in bench/scenarios/), THREADS (2), BASE_PORT (18080), SETTLE_SECONDS (5),
# NGINX_WORKERS (nproc), MVN_ARGS (empty).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
START_DIR=$PWD
ROOT_DIR=$(cd "$BENCH_DIR/.." && pwd)
JAR="$ROOT_DIR/bootstrap/target/concierge.jar"

TARGETS=${TARGETS:-h2 postgres}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
JAVA_OPTS=${JAVA_OPTS:-}
SCENARIOS=${SCENARIOS:-}
BASE_PORT=${BASE_PORT:-18080}
SETTLE_SECONDS=${SETTLE_SECONDS:-5}
NGINX_WORKERS=${NGINX_WORKERS:-$(nproc)}
MVN_ARGS=${MVN_ARGS:-}
READY_TIMEOUT_SECONDS=${READY_TIMEOUT_SECONDS:-120}

PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres
PG_DB=concierge_bench
# JWT_SECRET for the postgres target, which refuses to start without one; random for each run, never written down.
PG_JWT_SECRET=""

# Goals from the product spec; the widget scenario declares its own throughput and latency goals.
GOAL_READY_S=3
GOAL_RSS_IDLE_MIB=200
GOAL_RSS_AFTER_MIB=350

BUILD=true
WORK_DIR=""
RESULTS_DIR=""
PG_CREATED=false
STARTED_PIDS=()
NEXT_PORT=$BASE_PORT

# Set for the scenarios while a target runs.
TARGET=""
CONCIERGE_PID=""
CONCIERGE_URL=""
NGINX_PID=""
NGINX_URL=""
NGINX_ROOT=""
CLIENT_KEY=""

log() { printf '[bench] %s\n' "$*" >&2; }
die() {
    printf '[bench] error: %s\n' "$*" >&2
    exit 1
}

usage() {
    sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# ---------------------------------------------------------------------------------------------------------------
# Processes: every process this script starts is recorded and stopped on exit, by its id.

alive() {
    local state
    state=$(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 1
    [[ -n $state && $state != Z ]]
}

forget_pid() {
    local pid=$1 kept=() p
    for p in "${STARTED_PIDS[@]}"; do
        [[ $p == "$pid" ]] || kept+=("$p")
    done
    STARTED_PIDS=("${kept[@]}")
}

# stop_pid PID: TERM, up to 30 s for a graceful stop, then KILL; also stops children left behind (nginx workers).
stop_pid() {
    local pid=$1 i children
    children=$(pgrep -P "$pid" 2>/dev/null || true)
    if alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 300; i++)); do
            alive "$pid" || break
            sleep 0.1
        done
        if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    wait "$pid" 2>/dev/null || true
    for i in $children; do
        if alive "$i"; then kill -KILL "$i" 2>/dev/null || true; fi
    done
    forget_pid "$pid"
}

psql_admin() {
    PGCONNECT_TIMEOUT=5 PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"
}

cleanup() {
    local status=$? pid
    trap - EXIT INT TERM
    for pid in "${STARTED_PIDS[@]}"; do
        stop_pid "$pid"
    done
    if $PG_CREATED; then
        psql_admin -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 ||
            log "could not drop database $PG_DB"
    fi
    if [[ -n $WORK_DIR ]]; then
        rm -rf "$WORK_DIR"
    fi
    exit "$status"
}

# free_port VAR: the first port from NEXT_PORT on that nothing listens on at 127.0.0.1.
free_port() {
    local candidate=$NEXT_PORT
    while (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; do
        candidate=$((candidate + 1))
    done
    NEXT_PORT=$((candidate + 1))
    printf -v "$1" '%s' "$candidate"
}

# wait_http URL PID SECONDS: until URL answers with any HTTP status, or PID exits, or SECONDS pass.
wait_http() {
    local url=$1 pid=$2 tries=$(($3 * 20)) code
    while ((tries-- > 0)); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" || true)
        [[ $code != 000 ]] && return 0
        alive "$pid" || return 1
        sleep 0.05
    done
    return 1
}

# ---------------------------------------------------------------------------------------------------------------
# Set-up: tools, jar, work and results directories.

nginx_bin() {
    command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; }
}

ensure_tools() {
    local missing=() sudo=()
    command -v wrk >/dev/null || missing+=(wrk)
    nginx_bin >/dev/null || missing+=(nginx-light)
    if ((${#missing[@]} > 0)); then
        if [[ $(id -u) -ne 0 ]]; then
            command -v sudo >/dev/null || die "missing ${missing[*]}; install them with apt-get as root"
            sudo=(sudo)
        fi
        log "installing missing tools: apt-get install -y ${missing[*]}"
        if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"; then
            log "install failed; refreshing the package lists: apt-get update"
            "${sudo[@]}" apt-get update
            log "installing missing tools: apt-get install -y ${missing[*]}"
            "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
        fi
    fi
    local tool
    for tool in wrk curl java awk pgrep; do
        command -v "$tool" >/dev/null || die "$tool is required"
    done
    nginx_bin >/dev/null || die "nginx is required (apt-get install -y nginx-light)"
    if [[ " $TARGETS " == *" postgres "* ]]; then
        command -v psql >/dev/null || die "psql is required for the postgres target"
        psql_admin -d postgres -c 'SELECT 1' >/dev/null ||
            die "PostgreSQL does not answer on $PG_HOST:$PG_PORT as $PG_USER"
    fi
}

check_options() {
    [[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, not '$ROUNDS'"
    [[ $CONNECTIONS =~ ^[1-9][0-9]*$ ]] || die "CONNECTIONS must be a positive integer, not '$CONNECTIONS'"
    [[ $THREADS =~ ^[1-9][0-9]*$ ]] || die "THREADS must be a positive integer, not '$THREADS'"
    ((CONNECTIONS >= THREADS)) || die "CONNECTIONS ($CONNECTIONS) must be at least THREADS ($THREADS)"
    [[ $DURATION =~ ^[0-9]+[smh]?$ ]] || die "DURATION must look like 10s, 1m or 30, not '$DURATION'"
    [[ $SETTLE_SECONDS =~ ^[0-9]+$ ]] || die "SETTLE_SECONDS must be a whole number of seconds"
    [[ $BASE_PORT =~ ^[0-9]+$ ]] || die "BASE_PORT must be a port number"
    local opt
    for opt in $JAVA_OPTS; do
        [[ $opt != @* || -f ${opt#@} ]] || die "JAVA_OPTS: no argument file ${opt#@} (relative to $START_DIR)"
    done
    local target
    for target in $TARGETS; do
        [[ $target == h2 || $target == postgres ]] || die "unknown target '$target' (h2, postgres)"
    done
}

build_jar() {
    local mvn_args=()
    read -r -a mvn_args <<<"$MVN_ARGS"
    log "building: mvn -B -q -DskipTests ${mvn_args[*]} package"
    # Maven's and npm's output go to stderr with the progress: stdout carries only the table.
    (cd "$ROOT_DIR" && mvn -B -q -DskipTests "${mvn_args[@]}" package) >&2
}

# The scenarios: bench/scenarios/NAME.sh defines scenario_NAME.
load_scenarios() {
    local file name
    if [[ -z $SCENARIOS ]]; then
        for file in "$BENCH_DIR"/scenarios/*.sh; do
            [[ -e $file ]] || continue
            name=$(basename "$file" .sh)
            SCENARIOS+="${SCENARIOS:+ }$name"
        done
    fi
    [[ -n $SCENARIOS ]] || die "no scenarios in $BENCH_DIR/scenarios"
    for name in $SCENARIOS; do
        [[ $name =~ ^[a-z0-9_]+$ ]] || die "scenario names are lower-case letters, digits and _: '$name'"
        file="$BENCH_DIR/scenarios/$name.sh"
        [[ -f $file ]] || die "no scenario file $file"
        # shellcheck source=/dev/null
        source "$file"
        declare -F "scenario_$name" >/dev/null || die "$file does not define scenario_$name"
    done
}

# ---------------------------------------------------------------------------------------------------------------
# Concierge and nginx.

# start_concierge TARGET [SCENARIO [NAME=VALUE...]]: starts the jar on a fresh database, waits for readiness; sets
# CONCIERGE_PID, CONCIERGE_URL, READY_MS. With SCENARIO, the server of that scenario alone (its own data directory and
# log, <target>-<scenario>-concierge.log), with the variables given added to its environment.
start_concierge() {
    local target=$1 scenario=${2:-} port java_opts=() env_args start now code deadline tag log_file i
    shift $(($# < 2 ? $# : 2))
    tag=$target${scenario:+-$scenario}
    log_file="$RESULTS_DIR/$tag-concierge.log"
    read -r -a java_opts <<<"$JAVA_OPTS"
    # Java runs in a directory of its own: an argument file (@bootstrap/jvm.options) is relative to where run.sh was
    # started.
    for i in "${!java_opts[@]}"; do
        if [[ ${java_opts[i]} == @[!/]* ]]; then java_opts[i]="@$START_DIR/${java_opts[i]#@}"; fi
    done
    free_port port
    CONCIERGE_URL="http://127.0.0.1:$port"
    env_args=(env -u DATABASE_URL -u CONCIERGE_DEMO_ENABLED -u CONCIERGE_DATA_DIR -u JWT_SECRET -u FRONTEND_URL
        -u EMAIL_HOST
        -u SPRING_R2DBC_URL -u SPRING_R2DBC_USERNAME -u SPRING_R2DBC_PASSWORD
        -u SPRING_FLYWAY_URL -u SPRING_FLYWAY_USER -u SPRING_FLYWAY_PASSWORD
        PORT="$port" SERVER_ADDRESS=127.0.0.1)
    case $target in
        # A fresh data directory: the server generates its own JWT secret there.
        h2) env_args+=(CONCIERGE_DATA_DIR="$WORK_DIR/$tag-data") ;;
        postgres)
            psql_admin -d postgres -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB"
            PG_CREATED=true
            env_args+=(DATABASE_URL="postgresql://$PG_USER@$PG_HOST:$PG_PORT/$PG_DB" CONCIERGE_DEMO_ENABLED=true
                JWT_SECRET="$PG_JWT_SECRET" FRONTEND_URL="$CONCIERGE_URL")
            ;;
    esac
    env_args+=("$@")
    mkdir -p "$WORK_DIR/$tag-cwd"
    log "$tag: starting Concierge on $CONCIERGE_URL${JAVA_OPTS:+ with JAVA_OPTS=$JAVA_OPTS}${*:+ and $*}"
    start=$(date +%s%N)
    (cd "$WORK_DIR/$tag-cwd" && exec "${env_args[@]}" java "${java_opts[@]}" -jar "$WORK_DIR/concierge.jar") \
        >"$log_file" 2>&1 &
    CONCIERGE_PID=$!
    STARTED_PIDS+=("$CONCIERGE_PID")
    deadline=$((start + READY_TIMEOUT_SECONDS * 1000000000))
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$CONCIERGE_URL/actuator/health/readiness" || true)
        now=$(date +%s%N)
        [[ $code == 200 ]] && break
        alive "$CONCIERGE_PID" || die "$tag: Concierge exited before it was ready; see $log_file"
        ((now < deadline)) || die "$tag: Concierge not ready after ${READY_TIMEOUT_SECONDS}s; see $log_file"
        sleep 0.05
    done
    READY_MS=$(((now - start) / 1000000))
    log "$tag: ready after ${READY_MS} ms"
}

rss_mib() {
    awk '/^VmRSS:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$1/status"
}

# The demo tenant's key, or on PostgreSQL, if the demo is not seeded there, a tenant signed up and activated here.
resolve_client_key() {
    local target=$1 code key=bench
    code=$(curl -s -o /dev/null -w '%{http_code}' "$CONCIERGE_URL/api/v1/widget/demo" || true)
    if [[ $code == 200 ]]; then
        CLIENT_KEY=demo
        return
    fi
    [[ $target == postgres ]] || die "$target: GET /api/v1/widget/demo answered $code, expected 200"
    log "$target: no demo tenant ($code); signing up '$key' and activating it in the database"
    code=$(curl -s -o "$RESULTS_DIR/$target-signup.json" -w '%{http_code}' "$CONCIERGE_URL/api/v1/tenants" \
        -H 'Content-Type: application/json' \
        -d "{\"ownerEmail\": \"owner@bench.example\", \"password\": \"Benchmark42\",
             \"displayName\": \"Benchmark Shop\", \"clientKey\": \"$key\",
             \"allowedOrigins\": [\"$CONCIERGE_URL\"]}" || true)
    [[ $code == 201 ]] || die "$target: sign-up answered $code; see $RESULTS_DIR/$target-signup.json"
    psql_admin -d "$PG_DB" -c "UPDATE tenant SET status = 'ACTIVE' WHERE client_key = '$key'" >/dev/null
    code=$(curl -s -o /dev/null -w '%{http_code}' "$CONCIERGE_URL/api/v1/widget/$key" || true)
    [[ $code == 200 ]] || die "$target: GET /api/v1/widget/$key answered $code after activation"
    # shellcheck disable=SC2034 # read by the scenarios
    CLIENT_KEY=$key
}

# start_nginx TARGET: nginx in the foreground with its own prefix; sets NGINX_PID, NGINX_URL, NGINX_ROOT.
start_nginx() {
    local target=$1 dir="$WORK_DIR/$1-nginx" port
    free_port port
    NGINX_URL="http://127.0.0.1:$port"
    NGINX_ROOT="$dir/html"
    mkdir -p "$NGINX_ROOT" "$dir/logs" "$dir/temp"
    # Workers run as an unprivileged user when the master runs as root: they must be able to read the files.
    chmod a+rx "$WORK_DIR" "$dir" "$NGINX_ROOT"
    cat >"$dir/nginx.conf" <<EOF
# nginx serving the same bytes as Concierge: the yardstick for the same machine in the same run.
daemon off;
worker_processes $NGINX_WORKERS;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events {
    worker_connections 4096;
}
http {
    access_log off;
    default_type application/json;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 75s;
    keepalive_requests 1000000;
    open_file_cache max=100 inactive=60s;
    client_body_temp_path $dir/temp/client_body;
    proxy_temp_path $dir/temp/proxy;
    server {
        listen 127.0.0.1:$port;
        root $NGINX_ROOT;
        location / {
            try_files \$uri =404;
        }
    }
}
EOF
    cp "$dir/nginx.conf" "$RESULTS_DIR/$target-nginx.conf"
    log "$target: starting nginx on $NGINX_URL ($NGINX_WORKERS workers)"
    "$(nginx_bin)" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/logs/error.log" \
        >"$RESULTS_DIR/$target-nginx.log" 2>&1 &
    NGINX_PID=$!
    STARTED_PIDS+=("$NGINX_PID")
    wait_http "$NGINX_URL/" "$NGINX_PID" 10 || {
        cat "$dir/logs/error.log" >>"$RESULTS_DIR/$target-nginx.log" 2>/dev/null || true
        die "$target: nginx did not start; see $RESULTS_DIR/$target-nginx.log"
    }
}

# ---------------------------------------------------------------------------------------------------------------
# Measuring: wrk runs, their figures, medians.

# run_wrk OUTPUT URL [WRK ARGS...]
run_wrk() {
    local out=$1 url=$2
    shift 2
    local pid
    # In the background, so that an interruption stops the run at once rather than after DURATION.
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$out" 2>&1 &
    pid=$!
    STARTED_PIDS+=("$pid")
    if ! wait "$pid"; then
        forget_pid "$pid"
        die "wrk failed on $url; see $out"
    fi
    forget_pid "$pid"
}

wrk_rps() {
    awk '/^Requests\/sec:/ { print $2 }' "$1"
}

# The 99th percentile of wrk --latency, in milliseconds (wrk prints us, ms, s or m).
wrk_p99_ms() {
    awk '$1 == "99%" {
        v = $2
        if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 }
        else if (v ~ /m$/) { sub(/m$/, "", v); print v * 60000 }
        else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 }
    }' "$1"
}

# Non-2xx/3xx answers plus socket errors: a run with any of them does not measure what it claims to.
wrk_errors() {
    awk '/Non-2xx or 3xx responses:/ { n += $NF }
         /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
         END { print n + 0 }' "$1"
}

median() {
    printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 }
        END { if (NR == 0) print ""; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

calc() {
    awk "BEGIN { printf \"%.4f\n\", $1 }"
}

# bench_rounds SCENARIO GOAL_RATIO_PERCENT GOAL_P99_MS CONCIERGE_URL NGINX_URL [WRK ARGS...]
# A warm-up round, then ROUNDS rounds alternating Concierge and nginx (nginx skipped when NGINX_URL is empty);
# records the medians in rows.tsv.
bench_rounds() {
    local scenario=$1 goal_ratio=$2 goal_p99=$3 c_url=$4 n_url=$5
    shift 5
    local round label c_out n_out c_rps c_p99 n_rps n_p99 errors=0 line
    local all_c_rps=() all_c_p99=() all_n_rps=() all_n_p99=() all_ratio=()
    for ((round = 0; round <= ROUNDS; round++)); do
        if ((round == 0)); then label=warmup; else label="round$round"; fi
        c_out="$RESULTS_DIR/$TARGET-$scenario-concierge-$label.txt"
        n_out="$RESULTS_DIR/$TARGET-$scenario-nginx-$label.txt"
        run_wrk "$c_out" "$c_url" "$@"
        c_rps=$(wrk_rps "$c_out")
        c_p99=$(wrk_p99_ms "$c_out")
        [[ -n $c_rps && -n $c_p99 ]] || die "could not read requests/s and p99 from $c_out"
        line="$TARGET $scenario $label: Concierge $c_rps req/s, p99 $c_p99 ms"
        if [[ -n $n_url ]]; then
            run_wrk "$n_out" "$n_url" "$@"
            n_rps=$(wrk_rps "$n_out")
            n_p99=$(wrk_p99_ms "$n_out")
            [[ -n $n_rps && -n $n_p99 ]] || die "could not read requests/s and p99 from $n_out"
            line+=" | nginx $n_rps req/s, p99 $n_p99 ms"
        fi
        log "$line"
        ((round == 0)) && continue
        errors=$((errors + $(wrk_errors "$c_out")))
        all_c_rps+=("$c_rps")
        all_c_p99+=("$c_p99")
        if [[ -n $n_url ]]; then
            errors=$((errors + $(wrk_errors "$n_out")))
            all_n_rps+=("$n_rps")
            all_n_p99+=("$n_p99")
            all_ratio+=("$(calc "$c_rps / $n_rps")")
        fi
    done
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$TARGET" "$scenario" \
        "$(median "${all_c_rps[@]}")" "$(median "${all_n_rps[@]}")" "$(median "${all_ratio[@]}")" \
        "$(median "${all_c_p99[@]}")" "$(median "${all_n_p99[@]}")" "$goal_ratio" "$goal_p99" "$errors" \
        >>"$RESULTS_DIR/rows.tsv"
    ((errors == 0)) || log "$TARGET $scenario: $errors failed requests or socket errors; see the raw outputs"
}

# --- The two helpers a scenario calls ----------------------------------------------------------------------------

# compare_with_nginx SCENARIO PATH GOAL_RATIO_PERCENT GOAL_P99_MS [WRK ARGS...]
# GET PATH from Concierge and, from nginx, the very bytes Concierge answered, saved once as a static file.
compare_with_nginx() {
    local scenario=$1 path=$2 goal_ratio=$3 goal_p99=$4
    shift 4
    [[ $path == /* && $path != *[?#]* ]] || die "compare_with_nginx needs a plain absolute path, not '$path'"
    local file="$NGINX_ROOT$path"
    mkdir -p "$(dirname "$file")"
    curl -fsS -o "$file" "$CONCIERGE_URL$path" || die "$TARGET: GET $path failed on Concierge"
    chmod -R a+rX "$NGINX_ROOT"
    cp "$file" "$RESULTS_DIR/$TARGET-$scenario.body"
    curl -fsS "$NGINX_URL$path" | cmp -s - "$file" || die "$TARGET: nginx does not serve the same bytes for $path"
    log "$TARGET $scenario: GET $path, $(wc -c <"$file") bytes, against nginx serving the same bytes"
    bench_rounds "$scenario" "$goal_ratio" "$goal_p99" "$CONCIERGE_URL$path" "$NGINX_URL$path" "$@"
}

# measure_concierge SCENARIO PATH GOAL_P99_MS [WRK ARGS...]
# Concierge alone, for requests nginx cannot stand in for (pass e.g. -s scenario.lua for a POST with a body).
measure_concierge() {
    local scenario=$1 path=$2 goal_p99=$3
    shift 3
    log "$TARGET $scenario: $path on Concierge alone"
    bench_rounds "$scenario" "" "$goal_p99" "$CONCIERGE_URL$path" "" "$@"
}

# --- Latency under a background load -----------------------------------------------------------------------------

# The background load starts this long before the measured wrk, so that it is in full swing, and ends a second after.
LOAD_LEAD_SECONDS=2
# A pause before each measurement at rest, for the work a previous load left queued to drain.
LOAD_QUIET_SECONDS=3
# wrk's --timeout for the load: requests that wait for a busy resource are answers too, not timeouts.
LOAD_TIMEOUT=10s
# The warm-up round's measurement at rest lasts this many times DURATION.
LOAD_WARMUP_TIMES=3

# duration_seconds DURATION: wrk's 10s, 1m, 1h or 30 in seconds.
duration_seconds() {
    case $1 in
        *s) echo "${1%s}" ;;
        *m) echo $((${1%m} * 60)) ;;
        *h) echo $((${1%h} * 3600)) ;;
        *) echo "$1" ;;
    esac
}

# cpu_ticks PID: the user and system CPU time PID has used so far, in clock ticks; 0 when it is gone.
cpu_ticks() {
    { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null; } || echo 0
}

# machine_ticks: the whole machine's busy and total CPU time so far, in clock ticks.
machine_ticks() {
    awk '$1 == "cpu" { t = 0; for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, t }' /proc/stat
}

# Socket errors of a wrk output (connect, read, write, timeout): the non-2xx answers of a load are expected.
wrk_socket_errors() {
    awk '/Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$1"
}

# wrk's default --timeout, which the measured GETs run with, in milliseconds.
WRK_TIMEOUT_MS=2000

# The p99 in milliseconds, bounded: wrk's latency distribution leaves out requests that timed out, so when at least
# 1 % of the requests timed out, or none was answered at all, the p99 is at least the timeout, and that is what this
# prints, followed by " bounded" (and " silent" when nothing was answered).
wrk_p99_bounded_ms() {
    local p99 answered timeouts
    p99=$(wrk_p99_ms "$1")
    answered=$(awk '/ requests in / { print $1 }' "$1")
    timeouts=$(awk '/Socket errors:/ { gsub(/,/, ""); print $10 }' "$1")
    if [[ ${answered:-0} == 0 ]]; then
        echo "$WRK_TIMEOUT_MS bounded silent"
    elif ((${timeouts:-0} * 100 >= answered + ${timeouts:-0})); then
        echo "$WRK_TIMEOUT_MS bounded"
    else
        echo "$p99"
    fi
}

# measure_under_load SCENARIO PATH GOAL_TIMES LOAD_CONNECTIONS LOAD_PATH [LOAD WRK ARGS...]
# The p99 of GET PATH with the usual wrk parameters, first at rest, then while a second wrk with LOAD_CONNECTIONS
# connections runs against LOAD_PATH (a POST: pass its script with -s), in a warm-up round and ROUNDS counted rounds;
# records the medians in load.tsv, with the goal that p99 under load / p99 at rest is at most GOAL_TIMES. A line
# "Statuses: 401=3 429=120 ..." that the load's script prints in done() goes into the table, summed over the rounds.
measure_under_load() {
    local scenario=$1 path=$2 goal=$3 load_conn=$4 load_path=$5
    shift 5
    ((load_conn >= THREADS)) || die "$scenario: the load needs at least THREADS ($THREADS) connections"
    local url="$CONCIERGE_URL$path" load_url="$CONCIERGE_URL$load_path" load_seconds round label
    local rest_errors=0 under_errors=0 seconds bounded=0 silent=0 flags
    local rest_out under_out load_out load_pid rest_p99 under_p99 rest_rps under_rps load_rps line hz
    local jvm0 jvm1 wrk0 wrk1 busy0 total0 busy1 total1 window cores jvm_cpu wrk_cpu machine_cpu
    local statuses="" load_errors=0
    local all_rest_p99=() all_under_p99=() all_ratio=() all_rest_rps=() all_under_rps=() all_load_rps=()
    local all_jvm=() all_wrk=() all_machine=()
    seconds=$(duration_seconds "$DURATION")
    load_seconds=$((LOAD_LEAD_SECONDS + seconds + 1))
    hz=$(getconf CLK_TCK)
    cores=$(nproc)
    log "$TARGET $scenario: GET $path at rest, then under $load_conn connections on $load_path"
    for ((round = 0; round <= ROUNDS; round++)); do
        if ((round == 0)); then label=warmup; else label="round$round"; fi
        rest_out="$RESULTS_DIR/$TARGET-$scenario-rest-$label.txt"
        under_out="$RESULTS_DIR/$TARGET-$scenario-underload-$label.txt"
        load_out="$RESULTS_DIR/$TARGET-$scenario-load-$label.txt"
        sleep "$LOAD_QUIET_SECONDS"
        if ((round == 0)); then
            # A scenario of its own server meets a cold JVM: warm the measured GET up longer than one DURATION.
            DURATION="$((LOAD_WARMUP_TIMES * seconds))s" run_wrk "$rest_out" "$url"
        else
            run_wrk "$rest_out" "$url"
        fi
        wrk -t"$THREADS" -c"$load_conn" -d"${load_seconds}s" --timeout "$LOAD_TIMEOUT" "$@" "$load_url" \
            >"$load_out" 2>&1 &
        load_pid=$!
        STARTED_PIDS+=("$load_pid")
        sleep "$LOAD_LEAD_SECONDS"
        alive "$load_pid" || die "the load on $load_url ended early; see $load_out"
        jvm0=$(cpu_ticks "$CONCIERGE_PID")
        wrk0=$(cpu_ticks "$load_pid")
        read -r busy0 total0 < <(machine_ticks)
        run_wrk "$under_out" "$url"
        jvm1=$(cpu_ticks "$CONCIERGE_PID")
        wrk1=$(cpu_ticks "$load_pid")
        read -r busy1 total1 < <(machine_ticks)
        if ! wait "$load_pid"; then
            forget_pid "$load_pid"
            die "wrk failed on $load_url; see $load_out"
        fi
        forget_pid "$load_pid"
        rest_p99=$(wrk_p99_ms "$rest_out")
        read -r under_p99 flags < <(wrk_p99_bounded_ms "$under_out")
        rest_rps=$(wrk_rps "$rest_out")
        under_rps=$(wrk_rps "$under_out")
        load_rps=$(wrk_rps "$load_out")
        [[ -n $rest_p99 && -n $under_p99 && -n $load_rps ]] ||
            die "could not read the figures from $rest_out, $under_out or $load_out"
        # CPU during the measurement under load, in % of one core; the machine's in % of all its cores.
        window=$((total1 - total0 > 0 ? total1 - total0 : 1))
        jvm_cpu=$(calc "($jvm1 - $jvm0) * 100 * $cores / $window")
        wrk_cpu=$(calc "($wrk1 - $wrk0) * 100 * $cores / $window")
        machine_cpu=$(calc "($busy1 - $busy0) * 100 / $window")
        line="$TARGET $scenario $label: p99 at rest $rest_p99 ms ($rest_rps req/s), under load"
        case $flags in
            *silent*) line+=" ≥ $under_p99 ms (no answer at all)" ;;
            *bounded*) line+=" ≥ $under_p99 ms ($(wrk_errors "$under_out") failed, at least 1 % timed out)" ;;
            *) line+=" $under_p99 ms" ;;
        esac
        line+=" ($under_rps req/s); load $load_rps req/s, $(sed -n 's/^Statuses: //p' "$load_out")"
        line+="; CPU under load: Concierge $(printf '%.0f' "$jvm_cpu") %, load wrk $(printf '%.0f' "$wrk_cpu") %,"
        line+=" machine $(printf '%.0f' "$machine_cpu") % of $cores cores"
        log "$line"
        printf 'CPU during the measurement under load (%s ticks/s): Concierge %s %% of a core, load wrk %s %%, machine %s %% of %s cores\n' \
            "$hz" "$jvm_cpu" "$wrk_cpu" "$machine_cpu" "$cores" >>"$under_out"
        ((round == 0)) && continue
        rest_errors=$((rest_errors + $(wrk_errors "$rest_out")))
        under_errors=$((under_errors + $(wrk_errors "$under_out")))
        [[ $flags == *bounded* ]] && bounded=$((bounded + 1))
        [[ $flags == *silent* ]] && silent=$((silent + 1))
        load_errors=$((load_errors + $(wrk_socket_errors "$load_out")))
        statuses+=" $(sed -n 's/^Statuses: //p' "$load_out")"
        all_rest_p99+=("$rest_p99")
        all_under_p99+=("$under_p99")
        all_ratio+=("$(calc "$under_p99 / $rest_p99")")
        all_rest_rps+=("$rest_rps")
        all_under_rps+=("$under_rps")
        all_load_rps+=("$load_rps")
        all_jvm+=("$jvm_cpu")
        all_wrk+=("$wrk_cpu")
        all_machine+=("$machine_cpu")
    done
    # 401=3 429=120 401=2 ... summed by status.
    # shellcheck disable=SC2086 # split into one status=count a line
    statuses=$(printf '%s\n' $statuses | awk -F= 'NF == 2 { n[$1] += $2 } END { for (s in n) print s "=" n[s] }' |
        sort -n | paste -sd ' ' -)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$TARGET" "$scenario" \
        "$(median "${all_rest_p99[@]}")" "$(median "${all_under_p99[@]}")" "$(median "${all_ratio[@]}")" "$goal" \
        "$(median "${all_rest_rps[@]}")" "$(median "${all_under_rps[@]}")" "$load_conn" "$load_path" \
        "$(median "${all_load_rps[@]}")" "$statuses" "$load_errors" "$rest_errors" \
        "$(median "${all_jvm[@]}")" "$(median "${all_wrk[@]}")" "$(median "${all_machine[@]}")" "$under_errors" \
        "$bounded" "$silent" \
        >>"$RESULTS_DIR/load.tsv"
    ((rest_errors == 0)) ||
        log "$TARGET $scenario: $rest_errors failed requests or socket errors on $path at rest; see the raw outputs"
    ((under_errors == 0)) ||
        log "$TARGET $scenario: $under_errors failed requests or socket errors on $path under load; see the raw outputs"
}

# ---------------------------------------------------------------------------------------------------------------
# One target: start-up, idle memory, the scenarios, memory after load.

# The scenarios that define server_env_NAME run last, each on a Concierge of its own (see run_on_own_server); the
# others share the server whose start-up and memory the second table reports.
run_target() {
    TARGET=$1
    local rss_idle rss_after scenario shared=() own=()
    for scenario in $SCENARIOS; do
        if declare -F "server_env_$scenario" >/dev/null; then own+=("$scenario"); else shared+=("$scenario"); fi
    done
    start_concierge "$TARGET"
    sleep "$SETTLE_SECONDS"
    rss_idle=$(rss_mib "$CONCIERGE_PID")
    log "$TARGET: RSS idle $rss_idle MiB"
    resolve_client_key "$TARGET"
    start_nginx "$TARGET"
    for scenario in "${shared[@]}"; do
        "scenario_$scenario"
    done
    rss_after=$(rss_mib "$CONCIERGE_PID")
    log "$TARGET: RSS after load $rss_after MiB"
    printf '%s\t%s\t%s\t%s\n' "$TARGET" "$READY_MS" "$rss_idle" "$rss_after" >>"$RESULTS_DIR/footprint.tsv"
    for scenario in "${own[@]}"; do
        run_on_own_server "$scenario"
    done
    stop_pid "$NGINX_PID"
    stop_pid "$CONCIERGE_PID"
}

# run_on_own_server SCENARIO: stops the running Concierge and starts a new one on a fresh database, with the
# NAME=VALUE lines that server_env_SCENARIO prints added to its environment, then runs the scenario on it.
run_on_own_server() {
    local scenario=$1 line env_vars=()
    while IFS= read -r line; do
        [[ -z $line ]] && continue
        [[ $line =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || die "server_env_$scenario printed '$line', not NAME=VALUE"
        env_vars+=("$line")
    done < <("server_env_$scenario")
    stop_pid "$CONCIERGE_PID"
    start_concierge "$TARGET" "$scenario" "${env_vars[@]}"
    resolve_client_key "$TARGET"
    "scenario_$scenario"
    printf '%s\t%s\n' "$scenario" "${env_vars[*]}" >>"$RESULTS_DIR/servers.tsv"
}

# ---------------------------------------------------------------------------------------------------------------
# The Markdown table.

# mark VALUE GOAL le|ge: ✓ when the goal is met, ✗ when not.
mark() {
    awk -v v="$1" -v g="$2" -v op="$3" 'BEGIN { ok = (op == "le") ? (v <= g) : (v >= g); print ok ? "✓" : "✗" }'
}

write_table() {
    local out="$RESULTS_DIR/table.md" cores mem_gib commit opts
    cores=$(nproc)
    mem_gib=$(free -g | awk '/^Mem:/ { print $2 }')
    commit=$(git -C "$ROOT_DIR" describe --always --dirty 2>/dev/null || echo unknown)
    opts=${JAVA_OPTS:-none}
    # shellcheck disable=SC2016 # the backquotes are Markdown
    {
        printf '#### Benchmark %s\n\n' "$(date -u +%F)"
        printf 'Machine: %s cores, %s GiB RAM (free -g), wrk and the server on the same cores. ' "$cores" "$mem_gib"
        printf 'Commit %s, JAVA_OPTS: `%s`. ' "$commit" "$opts"
        printf '`wrk -t%s -c%s -d%s --latency`, medians of rounds 1 to %s after a warm-up round, ' \
            "$THREADS" "$CONNECTIONS" "$DURATION" "$ROUNDS"
        printf 'nginx (%s workers) serving the same bytes as the yardstick.\n\n' "$NGINX_WORKERS"
        if [[ -s $RESULTS_DIR/rows.tsv ]]; then
            printf '| Target | Scenario | Concierge req/s | nginx req/s | Concierge / nginx | Concierge p99 | nginx p99 |\n'
            printf '|---|---|---:|---:|---:|---:|---:|\n'
            awk -F '\t' -v conn="$CONNECTIONS" '
                function ms(v) { return sprintf("%.2f ms", v) }
                function ok(v, g, ge) { return ge ? (v >= g ? " ✓" : " ✗") : (v <= g ? " ✓" : " ✗") }
                {
                    if (!($2 in seen)) {
                        seen[$2] = 1
                        printf "| *goal at %s connections* | %s | | | %s | %s | |\n", conn, $2,
                            ($8 == "" ? "" : "≥ " $8 " %"), ($9 == "" ? "" : "≤ " $9 " ms")
                    }
                    ratio = ($5 == "") ? "–" : sprintf($5 < 0.1 ? "%.1f %%" : "%.0f %%", $5 * 100) \
                        ($8 == "" ? "" : ok($5 * 100, $8, 1))
                    printf "| %s | %s | %.0f | %s | %s | %s | %s |\n", $1, $2, $3,
                        ($4 == "" ? "–" : sprintf("%.0f", $4)), ratio,
                        ms($6) ($9 == "" ? "" : ok($6, $9, 0)), ($7 == "" ? "–" : ms($7))
                    if ($10 > 0) errs = errs sprintf("%s %s: %d failed requests or socket errors. ", $1, $2, $10)
                }
                END { if (errs != "") printf "\n**Not valid:** %s\n", errs }' "$RESULTS_DIR/rows.tsv"
        fi
        if [[ -s $RESULTS_DIR/load.tsv ]]; then
            write_load_table
        fi
        printf '\n| Target | Ready | RSS idle | RSS after load |\n'
        printf '|---|---:|---:|---:|\n'
        printf '| *goal* | ≤ %s s | ≤ %s MiB | ≤ %s MiB |\n' "$GOAL_READY_S" "$GOAL_RSS_IDLE_MIB" "$GOAL_RSS_AFTER_MIB"
        local target ready_ms idle after
        while IFS=$'\t' read -r target ready_ms idle after; do
            printf '| %s | %s s %s | %s MiB %s | %s MiB %s |\n' "$target" \
                "$(calc "$ready_ms / 1000" | awk '{ printf "%.2f", $1 }')" \
                "$(mark "$ready_ms" "$((GOAL_READY_S * 1000))" le)" \
                "$idle" "$(mark "$idle" "$GOAL_RSS_IDLE_MIB" le)" \
                "$after" "$(mark "$after" "$GOAL_RSS_AFTER_MIB" le)"
        done <"$RESULTS_DIR/footprint.tsv"
    } >"$out"
}

# The table of the scenarios that measure latency under a background load (measure_under_load).
write_load_table() {
    printf '\nUnder load: p99 of the scenario'"'"'s GET with the same wrk parameters, at rest and then while a second wrk '
    printf '(`-t%s`, the connections shown, the scenario'"'"'s script) runs against Concierge on the same machine; ' "$THREADS"
    printf 'medians of rounds 1 to %s after a warm-up round. Answers: the load'"'"'s statuses summed over those rounds. ' \
        "$ROUNDS"
    printf 'CPU: during the measurement under load, in %% of one core.\n\n'
    printf '| Target | Scenario | Load | p99 at rest | p99 under load | Under load / at rest | req/s at rest → under load '
    printf '| Load req/s | Load answers | CPU: Concierge, load wrk |\n'
    printf '|---|---|---|---:|---:|---:|---:|---:|---|---:|\n'
    # Grouped by scenario, under each scenario's goal; failed requests under load miss the goal, at rest they make
    # the row not valid.
    sort -t $'\t' -s -k2,2 "$RESULTS_DIR/load.tsv" | awk -F '\t' -v rounds="$ROUNDS" -v timeout="$WRK_TIMEOUT_MS" '
        {
            if (!($2 in seen)) {
                seen[$2] = 1
                printf "| *goal* | %s | | | | ≤ %s× | | | | |\n", $2, $6
            }
            answers = $12
            gsub(/ /, ", ", answers)
            gsub(/=/, ": ", answers)
            if ($13 > 0) answers = answers (answers == "" ? "" : ", ") $13 " socket errors"
            under = sprintf("%s%.2f ms", ($19 > 0 && $4 >= timeout ? "≥ " : ""), $4)
            notes = ($18 > 0 ? sprintf("%d failed", $18) : "")
            if ($19 > 0) notes = notes (notes == "" ? "" : ", ") sprintf("%d of %d rounds at the %g s timeout", $19, rounds, timeout / 1000)
            if ($20 > 0) notes = notes sprintf(", %d of them without any answer", $20)
            if (notes != "") under = under " (" notes ")"
            mark = ($5 <= $6 && $18 == 0 && $19 == 0) ? " ✓" : " ✗"
            printf "| %s | %s | %s × `%s` | %.2f ms | %s | %.2f×%s | %.0f → %.0f | %.0f | %s | %.0f %%, %.0f %% |\n",
                $1, $2, $9, $10, $3, under, $5, mark, $7, $8, $11, answers, $15, $16
            if ($14 > 0) errs = errs sprintf("%s %s: %d failed requests or socket errors at rest. ", $1, $2, $14)
        }
        END { if (errs != "") printf "\n**Not valid:** %s\n", errs }'
    if [[ -s $RESULTS_DIR/servers.tsv ]]; then
        printf '\nEach on a Concierge of its own, on a fresh database: '
        awk -F '\t' '!($1 in seen) { seen[$1] = 1; printf "%s%s (%s)", (n++ ? "; " : ""), $1,
            ($2 == "" ? "defaults" : "`" $2 "`") } END { print "." }' "$RESULTS_DIR/servers.tsv"
    fi
}

# ---------------------------------------------------------------------------------------------------------------

main() {
    while (($# > 0)); do
        case $1 in
            --no-build) BUILD=false ;;
            -h | --help)
                usage
                exit 0
                ;;
            *) die "unknown argument '$1' (--no-build, --help)" ;;
        esac
        shift
    done
    check_options
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    load_scenarios
    ensure_tools
    if $BUILD; then
        build_jar
    fi
    [[ -f $JAR ]] || die "no $JAR; run without --no-build"
    WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/concierge-bench.XXXXXX")
    if [[ " $TARGETS " == *" postgres "* ]]; then
        PG_JWT_SECRET=$(head -c 48 /dev/urandom | base64 -w0)
    fi
    RESULTS_DIR="$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$RESULTS_DIR"
    # A copy, so a rebuild while the benchmark runs cannot pull the jar from under the JVM.
    cp "$JAR" "$WORK_DIR/concierge.jar"
    {
        printf 'TARGETS=%s\nSCENARIOS=%s\nDURATION=%s\nROUNDS=%s\nCONNECTIONS=%s\nTHREADS=%s\n' \
            "$TARGETS" "$SCENARIOS" "$DURATION" "$ROUNDS" "$CONNECTIONS" "$THREADS"
        printf 'JAVA_OPTS=%s\nNGINX_WORKERS=%s\n' "$JAVA_OPTS" "$NGINX_WORKERS"
        java -version 2>&1
        wrk --version 2>&1 | head -n 1 || true
        "$(nginx_bin)" -v 2>&1
    } >"$RESULTS_DIR/environment.txt"
    : >"$RESULTS_DIR/rows.tsv"
    : >"$RESULTS_DIR/footprint.tsv"
    : >"$RESULTS_DIR/load.tsv"
    : >"$RESULTS_DIR/servers.tsv"
    log "targets: $TARGETS; scenarios: $SCENARIOS; $ROUNDS rounds of $DURATION at $CONNECTIONS connections"
    local target
    for target in $TARGETS; do
        run_target "$target"
    done
    write_table
    log "results in $RESULTS_DIR"
    printf '\n'
    cat "$RESULTS_DIR/table.md"
}

main "$@"
