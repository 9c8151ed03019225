"""Write a report as Confluence storage format with ElementTree, and check it before sending.

Elements are built as objects and serialised by the library, so user text can never open a tag or a
macro. :func:`validate_storage` parses the body inside a wrapper that declares the ``ac:`` and
``ri:`` namespaces and refuses anything outside the small vocabulary this module writes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from postmortem_desk import APP_NAME
from postmortem_desk.domain.enums import Severity
from postmortem_desk.export.errors import StorageFormatError
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
    safe_url,
)
from postmortem_desk.export.report_model import Report, Section

AC_NS = "http://atlassian.com/content"
RI_NS = "http://atlassian.com/resource/identifier"
XHTML_NS = "http://www.w3.org/1999/xhtml"
LOZENGE_COLOURS: dict[Severity, str] = {
    Severity.SEV1: "Red",
    Severity.SEV2: "Yellow",
    Severity.SEV3: "Blue",
    Severity.SEV4: "Green",
}
ALLOWED_MACROS = frozenset({"status", "info", "note", "toc"})
ALLOWED_HTML = frozenset(
    {
        "p", "strong", "em", "code", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4", "pre",
        "blockquote", "hr", "br", "table", "tbody", "tr", "th", "td", "span",
    }
)  # fmt: skip
ALLOWED_AC = frozenset({"structured-macro", "parameter", "rich-text-body", "link", "link-body"})
ALLOWED_RI = frozenset({"attachment"})


def _el(parent: ET.Element | None, tag: str, text: str = "", **attrs: str) -> ET.Element:
    """Create an element (under ``parent`` when given) holding cleaned text."""
    element = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text:
        element.text = clean_text(text)
    return element


def _append_spans(parent: ET.Element, spans: Sequence[Span]) -> None:
    for span in spans:
        if span.line_break:
            _el(parent, "br")
            continue
        target = parent
        if span.href:
            target = _el(target, "a", href=span.href)
        if span.bold:
            target = _el(target, "strong")
        if span.italic:
            target = _el(target, "em")
        if span.code:
            target = _el(target, "code")
        if target is parent:
            last = parent[-1] if len(parent) else None
            if last is None:
                parent.text = (parent.text or "") + clean_text(span.text)
            else:
                last.tail = (last.tail or "") + clean_text(span.text)
        else:
            target.text = clean_text(span.text)


def _append_block(parent: ET.Element, block: Block) -> None:
    if isinstance(block, Para):
        _append_spans(_el(parent, "p"), block.spans)
    elif isinstance(block, Heading):
        _append_spans(_el(parent, "h4"), block.spans)
    elif isinstance(block, CodeBlock):
        _el(parent, "pre", block.text)
    elif isinstance(block, Quote):
        quote = _el(parent, "blockquote")
        for inner in block.blocks:
            _append_block(quote, inner)
    elif isinstance(block, ListBlock):
        listing = _el(parent, "ol" if block.ordered else "ul")
        for item in block.items:
            entry = _el(listing, "li")
            for inner in item:
                _append_block(entry, inner)
    elif isinstance(block, Rule):
        _el(parent, "hr")


def append_rich(parent: ET.Element, rich: RichText) -> None:
    """Append parsed Markdown to ``parent`` as storage-format XHTML."""
    for block in rich.blocks:
        _append_block(parent, block)


def _macro(parent: ET.Element, name: str, **parameters: str) -> ET.Element:
    macro = _el(parent, "ac:structured-macro", **{"ac:name": name})
    for key, value in parameters.items():
        _el(macro, "ac:parameter", value, **{"ac:name": key})
    return macro


def _table(parent: ET.Element, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = _el(_el(parent, "table"), "tbody")
    head = _el(table, "tr")
    for label in header:
        _el(head, "th", label)
    for row in rows:
        line = _el(table, "tr")
        for value in row:
            _el(line, "td", value)


def build_storage_tree(report: Report, *, attachment_name: str | None = None) -> ET.Element:
    """Build the page body as elements under a ``div`` that is not part of the output."""
    root = ET.Element("div")
    facts = _el(root, "p")
    _macro(facts, "status", colour=LOZENGE_COLOURS[report.severity], title=report.severity.value)
    strong = _el(facts, "strong", f" {report.severity_description}")
    strong.tail = clean_text(
        f" · Status: {report.status_label} · Owner: {report.owner}"
        f" · Started {report.started} · Resolved {report.resolved} ({report.timezone_label})"
    )
    if report.incident_key:
        strong.tail += clean_text(f" · {report.incident_key}")
    if attachment_name:
        paragraph = _el(root, "p", "Full report as PDF: ")
        link = _el(paragraph, "ac:link")
        _el(link, "ri:attachment", **{"ri:filename": attachment_name})
        _el(link, "ac:link-body", attachment_name)
    _macro(root, "toc", maxLevel="2")
    for number, section in enumerate(report.sections, start=1):
        _el(root, "h2", f"{number}. {section.label}")
        _section(root, report, section)
    _el(root, "p", f"{report.audience.label} written by {APP_NAME}.")
    return root


def _section(root: ET.Element, report: Report, section: Section) -> None:
    if section is Section.SUMMARY:
        body = _el(_macro(root, "info", title="Summary"), "ac:rich-text-body")
        append_rich(body, report.summary)
        if report.summary.is_empty:
            _el(body, "p", "No summary was written.")
        if report.services:
            _el(body, "p", "Services affected: " + ", ".join(report.services))
    elif section is Section.IMPACT:
        if report.impact_figures:
            listing = _el(root, "ul")
            for fact in report.impact_figures:
                item = _el(listing, "li")
                _el(item, "strong", f"{fact.label}:").tail = f" {fact.value}"
        append_rich(root, report.impact)
    elif section is Section.KEY_TIMES:
        _table(
            root,
            ["Milestone", f"Time ({report.timezone_label})"],
            [[row.label, row.display] for row in report.key_times],
        )
        _table(root, ["Measure", "Duration"], [[f.label, f.value] for f in report.durations])
    elif section is Section.TIMELINE:
        if not report.timeline:
            _el(root, "p", "No events were marked for the report.")
            return
        _table(
            root,
            [f"Time ({report.timezone_label})", "Kind", "Who", "What", "Milestone"],
            [[e.when, e.kind_label, e.actor, e.text, e.milestone_label] for e in report.timeline],
        )
    elif section is Section.WHYS:
        if not report.whys:
            _el(root, "p", "The five-whys tree is empty.")
            return
        _whys(root, report)
    elif section is Section.FACTORS:
        _table(
            root,
            ["Category", "Contributing factor"],
            [[f.category_label, f.text] for f in report.factors],
        )
    elif section is Section.LESSONS:
        for group in report.lessons:
            _el(root, "h3", group.label)
            listing = _el(root, "ul")
            for lesson in group.items:
                append_rich(_el(listing, "li"), lesson)
            if not group.items:
                _el(listing, "li", "None recorded.")
    elif section is Section.ACTIONS:
        _actions(root, report)
    elif section is Section.PARTICIPANTS:
        _table(
            root,
            ["Name", "Team", "Roles"],
            [[p.name, p.team, p.roles or "Attendee"] for p in report.participants],
        )
    elif section is Section.MEETING:
        _table(
            root,
            ["Step", "Planned", "Actual"],
            [[r.label, r.planned_display, r.actual_display] for r in report.meeting],
        )


def _whys(root: ET.Element, report: Report) -> None:
    stack: list[ET.Element] = [_el(root, "ul")]
    last_item: ET.Element | None = None
    for line in report.whys:
        while len(stack) > line.depth + 1:
            stack.pop()
        while len(stack) < line.depth + 1 and last_item is not None:
            stack.append(_el(last_item, "ul"))
        last_item = _el(stack[-1], "li", line.text or "(no answer yet)")
        if line.is_factor:
            label = "Contributing factor"
            if line.category_label:
                label += f" ({line.category_label})"
            _el(last_item, "em", f" — {label}")


def _actions(root: ET.Element, report: Report) -> None:
    if not report.actions:
        _el(root, "p", "No action items were recorded.")
        return
    table = _el(_el(root, "table"), "tbody")
    head = _el(table, "tr")
    for label in ("Action", "Owner", "Due", "Priority", "Status", "Ticket"):
        _el(head, "th", label)
    for action in report.actions:
        row = _el(table, "tr")
        cell = _el(row, "td")
        _el(cell, "strong", action.title)
        if action.wont_do_reason:
            _el(cell, "em", f" Won't do: {action.wont_do_reason}")
        for value in (action.owner, action.due, action.priority, action.status_label):
            _el(row, "td", value)
        ticket = _el(row, "td")
        if action.ticket_url:
            _el(ticket, "a", action.ticket_key or "Link", href=action.ticket_url)
        else:
            ticket.text = action.ticket_key


def serialise(root: ET.Element) -> str:
    """Serialise the children of the wrapper element as one storage-format string."""
    return "".join(ET.tostring(child, encoding="unicode") for child in root)


def render_storage(report: Report, *, attachment_name: str | None = None) -> str:
    """Return the validated storage-format body of the report's Confluence page."""
    body = serialise(build_storage_tree(report, attachment_name=attachment_name))
    validate_storage(body)
    return body


