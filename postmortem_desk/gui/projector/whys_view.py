"""The five-whys tree for the room."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from postmortem_desk.export.report_model import Anonymiser
from postmortem_desk.gui.projector.step_views import ProjectorView, clear_layout, label
from postmortem_desk.gui.projector.theme import ProjectorPalette, ProjectorType
from postmortem_desk.services.bundle import PostmortemBundle


class WhysView(ProjectorView):
    """Draw the tree as an indented outline; contributing factors are marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorWhys")
        layout = QVBoxLayout(self)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(10)
        layout.addLayout(self.rows)
        layout.addStretch(1)

    def show_bundle(
        self,
        bundle: PostmortemBundle,
        names: Anonymiser,
        current_event_id: int,
        palette: ProjectorPalette,
        type_: ProjectorType,
    ) -> None:
        """Show every node, indented by depth."""
        clear_layout(self.rows)
        children = bundle.why_children()

        def walk(parent_id: int | None, depth: int) -> None:
            for node in children.get(parent_id, []):
                prefix = "Contributing factor: " if node.is_factor else ""
                row = label(
                    f"{prefix}{names.text(node.text)}", "strong" if node.is_factor else "body"
                )
                row.setContentsMargins(depth * type_.body * 2, 0, 0, 0)
                self.rows.addWidget(row)
                walk(node.id, depth + 1)

        walk(None, 0)
