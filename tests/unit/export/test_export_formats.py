"""The report model and its three renderings: PDF read back, Markdown, Confluence storage XML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
from conftest import Library, add_postmortem
from pypdf import PdfReader

from postmortem_desk.domain.enums import MeetingStep
from postmortem_desk.export.confluence_storage import render_storage, validate_storage
from postmortem_desk.export.errors import ExportCancelledError, StorageFormatError
from postmortem_desk.export.jobs import ExportFormat, export_report
from postmortem_desk.export.markdown_export import render_markdown
from postmortem_desk.export.markup import parse_markdown
from postmortem_desk.export.report_model import (
    Audience,
    ReportOptions,
    Section,
    build_report,
)

PAYLOAD = (
    'Text <b>bold?</b> & <i unclosed ]]> <ac:structured-macro ac:name="html"> '
    "<script>alert(1)</script> [x](javascript:alert(1)) ctl\x00\x07\x1b end"
)
PEOPLE = ["Zoë Müller", "Ιωάννης Παπαδόπουλος", "Анна Смирнова", "José Álvarez", "Priya"]


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def test_pdf_has_every_section_metadata_outline_and_embedded_fonts(
    library: Library, tmp_path: Path
) -> None:
    bundle = library.load(add_postmortem(library.store))

    path = export_report(bundle, tmp_path / "report.pdf", fmt=ExportFormat.PDF)

    reader = PdfReader(path)
    text = _pdf_text(path)
    for section in Section:
        assert section.label in text
    assert "Contents" in text
    assert "Ιωάννης Παπαδόπουλος" in text
    assert "Анна Смирнова" in text
    assert "Page 3 of" in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Checkout latency after the payment-gateway TLS rotation"
    assert reader.metadata.author == "Priya Natarajan"
    assert "SEV1" in (reader.metadata.subject or "")
    outline_titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline_titles[0] == "1. Summary"
    assert len(outline_titles) == len(Section)
    fonts = set()
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if descriptor is not None:
                descriptor = descriptor.get_object()
                assert "/FontFile2" in descriptor
                fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= fonts


def test_pdf_prints_markup_in_user_text_literally(library: Library, tmp_path: Path) -> None:
    pid = add_postmortem(library.store, title=f"Title {PAYLOAD}", summary=PAYLOAD)

    path = export_report(library.load(pid), tmp_path / "r.pdf", fmt=ExportFormat.PDF)

    text = " ".join(_pdf_text(path).split())
    assert "<b>bold?</b> & <i unclosed ]]>" in text
    assert "<script>alert(1)</script>" in text
    assert '<ac:structured-macro ac:name="html">' in text
    uris = [
        str(annotation.get_object()["/A"].get("/URI", ""))
        for page in PdfReader(path).pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    assert not [uri for uri in uris if not uri.startswith(("http", "mailto"))]


def test_cancelling_a_pdf_export_leaves_no_file(library: Library, tmp_path: Path) -> None:
    bundle = library.load(add_postmortem(library.store, event_count=200))
    seen: list[float] = []

    def cancel_after_some_progress() -> bool:
        return len(seen) >= 2

    with pytest.raises(ExportCancelledError):
        export_report(
            bundle,
            tmp_path / "r.pdf",
            fmt=ExportFormat.PDF,
            progress=lambda fraction, text: seen.append(fraction),
            cancelled=cancel_after_some_progress,
        )
    assert list(tmp_path.glob("r.pdf*")) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".r.pdf")] == []


def test_anonymising_replaces_names_everywhere_with_consistent_role_labels(
    library: Library, tmp_path: Path
) -> None:
    bundle = library.load(add_postmortem(library.store))
    options = ReportOptions(anonymise=True)
    report = build_report(bundle, options)

    outputs = {
        "md": render_markdown(report),
        "xml": render_storage(report),
        "pdf": " ".join(
            _pdf_text(
                export_report(bundle, tmp_path / "a.pdf", fmt=ExportFormat.PDF, options=options)
            ).split()
        ),
    }
    for name, text in outputs.items():
        for person in ["Zoë", "Müller", "Ιωάννης", "Анна", "José", "Álvarez", "Priya", "zoe@"]:
            assert person not in text, (name, person)
        assert "Incident commander" in text
        assert "Engineer A" in text
    assert "Incident commander noticed the alert first" in report.summary.plain()
    assert "Technical lead confirmed the numbers" in report.impact.plain()
    assert {row.actor for row in report.timeline if row.text.startswith("Rotated")} == {
        "Engineer A"
    }
    assert [a.owner for a in report.actions][:4] == [
        "Postmortem owner",
        "Incident commander",
        "Engineer A",
        "Communications lead",
    ]


def test_external_summary_keeps_only_public_sections_and_hides_names(library: Library) -> None:
    bundle = library.load(add_postmortem(library.store))

    report = build_report(bundle, ReportOptions(audience=Audience.EXTERNAL))

    assert report.sections == (Section.SUMMARY, Section.IMPACT, Section.KEY_TIMES, Section.ACTIONS)
    assert report.anonymised
    text = render_markdown(report)
    assert "Timeline" not in text
    assert "Zoë" not in text


def test_chosen_sections_and_timeline_scope(library: Library) -> None:
    bundle = library.load(add_postmortem(library.store))

    chosen = build_report(bundle, ReportOptions(sections=frozenset({Section.TIMELINE})))
    everything = build_report(bundle, ReportOptions(all_events=True))

    assert chosen.sections == (Section.TIMELINE,)
    assert "Left out of the report" not in [row.text for row in chosen.timeline]
    assert "Left out of the report" in [row.text for row in everything.timeline]
    assert "## 1. Timeline" in render_markdown(chosen)


def test_meeting_statistics_sum_logs_per_step_against_the_agenda(library: Library) -> None:
    report = build_report(library.load(add_postmortem(library.store)), ReportOptions())

    review = next(row for row in report.meeting if row.step is MeetingStep.REVIEW)
    assert review.planned_display == "35 min"
    assert review.actual_display == "38 min"
    assert review.over_by.total_seconds() == 180
    assert report.meeting_actual_total.total_seconds() == 64 * 60
    durations = {fact.label: fact.value for fact in report.durations}
    assert durations["Time to detect"] == "6 min"
    assert durations["Time to resolve"] == "1 h 45 min"
    assert report.key_times[0].display == "2024-03-14 10:02"


def test_markup_keeps_safe_links_and_drops_the_rest() -> None:
    rich = parse_markdown(
        "[ok](https://example.com/a?b=1&c=2) [mail](mailto:sre@example.com) "
        "[bad](javascript:alert(1)) [data](data:text/html,x) <https://auto.example.com> "
        "**bold** `<code> & ]]>`"
    )

    spans = [span for block in rich.blocks for span in block.spans]  # type: ignore[union-attr]
    links = {span.text: span.href for span in spans if span.href}
    assert links == {
        "ok": "https://example.com/a?b=1&c=2",
        "mail": "mailto:sre@example.com",
        "https://auto.example.com": "https://auto.example.com",
    }
    assert any(span.code and span.text == "<code> & ]]>" for span in spans)
    assert "bad" in rich.plain()


def test_markdown_output_shows_payloads_as_text_in_a_markdown_viewer(library: Library) -> None:
    pid = add_postmortem(library.store, title=f"T {PAYLOAD}", summary=f"{PAYLOAD}\n\n# heading")
    text = render_markdown(build_report(library.load(pid), ReportOptions()))

    html = markdown.markdown(text)

    assert "<script>" not in html
    assert "<b>bold?</b>" not in html
    assert "<ac:structured-macro" not in html
    assert 'href="javascript' not in html
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_confluence_storage_keeps_payloads_as_text(library: Library) -> None:
    pid = add_postmortem(library.store, title=f"T {PAYLOAD}", summary=PAYLOAD)

    body = render_storage(build_report(library.load(pid), ReportOptions()), attachment_name="r.pdf")

    root = ET.fromstring(
        '<r xmlns:ac="http://atlassian.com/content" '
        'xmlns:ri="http://atlassian.com/resource/identifier">' + body + "</r>"
    )
    assert not [e for e in root.iter() if e.tag in ("script", "b", "i")]
    assert "<script>alert(1)</script>" in "".join(root.itertext())
    assert "&lt;script&gt;" in body
    assert 'ri:filename="r.pdf"' in body
    assert '<ac:parameter ac:name="colour">Red</ac:parameter>' in body


@pytest.mark.parametrize(
    "body",
    [
        "<p>unclosed",
        '<ac:structured-macro ac:name="html"/>',
        "<script>alert(1)</script>",
        '<a href="javascript:alert(1)">x</a>',
        '<p onclick="x()">y</p>',
        "<zz:thing/>",
    ],
)
def test_validation_refuses_bodies_outside_our_vocabulary(body: str) -> None:
    with pytest.raises(StorageFormatError, match="nothing was sent"):
        validate_storage(body)
