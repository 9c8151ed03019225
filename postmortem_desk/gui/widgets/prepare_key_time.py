"""One key time of the incident: typed in the incident's zone, stored in UTC, with a Now button."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from postmortem_desk.gui.style import colour
from postmortem_desk.services.readiness import format_key_time, offset_label, parse_key_time

Clock = Callable[[], datetime]
INVALID_STYLE_PROPERTY = "invalid"


class KeyTimeField(QObject):
    """Give a line edit, an optional Now button and a UTC label the behaviour of a key time.

    Typing ``now`` or pressing the button fills in the current minute. Empty text clears the time.

    Signals:
        committed(object): the user finished entering a valid time (a UTC datetime or None).
        rejected(str): what the user typed is not a time; the message says what to type.
        previewed(): the typed text changed, so live durations can be recomputed.
    """

    committed = Signal(object)
    rejected = Signal(str)
    previewed = Signal()

    def __init__(
        self,
        edit: QLineEdit,
        utc_label: QLabel | None,
        now_button: QPushButton | None,
        *,
        clock: Clock,
        name: str,
    ) -> None:
        super().__init__(edit)
        self.edit = edit
        self.utc_label = utc_label
        self.now_button = now_button
        self.name = name
        self._clock = clock
        self._offset = 0
        self._reference_day: date | None = None
        self._stored: datetime | None = None
        self._dirty = False
        edit.setPlaceholderText("YYYY-MM-DD HH:MM")
        edit.setAccessibleName(f"{name} time, in the incident's time zone")
        edit.textEdited.connect(self._on_edit_text_edited)
        edit.editingFinished.connect(self._on_edit_editing_finished)
        if now_button is not None:
            now_button.setAccessibleName(f"Set {name.lower()} to now")
            now_button.setToolTip(f"Set {name.lower()} to the current time")
            now_button.clicked.connect(self._on_now_button_clicked)

    @property
    def stored(self) -> datetime | None:
        """Return the value last shown from the database."""
        return self._stored

    def set_context(self, *, offset_minutes: int, reference_day: date | None) -> None:
        """Tell the field the incident's zone and the day a bare ``HH:MM`` falls on."""
        self._offset = offset_minutes
        self._reference_day = reference_day

    def show_value(self, value: datetime | None) -> None:
        """Show a stored value in the incident's zone, unless the user is mid-edit."""
        self._stored = value
        if self._dirty and self.edit.hasFocus():
            return
        self._dirty = False
        self._set_invalid(False)
        text = format_key_time(value, self._offset)
        if self.edit.text() != text:
            self.edit.setText(text)
        self._update_utc_label(value)

    def preview(self) -> datetime | None:
        """Return what the field holds now: the typed time if it parses, else the stored one."""
        text = self.edit.text().strip()
        if text.lower() == "now":
            return self._now()
        try:
            return parse_key_time(
                text, offset_minutes=self._offset, reference_day=self._reference_day
            )
        except ValueError:
            return self._stored

    def _now(self) -> datetime:
        return self._clock().astimezone(UTC).replace(second=0, microsecond=0)

    def _set_invalid(self, invalid: bool) -> None:
        """Outline the field in the danger colour while its text is not a time."""
        if bool(self.edit.property(INVALID_STYLE_PROPERTY)) == invalid:
            return
        self.edit.setProperty(INVALID_STYLE_PROPERTY, invalid)
        self.edit.setStyleSheet(
            f"QLineEdit {{ border: 2px solid {colour('danger').name()}; padding: 4px 7px; }}"
            if invalid
            else ""
        )

    def _update_utc_label(self, value: datetime | None) -> None:
        if self.utc_label is None:
            return
        if value is None:
            self.utc_label.setText("not set")
            self.utc_label.setToolTip("")
            return
        utc = value.astimezone(UTC)
        self.utc_label.setText(f"{utc:%H:%M} UTC")
        self.utc_label.setToolTip(
            f"{utc:%Y-%m-%d %H:%M} UTC · {format_key_time(value, self._offset)} "
            f"{offset_label(self._offset)}"
        )

    def _commit(self, value: datetime | None) -> None:
        self._dirty = False
        self._set_invalid(False)
        if value != self._stored:
            self.committed.emit(value)
        else:
            self.show_value(value)

    def _on_edit_text_edited(self, _text: str) -> None:
        self._dirty = True
        self.previewed.emit()

    def _on_edit_editing_finished(self) -> None:
        if not self._dirty:
            return
        text = self.edit.text().strip()
        if text.lower() == "now":
            self._commit(self._now())
            return
        try:
            value = parse_key_time(
                text, offset_minutes=self._offset, reference_day=self._reference_day
            )
        except ValueError as error:
            self._set_invalid(True)
            self.rejected.emit(f"{self.name}: {error}")
            return
        self._commit(value)

    def _on_now_button_clicked(self) -> None:
        now = self._now()
        self.edit.setText(format_key_time(now, self._offset))
        self._commit(now)
