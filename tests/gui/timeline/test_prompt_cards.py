"""The prompt card beside the selected event: questions for its kind, more on demand, attach one."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from postmortem_desk.domain.enums import EventKind
from postmortem_desk.gui.timeline.prompt_cards import PAGE_SIZE, PromptCards
from postmortem_desk.services.prompts import bundled_prompts


def test_no_event_shows_a_hint_and_no_questions(qtbot: QtBot) -> None:
    cards = PromptCards()
    qtbot.addWidget(cards)
    cards.show()
    assert cards.empty_label.isVisible()
    assert not any(label.isVisible() for label in cards.question_labels)
    assert not cards.more_button.isVisible()


def test_an_alert_shows_the_alert_questions_from_the_data_file(qtbot: QtBot) -> None:
    cards = PromptCards()
    qtbot.addWidget(cards)
    cards.show()
    cards.set_kind(EventKind.ALERT)
    card = bundled_prompts().for_kind(EventKind.ALERT)
    assert cards.heading_label.text() == card.title.upper()
    shown = [label.text() for label in cards.question_labels if label.isVisible()]
    assert shown == list(card.questions[:PAGE_SIZE])
    assert shown[0] == "What did the responder see first?"
    assert not cards.empty_label.isVisible()


def test_more_turns_through_every_question_and_wraps(qtbot: QtBot) -> None:
    cards = PromptCards()
    qtbot.addWidget(cards)
    cards.show()
    cards.set_kind(EventKind.CHANGE)
    seen: list[str] = []
    for _ in range(-(-len(cards.questions()) // PAGE_SIZE)):
        seen.extend(cards.visible_questions())
        qtbot.mouseClick(cards.more_button, Qt.MouseButton.LeftButton)
    assert seen == list(cards.questions())
    assert cards.visible_questions() == list(cards.questions()[:PAGE_SIZE])
    cards.show_more()
    cards.set_kind(EventKind.NOTE)
    assert cards.visible_questions()[0] == bundled_prompts().for_kind(EventKind.NOTE).questions[0]


def test_plus_attaches_the_question_beside_it(qtbot: QtBot) -> None:
    cards = PromptCards()
    qtbot.addWidget(cards)
    cards.show()
    cards.set_kind(EventKind.PAGE)
    with qtbot.waitSignal(cards.question_picked) as blocker:
        qtbot.mouseClick(cards.add_buttons[1], Qt.MouseButton.LeftButton)
    assert blocker.args == [cards.visible_questions()[1]]
    assert cards.add_buttons[1].accessibleName().endswith(cards.visible_questions()[1])
