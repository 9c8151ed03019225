"""The five-whys tree for the room, drawn by the same diagram the facilitator sees."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QVBoxLayout, QWidget

from postmortem_desk.export.report_model import Anonymiser
from postmortem_desk.gui.projector.step_views import ProjectorView
from postmortem_desk.gui.projector.theme import ProjectorPalette, ProjectorType
from postmortem_desk.gui.widgets.whys_diagram import DiagramTheme, WhysDiagram
from postmortem_desk.services.bundle import PostmortemBundle


def projector_diagram_theme(palette: ProjectorPalette, type_: ProjectorType) -> DiagramTheme:
    """Return the diagram theme for one projector palette and screen height."""
    if palette.name == "dark":
        base = DiagramTheme.high_contrast(font_px=type_.body)
    else:
        base = DiagramTheme(
            font_px=type_.body,
            background=palette.background,
            text=palette.text,
            muted_text=palette.muted,
            node_fill=palette.surface,
            node_border=palette.line,
            problem_fill=palette.accent,
            problem_text=palette.accent_text,
            line=palette.line,
            selected=palette.accent,
            focus=palette.accent,
            padding=16,
        )
    return replace(
        base, background=palette.background, min_font_px=max(16, round(type_.small * 0.75))
    )


class WhysView(ProjectorView):
    """Draw the tree; contributing factors stand out by colour and label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorWhys")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.diagram = WhysDiagram(self)
        self.diagram.setObjectName("projectorWhysDiagram")
        layout.addWidget(self.diagram)

    def show_bundle(
        self,
        bundle: PostmortemBundle,
        names: Anonymiser,
        current_event_id: int,
        palette: ProjectorPalette,
        type_: ProjectorType,
    ) -> None:
        """Show the tree with names replaced when the room sees roles only."""
        del current_event_id
        nodes = [
            node.model_copy(update={"text": names.text(node.text)}) for node in bundle.why_nodes
        ]
        self.diagram.set_theme(projector_diagram_theme(palette, type_))
        self.diagram.set_bundle(replace(bundle, why_nodes=nodes))
        texts = "; ".join(node.text for node in nodes)
        self.diagram.setAccessibleName(f"Five whys: {texts}")
