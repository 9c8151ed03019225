"""The Roles step: who does what in the meeting and in the incident, and the opening script."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from postmortem_desk.domain.enums import MeetingStep, RoleKind
from postmortem_desk.domain.errors import UserFacingError
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.forms.ui_roles_page import Ui_RolesPage
from postmortem_desk.gui.pages.base import StepPage
from postmortem_desk.gui.style import colour
from postmortem_desk.gui.widgets.prepare_autosave import EditorAutosave
from postmortem_desk.gui.widgets.prepare_look import page_style_sheet, repolish_roles, set_role
from postmortem_desk.gui.widgets.roles_people import UndoablePeople
from postmortem_desk.services.readiness import (
    facilitator_conflicts,
    ground_rules_from_setting,
    ground_rules_from_text,
)
from postmortem_desk.services.settings import DEFAULT_GROUND_RULES

GROUND_RULES_KEY = "ground_rules"
NOBODY = ""
ADD_PERSON = "\x00add"
SEVERAL = "\x00several"
SCRIPT_POINT_SIZE = 15


class RolesPage(StepPage):
    """Assign the meeting and incident roles, and show the ground rules to read aloud."""

    step = MeetingStep.ROLES

    def __init__(self, controller: PostmortemController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.ui = Ui_RolesPage()
        self.ui.setupUi(self)
        self.setStyleSheet(page_style_sheet())
        repolish_roles(self)
        self.people = UndoablePeople(controller)
        ui = self.ui
        self.combos: dict[RoleKind, QComboBox] = {
            RoleKind.FACILITATOR: ui.facilitatorCombo,
            RoleKind.NOTE_TAKER: ui.noteTakerCombo,
            RoleKind.ACTION_TRACKER: ui.actionTrackerCombo,
            RoleKind.OWNER: ui.ownerCombo,
            RoleKind.INCIDENT_COMMANDER: ui.incidentCommanderCombo,
            RoleKind.TECHNICAL_LEAD: ui.technicalLeadCombo,
            RoleKind.COMMUNICATIONS_LEAD: ui.communicationsLeadCombo,
        }
        self._combo_signature: tuple[object, ...] = ()
        self._adding_role: RoleKind | None = None
        for role, combo in self.combos.items():
            combo.activated.connect(lambda index, r=role: self._on_role_combo_activated(r, index))
        ui.addPersonFrame.hide()
        ui.addPersonButton.clicked.connect(self._on_add_person_button_clicked)
        ui.newNameEdit.returnPressed.connect(self._on_add_person_button_clicked)
        ui.newTeamEdit.returnPressed.connect(self._on_add_person_button_clicked)
        ui.cancelAddButton.clicked.connect(self._on_cancel_add_button_clicked)
        cancel = QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), ui.addPersonFrame)
        cancel.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        cancel.activated.connect(self._on_cancel_add_button_clicked)

        self.register_text_editor(ui.scriptEdit)
        self.script_saver = EditorAutosave(ui.scriptEdit)
        self.script_saver.committed.connect(self._on_script_saver_committed)
        ui.editScriptButton.toggled.connect(self._on_edit_script_button_toggled)
        ui.resetScriptButton.clicked.connect(self._on_reset_script_button_clicked)
        font = ui.scriptEdit.font()
        font.setPointSize(13)
        ui.scriptEdit.setFont(font)
        ui.scriptView.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._align_role_labels()
        self.refresh()

    def _align_role_labels(self) -> None:
        """Give both role lists one label width, so their choices line up."""
        ui = self.ui
        labels: list[QLabel] = [
            ui.facilitatorLabel,
            ui.noteTakerLabel,
            ui.actionTrackerLabel,
            ui.ownerLabel,
            ui.incidentCommanderLabel,
            ui.technicalLeadLabel,
            ui.communicationsLeadLabel,
        ]
        width = max(label.sizeHint().width() for label in labels)
        for widget in labels:
            widget.setMinimumWidth(width)

    # --- redraw ----------------------------------------------------------------------------

    def ground_rules(self) -> list[str]:
        """Return the organisation's ground rules (the defaults when none are stored)."""
        return ground_rules_from_setting(
            self.controller.services.settings.get(GROUND_RULES_KEY), DEFAULT_GROUND_RULES
        )

    def entered(self) -> None:
        """Put the keyboard on the facilitator's list when the meeting arrives here."""
        self.ui.facilitatorCombo.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        """Redraw the role lists, the neutrality warning and the script."""
        self._refresh_combos()
        conflicts = facilitator_conflicts(self.controller.bundle)
        self.ui.conflictLabel.setText("\n\n".join(conflicts))
        self.ui.conflictLabel.setVisible(bool(conflicts))
        self._refresh_script()

    def _refresh_combos(self) -> None:
        bundle = self.controller.bundle
        people = [(p.name, p.team) for p in bundle.participants]
        holders = {role: [p.name for p in bundle.people_in_role(role)] for role in self.combos}
        signature = (tuple(people), tuple(tuple(names) for names in holders.values()))
        if signature == self._combo_signature:
            return
        self._combo_signature = signature
        for role, combo in self.combos.items():
            names = holders[role]
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("Nobody yet", NOBODY)
            for name, team in people:
                combo.addItem(f"{name}  ·  {team}" if team else name, name)
            if len(names) > 1:
                combo.addItem(" and ".join(names), SEVERAL)
            combo.insertSeparator(combo.count())
            combo.addItem("Add a person…", ADD_PERSON)
            if len(names) > 1:
                combo.setCurrentIndex(combo.findData(SEVERAL))
            else:
                combo.setCurrentIndex(max(0, combo.findData(names[0] if names else NOBODY)))
            combo.setAccessibleDescription(
                ", ".join(names) if names else f"Nobody is {role.label.lower()} yet"
            )
            combo.blockSignals(False)

    def _refresh_script(self) -> None:
        rules = self.ground_rules()
        muted = colour("muted").name()
        items = "".join(
            f'<li style="margin-bottom: 10px;">{html.escape(rule)}</li>' for rule in rules
        )
        self.ui.scriptView.setText(
            f'<p style="font-size: 12pt; color: {muted}; margin-bottom: 10px;">'
            "Welcome, and thank you for making the time. We are here to learn how this "
            "incident happened, so it becomes less likely and easier to handle. Our ground "
            "rules:</p>"
            f'<ol style="font-size: {SCRIPT_POINT_SIZE}pt; margin-left: 0px; '
            f'-qt-list-indent: 1;">{items}</ol>'
            f'<p style="font-size: 12pt; color: {muted};">'
            "Let\u2019s walk through the timeline together.</p>"
        )
        ui = self.ui
        if ground_rules_from_text(self.script_saver.text()) != rules:
            self.script_saver.show_value("\n".join(rules))
        is_default = rules == DEFAULT_GROUND_RULES
        ui.resetScriptButton.setEnabled(not is_default)
        ui.scriptFooter.setText(
            "These are the default ground rules. Edit them once for every postmortem of your "
            "organisation."
            if is_default
            else "Your organisation\u2019s ground rules, used in every postmortem."
        )

    # --- roles -----------------------------------------------------------------------------

    def assign(self, role: RoleKind, names: list[str]) -> None:
        """Make exactly ``names`` hold ``role`` as one undoable edit."""
        if names != self.people.holders(role):
            self.people.set_holders(role, names)

    def _on_role_combo_activated(self, role: RoleKind, index: int) -> None:
        combo = self.combos[role]
        value = combo.itemData(index)
        if value == ADD_PERSON:
            self._restore_combo(role)
            self._start_adding(role)
            return
        if value == SEVERAL:
            return
        self.assign(role, [str(value)] if value else [])

    def _restore_combo(self, role: RoleKind) -> None:
        combo = self.combos[role]
        names = self.people.holders(role)
        combo.blockSignals(True)
        key = SEVERAL if len(names) > 1 else (names[0] if names else NOBODY)
        combo.setCurrentIndex(max(0, combo.findData(key)))
        combo.blockSignals(False)

    def _start_adding(self, role: RoleKind) -> None:
        ui = self.ui
        self._adding_role = role
        ui.addPersonTitle.setText(f"Add a person as {role.label.lower()}:")
        set_role(ui.addPersonTitle, "muted")
        ui.newNameEdit.clear()
        ui.newTeamEdit.clear()
        ui.addPersonFrame.show()
        ui.newNameEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _finish_adding(self) -> None:
        role = self._adding_role
        self._adding_role = None
        self.ui.addPersonFrame.hide()
        if role is not None:
            self.combos[role].setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_add_person_button_clicked(self) -> None:
        role = self._adding_role
        if role is None:
            return
        ui = self.ui
        try:
            name = self.people.check_new_name(ui.newNameEdit.text())
        except UserFacingError as error:
            ui.addPersonTitle.setText(str(error))
            set_role(ui.addPersonTitle, "danger")
            ui.newNameEdit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        stack = self.controller.undo_stack
        stack.beginMacro(f"Add {name} as {role.label.lower()}")
        try:
            self.people.add(name, team=ui.newTeamEdit.text())
            self.people.set_holders(role, [name])
        finally:
            stack.endMacro()
        self._finish_adding()

    def _on_cancel_add_button_clicked(self) -> None:
        self._finish_adding()

    # --- ground rules ----------------------------------------------------------------------

    def _save_rules(self, text: str, rules: list[str] | None) -> None:
        settings = self.controller.services.settings
        before = self.ground_rules()

        def apply(values: dict[str, list[str] | None]) -> None:
            if values["rules"] is None:
                settings.reset(GROUND_RULES_KEY)
            else:
                settings.set(GROUND_RULES_KEY, values["rules"])

        self.controller.push_update(text, apply, {"rules": before}, {"rules": rules})

    def _on_script_saver_committed(self, text: str) -> None:
        rules = ground_rules_from_text(text)
        if not rules or rules == self.ground_rules():
            return
        self._save_rules("Edit the ground rules", rules)

    def _on_reset_script_button_clicked(self) -> None:
        self.script_saver.flush()
        self._save_rules("Reset the ground rules to the defaults", None)

    def _on_edit_script_button_toggled(self, editing: bool) -> None:
        ui = self.ui
        if editing:
            ui.scriptStack.setCurrentWidget(ui.editPage)
            ui.editScriptButton.setText("&Done")
            ui.scriptEdit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.script_saver.flush()
            ui.scriptStack.setCurrentWidget(ui.readPage)
            ui.editScriptButton.setText("&Edit the rules")
            self._refresh_script()
