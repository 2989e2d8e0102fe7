#!/usr/bin/env python3
"""Hostile and heavy traffic against a real `cohesion serve` on 127.0.0.1.

Usage: hostile_requests.py COHESION_BINARY EXAMPLE_DATA_DIR

Each check starts its own server on a free loopback port and sends what an attacker or a
careless client would: invalid UTF-8, slowloris trickles and idle keep-alive connections
by the hundred, expensive requests abandoned by their clients, a full queue, a deadline,
DNS-rebinding Host headers, SIGTERM under load. Every loop is bounded in count and time
and all traffic goes to 127.0.0.1 only. Prints one line per check and a closing
"N passed, M failed" line; exits non-zero on any failure.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

BINARY, DATA = sys.argv[1], os.path.abspath(sys.argv[2])
TABLE = f"{DATA}/bedford/oa2011_ethnicity.csv"
POLYGONS = f"{DATA}/bedford/oa2011.geojson"
LATENCY_LIMIT = 0.100  # seconds: the acceptance for /api/health and cached /api/indices
HEAVY = "/api/indices?dataset=bedford&bootstrap=1000&seed={}"  # tens of seconds each on Bedford


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, *extra):
        self.port = free_port()
        self.log = open(os.devnull, "w")
        self.proc = subprocess.Popen(
            [BINARY, "serve", "--port", str(self.port), "--dataset", f"bedford={TABLE}@{POLYGONS}", *extra],
            stdout=self.log, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                if self.get("/api/health")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("server did not start: " + self.proc.stderr.read())

    def raw(self, data, timeout=30.0):
        """Sends raw bytes on a new connection; returns (status, headers, body)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(data)
            return read_response(s)

    def get(self, target, headers=None, timeout=30.0):
        lines = [f"GET {target} HTTP/1.1", "Connection: close"]
        if "Host" not in (headers or {}):
            lines.append("Host: 127.0.0.1")
        for k, v in (headers or {}).items():
            lines.append(f"{k}: {v}")
        return self.raw(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"), timeout)

    def timed_get(self, target):
        start = time.perf_counter()
        status, _, body = self.get(target, timeout=5)
        return time.perf_counter() - start, status, body

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def read_response(s):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed before a response")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, headers, body


results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(f"{'ok' if condition else 'FAILED'}: {name}{'' if condition else ' — ' + str(detail)}", flush=True)


def is_json_error(body):
    try:
        return "error" in json.loads(body)
    except ValueError:
        return False


def invalid_input():
    server = Server("--token", "s3cret")
    try:
        for target in ["/%ff", "/api/%ff", "/api/indices?dataset=%ff", "/api/indices?dataset=bedford&group=%c3%28",
                       "/api/indices?dataset=bedford&group=a%00b", "/%"]:
            status, _, body = server.get(target, {"Authorization": "Bearer s3cret"})
            check(f"{target} is a 400 JSON error", status == 400 and is_json_error(body), (status, body[:200]))
        status, _, body = server.raw(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Name: \xff\xfe\r\n"
                                     b"Connection: close\r\n\r\n")
        check("a header with invalid UTF-8 is a 400 JSON error", status == 400 and is_json_error(body), (status, body))
        status, _, body = server.raw(b"NONSENSE\r\n\r\n")
        check("a malformed request line is a 400", status == 400, status)
        check("the server is still running after invalid input", server.alive())
    finally:
        server.stop()


def strict_parameters():
    server = Server()
    try:
        for target, parameter in [("/api/indices?dataset=bedford&bootstrap=%2B5", "bootstrap"),
                                  ("/api/indices?dataset=bedford&bootstrap=+5", "bootstrap"),
                                  ("/api/indices?dataset=bedford&bootstrap=5%20", "bootstrap"),
                                  ("/api/indices?dataset=bedford&seed=99999999999999999999999", "seed"),
                                  ("/api/indices?dataset=bedford&seed=1&seed=1", "seed"),
                                  ("/api/indices?dataset=bedford&confidence=nan", "confidence"),
                                  ("/api/hotspots?dataset=bedford&group=Pakistani&alpha=1e999", "alpha")]:
            status, _, body = server.get(target)
            check(f"{target} is a 400 naming '{parameter}'",
                  status == 400 and parameter in json.loads(body).get("error", ""), (status, body[:200]))
        for target in ["/api/indices?dataset=bedford&group=Nobody", "/api/indices?dataset=bedford&index=nonsense",
                       "/api/indices?dataset=bedford&versus=Nobody", "/api/local?dataset=bedford&index=nonsense"]:
            status, _, body = server.get(target)
            text = body.decode()
            check(f"{target}: the error names the dataset, never a server path",
                  status == 400 and DATA not in text and "/bedford/" not in text and ".csv" not in text, text[:300])
        for target in ["/api/areas?dataset=bedford", "/api/datasets", "/api/local?dataset=bedford"]:
            status, _, body = server.get(target)
            check(f"{target}: notes name files, never server folders", status == 200 and DATA not in body.decode(),
                  body[:300])
        status, _, body = server.raw(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n"
                                     b"Connection: close\r\n\r\n")
        check("two Host headers are a 400", status == 400, (status, body))
        status, _, body = server.get("/api/health", {"Host": "evil.example:8080"})
        check("an unknown Host without --token is refused (DNS rebinding)", status == 403, (status, body))
        status, _, _ = server.get("/api/health", {"Host": "localhost:8080"})
        check("Host: localhost is answered", status == 200, status)
    finally:
        server.stop()
    server = Server("--allow-host", "cohesion.example")
    try:
        status, _, _ = server.get("/api/health", {"Host": "cohesion.example"})
        check("--allow-host adds a name", status == 200, status)
    finally:
        server.stop()


def slow_and_idle_clients():
    server = Server("--request-timeout", "8", "--max-per-address", "2000")
    sockets = []
    stop = threading.Event()
    try:
        server.get("/api/indices?dataset=bedford&index=dissimilarity&group=Pakistani")  # cached from now on
        for _ in range(256):  # slowloris: a header trickling in, a byte at a time
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            sockets.append(("slow", s))
        for _ in range(256):  # idle keep-alive: one answered request, then silence
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            read_response(s)
            sockets.append(("idle", s))

        def trickle():
            while not stop.is_set():
                for kind, s in sockets:
                    if kind == "slow":
                        try:
                            s.send(b"a")
                        except OSError:
                            pass
                stop.wait(1.0)

        t = threading.Thread(target=trickle, daemon=True)
        t.start()
        latencies = {"health": [], "indices": []}
        for _ in range(20):
            latencies["health"].append(server.timed_get("/api/health")[0])
            latencies["indices"].append(
                server.timed_get("/api/indices?dataset=bedford&index=dissimilarity&group=Pakistani")[0])
        for name, values in latencies.items():
            values.sort()
            check(f"with 256 slowloris + 256 idle connections, /api/{name} answers in <= 100 ms "
                  f"(median {values[10] * 1000:.1f} ms, worst {values[-1] * 1000:.1f} ms)",
                  values[-2] <= LATENCY_LIMIT, values)
        time.sleep(9)  # past the 8 s request deadline: the trickles must have been cut off
        cut = 0
        for kind, s in sockets:
            if kind != "slow":
                continue
            try:
                s.settimeout(0.5)
                cut += s.recv(1) == b""  # EOF: the server closed it
            except socket.timeout:
                pass  # still open
            except OSError:
                cut += 1  # reset: closed too
        check("slowloris connections are closed at the whole-request deadline", cut >= 250, cut)
    finally:
        stop.set()
        for _, s in sockets:
            s.close()
        server.stop()


def send_heavy(server, seeds):
    """Opens one connection per seed, each sending a distinct expensive request."""
    sockets = []
    for k in seeds:
        s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        s.sendall(f"GET {HEAVY.format(k)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        sockets.append(s)
    return sockets


def health_counts(server):
    _, _, body = server.get("/api/health", timeout=5)
    return json.loads(body).get("work", {})


def abandoned_and_bounded_work():
    server = Server("--queue", "4", "--timeout", "300")
    try:
        started = send_heavy(server, range(16))  # expensive requests whose clients give up at once
        time.sleep(0.3)
        statuses = []
        for s in started:  # the ones refused already got their 503
            s.settimeout(0.05)
            try:
                statuses.append(read_response(s)[0])
            except (socket.timeout, ConnectionError, OSError):
                statuses.append(None)
            s.close()
        refused = [st for st in statuses if st == 503]
        check("a full heavy queue answers 503 at once", len(refused) >= 10, statuses)
        slowest = 0.0
        freed = False
        deadline = time.time() + 10
        while time.time() < deadline:
            start = time.perf_counter()
            counts = health_counts(server)
            slowest = max(slowest, time.perf_counter() - start)
            if counts.get("heavy_running", 1) == 0 and counts.get("heavy_queued", 1) == 0:
                freed = True
                break
            time.sleep(0.1)
        check("abandoned expensive requests are cancelled (workers free within 10 s)", freed, health_counts(server))
        check(f"/api/health stays fast meanwhile (worst {slowest * 1000:.1f} ms)", slowest <= LATENCY_LIMIT, slowest)
        # A queue of 4 plus one running: the 6th distinct heavy request is refused with Retry-After.
        holders = send_heavy(server, range(100, 106))
        time.sleep(0.3)
        answers = []
        for s in holders:
            s.settimeout(0.2)
            try:
                answers.append(read_response(s)[:2])
            except OSError:
                pass  # queued or running: no answer yet
        refusals = [a for a in answers if a[0] == 503]
        # One is refused, or two when the worker had not yet taken the first off the queue.
        check("refusals carry Retry-After", 1 <= len(refusals) <= 2 and all("retry-after" in r[1] for r in refusals),
              answers)
        for s in holders:
            s.close()
    finally:
        server.stop()


def deadline_and_shutdown():
    server = Server("--timeout", "1")
    try:
        start = time.time()
        status, headers, body = server.get(HEAVY.format(7), timeout=20)
        took = time.time() - start
        check(f"a computation past --timeout is stopped with 503 ({took:.1f} s)", status == 503 and took < 5,
              (status, took, body[:200]))
    finally:
        server.stop()
    server = Server()
    try:
        sockets = send_heavy(server, range(200, 204))
        time.sleep(0.5)
        start = time.time()
        server.proc.send_signal(signal.SIGTERM)
        try:
            server.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        took = time.time() - start
        check(f"SIGTERM under load: exits within 5 s ({took:.1f} s)", not server.alive(), took)
        for s in sockets:
            s.close()
    finally:
        server.stop()


def main():
    for section in (invalid_input, strict_parameters, slow_and_idle_clients, abandoned_and_bounded_work,
                    deadline_and_shutdown):
        try:
            section()
        except Exception as e:  # a crash of the check itself is a failure, not a pass
            check(f"{section.__name__} ran to the end", False, repr(e))
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
