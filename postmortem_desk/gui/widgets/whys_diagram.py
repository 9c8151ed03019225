"""A drawn diagram of the five-whys tree, for the facilitator's window and the projector.

The diagram measures each node's wrapped text with Qt, hands the box sizes to the Qt-free
``services.whys_layout`` and paints the result. It fits its area by shrinking the type down to
the theme's minimum; beyond that it scrolls, and the user can zoom (Ctrl+wheel, Ctrl++, Ctrl+-,
Ctrl+0 to fit again).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextLayout,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from postmortem_desk.domain.enums import FactorCategory
from postmortem_desk.domain.models import WhyNode
from postmortem_desk.gui.style import UI_FONT_FAMILY, palette
from postmortem_desk.services.bundle import PostmortemBundle
from postmortem_desk.services.whys_layout import (
    LayoutNode,
    LayoutSpacing,
    Orientation,
    TreeLayout,
    layout_tree,
)

WIDTH_FACTORS = (1.0, 0.8, 0.65, 0.55)
_LIGHT_FACTOR_FILLS = {
    FactorCategory.TECHNICAL: "#E8EEFF",
    FactorCategory.PROCESS: "#FFF1D6",
    FactorCategory.TOOLING: "#F0E9FF",
    FactorCategory.MONITORING: "#E1F4E9",
    FactorCategory.COMMUNICATION: "#E0F3F8",
    FactorCategory.ORGANISATIONAL: "#FBE7F1",
}
_LIGHT_FACTOR_ACCENTS = {
    FactorCategory.TECHNICAL: "#2F5BEA",
    FactorCategory.PROCESS: "#9A5B00",
    FactorCategory.TOOLING: "#6B3FC4",
    FactorCategory.MONITORING: "#1E7A4C",
    FactorCategory.COMMUNICATION: "#0E6F86",
    FactorCategory.ORGANISATIONAL: "#A3246C",
}
_DARK_FACTOR_FILLS = {
    FactorCategory.TECHNICAL: "#1E3A8A",
    FactorCategory.PROCESS: "#6B4200",
    FactorCategory.TOOLING: "#4A2A8F",
    FactorCategory.MONITORING: "#145232",
    FactorCategory.COMMUNICATION: "#0C4A5A",
    FactorCategory.ORGANISATIONAL: "#6E1846",
}
_DARK_FACTOR_ACCENTS = {
    FactorCategory.TECHNICAL: "#A9C1FF",
    FactorCategory.PROCESS: "#FFD27A",
    FactorCategory.TOOLING: "#D4BFFF",
    FactorCategory.MONITORING: "#8FE3B4",
    FactorCategory.COMMUNICATION: "#8FDDF0",
    FactorCategory.ORGANISATIONAL: "#FFB0D9",
}


def _frozen(mapping: Mapping[FactorCategory, str]) -> Mapping[FactorCategory, str]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class DiagramTheme:
    """How the diagram looks: type size, colours (as #RRGGBB) and spacing.

    ``factor_fills`` and ``factor_accents`` give each factor category its own fill and label
    colour; a category missing from them (or a factor with no category) uses ``factor_fill``
    and ``factor_accent``, so one colour for every factor is simply empty mappings.
    """

    font_px: int = 15
    min_font_px: int = 11
    background: str = "#FFFFFF"
    text: str = "#1B2033"
    muted_text: str = "#5B6275"
    node_fill: str = "#F9FAFC"
    node_border: str = "#C5CBD8"
    problem_fill: str = "#1C2232"
    problem_text: str = "#FFFFFF"
    factor_fill: str = "#FFF1D6"
    factor_accent: str = "#9A5B00"
    factor_fills: Mapping[FactorCategory, str] = field(
        default_factory=lambda: _frozen(_LIGHT_FACTOR_FILLS)
    )
    factor_accents: Mapping[FactorCategory, str] = field(
        default_factory=lambda: _frozen(_LIGHT_FACTOR_ACCENTS)
    )
    line: str = "#9AA3B5"
    selected: str = "#2F5BEA"
    focus: str = "#2F5BEA"
    padding: int = 10
    max_box_em: float = 17.0
    font_family: str = UI_FONT_FAMILY

    @classmethod
    def facilitator(cls) -> DiagramTheme:
        """Return the light theme of the facilitator's window, from the app palette."""
        colours = palette()
        return cls(
            background=colours["surface"],
            text=colours["text"],
            muted_text=colours["muted"],
            node_fill=colours["surface_alt"],
            node_border=colours["border_strong"],
            problem_fill=colours["rail"],
            problem_text="#FFFFFF",
            line=colours["border_strong"],
            selected=colours["accent"],
            focus=colours["accent"],
        )

    @classmethod
    def high_contrast(cls, font_px: int = 28) -> DiagramTheme:
        """Return a dark, high-contrast theme with large type, as a projector needs."""
        return cls(
            font_px=font_px,
            min_font_px=max(12, round(font_px * 0.7)),
            background="#0B0F1A",
            text="#FFFFFF",
            muted_text="#C9D1E3",
            node_fill="#161D2E",
            node_border="#7D89A6",
            problem_fill="#2F5BEA",
            problem_text="#FFFFFF",
            factor_fill="#6B4200",
            factor_accent="#FFD27A",
            factor_fills=_frozen(_DARK_FACTOR_FILLS),
            factor_accents=_frozen(_DARK_FACTOR_ACCENTS),
            line="#AEB8CF",
            selected="#FFD400",
            focus="#FFD400",
            padding=16,
        )

    def fill_for(self, node: WhyNode) -> str:
        """Return the fill of a node's box."""
        if node.parent_id is None:
            return self.problem_fill
        if node.is_factor:
            return (
                self.factor_fills.get(node.category, self.factor_fill)
                if node.category
                else (self.factor_fill)
            )
        return self.node_fill

    def accent_for(self, node: WhyNode) -> str:
        """Return the colour of a factor's category label and border."""
        if node.category is None:
            return self.factor_accent
        return self.factor_accents.get(node.category, self.factor_accent)


@dataclass(frozen=True)
class _Tag:
    """The small capitals line on top of a box: what the node is, and its evidence."""

    kind: str
    evidence: str


@dataclass
class _NodeText:
    """A node's wrapped lines at one type size, and the box they need."""

    lines: list[str]
    tag: _Tag | None
    width: float
    height: float
    evidence_below: bool = False


@dataclass
class _Scene:
    """Everything measured for painting at one type size and orientation."""

    font_px: int
    orientation: Orientation
    layout: TreeLayout
    texts: dict[int, _NodeText]
    width_factor: float

    def fits(self, size: QSize) -> bool:
        return self.layout.width <= size.width() and self.layout.height <= size.height()

    def fit_ratio(self, size: QSize) -> float:
        if self.layout.width <= 0 or self.layout.height <= 0:
            return 1.0
        return min(size.width() / self.layout.width, size.height() / self.layout.height)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def balanced_wrap(
    text: str, font: QFont, max_width: float, min_width: float = 0.0
) -> tuple[list[str], float]:
    """Wrap to ``max_width``, then narrow the box as far as it goes without adding a line.

    Balanced lines read better than a full line followed by one orphaned word. Lines are
    never narrowed below ``min_width`` (the box is that wide anyway, say for its label).
    """
    if min_width >= max_width:
        return wrap_text(text, font, max_width)
    lines, widest = wrap_text(text, font, max_width)
    if len(lines) < 2 or widest <= min_width:
        return lines, widest
    low, high = max(widest / 2, min_width), widest
    best = (lines, widest)
    for _ in range(7):
        middle = (low + high) / 2
        candidate, candidate_widest = wrap_text(text, font, middle)
        if len(candidate) <= len(lines) and candidate_widest <= middle + 0.5:
            best = (candidate, candidate_widest)
            high = middle
        else:
            low = middle
    return best


def wrap_text(text: str, font: QFont, max_width: float) -> tuple[list[str], float]:
    """Wrap ``text`` at word boundaries (or anywhere in over-long words) to ``max_width``.

    Returns the lines and the width of the widest.
    """
    lines: list[str] = []
    widest = 0.0
    for paragraph in text.splitlines() or [""]:
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max_width)
            start, length = line.textStart(), line.textLength()
            lines.append(paragraph[start : start + length].rstrip())
            widest = max(widest, line.naturalTextWidth())
        layout.endLayout()
    return lines or [""], widest


