"""The five-whys step: grow the tree in an outline, see it drawn, mark the systemic factors."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from postmortem_desk.domain.enums import FactorCategory, MeetingStep
from postmortem_desk.domain.models import WhyNode
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.forms.ui_whys_page import Ui_WhysPage
from postmortem_desk.gui.pages.base import StepPage
from postmortem_desk.gui.style import palette
from postmortem_desk.gui.whys.evidence_picker import EvidencePicker, local_time
from postmortem_desk.gui.whys.outline_delegate import WhyTextDelegate
from postmortem_desk.gui.whys.whys_tree_model import (
    EVIDENCE_COLUMN,
    FACTOR_COLUMN,
    ID_ROLE,
    TEXT_COLUMN,
    WhysTreeModel,
)
from postmortem_desk.gui.widgets.whys_diagram import WhysDiagram

SAVE_DELAY_MS = 600

PROBLEM_PROMPTS = (
    "What did customers experience, and for how long?",
    "What made this possible?",
    "What was different from a normal day?",
)
WHY_PROMPTS = (
    "What made this action reasonable at the time?",
    "What did the people involved know then?",
    "What in the system allowed this?",
    "How did the tools present this?",
)
FACTOR_PROMPTS = (
    "What condition would have to change for this not to happen again?",
    "How could we have seen this sooner?",
)
PERSON_HINT = (
    "This answer names a person. Ask what in the system made their action reasonable, "
    "and add that condition as the next why (Tab)."
)
_PERSON_WORDS = re.compile(
    r"\b(he|she|him|her|someone|somebody|the (?:engineer|developer|operator|on-?call(?:er)?)|"
    r"human error|forgot|did not notice|didn't notice|failed to|should have)\b",
    re.IGNORECASE,
)


def names_a_person(text: str, names: list[str]) -> bool:
    """Tell whether a why's text names a person (or a person's lapse) rather than a condition."""
    if not text:
        return False
    if _PERSON_WORDS.search(text):
        return True
    for name in names:
        for part in {name, *name.split()}:
            if len(part) >= 3 and re.search(rf"\b{re.escape(part)}\b", text, re.IGNORECASE):
                return True
    return False


def _repolish_roles(root: QWidget) -> None:
    """Apply the style sheet's role rules again.

    The form's splitter polishes its children before ``retranslateUi`` sets their ``role``.
    """
    for widget in root.findChildren(QWidget):
        if widget.property("role"):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class WhysPage(StepPage):
    """Page of the whys step: outline, drawn tree, and the selected why's details."""

    step = MeetingStep.WHYS

    def __init__(self, controller: PostmortemController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.ui = Ui_WhysPage()
        self.ui.setupUi(self)
        _repolish_roles(self)
        self._selected_id: int | None = None
        self._pending_select: int | None = None
        self._text_node_id: int | None = None
        self._refreshing = False
        self.evidence_picker: EvidencePicker | None = None

        self.model = WhysTreeModel()
        view = self.ui.outlineView
        view.setModel(self.model)
        self.delegate = WhyTextDelegate(view)
        view.setItemDelegateForColumn(TEXT_COLUMN, self.delegate)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        view.setTabKeyNavigation(False)
        # The diagram beside the outline shows factors and evidence; the outline keeps the
        # whole width for the text and marks factors with their category's colour.
        view.setHeaderHidden(True)
        view.setColumnHidden(FACTOR_COLUMN, True)
        view.setColumnHidden(EVIDENCE_COLUMN, True)
        view.header().setStretchLastSection(True)
        view.header().sectionResized.connect(self._on_outline_header_section_resized)
        view.installEventFilter(self)

        self.diagram = WhysDiagram(self.ui.diagramHost)
        self.ui.diagramHostLayout.addWidget(self.diagram)
        self.ui.mainSplitter.setStretchFactor(0, 0)
        self.ui.mainSplitter.setStretchFactor(1, 1)
        self.ui.mainSplitter.setSizes([400, 600])

        combo = self.ui.categoryCombo
        combo.addItem("Choose a category…", None)
        for category in FactorCategory:
            combo.addItem(category.label, category.value)
        self.ui.personHintLabel.setText(PERSON_HINT)
        self.ui.personHintLabel.setObjectName("personHintLabel")
        self.ui.evidenceChips.setObjectName("evidenceChips")

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._on_save_timer_timeout)
        self.ui.whyTextEdit.installEventFilter(self)
        self.register_text_editor(self.ui.whyTextEdit)

        self.model.text_edited.connect(self._on_model_text_edited)
        self.delegate.editor_created.connect(self._on_delegate_editor_created)
        self.delegate.structure_key_pressed.connect(self._on_delegate_structure_key_pressed)
        view.selectionModel().selectionChanged.connect(self._on_outline_selection_changed)
        self.diagram.node_clicked.connect(self._on_diagram_node_clicked)
        self.ui.addChildButton.clicked.connect(self._on_add_child_button_clicked)
        self.ui.addRootButton.clicked.connect(self._on_add_root_button_clicked)
        self.ui.deleteButton.clicked.connect(self._on_delete_button_clicked)
        self.ui.whyTextEdit.textChanged.connect(self._on_why_text_edit_text_changed)
        self.ui.factorCheckBox.clicked.connect(self._on_factor_check_box_clicked)
        self.ui.categoryCombo.activated.connect(self._on_category_combo_activated)
        self.ui.linkEvidenceButton.clicked.connect(self._on_link_evidence_button_clicked)
        self.refresh()

    # --- Reading the snapshot ---------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw the outline, the diagram and the details from the controller's snapshot."""
        bundle = self.controller.bundle
        self._refreshing = True
        try:
            self.model.set_bundle(bundle)
            self.ui.outlineView.expandAll()
            self.diagram.set_bundle(bundle)
            wanted = self._pending_select if self._pending_select is not None else None
            self._pending_select = None
            if wanted is None:
                wanted = self._selected_id
            if wanted is None or self.model.node(wanted) is None:
                roots = self.model.children_of(None)
                wanted = roots[0] if roots else None
            self._select_in_outline(wanted)
        finally:
            self._refreshing = False
        self._show_selected()
        self._update_summary()

    def entered(self) -> None:
        """Put the keyboard in the outline when the meeting arrives at this step."""
        self.ui.outlineView.setFocus()

    def selected_id(self) -> int | None:
        """Return the id of the selected why."""
        return self._selected_id

    def select(self, node_id: int | None) -> None:
        """Select a why in the outline (and so in the diagram)."""
        self._select_in_outline(node_id)

    def _node(self, node_id: int | None) -> WhyNode | None:
        return self.model.node(node_id) if node_id is not None else None

    def _select_in_outline(self, node_id: int | None) -> None:
        view = self.ui.outlineView
        index = self.model.index_of(node_id) if node_id is not None else QModelIndex()
        if index.isValid():
            view.setCurrentIndex(index)
            view.scrollTo(index)
        else:
            view.selectionModel().clearSelection()
            self._set_selected(None)

    def _set_selected(self, node_id: int | None) -> None:
        if node_id != self._selected_id:
            self._flush_text()
        self._selected_id = node_id
        self.diagram.set_selected(node_id)
        if not self._refreshing:
            self._show_selected()

    def _update_summary(self) -> None:
        nodes = self.controller.bundle.why_nodes
        factors = [n for n in nodes if n.is_factor]
        roots = [n for n in nodes if n.parent_id is None]
        if not nodes:
            self.ui.diagramSummaryLabel.setText("Start with the problem statement")
            return
        problems = f"{len(roots)} problems · " if len(roots) > 1 else ""
        answers = len(nodes) - len(roots)
        self.ui.diagramSummaryLabel.setText(
            f"{problems}{answers} answer{'s' if answers != 1 else ''} · "
            f"{len(factors)} contributing factor{'s' if len(factors) != 1 else ''}"
        )

    def _show_selected(self) -> None:
        node = self._node(self._selected_id)
        ui = self.ui
        has_node = node is not None
        for widget in (
            ui.whyTextEdit,
            ui.deleteButton,
            ui.addChildButton,
            ui.linkEvidenceButton,
            ui.evidenceChips,
        ):
            widget.setEnabled(has_node)
        self._show_text(node)
        if node is None or node.id is None:
            ui.levelLabel.setText("")
            ui.personHintLabel.setVisible(False)
            ui.promptsLabel.setText(self._prompts_html(PROBLEM_PROMPTS, "To start, ask"))
            ui.factorCheckBox.setEnabled(False)
            ui.factorCheckBox.setChecked(False)
            ui.categoryCombo.setEnabled(False)
            ui.categoryCombo.setCurrentIndex(0)
            self._show_evidence(None)
            return
        depth = self.model.depth_of(node.id)
        is_leaf = self.model.is_leaf(node.id)
        if depth == 0:
            ui.levelLabel.setText("Problem statement")
        else:
            ui.levelLabel.setText(f"Why {depth} · {'leaf' if is_leaf else 'has answers'}")
        names = self._people_names()
        ui.personHintLabel.setVisible(depth > 0 and is_leaf and names_a_person(node.text, names))
        prompts: tuple[str, ...]
        if depth == 0:
            prompts = PROBLEM_PROMPTS
        elif node.is_factor:
            prompts = FACTOR_PROMPTS
        else:
            prompts = WHY_PROMPTS
        ui.promptsLabel.setText(self._prompts_html(prompts, "Ask the room"))
        can_be_factor = depth > 0 and (is_leaf or node.is_factor)
        ui.factorCheckBox.setEnabled(can_be_factor)
        ui.factorCheckBox.setChecked(node.is_factor)
        ui.factorCheckBox.setToolTip(
            ""
            if can_be_factor
            else "Only the last answer of a branch (a leaf) is a contributing factor."
        )
        ui.categoryCombo.setEnabled(node.is_factor)
        category_index = ui.categoryCombo.findData(node.category.value if node.category else None)
        ui.categoryCombo.setCurrentIndex(max(0, category_index))
        self._show_evidence(node)

    def _show_text(self, node: WhyNode | None) -> None:
        editor = self.ui.whyTextEdit
        node_id = node.id if node is not None else None
        text = node.text if node is not None else ""
        if node_id == self._text_node_id and (editor.hasFocus() or self._save_timer.isActive()):
            return
        self._text_node_id = node_id
        if editor.toPlainText() != text:
            editor.blockSignals(True)
            editor.setPlainText(text)
            editor.blockSignals(False)

    def _people_names(self) -> list[str]:
        bundle = self.controller.bundle
        names = {p.name for p in bundle.participants if p.name}
        names.update(e.actor for e in bundle.events if e.actor)
        return sorted(names)

    @staticmethod
    def _prompts_html(prompts: tuple[str, ...], title: str) -> str:
        items = "".join(f"<li>{html.escape(p)}</li>" for p in prompts)
        return (
            f"<p style='margin:0'><b>{html.escape(title)}</b></p>"
            f"<ul style='margin-top:2px; margin-bottom:0; margin-left:-22px'>{items}</ul>"
        )

    def _show_evidence(self, node: WhyNode | None) -> None:
        layout = self.ui.evidenceChipsLayout
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        if node is None or node.id is None:
            return
        bundle = self.controller.bundle
        linked = {link.event_id for link in bundle.why_evidence if link.why_node_id == node.id}
        events = [e for e in bundle.events if e.id in linked]
        offset = bundle.postmortem.incident_utc_offset_minutes
        if not events:
            empty = QLabel("No event linked yet.", self.ui.evidenceChips)
            empty.setObjectName("noEvidenceLabel")
            empty.setProperty("role", "hint")
            layout.addWidget(empty)
            return
        for event in events:
            assert event.id is not None
            layout.addWidget(self._evidence_chip(event.id, local_time(event, offset), event.text))

    def _evidence_chip(self, event_id: int, when: Any, text: str) -> QFrame:
        chip = QFrame(self.ui.evidenceChips)
        chip.setObjectName(f"evidenceChip_{event_id}")
        chip.setProperty("eventId", event_id)
        chip.setStyleSheet(
            f"QFrame#evidenceChip_{event_id} {{ background: {palette()['accent_soft']};"
            " border-radius: 6px; }"
        )
        row = QHBoxLayout(chip)
        row.setContentsMargins(10, 3, 4, 3)
        row.setSpacing(6)
        time_label = QLabel(when.strftime("%H:%M"), chip)
        time_label.setStyleSheet(f"color: {palette()['accent']}; font-weight: 600;")
        row.addWidget(time_label)
        text_label = QLabel(chip)
        text_label.setObjectName("evidenceChipText")
        text_label.setToolTip(text)
        metrics = text_label.fontMetrics()
        text_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, 260))
        row.addWidget(text_label, 1)
        remove = QPushButton("\u00d7", chip)
        remove.setObjectName(f"unlinkEvidenceButton_{event_id}")
        remove.setAccessibleName(f"Remove the link to the event at {when.strftime('%H:%M')}")
        remove.setToolTip("Remove this link")
        remove.setProperty("role", "flat")
        remove.setFixedWidth(28)
        remove.clicked.connect(lambda _=False, e=event_id: self.unlink_event(e))
        row.addWidget(remove)
        return chip

    # --- Editing ----------------------------------------------------------------------------

    def add_root(self) -> int:
        """Add a problem statement at the end and start typing it."""
        roots = self.model.children_of(None)
        return self._add(None, roots[-1] if roots else None, "Add a problem statement")

    def add_child(self) -> int:
        """Add an answer to the selected why ("what made that possible?")."""
        parent = self._selected_id
        if parent is None:
            return self.add_root()
        return self._add(parent, None, "Ask why")

    def add_sibling(self) -> int:
        """Add a why after the selected one, under the same parent."""
        current = self._selected_id
        if current is None:
            return self.add_root()
        parent = self.model.parent_of(current)
        text = "Add a problem statement" if parent is None else "Add a why"
        return self._add(parent, current, text)

    def _add(self, parent_id: int | None, after_id: int | None, label: str) -> int:
        self._flush_text()
        whys = self.controller.services.whys
        postmortem_id = self.controller.postmortem_id
        node_id = self.controller.push_create(
            label,
            lambda: whys.add_node(postmortem_id, text="", parent_id=parent_id, after_id=after_id),
            whys.delete_node,
            whys.restore_branch,
        )
        self._select_in_outline(node_id)
        index = self.model.index_of(node_id)
        if index.isValid():
            self.ui.outlineView.setFocus()
            self.ui.outlineView.edit(index)
        return node_id

    def set_text(self, node_id: int, text: str) -> None:
        """Change a why's text as one undoable edit."""
        node = self._node(node_id)
        if node is None or node.text == text.strip():
            return
        whys = self.controller.services.whys
        self.controller.push_update(
            "Edit a why",
            lambda fields: whys.update_node(node_id, **fields),
            {"text": node.text},
            {"text": text.strip()},
        )

    def set_factor(self, node_id: int, is_factor: bool) -> None:
        """Mark or unmark a why as a contributing factor."""
        node = self._node(node_id)
        if node is None:
            return
        whys = self.controller.services.whys
        self.controller.push_update(
            "Mark a contributing factor" if is_factor else "Unmark a contributing factor",
            lambda fields: whys.update_node(node_id, **fields),
            {"is_factor": node.is_factor},
            {"is_factor": is_factor},
        )

    def set_category(self, node_id: int, category: FactorCategory | None) -> None:
        """Give a contributing factor its category (None clears it)."""
        node = self._node(node_id)
        if node is None or node.category == category:
            return
        whys = self.controller.services.whys

        def apply(fields: dict[str, Any]) -> None:
            value = fields["category"]
            if value is None:
                whys.update_node(node_id, clear_category=True)
            else:
                whys.update_node(node_id, category=value)

        self.controller.push_update(
            "Set the factor's category", apply, {"category": node.category}, {"category": category}
        )

    def delete_selected(self) -> None:
        """Delete the selected why with its answers (undo brings back the same rows)."""
        node_id = self._selected_id
        if node_id is None:
            return
        self._flush_text()
        parent = self.model.parent_of(node_id)
        siblings = self.model.children_of(parent)
        position = siblings.index(node_id)
        if position + 1 < len(siblings):
            self._pending_select = siblings[position + 1]
        elif position > 0:
            self._pending_select = siblings[position - 1]
        else:
            self._pending_select = parent
        whys = self.controller.services.whys
        count = self._branch_size(node_id)
        label = "Delete a why" if count == 1 else f"Delete a why and its {count - 1} answers"
        self.controller.push_delete(label, node_id, whys.delete_node, whys.restore_branch)

    def _branch_size(self, node_id: int) -> int:
        return 1 + sum(self._branch_size(kid) for kid in self.model.children_of(node_id))

    def outdent_selected(self) -> None:
        """Move the selected why out one level, right after its parent (Shift+Tab)."""
        node_id = self._selected_id
        if node_id is None:
            return
        parent = self.model.parent_of(node_id)
        if parent is None:
            return
        self._flush_text()
        grandparent = self.model.parent_of(parent)
        self._move(node_id, grandparent, self.model.row_of(parent) + 1, "Move a why out")

    def move_selected(self, delta: int) -> None:
        """Move the selected why up or down among its siblings."""
        node_id = self._selected_id
        if node_id is None:
            return
        parent = self.model.parent_of(node_id)
        row = self.model.row_of(node_id)
        target = row + delta
        if not 0 <= target < len(self.model.children_of(parent)):
            return
        self._flush_text()
        self._move(node_id, parent, target, "Reorder a why")

    def _move(self, node_id: int, parent_id: int | None, position: int, label: str) -> None:
        old_parent = self.model.parent_of(node_id)
        old_position = self.model.row_of(node_id)
        whys = self.controller.services.whys
        self._pending_select = node_id
        self.controller.push_update(
            label,
            lambda f: whys.move_node(node_id, parent_id=f["parent_id"], position=f["position"]),
            {"parent_id": old_parent, "position": old_position},
            {"parent_id": parent_id, "position": position},
        )
        self._select_in_outline(node_id)

    def link_event(self, event_id: int) -> None:
        """Link the selected why to a timeline event as its evidence."""
        node_id = self._selected_id
        if node_id is None:
            return
        self._push_link(node_id, event_id, linked=True)

    def unlink_event(self, event_id: int) -> None:
        """Remove the link between the selected why and a timeline event."""
        node_id = self._selected_id
        if node_id is None:
            return
        self._push_link(node_id, event_id, linked=False)

    def _push_link(self, node_id: int, event_id: int, *, linked: bool) -> None:
        whys = self.controller.services.whys

        def apply(fields: dict[str, Any]) -> None:
            if fields["linked"]:
                whys.link_evidence(node_id, event_id=event_id)
            else:
                whys.unlink_evidence(node_id, event_id=event_id)

        self.controller.push_update(
            "Link evidence" if linked else "Remove evidence link",
            apply,
            {"linked": not linked},
            {"linked": linked},
        )

    def _flush_text(self) -> None:
        """Save the side panel's pending text now (before the selection or tree changes)."""
        if not self._save_timer.isActive():
            return
        self._save_timer.stop()
        if self._text_node_id is not None:
            self.set_text(self._text_node_id, self.ui.whyTextEdit.toPlainText())

    # --- Keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shape the tree from the outline's keys; save the side panel's text on focus-out."""
        if watched is self.ui.whyTextEdit and event.type() == QEvent.Type.FocusOut:
            self._flush_text()
            return False
        if (
            watched is self.ui.outlineView
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.ui.outlineView.state() != QAbstractItemView.State.EditingState
        ):
            return self._handle_outline_key(event)
        return super().eventFilter(watched, event)

    def _handle_outline_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        modifiers = event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and control:
            forward = key == Qt.Key.Key_Tab and not modifiers & Qt.KeyboardModifier.ShiftModifier
            self.focusNextPrevChild(forward)
            return True
        if key == Qt.Key.Key_Tab:
            self.add_child()
            return True
        if key == Qt.Key.Key_Backtab:
            self.outdent_selected()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not control and not alt:
            self.add_sibling()
            return True
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_selected()
            return True
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selected(-1 if key == Qt.Key.Key_Up else 1)
            return True
        return False

    # --- Slots ------------------------------------------------------------------------------

    def _on_outline_selection_changed(
        self, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        rows = self.ui.outlineView.selectionModel().selectedRows(TEXT_COLUMN)
        node_id = rows[0].data(ID_ROLE) if rows else None
        self._set_selected(int(node_id) if node_id is not None else None)

    def _on_outline_header_section_resized(self, column: int, old: int, new: int) -> None:
        # Row heights depend on the width the text wraps to.
        self.ui.outlineView.scheduleDelayedItemsLayout()

    def _on_diagram_node_clicked(self, node_id: int) -> None:
        self._select_in_outline(node_id)

    def _on_model_text_edited(self, node_id: int, text: str) -> None:
        self.set_text(node_id, text)

    def _on_delegate_editor_created(self, editor: QLineEdit) -> None:
        self.register_text_editor(editor)
        editor.destroyed.connect(lambda _=None, e=editor: self._forget_editor(e))

    def _forget_editor(self, editor: QLineEdit) -> None:
        if editor in self.text_editors:
            self.text_editors.remove(editor)

    def _on_delegate_structure_key_pressed(self, key: int) -> None:
        if key == Qt.Key.Key_Backtab.value:
            self.outdent_selected()
        else:
            self.add_child()

    def _on_add_child_button_clicked(self) -> None:
        self.add_child()

    def _on_add_root_button_clicked(self) -> None:
        self.add_root()

    def _on_delete_button_clicked(self) -> None:
        self.delete_selected()
        self.ui.outlineView.setFocus()

    def _on_why_text_edit_text_changed(self) -> None:
        if self._text_node_id is not None:
            self._save_timer.start()

    def _on_save_timer_timeout(self) -> None:
        if self._text_node_id is not None:
            self.set_text(self._text_node_id, self.ui.whyTextEdit.toPlainText())

    def _on_factor_check_box_clicked(self, checked: bool) -> None:
        if self._selected_id is not None:
            self.set_factor(self._selected_id, checked)
            if checked and self.ui.categoryCombo.isEnabled():
                self.ui.categoryCombo.setFocus()

    def _on_category_combo_activated(self, index: int) -> None:
        if self._selected_id is None:
            return
        value = self.ui.categoryCombo.itemData(index)
        self.set_category(self._selected_id, FactorCategory(value) if value else None)

    def _on_link_evidence_button_clicked(self) -> None:
        node = self._node(self._selected_id)
        if node is None or node.id is None:
            return
        bundle = self.controller.bundle
        linked = {link.event_id for link in bundle.why_evidence if link.why_node_id == node.id}
        picker = EvidencePicker(
            bundle.events,
            offset_minutes=bundle.postmortem.incident_utc_offset_minutes,
            linked=linked,
            why_text=node.text,
            parent=self,
        )
        if self.controller.current_event_id:
            picker.select_event(self.controller.current_event_id)
        picker.event_chosen.connect(self._on_evidence_picker_event_chosen)
        picker.finished.connect(self._on_evidence_picker_finished)
        self.evidence_picker = picker
        picker.open()

    def _on_evidence_picker_event_chosen(self, event_id: int) -> None:
        self.link_event(event_id)

    def _on_evidence_picker_finished(self, result: int) -> None:
        picker = self.evidence_picker
        self.evidence_picker = None
        if picker is not None:
            picker.deleteLater()
        self.ui.linkEvidenceButton.setFocus()
