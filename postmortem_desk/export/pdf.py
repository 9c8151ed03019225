"""Render a report as a PDF with reportlab Platypus: cover, contents, timeline chart, tables.

Every user string goes through :func:`escape` before reaching a reportlab paragraph, so text such
as ``<b>``, ``&`` or an unclosed tag prints literally. Fonts are embedded from ``resources/fonts``.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Indenter,
    KeepInFrame,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from postmortem_desk import APP_NAME, __version__
from postmortem_desk.domain.enums import EventKind, Severity
from postmortem_desk.domain.rules import format_duration
from postmortem_desk.export.errors import ExportCancelledError, ExportError
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
from postmortem_desk.export.report_model import Audience, Report, Section
from postmortem_desk.paths import resource_dir

Progress = Callable[[float, str], None]
CancelCheck = Callable[[], bool]

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
FONT_MONO = "DejaVuSansMono"
FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    FONT_MONO: "DejaVuSansMono.ttf",
}

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#616E7C")
RULE = colors.HexColor("#D9E2EC")
BAND = colors.HexColor("#F3F6F9")
ACCENT = colors.HexColor("#2B4C6F")
ACCENT_DARK = colors.HexColor("#1B3350")
ACCENT_SOFT = colors.HexColor("#E4ECF4")
LINK = colors.HexColor("#1F5F99")
SEVERITY_COLOURS: dict[Severity, colors.Color] = {
    Severity.SEV1: colors.HexColor("#B42318"),
    Severity.SEV2: colors.HexColor("#C4501A"),
    Severity.SEV3: colors.HexColor("#B7791F"),
    Severity.SEV4: colors.HexColor("#3F7D58"),
}
KIND_COLOURS: dict[EventKind, colors.Color] = {
    EventKind.ALERT: colors.HexColor("#C0392B"),
    EventKind.PAGE: colors.HexColor("#D35400"),
    EventKind.ACKNOWLEDGEMENT: colors.HexColor("#B7791F"),
    EventKind.CHAT: colors.HexColor("#7B8794"),
    EventKind.CHANGE: colors.HexColor("#6B46C1"),
    EventKind.ACTION: colors.HexColor("#2B6CB0"),
    EventKind.MITIGATION: colors.HexColor("#2F855A"),
    EventKind.RESOLUTION: colors.HexColor("#276749"),
    EventKind.CUSTOMER_IMPACT: colors.HexColor("#9B2C2C"),
    EventKind.NOTE: colors.HexColor("#9AA5B1"),
}
PRIORITY_COLOURS = {
    "P0": colors.HexColor("#B42318"),
    "P1": colors.HexColor("#C4501A"),
    "P2": colors.HexColor("#52606D"),
}

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
COVER_BAND_HEIGHT = 108 * mm
COVER_TITLE_HEIGHT = 64 * mm

_fonts_registered = False


def escape(text: str) -> str:
    """Make user text safe for a reportlab paragraph: markup characters print literally."""
    return _xml_escape(clean_text(text), {'"': "&quot;"})


def register_fonts(font_dir: Path | None = None) -> None:
    """Register the bundled DejaVu fonts once, so accents, Greek and Cyrillic print."""
    global _fonts_registered
    if _fonts_registered:
        return
    folder = font_dir or resource_dir() / "fonts"
    for name, file_name in FONT_FILES.items():
        path = folder / file_name
        if not path.is_file():
            raise ExportError(
                f"The font file {path} is missing, so the PDF cannot be written. "
                "Reinstall Postmortem Desk to restore its resources folder."
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    pdfmetrics.registerFontFamily(
        FONT_MONO, normal=FONT_MONO, bold=FONT_MONO, italic=FONT_MONO, boldItalic=FONT_MONO
    )
    _fonts_registered = True


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8.5, leading=11.5, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=FONT_BOLD, fontSize=8.2, leading=10.5
        ),
        "head_cell": ParagraphStyle(
            "head_cell",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=7.5,
            leading=9.5,
            textColor=colors.white,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=17,
            leading=21,
            textColor=ACCENT_DARK,
            spaceBefore=4,
            spaceAfter=10,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=5,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=10,
            leading=13,
            textColor=INK,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "code": ParagraphStyle(
            "code",
            parent=base,
            fontName=FONT_MONO,
            fontSize=8,
            leading=10.5,
            backColor=BAND,
            borderPadding=4,
            leftIndent=4,
            rightIndent=4,
            spaceBefore=4,
            spaceAfter=6,
        ),
        "quote": ParagraphStyle(
            "quote", parent=base, leftIndent=12, textColor=MUTED, fontName=FONT_ITALIC
        ),
        "cover_eyebrow": ParagraphStyle(
            "cover_eyebrow",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=12,
            textColor=colors.HexColor("#B8CCE0"),
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=25,
            leading=31,
            textColor=colors.white,
        ),
        "cover_label": ParagraphStyle(
            "cover_label", parent=base, fontSize=7.5, leading=10, textColor=MUTED
        ),
        "cover_value": ParagraphStyle("cover_value", parent=base, fontSize=10.5, leading=14),
        "stat_value": ParagraphStyle(
            "stat_value",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=16,
            leading=20,
            textColor=ACCENT_DARK,
        ),
        "stat_label": ParagraphStyle(
            "stat_label", parent=base, fontSize=7.5, leading=10, textColor=MUTED
        ),
        "toc0": ParagraphStyle("toc0", parent=base, fontSize=10.5, leading=20, leftIndent=0),
        "toc1": ParagraphStyle(
            "toc1", parent=base, fontSize=9, leading=15, leftIndent=14, textColor=MUTED
        ),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "left": ParagraphStyle("left", parent=base, alignment=TA_LEFT),
    }


# --- Rich text ------------------------------------------------------------------------------


def spans_markup(spans: Sequence[Span]) -> str:
    """Turn sanitised spans into reportlab paragraph markup with every text escaped."""
    parts: list[str] = []
    for span in spans:
        if span.line_break:
            parts.append("<br/>")
            continue
        text = escape(span.text)
        if span.code:
            text = f'<font face="{FONT_MONO}" backColor="#F3F6F9">{text}</font>'
        if span.bold:
            text = f"<b>{text}</b>"
        if span.italic:
            text = f"<i>{text}</i>"
        if span.href:
            text = f'<a href="{escape(span.href)}" color="#1F5F99"><u>{text}</u></a>'
        parts.append(text)
    return "".join(parts)


def rich_flowables(
    rich: RichText, styles: dict[str, ParagraphStyle], *, style: str = "body"
) -> list[Flowable]:
    """Lay out parsed Markdown as paragraphs, lists, quotes and code blocks."""
    out: list[Flowable] = []
    for block in rich.blocks:
        out.extend(_block_flowables(block, styles, styles[style], 0))
    return out


def _block_flowables(
    block: Block, styles: dict[str, ParagraphStyle], style: ParagraphStyle, indent: float
) -> list[Flowable]:
    indented = ParagraphStyle(
        f"{style.name}_{indent}", parent=style, leftIndent=style.leftIndent + indent, spaceAfter=4
    )
    if isinstance(block, Para):
        return [Paragraph(spans_markup(block.spans), indented)]
    if isinstance(block, Heading):
        return [Paragraph(spans_markup(block.spans), styles["h3"])]
    if isinstance(block, CodeBlock):
        lines = [escape(line).replace(" ", "&nbsp;") for line in block.text.split("\n")]
        return [Paragraph("<br/>".join(lines), styles["code"])]
    if isinstance(block, Quote):
        quoted: list[Flowable] = []
        for inner in block.blocks:
            quoted.extend(_block_flowables(inner, styles, styles["quote"], indent))
        return quoted
    if isinstance(block, ListBlock):
        items: list[Flowable] = []
        for number, item in enumerate(block.items, start=1):
            marker = f"{number}." if block.ordered else "•"
            for position, inner in enumerate(item):
                if position == 0 and isinstance(inner, Para):
                    bullet_style = ParagraphStyle(
                        f"{style.name}_li_{indent}",
                        parent=style,
                        leftIndent=style.leftIndent + indent + 14,
                        bulletIndent=style.leftIndent + indent + 2,
                        spaceAfter=2,
                    )
                    items.append(
                        Paragraph(spans_markup(inner.spans), bullet_style, bulletText=marker)
                    )
                else:
                    items.extend(_block_flowables(inner, styles, style, indent + 14))
        return [*items, Spacer(1, 3)]
    if isinstance(block, Rule):
        return [_HRule(FRAME_WIDTH - indent)]
    return []


# --- Small drawn pieces ---------------------------------------------------------------------


class _HRule(Flowable):  # type: ignore[misc]
    """A thin horizontal line."""

    def __init__(self, width: float, colour: colors.Color = RULE, space: float = 6) -> None:
        super().__init__()
        self.width = width
        self.colour = colour
        self.space = space

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = min(self.width, available_width)
        return self.width, self.space * 2

    def draw(self) -> None:
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, self.space, self.width, self.space)


class Badge(Flowable):  # type: ignore[misc]
    """A rounded, filled label such as the severity on the cover."""

    def __init__(
        self, text: str, fill: colors.Color, *, size: float = 11, padding: float = 6
    ) -> None:
        super().__init__()
        self.text = text
        self.fill = fill
        self.size = size
        self.padding = padding

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width = pdfmetrics.stringWidth(self.text, FONT_BOLD, self.size) + 2 * self.padding + 4
        return width, self.size + 2 * self.padding

    def draw(self) -> None:
        width, height = self.wrap(0, 0)
        self.canv.setFillColor(self.fill)
        self.canv.roundRect(0, 0, width, height, 4, stroke=0, fill=1)
        self.canv.setFillColor(colors.white)
        self.canv.setFont(FONT_BOLD, self.size)
        self.canv.drawCentredString(width / 2, self.padding + self.size * 0.18, self.text)


class SectionHeading(Paragraph):  # type: ignore[misc]
    """A heading that adds itself to the table of contents and the PDF outline."""

    def __init__(self, text: str, style: ParagraphStyle, *, level: int, key: str) -> None:
        super().__init__(escape(text), style)
        self.toc_text = text
        self.toc_level = level
        self.toc_key = key


# --- Timeline chart -------------------------------------------------------------------------


def _nice_step(span: timedelta) -> timedelta:
    minutes = max(span.total_seconds() / 60, 1)
    for step in (1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080):
        if minutes / step <= 8:
            return timedelta(minutes=step)
    return timedelta(days=14)


def timeline_chart(report: Report, width: float = FRAME_WIDTH) -> Drawing | None:
    """Draw the incident span with event ticks by kind and flagged milestones."""
    chart = report.chart
    if chart is None:
        return None
    height = 56 * mm
    drawing = Drawing(width, height)
    left, right = 8.0, width - 8.0
    axis_y = 20 * mm
    span_seconds = max((chart.end - chart.start).total_seconds(), 60.0)

    def x_of(moment: datetime) -> float:
        return left + (right - left) * (moment - chart.start).total_seconds() / span_seconds

    drawing.add(Rect(0, 0, width, height, fillColor=BAND, strokeColor=None, rx=4, ry=4))
    started = next((k.at for k in report.key_times if k.milestone.value == "started"), None)
    resolved = next((k.at for k in report.key_times if k.milestone.value == "resolved"), None)
    if started is not None and resolved is not None and resolved > started:
        drawing.add(
            Rect(
                x_of(started),
                axis_y - 5,
                x_of(resolved) - x_of(started),
                10,
                fillColor=colors.HexColor("#F6D8D5"),
                strokeColor=None,
            )
        )
    drawing.add(Line(left, axis_y, right, axis_y, strokeColor=MUTED, strokeWidth=0.8))

    step = _nice_step(chart.end - chart.start)
    first_tick = chart.start.replace(second=0, microsecond=0)
    step_minutes = int(step.total_seconds() // 60)
    if step_minutes < 1440:
        minute_of_day = first_tick.hour * 60 + first_tick.minute
        first_tick -= timedelta(minutes=minute_of_day % step_minutes)
    else:
        first_tick = first_tick.replace(hour=0, minute=0)
    tick = first_tick
    while tick <= chart.end:
        if tick >= chart.start:
            x = x_of(tick)
            drawing.add(Line(x, axis_y - 3, x, axis_y - 6, strokeColor=MUTED, strokeWidth=0.5))
            label = tick.strftime("%H:%M") if step_minutes < 1440 else tick.strftime("%d %b")
            drawing.add(
                String(
                    x,
                    axis_y - 14,
                    label,
                    fontName=FONT,
                    fontSize=6.5,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
        tick += step

    lanes: dict[EventKind, int] = {}
    for mark in chart.events:
        if mark.kind is not None and mark.kind not in lanes:
            lanes[mark.kind] = len(lanes)
    for mark in chart.events:
        if mark.kind is None:
            continue
        x = x_of(mark.at)
        drawing.add(
            Line(
                x, axis_y + 2, x, axis_y + 11, strokeColor=KIND_COLOURS[mark.kind], strokeWidth=0.9
            )
        )

    marks = sorted(chart.milestones, key=lambda m: m.at)
    placed: list[tuple[float, float, int]] = []
    levels: dict[int, int] = {}
    for index in range(len(marks) - 1, -1, -1):
        x = x_of(marks[index].at)
        text = f"{marks[index].label} {marks[index].at.strftime('%H:%M')}"
        text_end = x + 8 + pdfmetrics.stringWidth(text, FONT_BOLD, 7)
        level = 0
        for other_x, _other_end, other_level in placed:
            if x - 2 <= other_x <= text_end + 4:
                level = max(level, other_level + 1)
        levels[index] = level
        placed.append((x, text_end, level))
    for index, mark in enumerate(marks):
        x = x_of(mark.at)
        text = f"{mark.label} {mark.at.strftime('%H:%M')}"
        text_width = pdfmetrics.stringWidth(text, FONT_BOLD, 7)
        top = axis_y + 16 + levels[index] * 12
        drawing.add(Line(x, axis_y, x, top, strokeColor=ACCENT, strokeWidth=0.7))
        drawing.add(
            Circle(x, axis_y, 2.4, fillColor=ACCENT, strokeColor=colors.white, strokeWidth=0.6)
        )
        drawing.add(
            Polygon([x, top, x + 5, top - 2.5, x, top - 5], fillColor=ACCENT, strokeColor=None)
        )
        label_x = min(x + 7, right - text_width)
        drawing.add(
            String(label_x, top - 4.5, text, fontName=FONT_BOLD, fontSize=7, fillColor=ACCENT_DARK)
        )

    legend_x = left
    for kind in lanes:
        drawing.add(Rect(legend_x, 5, 6, 6, fillColor=KIND_COLOURS[kind], strokeColor=None))
        drawing.add(
            String(legend_x + 9, 5.5, kind.label, fontName=FONT, fontSize=6.5, fillColor=INK)
        )
        legend_x += 14 + pdfmetrics.stringWidth(kind.label, FONT, 6.5)
    return drawing


# --- Document -------------------------------------------------------------------------------


class _ReportDocument(BaseDocTemplate):  # type: ignore[misc]
    """The page templates, headers, footers, outline and progress of one report."""

    def __init__(
        self,
        target: Any,
        report: Report,
        *,
        progress: Progress | None,
        cancelled: CancelCheck | None,
        total_flowables: int,
    ) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 6 * mm,
            bottomMargin=MARGIN,
            title=report.title,
            author=report.owner if report.owner != "—" else APP_NAME,
            subject=report.subject,
            creator=f"{APP_NAME} {__version__}",
            keywords=["postmortem", report.severity.value, report.incident_key],
            lang="en",
        )
        self.report = report
        self.progress = progress
        self.cancelled = cancelled
        self.total_flowables = max(total_flowables, 1)
        self.done_flowables = 0
        self.passes = 0
        self.pages_seen = 0
        self.previous_total = 0
        cover_frame = Frame(
            MARGIN, MARGIN, FRAME_WIDTH, PAGE_HEIGHT - 2 * MARGIN, id="cover", showBoundary=0
        )
        body_frame = Frame(
            MARGIN,
            MARGIN + 4 * mm,
            FRAME_WIDTH,
            PAGE_HEIGHT - 2 * MARGIN - 12 * mm,
            id="body",
            showBoundary=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[cover_frame], onPage=self._draw_cover),
                PageTemplate(id="body", frames=[body_frame], onPage=self._draw_body),
            ]
        )

    def beforeDocument(self) -> None:
        self.passes += 1
        self.previous_total = self.pages_seen

    def afterFlowable(self, flowable: Flowable) -> None:
        self.done_flowables += 1
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelledError("The PDF export was cancelled.")
        if self.progress is not None and self.done_flowables % 25 == 0:
            fraction = min(self.done_flowables / (self.total_flowables * 2), 0.99)
            self.progress(fraction, f"Laying out pages (pass {self.passes})")
        if isinstance(flowable, SectionHeading):
            self.notify(
                "TOCEntry", (flowable.toc_level, flowable.toc_text, self.page, flowable.toc_key)
            )
            self.canv.bookmarkPage(flowable.toc_key)
            self.canv.addOutlineEntry(
                flowable.toc_text, flowable.toc_key, level=flowable.toc_level, closed=False
            )

    def _draw_cover(self, canvas: Any, doc: Any) -> None:
        self.pages_seen = max(self.pages_seen, canvas.getPageNumber())
        report = self.report
        canvas.saveState()
        canvas.setFillColor(ACCENT_DARK)
        canvas.rect(
            0, PAGE_HEIGHT - COVER_BAND_HEIGHT, PAGE_WIDTH, COVER_BAND_HEIGHT, stroke=0, fill=1
        )
        canvas.setFillColor(SEVERITY_COLOURS[report.severity])
        canvas.rect(
            0, PAGE_HEIGHT - COVER_BAND_HEIGHT - 2 * mm, PAGE_WIDTH, 2 * mm, stroke=0, fill=1
        )
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 7.5)
        canvas.drawString(
            MARGIN,
            MARGIN - 6 * mm,
            f"{report.audience.label} · generated "
            f"{report.generated_at.strftime('%Y-%m-%d %H:%M UTC')} by {APP_NAME}",
        )
        if report.audience is Audience.INTERNAL:
            canvas.drawRightString(
                PAGE_WIDTH - MARGIN, MARGIN - 6 * mm, "Blameless review · internal use"
            )
        canvas.restoreState()

    def _draw_body(self, canvas: Any, doc: Any) -> None:
        number = canvas.getPageNumber()
        self.pages_seen = max(self.pages_seen, number)
        report = self.report
        canvas.saveState()
        top = PAGE_HEIGHT - MARGIN + 2 * mm
        canvas.setFont(FONT_BOLD, 7.5)
        canvas.setFillColor(SEVERITY_COLOURS[report.severity])
        canvas.drawString(MARGIN, top, report.severity.value)
        offset = pdfmetrics.stringWidth(report.severity.value, FONT_BOLD, 7.5) + 6
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        heading = f"{report.incident_key} · {report.title}" if report.incident_key else report.title
        heading = _fit(heading, FONT, 7.5, FRAME_WIDTH - offset - 40 * mm)
        canvas.drawString(MARGIN + offset, top, heading)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, top, report.audience.label)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 2.5 * mm, PAGE_WIDTH - MARGIN, top - 2.5 * mm)
        bottom = MARGIN - 4 * mm
        canvas.line(MARGIN, bottom + 4 * mm, PAGE_WIDTH - MARGIN, bottom + 4 * mm)
        canvas.drawString(
            MARGIN, bottom, f"Generated {report.generated_at.strftime('%Y-%m-%d')} · {APP_NAME}"
        )
        total = f" of {self.previous_total}" if self.previous_total >= number else ""
        canvas.drawRightString(PAGE_WIDTH - MARGIN, bottom, f"Page {number}{total}")
        canvas.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten text with an ellipsis so it fits in ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# --- Story ----------------------------------------------------------------------------------


def _table_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("TEXTCOLOR", (0, 1), (-1, -1), INK),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            *extra,
        ]
    )


def _head(labels: Sequence[str], styles: dict[str, ParagraphStyle]) -> list[Paragraph]:
    return [Paragraph(escape(label), styles["head_cell"]) for label in labels]


def _cover(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    eyebrow = "POSTMORTEM REPORT"
    if report.incident_key:
        eyebrow += f" · {report.incident_key}"
    title_block = Table(
        [
            [
                KeepInFrame(
                    FRAME_WIDTH,
                    60 * mm,
                    [
                        Paragraph(escape(eyebrow), styles["cover_eyebrow"]),
                        Spacer(1, 5 * mm),
                        Paragraph(escape(report.title), styles["cover_title"]),
                    ],
                    mode="shrink",
                )
            ]
        ],
        colWidths=[FRAME_WIDTH],
        rowHeights=[COVER_TITLE_HEIGHT],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    badge_row = Table(
        [
            [
                Badge(report.severity.value, SEVERITY_COLOURS[report.severity], size=12),
                Paragraph(
                    f"<b>{escape(report.severity_description)}</b>",
                    ParagraphStyle("sev", parent=styles["body"], textColor=INK),
                ),
            ]
        ],
        colWidths=[24 * mm, FRAME_WIDTH - 24 * mm],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    facts = [
        ("Status", report.status_label),
        ("Owner", report.owner),
        ("Incident started", f"{report.started} ({report.timezone_label})"),
        ("Resolved", f"{report.resolved} ({report.timezone_label})"),
        ("Postmortem meeting", report.meeting_date),
        ("Services", ", ".join(report.services) or "—"),
    ]
    cells = [
        [
            [
                Paragraph(escape(label.upper()), styles["cover_label"]),
                Paragraph(escape(value), styles["cover_value"]),
            ]
            for label, value in facts[row * 2 : row * 2 + 2]
        ]
        for row in range(3)
    ]
    fact_table = Table(
        cells,
        colWidths=[FRAME_WIDTH / 2] * 2,
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ]
        ),
    )
    story: list[Flowable] = [
        Spacer(1, COVER_BAND_HEIGHT - MARGIN - COVER_TITLE_HEIGHT - 14 * mm),
        title_block,
        Spacer(1, 22 * mm),
    ]
    story += [badge_row, Spacer(1, 8 * mm), fact_table, Spacer(1, 10 * mm)]
    if report.has(Section.SUMMARY) and not report.summary.is_empty:
        summary = KeepInFrame(
            FRAME_WIDTH,
            70 * mm,
            [Paragraph("<b>In brief</b>", styles["h3"]), *rich_flowables(report.summary, styles)],
            mode="truncate",
        )
        story.append(summary)
    if report.anonymised:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph("People are named by their role in this report.", styles["muted"]))
    return story


def _key_times(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    times = [_head(["Milestone", f"Time ({report.timezone_label})"], styles)]
    for row in report.key_times:
        times.append([row.label, row.display])
    durations = [_head(["Measure", "Duration"], styles)]
    for fact in report.durations:
        durations.append([fact.label, fact.value])
    half = (FRAME_WIDTH - 8 * mm) / 2
    left = Table(times, colWidths=[half * 0.45, half * 0.55], style=_table_style())
    right = Table(
        durations,
        colWidths=[half * 0.6, half * 0.4],
        style=_table_style([("FONTNAME", (1, 1), (1, -1), FONT_BOLD)]),
    )
    return [
        Table(
            [[left, right]],
            colWidths=[half + 4 * mm, half + 4 * mm],
            style=TableStyle(
                [("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            ),
        )
    ]


def _impact(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    if report.impact_figures:
        cards = [
            [
                Paragraph(escape(fact.value), styles["stat_value"]),
                Paragraph(escape(fact.label.upper()), styles["stat_label"]),
            ]
            for fact in report.impact_figures
        ]
        width = FRAME_WIDTH / len(cards)
        story.append(
            Table(
                [cards],
                colWidths=[width] * len(cards),
                style=TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, -1), BAND),
                        ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
                        ("TOPPADDING", (0, 0), (-1, -1), 8),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                        ("LEFTPADDING", (0, 0), (-1, -1), 10),
                    ]
                ),
            )
        )
        story.append(Spacer(1, 5 * mm))
    story.extend(rich_flowables(report.impact, styles))
    return story


def _timeline(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    drawing = timeline_chart(report)
    if drawing is not None:
        story += [drawing, Spacer(1, 5 * mm)]
    if not report.timeline:
        return [*story, Paragraph("No events were marked for the report.", styles["muted"])]
    rows: list[list[Any]] = [
        _head([f"Time ({report.timezone_label})", "Kind", "Who", "What"], styles)
    ]
    widths = [27 * mm, 27 * mm, 30 * mm, FRAME_WIDTH - 84 * mm]
    padding = 10
    extra: list[tuple[Any, ...]] = []
    cell = styles["cell"]
    for index, event in enumerate(report.timeline, start=1):
        what: Any
        if event.milestone_label:
            what = Paragraph(
                f'<font color="#1B3350"><b>{escape(event.milestone_label)}</b></font> · '
                f"{escape(event.text)}",
                cell,
            )
            extra.append(("BACKGROUND", (0, index), (-1, index), ACCENT_SOFT))
        else:
            what = _wrapped(event.text, widths[3] - padding)
        rows.append(
            [event.when, event.kind_label, _wrapped(event.actor, widths[2] - padding), what]
        )
        extra.append(("TEXTCOLOR", (1, index), (1, index), KIND_COLOURS[event.kind]))
    story.append(
        LongTable(
            rows,
            colWidths=widths,
            repeatRows=1,
            style=_table_style(
                [
                    ("FONTSIZE", (0, 1), (1, -1), 7.2),
                    ("FONTSIZE", (2, 1), (3, -1), 8),
                    ("LEADING", (0, 1), (-1, -1), 10),
                    *extra,
                ]
            ),
        )
    )
    return story


def _wrapped(text: str, width: float, font: str = FONT, size: float = 8) -> str:
    """Break plain text into lines for a table cell; plain cells print every character as is."""
    lines: list[str] = []
    for paragraph in clean_text(text).split("\n"):
        for line in simpleSplit(paragraph, font, size, width) or [""]:
            while pdfmetrics.stringWidth(line, font, size) > width and len(line) > 1:
                low, high = 1, len(line) - 1
                while low < high:
                    middle = (low + high + 1) // 2
                    if pdfmetrics.stringWidth(line[:middle], font, size) <= width:
                        low = middle
                    else:
                        high = middle - 1
                cut = low
                lines.append(line[:cut])
                line = line[cut:]
            lines.append(line)
    return "\n".join(lines)


def _whys(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not report.whys:
        return [Paragraph("The five-whys tree is empty.", styles["muted"])]
    story: list[Flowable] = []
    shades = [ACCENT_DARK, ACCENT, colors.HexColor("#4A6F96"), colors.HexColor("#6F8FB2")]
    for line in report.whys:
        indent = min(line.depth, 8) * 7 * mm
        text = escape(line.text) or "<i>(no answer yet)</i>"
        if line.is_factor:
            label = "Contributing factor"
            if line.category_label:
                label += f" · {line.category_label}"
            text += f'<br/><font color="#B7791F" size="7.5"><b>{escape(label.upper())}</b></font>'
        prefix = "Problem" if line.depth == 0 else f"Why {line.depth}"
        block = Table(
            [
                [
                    Paragraph(
                        f'<font color="#616E7C" size="7">{escape(prefix.upper())} · '
                        f"{escape(line.number)}</font><br/>{text}",
                        styles["body"],
                    )
                ]
            ],
            colWidths=[FRAME_WIDTH - indent],
            style=TableStyle(
                [
                    (
                        "LINEBEFORE",
                        (0, 0),
                        (0, 0),
                        2.5,
                        colors.HexColor("#B7791F")
                        if line.is_factor
                        else shades[min(line.depth, 3)],
                    ),
                    (
                        "BACKGROUND",
                        (0, 0),
                        (-1, -1),
                        colors.HexColor("#FDF6E7") if line.is_factor else BAND,
                    ),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            ),
        )
        story += [Indenter(left=indent), block, Indenter(left=-indent), Spacer(1, 3)]
    return story


def _factors(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not report.factors:
        return [Paragraph("No contributing factors were flagged.", styles["muted"])]
    rows: list[list[Any]] = [_head(["Category", "Contributing factor"], styles)]
    for factor in report.factors:
        rows.append(
            [
                Paragraph(escape(factor.category_label), styles["cell_bold"]),
                Paragraph(escape(factor.text), styles["cell"]),
            ]
        )
    return [
        Table(rows, colWidths=[42 * mm, FRAME_WIDTH - 42 * mm], repeatRows=1, style=_table_style())
    ]


def _lessons(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    for group in report.lessons:
        story.append(Paragraph(escape(group.label), styles["h2"]))
        if not group.items:
            story.append(Paragraph("None recorded.", styles["muted"]))
            continue
        for item in group.items:
            flowables = rich_flowables(item, styles)
            if flowables and isinstance(flowables[0], Paragraph):
                first = flowables[0]
                bullet = ParagraphStyle(
                    "lesson", parent=first.style, leftIndent=14, bulletIndent=2, spaceAfter=3
                )
                flowables[0] = Paragraph(first.text, bullet, bulletText="•")
            story.extend(flowables)
    return story


def _actions(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not report.actions:
        return [Paragraph("No action items were recorded.", styles["muted"])]
    rows: list[list[Any]] = [
        _head(["#", "Action", "Owner", "Due", "Priority", "Status", "Ticket"], styles)
    ]
    extra: list[tuple[Any, ...]] = []
    cell = styles["cell"]
    for index, action in enumerate(report.actions, start=1):
        parts: list[Flowable] = [Paragraph(f"<b>{escape(action.title)}</b>", cell)]
        if not action.description.is_empty and report.audience is Audience.INTERNAL:
            parts.extend(rich_flowables(action.description, styles, style="small"))
        if action.wont_do_reason:
            parts.append(
                Paragraph(f"<i>Won't do: {escape(action.wont_do_reason)}</i>", styles["small"])
            )
        ticket: Any = action.ticket_key or "—"
        if action.ticket_url:
            ticket = Paragraph(
                f'<a href="{escape(action.ticket_url)}" color="#1F5F99"><u>'
                f"{escape(action.ticket_key or 'Link')}</u></a>",
                cell,
            )
        elif action.ticket_key:
            ticket = Paragraph(escape(action.ticket_key), cell)
        rows.append(
            [
                str(index),
                parts,
                Paragraph(escape(action.owner), cell),
                action.due,
                action.priority,
                action.status_label,
                ticket,
            ]
        )
        extra.append(
            ("TEXTCOLOR", (4, index), (4, index), PRIORITY_COLOURS.get(action.priority, INK))
        )
        extra.append(("FONTNAME", (4, index), (4, index), FONT_BOLD))
        if action.status_closed:
            extra.append(("TEXTCOLOR", (5, index), (5, index), MUTED))
    widths = [7 * mm, 58 * mm, 28 * mm, 19 * mm, 16 * mm, 19 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    return [
        LongTable(
            rows,
            colWidths=widths,
            repeatRows=1,
            style=_table_style([("FONTSIZE", (0, 1), (-1, -1), 8), *extra]),
        )
    ]


def _participants(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not report.participants:
        return [Paragraph("No participants were recorded.", styles["muted"])]
    rows: list[list[Any]] = [_head(["Name", "Team", "Roles"], styles)]
    for person in report.participants:
        rows.append(
            [
                Paragraph(escape(person.name), styles["cell_bold"]),
                Paragraph(escape(person.team or "—"), styles["cell"]),
                Paragraph(escape(person.roles or "Attendee"), styles["cell"]),
            ]
        )
    return [
        Table(
            rows,
            colWidths=[60 * mm, 40 * mm, FRAME_WIDTH - 100 * mm],
            repeatRows=1,
            style=_table_style(),
        )
    ]


def _meeting_bars(report: Report) -> Drawing:
    rows = report.meeting
    bar_height, gap, label_width = 7.0, 9.0, 34 * mm
    height = len(rows) * (2 * bar_height + gap) + 18
    drawing = Drawing(FRAME_WIDTH, height)
    longest = max([max(r.planned, r.actual).total_seconds() for r in rows] + [60.0])
    scale = (FRAME_WIDTH - label_width - 30 * mm) / longest
    y = height - 4
    for row in rows:
        y -= 2 * bar_height + gap
        drawing.add(
            String(0, y + bar_height - 2, row.label, fontName=FONT, fontSize=8, fillColor=INK)
        )
        planned_width = row.planned.total_seconds() * scale
        actual_width = row.actual.total_seconds() * scale
        drawing.add(
            Rect(
                label_width,
                y + bar_height,
                planned_width,
                bar_height - 1,
                fillColor=RULE,
                strokeColor=None,
            )
        )
        over = row.actual > row.planned + timedelta(minutes=1)
        drawing.add(
            Rect(
                label_width,
                y,
                actual_width,
                bar_height - 1,
                fillColor=colors.HexColor("#C4501A") if over else ACCENT,
                strokeColor=None,
            )
        )
        drawing.add(
            String(
                label_width + max(planned_width, actual_width) + 4,
                y + 3,
                f"{row.actual_display} of {row.planned_display}",
                fontName=FONT,
                fontSize=7,
                fillColor=MUTED,
            )
        )
    drawing.add(Rect(label_width, 2, 6, 6, fillColor=RULE, strokeColor=None))
    drawing.add(String(label_width + 9, 2.5, "Planned", fontName=FONT, fontSize=7, fillColor=MUTED))
    drawing.add(Rect(label_width + 50, 2, 6, 6, fillColor=ACCENT, strokeColor=None))
    drawing.add(String(label_width + 59, 2.5, "Actual", fontName=FONT, fontSize=7, fillColor=MUTED))
    return drawing


def _meeting(report: Report, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not report.meeting:
        return [Paragraph("No agenda or step times were recorded.", styles["muted"])]
    rows: list[list[Any]] = [_head(["Step", "Planned", "Actual", "Over plan"], styles)]
    extra: list[tuple[Any, ...]] = []
    for index, row in enumerate(report.meeting, start=1):
        over = row.over_by
        rows.append([row.label, row.planned_display, row.actual_display, _format_over(over)])
        if over > timedelta(minutes=1):
            extra.append(("TEXTCOLOR", (3, index), (3, index), colors.HexColor("#C4501A")))
    total_index = len(rows)
    rows.append(
        [
            "Total",
            _duration(report.meeting_planned_total),
            _duration(report.meeting_actual_total),
            _format_over(
                max(report.meeting_actual_total - report.meeting_planned_total, timedelta(0))
            ),
        ]
    )
    extra.append(("FONTNAME", (0, total_index), (-1, total_index), FONT_BOLD))
    extra.append(("LINEABOVE", (0, total_index), (-1, total_index), 0.8, MUTED))
    quarter = FRAME_WIDTH / 4
    table = Table(
        rows,
        colWidths=[quarter * 1.6, quarter * 0.8, quarter * 0.8, quarter * 0.8],
        repeatRows=1,
        style=_table_style(extra),
    )
    timed = any(row.actual > timedelta(0) for row in report.meeting)
    parts: list[Flowable] = [_meeting_bars(report), Spacer(1, 5 * mm)] if timed else []
    return [KeepTogether([*parts, table])]


def _duration(value: timedelta) -> str:
    return format_duration(value)


def _format_over(value: timedelta) -> str:
    return "—" if value <= timedelta(minutes=0) else f"+{_duration(value)}"


SECTION_BUILDERS: dict[Section, Callable[[Report, dict[str, ParagraphStyle]], list[Flowable]]] = {
    Section.SUMMARY: lambda report, styles: (
        [
            *rich_flowables(report.summary, styles),
            *(
                [
                    Spacer(1, 3 * mm),
                    Paragraph(
                        f"<b>Services affected:</b> {escape(', '.join(report.services))}",
                        styles["body"],
                    ),
                ]
                if report.services
                else []
            ),
        ]
        if not report.summary.is_empty
        else [Paragraph("No summary was written.", styles["muted"])]
    ),
    Section.IMPACT: _impact,
    Section.KEY_TIMES: _key_times,
    Section.TIMELINE: _timeline,
    Section.WHYS: _whys,
    Section.FACTORS: _factors,
    Section.LESSONS: _lessons,
    Section.ACTIONS: _actions,
    Section.PARTICIPANTS: _participants,
    Section.MEETING: _meeting,
}


def build_story(report: Report) -> list[Flowable]:
    """Return the flowables of the whole report, cover first."""
    register_fonts()
    styles = _styles()
    story: list[Flowable] = [*_cover(report, styles), NextPageTemplate("body"), PageBreak()]
    toc = TableOfContents(
        levelStyles=[styles["toc0"], styles["toc1"]], dotsMinLevel=0, rightColumnWidth=14 * mm
    )
    story += [
        Paragraph("Contents", styles["h1"]),
        Spacer(1, 2 * mm),
        toc,
        PageBreak(),
    ]
    for number, section in enumerate(report.sections, start=1):
        title = f"{number}. {section.label}"
        heading = SectionHeading(title, styles["h1"], level=0, key=f"section-{section.value}")
        body = SECTION_BUILDERS[section](report, styles)
        story.append(CondPageBreak(60 * mm))
        story.append(KeepTogether([heading, *body[:1]]) if body else heading)
        story.extend(body[1:])
        story.append(Spacer(1, 8 * mm))
    return story


def render_pdf_bytes(
    report: Report, *, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> bytes:
    """Render the report to PDF bytes; raise ``ExportCancelledError`` when cancelled."""
    story = build_story(report)
    buffer = io.BytesIO()
    document = _ReportDocument(
        buffer, report, progress=progress, cancelled=cancelled, total_flowables=len(story)
    )
    document.multiBuild(story)
    if progress is not None:
        progress(1.0, "PDF ready")
    return buffer.getvalue()


def write_atomically(destination: Path, data: bytes) -> Path:
    """Write ``data`` to ``destination`` through a temporary file, so no half file is left."""
    destination = destination.expanduser()
    folder = destination.parent
    if not folder.is_dir():
        raise ExportError(
            f"The folder {folder} does not exist. Choose an existing folder for {destination.name}."
        )
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{destination.name}.", dir=folder)
    except OSError as error:
        raise ExportError(
            f"Cannot write to {folder}: {error.strerror}. Choose a folder you can write to."
        ) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        mode = destination.stat().st_mode & 0o777 if destination.exists() else 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, destination)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError(
            f"Cannot write {destination}: {error.strerror}. "
            "Close the file if another program has it open, or choose another name."
        ) from error
    return destination


def render_pdf(
    report: Report,
    destination: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the report as a PDF file; on cancel or error nothing is left behind."""
    return write_atomically(
        destination, render_pdf_bytes(report, progress=progress, cancelled=cancelled)
    )
