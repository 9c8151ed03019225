"""Publishing against a stateful fake Confluence: versions, conflicts, rate limits, outbox."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Library, MemoryKeyring, add_postmortem
from fake_confluence import WRAPPER, FakeConfluence
from sqlmodel import select

from postmortem_desk.domain.models import OutboxJob
from postmortem_desk.export.confluence_client import (
    ConfluenceClient,
    ConfluenceTarget,
    Flavour,
    PageRef,
    publish_page,
    version_message,
)
from postmortem_desk.export.credentials import CredentialStore
from postmortem_desk.export.errors import (
    ConfluenceAuthError,
    ConfluenceConflictError,
    ConfluenceNotFoundError,
    ConfluenceRateLimitedError,
)
from postmortem_desk.export.outbox import publish_now, queue_publish, send_pending
from postmortem_desk.services.publishing import PublishingService

TOKEN = "tok-7Hq9-SECRET-zz81"


@pytest.fixture
def fake() -> Iterator[FakeConfluence]:
    """Run a fake Confluence for one test."""
    server = FakeConfluence(token=TOKEN).start()
    yield server
    server.stop()


@pytest.fixture
def credentials(memory_keyring: MemoryKeyring) -> CredentialStore:
    """Return a credential store over the in-memory keyring."""
    return CredentialStore()


def _target(fake: FakeConfluence, flavour: Flavour) -> ConfluenceTarget:
    return ConfluenceTarget(fake.url, "OPS", parent_id="42", user=fake.user, flavour=flavour)


def _setup(
    library: Library, fake: FakeConfluence, credentials: CredentialStore, flavour: Flavour
) -> tuple[int, PublishingService, ConfluenceTarget]:
    pid = add_postmortem(library.store)
    target = _target(fake, flavour)
    credentials.set_token(target.normalised_url, target.user, TOKEN)
    return pid, PublishingService(library.store, library.bus), target


def _no_wait(seconds: float) -> None:
    return None


def _fast_client(target: ConfluenceTarget, token: str) -> ConfluenceClient:
    return ConfluenceClient(target, token, sleep=_no_wait, timeout=5)


@pytest.mark.parametrize("flavour", list(Flavour))
def test_publishing_again_updates_the_same_page_with_the_next_version(
    library: Library, fake: FakeConfluence, credentials: CredentialStore, flavour: Flavour
) -> None:
    pid, publishing, target = _setup(library, fake, credentials, flavour)

    first = publish_now(publishing, library.load, credentials, pid, target)
    assert first.status == "sent", first.message
    [page] = fake.pages.values()
    assert page.title.startswith("INC-4711: Checkout latency")
    assert page.parent_id == "42"
    [(name, data)] = page.attachments.items()
    assert name.endswith(".pdf")
    assert data.startswith(b"%PDF")
    ET.fromstring(WRAPPER.format(page.body))
    stored = publishing.published_page(pid, target.normalised_url)
    assert stored is not None
    assert (stored.page_id, stored.version) == (page.id, page.version)

    second = publish_now(publishing, library.load, credentials, pid, target)

    assert second.status == "sent"
    assert list(fake.pages) == [page.id]
    assert fake.pages[page.id].version == stored.version + 1
    again = publishing.published_page(pid, target.normalised_url)
    assert again is not None
    assert again.version == stored.version + 1
    assert publishing.jobs(pid) == []


def test_a_page_edited_in_confluence_raises_a_conflict_resolved_by_overwrite(
    library: Library, fake: FakeConfluence, credentials: CredentialStore
) -> None:
    pid, publishing, target = _setup(library, fake, credentials, Flavour.DATA_CENTER)
    publish_now(publishing, library.load, credentials, pid, target)
    [page] = fake.pages.values()
    fake.edit_behind_our_back(page.id)
    edited_version = page.version

    outcome = publish_now(publishing, library.load, credentials, pid, target)

    assert outcome.status == "conflict"
    assert outcome.version == edited_version
    assert "Overwrite" in outcome.message
    assert page.message == "edited in the browser"
    [job] = publishing.jobs(pid)
    assert job.status == "conflict"

    assert job.id is not None
    publishing.resolve(job.id, overwrite=True)
    result = send_pending(publishing, library.load, credentials)

    assert [o.status for o in result.outcomes] == ["sent"]
    assert page.version == edited_version + 1
    stored = publishing.published_page(pid, target.normalised_url)
    assert stored is not None
    assert stored.version == page.version


def test_cancelling_a_conflict_sends_nothing(
    library: Library, fake: FakeConfluence, credentials: CredentialStore
) -> None:
    pid, publishing, target = _setup(library, fake, credentials, Flavour.CLOUD)
    publish_now(publishing, library.load, credentials, pid, target)
    [page] = fake.pages.values()
    fake.edit_behind_our_back(page.id)
    outcome = publish_now(publishing, library.load, credentials, pid, target)
    version = page.version

    publishing.resolve(outcome.job_id, overwrite=False)

    assert send_pending(publishing, library.load, credentials).outcomes == []
    assert page.version == version
    assert publishing.jobs(pid) == []


def test_a_409_on_update_rereads_the_page_and_reports_its_version(fake: FakeConfluence) -> None:
    client = ConfluenceClient(_target(fake, Flavour.CLOUD), TOKEN, sleep=_no_wait)
    page = client.create_page("Stale", "<p>one</p>", message="m")
    fake.edit_behind_our_back(page.page_id)

    with pytest.raises(ConfluenceConflictError) as caught:
        client.update_page(page.page_id, "Stale", "<p>two</p>", version=page.version + 1,
                           message="m2")  # fmt: skip

    assert caught.value.server_version == page.version + 1
    assert ("GET", f"/wiki/api/v2/pages/{page.page_id}") in fake.requests


def test_429_waits_for_retry_after_then_succeeds(fake: FakeConfluence) -> None:
    waits: list[float] = []
    client = ConfluenceClient(_target(fake, Flavour.CLOUD), TOKEN, sleep=waits.append)
    fake.fail_next(429, {"Retry-After": "3"})
    fake.fail_next(429, {"Retry-After": "9999"})

    assert client.whoami() == "Ana Test"
    assert waits == [3.0, client.max_wait]


def test_429_gives_up_after_the_allowed_retries(fake: FakeConfluence) -> None:
    waits: list[float] = []
    client = ConfluenceClient(
        _target(fake, Flavour.DATA_CENTER), TOKEN, sleep=waits.append, max_retries=2
    )
    for _ in range(3):
        fake.fail_next(429)

    with pytest.raises(ConfluenceRateLimitedError, match="slow down"):
        client.whoami()
    assert waits == [1.0, 2.0]


def test_a_wrong_token_is_reported_without_showing_it(fake: FakeConfluence) -> None:
    wrong = "tok-WRONG-abc123"
    client = ConfluenceClient(_target(fake, Flavour.DATA_CENTER), wrong, sleep=_no_wait)

    with pytest.raises(ConfluenceAuthError, match="anonymous") as anonymous:
        client.whoami()
    with pytest.raises(ConfluenceAuthError, match="personal access token") as refused:
        client.get_page("1")

    for error in (anonymous.value, refused.value):
        assert wrong not in str(error)


def test_a_scripted_401_names_the_account_and_what_to_check(fake: FakeConfluence) -> None:
    client = ConfluenceClient(_target(fake, Flavour.CLOUD), TOKEN, sleep=_no_wait)
    fake.fail_next(401)

    with pytest.raises(ConfluenceAuthError) as caught:
        client.whoami()

    assert fake.user in str(caught.value)
    assert "API token" in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_an_unknown_space_is_a_clear_not_found(fake: FakeConfluence) -> None:
    target = ConfluenceTarget(fake.url, "NOPE", user=fake.user, flavour=Flavour.CLOUD)
    client = ConfluenceClient(target, TOKEN, sleep=_no_wait)

    with pytest.raises(ConfluenceNotFoundError, match="NOPE"):
        client.create_page("T", "<p/>", message="m")


def test_offline_publish_waits_in_the_outbox_and_is_sent_once_later(
    library: Library, credentials: CredentialStore
) -> None:
    fake = FakeConfluence(token=TOKEN)
    try:
        pid, publishing, target = _setup(library, fake, credentials, Flavour.DATA_CENTER)

        def impatient(target: ConfluenceTarget, token: str) -> ConfluenceClient:
            return ConfluenceClient(target, token, timeout=0.3, sleep=_no_wait)

        outcome = publish_now(
            publishing, library.load, credentials, pid, target, client_factory=impatient
        )
        assert outcome.status == "pending"
        assert "outbox" in outcome.message
        [job] = publishing.jobs(pid)
        assert job.status == "pending"
        assert fake.pages == {}

        fake.start()
        first = send_pending(publishing, library.load, credentials, client_factory=_fast_client)
        second = send_pending(publishing, library.load, credentials, client_factory=_fast_client)

        assert [o.status for o in first.outcomes] == ["sent"]
        assert second.outcomes == []
        assert len(fake.pages) == 1
        assert next(iter(fake.pages.values())).version == 1
    finally:
        fake.stop()


@pytest.mark.parametrize("flavour", list(Flavour))
def test_a_job_that_reached_the_server_before_a_crash_is_not_sent_twice(
    library: Library, fake: FakeConfluence, credentials: CredentialStore, flavour: Flavour
) -> None:
    pid, publishing, target = _setup(library, fake, credentials, flavour)
    publish_now(publishing, library.load, credentials, pid, target)
    job = queue_publish(publishing, pid, target)
    assert job.id is not None
    publishing.claim(job.id)
    stored = publishing.published_page(pid, target.normalised_url)
    assert stored is not None
    client = _fast_client(target, TOKEN)
    publish_page(
        client,
        title="INC-4711: Checkout latency after the payment-gateway TLS rotation",
        body="<p>sent just before the crash</p>",
        known=PageRef(stored.page_id, stored.version),
        job_key=job.payload["job_key"],
    )
    [page] = fake.pages.values()
    version_after_crash = page.version
    puts_before = [r for r in fake.requests if r[0] == "PUT" and "attachment" not in r[1]]

    result = send_pending(publishing, library.load, credentials, client_factory=_fast_client)

    assert [o.status for o in result.outcomes] == ["sent"]
    assert "already up to date" in result.outcomes[0].message
    assert page.version == version_after_crash
    assert page.message == version_message(job.payload["job_key"])
    puts_after = [r for r in fake.requests if r[0] == "PUT" and "attachment" not in r[1]]
    assert puts_after == puts_before
    restored = publishing.published_page(pid, target.normalised_url)
    assert restored is not None
    assert restored.version == version_after_crash


def test_injection_payloads_reach_confluence_only_as_text(
    library: Library, fake: FakeConfluence, credentials: CredentialStore
) -> None:
    payload = (
        'Bad ]]> <ac:structured-macro ac:name="html"><ac:plain-text-body>x'
        "</ac:plain-text-body></ac:structured-macro> <script>alert(1)</script> "
        "[click](javascript:alert(1)) \x07\x1b"
    )
    pid = add_postmortem(library.store, title=f"Injected {payload}", summary=payload)
    target = _target(fake, Flavour.CLOUD)
    credentials.set_token(target.normalised_url, target.user, TOKEN)
    publishing = PublishingService(library.store, library.bus)

    outcome = publish_now(publishing, library.load, credentials, pid, target)

    assert outcome.status == "sent", outcome.message
    [page] = fake.pages.values()
    root = ET.fromstring(WRAPPER.format(page.body))
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert "script" not in tags
    assert "plain-text-body" not in tags
    macros = {
        element.get("{http://atlassian.com/content}name")
        for element in root.iter("{http://atlassian.com/content}structured-macro")
    }
    assert macros <= {"status", "info", "toc"}
    assert "javascript:" not in " ".join(
        element.get("href", "") for element in root.iter("{http://www.w3.org/1999/xhtml}a")
    )
    assert "\x07" not in page.body
    assert "<script>alert(1)</script>" in "".join(root.itertext())


def test_the_token_never_reaches_logs_files_or_the_database(
    library: Library,
    fake: FakeConfluence,
    credentials: CredentialStore,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    pid, publishing, target = _setup(library, fake, credentials, Flavour.CLOUD)
    publishing.save_confluence_settings(target.to_settings())
    messages = [publish_now(publishing, library.load, credentials, pid, target).message]
    fake.fail_next(401)
    messages.append(publish_now(publishing, library.load, credentials, pid, target).message)
    fake.fail_next(403)
    messages.append(publish_now(publishing, library.load, credentials, pid, target).message)
    fake.fail_next(500)
    messages.append(publish_now(publishing, library.load, credentials, pid, target).message)
    with library.store.session() as session:
        errors = [job.last_error for job in session.exec(select(OutboxJob)).all()]
    library.database.close()

    encoded = TOKEN.encode()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert encoded not in path.read_bytes(), path
    assert TOKEN not in caplog.text
    assert all(TOKEN not in text for text in messages + errors)
    assert any("did not accept" in text for text in messages)
