"""Talk to Confluence Cloud (v2 pages API) and Data Center / Server (v1 content API) with urllib.

Cloud uses e-mail + API token (basic auth), Data Center a personal access token (Bearer). Error
messages say what went wrong and what to do, and never contain the token.
"""

from __future__ import annotations

import base64
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any

from postmortem_desk import APP_NAME, __version__
from postmortem_desk.export.errors import (
    ConfluenceAuthError,
    ConfluenceConflictError,
    ConfluenceError,
    ConfluenceNotFoundError,
    ConfluencePermissionError,
    ConfluenceRateLimitedError,
    ConfluenceUnreachableError,
)

log = logging.getLogger(__name__)


class Flavour(StrEnum):
    """Which Confluence the server is."""

    CLOUD = "cloud"
    DATA_CENTER = "datacenter"

    @property
    def label(self) -> str:
        """Name the flavour as the settings dialog shows it."""
        return "Confluence Cloud" if self is Flavour.CLOUD else "Confluence Data Center / Server"


@dataclass(frozen=True)
class ConfluenceTarget:
    """Where to publish: server, space, parent page and account (never the token)."""

    base_url: str
    space_key: str
    parent_id: str = ""
    user: str = ""
    flavour: Flavour | None = None

    @property
    def resolved_flavour(self) -> Flavour:
        """Return the flavour, guessing Cloud for ``*.atlassian.net`` when none is set."""
        if self.flavour is not None:
            return self.flavour
        host = urllib.parse.urlsplit(self.base_url).hostname or ""
        return Flavour.CLOUD if host.endswith(".atlassian.net") else Flavour.DATA_CENTER

    @property
    def normalised_url(self) -> str:
        """Return the base URL without a trailing slash (and without ``/wiki`` on Cloud)."""
        url = self.base_url.strip().rstrip("/")
        if self.resolved_flavour is Flavour.CLOUD and url.endswith("/wiki"):
            url = url[: -len("/wiki")]
        return url

    @classmethod
    def from_settings(cls, value: dict[str, Any]) -> ConfluenceTarget:
        """Build a target from the ``confluence`` setting."""
        flavour = str(value.get("flavour") or "")
        return cls(
            base_url=str(value.get("base_url") or ""),
            space_key=str(value.get("space_key") or ""),
            parent_id=str(value.get("parent_id") or ""),
            user=str(value.get("user") or ""),
            flavour=Flavour(flavour) if flavour in Flavour._value2member_map_ else None,
        )

    def to_settings(self) -> dict[str, str]:
        """Return the ``confluence`` setting for this target."""
        return {
            "base_url": self.base_url,
            "space_key": self.space_key,
            "parent_id": self.parent_id,
            "user": self.user,
            "flavour": self.flavour.value if self.flavour else "",
        }

    def check(self) -> None:
        """Refuse a target that cannot work, naming the missing setting."""
        parts = urllib.parse.urlsplit(self.base_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfluenceError(
                f"The Confluence URL {self.base_url!r} is not a web address. "
                "Enter it like https://example.atlassian.net in the Confluence settings."
            )
        if not self.space_key.strip():
            raise ConfluenceError("Choose the Confluence space key in the Confluence settings.")
        if self.resolved_flavour is Flavour.CLOUD and not self.user.strip():
            raise ConfluenceError(
                "Confluence Cloud needs the account's e-mail address with the API token. "
                "Enter it in the Confluence settings."
            )


@dataclass(frozen=True)
class PageRef:
    """A page as the server last described it."""

    page_id: str
    version: int
    title: str = ""
    message: str = ""


@dataclass
class _Response:
    status: int
    body: Any
    headers: dict[str, str]


def new_job_key() -> str:
    """Return a fresh key that marks one publish, so a retry can tell it already happened."""
    return uuid.uuid4().hex


def version_message(job_key: str) -> str:
    """Return the page-version message that carries a publish's key."""
    return f"Published by {APP_NAME} ({job_key})"


class ConfluenceClient:
    """A small, blocking Confluence client; run it off the GUI thread."""

    def __init__(
        self,
        target: ConfluenceTarget,
        token: str,
        *,
        timeout: float = 20.0,
        max_retries: int = 4,
        max_wait: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        target.check()
        if not token:
            raise ConfluenceAuthError(
                f"No token is stored for {target.normalised_url}. Enter it in the Confluence "
                "settings, or set POSTMORTEM_DESK_CONFLUENCE_TOKEN for scripts."
            )
        self.target = target
        self.flavour = target.resolved_flavour
        self.root = target.normalised_url
        self._token = token
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_wait = max_wait
        self.sleep = sleep
        self._space_id: str | None = None

    def __repr__(self) -> str:
        return f"ConfluenceClient({self.root!r}, {self.flavour.value})"

    # --- transport ------------------------------------------------------------------------

    def _auth_header(self) -> str:
        if self.flavour is Flavour.CLOUD:
            pair = f"{self.target.user.strip()}:{self._token}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        return f"Bearer {self._token}"

    def _scrub(self, text: str) -> str:
        """Remove the token (and its basic-auth form) from text a server sent back."""
        for secret in (self._token, self._auth_header().split(" ", 1)[1]):
            if secret:
                text = text.replace(secret, "[hidden]")
        return text[:300]

    def _request(
        self,
        method: str,
        path: str,
        *,
        what: str,
        query: dict[str, str] | None = None,
        payload: Any = None,
        data: bytes | None = None,
        content_type: str | None = None,
        expect_conflict: bool = False,
    ) -> _Response:
        url = self.root + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        headers = {
            "Authorization": self._auth_header(),
            "Accept": "application/json",
            "User-Agent": f"{APP_NAME}/{__version__}",
        }
        if payload is not None:
            data = json.dumps(payload).encode("utf-8")
            content_type = "application/json; charset=utf-8"
        if content_type:
            headers["Content-Type"] = content_type
        if path.endswith("/child/attachment"):
            headers["X-Atlassian-Token"] = "no-check"
        for attempt in range(self.max_retries + 1):
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    raw = response.read()
                    return _Response(response.status, _json(raw), dict(response.headers))
            except urllib.error.HTTPError as error:
                raw = error.read()
                status = error.code
                if status in (429, 503):
                    if attempt == self.max_retries:
                        break
                    wait = self._retry_after(error.headers.get("Retry-After"), attempt)
                    log.info("Confluence asked to wait %.1f s before %s.", wait, what)
                    self.sleep(wait)
                    continue
                if status == 409 and expect_conflict:
                    return _Response(status, _json(raw), dict(error.headers))
                raise self._error(status, _json(raw), what) from None
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
                reason = getattr(error, "reason", error)
                raise ConfluenceUnreachableError(
                    f"Cannot reach Confluence at {self.root} while {what} "
                    f"({self._scrub(str(reason))}). Check the address and your network; "
                    "publishing waits in the outbox and is sent when the server answers."
                ) from None
        raise ConfluenceRateLimitedError(
            f"Confluence at {self.root} kept asking to slow down while {what}. "
            "Try again in a few minutes; the report waits in the outbox."
        )

    def _retry_after(self, header: str | None, attempt: int) -> float:
        """Return seconds to wait: the server's Retry-After, else exponential backoff, bounded."""
        wait = float(2**attempt)
        if header:
            try:
                wait = float(header)
            except ValueError:
                try:
                    moment = parsedate_to_datetime(header)
                    wait = moment.timestamp() - time.time()
                except (TypeError, ValueError):
                    pass
        return max(0.0, min(wait, self.max_wait))

    def _error(self, status: int, body: Any, what: str) -> ConfluenceError:
        detail = ""
        if isinstance(body, dict):
            detail = str(body.get("message") or body.get("title") or "")
            errors = body.get("errors")
            if not detail and isinstance(errors, list) and errors:
                first = errors[0]
                detail = str(first.get("title", "")) if isinstance(first, dict) else str(first)
        detail = self._scrub(detail)
        suffix = f" The server said: {detail}" if detail else ""
        account = self.target.user or "this token"
        if status == 401:
            return ConfluenceAuthError(
                f"Confluence at {self.root} did not accept the credentials of {account} while "
                f"{what}. Check the {self._credential_name()} in the Confluence settings."
            )
        if status == 403:
            return ConfluencePermissionError(
                f"Confluence at {self.root} does not allow {account} to do this while {what}. "
                f"Ask a space admin of {self.target.space_key} for permission.{suffix}"
            )
        if status == 404:
            return ConfluenceNotFoundError(
                f"Confluence at {self.root} found nothing while {what}. Check the space key "
                f"{self.target.space_key!r} and the parent page id in the Confluence settings."
                f"{suffix}"
            )
        return ConfluenceError(f"Confluence at {self.root} answered {status} while {what}.{suffix}")

    def _credential_name(self) -> str:
        if self.flavour is Flavour.CLOUD:
            return "e-mail address and API token"
        return "personal access token"

    # --- calls ----------------------------------------------------------------------------

    def whoami(self) -> str:
        """Check the credentials and return the account's display name."""
        path = (
            "/wiki/rest/api/user/current"
            if self.flavour is Flavour.CLOUD
            else ("/rest/api/user/current")
        )
        body = self._request("GET", path, what="checking who is signed in").body
        if not isinstance(body, dict) or body.get("type") == "anonymous":
            raise ConfluenceAuthError(
                f"Confluence at {self.root} treated the connection as anonymous, so the "
                f"{self._credential_name()} is wrong or expired. Enter a new one in the "
                "Confluence settings."
            )
        return str(body.get("displayName") or body.get("username") or body.get("email") or "")

    def _space(self) -> str:
        if self._space_id is None:
            body = self._request(
                "GET",
                "/wiki/api/v2/spaces",
                query={"keys": self.target.space_key},
                what=f"looking up the space {self.target.space_key}",
            ).body
            results = body.get("results", []) if isinstance(body, dict) else []
            if not results:
                raise ConfluenceNotFoundError(
                    f"Confluence at {self.root} has no space with the key "
                    f"{self.target.space_key!r}. Check the space key in the Confluence settings."
                )
            self._space_id = str(results[0]["id"])
        return self._space_id

    def get_page(self, page_id: str) -> PageRef:
        """Read a page's current version."""
        what = f"reading page {page_id}"
        if self.flavour is Flavour.CLOUD:
            body = self._request("GET", f"/wiki/api/v2/pages/{_quote(page_id)}", what=what).body
        else:
            body = self._request(
                "GET",
                f"/rest/api/content/{_quote(page_id)}",
                query={"expand": "version"},
                what=what,
            ).body
        return _page_ref(body)

    def find_page(self, title: str) -> PageRef | None:
        """Return the page with this title in the target space, if there is one."""
        what = f"looking for the page {title!r}"
        if self.flavour is Flavour.CLOUD:
            query = {"space-id": self._space(), "title": title}
            body = self._request("GET", "/wiki/api/v2/pages", query=query, what=what).body
        else:
            query = {"spaceKey": self.target.space_key, "title": title, "expand": "version"}
            body = self._request("GET", "/rest/api/content", query=query, what=what).body
        results = body.get("results", []) if isinstance(body, dict) else []
        if not results:
            return None
        found = results[0]
        if "version" not in found:
            return self.get_page(str(found["id"]))
        return _page_ref(found)

    def create_page(self, title: str, body: str, *, message: str) -> PageRef:
        """Create the page under the parent page (if set) and return its first version."""
        what = f"creating the page {title!r}"
        payload: dict[str, Any]
        if self.flavour is Flavour.CLOUD:
            payload = {
                "spaceId": self._space(),
                "status": "current",
                "title": title,
                "body": {"representation": "storage", "value": body},
            }
            if self.target.parent_id:
                payload["parentId"] = self.target.parent_id
            answer = self._request("POST", "/wiki/api/v2/pages", payload=payload, what=what)
        else:
            payload = {
                "type": "page",
                "title": title,
                "space": {"key": self.target.space_key},
                "body": {"storage": {"value": body, "representation": "storage"}},
                "version": {"number": 1, "message": message},
            }
            if self.target.parent_id:
                payload["ancestors"] = [{"id": self.target.parent_id}]
            answer = self._request("POST", "/rest/api/content", payload=payload, what=what)
        page = _page_ref(answer.body)
        if self.flavour is Flavour.CLOUD and page.message != message:
            page = self.update_page(
                page.page_id, title, body, version=page.version + 1, message=message
            )
        return page

    def update_page(
        self, page_id: str, title: str, body: str, *, version: int, message: str
    ) -> PageRef:
        """Store a new version; on 409 re-read the page and raise a conflict to resolve."""
        what = f"updating page {page_id}"
        if self.flavour is Flavour.CLOUD:
            payload: dict[str, Any] = {
                "id": page_id,
                "status": "current",
                "title": title,
                "body": {"representation": "storage", "value": body},
                "version": {"number": version, "message": message},
            }
            path = f"/wiki/api/v2/pages/{_quote(page_id)}"
        else:
            payload = {
                "id": page_id,
                "type": "page",
                "title": title,
                "body": {"storage": {"value": body, "representation": "storage"}},
                "version": {"number": version, "message": message},
            }
            path = f"/rest/api/content/{_quote(page_id)}"
        answer = self._request("PUT", path, payload=payload, what=what, expect_conflict=True)
        if answer.status == 409:
            current = self.get_page(page_id)
            raise ConfluenceConflictError(
                f"Someone changed the Confluence page {current.title or page_id!r} since it was "
                f"last published (it is now at version {current.version}). Overwrite their "
                "changes with this report, or cancel and merge by hand.",
                page_id=page_id,
                server_version=current.version,
            )
        return _page_ref(answer.body)

    def upload_attachment(self, page_id: str, filename: str, data: bytes) -> None:
        """Attach (or replace) a file on the page."""
        boundary = uuid.uuid4().hex
        safe_name = filename.replace('"', "").replace("\r", "").replace("\n", "")
        body = b"".join(
            [
                f"--{boundary}\r\n".encode(),
                (
                    f'Content-Disposition: form-data; name="file"; filename="{safe_name}"\r\n'
                    "Content-Type: application/pdf\r\n\r\n"
                ).encode(),
                data,
                f"\r\n--{boundary}\r\n".encode(),
                b'Content-Disposition: form-data; name="minorEdit"\r\n\r\ntrue\r\n',
                f"--{boundary}--\r\n".encode(),
            ]
        )
        prefix = "/wiki/rest/api" if self.flavour is Flavour.CLOUD else "/rest/api"
        self._request(
            "PUT",
            f"{prefix}/content/{_quote(page_id)}/child/attachment",
            data=body,
            content_type=f"multipart/form-data; boundary={boundary}",
            what=f"attaching {safe_name} to page {page_id}",
        )


def _quote(value: str) -> str:
    return urllib.parse.quote(value, safe="")


def _json(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None


def _page_ref(body: Any) -> PageRef:
    if not isinstance(body, dict) or "id" not in body:
        raise ConfluenceError("Confluence answered with something that is not a page description.")
    version = body.get("version") or {}
    return PageRef(
        page_id=str(body["id"]),
        version=int(version.get("number", 1)),
        title=str(body.get("title", "")),
        message=str(version.get("message", "") or ""),
    )


@dataclass(frozen=True)
class Publication:
    """What one publish did: the page now on the server and whether it was already there."""

    page: PageRef
    already_done: bool
    created: bool
    account: str


ProgressFn = Callable[[float, str], None]


def publish_page(
    client: ConfluenceClient,
    *,
    title: str,
    body: str,
    known: PageRef | None,
    job_key: str,
    overwrite: bool = False,
    attachment: tuple[str, bytes] | None = None,
    progress: ProgressFn | None = None,
) -> Publication:
    """Create or update the report's page exactly once for ``job_key``, then attach the PDF.

    ``known`` is the page and version stored at the last publish. A retry of the same job finds
    its own version message on the server and does not write again.
    """
    say = progress or (lambda fraction, text: None)
    say(0.1, "Checking the account")
    account = client.whoami()
    message = version_message(job_key)
    created = False
    already = False
    say(0.3, "Reading the page")
    if known is not None:
        current = client.get_page(known.page_id)
        if current.message == message:
            page, already = current, True
        else:
            if current.version != known.version and not overwrite:
                raise ConfluenceConflictError(
                    f"Someone changed the Confluence page {current.title or known.page_id!r} "
                    f"since it was last published (version {known.version}, now "
                    f"{current.version}). Overwrite their changes with this report, or cancel.",
                    page_id=known.page_id,
                    server_version=current.version,
                )
            base = current.version if overwrite else known.version
            say(0.5, "Updating the page")
            page = client.update_page(known.page_id, title, body, version=base + 1, message=message)
    else:
        existing = client.find_page(title)
        if existing is not None and existing.message == message:
            page, already = existing, True
        elif existing is not None and overwrite:
            say(0.5, "Updating the page")
            page = client.update_page(
                existing.page_id, title, body, version=existing.version + 1, message=message
            )
        elif existing is not None:
            raise ConfluenceConflictError(
                f"The space {client.target.space_key} already has a page titled {title!r} "
                f"(id {existing.page_id}). Overwrite it with this report, or cancel and rename "
                "the postmortem.",
                page_id=existing.page_id,
                server_version=existing.version,
            )
        else:
            say(0.5, "Creating the page")
            page = client.create_page(title, body, message=message)
            created = True
    if attachment is not None:
        say(0.8, "Attaching the PDF")
        client.upload_attachment(page.page_id, attachment[0], attachment[1])
    say(1.0, "Published")
    return Publication(page=page, already_done=already, created=created, account=account)
