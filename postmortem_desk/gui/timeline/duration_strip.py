"""The compact strip above the timeline: time to detect, acknowledge, mitigate and resolve."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from postmortem_desk.domain.rules import (
    IncidentDurations,
    KeyTimes,
    format_duration,
    incident_durations,
)
from postmortem_desk.gui.style import colour

MEASURED_FROM = {
    "Time to detect": "from start to detection",
    "Time to acknowledge": "from detection to acknowledgement",
    "Time to mitigate": "from start to mitigation",
    "Time to resolve": "from start to resolution",
}
SHORT_LABELS = {
    "Time to detect": "Detect",
    "Time to acknowledge": "Acknowledge",
    "Time to mitigate": "Mitigate",
    "Time to resolve": "Resolve",
}


class DurationStrip(QFrame):
    """Four durations from the key times, each a big number over a small caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("durationStrip")
        self.setAccessibleName("Incident durations")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(28)
        self.value_labels: dict[str, QLabel] = {}
        for name, short in SHORT_LABELS.items():
            block = QVBoxLayout()
            block.setSpacing(0)
            value = QLabel("\u2014", self)
            value.setObjectName(f"duration{short}Value")
            value.setStyleSheet("font-size: 15pt; font-weight: 600;")
            caption = QLabel(f"TO {short.upper()}", self)
            caption.setObjectName(f"duration{short}Caption")
            caption.setStyleSheet(
                f"color: {colour('muted').name()}; font-size: 8pt; font-weight: 600;"
                " letter-spacing: 1px;"
            )
            block.addWidget(value)
            block.addWidget(caption)
            layout.addLayout(block)
            self.value_labels[name] = value
        layout.addStretch(1)
        self.durations: IncidentDurations = incident_durations(KeyTimes())

    def set_key_times(self, times: KeyTimes) -> None:
        """Show the durations between ``times``; unknown ones say what is missing."""
        self.durations = incident_durations(times)
        for name, value in self.durations.items():
            label = self.value_labels[name]
            label.setText(format_duration(value))
            missing = value is None
            label.setStyleSheet(
                "font-size: 15pt; font-weight: 600;"
                + (f" color: {colour('border_strong').name()};" if missing else "")
            )
            tip = f"{name}, {MEASURED_FROM[name]}."
            if missing:
                tip += " Mark both milestones on the timeline to measure it."
            label.setToolTip(tip)
            label.setAccessibleName(f"{name}: {format_duration(value)}")
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def text(self) -> str:
        """Return the strip as one line, for tests and screen readers."""
        return " · ".join(
            f"{name} {format_duration(value)}" for name, value in self.durations.items()
        )
