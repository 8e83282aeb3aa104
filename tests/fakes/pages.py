"""A tiny real web site on 127.0.0.1 for link cards: path -> (status, headers, body)."""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Page = tuple[int, dict[str, str], bytes]


class PageServer:
    def __init__(self, pages: dict[str, Page]) -> None:
        self.pages = pages
        self.hits: Counter[str] = Counter()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (the http.server name)
                site.hits[self.path] += 1
                status, headers, body = site.pages.get(self.path, (404, {}, b"not here"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def start(self) -> PageServer:
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def html_page(title: str, description: str = "", og_title: str = "", og_image: str = "") -> Page:
    og = f'<meta property="og:title" content="{og_title}">' if og_title else ""
    og += f'<meta property="og:image" content="{og_image}">' if og_image else ""
    meta = f'<meta name="description" content="{description}">' if description else ""
    body = f"<html><head><title>{title}</title>{og}{meta}</head><body>…</body></html>"
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode("utf-8")
