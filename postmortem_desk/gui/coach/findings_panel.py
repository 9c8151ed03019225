"""The facilitator's list of coach findings in the editors of the current step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from postmortem_desk.coach import CATEGORY_LABELS, Finding
from postmortem_desk.gui.coach.editor_support import CoachEditorSupport
from postmortem_desk.gui.coach.highlighter import severity_colour
from postmortem_desk.gui.models.row_table import ModelIndex, RowTableModel


@dataclass(frozen=True)
class FindingRow:
    """One row of the panel: where the finding is and the finding itself."""

    label: str
    support: CoachEditorSupport
    finding: Finding


class CoachFindingsModel(RowTableModel[FindingRow]):
    """Findings of the registered editors as a table: where, category, text, suggestion."""

    COLUMNS = ("Where", "Category", "Text", "Suggestion")
    FindingRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sources: list[tuple[CoachEditorSupport, str]] = []

    def register(self, support: CoachEditorSupport, label: str) -> None:
        """List the findings of one editor under ``label`` (e.g. "Summary")."""
        if any(existing is support for existing, _ in self._sources):
            return
        self._sources.append((support, label))
        support.findings_changed.connect(self._on_support_findings_changed)
        support.destroyed.connect(self._on_support_destroyed)
        self.refresh()

    def unregister(self, support: CoachEditorSupport) -> None:
        """Stop listing one editor's findings."""
        before = len(self._sources)
        self._sources = [(s, label) for s, label in self._sources if s is not support]
        if len(self._sources) != before:
            support.findings_changed.disconnect(self._on_support_findings_changed)
            support.destroyed.disconnect(self._on_support_destroyed)
            self.refresh()

    def clear_sources(self) -> None:
        """Stop listing every editor (the step changed)."""
        for support, _ in list(self._sources):
            self.unregister(support)

    def refresh(self) -> None:
        """Rebuild the rows from the registered editors."""
        self.beginResetModel()
        self._rows = [
            FindingRow(label, support, finding)
            for support, label in self._sources
            for finding in support.findings()
        ]
        self.endResetModel()

    def row_at(self, row: int) -> FindingRow | None:
        """Return the row's finding and editor, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the text, tooltip, colour or finding of one cell."""
        row = self._row_for(index)
        if row is None:
            return None
        finding = row.finding
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            values = (
                row.label,
                CATEGORY_LABELS.get(finding.category, finding.category),
                finding.matched,
                finding.suggestion,
            )
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding.message
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(severity_colour(finding.severity))
        if role == self.FindingRole:
            return finding
        return None

    def _on_support_findings_changed(self) -> None:
        self.refresh()

    def _on_support_destroyed(self, _obj: QObject | None = None) -> None:
        alive = []
        for support, label in self._sources:
            try:
                support.objectName()
            except RuntimeError:
                continue
            alive.append((support, label))
        self._sources = alive
        self.refresh()


class CoachFindingsPanel(QWidget):
    """A facilitator-only panel: the findings of the current step's editors.

    Activating a row (double-click or Enter) jumps to the span in its editor; "Ignore" stops
    flagging it in this postmortem (the editor's support emits ``finding_ignored``).
    Never add this panel to the projector window.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coachFindingsPanel")
        self.setAccessibleName("Language coach findings")
        self.model = CoachFindingsModel(self)
        self._title = QLabel(self)
        self._title.setObjectName("coachFindingsTitle")
        self._title.setAccessibleName("Language coach summary")
        self.view = QTableView(self)
        self.view.setObjectName("coachFindingsView")
        self.view.setAccessibleName("Findings of the language coach")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setColumnHidden(0, True)
        self.view.setColumnHidden(3, True)
        self.view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._on_view_activated)
        self.detail = QLabel(self)
        self.detail.setObjectName("coachFindingDetail")
        self.detail.setAccessibleName("Why it matters and what to write instead")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setProperty("role", "hint")
        self.go_button = QPushButton("Go to text", self)
        self.go_button.setObjectName("coachGoToButton")
        self.go_button.setAccessibleName("Go to the flagged text")
        self.go_button.clicked.connect(self._on_go_button_clicked)
        self.ignore_button = QPushButton("Ignore in this postmortem", self)
        self.ignore_button.setObjectName("coachIgnoreButton")
        self.ignore_button.setAccessibleName("Ignore this finding in this postmortem")
        self.ignore_button.clicked.connect(self._on_ignore_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.go_button)
        buttons.addWidget(self.ignore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.detail, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons)
        self.model.modelReset.connect(self._on_model_model_reset)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_row_changed)
        self._on_model_model_reset()

    def register(self, support: CoachEditorSupport, label: str) -> None:
        """Show the findings of one editor under ``label``."""
        self.model.register(support, label)

    def unregister(self, support: CoachEditorSupport) -> None:
        """Stop showing one editor's findings."""
        self.model.unregister(support)

    def clear(self) -> None:
        """Stop showing every editor (the step changed)."""
        self.model.clear_sources()

    def selected_row(self) -> FindingRow | None:
        """Return the selected finding, if any."""
        indexes = self.view.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def _on_model_model_reset(self) -> None:
        count = self.model.rowCount()
        self._title.setText(
            "Language coach: nothing to rephrase"
            if count == 0
            else f"Language coach: {count} phrase{'s' if count != 1 else ''} to rethink"
        )
        has_rows = count > 0
        self.go_button.setEnabled(has_rows)
        self.ignore_button.setEnabled(has_rows)
        if has_rows:
            self.view.selectRow(0)
        self._show_detail()

    def _on_view_current_row_changed(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.selected_row()
        if row is None:
            self.detail.setText(
                "Wording that blames people shows up here as you type, with a blameless way "
                "to say it. Only you see this panel."
            )
            return
        self.detail.setText(
            f"In {row.label}: “{row.finding.matched}”\n\n{row.finding.message}\n\n"
            f"Try: {row.finding.suggestion}"
        )

    def _on_view_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            row.support.select(row.finding)

    def _on_go_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            row.support.select(row.finding)

    def _on_ignore_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            row.support.ignore(row.finding)
