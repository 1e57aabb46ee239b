"""A small HTTP server on 127.0.0.1 for the fetch and watch tests: routes map a path to
a function of the request handler returning ``(status, headers, body)``; every request
is recorded (path and headers)."""
from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Callable, Iterator
from typing import Any

Route = Callable[[http.server.BaseHTTPRequestHandler], "tuple[int, dict[str, str], bytes] | None"]


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route | tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path.split("?")[0])
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
                else:
                    result = route(self) if callable(route) else route
                    if result is None:  # the route wrote its own answer
                        return
                    status, headers, body = result
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


@contextlib.contextmanager
def local_server() -> Iterator[LocalServer]:
    srv = LocalServer()
    t = threading.Thread(target=srv.httpd.serve_forever, daemon=True)
    t.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


def html_page(title: str, paras: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<article><h1>{title}</h1>{body}</article></body></html>").encode("utf-8")


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, path, pubDate) items."""
    xml = "".join(f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid><pubDate>{d}</pubDate>"
                  f"<description>Teaser.</description></item>" for t, p, d in items)
    return (f"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Loopback News</title>"
            f"<link>{base}/</link><description>test</description>{xml}</channel></rss>").encode("utf-8")


ARTICLE_A = ("Armenia accuses Azerbaijan", [
    "Armenia accused Azerbaijan on Tuesday of shelling villages near the border, the foreign ministry in Yerevan said.",
    "The ministry said several houses had been damaged and called on international observers to visit the area.",
    "The European Union urged both sides to respect the ceasefire and to return to negotiations in Brussels."])
ARTICLE_B = ("Blinken calls Aliyev", [
    "US Secretary of State Antony Blinken spoke by phone with Azerbaijani President Ilham Aliyev on Monday.",
    "Blinken expressed concern about the military operation and called for an immediate end to the fighting.",
    "The State Department said the United States supports direct dialogue between Baku and Yerevan."])
ARTICLE_C = ("Russia attacks Kharkiv", [
    "Russian forces attacked the Ukrainian city of Kharkiv with missiles on Wednesday, the regional governor said.",
    "Ukraine's foreign ministry condemned the strike and asked its partners for more air defence systems.",
    "The United Nations called for an independent investigation of the attack on the residential district."])
