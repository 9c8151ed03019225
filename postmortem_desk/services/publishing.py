"""The database side of publishing: Confluence settings, published pages and the outbox."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from postmortem_desk.domain.models import OutboxJob, PublishedPage
from postmortem_desk.domain.types import utc_now
from postmortem_desk.services.base import ChangeKind, Entity, NotFoundError, Service
from postmortem_desk.services.postmortems import require_postmortem
from postmortem_desk.services.settings import SettingsService

CONFLUENCE_SETTING = "confluence"
PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
CONFLICT = "conflict"
CANCELLED = "cancelled"
OPEN_STATES = (PENDING, SENDING, CONFLICT, FAILED)


class PublishingService(Service):
    """Remember where postmortems were published and queue publishes until they are sent."""

    def confluence_settings(self) -> dict[str, Any]:
        """Return the Confluence settings (URL, space, parent, user, flavour; never a token)."""
        value = SettingsService(self.store, self.bus).get(CONFLUENCE_SETTING)
        return dict(value) if isinstance(value, dict) else {}

    def save_confluence_settings(self, value: dict[str, str]) -> None:
        """Store the Confluence settings; a key named like a secret is refused."""
        if any("token" in key.lower() or "password" in key.lower() for key in value):
            raise ValueError("Tokens belong in the keyring, not in the settings.")
        SettingsService(self.store, self.bus).set(CONFLUENCE_SETTING, dict(value))

    def published_page(self, postmortem_id: int, base_url: str) -> PublishedPage | None:
        """Return where this postmortem was last published on that server, if anywhere."""
        with self.store.session() as session:
            return session.exec(
                select(PublishedPage).where(
                    PublishedPage.postmortem_id == postmortem_id,
                    PublishedPage.base_url == base_url,
                )
            ).first()

    def forget_published(self, postmortem_id: int, base_url: str) -> None:
        """Forget the stored page so the next publish creates a new one."""
        with self.store.session() as session:
            for row in session.exec(
                select(PublishedPage).where(
                    PublishedPage.postmortem_id == postmortem_id,
                    PublishedPage.base_url == base_url,
                )
            ).all():
                session.delete(row)
        self._announce(Entity.PUBLISH, ChangeKind.DELETED, postmortem_id)

    def enqueue(self, postmortem_id: int, payload: dict[str, Any]) -> OutboxJob:
        """Queue a publish; a job still waiting for the same server is replaced, not doubled."""
        with self.store.session() as session:
            require_postmortem(session, postmortem_id)
            waiting = session.exec(
                select(OutboxJob).where(
                    OutboxJob.postmortem_id == postmortem_id,
                    col(OutboxJob.status).in_((PENDING, FAILED, CONFLICT)),
                )
            ).all()
            for job in waiting:
                if job.payload.get("target", {}).get("base_url") == payload["target"]["base_url"]:
                    job.status = CANCELLED
                    job.last_error = "Replaced by a newer publish."
                    session.add(job)
            job = OutboxJob(postmortem_id=postmortem_id, payload=payload, status=PENDING)
            session.add(job)
            session.flush()
        assert job.id is not None
        self._announce(Entity.PUBLISH, ChangeKind.CREATED, postmortem_id, (job.id,))
        return job

    def job(self, job_id: int) -> OutboxJob:
        """Return one outbox job."""
        with self.store.session() as session:
            job = session.get(OutboxJob, job_id)
            if job is None:
                raise NotFoundError(f"There is no publish job with id {job_id}.")
            return job

    def jobs(self, postmortem_id: int | None = None) -> list[OutboxJob]:
        """Return jobs that still need attention (waiting, sending, failed or in conflict)."""
        statement = select(OutboxJob).where(col(OutboxJob.status).in_(OPEN_STATES))
        if postmortem_id is not None:
            statement = statement.where(OutboxJob.postmortem_id == postmortem_id)
        with self.store.session() as session:
            return list(session.exec(statement.order_by(col(OutboxJob.id))).all())

    def sendable(self) -> list[OutboxJob]:
        """Return the jobs to send now, oldest first; a job left "sending" by a crash counts."""
        with self.store.session() as session:
            return list(
                session.exec(
                    select(OutboxJob)
                    .where(col(OutboxJob.status).in_((PENDING, SENDING)))
                    .order_by(col(OutboxJob.id))
                ).all()
            )

    def claim(self, job_id: int) -> OutboxJob | None:
        """Mark a job as being sent; return None when it is no longer waiting."""
        with self.store.session() as session:
            job = session.get(OutboxJob, job_id)
            if job is None or job.status not in (PENDING, SENDING):
                return None
            job.status = SENDING
            job.attempts += 1
            session.add(job)
        return job

    def mark_sent(
        self,
        job_id: int,
        *,
        base_url: str,
        page_id: str,
        version: int,
        space_key: str,
        title: str,
    ) -> PublishedPage:
        """Record the page and close the job in one transaction, so neither is lost."""
        with self.store.session() as session:
            job = session.get(OutboxJob, job_id)
            if job is None:
                raise NotFoundError(f"There is no publish job with id {job_id}.")
            page = session.exec(
                select(PublishedPage).where(
                    PublishedPage.postmortem_id == job.postmortem_id,
                    PublishedPage.base_url == base_url,
                )
            ).first() or PublishedPage(
                postmortem_id=job.postmortem_id, base_url=base_url, page_id=page_id, version=0
            )
            page.page_id = page_id
            page.version = version
            page.space_key = space_key
            page.title = title
            page.published_at = utc_now()
            session.add(page)
            job.status = SENT
            job.sent_at = utc_now()
            job.last_error = ""
            session.add(job)
            postmortem_id = job.postmortem_id
        self._announce(Entity.PUBLISH, ChangeKind.UPDATED, postmortem_id, (job_id,))
        return page

    def mark_waiting(self, job_id: int, error: str) -> None:
        """Put a job back in the queue after a temporary failure."""
        self._set_status(job_id, PENDING, error)

    def mark_failed(self, job_id: int, error: str, *, conflict: bool = False) -> None:
        """Stop retrying a job until the user acts on it."""
        self._set_status(job_id, CONFLICT if conflict else FAILED, error)

    def resolve(self, job_id: int, *, overwrite: bool) -> OutboxJob:
        """Answer a conflict or failure: overwrite (send again, replacing the page) or cancel."""
        with self.store.session() as session:
            job = session.get(OutboxJob, job_id)
            if job is None:
                raise NotFoundError(f"There is no publish job with id {job_id}.")
            if overwrite:
                job.payload = {**job.payload, "overwrite": True}
                job.status = PENDING
            else:
                job.status = CANCELLED
            session.add(job)
        self._announce(Entity.PUBLISH, ChangeKind.UPDATED, job.postmortem_id, (job_id,))
        return job

    def _set_status(self, job_id: int, status: str, error: str) -> None:
        with self.store.session() as session:
            job = session.get(OutboxJob, job_id)
            if job is None:
                raise NotFoundError(f"There is no publish job with id {job_id}.")
            job.status = status
            job.last_error = error[:500]
            session.add(job)
            postmortem_id = job.postmortem_id
        self._announce(Entity.PUBLISH, ChangeKind.UPDATED, postmortem_id, (job_id,))
