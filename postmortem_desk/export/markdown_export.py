"""Write a report as Markdown that any viewer shows as text: no raw HTML gets through."""

from __future__ import annotations

import re
from collections.abc import Sequence

from postmortem_desk import APP_NAME
from postmortem_desk.export.markup import (
    Block,
    CodeBlock,
    Heading,
    ListBlock,
    Para,
    Quote,
    RichText,
    Rule,
    Span,
    clean_text,
)
from postmortem_desk.export.report_model import Report, Section

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LINE_START = re.compile(r"^(\s*)([#>+=-])", re.MULTILINE)
_LINE_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def md_escape(text: str) -> str:
    """Escape Markdown syntax and anything a viewer could take for HTML or an entity."""
    text = clean_text(text)
    text = _ENTITY.sub("&amp;", text)
    text = _TAG_START.sub("&lt;", text)
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\\\2", text)
    return _LINE_NUMBER.sub(r"\1\\\2", text)


def _cell(text: str) -> str:
    """Escape text for a table cell, where a line break would end the row."""
    return md_escape(" ".join(text.split())) or " "


def _code(text: str) -> str:
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace(chr(10), ' ')}{pad}{fence}"


def _url(url: str) -> str:
    return url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def spans_md(spans: Sequence[Span]) -> str:
    """Render inline spans as Markdown."""
    parts: list[str] = []
    for span in spans:
        if span.line_break:
            parts.append("  \n")
            continue
        text = _code(span.text) if span.code else md_escape(span.text)
        if span.bold:
            text = f"**{text}**"
        if span.italic:
            text = f"*{text}*"
        if span.href:
            text = f"[{text}]({_url(span.href)})"
        parts.append(text)
    return "".join(parts)


def _block_md(block: Block, indent: str = "") -> list[str]:
    if isinstance(block, Para):
        return [indent + spans_md(block.spans).replace("\n", "\n" + indent), ""]
    if isinstance(block, Heading):
        return [f"{indent}#### {spans_md(block.spans)}", ""]
    if isinstance(block, CodeBlock):
        fence = "```"
        while fence in block.text:
            fence += "`"
        body = [indent + line for line in block.text.split("\n")]
        return [indent + fence, *body, indent + fence, ""]
    if isinstance(block, Quote):
        inner: list[str] = []
        for child in block.blocks:
            inner.extend(_block_md(child))
        return [f"{indent}> {line}".rstrip() for line in inner] + [""]
    if isinstance(block, ListBlock):
        lines: list[str] = []
        for number, item in enumerate(block.items, start=1):
            marker = f"{number}. " if block.ordered else "- "
            sub: list[str] = []
            for child in item:
                sub.extend(line for line in _block_md(child, indent + "    ") if line)
            if sub:
                lines.append(indent + marker + sub[0].lstrip())
                lines.extend(sub[1:])
        return [*lines, ""]
    if isinstance(block, Rule):
        return [indent + "---", ""]
    return []


def rich_md(rich: RichText) -> list[str]:
    """Render parsed Markdown back as safe Markdown lines."""
    lines: list[str] = []
    for block in rich.blocks:
        lines.extend(_block_md(block))
    return lines


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def render_markdown(report: Report) -> str:
    """Return the whole report as one Markdown document."""
    out: list[str] = [f"# {md_escape(report.title)}", ""]
    facts = [
        ("Incident", report.incident_key or "—"),
        ("Severity", f"{report.severity.value}: {report.severity_description}"),
        ("Status", report.status_label),
        ("Owner", report.owner),
        ("Started", f"{report.started} ({report.timezone_label})"),
        ("Resolved", f"{report.resolved} ({report.timezone_label})"),
        ("Meeting", report.meeting_date),
        ("Services", ", ".join(report.services) or "—"),
    ]
    out += [f"- **{label}:** {md_escape(value)}" for label, value in facts]
    out.append("")
    note = f"*{report.audience.label}, generated {report.generated_at:%Y-%m-%d %H:%M} UTC"
    if report.anonymised:
        note += "; people are named by their role"
    out += [note + ".*", ""]
    for number, section in enumerate(report.sections, start=1):
        out += [f"## {number}. {section.label}", ""]
        out += _section(report, section)
    out += ["---", "", f"*Written by {APP_NAME}.*", ""]
    return "\n".join(out)


