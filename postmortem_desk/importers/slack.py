"""Import a Slack workspace export (ZIP or unpacked folder) into timeline events.

People are shown by name from ``users.json``. When that file is missing the import goes on with a
warning: names come from the profiles newer exports embed in messages, and Slack ids otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from postmortem_desk.domain.enums import EventKind, EventSource
from postmortem_desk.importers.archive import ExportTree, open_export
from postmortem_desk.importers.base import (
    BadTimestamp,
    CancelCheck,
    ImportedEvent,
    ImportFailed,
    ImportOptions,
    ImportReport,
    Progress,
    ProgressCallback,
    dict_of,
    first_text,
    from_epoch,
    list_of,
    load_json,
    text_of,
)

NOISE_SUBTYPES = frozenset(
    {
        "channel_join",
        "channel_leave",
        "channel_topic",
        "channel_purpose",
        "channel_name",
        "channel_archive",
        "channel_unarchive",
        "channel_convert_to_private",
        "channel_convert_to_public",
        "group_join",
        "group_leave",
        "group_topic",
        "group_purpose",
        "group_name",
        "group_archive",
        "group_unarchive",
        "bot_add",
        "bot_remove",
        "bot_enable",
        "bot_disable",
        "pinned_item",
        "unpinned_item",
        "reminder_add",
        "joiner_notification",
        "message_deleted",
        "message_changed",
        "tombstone",
    }
)
CHANNEL_LISTS = ("channels.json", "groups.json", "mpims.json", "dms.json")
_DAY_FILE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.json$")
_TS = re.compile(r"^\s*(\d{1,11})(?:\.(\d{1,6})\d*)?\s*$")
_BOT_ADDED = re.compile(r"/services/(B\w+)\|([^>]+)>")
_ANGLE = re.compile(r"<([^<>\n]{1,2000})>")


@dataclass(frozen=True)
class SlackChannel:
    """A channel of the export as the channel picker lists it."""

    name: str
    channel_id: str
    day_files: int
    first_day: date | None
    last_day: date | None


@dataclass
class _Directory:
    """Who is who and which channel is which, for rendering mrkdwn."""

    users: dict[str, str]
    channels_by_id: dict[str, str]
    bots: dict[str, str] = field(default_factory=dict)

    def learn_bot(self, message: dict[str, Any]) -> None:
        """Remember an integration's name from the message that added it to a channel."""
        match = _BOT_ADDED.search(text_of(message.get("text")))
        if match is not None:
            self.bots[match[1]] = match[2]

    def user(self, user_id: str) -> str:
        return self.users.get(user_id, user_id)


def _user_name(user: dict[str, Any]) -> str:
    profile = dict_of(user.get("profile"))
    return first_text(
        profile.get("real_name"),
        user.get("real_name"),
        profile.get("display_name"),
        user.get("name"),
        user.get("id"),
    )


def _load_users(tree: ExportTree, names: set[str], report: ImportReport) -> dict[str, str]:
    if "users.json" not in names:
        report.warnings.append(
            f"{tree.display_name} has no users.json, so people are shown by their Slack ids "
            "(U…) unless a message carries the person's name. Export again with users included "
            "to see names."
        )
        return {}
    data = load_json(tree.read("users.json"), f"{tree.display_name}: users.json")
    if not isinstance(data, list):
        raise ImportFailed(
            f"users.json in {tree.display_name} should be a list of people but is "
            f"{type(data).__name__}. This does not look like a Slack export.",
            file=tree.display_name,
            record="users.json",
        )
    users: dict[str, str] = {}
    for user in data:
        if isinstance(user, dict):
            user_id = text_of(user.get("id"))
            if user_id:
                users[user_id] = _user_name(user) or user_id
    return users


def _channel_folders(tree: ExportTree) -> dict[str, list[tuple[date, str]]]:
    """Map each folder holding ``YYYY-MM-DD.json`` files to its days, in order."""
    folders: dict[str, list[tuple[date, str]]] = {}
    for name in tree.names():
        path = PurePosixPath(name)
        if len(path.parts) != 2:
            continue
        match = _DAY_FILE.match(path.name)
        if match is None:
            continue
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
        folders.setdefault(path.parts[0], []).append((day, name))
    for days in folders.values():
        days.sort()
    return folders


