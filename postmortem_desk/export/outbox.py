"""Publish through an outbox: a job is stored first and sent when Confluence can be reached.

Each job carries a key that goes into the page-version message, so a job retried after a crash or
a lost answer recognises its own version on the server and is not applied twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.domain.models import OutboxJob
from postmortem_desk.export.confluence_client import (
    ConfluenceClient,
    ConfluenceTarget,
    PageRef,
    new_job_key,
    publish_page,
)
from postmortem_desk.export.confluence_storage import render_storage
from postmortem_desk.export.credentials import CredentialStore
from postmortem_desk.export.errors import (
    ConfluenceConflictError,
    ConfluenceError,
    ExportCancelledError,
)
from postmortem_desk.export.jobs import options_from_json, options_to_json, report_file_name
from postmortem_desk.export.pdf import render_pdf_bytes
from postmortem_desk.export.report_model import Report, ReportOptions, build_report
from postmortem_desk.services.bundle import PostmortemBundle
from postmortem_desk.services.publishing import PublishingService

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]
CancelCheck = Callable[[], bool]
ClientFactory = Callable[[ConfluenceTarget, str], ConfluenceClient]
BundleLoader = Callable[[int], PostmortemBundle]


@dataclass
class JobOutcome:
    """What happened to one job in a send run."""

    job_id: int
    postmortem_id: int
    status: str
    message: str
    page_id: str = ""
    version: int = 0


@dataclass
class SendReport:
    """The outcome of :func:`send_pending`: what was sent, what waits, what needs the user."""

    outcomes: list[JobOutcome] = field(default_factory=list)

    @property
    def sent(self) -> list[JobOutcome]:
        """Return the jobs that reached Confluence."""
        return [o for o in self.outcomes if o.status == "sent"]

    @property
    def waiting(self) -> list[JobOutcome]:
        """Return the jobs kept for a later try (offline, rate-limited)."""
        return [o for o in self.outcomes if o.status == "pending"]

    @property
    def needs_attention(self) -> list[JobOutcome]:
        """Return the jobs the user must resolve (conflict, credentials, permissions)."""
        return [o for o in self.outcomes if o.status in ("conflict", "failed")]


def page_title(report: Report) -> str:
    """Return the Confluence page title of a report."""
    if report.incident_key:
        return f"{report.incident_key}: {report.title}"
    return report.title


def queue_publish(
    publishing: PublishingService,
    postmortem_id: int,
    target: ConfluenceTarget,
    options: ReportOptions | None = None,
) -> OutboxJob:
    """Store a publish job (no token in it); :func:`send_pending` sends it when it can."""
    target.check()
    payload: dict[str, Any] = {
        "target": target.to_settings(),
        "options": options_to_json(options or ReportOptions()),
        "job_key": new_job_key(),
        "overwrite": False,
    }
    return publishing.enqueue(postmortem_id, payload)


def send_pending(
    publishing: PublishingService,
    load_bundle: BundleLoader,
    credentials: CredentialStore,
    *,
    client_factory: ClientFactory = ConfluenceClient,
    only_job: int | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> SendReport:
    """Send every waiting job (or just ``only_job``); keep them queued while offline."""
    say = progress or (lambda fraction, text: None)
    stop = cancelled or (lambda: False)
    report = SendReport()
    jobs = [job for job in publishing.sendable() if only_job is None or job.id == only_job]
    unreachable: set[str] = set()
    for index, waiting in enumerate(jobs):
        if stop():
            break
        assert waiting.id is not None
        base_url = str(waiting.payload.get("target", {}).get("base_url", ""))
        if base_url in unreachable:
            report.outcomes.append(
                JobOutcome(waiting.id, waiting.postmortem_id, "pending", "Server unreachable.")
            )
            continue
        job = publishing.claim(waiting.id)
        if job is None:
            continue

        def scaled(fraction: float, text: str, _index: int = index) -> None:
            say((_index + fraction) / max(len(jobs), 1), text)

        outcome = _send_one(publishing, job, load_bundle, credentials, client_factory, scaled, stop)
        if outcome.status == "pending":
            unreachable.add(base_url)
        report.outcomes.append(outcome)
    return report


def _send_one(
    publishing: PublishingService,
    job: OutboxJob,
    load_bundle: BundleLoader,
    credentials: CredentialStore,
    client_factory: ClientFactory,
    progress: Progress,
    cancelled: CancelCheck,
) -> JobOutcome:
    assert job.id is not None
    target = ConfluenceTarget.from_settings(job.payload.get("target", {}))
    try:
        progress(0.05, "Assembling the report")
        bundle = load_bundle(job.postmortem_id)
        report = build_report(bundle, options_from_json(job.payload.get("options", {})))
        file_name = report_file_name(report, ".pdf")
        body = render_storage(report, attachment_name=file_name)
        pdf = render_pdf_bytes(
            report, progress=lambda f, text: progress(0.05 + 0.4 * f, text), cancelled=cancelled
        )
        token = credentials.get_token(target.normalised_url, target.user) or ""
        client = client_factory(target, token)
        stored = publishing.published_page(job.postmortem_id, target.normalised_url)
        known = PageRef(stored.page_id, stored.version) if stored is not None else None
        publication = publish_page(
            client,
            title=page_title(report),
            body=body,
            known=known,
            job_key=str(job.payload["job_key"]),
            overwrite=bool(job.payload.get("overwrite", False)),
            attachment=(file_name, pdf),
            progress=lambda f, text: progress(0.5 + 0.5 * f, text),
        )
    except ExportCancelledError:
        publishing.mark_waiting(job.id, "Cancelled before sending; it will be sent next time.")
        return JobOutcome(job.id, job.postmortem_id, "pending", "Cancelled.")
    except ConfluenceConflictError as error:
        publishing.mark_failed(job.id, str(error), conflict=True)
        return JobOutcome(
            job.id, job.postmortem_id, "conflict", str(error), error.page_id, error.server_version
        )
    except ConfluenceError as error:
        if error.retryable:
            publishing.mark_waiting(job.id, str(error))
            return JobOutcome(job.id, job.postmortem_id, "pending", str(error))
        publishing.mark_failed(job.id, str(error))
        return JobOutcome(job.id, job.postmortem_id, "failed", str(error))
    except UserFacingError as error:
        publishing.mark_failed(job.id, str(error))
        return JobOutcome(job.id, job.postmortem_id, "failed", str(error))
    publishing.mark_sent(
        job.id,
        base_url=target.normalised_url,
        page_id=publication.page.page_id,
        version=publication.page.version,
        space_key=target.space_key,
        title=page_title(report),
    )
    log.info("Published postmortem %s as page %s.", job.postmortem_id, publication.page.page_id)
    verb = "was already up to date" if publication.already_done else "is published"
    return JobOutcome(
        job.id,
        job.postmortem_id,
        "sent",
        f"The page {page_title(report)!r} {verb} (version {publication.page.version}).",
        publication.page.page_id,
        publication.page.version,
    )


def publish_now(
    publishing: PublishingService,
    load_bundle: BundleLoader,
    credentials: CredentialStore,
    postmortem_id: int,
    target: ConfluenceTarget,
    options: ReportOptions | None = None,
    *,
    client_factory: ClientFactory = ConfluenceClient,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> JobOutcome:
    """Queue a publish and try to send it at once; offline it stays queued and says so."""
    job = queue_publish(publishing, postmortem_id, target, options)
    assert job.id is not None
    result = send_pending(
        publishing,
        load_bundle,
        credentials,
        client_factory=client_factory,
        only_job=job.id,
        progress=progress,
        cancelled=cancelled,
    )
    if result.outcomes:
        return result.outcomes[0]
    return JobOutcome(job.id, postmortem_id, "pending", "Queued; it will be sent later.")