def _section(report: Report, section: Section) -> list[str]:
    if section is Section.SUMMARY:
        lines = rich_md(report.summary) or ["*No summary was written.*", ""]
        if report.services:
            lines += [f"**Services affected:** {md_escape(', '.join(report.services))}", ""]
        return lines
    if section is Section.IMPACT:
        lines = [f"- **{f.label}:** {md_escape(f.value)}" for f in report.impact_figures]
        return ([*lines, ""] if lines else []) + rich_md(report.impact)
    if section is Section.KEY_TIMES:
        return _table(
            ["Milestone", f"Time ({report.timezone_label})"],
            [[row.label, md_escape(row.display)] for row in report.key_times],
        ) + _table(["Measure", "Duration"], [[f.label, f.value] for f in report.durations])
    if section is Section.TIMELINE:
        if not report.timeline:
            return ["*No events were marked for the report.*", ""]
        return _table(
            [f"Time ({report.timezone_label})", "Kind", "Who", "What"],
            [
                [
                    md_escape(e.when),
                    e.kind_label,
                    _cell(e.actor),
                    (f"**{e.milestone_label}:** " if e.milestone_label else "") + _cell(e.text),
                ]
                for e in report.timeline
            ],
        )
    if section is Section.WHYS:
        if not report.whys:
            return ["*The five-whys tree is empty.*", ""]
        lines = []
        for line in report.whys:
            factor = ""
            if line.is_factor:
                factor = " — *contributing factor"
                factor += f" ({line.category_label})*" if line.category_label else "*"
            text = md_escape(" ".join(line.text.split())) or "*(no answer yet)*"
            lines.append(f"{'    ' * line.depth}- {text}{factor}")
        return [*lines, ""]
    if section is Section.FACTORS:
        if not report.factors:
            return ["*No contributing factors were flagged.*", ""]
        return _table(
            ["Category", "Contributing factor"],
            [[_cell(f.category_label), _cell(f.text)] for f in report.factors],
        )
    if section is Section.LESSONS:
        lines = []
        for group in report.lessons:
            lines += [f"### {group.label}", ""]
            if not group.items:
                lines += ["*None recorded.*", ""]
            for item in group.items:
                lines.append("- " + " ".join(" ".join(rich_md(item)).split()))
            lines.append("")
        return lines
    if section is Section.ACTIONS:
        if not report.actions:
            return ["*No action items were recorded.*", ""]
        rows = []
        for index, a in enumerate(report.actions, start=1):
            ticket = _cell(a.ticket_key) if a.ticket_key else "—"
            if a.ticket_url:
                ticket = f"[{_cell(a.ticket_key or 'Link')}]({_url(a.ticket_url)})"
            title = f"**{_cell(a.title)}**"
            if a.wont_do_reason:
                title += f" (won't do: {_cell(a.wont_do_reason)})"
            rows.append(
                [str(index), title, _cell(a.owner), a.due, a.priority, a.status_label, ticket]
            )
        return _table(["#", "Action", "Owner", "Due", "Priority", "Status", "Ticket"], rows)
    if section is Section.PARTICIPANTS:
        if not report.participants:
            return ["*No participants were recorded.*", ""]
        return _table(
            ["Name", "Team", "Roles"],
            [
                [_cell(p.name), _cell(p.team or "—"), p.roles or "Attendee"]
                for p in report.participants
            ],
        )
    if section is Section.MEETING:
        if not report.meeting:
            return ["*No agenda or step times were recorded.*", ""]
        return _table(
            ["Step", "Planned", "Actual"],
            [[r.label, r.planned_display, r.actual_display] for r in report.meeting],
        )
    return []