def _load_channels(
    tree: ExportTree, names: set[str], folders: dict[str, list[tuple[date, str]]]
) -> dict[str, str]:
    """Map channel folder names to channel ids from the channel lists the export carries."""
    ids: dict[str, str] = {}
    for list_name in CHANNEL_LISTS:
        if list_name not in names:
            continue
        data = load_json(tree.read(list_name), f"{tree.display_name}: {list_name}")
        if not isinstance(data, list):
            raise ImportFailed(
                f"{list_name} in {tree.display_name} should be a list of channels but is "
                f"{type(data).__name__}.",
                file=tree.display_name,
                record=list_name,
            )
        for channel in data:
            if isinstance(channel, dict):
                channel_id = text_of(channel.get("id"))
                name = text_of(channel.get("name")) or channel_id
                if name:
                    ids[name] = channel_id
    for folder in folders:
        ids.setdefault(folder, "")
    return ids


def _open(path: Path, options: ImportOptions) -> ExportTree:
    return open_export(path, max_expanded_bytes=options.max_expanded_bytes)


def _require_export(tree: ExportTree, names: set[str], folders: dict[str, Any]) -> None:
    if folders:
        return
    if "channels.json" in names or "users.json" in names:
        raise ImportFailed(
            f"{tree.display_name} has no channel folders with YYYY-MM-DD.json message files; "
            "the export holds no messages to import.",
            file=tree.display_name,
        )
    raise ImportFailed(
        f"{tree.display_name} does not look like a Slack export: it has no channels.json and no "
        "channel folders of YYYY-MM-DD.json files. Choose the ZIP Slack sent, or its unpacked "
        "folder.",
        file=tree.display_name,
    )


def slack_channels(path: Path, *, options: ImportOptions | None = None) -> list[SlackChannel]:
    """List the channels of an export with their date ranges, for the channel picker."""
    options = options or ImportOptions()
    with _open(path, options) as tree:
        names = set(tree.names())
        folders = _channel_folders(tree)
        _require_export(tree, names, folders)
        ids = _load_channels(tree, names, folders)
    return [
        SlackChannel(
            name=name,
            channel_id=ids.get(name, ""),
            day_files=len(days),
            first_day=days[0][0] if days else None,
            last_day=days[-1][0] if days else None,
        )
        for name, days in sorted(folders.items())
    ]


def _parse_ts(value: Any) -> datetime:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value != value or value in (float("inf"), float("-inf")):
            raise BadTimestamp(f"{value!r} is not a Slack timestamp")
        seconds = int(value)
        return from_epoch(seconds, round((value - seconds) * 1_000_000) % 1_000_000)
    match = _TS.match(value) if isinstance(value, str) else None
    if match is None:
        raise BadTimestamp(f"{str(value)[:40]!r} is not a Slack timestamp such as 1709301720.0001")
    return from_epoch(int(match[1]), int((match[2] or "0").ljust(6, "0")))


class MrkdwnRenderer:
    """Turn Slack mrkdwn into readable text and remember the first link it met."""

    def __init__(self, directory: _Directory) -> None:
        self.directory = directory
        self.first_link = ""

    def render(self, text: str) -> str:
        """Return ``text`` with mentions, channel refs and links made readable."""
        if "<" in text:
            text = _ANGLE.sub(self._replace, text)
        if "&" in text:
            text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        return text.strip()

    def _replace(self, match: re.Match[str]) -> str:
        inner = match[1]
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return label or self.directory.user(target[1:])
        if target.startswith("#"):
            name = label or self.directory.channels_by_id.get(target[1:], target[1:])
            return f"#{name}"
        if target.startswith("!"):
            command = target[1:]
            if label:
                return label
            if command in ("here", "channel", "everyone"):
                return f"@{command}"
            return command.split("^", 1)[0]
        if not self.first_link and (
            target.startswith(("http://", "https://", "mailto:", "ftp://"))
        ):
            self.first_link = target
        return label or target.removeprefix("mailto:")


def _render_elements(elements: list[Any], renderer: MrkdwnRenderer, out: list[str]) -> None:
    """Append the text of rich-text block elements to ``out``."""
    for element in elements:
        if not isinstance(element, dict):
            continue
        kind = element.get("type")
        if kind == "text":
            value = element.get("text")
            out.append(value if isinstance(value, str) else "")
        elif kind == "link":
            url = text_of(element.get("url"))
            if url and not renderer.first_link:
                renderer.first_link = url
            out.append(text_of(element.get("text")) or url)
        elif kind == "user":
            out.append(renderer.directory.user(text_of(element.get("user_id"))))
        elif kind == "channel":
            channel_id = text_of(element.get("channel_id"))
            out.append("#" + renderer.directory.channels_by_id.get(channel_id, channel_id))
        elif kind == "emoji":
            out.append(f":{text_of(element.get('name'))}:")
        elif kind == "broadcast":
            out.append(f"@{text_of(element.get('range'))}")
        elif kind == "usergroup":
            out.append(f"@{text_of(element.get('usergroup_id'))}")
        elif isinstance(element.get("elements"), list):
            _render_elements(element["elements"], renderer, out)
            if kind in ("rich_text_section", "rich_text_preformatted", "rich_text_quote"):
                out.append("\n")


