#!/usr/bin/env bash
# The chat benchmark: what Concierge adds on top of the language model. A fake OpenAI-compatible provider answers at
# once; the same load is sent to it directly and to Concierge's /chat and /chat/stream (which call it), at 1 and at
# 32 requests in flight, and the differences of the p50 and p99 times are what Concierge adds. Not run by CI.
#
# For /chat/stream it also reports the time from the provider sending its first piece of text to that piece's first
# byte reaching the client (the provider stamps the piece with the machine's monotonic clock).
#
# Usage: bench/chat/run.sh [path to concierge.jar]   (default: target/concierge.jar, from the README's run command)
#        BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench bench/chat/run.sh   (PostgreSQL instead of H2;
#        the database must exist and should be empty)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${1:-target/concierge.jar}
[[ -f $JAR ]] || { echo "no $JAR: build it with the README's run command first" >&2; exit 1; }
PER_WORKER=${PER_WORKER:-200}   # counted requests per worker; WARMUP (default 3000) uncounted ones before, in all
WORK=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PROVIDER_PORT=$(free_port)
PORT=$(free_port)
cleanup() { kill "${PROVIDER_PID:-}" "${SERVER_PID:-}" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

python3 bench/chat/fake_provider.py "$PROVIDER_PORT" & PROVIDER_PID=$!
DATABASE=()
if [[ -n ${BENCH_DATABASE_URL:-} ]]; then
    DATABASE=(DATABASE_URL="$BENCH_DATABASE_URL" FRONTEND_URL="http://127.0.0.1:$PORT" CONCIERGE_DEMO_ENABLED=true
              JWT_SECRET=bench-secret-bench-secret-bench-secret-bench-secret)
fi
env -u DATABASE_URL -u JWT_SECRET -u FRONTEND_URL -u EMAIL_HOST -u LLM_PROVIDER -u ANTHROPIC_API_KEY "${DATABASE[@]}" \
    CONCIERGE_DATA_DIR="$WORK/data" PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
    OPENAI_API_KEY=bench LLM_BASE_URL="http://127.0.0.1:$PROVIDER_PORT/v1" \
    CONCIERGE_CHAT_TENANT_MESSAGES_PER_HOUR=100000000 CONCIERGE_CHAT_DAILY_TOKENS=100000000000 \
    java @bootstrap/jvm.options -jar "$JAR" > "$WORK/server.log" 2>&1 & SERVER_PID=$!
for _ in $(seq 1 200); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null && break
    sleep 0.1
done
ORIGIN="http://127.0.0.1:$PORT"

echo "| In flight | Route | Provider direct p50 / p99 | Through Concierge p50 / p99 | Added p50 / p99 | First token to first byte p50 / p99 | Errors |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for c in 1 32; do
    direct=$(python3 bench/chat/load.py 127.0.0.1 "$PROVIDER_PORT" /v1/chat/completions "$c" "$PER_WORKER" -)
    for route in chat chat/stream; do
        via=$(python3 bench/chat/load.py 127.0.0.1 "$PORT" "/api/v1/widget/demo/$route" "$c" "$PER_WORKER" "$ORIGIN")
        python3 - "$c" "$route" "$direct" "$via" <<'PY'
import json, sys
c, route, direct, via = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
key = "first_byte" if route == "chat/stream" else "total"
what = "first byte" if key == "first_byte" else "whole answer"
d50, d99, v50, v99 = direct[key + "_p50"], direct[key + "_p99"], via[key + "_p50"], via[key + "_p99"]
relay = f"{via['relay_p50']:.2f} / {via['relay_p99']:.2f} ms" if key == "first_byte" else "–"
print(f"| {c} | `/{route}` ({what}) | {d50:.2f} / {d99:.2f} ms | {v50:.2f} / {v99:.2f} ms | "
      f"{v50 - d50:.2f} / {v99 - d99:.2f} ms | {relay} | {via['errors']} |")
PY
    done
done