class WhysDiagram(QWidget):
    """Draw a postmortem's whys tree: problem statements, answers, contributing factors.

    Signals:
        node_clicked(int): the user clicked a node, or moved to it with the arrow keys.
    """

    node_clicked = Signal(int)

    MIN_ZOOM_FONT_PX = 6
    MAX_ZOOM_FONT_PX = 96

    def __init__(self, parent: QWidget | None = None, theme: DiagramTheme | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whysDiagram")
        self.setAccessibleName("Five whys diagram")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._theme = theme or DiagramTheme.facilitator()
        self._nodes: dict[int, WhyNode] = {}
        self._order: list[WhyNode] = []
        self._evidence: dict[int, int] = {}
        self._selected: int | None = None
        self._zoom: float | None = None
        self._orientation: Orientation | None = None
        self._scene: _Scene | None = None
        self._measured: dict[tuple[int, float], dict[int, _NodeText]] = {}
        self._wraps: dict[tuple[str, bool, int, float, float], tuple[list[str], float]] = {}
        self._signature: object = None
        self._fit_font_px = self._theme.font_px
        self._scroll = QScrollArea(self)
        self._scroll.setObjectName("whysDiagramScroll")
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidgetResizable(False)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._canvas = _DiagramCanvas(self)
        self._scroll.setWidget(self._canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)
        self._apply_background()

    # --- Public API -------------------------------------------------------------------------

    def set_bundle(self, bundle: PostmortemBundle) -> None:
        """Show the whys tree of ``bundle``."""
        order = [n for nodes in bundle.why_children().values() for n in nodes if n.id is not None]
        evidence: dict[int, int] = {}
        for link in bundle.why_evidence:
            evidence[link.why_node_id] = evidence.get(link.why_node_id, 0) + 1
        signature = (
            tuple((n.id, n.parent_id, n.text, n.is_factor, n.category) for n in order),
            tuple(sorted(evidence.items())),
        )
        if signature == self._signature and self._scene is not None:
            return  # The snapshot changed elsewhere (actions, timeline): nothing to redraw.
        self._signature = signature
        self._order = order
        self._nodes = {n.id: n for n in order if n.id is not None}
        self._evidence = evidence
        if self._selected is not None and self._selected not in self._nodes:
            self._selected = None
        self._update_accessible_description()
        self._relayout()

    def set_theme(self, theme: DiagramTheme) -> None:
        """Draw with ``theme`` from now on."""
        self._theme = theme
        self._wraps.clear()
        self._apply_background()
        self._relayout()

    def theme(self) -> DiagramTheme:
        """Return the theme the diagram draws with."""
        return self._theme

    def set_selected(self, node_id: int | None) -> None:
        """Highlight ``node_id`` (None: nothing) and scroll it into view."""
        selected = node_id if node_id in self._nodes else None
        if selected == self._selected:
            return
        self._selected = selected
        self._canvas.update()
        self._ensure_visible(selected)

    def selected(self) -> int | None:
        """Return the highlighted node's id."""
        return self._selected

    def set_orientation(self, orientation: Orientation | None) -> None:
        """Fix the direction the tree grows in (None: whichever fits the area best)."""
        self._orientation = orientation
        self._relayout()

    def zoom_in(self) -> None:
        """Make the type bigger, scrolling when the tree no longer fits."""
        self._set_zoom((self._zoom or 1.0) * 1.2)

    def zoom_out(self) -> None:
        """Make the type smaller."""
        self._set_zoom((self._zoom or 1.0) / 1.2)

    def zoom_to_fit(self) -> None:
        """Go back to fitting the whole tree in the area."""
        self._zoom = None
        self._relayout()

    def font_px(self) -> int:
        """Return the type size the nodes are drawn at now."""
        return self._scene.font_px if self._scene else self._theme.font_px

    def orientation(self) -> Orientation:
        """Return the direction the tree grows in now."""
        return self._scene.orientation if self._scene else Orientation.LEFT_TO_RIGHT

    def tree_layout(self) -> TreeLayout | None:
        """Return the current placement of the boxes, in canvas coordinates minus the offset."""
        return self._scene.layout if self._scene else None

    def node_rect(self, node_id: int) -> QRectF:
        """Return a node's box in the diagram widget's coordinates (empty when unknown)."""
        if self._scene is None or node_id not in self._scene.layout.boxes:
            return QRectF()
        box = self._scene.layout.boxes[node_id]
        origin = QPointF(self._canvas.mapTo(self, QPointF(0, 0).toPoint()))
        top_left = origin + self._canvas.offset() + QPointF(box.x, box.y)
        return QRectF(top_left.x(), top_left.y(), box.width, box.height)

    def lines_of(self, node_id: int) -> list[str]:
        """Return the wrapped lines a node is drawn with now."""
        if self._scene is None or node_id not in self._scene.texts:
            return []
        return list(self._scene.texts[node_id].lines)

    def is_scrolling(self) -> bool:
        """Tell whether the tree is bigger than the area (scroll bars are shown)."""
        if self._scene is None:
            return False
        area = self._scroll.maximumViewportSize()
        return not self._scene.fits(area)

    def sizeHint(self) -> QSize:
        """Prefer room for a small tree."""
        return QSize(520, 420)

    # --- Qt events --------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the tree again to the new area."""
        super().resizeEvent(event)
        self._relayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Zoom with the standard keys; move between nodes with the arrows."""
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
            event.key() == Qt.Key.Key_Equal
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.zoom_in()
            return
        if event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
            return
        if event.key() == Qt.Key.Key_0 and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_to_fit()
            return
        target = self._neighbour(Qt.Key(event.key()))
        if target is not None:
            self.set_selected(target)
            self.node_clicked.emit(target)
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Zoom with Ctrl+wheel; scroll otherwise."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Show that the diagram has the keyboard."""
        super().focusInEvent(event)
        self._canvas.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Stop showing the keyboard focus."""
        super().focusOutEvent(event)
        self._canvas.update()

    # --- Internals --------------------------------------------------------------------------

    def _apply_background(self) -> None:
        self._scroll.setStyleSheet(
            f"QScrollArea#whysDiagramScroll {{ background: {self._theme.background}; }}"
        )
        self._canvas.update()

    def _set_zoom(self, zoom: float) -> None:
        base = self._fit_font_px
        font_px = max(self.MIN_ZOOM_FONT_PX, min(self.MAX_ZOOM_FONT_PX, round(base * zoom)))
        self._zoom = font_px / base
        self._relayout()

    def _node_texts(self, font_px: int, width_factor: float) -> dict[int, _NodeText]:
        key = (font_px, width_factor)
        cached = self._measured.get(key)
        if cached is not None:
            return cached
        theme = self._theme
        scale = font_px / theme.font_px
        padding = theme.padding * scale
        font = self._font(font_px)
        bold = self._font(font_px)
        bold.setBold(True)
        tag_font = self._tag_font(font_px)
        line_spacing = QFontMetricsF(font).lineSpacing()
        tag_metrics = QFontMetricsF(tag_font)
        max_text = theme.max_box_em * font_px * width_factor
        min_text = 6.0 * font_px
        texts: dict[int, _NodeText] = {}
        for node in self._order:
            assert node.id is not None
            is_problem = self._is_problem(node)
            tag = self._tag(node)
            kind_width = tag_metrics.horizontalAdvance(tag.kind) if tag else 0.0
            evidence_width = tag_metrics.horizontalAdvance(tag.evidence) if tag else 0.0
            wrap_key = (
                node.text or "(empty)",
                is_problem,
                font_px,
                max_text,
                max(kind_width, min_text),
            )
            wrapped = self._wraps.get(wrap_key)
            if wrapped is None:
                wrapped = balanced_wrap(
                    wrap_key[0], bold if is_problem else font, wrap_key[3], wrap_key[4]
                )
                if len(self._wraps) > 20_000:
                    self._wraps.clear()
                self._wraps[wrap_key] = wrapped
            lines, widest = wrapped
            inner = max(widest, kind_width, min_text)
            tag_rows = 0
            evidence_below = False
            if tag is not None:
                tag_rows = 1 if tag.kind or tag.evidence else 0
                together = kind_width + (font_px + evidence_width if tag.kind else evidence_width)
                if tag.evidence and together > inner:
                    evidence_below = True
                    tag_rows = 1 + (1 if tag.kind else 0)
            tag_height = tag_rows * (tag_metrics.height() + 0.35 * font_px)
            stripe = 2 * scale if node.is_factor and not is_problem else 0.0
            height = len(lines) * line_spacing + tag_height
            texts[node.id] = _NodeText(
                lines,
                tag,
                math.ceil(inner + 2 * padding + stripe + 1),
                math.ceil(height + 2 * padding * 0.85),
                evidence_below,
            )
        self._measured[key] = texts
        return texts

    def _is_problem(self, node: WhyNode) -> bool:
        return node.parent_id is None or node.parent_id not in self._nodes

    def _font(self, font_px: int) -> QFont:
        font = QFont(self._theme.font_family)
        font.setPixelSize(font_px)
        return font

    def _tag_font(self, font_px: int) -> QFont:
        font = QFont(self._theme.font_family)
        font.setPixelSize(max(9, round(font_px * 0.66)))
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        return font

    def _tag(self, node: WhyNode) -> _Tag | None:
        assert node.id is not None
        count = self._evidence.get(node.id, 0)
        evidence = _plural(count, "event") if count else ""
        if self._is_problem(node):
            return _Tag("PROBLEM", evidence)
        if node.is_factor:
            if node.category is None:
                return _Tag("FACTOR · NO CATEGORY", evidence)
            return _Tag(node.category.label.upper(), evidence)
        if evidence:
            return _Tag("", evidence)
        return None

    def _scene_for(self, font_px: int, orientation: Orientation, width_factor: float) -> _Scene:
        texts = self._node_texts(font_px, width_factor)
        scale = font_px / self._theme.font_px
        across = orientation == Orientation.LEFT_TO_RIGHT
        spacing = LayoutSpacing(
            level_gap=(2.4 if across else 2.0) * font_px,
            sibling_gap=0.9 * font_px,
            root_gap=2.0 * font_px,
            margin=max(8.0, 14 * scale),
        )
        nodes = [
            LayoutNode(
                node.id,
                node.parent_id if node.parent_id in self._nodes else None,
                texts[node.id].width,
                texts[node.id].height,
            )
            for node in self._order
            if node.id is not None
        ]
        layout = layout_tree(nodes, orientation, spacing, equal_depth_size=across)
        return _Scene(font_px, orientation, layout, texts, width_factor)

    def _fit(self, area: QSize, orientations: list[Orientation]) -> _Scene:
        """Find the largest type (then the widest boxes) at which the whole tree fits."""
        theme = self._theme
        best: _Scene | None = None
        for font_px in range(theme.font_px, theme.min_font_px - 1, -1):
            for width_factor in WIDTH_FACTORS:
                scenes = [self._scene_for(font_px, o, width_factor) for o in orientations]
                fitting = [s for s in scenes if s.fits(area)]
                if fitting:
                    return max(fitting, key=lambda s: s.fit_ratio(area))
                candidate = max(scenes, key=lambda s: s.fit_ratio(area))
                at_minimum = font_px == theme.min_font_px
                if at_minimum and (
                    best is None or candidate.fit_ratio(area) > best.fit_ratio(area)
                ):
                    best = candidate
        assert best is not None
        return best

    def _relayout(self) -> None:
        self._measured = {}
        area = self._scroll.maximumViewportSize()
        orientations = (
            [self._orientation]
            if self._orientation is not None
            else [Orientation.LEFT_TO_RIGHT, Orientation.TOP_DOWN]
        )
        if not self._order:
            scene = _Scene(self._theme.font_px, orientations[0], layout_tree([]), {}, 1.0)
        else:
            scene = self._fit(area, orientations)
            self._fit_font_px = scene.font_px
            if self._zoom is not None:
                zoomed = max(
                    self.MIN_ZOOM_FONT_PX,
                    min(self.MAX_ZOOM_FONT_PX, round(scene.font_px * self._zoom)),
                )
                scene = self._scene_for(zoomed, scene.orientation, scene.width_factor)
        self._scene = scene
        need_width = math.ceil(scene.layout.width)
        need_height = math.ceil(scene.layout.height)
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        width, height = area.width(), area.height()
        if need_width > width:
            height -= bar
        if need_height > height:
            width -= bar
            if need_width > width and need_width <= area.width():
                height -= bar
        self._canvas.resize(max(width, need_width), max(height, need_height))
        self._canvas.update()

    def _ensure_visible(self, node_id: int | None) -> None:
        if node_id is None or self._scene is None or node_id not in self._scene.layout.boxes:
            return
        box = self._scene.layout.boxes[node_id]
        offset = self._canvas.offset()
        centre = QPointF(box.x + box.width / 2, box.y + box.height / 2) + offset
        margin = self._theme.font_px
        self._scroll.ensureVisible(
            round(centre.x()),
            round(centre.y()),
            round(min(box.width / 2 + margin, self._scroll.viewport().width() / 2)),
            round(min(box.height / 2 + margin, self._scroll.viewport().height() / 2)),
        )

    def _neighbour(self, key: Qt.Key) -> int | None:
        if self._scene is None or not self._nodes:
            return None
        layout = self._scene.layout
        current = self._selected
        if current is None:
            roots = layout.children_of.get(None, ())
            movement = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right}
            return roots[0] if roots and key in movement else None
        across = self._scene.orientation == Orientation.LEFT_TO_RIGHT
        deeper = Qt.Key.Key_Right if across else Qt.Key.Key_Down
        shallower = Qt.Key.Key_Left if across else Qt.Key.Key_Up
        previous = Qt.Key.Key_Up if across else Qt.Key.Key_Left
        following = Qt.Key.Key_Down if across else Qt.Key.Key_Right
        if key == deeper:
            kids = layout.children_of.get(current, ())
            return kids[0] if kids else None
        if key == shallower:
            return layout.parent_of.get(current)
        if key in (previous, following):
            siblings = layout.children_of.get(layout.parent_of.get(current), ())
            index = siblings.index(current) + (1 if key == following else -1)
            return siblings[index] if 0 <= index < len(siblings) else None
        return None

    def _update_accessible_description(self) -> None:
        roots = [n for n in self._order if n.parent_id is None]
        factors = [n for n in self._order if n.is_factor]
        if not roots:
            self.setAccessibleDescription("No whys yet.")
            return
        problem = "; ".join(n.text for n in roots)
        self.setAccessibleDescription(
            f"Problem: {problem}. {_plural(len(self._order) - len(roots), 'answer')}, "
            f"{_plural(len(factors), 'contributing factor')}."
        )

    # --- Painting (called by the canvas) ----------------------------------------------------

    def _paint(self, painter: QPainter, offset: QPointF) -> None:
        theme = self._theme
        scene = self._scene
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self._canvas.rect(), QColor(theme.background))
        if scene is None or not scene.layout.boxes:
            self._paint_empty(painter)
            return
        painter.translate(offset)
        scale = scene.font_px / theme.font_px
        self._paint_connectors(painter, scene, scale)
        for node in self._order:
            if node.id is not None and node.id in scene.layout.boxes:
                self._paint_node(painter, scene, node, scale)
        painter.translate(-offset)
        if self.hasFocus():
            pen = QPen(QColor(theme.focus), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            visible = (
                self._scroll.viewport()
                .rect()
                .translated(-self._canvas.pos().x(), -self._canvas.pos().y())
            )
            painter.drawRect(QRectF(visible).adjusted(1, 1, -1, -1))

    def _paint_empty(self, painter: QPainter) -> None:
        painter.setPen(QColor(self._theme.muted_text))
        painter.setFont(self._font(self._theme.font_px))
        painter.drawText(
            QRectF(self._canvas.rect()).adjusted(24, 24, -24, -24),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            "No whys yet. Write the problem statement in the outline to start the tree.",
        )

    def _paint_connectors(self, painter: QPainter, scene: _Scene, scale: float) -> None:
        pen = QPen(QColor(self._theme.line), max(1.5, 1.6 * scale))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = 8 * scale
        for connector in scene.layout.connectors:
            painter.drawPath(_rounded_path(connector.points, radius))

    def _paint_node(self, painter: QPainter, scene: _Scene, node: WhyNode, scale: float) -> None:
        assert node.id is not None
        theme = self._theme
        box = scene.layout.boxes[node.id]
        text = scene.texts[node.id]
        rect = QRectF(box.x, box.y, box.width, box.height)
        radius = 8 * scale
        is_problem = self._is_problem(node)
        fill = QColor(theme.fill_for(node) if not is_problem else theme.problem_fill)
        border = QColor(theme.accent_for(node) if node.is_factor else theme.node_border)
        if is_problem:
            border = fill
        painter.setPen(QPen(border, max(1.0, (1.6 if node.is_factor else 1.0) * scale)))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, radius, radius)
        if node.is_factor and not is_problem:
            band = QRectF(rect.x(), rect.y(), max(4.0, 5 * scale), rect.height())
            path = QPainterPath()
            path.addRoundedRect(rect, radius, radius)
            painter.save()
            painter.setClipPath(path)
            painter.fillRect(band, QColor(theme.accent_for(node)))
            painter.restore()
        if node.id == self._selected:
            pen = QPen(QColor(theme.selected), max(2.5, 3 * scale))
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            grow = max(2.0, 3 * scale)
            painter.drawRoundedRect(
                rect.adjusted(-grow, -grow, grow, grow), radius + grow, radius + grow
            )

        padding = theme.padding * scale
        text_colour = QColor(theme.problem_text if is_problem else theme.text)
        stripe = 2 * scale if node.is_factor and not is_problem else 0.0
        inner_left = rect.x() + padding + stripe
        top = rect.y() + padding * 0.85
        tag_font = self._tag_font(scene.font_px)
        tag_metrics = QFontMetricsF(tag_font)
        tag_step = tag_metrics.height() + 0.35 * scene.font_px
        tag_colour = QColor(theme.problem_text if is_problem else theme.muted_text)
        if is_problem:
            tag_colour.setAlphaF(0.8)
        evidence_at: QPointF | None = None
        if text.tag is not None:
            painter.setFont(tag_font)
            baseline = top + tag_metrics.ascent()
            if text.tag.kind:
                kind_colour = QColor(theme.accent_for(node)) if node.is_factor else tag_colour
                if is_problem:
                    kind_colour = tag_colour
                painter.setPen(kind_colour)
                painter.drawText(QPointF(inner_left, baseline), text.tag.kind)
            if text.tag.evidence:
                width = tag_metrics.horizontalAdvance(text.tag.evidence)
                x = rect.right() - padding - width
                if text.evidence_below:
                    evidence_at = QPointF(x, rect.bottom() - padding * 0.85 - tag_metrics.descent())
                else:
                    evidence_at = QPointF(x, baseline)
            if text.tag.kind or not text.evidence_below:
                top += tag_step
        font = self._font(scene.font_px)
        if is_problem:
            font.setBold(True)
        if not node.text:
            font.setItalic(True)
            text_colour = QColor(theme.muted_text if not is_problem else theme.problem_text)
        painter.setFont(font)
        painter.setPen(text_colour)
        metrics = QFontMetricsF(font)
        for index, line in enumerate(text.lines):
            baseline = top + index * metrics.lineSpacing() + metrics.ascent()
            painter.drawText(QPointF(inner_left, baseline), line)
        if evidence_at is not None and text.tag is not None:
            painter.setFont(tag_font)
            painter.setPen(tag_colour)
            painter.drawText(evidence_at, text.tag.evidence)


def _rounded_path(points: tuple[tuple[float, float], ...], radius: float) -> QPainterPath:
    """Return a polyline through ``points`` with its corners rounded by ``radius``."""
    path = QPainterPath(QPointF(*points[0]))
    for index in range(1, len(points) - 1):
        before = QPointF(*points[index - 1])
        corner = QPointF(*points[index])
        after = QPointF(*points[index + 1])
        incoming = corner - before
        outgoing = after - corner
        length_in = (incoming.x() ** 2 + incoming.y() ** 2) ** 0.5
        length_out = (outgoing.x() ** 2 + outgoing.y() ** 2) ** 0.5
        if length_in < 0.01 or length_out < 0.01:
            path.lineTo(corner)
            continue
        r = min(radius, length_in / 2, length_out / 2)
        path.lineTo(corner - incoming * (r / length_in))
        path.quadTo(corner, corner + outgoing * (r / length_out))
    path.lineTo(QPointF(*points[-1]))
    return path


class _DiagramCanvas(QWidget):
    """The scrolled surface the diagram paints on; it forwards clicks as node ids."""

    def __init__(self, diagram: WhysDiagram) -> None:
        super().__init__()
        self.setObjectName("whysDiagramCanvas")
        self.setAccessibleName("Five whys diagram drawing")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)
        self._diagram = diagram

    def offset(self) -> QPointF:
        """Return where the layout's origin sits, centring a small tree in the area."""
        scene = self._diagram._scene
        if scene is None:
            return QPointF()
        return QPointF(
            max(0.0, (self.width() - scene.layout.width) / 2),
            max(0.0, (self.height() - scene.layout.height) / 2),
        )

    def node_at(self, point: QPointF) -> int | None:
        """Return the node under a point of the canvas."""
        scene = self._diagram._scene
        if scene is None:
            return None
        local = point - self.offset()
        return scene.layout.node_at(local.x(), local.y())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the tree."""
        painter = QPainter(self)
        try:
            self._diagram._paint(painter, self.offset())
        finally:
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Select the node under the pointer and announce it."""
        node_id = self.node_at(event.position())
        self._diagram.setFocus(Qt.FocusReason.MouseFocusReason)
        if node_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self._diagram.set_selected(node_id)
            self._diagram.node_clicked.emit(node_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Show a pointing hand over nodes."""
        over = self.node_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)


__all__ = ["DiagramTheme", "WhysDiagram", "wrap_text"]
