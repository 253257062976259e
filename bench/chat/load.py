#!/usr/bin/env python3
"""Sends chat requests with a fixed number of requests in flight and reports, per request, the time to the first
byte of the answer's body and to its end, as p50 and p99 in milliseconds. Run against the fake provider directly and
against Concierge (which calls the same provider), the difference is what Concierge adds."""
import http.client
import json
import os
import re
import statistics
import sys
import threading
import time
import uuid


def one(host, port, path, body, headers):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    started = time.perf_counter()
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    first = response.read(1)
    first_byte = time.perf_counter()
    first_ns = time.monotonic_ns()
    rest = response.read()
    done = time.perf_counter()
    status = response.status
    connection.close()
    if status != 200 or not first:
        raise RuntimeError(f"status {status}")
    # The provider's first piece says when it left the provider: how long it took to reach this client.
    sent = re.search(rb"#(\d+)#", first + rest)
    relay = (first_ns - int(sent.group(1))) / 1e6 if sent else float("nan")
    return (first_byte - started) * 1000, (done - started) * 1000, relay


def run(host, port, path, concurrency, per_worker, make_body, headers):
    results, errors = [], []
    lock = threading.Lock()

    def worker():
        for _ in range(per_worker):
            try:
                timing = one(host, port, path, make_body(), headers)
                with lock:
                    results.append(timing)
            except Exception as error:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(str(error))

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    host, port, path, concurrency, per_worker, origin = sys.argv[1], int(sys.argv[2]), sys.argv[3], \
        int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
    headers = {"Content-Type": "application/json"}
    if origin != "-":
        headers["Origin"] = origin
    if path.startswith("/v1/"):
        def make_body():
            return json.dumps({"model": "bench", "stream": True, "messages": [
                {"role": "system", "content": "You are a bakery's assistant."},
                {"role": "user", "content": "Do you bake rye bread?"}]})
    else:
        def make_body():
            return json.dumps({"visitorId": "bench-" + uuid.uuid4().hex[:20], "message": "Do you bake rye bread?"})
    # Warm-up, not counted: until the JIT compiler has compiled the hot path, a request costs several times more.
    warmup = int(os.environ.get("WARMUP", "3000"))
    run(host, port, path, concurrency, max(2, warmup // concurrency), make_body, headers)
    results, errors = run(host, port, path, concurrency, per_worker, make_body, headers)
    first = [r[0] for r in results]
    total = [r[1] for r in results]
    relay = [r[2] for r in results]
    print(json.dumps({"requests": len(results), "errors": len(errors),
                      "relay_p50": round(statistics.median(relay), 2), "relay_p99": round(percentile(relay, 99), 2),
                      "first_byte_p50": round(statistics.median(first), 2), "first_byte_p99": round(percentile(first, 99), 2),
                      "total_p50": round(statistics.median(total), 2), "total_p99": round(percentile(total, 99), 2)}))


if __name__ == "__main__":
    main()
