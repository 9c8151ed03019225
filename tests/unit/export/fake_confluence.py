"""A stateful fake Confluence (Cloud v2 and Data Center v1) on 127.0.0.1, run in a thread."""

from __future__ import annotations

import base64
import json
import threading
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

WRAPPER = (
    '<ac:confluence xmlns="http://www.w3.org/1999/xhtml" xmlns:ac="http://atlassian.com/content" '
    'xmlns:ri="http://atlassian.com/resource/identifier">{}</ac:confluence>'
)


@dataclass
class FakePage:
    """A page as the fake stores it."""

    id: str
    title: str
    space_key: str
    parent_id: str
    body: str
    version: int = 1
    message: str = ""
    attachments: dict[str, bytes] = field(default_factory=dict)


class FakeConfluence:
    """Serve enough of both Confluence APIs to publish, with scripted failures."""

    def __init__(self, *, token: str, user: str = "ana@example.com", space: str = "OPS") -> None:
        self.token = token
        self.user = user
        self.space_key = space
        self.pages: dict[str, FakePage] = {}
        self.requests: list[tuple[str, str]] = []
        self.scripted: list[tuple[int, dict[str, str]]] = []
        self.anonymous = False
        self.next_id = 1000
        self.lock = threading.Lock()
        handler = self._handler_class()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Return the base URL of the running server."""
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeConfluence:
        """Start serving in a background thread."""
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, status: int, headers: dict[str, str] | None = None) -> None:
        """Answer the next request with ``status`` (429, 401, 503 ...)."""
        self.scripted.append((status, headers or {}))

    def edit_behind_our_back(self, page_id: str) -> None:
        """Simulate a colleague saving the page in Confluence."""
        page = self.pages[page_id]
        page.version += 1
        page.message = "edited in the browser"

    def _authorised(self, header: str) -> bool:
        if header == f"Bearer {self.token}":
            return True
        expected = base64.b64encode(f"{self.user}:{self.token}".encode()).decode()
        return header == f"Basic {expected}"

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return None

            def _send(
                self, status: int, body: Any = None, headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _body(self) -> bytes:
                length = int(self.headers.get("Content-Length", "0"))
                return self.rfile.read(length)

            def _handle(self, method: str) -> None:
                raw = self._body()
                parsed = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(parsed.query))
                with fake.lock:
                    fake.requests.append((method, parsed.path))
                    if fake.scripted:
                        status, headers = fake.scripted.pop(0)
                        self._send(status, {"message": f"scripted {status}"}, headers)
                        return
                    if parsed.path.endswith("/user/current"):
                        if fake.anonymous or not fake._authorised(
                            self.headers.get("Authorization", "")
                        ):
                            self._send(200, {"type": "anonymous"})
                        else:
                            self._send(200, {"type": "known", "displayName": "Ana Test"})
                        return
                    if not fake._authorised(self.headers.get("Authorization", "")):
                        self._send(401, {"message": "Unauthorized"})
                        return
                    status, body = fake.route(method, parsed.path, query, raw, self.headers)
                self._send(status, body)

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

            def do_PUT(self) -> None:
                self._handle("PUT")

        return Handler

    def _describe(self, page: FakePage) -> dict[str, Any]:
        return {
            "id": page.id,
            "title": page.title,
            "version": {"number": page.version, "message": page.message},
        }

    def route(
        self, method: str, path: str, query: dict[str, str], raw: bytes, headers: Any
    ) -> tuple[int, Any]:
        """Answer one authorised request."""
        cloud = path.startswith("/wiki/")
        if path == "/wiki/api/v2/spaces":
            if query.get("keys") == self.space_key:
                return 200, {"results": [{"id": "77", "key": self.space_key}]}
            return 200, {"results": []}
        if path.endswith("/child/attachment"):
            if headers.get("X-Atlassian-Token") != "no-check":
                return 403, {"message": "XSRF check failed"}
            page_id = path.split("/")[-3]
            if page_id not in self.pages:
                return 404, {"message": "No such page"}
            boundary = headers.get("Content-Type").split("boundary=")[1]
            for part in raw.split(f"--{boundary}".encode()):
                if b'name="file"' in part:
                    head, _, content = part.partition(b"\r\n\r\n")
                    name = head.split(b'filename="')[1].split(b'"')[0].decode()
                    self.pages[page_id].attachments[name] = content[: -len(b"\r\n")]
            return 200, {"results": []}
        collection = "/wiki/api/v2/pages" if cloud else "/rest/api/content"
        if path == collection and method == "GET":
            space_ok = query.get("space-id") == "77" or query.get("spaceKey") == self.space_key
            found = [
                self._describe(p)
                for p in self.pages.values()
                if space_ok and p.title == query.get("title")
            ]
            return 200, {"results": found}
        if path == collection and method == "POST":
            payload = json.loads(raw)
            body = payload["body"]["value"] if cloud else payload["body"]["storage"]["value"]
            if not self._valid(body):
                return 400, {"message": "Error parsing xhtml"}
            if any(p.title == payload["title"] for p in self.pages.values()):
                return 400, {"message": "A page with this title already exists"}
            if not cloud and payload["space"]["key"] != self.space_key:
                return 404, {"message": "No space"}
            self.next_id += 1
            page = FakePage(
                id=str(self.next_id),
                title=payload["title"],
                space_key=self.space_key,
                parent_id=payload.get("parentId")
                or (payload.get("ancestors") or [{"id": ""}])[0]["id"],
                body=body,
                message="" if cloud else payload.get("version", {}).get("message", ""),
            )
            self.pages[page.id] = page
            return 200, self._describe(page)
        if path.startswith(collection + "/"):
            page_id = path.rsplit("/", 1)[1]
            page = self.pages.get(page_id)
            if page is None:
                return 404, {"message": "Page not found"}
            if method == "GET":
                return 200, self._describe(page)
            payload = json.loads(raw)
            number = payload["version"]["number"]
            if number != page.version + 1:
                return 409, {"message": f"Version must be {page.version + 1}"}
            body = payload["body"]["value"] if cloud else payload["body"]["storage"]["value"]
            if not self._valid(body):
                return 400, {"message": "Error parsing xhtml"}
            page.version = number
            page.title = payload["title"]
            page.body = body
            page.message = payload["version"].get("message", "")
            return 200, self._describe(page)
        return 404, {"message": f"No route {method} {path}"}

    @staticmethod
    def _valid(body: str) -> bool:
        try:
            ET.fromstring(WRAPPER.format(body))
        except ET.ParseError:
            return False
        return True
