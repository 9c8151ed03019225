"""The facilitator's prompt card beside the selected event: what/how questions for its kind."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from postmortem_desk.domain.enums import EventKind
from postmortem_desk.gui.style import colour
from postmortem_desk.services.prompts import PromptLibrary, bundled_prompts

PAGE_SIZE = 3


class PromptCards(QFrame):
    """Show a few questions suited to the selected event's kind; one click attaches one.

    Signals:
        question_picked(str): the facilitator wants this question attached to the event.
    """

    question_picked = Signal(str)

    def __init__(self, parent: QWidget | None = None, library: PromptLibrary | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptCards")
        self.setAccessibleName("Questions to ask about the selected event")
        self._library = library or bundled_prompts()
        self._kind: EventKind | None = None
        self._page = 0
        self.setStyleSheet(
            f"QFrame#promptCards {{ background: {colour('accent_soft').name()};"
            f" border: 1px solid {colour('border').name()}; border-radius: 10px; }}"
            " QFrame#promptCards QLabel { background: transparent; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 10, 10)
        layout.setSpacing(6)
        header = QHBoxLayout()
        header.setSpacing(6)
        self.heading_label = QLabel(self)
        self.heading_label.setObjectName("promptHeading")
        self.heading_label.setStyleSheet(
            f"color: {colour('accent').name()}; font-size: 8pt; font-weight: 700;"
            " letter-spacing: 1px;"
        )
        header.addWidget(self.heading_label, 1)
        self.more_button = QPushButton("More \u203a", self)
        self.more_button.setObjectName("promptMoreButton")
        self.more_button.setAccessibleName("Show more questions for this event")
        self.more_button.setProperty("role", "flat")
        self.more_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more_button.clicked.connect(self._on_more_button_clicked)
        header.addWidget(self.more_button)
        layout.addLayout(header)

        self.question_labels: list[QLabel] = []
        self.add_buttons: list[QPushButton] = []
        for number in range(PAGE_SIZE):
            row = QHBoxLayout()
            row.setSpacing(6)
            label = QLabel(self)
            label.setObjectName(f"promptQuestion{number + 1}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet("font-size: 10.5pt;")
            button = QPushButton("+", self)
            button.setObjectName(f"promptAddButton{number + 1}")
            button.setFixedSize(26, 26)
            button.setStyleSheet("padding: 0px; min-height: 0px; font-weight: 700;")
            button.setToolTip("Attach this question to the event")
            button.clicked.connect(lambda _checked=False, n=number: self._on_add_button_clicked(n))
            row.addWidget(label, 1)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)
            self.question_labels.append(label)
            self.add_buttons.append(button)
        self.empty_label = QLabel("Select an event to see questions worth asking about it.", self)
        self.empty_label.setObjectName("promptEmpty")
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.set_kind(None)

    @property
    def kind(self) -> EventKind | None:
        """Return the kind whose questions are shown."""
        return self._kind

    def questions(self) -> tuple[str, ...]:
        """Return every question for the shown kind, its own first."""
        if self._kind is None:
            return ()
        return self._library.questions_for(self._kind)

    def visible_questions(self) -> list[str]:
        """Return the questions on screen now."""
        start = self._page * PAGE_SIZE
        return list(self.questions()[start : start + PAGE_SIZE])

    def set_kind(self, kind: EventKind | None) -> None:
        """Show the card of ``kind`` (None when no event is selected)."""
        if kind != self._kind:
            self._page = 0
        self._kind = kind
        self._render()

    def show_more(self) -> None:
        """Turn to the next few questions, wrapping round."""
        total = len(self.questions())
        pages = max(1, -(-total // PAGE_SIZE))
        self._page = (self._page + 1) % pages
        self._render()

    def _render(self) -> None:
        kind = self._kind
        shown = self.visible_questions()
        if kind is None:
            self.heading_label.setText("PROMPTS")
        else:
            self.heading_label.setText(self._library.for_kind(kind).title.upper())
        self.empty_label.setVisible(kind is None)
        self.more_button.setVisible(kind is not None and len(self.questions()) > PAGE_SIZE)
        for number, (label, button) in enumerate(
            zip(self.question_labels, self.add_buttons, strict=True)
        ):
            text = shown[number] if number < len(shown) else ""
            label.setText(text)
            label.setVisible(bool(text))
            button.setVisible(bool(text))
            button.setAccessibleName(f"Attach the question: {text}" if text else "")

    def _on_more_button_clicked(self) -> None:
        self.show_more()

    def _on_add_button_clicked(self, number: int) -> None:
        shown = self.visible_questions()
        if number < len(shown):
            self.question_picked.emit(shown[number])
