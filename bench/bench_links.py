"""Checking a week's links: 8 parallel workers vs. one after the other, and a cached rerun.

    .venv/bin/python bench/bench_links.py [urls] [delay_ms]

A local HTTP server on 127.0.0.1 answers every request after ``delay_ms`` (a real site
takes 50-300 ms). The same distinct URLs are checked with workers=1 and workers=8 (cache
off), then again with the cache warm, in one run. The ratios are what the Links report
and the queue gain from the thread pool and the 15-minute cache.
"""

from __future__ import annotations

import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from assistant.compliance.links import check_links, clear_link_cache
from assistant.config import load_settings


def serve(delay: float) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_HEAD(self) -> None:
            time.sleep(delay)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def timed(urls: list[str], **kw: Any) -> float:
    settings = load_settings(links_allow_private=True)
    started = time.perf_counter()
    results = check_links(urls, settings=settings, **kw)
    assert all(r.status == "ok" for r in results), [r.message for r in results if not r.ok]
    return time.perf_counter() - started


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 24
    delay = (int(sys.argv[2]) if len(sys.argv) > 2 else 100) / 1000
    httpd, base = serve(delay)
    urls = [f"{base}/post/{n}?utm_source=bench" for n in range(count)]
    serial = timed(urls, workers=1, use_cache=False)
    parallel = timed(urls, workers=8, use_cache=False)
    clear_link_cache()
    timed(urls, workers=8)
    cached = timed(urls, workers=8)
    httpd.shutdown()
    print(f"{count} links, server delay {delay * 1000:.0f} ms")
    print(f"one after the other: {serial * 1000:8.1f} ms")
    print(f"8 workers:           {parallel * 1000:8.1f} ms   ({serial / parallel:.1f}x faster)")
    print(f"cached rerun:        {cached * 1000:8.1f} ms   ({parallel / cached:.0f}x faster "
          "than checking)")


if __name__ == "__main__":
    main()
