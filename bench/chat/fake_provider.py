#!/usr/bin/env python3
"""A language model that answers at once: an OpenAI-compatible Chat Completions endpoint that streams a short answer
(three text pieces, the usage, [DONE]) as fast as it can. It stands in for the provider, so that what the chat
benchmark measures is the time Concierge adds, not a model's. The first piece of text carries the moment it was sent
(the machine's monotonic clock, in nanoseconds, as "#<ns>#"), so a client on the same machine can tell how long the
piece took from this provider through Concierge to it."""
import json
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def chunk(delta, finish=None):
    return {"id": "bench", "object": "chat.completion.chunk", "created": 1, "model": "bench",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


REST = [chunk({"content": ", how can"}), chunk({"content": " I help?"}), chunk({}, "stop"),
        {"id": "bench", "object": "chat.completion.chunk", "created": 1, "model": "bench", "choices": [],
         "usage": {"prompt_tokens": 20, "completion_tokens": 5, "total_tokens": 25}}]
TAIL = b"".join(b"data: " + json.dumps(p).encode() + b"\n\n" for p in REST) + b"data: [DONE]\n\n"


def response():
    """Head and body in one write: a provider that wrote them apart would meet the client's delayed acknowledgement
    (tens of milliseconds), which would be measured as if Concierge had added it."""
    first = chunk({"role": "assistant", "content": "Hello #%d#" % time.monotonic_ns()})
    body = b"data: " + json.dumps(first).encode() + b"\n\n" + TAIL
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: " + str(len(body)).encode() \
        + b"\r\n\r\n" + body


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.wfile.write(response())

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    request_queue_size = 256
    daemon_threads = True

    def get_request(self):
        connection, address = super().get_request()
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection, address


if __name__ == "__main__":
    Server(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