def _render_blocks(blocks: list[Any], renderer: MrkdwnRenderer) -> str:
    """Return the text of the ``blocks`` a newer export carries."""
    out: list[str] = []
    for block in blocks:
        if not isinstance(block, dict):
            continue
        if block.get("type") == "rich_text":
            _render_elements(list_of(block.get("elements")), renderer, out)
        else:
            text = dict_of(block.get("text")).get("text")
            if isinstance(text, str):
                out.append(renderer.render(text) + "\n")
            for item in list_of(block.get("fields")):
                field_text = dict_of(item).get("text")
                if isinstance(field_text, str):
                    out.append(renderer.render(field_text) + "\n")
    return "".join(out).strip()


def _render_attachments(attachments: list[Any], renderer: MrkdwnRenderer) -> list[str]:
    parts: list[str] = []
    for attachment in attachments:
        if not isinstance(attachment, dict):
            continue
        pieces = [
            renderer.render(text_of(attachment.get(key)))
            for key in ("pretext", "title", "text")
            if text_of(attachment.get(key))
        ]
        if not pieces and text_of(attachment.get("fallback")):
            pieces = [renderer.render(text_of(attachment.get("fallback")))]
        link = first_text(attachment.get("title_link"), attachment.get("from_url"))
        if link and not renderer.first_link:
            renderer.first_link = link
        if pieces:
            joined = pieces[0]
            for piece in pieces[1:]:
                joined += (" " if joined.endswith(":") else " — ") + piece
            parts.append(joined)
    return parts


def _files_of(message: dict[str, Any]) -> list[dict[str, Any]]:
    files = [f for f in list_of(message.get("files")) if isinstance(f, dict)]
    legacy = message.get("file")
    if isinstance(legacy, dict):
        files.append(legacy)
    return files


def _message_text(message: dict[str, Any], renderer: MrkdwnRenderer) -> str:
    text = message.get("text")
    rendered = renderer.render(text) if isinstance(text, str) else ""
    if not rendered:
        rendered = _render_blocks(list_of(message.get("blocks")), renderer)
    parts = [rendered] if rendered else []
    parts.extend(_render_attachments(list_of(message.get("attachments")), renderer))
    for shared in _files_of(message):
        title = first_text(shared.get("title"), shared.get("name"))
        link = first_text(shared.get("permalink"), shared.get("url_private"))
        if link and not renderer.first_link:
            renderer.first_link = link
        if title and title not in rendered:
            parts.append(f"[file: {title}]")
    return "\n".join(parts).strip()


def _actor(message: dict[str, Any], directory: _Directory) -> str:
    user_id = first_text(message.get("user"), dict_of(message.get("comment")).get("user"))
    is_bot = message.get("subtype") == "bot_message" or (
        bool(message.get("bot_id")) and not user_id
    )
    if is_bot:
        attachments = [a for a in list_of(message.get("attachments")) if isinstance(a, dict)]
        name = first_text(
            message.get("username"),
            dict_of(message.get("bot_profile")).get("name"),
            attachments[0].get("author_name") if attachments else None,
            directory.bots.get(text_of(message.get("bot_id"))),
            message.get("bot_id"),
        )
        return f"{name} (bot)" if name else "bot"
    if user_id and user_id not in directory.users:
        embedded = _user_name({"profile": message.get("user_profile"), "id": ""})
        if embedded:
            directory.users[user_id] = embedded
    return directory.user(user_id) if user_id else first_text(message.get("username"))