def _wrap(body: str) -> str:
    return (
        f'<ac:confluence xmlns="{XHTML_NS}" xmlns:ac="{AC_NS}" xmlns:ri="{RI_NS}">'
        f"{body}</ac:confluence>"
    )


def validate_storage(body: str) -> None:
    """Refuse a body that is not well-formed or uses anything outside our vocabulary."""
    try:
        root = ET.fromstring(_wrap(body))
    except ET.ParseError as error:
        raise StorageFormatError(
            f"The Confluence page body is not well-formed XML ({error}); nothing was sent. "
            "Export the report as Markdown and report this as a bug."
        ) from error
    for element in root.iter():
        if element is root:
            continue
        namespace, _, name = element.tag[1:].partition("}")
        allowed = {XHTML_NS: ALLOWED_HTML, AC_NS: ALLOWED_AC, RI_NS: ALLOWED_RI}.get(namespace)
        if allowed is None or name not in allowed:
            raise StorageFormatError(
                f"The Confluence page body contains an unexpected element <{name}>; "
                "nothing was sent."
            )
        if name == "structured-macro":
            macro = element.get(f"{{{AC_NS}}}name", "")
            if macro not in ALLOWED_MACROS:
                raise StorageFormatError(
                    f"The Confluence page body contains an unexpected macro {macro!r}; "
                    "nothing was sent."
                )
        if name == "a" and safe_url(element.get("href", "")) is None:
            raise StorageFormatError(
                "The Confluence page body contains a link that is not http, https or mailto; "
                "nothing was sent."
            )
        for attribute in element.attrib:
            if attribute.lower().startswith("on") or attribute.lower() in ("style", "src"):
                raise StorageFormatError(
                    f"The Confluence page body contains an unexpected attribute {attribute!r}; "
                    "nothing was sent."
                )
