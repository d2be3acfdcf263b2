"""A small HTTP API for editorial tools: POST an article, get its report.

Standard library only (http.server): a newsroom plugs it behind its own proxy.

    POST /check?date=2020-04-20&lang=fr&format=json   body: the article text (UTF-8)
    POST /check   Content-Type: application/json   {"text": "...", "date": "...", "language": "..."}
    GET  /health
Answers 200 with the report (json, html, markdown or text), 400 with {"error": "..."}
for bad input.
"""
from __future__ import annotations

import json
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from . import document, lexicon
from .checks import Rates, check_document
from .errors import InputError
from .render import render
from .rules import Rule

MAX_BODY = 5_000_000
CONTENT_TYPES = {"json": "application/json", "html": "text/html", "markdown": "text/markdown", "text": "text/plain"}


def make_server(host: str, port: int, rules: tuple[Rule, ...], rates: Rates) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        server_version = "factcheck"

        def _send(self, status: int, body: str, ctype: str) -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", f"{ctype}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _error(self, status: int, message: str) -> None:
            self._send(status, json.dumps({"error": message}, ensure_ascii=False), "application/json")

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if urlparse(self.path).path == "/health":
                self._send(200, json.dumps({"status": "ok", "languages": list(lexicon.languages())}), "application/json")
            else:
                self._error(HTTPStatus.NOT_FOUND, "not found: POST /check or GET /health")

        def do_POST(self) -> None:  # noqa: N802
            url = urlparse(self.path)
            if url.path != "/check":
                self._error(HTTPStatus.NOT_FOUND, "not found: POST /check")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length <= 0 or length > MAX_BODY:
                self._error(HTTPStatus.BAD_REQUEST, f"body must hold an article of 1 to {MAX_BODY} bytes")
                return
            raw = self.rfile.read(length)
            params = {k: v[-1] for k, v in parse_qs(url.query).items()}
            try:
                text = raw.decode("utf-8")
                if (self.headers.get("Content-Type") or "").startswith("application/json"):
                    payload = json.loads(text)
                    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
                        raise InputError("JSON body must be an object with a 'text' string")
                    text = payload["text"]
                    params.update({k: str(v) for k, v in payload.items() if k in ("date", "language", "lang", "format") and v})
                fmt = params.get("format", "json")
                if fmt not in CONTENT_TYPES:
                    raise InputError(f"format: unknown '{fmt}' (json, html, markdown, text)")
                lang = params.get("language") or params.get("lang")
                if lang and lang not in lexicon.languages():
                    raise InputError(f"language: unknown '{lang}'")
                when = document.parse_date(params["date"], "date") if params.get("date") else None
                if not text.strip():
                    raise InputError("empty article")
                doc = document.build("request", text, date=when, date_source="request" if when else None, language=lang)
                report = check_document(doc, rules, rates)
                body = render(report, fmt, console_width=100, color=False)
            except UnicodeDecodeError:
                self._error(HTTPStatus.BAD_REQUEST, "body is not UTF-8 text")
                return
            except json.JSONDecodeError as e:
                self._error(HTTPStatus.BAD_REQUEST, f"invalid JSON: {e.msg} at line {e.lineno}")
                return
            except InputError as e:
                self._error(HTTPStatus.BAD_REQUEST, str(e))
                return
            self._send(200, body, CONTENT_TYPES[fmt])

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
            pass

    return ThreadingHTTPServer((host, port), Handler)