def _convert(
    message: dict[str, Any],
    *,
    channel: str,
    channel_id: str,
    record: str,
    directory: _Directory,
    options: ImportOptions,
    report: ImportReport,
) -> ImportedEvent | None:
    subtype = text_of(message.get("subtype"))
    if subtype in NOISE_SUBTYPES or message.get("hidden") is True:
        if subtype in ("bot_add", "bot_remove"):
            directory.learn_bot(message)
        report.skip(record, f"{(subtype or 'hidden message').replace('_', ' ')} (noise)")
        return None
    try:
        moment = _parse_ts(message.get("ts"))
    except BadTimestamp as error:
        report.problem(record, f"{error}; the message was left out")
        return None
    if not options.in_window(moment):
        report.skip(record, "outside the time window")
        return None
    renderer = MrkdwnRenderer(directory)
    text = _message_text(message, renderer)
    if not text:
        report.skip(record, "empty message")
        return None
    thread_ts = text_of(message.get("thread_ts"))
    ts = text_of(message.get("ts"))
    has_thread = bool(thread_ts) and (
        thread_ts != ts or bool(message.get("reply_count")) or bool(message.get("replies"))
    )
    return ImportedEvent(
        occurred_at=moment,
        kind=EventKind.CHAT,
        source=EventSource.SLACK,
        text=text,
        actor=_actor(message, directory),
        utc_offset_minutes=None,
        is_reply=has_thread and thread_ts != ts,
        thread_key=f"{channel}/{thread_ts}" if has_thread else "",
        channel=f"#{channel}",
        link=renderer.first_link,
        external_id=f"{channel_id or channel}/{ts}",
    )


def _day_outside_window(day: date, options: ImportOptions) -> bool:
    """Tell whether a day file cannot hold messages in the window (a day of slack for zones)."""
    if options.since is not None and day < options.since.date() - timedelta(days=1):
        return True
    return options.until is not None and day > options.until.date() + timedelta(days=1)


def parse_slack(
    path: Path,
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> ImportReport:
    """Read the chosen channels of a Slack export into events, threads kept and noise dropped."""
    options = options or ImportOptions()
    report = ImportReport(source=EventSource.SLACK, file_name=path.name)
    with _open(path, options) as tree:
        names = set(tree.names())
        folders = _channel_folders(tree)
        _require_export(tree, names, folders)
        channel_ids = _load_channels(tree, names, folders)
        directory = _Directory(
            users=_load_users(tree, names, report),
            channels_by_id={cid: name for name, cid in channel_ids.items() if cid},
        )
        chosen = _choose_channels(tree.display_name, folders, options.channels)
        work = [(channel, day, name) for channel in chosen for day, name in folders[channel]]
        steps = Progress(len(work), progress, cancel, file_name=path.name)
        steps.check()
        for channel, day, name in work:
            if _day_outside_window(day, options):
                report.skip(f"#{channel} {day.isoformat()}", "outside the time window")
                steps.advance()
                continue
            _read_day(tree, name, channel, channel_ids.get(channel, ""), directory, options, report)
            steps.advance()
    report.events.sort(key=_event_time)
    return report


def _event_time(event: ImportedEvent) -> datetime:
    return event.occurred_at


def _choose_channels(
    export_name: str, folders: dict[str, Any], wanted: frozenset[str]
) -> list[str]:
    available = sorted(folders)
    if not wanted:
        return available
    chosen: list[str] = []
    lower = {name.lower(): name for name in available}
    unknown: list[str] = []
    for raw in sorted(wanted):
        key = raw.strip().lstrip("#").lower()
        if key in lower:
            chosen.append(lower[key])
        else:
            unknown.append(raw)
    if unknown:
        raise ImportFailed(
            f"{export_name} has no channel named {', '.join(repr(u) for u in unknown)}. "
            f"Its channels are: {', '.join('#' + a for a in available)}.",
            file=export_name,
        )
    return chosen


def _read_day(
    tree: ExportTree,
    name: str,
    channel: str,
    channel_id: str,
    directory: _Directory,
    options: ImportOptions,
    report: ImportReport,
) -> None:
    display = f"{tree.display_name}: {name}"
    messages = load_json(tree.read(name), display)
    if not isinstance(messages, list):
        raise ImportFailed(
            f"{name} in {tree.display_name} should be a list of messages but is "
            f"{type(messages).__name__}. This does not look like a Slack export.",
            file=tree.display_name,
            record=name,
        )
    add: Callable[[ImportedEvent], None] = report.events.append
    for index, message in enumerate(messages, start=1):
        record = f"{name} message {index}"
        if not isinstance(message, dict):
            report.problem(record, "is not a message object; it was left out")
            continue
        event = _convert(
            message,
            channel=channel,
            channel_id=channel_id,
            record=record,
            directory=directory,
            options=options,
            report=report,
        )
        if event is not None:
            add(event)
